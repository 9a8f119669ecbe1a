//! Document symbols (số, ký hiệu): gathering `28- CT/TW` or
//! `44 /2005/QĐ-UBND` from their tokens into one canonical string, and
//! reading `30/2020/NĐ-CP` into number, year, type code and issuer.
//!
//! The grammar is that of `shared/reference/extraction.md` §2.2:
//!
//! ```text
//! slash form   NUM "/" [YEAR "/"] CODE      30/2020/NĐ-CP, 1234/QĐ-UBND,
//!                                           80/2015/QH13, 123/UBND-VP
//! hyphen form  NUM "-" CODE                 05-CT/TW, 367-QĐ/TWĐTN-VP,
//!                                           35-L/CTN, 25-CP
//! num/year     NUM "/" YEAR                 37/2021 (after a type word only)
//! CODE         SEG (("-" | "/") SEG)*       SEG: capitals and digits, at most
//!                                           one lower-case letter (TTg, QĐi)
//! ```

use super::tables::{Tables, TABLES};
use crate::extract::Doc;
use crate::token::{Case, TokenKind};

/// Longest symbol gathered, in tokens.
const MAX_TOKENS: usize = 12;

/// How the number and the code are joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// `30/2020/NĐ-CP`: state documents.
    Slash,
    /// `05-CT/TW`: Party documents and older state ones.
    Hyphen,
    /// `37/2021`: a number and a year, no code.
    NumYear,
}

/// A symbol read from its canonical text. Ranges index into `text`.
#[derive(Clone, Debug)]
pub(super) struct Symbol {
    /// Canonical: no spaces, `Đ` not `Ð`.
    pub text: String,
    pub form: Form,
    /// Length of the number at the start.
    pub num_len: usize,
    pub year: Option<i32>,
    /// The type code (`NĐ`, `CT`), when the first segment is one.
    pub type_code: Option<(usize, usize)>,
    /// The issuer part (`CP`, `TW`, `BTM-CN` for a joint circular).
    pub issuer: Option<(usize, usize)>,
    /// The issuer stands first (`123/UBND-VP`, `25-CP`, `80/2015/QH13`).
    pub issuer_first: bool,
    /// Number of code segments.
    pub segments: usize,
}

impl Symbol {
    pub fn number(&self) -> &str {
        &self.text[..self.num_len]
    }

    pub fn type_code(&self) -> Option<&str> {
        self.type_code.map(|(a, b)| &self.text[a..b])
    }

    pub fn issuer(&self) -> Option<&str> {
        self.issuer.map(|(a, b)| &self.text[a..b])
    }

    /// The symbol with another number in front: `18` and `20-NQ/TW` give
    /// `18-NQ/TW`.
    pub fn renumbered(&self, number: &str) -> Symbol {
        let mut s = self.clone();
        s.text = format!("{number}{}", &self.text[self.num_len..]);
        let shift = |r: Option<(usize, usize)>| {
            r.map(|(a, b)| {
                (
                    a + number.len() - self.num_len,
                    b + number.len() - self.num_len,
                )
            })
        };
        s.type_code = shift(self.type_code);
        s.issuer = shift(self.issuer);
        s.num_len = number.len();
        s
    }

    /// The type the code names, read in this symbol's form.
    pub fn code_type(&self, t: &Tables) -> Option<&'static str> {
        match self.form {
            Form::NumYear => None,
            Form::Slash => match self.type_code() {
                Some(c) => t.code(c).and_then(|c| c.slash),
                None => {
                    let first = self.issuer()?;
                    if first.starts_with("UBTVQH") {
                        Some("pháp lệnh")
                    } else if first.starts_with("QH") {
                        Some("luật")
                    } else if self.segments >= 2 || t.issuer(first).is_some() {
                        Some("công văn")
                    } else {
                        None
                    }
                }
            },
            Form::Hyphen => self
                .type_code()
                .and_then(|c| t.code(c))
                .and_then(|c| c.hyphen),
        }
    }

    /// Whether the symbol is a document number even with no type word
    /// before it: a known type code with an issuer, a National Assembly
    /// code, or a known issuer followed by a drafting unit (a công văn).
    pub fn stands_alone(&self, t: &Tables) -> bool {
        match self.form {
            Form::NumYear => false,
            Form::Slash if self.issuer_first => {
                let Some(first) = self.issuer() else {
                    return false;
                };
                is_term_code(first) || (self.segments >= 2 && t.issuer(first).is_some())
            }
            _ => self.issuer.is_some() && self.code_type(t).is_some(),
        }
    }

    /// Whether the symbol may be read after a type word: everything but an
    /// unknown code in the old `NUM-CODE` style (`3-KHKT`, a score line).
    pub fn plausible(&self, t: &Tables) -> bool {
        match self.form {
            Form::Slash | Form::NumYear => true,
            Form::Hyphen => {
                self.type_code.is_some() || self.issuer().is_some_and(|i| t.issuer(i).is_some())
            }
        }
    }
}

