//! Round trips over every Vietnamese letter, the iconv oracle, detection
//! and paragraph-by-paragraph decoding.

use super::*;
use crate::normalize::letters::vietnamese_letters;

const ENCODINGS: [Encoding; 6] = [
    Encoding::Tcvn3,
    Encoding::Vni,
    Encoding::Viqr,
    Encoding::Cp1258,
    Encoding::Tcvn3Latin1,
    Encoding::VniLatin1,
];

#[test]
fn every_letter_round_trips() {
    for enc in ENCODINGS {
        for c in vietnamese_letters() {
            let s = c.to_string();
            let bytes = encode(&s, enc).unwrap_or_else(|e| panic!("{enc}: {c}: {e}"));
            let d = decode(&bytes, enc);
            assert_eq!(d.text(), s, "{enc}: {c} as {bytes:X?}");
            assert!(d.errors().is_empty(), "{enc}: {c}");
            // The map covers the whole input.
            let back = d.map().to_original(Span::new(0, d.text().len()));
            assert_eq!(back, Span::new(0, bytes.len()), "{enc}: {c}");
        }
    }
}

#[test]
fn sentences_round_trip() {
    let text = "Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n\
                Nghị quyết số 18-NQ/TW ngày 25/10/2017: đạt 98,5%, vượt kế hoạch.\n\
                QUYẾT ĐỊNH: Ủy ban nhân dân thành phố Hà Nội; khuya, thuở, giữ, quốc.\n";
    for enc in ENCODINGS {
        let bytes = encode(text, enc).unwrap_or_else(|e| panic!("{enc}: {e}"));
        let d = decode(&bytes, enc);
        assert_eq!(d.text(), text, "{enc}");
        assert!(d.errors().is_empty());
        // Every word maps back onto its encoded bytes.
        for (at, w) in [("Việt", "Việt"), ("98,5%", "98,5%"), ("Hà Nội", "Hà Nội")] {
            let i = d.text().find(at).unwrap_or(0);
            let span = d.map().to_original(Span::new(i, i + at.len()));
            let want = encode(w, enc).unwrap_or_default();
            assert_eq!(&bytes[span.range()], &want[..], "{enc}: {w}");
        }
        assert_eq!(detect(&bytes).encoding(), enc, "{enc}");
        assert_eq!(decode_auto(&bytes).text(), text, "{enc} auto");
    }
}

