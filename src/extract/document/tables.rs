//! The data behind the document extractor: type words, type codes and
//! issuer codes, from `src/lexicon/data/`.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::lexicon::data_lines;

/// How a number written without symbol after a type word is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Class {
    /// Only a document type: `Nghị định 39`.
    Noun,
    /// Also a verb or common noun: `quyết định 11 trận`.
    Verb,
    /// `văn bản`: the type comes from the code.
    Generic,
    /// Names options, projects, laws more often than a numbered document
    /// (`Phương án 2`): only a symbol makes a citation.
    Strict,
    /// An abbreviation in capitals: `NĐ`, `QĐ`.
    Abbr,
}

/// A type word: its syllables, canonical type (empty for generic) and class.
#[derive(Debug)]
pub(super) struct TypeWord {
    pub words: Vec<&'static str>,
    pub doc_type: &'static str,
    pub class: Class,
}

/// A type code's readings in the two symbol forms.
#[derive(Clone, Copy, Debug)]
pub(super) struct Code {
    /// In `NUM/[YEAR/]CODE-ISSUER`.
    pub slash: Option<&'static str>,
    /// In `NUM-CODE/ISSUER`.
    pub hyphen: Option<&'static str>,
}

pub(super) struct Tables {
    /// Type words, longest first.
    pub types: Vec<TypeWord>,
    /// The distinct last syllables of the type words, for a quick test.
    /// Their [`syllable_key`]s, sorted: the test run on every word before
    /// a number.
    pub last_keys: Vec<u64>,
    pub codes: HashMap<&'static str, Code>,
    /// Issuer codes (a term-taking code is stored without its digits, with
    /// `true`).
    pub issuers: HashMap<&'static str, (&'static str, bool)>,
    /// First words of issuing bodies (`Bộ`, `Chính phủ`, `UBND`), each a
    /// list of syllables.
    pub bodies: Vec<Vec<&'static str>>,
    /// Words between a type word and `số` (`điều tra`, `xử phạt`), each a
    /// list of syllables, longest first.
    pub qualifiers: Vec<Vec<&'static str>>,
}

pub(super) static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut types: Vec<TypeWord> = data_lines(include_str!("../../lexicon/data/doc_types.txt"))
        .filter_map(|line| {
            let mut f = line.split('\t');
            let words = f.next()?.split(' ').collect();
            let doc_type = match f.next()? {
                "-" => "",
                t => t,
            };
            let class = match f.next()? {
                "noun" => Class::Noun,
                "verb" => Class::Verb,
                "generic" => Class::Generic,
                "strict" => Class::Strict,
                "abbr" => Class::Abbr,
                _ => return None,
            };
            Some(TypeWord {
                words,
                doc_type,
                class,
            })
        })
        .collect();
    types.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
    let mut last_words: Vec<&'static str> = Vec::new();
    for t in &types {
        if let Some(&w) = t.words.last() {
            if !last_words.contains(&w) {
                last_words.push(w);
            }
        }
    }
    let mut last_keys: Vec<u64> = last_words.iter().filter_map(|w| syllable_key(w)).collect();
    last_keys.sort_unstable();
    let opt = |s: &'static str| (s != "-").then_some(s);
    let codes = data_lines(include_str!("../../lexicon/data/doc_codes.txt"))
        .filter_map(|line| {
            let mut f = line.split('\t');
            let code = f.next()?;
            let slash = opt(f.next()?);
            let hyphen = opt(f.next()?);
            Some((code, Code { slash, hyphen }))
        })
        .collect();
    let issuers = data_lines(include_str!("../../lexicon/data/issuers.txt"))
        .filter_map(|line| {
            let mut f = line.split('\t');
            let code = f.next()?;
            let body = f.next()?;
            Some(match code.strip_suffix('+') {
                Some(c) => (c, (body, true)),
                None => (code, (body, false)),
            })
        })
        .collect();
    let bodies = data_lines(include_str!("../../lexicon/data/doc_bodies.txt"))
        .map(|l| l.split(' ').collect())
        .collect();
    let mut qualifiers: Vec<Vec<&'static str>> =
        data_lines(include_str!("../../lexicon/data/doc_type_qualifiers.txt"))
            .map(|l| l.split(' ').collect())
            .collect();
    qualifiers.sort_by_key(|q| std::cmp::Reverse(q.len()));
    Tables {
        types,
        last_keys,
        codes,
        issuers,
        bodies,
        qualifiers,
    }
});

/// A syllable of up to ten letters packed into a number, case and tone
/// ignored (`Thị`, `thị`, `THỊ` → one key; `uỷ` = `ủy`): six bits a letter.
/// `None` for anything longer or not made of Vietnamese letters.
pub(super) fn syllable_key(s: &str) -> Option<u64> {
    let mut key = 0u64;
    for (n, c) in s.chars().enumerate() {
        if n == 10 {
            return None;
        }
        let code = match crate::lexicon::chars::split_tone(c).0 {
            b @ 'a'..='z' => b as u64 - 'a' as u64 + 1,
            'ă' => 27,
            'â' => 28,
            'đ' => 29,
            'ê' => 30,
            'ô' => 31,
            'ơ' => 32,
            'ư' => 33,
            _ => return None,
        };
        key = key << 6 | code;
    }
    Some(key)
}