/// `QH13`, `UBTVQH15`: a National Assembly code with its term.
fn is_term_code(s: &str) -> bool {
    let base = s.trim_end_matches(|c: char| c.is_ascii_digit());
    (base == "QH" || base == "UBTVQH") && (1..=2).contains(&(s.len() - base.len()))
}

/// A code segment: starts with a capital; capitals and digits, and at most
/// one lower-case letter when there are two capitals or more (`TTg`, `QĐi`,
/// `CTr`) — so `Bộ` or `Index` is no segment.
fn is_segment(s: &str) -> bool {
    let mut upper = 0;
    let mut lower = 0;
    let mut n = 0;
    for (k, c) in s.chars().enumerate() {
        n += 1;
        if c.is_ascii_digit() {
            if k == 0 {
                return false;
            }
        } else if crate::lexicon::chars::is_upper(c) {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        } else {
            return false;
        }
    }
    n > 0 && n <= 12 && upper >= 1 && (lower == 0 || (lower == 1 && upper >= 2))
}

/// Reads a canonical symbol. Allocates only for a symbol.
pub(super) fn parse(text: &str) -> Option<Symbol> {
    let b = text.as_bytes();
    let num_len = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if num_len == 0 || num_len > 5 || num_len == b.len() {
        return None;
    }
    let mut pos = num_len + 1;
    let mut year = None;
    let form = match b[num_len] {
        b'/' => {
            let d = b[pos..].iter().take_while(|c| c.is_ascii_digit()).count();
            if d > 0 {
                if d != 4 || !(b[pos] == b'1' || b[pos] == b'2') {
                    return None;
                }
                year = text[pos..pos + 4].parse::<i32>().ok();
                pos += 4;
                if pos == b.len() {
                    // `2021/2022` is a span of years, not a number.
                    if num_len == 4 && year_first(&text[..num_len]) {
                        return None;
                    }
                    return Some(Symbol {
                        text: text.to_string(),
                        form: Form::NumYear,
                        num_len,
                        year,
                        type_code: None,
                        issuer: None,
                        issuer_first: false,
                        segments: 0,
                    });
                }
                if b[pos] != b'/' {
                    return None;
                }
                pos += 1;
            }
            Form::Slash
        }
        b'-' => {
            // `08-2017`: a number and a year, as some write `08/2017`.
            let rest = &text[pos..];
            if rest.len() == 4 && year_first(rest) {
                if year_first(&text[..num_len]) && num_len == 4 {
                    return None;
                }
                return Some(Symbol {
                    year: rest.parse().ok(),
                    text: text.to_string(),
                    form: Form::NumYear,
                    num_len,
                    type_code: None,
                    issuer: None,
                    issuer_first: false,
                    segments: 0,
                });
            }
            Form::Hyphen
        }
        _ => return None,
    };
    // Segments of the code and the separator after each.
    let mut segs: [(usize, usize, u8); 8] = [(0, 0, 0); 8];
    let mut n = 0;
    let mut start = pos;
    for k in pos..=b.len() {
        let c = b.get(k).copied();
        if matches!(c, None | Some(b'-' | b'/')) {
            if n == segs.len() || !is_segment(&text[start..k]) {
                return None;
            }
            segs[n] = (start, k, c.unwrap_or(0));
            n += 1;
            start = k + 1;
        }
    }
    let segs = &segs[..n];
    let t = &*TABLES;
    let first = &text[segs[0].0..segs[0].1];
    let rest = segs.get(1).map(|s| (s.0, segs[n - 1].1));
    let second = segs.get(1).map(|s| (s.0, s.1));
    let mut sym = Symbol {
        form,
        num_len,
        year,
        type_code: None,
        issuer: None,
        issuer_first: false,
        segments: n,
        text: String::new(),
    };
    let joint = matches!(first, "TTLT" | "NQLT");
    match form {
        Form::Slash => {
            if t.code(first).is_some_and(|c| c.slash.is_some()) {
                sym.type_code = Some((segs[0].0, segs[0].1));
                sym.issuer = if joint { rest } else { second };
            } else {
                sym.issuer_first = true;
                sym.issuer = Some((segs[0].0, segs[0].1));
            }
        }
        Form::Hyphen => {
            let slash_next = segs[0].2 == b'/';
            if n == 1 {
                sym.issuer_first = true;
                sym.issuer = Some((segs[0].0, segs[0].1));
            } else if t.code(first).is_some_and(|c| c.hyphen.is_some()) {
                // `05-CT/TW`; also `29-NQ-TƯ`, a hyphen for the slash.
                sym.type_code = Some((segs[0].0, segs[0].1));
                sym.issuer = second;
            } else if slash_next {
                // An unknown type code before the slash: only a type word
                // will make it a document.
                sym.issuer = second;
            } else {
                sym.issuer_first = true;
                sym.issuer = Some((segs[0].0, segs[0].1));
            }
        }
        Form::NumYear => {}
    }
    sym.text = text.to_string();
    Some(sym)
}

