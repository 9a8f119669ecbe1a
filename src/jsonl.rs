//! The JSON Lines record handler behind `vntext annotate` (feature `cli`).
//!
//! Each input line is one JSON object with an id and a text; each output line
//! is `{"id", "facts": [...]}`, or `{"id", "line", "error"}` when the input
//! line cannot be annotated. The handler never panics and never drops a line.
//!
//! ```
//! use vntext::jsonl::{annotate_line, LineConfig, Outcome};
//! use vntext::Extractor;
//!
//! let ex = Extractor::new();
//! let cfg = LineConfig::default();
//! let mut out = Vec::new();
//! let outcome = annotate_line(&ex, &cfg, 1, r#"{"id": 7, "text": "đạt 98%"}"#.as_bytes(), &mut out);
//! assert_eq!(outcome.facts(), 1);
//! assert!(matches!(outcome, Outcome::Annotated { .. }));
//! let line = String::from_utf8(out).unwrap();
//! assert!(line.starts_with(r#"{"id":7,"facts":[{"kind":"percentage""#));
//! assert!(line.ends_with("\"schema\":\"vntext/1\"}\n"));
//!
//! let mut out = Vec::new();
//! let outcome = annotate_line(&ex, &cfg, 2, b"not json", &mut out);
//! assert_eq!(outcome, Outcome::Error);
//! assert!(String::from_utf8(out).unwrap().starts_with(r#"{"id":null,"line":2,"error":"#));
//! ```

use std::borrow::Cow;

use serde_json::Value;

use crate::{DocOptions, Extractor, PartialDate};

/// How records are read and written.
#[derive(Clone, Debug)]
pub struct LineConfig {
    /// The field holding the text (default `text`).
    pub text_field: String,
    /// The field holding the id (default `id`).
    pub id_field: String,
    /// Records longer than this many bytes are error records (default 16 MiB).
    pub max_bytes: usize,
    /// Resolve relative dates against this date unless the record has its
    /// own `reference_date` field.
    pub reference_date: Option<PartialDate>,
    /// Copy the record's other fields into the output line.
    pub keep: bool,
    /// Decode invalid UTF-8 lossily instead of writing an error record.
    pub lossy: bool,
    /// Add the normalised text as `normalized`.
    pub normalized: bool,
}

impl Default for LineConfig {
    fn default() -> LineConfig {
        LineConfig {
            text_field: "text".to_string(),
            id_field: "id".to_string(),
            max_bytes: 16 << 20,
            reference_date: None,
            keep: false,
            lossy: false,
            normalized: false,
        }
    }
}

/// The version of the output record format, written as `"schema"` in every
/// output line. It changes only when a line's shape changes incompatibly.
pub const SCHEMA: &str = "vntext/1";

/// What happened to one record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Facts were written.
    Annotated {
        /// How many facts of each kind, indexed like [`Kind::ALL`](crate::Kind::ALL).
        by_kind: [usize; 8],
    },
    /// An error record was written in the line's place.
    Error,
}

impl Outcome {
    /// Number of facts written (0 for an error record).
    pub fn facts(&self) -> usize {
        match self {
            Outcome::Annotated { by_kind } => by_kind.iter().sum(),
            Outcome::Error => 0,
        }
    }
}

/// Annotates one input line (without its newline; a trailing `\r` is
/// ignored) and appends one output line, newline included, to `out`.
/// `line_no` is 1-based and appears in error records.
pub fn annotate_line(
    ex: &Extractor,
    cfg: &LineConfig,
    line_no: u64,
    line: &[u8],
    out: &mut Vec<u8>,
) -> Outcome {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    match annotate(ex, cfg, line, out) {
        Ok(by_kind) => Outcome::Annotated { by_kind },
        Err((id, msg)) => {
            write_error(out, &id, line_no, &msg);
            Outcome::Error
        }
    }
}

