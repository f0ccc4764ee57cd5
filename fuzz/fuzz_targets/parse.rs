//! The full pipeline, `dateline::parse` (structure, entities, names, time values, quotes, events):
//! a text under the size limit with a valid date must give an article (an `Error::Internal` is a
//! span the core itself found broken), and that article must keep every invariant.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some((opts, bytes)) = common::options_and_text(data) else { return };
    let text = String::from_utf8_lossy(bytes);
    let art = match dateline::parse(&text, &opts) {
        Ok(art) => art,
        Err(e) => panic!("parse failed on a valid input: {e}"),
    };
    assert_eq!(art.text, text, "the article keeps the text it was given");
    common::check_article(&art);
});
