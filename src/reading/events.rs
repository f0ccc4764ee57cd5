//! Subject-predicate-object statements between entities (meet, visit, give, send, sign, call for, accuse,
//! criticise, launch, fire, attend).
//!
//! Precision first: a triple is emitted only when the sentence states it in a shape read here with
//! certainty: the subject is a name right before the verb (auxiliaries and adverbs allowed, "A and B"
//! coordinated), the object a name right after it (determiners, titles, nationalities and a possessive
//! owner skipped: "gave Kim a letter from Russian President Vladimir Putin"). Negated, modal, future,
//! infinitive and passive verbs are skipped, and so is anything inside a quotation. Two shapes are read
//! beyond the verb: "A and B held a meeting" (A meets B), and "During the meeting, A gave B ..." (A and B
//! met; the host of a meeting named just before, "Kim met separately with ...", is the subject).
use crate::gazetteer::gazetteer;
use crate::reading::story::{self, is_aux_or_adverb, is_determiner, Doc};
use crate::types::*;
use rustc_hash::FxHashSet;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Pred {
    Meet,
    Visit,
    Give,
    Send,
    Sign,
    CallFor,
    Accuse,
    Criticise,
    Launch,
    Fire,
    Attend,
    /// "held (a ...) meeting/talks": a meeting among the subjects, or with the "with" object.
    HoldMeeting,
}

impl Pred {
    fn base(self) -> &'static str {
        match self {
            Pred::Meet | Pred::HoldMeeting => "meet",
            Pred::Visit => "visit",
            Pred::Give => "give",
            Pred::Send => "send",
            Pred::Sign => "sign",
            Pred::CallFor => "call for",
            Pred::Accuse => "accuse",
            Pred::Criticise => "criticise",
            Pred::Launch => "launch",
            Pred::Fire => "fire",
            Pred::Attend => "attend",
        }
    }
    /// Labels the object may carry.
    fn object_ok(self, l: Label) -> bool {
        use Label::*;
        match self {
            Pred::Meet | Pred::HoldMeeting | Pred::Give | Pred::Send => matches!(l, Person | Org | Gpe),
            Pred::Accuse | Pred::Criticise => matches!(l, Person | Org | Gpe),
            Pred::Visit => matches!(l, Gpe | Loc | Fac | Org | Event | Person),
            Pred::Sign => matches!(l, Law | WorkOfArt),
            Pred::CallFor => matches!(l, Law | Event),
            Pred::Launch | Pred::Fire => matches!(l, Product),
            Pred::Attend => matches!(l, Event | Fac),
        }
    }
}

/// The trigger a lower-cased token is, if any. Present participles only where a comma-led participle
/// clause is common in news ("..., firing a missile").
fn trigger(low: &str) -> Option<Pred> {
    static MAP: std::sync::OnceLock<story::Lexicon<Pred>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| story::Lexicon::new(TRIGGERS.iter().flat_map(|(ws, p)| ws.iter().map(move |w| (*w, *p)))))
        .get(low)
}

/// Trigger words by predicate; looked up by hash since every token of a sentence is tried.
const TRIGGERS: &[(&[&str], Pred)] = &[
    (&["met", "meets"], Pred::Meet),
    (&["visited", "visits"], Pred::Visit),
    (&["gave", "gives", "handed", "hands", "presented", "delivered"], Pred::Give),
    (&["sent", "sends"], Pred::Send),
    (&["signed", "signs"], Pred::Sign),
    (&["called", "calls"], Pred::CallFor),
    (&["accused", "accuses"], Pred::Accuse),
    (&["criticized", "criticised", "criticizes", "criticises"], Pred::Criticise),
    (&["launched", "launches", "launching"], Pred::Launch),
    (&["fired", "fires", "firing"], Pred::Fire),
    (&["attended", "attends", "attending"], Pred::Attend),
    (&["held", "holds"], Pred::HoldMeeting),
];

/// Forms of "be" and "get": before a past participle they make a passive ("was given").
fn is_be(low: &str) -> bool {
    matches!(low, "is" | "was" | "were" | "are" | "be" | "been" | "being" | "get" | "got" | "gets" | "'s")
}

fn is_preposition(low: &str) -> bool {
    matches!(
        low,
        "of" | "for"
            | "with"
            | "by"
            | "to"
            | "from"
            | "on"
            | "in"
            | "at"
            | "about"
            | "against"
            | "than"
            | "like"
            | "between"
            | "among"
            | "toward"
            | "towards"
            | "into"
            | "under"
            | "over"
            | "after"
            | "before"
    )
}

