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

use crate::lexicon::chars::split_tone;
use crate::lexicon::data_lines;

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
pub(super) const RARE_SURNAME: u32 = 1 << 16;
pub(super) const FOREIGN_GIVEN: u32 = 1 << 17;
pub(super) const FOREIGN_ORG: u32 = 1 << 18;
pub(super) const WEAK_NOT_NAME: u32 = 1 << 19;
pub(super) const WEAK_CUE: u32 = 1 << 20;
pub(super) const STREET: u32 = 1 << 21;
pub(super) const HEAD_ALONE: u32 = 1 << 22;
pub(super) const HEAD_PERSON: u32 = 1 << 23;

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

/// One phrase of the table, under its first syllable.
struct Entry {
    rest: Box<[u32]>,
    flags: u32,
}

/// What the tables know of one syllable.
#[derive(Default)]
struct Syl {
    /// Flags of the one-syllable phrase.
    one: u32,
    /// Flags of every phrase starting with it.
    starts: u32,
    /// Phrases starting with it, longest first.
    entries: Vec<Entry>,
    /// Surname share in percent.
    share: Option<f32>,
}

/// The syllable id of a token not in the tables.
pub(super) const NO_SYL: u32 = u32::MAX;

/// All the phrase tables, by syllable id.
pub(super) struct Lex {
    ids: IdMap<u32>,
    syls: Vec<Syl>,
    /// Title abbreviations and their expansions, by exact text.
    pub abbreviations: HashMap<&'static str, &'static str>,
}

impl Lex {
    fn id(&mut self, syl: &str) -> u32 {
        let k = key(syl);
        let next = self.syls.len() as u32;
        let id = *self.ids.entry(k).or_insert(next);
        if id == next {
            self.syls.push(Syl::default());
        }
        id
    }

    fn add(&mut self, phrase: &str, flags: u32) {
        let ids: Vec<u32> = phrase.split_whitespace().map(|w| self.id(w)).collect();
        let Some((&first, rest)) = ids.split_first() else {
            return;
        };
        let syl = &mut self.syls[first as usize];
        syl.starts |= flags;
        if rest.is_empty() {
            syl.one |= flags;
        }
        match syl.entries.iter_mut().find(|e| *e.rest == *rest) {
            Some(e) => e.flags |= flags,
            None => {
                syl.entries.push(Entry {
                    rest: rest.into(),
                    flags,
                });
                syl.entries.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
            }
        }
    }

    /// The syllable id of a word (`NO_SYL` when no phrase uses it).
    #[inline]
    pub fn lookup(&self, word: &str) -> u32 {
        self.ids.get(&key(word)).copied().unwrap_or(NO_SYL)
    }

    /// The flags of the one-syllable phrase `id`.
    #[inline]
    pub fn flags1(&self, id: u32) -> u32 {
        self.syls.get(id as usize).map_or(0, |s| s.one)
    }

    /// The flags of every phrase whose first syllable is `id`.
    #[inline]
    pub fn starts(&self, id: u32) -> u32 {
        self.syls.get(id as usize).map_or(0, |s| s.starts)
    }

    /// The surname share (percent) of syllable `id`. Loaded with the
    /// surname table; not yet used to weigh rare surnames.
    #[inline]
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn share(&self, id: u32) -> Option<f32> {
        self.syls.get(id as usize).and_then(|s| s.share)
    }

    /// The longest phrase with a flag of `mask` whose syllables are the
    /// tokens from `i` on (on one line): its end and flags. `id(j)` gives
    /// the syllable id of token `j`.
    #[inline]
    pub fn longest(
        &self,
        i: usize,
        mask: u32,
        id: impl Fn(usize) -> u32,
        line_before: impl Fn(usize) -> bool,
    ) -> Option<(usize, u32)> {
        let syl = self.syls.get(id(i) as usize)?;
        if syl.starts & mask == 0 {
            return None;
        }
        'entries: for e in &syl.entries {
            if e.flags & mask == 0 {
                continue;
            }
            for (n, &k) in e.rest.iter().enumerate() {
                let j = i + 1 + n;
                if id(j) != k || line_before(j) {
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
        ids: IdMap::default(),
        syls: Vec::new(),
        abbreviations: HashMap::new(),
    };
    for line in data_lines(include_str!("../../lexicon/data/surnames.txt")) {
        let (name, share) = line.split_once('\t').unwrap_or((line, "0.05"));
        lex.add(name, SURNAME);
        let id = lex.id(name);
        lex.syls[id as usize].share = Some(share.trim().parse().unwrap_or(0.05));
    }
    for line in data_lines(include_str!("../../lexicon/data/surnames-rare.txt")) {
        lex.add(line, RARE_SURNAME);
    }
    for line in data_lines(include_str!("../../lexicon/data/foreign-given-names.txt")) {
        lex.add(line, FOREIGN_GIVEN);
    }
    for line in data_lines(include_str!("../../lexicon/data/foreign-org-words.txt")) {
        lex.add(line, FOREIGN_ORG);
    }
    for line in data_lines(include_str!("../../lexicon/data/middle-names.txt")) {
        lex.add(line, MIDDLE);
    }
    for line in data_lines(include_str!("../../lexicon/data/honorifics.txt")) {
        let (phrase, kind) = line.split_once('\t').unwrap_or((line, "address"));
        lex.add(
            phrase,
            if kind.trim() == "degree" {
                DEGREE
            } else {
                ADDRESS
            },
        );
    }
    for line in data_lines(include_str!("../../lexicon/data/title-heads.txt")) {
        let (phrase, kinds) = line.split_once('\t').unwrap_or((line, ""));
        let flags = kinds.split_whitespace().fold(HEAD, |f, k| match k {
            "alone" => f | HEAD_ALONE,
            "person" => f | HEAD_PERSON,
            _ => f,
        });
        lex.add(phrase, flags);
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
        let flags = match kind.trim() {
            "list" => BLOCKER_LIST,
            "street" => BLOCKER_LIST | STREET,
            _ => BLOCKER,
        };
        lex.add(phrase, flags);
    }
    for line in data_lines(include_str!("../../lexicon/data/places.txt"))
        .chain(data_lines(include_str!("../../lexicon/data/teams.txt")))
    {
        lex.add(line, PLACE);
    }
    for line in data_lines(include_str!("../../lexicon/data/occupations.txt")) {
        let (phrase, kind) = line.split_once('\t').unwrap_or((line, ""));
        let weak = if kind.trim() == "role" { WEAK_CUE } else { 0 };
        lex.add(phrase, OCCUPATION | weak);
    }
    for w in super::NOT_NAME_SYLLABLES {
        lex.add(w, NOT_NAME);
    }
    for w in super::WEAK_NOT_NAME_SYLLABLES {
        lex.add(w, WEAK_NOT_NAME);
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
        assert!(lex.flags1(lex.lookup("Nguyễn")) & SURNAME != 0);
        assert!(lex.share(lex.lookup("Nguyễn")).is_some_and(|s| s > 30.0));
        assert!(lex.flags1(lex.lookup("ông")) & ADDRESS != 0);
        assert!(lex.flags1(lex.lookup("TS.")) & DEGREE != 0);
        assert_eq!(lex.lookup("xyzzy"), NO_SYL);
        assert_eq!(
            lex.abbreviations.get("UVTV"),
            Some(&"Ủy viên Ban Thường vụ")
        );
    }
}
