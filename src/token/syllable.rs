//! The syllable scanner: one hand-written pass over the bytes.
//!
//! ASCII bytes are classified directly; other chars go through the fast
//! paths of [`crate::lexicon::chars::letter`] (Latin-1, Latin Extended, the
//! Vietnamese block, combining marks) before any generic Unicode table.

use super::{Case, TokenKind};
use crate::lexicon::chars::{
    fast_case, is_lower, is_mark, is_upper, is_word_char, letter_of, Letter,
};

#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => text.get(i..).and_then(|s| s.chars().next()),
        None => None,
    }
}

/// Decodes the char at byte `i`, a char boundary of valid UTF-8: its code
/// point and length.
#[inline(always)]
fn decode(bytes: &[u8], i: usize) -> Option<(u32, usize)> {
    let b0 = u32::from(*bytes.get(i)?);
    if b0 < 0x80 {
        return Some((b0, 1));
    }
    let b1 = u32::from(*bytes.get(i + 1)? & 0x3F);
    if b0 < 0xE0 {
        return Some((((b0 & 0x1F) << 6) | b1, 2));
    }
    let b2 = u32::from(*bytes.get(i + 2)? & 0x3F);
    if b0 < 0xF0 {
        return Some((((b0 & 0x0F) << 12) | (b1 << 6) | b2, 3));
    }
    let b3 = u32::from(*bytes.get(i + 3)? & 0x3F);
    Some((((b0 & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3, 4))
}

#[inline]
fn is_space_char(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}');
    }
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Scans one token starting at `pos` (< `text.len()`, a char boundary);
/// returns its end and kind.
#[inline]
pub(super) fn scan_one(text: &str, pos: usize) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    let Some(&b) = bytes.get(pos) else {
        return (text.len(), TokenKind::Space);
    };
    // The common cases first: one space before a letter, a word.
    if b == b' ' {
        // A lone space: the next byte starts no whitespace char (lead bytes
        // of non-ASCII spaces are C2, E1 9A/A0, E2, E3 and EF).
        let lone = match bytes.get(pos + 1) {
            Some(&n @ 0x21..=0x7F) => n != 0x7F,
            Some(0xC3..=0xC6) => true,
            Some(0xE1) => matches!(bytes.get(pos + 2), Some(0xB8..=0xBB)),
            _ => false,
        };
        if lone {
            return (pos + 1, TokenKind::Space);
        }
    } else if b.is_ascii_alphabetic() || matches!(b, 0xC3..=0xC6 | 0xE1) {
        if matches!(b, b'h' | b'H' | b'w' | b'W') {
            if let Some(end) = scan_url(text, pos) {
                return (end, TokenKind::Url);
            }
        }
        if let Some(r) = scan_plain_word(bytes, pos) {
            return r;
        }
        if let Some((u, _)) = decode(bytes, pos) {
            if matches!(letter_of(u), Letter::Upper | Letter::Lower) {
                return scan_word_general(text, pos);
            }
        }
    }
    scan_other(text, pos)
}

