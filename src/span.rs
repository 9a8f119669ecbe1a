//! Byte spans into the caller's text.
//!
//! Every offset that `vntext` hands out is a [`Span`]: a half-open range of
//! **byte** offsets into the original input, always on `char` boundaries, so
//! slicing never panics.
//!
//! ```
//! use vntext::Span;
//!
//! let text = "Ngày 09/03/2023";
//! let span = Span::new(6, 16);
//! assert_eq!(&text[span.range()], "09/03/2023");
//! assert_eq!(span.len(), 10);
//! ```

use core::ops::Range;

/// A half-open byte range `start..end` into a text.
///
/// `Span` is `Copy` and converts from and to `Range<usize>`. Spans produced by
/// this crate always lie on `char` boundaries of the text they refer to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    ///
    /// ```
    /// let s = vntext::Span::new(2, 5);
    /// assert_eq!((s.start, s.end), (2, 5));
    /// ```
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Number of bytes covered.
    ///
    /// ```
    /// assert_eq!(vntext::Span::new(3, 7).len(), 4);
    /// ```
    #[inline]
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no byte.
    ///
    /// ```
    /// assert!(vntext::Span::new(3, 3).is_empty());
    /// ```
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The span as a `Range<usize>`, for slicing.
    ///
    /// ```
    /// let s = vntext::Span::new(0, 4);
    /// assert_eq!(&"Ngày 9"[s.range()], "Ngà");
    /// ```
    #[inline]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether the two spans share at least one byte.
    ///
    /// ```
    /// use vntext::Span;
    /// assert!(Span::new(0, 5).overlaps(Span::new(4, 9)));
    /// assert!(!Span::new(0, 5).overlaps(Span::new(5, 9)));
    /// ```
    #[inline]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies wholly inside this span.
    ///
    /// ```
    /// use vntext::Span;
    /// assert!(Span::new(0, 9).contains(Span::new(2, 9)));
    /// assert!(!Span::new(0, 9).contains(Span::new(2, 10)));
    /// ```
    #[inline]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl From<Range<usize>> for Span {
    #[inline]
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    #[inline]
    fn from(s: Span) -> Range<usize> {
        s.range()
    }
}

impl core::fmt::Display for Span {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_round_trip() {
        let s: Span = (3..8).into();
        let r: Range<usize> = s.into();
        assert_eq!(r, 3..8);
        assert_eq!(s.to_string(), "3..8");
    }

    #[test]
    fn inverted_span_is_empty() {
        assert!(Span::new(5, 2).is_empty());
        assert_eq!(Span::new(5, 2).len(), 0);
    }
}
