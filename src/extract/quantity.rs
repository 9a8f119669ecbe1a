//! `quantity` facts: a number and what it counts or measures: `90 đại
//! biểu`, `05 cá nhân`, `3 triệu người`, `100 ha`, `2ha`, `hơn 400 nhà
//! nghiên cứu`, `4 - 5 thiết bị`.
//!
//! The number is read by [`number`](super::number) (digits, magnitudes,
//! words); what follows must be a counted noun
//! (`src/lexicon/data/counted_nouns.txt`) or a unit of measure
//! (`src/lexicon/data/units.txt`). The unit of the fact is the longest
//! listed phrase, as written. A qualifier before the number joins the fact
//! (`trên 730 ha` → over), and a range (`4 - 5 thiết bị`) is one fact whose
//! value is its upper bound.
//!
//! Not quantities: durations (`5 năm`, `3 tháng`, `7 ngày`: their nouns are
//! not listed), numbers after a label (`số 5`, `lần thứ 3`, `Điều 5`,
//! `lớp 10`), clock times, codes and names (`U23`, `5G`), and a number in
//! words that is one bare digit where it reads otherwise (`một người` is
//! "a person", `tháng năm`, `thứ hai`). Numbers inside longer facts (money,
//! ratios, dates) lose to them when overlaps are resolved.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::number::{amount_at, parse_digits, words_can_count, Num};
use super::{qualifier_before, Candidate, Doc};
use crate::fact::{Payload, Quantity};
use crate::lexicon::chars::{eq_word, split_tone};
use crate::lexicon::data_lines;
use crate::token::TokenKind;

/// FNV-1a: the keys are short words, and the default hasher's resistance to
/// collision attacks is not needed for a fixed list.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Phrases by the folded form of their first word, then by that word as
/// written: its other words and the value, longest first.
type ByFirst<V> = HashMap<String, Vec<(String, Vec<(Vec<String>, V)>)>, BuildHasherDefault<Fnv>>;

/// A list of phrases, found by their first word: the longest phrase at a
/// token wins. Matching ignores case and tone placement; a phrase may not
/// run over a line break.
pub(crate) struct Phrases<V> {
    by_first: ByFirst<V>,
    longest: usize,
}

