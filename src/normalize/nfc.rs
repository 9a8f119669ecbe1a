//! Unicode NFC: a quick per-character test for the scripts of Vietnamese
//! news, an exact local check for everything else, and a pass that composes
//! one normalisation segment at a time so the offset map stays precise.
//!
//! U+0080–U+02FF, U+1E00–U+1EFF and U+2002–U+206F are NFC-stable: no
//! character there changes under NFC or composes with what precedes it
//! (checked against the UCD in a test). Combining marks and other scripts
//! get an exact check of the segment around them.

use std::iter;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc, is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::letters;
use super::{Builder, OffsetMap};

/// How far the quick check looks for the start or end of a segment, in
/// chars. Longer runs of combining marks count as unnormalised and go to
/// the pass, which has no limit.
const SEGMENT_REACH: usize = 32;

/// Whether the code point is in a range where every char is NFC-stable.
#[inline]
pub(crate) fn fast_stable(cp: u32) -> bool {
    cp < 0x300 || (0x1E00..0x1F00).contains(&cp) || (0x2002..0x2070).contains(&cp)
}

/// Whether `c` neither changes under NFC nor composes with what precedes
/// it, and has combining class 0.
#[inline]
fn is_inert(c: char) -> bool {
    fast_stable(c as u32)
        || (canonical_combining_class(c) == 0 && is_nfc_quick(iter::once(c)) == IsNormalized::Yes)
}

/// Where the segment holding the char at `i` starts: at the last inert char
/// at or before it. `None` when that is more than `reach` chars back.
fn segment_start(text: &str, i: usize, reach: usize) -> Option<usize> {
    let mut start = i;
    for _ in 0..=reach {
        let (c, _) = letters::char_at(text, start)?;
        if start == 0 || is_inert(c) {
            return Some(start);
        }
        start = letters::char_before(text, start)?.1;
    }
    None
}

/// Where the segment holding the char at `i` ends: at the first inert char
/// after it. `None` when that is more than `reach` chars ahead.
fn segment_end(text: &str, i: usize, reach: usize) -> Option<usize> {
    let (_, len) = letters::char_at(text, i)?;
    let mut end = i + len;
    for _ in 0..=reach {
        match letters::char_at(text, end) {
            None => return Some(end),
            Some((c, _)) if is_inert(c) => return Some(end),
            Some((_, len)) => end += len,
        }
    }
    None
}

/// Whether the char at `i` (a boundary) is in NFC where it stands.
pub(crate) fn stable_at(text: &str, i: usize) -> bool {
    let Some((c, _)) = letters::char_at(text, i) else {
        return true;
    };
    if is_inert(c) {
        return true;
    }
    match (
        segment_start(text, i, SEGMENT_REACH),
        segment_end(text, i, SEGMENT_REACH),
    ) {
        (Some(s), Some(e)) => is_nfc(&text[s..e]),
        _ => false,
    }
}

const MARK_GRAVE: char = '\u{300}';
const MARK_ACUTE: char = '\u{301}';
const MARK_CIRCUMFLEX: char = '\u{302}';
const MARK_TILDE: char = '\u{303}';
const MARK_BREVE: char = '\u{306}';
const MARK_HOOK: char = '\u{309}';
const MARK_HORN: char = '\u{31B}';
const MARK_DOT: char = '\u{323}';

/// Composes a Vietnamese vowel written as a toneless base and at most one
/// shape mark and one tone mark, the way NFC would; `None` for anything
/// else (then the general algorithm runs).
pub(crate) fn compose_vietnamese(seg: &str) -> Option<char> {
    let mut chars = seg.chars();
    let first = chars.next()?;
    compose_marks(first, chars)
}

