//! Quotations with their speakers, cited sources and reporting verbs.
//!
//! Quote marks are paired paragraph by paragraph (straight, curly and PTB ``...'' marks); a paragraph that
//! ends inside a quote continues into the next one when that opens with a quote mark (wire style for quotes
//! over several paragraphs). A quoted span that is a name (an entity, or a short title-cased phrase such as
//! the "Weaponry Exhibition-2023" event) is not a quote.
//!
//! Attribution, in order: a reporting verb in the quote's sentence and its subject ("Kim said", "...,"
//! said Kim", "he said" -> the last person named, "it added" -> the medium last cited), "according to X";
//! otherwise the previous quote of the paragraph, then the neighbouring sentences of the paragraph. A news
//! medium as subject ("the KCNA said") is the quote's source, not its speaker.
use crate::reading::story::{self, is_aux_or_adverb, is_medium, Doc};
use crate::types::*;
use std::cell::{Cell, OnceCell};

mod marks;
mod verbs;

use marks::{find_quotes, is_name, quote_marks, Raw};
use verbs::{verb_shaped, verbs, with_low};

/// Fills `art.quotes`.
pub fn extract(art: &mut Article) {
    if art.text.is_empty() {
        return;
    }
    // Most stories quote no one (four in five Reuters stories): one vectorised scan of the text for quote
    // marks settles those before any per-story work.
    let Some(marks) = quote_marks(&art.text) else {
        art.quotes.clear();
        return;
    };
    let raw = find_quotes(art, &marks);
    if raw.is_empty() || crate::util::cancel::requested() {
        art.quotes.clear();
        return;
    }
    art.quotes = attribute(art, &raw);
}

/// only for the quotes kept, not for every sentence looked at.
#[derive(Debug, Clone, Copy, Default)]
struct Attr {
    /// Speaking entity.
    speaker: Option<u32>,
    /// Cited medium entity.
    source: Option<u32>,
    /// Token of the reporting verb.
    verb: Option<u32>,
}

impl Attr {
    fn found(&self) -> bool {
        self.speaker.is_some() || self.source.is_some()
    }
}

/// What the quotes look at in one sentence, worked out when first asked for: most quotes are settled by
/// their own sentence, and the neighbours' facts are then never needed.
#[derive(Debug, Default)]
struct SentFacts {
    /// Some quote may look at this sentence (its own, the next one, or a few before it): the facts below
    /// hold only there, and are none elsewhere.
    need: bool,
    /// Its first reporting verb outside quotes, as a token index.
    verb: OnceCell<Option<u32>>,
    /// Has "according" outside quotes.
    cites: OnceCell<bool>,
    /// Its first PERSON mention outside quotes (the likely subject), as an entity index.
    first_person: OnceCell<Option<u32>>,
    /// The medium it cites as a source ("the KCNA said", "according to Yonhap").
    medium: Cell<Medium>,
    /// Its reporting verbs outside quotes, as token indices in order: each quote finds the nearest one by
    /// binary search instead of walking its sentence (a sentence may hold thousands of quotes).
    verbs: OnceCell<Vec<u32>>,
    /// Its tokens outside quotes that end a PERSON entity, in order (subjects of "he said").
    persons: OnceCell<Vec<u32>>,
    /// What it is "according to", if anything.
    according: OnceCell<Option<usize>>,
}

/// A sentence's cited medium, as far as it is worked out.
#[derive(Debug, Clone, Copy, Default)]
enum Medium {
    #[default]
    Unknown,
    /// Being worked out: the sentence's own "it said" asks for it.
    Pending,
    /// The medium entity, if any.
    Known(Option<u32>),
}

/// How many sentences' media may be worked out one inside another (each "it said" asks for those before
/// it) before the earlier ones are worked out in text order instead, keeping the stack shallow.
const MEDIA_DEPTH: u32 = 32;

/// How far from its verb a subject is looked for across adverbs ("also said") and titles ("said the
/// deputy foreign minister Kim"): far beyond any such phrase in news.
const SUBJECT_REACH: usize = 16;

