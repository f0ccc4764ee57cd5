//! Public statements about a second actor (CAMEO 01), as PETRARCH and GDELT code them: "X said Y had
//! failed" is X 010 Y. Read from the attributions the quotes stage already found (speaker, reporting
//! verb, content), not by scanning again: the target is the named subject of what is said (or that
//! subject's possessive owner: "said Labour's plans were flawed"). A statement about the speaker itself
//! ("X said it would ..."), by an unnamed source ("officials said") or by the medium cited ("the
//! agency reported") is no event; nor is one whose pair already has an event in the sentence ("X
//! criticised Y, saying Y had failed" stays 111).
use super::*;

/// The CAMEO 01 code of a reporting verb, for the verbs that make a public statement.
pub(super) fn statement_code(verb: &str) -> Option<&'static str> {
    // Lower-cased on the stack: this runs on every attribution of every story.
    let word = verb.trim().split(' ').next().unwrap_or("");
    let mut buf = [0u8; 16];
    if word.len() > buf.len() {
        return None;
    }
    buf[..word.len()].copy_from_slice(word.as_bytes());
    buf[..word.len()].make_ascii_lowercase();
    let first = std::str::from_utf8(&buf[..word.len()]).ok()?;
    Some(match first {
        "said" | "says" | "say" | "saying" | "told" | "tells" | "tell" | "telling" | "added" | "adds" | "adding"
        | "stated" | "states" | "stressed" | "stresses" | "insisted" | "insists" | "noted" | "notes" | "argued"
        | "argues" | "explained" | "declared" | "declares" | "maintained" | "maintains" | "asserted" | "reiterated"
        | "emphasised" | "emphasized" | "commented" | "wrote" | "writes" | "claimed" | "claims" | "announced"
        | "announces" | "according" | "suggested" | "suggests" | "predicted" | "predicts" | "confirmed"
        | "confirms" | "revealed" | "reveals" | "replied" | "replies" | "responded" | "responds" => "010",
        // Pessimistic and optimistic comments.
        "warned" | "warns" | "warning" | "feared" | "fears" => "012",
        "hoped" | "hopes" => "013",
        // Acknowledging, and rejecting an accusation / denying.
        "admitted" | "admits" | "acknowledged" | "acknowledges" | "conceded" | "concedes" => "015",
        "denied" | "denies" | "denying" => "016",
        _ => return None,
    })
}

/// A word that can open the predicate of a clause: an auxiliary, a modal, or a past-tense verb.
fn opens_predicate(d: &Doc, t: usize) -> bool {
    let low = d.low(t);
    if !d.tok(t).chars().all(|c| c.is_lowercase() || c == '\'') {
        return false;
    }
    is_be(low)
        || is_hypothetical(low)
        || matches!(
            low,
            "has"
                | "had"
                | "have"
                | "will"
                | "did"
                | "does"
                | "do"
                | "'ll"
                | "'d"
                | "wants"
                | "wanted"
                | "plans"
                | "needs"
                | "faces"
                | "made"
                | "makes"
                | "took"
                | "takes"
                | "gave"
                | "gives"
                | "won"
                | "lost"
                | "knows"
                | "knew"
                | "thinks"
                | "thought"
                | "seems"
                | "appears"
                | "remains"
                | "became"
                // Irregular past tenses that are no noun: "Labour's success came because ...".
                | "came"
                | "went"
                | "began"
                | "brought"
                | "held"
                | "sought"
                | "told"
                | "broke"
                | "chose"
                | "fell"
                | "rose"
                | "saw"
                | "spent"
                | "understood"
        )
        || (low.len() > 4 && low.ends_with("ed"))
}

