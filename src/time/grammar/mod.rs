//! Recognises time expressions in news text and says what they mean (`Sem`), over `scan` tokens.
//!
//! Extents follow TimeML/TimeBank conventions: determiners and modifiers that belong to the
//! expression are in it ("the previous day", "early next year", "the end of the month", "around
//! 7:15 p.m."); prepositions are not ("on Wednesday" -> "Wednesday").
//!
//! The matcher's entry point and shared token tests are here; the expression families are in
//! `dates` (month-led dates, weekdays), `relative` ("the ...", "last year", "a year earlier"),
//! `periods` (seasons, quarters, centuries, decades) and `numbers` (years, numeric dates, clock
//! times, counts of units).
use super::scan::{low, Kind, Kw, Lex, Tok, Unit};

mod dates;
mod numbers;
mod periods;
mod relative;

/// What a time expression says, before it is resolved against the story's date.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sem {
    /// A TimeML reference value: PRESENT_REF, PAST_REF, FUTURE_REF.
    pub reference: Option<&'static str>,
    /// A TimeML duration value ("P3Y", "PT2H", "PXY").
    pub duration: Option<String>,
    pub year: Option<i32>,
    /// Last year of a range ("1950-53").
    pub year_end: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// 0 = Monday.
    pub weekday: Option<u8>,
    pub quarter: Option<u8>,
    pub half: Option<u8>,
    /// 0 spring, 1 summer, 2 fall, 3 winter.
    pub season: Option<u8>,
    /// First three digits of a decade ("the 1990s" -> 199).
    pub decade: Option<i32>,
    /// Decade of an unnamed century ("the nineties" -> 9).
    pub decade_word: Option<u8>,
    /// TimeML century digits ("the 20th century" -> 19).
    pub century: Option<i32>,
    /// today 0, yesterday -1, tomorrow +1.
    pub day_offset: Option<i32>,
    /// last (-1), this (0), next (+1) before a weekday, month or season.
    pub dir: Option<i8>,
    /// A calendar unit counted from the story's date: "this week" (Week, 0), "last year" (Year, -1).
    pub rel: Option<(Unit, i32)>,
    /// A shift: "two years ago" (Year, -2) from the story's date, or with `anaphoric` from the time
    /// the story last mentioned ("a year earlier", "the previous day").
    pub shift: Option<(Unit, i32)>,
    pub anaphoric: bool,
    /// The shift's result takes the shift's unit ("the following year" -> a year), not the
    /// granularity of what it shifts ("a year earlier" after "Sept. 30" -> a day).
    pub coarsen: bool,
    /// A unit meant by context: "the quarter", "the latest period" (the quarter being reported).
    pub unit_ref: Option<Unit>,
    pub weekend: bool,
    /// "year-end": the last day of the year.
    pub year_end_day: bool,
    /// TimeML part of day: MO, AF, EV, NI.
    pub pod: Option<&'static str>,
    /// 24-hour clock; midnight is 24:00.
    pub clock: Option<(u8, u8)>,
}

/// A recognised expression: tokens `[start, end)`, TIME or DATE, and its meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub time: bool,
    pub sem: Sem,
}

#[derive(Debug, Clone)]
struct Core {
    end: usize,
    sem: Sem,
    time: bool,
}

impl Core {
    fn new(end: usize, sem: Sem) -> Core {
        Core { end, sem, time: false }
    }
}

/// Matcher over one text's tokens.
pub struct Matcher<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
}

const POD: [&str; 4] = ["MO", "AF", "EV", "NI"];

impl<'a> Matcher<'a> {
    pub fn new(text: &'a str, toks: &'a [Tok]) -> Self {
        Matcher { text, toks }
    }

