//! Tone marks: where they belong in a Vietnamese syllable, and the pass that
//! moves them there.
//!
//! A syllable is an onset (`ngh`, `qu`, `gi`, `tr`, …), a vowel cluster and a
//! coda (`c ch m n ng nh p t`). The tone sits on the cluster's main vowel:
//! the one with a hat or horn (`iê uô ươ uâ oă`, `người`, `muốn`), else the
//! first of a falling pair (`ai ao ua ia`, `của`, `kìa`), else the last one
//! when a coda follows (`toán`, `hoàng`). Only `oa oe uy` without a coda
//! have two accepted places: the new style (`hoà`, `khoẻ`, `thuỷ`) and the
//! old style (`hòa`, `khỏe`, `thủy`). The `u` of `qu` and the `i` of `gi`
//! before another vowel belong to the onset and never carry the tone
//! (`quả`, `giá`; but `gì`, `gìn`).
//!
//! Only words that parse as one Vietnamese syllable with one tone mark, in
//! lower, upper or title case, are touched: `Huawei`, `Pelé`, `iPhone` and
//! acronyms are left as written.

use super::letters::{self, base, char_at, char_before, info, info_ascii, Info};

/// Where tone marks go in `oa`, `oe`, `uy` without a final consonant.
///
/// ```
/// use vntext::normalize::{normalize_with, Options, ToneStyle};
///
/// let new = Options::default().tone_style(ToneStyle::New);
/// let old = Options::default().tone_style(ToneStyle::Old);
/// assert_eq!(normalize_with("hòa thủy", &new).as_str(), "hoà thuỷ");
/// assert_eq!(normalize_with("hoà thuỷ", &old).as_str(), "hòa thủy");
/// // As written (the default): both stay.
/// assert_eq!(normalize_with("hòa hoà", &Default::default()).as_str(), "hòa hoà");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ToneStyle {
    /// Keep each syllable's style as written (default).
    #[default]
    Keep,
    /// The new style: `hoà`, `khoẻ`, `thuỷ`, `uỷ`.
    New,
    /// The old style: `hòa`, `khỏe`, `thủy`, `ủy`.
    Old,
}

/// Longest syllable handled, in chars (`nghiêng`, `khuyếch` have 7).
const MAX_CHARS: usize = 8;

/// A replacement inside a text: bytes `start..end` become `text`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fix {
    pub start: usize,
    pub end: usize,
    buf: [u8; 4 * MAX_CHARS],
    len: usize,
}

