//! Time values: resolves DATE and TIME entities to ISO 8601 / TimeML values against the story's date.
//!
//! "Wednesday" in a story dated Thursday 2023-07-27 is 2023-07-26; "this week" is 2023-W30; "the
//! previous day" is the day before the time the story last mentioned; "now" is PRESENT_REF.
//! An expression whose value turns out to be a length of time ("three years" -> P3Y) or a weekly
//! pattern ("every Thursday" -> XXXX-WXX-4) is relabelled DURATION or SET, TimeML's types, so DATE
//! and TIME keep only points in time.
use crate::types::*;

use crate::time::anchor::{Ctx, Point};
use crate::time::{boundary_after, parse_in_context, scan};
use crate::util::calendar::parse_iso_date;

/// Sets `.value` on the article's DATE and TIME entities, in text order (so "a year earlier" and
/// "the previous day" refer to the time mentioned before them), and relabels durations and sets
/// (see `timeml_label`).
pub fn annotate(art: &mut Article) {
    let mut order: Vec<usize> =
        (0..art.entities.len()).filter(|&i| matches!(art.entities[i].label, Label::Date | Label::Time)).collect();
    if order.is_empty() {
        return;
    }
    order.sort_by_key(|&i| art.entities[i].span.start);
    let anchor = art.date.as_deref().and_then(parse_iso_date);
    // The story's running text shares one context; each photo caption has its own, since "the
    // previous day" in a caption counts from the caption's date, and the body does not continue
    // from a caption.
    let fresh = || (Ctx { anchor, ..Default::default() }, 0usize);
    let mut body = fresh();
    let mut captions: Vec<(usize, (Ctx, usize))> = Vec::new();
    let mut toks = Vec::with_capacity(32);
    for i in order {
        let span = art.entities[i].span;
        let Some(sem) = parse_in_context(&art.text, span, &mut toks) else { continue };
        let (ctx, last_end) = match art.sentences.get(art.entities[i].sentence).map(|s| s.section) {
            Some(Section::Caption(c)) => {
                let k = match captions.iter().position(|(x, _)| *x == c) {
                    Some(k) => k,
                    None => {
                        captions.push((c, fresh()));
                        captions.len() - 1
                    }
                };
                let (_, state) = &mut captions[k];
                (&mut state.0, &mut state.1)
            }
            _ => (&mut body.0, &mut body.1),
        };
        // "since" points back: "since year-end", "since March" are behind the story's date.
        let since = follows_since(&art.text[..span.start]);
        ctx.since = since;
        // The tense matters only to some expressions, and to those only where it decides the
        // value: resolution asks for it, and the clause is read then (its costliest part).
        let needs_tense = sem.weekday.is_some()
            || sem.weekend
            || (sem.year.is_none() && (sem.month.is_some() || sem.quarter.is_some() || sem.half.is_some()));
        let text = art.text.as_str();
        let mut known = None;
        let mut tense_of = || {
            *known.get_or_insert_with(|| {
                let t = if needs_tense { tense(text, span) } else { None };
                (t == Some(true) && !since, t == Some(false) || since)
            })
        };
        if sem.shift.is_some() || sem.unit_ref.is_some() {
            let clause = clause_before(&art.text, span.start);
            ctx.last_near = *last_end >= clause && *last_end <= span.start;
            ctx.months_context = art.text[clause..span.start].contains(" months");
        } else {
            ctx.last_near = false;
            ctx.months_context = false;
        }
        let (mut value, mut point) = crate::time::anchor::resolve(&sem, ctx, &mut tense_of);
        if year_ended(&art.text, span) {
            value = Some("P1Y".to_string());
            point = None;
        }
        // Times counted from another time ("a year earlier", "the quarter") do not become the
        // reference for the next ones.
        if !sem.anaphoric && sem.unit_ref.is_none() && sem.shift.is_none() && point.is_some() {
            remember(ctx, point);
            *last_end = span.end;
        } else if sem.unit_ref == Some(scan::Unit::Quarter) && sem.shift.is_none() && sem.year.is_none() {
            // "the latest quarter" names the quarter being reported: what "a year ago" compares
            // with next, even after a forecast for a later quarter.
            if let Some(p @ Point::Quarter(..)) = point {
                ctx.last_quarter = Some(p);
            }
        }
        let e = &mut art.entities[i];
        e.label = timeml_label(e.label, value.as_deref());
        e.value = value;
    }
}