/// Annotates a text that did not come as JSON (a file of `vntext annotate
/// --files`), under the given id, and appends one output line to `out`.
pub fn annotate_text(
    ex: &Extractor,
    cfg: &LineConfig,
    id: &Value,
    text: &str,
    out: &mut Vec<u8>,
) -> Outcome {
    let opts = match cfg.reference_date {
        Some(d) => DocOptions::new().reference_date(d),
        None => DocOptions::new(),
    };
    let by_kind = write_record(ex, cfg, id, text, &opts, None, out);
    Outcome::Annotated { by_kind }
}

/// Writes `{"id": …, "line": N, "error": "…", "schema": "vntext/1"}` and a
/// newline.
pub fn write_error(out: &mut Vec<u8>, id: &Value, line_no: u64, msg: &str) {
    let rec = serde_json::json!({ "id": id, "line": line_no, "error": msg, "schema": SCHEMA });
    // Writing a Value to a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, &PreserveOrder(&rec));
    out.push(b'\n');
}

/// Serialises the error record with keys in the order id, line, error.
struct PreserveOrder<'a>(&'a Value);

impl serde::Serialize for PreserveOrder<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(4))?;
        for key in ["id", "line", "error", "schema"] {
            m.serialize_entry(key, &self.0[key])?;
        }
        m.end()
    }
}

type LineError = (Value, String);

fn annotate(
    ex: &Extractor,
    cfg: &LineConfig,
    line: &[u8],
    out: &mut Vec<u8>,
) -> Result<[usize; 8], LineError> {
    if line.len() > cfg.max_bytes {
        return Err((
            Value::Null,
            format!(
                "record of {} bytes is over the limit of {} bytes (--max-bytes)",
                line.len(),
                cfg.max_bytes
            ),
        ));
    }
    if line.iter().all(u8::is_ascii_whitespace) {
        return Err((Value::Null, "empty line".to_string()));
    }
    // Valid UTF-8, checked with SIMD, is read as a &str, whose strings
    // serde_json need not check again; a line that is not goes the slow
    // way below, which finds the same errors as ever. serde_json's errors
    // are the same whether it reads a &str or the same bytes.
    let valid = simdutf8::basic::from_utf8(line).ok();
    // The common record, read without building it as a Value: its text is
    // borrowed from the line when it has no escapes. Anything else (a
    // field that is not what annotation wants, a syntax error, `--keep`)
    // goes the general way below, which gives the same answer.
    if let Some(fields) = valid.and_then(|s| fast_fields(s, cfg)) {
        let opts =
            doc_options(cfg, fields.reference_date.as_ref()).map_err(|e| (fields.id.clone(), e))?;
        return Ok(write_record(
            ex,
            cfg,
            &fields.id,
            &fields.text,
            &opts,
            None,
            out,
        ));
    }
    let parsed = match valid {
        Some(s) => serde_json::from_str(s),
        None => serde_json::from_slice(line),
    };
    let value: Value = match parsed {
        Ok(v) => v,
        Err(json_err) => match std::str::from_utf8(line) {
            Ok(_) => return Err((Value::Null, format!("invalid JSON: {json_err}"))),
            Err(_) if cfg.lossy => serde_json::from_str(&String::from_utf8_lossy(line))
                .map_err(|e| (Value::Null, format!("invalid JSON: {e}")))?,
            Err(e) => {
                return Err((
                    Value::Null,
                    format!("invalid UTF-8 at byte {}", e.valid_up_to()),
                ))
            }
        },
    };
    let Value::Object(mut obj) = value else {
        return Err((Value::Null, "not a JSON object".to_string()));
    };
    let id = obj.remove(&cfg.id_field).unwrap_or(Value::Null);
    let body = match obj.remove(&cfg.text_field) {
        Some(Value::String(s)) => s,
        Some(_) => return Err((id, format!("field {:?} is not a string", cfg.text_field))),
        None => return Err((id, format!("no {:?} field", cfg.text_field))),
    };
    let opts = match doc_options(cfg, obj.get("reference_date")) {
        Ok(opts) => opts,
        Err(e) => return Err((id, e)),
    };
    Ok(write_record(ex, cfg, &id, &body, &opts, Some(&obj), out))
}

