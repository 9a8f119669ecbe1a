//! `document` facts: directive and legal-document references.
//!
//! `Chỉ thị số 05-CT/TW của Bộ Chính trị`, `Nghị định 30/2020/NĐ-CP`,
//! `Quyết định số 1234/QĐ-UBND`, `Luật số 80/2015/QH13`, `Công văn
//! 123/UBND-VP`, `Chỉ thị 28 của Ban Bí thư`, `Nghị quyết số 18, 19 và
//! 20-NQ/TW`.
//!
//! The scan is triggered by tokens that start with a digit (a `DocSymbol`
//! such as `05-CT/TW`, a number, a `37/2021`); everything else is skipped
//! at the cost of one comparison. From there:
//!
//! 1. the symbol is gathered across the spaces of the wild (`28- CT/TW`,
//!    `44 /2005/QĐ-UBND`) and read ([`symbol`]);
//! 2. the type word and `số` before it are read ([`context`]); the type
//!    word decides `doc_type`, else the code does (`CT` → chỉ thị);
//! 3. a list goes on after it (`18, 19 và 20-NQ/TW`): one fact per number,
//!    a trailing symbol lending its code to the bare numbers;
//! 4. after the last number: the date (its year, when the symbol has
//!    none), the issuing body (`của …`, `do … ban hành`) and a quoted title;
//!    failing a body there, the subject of `ban hành` / `có` before the
//!    type word (`Chính phủ vừa ban hành Nghị định …`).
//!
//! A symbol stands alone when its code is known (`05-CT/TW`,
//! `30/2020/NĐ-CP`, `123/UBND-VP`); a bare number needs a type word before
//! it, and for words that are also verbs or common nouns (`quyết định 11
//! trận`, `kế hoạch 5 năm`) more evidence — see `doc_types.txt`.
//!
//! The span runs from the type word (or `số`, or the symbol) to the end of
//! the number; the date and the issuing body stay outside it, so the date is
//! a `date` fact of its own.
//!
//! Not emitted: named documents without number (`Nghị quyết Đại hội Đảng
//! bộ`, `Luật Đất đai 2024`), generic mentions (`các chỉ thị, nghị quyết`),
//! articles and clauses (`Điều 5`, `khoản 2`).

mod context;
mod symbol;
mod tables;

use super::{Candidate, Doc};
use crate::fact::{Document, Payload};
use crate::token::TokenKind;
use context::{Head, TypeAt};
use symbol::{Form, Symbol};
use tables::{Class, Tables, TABLES};

/// Most numbers in one list.
const MAX_ITEMS: usize = 12;

pub(crate) fn find(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    let mut buf = String::new();
    let mut i = 0;
    while let Some(rest) = doc.toks.get(i..) {
        // The next token that starts with a digit.
        let Some(off) = rest.iter().position(|t| {
            matches!(
                t.kind,
                TokenKind::Number | TokenKind::DateLike | TokenKind::DocSymbol
            )
        }) else {
            break;
        };
        i += off;
        if doc.glued_to_name(i) {
            i += 1;
            continue;
        }
        i = match cite_at(doc, i, &mut buf, out) {
            Some(end) => end.max(i + 1),
            None => i + 1,
        };
    }
}

/// One number of a citation: its tokens and its symbol, if written.
struct Item {
    start: usize,
    end: usize,
    symbol: Option<Symbol>,
}

impl Item {
    fn number<'a>(&'a self, doc: &Doc<'a>) -> &'a str {
        match &self.symbol {
            Some(s) => s.number(),
            None => doc.s(self.start),
        }
    }
}

/// A number without symbol: digits only, at most five.
fn bare_number(doc: &Doc<'_>, i: usize) -> bool {
    let s = doc.s(i);
    doc.kind(i) == Some(TokenKind::Number)
        && (1..=5).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_digit())
}

/// A year-like bare number (`2024`): after a type word without `số` it is
/// the year of a named document (`Luật … 2024`), not its number.
fn year_like(s: &str) -> bool {
    s.len() == 4 && (s.starts_with("19") || s.starts_with("20"))
}

/// The item at token `i`: a symbol or a bare number.
fn item_at(doc: &Doc<'_>, i: usize, buf: &mut String) -> Option<Item> {
    let end = symbol::gather(doc, i, buf)?;
    if let Some(sym) = symbol::parse(buf) {
        return Some(Item {
            start: i,
            end,
            symbol: Some(sym),
        });
    }
    bare_number(doc, i).then_some(Item {
        start: i,
        end: i + 1,
        symbol: None,
    })
}

