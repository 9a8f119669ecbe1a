//! Writes the HTML view of the bundled sample article (or of a file) to
//! `article.html`, or to the path given second.
//!
//! ```text
//! cargo run --release --example html_view                      # sample → article.html
//! cargo run --release --example html_view -- FILE out.html
//! ```

const SAMPLE: &str = include_str!("../fixtures/sample-article.txt");

fn main() {
    let mut args = std::env::args_os().skip(1);
    let (title, text) = match args.next() {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(t) => (path.to_string_lossy().into_owned(), t),
            Err(e) => {
                eprintln!("cannot read {}: {e}", path.to_string_lossy());
                std::process::exit(1);
            }
        },
        None => ("sample-article.txt".to_string(), SAMPLE.to_string()),
    };
    let out = args
        .next()
        .map_or_else(|| "article.html".into(), std::path::PathBuf::from);
    let facts = vntext::extract(&text);
    let page = vntext::html::article_page(&title, &text, &facts);
    if let Err(e) = std::fs::write(&out, page) {
        eprintln!("cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
    println!("{} facts → {}", facts.len(), out.display());
}
