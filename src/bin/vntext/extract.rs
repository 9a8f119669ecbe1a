//! `vntext extract`: plain-text files to facts.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args as ClapArgs, ValueEnum};
use serde::Serialize;
use vntext::check::Finding;
use vntext::{DocOptions, Extractor, Fact, PartialDate};

use crate::output::{self, Result};

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Plain-text files (UTF-8). Standard input when none is given.
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Resolve relative dates against this date (YYYY-MM-DD) instead of the
    /// article's own dateline.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    reference_date: Option<PartialDate>,
    /// Show who is who instead of the facts: one entry per person of each
    /// file, with every title and the span of every mention.
    #[arg(long)]
    people: bool,
    /// Also check that the figures agree (a ratio with its stated
    /// percentage, a part with its whole) and print the findings.
    #[arg(long)]
    check: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON object per file: `{"file", "facts": [...]}`.
    Json,
    /// One JSON line per fact, with a `file` field.
    Jsonl,
    /// One aligned row per fact, for a person to read.
    Table,
    /// A self-contained HTML page with every fact highlighted (one input).
    Html,
}

pub fn parse_date(s: &str) -> std::result::Result<PartialDate, String> {
    let d: PartialDate = s.parse().map_err(|e: vntext::Error| e.to_string())?;
    if d.day().is_none() {
        return Err(format!("expected a full date YYYY-MM-DD, got {s:?}"));
    }
    Ok(d)
}

/// Reads one input: a file, or stdin for `None`. Invalid UTF-8 is an error
/// naming the first bad byte.
fn read_input(path: Option<&PathBuf>) -> Result<String> {
    let mut bytes = Vec::new();
    match path {
        Some(p) => {
            bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
        }
        None => {
            std::io::stdin().lock().read_to_end(&mut bytes)?;
        }
    }
    String::from_utf8(bytes).map_err(|e| {
        let name = path.map_or("<stdin>".to_string(), |p| p.display().to_string());
        format!(
            "{name}: not valid UTF-8 at byte {} (legacy encodings: see `vntext normalize --from`)",
            e.utf8_error().valid_up_to()
        )
        .into()
    })
}

#[derive(Serialize)]
struct FileFacts<'a> {
    file: &'a str,
    facts: &'a [Fact],
    #[serde(skip_serializing_if = "Option::is_none")]
    checks: Option<Vec<CheckOut<'a>>>,
}

/// A piece of the input: byte span and text.
#[derive(Serialize)]
struct Piece<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

impl<'a> Piece<'a> {
    fn new(text: &'a str, span: vntext::Span) -> Piece<'a> {
        Piece {
            start: span.start,
            end: span.end,
            text: text.get(span.range()).unwrap_or(""),
        }
    }
}

/// One finding of `vntext::check`, as JSON.
#[derive(Serialize)]
struct CheckOut<'a> {
    check: &'static str,
    agrees: bool,
    subject: Piece<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    whole: Option<Piece<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    percentage: Option<Piece<'a>>,
    stated: f64,
    computed: f64,
}

impl<'a> CheckOut<'a> {
    fn new(text: &'a str, f: &Finding) -> CheckOut<'a> {
        CheckOut {
            check: f.check().as_str(),
            agrees: f.agrees(),
            subject: Piece::new(text, f.subject()),
            whole: f.whole().map(|s| Piece::new(text, s)),
            percentage: f.percentage().map(|s| Piece::new(text, s)),
            stated: f.stated(),
            computed: f.computed(),
        }
    }
}

#[derive(Serialize)]
struct CheckLine<'a> {
    file: &'a str,
    #[serde(flatten)]
    check: CheckOut<'a>,
}

#[derive(Serialize)]
struct FilePeople<'a> {
    file: &'a str,
    people: &'a [vntext::people::Entry],
}

#[derive(Serialize)]
struct PersonLine<'a> {
    file: &'a str,
    #[serde(flatten)]
    person: &'a vntext::people::Entry,
}

