//! Named periods: seasons, quarters and halves, centuries and decades, and years as words
//! ("nineteen ninety-six").
use super::{Core, Matcher, Sem};
use crate::time::scan::{low, Lex, Unit};

/// Words after "fall" that make it the noun or verb of a decline rather than the season.
const FALL_AS_DECLINE_BEFORE: &[&str] =
    &["in", "of", "to", "from", "back", "by", "short", "below", "off", "sharply", "further", "apart", "into", "for"];

impl Matcher<'_> {
    /// "the summer", "summer 1990", "the summer of 1990".
    pub(super) fn season(&self, j: usize) -> Option<Core> {
        let Lex::Season(s) = self.lex(j) else { return None };
        let mut c = Core::new(j + 1, Sem { season: Some(s), ..Default::default() });
        if let Some((y, e)) = self.year_at(j + 1) {
            c.sem.year = Some(y);
            c.end = e;
        } else {
            self.of_year(&mut c);
        }
        // "the fall in inflation", "a fall of 3%", "the fall of the Wall": a decline, not autumn.
        if c.sem.year.is_none() && self.is(j, "fall") && FALL_AS_DECLINE_BEFORE.iter().any(|w| self.is(j + 1, w)) {
            return None;
        }
        Some(c)
    }

    pub(super) fn of_year(&self, c: &mut Core) {
        if self.is(c.end, "of") {
            if let Some((y, e)) = self.year_at(c.end + 1) {
                c.sem.year = Some(y);
                c.end = e;
            }
        }
    }

    /// A year in digits or spoken ("nineteen ninety-six"): (year, end).
    pub(super) fn year_at(&self, k: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year4(k) {
            return Some((y, k + 1));
        }
        self.spoken_year(k)
    }

    /// "nineteen ninety-six", "nineteen seventy-nine" (broadcast transcripts spell years out).
    pub(super) fn spoken_year(&self, k: usize) -> Option<(i32, usize)> {
        let Lex::NumWord(hi) = self.lex(k) else { return None };
        if !(10..=20).contains(&hi) {
            return None;
        }
        let Lex::NumWord(tens) = self.lex(k + 1) else { return None };
        if !(10..=90).contains(&tens) {
            return None;
        }
        let mut lo = tens as i32;
        let mut e = k + 2;
        if tens >= 20 && tens % 10 == 0 && self.p(e, "-") && self.glued(e) {
            if let Lex::NumWord(u) = self.lex(e + 1) {
                if u < 10 {
                    lo += u as i32;
                    e += 2;
                }
            }
        }
        Some((hi as i32 * 100 + lo, e))
    }

    /// "third-quarter", "the fourth quarter of 1990", "fiscal 1989", "the 1988 second quarter",
    /// "the fiscal first quarter", "first half", "4th qtr".
    pub(super) fn quarter(&self, j: usize) -> Option<Core> {
        let mut k = j;
        let mut sem = Sem::default();
        let mut fiscal = false;
        if self.lex(k) == Lex::Fiscal {
            fiscal = true;
            k += 1;
            if self.p(k, "-") && self.glued(k) {
                k += 1;
            }
        }
        if let Some(y) = self.year4(k) {
            if fiscal && !matches!(self.lex(k + 1), Lex::OrdWord(_)) && !self.amount_follows(k + 1) {
                // "fiscal 1989"
                sem.year = Some(y);
                return Some(Core::new(k + 1, sem));
            }
            sem.year = Some(y);
            k += 1;
            // "the 1988 period", "the 1988 quarter": the quarter being reported, in 1988
            if self.is(k, "period") || self.is(k, "quarter") {
                return Some(Core::new(k + 1, Sem { unit_ref: Some(Unit::Quarter), ..sem }));
            }
        }
        if self.lex(k) == Lex::Fiscal {
            k += 1;
        }
        let ord = match self.lex(k) {
            Lex::OrdWord(o) => Some(o),
            _ => {
                let d = self.digits(k)?;
                let suf = low(self.suffix(k));
                if matches!(suf.as_str(), "st" | "nd" | "rd" | "th") {
                    d.parse::<u16>().ok()
                } else {
                    None
                }
            }
        }?;
        k += 1;
        // "the first two quarters (of 1990)": the first half
        if ord == 1 && self.is(k, "two") && self.lex(k + 1) == (Lex::Unit { u: Unit::Quarter, plural: true }) {
            let mut c = Core::new(k + 2, Sem { half: Some(1), ..sem });
            self.of_year(&mut c);
            return Some(c);
        }
        if self.p(k, "-") && self.glued(k) {
            k += 1;
        }
        match self.lex(k) {
            Lex::Unit { u: Unit::Quarter, plural: false } if (1..=4).contains(&ord) => sem.quarter = Some(ord as u8),
            Lex::Unit { u: Unit::Half, plural: false } if (1..=2).contains(&ord) => sem.half = Some(ord as u8),
            _ => return None,
        }
        let mut c = Core::new(k + 1, sem);
        self.of_year(&mut c);
        Some(c)
    }

    /// "the 20th century", "19th-century".
    pub(super) fn century(&self, j: usize) -> Option<Core> {
        let ord: i32 = match self.lex(j) {
            Lex::OrdWord(o) => o as i32,
            _ => {
                let d = self.digits(j)?;
                let suf = low(self.suffix(j));
                if !matches!(suf.as_str(), "st" | "nd" | "rd" | "th") {
                    return None;
                }
                d.parse().ok()?
            }
        };
        let mut k = j + 1;
        if self.p(k, "-") && self.glued(k) {
            k += 1;
        }
        if self.lex(k) != (Lex::Unit { u: Unit::Century, plural: false }) || !(1..=30).contains(&ord) {
            return None;
        }
        Some(Core::new(k + 1, Sem { century: Some(ord - 1), ..Default::default() }))
    }

    /// "'80s".
    pub(super) fn apostrophe_decade(&self, j: usize) -> Option<Core> {
        if !(self.p(j, "'") || self.p(j, "\u{2019}")) || !self.glued(j + 1) {
            return None;
        }
        let d = self.digits(j + 1)?;
        if d.len() == 2 && self.suffix(j + 1) == "s" {
            let v: u8 = d.parse().ok()?;
            return Some(Core::new(j + 2, Sem { decade_word: Some(v / 10), ..Default::default() }));
        }
        None
    }
}
