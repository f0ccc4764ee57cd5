//! Tests of quotes, speakers and reported speech, on sentences written for them.
use super::*;

thread_local! {
    /// Tokens tested for a reporting verb on this thread.
    pub(super) static VERB_TESTS: Cell<usize> = const { Cell::new(0) };
}

/// Tokens tested for a reporting verb while finding the quotes of `art`.
fn verb_tests(art: &mut Article) -> usize {
    VERB_TESTS.with(|c| c.set(0));
    extract(art);
    VERB_TESTS.with(Cell::get)
}

#[test]
fn work_per_quote_is_bounded_in_one_long_sentence() {
    // Thousands of quotes in one sentence with no verb (each would walk the sentence for one), and the
    // same with a verb at either end: each token is tested a bounded number of times.
    for n in [500, 4000] {
        for (head, tail) in [("", ""), ("Park said ", ""), ("", " Park said")] {
            let text = format!("{head}{}{tail}", "Xx \"".repeat(n));
            let mut art = story(&text, &[("Park", Label::Person)]);
            let tests = verb_tests(&mut art);
            assert!(!art.quotes.is_empty());
            assert!(tests <= 3 * art.tokens.len(), "{tests} verb tests for {} tokens", art.tokens.len());
        }
    }
}

/// A story run through structure and tokens, with every whole-token occurrence of each mention as an
/// entity.
fn story(text: &str, mentions: &[(&str, Label)]) -> Article {
    let stages = crate::Stages { entities: false, reading: false };
    let mut art = crate::analyze(text, &ParseOptions::default(), stages).unwrap();
    for &(m, label) in mentions {
        for (start, _) in text.match_indices(m) {
            let end = start + m.len();
            let a = art.tokens.partition_point(|t| t.span.start < start);
            let b = art.tokens.partition_point(|t| t.span.end <= end);
            if a < b && art.tokens[a].span.start == start && art.tokens[b - 1].span.end == end {
                let si = story::sentence_of_token(&art, a).unwrap();
                art.entities.push(Entity::new(Span::new(start, end), label, si, a, b));
            }
        }
    }
    art.entities.sort_by_key(|e| (e.span.start, e.span.end));
    art
}

#[test]
fn it_said_looks_back_through_a_long_chain() {
    // Each "It said" sentence cites what the one before it cites, back to Yonhap; the quotes between
    // are settled by their own sentences, so the last one asks for the whole chain at once (deeper
    // than MEDIA_DEPTH for the longer story).
    for n in [5, 200] {
        let mut text = String::from("Yonhap said talks would resume.\n\n");
        for i in 0..n {
            text.push_str(&format!("It said talks number {i} went well. \"Fine,\" Park said. "));
        }
        text.push_str("It said \"the end is near\".\n");
        let mut art = story(&text, &[("Yonhap", Label::Org), ("Park", Label::Person)]);
        extract(&mut art);
        assert_eq!(art.quotes.len(), n + 1);
        assert!(art.quotes[..n].iter().all(|q| q.speaker.as_deref() == Some("Park")));
        let last = art.quotes.last().unwrap();
        assert_eq!(art.slice(last.span), "the end is near");
        assert_eq!((last.speaker.as_deref(), last.source.as_deref()), (None, Some("Yonhap")), "n = {n}");
    }
}

#[test]
fn marks_of_every_style_pair() {
    let text = "\"Straight,\" Park said. “Curly,” Park said. ``Treebank,'' Park said. 'Single,' Park said.";
    let mut art = story(text, &[("Park", Label::Person)]);
    extract(&mut art);
    let quoted: Vec<&str> = art.quotes.iter().map(|q| art.slice(q.span)).collect();
    assert_eq!(quoted, ["Straight", "Curly", "Treebank"]);
    assert!(art.quotes.iter().all(|q| q.speaker.as_deref() == Some("Park") && q.verb.as_deref() == Some("said")));
}

#[test]
fn the_person_of_a_place_is_the_speaker() {
    let text = "Sen. Laura Whitcomb of Utah called the money \"necessary but long overdue.\" \
                Park of the Foreign Ministry said \"no.\" The governor of Utah said \"yes.\"";
    let mut art = story(
        text,
        &[
            ("Laura Whitcomb", Label::Person),
            ("Utah", Label::Gpe),
            ("Park", Label::Person),
            ("Foreign Ministry", Label::Org),
        ],
    );
    extract(&mut art);
    let speakers: Vec<Option<&str>> = art.quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(speakers, [Some("Laura Whitcomb"), Some("Park"), Some("Utah")], "{:?}", art.quotes);
}

