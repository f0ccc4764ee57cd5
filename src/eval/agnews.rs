//! Reader for the AG News topic classification CSV (`class,title,description`).
//!
//! Fields are double-quoted with `""` for a quote; inside them a backslash stands for a newline
//! (`\$` is an escaped dollar sign).
use std::io;
use std::path::Path;

#[derive(Debug, Clone, PartialEq)]
pub struct AgNewsRow {
    /// 1 World, 2 Sports, 3 Business, 4 Sci/Tech.
    pub class: u8,
    pub title: String,
    pub description: String,
}

/// Undoes the data set's escaping: `\$` -> `$`, any other `\` -> newline.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if chars.peek() == Some(&'$') {
                continue; // the '$' itself comes next
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// Splits CSV text into records of fields (RFC 4180 quoting; newlines inside quotes kept).
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut chars = text.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => in_quotes = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                any = false;
            }
            _ => field.push(c),
        }
    }
    if any {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// Parses the data set's CSV text; rows that do not have three fields with a numeric class are an
/// error naming the line.
pub fn parse(text: &str) -> Result<Vec<AgNewsRow>, String> {
    parse_csv(text)
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            if r.len() != 3 {
                return Err(format!("AG News record {}: {} fields, expected 3", i + 1, r.len()));
            }
            let class = r[0]
                .trim()
                .parse()
                .map_err(|_| format!("AG News record {}: class {:?} is not a number", i + 1, r[0]))?;
            Ok(AgNewsRow { class, title: unescape(&r[1]), description: unescape(&r[2]) })
        })
        .collect()
}

/// Reads `test.csv` / `train.csv`.
pub fn read_file(path: &Path) -> io::Result<Vec<AgNewsRow>> {
    let text = std::fs::read_to_string(path)?;
    parse(&text).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("{}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_and_backslashes() {
        let rows = parse(
            "\"3\",\"Title, with comma\",\"BERLIN (dpa) - Costs \\$5.\\The \"\"plan\"\" failed.\"\n\"1\",\"T\",\"D\"\n",
        )
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].class, 3);
        assert_eq!(rows[0].title, "Title, with comma");
        assert_eq!(rows[0].description, "BERLIN (dpa) - Costs $5.\nThe \"plan\" failed.");
        assert!(parse("\"x\",\"a\",\"b\"").is_err());
        assert!(parse("\"1\",\"a\"").is_err());
    }
}