/// Words after a bare number that make it a count, not a document number
/// (`kế hoạch 5 năm`, `quyết định 11 trận`).
const COUNTED: &[&str] = &[
    "tháng",
    "tuần",
    "giờ",
    "phút",
    "người",
    "lần",
    "trận",
    "điểm",
    "tuổi",
    "triệu",
    "tỷ",
    "tỉ",
    "nghìn",
    "ngàn",
    "trăm",
    "chục",
    "vạn",
    "đồng",
    "ha",
    "km",
    "kg",
    "tấn",
    "nhà",
    "đơn vị",
    "cá nhân",
    "tập thể",
    "hộ",
    "trường hợp",
    "điều",
    "trang",
    "bản",
    "văn bản",
    "thành viên",
    "đại biểu",
    "mục tiêu",
    "nội dung",
    "vấn đề",
    "nhóm",
    "loại",
    "bước",
    "ngày đêm",
];

/// Words after a bare number that read as a citation going on.
const GOES_ON: &[&str] = &[
    "của",
    "ngày",
    "về",
    "do",
    "và",
    "hoặc",
    "đã",
    "được",
    "là",
    "có hiệu lực",
    "ban hành",
    "quy định",
    "qui định",
    "sửa đổi",
    "hướng dẫn",
    "nói trên",
    "này",
    "cũng",
    "mới",
    "lại",
    "vẫn",
    "không",
    "chưa",
    "thì",
    "nêu",
];

/// Whether what follows token `j - 1` (the last number of a citation) lets
/// a bare number stand: `None` when it makes a count of it, else whether it
/// reads as a citation going on.
fn after_bare(doc: &Doc<'_>, j: usize) -> Option<bool> {
    if j >= doc.len() || doc.line_before(j) {
        return Some(true);
    }
    match doc.kind(j)? {
        TokenKind::Punct => {
            let s = doc.s(j);
            let digit_next = matches!(
                doc.kind(j + 1),
                Some(TokenKind::Number | TokenKind::DateLike | TokenKind::DocSymbol)
            );
            if (s == "-" || s == "/") && digit_next && !doc.line_before(j + 1) {
                return None;
            }
            // A closing quote goes on (`theo "Chỉ thị 15"`); an opening
            // one starts a name (`chương trình 5 "sẵn sàng"`).
            let closing_quote = s == "\"" && !doc.space_before(j);
            Some(closing_quote || matches!(s, "," | ";" | "." | ":" | ")" | "..." | "!" | "?"))
        }
        TokenKind::Symbol => None,
        TokenKind::Word(_) => {
            if !doc.space_before(j) {
                // `5K`: a name, not a number.
                return None;
            }
            if doc.is(j, "năm") {
                // `năm 1999` dates it; `5 năm` and `5 năm 2021-2025` count.
                let y = doc.s(j + 1);
                let dated = doc.kind(j + 1) == Some(TokenKind::Number)
                    && year_like(y)
                    && !doc.is_punct(j + 2, "-")
                    && !doc.is(j + 2, "đến");
                return dated.then_some(true);
            }
            if doc.is(j, "ngày") {
                return matches!(
                    doc.kind(j + 1),
                    Some(TokenKind::Number | TokenKind::DateLike)
                )
                .then_some(true);
            }
            if COUNTED.iter().any(|w| doc.phrase_at(j, w).is_some()) {
                return None;
            }
            Some(GOES_ON.iter().any(|w| doc.phrase_at(j, w).is_some()))
        }
        _ => Some(false),
    }
}

/// Whether token `k` starts a sentence: the start of a line, or after
/// `.`, `!`, `?`, `:` or an opening quote.
fn sentence_start(doc: &Doc<'_>, k: usize) -> bool {
    doc.line_before(k)
        || k == 0
        || matches!(
            doc.s(k - 1),
            "." | "!" | "?" | ":" | "\"" | "..." | "-" | "("
        )
}

/// A list separator at token `j` followed by a number: the index of the
/// next item.
fn list_next(doc: &Doc<'_>, j: usize) -> Option<usize> {
    let mut k = j;
    if doc.is_punct(k, ",") {
        k += 1;
        if doc.is(k, "và") {
            k += 1;
        }
    } else if doc.is(k, "và") || doc.is(k, "hoặc") {
        k += 1;
    } else {
        return None;
    }
    if doc.line_before(j) || doc.line_before(k) {
        return None;
    }
    matches!(
        doc.kind(k),
        Some(TokenKind::Number | TokenKind::DocSymbol | TokenKind::DateLike)
    )
    .then_some(k)
}