#[test]
fn no_marks_no_quotes() {
    let mut art = story("Park said talks would resume – and so they did’.", &[("Park", Label::Person)]);
    art.quotes.push(Quote {
        span: Span::new(0, 4),
        speaker: None,
        source: None,
        verb: None,
        sentence: 0,
        speaker_span: None,
        cue: None,
    });
    extract(&mut art);
    assert!(art.quotes.is_empty(), "earlier quotes are cleared");
}

fn run(text: &str, mentions: &[(&str, Label)]) -> Article {
    let mut art = story(text, mentions);
    extract(&mut art);
    art
}

/// (quoted words, speaker, speaker mention, cue) of each quote.
type QuoteRow<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);

fn quotes_of(art: &Article) -> Vec<QuoteRow<'_>> {
    art.quotes
        .iter()
        .map(|q| {
            let sp = q.speaker.as_deref().or(q.source.as_deref());
            (art.slice(q.span), sp, q.speaker_span.map(|s| art.slice(s)), q.cue.map(|s| art.slice(s)))
        })
        .collect()
}

#[test]
fn bodies_speak_through_it_and_the_company() {
    let art = run(
        "ANZ Bank raised its rates on Monday.\n\n\"We see growth,\" it said.\n\nThe company said profits rose.",
        &[("ANZ Bank", Label::Org)],
    );
    assert_eq!(quotes_of(&art), [("We see growth", Some("ANZ Bank"), Some("it"), Some("said"))]);
    let reported: Vec<_> = art.attributions.iter().filter(|a| !a.direct).collect();
    assert_eq!(reported.len(), 1, "{:?}", art.attributions);
    assert_eq!(reported[0].speaker.as_deref(), Some("ANZ Bank"));
    assert_eq!(art.slice(reported[0].speaker_span.unwrap()), "The company");
    assert_eq!(art.slice(reported[0].span), "profits rose");
}

#[test]
fn the_person_after_a_bodys_title_any_verb_and_colons() {
    let text = "\"No,\" said RNC spokesman Sean Spicer.\n\n\"Yes,\" Sanders continued.\n\n\
                Clinton: \"We will win.\"";
    let art = run(
        text,
        &[("RNC", Label::Org), ("Sean Spicer", Label::Person), ("Sanders", Label::Person), ("Clinton", Label::Person)],
    );
    let got = quotes_of(&art);
    assert_eq!(got[0], ("No", Some("Sean Spicer"), Some("Sean Spicer"), Some("said")));
    assert_eq!(got[1], ("Yes", Some("Sanders"), Some("Sanders"), Some("continued")));
    assert_eq!((got[2].0, got[2].1), ("We will win.", Some("Clinton")));
}

#[test]
fn a_quote_paragraph_continues_the_speakers() {
    let text = "Park Jin spoke in Seoul.\n\n\"It is good,\" Park Jin said.\n\n\"It will grow.\"";
    let art = run(text, &[("Park Jin", Label::Person)]);
    let got = quotes_of(&art);
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].1, Some("Park Jin"), "{got:?}");
}

#[test]
fn scare_quotes_titles_and_markup_are_no_quotes() {
    let text = "The \"establishment\" candidate won.\n\nHe spoke on CNN's \"New Day.\"\n\n\
                <tweet author=\"AP\">Hi</tweet>\n\n``It is over,'' Park said.";
    let art = run(text, &[("Park", Label::Person)]);
    assert_eq!(quotes_of(&art), [("It is over", Some("Park"), Some("Park"), Some("said"))]);
}

