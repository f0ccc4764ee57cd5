//! Word classes the quote reader tests around a speaker and a cue: nouns for bodies and people,
//! pronouns, auxiliaries, adverbs and the words that open a clause or an adjunct. Words only.
use super::with_low;
use crate::reading::story;
use crate::types::*;

/// Nouns for a body or a document that speaks for one ("the company said", "the report said"): the
/// speaker is the organisation last named.
pub(super) fn is_body_noun(w: &str) -> bool {
    matches!(
        w,
        "company"
            | "firm"
            | "bank"
            | "ministry"
            | "department"
            | "agency"
            | "government"
            | "report"
            | "statement"
            | "campaign"
            | "committee"
            | "group"
            | "organization"
            | "organisation"
            | "union"
            | "council"
            | "board"
            | "court"
            | "office"
            | "prospectus"
            | "newspaper"
            | "paper"
            | "study"
            | "survey"
            | "poll"
            | "letter"
            | "memo"
            | "release"
            | "filing"
            | "website"
            | "network"
            | "party"
            | "administration"
            | "commission"
            | "foundation"
            | "institute"
            | "association"
            | "center"
            | "centre"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "embassy"
            | "army"
            | "military"
            | "police"
            | "corporation"
            | "lawsuit"
            | "complaint"
            | "analysis"
            | "editorial"
            | "article"
            | "story"
            | "ad"
            | "advertisement"
            | "memorandum"
    )
}

/// Nouns for people that speak without being named ("a source said", "officials said").
pub(super) fn is_person_noun(w: &str) -> bool {
    matches!(
        w,
        "source"
            | "sources"
            | "official"
            | "officials"
            | "aide"
            | "aides"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "adviser"
            | "advisers"
            | "advisor"
            | "advisors"
            | "analyst"
            | "analysts"
            | "expert"
            | "experts"
            | "critics"
            | "critic"
            | "supporters"
            | "supporter"
            | "people"
            | "observers"
            | "lawmakers"
            | "democrats"
            | "republicans"
            | "voters"
            | "leaders"
            | "leader"
            | "members"
            | "member"
            | "residents"
            | "statement"
            | "strategist"
            | "strategists"
            | "operative"
            | "president"
            | "senator"
            | "governor"
            | "candidate"
            | "nominee"
            | "secretary"
            | "minister"
            | "chairman"
            | "director"
            | "executive"
            | "lawyer"
            | "attorney"
            | "prosecutors"
            | "investigators"
            | "witnesses"
            | "reporters"
            | "others"
            | "many"
            | "some"
            | "both"
            | "most"
            | "several"
            | "one"
            | "another"
            | "man"
            | "woman"
            | "businessman"
            | "billionaire"
            | "pollster"
            | "pollsters"
            | "economist"
            | "economists"
            | "poll"
            | "polls"
            | "data"
            | "figures"
    )
}

/// Words that open an adjunct after a verb of speech ("said in a statement", "said on Monday").
pub(super) fn is_adjunct_word(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "with"
            | "at"
            | "by"
            | "during"
            | "after"
            | "before"
            | "from"
            | "via"
            | "last"
            | "this"
            | "earlier"
            | "later"
            | "yesterday"
            | "today"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "repeatedly"
            | "recently"
            | "privately"
            | "publicly"
    )
}

/// A mention with a capitalised word after its first ("the Florida senator", "Bond") or one capitalised
/// word that is no pronoun or determiner: words that name someone, not "Officials" or "He".
pub(super) fn names_something(m: &str) -> bool {
    let mut words = m.split_whitespace();
    let Some(first) = words.next() else { return false };
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if words.clone().next().is_none() {
        // One word: a name the recogniser missed ('"...," Bond said'), not a noun opening the sentence.
        return cap(first)
            && !is_pronoun(first)
            && !with_low(first, story::is_determiner)
            && !with_low(first, |w| w.ends_with('s'));
    }
    // "Obama's former strategist": an owner's name opens it.
    let owner = cap(first) && (first.ends_with("'s") || first.ends_with("’s"));
    owner || words.any(cap)
}

/// A pronoun standing for a speaker ("He", "they", "who").
pub(super) fn is_pronoun(m: &str) -> bool {
    with_low(m, |w| matches!(w, "he" | "she" | "it" | "they" | "we" | "i" | "you" | "who" | "which" | "that"))
}

/// A lower-case adverb in "-ly" ("effectively acknowledged").
pub(super) fn is_ly_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !matches!(w, "family" | "ally" | "rally" | "italy" | "july" | "supply")
}

