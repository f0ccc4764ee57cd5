use super::*;

fn m<'a>(story: u32, text: &'a str, canonical: &'a str, label: &'a str) -> Mention<'a> {
    Mention { text, canonical, label, day: 6264, story, ..Mention::default() }
    // 1987-02-26
}

/// A mention written as its in-story name.
pub(super) fn n<'a>(story: u32, name: &'a str, label: &'a str) -> Mention<'a> {
    m(story, name, name, label)
}

/// The same name in each of `stories`.
fn many<'a>(stories: std::ops::Range<u32>, name: &'a str, label: &'a str) -> Vec<Mention<'a>> {
    stories.map(|s| n(s, name, label)).collect()
}

pub(super) fn ids(ms: &[Mention]) -> Vec<String> {
    let l = link(ms);
    l.entity.iter().map(|&e| l.ids[e as usize].clone()).collect()
}

#[test]
fn keys_drop_what_varies() {
    assert_eq!(key("Intel Corp.", "ORG"), "intel");
    // long names: linking words and plurals vary between spellings of one name
    assert_eq!(key("Bear Stearns and Co Inc", "ORG"), "bear stearn");
    assert_eq!(key("F.W. Woolworth Co", "ORG"), "woolworth");
    assert_eq!(key("U.S. Steel Corp", "ORG"), "us steel");
    assert_eq!(key("AT&T", "ORG"), "at t");
    assert_eq!(key("James A. Baker", "PERSON"), "james baker");
    assert_eq!(key("Mr Reagan", "PERSON"), "reagan");
    assert_eq!(key("Harris", "PERSON"), "harris");
    assert_eq!(key("the Bank of England", "ORG"), "bank england");
    assert_eq!(key("Trades Union Congress", "ORG"), key("Trade Unions Congress", "ORG"));
    assert_eq!(
        key("Association for Payment Clearing Services", "ORG"),
        key("Association of Payment and Clearing Services", "ORG")
    );
    assert_eq!(key("Japan Air Lines Co <JAPN.T>", "ORG"), key("Japan Air Lines", "ORG"));
    // British and American spellings of one body's name
    assert_eq!(key("Food and Fodder Organisation", "ORG"), key("Food and Fodder Organization", "ORG"));
    assert_eq!(key("Harbour Development Programme", "ORG"), "harbour development program");
    assert_eq!(key("Trade Centre", "ORG"), key("Trade Center", "ORG"));
    assert_ne!(key("Labour Party", "ORG"), key("Labor Party", "ORG"));
    assert_ne!(key("Bank of America", "ORG"), key("America Bank", "ORG"));
    assert_eq!(key_words("Miles Laboratories Inc", "ORG")[0], "miles");
    assert_eq!(key("Northern Dock Workers Union", "ORG"), key("Northern Dock Workers", "ORG"));
    assert_ne!(key("Dock Union", "ORG"), key("Dock", "ORG"));
    assert_ne!(key("Transport Workers Union", "ORG"), key("Transport Workers", "ORG") + " union");
    assert_eq!(title_word("finance director of ICI"), "director");
    assert_eq!(title_word("analyst with Shearson, New York"), "analyst");
    assert!(spells("fcoj", "frozen concentrated orange juice"));
    assert!(spells("boe", "bank of england"));
    assert!(!spells("casey", "william casey"));
    assert_eq!(year_of(6264), 1987);
    assert_eq!(year_of(0), 1970);
    assert_eq!(year_of(-1), 1969);
}

#[test]
fn case_suffix_and_surname_variants_join() {
    let ms = [
        m(0, "LONDON", "London", "GPE"),
        n(1, "London", "GPE"),
        n(2, "Intel Corp", "ORG"),
        m(3, "INTEL", "Intel", "ORG"),
        n(4, "Ronald Reagan", "PERSON"),
        n(5, "Reagan", "PERSON"),
        n(6, "Ronald Reagan", "PERSON"),
        // the bare surname's story shares a name with one of the full name's stories
        n(5, "Yasuhiro Nakasone", "PERSON"),
        n(6, "Yasuhiro Nakasone", "PERSON"),
    ];
    let l = link(&ms);
    let e = &l.entity;
    assert_eq!(e[0], e[1]);
    assert_eq!(e[2], e[3]);
    assert_eq!(e[4], e[5]);
    assert_eq!(l.names[e[0] as usize], "London");
    assert_eq!(l.names[e[5] as usize], "Ronald Reagan");
    assert_eq!(l.names[e[3] as usize], "Intel"); // a tie of counts: the alphabetically first
}

