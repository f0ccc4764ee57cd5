//! Recognises time expressions in news text and says what they mean (`Sem`), over `scan` tokens.
//!
//! Extents follow TimeML/TimeBank conventions: determiners and modifiers that belong to the
//! expression are in it ("the previous day", "early next year", "the end of the month", "around
//! 7:15 p.m."); prepositions are not ("on Wednesday" -> "Wednesday").
use super::scan::{low, Kind, Kw, Lex, Tok, Unit};

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

    /// Month-led dates: "July 27, 2023", "Aug. 2", "August 1988", "October", "January this year".
    fn month_date(&self, j: usize) -> Option<Core> {
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

    /// "Wednesday", "Saturday, April 25", "Friday Oct. 13", "Thursday evening".
    fn weekday(&self, j: usize) -> Option<Core> {
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
    fn date_after_time(&self, c: &mut Core) {
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

    /// Expressions led by "the".
    fn the_expr(&self, j: usize, after_edge: bool) -> Option<Core> {
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
    fn year_ago_phrase(&self, k: usize) -> Option<Core> {
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
    fn year_word(&self, j: usize) -> Option<Core> {
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
    fn rel_expr(&self, j: usize, with_the: bool) -> Option<Core> {
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

    /// "the summer", "summer 1990", "the summer of 1990".
    fn season(&self, j: usize) -> Option<Core> {
        let Lex::Season(s) = self.lex(j) else { return None };
        let mut c = Core::new(j + 1, Sem { season: Some(s), ..Default::default() });
        if let Some((y, e)) = self.year_at(j + 1) {
            c.sem.year = Some(y);
            c.end = e;
        } else {
            self.of_year(&mut c);
        }
        Some(c)
    }

    fn of_year(&self, c: &mut Core) {
        if self.is(c.end, "of") {
            if let Some((y, e)) = self.year_at(c.end + 1) {
                c.sem.year = Some(y);
                c.end = e;
            }
        }
    }

    /// A year in digits or spoken ("nineteen ninety-six"): (year, end).
    fn year_at(&self, k: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year4(k) {
            return Some((y, k + 1));
        }
        self.spoken_year(k)
    }

    /// "nineteen ninety-six", "nineteen seventy-nine" (broadcast transcripts spell years out).
    fn spoken_year(&self, k: usize) -> Option<(i32, usize)> {
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
    fn quarter(&self, j: usize) -> Option<Core> {
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
    fn century(&self, j: usize) -> Option<Core> {
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

    /// Token `i` is a hyphen glued to the word before and after: the expression before it is the
    /// first part of a compound ("third-quarter" + "-" ...) or an adjective ("third-quarter loss").
    fn hyphenated_before(&self, end: usize) -> bool {
        end >= 2 && self.p(end - 2, "-") && self.glued(end - 2)
    }

    /// "'80s".
    fn apostrophe_decade(&self, j: usize) -> Option<Core> {
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

    /// Number-led expressions: years, ranges, numeric dates, "27 July", clock times, "two years ago",
    /// durations.
    fn numeric(&self, j: usize, after_edge: bool) -> Option<Core> {
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

    fn year_expr(&self, j: usize, y: i32, after_edge: bool) -> Option<Core> {
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
    fn numeric_date(&self, j: usize) -> Option<Core> {
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
    fn clock(&self, j: usize) -> Option<Core> {
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
    fn count_unit(&self, j: usize) -> Option<Core> {
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
