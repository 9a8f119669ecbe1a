//! Word lists: the lexicon for word segmentation, and the data files behind
//! the extractors (titles, surnames, document codes, units).
//!
//! Data lives as sorted text files under `src/lexicon/data/`, each with a
//! header naming its source and licence, embedded with `include_str!` and
//! parsed once.
//!
//! ```
//! use vntext::lexicon::Lexicon;
//!
//! let lex = Lexicon::from_reader("doanh nghiệp\nĐảng_ủy\n".as_bytes()).unwrap();
//! assert!(lex.contains("doanh nghiệp"));
//! assert!(lex.contains("đảng ủy"));
//! assert!(!lex.contains("doanh"));
//! ```

pub(crate) mod chars;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::BufRead;
use std::sync::LazyLock;

use crate::Error;

/// The built-in word list from a general Vietnamese dictionary (pyvi's
/// `words.txt`, MIT): multi-syllable entries only.
const DICTIONARY: &str = include_str!("data/words.txt");
/// Multi-syllable words of the UD Vietnamese VTB training split (CC BY-SA 4.0).
const TREEBANK: &str = include_str!("data/words-vtb.txt");

/// A set of multi-syllable words, compared ignoring case and where the tone
/// mark sits (`uỷ ban` = `ủy ban`).
///
/// One word per line; syllables separated by spaces or `_`; blank lines and
/// lines starting with `#` are skipped. Words are kept as 64-bit hashes of
/// their folded syllables, so a lookup allocates nothing; two different words
/// share a hash with odds of about one in 10¹⁴ for a lexicon of 100,000 words.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// Hash of a syllable sequence → [`WORD`] and/or [`PREFIX`].
    map: HashMap<u64, u8, BuildHasherDefault<PreHashed>>,
    /// One bit per [`FILTER_BITS`] slot of the keys' hashes: most sequences
    /// that are no key are turned away here, without touching the map.
    filter: Vec<u64>,
    words: usize,
    longest: usize,
}

/// Bits of the lookup filter (128 KiB).
const FILTER_BITS: u32 = 20;

#[inline]
fn filter_slot(h: u64) -> (usize, u64) {
    let bit = (h >> (64 - FILTER_BITS)) as usize;
    (bit / 64, 1u64 << (bit % 64))
}

/// The sequence is a word.
pub(crate) const WORD: u8 = 1;
/// The sequence begins a longer word.
pub(crate) const PREFIX: u8 = 2;

impl Lexicon {
    /// An empty lexicon.
    pub fn new() -> Lexicon {
        Lexicon::default()
    }

