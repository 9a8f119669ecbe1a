//! Maps from normalised byte offsets back to the caller's byte offsets.

use crate::Span;

/// One replaced stretch: `norm` bytes of the output stand for `orig` bytes of
/// the input. Outside edits the two texts are byte-identical.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Edit {
    pub norm_start: usize,
    pub norm_end: usize,
    pub orig_start: usize,
    pub orig_end: usize,
}

/// One normalisation pass: its edits, sorted and non-overlapping.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Layer {
    edits: Vec<Edit>,
}

impl Layer {
    /// Where a fact starting at `pos` of this layer's output starts in its
    /// input. A position inside a replaced stretch moves to the stretch's
    /// start; deleted bytes right at `pos` are skipped.
    fn start(&self, pos: usize) -> usize {
        let k = self.edits.partition_point(|e| e.norm_end <= pos);
        if let Some(e) = self.edits.get(k) {
            if e.norm_start < pos {
                return e.orig_start;
            }
        }
        self.shift(k, pos)
    }

    /// Where a fact ending at `pos` of this layer's output ends in its input.
    /// A position inside a replaced stretch moves to the stretch's end;
    /// deleted bytes right at `pos` are left out.
    fn end(&self, pos: usize) -> usize {
        let k = self.edits.partition_point(|e| {
            e.norm_end < pos || (e.norm_end == pos && e.norm_start < e.norm_end)
        });
        if let Some(e) = self.edits.get(k) {
            if e.norm_start < pos && pos < e.norm_end {
                return e.orig_end;
            }
        }
        self.shift(k, pos)
    }

    /// `pos` in the unchanged stretch after the first `k` edits.
    fn shift(&self, k: usize, pos: usize) -> usize {
        match k.checked_sub(1).and_then(|i| self.edits.get(i)) {
            Some(prev) => prev.orig_end + (pos - prev.norm_end),
            None => pos,
        }
    }
}

/// A map from byte offsets of a normalised text back to byte offsets of the
/// text it was made from.
///
/// Offsets on a `char` boundary of the normalised text map to `char`
/// boundaries of the original; a span that starts or ends inside a replaced
/// stretch (a composed letter, a collapsed run of spaces) widens to cover the
/// whole stretch, so nothing of the original is cut in half.
///
/// ```
/// use vntext::normalize::normalize;
/// use vntext::Span;
///
/// // "Hòa" written with a combining grave accent, and a no-break space.
/// let original = "Ho\u{0300}a\u{00A0}Bình";
/// let n = normalize(original);
/// assert_eq!(n.as_str(), "Hòa Bình");
/// let span = Span::new(0, "Hòa".len());
/// assert_eq!(&original[n.map().to_original(span).range()], "Ho\u{0300}a");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// Passes in the order they ran; mapping back walks them in reverse.
    layers: Vec<Layer>,
}

impl OffsetMap {
    /// The identity map: the text was not changed.
    pub fn identity() -> OffsetMap {
        OffsetMap::default()
    }

    /// Whether the map is the identity.
    pub fn is_identity(&self) -> bool {
        self.layers.iter().all(|l| l.edits.is_empty())
    }

    /// The original offset at which something starting at normalised offset
    /// `pos` starts.
    pub fn to_original_start(&self, pos: usize) -> usize {
        self.layers.iter().rev().fold(pos, |p, l| l.start(p))
    }

    /// The original offset at which something ending at normalised offset
    /// `pos` ends.
    pub fn to_original_end(&self, pos: usize) -> usize {
        self.layers.iter().rev().fold(pos, |p, l| l.end(p))
    }

    /// A normalised span mapped back to the original text.
    pub fn to_original(&self, span: Span) -> Span {
        let start = self.to_original_start(span.start);
        let end = self.to_original_end(span.end).max(start);
        Span::new(start, end)
    }

    /// Appends a later pass: offsets of that pass's output map through it,
    /// then through this map.
    pub(crate) fn push(&mut self, later: OffsetMap) {
        self.layers
            .extend(later.layers.into_iter().filter(|l| !l.edits.is_empty()));
    }

    /// A one-pass map from its edits (sorted, non-overlapping).
    pub(crate) fn from_edits(edits: Vec<Edit>) -> OffsetMap {
        if edits.is_empty() {
            return OffsetMap::identity();
        }
        OffsetMap {
            layers: vec![Layer { edits }],
        }
    }
}

/// Builds a normalised string and its one-layer map in a single pass.
///
/// Callers copy unchanged input with [`Builder::keep`] and replace input with
/// [`Builder::replace`]; both take input byte ranges in increasing order.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    out: String,
    edits: Vec<Edit>,
    /// Input offset up to which everything has been written.
    orig_pos: usize,
}

impl Builder {
    pub fn with_capacity(n: usize) -> Builder {
        Builder {
            out: String::with_capacity(n),
            edits: Vec::new(),
            orig_pos: 0,
        }
    }

    /// The input offset up to which everything has been written.
    pub fn pos(&self) -> usize {
        self.orig_pos
    }

    /// Copies `input[self.orig_pos..end]` unchanged.
    pub fn keep(&mut self, input: &str, end: usize) {
        if end > self.orig_pos {
            self.out.push_str(&input[self.orig_pos..end]);
            self.orig_pos = end;
        }
    }

    /// Writes `with` in place of `input[start..end]`, copying unchanged text
    /// before it. Adjacent replacements merge into one edit.
    pub fn replace(&mut self, input: &str, start: usize, end: usize, with: &str) {
        self.keep(input, start);
        let norm_start = self.out.len();
        self.out.push_str(with);
        let norm_end = self.out.len();
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
        self.orig_pos = end;
    }

    pub fn finish(mut self, input: &str) -> (String, OffsetMap) {
        self.keep(input, input.len());
        (self.out, OffsetMap::from_edits(self.edits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(input: &str, edits: &[(usize, usize, &str)]) -> (String, OffsetMap) {
        let mut b = Builder::with_capacity(input.len());
        for &(s, e, w) in edits {
            b.replace(input, s, e, w);
        }
        b.finish(input)
    }

    #[test]
    fn deletion_is_skipped_at_both_ends() {
        // "ab<ZWSP>cd": the zero-width space (3 bytes) is deleted.
        let input = "ab\u{200B}cd";
        let (out, map) = build(input, &[(2, 5, "")]);
        assert_eq!(out, "abcd");
        assert_eq!(map.to_original_start(2), 5); // "c" starts after the ZWSP
        assert_eq!(map.to_original_end(2), 2); // "ab" ends before it
        assert_eq!(map.to_original(Span::new(0, 4)), Span::new(0, 7));
    }

    #[test]
    fn inside_a_replacement_widens() {
        // "xo\u{0300}y" -> "xòy"
        let input = "xo\u{0300}y";
        let (out, map) = build(input, &[(1, 4, "ò")]);
        assert_eq!(out, "xòy");
        assert_eq!(map.to_original(Span::new(1, 3)), Span::new(1, 4));
        assert_eq!(map.to_original(Span::new(3, 4)), Span::new(4, 5));
    }

    #[test]
    fn layers_compose() {
        let input = "a\u{00A0}\u{00A0}b";
        let (mid, mut map) = build(input, &[(1, 5, " ")]);
        assert_eq!(mid, "a b");
        let (out, second) = build(&mid, &[(0, 1, "A")]);
        map.push(second);
        assert_eq!(out, "A b");
        assert_eq!(map.to_original(Span::new(2, 3)), Span::new(5, 6));
        assert_eq!(map.to_original(Span::new(0, 3)), Span::new(0, 6));
    }
}
