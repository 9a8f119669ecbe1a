//! What a word after a number is: a noun it counts, or a word that shows it
//! counts nothing.
//!
//! Counted nouns are an open class: no list covers `616 cộng đồng`, `18
//! thửa đất`, `800 thủy điện`. So a number followed by a lower-case word is a
//! count by default, and what is *not* counted is data:
//!
//! - `src/lexicon/data/not_counted.txt`: durations and time words (`5 năm`,
//!   `3 giờ`), the multiplier `lần`, function words (`5 và`, `3 của`,
//!   `2 trên 5`) and compounds that begin like nouns but follow numbers
//!   otherwise (`3 tỷ lệ`, `số 1 thế giới`);
//! - `src/lexicon/data/word-classes-vtb.txt`: the word classes of the UD
//!   Vietnamese treebank; a verb, adjective or function word after a number
//!   counts nothing (`giảm 5 bậc` counts, `tháng 3 tăng` does not);
//! - words of neither list are nouns when they start a word of the built-in
//!   lexicon or stand alone: Vietnamese puts adjectives and verbs after the
//!   noun, so an unknown word right after a number is almost always what it
//!   counts.
//!
//! The unit of a fact is the word as the lexicon cuts it (`cộng đồng`,
//! `thủy điện`); a classifier takes its noun with it (`đứa con`, `thửa
//! đất`), though only its first syllable is compared in scoring.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::Noun;
use crate::extract::Doc;
use crate::lexicon::{
    data_lines, extend, syllable_hash, Lexicon, PreHashed, PREFIX, WORD, WORD_SEED,
};
use crate::token::{Case, TokenKind};

/// The class of a word of the treebank (see the header of
/// `word-classes-vtb.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    Noun,
    Classifier,
    Unit,
    Verb,
    Adjective,
    Function,
}

impl Class {
    fn of(code: &str) -> Option<Class> {
        Some(match code {
            "N" => Class::Noun,
            "C" => Class::Classifier,
            "U" => Class::Unit,
            "V" => Class::Verb,
            "A" => Class::Adjective,
            "F" => Class::Function,
            _ => return None,
        })
    }

    fn is_noun(self) -> bool {
        matches!(self, Class::Noun | Class::Classifier | Class::Unit)
    }
}

/// What a sequence of syllables is, found by the hash of its folded
/// syllables (as [`Lexicon`] hashes them).
#[derive(Clone, Copy, Default)]
struct Entry {
    /// The treebank's class of the word.
    class: Option<Class>,
    /// Listed in `not_counted.txt`: `true` counts nothing, `false` (a `!`
    /// line) counts.
    not_counted: Option<bool>,
    /// The first word of a currency (`đồng`, `bảng`): money decides.
    currency: bool,
    /// A longer entry begins with this sequence.
    more: bool,
}

/// The treebank's word classes, the phrases that count nothing and the
/// first words of currencies, in one table, so that the words after a
/// number are hashed once.
struct Words {
    map: HashMap<u64, Entry, std::hash::BuildHasherDefault<PreHashed>>,
    longest: usize,
}

impl Words {
    /// The entry of `phrase`, marking the prefixes of longer ones.
    fn entry(&mut self, phrase: &str) -> &mut Entry {
        let mut h = WORD_SEED;
        let mut n = 0;
        for syl in phrase.split_whitespace() {
            if n > 0 {
                self.map.entry(h).or_default().more = true;
            }
            h = extend(h, syllable_hash(syl));
            n += 1;
        }
        self.longest = self.longest.max(n);
        self.map.entry(h).or_default()
    }
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut words = Words {
        map: HashMap::default(),
        longest: 0,
    };
    for line in data_lines(include_str!("../../lexicon/data/word-classes-vtb.txt")) {
        if let Some((word, code)) = line.split_once('\t') {
            if let Some(class) = Class::of(code.trim()) {
                words.entry(word).class = Some(class);
            }
        }
    }
    for line in data_lines(include_str!("../../lexicon/data/not_counted.txt")) {
        match line.strip_prefix('!') {
            Some(p) => words.entry(p).not_counted = Some(false),
            None => words.entry(line).not_counted = Some(true),
        }
    }
    for line in data_lines(include_str!("../../lexicon/data/currencies.txt")) {
        let phrase = line.split('\t').next().unwrap_or("");
        if let Some(first) = phrase.split_whitespace().next() {
            words.entry(first).currency = true;
        }
    }
    words
});

