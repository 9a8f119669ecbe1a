//! Folding for search keys: diacritics stripped (`Đảng ủy` → `Dang uy`),
//! optionally lower-cased.
//!
//! Folding is defined as NFD, then removing every combining mark, then
//! mapping `đ Đ ð Ð` to `d D`, then NFC; so folding a text and folding its
//! decomposed form give the same key. Vietnamese and other Latin letters
//! take a table lookup; other scripts take the general route.

use std::sync::LazyLock;

use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
use unicode_normalization::UnicodeNormalization;

use super::letters;
use super::{Builder, Normalized, OffsetMap};

/// Folds `text` to a search key: diacritics stripped, case kept. Works on
/// decomposed text too.
///
/// ```
/// use vntext::normalize::fold;
///
/// assert_eq!(fold("Đảng ủy").as_str(), "Dang uy");
/// assert_eq!(fold("Đa\u{309}ng u\u{309}y").as_str(), "Dang uy");
/// assert!(fold("Dang uy").is_borrowed());
/// ```
pub fn fold(text: &str) -> Normalized<'_> {
    fold_with(text, true, false)
}

/// Folds `text`: `strip` removes diacritics, `lowercase` folds case.
///
/// ```
/// use vntext::normalize::fold_with;
///
/// assert_eq!(fold_with("Đảng ỦY", true, true).as_str(), "dang uy");
/// assert_eq!(fold_with("Đảng ỦY", false, true).as_str(), "đảng ủy");
/// ```
pub fn fold_with(text: &str, strip: bool, lowercase: bool) -> Normalized<'_> {
    match pass(text, strip, lowercase) {
        Some((s, map)) => Normalized::owned(s, map),
        None => Normalized::borrowed(text),
    }
}

const TABLE_START: u32 = 0xC0;
const TABLE_END: u32 = 0x250;
const EXT_START: u32 = 0x1E00;
const EXT_END: u32 = 0x1F00;

/// For Latin letters U+00C0–U+024F and U+1E00–U+1EFF: the ASCII letter they
/// decompose to (a base followed by combining marks only), or 0.
static LATIN: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let ranges = (TABLE_START..TABLE_END).chain(EXT_START..EXT_END);
    ranges
        .map(|cp| {
            let Some(c) = char::from_u32(cp) else {
                return 0;
            };
            let mut first = None;
            let mut rest_marks = true;
            decompose_canonical(c, |d| {
                if first.is_none() {
                    first = Some(d);
                } else if canonical_combining_class(d) == 0 {
                    rest_marks = false;
                }
            });
            match first {
                Some(f) if f.is_ascii_alphabetic() && f != c && rest_marks => f as u8,
                _ => 0,
            }
        })
        .collect()
});

/// The ASCII letter `c` folds to, if it is a Latin letter with diacritics
/// (or `đ Đ ð Ð`).
#[inline]
fn latin_base(c: char) -> Option<u8> {
    let cp = c as u32;
    let i = letters::info(c);
    if i.is_vowel() {
        let b = letters::BASES[usize::from(i.base() - 1)];
        let ascii = match b {
            'ă' | 'â' => b'a',
            'ê' => b'e',
            'ô' | 'ơ' => b'o',
            'ư' => b'u',
            _ => b as u8,
        };
        return Some(if i.is_upper() {
            ascii.to_ascii_uppercase()
        } else {
            ascii
        });
    }
    match c {
        'đ' | 'ð' => return Some(b'd'),
        'Đ' | 'Ð' => return Some(b'D'),
        _ => {}
    }
    let idx = if (TABLE_START..TABLE_END).contains(&cp) {
        cp - TABLE_START
    } else if (EXT_START..EXT_END).contains(&cp) {
        cp - EXT_START + (TABLE_END - TABLE_START)
    } else {
        return None;
    };
    match LATIN.get(idx as usize) {
        Some(&b) if b != 0 => Some(b),
        _ => None,
    }
}

#[inline]
fn is_mark(c: char) -> bool {
    !c.is_ascii() && canonical_combining_class(c) != 0
}

/// Folds `text`, or `None` when nothing changes.
pub(crate) fn pass(text: &str, strip: bool, lowercase: bool) -> Option<(String, OffsetMap)> {
    if !strip && !lowercase {
        return None;
    }
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut out: Option<Builder> = None;
    let mut buf = String::new();
    let mut i = 0;
    while i < n {
        let x = bytes[i];
        if x < 0x80 {
            if lowercase && x.is_ascii_uppercase() {
                let lower = [x.to_ascii_lowercase()];
                let s = std::str::from_utf8(&lower).unwrap_or("");
                builder(&mut out, n).replace(text, i, i + 1, s);
            }
            i += 1;
            continue;
        }
        let Some((c, len)) = letters::char_at(text, i) else {
            break;
        };
        if strip {
            if is_mark(c) {
                builder(&mut out, n).replace(text, i, i + len, "");
                i += len;
                continue;
            }
            if let Some(b) = latin_base(c) {
                let b = if lowercase { b.to_ascii_lowercase() } else { b };
                let one = [b];
                builder(&mut out, n).replace(
                    text,
                    i,
                    i + len,
                    std::str::from_utf8(&one).unwrap_or(""),
                );
                i += len;
                continue;
            }
            // Another script: the run of such chars and their marks goes
            // the general way.
            let mut e = i + len;
            while let Some((d, l)) = letters::char_at(text, e) {
                if d.is_ascii() || (!is_mark(d) && latin_base(d).is_some()) {
                    break;
                }
                e += l;
            }
            let run = &text[i..e];
            buf.clear();
            let stripped: String = run.nfd().filter(|&d| !is_mark(d)).collect();
            if lowercase {
                buf.extend(stripped.nfc().flat_map(char::to_lowercase));
            } else {
                buf.extend(stripped.nfc());
            }
            if buf != run {
                builder(&mut out, n).replace(text, i, e, &buf);
            }
            i = e;
            continue;
        }
        // Case only.
        if lowercase && c.is_uppercase() {
            buf.clear();
            buf.extend(c.to_lowercase());
            builder(&mut out, n).replace(text, i, i + len, &buf);
        }
        i += len;
    }
    out.map(|b| b.finish(text))
}

#[inline]
fn builder(out: &mut Option<Builder>, n: usize) -> &mut Builder {
    out.get_or_insert_with(|| Builder::with_capacity(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese() {
        assert_eq!(
            fold("Đảng ủy Khối Doanh nghiệp").as_str(),
            "Dang uy Khoi Doanh nghiep"
        );
        assert_eq!(fold("ĂÂÊÔƠƯĐ ăâêôơưđ").as_str(), "AAEOOUD aaeooud");
        for c in letters::vietnamese_letters() {
            let f = fold_with(&c.to_string(), true, false).as_str().to_string();
            assert!(f.len() == 1 && f.is_ascii(), "{c} -> {f}");
        }
    }

    #[test]
    fn other_scripts_and_marks() {
        assert_eq!(
            fold("Thổ Nhĩ Kỳ, Zoë, Ærø, Привет й").as_str(),
            "Tho Nhi Ky, Zoe, Ærø, Привет и"
        );
        assert_eq!(fold_with("Привет", true, true).as_str(), "привет");
        assert_eq!(fold("\u{301}a\u{323}").as_str(), "a");
    }

    #[test]
    fn map_points_back() {
        let t = "Đảng ủy";
        let f = fold(t);
        let at = f.as_str().find("uy").unwrap();
        let back = f.map().to_original(crate::Span::new(at, at + 2));
        assert_eq!(&t[back.range()], "ủy");
    }
}
