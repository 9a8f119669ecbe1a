//! VIQR (RFC 1456): Vietnamese in ASCII. A vowel is followed by its shape
//! (`^` circumflex, `(` breve, `+` horn) and then its tone (`'` acute, `` ` ``
//! grave, `?` hook, `~` tilde, `.` dot below); `dd` is `đ`; a backslash
//! makes the next mark literal (`\.`).
//!
//! The marks are also punctuation, so a word is only decoded when the result
//! is a Vietnamese syllable (or a single letter), a word-final `.` or `?`
//! that ends a sentence (before a line break, or after a lower-case word
//! before a space and a capital) stays punctuation, and a word whose last mark spoils it is
//! decoded without that mark. Bytes beyond ASCII are kept when they are
//! UTF-8 and reported otherwise.

use super::{Encoding, Out};
use crate::normalize::letters::{self, base};
use crate::normalize::tone;

/// The tone of a VIQR tone mark.
#[inline]
fn tone_of(b: u8) -> u8 {
    match b {
        b'`' => 1,
        b'\'' => 2,
        b'?' => 3,
        b'~' => 4,
        b'.' => 5,
        _ => 0,
    }
}

/// Bytes a backslash makes literal.
#[inline]
fn escapable(b: u8) -> bool {
    matches!(
        b,
        b'^' | b'(' | b'+' | b'`' | b'\'' | b'?' | b'~' | b'.' | b'\\'
    )
}

/// A word read from `bytes[i..limit]`: where it ends, its decoded text,
/// whether any mark was applied, and where its word-final tone mark is.
struct Word {
    end: usize,
    text: String,
    changed: bool,
    final_tone: Option<usize>,
}

fn read_word(bytes: &[u8], i: usize, limit: usize, mut text: String) -> Word {
    let mut j = i;
    text.clear();
    let mut changed = false;
    let mut last_tone = None;
    while j < limit {
        let c = bytes[j];
        if !c.is_ascii_alphabetic() {
            break;
        }
        if (c == b'd' || c == b'D') && j + 1 < limit && matches!(bytes[j + 1], b'd' | b'D') {
            text.push(if c == b'D' { 'Đ' } else { 'đ' });
            changed = true;
            j += 2;
            continue;
        }
        let inf = letters::info_ascii(c);
        j += 1;
        if !inf.is_vowel() {
            text.push(char::from(c));
            continue;
        }
        let mut b = inf.base();
        if j < limit {
            let shaped = match (b, bytes[j]) {
                (base::A, b'^') => base::AA,
                (base::A, b'(') => base::AW,
                (base::E, b'^') => base::EE,
                (base::O, b'^') => base::OO,
                (base::O, b'+') => base::OW,
                (base::U, b'+') => base::UW,
                _ => 0,
            };
            if shaped != 0 {
                b = shaped;
                changed = true;
                j += 1;
            }
        }
        let mut t = 0;
        if j < limit {
            t = tone_of(bytes[j]);
            if t != 0 {
                last_tone = Some(j);
                changed = true;
                j += 1;
            }
        }
        text.push(letters::vowel(b, t, inf.is_upper()));
    }
    let final_tone = last_tone.filter(|&p| p + 1 == j);
    Word {
        end: j,
        text,
        changed,
        final_tone,
    }
}

/// Whether a word-final `.` or `?` at `p`, after the word starting at `i`,
/// ends a sentence: before a line break or another `.?!`, or before a
/// space and a capital (for `.`, only after a lower-case word: `ddi. Ho^m`
/// is `đi. Hôm`, but `Thi. Minh` is `Thị Minh`).
fn ends_sentence(bytes: &[u8], i: usize, p: usize, end: usize) -> bool {
    if !matches!(bytes[p], b'.' | b'?') {
        return false;
    }
    let mut k = p + 1;
    if k >= end {
        // The very end of the input, with no line break: a word.
        return false;
    }
    if matches!(bytes[k], b'\r' | b'\n' | b'.' | b'?' | b'!') {
        return true;
    }
    if !matches!(bytes[k], b' ' | b'\t') {
        return false;
    }
    while k < end && matches!(bytes[k], b' ' | b'\t') {
        k += 1;
    }
    k < end
        && (matches!(bytes[k], b'\r' | b'\n')
            || (bytes[k].is_ascii_uppercase()
                && (bytes[p] == b'?' || !bytes[i].is_ascii_uppercase())))
}

/// Whether a decoded word is acceptable.
fn acceptable(w: &str) -> bool {
    let mut chars = w.chars();
    (chars.next().is_some() && chars.next().is_none()) || tone::is_syllable(w)
}

