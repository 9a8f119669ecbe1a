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

use std::collections::HashSet;
use std::io::BufRead;

use crate::Error;

/// A set of multi-syllable words, compared case-insensitively.
///
/// One word per line; syllables separated by spaces or `_`; blank lines and
/// lines starting with `#` are skipped.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    words: HashSet<String>,
    longest: usize,
}

impl Lexicon {
    /// An empty lexicon.
    pub fn new() -> Lexicon {
        Lexicon::default()
    }

    /// Reads a lexicon, one word per line.
    ///
    /// # Errors
    ///
    /// When reading fails, a line is not UTF-8, or a line holds a control
    /// character.
    pub fn from_reader<R: std::io::Read>(reader: R) -> Result<Lexicon, Error> {
        let mut lex = Lexicon::new();
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
            lex.insert(line);
        }
        Ok(lex)
    }

    /// Adds a word (syllables separated by spaces or `_`).
    pub fn insert(&mut self, word: &str) {
        let key = key(word);
        if key.is_empty() {
            return;
        }
        let n = key.split(' ').count();
        self.longest = self.longest.max(n);
        self.words.insert(key);
    }

    /// Whether the lexicon holds `word` (syllables separated by spaces or `_`).
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(&key(word))
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The most syllables in one word.
    pub fn longest(&self) -> usize {
        self.longest
    }
}

/// The lookup key of a word: NFC, lower case, syllables joined by one space.
fn key(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(word.len());
    for syl in word
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|s| !s.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(syl.nfc().map(chars::lower));
    }
    out
}

/// Lines of an embedded data file: comments (`#`) and blank lines skipped,
/// whitespace trimmed.
#[allow(dead_code)] // used by the extractors' data files
pub(crate) fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}
