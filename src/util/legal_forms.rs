//! Company legal forms ("Inc", "Corp.", "GmbH", "S.A."): one list for every stage that asks whether
//! a word ends a company's name: the entity rules that join or split names at one, the event reader
//! (a legal form alone names nobody) and the corpus linker (two names of one company may differ by
//! one).

/// Legal forms, lower-case, without periods, each with whether the form written alone is one
/// (`true`), or is as often something else: an acronym ("AG" for an attorney general, "ASA" for an
/// association, "SE"), a word ("spa", "company") or half a form ("Sdn Bhd"). Prefix forms ("PT
/// Astra", "OOO") are left out: a name may start with them, and every caller asks about a name's
/// last word or a word alone.
pub(crate) const LEGAL_FORMS: &[(&str, bool)] = &[
    ("inc", true),
    ("incorporated", true),
    ("corp", true),
    ("corporation", true),
    ("co", true),
    ("cos", true),
    ("company", false),
    ("ltd", true),
    ("limited", true),
    ("plc", true),
    ("ag", false),
    ("sa", false),
    ("nv", false),
    ("bv", false),
    ("gmbh", true),
    ("spa", false),
    ("srl", false),
    ("lp", true),
    ("llc", true),
    ("llp", true),
    ("pty", false),
    ("kk", false),
    ("ab", false),
    ("asa", false),
    ("oy", false),
    ("oyj", true),
    ("bhd", true),
    ("berhad", true),
    ("sdn", false),
    ("cie", false),
    ("sarl", true),
    ("sca", false),
    ("se", false),
    ("tbk", false),
    ("lda", false),
    ("ltda", true),
];

/// Whether `word` is a legal form, case and periods aside: "Corp.", "S.A.", "N.V.", "GMBH", "plc".
pub(crate) fn is_legal_form(word: &str) -> bool {
    legal_form(word).is_some()
}

/// The entry of `word`'s legal form: periods dropped and ASCII lower-cased on the stack (this runs
/// for many tokens of a story).
fn legal_form(word: &str) -> Option<&'static (&'static str, bool)> {
    let mut buf = [0u8; 12];
    let mut n = 0;
    for &b in word.as_bytes() {
        if b == b'.' {
            continue;
        }
        if n == buf.len() || !b.is_ascii() {
            return None;
        }
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    LEGAL_FORMS.iter().find(|(f, _)| n > 0 && f.as_bytes() == &buf[..n])
}

/// Whether `word` alone is a legal form and nothing else, case and periods aside ("Inc.", "LTD",
/// "Corp"): a token the tagger split off a company's name, which names nobody. "AG", "ASA" and
/// "SE" are not (see [`LEGAL_FORMS`]).
pub(crate) fn is_bare_legal_form(word: &str) -> bool {
    legal_form(word).is_some_and(|(_, bare)| *bare)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_match_case_and_periods_aside() {
        for w in ["Inc", "inc.", "CORP", "Co.", "Ltd", "PLC", "AG", "S.A.", "N.V.", "B.V.", "GmbH", "SpA", "LLC"] {
            assert!(is_legal_form(w), "{w}");
        }
        for w in ["", ".", "Corps", "Bank", "Holdings", "PT", "incorporatedly", "Société"] {
            assert!(!is_legal_form(w), "{w}");
        }
    }

    #[test]
    fn acronyms_that_are_also_forms_are_not_bare() {
        for w in ["Inc.", "LTD", "corp", "Co", "PLC", "GmbH", "L.P."] {
            assert!(is_bare_legal_form(w), "{w}");
        }
        for w in ["AG", "ASA", "SE", "SA", "Company", "Bank"] {
            assert!(!is_bare_legal_form(w), "{w}");
        }
    }

    #[test]
    fn list_is_lower_case_without_periods_or_spaces() {
        for (f, _) in LEGAL_FORMS {
            assert!(f.chars().all(|c| c.is_ascii_lowercase()), "{f}");
            assert!(f.len() <= 12, "{f}");
        }
    }
}
