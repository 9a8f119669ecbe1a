//! The time grammar behind the `date` and `period` facts.
//!
//! One left-to-right pass over the tokens of a block finds every time
//! expression: absolute dates in their written forms (`09/03/2023`,
//! `9-3-2023`, `30.4.1975`, `ngày 9 tháng 3 năm 2023`, `tháng 3/2023`,
//! `năm 2023`), times and parts of day (`14:49`, `9 giờ sáng`, `Chiều
//! 22.4`), weekdays (`Thứ sáu, 10/3/2023, 14:49 (GMT+7)`), relative dates
//! (`hôm qua`, `sáng nay`, `năm ngoái`, `chiều cùng ngày`), lunar dates
//! (`mùng 1 Tết`, `rằm tháng Giêng`, `15/8 âm lịch`) and periods (quarters,
//! halves, terms, `giai đoạn 2021-2025`, `từ ngày 1/3 đến ngày 5/3/2023`,
//! `30/4 - 1/5`). The `date` extractor keeps the dates, the `period`
//! extractor the periods; both run the same scan, so a period's years never
//! come out as dates as well.
//!
//! Each token is classified once with a `match` on its lower-cased text;
//! an expression starts only at a classified word or at a number, and every
//! look-ahead or look-back is a bounded number of tokens, so the scan is
//! linear. The grammar follows section 4 of the reference notes
//! (`shared/reference/extraction.md`): day before month, `năm` both the
//! number 5 and "year", `thứ năm` Thursday.
//!
//! A bare `x/y` is not taken for a date: `1/3` is a fraction and `12/8 chi
//! bộ` a ratio. A day and month without year needs a trigger before it
//! (`ngày`, `hôm`, `sáng`, `chiều`, `tối`, a weekday, `mùng`), a weaker one
//! (`từ`, `đến`, `dịp`, `lễ`, `trước` …) with no counted noun after it, or
//! parentheses of its own (`hôm nay (27/4)`).

use super::{Candidate, Doc};
use crate::fact::{self, days_in_month, Calendar, PartOfDay, Payload, PeriodLabel, Time};
use crate::lexicon::chars::lower;
use crate::token::{Case, TokenKind};
use crate::PartialDate;

/// A time expression found by [`scan`], with its token range.
pub(crate) struct Found {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    pub expr: Expr,
}

pub(crate) enum Expr {
    Date(fact::Date),
    Period(fact::Period),
}

/// Pushes the dates (with `dates`) and the periods (with `periods`) of the
/// block: one scan serves both kinds.
pub(crate) fn find(doc: &Doc<'_>, dates: bool, periods: bool, out: &mut Vec<Candidate>) {
    scan(doc, |f| {
        let payload = match f.expr {
            Expr::Date(d) if dates => Payload::Date(d),
            Expr::Period(p) if periods => Payload::Period(p),
            _ => return,
        };
        out.push(Candidate::new(doc.span(f.start, f.end), payload));
    });
}

/// Finds every time expression of the block, in order.
pub(crate) fn scan(doc: &Doc<'_>, mut emit: impl FnMut(Found)) {
    let cls: Vec<W> = (0..doc.len()).map(|i| classify(doc, i)).collect();
    let mut p = Parser {
        doc,
        cls: &cls,
        last_day: None,
        last_day_line: 0,
        line: 0,
        last_end: usize::MAX,
        last_prec: Prec::Year,
        start: 0,
    };
    let n = doc.len();
    let mut i = 0;
    while i < n {
        if doc.line_before(i) {
            p.line += 1;
        }
        match p.expr_at(i) {
            Some(f) => {
                let end = f.end.max(i + 1);
                p.note(&f);
                emit(f);
                i = end;
            }
            None => i += 1,
        }
    }
}

// ---------------------------------------------------------------------------
// Token classes

/// The class of a token: the grammar's words and punctuation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum W {
    No,
    // Punctuation.
    Slash,
    Dash,
    Comma,
    LParen,
    RParen,
    Pipe,
    Colon,
    Plus,
    // Calendar words.
    Ngay,
    Hom,
    Nam,
    Thang,
    Tuan,
    Quy,
    Thu,
    Chu,
    Nhat,
    Cn,
    Pod(PartOfDay),
    Rang,
    Som,
    Muon,
    Mung,
    Ram,
    Tet,
    Gieng,
    Chap,
    Am,
    Lich,
    AmLichAbbr,
    Gmt,
    Sn,
    /// `sinh` (born): a year after it is a date (`(sinh 1984)`).
    Sinh,
    // Prepositions and markers.
    Tu,
    Den,
    Toi2,
    Het,
    Truoc,
    Sau,
    Vao,
    Luc,
    Dip,
    Le,
    Trong,
    Hoi,
    Ky,
    Cung,
    Diem,
    Dau,
    Cuoi,
    Giua,
    Nua,
    Va,
    Hoac,
    Hien,
    Bay,
    // Relative words.
    Nay,
    Qua,
    Mai,
    Kia,
    Mot,
    Nay2,
    Ngoai,
    Do,
    Ay,
    // Clock.
    Gio,
    Phut,
    Ruoi,
    Kem,
    // Period heads.
    Nhiem,
    Khoa,
    Nien,
    Giai,
    Doan,
    Thoi,
    Hoc,
    Mua,
    Giai2,
    Nhung,
    Thap,
    Ky2,
    // Number words, Roman numerals.
    Num(u8),
    Roman(u8),
    /// `Q1` … `Q4`, `H1`, `H2` (business style, with a year only).
    QAbbr(u8),
    HAbbr(u8),
    // Quantifiers before a relative word (`mấy năm trước` is no date).
    Quant,
    /// A word that may follow a date (`tại`, `đã`, `là` …).
    Fn,
    /// A counted noun or unit: a number before it is a count.
    Unit,
}

fn classify(doc: &Doc<'_>, i: usize) -> W {
    let Some(tok) = doc.toks.get(i) else {
        return W::No;
    };
    let kind = tok.kind;
    if kind == TokenKind::Word(Case::Lower) {
        // The common case: read the word's bytes as one number, from the
        // token's offsets (no &str slice to check).
        let bytes = doc.text.as_bytes();
        let st = tok.start as usize;
        let len = tok.end.wrapping_sub(tok.start) as usize;
        if len > LONGEST {
            return W::No;
        }
        return match bytes
            .get(st..st + 8)
            .and_then(|b| <[u8; 8]>::try_from(b).ok())
        {
            Some(k) => {
                let mask = if len == 8 {
                    u64::MAX
                } else {
                    (1u64 << (8 * len)) - 1
                };
                lookup_key(u64::from_le_bytes(k) & mask)
            }
            None => lookup(doc.s(i).as_bytes()),
        };
    }
    let s = doc.s(i);
    match kind {
        TokenKind::Word(case) => classify_word(s, case),
        TokenKind::Punct | TokenKind::Symbol => match s {
            "/" => W::Slash,
            "-" => W::Dash,
            "," => W::Comma,
            "(" => W::LParen,
            ")" => W::RParen,
            "|" => W::Pipe,
            ":" => W::Colon,
            "+" => W::Plus,
            _ => W::No,
        },
        _ => W::No,
    }
}

