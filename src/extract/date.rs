//! `date` facts: dates, times and parts of day.
//!
//! Not implemented yet: this extractor finds nothing.

use super::{Candidate, Doc};
use crate::PartialDate;

pub(crate) fn find(_doc: &Doc<'_>, _out: &mut Vec<Candidate>) {}

/// The document's own publication date (`Ngày đăng 10/03/2023`, a first-line
/// date), which relative dates resolve against when the caller gives none.
pub(crate) fn dateline(_text: &str) -> Option<PartialDate> {
    None
}
