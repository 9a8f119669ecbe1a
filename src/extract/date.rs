//! `date` facts: dates, times and parts of day.
//!
//! `Sáng ngày 09/03/2023` → `2023-03-09`, morning; `10/03/2023 | 14:49` →
//! `2023-03-10` at 14:49; `tháng 3/2023` → `2023-03`; `Năm 2023` → `2023`;
//! `chiều 10/3` → `--03-10` (or the full date, `inferred`, when a reference
//! date gives the year); `hôm qua`, `sáng nay`, `năm ngoái` against the
//! reference date, `chiều cùng ngày` against the last date written; `mùng 1
//! Tết`, `15/8 âm lịch` in the lunar calendar, as written. The grammar is
//! shared with the `period` kind in [`super::time`].
//!
//! [`dateline`] finds the document's own publication date, which stands in
//! for the reference date when the caller gives none.

use super::time::{scan, Expr};
use super::{Candidate, Context, Doc};
use crate::token::{scan_into, Tok};
use crate::{PartialDate, Span};

use memchr::memmem::Finder;
use std::sync::LazyLock;

pub(crate) fn find(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    super::time::find(doc, true, false, out);
}

/// Words that introduce a publication stamp (`Ngày đăng 10/03/2023 |
/// 14:49`, `Cập nhật: 10:20 15/4/2025`, `Đăng lúc …`, `Xuất bản …`), looked
/// for as bytes; the date must follow within a few tokens.
const MARKERS: [&str; 7] = [
    "gày đăng",
    "GÀY ĐĂNG",
    "ập nhật",
    "ẬP NHẬT",
    "ăng lúc",
    "ăng ngày",
    "uất bản",
];

static FINDERS: LazyLock<Vec<Finder<'static>>> =
    LazyLock::new(|| MARKERS.iter().map(|m| Finder::new(m.as_bytes())).collect());

/// At most this many occurrences of each marker, and of clock times, are
/// looked at, so that the search stays linear in the text.
const MAX_HITS: usize = 32;

/// How much of the start and of the end of a text the dateline is looked
/// for in.
const HEAD: usize = 4096;
const TAIL: usize = 1024;

/// A dateline after a publication marker (`Ngày đăng`, `Cập nhật` …) only.
fn dateline_markers(text: &str) -> Option<PartialDate> {
    let mut toks = Vec::new();
    for finder in FINDERS.iter() {
        for pos in finder.find_iter(text.as_bytes()).take(MAX_HITS) {
            let from = pos + finder.needle().len();
            let (_, window) = slice(text, from, from + 120);
            if let Some(d) = first_date(window, &mut toks, |_, start, _| start <= 6) {
                return Some(d);
            }
        }
    }
    None
}

/// The document's own publication date (`Ngày đăng 10/03/2023`, a stamp
/// `18:43 15/04/2025`, a first-line date), which relative dates resolve
/// against when the caller gives none.
///
/// In order: a date right after a publication marker; a full date joined to
/// a clock time with nothing but `|`, `,` or `-` between (how news sites
/// print their stamps); a date among the first tokens of the first line (the
/// lead: `(BĐ) - Chiều 22.4, …`, `Ngày 27/04/2021, …`). A date without year
/// still anchors `hôm qua` and `sáng nay`.
pub(crate) fn dateline(text: &str) -> Option<PartialDate> {
    // A dateline stands near the top of an article (or, on some sites, at
    // its foot): look there only, so a long text costs no more than a short
    // one.
    if text.len() > HEAD + TAIL {
        let (_, head) = slice(text, 0, HEAD);
        if let Some(d) = dateline(head) {
            return Some(d);
        }
        let (_, tail) = slice(text, text.len() - TAIL, text.len());
        return dateline_markers(tail);
    }
    if let Some(d) = dateline_markers(text) {
        return Some(d);
    }
    let mut toks = Vec::new();
    let bytes = text.as_bytes();
    let clocks = memchr::memchr_iter(b':', bytes)
        .filter(|&p| {
            p > 0
                && bytes[p - 1].is_ascii_digit()
                && bytes.get(p + 1).is_some_and(u8::is_ascii_digit)
                && bytes.get(p + 2).is_some_and(u8::is_ascii_digit)
        })
        .take(MAX_HITS);
    for p in clocks {
        let from = p.saturating_sub(40);
        let (base, window) = slice(text, from, p + 60);
        let found = first_date(window, &mut toks, |d, _, span: Span| {
            d.year().is_some()
                && d.day().is_some()
                && (base + span.start..base + span.end).contains(&p)
                && stamp_only(&window[span.range()])
        });
        if let Some(d) = found {
            return Some(d);
        }
    }
    let start = text.len() - text.trim_start().len();
    let line_end = memchr::memchr(b'\n', &bytes[start..]).map_or(text.len(), |e| start + e);
    let (_, lead) = slice(text, start, line_end.min(start + 160));
    first_date(lead, &mut toks, |d, start, _| {
        start < 8 && d.day().is_some()
    })
}

