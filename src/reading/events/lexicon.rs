//! The event lexicon: the CAMEO predicates with their codes, the trigger words (verbs, participles,
//! nouns) that name them, and the word classes the reader tests around a trigger (actor nouns,
//! prepositions, negation, reporting and plan words). Words only; reading a sentence is `super`'s.
use crate::reading::story::{self, Doc};
use crate::types::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Pred {
    Meet,
    Negotiate,
    Visit,
    Host,
    Give,
    Send,
    Sign,
    Agree,
    CallFor,
    Urge,
    Praise,
    Back,
    Elect,
    Accuse,
    Criticise,
    Reject,
    Apologise,
    Threaten,
    Sanction,
    Attack,
    Bomb,
    Arrest,
    Aid,
    Sue,
    Acquire,
    Sell,
    Merge,
    Protest,
    Tell,
    Launch,
    Fire,
    Attend,
    Demand,
    Cooperate,
    Expel,
    Fight,
    /// A warning to a named addressee: "X warned Y (that / against ...)", a pessimistic comment (012).
    Warn,
    /// A promise or offer to a named addressee: "X promised Y ...", "X offered Y help" (030).
    Promise,
    /// A public statement about a second actor (CAMEO 01, read from the attributions: statements.rs).
    Say,
}

impl Pred {
    pub(super) fn base(self) -> &'static str {
        match self {
            Pred::Meet => "meet",
            Pred::Negotiate => "negotiate",
            Pred::Visit => "visit",
            Pred::Host => "host",
            Pred::Give => "give",
            Pred::Send => "send",
            Pred::Sign => "sign",
            Pred::Agree => "agree",
            Pred::CallFor => "call for",
            Pred::Urge => "urge",
            Pred::Praise => "praise",
            Pred::Back => "back",
            Pred::Elect => "elect",
            Pred::Accuse => "accuse",
            Pred::Criticise => "criticise",
            Pred::Reject => "reject",
            Pred::Apologise => "apologise",
            Pred::Threaten => "threaten",
            Pred::Sanction => "sanction",
            Pred::Attack => "attack",
            Pred::Bomb => "bomb",
            Pred::Arrest => "arrest",
            Pred::Aid => "aid",
            Pred::Sue => "sue",
            Pred::Acquire => "acquire",
            Pred::Sell => "sell",
            Pred::Merge => "merge",
            Pred::Protest => "protest",
            Pred::Tell => "tell",
            Pred::Launch => "launch",
            Pred::Fire => "fire",
            Pred::Attend => "attend",
            Pred::Demand => "demand",
            Pred::Cooperate => "cooperate",
            Pred::Expel => "expel",
            Pred::Fight => "fight",
            Pred::Warn => "warn",
            Pred::Promise => "promise",
            Pred::Say => "say",
        }
    }

    /// The CAMEO code (three digits where CAMEO has a finer code for the reading, else the root + "0").
    pub(super) fn code(self) -> &'static str {
        match self {
            Pred::Meet | Pred::Attend => "040",
            Pred::Negotiate => "046",
            Pred::Visit => "042",
            Pred::Host => "043",
            Pred::Give | Pred::Send => "050",
            Pred::Sign | Pred::Agree => "057",
            Pred::CallFor | Pred::Urge => "020",
            Pred::Praise | Pred::Back | Pred::Elect => "051",
            Pred::Accuse => "112",
            Pred::Criticise => "111",
            Pred::Reject => "120",
            Pred::Apologise => "055",
            Pred::Threaten => "130",
            Pred::Sanction => "163",
            Pred::Attack | Pred::Fire => "190",
            Pred::Bomb => "195",
            Pred::Arrest => "173",
            Pred::Aid => "070",
            Pred::Sue => "115",
            Pred::Acquire | Pred::Sell | Pred::Merge => "061",
            Pred::Protest => "140",
            Pred::Tell | Pred::Say => "010",
            Pred::Launch => "150",
            Pred::Demand => "100",
            Pred::Cooperate => "061",
            Pred::Expel => "174",
            Pred::Fight => "190",
            Pred::Warn => "012",
            Pred::Promise => "030",
        }
    }

    /// Labels the object may carry.
    pub(super) fn object_ok(self, l: Label) -> bool {
        use Label::*;
        match self {
            Pred::Visit => matches!(l, Gpe | Loc | Fac | Org | Event | Person),
            Pred::Sign => matches!(l, Law | WorkOfArt | Person | Org | Gpe),
            Pred::CallFor => matches!(l, Law | Event),
            Pred::Launch | Pred::Fire => matches!(l, Product),
            Pred::Attend => matches!(l, Event | Fac),
            Pred::Attack | Pred::Bomb => matches!(l, Person | Org | Gpe | Loc | Fac),
            Pred::Acquire => matches!(l, Org),
            Pred::Sell => matches!(l, Org | Person | Gpe),
            Pred::Merge => matches!(l, Org),
            _ => matches!(l, Person | Org | Gpe),
        }
    }

    /// A name's possessive owner may stand for the object ("criticised Blair's plans" is about Blair).
    pub(super) fn owner_is_object(self) -> bool {
        matches!(self, Pred::Criticise | Pred::Praise | Pred::Reject | Pred::Accuse | Pred::Back | Pred::Demand)
    }

    /// Words that may stand between the verb and its object ("met with", "appealed to", "protested against").
    pub(super) fn verb_preposition(self, low: &str) -> bool {
        match self {
            Pred::Meet | Pred::Negotiate | Pred::Merge | Pred::Agree | Pred::Cooperate | Pred::Fight => low == "with",
            Pred::Criticise => low == "at",
            Pred::Urge => matches!(low, "to" | "on" | "with"),
            // "arrived in Beijing", "flew to Moscow" (travel verbs need it: `super::Reader::verb`).
            Pred::Visit => matches!(low, "in" | "to"),
            Pred::Protest => matches!(low, "against"),
            Pred::Tell | Pred::Apologise => low == "to",
            _ => false,
        }
    }
}

