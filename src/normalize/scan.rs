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

use std::sync::LazyLock;

use memchr::{memchr, memchr2, memmem};

use super::cleanup::cleanup_char;
use super::letters::{self, info_cp, Info};
use super::{nfc, tone, Options, ToneStyle};

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

/// Byte classes for [`FINE`]: the two bytes before a toned vowel and the
/// two after it, when they are ASCII. `NA` marks bytes beyond ASCII.
const NA: u8 = 0xFF;
/// Before the vowel: 0 other, 1 `q`, 2 `g`, 3 vowel.
const L2_N: usize = 4;
/// Right before it: 0 other, 1 consonant, 2 `q`, 3 `g`, 4–9 `a e i o u y`.
const L_N: usize = 10;
/// Right after it: 0 not a vowel, 1–6 `a e i o u y`.
const R_N: usize = 7;
/// Then: 0 not a letter, 1 consonant, 2 vowel.
const R2_N: usize = 3;

const fn vowel_index(b: u8) -> u8 {
    match b.to_ascii_lowercase() {
        b'a' => 1,
        b'e' => 2,
        b'i' => 3,
        b'o' => 4,
        b'u' => 5,
        b'y' => 6,
        _ => 0,
    }
}

const fn classes(which: u8) -> [u8; 256] {
    let mut t = [NA; 256];
    let mut b = 0u8;
    while b < 0x80 {
        let letter = b.is_ascii_alphabetic();
        let v = vowel_index(b);
        let low = b.to_ascii_lowercase();
        t[b as usize] = match which {
            0 => match (low, v) {
                (b'q', _) => 1,
                (b'g', _) => 2,
                (_, 0) => 0,
                _ => 3,
            },
            1 => match (low, v, letter) {
                (b'q', _, _) => 2,
                (b'g', _, _) => 3,
                (_, 0, true) => 1,
                (_, 0, false) => 0,
                (_, v, _) => 3 + v,
            },
            2 => v,
            _ => match (v, letter) {
                (0, false) => 0,
                (0, true) => 1,
                _ => 2,
            },
        };
        b += 1;
    }
    t
}

static L2_CLASS: [u8; 256] = classes(0);
static L_CLASS: [u8; 256] = classes(1);
static R_CLASS: [u8; 256] = classes(2);
static R2_CLASS: [u8; 256] = classes(3);

/// A representative byte of each class, to build [`FINE`].
const L2_REP: [u8; L2_N] = *b" qga";
const L_REP: [u8; L_N] = *b" bqgaeiouy";
const R_REP: [u8; R_N] = *b" aeiouy";
const R2_REP: [u8; R2_N] = *b" na";

/// For every class of the two bytes before and after a toned vowel, and
/// the vowel's base: whether [`tone::surely_fine`] says its placement is
/// fine in the as-written style. One lookup instead of a chain of
/// unpredictable branches for most toned vowels of real text.
static FINE: LazyLock<Vec<bool>> = LazyLock::new(|| {
    let mut t = vec![false; L2_N * L_N * 12 * R_N * R2_N];
    let mut buf = [0u8; 8];
    for (l2, &l2b) in L2_REP.iter().enumerate() {
        for (l, &lb) in L_REP.iter().enumerate() {
            for base in 1..=12u8 {
                for (r, &rb) in R_REP.iter().enumerate() {
                    for (r2, &r2b) in R2_REP.iter().enumerate() {
                        let v = letters::vowel(base, 2, false);
                        let vl = v.len_utf8();
                        buf[0] = l2b;
                        buf[1] = lb;
                        v.encode_utf8(&mut buf[2..]);
                        buf[2 + vl] = rb;
                        buf[3 + vl] = r2b;
                        let Ok(text) = std::str::from_utf8(&buf[..4 + vl]) else {
                            continue;
                        };
                        let k = fine_index(l2, l, base, r, r2);
                        t[k] =
                            tone::surely_fine(text, 2, 2 + vl, letters::info(v), ToneStyle::Keep);
                    }
                }
            }
        }
    }
    t
});

#[inline(always)]
fn fine_index(l2: usize, l: usize, base: u8, r: usize, r2: usize) -> usize {
    (((l2 * L_N + l) * 12 + usize::from(base - 1)) * R_N + r) * R2_N + r2
}

