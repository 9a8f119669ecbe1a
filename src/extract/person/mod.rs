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
//! An occupation or role noun before a name (`cầu thủ`, `chàng trai`, data:
//! `occupations.txt`) makes it a person without a title.
//!
//! A name standing alone is a person when no word before it makes it a
//! street, school, place or organisation (`đường Nguyễn Huệ`, `trường THPT
//! Lê Quý Đôn`, `TP Hồ Chí Minh`, `tư tưởng Hồ Chí Minh`; data:
//! `not-person-before.txt`, `places.txt`, `teams.txt`) and it is
//!
//! - a full Vietnamese name of three syllables or more led by a surname of
//!   `surnames.txt`;
//! - a foreign name led by a given name of `foreign-given-names.txt`, two
//!   words or more, one not a Vietnamese syllable and none a word of an
//!   organisation (`Marcus Whitfield`, not `George Mason University`);
//! - read as a person's elsewhere in the article, with a word of address, a
//!   title or a role noun (`chàng trai Đặng Khoa` … `Đặng Khoa kể`);
//! - or a Vietnamese name that recurs: led by a rarer surname
//!   (`surnames-rare.txt`) or holding a function word (`Tạ Bảo Từ`), twice;
//!   of two syllables (`Mạc Vân`), three times; and never where a place
//!   would stand (`ở Lâm Hưng`).
//!
//! These last two come from a second reading of the article, over the
//! capitalised tokens the first reading passed outside mentions.
//!
//! Candidate positions come from one scan: a capitalised token, or a word
//! that the tables know as an honorific, a title head, a modifier or an
//! occupation. Every look-ahead and look-back is bounded.

mod lex;
mod name;

use std::cell::Cell;

use super::quantity::nouns;
use super::{Candidate, Doc};
use crate::fact::{Payload, Person};
use crate::token::{Case, TokenKind};
use lex::{
    Lex, ADDRESS, ADMIN, DEGREE, FOREIGN_GIVEN, FOREIGN_ORG, FUNCTION, HEAD, HONORIFIC, LEX,
    MIDDLE, MODIFIER, NOT_NAME, NO_SYL, OCCUPATION, ORG, ORG_START, ORG_WORD, PLACE, RARE_SURNAME,
    STOP, SURNAME, WEAK_NOT_NAME,
};
use name::{is_initial, is_name_syl, is_viet_syllable, run_end, syllables};

/// The most tokens one title may span.
const MAX_TITLE: usize = 32;
/// The most titles in one chain.
const MAX_TITLES: usize = 8;
/// The most syllables of a name.
const MAX_NAME: usize = 6;
/// The most earlier items read back through a list of names.
const MAX_LIST: usize = 12;

/// Kinship words that describe a person in apposition (`X - chị gái của
/// Y`); one syllable needs `của` after it.
const KIN: &[&str] = &[
    "chị gái",
    "anh trai",
    "em gái",
    "em trai",
    "con trai",
    "con gái",
    "vợ",
    "chồng",
    "mẹ",
    "bố",
    "cha",
    "con",
];

/// Nouns for people after `một` in apposition (`X, một thành viên …`).
const PEOPLE: &[&str] = &[
    "người",
    "thành viên",
    "nhân viên",
    "cư dân",
    "công dân",
    "du khách",
    "hành khách",
    "con tin",
    "tù nhân",
    "phụ nữ",
    "người đàn ông",
    "cựu",
];

/// Function words that are never a syllable of a name: a run of capitalised
/// words stops before them (a caption run into the next sentence:
/// `Đại tướng Trần Quang Vinh Trong thư gửi …`).
const NOT_NAME_SYLLABLES: &[&str] = &[
    "bên", "bị", "các", "cho", "có", "còn", "cả", "cũng", "dù", "đã", "đang", "để", "đến", "do",
    "được", "giữa", "khi", "là", "mà", "một", "nếu", "ngày", "ngoài", "những", "riêng", "sau",
    "sẽ", "tại", "theo", "thì", "trong", "tuy", "và", "vẫn", "về", "vì", "với", "xe", "ảnh",
];

/// Function words that are also name syllables (`Tạ Bảo Từ`, `Nguyễn Trọng
/// Nhưng`): one ends a run of at most two syllables before it; elsewhere it
/// starts the next clause. A bare name holding one is a person only when it recurs.
const WEAK_NOT_NAME_SYLLABLES: &[&str] = &["từ", "nhưng"];

