//! Tokenisation: sentences, syllables and words — losslessness, spans, and
//! the forms the issue lists, in sentences of our own.

use proptest::prelude::*;
use vntext::lexicon::Lexicon;
use vntext::token::{sentences, syllables, words, Case, TokenKind};

fn sents(text: &str) -> Vec<&str> {
    sentences(text).map(|s| s.as_str()).collect()
}

/// Words in the VLSP notation: syllables joined by `_`, whitespace left out.
fn vlsp(text: &str) -> Vec<String> {
    words(text, Lexicon::builtin())
        .filter(|w| !w.kind().is_space())
        .map(|w| w.syllables().collect::<Vec<_>>().join("_"))
        .collect()
}

#[test]
fn sentences_split_on_stops_and_lines() {
    assert_eq!(
        sents("Trời mưa to. Đường ngập nặng? Có! Sau đó... Nước rút."),
        [
            "Trời mưa to.",
            "Đường ngập nặng?",
            "Có!",
            "Sau đó...",
            "Nước rút."
        ]
    );
    // Headline and dateline without a stop, each ended by its line break.
    assert_eq!(
        sents("Khánh thành cầu mới\nĐà Nẵng, 12/4 (PV)\nCầu dài 1.234 m."),
        [
            "Khánh thành cầu mới",
            "Đà Nẵng, 12/4 (PV)",
            "Cầu dài 1.234 m."
        ]
    );
    // A stop glued to the next sentence.
    assert_eq!(
        sents("hoàn thành nhiệm vụ.Tại buổi lễ"),
        ["hoàn thành nhiệm vụ.", "Tại buổi lễ"]
    );
}

#[test]
fn sentences_do_not_split_inside_tokens_or_titles() {
    for text in [
        "Dân số TP.HCM tăng 2,5% trong năm.",
        "GS. Trần Văn Bình và PGS.TS. Lê Thị Hoa dự họp.",
        "ThS. Phạm An nói tại Q. Ba Đình và Tp. Vinh.",
        "Xem www.example.vn/tin.html hoặc gửi thư tới ban.bt@example.vn nhé.",
        "Giá tăng từ 1.234,5 lên 1.500 đồng ngày 30.4.1975 nhé.",
    ] {
        assert_eq!(sents(text), [text], "{text}");
    }
    // `v.v.` ends a sentence before a capital, not before a lower-case word.
    assert_eq!(
        sents("Có gạo, muối v.v. Sau đó về."),
        ["Có gạo, muối v.v.", "Sau đó về."]
    );
    assert_eq!(
        sents("Có gạo, muối v.v. và nước."),
        ["Có gạo, muối v.v. và nước."]
    );
}

#[test]
fn sentences_and_quotes() {
    // A closing quote stays with its sentence.
    assert_eq!(
        sents("Ông nói: \"Tôi đồng ý.\" Sau đó ông về."),
        ["Ông nói: \"Tôi đồng ý.\"", "Sau đó ông về."]
    );
    // A quote that goes on with the sentence.
    assert_eq!(
        sents("\"Sao vậy?\" - bà hỏi. \"Không sao!\", ông đáp."),
        ["\"Sao vậy?\" - bà hỏi.", "\"Không sao!\", ông đáp."]
    );
}

#[test]
fn syllables_keep_news_tokens_whole() {
    let toks: Vec<(&str, TokenKind)> = syllables(
        "Ngày 09/03/2023 lúc 14:49, 14h30; tăng 143,8% lên 1.234.567 theo 30/2020/NĐ-CP, TP.HCM, Covid-19, https://a.vn/b và x@y.vn",
    )
    .filter(|t| !t.kind().is_space())
    .map(|t| (t.as_str(), t.kind()))
    .collect();
    for want in [
        ("09/03/2023", TokenKind::DateLike),
        ("14:49", TokenKind::Time),
        ("14h30", TokenKind::Time),
        ("143,8%", TokenKind::Percent),
        ("1.234.567", TokenKind::Number),
        ("30/2020/NĐ-CP", TokenKind::DocSymbol),
        ("TP.HCM", TokenKind::Abbreviation),
        ("Covid-19", TokenKind::Word(Case::Mixed)),
        ("https://a.vn/b", TokenKind::Url),
        ("x@y.vn", TokenKind::Email),
        ("Ngày", TokenKind::Word(Case::Capitalized)),
    ] {
        assert!(toks.contains(&want), "{want:?} in {toks:?}");
    }
}