/// Whether the code gathered so far in `buf` may still grow across a
/// space: nothing after the number yet, only a type code (`116/2020/NĐ`
/// waits for `- CP`) or an issuer, or a joint circular's issuers
/// (`TTLT/BTM - CN`).
fn incomplete(buf: &str) -> bool {
    let code = buf.trim_start_matches(|c: char| c.is_ascii_digit() || c == '/');
    if code.is_empty() {
        return true;
    }
    let mut segs = code.split(['-', '/']);
    let first = segs.next().unwrap_or("");
    let more = segs.next().is_some();
    if first.starts_with("TTLT") || first.starts_with("NQLT") {
        return true;
    }
    // A type code waits for its issuer; an issuer (a state công văn) for
    // its drafting unit: `6386/BNV - CCVC`.
    !more && (TABLES.code(first).is_some() || TABLES.issuer(first).is_some())
}

/// Whether token `j` can be a code segment.
fn segment_token(doc: &Doc<'_>, j: usize) -> bool {
    matches!(
        doc.kind(j),
        Some(TokenKind::Word(
            Case::Upper | Case::Mixed | Case::Capitalized
        ))
    ) && is_segment(doc.s(j))
}

/// Gathers the symbol that starts at token `i` into `buf` (cleared first):
/// a `DocSymbol` token, or a number, with the separators and code pieces
/// that follow, spaces dropped. Returns the index past its last token, or
/// `None` when token `i` cannot start one.
pub(super) fn gather(doc: &Doc<'_>, i: usize, buf: &mut String) -> Option<usize> {
    buf.clear();
    let s = doc.s(i);
    match doc.kind(i)? {
        TokenKind::DocSymbol => buf.push_str(s),
        TokenKind::Number if s.bytes().all(|b| b.is_ascii_digit()) => buf.push_str(s),
        TokenKind::DateLike => {
            // Only `37/2021`.
            let (a, y) = s.split_once('/')?;
            if a.is_empty() || y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            buf.push_str(s);
            return Some(i + 1);
        }
        _ => return None,
    }
    let mut j = i + 1;
    while j + 1 < doc.len() && j - i < MAX_TOKENS {
        if doc.line_before(j) || doc.line_before(j + 1) {
            break;
        }
        let sep = if doc.is_punct(j, "/") {
            '/'
        } else if doc.is_punct(j, "-") {
            '-'
        } else {
            break;
        };
        let spaced = doc.space_before(j) || doc.space_before(j + 1);
        if spaced && !incomplete(buf) {
            break;
        }
        let piece = doc.s(j + 1);
        let only_number = buf.bytes().all(|b| b.is_ascii_digit());
        if sep == '-' && only_number && doc.kind(j + 1) == Some(TokenKind::Number) {
            // `08-2017`, glued: a number and its year.
            if !spaced && piece.len() == 4 && year_first(piece) {
                buf.push(sep);
                buf.push_str(piece);
                j += 2;
            }
            break;
        }
        let ok = match doc.kind(j + 1) {
            // `44 /2005/QĐ-UBND`: the year and code came as one token.
            Some(TokenKind::DocSymbol) => sep == '/' && only_number && year_first(piece),
            // `44 / 2005 / …`
            Some(TokenKind::Number) => {
                sep == '/' && only_number && piece.len() == 4 && year_first(piece)
            }
            _ => segment_token(doc, j + 1),
        };
        if !ok {
            break;
        }
        buf.push(sep);
        buf.push_str(piece);
        j += 2;
    }
    // `75/2006/QH 11`: the term written apart.
    if j < doc.len()
        && !doc.line_before(j)
        && doc.kind(j) == Some(TokenKind::Number)
        && (1..=2).contains(&doc.s(j).len())
        && (buf.ends_with("/QH") || buf.ends_with("/UBTVQH") || buf.ends_with("-UBTVQH"))
    {
        buf.push_str(doc.s(j));
        j += 1;
    }
    if buf.contains('Ð') {
        *buf = buf.replace('Ð', "Đ");
    }
    Some(j)
}