/// The lookup key of a word: lower case without tone marks, in `buf`.
fn fold<'b>(word: &str, buf: &'b mut [u8; 48]) -> Option<&'b str> {
    let mut n = 0;
    for c in word.chars() {
        let (base, _) = split_tone(c);
        let l = base.len_utf8();
        if n + l > buf.len() {
            return None;
        }
        base.encode_utf8(&mut buf[n..]);
        n += l;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

impl<V> Phrases<V> {
    /// Builds the list from `(phrase, value)` pairs; a phrase is cut into
    /// tokens as the tokeniser does (`km/h` is three).
    pub(crate) fn new(items: impl IntoIterator<Item = (&'static str, V)>) -> Phrases<V> {
        let mut by_first: ByFirst<V> = HashMap::default();
        let mut longest = 0;
        for (phrase, value) in items {
            let parts: Vec<String> = crate::token::syllables(phrase)
                .filter(|t| !t.kind().is_space())
                .map(|t| t.as_str().to_string())
                .collect();
            let Some(first) = parts.first() else { continue };
            let mut buf = [0u8; 48];
            let Some(key) = fold(first, &mut buf) else {
                continue;
            };
            longest = longest.max(parts.len());
            let groups = by_first.entry(key.to_string()).or_default();
            let rest = parts[1..].to_vec();
            match groups.iter_mut().find(|(w, _)| eq_word(w, first)) {
                Some((_, list)) => list.push((rest, value)),
                None => groups.push((first.clone(), vec![(rest, value)])),
            }
        }
        for groups in by_first.values_mut() {
            for (_, list) in groups.iter_mut() {
                list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
            }
        }
        Phrases { by_first, longest }
    }

    /// The longest phrase starting at token `i`: its value and the index
    /// past it.
    pub(crate) fn longest_at(&self, doc: &Doc<'_>, i: usize) -> Option<(&V, usize)> {
        let mut buf = [0u8; 48];
        let key = fold(doc.s(i), &mut buf)?;
        let groups = self.by_first.get(key)?;
        let word = doc.s(i);
        let (_, list) = groups
            .iter()
            .find(|(first, _)| first == word || eq_word(word, first))?;
        list.iter().find_map(|(rest, v)| {
            let ok = rest.iter().enumerate().all(|(k, p)| {
                let j = i + 1 + k;
                j < doc.len() && !doc.line_before(j) && {
                    let w = doc.s(j);
                    w == p || eq_word(w, p)
                }
            });
            ok.then_some((v, i + 1 + rest.len()))
        })
    }

    /// The longest phrase ending just before token `i`: its value and the
    /// index of its first token.
    pub(crate) fn longest_before(&self, doc: &Doc<'_>, i: usize) -> Option<(&V, usize)> {
        if doc.line_before(i) {
            // A phrase on the previous line does not lead into this token.
            return None;
        }
        (1..=self.longest.min(i)).rev().find_map(|n| {
            let start = i - n;
            match self.longest_at(doc, start) {
                Some((v, end)) if end == i => Some((v, start)),
                _ => None,
            }
        })
    }
}

/// What a listed phrase after a number is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Noun {
    /// A counted noun: `đại biểu`, `chi bộ`, `chiếc`.
    Counted,
    /// A unit of measure: `ha`, `tấn`, `km`. May be glued to the number.
    Unit,
    /// Begins like a counted noun but is not one: `dân số`, `người ta`.
    Not,
}

static NOUNS: LazyLock<Phrases<Noun>> = LazyLock::new(|| {
    let counted = data_lines(include_str!("../lexicon/data/counted_nouns.txt")).map(|l| {
        match l.strip_prefix('!') {
            Some(p) => (p, Noun::Not),
            None => (l, Noun::Counted),
        }
    });
    let units = data_lines(include_str!("../lexicon/data/units.txt")).map(|l| (l, Noun::Unit));
    Phrases::new(counted.chain(units))
});

/// Whether a label stands before the number (`!` lines are overrides).
static LABELS: LazyLock<Phrases<bool>> = LazyLock::new(|| {
    Phrases::new(
        data_lines(include_str!("../lexicon/data/number_labels.txt")).map(|l| {
            match l.strip_prefix('!') {
                Some(p) => (p, false),
                None => (l, true),
            }
        }),
    )
});

/// A unit of measure at token `i`, and the index past it.
pub(crate) fn unit_at(doc: &Doc<'_>, i: usize) -> Option<usize> {
    match NOUNS.longest_at(doc, i)? {
        (Noun::Unit, end) => Some(end),
        _ => None,
    }
}

/// A counted noun or unit after a number at token `i`: its end. A glued
/// word must be a unit (`2ha`), a spaced one may be either.
pub(crate) fn noun_at(doc: &Doc<'_>, i: usize) -> Option<(Noun, usize)> {
    if i >= doc.len() || doc.line_before(i) || !doc.kind(i).is_some_and(TokenKind::is_word) {
        // `m²`, `°C`: a symbol-led unit is looked up too.
        if i < doc.len() && !doc.line_before(i) && doc.kind(i) == Some(TokenKind::Symbol) {
            return unit_at(doc, i).map(|e| (Noun::Unit, e));
        }
        return None;
    }
    match NOUNS.longest_at(doc, i)? {
        (Noun::Not, _) => None,
        (Noun::Counted, _) if !doc.space_before(i) => None,
        (&n, end) => Some((n, end)),
    }
}

/// Whether a label stands just before token `i` (`số 5`, `Điều 5`,
/// `lần thứ 3`), so that a number there is no count.
pub(crate) fn label_before(doc: &Doc<'_>, i: usize) -> bool {
    matches!(LABELS.longest_before(doc, i), Some((true, _)))
}

/// If a range's lower bound stands before the number at `start` (`4 - 5`,
/// `25-30`), the index where the range starts.
pub(crate) fn range_start(doc: &Doc<'_>, num: &Num) -> Option<usize> {
    let s = num.start;
    if num.words
        || s < 2
        || !doc.is_punct(s - 1, "-")
        || doc.line_before(s - 1)
        || doc.line_before(s)
    {
        return None;
    }
    let lo = s - 2;
    if doc.kind(lo) != Some(TokenKind::Number) || doc.glued_to_name(lo) {
        return None;
    }
    let lo_value = parse_digits(doc.s(lo))?;
    let hi_digits = parse_digits(doc.s(s))?;
    (lo_value <= hi_digits).then_some(lo)
}

/// Whether the number is the year of a month written before it with a dash
/// or slash (`10-2005`, `3 /2021`): no count.
fn year_of_date(doc: &Doc<'_>, num: &Num) -> bool {
    let s = doc.s(num.start);
    let i = num.start;
    !num.words
        && s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && (1900..=2100).contains(&s.parse::<u32>().unwrap_or(0))
        && i >= 2
        && (doc.is_punct(i - 1, "-") || doc.is_punct(i - 1, "/"))
        && doc.kind(i - 2) == Some(TokenKind::Number)
        && parse_digits(doc.s(i - 2)).is_some_and(|m| (1.0..=12.0).contains(&m) && m.fract() == 0.0)
}

/// Whether the number is written like a year (four plain digits,
/// 1900–2100).
fn year_like(doc: &Doc<'_>, num: &Num) -> bool {
    let s = doc.s(num.start);
    !num.words
        && num.end == num.start + 1
        && s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && (1900..=2100).contains(&s.parse::<u32>().unwrap_or(0))
}

/// Words before which a year-like number is a year (`sau 1975`,
/// `đời 2015`).
const YEAR_BEFORE: &[&str] = &[
    "sau",
    "trước",
    "từ",
    "đến",
    "tới",
    "cuối",
    "đầu",
    "giữa",
    "đời",
    "mùa",
    "khóa",
    "khoá",
    "niên khóa",
];

/// Whether the number reads as a year: of a month (`10-2005`), of a name
/// (`World Cup 2022`), or after `năm` and other time words (`năm 2019`,
/// `sau 1975`). Such a number counts nothing, and is no amount either
/// (`năm 2019 đồng Việt Nam mất giá`).
pub(crate) fn is_year(doc: &Doc<'_>, num: &Num) -> bool {
    year_of_date(doc, num)
        || year_of_name(doc, num)
        || (year_like(doc, num)
            && num.start > 0
            && ["năm", "tháng"].iter().any(|w| doc.is(num.start - 1, w)))
}

/// Whether a year-like number belongs to a name or a time before it
/// (`World Cup 2022`, `V-League 2021`, `sau 1975`): a year, not a count.
fn year_of_name(doc: &Doc<'_>, num: &Num) -> bool {
    let i = num.start;
    if !year_like(doc, num) || i == 0 || doc.line_before(i) {
        return false;
    }
    matches!(doc.kind(i - 1), Some(TokenKind::Word(c)) if c != crate::token::Case::Lower)
        && !doc.is_punct(i - 1, ",")
        || YEAR_BEFORE
            .iter()
            .any(|w| doc.phrase_before(i, w).is_some())
}

/// Whether the number at `i` ends a list of numbers after a label (`lớp 10,
/// 11, 12 thí sinh`). A date before a list is no label of it: `năm 2022,
/// 150 hộ` counts.
fn label_of_list(doc: &Doc<'_>, i: usize) -> bool {
    let head = list_head(doc, i);
    head != i
        && label_before(doc, head)
        && !["năm", "tháng", "ngày", "quý", "tuần"]
            .iter()
            .any(|w| head > 0 && doc.is(head - 1, w))
}

/// The first number of a rising list ending at token `i` (`10, 11, 12`;
/// in `Điều 7, 3 bên` the 3 starts anew).
fn list_head(doc: &Doc<'_>, i: usize) -> usize {
    let mut head = i;
    let mut value = parse_digits(doc.s(i));
    for _ in 0..8 {
        if head < 2
            || !(doc.is_punct(head - 1, ",") || doc.is(head - 1, "và"))
            || doc.kind(head - 2) != Some(TokenKind::Number)
            || doc.line_before(head)
            || doc.line_before(head - 1)
        {
            break;
        }
        let prev = parse_digits(doc.s(head - 2));
        match (prev, value) {
            (Some(p), Some(v)) if p < v => {
                head -= 2;
                value = Some(p);
            }
            _ => break,
        }
    }
    head
}

pub(crate) fn find(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    let n = doc.len();
    let mut i = 0;
    while i < n {
        let kind = doc.toks[i].kind;
        let maybe = match kind {
            TokenKind::Number => true,
            TokenKind::Word(_) => super::number::may_start_words(doc.s(i)),
            _ => false,
        };
        if !maybe {
            i += 1;
            continue;
        }
        let Some(num) = amount_at(doc, i) else {
            i += 1;
            continue;
        };
        let Some((_, end)) = noun_at(doc, num.end) else {
            i = num.end.max(i + 1);
            continue;
        };
        // A bare digit word before a label and its number (`năm lớp 9`) is
        // no count of that label.
        if !words_can_count(doc, &num) || num.bare && doc.kind(end) == Some(TokenKind::Number) {
            i = num.end;
            continue;
        }
        let mut start = range_start(doc, &num).unwrap_or(num.start);
        if label_before(doc, start)
            || label_of_list(doc, start)
            || year_of_date(doc, &num)
            || year_of_name(doc, &num)
        {
            i = end;
            continue;
        }
        let mut fact = Quantity::new(num.value, doc.slice(num.end, end));
        if let Some((q_start, q)) = qualifier_before(doc, start) {
            fact.qualifier = Some(q);
            start = q_start;
        }
        out.push(Candidate::new(
            doc.span(start, end),
            Payload::Quantity(fact),
        ));
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use crate::fact::{Payload, Qualifier};
    use crate::{Extractor, Kind};

    fn qty(text: &str) -> Vec<(String, f64, String, Option<Qualifier>)> {
        Extractor::builder()
            .kinds(&[Kind::Quantity])
            .build()
            .extract(text)
            .into_iter()
            .map(|f| match f.payload() {
                Payload::Quantity(q) => {
                    (f.text().to_string(), q.value, q.unit.clone(), q.qualifier)
                }
                _ => unreachable!(),
            })
            .collect()
    }

    fn one(text: &str) -> (String, f64, String) {
        let v = qty(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        let (t, x, u, _) = v.into_iter().next().unwrap();
        (t, x, u)
    }

    #[test]
    fn counted_nouns_and_units() {
        assert_eq!(
            one("cùng 90 đại biểu dự"),
            ("90 đại biểu".into(), 90.0, "đại biểu".into())
        );
        assert_eq!(
            one("khen 05 cá nhân"),
            ("05 cá nhân".into(), 5.0, "cá nhân".into())
        );
        assert_eq!(
            one("có 3 triệu người"),
            ("3 triệu người".into(), 3e6, "người".into())
        );
        assert_eq!(one("rộng 100 ha"), ("100 ha".into(), 100.0, "ha".into()));
        assert_eq!(one("thu 2ha đất"), ("2ha".into(), 2.0, "ha".into()));
        assert_eq!(one("nặng 20 tấn"), ("20 tấn".into(), 20.0, "tấn".into()));
        assert_eq!(one("ông 65 tuổi"), ("65 tuổi".into(), 65.0, "tuổi".into()));
        assert_eq!(
            one("45 hộ gia đình"),
            ("45 hộ gia đình".into(), 45.0, "hộ gia đình".into())
        );
        assert_eq!(one("có ba người"), ("ba người".into(), 3.0, "người".into()));
        assert_eq!(
            one("hai mươi mốt xã"),
            ("hai mươi mốt xã".into(), 21.0, "xã".into())
        );
    }

    #[test]
    fn qualifiers_and_ranges() {
        let v = qty("hơn 400 nhà nghiên cứu");
        assert_eq!(v[0].0, "hơn 400 nhà nghiên cứu");
        assert_eq!(v[0].3, Some(Qualifier::Over));
        let v = qty("lắp 4 - 5 thiết bị");
        assert_eq!((v[0].0.as_str(), v[0].1), ("4 - 5 thiết bị", 5.0));
    }

    #[test]
    fn not_quantities() {
        for t in [
            "trong 5 năm liên tục",
            "sau 3 tháng",
            "nhà số 5 Lê Lợi",
            "Đại hội lần thứ 3 đảng bộ",
            "theo Điều 5 luật",
            "U23 Việt Nam",
            "mạng 5G người dùng",
            "Gọi 0912 345 678 người nghe",
            "một người đàn ông",
            "thứ hai tuần sau",
            "chiếm 1/3 dân số",
            "lúc 9 giờ 30",
            "người ta nói",
            "3 tỷ lệ",
            "từ năm lớp 9 đã học",
        ] {
            assert!(qty(t).is_empty(), "{t}: {:?}", qty(t));
        }
    }
}