/// Whether the toned vowel `t` at `i..j` is certainly well placed, judged
/// from the ASCII bytes around it; `false` when they are not ASCII or the
/// table says to look closer.
#[inline(always)]
fn fine_by_neighbours(fine: &[bool], b: &[u8], i: usize, j: usize, t: Info) -> bool {
    let at = |k: Option<usize>| k.and_then(|k| b.get(k)).copied().unwrap_or(b' ');
    let l2 = L2_CLASS[usize::from(at(i.checked_sub(2)))];
    let l = L_CLASS[usize::from(at(i.checked_sub(1)))];
    let r = R_CLASS[usize::from(at(Some(j)))];
    let r2 = R2_CLASS[usize::from(at(Some(j + 1)))];
    if (l | l2 | r | r2) == NA {
        return false;
    }
    let (l2, l, r, r2) = (
        usize::from(l2),
        usize::from(l),
        usize::from(r),
        usize::from(r2),
    );
    if l2 >= L2_N || l >= L_N || r >= R_N || r2 >= R2_N || t.base() == 0 {
        return false;
    }
    fine.get(fine_index(l2, l, t.base(), r, r2))
        .copied()
        .unwrap_or(false)
}

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
    let fine: &[bool] = &FINE;
    let keep = opts.tone == ToneStyle::Keep;
    let mut i = 0;
    loop {
        i = next_non_ascii(b, i);
        if i >= b.len() {
            return true;
        }
        let (cp, len) = decode(b, i);
        let inf = info_cp(cp);
        if inf.tone() != 0 {
            if tones {
                let j = i + len;
                if quick_look(fine, b, i, j, inf, keep) && needs_tone_fix(text, i, j, inf, opts) {
                    return false;
                }
            }
        } else if inf.is_cleanup() {
            if cleanup_any && changes(cp, opts) {
                return false;
            }
        } else if (!nfc::fast_stable(cp) || matches!(cp, 0x2000..=0x206F))
            && other_changes(text, i, cp, opts, cleanup_any)
        {
            return false;
        }
        i += len;
    }
}

/// Whether the toned vowel `inf` at `i..j` needs a closer look than its
/// neighbours give: most toned vowels stand alone between consonants or
/// spaces; most others are settled by one lookup in [`FINE`].
#[inline(always)]
fn quick_look(fine: &[bool], b: &[u8], i: usize, j: usize, inf: Info, keep: bool) -> bool {
    if keep {
        return !fine_by_neighbours(fine, b, i, j, inf);
    }
    let before = if i > 0 { b[i - 1] } else { b' ' };
    let after = b.get(j).copied().unwrap_or(b' ');
    NEAR_VOWEL[usize::from(before)] | NEAR_VOWEL[usize::from(after)] != 0
}

/// [`quick_look`] for the tone pass.
#[inline]
pub(crate) fn needs_a_look(b: &[u8], i: usize, j: usize, inf: Info, style: ToneStyle) -> bool {
    quick_look(&FINE, b, i, j, inf, style == ToneStyle::Keep)
}

/// Whether the clean-up changes the char `cp`.
#[inline]
fn changes(cp: u32, opts: &Options) -> bool {
    char::from_u32(cp).is_some_and(|c| cleanup_char(c, opts).is_some())
}

/// The full look at a toned vowel whose neighbours did not settle it.
#[cold]
#[inline(never)]
fn needs_tone_fix(text: &str, i: usize, j: usize, inf: Info, opts: &Options) -> bool {
    !tone::surely_fine(text, i, j, inf, opts.tone)
        && tone::fix_at(text, i, j, opts.tone, opts.repair_tones).is_some()
}

/// Whether a char outside the NFC-stable ranges needs clean-up or NFC.
#[cold]
#[inline(never)]
fn other_changes(text: &str, i: usize, cp: u32, opts: &Options, cleanup_any: bool) -> bool {
    if cleanup_any && matches!(cp, 0x2000..=0x206F | 0x2212 | 0x3000 | 0xFEFF) && changes(cp, opts)
    {
        return true;
    }
    opts.nfc && !nfc::stable_at(text, i)
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

#[cfg(test)]
mod agree {
    //! The quick check against the passes themselves.
    use super::*;
    use crate::normalize::{cleanup, fold, letters};
    use proptest::prelude::*;

    fn passes_change(t: &str, o: &Options) -> bool {
        (cleanup::enabled(o) && cleanup::pass(t, o).is_some())
            || (o.nfc && nfc::pass(t).is_some())
            || (o.tones_enabled()
                && crate::normalize::tone_pass(t, o.tone, o.repair_tones).is_some())
            || ((o.fold || o.fold_case) && fold::pass(t, o.fold, o.fold_case).is_some())
    }

    fn text() -> impl Strategy<Value = String> {
        let mut a: Vec<char> = letters::vietnamese_letters().collect();
        a.extend("aeiouybcdghklmnpqrstvxQG .,\t\r\n".chars());
        a.extend([
            '\u{300}', '\u{301}', '\u{302}', '\u{31B}', '\u{323}', '\u{A0}', '\u{200B}', '\u{AD}',
            '\u{2013}', '\u{201C}', '\u{2026}', '\u{D0}', '\u{2000}', '\u{2126}', '\u{FEFF}', 'й',
        ]);
        prop::collection::vec(prop::sample::select(a), 0..24)
            .prop_map(|v| v.into_iter().collect::<String>())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn quick_check_agrees_with_the_passes(t in text()) {
            for o in [
                Options::default(),
                Options::default().tone_style(ToneStyle::New),
                Options::default().tone_style(ToneStyle::Old),
                Options::default().collapse_spaces(false).newlines(false),
                Options::none(),
                Options::none().nfc(true),
            ] {
                prop_assert_eq!(is_clean(&t, &o), !passes_change(&t, &o), "{:?} {:?}", t, o);
            }
        }
    }
}
