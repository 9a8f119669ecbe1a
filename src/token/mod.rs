//! Tokenisation: sentences, syllables with a kind, and words.
//!
//! Vietnamese writes one syllable per space-separated unit, and news text
//! carries tokens that generic tokenisers break apart: `09/03/2023`, `14:49`,
//! `143,8`, `05-CT/TW`, `30/2020/NĐ-CP`, `TP.HCM`, `Covid-19`. [`syllables`]
//! keeps each of them whole and types it, in one hand-written pass over the
//! bytes. The pieces, separators included, concatenate back to the input.
//!
//! ```
//! use vntext::token::{syllables, TokenKind};
//!
//! let toks: Vec<_> = syllables("Chỉ thị 05-CT/TWcủa Bộ")
//!     .filter(|t| !t.kind().is_space())
//!     .map(|t| (t.as_str(), t.kind()))
//!     .collect();
//! assert_eq!(toks[2], ("05-CT/TW", TokenKind::DocSymbol));
//! assert_eq!(toks[3].0, "của");
//! ```
//!
//! On top of the syllables: [`sentences`] (spans without surrounding
//! whitespace, never across a line break) and [`words`], which groups
//! syllables into words over a [`Lexicon`](crate::lexicon::Lexicon)
//! (`doanh nghiệp`, `Ủy ban nhân dân`) and capitalised runs into proper names
//! (`Long Biên`). Words are lossless too: multi-syllable words hold their
//! inner spaces, and the whitespace between words comes as pieces of its own.

use core::iter::FusedIterator;

mod sentence;
mod syllable;
mod word;

pub use sentence::{sentences, Sentence, Sentences};
pub use word::{words, Word, Words};

use syllable::scan_one;

use crate::Span;

/// The letter case of a word token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Case {
    /// `nghị`, `quyết`.
    Lower,
    /// `Nghị`, `Hà`.
    Capitalized,
    /// `UBND`, `HĐND`.
    Upper,
    /// `ThS`, `iPhone`, `TTg`.
    Mixed,
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters (and marks), possibly with digits inside (`U23`, `Covid-19`).
    Word(Case),
    /// Digits with Vietnamese grouping and decimals: `143,8`, `1.234.567`, `05`.
    Number,
    /// Digit groups joined by `/` (`09/03/2023`, `12/8`), or a day, month and
    /// year joined by `-` or `.` (`9-3-2023`, `30.4.1975`).
    DateLike,
    /// A clock time: `14:49`, `14h30`, `20h`, `10g45`.
    Time,
    /// A number glued to `%`: `98%`.
    Percent,
    /// A document number and code: `05-CT/TW`, `30/2020/NĐ-CP`, `1234/QĐ-UBND`, `25-CP`.
    DocSymbol,
    /// A dotted abbreviation or initials: `TP.HCM`, `PGS.TS`, `TS.`, `v.v.`, `N.T.K.`.
    Abbreviation,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// Punctuation: `.` `,` `;` `:` `!` `?` `(` `)` `"` `-` `/` `...`.
    Punct,
    /// Any other symbol: `%`, `&`, `+`, `$`, `₫`.
    Symbol,
    /// Spaces and tabs, no newline.
    Space,
    /// Whitespace holding at least one line break.
    Newline,
}

impl TokenKind {
    /// Whether the token is whitespace.
    #[inline]
    pub fn is_space(self) -> bool {
        matches!(self, TokenKind::Space | TokenKind::Newline)
    }

    /// Whether the token is a word of letters.
    #[inline]
    pub fn is_word(self) -> bool {
        matches!(self, TokenKind::Word(_))
    }
}

/// A token: a piece of the input and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'h> {
    text: &'h str,
    span: Span,
    kind: TokenKind,
}

impl<'h> Token<'h> {
    /// The token's text.
    #[inline]
    pub fn as_str(&self) -> &'h str {
        self.text
    }

    /// Byte span in the input.
    #[inline]
    pub fn span(&self) -> Span {
        self.span
    }

    /// First byte.
    #[inline]
    pub fn start(&self) -> usize {
        self.span.start
    }

    /// One past the last byte.
    #[inline]
    pub fn end(&self) -> usize {
        self.span.end
    }

    /// The kind.
    #[inline]
    pub fn kind(&self) -> TokenKind {
        self.kind
    }
}

/// The syllable tokens of `text`, whitespace included.
///
/// ```
/// let pieces: String = vntext::token::syllables("Sáng 9/3, 98% …").map(|t| t.as_str()).collect();
/// assert_eq!(pieces, "Sáng 9/3, 98% …");
/// ```
pub fn syllables(text: &str) -> Syllables<'_> {
    Syllables { text, pos: 0 }
}

/// Iterator over the syllable tokens of a text; see [`syllables`].
#[derive(Clone, Debug)]
pub struct Syllables<'h> {
    text: &'h str,
    pos: usize,
}

impl<'h> Iterator for Syllables<'h> {
    type Item = Token<'h>;

    fn next(&mut self) -> Option<Token<'h>> {
        if self.pos >= self.text.len() {
            return None;
        }
        let (end, kind) = scan_one(self.text, self.pos);
        let span = Span::new(self.pos, end);
        self.pos = end;
        Some(Token {
            text: &self.text[span.range()],
            span,
            kind,
        })
    }
}

