//! `quantity` facts: counted nouns and measures.
//!
//! Not implemented yet: this extractor finds nothing.

use super::{Candidate, Doc};

pub(crate) fn find(_doc: &Doc<'_>, _out: &mut Vec<Candidate>) {}
