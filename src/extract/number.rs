//! Vietnamese numbers: digits with `.` grouping and `,` decimals, magnitude
//! words, and numbers written in words.
//!
//! # Digits
//!
//! `.` groups thousands and `,` marks decimals (`1.234,5` → 1234.5,
//! `143,8` → 143.8). English-style forms that some outlets use are decided by
//! shape:
//!
//! - several `,` with groups of three digits (`1,234,567`) group thousands;
//! - a single `,` is always the Vietnamese decimal mark (`1,234` → 1.234);
//! - dots with groups of three digits (`1.234`, `10.000.000`) group
//!   thousands, the Vietnamese way;
//! - a single `.` followed by anything but three digits (`2.5`, `1.25`) is a
//!   decimal point;
//! - with both marks, the last one is the decimal mark and the other must
//!   group by three (`1.234,5` and `1,234.5` are both 1234.5).
//!
//! Leading zeros are ordinary (`05` → 5): administrative prose pads counts.
//!
//! # Magnitudes and words
//!
//! Magnitude words multiply: `chục` 10, `trăm` 100, `nghìn`/`ngàn` 10³, `vạn`
//! 10⁴, `triệu` 10⁶, `tỷ`/`tỉ` 10⁹, and `nghìn tỷ` 10¹². Smaller magnitudes
//! add up after larger ones (`2 tỷ 500 triệu` → 2.5 × 10⁹), `rưỡi` adds
//! half of the last one (`1 tỷ rưỡi` → 1.5 × 10⁹), and digits that end the
//! phrase after a magnitude are its spoken decimals (`3 tỷ 2` → 3.2 × 10⁹,
//! `2 triệu 500` → 2.5 × 10⁶).
//!
//! Numbers in words follow the spoken grammar: `mốt` is 1 and `tư` is 4
//! after a tens word (`hai mươi mốt` → 21, `ba mươi tư` → 34), `lăm`/`nhăm`
//! is 5 after `mười` or a tens word (`mười lăm` → 15), `linh`/`lẻ` mark an
//! empty tens place (`một trăm linh năm` → 105), `mốt`, `tư` and `rưỡi`
//! after a magnitude are tenths and a half of it (`trăm mốt` → 110,
//! `hai nghìn tư` → 2400, `triệu rưỡi` → 1.5 × 10⁶), and `phẩy` is the
//! decimal comma. `năm` is 5, but not after `mười` or a tens word, where the
//! spoken form is `lăm`: `hai mươi năm` is twenty years.
//!
//! ```
//! use vntext::number::{parse, parse_digits, parse_words};
//!
//! assert_eq!(parse_digits("143,8"), Some(143.8));
//! assert_eq!(parse_digits("1.234.567"), Some(1234567.0));
//! assert_eq!(parse_digits("1.234,5"), Some(1234.5));
//! assert_eq!(parse_digits("05"), Some(5.0));
//! assert_eq!(parse_digits("2.5"), Some(2.5));
//! assert_eq!(parse_digits("1,234,567"), Some(1234567.0));
//! assert_eq!(parse_digits("12/8"), None);
//!
//! assert_eq!(parse_words("hai mươi mốt"), Some(21.0));
//! assert_eq!(parse_words("một trăm linh năm"), Some(105.0));
//! assert_eq!(parse_words("mười lăm"), Some(15.0));
//! assert_eq!(parse_words("hai nghìn tư"), Some(2400.0));
//!
//! assert_eq!(parse("1,2 tỷ"), Some(1.2e9));
//! assert_eq!(parse("30 nghìn tỷ"), Some(3e13));
//! assert_eq!(parse("2 tỷ 500 triệu"), Some(2.5e9));
//! assert_eq!(parse("ba triệu"), Some(3e6));
//! ```
//!
//! # What is no number
//!
//! Inside a text, the extractors read a number only where it stands on its
//! own: digits glued to a name or code (`Covid-19`, `U23`, `5G`, `3D`), the
//! parts of a phone number (`0912 345 678`, `028`), document symbols
//! (`15/NQ-CP`, a token of its own) and numbers written after a label
//! (`số 5`, `lần thứ 3`, `Điều 5`) are not numbers of a fact. A unit or a
//! currency may be glued to its number (`2ha`, `13.910đ`).

use super::{money, quantity, Doc};
use crate::lexicon::chars::lower;
use crate::token::{Case, TokenKind};

/// Parses a number written in digits, Vietnamese style; see the module docs.
/// Returns `None` for anything else.
///
/// ```
/// assert_eq!(vntext::number::parse_digits("0,5"), Some(0.5));
/// assert_eq!(vntext::number::parse_digits("1.2.3"), None);
/// ```
pub fn parse_digits(s: &str) -> Option<f64> {
    parse_digits_exp(s, 0)
}

