//! Events read from nouns: "talks between A and B", "A's visit to B", "US-China talks", and
//! what happens during a meeting.

use super::*;

impl Reader<'_, '_> {
    /// An event noun: "talks between A and B", "A's visit to B", "A held talks with B".
    pub(super) fn noun(&mut self, si: usize, k: usize, pred: Pred, a: usize, b: usize) {
        let d = self.doc;
        if d.low(k) == "stake" {
            self.stake(si, k, a, b);
            return;
        }
        // "a strike" is most often a stoppage of work: a bombing only with what strikes ("air strike").
        if d.low(k) == "strike" && !(k > a && matches!(d.low(k - 1), "air" | "missile" | "drone" | "rocket")) {
            return;
        }
        // Mood from the words before the noun phrase: "no talks", "planned visit", "whether ... talks".
        let mut mood = "asserted";
        for t in (a..k).rev().take(12) {
            let low = d.low(t);
            // "refused to pull out and launched an attack": the first clause's words are not the attack's.
            if (low == "and" && t > a && d.ent(t - 1).is_none()) || low == ";" {
                break;
            }
            if matches!(low, "whether" | "if" | "unless") {
                // "declined to say whether ... talks": the doubt is what holds for the talks.
                mood = stronger(mood, "hypothetical");
                break;
            } else if matches!(low, "would" | "could" | "may" | "might") {
                mood = stronger(mood, "hypothetical");
            } else if matches!(low, "no" | "not" | "n't" | "never" | "denied" | "refused" | "declined") {
                mood = stronger(mood, "negated");
            } else if matches!(low, "planned" | "proposed" | "upcoming" | "will" | "to" | "next") && t + 4 >= k {
                mood = stronger(mood, "planned");
            }
        }
        // 0. "sanctions imposed by A on B"
        if k + 3 < b && matches!(d.low(k + 1), "imposed" | "placed") && d.low(k + 2) == "by" {
            if let Some((s, end)) = self.object_at(Pred::Meet, k + 3, b) {
                if end < b && noun_preposition(pred, d.low(end)) {
                    if let Some((o, end2)) = self.object_at(pred, end + 1, b) {
                        let span = self.span(k, end2 - 1);
                        self.push(&s, pred, &o, None, si, span, mood, k);
                        return;
                    }
                }
            }
        }
        // 0b. "the acquisition of B by A", "the bombing of B by A"
        if k + 3 < b && d.low(k + 1) == "of" && matches!(pred, Pred::Acquire | Pred::Merge | Pred::Attack | Pred::Bomb)
        {
            if let Some((o, end)) = self.object_at(pred, k + 2, b) {
                if end + 1 < b && d.low(end) == "by" {
                    if let Some((s, end2)) = self.object_at(Pred::Meet, end + 1, b) {
                        let span = self.span(k, end2 - 1);
                        self.push(&s, pred, &o, None, si, span, mood, k);
                        return;
                    }
                }
            }
        }
        // 1. "between A and B"
        if k + 1 < b && d.low(k + 1) == "between" {
            if let Some((s, end)) = self.object_at(Pred::Meet, k + 2, b) {
                if end < b && d.low(end) == "and" {
                    if let Some((o, end2)) = self.object_at(Pred::Meet, end + 1, b) {
                        let span = self.span(k, end2 - 1);
                        self.push(&s, pred, &o, None, si, span, mood, k);
                        return;
                    }
                }
            }
        }
        // "talks in London with X": past the place the event is held in.
        let mut p = k + 1;
        if p + 1 < b && matches!(d.low(p), "in" | "at") {
            if let Some(e) = d.ent_starting(p + 1) {
                let ent = &d.art.entities[e];
                if matches!(ent.label, Label::Gpe | Label::Loc | Label::Fac) {
                    p = ent.token_end;
                }
            }
        }
        let obj_after = |r: &Self| -> Option<(Actor, usize)> {
            if p < b && noun_preposition(pred, d.low(p)) {
                r.object_at(pred, p + 1, b)
            } else {
                None
            }
        };
        // 1b. "Security Council sanctions imposed on Tehran", "U.S. sanctions against Iraq", "Israeli air
        // strikes on Gaza": a name modifying the noun is its subject.
        {
            // At most one modifying word between, itself no verb, determiner or particle ("peace talks", "air
            // strikes"; not "told Reuters the negotiations", "Washington for talks", "Hu pays visit").
            let mut t = k;
            if t > a + 1 && d.ent(t - 1).is_none() && {
                let w = d.low(t - 1);
                d.tok(t - 1).chars().all(|c| c.is_lowercase())
                    && !(w.ends_with('s') || w.ends_with("ed") || w.ends_with("ing"))
                    && !(is_determiner(w) || is_preposition(w) || is_aux_or_adverb(w) || is_reporting(w))
                    && !matches!(w, "his" | "her" | "its" | "their" | "our" | "my" | "your" | "and" | "or" | "to")
            } {
                t -= 1;
            }
            let modifier = (t > a && !d.is_possessive(t - 1)).then(|| d.ent_ending(t - 1)).flatten();
            if let Some(e) = modifier.filter(|&e| {
                let ent = &d.art.entities[e];
                // "protest at U.S. sanctions": a name after a preposition belongs to that phrase, unless a
                // participle says who is acted on ("in retaliation for Security Council sanctions imposed on Tehran").
                ent.token_start == a
                    || !is_preposition(d.low(ent.token_start - 1))
                    || k + 1 < b && matches!(d.low(k + 1), "imposed" | "placed")
            }) {
                let ent = &d.art.entities[e];
                let sub = match ent.label {
                    Label::Norp => self.nation(e, t - 1),
                    Label::Gpe | Label::Org | Label::Person => Some(self.actor(e, t - 1)),
                    _ => None,
                };
                let mut p = k + 1;
                if p < b && matches!(d.low(p), "imposed" | "placed" | "launched" | "carried" | "made") {
                    p += 1;
                    if p < b && d.low(p) == "out" {
                        p += 1;
                    }
                }
                if let Some(s) = sub.as_ref().filter(|_| p < b && noun_preposition(pred, d.low(p))) {
                    if let Some((o, end)) = self.object_at(pred, p + 1, b) {
                        // "the First Boston offer for X": a bank may make it for a client.
                        if pred != Pred::Acquire {
                            let span = self.span(s.first, end - 1);
                            self.push(s, pred, &o, None, si, span, mood, k);
                            return;
                        }
                    }
                }
                // "a car exploded in the Gaza Strip during an Israeli air strike": a state's strike with
                // no target named hits the place the sentence names (one not of that state).
                if let Some(s) = sub.filter(|_| matches!(pred, Pred::Attack | Pred::Bomb) && ent.label == Label::Norp) {
                    let place = self.sent_places(si).iter().copied().find(|&pe| {
                        let pn = &d.art.entities[pe];
                        pn.country_code.is_none_or(|c| Some(c) != s.country)
                    });
                    if let Some(pe) = place {
                        let o = self.actor(pe, d.art.entities[pe].token_end - 1);
                        let span = self.span(s.first, k);
                        self.push(&s, pred, &o, None, si, span, mood, k);
                        return;
                    }
                }
            }
        }
        // 1c. "US-China talks", "Israeli-Palestinian peace talks", "Turkey-EU deal": a pair of states (or
        // well-known bodies) joined by a hyphen before a noun of meeting or agreement.
        // Not "China-Singapore cooperation" nor "US-Iran relations": a relationship, not an event.
        if matches!(pred, Pred::Meet | Pred::Negotiate | Pred::Agree | Pred::Fight) {
            let mut t = k;
            while t > a && k - t < 2 && d.tok(t - 1).chars().all(|c| c.is_lowercase()) {
                t -= 1;
            }
            if t > a {
                if let Some((s, o)) = self.hyphen_pair(t - 1) {
                    let span = self.span(t - 1, k);
                    self.push(&s, pred, &o, None, si, span, mood, k);
                    return;
                }
            }
        }
        // 2. "A's [planned] visit to B"
        let mut t = k;
        while t > a && t + 3 > k && d.ent(t - 1).is_none() && d.tok(t - 1).chars().all(|c| c.is_lowercase() || c == '-')
        {
            t -= 1;
        }
        // "the bank's total loans to Argentina" are held, not made.
        if t >= a + 2 && d.is_possessive(t - 1) && pred != Pred::Aid {
            if let Some(s) = self.actor_ending(t - 2, a) {
                if let Some((o, end)) = obj_after(self) {
                    let span = self.span(s.first, end - 1);
                    self.push(&s, pred, &o, None, si, span, mood, k);
                }
                return;
            }
        }
        // 3. "A held [a round of] talks with B", "A imposed sanctions on B"
        let mut lv = None;
        let mut t = k;
        // "approved a 150 mln dlr loan": an amount may stand between (and widens the look).
        let mut reach = 5;
        while t > a && k - t < reach {
            t -= 1;
            if self.is_amount(t) {
                reach = 8;
                continue;
            }
            let low = d.low(t);
            // "completed the previously announced acquisition": a light verb after a determiner is an adjective.
            if light_fits(low, pred) && !(t > a && (is_determiner(d.low(t - 1)) || d.low(t - 1) == "previously")) {
                lv = Some(t);
                break;
            }
            if d.ent(t).is_some() || !d.tok(t).chars().all(|c| c.is_lowercase() || c == '-') {
                break;
            }
        }
        let Some(lv) = lv else {
            // 4. "X said preliminary merger talks with Y had ended": the speaker is the noun's subject.
            if !matches!(pred, Pred::Meet | Pred::Negotiate | Pred::Merge | Pred::Agree) {
                return;
            }
            let mut t = k;
            while t > a
                && k - t < 4
                && d.ent(t - 1).is_none()
                && d.tok(t - 1).chars().all(|c| c.is_lowercase() || c == '-')
                && !is_reporting(d.low(t - 1))
                && d.low(t - 1) != "that"
            {
                t -= 1;
            }
            if t > a && d.low(t - 1) == "that" {
                t -= 1;
            }
            if !(t > a + 1 && matches!(d.low(t - 1), "said" | "says")) {
                return;
            }
            let Some(s) = self.actor_ending(t - 2, a) else { return };
            if s.first > a && is_preposition(d.low(s.first - 1)) {
                return;
            }
            if let Some((o, end)) = obj_after(self) {
                let span = self.span(s.first, end - 1);
                self.push(&s, pred, &o, None, si, span, mood, k);
            }
            return;
        };
        let (subs, m) = self.subjects(si, lv);
        let mood = stronger(mood, m);
        if subs.is_empty() {
            return;
        }
        if let Some(s0) = subs.first() {
            if matches!(pred, Pred::Meet | Pred::Negotiate) {
                self.last_host = Some((s0.name.clone(), si));
            }
        }
        match obj_after(self) {
            Some((o, end)) => {
                let span = self.span(lv, end - 1);
                for s in &subs {
                    self.push(s, pred, &o, None, si, span, mood, k);
                }
            }
            None if subs.len() >= 2 && matches!(pred, Pred::Meet | Pred::Negotiate | Pred::Agree) => {
                let span = self.span(lv, k);
                for o in &subs[1..] {
                    self.push(&subs[0], pred, o, None, si, span, mood, k);
                }
            }
            None => {}
        }
    }

