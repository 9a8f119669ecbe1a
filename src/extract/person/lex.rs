//! The word tables of the person extractor, built once from the data files
//! under `src/lexicon/data/`.
//!
//! Every word token gets a key: a hash of its letters lower-cased and without
//! tone marks, then its tone, so that case and tone placement (`uỷ` = `ủy`)
//! do not matter. Phrases are looked up by the keys of their syllables, the
//! longest first.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::extract::Doc;
use crate::lexicon::chars::split_tone;
use crate::lexicon::data_lines;
use crate::token::TokenKind;

/// Classes of a phrase (bit flags).
pub(super) const ADDRESS: u32 = 1;
pub(super) const DEGREE: u32 = 1 << 1;
pub(super) const HEAD: u32 = 1 << 2;
pub(super) const MODIFIER: u32 = 1 << 3;
pub(super) const ORG_START: u32 = 1 << 4;
pub(super) const ORG_WORD: u32 = 1 << 5;
pub(super) const ADMIN: u32 = 1 << 6;
pub(super) const STOP: u32 = 1 << 7;
pub(super) const BLOCKER: u32 = 1 << 8;
pub(super) const PLACE: u32 = 1 << 9;
pub(super) const OCCUPATION: u32 = 1 << 10;
pub(super) const SURNAME: u32 = 1 << 11;
pub(super) const MIDDLE: u32 = 1 << 12;
pub(super) const BLOCKER_LIST: u32 = 1 << 13;
pub(super) const NOT_NAME: u32 = 1 << 14;
pub(super) const FUNCTION: u32 = 1 << 15;

/// Honorifics of either kind.
pub(super) const HONORIFIC: u32 = ADDRESS | DEGREE;
/// Anything an organisation name is made of.
pub(super) const ORG: u32 = ORG_START | ORG_WORD | ADMIN;

/// A hasher for keys that are already hashes.
#[derive(Default)]
pub(super) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// The key of one syllable: FNV-1a over its toneless lower-case letters, then
/// its tone. `0` is never a key.
pub(super) fn key(syl: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut tone = 0u8;
    for c in syl.chars() {
        let (base, t) = split_tone(c);
        if t != 0 {
            tone = t;
        }
        h = (h ^ u64::from(base)).wrapping_mul(0x0100_0000_01b3);
    }
    h = (h ^ (0x100 | u64::from(tone))).wrapping_mul(0x0100_0000_01b3);
    h.max(1)
}

/// One phrase of the table, under the key of its first syllable.
struct Entry {
    rest: Box<[u64]>,
    flags: u32,
}

/// All the phrase tables in one map.
pub(super) struct Lex {
    phrases: IdMap<Vec<Entry>>,
    /// The flags of every phrase, by the key of its first syllable.
    starts: IdMap<u32>,
    /// Surname shares in percent.
    shares: IdMap<f32>,
    /// Title abbreviations and their expansions, by exact text.
    pub abbreviations: HashMap<&'static str, &'static str>,
}

impl Lex {
    fn add(&mut self, phrase: &str, flags: u32) {
        let keys: Vec<u64> = phrase.split_whitespace().map(key).collect();
        let Some((&first, rest)) = keys.split_first() else {
            return;
        };
        *self.starts.entry(first).or_default() |= flags;
        let bucket = self.phrases.entry(first).or_default();
        match bucket.iter_mut().find(|e| *e.rest == *rest) {
            Some(e) => e.flags |= flags,
            None => {
                bucket.push(Entry {
                    rest: rest.into(),
                    flags,
                });
                // Longest first.
                bucket.sort_by(|a, b| b.rest.len().cmp(&a.rest.len()));
            }
        }
    }

    /// The flags of the one-syllable phrase with key `k`.
    #[inline]
    pub fn flags1(&self, k: u64) -> u32 {
        if k == 0 {
            return 0;
        }
        self.phrases
            .get(&k)
            .and_then(|b| b.iter().find(|e| e.rest.is_empty()))
            .map_or(0, |e| e.flags)
    }

    /// The flags of every phrase whose first syllable has key `k`.
    #[inline]
    pub fn starts(&self, k: u64) -> u32 {
        self.starts.get(&k).copied().unwrap_or(0)
    }

    /// The surname share (percent) of the syllable with key `k`.
    #[inline]
    pub fn share(&self, k: u64) -> Option<f32> {
        self.shares.get(&k).copied()
    }

