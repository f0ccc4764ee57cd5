//! The story's own agency: a wire names itself in the body ("told Reuters", "a Reuters survey",
//! "economists polled by Reuters"), which is not news about that agency. Such mentions are marked
//! `Entity::own_agency` and stand in the "credit" section with the credit lines, so the statistics
//! (which count headline, body and caption by default) leave them out like the agency's dateline,
//! byline and sign-off.
//!
//! The own agency is the one the story names as its source: the dateline's "(Reuters)", a byline's
//! ", Associated Press Writer", a sign-off ("Reuter" closing a 1987 story, AFP's "(AFP)"), a copyright
//! holder. Names are compared in one form per agency ("AP" = "Associated Press" = "The Associated
//! Press"; "Reuter" = "Reuters").
use crate::types::*;

/// The ways each agency is written, with one key per agency.
const AGENCY_NAMES: &[(&str, &str)] = &[
    ("reuter", "reuters"),
    ("reuters", "reuters"),
    ("ap", "ap"),
    ("associated press", "ap"),
    ("associated press writer", "ap"),
    ("afp", "afp"),
    ("agence france-presse", "afp"),
    ("agence france presse", "afp"),
    ("yonhap", "yonhap"),
    ("yonhap news agency", "yonhap"),
    ("xinhua", "xinhua"),
    ("xinhua news agency", "xinhua"),
    ("dpa", "dpa"),
    ("deutsche presse-agentur", "dpa"),
    ("kyodo", "kyodo"),
    ("kyodo news", "kyodo"),
    ("upi", "upi"),
    ("united press international", "upi"),
    ("cox news service", "cox"),
    ("bloomberg", "bloomberg"),
    ("bloomberg news", "bloomberg"),
];

/// One key per agency, for comparing the ways it is written (no allocation: it runs for every ORG).
fn agency_key(name: &str) -> Option<&'static str> {
    let n = name.trim();
    let n = n.strip_prefix("The ").or_else(|| n.strip_prefix("the ")).unwrap_or(n);
    if n.len() > 26 {
        return None;
    }
    AGENCY_NAMES.iter().find(|(w, _)| w.eq_ignore_ascii_case(n)).map(|&(_, k)| k)
}

/// Whether the text closes with a 1987 Reuters sign-off ("Reuter", "REUTER", SGML end marker after it).
fn ends_with_reuter(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches("&#3;").trim_end();
    let tail = &t.as_bytes()[t.len().saturating_sub(6)..];
    tail.eq_ignore_ascii_case(b"reuter")
}

/// Marks the mentions of the story's own agency in the story's text (see the module doc).
pub fn mark_own_agency(art: &mut Article) {
    let mut own: Vec<&'static str> = Vec::new();
    let mut add = |k: Option<&'static str>| {
        if let Some(k) = k {
            if !own.contains(&k) {
                own.push(k);
            }
        }
    };
    add(art.dateline.as_ref().and_then(|d| d.agency.as_deref()).and_then(agency_key));
    for c in &art.credits {
        if matches!(c.role, CreditRole::Copyright | CreditRole::Signoff) {
            add(agency_key(&c.name));
        }
    }
    for b in &art.bylines {
        // "By CHEGE MBITIRU, Associated Press Writer", "by Janie Gabbett, Reuters".
        if let Some((_, rest)) = b.raw.split_once(", ") {
            add(agency_key(rest));
        }
    }
    if ends_with_reuter(&art.text) {
        add(Some("reuters"));
    }
    if own.is_empty() {
        return;
    }
    for i in 0..art.entities.len() {
        let e = &art.entities[i];
        if e.user || e.label != Label::Org {
            continue;
        }
        let in_text = art
            .sentences
            .get(e.sentence)
            .is_some_and(|s| matches!(s.section, Section::Headline | Section::Body(_) | Section::Caption(_)));
        if in_text && agency_key(art.canonical(e)).is_some_and(|k| own.contains(&k)) {
            art.entities[i].own_agency = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agencies_compare_in_one_form() {
        assert_eq!(agency_key("The Associated Press"), agency_key("AP"));
        assert_eq!(agency_key("Reuter"), Some("reuters"));
        assert_eq!(agency_key("Acme"), None);
        assert!(ends_with_reuter("Profit rose.\n Reuter\n&#3;"));
        assert!(ends_with_reuter("Profit rose. REUTER"));
        assert!(!ends_with_reuter("Profit rose, he told Reuters."));
        assert!(!ends_with_reuter("r"));
    }
}