/// TimeML's type for a resolved value: durations are `P` then a number, `X` or `T` ("P3Y", "PXY",
/// "PT2H"; not the `PAST_REF`/`PRESENT_REF` points); sets are weekly patterns ("XXXX-WXX-4", from
/// "every Thursday"). Anything else keeps the tagger's DATE or TIME.
fn timeml_label(label: Label, value: Option<&str>) -> Label {
    let Some(v) = value else { return label };
    let b = v.as_bytes();
    if b.len() >= 2 && b[0] == b'P' && (b[1].is_ascii_digit() || b[1] == b'X' || b[1] == b'T') {
        Label::Duration
    } else if v.starts_with("XXXX-WXX-") {
        Label::Set
    } else {
        label
    }
}

fn remember(ctx: &mut Ctx, point: Option<Point>) {
    match point {
        Some(p @ Point::Quarter(..)) => {
            ctx.last = Some(p);
            ctx.last_quarter = Some(p);
        }
        Some(Point::Decade(_) | Point::Century(_)) | None => {}
        Some(p) => ctx.last = Some(p),
    }
}

/// The text before an expression ends with the word "since" (then spaces).
fn follows_since(before: &str) -> bool {
    // Most expressions follow a space and a word of ASCII letters: that word decides at a glance
    // unless it ends in "e".
    let b = before.as_bytes();
    let end = b.iter().rposition(|&c| !matches!(c, b' ' | b'\t'..=b'\r')).map_or(0, |p| p + 1);
    if end > 0 && b[end - 1].is_ascii() && !b[end - 1].eq_ignore_ascii_case(&b'e') {
        return false;
    }
    // The last word before the expression, as `rsplit` on non-letters would give it: "since" and
    // no letter before it.
    let s = before.trim_end();
    s.len() >= 5
        && s.as_bytes()[s.len() - 5..].eq_ignore_ascii_case(b"since")
        && !s[..s.len() - 5].chars().next_back().is_some_and(char::is_alphabetic)
}

/// "the year ended Aug. 31", "the fiscal year ending June 30": a year-long period counted back from
/// a date (a TimeML duration, like "the six months ended"), not the calendar year.
fn year_ended(text: &str, span: Span) -> bool {
    let expr = &text[span.start..span.end];
    let the_year = ["the year", "the fiscal year", "the fiscal-year"].iter().any(|p| expr.eq_ignore_ascii_case(p));
    the_year && {
        let after = text[span.end..].trim_start();
        after.starts_with("ended ") || after.starts_with("ending ")
    }
}

/// Start of the sentence holding byte `at` (looking back at most 300 bytes).
fn clause_before(text: &str, at: usize) -> usize {
    let b = text.as_bytes();
    let lo = at.saturating_sub(300);
    let mut i = at;
    // From one sentence mark or line break back to the next: the bytes between need no test.
    while let Some(p) = b[lo..i].iter().rposition(|&c| c <= b'?' && matches!(c, b'.' | b'!' | b'?' | b'\n')) {
        i = lo + p + 1;
        let end = match b[i - 1] {
            b'\n' => i >= 2 && b[i - 2] == b'\n',
            _ => i < b.len() && b[i].is_ascii_whitespace(),
        };
        if end {
            return boundary_after(text, i);
        }
        i -= 1;
    }
    boundary_after(text, lo)
}

const FUTURE_WORDS: &[&str] = &[
    "will",
    "ll",
    "shall",
    "would",
    "wo",
    "scheduled",
    "expected",
    "expects",
    "plans",
    "plan",
    "due",
    "intends",
    "upcoming",
    "set",
    "going",
    "tomorrow",
    "next",
    // plans and postponements point ahead whatever their own tense
    "planned",
    "planning",
    "postponed",
    "delayed",
    "deferred",
    "adjourned",
];
const PAST_WORDS: &[&str] = &[
    "said",
    "was",
    "were",
    "had",
    "did",
    "told",
    "announced",
    "reported",
    "met",
    "came",
    "went",
    "took",
    "made",
    "held",
    "began",
    "ended",
    "closed",
    "rose",
    "fell",
    "yesterday",
    "ago",
    "last",
    "earlier",
];

