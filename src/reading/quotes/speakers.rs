//! Who speaks: the subject of a reporting verb (a name, a pronoun resolved to the person last named,
//! "it" or "the company" resolved to the medium or organisation last cited, a description, a name after
//! a title in an inverted "said the spokesman X"), "according to X", and the medium a sentence cites.
//! Split from `mod.rs` so that the quote and reported-speech readers stay readable; these are methods of
//! the same `Ctx`.
use super::words::*;
use super::{Attr, Ctx, SUBJECT_REACH};
use crate::reading::story::{self, is_aux_or_adverb, is_medium, Doc};
use crate::types::*;

/// An entity's name as written out: its canonical name, else its text as a name.
pub(super) fn name<'a>(art: &'a Article, e: usize) -> std::borrow::Cow<'a, str> {
    let n = story::entity_name(art, e);
    // A closing quote mark the recogniser took into the name ("” Trump said").
    let marks: &[char] = &['"', '“', '”', '\'', '’', '‘', ' ', ','];
    if n.starts_with(marks) || n.ends_with(marks) {
        return std::borrow::Cow::Owned(n.trim_matches(marks).to_string());
    }
    n
}

/// An entity's span without quote-mark tokens at its edges.
pub(super) fn mention_of(doc: &Doc<'_>, e: usize) -> Span {
    let ent = &doc.art.entities[e];
    let (mut a, mut b) = (ent.token_start, ent.token_end);
    while a + 1 < b && story::is_quote_mark(doc.tok(a)) {
        a += 1;
    }
    while b > a + 1 && story::is_quote_mark(doc.tok(b - 1)) {
        b -= 1;
    }
    Span::new(doc.art.tokens[a].span.start, doc.art.tokens[b - 1].span.end)
}

impl<'d, 'a> Ctx<'d, 'a> {
    /// The entity whose last token is `t`, outside quotes, of a label that can speak.
    pub(super) fn speaker_ending(&self, t: usize) -> Option<usize> {
        let e = self.doc.ent_ending(t)?;
        let l = self.doc.art.entities[e].label;
        (!self.quoted[t] && matches!(l, Label::Person | Label::Org | Label::Gpe | Label::Norp)).then_some(e)
    }

    pub(super) fn is_medium(&self, e: usize) -> bool {
        let known = &self.media[e];
        if known.get() == 0 {
            known.set(if is_medium(&name(self.doc.art, e)) { 2 } else { 1 });
        }
        known.get() == 2
    }

