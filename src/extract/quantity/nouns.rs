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

use super::{Noun, Phrases};
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

/// Words of the treebank by the hash of their folded syllables (as
/// [`Lexicon`] hashes them): the class of a word, and whether a longer word
/// begins with that sequence.
struct Classes {
    map: HashMap<u64, (Option<Class>, bool), std::hash::BuildHasherDefault<PreHashed>>,
    longest: usize,
}

static CLASSES: LazyLock<Classes> = LazyLock::new(|| {
    let mut map: HashMap<u64, (Option<Class>, bool), _> = HashMap::default();
    let mut longest = 0;
    for line in data_lines(include_str!("../../lexicon/data/word-classes-vtb.txt")) {
        let Some((word, code)) = line.split_once('\t') else {
            continue;
        };
        let Some(class) = Class::of(code.trim()) else {
            continue;
        };
        let mut h = WORD_SEED;
        let mut n = 0;
        for syl in word.split_whitespace() {
            if n > 0 {
                map.entry(h).or_insert((None, false)).1 = true;
            }
            h = extend(h, syllable_hash(syl));
            n += 1;
        }
        longest = longest.max(n);
        map.entry(h).or_insert((None, false)).0 = Some(class);
    }
    Classes { map, longest }
});

/// Phrases after a number that show it counts nothing (`!` lines: longer
/// phrases that do count, overriding a shorter one).
static NOT_COUNTED: LazyLock<Phrases<bool>> = LazyLock::new(|| {
    Phrases::new(
        data_lines(include_str!("../../lexicon/data/not_counted.txt")).map(|l| {
            match l.strip_prefix('!') {
                Some(p) => (p, false),
                None => (l, true),
            }
        }),
    )
});

/// Whether token `j` continues a word that started before it: a word
/// token, spaced, on the same line.
fn continues(doc: &Doc<'_>, j: usize) -> bool {
    j < doc.len()
        && doc.space_before(j)
        && !doc.line_before(j)
        && doc.kind(j).is_some_and(TokenKind::is_word)
}

/// The longest word of the treebank at token `i`: its class and the index
/// past it.
pub(crate) fn class_at(doc: &Doc<'_>, i: usize) -> Option<(Class, usize)> {
    let classes = &*CLASSES;
    let mut h = WORD_SEED;
    let mut best = None;
    for j in i..(i + classes.longest).min(doc.len()) {
        if j > i && !continues(doc, j) {
            break;
        }
        h = extend(h, syllable_hash(doc.s(j)));
        let Some(&(class, more)) = classes.map.get(&h) else {
            break;
        };
        if let Some(c) = class {
            best = Some((c, j + 1));
        }
        if !more {
            break;
        }
    }
    best
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

/// Whether the phrase at token `i` is listed as counting nothing after a
/// number (`năm`, `và`, `tỷ lệ`).
pub(crate) fn not_counted(doc: &Doc<'_>, i: usize) -> bool {
    matches!(NOT_COUNTED.longest_at(doc, i), Some((true, _)))
}

/// A noun at token `i` that is no listed counted noun but reads as what a
/// number before it counts: its class (when the treebank knows it) and the
/// index past it. `capital` allows a capitalised word (after an opening
/// quote: `164 "Cộng đồng …"`).
pub(crate) fn open_noun_at(doc: &Doc<'_>, i: usize, capital: bool) -> Option<(Noun, usize)> {
    match doc.kind(i)? {
        TokenKind::Word(Case::Lower) => {}
        TokenKind::Word(Case::Capitalized) if capital => {}
        _ => return None,
    }
    if !doc.space_before(i) && !capital || doc.line_before(i) {
        return None;
    }
    let class = class_at(doc, i);
    match NOT_COUNTED.longest_at(doc, i) {
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
    if !continues(doc, e)
        || doc.kind(e) != Some(TokenKind::Word(Case::Lower))
        || not_counted(doc, e)
    {
        return e;
    }
    let w_end = word_end(doc, e);
    match class_at(doc, e) {
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
                open_noun_at(doc, 1, false).map(|(_, e)| doc.slice(1, e).to_string())
            })
        };
        assert_eq!(unit("cộng đồng dân cư").as_deref(), Some("cộng đồng"));
        assert_eq!(unit("đứa con nhỏ").as_deref(), Some("đứa con"));
        assert_eq!(unit("thửa đất").as_deref(), Some("thửa"));
        assert_eq!(unit("tăng mạnh"), None);
        assert_eq!(unit("và các"), None);
        assert_eq!(unit("năm liền"), None);
        assert_eq!(unit("Hà Nội"), None);
    }
}