/// Papers numbered like documents but not cited as directives or laws:
/// `Mẫu số 01/BC-UBND` is a form, `hợp đồng số 12/HĐ-…` a contract.
const NUMBERED_PAPERS: &[&str] = &[
    "mẫu",
    "biểu mẫu",
    "phụ lục",
    "tờ khai",
    "hợp đồng",
    "bản án",
    "hóa đơn",
    "biên lai",
    "giấy phép",
    "giấy chứng nhận",
    "đơn hàng",
    "biển",
];

/// Whether one of [`NUMBERED_PAPERS`] ends just before `số` at token `so`.
fn numbered_paper_before(doc: &Doc<'_>, so: usize) -> bool {
    NUMBERED_PAPERS
        .iter()
        .any(|p| doc.phrase_before(so, p).is_some())
}

/// Whether a symbol's code agrees with a type word found far before it.
fn code_agrees(t: &Tables, sym: &Symbol, word: &TypeAt) -> bool {
    let Some(code) = sym.type_code() else {
        return true;
    };
    let want = word.word.doc_type;
    let readings = t
        .code(code)
        .map(|c| [c.slash, c.hyphen])
        .unwrap_or_default();
    readings.iter().flatten().any(|&r| r == want)
        || (code == "QĐ" && want == "quy định")
        || (code == "TTLT" && want == "thông tư")
}

/// The citation whose first number is at token `i`: pushes its facts and
/// returns the index past its last number.
fn cite_at(doc: &Doc<'_>, i: usize, buf: &mut String, out: &mut Vec<Candidate>) -> Option<usize> {
    let t = &*TABLES;
    let mut head: Head = context::head_before(doc, i);
    let first = item_at(doc, i, buf)?;
    // The number must be a citation's: after a type word, or a symbol that
    // stands alone.
    let mut title = None;
    let mut inner_issuer = None;
    if head.type_at.is_none() {
        let sym = first.symbol.as_ref()?;
        // `Pháp lệnh <name> số …`, `Thông tư liên tịch của <body> số …`.
        let far = head.so.and_then(|so| {
            let (tw, gap) = context::far_type_before(doc, so)?;
            let body = if doc.is(gap, "của") {
                context::body_at(doc, gap + 1).filter(|&e| e == so)
            } else {
                None
            };
            let ok = tw.capital
                && code_agrees(t, sym, &tw)
                && (sym.stands_alone(t) || (body.is_some() && sym.plausible(t)))
                && (body.is_some() || context::plain_name(doc, gap, so));
            ok.then_some((so, tw, gap, body))
        });
        if let Some((so, tw, gap, body)) = far {
            head.type_at = Some(tw);
            match body {
                Some(e) => inner_issuer = Some((gap + 1, e)),
                None => title = Some((gap, so)),
            }
        } else if !sym.stands_alone(t) || head.so.is_some_and(|so| numbered_paper_before(doc, so)) {
            return None;
        }
    }
    let mut items = vec![first];
    if head.type_at.is_some() {
        // A list: `18, 19 và 20-NQ/TW`, `các quyết định 53 và 708`.
        while items.len() < MAX_ITEMS {
            let last_end = items.last().map_or(i, |x| x.end);
            let Some(k) = list_next(doc, last_end) else {
                break;
            };
            let Some(item) = item_at(doc, k, buf) else {
                break;
            };
            match &item.symbol {
                Some(s) if s.form == Form::NumYear || s.plausible(t) => {}
                Some(_) => break,
                None if after_bare(doc, item.end).is_none() => break,
                None => {}
            }
            items.push(item);
        }
    }
    let tw = head.type_at;
    let last_end = items.last().map_or(i + 1, |x| x.end);
    // Bare numbers need evidence.
    if let Some(tw) = tw {
        let any_bare = items.iter().any(|x| x.symbol.is_none());
        if any_bare
            && tw.word.class == Class::Strict
            && items.last().is_some_and(|x| x.symbol.is_none())
        {
            return None;
        }
        if any_bare {
            let follows = after_bare(doc, last_end)?;
            let strong = head.so.is_some()
                || follows
                || items.len() > 1
                || match tw.word.class {
                    Class::Noun => true,
                    // A capital inside a sentence marks a name (`theo
                    // Quyết định 708`); at its start it marks nothing
                    // (`Thông báo 2 ca mắc mới`).
                    Class::Verb => tw.capital && !sentence_start(doc, tw.start),
                    Class::Generic | Class::Abbr | Class::Strict => false,
                };
            if !strong {
                return None;
            }
            if head.so.is_none()
                && items
                    .iter()
                    .any(|x| x.symbol.is_none() && year_like(doc.s(x.start)))
            {
                return None;
            }
        }
        let first = &items[0];
        match &first.symbol {
            Some(s) if !(s.plausible(t)) => return None,
            _ => {}
        }
    }
    // A trailing symbol lends its code to the bare numbers before it.
    if let Some(last_sym) = items.last().and_then(|x| x.symbol.clone()) {
        if last_sym.form != Form::NumYear {
            for k in 0..items.len() - 1 {
                if items[k].symbol.is_none() {
                    let num = doc.s(items[k].start);
                    items[k].symbol = Some(last_sym.renumbered(num));
                }
            }
        }
    }
    // After the last number: date, issuer, title.
    let mut j = last_end;
    let mut date_year = None;
    if let Some((e, y)) = context::date_after(doc, j) {
        j = e;
        date_year = y;
    }
    let mut issuer = inner_issuer;
    if issuer.is_none() {
        if let Some((a, b)) = context::issuer_after(doc, j) {
            issuer = Some((a, b));
            j = b;
            if date_year.is_none() {
                if let Some((e, y)) = context::date_after(doc, j) {
                    j = e;
                    date_year = y;
                }
            }
        }
    }
    if title.is_none() {
        title = context::quoted_title_after(doc, j);
    }
    if issuer.is_none() {
        issuer = head
            .type_at
            .and_then(|tw| context::issuer_before(doc, tw.start));
    }
    let issued_by = issuer.map(|(a, b)| doc.slice(a, b).to_string());
    let title = title.map(|(a, b)| doc.slice(a, b).to_string());
    let n_items = items.len();
    for (k, item) in items.into_iter().enumerate() {
        let doc_type = doc_type_of(t, tw, item.symbol.as_ref());
        let Some(doc_type) = doc_type else { continue };
        let number = item.number(doc).to_string();
        let mut fact = Document::new(doc_type, number);
        if let Some(s) = &item.symbol {
            if s.form != Form::NumYear || tw.is_some() {
                fact.issuer_code = s.issuer().map(String::from);
                fact.year = s.year;
                fact.symbol = Some(s.text.clone());
            }
        }
        if fact.year.is_none() && k + 1 == n_items {
            fact.year = date_year;
        }
        fact.issued_by.clone_from(&issued_by);
        fact.title.clone_from(&title);
        let start = if k == 0 { head.start(i) } else { item.start };
        out.push(Candidate::new(
            doc.span(start, item.end),
            Payload::Document(fact),
        ));
    }
    Some(last_end)
}