    /// "Sen. Laura Whitcomb of Utah called ...": a place or body that only says where the person
    /// before it comes from ("of"/"from") is not the speaker; that person is.
    pub(super) fn person_before_of(&self, e: usize) -> Option<usize> {
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
    pub(super) fn attr_of_entity(&self, e: usize) -> Attr {
        let art = self.doc.art;
        let mention = Some(mention_of(self.doc, e));
        if art.entities[e].label != Label::Person && self.is_medium(e) {
            Attr { source: Some(e as u32), mention, ..Default::default() }
        } else {
            Attr { speaker: Some(e as u32), mention, ..Default::default() }
        }
    }

    /// The tokens of sentence `si` outside quotes that end a PERSON entity.
    pub(super) fn persons_in(&self, si: usize) -> &[u32] {
        self.sents[si].persons.get_or_init(|| {
            let (a, b) = self.sentence_tokens(si);
            (a..b)
                .filter(|&t| self.speaker_ending(t).is_some_and(|e| self.doc.art.entities[e].label == Label::Person))
                .map(|t| t as u32)
                .collect()
        })
    }

    /// The nearest medium cited at or before sentence `si` (at most a few sentences back).
    pub(super) fn running_medium(&self, si: usize) -> Option<u32> {
        (si.saturating_sub(6)..si).rev().find_map(|s| self.medium(s))
    }

    pub(super) fn last_person(&self, si: usize, before_tok: usize) -> Option<u32> {
        let p = self.persons_in(si);
        if let Some(&t) = p[..p.partition_point(|&t| (t as usize) < before_tok)].last() {
            return self.speaker_ending(t as usize).map(|e| e as u32);
        }
        (si.saturating_sub(6)..si).rev().find_map(|s| self.first_person(s))
    }

    /// Token `t` may belong to a plain noun phrase ("47 percent", "a senior aide", "Some voters").
    pub(super) fn nounish(&self, t: usize) -> bool {
        if self.quoted[t] {
            return false;
        }
        let w = self.doc.tok(t);
        w.chars().next().is_some_and(char::is_alphanumeric)
            && !self.is_cue_verb(t)
            && !self.low_is(t, story::is_determiner)
            && !self.low_is(t, |x| is_aux_or_adverb(x) || is_aux_word(x) || is_clause_word(x))
    }

    /// The noun phrase ending just before token `j` (a bounded run of words back to a determiner), or
    /// a pronoun: the words that say who speaks when no name does ("most voters", "who", "they").
    pub(super) fn plain_subject(&self, a: usize, j: usize) -> Option<Span> {
        if j <= a || self.quoted[j - 1] {
            return None;
        }
        let l = j - 1;
        let toks = &self.doc.art.tokens;
        if self.low_is(l, |w| matches!(w, "i" | "we" | "you")) {
            // First and second persons outside quotes are mostly in quotations the marks missed.
            return None;
        }
        if self.low_is(l, |w| matches!(w, "who" | "they" | "he" | "she" | "it")) {
            return Some(toks[l].span);
        }
        // A verb form is no head of a subject ("has avoided criticizing").
        let w = self.word(l);
        if !self.nounish(l) || (w[0].is_ascii_lowercase() && (w.ends_with(b"ed") || w.ends_with(b"ing"))) {
            return None;
        }
        let mut k = l;
        while k > a && k + 6 > l {
            let w = k - 1;
            if self.low_is(w, |x| story::is_determiner(x) || matches!(x, "some" | "many" | "most" | "all" | "both")) {
                k = w;
                break;
            }
            if !(self.nounish(w) || (self.is_word(w, "of") && w > a && self.nounish(w - 1))) {
                break;
            }
            k = w;
        }
        Some(Span::new(toks[k].span.start, toks[l].span.end))
    }

    /// The noun phrase opening a sentence at token `a` (a determiner and up to five words) that ends
    /// before token `j`: the subject of a participle later in the sentence.
    pub(super) fn opening_phrase(&self, a: usize, j: usize) -> Option<Span> {
        if !self.low_is(a, |x| matches!(x, "the" | "a" | "an")) {
            return None;
        }
        // To its verb: a past form ends the phrase ("The businessman began by ...").
        let past = |t: usize| {
            let w = self.word(t);
            w.ends_with(b"ed")
                || self
                    .low_is(t, |x| matches!(x, "began" | "went" | "came" | "took" | "made" | "gave" | "spoke" | "got"))
        };
        let last = (a + 1..j.min(a + 6)).take_while(|&t| self.nounish(t) && !past(t)).last()?;
        let toks = &self.doc.art.tokens;
        Some(Span::new(toks[a].span.start, toks[last].span.end))
    }

    /// "..., said a campaign aide.": the noun phrase right after an inverted verb, to a punctuation mark.
    pub(super) fn plain_subject_after(&self, v: usize, e: usize) -> Option<Span> {
        let doc = self.doc;
        if v == 0 || doc.tok(v - 1) != "," || v + 1 >= e {
            return None;
        }
        let first = v + 1;
        if !self.low_is(first, |x| story::is_determiner(x) || matches!(x, "one" | "another" | "some" | "many")) {
            return None;
        }
        let last = (first + 1..e.min(first + 8)).take_while(|&t| self.nounish(t) || self.is_word(t, "of")).last()?;
        let toks = &doc.art.tokens;
        Some(Span::new(toks[first].span.start, toks[last].span.end))
    }

    /// The first person or body named in sentence `si` before token `end` (outside quotes), for a
    /// quote introduced by a colon.
    pub(super) fn first_speaker_before(&self, si: usize, end: usize) -> Option<Attr> {
        let (a, _) = self.sentence_tokens(si);
        let doc = self.doc;
        for t in a..end.min(a + 40) {
            if self.quoted[t] {
                continue;
            }
            if let Some(e) = doc.ent_starting(t) {
                let ent = &doc.art.entities[e];
                if matches!(ent.label, Label::Person | Label::Org) && !doc.is_possessive(ent.token_end) {
                    return Some(self.attr_of_entity(e));
                }
            }
            if t == a && self.low_is(t, story::is_person_pronoun) {
                let mention = Some(doc.art.tokens[t].span);
                return Some(Attr { speaker: self.last_person(si, t), mention, ..Default::default() });
            }
        }
        None
    }

    /// The first person, body or personal pronoun before token `end` of sentence `si` that a verb
    /// follows (over auxiliaries and adverbs): the subject of the clause a participle after it hangs on
    /// ("As ISIL grew, Trump hewed to ..., noting": Trump, not ISIL). A bounded look.
    pub(super) fn clause_subject_before(&self, si: usize, end: usize) -> Option<Attr> {
        let (a, _) = self.sentence_tokens(si);
        let doc = self.doc;
        let end = end.min(a + 40);
        let verb_after = |mut t: usize| {
            while t < end && self.low_is(t, |w| is_aux_or_adverb(w) || is_ly_adverb(w)) {
                t += 1;
            }
            t < end
                && !self.quoted[t]
                && (self.low_is(t, is_aux_word)
                    || self.is_cue_verb(t)
                    || self.is_attitude_verb(t)
                    || self.is_reporting_verb(t)
                    || self.verb_like(t))
        };
        let mut t = a;
        while t < end {
            if self.quoted[t] {
                t += 1;
                continue;
            }
            if let Some(e) = doc.ent_starting(t) {
                let ent = &doc.art.entities[e];
                let after = ent.token_end;
                if matches!(ent.label, Label::Person | Label::Org) && !doc.is_possessive(after) && verb_after(after) {
                    return Some(self.attr_of_entity(e));
                }
                t = after.max(t + 1);
                continue;
            }
            if self.low_is(t, |w| matches!(w, "he" | "she" | "they")) && verb_after(t + 1) {
                let mention = Some(doc.art.tokens[t].span);
                return Some(Attr { speaker: self.last_person(si, t), mention, ..Default::default() });
            }
            t += 1;
        }
        None
    }

    /// The subject of the main clause of sentence `si` before token `end`: who does what a participle
    /// set off by a comma says ("Trump went after Bush, calling him ...", "His campaign sued the DNC,
    /// seeking ...": Trump and the campaign, not Bush or the DNC). The first noun phrase a finite verb
    /// follows, past an opening adjunct ("In an interview with CNN,", "As the race tightened,"). A
    /// bounded look.
    pub(super) fn main_subject(&self, si: usize, end: usize) -> Option<Attr> {
        let (a, _) = self.sentence_tokens(si);
        let doc = self.doc;
        let end = end.min(a + 40);
        let mut start = a;
        while start < end && self.low_is(start, |w| matches!(w, "but" | "and" | "so" | "yet" | "still" | "now")) {
            start += 1;
        }
        if start >= end {
            return None;
        }
        let opener = self.low_is(start, |w| {
            matches!(
                w,
                "as" | "while"
                    | "when"
                    | "after"
                    | "before"
                    | "although"
                    | "though"
                    | "if"
                    | "because"
                    | "since"
                    | "once"
                    | "until"
                    | "unlike"
                    | "like"
                    | "despite"
                    | "in"
                    | "on"
                    | "at"
                    | "during"
                    | "for"
                    | "with"
                    | "by"
                    | "from"
                    | "over"
                    | "under"
                    | "last"
                    | "this"
                    | "earlier"
                    | "later"
                    | "also"
            )
        }) || (self.word(start).ends_with(b"ing") && self.word(start)[0].is_ascii_uppercase());
        if opener {
            // The adjunct ends at its comma; a place's own commas ("in Salem, New Hampshire,") are
            // passed by the verb test below.
            start = (start + 1..end).find(|&t| doc.tok(t) == ",")? + 1;
        }
        let finite = |mut t: usize| {
            while t < end && self.low_is(t, |w| is_aux_or_adverb(w) || is_ly_adverb(w)) {
                t += 1;
            }
            t < end
                && !self.quoted[t]
                && (self.low_is(t, |w| is_aux_word(w) || is_irregular_past(w) || matches!(w, "has" | "have" | "had"))
                    || self.is_cue_verb(t)
                    || self.is_reporting_verb(t)
                    || self.verb_like(t))
        };
        let mut t = start;
        while t < end {
            if self.quoted[t] || story::is_quote_mark(doc.tok(t)) || doc.tok(t) == "," {
                t += 1;
                continue;
            }
            if let Some(e) = doc.ent_starting(t) {
                let after = doc.art.entities[e].token_end;
                if self.speaker_ending(after - 1) == Some(e) && finite(after) {
                    return Some(self.attr_of_entity(e));
                }
                if after < end && matches!(doc.tok(after), "'s" | "’s") {
                    // "Clinton's campaign said": the owner's noun phrase.
                    t = after + 1;
                    continue;
                }
                t = after.max(t + 1);
                continue;
            }
            if self.low_is(t, |w| matches!(w, "he" | "she" | "they" | "it")) {
                if !finite(t + 1) {
                    return None;
                }
                let mention = Some(doc.art.tokens[t].span);
                let speaker = if self.is_word(t, "it") { self.last_org(t) } else { self.last_person(si, t) };
                return Some(Attr { speaker, mention, ..Default::default() });
            }
            if finite(t + 1) && self.nounish(t) && !self.word(t).ends_with(b"ing") {
                if let Some(d) = self.description_ending(start, t) {
                    return Some(d);
                }
                return self.plain_subject(start, t + 1).map(|m| Attr { mention: Some(m), ..Default::default() });
            }
            t += 1;
        }
        None
    }

    /// The organisation last named before token `t` (a few sentences back at most, a bounded number of
    /// entities): who "the company" or "it" stands for.
    pub(super) fn last_org(&self, t: usize) -> Option<u32> {
        let ents = &self.doc.art.entities;
        let n = ents.partition_point(|e| e.token_end <= t);
        let si = self.doc.art.tokens.get(t).and_then(|_| story::sentence_of_token(self.doc.art, t))?;
        let first_tok = self.doc.art.sentences[si.saturating_sub(6)].token_start;
        ents[..n]
            .iter()
            .enumerate()
            .rev()
            .take(40)
            .take_while(|(_, e)| e.token_start >= first_tok)
            .find(|(i, e)| e.label == Label::Org && !self.quoted[e.token_start] && !self.is_medium(*i))
            .map(|(i, _)| i as u32)
    }

    /// A description ending at token `l` ("the company", "a senior campaign official"): its span from
    /// the determiner, and the organisation it stands for when it names a body.
    pub(super) fn description_ending(&self, a: usize, l: usize) -> Option<Attr> {
        let head_body = self.low_is(l, is_body_noun);
        if !(head_body || self.low_is(l, is_person_noun)) || self.quoted[l] {
            return None;
        }
        // Back over modifiers to a determiner, at most five words.
        let mut k = l;
        while k > a && k + 5 > l {
            let w = k - 1;
            if self.low_is(w, |x| story::is_determiner(x) || matches!(x, "another" | "one" | "some" | "many")) {
                k = w;
                break;
            }
            let tok = self.doc.tok(w);
            let wordish = tok.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.');
            if !wordish || self.quoted[w] || self.is_reporting_verb(w) || self.low_is(w, is_aux_or_adverb) {
                break;
            }
            k = w;
        }
        if k > a + 1 && k + 3 > l && self.doc.is_possessive(k - 1) {
            // "Ryan's office", "Clinton's campaign manager": the owner's name opens the mention; a body
            // of the owner's speaks for the owner, a person of the owner's is no one named.
            if let Some(o) = self.speaker_ending(k - 2) {
                let start = mention_of(self.doc, o).start;
                let mention = Some(Span::new(start, self.doc.art.tokens[l].span.end));
                let speaker = head_body.then_some(o as u32);
                return Some(Attr { speaker, mention, ..Default::default() });
            }
        }
        let mention = Some(Span::new(self.doc.art.tokens[k].span.start, self.doc.art.tokens[l].span.end));
        // "the Trump campaign": a named body inside the description speaks.
        let inner = (k..l).find_map(|t| self.doc.ent_starting(t)).filter(|&e| {
            let ent = &self.doc.art.entities[e];
            ent.token_end <= l + 1 && matches!(ent.label, Label::Org | Label::Gpe | Label::Norp | Label::Person)
        });
        let speaker = match inner {
            Some(e) if head_body => Some(e as u32),
            _ if head_body && self.low_is(k, |x| x == "the" || x == "its") => self.last_org(k),
            _ => None,
        };
        Some(Attr { speaker, mention, ..Default::default() })
    }

    /// Who is the subject of the reporting verb at token `v` in sentence `si`.
    pub(super) fn subject(&self, si: usize, v: usize, depth: u8) -> Attr {
        let participle = self.word(v).ends_with(b"ing");
        if participle && v > 0 && self.doc.tok(v - 1) == "," {
            // '"...," Kim said, adding that ...', "a Chinese official said, adding ...": the subject of
            // the verb of speech right before the comma.
            if depth < 3 {
                if let Some(t) =
                    self.last_verb_before(si, v - 1).filter(|&t| t + 6 > v && !self.word(t).ends_with(b"ing"))
                {
                    let f = self.subject(si, t, depth + 1);
                    if f.found() || f.mention.is_some() {
                        return f;
                    }
                }
            }
            // "Trump went after Bush, calling him ...": the main clause's subject, not the object
            // before the comma.
            if let Some(f) = self.main_subject(si, v - 1) {
                return f;
            }
        }
        let found = self.subject_near(si, v, depth);
        if participle && !found.found() && found.mention.is_some() && v > 0 && self.doc.tok(v - 1) != "," {
            // "The senator emailed supporters saying ...": the words before the participle are the
            // object of the verb before it; the clause's subject speaks.
            if let Some(f) = self.first_speaker_before(si, v) {
                return f;
            }
            let (a, _) = self.sentence_tokens(si);
            if let Some(m) = self.opening_phrase(a, v) {
                return Attr { mention: Some(m), ..Default::default() };
            }
        }
        if found.found() || found.mention.is_some() {
            return found;
        }
        // "Clinton ..., saying, ...": a participle's subject is the clause's subject.
        if self.word(v).ends_with(b"ing") {
            if let Some(f) = self.clause_subject_before(si, v).or_else(|| self.first_speaker_before(si, v)) {
                return f;
            }
        }
        found
    }

    pub(super) fn subject_near(&self, si: usize, v: usize, depth: u8) -> Attr {
        let doc = self.doc;
        let (a, b) = self.sentence_tokens(si);
        let mut j = v;
        // Bounded look-back and look-ahead: a run of words longer than any subject phrase is no subject.
        while j > a && j + SUBJECT_REACH > v && self.low_is(j - 1, is_aux_or_adverb) {
            j -= 1;
        }
        // "Sen. Marco Rubio (R-Fla.) said": over a short parenthesis.
        if j > a + 1 && doc.tok(j - 1) == ")" {
            if let Some(o) = (a.max(j.saturating_sub(10))..j - 1).rev().find(|&t| doc.tok(t) == "(") {
                if o > a {
                    j = o;
                }
            }
        }
        if j > a {
            let l = j - 1;
            if let Some(e) = self.speaker_ending(l) {
                return self.attr_of_entity(self.person_before_of(e).unwrap_or(e));
            }
            if self.low_is(l, story::is_person_pronoun) {
                let mention = Some(doc.art.tokens[l].span);
                return Attr { speaker: self.last_person(si, l), mention, ..Default::default() };
            }
            if self.is_word(l, "it") {
                let mention = Some(doc.art.tokens[l].span);
                let source = self.running_medium(si + 1);
                let speaker = if source.is_none() { self.last_org(l) } else { None };
                return Attr { source, speaker, mention, ..Default::default() };
            }
            if let Some(d) = self.description_ending(a, l) {
                return d;
            }
            if (self.is_word(l, "and") || self.is_word(l, "but")) && depth < 3 {
                // Coordinated verb: the main clause's subject ("The spokesman refused to say who X
                // backs but said ..."), else that of the reporting verb before it, else the sentence's
                // first person.
                if let Some(f) = self.main_subject(si, l) {
                    return f;
                }
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
            if let Some(m) = self.unrecognised_name(a, l) {
                // '"...," Bond said': a capitalised name the recogniser missed, right after the quote.
                return Attr { mention: Some(m), ..Default::default() };
            }
            if doc.tok(l) == "," && !story::is_quote_mark(doc.tok(l.saturating_sub(1))) {
                // "Sanders's campaign manager, Jeff Weaver, said": a name set off by commas (and a
                // short parenthesis: "Gov. John Kasich (R-OH), said").
                let mut n = l;
                if n > a + 1 && doc.tok(n - 1) == ")" {
                    n = (a.max(n.saturating_sub(8))..n - 1).rev().find(|&t| doc.tok(t) == "(").unwrap_or(n);
                }
                if n < l {
                    if let Some(e) = n.checked_sub(1).and_then(|t| self.speaker_ending(t)) {
                        return self.attr_of_entity(e);
                    }
                }
                if let Some(e) = l.checked_sub(1).and_then(|t| self.speaker_ending(t)) {
                    let start = doc.art.entities[e].token_start;
                    if doc.art.entities[e].label == Label::Person && start > a && doc.tok(start - 1) == "," {
                        return self.attr_of_entity(e);
                    }
                }
                // "Li, a Politburo member, said": the name before the appositive.
                for t in (a.max(l.saturating_sub(12))..l).rev() {
                    if doc.tok(t) == "," {
                        if t > a {
                            // Not a place: "Trump, speaking in Wilmington, N.C., warned" is said by
                            // the clause's opening name.
                            if let Some(e) =
                                self.speaker_ending(t - 1).filter(|&e| doc.art.entities[e].label != Label::Gpe)
                            {
                                return self.attr_of_entity(e);
                            }
                        }
                        break;
                    }
                }
                if let Some(found) = self.clause_opening_speaker(a, l) {
                    return found;
                }
            }
        }
        // Inversion after a quote or at the start: '"...," said Kim', 'said the KCNA'.
        // Not after a participle: "..., telling reporters" names whom it tells.
        let inverted = (j == a || matches!(doc.tok(j - 1), "," | "\"" | "”" | "''")) && !self.word(v).ends_with(b"ing");
        if inverted {
            if let Some(found) = self.inverted_subject(v, b) {
                return found;
            }
            if let Some(m) = self.description_after(v, b) {
                return Attr { mention: Some(m), ..Default::default() };
            }
        }
        Attr::default()
    }

    /// '"...," said one former executive who ...', "said a source close to the campaign": a
    /// description after an inverted verb, opening with an article or a quantifier, to a punctuation
    /// mark or a clause word ("one of those advisers" passes its "of").
    pub(super) fn description_after(&self, v: usize, b: usize) -> Option<Span> {
        let first = v + 1;
        if first >= b
            || self.quoted[first]
            || !self
                .low_is(first, |x| matches!(x, "a" | "an" | "one" | "another" | "two" | "three" | "several" | "some"))
        {
            return None;
        }
        let mut last = first;
        for t in first + 1..b.min(first + 8) {
            let after_of = self.is_word(t - 1, "of") && self.low_is(t, story::is_determiner);
            // "a longtime GOP data expert": a body or place may modify; a person named is the speaker
            // the caller looked for first.
            let person = self.doc.ent(t).is_some_and(|e| self.doc.art.entities[e].label == Label::Person);
            if !(self.nounish(t) || self.is_word(t, "of") || after_of) || person {
                break;
            }
            last = t;
        }
        if last == first || self.is_word(last, "of") {
            return None;
        }
        let toks = &self.doc.art.tokens;
        Some(Span::new(toks[first].span.start, toks[last].span.end))
    }

    /// "Another commenter said, ...", "The email said": a plain description opening its clause (at the
    /// sentence's start or after a quote) with an article or a quantifier, right before the verb at `j`.
    pub(super) fn opening_description(&self, a: usize, j: usize) -> Option<Span> {
        let m = self.plain_subject(a, j)?;
        let toks = &self.doc.art.tokens;
        let k = toks[a..j].partition_point(|t| t.span.start < m.start) + a;
        let opens = k == a || story::is_quote_mark(self.doc.tok(k - 1)) || self.doc.tok(k - 1) == ",";
        let det = self.low_is(k, |x| matches!(x, "a" | "an" | "the" | "another" | "one" | "some" | "many" | "several"));
        (opens && det && j > k + 1).then_some(m)
    }

    /// A run of at most three capitalised words ending at token `l` that follows a closing quote mark
    /// (and its comma): a speaker's name the recogniser did not take ('"...," Bond said').
    pub(super) fn unrecognised_name(&self, a: usize, l: usize) -> Option<Span> {
        let doc = self.doc;
        let cap = |t: usize| {
            let w = doc.tok(t);
            !self.quoted[t]
                && doc.ent(t).is_none()
                && w.len() > 1
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).all(|c| c.is_lowercase() || c == '\'' || c == '-')
                && !self.low_is(t, |x| story::is_determiner(x) || is_clause_word(x) || is_pronoun(x))
        };
        if !cap(l) {
            return None;
        }
        let mut k = l;
        while k > a && k + 3 > l && cap(k - 1) {
            k -= 1;
        }
        let mut p = k.checked_sub(1).filter(|&p| p >= a)?;
        if doc.tok(p) == "," && p > a {
            p -= 1;
        }
        let toks = &doc.art.tokens;
        story::is_quote_mark(doc.tok(p)).then(|| Span::new(toks[k].span.start, toks[l].span.end))
    }
}