#[test]
fn reported_speech_of_every_shape() {
    for (text, content, cue) in [
        ("Park said the talks had failed.", "the talks had failed", "said"),
        ("Park said that the talks had failed.", "the talks had failed", "said"),
        ("The talks had failed, Park said.", "The talks had failed", "said"),
        ("The talks had failed, said Park.", "The talks had failed", "said"),
        ("Park told reporters that the talks had failed.", "the talks had failed", "told"),
        ("Park denied the talks had failed.", "the talks had failed", "denied"),
        ("According to Park, the talks had failed.", "the talks had failed", "According to"),
        ("The talks had failed, according to Park.", "The talks had failed", "according to"),
    ] {
        let art = run(text, &[("Park", Label::Person)]);
        let a = art.attributions.iter().find(|a| !a.direct);
        let a = a.unwrap_or_else(|| panic!("nothing reported in {text:?}"));
        assert_eq!(art.slice(a.span).trim_end_matches(','), content, "{text}");
        assert_eq!(a.cue.map(|c| art.slice(c)), Some(cue), "{text}");
        assert_eq!(a.speaker.as_deref(), Some("Park"), "{text}");
        assert_eq!(a.speaker_span.map(|s| art.slice(s)), Some("Park"), "{text}");
    }
    // A pronoun is what the text says; the speaker is the person it stands for.
    let art = run("Park Jin arrived.\n\nHe said the talks had failed.", &[("Park Jin", Label::Person)]);
    let a = art.attributions.iter().find(|a| !a.direct).unwrap();
    assert_eq!((a.speaker.as_deref(), art.slice(a.speaker_span.unwrap())), (Some("Park Jin"), "He"));
}

/// (speaker mention, cue, content) of each reported attribution (not direct).
fn reported_of(art: &Article) -> Vec<(Option<&str>, Option<&str>, &str)> {
    art.attributions
        .iter()
        .filter(|a| !a.direct)
        .map(|a| (a.speaker_span.map(|s| art.slice(s)), a.cue.map(|c| art.slice(c)), art.slice(a.span)))
        .collect()
}

#[test]
fn unnamed_speakers_thought_and_showing() {
    for (text, mention, cue, content) in [
        ("Most voters said the economy was weak.", "Most voters", "said", "the economy was weak"),
        ("Forty percent said they would stay home.", "Forty percent", "said", "they would stay home"),
        ("Park Jin believes the deal is dead.", "Park Jin", "believes", "the deal is dead"),
        ("The new survey found that turnout fell.", "The new survey", "found", "turnout fell"),
        ("Park Jin did not say whether he would run.", "Park Jin", "say", "whether he would run"),
        ("Park Jin on Tuesday said the talks had failed.", "Park Jin", "said", "the talks had failed"),
        ("Park Jin said in a statement that the talks had failed.", "Park Jin", "said", "the talks had failed"),
        ("Park Jin quietly acknowledged the plan was late.", "Park Jin", "acknowledged", "the plan was late"),
        ("The talks had failed, said a senior aide.", "a senior aide", "said", "The talks had failed"),
    ] {
        let art = run(text, &[("Park Jin", Label::Person), ("Tuesday", Label::Date)]);
        assert_eq!(reported_of(&art), [(Some(mention), Some(cue), content)], "{text}");
    }
    // "who" is what the text says of voters; the speaker is the words themselves.
    let art = run("Voters who said they were angry stayed home.", &[]);
    assert_eq!(reported_of(&art), [(Some("who"), Some("said"), "they were angry stayed home")]);
}

#[test]
fn what_is_no_reported_speech() {
    for text in [
        // First persons outside quotes: quotations the marks missed.
        "I think the deal is dead.",
        // An infinitive.
        "Park Jin refused to say whether he would run again.",
    ] {
        let art = run(text, &[("Park Jin", Label::Person)]);
        let got = reported_of(&art);
        assert!(got.iter().all(|a| a.1 == Some("refused")), "{text}: {got:?}");
    }
    // A participle's subject is the clause's, never whom it tells or what stands before it.
    let art = run("She issued a statement describing the meeting as positive.", &[]);
    assert_eq!(reported_of(&art), [(Some("She"), Some("describing"), "the meeting as positive")]);
    let art = run("Park Jin arrived, telling reporters the talks had failed.", &[("Park Jin", Label::Person)]);
    let a = art.attributions.iter().find(|a| !a.direct).expect("reported");
    assert_eq!((a.speaker.as_deref(), art.slice(a.span)), (Some("Park Jin"), "the talks had failed"));
    // A quote without a speaker found stays a quote, and is no attribution.
    let art = run("The sign read: \"We are open all night long.\"", &[]);
    assert_eq!(art.quotes.len(), 1);
    assert!(art.attributions.is_empty(), "{:?}", art.attributions);
    // A verb a quote took may report a clause before the quote.
    let art =
        run("Park Jin said it was good to be home, and a man yelled \"Stay there!\"", &[("Park Jin", Label::Person)]);
    assert!(reported_of(&art).iter().any(|a| a.0 == Some("Park Jin") && a.2.starts_with("it was good to be home")));
}

