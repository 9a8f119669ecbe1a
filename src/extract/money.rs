//! `money` facts: an amount, its magnitude and its currency: `474 triệu
//! đồng`, `1,2 tỷ đồng`, `5.000 USD`, `13.910đ`, `$5`, `hai nghìn tỷ đồng`,
//! `30.000 đồng/kg`, `khoảng 9 - 10 tỷ đồng`.
//!
//! The amount is read by [`number`](super::number); the currency after it
//! comes from `src/lexicon/data/currencies.txt` (words and ISO codes, mapped
//! to ISO 4217), or a symbol or code stands before it (`$5`, `USD 200`).
//! A price per unit (`30.000 đồng/kg`, `20 triệu đồng/tháng`) is one fact
//! whose value is the amount. A qualifier before the amount joins the fact,
//! and a range (`6.000 - 7.000 đồng`) is one fact whose value is its upper
//! bound.
//!
//! An amount without a currency (`doanh thu 10 tỷ`) is no money fact: the
//! currency is not written.

use std::sync::LazyLock;

use super::number::{amounts, next_amount, words_can_count, Num};
use super::quantity::{is_year, range_start, Phrases};
use super::{qualifier_before, Candidate, Doc};
use crate::fact::{Money, Payload};
use crate::lexicon::data_lines;
use crate::token::TokenKind;

/// Currency words and codes, with their ISO code (`!`: not a currency).
static CURRENCIES: LazyLock<Phrases<&'static str>> = LazyLock::new(|| {
    Phrases::new(
        data_lines(include_str!("../lexicon/data/currencies.txt"))
            .filter_map(|l| l.split_once('\t'))
            .map(|(p, code)| (p.trim(), code.trim())),
    )
});

/// Symbols and codes that may stand before an amount, as written.
const PREFIX: &[(&str, &str)] = &[
    ("$", "USD"),
    ("US$", "USD"),
    ("USD", "USD"),
    ("€", "EUR"),
    ("EUR", "EUR"),
    ("£", "GBP"),
    ("GBP", "GBP"),
    ("¥", "JPY"),
    ("₫", "VND"),
    ("VND", "VND"),
];

/// A currency at token `i`: its ISO code and the index past it. A bare
/// word that is a currency only in context (`bảng`, `tệ`) is included.
pub(crate) fn currency_at(doc: &Doc<'_>, i: usize) -> Option<(&'static str, usize)> {
    currency_match(doc, i).map(|(code, end, _)| (code, end))
}

/// A currency at token `i`: its ISO code, the index past it, and whether it
/// is a bare word that names a currency only in context (`?` in
/// `currencies.txt`).
fn currency_match(doc: &Doc<'_>, i: usize) -> Option<(&'static str, usize, bool)> {
    if i >= doc.len() || doc.line_before(i) {
        return None;
    }
    match CURRENCIES.longest_at(doc, i)? {
        (&"!", _) => None,
        (&code, end) => match code.strip_prefix('?') {
            Some(code) => Some((code, end, true)),
            None => Some((code, end, false)),
        },
    }
}

/// Words before an amount that make it a price or a sum of money (`trị
/// giá`, `mua`, `phạt`, `lương` …), for bare currency words.
static PRICE_WORDS: LazyLock<Phrases<bool>> = LazyLock::new(|| {
    Phrases::new(
        data_lines(include_str!("../lexicon/data/price_words.txt")).map(|l| {
            match l.strip_prefix('!') {
                Some(p) => (p, false),
                None => (l, true),
            }
        }),
    )
});

/// How far before an amount a price word is looked for, in tokens.
const PRICE_WINDOW: usize = 8;

/// Whether a price word stands in the clause before token `i`, at most
/// [`PRICE_WINDOW`] tokens back.
fn price_before(doc: &Doc<'_>, i: usize) -> bool {
    let mut k = i;
    while k > 0 && i - k < PRICE_WINDOW {
        if doc.line_before(k) {
            return false;
        }
        k -= 1;
        if doc.kind(k) == Some(TokenKind::Punct)
            && matches!(doc.s(k), "." | "!" | "?" | ";" | ":" | "...")
        {
            return false;
        }
        // A price word, unless it ends a compound that is none (`giá` in
        // `đánh giá`).
        if doc.kind(k).is_some_and(TokenKind::is_word)
            && matches!(PRICE_WORDS.longest_at(doc, k), Some((true, e)) if e <= i)
            && !(k > 0 && matches!(PRICE_WORDS.longest_at(doc, k - 1), Some((false, e)) if e > k))
        {
            return true;
        }
    }
    false
}