    /// The built-in lexicon: multi-syllable words of a general dictionary and
    /// of the UD Vietnamese VTB training split (see the headers of
    /// `src/lexicon/data/*.txt` for sources and licences). Built once.
    ///
    /// ```
    /// let lex = vntext::lexicon::Lexicon::builtin();
    /// assert!(lex.contains("doanh nghiệp"));
    /// assert!(lex.contains("Ủy_ban"));
    /// ```
    pub fn builtin() -> &'static Lexicon {
        static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| {
            let mut lex = Lexicon::new();
            for line in data_lines(DICTIONARY).chain(data_lines(TREEBANK)) {
                lex.insert(line);
            }
            lex
        });
        &BUILTIN
    }

    /// Reads a lexicon, one word per line.
    ///
    /// # Errors
    ///
    /// When reading fails, a line is not UTF-8, or a line holds a control
    /// character.
    pub fn from_reader<R: std::io::Read>(reader: R) -> Result<Lexicon, Error> {
        let mut lex = Lexicon::new();
        lex.extend_from_reader(reader)?;
        Ok(lex)
    }

    /// Adds the words of a reader, one word per line, as [`Lexicon::from_reader`].
    ///
    /// ```
    /// use vntext::lexicon::Lexicon;
    ///
    /// let mut lex = Lexicon::builtin().clone();
    /// lex.extend_from_reader("phường Ngọc Thụy\n".as_bytes()).unwrap();
    /// assert!(lex.contains("phường ngọc thụy"));
    /// assert!(lex.contains("doanh nghiệp"));
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Lexicon::from_reader`]; the words before the bad line are kept.
    pub fn extend_from_reader<R: std::io::Read>(&mut self, reader: R) -> Result<(), Error> {
        for (n, line) in std::io::BufReader::new(reader).lines().enumerate() {
            let line = line.map_err(|e| {
                if e.kind() == std::io::ErrorKind::InvalidData {
                    Error::lexicon(n + 1, "not UTF-8")
                } else {
                    Error::from(e)
                }
            })?;
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.chars().any(|c| c.is_control()) {
                return Err(Error::lexicon(n + 1, "control character in a word"));
            }
            self.insert(line);
        }
        Ok(())
    }

    /// Adds a word (syllables separated by spaces or `_`).
    pub fn insert(&mut self, word: &str) {
        if self.filter.is_empty() {
            self.filter = vec![0; 1 << (FILTER_BITS - 6)];
        }
        let mut h = WORD_SEED;
        let mut n = 0;
        for syl in syllables_of(word) {
            if n > 0 {
                *self.map.entry(h).or_insert(0) |= PREFIX;
                self.set_filter(h);
            }
            h = extend(h, syllable_hash(syl));
            n += 1;
        }
        if n == 0 {
            return;
        }
        self.set_filter(h);
        let flags = self.map.entry(h).or_insert(0);
        if *flags & WORD == 0 {
            *flags |= WORD;
            self.words += 1;
        }
        self.longest = self.longest.max(n);
    }

    /// Whether the lexicon holds `word` (syllables separated by spaces or `_`).
    pub fn contains(&self, word: &str) -> bool {
        let mut h = WORD_SEED;
        let mut n = 0;
        for syl in syllables_of(word) {
            h = extend(h, syllable_hash(syl));
            n += 1;
        }
        n > 0 && self.flags(h) & WORD != 0
    }

    /// [`WORD`] and [`PREFIX`] flags of a sequence hash built with
    /// [`extend`] from [`WORD_SEED`].
    #[inline]
    pub(crate) fn flags(&self, h: u64) -> u8 {
        let (i, bit) = filter_slot(h);
        match self.filter.get(i) {
            Some(w) if w & bit != 0 => self.map.get(&h).copied().unwrap_or(0),
            _ => 0,
        }
    }

    fn set_filter(&mut self, h: u64) {
        let (i, bit) = filter_slot(h);
        if let Some(w) = self.filter.get_mut(i) {
            *w |= bit;
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words
    }

    /// Whether the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.words == 0
    }

    /// The most syllables in one word.
    pub fn longest(&self) -> usize {
        self.longest
    }
}

fn syllables_of(word: &str) -> impl Iterator<Item = &str> {
    word.split(|c: char| c == '_' || c.is_whitespace())
        .filter(|s| !s.is_empty())
}

/// The hash of an empty syllable sequence.
pub(crate) const WORD_SEED: u64 = 0x9E37_79B9_7F4A_7C15;

/// The hash of a syllable sequence `h` followed by a syllable of hash `s`.
#[inline]
pub(crate) fn extend(h: u64, s: u64) -> u64 {
    let x = (h.rotate_left(23) ^ s).wrapping_mul(0xD6E8_FEB8_6659_FD93);
    x ^ (x >> 32)
}

/// The hash of one syllable, folded: lower case, and the tone apart from the
/// letters so that its placement does not matter (`uỷ` = `ủy`, `HOÀ` =
/// `hòa`). Combining tone marks (decomposed text) count as the tone too.
#[inline]
pub(crate) fn syllable_hash(syl: &str) -> u64 {
    const K: u64 = 0x100_0000_01B3;
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for &b in syl.as_bytes() {
        if b >= 0x80 {
            return syllable_hash_unicode(syl);
        }
        h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(K);
    }
    // No tone: as `syllable_hash_unicode` with tone 0.
    h.wrapping_mul(K)
}

fn syllable_hash_unicode(syl: &str) -> u64 {
    const K: u64 = 0x100_0000_01B3;
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    let mut tone = 0u8;
    for c in syl.chars() {
        let t = match c {
            '\u{0300}' => 1,
            '\u{0301}' => 2,
            '\u{0309}' => 3,
            '\u{0303}' => 4,
            '\u{0323}' => 5,
            _ => 0,
        };
        if t != 0 {
            tone = t;
            continue;
        }
        let (base, t) = chars::split_tone(c);
        if t != 0 {
            tone = t;
        }
        h = (h ^ u64::from(u32::from(base))).wrapping_mul(K);
    }
    h ^= u64::from(tone);
    h.wrapping_mul(K)
}

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct PreHashed(u64);

impl Hasher for PreHashed {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Lines of an embedded data file: comments (`#`) and blank lines skipped,
/// whitespace trimmed.
pub(crate) fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}
