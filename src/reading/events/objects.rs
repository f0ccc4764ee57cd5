//! Finding the objects of an event: the names (or pronouns, things given) after its trigger,
//! read in a bounded window.
use super::*;

impl Reader<'_, '_> {
    /// Skips words that stand before an object's name: determiners, titles, nationalities, a possessive
    /// owner ("Russia's"), an organisation before its officer ("U.S. Treasury Secretary James Baker"),
    /// quote marks.
    pub(super) fn skip_to_name(&self, mut k: usize, b: usize) -> usize {
        let d = self.doc;
        let g = gazetteer();
        let is_title = |t: usize| {
            let tw = g.title_word(d.low(t));
            (tw.head || tw.modifier || tw.honorific) && d.is_cap(t)
        };
        let stop = (k + 12).min(b);
        while k < stop {
            if let Some(e) = d.ent_starting(k) {
                let ent = &d.art.entities[e];
                let nxt = ent.token_end;
                if matches!(ent.label, Label::Percent | Label::Cardinal | Label::Money) {
                    // "65 pct of EMS Corp", "an 18.7 pct equity interest in Enzon Inc", "12 pct, of Cenergy",
                    // "two mln dlrs of newly-issued shares in Imatron".
                    let of = (nxt..stop.min(nxt + 3)).find(|&t| matches!(d.low(t), "of" | "in"));
                    if let Some(of) = of.filter(|&o| {
                        (nxt..o).all(|t| {
                            d.ent(t).is_none()
                                && (d.tok(t) == "," || d.tok(t).chars().all(|c| c.is_lowercase() || c == '-'))
                        })
                    }) {
                        k = of + 1;
                        continue;
                    }
                }
                if matches!(ent.label, Label::Cardinal) && nxt + 2 < stop && d.low(nxt) == "shares" {
                    // "375,200 shares of X"; "1.2 mln shares, or 12 pct, of X": on to the percentage.
                    if d.low(nxt + 1) == "of" {
                        k = nxt + 2;
                        continue;
                    }
                    if nxt + 3 < stop && d.tok(nxt + 1) == "," && d.low(nxt + 2) == "or" {
                        k = nxt + 3;
                        continue;
                    }
                }
                if matches!(ent.label, Label::Cardinal)
                    && nxt + 1 < stop
                    && d.ent_starting(nxt).is_some_and(|o| {
                        let o = &d.art.entities[o];
                        o.label == Label::Org && o.token_end < b && matches!(d.low(o.token_end), "shares" | "stock")
                    })
                {
                    // "65,000 Oglebay shares"
                    k = nxt;
                    continue;
                }
                if matches!(ent.label, Label::Loc | Label::Gpe)
                    && nxt + 2 < stop
                    && matches!(d.low(nxt), "region" | "province" | "prefecture" | "district" | "area")
                    && d.low(nxt + 1) == "of"
                {
                    // "a delegation from the Kansai region of Japan": the state the region is of.
                    k = nxt + 2;
                    continue;
                }
                if ent.label == Label::Norp {
                    // "Russian President ...": a nationality before a title or name.
                    if nxt < b && (d.ent_starting(nxt).is_some() || is_title(nxt)) {
                        k = nxt;
                        continue;
                    }
                    // "Chinese envoy Li Hongzhong": a lower-case title before a person's name.
                    let mut t = nxt;
                    while t < b && t < nxt + 3 && d.ent(t).is_none() && {
                        let tw = g.title_word(d.low(t));
                        tw.head || tw.modifier
                    } {
                        t += 1;
                    }
                    if t > nxt && t < b && d.ent_starting(t).is_some_and(|p| d.art.entities[p].label == Label::Person) {
                        k = t;
                        continue;
                    }
                    return k;
                }
                if matches!(ent.label, Label::Gpe | Label::Org) {
                    if d.is_possessive(nxt) {
                        // "Russia's Shoigu"; "Blair's plans" stays on Blair (the caller decides).
                        if nxt + 1 < b && (d.ent_starting(nxt + 1).is_some() || is_title(nxt + 1)) {
                            k = nxt + 1;
                            continue;
                        }
                        return k;
                    }
                    // "U.S. Treasury Secretary James Baker": the officer, not the office. Wire copy writes
                    // a firm's titles in lower case: "PCIAC chairman Peter M. Towe".
                    let mut t = nxt;
                    while t < b && t < nxt + 3 && (is_title(t) || d.ent(t).is_none() && g.title_word(d.low(t)).head) {
                        t += 1;
                    }
                    if t < b && t > nxt && d.ent_starting(t).is_some_and(|p| d.art.entities[p].label == Label::Person) {
                        k = t;
                        continue;
                    }
                }
                return k;
            }
            let low = d.low(k);
            // "Minister of Energy Hisham al-Khatib": a title's portfolio, when a person's name follows.
            if low == "of" && k > 0 && is_title(k - 1) {
                let mut t = k + 1;
                while t < stop && t < k + 4 && d.ent(t).is_none() && d.is_cap(t) {
                    t += 1;
                }
                if t > k + 1 && d.ent_starting(t).is_some_and(|p| d.art.entities[p].label == Label::Person) {
                    k = t;
                    continue;
                }
            }
            // "met with visiting Japanese Prime Minister X": the guest is the object.
            let guest = low == "visiting" && k + 1 < stop && (d.ent_starting(k + 1).is_some() || is_title(k + 1));
            if guest || is_determiner(low) || story::is_quote_mark(d.tok(k)) || is_title(k) || d.tok(k) == "<" {
                k += 1;
                continue;
            }
            // "at least 81 pct of", "newly-issued shares in", "the common stock of": words of amount and kind.
            if matches!(
                low,
                "least" | "about" | "some" | "nearly" | "approximately" | "newly-issued" | "common" | "outstanding"
            ) || low == "at" && k + 1 < stop && d.low(k + 1) == "least"
            {
                k += 1;
                continue;
            }
            // "a delegation from X", "the work of X", "65 pct of X", "a stake in X": the X the phrase is about.
            if k + 1 < stop
                && matches!(
                    low,
                    "delegation"
                        | "delegations"
                        | "officials"
                        | "ministers"
                        | "leaders"
                        | "representatives"
                        | "envoys"
                        | "work"
                        | "pct"
                        | "percent"
                        | "stake"
                        | "shares"
                        | "stock"
                        | "interest"
                        | "remarks"
                        | "criticism"
                        | "criticisms"
                        | "claims"
                        | "accusations"
                        | "policies"
                        | "proposals"
                        | "comments"
                        | "stance"
                        | "decision"
                        | "efforts"
                        | "role"
                )
                && (matches!(d.low(k + 1), "from" | "of")
                    // "welcomed the decision by India and Pakistan"
                    || d.low(k + 1) == "by" && matches!(low, "decision" | "proposals" | "remarks" | "comments")
                    // "a stake in X"; but "leaders in Baghdad" are not Baghdad.
                    || d.low(k + 1) == "in" && matches!(low, "pct" | "percent" | "stake" | "shares" | "stock" | "interest"))
            {
                k += 2;
                continue;
            }
            if d.ent_starting(k).is_none()
                && d.ent(k).is_some_and(|e| matches!(d.art.entities[e].label, Label::Percent | Label::Cardinal))
            {
                k += 1;
                continue;
            }
            return k;
        }
        k
    }

