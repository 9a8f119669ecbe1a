//! Character helpers for Vietnamese: tone marks apart from letters, case, and
//! word comparison that ignores case and tone placement.

use std::sync::LazyLock;

/// The six tones: none, huyền (grave), sắc (acute), hỏi (hook), ngã (tilde),
/// nặng (dot below).
pub(crate) const TONE_ROWS: [&str; 12] = [
    "aàáảãạ",
    "ăằắẳẵặ",
    "âầấẩẫậ",
    "eèéẻẽẹ",
    "êềếểễệ",
    "iìíỉĩị",
    "oòóỏõọ",
    "ôồốổỗộ",
    "ơờớởỡợ",
    "uùúủũụ",
    "ưừứửữự",
    "yỳýỷỹỵ",
];

const TABLE_START: u32 = 0xC0;
const TABLE_END: u32 = 0x1EFA;

/// For each char in `TABLE_START..TABLE_END`: its lower-case toneless base and
/// its tone (0–5); other chars there map to their lower case and tone 0.
static TONE_TABLE: LazyLock<Vec<(char, u8)>> = LazyLock::new(|| {
    let mut t: Vec<(char, u8)> = (TABLE_START..TABLE_END)
        .map(|u| (char::from_u32(u).map_or('\0', lower), 0))
        .collect();
    for row in TONE_ROWS {
        let base = row.chars().next().unwrap_or('\0');
        for (tone, c) in row.chars().enumerate() {
            for v in [c, c.to_uppercase().next().unwrap_or(c)] {
                if let Some(slot) = (v as u32)
                    .checked_sub(TABLE_START)
                    .and_then(|i| t.get_mut(i as usize))
                {
                    *slot = (base, tone as u8);
                }
            }
        }
    }
    t
});

/// Lower-cases `c` (one char to one char, which holds for Vietnamese).
#[inline]
pub(crate) fn lower(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// The lower-case letter without its tone mark, and the tone (0 = none).
/// `ẩ` → (`â`, 3), `Đ` → (`đ`, 0), `b` → (`b`, 0).
#[inline]
pub(crate) fn split_tone(c: char) -> (char, u8) {
    if c.is_ascii() {
        return (c.to_ascii_lowercase(), 0);
    }
    let u = c as u32;
    if (TABLE_START..TABLE_END).contains(&u) {
        if let Some(&(base, tone)) = TONE_TABLE.get((u - TABLE_START) as usize) {
            if base != '\0' {
                return (base, tone);
            }
        }
    }
    (lower(c), 0)
}

/// Whether `word` equals `lit`, ignoring case and where the tone mark sits
/// (`uỷ` = `ủy`, `Hoà` = `hòa`). Both are compared syllable by syllable;
/// whitespace in `lit` matches any single whitespace run in `word`.
pub(crate) fn eq_word(word: &str, lit: &str) -> bool {
    // Most calls compare a token with a word it is not, and most such
    // pairs already differ in their first bytes, both ASCII: the answer
    // the loop below gives at its first step, without decoding.
    if let (Some(&x), Some(&y)) = (word.as_bytes().first(), lit.as_bytes().first()) {
        if x.is_ascii()
            && y.is_ascii()
            && !((x as char).is_whitespace() && (y as char).is_whitespace())
            && !x.eq_ignore_ascii_case(&y)
        {
            return false;
        }
    }
    let mut a = word.chars().peekable();
    let mut b = lit.chars().peekable();
    let (mut ta, mut tb) = (0u8, 0u8);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return ta == tb,
            (Some(x), Some(y)) => {
                if x.is_whitespace() && y.is_whitespace() {
                    if ta != tb {
                        return false;
                    }
                    ta = 0;
                    tb = 0;
                    while a.peek().is_some_and(|c| c.is_whitespace()) {
                        a.next();
                    }
                    while b.peek().is_some_and(|c| c.is_whitespace()) {
                        b.next();
                    }
                    continue;
                }
                let (bx, tx) = split_tone(x);
                let (by, ty) = split_tone(y);
                if bx != by {
                    return false;
                }
                if tx != 0 {
                    ta = tx;
                }
                if ty != 0 {
                    tb = ty;
                }
            }
            _ => return false,
        }
    }
}

