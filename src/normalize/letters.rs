//! Vietnamese letters as small integers: which vowel, which tone, which case.
//!
//! Every hot loop of the normaliser asks the same questions of a code point
//! (is it a vowel, which base, which tone, upper case?), so the answers live
//! in two `const` tables built at compile time: one for U+0000–U+01BF (ASCII,
//! Latin-1, Latin Extended-A and the start of Extended-B, which holds `ơ ư`)
//! and one for the Vietnamese block U+1EA0–U+1EF9.

/// Vowel bases, numbered from 1 in [`Info::base`].
pub(crate) const BASES: [char; 12] = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

/// Base numbers, for readable rules.
pub(crate) mod base {
    pub const A: u8 = 1;
    pub const AW: u8 = 2; // ă
    pub const AA: u8 = 3; // â
    pub const E: u8 = 4;
    pub const EE: u8 = 5; // ê
    pub const I: u8 = 6;
    pub const O: u8 = 7;
    pub const OO: u8 = 8; // ô
    pub const OW: u8 = 9; // ơ
    pub const U: u8 = 10;
    pub const UW: u8 = 11; // ư
    pub const Y: u8 = 12;
}

/// Each vowel with the six tones: none, huyền (grave), sắc (acute), hỏi
/// (hook), ngã (tilde), nặng (dot below). Lower case.
pub(crate) const LOWER: [[char; 6]; 12] = [
    ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
    ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
    ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
    ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
    ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
    ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
    ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
    ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
    ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
    ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
    ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
    ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
];

/// [`LOWER`] in upper case.
pub(crate) const UPPER: [[char; 6]; 12] = [
    ['A', 'À', 'Á', 'Ả', 'Ã', 'Ạ'],
    ['Ă', 'Ằ', 'Ắ', 'Ẳ', 'Ẵ', 'Ặ'],
    ['Â', 'Ầ', 'Ấ', 'Ẩ', 'Ẫ', 'Ậ'],
    ['E', 'È', 'É', 'Ẻ', 'Ẽ', 'Ẹ'],
    ['Ê', 'Ề', 'Ế', 'Ể', 'Ễ', 'Ệ'],
    ['I', 'Ì', 'Í', 'Ỉ', 'Ĩ', 'Ị'],
    ['O', 'Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ'],
    ['Ô', 'Ồ', 'Ố', 'Ổ', 'Ỗ', 'Ộ'],
    ['Ơ', 'Ờ', 'Ớ', 'Ở', 'Ỡ', 'Ợ'],
    ['U', 'Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ'],
    ['Ư', 'Ừ', 'Ứ', 'Ử', 'Ữ', 'Ự'],
    ['Y', 'Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ'],
];

/// The 134 Vietnamese letters beyond ASCII, lower and upper case: the 60
/// toned vowels, `ă â ê ô ơ ư` and `đ`, in both cases.
pub fn vietnamese_letters() -> impl Iterator<Item = char> {
    let vowels = LOWER.iter().chain(UPPER.iter()).flat_map(|row| {
        let hatted = !row[0].is_ascii();
        row.iter()
            .enumerate()
            .filter(move |&(t, _)| t > 0 || hatted)
            .map(|(_, &c)| c)
    });
    vowels.chain(['đ', 'Đ'])
}

/// What the normaliser knows of one code point, packed in 16 bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Info(pub u16);

const BASE_MASK: u16 = 0x000F;
const TONE_SHIFT: u16 = 4;
const TONE_MASK: u16 = 0x0070;
const UPPER_BIT: u16 = 0x0080;
/// A letter of the Vietnamese alphabet (ASCII letters but `f j w z`, the
/// vowels above, `đ`).
const VN_BIT: u16 = 0x0100;
/// Any letter the tables know, `f j w z` included.
const LETTER_BIT: u16 = 0x0200;
/// `đ` / `Đ`.
const DD_BIT: u16 = 0x0400;
/// A character the clean-up pass may change (NBSP, soft hyphen, `Ð ð`).
const CLEANUP_BIT: u16 = 0x0800;