#[derive(Serialize)]
struct FactLine<'a> {
    file: &'a str,
    #[serde(flatten)]
    fact: &'a Fact,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let extractor = Extractor::new();
    let mut opts = DocOptions::new();
    if let Some(d) = args.reference_date {
        opts = opts.reference_date(d);
    }
    let inputs: Vec<Option<&PathBuf>> = if args.files.is_empty() {
        vec![None]
    } else {
        args.files.iter().map(Some).collect()
    };
    if args.format == Format::Html && inputs.len() > 1 {
        return Err("--format html takes one file (or standard input)"
            .to_string()
            .into());
    }
    let mut out = output::writer(None)?;
    let mut failed = false;
    for input in inputs {
        let name = input.map_or("-".to_string(), |p| p.display().to_string());
        let text = match read_input(input) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("vntext: {e}");
                failed = true;
                continue;
            }
        };
        let facts = extractor.extract_with(&text, &opts);
        if args.people {
            let people = vntext::people(&facts);
            match args.format {
                Format::Json => {
                    serde_json::to_writer_pretty(
                        &mut out,
                        &FilePeople {
                            file: &name,
                            people: &people,
                        },
                    )?;
                    out.write_all(b"\n")?;
                }
                Format::Jsonl => {
                    for person in &people {
                        serde_json::to_writer(
                            &mut out,
                            &PersonLine {
                                file: &name,
                                person,
                            },
                        )?;
                        out.write_all(b"\n")?;
                    }
                }
                // The HTML view is of facts; people print as a table there.
                Format::Table | Format::Html => write_people(&mut out, &name, &people)?,
            }
            continue;
        }
        let findings = args.check.then(|| vntext::check::check(&text, &facts));
        match args.format {
            Format::Json => {
                serde_json::to_writer_pretty(
                    &mut out,
                    &FileFacts {
                        file: &name,
                        facts: &facts,
                        checks: findings
                            .as_ref()
                            .map(|fs| fs.iter().map(|f| CheckOut::new(&text, f)).collect()),
                    },
                )?;
                out.write_all(b"\n")?;
            }
            Format::Jsonl => {
                for fact in &facts {
                    serde_json::to_writer(&mut out, &FactLine { file: &name, fact })?;
                    out.write_all(b"\n")?;
                }
                for f in findings.iter().flatten() {
                    let line = CheckLine {
                        file: &name,
                        check: CheckOut::new(&text, f),
                    };
                    serde_json::to_writer(&mut out, &line)?;
                    out.write_all(b"\n")?;
                }
            }
            Format::Table => {
                write_table(&mut out, &name, &facts)?;
                if let Some(fs) = &findings {
                    write_checks(&mut out, fs)?;
                }
            }
            Format::Html => {
                let title = if name == "-" { "vntext" } else { name.as_str() };
                out.write_all(vntext::html::article_page(title, &text, &facts).as_bytes())?;
            }
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_checks(out: &mut dyn Write, findings: &[Finding]) -> Result<()> {
    let bad = findings.iter().filter(|f| !f.agrees()).count();
    writeln!(out, "# checks: {} ({bad} disagree)", findings.len())?;
    for f in findings {
        writeln!(
            out,
            "{:<13} {f}",
            format!("{}-{}", f.subject().start, f.subject().end)
        )?;
    }
    Ok(())
}

fn write_people(out: &mut dyn Write, name: &str, people: &[vntext::people::Entry]) -> Result<()> {
    writeln!(out, "# {name}: {} people", people.len())?;
    for p in people {
        let shown = if p.name.is_empty() {
            "(title only)"
        } else {
            &p.name
        };
        let spans: Vec<String> = p
            .mentions
            .iter()
            .map(|s| format!("{}-{}", s.start, s.end))
            .collect();
        writeln!(
            out,
            "{shown}\t{}\t{} mentions: {}",
            p.titles.join("; "),
            p.mentions.len(),
            spans.join(" ")
        )?;
    }
    Ok(())
}

fn write_table(out: &mut dyn Write, name: &str, facts: &[Fact]) -> Result<()> {
    const TEXT: usize = 44;
    writeln!(out, "# {name}: {} facts", facts.len())?;
    writeln!(out, "{:<13} {:<10} {:<TEXT$} VALUE", "SPAN", "KIND", "TEXT")?;
    for f in facts {
        let text: String = f.text().split_whitespace().collect::<Vec<_>>().join(" ");
        let shown = if text.chars().count() > TEXT {
            let mut s: String = text.chars().take(TEXT - 1).collect();
            s.push('…');
            s
        } else {
            text
        };
        let pad = TEXT.saturating_sub(shown.chars().count());
        writeln!(
            out,
            "{:<13} {:<10} {}{} {}",
            format!("{}-{}", f.start(), f.end()),
            f.kind().as_str(),
            shown,
            " ".repeat(pad),
            f.payload()
        )?;
    }
    Ok(())
}
