//! The Gregorian calendar: day numbers, month lengths, weekdays and ISO weeks, month names, and ISO
//! dates read and written. Shared by the dateline (structure) and time-expression (time) stages.

/// Month names in lower case, January first; their first three letters are the abbreviations.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y as i64 - 1 } else { y as i64 };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date of a day number from `days_from_civil`.
pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    // The day of the era is never negative: unsigned divisions are cheaper.
    let doe = (z - era * 146097) as u64;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe as i64 + era * 400 + if m <= 2 { 1 } else { 0 };
    (y as i32, m, d)
}

/// 0 = Monday.
pub fn weekday(days: i64) -> u32 {
    (days + 3).rem_euclid(7) as u32
}

/// Days in month `m` of year `y` (Gregorian leap years, as `days_from_civil` counts them: the
/// remainder test holds for years before 0 too); 0 for a month outside 1..=12, so that no day is
/// valid in it.
pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        _ => 0,
    }
}

/// ISO 8601 (year, week) of the week holding `days`.
pub fn iso_week(days: i64) -> (i32, u32) {
    let thursday = days - weekday(days) as i64 + 3;
    let (y, _, _) = civil_from_days(thursday);
    let week = (thursday - days_from_civil(y, 1, 1)) / 7 + 1;
    (y, week as u32)
}