struct Ctx<'d, 'a> {
    doc: &'d Doc<'a>,
    /// Per token: inside a quoted span (content tokens).
    quoted: Vec<bool>,
    /// Per sentence.
    sents: Vec<SentFacts>,
    /// Media being worked out one inside another.
    depth: Cell<u32>,
    /// Every medium before this sentence is worked out (after a long chain of "it said").
    settled: Cell<usize>,
    /// Per entity: is it a news medium (0 not yet known, 1 no, 2 yes)? Asked again and again of the same
    /// speakers, and each answer lower-cases the name.
    media: Vec<Cell<u8>>,
}

/// An entity's name as written out: its canonical name, else its text as a name.
fn name<'a>(art: &'a Article, e: usize) -> std::borrow::Cow<'a, str> {
    let ent = &art.entities[e];
    match &ent.canonical {
        Some(c) => std::borrow::Cow::Borrowed(c.as_str()),
        None => story::base_text(art, ent),
    }
}

impl<'d, 'a> Ctx<'d, 'a> {
    fn sentence_tokens(&self, si: usize) -> (usize, usize) {
        let s = &self.doc.art.sentences[si];
        (s.token_start, s.token_end.min(self.doc.len()))
    }

    /// Token `t` lower-cased passes `f`.
    fn low_is(&self, t: usize, f: impl FnOnce(&str) -> bool) -> bool {
        with_low(self.doc.tok(t), f)
    }

