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
use crate::reading::story::{self, is_aux_or_adverb, Doc};
use crate::types::*;
use std::cell::{Cell, OnceCell};

mod marks;
mod reported;
mod sources;
mod speakers;
mod verbs;
mod words;
use words::*;

use marks::{find_quotes, is_name, not_a_quote, quote_marks, Raw};
use speakers::name;
use verbs::{attitude_verbs, cue_verbs, speech_verbs, verb_shaped, verbs, with_low};

/// Fills `art.quotes` and `art.attributions`.
/// (The pipeline calls the stage through `reading::read`; this entry is for the evaluation tools
/// and tests, which run one stage alone.)
#[cfg(any(test, feature = "eval"))]
pub fn extract(art: &mut Article) {
    extract_keeping(art);
}

/// `extract`, giving back what its view of the story worked out (the lower-cased text, the token ->
/// entity map) for the events, which read the same story: built once, not twice.
pub(crate) fn extract_keeping(art: &mut Article) -> Option<story::DocParts> {
    art.attributions.clear();
    art.quotes.clear();
    if art.text.is_empty() || art.sentences.is_empty() {
        return None;
    }
    // One vectorised scan of the text for quote marks: most stories have none (four in five Reuters
    // stories), and then only reported speech is looked for.
    let raw = quote_marks(&art.text).map(|m| find_quotes(art, &m)).unwrap_or_default();
    if crate::util::cancel::requested() {
        return None;
    }
    let doc = Doc::new(art);
    let (quotes, indirect) = attribute(&doc, &raw);
    let parts = doc.into_parts();
    // A quote whose speaker is not found is no attribution (it stays in `quotes`).
    let mut all: Vec<Attribution> = quotes
        .iter()
        .filter(|q| q.speaker_span.is_some())
        .map(|q| Attribution {
            speaker: q.speaker.clone().or_else(|| q.source.clone()),
            speaker_span: q.speaker_span,
            verb: q.verb.clone(),
            cue: q.cue,
            span: q.span,
            direct: true,
            sentence: q.sentence,
        })
        .chain(indirect)
        .collect();
    all.sort_by_key(|a| (a.span.start, a.span.end));
    art.quotes = quotes;
    art.attributions = all;
    Some(parts)
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
    /// The words naming or referring to the speaker (or the medium when there is no speaker).
    mention: Option<Span>,
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
    /// The story's text lower-cased (ASCII), same byte offsets: the doc's, shared with the events.
    lower: &'d str,
    /// Media being worked out one inside another.
    depth: Cell<u32>,
    /// Every medium before this sentence is worked out (after a long chain of "it said").
    settled: Cell<usize>,
    /// Per entity: is it a news medium (0 not yet known, 1 no, 2 yes)? Asked again and again of the same
    /// speakers, and each answer lower-cases the name.
    media: Vec<Cell<u8>>,
}

impl<'d, 'a> Ctx<'d, 'a> {
    fn sentence_tokens(&self, si: usize) -> (usize, usize) {
        let s = &self.doc.art.sentences[si];
        (s.token_start, s.token_end.min(self.doc.len()))
    }

    /// Token `t` lower-cased passes `f`.
    fn low_is(&self, t: usize, f: impl FnOnce(&str) -> bool) -> bool {
        f(self.low(t))
    }