impl Info {
    /// Vowel base 1–12 (see [`BASES`]), 0 when not a vowel.
    #[inline]
    pub fn base(self) -> u8 {
        (self.0 & BASE_MASK) as u8
    }
    #[inline]
    pub fn is_vowel(self) -> bool {
        self.0 & BASE_MASK != 0
    }
    /// Tone 0–5.
    #[inline]
    pub fn tone(self) -> u8 {
        ((self.0 & TONE_MASK) >> TONE_SHIFT) as u8
    }
    #[inline]
    pub fn is_upper(self) -> bool {
        self.0 & UPPER_BIT != 0
    }
    /// A letter of the Vietnamese alphabet.
    #[inline]
    pub fn is_vn(self) -> bool {
        self.0 & VN_BIT != 0
    }
    /// Any letter the tables know.
    #[inline]
    pub fn is_letter(self) -> bool {
        self.0 & LETTER_BIT != 0
    }
    #[inline]
    pub fn is_dd(self) -> bool {
        self.0 & DD_BIT != 0
    }
    #[inline]
    pub fn is_cleanup(self) -> bool {
        self.0 & CLEANUP_BIT != 0
    }
    /// `ă â ê ô ơ ư` with or without a tone.
    #[inline]
    pub fn is_hatted(self) -> bool {
        matches!(
            self.base(),
            base::AW | base::AA | base::EE | base::OO | base::OW | base::UW
        )
    }
}

const LOW_END: usize = 0x1C0;
const VN_START: u32 = 0x1EA0;
const VN_END: u32 = 0x1EFA;

const fn vowel_bits(b: usize, tone: usize, upper: bool) -> u16 {
    (b as u16 + 1)
        | ((tone as u16) << TONE_SHIFT)
        | if upper { UPPER_BIT } else { 0 }
        | VN_BIT
        | LETTER_BIT
}

const fn build_low() -> [u16; LOW_END] {
    let mut t = [0u16; LOW_END];
    let mut c = b'a';
    while c <= b'z' {
        let vn = !matches!(c, b'f' | b'j' | b'w' | b'z');
        let bits = LETTER_BIT | if vn { VN_BIT } else { 0 };
        t[c as usize] = bits;
        t[(c - 32) as usize] = bits | UPPER_BIT;
        c += 1;
    }
    let mut b = 0;
    while b < 12 {
        let mut tone = 0;
        while tone < 6 {
            let lo = LOWER[b][tone] as usize;
            let up = UPPER[b][tone] as usize;
            if lo < LOW_END {
                t[lo] = vowel_bits(b, tone, false);
            }
            if up < LOW_END {
                t[up] = vowel_bits(b, tone, true);
            }
            tone += 1;
        }
        b += 1;
    }
    t[0x111] = VN_BIT | LETTER_BIT | DD_BIT;
    t[0x110] = VN_BIT | LETTER_BIT | DD_BIT | UPPER_BIT;
    // Other letters of Latin-1 and Extended-A/B: letters, not Vietnamese.
    let mut cp = 0xC0;
    while cp < LOW_END {
        if t[cp] == 0 && cp != 0xD7 && cp != 0xF7 {
            t[cp] = LETTER_BIT;
        }
        cp += 1;
    }
    t[0xA0] |= CLEANUP_BIT;
    t[0xAD] |= CLEANUP_BIT;
    t[0xD0] |= CLEANUP_BIT;
    t[0xF0] |= CLEANUP_BIT;
    t
}

const fn build_vn() -> [u16; (VN_END - VN_START) as usize] {
    let mut t = [0u16; (VN_END - VN_START) as usize];
    let mut b = 0;
    while b < 12 {
        let mut tone = 0;
        while tone < 6 {
            let lo = LOWER[b][tone] as u32;
            let up = UPPER[b][tone] as u32;
            if lo >= VN_START && lo < VN_END {
                t[(lo - VN_START) as usize] = vowel_bits(b, tone, false);
            }
            if up >= VN_START && up < VN_END {
                t[(up - VN_START) as usize] = vowel_bits(b, tone, true);
            }
            tone += 1;
        }
        b += 1;
    }
    t
}

static LOW: [u16; LOW_END] = build_low();
static VN: [u16; (VN_END - VN_START) as usize] = build_vn();

/// What is known of code point `cp`.
#[inline(always)]
pub(crate) fn info_cp(cp: u32) -> Info {
    if (cp as usize) < LOW_END {
        Info(LOW[cp as usize])
    } else if (VN_START..VN_END).contains(&cp) {
        Info(VN[(cp - VN_START) as usize])
    } else {
        Info(0)
    }
}

/// What is known of `c`.
#[inline]
pub(crate) fn info(c: char) -> Info {
    info_cp(c as u32)
}

