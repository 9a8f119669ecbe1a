//! What stands around a document number: the type word and `số` before it,
//! and after it the date, the issuing body (`của …`, `do … ban hành`) and
//! a quoted title.

use super::tables::{Class, TypeWord, TABLES};
use crate::extract::Doc;
use crate::token::{Case, TokenKind};

/// How far back a type word may stand from `số` when a name or an issuer
/// stands between them (`Pháp lệnh … số 12/1999/PL-UBTVQH10`), in tokens.
const FAR_WINDOW: usize = 14;
/// Longest issuing body, in tokens.
const BODY_MAX: usize = 16;
/// Longest quoted title, in tokens.
const TITLE_MAX: usize = 48;

/// A type word found before a number.
#[derive(Clone, Copy)]
pub(super) struct TypeAt {
    pub word: &'static TypeWord,
    /// Its first token.
    pub start: usize,
    /// Written with a capital (`Quyết định`, not `quyết định`).
    pub capital: bool,
}

/// The type word ending just before token `p`, longest first; `None` across
/// a line break.
pub(super) fn type_before(doc: &Doc<'_>, p: usize) -> Option<TypeAt> {
    let last = p.checked_sub(1)?;
    let kind = doc.kind(last)?;
    if !kind.is_word() || doc.line_before(p) {
        return None;
    }
    let s = doc.s(last);
    let t = &*TABLES;
    if !t.may_end_type(s) {
        return None;
    }
    'types: for tw in &t.types {
        let n = tw.words.len();
        let Some(start) = p.checked_sub(n) else {
            continue;
        };
        for (k, w) in tw.words.iter().enumerate() {
            let j = start + k;
            if k > 0 && doc.line_before(j) {
                continue 'types;
            }
            let ok = if tw.class == Class::Abbr {
                doc.kind(j) == Some(TokenKind::Word(Case::Upper)) && doc.s(j) == *w
            } else {
                doc.is(j, w)
            };
            if !ok {
                continue 'types;
            }
        }
        let capital = matches!(
            doc.kind(start),
            Some(TokenKind::Word(Case::Capitalized | Case::Upper))
        );
        return Some(TypeAt {
            word: tw,
            start,
            capital,
        });
    }
    None
}

/// What stands before a number at token `i`.
#[derive(Clone, Copy, Default)]
pub(super) struct Head {
    /// The type word right before (after `số` if written).
    pub type_at: Option<TypeAt>,
    /// The first token of `số` / `Số:` / `SỐ`.
    pub so: Option<usize>,
}

impl Head {
    /// The first token of the citation.
    pub fn start(&self, i: usize) -> usize {
        self.type_at.map(|t| t.start).or(self.so).unwrap_or(i)
    }
}

pub(super) fn head_before(doc: &Doc<'_>, i: usize) -> Head {
    let mut head = Head::default();
    if doc.line_before(i) {
        return head;
    }
    let mut p = i;
    if p >= 2 && doc.is_punct(p - 1, ":") && doc.is(p - 2, "số") {
        p -= 2;
        head.so = Some(p);
    } else if p >= 1 && doc.is(p - 1, "số") {
        p -= 1;
        head.so = Some(p);
    }
    head.type_at = type_before(doc, p);
    // `kết luận điều tra số …`, `quyết định xử phạt số …`: a qualifier
    // between the type word and `số`.
    if head.type_at.is_none() && head.so.is_some() {
        head.type_at = TABLES.qualifiers.iter().find_map(|q| {
            let start = p.checked_sub(q.len())?;
            let here = q
                .iter()
                .enumerate()
                .all(|(k, w)| doc.is(start + k, w) && !doc.line_before(start + k));
            here.then(|| type_before(doc, start)).flatten()
        });
    }
    head
}

/// A type word further back: `TYPE <name or của BODY> số …`. Returns the
/// type word and the token where the words between it and `số` start.
pub(super) fn far_type_before(doc: &Doc<'_>, so: usize) -> Option<(TypeAt, usize)> {
    let mut q = so;
    while q > 0 && so - q < FAR_WINDOW {
        if doc.line_before(q) {
            return None;
        }
        let k = q - 1;
        match doc.kind(k)? {
            TokenKind::Word(_) | TokenKind::Abbreviation => {}
            TokenKind::Punct | TokenKind::Symbol if matches!(doc.s(k), "-" | "&") => {}
            _ => return None,
        }
        if let Some(t) = type_before(doc, q) {
            return (q < so).then_some((t, q));
        }
        q -= 1;
    }
    None
}

