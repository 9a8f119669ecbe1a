//! Bench inputs: texts of `../shared/corpus/bench.jsonl`.

#![allow(dead_code)]

use std::path::Path;

/// Up to `VNTEXT_BENCH_BYTES` bytes (default 2 MB) of bench texts, whole
/// records in file order, or `None` with a message when the corpus is absent.
pub fn bench_texts() -> Option<Vec<String>> {
    let limit: usize = std::env::var("VNTEXT_BENCH_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000_000);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/bench.jsonl");
    let data = match std::fs::read_to_string(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("skipping: {} not readable ({e})", path.display());
            return None;
        }
    };
    let mut texts = Vec::new();
    let mut total = 0;
    for line in data.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(t) = v["text"].as_str() else {
            continue;
        };
        total += t.len();
        texts.push(t.to_string());
        if total >= limit {
            break;
        }
    }
    Some(texts)
}

pub fn total_bytes(texts: &[String]) -> u64 {
    texts.iter().map(|t| t.len() as u64).sum()
}
