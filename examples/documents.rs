//! Count the documents cited across a folder of articles: the index a
//! newsroom or a researcher builds from `document` facts.
//!
//! ```text
//! cargo run --release --example documents            # ../shared/corpus/articles
//! cargo run --release --example documents -- DIR     # every *.txt in DIR
//! ```
//!
//! Each citation is counted under [`Fact::key`]: the type and the canonical
//! symbol (`chỉ thị|05-CT/TW`, however the symbol was spaced), or the type
//! and the number when no symbol is written (`chỉ thị|28`). A bare number
//! and its full symbol stay two keys: nothing in the text says they are one
//! document (Party numbers restart with every committee term).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use vntext::fact::Payload;
use vntext::{Extractor, Fact, Kind};

/// How one document is cited across the folder.
#[derive(Default)]
struct Entry {
    citations: usize,
    articles: usize,
    /// The issuing body, when some article names it.
    issued_by: Option<String>,
}

fn main() {
    let dir = match std::env::args_os().nth(1) {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/articles"),
    };
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect(),
        Err(e) => {
            println!(
                "no articles to read at {} ({e}); pass a folder of .txt files",
                dir.display()
            );
            return;
        }
    };
    files.sort();

    let ex = Extractor::builder().kinds(&[Kind::Document]).build();
    let mut index: BTreeMap<String, Entry> = BTreeMap::new();
    let mut total = 0;
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            eprintln!("skipping {}: not UTF-8 text", path.display());
            continue;
        };
        let facts: Vec<Fact> = ex.extract(&text);
        let mut seen_here: Vec<String> = Vec::new();
        for f in &facts {
            let key = f.key();
            let entry = index.entry(key.clone()).or_default();
            entry.citations += 1;
            total += 1;
            if !seen_here.contains(&key) {
                entry.articles += 1;
                seen_here.push(key);
            }
            if let Payload::Document(d) = f.payload() {
                if entry.issued_by.is_none() {
                    entry.issued_by.clone_from(&d.issued_by);
                }
            }
        }
    }

    println!(
        "{total} citations of {} documents in {} articles",
        index.len(),
        files.len()
    );
    let mut rows: Vec<(&String, &Entry)> = index.iter().collect();
    rows.sort_by(|a, b| b.1.citations.cmp(&a.1.citations).then(a.0.cmp(b.0)));
    println!("{:>9} {:>8}  document", "citations", "articles");
    for (key, e) in rows {
        let by = e
            .issued_by
            .as_deref()
            .map(|b| format!(" ({b})"))
            .unwrap_or_default();
        println!("{:>9} {:>8}  {key}{by}", e.citations, e.articles);
    }
}
