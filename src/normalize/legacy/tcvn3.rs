//! TCVN3 (ABC), decoded with the TCVN 5712:1993 VN1 table, its superset:
//! lower-case letters at 0xB5–0xFE (`ộ` is 0xE9), `Ă Â Ê Ô Ơ Ư Đ` and `ă â
//! ê ô ơ ư đ` at 0xA1–0xAE, the VN1 capitals at 0x80–0x9F and a few C0
//! positions, combining tone marks at 0xB0–0xB4.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::single::{self, Table};
use super::{tables, Encoding, Out, Units};

static TABLE: LazyLock<Table> = LazyLock::new(|| Table::new(Encoding::Tcvn3, &tables::TCVN3));
static REVERSE: LazyLock<HashMap<char, u8>> = LazyLock::new(|| TABLE.reverse());

pub(crate) fn decode<U: Units>(u: &U, out: &mut Out<'_>) {
    single::decode(u, &TABLE, out);
}

pub(crate) fn encode_char(c: char, out: &mut Vec<u8>) -> bool {
    match REVERSE.get(&c) {
        Some(&b) => {
            out.push(b);
            true
        }
        None => false,
    }
}
