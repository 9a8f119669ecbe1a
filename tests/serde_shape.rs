//! The JSON shape of every fact kind (SPEC.md), and the round trip.

use serde_json::{json, Value};
use vntext::fact::{
    Calendar, Date, Document, Money, PartOfDay, Payload, Percentage, Period, PeriodLabel, Person,
    Qualifier, Quantity, Ratio, Time,
};
use vntext::{Fact, PartialDate, Span};

fn fact(payload: Payload) -> Fact {
    Fact::new(Span::new(3, 9), "abcdef", payload)
}

/// Serialises, checks the JSON text (key order included) and the round trip.
fn check(f: Fact, want: &str) {
    let got = serde_json::to_string(&f).unwrap();
    assert_eq!(got, want);
    let back: Fact = serde_json::from_str(&got).unwrap();
    assert_eq!(back, f);
}

#[test]
fn date() {
    let mut d = Date::new(PartialDate::ymd(2023, 3, 10).unwrap());
    check(
        fact(Payload::Date(d.clone())),
        r#"{"kind":"date","start":3,"end":9,"text":"abcdef","value":"2023-03-10"}"#,
    );
    d.time = Time::new(14, 49);
    d.part_of_day = Some(PartOfDay::Afternoon);
    d.calendar = Some(Calendar::Lunar);
    d.inferred = true;
    check(
        fact(Payload::Date(d)),
        r#"{"kind":"date","start":3,"end":9,"text":"abcdef","value":"2023-03-10","time":"14:49","part_of_day":"afternoon","calendar":"lunar","inferred":true}"#,
    );
    check(
        fact(Payload::Date(Date::new(PartialDate::md(3, 15).unwrap()))),
        r#"{"kind":"date","start":3,"end":9,"text":"abcdef","value":"--03-15"}"#,
    );
}

#[test]
fn period() {
    let p = Period::new(
        PartialDate::ymd(2023, 1, 1).unwrap(),
        PartialDate::ymd(2023, 3, 31).unwrap(),
        PeriodLabel::Quarter,
    );
    check(
        fact(Payload::Period(p)),
        r#"{"kind":"period","start":3,"end":9,"text":"abcdef","start_value":"2023-01-01","end_value":"2023-03-31","label":"quarter"}"#,
    );
}

#[test]
fn person() {
    let mut p = Person::new("Lê Thị Hồng Nhung");
    check(
        fact(Payload::Person(p.clone())),
        r#"{"kind":"person","start":3,"end":9,"text":"abcdef","name":"Lê Thị Hồng Nhung","titles":[]}"#,
    );
    p.titles = vec!["UVTV".into(), "Trưởng Ban Tổ chức Quận ủy".into()];
    p.honorific = Some("đồng chí".into());
    p.titles_expanded = Some(vec![
        "Ủy viên Ban Thường vụ".into(),
        "Trưởng Ban Tổ chức Quận ủy".into(),
    ]);
    check(
        fact(Payload::Person(p)),
        r#"{"kind":"person","start":3,"end":9,"text":"abcdef","name":"Lê Thị Hồng Nhung","titles":["UVTV","Trưởng Ban Tổ chức Quận ủy"],"honorific":"đồng chí","titles_expanded":["Ủy viên Ban Thường vụ","Trưởng Ban Tổ chức Quận ủy"]}"#,
    );
}

#[test]
fn document() {
    let mut d = Document::new("nghị định", "30");
    check(
        fact(Payload::Document(d.clone())),
        r#"{"kind":"document","start":3,"end":9,"text":"abcdef","doc_type":"nghị định","number":"30"}"#,
    );
    d.symbol = Some("30/2020/NĐ-CP".into());
    d.year = Some(2020);
    d.issuer_code = Some("CP".into());
    d.issued_by = Some("Chính phủ".into());
    d.title = Some("về công tác văn thư".into());
    check(
        fact(Payload::Document(d)),
        r#"{"kind":"document","start":3,"end":9,"text":"abcdef","doc_type":"nghị định","number":"30","symbol":"30/2020/NĐ-CP","year":2020,"issuer_code":"CP","issued_by":"Chính phủ","title":"về công tác văn thư"}"#,
    );
}

#[test]
fn numeric_kinds() {
    let mut p = Percentage::new(143.8);
    check(
        fact(Payload::Percentage(p.clone())),
        r#"{"kind":"percentage","start":3,"end":9,"text":"abcdef","value":143.8}"#,
    );
    p.value = 98.0;
    p.qualifier = Some(Qualifier::Over);
    check(
        fact(Payload::Percentage(p)),
        r#"{"kind":"percentage","start":3,"end":9,"text":"abcdef","value":98,"qualifier":"over"}"#,
    );
    let mut r = Ratio::new(69.0, 48.0);
    r.unit = Some("đảng viên".into());
    check(
        fact(Payload::Ratio(r)),
        r#"{"kind":"ratio","start":3,"end":9,"text":"abcdef","achieved":69,"target":48,"percent":143.8,"unit":"đảng viên"}"#,
    );
    let mut m = Money::new(474_000_000.0, "VND");
    m.qualifier = Some(Qualifier::AtLeast);
    check(
        fact(Payload::Money(m)),
        r#"{"kind":"money","start":3,"end":9,"text":"abcdef","value":474000000,"currency":"VND","qualifier":"at_least"}"#,
    );
    let mut q = Quantity::new(90.0, "đại biểu");
    check(
        fact(Payload::Quantity(q.clone())),
        r#"{"kind":"quantity","start":3,"end":9,"text":"abcdef","value":90,"unit":"đại biểu"}"#,
    );
    q.qualifier = Some(Qualifier::AtMost);
    q.value = 1.5;
    check(
        fact(Payload::Quantity(q)),
        r#"{"kind":"quantity","start":3,"end":9,"text":"abcdef","value":1.5,"unit":"đại biểu","qualifier":"at_most"}"#,
    );
}

#[test]
fn gold_style_input_deserialises() {
    // Extra fields (anchor, optional) are ignored; numbers may be floats.
    let v = json!({"kind": "money", "start": 0, "end": 3, "text": "x", "anchor": "x", "optional": true,
                   "value": 1.2e9, "currency": "VND"});
    let f: Fact = serde_json::from_value(v).unwrap();
    assert_eq!(f.kind(), vntext::Kind::Money);
    let back: Value = serde_json::to_value(&f).unwrap();
    assert_eq!(back["value"], json!(1200000000));
}

#[test]
fn bad_values_are_errors() {
    for bad in [
        json!({"kind": "date", "start": 0, "end": 1, "text": "x", "value": "2023-02-30"}),
        json!({"kind": "date", "start": 0, "end": 1, "text": "x", "value": "2023-01-01", "time": "25:00"}),
        json!({"kind": "nope", "start": 0, "end": 1, "text": "x"}),
        json!({"kind": "percentage", "start": 0, "end": 1, "text": "x"}),
    ] {
        assert!(
            serde_json::from_value::<Fact>(bad.clone()).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn extracted_facts_serialise_with_original_offsets() {
    let text = "Tỷ lệ đạt\u{00A0}trên 98\u{00A0}%.";
    let facts = vntext::extract(text);
    let v = serde_json::to_value(&facts).unwrap();
    let f = &v[0];
    let (s, e) = (
        f["start"].as_u64().unwrap() as usize,
        f["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "trên 98\u{00A0}%");
    assert_eq!(f["text"], json!("trên 98\u{00A0}%"));
    assert_eq!(f["qualifier"], json!("over"));
}
