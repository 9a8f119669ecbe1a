//! Normalisation on arbitrary UTF-8: idempotent, NFC, and the offset map is
//! monotone and lands on char boundaries of the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vntext::normalize::normalize;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let n = normalize(text);
    let out = n.as_str();
    assert_eq!(normalize(out).as_str(), out, "not idempotent");
    let mut last = 0;
    for (i, _) in out.char_indices().chain(std::iter::once((out.len(), ' '))) {
        let s = n.map().to_original_start(i);
        let e = n.map().to_original_end(i);
        assert!(s <= text.len() && e <= text.len());
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        assert!(s >= last, "map not monotone");
        last = s;
    }
});