#[test]
fn a_bare_surname_needs_support_to_join_a_little_known_name() {
    // "Kessler" in a story about a company named after him, no first name given; a Kevin
    // Kessler is quoted in two unrelated stories.
    let mut ms = vec![
        n(0, "Kevin Kessler", "PERSON"),
        n(0, "Bank of Ireland", "ORG"),
        n(1, "Kevin Kessler", "PERSON"),
        n(2, "Kessler", "PERSON"),
        n(2, "Florida Citrus Mutual", "ORG"),
        // a story with the surname that does share a name with Kevin Kessler's
        n(3, "Kessler", "PERSON"),
        n(3, "Bank of Ireland", "ORG"),
    ];
    let e = link(&ms).entity;
    assert_ne!(e[3], e[0]);
    assert_eq!(e[5], e[0]);
    // a full name in many stories needs no support
    ms.extend(many(10..10 + PROMINENT as u32, "Kevin Kessler", "PERSON"));
    let e = link(&ms).entity;
    assert_eq!(e[3], e[0]);
}

#[test]
fn ambiguous_surnames_stay_apart() {
    let ms = [n(0, "Lyndon Johnson", "PERSON"), n(1, "Magic Johnson", "PERSON"), n(2, "Johnson", "PERSON")];
    let e = link(&ms).entity;
    assert_ne!(e[0], e[1]);
    assert_ne!(e[2], e[0]);
    assert_ne!(e[2], e[1]);
}

#[test]
fn titles_tell_namesakes_apart() {
    let mut ms = Vec::new();
    for s in 0..3 {
        ms.push(Mention { title: "Treasury Secretary", ..n(s, "James Baker", "PERSON") });
    }
    for s in 10..12 {
        ms.push(Mention { title: "chief of staff", ..n(s, "Howard Baker", "PERSON") });
    }
    ms.push(Mention { title: "White House chief of staff", ..n(13, "Baker", "PERSON") });
    ms.push(Mention { title: "Secretary", ..n(12, "Baker", "PERSON") });
    let e = link(&ms).entity;
    assert_eq!(e[5], e[3]);
    assert_eq!(e[6], e[0]);
}

#[test]
fn acronyms_and_story_evidence_join() {
    let ms = [
        n(0, "International Business Machines Corp", "ORG"),
        m(0, "IBM", "International Business Machines Corp", "ORG"),
        n(1, "IBM", "ORG"),
        n(2, "Intel Corp", "ORG"),
        m(2, "INTC", "Intel Corp", "ORG"),
        n(3, "INTC", "ORG"),
        // a ticker is not the name's initials: its story must share a name with Intel's
        n(2, "Santa Clara", "GPE"),
        n(3, "Santa Clara", "GPE"),
        // ... and without that, a ticker stays apart from what another story defines it as
        n(4, "Centraal Planbureau", "ORG"),
        m(4, "CPB", "Centraal Planbureau", "ORG"),
        n(5, "CPB", "ORG"),
        n(5, "Camden", "GPE"),
    ];
    let e = link(&ms).entity;
    assert_eq!(e[0], e[2]);
    assert_eq!(e[3], e[4]);
    assert_eq!(e[4], e[5]);
    assert_eq!(e[8], e[9]);
    assert_ne!(e[10], e[8]);
}

#[test]
fn historical_states_by_date() {
    let ussr = Mention { country_code: "RU", ..m(0, "the Soviet Union", "Russia", "GPE") };
    let russia = Mention { country_code: "RU", ..n(1, "Russia", "GPE") };
    let burma87 = Mention { country_code: "MM", ..m(2, "Burma", "Myanmar", "GPE") };
    let burma05 = Mention { country_code: "MM", day: 12_800, ..m(3, "Burma", "Myanmar", "GPE") };
    let l = link(&[ussr, russia, burma87, burma05]);
    let e = &l.entity;
    assert_ne!(e[0], e[1]);
    assert_eq!(l.names[e[0] as usize], "Soviet Union");
    assert_eq!(l.codes[e[0] as usize], "SU");
    assert_eq!(l.codes[e[2] as usize], "BU");
    assert_eq!(l.names[e[3] as usize], "Myanmar");
    assert_eq!(l.codes[e[3] as usize], ""); // not historical: the mentions keep their own code
}

#[test]
fn ids_do_not_depend_on_order_or_corpus() {
    let ms = [
        n(0, "Ronald Reagan", "PERSON"),
        n(1, "Reagan", "PERSON"),
        n(5, "Ronald Reagan", "PERSON"),
        n(2, "Tokyo", "GPE"),
        m(3, "TOKYO", "Tokyo", "GPE"),
    ];
    let a = ids(&ms);
    let mut rev = ms.to_vec();
    rev.reverse();
    let mut b = ids(&rev);
    b.reverse();
    assert_eq!(a, b);
    // A bigger corpus containing the same entities gives them the same ids.
    let mut more = ms.to_vec();
    more.push(n(4, "Paris", "GPE"));
    assert_eq!(ids(&more)[..5], a[..]);
    assert_eq!(a[0], entity_id("PERSON", "ronald reagan", ""));
}