    /// Token `t` lower-cased (ASCII), a slice of the story's lower-cased text: no scan for capitals
    /// and no copy per question (the same as `with_low`, which lower-cases ASCII letters only).
    #[inline]
    fn low(&self, t: usize) -> &'d str {
        let s = self.doc.art.tokens[t].span;
        &self.lower[s.start..s.end]
    }

    /// The bytes of token `t`: byte tests need no char-boundary checks.
    fn word(&self, t: usize) -> &'a [u8] {
        let s = self.doc.art.tokens[t].span;
        &self.doc.art.text.as_bytes()[s.start..s.end]
    }

    /// Token `t` is `word` (lower-case) in any ASCII case: one comparison of the lower-cased token,
    /// not a byte-by-byte case-folding loop.
    fn is_word(&self, t: usize, word: &str) -> bool {
        self.low(t) == word
    }

    /// Is token `t`, lower-cased, a reporting verb? Byte tests first: the token as str only for the few
    /// shaped like a verb.
    fn is_reporting_verb(&self, t: usize) -> bool {
        #[cfg(test)]
        tests::VERB_TESTS.with(|c| c.set(c.get() + 1));
        let v = verbs();
        let w = self.low(t);
        verb_shaped(v, w.as_bytes()) && v.set.get(w).is_some()
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

    /// Token `t` lower-cased is a verb of reported speech or thought (a cheap shape test first).
    fn is_cue_verb(&self, t: usize) -> bool {
        let v = cue_verbs();
        verb_shaped(v, self.word(t)) && self.low_is(t, |w| v.set.get(w).is_some())
    }

    /// Token `t`'s `verbs::CUE` and `verbs::ATTITUDE` bits (0: neither), in one look-up.
    fn speech_class(&self, t: usize) -> u8 {
        let (v, classes) = speech_verbs();
        let w = self.low(t);
        if !verb_shaped(v, w.as_bytes()) {
            return 0;
        }
        classes.get(w).unwrap_or(0)
    }

    /// Token `t` lower-cased is a verb of a position held or a noun-like form of a speech verb.
    fn is_attitude_verb(&self, t: usize) -> bool {
        let v = attitude_verbs();
        verb_shaped(v, self.word(t)) && self.low_is(t, |w| v.set.get(w).is_some())
    }

    /// A word shaped like a verb of speech ("continued", "pressed", "agrees"), lower-case.
    fn verb_like(&self, t: usize) -> bool {
        let w = self.word(t);
        w.len() >= 4
            && w.iter().all(u8::is_ascii_lowercase)
            && (w.ends_with(b"ed") || (w.ends_with(b"s") && !w.ends_with(b"ss")))
            && !self.low_is(t, |x| is_aux_or_adverb(x) || story::is_determiner(x))
    }

    /// The verb as written, with "his views on" and the like when they follow.
    fn verb_text(&self, v: usize) -> String {
        let written = self.doc.art.slice(self.verb_span(v));
        // Most verbs are one word ("said") or ASCII words one space apart: nothing to fold.
        let b = written.as_bytes();
        if b.iter().all(|&c| c.is_ascii_graphic() || c == b' ')
            && b.first() != Some(&b' ')
            && b.last() != Some(&b' ')
            && !b.windows(2).any(|w| w == b"  ")
        {
            return written.to_string();
        }
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

    /// The span of the verb with "his views on" and the like.
    fn verb_span(&self, v: usize) -> Span {
        let doc = self.doc;
        let n = doc.len();
        let mut end = v;
        if v + 1 < n && self.is_word(v, "according") && self.is_word(v + 1, "to") {
            end = v + 1;
        }
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
        Span::new(art.tokens[v].span.start, art.tokens[end].span.end)
    }

    /// The reporting verb that opens sentence `sn` after its subject ("Kim wrote", "wrote Kim", "he
    /// said", "the senator said"), when the sentence follows text position `after` on the same line.
    fn verb_opening(&self, sn: usize, after: usize) -> Option<(usize, usize)> {
        let art = self.doc.art;
        let s = art.sentences.get(sn)?;
        if s.span.start < after || art.text[after..s.span.start].contains('\n') {
            return None;
        }
        let (a, b) = self.sentence_tokens(sn);
        let v = (a..b.min(a + 5)).find(|&t| !self.quoted[t] && (self.is_reporting_verb(t) || self.verb_like(t)))?;
        let subject_first = v == a
            || self.doc.ent_starting(a).is_some_and(|e| art.entities[e].token_end == v)
            || (v == a + 1 && self.low_is(a, story::is_person_pronoun))
            || self.low_is(a, story::is_determiner);
        subject_first.then_some((sn, v))
    }

    /// The speaker credited by a dash at token `k` (right after a quote): a person named after it, else
    /// two to four capitalised words to the end of the line or sentence (names the recogniser missed).
    fn dash_credit(&self, k: usize) -> Option<Attr> {
        let doc = self.doc;
        let art = doc.art;
        if k + 1 >= doc.len() || !matches!(doc.tok(k), "-" | "—" | "–" | "―" | "--") || self.quoted[k + 1] {
            return None;
        }
        if let Some(e) = doc.ent_starting(k + 1) {
            if art.entities[e].label == Label::Person {
                return Some(self.attr_of_entity(e));
            }
        }
        let cap = |t: usize| {
            let w = doc.tok(t);
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
                && !self.quoted[t]
        };
        let run = (k + 1..doc.len().min(k + 5)).take_while(|&t| cap(t)).count();
        let last = k + run;
        // The run ends the line or the sentence.
        let ends = last + 1 >= doc.len()
            || matches!(doc.tok(last + 1), "." | "," | ")")
            || art.text[art.tokens[last].span.end..art.tokens[last + 1].span.start].contains('\n');
        (run >= 2 && ends).then(|| Attr {
            mention: Some(Span::new(art.tokens[k + 1].span.start, art.tokens[last].span.end)),
            ..Default::default()
        })
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

fn attribute(doc: &Doc, raws: &[Raw]) -> (Vec<Quote>, Vec<Attribution>) {
    let art = doc.art;
    let kept: Vec<Raw> = raws.iter().filter(|r| !is_name(art, r.span) && !not_a_quote(art, r)).copied().collect();
    // Mark tokens inside any quoted span (names included: they are no subjects either).
    let quoted = quoted_tokens(art, raws);
    let ns = art.sentences.len();
    let media = vec![Cell::new(0); art.entities.len()];
    let sents = std::iter::repeat_with(SentFacts::default).take(ns).collect();
    let mut ctx = Ctx { doc, quoted, sents, lower: doc.lower(), depth: Cell::new(0), settled: Cell::new(0), media };
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
            return (Vec::new(), Vec::new());
        }
        let Some(si) = story::sentence_at(art, r.span.start) else {
            found.push((None, Attr::default()));
            continue;
        };
        let (a, b) = ctx.sentence_tokens(si);
        let first_q = art.tokens[a..b].partition_point(|t| t.span.end <= r.span.start) + a;
        let after_q = art.tokens[a..b].partition_point(|t| t.span.start < r.close_end) + a;
        // The quote opens its sentence (only its mark before it).
        let opens_sentence = (a..first_q).all(|t| story::is_quote_mark(doc.tok(t)));
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
            } else if t < b && !ctx.quoted[t] && ctx.verb_like(t) {
                // '"...," Sanders continued' / '"...," remembered Roy Verley': any verb between the
                // quote and its speaker.
                let subject_before =
                    t > after_q && (ctx.speaker_ending(t - 1).is_some() || ctx.low_is(t - 1, story::is_person_pronoun));
                let subject_after = t + 1 < b
                    && doc.ent_starting(t + 1).is_some()
                    && (t + 1..b.min(t + 5))
                        .any(|k| doc.ent_starting(k).is_some_and(|e| art.entities[e].label == Label::Person))
                    && (t == after_q || doc.tok(t - 1) == ",");
                if subject_before || subject_after {
                    verb = Some(t);
                }
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
        if !attr.found() && r.open_ended {
            // '"...!" Kim wrote.': the sentence ended at the quote's "!" or "?", and the next one opens
            // with the speaker and the verb.
            if let Some(v) = story::sentence_at(art, r.close_end.saturating_sub(1))
                .and_then(|se| ctx.verb_opening(se + 1, r.close_end))
            {
                let next = ctx.sentence_attr(v.0, Some(v.1));
                if next.found() {
                    attr = next;
                }
            }
        }
        // A dash credit after the quote names who said it, before any continuation of the quote before
        // it: '"..." ― Pamela Roe', or a line "- Bernie Sanders." after the quote's paragraph.
        let mut credited = false;
        if !attr.found() {
            let k = art.tokens.partition_point(|t| t.span.start < r.close_end);
            if let Some(m) = ctx.dash_credit(k) {
                attr = m;
                credited = true;
            }
        }
        let before_mark = art.text[..r.open_mark].trim_end();
        let after_statement = before_mark.ends_with(',') && {
            // 'Trump issued a statement, "..."': a noun of speech right before the comma.
            let w = before_mark[..before_mark.len() - 1].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            matches!(w, "statement" | "tweet" | "email" | "letter" | "post" | "message" | "remarks" | "interview")
        };
        if !attr.found() && !credited && (before_mark.ends_with(':') || after_statement) {
            // 'Clinton: "..."', 'Trump took to Twitter, writing: "..."': the sentence's first named one.
            // A quote paragraph after 'Kim said:' asks the sentence before.
            let (s2, end) = if opens_sentence && si > 0 {
                (si - 1, ctx.sentence_tokens(si - 1).1)
            } else {
                (si, first_q.saturating_sub(1))
            };
            attr = ctx.first_speaker_before(s2, end).unwrap_or(attr);
        }
        if !attr.found() && !credited {
            // The previous quote of the same paragraph, or of the paragraph before when this one opens
            // with the quote (a quote paragraph following the speaker's), then the neighbouring sentences
            // of the paragraph.
            let starts_para = |r: &Raw| art.paragraphs.binary_search_by_key(&r.open_mark, |p| p.span.start).is_ok();
            let prev = qi.checked_sub(1).map(|p| found[p].1).filter(|q| {
                let pr = &kept[qi - 1];
                (pr.region == r.region || (pr.region + 1 == r.region && starts_para(r))) && q.found()
            });
            // The sentence before, in the same paragraph, names its speaker when the quote opens its own
            // sentence ('"...," Kim said. "..."').
            let before = (opens_sentence && si > 0 && para_of(si).is_some() && para_of(si - 1) == para_of(si))
                .then(|| ctx.verb_of(si - 1).map(|v| ctx.sentence_attr(si - 1, Some(v))))
                .flatten()
                .filter(|x| x.speaker.is_some());
            if let Some(q) = prev.or(before) {
                attr.speaker = q.speaker;
                attr.source = q.source;
                // '"...," the governor said': the words that refer to the speaker stay the text's own.
                attr.mention = attr.mention.or(q.mention);
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
    // Reported speech: every sentence may hold some, and its facts are now needed.
    let mut cues: Vec<u32> = found.iter().filter_map(|(_, a)| a.verb).collect();
    cues.sort_unstable();
    ctx.sents.iter_mut().for_each(|f| f.need = true);
    let mut indirect = Vec::new();
    for si in 0..ns {
        ctx.reported(si, &cues, &mut indirect);
    }
    let indirect = indirect
        .into_iter()
        .map(|(si, attr, content)| Attribution {
            speaker: text_of(attr.speaker)
                .or_else(|| text_of(attr.source))
                .or_else(|| attr.mention.filter(|_| attr.speaker.is_none()).map(|m| art.slice(m).to_string())),
            speaker_span: attr.mention,
            verb: attr.verb.map(|v| ctx.verb_text(v as usize)),
            cue: attr.verb.map(|v| ctx.verb_span(v as usize)),
            span: content,
            direct: false,
            sentence: si,
        })
        .collect();
    let quotes = kept
        .iter()
        .zip(found)
        .map(|(r, (si, attr))| Quote {
            span: r.span,
            // A description no entity stands for speaks as written when it names a body or place
            // ("the Florida senator", "the Senate minority leader"; not "officials", "he").
            speaker: text_of(attr.speaker).or_else(|| {
                attr.mention
                    .filter(|_| attr.source.is_none())
                    .map(|m| art.slice(m))
                    .filter(|m| names_something(m))
                    .map(str::to_string)
            }),
            source: text_of(attr.source),
            verb: attr.verb.map(|v| ctx.verb_text(v as usize)),
            sentence: si.unwrap_or(0),
            speaker_span: attr.mention,
            cue: attr.verb.map(|v| ctx.verb_span(v as usize)),
        })
        .collect();
    (quotes, indirect)
}

/// Verbs of reported speech read a sentence at most.
const MAX_CUES: usize = 8;

#[cfg(test)]
mod tests;
