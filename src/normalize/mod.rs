//! Normalisation: one canonical form of Vietnamese text, with a map back to
//! the caller's bytes.
//!
//! Real archives mix decomposed letters, no-break spaces, zero-width marks,
//! three kinds of dash and smart quotes. [`normalize`] returns the text in one
//! canonical form together with an [`OffsetMap`], so that anything found in the
//! normalised text can be reported at the caller's byte offsets. Text that is
//! already clean comes back borrowed after one scan, with no allocation.
//!
//! ```
//! use vntext::normalize::normalize;
//!
//! // "ủy" with a combining hook above, and a no-break space.
//! let original = "Đảng u\u{0309}y\u{00A0}quận";
//! let n = normalize(original);
//! assert_eq!(n.as_str(), "Đảng ủy quận");
//! assert!(!n.is_borrowed());
//!
//! let clean = normalize("Đảng ủy quận");
//! assert!(clean.is_borrowed());
//! ```
//!
//! # What the default does
//!
//! | step | default | option |
//! |---|---|---|
//! | Unicode NFC | on | [`Options::nfc`] |
//! | no-break, narrow and other spaces → ` `; zero-width marks, BOM and soft hyphen removed | on | [`Options::spaces`] |
//! | runs of spaces and tabs → one space | on | [`Options::collapse_spaces`] |
//! | CRLF and CR → LF | on | [`Options::newlines`] |
//! | `–` `—` `‒` `―` `−` → `-` | on | [`Options::dashes`] |
//! | `“ ” „` → `"`, `‘ ’` → `'` | on | [`Options::quotes`] |
//! | `…` → `...` | on | [`Options::ellipsis`] |
//! | `Ð` (U+00D0) `ð` (U+00F0) → `Đ` `đ` | on | [`Options::lookalikes`] |
//!
//! Every step is a single pass; steps that find nothing to do cost a scan.

mod offsets;

use std::borrow::Cow;

pub(crate) use offsets::Builder;
pub use offsets::OffsetMap;

use crate::Span;

/// Which normalisation steps run. `Options::default()` is what the extractor
/// uses.
///
/// ```
/// use vntext::normalize::{normalize_with, Options};
///
/// let opts = Options::default().dashes(false);
/// assert_eq!(normalize_with("2020–2025", &opts).as_str(), "2020–2025");
/// assert_eq!(normalize_with("2020–2025", &Options::default()).as_str(), "2020-2025");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    nfc: bool,
    spaces: bool,
    collapse_spaces: bool,
    newlines: bool,
    dashes: bool,
    quotes: bool,
    ellipsis: bool,
    lookalikes: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            nfc: true,
            spaces: true,
            collapse_spaces: true,
            newlines: true,
            dashes: true,
            quotes: true,
            ellipsis: true,
            lookalikes: true,
        }
    }
}

impl Options {
    /// Options with every step off: the text comes back unchanged.
    pub fn none() -> Options {
        Options {
            nfc: false,
            spaces: false,
            collapse_spaces: false,
            newlines: false,
            dashes: false,
            quotes: false,
            ellipsis: false,
            lookalikes: false,
        }
    }

    /// Compose to Unicode NFC (default on).
    pub fn nfc(mut self, yes: bool) -> Options {
        self.nfc = yes;
        self
    }

    /// Turn no-break, narrow no-break and other Unicode spaces into a plain
    /// space, and remove zero-width spaces and joiners, the BOM and soft
    /// hyphens (default on).
    pub fn spaces(mut self, yes: bool) -> Options {
        self.spaces = yes;
        self
    }

    /// Collapse runs of spaces and tabs into one space (default on). Newlines
    /// are kept.
    pub fn collapse_spaces(mut self, yes: bool) -> Options {
        self.collapse_spaces = yes;
        self
    }

    /// Turn CRLF and lone CR into LF (default on).
    pub fn newlines(mut self, yes: bool) -> Options {
        self.newlines = yes;
        self
    }

    /// Turn en dash, em dash, figure dash, horizontal bar and minus sign into
    /// `-` (default on).
    pub fn dashes(mut self, yes: bool) -> Options {
        self.dashes = yes;
        self
    }

    /// Turn smart quotes into ASCII quotes (default on).
    pub fn quotes(mut self, yes: bool) -> Options {
        self.quotes = yes;
        self
    }

    /// Turn `…` into `...` (default on).
    pub fn ellipsis(mut self, yes: bool) -> Options {
        self.ellipsis = yes;
        self
    }

    /// Turn the look-alikes `Ð` (U+00D0, Latin eth) and `ð` into the
    /// Vietnamese `Đ` (U+0110) and `đ` (default on).
    pub fn lookalikes(mut self, yes: bool) -> Options {
        self.lookalikes = yes;
        self
    }
}