impl Tables {
    /// Whether `word` may be the last syllable of a type word.
    #[inline]
    pub fn may_end_type(&self, word: &str) -> bool {
        word.len() <= 16
            && syllable_key(word).is_some_and(|k| self.last_keys.binary_search(&k).is_ok())
    }

    /// The readings of a type code, as written.
    pub fn code(&self, code: &str) -> Option<Code> {
        self.codes.get(code).copied()
    }

    /// The body an issuer code names: `CP`, `UBND`, `QH13`.
    pub fn issuer(&self, code: &str) -> Option<&'static str> {
        if let Some(&(body, term)) = self.issuers.get(code) {
            return (!term).then_some(body);
        }
        let base = code.trim_end_matches(|c: char| c.is_ascii_digit());
        if base.len() < code.len() && code.len() - base.len() <= 2 {
            if let Some(&(body, true)) = self.issuers.get(base) {
                return Some(body);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::chars::split_tone;

    /// Vietnamese dictionary order, near enough: case and tones ignored,
    /// `đ` after `d`, `ă`/`â` after `a` and so on.
    fn collation_key(s: &str) -> String {
        let mut k = String::new();
        for c in s.chars() {
            let (base, _) = split_tone(c);
            match base {
                'đ' => k.push_str("d~"),
                'ă' | 'â' => k.push_str("a~"),
                'ê' => k.push_str("e~"),
                'ô' | 'ơ' => k.push_str("o~"),
                'ư' => k.push_str("u~"),
                b => k.push(b),
            }
        }
        k
    }

    fn assert_sorted(name: &str, data: &'static str) {
        let keys: Vec<String> = data_lines(data)
            .map(|l| collation_key(l.split('\t').next().unwrap_or("")))
            .collect();
        for w in keys.windows(2) {
            assert!(w[0] <= w[1], "{name}: {:?} before {:?}", w[0], w[1]);
        }
    }

    #[test]
    fn data_files_parse_and_are_sorted() {
        let t = &*TABLES;
        assert!(t.types.len() > 30);
        assert!(t.codes.len() > 30);
        assert!(t.issuers.len() > 30);
        assert_sorted(
            "doc_types",
            include_str!("../../lexicon/data/doc_types.txt"),
        );
        assert_sorted(
            "doc_codes",
            include_str!("../../lexicon/data/doc_codes.txt"),
        );
        assert_sorted("issuers", include_str!("../../lexicon/data/issuers.txt"));
        assert_sorted(
            "doc_bodies",
            include_str!("../../lexicon/data/doc_bodies.txt"),
        );
        assert!(t.bodies.len() > 30);
        assert_sorted(
            "doc_type_qualifiers",
            include_str!("../../lexicon/data/doc_type_qualifiers.txt"),
        );
        assert!(t.qualifiers.len() > 10);
    }

    #[test]
    fn lookups() {
        let t = &*TABLES;
        assert_eq!(t.code("TT").and_then(|c| c.slash), Some("thông tư"));
        assert_eq!(t.code("TT").and_then(|c| c.hyphen), Some("thông tri"));
        assert_eq!(t.code("QĐi").and_then(|c| c.hyphen), Some("quy định"));
        assert!(t.code("Nh").is_none());
        assert_eq!(t.issuer("CP"), Some("Chính phủ"));
        assert_eq!(t.issuer("QH13"), Some("Quốc hội"));
        assert_eq!(t.issuer("UBTVQH10"), Some("Ủy ban Thường vụ Quốc hội"));
        assert_eq!(t.issuer("QH"), None);
        assert_eq!(t.issuer("QH123"), None);
        assert_eq!(t.issuer("KHKT"), None);
        assert!(t.may_end_type("thị") && t.may_end_type("THỊ") && t.may_end_type("Định"));
        assert!(t.may_end_type("QĐ") && t.may_end_type("hoạch"));
        // A prefilter: tones are ignored (`thì` passes for `thị`; the word
        // comparison after it tells them apart), letters are not.
        assert!(t.may_end_type("thì"));
        assert!(!t.may_end_type("số") && !t.may_end_type("người") && !t.may_end_type("2020"));
        assert_eq!(syllable_key("uỷ"), syllable_key("ủy"));
        assert_ne!(syllable_key("ư"), syllable_key("u"));
        // Longest first: `thông tư liên tịch` before `thông tư`.
        assert_eq!(t.types[0].words.len(), 4);
        assert!(t
            .types
            .windows(2)
            .all(|w| w[0].words.len() >= w[1].words.len()));
    }
}
