//! Rule-based entities in news style: DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL, CARDINAL.
//!
//! One pass of a hand-written scanner (`time::scan`) and pattern code over its tokens: no regular
//! expressions, one hash lookup per word. Time expressions come from `time::grammar` (which also
//! gives their meaning to `reading::time_values`); numbers, amounts and ordinals are matched here.
use crate::time::grammar::Matcher;
use crate::time::scan::{self, low, Kind, Lex};
use crate::types::*;

/// Numeric and temporal entities of the article. Works over each sentence when the tokenizer has
/// filled `art.sentences`, else over the whole text; token ranges are filled when `art.tokens` is.
pub fn find(art: &Article) -> Vec<Entity> {
    let mut out = Vec::new();
    let mut push = |span: Span, label: Label, sentence: usize| {
        let (ts, te) = token_range(&art.tokens, span);
        out.push(Entity::new(span, label, sentence, ts, te));
    };
    if art.sentences.is_empty() {
        for (span, label) in find_in_text(&art.text) {
            push(span, label, 0);
        }
    } else {
        for (si, s) in art.sentences.iter().enumerate() {
            let Some(text) = art.text.get(s.span.start..s.span.end) else { continue };
            for (span, label) in find_in_text(text) {
                push(Span::new(span.start + s.span.start, span.end + s.span.start), label, si);
            }
        }
    }
    out
}

/// Tokens `[start, end)` that the byte span covers (any overlap), by binary search.
fn token_range(tokens: &[Token], span: Span) -> (usize, usize) {
    let start = tokens.partition_point(|t| t.span.end <= span.start);
    let end = tokens.partition_point(|t| t.span.start < span.end);
    (start, end.max(start))
}

/// Numeric and temporal entities of plain text: byte spans into `text` and labels, in order.
pub fn find_in_text(text: &str) -> Vec<(Span, Label)> {
    let toks = scan::scan(text);
    let m = Matcher::new(text, &toks);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some(h) = m.match_at(i) {
            let label = if h.time { Label::Time } else { Label::Date };
            let span = Span::new(toks[h.start].start, toks[h.end - 1].end);
            if !quoted_title(text, span) {
                out.push((span, label));
            }
            i = h.end;
            continue;
        }
        if let Some((end, label)) = number_at(&m, &toks, i) {
            out.push((Span::new(toks[i].start, toks[end - 1].end), label));
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// A title in quotation marks with every word capitalised (ABC's "This Week", "Last Year at
/// Marienbad"): a name of a show or work, not a time.
fn quoted_title(text: &str, span: Span) -> bool {
    let expr = &text[span.start..span.end];
    let mut words = expr.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty());
    let (Some(_), Some(_)) = (words.next(), words.next()) else { return false };
    let before = text[..span.start].trim_end_matches(' ');
    (before.ends_with('"') || before.ends_with('\u{201c}') || before.ends_with("``"))
        && expr.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).all(|w| w.starts_with(char::is_uppercase))
}

fn tok_text<'a>(text: &'a str, toks: &[scan::Tok], i: usize) -> &'a str {
    toks.get(i).map_or("", |t| &text[t.start..t.end])
}