impl Reader<'_, '_> {
    /// The statements of sentence `si` (its attributions with a statement verb, `list`), after its other
    /// events (from `first_event` on in `self.out`).
    pub(super) fn statements(&mut self, si: usize, list: &[usize], first_event: usize) {
        let d = self.doc;
        // The pairs the sentence's events already name, either way round: a statement adds no 010 to a
        // pair another verb codes ("X criticised Y, saying ..."). Keyed by the names themselves (each
        // name to the names it is paired with), so no two pairs can be taken for one.
        let mut pairs: FxHashMap<String, FxHashSet<String>> = FxHashMap::default();
        for e in &self.out[first_event..] {
            add_pair(&mut pairs, &e.subject, &e.object);
        }
        for &ai in list {
            let at = &d.art.attributions[ai];
            let Some(sp) = at.speaker_span else { continue };
            let k = first_token_at(d, at.span.start);
            // A quote paragraph carrying on its speaker's words (no verb of its own: "Mr Letwin said: ..."
            // before it) is a statement too; its cue is the quote itself.
            let (verb, code, v) = match (at.verb.as_deref(), at.cue) {
                (Some(verb), Some(cue)) => match statement_code(verb) {
                    Some(code) => (verb, code, first_token_at(d, cue.start)),
                    None => continue,
                },
                (None, _) if at.direct => ("", "010", k.min(d.len() - 1)),
                _ => continue,
            };
            // "Mr Hockney left UKIP saying ...": the participle's subject is the main clause's, not the
            // name right before it (the object of another verb).
            let sp0 = first_token_at(d, sp.start);
            if matches!(verb, "saying" | "adding")
                && sp0 > 0
                && d.tok(sp0 - 1).chars().all(|c| c.is_alphabetic() && c.is_lowercase())
            {
                continue;
            }
            let Some(spk) = self.speaker_actor(at.speaker.as_deref(), sp) else { continue };
            let s = &d.art.sentences[si];
            let b = s.token_end.min(d.len());
            // The content as far as the sentence goes (a quote may run on past it).
            let end_tok = first_token_at(d, at.span.end).min(b);
            let k =
                if matches!(verb, "told" | "tells" | "tell" | "telling") { past_audience(d, k, end_tok) } else { k };
            let Some(targets) = self.statement_targets(k, end_tok) else { continue };
            let mood = self.statement_mood(v, s.token_start);
            for o in &targets {
                let paired = names_pair(&pairs, &spk.name, &o.name);
                if paired || self.same_body(&spk, o) || self.speaks_for(&spk, o) {
                    continue;
                }
                // A carried-on quote's speaker is named in an earlier sentence: the span is the quote's.
                let (from, to) = if verb.is_empty() {
                    (k, o.last.max(k))
                } else {
                    (v.min(k).min(spk.first), o.last.max(v).max(spk.last))
                };
                let span = self.span(from, to);
                let before = self.out.len();
                self.push(&spk, Pred::Say, o, None, si, span, mood, v.min(d.len() - 1));
                if self.out.len() > before {
                    if let Some(e) = self.out.last_mut() {
                        e.code = code;
                    }
                    add_pair(&mut pairs, &spk.name, &o.name);
                }
            }
        }
    }

    /// One body under two names, or a speaker about its own state: "Orion" and "Orion Royal Bank" (one
    /// name's words within the other's), "USDA" and the long form the story gives it, a Brazilian
    /// minister about Brazil (a state is a target only for a speaker known to belong to another).
    fn same_body(&self, x: &Actor, y: &Actor) -> bool {
        // The names' words borrowed, compared case aside (this runs for every statement's target).
        fn words(n: &str) -> impl Iterator<Item = &str> + Clone {
            n.split(|c: char| !c.is_alphanumeric()).filter(|w| {
                !w.is_empty() && !["the", "of", "and"].iter().any(|s| w.eq_ignore_ascii_case(s)) && !is_legal_form(w)
            })
        }
        let within = |a: &str, b: &str| {
            words(a).next().is_some() && words(a).all(|w| words(b).any(|v| v.eq_ignore_ascii_case(w)))
        };
        if within(&x.name, &y.name) || within(&y.name, &x.name) {
            return true;
        }
        // "Fed" and "Federal Reserve": a one-word short form opening the other name's first word.
        let clipped = |a: &str, b: &str| {
            let mut wa = words(a);
            match (wa.next(), wa.next(), words(b).next()) {
                (Some(w), None, Some(f)) => {
                    w.len() >= 3 && f.len() >= w.len() && f.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
                }
                _ => false,
            }
        };
        if clipped(&x.name, &y.name) || clipped(&y.name, &x.name) {
            return true;
        }
        let long_of = |short: &str, long: &str| {
            self.doc.art.acronyms.iter().any(|a| {
                a.short == short && (a.refers_to.as_deref() == Some(long) || a.long.eq_ignore_ascii_case(long))
            })
        };
        if long_of(&x.name, &y.name) || long_of(&y.name, &x.name) {
            return true;
        }
        // A state as the target: only when the speaker is known to belong to another ("Reagan said the
        // United States would ..." is the state speaking of itself).
        // A person the story gives no state may be of the dateline's state or of the state the story is
        // about (its officials speak of it most): a state other than both is another's ("WASHINGTON -
        // ... Reagan said the Soviet Union had ...").
        // "Tory shadow home secretary David Davis said the Tories would ...": a member on their party.
        if x.label == Label::Person && y.label != Label::Person {
            let parties = self.parties.get_or_init(|| person_parties(self.doc));
            if parties.get(&x.name).is_some_and(|p| *p == party_key(&y.name)) {
                return true;
            }
        }
        if y.label != Label::Gpe || y.gov {
            return false;
        }
        match x.country {
            Some(c) => Some(c) == y.country,
            None => {
                x.label != Label::Person
                    || self.roles().own.is_none()
                    || y.country == self.roles().own
                    || y.country == self.roles().most
            }
        }
    }