/// The options of a record with the given `reference_date` field.
fn doc_options(cfg: &LineConfig, reference_date: Option<&Value>) -> Result<DocOptions, String> {
    let mut opts = DocOptions::new();
    if let Some(d) = cfg.reference_date {
        opts = opts.reference_date(d);
    }
    match reference_date {
        Some(Value::String(s)) => match s.parse::<PartialDate>() {
            Ok(d) => opts = opts.reference_date(d),
            Err(e) => return Err(format!("field \"reference_date\": {e}")),
        },
        Some(Value::Null) | None => {}
        Some(_) => return Err("field \"reference_date\" is not a string".to_string()),
    }
    Ok(opts)
}

/// What annotation reads of a record: its id, its text and its
/// `reference_date`, each the last of its name as in a parsed object.
struct Fields<'a> {
    id: Value,
    text: Cow<'a, str>,
    reference_date: Option<Value>,
}

/// The fields of the JSON object `line`, when it is one whose text field is
/// a string and `--keep` is off; `None` sends the line the general way.
/// Other fields are parsed as `Value`s all the same, so that exactly the
/// lines the general way accepts are accepted.
fn fast_fields<'a>(line: &'a str, cfg: &LineConfig) -> Option<Fields<'a>> {
    let names_apart = cfg.id_field != cfg.text_field
        && cfg.id_field != "reference_date"
        && cfg.text_field != "reference_date";
    if cfg.keep || !names_apart {
        return None;
    }
    let mut de = serde_json::Deserializer::from_str(line);
    let seed = FieldsSeed {
        id_field: &cfg.id_field,
        text_field: &cfg.text_field,
    };
    let (id, text, reference_date) = serde::de::DeserializeSeed::deserialize(seed, &mut de).ok()?;
    de.end().ok()?;
    Some(Fields {
        id: id.unwrap_or(Value::Null),
        text: text?,
        reference_date,
    })
}

/// Reads an object's id, text and `reference_date` (see [`fast_fields`]).
struct FieldsSeed<'c> {
    id_field: &'c str,
    text_field: &'c str,
}

type RawFields<'a> = (Option<Value>, Option<Cow<'a, str>>, Option<Value>);

impl<'de> serde::de::DeserializeSeed<'de> for FieldsSeed<'_> {
    type Value = RawFields<'de>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<RawFields<'de>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for FieldsSeed<'_> {
    type Value = RawFields<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> Result<RawFields<'de>, A::Error> {
        let (mut id, mut text, mut reference_date) = (None, None, None);
        while let Some(key) = map.next_key::<String>()? {
            if key == self.text_field {
                text = Some(map.next_value_seed(TextSeed)?);
            } else if key == self.id_field {
                id = Some(map.next_value::<Value>()?);
            } else if key == "reference_date" {
                reference_date = Some(map.next_value::<Value>()?);
            } else {
                map.next_value::<Value>()?;
            }
        }
        Ok((id, text, reference_date))
    }
}

/// A string, borrowed from the input when it holds no escapes; any other
/// value is an error.
struct TextSeed;

impl<'de> serde::de::DeserializeSeed<'de> for TextSeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> serde::de::Visitor<'de> for TextSeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v))
    }
}

