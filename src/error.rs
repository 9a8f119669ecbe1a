//! The crate's one error type.
//!
//! Extraction and normalisation of a `&str` never fail; errors come from
//! parsing values supplied by the caller (a reference date, a lexicon file, a
//! date or period string) and from reading input.
//!
//! ```
//! use vntext::PartialDate;
//!
//! let err = "2023-13-01".parse::<PartialDate>().unwrap_err();
//! assert!(err.is_parse());
//! assert!(err.to_string().contains("2023-13-01"));
//! ```

use std::fmt;

/// An error from `vntext`.
///
/// The error is opaque: inspect it with the `is_*` predicates and its
/// `Display` message.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug)]
enum ErrorKind {
    /// A value supplied by the caller could not be parsed.
    Parse { what: &'static str, input: String },
    /// Reading input failed.
    Io(std::io::Error),
    /// A lexicon or data file is malformed.
    Lexicon { line: usize, message: String },
    /// Bytes that cannot be decoded in the requested encoding.
    Decode { offset: usize, message: String },
}

impl Error {
    pub(crate) fn parse(what: &'static str, input: &str) -> Error {
        // Keep the message short even for hostile input.
        let mut shown: String = input.chars().take(64).collect();
        if shown.len() < input.len() {
            shown.push('…');
        }
        Error {
            kind: ErrorKind::Parse { what, input: shown },
        }
    }

    pub(crate) fn lexicon(line: usize, message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Lexicon {
                line,
                message: message.into(),
            },
        }
    }

    #[allow(dead_code)] // used by the legacy decoders
    pub(crate) fn decode(offset: usize, message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Decode {
                offset,
                message: message.into(),
            },
        }
    }

    /// Whether a caller-supplied value (a date, a period, an option) could not
    /// be parsed.
    ///
    /// ```
    /// assert!("tomorrow".parse::<vntext::PartialDate>().unwrap_err().is_parse());
    /// ```
    pub fn is_parse(&self) -> bool {
        matches!(self.kind, ErrorKind::Parse { .. })
    }

    /// Whether reading input failed.
    ///
    /// ```
    /// let err = vntext::Error::from(std::io::Error::other("disk"));
    /// assert!(err.is_io());
    /// ```
    pub fn is_io(&self) -> bool {
        matches!(self.kind, ErrorKind::Io(_))
    }

    /// Whether a lexicon or data file is malformed.
    ///
    /// ```
    /// let bad = "doanh nghiệp\n\u{0}\n";
    /// let err = vntext::lexicon::Lexicon::from_reader(bad.as_bytes()).unwrap_err();
    /// assert!(err.is_lexicon());
    /// ```
    pub fn is_lexicon(&self) -> bool {
        matches!(self.kind, ErrorKind::Lexicon { .. })
    }

    /// Whether bytes could not be decoded in the requested encoding.
    ///
    /// ```
    /// # let err = vntext::Error::from(std::io::Error::other("x"));
    /// assert!(!err.is_decode());
    /// ```
    pub fn is_decode(&self) -> bool {
        matches!(self.kind, ErrorKind::Decode { .. })
    }

    /// The byte offset of a decoding error, when there is one.
    ///
    /// ```
    /// # let err = vntext::Error::from(std::io::Error::other("x"));
    /// assert_eq!(err.offset(), None);
    /// ```
    pub fn offset(&self) -> Option<usize> {
        match self.kind {
            ErrorKind::Decode { offset, .. } => Some(offset),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Parse { what, input } => write!(f, "invalid {what}: {input:?}"),
            ErrorKind::Io(e) => write!(f, "I/O error: {e}"),
            ErrorKind::Lexicon { line, message } => {
                write!(f, "lexicon line {line}: {message}")
            }
            ErrorKind::Decode { offset, message } => {
                write!(f, "cannot decode byte {offset}: {message}")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error {
            kind: ErrorKind::Io(e),
        }
    }
}