    /// "FCC spokeswoman Mary Beth Hess said the FCC will ...": a spokesperson or counsel of the target
    /// body, named as its modifier right before the title.
    /// Also any title the body's name modifies: "House Speaker Jim Wright predicted the House would
    /// ...", "EC Agriculture Commissioner Frans Andriessen" speak for the House and the EC.
    fn speaks_for(&self, spk: &Actor, o: &Actor) -> bool {
        let d = self.doc;
        let g = gazetteer();
        let a = spk.first;
        // "..., chairman Bernard Fauber predicted": a person with an officer's title and no body named
        // speaks for the company the story opens with ("lead manager Nomura said" is a bank speaking).
        if spk.label == Label::Person
            && self.story_org().is_some_and(|e| story::entity_name(self.doc.art, e) == o.name.as_str())
            && a > 0
            && g.title_word(d.low(a - 1)).head
            && d.tok(a - 1).chars().all(char::is_lowercase)
        {
            return true;
        }
        (a.saturating_sub(4)..spk.last.min(a + 6)).any(|t| {
            let tw = g.title_word(d.low(t));
            (matches!(d.low(t), "spokesman" | "spokeswoman" | "spokesperson" | "counsel" | "spokesmen")
                || tw.head
                || tw.modifier && d.is_cap(t))
                && t > 0
                && d.ent_ending(t - 1).is_some_and(|e| story::entity_name(self.doc.art, e) == o.name.as_str())
        })
    }

