//! The JSON Lines handler on arbitrary bytes: exactly one output line, valid
//! JSON, with facts or an error.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use vntext::jsonl::{annotate_line, LineConfig, Outcome};
use vntext::Extractor;

static EX: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fuzz_target!(|data: &[u8]| {
    if data.contains(&b'\n') {
        return; // one line at a time, as annotate reads them
    }
    let cfg = LineConfig { max_bytes: 1 << 16, ..LineConfig::default() };
    let mut out = Vec::new();
    let outcome = annotate_line(&EX, &cfg, 1, data, &mut out);
    assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 1);
    assert_eq!(out.last(), Some(&b'\n'));
    let v: serde_json::Value = serde_json::from_slice(&out).expect("output is JSON");
    match outcome {
        Outcome::Annotated { .. } => assert!(v["facts"].is_array()),
        Outcome::Error => assert!(v["error"].is_string()),
    }
});
