//! Columns laid out the way Apache Arrow lays them out, so the Python side can wrap the buffers
//! (`pyarrow.Array.from_buffers`) without one Python object per row.
//!
//! A run builds small tables on each rayon task and joins them with [`Table::concat`], which
//! copies every column once, each column on its own task: joining is not a serial step of the run.

use rayon::prelude::*;

/// An Arrow validity bitmap: bit i set = row i present. Built only once a null shows up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Validity {
    bits: Vec<u8>,
    len: usize,
    null_count: usize,
}

impl Validity {
    fn push(&mut self, valid: bool) {
        if self.len.is_multiple_of(8) {
            self.bits.push(0);
        }
        if valid {
            self.bits[self.len / 8] |= 1 << (self.len % 8);
        } else {
            self.null_count += 1;
        }
        self.len += 1;
    }

    /// The bitmap, or None when no row is null (Arrow's "all valid" shorthand).
    pub fn bitmap(&self) -> Option<&[u8]> {
        if self.null_count == 0 {
            None
        } else {
            Some(&self.bits)
        }
    }

    pub fn null_count(&self) -> usize {
        self.null_count
    }

    pub fn is_valid(&self, i: usize) -> bool {
        self.bits[i / 8] & (1 << (i % 8)) != 0
    }

    fn extend(&mut self, other: &Validity) {
        if self.len.is_multiple_of(8) {
            // Byte-aligned: the other bitmap's bytes are this one's next bytes.
            self.bits.extend_from_slice(&other.bits);
            self.len += other.len;
            self.null_count += other.null_count;
            return;
        }
        for i in 0..other.len {
            self.push(other.is_valid(i));
        }
    }

    fn with_capacity(rows: usize) -> Self {
        Validity { bits: Vec::with_capacity(rows.div_ceil(8)), len: 0, null_count: 0 }
    }
}

/// A nullable UTF-8 column in Arrow `large_string` layout: one data buffer, `len + 1` i64 offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct StrColumn {
    pub data: Vec<u8>,
    pub offsets: Vec<i64>,
    pub validity: Validity,
}

impl Default for StrColumn {
    fn default() -> Self {
        StrColumn { data: Vec::new(), offsets: vec![0], validity: Validity::default() }
    }
}

impl StrColumn {
    pub fn push(&mut self, value: Option<&str>) {
        if let Some(s) = value {
            self.data.extend_from_slice(s.as_bytes());
        }
        self.offsets.push(self.data.len() as i64);
        self.validity.push(value.is_some());
    }

    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: usize) -> Option<&str> {
        if !self.validity.is_valid(i) {
            return None;
        }
        let (a, b) = (self.offsets[i] as usize, self.offsets[i + 1] as usize);
        // Only whole `&str`s are ever pushed, so every slice between offsets is UTF-8.
        Some(std::str::from_utf8(&self.data[a..b]).expect("column holds UTF-8"))
    }

    fn extend(&mut self, other: &StrColumn) {
        let base = self.data.len() as i64;
        self.data.extend_from_slice(&other.data);
        self.offsets.extend(other.offsets[1..].iter().map(|o| o + base));
        self.validity.extend(&other.validity);
    }

    fn concat(parts: &[&StrColumn]) -> StrColumn {
        let rows = parts.iter().map(|p| p.len()).sum::<usize>();
        let bytes = parts.iter().map(|p| p.data.len()).sum::<usize>();
        let mut out = StrColumn {
            data: Vec::with_capacity(bytes),
            offsets: Vec::with_capacity(rows + 1),
            validity: Validity::with_capacity(rows),
        };
        out.offsets.push(0);
        for p in parts {
            out.extend(p);
        }
        out
    }
}

/// A nullable 64-bit integer column (Arrow `int64`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IntColumn {
    pub values: Vec<i64>,
    pub validity: Validity,
}

