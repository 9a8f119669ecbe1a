//! Facts: what the extractor finds, one type per kind of `SPEC.md`.
//!
//! A [`Fact`] is a span of the caller's text, the text itself, and a
//! [`Payload`] holding the kind's fields:
//!
//! | kind | payload | fields |
//! |---|---|---|
//! | `date` | [`Date`] | `value`, `time`, `part_of_day`, `calendar`, `inferred` |
//! | `period` | [`Period`] | `start_value`, `end_value`, `label` |
//! | `person` | [`Person`] | `name`, `titles`, `honorific`, `titles_expanded` |
//! | `document` | [`Document`] | `doc_type`, `number`, `symbol`, `year`, `issuer_code`, `issued_by`, `title` |
//! | `percentage` | [`Percentage`] | `value`, `qualifier` |
//! | `ratio` | [`Ratio`] | `achieved`, `target`, `percent`, `unit` |
//! | `money` | [`Money`] | `value`, `currency`, `qualifier` |
//! | `quantity` | [`Quantity`] | `value`, `unit`, `qualifier` |
//!
//! With the `serde` feature a fact serialises to exactly the JSON of
//! `SPEC.md`: a flat object with `kind`, `start`, `end`, `text`, then the
//! kind's fields, optional fields omitted when absent, and whole numbers
//! written without a fraction.
//!
//! ```
//! use vntext::{fact::Payload, Kind};
//!
//! let text = "Tỷ lệ đảng viên tham gia đạt trên 98%.";
//! let facts = vntext::extract(text);
//! assert_eq!(facts.len(), 1);
//! let fact = &facts[0];
//! assert_eq!(fact.kind(), Kind::Percentage);
//! assert_eq!(fact.text(), "trên 98%");
//! assert_eq!(&text[fact.start()..fact.end()], "trên 98%");
//! match fact.payload() {
//!     Payload::Percentage(p) => {
//!         assert_eq!(p.value, 98.0);
//!         assert_eq!(p.qualifier, Some(vntext::fact::Qualifier::Over));
//!     }
//!     other => panic!("unexpected {other:?}"),
//! }
//! ```

use core::fmt;
use core::str::FromStr;

use crate::{Error, Span};

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// The eight kinds of fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Kind {
    /// A calendar date, possibly with a time of day.
    Date,
    /// A span of time: a quarter, a term, a range of years.
    Period,
    /// A person, with titles and honorific.
    Person,
    /// A directive or legal-document reference.
    Document,
    /// A percentage.
    Percentage,
    /// An `x/y` figure: achieved against target, or part of a whole.
    Ratio,
    /// An amount of money.
    Money,
    /// A counted quantity or a measure.
    Quantity,
}

impl Kind {
    /// Every kind, in the order of `SPEC.md`.
    pub const ALL: [Kind; 8] = [
        Kind::Date,
        Kind::Period,
        Kind::Person,
        Kind::Document,
        Kind::Percentage,
        Kind::Ratio,
        Kind::Money,
        Kind::Quantity,
    ];

    /// The kind's name as in the JSON: `date`, `period`, …
    ///
    /// ```
    /// assert_eq!(vntext::Kind::Percentage.as_str(), "percentage");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Date => "date",
            Kind::Period => "period",
            Kind::Person => "person",
            Kind::Document => "document",
            Kind::Percentage => "percentage",
            Kind::Ratio => "ratio",
            Kind::Money => "money",
            Kind::Quantity => "quantity",
        }
    }

    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = Error;

    /// Parses a kind name as written in the JSON.
    ///
    /// ```
    /// assert_eq!("ratio".parse::<vntext::Kind>().unwrap(), vntext::Kind::Ratio);
    /// assert!("colour".parse::<vntext::Kind>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Kind, Error> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| Error::parse("fact kind", s))
    }
}

/// One fact found in a text.
///
/// `start`/`end` are byte offsets into the caller's original text and
/// `text()` is exactly that slice, whatever normalisation ran inside.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    span: Span,
    text: String,
    payload: Payload,
}