/// Whether the words `a..b` between a type word and `số` read as the
/// document's name (`Trợ giúp pháp lý`, `phát hành công trái`), not as a
/// clause that goes on (`sư bào chữa đã đề nghị`).
pub(super) fn plain_name(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    (a..b).all(|k| any_at(doc, k, NAME_STOPS).is_none())
        // `luật sư`, `luật gia`: not the law.
        && !doc.is(a, "sư")
        && !doc.is(a, "gia")
}

/// Whether a word of [`BODY_STOPS`] starts at token `k`. Capitalised words
/// never stop (`Ban Chỉ đạo`); all-capital text does (`CỦA QUỐC HỘI VỀ`).
fn stops_at(doc: &Doc<'_>, k: usize) -> bool {
    if doc.is(k, "số") || doc.is(k, "ngày") || doc.is(k, "của") {
        return true;
    }
    !matches!(
        doc.kind(k),
        Some(TokenKind::Word(Case::Capitalized | Case::Mixed))
    ) && any_at(doc, k, BODY_STOPS).is_some()
}

/// Whether a type word (not an abbreviation) starts at token `k`:
/// `Quyết định`, `Nghị định`.
fn type_starts(doc: &Doc<'_>, k: usize) -> bool {
    TABLES.types.iter().any(|tw| {
        tw.class != Class::Abbr
            && tw
                .words
                .iter()
                .enumerate()
                .all(|(o, w)| doc.is(k + o, w) && (o == 0 || !doc.line_before(k + o)))
    })
}

/// The year of a date token: `15/5/2016`, `21-10-2005`, `3.3.2025`.
fn date_token_year(s: &str) -> Option<i32> {
    let last = s.rsplit(['/', '-', '.']).next()?;
    (last.len() == 4 && s.len() > 5).then(|| last.parse().ok())?
}

/// A year written as a number token.
fn year_token(doc: &Doc<'_>, j: usize) -> Option<i32> {
    let s = doc.s(j);
    if doc.kind(j) != Some(TokenKind::Number) || s.len() != 4 {
        return None;
    }
    let y: i32 = s.parse().ok()?;
    (1900..2100).contains(&y).then_some(y)
}

/// A date written after a document number (`ngày 15/5/2016`, `, ngày 25
/// tháng 12 năm 2001`, a bare `15/05/2013`, `năm 2008`): the index past
/// it and its year. The date itself stays out of the document's span: the
/// date extractor reports it.
pub(super) fn date_after(doc: &Doc<'_>, j: usize) -> Option<(usize, Option<i32>)> {
    let mut k = j;
    if doc.line_before(k) {
        return None;
    }
    if doc.is_punct(k, ",") && doc.is(k + 1, "ngày") {
        k += 1;
    }
    if doc.is(k, "ngày") && !doc.line_before(k + 1) {
        match doc.kind(k + 1)? {
            TokenKind::DateLike => return Some((k + 2, date_token_year(doc.s(k + 1)))),
            TokenKind::Number => {
                // ngày 25 tháng 12 năm 2001
                if doc.is(k + 2, "tháng") && doc.kind(k + 3) == Some(TokenKind::Number) {
                    if doc.is(k + 4, "năm") {
                        if let Some(y) = year_token(doc, k + 5) {
                            return Some((k + 6, Some(y)));
                        }
                    }
                    return Some((k + 4, None));
                }
                return None;
            }
            _ => return None,
        }
    }
    if doc.kind(k) == Some(TokenKind::DateLike) {
        let y = date_token_year(doc.s(k))?;
        return Some((k + 1, Some(y)));
    }
    if doc.is(k, "năm") && !doc.line_before(k + 1) {
        if let Some(y) = year_token(doc, k + 1) {
            return Some((k + 2, Some(y)));
        }
    }
    None
}

/// Words that end an issuing body: the clause goes on.
const BODY_STOPS: &[&str] = &[
    "về",
    "ngày",
    "số",
    "năm",
    "của",
    "do",
    "để",
    "cho",
    "tại",
    "trong",
    "với",
    "theo",
    "nhằm",
    "thì",
    "mà",
    "là",
    "có",
    "đã",
    "đang",
    "sẽ",
    "vừa",
    "mới",
    "được",
    "bị",
    "cũng",
    "không",
    "quy định",
    "qui định",
    "hướng dẫn",
    "sửa đổi",
    "bổ sung",
    "ban hành",
    "thực hiện",
    "triển khai",
    "đề nghị",
    "yêu cầu",
    "xác định",
    "phê duyệt",
    "giao",
    "gửi",
    "ký",
    "chỉ đạo",
    "nêu",
    "thông qua",
    "đồng ý",
    "cho phép",
    "nhấn mạnh",
    "khẳng định",
];