/// `s` read as [`parse_digits`] does, times 10^`exp`, correctly rounded
/// (`655,44` × 10⁹ is exactly 655440000000).
fn parse_digits_exp(s: &str, exp: i32) -> Option<f64> {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 40 || !b[0].is_ascii_digit() || !b[b.len() - 1].is_ascii_digit() {
        return None;
    }
    let (mut dots, mut commas) = (0usize, 0usize);
    for &c in b {
        match c {
            b'0'..=b'9' => {}
            b'.' => dots += 1,
            b',' => commas += 1,
            _ => return None,
        }
    }
    // (grouping separator, decimal mark)
    let (group, decimal): (Option<u8>, Option<u8>) = match (dots, commas) {
        (0, 0) => (None, None),
        (_, 0) if groups_of_three(b, b'.') => (Some(b'.'), None),
        (1, 0) => (None, Some(b'.')),
        (_, 0) => return None,
        (0, 1) => (None, Some(b',')),
        (0, _) if groups_of_three(b, b',') => (Some(b','), None),
        (0, _) => return None,
        _ => {
            let last = b.iter().rposition(|&c| c == b'.' || c == b',')?;
            let dec = b[last];
            let grp = if dec == b',' { b'.' } else { b',' };
            let n_dec = if dec == b',' { commas } else { dots };
            if n_dec != 1 || !groups_of_three(&b[..last], grp) {
                return None;
            }
            (Some(grp), Some(dec))
        }
    };
    // Integers (most numbers in news) are exact in f64 below 2^53: add up
    // the digits directly.
    if decimal.is_none() && (0..=15).contains(&exp) {
        let mut v: u64 = 0;
        let mut n_digits = 0;
        for &c in b {
            if c.is_ascii_digit() {
                n_digits += 1;
                // Past 15 digits the float path below reads it; no u64
                // holds 40 digits.
                if n_digits <= 15 {
                    v = v * 10 + u64::from(c - b'0');
                }
            }
        }
        let scaled = 10u64.checked_pow(exp as u32).and_then(|m| v.checked_mul(m));
        if let Some(x) = scaled.filter(|&x| n_digits <= 15 && x < (1 << 53)) {
            return Some(x as f64);
        }
    }
    // Rewrite as a Rust float literal in a stack buffer: no allocation.
    let mut buf = [0u8; 56];
    let mut n = 0;
    for &c in b {
        if Some(c) == group {
            continue;
        }
        buf[n] = if Some(c) == decimal { b'.' } else { c };
        n += 1;
    }
    if exp != 0 {
        buf[n] = b'e';
        n += 1;
        let mut e = exp;
        if e < 0 {
            buf[n] = b'-';
            n += 1;
            e = -e;
        }
        if e >= 10 {
            buf[n] = b'0' + (e / 10 % 10) as u8;
            n += 1;
        }
        buf[n] = b'0' + (e % 10) as u8;
        n += 1;
    }
    std::str::from_utf8(&buf[..n])
        .ok()?
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// Whether `b` is digit groups joined by `sep`: the first of one to three
/// digits, every other of exactly three.
fn groups_of_three(b: &[u8], sep: u8) -> bool {
    let mut parts = b.split(|&c| c == sep);
    let first = parts.next().unwrap_or(&[]);
    !first.is_empty()
        && first.len() <= 3
        && first.iter().all(u8::is_ascii_digit)
        && parts.all(|g| g.len() == 3 && g.iter().all(u8::is_ascii_digit))
}

/// Parses a number written wholly in words (`hai mươi mốt`, `ba nghìn`,
/// `một trăm linh năm`, `hai phẩy năm`); see the module docs. Returns `None`
/// when any word is left over.
///
/// ```
/// use vntext::number::parse_words;
/// assert_eq!(parse_words("Ba mươi tư"), Some(34.0));
/// assert_eq!(parse_words("hai triệu rưỡi"), Some(2.5e6));
/// assert_eq!(parse_words("hai mươi năm"), None); // twenty years
/// ```
pub fn parse_words(s: &str) -> Option<f64> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let src = |k: usize| words.get(k).copied();
    match words_value(&src, 0)? {
        (v, end, _) if end == words.len() => Some(v),
        _ => None,
    }
}

/// Parses a whole number phrase: digits (with magnitude words after them,
/// `474 triệu`, `2 tỷ 500 triệu`) or words.
///
/// ```
/// use vntext::number::parse;
/// assert_eq!(parse("474 triệu"), Some(474e6));
/// assert_eq!(parse("1 tỷ rưỡi"), Some(1.5e9));
/// assert_eq!(parse("90 vạn"), Some(9e5));
/// assert_eq!(parse("mười lăm"), Some(15.0));
/// assert_eq!(parse("3 tỷ 2"), Some(3.2e9)); // spoken decimals
/// assert_eq!(parse("2 triệu 500"), Some(2.5e6));
/// assert_eq!(parse("5 người"), None);
/// ```
pub fn parse(s: &str) -> Option<f64> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let first = *words.first()?;
    if first.as_bytes()[0].is_ascii_digit() {
        let src = |k: usize| words.get(k).copied();
        let (v, end) = scaled_digits(&src, &|k| words.get(k).copied(), 0)?;
        return (end == words.len()).then_some(v);
    }
    parse_words(s)
}

/// A number read from the tokens of a document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Num {
    pub value: f64,
    /// Index of the first token.
    pub start: usize,
    /// Index just past the last token.
    pub end: usize,
    /// Written in words.
    pub words: bool,
    /// One word that is a digit alone (`năm`, `hai`, `một`): its reading
    /// depends on the context.
    pub bare: bool,
}

/// One Vietnamese number word.
#[derive(Clone, Copy, Debug, PartialEq)]
enum W {
    /// một … chín.
    Digit(u8),
    /// không.
    Zero,
    /// mốt: 1 after tens, a tenth after a magnitude.
    Mot,
    /// tư: 4 after tens or a magnitude.
    Tu,
    /// lăm, nhăm: 5 after mười or tens.
    Lam,
    /// mười.
    Muoi,
    /// mươi: the tens after a digit.
    Muoi2,
    /// hăm (20), băm (30).
    Ham(u8),
    /// linh, lẻ.
    Linh,
    /// chục.
    Chuc,
    /// trăm.
    Tram,
    /// nghìn, ngàn, vạn, triệu, tỷ, tỉ: the power of ten.
    Mag(i32),
    /// rưỡi.
    Ruoi,
    /// phẩy.
    Phay,
}