pub(super) fn is_time(l: Label) -> bool {
    matches!(l, Label::Date | Label::Time)
}

/// Auxiliaries, modals and negation between a subject and its verb ("did not say", "would argue").
pub(super) fn is_aux_word(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "did"
            | "does"
            | "do"
            | "not"
            | "n't"
            | "n’t"
            | "sometimes"
            | "twice"
            | "once"
            | "ago"
            | "already"
            | "again"
            | "never"
            | "cannot"
            | "ca"
            | "wo"
            | "is"
            | "are"
            | "was"
            | "were"
            | "been"
            | "be"
            | "still"
            | "only"
            | "even"
            | "now"
            | "often"
            | "clearly"
            | "always"
            | "long"
            | "privately"
            | "flatly"
            | "quickly"
            | "strongly"
            | "largely"
            | "generally"
            | "frequently"
            | "increasingly"
            | "widely"
    )
}

/// Words that open or join clauses, and prepositions: no part of a plain subject.
pub(super) fn is_clause_word(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "or"
            | "but"
            | "nor"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "what"
            | "because"
            | "if"
            | "when"
            | "while"
            | "as"
            | "since"
            | "although"
            | "though"
            | "so"
            | "than"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "about"
            | "after"
            | "before"
            | "into"
            | "over"
            | "under"
            | "during"
            | "against"
            | "where"
            | "why"
            | "how"
            | "whether"
            | "it"
            | "there"
            | "here"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "him"
            | "them"
            | "us"
            | "me"
            | "said"
            | "says"
    )
}

/// "his", "her", "their": an owner who may hold a position ("his plan to").
pub(super) fn is_owner_pronoun(w: &str) -> bool {
    matches!(w, "his" | "her" | "their")
}

/// Nouns of a statement or a stance whose complement is what is said or held ("claim that", "promise
/// to", "calls for", "hopes of"), lower-case; not nouns of a thing discussed ("plan", "support",
/// "comments"), mostly the topic of someone else's statement.
pub(super) fn is_position_noun(w: &str) -> bool {
    // A hashed set behind the shape filter, not a `match`: this is asked of most words of every
    // sentence, and the match's jump on the word's length was mispredicted at nearly every one.
    static SET: std::sync::OnceLock<story::Lexicon<()>> = std::sync::OnceLock::new();
    SET.get_or_init(|| story::Lexicon::new(POSITION_NOUNS.iter().map(|w| (*w, ())))).get(w).is_some()
}

const POSITION_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "promise",
    "promises",
    "pledge",
    "vow",
    "warning",
    "warnings",
    "suggestion",
    "assertion",
    "insistence",
    "demand",
    "demands",
    "call",
    "calls",
    "hope",
    "hopes",
    "fear",
    "fears",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "threat",
    "threats",
    "argument",
    "belief",
    "denial",
    "admission",
    "prediction",
    "desire",
];

/// Common irregular past forms: the finite verb after a clause's subject ("Trump went after Bush").
pub(super) fn is_irregular_past(w: &str) -> bool {
    matches!(
        w,
        "went"
            | "made"
            | "took"
            | "gave"
            | "got"
            | "came"
            | "said"
            | "told"
            | "began"
            | "sent"
            | "won"
            | "ran"
            | "put"
            | "set"
            | "left"
            | "held"
            | "kept"
            | "brought"
            | "thought"
            | "saw"
            | "found"
            | "met"
            | "led"
            | "spoke"
            | "wrote"
            | "chose"
            | "stood"
            | "rose"
            | "fell"
            | "hit"
            | "sought"
            | "lost"
            | "paid"
            | "struck"
            | "fought"
            | "drew"
            | "threw"
            | "broke"
            | "became"
            | "laid"
            | "sat"
            | "cut"
            | "let"
            | "bought"
            | "heard"
            | "felt"
            | "knew"
            | "shot"
            | "swept"
            | "spent"
            | "read"
            | "pledged"
    )
}

/// Plural nouns for records and findings that show or suggest ("polls show", "the data suggest").
pub(super) fn is_record_noun(w: &str) -> bool {
    matches!(
        w,
        "polls"
            | "surveys"
            | "studies"
            | "reports"
            | "data"
            | "records"
            | "figures"
            | "numbers"
            | "results"
            | "documents"
            | "emails"
            | "estimates"
            | "findings"
            | "statistics"
    )
}
