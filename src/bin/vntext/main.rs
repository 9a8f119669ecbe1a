//! `vntext`: Vietnamese news text into facts, from the command line.
//!
//! ```text
//! vntext extract [FILE...] [--format json|jsonl|table|html] [--people] [--check]
//! vntext annotate [--input FILE] [--output FILE] [-j N] [--resume] …
//! vntext report --input out.jsonl --output report.html [--texts in.jsonl]
//! vntext tokenize [--sentences|--syllables|--words] [FILE]
//! vntext normalize [--from auto|utf8|tcvn3|vni|viqr|cp1258] [--tone new|old|keep] [--fold] [FILE]
//! ```
//!
//! Exit status: 0 on success, 1 when input or output failed, 2 for a usage
//! error, 3 when `annotate` wrote error records for some input lines or
//! `normalize` met bytes it could not decode (reported on stderr).

#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used)]

mod annotate;
mod extract;
mod normalize;
mod output;
mod report;
mod tokenize;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Vietnamese news text into structured, checkable facts.
#[derive(Parser, Debug)]
#[command(name = "vntext", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract facts from plain-text files (stdin when none).
    Extract(extract::Args),
    /// Annotate JSON Lines records: one output line per input line, in order.
    Annotate(annotate::Args),
    /// Summarise an `annotate` run as one self-contained HTML page.
    Report(report::Args),
    /// Split text into sentences, syllables or words, one sentence a line.
    Tokenize(tokenize::Args),
    /// Decode legacy encodings and normalise to clean UTF-8 on stdout.
    Normalize(normalize::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Annotate(args) => annotate::run(args),
        Command::Report(args) => report::run(args),
        Command::Tokenize(args) => tokenize::run(args),
        Command::Normalize(args) => normalize::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) if output::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vntext: {e}");
            ExitCode::from(1)
        }
    }
}