/// How a trigger word is read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Form {
    Verb,
    /// A present participle: "..., firing a missile".
    Participle,
    /// A noun: "talks", "visit", "sanctions".
    Noun,
    /// A verb's base form, read only after a modal, "to" or "do" (`after_modal`): "will back X", "to tell
    /// MPs"; elsewhere "back" and "welcome" are mostly other words.
    Base,
}

/// The trigger a lower-cased token is, if any; looked up by hash since every token of a sentence is tried.
#[inline]
pub(super) fn trigger(low: &str) -> Option<(Pred, Form)> {
    static MAP: std::sync::OnceLock<story::Lexicon<(Pred, Form)>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        story::Lexicon::new(TRIGGERS.iter().flat_map(|(ws, p, f)| ws.iter().map(move |w| (*w, (*p, *f)))))
    })
    .get(low)
}

/// Trigger words by predicate and form. Light verbs ("held talks") are read from the noun (`light_fits`).
pub(super) const TRIGGERS: &[(&[&str], Pred, Form)] = &[
    (
        &["met", "meets", "meet", "spoke", "speak", "talked", "consulted", "consults", "conferred"],
        Pred::Meet,
        Form::Verb,
    ),
    (&["meeting", "meetings", "summit"], Pred::Meet, Form::Noun),
    (&["negotiated", "negotiates", "negotiate"], Pred::Negotiate, Form::Verb),
    (&["negotiating"], Pred::Negotiate, Form::Participle),
    (&["talks", "negotiations"], Pred::Negotiate, Form::Noun),
    (&["visited", "visits", "visit"], Pred::Visit, Form::Verb),
    (&["visiting", "touring"], Pred::Visit, Form::Participle),
    // "Mr Brown's trip to Africa", "made a trip to Kenya": a visit, read from the noun only.
    (&["trip"], Pred::Visit, Form::Noun),
    // Travel read as a visit only with its preposition and a place after it ("arrived in Beijing", "flew to
    // Moscow"): see `super::Reader::verb`.
    (&["toured", "tours", "arrived", "arrives", "flew", "travelled", "traveled"], Pred::Visit, Form::Verb),
    (&["hosted", "hosts"], Pred::Host, Form::Verb),
    (&["gave", "gives", "handed", "hands", "presented", "delivered"], Pred::Give, Form::Verb),
    (&["sent", "sends"], Pred::Send, Form::Verb),
    (&["signed", "signs", "sign"], Pred::Sign, Form::Verb),
    (&["agreement", "accord", "treaty", "pact", "deal", "intent", "contract", "memorandum"], Pred::Agree, Form::Noun),
    (&["called", "calls"], Pred::CallFor, Form::Verb),
    (
        &["urged", "urges", "urge", "appealed", "appeals", "pressed", "asked", "asks", "implored", "pleaded", "begged"],
        Pred::Urge,
        Form::Verb,
    ),
    (&["urging"], Pred::Urge, Form::Participle),
    (&["appeal"], Pred::Urge, Form::Noun),
    (
        &["praised", "praises", "hailed", "hails", "congratulated", "thanked", "applauded", "commended", "lauded"],
        Pred::Praise,
        Form::Verb,
    ),
    (
        &[
            "backed",
            "backs",
            "endorsed",
            "endorses",
            "endorse",
            "defended",
            "defends",
            "supported",
            "welcomed",
            "welcomes",
        ],
        Pred::Back,
        Form::Verb,
    ),
    (&["elected", "re-elected"], Pred::Elect, Form::Verb),
    (&["accused", "accuses", "accuse", "blamed", "blames"], Pred::Accuse, Form::Verb),
    (&["accusing", "blaming"], Pred::Accuse, Form::Participle),
    (
        &[
            "criticized",
            "criticised",
            "criticizes",
            "criticises",
            "condemned",
            "condemns",
            "denounced",
            "denounces",
            "rebuked",
            "slammed",
            "slams",
            "lambasted",
            "branded",
            "attacked",
            "attacks",
            "attack",
            "criticise",
            "criticize",
            "condemn",
            "denounce",
            "blasted",
            "castigated",
            "censured",
            "chided",
            "lashed",
            "hit",
        ],
        Pred::Criticise,
        Form::Verb,
    ),
    (
        &[
            "ridiculed",
            "mocked",
            "derided",
            "berated",
            "assailed",
            "savaged",
            "chastised",
            "reprimanded",
            "scolded",
            "upbraided",
        ],
        Pred::Criticise,
        Form::Verb,
    ),
    (&["criticising", "criticizing", "condemning", "denouncing"], Pred::Criticise, Form::Participle),
    (&["praising", "congratulating", "thanking"], Pred::Praise, Form::Participle),
    (&["backing", "endorsing", "supporting"], Pred::Back, Form::Participle),
    (&["criticism", "criticisms", "condemnation"], Pred::Criticise, Form::Noun),
    (
        &["rejected", "rejects", "dismissed", "dismisses", "rebuffed", "spurned", "reject", "snubbed", "vetoed"],
        Pred::Reject,
        Form::Verb,
    ),
    (&["demanded", "demands", "demand"], Pred::Demand, Form::Verb),
    // The addressee right after the verb ("warned Tony Blair"); "warned that", "promised to" name none.
    (&["warned", "warns", "warn"], Pred::Warn, Form::Verb),
    // Not "offered": headlines drop the passive's "was" ("SAYS HE OFFERED SEC POST").
    (&["promised", "promises", "pledged", "assured", "assures"], Pred::Promise, Form::Verb),
    (
        &["cooperated", "cooperates", "cooperate", "co-operated", "co-operate", "collaborated", "collaborate"],
        Pred::Cooperate,
        Form::Verb,
    ),
    (&["cooperation", "co-operation", "collaboration"], Pred::Cooperate, Form::Noun),
    (&["expelled", "expels", "expel", "deported", "deports", "deport"], Pred::Expel, Form::Verb),
    (&["fought", "fights", "clashed", "battled"], Pred::Fight, Form::Verb),
    (&["clashes", "fighting"], Pred::Fight, Form::Noun),
    (&["support"], Pred::Back, Form::Noun),
    (&["praise"], Pred::Praise, Form::Noun),
    (&["protest", "protests"], Pred::Protest, Form::Noun),
    (&["apologised", "apologized"], Pred::Apologise, Form::Verb),
    (&["threatened", "threatens", "threaten"], Pred::Threaten, Form::Verb),
    (&["sanctioned", "sanction"], Pred::Sanction, Form::Verb),
    (&["sanctions", "embargo", "tariffs"], Pred::Sanction, Form::Noun),
    // A stake taken in a company ("raised its stake in X"): read only after a verb of buying (`super::Reader::stake`).
    (&["stake"], Pred::Acquire, Form::Noun),
    (&["loan", "loans", "credits"], Pred::Aid, Form::Noun),
    (
        &["invaded", "invades", "invade", "raided", "shelled", "stormed", "ambushed", "assaulted"],
        Pred::Attack,
        Form::Verb,
    ),
    (&["raid", "raids", "offensive", "invasion"], Pred::Attack, Form::Noun),
    (&["bombed", "bombs"], Pred::Bomb, Form::Verb),
    // A singular "strike" is a bombing only as "air strike", "missile strike" (`super::Reader::noun`).
    (&["strikes", "airstrikes", "airstrike", "strike", "bombing"], Pred::Bomb, Form::Noun),
    (&["arrested", "detained", "arrests", "arrest", "jailed", "imprisoned"], Pred::Arrest, Form::Verb),
    (&["aid", "assistance"], Pred::Aid, Form::Noun),
    (&["aided"], Pred::Aid, Form::Verb),
    (&["sued", "sues", "sue"], Pred::Sue, Form::Verb),
    (&["suing"], Pred::Sue, Form::Participle),
    (&["lawsuit", "suit"], Pred::Sue, Form::Noun),
    (&["acquired", "acquires", "acquire", "bought", "buys", "buy", "purchased"], Pred::Acquire, Form::Verb),
    (&["acquisition", "takeover", "purchase", "bid", "offer"], Pred::Acquire, Form::Noun),
    (&["merge", "merged", "merges"], Pred::Merge, Form::Verb),
    (&["sold", "sells", "sell"], Pred::Sell, Form::Verb),
    (&["merger"], Pred::Merge, Form::Noun),
    (&["protested", "demonstrated"], Pred::Protest, Form::Verb),
    (&["told", "tells", "wrote", "briefed", "briefs"], Pred::Tell, Form::Verb),
    (&["back", "defend"], Pred::Back, Form::Base),
    (&["tell"], Pred::Tell, Form::Base),
    (&["thank", "congratulate"], Pred::Praise, Form::Base),
    (&["blame"], Pred::Accuse, Form::Base),
    (&["launched", "launches"], Pred::Launch, Form::Verb),
    (&["launching"], Pred::Launch, Form::Participle),
    (&["fired", "fires"], Pred::Fire, Form::Verb),
    (&["firing"], Pred::Fire, Form::Participle),
    (&["attended", "attends"], Pred::Attend, Form::Verb),
    (&["attending"], Pred::Attend, Form::Participle),
];

