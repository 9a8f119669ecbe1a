//! Self-contained HTML views of facts: one article with every fact
//! highlighted, and a summary of a whole annotation run.
//!
//! The pages need no network: styles are inline and there is no script. The
//! article text is HTML-escaped, so an article containing `<script>` renders
//! as text and runs nothing.
//!
//! ```
//! let text = "Tỷ lệ đạt trên 98% <script>alert(1)</script>";
//! let facts = vntext::extract(text);
//! let page = vntext::html::article_page("Ví dụ", text, &facts);
//! assert!(page.contains(r#"<mark class="f f-percentage""#));
//! assert!(page.contains("&lt;script&gt;"));
//! assert!(!page.contains("<script>"));
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use crate::fact::{Payload, Qualifier};
use crate::{Fact, Kind};

/// The colour of each kind's highlight, in [`Kind::ALL`] order.
const COLOURS: [&str; 8] = [
    "#ffe08a", "#ffc98f", "#a9d8ff", "#d6c6ff", "#b5efbd", "#9fe6da", "#ffc0d0", "#e6e69a",
];

fn colour(kind: Kind) -> &'static str {
    COLOURS[kind.index()]
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    escape_into(&mut out, s);
    out
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// The fields of a fact as `(name, value)` pairs, for display.
pub fn fields(payload: &Payload) -> Vec<(&'static str, String)> {
    fn num(v: f64) -> String {
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            format!("{}", v as i64)
        } else {
            format!("{v}")
        }
    }
    fn qual(out: &mut Vec<(&'static str, String)>, q: Option<Qualifier>) {
        if let Some(q) = q {
            out.push(("qualifier", q.as_str().to_string()));
        }
    }
    let mut out = Vec::new();
    match payload {
        Payload::Date(d) => {
            out.push(("value", d.value.to_string()));
            if let Some(t) = d.time {
                out.push(("time", t.to_string()));
            }
            if let Some(p) = d.part_of_day {
                out.push(("part_of_day", p.as_str().to_string()));
            }
            if d.calendar.is_some() {
                out.push(("calendar", "lunar".to_string()));
            }
            if d.inferred {
                out.push(("inferred", "true".to_string()));
            }
        }
        Payload::Period(p) => {
            out.push(("start_value", p.start_value.to_string()));
            out.push(("end_value", p.end_value.to_string()));
            out.push(("label", p.label.as_str().to_string()));
        }
        Payload::Person(p) => {
            out.push(("name", p.name.clone()));
            if let Some(h) = &p.honorific {
                out.push(("honorific", h.clone()));
            }
            if !p.titles.is_empty() {
                out.push(("titles", p.titles.join(" · ")));
            }
            if let Some(t) = &p.titles_expanded {
                out.push(("titles_expanded", t.join(" · ")));
            }
        }
        Payload::Document(d) => {
            out.push(("doc_type", d.doc_type.clone()));
            out.push(("number", d.number.clone()));
            for (k, v) in [
                ("symbol", &d.symbol),
                ("issuer_code", &d.issuer_code),
                ("issued_by", &d.issued_by),
                ("title", &d.title),
            ] {
                if let Some(v) = v {
                    out.push((k, v.clone()));
                }
            }
            if let Some(y) = d.year {
                out.push(("year", y.to_string()));
            }
        }
        Payload::Percentage(p) => {
            out.push(("value", num(p.value)));
            qual(&mut out, p.qualifier);
        }
        Payload::Ratio(r) => {
            out.push(("achieved", num(r.achieved)));
            out.push(("target", num(r.target)));
            out.push(("percent", num(r.percent)));
            if let Some(u) = &r.unit {
                out.push(("unit", u.clone()));
            }
        }
        Payload::Money(m) => {
            out.push(("value", num(m.value)));
            out.push(("currency", m.currency.clone()));
            qual(&mut out, m.qualifier);
        }
        Payload::Quantity(q) => {
            out.push(("value", num(q.value)));
            out.push(("unit", q.unit.clone()));
            qual(&mut out, q.qualifier);
        }
    }
    out
}