/// The grammar's words, lower case, and the abbreviations and Roman
/// numerals as written (upper case); looked up in [`WORD_TABLE`].
const WORDS: &[(&str, W)] = &[
    ("ngày", W::Ngay),
    ("hôm", W::Hom),
    ("năm", W::Nam),
    ("tháng", W::Thang),
    ("tuần", W::Tuan),
    ("quý", W::Quy),
    ("qúy", W::Quy),
    ("thứ", W::Thu),
    ("chủ", W::Chu),
    ("nhật", W::Nhat),
    ("sáng", W::Pod(PartOfDay::Morning)),
    ("trưa", W::Pod(PartOfDay::Noon)),
    ("chiều", W::Pod(PartOfDay::Afternoon)),
    ("tối", W::Pod(PartOfDay::Evening)),
    ("đêm", W::Pod(PartOfDay::Night)),
    ("khuya", W::Pod(PartOfDay::Night)),
    ("rạng", W::Rang),
    ("sớm", W::Som),
    ("muộn", W::Muon),
    ("mùng", W::Mung),
    ("mồng", W::Mung),
    ("rằm", W::Ram),
    ("tết", W::Tet),
    ("giêng", W::Gieng),
    ("chạp", W::Chap),
    ("âm", W::Am),
    ("lịch", W::Lich),
    ("từ", W::Tu),
    ("đến", W::Den),
    ("tới", W::Toi2),
    ("hết", W::Het),
    ("trước", W::Truoc),
    ("sau", W::Sau),
    ("vào", W::Vao),
    ("lúc", W::Luc),
    ("sinh", W::Sinh),
    ("dịp", W::Dip),
    ("lễ", W::Le),
    ("trong", W::Trong),
    ("hồi", W::Hoi),
    ("kỳ", W::Ky),
    ("kì", W::Ky),
    ("cùng", W::Cung),
    ("điểm", W::Diem),
    ("đầu", W::Dau),
    ("cuối", W::Cuoi),
    ("giữa", W::Giua),
    ("nửa", W::Nua),
    ("và", W::Va),
    ("hoặc", W::Hoac),
    ("hiện", W::Hien),
    ("bây", W::Bay),
    ("nay", W::Nay),
    ("qua", W::Qua),
    ("mai", W::Mai),
    ("kia", W::Kia),
    ("mốt", W::Mot),
    ("này", W::Nay2),
    ("ngoái", W::Ngoai),
    ("đó", W::Do),
    ("ấy", W::Ay),
    ("giờ", W::Gio),
    ("phút", W::Phut),
    ("rưỡi", W::Ruoi),
    ("kém", W::Kem),
    ("nhiệm", W::Nhiem),
    ("khóa", W::Khoa),
    ("khoá", W::Khoa),
    ("niên", W::Nien),
    ("giai", W::Giai),
    ("đoạn", W::Doan),
    ("thời", W::Thoi),
    ("học", W::Hoc),
    ("mùa", W::Mua),
    ("giải", W::Giai2),
    ("những", W::Nhung),
    ("thập", W::Thap),
    ("kỷ", W::Ky2),
    ("kỉ", W::Ky2),
    ("một", W::Num(1)),
    ("hai", W::Num(2)),
    ("ba", W::Num(3)),
    ("bốn", W::Num(4)),
    ("tư", W::Num(4)),
    ("sáu", W::Num(6)),
    ("bảy", W::Num(7)),
    ("bẩy", W::Num(7)),
    ("tám", W::Num(8)),
    ("chín", W::Num(9)),
    ("mười", W::Num(10)),
    ("mấy", W::Quant),
    ("vài", W::Quant),
    ("nhiều", W::Quant),
    ("các", W::Quant),
    ("mỗi", W::Quant),
    ("hằng", W::Quant),
    ("hàng", W::Quant),
    ("cả", W::Quant),
    ("bao", W::Quant),
    ("lần", W::Quant),
    ("tại", W::Fn),
    ("đã", W::Fn),
    ("vừa", W::Fn),
    ("để", W::Fn),
    ("là", W::Fn),
    ("khi", W::Fn),
    ("sẽ", W::Fn),
    ("của", W::Fn),
    ("với", W::Fn),
    ("sắp", W::Fn),
    ("không", W::Fn),
    ("so", W::Fn),
    ("về", W::Fn),
    ("do", W::Fn),
    ("ở", W::Fn),
    ("dương", W::Fn),
    ("mà", W::Fn),
    ("thì", W::Fn),
    ("hay", W::Fn),
    ("nhưng", W::Fn),
    ("cũng", W::Fn),
    ("đều", W::Fn),
    ("nữa", W::Fn),
    ("rồi", W::Fn),
    ("ngay", W::Fn),
    ("chính", W::Fn),
    ("diễn", W::Fn),
    ("mới", W::Fn),
    ("tiếp", W::Fn),
    ("lại", W::Fn),
    ("nên", W::Fn),
    ("theo", W::Fn),
    ("tức", W::Fn),
    ("nhằm", W::Fn),
    ("khai", W::Fn),
    ("bắt", W::Fn),
    ("kết", W::Fn),
    ("cho", W::Fn),
    ("gồm", W::Fn),
    ("họ", W::Fn),
    ("tôi", W::Fn),
    ("chúng", W::Fn),
    ("ta", W::Fn),
    ("người", W::Unit),
    ("hộ", W::Unit),
    ("tấn", W::Unit),
    ("đồng", W::Unit),
    ("ha", W::Unit),
    ("chiếc", W::Unit),
    ("con", W::Unit),
    ("cái", W::Unit),
    ("lượt", W::Unit),
    ("ca", W::Unit),
    ("tỷ", W::Unit),
    ("tỉ", W::Unit),
    ("triệu", W::Unit),
    ("nghìn", W::Unit),
    ("ngàn", W::Unit),
    ("trăm", W::Unit),
    ("km", W::Unit),
    ("kg", W::Unit),
    ("mét", W::Unit),
    ("lít", W::Unit),
    ("căn", W::Unit),
    ("xe", W::Unit),
    ("chục", W::Unit),
    ("vạn", W::Unit),
    ("chi", W::Unit),
    ("đảng", W::Unit),
    ("xã", W::Unit),
    ("đơn", W::Unit),
    ("tổ", W::Unit),
    ("I", W::Roman(1)),
    ("II", W::Roman(2)),
    ("III", W::Roman(3)),
    ("IV", W::Roman(4)),
    ("V", W::Roman(5)),
    ("VI", W::Roman(6)),
    ("VII", W::Roman(7)),
    ("VIII", W::Roman(8)),
    ("IX", W::Roman(9)),
    ("X", W::Roman(10)),
    ("XI", W::Roman(11)),
    ("XII", W::Roman(12)),
    ("XIII", W::Roman(13)),
    ("XIV", W::Roman(14)),
    ("XV", W::Roman(15)),
    ("XVI", W::Roman(16)),
    ("SN", W::Sn),
    ("CN", W::Cn),
    ("ÂL", W::AmLichAbbr),
    ("GMT", W::Gmt),
    ("Q1", W::QAbbr(1)),
    ("Q2", W::QAbbr(2)),
    ("Q3", W::QAbbr(3)),
    ("Q4", W::QAbbr(4)),
    ("H1", W::HAbbr(1)),
    ("H2", W::HAbbr(2)),
];

/// The longest entry of [`WORDS`], in bytes.
const LONGEST: usize = 8;

/// A word of at most [`LONGEST`] bytes as a number: its bytes, little-endian,
/// zero-padded. Exact, since words hold no zero byte.
#[inline]
const fn word_key(b: &[u8]) -> u64 {
    let mut key = 0u64;
    let mut i = 0;
    while i < b.len() && i < 8 {
        key |= (b[i] as u64) << (8 * i);
        i += 1;
    }
    key
}

#[inline]
const fn key_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TABLE_BITS)) as usize
}

const TABLE_BITS: u32 = 10;
const TABLE_SIZE: usize = 1 << TABLE_BITS;

/// Open-addressing table over [`WORDS`] by [`word_key`]; key 0 marks an
/// empty slot. Most tokens land on an empty slot at once.
/// Built at compile time: a lookup is plain loads, with no check that a
/// lazy table is ready. Keys and classes are kept apart so that the keys,
/// which every lookup reads, take 8 KiB of cache rather than 16.
static WORD_TABLE: ([u64; TABLE_SIZE], [W; TABLE_SIZE]) = {
    let mut keys = [0u64; TABLE_SIZE];
    let mut classes = [W::No; TABLE_SIZE];
    let mut k = 0;
    while k < WORDS.len() {
        let (w, c) = WORDS[k];
        let key = word_key(w.as_bytes());
        let mut h = key_slot(key);
        while keys[h] != 0 {
            h = (h + 1) & (TABLE_SIZE - 1);
        }
        keys[h] = key;
        classes[h] = c;
        k += 1;
    }
    (keys, classes)
};

#[inline]
fn lookup(word: &[u8]) -> W {
    lookup_key(word_key(word))
}

#[inline]
fn lookup_key(key: u64) -> W {
    let (keys, classes) = &WORD_TABLE;
    let mut h = key_slot(key);
    loop {
        match keys.get(h) {
            Some(&k) if k == key => return classes.get(h).copied().unwrap_or(W::No),
            Some(&0) | None => return W::No,
            Some(_) => h = (h + 1) & (TABLE_SIZE - 1),
        }
    }
}

fn classify_word(s: &str, case: Case) -> W {
    if s.len() > LONGEST || s.is_empty() {
        return W::No;
    }
    match case {
        Case::Lower => lookup(s.as_bytes()),
        Case::Mixed => W::No,
        Case::Capitalized | Case::Upper => {
            // Abbreviations and Roman numerals as written, else the word
            // lower-cased.
            if case == Case::Upper || s.len() == 1 {
                let w = lookup(s.as_bytes());
                if w != W::No {
                    return w;
                }
            }
            // A capital A–Z before lower-case letters: the key of the word
            // lower-cased is its own key with the first byte's case bit set.
            if case == Case::Capitalized && s.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
            {
                return lookup_key(word_key(s.as_bytes()) | 0x20);
            }
            let mut buf = [0u8; LONGEST + 4];
            let mut n = 0;
            for (k, c) in s.char_indices() {
                if case == Case::Capitalized && k > 0 {
                    // The rest is lower case already.
                    let rest = &s.as_bytes()[k..];
                    if n + rest.len() > LONGEST {
                        return W::No;
                    }
                    buf[n..n + rest.len()].copy_from_slice(rest);
                    n += rest.len();
                    break;
                }
                let l = lower(c);
                if n + l.len_utf8() > LONGEST {
                    return W::No;
                }
                n += l.encode_utf8(&mut buf[n..]).len();
            }
            lookup(&buf[..n])
        }
    }
}

// ---------------------------------------------------------------------------
// Points: one date, possibly partial

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prec {
    Year,
    Month,
    Day,
}

/// How a point was written, which decides how much context it needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// A trigger word stands before it (`ngày`, `sáng`, `tháng`, `năm` …),
    /// or it is a full numeric date: always a date.
    Sure,
    /// A bare `9/3` or `3/2023`: needs a weaker trigger, parentheses or a
    /// list of dates before it.
    Slash,
    /// A bare year: needs a weaker trigger or a list of years.
    Year,
    /// `22.4`, `28-10`, a two-digit year: only after a trigger.
    Risky,
    /// A day alone (`ngày 5`), a range start only.
    DayOnly,
    /// A month alone (`tháng 1`): a range start, or `--01`.
    MonthOnly,
}

#[derive(Clone, Copy, Debug)]
struct Pt {
    y: Option<i32>,
    m: Option<u8>,
    d: Option<u8>,
    time: Option<Time>,
    pod: Option<PartOfDay>,
    lunar: bool,
    inferred: bool,
    form: Form,
}

impl Pt {
    fn new() -> Pt {
        Pt {
            y: None,
            m: None,
            d: None,
            time: None,
            pod: None,
            lunar: false,
            inferred: false,
            form: Form::Sure,
        }
    }

    fn with(mut self, y: Option<i32>, m: Option<u8>, d: Option<u8>) -> Pt {
        self.y = y;
        self.m = m;
        self.d = d;
        self
    }

    fn set_date(&mut self, d: PartialDate) {
        self.y = d.year();
        self.m = d.month();
        self.d = d.day();
    }

    fn prec(&self) -> Option<Prec> {
        match (self.y, self.m, self.d) {
            (_, Some(_), Some(_)) => Some(Prec::Day),
            (_, Some(_), None) => Some(Prec::Month),
            (Some(_), None, None) => Some(Prec::Year),
            _ => None,
        }
    }

    fn value(&self) -> Option<PartialDate> {
        match (self.y, self.m, self.d) {
            (Some(y), Some(m), Some(d)) => PartialDate::ymd(y, m, d),
            (Some(y), Some(m), None) => PartialDate::ym(y, m),
            (Some(y), None, None) => PartialDate::y(y),
            (None, Some(m), Some(d)) => PartialDate::md(m, d),
            (None, Some(m), None) => PartialDate::m(m),
            _ => None,
        }
    }
}

/// A number token read as (part of) a date.
#[derive(Clone, Copy, Debug)]
enum NumDate {
    Date(Option<i32>, Option<u8>, Option<u8>, Form),
    /// `2013/2014`.
    Years(i32, i32),
    /// One or two digits.
    Small(u8),
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn year_ok(y: u32) -> bool {
    (1000..=2199).contains(&y)
}

fn two_digit_year(y: u32) -> i32 {
    if y < 50 {
        2000 + y as i32
    } else {
        1900 + y as i32
    }
}

fn dm_ok(d: u32, m: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(None, m as u8) as u32
}

// ---------------------------------------------------------------------------
// The parser

struct Parser<'a, 'd> {
    doc: &'a Doc<'d>,
    cls: &'a [W],
    /// The last day-level date written, for `cùng ngày`, `hôm sau`, and the
    /// line it stands on; `line` counts the lines scanned.
    last_day: Option<PartialDate>,
    last_day_line: u32,
    line: u32,
    /// Token just past the last expression, and its precision, for lists
    /// (`năm 2019 và 2020`, `30/4, 1/5`).
    last_end: usize,
    last_prec: Prec,
    /// The first token of the expression being read: the only one that may
    /// stand after a line break.
    start: usize,
}

/// Words after which `năm`, `tháng`, `tuần` + a relative word count
/// something (`mấy năm trước`, `5 năm qua`).
fn counted_before(p: &Parser<'_, '_>, i: usize) -> bool {
    i > 0
        && !p.doc.line_before(i)
        && (matches!(p.c(i - 1), W::Quant | W::Num(_) | W::Nhung | W::Unit)
            || p.doc.kind(i - 1) == Some(TokenKind::Number))
}

impl Parser<'_, '_> {
    #[inline]
    fn c(&self, i: usize) -> W {
        self.cls.get(i).copied().unwrap_or(W::No)
    }