/// Words that cannot stand inside a document's name: the clause goes on.
/// (Names hold prepositions and verbs: `Ưu đãi người có công với cách
/// mạng`, `Tổ chức Chính phủ`.)
const NAME_STOPS: &[&str] = &[
    "đã",
    "đang",
    "sẽ",
    "vừa",
    "được",
    "bị",
    "là",
    "do",
    "ngày",
    "theo",
    "tại",
    "đề nghị",
];

/// Lower-case words that may end a body: the level of an administrative
/// unit (`UBND tỉnh`, `Đảng ủy … quận`).
const LEVELS: &[&str] = &[
    "tỉnh",
    "thành phố",
    "huyện",
    "quận",
    "thị xã",
    "thị trấn",
    "xã",
    "phường",
];

/// Whether the name of an issuing body starts at token `k` (`doc_bodies.txt`).
fn body_head(doc: &Doc<'_>, k: usize) -> bool {
    TABLES.bodies.iter().any(|words| {
        words.iter().enumerate().all(|(o, w)| {
            let j = k + o;
            (o == 0 || !doc.line_before(j))
                && if w.chars().all(crate::lexicon::chars::is_upper) {
                    doc.s(j) == *w
                } else {
                    doc.is(j, w)
                }
        })
    })
}

fn any_at(doc: &Doc<'_>, k: usize, list: &[&str]) -> Option<usize> {
    list.iter().find_map(|p| doc.phrase_at(k, p))
}

/// Whether token `k` is a Roman numeral or a number (`khóa XIII`, `khóa 15`).
fn term_token(doc: &Doc<'_>, k: usize) -> bool {
    let s = doc.s(k);
    match doc.kind(k) {
        Some(TokenKind::Number) => s.len() <= 2,
        Some(TokenKind::Word(_)) => {
            !s.is_empty() && s.len() <= 6 && s.bytes().all(|b| b"IVXL".contains(&b))
        }
        _ => false,
    }
}

/// The issuing body that starts at token `j` (`Bộ Chính trị khóa XIII`,
/// `UBND tỉnh Bình Định`, `Thủ tướng Chính phủ`): the index past it. A
/// body starts with a capital and ends on a capitalised word, a code, a
/// term (`khóa XII`) or a level (`tỉnh`); lower-case words inside it must
/// lead to one of those within three words, and any word of
/// [`BODY_STOPS`] ends it.
pub(super) fn body_at(doc: &Doc<'_>, j: usize) -> Option<usize> {
    let n = doc.len();
    let mut k = j;
    // `liên Bộ Thương mại`
    if doc.is(k, "liên") && doc.is_capitalized(k + 1) {
        k += 1;
    }
    match doc.kind(k)? {
        TokenKind::Word(Case::Capitalized | Case::Upper | Case::Mixed)
        | TokenKind::Abbreviation => {}
        _ => return None,
    }
    if type_starts(doc, k) {
        return None;
    }
    let mut good = None;
    let mut pending = 0;
    let mut prev_cap = false;
    while k < n && k - j < BODY_MAX {
        if k > j && doc.line_before(k) {
            break;
        }
        if k > j && stops_at(doc, k) {
            break;
        }
        let kind = match doc.kind(k) {
            Some(kd) => kd,
            None => break,
        };
        match kind {
            TokenKind::Word(Case::Lower) => {
                if (doc.is(k, "khóa") || doc.is(k, "khoá")) && term_token(doc, k + 1) {
                    k += 2;
                    good = Some(k);
                    pending = 0;
                    prev_cap = false;
                    continue;
                }
                if let Some(e) = any_at(doc, k, LEVELS) {
                    k = e;
                    good = Some(k);
                    pending = 0;
                    prev_cap = false;
                    continue;
                }
                if doc.is(k, "và") {
                    let next_head = body_head(doc, k + 1) || type_starts(doc, k + 1);
                    if next_head || !doc.is_capitalized(k + 1) {
                        break;
                    }
                    pending += 1;
                    prev_cap = false;
                } else if prev_cap && pending == 0 {
                    // The second syllable of a capitalised word: `Chính trị`.
                    good = Some(k + 1);
                    prev_cap = false;
                } else {
                    pending += 1;
                    if pending > 3 {
                        break;
                    }
                }
            }
            TokenKind::Word(case) => {
                if k > j && type_starts(doc, k) {
                    break;
                }
                good = Some(k + 1);
                pending = 0;
                prev_cap = case == Case::Capitalized || case == Case::Mixed;
            }
            TokenKind::Abbreviation => {
                good = Some(k + 1);
                pending = 0;
                prev_cap = false;
            }
            // `Bộ GD&ĐT`, `Bộ LĐ-TB&XH`
            TokenKind::Symbol
                if doc.s(k) == "&" && !doc.space_before(k) && !doc.space_before(k + 1) =>
            {
                prev_cap = false;
            }
            TokenKind::Punct if doc.s(k) == "-" => {
                let glued = !doc.space_before(k) && !doc.space_before(k + 1);
                let next_ok = matches!(
                    doc.kind(k + 1),
                    Some(TokenKind::Word(
                        Case::Capitalized | Case::Upper | Case::Mixed
                    ))
                );
                if !next_ok || (!glued && doc.line_before(k + 1)) {
                    break;
                }
                prev_cap = false;
            }
            _ => break,
        }
        k += 1;
    }
    good
}