const STYLE: &str = r#"
:root { --ink: #1d232b; --muted: #5c6672; --line: #d8dde3; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: var(--ink); background: #f6f7f9; }
header { padding: 14px 24px; background: #fff; border-bottom: 1px solid var(--line); }
header h1 { margin: 0 0 6px; font-size: 20px; }
.legend { display: flex; flex-wrap: wrap; gap: 8px; margin: 0; padding: 0; list-style: none; font-size: 14px; }
.legend li { padding: 2px 8px; border-radius: 10px; border: 1px solid var(--line); }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(260px, 1.3fr); gap: 20px; padding: 20px 24px; }
article { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 18px 22px; white-space: pre-wrap; overflow-wrap: anywhere; }
aside { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; font-size: 14px; max-height: calc(100vh - 140px); overflow: auto; position: sticky; top: 12px; }
aside h2 { font-size: 15px; margin: 4px 0 8px; }
aside ol { margin: 0; padding-left: 22px; }
aside li { margin: 0 0 6px; }
aside a { color: inherit; text-decoration: none; }
aside a:hover, aside a:focus { text-decoration: underline; }
.k { display: inline-block; min-width: 74px; font-size: 12px; padding: 0 6px; border-radius: 8px; margin-right: 4px; }
.v { color: var(--muted); }
mark.f { position: relative; color: inherit; padding: 1px 2px; border-radius: 3px; outline-offset: 1px; }
mark.f mark.f { box-shadow: inset 0 -2px 0 rgba(0,0,0,.35); }
mark.f:focus { outline: 2px solid #2b6cb0; }
mark.f .tip { display: none; position: absolute; z-index: 10; left: 0; top: 100%; margin-top: 4px; min-width: 220px; max-width: 420px;
  background: #1d232b; color: #fff; font-size: 13px; line-height: 1.4; padding: 6px 8px; border-radius: 5px; white-space: normal; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
mark.f:hover > .tip, mark.f:focus > .tip { display: block; }
.tip b { color: #ffd866; font-weight: 600; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 14px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
section.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; margin-bottom: 18px; }
.bar { display: inline-block; height: 10px; border-radius: 3px; vertical-align: middle; }
@media (max-width: 800px) { main { grid-template-columns: 1fr; } aside { position: static; max-height: none; } }
"#;

fn page_start(out: &mut String, title: &str) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
    );
    escape_into(out, title);
    out.push_str("</title>\n<style>");
    out.push_str(STYLE);
    for k in Kind::ALL {
        let _ = writeln!(out, ".f-{k}, .k-{k} {{ background: {}; }}", colour(k));
    }
    out.push_str("</style>\n</head>\n<body>\n");
}

fn legend(out: &mut String, counts: &[usize; 8]) {
    out.push_str("<ul class=\"legend\">");
    for k in Kind::ALL {
        let _ = write!(
            out,
            "<li class=\"k-{k}\" data-kind=\"{k}\">{k} <b>{}</b></li>",
            counts[k.index()]
        );
    }
    out.push_str("</ul>\n");
}

/// One self-contained page: `text` with each fact highlighted in its kind's
/// colour (facts inside a person's title drawn nested), a legend with counts
/// per kind, and a side panel listing the facts. Hovering or focusing a
/// highlight shows its fields.
///
/// Facts whose spans are not on `char` boundaries of `text`, or that cross
/// another fact without nesting in it, are listed but not highlighted.
pub fn article_page(title: &str, text: &str, facts: &[Fact]) -> String {
    let mut out = String::with_capacity(text.len() * 2 + facts.len() * 300 + 4096);
    page_start(&mut out, title);
    let mut counts = [0usize; 8];
    for f in facts {
        counts[f.kind().index()] += 1;
    }
    out.push_str("<header>\n<h1>");
    escape_into(&mut out, title);
    let _ = writeln!(
        out,
        "</h1>\n<p class=\"v\" style=\"margin:0 0 6px\">{} facts</p>",
        facts.len()
    );
    legend(&mut out, &counts);
    out.push_str("</header>\n<main>\n<article id=\"text\">");
    article_body(&mut out, text, facts);
    out.push_str("</article>\n<aside>\n<h2>Facts</h2>\n<ol>\n");
    for (i, f) in facts.iter().enumerate() {
        let _ = write!(
            out,
            "<li><a href=\"#f{i}\"><span class=\"k k-{}\">{}</span> ",
            f.kind(),
            f.kind()
        );
        escape_into(&mut out, &one_line(f.text(), 80));
        out.push_str("</a><br><span class=\"v\">");
        escape_into(&mut out, &f.payload().to_string());
        out.push_str("</span></li>\n");
    }
    out.push_str("</ol>\n</aside>\n</main>\n</body>\n</html>\n");
    out
}

/// The article text with `<mark>`s, nested where one fact holds another.
fn article_body(out: &mut String, text: &str, facts: &[Fact]) {
    let mut order: Vec<usize> = (0..facts.len())
        .filter(|&i| {
            let s = facts[i].span();
            s.start < s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        })
        .collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (facts[a].span(), facts[b].span());
        x.start.cmp(&y.start).then(y.end.cmp(&x.end))
    });
    let mut pos = 0;
    let mut open: Vec<usize> = Vec::new(); // ends of open marks
    for i in order {
        let f = &facts[i];
        let span = f.span();
        // Close marks that end before this fact starts.
        while let Some(&end) = open.last() {
            if end <= span.start {
                escape_into(out, &text[pos..end]);
                pos = end;
                out.push_str("</mark>");
                open.pop();
            } else {
                break;
            }
        }
        if span.start < pos || open.last().is_some_and(|&end| span.end > end) {
            continue; // crosses a fact it does not nest in: listed only
        }
        escape_into(out, &text[pos..span.start]);
        pos = span.start;
        let _ = write!(
            out,
            "<mark class=\"f f-{k}\" id=\"f{i}\" tabindex=\"0\" data-kind=\"{k}\" data-start=\"{}\" data-end=\"{}\">",
            span.start,
            span.end,
            k = f.kind()
        );
        open.push(span.end);
        // The tooltip first, so the mark's text stays contiguous after it.
        out.push_str("<span class=\"tip\" role=\"tooltip\"><b>");
        out.push_str(f.kind().as_str());
        out.push_str("</b>");
        for (k, v) in fields(f.payload()) {
            out.push_str("<br>");
            out.push_str(k);
            out.push_str(": ");
            escape_into(out, &v);
        }
        out.push_str("</span>");
    }
    while let Some(end) = open.pop() {
        escape_into(out, &text[pos..end]);
        pos = end;
        out.push_str("</mark>");
    }
    escape_into(out, &text[pos..]);
}

