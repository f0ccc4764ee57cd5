//! Quotations with their speakers, cited sources and reporting verbs.
//!
//! Quote marks are paired paragraph by paragraph (straight, curly and PTB ``...'' marks); a paragraph that
//! ends inside a quote continues into the next one when that opens with a quote mark (wire style for quotes
//! over several paragraphs). A quoted span that is a name (an entity, or a short title-cased phrase such as
//! the "Weaponry Exhibition-2023" event) is not a quote.
//!
//! Attribution, in order: a reporting verb in the quote's sentence and its subject ("Kim said", "...,"
//! said Kim", "he said" -> the last person named, "it added" -> the medium last cited), "according to X";
//! otherwise the previous quote of the paragraph, then the neighbouring sentences of the paragraph. A news
//! medium as subject ("the KCNA said") is the quote's source, not its speaker.
use crate::resolve::lex::{self, is_aux_or_adverb, is_medium, Doc};
use crate::types::*;

/// Fills `art.quotes`.
pub fn extract(art: &mut Article) {
    if art.text.is_empty() {
        return;
    }
    let raw = find_quotes(art);
    if raw.is_empty() {
        art.quotes.clear();
        return;
    }
    let doc = Doc::new(art);
    let quotes = attribute(&doc, &raw);
    art.quotes = quotes;
}

