//! TCVN3 (ABC), decoded with the TCVN 5712:1993 VN1 table, its superset:
//! lower-case letters at 0xB5–0xFE (`ộ` is 0xE9), `Ă Â Ê Ô Ơ Ư Đ` and `ă â
//! ê ô ơ ư đ` at 0xA1–0xAE, the VN1 capitals at 0x80–0x9F and a few C0
//! positions, combining tone marks at 0xB0–0xB4.
//!
//! TCVN3 proper (VN3) has no toned capitals: documents typed in Word with
//! the ABC fonts hold Windows-1252 smart quotes, dashes and the ellipsis at
//! 0x85 and 0x91–0x97, where VN1 puts `Ặ Ị Ò Ỏ Õ Ó Ọ Ộ`. Those bytes read as
//! the capital inside a word that is then a Vietnamese syllable, and as the
//! punctuation elsewhere; the encoder writes those capitals as the letter
//! and a combining tone mark, so they round-trip.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::single::{self, Table};
use super::{tables, Encoding, Out, Units};
use crate::normalize::letters;

/// Windows-1252 punctuation that Word put at the VN1 capitals' places.
const PUNCTUATION: [(u8, char); 8] = [
    (0x85, '…'),
    (0x91, '‘'),
    (0x92, '’'),
    (0x93, '“'),
    (0x94, '”'),
    (0x95, '•'),
    (0x96, '–'),
    (0x97, '—'),
];

static TABLE: LazyLock<Table> =
    LazyLock::new(|| Table::new(Encoding::Tcvn3, &tables::TCVN3).with_alt(&PUNCTUATION));
static REVERSE: LazyLock<HashMap<char, u8>> = LazyLock::new(|| TABLE.reverse());

pub(crate) fn decode<U: Units>(u: &U, out: &mut Out<'_>) {
    single::decode(u, &TABLE, out);
}

/// The byte of each combining tone mark, by tone number (1–5).
const TONE_BYTES: [u8; 6] = [0, 0xB0, 0xB3, 0xB1, 0xB2, 0xB4];

pub(crate) fn encode_char(c: char, out: &mut Vec<u8>) -> bool {
    if let Some(&b) = REVERSE.get(&c) {
        out.push(b);
        return true;
    }
    // The capitals whose bytes read as punctuation outside a word are
    // written as the letter and a combining tone mark.
    let i = letters::info(c);
    if i.is_vowel() && i.tone() != 0 {
        if let Some(&b) = REVERSE.get(&letters::vowel(i.base(), 0, i.is_upper())) {
            out.push(b);
            out.push(TONE_BYTES[usize::from(i.tone())]);
            return true;
        }
    }
    false
}