    /// Objects right after token `k`: a whole name (or a state's organ), and more joined by "and".
    pub(super) fn objects(&self, pred: Pred, k: usize, b: usize) -> (Vec<Actor>, usize) {
        let mut objs = Vec::new();
        let mut k = k;
        let d = self.doc;
        if self.object_at(pred, k, b).is_none() {
            // "called on the international community and the Arab League": past a first conjunct of
            // lower-case words to the name joined by "and".
            if let Some(and) = (k + 1..b.min(k + 5)).find(|&t| d.low(t) == "and") {
                if (k..and).all(|t| d.ent(t).is_none() && d.tok(t).chars().all(|c| c.is_lowercase() || c == '-')) {
                    k = and + 1;
                }
            }
        }
        while let Some((o, end)) = self.object_at(pred, k, b) {
            objs.push(o);
            k = end;
            if objs.len() < 4 && k < b && self.doc.low(k) == "and" && self.object_at(pred, k + 1, b).is_some() {
                k += 1;
                continue;
            }
            break;
        }
        (objs, k)
    }

    /// The object starting at token `k` (after skipping determiners and titles), and the token after it.
    pub(super) fn object_at(&self, pred: Pred, k: usize, b: usize) -> Option<(Actor, usize)> {
        let d = self.doc;
        if pred.object_ok(Label::Person) {
            if let Some(r) = self.role_at(k, b) {
                return Some(r);
            }
        }
        // "praised his handling of the economy", "attacked her plans": after a verb that judges, the person
        // whose stance or record it is (the pronoun's person: `object_pronoun`).
        if k + 1 < b
            && pred.owner_is_object()
            && matches!(d.low(k), "his" | "her")
            && (k + 1..b.min(k + 4)).take_while(|&t| self.plain_lower(t)).any(|t| is_stance_noun(d.low(t)))
        {
            return self.object_pronoun(k).map(|mut a| {
                a.owner = true;
                (a, k + 1)
            });
        }
        // "urged him to stay": the person the pronoun stands for. "her" before a name ("her Mercosur
        // counterparts") is a possessive, read on as a determiner; "her plans" is no object here.
        if k < b
            && pred.object_ok(Label::Person)
            && matches!(d.low(k), "him" | "her")
            && !(d.low(k) == "her" && k + 1 < b && (d.is_cap(k + 1) || d.ent(k + 1).is_some()))
        {
            if k + 1 < b && !may_follow_object(d, k + 1) {
                return None;
            }
            return self.object_pronoun(k).map(|a| (a, k + 1));
        }
        // "quit the party and accused it of ...": "it"/"them" after a verb that judges is the body named
        // last before it in the sentence.
        if k < b && pred.owner_is_object() && matches!(d.low(k), "it" | "them") {
            if k + 1 < b && !may_follow_object(d, k + 1) {
                return None;
            }
            return self.object_it(k).map(|a| (a, k + 1));
        }
        // "accused ministers of ...", "praised ministers for ...": the story's own government.
        // Only in British political copy: in wire copy from abroad "ministers" are as often a council's
        // ("warned ministers" in Brussels is the EC's farm ministers).
        let judges = self.roles().british && (pred.owner_is_object() || matches!(pred, Pred::Urge | Pred::Warn));
        if k + 1 < b && d.tok(k) == "ministers" && judges && !may_follow_object(d, k + 1) {
            return None;
        }
        if k < b && d.tok(k) == "ministers" && judges {
            return self.own_state(k, k).filter(|a| a.country == self.roles().government).map(|a| (a, k + 1));
        }
        // "criticised the government's plans", "attacked the prime minister's record": the role whose
        // stance it is, as for a name's ("criticised Blair's plans").
        if pred.owner_is_object() {
            if let Some(r) = self.role_owner_at(k, b) {
                return Some(r);
            }
            // "backed controversial Labour plans", "attacked the new government plans": past a lower-case
            // word or two to the name (or, in British copy, "government") whose plans they are.
            let mut t = if d.low(k) == "the" { k + 1 } else { k };
            let from = t;
            while t < b
                && t < from + 2
                && self.plain_lower(t)
                && !is_determiner(d.low(t))
                && !is_preposition(d.low(t))
                && !matches!(d.low(t), "and" | "or" | "but" | "that" | "government")
                && !is_stance_noun(d.low(t))
            {
                t += 1;
            }
            if t + 1 < b {
                if d.low(t) == "government" && is_stance_noun(d.low(t + 1)) && self.roles().british {
                    return self.own_state(t, t).map(|mut a| {
                        a.owner = true;
                        (a, t + 2)
                    });
                }
                if let Some(e) = d.ent_starting(t).filter(|_| t > from) {
                    // The stance noun written in lower case and heading its phrase ("Labour plans to ...",
                    // not "EU budget proposals", whose owner is named elsewhere).
                    let end = d.art.entities[e].token_end;
                    if end < b && is_stance_noun(d.tok(end)) && (end + 1 >= b || may_follow_object(d, end + 1)) {
                        return self.object_at(pred, t, b);
                    }
                }
            }
            // "criticised the plans of X", "welcomed the decision of the government": the owner.
            if k + 3 < b && d.low(k) == "the" && is_stance_noun(d.low(k + 1)) && d.low(k + 2) == "of" {
                return self.object_at(pred, k + 3, b).map(|(mut a, end)| {
                    a.owner = true;
                    (a, end)
                });
            }
        }
        // "told MPs", "urged campaigners": a role named without a name (generic.rs).
        if let Some(r) = self.generic_at(pred, k, b) {
            return Some(r);
        }
        let k = self.skip_to_name(k, b);
        if k >= b {
            return None;
        }
        let e = d.ent_starting(k)?;
        let ent = &d.art.entities[e];
        let end = ent.token_end;
        // "attacked the Tory plans", "criticised British policy": a judging verb is about the party or state
        // whose plans they are.
        // Only for words and plans ("the Tory idea", "a Conservative compromise offer"), not things ("the
        // Saudi supertanker"), and not "US-led" coalitions.
        let stance = |t: usize| t < b && is_stance_noun(d.low(t));
        if matches!(ent.label, Label::Norp | Label::Misc)
            && !self.is_group(e)
            && pred.owner_is_object()
            && end + 1 < b
            && d.tok(end).chars().all(|c| c.is_lowercase())
            && (stance(end) || stance(end + 1) && d.tok(end + 1).chars().all(|c| c.is_lowercase()))
            && !d.tok(end - 1).contains('-')
        {
            let mut a = if ent.country_code.is_some() {
                self.nation(e, end - 1)?
            } else {
                Actor {
                    name: self.name(e),
                    country: None,
                    first: k,
                    last: end - 1,
                    label: Label::Org,
                    owner: false,
                    gov: false,
                }
            };
            a.owner = true;
            return Some((a, end + 1));
        }
        if ent.label == Label::Norp && !self.is_group(e) {
            // "attacked Iraqi positions", "met Iraqi officials": the state.
            // "tariffs on Japanese goods": the state whose goods are hit.
            let goods = pred == Pred::Sanction
                && matches!(d.low(end), "goods" | "products" | "imports" | "exports" | "companies" | "firms");
            return (end < b
                && (is_actor_noun(d.low(end)) || goods || matches!(d.low(end), "positions" | "targets" | "bases")))
            .then(|| self.nation(e, end))
            .flatten()
            .map(|a| (a, end + 1));
        }
        // "<TSS-Seedman's INc>": a company suffix the tagger split off names nobody.
        if end == k + 1 && is_bare_legal_form(d.low(k)) {
            return None;
        }
        let label = match ent.label {
            Label::Loc if self.is_actor_entity(e) => Label::Gpe,
            // "the Arab League" read as a miscellaneous name is a body.
            Label::Misc if self.is_actor_entity(e) => Label::Org,
            l => l,
        };
        if !pred.object_ok(label) {
            // "against the Islamists", "on the Kurds": a group is the object of force.
            if !(self.is_group(e) && pred.object_ok(Label::Org)) {
                return None;
            }
            let name = self.name(e);
            return Some((
                Actor {
                    name,
                    country: ent.country_code,
                    first: k,
                    last: end - 1,
                    label: ent.label,
                    owner: false,
                    gov: false,
                },
                end,
            ));
        }
        if end + 1 < b && d.tok(end) == "<" {
            // "Texaco Inc <TX>": a ticker after the name.
            if let Some(close) = (end + 1..b.min(end + 5)).find(|&t| d.tok(t) == ">") {
                return Some((self.actor(e, end - 1), close + 1));
            }
        }
        if pred == Pred::Acquire && end < b && matches!(d.low(end), "shares" | "stock" | "common") {
            // "bought 65,000 Oglebay shares": the company whose shares are bought.
            return Some((self.actor(e, end - 1), end + 1));
        }
        if d.is_possessive(end) && pred == Pred::Visit && label == Label::Gpe {
            // "visited Kenya's biggest shantytown": a place in the state is a visit to it.
            return Some((self.actor(e, end - 1), end + 1));
        }
        if d.is_possessive(end) {
            // "met Putin's envoy": the owner is not the object, unless the verb judges ("criticised Blair's plan").
            return pred.owner_is_object().then(|| {
                let mut a = self.actor(e, end - 1);
                a.owner = true;
                (a, end + 1)
            });
        }
        if end < b && ent.label == Label::Gpe && is_actor_noun(d.low(end)) {
            return Some((self.actor(e, end), end + 1));
        }
        // "his EU counterparts", "Nato officials", "Labour MPs": the body's members stand for the body.
        if end < b && ent.label == Label::Org && is_actor_noun(d.low(end)) {
            return Some((self.actor(e, end), end + 1));
        }
        // "met his EU counterparts": a name modifying a noun is not the object; a verb may follow. A verb
        // that judges is about the owner: "attacked UK policy" is about the UK.
        if end < b && !may_follow_object(d, end) && !d.low(end).ends_with("ed") {
            if pred.owner_is_object() && d.tok(end).chars().all(|c| c.is_lowercase()) {
                let mut a = self.actor(e, end - 1);
                a.owner = true;
                return Some((a, end + 1));
            }
            return None;
        }
        Some((self.actor(e, end - 1), end))
    }