/// Whether a word can start a number in words: `một` … `chín`, `mười`,
/// `hăm`, `băm`. A cheap test on the first two bytes (UTF-8 lead bytes for
/// the accented second letters) first, then the packed word.
#[inline]
pub(crate) fn may_start_words(s: &str) -> bool {
    looks_like_start(s.as_bytes()) && matches!(classify(s), Some(W::Digit(_) | W::Muoi | W::Ham(_)))
}

/// The byte test of [`may_start_words`]: length and first two bytes.
#[inline(always)]
fn looks_like_start(b: &[u8]) -> bool {
    let (2..=7, Some(&b0), Some(&b1)) = (b.len(), b.first(), b.get(1)) else {
        return false;
    };
    // Two table lookups instead of a chain of unpredictable branches.
    START_FIRST[usize::from(b0)] & START_SECOND[usize::from(b1)] != 0
}

/// The pairs of first byte (ASCII lower-cased) and second byte (ASCII
/// lower-cased; UTF-8 lead bytes of the accented letters) that a number
/// word starts with, one bit per first letter: `m` + E1 C6, `h` + `a` C4,
/// `b` + `a` E1 C4, `n` + C4, `s` `t` + C3, `c` + `h`.
const START_PAIRS: &[(u8, &[u8])] = &[
    (b'm', &[0xE1, 0xC6]),
    (b'h', &[b'a', 0xC4]),
    (b'b', &[b'a', 0xE1, 0xC4]),
    (b'n', &[0xC4]),
    (b's', &[0xC3]),
    (b't', &[0xC3]),
    (b'c', b"h"),
];

/// For each byte, the bits of [`START_PAIRS`] it starts as the first byte.
static START_FIRST: [u8; 256] = start_table(true);
/// For each byte, the bits of [`START_PAIRS`] it may follow as the second.
static START_SECOND: [u8; 256] = start_table(false);

const fn start_table(first: bool) -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut x = 0;
    while x < 256 {
        let b = x as u8;
        let key = if first || b.is_ascii() { b | 0x20 } else { b };
        let mut k = 0;
        while k < START_PAIRS.len() {
            let (lead, seconds) = START_PAIRS[k];
            let hit = if first {
                key == lead
            } else {
                let mut any = false;
                let mut j = 0;
                while j < seconds.len() {
                    any |= seconds[j] == key;
                    j += 1;
                }
                any
            };
            if hit {
                t[x] |= 1 << k;
            }
            k += 1;
        }
        x += 1;
    }
    t
}

/// A word of two to seven bytes packed into a `u64`, first byte
/// lower-cased when it is an ASCII letter: the key [`classify`] matches.
#[inline]
const fn pk(w: &str) -> u64 {
    let b = w.as_bytes();
    if b.len() < 2 || b.len() > 7 {
        return 0;
    }
    let mut key = b[0].to_ascii_lowercase() as u64;
    let mut i = 1;
    while i < b.len() {
        key |= (b[i] as u64) << (8 * i);
        i += 1;
    }
    key
}

/// The number word with packed key `key`.
#[inline]
fn word_of_key(key: u64) -> Option<W> {
    // `pk` is a `const fn`: every arm compares with a constant.
    Some(match key {
        0 => return None,
        k if k == const { pk("một") } => W::Digit(1),
        k if k == const { pk("hai") } => W::Digit(2),
        k if k == const { pk("ba") } => W::Digit(3),
        k if k == const { pk("bốn") } => W::Digit(4),
        k if k == const { pk("năm") } => W::Digit(5),
        k if k == const { pk("sáu") } => W::Digit(6),
        k if k == const { pk("bảy") } => W::Digit(7),
        k if k == const { pk("bẩy") } => W::Digit(7),
        k if k == const { pk("tám") } => W::Digit(8),
        k if k == const { pk("chín") } => W::Digit(9),
        k if k == const { pk("không") } => W::Zero,
        k if k == const { pk("mốt") } => W::Mot,
        k if k == const { pk("tư") } => W::Tu,
        k if k == const { pk("lăm") } => W::Lam,
        k if k == const { pk("nhăm") } => W::Lam,
        k if k == const { pk("mười") } => W::Muoi,
        k if k == const { pk("mươi") } => W::Muoi2,
        k if k == const { pk("hăm") } => W::Ham(2),
        k if k == const { pk("băm") } => W::Ham(3),
        k if k == const { pk("linh") } => W::Linh,
        k if k == const { pk("lẻ") } => W::Linh,
        k if k == const { pk("chục") } => W::Chuc,
        k if k == const { pk("trăm") } => W::Tram,
        k if k == const { pk("nghìn") } => W::Mag(3),
        k if k == const { pk("ngàn") } => W::Mag(3),
        k if k == const { pk("vạn") } => W::Mag(4),
        k if k == const { pk("triệu") } => W::Mag(6),
        k if k == const { pk("tỷ") } => W::Mag(9),
        k if k == const { pk("tỉ") } => W::Mag(9),
        k if k == const { pk("rưỡi") } => W::Ruoi,
        k if k == const { pk("phẩy") } => W::Phay,
        _ => return None,
    })
}

