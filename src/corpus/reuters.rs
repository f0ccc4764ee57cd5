//! Reader for Reuters-21578 (Distribution 1.0): the `reut2-NNN.sgm` SGML files, read as latin-1.
//!
//! Each `<REUTERS>` block gives one [`ReutersStory`]; [`ReutersStory::wire_text`] rebuilds the raw
//! wire text the way the stories went out (title, author, then the dateline running into the body),
//! which is what the structure parser is measured on.
use crate::util::calendar::valid_ymd;
use std::io;
use std::path::{Path, PathBuf};

/// One `<REUTERS>` block, SGML entities unescaped and the `&#2;`/`&#3;` markers removed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReutersStory {
    /// The `NEWID` attribute.
    pub id: u32,
    /// `<DATE>` as ISO `YYYY-MM-DD` ("26-FEB-1987 15:01:01.79" -> "1987-02-26").
    pub date: Option<String>,
    pub title: Option<String>,
    /// `<AUTHOR>` as written, e.g. "    by Janie Gabbett, Reuters".
    pub author: Option<String>,
    /// `<DATELINE>` as written, e.g. "    SALVADOR, Feb 26 - ".
    pub dateline: Option<String>,
    pub body: Option<String>,
}

impl ReutersStory {
    /// The raw wire text: the title and a newline, the author (if any) and a newline, then the
    /// dateline with its leading spaces removed directly followed by the body.
    pub fn wire_text(&self) -> String {
        let mut s = String::new();
        if let Some(t) = &self.title {
            s.push_str(t);
            s.push('\n');
        }
        if let Some(a) = &self.author {
            s.push_str(a);
            s.push('\n');
        }
        if let Some(d) = &self.dateline {
            s.push_str(d.trim_start());
        }
        if let Some(b) = &self.body {
            s.push_str(b);
        }
        s
    }
}

/// Decodes latin-1 bytes (every byte is the code point of the same value).
pub fn decode_latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| b as char).collect()
}

/// Unescapes `&lt;` `&gt;` `&amp;` `&quot;` and numeric references; the `&#2;`/`&#3;` story markers and
/// other control-character references are removed.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        // bytes, not str: the 12th byte may fall inside a character (';' itself is ASCII)
        let semi = rest.as_bytes()[..rest.len().min(12)].iter().position(|&b| b == b';');
        let Some(semi) = semi else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..semi];
        let rep: Option<Option<char>> = match name {
            "lt" => Some(Some('<')),
            "gt" => Some(Some('>')),
            "amp" => Some(Some('&')),
            "quot" => Some(Some('"')),
            "apos" => Some(Some('\'')),
            _ if name.starts_with('#') => name[1..].parse::<u32>().ok().map(|n| match n {
                9 | 10 | 13 => char::from_u32(n),
                0..=31 | 127 => None,
                _ => char::from_u32(n),
            }),
            _ => None,
        };
        match rep {
            Some(c) => {
                if let Some(c) = c {
                    out.push(c);
                }
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// "26-FEB-1987 15:01:01.79" -> "1987-02-26".
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    let mut it = s.split(|c: char| c == '-' || c.is_whitespace());
    let d: u32 = it.next()?.parse().ok()?;
    let mon = it.next()?.to_ascii_uppercase();
    let y: i32 = it.next()?.parse().ok()?;
    const M: [&str; 12] = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    let m = M.iter().position(|x| *x == mon)? as u32 + 1;
    // A story date must be one `story_date` accepts: a real day of a four-digit year.
    if !(1..=9999).contains(&y) {
        return None;
    }
    valid_ymd(y, m, d)
}

fn element<'a>(block: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let s = block.find(&open)? + open.len();
    let e = block[s..].find(&close)? + s;
    Some(&block[s..e])
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let s = tag.find(&key)? + key.len();
    let e = tag[s..].find('"')? + s;
    Some(&tag[s..e])
}

