//! `person` facts: names with their honorifics and titles.
//!
//! A mention is `[honorific] [title, …] NAME [sep title, …]`, or an honorific
//! with titles and no name (`đồng chí Phó Bí thư Thường trực Quận ủy`):
//!
//! - **honorifics**: `đồng chí`, `Đ/c`, `ông`, `bà`, `anh`, `chị` … and
//!   degrees `TS.`, `PGS.TS`, `GS.` (data: `honorifics.txt`);
//! - **titles**: `[modifier] head [organisation]` (`Phó` + `Chủ tịch` +
//!   `UBND tỉnh`); a title runs through its organisation's words and stops
//!   where the clause goes on (a verb of `title-stops.txt`, `;`, `cùng`,
//!   `và` before another person). After a name, titles follow a comma, a dash
//!   or stand in parentheses; several are separated by commas or `kiêm`;
//! - **names**: a surname of `surnames.txt` and one to four more capitalised
//!   syllables, a foreign name in Latin script, or, after a word of address,
//!   a given name alone (`ông Điềm`).
//!
//! A name standing alone is a person only when it is a full Vietnamese name
//! of three syllables or more that no word before it makes a street, school,
//! place or organisation (`đường Nguyễn Huệ`, `trường THPT Lê Quý Đôn`,
//! `TP Hồ Chí Minh`, `tư tưởng Hồ Chí Minh`; data: `not-person-before.txt`,
//! `places.txt`).
//!
//! Candidate positions come from one scan: a capitalised token, or a word
//! that the tables know as an honorific, a title head, a modifier or an
//! occupation. Every look-ahead is bounded.

mod lex;
mod name;

use std::cell::Cell;

use super::{Candidate, Doc};
use crate::fact::{Payload, Person};
use crate::token::{Case, TokenKind};
use lex::{
    Lex, ADDRESS, ADMIN, DEGREE, FUNCTION, HEAD, HONORIFIC, LEX, MIDDLE, MODIFIER, NOT_NAME,
    NO_SYL, OCCUPATION, ORG, ORG_START, ORG_WORD, PLACE, STOP, SURNAME,
};
use name::{is_name_syl, is_viet_syllable, run_end, syllables};

/// The most tokens one title may span.
const MAX_TITLE: usize = 32;
/// The most titles in one chain.
const MAX_TITLES: usize = 8;
/// The most syllables of a name.
const MAX_NAME: usize = 6;

/// Function words that are never a syllable of a name: a run of capitalised
/// words stops before them (a caption run into the next sentence:
/// `Đại tướng Trần Quang Vinh Trong thư gửi …`).
const NOT_NAME_SYLLABLES: &[&str] = &[
    "bên", "bị", "các", "cho", "có", "còn", "cả", "cũng", "dù", "đã", "đang", "để", "đến", "do",
    "được", "giữa", "khi", "là", "mà", "một", "nếu", "ngày", "ngoài", "nhưng", "những", "riêng",
    "sau", "sẽ", "tại", "theo", "thì", "trong", "tuy", "từ", "và", "vẫn", "về", "vì", "với", "xe",
    "ảnh",
];

/// Words that never stand between an honorific or occupation and the name
/// (`luật sư của Lâm …` is no honorific of Lâm).
const FUNCTION_WORDS: &[&str] = &[
    "của", "cho", "với", "và", "ở", "tại", "từ", "là", "các", "những", "như", "hoặc", "hay",
];

/// Nouns before a title that make it a rank or post spoken of, not a person
/// present (`thăng cấp bậc hàm Thượng tướng`, `giữ chức Chủ tịch`).
const ROLE_NOUNS: &[&str] = &[
    "hàm",
    "chức",
    "chức danh",
    "chức vụ",
    "cương vị",
    "vị trí",
    "ghế",
    "thăng",
    "cấp",
];

