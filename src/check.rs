//! Consistency checks: do the figures of a text agree with each other?
//!
//! Reports state a target and how far it was reached in two ways at once
//! (`thành lập 12/8 chi bộ, vượt 150% kế hoạch`), and give a part of a
//! whole with its share (`72 chi bộ …, số chi bộ đã tăng 34 chi bộ
//! (89,5%)`). [`check`] pairs such figures and recomputes them:
//!
//! - [`Check::RatioPercent`]: a ratio `x/y` and the percentage stated for it
//!   in the same sentence, linked by a word such as `đạt`, `vượt`, `bằng`,
//!   `chiếm` or a parenthesis. `x/y × 100` must give the percentage. After
//!   `vượt`, the percentage may also be the excess (`vượt 50%` of 12/8).
//! - [`Check::Share`] and [`Check::Growth`]: a quantity with a percentage
//!   right after it, only link words between (`34 chi bộ (89,5%)`, `30 xã,
//!   chiếm 75%`), and the whole it is a part of: the nearest earlier
//!   quantity in the same sentence counting the same thing (the same unit,
//!   or one the start of the other, or the noun after `số` in the part's
//!   clause: `số đảng viên tăng 383 đồng chí`). Approximate figures (`hơn
//!   1.700 trẻ`) are not checked. A share is part / whole; after
//!   `tăng` or `giảm` the part is a change, and part / (whole − part) (the
//!   whole is the new total) or part / whole (the whole is the old one) must
//!   give the percentage.
//! - [`Check::PartExceedsWhole`]: a part announced right after its whole by
//!   `trong đó` or `gồm` (`40 xã, trong đó 45 xã`) cannot be larger than it.
//!
//! A stated percentage agrees when the computed one rounds or truncates to
//! it at the precision written (`143,8` stands for 143.75 to 143.85, or for
//! 143.8 to 143.9 truncated); a qualifier widens that (`trên 90%` agrees
//! with anything above 90).
//!
//! ```
//! use vntext::check::{check_text, Check};
//!
//! let text = "Đảng ủy thành lập 12/8 chi bộ, vượt 150% kế hoạch. \
//!             Kết nạp 69/48 đảng viên mới, đạt 143,8 % kế hoạch. \
//!             Công đoàn kết nạp 10/8 đoàn viên, đạt 150% kế hoạch.";
//! let findings = check_text(text);
//! assert_eq!(findings.len(), 3);
//! assert!(findings.iter().all(|f| f.check() == Check::RatioPercent));
//! assert!(findings[0].agrees());
//! assert!(findings[1].agrees());
//! assert!(!findings[2].agrees());
//! assert_eq!(findings[2].computed(), 125.0);
//! assert_eq!(findings[2].stated(), 150.0);
//! ```

use core::fmt;

use crate::fact::{Payload, Qualifier};
use crate::lexicon::chars::{eq_word, lower, split_tone};
use crate::{Fact, Kind, Span};

/// Which relation a [`Finding`] checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Check {
    /// A ratio `x/y` against the percentage stated for it.
    RatioPercent,
    /// A part against its whole, as a share (`chiếm 40%`).
    Share,
    /// A change (`tăng 34`) against its whole, as a growth rate.
    Growth,
    /// A part larger than the whole it is said to be part of.
    PartExceedsWhole,
}

impl Check {
    /// A short name: `ratio-percent`, `share`, `growth`,
    /// `part-exceeds-whole`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Check::RatioPercent => "ratio-percent",
            Check::Share => "share",
            Check::Growth => "growth",
            Check::PartExceedsWhole => "part-exceeds-whole",
        }
    }
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One pairing of figures and whether they agree.
///
/// ```
/// let text = "Tỉnh có 40 xã, trong đó 45 xã đạt chuẩn.";
/// let f = &vntext::check::check_text(text)[0];
/// assert_eq!(f.check(), vntext::check::Check::PartExceedsWhole);
/// assert!(!f.agrees());
/// assert_eq!(&text[f.subject().range()], "45 xã");
/// assert_eq!(&text[f.whole().unwrap().range()], "40 xã");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    check: Check,
    subject: Span,
    whole: Option<Span>,
    percentage: Option<Span>,
    stated: f64,
    computed: f64,
    agrees: bool,
    note: String,
}

impl Finding {
    /// Which relation was checked.
    pub fn check(&self) -> Check {
        self.check
    }

    /// The ratio or the part: its span in the text.
    pub fn subject(&self) -> Span {
        self.subject
    }