fn one_line(s: &str, max: usize) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.chars().count() > max {
        let mut t: String = joined.chars().take(max - 1).collect();
        t.push('…');
        t
    } else {
        joined
    }
}

/// A summary of a whole annotation run, built one record at a time: facts
/// per kind, the most cited documents, the people with most mentions and
/// their titles, dates over time, and one row per article.
///
/// ```
/// use vntext::html::Report;
///
/// let mut report = Report::new();
/// let facts = vntext::extract("Số hộ nghèo giảm 2,5% trong năm.");
/// report.add("bai-1", &facts, None, Some("bai-1.html"));
/// report.add_error("bai-2", "invalid JSON");
/// let page = report.page("Annotation run");
/// assert!(page.contains("bai-1.html"));
/// assert!(page.contains("invalid JSON"));
/// ```
#[derive(Debug, Default)]
pub struct Report {
    records: usize,
    errors: usize,
    counts: [usize; 8],
    documents: HashMap<String, (usize, String)>,
    people: HashMap<String, Mention>,
    years: BTreeMap<i32, usize>,
    rows: Vec<Row>,
    rows_left_out: usize,
}

#[derive(Debug, Default)]
struct Mention {
    name: String,
    count: usize,
    titles: Vec<String>,
}

#[derive(Debug)]
struct Row {
    id: String,
    counts: [usize; 8],
    error: Option<String>,
    link: Option<String>,
}

/// Article rows kept in the report; the rest are counted.
const MAX_ROWS: usize = 2000;

impl Report {
    /// An empty report.
    pub fn new() -> Report {
        Report::default()
    }

