//! `person` facts: names with titles and honorifics.
//!
//! Not implemented yet: this extractor finds nothing.

use super::{Candidate, Doc};

pub(crate) fn find(_doc: &Doc<'_>, _out: &mut Vec<Candidate>) {}