/// (text, entities, speaker of each quote).
type SpeakerCase<'a> = (&'a str, &'a [(&'a str, Label)], &'a [Option<&'a str>]);

#[test]
fn speakers_across_sentence_breaks_descriptions_and_missed_names() {
    let cases: [SpeakerCase; 6] = [
        // The sentence ended at the quote's "!", and the next one opens with the speaker and verb.
        (
            "\"Pat is the greatest!\" Kim Jin wrote in an email. \"Thanks.\"",
            &[("Kim Jin", Label::Person)],
            &[Some("Kim Jin"), Some("Kim Jin")],
        ),
        // A quote opening its sentence after the speaker's sentence in the same paragraph.
        (
            "Talks went on.\n\nKim Jin said the bill was dead. \"We do not debate notions.\"",
            &[("Kim Jin", Label::Person)],
            &[Some("Kim Jin")],
        ),
        // A description no name stands for.
        (
            "\"It is over,\" the Florida senator told reporters.",
            &[("Florida", Label::Gpe)],
            &[Some("the Florida senator")],
        ),
        // The person after a show's name and a title.
        (
            "\"Imagine that,\" mused Blaze co-host Stu Kim.",
            &[("Blaze", Label::Misc), ("Stu Kim", Label::Person)],
            &[Some("Stu Kim")],
        ),
        // A name the recogniser missed, right after the quote; a pronoun stays unnamed.
        ("\"Own your magic,\" Bond said. \"Go,\" he added.\n\nThe end.", &[], &[Some("Bond"), None]),
        // A quote paragraph after "...:".
        (
            "Talks went on.\n\nKim Jin released a statement:\n\n\"We mourn the loss of a friend.\"",
            &[("Kim Jin", Label::Person)],
            &[Some("Kim Jin")],
        ),
    ];
    for (text, mentions, speakers) in cases {
        let art = run(text, mentions);
        let got: Vec<Option<&str>> = art.quotes.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(got, speakers, "{text}");
    }
}

#[test]
fn speakers_after_places_statements_and_dash_lines() {
    let cases: [SpeakerCase; 4] = [
        // The person after a place's title.
        (
            "Talks went on.\n\n\"Go home,\" said White House spokesman Lee Min.",
            &[("White House", Label::Loc), ("Lee Min", Label::Person)],
            &[Some("Lee Min")],
        ),
        // A noun of speech before the comma.
        (
            "Talks went on.\n\nLee Min issued a statement, \"We mourn the loss of a friend.\"",
            &[("Lee Min", Label::Person)],
            &[Some("Lee Min")],
        ),
        // A dash line after the quote's paragraph.
        (
            "Talks went on.\n\n\"Taxes are too high for everyone in the country.\"\n\n- Lee Min.\n\nMore.",
            &[("Lee Min", Label::Person)],
            &[Some("Lee Min")],
        ),
        // "pointed out" before the quote.
        (
            "Talks went on.\n\nAs Lee Min pointed out, \"The deal is not done yet.\"",
            &[("Lee Min", Label::Person)],
            &[Some("Lee Min")],
        ),
    ];
    for (text, mentions, speakers) in cases {
        let art = run(text, mentions);
        let got: Vec<Option<&str>> = art.quotes.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(got, speakers, "{text}");
    }
}

#[test]
fn subjects_before_commas_openings_and_adjuncts() {
    for (text, mention, content) in [
        ("Another delegate, Park Jin, said he was leaning left.", "Park Jin", "he was leaning left"),
        ("About two-thirds, 67 percent, say they will vote.", "67 percent", "they will vote"),
        ("The businessman began by talking, saying that costs were high.", "The businessman", "costs were high"),
        ("The group said in a statement Thursday night they pulled the ad.", "The group", "they pulled the ad"),
    ] {
        let art = run(text, &[("Park Jin", Label::Person)]);
        let got = reported_of(&art);
        assert!(got.iter().any(|a| a.0 == Some(mention) && a.2 == content), "{text}: {got:?}");
    }
    for text in [
        // Naming, and an adjective: no speech.
        "They hired a firm called Cambridge Analytics.",
        "The alleged criminals are voters.",
        // An adjunct alone says nothing.
        "The group said on Monday.",
    ] {
        let art = run(text, &[]);
        assert!(reported_of(&art).is_empty(), "{text}: {:?}", reported_of(&art));
    }
}

