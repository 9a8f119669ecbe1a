//! `period` facts: quarters, halves, terms and ranges.
//!
//! `quý I năm 2023` → `2023-01-01`..`2023-03-31` (quarter); `6 tháng đầu
//! năm 2023` → `2023-01-01`..`2023-06-30` (half); `nhiệm kỳ 2020 -2025` →
//! `2020`..`2025` (term); `giai đoạn 2020-2023`, `2020 - 2023`, `từ ngày 1/3
//! đến ngày 5/3/2023`, `30/4 - 1/5`, `tháng 1-3/2023` (range, month). The
//! grammar is shared with the `date` kind in [`super::time`]; a period's
//! ends keep the precision written and are not resolved against the
//! reference date, except `đến nay` ("until now").

use super::{Candidate, Doc};

pub(crate) fn find(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    super::time::find(doc, false, true, out);
}