/// What decoding one word did: `None` when it had no marks, else whether
/// the marks were accepted. `buf` is scratch space.
fn decode_word(
    bytes: &[u8],
    i: usize,
    end: usize,
    out: &mut Out<'_>,
    buf: &mut String,
) -> (usize, Option<bool>) {
    let mut w = read_word(bytes, i, end, std::mem::take(buf));
    let result = 'done: {
        if !w.changed {
            break 'done (w.end, None);
        }
        if let Some(p) = w.final_tone {
            if ends_sentence(bytes, i, p, end) {
                w = read_word(bytes, i, p, w.text);
                if !w.changed {
                    break 'done (w.end, None);
                }
            }
        }
        if acceptable(&w.text) {
            out.replace(i, w.end, &w.text);
            break 'done (w.end, Some(true));
        }
        let full_end = w.end;
        if let Some(p) = w.final_tone {
            w = read_word(bytes, i, p, w.text);
            if w.changed && acceptable(&w.text) {
                out.replace(i, w.end, &w.text);
                break 'done (w.end, Some(true));
            }
        }
        (full_end, Some(false))
    };
    *buf = w.text;
    result
}

/// Where the word at `i` ends, and whether it holds a mark after a vowel
/// or a `dd`: words without either need no decoding.
#[inline]
fn word_span(bytes: &[u8], i: usize, end: usize) -> (usize, bool) {
    let mut j = i;
    let mut marked = false;
    while j < end {
        let c = bytes[j];
        if c.is_ascii_alphabetic() {
            if (c | 0x20) == b'd' && j + 1 < end && (bytes[j + 1] | 0x20) == b'd' {
                marked = true;
            }
            j += 1;
        } else if j > i
            && is_mark(c)
            && (letters::info_ascii(bytes[j - 1]).is_vowel() || is_mark(bytes[j - 1]))
        {
            marked = true;
            j += 1;
        } else {
            break;
        }
    }
    (j, marked)
}

/// A shape or tone mark.
#[inline]
fn is_mark(b: u8) -> bool {
    matches!(b, b'^' | b'(' | b'+' | b'`' | b'\'' | b'?' | b'~' | b'.')
}

/// Decodes `bytes[start..end]`; returns how many words had marks and how
/// many of them were decoded.
pub(crate) fn decode_counting(
    bytes: &[u8],
    start: usize,
    end: usize,
    out: &mut Out<'_>,
) -> (usize, usize) {
    let (mut tried, mut done) = (0, 0);
    let mut buf = String::new();
    let mut i = start;
    while i < end {
        let c = bytes[i];
        if c.is_ascii_alphabetic() {
            if i > start && bytes[i - 1].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let (span_end, marked) = word_span(bytes, i, end);
            if !marked {
                i = span_end;
                continue;
            }
            let (j, r) = decode_word(bytes, i, end, out, &mut buf);
            match r {
                Some(true) => {
                    tried += 1;
                    done += 1;
                }
                Some(false) => tried += 1,
                None => {}
            }
            i = j.max(i + 1);
        } else if c == b'\\' {
            let after_word =
                i > start && (bytes[i - 1].is_ascii_alphabetic() || escapable(bytes[i - 1]));
            if after_word && i + 1 < end && escapable(bytes[i + 1]) {
                let lit = [bytes[i + 1]];
                out.replace(i, i + 2, std::str::from_utf8(&lit).unwrap_or(""));
                i += 2;
            } else {
                i += 1;
            }
        } else if c >= 0x80 {
            let len = utf8_len(&bytes[i..end]);
            if len == 0 {
                out.bad(i, i + 1, Encoding::Viqr);
                i += 1;
            } else {
                i += len;
            }
        } else {
            i += 1;
        }
    }
    (tried, done)
}

pub(crate) fn decode(bytes: &[u8], start: usize, end: usize, out: &mut Out<'_>) {
    decode_counting(bytes, start, end, out);
}

/// The length of the UTF-8 char at the start of `b`, 0 when invalid.
fn utf8_len(b: &[u8]) -> usize {
    let n = match b.first() {
        Some(0xC2..=0xDF) => 2,
        Some(0xE0..=0xEF) => 3,
        Some(0xF0..=0xF4) => 4,
        _ => return 0,
    };
    match b.get(..n).map(std::str::from_utf8) {
        Some(Ok(_)) => n,
        _ => 0,
    }
}

pub(crate) fn encode_char(c: char, prev: Option<char>, out: &mut Vec<u8>) -> bool {
    let after_vowel = prev.is_some_and(|p| letters::info(p).is_vowel());
    if c.is_ascii() {
        let b = c as u8;
        if after_vowel && escapable(b) {
            out.push(b'\\');
        }
        out.push(b);
        return true;
    }
    match c {
        'đ' => {
            out.extend_from_slice(b"dd");
            return true;
        }
        'Đ' => {
            out.extend_from_slice(b"DD");
            return true;
        }
        _ => {}
    }
    let i = letters::info(c);
    if !i.is_vowel() {
        return false;
    }
    let (letter, shape) = match i.base() {
        base::AW => (b'a', Some(b'(')),
        base::AA => (b'a', Some(b'^')),
        base::EE => (b'e', Some(b'^')),
        base::OO => (b'o', Some(b'^')),
        base::OW => (b'o', Some(b'+')),
        base::UW => (b'u', Some(b'+')),
        b => (letters::BASES[usize::from(b - 1)] as u8, None),
    };
    out.push(if i.is_upper() {
        letter.to_ascii_uppercase()
    } else {
        letter
    });
    if let Some(s) = shape {
        out.push(s);
    }
    if i.tone() != 0 {
        out.push(b"\0`'?~."[usize::from(i.tone())]);
    }
    true
}