/// [`scan_one`] for the rarer tokens.
#[inline(never)]
fn scan_other(text: &str, pos: usize) -> (usize, TokenKind) {
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
        // Plain spaces first: most runs are one ' '.
        while bytes.get(i) == Some(&b' ') {
            i += 1;
        }
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
        if matches!(b, b'h' | b'H' | b'w' | b'W') {
            if let Some(end) = scan_url(text, pos) {
                return (end, TokenKind::Url);
            }
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
#[inline]
fn scan_url(text: &str, pos: usize) -> Option<usize> {
    let rest = text.as_bytes().get(pos..)?;
    if !matches!(rest.get(1), Some(b't' | b'T' | b'w' | b'W')) {
        return None;
    }
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
    "Tp", "tp", "ThS", "Th", "Ths", "TSKH", "Q", "P", "TP", "TS", "GS", "PGS", "BS", "KS", "CN",
    "NXB", "ĐH", "TX", "TT", "H", "X", "ông", "bà", "St", "Mr", "Mrs", "Dr", "v", "Đ/c",
];

/// Case bits of U+00C0–U+01BF, indexed by `(lead - 0xC3) * 64 + (second & 0x3F)`
/// of the two-byte UTF-8 form: 1 lower-case letter, 2 upper-case letter, 0
/// anything else (or a char the fast path leaves to the general scanner).
static TWO_BYTE_CASE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut k = 0;
    while k < 256 {
        t[k] = match fast_case(0xC0 + k as u32) {
            Some(true) => 2,
            Some(false) => 1,
            None => 0,
        };
        k += 1;
    }
    t
};

/// The UTF-8 length of a Vietnamese letter at `i` of the given case
/// (`UPPER`), from its bytes alone, or 0 when the char is anything else
/// (then the general scanner decides). Covers ASCII, Latin-1, Latin
/// Extended-A, `ơ` `ư` and U+1EA0–U+1EFF.
#[inline(always)]
fn viet_letter_len<const UPPER: bool>(bytes: &[u8], i: usize) -> usize {
    let Some(&b0) = bytes.get(i) else { return 0 };
    if b0 < 0x80 {
        let ok = if UPPER {
            b0.wrapping_sub(b'A') < 26
        } else {
            b0.wrapping_sub(b'a') < 26
        };
        return usize::from(ok);
    }
    let b1 = bytes.get(i + 1).copied().unwrap_or(0);
    if b0.wrapping_sub(0xC3) < 4 {
        let idx = (usize::from(b0 - 0xC3) << 6) | usize::from(b1 & 0x3F);
        let want = if UPPER { 2 } else { 1 };
        return if b1 & 0xC0 == 0x80 && TWO_BYTE_CASE[idx] == want {
            2
        } else {
            0
        };
    }
    let b2 = bytes.get(i + 2).copied().unwrap_or(0);
    let parity = if UPPER { 0 } else { 1 };
    if b0 == 0xE1
        && (b1 == 0xBA && b2 >= 0xA0 || b1 == 0xBB)
        && b2 & 0xC0 == 0x80
        && b2 & 1 == parity
    {
        3
    } else {
        0
    }
}

/// The common word: an optional capital, then lower-case Vietnamese letters,
/// ended by whitespace or plain punctuation. `None` sends everything else to
/// the general scanner, which gives the same answer for these words.
#[inline(always)]
fn scan_plain_word(bytes: &[u8], pos: usize) -> Option<(usize, TokenKind)> {
    let mut i = pos;
    let first_upper = viet_letter_len::<true>(bytes, i);
    i += first_upper;
    loop {
        let n = viet_letter_len::<false>(bytes, i);
        if n == 0 {
            break;
        }
        i += n;
    }
    if i == pos {
        return None;
    }
    match bytes.get(i) {
        None
        | Some(b' ' | b'\n' | b',' | b';' | b':' | b'?' | b'!' | b')' | b'"' | b'\r' | b'\t') => {}
        _ => return None,
    }
    let case = if first_upper > 0 {
        Case::Capitalized
    } else {
        Case::Lower
    };
    Some((i, TokenKind::Word(case)))
}

fn scan_word(text: &str, pos: usize) -> (usize, TokenKind) {
    if let Some(r) = scan_plain_word(text.as_bytes(), pos) {
        return r;
    }
    scan_word_general(text, pos)
}

#[inline(never)]
fn scan_word_general(text: &str, pos: usize) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    let mut i = pos;
    let mut n_upper = 0usize;
    let mut n_lower = 0usize;
    let mut n_chars = 0usize;
    let mut first_upper = false;
    // Split "TWcủa", "HĐNDtỉnh": two or more capitals, then two or more
    // lower-case letters.
    let mut caps_prefix_end: Option<usize> = None;
    // An apostrophe after an initial letter (`H'Mông`, `O'Neill`): a name,
    // never a code glued to a word.
    let mut apostrophe = false;
    while let Some(&b) = bytes.get(i) {
        let (class, len, u) = if b < 0x80 {
            let class = if (b | 0x20).wrapping_sub(b'a') < 26 {
                if b & 0x20 == 0 {
                    Letter::Upper
                } else {
                    Letter::Lower
                }
            } else {
                Letter::None
            };
            (class, 1, u32::from(b))
        } else {
            match decode(bytes, i) {
                Some((u, len)) => (letter_of(u), len, u),
                None => break,
            }
        };
        if class != Letter::None {
            let is_upper = class == Letter::Upper;
            let is_lower = class == Letter::Lower;
            if is_lower & (n_lower == 0) & (n_upper >= 2) & (n_upper == n_chars) & !apostrophe {
                caps_prefix_end = Some(i);
            }
            first_upper |= is_upper & (n_chars == 0);
            n_upper += usize::from(is_upper);
            n_lower += usize::from(is_lower);
            n_chars += usize::from(class != Letter::Mark);
            i += len;
            continue;
        }
        let Some(c) = char::from_u32(u) else { break };
        if c.is_ascii_digit() {
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
            // H'Mông, K'Ho, O'Neill
            apostrophe = true;
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
        // `28°C.`, `sạc 20 W.`, `camera 12 MP.`: a unit after a number ends
        // the sentence; it is no initial or abbreviation.
        let before = text[..pos].trim_end_matches(' ');
        let unit = (before.ends_with('°') || before.ends_with(|c: char| c.is_ascii_digit()))
            && !known
            && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace());
        let initial = n_chars == 1 && n_upper == 1 && !unit;
        let caps = n_lower == 0 && n_upper > 0 && !unit;
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
        let all_caps = !part.chars().any(is_lower);
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
            } else if is_lower(c) && n_upper >= 1 {
                // One lower-case letter, then the segment must end.
                let j = i + c.len_utf8();
                let next = char_at(text, j);
                if next.is_some_and(|n| is_lower(n) || is_mark(n)) {
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