    /// The speaker as an actor: a name in the speaker's words ("a BNP spokesperson" is the BNP), else
    /// the person or body a pronoun or description was resolved to. Not a medium cited.
    fn speaker_actor(&self, speaker: Option<&str>, sp: Span) -> Option<Actor> {
        let d = self.doc;
        let name = speaker?;
        if story::is_medium(name) || is_paper(name) {
            return None;
        }
        let (a, b) = (first_token_at(d, sp.start), first_token_at(d, sp.end));
        // A pronoun speaker stands for a person ("he said") or a body ("it said"), nothing else.
        let pronoun = if b == a + 1 { Some(d.low(a)) } else { None };
        // "official Radio Pakistan said", "the NBC report said", "the X newspaper quoted him": a medium
        // in the speaker's words.
        if (a..b.min(d.len())).any(|t| {
            d.ent_starting(t).is_some_and(|e| {
                let n = story::entity_name(self.doc.art, e);
                story::is_medium(&n) || is_paper(&n)
            }) || matches!(
                d.low(t),
                "newspaper" | "paper" | "daily" | "weekly" | "report" | "radio" | "television" | "agency" | "quoted"
            )
        }) {
            return None;
        }
        // "The Tories say ...": the speaker's name may carry the article the entity leaves out.
        let bare = name.strip_prefix("The ").or_else(|| name.strip_prefix("the ")).unwrap_or(name);
        let inside = (a..b.min(d.len()))
            .filter_map(|t| d.ent(t))
            .find(|&e| matches!(story::entity_name(self.doc.art, e).as_ref(), n if n == name || n == bare));
        let officer =
            if inside.is_none() && b > a + 2 && d.low(a) == "the" { self.officer_ending(b - 1, a) } else { None };
        if inside.is_none() && officer.is_none() && b > a {
            // "MPs said", "the committee said": a role speaks for itself (generic.rs).
            if let Some(mut g) = self.generic_speaker(a, b) {
                g.first = a;
                g.last = b - 1;
                return Some(g);
            }
        }
        let e = match inside {
            // "traders in London said": a place modifying the speaker is not it.
            Some(e)
                if d.art.entities[e].token_start > 0
                    && is_preposition(d.low(d.art.entities[e].token_start - 1))
                    && (d.art.entities[e].token_start > a
                        || matches!(d.art.entities[e].label, Label::Gpe | Label::Loc | Label::Fac)) =>
            {
                return None
            }
            Some(e) => e,
            // "The Lib Dem leader said": the leader the story names, else the party.
            None if officer.is_some() => {
                let mut actor = officer?;
                if self.journalists().contains(&actor.name) {
                    return None;
                }
                actor.first = a;
                actor.last = b - 1;
                return Some(actor);
            }
            // "the chancellor said": the one person the story gives that title ("Chancellor Gordon
            // Brown"), as a verb's subject is read (`role_ending`); not "the government" or "police".
            None if pronoun.is_none()
                && b > a + 1
                && d.low(a) == "the"
                && self.role_ending(b - 1, a).is_some_and(|r| r.label == Label::Person) =>
            {
                let mut actor = self.role_ending(b - 1, a)?;
                if self.journalists().contains(&actor.name) {
                    return None;
                }
                actor.first = a;
                actor.last = b - 1;
                return Some(actor);
            }
            // A description ("the company", "a spokesman") resolved elsewhere: only to the body the story
            // opens with (the resolution is too often wrong otherwise).
            None if pronoun.is_none() => {
                let e = self.story_org()?;
                if story::entity_name(self.doc.art, e) != name {
                    return None;
                }
                e
            }
            // A pronoun or a description ("he", "the company") resolved to a name: a person or a body,
            // never a place (a place resolved from a description is too often wrong).
            None => *self
                .named
                .get_or_init(|| {
                    let mut named = FxHashMap::default();
                    for (i, e) in d.art.entities.iter().enumerate() {
                        if let (Label::Person | Label::Org, Some(c)) = (e.label, e.canonical.as_deref()) {
                            named.entry(c).or_insert(i);
                        }
                    }
                    named
                })
                .get(name)?,
        };
        let ent = &d.art.entities[e];
        // "an aide to USDA Secretary Richard Lyng said", "a friend of X said": someone close to the name
        // speaks, not the name.
        if (a..ent.token_start.min(b)).any(|t| {
            matches!(
                d.low(t),
                "aide"
                    | "aides"
                    | "adviser"
                    | "advisers"
                    | "advisor"
                    | "friend"
                    | "friends"
                    | "ally"
                    | "allies"
                    | "colleague"
                    | "colleagues"
                    | "associate"
                    | "wife"
                    | "husband"
                    | "son"
                    | "daughter"
                    // "sources close to X said".
                    | "close"
            )
        }) {
            return None;
        }
        if !(self.is_actor_entity(e) || self.is_group(e)) && ent.label != Label::Norp {
            return None;
        }
        // "BBC political correspondent X said ministers may ...": a journalist's reading is no act.
        if self.journalists().contains(story::entity_name(d.art, e).as_ref()) {
            return None;
        }
        // "the Venezuelan company said": a state speaks only when named as the speaker itself.
        if matches!(ent.label, Label::Gpe | Label::Loc | Label::Norp) && !(ent.token_start <= a && ent.token_end >= b) {
            return None;
        }
        match pronoun {
            Some("he" | "she") if ent.label != Label::Person => return None,
            // "it said": the body the story opens with; other resolutions of "it" are too often wrong.
            Some("it") if self.story_org() != Some(e) => return None,
            _ => {}
        }
        // "Bankers said ...": a plural common noun opening the sentence, taken for a name, is an unnamed
        // source.
        if ent.token_end == ent.token_start + 1
            && d.low(ent.token_start).ends_with('s')
            && ent.label != Label::Person
            // "The Conservatives say": a party named with its article is no unnamed source.
            && !(self.is_group(e) && ent.token_start > 0 && d.low(ent.token_start - 1) == "the")
            && crate::entities::refine::common_word(d.low(ent.token_start))
        {
            return None;
        }
        // "J.M. said": initials or a cut name are no speaker to name.
        if name.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            return None;
        }
        let mut actor = if ent.label == Label::Norp && (ent.country_code.is_some() || !self.is_group(e)) {
            self.nation(e, ent.token_end - 1)?
        } else if let Some(state) = self.state_organ_name(e) {
            // "the French Defence Ministry said": the state speaks through its ministry.
            state
        } else {
            // "The Conservatives say ...": a party, not a state.
            self.actor(e, ent.token_end - 1)
        };
        actor.first = a.min(d.len() - 1);
        actor.last = b.saturating_sub(1).max(actor.first);
        Some(actor)
    }

    /// The named subject of the clause starting at token `k` (before `b`): "Labour is ...", "the US and
    /// Britain have ...", "Apple's plan was ...". None unless a predicate follows the name.
    fn statement_targets(&self, mut k: usize, b: usize) -> Option<Vec<Actor>> {
        let d = self.doc;
        while k < b && (story::is_quote_mark(d.tok(k)) || d.low(k) == "that") {
            k += 1;
        }
        if k + 2 < b && d.low(k) == "once" && d.low(k + 1) == "again" {
            // "Once again Mr Blair has ...": a leading adverbial of repetition.
            k += 2;
        }
        if k < b && d.low(k) == "the" {
            // "the prime minister has ...", "the prime minister's view was ...": the role's one holder.
            let mut t = k + 1;
            while t < b && t < k + 4 && d.ent(t).is_none() && d.tok(t).chars().all(char::is_lowercase) {
                if let Some(mut a) = self.role_ending(t, k) {
                    // "the company", "the police": most often the speaker's own firm or state. "The
                    // government" is the story's own government, a target for those outside it
                    // (`acts_on_own_state` leaves out its members).
                    if !(a.label == Label::Person && !is_state_organ(d.low(t))
                        || a.gov
                            && d.low(t) == "government"
                            && a.country == self.roles().government
                            && self.judges(t + 1, b))
                    {
                        return None;
                    }
                    let mut n = t + 1;
                    if n < b && d.is_possessive(n) {
                        n = self.past_head(n + 1, b)?;
                        a.owner = true;
                    }
                    return self.predicate_at(n, b).then(|| vec![a]);
                }
                t += 1;
            }
        }
        // "ministers have ...": the story's own government (not "EU ministers", read as a name below).
        if k + 1 < b && d.low(k) == "ministers" && d.tok(k) == "ministers" {
            let a = self.own_state(k, k).filter(|a| a.country == self.roles().government)?;
            return (self.predicate_at(k + 1, b) && self.judges(k + 1, b)).then(|| vec![a]);
        }
        let mut out = Vec::new();
        loop {
            // "the Lib Dems have ...", "Mr Howard has ..." (the honorific outside the name the tagger read).
            if k < b
                && (d.low(k) == "the" || gazetteer().title_word(d.low(k)).honorific)
                && d.ent_starting(k + 1).is_some()
            {
                k += 1;
            }
            let e = d.ent_starting(k.min(b))?;
            let ent = &d.art.entities[e];
            let end = ent.token_end;
            if end >= b {
                return None;
            }
            // "Citizens should ...": a capitalised plural common noun opening the content names nobody.
            if end == k + 1 && ent.label == Label::Misc && crate::entities::refine::common_word(d.low(k)) {
                return None;
            }
            let mut actor = if ent.label == Label::Norp && !self.is_group(e) {
                // "Iraqi forces have ...": the state, only through its organ.
                if !is_actor_noun(d.low(end)) {
                    return None;
                }
                k = end + 1;
                self.nation(e, end)?
            } else if self.is_actor_entity(e) || self.is_group(e) {
                k = end;
                if matches!(ent.label, Label::Org | Label::Gpe) && is_actor_noun(d.low(end)) {
                    // "Labour MPs", "US officials": the members stand for the body.
                    k += 1;
                }
                self.actor(e, end - 1)
            } else {
                return None;
            };
            if k < b && d.is_possessive(k) {
                // "Labour's plans were ...": up to three lower-case words, then the predicate.
                k = self.past_head(k + 1, b)?;
                actor.owner = true;
            } else if k + 2 < b && d.tok(k) == "," {
                // "Mr Tyndall, from Brighton, was arrested": a short apposition with no verb of its own.
                let close = (k + 1..b.min(k + 9)).find(|&t| d.tok(t) == ",")?;
                if (k + 1..close).any(|t| opens_predicate(d, t) || is_reporting(d.low(t)) || d.tok(t) == "\"") {
                    return None;
                }
                k = close + 1;
            }
            if !actor.name.chars().next().is_some_and(char::is_uppercase) {
                // "CSOs" read as "community support officers": a description, not a name.
                return None;
            }
            out.push(actor);
            if k + 1 < b && d.low(k) == "and" && !out.last().is_some_and(|a| a.owner) {
                if matches!(d.low(k + 1), "its" | "their" | "his" | "her") {
                    // "the Soviet Union and its allies have ...": the named side only.
                    k = self.past_head(k + 2, b)?;
                    break;
                }
                k += 1;
                continue;
            }
            break;
        }
        self.predicate_at(k, b).then_some(out)
    }

    /// Whether what is said of the government from token `k` judges it ("should act", "must act",
    /// "had failed"), as its critics speak of it, rather than tells what it does or will do, as its own
    /// officials do ("the government will issue bonds", "is planning cuts"): a speaker of no known
    /// office is read as a critic only then.
    fn judges(&self, k: usize, b: usize) -> bool {
        let d = self.doc;
        // "the government's policy was": past the possessive's head.
        let k = if k < b && d.is_possessive(k) { self.past_head(k + 1, b).unwrap_or(b) } else { k };
        (k..b.min(k + 4)).any(|t| {
            matches!(
                d.low(t),
                "should" | "must" | "ought" | "failed" | "fails" | "needs" | "needed" | "refused" | "ignored"
            )
        })
    }

    /// Past the lower-case words of a noun phrase's head (up to three, from `t`) to the predicate.
    fn past_head(&self, t: usize, b: usize) -> Option<usize> {
        let d = self.doc;
        let mut k = t;
        // A title counts as the head too: "Mr Blair and his Chancellor have ...".
        while k < b
            && k < t + 3
            && d.ent(k).is_none()
            && (d.tok(k).chars().all(char::is_lowercase) || gazetteer().title_word(d.low(k)).head)
        {
            // The word after a possessive is its head noun, even one that may be a verb ("Labour's plans
            // would ..."), unless it is an auxiliary ("Labour's been ...").
            if opens_predicate(d, k) && (k > t || is_be(d.low(k)) || matches!(d.low(k), "had" | "got")) {
                break;
            }
            k += 1;
        }
        (k > t).then_some(k)
    }

    /// A predicate opens at `k`, adverbs allowed first ("Labour has also ...").
    fn predicate_at(&self, mut k: usize, b: usize) -> bool {
        let d = self.doc;
        let from = k;
        while k < b && k < from + 3 && !opens_predicate(d, k) && {
            // "Mr Blunkett still had ...", "Labour clearly wants ...".
            let low = d.low(k);
            is_aux_or_adverb(low)
                || matches!(low, "still" | "now" | "just" | "always" | "never" | "simply")
                || low.len() > 4 && low.ends_with("ly") && d.tok(k).chars().all(char::is_lowercase)
        } {
            k += 1;
        }
        k < b && opens_predicate(d, k)
    }

    /// The statement's own mood, from the words right before its verb: "did not say", "would say".
    fn statement_mood(&self, v: usize, floor: usize) -> &'static str {
        let d = self.doc;
        let mut mood = "asserted";
        for t in (v.saturating_sub(3).max(floor)..v).rev() {
            let low = d.low(t);
            if d.ent(t).is_some() || !d.tok(t).chars().all(|c| c.is_lowercase() || c == '\'') {
                break;
            }
            if is_negation(low) {
                mood = stronger(mood, "negated");
            } else if is_hypothetical(low) {
                mood = stronger(mood, "hypothetical");
            } else if matches!(low, "will" | "'ll") {
                mood = stronger(mood, "planned");
            }
        }
        mood
    }
}

