//! Extract facts from the bundled sample article, or from a file.
//!
//! ```text
//! cargo run --release --example extract            # the bundled sample
//! cargo run --release --example extract -- FILE    # a UTF-8 text file
//! ```

use vntext::Extractor;

const SAMPLE: &str = include_str!("../fixtures/sample-article.txt");

fn main() {
    let text = match std::env::args_os().nth(1) {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("cannot read {}: {e}", path.to_string_lossy());
                std::process::exit(1);
            }
        },
        None => SAMPLE.to_string(),
    };
    let facts = Extractor::new().extract(&text);
    println!("{} facts", facts.len());
    for f in &facts {
        let shown: String = f.text().split_whitespace().collect::<Vec<_>>().join(" ");
        println!(
            "{:>5}..{:<5} {:<10} {:<48} {}",
            f.start(),
            f.end(),
            f.kind(),
            shown,
            f.payload()
        );
    }
}
