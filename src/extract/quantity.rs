//! `quantity` facts: a number and what it counts or measures: `90 đại
//! biểu`, `05 cá nhân`, `3 triệu người`, `100 ha`, `2ha`, `hơn 400 nhà
//! nghiên cứu`, `4 - 5 thiết bị`, `616 cộng đồng`, `4 đứa con`, `1 mét 7`.
//!
//! The number is read by [`number`](super::number) (digits, magnitudes,
//! words). What follows is a listed counted noun
//! (`src/lexicon/data/counted_nouns.txt`) or unit of measure
//! (`src/lexicon/data/units.txt`), the longest listed phrase as written;
//! or else any noun: a number before a lower-case word counts it unless the
//! word is listed as counting nothing or is a verb, adjective or function
//! word of the treebank (see [`nouns`]). An opening quote may stand between
//! (`200.000 "gia đình`). A qualifier before the number joins the fact
//! (`trên 730 ha` → over), a range (`4 - 5 thiết bị`) is one fact whose
//! value is its upper bound, and a unit word may take spoken decimals
//! (`2 mét 1` → 2.1).
//!
//! Not quantities: durations (`5 năm`, `3 tháng`, `7 ngày`), numbers after
//! a label (`số 5`, `lần thứ 3`, `Điều 5`, `lớp 10`, but `mỗi bảng 2 đội`
//! counts), scores (`3-1`), clock times, codes and names (`U23`, `5G`), and
//! a number in words that is one bare digit where it reads otherwise (`một
//! người` is "a person", `tháng năm`, `thứ hai`). An unlisted noun is read
//! only after a plain count: not after a bare digit word (`ba mẹ`), a name
//! or code (`Axon 10 pro`), a year, a formula (`10+3`), nor as an address
//! (`40 phố Hàng Bài`). Numbers inside longer facts (money, ratios, dates)
//! lose to them when overlaps are resolved.

pub(crate) mod nouns;

