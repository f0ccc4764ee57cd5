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
