//! Names: runs of capitalised syllables, and whether a syllable is a
//! Vietnamese one (a foreign name has at least one that is not).

use std::sync::LazyLock;

use crate::extract::Doc;
use crate::lexicon::chars::split_tone;
use crate::token::{Case, TokenKind};

/// Consonant onsets of Vietnamese syllables, longest first.
const ONSETS: &[&str] = &[
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

/// Rhymes (vowel nucleus and coda) of Vietnamese syllables, toneless.
const RHYMES: &[&str] = &[
    "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay", "ă", "ăc",
    "ăm", "ăn", "ăng", "ăp", "ăt", "â", "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây", "e", "ec",
    "em", "en", "eng", "eo", "ep", "et", "ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu", "i",
    "ia", "ich", "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu", "im", "in", "inh", "ip", "it",
    "iu", "o", "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat",
    "oay", "oăc", "oăm", "oăn", "oăng", "oăt", "oc", "oe", "oen", "oeo", "oet", "oi", "om", "on",
    "ong", "ooc", "oong", "op", "ot", "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt", "ơ", "ơi",
    "ơm", "ơn", "ơp", "ơt", "u", "ua", "uân", "uâng", "uât", "uây", "uc", "ue", "uê", "uêch",
    "uênh", "ui", "um", "un", "ung", "uô", "uôc", "uôi", "uôm", "uôn", "uông", "uôt", "uơ", "up",
    "ut", "uy", "uya", "uych", "uyên", "uyêt", "uynh", "uyt", "uyu", "ư", "ưa", "ưc", "ưi", "ưm",
    "ưn", "ưng", "ưt", "ưu", "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu", "y", "yêm",
    "yên", "yêng", "yêt", "yêu",
];

/// The rhymes packed into integers (see [`pack`]), sorted.
static PACKED_RHYMES: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut v: Vec<u64> = RHYMES.iter().filter_map(|r| pack(r.as_bytes())).collect();
    v.sort_unstable();
    v
});

/// Up to eight bytes as one integer, or `None` when longer.
#[inline]
fn pack(b: &[u8]) -> Option<u64> {
    if b.len() > 8 {
        return None;
    }
    Some(b.iter().fold(0u64, |acc, &x| (acc << 8) | u64::from(x)))
}

/// Whether `s` is one Vietnamese syllable (case and tone ignored): an onset
/// and a rhyme from the tables. `Nguyễn`, `Điềm`, `gì` are; `Bill`, `Saitoh`,
/// `Israel` are not.
pub(super) fn is_viet_syllable(s: &str) -> bool {
    let mut buf = [0u8; 24];
    let mut len = 0;
    for c in s.chars() {
        let (base, _) = split_tone(c);
        if !(base.is_ascii_lowercase() || matches!(base, 'ă' | 'â' | 'đ' | 'ê' | 'ô' | 'ơ' | 'ư'))
            || len + 2 > buf.len()
        {
            return false;
        }
        len += base.encode_utf8(&mut buf[len..]).len();
    }
    let word = &buf[..len];
    if word.is_empty() {
        return false;
    }
    let rest = ONSETS
        .iter()
        .find_map(|o| word.strip_prefix(o.as_bytes()))
        .unwrap_or(word);
    if rest.is_empty() {
        // `gì` reads as gi + i; a bare consonant is no syllable.
        return word == b"gi";
    }
    let rhymes = &*PACKED_RHYMES;
    let known = |r: &[u8]| pack(r).is_some_and(|p| rhymes.binary_search(&p).is_ok());
    // `gi` and `qu` carry their vowel: `giá` = gi + a, `quốc` = qu + ôc.
    known(rest) || (word.starts_with(b"gi") && known(&word[1..]))
}

/// Whether token `i` can be a syllable of a name: a capitalised word of
/// letters (`Nguyễn`, `A`, `K'Ho`).
#[inline]
pub(super) fn is_name_syl(doc: &Doc<'_>, i: usize) -> bool {
    match doc.kind(i) {
        Some(TokenKind::Word(Case::Capitalized)) => true,
        Some(TokenKind::Word(Case::Mixed)) => {
            let s = doc.s(i);
            s.contains('\'') && s.chars().next().is_some_and(char::is_uppercase)
        }
        _ => false,
    }
}

/// A run of name syllables from token `i`: the index past it. Syllables are
/// separated by single spaces on one line; a hyphen glued on both sides joins
/// two parts of one foreign name (`Olivieri-Munroe`), and a one-letter initial
/// (`W.`) may stand inside a run. At most `max` syllables.
pub(super) fn run_end(doc: &Doc<'_>, i: usize, max: usize) -> usize {
    let mut j = i;
    let mut n = 0;
    while n < max {
        if j == i {
            if !is_name_syl(doc, j) {
                break;
            }
            j += 1;
            n += 1;
            continue;
        }
        if doc.line_before(j) {
            break;
        }
        // Olivieri-Munroe, Abdel-Raouf: glued hyphen, then a word.
        if doc.is_punct(j, "-")
            && !doc.space_before(j)
            && !doc.space_before(j + 1)
            && matches!(doc.kind(j + 1), Some(TokenKind::Word(_)))
        {
            j += 2;
            continue;
        }
        if !doc.space_before(j) {
            break;
        }
        if is_name_syl(doc, j) {
            j += 1;
            n += 1;
            continue;
        }
        // An initial inside a foreign name: John F. Miller.
        if doc.kind(j) == Some(TokenKind::Abbreviation)
            && doc.s(j).len() == 2
            && doc.s(j).ends_with('.')
            && is_name_syl(doc, j + 1)
            && doc.space_before(j + 1)
        {
            j += 1;
            continue;
        }
        break;
    }
    j
}

/// Number of name syllables in `s..e` (hyphens and initials not counted).
pub(super) fn syllables(doc: &Doc<'_>, s: usize, e: usize) -> usize {
    (s..e).filter(|&k| is_name_syl(doc, k)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_syllables() {
        for s in [
            "Nguyễn",
            "Điềm",
            "gì",
            "Quốc",
            "Giáp",
            "Thúy",
            "Thuý",
            "Khuyến",
            "Nghiêm",
            "Ngọc",
            "Huỳnh",
            "Trường",
            "Yến",
            "Oánh",
            "A",
        ] {
            assert!(is_viet_syllable(s), "{s}");
        }
        for s in [
            "Bill", "Saitoh", "Israel", "Clinton", "Barak", "Peres", "George", "Bush", "Haydn",
            "Ksor", "",
        ] {
            assert!(!is_viet_syllable(s), "{s}");
        }
    }
}