/// Whether the content of attribution `at` may open with a name (a cheap test before the story-wide
/// facts are gathered): an entity starts within its first few tokens.
pub(super) fn may_name_a_subject(d: &Doc, at: &Attribution) -> bool {
    let k = first_token_at(d, at.span.start);
    (k..(k + 4).min(d.len())).any(|t| {
        d.ent_starting(t).is_some_and(|e| {
            // "the Tories have ...": a party the tagger reads as a miscellaneous name.
            matches!(
                d.art.entities[e].label,
                Label::Person | Label::Org | Label::Gpe | Label::Norp | Label::Loc | Label::Misc
            )
        }) || matches!(d.low(t), "government" | "ministers")
    })
}

/// Past the audience a "told" names before what it says ("told the annual meeting Thyssen expected
/// ...", "told reporters Labour had ..."): up to three lower-case words ending in a word for an audience.
fn past_audience(d: &Doc, k: usize, b: usize) -> usize {
    // "told Reuters general manager Michael Nelson that ...": a named addressee, then what is said.
    if let Some(that) = (k + 1..b.min(k + 8)).find(|&t| d.low(t) == "that") {
        let g = gazetteer();
        if (k..that).any(|t| d.ent(t).is_some_and(|e| d.art.entities[e].label == Label::Person))
            && (k..that).all(|t| {
                d.ent(t).is_some() || {
                    let tw = g.title_word(d.low(t));
                    tw.head || tw.modifier
                }
            })
        {
            return that + 1;
        }
    }
    let mut t = k;
    while t < b && t < k + 4 && d.ent(t).is_none() && d.tok(t).chars().all(char::is_lowercase) {
        if matches!(
            d.low(t),
            "meeting"
                | "reporters"
                | "journalists"
                | "conference"
                | "shareholders"
                | "stockholders"
                | "audience"
                | "delegates"
                | "parliament"
                | "hearing"
                | "rally"
                | "committee"
                | "supporters"
                | "analysts"
        ) {
            return t + 1;
        }
        t += 1;
    }
    k
}