#[test]
fn initials_join_the_full_name_with_that_initial() {
    let ms = [
        n(0, "Geordan Murphy", "PERSON"),
        n(1, "G Murphy", "PERSON"),
        n(2, "Alan Clements", "PERSON"),
        n(3, "A.W. Clements", "PERSON"),
        n(4, "Paul Day", "PERSON"),
        n(5, "Peter Day", "PERSON"),
        n(6, "P Day", "PERSON"),
    ];
    let e = link(&ms).entity;
    assert_eq!(e[0], e[1]);
    assert_eq!(e[2], e[3]);
    assert_ne!(e[6], e[4]); // two full names with that initial: stays apart
    assert_ne!(e[6], e[5]);
    assert_eq!(initialed("J.C. Walter"), Some(('j', "Walter")));
    assert_eq!(initialed("Walter"), None);
    assert_eq!(initialed("Jim Walter"), None);
}

#[test]
fn the_end_of_a_longer_name_and_an_acronym_of_another_label_join() {
    let ms = [
        n(0, "Denis Bra Kanon", "PERSON"),
        n(1, "Bra Kanon", "PERSON"),
        m(3, "NYFE", "New York Futures Exchange", "ORG"),
        n(4, "NYFE", "PERSON"),
        n(5, "Mary Johnson", "PERSON"),
    ];
    let e = link(&ms).entity;
    assert_eq!(e[1], e[0]);
    assert_eq!(e[3], e[2]);
    assert_ne!(e[4], e[0]);
}

#[test]
fn a_company_short_name_joins_its_usual_full_name() {
    let ms = [
        n(0, "Dow Chemical Co", "ORG"),
        n(1, "Dow Chemical", "ORG"),
        n(2, "Dow", "ORG"),
        // a company written with a legal suffix is its own name, not short for another
        n(3, "Texaco Inc", "ORG"),
        n(4, "Texaco Canada", "ORG"),
        n(5, "Texaco Canada", "ORG"),
        n(6, "Texaco", "ORG"),
    ];
    let e = link(&ms).entity;
    assert_eq!(e[2], e[0]);
    assert_eq!(e[6], e[3]);
    assert_ne!(e[6], e[4]);
}

#[test]
fn a_company_named_like_a_person_keeps_the_surname_apart() {
    let mut ms = many(0..2, "Brian Crowley", "PERSON");
    ms.extend(many(2..4, "Crowley Maritime Corp", "ORG"));
    ms.push(n(5, "Crowley", "PERSON"));
    // an administration named after its leader does not
    ms.extend(many(6..16, "Ronald Reagan", "PERSON"));
    ms.push(n(16, "Reagan Administration", "ORG"));
    ms.push(n(17, "Reagan", "PERSON"));
    let e = link(&ms).entity;
    assert_ne!(e[4], e[0]);
    assert_eq!(e[ms.len() - 1], e[5]);
}

#[test]
fn user_ids_win() {
    let a = Mention { kb_id: "Q37156", ..m(0, "Big Blue", "IBM", "ORG") };
    let b = Mention { kb_id: "Q37156", ..n(1, "IBM", "ORG") };
    let l = link(&[a, b]);
    assert_eq!(l.entity[0], l.entity[1]);
    assert_eq!(l.ids[l.entity[0] as usize], "Q37156");
}

#[test]
fn short_first_names_share_the_key_of_the_name() {
    assert_eq!(key("Ron Glantz", "PERSON"), key("Ronald Glantz", "PERSON"));
    assert_eq!(key("Rick May", "PERSON"), "richard may");
    // names of their own, or short for several, stay as written
    assert_eq!(key("Jack Lang", "PERSON"), "jack lang");
    assert_eq!(key("Chris Lang", "PERSON"), "chris lang");
    // a company is not a person
    assert_eq!(key("Tom Brown Inc", "ORG"), "tom brown");
    let ms = [n(0, "Ron Pelham", "PERSON"), n(1, "Ronald Pelham", "PERSON")];
    let got = ids(&ms);
    assert_eq!(got[0], got[1]);
}

#[test]
fn a_company_named_after_initials_keeps_them_from_a_person() {
    // "K.T. Marsh and Co" in three stories: "K.T. MARSH" is not "Kevin Thomas Marsh".
    let mut ms = many(0..3, "K.T. Marsh and Co", "ORG");
    ms.push(n(5, "Kevin Thomas Marsh", "PERSON"));
    ms.push(n(6, "Kevin Thomas Marsh", "PERSON"));
    ms.push(n(7, "K.T. Marsh", "PERSON"));
    let got = ids(&ms);
    assert_ne!(got[5], got[3]);
    // without the company, the initials join the person
    let got = ids(&ms[3..]);
    assert_eq!(got[2], got[0]);
}

