//! Legacy Vietnamese encodings decoded to Unicode, with a map back to the
//! input bytes.
//!
//! Decades of Vietnamese text were written before Unicode: in TCVN3 (the
//! ABC fonts, `.VnTime`), in VNI-Windows (`VNI-Times`: a base letter then an
//! accent byte), in VIQR (ASCII: `Vie^.t Nam`) and in Windows-1258 (base
//! letters and combining tone marks). Pasted into a Unicode document the
//! same bytes turn into Latin-1 mojibake: `céng hoµ x· héi` (TCVN3),
//! `Coäng hoøa xaõ hoäi` (VNI).
//!
//! [`decode`] decodes one encoding; [`decode_auto`] finds the encoding of
//! each paragraph ([`detect`] for the whole document) and decodes it, so a
//! document that mixes Unicode and legacy paragraphs comes out whole. Every
//! decoder returns the text, an [`OffsetMap`] from output bytes back to input
//! bytes, and the bytes it could not decode (as U+FFFD in the text, with
//! their offsets in [`Decoded::errors`]): nothing is dropped silently.
//!
//! ```
//! use vntext::normalize::legacy::{decode, decode_auto, detect, Encoding};
//!
//! // TCVN3 bytes for "Cộng hoà".
//! let tcvn3 = b"C\xe9ng ho\xb5";
//! assert_eq!(decode(tcvn3, Encoding::Tcvn3).text(), "Cộng hoà");
//! assert_eq!(detect(tcvn3).encoding(), Encoding::Tcvn3);
//!
//! // The same bytes pasted as Latin-1 characters into a UTF-8 document.
//! let d = decode_auto("Cộng hoà\ncéng hoµ x· héi\n".as_bytes());
//! assert_eq!(d.text(), "Cộng hoà\ncộng hoà xã hội\n");
//! ```
//!
//! The decoded text is Unicode but not yet normalised; run
//! [`normalize`](super::normalize) on it (the `vntext normalize` command does
//! both and composes the maps).

mod cp1258;
mod detect;
mod single;
#[rustfmt::skip]
mod tables;
mod tcvn3;
mod viqr;
mod vni;

use std::fmt;

pub use detect::{detect, Detection};

use super::offsets::Edit;
use super::OffsetMap;
use crate::{Error, Span};

/// A text encoding of Vietnamese.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 (Unicode); invalid sequences are reported.
    Utf8,
    /// TCVN3 / ABC (TCVN 5712:1993), decoded by the VN1 table, its superset.
    Tcvn3,
    /// VNI-Windows: a base letter followed by an accent byte.
    Vni,
    /// VIQR (RFC 1456): ASCII with `^ ( + ' \` ? ~ .` after the vowel, `dd`
    /// for `đ`.
    Viqr,
    /// Windows-1258: base letters and combining tone marks.
    Cp1258,
    /// TCVN3 bytes pasted into Unicode as Latin-1 (or Windows-1252)
    /// characters: `céng hoµ`.
    Tcvn3Latin1,
    /// VNI bytes pasted into Unicode as Latin-1 (or Windows-1252)
    /// characters: `Coäng hoøa`.
    VniLatin1,
}

impl Encoding {
    /// Every encoding.
    pub const ALL: [Encoding; 7] = [
        Encoding::Utf8,
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Viqr,
        Encoding::Cp1258,
        Encoding::Tcvn3Latin1,
        Encoding::VniLatin1,
    ];

