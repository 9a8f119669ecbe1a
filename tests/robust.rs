//! Hostile input: linear time, other scripts and languages, huge tokens.

use std::time::{Duration, Instant};

use vntext::{Extractor, Kind};

#[path = "../benches/support/adversarial.rs"]
mod adversarial;

fn best_of_5(f: impl Fn()) -> Duration {
    (0..5)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

/// Eight times the input must take far less than 64 times as long: a
/// quadratic rule shows up as a ratio near 64, a linear one near 8. The
/// margin absorbs the noise of a loaded machine.
#[test]
#[ignore = "timing: run alone, `cargo test --all-features --test lib -- --ignored --test-threads=1` (.ci/run does)"]
fn adversarial_inputs_take_linear_time() {
    let ex = Extractor::new();
    // Both sizes are beyond the caches, so cache effects do not pass for
    // growth.
    let small = adversarial::inputs(256 << 10);
    let large = adversarial::inputs(2 << 20);
    for ((name, s), (_, l)) in small.iter().zip(&large) {
        let ts = best_of_5(|| {
            ex.extract(s);
        });
        let tl = best_of_5(|| {
            ex.extract(l);
        });
        let ratio = tl.as_secs_f64() / ts.as_secs_f64().max(1e-6);
        assert!(
            ratio < 24.0 || tl < Duration::from_millis(20),
            "{name}: 8× the input took {ratio:.1}× as long ({ts:?} → {tl:?})"
        );
    }
}

#[test]
fn other_scripts_give_no_vietnamese_facts() {
    let texts = [
        "The committee met on Tuesday and approved the plan; turnout was high.",
        "中华人民共和国国务院今天发布了新的规定，涉及经济发展的多个方面。",
        "รัฐบาลไทยประกาศมาตรการใหม่เพื่อกระตุ้นเศรษฐกิจในปีนี้",
        "أعلنت الحكومة عن خطة جديدة لدعم الاقتصاد الوطني هذا العام",
        "Правительство утвердило новый план развития региона.",
    ];
    let ex = Extractor::new();
    for t in texts {
        let facts = ex.extract(t);
        assert!(
            facts.iter().all(|f| f.kind() == Kind::Percentage),
            "{t}: {facts:?}"
        );
    }
    // Language-neutral facts are fine: a percentage in English text.
    let f = ex.extract("Inflation rose 4,5% last year.");
    assert!(f.iter().all(|f| f.kind() == Kind::Percentage));
}

#[test]
fn huge_tokens_and_binary_noise() {
    let ex = Extractor::new();
    let mut noise = String::new();
    let mut x: u32 = 12345;
    for _ in 0..200_000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        if let Some(c) = char::from_u32((x >> 8) % 0x3_0000) {
            noise.push(c);
        }
    }
    for text in [
        noise,
        "9".repeat(2 << 20),
        "/".repeat(1 << 20),
        "ệ".repeat(1 << 20),
    ] {
        for f in ex.extract(&text) {
            assert_eq!(&text[f.start()..f.end()], f.text());
        }
    }
}