    /// The whole the part was compared with, if any.
    pub fn whole(&self) -> Option<Span> {
        self.whole
    }

    /// The stated percentage, if the check compares with one.
    pub fn percentage(&self) -> Option<Span> {
        self.percentage
    }

    /// What the text states: the percentage, or for
    /// [`Check::PartExceedsWhole`] the whole.
    pub fn stated(&self) -> f64 {
        self.stated
    }

    /// What the figures give: the percentage recomputed (the reading
    /// closest to the stated one), or the part.
    pub fn computed(&self) -> f64 {
        self.computed
    }

    /// Whether the stated and computed figures agree within rounding.
    pub fn agrees(&self) -> bool {
        self.agrees
    }
}

impl fmt::Display for Finding {
    /// `agrees|DISAGREES <check>: <note>`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verdict = if self.agrees { "agrees" } else { "DISAGREES" };
        write!(f, "{verdict} {}: {}", self.check, self.note)
    }
}

/// Checks the figures of `facts`, extracted from `text` (their spans index
/// `text`). Findings come in the order of their subject.
///
/// ```
/// let text = "Toàn khối hiện có 72 chi bộ với 796 đảng viên, trong nhiệm kỳ số chi bộ tăng 34 chi bộ (89,5%).";
/// let facts = vntext::extract(text);
/// let findings = vntext::check::check(text, &facts);
/// assert_eq!(findings.len(), 1);
/// assert_eq!(findings[0].check(), vntext::check::Check::Growth);
/// assert!(findings[0].agrees()); // 34 / (72 − 34) = 89.47 %
/// ```
pub fn check(text: &str, facts: &[Fact]) -> Vec<Finding> {
    let mut facts: Vec<&Fact> = facts
        .iter()
        .filter(|f| text.get(f.span().range()).is_some())
        .collect();
    facts.sort_by_key(|f| (f.start(), f.end()));
    let mut out = Vec::new();
    ratio_percent(text, &facts, &mut out);
    part_percent(text, &facts, &mut out);
    part_exceeds_whole(text, &facts, &mut out);
    out.sort_by_key(|f| (f.subject.start, f.check as u8));
    out
}

/// Extracts the facts of `text` with the default extractor and checks them.
///
/// ```
/// let findings = vntext::check::check_text("Hoàn thành 9/10 chỉ tiêu, đạt 90%.");
/// assert!(findings[0].agrees());
/// ```
pub fn check_text(text: &str) -> Vec<Finding> {
    check(text, &crate::extract(text))
}

/// How far a stated percentage may lie from the computed one and still
/// agree.
fn agrees(stated: f64, text: &str, qualifier: Option<Qualifier>, computed: f64) -> bool {
    let unit = 10f64.powi(-(decimals(text) as i32));
    let eps = 1e-9;
    let rounded = (computed - stated).abs() <= unit / 2.0 + eps;
    let truncated = computed >= stated - eps && computed < stated + unit;
    match qualifier {
        Some(Qualifier::Over | Qualifier::AtLeast) => computed >= stated - unit / 2.0 - eps,
        Some(Qualifier::Under | Qualifier::AtMost) => computed <= stated + unit / 2.0 + eps,
        Some(Qualifier::About) => (computed - stated).abs() <= unit.max(1.0) + eps,
        _ => rounded || truncated,
    }
}

/// Decimals written in a percentage's text (`143,8 %` → 1).
fn decimals(text: &str) -> usize {
    let b = text.as_bytes();
    // The last run of digits, and the separator before it.
    let Some(end) = b.iter().rposition(u8::is_ascii_digit) else {
        return 0;
    };
    let mut start = end;
    while start > 0 && b[start - 1].is_ascii_digit() {
        start -= 1;
    }
    let run = end + 1 - start;
    let decimal_mark = start >= 2
        && b[start - 2].is_ascii_digit()
        && (b[start - 1] == b',' || (b[start - 1] == b'.' && run != 3));
    if decimal_mark {
        run
    } else {
        0
    }
}

/// Whether a sentence ends in `text[a..b]`.
fn sentence_break(text: &str, a: usize, b: usize) -> bool {
    let Some(gap) = text.get(a..b) else {
        return true;
    };
    let bytes = text.as_bytes();
    gap.char_indices().any(|(i, c)| {
        let after = bytes.get(a + i + c.len_utf8()).copied();
        c == '\n'
            || c == '\u{2029}'
            || (matches!(c, '.' | '!' | '?' | ';' | '…')
                && after.is_none_or(|n| n.is_ascii_whitespace() || n >= 0x80))
    })
}

