//! Throughput of the tokenisation passes on real news text
//! (`../shared/corpus/bench.jsonl`): syllables, sentences and words, beside
//! `str::split_whitespace` and `unicode-segmentation` word bounds.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use unicode_segmentation::UnicodeSegmentation;
use vntext::lexicon::Lexicon;
use vntext::token;

mod support;

fn tokenize(c: &mut Criterion) {
    let Some(texts) = support::bench_texts() else {
        return;
    };
    let bytes = support::total_bytes(&texts);

    let mut g = c.benchmark_group("token");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);
    g.bench_function("baseline/split_whitespace", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| black_box(t).split_whitespace().count())
                .sum::<usize>()
        })
    });
    g.bench_function("baseline/unicode_word_bounds", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| black_box(t).split_word_bounds().count())
                .sum::<usize>()
        })
    });
    g.bench_function("syllables", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| token::syllables(black_box(t)).count())
                .sum::<usize>()
        })
    });
    g.bench_function("sentences", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| token::sentences(black_box(t)).count())
                .sum::<usize>()
        })
    });
    let lex = Lexicon::builtin();
    g.bench_function("words", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| token::words(black_box(t), lex).count())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, tokenize);
criterion_main!(benches);