    /// A short lower-case name: `utf8`, `tcvn3`, `vni`, `viqr`, `cp1258`,
    /// `tcvn3-latin1`, `vni-latin1`.
    ///
    /// ```
    /// use vntext::normalize::legacy::Encoding;
    /// assert_eq!(Encoding::Tcvn3.name(), "tcvn3");
    /// assert_eq!(Encoding::from_name("VNI"), Some(Encoding::Vni));
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf8",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Viqr => "viqr",
            Encoding::Cp1258 => "cp1258",
            Encoding::Tcvn3Latin1 => "tcvn3-latin1",
            Encoding::VniLatin1 => "vni-latin1",
        }
    }

    /// The encoding of a name (case-insensitive; `abc`, `utf-8`,
    /// `windows-1258` and `tcvn5712-1` are accepted too).
    pub fn from_name(name: &str) -> Option<Encoding> {
        let n = name.to_ascii_lowercase();
        Some(match n.as_str() {
            "utf8" | "utf-8" => Encoding::Utf8,
            "tcvn3" | "abc" | "tcvn" | "tcvn5712-1" | "vn3" => Encoding::Tcvn3,
            "vni" | "vni-windows" => Encoding::Vni,
            "viqr" => Encoding::Viqr,
            "cp1258" | "windows-1258" => Encoding::Cp1258,
            "tcvn3-latin1" => Encoding::Tcvn3Latin1,
            "vni-latin1" => Encoding::VniLatin1,
            _ => return None,
        })
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Input bytes that could not be decoded; the text holds U+FFFD there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Undecodable {
    span: Span,
    encoding: Encoding,
}

impl Undecodable {
    /// The undecodable bytes of the input.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The encoding that could not decode them.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// The offset of the first undecodable byte.
    pub fn offset(&self) -> usize {
        self.span.start
    }
}

impl fmt::Display for Undecodable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "bytes {}..{} cannot be decoded as {}",
            self.span.start, self.span.end, self.encoding
        )
    }
}

/// A decoded text: the Unicode text, the map back to the input bytes, the
/// bytes that could not be decoded, and the encoding of each paragraph.
#[derive(Clone, Debug)]
pub struct Decoded {
    text: String,
    map: OffsetMap,
    errors: Vec<Undecodable>,
    parts: Vec<(Span, Encoding)>,
}

impl Decoded {
    /// The decoded text (Unicode, not yet normalised).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The map from offsets of [`Decoded::text`] back to input bytes.
    ///
    /// ```
    /// use vntext::normalize::legacy::{decode, Encoding};
    /// use vntext::Span;
    ///
    /// let input = b"Vie\xe4t Nam"; // VNI: "Việt Nam"
    /// let d = decode(input, Encoding::Vni);
    /// assert_eq!(d.text(), "Việt Nam");
    /// let at = d.text().find("Nam").unwrap();
    /// assert_eq!(d.map().to_original(Span::new(at, at + 3)), Span::new(6, 9));
    /// ```
    pub fn map(&self) -> &OffsetMap {
        &self.map
    }

    /// The bytes that could not be decoded, in input order.
    ///
    /// ```
    /// use vntext::normalize::legacy::{decode, Encoding};
    /// let d = decode(b"a\x81b", Encoding::Cp1258);
    /// assert_eq!(d.text(), "a\u{FFFD}b");
    /// assert_eq!(d.errors()[0].offset(), 1);
    /// ```
    pub fn errors(&self) -> &[Undecodable] {
        &self.errors
    }

    /// Each stretch of the input and the encoding it was decoded with, in
    /// order (one entry per run of paragraphs in the same encoding).
    pub fn parts(&self) -> &[(Span, Encoding)] {
        &self.parts
    }

    /// The text and the map.
    pub fn into_parts(self) -> (String, OffsetMap) {
        (self.text, self.map)
    }
}

/// Decodes `bytes` in `encoding`.
///
/// For [`Encoding::Tcvn3Latin1`] and [`Encoding::VniLatin1`] the input is
/// UTF-8 whose Latin-1 characters stand for legacy bytes; characters beyond
/// Latin-1 and Windows-1252 are kept as they are.
///
/// ```
/// use vntext::normalize::legacy::{decode, Encoding};
///
/// assert_eq!(decode(b"Vie^.t Nam", Encoding::Viqr).text(), "Việt Nam");
/// assert_eq!(decode(b"Vi\xea\xf2t Nam", Encoding::Cp1258).text(), "Việt Nam");
/// assert_eq!(decode(b"Vie\xe4t Nam", Encoding::Vni).text(), "Việt Nam");
/// assert_eq!(decode(b"Vi\xd6t Nam", Encoding::Tcvn3).text(), "Việt Nam");
/// assert_eq!(decode("Vieät Nam".as_bytes(), Encoding::VniLatin1).text(), "Việt Nam");
/// ```
pub fn decode(bytes: &[u8], encoding: Encoding) -> Decoded {
    let mut out = Out::new(bytes);
    decode_into(bytes, 0, bytes.len(), encoding, &mut out);
    out.finish(vec![(Span::new(0, bytes.len()), encoding)])
}