/// Records the pair of names both ways round.
fn add_pair(pairs: &mut FxHashMap<String, FxHashSet<String>>, a: &str, b: &str) {
    pairs.entry(a.to_string()).or_default().insert(b.to_string());
    pairs.entry(b.to_string()).or_default().insert(a.to_string());
}

/// Whether the two names are paired (`add_pair` recorded both ways round).
fn names_pair(pairs: &FxHashMap<String, FxHashSet<String>>, a: &str, b: &str) -> bool {
    pairs.get(a).is_some_and(|s| s.contains(b))
}

/// The first token that starts at or after byte `pos`.
pub(super) fn first_token_at(d: &Doc, pos: usize) -> usize {
    d.art.tokens.partition_point(|t| t.span.start < pos)
}

#[cfg(test)]
mod tests {
    use super::{add_pair, names_pair, statement_code};
    use rustc_hash::FxHashMap;

    #[test]
    fn pairs_are_the_names_either_way_round() {
        let mut pairs = FxHashMap::default();
        add_pair(&mut pairs, "Labour", "Tony Blair");
        assert!(names_pair(&pairs, "Labour", "Tony Blair"));
        assert!(names_pair(&pairs, "Tony Blair", "Labour"));
        // A name paired with another is not paired with a third.
        assert!(!names_pair(&pairs, "Labour", "Michael Howard"));
        assert!(!names_pair(&pairs, "Tony", "Blair Labour"));
    }

    #[test]
    fn reporting_verbs_get_their_cameo_01_codes() {
        assert_eq!(statement_code("said"), Some("010"));
        assert_eq!(statement_code("according to"), Some("010"));
        assert_eq!(statement_code("warned"), Some("012"));
        assert_eq!(statement_code("denied"), Some("016"));
        assert_eq!(statement_code("believed"), None);
        assert_eq!(statement_code("estimates"), None);
    }
}