impl Fact {
    /// A fact over `span` of `text`, with its payload.
    ///
    /// This is for building facts by hand (tests, conversions); the extractor
    /// builds its own. `text` should be the slice that `span` covers.
    ///
    /// ```
    /// use vntext::{Fact, Span, fact::Payload};
    /// # let json = r#"{"value": 98}"#;
    /// let src = "đạt 98%";
    /// let fact = vntext::extract(src).remove(0);
    /// let copy = Fact::new(fact.span(), fact.text(), fact.payload().clone());
    /// assert_eq!(copy, fact);
    /// ```
    pub fn new(span: Span, text: impl Into<String>, payload: Payload) -> Fact {
        Fact {
            span,
            text: text.into(),
            payload,
        }
    }

    /// The fact's kind.
    #[inline]
    pub fn kind(&self) -> Kind {
        self.payload.kind()
    }

    /// The byte span in the original text.
    #[inline]
    pub fn span(&self) -> Span {
        self.span
    }

    /// First byte of the fact in the original text.
    #[inline]
    pub fn start(&self) -> usize {
        self.span.start
    }

    /// One past the last byte of the fact in the original text.
    #[inline]
    pub fn end(&self) -> usize {
        self.span.end
    }

    /// The original text the fact covers: `input[start..end]`.
    #[inline]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The kind's fields.
    #[inline]
    pub fn payload(&self) -> &Payload {
        &self.payload
    }

    /// Consumes the fact and returns its fields.
    pub fn into_payload(self) -> Payload {
        self.payload
    }

    /// A stable key for counting the same fact across an archive: for a
    /// document its type and canonical symbol, `chỉ thị|05-CT/TW` however
    /// the symbol was spaced (or `chỉ thị|28` when no symbol is written),
    /// for a person the lower-cased name, for others the kind and the
    /// normalised value.
    ///
    /// ```
    /// use vntext::{Extractor, Kind};
    ///
    /// let ex = Extractor::builder().kinds(&[Kind::Document]).build();
    /// let facts = ex.extract("Thực hiện Chỉ thị số 05-CT/TW; quán triệt chỉ thị 05- CT/TW.");
    /// assert_eq!(facts[0].key(), "chỉ thị|05-CT/TW");
    /// assert_eq!(facts[1].key(), "chỉ thị|05-CT/TW");
    /// ```
    pub fn key(&self) -> String {
        match &self.payload {
            Payload::Document(d) => match &d.symbol {
                Some(s) => format!("{}|{}", d.doc_type, s),
                None => format!("{}|{}", d.doc_type, d.number),
            },
            Payload::Person(p) => p.name.to_lowercase(),
            Payload::Date(d) => format!("date|{}", d.value),
            Payload::Period(p) => format!("period|{}|{}", p.start_value, p.end_value),
            Payload::Percentage(p) => format!("percentage|{}", p.value),
            Payload::Ratio(r) => format!("ratio|{}/{}", r.achieved, r.target),
            Payload::Money(m) => format!("money|{}|{}", m.value, m.currency),
            Payload::Quantity(q) => format!("quantity|{}|{}", q.value, q.unit.to_lowercase()),
        }
    }
}

/// The fields of a fact, by kind.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Payload {
    /// A `date` fact.
    Date(Date),
    /// A `period` fact.
    Period(Period),
    /// A `person` fact.
    Person(Person),
    /// A `document` fact.
    Document(Document),
    /// A `percentage` fact.
    Percentage(Percentage),
    /// A `ratio` fact.
    Ratio(Ratio),
    /// A `money` fact.
    Money(Money),
    /// A `quantity` fact.
    Quantity(Quantity),
}

impl Payload {
    /// The kind these fields belong to.
    pub fn kind(&self) -> Kind {
        match self {
            Payload::Date(_) => Kind::Date,
            Payload::Period(_) => Kind::Period,
            Payload::Person(_) => Kind::Person,
            Payload::Document(_) => Kind::Document,
            Payload::Percentage(_) => Kind::Percentage,
            Payload::Ratio(_) => Kind::Ratio,
            Payload::Money(_) => Kind::Money,
            Payload::Quantity(_) => Kind::Quantity,
        }
    }
}