    /// Whether token `t` is part of an amount (money, a number, a percentage).
    fn is_amount(&self, t: usize) -> bool {
        let d = self.doc;
        d.ent(t).is_some_and(|e| matches!(d.art.entities[e].label, Label::Money | Label::Cardinal | Label::Percent))
    }

    /// "X raised its stake in Y (to 10.6 pct)", "X has taken a 5 pct stake in Y": a stake bought is an
    /// acquisition; a stake held ("Renault's 46 pct stake in AMC") is no event.
    fn stake(&mut self, si: usize, k: usize, a: usize, b: usize) {
        let d = self.doc;
        if k + 2 >= b || d.low(k + 1) != "in" {
            return;
        }
        let mut t = k;
        let mut lv = None;
        while t > a && k - t < 8 {
            t -= 1;
            let low = d.low(t);
            if matches!(
                low,
                "raised"
                    | "raises"
                    | "raise"
                    | "increased"
                    | "increases"
                    | "increase"
                    | "boosted"
                    | "boosts"
                    | "lifted"
                    | "took"
                    | "taken"
                    | "take"
                    | "built"
                    | "acquired"
                    | "acquire"
                    | "bought"
                    | "buy"
                    | "purchased"
            ) {
                lv = Some(t);
                break;
            }
            if !(self.is_amount(t) || d.ent(t).is_none() && d.tok(t).chars().all(|c| c.is_lowercase() || c == '-')) {
                return;
            }
        }
        let Some(lv) = lv else { return };
        let (subs, mood) = self.subjects(si, lv);
        let Some((o, end)) = self.object_at(Pred::Acquire, k + 2, b) else { return };
        let span = self.span(lv, end - 1);
        for s in &subs {
            self.push(s, Pred::Acquire, &o, None, si, span, mood, k);
        }
    }

