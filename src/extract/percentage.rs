//! `percentage` facts: `98%`, `143,8 %`, `98 phần trăm`, `trên 98%`,
//! `11,5 - 12,4%`, `năm mươi phần trăm`.
//!
//! A percentage is a number followed by `%` (glued or after a space) or by the
//! words `phần trăm`; before `phần trăm` the number may be written in words. A qualifier written before it (`trên`, `không quá` …)
//! joins the fact. A range (`5-7%`, `11,5 - 12,4%`) is one fact whose value is
//! its upper bound. Percentage points (`2 điểm phần trăm`) are not
//! percentages.

use super::number::{parse_digits, words_at, Num};
use super::{qualifier_before, Candidate, Doc};
use crate::fact::{Payload, Percentage, Qualifier};
use crate::token::TokenKind;

pub(crate) fn find(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    let n = doc.len();
    let mut i = 0;
    while i < n {
        let Some((num, end)) = percent_at(doc, i) else {
            i += 1;
            continue;
        };
        let mut start = num.start;
        // A range: "11,5 - 12,4%", "5-7%": the lower bound is a bare number.
        if start >= 2
            && doc.is_punct(start - 1, "-")
            && doc.kind(start - 2) == Some(TokenKind::Number)
            && parse_digits(doc.s(start - 2)).is_some_and(|lo| lo <= num.value)
            && !doc.line_before(start - 1)
        {
            start -= 2;
        }
        let mut qualifier = None;
        if let Some((q_start, q)) = qualifier_before(doc, start) {
            // "vượt 150% kế hoạch" reaches 150 % of the plan; it does not
            // exceed 150 %.
            let of_plan = doc.phrase_at(end, "kế hoạch").is_some()
                || doc.phrase_at(end, "chỉ tiêu").is_some();
            if !(q == Qualifier::Over && doc.is(q_start, "vượt") && of_plan) {
                qualifier = Some(q);
                start = q_start;
            }
        }
        let mut fact = Percentage::new(num.value);
        fact.qualifier = qualifier;
        out.push(Candidate::new(
            doc.span(start, end),
            Payload::Percentage(fact),
        ));
        i = end;
    }
}

/// A percentage whose number is at token `i`: the number and the index past
/// the sign or words.
fn percent_at(doc: &Doc<'_>, i: usize) -> Option<(Num, usize)> {
    let tok = doc.toks.get(i)?;
    let kind = tok.kind;
    // A number, or a word that may be `phần` (six bytes, a `p`): one test
    // on the token, without short-circuits, so that the common "no" costs
    // one well-predicted branch whatever the mix of tokens.
    let first = doc
        .text
        .as_bytes()
        .get(tok.start as usize)
        .copied()
        .unwrap_or(0);
    let maybe_phan = matches!(kind, TokenKind::Word(_))
        & (tok.end.wrapping_sub(tok.start) == "phần".len() as u32)
        & ((first | 0x20) == b'p');
    if !(matches!(kind, TokenKind::Percent | TokenKind::Number) | maybe_phan) {
        return None;
    }
    if doc.glued_to_name(i) {
        return None;
    }
    match kind {
        TokenKind::Word(_) => {
            // `năm mươi phần trăm`: at `phần trăm`, the number in words
            // that ends just before it.
            let end = doc.phrase_at(i, "phần trăm")?;
            let num = words_before(doc, i)?;
            Some((num, end))
        }
        TokenKind::Percent => {
            let s = doc.s(i);
            let value = parse_digits(&s[..s.len() - 1])?;
            Some((
                Num {
                    value,
                    start: i,
                    end: i + 1,
                    words: false,
                    bare: false,
                },
                i + 1,
            ))
        }
        TokenKind::Number => {
            // The sign or words first: most numbers are not percentages.
            let end = if doc.is_punct(i + 1, "%") && !doc.line_before(i + 1) {
                i + 2
            } else {
                doc.phrase_at(i + 1, "phần trăm")?
            };
            let value = parse_digits(doc.s(i))?;
            let num = Num {
                value,
                start: i,
                end: i + 1,
                words: false,
                bare: false,
            };
            Some((num, end))
        }
        _ => None,
    }
}

/// The longest number in words ending just before token `i`, within a few
/// words on the same line.
fn words_before(doc: &Doc<'_>, i: usize) -> Option<Num> {
    const WINDOW: usize = 10;
    if i == 0 || doc.line_before(i) {
        return None;
    }
    let mut first = i - 1;
    while first > i.saturating_sub(WINDOW)
        && !doc.line_before(first)
        && doc.kind(first - 1).is_some_and(TokenKind::is_word)
    {
        first -= 1;
    }
    (first..i).find_map(|k| words_at(doc, k).filter(|n| n.end == i))
}

#[cfg(test)]
mod tests {
    use crate::fact::{Payload, Qualifier};
    use crate::{Extractor, Kind};

    fn pct(text: &str) -> Vec<(String, f64, Option<Qualifier>)> {
        Extractor::builder()
            .kinds(&[Kind::Percentage])
            .build()
            .extract(text)
            .into_iter()
            .map(|f| match f.payload() {
                Payload::Percentage(p) => (f.text().to_string(), p.value, p.qualifier),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn forms() {
        assert_eq!(pct("đạt 98%"), vec![("98%".into(), 98.0, None)]);
        assert_eq!(
            pct("đạt 143,8 % kế hoạch"),
            vec![("143,8 %".into(), 143.8, None)]
        );
        assert_eq!(pct("tăng (89,5%)"), vec![("89,5%".into(), 89.5, None)]);
        assert_eq!(
            pct("bằng năm mươi phần trăm thu nhập"),
            vec![("năm mươi phần trăm".into(), 50.0, None)]
        );
        assert_eq!(
            pct("giảm mười lăm phần trăm"),
            vec![("mười lăm phần trăm".into(), 15.0, None)]
        );
        assert_eq!(
            pct("chiếm 98 phần trăm"),
            vec![("98 phần trăm".into(), 98.0, None)]
        );
        assert_eq!(
            pct("tỷ lệ trên 98%"),
            vec![("trên 98%".into(), 98.0, Some(Qualifier::Over))]
        );
        assert_eq!(
            pct("không vượt quá 20%"),
            vec![("không vượt quá 20%".into(), 20.0, Some(Qualifier::AtMost))]
        );
        assert_eq!(
            pct("tăng 11,5 - 12,4%"),
            vec![("11,5 - 12,4%".into(), 12.4, None)]
        );
        assert_eq!(
            pct("vượt 150% kế hoạch"),
            vec![("150%".into(), 150.0, None)]
        );
    }

    #[test]
    fn not_percentages() {
        assert!(pct("đại dịch Covid-19 % và % còn lại").is_empty());
        assert!(pct("tăng 2 điểm phần trăm").is_empty());
        assert!(pct("98\n%").is_empty());
    }
}
