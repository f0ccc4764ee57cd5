//! Finding the subjects of an event: the names (or roles, pronouns, state organs) before a verb, read
//! in a bounded window before the trigger (its objects: objects.rs).
use super::*;

impl Reader<'_, '_> {
    /// The actor whose name ends at token `t`, reading back: a name that can act, a state's organ
    /// ("Iraqi forces", "the Seoul government"). Outside quotes only when `inside_quote` is false.
    pub(super) fn actor_ending(&self, t: usize, floor: usize) -> Option<Actor> {
        let d = self.doc;
        if d.tok(t) == ">" && t > floor {
            // "<Battery Group Ltd> said", "Shell Canada <SHC> said": a name in brackets, or a ticker after one.
            if let Some(e) = d.ent_ending(t - 1) {
                // "SHELL CANADA <SHC>": a ticker (one short capitalised token) after a name is the name's.
                let ticker = d.art.entities[e].token_start + 1 == t
                    && t >= floor + 3
                    && d.tok(t - 2) == "<"
                    && d.tok(t - 1).len() <= 6
                    && d.ent_ending(t - 3).is_some();
                return self.actor_ending(if ticker { t - 3 } else { t - 1 }, floor);
            }
            let open = (floor..t).rev().take(4).find(|&k| d.tok(k) == "<")?;
            return if open > floor { self.actor_ending(open - 1, floor) } else { None };
        }
        if let Some(e) = d.ent_ending(t) {
            let ent = &d.art.entities[e];
            // "China's People's Liberation Army": a state's armed force is the state.
            if ent.label == Label::Org
                && is_force(d.low(t))
                && ent.token_start >= floor + 2
                && d.is_possessive(ent.token_start - 1)
            {
                // "China's People's Liberation Army": past a capitalised possessive word the tagger left out.
                let mut o = ent.token_start - 2;
                if o >= floor + 2 && d.ent(o).is_none() && d.is_cap(o) && d.is_possessive(o - 1) {
                    o -= 2;
                }
                if let Some(g) = d.ent_ending(o) {
                    if d.art.entities[g].label == Label::Gpe {
                        let mut a = self.actor(g, t);
                        a.first = d.art.entities[g].token_start;
                        return Some(a);
                    }
                }
            }
            // "<Consolidated Norex Resources Ltd>" split by the tagger: a bare company suffix names nobody.
            if ent.token_start == t && is_bare_legal_form(d.low(t)) {
                return None;
            }
            return (self.is_actor_entity(e) || self.is_group(e)).then(|| self.actor(e, t));
        }
        if let Some(r) = self.role_ending(t, floor) {
            return Some(r);
        }
        if let Some(r) = self.officer_ending(t, floor) {
            return Some(r);
        }
        if t > floor && is_actor_noun(d.low(t)) {
            let e = d.ent_ending(t - 1)?;
            return match d.art.entities[e].label {
                Label::Norp => self.nation(e, t),
                Label::Gpe | Label::Org => Some(self.actor(e, t)),
                _ => None,
            };
        }
        None
    }

    /// A state's ministry or government named with its nationality ("French Defence Ministry", "Japanese
    /// Foreign Ministry", "the Soviet government"): the state, as CAMEO codes it.
    pub(super) fn state_organ_name(&self, e: usize) -> Option<Actor> {
        let d = self.doc;
        let ent = &d.art.entities[e];
        if ent.label != Label::Org || ent.token_end < ent.token_start + 2 {
            return None;
        }
        let last = d.low(ent.token_end - 1);
        if !matches!(last, "ministry" | "government" | "cabinet" | "embassy") {
            return None;
        }
        let c = gazetteer().demonym(d.tok(ent.token_start))?;
        let code = c.alpha2.as_str();
        Some(Actor {
            name: c.name.clone(),
            country: Some(code),
            first: ent.token_start,
            last: ent.token_end - 1,
            label: Label::Gpe,
            owner: false,
            gov: false,
        })
    }