/// Words that never stand between an honorific or occupation and the name
/// (`luật sư của Lâm …` is no honorific of Lâm).
const FUNCTION_WORDS: &[&str] = &[
    "của", "cho", "với", "và", "ở", "tại", "từ", "là", "các", "những", "như", "hoặc", "hay", "do",
    "bởi",
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
    let runs = vec![Cell::new(0u32); n];
    let p = Parser {
        doc,
        ids: &ids,
        viet: &viet,
        runs: &runs,
        lex: &LEX,
    };
    // Mentions found: their spans and names, in text order.
    let mut found: Vec<Found> = Vec::new();
    // The capitalised tokens outside mentions, in text order.
    let mut caps: Vec<usize> = Vec::new();
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
        if caps.last() != Some(&next_cap) {
            caps.push(next_cap);
        }
        if next_cap > i + 8 || !p.trigger(i) {
            i += 1;
            continue;
        }
        match p.mention_at(i) {
            Some(m) => {
                let end = m.end;
                found.push((m.start, m.end, m.name));
                out.push(p.candidate(&m));
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    p.list_pass(&mut found, out);
    p.apposition_pass(&mut found, &caps, out);
    p.document_pass(&found, &caps, out);
}

/// A mention of the first reading: its tokens and its name's.
type Found = (usize, usize, Option<(usize, usize)>);

/// The start of the first mention of `found` (in text order) that ends
/// after token `i`, or `n`; `f` walks on from where the last call left it,
/// so a pass over the tokens costs one walk over the mentions.
fn next_mention(found: &[Found], f: &mut usize, i: usize, n: usize) -> usize {
    while *f < found.len() && found[*f].1 <= i {
        *f += 1;
    }
    found.get(*f).map_or(n, |m| m.0)
}

/// A name standing alone that the second reading accepts if it recurs.
struct Pending {
    start: usize,
    end: usize,
    hash: u64,
    /// The start of the next mention of the first reading.
    next_start: usize,
    /// Two syllables: three mentions are needed.
    two: bool,
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
    /// The head takes a person's name right after it (`title-heads.txt`:
    /// `person`).
    person: bool,
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
    /// The name run of each token, read when first needed: 0 not read yet,
    /// 1 none, else `2 + 4 × length + kind`.
    runs: &'d [Cell<u32>],
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

    /// A rarer surname (`surnames-rare.txt`) at `i`, capitalised.
    #[inline]
    fn rare(&self, i: usize) -> bool {
        self.doc.kind(i) == Some(TokenKind::Word(Case::Capitalized))
            && self.flags(i) & RARE_SURNAME != 0
    }

    /// Whether the tokens `k` and `k + 1` make one word of the dictionary
    /// (`Tăng cường`, `Môi trường`): no surname and given name.
    fn dictionary_pair(&self, k: usize) -> bool {
        let d = self.doc;
        k + 1 < d.len()
            && !d.line_before(k + 1)
            && self.word(k)
            && self.word(k + 1)
            && crate::lexicon::Lexicon::builtin().contains(d.slice(k, k + 2))
    }

    /// Whether token `k` is one syllable of a two-syllable word of the
    /// dictionary, with the token before it or with the one after it when
    /// that one is before `limit`.
    fn in_word(&self, k: usize, limit: usize) -> bool {
        (k > 0 && self.dictionary_pair(k - 1)) || (k + 1 < limit && self.dictionary_pair(k))
    }

    /// `e`, or `e - 1` when the run `s..e` ends in an initial
    /// (`Lê Thị Hồng N.`): the end of its syllables.
    fn core_end(&self, s: usize, e: usize) -> usize {
        if e > s + 1 && is_initial(self.doc, e - 1) {
            e - 1
        } else {
            e
        }
    }

    /// Whether a name run can start at `s`: the token before is no name
    /// syllable of the same run, or a capitalised word opening the sentence.
    fn run_start(&self, s: usize) -> bool {
        let d = self.doc;
        s == 0
            || d.line_before(s)
            || !d.space_before(s)
            || !is_name_syl(d, s - 1)
            || (self.sentence_start(s - 1)
                && self.viet(s - 1)
                && !self.surname(s - 1)
                && !self.rare(s - 1)
                && self.at(s - 1, PLACE | ORG).is_none())
    }

    /// Whether token `i` starts a candidate.
    fn trigger(&self, i: usize) -> bool {
        match self.doc.kind(i) {
            Some(TokenKind::Word(Case::Lower)) => {
                let mask = HONORIFIC | HEAD | MODIFIER | OCCUPATION;
                self.lex.starts(self.id(i)) & mask != 0 && self.at(i, mask).is_some()
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
        // "công cụ", "dụng cụ": the end of another word.
        if e == i + 1
            && i > 0
            && self.lower(i - 1)
            && (is_name_syl(d, e) || is_initial(d, e))
            && self.dictionary_pair(i - 1)
        {
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
        let mut weak_cue = false;
        if let Some((e, deg)) = self.honorific_at(i) {
            honorific = Some((i, e));
            degree = deg;
            j = e;
        } else if let Some((e, f)) = self.at(i, OCCUPATION | lex::WEAK_CUE) {
            // An occupation is no title unless a longer title head reads
            // there; `nhà văn` is no occupation in `Nhà văn hóa`.
            let longer = |mask| self.at(i, mask).is_some_and(|(le, _)| le > e);
            if !longer(HEAD) && !longer(lex::BLOCKER | lex::BLOCKER_LIST) {
                weak_cue = f & lex::WEAK_CUE != 0;
                let mut k = e;
                // "nghệ sĩ trumpet Peter Holm", "nhà soạn nhạc Saint-saens";
                // a role noun is followed by the name itself.
                let skip = if weak_cue { 0 } else { 2 };
                while k < e + skip
                    && self.lower(k)
                    && !d.line_before(k)
                    && self.at(k, STOP).is_none()
                    && self.flags(k) & FUNCTION == 0
                {
                    k += 1;
                }
                // "trọng tài Hàn Quốc Park Sung-min", "nhà thiết kế người Pháp
                // Anne Morel": the country, then the name; "người Iceland"
                // alone is a nationality.
                match self.at(k, PLACE) {
                    Some((pe, _))
                        if is_name_syl(d, pe) && d.space_before(pe) && !d.line_before(pe) =>
                    {
                        k = pe
                    }
                    _ if k > e && d.is(k - 1, "người") && run_end(d, k, 2) <= k + 1 => {
                        return None
                    }
                    _ => {}
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
        // A title starts at a word boundary: `quyền` (acting) is no
        // modifier in `chính quyền tổng thống …`. A head of two syllables
        // is a word itself and wins (`cố thủ tướng`, `ám sát Thủ tướng`).
        let inside_word = j == i
            && i > 0
            && self.lower(i - 1)
            && self.at(i, HEAD | MODIFIER).is_some_and(|(e, _)| e == i + 1)
            && self.dictionary_pair(i - 1);
        if !cue && !inside_word && self.at(j, HEAD | MODIFIER).is_some() && !role() {
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
                        // "phạt đội trưởng Real, Raul Gonzalez.": a foreign
                        // name in apposition to the title.
                        // No verb in the lower-case words that end the
                        // title after its head: `khi Giáo hoàng lâm bệnh, X`
                        // is a clause.
                        let clean = self.no_verb_at_end(titles[titles.len() - 1].0, k);
                        if nm.2 == NameKind::Foreign
                            && honorific.is_none()
                            && clean
                            && self.words(nm.0, nm.1) >= 2
                            && self.foreign_shape(nm.0, nm.1)
                            && self.in_apposition(titles[0].0, nm.1, true)
                        {
                            name = Some((nm.0, nm.1));
                        }
                    }
                    // "Thứ trưởng Ngoại giao Iran, ông Reza Mohammadi, cho
                    // biết": the title is the person's after the comma.
                    if name.is_none() && honorific.is_none() {
                        if let Some((h, nm)) = self.apposition_after(titles[0].0, k + 1) {
                            honorific = Some(h);
                            name = Some(nm);
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
                    self.bare_name_ok(ns, ne, syl) || self.foreign_bare_ok(ns, ne)
                }
            }
            NameKind::Given => {
                honorific.is_some_and(|(hs, _)| !self.plural_before(hs))
                    && !degree
                    && titles.is_empty()
                    && self.at(ns, ORG).is_none()
            }
            NameKind::Foreign if honorific.is_none() && self.foreign_org_in(ns, ne) => false,
            NameKind::Foreign => {
                honorific.is_some()
                    || name.is_some()
                    || (strong_before && syl >= 2)
                    || (cue && (!weak_cue || self.words(ns, ne) >= 2))
                    || (!after.is_empty() && syl >= 2)
                    || (!strong_before && self.foreign_bare_ok(ns, ne))
            }
        };
        if !ok {
            return None;
        }
        let start = [honorific.map(|h| h.0), titles.first().map(|t| t.0)]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(ns);
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

    /// A word of address and a name at `k`, after a title that starts at
    /// `ts` and a comma, when they stand in apposition to the title: the
    /// title opens the clause (`Thứ trưởng …, ông X cho biết`) or a comma,
    /// dash or parenthesis closes the name (`Theo Thứ trưởng …, ông X, …`).
    /// Not after a title that is the object of a verb (`Sau khi gặp Bộ
    /// trưởng Y tế, ông X cho biết`).
    #[allow(clippy::type_complexity)]
    fn apposition_after(&self, ts: usize, k: usize) -> Option<((usize, usize), (usize, usize))> {
        let d = self.doc;
        let (he, degree) = self.honorific_at(k)?;
        // "Cùng 10 trưởng đoàn khác, ông X …": a group is no one.
        if degree || d.line_before(he) || self.plural_before(k) || self.plural_before(ts) {
            return None;
        }
        let (ns, ne, kind) = self.name_run(he)?;
        let ok = match kind {
            NameKind::Full => syllables(d, ns, ne) >= 2,
            NameKind::Foreign => self.words(ns, ne) >= 2 && !self.foreign_org_in(ns, ne),
            NameKind::Given => false,
        };
        (ok && self.in_apposition(ts, ne, false)).then_some(((k, he), (ns, ne)))
    }

    /// Whether the lower-case words that end the title `ts..te`, past its
    /// head, hold no verb (`Giáo hoàng lâm bệnh` does; `HLV đội khách`,
    /// `Chủ tịch của trường` do not).
    fn no_verb_at_end(&self, ts: usize, te: usize) -> bool {
        let mut b = te;
        while b > ts && self.lower(b - 1) {
            b -= 1;
        }
        // Past a head that reaches into those words (`Giáo hoàng`, `giám
        // đốc điều hành`).
        for x in ts..te {
            if x > b {
                break;
            }
            if let Some((e, _)) = self.at(x, HEAD | MODIFIER) {
                b = b.max(e);
            }
        }
        (b..te).all(|x| !matches!(nouns::class_at(self.doc, x), Some((nouns::Class::Verb, _))))
    }

    /// Whether a name ending at `ne`, after a title starting at `ts` and a
    /// comma, stands in apposition to the title: the title opens the
    /// sentence or a clause (`Theo …`, `… nhưng tổng thư ký UEFA, ông X
    /// phủ nhận`), or a comma, dash or parenthesis closes the name (with
    /// `full_stop`, the end of the sentence too).
    fn in_apposition(&self, ts: usize, ne: usize, full_stop: bool) -> bool {
        let d = self.doc;
        let opens = self.sentence_start(ts)
            || (ts > 0
                && ["theo", "nhưng", "song", "còn", "và"]
                    .iter()
                    .any(|w| d.is(ts - 1, w)));
        let closed = !d.line_before(ne)
            && (d.is_punct(ne, ",")
                || d.is_punct(ne, "-")
                || d.is_punct(ne, "(")
                || (full_stop && (d.is_punct(ne, ".") || d.is_punct(ne, ";"))));
        opens || closed || (full_stop && d.line_before(ne))
    }

    /// A second reading of the article, for names standing alone that the
    /// first left out: a name already read as a person's elsewhere in the
    /// text (`ông Tạ Bảo Từ` … `Tạ Bảo Từ cho biết`), and a Vietnamese full
    /// name led by a rarer surname or holding a function word (`Khâu Mỹ Liên`,
    /// `Tạ Bảo Từ`) when it stands alone twice or more. `found` holds the
    /// mentions of the first reading, in text order.
    /// Names coordinated with a person read already: the items of a list
    /// of people (`A, B và C`) are alike, so a capitalised name next to a
    /// person, with only a separator between, is a person too. A name of
    /// two words or more (`Viola Davis`, a Vietnamese `Lê Hoàng`) needs one
    /// neighbour: the person before it, ending in its name, or the one
    /// after it, starting with its name. A single foreign word (`Zendaya`)
    /// needs a person on both sides. Places, organisations and names where
    /// a place would stand are never taken.
    fn list_pass(&self, found: &mut Vec<Found>, out: &mut Vec<Candidate>) {
        let d = self.doc;
        let mut added: Vec<Found> = Vec::new();
        for f in 0..=found.len() {
            let prev = f.checked_sub(1).and_then(|p| found.get(p));
            let next = found.get(f);
            let lo = prev.map_or(0, |p| p.1);
            let hi = next.map_or(d.len(), |m| m.0);
            // The person before ends in its name; the one after starts
            // with it.
            let left = prev.is_some_and(|&(_, e, nm)| nm.is_some_and(|(_, ne)| ne == e));
            let right = next.is_some_and(|&(s, _, nm)| nm.is_some_and(|(ns, _)| ns == s));
            if !left && !right {
                continue;
            }
            // Read the items of the gap: separator, name, separator, name …
            let mut items: Vec<(usize, usize, bool)> = Vec::new();
            let mut k = lo;
            let mut reaches = false;
            if prev.is_some() {
                while items.len() < MAX_LIST {
                    let Some(after) = self.separator(k, hi) else {
                        break;
                    };
                    if after == hi {
                        reaches = true;
                        break;
                    }
                    let Some((s, e, weak)) = self.list_item(after) else {
                        break;
                    };
                    // "A, B cho biết": after a comma, B is an item only when
                    // the list goes on or the phrase ends.
                    if e > hi || (!self.conjunction(k) && !self.item_closed(e)) {
                        break;
                    }
                    items.push((s, e, weak));
                    k = e;
                }
            }
            if reaches {
                // Every item stands between two people.
                if !(left || right) {
                    continue;
                }
                added.extend(items.iter().map(|&(s, e, _)| (s, e, Some((s, e)))));
                continue;
            }
            if left {
                added.extend(
                    items
                        .iter()
                        .take_while(|it| !it.2)
                        .map(|&(s, e, _)| (s, e, Some((s, e)))),
                );
            }
            if right {
                // Back from the person after: "X, Y và P".
                let floor = items.last().map_or(lo, |it| it.1);
                let mut e = hi;
                for _ in 0..MAX_LIST {
                    let Some(b) = self.separator_before(e, floor) else {
                        break;
                    };
                    let Some((s, ie)) = self.list_item_ending(b, floor) else {
                        break;
                    };
                    // "Nói với Rolling Stone, Kate …": before a comma, the
                    // item must itself follow a separator or open a list.
                    if !self.conjunction(b) && !self.item_opened(s) {
                        break;
                    }
                    added.push((s, ie, Some((s, ie))));
                    e = s;
                }
            }
        }
        self.add_bare(added, found, out);
    }

    /// Names that an apposition after them describes as a person: an age
    /// (`Tarsem Lal, 45 tuổi`), a kinship (`X - chị gái của Y`), an
    /// occupation (`X, nhà báo tự do`) or `một` and a noun for people (`X,
    /// một thành viên đoàn biểu tình`, `X, một trong số 7 người lái xe`).
    /// The name is a foreign one, of one word or more, or a Vietnamese full
    /// name of two syllables or more; never where a place would stand.
    fn apposition_pass(&self, found: &mut Vec<Found>, caps: &[usize], out: &mut Vec<Candidate>) {
        let d = self.doc;
        let mut added: Vec<Found> = Vec::new();
        let mut f = 0;
        let mut floor = 0;
        for &i in caps {
            if i < floor {
                continue;
            }
            let next_start = next_mention(found, &mut f, i, d.len());
            if next_start <= i || !is_name_syl(d, i) || !self.run_start(i) {
                continue;
            }
            let Some((s, e, kind)) = self.name_run(i) else {
                continue;
            };
            floor = e;
            let named = self.named_before(s);
            if e > next_start
                || (!named
                    && (e == next_start
                        || d.line_before(e)
                        || !(d.is_punct(e, ",") || d.is_punct(e, "-") || d.is_punct(e, "("))))
                || self.place_or_org_in(s, e)
                || self.foreign_org_in(s, e)
                || !self.bare_context_ok(s)
                || self.place_context(s)
            {
                continue;
            }
            let shape = match kind {
                NameKind::Full => self.recurring_shape(s, e, syllables(d, s, e)),
                NameKind::Given => false,
                NameKind::Foreign if self.words(s, e) >= 2 => self.foreign_shape(s, e),
                NameKind::Foreign => {
                    e == s + 1
                        && d.kind(s) == Some(TokenKind::Word(Case::Capitalized))
                        && d.s(s).chars().count() >= 3
                        && !is_viet_syllable(d.s(s))
                        && self.at(s, HEAD | HONORIFIC).is_none()
                }
            };
            if shape && (named || self.describes_person(e + 1, d.is_punct(e, "("))) {
                added.push((s, e, Some((s, e))));
            }
        }
        self.add_bare(added, found, out);
    }

    /// Names read alone by a later pass (`added`, their tokens): each a
    /// person with no word of address or title, and a mention of `found`
    /// for the passes after.
    fn add_bare(&self, added: Vec<Found>, found: &mut Vec<Found>, out: &mut Vec<Candidate>) {
        if added.is_empty() {
            return;
        }
        for &(s, e, _) in &added {
            out.push(self.candidate(&Mention {
                start: s,
                end: e,
                honorific: None,
                titles: Vec::new(),
                name: Some((s, e)),
            }));
        }
        found.extend(added);
        found.sort_unstable_by_key(|m| m.0);
        found.dedup_by_key(|m| m.0);
    }

    /// Whether a person is said to be named just before `s`: `một phụ nữ
    /// tên là X`, `một người khác có tên X` (a noun for people shortly
    /// before; `tên lửa có tên là Patriot`, `công ty có tên …` are no one).
    fn named_before(&self, s: usize) -> bool {
        let d = self.doc;
        // Every phrase ends in `là` or `tên`: a cheap test first.
        if s == 0 || !(d.is(s - 1, "là") || d.is(s - 1, "tên")) {
            return false;
        }
        let Some(p) = ["tên là", "có tên là", "có tên", "tên thật là"]
            .iter()
            .find_map(|w| d.phrase_before(s, w))
        else {
            return false;
        };
        // Only words between, and the noun no piece of another word
        // (`nhạc cụ`, `trẻ em`).
        (p.saturating_sub(4)..p).any(|k| {
            (k..p).all(|j| self.word(j) && (j == k || !d.line_before(j)))
                && !(k > 0 && self.dictionary_pair(k - 1))
                && (PEOPLE.iter().any(|w| d.phrase_at(k, w).is_some())
                    || self.at(k, OCCUPATION | HONORIFIC).is_some())
        })
    }

    /// Whether the words at `k` describe a person in apposition: an age,
    /// a kinship, an occupation, or `một` and a noun for people. In
    /// parentheses only an age does (`Valentina (15 tuổi)`; `Boom (diễn
    /// viên không phải đeo micro)` is a sound system).
    fn describes_person(&self, k: usize, paren: bool) -> bool {
        let d = self.doc;
        if d.line_before(k) {
            return false;
        }
        // "45 tuổi".
        if d.kind(k) == Some(TokenKind::Number) && d.is(k + 1, "tuổi") {
            return true;
        }
        if paren {
            return false;
        }
        // "chị gái của Y", "vợ của Y".
        if let Some(kin) = KIN.iter().find(|w| d.phrase_at(k, w).is_some()) {
            let after = k + kin.split(' ').count();
            return kin.contains(' ') || d.is(after, "của");
        }
        let person_noun = |j: usize| {
            PEOPLE.iter().any(|w| d.phrase_at(j, w).is_some()) || self.at(j, OCCUPATION).is_some()
        };
        // "X, nhà nghiên cứu độc lập": an occupation that describes, not
        // the cue of the next person (`Valencia, hậu vệ Carboni`, `Viettel,
        // thủ môn Bùi Tiến Dũng`), nor the start of a longer word (`bị
        // cáo buộc`), nor `đối tượng` (a target group too).
        if let Some((oe, _)) = self.at(k, OCCUPATION) {
            if !self.lower(k) || self.dictionary_pair(oe - 1) || d.is(k, "đối") {
                return false;
            }
            let mut j = oe;
            while j < oe + 3 && self.lower(j) && !d.line_before(j) {
                j += 1;
            }
            return d.line_before(j)
                || !(is_name_syl(d, j) || d.kind(j) == Some(TokenKind::Number));
        }
        if !d.is(k, "một") {
            return false;
        }
        // "một trong số 7 người", "một trong những cầu thủ".
        let mut j = k + 1;
        while j < k + 5
            && (["trong", "số", "những", "các"].iter().any(|w| d.is(j, w))
                || d.kind(j) == Some(TokenKind::Number))
        {
            j += 1;
        }
        person_noun(j)
    }

    /// The token after a list separator at `k` (`,`, `và`, `cùng`, `hay`,
    /// `hoặc`, `&`) on the same line, before `hi`.
    fn separator(&self, k: usize, hi: usize) -> Option<usize> {
        let d = self.doc;
        (k < hi && !d.line_before(k) && self.is_separator(k) && !d.line_before(k + 1))
            .then_some(k + 1)
    }

    /// The separator just before `e`, after `floor`.
    fn separator_before(&self, e: usize, floor: usize) -> Option<usize> {
        let d = self.doc;
        if e > floor + 1 && !d.line_before(e) && self.is_separator(e - 1) && !d.line_before(e - 1) {
            Some(e - 1)
        } else {
            None
        }
    }

    fn is_separator(&self, k: usize) -> bool {
        let d = self.doc;
        d.is_punct(k, ",") || d.is_punct(k, "&") || self.conjunction(k)
    }

    /// `và`, `cùng`, `hay`, `hoặc` or `&` at `k`: a separator that joins
    /// like items, unlike a comma, which may also close a clause before
    /// its subject (`Theo Reuters, ông …`).
    fn conjunction(&self, k: usize) -> bool {
        let d = self.doc;
        d.is_punct(k, "&")
            || ["và", "cùng", "hay", "hoặc"]
                .iter()
                .any(|w| d.is(k, w) && self.lower(k))
    }

    /// [`Parser::recurring_shape`] for a two-syllable run whose second
    /// syllable is also a surname, accepted between two people only: no
    /// word of the dictionary, of address or of a title.
    fn recurring_shape_two_surnames(&self, s: usize, e: usize) -> bool {
        self.all_viet(s, e)
            && self.at(s, HONORIFIC | HEAD | MODIFIER).is_none()
            && !self.dictionary_pair(s)
            && !self.ends_inside_word(e)
    }

    /// Whether a list item ending at `e` is closed: by a separator,
    /// punctuation or the end of the line.
    fn item_closed(&self, e: usize) -> bool {
        let d = self.doc;
        e >= d.len()
            || d.line_before(e)
            || self.is_separator(e)
            || matches!(d.kind(e), Some(TokenKind::Punct))
    }

    /// Whether a list item starting at `s` follows a separator or a word
    /// that opens a list (`gồm`, `như`, `có`, `là`, `:`).
    fn item_opened(&self, s: usize) -> bool {
        let d = self.doc;
        s > 0
            && !d.line_before(s)
            && (self.is_separator(s - 1)
                || d.is_punct(s - 1, ":")
                || ["gồm", "như", "có", "là"].iter().any(|w| d.is(s - 1, w)))
    }

    /// Whether a foreign run at `s`, after an organisation inside a title,
    /// may be a person's name rather than the organisation's own: not after
    /// an initial (`J. Edgar Hoover` is one name), a word that opens an
    /// organisation (`Bộ Smart Nation`, `Công ty Blue Sky`) or `của`.
    fn person_after_org(&self, s: usize) -> bool {
        let d = self.doc;
        s > 0
            && !is_initial(d, s - 1)
            && !d.is(s - 1, "của")
            && !(s.saturating_sub(3)..s).any(|k| {
                // Not the end of another word (`Quốc phòng`).
                self.at(k, ORG_START).is_some_and(|(e, _)| e == s)
                    && !(k + 1 == s && k > 0 && self.dictionary_pair(k - 1))
            })
    }

    /// A list item at `k`: a name that may be a person's beside another
    /// person, its end, and whether it needs a person on both sides (a
    /// single foreign word, two syllables that may be two surnames).
    fn list_item(&self, k: usize) -> Option<(usize, usize, bool)> {
        let d = self.doc;
        if !is_name_syl(d, k) || !self.run_start(k) {
            return None;
        }
        let (s, e, kind) = self.name_run(k)?;
        if self.place_or_org_in(s, e) || self.foreign_org_in(s, e) || !self.bare_context_ok(s) {
            return None;
        }
        if self.lower(e) && self.dictionary_pair(e - 1) {
            return None;
        }
        let syl = syllables(d, s, e);
        match kind {
            // "A, Lê Hoàng và B": between two people a given name that is
            // also a surname (`Hoàng`) is no second surname.
            NameKind::Full if self.recurring_shape(s, e, syl) => Some((s, e, false)),
            NameKind::Full => (syl == 2
                && e == s + 2
                && self.surname(s + 1)
                && self.recurring_shape_two_surnames(s, e))
            .then_some((s, e, true)),
            NameKind::Given => None,
            NameKind::Foreign if self.words(s, e) >= 2 => {
                self.foreign_shape(s, e).then_some((s, e, false))
            }
            NameKind::Foreign => (e == s + 1
                && d.kind(s) == Some(TokenKind::Word(Case::Capitalized))
                && d.s(s).chars().count() >= 3
                && !is_viet_syllable(d.s(s))
                && self.at(s, HEAD | HONORIFIC).is_none())
            .then_some((s, e, true)),
        }
    }

    /// A list item of two words or more ending at `e` (exclusive), starting
    /// after `floor`.
    fn list_item_ending(&self, e: usize, floor: usize) -> Option<(usize, usize)> {
        let d = self.doc;
        let lo = e.saturating_sub(MAX_NAME).max(floor + 1);
        (lo..e)
            .filter(|&s| !d.line_before(s) || s == lo)
            .find_map(|s| {
                let (is, ie, weak) = self.list_item(s)?;
                (is == s && ie == e && !weak).then_some((is, ie))
            })
    }

    fn document_pass(&self, found: &[Found], caps: &[usize], out: &mut Vec<Candidate>) {
        let d = self.doc;
        let n = d.len();
        let mut known: Vec<u64> = found
            .iter()
            .filter_map(|&(_, _, name)| name)
            .filter(|&(s, e)| self.words(s, e) >= 2 && !self.foreign_org_in(s, e))
            .map(|(s, e)| self.name_hash(s, e))
            .collect();
        known.sort_unstable();
        known.dedup();
        // The first syllables of the known names: a run starting elsewhere
        // needs a surname first.
        let mut firsts: Vec<u32> = found
            .iter()
            .filter_map(|&(_, _, name)| name)
            .map(|(s, _)| self.id(s))
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        // Names standing alone that may recur.
        let mut pending: Vec<Pending> = Vec::new();
        let mut accepted: Vec<(usize, usize, usize)> = Vec::new();
        let mut f = 0;
        // Tokens before `floor` belong to a name read already.
        let mut floor = 0;
        for &i in caps {
            if i < floor {
                continue;
            }
            let next_start = next_mention(found, &mut f, i, n);
            if next_start <= i
                || !is_name_syl(d, i)
                || !(self.flags(i) & (SURNAME | RARE_SURNAME) != 0
                    || firsts.binary_search(&self.id(i)).is_ok())
                || !self.run_start(i)
            {
                continue;
            }
            let Some((s, e, kind)) = self.name_run(i) else {
                continue;
            };
            if e > next_start || self.place_or_org_in(s, e) {
                continue;
            }
            let syl = syllables(d, s, e);
            if firsts.binary_search(&self.id(s)).is_ok()
                && known.binary_search(&self.name_hash(s, e)).is_ok()
            {
                if self.bare_context_ok(s) {
                    accepted.push((s, e, next_start));
                }
            } else if kind != NameKind::Full || !self.recurring_shape(s, e, syl) {
                // "Hiện Mạc Vân sống …": a word opening the sentence, then
                // the name: the next capitalised token is tried.
                continue;
            } else {
                pending.push(Pending {
                    start: s,
                    end: e,
                    hash: self.name_hash(s, e),
                    next_start,
                    two: syl == 2,
                });
            }
            floor = e;
        }
        // A name is accepted when it stands alone twice or more (three
        // times for two syllables) and never where a place would stand.
        pending.sort_by_key(|p| (p.hash, p.start));
        for group in pending.chunk_by(|a, b| a.hash == b.hash) {
            let needed = if group[0].two { 3 } else { 2 };
            if group.len() >= needed && !group.iter().any(|p| self.place_context(p.start)) {
                accepted.extend(
                    group
                        .iter()
                        .filter(|p| self.bare_context_ok(p.start))
                        .map(|p| (p.start, p.end, p.next_start)),
                );
            }
        }
        for (s, e, next_start) in accepted {
            let (mut titles, after_end) = self.after_titles(e);
            if after_end > next_start {
                titles.clear();
            }
            let end = if titles.is_empty() { e } else { after_end };
            out.push(self.candidate(&Mention {
                start: s,
                end,
                honorific: None,
                titles,
                name: Some((s, e)),
            }));
        }
    }

    /// Whether the run `s..e` of `syl` syllables (no place or organisation
    /// inside) may be a full name that stands alone when it recurs: two to
    /// four Vietnamese syllables; two syllables are no word of the
    /// dictionary (`Văn Hóa`) nor a surname and middle name (`Nguyễn Văn`).
    fn recurring_shape(&self, s: usize, e: usize, syl: usize) -> bool {
        let d = self.doc;
        if !(2..=4).contains(&syl) || !self.all_viet(s, self.core_end(s, e)) {
            return false;
        }
        // Two syllables: no surname and middle name (`Nguyễn Văn`) or two
        // surnames (`Nhạc Trịnh`), no word of address or title opening a
        // sentence (`Phó Giám`), no word of the dictionary (`Văn Hóa`).
        if syl == 2
            && (e != s + 2
                || self.surname(s + 1)
                || d.is(s + 1, "văn")
                || d.is(s + 1, "thị")
                || self.at(s, HONORIFIC | HEAD | MODIFIER).is_some()
                || self.dictionary_pair(s))
        {
            return false;
        }
        !self.ends_inside_word(e)
    }

    /// Whether a preposition of place stands right before `s` (`tại Châu
    /// Đốc`, `ở Phan Thiết`): a name there is a place's.
    fn locative_before(&self, s: usize) -> bool {
        s > 0
            && !self.doc.line_before(s)
            && [
                "tại", "ở", "tới", "qua", "quanh", "ven", "khỏi", "khắp", "xuống",
            ]
            .iter()
            .any(|w| self.doc.is(s - 1, w))
    }

    /// The comma ending a description at `k` that a title may follow: a
    /// lower-case noun phrase of a few words with no verb, word of address
    /// or other person in it (`giảng viên Đại học Bách khoa,`).
    fn description_end(&self, k: usize) -> Option<usize> {
        let d = self.doc;
        if !self.lower(k) {
            return None;
        }
        // The comma first, then what stands between.
        let c = (k + 1..(k + 12).min(d.len()))
            .take_while(|&j| !d.line_before(j))
            .find(|&j| d.kind(j) == Some(TokenKind::Punct) && !self.joiner(j))?;
        if !d.is_punct(c, ",") || self.at(c + 1, HEAD | MODIFIER).is_none() {
            return None;
        }
        if self.is_stop(k) || self.at(k, ADDRESS).is_some() || self.flags(k) & FUNCTION != 0 {
            return None;
        }
        for j in k + 1..c {
            let ok = match d.kind(j) {
                Some(TokenKind::Word(Case::Lower)) => {
                    !self.is_stop(j) && self.at(j, ADDRESS).is_none()
                }
                Some(TokenKind::Word(_)) | Some(TokenKind::Abbreviation) => {
                    !self.full_name_at(j) && self.honorific_at(j).is_none()
                }
                Some(TokenKind::Number) => true,
                _ => self.joiner(j),
            };
            if !ok {
                return None;
            }
        }
        Some(c)
    }

    /// A `-`, `&` or `/` glued to the word before (`TN&MT`, `LĐ-TB`).
    fn joiner(&self, j: usize) -> bool {
        matches!(self.doc.s(j), "-" | "&" | "/") && !self.doc.space_before(j)
    }

    /// Whether a Vietnamese full name of three syllables or more starts at
    /// `k` (`… công ty và Vũ Quốc Minh`: another person, not the end of the
    /// title).
    fn full_name_at(&self, k: usize) -> bool {
        !self.doc.line_before(k)
            && self.surname(k)
            && self.name_run(k).is_some_and(|(s, e, kind)| {
                kind == NameKind::Full && syllables(self.doc, s, e) >= 3
            })
    }

    /// Number of name words in `s..e`, a hyphenated one counted once
    /// (`Al-Jazeera` is one word).
    fn words(&self, s: usize, e: usize) -> usize {
        let d = self.doc;
        (s..e)
            .filter(|&k| is_name_syl(d, k) && (k == s || d.space_before(k)))
            .count()
    }

    /// A hash of the words of `s..e`, ignoring case and tone placement.
    fn name_hash(&self, s: usize, e: usize) -> u64 {
        (s..e).fold(0xcbf2_9ce4_8422_2325u64, |h, k| {
            (h ^ lex::key(self.doc.s(k))).wrapping_mul(0x0100_0000_01b3)
        })
    }

    /// Whether the title `s..e` stands alone on its line (a signature block:
    /// `CHỦ TỊCH QUỐC HỘI` then the name on a later line).
    fn all_caps_or_title_line(&self, _s: usize, e: usize) -> bool {
        self.doc.line_before(e)
    }

    /// The name run at `i`, cut before a title head inside it, with its kind.
    fn name_run(&self, i: usize) -> Option<(usize, usize, NameKind)> {
        let cell = self.runs.get(i)?;
        match cell.get() {
            0 => {}
            1 => return None,
            v => {
                let v = v - 2;
                let kind = match v % 4 {
                    0 => NameKind::Full,
                    1 => NameKind::Given,
                    _ => NameKind::Foreign,
                };
                return Some((i, i + (v / 4) as usize, kind));
            }
        }
        let run = self.read_name_run(i);
        cell.set(match run {
            None => 1,
            Some((_, e, kind)) => {
                let k = match kind {
                    NameKind::Full => 0,
                    NameKind::Given => 1,
                    NameKind::Foreign => 2,
                };
                2 + 4 * (e - i) as u32 + k
            }
        });
        run
    }

    /// [`Parser::name_run`], read.
    fn read_name_run(&self, i: usize) -> Option<(usize, usize, NameKind)> {
        let d = self.doc;
        // "K. Brenner", "J. R. Tolkin": initials, then a foreign name (a
        // Vietnamese syllable there opens the next sentence: `cháu M. Lúc`).
        if is_initial(d, i) {
            let mut k = i + 1;
            while k < i + 3 && is_initial(d, k) && d.space_before(k) && !d.line_before(k) {
                k += 1;
            }
            if !is_name_syl(d, k) || !d.space_before(k) || d.line_before(k) {
                return None;
            }
            if is_viet_syllable(d.s(k)) {
                return None;
            }
            let e = self.cut_run(k, run_end(d, k, MAX_NAME));
            return Some((i, e, NameKind::Foreign));
        }
        if !is_name_syl(d, i) || self.flags(i) & (NOT_NAME | WEAK_NOT_NAME) != 0 {
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
        // "Lê Thị Hồng N.": an anonymised name ends in an initial.
        if e > i + 1
            && e <= i + 4
            && is_initial(d, e)
            && d.space_before(e)
            && !d.line_before(e)
            && self.all_viet(i, e)
        {
            e += 1;
        }
        Some((i, e, self.kind_of(i, e)))
    }

    fn kind_of(&self, s: usize, e: usize) -> NameKind {
        let d = self.doc;
        let e = self.core_end(s, e);
        let viet = self.all_viet(s, e) && (s..e).all(|k| is_name_syl(d, k));
        let first = d.s(s);
        let minority = first.starts_with("H'") || (first == "Y" && e > s + 1);
        let rare = viet && self.rare(s) && !self.dictionary_pair(s);
        if (self.surname(s) || minority || rare)
            && e > s + 1
            && (viet || self.flags(s) & SURNAME != 0)
        {
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
        // A rarer surname or a function word in the name: only when the
        // name recurs (see `document_pass`).
        self.surname(s)
            && !self.has_weak(s, e)
            && self.bare_shape_ok(s, e, syl)
            && self.bare_context_ok(s)
    }

    /// Whether the run `s..e` looks like a Vietnamese full name standing
    /// alone: three to five Vietnamese syllables (and an initial), no place
    /// or organisation inside.
    fn bare_shape_ok(&self, s: usize, e: usize, syl: usize) -> bool {
        if !(3..=5).contains(&syl) || !self.all_viet(s, self.core_end(s, e)) {
            return false;
        }
        !self.place_or_org_in(s, e) && !self.ends_inside_word(e)
    }

    /// Whether the capitalised run ending at `e` ends inside a word written
    /// on in lower case (`Phó Đoàn Thể thao`, `Trình Quốc hội`).
    fn ends_inside_word(&self, e: usize) -> bool {
        e > 0 && self.lower(e) && self.dictionary_pair(e - 1)
    }

    /// Whether a place's or an organisation's name stands inside the run
    /// `s..e`.
    fn place_or_org_in(&self, s: usize, e: usize) -> bool {
        (s..e).any(|k| {
            self.at(k, PLACE)
                .is_some_and(|(pe, _)| pe <= e && (pe - k >= 2 || k == s))
        }) || self.at(s, ORG).is_some()
    }

    /// Whether nothing before `s` makes a name there part of something else.
    fn bare_context_ok(&self, s: usize) -> bool {
        let d = self.doc;
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
        !self.blocked(s) && !self.address_before(s)
    }

    /// Whether a place would stand at `s`: after a word naming places or
    /// institutions, a number, a preposition of place, or as an address
    /// item.
    fn place_context(&self, s: usize) -> bool {
        s > 0
            && !self.doc.line_before(s)
            && (matches!(
                self.doc.kind(s - 1),
                Some(TokenKind::Number) | Some(TokenKind::DateLike)
            ) || self.locative_before(s)
                || self.blocked(s)
                || self.address_before(s))
    }

    /// An address item before `s`: `khóm 5, Châu Mỹ Tây`, `ấp 2, …`.
    fn address_before(&self, s: usize) -> bool {
        let d = self.doc;
        s >= 3
            && d.is_punct(s - 1, ",")
            && d.kind(s - 2) == Some(TokenKind::Number)
            && !d.line_before(s - 2)
            && !d.line_before(s - 1)
            && (s.saturating_sub(5)..s - 2).any(|k| {
                self.at(k, lex::BLOCKER | lex::BLOCKER_LIST | ADMIN)
                    .is_some_and(|(pe, _)| pe == s - 2)
            })
    }

    /// Whether token `k` of a run starting at `s` is a word of a foreign
    /// organisation's name (`United`, `League`; `Park` leading a Korean name
    /// is a surname).
    fn foreign_org_at(&self, s: usize, k: usize) -> bool {
        let f = self.flags(k);
        f & FOREIGN_ORG != 0 && !(k == s && f & FOREIGN_GIVEN != 0)
    }

    /// Whether a word of a foreign organisation's name stands in `s..e`.
    fn foreign_org_in(&self, s: usize, e: usize) -> bool {
        (s..e).any(|k| self.word(k) && self.foreign_org_at(s, k))
    }

    /// Whether a run of capitalised words standing alone at `s..e` is a
    /// foreign person: led by a known given name (`foreign-given-names.txt`)
    /// and of a foreign person's shape (`Marcus Whitfield`, not `Elland
    /// Road`).
    fn foreign_bare_ok(&self, s: usize, e: usize) -> bool {
        self.flags(s) & FOREIGN_GIVEN != 0
            && self.foreign_shape(s, e)
            && self.run_start(s)
            && self.bare_context_ok(s)
    }

    /// Whether the run `s..e` has the shape of a foreign person's name: led
    /// by a capitalised word, two name words or more with one not a
    /// Vietnamese syllable, no word of an organisation or a place.
    fn foreign_shape(&self, s: usize, e: usize) -> bool {
        let d = self.doc;
        // "The Conversation", "The Beatles": a title or a band.
        if d.kind(s) != Some(TokenKind::Word(Case::Capitalized))
            || syllables(d, s, e) < 2
            || d.s(s) == "The"
        {
            return false;
        }
        let mut foreign = false;
        for k in s..e {
            if self.word(k) {
                foreign |= !is_viet_syllable(d.s(k));
                if self.foreign_org_at(s, k) {
                    return false;
                }
            }
            if self.at(k, PLACE).is_some() || (k > s && self.at(k, ORG).is_some()) {
                return false;
            }
        }
        foreign
    }

    /// Whether a word of `not-person-before.txt` ends within four tokens
    /// before `s`, with only words or codes between (`trường THPT tư thục …`,
    /// `tấm gương đạo đức …`), or `s` continues a list whose first item is
    /// so blocked (`các phố Bùi Thị Xuân, Tôn Thất Tùng …`).
    fn blocked(&self, s: usize) -> bool {
        let d = self.doc;
        if self.blocked_direct(s).is_some() || self.list_intro_blocked(s) {
            return true;
        }
        // Earlier items of a list: ", Name" or "hay Name".
        let mut k = s;
        for _ in 0..MAX_LIST {
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
            if self.list_intro_blocked(b) {
                return true;
            }
            if let Some((true, at)) = self.blocked_direct_at(b) {
                // "lớp 12A THPT Kim Sơn, Vũ Hoàng Long luôn là …": one item
                // after a school is no list unless several were announced
                // (`các trường A, B`) or the name ends like an item.
                let item_end = !self.lower(run_end(d, s, MAX_NAME));
                return k != s || item_end || self.plural_before(at);
            }
            k = b;
        }
        false
    }

    /// Whether `b` is the first item of a list that a word naming several
    /// places or schools introduces (`các trường THCS trên địa bàn gồm: …`,
    /// `các phố như …`).
    fn list_intro_blocked(&self, b: usize) -> bool {
        let d = self.doc;
        if b < 2 || d.line_before(b) {
            return false;
        }
        let mut k = b - 1;
        if d.is_punct(k, ":") {
            if !d.line_before(k) && (d.is(k - 1, "gồm") || d.is(k - 1, "như")) {
                k -= 1;
            }
        } else if !(d.is(k, "gồm") || d.is(k, "như")) {
            return false;
        }
        let lo = k.saturating_sub(8);
        while k > lo {
            if d.line_before(k) {
                return false;
            }
            k -= 1;
            if matches!(d.s(k), "." | ";" | "!" | "?" | ":") {
                return false;
            }
            if self
                .at(k, lex::BLOCKER_LIST)
                .is_some_and(|(pe, _)| pe <= b && !(pe == k + 1 && self.in_word(k, b)))
            {
                return true;
            }
        }
        false
    }

    /// A blocking word before `s`: `Some(true)` when it names a list of
    /// streets or schools (`các phố A, B`), `Some(false)` for one.
    fn blocked_direct(&self, s: usize) -> Option<bool> {
        self.blocked_direct_at(s).map(|(list, _)| list)
    }

    /// [`Parser::blocked_direct`], with the start of the blocking word.
    fn blocked_direct_at(&self, s: usize) -> Option<(bool, usize)> {
        let d = self.doc;
        let lo = s.saturating_sub(4);
        let mut k = s;
        while k > lo {
            k -= 1;
            if d.line_before(k + 1) || !self.word(k) && d.kind(k) != Some(TokenKind::Abbreviation) {
                return None;
            }
            // "biển của Hà Thu Lan": the sea is hers, not named after her.
            if self.flags(k) & FUNCTION != 0 {
                return None;
            }
            // A phrase ending at k + 1, not the start of a longer
            // organisation word (`Tỉnh ủy` is no `tỉnh`).
            // Nor one syllable of a longer word (`môi trường`, `yêu cầu`,
            // `gia đình`, `cầu thủ`).
            for start in k.saturating_sub(2)..=k {
                if let Some((pe, f)) =
                    self.at(start, lex::BLOCKER | lex::BLOCKER_LIST | lex::STREET)
                {
                    if pe == k + 1
                        && self.at(start, ORG).is_none_or(|(oe, _)| oe <= pe)
                        && !(pe == start + 1 && f & lex::STREET == 0 && self.in_word(start, s))
                    {
                        return Some((f & lex::BLOCKER_LIST != 0, start));
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
        let (head_end, person) = loop {
            if j > i && d.line_before(j) {
                return None;
            }
            if let Some((e, f)) = self.at(j, HEAD | lex::HEAD_PERSON) {
                // "tăng trưởng", "thứ trưởng hoặc …": a one-syllable head in
                // lower case is a piece of another word, unless a name
                // follows it right away (`tướng Lê Văn Ba`).
                if e == j + 1 && j == i && self.lower(j) && !self.bare_head_before_name(j) {
                    return None;
                }
                break (e, f & lex::HEAD_PERSON != 0);
            }
            match self.at(j, MODIFIER) {
                Some((e, _)) if j < i + 3 => j = e,
                _ => return None,
            }
        };
        let (end, name) = self.org(i, head_end, mode, person);
        Some(Title {
            start: i,
            end,
            name,
            person,
        })
    }

    /// Whether the lower-case one-syllable head at `j` is one that stands
    /// alone (`title-heads.txt`: `alone`) and does so here, before a name
    /// (`tướng Lê Văn Ba`), not as a piece of a word (`thủ tướng`, `lão
    /// tướng`).
    fn bare_head_before_name(&self, j: usize) -> bool {
        let d = self.doc;
        self.flags(j) & lex::HEAD_ALONE != 0
            && is_name_syl(d, j + 1)
            && d.space_before(j + 1)
            && !d.line_before(j + 1)
            && !(j > 0 && self.dictionary_pair(j - 1))
            && !self.dictionary_pair(j)
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
    fn org(
        &self,
        title_start: usize,
        from: usize,
        mode: Mode,
        person: bool,
    ) -> (usize, Option<(usize, usize)>) {
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
                    if joiner || (pending.is_none() && end == j && self.coordinated_org(j, from)) {
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
                    // "Viện Cơ học", "Bộ Ngoại giao": the rest of a word the
                    // capitalised one begins, even a verb's syllable.
                    if pending.is_none()
                        && j > from
                        && self.org_tok(j - 1)
                        && self.dictionary_pair(j - 1)
                    {
                        j += 1;
                        end = j;
                        continue;
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
                        || (d.is(j, "và") && mode == Mode::Before && self.full_name_at(j + 1))
                        // "HLV … này khuyên X": the noun phrase is closed.
                        || (d.is(j, "này") && mode == Mode::Before)
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
                    // "Đoàn đại biểu quân sự cấp cao do Thượng tướng …": after
                    // words of no organisation, a head starts another title.
                    if mode == Mode::Before && pending.is_some() && self.at(j, HEAD).is_some() {
                        return (end, None);
                    }
                    if j > from && self.person_starts(j, mode) {
                        if mode == Mode::After && tail_ok(pending, j) {
                            end = j;
                        }
                        return (end, None);
                    }
                    if mode == Mode::Before && is_name_syl(d, j) {
                        let r = self.cut_run(j, run_end(d, j, 9));
                        if let Some((ns, ne)) = self.name_in_title(from, j, r, person) {
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

    /// Whether the `-` or `,` at `j`, inside an organisation's name read
    /// from `from`, joins the parts of one name (`Bộ Lao động - Thương binh
    /// và Xã hội`, `Bộ Văn hóa, Thể thao và Du lịch`): the next part opens
    /// with a capitalised word of the dictionary that is no surname, and
    /// after a comma a `và` soon joins the last part.
    fn coordinated_org(&self, j: usize, from: usize) -> bool {
        let d = self.doc;
        let k = j + 1;
        if j <= from
            || d.line_before(k)
            || !(d.is_punct(j, "-") || d.is_punct(j, ","))
            || d.kind(k) != Some(TokenKind::Word(Case::Capitalized))
            || self.surname(k)
            || self.rare(k)
            || !self.dictionary_pair(k)
            || self.at(k, HEAD | MODIFIER | HONORIFIC).is_some()
        {
            return false;
        }
        if d.is_punct(j, "-") {
            return true;
        }
        (k + 2..(k + 6).min(d.len())).any(|m| {
            d.is(m, "và")
                && self.org_tok(m + 1)
                && (k..m).all(|x| self.word(x) && !d.line_before(x))
        })
    }

    /// Whether a verb of `title-stops.txt` stands at `k` (and not a longer
    /// organisation word: `giao thông` is no `giao`).
    fn is_stop(&self, k: usize) -> bool {
        match self.at(k, STOP) {
            // "Giám đốc dự án …": a verb that begins a longer noun (`dự
            // án`, `dự thảo`) goes on with the title.
            Some((e, _))
                if e == k + 1
                    && self.lower(e)
                    && matches!(
                        nouns::class_at(self.doc, k),
                        Some((nouns::Class::Noun, ne)) if ne > e
                    ) =>
            {
                false
            }
            Some((e, _)) => self.at(k, ORG).is_none_or(|(oe, _)| oe <= e),
            None => false,
        }
    }

    /// `r`, or the first function word of the run `i..r` that cannot be a
    /// name syllable (`Trần Quang Vinh Trong thư …`, a caption run into the
    /// next sentence).
    fn cut_run(&self, i: usize, r: usize) -> usize {
        for k in i + 1..r {
            let f = self.flags(k);
            if f & NOT_NAME != 0 {
                return k;
            }
            // "Tạ Bảo Từ": a weak one ends a short run.
            if f & WEAK_NOT_NAME != 0 {
                return if k + 1 == r && k - i <= 2 { r } else { k };
            }
        }
        r
    }

    /// Whether the run `s..e` holds a function word read as a name syllable.
    fn has_weak(&self, s: usize, e: usize) -> bool {
        (s + 1..e).any(|k| self.flags(k) & WEAK_NOT_NAME != 0)
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
    fn name_in_title(
        &self,
        from: usize,
        j: usize,
        r: usize,
        person: bool,
    ) -> Option<(usize, usize)> {
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
        // Right after the head, or after a country there: a rarer surname
        // leads a name too (`Thủ tướng Trung Quốc Ôn Khải Minh`).
        let head_or_country =
            |s: usize| s == from || (j == from && self.at(j, PLACE).is_some_and(|(pe, _)| pe == s));
        for len in [3usize, 4, 5, 2] {
            if len > syl || len > r - j {
                continue;
            }
            let s = r - len;
            let rare = len == 3 && self.rare(s) && head_or_country(s) && !self.dictionary_pair(s);
            if !(self.surname(s) || rare) || !self.all_viet(s, r) {
                continue;
            }
            // "Hiệu trưởng Trường Trần Quang Diệu": a name right after an
            // institution word of the run is the institution's.
            if !admin
                && s > j
                && self
                    .at(j, lex::BLOCKER | lex::BLOCKER_LIST)
                    .is_some_and(|(pe, _)| pe == s)
            {
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
        // And after an institution named in the run: "Người phát ngôn Nhà
        // Trắng Jen Psaki".
        if let Some((e, f)) = self.at(s, ORG) {
            if f & ORG_START == 0 && e < r && self.foreign_shape(e, r) && self.person_after_org(e) {
                s = e;
            }
        }
        let foreign = (s..r).any(|k| is_name_syl(d, k) && !is_viet_syllable(d.s(k)));
        // `Chủ tịch Chelsea Village`: a company; `Tổng giám đốc Vine Group
        // Donald Berger`: a company, then the name.
        let org_word = (s..r).rev().find(|&k| self.foreign_org_at(s, k));
        if let Some(k) = org_word {
            let s = k + 1;
            if s < r && self.flags(s) & FOREIGN_GIVEN != 0 && syllables(d, s, r) >= 2 && !blocked {
                return Some((s, r));
            }
            return None;
        }
        // One foreign word is a name only after a country ("Thủ tướng Israel
        // Rabin"), not after a head ("Giám đốc Eximbank").
        // After an organisation a foreign run is a company (`Công ty ô-tô
        // Toyota Việt Nam`): only right after the head or a country.
        // A head that takes a person's name makes one foreign word after it
        // a surname: "Tổng thống Putin", "HLV Riedl".
        // After an organisation, a foreign person's name of two words or
        // more: "Bộ trưởng Tài chính Janet Yellen", "Chánh án Tòa án Tối
        // cao John Roberts" (a head that takes a person, or a known given
        // name first).
        let enough = (syllables(d, s, r) >= 2 && j == from)
            || s > j
            || (person && j == from && self.words(s, r) == 1)
            || (self.foreign_shape(s, r)
                && (person || self.flags(s) & FOREIGN_GIVEN != 0)
                && self.person_after_org(s));
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
        // "ông X, là HLV phó …", "X, từng là phó chủ nhiệm …".
        if !paren
            && ["từng", "hiện", "vốn", "đang"].iter().any(|w| d.is(k, w))
            && d.is(k + 1, "là")
            && !d.line_before(k + 1)
        {
            k += 1;
        }
        if d.is(k, "là") && !paren {
            k += 1;
        }
        // "X - giảng viên Đại học Y, nguyên Viện trưởng …": a description,
        // then the title.
        if !paren && self.at(k, HEAD | MODIFIER).is_none() {
            if let Some(c) = self.description_end(k) {
                if !d.line_before(c + 1) && self.at(c + 1, HEAD | MODIFIER).is_some() {
                    k = c + 1;
                }
            }
        }
        let mut end = ne;
        while titles.len() < MAX_TITLES {
            if d.line_before(k) {
                break;
            }
            // "…, Thủ tướng Chính phủ Trịnh Văn Hòa", "…, Tổng thống
            // Mahmoud Karimi": the next person (a foreign run right after
            // the head may be a company: "Trưởng đại diện Cathay Pacific").
            if self.title(k, Mode::Before).is_some_and(|t| {
                t.name.is_some_and(|(ns, ne)| {
                    self.kind_of(ns, ne) == NameKind::Full
                        || self.at(ns.saturating_sub(1), PLACE).is_some()
                        || ((t.person || self.flags(ns) & FOREIGN_GIVEN != 0)
                            && self.foreign_shape(ns, ne))
                        || (t.person && self.words(ns, ne) == 1)
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
                let (e, _) = self.org(k + 1, k + 1, Mode::After, false);
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