/// Parses `YYYY-MM-DD` (or a longer ISO string starting with it) into a day number.
pub fn parse_iso_date(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    // `get`: the dashes being in place says nothing about the other bytes ("2026-12-0˭4").
    let y: i32 = s.get(0..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// `YYYY-MM-DD` for a valid date (`push_ymd`'s form), None for a day the month does not have.
pub fn valid_ymd(y: i32, m: u32, d: u32) -> Option<String> {
    if !(d >= 1 && d <= days_in_month(y, m)) {
        return None;
    }
    // Written by hand: `format!` costs more than the rest of a dateline's date.
    let mut out = String::with_capacity(10);
    push_ymd(&mut out, y, m, d);
    Some(out)
}

/// The month a name starts with: "jan", "January", "SEPT" -> its number (the first three letters
/// decide).
pub fn month_number(m: &str) -> Option<u32> {
    let k = m.get(..3)?;
    MONTH_NAMES.iter().position(|n| n[..3].eq_ignore_ascii_case(k)).map(|i| i as u32 + 1)
}

/// The month a whole word names: a full name or its three-letter abbreviation, or "Sept", in any
/// case, with or without a full stop.
pub fn month_of_word(w: &str) -> Option<u32> {
    let w = w.strip_suffix('.').unwrap_or(w);
    if !(3..=9).contains(&w.len()) {
        return None;
    }
    let names = |n: &&str| n.eq_ignore_ascii_case(w) || (w.len() == 3 && n[..3].eq_ignore_ascii_case(w));
    if let Some(i) = MONTH_NAMES.iter().position(names) {
        return Some(i as u32 + 1);
    }
    w.eq_ignore_ascii_case("sept").then_some(9)
}

/// Appends the ISO date `YYYY-MM-DD`, as `format!("{y:04}-{m:02}-{d:02}")` writes it.
pub fn push_ymd(out: &mut String, y: i32, m: u32, d: u32) {
    // The usual case in one piece: four-digit year, two-digit month and day.
    if (0..10_000).contains(&y) && m < 100 && d < 100 {
        let y = y as u32;
        let digit = |v: u32| b'0' + v as u8;
        let s = [
            digit(y / 1000),
            digit(y / 100 % 10),
            digit(y / 10 % 10),
            digit(y % 10),
            b'-',
            digit(m / 10),
            digit(m % 10),
            b'-',
            digit(d / 10),
            digit(d % 10),
        ];
        out.extend(s.iter().map(|&c| char::from(c)));
        return;
    }
    push_num(out, y as i64, 4);
    out.push('-');
    push_num(out, m as i64, 2);
    out.push('-');
    push_num(out, d as i64, 2);
}

/// Appends `n` zero-padded to `width` digits, as `format!("{n:0width$}")` writes it (a minus sign
/// counts towards the width).
pub fn push_num(out: &mut String, n: i64, width: usize) {
    // Written right to left into one buffer, then appended at once.
    let mut buf = [b'0'; 48];
    let mut k = buf.len();
    let mut v = n.unsigned_abs();
    loop {
        k -= 1;
        buf[k] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let sign = usize::from(n < 0);
    // zero padding (the buffer is all '0' left of the digits)
    let pad = width.min(buf.len() - 1).saturating_sub(buf.len() - k + sign);
    k -= pad;
    if n < 0 {
        k -= 1;
        buf[k] = b'-';
    }
    out.extend(buf[k..].iter().map(|&c| char::from(c)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_padded_as_format_pads_them() {
        for n in [-12345i64, -5, 0, 7, 42, 199, 1987, 20231, 9_999_999] {
            for width in 1..=4 {
                let mut s = String::new();
                push_num(&mut s, n, width);
                assert_eq!(s, format!("{n:0width$}"), "{n} width {width}");
            }
        }
        let mut s = String::new();
        push_ymd(&mut s, 987, 2, 6);
        assert_eq!(s, "0987-02-06");
    }

    #[test]
    fn month_lengths_follow_the_day_count() {
        for y in -801..=2401 {
            for m in 1..=12u32 {
                let next = if m == 12 { days_from_civil(y + 1, 1, 1) } else { days_from_civil(y, m + 1, 1) };
                assert_eq!(days_in_month(y, m) as i64, next - days_from_civil(y, m, 1), "{y}-{m}");
            }
            // no day is valid in a month that does not exist
            assert_eq!((days_in_month(y, 0), days_in_month(y, 13)), (0, 0));
        }
    }

    #[test]
    fn calendar_round_trips() {
        for &(y, m, d) in &[(1970, 1, 1), (2000, 2, 29), (1987, 2, 26), (2023, 7, 27), (1899, 12, 31)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(weekday(days_from_civil(2023, 7, 27)), 3, "2023-07-27 was a Thursday");
        assert_eq!(iso_week(days_from_civil(2023, 7, 27)), (2023, 30));
        assert_eq!(iso_week(days_from_civil(2021, 1, 3)), (2020, 53));
        assert_eq!(parse_iso_date("2023-02-30"), None);
        assert_eq!(parse_iso_date("2023-13-01"), None);
        assert_eq!(parse_iso_date("1998-02-13T14:26:00"), Some(days_from_civil(1998, 2, 13)));
        // Non-ASCII where a digit should be is no date, not a panic (found by fuzzing normalize_time).
        assert_eq!(parse_iso_date("2026-12-0\u{2ed}4"), None);
    }

    #[test]
    fn dates_written_as_iso() {
        assert_eq!(valid_ymd(1987, 3, 5).as_deref(), Some("1987-03-05"));
        assert_eq!(valid_ymd(7, 12, 31).as_deref(), Some("0007-12-31"));
        assert_eq!(valid_ymd(-1, 1, 2).as_deref(), Some("-001-01-02"));
        assert_eq!(valid_ymd(10000, 1, 2).as_deref(), Some("10000-01-02"));
        assert_eq!(valid_ymd(2023, 2, 29), None);
        assert_eq!(valid_ymd(2024, 2, 29).as_deref(), Some("2024-02-29"));
        assert_eq!((valid_ymd(2024, 0, 1), valid_ymd(2024, 13, 1), valid_ymd(2024, 1, 0)), (None, None, None));
    }

    #[test]
    fn month_names() {
        for (w, m) in [("jan", 1), ("January", 1), ("SEPT", 9), ("Sept.", 9), ("sep", 9), ("may", 5), ("Dec.", 12)] {
            assert_eq!(month_of_word(w), Some(m), "{w}");
        }
        for w in ["ja", "janu", "mayo", "septem", "x", "", "Decembers"] {
            assert_eq!(month_of_word(w), None, "{w}");
        }
        assert_eq!(month_number("SEPTEMBER"), Some(9));
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("ma"), None);
    }
}