/// Whether `s` starts with a plausible year (`19xx`, `20xx`).
fn year_first(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 4
        && b[..4].iter().all(u8::is_ascii_digit)
        && (b[0] == b'1' || b[0] == b'2')
        && !b.get(4).is_some_and(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (form, number, year, type code, issuer, issuer first)
    type Read = (
        Form,
        String,
        Option<i32>,
        Option<String>,
        Option<String>,
        bool,
    );

    fn p(s: &str) -> Option<Read> {
        parse(s).map(|x| {
            (
                x.form,
                x.number().to_string(),
                x.year,
                x.type_code().map(String::from),
                x.issuer().map(String::from),
                x.issuer_first,
            )
        })
    }

    #[test]
    fn state_symbols() {
        let s = |t: &str, y: Option<i32>, i: &str| {
            (
                Form::Slash,
                "30".to_string(),
                y,
                Some(t.to_string()),
                Some(i.to_string()),
                false,
            )
        };
        assert_eq!(p("30/2020/NĐ-CP"), Some(s("NĐ", Some(2020), "CP")));
        assert_eq!(p("30/QĐ-UBND"), Some(s("QĐ", None, "UBND")));
        assert_eq!(p("30/QĐ-TCCB-LĐ"), Some(s("QĐ", None, "TCCB")));
        assert_eq!(
            p("30/2005/TTLT/BTM-CN"),
            Some(s("TTLT", Some(2005), "BTM-CN"))
        );
        assert_eq!(p("30/2025/TT-BNNMT"), Some(s("TT", Some(2025), "BNNMT")));
        let x = parse("80/2015/QH13").unwrap();
        assert_eq!(
            (x.issuer(), x.issuer_first, x.year),
            (Some("QH13"), true, Some(2015))
        );
        let x = parse("12/1999/PL-UBTVQH10").unwrap();
        assert_eq!((x.type_code(), x.issuer()), (Some("PL"), Some("UBTVQH10")));
        let x = parse("123/UBND-VP").unwrap();
        assert_eq!(
            (x.issuer(), x.issuer_first, x.segments),
            (Some("UBND"), true, 2)
        );
        let x = parse("37/2021").unwrap();
        assert_eq!((x.form, x.year), (Form::NumYear, Some(2021)));
        let x = parse("08-2017").unwrap();
        assert_eq!(
            (x.form, x.number(), x.year),
            (Form::NumYear, "08", Some(2017))
        );
    }

    #[test]
    fn party_symbols() {
        let x = parse("05-CT/TW").unwrap();
        assert_eq!(
            (x.form, x.number(), x.type_code(), x.issuer()),
            (Form::Hyphen, "05", Some("CT"), Some("TW"))
        );
        let x = parse("367-QĐ/TWĐTN-VP").unwrap();
        assert_eq!((x.type_code(), x.issuer()), (Some("QĐ"), Some("TWĐTN")));
        let x = parse("08-QĐi/TW").unwrap();
        assert_eq!(x.type_code(), Some("QĐi"));
        let x = parse("29-NQ-TƯ").unwrap();
        assert_eq!((x.type_code(), x.issuer()), (Some("NQ"), Some("TƯ")));
        let x = parse("25-CP").unwrap();
        assert_eq!((x.issuer(), x.issuer_first), (Some("CP"), true));
    }

    #[test]
    fn not_symbols() {
        for s in [
            "12/8",
            "9/3/2023",
            "30-Index",
            "34-Nh",
            "123456/QĐ-UBND",
            "5/Bộ",
            "1/",
            "2020-2025",
            "2021/2022",
            "05/3000/NĐ-CP",
        ] {
            assert!(p(s).is_none(), "{s}");
        }
        let t = &*TABLES;
        for s in [
            "3-KHKT",
            "2940-BN2942",
            "24/J",
            "28-HĐBT",
            "03/CP",
            "37/2021",
            "7-XY/TW",
        ] {
            assert!(!parse(s).unwrap().stands_alone(t), "{s}");
        }
        for s in ["3-KHKT", "2940-BN2942"] {
            assert!(!parse(s).unwrap().plausible(t), "{s}");
        }
    }

    #[test]
    fn renumbering() {
        let x = parse("20-NQ/TW").unwrap().renumbered("18");
        assert_eq!(
            (x.text.as_str(), x.number(), x.type_code(), x.issuer()),
            ("18-NQ/TW", "18", Some("NQ"), Some("TW"))
        );
        let x = parse("116/2020/NĐ-CP").unwrap().renumbered("8");
        assert_eq!((x.text.as_str(), x.issuer()), ("8/2020/NĐ-CP", Some("CP")));
    }
}
