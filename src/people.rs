//! Who is who: the people of one article, each with every title and every
//! mention.
//!
//! [`people`] merges the `person` facts of an article: a full name
//! (`đồng chí Ngô Văn Bình - Phó Bí thư Thường trực Quận ủy`), a later short
//! mention of the same person (`ông Bình`: the given name of exactly one full
//! name of the article), and a mention by title alone
//! (`đồng chí Phó Bí thư Thường trực Quận ủy`: resolved to the one person
//! holding that title in the article). A short or title-only mention that
//! fits no one, or more than one, stays an entry of its own.
//!
//! ```
//! let text = "Dự có đồng chí Ngô Văn Bình - Phó Bí thư Thường trực Quận ủy. \
//!             Phát biểu, đồng chí Phó Bí thư Thường trực Quận ủy biểu dương. \
//!             Ông Bình đề nghị tiếp tục.";
//! let facts = vntext::extract(text);
//! let people = vntext::people(&facts);
//! assert_eq!(people.len(), 1);
//! assert_eq!(people[0].name, "Ngô Văn Bình");
//! assert_eq!(people[0].titles, ["Phó Bí thư Thường trực Quận ủy"]);
//! assert_eq!(people[0].mentions.len(), 3);
//! ```

use crate::fact::Payload;
use crate::lexicon::chars::eq_word;
use crate::{Fact, Span};

/// One person of an article.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Entry {
    /// The fullest name written (empty when the person is known by a title
    /// only).
    pub name: String,
    /// Every title given, in order of first appearance, each once.
    pub titles: Vec<String>,
    /// The honorifics used, in order of first appearance, each once.
    pub honorifics: Vec<String>,
    /// The span of every mention, in text order (in the JSON:
    /// `[{"start", "end"}, …]`).
    #[cfg_attr(feature = "serde", serde(serialize_with = "spans_json"))]
    pub mentions: Vec<Span>,
}

#[cfg(feature = "serde")]
fn spans_json<S: serde::Serializer>(spans: &[Span], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::{SerializeMap, SerializeSeq};
    struct One(Span);
    impl serde::Serialize for One {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(Some(2))?;
            m.serialize_entry("start", &self.0.start)?;
            m.serialize_entry("end", &self.0.end)?;
            m.end()
        }
    }
    let mut seq = s.serialize_seq(Some(spans.len()))?;
    for &span in spans {
        seq.serialize_element(&One(span))?;
    }
    seq.end()
}

/// The people of an article from its facts (other kinds are ignored), in
/// order of first mention.
pub fn people(facts: &[Fact]) -> Vec<Entry> {
    let persons: Vec<(Span, &crate::fact::Person)> = facts
        .iter()
        .filter_map(|f| match f.payload() {
            Payload::Person(p) => Some((f.span(), p)),
            _ => None,
        })
        .collect();
    let mut entries: Vec<Entry> = Vec::new();
    // Full names first: two syllables or more.
    let syllables = |s: &str| s.split_whitespace().count();
    let mut owner: Vec<Option<usize>> = vec![None; persons.len()];
    for (n, (_, p)) in persons.iter().enumerate() {
        if syllables(&p.name) < 2 {
            continue;
        }
        let at = entries.iter().position(|e| eq_word(&e.name, &p.name));
        let idx = at.unwrap_or_else(|| {
            entries.push(Entry {
                name: p.name.clone(),
                titles: Vec::new(),
                honorifics: Vec::new(),
                mentions: Vec::new(),
            });
            entries.len() - 1
        });
        owner[n] = Some(idx);
        add_titles(&mut entries[idx], p);
    }
    // Short mentions: the given name of exactly one full name.
    for (n, (_, p)) in persons.iter().enumerate() {
        if owner[n].is_some() || p.name.is_empty() {
            continue;
        }
        let fits: Vec<usize> = (0..entries.len())
            .filter(|&e| {
                let full = &entries[e].name;
                full.rsplit(' ')
                    .next()
                    .is_some_and(|given| eq_word(given, &p.name))
            })
            .collect();
        if let [one] = fits[..] {
            owner[n] = Some(one);
        }
    }
    // Title-only mentions: the one person holding that title.
    for (n, (_, p)) in persons.iter().enumerate() {
        if owner[n].is_some() || !p.name.is_empty() || p.titles.is_empty() {
            continue;
        }
        let fits: Vec<usize> = (0..entries.len())
            .filter(|&e| {
                p.titles
                    .iter()
                    .all(|t| entries[e].titles.iter().any(|h| eq_word(h, t)))
            })
            .collect();
        if let [one] = fits[..] {
            owner[n] = Some(one);
        }
    }
    // Mentions that fit no one are entries of their own.
    for (n, (_, p)) in persons.iter().enumerate() {
        let idx = match owner[n] {
            Some(i) => i,
            None => {
                let at = entries.iter().position(|e| {
                    !e.name.is_empty() && eq_word(&e.name, &p.name) && !p.name.is_empty()
                });
                at.unwrap_or_else(|| {
                    entries.push(Entry {
                        name: p.name.clone(),
                        titles: Vec::new(),
                        honorifics: Vec::new(),
                        mentions: Vec::new(),
                    });
                    entries.len() - 1
                })
            }
        };
        owner[n] = Some(idx);
        add_titles(&mut entries[idx], p);
    }
    for (n, (span, p)) in persons.iter().enumerate() {
        if let Some(idx) = owner[n] {
            let e = &mut entries[idx];
            e.mentions.push(*span);
            if let Some(h) = &p.honorific {
                if !e.honorifics.iter().any(|x| eq_word(x, h)) {
                    e.honorifics.push(h.clone());
                }
            }
        }
    }
    entries.sort_by_key(|e| e.mentions.first().map_or(usize::MAX, |s| s.start));
    entries
}

fn add_titles(e: &mut Entry, p: &crate::fact::Person) {
    for t in &p.titles {
        if !e.titles.iter().any(|h| eq_word(h, t)) {
            e.titles.push(t.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_full_short_and_title_mentions() {
        let text = "Tới dự có đồng chí Lê Thị Hồng Nhung - UVTV, Trưởng Ban Tuyên giáo Quận ủy \
                    và ông Trần Văn Khải, Chủ tịch UBND quận. Bà Nhung phát biểu. \
                    Đồng chí Trưởng Ban Tuyên giáo Quận ủy đề nghị tiếp tục.";
        let facts = crate::extract(text);
        let people = people(&facts);
        assert_eq!(people.len(), 2, "{people:?}");
        assert_eq!(people[0].name, "Lê Thị Hồng Nhung");
        assert_eq!(people[0].titles, ["UVTV", "Trưởng Ban Tuyên giáo Quận ủy"]);
        assert_eq!(people[0].mentions.len(), 3);
        assert_eq!(people[0].honorifics, ["đồng chí", "Bà"]);
        assert_eq!(people[1].name, "Trần Văn Khải");
        assert_eq!(people[1].mentions.len(), 1);
    }

    #[test]
    fn ambiguous_short_mentions_stay_apart() {
        let text = "Ông Nguyễn Văn Hùng và ông Trần Quốc Hùng cùng dự. Ông Hùng cho biết.";
        let people = people(&crate::extract(text));
        assert_eq!(people.len(), 3, "{people:?}");
        assert_eq!(people[2].name, "Hùng");
    }
}