/// Whether token `t` may follow an object name: punctuation, a capitalised word, or a word that starts
/// a new phrase. A lower-case noun ("EU counterparts") means the name was only a modifier.
fn may_follow_object(d: &Doc, t: usize) -> bool {
    let w = d.tok(t);
    let Some(c) = w.chars().next() else { return true };
    if !c.is_alphabetic() || c.is_uppercase() || d.is_possessive(t) {
        return true;
    }
    is_preposition(d.low(t))
        || is_determiner(d.low(t))
        || is_aux_or_adverb(d.low(t))
        || matches!(
            d.low(t),
            "and"
                | "or"
                | "but"
                | "during"
                | "last"
                | "next"
                | "this"
                | "yesterday"
                | "today"
                | "tonight"
                | "twice"
                | "as"
                | "since"
                | "while"
                | "when"
                | "where"
                | "who"
                | "which"
                | "that"
                | "ahead"
                | "without"
                | "amid"
                | "despite"
                | "until"
                | "said"
                | "says"
                | "is"
                | "was"
                | "were"
                | "will"
                | "would"
                | "shortly"
                | "soon"
                | "together"
                | "alone"
                | "along"
                | "here"
                | "there"
                | "near"
                | "across"
                | "behind"
                | "through"
                | "throughout"
                | "via"
                | "upon"
                | "within"
                | "outside"
                | "inside"
                | "beyond"
                | "around"
                | "off"
                | "up"
                | "down"
                | "out"
                | "following"
        )
}

/// Fills `art.events`.
pub fn extract(art: &mut Article) {
    if art.sentences.is_empty() || art.entities.is_empty() {
        art.events.clear();
        return;
    }
    let doc = Doc::new(art);
    let quoted = quoted_tokens(art);
    let seen = (usize::MAX, FxHashSet::default());
    let mut r = Reader { doc: &doc, quoted, out: Vec::new(), last_host: None, seen };
    for si in 0..art.sentences.len() {
        r.sentence(si);
    }
    let out = r.out;
    art.events = out;
}

/// Tokens inside the article's quotes.
fn quoted_tokens(art: &Article) -> Vec<bool> {
    let mut q = vec![false; art.tokens.len()];
    let mut spans: Vec<Span> = art.quotes.iter().map(|q| q.span).collect();
    spans.sort_by_key(|s| s.start);
    let mut k = 0;
    for (t, tok) in art.tokens.iter().enumerate() {
        while k < spans.len() && spans[k].end <= tok.span.start {
            k += 1;
        }
        if k < spans.len() && spans[k].overlaps(tok.span) {
            q[t] = true;
        }
    }
    q
}

struct Reader<'d, 'a> {
    doc: &'d Doc<'a>,
    quoted: Vec<bool>,
    out: Vec<Event>,
    /// The sentence being read and its events so far as (predicate, subject, object): an event is listed
    /// once per sentence.
    seen: (usize, FxHashSet<(String, String, String)>),
    /// Who hosted the last meeting named ("Kim met separately with the Chinese guests"), and where.
    last_host: Option<(usize, usize)>,
}

impl<'d, 'a> Reader<'d, 'a> {
    fn name(&self, e: usize) -> String {
        let ent = &self.doc.art.entities[e];
        ent.canonical.clone().unwrap_or_else(|| story::base_text(self.doc.art, ent).into_owned())
    }

    fn push(&mut self, subj: usize, pred: &str, obj: usize, detail: Option<String>, si: usize, span: Span) {
        let (s, o) = (self.name(subj), self.name(obj));
        if s == o {
            return;
        }
        // Sentences are read in order: the events of sentence `si` so far are the ones in `seen`.
        if self.seen.0 != si {
            self.seen = (si, FxHashSet::default());
        }
        if !self.seen.1.insert((pred.to_string(), s.clone(), o.clone())) {
            return;
        }
        self.out.push(Event { subject: s, predicate: pred.to_string(), object: o, detail, sentence: si, span });
    }

    /// A name entity ending at token `t` that can act (not a nationality), outside quotes.
    fn actor_ending(&self, t: usize) -> Option<usize> {
        let e = self.doc.ent_ending(t)?;
        let l = self.doc.art.entities[e].label;
        (!self.quoted[t] && matches!(l, Label::Person | Label::Org | Label::Gpe)).then_some(e)
    }

