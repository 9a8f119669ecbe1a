//! Throughput of the extraction pipeline on real news text
//! (`../shared/corpus/bench.jsonl`), beside a `str::split_whitespace`
//! baseline, and of each kind's extractor alone.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use vntext::{Extractor, Kind};

mod support;

fn extract(c: &mut Criterion) {
    let Some(texts) = support::bench_texts() else {
        return;
    };
    let bytes = support::total_bytes(&texts);

    // Checked outside the timed loop: the pipeline finds facts at all.
    let all = Extractor::new();
    let n: usize = texts.iter().map(|t| all.extract(t).len()).sum();
    assert!(n > 0, "no facts in the bench texts");

    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);
    g.bench_function("baseline/split_whitespace", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| t.split_whitespace().count())
                .sum::<usize>()
        })
    });
    g.bench_function("pipeline/all", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| all.extract(black_box(t)).len())
                .sum::<usize>()
        })
    });
    for kind in Kind::ALL {
        let ex = Extractor::builder().kinds(&[kind]).build();
        g.bench_function(format!("kind/{kind}"), |b| {
            b.iter(|| {
                texts
                    .iter()
                    .map(|t| ex.extract(black_box(t)).len())
                    .sum::<usize>()
            })
        });
    }
    let none = Extractor::builder().kinds(&[]).build();
    g.bench_function("pipeline/normalise+tokens", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| none.extract(black_box(t)).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
