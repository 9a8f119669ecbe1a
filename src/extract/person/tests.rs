//! Unit tests of the person extractor, on sentences written for them.

use crate::fact::Payload;
use crate::{Extractor, Kind};

/// (name, titles, honorific) of each person in `text`.
fn people(text: &str) -> Vec<(String, Vec<String>, Option<String>)> {
    Extractor::builder()
        .kinds(&[Kind::Person])
        .build()
        .extract(text)
        .into_iter()
        .map(|f| match f.payload() {
            Payload::Person(p) => (p.name.clone(), p.titles.clone(), p.honorific.clone()),
            _ => unreachable!(),
        })
        .collect()
}

fn one(
    name: &str,
    titles: &[&str],
    honorific: Option<&str>,
) -> (String, Vec<String>, Option<String>) {
    (
        name.to_string(),
        titles.iter().map(|t| t.to_string()).collect(),
        honorific.map(String::from),
    )
}

#[test]
fn titles_after_a_dash_and_commas() {
    assert_eq!(
        people("Dự có đồng chí Ngô Văn Bình - Phó Bí thư Thường trực Quận ủy; đồng chí Vũ Thị Lan - UVTV, Trưởng Ban Tổ chức Quận ủy; đại diện các ban."),
        vec![
            one("Ngô Văn Bình", &["Phó Bí thư Thường trực Quận ủy"], Some("đồng chí")),
            one("Vũ Thị Lan", &["UVTV", "Trưởng Ban Tổ chức Quận ủy"], Some("đồng chí")),
        ]
    );
}

#[test]
fn a_title_stops_where_the_clause_goes_on() {
    assert_eq!(
        people("Đồng chí Đỗ Thị Mai - Bí thư Đảng ủy Khối Doanh nghiệp Quận trình bày báo cáo."),
        vec![one(
            "Đỗ Thị Mai",
            &["Bí thư Đảng ủy Khối Doanh nghiệp Quận"],
            Some("Đồng chí")
        )]
    );
    assert_eq!(
        people("Chủ tịch UBND tỉnh Lê Văn Hùng có buổi làm việc với huyện."),
        vec![one("Lê Văn Hùng", &["Chủ tịch UBND tỉnh"], None)]
    );
    assert_eq!(
        people("Theo ông Phan Minh Đức, Giám đốc Sở Y tế, cho biết."),
        vec![one("Phan Minh Đức", &["Giám đốc Sở Y tế"], Some("ông"))]
    );
}

#[test]
fn titles_in_parentheses_and_foreign_names() {
    assert_eq!(
        people("HĐQT gồm ông Kenji Tanaka (Chủ tịch HĐQT), bà Hà Thị Thu (thành viên độc lập)."),
        vec![
            one("Kenji Tanaka", &["Chủ tịch HĐQT"], Some("ông")),
            one("Hà Thị Thu", &["thành viên độc lập"], Some("bà")),
        ]
    );
    assert_eq!(
        people("Tổng thống Mỹ John Smith tiếp đoàn."),
        vec![one("John Smith", &["Tổng thống Mỹ"], None)]
    );
}

#[test]
fn not_a_person_in_streets_schools_places() {
    assert!(people("Cửa hàng ở đường Nguyễn Văn Cừ, gần trường THPT Lê Quý Đôn.").is_empty());
    assert!(
        people("Học tập tư tưởng, đạo đức, phong cách Hồ Chí Minh tại TP Hồ Chí Minh.").is_empty()
    );
    assert!(people("Khách sạn số 12 Trần Hưng Đạo.").is_empty());
}

#[test]
fn a_title_head_makes_a_person_of_a_place_name() {
    assert_eq!(
        people("Đoàn viếng Chủ tịch Hồ Chí Minh."),
        vec![one("Hồ Chí Minh", &["Chủ tịch"], None)]
    );
}

#[test]
fn short_and_title_only_mentions() {
    assert_eq!(
        people("Theo ông Bình, việc này cần làm ngay."),
        vec![one("Bình", &[], Some("ông"))]
    );
    assert_eq!(
        people("Ý kiến của đồng chí Phó Bí thư Thường trực Quận ủy, trong thời gian tới."),
        vec![one(
            "",
            &["Phó Bí thư Thường trực Quận ủy"],
            Some("đồng chí")
        )]
    );
    // A group is no one.
    assert!(people("Dự có các đồng chí Ủy viên Ban Chấp hành Đảng bộ.").is_empty());
}

#[test]
fn a_bare_full_name() {
    assert_eq!(
        people("Theo Nguyễn Văn An, số liệu đã đủ."),
        vec![one("Nguyễn Văn An", &[], None)]
    );
    // Two syllables alone are too weak.
    assert!(people("Đến Hà Nam, đoàn làm việc.").is_empty());
}

#[test]
fn expansions() {
    let facts = Extractor::builder()
        .kinds(&[Kind::Person])
        .build()
        .extract("Có đồng chí Lý Văn Tâm - QUV, Chủ tịch UBND phường.");
    let Payload::Person(p) = facts[0].payload() else {
        unreachable!()
    };
    assert_eq!(
        p.titles_expanded.as_deref(),
        Some(
            &[
                "Quận ủy viên".to_string(),
                "Chủ tịch Ủy ban nhân dân phường".to_string()
            ][..]
        )
    );
}