/// The canonical type: the type word's, else the code's. `văn bản` and the
/// abbreviations (`TT` is thông tư or thông tri) defer to the code.
fn doc_type_of(t: &Tables, tw: Option<TypeAt>, sym: Option<&Symbol>) -> Option<&'static str> {
    let from_code = sym.and_then(|s| s.code_type(t));
    match tw.map(|x| (x.word.class, x.word.doc_type)) {
        Some((Class::Noun | Class::Verb | Class::Strict, ty)) => Some(ty),
        Some((Class::Abbr, ty)) => Some(from_code.unwrap_or(ty)),
        Some((Class::Generic, _)) => Some(from_code.unwrap_or("công văn")),
        None => from_code,
    }
}

#[cfg(test)]
mod tests {
    use crate::fact::Payload;
    use crate::{Extractor, Kind};

    /// (text, doc_type, number, symbol, issuer_code, issued_by, year)
    type Row = (
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<i32>,
    );

    fn docs(text: &str) -> Vec<Row> {
        Extractor::builder()
            .kinds(&[Kind::Document])
            .build()
            .extract(text)
            .into_iter()
            .map(|f| match f.payload() {
                Payload::Document(d) => (
                    f.text().to_string(),
                    d.doc_type.clone(),
                    d.number.clone(),
                    d.symbol.clone(),
                    d.issuer_code.clone(),
                    d.issued_by.clone(),
                    d.year,
                ),
                _ => unreachable!(),
            })
            .collect()
    }