/// MONEY, PERCENT, QUANTITY, ORDINAL or CARDINAL starting at token `i`: (end token, label).
fn number_at(m: &Matcher, toks: &[scan::Tok], i: usize) -> Option<(usize, Label)> {
    let text = m.text;
    let s = |k: usize| tok_text(text, toks, k);
    let is = |k: usize, w: &str| s(k).eq_ignore_ascii_case(w);
    let punct = |k: usize, c: &str| toks.get(k).is_some_and(|t| t.kind == Kind::Punct) && s(k) == c;
    let glued = |k: usize| toks.get(k).is_some_and(|t| !t.space);
    let lex = |k: usize| toks.get(k).map_or(Lex::None, |t| t.lex);
    let kind = |k: usize| toks.get(k).map(|t| t.kind);

    let mut j = i;
    let mut money = false;
    // Currency before the amount: "$3.5 billion", "US$5 mln", "HK$ 10".
    if matches!(s(j), "$" | "£" | "€" | "¥") {
        money = true;
        j += 1;
    } else if kind(j) == Some(Kind::Word)
        && punct(j + 1, "$")
        && glued(j + 1)
        && matches!(s(j), "US" | "HK" | "C" | "A" | "NZ" | "S" | "NT" | "R" | "Z" | "M")
    {
        money = true;
        j += 2;
    }
    let num_start = j;
    let mut ordinal = false;
    match kind(j) {
        Some(Kind::Num) => {
            let t = &toks[j];
            // A number glued to a word by a hyphen is part of a name: "Hwasong-18", "COVID-19".
            if j >= 2 && punct(j - 1, "-") && glued(j - 1) && glued(j) && kind(j - 2) == Some(Kind::Word) {
                return None;
            }
            // "No. 1", "#3": a rank or label, not a count.
            if j >= 1 && (punct(j - 1, "#") || (j >= 2 && punct(j - 1, ".") && is(j - 2, "no"))) {
                return None;
            }
            let suffix = low(&text[t.num_end..t.end]);
            match suffix.as_str() {
                "" => {}
                "st" | "nd" | "rd" | "th" if !money => ordinal = true,
                "m" | "mn" | "mln" | "bn" | "b" | "k" | "tn" | "bln" if money => {}
                _ => return None,
            }
            j += 1;
            if !ordinal {
                // "3-1/2", "89-52", "1/2"
                if (punct(j, "/") || punct(j, "-")) && glued(j) && glued(j + 1) && kind(j + 1) == Some(Kind::Num) {
                    let t2 = &toks[j + 1];
                    if t2.num_end == t2.end {
                        j += 2;
                    }
                }
            }
        }
        Some(Kind::Word) => match lex(j) {
            Lex::NumWord(v) => {
                if v == 1 {
                    let prev = j.checked_sub(1).map(|p| low(s(p))).unwrap_or_default();
                    if matches!(
                        prev.as_str(),
                        "no" | "any" | "every" | "each" | "the" | "this" | "that" | "which" | "some" | "no-" | "little"
                    ) || is(j + 1, "another")
                        || (punct(j + 1, "-") && glued(j + 1))
                    {
                        return None;
                    }
                }
                j += 1;
                // "twenty-five", "two hundred", "a hundred and fifty"
                loop {
                    if punct(j, "-") && glued(j) && glued(j + 1) && matches!(lex(j + 1), Lex::NumWord(_)) {
                        j += 2;
                    } else if matches!(lex(j), Lex::NumWord(100)) {
                        j += 1;
                    } else {
                        break;
                    }
                }
            }
            Lex::OrdWord(v) => {
                // "a second", "one second", "per second": the unit, not an ordinal.
                if v == 2 {
                    let prev = j.checked_sub(1).map(|p| low(s(p))).unwrap_or_default();
                    if matches!(prev.as_str(), "a" | "one" | "per" | "split")
                        || kind(j.wrapping_sub(1)) == Some(Kind::Num)
                    {
                        return None;
                    }
                }
                if money {
                    return None;
                }
                return Some((j + 1, Label::Ordinal));
            }
            _ => return None,
        },
        _ => return None,
    }
    if ordinal {
        return Some((j, Label::Ordinal));
    }
    // "3.5 billion", "1.2 mln", "two million"
    while matches!(lex(j), Lex::Mag(_)) {
        j += 1;
    }
    if punct(j, "%") {
        return Some((j + 1, Label::Percent));
    }
    if money {
        return Some((j, Label::Money));
    }
    match lex(j) {
        Lex::Percent => {
            if is(j, "percentage") {
                if is(j + 1, "points") || is(j + 1, "point") {
                    return Some((j + 2, Label::Percent));
                }
                return Some((j, Label::Cardinal));
            }
            return Some((j + 1, Label::Percent));
        }
        Lex::CurrencyAfter => {
            // "won" after a number is the currency only when nothing suggests the verb; it always
            // follows the amount, so accept it.
            return Some((j + 1, Label::Money));
        }
        Lex::QtyUnit => return Some((j + 1, Label::Quantity)),
        Lex::QtyPre if matches!(lex(j + 1), Lex::QtyUnit) => return Some((j + 2, Label::Quantity)),
        _ => {}
    }
    if is(j, "per") && is(j + 1, "cent") {
        return Some((j + 2, Label::Percent));
    }
    // "5.93 mln U.S. dlrs", "10 mln Canadian dlrs"
    if is(j, "U")
        && punct(j + 1, ".")
        && is(j + 2, "S")
        && punct(j + 3, ".")
        && matches!(lex(j + 4), Lex::CurrencyAfter)
    {
        return Some((j + 5, Label::Money));
    }
    if toks.get(j).is_some_and(|t| t.kind == Kind::Word && t.cap && t.lex == Lex::None)
        && matches!(lex(j + 1), Lex::CurrencyAfter)
        && !is(j + 1, "won")
    {
        return Some((j + 2, Label::Money));
    }
    let _ = num_start;
    Some((j, Label::Cardinal))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ents(text: &str) -> Vec<(String, &'static str)> {
        find_in_text(text).into_iter().map(|(s, l)| (text[s.start..s.end].to_string(), l.as_str())).collect()
    }
    fn has(text: &str, want: &str, label: &str) {
        let e = ents(text);
        assert!(e.iter().any(|(t, l)| t == want && *l == label), "{want:?} as {label} not in {e:?} for {text:?}");
    }
    fn lacks(text: &str, not: &str) {
        let e = ents(text);
        assert!(!e.iter().any(|(t, _)| t.contains(not)), "{not:?} should not be an entity in {e:?}");
    }

    #[test]
    fn money() {
        has("The deal is worth $3.5 billion, officials said.", "$3.5 billion", "MONEY");
        has("Net profit was 5.93 mln dlrs against 4.1 mln.", "5.93 mln dlrs", "MONEY");
        has("It raised US$5 million in March.", "US$5 million", "MONEY");
        has("The yen fell to 150 yen.", "150 yen", "MONEY");
        has("The fund holds 10 mln U.S. dlrs.", "10 mln U.S. dlrs", "MONEY");
    }

    #[test]
    fn percent() {
        has("Prices rose 20 percent last year.", "20 percent", "PERCENT");
        has("Inflation was 2.5 pct in January.", "2.5 pct", "PERCENT");
        has("Turnout hit 61.3% on Sunday.", "61.3%", "PERCENT");
        has("Rates rose two percentage points.", "two percentage points", "PERCENT");
    }

    #[test]
    fn quantity() {
        has("Exports reached 155,221 bags of coffee.", "155,221 bags", "QUANTITY");
        has("They shipped 3,000 tonnes of wheat.", "3,000 tonnes", "QUANTITY");
        has("Output was 1.2 mln barrels a day.", "1.2 mln barrels", "QUANTITY");
        has("A plot of 40 square miles.", "40 square miles", "QUANTITY");
    }

    #[test]
    fn ordinal_and_cardinal() {
        has("the 70th anniversary of the armistice", "70th", "ORDINAL");
        has("It was the third attempt.", "third", "ORDINAL");
        has("The two countries share strong ties.", "two", "CARDINAL");
        has("Delegates voted 89-52 for a republic.", "89-52", "CARDINAL");
        has("About 1.2 mln people live there.", "1.2 mln", "CARDINAL");
        has("twenty-five people were hurt", "twenty-five", "CARDINAL");
        has("He counted 1,500 troops.", "1,500", "CARDINAL");
    }

    #[test]
    fn names_with_numbers_are_not_entities() {
        lacks("firing a Hwasong-18 ICBM", "18");
        lacks("since the COVID-19 breakout", "19");
        lacks("the \"Weaponry Exhibition-2023\" event", "2023");
        lacks("the world's No. 1 player", "1");
        lacks("No one came to the meeting", "one");
        lacks("He waited a second time", "second");
    }

    #[test]
    fn entities_map_to_sentences_and_tokens() {
        let text = "Kim met Shoigu on Wednesday. Prices rose 20 percent.";
        let mut art = Article { text: text.to_string(), ..Default::default() };
        // Tokens as a tokenizer would give them (words and punctuation).
        let mut start = None;
        for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            let word = c.is_alphanumeric();
            match (start, word) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    art.tokens.push(Token { span: Span::new(s, i) });
                    start = None;
                }
                _ => {}
            }
            if c == '.' {
                art.tokens.push(Token { span: Span::new(i, i + 1) });
            }
        }
        art.sentences.push(Sentence {
            span: Span::new(0, 28),
            token_start: 0,
            token_end: 6,
            section: Section::Body(0),
        });
        art.sentences.push(Sentence {
            span: Span::new(29, text.len()),
            token_start: 6,
            token_end: art.tokens.len(),
            section: Section::Body(0),
        });
        let e = find(&art);
        assert_eq!(e.len(), 2, "{e:?}");
        assert_eq!(art.slice(e[0].span), "Wednesday");
        assert_eq!((e[0].label, e[0].sentence), (Label::Date, 0));
        assert_eq!(art.token_text(e[0].token_start), "Wednesday");
        assert_eq!(e[0].token_end, e[0].token_start + 1);
        assert_eq!(art.slice(e[1].span), "20 percent");
        assert_eq!((e[1].label, e[1].sentence), (Label::Percent, 1));
        assert_eq!(e[1].token_end - e[1].token_start, 2);
    }

    #[test]
    fn without_sentences_the_whole_text_is_searched() {
        let art = Article { text: "It cost $5 on Monday.".into(), ..Default::default() };
        let e = find(&art);
        let got: Vec<_> = e.iter().map(|e| (art.slice(e.span), e.label)).collect();
        assert_eq!(got, [("$5", Label::Money), ("Monday", Label::Date)]);
    }
}

