//! The `vntext` binary: `extract` formats and the `annotate` contract.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn vntext(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vntext"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run vntext");
    let mut sin = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = sin.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn annotate_keeps_order_and_writes_error_records_in_place() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"đạt 98%\"}\n",
        "not json\n",
        "{\"id\": 3, \"body\": \"no text field\"}\n",
        "{\"id\": 4, \"text\": 42}\n",
        "\n",
        "[1, 2]\n",
        "{\"id\": \"z\", \"text\": \"tăng 4,5 % và 2%\"}\n"
    );
    let out = vntext(&["annotate"], input.as_bytes());
    assert_eq!(out.status.code(), Some(3), "some records were errors");
    let recs = lines(&out);
    assert_eq!(recs.len(), 7, "one output line per input line");
    assert_eq!(recs[0]["id"], "a");
    assert_eq!(recs[0]["facts"][0]["value"], 98);
    assert_eq!(recs[1]["id"], Value::Null);
    assert_eq!(recs[1]["line"], 2);
    assert!(recs[1]["error"].as_str().unwrap().contains("invalid JSON"));
    assert_eq!(recs[2]["id"], 3);
    assert!(recs[2]["error"].as_str().unwrap().contains("\"text\""));
    assert_eq!(recs[3]["id"], 4);
    assert!(recs[3]["error"].as_str().unwrap().contains("not a string"));
    assert_eq!(recs[4]["line"], 5);
    assert_eq!(recs[5]["line"], 6);
    assert_eq!(recs[6]["id"], "z");
    assert_eq!(recs[6]["facts"].as_array().unwrap().len(), 2);
}

#[test]
fn annotate_reports_invalid_utf8_and_oversized_records() {
    let mut input = b"{\"id\": 1, \"text\": \"a\xff\"}\n".to_vec();
    input.extend_from_slice(
        format!("{{\"id\": 2, \"text\": \"{}\"}}\n", "x".repeat(300)).as_bytes(),
    );
    input.extend_from_slice("{\"id\": 3, \"text\": \"98%\"}".as_bytes()); // no final newline
    let out = vntext(&["annotate", "--max-bytes", "100"], &input);
    assert_eq!(out.status.code(), Some(3));
    let recs = lines(&out);
    assert_eq!(recs.len(), 3);
    assert!(recs[0]["error"].as_str().unwrap().contains("UTF-8"));
    assert!(recs[1]["error"].as_str().unwrap().contains("--max-bytes"));
    assert_eq!(recs[2]["id"], 3);
    assert_eq!(recs[2]["facts"][0]["text"], "98%");
}

#[test]
fn annotate_all_good_exits_zero_and_offsets_are_bytes() {
    let text = "Ngày\u{00A0}đăng: đạt trên 98%";
    let input = serde_json::json!({"id": 1, "text": text}).to_string() + "\n";
    let out = vntext(&["annotate"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let recs = lines(&out);
    let f = &recs[0]["facts"][0];
    let (s, e) = (
        f["start"].as_u64().unwrap() as usize,
        f["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "trên 98%");
}

#[test]
fn extract_formats() {
    let text = "Số đảng viên đạt 143,8 % kế hoạch.";
    let json = vntext(&["extract", "--format", "json"], text.as_bytes());
    assert!(json.status.success());
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["file"], "-");
    assert_eq!(v["facts"][0]["value"], 143.8);

    let jsonl = vntext(&["extract", "--format", "jsonl"], text.as_bytes());
    let recs = lines(&jsonl);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["kind"], "percentage");

    let table = vntext(&["extract", "--format", "table"], text.as_bytes());
    let s = String::from_utf8(table.stdout).unwrap();
    assert!(s.contains("percentage"), "{s}");
    assert!(s.contains("143,8 %"), "{s}");
    assert!(s.contains("143.8%"), "{s}");
}

#[test]
fn extract_reports_a_missing_file_and_bad_utf8() {
    let out = vntext(&["extract", "/nonexistent/file.txt"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/file.txt"));
    let out = vntext(&["extract"], b"ab\xffcd");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("byte 2"));
}

#[test]
fn usage_error_exits_two() {
    let out = vntext(&["extract", "--format", "nope"], b"");
    assert_eq!(out.status.code(), Some(2));
}
