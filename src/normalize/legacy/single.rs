//! Single-byte encodings (TCVN3, Windows-1258): a table from byte to
//! character, with combining tone marks composed onto the letter before.

use std::collections::HashMap;

use super::{compose, Encoding, Out, Units};

/// A single-byte encoding: its table and which bytes are combining marks.
pub(crate) struct Table {
    pub encoding: Encoding,
    pub chars: &'static [char; 256],
    /// Bytes that decode to themselves (ASCII).
    pub same: [bool; 256],
    pub mark: [bool; 256],
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
        }
    }

    /// The reverse table, for encoding.
    pub fn reverse(&self) -> HashMap<char, u8> {
        let mut r = HashMap::new();
        for (b, &c) in self.chars.iter().enumerate() {
            if c != '\u{FFFD}' {
                r.entry(c).or_insert(b as u8);
            }
        }
        r
    }
}

/// Decodes the units with `t`.
pub(crate) fn decode<U: Units>(u: &U, t: &Table, out: &mut Out<'_>) {
    let n = u.len();
    let mut k = 0;
    while k < n {
        let Some(b) = u.get(k) else {
            k += 1;
            continue;
        };
        let mut m = k + 1;
        while m < n && u.get(m).is_some_and(|x| t.mark[usize::from(x)]) {
            m += 1;
        }
        let c = t.chars[usize::from(b)];
        if m == k + 1 {
            if !t.same[usize::from(b)] {
                if c == '\u{FFFD}' {
                    out.bad(u.start(k), u.start(k + 1), t.encoding);
                } else {
                    out.char(u.start(k), u.start(k + 1), c);
                }
            }
            k += 1;
            continue;
        }
        if c == '\u{FFFD}' {
            out.bad(u.start(k), u.start(k + 1), t.encoding);
            k += 1;
            continue;
        }
        let mut marks = [' '; 8];
        let mut nm = 0;
        for j in k + 1..m {
            if let Some(x) = u.get(j) {
                if nm < marks.len() {
                    marks[nm] = t.chars[usize::from(x)];
                    nm += 1;
                }
            }
        }
        if nm < m - k - 1 {
            // An absurd run of marks: compose what fits, keep the rest.
            let cut = k + 1 + nm;
            out.replace(u.start(k), u.start(cut), &compose(c, &marks[..nm]));
            k = cut;
            continue;
        }
        out.replace(u.start(k), u.start(m), &compose(c, &marks[..nm]));
        k = m;
    }
}
