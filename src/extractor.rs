//! The extraction pipeline: normalise → tokens → per-kind extractors →
//! overlap resolution → spans mapped back to the caller's bytes.

use std::collections::BTreeMap;
use std::vec;

use crate::extract::{self, Candidate, Context, Doc};
use crate::normalize::{self, OffsetMap};
use crate::token::{self, Tok};
use crate::{Fact, Kind, PartialDate, Span};

/// Texts are processed in blocks of at most this many bytes, cut at line
/// breaks, so that memory for tokens stays small whatever the input size.
const BLOCK: usize = 1 << 16;

/// Extracts facts from Vietnamese text.
///
/// Build it once and use it for many documents; it is `Send + Sync` and
/// cheap to clone.
///
/// ```
/// use vntext::{Extractor, Kind};
///
/// let ex = Extractor::builder().kinds(&[Kind::Percentage]).build();
/// let facts = ex.extract("Tỷ lệ đạt 143,8 % kế hoạch, vượt 150%.");
/// assert_eq!(facts.len(), 2);
/// assert_eq!(facts[0].text(), "143,8 %");
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    kinds: [bool; 8],
    normalize: normalize::Options,
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

/// Builds an [`Extractor`]: which kinds to extract and how to normalise.
///
/// ```
/// use vntext::{Extractor, Kind};
/// let ex = Extractor::builder().kinds(&[Kind::Date, Kind::Period]).build();
/// assert!(ex.enabled(Kind::Date));
/// assert!(!ex.enabled(Kind::Person));
/// ```
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    kinds: [bool; 8],
    normalize: normalize::Options,
}

impl ExtractorBuilder {
    /// Extract only `kinds` (all kinds by default).
    pub fn kinds(mut self, kinds: &[Kind]) -> ExtractorBuilder {
        self.kinds = [false; 8];
        for k in kinds {
            self.kinds[k.index()] = true;
        }
        self
    }

    /// Turns one kind on or off.
    pub fn kind(mut self, kind: Kind, yes: bool) -> ExtractorBuilder {
        self.kinds[kind.index()] = yes;
        self
    }

    /// How text is normalised before extraction (the default
    /// [`normalize::Options`] unless set). Offsets are mapped back to the
    /// original text whatever the options.
    pub fn normalize(mut self, options: normalize::Options) -> ExtractorBuilder {
        self.normalize = options;
        self
    }

    /// The extractor.
    pub fn build(self) -> Extractor {
        Extractor {
            kinds: self.kinds,
            normalize: self.normalize,
        }
    }
}

/// Options for one document.
///
/// ```
/// use vntext::{DocOptions, PartialDate};
/// let opts = DocOptions::new().reference_date(PartialDate::ymd(2023, 3, 10).unwrap());
/// assert_eq!(opts.reference().unwrap().to_string(), "2023-03-10");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DocOptions {
    reference_date: Option<PartialDate>,
}

impl DocOptions {
    /// No options: relative dates resolve against the document's own dateline
    /// when it has one.
    pub fn new() -> DocOptions {
        DocOptions::default()
    }

    /// The date that relative expressions (`hôm qua`, `năm nay`) and years
    /// left unwritten resolve against. It takes precedence over the
    /// document's dateline. A full date is expected; a year alone resolves
    /// only `năm nay`-style expressions.
    pub fn reference_date(mut self, date: PartialDate) -> DocOptions {
        self.reference_date = Some(date);
        self
    }

    /// The reference date, if set.
    pub fn reference(&self) -> Option<PartialDate> {
        self.reference_date
    }
}

impl Extractor {
    /// An extractor for every kind with default normalisation.
    pub fn new() -> Extractor {
        Extractor::builder().build()
    }

