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

/// A JSON Lines input of `n` records, each with a percentage in it.
fn records(n: usize) -> String {
    (0..n)
        .map(|i| {
            serde_json::json!({"id": format!("r{i}"), "text": format!("Bản tin {i}: tỷ lệ đạt {}% và {},5 % kế hoạch. {}", i % 100, i % 7, "Nội dung. ".repeat(40))})
                .to_string()
                + "\n"
        })
        .collect()
}

fn tmpdir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("vntext-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn annotate_parallel_output_equals_serial() {
    let input = records(500);
    let one = vntext(&["annotate", "-j", "1", "--quiet"], input.as_bytes());
    let four = vntext(&["annotate", "-j", "4", "--quiet"], input.as_bytes());
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(one.stdout, four.stdout);
    let recs = lines(&one);
    assert_eq!(recs.len(), 500);
    for (i, r) in recs.iter().enumerate() {
        assert_eq!(r["id"], format!("r{i}"));
        assert_eq!(r["schema"], "vntext/1");
    }
}

#[test]
fn annotate_keep_and_normalized() {
    let input = "{\"id\": 1, \"text\": \"đạt\\u00a098%\", \"source\": \"x\", \"n\": [1]}\n";
    let out = vntext(
        &["annotate", "--keep", "--normalized", "--quiet"],
        input.as_bytes(),
    );
    let r = &lines(&out)[0];
    assert_eq!(r["source"], "x");
    assert_eq!(r["n"], serde_json::json!([1]));
    assert_eq!(r["normalized"], "đạt 98%");
    assert!(r.get("text").is_none(), "the text itself is not copied");
}

#[test]
fn annotate_custom_fields_and_gzip_input() {
    let dir = tmpdir("gz");
    let path = dir.join("in.jsonl.gz");
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(&path).unwrap(),
        flate2::Compression::fast(),
    );
    gz.write_all(
        "{\"doc\": \"a\", \"body\": \"đạt 98%\"}\n{\"doc\": \"b\", \"body\": \"không có số\"}\n"
            .as_bytes(),
    )
    .unwrap();
    gz.finish().unwrap();
    let out = vntext(
        &[
            "annotate",
            "--input",
            path.to_str().unwrap(),
            "--id-field",
            "doc",
            "--text-field",
            "body",
            "--quiet",
        ],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = lines(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["id"], "a");
    assert_eq!(recs[0]["facts"][0]["value"], 98);
    assert_eq!(recs[1]["facts"], serde_json::json!([]));
}

#[test]
fn annotate_files_tree() {
    let dir = tmpdir("files");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("b.txt"), "tăng 5%").unwrap();
    std::fs::write(dir.join("sub/a.txt"), "giảm 3 phần trăm").unwrap();
    std::fs::write(dir.join("sub/bad.txt"), b"\xff\xfe").unwrap();
    std::fs::write(dir.join("skip.md"), "100%").unwrap();
    let out = vntext(
        &["annotate", "--files", dir.to_str().unwrap(), "--quiet"],
        b"",
    );
    assert_eq!(out.status.code(), Some(3));
    let recs = lines(&out);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["b.txt", "sub/a.txt", "sub/bad.txt"]);
    assert_eq!(recs[1]["facts"][0]["value"], 3);
    assert!(recs[2]["error"].as_str().unwrap().contains("UTF-8"));
}