/// A bit per (length 2..=9, first letter, last letter) of the words `tense_word` knows: most words
/// of a clause are turned away by one bit test, before any comparison.
const TENSE_FILTER: [u64; 85] = {
    let mut f = [0u64; 85];
    let lists: [&[&str]; 3] = [FUTURE_WORDS, PAST_WORDS, &["is", "are"]];
    let mut l = 0;
    while l < lists.len() {
        let mut k = 0;
        while k < lists[l].len() {
            let w = lists[l][k].as_bytes();
            let slot = tense_slot(w.len(), w[0], w[w.len() - 1]);
            f[slot / 64] |= 1 << (slot % 64);
            k += 1;
        }
        l += 1;
    }
    f
};

/// `TENSE_FILTER`'s bit for a word of `len` (2..=9) ASCII letters from `first` to `last`.
const fn tense_slot(len: usize, first: u8, last: u8) -> usize {
    ((len - 2) * 26 + (first.to_ascii_lowercase() - b'a') as usize) * 26 + (last.to_ascii_lowercase() - b'a') as usize
}

/// The tense a word (ASCII letters) gives its clause: Some(true) future ("will", "expected"),
/// Some(false) past ("said", "ago"). `next`: the word after it ("is to" is future).
fn tense_word(w: &str, next: &str) -> Option<bool> {
    let b = w.as_bytes();
    if b.len() < 2 || b.len() > 9 {
        return None;
    }
    let slot = tense_slot(b.len(), b[0], b[b.len() - 1]);
    if TENSE_FILTER[slot / 64] & (1 << (slot % 64)) == 0 {
        return None;
    }
    let w = scan::low(w);
    let w = w.as_str();
    if matches!(w, "is" | "are") && next.eq_ignore_ascii_case("to") || FUTURE_WORDS.contains(&w) {
        Some(true)
    } else if PAST_WORDS.contains(&w) {
        Some(false)
    } else {
        None
    }
}

/// Present tense of verbs of scheduled events: "meet Monday", "opens Tuesday".
fn schedule_verb(w: &str) -> bool {
    w.len() >= 4
        && w.len() <= 8
        && matches!(
            scan::low(w).as_str(),
            "meet"
                | "meets"
                | "begin"
                | "begins"
                | "start"
                | "starts"
                | "open"
                | "opens"
                | "resume"
                | "resumes"
                | "arrive"
                | "arrives"
                | "visit"
                | "visits"
                | "travel"
                | "travels"
                | "vote"
                | "votes"
                | "expire"
                | "expires"
                | "convene"
                | "convenes"
                | "depart"
                | "departs"
        )
}