/// What the table holds for the words at token `i`.
struct Found {
    /// The longest treebank word: its class and end.
    class: Option<(Class, usize)>,
    /// The longest not-counted phrase: whether it counts nothing, and its
    /// end.
    not_counted: Option<(bool, usize)>,
    /// A currency's first word stands at `i`.
    currency: bool,
}

/// Whether token `j` continues a word that started before it: a word
/// token, spaced, on the same line.
fn continues(doc: &Doc<'_>, j: usize) -> bool {
    j < doc.len()
        && doc.space_before(j)
        && !doc.line_before(j)
        && doc.kind(j).is_some_and(TokenKind::is_word)
}

/// Looks the words at token `i` up in [`WORDS`], hashing each once.
fn lookup(doc: &Doc<'_>, i: usize) -> Found {
    let words = &*WORDS;
    let mut found = Found {
        class: None,
        not_counted: None,
        currency: false,
    };
    let mut h = WORD_SEED;
    for j in i..(i + words.longest).min(doc.len()) {
        if j > i && !continues(doc, j) {
            break;
        }
        h = extend(h, syllable_hash(doc.s(j)));
        let Some(e) = words.map.get(&h) else {
            break;
        };
        if let Some(c) = e.class {
            found.class = Some((c, j + 1));
        }
        if let Some(nc) = e.not_counted {
            found.not_counted = Some((nc, j + 1));
        }
        if j == i {
            found.currency = e.currency;
        }
        if !e.more {
            break;
        }
    }
    found
}

/// The longest word of the treebank at token `i`: its class and the index
/// past it.
pub(crate) fn class_at(doc: &Doc<'_>, i: usize) -> Option<(Class, usize)> {
    lookup(doc, i).class
}

/// The end of the longest word of the built-in lexicon at token `i` (one
/// syllable when no longer word starts there).
pub(crate) fn word_end(doc: &Doc<'_>, i: usize) -> usize {
    let lex = Lexicon::builtin();
    let mut h = WORD_SEED;
    let mut end = i + 1;
    for j in i..(i + lex.longest()).min(doc.len()) {
        if j > i && !continues(doc, j) {
            break;
        }
        h = extend(h, syllable_hash(doc.s(j)));
        let flags = lex.flags(h);
        if j > i && flags & WORD != 0 {
            end = j + 1;
        }
        if flags & PREFIX == 0 {
            break;
        }
    }
    end
}

