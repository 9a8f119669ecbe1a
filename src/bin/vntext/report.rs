//! `vntext report`: one HTML page summarising an `annotate` run.

use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args as ClapArgs;
use serde_json::Value;
use vntext::html::{article_page, Report};
use vntext::Fact;

use crate::output::Result;

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// The output of `vntext annotate` (JSON Lines).
    #[arg(long, value_name = "FILE")]
    input: PathBuf,
    /// Where to write the page.
    #[arg(long, value_name = "FILE")]
    output: PathBuf,
    /// The input `annotate` read (JSON Lines with the texts). When given, one
    /// article view per record is written to `<output stem>_files/` and
    /// linked from the report.
    #[arg(long, value_name = "FILE")]
    texts: Option<PathBuf>,
    /// The field holding the text in `--texts`.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// Title of the page.
    #[arg(long, default_value = "vntext annotation report")]
    title: String,
}

fn open(path: &Path) -> Result<BufReader<File>> {
    Ok(BufReader::new(
        File::open(path).map_err(|e| format!("{}: {e}", path.display()))?,
    ))
}

pub fn run(args: Args) -> Result<ExitCode> {
    let annotated = open(&args.input)?;
    let mut texts = match &args.texts {
        Some(p) => Some(open(p)?.lines()),
        None => None,
    };
    let stem = args
        .output
        .file_stem()
        .map_or("report".to_string(), |s| s.to_string_lossy().into_owned());
    let files_dir = args.output.with_file_name(format!("{stem}_files"));
    if texts.is_some() {
        std::fs::create_dir_all(&files_dir).map_err(|e| format!("{}: {e}", files_dir.display()))?;
    }
    let mut report = Report::new();
    for (n, line) in annotated.lines().enumerate() {
        let line = line?;
        // Annotate writes one line per input line: the texts file goes in step.
        let text_line = match texts.as_mut() {
            Some(t) => t.next().transpose()?,
            None => None,
        };
        if line.trim().is_empty() {
            continue;
        }
        let rec: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                report.add_error(&format!("line {}", n + 1), &format!("unreadable line: {e}"));
                continue;
            }
        };
        let id = match &rec["id"] {
            Value::String(s) => s.clone(),
            Value::Null => format!("line {}", n + 1),
            other => other.to_string(),
        };
        if let Some(err) = rec["error"].as_str() {
            report.add_error(&id, err);
            continue;
        }
        let facts: Vec<Fact> = match serde_json::from_value(rec["facts"].clone()) {
            Ok(f) => f,
            Err(e) => {
                report.add_error(&id, &format!("unreadable facts: {e}"));
                continue;
            }
        };
        let mut link = None;
        if let Some(text) = text_line
            .and_then(|l| serde_json::from_str::<Value>(&l).ok())
            .and_then(|v| {
                v.get(&args.text_field)
                    .and_then(Value::as_str)
                    .map(str::to_string)
            })
        {
            let name = format!("{:06}.html", n + 1);
            let page = article_page(&id, &text, &facts);
            std::fs::write(files_dir.join(&name), page)?;
            link = Some(format!(
                "{}/{name}",
                files_dir
                    .file_name()
                    .map_or(String::new(), |f| f.to_string_lossy().into_owned())
            ));
        }
        report.add(&id, &facts, None, link.as_deref());
    }
    let mut out =
        File::create(&args.output).map_err(|e| format!("{}: {e}", args.output.display()))?;
    out.write_all(report.page(&args.title).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