    /// A builder to choose kinds and normalisation.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder {
            kinds: [true; 8],
            normalize: normalize::Options::default(),
        }
    }

    /// Whether `kind` is extracted.
    pub fn enabled(&self, kind: Kind) -> bool {
        self.kinds[kind.index()]
    }

    /// All facts of `text`, in order of `start`.
    ///
    /// ```
    /// let facts = vntext::Extractor::new().extract("đạt 98%");
    /// assert_eq!(facts[0].text(), "98%");
    /// ```
    pub fn extract(&self, text: &str) -> Vec<Fact> {
        self.extract_with(text, &DocOptions::default())
    }

    /// All facts of `text` with per-document options.
    ///
    /// ```
    /// use vntext::{DocOptions, Extractor, PartialDate};
    /// let opts = DocOptions::new().reference_date(PartialDate::ymd(2023, 3, 10).unwrap());
    /// let facts = Extractor::new().extract_with("đạt 98%", &opts);
    /// assert_eq!(facts.len(), 1);
    /// ```
    pub fn extract_with(&self, text: &str, opts: &DocOptions) -> Vec<Fact> {
        let mut facts = Vec::new();
        self.for_each_fact(text, opts, |f| facts.push(f));
        facts
    }

    /// Calls `f` with each fact of `text`, in order of `start`, without
    /// collecting them: memory for facts stays that of one block of text
    /// (64 KiB) whatever the size of `text`.
    ///
    /// ```
    /// use vntext::{DocOptions, Extractor};
    /// let mut n = 0;
    /// Extractor::new().for_each_fact("98% và 2%", &DocOptions::new(), |_| n += 1);
    /// assert_eq!(n, 2);
    /// ```
    pub fn for_each_fact(&self, text: &str, opts: &DocOptions, mut f: impl FnMut(Fact)) {
        let norm = normalize::normalize_with(text, &self.normalize);
        let ntext = norm.as_str();
        let reference = opts.reference_date;
        let dateline = if reference.is_none()
            && (self.kinds[Kind::Date.index()] || self.kinds[Kind::Period.index()])
        {
            extract::date::dateline(ntext)
        } else {
            None
        };
        let ctx = Context {
            reference: reference.or(dateline),
        };
        // News text has a token for every five bytes or so: room for one
        // per four bytes of the first block spares the doublings.
        let mut toks: Vec<Tok> = Vec::with_capacity(ntext.len().min(BLOCK) / 4);
        let mut cands = Vec::new();
        // No fact crosses a block boundary, so each block is resolved and
        // mapped back on its own.
        for (base, block) in blocks(ntext) {
            token::scan_into(block, &mut toks);
            let doc = Doc::new(block, &toks, &ctx);
            cands.clear();
            extract::run(&doc, &self.kinds, &mut cands);
            cands.retain_mut(|c| {
                c.span = Span::new(c.span.start + base, c.span.end + base);
                c.span.end <= ntext.len()
                    && ntext.is_char_boundary(c.span.start)
                    && ntext.is_char_boundary(c.span.end)
                    && !c.span.is_empty()
            });
            for fact in to_facts(resolve(std::mem::take(&mut cands)), text, norm.map()) {
                f(fact);
            }
        }
    }

    /// An iterator over the facts of `text`, in order of `start`.
    ///
    /// ```
    /// let n = vntext::Extractor::new().find_iter("98% và 2%").count();
    /// assert_eq!(n, 2);
    /// ```
    pub fn find_iter(&self, text: &str) -> Facts {
        Facts {
            inner: self.extract(text).into_iter(),
        }
    }
}

/// Iterator over the facts of one text; see [`Extractor::find_iter`].
#[derive(Clone, Debug)]
pub struct Facts {
    inner: vec::IntoIter<Fact>,
}

impl Iterator for Facts {
    type Item = Fact;

    fn next(&mut self) -> Option<Fact> {
        self.inner.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl ExactSizeIterator for Facts {}
impl core::iter::FusedIterator for Facts {}

/// `text` cut into blocks of at most [`BLOCK`] bytes at line breaks (or at
/// spaces, or at a char boundary when a line has neither).
fn blocks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    core::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let limit = start + BLOCK;
        let end = if limit >= text.len() {
            text.len()
        } else {
            let window = &text.as_bytes()[start..limit];
            match memchr::memrchr(b'\n', window).or_else(|| memchr::memrchr(b' ', window)) {
                Some(p) if p > 0 => start + p + 1,
                _ => {
                    let mut e = limit;
                    while !text.is_char_boundary(e) {
                        e -= 1;
                    }
                    e
                }
            }
        };
        let block = (start, &text[start..end]);
        start = end;
        Some(block)
    })
}

/// Tie-break between kinds for candidates of equal length: the
/// more specific reading first.
fn rank(kind: Kind) -> u8 {
    match kind {
        Kind::Document => 0,
        Kind::Date => 1,
        Kind::Period => 2,
        Kind::Money => 3,
        Kind::Ratio => 4,
        Kind::Percentage => 5,
        Kind::Quantity => 6,
        Kind::Person => 7,
    }
}