impl IntColumn {
    pub fn push(&mut self, value: Option<i64>) {
        self.values.push(value.unwrap_or(0));
        self.validity.push(value.is_some());
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<i64> {
        self.validity.is_valid(i).then(|| self.values[i])
    }

    fn extend(&mut self, other: &IntColumn) {
        self.values.extend_from_slice(&other.values);
        self.validity.extend(&other.validity);
    }

    fn concat(parts: &[&IntColumn]) -> IntColumn {
        let rows = parts.iter().map(|p| p.len()).sum::<usize>();
        let mut out = IntColumn { values: Vec::with_capacity(rows), validity: Validity::with_capacity(rows) };
        for p in parts {
            out.extend(p);
        }
        out
    }
}

/// A nullable boolean column (Arrow `bool`: one bit a value, like the validity bitmap).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BoolColumn {
    /// Bit i set = row i is true (a null row's bit is 0).
    pub values: Validity,
    pub validity: Validity,
}

impl BoolColumn {
    pub fn push(&mut self, value: Option<bool>) {
        self.values.push(value == Some(true));
        self.validity.push(value.is_some());
    }

    pub fn len(&self) -> usize {
        self.values.len
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The values' bitmap (Arrow's data buffer of a `bool` array).
    pub fn value_bits(&self) -> &[u8] {
        &self.values.bits
    }

    pub fn get(&self, i: usize) -> Option<bool> {
        self.validity.is_valid(i).then(|| self.values.is_valid(i))
    }

    fn extend(&mut self, other: &BoolColumn) {
        self.values.extend(&other.values);
        self.validity.extend(&other.validity);
    }

    fn concat(parts: &[&BoolColumn]) -> BoolColumn {
        let mut out = BoolColumn::default();
        for p in parts {
            out.extend(p);
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    Str(StrColumn),
    Int(IntColumn),
    Bool(BoolColumn),
}

impl Column {
    /// Appends a record's cell; a cell of the other kind is a bug in the table's declaration.
    pub fn push(&mut self, cell: crate::records::Cell<'_>) {
        use crate::records::Cell;
        match (self, cell) {
            (Column::Str(c), Cell::Str(v)) => c.push(v),
            (Column::Int(c), Cell::Int(v)) => c.push(v),
            (Column::Bool(c), Cell::Bool(v)) => c.push(v),
            (_, cell) => unreachable!("a {cell:?} cell in a column of another kind"),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Column::Str(c) => c.len(),
            Column::Int(c) => c.len(),
            Column::Bool(c) => c.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn extend(&mut self, other: &Column) {
        match (self, other) {
            (Column::Str(a), Column::Str(b)) => a.extend(b),
            (Column::Int(a), Column::Int(b)) => a.extend(b),
            (Column::Bool(a), Column::Bool(b)) => a.extend(b),
            _ => unreachable!("tables of one schema have the same column kinds"),
        }
    }

    /// The parts' rows in order, in one column (each buffer allocated once, at its final size).
    fn concat(parts: &[&Column]) -> Column {
        match parts.first() {
            Some(Column::Str(_)) => Column::Str(StrColumn::concat(&kind_of(parts, |c| match c {
                Column::Str(s) => Some(s),
                _ => None,
            }))),
            Some(Column::Int(_)) => Column::Int(IntColumn::concat(&kind_of(parts, |c| match c {
                Column::Int(i) => Some(i),
                _ => None,
            }))),
            Some(Column::Bool(_)) => Column::Bool(BoolColumn::concat(&kind_of(parts, |c| match c {
                Column::Bool(b) => Some(b),
                _ => None,
            }))),
            None => unreachable!("concat of no parts"),
        }
    }
}

fn kind_of<'a, T>(parts: &[&'a Column], pick: impl Fn(&'a Column) -> Option<&'a T>) -> Vec<&'a T> {
    parts.iter().map(|c| pick(c).expect("tables of one schema have the same column kinds")).collect()
}

/// A table: named columns of equal length.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<(&'static str, Column)>,
}

impl Table {
    pub fn len(&self) -> usize {
        self.columns.first().map_or(0, |(_, c)| c.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|(n, _)| *n == name).map(|(_, c)| c)
    }

