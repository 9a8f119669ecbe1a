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
//! | misplaced tone marks moved: `cuả` → `của`, `qủa` → `quả` | on | [`Options::repair_tones`] |
//! | tone style `hoà`/`hòa` | as written | [`Options::tone_style`] |
//! | diacritics stripped: `Đảng ủy` → `Dang uy` | off | [`Options::fold`], [`Options::fold_case`] |
//!
//! The passes run in that order: clean-up first (so that removing a
//! zero-width mark cannot leave a letter and its accent apart), then NFC,
//! then tone marks, then folding. Clean text is recognised in one byte scan
//! and returned borrowed. Legacy encodings (TCVN3, VNI, VIQR, Windows-1258
//! and their mojibake) are decoded by [`legacy`].

mod cleanup;
mod fold;
pub mod legacy;
mod letters;
mod nfc;
mod offsets;
mod scan;
mod tone;

use std::borrow::Cow;

pub use fold::{fold, fold_with};
pub use letters::vietnamese_letters;
pub(crate) use offsets::Builder;
pub use offsets::OffsetMap;
pub use tone::ToneStyle;

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
    tone: ToneStyle,
    repair_tones: bool,
    fold: bool,
    fold_case: bool,
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
            tone: ToneStyle::Keep,
            repair_tones: true,
            fold: false,
            fold_case: false,
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
            tone: ToneStyle::Keep,
            repair_tones: false,
            fold: false,
            fold_case: false,
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

    /// Where tone marks go in `oa`, `oe`, `uy` without a final consonant
    /// (default [`ToneStyle::Keep`]: as written).
    pub fn tone_style(mut self, style: ToneStyle) -> Options {
        self.tone = style;
        self
    }

    /// Move tone marks typed on the wrong vowel to the main vowel of the
    /// syllable: `cuả` → `của`, `qủa` → `quả`, `gía` → `giá`, `tóan` →
    /// `toán` (default on). Only words that are one valid Vietnamese
    /// syllable are touched.
    ///
    /// ```
    /// use vntext::normalize::{normalize, normalize_with, Options};
    /// assert_eq!(normalize("cuả tôi, qủa cam").as_str(), "của tôi, quả cam");
    /// let off = Options::default().repair_tones(false);
    /// assert_eq!(normalize_with("cuả", &off).as_str(), "cuả");
    /// ```
    pub fn repair_tones(mut self, yes: bool) -> Options {
        self.repair_tones = yes;
        self
    }

    /// Strip diacritics to ASCII for search keys: `Đảng ủy` → `Dang uy`
    /// (default off). See [`fold`].
    ///
    /// ```
    /// use vntext::normalize::{normalize_with, Options};
    /// let key = Options::default().fold(true).fold_case(true);
    /// assert_eq!(normalize_with("Đảng  ỦY", &key).as_str(), "dang uy");
    /// ```
    pub fn fold(mut self, yes: bool) -> Options {
        self.fold = yes;
        self
    }

    /// Lower-case the text (default off); with [`Options::fold`], for
    /// case-insensitive search keys.
    pub fn fold_case(mut self, yes: bool) -> Options {
        self.fold_case = yes;
        self
    }

    /// Whether the tone pass has anything to do.
    fn tones_enabled(&self) -> bool {
        self.repair_tones || self.tone != ToneStyle::Keep
    }
}

/// A normalised text and the map back to the text it came from.
#[derive(Clone, Debug)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    map: OffsetMap,
}

impl<'a> Normalized<'a> {
    pub(crate) fn borrowed(text: &'a str) -> Normalized<'a> {
        Normalized {
            text: Cow::Borrowed(text),
            map: OffsetMap::identity(),
        }
    }

    pub(crate) fn owned(text: String, map: OffsetMap) -> Normalized<'a> {
        Normalized {
            text: Cow::Owned(text),
            map,
        }
    }

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
/// Text that needs nothing is checked in one scan and returned borrowed;
/// otherwise the enabled passes run in order (clean-up, NFC, tone marks,
/// folding), each skipping quickly over what it does not change, and the
/// returned map composes their edits.
///
/// ```
/// use vntext::normalize::{normalize_with, Options};
/// let n = normalize_with("a\u{00A0}b", &Options::none());
/// assert!(n.is_borrowed());
/// ```
pub fn normalize_with<'a>(text: &'a str, opts: &Options) -> Normalized<'a> {
    if scan::is_clean(text, opts) {
        return Normalized::borrowed(text);
    }
    let mut cur: Cow<'a, str> = Cow::Borrowed(text);
    let mut map = OffsetMap::identity();
    let mut apply = |cur: &mut Cow<'a, str>, r: Option<(String, OffsetMap)>| {
        if let Some((s, m)) = r {
            *cur = Cow::Owned(s);
            map.push(m);
        }
    };
    if cleanup::enabled(opts) {
        let r = cleanup::pass(&cur, opts);
        let changed = r.is_some();
        apply(&mut cur, r);
        // Most texts need the clean-up alone (CRLF line ends): one scan of
        // the result says the other passes would change nothing, where
        // each pass would scan it again.
        if changed && scan::is_clean(&cur, opts) {
            return Normalized { text: cur, map };
        }
    }
    if opts.nfc {
        let r = nfc::pass(&cur);
        apply(&mut cur, r);
    }
    if opts.tones_enabled() {
        let r = tone_pass(&cur, opts.tone, opts.repair_tones);
        apply(&mut cur, r);
    }
    if opts.fold || opts.fold_case {
        let r = fold::pass(&cur, opts.fold, opts.fold_case);
        let removed_marks = r.is_some();
        apply(&mut cur, r);
        // Stripping a mark that stood between two spaces leaves a run.
        if removed_marks && cleanup::enabled(opts) {
            let r = cleanup::pass(&cur, opts);
            apply(&mut cur, r);
        }
    }
    Normalized { text: cur, map }
}

/// Moves misplaced tone marks, and converts the style if asked, or `None`
/// when nothing changes.
pub(crate) fn tone_pass(text: &str, style: ToneStyle, repair: bool) -> Option<(String, OffsetMap)> {
    let mut out: Option<Builder> = None;
    let mut done = 0;
    scan::for_each_toned(text, |i, j, t| {
        if i >= done
            && scan::needs_a_look(text.as_bytes(), i, j, t, style)
            && !tone::surely_fine(text, i, j, t, style)
        {
            if let Some(fix) = tone::fix_at(text, i, j, style, repair) {
                if fix.start >= done {
                    out.get_or_insert_with(|| Builder::with_capacity(text.len()))
                        .replace(text, fix.start, fix.end, fix.as_str());
                    done = fix.end;
                }
            }
        }
        true
    });
    out.map(|b| b.finish(text))
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