    /// The two sides a hyphenated token names ("US-China", "Israeli-Palestinian", "Turkey-EU"): each part a
    /// country, a nationality or a well-known body; None otherwise.
    pub(super) fn hyphen_pair(&self, t: usize) -> Option<(Actor, Actor)> {
        let g = gazetteer();
        let mut parts = self.doc.tok(t).split('-');
        let (x, y) = (parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let side = |w: &str| -> Option<Actor> {
            if !w.chars().next().is_some_and(char::is_uppercase) {
                return None;
            }
            let (name, country, label) = if let Some(c) = g.country(w).or_else(|| g.demonym(w)) {
                (c.name.clone(), Some(c.alpha2.as_str()), Label::Gpe)
            } else {
                let ac = g.acronym(w)?;
                let code = ac.country.as_deref().and_then(|c| g.country_by_code(c)).map(|c| c.alpha2.as_str());
                (ac.long.clone(), code, if code.is_some() { Label::Gpe } else { Label::Org })
            };
            Some(Actor { name, country, first: t, last: t, label, owner: false, gov: false })
        };
        Some((side(x)?, side(y)?))
    }

    /// "During the meeting, Li gave Kim a letter": the two met. The host of the meeting named just before
    /// is the subject when they are one of the two.
    pub(super) fn during_meeting(&mut self, si: usize, a: usize, b: usize, first_event: usize) {
        let d = self.doc;
        let mut found = None;
        for t in a..b.saturating_sub(2) {
            if d.low(t) == "during"
                && matches!(d.low(t + 1), "the" | "their" | "a" | "this" | "that")
                && matches!(d.low(t + 2), "meeting" | "talks" | "summit")
            {
                found = Some((Span::new(d.art.tokens[t].span.start, d.art.tokens[t + 2].span.end), t + 2));
                break;
            }
        }
        let Some((span, at)) = found else { return };
        let host = self.last_host.clone().filter(|(_, hs)| hs + 4 >= si).map(|(h, _)| h);
        let pairs: Vec<(Actor, Actor)> = self.out[first_event..]
            .iter()
            .filter(|e| e.predicate != "meet")
            .map(|e| {
                let mk = |name: &str, country| Actor {
                    name: name.to_string(),
                    country,
                    first: at,
                    last: at,
                    label: Label::Person,
                    owner: false,
                    gov: false,
                };
                (mk(&e.subject, e.subject_country), mk(&e.object, e.object_country))
            })
            .collect();
        let persons: FxHashSet<&str> =
            d.art.entities.iter().filter(|e| e.label == Label::Person).filter_map(|e| e.canonical.as_deref()).collect();
        let is_person = |name: &str| persons.contains(name);
        for (s, o) in pairs {
            if !is_person(&s.name) || !is_person(&o.name) {
                continue;
            }
            let (s, o) = match &host {
                Some(h) if *h == o.name => (o, s),
                _ => (s, o),
            };
            self.push(&s, Pred::Meet, &o, None, si, span, "asserted", at);
        }
    }
}