    /// Adds one annotated article. `link` is the URL of its article view,
    /// if one was written.
    pub fn add(&mut self, id: &str, facts: &[Fact], error: Option<&str>, link: Option<&str>) {
        self.records += 1;
        let mut counts = [0usize; 8];
        for f in facts {
            counts[f.kind().index()] += 1;
            match f.payload() {
                Payload::Document(d) => {
                    let e = self.documents.entry(f.key()).or_insert((0, String::new()));
                    e.0 += 1;
                    if e.1.is_empty() {
                        e.1 = match &d.issued_by {
                            Some(b) => format!("{} — {b}", one_line(f.text(), 60)),
                            None => one_line(f.text(), 60),
                        };
                    }
                }
                Payload::Person(p) if !p.name.is_empty() => {
                    let m = self.people.entry(p.name.to_lowercase()).or_default();
                    if m.name.is_empty() {
                        m.name = p.name.clone();
                    }
                    m.count += 1;
                    for t in &p.titles {
                        if m.titles.len() < 8 && !m.titles.iter().any(|x| x.eq_ignore_ascii_case(t))
                        {
                            m.titles.push(t.clone());
                        }
                    }
                }
                Payload::Date(d) => {
                    if let Some(y) = d.value.year() {
                        *self.years.entry(y).or_default() += 1;
                    }
                }
                _ => {}
            }
        }
        for (a, b) in self.counts.iter_mut().zip(counts) {
            *a += b;
        }
        if error.is_some() {
            self.errors += 1;
        }
        if self.rows.len() < MAX_ROWS {
            self.rows.push(Row {
                id: id.to_string(),
                counts,
                error: error.map(str::to_string),
                link: link.map(str::to_string),
            });
        } else {
            self.rows_left_out += 1;
        }
    }

    /// Adds an error record of the run.
    pub fn add_error(&mut self, id: &str, error: &str) {
        self.add(id, &[], Some(error), None);
    }

    /// The report as one self-contained page.
    pub fn page(&self, title: &str) -> String {
        let mut out = String::with_capacity(64 * 1024);
        page_start(&mut out, title);
        out.push_str("<header>\n<h1>");
        escape_into(&mut out, title);
        let _ = writeln!(
            out,
            "</h1>\n<p class=\"v\" style=\"margin:0 0 6px\">{} records, {} errors, {} facts</p>",
            self.records,
            self.errors,
            self.counts.iter().sum::<usize>()
        );
        legend(&mut out, &self.counts);
        out.push_str("</header>\n<div style=\"padding:20px 24px;max-width:1200px\">\n");

        // Facts per kind.
        out.push_str("<section class=\"card\" id=\"kinds\"><h2>Facts per kind</h2><table>");
        let most = self.counts.iter().copied().max().unwrap_or(0).max(1);
        for k in Kind::ALL {
            let n = self.counts[k.index()];
            let _ = write!(
                out,
                "<tr><td><span class=\"k k-{k}\">{k}</span></td><td>{n}</td><td style=\"width:60%\"><span class=\"bar k-{k}\" style=\"width:{:.1}%\"></span></td></tr>",
                n as f64 * 100.0 / most as f64
            );
        }
        out.push_str("</table></section>\n");

        // Most cited documents.
        let mut docs: Vec<_> = self.documents.iter().collect();
        docs.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        out.push_str("<section class=\"card\" id=\"documents\"><h2>Most cited documents</h2><table><tr><th>document</th><th>citations</th><th>as written</th></tr>");
        for (key, (n, example)) in docs.iter().take(25) {
            out.push_str("<tr><td>");
            escape_into(&mut out, key);
            let _ = write!(out, "</td><td>{n}</td><td class=\"v\">");
            escape_into(&mut out, example);
            out.push_str("</td></tr>");
        }
        out.push_str("</table></section>\n");

        // People.
        let mut people: Vec<_> = self.people.values().collect();
        people.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
        out.push_str("<section class=\"card\" id=\"people\"><h2>People with most mentions</h2><table><tr><th>name</th><th>mentions</th><th>titles</th></tr>");
        for m in people.iter().take(25) {
            out.push_str("<tr><td>");
            escape_into(&mut out, &m.name);
            let _ = write!(out, "</td><td>{}</td><td class=\"v\">", m.count);
            escape_into(&mut out, &m.titles.join(" · "));
            out.push_str("</td></tr>");
        }
        out.push_str("</table></section>\n");

        // Dates over time.
        out.push_str("<section class=\"card\" id=\"dates\"><h2>Dates over time</h2>");
        out.push_str(&histogram(&self.years));
        out.push_str("</section>\n");

        // Articles.
        out.push_str(
            "<section class=\"card\" id=\"articles\"><h2>Articles</h2><table><tr><th>id</th>",
        );
        for k in Kind::ALL {
            let _ = write!(out, "<th>{k}</th>");
        }
        out.push_str("</tr>");
        for r in &self.rows {
            out.push_str("<tr><td>");
            match &r.link {
                Some(l) => {
                    out.push_str("<a href=\"");
                    escape_into(&mut out, l);
                    out.push_str("\">");
                    escape_into(&mut out, &r.id);
                    out.push_str("</a>");
                }
                None => escape_into(&mut out, &r.id),
            }
            if let Some(e) = &r.error {
                out.push_str(" <span class=\"v\">error: ");
                escape_into(&mut out, e);
                out.push_str("</span>");
            }
            out.push_str("</td>");
            for n in r.counts {
                let _ = write!(out, "<td>{n}</td>");
            }
            out.push_str("</tr>");
        }
        out.push_str("</table>");
        if self.rows_left_out > 0 {
            let _ = write!(
                out,
                "<p class=\"v\">… and {} more articles.</p>",
                self.rows_left_out
            );
        }
        out.push_str("</section>\n</div>\n</body>\n</html>\n");
        out
    }
}

