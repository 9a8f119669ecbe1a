//! `ratio` facts: an `x/y` figure, achieved against a target or a part of
//! a whole: `12/8 chi bộ`, `69/48 đảng viên mới`, `đạt 10/10 chỉ tiêu`,
//! `95/155 xã`, `hoàn thành 8/10`.
//!
//! `x/y` is a ratio when a counted noun or unit follows it (the unit of the
//! fact, as written, head only), or when a target verb stands before it
//! (`đạt`, `hoàn thành`, `vượt`, `thực hiện`, optionally with `được`) and it
//! cannot be a day and month (`hoàn thành 30/4` is a deadline).
//!
//! It is not a ratio when it reads as a date: a month and year (`4/2021`),
//! or after a word that introduces a date (`ngày`, `sáng`, `chiều`, `tối`,
//! `hôm`, `từ`, `đến`, `vào`, a weekday …). Nor after a label (`lớp 10/2`,
//! `số 38/6`), nor when glued to a code (`cat.347/348`). Document symbols
//! (`15/NQ-CP`) are tokens of their own and never reach here. `percent` is
//! achieved / target × 100, rounded to one decimal.

use super::number::parse_digits;
use super::quantity::{label_before, noun_at, Noun};
use super::{Candidate, Doc};
use crate::fact::{Payload, Ratio};
use crate::token::TokenKind;

/// Words that introduce a date just before `x/y`.
const DATE_BEFORE: &[&str] = &[
    "ngày",
    "hôm",
    "sáng",
    "trưa",
    "chiều",
    "tối",
    "đêm",
    "khuya",
    "nay",
    "mai",
    "mùng",
    "mồng",
    "dịp",
    "lễ",
    "phiên",
    "từ",
    "đến",
    "tới",
    "vào",
    "trước",
    "sau",
    "lúc",
    "hạn",
    "thứ",
    "tháng",
    "CN",
    "chủ nhật",
];

/// Verbs of achievement before `x/y` (`đạt 10/10`).
const TARGET_BEFORE: &[&str] = &["đạt", "hoàn thành", "vượt", "thực hiện"];

/// The two numbers of an `x/y` at token `i`: their values and the index
/// past them.
fn fraction_at(doc: &Doc<'_>, i: usize) -> Option<(f64, f64, usize)> {
    match doc.kind(i)? {
        TokenKind::DateLike => {
            let (x, y) = doc.s(i).split_once('/')?;
            if y.contains('/') {
                return None;
            }
            Some((parse_digits(x)?, parse_digits(y)?, i + 1))
        }
        TokenKind::Number => {
            // `1.200/1.500`: grouped digits make three tokens.
            if doc.is_punct(i + 1, "/")
                && !doc.space_before(i + 1)
                && !doc.space_before(i + 2)
                && doc.kind(i + 2) == Some(TokenKind::Number)
            {
                Some((parse_digits(doc.s(i))?, parse_digits(doc.s(i + 2))?, i + 3))
            } else {
                None
            }
        }
        _ => None,
    }
}

fn is_int_in(v: f64, lo: f64, hi: f64) -> bool {
    v.fract() == 0.0 && (lo..=hi).contains(&v)
}

/// Whether a word before token `i` makes `x/y` a date.
fn date_before(doc: &Doc<'_>, i: usize) -> bool {
    if i == 0 || doc.line_before(i) {
        return false;
    }
    if DATE_BEFORE
        .iter()
        .any(|w| doc.phrase_before(i, w).is_some())
    {
        return true;
    }
    // A weekday: `thứ Hai 12/8`, `Thứ 2, 12/8`.
    let mut j = i;
    if doc.is_punct(j - 1, ",") && j >= 2 {
        j -= 1;
    }
    j >= 2 && doc.is(j - 2, "thứ")
}

