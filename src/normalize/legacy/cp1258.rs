//! Windows-1258: Latin-1 letters, `Ă Â Ê Ô Ơ Ư Đ` in both cases, and five
//! combining tone marks (0xCC grave, 0xEC acute, 0xD2 hook, 0xDE tilde, 0xF2
//! dot below) written after the letter; decoded and composed as NFC.
//! Bytes the code page leaves undefined are reported.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::single::{self, Table};
use super::{tables, Encoding, Out, Units};
use crate::normalize::letters;

static TABLE: LazyLock<Table> = LazyLock::new(|| Table::new(Encoding::Cp1258, &tables::CP1258));
static REVERSE: LazyLock<HashMap<char, u8>> = LazyLock::new(|| TABLE.reverse());

/// The byte of each tone mark, by tone number (1–5).
const TONE_BYTES: [u8; 6] = [0, 0xCC, 0xEC, 0xD2, 0xDE, 0xF2];

pub(crate) fn decode<U: Units>(u: &U, out: &mut Out<'_>) {
    single::decode(u, &TABLE, out);
}

pub(crate) fn encode_char(c: char, out: &mut Vec<u8>) -> bool {
    if let Some(&b) = REVERSE.get(&c) {
        out.push(b);
        return true;
    }
    let i = letters::info(c);
    if i.is_vowel() && i.tone() != 0 {
        let base = letters::vowel(i.base(), 0, i.is_upper());
        if let Some(&b) = REVERSE.get(&base) {
            out.push(b);
            out.push(TONE_BYTES[usize::from(i.tone())]);
            return true;
        }
    }
    false
}
