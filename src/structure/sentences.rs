//! Sentences: a paragraph's tokens split after `.`, `!`, `?` (with any closing quote or bracket
//! right behind), and after an abbreviation only when the next word is one that starts sentences.
use super::abbrev::{abbrev_in, title_abbrevs};
use crate::types::*;

/// Capitalised words that start sentences rather than continue names, for the abbreviation rule.
pub(super) const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "So",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "As",
    "For",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "Although",
    "Though",
    "Meanwhile",
    "However",
    "Also",
    "Still",
    "Yet",
    "Then",
    "Some",
    "Many",
    "Most",
    "Other",
    "Others",
    "Both",
    "Each",
    "Every",
    "All",
    "None",
    "One",
    "Two",
    "Three",
    "Under",
    "According",
    "Last",
    "Earlier",
    "Later",
    "Today",
    "Yesterday",
    "Analysts",
    "Officials",
    "Shares",
    "Prices",
    "Net",
    "Sales",
    "Earnings",
    "Despite",
    "During",
    "With",
    "Without",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Such",
    "Not",
    "No",
    "Now",
    "Instead",
    "Asked",
    "By",
    "From",
    "To",
    "Of",
    "Over",
    "More",
    "Only",
    "Even",
    "Separately",
    "Further",
    "Details",
];

#[inline]
fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

fn is_closing(s: &str) -> bool {
    matches!(s, "\"" | "'" | "”" | "’" | ")" | "]" | "''" | "»")
}

fn is_opening_quote(s: &str) -> bool {
    matches!(s, "\"" | "“" | "``" | "'" | "‘" | "«")
}

/// Splits `tokens[from..to]` into sentences of the given section. `enders` are the indices, in
/// order, of the tokens in that range that may end a sentence (`may_end_sentence`): no other token
/// can, so no other is looked at.
pub(super) fn split_sentences(
    text: &str,
    tokens: &[Token],
    from: usize,
    to: usize,
    section: Section,
    enders: &[usize],
    out: &mut Vec<Sentence>,
) {
    if from >= to {
        return;
    }
    let tok = |k: usize| &text[tokens[k].span.start..tokens[k].span.end];
    let mut s_start = from;
    // The first token not yet looked at.
    let mut k = from;
    for &c in enders {
        if c < k {
            continue;
        }
        k = c;
        let t = tok(k);
        let ends_dot = t.len() > 1 && t.ends_with('.') && t.bytes().next().is_some_and(|c| c.is_ascii_alphabetic());
        let terminal = matches!(t, "." | "!" | "?" | "..." | "…" | "?!" | "!?")
            || (t.len() > 1 && t.bytes().all(|c| c == b'!' || c == b'?'));
        if !(terminal || ends_dot) {
            continue;
        }
        // Closing quotes and brackets written right after the mark belong to this sentence.
        let mut e = k;
        while e + 1 < to && tokens[e + 1].span.start == tokens[e].span.end && is_closing(tok(e + 1)) {
            e += 1;
        }
        if e + 1 >= to {
            break;
        }
        let next = tok(e + 1);
        let nc = first_char(next);
        let brk = if terminal {
            if t == "..." || t == "…" {
                nc.is_uppercase()
            } else {
                !nc.is_lowercase() && !matches!(next, "," | ";" | ":" | ")" | "-")
            }
        } else {
            // An abbreviation with its dot: a judgement call.
            let w = &t[..t.len() - 1];
            let single_initial = w.len() == 1;
            let inner_initials = w.len() <= 5
                && w.split('.').all(|p| p.len() == 1)
                && w.split('.').all(|p| p.bytes().all(|c| c.is_ascii_uppercase()))
                && w.contains('.')
                && !matches!(w, "U.S" | "U.N" | "U.K");
            if single_initial || inner_initials || abbrev_in(title_abbrevs(), w) {
                false
            } else if is_opening_quote(next) && tokens[e + 1].span.start > tokens[e].span.end {
                true
            } else {
                SENTENCE_STARTERS.contains(&next)
            }
        };
        if brk {
            push_sentence(tokens, s_start, e + 1, section, out);
            s_start = e + 1;
        }
        k = e + 1;
    }
    push_sentence(tokens, s_start, to, section, out);
}

fn push_sentence(tokens: &[Token], a: usize, b: usize, section: Section, out: &mut Vec<Sentence>) {
    if a < b {
        out.push(Sentence {
            span: Span::new(tokens[a].span.start, tokens[b - 1].span.end),
            token_start: a,
            token_end: b,
            section,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::tokenize::{may_end_sentence, tokenize_range};

    /// Splits a string into sentences the way `annotate` does a paragraph; spans are byte ranges into `s`.
    fn sentences_str(s: &str) -> Vec<Span> {
        let mut toks = Vec::new();
        tokenize_range(s, 0, s.len(), &mut toks);
        let enders: Vec<usize> = (0..toks.len()).filter(|&k| may_end_sentence(s.as_bytes(), toks[k])).collect();
        let mut sents = Vec::new();
        split_sentences(s, &toks, 0, toks.len(), Section::Body(0), &enders, &mut sents);
        sents.into_iter().map(|x| x.span).collect()
    }

    fn sents(s: &str) -> Vec<&str> {
        sentences_str(s).into_iter().map(|sp| &s[sp.start..sp.end]).collect()
    }

    #[test]
    fn sentences_do_not_break_at_abbreviations() {
        assert_eq!(
            sents("The U.S. Treasury said so. Gen. Smith agreed."),
            ["The U.S. Treasury said so.", "Gen. Smith agreed."]
        );
        assert_eq!(sents("Mr. Lee met J. R. Smith in Pyongyang."), ["Mr. Lee met J. R. Smith in Pyongyang."]);
        assert_eq!(sents("It rose on Jan. 5 in the U.S. market."), ["It rose on Jan. 5 in the U.S. market."]);
    }

    #[test]
    fn sentences_break_after_abbreviation_before_starter() {
        assert_eq!(
            sents("Ties among Seoul and the U.S. The next step is near."),
            ["Ties among Seoul and the U.S.", "The next step is near."]
        );
        assert_eq!(sents("It bought Smith Corp. It paid cash."), ["It bought Smith Corp.", "It paid cash."]);
    }

    #[test]
    fn sentences_and_quotes() {
        assert_eq!(sents("He said \"No way.\" Then he left."), ["He said \"No way.\"", "Then he left."]);
        assert_eq!(sents("\"Why?\" he asked. Nobody knew!"), ["\"Why?\" he asked.", "Nobody knew!"]);
        assert_eq!(sents("Prices rose 3.5 pct. Sales fell"), ["Prices rose 3.5 pct.", "Sales fell"]);
        assert_eq!(sents("one. two"), ["one. two"]);
    }
}