/// A short human-readable summary of the fields, as `vntext extract --format
/// table` prints it.
///
/// ```
/// let f = &vntext::extract("trên 98%")[0];
/// assert_eq!(f.payload().to_string(), "98% (over)");
/// ```
impl fmt::Display for Payload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn num(v: f64) -> String {
            if v.fract() == 0.0 && v.abs() < 9.0e15 {
                format!("{}", v as i64)
            } else {
                format!("{v}")
            }
        }
        fn qual(f: &mut fmt::Formatter<'_>, q: Option<Qualifier>) -> fmt::Result {
            match q {
                Some(q) => write!(f, " ({})", q.as_str()),
                None => Ok(()),
            }
        }
        match self {
            Payload::Date(d) => {
                write!(f, "{}", d.value)?;
                if let Some(t) = d.time {
                    write!(f, " {t}")?;
                }
                if let Some(p) = d.part_of_day {
                    write!(f, " {}", p.as_str())?;
                }
                if d.calendar == Some(Calendar::Lunar) {
                    f.write_str(" lunar")?;
                }
                if d.inferred {
                    f.write_str(" (inferred)")?;
                }
                Ok(())
            }
            Payload::Period(p) => write!(
                f,
                "{}..{} ({})",
                p.start_value,
                p.end_value,
                p.label.as_str()
            ),
            Payload::Person(p) => {
                if let Some(h) = &p.honorific {
                    write!(f, "{h} ")?;
                }
                f.write_str(if p.name.is_empty() { "?" } else { &p.name })?;
                if !p.titles.is_empty() {
                    write!(f, " — {}", p.titles.join("; "))?;
                }
                Ok(())
            }
            Payload::Document(d) => {
                write!(f, "{} {}", d.doc_type, d.number)?;
                if let Some(s) = &d.symbol {
                    write!(f, " [{s}]")?;
                }
                if let Some(y) = d.year {
                    write!(f, " {y}")?;
                }
                if let Some(b) = &d.issued_by {
                    write!(f, " by {b}")?;
                }
                Ok(())
            }
            Payload::Percentage(p) => {
                write!(f, "{}%", num(p.value))?;
                qual(f, p.qualifier)
            }
            Payload::Ratio(r) => {
                write!(
                    f,
                    "{}/{} = {}%",
                    num(r.achieved),
                    num(r.target),
                    num(r.percent)
                )?;
                if let Some(u) = &r.unit {
                    write!(f, " {u}")?;
                }
                Ok(())
            }
            Payload::Money(m) => {
                write!(f, "{} {}", num(m.value), m.currency)?;
                qual(f, m.qualifier)
            }
            Payload::Quantity(q) => {
                write!(f, "{} {}", num(q.value), q.unit)?;
                qual(f, q.qualifier)
            }
        }
    }
}

/// A `date` fact: `Sáng ngày 09/03/2023` → `2023-03-09`, morning.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Date {
    /// The date at the precision written.
    pub value: PartialDate,
    /// Time of day, when written.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub time: Option<Time>,
    /// Part of day (`sáng`, `chiều` …), when written.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub part_of_day: Option<PartOfDay>,
    /// `Some(Calendar::Lunar)` for âm lịch dates; absent for the solar calendar.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub calendar: Option<Calendar>,
    /// Whether part of the value was resolved from a reference date.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "core::ops::Not::not")
    )]
    pub inferred: bool,
}

impl Date {
    /// A date with only a value.
    pub fn new(value: PartialDate) -> Date {
        Date {
            value,
            time: None,
            part_of_day: None,
            calendar: None,
            inferred: false,
        }
    }
}

/// A `period` fact: `quý I năm 2023` → `2023-01-01`..`2023-03-31`, quarter.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Period {
    /// First day (or month, or year) of the period.
    pub start_value: PartialDate,
    /// Last day (or month, or year) of the period.
    pub end_value: PartialDate,
    /// What kind of period is written.
    pub label: PeriodLabel,
}

impl Period {
    /// A period from `start` to `end`.
    pub fn new(start_value: PartialDate, end_value: PartialDate, label: PeriodLabel) -> Period {
        Period {
            start_value,
            end_value,
            label,
        }
    }
}