    /// The longest phrase with a flag of `mask` whose syllables are the
    /// tokens from `i` on (on one line): its end and flags.
    pub fn longest(&self, keys: &[u64], doc: &Doc<'_>, i: usize, mask: u32) -> Option<(usize, u32)> {
        let first = *keys.get(i)?;
        if first == 0 {
            return None;
        }
        let bucket = self.phrases.get(&first)?;
        'entries: for e in bucket {
            if e.flags & mask == 0 {
                continue;
            }
            for (n, &k) in e.rest.iter().enumerate() {
                let j = i + 1 + n;
                if keys.get(j) != Some(&k) || doc.line_before(j) {
                    continue 'entries;
                }
            }
            return Some((i + 1 + e.rest.len(), e.flags & mask));
        }
        None
    }
}

/// The tables, parsed once.
pub(super) static LEX: LazyLock<Lex> = LazyLock::new(|| {
    let mut lex = Lex {
        phrases: IdMap::default(),
        starts: IdMap::default(),
        shares: IdMap::default(),
        abbreviations: HashMap::new(),
    };
    for line in data_lines(include_str!("../../lexicon/data/surnames.txt")) {
        let (name, share) = line.split_once('\t').unwrap_or((line, "0.05"));
        lex.add(name, SURNAME);
        lex.shares
            .insert(key(name), share.trim().parse().unwrap_or(0.05));
    }
    for line in data_lines(include_str!("../../lexicon/data/middle-names.txt")) {
        lex.add(line, MIDDLE);
    }
    for line in data_lines(include_str!("../../lexicon/data/honorifics.txt")) {
        let (phrase, kind) = line.split_once('\t').unwrap_or((line, "address"));
        lex.add(phrase, if kind.trim() == "degree" { DEGREE } else { ADDRESS });
    }
    for line in data_lines(include_str!("../../lexicon/data/title-heads.txt")) {
        lex.add(line, HEAD);
    }
    for line in data_lines(include_str!("../../lexicon/data/title-modifiers.txt")) {
        lex.add(line, MODIFIER);
    }
    for line in data_lines(include_str!("../../lexicon/data/org-words.txt")) {
        let (phrase, kind) = line.split_once('\t').unwrap_or((line, "word"));
        let flags = match kind.trim() {
            "start" => ORG_START,
            "admin" => ADMIN,
            _ => ORG_WORD,
        };
        lex.add(phrase, flags);
    }
    for line in data_lines(include_str!("../../lexicon/data/title-stops.txt")) {
        lex.add(line, STOP);
    }
    for line in data_lines(include_str!("../../lexicon/data/not-person-before.txt")) {
        let (phrase, kind) = line.split_once('\t').unwrap_or((line, ""));
        lex.add(phrase, if kind.trim() == "list" { BLOCKER_LIST } else { BLOCKER });
    }
    for line in data_lines(include_str!("../../lexicon/data/places.txt")) {
        lex.add(line, PLACE);
    }
    for line in data_lines(include_str!("../../lexicon/data/occupations.txt")) {
        lex.add(line, OCCUPATION);
    }
    for w in super::NOT_NAME_SYLLABLES {
        lex.add(w, NOT_NAME);
    }
    for w in super::FUNCTION_WORDS {
        lex.add(w, FUNCTION);
    }
    for line in data_lines(include_str!("../../lexicon/data/title-abbreviations.txt")) {
        if let Some((abbr, full)) = line.split_once('\t') {
            lex.abbreviations.insert(abbr.trim(), full.trim());
        }
    }
    lex
});

/// The key of every token of `doc` (0 for tokens that are not words, and for
/// dotted abbreviations, whose key is their letters and dots).
pub(super) fn keys_into(doc: &Doc<'_>, out: &mut Vec<u64>) {
    out.clear();
    out.extend(doc.toks.iter().map(|t| match t.kind {
        TokenKind::Word(_) | TokenKind::Abbreviation => {
            key(&doc.text[t.start as usize..t.end as usize])
        }
        _ => 0,
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_and_tone_placement() {
        assert_eq!(key("uỷ"), key("ủy"));
        assert_eq!(key("Hoà"), key("hòa"));
        assert_eq!(key("QUẬN"), key("quận"));
        assert_ne!(key("chi"), key("chỉ"));
        assert_ne!(key("thì"), key("thị"));
    }

    #[test]
    fn tables_load() {
        let lex = &*LEX;
        assert!(lex.flags1(key("Nguyễn")) & SURNAME != 0);
        assert!(lex.share(key("Nguyễn")).is_some_and(|s| s > 30.0));
        assert!(lex.flags1(key("ông")) & ADDRESS != 0);
        assert!(lex.flags1(key("TS.")) & DEGREE != 0);
        assert_eq!(lex.abbreviations.get("UVTV"), Some(&"Ủy viên Ban Thường vụ"));
    }
}
