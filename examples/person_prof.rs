//! Profiling helper: the person extractor (or, with `none`, the pipeline's
//! normalisation and tokens alone) over `../shared/corpus/bench.jsonl`,
//! three passes, throughput printed. For `perf record`.
use vntext::{Extractor, Kind};

fn main() {
    let Ok(data) = std::fs::read_to_string("../shared/corpus/bench.jsonl") else {
        eprintln!("skipping: ../shared/corpus/bench.jsonl not readable");
        return;
    };
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            v["text"].as_str().map(String::from)
        })
        .collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let kinds: Vec<Kind> = if std::env::args().nth(1).as_deref() == Some("none") {
        vec![]
    } else {
        vec![Kind::Person]
    };
    let ex = Extractor::builder().kinds(&kinds).build();
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..3 {
        for x in &texts {
            n += ex.extract(x).len();
        }
    }
    let s = t.elapsed().as_secs_f64() / 3.0;
    println!("{} facts, {:.1} MB/s", n / 3, bytes as f64 / s / 1e6);
}
