//! Vietnamese numbers: digits with `.` grouping and `,` decimals, and
//! magnitude words.
//!
//! `.` groups thousands and `,` marks decimals (`1.234,5` → 1234.5,
//! `143,8` → 143.8). English-style forms that some outlets use are decided by
//! shape: several `,` groups of three digits (`1,234,567`) group thousands,
//! and a single `.` followed by anything but three digits (`2.5`) is a
//! decimal point. A single `.` followed by exactly three digits (`1.234`) is
//! read the Vietnamese way, as 1234.
//!
//! ```
//! use vntext::number::parse_digits;
//!
//! assert_eq!(parse_digits("143,8"), Some(143.8));
//! assert_eq!(parse_digits("1.234.567"), Some(1234567.0));
//! assert_eq!(parse_digits("1.234,5"), Some(1234.5));
//! assert_eq!(parse_digits("05"), Some(5.0));
//! assert_eq!(parse_digits("2.5"), Some(2.5));
//! assert_eq!(parse_digits("1,234,567"), Some(1234567.0));
//! assert_eq!(parse_digits("12/8"), None);
//! ```

// Used by the numeric extractors as they are filled in.
#![allow(dead_code)]

use super::Doc;
use crate::token::TokenKind;

/// Parses a number written in digits, Vietnamese style; see the module docs.
/// Returns `None` for anything else.
pub fn parse_digits(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() || !b[b.len() - 1].is_ascii_digit() {
        return None;
    }
    if !b
        .iter()
        .all(|c| c.is_ascii_digit() || *c == b'.' || *c == b',')
    {
        return None;
    }
    let dots = b.iter().filter(|&&c| c == b'.').count();
    let commas = b.iter().filter(|&&c| c == b',').count();
    let groups_of_three = |sep: char, part: &str| -> bool {
        let mut it = part.split(sep);
        let first = it.next().unwrap_or("");
        !first.is_empty() && first.len() <= 3 && it.all(|g| g.len() == 3)
    };
    let (int, frac): (String, &str) = match (dots, commas) {
        (0, 0) => (s.to_string(), ""),
        (_, 0) => {
            if groups_of_three('.', s) {
                (s.replace('.', ""), "")
            } else if dots == 1 {
                let (i, f) = s.split_once('.')?;
                (i.to_string(), f)
            } else {
                return None;
            }
        }
        (0, 1) => {
            let (i, f) = s.split_once(',')?;
            (i.to_string(), f)
        }
        (0, _) => {
            if groups_of_three(',', s) {
                (s.replace(',', ""), "")
            } else {
                return None;
            }
        }
        (_, _) => {
            // Both: the last separator is the decimal mark.
            let last = s.rfind(['.', ','])?;
            let (i, f) = (&s[..last], &s[last + 1..]);
            let grouping = if s.as_bytes()[last] == b',' { '.' } else { ',' };
            if i.contains(s.as_bytes()[last] as char) || !groups_of_three(grouping, i) {
                return None;
            }
            (i.replace(grouping, ""), f)
        }
    };
    let text = if frac.is_empty() {
        int
    } else {
        format!("{int}.{frac}")
    };
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Magnitude words and their values.
const MAGNITUDES: &[(&str, f64)] = &[
    ("nghìn tỷ", 1e12),
    ("ngàn tỷ", 1e12),
    ("nghìn tỉ", 1e12),
    ("ngàn tỉ", 1e12),
    ("chục", 10.0),
    ("trăm", 100.0),
    ("nghìn", 1e3),
    ("ngàn", 1e3),
    ("vạn", 1e4),
    ("triệu", 1e6),
    ("tỷ", 1e9),
    ("tỉ", 1e9),
];

/// A number read from the tokens of a document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Num {
    pub value: f64,
    /// Index of the first token.
    pub start: usize,
    /// Index just past the last token.
    pub end: usize,
}

/// Reads a number at token `i`: digits, optionally followed by magnitude
/// words (`474 triệu`, `1,2 tỷ`, `30 nghìn tỷ`).
pub(crate) fn number_at(doc: &Doc<'_>, i: usize) -> Option<Num> {
    if doc.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    if doc.glued_to_name(i) {
        return None;
    }
    let mut value = parse_digits(doc.s(i))?;
    let mut end = i + 1;
    if let Some((m, j)) = magnitude_at(doc, end) {
        value *= m;
        end = j;
    }
    Some(Num {
        value,
        start: i,
        end,
    })
}

/// A magnitude word at token `i` and the index past it.
pub(crate) fn magnitude_at(doc: &Doc<'_>, i: usize) -> Option<(f64, usize)> {
    MAGNITUDES
        .iter()
        .find_map(|&(w, m)| doc.phrase_at(i, w).map(|j| (m, j)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits() {
        let cases = [
            ("0", Some(0.0)),
            ("98", Some(98.0)),
            ("0,5", Some(0.5)),
            ("89,5", Some(89.5)),
            ("10.000", Some(10000.0)),
            ("1.234.567,89", Some(1234567.89)),
            ("1,234.5", Some(1234.5)),
            ("1.2.3", None),
            ("1,2,3", None),
            ("", None),
            ("1.", None),
            (",5", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_digits(s), want, "{s}");
        }
    }
}