/// The case of a letter in the blocks Vietnamese is written in, without the
/// generic Unicode tables: `Some(true)` upper, `Some(false)` lower, `None`
/// when `c` lies outside the fast ranges (or is no cased letter there).
#[inline]
pub(crate) const fn fast_case(u: u32) -> Option<bool> {
    match u {
        0xC0..=0xDE if u != 0xD7 => Some(true),
        0xDF..=0xFF if u != 0xF7 => Some(false),
        // Latin Extended-A: pairs upper/lower, shifted by one in two stretches.
        0x100..=0x137 | 0x14A..=0x177 => Some(u % 2 == 0),
        0x139..=0x148 | 0x179..=0x17E => Some(u % 2 == 1),
        0x138 | 0x149 | 0x17F => Some(false),
        0x178 => Some(true),
        // ơ, ư and their capitals (Latin Extended-B).
        0x1A0 | 0x1AF => Some(true),
        0x1A1 | 0x1B0 => Some(false),
        // Latin Extended Additional, the Vietnamese block U+1EA0–U+1EF9 included.
        0x1E96..=0x1E9D => Some(false),
        0x1E00..=0x1EFF => Some(u % 2 == 0),
        _ => None,
    }
}

/// Whether `c` is an upper-case letter (including `Đ`).
#[inline]
pub(crate) fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else if let Some(up) = fast_case(c as u32) {
        up
    } else {
        c.is_uppercase()
    }
}

/// Whether `c` is a lower-case letter.
#[inline]
pub(crate) fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else if let Some(up) = fast_case(c as u32) {
        !up
    } else {
        c.is_lowercase()
    }
}

/// Whether `c` is a letter or a combining mark that belongs to a word.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    let u = c as u32;
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if fast_case(u).is_some() || matches!(u, 0x0300..=0x036F | 0xAA | 0xBA | 0xB5) {
        true
    } else if u < 0x100 {
        false
    } else {
        c.is_alphabetic() || is_mark(c)
    }
}

/// Whether `c` is a combining mark (as in decomposed Vietnamese).
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    let u = c as u32;
    if u < 0x300 {
        return false;
    }
    matches!(u, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
        || (!matches!(u, 0x1E00..=0x1EFF) && unicode_normalization::char::is_combining_mark(c))
}

/// What a char is to the word scanner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Letter {
    /// An upper-case letter.
    Upper,
    /// A lower-case letter.
    Lower,
    /// A letter without case.
    Uncased,
    /// A combining mark.
    Mark,
    /// Not part of a word.
    None,
}

/// [`Letter`] of U+0000–U+017F (ASCII, Latin-1, Latin Extended-A), built
/// at compile time.
static LATIN: [Letter; 0x180] = {
    let mut t = [Letter::None; 0x180];
    let mut u = 0;
    while u < 0x180 {
        t[u] = match u as u8 {
            b'a'..=b'z' if u < 0x80 => Letter::Lower,
            b'A'..=b'Z' if u < 0x80 => Letter::Upper,
            _ => match fast_case(u as u32) {
                Some(true) => Letter::Upper,
                Some(false) => Letter::Lower,
                None if u == 0xAA || u == 0xBA => Letter::Lower,
                None if u == 0xB5 => Letter::Lower,
                None => Letter::None,
            },
        };
        u += 1;
    }
    t
};

/// [`is_word_char`], [`is_upper`], [`is_lower`] and [`is_mark`] in one call,
/// on a code point (`Letter::None` when `u` is no char).
#[inline(always)]
pub(crate) fn letter_of(u: u32) -> Letter {
    if let Some(&l) = LATIN.get(u as usize) {
        return l;
    }
    if let 0x1E00..=0x1EFF = u {
        return if u % 2 == 0 && !matches!(u, 0x1E96..=0x1E9D) {
            Letter::Upper
        } else {
            Letter::Lower
        };
    }
    match fast_case(u) {
        Some(true) => return Letter::Upper,
        Some(false) => return Letter::Lower,
        None => {}
    }
    if matches!(u, 0x0300..=0x036F) {
        return Letter::Mark;
    }
    match char::from_u32(u) {
        Some(c) => letter_slow(c),
        None => Letter::None,
    }
}

