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
mod speakers;
mod verbs;
mod words;
use words::*;

use marks::{find_quotes, is_name, not_a_quote, quote_marks, Raw};
use speakers::name;
use verbs::{cue_verbs, verb_shaped, verbs, with_low};

/// Fills `art.quotes` and `art.attributions`.
pub fn extract(art: &mut Article) {
    art.attributions.clear();
    art.quotes.clear();
    if art.text.is_empty() || art.sentences.is_empty() {
        return;
    }
    // One vectorised scan of the text for quote marks: most stories have none (four in five Reuters
    // stories), and then only reported speech is looked for.
    let raw = quote_marks(&art.text).map(|m| find_quotes(art, &m)).unwrap_or_default();
    if crate::util::cancel::requested() {
        return;
    }
    let (quotes, indirect) = attribute(art, &raw);
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

    /// Reported speech of sentence `si` outside quotes: "X said (that) ...", "..., X said", "according
    /// to X, ...". `cues` are the verbs the quotes took (sorted), not read again. At most a few verbs a
    /// sentence, each looking at a bounded window, then one span to the sentence's edge.
    fn reported(&self, si: usize, cues: &[u32], out: &mut Vec<(usize, Attr, Span)>) {
        let doc = self.doc;
        let art = doc.art;
        let (a, b) = self.sentence_tokens(si);
        if b <= a + 2 || !matches!(art.sentences[si].section, Section::Body(_) | Section::Headline) {
            return;
        }
        // The sentence's end without its closing punctuation.
        let mut e = b;
        while e > a && matches!(doc.tok(e - 1), "." | "!" | "?" | "\"" | "”" | "''" | ")") {
            e -= 1;
        }
        let span_of = |x: usize, y: usize| Span::new(art.tokens[x].span.start, art.tokens[y - 1].span.end);
        let quoted_share = |x: usize, y: usize| (x..y).filter(|&t| self.quoted[t]).count() * 2 > y - x;
        let mut taken = 0;
        for v in a..b {
            // A verb a quote took may report more before that quote ("X said A, and Y yelled: "B"").
            let _ = cues;
            if taken == MAX_CUES || self.quoted[v] || !self.is_cue_verb(v) {
                continue;
            }
            // Over auxiliaries, negation and adverbs to the subject ("Kim did not say", "they would argue").
            let mut j = v;
            while j > a && j + SUBJECT_REACH > v {
                if self.low_is(j - 1, |w| is_aux_or_adverb(w) || is_aux_word(w) || is_ly_adverb(w)) {
                    j -= 1;
                } else if let Some(d) = doc.ent_ending(j - 1).filter(|&d| is_time(art.entities[d].label)) {
                    // "Clinton on Tuesday said": over the date and its preposition.
                    j = art.entities[d].token_start.max(a);
                    if j > a && self.low_is(j - 1, |w| matches!(w, "on" | "in" | "last" | "this")) {
                        j -= 1;
                    }
                } else {
                    break;
                }
            }
            if j > a && self.is_word(j - 1, "to") {
                // "to say": an infinitive, reported by the verb before it if at all.
                continue;
            }
            let mut attr = self.subject(si, j, 0);
            let participle = self.word(v).ends_with(b"ing");
            if participle && attr.speaker.is_none() && attr.source.is_none() && j > a && doc.tok(j - 1) != "," {
                // "issued a statement describing ...": the clause's subject speaks, not the object.
                attr = self.first_speaker_before(si, j).unwrap_or_default();
            }
            if attr.mention.is_none() && !participle {
                // Not for a participle: "a statement describing ..." is no one speaking.
                attr.mention = self.plain_subject(a, j).or_else(|| self.plain_subject_after(v, e));
                if attr.mention.is_none() && j > a + 1 && doc.tok(j - 1) == "," {
                    // "Another delegate, Jim Poolman, said", "about two-thirds, 67 percent, say": the
                    // phrase before the comma.
                    attr = match self.speaker_ending(j - 2) {
                        Some(x) => self.attr_of_entity(x),
                        None => Attr { mention: self.plain_subject(a, j - 1), ..Default::default() },
                    };
                }
            }
            if attr.mention.is_none() && participle {
                // "The billionaire businessman began by talking about it, saying ...": the sentence's
                // opening noun phrase.
                attr.mention = self.opening_phrase(a, j);
            }
            let Some(m) = attr.mention else { continue };
            let unnamed = attr.speaker.is_none() && attr.source.is_none();
            if unnamed && self.low_is(v, |w| matches!(w, "called" | "calling")) {
                // "a firm called Cambridge Analytica": naming, not saying.
                continue;
            }
            if j > a && self.low_is(j - 1, story::is_determiner) {
                // "the alleged criminals": an adjective.
                continue;
            }
            taken += 1;
            attr.verb = Some(v as u32);
            let art_tok = |t: usize| art.tokens[t].span;
            if m.end <= art_tok(v).start {
                // Subject before the verb: "X said (that) ..." or "..., X said".
                let mut c = v + 1;
                if self.is_word(v, "told") || self.is_word(v, "tells") || self.is_word(v, "telling") {
                    // "told reporters (that)": over the one told.
                    let stop = (c..e.min(c + 6)).find(|&t| self.is_word(t, "that") || doc.tok(t) == ",");
                    c = match stop {
                        Some(t) => t,
                        None => doc.ent(c).map_or(c + 1, |x| art.entities[x].token_end),
                    };
                }
                if c < e && self.low_is(c, is_adjunct_word) {
                    // "said in a statement that ...", "said on Monday, ...": over the adjunct to what is said.
                    // To its "that" or comma, else to a pronoun opening the clause said ("said in a
                    // statement Thursday they pulled ..."); an adjunct alone says nothing.
                    c = (c + 1..e.min(c + 12))
                        .find(|&t| {
                            self.is_word(t, "that")
                                || matches!(doc.tok(t), "," | ":")
                                || self.low_is(t, |w| matches!(w, "he" | "she" | "they" | "it" | "we"))
                        })
                        .unwrap_or(e);
                }
                while c < e && (self.is_word(c, "that") || matches!(doc.tok(c), "," | ":")) {
                    c += 1;
                }
                let before = art.tokens[a..b].partition_point(|t| t.span.end <= m.start) + a;
                // "..., [the ministry's spokesman] X said": the clause before the subject's comma.
                let clause_before = (a.max(before.saturating_sub(8))..before)
                    .rev()
                    .find(|&t| doc.tok(t) == ",")
                    .filter(|&t| t > a + 1 && !quoted_share(a, t))
                    .map(|t| span_of(a, t));
                // "''...,'' Ms. Hughes said, pointing out ...", "X said of the course": what follows is
                // no clause said (a participle has its own attribution) when a clause comes before.
                let nothing_after = c < e
                    && ((c > v + 1 && doc.tok(c - 1) == "," && self.word(c).ends_with(b"ing"))
                        || self.is_word(c, "of"));
                // What is said may hold a quotation ('said that "..."'); a quote right after the verb is
                // the quote's own attribution.
                if let Some(x) = clause_before.filter(|_| nothing_after) {
                    out.push((si, attr, x));
                } else if c + 1 < e && !(self.quoted[c] || story::is_quote_mark(doc.tok(c))) {
                    out.push((si, attr, span_of(c, e)));
                } else if let Some(x) = clause_before {
                    out.push((si, attr, x));
                }
            } else if v > a + 2 && doc.tok(v - 1) == "," && !quoted_share(a, v - 1) {
                // "..., said X."
                out.push((si, attr, span_of(a, v - 1)));
            } else if v > a + 3 && doc.tok(v - 1) == "''" && doc.tok(v - 2) == "," && !quoted_share(a, v - 2) {
                // "``...,'' said X" where the marks were not read as a quote (an opening '' as well).
                out.push((si, attr, span_of(a, v - 2)));
            }
        }
        // "Trump: 'I'm the Worst Thing ...'" (a headline), "FALLIN: Well, I think ..." (a transcript): a
        // name opening the sentence, a colon, then what is said.
        if taken == 0 {
            if let Some((k, attr)) = self.colon_speaker(a, e) {
                if k + 2 < e && !quoted_share(k + 1, e) {
                    out.push((si, attr, span_of(k + 1, e)));
                }
            }
        }
        // "according to X, ..." / "..., according to X."
        if self.cites(si) {
            if let Some(t) = (a..b.saturating_sub(2))
                .find(|&t| !self.quoted[t] && self.is_word(t, "according") && self.is_word(t + 1, "to"))
            {
                let k = t + 2;
                let end = (k..b.min(k + 10)).find(|&x| matches!(doc.tok(x), "," | "." | ";")).unwrap_or(e.min(k + 10));
                if end > k {
                    let mention = span_of(k, end);
                    let speaker = self.according_to(si).map(|x| x as u32);
                    let content = if t > a + 2 {
                        Some(span_of(a, t))
                    } else if end + 3 < e {
                        Some(span_of(end + 1, e))
                    } else {
                        None
                    };
                    if let Some(c) = content.filter(|c| !c.is_empty()) {
                        let attr = Attr { speaker, mention: Some(mention), verb: Some(t as u32), ..Default::default() };
                        out.push((si, attr, c));
                    }
                }
            }
        }
    }

    /// A name opening a sentence at token `a` and followed by a colon (before `e`): the colon's token and
    /// the speaker. The name is a person or body the recogniser found, or one to three capitalised words
    /// (all-capital speaker labels of transcripts), not a word that labels a note ("Update:", "Note:").
    fn colon_speaker(&self, a: usize, e: usize) -> Option<(usize, Attr)> {
        let doc = self.doc;
        let art = doc.art;
        let k = (a + 1..e.min(a + 5)).find(|&t| doc.tok(t) == ":")?;
        if (a..k).any(|t| self.quoted[t]) {
            return None;
        }
        if let Some(x) = doc.ent_starting(a).filter(|&x| art.entities[x].token_end == k) {
            if matches!(art.entities[x].label, Label::Person | Label::Org) {
                let mut attr = self.attr_of_entity(x);
                attr.verb = Some(k as u32);
                return Some((k, attr));
            }
            return None;
        }
        let name_like = (a..k).all(|t| {
            let w = doc.tok(t);
            w.len() > 1 && w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
        });
        let label = self.low_is(a, |w| {
            matches!(
                w,
                "update"
                    | "note"
                    | "editor"
                    | "read"
                    | "watch"
                    | "related"
                    | "photo"
                    | "video"
                    | "correction"
                    | "source"
                    | "sources"
                    | "warning"
                    | "breaking"
                    | "exclusive"
                    | "more"
                    | "see"
                    | "also"
                    | "q"
                    | "a"
            )
        });
        if !name_like
            || label
            || (k - a == 1 && !self.word(a).iter().all(|c| c.is_ascii_uppercase()) && doc.ent(a).is_none())
        {
            return None;
        }
        let mention = Some(Span::new(art.tokens[a].span.start, art.tokens[k - 1].span.end));
        Some((k, Attr { mention, verb: Some(k as u32), ..Default::default() }))
    }

    /// Token `t` lower-cased is a verb of reported speech or thought (a cheap shape test first).
    fn is_cue_verb(&self, t: usize) -> bool {
        let v = cue_verbs();
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

fn attribute(art: &Article, raws: &[Raw]) -> (Vec<Quote>, Vec<Attribution>) {
    let kept: Vec<Raw> = raws.iter().filter(|r| !is_name(art, r.span) && !not_a_quote(art, r)).copied().collect();
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
                attr.mention = q.mention;
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
                let text = format!("{head}{}{tail}", "Xx \"".repeat(n));
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
        art.quotes.push(Quote {
            span: Span::new(0, 4),
            speaker: None,
            source: None,
            verb: None,
            sentence: 0,
            speaker_span: None,
            cue: None,
        });
        extract(&mut art);
        assert!(art.quotes.is_empty(), "earlier quotes are cleared");
    }

    fn run(text: &str, mentions: &[(&str, Label)]) -> Article {
        let mut art = story(text, mentions);
        extract(&mut art);
        art
    }

    /// (quoted words, speaker, speaker mention, cue) of each quote.
    type QuoteRow<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);

    fn quotes_of(art: &Article) -> Vec<QuoteRow<'_>> {
        art.quotes
            .iter()
            .map(|q| {
                let sp = q.speaker.as_deref().or(q.source.as_deref());
                (art.slice(q.span), sp, q.speaker_span.map(|s| art.slice(s)), q.cue.map(|s| art.slice(s)))
            })
            .collect()
    }

    #[test]
    fn bodies_speak_through_it_and_the_company() {
        let art = run(
            "ANZ Bank raised its rates on Monday.\n\n\"We see growth,\" it said.\n\nThe company said profits rose.",
            &[("ANZ Bank", Label::Org)],
        );
        assert_eq!(quotes_of(&art), [("We see growth", Some("ANZ Bank"), Some("it"), Some("said"))]);
        let reported: Vec<_> = art.attributions.iter().filter(|a| !a.direct).collect();
        assert_eq!(reported.len(), 1, "{:?}", art.attributions);
        assert_eq!(reported[0].speaker.as_deref(), Some("ANZ Bank"));
        assert_eq!(art.slice(reported[0].speaker_span.unwrap()), "The company");
        assert_eq!(art.slice(reported[0].span), "profits rose");
    }

    #[test]
    fn the_person_after_a_bodys_title_any_verb_and_colons() {
        let text = "\"No,\" said RNC spokesman Sean Spicer.\n\n\"Yes,\" Sanders continued.\n\n\
                    Clinton: \"We will win.\"";
        let art = run(
            text,
            &[
                ("RNC", Label::Org),
                ("Sean Spicer", Label::Person),
                ("Sanders", Label::Person),
                ("Clinton", Label::Person),
            ],
        );
        let got = quotes_of(&art);
        assert_eq!(got[0], ("No", Some("Sean Spicer"), Some("Sean Spicer"), Some("said")));
        assert_eq!(got[1], ("Yes", Some("Sanders"), Some("Sanders"), Some("continued")));
        assert_eq!((got[2].0, got[2].1), ("We will win.", Some("Clinton")));
    }

    #[test]
    fn a_quote_paragraph_continues_the_speakers() {
        let text = "Park Jin spoke in Seoul.\n\n\"It is good,\" Park Jin said.\n\n\"It will grow.\"";
        let art = run(text, &[("Park Jin", Label::Person)]);
        let got = quotes_of(&art);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].1, Some("Park Jin"), "{got:?}");
    }

    #[test]
    fn scare_quotes_titles_and_markup_are_no_quotes() {
        let text = "The \"establishment\" candidate won.\n\nHe spoke on CNN's \"New Day.\"\n\n\
                    <tweet author=\"AP\">Hi</tweet>\n\n``It is over,'' Park said.";
        let art = run(text, &[("Park", Label::Person)]);
        assert_eq!(quotes_of(&art), [("It is over", Some("Park"), Some("Park"), Some("said"))]);
    }

    #[test]
    fn reported_speech_of_every_shape() {
        for (text, content, cue) in [
            ("Park said the talks had failed.", "the talks had failed", "said"),
            ("Park said that the talks had failed.", "the talks had failed", "said"),
            ("The talks had failed, Park said.", "The talks had failed", "said"),
            ("The talks had failed, said Park.", "The talks had failed", "said"),
            ("Park told reporters that the talks had failed.", "the talks had failed", "told"),
            ("Park denied the talks had failed.", "the talks had failed", "denied"),
            ("According to Park, the talks had failed.", "the talks had failed", "According to"),
            ("The talks had failed, according to Park.", "The talks had failed", "according to"),
        ] {
            let art = run(text, &[("Park", Label::Person)]);
            let a = art.attributions.iter().find(|a| !a.direct);
            let a = a.unwrap_or_else(|| panic!("nothing reported in {text:?}"));
            assert_eq!(art.slice(a.span).trim_end_matches(','), content, "{text}");
            assert_eq!(a.cue.map(|c| art.slice(c)), Some(cue), "{text}");
            assert_eq!(a.speaker.as_deref(), Some("Park"), "{text}");
            assert_eq!(a.speaker_span.map(|s| art.slice(s)), Some("Park"), "{text}");
        }
        // A pronoun is what the text says; the speaker is the person it stands for.
        let art = run("Park Jin arrived.\n\nHe said the talks had failed.", &[("Park Jin", Label::Person)]);
        let a = art.attributions.iter().find(|a| !a.direct).unwrap();
        assert_eq!((a.speaker.as_deref(), art.slice(a.speaker_span.unwrap())), (Some("Park Jin"), "He"));
    }

    /// (speaker mention, cue, content) of each reported attribution (not direct).
    fn reported_of(art: &Article) -> Vec<(Option<&str>, Option<&str>, &str)> {
        art.attributions
            .iter()
            .filter(|a| !a.direct)
            .map(|a| (a.speaker_span.map(|s| art.slice(s)), a.cue.map(|c| art.slice(c)), art.slice(a.span)))
            .collect()
    }

    #[test]
    fn unnamed_speakers_thought_and_showing() {
        for (text, mention, cue, content) in [
            ("Most voters said the economy was weak.", "Most voters", "said", "the economy was weak"),
            ("Forty percent said they would stay home.", "Forty percent", "said", "they would stay home"),
            ("Park Jin believes the deal is dead.", "Park Jin", "believes", "the deal is dead"),
            ("The new survey found that turnout fell.", "The new survey", "found", "turnout fell"),
            ("Park Jin did not say whether he would run.", "Park Jin", "say", "whether he would run"),
            ("Park Jin on Tuesday said the talks had failed.", "Park Jin", "said", "the talks had failed"),
            ("Park Jin said in a statement that the talks had failed.", "Park Jin", "said", "the talks had failed"),
            ("Park Jin quietly acknowledged the plan was late.", "Park Jin", "acknowledged", "the plan was late"),
            ("The talks had failed, said a senior aide.", "a senior aide", "said", "The talks had failed"),
        ] {
            let art = run(text, &[("Park Jin", Label::Person), ("Tuesday", Label::Date)]);
            assert_eq!(reported_of(&art), [(Some(mention), Some(cue), content)], "{text}");
        }
        // "who" is what the text says of voters; the speaker is the words themselves.
        let art = run("Voters who said they were angry stayed home.", &[]);
        assert_eq!(reported_of(&art), [(Some("who"), Some("said"), "they were angry stayed home")]);
    }

    #[test]
    fn what_is_no_reported_speech() {
        for text in [
            // First persons outside quotes: quotations the marks missed.
            "I think the deal is dead.",
            // An infinitive.
            "Park Jin refused to say whether he would run again.",
        ] {
            let art = run(text, &[("Park Jin", Label::Person)]);
            let got = reported_of(&art);
            assert!(got.iter().all(|a| a.1 == Some("refused")), "{text}: {got:?}");
        }
        // A participle's subject is the clause's, never whom it tells or what stands before it.
        let art = run("She issued a statement describing the meeting as positive.", &[]);
        assert_eq!(reported_of(&art), [(Some("She"), Some("describing"), "the meeting as positive")]);
        let art = run("Park Jin arrived, telling reporters the talks had failed.", &[("Park Jin", Label::Person)]);
        let a = art.attributions.iter().find(|a| !a.direct).expect("reported");
        assert_eq!((a.speaker.as_deref(), art.slice(a.span)), (Some("Park Jin"), "the talks had failed"));
        // A quote without a speaker found stays a quote, and is no attribution.
        let art = run("The sign read: \"We are open all night long.\"", &[]);
        assert_eq!(art.quotes.len(), 1);
        assert!(art.attributions.is_empty(), "{:?}", art.attributions);
        // A verb a quote took may report a clause before the quote.
        let art = run(
            "Park Jin said it was good to be home, and a man yelled \"Stay there!\"",
            &[("Park Jin", Label::Person)],
        );
        assert!(reported_of(&art).iter().any(|a| a.0 == Some("Park Jin") && a.2.starts_with("it was good to be home")));
    }

    /// (text, entities, speaker of each quote).
    type SpeakerCase<'a> = (&'a str, &'a [(&'a str, Label)], &'a [Option<&'a str>]);

    #[test]
    fn speakers_across_sentence_breaks_descriptions_and_missed_names() {
        let cases: [SpeakerCase; 6] = [
            // The sentence ended at the quote's "!", and the next one opens with the speaker and verb.
            (
                "\"Pat is the greatest!\" Kim Jin wrote in an email. \"Thanks.\"",
                &[("Kim Jin", Label::Person)],
                &[Some("Kim Jin"), Some("Kim Jin")],
            ),
            // A quote opening its sentence after the speaker's sentence in the same paragraph.
            (
                "Talks went on.\n\nKim Jin said the bill was dead. \"We do not debate notions.\"",
                &[("Kim Jin", Label::Person)],
                &[Some("Kim Jin")],
            ),
            // A description no name stands for.
            (
                "\"It is over,\" the Florida senator told reporters.",
                &[("Florida", Label::Gpe)],
                &[Some("the Florida senator")],
            ),
            // The person after a show's name and a title.
            (
                "\"Imagine that,\" mused Blaze co-host Stu Kim.",
                &[("Blaze", Label::Misc), ("Stu Kim", Label::Person)],
                &[Some("Stu Kim")],
            ),
            // A name the recogniser missed, right after the quote; a pronoun stays unnamed.
            ("\"Own your magic,\" Bond said. \"Go,\" he added.\n\nThe end.", &[], &[Some("Bond"), None]),
            // A quote paragraph after "...:".
            (
                "Talks went on.\n\nKim Jin released a statement:\n\n\"We mourn the loss of a friend.\"",
                &[("Kim Jin", Label::Person)],
                &[Some("Kim Jin")],
            ),
        ];
        for (text, mentions, speakers) in cases {
            let art = run(text, mentions);
            let got: Vec<Option<&str>> = art.quotes.iter().map(|q| q.speaker.as_deref()).collect();
            assert_eq!(got, speakers, "{text}");
        }
    }

    #[test]
    fn speakers_after_places_statements_and_dash_lines() {
        let cases: [SpeakerCase; 4] = [
            // The person after a place's title.
            (
                "Talks went on.\n\n\"Go home,\" said White House spokesman Lee Min.",
                &[("White House", Label::Loc), ("Lee Min", Label::Person)],
                &[Some("Lee Min")],
            ),
            // A noun of speech before the comma.
            (
                "Talks went on.\n\nLee Min issued a statement, \"We mourn the loss of a friend.\"",
                &[("Lee Min", Label::Person)],
                &[Some("Lee Min")],
            ),
            // A dash line after the quote's paragraph.
            (
                "Talks went on.\n\n\"Taxes are too high for everyone in the country.\"\n\n- Lee Min.\n\nMore.",
                &[("Lee Min", Label::Person)],
                &[Some("Lee Min")],
            ),
            // "pointed out" before the quote.
            (
                "Talks went on.\n\nAs Lee Min pointed out, \"The deal is not done yet.\"",
                &[("Lee Min", Label::Person)],
                &[Some("Lee Min")],
            ),
        ];
        for (text, mentions, speakers) in cases {
            let art = run(text, mentions);
            let got: Vec<Option<&str>> = art.quotes.iter().map(|q| q.speaker.as_deref()).collect();
            assert_eq!(got, speakers, "{text}");
        }
    }

    #[test]
    fn subjects_before_commas_openings_and_adjuncts() {
        for (text, mention, content) in [
            ("Another delegate, Park Jin, said he was leaning left.", "Park Jin", "he was leaning left"),
            ("About two-thirds, 67 percent, say they will vote.", "67 percent", "they will vote"),
            ("The businessman began by talking, saying that costs were high.", "The businessman", "costs were high"),
            ("The group said in a statement Thursday night they pulled the ad.", "The group", "they pulled the ad"),
        ] {
            let art = run(text, &[("Park Jin", Label::Person)]);
            let got = reported_of(&art);
            assert!(got.iter().any(|a| a.0 == Some(mention) && a.2 == content), "{text}: {got:?}");
        }
        for text in [
            // Naming, and an adjective: no speech.
            "They hired a firm called Cambridge Analytics.",
            "The alleged criminals are voters.",
            // An adjunct alone says nothing.
            "The group said on Monday.",
        ] {
            let art = run(text, &[]);
            assert!(reported_of(&art).is_empty(), "{text}: {:?}", reported_of(&art));
        }
    }

    #[test]
    fn speakers_after_titles_appositions_owners_and_dash_credits() {
        let cases: [SpeakerCase; 9] = [
            // Inverted: the last person named before the phrase ends, over titles no list holds.
            (
                "Talks went on.\n\n\"Prices will fall,\" said Dover-based grain analyst Mira Castell, citing the harvest.",
                &[("Dover-based", Label::Misc), ("Mira Castell", Label::Person)],
                &[Some("Mira Castell")],
            ),
            // A capitalised function word opens the name.
            (
                "Talks went on.\n\n\"It was close,\" said Will Jansen, a teacher in the town.",
                &[("Will Jansen", Label::Person)],
                &[Some("Will Jansen")],
            ),
            // A name the recogniser missed, after an inverted verb.
            ("Talks went on.\n\n\"We stay,\" said Dara Quillon, a farmer from the valley.", &[], &[Some("Dara Quillon")]),
            // A long appositive between the name and the verb.
            (
                "Talks went on.\n\n\"Rates are high,\" Tom Reyes, director of the Center for Fiscal Study at the state university, said on Monday.",
                &[("Tom Reyes", Label::Person), ("Center for Fiscal Study", Label::Org)],
                &[Some("Tom Reyes")],
            ),
            // A name set off by commas after a description with an owner.
            (
                "Talks went on.\n\n\"We will win,\" Lee's campaign chairman, Ana Lund, said.",
                &[("Lee", Label::Person), ("Ana Lund", Label::Person)],
                &[Some("Ana Lund")],
            ),
            // A party and state in parentheses before the comma.
            (
                "Talks went on.\n\nLater, Gov. Ben Ortiz (R-Ore.), said, \"The budget is done.\"",
                &[("Ben Ortiz", Label::Person)],
                &[Some("Ben Ortiz")],
            ),
            // The owner of a body speaks through it.
            ("Talks went on.\n\n\"The invitation stands,\" Ortiz's office said.", &[("Ortiz", Label::Person)], &[Some("Ortiz")]),
            // The object before a participle is not its subject.
            (
                "Talks went on.\n\nLee Min emailed supporters saying: \"The fight goes on.\"",
                &[("Lee Min", Label::Person)],
                &[Some("Lee Min")],
            ),
            // Dash credits on the quote's line, names the recogniser missed, one after another.
            (
                "Readers wrote in.\n\n\"Taxes are too high.\" ― Rosa Delgado\n\"Schools need money.\" ― Ken Oduya\n\"Roads are bad.\" ― Li Na Park.",
                &[],
                &[Some("Rosa Delgado"), Some("Ken Oduya"), Some("Li Na Park")],
            ),
        ];
        for (text, mentions, speakers) in cases {
            let art = run(text, mentions);
            let got: Vec<Option<&str>> = art.quotes.iter().map(|q| q.speaker.as_deref()).collect();
            assert_eq!(got, speakers, "{text}");
        }
        // The mention of an owner's person names no one alone, but is written out as the speaker.
        let art = run(
            "Talks went on.\n\n\"We expected it,\" Lee's former campaign strategist said.",
            &[("Lee", Label::Person)],
        );
        let q = quotes_of(&art);
        assert_eq!(q[0].1, Some("Lee's former campaign strategist"));
        assert_eq!(q[0].2, Some("Lee's former campaign strategist"));
        // An attribution to the owner's office spans the owner's name.
        let art = run("Talks went on.\n\nOrtiz's office said the invitation stands.", &[("Ortiz", Label::Person)]);
        assert_eq!(reported_of(&art), vec![(Some("Ortiz's office"), Some("said"), "the invitation stands")]);
    }

    #[test]
    fn reported_before_a_participle_and_after_a_colon() {
        // Unread '' marks: what is said comes before "X said, pointing out ...", not after.
        let art = run(
            "Talks went on.\n\n''The mill was busy,'' Nora Vance said, pointing out the old store.\n\nMore.",
            &[("Nora Vance", Label::Person)],
        );
        assert!(
            reported_of(&art).contains(&(Some("Nora Vance"), Some("said"), "''The mill was busy")),
            "{:?}",
            reported_of(&art)
        );
        // Without a clause before, what follows stays what is said.
        let art = run("Talks went on.\n\nNora Vance said the mill was busy.", &[("Nora Vance", Label::Person)]);
        assert_eq!(reported_of(&art), vec![(Some("Nora Vance"), Some("said"), "the mill was busy")]);
        // A name and a colon opening a headline or a transcript line.
        let art = run("Talks went on.\n\nVANCE: Well, I think the mill will open again.", &[]);
        assert_eq!(reported_of(&art), vec![(Some("VANCE"), Some(":"), "Well, I think the mill will open again")]);
        let art = run("Talks went on.\n\nNora Vance: The Mill Will Open Again.", &[("Nora Vance", Label::Person)]);
        assert_eq!(reported_of(&art), vec![(Some("Nora Vance"), Some(":"), "The Mill Will Open Again")]);
        // A label is no speaker.
        let art = run("Talks went on.\n\nUpdate: The mill opened again on Monday.", &[]);
        assert!(reported_of(&art).is_empty());
    }
}