#[test]
fn initials_in_a_headlines_capitals_need_the_storys_support() {
    let ms = [
        n(0, "Kevin Thomas Marsh", "PERSON"),
        m(1, "K.T. MARSH", "K.T. Marsh", "PERSON"),
        n(2, "K.T. Marsh", "PERSON"),
    ];
    let got = ids(&ms);
    assert_ne!(got[1], got[0]);
    assert_eq!(got[2], got[0]);
}

#[test]
fn units_of_a_company_count_for_it() {
    // "Okaro Motor Corp" in three stories and its units in four, "Okaro Shoji" in one: alone,
    // the parent is not five times as often in the news as the next name; with its units it is.
    let mut ms = many(0..3, "Okaro Motor Corp", "ORG");
    for s in 3..5 {
        ms.push(n(s, "Okaro Motor Credit Corp", "ORG"));
        ms.push(n(s + 2, "Okaro Motor Sales", "ORG"));
    }
    ms.push(n(10, "Okaro Shoji", "ORG"));
    ms.push(n(12, "Okaro", "ORG"));
    let got = ids(&ms);
    assert_eq!(got[ms.len() - 1], got[0]);
    assert_ne!(got[3], got[0]); // a unit keeps its own id
}

#[test]
fn a_companys_own_acronym_is_not_what_others_abbreviate_that_way() {
    let ms = [
        n(0, "MQA Inc", "ORG"),
        n(1, "MQA", "ORG"),
        m(2, "MQA", "Monetary Quota Amounts", "ORG"),
        m(3, "MQA", "Monetary Quota Amounts", "ORG"),
    ];
    let got = ids(&ms);
    assert_eq!(got[1], got[0]);
    assert_ne!(got[1], got[2]);
}

#[test]
fn a_company_known_by_its_short_name_is_not_its_units() {
    // "Kestrel" alone in four stories, "Kestrel Feed Co" (a unit) in one: the short name is the
    // company's own, not the unit's.
    let mut ms: Vec<Mention> = (0..4).map(|s| n(s, "Kestrel", "ORG")).collect();
    ms.push(n(4, "Kestrel Feed Co", "ORG"));
    let l = link(&ms);
    assert_eq!(l.entity[0], l.entity[3]);
    assert_ne!(l.entity[0], l.entity[4]);
    // As often in the news as the longer name, the short name still joins it.
    let ms = [n(0, "Kestrel", "ORG"), n(1, "Kestrel Feed Co", "ORG"), n(2, "Kestrel Feed Co", "ORG")];
    let l = link(&ms);
    assert_eq!(l.entity[0], l.entity[1]);
}

#[test]
fn a_piece_of_a_name_joins_the_name_of_its_story() {
    // "SUPER VANTA" cut into a person "VANTA" in one headline; a ticker "VANTA" of another company
    // taken for a person in another: one spelling, two companies.
    let ms = [
        n(0, "Super Vanta Stores Inc", "ORG"),
        m(0, "VANTA", "Vanta", "PERSON"),
        n(1, "VANTA", "PERSON"),
        // a place name that is the first word of its story's company
        n(2, "Upwold Minerals Corp", "ORG"),
        n(2, "Upwold", "LOC"),
        n(3, "UPWOLD", "LOC"),
        // a surname in its person's name and a company's: the corpus's to resolve
        n(4, "Alma Brenner", "PERSON"),
        n(4, "Brenner", "PERSON"),
        n(4, "Brenner Foods", "ORG"),
        n(5, "Brenner Foods", "ORG"),
        n(5, "Brenner", "PERSON"),
    ];
    let e = link(&ms).entity;
    assert_eq!(e[1], e[0]);
    assert_ne!(e[2], e[1]);
    assert_eq!(e[4], e[3]);
    assert_ne!(e[5], e[4]);
    assert_ne!(e[7], e[8]);
    assert_eq!(e[10], e[9]);
}

#[test]
fn a_ticker_joins_the_company_of_its_story() {
    let ms = [
        n(0, "CENTAX", "ORG"),
        n(0, "CTX", "ORG"),
        n(0, "Centax Corp", "ORG"),
        // another story defines the letters as another name
        n(1, "Computer Telex Xeno Corp", "ORG"),
        m(1, "CTX", "Computer Telex Xeno Corp", "ORG"),
        n(2, "CTX", "ORG"),
        // an acronym that is the first word of a longer name is not its ticker
        n(3, "MOBA", "ORG"),
        n(3, "Moba Awards", "ORG"),
        // nor is another ticker of the story
        n(4, "KW", "ORG"),
        n(4, "KOWG.F>", "ORG"),
    ];
    let e = link(&ms).entity;
    assert_eq!(e[1], e[2]);
    assert_ne!(e[1], e[3]);
    assert_eq!(e[5], e[3]);
    assert_ne!(e[6], e[7]);
    assert_ne!(e[8], e[9]);
    // a ticker with its exchange is no in-story name
    assert_eq!(keyed(&m(5, "KW", "KOWG.F>", "ORG")).key, "kw");
}

