//! `vntext annotate`: JSON Lines in, one annotated line out per input line.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args as ClapArgs;
use vntext::jsonl::{annotate_line, LineConfig, Outcome};
use vntext::{Extractor, PartialDate};

use crate::output::{self, Result};

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// JSON Lines input (default: standard input).
    #[arg(long, value_name = "FILE")]
    input: Option<PathBuf>,
    /// Output file (default: standard output).
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The field holding the text.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// The field holding the id.
    #[arg(long, default_value = "id")]
    id_field: String,
    /// Records longer than this many bytes become error records.
    #[arg(long, default_value_t = 16 << 20)]
    max_bytes: usize,
    /// Resolve relative dates against this date (YYYY-MM-DD) unless a record
    /// has its own `reference_date` field.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::extract::parse_date)]
    reference_date: Option<PartialDate>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let ex = Extractor::new();
    let cfg = LineConfig {
        text_field: args.text_field,
        id_field: args.id_field,
        max_bytes: args.max_bytes,
        reference_date: args.reference_date,
        ..LineConfig::default()
    };
    let input: Box<dyn Read> = match &args.input {
        Some(p) => Box::new(File::open(p).map_err(|e| format!("{}: {e}", p.display()))?),
        None => Box::new(io::stdin().lock()),
    };
    let mut reader = BufReader::with_capacity(1 << 16, input);
    let mut out = output::writer(args.output.as_deref())?;
    let mut line = Vec::new();
    let mut buf = Vec::new();
    let mut n: u64 = 0;
    let mut errors: u64 = 0;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        n += 1;
        let body = line.strip_suffix(b"\n").unwrap_or(&line);
        buf.clear();
        if annotate_line(&ex, &cfg, n, body, &mut buf) == Outcome::Error {
            errors += 1;
        }
        out.write_all(&buf)?;
    }
    out.flush()?;
    Ok(if errors > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}
