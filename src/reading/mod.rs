//! Reading: what the story says about its entities, after recognition. Canonical names, titles,
//! acronyms and country codes (`names`), usual surface forms (`surface`), the story's own agency (`agency`), time values (`time_values`), quotes and their speakers
//! (`quotes`), who did what to whom (`events`). All read one shared view of the story (`story::Doc`).
use crate::types::Article;

pub(crate) mod acronyms;
pub(crate) mod agency;
pub(crate) mod events;
pub(crate) mod name_match;
pub(crate) mod names;
pub(crate) mod quotes;
pub(crate) mod story;
pub(crate) mod surface;
pub(crate) mod time_values;
pub(crate) mod titles;

/// Runs every reading stage, in order: names, time values, quotes, events.
pub fn read(art: &mut Article) {
    use crate::util::cancel::requested;
    // A cancelled run throws this story away: stop between the steps (each is linear).
    names::resolve(art);
    surface::normalize(art);
    agency::mark_own_agency(art);
    if requested() {
        return;
    }
    time_values::annotate(art);
    if requested() {
        return;
    }
    // The events read the story through the quotes' view of it (nothing between changes the text,
    // tokens or entities).
    let parts = quotes::extract_keeping(art);
    if requested() {
        return;
    }
    events::extract_using(art, parts);
}

#[cfg(test)]
mod tests {
    use crate::types::*;

    #[test]
    fn events_read_through_the_quotes_view_as_through_their_own() {
        // `read` hands the quotes' view of the story to the events; a view built afresh must give
        // the same events (it would not if a stage between them changed the tokens or entities).
        let text = "SEOUL, July 27 (Yonhap) -- South Korean President Yoon Suk Yeol met U.S. Secretary of State \
                    Antony Blinken in Seoul on Thursday. \"We will work together,\" Yoon said. North Korea \
                    fired a ballistic missile into the sea on Wednesday, the military said.";
        let opts = ParseOptions { date: Some("2023-07-27".into()), source: None };
        let art = crate::parse(text, &opts).unwrap();
        assert!(!art.events.is_empty(), "the story should hold events");
        let mut fresh = art.clone();
        fresh.events.clear();
        super::events::extract(&mut fresh);
        assert_eq!(art.events, fresh.events);
    }
}
