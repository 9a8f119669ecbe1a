//! The clean-up pass: spaces, zero-width marks, line ends, dashes, quotes,
//! the ellipsis and the `Ð` look-alike.
//!
//! One scan over the bytes: a 256-entry table says which bytes can start
//! something to change (`\r`, space, tab, and the lead bytes `C2 C3 E2 E3
//! EF` of the characters concerned); everything else is skipped a byte at a
//! time without decoding.

use std::sync::LazyLock;

use memchr::{memchr3, memmem};

use super::{Builder, OffsetMap, Options};

/// What the clean-up pass writes for one character, if it changes it.
#[inline]
pub(crate) fn cleanup_char(c: char, opts: &Options) -> Option<&'static str> {
    match c {
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
            if opts.spaces =>
        {
            Some(" ")
        }
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' if opts.spaces => Some(""),
        '\u{2012}'..='\u{2015}' | '\u{2212}' if opts.dashes => Some("-"),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' if opts.quotes => Some("\""),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' if opts.quotes => Some("'"),
        '\u{2026}' if opts.ellipsis => Some("..."),
        '\u{00D0}' if opts.lookalikes => Some("Đ"),
        '\u{00F0}' if opts.lookalikes => Some("đ"),
        _ => None,
    }
}

/// Whether any clean-up step is on.
pub(crate) fn enabled(opts: &Options) -> bool {
    opts.spaces
        || opts.collapse_spaces
        || opts.newlines
        || opts.dashes
        || opts.quotes
        || opts.ellipsis
        || opts.lookalikes
}

/// Bytes that may start a change: 1 = `\r`, 2 = space or tab, 3 = a lead
/// byte of a character the pass may change.
const fn special() -> [u8; 256] {
    let mut t = [0u8; 256];
    t[b'\r' as usize] = 1;
    t[b' ' as usize] = 2;
    t[b'\t' as usize] = 2;
    t[0xC2] = 3;
    t[0xC3] = 3;
    t[0xE2] = 3;
    t[0xE3] = 3;
    t[0xEF] = 3;
    t
}

static SPECIAL: [u8; 256] = special();

/// The char at byte `i` (a boundary) of `text`.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Where the run of spaces and removable marks starting at `i` ends, how
/// many spaces it holds, and whether it is one plain space.
fn space_run(text: &str, i: usize, opts: &Options) -> (usize, usize, bool) {
    let b = text.as_bytes();
    let mut j = i;
    let mut spaces = 0;
    let mut plain = true;
    while j < b.len() {
        match b[j] {
            b' ' => {
                spaces += 1;
                j += 1;
            }
            b'\t' => {
                spaces += 1;
                plain = false;
                j += 1;
            }
            x if x < 0x80 => break,
            _ => {
                let Some(c) = char_at(text, j) else { break };
                match cleanup_char(c, opts) {
                    Some(" ") => spaces += 1,
                    Some("") => {}
                    _ => break,
                }
                plain = false;
                j += c.len_utf8();
            }
        }
    }
    (j, spaces, plain && spaces == 1)
}