/// Decodes `bytes[start..end]` into `out`.
fn decode_into(bytes: &[u8], start: usize, end: usize, encoding: Encoding, out: &mut Out<'_>) {
    match encoding {
        Encoding::Utf8 => utf8(bytes, start, end, out),
        Encoding::Tcvn3 => tcvn3::decode(&Raw { bytes, start, end }, out),
        Encoding::Vni => vni::decode(&Raw { bytes, start, end }, out),
        Encoding::Cp1258 => cp1258::decode(&Raw { bytes, start, end }, out),
        Encoding::Viqr => viqr::decode(bytes, start, end, out),
        Encoding::Tcvn3Latin1 | Encoding::VniLatin1 => {
            // Invalid UTF-8 is reported; valid stretches are read as
            // Latin-1 characters.
            let mut pos = start;
            while pos < end {
                let (valid, bad) = match std::str::from_utf8(&bytes[pos..end]) {
                    Ok(s) => (s, None),
                    Err(e) => {
                        let ok = pos + e.valid_up_to();
                        let len = e.error_len().unwrap_or(end - ok);
                        let s = std::str::from_utf8(&bytes[pos..ok]).unwrap_or("");
                        (s, Some((ok, ok + len)))
                    }
                };
                let units = Latin1::new(valid, pos);
                if encoding == Encoding::Tcvn3Latin1 {
                    tcvn3::decode(&units, out);
                } else {
                    vni::decode(&units, out);
                }
                match bad {
                    Some((s, e)) => {
                        out.bad(s, e, Encoding::Utf8);
                        pos = e;
                    }
                    None => pos = end,
                }
            }
        }
    }
}

/// UTF-8: valid stretches are kept, invalid sequences reported.
fn utf8(bytes: &[u8], start: usize, end: usize, out: &mut Out<'_>) {
    let mut pos = start;
    while pos < end {
        match std::str::from_utf8(&bytes[pos..end]) {
            Ok(_) => pos = end,
            Err(e) => {
                let ok = pos + e.valid_up_to();
                let len = e.error_len().unwrap_or(end - ok);
                out.bad(ok, ok + len, Encoding::Utf8);
                pos = ok + len;
            }
        }
    }
}

/// Decodes `bytes` paragraph by paragraph, each in the encoding that reads
/// best (see [`detect`]). Paragraphs end at `\n`.
///
/// ```
/// use vntext::normalize::legacy::{decode_auto, Encoding};
///
/// // A VNI paragraph after a Unicode one.
/// let mut input = "Hà Nội, ngày 9 tháng 3\n".as_bytes().to_vec();
/// input.extend_from_slice(b"Ch\xednh phu\xfb \xf1a\xf5 hoa\xf8n tha\xf8nh ke\xe1 hoa\xefch\n");
/// # let _ = Encoding::Vni;
/// let d = decode_auto(&input);
/// assert!(d.text().starts_with("Hà Nội, ngày 9 tháng 3\n"));
/// assert_eq!(d.parts().len(), 2);
/// ```
pub fn decode_auto(bytes: &[u8]) -> Decoded {
    // VIQR is ASCII: only the document as a whole can tell it from English.
    let mut prior = match detect::detect_viqr(bytes) {
        true => Some(Encoding::Viqr),
        false => None,
    };
    let mut out = Out::new(bytes);
    let mut parts: Vec<(Span, Encoding)> = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |p| start + p + 1);
        let (enc, clear) = detect::decode_paragraph(bytes, start, end, prior, &mut out);
        if clear {
            prior = Some(enc);
        }
        match parts.last_mut() {
            Some((span, e)) if *e == enc => span.end = end,
            _ => parts.push((Span::new(start, end), enc)),
        }
        start = end;
    }
    out.finish(parts)
}

/// Encodes `text` in `encoding`, for tests and for writing legacy files.
///
/// # Errors
///
/// When a character has no encoding ([`Error::is_decode`], with the byte
/// offset of the character in `text`).
///
/// ```
/// use vntext::normalize::legacy::{decode, encode, Encoding};
///
/// let bytes = encode("Việt Nam", Encoding::Vni).unwrap();
/// assert_eq!(bytes, b"Vie\xe4t Nam");
/// assert_eq!(decode(&bytes, Encoding::Vni).text(), "Việt Nam");
/// assert!(encode("Привет", Encoding::Tcvn3).is_err());
/// ```
pub fn encode(text: &str, encoding: Encoding) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(text.len());
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if !encode_char(c, prev, encoding, &mut out) {
            return Err(Error::decode(
                i,
                format!("{c:?} has no encoding in {encoding}"),
            ));
        }
        prev = Some(c);
    }
    Ok(out)
}

