//! The per-kind extractors and what they share.
//!
//! Each kind of `SPEC.md` has one file here with one entry point,
//! `find(doc, out)`, which reads the tokens of a block of normalised text and
//! pushes [`Candidate`]s. The [`Extractor`](crate::Extractor) runs the enabled
//! kinds, resolves overlaps and maps spans back to the caller's bytes.
//!
//! Shared pieces: the token view [`Doc`], the number parser [`number`], and
//! the qualifier words written before a number ([`qualifier_before`]).

pub(crate) mod date;
pub(crate) mod document;
pub(crate) mod money;
pub mod number;
pub(crate) mod percentage;
pub(crate) mod period;
pub(crate) mod person;
pub(crate) mod quantity;
pub(crate) mod ratio;
pub(crate) mod time;

use crate::fact::{Payload, Qualifier};
use crate::lexicon::chars::{eq_word, starts_upper};
use crate::token::{Tok, TokenKind};
use crate::{Kind, PartialDate, Span};

/// A fact proposed by one extractor, before overlaps are resolved. The span is
/// in the block's normalised text.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub span: Span,
    pub payload: Payload,
}

impl Candidate {
    pub fn new(span: Span, payload: Payload) -> Candidate {
        Candidate { span, payload }
    }
}

/// What extractors know about the whole document, beyond the block at hand.
#[derive(Clone, Debug, Default)]
pub(crate) struct Context {
    /// The date relative expressions resolve against: the caller's, else the
    /// document's dateline.
    pub reference: Option<PartialDate>,
}

/// One block of normalised text and its tokens, as the extractors see it.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub ctx: &'a Context,
    /// The numbers money and quantity read, found once for both (see
    /// [`number::amounts`]).
    amounts: std::cell::OnceCell<Vec<number::Num>>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, toks: &'a [Tok], ctx: &'a Context) -> Doc<'a> {
        Doc {
            text,
            toks,
            ctx,
            amounts: std::cell::OnceCell::new(),
        }
    }

    /// Number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The text of token `i` (empty past the end).
    #[inline]
    pub fn s(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => &self.text[t.start as usize..t.end as usize],
            None => "",
        }
    }

    /// The kind of token `i`, if there is one.
    #[inline]
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Whether token `i` is a word equal to `lit` (case and tone placement
    /// ignored).
    #[inline]
    pub fn is(&self, i: usize, lit: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind.is_word()) && eq_word(self.s(i), lit)
    }

    /// Whether token `i` is exactly the punctuation or symbol `lit`.
    #[inline]
    pub fn is_punct(&self, i: usize, lit: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokenKind::Punct | TokenKind::Symbol))
            && self.s(i) == lit
    }

    /// Whether token `i` starts with a capital letter.
    #[inline]
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind.is_word()) && starts_upper(self.s(i))
    }

    /// Whether whitespace stands between token `i - 1` and token `i`.
    #[inline]
    pub fn space_before(&self, i: usize) -> bool {
        self.toks.get(i).is_none_or(|t| t.space_before)
    }

    /// Whether a line break stands before token `i`.
    #[inline]
    pub fn line_before(&self, i: usize) -> bool {
        self.toks.get(i).is_none_or(|t| t.line_before)
    }

    /// Whether token `i` is glued to a name or code before it (`Covid-19`,
    /// `U23`, `Boeing777`), so that a number there is part of that name. A
    /// lower-case word glued to a number is a missing space (`sở hữu10,3%`).
    #[inline]
    pub fn glued_to_name(&self, i: usize) -> bool {
        !self.space_before(i)
            && matches!(
                self.kind(i.wrapping_sub(1)),
                Some(TokenKind::Word(c)) if c != crate::token::Case::Lower
            )
    }

    /// If the words of `phrase` (space separated) stand at tokens `i..`,
    /// the index just past them.
    pub fn phrase_at(&self, i: usize, phrase: &str) -> Option<usize> {
        // The words of `phrase` as `split(' ')` gives them, found with a
        // plain byte scan: phrases are a few words, and a memchr call per
        // word cost more than the scan.
        let mut j = i;
        let mut rest = phrase;
        loop {
            let (w, more) = match rest.bytes().position(|b| b == b' ') {
                Some(p) => (rest.get(..p)?, rest.get(p + 1..)),
                None => (rest, None),
            };
            if !self.is(j, w) || (j > i && self.line_before(j)) {
                return None;
            }
            j += 1;
            match more {
                Some(r) => rest = r,
                None => return Some(j),
            }
        }
    }

    /// If the words of `phrase` end just before token `i`, the index of its
    /// first word.
    pub fn phrase_before(&self, i: usize, phrase: &str) -> Option<usize> {
        let n = phrase.bytes().filter(|&b| b == b' ').count() + 1;
        let start = i.checked_sub(n)?;
        (self.phrase_at(start, phrase) == Some(i)).then_some(start)
    }

    /// The span from the start of token `i` to the end of token `j - 1`.
    #[inline]
    pub fn span(&self, i: usize, j: usize) -> Span {
        let start = self
            .toks
            .get(i)
            .map_or(self.text.len(), |t| t.start as usize);
        let end = j
            .checked_sub(1)
            .and_then(|k| self.toks.get(k))
            .map_or(start, |t| t.end as usize);
        Span::new(start, end.max(start))
    }

    /// The text from the start of token `i` to the end of token `j - 1`.
    #[inline]
    pub fn slice(&self, i: usize, j: usize) -> &'a str {
        let s = self.span(i, j);
        &self.text[s.range()]
    }
}

