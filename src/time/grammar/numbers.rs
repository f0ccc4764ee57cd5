//! Number-led expressions: years and year ranges, numeric dates ("7/27/2023"), clock times
//! ("10:30 a.m. EST") and counts of units ("two years ago", "10 days", "five-year").
use super::{duration, duration_x, Core, Matcher, Sem};
use crate::time::scan::{low, Kind, Lex, Unit};

impl Matcher<'_> {
    /// Number-led expressions: years, ranges, numeric dates, "27 July", clock times, "two years ago",
    /// durations.
    pub(super) fn numeric(&self, j: usize, after_edge: bool) -> Option<Core> {
        // A number glued to a word by a hyphen is part of a name: "Hwasong-18", "COVID-19".
        if j >= 2
            && self.p(j - 1, "-")
            && self.glued(j - 1)
            && self.glued(j)
            && self.kind(j - 2) == Some(Kind::Word)
            && !matches!(self.lex(j - 2), Lex::Edge | Lex::Month { .. })
        {
            return None;
        }
        if j >= 1 && (self.p(j - 1, "$") || self.p(j - 1, "#")) && self.glued(j) {
            return None;
        }
        if j >= 1 && self.kind(j - 1) == Some(Kind::Num) && self.glued(j) {
            return None;
        }
        if let Some(c) = self.numeric_date(j) {
            return Some(c);
        }
        if let Some(c) = self.century(j) {
            return Some(c);
        }
        if let Some(c) = self.clock(j) {
            return Some(c);
        }
        // "27 July 2023"
        if let Some(d) = self.day_num(j) {
            if let Lex::Month { m, abbr } = self.lex(j + 1) {
                let mut e = j + 2;
                let period = self.p(e, ".") && self.glued(e);
                if period {
                    e += 1;
                }
                if !abbr || period || self.year4(e).is_some() {
                    let mut sem = Sem { month: Some(m), day: Some(d), ..Default::default() };
                    if let Some(y) = self.year4(e) {
                        sem.year = Some(y);
                        e += 1;
                    }
                    return Some(Core::new(e, sem));
                }
            }
        }
        if let Some(y) = self.year4(j) {
            return self.year_expr(j, y, after_edge);
        }
        let digits = self.digits(j)?;
        // "the 1990s" without "the", "mid-1990s"
        if digits.len() == 4 && self.suffix(j) == "s" {
            let y: i32 = digits.parse().ok()?;
            return Some(Core::new(j + 1, Sem { decade: Some(y / 10), ..Default::default() }));
        }
        self.count_unit(j)
    }

    pub(super) fn year_expr(&self, j: usize, y: i32, after_edge: bool) -> Option<Core> {
        let mut e = j + 1;
        // Ranges: "1950-53", "1950-1953", "1986/87"
        if (self.p(e, "-") || self.p(e, "/") || self.p(e, "\u{2013}")) && self.glued(e) && self.glued(e + 1) {
            if let Some(d) = self.digits(e + 1) {
                if self.suffix(e + 1).is_empty() && d.bytes().all(|b| b.is_ascii_digit()) {
                    let end = match d.len() {
                        2 => Some(y / 100 * 100 + d.parse::<i32>().ok()?),
                        4 => d.parse::<i32>().ok(),
                        _ => None,
                    };
                    if let Some(end) = end.filter(|&x| x > y && x - y < 100) {
                        return Some(Core::new(
                            e + 2,
                            Sem { year: Some(y), year_end: Some(end), ..Default::default() },
                        ));
                    }
                }
            }
            return None;
        }
        if self.amount_follows(e) {
            return None;
        }
        if let Some(p) = j.checked_sub(1) {
            let pw = low(self.s(p));
            if matches!(
                pw.as_str(),
                "$" | "about"
                    | "some"
                    | "nearly"
                    | "approximately"
                    | "than"
                    | "roughly"
                    | "almost"
                    | "over"
                    | "under"
                    | "no"
                    | "number"
                    | "flight"
                    | "route"
                    | "highway"
                    | "room"
                    | "page"
                    | "article"
                    | "section"
            ) && !after_edge
            {
                return None;
            }
            let pt = &self.toks[p];
            if pt.kind == Kind::Word && pt.cap && pt.lex == Lex::None && !after_edge && !self.sentence_start(p) {
                // "Orion 1980", "Exhibition 2023": part of a name.
                return None;
            }
            if y < 1900 {
                let ctx = matches!(
                    pw.as_str(),
                    "in" | "since"
                        | "of"
                        | "from"
                        | "until"
                        | "by"
                        | "year"
                        | "to"
                        | "and"
                        | "before"
                        | "after"
                        | "circa"
                        | "fiscal"
                        | "-"
                ) || after_edge;
                if !ctx {
                    return None;
                }
            }
        } else if y < 1900 {
            return None;
        }
        // "1988 period" is handled with "the"; a bare year stands alone.
        let _ = &mut e;
        Some(Core::new(e, Sem { year: Some(y), ..Default::default() }))
    }

    /// "7/27/2023", "2023-07-27", "02/13/98".
    pub(super) fn numeric_date(&self, j: usize) -> Option<Core> {
        let a = self.digits(j)?;
        for sep in ["/", "-"] {
            if !(self.p(j + 1, sep) && self.glued(j + 1) && self.glued(j + 2)) {
                continue;
            }
            let b = self.digits(j + 2)?;
            if !(self.p(j + 3, sep) && self.glued(j + 3) && self.glued(j + 4)) {
                continue;
            }
            let c = self.digits(j + 4)?;
            if !self.suffix(j + 4).is_empty() || self.glued(j + 5) && self.kind(j + 5) == Some(Kind::Num) {
                continue;
            }
            let (ia, ib, ic): (u32, u32, u32) = (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
            let (y, m, d) = if sep == "-" && a.len() == 4 {
                (ia as i32, ib, ic)
            } else if sep == "/" && (c.len() == 4 || c.len() == 2) {
                let y = if c.len() == 2 {
                    if ic < 50 {
                        2000 + ic
                    } else {
                        1900 + ic
                    }
                } else {
                    ic
                };
                (y as i32, ia, ib)
            } else {
                continue;
            };
            if (1..=12).contains(&m) && (1..=31).contains(&d) && (1000..=2099).contains(&y) {
                return Some(Core::new(
                    j + 5,
                    Sem { year: Some(y), month: Some(m as u8), day: Some(d as u8), ..Default::default() },
                ));
            }
        }
        None
    }

    /// "3 p.m.", "10:30 a.m. EST", "7pm", "14:26", "10 p.m. Wednesday".
    pub(super) fn clock(&self, j: usize) -> Option<Core> {
        let d = self.digits(j)?;
        if d.len() > 2 || !d.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let mut h: u32 = d.parse().ok()?;
        let mut min = 0u32;
        let mut e = j + 1;
        let mut has_minutes = false;
        let mut suf = low(self.suffix(j));
        if suf.is_empty() && self.p(e, ":") && self.glued(e) && self.glued(e + 1) {
            let m = self.digits(e + 1)?;
            if m.len() != 2 {
                return None;
            }
            min = m.parse().ok()?;
            has_minutes = true;
            suf = low(self.suffix(e + 1));
            e += 2;
            // seconds
            if self.p(e, ":") && self.glued(e) && self.digits(e + 1).is_some_and(|s| s.len() == 2) {
                e += 2;
            }
        }
        let mut ampm: Option<bool> = match suf.as_str() {
            "am" => Some(false),
            "pm" => Some(true),
            "" => None,
            _ => return None,
        };
        if ampm.is_none() {
            // "a.m." / "p.m." / "am" / "pm" / "A.M."
            let w = low(self.s(e));
            if (w == "a" || w == "p")
                && self.p(e + 1, ".")
                && self.glued(e + 1)
                && self.is(e + 2, "m")
                && self.glued(e + 2)
            {
                ampm = Some(w == "p");
                e += 3;
                if self.p(e, ".") && self.glued(e) {
                    e += 1;
                }
            } else if w == "am" || w == "pm" {
                ampm = Some(w == "pm");
                e += 1;
            } else if w == "o" && self.p(e + 1, "'") && self.is(e + 2, "clock") {
                e += 3;
                ampm = Some(h < 7 || h == 12);
                if h == 12 {
                    ampm = Some(true);
                }
            }
        }
        match ampm {
            Some(pm) => {
                if !(1..=12).contains(&h) || min > 59 {
                    return None;
                }
                if pm && h != 12 {
                    h += 12;
                } else if !pm && h == 12 {
                    h = 0;
                }
            }
            None => {
                if !has_minutes || h > 24 || min > 59 {
                    return None;
                }
            }
        }
        let mut c = Core { end: e, sem: Sem { clock: Some((h as u8, min as u8)), ..Default::default() }, time: true };
        self.date_after_time(&mut c);
        Some(c)
    }

    /// "two years ago", "a year earlier", "10 days", "210 years", "five-year".
    pub(super) fn count_unit(&self, j: usize) -> Option<Core> {
        let (v, vague, article, mut k) = self.count(j)?;
        let hyphen = self.p(k, "-") && self.glued(k) && self.glued(k + 1);
        if hyphen {
            k += 1;
        }
        let Lex::Unit { u, plural } = self.lex(k) else { return None };
        if u == Unit::Half {
            return None;
        }
        if plural && (v == 1 && !vague) && !hyphen {
            return None;
        }
        let mut e = k + 1;
        // "a week or so ago"
        if self.is(e, "or") && self.is(e + 1, "so") && matches!(self.lex(e + 2), Lex::Ago | Lex::EarlierLater(_)) {
            e += 2;
        }
        let time_unit = matches!(u, Unit::Hour | Unit::Minute | Unit::Second);
        match self.lex(e) {
            Lex::Ago if !hyphen => {
                let sem = if vague {
                    Sem { reference: Some("PAST_REF"), ..Default::default() }
                } else {
                    Sem { shift: Some((u, -(v as i32))), ..Default::default() }
                };
                return Some(Core { end: e + 1, sem, time: time_unit });
            }
            Lex::EarlierLater(d) if !hyphen && !vague && (self.is(e, "earlier") || self.is(e, "later")) => {
                let sem = Sem { shift: Some((u, d as i32 * v as i32)), anaphoric: true, ..Default::default() };
                return Some(Core { end: e + 1, sem, time: time_unit });
            }
            _ => {}
        }
        if article || u == Unit::Weekend {
            return None;
        }
        // "18-year-old" is an age, not a time.
        if hyphen && self.p(e, "-") && self.glued(e) && self.is(e + 1, "old") {
            return None;
        }
        let dur = if vague { duration_x(u) } else { duration(v, u) };
        Some(Core { end: e, sem: Sem { duration: Some(dur), ..Default::default() }, time: time_unit })
    }
}