    /// Skips a photo position marker "(L)" / "(2nd from R)" ending at token `t`, returning the token before it.
    fn skip_marker_back(&self, t: usize, floor: usize) -> usize {
        let d = self.doc;
        if d.tok(t) == ")" {
            for k in (floor..t).rev().take(4) {
                if d.tok(k) == "(" {
                    return k;
                }
            }
        }
        t + 1
    }

    /// Subjects of the verb at token `v`: the name(s) right before it. Empty when the verb is negated,
    /// modal, infinitive, passive, or its subject is not a name.
    fn subjects(&self, si: usize, v: usize) -> Vec<usize> {
        let d = self.doc;
        let a = d.art.sentences[si].token_start;
        let mut j = v;
        while j > a {
            let low = d.low(j - 1);
            if story::is_irrealis(low) || is_be(low) && !d.low(v).ends_with("ing") {
                return Vec::new();
            }
            if is_aux_or_adverb(low) {
                j -= 1;
            } else {
                break;
            }
        }
        if j == a {
            return Vec::new();
        }
        let mut l = self.skip_marker_back(j - 1, a);
        if l == 0 || l <= a {
            return Vec::new();
        }
        l -= 1;
        let Some(e) = self.actor_ending(l) else { return Vec::new() };
        let mut subs = vec![e];
        // "A and B", "A, B and C" (photo markers skipped).
        let mut start = d.art.entities[e].token_start;
        let mut seen_and = false;
        loop {
            if start <= a + 1 {
                break;
            }
            let sep = d.low(start - 1);
            // A comma joins names only in a list closed by "and" ("A, B and C"); "In Seoul, Kim met" is no list.
            if !(sep == "and" || sep == "," && seen_and) {
                break;
            }
            seen_and |= sep == "and";
            let mut p = self.skip_marker_back(start - 2, a);
            if p == 0 || p <= a {
                break;
            }
            p -= 1;
            match self.actor_ending(p) {
                Some(e2) => {
                    subs.insert(0, e2);
                    start = d.art.entities[e2].token_start;
                }
                None => break,
            }
        }
        // "the envoy of Kim met": a name after a preposition is not the subject; nor is the object of a
        // relative clause ("councillors who back Mr Flight met").
        if start > a && is_preposition(d.low(start - 1)) {
            return Vec::new();
        }
        if (start.saturating_sub(2).max(a)..start).any(|t| matches!(d.low(t), "who" | "which" | "whom" | "whose")) {
            return Vec::new();
        }
        subs
    }

    /// The sentence's main subject: the first name followed (after auxiliaries/adverbs) by a verb-like word,
    /// for comma-led participle clauses ("the North has ..., firing a missile").
    fn main_subject(&self, si: usize, before: usize) -> Option<usize> {
        let d = self.doc;
        let a = d.art.sentences[si].token_start;
        let mut t = a;
        while t < before {
            if let Some(e) = d.ent_starting(t) {
                let end = d.art.entities[e].token_end;
                let ok_label = matches!(d.art.entities[e].label, Label::Person | Label::Org | Label::Gpe);
                if ok_label && !self.quoted[t] && (t == a || !is_preposition(d.low(t - 1))) && end < before {
                    let mut k = end;
                    while k < before && is_aux_or_adverb(d.low(k)) && !matches!(d.low(k), "has" | "have" | "had") {
                        k += 1;
                    }
                    let w = d.low(k);
                    if matches!(w, "has" | "have" | "had" | "is" | "was" | "were" | "are") || w.ends_with("ed") {
                        return Some(e);
                    }
                }
                t = end.max(t + 1);
                continue;
            }
            t += 1;
        }
        None
    }

    /// Skips words that stand before an object's name: determiners, titles, nationalities, a possessive
    /// owner ("Russia's"), quote marks, "with".
    fn skip_to_name(&self, mut k: usize, b: usize) -> usize {
        let d = self.doc;
        let g = gazetteer();
        while k < b {
            if let Some(e) = d.ent_starting(k) {
                let ent = &d.art.entities[e];
                if ent.label == Label::Norp {
                    // "Russian President ...": a nationality before a title or name.
                    let nxt = ent.token_end;
                    if nxt < b
                        && (d.ent_starting(nxt).is_some()
                            || g.title_word(d.low(nxt)).head
                            || g.title_word(d.low(nxt)).modifier)
                    {
                        k = nxt;
                        continue;
                    }
                    return k;
                }
                if matches!(ent.label, Label::Gpe | Label::Org) && d.is_possessive(ent.token_end) {
                    k = ent.token_end + 1;
                    continue;
                }
                return k;
            }
            let low = d.low(k);
            let tw = g.title_word(low);
            if is_determiner(low)
                || story::is_quote_mark(d.tok(k))
                || ((tw.head || tw.modifier || tw.honorific) && d.is_cap(k))
            {
                k += 1;
                continue;
            }
            return k;
        }
        k
    }