    /// Class of token `j` if it starts the expression or continues it on
    /// the same line.
    #[inline]
    fn k(&self, j: usize) -> W {
        if j != self.start && self.doc.line_before(j) {
            W::No
        } else {
            self.c(j)
        }
    }

    #[inline]
    fn kind(&self, j: usize) -> Option<TokenKind> {
        if j != self.start && self.doc.line_before(j) {
            None
        } else {
            self.doc.kind(j)
        }
    }

    fn note(&mut self, f: &Found) {
        self.last_end = f.end;
        match &f.expr {
            Expr::Date(d) => {
                self.last_prec = if d.value.day().is_some() {
                    Prec::Day
                } else if d.value.month().is_some() {
                    Prec::Month
                } else {
                    Prec::Year
                };
                if d.value.day().is_some() && d.calendar.is_none() {
                    self.last_day = Some(d.value);
                    self.last_day_line = self.line;
                }
            }
            Expr::Period(p) => {
                self.last_prec = if p.end_value.day().is_some() {
                    Prec::Day
                } else if p.end_value.month().is_some() {
                    Prec::Month
                } else {
                    Prec::Year
                };
            }
        }
    }

    fn reference(&self) -> Option<PartialDate> {
        self.doc.ctx.reference
    }

    // -- entry -------------------------------------------------------------

    fn expr_at(&mut self, i: usize) -> Option<Found> {
        self.start = i;
        let c = self.c(i);
        let numeric = matches!(
            self.doc.kind(i),
            Some(TokenKind::Number | TokenKind::DateLike | TokenKind::Time)
        );
        if !numeric && !can_start(c) {
            return None;
        }
        match c {
            W::Tu => {
                if let Some(f) = self.tu_den(i) {
                    return Some(f);
                }
            }
            W::Nhiem | W::Khoa | W::Nien | W::Giai | W::Thoi | W::Mua | W::Nam => {
                if let Some(f) = self.span_head(i) {
                    return Some(f);
                }
            }
            W::Quy => return self.quarter(i),
            W::QAbbr(q) | W::HAbbr(q) => {
                // `Q1/2023`, `H2/2024`; a bare `Q1` is District 1.
                let (y, e) = match self.year_suffix(i + 1) {
                    Some((y, _, e)) => (y, e),
                    None => return None,
                };
                let (label, m1, m2) = if matches!(self.c(i), W::QAbbr(_)) {
                    (PeriodLabel::Quarter, 3 * q - 2, 3 * q)
                } else {
                    (PeriodLabel::Half, 6 * q - 5, 6 * q)
                };
                let (s, t) = months(Some(y), m1, m2)?;
                return Some(period(i, e, s, t, label));
            }
            W::Nua => {
                if let Some(f) = self.half(i) {
                    return Some(f);
                }
            }
            W::Nhung | W::Thap => {
                if let Some(f) = self.decade(i) {
                    return Some(f);
                }
            }
            _ => {}
        }
        if let Some(f) = self.months_of_year(i) {
            return Some(f);
        }
        if numeric {
            if let Some(f) = self.list_member(i) {
                return Some(f);
            }
        }
        let (pt, j) = self.point_at(i)?;
        if let Some(f) = self.dash_range(i, &pt, j) {
            return Some(f);
        }
        if !self.accept(i, &pt, j) {
            return None;
        }
        let date = self.finish(pt)?;
        Some(Found {
            start: i,
            end: j,
            expr: Expr::Date(date),
        })
    }

    /// Whether a point standing at tokens `i..j` is a date, given how it was
    /// written.
    fn accept(&self, i: usize, pt: &Pt, j: usize) -> bool {
        match pt.form {
            Form::Sure => true,
            Form::DayOnly => false,
            Form::MonthOnly => pt.m.is_some(),
            Form::Risky => self.listed(i, pt),
            Form::Slash => {
                self.listed(i, pt)
                    || self.in_parens(i, j)
                    || (self.weak_before(i) || self.holiday_before(i)) && self.safe_after(j)
            }
            Form::Year => {
                self.listed(i, pt)
                    || self.weak_before(i)
                        && pt.y.is_some_and(|y| (1900..=2100).contains(&y))
                        && !matches!(self.k(j), W::Unit | W::Hoc)
                        && !matches!(self.kind(j), Some(TokenKind::Percent))
                        // `từ 1000 đến 2000 đồng`: a range of numbers.
                        && !(matches!(self.k(j), W::Den | W::Toi2 | W::Dash)
                            && self.kind(j + 1) == Some(TokenKind::Number))
            }
        }
    }

    /// The rest of a list of days or months after token `j` (`, 7.2005`,
    /// `và 7/2005`, `, 13 và 14/5/2023`, `và 11 năm 2022`): bare numbers
    /// joined by commas, `và` or `hoặc`, ending with one that carries the
    /// year (months) or the month and maybe the year (days). Returns that
    /// year and month. At most six members are read.
    fn list_tail(&self, mut j: usize, days: bool) -> Option<(Option<i32>, Option<u8>)> {
        for _ in 0..6 {
            if !matches!(self.k(j), W::Comma | W::Va | W::Hoac) {
                return None;
            }
            j += 1;
            if self.k(j) == if days { W::Ngay } else { W::Thang } {
                j += 1;
            }
            match self.numeric_at(j)? {
                (NumDate::Date(y, Some(m), None, _), _) if !days && y.is_some() => {
                    return Some((y, Some(m)))
                }
                (NumDate::Date(y, Some(m), Some(_), _), _) if days => return Some((y, Some(m))),
                (NumDate::Small(v), e) => {
                    if days {
                        if !(1..=31).contains(&v) {
                            return None;
                        }
                        // `13 tháng 5 (năm 2023)`.
                        if self.k(e) == W::Thang {
                            let (m, _, e2) = self.month_at(e + 1)?;
                            let y = self.year_suffix(e2).map(|(y, _, _)| y);
                            return Some((y, Some(m)));
                        }
                    } else {
                        if !(1..=12).contains(&v) {
                            return None;
                        }
                        if let Some((y, _, _)) = self.year_suffix(e) {
                            return Some((Some(y), Some(v)));
                        }
                    }
                    j = e;
                }
                _ => return None,
            }
        }
        None
    }

    /// A bare number that continues a list of days or months whose date is
    /// written once at its end (`13` in `ngày 12, 13 và 14/5/2023`, `11 năm
    /// 2022` in `tháng 10 và 11 năm 2022`).
    fn list_member(&self, i: usize) -> Option<Found> {
        if !(i >= 1
            && self.last_end == i - 1
            && matches!(self.c(i - 1), W::Va | W::Comma | W::Hoac)
            && !self.doc.line_before(i)
            && matches!(self.last_prec, Prec::Day | Prec::Month))
        {
            return None;
        }
        let Some((NumDate::Small(v), e)) = self.numeric_at(i) else {
            return None;
        };
        let mut pt = Pt::new();
        let end = if self.last_prec == Prec::Month {
            if !(1..=12).contains(&v) {
                return None;
            }
            match self.year_suffix(e) {
                Some((y, inferred, e2)) => {
                    pt = pt.with(Some(y), Some(v), None);
                    pt.inferred = inferred;
                    e2
                }
                None => {
                    let (y, _) = self.list_tail(e, false)?;
                    pt = pt.with(y, Some(v), None);
                    e
                }
            }
        } else {
            if self.k(e) == W::Thang {
                return None;
            }
            let (y, m) = self.list_tail(e, true)?;
            let m = m?;
            if !dm_ok(u32::from(v), u32::from(m)) {
                return None;
            }
            pt = pt.with(y, Some(m), Some(v));
            e
        };
        Some(Found {
            start: i,
            end,
            expr: Expr::Date(self.finish(pt)?),
        })
    }

    /// The point continues a list of the same precision: `năm 2019 và
    /// 2020`, `ngày 30/4, 1/5`.
    fn listed(&self, i: usize, pt: &Pt) -> bool {
        i >= 1
            && self.last_end == i - 1
            && matches!(self.c(i - 1), W::Va | W::Comma | W::Hoac)
            && !self.doc.line_before(i)
            && pt.prec() == Some(self.last_prec)
    }

    fn in_parens(&self, i: usize, j: usize) -> bool {
        i >= 1 && self.c(i - 1) == W::LParen && self.k(j) == W::RParen
    }

    /// A weaker trigger just before token `i`: a preposition of time.
    fn weak_before(&self, i: usize) -> bool {
        if i == 0 || self.doc.line_before(i) {
            return false;
        }
        matches!(
            self.c(i - 1),
            W::Tu
                | W::Den
                | W::Toi2
                | W::Truoc
                | W::Sau
                | W::Vao
                | W::Dip
                | W::Le
                | W::Het
                | W::Cuoi
                | W::Dau
                | W::Giua
                | W::Trong
                | W::Hoi
                | W::Ky
                | W::Diem
        )
    }

    /// A holiday name before a bare day and month: `Ngày Quốc tế Lao động
    /// 1/5`, `ngày bầu cử 3/11`: `ngày` within four words, no number or
    /// punctuation between.
    fn holiday_before(&self, i: usize) -> bool {
        let lo = i.saturating_sub(5);
        let mut k = i;
        while k > lo {
            k -= 1;
            if self.doc.line_before(k + 1) || !self.doc.kind(k).is_some_and(|t| t.is_word()) {
                return false;
            }
            if self.c(k) == W::Ngay {
                // `ngày càng`, `hằng ngày` are no day names.
                return k + 1 < i && !matches!(self.c(k.wrapping_sub(1)), W::Quant);
            }
            // `dịp lễ Quốc khánh 2/9`: a feast named after `lễ` or `dịp`.
            if matches!(self.c(k), W::Le | W::Dip) {
                return k + 1 < i && self.doc.is_capitalized(k + 1);
            }
        }
        false
    }