    /// The bytes of token `t`: byte tests need no char-boundary checks.
    fn word(&self, t: usize) -> &'a [u8] {
        let s = self.doc.art.tokens[t].span;
        &self.doc.art.text.as_bytes()[s.start..s.end]
    }

    /// Token `t` is `word` (lower-case) in any ASCII case.
    fn is_word(&self, t: usize, word: &str) -> bool {
        self.word(t).eq_ignore_ascii_case(word.as_bytes())
    }

    /// Is token `t`, lower-cased, a reporting verb? Byte tests first: the token as str only for the few
    /// shaped like a verb.
    fn is_reporting_verb(&self, t: usize) -> bool {
        #[cfg(test)]
        tests::VERB_TESTS.with(|c| c.set(c.get() + 1));
        let v = verbs();
        verb_shaped(v, self.word(t)) && with_low(self.doc.tok(t), |w| v.set.get(w).is_some())
    }

    /// The entity whose last token is `t`, outside quotes, of a label that can speak.
    fn speaker_ending(&self, t: usize) -> Option<usize> {
        let e = self.doc.ent_ending(t)?;
        let l = self.doc.art.entities[e].label;
        (!self.quoted[t] && matches!(l, Label::Person | Label::Org | Label::Gpe | Label::Norp)).then_some(e)
    }

    fn is_medium(&self, e: usize) -> bool {
        let known = &self.media[e];
        if known.get() == 0 {
            known.set(if is_medium(&name(self.doc.art, e)) { 2 } else { 1 });
        }
        known.get() == 2
    }

    /// "Sen. Laura Whitcomb of Utah called ...": a place or body that only says where the person
    /// before it comes from ("of"/"from") is not the speaker; that person is.
    fn person_before_of(&self, e: usize) -> Option<usize> {
        let doc = self.doc;
        let ent = &doc.art.entities[e];
        if ent.label == Label::Person || ent.token_start < 2 {
            return None;
        }
        let mut k = ent.token_start - 1;
        // "of the Ministry": a determiner may stand between.
        if self.low_is(k, story::is_determiner) && k > 1 {
            k -= 1;
        }
        if !(self.is_word(k, "of") || self.is_word(k, "from")) {
            return None;
        }
        self.speaker_ending(k - 1).filter(|&p| doc.art.entities[p].label == Label::Person)
    }

    /// Speaker or source for entity `e`: media are sources.
    fn attr_of_entity(&self, e: usize) -> Attr {
        let art = self.doc.art;
        if art.entities[e].label != Label::Person && self.is_medium(e) {
            Attr { source: Some(e as u32), ..Default::default() }
        } else {
            Attr { speaker: Some(e as u32), ..Default::default() }
        }
    }

    /// The reporting verbs of sentence `si` outside quotes.
    fn verbs_in(&self, si: usize) -> &[u32] {
        self.sents[si].verbs.get_or_init(|| {
            self.outside_quotes(si).filter(|&(t, _)| self.is_reporting_verb(t)).map(|(t, _)| t as u32).collect()
        })
    }

    /// The last reporting verb outside quotes in tokens `a..end` of sentence `si` (`a` its first token).
    fn last_verb_before(&self, si: usize, end: usize) -> Option<usize> {
        let v = self.verbs_in(si);
        v[..v.partition_point(|&t| (t as usize) < end)].last().map(|&t| t as usize)
    }

    /// The tokens of sentence `si` outside quotes that end a PERSON entity.
    fn persons_in(&self, si: usize) -> &[u32] {
        self.sents[si].persons.get_or_init(|| {
            let (a, b) = self.sentence_tokens(si);
            (a..b)
                .filter(|&t| self.speaker_ending(t).is_some_and(|e| self.doc.art.entities[e].label == Label::Person))
                .map(|t| t as u32)
                .collect()
        })
    }

    /// The nearest medium cited at or before sentence `si` (at most a few sentences back).
    fn running_medium(&self, si: usize) -> Option<u32> {
        (si.saturating_sub(6)..si).rev().find_map(|s| self.medium(s))
    }

    fn last_person(&self, si: usize, before_tok: usize) -> Option<u32> {
        let p = self.persons_in(si);
        if let Some(&t) = p[..p.partition_point(|&t| (t as usize) < before_tok)].last() {
            return self.speaker_ending(t as usize).map(|e| e as u32);
        }
        (si.saturating_sub(6)..si).rev().find_map(|s| self.first_person(s))
    }

    /// Who is the subject of the reporting verb at token `v` in sentence `si`.
    fn subject(&self, si: usize, v: usize, depth: u8) -> Attr {
        let doc = self.doc;
        let (a, b) = self.sentence_tokens(si);
        let mut j = v;
        // Bounded look-back and look-ahead: a run of words longer than any subject phrase is no subject.
        while j > a && j + SUBJECT_REACH > v && self.low_is(j - 1, is_aux_or_adverb) {
            j -= 1;
        }
        if j > a {
            let l = j - 1;
            if let Some(e) = self.speaker_ending(l) {
                return self.attr_of_entity(self.person_before_of(e).unwrap_or(e));
            }
            if self.low_is(l, story::is_person_pronoun) {
                return Attr { speaker: self.last_person(si, l), ..Default::default() };
            }
            if self.is_word(l, "it") {
                return Attr { source: self.running_medium(si + 1), ..Default::default() };
            }
            if (self.is_word(l, "and") || self.is_word(l, "but")) && depth < 3 {
                // Coordinated verb: same subject as the reporting verb before it, else the sentence's
                // first person.
                if let Some(t) = self.last_verb_before(si, l) {
                    return self.subject(si, t, depth + 1);
                }
                if let Some(&t) = self.persons_in(si).first().filter(|&&t| (t as usize) < l) {
                    if let Some(e) = self.speaker_ending(t as usize) {
                        return self.attr_of_entity(e);
                    }
                }
                return Attr::default();
            }
            if doc.tok(l) == "," && !story::is_quote_mark(doc.tok(l.saturating_sub(1))) {
                // "Li, a Politburo member, said": the name before the appositive.
                for t in (a.max(l.saturating_sub(12))..l).rev() {
                    if doc.tok(t) == "," {
                        if t > a {
                            if let Some(e) = self.speaker_ending(t - 1) {
                                return self.attr_of_entity(e);
                            }
                        }
                        break;
                    }
                }
            }
        }
        // Inversion after a quote or at the start: '"...," said Kim', 'said the KCNA'.
        let inverted = j == a || matches!(doc.tok(j - 1), "," | "\"" | "”" | "''");
        if inverted {
            let g = crate::gazetteer::gazetteer();
            let mut k = v + 1;
            while k < b
                && k <= v + SUBJECT_REACH
                && self.low_is(k, |w| story::is_determiner(w) || g.title_word(w).head || g.title_word(w).modifier)
                && doc.ent(k).is_none()
            {
                k += 1;
            }
            if k < b {
                if let Some(e) = doc.ent_starting(k) {
                    if !self.quoted[k] {
                        let l = doc.art.entities[e].label;
                        if matches!(l, Label::Person | Label::Org | Label::Gpe) {
                            return self.attr_of_entity(e);
                        }
                    }
                }
            }
        }
        Attr::default()
    }

    /// "according to [the] X" in sentence `si`, outside quotes.
    fn according_to(&self, si: usize) -> Option<usize> {
        // No "according" outside quotes here: nothing to look for.
        if self.sents[si].need && !self.cites(si) {
            return None;
        }
        // The same for every quote of the sentence: looked for once.
        *self.sents[si].according.get_or_init(|| self.find_according_to(si))
    }

    fn find_according_to(&self, si: usize) -> Option<usize> {
        let doc = self.doc;
        let (a, b) = self.sentence_tokens(si);
        let mut t = a;
        while t + 2 < b {
            if !self.quoted[t] && self.is_word(t, "according") && self.is_word(t + 1, "to") {
                let mut k = t + 2;
                while k < b && self.low_is(k, story::is_determiner) {
                    k += 1;
                }
                // "according to the North's Korean Central News Agency": skip a possessive owner.
                if let Some(e) = doc.ent_starting(k) {
                    let end = doc.art.entities[e].token_end;
                    if doc.is_possessive(end) {
                        if let Some(e2) = doc.ent_starting(end + 1) {
                            return Some(e2);
                        }
                    }
                    return Some(e);
                }
                return None;
            }
            t += 1;
        }
        None
    }

    /// The verb as written, with "his views on" and the like when they follow.
    fn verb_text(&self, v: usize) -> String {
        let doc = self.doc;
        let n = doc.len();
        let mut end = v;
        if v + 2 < n
            && self.low_is(v + 1, |w| matches!(w, "his" | "her" | "their" | "its"))
            && self.low_is(v + 2, |w| matches!(w, "views" | "view" | "opinion" | "opinions" | "thoughts"))
        {
            end = v + 2;
            if v + 3 < n && (self.is_word(v + 3, "on") || self.is_word(v + 3, "about")) {
                end = v + 3;
            }
        }
        let art = doc.art;
        let written = &art.text[art.tokens[v].span.start..art.tokens[end].span.end];
        // Whitespace runs folded to one space.
        let mut s = String::with_capacity(written.len());
        for (i, w) in written.split_whitespace().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(w);
        }
        s
    }

    /// Attribution of a sentence from a reporting verb near token position `pos` (or its first one).
    fn sentence_attr(&self, si: usize, verb_tok: Option<usize>) -> Attr {
        let mut attr = Attr::default();
        if let Some(v) = verb_tok {
            attr = self.subject(si, v, 0);
            attr.verb = Some(v as u32);
            if self.is_word(v, "told") {
                // "Kim told Yonhap": the medium told is the source.
                if let Some(e) = self.doc.ent_starting(v + 1) {
                    let m = self.attr_of_entity(e);
                    if m.source.is_some() && attr.source.is_none() {
                        attr.source = m.source;
                    }
                }
            }
        }
        if let Some(e) = self.according_to(si) {
            let m = self.attr_of_entity(e);
            if m.source.is_some() {
                attr.source = attr.source.or(m.source);
            } else if attr.speaker.is_none() {
                attr.speaker = m.speaker;
            }
        }
        attr
    }

    /// Marks the sentences whose facts the quotes may use, for pronouns, "it" and neighbouring
    /// attributions: a quote's own, the next one, and a few before it.
    fn mark_needed(&mut self, kept: &[Raw]) {
        let art = self.doc.art;
        let ns = self.sents.len();
        for r in kept {
            for pos in [r.span.start, r.close_end.saturating_sub(1)] {
                if let Some(si) = story::sentence_at(art, pos) {
                    self.sents[si.saturating_sub(6)..(si + 2).min(ns)].iter_mut().for_each(|x| x.need = true);
                }
            }
        }
    }

    /// The tokens of sentence `si` outside quotes, with their spans.
    fn outside_quotes(&self, si: usize) -> impl Iterator<Item = (usize, Span)> + '_ {
        let (a, b) = self.sentence_tokens(si);
        let toks = &self.doc.art.tokens[a..b];
        toks.iter()
            .zip(&self.quoted[a..b])
            .enumerate()
            .filter(|(_, (_, &q))| !q)
            .map(move |(k, (tok, _))| (a + k, tok.span))
    }

    /// The first reporting verb of sentence `si` outside quotes.
    fn verb_of(&self, si: usize) -> Option<usize> {
        let f = &self.sents[si];
        if !f.need {
            return None;
        }
        let v = f.verb.get_or_init(|| self.verbs_in(si).first().copied());
        v.map(|v| v as usize)
    }

    /// Sentence `si` has "according" outside quotes.
    fn cites(&self, si: usize) -> bool {
        let f = &self.sents[si];
        f.need
            && *f.cites.get_or_init(|| {
                let bytes = self.doc.art.text.as_bytes();
                self.outside_quotes(si)
                    .any(|(_, s)| s.len() == 9 && bytes[s.start..s.end].eq_ignore_ascii_case(b"according"))
            })
    }

    /// The first PERSON of sentence `si` outside quotes that is no possessive owner.
    fn first_person(&self, si: usize) -> Option<u32> {
        let f = &self.sents[si];
        if !f.need {
            return None;
        }
        *f.first_person.get_or_init(|| {
            let doc = self.doc;
            let ents = &doc.art.entities;
            self.outside_quotes(si)
                .filter_map(|(t, _)| doc.ent_starting(t))
                .find(|&e| ents[e].label == Label::Person && !doc.is_possessive(ents[e].token_end))
                .map(|e| e as u32)
        })
    }

    /// The medium sentence `si` cites: the subject of its reporting verb, or what it is "according to".
    /// A sentence's "it said" looks back to the media of the sentences before it (never after), so working
    /// them out when asked gives what working out all in text order would.
    fn medium(&self, si: usize) -> Option<u32> {
        let f = &self.sents[si];
        match f.medium.get() {
            Medium::Known(m) => return m,
            // Asked by its own "it said": in text order it is not known yet.
            Medium::Pending => return None,
            Medium::Unknown if !f.need => return None,
            Medium::Unknown => {}
        }
        if self.depth.get() >= MEDIA_DEPTH {
            // A long chain of "it said": settle the earlier sentences in text order, each then finding
            // the media before it known.
            for k in self.settled.get()..si {
                if self.sents[k].need && matches!(self.sents[k].medium.get(), Medium::Unknown) {
                    self.work_out_medium(k);
                }
            }
            self.settled.set(self.settled.get().max(si));
        }
        self.work_out_medium(si)
    }

    fn work_out_medium(&self, si: usize) -> Option<u32> {
        let f = &self.sents[si];
        f.medium.set(Medium::Pending);
        let verb = self.verb_of(si);
        let m = if verb.is_none() && !self.cites(si) {
            None
        } else {
            self.depth.set(self.depth.get() + 1);
            let m = self.sentence_attr(si, verb).source;
            self.depth.set(self.depth.get() - 1);
            m
        };
        f.medium.set(Medium::Known(m));
        m
    }
}

