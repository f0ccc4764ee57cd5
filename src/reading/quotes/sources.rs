//! Where a sentence's source is found beyond the verb's own subject: "according to X", the medium a
//! sentence cites, the first person it names, and the speakers of inverted verbs ("said the spokesman
//! X") and of clause-opening appositives. Split from `speakers.rs` for size; methods of the same `Ctx`.
use super::words::*;
use super::{Attr, Ctx, Medium, MEDIA_DEPTH, SUBJECT_REACH};
use crate::reading::story::{self, is_aux_or_adverb};
use crate::types::*;

impl<'d, 'a> Ctx<'d, 'a> {
    /// "according to [the] X" in sentence `si`, outside quotes.
    pub(super) fn according_to(&self, si: usize) -> Option<usize> {
        // No "according" outside quotes here: nothing to look for.
        if self.sents[si].need && !self.cites(si) {
            return None;
        }
        // The same for every quote of the sentence: looked for once.
        *self.sents[si].according.get_or_init(|| self.find_according_to(si))
    }

    pub(super) fn find_according_to(&self, si: usize) -> Option<usize> {
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

    /// Attribution of a sentence from a reporting verb near token position `pos` (or its first one).
    pub(super) fn sentence_attr(&self, si: usize, verb_tok: Option<usize>) -> Attr {
        let mut attr = Attr::default();
        if let Some(v) = verb_tok {
            attr = self.subject(si, v, 0);
            attr.verb = Some(v as u32);
            if attr.mention.is_none() {
                // "Another commenter said, ...": asked here, for quotes only (reported speech looks
                // for a plain subject of its own).
                let (a, _) = self.sentence_tokens(si);
                let mut j = v;
                while j > a && j + SUBJECT_REACH > v && self.low_is(j - 1, is_aux_or_adverb) {
                    j -= 1;
                }
                attr.mention = self.opening_description(a, j);
            }
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

    /// The first PERSON of sentence `si` outside quotes that is no possessive owner.
    pub(super) fn first_person(&self, si: usize) -> Option<u32> {
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
    pub(super) fn medium(&self, si: usize) -> Option<u32> {
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

    pub(super) fn work_out_medium(&self, si: usize) -> Option<u32> {
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
    /// The speaker of an inverted verb ('"...," said Florida-based strategist Al Cardenas, referring
    /// ...', 'said Dr. Jane Roe of ...', 'said the KCNA'): the phrase after the verb runs to a
    /// punctuation mark or a function word; the last person named in it (titles and bodies before the
    /// name are descriptions), else the first body or place it opens with, else a capitalised name the
    /// recogniser missed or took for something else, right before the phrase's end.
    pub(super) fn inverted_subject(&self, v: usize, b: usize) -> Option<Attr> {
        let doc = self.doc;
        let art = doc.art;
        let stop = (v + 1..b.min(v + 1 + SUBJECT_REACH))
            .find(|&t| {
                let w = doc.tok(t);
                self.quoted[t]
                    || !w.chars().next().is_some_and(char::is_alphanumeric)
                    || doc.is_possessive(t)
                    // Function words in lower case only: "said Will Doyle", "said Al From".
                    || w.starts_with(|c: char| c.is_lowercase()) && self.low_is(t, |x| {
                        is_adjunct_word(x)
                            || is_clause_word(x)
                            || is_aux_word(x)
                            || matches!(x, "of" | "to" | "for" | "about" | "as" | "when" | "while")
                    })
                    || self.is_reporting_verb(t)
            })
            .unwrap_or(b.min(v + 1 + SUBJECT_REACH));
        if stop <= v + 1 {
            return None;
        }
        // The last person whose name ends inside the phrase (not an owner: "Clinton's aide").
        let person = (v + 1..stop)
            .rev()
            .filter_map(|t| doc.ent_ending(t))
            .find(|&e| art.entities[e].label == Label::Person && art.entities[e].token_start > v);
        if let Some(mut p) = person {
            // Two names side by side are one name the recogniser split ("said Ruth\nAlvarado"): the
            // first, whose mention the later parts of the name may resolve to someone else.
            while let Some(q) = art.entities[p].token_start.checked_sub(1).and_then(|t| doc.ent_ending(t)) {
                if art.entities[q].label != Label::Person || art.entities[q].token_start <= v {
                    break;
                }
                p = q;
            }
            return Some(self.attr_of_entity(p));
        }
        let g = crate::gazetteer::gazetteer();
        let mut k = v + 1;
        while k < stop
            && self.low_is(k, |w| story::is_determiner(w) || g.title_word(w).head || g.title_word(w).modifier)
        {
            k += 1;
        }
        if let Some(e) = (k < stop).then(|| doc.ent_starting(k)).flatten() {
            if matches!(art.entities[e].label, Label::Org | Label::Gpe) {
                return Some(self.attr_of_entity(e));
            }
        }
        // A name the recogniser missed or mislabelled: two or three capitalised words ending the phrase
        // at a comma or the sentence's end ('said Roman Smbatyan, an ...').
        let cap = |t: usize| {
            let w = doc.tok(t);
            w.len() > 1
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).all(|c| c.is_lowercase() || c == '\'' || c == '-' || c == '’')
                && doc.ent(t).is_none_or(|e| matches!(art.entities[e].label, Label::Misc | Label::Person))
                && !self.low_is(t, |x| story::is_determiner(x) || is_clause_word(x) || is_pronoun(x))
        };
        let ends_well = stop == b || matches!(doc.tok(stop), "," | "." | "(");
        let first = (stop.saturating_sub(3).max(v + 1)..stop).find(|&t| (t..stop).all(cap))?;
        (ends_well && stop - first >= 2 && first == k).then(|| Attr {
            mention: Some(Span::new(art.tokens[first].span.start, art.tokens[stop - 1].span.end)),
            ..Default::default()
        })
    }

    /// "Fred Kagan, director of the Critical Threats Project, said", "Trump, the front-runner, said":
    /// a person named at the opening of the clause (at the sentence's start or after the quote it
    /// reports), followed by a comma, is the subject of the verb after the appositive ending at `l`.
    pub(super) fn clause_opening_speaker(&self, a: usize, l: usize) -> Option<Attr> {
        let doc = self.doc;
        let art = doc.art;
        // The clause opens after the last quoted token or quote mark, at most 40 tokens back.
        let from = a.max(l.saturating_sub(40));
        let open = (from..l).rev().find(|&t| self.quoted[t] || story::is_quote_mark(doc.tok(t))).map_or(a, |t| t + 1);
        if open == from && from > a {
            return None;
        }
        let mut t = open;
        while t < l && (doc.tok(t) == "," || story::is_quote_mark(doc.tok(t))) {
            t += 1;
        }
        // Over a conjunction, titles and a body's name ("But Sen. Richard Durbin (D-Ill.), noting ...,
        // said", "Washington Post columnist Margaret Sullivan, in an attempt to ..., wrote"): words, no
        // punctuation, before the name.
        let e = (t..l.min(t + 6))
            .take_while(|&k| doc.tok(k).chars().next().is_some_and(char::is_alphanumeric) && !self.quoted[k])
            .filter_map(|k| doc.ent_starting(k))
            .find(|&e| matches!(art.entities[e].label, Label::Person | Label::Org))?;
        let ent = &art.entities[e];
        let follows = ent.token_end < l && matches!(doc.tok(ent.token_end), "," | "(");
        follows.then(|| self.attr_of_entity(e))
    }
}
