//! VNI-Windows: a vowel is its ASCII base letter followed by one accent
//! byte (`Vie\xE4t` = `Việt`: `ä` is circumflex + dot below); `đ ơ ư` and
//! the toned `i` and `ỵ` are single bytes (`ñ ô ö í ì æ ó ò î`). Upper-case
//! letters take the upper-case accent bytes, but either case is accepted
//! after either base.
//!
//! Bytes 0x80–0x9F read as Windows-1252 punctuation and 0xA0–0xBF as Latin-1
//! symbols, as in VNI fonts; an accent byte with no vowel to sit on, and
//! bytes VNI does not use, are reported.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::{latin1_char, Encoding, Out, Units};
use crate::normalize::letters::{self, base};

const HAT: u8 = 1;
const BREVE: u8 = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// ASCII: itself.
    Same,
    /// A letter in one byte.
    Letter(char),
    /// An accent byte: shape (0, [`HAT`], [`BREVE`]) and tone (0–5).
    Mod(u8, u8),
    /// Punctuation or a symbol.
    Sym(char),
    /// Not used by VNI.
    Bad,
}

/// Single-byte letters, lower case (the upper-case byte is 0x20 lower).
const LETTERS: [(u8, char, char); 9] = [
    (0xF1, 'đ', 'Đ'),
    (0xF4, 'ơ', 'Ơ'),
    (0xF6, 'ư', 'Ư'),
    (0xED, 'í', 'Í'),
    (0xEC, 'ì', 'Ì'),
    (0xE6, 'ỉ', 'Ỉ'),
    (0xF3, 'ĩ', 'Ĩ'),
    (0xF2, 'ị', 'Ị'),
    (0xEE, 'ỵ', 'Ỵ'),
];

/// Accent bytes, lower case: shape and tone.
const MODS: [(u8, u8, u8); 17] = [
    (0xF8, 0, 1),
    (0xF9, 0, 2),
    (0xFB, 0, 3),
    (0xF5, 0, 4),
    (0xEF, 0, 5),
    (0xE2, HAT, 0),
    (0xE0, HAT, 1),
    (0xE1, HAT, 2),
    (0xE5, HAT, 3),
    (0xE3, HAT, 4),
    (0xE4, HAT, 5),
    (0xEA, BREVE, 0),
    (0xE8, BREVE, 1),
    (0xE9, BREVE, 2),
    (0xFA, BREVE, 3),
    (0xFC, BREVE, 4),
    (0xEB, BREVE, 5),
];

static ROLES: LazyLock<[Role; 256]> = LazyLock::new(|| {
    let mut r = [Role::Bad; 256];
    for (b, role) in r.iter_mut().enumerate().take(0x80) {
        let _ = b;
        *role = Role::Same;
    }
    for b in 0x80..0xC0u8 {
        let c = latin1_char(b);
        if !(0x80..0xA0).contains(&(c as u32)) {
            r[usize::from(b)] = Role::Sym(c);
        }
    }
    r[0xD7] = Role::Sym('×');
    r[0xF7] = Role::Sym('÷');
    for (b, lo, up) in LETTERS {
        r[usize::from(b)] = Role::Letter(lo);
        r[usize::from(b - 0x20)] = Role::Letter(up);
    }
    for (b, shape, tone) in MODS {
        r[usize::from(b)] = Role::Mod(shape, tone);
        r[usize::from(b - 0x20)] = Role::Mod(shape, tone);
    }
    r
});

#[inline]
fn role(b: Option<u8>) -> Role {
    match b {
        Some(b) => ROLES[usize::from(b)],
        None => Role::Same,
    }
}

/// The vowel `c` with an accent byte applied, if it applies.
fn apply(c: char, shape: u8, tone: u8) -> Option<char> {
    let i = letters::info(c);
    if !i.is_vowel() {
        return None;
    }
    let b = match (shape, i.base()) {
        (0, b) => b,
        (HAT, base::A) => base::AA,
        (HAT, base::E) => base::EE,
        (HAT, base::O) => base::OO,
        (BREVE, base::A) => base::AW,
        _ => return None,
    };
    if tone != 0 && i.tone() != 0 {
        return None;
    }
    Some(letters::vowel(b, i.tone().max(tone), i.is_upper()))
}