#[cfg(test)]
mod time_extent_tests {
    use super::*;

    fn dates(text: &str) -> Vec<(String, &'static str)> {
        find_in_text(text)
            .into_iter()
            .filter(|(_, l)| matches!(l, Label::Date | Label::Time))
            .map(|(s, l)| (text[s.start..s.end].to_string(), l.as_str()))
            .collect()
    }
    fn one(text: &str, want: &str, label: &str) {
        let d = dates(text);
        assert!(d.iter().any(|(t, l)| t == want && *l == label), "{want:?} ({label}) not in {d:?}");
    }

    #[test]
    fn news_dates_and_their_extents() {
        one("SEOUL, July 27 (Yonhap) -- Kim met them", "July 27", "DATE");
        one("a photo taken on July 27, 2023, shows", "July 27, 2023", "DATE");
        one("the 1950-53 Korean War", "1950-53", "DATE");
        one("a missile launch this month.", "this month", "DATE");
        one("an exhibition in Pyongyang the previous day.", "the previous day", "DATE");
        one("SALVADOR, Feb 26 - Coffee exports", "Feb 26", "DATE");
        one("It grew in the 1990s and", "the 1990s", "DATE");
        one("Profits fell last year.", "last year", "DATE");
        one("Trading resumes early next year.", "early next year", "DATE");
        one("Sales rose in the third quarter.", "the third quarter", "DATE");
        one("The third-quarter loss widened.", "third-quarter", "DATE");
        one("They left two years ago.", "two years ago", "DATE");
        one("Prices are now higher.", "now", "DATE");
        one("on Saturday, April 25, police said", "Saturday, April 25", "DATE");
    }