/// The last run of ASCII letters ending at or before `pos` of `b`: (start, end).
fn word_before(b: &[u8], pos: usize) -> Option<(usize, usize)> {
    let mut e = pos;
    while e > 0 && !b[e - 1].is_ascii_alphabetic() {
        e -= 1;
    }
    if e == 0 {
        return None;
    }
    let mut s = e - 1;
    while s > 0 && b[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    Some((s, e))
}

/// The first run of ASCII letters at or after `pos` of `b`: (start, end, a sentence break between
/// `pos` and it).
fn word_after(b: &[u8], pos: usize) -> Option<(usize, usize, bool)> {
    let mut s = pos;
    let mut brk = false;
    while s < b.len() && !b[s].is_ascii_alphabetic() {
        brk |= matches!(b[s], b'.' | b'!' | b'?' | b'\n' | b';');
        s += 1;
    }
    if s == b.len() {
        return None;
    }
    let mut e = s + 1;
    while e < b.len() && b[e].is_ascii_alphabetic() {
        e += 1;
    }
    Some((s, e, brk))
}

/// The tense of the clause around `span`: Some(true) future, Some(false) past, None unknown. The
/// nearest tense word before the expression decides ("said Friday it will" is past, "will meet on
/// Friday" future), else the nearest after it. Words are runs of ASCII letters, walked in place
/// from the expression outwards.
fn tense(text: &str, span: Span) -> Option<bool> {
    let bounded = |i: usize| {
        let mut i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let lo = bounded(span.start.saturating_sub(90));
    let hi = bounded(span.end + 60).max(span.end);
    let before = &text[lo..span.start];
    let after = &text[span.end..hi];
    let bb = before.as_bytes();
    let tail_break =
        bb.iter().rev().take_while(|c| !c.is_ascii_alphabetic()).any(|c| matches!(c, b'.' | b'!' | b'?' | b'\n'));
    if !tail_break {
        let mut pos = bb.len();
        let mut next = "";
        let mut from_end = 0;
        // a "that" between a verb of saying and the expression: it is in what was said
        let mut content = false;
        while let Some((s, e)) = word_before(bb, pos) {
            let w = &before[s..e];
            content |= w.eq_ignore_ascii_case("that");
            // "Arafat and Netanyahu meet separately Monday": the present of a scheduled event,
            // right before the day, is its future ("went there to meet him Monday" is not).
            if from_end < 3 && schedule_verb(w) {
                let to = word_before(bb, s).is_some_and(|(a, b)| before[a..b].eq_ignore_ascii_case("to"));
                if !to {
                    return Some(true);
                }
            }
            if let Some(v) = tense_word(w, next) {
                // "said on Tuesday that a June cut was not a done deal": the saying is past, what
                // was said may lie ahead (and its own verbs are shifted back): no tense.
                if !v && content && matches!(scan::low(w).as_str(), "said" | "told" | "announced" | "reported") {
                    return None;
                }
                // "had been due to expire Friday": a plan in the past.
                let mut had = false;
                let mut p = s;
                for _ in 0..3 {
                    let Some((a, b)) = word_before(bb, p) else { break };
                    had |= before[a..b].eq_ignore_ascii_case("had");
                    p = a;
                }
                return Some(v && !had);
            }
            // A sentence break before the word ends the clause.
            if bb[..s]
                .iter()
                .rev()
                .take_while(|c| !c.is_ascii_alphabetic())
                .any(|c| matches!(c, b'.' | b'!' | b'?' | b'\n' | b';'))
            {
                break;
            }
            next = w;
            pos = s;
            from_end += 1;
        }
    }
    let ab = after.as_bytes();
    let mut cur = word_after(ab, 0);
    while let Some((s, e, brk)) = cur {
        if brk {
            break;
        }
        cur = word_after(ab, e);
        let next = cur.map_or("", |(a, b, _)| &after[a..b]);
        if let Some(v) = tense_word(&after[s..e], next) {
            return Some(v);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::normalize;

    const D: Option<&str> = Some("2023-07-27");

    fn n(expr: &str, anchor: Option<&str>) -> Option<String> {
        normalize(expr, anchor)
    }

    #[test]
    fn documented_examples() {
        assert_eq!(n("Wednesday", D).as_deref(), Some("2023-07-26"));
        assert_eq!(n("Thursday", D).as_deref(), Some("2023-07-27"));
        assert_eq!(n("yesterday", D).as_deref(), Some("2023-07-26"));
        assert_eq!(n("the previous day", D).as_deref(), Some("2023-07-26"));
        assert_eq!(n("this week", D).as_deref(), Some("2023-W30"));
        assert_eq!(n("this month", D).as_deref(), Some("2023-07"));
        assert_eq!(n("last year", D).as_deref(), Some("2022"));
        assert_eq!(n("July 27", D).as_deref(), Some("2023-07-27"));
        assert_eq!(n("July 27, 2023", None).as_deref(), Some("2023-07-27"));
        assert_eq!(n("1950-53", D).as_deref(), Some("1950/1953"));
        assert_eq!(n("the 1990s", D).as_deref(), Some("199X"), "a decade in TIMEX2 notation");
        assert_eq!(n("Feb 26", Some("1987-02-26")).as_deref(), Some("1987-02-26"));
        assert_eq!(n("now", D).as_deref(), Some("PRESENT_REF"));
        assert_eq!(n("midnight", D).as_deref(), Some("2023-07-27T24:00"));
    }

    #[test]
    fn months_days_and_years() {
        assert_eq!(n("Aug. 2", Some("1990-08-15")).as_deref(), Some("1990-08-02"));
        assert_eq!(n("December", Some("1998-02-06")).as_deref(), Some("1997-12"), "nearest December is the past one");
        assert_eq!(n("January", Some("1989-11-02")).as_deref(), Some("1990-01"), "nearest January is ahead");
        assert_eq!(n("August 1988", D).as_deref(), Some("1988-08"));
        assert_eq!(n("Saturday, April 25", Some("1998-04-20")).as_deref(), Some("1998-04-25"));
        assert_eq!(n("last May", Some("1998-02-27")).as_deref(), Some("1997-05"));
        assert_eq!(n("January this year", Some("1998-02-20")).as_deref(), Some("1998-01"));
        assert_eq!(n("June last year", Some("1998-02-20")).as_deref(), Some("1997-06"));
        assert_eq!(n("1996", D).as_deref(), Some("1996"));
        assert_eq!(n("2023-07-27", None).as_deref(), Some("2023-07-27"));
        assert_eq!(n("7/27/2023", None).as_deref(), Some("2023-07-27"));
        assert_eq!(n("27 July 2023", None).as_deref(), Some("2023-07-27"));
        assert_eq!(n("July 27", None).as_deref(), Some("XXXX-07-27"));
        assert_eq!(n("mid-1996", D).as_deref(), Some("1996"));
        assert_eq!(n("early next year", Some("1989-10-27")).as_deref(), Some("1990"));
    }

    #[test]
    fn relative_units() {
        let a = Some("1989-11-02");
        assert_eq!(n("next year", a).as_deref(), Some("1990"));
        assert_eq!(n("last month", a).as_deref(), Some("1989-10"));
        assert_eq!(n("last week", a).as_deref(), Some("1989-W43"));
        assert_eq!(n("tomorrow", a).as_deref(), Some("1989-11-03"));
        assert_eq!(n("two years ago", Some("1998-04-20")).as_deref(), Some("1996"));
        assert_eq!(n("five months ago", Some("1998-03-02")).as_deref(), Some("1997-10"));
        assert_eq!(n("10 days ago", Some("1998-03-22")).as_deref(), Some("1998-03-12"));
        assert_eq!(n("several years ago", a).as_deref(), Some("PAST_REF"));
        assert_eq!(n("the past few weeks", a).as_deref(), Some("PXW"));
        assert_eq!(n("the next several days", a).as_deref(), Some("PXD"));
        assert_eq!(n("the next three years", a).as_deref(), Some("P3Y"));
        assert_eq!(n("the past", a).as_deref(), Some("PAST_REF"), "no unit: a reference");
        assert_eq!(n("the past", a).as_deref(), Some("PAST_REF"));
        assert_eq!(n("the future", a).as_deref(), Some("FUTURE_REF"));
        assert_eq!(n("recent years", a).as_deref(), Some("PAST_REF"));
        assert_eq!(n("currently", a).as_deref(), Some("PRESENT_REF"));
        assert_eq!(n("last year", None), None, "relative without an anchor is left unresolved");
    }

    #[test]
    fn quarters_seasons_decades() {
        let a = Some("1989-11-02");
        assert_eq!(n("the third quarter", a).as_deref(), Some("1989-Q3"));
        assert_eq!(n("third-quarter", a).as_deref(), Some("1989-Q3"));
        assert_eq!(n("the first quarter", Some("1987-02-26")).as_deref(), Some("1987-Q1"));
        assert_eq!(n("the third quarter of 1984", a).as_deref(), Some("1984-Q3"));
        assert_eq!(n("the first half of 1990", a).as_deref(), Some("1990-H1"));
        assert_eq!(n("the first two quarters of 1990", a).as_deref(), Some("1990-H1"));
        assert_eq!(n("the 1988 quarter", a).as_deref(), Some("1988-Q3"), "the quarter being reported, in 1988");
        assert_eq!(n("the first two years", a).as_deref(), Some("P2Y"), "a duration, not a half");
        assert_eq!(n("the quarter a year ago", a).as_deref(), Some("1988-Q3"));
        assert_eq!(n("the quarter a year earlier", a).as_deref(), Some("1988-Q3"));
        assert_ne!(n("the quarter a year later", a).as_deref(), Some("1988-Q3"), "later is no year back");
        assert_eq!(n("fiscal 1989", a).as_deref(), Some("1989"));
        assert_eq!(n("this summer", Some("1998-03-22")).as_deref(), Some("1998-SU"));
        assert_eq!(n("last fall", Some("1998-02-06")).as_deref(), Some("1997-FA"));
        assert_eq!(n("the nineties", Some("1998-03-03")).as_deref(), Some("199X"));
        assert_eq!(n("the early 1980s", a).as_deref(), Some("198X"));
        assert_eq!(n("the 20th century", a).as_deref(), Some("19"));
        assert_eq!(n("the weekend", Some("1990-08-13")).as_deref(), Some("1990-W32-WE"));
    }

    #[test]
    fn clock_times() {
        let a = Some("1998-02-12");
        assert_eq!(n("10 p.m. Wednesday", a).as_deref(), Some("1998-02-11T22:00"));
        assert_eq!(n("noon Thursday", a).as_deref(), Some("1998-02-12T12:00"));
        assert_eq!(n("around 7:15 p.m.", a).as_deref(), Some("1998-02-12T19:15"));
        assert_eq!(n("this morning", a).as_deref(), Some("1998-02-12TMO"));
        assert_eq!(n("last night", a).as_deref(), Some("1998-02-11TNI"));
        assert_eq!(n("Thursday evening", a).as_deref(), Some("1998-02-12TEV"));
        assert_eq!(n("3 p.m.", a).as_deref(), Some("1998-02-12T15:00"));
    }

    /// The time entities the rules find and `annotate` values: (text, label, value).
    fn time_entities(text: &str, date: &str) -> Vec<(String, &'static str, Option<String>)> {
        let mut art = Article { text: text.to_string(), date: Some(date.to_string()), ..Default::default() };
        art.entities = crate::entities::rules::find(&art);
        annotate(&mut art);
        art.entities
            .iter()
            .filter(|e| matches!(e.label, Label::Date | Label::Time | Label::Duration | Label::Set))
            .map(|e| (art.slice(e.span).to_string(), e.label.as_str(), e.value.clone()))
            .collect()
    }

    fn annotated(text: &str, date: &str) -> Vec<(String, Option<String>)> {
        time_entities(text, date).into_iter().map(|(t, _, v)| (t, v)).collect()
    }

    fn labelled(text: &str, date: &str) -> Vec<(String, &'static str)> {
        time_entities(text, date).into_iter().map(|(t, l, _)| (t, l)).collect()
    }

    #[test]
    fn durations_and_sets_get_timeml_labels() {
        let got = labelled("Talks lasted three years and he met her every Thursday until last week.", "2023-07-27");
        let find = |t: &str| got.iter().find(|(x, _)| x.contains(t)).map(|(_, l)| *l);
        assert_eq!(find("three years"), Some("DURATION"), "{got:?}");
        assert_eq!(find("Thursday"), Some("SET"), "{got:?}");
        assert_eq!(find("last week"), Some("DATE"), "{got:?}");
        // negatives: points in time stay DATE/TIME, PRESENT_REF is not a duration
        let got = labelled("He spoke now, on Wednesday at 3 p.m., about the past.", "2023-07-27");
        assert!(got.iter().all(|(_, l)| *l == "DATE" || *l == "TIME"), "{got:?}");
        assert_eq!(timeml_label(Label::Date, Some("PRESENT_REF")), Label::Date);
        assert_eq!(timeml_label(Label::Date, Some("PAST_REF")), Label::Date);
        assert_eq!(timeml_label(Label::Time, Some("PT2H")), Label::Duration);
        assert_eq!(timeml_label(Label::Date, Some("PXY")), Label::Duration);
        assert_eq!(timeml_label(Label::Date, None), Label::Date);
    }

    #[test]
    fn year_ended_is_a_period() {
        let v = annotated("Net income rose for the year ended Aug. 31, and this year it fell.", "1989-10-30");
        let got: Vec<(&str, &str)> = v.iter().map(|(t, v)| (t.as_str(), v.as_deref().unwrap_or("-"))).collect();
        assert_eq!(got, [("the year", "P1Y"), ("Aug. 31", "1989-08-31"), ("this year", "1989")]);
        // negatives: the quarter ended is the quarter; "the year" alone is the year
        let v = annotated("Sales rose in the quarter ended Sept. 30. The year was good.", "1989-10-30");
        assert!(v.iter().all(|(_, v)| v.as_deref() != Some("P1Y")), "{v:?}");
    }

    #[test]
    fn tense_picks_the_weekday() {
        let v = annotated("The ministers will meet on Friday in Geneva.", "2023-07-27");
        assert_eq!(v, [("Friday".to_string(), Some("2023-07-28".to_string()))]);
        let v = annotated("The ministers met on Friday in Geneva.", "2023-07-27");
        assert_eq!(v, [("Friday".to_string(), Some("2023-07-21".to_string()))]);
        let v = annotated("The company said Friday it will cut jobs.", "2023-07-29");
        assert_eq!(v[0].1.as_deref(), Some("2023-07-28"));
        let v = annotated("Kim and Putin meet separately Monday with the envoy.", "2023-07-27");
        assert_eq!(v[0].1.as_deref(), Some("2023-07-31"), "a scheduled meeting");
        let v = annotated("The envoy flew to Seoul to meet Kim on Monday.", "2023-07-27");
        assert_eq!(v[0].1.as_deref(), Some("2023-07-24"), "a purpose, told in the past");
    }

    #[test]
    fn plans_fiscal_periods_and_reported_speech_point_ahead() {
        let first = |text: &str, date: &str| annotated(text, date)[0].1.clone().unwrap_or_default();
        // 2000-01-07 is a Friday
        assert_eq!(first("Farmers planned a march on Saturday.", "2000-01-07"), "2000-01-08");
        assert_eq!(first("The hearing was postponed until Tuesday.", "2000-01-07"), "2000-01-11");
        assert_eq!(first("The hearing was adjourned to Monday.", "2000-01-07"), "2000-01-10");
        assert_eq!(first("The march took place on Saturday.", "2000-01-07"), "2000-01-01");
        // A period not yet begun is this year's, unless the clause reports it as done.
        assert_eq!(first("Ministers agreed a ceiling for the fourth quarter.", "1987-06-29"), "1987-Q4");
        assert_eq!(first("Exports will grow in the second half.", "1987-06-29"), "1987-H2");
        assert_eq!(first("Fourth-quarter earnings fell sharply.", "1987-02-10"), "1986-Q4");
        assert_eq!(first("Sales rose in the second half.", "1987-03-02"), "1986-H2");
        // What was said may lie ahead: the tense of the saying does not decide it.
        let v = annotated("The governor said on Tuesday that an April rate cut was unlikely.", "1987-03-12");
        let got: Vec<&str> = v.iter().map(|(_, v)| v.as_deref().unwrap_or("-")).collect();
        assert_eq!(got, ["1987-03-10", "1987-04"]);
        // "fall" as a decline is no season; as a season it still is.
        assert!(annotated("The fall in bond yields surprised dealers.", "1987-03-10").is_empty());
        assert!(annotated("A fall of 3 pct was forecast.", "1987-03-10").is_empty());
        assert_eq!(first("The mill closed last fall.", "1987-03-10"), "1986-FA");
        assert_eq!(first("Talks resume in the fall.", "1987-03-10"), "1987-FA");
    }

    #[test]
    fn since_points_back() {
        let v = annotated("The index is up 5% since year-end, and will close at year-end.", "1989-10-30");
        let got: Vec<&str> = v.iter().map(|(_, v)| v.as_deref().unwrap_or("-")).collect();
        assert_eq!(got, ["1988-12-31", "1989-12-31"]);
        let v = annotated("Prices have doubled since December.", "1989-10-30");
        assert_eq!(v[0].1.as_deref(), Some("1988-12"));
    }

    #[test]
    fn anaphora_follows_the_last_mention() {
        let v = annotated(
            "This photo, released on July 27, 2023, shows an exhibition the previous day. Profit rose in the third quarter, up from a year earlier.",
            "2023-08-02",
        );
        let got: Vec<(&str, &str)> = v.iter().map(|(t, v)| (t.as_str(), v.as_deref().unwrap_or("-"))).collect();
        assert_eq!(
            got,
            [
                ("July 27, 2023", "2023-07-27"),
                ("the previous day", "2023-07-26"),
                ("the third quarter", "2023-Q3"),
                ("a year earlier", "2022-Q3")
            ]
        );
    }

    #[test]
    fn the_latest_quarter_is_the_comparison_base() {
        let got = |text: &str| -> Vec<(String, String)> {
            annotated(text, "1989-11-02").into_iter().map(|(t, v)| (t, v.unwrap_or_default())).collect()
        };
        let v =
            got("It expects a fourth-quarter charge. Profit fell in the latest quarter, from $6 million a year ago.");
        assert_eq!(v.last().unwrap(), &("a year ago".to_string(), "1988-Q3".to_string()), "{v:?}");
        // without the reported quarter named, the last quarter mentioned stays the base
        let v = got("It expects a fourth-quarter charge, against $6 million a year ago.");
        assert_eq!(v.last().unwrap(), &("a year ago".to_string(), "1988-Q4".to_string()), "{v:?}");
    }

    #[test]
    fn parts_of_the_day_told_about() {
        let v =
            annotated("Shares fell on Friday. Dealers sold in the morning and bought later in the day.", "1989-10-30");
        let got: Vec<(&str, &str)> = v.iter().map(|(t, v)| (t.as_str(), v.as_deref().unwrap_or("-"))).collect();
        assert_eq!(
            got,
            [("Friday", "1989-10-27"), ("the morning", "1989-10-27TMO"), ("later in the day", "1989-10-27")]
        );
        // negatives: "the morning of" is an other phrase; "the day" alone is no time
        let v = annotated("In the morning of his career, the day was long.", "1989-10-30");
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn captions_keep_their_own_anaphora() {
        let text = "Kim met Shoigu on Wednesday. A photo released on July 20, 2023 shows them the previous day. They held talks the same day.";
        let mut art = Article { text: text.to_string(), date: Some("2023-07-27".into()), ..Default::default() };
        let ends = [28, 95, text.len()];
        let mut start = 0;
        for (k, &end) in ends.iter().enumerate() {
            let section = if k == 1 { Section::Caption(0) } else { Section::Body(0) };
            art.sentences.push(Sentence { span: Span::new(start, end), token_start: 0, token_end: 0, section });
            start = end + 1;
        }
        art.entities = crate::entities::rules::find(&art);
        annotate(&mut art);
        let got: Vec<(&str, &str)> =
            art.entities.iter().map(|e| (art.slice(e.span), e.value.as_deref().unwrap_or("-"))).collect();
        assert_eq!(
            got,
            [
                ("Wednesday", "2023-07-26"),
                ("July 20, 2023", "2023-07-20"),
                ("the previous day", "2023-07-19"),
                ("the same day", "2023-07-26")
            ]
        );
    }

    #[test]
    fn not_time_expressions() {
        assert_eq!(n("it may rain", D), None);
        assert_eq!(n("They march on the capital", D), None);
        assert_eq!(n("Theresa May spoke", D), None);
        assert_eq!(n("Hwasong-18", D), None);
        assert_eq!(n("COVID-19", D), None);
        assert_eq!(n("Exhibition-2023", D), None);
        assert_eq!(n("as soon as possible", D), None);
    }
}