/// What a period is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum PeriodLabel {
    /// `quý I` … `quý IV`.
    Quarter,
    /// `6 tháng đầu năm`, `6 tháng cuối năm`.
    Half,
    /// A range of months (`tháng 1-3/2023`).
    Month,
    /// A whole year as a period.
    Year,
    /// `nhiệm kỳ 2020-2025`, `khóa 2021-2026`.
    Term,
    /// `giai đoạn 2021-2025`, `từ … đến …`, `2020-2023`.
    Range,
}

impl PeriodLabel {
    /// The label as written in the JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            PeriodLabel::Quarter => "quarter",
            PeriodLabel::Half => "half",
            PeriodLabel::Month => "month",
            PeriodLabel::Year => "year",
            PeriodLabel::Term => "term",
            PeriodLabel::Range => "range",
        }
    }
}

/// A `person` fact: `đồng chí Lê Thị Hồng Nhung - UVTV, Trưởng Ban Tổ chức Quận ủy`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Person {
    /// The full name as written (NFC, case kept); empty for a title-only mention.
    pub name: String,
    /// Every title attached to this mention, in order, as written.
    #[cfg_attr(feature = "serde", serde(default))]
    pub titles: Vec<String>,
    /// `đồng chí`, `ông`, `bà`, `TS.` … as written.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub honorific: Option<String>,
    /// The titles with abbreviations spelled out, when any was abbreviated.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub titles_expanded: Option<Vec<String>>,
}

impl Person {
    /// A person with a name and no title.
    pub fn new(name: impl Into<String>) -> Person {
        Person {
            name: name.into(),
            titles: Vec::new(),
            honorific: None,
            titles_expanded: None,
        }
    }
}

/// A `document` fact: `Kết luận số 01-KL/TW của Bộ Chính trị`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Document {
    /// The canonical lowercase type word: `chỉ thị`, `nghị định` …
    pub doc_type: String,
    /// The number as written, leading zeros kept; empty for a named document.
    pub number: String,
    /// The full number and code with canonical spacing: `05-CT/TW`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub symbol: Option<String>,
    /// The year in the symbol or written with it.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub year: Option<i32>,
    /// The issuer part of the symbol: `TW`, `CP`, `UBND`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub issuer_code: Option<String>,
    /// The issuing body named in the text: `Bộ Chính trị`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub issued_by: Option<String>,
    /// The document's name, for a named document without number.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub title: Option<String>,
}

impl Document {
    /// A document of `doc_type` numbered `number`, with no other field.
    pub fn new(doc_type: impl Into<String>, number: impl Into<String>) -> Document {
        Document {
            doc_type: doc_type.into(),
            number: number.into(),
            symbol: None,
            year: None,
            issuer_code: None,
            issued_by: None,
            title: None,
        }
    }
}

/// A `percentage` fact: `143,8 %` → 143.8.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Percentage {
    /// The number before the sign.
    #[cfg_attr(feature = "serde", serde(with = "crate::fact::number"))]
    pub value: f64,
    /// `trên 98%` → over.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub qualifier: Option<Qualifier>,
}

impl Percentage {
    /// A percentage with no qualifier.
    pub fn new(value: f64) -> Percentage {
        Percentage {
            value,
            qualifier: None,
        }
    }
}

/// A `ratio` fact: `12/8 chi bộ` → 12 achieved of a target of 8, 150 %.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Ratio {
    /// The number before the slash.
    #[cfg_attr(feature = "serde", serde(with = "crate::fact::number"))]
    pub achieved: f64,
    /// The number after the slash.
    #[cfg_attr(feature = "serde", serde(with = "crate::fact::number"))]
    pub target: f64,
    /// achieved / target × 100, one decimal.
    #[cfg_attr(feature = "serde", serde(with = "crate::fact::number"))]
    pub percent: f64,
    /// The counted noun, head only: `chi bộ`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub unit: Option<String>,
}

impl Ratio {
    /// A ratio, with `percent` computed and rounded to one decimal.
    ///
    /// ```
    /// let r = vntext::fact::Ratio::new(69.0, 48.0);
    /// assert_eq!(r.percent, 143.8);
    /// ```
    pub fn new(achieved: f64, target: f64) -> Ratio {
        let percent = if target != 0.0 {
            (achieved / target * 1000.0).round() / 10.0
        } else {
            0.0
        };
        Ratio {
            achieved,
            target,
            percent,
            unit: None,
        }
    }
}