/// Cleans `text` up, or `None` when nothing changes.
pub(crate) fn pass(text: &str, opts: &Options) -> Option<(String, OffsetMap)> {
    let b = text.as_bytes();
    let mut out: Option<Builder> = None;
    let mut i = 0;
    let n = b.len();
    let mut skip = Skip::new();
    while i < n {
        // Jump over the bytes the steps below would pass unchanged, found
        // with memchr instead of one table lookup and branch per byte.
        i = skip.next(b, i);
        if i >= n {
            break;
        }
        let kind = SPECIAL[b[i] as usize];
        if kind == 0 {
            i += 1;
            continue;
        }
        match kind {
            1 => {
                if opts.newlines {
                    let end = if b.get(i + 1) == Some(&b'\n') {
                        i + 2
                    } else {
                        i + 1
                    };
                    builder(&mut out, n).replace(text, i, end, "\n");
                    i = end;
                } else {
                    i += 1;
                }
            }
            2 => {
                if !opts.collapse_spaces {
                    i += 1;
                    continue;
                }
                // A single space before an ordinary byte: the common case.
                if b[i] == b' ' {
                    match b.get(i + 1) {
                        None => {
                            i += 1;
                            continue;
                        }
                        Some(&x) if SPECIAL[x as usize] != 2 && SPECIAL[x as usize] != 3 => {
                            i += 1;
                            continue;
                        }
                        _ => {}
                    }
                }
                let (j, spaces, single) = space_run(text, i, opts);
                if !single {
                    builder(&mut out, n).replace(text, i, j, if spaces > 0 { " " } else { "" });
                }
                i = j;
            }
            _ => {
                // Most chars behind these lead bytes are letters (`à ê ô`
                // behind C3): rule them out from the second byte.
                let b1 = b.get(i + 1).copied().unwrap_or(0);
                let maybe = match b[i] {
                    0xC2 => matches!(b1, 0xA0 | 0xAD),
                    0xC3 => matches!(b1, 0x90 | 0xB0),
                    0xE2 => matches!(b1, 0x80 | 0x81 | 0x88),
                    0xE3 => b1 == 0x80,
                    _ => b1 == 0xBB,
                };
                if !maybe {
                    i += if b[i] < 0xE0 { 2 } else { 3 };
                    continue;
                }
                let Some(c) = char_at(text, i) else { break };
                let len = c.len_utf8();
                match cleanup_char(c, opts) {
                    Some(with) if opts.collapse_spaces && (with == " " || with.is_empty()) => {
                        let (j, spaces, _) = space_run(text, i, opts);
                        builder(&mut out, n).replace(text, i, j, if spaces > 0 { " " } else { "" });
                        i = j;
                    }
                    Some(with) => {
                        builder(&mut out, n).replace(text, i, i + len, with);
                        i += len;
                    }
                    None => i += len,
                }
            }
        }
    }
    out.map(|bld| bld.finish(text))
}

/// Where [`pass`] can act next. The byte loop passes unchanged: bytes of
/// [`SPECIAL`] class 0; a space before anything but whitespace or the lead
/// bytes C2 E2 E3 EF (a space before C3 is a lone space whatever follows,
/// as no char behind C3 is whitespace); and a C3 not followed by 90 or B0
/// (`Ð` `ð`). Everything else is found by one of five searches, each
/// remembering its next hit so that the text is searched once in all.
struct Skip {
    /// Next hit of each search at or after the position last asked for
    /// (`usize::MAX` when not searched yet).
    hits: [usize; 5],
}

static DOUBLE_SPACE: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new(b"  "));
static ETH_UPPER: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new("\u{D0}".as_bytes()));
static ETH_LOWER: LazyLock<memmem::Finder<'static>> =
    LazyLock::new(|| memmem::Finder::new("\u{F0}".as_bytes()));

impl Skip {
    fn new() -> Skip {
        Skip {
            hits: [usize::MAX; 5],
        }
    }

    /// The first position at or after `i` where the byte loop may act.
    #[inline]
    fn next(&mut self, b: &[u8], i: usize) -> usize {
        let mut best = b.len();
        for (k, hit) in self.hits.iter_mut().enumerate() {
            if *hit == usize::MAX || *hit < i {
                let rest = b.get(i..).unwrap_or_default();
                let found = match k {
                    0 => memchr3(b'\r', b'\t', 0xC2, rest),
                    1 => memchr3(0xE2, 0xE3, 0xEF, rest),
                    2 => DOUBLE_SPACE.find(rest),
                    3 => ETH_UPPER.find(rest),
                    _ => ETH_LOWER.find(rest),
                };
                *hit = found.map_or(b.len(), |p| i + p);
            }
            // A tab or a char behind C2 E2 E3 EF may end a run of spaces
            // that starts with the space before it.
            let at = if k <= 1 && *hit > i && b.get(*hit - 1) == Some(&b' ') {
                *hit - 1
            } else {
                *hit
            };
            best = best.min(at);
        }
        best
    }
}