#[test]
fn generic_words_and_ambiguous_surnames_stay_in_their_story() {
    let mut ms = vec![n(0, "Kanto Motors Corp", "ORG"), n(0, "Motors", "ORG"), n(1, "Motors", "ORG")];
    ms.push(n(1, "Motors", "ORG"));
    // two Johnsons as often in the news: a bare "Johnson" is one of them, not every other one
    ms.extend(many(10..12, "Lyndon Johnson", "PERSON"));
    ms.extend(many(12..14, "Magic Johnson", "PERSON"));
    ms.push(n(20, "Johnson", "PERSON"));
    ms.push(n(21, "Johnson", "PERSON"));
    ms.push(n(21, "Johnson", "PERSON"));
    ms.push(n(21, "Dallas", "GPE"));
    let got = ids(&ms);
    let k = ms.len();
    assert_ne!(got[1], got[2]);
    assert_eq!(got[2], got[3]);
    assert_ne!(got[k - 4], got[k - 3]);
    assert_eq!(got[k - 3], got[k - 2]);
    assert_ne!(got[k - 4], got[4]);
    // ids kept to a story do not depend on the order of the table
    let mut rev = ms.clone();
    rev.reverse();
    let mut back = ids(&rev);
    back.reverse();
    assert_eq!(back, got);
    let l = link(&ms);
    assert_eq!(l.names[l.entity[k - 2] as usize], "Johnson");
}

#[test]
fn a_story_with_very_many_names_skips_the_look_in_its_own_story() {
    // the piece rule of `a_piece_of_a_name_joins_the_name_of_its_story`, in a story too long to scan
    let mut ms = vec![n(0, "Super Vanta Stores Inc", "ORG"), n(0, "VANTA", "PERSON")];
    let fillers: Vec<String> = (0..super::piece::MOST_NAMES_SCANNED).map(|i| format!("Filler Name{i}")).collect();
    ms.extend(fillers.iter().map(|f| n(0, f, "PERSON")));
    let e = link(&ms).entity;
    assert_ne!(e[1], e[0]);
    // and with one name fewer than the bound it still looks
    let e = link(&ms[..super::piece::MOST_NAMES_SCANNED]).entity;
    assert_eq!(e[1], e[0]);
}

#[test]
fn a_companys_word_between_two_companies_of_its_story_stays_there() {
    let mut ms = many(1..5, "Korvath Chemical Co", "ORG");
    ms.extend([
        // two companies of the story start with the word: which one it names is the story's
        n(0, "Korvath Chemical Co", "ORG"),
        n(0, "Korvath Finance Corp", "ORG"),
        n(0, "Korvath", "ORG"),
        // elsewhere the word is the usual company's
        n(5, "Korvath", "ORG"),
        // a unit of the company is no rival of it
        n(6, "Korvath Chemical Co", "ORG"),
        n(6, "Korvath Chemical Canada", "ORG"),
        n(6, "Korvath", "ORG"),
        // nor are units of a company written with a legal suffix under the word itself
        n(7, "Nyvex Corp", "ORG"),
        n(7, "Nyvex Leasing Co", "ORG"),
        n(7, "Nyvex Data Systems", "ORG"),
        n(7, "Nyvex", "ORG"),
    ]);
    let e = link(&ms).entity;
    let chem = e[0];
    assert_ne!(e[6], chem);
    assert_ne!(e[6], e[5]);
    assert_eq!(e[7], chem);
    assert_eq!(e[10], chem);
    assert_eq!(e[14], e[11]);
}

#[test]
fn a_surname_of_a_name_written_in_one_story_joins_with_its_storys_support() {
    let mut ms = vec![
        n(0, "Tarquin Mollowby", "PERSON"),
        n(0, "Fenwick Rovers", "ORG"),
        // the story shares a little-known name with the full name's
        n(1, "Mollowby", "PERSON"),
        n(1, "Fenwick Rovers", "ORG"),
        // this one does not
        n(2, "Mollowby", "PERSON"),
        n(2, "Brask Holdings", "ORG"),
    ];
    // other stories, so that the shared name is uncommon
    ms.extend(many(10..20, "Harlow", "GPE"));
    let e = link(&ms).entity;
    assert_eq!(e[2], e[0]);
    assert_ne!(e[4], e[0]);
}