/// Whether a verb of achievement stands before token `i`.
fn target_before(doc: &Doc<'_>, i: usize) -> bool {
    if doc.line_before(i) {
        return false;
    }
    let i = if i > 0 && doc.is(i - 1, "được") {
        i - 1
    } else {
        i
    };
    TARGET_BEFORE
        .iter()
        .any(|w| doc.phrase_before(i, w).is_some())
}

pub(crate) fn find(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    let n = doc.len();
    for i in 0..n {
        if !matches!(doc.toks[i].kind, TokenKind::DateLike | TokenKind::Number) {
            continue;
        }
        let Some((x, y, end)) = fraction_at(doc, i) else {
            continue;
        };
        if y == 0.0
            || doc.glued_to_name(i)
            || (i > 0 && !doc.space_before(i) && !doc.is_punct(i - 1, "("))
        {
            continue;
        }
        // Part of a longer code or date: `12/8/`, `12/8-`.
        if end < n && !doc.space_before(end) && (doc.is_punct(end, "/") || doc.is_punct(end, "-")) {
            continue;
        }
        // A month and year: `4/2021`.
        if is_int_in(x, 1.0, 12.0) && is_int_in(y, 1900.0, 2100.0) {
            continue;
        }
        if date_before(doc, i) || label_before(doc, i) {
            continue;
        }
        let frac_end = end;
        // A counted noun: a unit of measure after `x/y` is a fraction of an
        // amount (`3/4 lượng điện`), not a count.
        let unit = noun_at(doc, frac_end).filter(|(k, _)| *k == Noun::Counted);
        let could_be_date = is_int_in(x, 1.0, 31.0) && is_int_in(y, 1.0, 12.0);
        let end = match unit {
            Some((_, e)) => e,
            None if target_before(doc, i) && (x <= y || !could_be_date) => frac_end,
            None => continue,
        };
        let mut fact = Ratio::new(x, y);
        if unit.is_some() {
            fact.unit = Some(doc.slice(frac_end, end).to_string());
        }
        out.push(Candidate::new(doc.span(i, end), Payload::Ratio(fact)));
    }
}

#[cfg(test)]
mod tests {
    use crate::fact::Payload;
    use crate::{Extractor, Kind};

    fn ratios(text: &str) -> Vec<(String, f64, f64, f64, Option<String>)> {
        Extractor::builder()
            .kinds(&[Kind::Ratio])
            .build()
            .extract(text)
            .into_iter()
            .map(|f| match f.payload() {
                Payload::Ratio(r) => (
                    f.text().to_string(),
                    r.achieved,
                    r.target,
                    r.percent,
                    r.unit.clone(),
                ),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn forms() {
        assert_eq!(
            ratios("thành lập 12/8 chi bộ đảng"),
            vec![(
                "12/8 chi bộ".into(),
                12.0,
                8.0,
                150.0,
                Some("chi bộ".into())
            )]
        );
        assert_eq!(
            ratios("kết nạp 69/48 đảng viên mới"),
            vec![(
                "69/48 đảng viên".into(),
                69.0,
                48.0,
                143.8,
                Some("đảng viên".into())
            )]
        );
        assert_eq!(ratios("đã hoàn thành 8/10.")[0].0, "8/10");
        assert_eq!(ratios("có 95/155 xã đạt chuẩn")[0].3, 61.3);
        assert_eq!(ratios("có 1.200/1.500 hộ")[0].0, "1.200/1.500 hộ");
    }

    #[test]
    fn not_ratios() {
        for t in [
            "Ngày 10/03/2023 họp",
            "sáng 9/3 người dân",
            "tháng 4/2021 bệnh nhân",
            "theo 15/NQ-CP",
            "dự kiến hoàn thành 30/4",
            "học sinh lớp 10/2 trường",
            "chiếm 1/3 dân số",
            "trực 24/24 giờ",
            "tỷ số 2/1",
            "Thứ Hai, 12/8 người",
        ] {
            assert!(ratios(t).is_empty(), "{t}: {:?}", ratios(t));
        }
    }
}