/// The issuing body named after a citation that ends at token `j`:
/// `của …` or `do … (đã|vừa|mới)? ban hành|ký`. Its token range.
pub(super) fn issuer_after(doc: &Doc<'_>, j: usize) -> Option<(usize, usize)> {
    if doc.line_before(j) || doc.line_before(j + 1) {
        return None;
    }
    if doc.is(j, "của") {
        let end = body_at(doc, j + 1)?;
        return Some((j + 1, end));
    }
    if doc.is(j, "do") {
        let end = body_at(doc, j + 1)?;
        let mut k = end;
        if doc.is(k, "đã") || doc.is(k, "vừa") || doc.is(k, "mới") {
            k += 1;
        }
        if doc.phrase_at(k, "ban hành").is_some()
            || doc.is(k, "ký")
            || doc.phrase_at(k, "phát hành").is_some()
        {
            return Some((j + 1, end));
        }
    }
    None
}

/// The issuing body written as the subject before the type word that
/// starts at token `start`: `Chính phủ vừa ban hành Nghị định …`, `Bộ Tài
/// chính có văn bản số …`. Its token range.
pub(super) fn issuer_before(doc: &Doc<'_>, start: usize) -> Option<(usize, usize)> {
    let mut v = start;
    if v >= 1 && (doc.is(v - 1, "có") || doc.is(v - 1, "ký")) {
        v -= 1;
    } else {
        v = doc.phrase_before(v, "ban hành")?;
    }
    if v >= 1 && (doc.is(v - 1, "đã") || doc.is(v - 1, "vừa") || doc.is(v - 1, "mới")) {
        v -= 1;
    }
    if doc.line_before(v) || doc.line_before(start) {
        return None;
    }
    let mut best = None;
    let mut s = v;
    while s > 0 && v - s < BODY_MAX {
        s -= 1;
        match doc.kind(s) {
            Some(TokenKind::Word(_) | TokenKind::Abbreviation) => {}
            Some(TokenKind::Punct | TokenKind::Symbol) if matches!(doc.s(s), "-" | "&") => {}
            _ => break,
        }
        if body_head(doc, s) && body_at(doc, s) == Some(v) {
            best = Some((s, v));
        }
        if doc.line_before(s) {
            break;
        }
    }
    best
}

/// A quoted title after a citation: `về "…"` or `"…"` right after it. The
/// token range inside the quotes.
pub(super) fn quoted_title_after(doc: &Doc<'_>, j: usize) -> Option<(usize, usize)> {
    let mut k = j;
    if doc.is(k, "về") {
        k += 1;
        if doc.is(k, "việc") {
            k += 1;
        }
    }
    // An opening quote: a space before it, none after.
    if !doc.is_punct(k, "\"")
        || doc.line_before(k)
        || !doc.space_before(k)
        || doc.space_before(k + 1)
    {
        return None;
    }
    let open = k + 1;
    let mut e = open;
    while e < doc.len() && e - open < TITLE_MAX {
        if doc.line_before(e) {
            return None;
        }
        if doc.is_punct(e, "\"") {
            return (e > open).then_some((open, e));
        }
        e += 1;
    }
    None
}