#[test]
fn speakers_after_titles_appositions_owners_and_dash_credits() {
    let cases: [SpeakerCase; 9] = [
        // Inverted: the last person named before the phrase ends, over titles no list holds.
        (
            "Talks went on.\n\n\"Prices will fall,\" said Dover-based grain analyst Mira Castell, citing the harvest.",
            &[("Dover-based", Label::Misc), ("Mira Castell", Label::Person)],
            &[Some("Mira Castell")],
        ),
        // A capitalised function word opens the name.
        (
            "Talks went on.\n\n\"It was close,\" said Will Jansen, a teacher in the town.",
            &[("Will Jansen", Label::Person)],
            &[Some("Will Jansen")],
        ),
        // A name the recogniser missed, after an inverted verb.
        ("Talks went on.\n\n\"We stay,\" said Dara Quillon, a farmer from the valley.", &[], &[Some("Dara Quillon")]),
        // A long appositive between the name and the verb.
        (
            "Talks went on.\n\n\"Rates are high,\" Tom Reyes, director of the Center for Fiscal Study at the state university, said on Monday.",
            &[("Tom Reyes", Label::Person), ("Center for Fiscal Study", Label::Org)],
            &[Some("Tom Reyes")],
        ),
        // A name set off by commas after a description with an owner.
        (
            "Talks went on.\n\n\"We will win,\" Lee's campaign chairman, Ana Lund, said.",
            &[("Lee", Label::Person), ("Ana Lund", Label::Person)],
            &[Some("Ana Lund")],
        ),
        // A party and state in parentheses before the comma.
        (
            "Talks went on.\n\nLater, Gov. Ben Ortiz (R-Ore.), said, \"The budget is done.\"",
            &[("Ben Ortiz", Label::Person)],
            &[Some("Ben Ortiz")],
        ),
        // The owner of a body speaks through it.
        ("Talks went on.\n\n\"The invitation stands,\" Ortiz's office said.", &[("Ortiz", Label::Person)], &[Some("Ortiz")]),
        // The object before a participle is not its subject.
        (
            "Talks went on.\n\nLee Min emailed supporters saying: \"The fight goes on.\"",
            &[("Lee Min", Label::Person)],
            &[Some("Lee Min")],
        ),
        // Dash credits on the quote's line, names the recogniser missed, one after another.
        (
            "Readers wrote in.\n\n\"Taxes are too high.\" ― Rosa Delgado\n\"Schools need money.\" ― Ken Oduya\n\"Roads are bad.\" ― Li Na Park.",
            &[],
            &[Some("Rosa Delgado"), Some("Ken Oduya"), Some("Li Na Park")],
        ),
    ];
    for (text, mentions, speakers) in cases {
        let art = run(text, mentions);
        let got: Vec<Option<&str>> = art.quotes.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(got, speakers, "{text}");
    }
    // The mention of an owner's person names no one alone, but is written out as the speaker.
    let art =
        run("Talks went on.\n\n\"We expected it,\" Lee's former campaign strategist said.", &[("Lee", Label::Person)]);
    let q = quotes_of(&art);
    assert_eq!(q[0].1, Some("Lee's former campaign strategist"));
    assert_eq!(q[0].2, Some("Lee's former campaign strategist"));
    // An attribution to the owner's office spans the owner's name.
    let art = run("Talks went on.\n\nOrtiz's office said the invitation stands.", &[("Ortiz", Label::Person)]);
    assert_eq!(reported_of(&art), vec![(Some("Ortiz's office"), Some("said"), "the invitation stands")]);
}

#[test]
fn reported_before_a_participle_and_after_a_colon() {
    // Unread '' marks: what is said comes before "X said, pointing out ...", not after.
    let art = run(
        "Talks went on.\n\n''The mill was busy,'' Nora Vance said, pointing out the old store.\n\nMore.",
        &[("Nora Vance", Label::Person)],
    );
    assert!(
        reported_of(&art).contains(&(Some("Nora Vance"), Some("said"), "''The mill was busy")),
        "{:?}",
        reported_of(&art)
    );
    // Without a clause before, what follows stays what is said.
    let art = run("Talks went on.\n\nNora Vance said the mill was busy.", &[("Nora Vance", Label::Person)]);
    assert_eq!(reported_of(&art), vec![(Some("Nora Vance"), Some("said"), "the mill was busy")]);
    // A name and a colon opening a headline or a transcript line.
    let art = run("Talks went on.\n\nVANCE: Well, I think the mill will open again.", &[]);
    assert_eq!(reported_of(&art), vec![(Some("VANCE"), Some(":"), "Well, I think the mill will open again")]);
    let art = run("Talks went on.\n\nNora Vance: The Mill Will Open Again.", &[("Nora Vance", Label::Person)]);
    assert_eq!(reported_of(&art), vec![(Some("Nora Vance"), Some(":"), "The Mill Will Open Again")]);
    // A label is no speaker.
    let art = run("Talks went on.\n\nUpdate: The mill opened again on Monday.", &[]);
    assert!(reported_of(&art).is_empty());
}

