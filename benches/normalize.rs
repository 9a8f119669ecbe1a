//! Throughput of normalisation on real news text
//! (`../shared/corpus/bench.jsonl`), beside a `str::split_whitespace`
//! baseline and the `unicode-normalization` NFC check:
//!
//! - `clean`: texts already normalised (the fast path: one scan, borrowed);
//! - `raw`: the bench texts as they are (CRLF, leading spaces, smart quotes,
//!   a few decomposed records);
//! - `dirty`: every line needs work (a no-break space, a decomposed letter,
//!   a misplaced tone mark, CRLF);
//! - `nfd`: every letter decomposed;
//! - `legacy/*`: the clean texts encoded in TCVN3, VNI, VIQR and
//!   Windows-1258, decoded back (input bytes per second).

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use unicode_normalization::UnicodeNormalization;
use vntext::normalize::{legacy, normalize};

mod support;

/// One line made to need every pass: its first space becomes a no-break
/// space, its first `ủ`/`ả`-style syllable loses tone placement, its first
/// toned letter is decomposed, and it ends in CRLF.
fn dirty_line(line: &str) -> String {
    let mut s = line.replacen(' ', "\u{a0}", 1);
    for (good, bad) in [
        ("của", "cuả"),
        ("quả", "qủa"),
        ("giá", "gía"),
        ("toàn", "tòan"),
    ] {
        if s.contains(good) {
            s = s.replacen(good, bad, 1);
            break;
        }
    }
    if let Some((i, c)) = s
        .char_indices()
        .find(|&(_, c)| "áàảãạéèẻẽẹóòỏõọ".contains(c))
    {
        let nfd: String = c.to_string().nfd().collect();
        s.replace_range(i..i + c.len_utf8(), &nfd);
    }
    s.push_str("\r\n");
    s
}

fn bench(c: &mut Criterion) {
    let Some(raw) = support::bench_texts() else {
        return;
    };
    let clean: Vec<String> = raw
        .iter()
        .map(|t| normalize(t).as_str().to_string())
        .collect();
    let dirty: Vec<String> = clean
        .iter()
        .map(|t| t.lines().map(dirty_line).collect())
        .collect();
    let nfd: Vec<String> = clean.iter().map(|t| t.nfd().collect()).collect();

    // Checked outside the timed loops.
    assert!(clean.iter().all(|t| normalize(t).is_borrowed()));
    assert!(dirty.iter().all(|t| !normalize(t).is_borrowed()));
    for (d, c) in dirty.iter().zip(&clean).take(50) {
        assert_eq!(normalize(d).as_str().replace('\n', ""), c.replace('\n', ""));
    }

    let mut g = c.benchmark_group("normalize");
    g.sample_size(10);
    g.measurement_time(std::time::Duration::from_secs(3));
    g.warm_up_time(std::time::Duration::from_secs(1));
    for (name, texts) in [
        ("clean", &clean),
        ("raw", &raw),
        ("dirty", &dirty),
        ("nfd", &nfd),
    ] {
        g.throughput(Throughput::Bytes(support::total_bytes(texts)));
        if name == "clean" {
            g.bench_function("baseline/split_whitespace", |b| {
                b.iter(|| {
                    texts
                        .iter()
                        .map(|t| t.split_whitespace().count())
                        .sum::<usize>()
                })
            });
            g.bench_function("baseline/is_nfc", |b| {
                b.iter(|| {
                    texts
                        .iter()
                        .filter(|t| unicode_normalization::is_nfc(black_box(t)))
                        .count()
                })
            });
        }
        g.bench_function(name, |b| {
            b.iter(|| {
                texts
                    .iter()
                    .map(|t| normalize(black_box(t)).as_str().len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("legacy");
    g.sample_size(10);
    g.measurement_time(std::time::Duration::from_secs(3));
    g.warm_up_time(std::time::Duration::from_secs(1));
    for enc in [
        legacy::Encoding::Tcvn3,
        legacy::Encoding::Vni,
        legacy::Encoding::Viqr,
        legacy::Encoding::Cp1258,
    ] {
        let encoded: Vec<Vec<u8>> = clean.iter().map(|t| legacy::encode_lossy(t, enc)).collect();
        let bytes: u64 = encoded.iter().map(|e| e.len() as u64).sum();
        // Round trip checked outside the timed loop.
        let back = legacy::decode(&encoded[0], enc);
        assert!(back.errors().is_empty(), "{enc:?}");
        g.throughput(Throughput::Bytes(bytes));
        g.bench_function(format!("decode/{}", enc.name()), |b| {
            b.iter(|| {
                encoded
                    .iter()
                    .map(|e| legacy::decode(black_box(e), enc).text().len())
                    .sum::<usize>()
            })
        });
        if enc == legacy::Encoding::Tcvn3 {
            g.bench_function("auto/tcvn3", |b| {
                b.iter(|| {
                    encoded
                        .iter()
                        .map(|e| legacy::decode_auto(black_box(e)).text().len())
                        .sum::<usize>()
                })
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