/// Extracts the facts of `text` and writes the output line; returns the
/// number of facts of each kind.
fn write_record(
    ex: &Extractor,
    cfg: &LineConfig,
    id: &Value,
    text: &str,
    opts: &DocOptions,
    rest: Option<&serde_json::Map<String, Value>>,
    out: &mut Vec<u8>,
) -> [usize; 8] {
    let mut by_kind = [0usize; 8];
    // Writing to a Vec cannot fail; serialising our own types cannot either.
    out.extend_from_slice(b"{\"id\":");
    let _ = serde_json::to_writer(&mut *out, id);
    out.extend_from_slice(b",\"facts\":[");
    // Facts are written as they are found, never all held at once.
    let mut first = true;
    ex.for_each_fact(text, opts, |f| {
        if !first {
            out.push(b',');
        }
        first = false;
        if let Some(i) = crate::Kind::ALL.iter().position(|k| *k == f.kind()) {
            by_kind[i] += 1;
        }
        let _ = serde_json::to_writer(&mut *out, &f);
    });
    out.push(b']');
    let _ = (|| -> serde_json::Result<()> {
        if cfg.normalized {
            out.extend_from_slice(b",\"normalized\":");
            serde_json::to_writer(&mut *out, crate::normalize::normalize(text).as_str())?;
        }
        if let (true, Some(rest)) = (cfg.keep, rest) {
            for (k, v) in rest {
                if matches!(k.as_str(), "facts" | "normalized" | "schema") {
                    continue;
                }
                out.push(b',');
                serde_json::to_writer(&mut *out, k)?;
                out.push(b':');
                serde_json::to_writer(&mut *out, v)?;
            }
        }
        out.extend_from_slice(b",\"schema\":\"");
        out.extend_from_slice(SCHEMA.as_bytes());
        out.extend_from_slice(b"\"}\n");
        Ok(())
    })();
    by_kind
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `fast_fields` accepts a line only when the general way, parsing a
    /// `Value`, accepts it with a string text, and then reads the same id,
    /// text and `reference_date`; it may refuse lines the general way takes.
    #[test]
    fn fast_fields_agree_with_values() {
        let cfg = LineConfig::default();
        let lines = [
            r#"{"id": 1, "text": "a"}"#,
            r#"{"id": 1, "id": 2, "text": "a", "text": "b\"c"}"#,
            r#"{"te\u0078t": "a", "id": [1, {"x": null}]}"#,
            r#"{"id": 3, "text": 5, "text": "ok"}"#,
            r#"{"id": 4, "text": "ok", "text": null}"#,
            r#"{"id": 5, "text": "x", "reference_date": "2023-03-10", "reference_date": 7}"#,
            r#"{"id": 6, "text": "x", "n": 1e400}"#,
            r#"{"id": 7, "text": "x"} 1"#,
            r#"{"id": 8, "text": "x""#,
            r#"[1, 2]"#,
            r#"{"text": "\ud800"}"#,
            r#"{"text": "\ud83d\ude00", "other": {"deep": [1, 2.5, true]}}"#,
            r#"{"id": 9}"#,
        ];
        for line in lines {
            let fast = fast_fields(line, &cfg);
            let slow = serde_json::from_str::<Value>(line)
                .ok()
                .and_then(|v| match v {
                    Value::Object(mut obj) => {
                        let id = obj.remove("id").unwrap_or(Value::Null);
                        let text = match obj.remove("text") {
                            Some(Value::String(s)) => s,
                            _ => return None,
                        };
                        Some((id, text, obj.remove("reference_date")))
                    }
                    _ => None,
                });
            match (fast, slow) {
                (Some(f), Some((id, text, rd))) => {
                    assert_eq!(f.id, id, "{line}");
                    assert_eq!(f.text, text, "{line}");
                    assert_eq!(f.reference_date, rd, "{line}");
                }
                // Refusing is always safe: the general way takes the line.
                (None, _) => {}
                (Some(_), None) => panic!("{line}: read fast, refused by the general way"),
            }
        }
        let keep = LineConfig {
            keep: true,
            ..LineConfig::default()
        };
        assert!(fast_fields(r#"{"id": 1, "text": "a"}"#, &keep).is_none());
    }
}