/// The number word `s` is, if any (case ignored). Words in lower case or
/// capitalised are looked up as they are; a word with capitals after its
/// first letter (`HAI`, `MƯỜI`) is lower-cased first.
fn classify(s: &str) -> Option<W> {
    let b = s.as_bytes();
    if let Some(w) = word_of_key(pk(s)) {
        return Some(w);
    }
    if b.len() < 2 || !b[1..].iter().any(u8::is_ascii_uppercase) {
        return None;
    }
    let mut buf = [0u8; 16];
    let mut len = 0;
    for c in s.chars() {
        let c = lower(c);
        let l = c.len_utf8();
        if len + l > buf.len() {
            return None;
        }
        c.encode_utf8(&mut buf[len..]);
        len += l;
    }
    word_of_key(pk(std::str::from_utf8(&buf[..len]).ok()?))
}

/// 10^e as a float (exact for the magnitudes used here).
#[inline]
fn pow10(e: i32) -> f64 {
    10f64.powi(e)
}

/// A number in words starting at `start`: its value, the index past it and
/// whether it is one bare digit word. `src(k)` is the word at index `k`, or
/// `None` where the phrase cannot go on.
fn words_value<'a>(
    src: &impl Fn(usize) -> Option<&'a str>,
    start: usize,
) -> Option<(f64, usize, bool)> {
    let cls = |k: usize| src(k).and_then(classify);
    if !matches!(cls(start)?, W::Digit(_) | W::Muoi | W::Ham(_)) {
        return None;
    }
    let mut total = 0.0;
    let mut last_exp = i32::MAX;
    let mut k = start;
    while let Some((mut g, mut k2, _)) = group(&cls, k) {
        // "hai phẩy năm": a decimal part.
        if cls(k2) == Some(W::Phay) {
            if let Some((f, k3)) = fraction(&cls, k2 + 1) {
                g += f;
                k2 = k3;
            }
        }
        let noun = src(k2).is_some_and(|w| magnitude_starts_noun(w, src(k2 + 1)));
        match magnitude(&cls, k2).filter(|_| !noun) {
            Some((e, k3)) if e < last_exp => {
                total += g * pow10(e);
                last_exp = e;
                k = k3;
                match cls(k) {
                    Some(W::Ruoi) => {
                        total += pow10(e) / 2.0;
                        k += 1;
                        break;
                    }
                    Some(W::Mot) => {
                        total += pow10(e - 1);
                        k += 1;
                        break;
                    }
                    Some(W::Tu) => {
                        total += 4.0 * pow10(e - 1);
                        k += 1;
                        break;
                    }
                    Some(W::Linh) => {
                        if let Some(d) = unit_after_linh(cls(k + 1)) {
                            total += d;
                            k += 2;
                        }
                        break;
                    }
                    Some(W::Digit(_) | W::Zero | W::Muoi | W::Ham(_)) => {
                        // Another group: it must be a real group ("hai
                        // nghìn ba trăm"), or lead to a smaller magnitude
                        // ("hai triệu ba nghìn"). A bare digit after a
                        // magnitude is a noun's count or a year: "hai nghìn
                        // năm" is two thousand years.
                        let Some((g2, k4, structured2)) = group(&cls, k) else {
                            break;
                        };
                        if matches!(magnitude(&cls, k4), Some((e2, _)) if e2 < last_exp) {
                            continue;
                        }
                        if structured2 {
                            total += g2;
                            k = k4;
                        }
                        break;
                    }
                    _ => break,
                }
            }
            _ => {
                // No magnitude: the number ends with this group. (Later
                // groups are only read when a magnitude follows them.)
                if k == start {
                    total += g;
                    k = k2;
                }
                break;
            }
        }
    }
    if k == start {
        return None;
    }
    let bare = k == start + 1 && matches!(cls(start), Some(W::Digit(_)));
    Some((total, k, bare))
}

/// A magnitude at `k` (`nghìn tỷ` is one, 10¹²): its power of ten and the
/// index past it.
fn magnitude(cls: &impl Fn(usize) -> Option<W>, k: usize) -> Option<(i32, usize)> {
    let Some(W::Mag(mut e)) = cls(k) else {
        return None;
    };
    let mut k = k + 1;
    while let Some(W::Mag(e2)) = cls(k) {
        if e2 <= e {
            break;
        }
        e += e2;
        k += 1;
    }
    Some((e, k))
}

/// A group below a thousand at `k`: value, index past it, and whether it is
/// more than one bare digit word.
fn group(cls: &impl Fn(usize) -> Option<W>, k: usize) -> Option<(f64, usize, bool)> {
    let hundreds = match (cls(k), cls(k + 1)) {
        (Some(W::Digit(d)), Some(W::Tram)) => Some(d),
        (Some(W::Zero), Some(W::Tram)) => Some(0),
        _ => None,
    };
    if let Some(h) = hundreds {
        let mut v = f64::from(h) * 100.0;
        let mut k = k + 2;
        match cls(k) {
            Some(W::Linh) => {
                if let Some(d) = unit_after_linh(cls(k + 1)) {
                    v += d;
                    k += 2;
                }
            }
            Some(W::Mot) => {
                v += 10.0;
                k += 1;
            }
            Some(W::Tu) => {
                v += 40.0;
                k += 1;
            }
            Some(W::Ruoi) => {
                v += 50.0;
                k += 1;
            }
            _ => {
                if let Some((t, k2)) = tens(cls, k) {
                    // A bare digit after "trăm" is a short form ("trăm
                    // hai" = 120) too loose to read: stop before it.
                    if t >= 10.0 {
                        v += t;
                        k = k2;
                    }
                }
            }
        }
        return Some((v, k, true));
    }
    let (t, k2) = tens(cls, k)?;
    Some((t, k2, k2 > k + 1 || t >= 10.0))
}