    fn lex(&self, i: usize) -> Lex {
        self.toks.get(i).map_or(Lex::None, |t| t.lex)
    }
    fn s(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }
    fn is(&self, i: usize, w: &str) -> bool {
        self.s(i).eq_ignore_ascii_case(w)
    }
    fn p(&self, i: usize, c: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct) && self.s(i) == c
    }
    /// Token `i` exists and touches the token before it.
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space)
    }
    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }
    fn digits(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Num).then(|| &self.text[t.start..t.num_end])
    }
    fn suffix(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.num_end..t.end])
    }
    /// A plain integer (no separators, no suffix).
    fn int(&self, i: usize) -> Option<u32> {
        let d = self.digits(i)?;
        if !self.suffix(i).is_empty() || d.len() > 9 || !d.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        d.parse().ok()
    }
    fn year4(&self, i: usize) -> Option<i32> {
        let d = self.digits(i)?;
        if d.len() != 4 || !self.suffix(i).is_empty() || !d.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let y: i32 = d.parse().ok()?;
        (1000..=2099).contains(&y).then_some(y)
    }
    fn day_num(&self, i: usize) -> Option<u8> {
        let d = self.digits(i)?;
        if d.len() > 2 || !d.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let suf = low(self.suffix(i));
        if !matches!(suf.as_str(), "" | "st" | "nd" | "rd" | "th") {
            return None;
        }
        let v: u8 = d.parse().ok()?;
        (1..=31).contains(&v).then_some(v)
    }
    /// A number after which an amount word would make it not a day or year.
    fn amount_follows(&self, i: usize) -> bool {
        matches!(self.lex(i), Lex::Mag(_) | Lex::QtyUnit | Lex::CurrencyAfter | Lex::Percent | Lex::QtyPre)
            || self.p(i, "%")
            || (self.p(i, ":") && self.glued(i) && self.glued(i + 1) && self.kind(i + 1) == Some(Kind::Num))
    }

    /// A count before a unit: digits, number words ("twenty-five"), "a", or a vague count.
    /// Returns (value, vague, is_article, end).
    fn count(&self, i: usize) -> Option<(u32, bool, bool, usize)> {
        if let Some(v) = self.int(i) {
            return Some((v, false, false, i + 1));
        }
        match self.lex(i) {
            Lex::NumWord(v) => {
                let mut v = v as u32;
                let mut e = i + 1;
                if self.p(e, "-") && self.glued(e) && self.glued(e + 1) {
                    if let Lex::NumWord(w) = self.lex(e + 1) {
                        if v >= 20 && w < 10 {
                            v += w as u32;
                            e += 2;
                        }
                    }
                }
                Some((v, false, false, e))
            }
            Lex::A => {
                if let Lex::Vague = self.lex(i + 1) {
                    if self.is(i + 1, "few") {
                        return Some((0, true, false, i + 2));
                    }
                }
                if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                    return Some((2, false, false, i + 3));
                }
                Some((1, false, true, i + 1))
            }
            Lex::Vague => Some((0, true, false, i + 1)),
            _ => None,
        }
    }

    /// The longest time expression starting at token `i`.
    pub fn match_at(&self, i: usize) -> Option<Hit> {
        let t = self.toks.get(i)?;
        if t.kind == Kind::Word && t.lex == Lex::None {
            return None;
        }
        if t.kind == Kind::Punct && !(self.s(i) == "'" || self.s(i) == "\u{2019}") {
            return None;
        }
        let mut best: Option<Core> = self.core(i, false);
        // Modifiers kept in the extent: "the end of", "early", "mid-", "nearly", "earlier".
        let mut j = i;
        let mut earlier = false;
        let mut edge = false;
        if self.lex(j) == Lex::The
            && (self.lex(j + 1) == Lex::Edge || (self.lex(j + 1) == Lex::EdgeNoun && self.is(j + 2, "of")))
        {
            j += 1;
        }
        loop {
            match self.lex(j) {
                Lex::EdgeNoun if self.is(j + 1, "of") => {
                    j += 2;
                    edge = true;
                }
                Lex::Edge => {
                    j += 1;
                    if self.p(j, "-") && self.glued(j) {
                        j += 1;
                    }
                    edge = true;
                }
                Lex::Approx => j += 1,
                Lex::EarlierLater(_) if self.is(j, "earlier") || self.is(j, "later") => {
                    j += 1;
                    earlier = true;
                }
                _ => break,
            }
            if j - i > 6 {
                break;
            }
        }
        if j > i && j < self.toks.len() {
            let c = if earlier && self.is(j, "in") && self.lex(j + 1) == Lex::The {
                // "earlier in the year"
                match self.lex(j + 2) {
                    Lex::Unit { u, plural: false } if matches!(u, Unit::Year | Unit::Month | Unit::Week) => {
                        Some(Core::new(j + 3, Sem { rel: Some((u, 0)), ..Default::default() }))
                    }
                    // "later in the day": the day the story is telling about
                    Lex::Unit { u: Unit::Day, plural: false } => Some(Core::new(
                        j + 3,
                        Sem { shift: Some((Unit::Day, 0)), anaphoric: true, ..Default::default() },
                    )),
                    _ => None,
                }
            } else {
                self.core(j, edge)
            };
            if let Some(c) = c {
                let ok = !earlier || {
                    let s = &c.sem;
                    s.day_offset.is_some()
                        || (s.weekday.is_some() && s.month.is_none())
                        || matches!(s.rel, Some((_, 0)))
                        || matches!(s.shift, Some((Unit::Day, 0)))
                        || s.pod.is_some()
                };
                let not_ref = c.sem.reference.is_none();
                if ok && not_ref && best.as_ref().is_none_or(|b| c.end >= b.end) {
                    return Some(Hit { start: i, end: c.end, time: c.time, sem: c.sem });
                }
            }
        }
        best.take().map(|c| Hit { start: i, end: c.end, time: c.time, sem: c.sem })
    }

    /// An expression without leading modifiers. `after_edge`: preceded by "early"/"the end of",
    /// which allows a few expressions that are too vague alone ("mid afternoon", "the end of the month").
    fn core(&self, j: usize, after_edge: bool) -> Option<Core> {
        let mut c = match self.lex(j) {
            Lex::The => self.the_expr(j, after_edge),
            Lex::Month { .. } => self.month_date(j),
            Lex::Weekday(_) => self.weekday(j),
            Lex::DayRel(n) => {
                let mut c = Core::new(j + 1, Sem { day_offset: Some(n as i32), ..Default::default() });
                if let Lex::Pod(p) = self.lex(j + 1) {
                    c.sem.pod = Some(POD[p as usize]);
                    c.time = true;
                    c.end += 1;
                }
                Some(c)
            }
            Lex::Tonight => Some(Core {
                end: j + 1,
                sem: Sem { day_offset: Some(0), pod: Some("NI"), ..Default::default() },
                time: true,
            }),
            Lex::Overnight => Some(Core {
                end: j + 1,
                sem: Sem { day_offset: Some(-1), pod: Some("NI"), ..Default::default() },
                time: true,
            }),
            Lex::Rel(_)
            | Lex::Kw(Kw::That)
            | Lex::Kw(Kw::Same)
            | Lex::Kw(Kw::Latest)
            | Lex::Kw(Kw::Recent)
            | Lex::Kw(Kw::Future)
            | Lex::Kw(Kw::These) => self.rel_expr(j, false),
            Lex::Ref(r) => {
                let r = r.as_str();
                // "as soon as" is a conjunction, not a time.
                if r == "FUTURE_REF" && self.is(j.wrapping_sub(1), "as") {
                    return None;
                }
                Some(Core::new(j + 1, Sem { reference: Some(r), ..Default::default() }))
            }
            Lex::Kw(Kw::Right) if self.is(j + 1, "now") => {
                Some(Core::new(j + 2, Sem { reference: Some("PRESENT_REF"), ..Default::default() }))
            }
            Lex::Noon | Lex::Midnight => {
                let clock = if self.lex(j) == Lex::Noon { (12, 0) } else { (24, 0) };
                let mut c = Core { end: j + 1, sem: Sem { clock: Some(clock), ..Default::default() }, time: true };
                self.date_after_time(&mut c);
                Some(c)
            }
            Lex::Pod(p) if after_edge => {
                let mut c = Core {
                    end: j + 1,
                    sem: Sem { day_offset: Some(0), pod: Some(POD[p as usize]), ..Default::default() },
                    time: true,
                };
                // "mid-afternoon yesterday", "late morning Friday"
                match self.lex(j + 1) {
                    Lex::DayRel(n) => {
                        c.sem.day_offset = Some(n as i32);
                        c.end += 1;
                    }
                    Lex::Weekday(w) => {
                        c.sem.day_offset = None;
                        c.sem.weekday = Some(w);
                        c.end += 1;
                    }
                    _ => {}
                }
                Some(c)
            }
            Lex::Season(_) if after_edge => self.season(j),
            Lex::Unit { u: Unit::Year, plural: false } => self.year_word(j),
            Lex::OrdWord(_) | Lex::Fiscal => self.quarter(j).or_else(|| self.century(j)),
            Lex::NumWord(_) => self
                .spoken_year(j)
                .map(|(y, e)| Core::new(e, Sem { year: Some(y), ..Default::default() }))
                .or_else(|| self.count_unit(j)),
            Lex::A | Lex::Vague => self.count_unit(j),
            _ => match self.kind(j) {
                Some(Kind::Num) => self.numeric(j, after_edge),
                Some(Kind::Punct) => self.apostrophe_decade(j),
                _ => None,
            },
        }?;
        // "Thursday evening", "yesterday morning"
        if !c.time && (c.sem.weekday.is_some() || c.sem.day.is_some()) {
            if let Lex::Pod(p) = self.lex(c.end) {
                c.sem.pod = Some(POD[p as usize]);
                c.time = true;
                c.end += 1;
            }
        }
        Some(c)
    }

    /// Token `i` starts a sentence (nothing before it but sentence punctuation or a line break).
    fn sentence_start(&self, i: usize) -> bool {
        match i.checked_sub(1) {
            None => true,
            Some(p) => {
                self.toks[i].newline
                    || matches!(self.s(p), "." | "!" | "?" | "\"" | "``" | "\u{201c}" | ":" | "(" | "--" | "-")
            }
        }
    }

    /// Token `i` is a hyphen glued to the word before and after: the expression before it is the
    /// first part of a compound ("third-quarter" + "-" ...) or an adjective ("third-quarter loss").
    fn hyphenated_before(&self, end: usize) -> bool {
        end >= 2 && self.p(end - 2, "-") && self.glued(end - 2)
    }
}

/// TimeML duration value for `n` units.
pub fn duration(n: u32, u: Unit) -> String {
    match u {
        Unit::Second => format!("PT{n}S"),
        Unit::Minute => format!("PT{n}M"),
        Unit::Hour => format!("PT{n}H"),
        Unit::Day => format!("P{n}D"),
        Unit::Week | Unit::Weekend => format!("P{n}W"),
        Unit::Month => format!("P{n}M"),
        Unit::Quarter => format!("P{n}Q"),
        Unit::Half => format!("P{}M", n * 6),
        Unit::Year => format!("P{n}Y"),
        Unit::Decade => format!("P{n}DE"),
        Unit::Century => format!("P{n}CE"),
    }
}

fn duration_x(u: Unit) -> String {
    duration(0, u).replace('0', "X")
}
