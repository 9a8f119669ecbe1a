//! Normalisation through the public API: properties on messy input, tone
//! placement, folding, legacy round trips, and facts found in normalised
//! text pointing at the caller's bytes.

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;
use vntext::normalize::legacy::{self, Encoding};
use vntext::normalize::{
    fold, fold_with, normalize, normalize_with, vietnamese_letters, Options, ToneStyle,
};
use vntext::Span;

/// Characters messy Vietnamese text is made of: letters (composed and
/// loose), combining marks, every kind of space, zero-width marks, line
/// ends, dashes, quotes, look-alikes, and a few other scripts.
fn alphabet() -> Vec<char> {
    let mut v: Vec<char> = vietnamese_letters().collect();
    v.extend("aeiouyAEIOUYbcdghklmnpqrstvxBCDGHQfwz0189 .,;:!?%/-()'\"".chars());
    v.extend([
        '\u{300}', '\u{301}', '\u{302}', '\u{303}', '\u{306}', '\u{309}', '\u{31B}', '\u{323}',
        '\u{A0}', '\u{202F}', '\u{2003}', '\u{2000}', '\u{200B}', '\u{200D}', '\u{FEFF}', '\u{AD}',
        '\t', '\r', '\n', '\u{2013}', '\u{2014}', '\u{2212}', '\u{201C}', '\u{201D}', '\u{2018}',
        '\u{2019}', '\u{2026}', '\u{D0}', '\u{F0}', 'ñ', 'é', 'Ω', '\u{2126}', 'й', '\u{1100}',
        '\u{1161}', '가', '\u{37E}', '😀',
    ]);
    v
}

fn messy() -> impl Strategy<Value = String> {
    let letters = alphabet();
    prop_oneof![
        4 => prop::collection::vec(prop::sample::select(letters), 0..48)
            .prop_map(|v| v.into_iter().collect::<String>()),
        1 => any::<String>(),
    ]
}

/// Words and spaces only, for the legacy round trips.
fn vietnamese_words() -> impl Strategy<Value = String> {
    let mut letters: Vec<char> = vietnamese_letters().collect();
    letters.extend("aeiouybcdghklmnpqrstvxAEIOUYBCDGHKLMNPQRSTVX".chars());
    let word = prop::collection::vec(prop::sample::select(letters), 1..7)
        .prop_map(|v| v.into_iter().collect::<String>());
    prop::collection::vec(word, 0..12).prop_map(|w| w.join(" "))
}

/// Cases per property: `PROPTEST_CASES`, else 512.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512)
}