/// The words of a piece of text, normalised and lower-cased.
fn words(text: &str) -> Vec<String> {
    let norm = crate::normalize::normalize(text);
    norm.as_str()
        .split(|c: char| !(c.is_alphanumeric() || crate::lexicon::chars::is_mark(c)))
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().map(lower).collect())
        .collect()
}

/// Whether `words` holds `phrase` (space-separated words, compared as
/// `eq_word` does).
fn has_phrase(words: &[String], phrase: &str) -> bool {
    let parts: Vec<&str> = phrase.split(' ').collect();
    words
        .windows(parts.len())
        .any(|w| w.iter().zip(&parts).all(|(a, b)| eq_word(a, b)))
}

/// Words that tie a percentage to the figure before it.
const LINKS: &[&str] = &[
    "đạt",
    "vượt",
    "bằng",
    "chiếm",
    "tương đương",
    "tỷ lệ",
    "tỉ lệ",
    "hoàn thành",
    "là",
];

fn linked(gap: &str, gap_words: &[String]) -> bool {
    gap.contains('(') || gap.contains('=') || LINKS.iter().any(|l| has_phrase(gap_words, l))
}

/// Whether every word is a link word (or part of one).
fn only_links(words: &[String]) -> bool {
    words.iter().all(|w| {
        LINKS
            .iter()
            .any(|l| l.split(' ').any(|part| eq_word(w, part)))
    })
}

/// Whether a quantity is approximate (`hơn`, `khoảng`, `gần` …).
fn qualified(f: &Fact) -> bool {
    matches!(f.payload(), Payload::Quantity(q) if q.qualifier.is_some())
}

/// Whether two units count the same thing: equal, or one the start of the
/// other (`ca` and `ca mắc`, `chi bộ` and `Chi bộ`), ignoring case and tone
/// marks. `ca mắc` and `ca tử vong` differ.
fn same_thing(a: &str, b: &str) -> bool {
    let fold = |u: &str| -> Vec<String> {
        u.split_whitespace()
            .map(|w| w.chars().map(|c| split_tone(c).0).collect())
            .collect()
    };
    let (a, b) = (fold(a), fold(b));
    let n = a.len().min(b.len());
    n > 0 && a[..n] == b[..n]
}

fn percentage_of(f: &Fact) -> Option<(f64, Option<Qualifier>)> {
    match f.payload() {
        Payload::Percentage(p) => Some((p.value, p.qualifier)),
        _ => None,
    }
}

fn ratio_percent(text: &str, facts: &[&Fact], out: &mut Vec<Finding>) {
    const REACH: usize = 200;
    for (k, r) in facts.iter().enumerate() {
        let Payload::Ratio(ratio) = r.payload() else {
            continue;
        };
        if ratio.target == 0.0 {
            continue;
        }
        for p in &facts[k + 1..] {
            if p.start() < r.end() {
                continue;
            }
            if p.start() - r.end() > REACH
                || p.kind() == Kind::Ratio
                || sentence_break(text, r.end(), p.start())
            {
                break;
            }
            let Some((stated, qualifier)) = percentage_of(p) else {
                continue;
            };
            let gap = &text[r.end()..p.start()];
            let gap_words = words(gap);
            if !linked(gap, &gap_words) {
                break;
            }
            let computed = ratio.achieved / ratio.target * 100.0;
            // `vượt 50%`: exceeded by 50 %, or reached 150 %.
            let p_words = words(p.text());
            let exceeded = gap_words.last().is_some_and(|w| eq_word(w, "vượt"))
                || p_words.first().is_some_and(|w| eq_word(w, "vượt"));
            let qualifier = if exceeded { None } else { qualifier };
            let mut readings = vec![computed];
            if exceeded {
                readings.push(computed - 100.0);
            }
            let best = closest(&readings, stated);
            let ok = readings
                .iter()
                .any(|&c| agrees(stated, p.text(), qualifier, c));
            out.push(Finding {
                check: Check::RatioPercent,
                subject: r.span(),
                whole: None,
                percentage: Some(p.span()),
                stated,
                computed: round(best),
                agrees: ok,
                note: format!(
                    "{} gives {}%, stated {}",
                    r.text(),
                    show(round(best)),
                    p.text()
                ),
            });
            break;
        }
    }
}