/// Encodes `text` in `encoding`, writing `?` for characters that have no
/// encoding.
///
/// ```
/// use vntext::normalize::legacy::{encode_lossy, Encoding};
/// assert_eq!(encode_lossy("Đà Nẵng ™", Encoding::Viqr), b"DDa` Na(~ng ?");
/// ```
pub fn encode_lossy(text: &str, encoding: Encoding) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if !encode_char(c, prev, encoding, &mut out) {
            out.push(b'?');
        }
        prev = Some(c);
    }
    out
}

fn encode_char(c: char, prev: Option<char>, encoding: Encoding, out: &mut Vec<u8>) -> bool {
    match encoding {
        Encoding::Utf8 => {
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            true
        }
        Encoding::Tcvn3 => tcvn3::encode_char(c, out),
        Encoding::Vni => vni::encode_char(c, out),
        Encoding::Cp1258 => cp1258::encode_char(c, out),
        Encoding::Viqr => viqr::encode_char(c, prev, out),
        Encoding::Tcvn3Latin1 | Encoding::VniLatin1 => {
            let mut bytes = Vec::new();
            let ok = if encoding == Encoding::Tcvn3Latin1 {
                tcvn3::encode_char(c, &mut bytes)
            } else {
                vni::encode_char(c, &mut bytes)
            };
            for b in bytes {
                let mut buf = [0; 4];
                out.extend_from_slice(latin1_char(b).encode_utf8(&mut buf).as_bytes());
            }
            ok
        }
    }
}

/// The character a legacy byte shows as when read as Latin-1 (bytes
/// 0x80–0x9F as Windows-1252 where it defines them).
fn latin1_char(b: u8) -> char {
    match b {
        0x80..=0x9F => match CP1252_HIGH[usize::from(b - 0x80)] {
            '\0' => char::from(b),
            c => c,
        },
        _ => char::from(b),
    }
}

/// Windows-1252 bytes 0x80–0x9F (`\0` where undefined).
const CP1252_HIGH: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0', '‘',
    '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// The legacy byte a character stands for when legacy bytes were read as
/// Latin-1 or Windows-1252.
fn latin1_byte(c: char) -> Option<u8> {
    let cp = c as u32;
    if cp < 0x100 {
        return Some(cp as u8);
    }
    CP1252_HIGH
        .iter()
        .position(|&x| x == c)
        .map(|i| 0x80 + i as u8)
}

/// The input of a byte decoder: legacy bytes, each standing at a range of
/// the caller's input.
pub(crate) trait Units {
    /// Number of units.
    fn len(&self) -> usize;
    /// The legacy byte of unit `k`, or `None` for a character kept as it
    /// is (a Unicode character in a mojibake stretch).
    fn get(&self, k: usize) -> Option<u8>;
    /// Input offset of unit `k`; `start(len())` is the end of the input.
    fn start(&self, k: usize) -> usize;
}

/// Raw legacy bytes `bytes[start..end]`.
pub(crate) struct Raw<'a> {
    bytes: &'a [u8],
    start: usize,
    end: usize,
}

impl Units for Raw<'_> {
    #[inline]
    fn len(&self) -> usize {
        self.end - self.start
    }
    #[inline]
    fn get(&self, k: usize) -> Option<u8> {
        self.bytes.get(self.start + k).copied()
    }
    #[inline]
    fn start(&self, k: usize) -> usize {
        self.start + k
    }
}

/// A UTF-8 stretch whose Latin-1 characters stand for legacy bytes.
pub(crate) struct Latin1 {
    units: Vec<(Option<u8>, usize)>,
    end: usize,
}

impl Latin1 {
    fn new(text: &str, base: usize) -> Latin1 {
        Latin1 {
            units: text
                .char_indices()
                .map(|(i, c)| (latin1_byte(c), base + i))
                .collect(),
            end: base + text.len(),
        }
    }
}

