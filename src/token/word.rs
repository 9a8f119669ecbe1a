//! Word segmentation: syllables grouped into words over a [`Lexicon`].
//!
//! Within a run of word syllables separated by single spaces (a run ends at
//! punctuation, a number, a symbol or a line break):
//!
//! 1. a run of two or more capitalised syllables is one proper name
//!    (`Long Biên`, `Trần Thị Thu Trang`), unless the lexicon knows a word
//!    starting there (`Thủ tướng`, `Ủy ban`) or it opens a sentence, where the
//!    capital says nothing;
//! 2. otherwise the longest lexicon word starting at the syllable wins, and a
//!    syllable no word starts with stands alone.
//!
//! Numbers, dates, times, document symbols, abbreviations, URLs and
//! punctuation stay whole, one token each.

use core::iter::FusedIterator;

use super::syllable::scan_one;
use super::{Case, TokenKind};
use crate::lexicon::{extend, syllable_hash, Lexicon, PREFIX, WORD, WORD_SEED};
use crate::Span;

/// At most this many syllables in one proper name; longer capitalised runs
/// (title-case headlines) go through the lexicon.
const MAX_NAME: usize = 6;

/// A run longer than this is segmented in pieces (bounds the buffer).
const MAX_RUN: usize = 256;

/// A word: one or more syllables, or one other token, or whitespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'h> {
    text: &'h str,
    span: Span,
    kind: TokenKind,
    syllables: u32,
    name: bool,
}

impl<'h> Word<'h> {
    /// The word's text, inner spaces included (`doanh nghiệp`).
    #[inline]
    pub fn as_str(&self) -> &'h str {
        self.text
    }

    /// Byte span in the input.
    #[inline]
    pub fn span(&self) -> Span {
        self.span
    }

    /// The kind: for a word of letters, `Word` with the case of the whole
    /// (`Lower` when every syllable is, `Upper` when every syllable is,
    /// `Capitalized` when the first letter is the only capital or every
    /// syllable is capitalised, else `Mixed`); for other tokens, their kind.
    #[inline]
    pub fn kind(&self) -> TokenKind {
        self.kind
    }

    /// Number of syllables (1 for non-word tokens, 0 for whitespace).
    #[inline]
    pub fn syllable_count(&self) -> usize {
        self.syllables as usize
    }

    /// Whether the word was grouped as a proper name from capitalised
    /// syllables.
    #[inline]
    pub fn is_name(&self) -> bool {
        self.name
    }

    /// The syllables of the word (whitespace runs inside it skipped).
    pub fn syllables(&self) -> impl Iterator<Item = &'h str> {
        self.text
            .split(char::is_whitespace)
            .filter(|s| !s.is_empty())
    }
}

/// The words of `text` over `lexicon`, whitespace included: the pieces
/// concatenate back to the input.
///
/// ```
/// use vntext::lexicon::Lexicon;
/// use vntext::token::words;
///
/// let ws: Vec<&str> = words("Ủy ban nhân dân quận Long Biên họp.", Lexicon::builtin())
///     .filter(|w| w.syllable_count() > 0)
///     .map(|w| w.as_str())
///     .collect();
/// assert_eq!(ws, ["Ủy ban nhân dân", "quận", "Long Biên", "họp", "."]);
/// ```
pub fn words<'h, 'l>(text: &'h str, lexicon: &'l Lexicon) -> Words<'h, 'l> {
    Words {
        text,
        lexicon,
        pos: 0,
        sentence_start: true,
        units: Vec::new(),
        out: Vec::new(),
        next_out: 0,
    }
}

/// Iterator over the words of a text; see [`words`].
#[derive(Clone, Debug)]
pub struct Words<'h, 'l> {
    text: &'h str,
    lexicon: &'l Lexicon,
    pos: usize,
    /// No word yet in the current sentence.
    sentence_start: bool,
    /// The current run of word syllables.
    units: Vec<Unit>,
    /// Pieces ready to hand out, from `next_out` on.
    out: Vec<Word<'h>>,
    next_out: usize,
}

#[derive(Clone, Copy, Debug)]
struct Unit {
    start: usize,
    end: usize,
    case: Case,
    hash: u64,
}

impl<'h> Iterator for Words<'h, '_> {
    type Item = Word<'h>;

    fn next(&mut self) -> Option<Word<'h>> {
        if self.next_out >= self.out.len() {
            self.out.clear();
            self.next_out = 0;
            self.refill();
        }
        let w = self.out.get(self.next_out).copied();
        self.next_out += 1;
        w
    }
}

impl FusedIterator for Words<'_, '_> {}

