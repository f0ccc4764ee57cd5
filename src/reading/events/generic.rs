//! Generic actors: roles the text names without a name ("MPs", "campaigners", "the opposition"),
//! coded by country and role as PETRARCH and GDELT code them ("MPs criticised the government" is
//! GBRLEG 111 GBRGOV). The actor's name is the phrase as written (its article left out), its state
//! the story's own (`StoryRoles::government`) in British political copy or a story with a dateline,
//! else none. Read as the subject or object of a verb read here and as the speaker of a statement
//! about a named actor; a statement about a role stays unread (most are about the speaker's own body).
use super::*;

/// A role noun that names its holders without a name, by the sectors of the CAMEO actor codes:
/// legislators (LEG), civil society (CVL), labour (LAB), education (EDU), health (HLH), agriculture
/// (AGR), business (BUS), judiciary (JUD), refugees (REF), media (MED). The sector is not an output
/// (an event's side is the phrase and its state). Not words that name no role ("critics",
/// "officials", "sources", "analysts", "people"): those are unnamed sources, not actors.
fn is_generic_role(low: &str) -> bool {
    matches!(
        low,
        // LEG
        "mps" | "msps" | "meps" | "peers" | "backbenchers" | "lawmakers" | "legislators" | "senators"
        | "congressmen" | "parliamentarians"
        // CVL
        | "campaigners" | "activists" | "protesters" | "protestors" | "demonstrators" | "pensioners"
        // LAB, EDU, HLH, AGR, BUS, JUD, REF, MED
        | "unions" | "workers" | "strikers"
        | "students" | "teachers" | "headteachers"
        | "doctors" | "nurses"
        | "farmers"
        | "employers"
        | "judges"
        | "refugees"
        | "broadcasters"
    )
}

/// Lower-case words that may stand before a role noun and belong to the phrase ("senior
/// backbenchers", "trade unions", "anti-war protesters").
fn role_modifier(low: &str) -> bool {
    matches!(
        low,
        "senior"
            | "backbench"
            | "rebel"
            | "opposition"
            | "cross-party"
            | "fellow"
            | "leading"
            | "trade"
            | "student"
            | "anti-war"
            | "environmental"
            | "green"
            | "human"
            | "rights"
            | "civil"
            | "liberties"
            | "pro-hunt"
            | "anti-hunt"
            | "hunt"
            | "union"
    )
}

impl Reader<'_, '_> {
    /// The generic actor whose phrase ends at token `t` (reading back, not before `floor`): a role noun
    /// ("MPs", "senior backbenchers") or "the opposition" / "the committee" with its article.
    pub(super) fn generic_ending(&self, t: usize, floor: usize) -> Option<Actor> {
        let d = self.doc;
        if d.ent(t).is_some() {
            return None;
        }
        let low = d.low(t);
        let the_body = matches!(low, "opposition" | "committee") && d.tok(t) == low;
        // "MPs" is written with its capitals; other role nouns in lower case (a capitalised
        // "Campaigners" opening a sentence is the same word).
        let role = is_generic_role(low)
            && (low == "mps" || low == "msps" || low == "meps" || d.tok(t) == low || t == self.sentence_start(t));
        if !(the_body || role) {
            return None;
        }
        let mut first = t;
        if the_body {
            // "the opposition", "the committee": a definite body; a bare "opposition" is a stance.
            if t == floor || d.low(t - 1) != "the" {
                return None;
            }
            first = t - 1;
        } else {
            while first > floor && t - first < 2 && d.ent(first - 1).is_none() && role_modifier(d.low(first - 1)) {
                first -= 1;
            }
            // A name right before ("Labour MPs", "Tory peers") is read as the body it names, not here.
            if first > floor && d.ent(first - 1).is_some() {
                return None;
            }
        }
        let from = if d.low(first) == "the" { first + 1 } else { first };
        let name = (from..=t).map(|k| d.tok(k)).collect::<Vec<_>>().join(" ");
        // British political copy, or a story from a dateline: the story's own state. A story with neither
        // names its state only by counting, too loose for a role ("activists in Blackburn" in a story
        // that names Iraq most).
        let country = self.roles().government.filter(|_| self.roles().british || d.art.dateline.is_some());
        Some(Actor { name, country, first, last: t, label: Label::Org, owner: false, gov: false })
    }

    /// The generic actor starting at token `k` as a verb's object ("told MPs", "urged campaigners"),
    /// and the token after it. Only for acts in words and meetings, not deals or things launched.
    pub(super) fn generic_at(&self, pred: Pred, k: usize, b: usize) -> Option<(Actor, usize)> {
        if !matches!(
            pred,
            Pred::Meet
                | Pred::Negotiate
                | Pred::Tell
                | Pred::Urge
                | Pred::Warn
                | Pred::Promise
                | Pred::Criticise
                | Pred::Accuse
                | Pred::Praise
                | Pred::Back
                | Pred::Reject
                | Pred::Threaten
                | Pred::Apologise
                | Pred::Arrest
        ) {
            return None;
        }
        let d = self.doc;
        let mut t = k;
        if t < b && d.low(t) == "the" {
            t += 1;
        }
        while t < b && t < k + 3 && d.ent(t).is_none() && role_modifier(d.low(t)) {
            t += 1;
        }
        if t >= b {
            return None;
        }
        let a = self.generic_ending(t, k)?;
        if a.first != k {
            return None;
        }
        let n = t + 1;
        // "told MPs he would ...", "urged MPs to ...": past the role, a new phrase opens; "MPs' expenses"
        // or "MPs' pay" is about something of theirs, no act on them.
        if n < b
            && (d.is_possessive(n)
                || !(may_follow_object(d, n) || matches!(d.low(n), "he" | "she" | "it" | "they" | "we" | "i")))
        {
            return None;
        }
        Some((a, n))
    }

    /// The role the speaker's words `a..b` end in ("MPs", "the committee", "some backbench MPs"), for a
    /// statement it makes about a named actor. Not a role that only modifies the speaker ("a union
    /// spokesman" is read elsewhere).
    pub(super) fn generic_speaker(&self, a: usize, b: usize) -> Option<Actor> {
        let d = self.doc;
        let last = b.min(d.len()).checked_sub(1)?;
        if last < a {
            return None;
        }
        self.generic_ending(last, a)
    }
}
