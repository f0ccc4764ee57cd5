//! Organisation names with "and", "&" and commas inside come out whole, and names that only stand
//! side by side stay apart (issue 16). Sentences written for this test.
use dateline::*;

fn orgs(text: &str) -> Vec<String> {
    let art = dateline::parse(text, &Default::default()).expect("parses");
    art.entities.iter().filter(|e| e.label == Label::Org).map(|e| art.slice(e.span).to_string()).collect()
}

fn has(text: &str, name: &str) -> bool {
    orgs(text).iter().any(|o| o == name)
}

#[test]
fn names_with_and_inside_are_one_organisation() {
    let cases = [
        (
            "Shares of Nippon Telegraph and Telephone Corp rose 3 percent on Monday.",
            "Nippon Telegraph and Telephone Corp",
        ),
        ("The House Ways and Means Committee approved the tax bill.", "House Ways and Means Committee"),
        (
            "The Federal Savings and Loan Insurance Corp said it would close the thrift.",
            "Federal Savings and Loan Insurance Corp",
        ),
        ("Hartley Tool and Die Corp said it would hire 40 workers.", "Hartley Tool and Die Corp"),
        ("The American Telephone and Telegraph Co said profits fell.", "American Telephone and Telegraph Co"),
        (
            "He joined the Communist Party of the Russian Federation in 1993.",
            "Communist Party of the Russian Federation",
        ),
    ];
    for (text, name) in cases {
        assert!(has(text, name), "{name:?} not whole in {:?}", orgs(text));
    }
}

#[test]
fn firm_names_with_commas_and_ampersands_are_one_organisation() {
    let text = "The offering was managed by Merrill Lynch, Pierce, Fenner & Smith Inc, the firm said.";
    assert!(has(text, "Merrill Lynch, Pierce, Fenner & Smith Inc"), "{:?}", orgs(text));
    for (text, name) in [
        (
            "Merrill Lynch, Pierce, Fenner and Smith Ltd in London managed the issue.",
            "Merrill Lynch, Pierce, Fenner and Smith Ltd",
        ),
        ("Standard and Poor's Corp said it lowered the company's debt rating.", "Standard and Poor's Corp"),
        ("The bonds were rated AA by Standard and Poor's.", "Standard and Poor's"),
    ] {
        assert!(has(text, name), "{name:?} not whole in {:?}", orgs(text));
    }
    let text = "He sold his shares in Procter & Gamble and Johnson & Johnson last year.";
    let got = orgs(text);
    assert!(got.contains(&"Procter & Gamble".to_string()) && got.contains(&"Johnson & Johnson".to_string()), "{got:?}");
}

#[test]
fn names_that_only_stand_side_by_side_stay_apart() {
    for (text, whole) in [
        ("Talks between Ford and General Motors Corp ended without agreement.", "Ford and General Motors Corp"),
        ("Chase Manhattan and Chemical Bank raised their prime rates.", "Chase Manhattan and Chemical Bank"),
        ("Officials in Britain, France & Germany Inc were not available.", "Britain, France & Germany Inc"),
        ("Talks between Texaco and Pennzoil's lawyers resumed.", "Texaco and Pennzoil's"),
        ("Shares of Kia Motor Corp of South Korea rose on Monday.", "Kia Motor Corp of South Korea"),
        ("Shares of IBM, Apple and Digital Equipment Corp fell.", "IBM, Apple and Digital Equipment Corp"),
    ] {
        assert!(!has(text, whole), "{whole:?} joined: {:?}", orgs(text));
    }
}

#[test]
fn names_with_particles_are_one_person() {
    for (text, name) in [
        ("Kenyan President Daniel arap Moi condemned Osama bin Laden on Sunday.", "Osama bin Laden"),
        ("Kenyan President Daniel arap Moi condemned the attack on Sunday.", "Daniel arap Moi"),
    ] {
        let art = dateline::parse(text, &Default::default()).expect("parses");
        let people: Vec<&str> =
            art.entities.iter().filter(|e| e.label == Label::Person).map(|e| art.slice(e.span)).collect();
        assert!(people.contains(&name), "{name:?} not one person in {people:?}");
    }
}

#[test]
fn names_that_go_on_after_of_for_or_on_are_one_organisation() {
    let cases = [
        ("The Council on Foreign Relations published the report.", "Council on Foreign Relations"),
        ("He joined the Union of Democrats for Europe in 1999.", "Union of Democrats for Europe"),
        ("He left the Refah Partisi in 1998 and joined the Virtue Party.", "Refah Partisi"),
    ];
    for (text, name) in cases {
        assert!(has(text, name), "{name:?} not in {:?}", orgs(text));
    }
    // a legal suffix ends a company's name; the country after it is its own name
    let text = "Hallvard Shipping Corp of Norway ordered two tankers.";
    assert!(has(text, "Hallvard Shipping Corp"), "{:?}", orgs(text));
}