/// A `money` fact: `474 triệu đồng` → 474000000 VND.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Money {
    /// The amount, magnitude words applied.
    #[cfg_attr(feature = "serde", serde(with = "crate::fact::number"))]
    pub value: f64,
    /// ISO 4217 code: `VND`, `USD`, `EUR` …
    pub currency: String,
    /// `hơn 6,5 tỷ đồng` → over.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub qualifier: Option<Qualifier>,
}

impl Money {
    /// An amount in `currency` with no qualifier.
    pub fn new(value: f64, currency: impl Into<String>) -> Money {
        Money {
            value,
            currency: currency.into(),
            qualifier: None,
        }
    }
}

/// A `quantity` fact: `90 đại biểu` → 90, `đại biểu`.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[non_exhaustive]
pub struct Quantity {
    /// The number, magnitude words applied.
    #[cfg_attr(feature = "serde", serde(with = "crate::fact::number"))]
    pub value: f64,
    /// The counted noun or unit of measure as written.
    pub unit: String,
    /// `hơn 400 nhà nghiên cứu` → over.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub qualifier: Option<Qualifier>,
}

impl Quantity {
    /// A quantity of `unit` with no qualifier.
    pub fn new(value: f64, unit: impl Into<String>) -> Quantity {
        Quantity {
            value,
            unit: unit.into(),
            qualifier: None,
        }
    }
}

/// A bound or approximation written before a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Qualifier {
    /// `trên`, `hơn`, `vượt`, `lớn hơn`.
    Over,
    /// `dưới`, `gần`, `chưa đến`.
    Under,
    /// `khoảng`, `chừng`, `xấp xỉ`, `ước`.
    About,
    /// `ít nhất`, `tối thiểu`, `không dưới`.
    AtLeast,
    /// `tối đa`, `không quá`, `không vượt quá`.
    AtMost,
}

impl Qualifier {
    /// The qualifier as written in the JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
        }
    }
}

/// Part of the day written with a date or time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum PartOfDay {
    /// `sáng`.
    Morning,
    /// `trưa`.
    Noon,
    /// `chiều`.
    Afternoon,
    /// `tối`.
    Evening,
    /// `đêm`, `khuya`.
    Night,
}

impl PartOfDay {
    /// The part of day as written in the JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            PartOfDay::Morning => "morning",
            PartOfDay::Noon => "noon",
            PartOfDay::Afternoon => "afternoon",
            PartOfDay::Evening => "evening",
            PartOfDay::Night => "night",
        }
    }
}

/// The calendar a date is written in, when not the solar one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Calendar {
    /// Âm lịch: `mùng 1 Tết`, `rằm tháng Giêng`, `15/8 âm lịch`.
    Lunar,
}

/// A date at the precision it was written: a year, a month of a year, a full
/// date, a day and month without year, or a month without year.
///
/// Displays and parses as ISO 8601: `2023`, `2023-03`, `2023-03-09`,
/// `--03-15`, `--03`.
///
/// ```
/// use vntext::PartialDate;
///
/// let d = PartialDate::ymd(2023, 3, 9).unwrap();
/// assert_eq!(d.to_string(), "2023-03-09");
/// assert_eq!("--03-15".parse::<PartialDate>().unwrap(), PartialDate::md(3, 15).unwrap());
/// assert!(PartialDate::ymd(2023, 2, 31).is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
}

impl PartialDate {
    /// A year: `2023`. Years 1–9999 are accepted.
    pub fn y(year: i32) -> Option<PartialDate> {
        (1..=9999).contains(&year).then_some(PartialDate {
            year: Some(year),
            month: None,
            day: None,
        })
    }

    /// A month of a year: `2023-03`.
    pub fn ym(year: i32, month: u8) -> Option<PartialDate> {
        ((1..=9999).contains(&year) && (1..=12).contains(&month)).then_some(PartialDate {
            year: Some(year),
            month: Some(month),
            day: None,
        })
    }