#[inline]
fn builder(out: &mut Option<Builder>, n: usize) -> &mut Builder {
    out.get_or_insert_with(|| Builder::with_capacity(n + n / 16))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(t: &str, opts: &Options) -> String {
        pass(t, opts).map_or_else(|| t.to_string(), |(s, _)| s)
    }

    #[test]
    fn runs_and_marks() {
        let d = Options::default();
        assert_eq!(run("a  b\t\tc \u{A0}d", &d), "a b c d");
        assert_eq!(run("a\u{200B}b", &d), "ab");
        assert_eq!(run(" \u{AD} x", &d), " x");
        assert_eq!(run("a \r\n b\rc", &d), "a \n b\nc");
        assert_eq!(
            run("x\u{2013}y \u{201C}z\u{201D}\u{2026}", &d),
            "x-y \"z\"..."
        );
        assert!(pass("đã xong, một dấu cách.", &d).is_none());
        let keep_runs = Options::default().collapse_spaces(false);
        assert_eq!(run("a\u{A0}\u{A0}b  c", &keep_runs), "a  b  c");
    }

    /// The byte loop without [`Skip`], as it was: the pass must agree.
    fn reference(text: &str, opts: &Options) -> Option<(String, OffsetMap)> {
        let b = text.as_bytes();
        let mut out: Option<Builder> = None;
        let mut i = 0;
        let n = b.len();
        while i < n {
            let kind = SPECIAL[b[i] as usize];
            if kind == 0 {
                i += 1;
                continue;
            }
            match kind {
                1 => {
                    if opts.newlines {
                        let end = if b.get(i + 1) == Some(&b'\n') {
                            i + 2
                        } else {
                            i + 1
                        };
                        builder(&mut out, n).replace(text, i, end, "\n");
                        i = end;
                    } else {
                        i += 1;
                    }
                }
                2 => {
                    if !opts.collapse_spaces {
                        i += 1;
                        continue;
                    }
                    // A single space before an ordinary byte: the common case.
                    if b[i] == b' ' {
                        match b.get(i + 1) {
                            None => {
                                i += 1;
                                continue;
                            }
                            Some(&x) if SPECIAL[x as usize] != 2 && SPECIAL[x as usize] != 3 => {
                                i += 1;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    let (j, spaces, single) = space_run(text, i, opts);
                    if !single {
                        builder(&mut out, n).replace(text, i, j, if spaces > 0 { " " } else { "" });
                    }
                    i = j;
                }
                _ => {
                    // Most chars behind these lead bytes are letters (`à ê ô`
                    // behind C3): rule them out from the second byte.
                    let b1 = b.get(i + 1).copied().unwrap_or(0);
                    let maybe = match b[i] {
                        0xC2 => matches!(b1, 0xA0 | 0xAD),
                        0xC3 => matches!(b1, 0x90 | 0xB0),
                        0xE2 => matches!(b1, 0x80 | 0x81 | 0x88),
                        0xE3 => b1 == 0x80,
                        _ => b1 == 0xBB,
                    };
                    if !maybe {
                        i += if b[i] < 0xE0 { 2 } else { 3 };
                        continue;
                    }
                    let Some(c) = char_at(text, i) else { break };
                    let len = c.len_utf8();
                    match cleanup_char(c, opts) {
                        Some(with) if opts.collapse_spaces && (with == " " || with.is_empty()) => {
                            let (j, spaces, _) = space_run(text, i, opts);
                            builder(&mut out, n).replace(
                                text,
                                i,
                                j,
                                if spaces > 0 { " " } else { "" },
                            );
                            i = j;
                        }
                        Some(with) => {
                            builder(&mut out, n).replace(text, i, i + len, with);
                            i += len;
                        }
                        None => i += len,
                    }
                }
            }
        }
        out.map(|bld| bld.finish(text))
    }

    fn text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let alphabet: Vec<char> = vec![
            ' ', ' ', ' ', '\t', '\r', '\n', 'a', 'x', '.', 'à', 'ư', 'ạ', 'Đ', '\u{D0}', '\u{F0}',
            '\u{A0}', '\u{AD}', '\u{200B}', '\u{2013}', '\u{2014}', '\u{201C}', '\u{2019}',
            '\u{2026}', '\u{3000}', '\u{FEFF}', '\u{2060}', '\u{202F}', '\u{B0}', '\u{2212}',
            '\u{20AC}', '\u{3001}', '\u{FF0C}', '😀',
        ];
        prop::collection::vec(prop::sample::select(alphabet), 0..40)
            .prop_map(|v| v.into_iter().collect::<String>())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn skipping_changes_nothing(t in text()) {
            for o in [
                Options::default(),
                Options::default().collapse_spaces(false),
                Options::default().newlines(false),
                Options::none().collapse_spaces(true),
                Options::none().spaces(true),
                Options::none().quotes(true).lookalikes(true),
            ] {
                proptest::prop_assert_eq!(pass(&t, &o), reference(&t, &o), "{:?} {:?}", t, o);
            }
        }
    }
}