    /// What follows a bare date may not be a counted noun: end of line,
    /// punctuation, a clock time, a capitalised word, or a word that
    /// commonly follows a date.
    fn safe_after(&self, j: usize) -> bool {
        if j >= self.doc.len() || self.doc.line_before(j) {
            return true;
        }
        match self.doc.kind(j) {
            Some(TokenKind::Punct) => !matches!(self.doc.s(j), "/" | "%"),
            Some(TokenKind::Time) => true,
            Some(TokenKind::Word(Case::Capitalized)) => true,
            Some(TokenKind::Word(_)) => !matches!(self.c(j), W::No | W::Unit | W::Quant),
            _ => false,
        }
    }

    // -- numbers -------------------------------------------------------------

    /// A date written in digits at token `j` (with glued `-` parts), and the
    /// token past it.
    fn numeric_at(&self, j: usize) -> Option<(NumDate, usize)> {
        let kind = self.kind(j)?;
        if self.doc.glued_to_name(j) {
            return None;
        }
        let s = self.doc.s(j);
        match kind {
            TokenKind::DateLike => {
                let sep = s.bytes().find(|b| !b.is_ascii_digit())?;
                let mut parts = s.split(sep as char);
                let a = parts.next()?;
                let b = parts.next()?;
                let c = parts.next();
                if parts.next().is_some() {
                    return None;
                }
                let (va, vb) = (digits(a)?, digits(b)?);
                let slash = sep == b'/';
                match c {
                    Some(c) => {
                        let vc = digits(c)?;
                        if a.len() > 2 || b.len() > 2 {
                            return None;
                        }
                        let (y, form) = match c.len() {
                            4 if year_ok(vc) => (vc as i32, Form::Sure),
                            2 => (two_digit_year(vc), Form::Risky),
                            _ => return None,
                        };
                        PartialDate::ymd(y, vb as u8, va as u8)?;
                        Some((
                            NumDate::Date(Some(y), Some(vb as u8), Some(va as u8), form),
                            j + 1,
                        ))
                    }
                    None => {
                        let form = if slash { Form::Slash } else { Form::Risky };
                        if a.len() <= 2 && b.len() <= 2 {
                            dm_ok(va, vb).then_some((
                                NumDate::Date(None, Some(vb as u8), Some(va as u8), form),
                                j + 1,
                            ))
                        } else if a.len() <= 2 && b.len() == 4 {
                            ((1..=12).contains(&va) && year_ok(vb)).then_some((
                                NumDate::Date(Some(vb as i32), Some(va as u8), None, form),
                                j + 1,
                            ))
                        } else if a.len() == 4 && b.len() == 4 && slash {
                            (year_ok(va) && year_ok(vb) && va < vb)
                                .then_some((NumDate::Years(va as i32, vb as i32), j + 1))
                        } else {
                            None
                        }
                    }
                }
            }
            TokenKind::Number => {
                if let Some((a, b)) = s.split_once('.') {
                    // `22.4` (day.month) or `03.2023` (month.year).
                    let (va, vb) = (digits(a)?, digits(b)?);
                    if a.len() <= 2 && b.len() <= 2 && dm_ok(va, vb) {
                        return Some((
                            NumDate::Date(None, Some(vb as u8), Some(va as u8), Form::Risky),
                            j + 1,
                        ));
                    }
                    if a.len() <= 2 && b.len() == 4 && (1..=12).contains(&va) && year_ok(vb) {
                        return Some((
                            NumDate::Date(Some(vb as i32), Some(va as u8), None, Form::Risky),
                            j + 1,
                        ));
                    }
                    return None;
                }
                let v = digits(s)?;
                // Glued `28-10`, `4-2006`, `2023-03-09`.
                if self.c(j + 1) == W::Dash
                    && !self.doc.space_before(j + 1)
                    && !self.doc.space_before(j + 2)
                    && self.doc.kind(j + 2) == Some(TokenKind::Number)
                {
                    let t = self.doc.s(j + 2);
                    if let Some(w) = digits(t) {
                        if s.len() <= 2 && t.len() <= 2 && dm_ok(v, w) {
                            return Some((
                                NumDate::Date(None, Some(w as u8), Some(v as u8), Form::Risky),
                                j + 3,
                            ));
                        }
                        if s.len() <= 2 && t.len() == 4 && (1..=12).contains(&v) && year_ok(w) {
                            return Some((
                                NumDate::Date(Some(w as i32), Some(v as u8), None, Form::Risky),
                                j + 3,
                            ));
                        }
                        if s.len() == 4
                            && t.len() == 2
                            && self.c(j + 3) == W::Dash
                            && !self.doc.space_before(j + 3)
                            && !self.doc.space_before(j + 4)
                        {
                            let u = self.doc.s(j + 4);
                            if let Some(x) = digits(u).filter(|_| u.len() == 2) {
                                if year_ok(v) {
                                    if let Some(_d) = PartialDate::ymd(v as i32, w as u8, x as u8) {
                                        return Some((
                                            NumDate::Date(
                                                Some(v as i32),
                                                Some(w as u8),
                                                Some(x as u8),
                                                Form::Sure,
                                            ),
                                            j + 5,
                                        ));
                                    }
                                }
                            }
                        }
                    }
                }
                if s.len() == 4 && year_ok(v) {
                    return Some((NumDate::Date(Some(v as i32), None, None, Form::Year), j + 1));
                }
                if s.len() <= 2 {
                    return Some((NumDate::Small(v as u8), j + 1));
                }
                None
            }
            _ => None,
        }
    }

    /// A four-digit year at token `j`.
    fn year_at(&self, j: usize) -> Option<(i32, usize)> {
        if self.kind(j) != Some(TokenKind::Number) || self.doc.glued_to_name(j) {
            return None;
        }
        let s = self.doc.s(j);
        let v = digits(s).filter(|_| s.len() == 4)?;
        year_ok(v).then_some((v as i32, j + 1))
    }

    /// A small number (digits or a number word) at token `j`.
    fn small_at(&self, j: usize) -> Option<(u8, usize)> {
        match self.k(j) {
            W::Num(n) => {
                // mười một, mười hai
                if n == 10 {
                    if let W::Num(m @ 1..=2) = self.k(j + 1) {
                        return Some((10 + m, j + 2));
                    }
                }
                Some((n, j + 1))
            }
            _ => {
                if self.kind(j) != Some(TokenKind::Number) {
                    return None;
                }
                let s = self.doc.s(j);
                let v = digits(s).filter(|_| s.len() <= 2)?;
                Some((v as u8, j + 1))
            }
        }
    }

    /// A month after `tháng`: digits, a number word, `Giêng`, `Chạp`.
    /// Returns the month, whether it is a lunar month name, and the end.
    fn month_at(&self, j: usize) -> Option<(u8, bool, usize)> {
        match self.k(j) {
            W::Gieng => Some((1, true, j + 1)),
            W::Chap => Some((12, true, j + 1)),
            W::Nam => Some((5, false, j + 1)),
            _ => {
                let (m, e) = self.small_at(j)?;
                (1..=12).contains(&m).then_some((m, false, e))
            }
        }
    }

    /// A year written after a day or month: `năm 2023`, `/2023`, `-2023`,
    /// `năm nay`, `năm ngoái`.
    fn year_suffix(&self, j: usize) -> Option<(i32, bool, usize)> {
        match self.k(j) {
            W::Nam => {
                if let Some((y, e)) = self.year_at(j + 1) {
                    return Some((y, false, e));
                }
                let (off, e) = self.rel_year_word(j + 1)?;
                let y = self.reference()?.year()? + off;
                Some((y, true, e))
            }
            W::Slash | W::Dash => {
                let (y, e) = self.year_at(j + 1)?;
                Some((y, false, e))
            }
            _ => None,
        }
    }

    /// `nay`, `ngoái`, `trước`, `tới`, `sau`, `kia` after `năm`: the offset
    /// in years.
    fn rel_year_word(&self, j: usize) -> Option<(i32, usize)> {
        let off = match self.k(j) {
            W::Nay => 0,
            W::Ngoai | W::Truoc => -1,
            W::Toi2 | W::Sau => 1,
            W::Kia => -2,
            _ => return None,
        };
        // `năm trước đó`, `năm sau đó` point back into the story; `từ đầu
        // năm tới nay` runs until now.
        if matches!(self.k(j + 1), W::Do | W::Ay) || off == 1 && self.k(j + 1) == W::Nay {
            return None;
        }
        Some((off, j + 1))
    }

    // -- times -----------------------------------------------------------------

    /// A clock time at token `j`: `14:49`, `14h30`, `20h`, `14 giờ 30
    /// (phút)`, `9 giờ rưỡi`, `9 giờ kém 15`, `23 - 24 giờ`, followed by an
    /// optional part of day (`9 giờ sáng`).
    fn time_at(&self, j: usize) -> Option<(Time, Option<PartOfDay>, usize)> {
        let (h, m, mut e) = match self.kind(j)? {
            TokenKind::Time => {
                let s = self.doc.s(j);
                let b = s.as_bytes();
                let hl = b.iter().take_while(|c| c.is_ascii_digit()).count();
                let h = digits(&s[..hl])?;
                let rest = &s[hl + 1..];
                let mdig: &str = if b.get(hl) == Some(&b':') {
                    rest.get(..2)?
                } else {
                    rest
                };
                let m = if mdig.is_empty() { 0 } else { digits(mdig)? };
                let mut e = j + 1;
                if self.k(e) == W::Phut {
                    e += 1;
                }
                // `14h30-16h`: the start.
                if self.k(e) == W::Dash && self.kind(e + 1) == Some(TokenKind::Time) {
                    e += 2;
                }
                (h, m, e)
            }
            TokenKind::Number => {
                let (h, mut e) = self.small_at(j)?;
                // `9-11h30`: from nine.
                if self.k(e) == W::Dash && self.kind(e + 1) == Some(TokenKind::Time) {
                    let t = Time::new(h, 0)?;
                    let (pod, e2) = self.time_pod(e + 2);
                    return Some((adjust(t, pod), pod, e2));
                }
                // `23 - 24 giờ`
                if self.k(e) == W::Dash && self.k(e + 2) == W::Gio {
                    self.small_at(e + 1)?;
                    e += 2;
                }
                if self.k(e) != W::Gio {
                    return None;
                }
                e += 1;
                let mut m = 0;
                match self.k(e) {
                    W::Ruoi => {
                        m = 30;
                        e += 1;
                    }
                    W::Kem => {
                        let (k, e2) = self.small_at(e + 1)?;
                        if k == 0 || k >= 60 || h == 0 {
                            return None;
                        }
                        let t = Time::new(h - 1, 60 - k)?;
                        let mut e2 = e2;
                        if self.k(e2) == W::Phut {
                            e2 += 1;
                        }
                        let (pod, e3) = self.time_pod(e2);
                        return Some((adjust(t, pod), pod, e3));
                    }
                    _ => {
                        if self.kind(e) == Some(TokenKind::Number)
                            && !matches!(self.k(e + 1), W::Thang | W::Slash | W::Dash)
                        {
                            if let Some((mm, e2)) = self.small_at(e) {
                                if mm < 60 {
                                    m = mm;
                                    e = e2;
                                    if self.k(e) == W::Phut {
                                        e += 1;
                                    }
                                }
                            }
                        }
                    }
                }
                (h as u32, m as u32, e)
            }
            _ => return None,
        };
        let t = Time::new(u8::try_from(h).ok()?, u8::try_from(m).ok()?)?;
        let (pod, e2) = self.time_pod(e);
        e = e2;
        Some((adjust(t, pod), pod, e))
    }

