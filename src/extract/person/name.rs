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
/// letters (`Nguyễn`, `A`), with an apostrophe after its initial (`K'Ho`,
/// `O'Neill`) or a second capital after a surname prefix (`McDormand`,
/// `DiCaprio`).
#[inline]
pub(super) fn is_name_syl(doc: &Doc<'_>, i: usize) -> bool {
    match doc.kind(i) {
        Some(TokenKind::Word(Case::Capitalized)) => true,
        Some(TokenKind::Word(Case::Mixed)) => {
            let s = doc.s(i);
            (s.contains('\'') && s.chars().next().is_some_and(char::is_uppercase))
                || inner_capital_name(s)
        }
        _ => false,
    }
}

/// Prefixes of surnames written with a second capital: `McDormand`,
/// `MacArthur`, `DiCaprio`, `DeVito`, `LaBeouf`, `LeBlanc`, `DuBois`.
const NAME_PREFIXES: &[&str] = &["Mac", "Mc", "Da", "De", "Di", "Du", "La", "Le"];

/// Whether `s` is a surname prefix, then a capital and two lower-case ASCII
/// letters or more, nothing else (`McDormand`; not `iPhone`, `TikTok`,
/// `McDonald's`).
fn inner_capital_name(s: &str) -> bool {
    NAME_PREFIXES.iter().any(|p| {
        s.strip_prefix(p).is_some_and(|rest| {
            let b = rest.as_bytes();
            b.len() >= 3 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_lowercase)
        })
    })
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
        if is_initial(doc, j) && is_name_syl(doc, j + 1) && doc.space_before(j + 1) {
            j += 1;
            continue;
        }
        // A particle inside a foreign name: von der Leyen, da Vinci, bin
        // Salman, al-Qudwa.
        if let Some(e) = particle_end(doc, j) {
            j = e;
            continue;
        }
        break;
    }
    j
}

/// Whether `w` is a lower-case particle of foreign names (`von der Leyen`,
/// `da Vinci`, `bin Salman`, `al-Qudwa`).
#[inline]
fn is_particle_word(w: &str) -> bool {
    matches!(
        w,
        "al" | "bin"
            | "da"
            | "das"
            | "de"
            | "del"
            | "della"
            | "den"
            | "der"
            | "di"
            | "dos"
            | "du"
            | "el"
            | "ibn"
            | "van"
            | "von"
    )
}

/// Whether token `i` is a one-letter initial with its dot (`F.`, `Đ.`).
#[inline]
pub(super) fn is_initial(doc: &Doc<'_>, i: usize) -> bool {
    if doc.kind(i) != Some(TokenKind::Abbreviation) {
        return false;
    }
    let mut cs = doc.s(i).chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// Past one or two particles at `j` inside a run and the name word after
/// them (the index of that word, or past a glued `al-Qudwa`), when the words
/// around are not both Vietnamese syllables.
fn particle_end(doc: &Doc<'_>, j: usize) -> Option<usize> {
    let is_particle =
        |k: usize| doc.kind(k) == Some(TokenKind::Word(Case::Lower)) && is_particle_word(doc.s(k));
    if j == 0 || !is_particle(j) || !doc.space_before(j) {
        return None;
    }
    let mut p = j + 1;
    if is_particle(p) && doc.space_before(p) && !doc.line_before(p) {
        p += 1;
    }
    let (next, end) = if p == j + 1
        && doc.is_punct(p, "-")
        && !doc.space_before(p)
        && !doc.space_before(p + 1)
        && is_name_syl(doc, p + 1)
    {
        (p + 1, p + 2)
    } else if is_name_syl(doc, p) && doc.space_before(p) && !doc.line_before(p) {
        (p, p)
    } else {
        return None;
    };
    let foreign = !is_viet_syllable(doc.s(j - 1)) || !is_viet_syllable(doc.s(next));
    foreign.then_some(end)
}

/// Number of name syllables in `s..e` (hyphens and initials not counted).
pub(super) fn syllables(doc: &Doc<'_>, s: usize, e: usize) -> usize {
    (s..e).filter(|&k| is_name_syl(doc, k)).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Context;
    use crate::token::scan_into;

    /// The text of the name run from token `i` of `text`.
    fn run(text: &str, i: usize) -> String {
        let mut toks = Vec::new();
        scan_into(text, &mut toks);
        let ctx = Context::default();
        let doc = Doc::new(text, &toks, &ctx);
        let e = run_end(&doc, i, 6);
        doc.slice(i, e).to_string()
    }

    #[test]
    fn runs_through_particles_and_initials() {
        assert_eq!(
            run("bà Ingrid von der Heide nói", 1),
            "Ingrid von der Heide"
        );
        assert_eq!(run("Abu Musa al-Rahim nói", 0), "Abu Musa al-Rahim");
        assert_eq!(run("John F. Miller nói", 0), "John F. Miller");
        // Vietnamese words around a particle keep it out: "da" is skin.
        assert_eq!(run("Lê Văn Nam da ngăm", 0), "Lê Văn Nam");
    }

    #[test]
    fn surnames_with_a_second_capital() {
        for s in ["McDormand", "MacArthur", "DiCaprio", "LeBlanc", "O'Neill"] {
            let mut toks = Vec::new();
            scan_into(s, &mut toks);
            let ctx = Context::default();
            let doc = Doc::new(s, &toks, &ctx);
            assert!(is_name_syl(&doc, 0), "{s}");
        }
        for s in ["iPhone", "TikTok", "YouTube", "McD", "DiDi", "LeTV", "ThS"] {
            assert!(!inner_capital_name(s), "{s}");
        }
    }

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