    /// A full date: `2023-03-09`. Impossible dates give `None`.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<PartialDate> {
        ((1..=9999).contains(&year) && (1..=12).contains(&month))
            .then_some(())
            .filter(|_| day >= 1 && day <= days_in_month(Some(year), month))
            .map(|_| PartialDate {
                year: Some(year),
                month: Some(month),
                day: Some(day),
            })
    }

    /// A day and month without a year: `--03-15`. 29 February is allowed.
    pub fn md(month: u8, day: u8) -> Option<PartialDate> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(None, month)).then_some(
            PartialDate {
                year: None,
                month: Some(month),
                day: Some(day),
            },
        )
    }

    /// A month without a year: `--03`.
    pub fn m(month: u8) -> Option<PartialDate> {
        (1..=12).contains(&month).then_some(PartialDate {
            year: None,
            month: Some(month),
            day: None,
        })
    }

    /// The year, when written or resolved.
    pub fn year(&self) -> Option<i32> {
        self.year
    }

    /// The month, when written.
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, when written.
    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// The same date with `year` filled in, if the result is a valid date.
    ///
    /// ```
    /// let d = vntext::PartialDate::md(3, 15).unwrap().with_year(2023).unwrap();
    /// assert_eq!(d.to_string(), "2023-03-15");
    /// ```
    pub fn with_year(self, year: i32) -> Option<PartialDate> {
        match (self.month, self.day) {
            (Some(m), Some(d)) => PartialDate::ymd(year, m, d),
            (Some(m), None) => PartialDate::ym(year, m),
            (None, _) => PartialDate::y(year),
        }
    }
}

/// Number of days in `month` of `year`; 29 for February when the year is unknown.
pub(crate) fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => write!(f, "{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => write!(f, "{y:04}-{m:02}"),
            (Some(y), None, _) => write!(f, "{y:04}"),
            (None, Some(m), Some(d)) => write!(f, "--{m:02}-{d:02}"),
            (None, Some(m), None) => write!(f, "--{m:02}"),
            (None, None, _) => Ok(()),
        }
    }
}

impl FromStr for PartialDate {
    type Err = Error;

    fn from_str(s: &str) -> Result<PartialDate, Error> {
        let err = || Error::parse("date", s);
        let num = |t: &str, len: usize| -> Result<u32, Error> {
            if t.len() == len && t.bytes().all(|b| b.is_ascii_digit()) {
                t.parse().map_err(|_| err())
            } else {
                Err(err())
            }
        };
        let parsed = if let Some(rest) = s.strip_prefix("--") {
            let mut parts = rest.split('-');
            match (parts.next(), parts.next(), parts.next()) {
                (Some(m), None, None) => PartialDate::m(num(m, 2)? as u8),
                (Some(m), Some(d), None) => PartialDate::md(num(m, 2)? as u8, num(d, 2)? as u8),
                _ => None,
            }
        } else {
            let mut parts = s.split('-');
            match (parts.next(), parts.next(), parts.next(), parts.next()) {
                (Some(y), None, None, None) => PartialDate::y(num(y, 4)? as i32),
                (Some(y), Some(m), None, None) => {
                    PartialDate::ym(num(y, 4)? as i32, num(m, 2)? as u8)
                }
                (Some(y), Some(m), Some(d), None) => {
                    PartialDate::ymd(num(y, 4)? as i32, num(m, 2)? as u8, num(d, 2)? as u8)
                }
                _ => None,
            }
        };
        parsed.ok_or_else(err)
    }
}

/// A time of day, 24-hour: `14:49`.
///
/// ```
/// let t = vntext::fact::Time::new(9, 30).unwrap();
/// assert_eq!(t.to_string(), "09:30");
/// assert!(vntext::fact::Time::new(24, 0).is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time {
    hour: u8,
    minute: u8,
}

impl Time {
    /// A time, if `hour < 24` and `minute < 60`.
    pub fn new(hour: u8, minute: u8) -> Option<Time> {
        (hour < 24 && minute < 60).then_some(Time { hour, minute })
    }

    /// The hour, 0–23.
    pub fn hour(&self) -> u8 {
        self.hour
    }

