//! Structure parser and tokenizer: `parse_structure` then `tokenize` on any text (invalid UTF-8
//! is decoded lossily, so every input reaches the parser), then the structural invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some((opts, bytes)) = common::options_and_text(data) else { return };
    let text = String::from_utf8_lossy(bytes);
    let mut art = dateline::parse_structure(&text, &opts);
    assert_eq!(art.text, text, "the article keeps the text it was given");
    dateline::tokenize(&mut art);
    common::check_structure(&art);
    art.check_spans().expect("check_spans agrees with the structural invariants");
});