    /// A part of day written right after a time (`9 giờ sáng`).
    fn time_pod(&self, j: usize) -> (Option<PartOfDay>, usize) {
        match self.k(j) {
            W::Pod(p) => (Some(p), j + 1),
            _ => (None, j),
        }
    }

    /// A time after a date: `| 14:49`, `, 14:49`, `lúc 9 giờ`, `vào lúc
    /// 10h15 phút`, then an optional `(GMT+7)`.
    fn time_suffix(&self, j: usize) -> Option<(Time, Option<PartOfDay>, usize)> {
        let mut e = j;
        let mut sep = false;
        if matches!(self.k(e), W::Pipe | W::Comma | W::Dash) {
            e += 1;
            sep = true;
        }
        let mut luc = false;
        if self.k(e) == W::Vao && self.k(e + 1) == W::Luc {
            e += 2;
            luc = true;
        } else if self.k(e) == W::Luc {
            e += 1;
            luc = true;
        }
        if !luc && self.kind(e) != Some(TokenKind::Time) {
            return None;
        }
        if !luc && !sep && self.doc.line_before(e) {
            return None;
        }
        let (t, pod, mut e) = self.time_at(e)?;
        // `tối 21/4, vào lúc 8h30 sáng 8/4`: the time belongs to the next
        // date.
        let mut n = e;
        if self.doc.is_punct(n, "'") {
            n += 1;
        }
        if matches!(self.k(n), W::Pod(_) | W::Hom)
            || self.k(n) == W::Ngay && self.numeric_at(n + 1).is_some()
            || matches!(self.kind(n), Some(TokenKind::DateLike))
        {
            return None;
        }
        e = self.gmt(e);
        Some((t, pod, e))
    }

    /// `(GMT+7)` or `GMT+7` at token `j`: the token past it.
    fn gmt(&self, j: usize) -> usize {
        let (open, g) = if self.k(j) == W::LParen {
            (true, j + 1)
        } else {
            (false, j)
        };
        if self.k(g) != W::Gmt {
            return j;
        }
        let mut e = g + 1;
        if matches!(self.k(e), W::Plus | W::Dash) && self.kind(e + 1) == Some(TokenKind::Number) {
            e += 2;
        }
        if open {
            if self.k(e) != W::RParen {
                return j;
            }
            e += 1;
        }
        e
    }

    // -- points ------------------------------------------------------------------