impl FusedIterator for Syllables<'_> {}

/// A compact token for the extractors: offsets relative to the scanned text,
/// and whether whitespace stood before it. Whitespace itself is left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: u32,
    pub end: u32,
    pub kind: TokenKind,
    /// Whitespace (or the start of the text) before this token.
    pub space_before: bool,
    /// A line break (or the start of the text) before this token.
    pub line_before: bool,
}

/// All non-whitespace tokens of `text`, appended to `out` (cleared first).
/// `text` must be shorter than 4 GiB.
pub(crate) fn scan_into(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let mut pos = 0;
    let mut space = true;
    let mut line = true;
    while pos < text.len() {
        let (end, kind) = scan_one(text, pos);
        match kind {
            TokenKind::Space => space = true,
            TokenKind::Newline => {
                space = true;
                line = true;
            }
            _ => {
                out.push(Tok {
                    start: pos as u32,
                    end: end as u32,
                    kind,
                    space_before: space,
                    line_before: line,
                });
                space = false;
                line = false;
            }
        }
        pos = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
        syllables(text)
            .filter(|t| !t.kind().is_space())
            .map(|t| (t.as_str(), t.kind()))
            .collect()
    }

    #[test]
    fn lossless() {
        for t in [
            "",
            " a  b ",
            "05-CT/TWcủa",
            "Ngày 9/3/2023 | 14:49",
            "x\u{0301}\u{00A0}y",
            "TP.HCM.",
            "a@b",
        ] {
            let s: String = syllables(t).map(|x| x.as_str()).collect();
            assert_eq!(s, t);
        }
    }

    #[test]
    fn numbers_dates_times() {
        use TokenKind::*;
        assert_eq!(
            kinds(
                "143,8 1.234.567 09/03/2023 12/8 9-3-2023 30.4.1975 14:49 14h30 20h 98% 2020-2025"
            ),
            vec![
                ("143,8", Number),
                ("1.234.567", Number),
                ("09/03/2023", DateLike),
                ("12/8", DateLike),
                ("9-3-2023", DateLike),
                ("30.4.1975", DateLike),
                ("14:49", Time),
                ("14h30", Time),
                ("20h", Time),
                ("98%", Percent),
                ("2020", Number),
                ("-", Punct),
                ("2025", Number),
            ]
        );
    }

    #[test]
    fn document_symbols() {
        use TokenKind::*;
        let k = kinds("05-CT/TW 30/2020/NĐ-CP 1234/QĐ-UBND 25-CP 12/1999/PL-UBTVQH10 16/CT-TTg 08-QĐi/TW 05-CT/TWcủa");
        let syms: Vec<&str> = k.iter().filter(|x| x.1 == DocSymbol).map(|x| x.0).collect();
        assert_eq!(
            syms,
            [
                "05-CT/TW",
                "30/2020/NĐ-CP",
                "1234/QĐ-UBND",
                "25-CP",
                "12/1999/PL-UBTVQH10",
                "16/CT-TTg",
                "08-QĐi/TW",
                "05-CT/TW"
            ]
        );
        assert_eq!(k.last().unwrap().0, "của");
    }

    #[test]
    fn words_and_codes() {
        use TokenKind::*;
        assert_eq!(
            kinds("UBND Hà nội ThS Covid-19 U23 số31 HĐNDtỉnh"),
            vec![
                ("UBND", Word(Case::Upper)),
                ("Hà", Word(Case::Capitalized)),
                ("nội", Word(Case::Lower)),
                ("ThS", Word(Case::Mixed)),
                ("Covid-19", Word(Case::Mixed)),
                ("U23", Word(Case::Upper)),
                ("số", Word(Case::Lower)),
                ("31", Number),
                ("HĐND", Word(Case::Upper)),
                ("tỉnh", Word(Case::Lower)),
            ]
        );
    }

    #[test]
    fn an_apostrophe_after_an_initial_keeps_a_name_whole() {
        use TokenKind::*;
        assert_eq!(
            kinds("H'Mông K'Ho O'Neill"),
            vec![
                ("H'Mông", Word(Case::Mixed)),
                ("K'Ho", Word(Case::Mixed)),
                ("O'Neill", Word(Case::Mixed)),
            ]
        );
    }

    #[test]
    fn abbreviations_urls_emails() {
        use TokenKind::*;
        let k = kinds("TP.HCM PGS.TS Nguyễn v.v. vụ.Tại https://x.vn/a. a.b@c.com");
        assert_eq!(k[0], ("TP.HCM", Abbreviation));
        assert_eq!(k[1], ("PGS.TS", Abbreviation));
        assert_eq!(k[3], ("v.v.", Abbreviation));
        assert_eq!(k[4], ("vụ", Word(Case::Lower)));
        assert_eq!(k[5], (".", Punct));
        assert_eq!(k[6], ("Tại", Word(Case::Capitalized)));
        assert_eq!(k[7], ("https://x.vn/a", Url));
        assert_eq!(k[9], ("a.b@c.com", Email));
    }
}