    fn one(text: &str) -> Row {
        let v = docs(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v.into_iter().next().unwrap()
    }

    fn o(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn party_numbers() {
        let d = one("Thực hiện Chỉ thị số 05-CT/TWcủa Bộ Chính trị về học tập.");
        assert_eq!(
            d,
            (
                "Chỉ thị số 05-CT/TW".into(),
                "chỉ thị".into(),
                "05".into(),
                o("05-CT/TW"),
                o("TW"),
                o("Bộ Chính trị"),
                None
            )
        );
        let d = one("theo 28- CT/TW của Ban Bí thư");
        assert_eq!(
            (d.0.as_str(), d.1.as_str(), d.3.as_deref()),
            ("28- CT/TW", "chỉ thị", Some("28-CT/TW"))
        );
        let d = one("Quy định số31-QĐ/TW nêu rõ");
        assert_eq!(
            (d.1.as_str(), d.3.as_deref()),
            ("quy định", Some("31-QĐ/TW"))
        );
        let d = one("Quyết định 367-QĐ/TWĐTN-VP của Ban Bí thư Trung ương Đoàn");
        assert_eq!(
            (d.1.as_str(), d.4.as_deref()),
            ("quyết định", Some("TWĐTN"))
        );
        let d = one("ban hành 12-TT/TU hướng dẫn");
        assert_eq!(d.1, "thông tri");
    }

    #[test]
    fn state_numbers() {
        let d = one("SỐ: 28 /2003/NĐ-CP");
        assert_eq!(
            (d.1.as_str(), d.2.as_str(), d.3.as_deref(), d.6),
            ("nghị định", "28", Some("28/2003/NĐ-CP"), Some(2003))
        );
        let d = one("Quyết định 44 /2005/QĐ-UBND ngày 5/1/2005 của UBND tỉnh Bình Định.");
        assert_eq!(d.0, "Quyết định 44 /2005/QĐ-UBND");
        assert_eq!(
            (d.3.as_deref(), d.5.as_deref()),
            (Some("44/2005/QĐ-UBND"), Some("UBND tỉnh Bình Định"))
        );
        let d = one("Luật số 80/2015/QH13 quy định");
        assert_eq!(
            (d.1.as_str(), d.4.as_deref(), d.6),
            ("luật", Some("QH13"), Some(2015))
        );
        let d = one("Pháp lệnh số 12/1999/PL-UBTVQH10");
        assert_eq!(
            (d.1.as_str(), d.4.as_deref()),
            ("pháp lệnh", Some("UBTVQH10"))
        );
        let d = one("theo văn bản số 123/UBND-VP ngày 3/4/2021");
        assert_eq!(
            (d.1.as_str(), d.4.as_deref(), d.6),
            ("công văn", Some("UBND"), Some(2021))
        );
        let d = one("TT 75/2025/TT-BNNMT có hiệu lực");
        assert_eq!(d.1, "thông tư");
        let d = one("Nghị định 116/2020/NĐ - CP tác động");
        assert_eq!(d.3.as_deref(), Some("116/2020/NĐ-CP"));
        let d = one("Luật số: 75/2006/QH 11");
        assert_eq!(d.3.as_deref(), Some("75/2006/QH11"));
    }

    #[test]
    fn bare_numbers() {
        let d = one("theo tinh thần Chỉ thị 28 cuả Ban Bí thư.");
        assert_eq!(
            (d.0.as_str(), d.2.as_str(), d.3.clone(), d.5.as_deref()),
            ("Chỉ thị 28", "28", None, Some("Ban Bí thư"))
        );
        assert_eq!(
            one("Nghị định 37/2021 của Chính phủ").3.as_deref(),
            Some("37/2021")
        );
        assert_eq!(
            docs("Nghị quyết số 18, 19 và 20-NQ/TW của Bộ Chính trị")
                .iter()
                .map(|d| d.3.clone().unwrap())
                .collect::<Vec<_>>(),
            ["18-NQ/TW", "19-NQ/TW", "20-NQ/TW"]
        );
        assert_eq!(docs("các quyết định 53 và 708 ra đời").len(), 2);
        assert!(docs("Đội bóng quyết định 11 trận đấu còn lại.").is_empty());
        assert!(docs("kế hoạch 5 năm 2021-2025").is_empty());
        assert!(docs("thông báo 18 nhà ngoại giao").is_empty());
        assert!(docs("quyết định 55-19 trước đối thủ").is_empty());
        assert!(docs("Luật Đất đai 2024").is_empty());
        assert!(docs("Thông báo 2 ca mắc mới trong ngày.").is_empty());
        assert!(docs("thực hiện nghiêm Quy định 5K của Bộ Y tế").is_empty());
        assert_eq!(docs("dựa theo Quyết định 708 cùng năm").len(), 1);
        assert!(docs("Điều 5 khoản 2 Chương II").is_empty());
        assert!(docs("điền theo Mẫu số 01/BC-UBND và hợp đồng số 12/HĐ-XD").is_empty());
    }
}
