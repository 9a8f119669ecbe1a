//! Linear time on hostile input: 1 MB of each adversarial text through the
//! whole pipeline, beside 1 MB of ordinary news text in the same group.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use vntext::Extractor;

#[path = "support/adversarial.rs"]
mod adversarial;
mod support;

const SIZE: usize = 1 << 20;

fn bench(c: &mut Criterion) {
    let ex = Extractor::new();
    let mut g = c.benchmark_group("adversarial");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(SIZE as u64));
    if let Some(texts) = support::bench_texts() {
        let mut news = String::new();
        for t in texts {
            news.push_str(&t);
            news.push('\n');
            if news.len() >= SIZE {
                break;
            }
        }
        news.truncate(
            news.char_indices()
                .map(|(i, _)| i)
                .take_while(|&i| i <= SIZE)
                .last()
                .unwrap_or(0),
        );
        g.bench_function("news text", |b| {
            b.iter(|| ex.extract(black_box(&news)).len())
        });
    }
    for (name, text) in adversarial::inputs(SIZE) {
        g.bench_function(name, |b| b.iter(|| ex.extract(black_box(&text)).len()));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
