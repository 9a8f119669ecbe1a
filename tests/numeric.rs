//! The numeric extractors and `vntext::check` beyond the fixture cases:
//! properties on generated text, and the consistency check on the shared
//! seed article (skipped when `../shared` is absent).

use std::path::Path;

use proptest::prelude::*;
use vntext::check::{check_text, Check};
use vntext::fact::Payload;
use vntext::{Extractor, Kind};

/// Pieces that numeric text is made of, glued by spaces or not.
const PIECES: &[&str] = &[
    "12/8",
    "69/48",
    "1.234",
    "143,8",
    "0,5",
    "05",
    "2.5",
    "1,234,567",
    "%",
    "phần",
    "trăm",
    "triệu",
    "tỷ",
    "nghìn",
    "rưỡi",
    "hai",
    "mươi",
    "mốt",
    "năm",
    "lăm",
    "một",
    "linh",
    "tư",
    "đồng",
    "USD",
    "$",
    "đ",
    "chi bộ",
    "người",
    "ha",
    "km",
    "/",
    "-",
    "(",
    ")",
    ",",
    ".",
    "số",
    "lần thứ",
    "ngày",
    "đạt",
    "vượt",
    "kế hoạch",
    "hơn",
    "khoảng",
    "trong đó",
    "tăng",
    "\n",
    "Covid-19",
    "U23",
    "5G",
    "2023",
    "tháng",
];

fn numeric() -> Extractor {
    Extractor::builder()
        .kinds(&[Kind::Percentage, Kind::Ratio, Kind::Money, Kind::Quantity])
        .build()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever the input, facts slice the text, come in order, do not
    /// overlap, and carry finite numbers; the check does not panic.
    #[test]
    fn facts_are_well_formed(parts in proptest::collection::vec((0..PIECES.len(), any::<bool>()), 0..40)) {
        let mut text = String::new();
        for (i, space) in parts {
            if space && !text.is_empty() {
                text.push(' ');
            }
            text.push_str(PIECES[i]);
        }
        let facts = numeric().extract(&text);
        let mut last_end = 0;
        for f in &facts {
            prop_assert_eq!(text.get(f.span().range()), Some(f.text()));
            prop_assert!(f.start() >= last_end, "overlap in {:?}", text);
            last_end = f.end();
            let finite = match f.payload() {
                Payload::Percentage(p) => p.value.is_finite(),
                Payload::Ratio(r) => r.achieved.is_finite() && r.target.is_finite() && r.percent.is_finite(),
                Payload::Money(m) => m.value.is_finite() && m.currency.len() == 3,
                Payload::Quantity(q) => q.value.is_finite() && !q.unit.is_empty(),
                _ => true,
            };
            prop_assert!(finite, "{:?} in {:?}", f, text);
        }
        for finding in vntext::check::check(&text, &facts) {
            prop_assert!(text.get(finding.subject().range()).is_some());
        }
    }

    /// Digits written with Vietnamese grouping read back as the number.
    #[test]
    fn grouping_round_trips(n in 0u64..10_000_000_000, frac in proptest::option::of(0u32..100)) {
        let digits = n.to_string();
        let mut grouped = String::new();
        for (k, c) in digits.chars().enumerate() {
            if k > 0 && (digits.len() - k) % 3 == 0 {
                grouped.push('.');
            }
            grouped.push(c);
        }
        let mut want = n as f64;
        if let Some(f) = frac {
            grouped.push_str(&format!(",{f:02}"));
            want += f64::from(f) / 100.0;
        }
        let got = vntext::number::parse_digits(&grouped).unwrap();
        prop_assert!((got - want).abs() <= 1e-9 * want.max(1.0), "{} → {}", grouped, got);
    }
}

#[test]
fn the_seed_article_checks_out() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seed/seed-longbien.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} not readable", path.display());
        return;
    };
    let findings = check_text(&text);
    // 12/8 → 150 %, 69/48 → 143,8 %, 34 of 72 → 89,5 %, 383 of 796 → 92,7 %.
    assert_eq!(findings.len(), 4, "{findings:#?}");
    assert!(findings.iter().all(|f| f.agrees()), "{findings:#?}");
    let checks: Vec<Check> = findings.iter().map(|f| f.check()).collect();
    assert_eq!(
        checks,
        [
            Check::RatioPercent,
            Check::RatioPercent,
            Check::Growth,
            Check::Growth
        ]
    );
    let stated: Vec<f64> = findings.iter().map(|f| f.stated()).collect();
    assert_eq!(stated, [150.0, 143.8, 89.5, 92.7]);
}

#[test]
fn a_made_up_disagreement_is_reported() {
    let findings = check_text("Trong năm thành lập 10/8 chi bộ, vượt 150% kế hoạch.");
    assert_eq!(findings.len(), 1);
    assert!(!findings[0].agrees());
    assert_eq!(findings[0].computed(), 125.0);
    assert!(findings[0]
        .to_string()
        .starts_with("DISAGREES ratio-percent"));
}