    #[test]
    fn clock_times_are_time() {
        one("The talks begin at 3 p.m. in Geneva.", "3 p.m.", "TIME");
        one("At midnight, the leader attended", "midnight", "TIME");
        one("The offer expires at 5 p.m. EST, Nov. 6.", "5 p.m. EST, Nov. 6", "TIME");
        one("He spoke Thursday evening.", "Thursday evening", "TIME");
        one("Rain fell last night.", "last night", "TIME");
    }

    #[test]
    fn words_that_only_look_like_times() {
        assert!(dates("It may rain later.").is_empty(), "{:?}", dates("It may rain later."));
        assert!(dates("May I ask a question?").is_empty());
        assert!(dates("Thousands march on the capital.").is_empty());
        assert!(dates("Theresa May said so.").is_empty());
        assert!(dates("The Sun reported it; Wed said nothing.").is_empty());
        assert!(dates("an Exhibition-2023 event and a Hwasong-18 missile").is_empty());
        assert!(dates("as soon as possible").is_empty());
        assert!(dates("Baker, speaking on ABC's \"This Week,\" said so.").is_empty(), "a show's title");
        one("He said: \"This week we will decide.\"", "This week", "DATE");
        one("He said \"Friday\" twice.", "Friday", "DATE");
        assert!(dates("the future of the alliance").is_empty());
        assert!(dates("The yen fell to 1,995 per dollar.").is_empty());
    }

    #[test]
    fn month_names_alone_need_context_when_ambiguous() {
        one("The vote is due in May.", "May", "DATE");
        one("Sales peaked last March.", "last March", "DATE");
        one("Prices rose in October.", "October", "DATE");
    }

    /// Arbitrary input never panics (byte offsets stay on character boundaries, numbers overflow
    /// nothing), and every span lies inside the text.
    #[test]
    fn never_panics_on_odd_input() {
        let pieces = [
            "July",
            " ",
            "27",
            ",",
            "2023",
            "-",
            "53",
            "'",
            "80s",
            "\u{2019}",
            "é",
            "日本",
            "$",
            "3.5",
            "billion",
            "p",
            ".",
            "m",
            ":",
            "99",
            "999999999999",
            "years",
            "ago",
            "the",
            "previous",
            "day",
            "\n",
            "Q",
            "first",
            "quarter",
            "of",
            "nineteen",
            "ninety",
            "twenty",
            "one",
            "Monday",
            "last",
            "mid",
            "%",
            "No",
            "#",
            "—",
            "a",
            "few",
            "weeks",
            "earlier",
            "this",
            "week",
            "0",
            "00:00",
            "31",
            "Feb",
            "30",
        ];
        let mut seed: u64 = 0x9e3779b97f4a7c15;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..(seed % 24) {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                s.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
                if seed & 1 == 0 {
                    s.push(' ');
                }
            }
            for (span, _) in find_in_text(&s) {
                assert!(span.start < span.end && span.end <= s.len() && s.is_char_boundary(span.start));
            }
            let mut art = Article { text: s.clone(), date: Some("2023-07-27".into()), ..Default::default() };
            art.entities = find(&art);
            crate::reading::time_values::annotate(&mut art);
            let _ = crate::time::normalize(&s, Some("1987-02-26"));
            let _ = crate::time::normalize(&s, None);
            seed = seed.rotate_left(7) ^ 0xdead_beef;
        }
    }
}
