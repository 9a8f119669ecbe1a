//! Dates and periods on generated text: spans slice the input, values are
//! well formed, periods run forward, relative dates need a reference, and
//! inputs built to provoke look-ahead stay linear.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use vntext::fact::Payload;
use vntext::{DocOptions, Extractor, Kind, PartialDate};

/// Words and numbers of the time grammar, and things near them.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("ngày ".to_string()),
        Just("Ngày ".to_string()),
        Just("tháng ".to_string()),
        Just("năm ".to_string()),
        Just("quý ".to_string()),
        Just("I ".to_string()),
        Just("IV ".to_string()),
        Just("sáng ".to_string()),
        Just("chiều ".to_string()),
        Just("tối ".to_string()),
        Just("hôm ".to_string()),
        Just("nay ".to_string()),
        Just("qua ".to_string()),
        Just("mai ".to_string()),
        Just("cùng ".to_string()),
        Just("sau ".to_string()),
        Just("trước ".to_string()),
        Just("ngoái ".to_string()),
        Just("từ ".to_string()),
        Just("đến ".to_string()),
        Just("hết ".to_string()),
        Just("thứ ".to_string()),
        Just("Hai ".to_string()),
        Just("mùng ".to_string()),
        Just("rằm ".to_string()),
        Just("Tết ".to_string()),
        Just("Giêng ".to_string()),
        Just("âm lịch ".to_string()),
        Just("giờ ".to_string()),
        Just("phút ".to_string()),
        Just("nhiệm kỳ ".to_string()),
        Just("giai đoạn ".to_string()),
        Just("đầu ".to_string()),
        Just("những ".to_string()),
        Just("đồng ".to_string()),
        Just("- ".to_string()),
        Just("-".to_string()),
        Just("/".to_string()),
        Just(", ".to_string()),
        Just("(".to_string()),
        Just(") ".to_string()),
        Just("| ".to_string()),
        Just("\n".to_string()),
        Just("GMT+7 ".to_string()),
        "[0-9]{1,2}/[0-9]{1,2}(/[0-9]{4})? ".prop_map(|s| s),
        "[0-9]{1,2}[.-][0-9]{1,2}([.-][0-9]{2,4})? ".prop_map(|s| s),
        "(19|20)[0-9]{2} ".prop_map(|s| s),
        "[0-9]{1,2}(h|:)[0-9]{2} ".prop_map(|s| s),
        "[0-9]{1,4} ".prop_map(|s| s),
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..30).prop_map(|v| v.concat())
}

fn dates_and_periods() -> Extractor {
    Extractor::builder()
        .kinds(&[Kind::Date, Kind::Period])
        .build()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn facts_are_well_formed(t in text(), with_reference in any::<bool>()) {
        let mut opts = DocOptions::new();
        if with_reference {
            opts = opts.reference_date(PartialDate::ymd(2023, 3, 10).unwrap());
        }
        let facts = dates_and_periods().extract_with(&t, &opts);
        let mut last = 0;
        for f in &facts {
            prop_assert!(t.is_char_boundary(f.start()) && t.is_char_boundary(f.end()));
            prop_assert_eq!(&t[f.start()..f.end()], f.text());
            prop_assert!(f.start() >= last);
            last = f.start();
            match f.payload() {
                Payload::Date(d) => {
                    // The value round-trips through its ISO form.
                    let v: PartialDate = d.value.to_string().parse().unwrap();
                    prop_assert_eq!(v, d.value);
                }
                Payload::Period(p) => {
                    prop_assert_eq!(p.start_value.year().is_some(), p.end_value.year().is_some());
                    prop_assert!(p.start_value < p.end_value, "{} !< {}", p.start_value, p.end_value);
                }
                _ => prop_assert!(false, "other kind"),
            }
        }
    }

    #[test]
    fn relative_dates_need_a_reference(t in text()) {
        // No reference, and no dateline: the first line is a bare title and
        // no clock time can make a stamp. Then only the story's own dates
        // (`cùng ngày`, `hôm sau`, `hôm trước`) are inferred.
        let t = format!("Tiêu đề\n{}", t.replace(':', " "));
        for f in dates_and_periods().extract(&t) {
            if let Payload::Date(d) = f.payload() {
                if d.inferred {
                    let anaphoric = ["cùng", "sau", "trước"].iter().any(|w| f.text().contains(w));
                    prop_assert!(anaphoric, "{:?} inferred in {:?}", f.text(), t);
                }
            }
        }
    }
}

/// Inputs that make every token a trigger: the scan must stay linear.
#[test]
fn adversarial_inputs_are_linear() {
    let ex = dates_and_periods();
    let patterns = [
        "từ ngày 1 đến ",
        "ngày ",
        "sáng nay hôm qua ",
        "quý I năm ",
        "2020 - 2021 - ",
        "30/4 - 1/5 - ",
        "9 giờ 30 phút ",
        "thứ Hai, ",
        "(",
        "mùng 1 tháng ",
    ];
    for p in patterns {
        let small = p.repeat(2_000);
        let large = p.repeat(20_000);
        let t0 = Instant::now();
        let n_small = ex.extract(&small).len();
        let d_small = t0.elapsed();
        let t1 = Instant::now();
        let n_large = ex.extract(&large).len();
        let d_large = t1.elapsed();
        assert!(n_large >= n_small, "{p:?}");
        // Ten times the text may take at most a generous multiple of the
        // time, and never long.
        assert!(
            d_large < d_small * 60 + Duration::from_millis(500),
            "{p:?}: {d_small:?} for 2k repeats, {d_large:?} for 20k"
        );
    }
}

#[test]
fn the_document_dateline_anchors_relative_dates() {
    let ex = dates_and_periods();
    let text = "Tin địa phương\nCập nhật: 08:30 05/01/2024\nHôm qua, xã tổ chức hội nghị. Ngày 28/12, đoàn về thăm.";
    let facts = ex.extract(text);
    let values: Vec<(String, String, bool)> = facts
        .iter()
        .filter_map(|f| match f.payload() {
            Payload::Date(d) => Some((f.text().to_string(), d.value.to_string(), d.inferred)),
            _ => None,
        })
        .collect();
    assert_eq!(
        values,
        vec![
            (
                "08:30 05/01/2024".to_string(),
                "2024-01-05".to_string(),
                false
            ),
            ("Hôm qua".to_string(), "2024-01-04".to_string(), true),
            // A late-December date in an early-January article is last year's.
            ("Ngày 28/12".to_string(), "2023-12-28".to_string(), true),
        ]
    );
    // The caller's reference wins over the dateline.
    let opts = DocOptions::new().reference_date(PartialDate::ymd(2024, 6, 1).unwrap());
    let facts = ex.extract_with(text, &opts);
    let hom_qua = facts.iter().find(|f| f.text() == "Hôm qua").unwrap();
    match hom_qua.payload() {
        Payload::Date(d) => assert_eq!(d.value.to_string(), "2024-05-31"),
        _ => unreachable!(),
    }
}