    /// The rows of `parts` (same schema, at least one) in order, one rayon task per column.
    pub fn concat(parts: &[&Table]) -> Table {
        Self::concat_many(&[parts]).pop().expect("one table in, one out")
    }

    /// [`Table::concat`] for several tables at once (`groups[k]` = the parts of table k), every
    /// column of every table on its own rayon task, so the widest join does not wait for the others.
    pub fn concat_many(groups: &[&[&Table]]) -> Vec<Table> {
        let jobs: Vec<(usize, usize)> =
            groups.iter().enumerate().flat_map(|(t, parts)| (0..parts[0].columns.len()).map(move |c| (t, c))).collect();
        let mut built: Vec<Column> = jobs
            .par_iter()
            .map(|&(t, c)| {
                let cols: Vec<&Column> = groups[t].iter().map(|p| &p.columns[c].1).collect();
                Column::concat(&cols)
            })
            .collect();
        let mut out: Vec<Table> = Vec::with_capacity(groups.len());
        for (t, parts) in groups.iter().enumerate().rev() {
            let names = parts[0].columns.iter().map(|(n, _)| *n);
            let cols = built.split_off(built.len() - parts[0].columns.len());
            debug_assert!(jobs.iter().filter(|j| j.0 == t).count() == cols.len());
            out.push(Table { columns: names.zip(cols).collect() });
        }
        out.reverse();
        out
    }

    /// Appends `other`'s rows (same schema).
    pub fn extend(&mut self, other: &Table) {
        for ((n, a), (m, b)) in self.columns.iter_mut().zip(&other.columns) {
            debug_assert_eq!(n, m);
            a.extend(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_column_layout_is_arrow() {
        let mut c = StrColumn::default();
        c.push(Some("ab"));
        c.push(None);
        c.push(Some("é"));
        assert_eq!(c.offsets, vec![0, 2, 2, 4]);
        assert_eq!(c.data, "abé".as_bytes());
        assert_eq!(c.validity.bitmap(), Some(&[0b101u8][..]));
        assert_eq!(c.validity.null_count(), 1);
        assert_eq!((c.get(0), c.get(1), c.get(2)), (Some("ab"), None, Some("é")));
    }

    #[test]
    fn no_bitmap_without_nulls_and_extend_shifts_offsets() {
        let mut a = StrColumn::default();
        a.push(Some("x"));
        assert_eq!(a.validity.bitmap(), None);
        let mut b = StrColumn::default();
        b.push(None);
        b.push(Some("yz"));
        a.extend(&b);
        assert_eq!(a.offsets, vec![0, 1, 1, 3]);
        assert_eq!((a.get(0), a.get(1), a.get(2)), (Some("x"), None, Some("yz")));
        let mut i = IntColumn::default();
        i.push(Some(7));
        i.push(None);
        assert_eq!((i.get(0), i.get(1)), (Some(7), None));
    }

    #[test]
    fn concat_equals_extend_for_any_split() {
        let cell = |k: usize| (!k.is_multiple_of(3)).then(|| "é".repeat(k % 5));
        let table = |rows: std::ops::Range<usize>| {
            let (mut s, mut n) = (StrColumn::default(), IntColumn::default());
            for k in rows {
                s.push(cell(k).as_deref());
                n.push((k % 4 != 1).then_some(k as i64));
            }
            Table { columns: vec![("s", Column::Str(s)), ("n", Column::Int(n))] }
        };
        let whole = table(0..37);
        for cuts in [vec![0, 37], vec![0, 8, 16, 37], vec![0, 3, 3, 11, 30, 37], vec![0, 1, 2, 9, 37]] {
            let parts: Vec<Table> = cuts.windows(2).map(|w| table(w[0]..w[1])).collect();
            let refs: Vec<&Table> = parts.iter().collect();
            assert_eq!(Table::concat(&refs), whole, "cuts {cuts:?}");
            let mut one = parts[0].clone();
            for p in &parts[1..] {
                one.extend(p);
            }
            assert_eq!(one, whole);
        }
    }
}