impl<'h> Words<'h, '_> {
    fn piece(&self, start: usize, end: usize, kind: TokenKind, syllables: u32) -> Word<'h> {
        Word {
            text: self.text.get(start..end).unwrap_or(""),
            span: Span::new(start, end),
            kind,
            syllables,
            name: false,
        }
    }

    /// Reads the next run of word syllables (and the token that ends it), or
    /// one other token, into `out`.
    fn refill(&mut self) {
        let text = self.text;
        self.units.clear();
        // Tokens after the run: a space, then what stopped the run.
        let mut tail: [(usize, usize, TokenKind); 2] = [(0, 0, TokenKind::Space); 2];
        let mut n_tail = 0;
        while self.pos < text.len() {
            let (end, kind) = scan_one(text, self.pos);
            let start = self.pos;
            self.pos = end;
            match kind {
                // A word opens a run or follows a space in one; a word glued
                // to the run (`TWdoanh`) stands alone after it.
                TokenKind::Word(case) if self.units.is_empty() || n_tail == 1 => {
                    n_tail = 0;
                    let hash = syllable_hash(&text[start..end]);
                    self.units.push(Unit {
                        start,
                        end,
                        case,
                        hash,
                    });
                    if self.units.len() >= MAX_RUN {
                        break;
                    }
                }
                TokenKind::Space if !self.units.is_empty() && n_tail == 0 => {
                    tail[0] = (start, end, kind);
                    n_tail = 1;
                }
                _ => {
                    tail[n_tail] = (start, end, kind);
                    n_tail += 1;
                    break;
                }
            }
        }
        if !self.units.is_empty() {
            self.segment();
        }
        for &(start, end, kind) in &tail[..n_tail] {
            let syl = u32::from(!kind.is_space());
            let w = self.piece(start, end, kind, syl);
            self.out.push(w);
            self.sentence_start = match kind {
                TokenKind::Newline => true,
                TokenKind::Space => self.sentence_start,
                TokenKind::Punct => {
                    let p = &text[start..end];
                    if p.starts_with('.') || matches!(p, "?" | "!" | "…") {
                        true
                    } else {
                        // Opening quotes and dashes keep a sentence start.
                        self.sentence_start && matches!(p, "\"" | "'" | "(" | "-" | "“" | "‘" | "[")
                    }
                }
                TokenKind::Abbreviation => text[start..end] == *"v.v.",
                _ => false,
            };
        }
    }

    /// Segments `units` into words, with the spaces between them, into `out`.
    fn segment(&mut self) {
        let n = self.units.len();
        let mut i = 0;
        while i < n {
            let len = self.word_at(i);
            let name = len >= 2 && self.name_len(i) == len && !self.sentence_start_at(i);
            let first = self.units[i];
            let last = self.units[i + len - 1];
            let case = if len == 1 {
                first.case
            } else {
                word_case(&self.units[i..i + len])
            };
            let mut w = self.piece(first.start, last.end, TokenKind::Word(case), len as u32);
            w.name = name;
            self.out.push(w);
            i += len;
            if i < n {
                let gap = self.piece(last.end, self.units[i].start, TokenKind::Space, 0);
                self.out.push(gap);
            }
        }
        self.sentence_start = false;
    }

    #[inline]
    fn sentence_start_at(&self, i: usize) -> bool {
        i == 0 && self.sentence_start
    }

    /// Length of the capitalised run at `i` (capped at [`MAX_NAME`]).
    fn name_len(&self, i: usize) -> usize {
        self.units[i..]
            .iter()
            .take(MAX_NAME + 1)
            .take_while(|u| u.case == Case::Capitalized)
            .count()
    }

    /// The number of syllables of the word starting at unit `i`.
    fn word_at(&self, i: usize) -> usize {
        let lex_len = self.longest_match(i);
        if lex_len > 1 || self.sentence_start_at(i) {
            return lex_len;
        }
        let run = self.name_len(i);
        if (2..=MAX_NAME).contains(&run) {
            return run;
        }
        lex_len
    }

    /// The longest lexicon word starting at unit `i` (1 when none).
    fn longest_match(&self, i: usize) -> usize {
        let mut best = 1;
        let mut h = extend(WORD_SEED, self.units[i].hash);
        for (k, u) in self.units[i + 1..].iter().enumerate() {
            h = extend(h, u.hash);
            let f = self.lexicon.flags(h);
            if f & WORD != 0 {
                best = k + 2;
            }
            if f & PREFIX == 0 {
                break;
            }
        }
        best
    }
}

/// The case of a word of several syllables.
fn word_case(units: &[Unit]) -> Case {
    let all = |c: Case| units.iter().all(|u| u.case == c);
    if all(Case::Lower) {
        Case::Lower
    } else if all(Case::Upper) {
        Case::Upper
    } else if all(Case::Capitalized)
        || units.first().is_some_and(|u| u.case == Case::Capitalized)
            && units[1..].iter().all(|u| u.case == Case::Lower)
    {
        Case::Capitalized
    } else {
        Case::Mixed
    }
}