#[test]
fn syllable_case_of_vietnamese_letters() {
    let kinds: Vec<TokenKind> = syllables("ĐẢNG Ủy ưu Ơn ĐBQH")
        .filter(|t| !t.kind().is_space())
        .map(|t| t.kind())
        .collect();
    assert_eq!(
        kinds,
        [
            TokenKind::Word(Case::Upper),
            TokenKind::Word(Case::Capitalized),
            TokenKind::Word(Case::Lower),
            TokenKind::Word(Case::Capitalized),
            TokenKind::Word(Case::Upper),
        ]
    );
}

#[test]
fn words_group_lexicon_words_and_names() {
    assert_eq!(
        vlsp("Các doanh nghiệp ở quận Long Biên đã hoàn thành kế hoạch."),
        [
            "Các",
            "doanh_nghiệp",
            "ở",
            "quận",
            "Long_Biên",
            "đã",
            "hoàn_thành",
            "kế_hoạch",
            "."
        ]
    );
    // A name of four syllables after a title; the title from the lexicon.
    assert_eq!(
        vlsp("Hôm qua, giám đốc Trần Thị Thu Trang phát biểu."),
        [
            "Hôm_qua",
            ",",
            "giám_đốc",
            "Trần_Thị_Thu_Trang",
            "phát_biểu",
            "."
        ]
    );
    // Case and tone placement do not matter to the lexicon.
    assert_eq!(vlsp("Uỷ ban"), ["Uỷ_ban"]);
    // Numbers, dates and symbols stay whole; words never cross punctuation.
    assert_eq!(
        vlsp("ngày 9/3/2023, công văn 1234/QĐ-UBND"),
        ["ngày", "9/3/2023", ",", "công_văn", "1234/QĐ-UBND"]
    );
}

#[test]
fn names_are_flagged_and_words_cross_no_line() {
    let ws: Vec<_> = words("ông Lê Văn An\nHà Nội", Lexicon::builtin())
        .filter(|w| !w.kind().is_space())
        .collect();
    assert_eq!(ws[1].as_str(), "Lê Văn An");
    assert!(ws[1].is_name());
    assert_eq!(ws[1].syllable_count(), 3);
    assert_eq!(ws[1].kind(), TokenKind::Word(Case::Capitalized));
    assert!(!ws[0].is_name());
    // "Hà Nội" opens a line: a word, from the lexicon or alone, but never
    // joined with the line before.
    assert!(ws[2].span().start > ws[1].span().end);
}

#[test]
fn user_lexicon() {
    let lex = Lexicon::from_reader("# my words\nchuyển đổi số\nkinh_tế số\n\n".as_bytes()).unwrap();
    assert_eq!(lex.len(), 2);
    assert_eq!(lex.longest(), 3);
    let ws: Vec<&str> = words("thúc đẩy chuyển đổi số", &lex)
        .filter(|w| !w.kind().is_space())
        .map(|w| w.as_str())
        .collect();
    assert_eq!(ws, ["thúc", "đẩy", "chuyển đổi số"]);
    assert!(Lexicon::from_reader("a\u{7}b\n".as_bytes()).is_err());
}