/// What is known of the ASCII byte `b`.
#[inline(always)]
pub(crate) fn info_ascii(b: u8) -> Info {
    Info(LOW[(b & 0x7F) as usize])
}

/// The vowel with base `b` (1–12), tone `tone` and the given case.
#[inline]
pub(crate) fn vowel(b: u8, tone: u8, upper: bool) -> char {
    let row = usize::from(b.clamp(1, 12) - 1);
    let t = usize::from(tone.min(5));
    if upper {
        UPPER[row][t]
    } else {
        LOWER[row][t]
    }
}

/// Whether `c` is a letter: the tables' letters, and any alphabetic char
/// beyond them.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    let i = info(c);
    i.is_letter() || (!c.is_ascii() && (c as u32) >= LOW_END as u32 && c.is_alphabetic())
}

/// The code point of the UTF-8 char whose lead byte is at `i` of `b`, and
/// its length; `(0xFFFD, 1)` on a stray byte. `b` comes from a `str`.
#[inline(always)]
pub(crate) fn decode_at(b: &[u8], i: usize) -> (u32, usize) {
    let x = match b.get(i) {
        Some(&x) => u32::from(x),
        None => return (0xFFFD, 1),
    };
    let cont = |k: usize| b.get(i + k).map_or(0, |&c| u32::from(c) & 0x3F);
    if x < 0x80 {
        (x, 1)
    } else if x < 0xC0 {
        (0xFFFD, 1)
    } else if x < 0xE0 {
        (((x & 0x1F) << 6) | cont(1), 2)
    } else if x < 0xF0 {
        (((x & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (
            ((x & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        )
    }
}

/// The code point of the UTF-8 char ending at byte `i` of `b`, and where it
/// starts; `None` at the start.
#[inline]
pub(crate) fn decode_before(b: &[u8], i: usize) -> Option<(u32, usize)> {
    let mut s = i.checked_sub(1)?;
    while s > 0 && i - s < 4 && (b[s] & 0xC0) == 0x80 {
        s -= 1;
    }
    Some((decode_at(b, s).0, s))
}

/// Decodes the char starting at byte `i` of `s` (which must be a char
/// boundary): the char and its length. `None` at the end.
#[inline]
pub(crate) fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = s.as_bytes();
    let b0 = *b.get(i)?;
    if b0 < 0x80 {
        return Some((b0 as char, 1));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// The char ending at byte `i` of `s` (a char boundary) and its start.
#[inline]
pub(crate) fn char_before(s: &str, i: usize) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if i == 0 {
        return None;
    }
    let b1 = *b.get(i - 1)?;
    if b1 < 0x80 {
        return Some((b1 as char, i - 1));
    }
    let c = s.get(..i)?.chars().next_back()?;
    Some((c, i - c.len_utf8()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_agree_with_rows() {
        for (b, (lo, up)) in LOWER.iter().zip(UPPER.iter()).enumerate() {
            for t in 0..6 {
                let i = info(lo[t]);
                assert_eq!(
                    (i.base(), i.tone(), i.is_upper()),
                    (b as u8 + 1, t as u8, false)
                );
                let i = info(up[t]);
                assert_eq!(
                    (i.base(), i.tone(), i.is_upper()),
                    (b as u8 + 1, t as u8, true)
                );
                assert_eq!(up[t].to_lowercase().next(), Some(lo[t]));
                assert_eq!(vowel(b as u8 + 1, t as u8, true), up[t]);
            }
        }
        assert!(info('đ').is_dd() && info('Đ').is_upper());
        assert!(info('b').is_vn() && !info('f').is_vn() && info('f').is_letter());
        assert!(!info('1').is_letter() && !info(' ').is_letter());
        assert!(info('ô').is_hatted() && !info('ó').is_hatted());
        assert!(info('\u{A0}').is_cleanup() && info('Ð').is_cleanup());
    }

    #[test]
    fn there_are_134_letters() {
        let all: Vec<char> = vietnamese_letters().collect();
        assert_eq!(all.len(), 134);
        let mut dedup = all.clone();
        dedup.sort_unstable();
        dedup.dedup();
        assert_eq!(dedup.len(), 134);
    }

    #[test]
    fn char_stepping() {
        let s = "aệb";
        assert_eq!(char_at(s, 1), Some(('ệ', 3)));
        assert_eq!(char_before(s, 4), Some(('ệ', 1)));
        assert_eq!(char_before(s, 0), None);
        assert_eq!(char_at(s, 5), None);
    }
}
