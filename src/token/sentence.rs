//! Sentence splitting over the syllable tokens.
//!
//! A sentence ends at a line break, and after `.`, `?`, `!`, `...` or `…`
//! (with the closing quotes and brackets right after it) when what follows
//! can open a sentence: not a lower-case word, not `,` `;` `:` `)` or a
//! dash going on with a lower-case word. Dots inside numbers (`1.234`),
//! dates, URLs, e-mails and abbreviations (`TP.HCM`, `PGS.TS.`, `Q.`, `v.v.`)
//! are parts of tokens and end nothing, except `v.v.` and `...`-like
//! abbreviations before a capital. A headline or dateline without a final
//! stop is a sentence of its own, ended by its line break; a stop glued to
//! the next sentence (`nhiệm vụ.Tại`) still ends one.

use core::iter::FusedIterator;

use super::syllable::scan_one;
use super::{Case, TokenKind};
use crate::Span;

/// A sentence: a span of the input without surrounding whitespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence<'h> {
    text: &'h str,
    span: Span,
}

impl<'h> Sentence<'h> {
    /// The sentence's text.
    #[inline]
    pub fn as_str(&self) -> &'h str {
        self.text
    }

    /// Byte span in the input.
    #[inline]
    pub fn span(&self) -> Span {
        self.span
    }
}

/// The sentences of `text`, in order. Every non-whitespace char belongs to
/// exactly one sentence, and only whitespace lies between them.
///
/// ```
/// use vntext::token::sentences;
///
/// let s: Vec<&str> = sentences("Hà Nội, 9/3 (TTXVN)\nTP.HCM tăng 1.234 ca. GS. Lê nói: \"Tốt!\" Xong...")
///     .map(|s| s.as_str())
///     .collect();
/// assert_eq!(s, ["Hà Nội, 9/3 (TTXVN)", "TP.HCM tăng 1.234 ca.", "GS. Lê nói: \"Tốt!\"", "Xong..."]);
/// ```
pub fn sentences(text: &str) -> Sentences<'_> {
    Sentences { text, pos: 0 }
}

/// Iterator over the sentences of a text; see [`sentences`].
#[derive(Clone, Debug)]
pub struct Sentences<'h> {
    text: &'h str,
    pos: usize,
}

/// How far past a stop the splitter looks (tokens), to keep the pass linear.
const LOOKAHEAD: usize = 8;

impl<'h> Iterator for Sentences<'h> {
    type Item = Sentence<'h>;

    fn next(&mut self) -> Option<Sentence<'h>> {
        let text = self.text;
        // Skip whitespace before the sentence.
        let mut start = None;
        let mut end = self.pos;
        while self.pos < text.len() {
            let (e, kind) = scan_one(text, self.pos);
            let s = self.pos;
            self.pos = e;
            match kind {
                TokenKind::Newline if start.is_some() => break,
                TokenKind::Space | TokenKind::Newline => continue,
                _ => {}
            }
            if start.is_none() {
                start = Some(s);
            }
            end = e;
            if is_stop(text, s, e, kind) {
                let ellipsis = matches!(&text[s..e], "..." | "…" | "....");
                if let Some(e2) = sentence_end_after(text, e, ellipsis) {
                    end = e2;
                    self.pos = e2;
                    break;
                }
            }
        }
        let start = start?;
        let span = Span::new(start, end);
        Some(Sentence {
            text: text.get(start..end).unwrap_or(""),
            span,
        })
    }
}

impl FusedIterator for Sentences<'_> {}

/// Whether the token may end a sentence.
fn is_stop(text: &str, s: usize, e: usize, kind: TokenKind) -> bool {
    let t = &text[s..e];
    match kind {
        TokenKind::Punct => t.starts_with('.') || matches!(t, "?" | "!" | "…"),
        // `v.v.` ends sentences, and so does a dotted name (`TP.HCM.`);
        // titles and initials (`PGS.TS.`, `Q.`, `N.T.K.`) go on.
        TokenKind::Abbreviation => {
            t.starts_with("v.v.")
                || t.ends_with('.')
                    && !t
                        .split('.')
                        .filter(|p| !p.is_empty())
                        .all(|p| p.chars().count() == 1 || TITLES.contains(&p))
        }
        _ => false,
    }
}

/// Dotted parts that stand before a name: titles and place prefixes.
const TITLES: &[&str] = &[
    "TS", "GS", "PGS", "ThS", "Ths", "TSKH", "BS", "BSCK", "KS", "CN", "NCS", "Th", "Mr", "Mrs",
    "Ms", "Dr", "St", "ông", "bà", "Đ/c", "TP", "Tp", "tp", "TX", "TT", "ĐH", "NXB", "NSƯT",
    "NSND",
];

/// After a stop ending at `pos`: the end of the sentence (past closing
/// quotes, brackets and further stops) when the sentence ends here, or
/// `None` when it goes on.
///
/// A quote glued to the stop closes (`ý."`); a quote after a space closes
/// when no word follows it (`ý . " -`), and opens the next sentence when a
/// capitalised word does (`ý . " Sau`).
fn sentence_end_after(text: &str, pos: usize, ellipsis: bool) -> Option<usize> {
    let mut end = pos;
    let mut p = pos;
    for _ in 0..LOOKAHEAD {
        let Some((s, e, kind, spaced)) = next_token(text, p) else {
            return Some(end);
        };
        let t = &text[s..e];
        match kind {
            TokenKind::Newline => return Some(end),
            TokenKind::Punct if is_quote(t) => {
                if spaced {
                    match next_token(text, e) {
                        Some((_, _, TokenKind::Word(Case::Lower), _)) => return None,
                        Some((_, _, k, _))
                            if !matches!(k, TokenKind::Punct | TokenKind::Newline) =>
                        {
                            return Some(end);
                        }
                        _ => {}
                    }
                }
                end = e;
            }
            TokenKind::Punct
                if matches!(t, ")" | "]" | "”" | "’" | "»")
                    || t.starts_with('.')
                    || matches!(t, "?" | "!" | "…") =>
            {
                end = e;
            }
            // What follows decides.
            TokenKind::Word(Case::Lower) => return None,
            TokenKind::Punct if matches!(t, "," | ";" | ":") => return None,
            // After `...`, only a capital opens a sentence.
            TokenKind::Word(Case::Capitalized | Case::Upper | Case::Mixed) => return Some(end),
            _ if ellipsis => return None,
            TokenKind::Punct if t == "-" => {
                // `"Sao vậy?" - ông hỏi`: a dash then a lower-case word goes on.
                return match next_token(text, e) {
                    Some((_, _, TokenKind::Word(Case::Lower), _)) => None,
                    _ => Some(end),
                };
            }
            _ => return Some(end),
        }
        p = e;
    }
    Some(end)
}

fn is_quote(t: &str) -> bool {
    matches!(t, "\"" | "'" | "“" | "”" | "‘" | "’" | "«" | "»")
}

/// The next token at or after `pos` that is not a plain space: its span,
/// kind, and whether a space stood before it. Line breaks are returned.
fn next_token(text: &str, mut pos: usize) -> Option<(usize, usize, TokenKind, bool)> {
    let mut spaced = false;
    while pos < text.len() {
        let (e, kind) = scan_one(text, pos);
        if kind == TokenKind::Space {
            spaced = true;
            pos = e;
            continue;
        }
        return Some((pos, e, kind, spaced));
    }
    None
}
