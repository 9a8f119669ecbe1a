//! Span invariants for any input: every fact's `text` is `input[start..end]`,
//! spans are on char boundaries and inside the input, and facts come sorted.

use proptest::prelude::*;

/// Pieces that news text is made of, and some it should never contain.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("đạt ".to_string()),
        Just("trên ".to_string()),
        Just("phần trăm ".to_string()),
        Just("Hòa ".to_string()),
        Just("Ho\u{0300}a ".to_string()),
        Just("u\u{0309}y ".to_string()),
        Just("Nguyễn ".to_string()),
        Just("\u{00A0}".to_string()),
        Just("\u{200B}".to_string()),
        Just("\r\n".to_string()),
        Just("  ".to_string()),
        Just("%".to_string()),
        Just("/".to_string()),
        Just("-".to_string()),
        Just("–".to_string()),
        Just(",".to_string()),
        Just(".".to_string()),
        Just("“".to_string()),
        Just("Ð".to_string()),
        Just("…".to_string()),
        Just("ภาษาไทย".to_string()),
        Just("العربية".to_string()),
        Just("中文".to_string()),
        Just("05-CT/TW".to_string()),
        Just("Covid-19".to_string()),
        "[0-9]{1,5}".prop_map(|s| s),
        "[0-9]{1,3}[.,][0-9]{1,3}".prop_map(|s| s),
        "[A-ZĐa-zđàáảãạăằắẳẵặâầấẩẫậ]{1,6}".prop_map(|s| s),
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn facts_slice_the_input(t in text()) {
        let facts = vntext::extract(&t);
        let mut last = 0;
        for f in &facts {
            prop_assert!(f.start() <= f.end() && f.end() <= t.len());
            prop_assert!(t.is_char_boundary(f.start()) && t.is_char_boundary(f.end()));
            prop_assert_eq!(&t[f.start()..f.end()], f.text());
            prop_assert!(f.start() >= last, "facts not sorted");
            last = f.start();
        }
    }
}