impl Units for Latin1 {
    #[inline]
    fn len(&self) -> usize {
        self.units.len()
    }
    #[inline]
    fn get(&self, k: usize) -> Option<u8> {
        self.units.get(k).and_then(|u| u.0)
    }
    #[inline]
    fn start(&self, k: usize) -> usize {
        self.units.get(k).map_or(self.end, |u| u.1)
    }
}

/// The decoded output being built: bytes kept from the input where they
/// mean the same, replacements elsewhere, and the edits between them.
pub(crate) struct Out<'a> {
    input: &'a [u8],
    buf: String,
    edits: Vec<Edit>,
    pos: usize,
    errors: Vec<Undecodable>,
}

impl<'a> Out<'a> {
    /// An output for decoding `input[start..end]` alone.
    fn scratch(input: &'a [u8], start: usize, end: usize) -> Out<'a> {
        Out {
            input,
            buf: String::with_capacity((end - start) * 2),
            edits: Vec::new(),
            pos: start,
            errors: Vec::new(),
        }
    }

    fn new(input: &'a [u8]) -> Out<'a> {
        Out {
            input,
            buf: String::with_capacity(input.len() + input.len() / 2),
            edits: Vec::new(),
            pos: 0,
            errors: Vec::new(),
        }
    }

    /// Copies the input up to `end` (which the decoders only call over
    /// ASCII and whole UTF-8 characters).
    #[inline]
    fn keep(&mut self, end: usize) {
        if end > self.pos {
            let kept = &self.input[self.pos..end];
            match std::str::from_utf8(kept) {
                Ok(s) => self.buf.push_str(s),
                // Not reached: decoders keep ASCII and whole characters.
                Err(_) => self.buf.push_str(&String::from_utf8_lossy(kept)),
            }
            self.pos = end;
        }
    }

    /// Writes `with` for input `start..end`.
    #[inline]
    pub(crate) fn replace(&mut self, start: usize, end: usize, with: &str) {
        self.keep(start);
        let norm_start = self.buf.len();
        self.buf.push_str(with);
        let norm_end = self.buf.len();
        match self.edits.last_mut() {
            Some(e) if e.orig_end == start && e.norm_end == norm_start => {
                e.orig_end = end;
                e.norm_end = norm_end;
            }
            _ => self.edits.push(Edit {
                norm_start,
                norm_end,
                orig_start: start,
                orig_end: end,
            }),
        }
        self.pos = end;
    }

    /// Writes `c` for input `start..end`.
    #[inline]
    pub(crate) fn char(&mut self, start: usize, end: usize, c: char) {
        let mut buf = [0; 4];
        self.replace(start, end, c.encode_utf8(&mut buf));
    }

    /// Reports input `start..end` as undecodable and writes U+FFFD.
    pub(crate) fn bad(&mut self, start: usize, end: usize, encoding: Encoding) {
        self.errors.push(Undecodable {
            span: Span::new(start, end),
            encoding,
        });
        self.replace(start, end, "\u{FFFD}");
    }

    /// A mark to roll back to.
    fn mark(&self) -> (usize, usize, usize, usize) {
        (
            self.buf.len(),
            self.edits.len(),
            self.pos,
            self.errors.len(),
        )
    }

    /// Forgets everything written since `mark`.
    fn rollback(&mut self, mark: (usize, usize, usize, usize)) {
        self.buf.truncate(mark.0);
        self.edits.truncate(mark.1);
        self.pos = mark.2;
        self.errors.truncate(mark.3);
    }

    fn finish(mut self, parts: Vec<(Span, Encoding)>) -> Decoded {
        self.keep(self.input.len());
        Decoded {
            text: self.buf,
            map: OffsetMap::from_edits(self.edits),
            errors: self.errors,
            parts,
        }
    }
}

/// Writes `base` and the combining marks after it, composed the way NFC
/// does, for input `start..end`.
pub(crate) fn compose_into(
    out: &mut Out<'_>,
    start: usize,
    end: usize,
    base: char,
    marks: &[char],
) {
    if let Some(c) = super::nfc::compose_marks(base, marks.iter().copied()) {
        out.char(start, end, c);
        return;
    }
    use unicode_normalization::UnicodeNormalization;
    let mut s = String::with_capacity(8);
    s.push(base);
    s.extend(marks);
    let composed: String = s.nfc().collect();
    out.replace(start, end, &composed);
}

#[cfg(test)]
mod tests;