#[test]
fn positions_held_after_a_name_or_a_pronoun() {
    let people = [("Park Jin", Label::Person), ("Lee Soo", Label::Person)];
    for (text, mention, cue, content) in [
        ("Park Jin plans to run for governor.", "Park Jin", "plans", "to run for governor"),
        ("She insists the vote was fair.", "She", "insists", "the vote was fair"),
        ("The senators insist the bill is fair.", "The senators", "insist", "the bill is fair"),
        ("Lee Soo voted for the new budget.", "Lee Soo", "voted", "for the new budget"),
        ("Park Jin has long railed against the tax.", "Park Jin", "railed", "against the tax"),
    ] {
        let art = run(text, &people);
        assert_eq!(reported_of(&art), [(Some(mention), Some(cue), content)], "{text}");
    }
    for text in [
        // A body or a phrase before a verb of a position: too often a noun's modifier.
        "The city plans to build a bridge.",
        "A new round of attacks began in the north.",
    ] {
        assert_eq!(reported_of(&run(text, &people)), [], "{text}");
    }
    // A position inside what is said is part of it.
    let art = run("Park Jin said he could not support the bill.", &people);
    assert_eq!(reported_of(&art), [(Some("Park Jin"), Some("said"), "he could not support the bill")]);
}

#[test]
fn subjects_past_asides_and_of_participles_and_passives() {
    let names = [("Park Jin", Label::Person), ("Trade Ministry", Label::Org), ("Daily Star", Label::Org)];
    for (text, mention, cue, content) in [
        // An aside between the subject and the verb, and a clause after it.
        (
            "Several senators, including Park Jin, said the bill was dead.",
            "Several senators",
            "said",
            "the bill was dead",
        ),
        ("The senators, on the other hand, argued the bill was fair.", "The senators", "argued", "the bill was fair"),
        // A participle after a comma: the clause's subject, not the first name.
        (
            "As the Trade Ministry grew, Park Jin resigned his post, saying he was tired.",
            "Park Jin",
            "saying",
            "he was tired",
        ),
        // A passive and its agent.
        ("The plan was criticized by Park Jin.", "Park Jin", "criticized", "The plan"),
        ("As reported by the Daily Star, the mayor resigned.", "the Daily Star", "reported", "the mayor resigned"),
    ] {
        let art = run(text, &names);
        let got = reported_of(&art);
        assert!(got.contains(&(Some(mention), Some(cue), content)), "{text}: {got:?}");
    }
}

#[test]
fn statements_named_by_a_noun_and_what_follows_a_quote() {
    let people = [("Park Jin", Label::Person)];
    let art = run("Park Jin's claim that the vote was rigged, made on Monday, angered voters.", &people);
    assert_eq!(reported_of(&art), [(Some("Park Jin's"), Some("claim"), "the vote was rigged")]);
    let art = run("Park Jin arrived. Voters cheered his promise to cut taxes, and left.", &people);
    assert_eq!(reported_of(&art), [(Some("his"), Some("promise"), "to cut taxes")]);
    for text in [
        // A thing discussed is no statement.
        "Park Jin laid out his plan to cut taxes.",
        // After the quote it reports, the one told or the verb's adjunct is no content.
        "\"We are done,\" Park Jin told the cheering crowd.",
        "\"We are done,\" Park Jin said over breakfast.",
    ] {
        assert_eq!(reported_of(&run(text, &people)), [], "{text}");
    }
}

