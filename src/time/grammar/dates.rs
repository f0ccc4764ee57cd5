//! Month-led dates ("July 27, 2023", "Aug. 2", "August 1988") and weekdays ("Saturday, April
//! 25", "Thursday evening"), with a date written after a clock time.
use super::{Core, Matcher, Sem};
use crate::time::scan::{low, Kind, Lex, Unit};

impl Matcher<'_> {
    /// Month-led dates: "July 27, 2023", "Aug. 2", "August 1988", "October", "January this year".
    pub(super) fn month_date(&self, j: usize) -> Option<Core> {
        let Lex::Month { m, abbr } = self.lex(j) else { return None };
        let mut k = j + 1;
        let period = abbr && self.p(k, ".") && self.glued(k);
        if period {
            k += 1;
        }
        let mut sem = Sem { month: Some(m), ..Default::default() };
        if let Lex::OrdWord(d) = self.lex(k) {
            if (1..=31).contains(&d) && !abbr {
                sem.day = Some(d as u8);
                return Some(Core::new(k + 1, sem));
            }
        }
        if let Some(d) = self.day_num(k) {
            if !self.amount_follows(k + 1) && !(self.p(k + 1, "-") && self.glued(k + 1)) {
                sem.day = Some(d);
                let mut e = k + 1;
                let y = if self.p(e, ",") { e + 1 } else { e };
                if let Some((yr, ye)) = self.year_at(y) {
                    if !self.amount_follows(ye) {
                        sem.year = Some(yr);
                        e = ye;
                    }
                }
                return Some(Core::new(e, sem));
            }
        }
        let y = if self.is(k, "of") { k + 1 } else { k };
        if let Some((yr, ye)) = self.year_at(y) {
            if !self.amount_follows(ye) {
                sem.year = Some(yr);
                return Some(Core::new(ye, sem));
            }
        }
        // A month name alone.
        let tok = &self.toks[j];
        if !tok.cap || (abbr && !period) {
            return None;
        }
        let prev = j.checked_sub(1);
        let prev_ctx = prev.is_some_and(|p| {
            let w = low(self.s(p));
            matches!(
                w.as_str(),
                "in" | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "from"
                    | "of"
                    | "during"
                    | "through"
                    | "before"
                    | "after"
                    | "between"
                    | "and"
                    | "or"
                    | "to"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "every"
                    | "each"
                    | "that"
                    | "-"
                    | ","
                    | "end"
                    | "beginning"
                    | "around"
            ) || matches!(self.lex(p), Lex::Month { .. })
        });
        // "May" and "March" are also verbs; alone they need a word that introduces a month.
        if (m == 5 || m == 3) && !prev_ctx {
            return None;
        }
        // A capitalised word before or after makes it a name: "Theresa May", "August Wilson".
        if let Some(p) = prev {
            let pt = &self.toks[p];
            if pt.kind == Kind::Word && pt.cap && !prev_ctx && !self.toks[j].newline && !self.sentence_start(p) {
                return None;
            }
        }
        let nt = self.toks.get(k);
        if nt.is_some_and(|t| t.kind == Kind::Word && t.cap && t.lex == Lex::None) {
            return None;
        }
        let mut e = k;
        if let (Lex::Rel(n), Lex::Unit { u: Unit::Year, plural: false }) = (self.lex(e), self.lex(e + 1)) {
            if !self.is(e, "past") {
                sem.rel = Some((Unit::Year, n as i32));
                e += 2;
            }
        }
        Some(Core::new(e, sem))
    }

    /// "Wednesday", "Saturday, April 25", "Friday Oct. 13", "Thursday evening".
    pub(super) fn weekday(&self, j: usize) -> Option<Core> {
        let Lex::Weekday(w) = self.lex(j) else { return None };
        if j > 0 && (self.is(j - 1, "each") || self.is(j - 1, "every")) {
            // "every Thursday": a TimeML SET.
            let sem = Sem { duration: Some(format!("XXXX-WXX-{}", w + 1)), ..Default::default() };
            return Some(Core::new(j + 1, sem));
        }
        let mut sem = Sem { weekday: Some(w), ..Default::default() };
        let mut e = j + 1;
        let k = if self.p(e, ",") { e + 1 } else { e };
        if let Some(c) = self.month_date(k) {
            if c.sem.day.is_some() {
                sem = Sem { weekday: Some(w), ..c.sem };
                e = c.end;
            }
        } else if let Some(d) = self.day_num(k) {
            // "Friday 13" / "Saturday, 25 April"
            if let Lex::Month { m, .. } = self.lex(k + 1) {
                sem.month = Some(m);
                sem.day = Some(d);
                e = k + 2;
                if self.p(e, ".") && self.glued(e) {
                    e += 1;
                }
                if let Some(y) = self.year4(e) {
                    sem.year = Some(y);
                    e += 1;
                }
            }
        }
        Some(Core::new(e, sem))
    }

    /// After a clock time: "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST, Nov. 6".
    pub(super) fn date_after_time(&self, c: &mut Core) {
        let mut k = c.end;
        if self.lex(k) == Lex::Zone {
            k += 1;
            c.end = k;
        } else if self.is(k, "local") && self.is(k + 1, "time") {
            k += 2;
            c.end = k;
        }
        let k2 = if self.p(k, ",") { k + 1 } else { k };
        let d = match self.lex(k2) {
            Lex::Weekday(_) => self.weekday(k2),
            Lex::DayRel(n) => Some(Core::new(k2 + 1, Sem { day_offset: Some(n as i32), ..Default::default() })),
            Lex::Month { .. } => self.month_date(k2).filter(|d| d.sem.day.is_some()),
            _ => None,
        };
        if let Some(d) = d {
            if d.sem.pod.is_none() {
                let clock = c.sem.clock;
                c.sem = Sem { clock, ..d.sem };
                c.end = d.end;
            }
        }
    }
}