/// The first place where each currency of a bare word (`bảng` → GBP) is
/// named in full (`bảng Anh`, `GBP`, `£`) in a block: found once, when the
/// first bare word needs it.
#[derive(Default)]
pub(crate) struct Named(Option<Vec<(&'static str, usize)>>);

impl Named {
    /// Whether `code` is named in full before token `i`.
    fn before(&mut self, doc: &Doc<'_>, code: &str, i: usize) -> bool {
        let named = self.0.get_or_insert_with(|| {
            let bare: Vec<&str> = CURRENCIES
                .values()
                .filter_map(|c| c.strip_prefix('?'))
                .collect();
            let mut found: Vec<(&'static str, usize)> = Vec::new();
            for k in 0..doc.len() {
                if !matches!(
                    doc.kind(k),
                    Some(TokenKind::Word(_) | TokenKind::Symbol | TokenKind::Punct)
                ) {
                    continue;
                }
                if let Some((c, _, false)) = currency_match(doc, k) {
                    if bare.contains(&c) && !found.iter().any(|(f, _)| *f == c) {
                        found.push((c, k));
                    }
                }
            }
            found
        });
        named.iter().any(|&(c, k)| c == code && k < i)
    }
}

/// Whether a bare currency word at token `cur` after the amount `num`
/// (`18.000 bảng`, `2 triệu tệ`) is money: not when it begins a longer
/// word (`bảng xếp hạng`, `tệ nạn`); yes with a magnitude (`5 triệu
/// bảng`), two decimals (`37,50 bảng`), a price per unit (`100.000
/// bảng/tuần`), a price word before the
/// amount (`trị giá 18.000 bảng`), or when the currency was named in full
/// earlier in the text (`bảng Anh`).
fn bare_is_money(doc: &Doc<'_>, num: &Num, cur: usize, code: &str, named: &mut Named) -> bool {
    if super::quantity::word_end(doc, cur) > cur + 1 {
        return false;
    }
    let magnitude = num.end > num.start + 1 && num.value >= 1000.0;
    // Two decimals are pence or cents (`37,50 bảng`).
    let cents = !num.words
        && doc
            .s(num.start)
            .rsplit_once(',')
            .is_some_and(|(_, d)| d.len() == 2);
    magnitude
        || cents
        || (doc.is_punct(cur + 1, "/") && !doc.space_before(cur + 1))
        || price_before(doc, num.start)
        // A small count after a bare word is more often a table or group
        // (`chia 6 bảng`), even in a text about pounds.
        || num.value >= 10.0 && named.before(doc, code, num.start)
}

/// What a word after an amount is to money.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CurrencyWord {
    /// No currency, nor a noun that begins like one.
    None,
    /// A currency read as money, or a listed noun that begins like one
    /// (`đồng bằng`, `đô thị`).
    Taken,
    /// A bare currency word (`bảng`) that [`find`] does not read as money
    /// after this amount (`4 bảng đấu`): a quantity may count it.
    Declined,
}

/// What the word at token `cur`, after the amount `num`, is to money.
pub(crate) fn currency_word_at(
    doc: &Doc<'_>,
    num: &Num,
    cur: usize,
    named: &mut Named,
) -> CurrencyWord {
    if cur >= doc.len() || doc.line_before(cur) {
        return CurrencyWord::None;
    }
    match CURRENCIES.longest_at(doc, cur) {
        None => CurrencyWord::None,
        Some((code, _)) => match code.strip_prefix('?') {
            Some(code) if !bare_is_money(doc, num, cur, code, named) => CurrencyWord::Declined,
            _ => CurrencyWord::Taken,
        },
    }
}

/// A currency symbol or code written just before token `i` (`$5`,
/// `USD 200`): its ISO code and the index where it starts.
fn currency_before(doc: &Doc<'_>, i: usize) -> Option<(&'static str, usize)> {
    if i == 0 || doc.line_before(i) {
        return None;
    }
    let prev = doc.s(i - 1);
    // `US$`, `S$`, `A$`, `HK$` are two tokens.
    if prev == "$" && i >= 2 && !doc.space_before(i - 1) {
        let code = match doc.s(i - 2) {
            "US" => Some("USD"),
            "S" => Some("SGD"),
            "A" | "AU" => Some("AUD"),
            "C" | "CA" => Some("CAD"),
            "HK" => Some("HKD"),
            "NT" => Some("TWD"),
            _ => None,
        };
        if let Some(code) = code {
            return Some((code, i - 2));
        }
    }
    PREFIX
        .iter()
        .find(|(p, _)| *p == prev)
        .map(|&(_, code)| (code, i - 1))
}

/// Whether digits carry an English decimal point (`556.00`, `2.5`) rather
/// than grouping dots (`556.000`).
fn has_decimal_point(s: &str) -> bool {
    match s.rsplit_once('.') {
        Some((_, frac)) => frac.len() != 3 && !s.contains(','),
        None => false,
    }
}

pub(crate) fn find(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    let amounts = amounts(doc);
    let mut named = Named::default();
    let mut k = 0;
    let mut i = 0;
    // Each number that starts at `i` or after, in turn.
    while let Some(num) = next_amount(amounts, &mut k, i) {
        i = num.start;
        let mut start = num.start;
        let after = match currency_match(doc, num.end) {
            Some((code, _, true)) if !bare_is_money(doc, &num, num.end, code, &mut named) => None,
            found => found.map(|(code, end, _)| (code, end)),
        };
        let (code, mut end) = match after {
            Some(found) => found,
            None => match currency_before(doc, num.start) {
                Some((code, s)) if !num.words => {
                    start = s;
                    (code, num.end)
                }
                _ => {
                    i = num.end.max(i + 1);
                    continue;
                }
            },
        };
        if !words_can_count(doc, &num) || is_year(doc, &num) {
            i = num.end;
            continue;
        }
        // `556.00 đồng`: đồng have no decimals, so a decimal point without
        // a magnitude is a mistyped grouping; the amount is unknown.
        if code == "VND"
            && !num.words
            && num.end == num.start + 1
            && has_decimal_point(doc.s(num.start))
        {
            i = end;
            continue;
        }
        // A price per unit: `đồng/kg`, `USD/tháng`, `đồng/người/tháng`.
        for _ in 0..2 {
            if doc.is_punct(end, "/")
                && !doc.space_before(end)
                && !doc.space_before(end + 1)
                && doc
                    .kind(end + 1)
                    .is_some_and(|k| k.is_word() || k == TokenKind::Abbreviation)
            {
                end += 2;
            } else {
                break;
            }
        }
        if start == num.start {
            start = range_start(doc, &num).unwrap_or(start);
        }
        let mut fact = Money::new(num.value, code);
        if let Some((q_start, q)) = qualifier_before(doc, start) {
            fact.qualifier = Some(q);
            start = q_start;
        }
        out.push(Candidate::new(doc.span(start, end), Payload::Money(fact)));
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use crate::fact::{Payload, Qualifier};
    use crate::{Extractor, Kind};

    fn money(text: &str) -> Vec<(String, f64, String, Option<Qualifier>)> {
        Extractor::builder()
            .kinds(&[Kind::Money])
            .build()
            .extract(text)
            .into_iter()
            .map(|f| match f.payload() {
                Payload::Money(m) => (
                    f.text().to_string(),
                    m.value,
                    m.currency.clone(),
                    m.qualifier,
                ),
                _ => unreachable!(),
            })
            .collect()
    }

    fn one(text: &str) -> (String, f64, String) {
        let v = money(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        let (t, x, c, _) = v.into_iter().next().unwrap();
        (t, x, c)
    }

    #[test]
    fn amounts_and_currencies() {
        assert_eq!(
            one("ủng hộ 474 triệu đồng"),
            ("474 triệu đồng".into(), 474e6, "VND".into())
        );
        assert_eq!(
            one("vốn 1,2 tỷ đồng"),
            ("1,2 tỷ đồng".into(), 1.2e9, "VND".into())
        );
        assert_eq!(
            one("giá 5.000 USD"),
            ("5.000 USD".into(), 5000.0, "USD".into())
        );
        assert_eq!(
            one("30 nghìn tỷ đồng"),
            ("30 nghìn tỷ đồng".into(), 3e13, "VND".into())
        );
        assert_eq!(
            one("giá 13.910đ"),
            ("13.910đ".into(), 13910.0, "VND".into())
        );
        assert_eq!(one("chỉ $5 thôi"), ("$5".into(), 5.0, "USD".into()));
        assert_eq!(
            one("học bổng S$1.000"),
            ("S$1.000".into(), 1000.0, "SGD".into())
        );
        assert_eq!(
            one("thêm 1.000 đôla Úc"),
            ("1.000 đôla Úc".into(), 1000.0, "AUD".into())
        );
        assert_eq!(
            one("20 đô la Mỹ"),
            ("20 đô la Mỹ".into(), 20.0, "USD".into())
        );
        assert_eq!(one("300 euro"), ("300 euro".into(), 300.0, "EUR".into()));
        assert_eq!(
            one("hai nghìn tỷ đồng"),
            ("hai nghìn tỷ đồng".into(), 2e12, "VND".into())
        );
        assert_eq!(
            one("2 tỷ 500 triệu đồng"),
            ("2 tỷ 500 triệu đồng".into(), 2.5e9, "VND".into())
        );
    }

    #[test]
    fn prices_ranges_qualifiers() {
        assert_eq!(
            one("bán 30.000 đồng/kg"),
            ("30.000 đồng/kg".into(), 30000.0, "VND".into())
        );
        assert_eq!(
            one("giá 6.000 - 7.000 đồng"),
            ("6.000 - 7.000 đồng".into(), 7000.0, "VND".into())
        );
        let v = money("tối đa không quá 1.500.000 đồng");
        assert_eq!(v[0].0, "tối đa không quá 1.500.000 đồng");
        assert_eq!(v[0].3, Some(Qualifier::AtMost));
        let v = money("khoảng 9 - 10 tỷ đồng");
        assert_eq!(
            (v[0].0.as_str(), v[0].1, v[0].3),
            ("khoảng 9 - 10 tỷ đồng", 1e10, Some(Qualifier::About))
        );
    }

    #[test]
    fn not_money() {
        for t in [
            "383 đồng chí",
            "5 triệu đồng bào",
            "doanh thu 10 tỷ",
            "mạng 5G",
            "12 đô thị",
        ] {
            assert!(money(t).is_empty(), "{t}: {:?}", money(t));
        }
    }
}
