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
    pub last_words: Vec<&'static str>,
    pub codes: HashMap<&'static str, Code>,
    /// Issuer codes (a term-taking code is stored without its digits, with
    /// `true`).
    pub issuers: HashMap<&'static str, (&'static str, bool)>,
    /// First words of issuing bodies (`Bộ`, `Chính phủ`, `UBND`), each a
    /// list of syllables.
    pub bodies: Vec<Vec<&'static str>>,
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
    Tables {
        types,
        last_words,
        codes,
        issuers,
        bodies,
    }
});

impl Tables {
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
        // Longest first: `thông tư liên tịch` before `thông tư`.
        assert_eq!(t.types[0].words.len(), 4);
        assert!(t
            .types
            .windows(2)
            .all(|w| w[0].words.len() >= w[1].words.len()));
    }
}
