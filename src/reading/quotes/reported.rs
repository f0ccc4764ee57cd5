//! Reported speech without quotation marks: "X said (that) ...", "..., X said", "according to X, ...",
//! and a name before a colon in headlines and transcripts.
use super::*;

impl<'d, 'a> Ctx<'d, 'a> {
    /// Reported speech of sentence `si` outside quotes: "X said (that) ...", "..., X said", "according
    /// to X, ...". `cues` are the verbs the quotes took (sorted), not read again. At most a few verbs a
    /// sentence, each looking at a bounded window, then one span to the sentence's edge.
    pub(super) fn reported(&self, si: usize, cues: &[u32], out: &mut Vec<(usize, Attr, Span)>) {
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
            if taken == MAX_CUES || self.quoted[v] {
                continue;
            }
            // One look-up for both sets, the cheap shape filter first: this runs on every token of every
            // sentence. A word in both lists is a cue verb.
            let class = self.speech_class(v);
            if class == 0 {
                continue;
            }
            // The rest runs for the few tokens that are speech verbs: out of line, so the loop over
            // every token stays small in the instruction cache.
            if self.reported_verb(si, (a, b, e), v, class, cues, out) {
                taken += 1;
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
        self.nominal(si, a, e, out);
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

    /// Reported speech cued by token `v` of sentence `si` (tokens `a..b`, `e` its end without closing
    /// punctuation), a verb of speech (`class`: its `verbs::CUE` and `verbs::ATTITUDE` bits): pushes what
    /// it reports, if anything, and tells whether the verb was taken as a cue.
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    fn reported_verb(
        &self,
        si: usize,
        (a, b, e): (usize, usize, usize),
        v: usize,
        class: u8,
        cues: &[u32],
        out: &mut Vec<(usize, Attr, Span)>,
    ) -> bool {
        let doc = self.doc;
        let art = doc.art;
        let span_of = |x: usize, y: usize| Span::new(art.tokens[x].span.start, art.tokens[y - 1].span.end);
        let quoted_share = |x: usize, y: usize| (x..y).filter(|&t| self.quoted[t]).count() * 2 > y - x;
        let attitude = class & verbs::CUE == 0;
        let start = art.tokens[v].span.start;
        if attitude && out.last().is_some_and(|&(s, _, c)| s == si && c.start <= start && start < c.end) {
            // "she said she could not support the deal": a position inside what is said is part of it.
            return false;
        }
        // Over auxiliaries, negation and adverbs to the subject ("Kim did not say", "they would argue").
        let mut j = v;
        while j > a && j + SUBJECT_REACH > v {
            // A capital inside the sentence is a name, not an auxiliary: "Theresa May said".
            let name = j - 1 > a && doc.is_cap(j - 1);
            if self.low_is(j - 1, |w| is_aux_or_adverb(w) || (!name && is_aux_word(w)) || is_ly_adverb(w)) {
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
            return false;
        }
        if let Some((attr, content)) = self.passive(a, j, v, e) {
            out.push((si, attr, content));
            return true;
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
                // "Supporters of abortion rights, on the other hand, argued", "Mrs. Clinton, in response
                // to ..., accused": an aside opening with a preposition or "who" after the subject's comma.
                let aside = (a.max(j.saturating_sub(30))..j - 2).rev().find(|&t| doc.tok(t) == ",").filter(|&t| {
                    t > a && !self.quoted[t + 1] && self.low_is(t + 1, |w| is_clause_word(w) || w == "who")
                });
                let subj = aside.and_then(|t| match self.speaker_ending(t - 1) {
                    Some(x) => Some(self.attr_of_entity(x)),
                    None => self.plain_subject(a, t).map(|m| Attr { mention: Some(m), ..Default::default() }),
                });
                attr = match (subj, self.speaker_ending(j - 2)) {
                    (Some(s), _) => s,
                    (None, Some(x)) => self.attr_of_entity(x),
                    (None, None) => Attr { mention: self.plain_subject(a, j - 1), ..Default::default() },
                };
            }
        }
        if attr.mention.is_none() && participle {
            // "The billionaire businessman began by talking about it, saying ...": the sentence's
            // opening noun phrase.
            attr.mention = self.opening_phrase(a, j);
        }
        let Some(m) = attr.mention else { return false };
        let unnamed = attr.speaker.is_none() && attr.source.is_none();
        // "Polls show ...", "Some experts believe ...": a noun for people or for a body or document
        // heading the subject speaks as a name does.
        let speaking_head = j > a && self.low_is(j - 1, |w| is_person_noun(w) || is_body_noun(w) || is_record_noun(w));
        if attitude
            && unnamed
            && !speaking_head
            && !with_low(art.slice(m), |w| matches!(w, "he" | "she" | "they" | "we" | "i" | "you"))
        {
            // "wants", "plans", "support": after a name or a pronoun only ("a new round of attacks").
            return false;
        }
        if unnamed
            && v + 1 < e
            && matches!(doc.tok(v + 1), "," | ";")
            && self.word(v).ends_with(b"s")
            && !self.low_is(v, |w| matches!(w, "says" | "writes" | "adds" | "asks" | "argues" | "notes"))
        {
            // "endless calls, along with meetings", "new shows, but": a plural noun, no verb.
            return false;
        }
        if unnamed
            && with_low(art.slice(m), |w| {
                matches!(w, "very" | "however" | "too" | "so" | "then" | "quite" | "rather" | "more" | "less")
            })
        {
            // "They should be very worried", "..., however, suggests": an adverb is no subject.
            return false;
        }
        if unnamed && self.low_is(v, |w| matches!(w, "called" | "calling")) {
            // "a firm called Cambridge Analytica": naming, not saying.
            return false;
        }
        if j > a && self.low_is(j - 1, story::is_determiner) {
            // "the alleged criminals": an adjective.
            return false;
        }
        attr.verb = Some(v as u32);
        let art_tok = |t: usize| art.tokens[t].span;
        if m.end <= art_tok(v).start {
            // Subject before the verb: "X said (that) ..." or "..., X said".
            let mut c = v + 1;
            if self.is_word(v, "told") || self.is_word(v, "tells") || self.is_word(v, "telling") {
                // "told reporters (that)": over the one told.
                let stop = (c..e.min(c + 6)).find(|&t| self.is_word(t, "that") || doc.tok(t) == ",");
                if stop.is_none() && (a..v).any(|t| self.quoted[t]) {
                    // '"...," he told the cheering crowd.': after the quote it reports, only the one told.
                    return true;
                }
                c = match stop {
                    Some(t) => t,
                    None => doc.ent(c).map_or(c + 1, |x| art.entities[x].token_end),
                };
            }
            // "say this is a rough patch": a demonstrative before a verb opens what is said.
            let demonstrative = c + 1 < e
                && self.is_word(c, "this")
                && self.low_is(c + 1, |w| is_aux_word(w) || matches!(w, "has" | "had" | "have"));
            if c < e && !demonstrative && self.low_is(c, is_adjunct_word) {
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
            // "..., who spoke on condition of anonymity": a relative's clause before says nothing of it.
            let relative = with_low(art.slice(m), |w| matches!(w, "who" | "which"));
            let clause_before = (a.max(before.saturating_sub(8))..before)
                .rev()
                .find(|&t| doc.tok(t) == ",")
                .filter(|&t| t > a + 1 && !relative && !quoted_share(a, t))
                .map(|t| span_of(a, t));
            // "''...,'' Ms. Hughes said, pointing out ...", "X said of the course": what follows is
            // no clause said (a participle has its own attribution) when a clause comes before.
            let nothing_after = c < e
                && ((c > v + 1 && doc.tok(c - 1) == "," && self.word(c).ends_with(b"ing")) || self.is_word(c, "of"));
            // '"...," she said over breakfast': after the quote it reports, a verb's adjunct is no
            // clause said.
            let adjunct_after_quote = c < e
                && cues.binary_search(&(v as u32)).is_ok()
                && (a..v).any(|t| self.quoted[t])
                && self.low_is(c, |w| {
                    is_ly_adverb(w)
                        || matches!(
                            w,
                            "in" | "at"
                                | "over"
                                | "during"
                                | "to"
                                | "after"
                                | "before"
                                | "on"
                                | "about"
                                | "with"
                                | "when"
                                | "while"
                                | "as"
                                | "twice"
                                | "again"
                                | "from"
                                | "outside"
                                | "inside"
                        )
                });
            if adjunct_after_quote && clause_before.is_none() {
                return true;
            }
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
            // "..., said X." when X ends the clause; "Several candidates, including Trump, said the
            // United States should ..." is a subject with an aside before the verb and a clause after.
            let after = art.tokens[a..e].partition_point(|t| t.span.start < m.end) + a;
            let clause_after = after < e
                && !matches!(doc.tok(after), "," | ";" | "(" | "-" | "—" | "–")
                && !self.low_is(after, |w| {
                    matches!(w, "who" | "of" | "in" | "on" | "at" | "and" | "about" | "after" | "during" | "when")
                });
            match (a + 1..v - 1).find(|&t| doc.tok(t) == ",").filter(|&k| clause_after && k < a + 10) {
                Some(k) => {
                    let subj = match self.speaker_ending(k - 1) {
                        Some(x) => self.attr_of_entity(x),
                        None => Attr { mention: Some(span_of(a, k)), ..Default::default() },
                    };
                    let mut c = v + 1;
                    while c < e && (self.is_word(c, "that") || doc.tok(c) == ",") {
                        c += 1;
                    }
                    if c + 1 < e && subj.mention.is_some() && !quoted_share(c, e) {
                        out.push((si, Attr { verb: attr.verb, ..subj }, span_of(c, e)));
                    }
                }
                None if clause_after => {}
                None => out.push((si, attr, span_of(a, v - 1))),
            }
        } else if v > a + 3 && doc.tok(v - 1) == "''" && doc.tok(v - 2) == "," && !quoted_share(a, v - 2) {
            // "``...,'' said X" where the marks were not read as a quote (an opening '' as well).
            out.push((si, attr, span_of(a, v - 2)));
        }
        true
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

    /// A position or statement named by a noun after its owner: "Trump's plan to deport ...", "her
    /// support for stem cell research", "his claim that ...". The owner (a name and "'s", or his, her,
    /// their) speaks; what follows the noun's "that", "to", "for", "of", "about", "on" or "against", to
    /// the clause's next comma, is what is said or held. One pass over the sentence's tokens.
    fn nominal(&self, si: usize, a: usize, e: usize, out: &mut Vec<(usize, Attr, Span)>) {
        let doc = self.doc;
        let art = doc.art;
        let mut t = a + 1;
        while t + 2 < e {
            let n = t;
            t += 1;
            let w = self.word(n);
            // The cheap tests together, without early exits (their outcomes vary word by word).
            let lower_first = w.first().copied().unwrap_or(b'A').is_ascii_lowercase();
            if !(!self.quoted[n] & (w.len() >= 4) & lower_first) || !self.low_is(n, is_position_noun) {
                continue;
            }
            // "her long support for": one modifier between the owner and the noun.
            let mut o = n - 1;
            if o > a && self.word(o).iter().all(u8::is_ascii_lowercase) && !self.low_is(o, is_owner_pronoun) {
                o -= 1;
            }
            let attr = if self.low_is(o, is_owner_pronoun) {
                let speaker = self.last_person(si, o);
                Attr { speaker, mention: Some(art.tokens[o].span), ..Default::default() }
            } else if o > a && matches!(doc.tok(o), "'s" | "’s") {
                match self.speaker_ending(o - 1) {
                    Some(x) => {
                        let mut at = self.attr_of_entity(x);
                        let m = at.mention.unwrap_or(art.tokens[o - 1].span);
                        at.mention = Some(Span::new(m.start, art.tokens[o].span.end));
                        at
                    }
                    None => continue,
                }
            } else {
                continue;
            };
            let start = art.tokens[n].span.start;
            if out.iter().rev().take_while(|x| x.0 == si).any(|&(_, _, c)| c.start <= start && start < c.end) {
                // "he laid out his plan for ...": inside what someone else is said to say or hold.
                continue;
            }
            let k = n + 1;
            if !self.low_is(k, |x| matches!(x, "that" | "to" | "for" | "of" | "about" | "on" | "against")) {
                continue;
            }
            let c = if self.is_word(k, "that") { k + 1 } else { k };
            let end = (c..e).find(|&x| self.quoted[x] || matches!(doc.tok(x), "," | ";" | ":" | "(")).unwrap_or(e);
            if end > c + 1 {
                let content = Span::new(art.tokens[c].span.start, art.tokens[end - 1].span.end);
                out.push((si, Attr { verb: Some(n as u32), ..attr }, content));
            }
            t = end.max(t);
        }
    }

    /// A passive with its agent: "The move was criticized by economists" (the economists said it of
    /// the move), "the law, opposed by Democrats", "As reported by the Post, ...". `v` is the verb,
    /// `j` the first of the auxiliaries and adverbs before it, `a`..`e` the sentence. The agent is what
    /// follows "by" to a comma or a clause word; what is said is the subject before the verb, or what
    /// follows the agent's comma after an opening "As".
    fn passive(&self, a: usize, j: usize, v: usize, e: usize) -> Option<(Attr, Span)> {
        let doc = self.doc;
        let art = doc.art;
        let w = self.word(v);
        if !(w.ends_with(b"ed") || w.ends_with(b"wn") || w.ends_with(b"ght")) || v + 2 >= e {
            return None;
        }
        let by = (v + 1..e.min(v + 3)).find(|&t| self.is_word(t, "by"))?;
        if (v + 1..by).any(|t| !self.low_is(t, is_ly_adverb)) {
            return None;
        }
        let k = by + 1;
        let stop = |t: usize| {
            self.quoted[t]
                || matches!(doc.tok(t), "," | "." | ";" | ":" | "(" | "-" | "—")
                || self.low_is(t, |x| is_clause_word(x) && x != "of")
        };
        let agent_end = (k..e.min(k + 10)).find(|&t| stop(t)).unwrap_or(e.min(k + 10));
        if agent_end <= k {
            return None;
        }
        let span_of = |x: usize, y: usize| Span::new(art.tokens[x].span.start, art.tokens[y - 1].span.end);
        let mut attr = match doc.ent_starting(k).filter(|&x| art.entities[x].token_end <= agent_end) {
            Some(x) if matches!(art.entities[x].label, Label::Person | Label::Org | Label::Gpe | Label::Norp) => {
                self.attr_of_entity(x)
            }
            _ => Attr::default(),
        };
        attr.mention = Some(span_of(k, agent_end));
        attr.verb = Some(v as u32);
        if j == a + 1 && self.is_word(a, "as") {
            // "As reported by the Post, Seattle ...".
            let c = agent_end + 1;
            return (agent_end < e && doc.tok(agent_end) == "," && c + 1 < e).then(|| (attr, span_of(c, e)));
        }
        // The subject: over "," of a reduced relative ("the law, opposed by Democrats").
        let aux = j < v;
        let end = if !aux && j > a + 1 && doc.tok(j - 1) == "," { j - 1 } else { j };
        if end <= a || self.quoted[end - 1] {
            return None;
        }
        let subject = match doc.ent_ending(end - 1) {
            Some(x) => Some(span_of(art.entities[x].token_start.max(a), end)),
            None => self.plain_subject(a, end),
        }?;
        Some((attr, subject))
    }
}
