//! Tokenisation on arbitrary UTF-8: lossless, spans on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut pos = 0;
    for t in vntext::token::syllables(text) {
        assert_eq!(t.start(), pos, "gap or overlap");
        assert!(t.end() > t.start());
        assert!(text.is_char_boundary(t.end()));
        assert_eq!(&text[t.start()..t.end()], t.as_str());
        pos = t.end();
    }
    assert_eq!(pos, text.len());
});