#[test]
fn an_ambiguous_surname_joins_the_candidate_its_story_shares_names_with() {
    let mut ms = Vec::new();
    for s in 0..3 {
        ms.extend([
            n(s, "Ian Gorrow", "PERSON"),
            n(s, "Ceri Swale", "PERSON"),
            n(s, "Kev Morrand", "PERSON"),
            n(s, "Gethin Yapp", "PERSON"),
        ]);
    }
    // a namesake: three stories to one is no dominance
    ms.push(n(10, "Richard Gorrow", "PERSON"));
    ms.extend(many(11..20, "Harlow", "GPE"));
    let k = ms.len();
    // a team sheet naming three of Ian Gorrow's team-mates
    ms.extend([
        n(20, "Gorrow", "PERSON"),
        n(20, "Ceri Swale", "PERSON"),
        n(20, "Kev Morrand", "PERSON"),
        n(20, "Gethin Yapp", "PERSON"),
    ]);
    // two shared names are not enough
    ms.extend([n(21, "Gorrow", "PERSON"), n(21, "Ceri Swale", "PERSON"), n(21, "Kev Morrand", "PERSON")]);
    let got = ids(&ms);
    assert_eq!(got[k], got[0]);
    assert_ne!(got[k + 4], got[0]);
    assert_ne!(got[k + 4], got[12]);
    // the same in any order
    let mut rev = ms.clone();
    rev.reverse();
    let mut back = ids(&rev);
    back.reverse();
    assert_eq!(back, got);
}

#[test]
fn a_long_name_labelled_misc_or_a_place_joins_the_organisation() {
    let ms = [
        n(0, "Pell Hartig and Co", "ORG"),
        m(1, "PELL HARTIG", "Pell Hartig", "MISC"),
        n(2, "Ostrava Futures Exchange", "ORG"),
        n(3, "Ostrava Futures Exchange", "LOC"),
        // a place proper keeps its label
        n(4, "Kenton Vale", "GPE"),
        n(5, "Kenton Vale", "ORG"),
    ];
    let e = link(&ms).entity;
    assert_eq!(e[1], e[0]);
    assert_eq!(e[3], e[2]);
    assert_ne!(e[4], e[5]);
}

#[test]
fn an_acronym_defined_elsewhere_needs_a_name_in_common_with_the_long_forms_stories() {
    let ms = [
        n(10, "Harbour Safety Board", "ORG"),
        m(10, "HSB", "Harbour Safety Board", "ORG"),
        n(10, "Portsmouth", "GPE"),
        // a story that shares a name with the defining one: the board
        n(11, "HSB", "ORG"),
        n(11, "Portsmouth", "GPE"),
        // a story with nothing in common: another HSB (one acronym, different things)
        n(12, "HSB", "ORG"),
        n(12, "Osaka", "GPE"),
        n(12, "Kenji Tanaka", "PERSON"),
        // a story that names nothing else: nothing says otherwise
        n(13, "HSB", "ORG"),
    ];
    let e = link(&ms).entity;
    assert_eq!(e[0], e[1]);
    assert_eq!(e[3], e[0]);
    assert_ne!(e[5], e[0]);
    assert_eq!(e[8], e[0]);
}

#[test]
fn an_ambiguous_short_form_joins_the_one_candidate_its_story_names() {
    // two companies opening with "Brockwell" as often in the news: a bare "Brockwell" is ambiguous
    let mut ms = many(0..3, "Brockwell Industries Inc", "ORG");
    ms.extend(many(3..6, "Brockwell Savings Bank", "ORG"));
    let k = ms.len();
    // a story that names one of them and then writes the short name
    ms.extend([n(10, "Brockwell Industries Inc", "ORG"), n(10, "Brockwell", "ORG")]);
    // a story naming both: which one is for a reader to say
    ms.extend([
        n(11, "Brockwell Industries Inc", "ORG"),
        n(11, "Brockwell Savings Bank", "ORG"),
        n(11, "Brockwell", "ORG"),
    ]);
    // a story naming neither
    ms.extend([n(12, "Brockwell", "ORG"), n(12, "Fenmoor", "GPE")]);
    // the same for a surname of two people
    ms.extend(many(20..23, "Tobias Quellan", "PERSON"));
    ms.extend(many(23..26, "Maren Quellan", "PERSON"));
    let j = ms.len();
    ms.extend([n(30, "Maren Quellan", "PERSON"), m(30, "Quellan", "Quellan", "PERSON"), n(31, "Quellan", "PERSON")]);
    let got = ids(&ms);
    assert_eq!(got[k + 1], got[0]);
    assert_ne!(got[k + 4], got[0]);
    assert_ne!(got[k + 4], got[3]);
    assert_ne!(got[k + 5], got[0]);
    assert_ne!(got[k + 5], got[3]);
    assert_eq!(got[j + 1], got[j]);
    assert_eq!(got[j], got[j - 1]);
    assert_ne!(got[j + 2], got[j]);
    assert_ne!(got[j + 2], got[k + 7]);
    // a company's word beside a name that is no company's full name (a product, a unit) is not it
    let mut ms2 = many(0..3, "Brockwell Industries Inc", "ORG");
    ms2.extend(many(3..6, "Brockwell Savings Bank", "ORG"));
    ms2.extend(many(6..9, "Brockwell Glider", "ORG"));
    ms2.extend([n(10, "Brockwell Glider", "ORG"), n(10, "Brockwell", "ORG")]);
    let got2 = ids(&ms2);
    assert_ne!(got2[10], got2[9]);
    // the same in any order
    let mut rev = ms.clone();
    rev.reverse();
    let mut back = ids(&rev);
    back.reverse();
    assert_eq!(back, got);
}

