//! The one-scan check behind the fast path: does anything in this text need
//! a pass?
//!
//! ASCII needs a look only for `\r`, tabs and double spaces, which `memchr`
//! finds with SIMD. The rest of the scan jumps from one non-ASCII byte to
//! the next eight bytes at a time, and decodes only there: a table lookup
//! tells a Vietnamese letter (and its tone) from a character the clean-up
//! may change; a toned vowel gets a look at its neighbours
//! ([`tone::surely_fine`]) and, rarely, the full syllable analysis;
//! combining marks and other scripts get an exact NFC check of their
//! segment.

use memchr::{memchr, memchr2, memmem};

use super::cleanup::cleanup_char;
use super::letters::{info_cp, Info};
use super::{nfc, tone, Options};

/// The index of the first byte at or after `i` that is not ASCII, or the
/// length.
#[inline(always)]
pub(crate) fn next_non_ascii(b: &[u8], mut i: usize) -> usize {
    const HI: u64 = 0x8080_8080_8080_8080;
    while i + 8 <= b.len() {
        let Ok(chunk) = <[u8; 8]>::try_from(&b[i..i + 8]) else {
            break;
        };
        let m = u64::from_le_bytes(chunk) & HI;
        if m != 0 {
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && b[i] < 0x80 {
        i += 1;
    }
    i
}

/// 1 for bytes that may belong to a vowel: ASCII vowels and every byte
/// beyond ASCII.
static NEAR_VOWEL: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0x80;
    while b < 256 {
        t[b] = 1;
        b += 1;
    }
    let vowels = *b"aeiouyAEIOUY";
    let mut k = 0;
    while k < vowels.len() {
        t[vowels[k] as usize] = 1;
        k += 1;
    }
    t
};

/// A non-ASCII char at a known lead byte: its code point and length.
#[inline(always)]
fn decode(b: &[u8], i: usize) -> (u32, usize) {
    let x = u32::from(b[i]);
    if x < 0xE0 {
        (((x & 0x1F) << 6) | (u32::from(b[i + 1]) & 0x3F), 2)
    } else if x < 0xF0 {
        (
            ((x & 0x0F) << 12) | ((u32::from(b[i + 1]) & 0x3F) << 6) | (u32::from(b[i + 2]) & 0x3F),
            3,
        )
    } else {
        (
            ((x & 0x07) << 18)
                | ((u32::from(b[i + 1]) & 0x3F) << 12)
                | ((u32::from(b[i + 2]) & 0x3F) << 6)
                | (u32::from(b[i + 3]) & 0x3F),
            4,
        )
    }
}

/// Calls `f(start, end, info)` for every toned Vietnamese vowel of `text`,
/// until it returns `false`.
#[inline]
pub(crate) fn for_each_toned(text: &str, mut f: impl FnMut(usize, usize, Info) -> bool) {
    let b = text.as_bytes();
    let mut i = 0;
    loop {
        i = next_non_ascii(b, i);
        if i >= b.len() {
            return;
        }
        let (cp, len) = decode(b, i);
        if cp < 0x1C0 || (0x1EA0..0x1EFA).contains(&cp) {
            let inf = info_cp(cp);
            if inf.tone() != 0 && !f(i, i + len, inf) {
                return;
            }
        }
        i += len;
    }
}

/// Whether `text` comes out of [`super::normalize_with`] unchanged. Never
/// `true` when a pass would change something.
pub(crate) fn is_clean(text: &str, opts: &Options) -> bool {
    if opts.fold || opts.fold_case {
        return false;
    }
    let b = text.as_bytes();
    let ascii_hit = match (opts.newlines, opts.collapse_spaces) {
        (true, true) => memchr2(b'\r', b'\t', b).is_some(),
        (true, false) => memchr(b'\r', b).is_some(),
        (false, true) => memchr(b'\t', b).is_some(),
        (false, false) => false,
    };
    if ascii_hit || (opts.collapse_spaces && memmem::find(b, b"  ").is_some()) {
        return false;
    }
    let tones = opts.tones_enabled();
    let cleanup_any = opts.spaces || opts.dashes || opts.quotes || opts.ellipsis || opts.lookalikes;
    let toned_ok = |i: usize, j: usize, inf: Info| {
        // Most toned vowels stand between two ASCII consonants (or spaces):
        // a single vowel, fine whatever the style.
        let before = if i > 0 { b[i - 1] } else { b' ' };
        let after = b.get(j).copied().unwrap_or(b' ');
        if NEAR_VOWEL[usize::from(before)] | NEAR_VOWEL[usize::from(after)] == 0 {
            return true;
        }
        tone::surely_fine(text, i, j, inf, opts.tone)
            || tone::fix_at(text, i, j, opts.tone, opts.repair_tones).is_none()
    };
    let changes = |cp: u32| char::from_u32(cp).is_some_and(|c| cleanup_char(c, opts).is_some());
    let mut i = 0;
    loop {
        i = next_non_ascii(b, i);
        if i >= b.len() {
            return true;
        }
        let (cp, len) = decode(b, i);
        if cp < 0x1C0 {
            let inf = info_cp(cp);
            if inf.is_cleanup() && cleanup_any && changes(cp) {
                return false;
            }
            if tones && inf.tone() != 0 && !toned_ok(i, i + len, inf) {
                return false;
            }
        } else if (0x1EA0..0x1EFA).contains(&cp) {
            if tones && !toned_ok(i, i + len, info_cp(cp)) {
                return false;
            }
        } else {
            if cleanup_any
                && matches!(cp, 0x2000..=0x206F | 0x2212 | 0x3000 | 0xFEFF)
                && changes(cp)
            {
                return false;
            }
            if opts.nfc && !nfc::fast_stable(cp) && !nfc::stable_at(text, i) {
                return false;
            }
        }
        i += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_ascii() {
        let t = "abcdefghijklmnopqrstuvwxyzé";
        assert_eq!(next_non_ascii(t.as_bytes(), 0), 26);
        assert_eq!(next_non_ascii(b"abc", 0), 3);
        assert_eq!(next_non_ascii("aé".as_bytes(), 0), 1);
    }

    #[test]
    fn clean_and_dirty() {
        let d = Options::default();
        for t in [
            "",
            "Đảng ủy quận",
            "hoà hòa thuỷ",
            "người của quá",
            "Привет 你好 😀",
        ] {
            assert!(is_clean(t, &d), "{t}");
        }
        for t in [
            "a  b",
            "a\tb",
            "a\r\nb",
            "a\u{A0}b",
            "cuả",
            "Ðà",
            "e\u{301}",
            "x\u{2014}y",
            "\u{FEFF}x",
            "\u{2000}",
            "\u{2126}",
        ] {
            assert!(!is_clean(t, &d), "{t:?}");
        }
        assert!(is_clean("a\u{A0}b cuả", &Options::none()));
    }
}