    /// Objects right after token `k`: a name, and more joined by "and".
    fn objects(&self, pred: Pred, k: usize, b: usize) -> (Vec<usize>, usize) {
        let d = self.doc;
        let mut objs = Vec::new();
        let mut k = self.skip_to_name(k, b);
        while k < b {
            let Some(e) = d.ent_starting(k) else { break };
            if self.quoted[k] || !pred.object_ok(d.art.entities[e].label) {
                break;
            }
            let end = d.art.entities[e].token_end;
            // "met Putin's envoy": the owner is not the object; "met his EU counterparts": a name
            // modifying a noun is not the object either.
            if d.is_possessive(end) || (end < b && !may_follow_object(d, end)) {
                break;
            }
            objs.push(e);
            k = end;
            if k < b && d.low(k) == "and" {
                let n = self.skip_to_name(k + 1, b);
                if d.ent_starting(n).is_some() {
                    k = n;
                    continue;
                }
            }
            break;
        }
        (objs, k)
    }

    /// After the object of give/send: "a letter from X" -> ("letter from X", end), or "a letter" -> "letter".
    fn thing_given(&self, k: usize, b: usize) -> (Option<String>, Option<usize>) {
        let d = self.doc;
        let mut t = k;
        if t < b && is_determiner(d.low(t)) {
            t += 1;
        } else {
            return (None, None);
        }
        let s = t;
        while t < b && t < s + 3 && d.ent(t).is_none() && d.tok(t).chars().all(|c| c.is_lowercase() || c == '-') {
            if matches!(d.low(t), "from" | "to" | "of" | "and" | "that" | "which" | "with" | "on" | "in") {
                break;
            }
            t += 1;
        }
        if t == s {
            return (None, None);
        }
        let noun = d.art.text[d.art.tokens[s].span.start..d.art.tokens[t - 1].span.end].to_string();
        if t < b && matches!(d.low(t), "from" | "to") {
            let which = d.low(t).to_string();
            let n = self.skip_to_name(t + 1, b);
            if let Some(e) = d.ent_starting(n) {
                if matches!(d.art.entities[e].label, Label::Person | Label::Org | Label::Gpe)
                    && !d.is_possessive(d.art.entities[e].token_end)
                {
                    if which == "from" {
                        return (Some(format!("{noun} from {}", self.name(e))), None);
                    }
                    return (Some(noun), Some(e));
                }
            }
        }
        (Some(noun), None)
    }

