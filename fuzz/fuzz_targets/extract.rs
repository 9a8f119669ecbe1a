//! Extraction on arbitrary UTF-8: no panic, every span slices the input,
//! facts sorted and non-overlapping except inside a person.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vntext::Kind;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let facts = vntext::extract(text);
    let mut last_start = 0;
    let mut last_end_outside_persons = 0;
    for f in &facts {
        assert!(f.start() <= f.end() && f.end() <= text.len());
        assert!(text.is_char_boundary(f.start()) && text.is_char_boundary(f.end()));
        assert_eq!(&text[f.start()..f.end()], f.text());
        assert!(f.start() >= last_start, "not sorted");
        last_start = f.start();
        let inside_person = facts.iter().any(|p| {
            p.kind() == Kind::Person && p.start() <= f.start() && f.end() <= p.end() && p.span() != f.span()
        });
        if !inside_person {
            assert!(f.start() >= last_end_outside_persons || f.kind() == Kind::Person, "overlap");
            if f.kind() != Kind::Person {
                last_end_outside_persons = f.end();
            }
        }
    }
});