/// A normalised text and the map back to the text it came from.
#[derive(Clone, Debug)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    map: OffsetMap,
}

impl<'a> Normalized<'a> {
    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the input was already normalised and is returned as is.
    pub fn is_borrowed(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// The map from normalised offsets back to original offsets.
    pub fn map(&self) -> &OffsetMap {
        &self.map
    }

    /// A span of the normalised text mapped back to the original.
    pub fn to_original(&self, span: Span) -> Span {
        self.map.to_original(span)
    }

    /// The normalised text, borrowed when nothing changed.
    pub fn into_text(self) -> Cow<'a, str> {
        self.text
    }

    /// The text and the map.
    pub fn into_parts(self) -> (Cow<'a, str>, OffsetMap) {
        (self.text, self.map)
    }
}

/// Normalises `text` with the default [`Options`].
///
/// ```
/// let n = vntext::normalize::normalize("Quận ủy\r\nngày 9/3");
/// assert_eq!(n.as_str(), "Quận ủy\nngày 9/3");
/// ```
pub fn normalize(text: &str) -> Normalized<'_> {
    normalize_with(text, &Options::default())
}

/// Normalises `text` with the given options.
///
/// ```
/// use vntext::normalize::{normalize_with, Options};
/// let n = normalize_with("a\u{00A0}b", &Options::none());
/// assert!(n.is_borrowed());
/// ```
pub fn normalize_with<'a>(text: &'a str, opts: &Options) -> Normalized<'a> {
    let mut cur: Cow<'a, str> = Cow::Borrowed(text);
    let mut map = OffsetMap::identity();
    if opts.nfc && !is_nfc(&cur) {
        let (s, m) = nfc_pass(&cur);
        cur = Cow::Owned(s);
        map.push(m);
    }
    if needs_cleanup(&cur, opts) {
        let (s, m) = cleanup_pass(&cur, opts);
        cur = Cow::Owned(s);
        map.push(m);
    }
    Normalized { text: cur, map }
}

/// Whether `text` is in NFC, checked quickly for the scripts of Vietnamese
/// news and exactly for everything else.
pub(crate) fn is_nfc(text: &str) -> bool {
    // ASCII, Latin-1 and Latin Extended-A/B letters and the Vietnamese
    // precomposed block are all stable under NFC; only combining marks and
    // other scripts need the full check.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        match b {
            0xC2..=0xC9 => i += 2,
            0xE1 if matches!(bytes.get(i + 1), Some(0xBA | 0xBB)) => i += 3,
            0xE2 if bytes.get(i + 1) == Some(&0x80) => i += 3,
            _ => {
                // Check from the last starter before this point: a mark
                // composes with what precedes it.
                let from = text[..i]
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| unicode_normalization::char::canonical_combining_class(c) == 0)
                    .map_or(0, |(j, _)| j);
                let rest = &text[from..];
                return unicode_normalization::is_nfc_quick(rest.chars())
                    == unicode_normalization::IsNormalized::Yes
                    || unicode_normalization::is_nfc(rest);
            }
        }
    }
    true
}

/// Composes `text` to NFC, one normalisation segment (a starter and the marks
/// after it) at a time, so that the map stays precise.
fn nfc_pass(text: &str) -> (String, OffsetMap) {
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::UnicodeNormalization;

    let mut b = Builder::with_capacity(text.len());
    let mut buf = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        let mut simple = c.is_ascii() && chars.peek().is_none_or(|&(_, n)| n.is_ascii());
        if !simple {
            // Extend the segment over the combining marks and the characters
            // that can compose with what precedes them.
            while let Some(&(i, n)) = chars.peek() {
                if canonical_combining_class(n) != 0 || composes_backward(n) {
                    end = i + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let seg = &text[start..end];
            buf.clear();
            buf.extend(seg.nfc());
            simple = buf == seg;
            if !simple {
                b.replace(text, start, end, &buf);
            }
        }
    }
    b.finish(text)
}

/// Starters that may compose with the character before them (NFC_QC=Maybe
/// among starters: Hangul medial vowels and final consonants, and a few
/// Indic vowel signs).
fn composes_backward(c: char) -> bool {
    matches!(c as u32,
        0x1161..=0x1175 | 0x11A8..=0x11C2 | 0x0B3E | 0x0B56 | 0x0B57 | 0x0BBE | 0x0BD7
        | 0x0C56 | 0x0CC2 | 0x0CD5 | 0x0CD6 | 0x0D3E | 0x0D57 | 0x0DCF | 0x0DDF | 0x102E
        | 0x1B35 | 0x110A7 | 0x1133E | 0x11357 | 0x114B0 | 0x114BA | 0x114BD | 0x115AF | 0x11930)
}

/// What the clean-up pass writes for one character, if it changes it.
fn cleanup_char(c: char, opts: &Options) -> Option<&'static str> {
    match c {
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
            if opts.spaces =>
        {
            Some(" ")
        }
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' if opts.spaces => Some(""),
        '\u{2012}'..='\u{2015}' | '\u{2212}' if opts.dashes => Some("-"),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' if opts.quotes => Some("\""),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' if opts.quotes => Some("'"),
        '\u{2026}' if opts.ellipsis => Some("..."),
        '\u{00D0}' if opts.lookalikes => Some("Đ"),
        '\u{00F0}' if opts.lookalikes => Some("đ"),
        _ => None,
    }
}