/// The digit after `linh`/`lẻ` (`linh năm` = 5, `linh tư` = 4).
fn unit_after_linh(w: Option<W>) -> Option<f64> {
    match w {
        Some(W::Digit(d)) => Some(f64::from(d)),
        Some(W::Tu) => Some(4.0),
        _ => None,
    }
}

/// Tens and units at `k`: `mười lăm`, `hai mươi mốt`, `hăm hai`, `ba chục`,
/// `hai mốt`, `bảy`.
fn tens(cls: &impl Fn(usize) -> Option<W>, k: usize) -> Option<(f64, usize)> {
    let after_tens = |t: u8, k: usize| -> (f64, usize) {
        let t = f64::from(t);
        match cls(k) {
            Some(W::Mot) => (t + 1.0, k + 1),
            Some(W::Tu) => (t + 4.0, k + 1),
            Some(W::Lam) => (t + 5.0, k + 1),
            // "năm" after tens is a noun: the spoken 5 there is "lăm".
            Some(W::Digit(d)) if d != 5 => (t + f64::from(d), k + 1),
            _ => (t, k),
        }
    };
    match cls(k)? {
        W::Muoi => Some(match cls(k + 1) {
            Some(W::Lam) => (15.0, k + 2),
            Some(W::Tu) => (14.0, k + 2),
            Some(W::Digit(d)) if d != 5 => (10.0 + f64::from(d), k + 2),
            _ => (10.0, k + 1),
        }),
        // `hăm` and `băm` lead a unit digit (`hăm hai` = 22); alone they
        // are verbs (`hăm dọa`, `băm nhỏ`).
        W::Ham(h) => match after_tens(h * 10, k + 1) {
            (_, k2) if k2 == k + 1 => None,
            found => Some(found),
        },
        W::Digit(d) => Some(match cls(k + 1) {
            Some(W::Muoi2) if d >= 2 => after_tens(d * 10, k + 2),
            Some(W::Chuc) => (f64::from(d) * 10.0, k + 2),
            Some(W::Mot) if d >= 2 => (f64::from(d) * 10.0 + 1.0, k + 2),
            Some(W::Tu) if d >= 2 => (f64::from(d) * 10.0 + 4.0, k + 2),
            Some(W::Lam) if d >= 2 => (f64::from(d) * 10.0 + 5.0, k + 2),
            _ => (f64::from(d), k + 1),
        }),
        _ => None,
    }
}

/// The decimals after `phẩy`: digit words one by one (`không năm` = .05),
/// or a two-digit number (`hai mươi lăm` = .25).
fn fraction(cls: &impl Fn(usize) -> Option<W>, k: usize) -> Option<(f64, usize)> {
    if let Some((t, k2)) = tens(cls, k) {
        if t >= 10.0 {
            return Some((t / 100.0, k2));
        }
    }
    let mut v = 0.0;
    let mut scale = 0.1;
    let mut j = k;
    while let Some(w) = cls(j) {
        let d = match w {
            W::Digit(d) => f64::from(d),
            W::Zero => 0.0,
            W::Tu => 4.0,
            W::Lam => 5.0,
            _ => break,
        };
        v += d * scale;
        scale /= 10.0;
        j += 1;
        if j - k >= 6 {
            break;
        }
    }
    (j > k).then_some((v, j))
}

/// Digits at `start` with magnitude words after them. `digits(k)` is the
/// digit token at `k`, `word(k)` the word there (`None` where the phrase
/// cannot go on).
fn scaled_digits<'a>(
    digits: &impl Fn(usize) -> Option<&'a str>,
    word: &impl Fn(usize) -> Option<&'a str>,
    start: usize,
) -> Option<(f64, usize)> {
    let s = digits(start)?;
    let mut value = parse_digits(s)?;
    let mut end = start + 1;
    let cls = |k: usize| word(k).and_then(classify);
    let Some((e, j)) = digit_magnitude(&cls, word, end) else {
        return Some((value, end));
    };
    value = parse_digits_exp(s, e)?;
    end = j;
    let mut last = e;
    loop {
        // "2 tỷ 500 triệu": a smaller magnitude adds on.
        if let Some(d) = digits(end).filter(|d| d.as_bytes()[0].is_ascii_digit()) {
            if let Some((e2, j2)) = digit_magnitude(&cls, word, end + 1) {
                if e2 < last {
                    value += parse_digits_exp(d, e2)?;
                    last = e2;
                    end = j2;
                    continue;
                }
            }
        }
        if cls(end) == Some(W::Ruoi) {
            value += pow10(last) / 2.0;
            end += 1;
        }
        // "3 tỷ 2", "2 triệu 500": digits ending the phrase after a
        // magnitude are its spoken decimals (3.2 × 10⁹, 2.5 × 10⁶).
        if let Some(d) = digits(end).filter(|d| spoken_decimals(d, last)) {
            if digits(end + 1).is_none() && word(end + 1).is_none() {
                value += parse_digits_exp(d, last - d.len() as i32)?;
                end += 1;
            }
        }
        break;
    }
    Some((value, end))
}