/// Whitespace to the scanner: Unicode spaces and the zero-width ones.
fn is_sep(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

fn vi_text() -> impl Strategy<Value = String> {
    // Pieces that exercise every branch of the scanner, glued at random.
    let piece = prop_oneof![
        Just("Hà".to_string()),
        Just("nội".to_string()),
        Just("ĐBQH".to_string()),
        Just("doanh".to_string()),
        Just("nghiệp".to_string()),
        Just("Ủy".to_string()),
        Just("ban".to_string()),
        Just("TP.".to_string()),
        Just("v.v.".to_string()),
        Just("05-CT/TW".to_string()),
        Just("9/3/2023".to_string()),
        Just("14h30".to_string()),
        Just("1.234,5".to_string()),
        Just("https://a.vn/x".to_string()),
        Just("a@b.vn".to_string()),
        Just(".".to_string()),
        Just("...".to_string()),
        Just("?".to_string()),
        Just("\"".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\u{a0}".to_string()),
        Just("o\u{301}".to_string()),
        "\\PC{0,3}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn syllables_are_lossless(text in vi_text()) {
        let mut pos = 0;
        let mut joined = String::new();
        for t in syllables(&text) {
            prop_assert_eq!(t.start(), pos);
            prop_assert!(t.end() > t.start());
            prop_assert!(text.is_char_boundary(t.start()) && text.is_char_boundary(t.end()));
            prop_assert_eq!(&text[t.start()..t.end()], t.as_str());
            joined.push_str(t.as_str());
            pos = t.end();
        }
        prop_assert_eq!(joined, text);
    }

    #[test]
    fn words_are_lossless(text in vi_text()) {
        let mut pos = 0;
        let mut joined = String::new();
        for w in words(&text, Lexicon::builtin()) {
            prop_assert_eq!(w.span().start, pos);
            prop_assert!(w.span().end > w.span().start);
            prop_assert!(text.is_char_boundary(w.span().start) && text.is_char_boundary(w.span().end));
            prop_assert_eq!(w.kind().is_space(), w.syllable_count() == 0);
            prop_assert!(!(w.syllable_count() > 1 && w.as_str().contains('\n')));
            joined.push_str(w.as_str());
            pos = w.span().end;
        }
        prop_assert_eq!(joined, text);
    }

    #[test]
    fn sentences_cover_the_text(text in vi_text()) {
        let mut pos = 0;
        for s in sentences(&text) {
            let sp = s.span();
            prop_assert!(sp.start >= pos && sp.end > sp.start);
            prop_assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
            prop_assert_eq!(&text[sp.start..sp.end], s.as_str());
            // Only whitespace between sentences; none at their edges.
            prop_assert!(text[pos..sp.start].chars().all(is_sep));
            prop_assert!(!s.as_str().starts_with(char::is_whitespace));
            prop_assert!(!s.as_str().ends_with(char::is_whitespace));
            prop_assert!(!s.as_str().contains('\n'));
            pos = sp.end;
        }
        prop_assert!(text[pos..].chars().all(is_sep));
    }
}

#[cfg(feature = "cli")]
fn tokenize(args: &[&str], stdin: &str) -> String {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_vntext"))
        .arg("tokenize")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[cfg(feature = "cli")]
#[test]
fn cli_tokenize() {
    let text = "Quận Long Biên họp. Doanh nghiệp tăng\n\nkế hoạch 2023\n";
    assert_eq!(
        tokenize(&["--words"], text),
        "Quận Long_Biên họp .\nDoanh_nghiệp tăng\n\nkế_hoạch 2023\n"
    );
    assert_eq!(tokenize(&[], text), tokenize(&["--words"], text));
    assert_eq!(
        tokenize(&["--sentences"], text),
        "Quận Long Biên họp.\nDoanh nghiệp tăng\n\nkế hoạch 2023\n"
    );
    assert_eq!(
        tokenize(&["--syllables"], "Ngày 9/3/2023, TP.HCM.\n"),
        "Ngày 9/3/2023 , TP.HCM.\n"
    );
    // --lines: one output line per input line.
    assert_eq!(
        tokenize(&["--words", "--lines"], "Có. Không.\n"),
        "Có . Không .\n"
    );
}

/// Word segmentation F1 on the dev split of the treebank, when present:
/// well above syllables alone (0.71).
#[test]
fn dev_split_f1() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/wordseg/vi_vtb-ud-dev.conllu");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} not readable", path.display());
        return;
    };
    let spans = |lens: &[usize]| {
        let mut out = std::collections::HashSet::new();
        let mut i = 0;
        for &n in lens {
            out.insert((i, i + n));
            i += n;
        }
        out
    };
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for block in data.split("\n\n") {
        let gold: Vec<&str> = block
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let cols: Vec<&str> = l.split('\t').collect();
                (cols.len() > 1 && !cols[0].contains(['-', '.'])).then_some(cols[1])
            })
            .collect();
        if gold.is_empty() {
            continue;
        }
        let text = gold.join(" ");
        let g: Vec<usize> = gold.iter().map(|w| w.split(' ').count()).collect();
        let p: Vec<usize> = words(&text, Lexicon::builtin())
            .filter(|w| !w.kind().is_space())
            .map(|w| w.syllables().count())
            .collect();
        if p.iter().sum::<usize>() != g.iter().sum::<usize>() {
            // The scanner split or joined a syllable: count the sentence as missed.
            fn_ += g.len();
            continue;
        }
        let (gs, ps) = (spans(&g), spans(&p));
        tp += gs.intersection(&ps).count();
        fp += ps.difference(&gs).count();
        fn_ += gs.difference(&ps).count();
    }
    let pr = tp as f64 / (tp + fp) as f64;
    let rc = tp as f64 / (tp + fn_) as f64;
    let f1 = 2.0 * pr * rc / (pr + rc);
    eprintln!("dev word segmentation: P {pr:.4} R {rc:.4} F1 {f1:.4}");
    assert!(f1 > 0.93, "dev F1 {f1:.4}");
}