/// A bar chart of fact counts per year, as inline SVG.
fn histogram(years: &BTreeMap<i32, usize>) -> String {
    if years.is_empty() {
        return "<p class=\"v\">No dated facts.</p>".to_string();
    }
    // Bound the chart to the 60 most recent years that occur.
    let shown: Vec<(i32, usize)> = years
        .iter()
        .rev()
        .take(60)
        .map(|(y, n)| (*y, *n))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let max = shown.iter().map(|x| x.1).max().unwrap_or(1).max(1);
    let (bw, gap, h) = (22, 6, 160);
    let width = shown.len() * (bw + gap) + gap;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"dated facts per year\" width=\"{width}\" height=\"{}\" viewBox=\"0 0 {width} {}\">",
        h + 40,
        h + 40
    );
    for (i, (year, n)) in shown.iter().enumerate() {
        let bh = (*n as f64 / max as f64 * h as f64).round().max(1.0) as usize;
        let x = gap + i * (bw + gap);
        let _ = write!(
            svg,
            "<rect x=\"{x}\" y=\"{}\" width=\"{bw}\" height=\"{bh}\" fill=\"{}\"><title>{year}: {n}</title></rect><text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\">{n}</text><text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\">{year}</text>",
            h - bh + 14,
            colour(Kind::Date),
            x + bw / 2,
            h - bh + 11,
            x + bw / 2,
            h + 28
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::{Percentage, Person};
    use crate::Span;

    #[test]
    fn nested_facts_are_drawn_nested() {
        let text = "ông A, Bí thư khóa 2020 nói";
        let person = Fact::new(
            Span::new(0, 23),
            &text[0..23],
            Payload::Person(Person::new("A")),
        );
        let inner = Fact::new(
            Span::new(19, 23),
            "2020",
            Payload::Percentage(Percentage::new(1.0)),
        );
        let page = article_page("t", text, &[person, inner]);
        let body = &page[page.find("<article").unwrap()..page.find("</article>").unwrap()];
        let outer_open = body.find("id=\"f0\"").unwrap();
        let inner_open = body.find("id=\"f1\"").unwrap();
        let first_close = body.find("</mark>").unwrap();
        assert!(outer_open < inner_open && inner_open < first_close);
        assert_eq!(body.matches("</mark>").count(), 2);
        assert!(body.ends_with(" nói"));
    }

    #[test]
    fn escaping() {
        assert_eq!(
            escape("<a href=\"x\">&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
        let text = "</span><script>x</script> đạt 5%";
        let page = article_page("<b>t</b>", text, &crate::extract(text));
        assert!(!page.contains("<script>") && !page.contains("<b>t</b>"));
        assert!(page.contains("&lt;/span&gt;&lt;script&gt;"));
    }

    #[test]
    fn crossing_facts_are_listed_not_highlighted() {
        let text = "abcdefghij";
        let a = Fact::new(
            Span::new(0, 5),
            "abcde",
            Payload::Percentage(Percentage::new(1.0)),
        );
        let b = Fact::new(
            Span::new(3, 8),
            "defgh",
            Payload::Percentage(Percentage::new(2.0)),
        );
        let page = article_page("t", text, &[a, b]);
        assert_eq!(page.matches("<mark").count(), 1);
        assert!(page.contains("href=\"#f1\""));
    }
}