pub(crate) fn find(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    let n = doc.len();
    let ids = vec![Cell::new(UNKNOWN); n];
    let viet = vec![Cell::new(0u8); n];
    let p = Parser {
        doc,
        ids: &ids,
        viet: &viet,
        lex: &LEX,
    };
    // The next capitalised token at or after `i`: a lower-case word starts a
    // mention only when one follows closely.
    let mut next_cap = 0;
    let mut i = 0;
    while i < n {
        if next_cap < i {
            next_cap = i;
        }
        while next_cap < n && !p.org_tok(next_cap) {
            next_cap += 1;
        }
        if next_cap >= n {
            break;
        }
        if next_cap > i + 5 || !p.trigger(i) {
            i += 1;
            continue;
        }
        match p.mention_at(i) {
            Some(m) => {
                let end = m.end;
                out.push(p.candidate(&m));
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
}

/// How a title is read: before a name (a name may end it) or after one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Before,
    After,
}

/// A title: tokens `start..end`, and the name found at its end when read
/// before a name.
struct Title {
    start: usize,
    end: usize,
    name: Option<(usize, usize)>,
}

/// A mention: tokens `start..end`.
struct Mention {
    start: usize,
    end: usize,
    honorific: Option<(usize, usize)>,
    titles: Vec<(usize, usize)>,
    name: Option<(usize, usize)>,
}

/// What kind of name a run of capitalised syllables is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum NameKind {
    /// A surname and more syllables.
    Full,
    /// Vietnamese syllables without a surname first: a given name (`Điềm`,
    /// `Minh Khôi`).
    Given,
    /// Not all Vietnamese syllables.
    Foreign,
}

/// A syllable id not looked up yet.
const UNKNOWN: u32 = u32::MAX - 1;

struct Parser<'d, 'a> {
    doc: &'d Doc<'a>,
    /// The syllable id of each token, looked up when first needed.
    ids: &'d [Cell<u32>],
    /// Whether each token is a Vietnamese syllable: 0 not known yet, 1 yes,
    /// 2 no.
    viet: &'d [Cell<u8>],
    lex: &'static Lex,
}

impl Parser<'_, '_> {
    /// The syllable id of token `i` (`NO_SYL` for no word of the tables).
    #[inline]
    fn id(&self, i: usize) -> u32 {
        let Some(cell) = self.ids.get(i) else {
            return NO_SYL;
        };
        let id = cell.get();
        if id != UNKNOWN {
            return id;
        }
        let id = match self.doc.kind(i) {
            Some(TokenKind::Word(_)) | Some(TokenKind::Abbreviation) => {
                self.lex.lookup(self.doc.s(i))
            }
            _ => NO_SYL,
        };
        cell.set(id);
        id
    }

    /// Whether token `i` is a capitalised Vietnamese syllable.
    #[inline]
    fn viet(&self, i: usize) -> bool {
        let Some(cell) = self.viet.get(i) else {
            return false;
        };
        match cell.get() {
            1 => true,
            2 => false,
            _ => {
                let yes = self.doc.kind(i) == Some(TokenKind::Word(Case::Capitalized))
                    && is_viet_syllable(self.doc.s(i));
                cell.set(if yes { 1 } else { 2 });
                yes
            }
        }
    }

    /// Whether the tokens `s..e` are all capitalised Vietnamese syllables.
    fn all_viet(&self, s: usize, e: usize) -> bool {
        (s..e).all(|k| self.viet(k))
    }

    #[inline]
    fn flags(&self, i: usize) -> u32 {
        self.lex.flags1(self.id(i))
    }

    #[inline]
    fn at(&self, i: usize, mask: u32) -> Option<(usize, u32)> {
        self.lex
            .longest(i, mask, |j| self.id(j), |j| self.doc.line_before(j))
    }

    #[inline]
    fn word(&self, i: usize) -> bool {
        matches!(self.doc.kind(i), Some(TokenKind::Word(_)))
    }

    #[inline]
    fn lower(&self, i: usize) -> bool {
        self.doc.kind(i) == Some(TokenKind::Word(Case::Lower))
    }

    /// A capitalised, upper-case or mixed word, or a dotted abbreviation: a
    /// word of an organisation's name.
    #[inline]
    fn org_tok(&self, i: usize) -> bool {
        match self.doc.kind(i) {
            Some(TokenKind::Word(c)) => c != Case::Lower,
            Some(TokenKind::Abbreviation) => true,
            _ => false,
        }
    }

    #[inline]
    fn surname(&self, i: usize) -> bool {
        self.doc.kind(i) == Some(TokenKind::Word(Case::Capitalized)) && self.flags(i) & SURNAME != 0
    }

    /// Whether a candidate starts at token `i`.
    fn trigger(&self, i: usize) -> bool {
        match self.doc.kind(i) {
            Some(TokenKind::Word(Case::Lower)) => {
                self.lex.starts(self.id(i)) & (HONORIFIC | HEAD | MODIFIER | OCCUPATION) != 0
            }
            Some(TokenKind::Word(_)) | Some(TokenKind::Abbreviation) => true,
            _ => false,
        }
    }

    /// Whether token `i` starts a sentence or clause: a line start, or after
    /// end punctuation or an opening quote.
    fn sentence_start(&self, i: usize) -> bool {
        let d = self.doc;
        i == 0
            || d.line_before(i)
            || matches!(
                d.s(i - 1),
                "." | "!" | "?" | ":" | ";" | "\"" | "“" | "”" | "'" | "(" | "-" | "..."
            )
    }

    /// An honorific at `i`: its end and whether it is a degree.
    fn honorific_at(&self, i: usize) -> Option<(usize, bool)> {
        let d = self.doc;
        // Đ/c, đ/c: three tokens.
        if (d.s(i) == "Đ" || d.s(i) == "đ")
            && d.is_punct(i + 1, "/")
            && d.s(i + 2) == "c"
            && !d.space_before(i + 1)
            && !d.space_before(i + 2)
        {
            return Some((i + 3, false));
        }
        let (e, f) = self.at(i, HONORIFIC)?;
        // A capitalised one-syllable word of address mid-sentence is a name
        // or a country (`Anh`), not an honorific.
        if e == i + 1
            && f & ADDRESS != 0
            && d.kind(i) == Some(TokenKind::Word(Case::Capitalized))
            && !self.sentence_start(i)
        {
            return None;
        }
        // "Bà Rịa", "Bà Chiểu": a place.
        if self.at(i, PLACE).is_some_and(|(pe, _)| pe > e) {
            return None;
        }
        Some((e, f & DEGREE != 0))
    }

    /// Whether the word before `i` makes a group (`các đồng chí`).
    fn plural_before(&self, i: usize) -> bool {
        i > 0
            && !self.doc.line_before(i)
            && ([
                "các", "những", "mọi", "nhiều", "hai", "ba", "bốn", "năm", "vài",
            ]
            .iter()
            .any(|w| self.doc.is(i - 1, w))
                || self.doc.kind(i - 1) == Some(TokenKind::Number))
    }

    fn mention_at(&self, i: usize) -> Option<Mention> {
        let d = self.doc;
        let mut j = i;
        let mut honorific = None;
        let mut degree = false;
        let mut cue = false;
        if let Some((e, deg)) = self.honorific_at(i) {
            honorific = Some((i, e));
            degree = deg;
            j = e;
        } else if let Some((e, _)) = self.at(i, OCCUPATION) {
            // An occupation is no title unless a longer title head reads
            // there; `nhà văn` is no occupation in `Nhà văn hóa`.
            let longer = |mask| self.at(i, mask).is_some_and(|(le, _)| le > e);
            if !longer(HEAD) && !longer(lex::BLOCKER | lex::BLOCKER_LIST) {
                let mut k = e;
                // "nghệ sĩ trumpet Peter Holm", "nhà soạn nhạc Saint-saens".
                while k < e + 2
                    && self.lower(k)
                    && !d.line_before(k)
                    && self.at(k, STOP).is_none()
                    && self.flags(k) & FUNCTION == 0
                {
                    k += 1;
                }
                if is_name_syl(d, k) && !d.line_before(k) {
                    cue = true;
                    j = k;
                } else {
                    return None;
                }
            }
        }
        // Titles before the name.
        let mut titles = Vec::new();
        let mut name = None;
        let role =
            || honorific.is_none() && ROLE_NOUNS.iter().any(|w| d.phrase_before(j, w).is_some());
        if !cue && self.at(j, HEAD | MODIFIER).is_some() && !role() {
            let mut k = j;
            while titles.len() < MAX_TITLES {
                let Some(t) = self.title(k, Mode::Before) else {
                    break;
                };
                titles.push((t.start, t.end));
                if let Some(nm) = t.name {
                    name = Some(nm);
                    break;
                }
                k = t.end;
                // Another title: ", head", "kiêm head".
                let sep = d.is_punct(k, ",") || d.is(k, "kiêm");
                if sep && !d.line_before(k + 1) && self.at(k + 1, HEAD | MODIFIER).is_some() {
                    k += 1;
                    continue;
                }
                // "Chủ tịch xã An Phú, Nguyễn Văn Bách cho biết".
                if d.is_punct(k, ",") && !d.line_before(k + 1) {
                    if let Some(nm) = self.name_run(k + 1) {
                        if nm.2 == NameKind::Full && syllables(d, nm.0, nm.1) >= 3 {
                            name = Some((nm.0, nm.1));
                        }
                    }
                }
                // A title on one line and the name on the next: a signature.
                if name.is_none() && d.line_before(k) && honorific.is_none() && titles.len() == 1 {
                    if let Some(nm) = self.name_run(k) {
                        if nm.2 == NameKind::Full && (k + 1..nm.1).all(|x| !d.line_before(x)) {
                            let (ts, te) = titles[0];
                            if d.line_before(ts) && self.all_caps_or_title_line(ts, te) {
                                name = Some((nm.0, nm.1));
                            }
                        }
                    }
                }
                break;
            }
            if name.is_none() && titles.is_empty() {
                // After a degree, the field may come first: "TS kinh tế Vương …".
                if degree {
                    let mut k = j;
                    while k < j + 4
                        && self.lower(k)
                        && !d.line_before(k)
                        && self.at(k, STOP).is_none()
                        && self.flags(k) & FUNCTION == 0
                    {
                        k += 1;
                    }
                    if k > j && self.surname(k) && !d.line_before(k) {
                        j = k;
                    }
                }
            }
        }
        let name_at = match name {
            Some((s, _)) => s,
            None => titles.last().map_or(j, |t| t.1),
        };
        let strong_before = honorific.is_some() || !titles.is_empty() || cue;
        let run = if name.is_some() {
            name.map(|(s, e)| (s, e, self.kind_of(s, e)))
        } else if !d.line_before(name_at) || name_at == i {
            self.name_run(name_at)
        } else {
            None
        };
        let Some((ns, ne, kind)) = run else {
            // Title only, after a singular word of address.
            let (hs, he) = honorific?;
            let capital = titles.first().is_some_and(|t| self.org_tok(t.0));
            if !capital || degree || self.plural_before(hs) {
                return None;
            }
            let end = titles.last().map_or(he, |t| t.1);
            return Some(Mention {
                start: hs,
                end,
                honorific,
                titles,
                name: None,
            });
        };
        // Titles after the name.
        let (after, after_end) = self.after_titles(ne);
        let syl = syllables(d, ns, ne);
        // A place is no person: "em Việt Nam", "vận động viên Israel".
        if self.at(ns, PLACE).is_some_and(|(pe, _)| pe >= ne)
            && !(titles.len() == 1 && name.is_some())
        {
            return None;
        }
        let ok = match kind {
            NameKind::Full => {
                if strong_before || !after.is_empty() {
                    syl >= 2
                } else {
                    self.bare_name_ok(ns, ne, syl)
                }
            }
            NameKind::Given => {
                honorific.is_some_and(|(hs, _)| !self.plural_before(hs))
                    && !degree
                    && titles.is_empty()
                    && self.at(ns, ORG).is_none()
            }
            NameKind::Foreign => {
                honorific.is_some()
                    || name.is_some()
                    || (strong_before && syl >= 2)
                    || cue
                    || (!after.is_empty() && syl >= 2)
            }
        };
        if !ok {
            return None;
        }
        let start = honorific.map_or_else(|| titles.first().map_or(ns, |t| t.0), |h| h.0);
        let mut all = titles;
        all.extend_from_slice(&after);
        let end = if after.is_empty() { ne } else { after_end };
        Some(Mention {
            start,
            end,
            honorific,
            titles: all,
            name: Some((ns, ne)),
        })
    }

    /// Whether the title `s..e` stands alone on its line (a signature block:
    /// `CHỦ TỊCH QUỐC HỘI` then the name on a later line).
    fn all_caps_or_title_line(&self, _s: usize, e: usize) -> bool {
        self.doc.line_before(e)
    }

    /// The name run at `i`, cut before a title head inside it, with its kind.
    fn name_run(&self, i: usize) -> Option<(usize, usize, NameKind)> {
        let d = self.doc;
        if !is_name_syl(d, i) || self.flags(i) & NOT_NAME != 0 {
            return None;
        }
        let mut e = self.cut_run(i, run_end(d, i, MAX_NAME));
        // "Nguyễn Văn A Chủ tịch …" written without a comma.
        for k in i + 1..e {
            if self.at(k, HEAD).is_some() {
                e = k;
                break;
            }
        }
        // "Lê văn Khoa": a middle name in lower case.
        if e == i + 1
            && self.surname(i)
            && (d.is(i + 1, "văn") || d.is(i + 1, "thị"))
            && self.lower(i + 1)
            && !d.line_before(i + 1)
            && is_name_syl(d, i + 2)
            && !d.line_before(i + 2)
            && d.space_before(i + 2)
        {
            let e2 = run_end(d, i + 2, MAX_NAME - 2);
            if e2 <= i + 4 {
                return Some((i, e2, NameKind::Full));
            }
        }
        Some((i, e, self.kind_of(i, e)))
    }

    fn kind_of(&self, s: usize, e: usize) -> NameKind {
        let d = self.doc;
        let viet = self.all_viet(s, e) && (s..e).all(|k| is_name_syl(d, k));
        let first = d.s(s);
        let minority = first.starts_with("H'") || (first == "Y" && e > s + 1);
        if (self.surname(s) || minority) && e > s + 1 && (viet || self.flags(s) & SURNAME != 0) {
            NameKind::Full
        } else if viet {
            NameKind::Given
        } else {
            NameKind::Foreign
        }
    }

    /// Whether a full name standing alone (no honorific, no title) reads as
    /// a person.
    fn bare_name_ok(&self, s: usize, e: usize, syl: usize) -> bool {
        let d = self.doc;
        if !(3..=5).contains(&syl) || !self.all_viet(s, e) {
            return false;
        }
        // A place or an organisation's name inside the run.
        if (s..e).any(|k| {
            self.at(k, PLACE)
                .is_some_and(|(pe, _)| pe <= e && (pe - k >= 2 || k == s))
        }) {
            return false;
        }
        if self.at(s, ORG).is_some() {
            return false;
        }
        if s == 0 || d.line_before(s) {
            return true;
        }
        // A code, number or organisation right before: `THPT Lê Quý Đôn`,
        // `71 Nguyễn Khuyến`.
        let prev = s - 1;
        match d.kind(prev) {
            Some(TokenKind::Number)
            | Some(TokenKind::DateLike)
            | Some(TokenKind::DocSymbol)
            | Some(TokenKind::Abbreviation) => return false,
            Some(TokenKind::Word(Case::Upper)) | Some(TokenKind::Word(Case::Mixed)) => {
                return false
            }
            _ => {}
        }
        !self.blocked(s)
    }

    /// Whether a word of `not-person-before.txt` ends within four tokens
    /// before `s`, with only words or codes between (`trường THPT tư thục …`,
    /// `tấm gương đạo đức …`), or `s` continues a list whose first item is
    /// so blocked (`các phố Bùi Thị Xuân, Tôn Thất Tùng …`).
    fn blocked(&self, s: usize) -> bool {
        let d = self.doc;
        if self.blocked_direct(s).is_some() {
            return true;
        }
        // Up to three earlier items of a list: ", Name" or "hay Name".
        let mut k = s;
        for _ in 0..3 {
            if k < 2 || d.line_before(k) {
                return false;
            }
            let sep = d.is_punct(k - 1, ",") || d.is(k - 1, "hay") || d.is(k - 1, "và");
            if !sep {
                return false;
            }
            // The item before the separator: a run of capitalised words.
            let mut b = k - 1;
            let mut len = 0;
            while b > 0 && is_name_syl(d, b - 1) && !d.line_before(b) && len < MAX_NAME {
                b -= 1;
                len += 1;
            }
            if len == 0 {
                return false;
            }
            if self.blocked_direct(b) == Some(true) {
                return true;
            }
            k = b;
        }
        false
    }

    /// A blocking word before `s`: `Some(true)` when it names a list of
    /// streets or schools (`các phố A, B`), `Some(false)` for one.
    fn blocked_direct(&self, s: usize) -> Option<bool> {
        let d = self.doc;
        let lo = s.saturating_sub(4);
        let mut k = s;
        while k > lo {
            k -= 1;
            if d.line_before(k + 1) || !self.word(k) && d.kind(k) != Some(TokenKind::Abbreviation) {
                return None;
            }
            // A phrase ending at k + 1, not the start of a longer
            // organisation word (`Tỉnh ủy` is no `tỉnh`).
            for start in k.saturating_sub(2)..=k {
                if let Some((pe, f)) = self.at(start, lex::BLOCKER | lex::BLOCKER_LIST) {
                    if pe == k + 1 && self.at(start, ORG).is_none_or(|(oe, _)| oe <= pe) {
                        return Some(f & lex::BLOCKER_LIST != 0);
                    }
                }
            }
            if self.at(k, HEAD).is_some() {
                return None;
            }
        }
        None
    }

    /// One title from `i`: `[modifier…] head [organisation]`.
    fn title(&self, i: usize, mode: Mode) -> Option<Title> {
        let d = self.doc;
        let mut j = i;
        let head_end = loop {
            if j > i && d.line_before(j) {
                return None;
            }
            if let Some((e, _)) = self.at(j, HEAD) {
                // "tăng trưởng", "thứ trưởng hoặc …": a one-syllable head in
                // lower case is a piece of another word.
                if e == j + 1 && j == i && self.lower(j) {
                    return None;
                }
                break e;
            }
            match self.at(j, MODIFIER) {
                Some((e, _)) if j < i + 3 => j = e,
                _ => return None,
            }
        };
        let (end, name) = self.org(i, head_end, mode);
        Some(Title {
            start: i,
            end,
            name,
        })
    }

    /// The organisation a title runs through, from token `from`: the end of
    /// the title and, read before a name, the name that ends it.
    ///
    /// Capitalised words, codes and the words of `org-words.txt` belong to
    /// it. Other lower-case words belong to it when more of the organisation
    /// follows (`Công ty CP Đầu tư hạ tầng giao thông Đèo Cả`), or, three at
    /// most, when punctuation ends the title right after them
    /// (`Cục trưởng Hợp tác quốc tế (Bộ …)`). A verb of `title-stops.txt`,
    /// `kiêm`, `cùng` or a word of address ends it.
    fn org(&self, title_start: usize, from: usize, mode: Mode) -> (usize, Option<(usize, usize)>) {
        let d = self.doc;
        let n = d.len();
        let limit = (title_start + MAX_TITLE).min(n);
        let mut j = from;
        let mut end = from;
        // The first of the lower-case words read since `end`.
        let mut pending: Option<usize> = None;
        // Lower-case words read that are no organisation words.
        let mut loose = 0;
        let tail_ok = |p: Option<usize>, at: usize| p.is_some_and(|p| at - p <= 3);
        while j < limit {
            if d.line_before(j) {
                if tail_ok(pending, j) {
                    end = j;
                }
                return (end, None);
            }
            match d.kind(j) {
                Some(TokenKind::Punct) | Some(TokenKind::Symbol) => {
                    let s = d.s(j);
                    let glued_left = !d.space_before(j);
                    let glued_right = !d.space_before(j + 1) && !d.line_before(j + 1);
                    // Joiners inside a name: LĐ-TB-XH, TN&MT, HIV/AIDS,
                    // "Công nghiệp- Viễn thông", "ô-tô".
                    let joiner = j > from
                        && matches!(s, "-" | "&" | "/")
                        && (glued_left || glued_right)
                        && (self.org_tok(j + 1) || (glued_left && glued_right && self.word(j + 1)));
                    if joiner {
                        j += 1;
                        continue;
                    }
                    if s != ":" && tail_ok(pending, j) {
                        end = j;
                    }
                    return (end, None);
                }
                Some(TokenKind::Word(Case::Lower)) => {
                    let org_mask = if pending.is_some() {
                        ORG_WORD | ADMIN
                    } else {
                        ORG
                    };
                    if let Some((e, _)) = self.at(j, org_mask) {
                        if !self.is_stop(j) {
                            j = e;
                            end = e;
                            pending = None;
                            continue;
                        }
                    }
                    if d.is(j, "kiêm") {
                        if tail_ok(pending, j) {
                            end = j;
                        }
                        return (end, None);
                    }
                    if self.is_stop(j)
                        || d.is(j, "cùng")
                        || self.at(j, ADDRESS).is_some()
                        || (d.is(j, "và") && self.person_starts(j + 1, mode))
                    {
                        return (end, None);
                    }
                    let p = *pending.get_or_insert(j);
                    loose += 1;
                    if j - p >= 6 || loose > 7 {
                        return (end, None);
                    }
                    j += 1;
                }
                Some(TokenKind::Word(_)) | Some(TokenKind::Abbreviation) => {
                    if j > from && self.person_starts(j, mode) {
                        if mode == Mode::After && tail_ok(pending, j) {
                            end = j;
                        }
                        return (end, None);
                    }
                    if mode == Mode::Before && is_name_syl(d, j) {
                        let r = self.cut_run(j, run_end(d, j, 9));
                        if let Some((ns, ne)) = self.name_in_title(from, j, r) {
                            // "trưởng phòng kỹ thuật Lê Hữu Chiến": the words
                            // read since belong to the title; a two-syllable
                            // name needs none ("… hoặc Phó Thủ trưởng").
                            if pending.is_some() && ne - ns < 3 && ns == j {
                                return (end, None);
                            }
                            let end = if ns > j {
                                ns
                            } else if pending.is_some() {
                                j
                            } else {
                                end
                            };
                            return (end, Some((ns, ne)));
                        }
                        // The run is part of the organisation, with the
                        // words it starts (`Bộ Tài chính`).
                        let mut k = j;
                        while k < r {
                            k = self.at(k, ORG | PLACE).map_or(k + 1, |(e, _)| e);
                        }
                        j = k;
                        end = k;
                        pending = None;
                        continue;
                    }
                    if let Some((e, _)) = self.at(j, ORG | PLACE) {
                        j = e;
                    } else {
                        j += 1;
                    }
                    end = j;
                    pending = None;
                }
                _ => return (end, None),
            }
        }
        if j >= n && tail_ok(pending, j) {
            end = j;
        }
        (end, None)
    }

    /// Whether a verb of `title-stops.txt` stands at `k` (and not a longer
    /// organisation word: `giao thông` is no `giao`).
    fn is_stop(&self, k: usize) -> bool {
        match self.at(k, STOP) {
            Some((e, _)) => self.at(k, ORG).is_none_or(|(oe, _)| oe <= e),
            None => false,
        }
    }

    /// `r`, or the first function word of the run `i..r` that cannot be a
    /// name syllable (`Trần Quang Vinh Trong thư …`, a caption run into the
    /// next sentence).
    fn cut_run(&self, i: usize, r: usize) -> usize {
        (i + 1..r)
            .find(|&k| self.flags(k) & NOT_NAME != 0)
            .unwrap_or(r)
    }

    /// Whether a title read from `k` ends in a name, or an honorific stands
    /// there: another person starts.
    ///
    /// Read before a name, only an honorific counts: a title there would be
    /// read in turn, and reading is kept to one level.
    fn person_starts(&self, k: usize, mode: Mode) -> bool {
        if self.doc.line_before(k)
            || !self.word(k) && self.doc.kind(k) != Some(TokenKind::Abbreviation)
        {
            return false;
        }
        if self
            .honorific_at(k)
            .is_some_and(|(e, _)| is_name_syl(self.doc, e) || self.at(e, HEAD).is_some())
        {
            return true;
        }
        mode == Mode::After
            && self.at(k, HEAD).is_some()
            && self
                .title(k, Mode::Before)
                .is_some_and(|t| t.name.is_some())
    }

    /// The name at the end of the capitalised run `j..r` inside a title read
    /// before a name (`… UBND tỉnh Hoàng Minh Sơn`, `… Phú Thọ Đào Ngọc Lâm`,
    /// `Tổng thống Mỹ John Carter`).
    fn name_in_title(&self, from: usize, j: usize, r: usize) -> Option<(usize, usize)> {
        let d = self.doc;
        let syl = syllables(d, j, r);
        let prev = j.checked_sub(1)?;
        let admin = self.flags(prev) & ADMIN != 0
            || (prev > 0 && self.at(prev - 1, ADMIN).is_some_and(|(e, _)| e == j));
        // Organisations that take a place name after them: Tỉnh ủy, UBND.
        let place_taker =
            admin || d.is(prev, "ủy") || matches!(d.s(prev), "UBND" | "HĐND" | "UBMTTQ" | "MTTQ");
        let blocked = j > from && !admin && self.blocked(j);
        let place_len = |s: usize| self.at(s, PLACE).map(|(e, _)| e - s);
        for len in [3usize, 4, 5, 2] {
            if len > syl || len > r - j {
                continue;
            }
            let s = r - len;
            if !self.surname(s) || !self.all_viet(s, r) {
                continue;
            }
            let len =
                if len == 3 && s == j + 1 && self.surname(j) && self.flags(j + 1) & MIDDLE == 0 {
                    // "Nguyễn Phạm Minh Hoàng": two surnames.
                    4
                } else {
                    len
                };
            let s = r - len;
            if len == 2 && (s != j || place_taker) {
                continue;
            }
            // A place, unless a title head stands right before a name that is
            // also a place's (`Chủ tịch Hồ Chí Minh`).
            if place_len(s).is_some_and(|pl| pl >= len) && !(s == from && len >= 3) {
                continue;
            }
            if admin {
                let needed = place_len(j).unwrap_or(2);
                if s == j {
                    if len < 3 || place_len(j).is_some() {
                        continue;
                    }
                } else if s - j < needed.min(2) {
                    continue;
                }
            }
            if blocked && s - j < 2 {
                continue;
            }
            return Some((s, r));
        }
        // A foreign name after a country: "Thủ tướng Israel David Levin".
        let mut s = j;
        while let Some((e, _)) = self.at(s, PLACE) {
            if e >= r {
                return None;
            }
            s = e;
        }
        let foreign = (s..r).any(|k| is_name_syl(d, k) && !is_viet_syllable(d.s(k)));
        // One foreign word is a name only after a country ("Thủ tướng Israel
        // Rabin"), not after a head ("Giám đốc Eximbank").
        // After an organisation a foreign run is a company (`Công ty ô-tô
        // Toyota Việt Nam`): only right after the head or a country.
        let enough = (syllables(d, s, r) >= 2 && j == from) || s > j;
        let place_inside = (s..r).any(|k| self.at(k, PLACE).is_some());
        if foreign && enough && !blocked && !place_inside && self.at(s, ORG).is_none() {
            return Some((s, r));
        }
        None
    }

    /// Titles after a name ending at `ne`: `, title`, `- title`,
    /// `(title)`, chained by commas or `kiêm`. Returns the titles and the end
    /// of the mention.
    fn after_titles(&self, ne: usize) -> (Vec<(usize, usize)>, usize) {
        let d = self.doc;
        let mut titles: Vec<(usize, usize)> = Vec::new();
        if d.line_before(ne) {
            return (titles, ne);
        }
        let paren = d.is_punct(ne, "(");
        let sep = paren || d.is_punct(ne, ",") || d.is_punct(ne, "-");
        if !sep {
            return (titles, ne);
        }
        let mut k = ne + 1;
        // "ông X, là HLV phó …".
        if d.is(k, "là") && !paren {
            k += 1;
        }
        let mut end = ne;
        while titles.len() < MAX_TITLES {
            if d.line_before(k) {
                break;
            }
            // "…, Thủ tướng Chính phủ Trịnh Văn Hòa": the next person (a
            // foreign run right after the head may be a company:
            // "Trưởng đại diện Cathay Pacific").
            if self.title(k, Mode::Before).is_some_and(|t| {
                t.name.is_some_and(|(ns, ne)| {
                    self.kind_of(ns, ne) == NameKind::Full
                        || self.at(ns.saturating_sub(1), PLACE).is_some()
                })
            }) {
                break;
            }
            let Some(t) = self.title(k, Mode::After) else {
                break;
            };
            titles.push((t.start, t.end));
            end = t.end;
            k = t.end;
            // ", Cơ quan Thanh tra …": the organisation goes on.
            while d.is_punct(k, ",")
                && !d.line_before(k + 1)
                && self.org_tok(k + 1)
                && self.at(k + 1, ORG_START).is_some()
                && self.at(k + 1, HEAD).is_none()
            {
                let (e, _) = self.org(k + 1, k + 1, Mode::After);
                if e <= k + 1 {
                    break;
                }
                if let Some(last) = titles.last_mut() {
                    last.1 = e;
                }
                end = e;
                k = e;
            }
            let next = d.is_punct(k, ",") || d.is(k, "kiêm") || d.is(k, "và");
            if next && !d.line_before(k + 1) && self.at(k + 1, HEAD | MODIFIER).is_some() {
                k += 1;
                continue;
            }
            break;
        }
        if paren && !titles.is_empty() && d.is_punct(end, ")") {
            end += 1;
        }
        (titles, end)
    }

    fn candidate(&self, m: &Mention) -> Candidate {
        let d = self.doc;
        let name = m
            .name
            .map_or(String::new(), |(s, e)| d.slice(s, e).to_string());
        let mut p = Person::new(name);
        p.honorific = m.honorific.map(|(s, e)| d.slice(s, e).to_string());
        p.titles = m
            .titles
            .iter()
            .map(|&(s, e)| d.slice(s, e).to_string())
            .collect();
        if p.titles.iter().any(|t| self.has_abbreviation(t)) {
            p.titles_expanded = Some(p.titles.iter().map(|t| self.expand(t)).collect());
        }
        Candidate::new(d.span(m.start, m.end), Payload::Person(p))
    }

    fn has_abbreviation(&self, title: &str) -> bool {
        title
            .split(' ')
            .any(|w| self.lex.abbreviations.contains_key(w))
    }

    /// `title` with every abbreviation spelled out.
    fn expand(&self, title: &str) -> String {
        let mut out = String::with_capacity(title.len() + 16);
        for (n, w) in title.split(' ').enumerate() {
            if n > 0 {
                out.push(' ');
            }
            out.push_str(self.lex.abbreviations.get(w).copied().unwrap_or(w));
        }
        out
    }
}

#[cfg(test)]
mod tests;
