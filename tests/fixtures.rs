//! Data-driven cases: every `fixtures/cases/*.json` file and the sample
//! article with its hand-checked facts.
//!
//! A case file holds `{"description", "cases": [...]}`; a case is
//! `{"text", "facts": [...], "kinds"?, "reference_date"?, "exact"?}`. Each
//! expected fact names its `kind` and `text` (the exact slice; `occurrence`
//! picks the n-th one) and any fields to compare. Fields left out are not
//! compared; a quantity's `unit` is compared by its first syllable, as the
//! scorer does. An expected fact marked `optional` may be missing. With
//! `exact` (the default), every produced fact of the checked kinds (`kinds`,
//! or the kinds of the expected facts) must be expected.

use std::path::{Path, PathBuf};

use serde_json::Value;
use vntext::{DocOptions, Extractor, PartialDate};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Compares one expected field with the produced one.
fn field_matches(kind: &str, key: &str, want: &Value, got: Option<&Value>) -> bool {
    let Some(got) = got else { return false };
    match (want, got) {
        (Value::Number(a), Value::Number(b)) => {
            let (a, b) = (
                a.as_f64().unwrap_or(f64::NAN),
                b.as_f64().unwrap_or(f64::NAN),
            );
            (a - b).abs() <= 1e-9 * a.abs().max(1.0)
        }
        (Value::String(a), Value::String(b)) if kind == "quantity" && key == "unit" => {
            let first = |s: &str| s.split_whitespace().next().map(|w| w.to_lowercase());
            first(a) == first(b)
        }
        _ => want == got,
    }
}

/// Checks one case; returns a description of each failure.
fn check_case(
    ex: &Extractor,
    text: &str,
    case: &Value,
    check_kinds: Option<&[String]>,
) -> Vec<String> {
    let mut failures = Vec::new();
    let mut opts = DocOptions::new();
    if let Some(d) = case.get("reference_date").and_then(Value::as_str) {
        let d: PartialDate = d.parse().expect("fixture reference_date");
        opts = opts.reference_date(d);
    }
    let produced: Vec<Value> = ex
        .extract_with(text, &opts)
        .iter()
        .map(|f| serde_json::to_value(f).expect("fact serialises"))
        .collect();
    for f in &produced {
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        if text.get(s..e) != f["text"].as_str() {
            failures.push(format!(
                "span {s}..{e} does not slice to its text {}",
                f["text"]
            ));
        }
    }
    let expected = case["facts"].as_array().cloned().unwrap_or_default();
    let mut kinds: Vec<String> = match case.get("kinds").and_then(Value::as_array) {
        Some(k) => k
            .iter()
            .filter_map(|v| v.as_str().map(String::from))
            .collect(),
        None => expected
            .iter()
            .filter_map(|f| f["kind"].as_str().map(String::from))
            .collect(),
    };
    if let Some(only) = check_kinds {
        kinds.retain(|k| only.contains(k));
    }
    let mut used = vec![false; produced.len()];
    for want in &expected {
        let kind = want["kind"].as_str().unwrap_or("");
        if !kinds.iter().any(|k| k == kind) {
            continue;
        }
        let want_text = want["text"].as_str().unwrap_or("");
        let occurrence = want.get("occurrence").and_then(Value::as_u64).unwrap_or(1) as usize;
        // The byte offset of the n-th occurrence of the expected text.
        let at = text
            .match_indices(want_text)
            .nth(occurrence - 1)
            .map(|(i, _)| i);
        let found = produced.iter().enumerate().position(|(i, got)| {
            !used[i]
                && got["kind"] == kind
                && got["text"] == want_text
                && at.is_none_or(|a| got["start"].as_u64() == Some(a as u64))
        });
        let optional = want
            .get("optional")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        match found {
            Some(i) => {
                used[i] = true;
                let got = &produced[i];
                for (key, value) in want.as_object().into_iter().flatten() {
                    if matches!(key.as_str(), "kind" | "text" | "occurrence" | "optional") {
                        continue;
                    }
                    if !field_matches(kind, key, value, got.get(key)) {
                        failures.push(format!(
                            "{kind} {want_text:?}: field {key} expected {value}, got {}",
                            got.get(key).map_or("nothing".to_string(), Value::to_string)
                        ));
                    }
                }
            }
            None if optional => {}
            None => failures.push(format!("missed {kind} {want_text:?} (expected {want})")),
        }
    }
    let exact = case.get("exact").and_then(Value::as_bool).unwrap_or(true);
    if exact {
        for (i, got) in produced.iter().enumerate() {
            let kind = got["kind"].as_str().unwrap_or("");
            if !used[i] && kinds.iter().any(|k| k == kind) {
                failures.push(format!("unexpected {kind} {}: {got}", got["text"]));
            }
        }
    }
    failures
}

#[test]
fn fixture_cases() {
    let ex = Extractor::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures().join("cases"))
        .expect("fixtures/cases")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixture files");
    let mut failures = Vec::new();
    let mut n = 0;
    for file in &files {
        let data: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for (i, case) in data["cases"].as_array().expect("cases").iter().enumerate() {
            n += 1;
            let text = case["text"].as_str().expect("text");
            for f in check_case(&ex, text, case, None) {
                failures.push(format!(
                    "{} case {i} ({text:?}): {f}",
                    file.file_name().unwrap().to_string_lossy()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn sample_article() {
    let dir = fixtures();
    let data: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("sample-article.json")).unwrap())
            .unwrap();
    let text = std::fs::read_to_string(dir.join(data["file"].as_str().unwrap())).unwrap();
    let check: Vec<String> = data["check_kinds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert!(!check.is_empty());
    let case = serde_json::json!({ "facts": data["facts"], "kinds": vntext::Kind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>() });
    let failures = check_case(&Extractor::new(), &text, &case, Some(&check));
    assert!(
        failures.is_empty(),
        "sample article:\n{}",
        failures.join("\n")
    );
}