#[test]
fn first_name_variants_of_one_person_join() {
    assert!(variants::first_name_variants("steve", "steven"));
    assert!(variants::first_name_variants("danial", "daniel"));
    assert!(variants::first_name_variants("jaimie", "jaime"));
    // two people: a woman's form, a changed first or last letter, a consonant, short names
    assert!(!variants::first_name_variants("paul", "paula"));
    assert!(!variants::first_name_variants("louis", "louise"));
    assert!(!variants::first_name_variants("maria", "mario"));
    assert!(!variants::first_name_variants("mark", "mary"));
    assert!(!variants::first_name_variants("karen", "caren"));
    assert!(!variants::first_name_variants("brandon", "branson"));
    assert!(!variants::first_name_variants("al", "alan"));
    let ms = [
        n(0, "Steve Quarrington", "PERSON"),
        n(1, "Steven Quarrington", "PERSON"),
        m(2, "Quarrington", "Steve Quarrington", "PERSON"),
        // named in one story: two people (a father and son)
        n(3, "Dominic Tellwright", "PERSON"),
        n(3, "Dominick Tellwright", "PERSON"),
        // a third full name with the surname: not settled by spelling alone
        n(4, "Danial Fosswick", "PERSON"),
        n(5, "Daniel Fosswick", "PERSON"),
        n(6, "Ruth Fosswick", "PERSON"),
    ];
    let l = link(&ms);
    let e = &l.entity;
    assert_eq!(e[0], e[1]);
    assert_eq!(e[2], e[1]);
    assert_eq!(l.names[e[0] as usize], "Steve Quarrington");
    assert_ne!(e[3], e[4]);
    assert_ne!(e[5], e[6]);
    // the id is the longer first name's in any corpus
    assert_eq!(l.ids[e[0] as usize], entity_id("PERSON", "steven quarrington", ""));
}

#[test]
fn a_companys_acronym_far_less_in_the_news_than_what_stories_define_it_as_is_that() {
    // one story's "EMQ Corp" against an acronym six stories define
    let mut ms = vec![n(0, "EMQ Corp", "ORG"), n(0, "EMQ", "ORG"), n(0, "Rotterdam", "GPE")];
    for s in 1..7 {
        ms.extend([m(s, "EMQ", "European Monetary Quorum", "ORG"), n(s, "Brussels", "GPE")]);
    }
    let k = ms.len();
    // a story that has something to do with the long form's (see the acronym-defined-elsewhere rule)
    ms.extend([n(10, "EMQ", "ORG"), n(10, "Brussels", "GPE")]);
    let got = ids(&ms);
    assert_eq!(got[k], got[3]);
    // in the company's own story the acronym is the company
    assert_eq!(got[1], got[0]);
    assert_ne!(got[1], got[3]);
}

#[test]
fn a_company_known_by_its_word_is_not_picked_for_shared_names_alone() {
    // a paper's one story with three names, and a namesake club of one story
    let mut ms = vec![
        n(0, "Harborough Echo", "ORG"),
        n(0, "Ulla Brandt", "PERSON"),
        n(0, "Kees Vorm", "PERSON"),
        n(0, "Tibor Lasz", "PERSON"),
        n(1, "Harborough Rovers", "ORG"),
    ];
    // a team known by the word in many stories
    ms.extend(many(10..20, "Harborough", "ORG"));
    let k = ms.len();
    // a match report naming the same three people: still the team, not the paper
    ms.extend([
        n(30, "Harborough", "ORG"),
        n(30, "Ulla Brandt", "PERSON"),
        n(30, "Kees Vorm", "PERSON"),
        n(30, "Tibor Lasz", "PERSON"),
    ]);
    let got = ids(&ms);
    assert_ne!(got[k], got[0]);
}