    /// A name that can act: a person, an organisation, a state (also a country the tagger called a location).
    pub(super) fn is_actor_entity(&self, e: usize) -> bool {
        let ent = &self.doc.art.entities[e];
        match ent.label {
            Label::Person | Label::Org | Label::Gpe => true,
            // "the Arab League" taken for a miscellaneous name: a body by its head word.
            Label::Misc => {
                ent.token_end > ent.token_start + 1
                    && self.doc.is_cap(ent.token_start)
                    && matches!(
                        self.doc.low(ent.token_end - 1),
                        "league"
                            | "union"
                            | "council"
                            | "organisation"
                            | "organization"
                            | "party"
                            | "front"
                            | "movement"
                    )
            }
            Label::Loc => gazetteer().country(&self.name(e)).is_some(),
            _ => false,
        }
    }

    /// "the prime minister" when the story names its one prime minister; "the government" as the
    /// story's own state. `t` is the role's last word.
    pub(super) fn role_ending(&self, t: usize, floor: usize) -> Option<Actor> {
        let d = self.doc;
        let g = gazetteer();
        if d.ent(t).is_some() {
            return None;
        }
        // "the police", "Police arrested ..." (opening the sentence), ", police said": the story's own state.
        if is_state_organ(d.low(t))
            && (t == floor && t == self.sentence_start(t) || t > floor && matches!(d.low(t - 1), "the" | ","))
        {
            let first = if t > floor && d.low(t - 1) == "the" { t - 1 } else { t };
            return self.own_state(first, t);
        }
        if !d.tok(t).chars().all(|c| c.is_lowercase()) {
            return None;
        }
        if matches!(d.low(t), "company" | "firm" | "group" | "bank" | "corporation")
            && t > floor
            && d.low(t - 1) == "the"
        {
            // Wire style: "Texaco Inc said ... The company said it ...": the organisation the story opens with.
            let e = self.story_org()?;
            let mut a = self.actor(e, t);
            a.first = t - 1;
            return Some(a);
        }
        if !g.title_word(d.low(t)).head {
            return None;
        }
        let mut k = t;
        while k > floor && t - k < 3 && d.ent(k - 1).is_none() && {
            let tw = g.title_word(d.low(k - 1));
            (tw.head || tw.modifier) && d.tok(k - 1).chars().all(|c| c.is_lowercase())
        } {
            k -= 1;
        }
        if k == floor || d.low(k - 1) != "the" {
            return None;
        }
        let key = (k..=t).map(|i| d.low(i)).collect::<Vec<_>>().join(" ");
        let &e = self.roles().titles.get(&key)?;
        let mut a = self.actor(e, t);
        a.first = k - 1;
        Some(a)
    }

    /// "the Tory leader", "the Lib Dem spokesman" (`t` the title word): the person the story introduces
    /// with that body and title ("Tory leader Michael Howard"), else the body, for whom its officer speaks
    /// and acts. Not a state's officer ("the French president": states speak through `role_ending`).
    pub(super) fn officer_ending(&self, t: usize, floor: usize) -> Option<Actor> {
        let d = self.doc;
        if t < floor + 2 || !is_officer_word(d.low(t)) || d.tok(t) != d.low(t) {
            return None;
        }
        let e = d.ent_ending(t - 1)?;
        let ent = &d.art.entities[e];
        if ent.country_code.is_some()
            || !matches!(ent.label, Label::Org | Label::Misc | Label::Norp)
            || ent.token_start <= floor
            || d.low(ent.token_start - 1) != "the"
        {
            return None;
        }
        let body = story::base_text(d.art, ent);
        let holders = self.holders.get_or_init(|| {
            let mut m: FxHashMap<(String, String), Option<usize>> = FxHashMap::default();
            for (i, p) in d.art.entities.iter().enumerate() {
                if p.label != Label::Person || p.token_start < 2 || !is_officer_word(d.low(p.token_start - 1)) {
                    continue;
                }
                let Some(o) = d.ent_ending(p.token_start - 2) else { continue };
                let key =
                    (story::base_text(d.art, &d.art.entities[o]).into_owned(), d.low(p.token_start - 1).to_string());
                let name = p.canonical.as_deref();
                // Two persons under one title: neither is "the" holder.
                let slot = m.entry(key).or_insert(Some(i));
                if slot.is_some_and(|j| d.art.entities[j].canonical.as_deref() != name) {
                    *slot = None;
                }
            }
            m
        });
        let mut a = match holders.get(&(body.into_owned(), d.low(t).to_string())) {
            Some(&Some(p)) => self.actor(p, t),
            Some(None) => return None,
            None => {
                let mut a = self.actor(e, t);
                a.label = Label::Org;
                a
            }
        };
        a.first = ent.token_start - 1;
        a.last = t;
        Some(a)
    }

