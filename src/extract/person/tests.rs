use crate::fact::Payload;
use crate::{Extractor, Kind};

/// (text, name, titles, honorific) of each person in `text`.
fn people(text: &str) -> Vec<(String, String, Vec<String>, Option<String>)> {
    Extractor::builder()
        .kinds(&[Kind::Person])
        .build()
        .extract(text)
        .into_iter()
        .map(|f| match f.payload() {
            Payload::Person(p) => (
                f.text().to_string(),
                p.name.clone(),
                p.titles.clone(),
                p.honorific.clone(),
            ),
            _ => unreachable!(),
        })
        .collect()
}

#[test]
fn smoke() {
    for t in [
        "Dự có đồng chí Ngô Văn Bình - Phó Bí thư Thường trực Quận ủy; đồng chí Vũ Thị Lan - UVTV, Trưởng Ban Tổ chức Quận ủy; đại diện.",
        "Chủ tịch UBND tỉnh Lê Văn Hùng có buổi làm việc với huyện.",
        "Theo ông Nguyễn Văn A, Giám đốc Sở Y tế, cho biết.",
    ] {
        eprintln!("{t}\n  {:?}", people(t));
    }
}

#[test]
fn dbg_title() {
    let text = "Chủ tịch UBND tỉnh Lê Văn Hùng có buổi làm việc với huyện.";
    let mut toks = Vec::new();
    crate::token::scan_into(text, &mut toks);
    let ctx = crate::extract::Context::default();
    let doc = crate::extract::Doc::new(text, &toks, &ctx);
    let mut keys = Vec::new();
    super::lex::keys_into(&doc, &mut keys);
    let p = super::Parser { doc: &doc, keys: &keys, lex: &super::LEX };
    let t = p.title(0, super::Mode::Before).map(|t| (t.start, t.end, t.name));
    eprintln!("title {:?}", t);
    eprintln!("mention {:?}", p.mention_at(0).map(|m| (m.start, m.end, m.name, m.titles)));
}
