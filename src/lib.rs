//! Vietnamese news text into structured, checkable facts.
//!
//! `vntext` reads Vietnamese news text and finds dates and periods, people
//! with their titles, directive and legal-document numbers, percentages,
//! `x/y` targets, money and counted quantities. Every fact carries byte
//! offsets into **your** text, whatever normalisation ran inside (NFC,
//! no-break spaces, smart quotes, legacy encodings).
//!
//! ```
//! let text = "Đảng ủy đạt 143,8 % kế hoạch, tỷ lệ tham gia trên 98%.";
//! let facts = vntext::extract(text);
//!
//! assert_eq!(facts.len(), 2);
//! assert_eq!((facts[0].start(), facts[0].end()), (20, 27));
//! assert_eq!(facts[0].text(), "143,8 %");
//! assert_eq!(&text[facts[1].start()..facts[1].end()], "trên 98%");
//! ```
//!
//! # The pipeline
//!
//! [`normalize`] → [`token`] → one extractor per [`Kind`] → overlap
//! resolution (one piece of input belongs to one fact; the longest, most
//! specific reading wins) → spans mapped back to the caller's bytes. Build an
//! [`Extractor`] once to choose kinds and options, and reuse it:
//!
//! ```
//! use vntext::{Extractor, Kind};
//!
//! let ex = Extractor::builder().kinds(&[Kind::Percentage]).build();
//! for fact in ex.find_iter("tăng 89,5% so với năm trước") {
//!     println!("{} {} {}", fact.kind(), fact.span(), fact.text());
//! }
//! ```
//!
//! # Features
//!
//! - `serde`: facts serialise to the JSON of `SPEC.md` (`kind`, `start`,
//!   `end`, `text`, then the kind's fields).
//! - `cli`: the `vntext` command-line tool (`extract`, `annotate`, …).

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod check;
mod error;
mod extract;
mod extractor;
pub mod fact;
pub mod html;
#[cfg(feature = "cli")]
pub mod jsonl;
pub mod lexicon;
pub mod normalize;
pub mod people;
mod span;
pub mod token;

pub use error::Error;
pub use extract::number;
pub use extractor::{DocOptions, Extractor, ExtractorBuilder, Facts};
pub use fact::{Fact, Kind, PartialDate};
pub use people::people;
pub use span::Span;

/// All facts of `text` with the default [`Extractor`].
///
/// ```
/// let facts = vntext::extract("đạt 98 phần trăm");
/// assert_eq!(facts[0].text(), "98 phần trăm");
/// ```
pub fn extract(text: &str) -> Vec<Fact> {
    static DEFAULT: std::sync::LazyLock<Extractor> = std::sync::LazyLock::new(Extractor::new);
    DEFAULT.extract(text)
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
