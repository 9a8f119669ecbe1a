//! Normalisation on arbitrary input: idempotent, and the offset map is
//! monotone and lands on char boundaries of the input. Every legacy decoder
//! on the raw bytes: its map lands on byte offsets of the input, in order,
//! and the decoded text normalises without panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vntext::normalize::legacy::{decode, decode_auto, Encoding};
use vntext::normalize::normalize;

fn check_map(text: &str, n: &vntext::normalize::Normalized<'_>) {
    let out = n.as_str();
    let mut last = 0;
    for (i, _) in out.char_indices().chain(std::iter::once((out.len(), ' '))) {
        let s = n.map().to_original_start(i);
        let e = n.map().to_original_end(i);
        assert!(s <= text.len() && e <= text.len());
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        assert!(s >= last, "map not monotone");
        last = s;
    }
}

fuzz_target!(|data: &[u8]| {
    for enc in Encoding::ALL {
        let d = decode(data, enc);
        let text = d.text();
        let mut last = 0;
        for (i, _) in text.char_indices() {
            let s = d.map().to_original_start(i);
            assert!(s <= data.len() && s >= last, "{enc:?}: map out of order");
            last = s;
        }
        for u in d.errors() {
            assert!(u.span().end <= data.len());
        }
        let _ = normalize(text);
    }
    let _ = decode_auto(data);
    if let Ok(text) = std::str::from_utf8(data) {
        let n = normalize(text);
        check_map(text, &n);
        assert_eq!(normalize(n.as_str()).as_str(), n.as_str(), "not idempotent");
    }
});