pub(crate) fn decode<U: Units>(u: &U, out: &mut Out<'_>) {
    let n = u.len();
    let same = |x: Option<u8>| matches!(role(x), Role::Same);
    let mut k = 0;
    // Units before `done` are written.
    let mut done = 0;
    while k < n {
        while k < n && same(u.get(k)) {
            k += 1;
        }
        if k >= n {
            break;
        }
        let Some(b) = u.get(k) else {
            k += 1;
            continue;
        };
        let (bk, base) = match ROLES[usize::from(b)] {
            Role::Mod(..) if k > done && u.get(k - 1).is_some_and(|p| p.is_ascii_alphabetic()) => {
                let p = u.get(k - 1).unwrap_or(b'?');
                (k - 1, char::from(p))
            }
            Role::Letter(c) => (k, c),
            Role::Sym(c) => {
                out.char(u.start(k), u.start(k + 1), c);
                k += 1;
                done = k;
                continue;
            }
            Role::Mod(..) | Role::Bad | Role::Same => {
                out.bad(u.start(k), u.start(k + 1), Encoding::Vni);
                k += 1;
                done = k;
                continue;
            }
        };
        let mut cur = base;
        let mut m = bk + 1;
        while m < n {
            match role(u.get(m)) {
                Role::Mod(shape, tone) => match apply(cur, shape, tone) {
                    Some(c) => {
                        cur = c;
                        m += 1;
                    }
                    None => break,
                },
                _ => break,
            }
        }
        if m == bk + 1 && base.is_ascii() {
            // An accent that does not fit the letter before it.
            out.bad(u.start(k), u.start(k + 1), Encoding::Vni);
            k += 1;
            done = k;
            continue;
        }
        out.char(u.start(bk), u.start(m), cur);
        k = m;
        done = k;
    }
}

static REVERSE: LazyLock<HashMap<char, Vec<u8>>> = LazyLock::new(|| {
    let mut r: HashMap<char, Vec<u8>> = HashMap::new();
    for (b, role) in ROLES.iter().enumerate() {
        match *role {
            Role::Letter(c) | Role::Sym(c) => {
                r.entry(c).or_insert_with(|| vec![b as u8]);
            }
            _ => {}
        }
    }
    for upper in [false, true] {
        for bse in 1..=12u8 {
            for tone in 0..6u8 {
                let c = letters::vowel(bse, tone, upper);
                if r.contains_key(&c) {
                    continue;
                }
                let (letter, shape) = match bse {
                    base::AW => ('a', BREVE),
                    base::AA => ('a', HAT),
                    base::EE => ('e', HAT),
                    base::OO => ('o', HAT),
                    _ => (letters::BASES[usize::from(bse - 1)], 0),
                };
                let mut bytes = match r.get(&letters::vowel(bse, 0, upper)) {
                    Some(v) if shape == 0 && bse != base::I && bse != base::Y => v.clone(),
                    _ => {
                        let l = if upper {
                            letter.to_ascii_uppercase()
                        } else {
                            letter
                        };
                        let mut buf = [0; 4];
                        l.encode_utf8(&mut buf).as_bytes().to_vec()
                    }
                };
                if shape != 0 || tone != 0 {
                    let Some(&(mb, _, _)) = MODS.iter().find(|m| m.1 == shape && m.2 == tone)
                    else {
                        continue;
                    };
                    bytes.push(if upper { mb - 0x20 } else { mb });
                }
                r.insert(c, bytes);
            }
        }
    }
    r
});

pub(crate) fn encode_char(c: char, out: &mut Vec<u8>) -> bool {
    if c.is_ascii() {
        out.push(c as u8);
        return true;
    }
    match REVERSE.get(&c) {
        Some(bytes) => {
            out.extend_from_slice(bytes);
            true
        }
        None => false,
    }
}