/// Whether `d` can be the spoken decimals of a magnitude 10^`last`: one to
/// three plain digits, no more than the magnitude has places (`2 chục 5`,
/// `3 trăm 25`, `3 tỷ 250`).
pub(crate) fn spoken_decimals(d: &str, last: i32) -> bool {
    (1..=3).contains(&d.len()) && d.len() as i32 <= last && d.bytes().all(|b| b.is_ascii_digit())
}

/// A magnitude word after digits (`trăm` and `chục` included), unless the
/// word starts a noun (`tỷ lệ`, `triệu chứng`, `tỷ phú`).
fn digit_magnitude<'a>(
    cls: &impl Fn(usize) -> Option<W>,
    word: &impl Fn(usize) -> Option<&'a str>,
    k: usize,
) -> Option<(i32, usize)> {
    let found = match cls(k)? {
        W::Tram => (2, k + 1),
        W::Chuc => (1, k + 1),
        W::Mag(_) => magnitude(cls, k)?,
        _ => return None,
    };
    (!magnitude_starts_noun(word(k)?, word(k + 1))).then_some(found)
}

/// Whether a magnitude word `w` starts a noun with the word after it
/// (`tỷ lệ`, `triệu chứng`, `tỷ phú`): then it is no magnitude.
fn magnitude_starts_noun(w: &str, next: Option<&str>) -> bool {
    const NOT_AFTER: &[(&str, &[&str])] = &[
        ("triệu", &["chứng", "phú"]),
        ("tỷ", &["lệ", "số", "giá", "trọng", "phú", "suất"]),
        ("tỉ", &["lệ", "số", "giá", "trọng", "phú", "suất"]),
        ("vạn", &["vật", "sự", "tuế", "lý"]),
    ];
    let Some(next) = next else { return false };
    NOT_AFTER.iter().any(|(m, nouns)| {
        crate::lexicon::chars::eq_word(w, m)
            && nouns
                .iter()
                .any(|n| crate::lexicon::chars::eq_word(next, n))
    })
}

/// Reads a number written in digits at token `i` (with magnitude words after
/// it: `474 triệu`, `1,2 tỷ`, `30 nghìn tỷ`, `2 tỷ 500 triệu`), unless it is
/// part of a name, a code or a phone number (see the module docs).
pub(crate) fn number_at(doc: &Doc<'_>, i: usize) -> Option<Num> {
    if doc.kind(i) != Some(TokenKind::Number) || doc.glued_to_name(i) {
        return None;
    }
    let s = doc.s(i);
    // A zero before three digits or more: a phone number or a code (`028`,
    // `0912`), not a count (`05` is).
    let int_len = s.bytes().take_while(u8::is_ascii_digit).count();
    if s.starts_with('0') && int_len >= 3 {
        return None;
    }
    // Digit groups in a row: a phone number or a code (`0912 345 678`).
    let spaced_number = |k: usize| {
        doc.kind(k) == Some(TokenKind::Number) && doc.space_before(k.max(1)) && !doc.line_before(k)
    };
    if (i > 0 && spaced_number(i - 1) && doc.space_before(i) && !doc.line_before(i))
        || (spaced_number(i + 1) && doc.space_before(i + 1) && !doc.line_before(i + 1))
    {
        return None;
    }
    // Letters glued after the digits: a unit or currency (`2ha`, `13.910đ`),
    // else a code (`5G`, `3D`).
    if !doc.space_before(i + 1)
        && doc.kind(i + 1).is_some_and(TokenKind::is_word)
        && quantity::unit_at(doc, i + 1).is_none()
        && money::currency_at(doc, i + 1).is_none()
    {
        return None;
    }
    let same_line = |k: usize| k > i && k < doc.len() && !doc.line_before(k);
    let digits = |k: usize| {
        (k == i || same_line(k) && doc.kind(k) == Some(TokenKind::Number)).then(|| doc.s(k))
    };
    let word =
        |k: usize| (same_line(k) && doc.kind(k).is_some_and(TokenKind::is_word)).then(|| doc.s(k));
    let (value, end) = scaled_digits(&digits, &word, i)?;
    Some(Num {
        value,
        start: i,
        end,
        words: false,
        bare: false,
    })
}

/// Whether token `i` starts a sentence or a line: the first token, after a
/// line break, or after a sentence mark, an opening quote or bracket, or a
/// list dash.
pub(crate) fn sentence_start(doc: &Doc<'_>, i: usize) -> bool {
    if i == 0 || doc.line_before(i) {
        return true;
    }
    matches!(doc.kind(i - 1), Some(TokenKind::Punct | TokenKind::Symbol))
        && matches!(
            doc.s(i - 1),
            "." | "!" | "?" | ":" | ";" | "..." | "\"" | "(" | ")" | "[" | "-" | "*" | "+"
        )
}

/// Whether a number word at token `i` belongs to a name: capitalised
/// inside a sentence (`Tạ Văn Ba`, `Hai Bà Trưng` after a comma), or at a
/// sentence start with a capitalised word after it (`Hai Bà Trưng`, `Năm
/// Căn`). Words in capitals (`HAI NGƯỜI`, a headline) are read as numbers.
fn in_name(doc: &Doc<'_>, i: usize) -> bool {
    if doc.kind(i) != Some(TokenKind::Word(Case::Capitalized)) {
        return false;
    }
    !sentence_start(doc, i)
        || (i + 1 < doc.len()
            && !doc.line_before(i + 1)
            && doc.kind(i + 1) == Some(TokenKind::Word(Case::Capitalized)))
}