/// A quoted span: the words without the marks, and the byte just after the closing mark.
#[derive(Debug, Clone, Copy)]
struct Raw {
    span: Span,
    /// Byte offset just past the closing mark.
    close_end: usize,
    /// The closing mark was preceded by a comma, question or exclamation mark: attribution likely follows.
    open_ended: bool,
    /// Paragraph (region) index where the quote opens.
    region: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

/// The quote mark starting at byte `i` of `text`, with its length.
fn mark_at(text: &str, i: usize) -> Option<(Mark, usize)> {
    let b = text.as_bytes();
    match b[i] {
        b'"' => Some((Mark::Either, 1)),
        b'`' if b.get(i + 1) == Some(&b'`') => Some((Mark::Open, 2)),
        b'\'' if b.get(i + 1) == Some(&b'\'') => Some((Mark::Close, 2)),
        0xE2 => match text.get(i..i + 3) {
            Some("“") => Some((Mark::Open, 3)),
            Some("”") => Some((Mark::Close, 3)),
            _ => None,
        },
        _ => None,
    }
}

/// The regions quotes live in, in text order: headline, body paragraphs, captions; or the whole text when
/// the structure is unknown. The flag marks body paragraphs (a quote may run on from one to the next).
fn regions(art: &Article) -> Vec<(Span, bool)> {
    let mut r: Vec<(Span, bool)> = Vec::new();
    if let Some(h) = art.headline {
        r.push((h, false));
    }
    r.extend(art.paragraphs.iter().map(|p| (p.span, true)));
    r.extend(art.captions.iter().map(|c| (c.span, false)));
    if r.is_empty() {
        if art.sentences.is_empty() {
            r.push((Span::new(0, art.text.len()), true));
        } else {
            let s = art.sentences[0].span.start;
            let e = art.sentences.last().map(|s| s.span.end).unwrap_or(art.text.len());
            r.push((Span::new(s, e), true));
        }
    }
    r.sort_by_key(|(s, _)| s.start);
    r
}

fn find_quotes(art: &Article) -> Vec<Raw> {
    let text = art.text.as_str();
    let regs = regions(art);
    let mut out = Vec::new();
    // (content start, region) of the quote now open.
    let mut open: Option<(usize, usize)> = None;
    for (ri, &(span, body)) in regs.iter().enumerate() {
        let mut i = span.start;
        // A paragraph continuing an open quote starts with a fresh opening mark: skip it.
        if let Some((_, _)) = open {
            let lead = text[i..span.end].len() - text[i..span.end].trim_start().len();
            match mark_at(text, i + lead) {
                Some((Mark::Open | Mark::Either, n)) if body => i += lead + n,
                _ => open = None,
            }
        }
        // Candidate marks by memchr: '"', '`' and the lead byte of curly quotes; "''" only where a
        // PTB-style "``" opens in the region.
        let region = &text.as_bytes()[i.min(span.end)..span.end];
        let mut cands: Vec<usize> = memchr::memchr3_iter(b'"', b'`', 0xE2, region).map(|p| p + i).collect();
        if memchr::memmem::find(region, b"``").is_some() {
            cands.extend(memchr::memmem::find_iter(region, b"''").map(|p| p + i));
            cands.sort_unstable();
        }
        for c in cands {
            if c < i {
                continue;
            }
            i = c;
            let Some((m, n)) = mark_at(text, i) else {
                continue;
            };
            match (open, m) {
                (None, Mark::Open | Mark::Either) => open = Some((i + n, ri)),
                (None, Mark::Close) => {} // stray closing mark
                (Some((s, r)), Mark::Close | Mark::Either) => {
                    let inner = &text[s..i];
                    let trimmed_end = s + inner.trim_end().len();
                    let lead = inner.len() - inner.trim_start().len();
                    let mut end = trimmed_end;
                    let last = text[s..end].chars().last();
                    let open_ended = matches!(last, Some(',' | '?' | '!'))
                        || text[i + n..].starts_with(',');
                    if last == Some(',') {
                        end -= 1;
                    }
                    if s + lead < end {
                        out.push(Raw { span: Span::new(s + lead, end), close_end: i + n, open_ended, region: r });
                    }
                    open = None;
                }
                // An opening mark inside an open quote: the earlier one was never closed.
                (Some(_), Mark::Open) => open = Some((i + n, ri)),
            }
            i += n;
        }
        // Only a body paragraph can run on into the next one.
        if open.is_some() && !(body && regs.get(ri + 1).is_some_and(|r| r.1)) {
            open = None;
        }
    }
    out
}

/// Is the quoted text a name rather than a quote: an entity, or a short title-cased phrase with no
/// sentence punctuation ("Weaponry Exhibition-2023", "Gangnam Style").
fn is_name(art: &Article, span: Span) -> bool {
    // Entities are sorted by start: look only at those starting where the quoted words start.
    let i = art.entities.partition_point(|e| e.span.start < span.start);
    if art.entities[i..].iter().take_while(|e| e.span.start == span.start).any(|e| e.span == span && lex::is_name_label(e.label)) {
        return true;
    }
    let s = art.slice(span);
    if s.ends_with(['.', '!', '?', ',', ';', ':']) {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    words.iter().enumerate().all(|(i, w)| {
        let first = w.chars().next().unwrap();
        first.is_uppercase()
            || first.is_ascii_digit()
            || (i > 0 && matches!(*w, "of" | "the" | "and" | "for" | "in" | "on" | "at" | "to" | "a" | "an" | "with"))
    }) && words.iter().any(|w| w.chars().next().is_some_and(char::is_uppercase))
        // "I" alone or a sentence-initial word quoted is not a title; require a capital beyond the first
        // word or a digit/hyphenated name.
        && (words.len() > 1 || s.contains(['-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']))
}

/// Reporting verbs, lower-cased. Forms that are more often nouns ("reports", "claims") are left out.
/// A hashed set: this runs on every token of a sentence near a quote.
fn is_reporting_verb(low: &str) -> bool {
    static SET: std::sync::OnceLock<lex::Lexicon<()>> = std::sync::OnceLock::new();
    SET.get_or_init(|| lex::Lexicon::new(REPORTING_VERBS.iter().map(|w| (*w, ())))).get(low).is_some()
}

const REPORTING_VERBS: &[&str] = &[
    "said", "says", "say", "saying", "told", "tells", "added", "adds", "adding", "stated", "vowed", "vows",
    "pledged", "warned", "warns", "noted", "insisted", "insists", "argued", "argues", "claimed", "declared",
    "announced", "expressed", "stressed", "stresses", "emphasized", "emphasised", "urged", "urges", "called",
    "described", "wrote", "writes", "asked", "asks", "replied", "responded", "explained", "explains",
    "reported", "shared", "promised", "acknowledged", "admitted", "affirmed", "reaffirmed", "confirmed",
    "denied", "denounced", "condemned", "criticized", "criticised", "accused", "threatened", "boasted",
    "praised", "hailed", "recalled", "predicted", "suggested", "reiterated", "demanded", "proclaimed",
    "remarked", "commented", "conceded", "cautioned", "quoted", "cited", "mentioned", "observed",
    "underlined", "underscored", "lamented", "complained", "tweeted", "posted",
];

/// The attribution found for one sentence or quote.
#[derive(Debug, Clone, Default)]
struct Attr {
    speaker: Option<String>,
    source: Option<String>,
    verb: Option<String>,
}

impl Attr {
    fn found(&self) -> bool {
        self.speaker.is_some() || self.source.is_some()
    }
}

struct Ctx<'d, 'a> {
    doc: &'d Doc<'a>,
    /// Token ranges inside quotes (content tokens), sorted.
    quoted: Vec<bool>,
    /// Per sentence: the medium it cites as a source ("the KCNA said", "according to Yonhap").
    medium: Vec<Option<String>>,
    /// Per sentence: its first PERSON mention outside quotes (the likely subject), as an entity index.
    first_person: Vec<Option<u32>>,
}

fn canonical(doc: &Doc, e: usize) -> String {
    let ent = &doc.art.entities[e];
    ent.canonical.clone().unwrap_or_else(|| lex::base_text(doc.art, ent).into_owned())
}

impl<'d, 'a> Ctx<'d, 'a> {
    fn sentence_tokens(&self, si: usize) -> (usize, usize) {
        let s = &self.doc.art.sentences[si];
        (s.token_start, s.token_end.min(self.doc.len()))
    }

    /// The entity whose last token is `t`, outside quotes, of a label that can speak.
    fn speaker_ending(&self, t: usize) -> Option<usize> {
        let e = self.doc.ent_ending(t)?;
        let l = self.doc.art.entities[e].label;
        (!self.quoted[t] && matches!(l, Label::Person | Label::Org | Label::Gpe | Label::Norp)).then_some(e)
    }

    /// Speaker or source for entity `e`: media are sources.
    fn attr_of_entity(&self, e: usize) -> Attr {
        let name = canonical(self.doc, e);
        let ent = &self.doc.art.entities[e];
        if ent.label != Label::Person && is_medium(&name) {
            Attr { source: Some(name), ..Default::default() }
        } else {
            Attr { speaker: Some(name), ..Default::default() }
        }
    }

    /// The nearest medium cited at or before sentence `si` (at most a few sentences back).
    fn running_medium(&self, si: usize) -> Option<String> {
        (si.saturating_sub(6)..si).rev().find_map(|s| self.medium[s].clone())
    }

    fn last_person(&self, si: usize, before_tok: usize) -> Option<String> {
        let (a, _) = self.sentence_tokens(si);
        for t in (a..before_tok).rev() {
            if let Some(e) = self.speaker_ending(t) {
                if self.doc.art.entities[e].label == Label::Person {
                    return Some(canonical(self.doc, e));
                }
            }
        }
        (si.saturating_sub(6)..si).rev().find_map(|s| self.first_person[s]).map(|e| canonical(self.doc, e as usize))
    }

    /// Who is the subject of the reporting verb at token `v` in sentence `si`.
    fn subject(&self, si: usize, v: usize, depth: u8) -> Attr {
        let doc = self.doc;
        let (a, b) = self.sentence_tokens(si);
        let mut j = v;
        while j > a && is_aux_or_adverb(doc.low(j - 1)) {
            j -= 1;
        }
        if j > a {
            let l = j - 1;
            if let Some(e) = self.speaker_ending(l) {
                return self.attr_of_entity(e);
            }
            let low = doc.low(l);
            if lex::is_person_pronoun(low) {
                return Attr { speaker: self.last_person(si, l), ..Default::default() };
            }
            if low == "it" {
                return Attr { source: self.running_medium(si + 1), ..Default::default() };
            }
            if (low == "and" || low == "but") && depth < 3 {
                // Coordinated verb: same subject as the reporting verb before it, else the sentence's
                // first person.
                for t in (a..l).rev() {
                    if !self.quoted[t] && is_reporting_verb(doc.low(t)) {
                        return self.subject(si, t, depth + 1);
                    }
                }
                for t in a..l {
                    if let Some(e) = self.speaker_ending(t) {
                        if doc.art.entities[e].label == Label::Person {
                            return self.attr_of_entity(e);
                        }
                    }
                }
                return Attr::default();
            }
            if doc.tok(l) == "," && !lex::is_quote_mark(doc.tok(l.saturating_sub(1))) {
                // "Li, a Politburo member, said": the name before the appositive.
                for t in (a.max(l.saturating_sub(12))..l).rev() {
                    if doc.tok(t) == "," {
                        if t > a {
                            if let Some(e) = self.speaker_ending(t - 1) {
                                return self.attr_of_entity(e);
                            }
                        }
                        break;
                    }
                }
            }
        }
        // Inversion after a quote or at the start: '"...," said Kim', 'said the KCNA'.
        let inverted = j == a || matches!(doc.tok(j - 1), "," | "\"" | "”" | "''");
        if inverted {
            let mut k = v + 1;
            while k < b && (lex::is_determiner(doc.low(k)) || crate::gazetteer::gazetteer().title_word(doc.low(k)).head
                || crate::gazetteer::gazetteer().title_word(doc.low(k)).modifier)
                && doc.ent(k).is_none()
            {
                k += 1;
            }
            if k < b {
                if let Some(e) = doc.ent_starting(k) {
                    if !self.quoted[k] {
                        let l = doc.art.entities[e].label;
                        if matches!(l, Label::Person | Label::Org | Label::Gpe) {
                            return self.attr_of_entity(e);
                        }
                    }
                }
            }
        }
        Attr::default()
    }

    /// "according to [the] X" in sentence `si`, outside quotes.
    fn according_to(&self, si: usize) -> Option<usize> {
        let doc = self.doc;
        let (a, b) = self.sentence_tokens(si);
        let mut t = a;
        while t + 2 < b {
            if !self.quoted[t] && doc.low(t) == "according" && doc.low(t + 1) == "to" {
                let mut k = t + 2;
                while k < b && lex::is_determiner(doc.low(k)) {
                    k += 1;
                }
                // "according to the North's Korean Central News Agency": skip a possessive owner.
                if let Some(e) = doc.ent_starting(k) {
                    let end = doc.art.entities[e].token_end;
                    if doc.is_possessive(end) {
                        if let Some(e2) = doc.ent_starting(end + 1) {
                            return Some(e2);
                        }
                    }
                    return Some(e);
                }
                return None;
            }
            t += 1;
        }
        None
    }

    /// The verb as written, with "his views on" and the like when they follow.
    fn verb_text(&self, v: usize) -> String {
        let doc = self.doc;
        let n = doc.len();
        let mut end = v;
        if v + 2 < n
            && matches!(doc.low(v + 1), "his" | "her" | "their" | "its")
            && matches!(doc.low(v + 2), "views" | "view" | "opinion" | "opinions" | "thoughts")
        {
            end = v + 2;
            if v + 3 < n && matches!(doc.low(v + 3), "on" | "about") {
                end = v + 3;
            }
        }
        let art = doc.art;
        art.text[art.tokens[v].span.start..art.tokens[end].span.end].split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Attribution of a sentence from a reporting verb near token position `pos` (or its first one).
    fn sentence_attr(&self, si: usize, verb_tok: Option<usize>) -> Attr {
        let mut attr = Attr::default();
        if let Some(v) = verb_tok {
            attr = self.subject(si, v, 0);
            attr.verb = Some(self.verb_text(v));
            if self.doc.low(v) == "told" {
                // "Kim told Yonhap": the medium told is the source.
                if let Some(e) = self.doc.ent_starting(v + 1) {
                    let m = self.attr_of_entity(e);
                    if m.source.is_some() && attr.source.is_none() {
                        attr.source = m.source;
                    }
                }
            }
        }
        if let Some(e) = self.according_to(si) {
            let m = self.attr_of_entity(e);
            if m.source.is_some() {
                attr.source = attr.source.or(m.source);
            } else if attr.speaker.is_none() {
                attr.speaker = m.speaker;
            }
        }
        attr
    }
}

fn attribute(doc: &Doc, raws: &[Raw]) -> Vec<Quote> {
    let art = doc.art;
    let n = doc.len();
    let mut quoted = vec![false; n];
    let mut kept: Vec<Raw> = Vec::with_capacity(raws.len());
    for r in raws {
        if is_name(art, r.span) {
            continue;
        }
        kept.push(*r);
    }
    // Mark tokens inside any quoted span (names included: they are no subjects either).
    {
        let mut k = 0;
        for (t, tok) in art.tokens.iter().enumerate() {
            while k < raws.len() && raws[k].span.end <= tok.span.start {
                k += 1;
            }
            if k < raws.len() && raws[k].span.contains(tok.span) {
                quoted[t] = true;
            }
        }
    }
    let ns = art.sentences.len();
    let mut ctx = Ctx { doc, quoted, medium: vec![None; ns], first_person: vec![None; ns] };
    // Per-sentence facts used for pronouns, "it" and neighbouring attributions, gathered only in the
    // sentences a quote may look at: its own, the next one, and a few before it.
    let mut need = vec![false; ns];
    for r in &kept {
        for pos in [r.span.start, r.close_end.saturating_sub(1)] {
            if let Some(si) = lex::sentence_at(art, pos) {
                need[si.saturating_sub(6)..(si + 2).min(ns)].iter_mut().for_each(|x| *x = true);
            }
        }
    }
    let mut sent_verb: Vec<Option<usize>> = vec![None; ns];
    let mut cites: Vec<bool> = vec![false; ns];
    for si in 0..ns {
        if !need[si] {
            continue;
        }
        let (a, b) = ctx.sentence_tokens(si);
        for t in a..b {
            if ctx.quoted[t] {
                continue;
            }
            if ctx.first_person[si].is_none() {
                if let Some(e) = doc.ent_starting(t) {
                    if art.entities[e].label == Label::Person && !doc.is_possessive(art.entities[e].token_end) {
                        ctx.first_person[si] = Some(e as u32);
                    }
                }
            }
            let low = doc.low(t);
            if sent_verb[si].is_none() && is_reporting_verb(low) {
                sent_verb[si] = Some(t);
            }
            cites[si] |= low == "according";
        }
    }
    for si in 0..ns {
        if sent_verb[si].is_none() && !cites[si] {
            continue;
        }
        // A sentence cites a medium when the medium is the subject of its reporting verb or "according to" it.
        let attr = ctx.sentence_attr(si, sent_verb[si]);
        if let Some(s) = attr.source {
            ctx.medium[si] = Some(s);
        }
    }
    let para_of = |si: usize| match art.sentences[si].section {
        Section::Body(p) => Some(p),
        _ => None,
    };
    let mut out: Vec<Quote> = Vec::with_capacity(kept.len());
    for (qi, r) in kept.iter().enumerate() {
        let Some(si) = lex::sentence_at(art, r.span.start) else {
            out.push(Quote { span: r.span, speaker: None, source: None, verb: None, sentence: 0 });
            continue;
        };
        let (a, b) = ctx.sentence_tokens(si);
        let first_q = art.tokens[a..b].partition_point(|t| t.span.end <= r.span.start) + a;
        let after_q = art.tokens[a..b].partition_point(|t| t.span.start < r.close_end) + a;
        // Pick the reporting verb: right after a quote that ends open ('"...," Kim said'), else the nearest
        // one before the quote, else the nearest after it.
        let mut verb = None;
        if r.open_ended {
            let mut t = after_q;
            while t < b && t < after_q + 6 && (doc.tok(t) == "," || is_aux_or_adverb(doc.low(t))
                || doc.ent(t).is_some() || lex::is_person_pronoun(doc.low(t)) || doc.low(t) == "it"
                || lex::is_determiner(doc.low(t)))
            {
                t += 1;
            }
            if t < b && is_reporting_verb(doc.low(t)) && !ctx.quoted[t] {
                verb = Some(t);
            }
        }
        if verb.is_none() {
            verb = (a..first_q).rev().find(|&t| !ctx.quoted[t] && is_reporting_verb(doc.low(t)));
        }
        if verb.is_none() {
            verb = (after_q..b).find(|&t| !ctx.quoted[t] && is_reporting_verb(doc.low(t)));
        }
        // A quote running over paragraphs may be attributed in its last sentence.
        let mut attr = ctx.sentence_attr(si, verb);
        if !attr.found() {
            if let Some(se) = lex::sentence_at(art, r.close_end.saturating_sub(1)).filter(|&s| s != si) {
                attr = ctx.sentence_attr(se, sent_verb[se]);
            }
        }
        if !attr.found() {
            // The previous quote of the same paragraph, then the neighbouring sentences of the paragraph.
            let prev = qi.checked_sub(1).map(|p| &out[p]).filter(|q| {
                kept[qi - 1].region == r.region && (q.speaker.is_some() || q.source.is_some())
            });
            if let Some(q) = prev {
                attr.speaker = q.speaker.clone();
                attr.source = q.source.clone();
            } else {
                let p = para_of(si);
                let same_para = |s: usize| s < ns && p.is_some() && para_of(s) == p;
                for s in [si + 1, si.wrapping_sub(1)] {
                    if same_para(s) {
                        if let Some(m) = &ctx.medium[s] {
                            attr.source = Some(m.clone());
                            break;
                        }
                    }
                }
            }
        }
        out.push(Quote { span: r.span, speaker: attr.speaker, source: attr.source, verb: attr.verb, sentence: si });
    }
    out
}