/// A noun at token `i` that is no listed counted noun but reads as what a
/// number before it counts: its class (when the treebank knows it) and the
/// index past it. `capital` allows a capitalised word (after an opening
/// quote: `164 "Cộng đồng …"`). Where a currency's first word stands,
/// `currency_ok` decides (`4 bảng đấu` counts, `18.000 bảng` is money).
pub(crate) fn open_noun_at(
    doc: &Doc<'_>,
    i: usize,
    capital: bool,
    currency_ok: impl FnOnce() -> bool,
) -> Option<(Noun, usize)> {
    match doc.kind(i)? {
        TokenKind::Word(Case::Lower) => {}
        TokenKind::Word(Case::Capitalized) if capital => {}
        _ => return None,
    }
    if !doc.space_before(i) && !capital || doc.line_before(i) {
        return None;
    }
    let found = lookup(doc, i);
    if found.currency && !currency_ok() {
        return None;
    }
    let class = found.class;
    match found.not_counted {
        // `5 năm`, `3 và`, `7 ngày sau`; but a longer noun of the treebank
        // wins (`3 bằng chứng` beside `bằng`).
        Some((true, e)) => {
            return match class {
                Some((c, ce)) if ce > e && c.is_noun() => {
                    Some((Noun::Counted, ce.max(word_end(doc, i))))
                }
                _ => None,
            }
        }
        Some((false, e)) => return Some((Noun::Counted, e.max(word_end(doc, i)))),
        None => {}
    }
    let w_end = word_end(doc, i);
    match class {
        Some((c, e)) if e >= w_end => match c {
            // A classifier takes the noun after it: `đứa con`, `con bò`.
            Class::Classifier if e == i + 1 => Some((Noun::Counted, classified(doc, e))),
            c if c.is_noun() => Some((Noun::Counted, e)),
            _ => None,
        },
        // A word of the lexicon longer than the treebank's: a compound the
        // treebank does not know, a noun unless it starts with a function
        // word (`sau đó`).
        Some((Class::Function, _)) => None,
        _ => Some((Noun::Counted, w_end)),
    }
}

/// The end of the noun a classifier ending at `e` leads (`đứa` + `con`), or
/// `e` when no noun follows.
fn classified(doc: &Doc<'_>, e: usize) -> usize {
    if !continues(doc, e) || doc.kind(e) != Some(TokenKind::Word(Case::Lower)) {
        return e;
    }
    let found = lookup(doc, e);
    if matches!(found.not_counted, Some((true, _))) {
        return e;
    }
    let w_end = word_end(doc, e);
    match found.class {
        Some((c, ce)) if ce >= w_end && !c.is_noun() => e,
        _ => w_end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Context;

    fn with_doc<R>(text: &str, f: impl FnOnce(&Doc<'_>) -> R) -> R {
        let mut toks = Vec::new();
        crate::token::scan_into(text, &mut toks);
        let ctx = Context::default();
        let doc = Doc::new(text, &toks, &ctx);
        f(&doc)
    }

    #[test]
    fn classes_of_the_treebank() {
        with_doc("cộng đồng tăng và đứa", |doc| {
            assert_eq!(class_at(doc, 0), Some((Class::Noun, 2)));
            assert_eq!(class_at(doc, 2).map(|c| c.0), Some(Class::Verb));
            assert_eq!(class_at(doc, 3).map(|c| c.0), Some(Class::Function));
            assert_eq!(class_at(doc, 4).map(|c| c.0), Some(Class::Classifier));
        });
    }

    #[test]
    fn open_nouns() {
        // The word after a number: a space before it.
        let unit = |text: &str| {
            with_doc(&format!("5 {text}"), |doc| {
                open_noun_at(doc, 1, false, || true).map(|(_, e)| doc.slice(1, e).to_string())
            })
        };
        assert_eq!(unit("cộng đồng dân cư").as_deref(), Some("cộng đồng"));
        assert_eq!(unit("đứa con nhỏ").as_deref(), Some("đứa con"));
        assert_eq!(unit("thửa đất").as_deref(), Some("thửa"));
        assert_eq!(unit("tăng mạnh"), None);
        assert_eq!(unit("và các"), None);
        assert_eq!(unit("năm liền"), None);
        assert_eq!(unit("Hà Nội"), None);
        assert_eq!(unit("bằng chứng mới").as_deref(), Some("bằng chứng"));
        assert_eq!(unit("ngày sau"), None);
    }

    #[test]
    fn currencies_ask_money() {
        with_doc("5 bảng đấu", |doc| {
            assert_eq!(open_noun_at(doc, 1, false, || false), None);
            assert!(open_noun_at(doc, 1, false, || true).is_some());
        });
        with_doc("5 cộng đồng", |doc| {
            // No currency: the callback is not asked.
            assert!(open_noun_at(doc, 1, false, || unreachable!()).is_some());
        });
    }
}