/// `text[from..to]` with its offset, both ends moved onto char boundaries
/// and the start moved past a partial token.
fn slice(text: &str, from: usize, to: usize) -> (usize, &str) {
    let mut to = to.min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let mut from = from.min(to);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    if from > 0 && !text[..from].ends_with(char::is_whitespace) {
        // Start after the token that the window cuts.
        if let Some(sp) = text[from..to].find(char::is_whitespace) {
            from += sp;
        }
    }
    (from, &text[from..to])
}

/// A stamp is digits and separators only (`10/03/2023 | 14:49`, `18:43
/// 15/04/2025`, `10/3/2023, 14:49 (GMT+7)`), not `lúc 14:30 ngày 10/3/2023`
/// inside a story.
fn stamp_only(span: &str) -> bool {
    span.replace("GMT", "").chars().all(|c| !c.is_alphabetic())
}

/// The first date of `window` (tokenised into `toks`) that `keep` accepts,
/// given its value, its first token's index and its span in the window.
fn first_date(
    window: &str,
    toks: &mut Vec<Tok>,
    keep: impl Fn(PartialDate, usize, Span) -> bool,
) -> Option<PartialDate> {
    scan_into(window, toks);
    let ctx = Context::default();
    let doc = Doc::new(window, toks, &ctx);
    let mut found = None;
    scan(&doc, |f| {
        if found.is_some() {
            return;
        }
        if let Expr::Date(d) = f.expr {
            let span = doc.span(f.start, f.end);
            if d.calendar.is_none() && keep(d.value, f.start, span) {
                found = Some(d.value);
            }
        }
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(text: &str) -> Option<String> {
        dateline(text).map(|d| d.to_string())
    }

    #[test]
    fn datelines() {
        assert_eq!(
            dl("Tin tức\n\nTiêu đề\nNgày đăng 10/03/2023 | 14:49 | Lượt xem: 12\n\nSáng ngày 09/03/2023, …"),
            Some("2023-03-10".into())
        );
        assert_eq!(
            dl("Tiêu đề bài viết\nPV | 07:20 02/06/2024 Hội thi cấp huyện được tổ chức"),
            Some("2024-06-02".into())
        );
        assert_eq!(
            dl("Thứ sáu, 10/3/2023, 14:49 (GMT+7)\nHà Nội hôm nay …"),
            Some("2023-03-10".into())
        );
        assert_eq!(
            dl("(BĐ) - Chiều 22.4, Ủy ban tỉnh làm việc với huyện."),
            Some("--04-22".into())
        );
        assert_eq!(
            dl("Ngày 27/04/2021, nhà mạng khai trương dịch vụ."),
            Some("2021-04-27".into())
        );
        // A story time is no stamp; a date deep in the first line is no lead.
        assert_eq!(
            dl("Một tiêu đề\nVụ việc xảy ra lúc 14:30 ngày 10/3/2023 tại xã."),
            None
        );
        assert_eq!(
            dl("Hình ảnh chụp tại bệnh viện của huyện miền núi phía bắc ngày 30/12/2020 cho thấy"),
            None
        );
        assert_eq!(dl("Cập nhật thông tin mới nhất về dịch bệnh."), None);
        assert_eq!(dl(""), None);
    }
}