#[test]
fn annotate_broken_pipe_is_quiet() {
    let input = records(3000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_vntext"))
        .args(["annotate", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut sin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = sin.write_all(input.as_bytes());
    });
    {
        use std::io::BufRead;
        let mut r = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        r.read_line(&mut first).unwrap();
        assert!(first.contains("\"r0\""));
    } // stdout closed here, like `| head -1`
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
}

#[test]
fn annotate_resume_after_kill() {
    let dir = tmpdir("resume");
    let input_path = dir.join("in.jsonl");
    std::fs::write(&input_path, records(20_000)).unwrap();
    let full = vntext(
        &[
            "annotate",
            "--input",
            input_path.to_str().unwrap(),
            "--quiet",
        ],
        b"",
    );
    assert_eq!(full.status.code(), Some(0));

    let out_path = dir.join("out.jsonl");
    let args = [
        "annotate",
        "--input",
        input_path.to_str().unwrap(),
        "--output",
        out_path.to_str().unwrap(),
        "--quiet",
        "-j",
        "2",
    ];
    let mut child = Command::new(env!("CARGO_BIN_EXE_vntext"))
        .args(args)
        .spawn()
        .unwrap();
    // Kill (SIGKILL) once some output has landed.
    let start = std::time::Instant::now();
    while std::fs::metadata(&out_path).map_or(0, |m| m.len()) < 200_000
        && start.elapsed().as_secs() < 30
    {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    // Tear the last line on purpose, as a kill mid-write would.
    let mut data = std::fs::read(&out_path).unwrap();
    assert!(
        data.len() < full.stdout.len(),
        "the kill should land mid-run"
    );
    data.extend_from_slice(b"{\"id\":\"torn");
    std::fs::write(&out_path, &data).unwrap();

    let mut resume_args = args.to_vec();
    resume_args.push("--resume");
    let resumed = vntext(&resume_args, b"");
    assert_eq!(
        resumed.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&resumed.stderr)
    );
    let got = std::fs::read(&out_path).unwrap();
    assert!(
        got == full.stdout,
        "resumed output differs from a straight run"
    );
}

#[test]
fn annotate_resume_refuses_other_input() {
    let dir = tmpdir("resume-other");
    let out_path = dir.join("out.jsonl");
    std::fs::write(
        &out_path,
        "{\"id\":\"zzz\",\"facts\":[],\"schema\":\"vntext/1\"}\n",
    )
    .unwrap();
    let out = vntext(
        &[
            "annotate",
            "--output",
            out_path.to_str().unwrap(),
            "--resume",
            "--quiet",
        ],
        records(3).as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--resume"));
}

#[test]
fn extract_html_and_report() {
    let text = "Tỷ lệ đạt trên 98% <script>x</script>";
    let out = vntext(&["extract", "--format", "html"], text.as_bytes());
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("class=\"f f-percentage\""));
    assert!(page.contains("&lt;script&gt;") && !page.contains("<script>"));

    let dir = tmpdir("report");
    let input = dir.join("in.jsonl");
    std::fs::write(&input, records(5) + "broken\n").unwrap();
    let annotated = dir.join("out.jsonl");
    let run = vntext(
        &[
            "annotate",
            "--input",
            input.to_str().unwrap(),
            "--output",
            annotated.to_str().unwrap(),
            "--quiet",
        ],
        b"",
    );
    assert_eq!(run.status.code(), Some(3));
    let report = dir.join("report.html");
    let rep = vntext(
        &[
            "report",
            "--input",
            annotated.to_str().unwrap(),
            "--output",
            report.to_str().unwrap(),
            "--texts",
            input.to_str().unwrap(),
        ],
        b"",
    );
    assert!(
        rep.status.success(),
        "{}",
        String::from_utf8_lossy(&rep.stderr)
    );
    let page = std::fs::read_to_string(&report).unwrap();
    assert!(
        page.contains("6 records, 1 errors"),
        "{}",
        &page[..page.len().min(3000)]
    );
    assert!(page.contains("<svg") || page.contains("No dated facts"));
    assert!(page.contains("href=\"report_files/000001.html\""));
    let view = std::fs::read_to_string(dir.join("report_files/000001.html")).unwrap();
    assert!(view.contains("class=\"f f-percentage\""));
}

#[test]
fn annotate_broken_surrogates_and_binary_are_error_records() {
    let mut input = br#"{"id": 1, "text": "a\ud800b"}"#.to_vec();
    input.push(b'\n');
    input.extend_from_slice(b"\x00\x01\x02\xff\xfe binary\n");
    input.extend_from_slice("{\"id\": 3, \"text\": \"ภาษาไทย 5% العربية\"}\n".as_bytes());
    let out = vntext(&["annotate", "--quiet"], &input);
    assert_eq!(out.status.code(), Some(3));
    let recs = lines(&out);
    assert_eq!(recs.len(), 3);
    assert!(
        recs[0]["error"].as_str().unwrap().contains("invalid JSON"),
        "{}",
        recs[0]
    );
    assert!(recs[1]["error"].is_string());
    assert_eq!(recs[2]["facts"][0]["kind"], "percentage");
}