/// The preposition that introduces the object of an event noun ("talks with", "visit to", "attack on").
pub(super) fn noun_preposition(p: Pred, low: &str) -> bool {
    match p {
        Pred::Meet | Pred::Negotiate | Pred::Agree | Pred::Merge => low == "with",
        Pred::Visit | Pred::Urge => low == "to",
        Pred::Aid => matches!(low, "to" | "for"),
        Pred::Attack | Pred::Bomb | Pred::Sanction => matches!(low, "on" | "against"),
        Pred::Criticise => low == "of",
        Pred::Back => matches!(low, "for" | "to"),
        Pred::Praise => matches!(low, "for" | "on"),
        Pred::Protest | Pred::Fight => matches!(low, "against" | "with"),
        Pred::Cooperate => low == "with",
        Pred::Acquire => matches!(low, "of" | "for"),
        Pred::Sue => low == "against",
        _ => false,
    }
}

/// Verbs of travel, read as a visit only with "to"/"in" and a place after them.
pub(super) fn is_travel(low: &str) -> bool {
    matches!(low, "arrived" | "arrives" | "flew" | "travelled" | "traveled")
}

/// Whether a light verb can carry the noun: "signed an agreement", not "signed talks".
pub(super) fn light_fits(light: &str, p: Pred) -> bool {
    match light {
        // "approved a 150 mln dlr loan for Indonesia", "granted credits to Poland".
        "approved" | "granted" | "grants" | "extended" | "extends" | "lent" | "arranged" if p == Pred::Aid => true,
        // "will start accession talks with Croatia", "entered into talks with X".
        // "began a visit to Kenya", "paid a visit to Paris".
        "began" | "begin" | "begins" | "started" | "starts" | "opened" | "ended" | "concluded" | "paid" | "pays"
        | "made" | "makes"
            if p == Pred::Visit =>
        {
            true
        }
        "start" | "starts" | "started" | "open" | "opens" | "entered" | "enter" | "joined" | "join" | "continued"
        | "continue"
            if matches!(p, Pred::Meet | Pred::Negotiate) =>
        {
            true
        }
        "held" | "holds" | "hold" | "holding" | "had" | "began" | "begin" | "opened" | "resumed" | "concluded"
        | "locked" => {
            matches!(p, Pred::Meet | Pred::Negotiate | Pred::Protest | Pred::Praise)
        }
        "reached" | "reach" | "struck" | "approved" | "signed" | "sign" | "signs" | "concluding" => {
            matches!(p, Pred::Agree | Pred::Merge)
        }
        "imposed" | "impose" | "imposes" => p == Pred::Sanction,
        "filed" | "file" => p == Pred::Sue,
        "completed" | "complete" | "proposed" => matches!(p, Pred::Acquire | Pred::Merge | Pred::Agree),
        // "announced its support for X", "reiterated their backing for X": a stance made known.
        "announced" => matches!(p, Pred::Acquire | Pred::Merge | Pred::Agree | Pred::Back),
        "reiterated" | "restated" => p == Pred::Back,
        "make" | "makes" | "raised" | "increased" | "submitted" | "sweetened" => p == Pred::Acquire,
        "agreed" => matches!(p, Pred::Merge | Pred::Acquire),
        "pledged" | "promised" | "offered" | "provided" | "pledges" | "promises" | "offers" | "provides" => {
            matches!(p, Pred::Aid | Pred::Back)
        }
        "gave" | "give" | "gives" | "giving" | "lent" | "threw" | "declared" => p == Pred::Back,
        "expressed" | "voiced" => matches!(p, Pred::Back | Pred::Criticise),
        "echoed" | "levelled" | "leveled" | "renewed" => p == Pred::Criticise,
        "heaped" => p == Pred::Praise,
        "made" => matches!(p, Pred::Attack | Pred::Bomb | Pred::Urge | Pred::Acquire),
        "carried" | "staged" | "launching" | "launched" | "launch" | "mounted" => {
            matches!(p, Pred::Attack | Pred::Bomb | Pred::Urge | Pred::Protest)
        }
        _ => false,
    }
}