    /// "him"/"her" at token `t` as an object: the nearest person named before it in the sentence (not one
    /// an honorific gives the other sex, nor the verb's subject right before), else the one such person
    /// the previous sentence names. The caller
    /// drops an event whose two sides are the same person.
    pub(super) fn object_pronoun(&self, t: usize) -> Option<Actor> {
        let d = self.doc;
        let her = d.low(t) == "her";
        let fits = |e: usize| {
            let ent = &d.art.entities[e];
            if ent.label != Label::Person {
                return false;
            }
            let s = ent.token_start;
            let hon = if s > 0 { d.low(s - 1).trim_end_matches('.') } else { "" };
            let hon = if matches!(hon, "mr" | "ms" | "mrs" | "miss" | "sir" | "lord" | "lady" | "dame") {
                hon
            } else {
                d.low(s).trim_end_matches('.')
            };
            match hon {
                "mr" | "sir" | "lord" => !her,
                "ms" | "mrs" | "miss" | "lady" | "dame" => her,
                _ => true,
            }
        };
        let si = d.art.sentences.partition_point(|s| s.token_start <= t).checked_sub(1)?;
        let a = d.art.sentences[si].token_start;
        for k in (t.saturating_sub(30).max(a)..t).rev() {
            // A name a word or two before the pronoun is the verb's subject ("Silva praised her"), not it.
            if k + 3 >= t {
                continue;
            }
            if let Some(e) = d.ent_ending(k) {
                if !self.quoted[k] && fits(e) {
                    return Some(self.actor(e, k));
                }
            }
        }
        if si == 0 {
            return None;
        }
        let prev = d.art.sentences[si - 1];
        let mut found: Option<usize> = None;
        // Bounded: the previous sentence's first 60 tokens; one person named there (however often) is it.
        for k in prev.token_start..prev.token_end.min(d.len()).min(prev.token_start + 60) {
            if let Some(e) = d.ent_starting(k) {
                if fits(e) && !self.quoted[k] {
                    match found {
                        Some(f) if story::entity_name(self.doc.art, f) != story::entity_name(self.doc.art, e) => {
                            return None
                        }
                        Some(_) => {}
                        None => found = Some(e),
                    }
                }
            }
        }
        let e = found?;
        Some(self.actor(e, d.art.entities[e].token_end - 1))
    }

