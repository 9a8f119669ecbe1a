//! Single-byte encodings (TCVN3, Windows-1258): a table from byte to
//! character, with combining tone marks composed onto the letter before.

use std::collections::HashMap;

use super::{compose_into, Encoding, Out, Units};

/// A single-byte encoding: its table and which bytes are combining marks.
pub(crate) struct Table {
    pub encoding: Encoding,
    pub chars: &'static [char; 256],
    /// Bytes that decode to themselves (ASCII).
    pub same: [bool; 256],
    pub mark: [bool; 256],
    /// Another reading of a byte, taken when the byte stands outside a
    /// word: in TCVN3 documents typed in Word, 0x85 and 0x91–0x97 are the
    /// Windows-1252 `… ‘ ’ “ ” • – —`, not the VN1 capitals.
    pub alt: [Option<char>; 256],
}

impl Table {
    pub fn new(encoding: Encoding, chars: &'static [char; 256]) -> Table {
        let mut same = [false; 256];
        let mut mark = [false; 256];
        for (b, &c) in chars.iter().enumerate() {
            same[b] = b < 0x80 && c as usize == b;
            mark[b] = matches!(c as u32, 0x300..=0x36F);
        }
        Table {
            encoding,
            chars,
            same,
            mark,
            alt: [None; 256],
        }
    }

    /// The table with `alt` readings for `bytes`.
    pub fn with_alt(mut self, alts: &[(u8, char)]) -> Table {
        for &(b, c) in alts {
            self.alt[usize::from(b)] = Some(c);
        }
        self
    }

    /// The reverse table, for encoding.
    pub fn reverse(&self) -> HashMap<char, u8> {
        let mut r = HashMap::new();
        for (b, &c) in self.chars.iter().enumerate() {
            if c != '\u{FFFD}' && self.alt[b].is_none() {
                r.entry(c).or_insert(b as u8);
            }
        }
        r
    }
}

/// Decodes the units with `t`.
pub(crate) fn decode<U: Units>(u: &U, t: &Table, out: &mut Out<'_>) {
    let n = u.len();
    let plain = |x: Option<u8>| x.is_some_and(|b| t.same[usize::from(b)]);
    let mut k = 0;
    // Units before `done` are written.
    let mut done = 0;
    while k < n {
        while k < n && plain(u.get(k)) {
            k += 1;
        }
        if k >= n {
            break;
        }
        let Some(b) = u.get(k) else {
            k += 1;
            continue;
        };
        // A mark after an ASCII letter composes with it.
        let bk = if t.mark[usize::from(b)] && k > done && plain(u.get(k - 1)) {
            k - 1
        } else {
            k
        };
        let first_mark = if bk < k { k } else { k + 1 };
        let mut m = first_mark;
        while m < n && u.get(m).is_some_and(|x| t.mark[usize::from(x)]) {
            m += 1;
        }
        let mut c = u.get(bk).map_or('\u{FFFD}', |x| t.chars[usize::from(x)]);
        if let Some(alt) = u.get(bk).and_then(|x| t.alt[usize::from(x)]) {
            if !in_word(u, t, bk, c) {
                c = alt;
            }
        }
        if c == '\u{FFFD}' {
            out.bad(u.start(bk), u.start(bk + 1), t.encoding);
            k = bk + 1;
            done = k;
            continue;
        }
        if m == bk + 1 {
            out.char(u.start(bk), u.start(m), c);
            k = m;
            done = k;
            continue;
        }
        let mut marks = [' '; 8];
        let cut = m.min(first_mark + marks.len());
        for (slot, j) in marks.iter_mut().zip(first_mark..cut) {
            *slot = u.get(j).map_or(' ', |x| t.chars[usize::from(x)]);
        }
        compose_into(
            out,
            u.start(bk),
            u.start(cut),
            c,
            &marks[..cut - first_mark],
        );
        k = cut;
        done = k;
    }
}

/// Whether the letter `c` read for unit `k` makes, with the letters around
/// it, a Vietnamese syllable.
fn in_word<U: Units>(u: &U, t: &Table, k: usize, c: char) -> bool {
    let letter = |j: usize| {
        u.get(j)
            .map(|x| t.chars[usize::from(x)])
            .filter(|&d| crate::normalize::letters::is_letter(d))
    };
    let mut start = k;
    while start > 0 && k - start < 8 && letter(start - 1).is_some() {
        start -= 1;
    }
    let mut end = k + 1;
    while end < u.len() && end - k < 8 && letter(end).is_some() {
        end += 1;
    }
    if start == k && end == k + 1 {
        return false;
    }
    let mut word = String::with_capacity(24);
    for j in start..end {
        word.push(if j == k { c } else { letter(j).unwrap_or(' ') });
    }
    crate::normalize::tone::is_syllable(&word)
}
