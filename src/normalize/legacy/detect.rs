//! Which encoding a text is in: decode with each candidate and count how
//! many of the words with diacritics come out as valid Vietnamese
//! syllables. Legacy bytes read in the wrong table give `Vieọt`, `lỔ`,
//! `viÖt`: words no Vietnamese writer produces.

use super::{decode_into, latin1_byte, viqr, Encoding, Out};
use crate::normalize::{letters, tone};

/// The likely encoding of a text and how sure [`detect`] is of it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Detection {
    encoding: Encoding,
    confidence: f32,
}

impl Detection {
    /// The likely encoding.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// How sure the guess is, from 0 to 1: the share of words with
    /// diacritics that read as Vietnamese, less a part of the runner-up's
    /// share, scaled down when there are few such words.
    pub fn confidence(&self) -> f32 {
        self.confidence
    }
}

/// How much of a text is read for [`detect`].
const SAMPLE: usize = 1 << 16;

/// Words with diacritics, and how many of them are Vietnamese syllables;
/// replacement characters.
#[derive(Clone, Copy, Debug, Default)]
struct Score {
    marked: usize,
    valid: usize,
    bad: usize,
}

impl Score {
    fn ratio(&self) -> f32 {
        let m = self.marked as f32 + 1.0;
        ((self.valid as f32 + 0.5) / m - 2.0 * self.bad as f32 / m).clamp(0.0, 1.0)
    }
}

/// Most words with diacritics a score looks at.
const SCORE_WORDS: usize = 48;

/// Scores UTF-8 `text` (bytes of a `str`), up to [`SCORE_WORDS`] words
/// with diacritics.
fn score(text: &[u8]) -> Score {
    let mut s = Score::default();
    let mut start: Option<usize> = None;
    let mut marked = false;
    let mut i = 0;
    let finish = |s: &mut Score, w: &[u8], marked: bool| {
        if marked {
            s.marked += 1;
            if std::str::from_utf8(w).is_ok_and(tone::is_syllable) {
                s.valid += 1;
            }
        }
    };
    while i < text.len() && s.marked < SCORE_WORDS {
        let (cp, len) = letters::decode_at(text, i);
        let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
        // Latin-1 symbols count as letters inside a word: there (`hoµ`,
        // `x·`) they are mojibake and spoil the word.
        let symbol = !letters::is_letter(c) && latin1_byte(c).is_some_and(|b| b >= 0x80);
        if letters::is_letter(c) || (symbol && start.is_some()) {
            if start.is_none() {
                start = Some(i);
                marked = false;
            }
            marked |= cp >= 0x80;
        } else {
            if let Some(st) = start.take() {
                finish(&mut s, &text[st..i], marked);
            }
            if c == '\u{FFFD}' {
                s.bad += 1;
            }
        }
        i += len;
    }
    if let Some(st) = start {
        finish(&mut s, &text[st..i], marked);
    }
    s
}

/// The score of `bytes[start..end]` decoded as `enc`.
fn score_as(bytes: &[u8], start: usize, end: usize, enc: Encoding) -> Score {
    let mut out = Out::scratch(bytes, start, end);
    decode_into(bytes, start, end, enc, &mut out);
    out.keep(end);
    score(out.buf.as_bytes())
}

/// VIQR: how many words had marks, and how many decoded.
fn viqr_counts(bytes: &[u8], start: usize, end: usize) -> (usize, usize) {
    let mut out = Out::scratch(bytes, start, end);
    viqr::decode_counting(bytes, start, end, &mut out)
}

/// Whether `s` holds characters of Unicode Vietnamese that no Latin-1
/// mojibake produces (`ă đ ơ ư`, the U+1EA0 block).
fn has_unicode_vietnamese(s: &str) -> bool {
    s.chars()
        .any(|c| latin1_byte(c).is_none() && letters::info(c).is_vn())
}

fn pick(cands: &[(Encoding, Score)], prefer: Encoding, margin: f32) -> Detection {
    let mut best = cands[0];
    for &(e, s) in &cands[1..] {
        let bonus = |x: Encoding| if x == prefer { margin } else { 0.0 };
        if s.ratio() - bonus(best.0) > best.1.ratio() + margin - bonus(e) {
            best = (e, s);
        }
    }
    let second = cands
        .iter()
        .filter(|c| c.0 != best.0)
        .map(|c| c.1.ratio())
        .fold(0.0f32, f32::max);
    let few = (best.1.marked as f32 / 8.0).min(1.0);
    let confidence = ((best.1.ratio() - 0.5 * second) * (0.5 + 0.5 * few)).clamp(0.0, 1.0);
    Detection {
        encoding: best.0,
        confidence,
    }
}

/// Guesses the encoding of `bytes` from their first 64 KiB.
///
/// ```
/// use vntext::normalize::legacy::{detect, Encoding};
///
/// let vni = b"Ch\xednh phu\xfb \xf1a\xf5 hoa\xf8n tha\xf8nh ke\xe1 hoa\xefch";
/// let d = detect(vni);
/// assert_eq!(d.encoding(), Encoding::Vni);
/// assert!(d.confidence() > 0.5);
///
/// assert_eq!(detect("Chính phủ đã hoàn thành".as_bytes()).encoding(), Encoding::Utf8);
/// assert_eq!(detect(b"Chi'nh phu? dda~ hoa`n tha`nh").encoding(), Encoding::Viqr);
/// assert_eq!(detect("céng hoµ x· héi chñ nghÜa".as_bytes()).encoding(), Encoding::Tcvn3Latin1);
/// ```
pub fn detect(bytes: &[u8]) -> Detection {
    let mut end = bytes.len().min(SAMPLE);
    if end < bytes.len() {
        if let Some(p) = memchr::memrchr(b'\n', &bytes[..end]) {
            end = p + 1;
        }
    }
    detect_range(bytes, 0, end)
}