/// Nouns that make a nationality or place an actor: "Iraqi forces", "the Seoul government".
pub(super) fn is_actor_noun(low: &str) -> bool {
    matches!(
        low,
        "government"
            | "governments"
            | "troops"
            | "forces"
            | "army"
            | "navy"
            | "military"
            | "police"
            | "officials"
            | "authorities"
            | "leaders"
            | "leadership"
            | "warplanes"
            | "jets"
            | "gunboats"
            | "soldiers"
            | "administration"
            | "regime"
            | "diplomats"
            | "negotiators"
            | "delegation"
            | "ministers"
            | "parliament"
            | "cabinet"
            | "counterparts"
            | "members"
            | "mps"
            | "meps"
            | "councillors"
            | "activists"
            | "supporters"
            | "backbenchers"
            | "lawmakers"
            | "legislators"
    )
}

/// The armed organs of a state: "Iraqi forces attacked" is force, "Australia attacked" may be words.
pub(super) fn is_force(low: &str) -> bool {
    matches!(
        low,
        "troops" | "forces" | "army" | "navy" | "military" | "warplanes" | "jets" | "gunboats" | "soldiers" | "police"
    )
}

/// Forms of "be" and "get": before a past participle they make a passive ("was given").
pub(super) fn is_be(low: &str) -> bool {
    matches!(low, "is" | "was" | "were" | "are" | "be" | "been" | "being" | "get" | "got" | "gets" | "'s")
}

