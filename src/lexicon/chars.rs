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
/// its tone (0–5), or `('\0', 0)` when the char is not a Vietnamese vowel.
static TONE_TABLE: LazyLock<Vec<(char, u8)>> = LazyLock::new(|| {
    let mut t = vec![('\0', 0u8); (TABLE_END - TABLE_START) as usize];
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

/// Whether `c` is an upper-case letter (including `Đ`).
#[inline]
pub(crate) fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        c.is_uppercase()
    }
}

/// Whether `c` is a letter or a combining mark that belongs to a word.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        c.is_alphabetic() || is_mark(c)
    }
}

/// Whether `c` is a combining mark (as in decomposed Vietnamese).
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
        || (!c.is_ascii() && unicode_normalization::char::is_combining_mark(c))
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
    fn split() {
        assert_eq!(split_tone('ẩ'), ('â', 3));
        assert_eq!(split_tone('Ự'), ('ư', 5));
        assert_eq!(split_tone('Đ'), ('đ', 0));
        assert_eq!(split_tone('y'), ('y', 0));
        assert_eq!(split_tone('Ý'), ('y', 2));
    }
}