/// Reads a number written in words at token `i` (`hai mươi mốt`, `ba
/// nghìn`). Bare digit words (`năm`, `một`) are returned with `bare` set:
/// the caller decides from the context. A number word in a name (`Kỳ Hiểu
/// Ba`) is no number.
pub(crate) fn words_at(doc: &Doc<'_>, i: usize) -> Option<Num> {
    if !doc.kind(i).is_some_and(TokenKind::is_word) || !may_start_words(doc.s(i)) || in_name(doc, i)
    {
        return None;
    }
    // Later words of the number are lower case, or capitals like the first
    // (`HAI MƯƠI`): `hai Năm` is no number.
    let first_case = doc.kind(i);
    let src = |k: usize| {
        (k < doc.len()
            && (k == i
                || !doc.line_before(k)
                    && (doc.kind(k) == Some(TokenKind::Word(Case::Lower))
                        || doc.kind(k) == first_case))
            && doc.kind(k).is_some_and(TokenKind::is_word))
        .then(|| doc.s(k))
    };
    let (value, end, bare) = words_value(&src, i)?;
    Some(Num {
        value,
        start: i,
        end,
        words: true,
        bare,
    })
}

/// Every number of the document that [`amount_at`] reads at a token where
/// one may start (a number token, or a word [`may_start_words`] allows), in
/// order of their first token. Money and quantity both walk these; they are
/// found once per document.
pub(crate) fn amounts<'d>(doc: &'d Doc<'_>) -> &'d [Num] {
    doc.amounts.get_or_init(|| {
        let mut found = Vec::new();
        let bytes = doc.text.as_bytes();
        for (i, t) in doc.toks.iter().enumerate() {
            // A number, or a word that passes the byte test of
            // `may_start_words`: computed without short-circuits, so that
            // the common "no" costs one well-predicted branch whatever the
            // mix of tokens.
            let start = t.start as usize;
            let len = t.end.wrapping_sub(t.start) as usize;
            let b0 = bytes.get(start).copied().unwrap_or(0);
            let b1 = bytes.get(start + 1).copied().unwrap_or(0);
            let is_number = t.kind == TokenKind::Number;
            let word_start = matches!(t.kind, TokenKind::Word(_))
                & (2..=7).contains(&len)
                & (START_FIRST[usize::from(b0)] & START_SECOND[usize::from(b1)] != 0);
            if !(is_number | word_start) {
                continue;
            }
            let maybe = is_number || may_start_words(doc.s(i));
            if let Some(num) = maybe.then(|| amount_at(doc, i)).flatten() {
                found.push(num);
            }
        }
        found
    })
}

/// The first of `amounts` (sorted by start) that starts at token `i` or
/// after, advancing the cursor `k` past those before it.
#[inline]
pub(crate) fn next_amount(amounts: &[Num], k: &mut usize, i: usize) -> Option<Num> {
    while amounts.get(*k).is_some_and(|a| a.start < i) {
        *k += 1;
    }
    amounts.get(*k).copied()
}

/// A number at token `i`, in digits or in words.
pub(crate) fn amount_at(doc: &Doc<'_>, i: usize) -> Option<Num> {
    match doc.kind(i)? {
        TokenKind::Number => number_at(doc, i),
        TokenKind::Word(_) => words_at(doc, i),
        _ => None,
    }
}

/// Words after which a bare `năm` is the year, not five (`tháng năm`,
/// `cuối năm`, `mỗi năm`), and after which any bare digit word is an
/// ordinal or a name (`thứ hai`, `tháng ba`).
const YEAR_OR_ORDINAL_BEFORE: &[&str] = &[
    "tháng", "thứ", "mùng", "mồng", "cuối", "đầu", "giữa", "trong", "mỗi", "hàng", "hằng", "cả",
    "nhiều", "các", "những", "từng", "qua", "sang", "suốt", "của", "quý", "hạng", "giải", "khóa",
    "khoá", "lớp", "số", "kỳ", "đợt", "lần", "vòng", "tập", "phần", "chương", "điều",
];

/// Words after which a bare `năm` is the year too: time prepositions
/// (`từ năm lớp 9`, `vào năm ấy`).
const YEAR_BEFORE: &[&str] = &[
    "từ", "vào", "đến", "tới", "sau", "trước", "nửa", "lúc", "hồi", "mấy", "vài", "năm",
];