    /// The minute, 0–59.
    pub fn minute(&self) -> u8 {
        self.minute
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

impl FromStr for Time {
    type Err = Error;

    fn from_str(s: &str) -> Result<Time, Error> {
        let err = || Error::parse("time", s);
        let (h, m) = s.split_once(':').ok_or_else(err)?;
        let ok = |t: &str| t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit());
        if !ok(h) || !ok(m) {
            return Err(err());
        }
        Time::new(h.parse().map_err(|_| err())?, m.parse().map_err(|_| err())?).ok_or_else(err)
    }
}

#[cfg(feature = "serde")]
mod serde_impls {
    use super::*;
    use serde::{Deserializer, Serializer};

    macro_rules! string_serde {
        ($t:ty, $what:literal) => {
            impl Serialize for $t {
                fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    s.collect_str(self)
                }
            }
            impl<'de> Deserialize<'de> for $t {
                fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$t, D::Error> {
                    let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                    s.parse().map_err(serde::de::Error::custom)
                }
            }
        };
    }
    string_serde!(PartialDate, "date");
    string_serde!(Time, "time");

    #[derive(Serialize)]
    #[serde(untagged)]
    enum Fields<'a> {
        Date(&'a Date),
        Period(&'a Period),
        Person(&'a Person),
        Document(&'a Document),
        Percentage(&'a Percentage),
        Ratio(&'a Ratio),
        Money(&'a Money),
        Quantity(&'a Quantity),
    }

    #[derive(Serialize)]
    struct Out<'a> {
        kind: Kind,
        start: usize,
        end: usize,
        text: &'a str,
        #[serde(flatten)]
        fields: Fields<'a>,
    }

    impl Serialize for Fact {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let fields = match &self.payload {
                Payload::Date(x) => Fields::Date(x),
                Payload::Period(x) => Fields::Period(x),
                Payload::Person(x) => Fields::Person(x),
                Payload::Document(x) => Fields::Document(x),
                Payload::Percentage(x) => Fields::Percentage(x),
                Payload::Ratio(x) => Fields::Ratio(x),
                Payload::Money(x) => Fields::Money(x),
                Payload::Quantity(x) => Fields::Quantity(x),
            };
            Out {
                kind: self.kind(),
                start: self.span.start,
                end: self.span.end,
                text: &self.text,
                fields,
            }
            .serialize(s)
        }
    }

    #[derive(Deserialize)]
    struct In {
        start: usize,
        end: usize,
        text: String,
        #[serde(flatten)]
        payload: Payload,
    }

    impl<'de> Deserialize<'de> for Fact {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Fact, D::Error> {
            let i = In::deserialize(d)?;
            Ok(Fact {
                span: Span::new(i.start, i.end),
                text: i.text,
                payload: i.payload,
            })
        }
    }
}

/// Serde helpers for numbers: whole numbers are written without a fraction
/// (`474000000`, not `474000000.0`).
#[cfg(feature = "serde")]
pub(crate) mod number {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            s.serialize_i64(*v as i64)
        } else {
            s.serialize_f64(*v)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        f64::deserialize(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_date_round_trip() {
        for s in [
            "2023",
            "2023-03",
            "2023-03-09",
            "--03-15",
            "--11",
            "2024-02-29",
        ] {
            let d: PartialDate = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
        }
        for bad in [
            "2023-02-29",
            "2023-13",
            "--13-01",
            "23-03-09",
            "",
            "2023-3-9",
            "--02-30",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad}");
        }
    }

    #[test]
    fn ratio_percent_rounds_to_one_decimal() {
        assert_eq!(Ratio::new(12.0, 8.0).percent, 150.0);
        assert_eq!(Ratio::new(69.0, 48.0).percent, 143.8);
        assert_eq!(Ratio::new(1.0, 3.0).percent, 33.3);
        assert_eq!(Ratio::new(1.0, 0.0).percent, 0.0);
    }

    #[test]
    fn kind_names_parse_back() {
        for k in Kind::ALL {
            assert_eq!(k.as_str().parse::<Kind>().unwrap(), k);
        }
    }

    #[test]
    fn time_parse() {
        assert_eq!("14:49".parse::<Time>().unwrap(), Time::new(14, 49).unwrap());
        assert!("24:00".parse::<Time>().is_err());
        assert!("9:30".parse::<Time>().is_err());
    }
}