impl Fix {
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// The rule for a vowel cluster: the main vowel's index without a coda in
/// the new and the old style, and whether a coda may follow. With a coda
/// the main vowel is the new-style one.
fn cluster_rule(c: &[u8]) -> Option<(u8, u8, bool)> {
    use base::*;
    Some(match *c {
        [_] => (0, 0, true),
        [A, I]
        | [A, O]
        | [A, U]
        | [A, Y]
        | [AA, U]
        | [AA, Y]
        | [E, O]
        | [EE, U]
        | [I, U]
        | [O, I]
        | [OO, I]
        | [OW, I]
        | [U, I]
        | [UW, I]
        | [UW, U]
        | [I, A]
        | [U, A]
        | [UW, A] => (0, 0, false),
        [I, EE] | [Y, EE] | [U, OO] | [UW, OW] | [U, AA] | [U, EE] | [O, AW] | [O, O] => {
            (1, 1, true)
        }
        [U, OW] => (1, 1, false),
        [O, A] | [O, E] | [U, Y] => (1, 0, true),
        [I, EE, U]
        | [Y, EE, U]
        | [U, OO, I]
        | [UW, OW, I]
        | [UW, OW, U]
        | [O, A, I]
        | [O, A, Y]
        | [U, AA, Y]
        | [O, E, O]
        | [U, Y, A]
        | [U, Y, U] => (1, 1, false),
        [U, Y, EE] => (2, 2, true),
        _ => return None,
    })
}

/// Onsets of Vietnamese, as lower-case ASCII (`đ` is `D`). `qu` and `gi`
/// are handled apart.
fn is_onset(s: &[u8]) -> bool {
    matches!(
        s,
        b"" | b"b"
            | b"c"
            | b"d"
            | b"D"
            | b"g"
            | b"h"
            | b"k"
            | b"l"
            | b"m"
            | b"n"
            | b"p"
            | b"r"
            | b"s"
            | b"t"
            | b"v"
            | b"x"
            | b"ch"
            | b"gh"
            | b"kh"
            | b"ng"
            | b"nh"
            | b"ph"
            | b"th"
            | b"tr"
            | b"ngh"
    )
}

fn is_coda(s: &[u8]) -> bool {
    matches!(
        s,
        b"" | b"c" | b"ch" | b"m" | b"n" | b"ng" | b"nh" | b"p" | b"t"
    )
}

/// A parsed syllable: onset length (chars), cluster range (chars), whether
/// it is open, the rule, and where the tone is.
#[derive(Clone, Copy, Debug)]
struct Parsed {
    cluster_start: usize,
    open: bool,
    rule: (u8, u8, bool),
    /// Char index of the toned vowel, if any.
    toned: Option<usize>,
}

/// Parses a word of at most [`MAX_CHARS`] letters as one syllable.
fn parse(infos: &[Info], chars: &[char]) -> Option<Parsed> {
    let n = infos.len();
    if n == 0 || n > MAX_CHARS {
        return None;
    }
    // Case: lower, Title or UPPER.
    let uppers = infos.iter().filter(|i| i.is_upper()).count();
    if !(uppers == 0 || uppers == n || (uppers == 1 && infos[0].is_upper())) {
        return None;
    }
    let mut toned = None;
    for (k, i) in infos.iter().enumerate() {
        if !i.is_vn() {
            return None;
        }
        if i.tone() != 0 {
            if toned.is_some() {
                return None;
            }
            toned = Some(k);
        }
    }
    // Consonants as lower-case ASCII, `đ` as `D`.
    let mut cons = [0u8; MAX_CHARS];
    for (k, (&i, &c)) in infos.iter().zip(chars).enumerate() {
        if !i.is_vowel() {
            cons[k] = if i.is_dd() {
                b'D'
            } else {
                (c as u32 as u8).to_ascii_lowercase()
            };
        }
    }
    let mut p = 0;
    while p < n && !infos[p].is_vowel() {
        p += 1;
    }
    let mut onset_end = p;
    if !is_onset(&cons[..p]) {
        // `qu`: q then the vowel u.
        if &cons[..p] == b"q" && p < n && infos[p].base() == base::U {
            onset_end = p + 1;
        } else {
            return None;
        }
    } else if &cons[..p] == b"g"
        && p + 1 < n
        && infos[p].base() == base::I
        && infos[p + 1].is_vowel()
    {
        // `gi` before another vowel: the i is part of the onset.
        onset_end = p + 1;
    }
    let mut q = onset_end;
    while q < n && infos[q].is_vowel() {
        q += 1;
    }
    if q == onset_end || q - onset_end > 3 {
        return None;
    }
    if !is_coda(&cons[q..n]) || infos[q..].iter().any(|i| i.is_vowel()) {
        return None;
    }
    let mut key = [0u8; 3];
    for (k, i) in infos[onset_end..q].iter().enumerate() {
        key[k] = i.base();
    }
    let rule = cluster_rule(&key[..q - onset_end])?;
    let open = q == n;
    if !open && !rule.2 {
        return None;
    }
    Some(Parsed {
        cluster_start: onset_end,
        open,
        rule,
        toned,
    })
}

/// Whether `word` is one Vietnamese syllable (letters only, lower, title or
/// upper case, at most one tone mark; tone placement is not checked).
pub(crate) fn is_syllable(word: &str) -> bool {
    let mut infos = [Info(0); MAX_CHARS];
    let mut chars = ['\0'; MAX_CHARS];
    let mut n = 0;
    for c in word.chars() {
        if n == MAX_CHARS {
            return false;
        }
        infos[n] = info(c);
        chars[n] = c;
        n += 1;
    }
    parse(&infos[..n], &chars[..n]).is_some()
}

/// The fix of the syllable `word` (at byte `at` of its text), if its tone
/// mark is misplaced (`repair`) or in the other style than `style` asks.
pub(crate) fn fix_word(word: &str, at: usize, style: ToneStyle, repair: bool) -> Option<Fix> {
    let mut infos = [Info(0); MAX_CHARS];
    let mut chars = ['\0'; MAX_CHARS];
    let mut offs = [0usize; MAX_CHARS + 1];
    let mut n = 0;
    for (o, c) in word.char_indices() {
        if n == MAX_CHARS {
            return None;
        }
        infos[n] = info(c);
        chars[n] = c;
        offs[n] = o;
        n += 1;
    }
    offs[n] = word.len();
    let p = parse(&infos[..n], &chars[..n])?;
    let toned = p.toned?;
    let (new, old, _) = p.rule;
    let at_new = p.cluster_start + usize::from(new);
    let at_old = p.cluster_start + usize::from(old);
    let accepted = |k: usize| match (p.open, style) {
        (false, _) => k == at_new,
        (true, ToneStyle::Keep) => k == at_new || k == at_old,
        (true, ToneStyle::New) => k == at_new,
        (true, ToneStyle::Old) => k == at_old,
    };
    if accepted(toned) {
        return None;
    }
    let misplaced = toned != at_new && !(p.open && toned == at_old);
    if misplaced && !repair {
        return None;
    }
    let target = if p.open && style == ToneStyle::Old {
        at_old
    } else {
        at_new
    };
    let tone = infos[toned].tone();
    let (lo, hi) = (toned.min(target), toned.max(target));
    let mut fix = Fix {
        start: at + offs[lo],
        end: at + offs[hi + 1],
        buf: [0; 4 * MAX_CHARS],
        len: 0,
    };
    for k in lo..=hi {
        let i = infos[k];
        let c = if k == toned {
            letters::vowel(i.base(), 0, i.is_upper())
        } else if k == target {
            letters::vowel(i.base(), tone, i.is_upper())
        } else {
            chars[k]
        };
        let s = c.encode_utf8(&mut fix.buf[fix.len..]);
        fix.len += s.len();
    }
    Some(fix)
}

/// How far a word may reach from a toned vowel, in bytes.
const REACH: usize = 4 * MAX_CHARS;

/// The fix for the word around the toned vowel at `i..j` of `text`, if any.
/// Words next to digits or combining marks, or longer than a syllable, are
/// left alone.
pub(crate) fn fix_at(
    text: &str,
    i: usize,
    j: usize,
    style: ToneStyle,
    repair: bool,
) -> Option<Fix> {
    let mut ws = i;
    while let Some((c, s)) = char_before(text, ws) {
        if letters::is_letter(c) {
            ws = s;
            if i - ws > REACH {
                return None;
            }
        } else if c.is_ascii_digit() || crate::lexicon::chars::is_mark(c) {
            return None;
        } else {
            break;
        }
    }
    let mut we = j;
    while let Some((c, len)) = char_at(text, we) {
        if letters::is_letter(c) {
            we += len;
            if we - j > REACH {
                return None;
            }
        } else if c.is_ascii_digit() || crate::lexicon::chars::is_mark(c) {
            return None;
        } else {
            break;
        }
    }
    fix_word(text.get(ws..we)?, ws, style, repair)
}

/// The letter info of the char before byte `i`, and where that char starts.
#[inline(always)]
fn info_before(b: &[u8], text: &str, i: usize) -> (Info, usize) {
    match i.checked_sub(1).map(|k| b[k]) {
        None => (Info(0), 0),
        Some(x) if x < 0x80 => (info_ascii(x), i - 1),
        Some(_) => {
            let _ = text;
            letters::decode_before(b, i).map_or((Info(0), i), |(cp, s)| (letters::info_cp(cp), s))
        }
    }
}

/// The letter info of the char at byte `j`, and its length.
#[inline(always)]
fn info_at(b: &[u8], text: &str, j: usize) -> (Info, usize) {
    match b.get(j) {
        None => (Info(0), 0),
        Some(&x) if x < 0x80 => (info_ascii(x), 1),
        Some(_) => {
            let _ = text;
            let (cp, l) = letters::decode_at(b, j);
            (letters::info_cp(cp), l)
        }
    }
}

/// Whether the lower-cased ASCII byte before `i` is `want`.
#[inline]
fn ascii_before_is(b: &[u8], i: usize, want: u8) -> bool {
    i > 0 && b[i - 1].to_ascii_lowercase() == want
}

/// A quick look at the neighbours of the toned vowel `t` at `i..j`: `true`
/// when its placement is certainly fine, `false` when the syllable needs the
/// full analysis. Settles most syllables of real text in a few byte reads.
#[inline]
pub(crate) fn surely_fine(text: &str, i: usize, j: usize, t: Info, style: ToneStyle) -> bool {
    use base::*;
    let b = text.as_bytes();
    let (l, ls) = info_before(b, text, i);
    let (r, rlen) = info_at(b, text, j);
    match (l.is_vowel(), r.is_vowel()) {
        (false, false) => true,
        (false, true) => {
            // The tone is on the first vowel of a cluster.
            if r.is_hatted() || info_at(b, text, j + rlen).0.is_vowel() {
                return false;
            }
            if t.is_hatted() {
                return true;
            }
            match (t.base(), r.base()) {
                (A, I) | (A, O) | (A, U) | (A, Y) | (E, O) | (O, I) => true,
                (I, A) | (I, U) => !ascii_before_is(b, i, b'g'),
                (U, A) | (U, I) => !ascii_before_is(b, i, b'q'),
                (O, A) | (O, E) | (U, Y) => {
                    style == ToneStyle::Keep && !info_at(b, text, j + rlen).0.is_letter()
                }
                _ => false,
            }
        }
        (true, false) => {
            // The tone is on the last vowel of a cluster.
            if t.is_hatted() {
                return true;
            }
            if l.is_hatted() {
                return false;
            }
            match (l.base(), t.base()) {
                (U, _) if l.tone() == 0 && ascii_before_is(b, ls, b'q') => true,
                (I, _) if l.tone() == 0 && ascii_before_is(b, ls, b'g') => true,
                (O, A) | (O, E) | (U, Y) => {
                    style == ToneStyle::Keep && !info_before(b, text, ls).0.is_vowel()
                }
                _ => false,
            }
        }
        (true, true) => {
            // The middle of three: fine unless a hatted vowel follows.
            !r.is_hatted()
                && !info_at(b, text, j + rlen).0.is_vowel()
                && !info_before(b, text, ls).0.is_vowel()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(w: &str, style: ToneStyle) -> String {
        match fix_word(w, 0, style, true) {
            Some(f) => format!("{}{}{}", &w[..f.start], f.as_str(), &w[f.end..]),
            None => w.to_string(),
        }
    }

    #[test]
    fn misplaced_tones_are_repaired() {
        for (bad, good) in [
            ("cuả", "của"),
            ("qủa", "quả"),
            ("gía", "giá"),
            ("gìa", "già"),
            ("tóan", "toán"),
            ("ngừơi", "người"),
            ("ngươì", "người"),
            ("taì", "tài"),
            ("muà", "mùa"),
            ("điêù", "điều"),
            ("hóai", "hoái"),
            ("ngoaì", "ngoài"),
            ("kià", "kìa"),
            ("CUẢ", "CỦA"),
            ("Cuả", "Của"),
            ("qúy", "quý"),
            ("thụân", "thuận"),
            ("khuýên", "khuyến"),
            ("Nguỹên", "Nguyễn"),
            ("tuỵêt", "tuyệt"),
        ] {
            assert_eq!(fixed(bad, ToneStyle::Keep), good, "{bad}");
        }
    }

    #[test]
    fn correct_words_never_change() {
        for w in [
            "quá",
            "gì",
            "gìn",
            "khuya",
            "khuỵa",
            "thuở",
            "giữ",
            "quốc",
            "Quảng",
            "hoà",
            "hòa",
            "thuỷ",
            "thủy",
            "người",
            "Nguyễn",
            "khuỷu",
            "giường",
            "của",
            "mùa",
            "kìa",
            "quý",
            "uỷ",
            "ủy",
            "toán",
            "hoàng",
            "Huế",
            "xoắn",
            "tuần",
            "quyết",
            "giặc",
            "ĐẢNG",
            "Việt",
            "oán",
            "yến",
            "ở",
            "ý",
            "à",
            "hoài",
            "xoáy",
            "ngoẹo",
            "khuấy",
            "quạ",
            "gịt",
        ] {
            assert_eq!(fixed(w, ToneStyle::Keep), w, "{w}");
        }
    }

    #[test]
    fn foreign_words_are_left_alone() {
        for w in [
            "Huawei", "Pelé", "José", "café", "André", "Renée", "Beyoncé", "iPhône", "ĐẢng",
            "cuảa", "cuảng",
        ] {
            assert_eq!(fix_word(w, 0, ToneStyle::New, true), None, "{w}");
        }
    }

    #[test]
    fn styles() {
        for (old, new) in [
            ("hòa", "hoà"),
            ("thủy", "thuỷ"),
            ("khỏe", "khoẻ"),
            ("ủy", "uỷ"),
            ("Hòa", "Hoà"),
            ("HÒA", "HOÀ"),
        ] {
            assert_eq!(fixed(old, ToneStyle::New), new);
            assert_eq!(fixed(new, ToneStyle::Old), old);
            assert_eq!(fixed(old, ToneStyle::Keep), old);
            assert_eq!(fixed(new, ToneStyle::Keep), new);
        }
        // With a coda there is one place in both styles.
        assert_eq!(fixed("hoàng", ToneStyle::Old), "hoàng");
        assert_eq!(fixed("quý", ToneStyle::Old), "quý");
        // Without repair, a misplaced tone stays even when converting.
        assert_eq!(fix_word("cuả", 0, ToneStyle::New, false), None);
    }

    #[test]
    fn syllables() {
        for w in ["nghiêng", "khuyếch", "a", "Đảng", "UBND"] {
            assert_eq!(is_syllable(w), w != "UBND", "{w}");
        }
        assert!(!is_syllable("Huawei"));
        assert!(!is_syllable("hello"));
    }

    #[test]
    fn fix_at_bounds_words() {
        let t = "ông cuả tôi, H5cuả, cuả\u{301}";
        let i = t.find("ả").unwrap();
        let f = fix_at(t, i, i + 3, ToneStyle::Keep, true).unwrap();
        assert_eq!((&t[f.start..f.end], f.as_str()), ("uả", "ủa"));
        let i2 = t[i + 3..].find("ả").unwrap() + i + 3;
        assert_eq!(fix_at(t, i2, i2 + 3, ToneStyle::Keep, true), None);
        let i3 = t.rfind("ả").unwrap();
        assert_eq!(fix_at(t, i3, i3 + 3, ToneStyle::Keep, true), None);
    }
}