#[test]
fn participles_after_a_comma_speak_for_the_main_clause() {
    let names = [
        ("Park Jin", Label::Person),
        ("Lee Min", Label::Person),
        ("Trade Ministry", Label::Org),
        ("Harbor Bank", Label::Org),
    ];
    for (text, mention, cue, content) in [
        // The object before the comma does not speak; the subject of the main clause does.
        (
            "Park Jin fired his deputy, Lee Min, saying the office needed change.",
            "Park Jin",
            "saying",
            "the office needed change",
        ),
        (
            "The union sued the Trade Ministry, arguing the rules were unlawful.",
            "The union",
            "arguing",
            "the rules were unlawful",
        ),
        // Over an opening adjunct with its own commas.
        (
            "Speaking at a rally in Busan, South Gyeongsang, Park Jin went after Lee Min, calling him a coward.",
            "Park Jin",
            "calling",
            "him a coward",
        ),
        // A coordinated verb: the main clause's subject, not that of a verb inside its object.
        (
            "The spokesman refused to tell us whom Lee Min said he would back but said no meeting was planned.",
            "The spokesman",
            "said",
            "no meeting was planned",
        ),
        // After "X said,": X.
        (
            "Lee Min left early. The talks stalled, a senior aide said, adding that Harbor Bank had walked out.",
            "a senior aide",
            "adding",
            "Harbor Bank had walked out",
        ),
    ] {
        let art = run(text, &names);
        let got = reported_of(&art);
        assert!(got.contains(&(Some(mention), Some(cue), content)), "{text}: {got:?}");
    }
}

#[test]
fn records_show_and_demonstratives_open_what_is_said() {
    for (text, mention, cue, content) in [
        ("Recent polls show the senator has a narrow lead.", "Recent polls", "show", "the senator has a narrow lead"),
        ("Many experts believe the tax will be repealed.", "Many experts", "believe", "the tax will be repealed"),
        ("Others say this is just a rough patch.", "Others", "say", "this is just a rough patch"),
    ] {
        let art = run(text, &[]);
        assert_eq!(reported_of(&art), [(Some(mention), Some(cue), content)], "{text}");
    }
    // "this week" after the verb is still an adjunct: nothing is said.
    assert_eq!(reported_of(&run("The mayor spoke this week.", &[])), []);
}

#[test]
fn descriptions_speak_for_quotes() {
    let text = "Nobody expected it.\n\n\"It will be hard to turn around,\" said a longtime Harbor Bank analyst who \
                worked for a rival.\n\nAnother commenter said, \"We all know how she feels.\"\n\n\"There is no \
                path,\" said one of those advisers, who spoke on condition of anonymity.";
    let art = run(text, &[("Harbor Bank", Label::Org)]);
    let got: Vec<_> = quotes_of(&art).into_iter().map(|(q, _, m, _)| (q, m)).collect();
    assert_eq!(
        got,
        [
            ("It will be hard to turn around", Some("a longtime Harbor Bank analyst")),
            ("We all know how she feels.", Some("Another commenter")),
            ("There is no path", Some("one of those advisers")),
        ]
    );
    // The relative's clause before "who spoke" is no content of it.
    assert!(reported_of(&art).iter().all(|(m, _, _)| *m != Some("who")), "{:?}", reported_of(&art));
}

#[test]
fn a_quotes_description_and_places_in_asides() {
    // The speaker comes from the quote before; the words for the speaker stay the quote's own.
    let text = "\"We will win,\" Park Jin said.\n\n\"I never knew what would happen,\" the governor said.";
    let art = run(text, &[("Park Jin", Label::Person)]);
    let got: Vec<_> = quotes_of(&art).into_iter().map(|(_, s, m, _)| (s, m)).collect();
    assert_eq!(got, [(Some("Park Jin"), Some("Park Jin")), (Some("Park Jin"), Some("the governor"))]);
    // A place set off by commas is where, not who.
    let names = [("Park Jin", Label::Person), ("Busan", Label::Gpe), ("Korea", Label::Gpe)];
    let art = run("Park Jin, speaking at a rally in Busan, Korea, warned that taxes would rise.", &names);
    assert_eq!(reported_of(&art), [(Some("Park Jin"), Some("warned"), "taxes would rise")]);
}

#[test]
fn plural_nouns_and_adverbs_are_no_speech() {
    for text in [
        "Her days are filled with endless calls, along with meetings and dinners.",
        "The network had three new shows, but it canceled them.",
        "They should be very worried about the vote.",
    ] {
        assert_eq!(reported_of(&run(text, &[])), [], "{text}");
    }
}