pub(super) fn is_preposition(low: &str) -> bool {
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

/// Whether the word at `v` is a verb's base form after a modal, "to" or "do", past up to two adverbs
/// ("will back", "would not back", "is to tell", "did not publicly defend"), in lower case.
pub(super) fn after_modal(d: &Doc, v: usize, a: usize) -> bool {
    if v == a || !d.tok(v).chars().all(|c| c.is_lowercase()) {
        return false;
    }
    let mut t = v - 1;
    while t > a
        && v - t <= 2
        && matches!(d.low(t), "not" | "n't" | "never" | "also" | "still" | "publicly" | "strongly" | "fully" | "now")
    {
        t -= 1;
    }
    story::is_modal(d.low(t)) || matches!(d.low(t), "to" | "did" | "does" | "do")
}

/// Words between a subject and its verb that say the event is planned: "X agreed to buy", "X is to visit".
pub(super) fn is_plan_word(low: &str) -> bool {
    matches!(
        low,
        "agreed"
            | "agree"
            | "agrees"
            | "plans"
            | "plan"
            | "planned"
            | "planning"
            | "intends"
            | "intended"
            | "expected"
            | "expects"
            | "hopes"
            | "hoped"
            | "wants"
            | "wanted"
            | "prefer"
            | "prefers"
            | "preferred"
            | "decided"
            | "decides"
            | "set"
            | "due"
            | "scheduled"
            | "going"
            | "likely"
            | "ready"
            | "prepared"
            | "preparing"
            | "seeking"
            | "seeks"
            | "sought"
            | "tried"
            | "trying"
            | "offered"
            | "proposed"
            | "proposes"
            | "aims"
            | "promised"
            | "pledged"
            | "vowed"
            | "threatened"
            | "threatening"
            | "about"
            | "right"
            | "quick"
            | "keen"
            | "eager"
            | "willing"
            | "determined"
            | "able"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "to"
            | "will"
            | "'ll"
            | "shall"
    )
}

/// A word for a stance or a record of an actor's, whose owner a judging verb is about ("criticised the
/// Tory plans", "attacked the government's record", "welcomed the decision of X"), as PETRARCH codes it.
pub(super) fn is_stance_noun(low: &str) -> bool {
    matches!(
        low,
        "plan"
            | "plans"
            | "policy"
            | "policies"
            | "idea"
            | "ideas"
            | "proposal"
            | "proposals"
            | "offer"
            | "record"
            | "remarks"
            | "comments"
            | "claim"
            | "claims"
            | "stance"
            | "position"
            | "strategy"
            | "approach"
            | "demands"
            | "demand"
            | "bill"
            | "reforms"
            | "decision"
            | "handling"
            | "budget"
            | "call"
            | "theory"
    )
}

/// "a spokesman for X", "a spokeswoman for X": the one who speaks for X acts as X.
pub(super) fn speaks_for(noun: &str, prep: &str) -> bool {
    matches!(noun, "spokesman" | "spokeswoman" | "spokesperson" | "spokesmen" | "spokeswomen")
        && matches!(prep, "for" | "of")
}

/// The title of a body's officer who speaks or acts for it: "the Tory leader", "the union's spokesman".
pub(super) fn is_officer_word(low: &str) -> bool {
    matches!(low, "leader" | "spokesman" | "spokeswoman" | "spokesperson" | "chairman" | "chairwoman")
}

/// A body of British politics by its name, and whether the name is Britain's alone: a story with no
/// dateline that names one such (or two of the others: "Labour" and "Conservatives" are parties of
/// other states too) is about Britain, whose government "the government" and "ministers" are
/// (BBC politics copy names parties and Whitehall, seldom the state itself).
pub(super) fn british_body(name: &str) -> Option<bool> {
    let n = name.strip_prefix("the ").unwrap_or(name);
    Some(match n {
        "Tories"
        | "Tory"
        | "Lib Dems"
        | "Lib Dem"
        | "Liberal Democrats"
        | "House of Commons"
        | "Commons"
        | "Downing Street"
        | "Whitehall"
        | "Westminster"
        | "Plaid Cymru"
        | "UKIP"
        | "Scottish National Party"
        | "SNP"
        | "Home Office"
        | "Foreign Office" => true,
        "Labour" | "Labour Party" | "Conservatives" | "Conservative Party" | "Conservative" | "House of Lords"
        | "Treasury" | "Cabinet Office" => false,
        _ => return None,
    })
}

/// A state's organs that, named without a nationality, belong to the story's own state: "the police",
/// "the authorities".
pub(super) fn is_state_organ(low: &str) -> bool {
    matches!(low, "government" | "police" | "army" | "military" | "authorities" | "administration" | "cabinet")
}

/// Words that deny the event: "did not meet", "refused to sign", "failed to agree".
pub(super) fn is_negation(low: &str) -> bool {
    matches!(low, "not" | "n't" | "never" | "refused" | "declined" | "failed" | "unable" | "denied" | "cannot" | "no")
}

/// Words that make it a possibility only: "would meet", "could attack", "may sign".
pub(super) fn is_hypothetical(low: &str) -> bool {
    matches!(low, "would" | "could" | "can" | "may" | "might" | "should" | "must" | "ca" | "if" | "unless" | "whether")
}

/// Reporting words: the sentence tells what someone said.
pub(super) fn is_reporting(low: &str) -> bool {
    matches!(
        low,
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "according"
            | "reported"
            | "quoted"
            | "added"
            | "adds"
            | "stated"
            | "claimed"
            | "alleged"
            | "announced"
            | "confirmed"
    )
}

/// Papers and programmes `story::is_medium` does not know by a word: "told the Guardian".
pub(super) fn is_paper(name: &str) -> bool {
    // One pass over the name's words, each lower-cased on the stack and matched against the list:
    // this runs for every actor an event names.
    name.split(|c: char| !c.is_alphanumeric()).any(|x| {
        let b = x.as_bytes();
        if b.len() < 3 || b.len() > 11 {
            return false;
        }
        let mut low = [0u8; 11];
        for (d, c) in low.iter_mut().zip(b) {
            *d = c.to_ascii_lowercase();
        }
        matches!(
            &low[..b.len()],
            b"guardian"
                | b"observer"
                | b"independent"
                | b"mirror"
                | b"sun"
                | b"express"
                | b"mail"
                | b"economist"
                | b"spiegel"
                | b"monde"
                | b"frost"
                | b"newsnight"
                | b"today"
                | b"programme"
                | b"magazine"
                | b"itv"
                | b"itv1"
                | b"sky"
                | b"channel"
                | b"gmtv"
                | b"panorama"
        )
    })
}