    /// A point at token `i`: a date, possibly partial. A day alone after a
    /// trigger (`ngày 5`) comes back as [`Form::DayOnly`], a range start.
    fn point_at(&self, i: usize) -> Option<(Pt, usize)> {
        let mut pt = Pt::new();
        let mut j = i;
        let mut trig = false;
        let mut edge = false;
        if let Some((t, pod, e)) = self.time_at(j) {
            pt.time = Some(t);
            pt.pod = pod;
            j = e;
            trig = true;
        }
        // Prefixes: part of day, weekday, edge of a year or month.
        for _ in 0..4 {
            if j > i && self.doc.line_before(j) {
                break;
            }
            match self.c(j) {
                W::Pod(p) if pt.pod.is_none() => {
                    pt.pod = Some(p);
                    j += 1;
                    // `sáng sớm`, `chiều tối`, `đêm khuya`, `tối muộn`
                    match self.k(j) {
                        W::Som | W::Muon => j += 1,
                        W::Pod(q) if q != p => {
                            pt.pod = Some(q);
                            j += 1;
                        }
                        _ => {}
                    }
                    trig = true;
                }
                W::Rang if self.k(j + 1) == W::Pod(PartOfDay::Morning) => {
                    pt.pod = Some(PartOfDay::Morning);
                    j += 2;
                    trig = true;
                }
                W::Nua if self.k(j + 1) == W::Pod(PartOfDay::Night) => {
                    pt.pod = Some(PartOfDay::Night);
                    j += 2;
                    trig = true;
                }
                W::Thu | W::Chu | W::Cn => match self.weekday(j) {
                    Some(e) => {
                        j = e;
                        trig = true;
                    }
                    None => break,
                },
                W::Dau | W::Cuoi | W::Giua if !edge => {
                    if matches!(self.k(j + 1), W::Nam | W::Thang) || self.year_at(j + 1).is_some() {
                        j += 1;
                        edge = true;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        if j > i && self.doc.line_before(j) {
            return None;
        }
        // The head.
        let c = self.c(j);
        let (mut pt, mut e) = match c {
            W::Hom | W::Ngay | W::Cung | W::Nay | W::Qua | W::Mai => {
                if let Some((rp, e)) = self.relative_day(j, &pt, trig) {
                    (rp, e)
                } else if matches!(c, W::Hom | W::Ngay) {
                    let mut k = j + 1;
                    if c == W::Hom {
                        if let Some(e) = self.weekday(k) {
                            k = e;
                        }
                    } else if self.k(k) == W::Mung {
                        k += 1;
                    }
                    let (core, e) = self.day_core(k, true)?;
                    (merge(pt, core), e)
                } else {
                    return None;
                }
            }
            W::Mung => {
                let (core, e) = self.day_core(j + 1, true)?;
                (merge(pt, core), e)
            }
            W::Ram => {
                if self.k(j + 1) != W::Thang {
                    return None;
                }
                let (m, _, e) = self.month_at(j + 2)?;
                let mut p = pt.with(None, Some(m), Some(15));
                p.lunar = true;
                (p, e)
            }
            W::Thang => {
                let (core, e) = self.month_head(j)?;
                (merge(pt, core), e)
            }
            W::Nam => {
                if let Some((y, e)) = self.year_at(j + 1) {
                    // `năm 2000 người` counts five of something.
                    if matches!(self.k(e), W::Unit) {
                        return None;
                    }
                    (pt.with(Some(y), None, None), e)
                } else if counted_before(self, j) && !edge {
                    return None;
                } else {
                    let (off, e) = self.rel_year_word(j + 1)?;
                    let y = self.reference()?.year()? + off;
                    let mut p = pt.with(Some(y), None, None);
                    p.inferred = true;
                    (p, e)
                }
            }
            W::Tuan => {
                if counted_before(self, j) {
                    return None;
                }
                let off = match self.k(j + 1) {
                    W::Nay2 => 0,
                    W::Truoc => -7,
                    W::Toi2 => 7,
                    _ => return None,
                };
                let d = shift_days(self.reference()?, off)?;
                let mut p = pt;
                p.set_date(d);
                p.inferred = true;
                (p, j + 2)
            }
            W::Sn => {
                let (y, e) = self.year_at(j + 1)?;
                (pt.with(Some(y), None, None), e)
            }
            // `(sinh 1984)`, not `học sinh 2006` (a word ending in `sinh`).
            W::Sinh => {
                let (y, e) = self.year_at(j + 1)?;
                if j > 0
                    && !self.doc.line_before(j)
                    && crate::lexicon::Lexicon::builtin().contains(self.doc.slice(j - 1, j + 1))
                {
                    return None;
                }
                let mut p = pt.with(Some(y), None, None);
                p.form = Form::Sure;
                (p, e)
            }
            _ => {
                let (core, e) = self.day_core(j, trig || edge)?;
                let mut p = merge(pt, core);
                if edge && p.form == Form::Year {
                    p.form = Form::Sure;
                }
                (p, e)
            }
        };
        // `ngày 5 và 6/3/2024`: the month and year written once for a list
        // of days.
        if pt.d.is_some() && pt.m.is_none() && !pt.lunar {
            if let Some((y, Some(m))) = self.list_tail(e, true) {
                if pt.d.is_some_and(|d| dm_ok(u32::from(d), u32::from(m))) {
                    pt.m = Some(m);
                    pt.y = y;
                    pt.form = Form::Sure;
                }
            }
        }
        // Suffixes: a year (`ngày 15/3 năm nay`), the lunar calendar, a time.
        if pt.y.is_none() && pt.m.is_some() && !pt.inferred {
            if let Some((y, inferred, e2)) = self.year_suffix(e) {
                if pt.m.is_some() && (pt.d.is_none() || PartialDate::ymd(y, pt.m?, pt.d?).is_some())
                {
                    pt.y = Some(y);
                    pt.inferred |= inferred;
                    if pt.form == Form::MonthOnly || pt.form == Form::Slash {
                        pt.form = Form::Sure;
                    }
                    e = e2;
                }
            }
        }
        if pt.m.is_some() && pt.y.is_none() {
            // `mùng 3 tháng 3 năm Tân Sửu`: a lunar year by its name.
            if let Some(e2) = self.canchi(e) {
                pt.lunar = true;
                e = e2;
            }
        }
        if pt.m.is_some() {
            if let Some(e2) = self.lunar_suffix(e) {
                pt.lunar = true;
                if matches!(pt.form, Form::Slash | Form::Risky) {
                    pt.form = Form::Sure;
                }
                e = e2;
            }
        }
        if pt.d.is_some() && pt.time.is_none() {
            if let Some((t, pod, e2)) = self.time_suffix(e) {
                pt.time = Some(t);
                if pod.is_some() {
                    pt.pod = pod;
                }
                e = e2;
                // `Chiều nay, lúc 17h00 ngày 20/4`: the written date wins.
                if pt.inferred && self.k(e) == W::Ngay {
                    if let Some((NumDate::Date(y, Some(m), Some(d), _), e3)) =
                        self.numeric_at(e + 1)
                    {
                        pt = pt.with(y, Some(m), Some(d));
                        pt.inferred = false;
                        e = e3;
                    }
                }
            }
        }
        if pt.time.is_some() && pt.d.is_none() {
            return None;
        }
        Some((pt, e))
    }

    /// A weekday at token `j` (`thứ Hai`, `Thứ 6`, `Chủ nhật`, `CN`), with
    /// the comma, colon or parenthesis after it: the token past them. Only
    /// when a date follows.
    fn weekday(&self, j: usize) -> Option<usize> {
        let e = match self.k(j) {
            W::Thu => {
                // `lần thứ 3`, `hạng thứ hai` are ordinals.
                if j > 0 && self.c(j - 1) == W::Quant {
                    return None;
                }
                match self.k(j + 1) {
                    W::Num(2..=7) | W::Nam => j + 2,
                    _ if self.kind(j + 1) == Some(TokenKind::Number)
                        && matches!(self.doc.s(j + 1), "2" | "3" | "4" | "5" | "6" | "7") =>
                    {
                        j + 2
                    }
                    _ => return None,
                }
            }
            W::Chu if self.k(j + 1) == W::Nhat => j + 2,
            // `CN` after a hyphen or slash ends a code (`BTM - CN`), not Sunday.
            W::Cn if j > 0 && (self.doc.is_punct(j - 1, "-") || self.doc.is_punct(j - 1, "/")) => {
                return None
            }
            W::Cn => j + 1,
            _ => return None,
        };
        let mut k = e;
        if matches!(self.k(k), W::Comma | W::Colon) {
            k += 1;
        }
        // A date must follow.
        let mut look = k;
        if self.k(look) == W::LParen {
            look += 1;
        }
        if self.k(look) == W::Ngay {
            look += 1;
        }
        matches!(
            self.kind(look),
            Some(TokenKind::DateLike | TokenKind::Number)
        )
        .then_some(k)
    }

    /// After `ngày`, `mùng`, a part of day or a weekday (`trig`), or bare:
    /// `9/3/2023`, `9/3`, `22.4`, `9 tháng 3 năm 2023`, `1 Tết`, a day alone
    /// (a range start). A parenthesised date after a weekday (`thứ Hai
    /// (15/3)`) is read with its parentheses.
    fn day_core(&self, j: usize, trig: bool) -> Option<(Pt, usize)> {
        let (open, j) = if trig && self.k(j) == W::LParen {
            (true, j + 1)
        } else {
            (false, j)
        };
        let (nd, mut e) = self.numeric_at(j)?;
        let mut pt = Pt::new();
        match nd {
            NumDate::Date(y, m, d, form) => {
                // `ngày 2-3 lần`, `ngày 8-10 tiếng`: a range of counts. A
                // slashed `28/2 giờ Hà Nội` stays a date.
                if y.is_none()
                    && d.is_some()
                    && form != Form::Slash
                    && self.kind(e) == Some(TokenKind::Word(Case::Lower))
                    && (matches!(self.k(e), W::Quant | W::Unit | W::Gio | W::Phut)
                        || self.doc.is(e, "tiếng"))
                {
                    return None;
                }
                pt = pt.with(y, m, d);
                pt.form = if trig { Form::Sure } else { form };
            }
            NumDate::Years(..) => return None,
            NumDate::Small(d) => {
                // `9 tháng 3 (năm 2023)`, `1 Tết`, or a day alone.
                if self.k(e) == W::Thang {
                    let (m, lunar_name, e2) = self.month_at(e + 1)?;
                    if !dm_ok(d as u32, m as u32) {
                        return None;
                    }
                    pt = pt.with(None, Some(m), Some(d));
                    pt.lunar = lunar_name;
                    e = e2;
                    match self.year_suffix(e) {
                        Some((y, inferred, e3)) if self.k(e) == W::Nam => {
                            PartialDate::ymd(y, m, d)?;
                            pt.y = Some(y);
                            pt.inferred = inferred;
                            e = e3;
                            pt.form = Form::Sure;
                        }
                        // `23 tháng Chạp` is a date by its month's name.
                        _ => {
                            pt.form = if trig || lunar_name {
                                Form::Sure
                            } else {
                                Form::Risky
                            }
                        }
                    }
                } else if self.k(e) == W::Tet {
                    if !(1..=30).contains(&d) {
                        return None;
                    }
                    let m = if d >= 20 { 12 } else { 1 };
                    pt = pt.with(None, Some(m), Some(d));
                    pt.lunar = true;
                    pt.form = if trig || d >= 20 {
                        Form::Sure
                    } else {
                        Form::Risky
                    };
                    e += 1;
                } else if (1..=31).contains(&d) && (trig || self.bare_day_range(j, d as u32, e)) {
                    pt = pt.with(None, None, Some(d));
                    pt.form = Form::DayOnly;
                } else {
                    return None;
                }
            }
        }
        if open {
            if self.k(e) != W::RParen {
                return None;
            }
            e += 1;
        }
        Some((pt, e))
    }

    /// Whether a bare day `d` at token `j`, ending at `e`, opens a range of
    /// days with a slashed date after a dash, in parentheses or after a
    /// preposition of time: `(27-28/4)`, `từ 27-28/4`. Elsewhere `8-9/10`
    /// may be a mark out of ten.
    fn bare_day_range(&self, j: usize, d: u32, e: usize) -> bool {
        if self.k(e) != W::Dash || self.doc.line_before(e + 1) {
            return false;
        }
        let Some((NumDate::Date(_, Some(_), Some(d2), Form::Slash | Form::Sure), e2)) =
            self.numeric_at(e + 1)
        else {
            return false;
        };
        let prep = j > 0
            && !self.doc.line_before(j)
            && matches!(self.c(j - 1), W::Tu | W::Vao | W::Trong | W::Dip);
        u32::from(d2) > d && (self.in_parens(j, e2) || prep)
    }

    /// `tháng` at token `j`: `tháng 3/2023`, `tháng 3 năm 2023`, `tháng
    /// 3-2023`, `tháng Ba`, `tháng Giêng`, `tháng 3`, `tháng trước`.
    fn month_head(&self, j: usize) -> Option<(Pt, usize)> {
        let mut pt = Pt::new();
        // `tháng 3/2023` is one token.
        if let Some((NumDate::Date(Some(y), Some(m), None, _), e)) = self.numeric_at(j + 1) {
            pt = pt.with(Some(y), Some(m), None);
            return Some((pt, e));
        }
        if let Some((m, lunar, e)) = self.month_at(j + 1) {
            pt = pt.with(None, Some(m), None);
            pt.lunar = lunar;
            // Month words other than Giêng/Chạp: `tháng năm` is also "months
            // and years", `tháng ba` rarely a month unless capitalised or
            // with a year.
            let word = matches!(self.k(j + 1), W::Num(_) | W::Nam);
            if let Some((y, inferred, e2)) = self.year_suffix(e) {
                pt.y = Some(y);
                pt.inferred = inferred;
                return Some((pt, e2));
            }
            if word && !self.doc.is_capitalized(j + 1) && !lunar {
                return None;
            }
            // `Cách mạng Tháng Tám`, `rạp Tháng Tám` are names: a capital
            // `Tháng` inside a sentence.
            if word
                && self.doc.is_capitalized(j)
                && j > 0
                && !self.doc.line_before(j)
                && !matches!(self.doc.s(j - 1), "." | "!" | "?" | ":" | "\"" | "(" | "-")
            {
                return None;
            }
            // `tháng 6, 7.2005`, `tháng 6 và 7/2005`: the year written
            // once for a list of months.
            if !word && !lunar {
                if let Some((y, _)) = self.list_tail(e, false) {
                    pt.y = y;
                    return Some((pt, e));
                }
            }
            // `tháng 6 tới`, `tháng 3 vừa qua`, `tháng 1 này`.
            if let Some((y, e2)) = self.month_rel(m, e) {
                pt.y = Some(y);
                pt.inferred = true;
                return Some((pt, e2));
            }
            // `mỗi tháng 2 lần`, `tháng 3 người` count.
            if counted_before(self, j)
                || matches!(self.k(e), W::Unit | W::Quant)
                || self.kind(e) == Some(TokenKind::Number)
            {
                return None;
            }
            pt.form = Form::MonthOnly;
            return Some((pt, e));
        }
        if counted_before(self, j) {
            return None;
        }
        let off = match self.k(j + 1) {
            W::Nay2 | W::Nay => 0,
            W::Truoc => -1,
            W::Toi2 => 1,
            _ => return None,
        };
        let r = self.reference()?;
        let (y, m) = (r.year()?, r.month()?);
        let total = y * 12 + (m as i32 - 1) + off;
        pt = pt.with(
            Some(total.div_euclid(12)),
            Some((total.rem_euclid(12) + 1) as u8),
            None,
        );
        pt.inferred = true;
        Some((pt, j + 2))
    }

    /// `năm Tân Sửu` (a year named by stem and branch) at token `j`: the
    /// token past it.
    fn canchi(&self, j: usize) -> Option<usize> {
        const STEMS: [&str; 10] = [
            "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý",
        ];
        const BRANCHES: [&str; 14] = [
            "Tý", "Sửu", "Dần", "Mão", "Mẹo", "Thìn", "Tỵ", "Tị", "Ngọ", "Mùi", "Thân", "Dậu",
            "Tuất", "Hợi",
        ];
        if self.k(j) != W::Nam || self.doc.line_before(j + 1) || self.doc.line_before(j + 2) {
            return None;
        }
        let is = |k: usize, w: &[&str]| w.iter().any(|x| self.doc.is(k, x));
        (is(j + 1, &STEMS) && is(j + 2, &BRANCHES)).then_some(j + 3)
    }

    /// The year of month `m` followed at token `j` by `này`, `tới`, `vừa
    /// qua`, `trước`, read against the reference date.
    fn month_rel(&self, m: u8, j: usize) -> Option<(i32, usize)> {
        let r = self.reference()?;
        let (ry, rm) = (r.year()?, r.month()?);
        let (dir, e) = match (self.k(j), self.k(j + 1)) {
            (W::Nay2 | W::Nay, _) => (0, j + 1),
            (W::Toi2, _) => (1, j + 1),
            (W::Truoc, _) => (-1, j + 1),
            (W::Fn, W::Qua) if self.doc.is(j, "vừa") => (-1, j + 2),
            _ => return None,
        };
        let y = match dir {
            0 => ry,
            1 if m > rm => ry,
            1 => ry + 1,
            _ if m < rm => ry,
            _ => ry - 1,
        };
        Some((y, e))
    }

    /// `âm lịch`, `(âm lịch)`, `ÂL` after a date: the token past it.
    fn lunar_suffix(&self, j: usize) -> Option<usize> {
        let (open, k) = if self.k(j) == W::LParen {
            (true, j + 1)
        } else {
            (false, j)
        };
        let mut e = match self.k(k) {
            W::Am if self.k(k + 1) == W::Lich => k + 2,
            W::AmLichAbbr => k + 1,
            _ => return None,
        };
        if open {
            if self.k(e) != W::RParen {
                return None;
            }
            e += 1;
        }
        Some(e)
    }

    /// Relative day expressions at token `j` (`hôm nay`, `hôm qua`, `ngày
    /// mai`, `nay`/`qua`/`mai` after a part of day, `cùng ngày`, `hôm sau`,
    /// `hôm đó`), and an explicit date written with them (`hôm nay (27/4)`,
    /// `Sáng nay 26/4`, `Hôm nay, ngày 1/4`).
    fn relative_day(&self, j: usize, pre: &Pt, trig: bool) -> Option<(Pt, usize)> {
        enum Anchor {
            Ref(i64),
            Story(i64),
        }
        let (anchor, e) = match (self.k(j), self.k(j + 1), self.k(j + 2)) {
            (W::Hom, W::Nay, _) => (Anchor::Ref(0), j + 2),
            (W::Hom, W::Qua, _) => (Anchor::Ref(-1), j + 2),
            (W::Hom, W::Kia, _) => (Anchor::Ref(-2), j + 2),
            (W::Hom, W::Do | W::Ay, _) => (Anchor::Story(0), j + 2),
            (W::Hom, W::Sau, _) => (Anchor::Story(1), j + 2),
            (W::Hom, W::Truoc, _) => (Anchor::Story(-1), j + 2),
            (W::Ngay, W::Hom, W::Nay) => (Anchor::Ref(0), j + 3),
            (W::Ngay, W::Hom, W::Qua) => (Anchor::Ref(-1), j + 3),
            (W::Ngay, W::Hom, W::Do | W::Ay) => (Anchor::Story(0), j + 3),
            (W::Ngay, W::Hom, W::Sau) => (Anchor::Story(1), j + 3),
            (W::Ngay, W::Mai, _) => (Anchor::Ref(1), j + 2),
            (W::Ngay, W::Kia | W::Mot, _) => (Anchor::Ref(2), j + 2),
            (W::Cung, W::Ngay, _) => (Anchor::Story(0), j + 2),
            (W::Nay, _, _) if trig && pre.pod.is_some() => (Anchor::Ref(0), j + 1),
            (W::Qua, _, _) if trig && pre.pod.is_some() => (Anchor::Ref(-1), j + 1),
            (W::Mai, _, _) if trig && pre.pod.is_some() => (Anchor::Ref(1), j + 1),
            _ => return None,
        };
        // `mấy hôm sau`, `hai hôm sau` count days.
        if counted_before(self, j) {
            return None;
        }
        if matches!(self.k(j), W::Qua) {
            // `2 chiều qua hầm`: directions through a tunnel, not yesterday
            // afternoon.
            let before = j.checked_sub(2);
            if before.is_some_and(|b| {
                self.doc.kind(b) == Some(TokenKind::Number)
                    || matches!(self.c(b), W::Quant | W::Num(_))
            }) || pre.pod == Some(PartOfDay::Afternoon)
                && self.doc.kind(j + 1).is_some_and(|k| k.is_word())
                && !self.doc.line_before(j + 1)
                && matches!(self.c(j + 1), W::No | W::Unit)
                && !self.doc.is_capitalized(j + 1)
            {
                return None;
            }
        }
        let mut pt = *pre;
        // An explicit date written with it wins.
        let mut k = e;
        let open = match self.k(k) {
            W::LParen => {
                k += 1;
                true
            }
            W::Comma => {
                k += 1;
                false
            }
            _ => false,
        };
        if self.k(k) == W::Ngay {
            k += 1;
        }
        if let Some((NumDate::Date(y, Some(m), Some(d), _), mut e2)) = self.numeric_at(k) {
            if !open || self.k(e2) == W::RParen {
                if open {
                    e2 += 1;
                }
                pt = pt.with(y, Some(m), Some(d));
                pt.form = Form::Sure;
                return Some((pt, e2));
            }
        }
        let base = match anchor {
            Anchor::Ref(off) => shift_days(self.reference()?, off)?,
            // The day the story is at: a date of this paragraph or the
            // one before.
            Anchor::Story(off) => {
                if self.line > self.last_day_line + 1 {
                    return None;
                }
                shift_days(self.last_day?, off)?
            }
        };
        pt.set_date(base);
        pt.inferred = true;
        pt.form = Form::Sure;
        Some((pt, e))
    }

    /// Finishes a point into a date fact: resolves a day and month against
    /// the reference date, applies the part of day to the time.
    fn finish(&self, mut pt: Pt) -> Option<fact::Date> {
        if pt.d.is_some() && pt.m.is_none() {
            return None;
        }
        if pt.y.is_none() && pt.d.is_some() && !pt.lunar {
            if let Some(y) = self.reference().and_then(|r| year_for(r, pt.m?, pt.d?)) {
                pt.y = Some(y);
                pt.inferred = true;
            }
        }
        let value = pt.value()?;
        let mut d = fact::Date::new(value);
        d.time = pt.time;
        d.part_of_day = pt.pod;
        d.inferred = pt.inferred;
        if pt.lunar {
            d.calendar = Some(Calendar::Lunar);
        }
        Some(d)
    }

    // -- periods -----------------------------------------------------------------

    /// `từ A đến B`, `từ A - B`, `từ năm 2010 đến nay`.
    fn tu_den(&self, i: usize) -> Option<Found> {
        // `từ 18 đến 20/2`: a bare day starts a range of days.
        let (a, ja) = match self.point_at(i + 1) {
            Some(x) => x,
            None => {
                let (d, e) = self
                    .small_at(i + 1)
                    .filter(|_| self.kind(i + 1) == Some(TokenKind::Number))?;
                if !(1..=31).contains(&d) {
                    return None;
                }
                let mut p = Pt::new().with(None, None, Some(d));
                p.form = Form::DayOnly;
                (p, e)
            }
        };
        let mut k = ja;
        if self.doc.is(k, "cho") && self.k(k + 1) == W::Den {
            k += 1;
        }
        if !matches!(self.k(k), W::Den | W::Toi2 | W::Dash) {
            return None;
        }
        k += 1;
        if self.k(k) == W::Het {
            k += 1;
        }
        // `đến nay`, `đến hiện nay`, `đến bây giờ`
        let now = match (self.k(k), self.k(k + 1)) {
            (W::Nay, _) => Some(k + 1),
            (W::Hien, W::Nay) => Some(k + 2),
            (W::Bay, W::Gio) => Some(k + 2),
            _ => None,
        };
        if let Some(end) = now {
            let r = self.reference()?;
            let start = a.value()?;
            let stop = match a.prec()? {
                Prec::Year => PartialDate::y(r.year()?)?,
                Prec::Month => PartialDate::ym(r.year()?, r.month()?)?,
                Prec::Day => PartialDate::ymd(r.year()?, r.month()?, r.day()?)?,
            };
            if a.y.is_none() || stop <= start {
                return None;
            }
            return Some(period(i, end, start, stop, PeriodLabel::Range));
        }
        let (b, jb) = self.point_at(k)?;
        let (s, e) = combine(a, b)?;
        if a.prec() == Some(Prec::Year) && !self.years_ok(&a, jb) {
            return None;
        }
        Some(period(i, jb, s, e, PeriodLabel::Range))
    }

    /// A point followed by `-` and another point: `30/4 - 1/5`,
    /// `30.4.1975 - 30.4.2025`, `2020 - 2023`, `tháng 1-3/2023`, `ngày 1-
    /// 15/5`, `Tháng 9/1971-10/1980`.
    fn dash_range(&self, i: usize, a: &Pt, ja: usize) -> Option<Found> {
        if self.k(ja) != W::Dash || a.time.is_some() && a.d.is_none() {
            return None;
        }
        let (b, jb) = self.point_at(ja + 1)?;
        if b.form == Form::DayOnly {
            return None;
        }
        let (s, e) = combine(*a, b)?;
        // Bare numbers need some context: years from 1900 on, or a trigger,
        // and no counted noun after.
        let bare = matches!(a.form, Form::Slash | Form::Year | Form::Risky);
        if bare {
            if a.prec() == Some(Prec::Year) {
                if !self.years_ok(a, jb) {
                    return None;
                }
            } else if !(self.weak_before(i)
                || self.holiday_before(i)
                || self.in_parens(i, jb)
                || self.safe_after(jb))
            {
                return None;
            }
        }
        let label = match s.day().is_some() {
            true => PeriodLabel::Range,
            false if s.month().is_some() && s.year() == e.year() => PeriodLabel::Month,
            false => PeriodLabel::Range,
        };
        Some(period(i, jb, s, e, label))
    }

    /// Whether a range of bare years ending before token `jb` is one:
    /// years from 1900 on, no counted noun or percent sign after.
    fn years_ok(&self, a: &Pt, jb: usize) -> bool {
        (a.form != Form::Year || a.y.is_some_and(|y| (1900..=2100).contains(&y)))
            && !matches!(self.k(jb), W::Unit | W::Hoc | W::Quant)
            && !matches!(self.kind(jb), Some(TokenKind::Percent))
    }

    /// `nhiệm kỳ 2020 - 2025`, `khóa 2021-2026`, `giai đoạn 2021-2025`,
    /// `thời kỳ 2021 - 2030`, `năm học 2013- 2014`, `niên khóa 2013/2014`,
    /// `nhiệm kỳ VI (2015-2020)`.
    fn span_head(&self, i: usize) -> Option<Found> {
        let (label, mut j) = match (self.c(i), self.k(i + 1)) {
            (W::Nhiem, W::Ky) => (PeriodLabel::Term, i + 2),
            (W::Khoa, _) => (PeriodLabel::Term, i + 1),
            (W::Nien, W::Khoa) => (PeriodLabel::Term, i + 2),
            (W::Giai, W::Doan) => (PeriodLabel::Range, i + 2),
            (W::Thoi, W::Ky) => (PeriodLabel::Range, i + 2),
            (W::Nam, W::Hoc) => (PeriodLabel::Range, i + 2),
            (W::Mua, W::Giai2) => (PeriodLabel::Range, i + 2),
            _ => return None,
        };
        // `nhiệm kỳ VI`, `khóa XIII`, `giai đoạn 1`
        if matches!(self.k(j), W::Roman(_)) {
            j += 1;
        }
        let open = self.k(j) == W::LParen;
        if open {
            j += 1;
        }
        if self.k(j) == W::Tu {
            j += 1;
        }
        if self.k(j) == W::Nam {
            j += 1;
        }
        let (y1, y2, mut e) = if let Some((NumDate::Years(a, b), e)) = self.numeric_at(j) {
            (a, b, e)
        } else {
            let (a, e) = self.year_at(j)?;
            if !matches!(self.k(e), W::Dash | W::Den | W::Toi2) {
                return None;
            }
            let mut k = e + 1;
            if self.k(k) == W::Nam {
                k += 1;
            }
            let (b, e) = self.year_at(k)?;
            (a, b, e)
        };
        if y2 <= y1 || y2 - y1 > 100 {
            return None;
        }
        if open && self.k(e) == W::RParen {
            e += 1;
        }
        let s = PartialDate::y(y1)?;
        let t = PartialDate::y(y2)?;
        Some(period(i, e, s, t, label))
    }

    /// `quý I`, `quý 4/2022`, `quý II năm 2023`, `quý I/2025`, `quý một`.
    fn quarter(&self, i: usize) -> Option<Found> {
        let (q, y, e) = match self.k(i + 1) {
            W::Roman(q @ 1..=4) | W::Num(q @ 1..=4) => {
                let e = i + 2;
                match self.year_suffix(e) {
                    Some((y, _, e2)) => (q, Some(y), e2),
                    None => (q, None, e),
                }
            }
            _ => match self.numeric_at(i + 1)? {
                (NumDate::Date(Some(y), Some(q @ 1..=4), None, _), e) => (q, Some(y), e),
                (NumDate::Small(q @ 1..=4), e) => match self.year_suffix(e) {
                    Some((y, _, e2)) => (q, Some(y), e2),
                    None => (q, None, e),
                },
                _ => return None,
            },
        };
        let (m1, m2) = (3 * q - 2, 3 * q);
        let (s, t) = months(y, m1, m2)?;
        Some(period(i, e, s, t, PeriodLabel::Quarter))
    }

    /// `nửa đầu năm 2023`, `nửa cuối năm`, `nửa sau năm nay`.
    fn half(&self, i: usize) -> Option<Found> {
        let first = match self.k(i + 1) {
            W::Dau => true,
            W::Cuoi | W::Sau => false,
            _ => return None,
        };
        if self.k(i + 2) != W::Nam {
            return None;
        }
        let (y, e) = match self.year_suffix(i + 2) {
            Some((y, _, e)) => (Some(y), e),
            None => (None, i + 3),
        };
        let (s, t) = if first {
            months(y, 1, 6)?
        } else {
            months(y, 7, 12)?
        };
        Some(period(i, e, s, t, PeriodLabel::Half))
    }

    /// `6 tháng đầu năm`, `9 tháng đầu 2004`, `sáu tháng cuối năm 2023`.
    fn months_of_year(&self, i: usize) -> Option<Found> {
        if !matches!(self.c(i), W::Num(_)) && self.doc.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        let (n, j) = self.small_at(i)?;
        if self.k(j) != W::Thang || !(1..=11).contains(&n) {
            return None;
        }
        let first = match self.k(j + 1) {
            W::Dau => true,
            W::Cuoi => false,
            _ => return None,
        };
        let k = j + 2;
        let (y, e) = if let Some((y, _, e)) = self.year_suffix(k) {
            (Some(y), e)
        } else if let Some((y, e)) = self.year_at(k) {
            (Some(y), e)
        } else if self.k(k) == W::Nam {
            (None, k + 1)
        } else {
            return None;
        };
        let (s, t) = if first {
            months(y, 1, n)?
        } else {
            months(y, 13 - n, 12)?
        };
        let label = if n == 6 {
            PeriodLabel::Half
        } else {
            PeriodLabel::Range
        };
        Some(period(i, e, s, t, label))
    }

    /// `những năm 1980`, `những năm 90`, `thập niên 1990`, `thập kỷ 80`.
    fn decade(&self, i: usize) -> Option<Found> {
        let j = match (self.c(i), self.k(i + 1)) {
            (W::Nhung, W::Nam) | (W::Thap, W::Nien) | (W::Thap, W::Ky2) => i + 2,
            _ => return None,
        };
        if self.kind(j) != Some(TokenKind::Number) {
            return None;
        }
        let s = self.doc.s(j);
        let v = digits(s)?;
        let start = match s.len() {
            4 if v % 10 == 0 && (1000..=2090).contains(&v) => v as i32,
            2 if v % 10 == 0 && v >= 10 => 1900 + v as i32,
            _ => return None,
        };
        if matches!(self.k(j + 1), W::Unit) {
            return None;
        }
        // `những năm 1920 - 1930`: a written range of years, not the decade.
        if self.k(j + 1) == W::Dash && s.len() == 4 && !self.doc.line_before(j + 2) {
            if let Some((end, e)) = self.year_at(j + 2) {
                if end > start {
                    return Some(period(
                        i,
                        e,
                        PartialDate::y(start)?,
                        PartialDate::y(end)?,
                        PeriodLabel::Range,
                    ));
                }
            }
        }
        Some(period(
            i,
            j + 1,
            PartialDate::y(start)?,
            PartialDate::y(start + 9)?,
            PeriodLabel::Range,
        ))
    }
}

/// Whether an expression can start at a word of class `c`.
fn can_start(c: W) -> bool {
    matches!(
        c,
        W::Tu
            | W::Nhiem
            | W::Khoa
            | W::Nien
            | W::Giai
            | W::Thoi
            | W::Mua
            | W::Nam
            | W::Quy
            | W::Nua
            | W::Nhung
            | W::Thap
            | W::Num(_)
            | W::Pod(_)
            | W::Rang
            | W::Thu
            | W::Chu
            | W::Cn
            | W::Dau
            | W::Cuoi
            | W::Giua
            | W::Hom
            | W::Ngay
            | W::Cung
            | W::Mung
            | W::Ram
            | W::Thang
            | W::Tuan
            | W::Sn
            | W::Sinh
            | W::QAbbr(_)
            | W::HAbbr(_)
    )
}

/// A point's prefixes (time, part of day) merged with its core.
fn merge(pre: Pt, core: Pt) -> Pt {
    let mut p = core;
    p.time = pre.time;
    p.pod = pre.pod;
    p
}

fn period(i: usize, e: usize, s: PartialDate, t: PartialDate, label: PeriodLabel) -> Found {
    Found {
        start: i,
        end: e,
        expr: Expr::Period(fact::Period::new(s, t, label)),
    }
}

/// First day of month `m1` to last day of month `m2`, in year `y` or none.
fn months(y: Option<i32>, m1: u8, m2: u8) -> Option<(PartialDate, PartialDate)> {
    match y {
        Some(y) => Some((
            PartialDate::ymd(y, m1, 1)?,
            PartialDate::ymd(y, m2, days_in_month(Some(y), m2))?,
        )),
        None => Some((
            PartialDate::md(m1, 1)?,
            PartialDate::md(m2, days_in_month(None, m2))?,
        )),
    }
}

/// The ends of a range: the start takes what it leaves out from the end
/// (`từ ngày 1/3 đến ngày 5/3/2023`, `tháng 1-3/2023`, `ngày 5 đến
/// 16-11-2013`). Both must then have the same precision and come in order.
fn combine(mut a: Pt, b: Pt) -> Option<(PartialDate, PartialDate)> {
    if b.form == Form::DayOnly || b.d.is_some() && b.m.is_none() {
        return None;
    }
    if a.d.is_some() && a.m.is_none() {
        b.d?;
        a.m = b.m;
        a.y = b.y;
    } else if a.m.is_some() && a.y.is_none() {
        a.y = b.y;
    }
    if a.prec()? != b.prec()? || a.y.is_some() != b.y.is_some() {
        return None;
    }
    let (s, e) = (a.value()?, b.value()?);
    (s < e).then_some((s, e))
}

/// The year a day and month without year takes from the reference date:
/// the reference year, one earlier when that would be more than three
/// months after the reference, one later when it would be more than nine
/// months before it.
fn year_for(r: PartialDate, m: u8, d: u8) -> Option<i32> {
    let (ry, rm) = (r.year()?, r.month()?);
    let rd = r.day().unwrap_or(15);
    let refday = days_from_civil(ry, rm, rd);
    let day = days_from_civil(ry, m, d.min(days_in_month(Some(ry), m)));
    let y = if day - refday > 92 {
        ry - 1
    } else if refday - day > 274 {
        ry + 1
    } else {
        ry
    };
    PartialDate::ymd(y, m, d).map(|_| y)
}

/// `date` moved by `off` days; a date without year moves within a common
/// year.
fn shift_days(date: PartialDate, off: i64) -> Option<PartialDate> {
    let (m, d) = (date.month()?, date.day()?);
    let y = date.year().unwrap_or(2001);
    let (y2, m2, d2) = civil_from_days(days_from_civil(y, m, d) + off);
    if date.year().is_some() {
        PartialDate::ymd(y2, m2, d2)
    } else {
        PartialDate::md(m2, d2)
    }
}

/// Days since 1970-01-01 (proleptic Gregorian), after H. Hinnant's
/// `days_from_civil`.
fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

/// A 12-hour clock time read with its part of day: `8 giờ tối` → 20:00.
fn adjust(t: Time, pod: Option<PartOfDay>) -> Time {
    let h = t.hour();
    let h2 = match pod {
        Some(PartOfDay::Afternoon | PartOfDay::Evening) if h < 12 => h + 12,
        Some(PartOfDay::Noon) if (1..=5).contains(&h) => h + 12,
        Some(PartOfDay::Night) if (6..=11).contains(&h) => h + 12,
        Some(PartOfDay::Night) if h == 12 => 0,
        _ => h,
    };
    Time::new(h2, t.minute()).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_days_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2023, 3, 1), (1975, 4, 30)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(days_from_civil(1970, 1, 2), 1);
        assert_eq!(
            civil_from_days(days_from_civil(2023, 3, 1) - 1),
            (2023, 2, 28)
        );
        assert_eq!(
            civil_from_days(days_from_civil(2024, 3, 1) - 1),
            (2024, 2, 29)
        );
    }

    #[test]
    fn year_from_reference() {
        let r = PartialDate::ymd(2023, 1, 10).unwrap();
        assert_eq!(year_for(r, 12, 25), Some(2022));
        assert_eq!(year_for(r, 3, 15), Some(2023));
        let r = PartialDate::ymd(2023, 12, 20).unwrap();
        assert_eq!(year_for(r, 1, 5), Some(2024));
        assert_eq!(year_for(r, 6, 1), Some(2023));
    }

    #[test]
    fn clock_with_part_of_day() {
        let t = |h, m| Time::new(h, m).unwrap();
        assert_eq!(adjust(t(8, 0), Some(PartOfDay::Evening)), t(20, 0));
        assert_eq!(adjust(t(9, 0), Some(PartOfDay::Morning)), t(9, 0));
        assert_eq!(adjust(t(2, 0), Some(PartOfDay::Afternoon)), t(14, 0));
        assert_eq!(adjust(t(1, 0), Some(PartOfDay::Noon)), t(13, 0));
        assert_eq!(adjust(t(11, 0), Some(PartOfDay::Night)), t(23, 0));
        assert_eq!(adjust(t(2, 0), Some(PartOfDay::Night)), t(2, 0));
        assert_eq!(adjust(t(20, 0), Some(PartOfDay::Evening)), t(20, 0));
    }
}
