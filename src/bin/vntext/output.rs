//! Shared output helpers: buffered stdout or file, the binary's error type,
//! and broken-pipe handling.

use std::fmt;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// A buffered writer to a file, or to stdout when no path is given.
pub fn writer(path: Option<&Path>) -> io::Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(BufWriter::with_capacity(1 << 16, File::create(p)?)),
        None => Box::new(BufWriter::with_capacity(1 << 16, io::stdout().lock())),
    })
}

/// Whether an error is the reader of our output going away (`| head`).
pub fn is_broken_pipe(e: &Error) -> bool {
    matches!(e, Error::Io(e) if e.kind() == io::ErrorKind::BrokenPipe)
}

/// An error of the binary: I/O, or a message for the user.
#[derive(Debug)]
pub enum Error {
    Io(io::Error),
    Msg(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io(e) => write!(f, "{e}"),
            Error::Msg(m) => f.write_str(m),
        }
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Error {
        Error::Io(e)
    }
}

impl From<String> for Error {
    fn from(m: String) -> Error {
        Error::Msg(m)
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Error {
        match e.io_error_kind() {
            Some(kind) => Error::Io(io::Error::new(kind, e.to_string())),
            None => Error::Msg(e.to_string()),
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