/// Per token: inside one of the quoted spans `raws` (in text order). Only the tokens under each span are
/// visited, found by binary search.
fn quoted_tokens(art: &Article, raws: &[Raw]) -> Vec<bool> {
    let toks = &art.tokens;
    let mut quoted = vec![false; toks.len()];
    // Each span claims the tokens starting before its end that an earlier span has not claimed; of those,
    // the ones inside it are quoted.
    let mut t = 0;
    for r in raws {
        let end = t + toks[t..].partition_point(|tok| tok.span.start < r.span.end);
        let first = t + toks[t..end].partition_point(|tok| tok.span.start < r.span.start);
        for k in first..end {
            if r.span.contains(toks[k].span) {
                quoted[k] = true;
            }
        }
        t = end;
    }
    quoted
}

fn attribute(art: &Article, raws: &[Raw]) -> Vec<Quote> {
    let kept: Vec<Raw> = raws.iter().filter(|r| !is_name(art, r.span)).copied().collect();
    if kept.is_empty() {
        return Vec::new();
    }
    let doc = &Doc::new(art);
    // Mark tokens inside any quoted span (names included: they are no subjects either).
    let quoted = quoted_tokens(art, raws);
    let ns = art.sentences.len();
    let media = vec![Cell::new(0); art.entities.len()];
    let sents = std::iter::repeat_with(SentFacts::default).take(ns).collect();
    let mut ctx = Ctx { doc, quoted, sents, depth: Cell::new(0), settled: Cell::new(0), media };
    ctx.mark_needed(&kept);
    let para_of = |si: usize| match art.sentences[si].section {
        Section::Body(p) => Some(p),
        _ => None,
    };
    // (sentence, attribution) of each kept quote; the names are written out at the end.
    let mut found: Vec<(Option<usize>, Attr)> = Vec::with_capacity(kept.len());
    for (qi, r) in kept.iter().enumerate() {
        // Inside a cancelled corpus run the story is thrown away (checked now and then: cheap).
        if qi % 1024 == 1023 && crate::util::cancel::requested() {
            return Vec::new();
        }
        let Some(si) = story::sentence_at(art, r.span.start) else {
            found.push((None, Attr::default()));
            continue;
        };
        let (a, b) = ctx.sentence_tokens(si);
        let first_q = art.tokens[a..b].partition_point(|t| t.span.end <= r.span.start) + a;
        let after_q = art.tokens[a..b].partition_point(|t| t.span.start < r.close_end) + a;
        // Pick the reporting verb: right after a quote that ends open ('"...," Kim said'), else the nearest
        // one before the quote, else the nearest after it.
        let mut verb = None;
        if r.open_ended {
            let mut t = after_q;
            while t < b
                && t < after_q + 6
                && (doc.tok(t) == ","
                    || doc.ent(t).is_some()
                    || ctx.is_word(t, "it")
                    || ctx.low_is(t, |w| is_aux_or_adverb(w) || story::is_person_pronoun(w) || story::is_determiner(w)))
            {
                t += 1;
            }
            if t < b && ctx.is_reporting_verb(t) && !ctx.quoted[t] {
                verb = Some(t);
            }
        }
        if verb.is_none() {
            verb = ctx.last_verb_before(si, first_q);
        }
        if verb.is_none() {
            let v = ctx.verbs_in(si);
            verb = v.get(v.partition_point(|&t| (t as usize) < after_q)).map(|&t| t as usize);
        }
        // A quote running over paragraphs may be attributed in its last sentence.
        let mut attr = ctx.sentence_attr(si, verb);
        if !attr.found() {
            if let Some(se) = story::sentence_at(art, r.close_end.saturating_sub(1)).filter(|&s| s != si) {
                attr = ctx.sentence_attr(se, ctx.verb_of(se));
            }
        }
        if !attr.found() {
            // The previous quote of the same paragraph, then the neighbouring sentences of the paragraph.
            let prev = qi.checked_sub(1).map(|p| found[p].1).filter(|q| kept[qi - 1].region == r.region && q.found());
            if let Some(q) = prev {
                attr.speaker = q.speaker;
                attr.source = q.source;
            } else {
                let p = para_of(si);
                let same_para = |s: usize| s < ns && p.is_some() && para_of(s) == p;
                for s in [si + 1, si.wrapping_sub(1)] {
                    if same_para(s) {
                        if let Some(m) = ctx.medium(s) {
                            attr.source = Some(m);
                            break;
                        }
                    }
                }
            }
        }
        found.push((Some(si), attr));
    }
    let text_of = |e: Option<u32>| e.map(|e| name(art, e as usize).into_owned());
    kept.iter()
        .zip(found)
        .map(|(r, (si, attr))| Quote {
            span: r.span,
            speaker: text_of(attr.speaker),
            source: text_of(attr.source),
            verb: attr.verb.map(|v| ctx.verb_text(v as usize)),
            sentence: si.unwrap_or(0),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// Tokens tested for a reporting verb on this thread.
        pub(super) static VERB_TESTS: Cell<usize> = const { Cell::new(0) };
    }

    /// Tokens tested for a reporting verb while finding the quotes of `art`.
    fn verb_tests(art: &mut Article) -> usize {
        VERB_TESTS.with(|c| c.set(0));
        extract(art);
        VERB_TESTS.with(Cell::get)
    }

    #[test]
    fn work_per_quote_is_bounded_in_one_long_sentence() {
        // Thousands of quotes in one sentence with no verb (each would walk the sentence for one), and the
        // same with a verb at either end: each token is tested a bounded number of times.
        for n in [500, 4000] {
            for (head, tail) in [("", ""), ("Park said ", ""), ("", " Park said")] {
                let text = format!("{head}{}{tail}", "x \"".repeat(n));
                let mut art = story(&text, &[("Park", Label::Person)]);
                let tests = verb_tests(&mut art);
                assert!(!art.quotes.is_empty());
                assert!(tests <= 3 * art.tokens.len(), "{tests} verb tests for {} tokens", art.tokens.len());
            }
        }
    }

    /// A story run through structure and tokens, with every whole-token occurrence of each mention as an
    /// entity.
    fn story(text: &str, mentions: &[(&str, Label)]) -> Article {
        let stages = crate::Stages { entities: false, reading: false };
        let mut art = crate::analyze(text, &ParseOptions::default(), stages).unwrap();
        for &(m, label) in mentions {
            for (start, _) in text.match_indices(m) {
                let end = start + m.len();
                let a = art.tokens.partition_point(|t| t.span.start < start);
                let b = art.tokens.partition_point(|t| t.span.end <= end);
                if a < b && art.tokens[a].span.start == start && art.tokens[b - 1].span.end == end {
                    let si = story::sentence_of_token(&art, a).unwrap();
                    art.entities.push(Entity::new(Span::new(start, end), label, si, a, b));
                }
            }
        }
        art.entities.sort_by_key(|e| (e.span.start, e.span.end));
        art
    }

    #[test]
    fn it_said_looks_back_through_a_long_chain() {
        // Each "It said" sentence cites what the one before it cites, back to Yonhap; the quotes between
        // are settled by their own sentences, so the last one asks for the whole chain at once (deeper
        // than MEDIA_DEPTH for the longer story).
        for n in [5, 200] {
            let mut text = String::from("Yonhap said talks would resume.\n\n");
            for i in 0..n {
                text.push_str(&format!("It said talks number {i} went well. \"Fine,\" Park said. "));
            }
            text.push_str("It said \"the end is near\".\n");
            let mut art = story(&text, &[("Yonhap", Label::Org), ("Park", Label::Person)]);
            extract(&mut art);
            assert_eq!(art.quotes.len(), n + 1);
            assert!(art.quotes[..n].iter().all(|q| q.speaker.as_deref() == Some("Park")));
            let last = art.quotes.last().unwrap();
            assert_eq!(art.slice(last.span), "the end is near");
            assert_eq!((last.speaker.as_deref(), last.source.as_deref()), (None, Some("Yonhap")), "n = {n}");
        }
    }

    #[test]
    fn marks_of_every_style_pair() {
        let text = "\"Straight,\" Park said. “Curly,” Park said. ``Treebank,'' Park said. 'Single,' Park said.";
        let mut art = story(text, &[("Park", Label::Person)]);
        extract(&mut art);
        let quoted: Vec<&str> = art.quotes.iter().map(|q| art.slice(q.span)).collect();
        assert_eq!(quoted, ["Straight", "Curly", "Treebank"]);
        assert!(art.quotes.iter().all(|q| q.speaker.as_deref() == Some("Park") && q.verb.as_deref() == Some("said")));
    }

    #[test]
    fn the_person_of_a_place_is_the_speaker() {
        let text = "Sen. Laura Whitcomb of Utah called the money \"necessary but long overdue.\" \
                    Park of the Foreign Ministry said \"no.\" The governor of Utah said \"yes.\"";
        let mut art = story(
            text,
            &[
                ("Laura Whitcomb", Label::Person),
                ("Utah", Label::Gpe),
                ("Park", Label::Person),
                ("Foreign Ministry", Label::Org),
            ],
        );
        extract(&mut art);
        let speakers: Vec<Option<&str>> = art.quotes.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(speakers, [Some("Laura Whitcomb"), Some("Park"), Some("Utah")], "{:?}", art.quotes);
    }

    #[test]
    fn no_marks_no_quotes() {
        let mut art = story("Park said talks would resume – and so they did’.", &[("Park", Label::Person)]);
        art.quotes.push(Quote { span: Span::new(0, 4), speaker: None, source: None, verb: None, sentence: 0 });
        extract(&mut art);
        assert!(art.quotes.is_empty(), "earlier quotes are cleared");
    }
}
