//! The HTML view as a person sees it: rendered by headless Chromium when it
//! is installed (Debian's `chromium`), skipped with a message otherwise.

use std::path::{Path, PathBuf};
use std::process::Command;

use vntext::{html, Extractor};

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|d| d.join(name))
                    .find(|p| p.is_file())
            })
        })
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("vntext-html-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Runs headless Chromium on `page` with `extra` arguments; returns stdout.
fn run_chromium(bin: &Path, dir: &Path, page: &Path, extra: &[String]) -> String {
    let profile = dir.join(format!("profile-{}", extra.len()));
    let out = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn sample_page_renders_with_every_fact_highlighted() {
    let Some(bin) = chromium() else {
        eprintln!("skipping: chromium is not installed (apt install chromium)");
        return;
    };
    let dir = tmpdir("sample");
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/sample-article.txt"),
    )
    .unwrap();
    let facts = Extractor::new().extract(&text);
    assert!(!facts.is_empty());
    let page = dir.join("article.html");
    std::fs::write(&page, html::article_page("sample", &text, &facts)).unwrap();

    // A screenshot that is not blank: many colours, not all one.
    let shot = dir.join("shot.png");
    run_chromium(
        &bin,
        &dir,
        &page,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,900".into(),
        ],
    );
    let decoder = png::Decoder::new(std::fs::File::open(&shot).expect("screenshot written"));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let bytes = &buf[..info.buffer_size()];
    let px = info.color_type.samples();
    let mut colours = std::collections::HashSet::new();
    for p in bytes.chunks(px) {
        colours.insert(p[..3.min(px)].to_vec());
        if colours.len() > 50 {
            break;
        }
    }
    assert!(
        colours.len() > 50,
        "screenshot looks blank: {} colours",
        colours.len()
    );
    // Highlight colours of the kinds present appear on screen.
    let percentage_colour = [0xb5u8, 0xef, 0xbd];
    assert!(
        bytes.chunks(px).any(|p| p[..3] == percentage_colour),
        "no percentage highlight in the screenshot"
    );

    // The DOM as Chromium built it: each fact is a highlighted element of
    // its kind, over its span.
    let dom = run_chromium(&bin, &dir, &page, &["--dump-dom".into()]);
    for (i, f) in facts.iter().enumerate() {
        let needle = format!(
            "<mark class=\"f f-{k}\" id=\"f{i}\" tabindex=\"0\" data-kind=\"{k}\" data-start=\"{}\" data-end=\"{}\">",
            f.start(),
            f.end(),
            k = f.kind()
        );
        assert!(
            dom.contains(&needle),
            "fact {i} ({} {:?}) is not highlighted",
            f.kind(),
            f.text()
        );
    }
}

#[test]
fn hostile_article_runs_nothing() {
    let Some(bin) = chromium() else {
        eprintln!("skipping: chromium is not installed (apt install chromium)");
        return;
    };
    let dir = tmpdir("hostile");
    let text = "Tăng 5% </span></mark><script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">";
    let facts = vntext::extract(text);
    let page = dir.join("hostile.html");
    std::fs::write(&page, html::article_page("safe", text, &facts)).unwrap();
    let dom = run_chromium(&bin, &dir, &page, &["--dump-dom".into()]);
    assert!(dom.contains("<title>safe</title>"), "title changed");
    assert!(!dom.contains("<script"), "a script element was created");
    assert!(!dom.contains("<img"), "an img element was created");
    assert!(dom.contains("&lt;script&gt;"));
}
