//! `vntext normalize`: Vietnamese text in any encoding to clean UTF-8.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args as ClapArgs, ValueEnum};
use vntext::normalize::legacy::{self, Encoding};
use vntext::normalize::{normalize_with, Options, ToneStyle};

use crate::output::{self, Result};

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Input file. Standard input when none is given.
    file: Option<PathBuf>,
    /// Encoding of the input. `auto` finds it paragraph by paragraph
    /// (Unicode, TCVN3, VNI, VIQR, Windows-1258, and TCVN3 or VNI pasted as
    /// Latin-1 characters).
    #[arg(long, value_enum, default_value_t = From::Auto)]
    from: From,
    /// Where tone marks go in `oa`, `oe`, `uy`: `new` (hoà, thuỷ), `old`
    /// (hòa, thủy) or `keep` as written. Misplaced tones (cuả) are repaired
    /// in every case.
    #[arg(long, value_enum, default_value_t = Tone::Keep)]
    tone: Tone,
    /// Strip diacritics for search keys (`Đảng ủy` → `Dang uy`).
    #[arg(long)]
    fold: bool,
    /// With `--fold`, lower-case too.
    #[arg(long)]
    lowercase: bool,
    /// Report on stderr the encoding found for each stretch of the input.
    #[arg(long, short)]
    verbose: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum From {
    Auto,
    Utf8,
    Tcvn3,
    Vni,
    Viqr,
    Cp1258,
    #[value(name = "tcvn3-latin1")]
    Tcvn3Latin1,
    #[value(name = "vni-latin1")]
    VniLatin1,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Tone {
    Keep,
    New,
    Old,
}

/// Exit status when some input bytes could not be decoded (the output is
/// written all the same, with U+FFFD in their place).
const UNDECODABLE: u8 = 3;

pub fn run(args: Args) -> Result<ExitCode> {
    let mut bytes = Vec::new();
    let name = match &args.file {
        Some(p) => {
            bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
            p.display().to_string()
        }
        None => {
            std::io::stdin().lock().read_to_end(&mut bytes)?;
            "<stdin>".to_string()
        }
    };
    let decoded = match args.from {
        From::Auto => legacy::decode_auto(&bytes),
        From::Utf8 => legacy::decode(&bytes, Encoding::Utf8),
        From::Tcvn3 => legacy::decode(&bytes, Encoding::Tcvn3),
        From::Vni => legacy::decode(&bytes, Encoding::Vni),
        From::Viqr => legacy::decode(&bytes, Encoding::Viqr),
        From::Cp1258 => legacy::decode(&bytes, Encoding::Cp1258),
        From::Tcvn3Latin1 => legacy::decode(&bytes, Encoding::Tcvn3Latin1),
        From::VniLatin1 => legacy::decode(&bytes, Encoding::VniLatin1),
    };
    if args.verbose {
        for (span, enc) in decoded.parts() {
            eprintln!("vntext: {name}: bytes {}..{}: {enc}", span.start, span.end);
        }
    }
    for e in decoded.errors() {
        let shown: Vec<String> = bytes[e.span().range()]
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect();
        eprintln!(
            "vntext: {name}: byte {}: cannot decode {} as {}",
            e.offset(),
            shown.join(" "),
            e.encoding()
        );
    }
    let style = match args.tone {
        Tone::Keep => ToneStyle::Keep,
        Tone::New => ToneStyle::New,
        Tone::Old => ToneStyle::Old,
    };
    let opts = Options::default()
        .tone_style(style)
        .fold(args.fold)
        .fold_case(args.fold && args.lowercase);
    let normalized = normalize_with(decoded.text(), &opts);
    let mut out = output::writer(None)?;
    out.write_all(normalized.as_str().as_bytes())?;
    out.flush()?;
    Ok(if decoded.errors().is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(UNDECODABLE)
    })
}