    /// The story's own state as the actor named by tokens `first..=last` ("the government", "ministers").
    pub(super) fn own_state(&self, first: usize, last: usize) -> Option<Actor> {
        let code = self.roles().own?;
        let name = gazetteer().country_by_code(code)?.name.clone();
        Some(Actor { name, country: Some(code), first, last, label: Label::Gpe, owner: false, gov: true })
    }

    /// The role starting at token `k` ("the prime minister"), read forward, and the token after it.
    pub(super) fn role_at(&self, k: usize, b: usize) -> Option<(Actor, usize)> {
        let d = self.doc;
        if k >= b || d.low(k) != "the" {
            return None;
        }
        let mut t = k + 1;
        while t < b && t < k + 4 && d.ent(t).is_none() && d.tok(t).chars().all(|c| c.is_lowercase()) {
            if let Some(a) = self.role_ending(t, k) {
                let next = t + 1;
                // "the government's plans", "the prime minister's view" stay with the caller's rules.
                if next < b && (d.is_possessive(next) || !may_follow_object(d, next)) {
                    return None;
                }
                return Some((a, next));
            }
            t += 1;
        }
        None
    }

    /// "the government's plans", "the prime minister's handling of ..." starting at token `k`: the role
    /// (`role_ending`) whose stance or record the phrase names, as an owner, and the token after its
    /// possessive. Only before a stance noun (`is_stance_noun`), a few lower-case words on at most.
    pub(super) fn role_owner_at(&self, k: usize, b: usize) -> Option<(Actor, usize)> {
        let d = self.doc;
        // British political copy only, as for bare "ministers" (objects.rs): elsewhere the story's own state
        // is read by counting, too loose for the owner of "the administration's record".
        if k >= b || d.low(k) != "the" || !self.roles().british {
            return None;
        }
        let t = (k + 1..b.min(k + 4))
            .take_while(|&t| self.plain_lower(t))
            .find(|&t| t + 1 < b && d.is_possessive(t + 1))?;
        let after = t + 2;
        (after..b.min(after + 4)).take_while(|&n| self.plain_lower(n)).find(|&n| is_stance_noun(d.low(n)))?;
        let mut a = self.role_ending(t, k)?;
        a.owner = true;
        Some((a, after))
    }

    /// Token `t` is a lower-case word outside any name, hyphens allowed ("so-called"): a modifier
    /// between a judging verb, a stance noun and its owner.
    pub(super) fn plain_lower(&self, t: usize) -> bool {
        let d = self.doc;
        d.ent(t).is_none() && d.tok(t).chars().all(|c| c.is_lowercase() || c == '-')
    }

    /// "Mr X's claims" or "the Tory plans" ending at the stance noun `t` (`is_stance_noun`), the subject
    /// of a judging verb in the passive ("Mr X's claims were rejected by Y"): the owner, a name before a
    /// possessive or a party or nation modifying the noun, a lower-case word or two between.
    pub(super) fn stance_owner_ending(&self, pred: Pred, t: usize, floor: usize) -> Option<Actor> {
        let d = self.doc;
        if !pred.owner_is_object() || !is_stance_noun(d.low(t)) || d.ent(t).is_some() {
            return None;
        }
        let mut k = t;
        while k > floor && t - k < 2 && d.ent(k - 1).is_none() && d.tok(k - 1).chars().all(|c| c.is_lowercase()) {
            k -= 1;
        }
        if k <= floor {
            return None;
        }
        let mut a = if d.is_possessive(k - 1) && k >= floor + 2 {
            let e = d.ent_ending(k - 2)?;
            if !self.is_actor_entity(e) && !self.is_group(e) {
                return None;
            }
            self.actor(e, k - 2)
        } else {
            let e = d.ent_ending(k - 1)?;
            let ent = &d.art.entities[e];
            if !matches!(ent.label, Label::Norp | Label::Misc) || self.is_group(e) || d.tok(k - 1).contains('-') {
                return None;
            }
            match ent.country_code {
                Some(_) => self.nation(e, k - 1)?,
                None => {
                    let mut a = self.actor(e, k - 1);
                    a.label = Label::Org;
                    a
                }
            }
        };
        a.owner = true;
        Some(a)
    }

