//! `vntext tokenize`: sentences, syllables or words, one sentence a line.

use std::io::{BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args as ClapArgs;
use vntext::lexicon::Lexicon;
use vntext::token::{self, TokenKind};

use crate::output::Result;

#[derive(ClapArgs, Debug)]
#[command(group(clap::ArgGroup::new("mode").args(["sentences", "syllables", "words"])))]
pub struct Args {
    /// Plain-text file (UTF-8). Standard input when none is given.
    file: Option<PathBuf>,
    /// One sentence a line, as written.
    #[arg(long)]
    sentences: bool,
    /// One sentence a line, tokens separated by spaces.
    #[arg(long)]
    syllables: bool,
    /// One sentence a line, words separated by spaces and the syllables of a
    /// word joined by `_` (the default).
    #[arg(long)]
    words: bool,
    /// Take each input line as one sentence: no splitting inside a line
    /// (for text already split, as a treebank's).
    #[arg(long)]
    lines: bool,
    /// Extra lexicon words for `--words`: one word a line, syllables
    /// separated by spaces or `_`.
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut bytes = Vec::new();
    match &args.file {
        Some(p) => bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?,
        None => {
            std::io::stdin().lock().read_to_end(&mut bytes)?;
        }
    }
    let raw = String::from_utf8(bytes).map_err(|e| {
        format!(
            "input is not valid UTF-8 at byte {}",
            e.utf8_error().valid_up_to()
        )
    })?;
    let norm = vntext::normalize::normalize(&raw);
    let text = norm.as_str();

    let custom;
    let lexicon = match &args.lexicon {
        Some(p) => {
            let mut lex = Lexicon::builtin().clone();
            let f = std::fs::File::open(p).map_err(|e| format!("{}: {e}", p.display()))?;
            lex.extend_from_reader(f)
                .map_err(|e| format!("{}: {e}", p.display()))?;
            custom = lex;
            &custom
        }
        None => Lexicon::builtin(),
    };

    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut line = String::new();
    // Sentences never hold a line break; an empty input line prints an
    // empty line, so a file of one sentence a line keeps its lines.
    for input_line in text.split_inclusive('\n') {
        let body = input_line.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() {
            if input_line.ends_with('\n') {
                out.write_all(b"\n")?;
            }
            continue;
        }
        let whole = [body.trim()];
        let split = (!args.lines).then(|| token::sentences(body).map(|s| s.as_str()));
        let pieces: Box<dyn Iterator<Item = &str>> = match split {
            Some(it) => Box::new(it),
            None => Box::new(whole.into_iter()),
        };
        for s in pieces {
            line.clear();
            if args.sentences {
                line.push_str(s);
            } else if args.syllables {
                for t in token::syllables(s) {
                    if t.kind().is_space() {
                        continue;
                    }
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(t.as_str());
                }
            } else {
                for w in token::words(s, lexicon) {
                    if w.kind().is_space() {
                        continue;
                    }
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    if w.syllable_count() > 1 && w.kind() != TokenKind::Punct {
                        for (k, syl) in w.syllables().enumerate() {
                            if k > 0 {
                                line.push('_');
                            }
                            line.push_str(syl);
                        }
                    } else {
                        line.push_str(w.as_str());
                    }
                }
            }
            line.push('\n');
            out.write_all(line.as_bytes())?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
