//! Reader for TimeBank 1.2 as cleaned for TempEval-3 (`*.tml`, TimeML XML).
//!
//! Each document gives its creation time (`<DCT>`), the plain text of `<TEXT>` (tags stripped, XML
//! entities unescaped) and the gold `TIMEX3` expressions inside it, with byte offsets into that plain
//! text. Only what the time evaluation needs is read; events and links are skipped.
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// One gold TIMEX3 of a document's `<TEXT>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Byte offsets into `TimebankDoc::text`.
    pub start: usize,
    pub end: usize,
    /// DATE, TIME, DURATION or SET.
    pub kind: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimebankDoc {
    /// File name without directory.
    pub name: String,
    /// The `value` of the DCT TIMEX3, e.g. `1998-02-13T14:26:00` or `1989-11-02`.
    pub dct: String,
    /// Plain text of `<TEXT>`.
    pub text: String,
    pub timexes: Vec<Timex>,
}

impl TimebankDoc {
    /// The DCT as ISO `YYYY-MM-DD` (its first ten characters), for `ParseOptions::date`.
    pub fn dct_date(&self) -> &str {
        self.dct.get(..10).unwrap_or(&self.dct)
    }
}

/// Reads every `*.tml` file of `dir`, sorted by name.
pub fn read_dir(dir: &Path) -> Result<Vec<TimebankDoc>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, &e))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(Error::Input(format!("no .tml files in {}", dir.display())));
    }
    paths.iter().map(|p| read_file(p)).collect()
}

/// Reads one `.tml` file.
pub fn read_file(path: &Path) -> Result<TimebankDoc> {
    let raw = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
    let xml = crate::error::decode_utf8(&raw, false).map_err(|e| Error::Input(format!("{}: {e}", path.display())))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    parse(&xml).map_err(|m| Error::Input(format!("{}: {m}", path.display()))).map(|mut d| {
        d.name = name;
        d
    })
}

/// Parses the text of one TimeML document.
pub fn parse(xml: &str) -> std::result::Result<TimebankDoc, String> {
    let dct = {
        let s = xml.find("<DCT>").ok_or("no <DCT> element")?;
        let e = xml[s..].find("</DCT>").ok_or("<DCT> is not closed")? + s;
        let inner = &xml[s..e];
        let tag_end = inner.find('>').map(|x| x + 1).unwrap_or(0);
        let timex = inner[tag_end..].find("<TIMEX3").map(|x| x + tag_end).ok_or("<DCT> holds no TIMEX3")?;
        let close = inner[timex..].find('>').ok_or("unterminated TIMEX3 tag in <DCT>")? + timex;
        attr(&inner[timex..close], "value").ok_or("DCT TIMEX3 has no value")?
    };
    let body_start = xml.find("<TEXT>").ok_or("no <TEXT> element")? + "<TEXT>".len();
    let body_end = xml[body_start..].find("</TEXT>").ok_or("<TEXT> is not closed")? + body_start;
    let body = &xml[body_start..body_end];

    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    // Open TIMEX3 (start offset, type, value); TIMEX3 do not nest in TimeBank, but other tags do
    // nest inside them (none in practice), so only TIMEX3 opens and closes are tracked.
    let mut open: Option<(usize, String, String)> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let close = rest.find('>').ok_or_else(|| format!("unterminated tag at byte {}", body_start + i))?;
            let tag = &rest[1..close];
            if let Some(attrs) = tag.strip_prefix("TIMEX3") {
                let kind = attr(attrs, "type").unwrap_or_default();
                let value = attr(attrs, "value").unwrap_or_default();
                if open.is_some() {
                    return Err(format!("nested TIMEX3 at byte {}", body_start + i));
                }
                open = Some((text.len(), kind, value));
            } else if tag.starts_with("/TIMEX3") {
                let (start, kind, value) =
                    open.take().ok_or_else(|| format!("stray </TIMEX3> at byte {}", body_start + i))?;
                timexes.push(Timex { start, end: text.len(), kind, value });
            }
            i += close + 1;
        } else if rest.starts_with('&') {
            let semi = rest.find(';').filter(|&x| x <= 8);
            let (ch, used) = match semi.map(|x| &rest[..=x]) {
                Some("&amp;") => ('&', 5),
                Some("&lt;") => ('<', 4),
                Some("&gt;") => ('>', 4),
                Some("&quot;") => ('"', 6),
                Some("&apos;") => ('\'', 6),
                _ => ('&', 1),
            };
            text.push(ch);
            i += used;
        } else {
            let next = rest.find(['<', '&']).unwrap_or(rest.len());
            text.push_str(&rest[..next]);
            i += next;
        }
    }
    if open.is_some() {
        return Err("TIMEX3 not closed before </TEXT>".into());
    }
    Ok(TimebankDoc { name: String::new(), dct, text, timexes })
}

/// The value of `name="..."` in a tag's attribute text.
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(p) = tag[from..].find(name) {
        let at = from + p;
        let before_ok = at == 0 || tag.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = &tag[at + name.len()..];
        if before_ok && rest.starts_with("=\"") {
            let v = &rest[2..];
            return v.find('"').map(|e| v[..e].to_string());
        }
        from = at + name.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_keeps_offsets() {
        let xml = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2001-05-04" functionInDocument="CREATION_TIME">05/04/01</TIMEX3></DCT>
<TEXT>
Rates <EVENT eid="e1">rose</EVENT> &amp; fell <TIMEX3 tid="t1" type="DATE" value="2001-05-03">Thursday</TIMEX3> for <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3>.
</TEXT></TimeML>"#;
        let d = parse(xml).unwrap();
        assert_eq!(d.dct, "2001-05-04");
        assert_eq!(d.text, "\nRates rose & fell Thursday for two days.\n");
        assert_eq!(d.timexes.len(), 2);
        let t = &d.timexes[0];
        assert_eq!(&d.text[t.start..t.end], "Thursday");
        assert_eq!((t.kind.as_str(), t.value.as_str()), ("DATE", "2001-05-03"));
        assert_eq!(&d.text[d.timexes[1].start..d.timexes[1].end], "two days");
    }

    #[test]
    fn names_what_is_missing() {
        assert_eq!(parse("<TimeML><TEXT>x</TEXT></TimeML>").unwrap_err(), "no <DCT> element");
        let e = parse(r#"<DCT><TIMEX3 value="2001-01-01">x</TIMEX3></DCT><TEXT>a <TIMEX3 type="DATE">b</TEXT>"#)
            .unwrap_err();
        assert!(e.contains("not closed"), "{e}");
    }
}
