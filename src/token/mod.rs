//! Tokenisation: syllables with a kind, losslessly.
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

use core::iter::FusedIterator;

use crate::lexicon::chars::{is_mark, is_upper, is_word_char};
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

#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

#[inline]
fn is_space_char(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Scans one token starting at `pos`; returns its end and kind.
fn scan_one(text: &str, pos: usize) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    let b = bytes[pos];
    if b.is_ascii_digit() {
        return scan_numeric(text, pos);
    }
    let c = match char_at(text, pos) {
        Some(c) => c,
        None => return (text.len(), TokenKind::Symbol),
    };
    if is_space_char(c) {
        let mut i = pos;
        let mut nl = false;
        while let Some(c) = char_at(text, i) {
            if !is_space_char(c) {
                break;
            }
            nl |= c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}';
            i += c.len_utf8();
        }
        return (
            i,
            if nl {
                TokenKind::Newline
            } else {
                TokenKind::Space
            },
        );
    }
    if is_word_char(c) {
        if let Some(end) = scan_url(text, pos) {
            return (end, TokenKind::Url);
        }
        return scan_word(text, pos);
    }
    // Punctuation and symbols: one char, except runs of dots.
    let len = c.len_utf8();
    if c == '.' {
        let mut i = pos;
        while bytes.get(i) == Some(&b'.') {
            i += 1;
        }
        return (i, TokenKind::Punct);
    }
    let kind = if c.is_ascii_punctuation()
        && !matches!(
            c,
            '%' | '&'
                | '+'
                | '='
                | '$'
                | '#'
                | '@'
                | '*'
                | '<'
                | '>'
                | '^'
                | '|'
                | '~'
                | '`'
                | '\\'
                | '_'
        )
        || matches!(c, '“' | '”' | '‘' | '’' | '–' | '—' | '…' | '«' | '»')
    {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    };
    (pos + len, kind)
}

/// `http://…`, `https://…` or `www.…` up to whitespace, trailing punctuation
/// left out.
fn scan_url(text: &str, pos: usize) -> Option<usize> {
    let rest = &text.as_bytes()[pos..];
    let starts = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    if !(starts(b"http://") || starts(b"https://") || starts(b"www.")) {
        return None;
    }
    let mut end = pos;
    while let Some(c) = char_at(text, end) {
        if is_space_char(c) || matches!(c, '"' | '<' | '>' | '“' | '”') {
            break;
        }
        end += c.len_utf8();
    }
    while end > pos {
        match text.as_bytes()[end - 1] {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b'\'' => end -= 1,
            _ => break,
        }
    }
    (end > pos + 4).then_some(end)
}

/// Dotted abbreviations whose first part is not all capitals.
const DOTTED: &[&str] = &[
    "Tp", "ThS", "Th", "Ths", "TSKH", "Q", "P", "TP", "TS", "GS", "PGS", "BS", "KS", "CN", "NXB",
    "ĐH", "TX", "TT", "H", "X", "ông", "bà", "St", "Mr", "Mrs", "Dr", "v", "Đ/c",
];

fn scan_word(text: &str, pos: usize) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    let mut i = pos;
    let mut n_upper = 0usize;
    let mut n_lower = 0usize;
    let mut n_chars = 0usize;
    let mut first_upper = false;
    // Split "TWcủa", "HĐNDtỉnh": two or more capitals, then two or more
    // lower-case letters.
    let mut caps_prefix_end: Option<usize> = None;
    while let Some(c) = char_at(text, i) {
        if is_word_char(c) {
            if is_upper(c) {
                if n_chars == 0 {
                    first_upper = true;
                }
                n_upper += 1;
            } else if c.is_lowercase() {
                if n_lower == 0 && n_upper >= 2 && n_upper == n_chars {
                    caps_prefix_end = Some(i);
                }
                n_lower += 1;
            }
            if !is_mark(c) {
                n_chars += 1;
            }
            i += c.len_utf8();
        } else if c.is_ascii_digit() {
            // Digits continue a code (`U23`, `H5N1`) but not a lower-case
            // word glued to a number (`số31`).
            if n_upper == 0 && n_chars >= 2 {
                break;
            }
            n_chars += 1;
            i += 1;
        } else if (c == '\'' || c == '’')
            && n_chars <= 2
            && char_at(text, i + c.len_utf8()).is_some_and(is_upper)
        {
            // H'Mông, K'Ho
            i += c.len_utf8();
        } else {
            break;
        }
    }
    if let Some(split) = caps_prefix_end {
        let lower_run = text[split..i].chars().filter(|c| !is_mark(*c)).count();
        if lower_run >= 2 && n_lower == lower_run {
            return (split, TokenKind::Word(Case::Upper));
        }
    }
    let case = if n_upper == 0 {
        Case::Lower
    } else if n_lower == 0 {
        if n_chars == 1 {
            Case::Capitalized
        } else {
            Case::Upper
        }
    } else if first_upper && n_upper == 1 {
        Case::Capitalized
    } else {
        Case::Mixed
    };
    let word = &text[pos..i];
    // Code with a hyphen and digits: Covid-19, SARS-CoV-2.
    if bytes.get(i) == Some(&b'-')
        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
        && n_upper > 0
    {
        let mut j = i + 1;
        while bytes.get(j).is_some_and(|b| b.is_ascii_alphanumeric()) {
            j += 1;
        }
        return (j, TokenKind::Word(Case::Mixed));
    }
    // E-mail: word chars, '@', domain.
    if matches!(bytes.get(i), Some(b'@' | b'.' | b'_' | b'-')) {
        if let Some(end) = scan_email(text, pos) {
            return (end, TokenKind::Email);
        }
    }
    // Dotted abbreviations and initials: TP.HCM, PGS.TS, N.T.K.T., v.v., TS.
    if bytes.get(i) == Some(&b'.') && n_chars <= 4 {
        let known = DOTTED.contains(&word);
        let initial = n_chars == 1 && n_upper == 1;
        let caps = n_lower == 0 && n_upper > 0;
        if known || initial || (caps && n_chars <= 3) {
            if let Some(end) = scan_dotted(text, pos, i, known || initial) {
                return (end, TokenKind::Abbreviation);
            }
        }
    }
    (i, TokenKind::Word(case))
}