fn assert_map_sound(original: &str, normalized: &str, map: &vntext::normalize::OffsetMap) {
    let mut last_start = 0;
    let mut last_end = 0;
    for p in (0..=normalized.len()).filter(|&p| normalized.is_char_boundary(p)) {
        let s = map.to_original_start(p);
        let e = map.to_original_end(p);
        assert!(s <= original.len() && e <= original.len(), "{p}: {s} {e}");
        assert!(original.is_char_boundary(s), "start {p} -> {s}");
        assert!(original.is_char_boundary(e), "end {p} -> {e}");
        assert!(s >= last_start && e >= last_end, "not monotone at {p}");
        last_start = s;
        last_end = e;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn output_is_nfc(s in messy()) {
        let n = normalize(&s);
        prop_assert!(unicode_normalization::is_nfc(n.as_str()), "{:?} -> {:?}", s, n.as_str());
    }

    #[test]
    fn normalising_twice_changes_nothing(s in messy()) {
        for opts in [
            Options::default(),
            Options::default().tone_style(ToneStyle::New),
            Options::default().tone_style(ToneStyle::Old),
            Options::default().fold(true).fold_case(true),
        ] {
            let once = normalize_with(&s, &opts);
            let twice = normalize_with(once.as_str(), &opts);
            prop_assert_eq!(twice.as_str(), once.as_str(), "{:?} with {:?}", s, opts);
            prop_assert!(twice.is_borrowed());
        }
    }

    #[test]
    fn offset_map_is_monotone_on_char_boundaries(s in messy()) {
        let n = normalize(&s);
        assert_map_sound(&s, n.as_str(), n.map());
        let f = fold(&s);
        assert_map_sound(&s, f.as_str(), f.map());
    }

    #[test]
    fn folding_equals_folding_the_nfd_form(s in messy()) {
        let nfd: String = s.nfd().collect();
        let (a, b) = (fold(&s), fold(&nfd));
        prop_assert_eq!(a.as_str(), b.as_str());
        let (a, b) = (fold_with(&s, true, true), fold_with(&nfd, true, true));
        prop_assert_eq!(a.as_str(), b.as_str());
    }

    #[test]
    fn legacy_round_trips(s in vietnamese_words()) {
        for enc in [Encoding::Tcvn3, Encoding::Vni, Encoding::Cp1258, Encoding::Tcvn3Latin1, Encoding::VniLatin1] {
            let bytes = legacy::encode(&s, enc).expect("encodable");
            let d = legacy::decode(&bytes, enc);
            let composed: String = d.text().nfc().collect();
            prop_assert_eq!(&composed, &s, "{}", enc);
            prop_assert!(d.errors().is_empty());
        }
    }

    #[test]
    fn decoders_never_lose_bytes(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        for enc in Encoding::ALL {
            let d = legacy::decode(&bytes, enc);
            // Every input byte is accounted for: the whole output maps back
            // over the whole input, and the map is monotone.
            let mut last = 0;
            for p in (0..=d.text().len()).filter(|&p| d.text().is_char_boundary(p)) {
                let s = d.map().to_original_start(p);
                prop_assert!(s >= last && s <= bytes.len());
                last = s;
            }
            prop_assert_eq!(d.map().to_original_end(d.text().len()), bytes.len(), "{}", enc);
        }
        let _ = legacy::decode_auto(&bytes);
        let _ = legacy::detect(&bytes);
    }
}

#[test]
fn facts_in_nfd_text_with_nbsp_keep_original_offsets() {
    // Decomposed letters (as macOS writes them) and no-break spaces before
    // the percent signs.
    let lead: String = "Tỷ lệ hoàn thành kế hoạch năm đạt".nfd().collect();
    let tail: String = ", trong đó khu vực nông thôn vượt".nfd().collect();
    let original = format!("{lead}\u{A0}98\u{A0}%{tail} 143,8\u{A0}% so với cùng kỳ.");
    assert!(!unicode_normalization::is_nfc(&original));
    let facts = vntext::extract(&original);
    let pcts: Vec<_> = facts
        .iter()
        .filter(|f| f.kind() == vntext::Kind::Percentage)
        .collect();
    assert_eq!(pcts.len(), 2, "{facts:?}");
    let first = original.find("98").unwrap_or(0);
    assert_eq!(pcts[0].start(), first);
    assert_eq!(pcts[0].text(), "98\u{A0}%");
    assert_eq!(&original[pcts[0].start()..pcts[0].end()], "98\u{A0}%");
    let second = original.find("143,8").unwrap_or(0);
    assert!(pcts[1].start() <= second && pcts[1].end() == second + "143,8\u{A0}%".len());
    assert!(pcts[1].text().ends_with("143,8\u{A0}%"));
    for f in &facts {
        assert_eq!(&original[f.start()..f.end()], f.text());
    }
}

#[test]
fn facts_after_misplaced_tones_and_crlf_map_back() {
    let original = "Kết quả cuả\u{200B} năm nay:\r\n  tỷ lệ đạt 89,5 %\r\n";
    let n = normalize(original);
    assert_eq!(n.as_str(), "Kết quả của năm nay:\n tỷ lệ đạt 89,5 %\n");
    let facts = vntext::extract(original);
    let f = facts
        .iter()
        .find(|f| f.text().contains("89,5"))
        .expect("percentage");
    assert_eq!(f.text(), "89,5 %");
    assert_eq!(f.start(), original.find("89,5").unwrap_or(0));
}

#[test]
fn tone_marks_that_must_not_change() {
    let words = "quá gì khuya thuở giữ quốc Quảng Huawei Nguyễn người khuỷu giường quý";
    for style in [ToneStyle::Keep, ToneStyle::New, ToneStyle::Old] {
        let opts = Options::default().tone_style(style);
        assert_eq!(normalize_with(words, &opts).as_str(), words, "{style:?}");
        assert!(normalize_with(words, &opts).is_borrowed());
    }
    // Both styles are kept as written by default.
    for w in [
        "hoà",
        "hòa",
        "thuỷ",
        "thủy",
        "Đảng uỷ",
        "Đảng ủy",
        "khoẻ",
        "khỏe",
    ] {
        assert_eq!(normalize(w).as_str(), w);
    }
}

#[test]
fn tone_styles_and_repairs() {
    let new = Options::default().tone_style(ToneStyle::New);
    let old = Options::default().tone_style(ToneStyle::Old);
    assert_eq!(
        normalize_with("Hòa Bình, thủy lợi, Đảng ủy, khỏe", &new).as_str(),
        "Hoà Bình, thuỷ lợi, Đảng uỷ, khoẻ"
    );
    assert_eq!(
        normalize_with("Hoà Bình, thuỷ lợi, Đảng uỷ, khoẻ", &old).as_str(),
        "Hòa Bình, thủy lợi, Đảng ủy, khỏe"
    );
    // Repairs go to the one right place, whatever the style.
    for (bad, good) in [
        ("cuả", "của"),
        ("qủa", "quả"),
        ("gía", "giá"),
        ("tóan", "toán"),
        ("ngừơi", "người"),
        ("hoaì", "hoài"),
        ("Nghị quyết cuả Bộ", "Nghị quyết của Bộ"),
    ] {
        for opts in [Options::default(), new.clone(), old.clone()] {
            assert_eq!(normalize_with(bad, &opts).as_str(), good, "{bad} {opts:?}");
        }
    }
    // Foreign words and acronyms with odd marks are left alone.
    for w in [
        "Pelé", "José", "café", "Beyoncé", "TP.HCM", "UBND", "iPhône",
    ] {
        assert_eq!(normalize(w).as_str(), w);
    }
}

#[test]
fn folding() {
    assert_eq!(fold("Đảng ủy").as_str(), "Dang uy");
    assert_eq!(fold("Ðảng").as_str(), "Dang");
    let decomposed: String = "Đảng ủy".nfd().collect();
    assert_eq!(fold(&decomposed).as_str(), "Dang uy");
    assert_eq!(fold_with("Đảng ỦY", true, true).as_str(), "dang uy");
    let key = Options::default().fold(true).fold_case(true);
    let original = "Quận\u{A0}Ủy “Long Biên”";
    let n = normalize_with(original, &key);
    assert_eq!(n.as_str(), "quan uy \"long bien\"");
    let at = n.as_str().find("long").unwrap_or(0);
    let back = n.map().to_original(Span::new(at, at + "long bien".len()));
    assert_eq!(&original[back.range()], "Long Biên");
}

#[test]
fn clean_up_choices_are_switchable() {
    let t = "a\u{A0}\u{A0}b\r\nc \u{2013} \u{201C}d\u{201D}\u{2026} Ðà";
    assert_eq!(normalize(t).as_str(), "a b\nc - \"d\"... Đà");
    assert_eq!(normalize_with(t, &Options::none()).as_str(), t);
    let some = Options::default()
        .quotes(false)
        .dashes(false)
        .newlines(false);
    assert_eq!(
        normalize_with(t, &some).as_str(),
        "a b\r\nc \u{2013} \u{201C}d\u{201D}... Đà"
    );
}

#[test]
fn every_letter_round_trips_in_every_encoding() {
    let encodings = [
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Viqr,
        Encoding::Cp1258,
        Encoding::Tcvn3Latin1,
        Encoding::VniLatin1,
    ];
    let letters: Vec<char> = vietnamese_letters().collect();
    assert_eq!(letters.len(), 134);
    for enc in encodings {
        for &c in &letters {
            let s = c.to_string();
            let bytes = legacy::encode(&s, enc).expect("every letter encodes");
            assert_eq!(legacy::decode(&bytes, enc).text(), s, "{enc} {c}");
        }
        // And all of them in one text, as words. (Commas, not spaces: in
        // VIQR a lower-case word ending in `.` before a capital reads as the
        // end of a sentence.)
        let all: String = letters.iter().map(|c| format!("{c}, ")).collect();
        let bytes = legacy::encode(&all, enc).expect("encodes");
        assert_eq!(legacy::decode(&bytes, enc).text(), all, "{enc}");
    }
}

#[test]
fn bench_texts_survive_a_round_trip() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/bench.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} not readable", path.display());
        return;
    };
    let mut checked = 0;
    for line in data.lines().take(60) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(text) = v["text"].as_str() else {
            continue;
        };
        let clean = normalize(text).as_str().to_string();
        // Normalised text is a fixed point.
        assert!(normalize(&clean).is_borrowed());
        for enc in [Encoding::Tcvn3, Encoding::Vni, Encoding::Cp1258] {
            let Ok(bytes) = legacy::encode(&clean, enc) else {
                continue;
            };
            let d = legacy::decode_auto(&bytes);
            assert_eq!(normalize(d.text()).as_str(), clean, "{enc}");
            assert!(
                d.parts()
                    .iter()
                    .all(|p| p.1 == enc || p.1 == Encoding::Utf8),
                "{enc}: {:?}",
                d.parts()
            );
            checked += 1;
        }
    }
    assert!(checked > 0);
}