/// [`compose_vietnamese`] of `first` and the marks after it.
pub(crate) fn compose_marks(first: char, marks: impl Iterator<Item = char>) -> Option<char> {
    use letters::base::*;
    let chars = marks;
    let i = letters::info(first);
    if !i.is_vowel() || i.tone() != 0 {
        return None;
    }
    let mut b = i.base();
    let mut tone = 0u8;
    let mut shaped = false;
    for m in chars {
        let t = match m {
            MARK_GRAVE => 1,
            MARK_ACUTE => 2,
            MARK_HOOK => 3,
            MARK_TILDE => 4,
            MARK_DOT => 5,
            _ => 0,
        };
        if t != 0 {
            if tone != 0 {
                return None;
            }
            tone = t;
            continue;
        }
        // A shape mark of class 230 after a tone mark of class 230 does not
        // compose under NFC: leave that to the general algorithm.
        let blocked = tone != 0 && tone != 5;
        b = match (b, m, shaped) {
            (A, MARK_CIRCUMFLEX, false) if !blocked => AA,
            (A, MARK_BREVE, false) if !blocked => AW,
            (E, MARK_CIRCUMFLEX, false) if !blocked => EE,
            (O, MARK_CIRCUMFLEX, false) if !blocked => OO,
            (O, MARK_HORN, false) => OW,
            (U, MARK_HORN, false) => UW,
            _ => return None,
        };
        shaped = true;
    }
    Some(letters::vowel(b, tone, i.is_upper()))
}

/// Composes `text` to NFC, or `None` when it already is.
pub(crate) fn pass(text: &str) -> Option<(String, OffsetMap)> {
    let b = text.as_bytes();
    let n = b.len();
    let mut out: Option<Builder> = None;
    let mut buf = String::new();
    let mut i = 0;
    while i < n {
        let x = b[i];
        // ASCII, continuation bytes and the lead bytes of U+0080-U+02FF:
        // nothing to compose. Latin Extended Additional (E1 B8-BB) neither.
        if x < 0xCC || (x == 0xE1 && matches!(b.get(i + 1), Some(0xB8..=0xBB))) {
            i += 1;
            continue;
        }
        let (cp, len) = letters::decode_at(b, i);
        if fast_stable(cp) || char::from_u32(cp).is_some_and(is_inert) {
            i += len;
            continue;
        }
        // The segment around the first char that may not be stable.
        let done = out.as_ref().map_or(0, Builder::pos);
        let s = segment_start(text, i, SEGMENT_REACH).map_or(done, |s| s.max(done));
        let e = segment_end(text, i, usize::MAX).unwrap_or(n);
        let seg = &text[s..e];
        buf.clear();
        match compose_vietnamese(seg) {
            Some(v) => buf.push(v),
            None => buf.extend(seg.nfc()),
        }
        if buf != seg {
            out.get_or_insert_with(|| Builder::with_capacity(n))
                .replace(text, s, e, &buf);
        }
        i = e;
    }
    out.map(|bld| bld.finish(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_ranges_hold() {
        for cp in (0x80..0x300).chain(0x1E00..0x1F00).chain(0x2002..0x2070) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let s = c.to_string();
            assert!(is_nfc(&s), "{cp:X}");
            assert_eq!(canonical_combining_class(c), 0, "{cp:X}");
            assert_eq!(is_nfc_quick(iter::once(c)), IsNormalized::Yes, "{cp:X}");
        }
    }

    #[test]
    fn composes_like_the_reference() {
        let bases = ["a", "A", "e", "o", "u", "y", "i", "ơ", "â", "n", "ó"];
        let marks = [
            MARK_GRAVE,
            MARK_ACUTE,
            MARK_CIRCUMFLEX,
            MARK_TILDE,
            MARK_BREVE,
            MARK_HOOK,
            MARK_HORN,
            MARK_DOT,
        ];
        let mut seqs = vec![String::new()];
        for _ in 0..3 {
            let mut next = Vec::new();
            for s in &seqs {
                for m in marks {
                    let mut t = s.clone();
                    t.push(m);
                    next.push(t);
                }
            }
            seqs.extend(next);
        }
        for bse in bases {
            for ms in &seqs {
                let t = format!("x{bse}{ms}y");
                let want: String = t.nfc().collect();
                let got = pass(&t).map_or(t.clone(), |(s, _)| s);
                assert_eq!(got, want, "{:?}", t);
                assert_eq!(
                    stable_at(&t, 1 + bse.len()) || ms.is_empty(),
                    is_nfc(&t) || ms.is_empty()
                );
            }
        }
    }

    #[test]
    fn other_scripts() {
        for t in [
            "\u{1100}\u{1161}",
            "\u{2126} \u{212A}",
            "\u{37E}",
            "x\u{2000}y",
            "\u{F900}",
            "a\u{301}\u{301}\u{301}",
        ] {
            let want: String = t.nfc().collect();
            assert_eq!(pass(t).map_or(t.to_string(), |(s, _)| s), want, "{t:?}");
        }
        assert!(pass("Привет, 你好, Việt Nam").is_none());
    }
}