#[test]
fn ids_are_sixteen_hex_digits_as_the_formatter_writes_them() {
    for h in [0, 1, 0xf, 0xabc, 0x0123_4567_89ab_cdef, u64::MAX, 1 << 63] {
        assert_eq!(hex16(h), format!("{h:016x}"));
    }
}

#[test]
fn a_single_spaced_name_is_its_own_surface() {
    for name in
        ["Intel Corp", "", "A", " Intel", "Intel  Corp", "Intel\tCorp", "Intel\u{a0}Corp", "Zürich AG", "x\u{b}y"]
    {
        let joined = name.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(!single_spaced(name) || joined == name, "{name:?}");
    }
    assert!(single_spaced("Intel Corp") && !single_spaced("Intel  Corp") && !single_spaced(" Intel"));
}

#[test]
fn a_surname_joins_a_full_name_whose_shorter_form_competes() {
    // "Ala Mensah" is the end of "Pierre Ala Mensah" (the later paragraphs' form): its stories
    // count for the full name, and a bare "Mensah" joins it.
    let mut ms = many(0..10, "Pierre Ala Mensah", "PERSON");
    ms.extend(many(10..15, "Ala Mensah", "PERSON"));
    ms.push(n(20, "Mensah", "PERSON"));
    // a shorter name ending two longer ones is no one's in particular
    ms.extend(many(30..38, "Anna Lee Hart", "PERSON"));
    ms.extend(many(40..48, "Paul Lee Hart", "PERSON"));
    ms.extend(many(50..53, "Lee Hart", "PERSON"));
    ms.push(n(60, "Hart", "PERSON"));
    let e = link(&ms).entity;
    assert_eq!(e[10], e[0]);
    assert_eq!(e[15], e[0]);
    let hart = e[e.len() - 1];
    assert!(e[16..e.len() - 1].iter().all(|&x| x != hart));
}

#[test]
fn an_acronym_no_story_defines_joins_the_name_it_spells_with_support() {
    let mut ms = Vec::new();
    // the long name, with a coach named beside it
    for s in 0..3 {
        ms.push(n(s, "Northern Curling Union", "ORG"));
        ms.push(n(s, "Gregor Tansley", "PERSON"));
    }
    ms.push(n(0, "Ferne Lakes", "LOC"));
    // a story that writes only the acronym, and names the coach: the union
    ms.push(n(10, "NCU", "ORG"));
    ms.push(n(10, "Gregor Tansley", "PERSON"));
    ms.push(n(10, "Ferne Lakes", "LOC"));
    // a place in common is not enough
    ms.push(n(12, "NCU", "ORG"));
    ms.push(n(12, "Ferne Lakes", "LOC"));
    // the same letters in a story with nothing in common: not joined
    ms.push(n(11, "NCU", "ORG"));
    ms.push(n(11, "Marlow Foods Inc", "ORG"));
    // two long names with one set of initials, neither dominant: not joined
    for s in 20..23 {
        ms.push(n(s, "Eastern Ferry Lines", "ORG"));
        ms.push(n(s + 10, "Essex Fire League", "ORG"));
    }
    // (its story shares a name with one of them)
    ms.push(n(20, "Ivo Brandt", "PERSON"));
    ms.push(n(40, "EFL", "MISC"));
    ms.push(n(40, "Ivo Brandt", "PERSON"));
    // a company written with a legal suffix: its letters are as often a ticker
    for s in 50..53 {
        ms.push(n(s, "Harrow Valve Corp", "ORG"));
        ms.push(n(s, "Nadia Quell", "PERSON"));
    }
    ms.push(n(60, "HV", "ORG"));
    ms.push(n(60, "Nadia Quell", "PERSON"));
    let e = link(&ms).entity;
    let i = ms.len();
    assert_eq!(e[7], e[0]);
    assert_ne!(e[10], e[0]);
    assert_ne!(e[12], e[0]);
    assert!(e[i - 10] != e[14] && e[i - 10] != e[15]);
    assert_ne!(e[i - 2], e[i - 8]);
}

#[test]
fn a_slip_of_a_first_name_in_a_prominent_persons_story_joins() {
    // "Steve Marbeck" once, in one of the ten stories of "Steven Marbeck": a slip of that story
    let mut ms = many(0..10, "Steven Marbeck", "PERSON");
    ms.push(n(3, "Steve Marbeck", "PERSON"));
    // two stories each: two people, as before
    ms.extend(many(20..22, "Dominic Tellwright", "PERSON"));
    ms.push(n(20, "Dominick Tellwright", "PERSON"));
    let e = link(&ms).entity;
    assert_eq!(e[10], e[0]);
    assert_ne!(e[13], e[11]);
}