#[test]
fn hostile_inputs_stay_linear() {
    use std::time::Instant;
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "marks",
            "a".bytes()
                .chain("\u{301}\u{323}\u{302}".repeat(60_000).bytes())
                .collect(),
        ),
        ("nbsp", "\u{A0}\u{200B} ".repeat(60_000).into_bytes()),
        ("vowels", "ảẻỏủỷ".repeat(30_000).into_bytes()),
        ("viqr", "a.e?o'u`y~ ".repeat(30_000).into_bytes()),
        ("vni", b"a\xf9\xf9\xf9\xe2\xe2 ".repeat(40_000)),
        ("high", (0..=255u8).cycle().take(400_000).collect()),
        ("crlf", "\r\n\r".repeat(100_000).into_bytes()),
    ];
    for (name, bytes) in cases {
        let t0 = Instant::now();
        let decoded = legacy::decode_auto(&bytes);
        let n = normalize(decoded.text());
        assert!(unicode_normalization::is_nfc(n.as_str()), "{name}");
        for enc in Encoding::ALL {
            let _ = legacy::decode(&bytes, enc);
        }
        if let Ok(s) = std::str::from_utf8(&bytes) {
            let _ = fold(s);
            let _ = normalize_with(s, &Options::default().tone_style(ToneStyle::New));
        }
        // Generous: a quadratic path would take minutes on these sizes.
        assert!(t0.elapsed().as_secs() < 20, "{name}: {:?}", t0.elapsed());
    }
}