/// Parses the text of one SGML file (already decoded).
pub fn parse_sgml(text: &str) -> Vec<ReutersStory> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(k) = rest.find("<REUTERS") {
        rest = &rest[k..];
        let end = rest.find("</REUTERS>").map(|e| e + "</REUTERS>".len()).unwrap_or(rest.len());
        let block = &rest[..end];
        rest = &rest[end..];
        let tag_end = block.find('>').unwrap_or(block.len());
        let id = attribute(&block[..tag_end], "NEWID").and_then(|v| v.parse().ok()).unwrap_or(0);
        let field = |t: &str| element(block, t).map(unescape);
        out.push(ReutersStory {
            id,
            date: element(block, "DATE").and_then(parse_date),
            title: field("TITLE"),
            author: field("AUTHOR"),
            dateline: field("DATELINE"),
            body: field("BODY"),
        });
    }
    out
}

/// Reads one `.sgm` file as latin-1.
pub fn read_file(path: &Path) -> io::Result<Vec<ReutersStory>> {
    let bytes = std::fs::read(path)?;
    Ok(parse_sgml(&decode_latin1(&bytes)))
}

/// The `reut2-*.sgm` files of a directory, in name order.
pub fn sgm_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("reut2-") && n.ends_with(".sgm"))
        })
        .collect();
    files.sort();
    Ok(files)
}

/// Every story of every `reut2-*.sgm` file in `dir`, in file order.
pub fn read_dir(dir: &Path) -> io::Result<Vec<ReutersStory>> {
    let mut out = Vec::new();
    for f in sgm_files(dir)? {
        out.extend(read_file(&f)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ampersand_before_multibyte_text_is_kept() {
        // found by fuzzing: the entity search window ended inside 'ÿ'
        assert_eq!(unescape("a &gt; the \u{ff}\u{ff}\u{ff}\u{ff}\u{ff}\u{ff}p; more"), "a > the ÿÿÿÿÿÿp; more");
        assert_eq!(unescape("&ÿÿÿÿÿÿ;"), "&ÿÿÿÿÿÿ;");
    }

    const SAMPLE: &str = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS TOPICS=\"YES\" NEWID=\"7\">\n<DATE> 3-MAR-1987 09:16:05.12</DATE>\n<TEXT>&#2;\n<TITLE>ACME &lt;ACM> SETS PAYOUT</TITLE>\n<AUTHOR>    by Jo Smith, Reuters</AUTHOR>\n<DATELINE>    CHICAGO, March 3 - </DATELINE><BODY>Acme Co &amp; Sons said\nit set a payout.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n<REUTERS NEWID=\"8\">\n<DATE>3-MAR-1987</DATE>\n<TEXT TYPE=\"BRIEF\">&#2;\n<TITLE>BRIEF</TITLE>\n</TEXT></REUTERS>";

    #[test]
    fn parses_blocks_and_rebuilds_wire_text() {
        let s = parse_sgml(SAMPLE);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].id, 7);
        assert_eq!(s[0].date.as_deref(), Some("1987-03-03"));
        assert_eq!(s[0].title.as_deref(), Some("ACME <ACM> SETS PAYOUT"));
        assert_eq!(
            s[0].wire_text(),
            "ACME <ACM> SETS PAYOUT\n    by Jo Smith, Reuters\nCHICAGO, March 3 - Acme Co & Sons said\nit set a payout.\n Reuter\n"
        );
        assert_eq!(s[1].body, None);
        assert_eq!(s[1].wire_text(), "BRIEF\n");
    }

    #[test]
    fn entities_and_dates() {
        assert_eq!(unescape("a &lt;b&gt; &amp; &#65;&#3;&#2; & c &bogus;"), "a <b> & A & c &bogus;");
        assert_eq!(parse_date("26-FEB-1987 15:01:01.79").as_deref(), Some("1987-02-26"));
        assert_eq!(parse_date("garbage"), None);
        assert_eq!(parse_date("29-FEB-1988").as_deref(), Some("1988-02-29"));
        assert_eq!(parse_date("31-FEB-1987"), None);
        assert_eq!(parse_date("29-FEB-1987"), None);
        assert_eq!(parse_date("26-FEB-19178"), None);
        assert_eq!(decode_latin1(b"M\xfcnchen"), "München");
    }
}
