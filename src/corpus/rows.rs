//! Table rows from records: a table's columns are named and typed by the record it holds
//! (`crate::records`), so a field is declared once for Python and for the tables.
use std::marker::PhantomData;

use super::columns::{BoolColumn, Column, IntColumn, StrColumn, Table};
use crate::records::{Cell, Kind, Record};

/// The rows of one table: `keys` string columns (the story's id and date), then fields of `R` in the
/// table's column order.
pub(crate) struct Rows<R> {
    keys: usize,
    columns: Vec<(&'static str, Column)>,
    record: PhantomData<fn(&R)>,
}

impl<R: Record> Rows<R> {
    pub fn new(keys: &[&'static str], order: &[&'static str]) -> Self {
        let mut columns: Vec<(&'static str, Column)> =
            keys.iter().map(|k| (*k, Column::Str(StrColumn::default()))).collect();
        for &name in order {
            let field = R::FIELDS.iter().find(|f| f.name == name);
            let column = match field.map(|f| f.kind) {
                Some(Kind::Str) => Column::Str(StrColumn::default()),
                Some(Kind::Int) => Column::Int(IntColumn::default()),
                Some(Kind::Bool) => Column::Bool(BoolColumn::default()),
                // The column lists are constants checked by the records tests.
                _ => panic!("{} has no table field {name}", R::NAME),
            };
            columns.push((name, column));
        }
        Rows { keys: keys.len(), columns, record: PhantomData }
    }

    /// A table of every field of `R`, in declaration order.
    pub fn all_fields() -> Self {
        let order: Vec<&'static str> = R::FIELDS.iter().map(|f| f.name).collect();
        Self::new(&[], &order)
    }

    /// Appends one row: `keys` in the order given to `new`, then the record's fields.
    pub fn push(&mut self, keys: &[Option<&str>], rec: &R) {
        debug_assert_eq!(keys.len(), self.keys);
        for ((_, col), key) in self.columns.iter_mut().zip(keys) {
            col.push(Cell::Str(*key));
        }
        for (name, col) in &mut self.columns[self.keys..] {
            col.push(rec.cell(name));
        }
    }

    pub fn finish(self) -> Table {
        Table { columns: self.columns }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::{QuoteRecord, KEY_COLUMNS, QUOTE_COLUMNS};

    #[test]
    fn columns_follow_the_record_and_the_order() {
        let mut rows = Rows::<QuoteRecord>::new(&KEY_COLUMNS, QUOTE_COLUMNS);
        let q = QuoteRecord {
            text: "Yes".into(),
            start: 4,
            end: 7,
            speaker: Some("Kim".into()),
            source: None,
            verb: Some("said".into()),
            sentence: 1,
            section: "body",
            speaker_start: None,
            speaker_end: None,
            cue_start: None,
            cue_end: None,
        };
        rows.push(&[Some("s1"), None], &q);
        let t = rows.finish();
        let names: Vec<_> = t.columns.iter().map(|(n, _)| *n).collect();
        let want = ["id", "date", "text", "speaker", "source", "verb", "start", "end", "sentence", "section"];
        assert_eq!(names[..want.len()], want);
        match (t.column("speaker"), t.column("end"), t.column("date")) {
            (Some(Column::Str(s)), Some(Column::Int(e)), Some(Column::Str(d))) => {
                assert_eq!((s.get(0), e.get(0), d.get(0)), (Some("Kim"), Some(7), None))
            }
            other => panic!("wrong column kinds: {other:?}"),
        }
    }
}