    fn sentence(&mut self, si: usize) {
        let d = self.doc;
        let s = d.art.sentences[si];
        let (a, b) = (s.token_start, s.token_end.min(d.len()));
        let first_event = self.out.len();
        for v in a..b {
            if self.quoted[v] {
                continue;
            }
            let Some(pred) = trigger(d.low(v)) else { continue };
            let participle = d.low(v).ends_with("ing");
            let subs = if participle {
                if v > a && d.tok(v - 1) == "," {
                    self.main_subject(si, v).into_iter().collect()
                } else {
                    // "Shoigu attending an exhibition" (caption style): the name right before.
                    let ss = self.subjects(si, v);
                    if ss.is_empty() {
                        continue;
                    } else {
                        ss
                    }
                }
            } else {
                self.subjects(si, v)
            };
            let vspan = d.art.tokens[v].span;
            match pred {
                Pred::HoldMeeting => {
                    // held [a|the] [adjective...] meeting|talks|summit [with X]
                    let mut k = v + 1;
                    while k < b
                        && k < v + 5
                        && d.ent(k).is_none()
                        && !matches!(d.low(k), "meeting" | "meetings" | "talks" | "summit")
                    {
                        k += 1;
                    }
                    if k >= b || !matches!(d.low(k), "meeting" | "meetings" | "talks" | "summit") {
                        continue;
                    }
                    let span = Span::new(vspan.start, d.art.tokens[k].span.end);
                    if let Some(&s0) = subs.first() {
                        self.last_host = Some((s0, si));
                    }
                    if k + 1 < b && d.low(k + 1) == "with" {
                        let (objs, _) = self.objects(Pred::Meet, k + 2, b);
                        for &sub in &subs {
                            for &o in &objs {
                                self.push(sub, "meet", o, None, si, span);
                            }
                        }
                    } else if subs.len() >= 2 {
                        for &o in &subs[1..] {
                            self.push(subs[0], "meet", o, None, si, span);
                        }
                    }
                }
                Pred::CallFor => {
                    if v + 1 >= b || d.low(v + 1) != "for" || subs.is_empty() {
                        continue;
                    }
                    let (objs, end) = self.objects(pred, v + 2, b);
                    let span = Span::new(vspan.start, d.art.tokens[end.saturating_sub(1).max(v)].span.end);
                    for &sub in &subs {
                        for &o in &objs {
                            self.push(sub, pred.base(), o, None, si, span);
                        }
                    }
                }
                _ => {
                    if subs.is_empty() {
                        continue;
                    }
                    let mut k = v + 1;
                    if pred == Pred::Meet {
                        if k < b && is_aux_or_adverb(d.low(k)) {
                            k += 1;
                        }
                        if k < b && d.low(k) == "with" {
                            k += 1;
                        }
                        self.last_host = Some((subs[0], si));
                    }
                    let (mut objs, end) = self.objects(pred, k, b);
                    let mut detail = None;
                    let mut end = end;
                    if matches!(pred, Pred::Give | Pred::Send) {
                        if objs.is_empty() {
                            // "sent a letter to X"
                            let (thing, to) = self.thing_given(k, b);
                            if let Some(o) = to {
                                objs.push(o);
                                detail = thing;
                                end = d.art.entities[o].token_end;
                            }
                        } else {
                            let (thing, _) = self.thing_given(end, b);
                            detail = thing;
                        }
                    }
                    if objs.is_empty()
                        && pred == Pred::Meet
                        && subs.len() >= 2
                        && (k >= b || !matches!(d.low(k), "with"))
                    {
                        // "Kim and Putin met on Monday."
                        let span = vspan;
                        for &o in &subs[1..] {
                            self.push(subs[0], "meet", o, None, si, span);
                        }
                        continue;
                    }
                    let span = Span::new(vspan.start, d.art.tokens[end.saturating_sub(1).max(v)].span.end);
                    for &sub in &subs {
                        for &o in &objs {
                            self.push(sub, pred.base(), o, detail.clone(), si, span);
                        }
                    }
                }
            }
        }
        self.during_meeting(si, a, b, first_event);
    }

    /// "During the meeting, Li gave Kim a letter": the two met. The host of the meeting named just before
    /// is the subject when they are one of the two.
    fn during_meeting(&mut self, si: usize, a: usize, b: usize, first_event: usize) {
        let d = self.doc;
        let mut found = None;
        for t in a..b.saturating_sub(2) {
            if d.low(t) == "during"
                && matches!(d.low(t + 1), "the" | "their" | "a" | "this" | "that")
                && matches!(d.low(t + 2), "meeting" | "talks" | "summit")
            {
                found = Some(Span::new(d.art.tokens[t].span.start, d.art.tokens[t + 2].span.end));
                break;
            }
        }
        let Some(span) = found else { return };
        let host = self.last_host.filter(|&(_, hs)| hs + 4 >= si).map(|(h, _)| self.name(h));
        let pairs: Vec<(String, String)> = self.out[first_event..]
            .iter()
            .filter(|e| e.predicate != "meet")
            .map(|e| (e.subject.clone(), e.object.clone()))
            .collect();
        let is_person = |name: &str| {
            d.art.entities.iter().any(|e| e.label == Label::Person && e.canonical.as_deref() == Some(name))
        };
        for (s, o) in pairs {
            if !is_person(&s) || !is_person(&o) {
                continue;
            }
            let (s, o) = match &host {
                Some(h) if *h == o => (o, s),
                _ => (s, o),
            };
            if self.out.iter().any(|e| e.sentence == si && e.predicate == "meet" && e.subject == s && e.object == o) {
                continue;
            }
            self.out.push(Event { subject: s, predicate: "meet".into(), object: o, detail: None, sentence: si, span });
        }
    }
}