    /// "it"/"them" at token `t` as the object of a judging verb: the nearest organisation or state (or
    /// named group, for "them") before it in the sentence, not the verb's subject right before it.
    pub(super) fn object_it(&self, t: usize) -> Option<Actor> {
        let d = self.doc;
        let si = d.art.sentences.partition_point(|s| s.token_start <= t).checked_sub(1)?;
        let a = d.art.sentences[si].token_start;
        let them = d.low(t) == "them";
        for k in (t.saturating_sub(25).max(a)..t.saturating_sub(3)).rev() {
            let Some(e) = d.ent_ending(k) else { continue };
            let ent = &d.art.entities[e];
            // "said it", "the party's": a name the pronoun cannot stand for stops the look.
            if self.quoted[k] || ent.label == Label::Person {
                return None;
            }
            let ok = matches!(ent.label, Label::Org | Label::Gpe) || them && self.is_group(e);
            if ok && !d.is_possessive(k + 1) {
                return Some(self.actor(e, k));
            }
        }
        None
    }

    /// After the object of give/send: "a letter from X" -> ("letter from X", end), or "a letter" -> "letter".
    pub(super) fn thing_given(&self, k: usize, b: usize) -> (Option<String>, Option<Actor>) {
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
            let from = d.low(t) == "from";
            let n = self.skip_to_name(t + 1, b);
            if let Some(e) = d.ent_starting(n) {
                if matches!(d.art.entities[e].label, Label::Person | Label::Org | Label::Gpe)
                    && !d.is_possessive(d.art.entities[e].token_end)
                {
                    if from {
                        return (Some(format!("{noun} from {}", self.name(e))), None);
                    }
                    let end = d.art.entities[e].token_end;
                    return (Some(noun), Some(self.actor(e, end - 1)));
                }
            }
        }
        (Some(noun), None)
    }
}
