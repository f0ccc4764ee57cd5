//! Records from a core [`Article`]: byte spans become `str` offsets, defaults are filled in. The
//! binding builds its Python objects here and the corpus engine its table rows.
use super::*;
use crate::types::{Article, Span};
use crate::util::offsets::CharIndex;

/// Builds the records of one article; `map` is the [`CharIndex`] of the article's text.
pub struct Records<'a> {
    pub art: &'a Article,
    pub map: &'a CharIndex,
}

impl<'a> Records<'a> {
    #[inline]
    fn c(&self, b: usize) -> usize {
        self.map.char_of(&self.art.text, b)
    }
    fn span(&self, s: Span) -> (String, usize, usize) {
        (self.art.slice(s).to_string(), self.c(s.start), self.c(s.end))
    }
    pub fn tokens(&self) -> Vec<TokenRecord> {
        self.art
            .tokens
            .iter()
            .map(|t| {
                let (text, start, end) = self.span(t.span);
                TokenRecord { text, start, end }
            })
            .collect()
    }
    pub fn sentences(&self) -> Vec<SentenceRecord> {
        self.art
            .sentences
            .iter()
            .map(|s| {
                let (text, start, end) = self.span(s.span);
                let (section, section_index) = (s.section.name(), s.section.index());
                SentenceRecord {
                    text,
                    start,
                    end,
                    section,
                    section_index,
                    token_start: s.token_start,
                    token_end: s.token_end,
                }
            })
            .collect()
    }
    pub fn paragraphs(&self) -> Vec<ParagraphRecord> {
        self.art
            .paragraphs
            .iter()
            .map(|p| ParagraphRecord { text: p.text.clone(), start: self.c(p.span.start), end: self.c(p.span.end) })
            .collect()
    }
    pub fn captions(&self) -> Vec<CaptionRecord> {
        self.art
            .captions
            .iter()
            .map(|c| CaptionRecord {
                text: c.text.clone(),
                credit: c.credit.clone(),
                source: c.source.clone(),
                date: c.date.clone(),
                restriction: c.restriction.clone(),
                start: self.c(c.span.start),
                end: self.c(c.span.end),
            })
            .collect()
    }
    pub fn dateline(&self) -> Option<DatelineRecord> {
        self.art.dateline.as_ref().map(|d| {
            let (text, start, end) = self.span(d.span);
            DatelineRecord { place: d.place.clone(), date: d.date.clone(), agency: d.agency.clone(), text, start, end }
        })
    }
    pub fn bylines(&self) -> Vec<BylineRecord> {
        self.art
            .bylines
            .iter()
            .map(|b| BylineRecord {
                name: b.name.clone(),
                raw: b.raw.clone(),
                start: self.c(b.span.start),
                end: self.c(b.span.end),
            })
            .collect()
    }
    /// The section of sentence `si` ("body" for an index out of range: records of hand-made articles).
    fn section(&self, si: usize) -> &'static str {
        self.art.sentences.get(si).map_or("body", |s| s.section.name())
    }
    pub fn credits(&self) -> Vec<CreditRecord> {
        self.art
            .credits
            .iter()
            .map(|c| {
                let line = self.art.credit_lines[c.line];
                CreditRecord {
                    name: c.name.clone(),
                    role: c.role.as_str(),
                    line: self.art.slice(line).to_string(),
                    start: self.c(c.span.start),
                    end: self.c(c.span.end),
                }
            })
            .collect()
    }
    pub fn entity(&self, i: usize) -> EntityRecord {
        let e = &self.art.entities[i];
        let (text, start, end) = self.span(e.span);
        EntityRecord {
            canonical: self.art.canonical(e).to_string(),
            text,
            label: e.label.as_str(),
            start,
            end,
            sentence: e.sentence,
            // The story's own agency named in its text counts with the credits.
            section: if e.own_agency { "credit" } else { self.section(e.sentence) },
            title: e.title.clone(),
            value: e.value.clone(),
            country_code: e.country_code.map(str::to_string),
            kb_id: e.kb_id.clone(),
        }
    }
    pub fn entities(&self) -> Vec<EntityRecord> {
        (0..self.art.entities.len()).map(|i| self.entity(i)).collect()
    }
    pub fn clusters(&self) -> Vec<ClusterRecord> {
        self.art
            .clusters
            .iter()
            .map(|c| ClusterRecord {
                canonical: c.canonical.clone(),
                label: c.label.as_str(),
                country_code: c.country_code.map(str::to_string),
                count: c.mentions.len(),
                mentions: c
                    .mentions
                    .iter()
                    .filter(|&&i| i < self.art.entities.len())
                    .map(|&i| self.entity(i))
                    .collect(),
            })
            .collect()
    }
    pub fn quotes(&self) -> Vec<QuoteRecord> {
        self.art
            .quotes
            .iter()
            .map(|q| {
                let (text, start, end) = self.span(q.span);
                QuoteRecord {
                    text,
                    start,
                    end,
                    speaker: q.speaker.clone(),
                    source: q.source.clone(),
                    verb: q.verb.clone(),
                    sentence: q.sentence,
                    section: self.section(q.sentence),
                    speaker_start: q.speaker_span.map(|s| self.c(s.start)),
                    speaker_end: q.speaker_span.map(|s| self.c(s.end)),
                    cue_start: q.cue.map(|s| self.c(s.start)),
                    cue_end: q.cue.map(|s| self.c(s.end)),
                }
            })
            .collect()
    }
    pub fn attributions(&self) -> Vec<AttributionRecord> {
        self.art
            .attributions
            .iter()
            .map(|a| {
                let (text, start, end) = self.span(a.span);
                AttributionRecord {
                    speaker: a.speaker.clone(),
                    speaker_start: a.speaker_span.map(|s| self.c(s.start)),
                    speaker_end: a.speaker_span.map(|s| self.c(s.end)),
                    verb: a.verb.clone(),
                    cue_start: a.cue.map(|s| self.c(s.start)),
                    cue_end: a.cue.map(|s| self.c(s.end)),
                    text,
                    start,
                    end,
                    direct: a.direct,
                    sentence: a.sentence,
                    section: self.section(a.sentence),
                }
            })
            .collect()
    }
    pub fn acronyms(&self) -> Vec<AcronymRecord> {
        self.art
            .acronyms
            .iter()
            .map(|a| AcronymRecord {
                short: a.short.clone(),
                long: a.long.clone(),
                refers_to: a.refers_to.clone(),
                defined: a.defined,
                start: self.c(a.span.start),
                end: self.c(a.span.end),
            })
            .collect()
    }
    pub fn events(&self) -> Vec<EventRecord> {
        self.art
            .events
            .iter()
            .map(|e| {
                let (text, start, end) = self.span(e.span);
                EventRecord {
                    subject: e.subject.clone(),
                    predicate: e.predicate.clone(),
                    object: e.object.clone(),
                    detail: e.detail.clone(),
                    sentence: e.sentence,
                    section: self.section(e.sentence),
                    text,
                    start,
                    end,
                    code: e.code.to_string(),
                    quad_class: e.quad_class as usize,
                    subject_country: e.subject_country.map(str::to_string),
                    object_country: e.object_country.map(str::to_string),
                    date: e.date.clone(),
                    place: e.place.clone(),
                    mood: e.mood.to_string(),
                    reported: e.reported,
                }
            })
            .collect()
    }
    pub fn headline(&self) -> Option<String> {
        self.art.headline_text().map(str::to_string)
    }

    /// The whole article as one serialisable record (what `to_dict` / `to_json` return).
    pub fn record(&self, text: bool, tokens: bool) -> ArticleRecord {
        ArticleRecord {
            source: self.art.source.clone(),
            date: self.art.date.clone(),
            advisory: self.art.advisory.clone(),
            slug: self.art.slug.clone(),
            bylines: self.art.bylines.iter().map(|b| b.name.clone()).collect(),
            byline_details: self.bylines(),
            headline: self.headline(),
            dateline: self.dateline(),
            paragraphs: self.paragraphs(),
            captions: self.captions(),
            credits: self.credits(),
            body: self.art.body(),
            sentences: self.sentences(),
            tokens: if tokens { Some(self.tokens()) } else { None },
            entities: self.entities(),
            clusters: self.clusters(),
            acronyms: self.acronyms(),
            quotes: self.quotes(),
            events: self.events(),
            attributions: self.attributions(),
            text: if text { Some(self.art.text.clone()) } else { None },
        }
    }
}