/// Keeps one reading of each piece of text: the longest first, then the
/// more specific kind. A non-person fact may sit wholly
/// inside a person fact (a date inside a title); any other overlap loses.
fn resolve(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    // Most documents have no two candidates overlapping: then every one is
    // kept, in text order, and the sets below are not needed (a page of
    // dense facts spends most of its time there otherwise).
    let apart = |c: &[Candidate]| {
        c.iter().all(|x| x.span.start < x.span.end)
            && c.windows(2).all(|w| w[0].span.end <= w[1].span.start)
    };
    if apart(&cands) {
        return cands;
    }
    // A stable sort: candidates with the same span keep their order, which
    // decides between them below.
    cands.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    if apart(&cands) {
        return cands;
    }
    // Candidates are large (a person holds strings and lists): sort their
    // indices, not them. A stable sort of indices by the same order gives
    // the permutation the stable sort of the candidates gave.
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&cands[a], &cands[b]);
        b.span
            .len()
            .cmp(&a.span.len())
            .then(rank(a.payload.kind()).cmp(&rank(b.payload.kind())))
            .then(a.span.start.cmp(&b.span.start))
    });
    // Accepted spans by class, each a set of non-overlapping spans keyed by
    // start.
    let mut persons: BTreeMap<usize, usize> = BTreeMap::new();
    let mut others: BTreeMap<usize, usize> = BTreeMap::new();
    let mut kept = Vec::with_capacity(cands.len());
    for k in order {
        let c = &cands[k];
        let is_person = c.payload.kind() == Kind::Person;
        let (same, other) = if is_person {
            (&persons, &others)
        } else {
            (&others, &persons)
        };
        if overlapping(same, c.span).next().is_some() {
            continue;
        }
        let clash = if is_person {
            // Every other fact it overlaps must lie inside it.
            overlapping(other, c.span).any(|s| !c.span.contains(s))
        } else {
            // Any person it overlaps must hold it wholly.
            overlapping(other, c.span).any(|s| !s.contains(c.span))
        };
        if clash {
            continue;
        }
        if is_person {
            persons.insert(c.span.start, c.span.end);
        } else {
            others.insert(c.span.start, c.span.end);
        }
        kept.push(k);
    }
    kept.sort_by(|&a, &b| {
        let (a, b) = (&cands[a], &cands[b]);
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    let mut slots: Vec<Option<Candidate>> = cands.into_iter().map(Some).collect();
    kept.into_iter()
        .filter_map(|k| slots.get_mut(k).and_then(Option::take))
        .collect()
}

/// The spans of a non-overlapping set that overlap `span`.
fn overlapping(set: &BTreeMap<usize, usize>, span: Span) -> impl Iterator<Item = Span> + '_ {
    let before = set
        .range(..span.start)
        .next_back()
        .map(|(&s, &e)| Span::new(s, e))
        .filter(move |s| s.overlaps(span));
    let inside = set
        .range(span.start..span.end)
        .map(|(&s, &e)| Span::new(s, e));
    before.into_iter().chain(inside)
}

fn to_facts(kept: Vec<Candidate>, original: &str, map: &OffsetMap) -> Vec<Fact> {
    kept.into_iter()
        .filter_map(|c| {
            let span = map.to_original(c.span);
            let text = original.get(span.range())?;
            Some(Fact::new(span, text, c.payload))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::{Payload, Percentage, Person};

    fn cand(s: usize, e: usize, payload: Payload) -> Candidate {
        Candidate::new(Span::new(s, e), payload)
    }

    #[test]
    fn longest_wins_and_nesting_in_persons_is_kept() {
        let pct = || Payload::Percentage(Percentage::new(1.0));
        let person = || Payload::Person(Person::new("A"));
        let kept = resolve(vec![
            cand(0, 5, pct()),
            cand(3, 10, pct()),
            cand(20, 40, person()),
            cand(25, 30, pct()),
            cand(38, 45, pct()),
        ]);
        let spans: Vec<_> = kept.iter().map(|c| (c.span.start, c.span.end)).collect();
        assert_eq!(spans, vec![(3, 10), (20, 40), (25, 30)]);
    }

    #[test]
    fn blocks_cover_the_text() {
        let line = "câu ".repeat(5000) + "\n";
        let text = line.repeat(10);
        let mut pos = 0;
        for (base, b) in blocks(&text) {
            assert_eq!(base, pos);
            assert!(b.len() <= BLOCK);
            pos += b.len();
        }
        assert_eq!(pos, text.len());
        let one = "ệ".repeat(100_000);
        assert_eq!(blocks(&one).map(|(_, b)| b.len()).sum::<usize>(), one.len());
    }
}