    /// A named group: "the Tories", "Democrats", "Palestinians" (a capitalised plural the tagger calls a
    /// nationality or a miscellaneous name).
    pub(super) fn is_group(&self, e: usize) -> bool {
        let d = self.doc;
        let ent = &d.art.entities[e];
        let last = ent.token_end - 1;
        matches!(ent.label, Label::Norp | Label::Misc)
            && d.is_cap(last)
            && d.tok(last).len() > 3
            && d.tok(last).ends_with('s')
            && !d.tok(last).chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
    }

    /// Skips a photo position marker "(L)" / "(2nd from R)" ending at token `t`, returning the token before it.
    pub(super) fn skip_marker_back(&self, t: usize, floor: usize) -> usize {
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

    /// Subjects of the verb at token `v` and the event's mood: the name(s) right before it, past
    /// auxiliaries, adverbs, modals, negation and "agreed to"-like words; "X said (that) it" is X.
    /// Empty when the verb is passive or its subject is not a name.
    pub(super) fn subjects(&self, si: usize, v: usize) -> (Vec<Actor>, &'static str) {
        let d = self.doc;
        let a = d.art.sentences[si].token_start;
        let participle = d.low(v).ends_with("ing");
        let mut mood = "asserted";
        let mut j = v;
        let mut steps = 0;
        while j > a && steps < 8 {
            let low = d.low(j - 1);
            // "agreed in principle to buy": the qualifier is passed over.
            if low == "principle" && j >= a + 2 && d.low(j - 2) == "in" {
                j -= 2;
                steps += 1;
                continue;
            }
            // "has since criticised": "since" right after "has" and before the verb is an adverb of time,
            // not the preposition it is elsewhere.
            if low == "since" && j == v && j >= a + 2 && matches!(d.low(j - 2), "has" | "have" | "had") {
                j -= 1;
                steps += 1;
                continue;
            }
            // "was given" is passive; "was due to meet", "is to visit" are not.
            if is_be(low) && j == v && !participle {
                return (Vec::new(), mood);
            }
            if is_negation(low) {
                mood = stronger(mood, "negated");
            } else if is_hypothetical(low) {
                mood = stronger(mood, "hypothetical");
            } else if is_plan_word(low) {
                if !matches!(low, "is" | "are" | "was" | "were" | "been") {
                    mood = stronger(mood, "planned");
                }
            } else if j < v
                && (d.low(j) == "to" || d.low(j) == "in" && j + 1 < v && d.low(j + 1) == "principle")
                && matches!(low, "agreement" | "offer" | "plan" | "plans" | "bid" | "deal" | "intent" | "proposal")
            {
                // "signed a letter of intent to acquire", "completed its agreement to acquire".
                let mut t = j - 1;
                while t > a
                    && j - t < 8
                    && (matches!(
                        d.low(t - 1),
                        "a" | "an"
                            | "its"
                            | "their"
                            | "the"
                            | "of"
                            | "letter"
                            | "definitive"
                            | "tentative"
                            | "previously-announced"
                            | "previously"
                            | "announced"
                            | "into"
                    ) || matches!(
                        d.low(t - 1),
                        "signed"
                            | "completed"
                            | "reached"
                            | "made"
                            | "entered"
                            | "has"
                            | "had"
                            | "have"
                            | "preliminary"
                    ))
                {
                    t -= 1;
                    if matches!(
                        d.low(t),
                        "signed" | "completed" | "reached" | "made" | "entered" | "has" | "have" | "had"
                    ) {
                        break;
                    }
                }
                if !matches!(d.low(t), "signed" | "completed" | "reached" | "made" | "entered" | "has" | "have" | "had")
                {
                    break;
                }
                mood = stronger(mood, "planned");
                j = t + 1;
            } else if !(is_aux_or_adverb(low)
                || matches!(
                    low,
                    "did"
                        | "does"
                        | "do"
                        | "also"
                        | "tentatively"
                        | "definitively"
                        | "instead"
                        | "strongly"
                        | "sharply"
                        | "today"
                        | "yesterday"
                )
                || participle
                    && matches!(low, "began" | "begun" | "started" | "stopped" | "kept" | "continued" | "resumed"))
            {
                break;
            }
            j -= 1;
            steps += 1;
        }
        if j == a {
            return (Vec::new(), mood);
        }
        // A clause of doubt before the verb: "declined to say whether A and B had held talks" (the
        // doubt, not the refusal to say, holds for the talks).
        for t in (a..j).rev().take(12) {
            if matches!(d.low(t), "whether" | "if" | "unless") {
                mood = if mood == "negated" && t + 1 < j && (t + 1..j).all(|u| !is_negation(d.low(u))) {
                    "hypothetical"
                } else {
                    stronger(mood, "hypothetical")
                };
                break;
            }
        }
        let mut l = self.skip_marker_back(j - 1, a);
        if l == 0 || l <= a {
            return (Vec::new(), mood);
        }
        l -= 1;
        if let Some(sp) = self.pronoun_speaker(si, l).or_else(|| self.pronoun_antecedent(si, l)) {
            // "A and the <B> said they have signed ...": both.
            let mut subs = vec![sp];
            if d.low(l) == "they" {
                let mut f = subs[0].first;
                while f > a && matches!(d.tok(f - 1), "<" | "the" | "The") {
                    f -= 1;
                }
                if f > a + 1 && d.low(f - 1) == "and" {
                    let p = self.skip_marker_back(f - 2, a);
                    if let Some(o) = (p > a).then(|| self.actor_ending(p - 1, a)).flatten() {
                        subs.insert(0, o);
                    }
                }
            }
            return (subs, mood);
        }
        // "Jack Straw, who accused the Tories": the name the relative pronoun follows.
        if matches!(d.low(l), "who" | "which") && l >= a + 2 && d.tok(l - 1) == "," {
            if let Some(s) = self.actor_ending(l - 2, a) {
                return (vec![s], mood);
            }
            // "his son Nick, a trainee vicar, who praised": past the apposition to the name.
            let c = (a + 1..l - 1).rev().take(8).find(|&t| d.tok(t) == ",");
            let s = c
                .filter(|&c| c + 1 < l && matches!(d.low(c + 1), "a" | "an" | "the"))
                .and_then(|c| self.actor_ending(c - 1, a));
            return (s.into_iter().collect(), mood);
        }
        // "X, who ..., accused Y", "Air Canada, the state-owned airline, signed": past the clause.
        if d.tok(l) == "," && l > a + 1 {
            if let Some(c) = (a + 1..l).rev().take(15).find(|&t| d.tok(t) == ",") {
                // "Trevor Phillips, chairman of the CRE, called on ...": an apposition opened by a title, too.
                let title_apposition = c > a && d.ent(c + 1).is_none() && d.ent_ending(c - 1).is_some() && {
                    let tw = gazetteer().title_word(d.low(c + 1));
                    tw.head || tw.modifier
                };
                if c + 1 < l
                    && (title_apposition
                        || matches!(
                            d.low(c + 1),
                            "who"
                                | "which"
                                | "the"
                                | "a"
                                | "an"
                                | "for"
                                | "from"
                                | "his"
                                | "her"
                                | "its"
                                | "their"
                                | "former"
                        ))
                    && !(c + 1..l).any(|t| self.quoted[t])
                {
                    l = c - 1;
                } else if c + 1 < l
                    && (d.low(c + 1).ends_with("ing") && d.ent(c + 1).is_none())
                    && !(c + 1..l).any(|t| self.quoted[t])
                {
                    // "Mr Howard, speaking in Leeds, attacked ...": past the participle clause.
                    l = c - 1;
                } else if d.ent_starting(c + 1).is_some_and(|e| {
                    let ent = &d.art.entities[e];
                    ent.label == Label::Person && ent.token_end == l
                }) {
                    // "the director of the trust, Norman Brennan, accused ...": the name in apposition.
                    l -= 1;
                }
            }
        }
        let Some(first) =
            self.actor_ending(l, a).or_else(|| self.generic_ending(l, a)).or_else(|| self.coordinated_subject(si, l))
        else {
            return (Vec::new(), mood);
        };
        let mut subs = vec![first];
        // "A and B", "A, B and C" (photo markers skipped).
        let mut start = subs[0].first;
        let mut seen_and = false;
        loop {
            // A list of names is short; a bound keeps a pathological "A and B and C ..." linear.
            if start <= a + 1 || subs.len() >= 8 {
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
            match self.actor_ending(p, a) {
                Some(e2) => {
                    start = e2.first;
                    subs.insert(0, e2);
                }
                None => break,
            }
        }
        // "the envoy of Kim met": a name after a preposition is not the subject; nor is the object of a
        // relative clause ("councillors who back Mr Flight met").
        if start > a
            && is_preposition(d.low(start - 1))
            && !(start >= a + 2 && speaks_for(d.low(start - 2), d.low(start - 1)))
        {
            return (Vec::new(), mood);
        }
        if (start.saturating_sub(2).max(a)..start).any(|t| matches!(d.low(t), "who" | "which" | "whom" | "whose")) {
            return (Vec::new(), mood);
        }
        // "flew to Moscow to meet Park", "urged Lopez to meet Park": a name right before "to" is the
        // subject only where it opens the sentence ("Blair to meet Bush").
        let last = subs.last().map_or(a, |x| x.last);
        if last + 1 < v && d.low(last + 1) == "to" && start > a && !(start == a + 1 && is_determiner(d.low(a))) {
            return (Vec::new(), mood);
        }
        (subs, mood)
    }

    /// "Ethiopia refused to pull out and launched an attack": a verb joined by "and" (token `t`) to the
    /// sentence's first clause shares its subject. Not when a name ends right before "and" ("A and B met"
    /// is read as two subjects by the caller).
    pub(super) fn coordinated_subject(&self, si: usize, t: usize) -> Option<Actor> {
        let d = self.doc;
        let a = d.art.sentences[si].token_start;
        // Bounded: the main subject is looked for in the sentence's first 60 tokens only.
        if d.low(t) != "and" || t <= a + 1 || t > a + 60 || d.tok(t - 1) == "," || self.quoted[t] {
            return None;
        }
        // No other subject between: a clause opened by a name or pronoun after the main subject ("X said Y
        // and Z met") is not the main clause's.
        let m = self.main_subject(si, t)?;
        let clause = m.last + 1..t;
        if clause.clone().any(|u| {
            matches!(
                d.low(u),
                "that" | "who" | "which" | "when" | "while" | "he" | "she" | "they" | "it" | "said" | "says"
            ) || d.tok(u) == ";"
                || d.ent_starting(u)
                    .is_some_and(|e| matches!(d.art.entities[e].label, Label::Person | Label::Org | Label::Gpe))
        }) || clause.len() > 15
        {
            return None;
        }
        Some(m)
    }

    /// "X said (on Monday) (that) it/he/she ...": the pronoun at token `t` is X.
    pub(super) fn pronoun_speaker(&self, si: usize, t: usize) -> Option<Actor> {
        let d = self.doc;
        let a = d.art.sentences[si].token_start;
        let want: &[Label] = match d.low(t) {
            "it" => &[Label::Org, Label::Gpe],
            "he" | "she" => &[Label::Person],
            "they" => &[Label::Org, Label::Gpe],
            _ => return None,
        };
        let mut k = t;
        let mut steps = 0;
        while k > a && steps < 5 {
            k -= 1;
            steps += 1;
            if matches!(
                d.low(k),
                "said"
                    | "says"
                    | "added"
                    | "admitted"
                    | "insisted"
                    | "stressed"
                    | "announced"
                    | "confirmed"
                    | "claimed"
            ) {
                if k == a {
                    return None;
                }
                let mut e = k - 1;
                // "The EU has also announced that it": past auxiliaries and adverbs.
                while e > a && k - e < 4 && is_aux_or_adverb(d.low(e)) {
                    e -= 1;
                }
                // "Air Canada, the state-owned airline, said it ...": past the apposition.
                if d.tok(e) == "," {
                    e = (a..e).rev().take(14).find(|&t| d.tok(t) == ",")?.checked_sub(1)?;
                }
                let mut s = self.actor_ending(e, a)?;
                // "X, which is owned by Y, said it": Y is not the speaker.
                if s.first > a && matches!(d.low(s.first - 1), "by" | "with" | "from" | "for" | "to" | "than") {
                    return None;
                }
                // "<Siebe Plc> of the U.K. said it": the speaker is the name the place modifies.
                let mut f = s.first;
                if f > a && d.low(f - 1) == "the" {
                    f -= 1;
                }
                if f > a + 1 && matches!(d.low(f - 1), "of" | "in") {
                    if let Some(owner) = self.actor_ending(f - 2, a) {
                        s = owner;
                    }
                }
                return want.contains(&s.label).then_some(s);
            }
            if !(matches!(d.low(k), "that" | "on" | "today" | "yesterday")
                || d.ent(k).is_some_and(|e| d.art.entities[e].label == Label::Date))
            {
                return None;
            }
        }
        None
    }

    /// "he"/"she" at token `t`: the nearest person named before it in the sentence, else the one person
    /// the previous sentence names.
    pub(super) fn pronoun_antecedent(&self, si: usize, t: usize) -> Option<Actor> {
        let d = self.doc;
        if !matches!(d.low(t), "he" | "she") {
            return None;
        }
        let a = d.art.sentences[si].token_start;
        let floor = t.saturating_sub(30).max(a);
        for k in (floor..t).rev() {
            if let Some(e) = d.ent_ending(k) {
                if d.art.entities[e].label == Label::Person && !self.quoted[k] {
                    return Some(self.actor(e, k));
                }
            }
        }
        if si == 0 || t - a > 3 {
            return None;
        }
        let prev = d.art.sentences[si - 1];
        let mut found: Option<usize> = None;
        let mut first_is_subject = false;
        // A bounded look: the previous sentence's first 60 tokens. One person named there is the antecedent;
        // of several, the one that opens the sentence as its subject ("Mr Smith met Jones. He said ...").
        for k in prev.token_start..prev.token_end.min(d.len()).min(prev.token_start + 60) {
            if let Some(e) = d.ent_starting(k) {
                if d.art.entities[e].label == Label::Person && !self.quoted[k] {
                    match found {
                        Some(f) if story::entity_name(self.doc.art, f) != story::entity_name(self.doc.art, e) => {
                            if !first_is_subject {
                                return None;
                            }
                            break;
                        }
                        Some(_) => {}
                        None => {
                            found = Some(e);
                            let end = d.art.entities[e].token_end;
                            first_is_subject = k <= prev.token_start + 4
                                && (prev.token_start..k).all(|u| {
                                    let tw = gazetteer().title_word(d.low(u));
                                    tw.head || tw.modifier || tw.honorific || is_determiner(d.low(u))
                                })
                                && end < prev.token_end
                                && !is_preposition(d.low(end))
                                && !d.is_possessive(end);
                        }
                    }
                }
            }
        }
        let e = found?;
        let end = d.art.entities[e].token_end;
        Some(self.actor(e, end - 1))
    }

    /// The main subject of a sentence: the first name followed (after auxiliaries/adverbs) by a verb-like
    /// word, for comma-led participle clauses ("the North has ..., firing a missile").
    pub(super) fn main_subject(&self, si: usize, before: usize) -> Option<Actor> {
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
                        return Some(self.actor(e, end - 1));
                    }
                }
                t = end.max(t + 1);
                continue;
            }
            t += 1;
        }
        None
    }
}