pub(crate) use nouns::word_end;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::number::{amounts, next_amount, parse_digits, sentence_start, words_can_count, Num};
use super::{money, qualifier_before, Candidate, Doc};
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

    /// The values of all phrases.
    pub(crate) fn values(&self) -> impl Iterator<Item = &V> {
        self.by_first
            .values()
            .flatten()
            .flat_map(|(_, list)| list.iter().map(|(_, v)| v))
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

/// What a number counts, read after it: a listed counted noun or unit, or
/// an open noun (see [`nouns`]).
#[derive(Clone, Copy, Debug)]
struct Counted {
    noun: Noun,
    /// First token of the unit (after an opening quote: `200.000 "gia
    /// đình`).
    start: usize,
    end: usize,
    /// Listed in `counted_nouns.txt` or `units.txt`.
    listed: bool,
}

/// The noun or unit the number `num` counts.
fn count_at(doc: &Doc<'_>, num: &Num, named: &mut money::Named) -> Option<Counted> {
    let i = num.end;
    let quoted = i + 1 < doc.len()
        && doc.is_punct(i, "\"")
        && doc.space_before(i)
        && !doc.line_before(i)
        && !doc.space_before(i + 1)
        && doc.kind(i + 1).is_some_and(TokenKind::is_word);
    let listed = |noun, end| {
        Some(Counted {
            noun,
            start: if quoted { i + 1 } else { i },
            end,
            listed: true,
        })
    };
    let mut open = |start: usize, capital: bool| {
        // A bare digit word (`ba mẹ`, `năm tài chính`, `một` as an article)
        // counts only listed nouns: no need to look further.
        if num.bare {
            return None;
        }
        // Currencies and the nouns that begin like them (`đồng bằng`) are
        // left to money and the listed nouns; a bare `bảng` that is no
        // money may be counted, in small numbers (`4 bảng đấu`) or as a
        // longer word (`100 bảng hiệu`).
        let currency_ok = || match money::currency_word_at(doc, num, start, named) {
            money::CurrencyWord::None => true,
            money::CurrencyWord::Declined => num.value < 100.0 || word_end(doc, start) > start + 1,
            money::CurrencyWord::Taken => false,
        };
        nouns::open_noun_at(doc, start, capital, currency_ok).map(|(noun, end)| Counted {
            noun,
            start,
            end,
            listed: false,
        })
    };
    if quoted {
        return match NOUNS.longest_at(doc, i + 1) {
            Some((Noun::Not, _)) => None,
            Some((&n, end)) => listed(n, end),
            None => open(i + 1, true),
        };
    }
    // As `noun_at`, with one lookup.
    if i >= doc.len() || doc.line_before(i) {
        return None;
    }
    if !doc.kind(i).is_some_and(TokenKind::is_word) {
        return noun_at(doc, i).and_then(|(n, end)| listed(n, end));
    }
    match NOUNS.longest_at(doc, i) {
        Some((Noun::Not, _)) => None,
        Some((Noun::Counted, _)) if !doc.space_before(i) => None,
        Some((&n, end)) => listed(n, end),
        None => open(i, false),
    }
}

/// Whether the number starting at token `i` follows a name or code (`Quận
/// 5`, `THCS 2`, `Axon 10 pro`), so that an unlisted noun after it is no
/// count: a word in capitals, a capitalised word inside a sentence, or one
/// that starts the sentence but is no function word or verb (`Có 3 người`,
/// `Khoảng 300 binh lính` count); or a number glued into a formula or code
/// (`10+3`, `51C-200.74`).
/// Whether a product word in lower-then-upper case stands right before
/// token `i` (`iPhone 12 phiên bản`, `iPad 2 màu`): the number is the
/// model's, and counts nothing, even before a listed noun.
fn model_before(doc: &Doc<'_>, i: usize) -> bool {
    i > 0
        && !doc.line_before(i)
        && doc.kind(i - 1) == Some(TokenKind::Word(crate::token::Case::Mixed))
        && doc.s(i - 1).starts_with(|c: char| c.is_ascii_lowercase())
}

fn after_name(doc: &Doc<'_>, i: usize) -> bool {
    if i == 0 || doc.line_before(i) {
        return false;
    }
    let k = i - 1;
    match doc.kind(k) {
        Some(
            TokenKind::Abbreviation
            | TokenKind::Word(crate::token::Case::Upper | crate::token::Case::Mixed),
        ) => true,
        Some(TokenKind::Word(crate::token::Case::Capitalized)) => {
            !sentence_start(doc, k)
                || !matches!(
                    nouns::class_at(doc, k),
                    Some((
                        nouns::Class::Function | nouns::Class::Verb | nouns::Class::Adjective,
                        _
                    ))
                )
        }
        Some(TokenKind::Punct | TokenKind::Symbol) => {
            !doc.space_before(i) && !doc.space_before(k) && k > 0 && !doc.line_before(k)
        }
        _ => false,
    }
}

/// Street words: before a name or a number they make an address (`40 phố
/// Hàng Bài`, `12 đường 3 tháng 2`), not a count.
const ADDRESS: &[&str] = &[
    "phố",
    "đường",
    "ngõ",
    "ngách",
    "hẻm",
    "kiệt",
    "quốc lộ",
    "tỉnh lộ",
];

/// Whether an unlisted noun at `start..end` is a street of an address.
fn address(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    ADDRESS.iter().any(|w| doc.phrase_at(start, w) == Some(end))
        && end < doc.len()
        && !doc.line_before(end)
        && (doc.is_capitalized(end) || doc.kind(end) == Some(TokenKind::Number))
}

/// Whether the number is the second of a score or a pair that is no range
/// (`3-1`, `2 - 0`, `0-0`): no count of what follows.
fn second_of_pair(doc: &Doc<'_>, num: &Num) -> bool {
    let s = num.start;
    s >= 2
        && doc.is_punct(s - 1, "-")
        && !doc.line_before(s)
        && doc.kind(s - 2) == Some(TokenKind::Number)
        && match range_start(doc, num) {
            None => true,
            Some(lo) => parse_digits(doc.s(lo)) == parse_digits(doc.s(s)),
        }
}

/// Whether the number at `i` is glued to the word before it (`x600`), or
/// is the exponent after a unit (`500m 3`, `7.755 m 2`, for m³ and m²): no
/// count.
fn glued_or_exponent(doc: &Doc<'_>, i: usize) -> bool {
    if i == 0 || doc.line_before(i) || !doc.kind(i - 1).is_some_and(TokenKind::is_word) {
        return false;
    }
    let after_unit =
        i >= 2 && doc.kind(i - 2) == Some(TokenKind::Number) && unit_at(doc, i - 1).is_some();
    !doc.space_before(i)
        || after_unit && !doc.space_before(i - 1)
        // `7.755 m 2 đất`: a spaced exponent of a length unit.
        || after_unit
            && matches!(doc.s(i), "2" | "3")
            && ["m", "cm", "mm", "km", "dm"].iter().any(|u| doc.s(i - 1) == *u)
}

/// Whether the number reads as a code or a year rather than a count before
/// an unlisted noun: four plain digits in the years' range.
fn year_shaped(doc: &Doc<'_>, num: &Num) -> bool {
    year_like(doc, num)
}

/// Units whose spoken decimals follow them: `1 mét 7` is 1.7 m, `2 ký 3`
/// is 2.3 kg.
const SPOKEN_UNITS: &[&str] = &["mét", "ký", "kí", "cân", "tấn", "tạ", "lít", "cây số"];

/// A small whole number and a unit written as a word, with spoken decimals
/// after it (`2 mét 1`): the value and the index past the decimals. The
/// decimals are one or two plain digits that end the phrase (a mark, a line end, or a function word
/// follows: `cao 1 mét 7 và nặng 60 kg`).
fn spoken_decimal(doc: &Doc<'_>, num: &Num, unit: usize, end: usize) -> Option<(f64, usize)> {
    if !SPOKEN_UNITS
        .iter()
        .any(|u| doc.phrase_at(unit, u) == Some(end))
        || num.value.fract() != 0.0
        || num.value >= 100.0
        || !doc.space_before(unit)
        || doc.kind(end) != Some(TokenKind::Number)
        || doc.line_before(end)
        || !doc.space_before(end)
        || !super::number::spoken_decimals(doc.s(end), 2)
    {
        return None;
    }
    let j = end + 1;
    let ends = j >= doc.len()
        || doc.line_before(j)
        || doc.kind(j) == Some(TokenKind::Punct)
        || doc.kind(j).is_some_and(TokenKind::is_word)
            && matches!(
                nouns::class_at(doc, j),
                Some((
                    nouns::Class::Function | nouns::Class::Verb | nouns::Class::Adjective,
                    _
                ))
            );
    if !ends {
        return None;
    }
    let d = doc.s(end);
    let frac = parse_digits(d)? / 10f64.powi(d.len() as i32);
    Some((num.value + frac, j))
}

/// Whether a label stands just before token `i` (`số 5`, `Điều 5`,
/// `lần thứ 3`), so that a number there is no count.
pub(crate) fn label_before(doc: &Doc<'_>, i: usize) -> bool {
    match LABELS.longest_before(doc, i) {
        // `mỗi bảng 2 đội`, `từng lớp 30 học sinh`: a label word after a
        // determiner is a noun the clause distributes over, not a label.
        Some((true, s)) => {
            !(s > 0 && !doc.line_before(s) && DISTRIBUTIVE.iter().any(|w| doc.is(s - 1, w)))
        }
        _ => false,
    }
}

/// Determiners before a label word that make it a plain noun (`mỗi bảng 2
/// đội`: each group has two teams).
const DISTRIBUTIVE: &[&str] = &["mỗi", "từng", "mọi"];

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
    let amounts = amounts(doc);
    let mut named = money::Named::default();
    let mut k = 0;
    let mut i = 0;
    // Each number that starts at `i` or after, in turn.
    while let Some(num) = next_amount(amounts, &mut k, i) {
        i = num.start;
        let Some(counted) = count_at(doc, &num, &mut named) else {
            i = num.end.max(i + 1);
            continue;
        };
        let end = counted.end;
        // A bare digit word before a label and its number (`năm lớp 9`) is
        // no count of that label.
        if !words_can_count(doc, &num) || num.bare && doc.kind(end) == Some(TokenKind::Number) {
            i = num.end;
            continue;
        }
        // An unlisted noun is read after a plain count only: not after a
        // bare digit word (`ba mẹ`, `năm tài chính`), a name or code (`Sư
        // đoàn 312`), in a score (`3-1`), or after a year (`2022`).
        let mut start = range_start(doc, &num).unwrap_or(num.start);
        if second_of_pair(doc, &num)
            || (counted.noun != Noun::Unit && !num.words && model_before(doc, start))
            || !counted.listed
                && (num.bare
                    || after_name(doc, start)
                    || glued_or_exponent(doc, start)
                    || year_shaped(doc, &num)
                    || address(doc, counted.start, end))
        {
            i = num.end;
            continue;
        }
        // An age is one whatever stands before it (`năm 9 tuổi`, `lúc 15
        // tuổi`: at the age of).
        let age = doc.is(counted.start, "tuổi");
        if !age && label_before(doc, start)
            || label_of_list(doc, start)
            || year_of_date(doc, &num)
            || year_of_name(doc, &num)
        {
            i = end;
            continue;
        }
        let mut value = num.value;
        let mut fact_end = end;
        if counted.noun == Noun::Unit {
            if let Some((v, e)) = spoken_decimal(doc, &num, counted.start, end) {
                value = v;
                fact_end = e;
            }
        }
        let mut fact = Quantity::new(value, doc.slice(counted.start, end));
        if let Some((q_start, q)) = qualifier_before(doc, start) {
            fact.qualifier = Some(q);
            start = q_start;
        }
        out.push(Candidate::new(
            doc.span(start, fact_end),
            Payload::Quantity(fact),
        ));
        i = fact_end;
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