/// `vntext normalize` on stdin.
#[cfg(feature = "cli")]
fn cli(args: &[&str], stdin: &[u8]) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_vntext"))
        .arg("normalize")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vntext runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("write stdin");
    child.wait_with_output().expect("vntext output")
}

#[cfg(feature = "cli")]
#[test]
fn cli_decodes_repairs_and_reports() {
    // Auto: a Unicode paragraph with a misplaced tone and CRLF, a TCVN3 one,
    // a VNI one.
    let mut input = "Kết quả cuả năm\r\n".as_bytes().to_vec();
    input.extend(legacy::encode("Cộng hoà xã hội\n", Encoding::Tcvn3).expect("tcvn3"));
    input.extend(legacy::encode("Độc lập tự do\n", Encoding::Vni).expect("vni"));
    let out = cli(&["-v"], &input);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Kết quả của năm\nCộng hoà xã hội\nĐộc lập tự do\n"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("tcvn3") && err.contains("vni"), "{err}");

    // Styles and folding.
    let out = cli(&["--tone", "old"], "hoà thuỷ".as_bytes());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "hòa thủy");
    let out = cli(&["--fold", "--lowercase"], "Đảng ỦY".as_bytes());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "dang uy");
    let out = cli(&["--from", "viqr"], b"Vie^.t Nam");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "Việt Nam");

    // Undecodable bytes: reported with their offset, U+FFFD, exit 3.
    let out = cli(&["--from", "cp1258"], b"ab\x81c");
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "ab\u{FFFD}c");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("byte 2") && err.contains("81"), "{err}");
}