/// Qualifier phrases written before a number, longest first within a
/// qualifier so `không vượt quá` wins over `vượt`.
const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("thấp hơn hoặc bằng", Qualifier::AtMost),
    ("nhỏ hơn hoặc bằng", Qualifier::AtMost),
    ("lớn hơn hoặc bằng", Qualifier::AtLeast),
    ("cao hơn hoặc bằng", Qualifier::AtLeast),
    ("tối đa không quá", Qualifier::AtMost),
    ("không vượt quá", Qualifier::AtMost),
    ("xấp xỉ khoảng", Qualifier::About),
    ("không quá", Qualifier::AtMost),
    ("không dưới", Qualifier::AtLeast),
    ("không ít hơn", Qualifier::AtLeast),
    ("không thấp hơn", Qualifier::AtLeast),
    ("ít nhất", Qualifier::AtLeast),
    ("tối thiểu", Qualifier::AtLeast),
    ("tối đa", Qualifier::AtMost),
    ("nhiều nhất", Qualifier::AtMost),
    ("lớn hơn", Qualifier::Over),
    ("cao hơn", Qualifier::Over),
    ("nhiều hơn", Qualifier::Over),
    ("nhỏ hơn", Qualifier::Under),
    ("thấp hơn", Qualifier::Under),
    ("ít hơn", Qualifier::Under),
    ("chưa đầy", Qualifier::Under),
    ("chưa đến", Qualifier::Under),
    ("chưa tới", Qualifier::Under),
    ("xấp xỉ", Qualifier::About),
    ("ước tính", Qualifier::About),
    ("khoảng chừng", Qualifier::About),
    ("trên", Qualifier::Over),
    ("hơn", Qualifier::Over),
    ("vượt", Qualifier::Over),
    ("dưới", Qualifier::Under),
    ("gần", Qualifier::Under),
    ("khoảng", Qualifier::About),
    ("chừng", Qualifier::About),
    ("ước", Qualifier::About),
];

/// A qualifier written just before token `i` (optionally followed by `là`
/// or `ở mức`): the index of its first word and the qualifier.
pub(crate) fn qualifier_before(doc: &Doc<'_>, i: usize) -> Option<(usize, Qualifier)> {
    if doc.line_before(i) {
        return None;
    }
    let mut end = i;
    if end >= 1 && doc.is(end - 1, "là") && !doc.line_before(end - 1) {
        end -= 1;
    } else if end >= 2
        && doc.is(end - 2, "ở")
        && doc.is(end - 1, "mức")
        && !doc.line_before(end - 1)
    {
        end -= 2;
    }
    // Only the phrases ending with the word before can match: find them by
    // that word first (most numbers have no qualifier at all).
    if end == 0 {
        return None;
    }
    let (_, phrases) = QUALIFIERS_BY_LAST
        .iter()
        .find(|(last, _)| doc.is(end - 1, last))?;
    phrases
        .iter()
        .find_map(|&(p, q)| doc.phrase_before(end, p).map(|s| (s, q)))
}

/// [`QUALIFIERS`] grouped by their last word, in their order.
type ByLast = Vec<(&'static str, Vec<(&'static str, Qualifier)>)>;
static QUALIFIERS_BY_LAST: std::sync::LazyLock<ByLast> = std::sync::LazyLock::new(|| {
    let mut groups: ByLast = Vec::new();
    for &(p, q) in QUALIFIERS {
        let last = p.rsplit(' ').next().unwrap_or(p);
        match groups.iter_mut().find(|(l, _)| *l == last) {
            Some((_, list)) => list.push((p, q)),
            None => groups.push((last, vec![(p, q)])),
        }
    }
    groups
});

/// One kind's extractor.
type Finder = fn(&Doc<'_>, &mut Vec<Candidate>);

/// Runs every kind's extractor that `enabled` allows.
pub(crate) fn run(doc: &Doc<'_>, enabled: &[bool; 8], out: &mut Vec<Candidate>) {
    let finders: [(Kind, Finder); 8] = [
        (Kind::Date, date::find),
        (Kind::Period, period::find),
        (Kind::Person, person::find),
        (Kind::Document, document::find),
        (Kind::Percentage, percentage::find),
        (Kind::Ratio, ratio::find),
        (Kind::Money, money::find),
        (Kind::Quantity, quantity::find),
    ];
    // Dates and periods come from one scan of the time grammar.
    let both = enabled[Kind::Date.index()] && enabled[Kind::Period.index()];
    if both {
        time::find(doc, true, true, out);
    }
    for (kind, find) in finders {
        if enabled[kind.index()] && !(both && matches!(kind, Kind::Date | Kind::Period)) {
            find(doc, out);
        }
    }
}