/// After a short word ending at `first_end` with a `.`: more dotted parts.
/// `bare_ok`: the word followed by its dot alone is an abbreviation (`TS.`).
fn scan_dotted(text: &str, pos: usize, first_end: usize, bare_ok: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut end = first_end + 1; // past the dot
    let mut parts = 1;
    loop {
        // A following part: letters starting right after the dot.
        let mut j = end;
        let mut n = 0;
        let mut upper_start = false;
        while let Some(c) = char_at(text, j) {
            if !is_word_char(c) {
                break;
            }
            if n == 0 {
                upper_start = is_upper(c);
            }
            if !is_mark(c) {
                n += 1;
            }
            j += c.len_utf8();
        }
        if n == 0 {
            break;
        }
        let part = &text[end..j];
        let all_caps = !part.chars().any(char::is_lowercase);
        let first_lower_v = &text[pos..first_end] == "v" && part == "v";
        if !(upper_start && (all_caps || n <= 2) || first_lower_v) {
            break;
        }
        parts += 1;
        end = j;
        if bytes.get(end) == Some(&b'.') && n <= 3 {
            end += 1;
        } else {
            return Some(end);
        }
    }
    if parts > 1 || bare_ok {
        // A trailing dot that ends the sentence stays part of the
        // abbreviation; sentence splitting decides.
        Some(end)
    } else {
        None
    }
}

fn scan_email(text: &str, pos: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = pos;
    while bytes
        .get(i)
        .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'+'))
    {
        i += 1;
    }
    if bytes.get(i) != Some(&b'@') || i == pos {
        return None;
    }
    i += 1;
    let dom = i;
    let mut dot = false;
    while bytes
        .get(i)
        .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'))
    {
        dot |= bytes[i] == b'.';
        i += 1;
    }
    while i > dom && matches!(bytes[i - 1], b'.' | b'-') {
        i -= 1;
    }
    (dot && i > dom + 2).then_some(i)
}

#[inline]
fn digits(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i
}

#[inline]
fn upper_at(text: &str, i: usize) -> bool {
    char_at(text, i).is_some_and(is_upper)
}