fn needs_cleanup(text: &str, opts: &Options) -> bool {
    let bytes = text.as_bytes();
    let mut prev_space = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\r' if opts.newlines => return true,
            b' ' | b'\t' => {
                if opts.collapse_spaces && (prev_space || b == b'\t') {
                    return true;
                }
                prev_space = true;
                continue;
            }
            0xC2 | 0xC3 | 0xE2 | 0xE3 | 0xEF => {
                if let Some(c) = text.get(i..).and_then(|s| s.chars().next()) {
                    if cleanup_char(c, opts).is_some() {
                        return true;
                    }
                }
            }
            _ => {}
        }
        prev_space = false;
    }
    false
}

fn cleanup_pass(text: &str, opts: &Options) -> (String, OffsetMap) {
    let mut b = Builder::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c0 = bytes[i];
        if c0 == b'\r' && opts.newlines {
            let end = if bytes.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            };
            b.replace(text, i, end, "\n");
            i = end;
            continue;
        }
        let is_space_start = c0 == b' ' || c0 == b'\t' || (c0 >= 0x80 && opts.spaces);
        if is_space_start && opts.collapse_spaces {
            // A run of spaces (after mapping) becomes one space.
            let mut j = i;
            let mut n = 0;
            let mut plain = true;
            while j < bytes.len() {
                let c = match text[j..].chars().next() {
                    Some(c) => c,
                    None => break,
                };
                let mapped = if c == ' ' || c == '\t' {
                    " "
                } else {
                    match cleanup_char(c, opts) {
                        Some(m) if m == " " || m.is_empty() => m,
                        _ => break,
                    }
                };
                if mapped == " " {
                    n += 1;
                }
                if c != ' ' {
                    plain = false;
                }
                j += c.len_utf8();
            }
            if j > i {
                // One plain space stays as it is; anything else becomes one
                // space, or nothing for zero-width marks alone.
                if !(plain && n == 1) {
                    b.replace(text, i, j, if n > 0 { " " } else { "" });
                }
                i = j;
                continue;
            }
        }
        if c0 >= 0x80 {
            let c = match text[i..].chars().next() {
                Some(c) => c,
                None => break,
            };
            let len = c.len_utf8();
            if let Some(with) = cleanup_char(c, opts) {
                b.replace(text, i, i + len, with);
            }
            i += len;
        } else {
            i += 1;
        }
    }
    b.finish(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        for t in [
            "",
            "Đảng ủy Khối Doanh nghiệp quận",
            "ngày 09/03/2023, 143,8 %",
        ] {
            assert!(normalize(t).is_borrowed(), "{t}");
        }
    }

    #[test]
    fn nfd_composes_and_maps_back() {
        let original = "Nghi\u{0323} quyê\u{0301}t 18";
        let n = normalize(original);
        assert_eq!(n.as_str(), "Nghị quyết 18");
        let at = n.as_str().find("18").unwrap();
        let back = n.to_original(Span::new(at, at + 2));
        assert_eq!(&original[back.range()], "18");
    }

    #[test]
    fn spaces_collapse_and_zero_width_vanish() {
        let original = "a\u{00A0} \u{200B}b  c\td";
        let n = normalize(original);
        assert_eq!(n.as_str(), "a b c d");
        let at = n.as_str().find('b').unwrap();
        assert_eq!(&original[n.to_original(Span::new(at, at + 1)).range()], "b");
    }

    #[test]
    fn dashes_quotes_ellipsis_lookalikes() {
        let n = normalize("“Ðảng” – ‘x’…");
        assert_eq!(n.as_str(), "\"Đảng\" - 'x'...");
    }

    #[test]
    fn crlf() {
        let n = normalize("a\r\nb\rc");
        assert_eq!(n.as_str(), "a\nb\nc");
        let at = n.as_str().find('c').unwrap();
        assert_eq!(n.to_original(Span::new(at, at + 1)), Span::new(5, 6));
    }

    #[test]
    fn options_none_changes_nothing() {
        let t = "a\u{00A0}b – “c” Ð\r\n";
        assert_eq!(normalize_with(t, &Options::none()).as_str(), t);
    }
}