#[test]
fn tcvn3_table_matches_iconv() {
    let Ok(probe) = std::process::Command::new("iconv")
        .arg("--version")
        .output()
    else {
        eprintln!("skipping: iconv not available");
        return;
    };
    if !probe.status.success() {
        eprintln!("skipping: iconv not usable");
        return;
    }
    use std::io::Write;
    for b in 0..=255u8 {
        let mut child = std::process::Command::new("iconv")
            .args(["-f", "TCVN5712-1", "-t", "UTF-8"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("iconv runs");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(&[b])
            .expect("write");
        let out = child.wait_with_output().expect("iconv output");
        let want = String::from_utf8(out.stdout).expect("utf-8");
        assert_eq!(
            tables::TCVN3[usize::from(b)].to_string(),
            want,
            "byte {b:#04x}"
        );
        // Inside a word, every byte reads as iconv reads it (0x85 and
        // 0x91-0x97 alone read as Windows-1252 punctuation).
        let d = decode(&[b'N', b, b'N'], Encoding::Tcvn3);
        if crate::normalize::tone::is_syllable(&format!("N{want}N")) {
            assert_eq!(d.text(), format!("N{want}N"), "byte {b:#04x}");
        } else if !matches!(b, 0x85 | 0x91..=0x97) {
            assert_eq!(decode(&[b], Encoding::Tcvn3).text(), want, "byte {b:#04x}");
        }
    }
}

#[test]
fn tables_are_fresh() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("scripts/gen_legacy_tables.py");
    match std::process::Command::new("python3")
        .arg(&script)
        .arg("--check")
        .output()
    {
        Ok(out) if out.status.success() => {}
        Ok(out) => {
            let err = String::from_utf8_lossy(&out.stderr);
            if err.contains("FileNotFoundError") || err.contains("No such file") {
                eprintln!("skipping: iconv not available for {}", script.display());
            } else {
                panic!("{}: {err}", script.display());
            }
        }
        Err(_) => eprintln!("skipping: python3 not available"),
    }
}

#[test]
fn the_issue_examples() {
    let d = decode_auto("céng hoµ x· héi chñ nghÜa viÖt nam".as_bytes());
    assert_eq!(d.text(), "cộng hoà xã hội chủ nghĩa việt nam");
    assert_eq!(d.parts()[0].1, Encoding::Tcvn3Latin1);
    let d = decode_auto("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam".as_bytes());
    assert_eq!(d.text(), "Cộng hòa xã hội chủ nghĩa Việt Nam");
    assert_eq!(decode(b"Vie^.t Nam", Encoding::Viqr).text(), "Việt Nam");
}

#[test]
fn mixed_documents_go_paragraph_by_paragraph() {
    let mut input = Vec::new();
    input.extend_from_slice("Hà Nội ngày 9 tháng 3 năm 2023\n".as_bytes());
    input.extend_from_slice(
        &encode(
            "Ủy ban nhân dân quận đã họp bàn kế hoạch\n",
            Encoding::Tcvn3,
        )
        .unwrap_or_default(),
    );
    input.extend_from_slice(
        &encode("Các phường hoàn thành chỉ tiêu được giao\n", Encoding::Vni).unwrap_or_default(),
    );
    input.extend_from_slice("céng hoµ x· héi chñ nghÜa viÖt nam\n".as_bytes());
    input.extend_from_slice(b"Plain ASCII line\n");
    let d = decode_auto(&input);
    assert_eq!(
        d.text(),
        "Hà Nội ngày 9 tháng 3 năm 2023\nỦy ban nhân dân quận đã họp bàn kế hoạch\n\
         Các phường hoàn thành chỉ tiêu được giao\ncộng hoà xã hội chủ nghĩa việt nam\nPlain ASCII line\n"
    );
    let encs: Vec<Encoding> = d.parts().iter().map(|p| p.1).collect();
    assert_eq!(
        encs,
        [
            Encoding::Utf8,
            Encoding::Tcvn3,
            Encoding::Vni,
            Encoding::Tcvn3Latin1,
            Encoding::Utf8
        ]
    );
    // Offsets land in the right paragraph.
    let at = d.text().find("chỉ tiêu").unwrap_or(0);
    let span = d.map().to_original(Span::new(at, at + "chỉ tiêu".len()));
    assert_eq!(
        &input[span.range()],
        &encode("chỉ tiêu", Encoding::Vni).unwrap_or_default()[..]
    );
}

#[test]
fn undecodable_bytes_are_reported() {
    let d = decode(b"ab\x81c\x8d", Encoding::Cp1258);
    assert_eq!(d.text(), "ab\u{FFFD}c\u{FFFD}");
    let offs: Vec<usize> = d.errors().iter().map(Undecodable::offset).collect();
    assert_eq!(offs, [2, 4]);
    // A VNI accent with no vowel under it.
    let d = decode(b"n\xf9 x", Encoding::Vni);
    assert_eq!(d.text(), "n\u{FFFD} x");
    assert_eq!(d.errors()[0].span(), Span::new(1, 2));
    // Invalid UTF-8.
    let d = decode(b"Vi\xe1\xbb\x87t \xff!", Encoding::Utf8);
    assert_eq!(d.text(), "Việt \u{FFFD}!");
    assert_eq!(d.errors()[0].offset(), 7);
}

#[test]
fn viqr_punctuation() {
    for (viqr, text) in [
        ("Anh dda^u?\n", "Anh đâu?\n"),
        ("Dda^u? No'i ddi", "Đâu? Nói đi"),
        ("Ha` No^.i.", "Hà Nội."),
        ("dde^? la`m vie^.c", "để làm việc"),
        ("e.g. he'd", "e.g. he'd"),
        ("Ca'i gi`\\?", "Cái gì?"),
        (
            "Nguye^~n Thi. Minh ddi. Ho^m nay",
            "Nguyễn Thị Minh đi. Hôm nay",
        ),
        ("address", "address"),
    ] {
        assert_eq!(
            decode(viqr.as_bytes(), Encoding::Viqr).text(),
            text,
            "{viqr}"
        );
    }
}

#[test]
fn tcvn3_smart_quotes_and_capitals() {
    // Word's smart quotes and dashes around TCVN3 text.
    let d = decode(
        b"\x93ti\xd5ng Vi\xd6t\x94 \x96 \xae\xb5 N\xb5ng\x85",
        Encoding::Tcvn3,
    );
    assert_eq!(d.text(), "“tiếng Việt” – đà Nàng…");
    // The same bytes inside words are VN1 capitals.
    let d = decode(b"\x97NG V\x96", Encoding::Tcvn3);
    assert_eq!(d.text(), "ỘNG VỌ");
}