fn scan_numeric(text: &str, pos: usize) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    let d1 = digits(bytes, pos);
    let next = bytes.get(d1).copied();
    let after = bytes.get(d1 + 1).copied();
    let after_digit = after.is_some_and(|b| b.is_ascii_digit());
    match next {
        Some(b'/') if after_digit => return scan_slashed(text, d1),
        Some(b'/') if upper_at(text, d1 + 1) => {
            if let Some(end) = scan_code(text, d1 + 1) {
                return (end, TokenKind::DocSymbol);
            }
        }
        Some(b'-') if upper_at(text, d1 + 1) => {
            if let Some(end) = scan_code(text, d1 + 1) {
                // Party style needs "/ISSUER" or a code of two capitals or more (25-CP).
                if text[d1 + 1..end].contains('/')
                    || text[d1 + 1..end].chars().filter(|c| is_upper(*c)).count() >= 2
                {
                    return (end, TokenKind::DocSymbol);
                }
            }
        }
        Some(b'-') if after_digit && d1 - pos <= 2 => {
            // 9-3-2023: day, month and a 2- or 4-digit year.
            let d2 = digits(bytes, d1 + 1);
            if d2 - (d1 + 1) <= 2 && bytes.get(d2) == Some(&b'-') {
                let d3 = digits(bytes, d2 + 1);
                let n3 = d3 - (d2 + 1);
                if (n3 == 4 || n3 == 2) && !bytes.get(d3).is_some_and(|b| b.is_ascii_alphanumeric())
                {
                    return (d3, TokenKind::DateLike);
                }
            }
        }
        Some(b':') if after_digit && d1 - pos <= 2 => {
            let d2 = digits(bytes, d1 + 1);
            if d2 - (d1 + 1) == 2 && valid_hm(&text[pos..d1], &text[d1 + 1..d2]) {
                // Optional seconds.
                let mut end = d2;
                if bytes.get(d2) == Some(&b':') {
                    let d3 = digits(bytes, d2 + 1);
                    if d3 - (d2 + 1) == 2 {
                        end = d3;
                    }
                }
                return (end, TokenKind::Time);
            }
        }
        Some(b'h' | b'H' | b'g') if d1 - pos <= 2 => {
            // 14h30, 20h, 10g45 — not 5ha, 48h (not an hour), 3hộ.
            let d2 = digits(bytes, d1 + 1);
            let n2 = d2 - (d1 + 1);
            let hour_ok = text[pos..d1].parse::<u32>().is_ok_and(|h| h <= 24);
            let tail_ok = !char_at(text, d2).is_some_and(|c| is_word_char(c) || c.is_ascii_digit());
            if hour_ok
                && tail_ok
                && (n2 == 2 && valid_hm(&text[pos..d1], &text[d1 + 1..d2])
                    || n2 == 0 && next != Some(b'g'))
            {
                return (d2, TokenKind::Time);
            }
        }
        _ => {}
    }
    // Plain number with '.'/',' groups.
    let mut end = d1;
    let mut groups = 1;
    let mut dots = 0;
    let mut commas = 0;
    while let Some(&sep) = bytes.get(end) {
        if (sep == b'.' || sep == b',') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end = digits(bytes, end + 1);
            groups += 1;
            if sep == b'.' {
                dots += 1;
            } else {
                commas += 1;
            }
        } else {
            break;
        }
    }
    // 09.03.2023, 30.4.1975: a day, month and year joined by dots.
    if groups == 3 && dots == 2 && commas == 0 {
        let parts: Vec<&str> = text[pos..end].split('.').collect();
        if parts[0].len() <= 2 && parts[1].len() <= 2 && parts[2].len() == 4 {
            return (end, TokenKind::DateLike);
        }
    }
    if bytes.get(end) == Some(&b'%') {
        return (end + 1, TokenKind::Percent);
    }
    (end, TokenKind::Number)
}

fn valid_hm(h: &str, m: &str) -> bool {
    h.parse::<u32>().is_ok_and(|h| h <= 24) && m.parse::<u32>().is_ok_and(|m| m < 60)
}

/// Digits followed by `/` and digits: a date-like group chain, or a state
/// document symbol when a `/CODE` follows (`30/2020/NĐ-CP`).
fn scan_slashed(text: &str, d1: usize) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    let mut end = d1;
    loop {
        // At a '/': digits (with '.' grouping) or a code.
        if bytes.get(end) != Some(&b'/') {
            break;
        }
        if bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            let mut j = digits(bytes, end + 1);
            while bytes.get(j) == Some(&b'.')
                && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
                && digits(bytes, j + 1) - (j + 1) == 3
            {
                j = digits(bytes, j + 1);
            }
            end = j;
        } else if upper_at(text, end + 1) {
            if let Some(e) = scan_code(text, end + 1) {
                return (e, TokenKind::DocSymbol);
            }
            break;
        } else {
            break;
        }
    }
    (end, TokenKind::DateLike)
}

/// A document code after the number: capitals, digits and at most one
/// trailing lower-case letter per segment (`TTg`, `QĐi`, `CTr`), segments
/// joined by `-` or `/`. Stops before a glued lower-case word (`TWcủa`).
fn scan_code(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut end = None;
    loop {
        // One segment.
        let mut n_upper = 0;
        while let Some(c) = char_at(text, i) {
            if is_upper(c) || c.is_ascii_digit() {
                if !c.is_ascii_digit() {
                    n_upper += 1;
                }
                i += c.len_utf8();
            } else if c.is_lowercase() && n_upper >= 1 {
                // One lower-case letter, then the segment must end.
                let j = i + c.len_utf8();
                let next = char_at(text, j);
                if next.is_some_and(|n| n.is_lowercase() || is_mark(n)) {
                    break;
                }
                i = j;
                break;
            } else {
                break;
            }
        }
        if n_upper == 0 {
            break;
        }
        end = Some(i);
        match bytes.get(i) {
            Some(b'-' | b'/') if upper_at(text, i + 1) => i += 1,
            _ => break,
        }
    }
    // Drop a dangling separator.
    end.filter(|&e| e > start)
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