fn closest(readings: &[f64], stated: f64) -> f64 {
    readings
        .iter()
        .copied()
        .min_by(|a, b| (a - stated).abs().total_cmp(&(b - stated).abs()))
        .unwrap_or(f64::NAN)
}

/// Rounds to two decimals for display.
fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

fn show(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The first syllable of a unit, folded (lower case, no tone mark).
fn head(unit: &str) -> String {
    unit.split_whitespace()
        .next()
        .unwrap_or("")
        .chars()
        .map(|c| split_tone(c).0)
        .collect()
}

fn quantity_of(f: &Fact) -> Option<(f64, &str)> {
    match f.payload() {
        Payload::Quantity(q) => Some((q.value, q.unit.as_str())),
        _ => None,
    }
}

/// The start of the clause holding `at`: after the last sentence or clause
/// break (`,` `;` `.` `(` or a line) within `reach` bytes.
fn clause_start(text: &str, at: usize, reach: usize) -> usize {
    let mut from = at.saturating_sub(reach);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    match text[from..at].rfind([',', ';', '.', '(', '\n']) {
        Some(i) => from + i + 1,
        None => from,
    }
}

fn part_percent(text: &str, facts: &[&Fact], out: &mut Vec<Finding>) {
    const NEAR: usize = 48;
    const WHOLE_REACH: usize = 400;
    for (k, q) in facts.iter().enumerate() {
        let Some((part, unit)) = quantity_of(q) else {
            continue;
        };
        // A percentage right after the part.
        let Some(p) = facts[k + 1..].iter().find(|f| f.start() >= q.end()) else {
            continue;
        };
        let Some((stated, qualifier)) = percentage_of(p) else {
            continue;
        };
        if p.start() - q.end() > NEAR || sentence_break(text, q.end(), p.start()) {
            continue;
        }
        // Only link words between: `34 chi bộ (89,5%)`, `30 xã, chiếm 75%`;
        // not `(giảm 2,4% so với …)`, a change of the part itself.
        let gap = &text[q.end()..p.start()];
        let gap_words = words(gap);
        if !linked(gap, &gap_words) || !only_links(&gap_words) {
            continue;
        }
        // Approximate figures (`hơn 1.700 trẻ`) cannot be checked to the
        // rounding of the percentage.
        if qualified(q) {
            continue;
        }
        // The clause before the part: growth words and the counted subject.
        let clause = words(&text[clause_start(text, q.start(), 80)..q.start()]);
        let growth = clause.iter().rev().take(4).find_map(|w| {
            if eq_word(w, "tăng") {
                Some(1.0)
            } else if eq_word(w, "giảm") {
                Some(-1.0)
            } else {
                None
            }
        });
        let subject = clause
            .iter()
            .position(|w| eq_word(w, "số"))
            .and_then(|i| clause.get(i + 1))
            .map(|w| head(w));
        // The whole: the nearest earlier quantity of the same thing in the
        // sentence.
        let whole = facts[..k]
            .iter()
            .rev()
            .take_while(|w| w.end() + WHOLE_REACH >= q.start())
            .find(|w| {
                w.end() <= q.start()
                    && !sentence_break(text, w.end(), q.start())
                    && quantity_of(w).is_some_and(|(v, u)| {
                        (same_thing(u, unit) || subject.as_deref() == Some(head(u).as_str()))
                            && (growth.is_some() || v >= part)
                    })
            });
        let Some(whole) = whole else {
            continue;
        };
        let Some((total, _)) = quantity_of(whole) else {
            continue;
        };
        if qualified(whole) {
            continue;
        }
        let (check, readings) = match growth {
            Some(sign) => {
                let before = total - sign * part;
                let mut r = vec![part / total * 100.0];
                if before > 0.0 {
                    r.push(part / before * 100.0);
                }
                (Check::Growth, r)
            }
            None => (Check::Share, vec![part / total * 100.0]),
        };
        if !readings.iter().all(|r| r.is_finite()) {
            continue;
        }
        let best = closest(&readings, stated);
        let ok = readings
            .iter()
            .any(|&c| agrees(stated, p.text(), qualifier, c));
        out.push(Finding {
            check,
            subject: q.span(),
            whole: Some(whole.span()),
            percentage: Some(p.span()),
            stated,
            computed: round(best),
            agrees: ok,
            note: format!(
                "{} of {} gives {}%, stated {}",
                q.text(),
                whole.text(),
                show(round(best)),
                p.text()
            ),
        });
    }
}

fn part_exceeds_whole(text: &str, facts: &[&Fact], out: &mut Vec<Finding>) {
    const NEAR: usize = 48;
    for (k, w) in facts.iter().enumerate() {
        let Some((total, unit)) = quantity_of(w) else {
            continue;
        };
        // The whole is announced as such right after it: `40 xã, trong đó`,
        // `40 xã gồm`.
        let Some(q) = facts[k + 1..].iter().find(|f| f.start() >= w.end()) else {
            continue;
        };
        let Some((part, u)) = quantity_of(q) else {
            continue;
        };
        if q.start() - w.end() > NEAR
            || sentence_break(text, w.end(), q.start())
            || !same_thing(u, unit)
            || qualified(w)
        {
            continue;
        }
        let between = words(&text[w.end()..q.start()]);
        let announced = ["trong đó", "trong số đó", "gồm", "bao gồm"]
            .iter()
            .any(|p| {
                let n = p.split(' ').count();
                between.len() >= n && has_phrase(&between[..n], p)
            });
        if announced && part > total {
            out.push(Finding {
                check: Check::PartExceedsWhole,
                subject: q.span(),
                whole: Some(w.span()),
                percentage: None,
                stated: total,
                computed: part,
                agrees: false,
                note: format!("part {} is larger than the whole {}", q.text(), w.text()),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdicts(text: &str) -> Vec<(Check, bool)> {
        check_text(text)
            .iter()
            .map(|f| (f.check(), f.agrees()))
            .collect()
    }

    #[test]
    fn ratios_and_their_percentages() {
        assert_eq!(
            verdicts("Đảng ủy thành lập 12/8 chi bộ trong doanh nghiệp, vượt 150% kế hoạch."),
            vec![(Check::RatioPercent, true)]
        );
        assert_eq!(
            verdicts("Cả năm chi bộ kết nạp 69/48 đảng viên, tương đương 143,8 % kế hoạch năm."),
            vec![(Check::RatioPercent, true)]
        );
        assert_eq!(
            verdicts("Thành lập 10/8 chi bộ, vượt 150% kế hoạch."),
            vec![(Check::RatioPercent, false)]
        );
        // Exceeded by 50 %.
        assert_eq!(
            verdicts("Thành lập 12/8 chi bộ, vượt 50% kế hoạch."),
            vec![(Check::RatioPercent, true)]
        );
        // Truncated rather than rounded: 2/3 = 66.67 written 66,6.
        assert_eq!(
            verdicts("Có 2/3 xã hoàn thành, đạt 66,6%."),
            vec![(Check::RatioPercent, true)]
        );
        // A percentage in another sentence or of something else is not
        // paired.
        assert!(verdicts("Có 9/10 xã đạt chuẩn. Tỷ lệ hộ nghèo là 3%.").is_empty());
    }

    #[test]
    fn parts_and_wholes() {
        let text = "Toàn khối hiện có 72 chi bộ với 796 đảng viên, trong nhiệm kỳ số chi bộ tăng 34 chi bộ (89,5%), \
                    còn số đảng viên tăng 383 đồng chí (92,7%) kể từ khi mới lập.";
        let f = check_text(text);
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(
            f.iter().all(|f| f.check() == Check::Growth && f.agrees()),
            "{f:?}"
        );
        assert_eq!(&text[f[1].whole().unwrap().range()], "796 đảng viên");
        assert_eq!(
            verdicts("Huyện có 40 xã, trong đó 30 xã (75%) đạt chuẩn."),
            vec![(Check::Share, true)]
        );
        assert_eq!(
            verdicts("Huyện có 40 xã, trong đó 30 xã (60%) đạt chuẩn."),
            vec![(Check::Share, false)]
        );
        assert_eq!(
            verdicts("Tỉnh có 40 xã, trong đó 45 xã đạt chuẩn."),
            vec![(Check::PartExceedsWhole, false)]
        );
    }

    #[test]
    fn precision_written() {
        assert_eq!(decimals("143,8 %"), 1);
        assert_eq!(decimals("trên 98%"), 0);
        assert_eq!(decimals("89,47%"), 2);
        assert_eq!(decimals("năm mươi phần trăm"), 0);
        assert!(agrees(143.8, "143,8 %", None, 143.75));
        assert!(!agrees(143.8, "143,8 %", None, 143.7));
        assert!(agrees(98.0, "trên 98%", Some(Qualifier::Over), 99.5));
        assert!(!agrees(98.0, "trên 98%", Some(Qualifier::Over), 90.0));
    }
}