/// Whether `bytes`, nearly all ASCII, read as VIQR (judged on the first
/// 64 KiB).
pub(crate) fn detect_viqr(bytes: &[u8]) -> bool {
    let end = bytes.len().min(SAMPLE);
    let sample = &bytes[..end];
    let high = sample.iter().filter(|&&b| b >= 0x80).count();
    if high * 100 > sample.len() {
        return false;
    }
    let (tried, done) = viqr_counts(bytes, 0, end);
    done >= 2 && done * 10 >= tried * 7
}

fn detect_range(bytes: &[u8], start: usize, end: usize) -> Detection {
    let sample = &bytes[start..end];
    if sample.is_ascii() {
        let (tried, done) = viqr_counts(bytes, start, end);
        if done >= 2 && done * 10 >= tried * 7 {
            let share = done as f32 / tried.max(1) as f32;
            let few = (done as f32 / 8.0).min(1.0);
            return Detection {
                encoding: Encoding::Viqr,
                confidence: (share * (0.5 + 0.5 * few)).clamp(0.0, 1.0),
            };
        }
        return Detection {
            encoding: Encoding::Utf8,
            confidence: if tried == 0 { 1.0 } else { 0.8 },
        };
    }
    let valid = match std::str::from_utf8(sample) {
        Ok(_) => Some(end),
        Err(e) if e.error_len().is_none() => Some(start + e.valid_up_to()),
        Err(_) => None,
    };
    match valid {
        Some(v) => {
            let text = std::str::from_utf8(&bytes[start..v]).unwrap_or("");
            let utf8 = score(text.as_bytes());
            if has_unicode_vietnamese(text) {
                return pick(&[(Encoding::Utf8, utf8)], Encoding::Utf8, 0.0);
            }
            let cands = [
                (Encoding::Utf8, utf8),
                (
                    Encoding::Tcvn3Latin1,
                    score_as(bytes, start, v, Encoding::Tcvn3Latin1),
                ),
                (
                    Encoding::VniLatin1,
                    score_as(bytes, start, v, Encoding::VniLatin1),
                ),
            ];
            pick(&cands, Encoding::Utf8, 0.1)
        }
        None => {
            let cands = [
                (
                    Encoding::Tcvn3,
                    score_as(bytes, start, end, Encoding::Tcvn3),
                ),
                (Encoding::Vni, score_as(bytes, start, end, Encoding::Vni)),
                (
                    Encoding::Cp1258,
                    score_as(bytes, start, end, Encoding::Cp1258),
                ),
            ];
            pick(&cands, Encoding::Tcvn3, 0.0)
        }
    }
}

/// Decodes the paragraph `bytes[start..end]` into `out` in the encoding that
/// reads best, leaning to `prior`, the encoding of the paragraphs before;
/// returns the encoding used and whether the paragraph said so clearly.
pub(crate) fn decode_paragraph(
    bytes: &[u8],
    start: usize,
    end: usize,
    prior: Option<Encoding>,
    out: &mut Out<'_>,
) -> (Encoding, bool) {
    out.keep(start);
    let para = &bytes[start..end];
    if para.is_ascii() {
        if prior == Some(Encoding::Viqr) {
            viqr::decode(bytes, start, end, out);
            out.keep(end);
            return (Encoding::Viqr, false);
        }
        out.keep(end);
        return (Encoding::Utf8, false);
    }
    let (candidates, quick): (&[Encoding], bool) = match std::str::from_utf8(para) {
        Ok(s) => {
            if has_unicode_vietnamese(s) {
                out.keep(end);
                return (Encoding::Utf8, true);
            }
            (
                &[Encoding::Utf8, Encoding::Tcvn3Latin1, Encoding::VniLatin1],
                false,
            )
        }
        Err(_) => (&[Encoding::Tcvn3, Encoding::Vni, Encoding::Cp1258], true),
    };
    let first = match prior {
        Some(p) if candidates.contains(&p) => p,
        _ => candidates[0],
    };
    // Legacy bytes in the encoding of the paragraphs before: keep it when it
    // reads well. Otherwise weigh every candidate.
    let mark = out.mark();
    decode_into(bytes, start, end, first, out);
    out.keep(end);
    let s = score(&out.buf.as_bytes()[mark.0..]);
    if quick && prior == Some(first) && (s.marked < 3 || s.ratio() >= 0.8) {
        return (first, false);
    }
    let scored: Vec<(Encoding, Score)> = candidates
        .iter()
        .map(|&e| {
            if e == first {
                (e, s)
            } else {
                (e, score_as(bytes, start, end, e))
            }
        })
        .collect();
    let best = pick(&scored, first, 0.1);
    let enc = best.encoding();
    if enc != first {
        out.rollback(mark);
        decode_into(bytes, start, end, enc, out);
        out.keep(end);
    }
    let marked = scored.iter().find(|c| c.0 == enc).map_or(0, |c| c.1.marked);
    (enc, marked >= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores() {
        let s = score("Việt Nam, Vieọt lỔ abc".as_bytes());
        assert_eq!((s.marked, s.valid, s.bad), (3, 1, 0));
        assert!(score("Việt Nam".as_bytes()).ratio() > score("Vieọt Nam".as_bytes()).ratio());
    }
}
