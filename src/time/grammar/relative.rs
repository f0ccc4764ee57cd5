//! Expressions led by "the" and relative ones ("this week", "last year", "the previous day",
//! "a year earlier", "year-end", "the year-ago quarter").
use super::{duration, duration_x, Core, Matcher, Sem, POD};
use crate::time::scan::{low, Kind, Kw, Lex, Unit};

impl Matcher<'_> {
    /// Expressions led by "the".
    pub(super) fn the_expr(&self, j: usize, after_edge: bool) -> Option<Core> {
        let k = j + 1;
        match self.lex(k) {
            Lex::Rel(n) => {
                if let Some(c) = self.rel_expr(k, true) {
                    return Some(c);
                }
                let w = low(self.s(k));
                let r = match w.as_str() {
                    "past" => "PAST_REF",
                    "present" => "PRESENT_REF",
                    _ => return None,
                };
                let _ = n;
                Some(Core::new(k + 1, Sem { reference: Some(r), ..Default::default() }))
            }
            // "(later) in the morning": a part of the day the story is telling about.
            Lex::Pod(p) if self.is(j.wrapping_sub(1), "in") && !self.is(k + 1, "of") => Some(Core {
                end: k + 1,
                sem: Sem { pod: Some(POD[p as usize]), anaphoric: true, ..Default::default() },
                time: true,
            }),
            // "the future of the country" is a noun, not a time.
            Lex::Kw(Kw::Future) if !self.is(k + 1, "of") => {
                Some(Core::new(k + 1, Sem { reference: Some("FUTURE_REF"), ..Default::default() }))
            }
            Lex::Kw(Kw::Same) | Lex::Kw(Kw::Latest) => self.rel_expr(k, true),
            _ if (self.is(k, "near") || self.is(k, "short"))
                && (self.is(k + 1, "future") || self.is(k + 1, "term")) =>
            {
                Some(Core::new(k + 2, Sem { reference: Some("FUTURE_REF"), ..Default::default() }))
            }
            Lex::Unit { u: Unit::Weekend, plural: false } => {
                Some(Core::new(k + 1, Sem { weekend: true, ..Default::default() }))
            }
            Lex::Fiscal if self.lex(k + 1) == (Lex::Unit { u: Unit::Year, plural: false }) => {
                Some(Core::new(k + 2, Sem { rel: Some((Unit::Year, 0)), ..Default::default() }))
            }
            Lex::Unit { u, plural: false } => {
                // "the end of the month" (after an edge), "the quarter", "the year-ago quarter".
                if let Some(c) = self.year_ago_phrase(k) {
                    return Some(c);
                }
                if u == Unit::Quarter && !(self.p(k + 1, "-") && self.glued(k + 1)) {
                    // "the quarter a year ago / a year earlier": the same quarter, a year back
                    if self.lex(k + 1) == Lex::A
                        && self.lex(k + 2) == (Lex::Unit { u: Unit::Year, plural: false })
                        && matches!(self.lex(k + 3), Lex::Ago | Lex::EarlierLater(-1))
                    {
                        let sem = Sem {
                            unit_ref: Some(Unit::Quarter),
                            shift: Some((Unit::Year, -1)),
                            anaphoric: true,
                            ..Default::default()
                        };
                        return Some(Core::new(k + 4, sem));
                    }
                    return Some(Core::new(k + 1, Sem { unit_ref: Some(Unit::Quarter), ..Default::default() }));
                }
                if after_edge && matches!(u, Unit::Year | Unit::Month | Unit::Week | Unit::Quarter) {
                    return Some(Core::new(k + 1, Sem { rel: Some((u, 0)), ..Default::default() }));
                }
                if u == Unit::Year {
                    // "the year two thousand", "the year 2000"
                    if let Some((y, e)) = self.year_at(k + 1) {
                        return Some(Core::new(e, Sem { year: Some(y), ..Default::default() }));
                    }
                    if self.is(k + 1, "two") && self.lex(k + 2) == Lex::Mag(3) {
                        return Some(Core::new(k + 3, Sem { year: Some(2000), ..Default::default() }));
                    }
                    // "for the year", "of the year": the current (reporting) year
                    let pw = j.checked_sub(1).map(|p| low(self.s(p))).unwrap_or_default();
                    if matches!(pw.as_str(), "for" | "of")
                        && !(self.p(k + 1, "-") && self.glued(k + 1))
                        && !(self.p(k + 1, "'"))
                    {
                        return Some(Core::new(k + 1, Sem { rel: Some((Unit::Year, 0)), ..Default::default() }));
                    }
                }
                None
            }
            Lex::Season(_) => self.season(k),
            Lex::DecadeWord(d) => Some(Core::new(k + 1, Sem { decade_word: Some(d), ..Default::default() })),
            Lex::OrdWord(_) | Lex::Fiscal => {
                let q = self.quarter(k).filter(|q| !self.hyphenated_before(q.end))?;
                Some(q)
            }
            _ if self.is(k, "full") && self.lex(k + 1) == (Lex::Unit { u: Unit::Year, plural: false }) => {
                Some(Core::new(k + 2, Sem { rel: Some((Unit::Year, 0)), ..Default::default() }))
            }
            _ => match self.kind(k) {
                Some(Kind::Num) => {
                    if let Some(c) = self.century(k) {
                        return Some(c);
                    }
                    if let Some(c) = self.quarter(k) {
                        return Some(c);
                    }
                    // "the 1990s"
                    let d = self.digits(k)?;
                    if d.len() == 4 && self.suffix(k) == "s" {
                        let y: i32 = d.parse().ok()?;
                        return Some(Core::new(k + 1, Sem { decade: Some(y / 10), ..Default::default() }));
                    }
                    None
                }
                Some(Kind::Punct) => self.apostrophe_decade(k),
                _ => {
                    // "the comparable year-ago quarter", "the corresponding period last year"
                    if self.is(k, "comparable") || self.is(k, "corresponding") || self.is(k, "prior") {
                        if let Some(c) = self.year_ago_phrase(k + 1) {
                            return Some(c);
                        }
                        if self.is(k + 1, "period") || self.is(k + 1, "quarter") {
                            if let (Lex::Rel(-1), Lex::Unit { u: Unit::Year, plural: false }) =
                                (self.lex(k + 2), self.lex(k + 3))
                            {
                                return Some(Core::new(
                                    k + 4,
                                    Sem { shift: Some((Unit::Year, -1)), anaphoric: true, ..Default::default() },
                                ));
                            }
                        }
                    }
                    None
                }
            },
        }
    }

    /// "year-ago quarter", "year-earlier period", "year-earlier third quarter" (at the word "year").
    pub(super) fn year_ago_phrase(&self, k: usize) -> Option<Core> {
        if !(self.lex(k) == (Lex::Unit { u: Unit::Year, plural: false })
            && self.p(k + 1, "-")
            && self.glued(k + 1)
            && self.glued(k + 2)
            && (self.is(k + 2, "ago") || self.is(k + 2, "earlier")))
        {
            return None;
        }
        let mut e = k + 3;
        let mut sem = Sem { shift: Some((Unit::Year, -1)), anaphoric: true, ..Default::default() };
        if let Some(q) = self.quarter(e) {
            sem.quarter = q.sem.quarter;
            sem.half = q.sem.half;
            e = q.end;
        } else if self.is(e, "quarter") || self.is(e, "period") {
            sem.unit_ref = Some(Unit::Quarter);
            e += 1;
        } else {
            return None;
        }
        Some(Core::new(e, sem))
    }

    /// "year-end", "year end", "year's end", "year-earlier", "year-ago".
    pub(super) fn year_word(&self, j: usize) -> Option<Core> {
        let glued_hyphen = self.p(j + 1, "-") && self.glued(j + 1) && self.glued(j + 2);
        if glued_hyphen && self.is(j + 2, "end") {
            return Some(Core::new(j + 3, Sem { year_end_day: true, ..Default::default() }));
        }
        if self.is(j + 1, "end") {
            return Some(Core::new(j + 2, Sem { rel: Some((Unit::Year, 0)), ..Default::default() }));
        }
        if (self.p(j + 1, "'") || self.p(j + 1, "\u{2019}")) && self.is(j + 2, "s") && self.is(j + 3, "end") {
            return Some(Core::new(j + 4, Sem { rel: Some((Unit::Year, 0)), ..Default::default() }));
        }
        if glued_hyphen && (self.is(j + 2, "ago") || self.is(j + 2, "earlier")) {
            if let Some(c) = self.year_ago_phrase(j) {
                return Some(c);
            }
            return Some(Core::new(
                j + 3,
                Sem { shift: Some((Unit::Year, -1)), anaphoric: true, ..Default::default() },
            ));
        }
        None
    }

    /// Relative expressions at a "this/last/next/past/previous/that/same/recent" word.
    /// `with_the`: a "the" came before it.
    pub(super) fn rel_expr(&self, j: usize, with_the: bool) -> Option<Core> {
        let word = low(self.s(j));
        let mut n: i32 = match self.lex(j) {
            Lex::Rel(n) => n as i32,
            Lex::Kw(Kw::Recent) => -1,
            Lex::Kw(Kw::Future) => 1,
            _ => 0,
        };
        let anaphoric_word =
            matches!(word.as_str(), "previous" | "preceding" | "prior" | "following" | "ensuing" | "that" | "same")
                || (with_the && word == "next");
        let mut k = j + 1;
        let mut this_past = false;
        if word == "this" {
            if let Lex::Rel(d) = self.lex(k) {
                if d != 0 {
                    n = d as i32;
                    k += 1;
                    this_past = true;
                }
            }
        }
        let vague_ref = |n: i32| {
            if n < 0 {
                "PAST_REF"
            } else if n > 0 {
                "FUTURE_REF"
            } else {
                "PRESENT_REF"
            }
        };
        // "this fiscal year", "the current fiscal year"
        if self.lex(k) == Lex::Fiscal && self.lex(k + 1) == (Lex::Unit { u: Unit::Year, plural: false }) {
            k += 1;
        }
        match self.lex(k) {
            Lex::Unit { u, plural: false } => {
                if matches!(word.as_str(), "recent" | "future" | "these") {
                    return None;
                }
                if word == "latest" || (word == "that" && u == Unit::Quarter) {
                    return Some(Core::new(k + 1, Sem { unit_ref: Some(u), ..Default::default() }));
                }
                if u == Unit::Half && matches!(word.as_str(), "last" | "latter") {
                    // "the last half of 1989"
                    let mut c = Core::new(k + 1, Sem { half: Some(2), ..Default::default() });
                    self.of_year(&mut c);
                    return Some(c);
                }
                if matches!(u, Unit::Hour | Unit::Minute | Unit::Second | Unit::Half) {
                    return None;
                }
                if u == Unit::Day && !anaphoric_word {
                    return None;
                }
                let mut sem = Sem::default();
                if anaphoric_word {
                    sem.shift = Some((u, n));
                    sem.anaphoric = true;
                    sem.coarsen = true;
                } else if u == Unit::Weekend {
                    sem.weekend = true;
                    sem.dir = Some(n as i8);
                } else {
                    sem.rel = Some((u, n));
                }
                let mut e = k + 1;
                if self.is(e, "or") && self.is(e + 1, "so") {
                    e += 2;
                }
                // "this year's third quarter", "last year's quarter"
                if u == Unit::Year && (self.p(e, "'") || self.p(e, "\u{2019}")) && self.is(e + 1, "s") {
                    if let Some(q) = self.quarter(e + 2) {
                        sem.quarter = q.sem.quarter;
                        sem.half = q.sem.half;
                        e = q.end;
                    } else if self.is(e + 2, "quarter") {
                        sem.unit_ref = Some(Unit::Quarter);
                        e += 3;
                    }
                }
                Some(Core::new(e, sem))
            }
            Lex::Unit { u, plural: true } => {
                if anaphoric_word || matches!(u, Unit::Weekend) {
                    return None;
                }
                Some(Core::new(k + 1, Sem { reference: Some(vague_ref(n)), ..Default::default() }))
            }
            Lex::Vague | Lex::A => {
                // "the past several quarters", "the last few months", "the next three years"
                let (v, vague, _, e) = self.count(k)?;
                match self.lex(e) {
                    Lex::Unit { u, plural: true } if !anaphoric_word && word != "these" => {
                        // A stretch of unsaid length is a TimeML duration ("the past few
                        // weeks" = PXW), as a counted one is ("the next three years" = P3Y).
                        let sem = if vague {
                            Sem { duration: Some(duration_x(u)), ..Default::default() }
                        } else {
                            Sem { duration: Some(duration(v, u)), ..Default::default() }
                        };
                        Some(Core::new(e + 1, sem))
                    }
                    _ => None,
                }
            }
            Lex::NumWord(_) | Lex::None
                if self.kind(k) == Some(Kind::Num) || matches!(self.lex(k), Lex::NumWord(_)) =>
            {
                let (v, _, _, e) = self.count(k)?;
                match self.lex(e) {
                    Lex::Unit { u, plural: true } if !anaphoric_word && with_the => {
                        Some(Core::new(e + 1, Sem { duration: Some(duration(v, u)), ..Default::default() }))
                    }
                    _ => None,
                }
            }
            Lex::Weekday(w) => {
                if matches!(word.as_str(), "recent" | "future" | "these" | "latest" | "same" | "current") {
                    return None;
                }
                let sem = Sem { weekday: Some(w), dir: Some(n as i8), anaphoric: anaphoric_word, ..Default::default() };
                Some(Core::new(k + 1, sem))
            }
            Lex::Month { m, abbr } => {
                if !matches!(word.as_str(), "last" | "next" | "this" | "past" | "coming") {
                    return None;
                }
                let mut e = k + 1;
                if abbr {
                    if !(self.p(e, ".") && self.glued(e)) {
                        return None;
                    }
                    e += 1;
                }
                Some(Core::new(e, Sem { month: Some(m), dir: Some(n as i8), ..Default::default() }))
            }
            Lex::Season(s) => {
                if !matches!(word.as_str(), "last" | "next" | "this" | "past" | "coming") {
                    return None;
                }
                let d = if this_past { 0 } else { n as i8 };
                let mut c = Core::new(k + 1, Sem { season: Some(s), dir: Some(d), ..Default::default() });
                self.of_year(&mut c);
                Some(c)
            }
            Lex::Pod(p) => {
                let off = match word.as_str() {
                    "this" => 0,
                    "last" if p == 3 || p == 2 => -1,
                    _ => return None,
                };
                Some(Core {
                    end: k + 1,
                    sem: Sem { day_offset: Some(off), pod: Some(POD[p as usize]), ..Default::default() },
                    time: true,
                })
            }
            _ => {
                if word == "latest" && self.is(k, "period") {
                    return Some(Core::new(k + 1, Sem { unit_ref: Some(Unit::Quarter), ..Default::default() }));
                }
                if word == "these" && self.is(k, "days") {
                    return Some(Core::new(k + 1, Sem { reference: Some("PRESENT_REF"), ..Default::default() }));
                }
                None
            }
        }
    }
}