/// Whether a number in words at `num` can be a count: not `một` alone (an
/// article: `một người`), and not a bare digit word after an ordinal or a
/// year word (`thứ hai`, `cuối năm`, `từ năm lớp 9`).
pub(crate) fn words_can_count(doc: &Doc<'_>, num: &Num) -> bool {
    if !num.words || !num.bare {
        return true;
    }
    if num.value == 1.0 {
        return false;
    }
    let i = num.start;
    if i == 0 || doc.line_before(i) {
        return true;
    }
    let before = |list: &[&str]| list.iter().any(|w| doc.is(i - 1, w));
    !(before(YEAR_OR_ORDINAL_BEFORE) || num.value == 5.0 && before(YEAR_BEFORE))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the `extract` fuzz target: twenty or more digits overflowed
    /// the integer fast path (a panic with overflow checks on).
    #[test]
    fn long_digit_runs_do_not_overflow() {
        let s = "33333333333333333333335";
        let v = parse_digits(s).expect("digits");
        assert!((v - 3.333_333_333_333_333e22).abs() / v < 1e-12);
        assert_eq!(
            parse_digits_exp("1234567890123456", 0),
            Some(1_234_567_890_123_456.0)
        );
        let text = "3333333333333333333333335\n95\n´";
        assert!(crate::extract(text)
            .iter()
            .all(|f| text.get(f.start()..f.end()).is_some()));
    }

    #[test]
    fn start_tables_match_the_pairs() {
        for b0 in 0..=255u8 {
            for b1 in 0..=255u8 {
                let second = if b1.is_ascii() { b1 | 0x20 } else { b1 };
                let want = matches!(
                    (b0 | 0x20, second),
                    (b'm', 0xE1 | 0xC6)
                        | (b'h', b'a' | 0xC4)
                        | (b'b', b'a' | 0xE1 | 0xC4)
                        | (b'n', 0xC4)
                        | (b's' | b't', 0xC3)
                        | (b'c', b'h')
                );
                assert_eq!(looks_like_start(&[b0, b1]), want, "{b0:x} {b1:x}");
            }
        }
        assert!(!looks_like_start(b"m"));
        assert!(!looks_like_start("mườimột".as_bytes()));
    }

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
            ("1,234", Some(1.234)),
            ("1,234,567", Some(1234567.0)),
            ("1.25", Some(1.25)),
            ("05", Some(5.0)),
            ("1.2.3", None),
            ("1,2,3", None),
            ("1.234,5,6", None),
            ("", None),
            ("1.", None),
            (",5", None),
            ("1a", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_digits(s), want, "{s}");
        }
    }

    #[test]
    fn scaled_is_exact() {
        assert_eq!(parse_digits_exp("655,44", 9), Some(655_440_000_000.0));
        assert_eq!(parse_digits_exp("24,55", 9), Some(24_550_000_000.0));
        assert_eq!(parse_digits_exp("2,626", 9), Some(2_626_000_000.0));
        assert_eq!(parse("10,63 tỉ"), Some(10_630_000_000.0));
    }

    #[test]
    fn words() {
        let cases = [
            ("một", Some(1.0)),
            ("mười", Some(10.0)),
            ("mười một", Some(11.0)),
            ("mười lăm", Some(15.0)),
            ("mười tư", Some(14.0)),
            ("hai mươi", Some(20.0)),
            ("hai mươi mốt", Some(21.0)),
            ("hai mươi một", Some(21.0)),
            ("ba mươi tư", Some(34.0)),
            ("hai mươi lăm", Some(25.0)),
            ("hai mươi nhăm", Some(25.0)),
            ("hai mốt", Some(21.0)),
            ("hăm hai", Some(22.0)),
            ("năm mươi", Some(50.0)),
            ("một trăm", Some(100.0)),
            ("một trăm linh năm", Some(105.0)),
            ("một trăm lẻ một", Some(101.0)),
            ("một trăm mốt", Some(110.0)),
            ("hai trăm tư", Some(240.0)),
            ("ba trăm năm mươi", Some(350.0)),
            ("ba nghìn", Some(3000.0)),
            ("hai nghìn tư", Some(2400.0)),
            ("một nghìn mốt", Some(1100.0)),
            ("hai nghìn không trăm linh hai", Some(2002.0)),
            ("hai nghìn hai mươi ba", Some(2023.0)),
            ("hai triệu ba trăm nghìn", Some(2_300_000.0)),
            ("hai triệu ba nghìn", Some(2_003_000.0)),
            ("triệu", None),
            ("một triệu rưỡi", Some(1_500_000.0)),
            ("hai nghìn tỷ", Some(2e12)),
            ("mười tỷ", Some(1e10)),
            ("chín mươi vạn", Some(900_000.0)),
            ("hai chục", Some(20.0)),
            ("hai phẩy năm", Some(2.5)),
            ("năm mươi nghìn", Some(50_000.0)),
            ("một trăm triệu", Some(1e8)),
            ("bẩy", Some(7.0)),
            ("MƯỜI LĂM", Some(15.0)),
        ];
        for (s, want) in cases {
            assert_eq!(parse_words(s), want, "{s}");
        }
    }

    #[test]
    fn words_leave_nouns_alone() {
        // Twenty years, ten years, two thousand years: `năm` is the noun.
        for s in [
            "hai mươi năm",
            "mười năm",
            "hai nghìn năm",
            "tư",
            "lăm",
            "mốt",
            "không",
            "linh",
        ] {
            assert_eq!(parse_words(s), None, "{s}");
        }
        let src = |k: usize| ["hai", "mươi", "năm"].get(k).copied();
        assert_eq!(words_value(&src, 0), Some((20.0, 2, false)));
        let src = |k: usize| ["năm", "người"].get(k).copied();
        assert_eq!(words_value(&src, 0), Some((5.0, 1, true)));
    }

    #[test]
    fn mixed() {
        assert_eq!(parse("5 triệu"), Some(5e6));
        assert_eq!(parse("1,2 tỷ"), Some(1.2e9));
        assert_eq!(parse("30 nghìn tỷ"), Some(3e13));
        assert_eq!(parse("30 ngàn tỉ"), Some(3e13));
        assert_eq!(parse("2 tỷ 500 triệu"), Some(2.5e9));
        assert_eq!(parse("1 tỷ rưỡi"), Some(1.5e9));
        assert_eq!(parse("2 chục"), Some(20.0));
        assert_eq!(parse("5 trăm"), Some(500.0));
        assert_eq!(parse("3 tỷ lệ"), None);
        assert_eq!(parse("3 triệu chứng"), None);
        assert_eq!(parse("500 triệu 2 tỷ"), None);
    }
}