#[cold]
fn letter_slow(c: char) -> Letter {
    if is_word_char(c) {
        if is_mark(c) {
            Letter::Mark
        } else if c.is_uppercase() {
            Letter::Upper
        } else if c.is_lowercase() {
            Letter::Lower
        } else {
            Letter::Uncased
        }
    } else {
        Letter::None
    }
}

/// Whether the first letter of `s` is upper case.
#[inline]
#[allow(dead_code)]
pub(crate) fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(is_upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`eq_word`] without its first-byte test, as it was.
    fn eq_word_reference(word: &str, lit: &str) -> bool {
        let mut a = word.chars().peekable();
        let mut b = lit.chars().peekable();
        let (mut ta, mut tb) = (0u8, 0u8);
        loop {
            match (a.next(), b.next()) {
                (None, None) => return ta == tb,
                (Some(x), Some(y)) => {
                    if x.is_whitespace() && y.is_whitespace() {
                        if ta != tb {
                            return false;
                        }
                        ta = 0;
                        tb = 0;
                        while a.peek().is_some_and(|c| c.is_whitespace()) {
                            a.next();
                        }
                        while b.peek().is_some_and(|c| c.is_whitespace()) {
                            b.next();
                        }
                        continue;
                    }
                    let (bx, tx) = split_tone(x);
                    let (by, ty) = split_tone(y);
                    if bx != by {
                        return false;
                    }
                    if tx != 0 {
                        ta = tx;
                    }
                    if ty != 0 {
                        tb = ty;
                    }
                }
                _ => return false,
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        #[test]
        fn first_byte_test_agrees(
            a in proptest::collection::vec(proptest::sample::select(ALPHABET), 0..5),
            b in proptest::collection::vec(proptest::sample::select(ALPHABET), 0..5),
        ) {
            let (a, b): (String, String) = (a.into_iter().collect(), b.into_iter().collect());
            proptest::prop_assert_eq!(eq_word(&a, &b), eq_word_reference(&a, &b), "{:?} {:?}", a, b);
        }
    }

    const ALPHABET: &[char] = &[
        'a', 'A', 'á', 'à', 'â', 'ầ', 'o', 'ò', 'ó', 'e', 'y', 'ỷ', 'ủ', 'u', 'h', 'H', 'đ', 'Đ',
        'd', ' ', '\t', '\n', '\u{B}', '\u{A0}', '1', '-', '.',
    ];

    #[test]
    fn tone_placement_and_case_are_ignored() {
        assert!(eq_word("uỷ", "ủy"));
        assert!(eq_word("Hoà", "hòa"));
        assert!(eq_word("KHOÁ", "khóa"));
        assert!(eq_word("Chỉ thị", "chỉ thị"));
        assert!(!eq_word("chi", "chỉ"));
        assert!(!eq_word("thì", "thị"));
        assert!(!eq_word("chỉ thị", "chỉ"));
        assert!(!eq_word("chỉ", "chỉ thị"));
    }

    #[test]
    fn fast_paths_agree_with_unicode() {
        for u in 0..0x3000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let generic_mark = matches!(u, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
                || (!c.is_ascii() && unicode_normalization::char::is_combining_mark(c));
            assert_eq!(is_mark(c), generic_mark, "is_mark {c:?} U+{u:04X}");
            assert_eq!(is_upper(c), c.is_uppercase(), "is_upper {c:?} U+{u:04X}");
            assert_eq!(is_lower(c), c.is_lowercase(), "is_lower {c:?} U+{u:04X}");
            assert_eq!(
                is_word_char(c),
                c.is_alphabetic() || generic_mark,
                "is_word_char {c:?} U+{u:04X}"
            );
            let expected = if !is_word_char(c) {
                Letter::None
            } else if generic_mark {
                Letter::Mark
            } else if c.is_uppercase() {
                Letter::Upper
            } else if c.is_lowercase() {
                Letter::Lower
            } else {
                Letter::Uncased
            };
            assert_eq!(letter_of(u), expected, "letter {c:?} U+{u:04X}");
        }
    }

    #[test]
    fn split() {
        assert_eq!(split_tone('ẩ'), ('â', 3));
        assert_eq!(split_tone('Ự'), ('ư', 5));
        assert_eq!(split_tone('Đ'), ('đ', 0));
        assert_eq!(split_tone('y'), ('y', 0));
        assert_eq!(split_tone('Ý'), ('y', 2));
    }
}
