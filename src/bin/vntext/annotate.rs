//! `vntext annotate`: JSON Lines (or a tree of `.txt` files) in, one
//! annotated line out per input record, in input order.
//!
//! Threads: one reader cuts the input into batches; `-j N` workers annotate
//! them; the calling thread writes the results back in input order. A fixed
//! number of batches is in flight at any time (a batch is taken only when an
//! earlier one has been written), so memory stays flat whatever the input
//! size.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Instant;

use clap::Args as ClapArgs;
use serde_json::Value;
use vntext::jsonl::{annotate_line, annotate_text, write_error, LineConfig, Outcome};
use vntext::{Extractor, Kind, PartialDate};

use crate::output::{Error, Result};

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// JSON Lines input, plain or `.gz` (default: standard input).
    #[arg(long, value_name = "FILE", conflicts_with = "files")]
    input: Option<PathBuf>,
    /// Annotate every `.txt` file under DIR instead; a record's id is the
    /// file's path relative to DIR.
    #[arg(long, value_name = "DIR")]
    files: Option<PathBuf>,
    /// Output file (default: standard output).
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Continue an interrupted run: keep the complete lines already in
    /// `--output`, skip as many input records, append the rest.
    #[arg(long, requires = "output")]
    resume: bool,
    /// The field holding the text.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// The field holding the id.
    #[arg(long, default_value = "id")]
    id_field: String,
    /// Copy the record's other fields into the output line.
    #[arg(long)]
    keep: bool,
    /// Add the normalised text to each output line as `normalized`.
    #[arg(long)]
    normalized: bool,
    /// Decode invalid UTF-8 with replacement characters instead of writing
    /// an error record.
    #[arg(long)]
    lossy: bool,
    /// Records longer than this many bytes become error records.
    #[arg(long, default_value_t = 16 << 20, value_name = "BYTES")]
    max_bytes: usize,
    /// Resolve relative dates against this date (YYYY-MM-DD) unless a record
    /// has its own `reference_date` field.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::extract::parse_date)]
    reference_date: Option<PartialDate>,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    jobs: Option<usize>,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    quiet: bool,
}

/// One input record as the reader hands it to a worker.
enum Record {
    /// A JSON line (without its newline).
    Line(Vec<u8>),
    /// A line over `--max-bytes`, of this many bytes; not kept in memory.
    TooLong(usize),
    /// A file of `--files`.
    File { id: String, bytes: Vec<u8> },
    /// A file of `--files` that could not be read.
    FileError { id: String, msg: String },
}

struct Batch {
    seq: u64,
    /// Line number (1-based) of the first record.
    first: u64,
    records: Vec<Record>,
}

#[derive(Default, Clone, Copy)]
struct Stats {
    records: u64,
    errors: u64,
    by_kind: [u64; 8],
}

impl Stats {
    fn add(&mut self, o: &Stats) {
        self.records += o.records;
        self.errors += o.errors;
        for (a, b) in self.by_kind.iter_mut().zip(o.by_kind) {
            *a += b;
        }
    }
}

struct Done {
    seq: u64,
    out: Vec<u8>,
    stats: Stats,
}

/// Records per batch, and bytes after which a batch is cut early.
const BATCH_RECORDS: usize = 64;
const BATCH_BYTES: usize = 1 << 20;

pub fn run(args: Args) -> Result<ExitCode> {
    let started = Instant::now();
    let jobs = args
        .jobs
        .unwrap_or_else(|| thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let cfg = Arc::new(LineConfig {
        text_field: args.text_field.clone(),
        id_field: args.id_field.clone(),
        max_bytes: args.max_bytes,
        reference_date: args.reference_date,
        keep: args.keep,
        lossy: args.lossy,
        normalized: args.normalized,
    });

    // Resume: how many records the output already holds.
    let (mut out, done_lines, last_id): (Box<dyn Write>, u64, Option<Value>) =
        match (&args.output, args.resume) {
            (Some(path), true) => {
                let (n, last) = prepare_resume(path)?;
                let f = OpenOptions::new().append(true).create(true).open(path)?;
                (Box::new(io::BufWriter::with_capacity(1 << 16, f)), n, last)
            }
            (path, _) => (crate::output::writer(path.as_deref())?, 0, None),
        };

    let counted = Arc::new(AtomicU64::new(0));
    let (source, total_bytes) = open_source(&args, Arc::clone(&counted))?;
    let progress = Progress::new(!args.quiet && io::stderr().is_terminal(), total_bytes);

    // In-flight window: the reader takes a token per batch; the writer
    // returns it once the batch is written.
    let window = jobs * 4;
    let (token_tx, token_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        let _ = token_tx.send(());
    }
    let (work_tx, work_rx) = mpsc::sync_channel::<Batch>(window);
    let (done_tx, done_rx) = mpsc::channel::<Done>();

    let max_bytes = args.max_bytes;
    let id_field = args.id_field.clone();
    let reader = thread::spawn(move || -> Result<()> {
        read_batches(
            source, max_bytes, done_lines, last_id, &id_field, &token_rx, &work_tx,
        )
    });

    let work_rx = Arc::new(Mutex::new(work_rx));
    let mut workers = Vec::with_capacity(jobs);
    for _ in 0..jobs {
        let work_rx = Arc::clone(&work_rx);
        let done_tx = done_tx.clone();
        let cfg = Arc::clone(&cfg);
        workers.push(thread::spawn(move || {
            let ex = Extractor::new();
            loop {
                let batch = match work_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok(batch) = batch else { return };
                let done = annotate_batch(&ex, &cfg, batch);
                if done_tx.send(done).is_err() {
                    return;
                }
            }
        }));
    }
    drop(done_tx);

    // Write results in input order.
    let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0u64;
    let mut stats = Stats::default();
    let mut write_result: Result<()> = Ok(());
    'recv: for done in done_rx.iter() {
        pending.insert(done.seq, done);
        while let Some(d) = pending.remove(&next) {
            if let Err(e) = out.write_all(&d.out) {
                write_result = Err(e.into());
                break 'recv;
            }
            stats.add(&d.stats);
            next += 1;
            let _ = token_tx.send(());
            progress.update(stats.records, counted.load(Ordering::Relaxed));
        }
    }
    if write_result.is_ok() {
        write_result = out.flush().map_err(Error::from);
    }
    // Stop the other threads whatever happened: closing the channels ends them.
    drop(token_tx);
    drop(done_rx);
    for w in workers {
        let _ = w.join();
    }
    let read_result = reader
        .join()
        .unwrap_or_else(|_| Err(Error::Msg("reader thread failed".into())));
    progress.finish();
    write_result?;
    read_result?;

    if !args.quiet {
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        let mb = counted.load(Ordering::Relaxed) as f64 / 1e6;
        let kinds: Vec<String> = Kind::ALL
            .iter()
            .zip(stats.by_kind)
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        eprintln!(
            "vntext annotate: {} records, {} errors, {} facts ({}), {:.1} MB in {:.2} s, {:.1} MB/s{}",
            stats.records,
            stats.errors,
            stats.by_kind.iter().sum::<u64>(),
            if kinds.is_empty() { "none".to_string() } else { kinds.join(", ") },
            mb,
            secs,
            mb / secs,
            if done_lines > 0 { format!(", resumed after {done_lines} records") } else { String::new() }
        );
    }
    Ok(if stats.errors > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}

fn annotate_batch(ex: &Extractor, cfg: &LineConfig, batch: Batch) -> Done {
    let mut out = Vec::with_capacity(batch.records.len() * 256);
    let mut stats = Stats::default();
    for (i, rec) in batch.records.into_iter().enumerate() {
        let line_no = batch.first + i as u64;
        let outcome = match rec {
            Record::Line(bytes) => annotate_line(ex, cfg, line_no, &bytes, &mut out),
            Record::TooLong(len) => {
                let msg = format!(
                    "record of {len} bytes is over the limit of {} bytes (--max-bytes)",
                    cfg.max_bytes
                );
                write_error(&mut out, &Value::Null, line_no, &msg);
                Outcome::Error
            }
            Record::File { id, bytes } => {
                let id = Value::String(id);
                match String::from_utf8(bytes) {
                    Ok(text) => annotate_text(ex, cfg, &id, &text, &mut out),
                    Err(e) if cfg.lossy => {
                        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                        annotate_text(ex, cfg, &id, &text, &mut out)
                    }
                    Err(e) => {
                        let msg = format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to());
                        write_error(&mut out, &id, line_no, &msg);
                        Outcome::Error
                    }
                }
            }
            Record::FileError { id, msg } => {
                write_error(&mut out, &Value::String(id), line_no, &msg);
                Outcome::Error
            }
        };
        stats.records += 1;
        match outcome {
            Outcome::Annotated { by_kind } => {
                for (a, b) in stats.by_kind.iter_mut().zip(by_kind) {
                    *a += b as u64;
                }
            }
            Outcome::Error => stats.errors += 1,
        }
    }
    Done {
        seq: batch.seq,
        out,
        stats,
    }
}

/// Where records come from.
enum Source {
    Lines(Box<dyn BufRead + Send>),
    Files {
        root: PathBuf,
        files: Vec<PathBuf>,
        count: Arc<AtomicU64>,
    },
}

/// A reader that counts the bytes read through it (for progress).
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

fn open_source(args: &Args, counted: Arc<AtomicU64>) -> Result<(Source, Option<u64>)> {
    if let Some(dir) = &args.files {
        let mut files = Vec::new();
        walk(dir, &mut files).map_err(|e| format!("{}: {e}", dir.display()))?;
        files.sort();
        let total = files
            .iter()
            .filter_map(|p| p.metadata().ok())
            .map(|m| m.len())
            .sum();
        return Ok((
            Source::Files {
                root: dir.clone(),
                files,
                count: counted,
            },
            Some(total),
        ));
    }
    match &args.input {
        Some(path) => {
            let file = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let size = file.metadata().ok().map(|m| m.len());
            let counting = Counting {
                inner: file,
                count: counted,
            };
            let reader: Box<dyn BufRead + Send> = if path.extension().is_some_and(|e| e == "gz") {
                Box::new(BufReader::with_capacity(
                    1 << 16,
                    flate2::read::MultiGzDecoder::new(BufReader::new(counting)),
                ))
            } else {
                Box::new(BufReader::with_capacity(1 << 16, counting))
            };
            Ok((Source::Lines(reader), size))
        }
        None => {
            let counting = Counting {
                inner: io::stdin(),
                count: counted,
            };
            Ok((
                Source::Lines(Box::new(BufReader::with_capacity(1 << 16, counting))),
                None,
            ))
        }
    }
}

/// Every `.txt` file under `dir`, recursively (symbolic links are not
/// followed into directories).
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let ty = entry.file_type()?;
        if ty.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    Ok(())
}

/// Reads one line into `buf` (cleared first), keeping at most `max + 1`
/// bytes of it; returns the line's full length without its newline, or
/// `None` at the end of input.
fn read_line_capped(
    r: &mut dyn BufRead,
    max: usize,
    buf: &mut Vec<u8>,
) -> io::Result<Option<usize>> {
    buf.clear();
    let mut total = 0usize;
    let mut any = false;
    loop {
        let avail = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(any.then_some(total));
        }
        any = true;
        let (take, found) = match memchr::memchr(b'\n', avail) {
            Some(p) => (p, true),
            None => (avail.len(), false),
        };
        let room = (max + 1).saturating_sub(buf.len());
        buf.extend_from_slice(&avail[..take.min(room)]);
        total += take;
        r.consume(if found { take + 1 } else { take });
        if found {
            return Ok(Some(total));
        }
    }
}

fn read_batches(
    source: Source,
    max_bytes: usize,
    skip: u64,
    last_id: Option<Value>,
    id_field: &str,
    tokens: &Receiver<()>,
    work: &SyncSender<Batch>,
) -> Result<()> {
    let mut seq = 0u64;
    let mut line_no = 0u64;
    let mut records = Vec::with_capacity(BATCH_RECORDS);
    let mut bytes = 0usize;
    let mut first = 1u64;
    // Sends the current batch; false when the writer has gone.
    let mut flush =
        |records: &mut Vec<Record>, bytes: &mut usize, first: &mut u64, next_line: u64| -> bool {
            if records.is_empty() {
                return true;
            }
            if tokens.recv().is_err() {
                return false;
            }
            let batch = Batch {
                seq,
                first: *first,
                records: std::mem::take(records),
            };
            seq += 1;
            *bytes = 0;
            *first = next_line;
            work.send(batch).is_ok()
        };
    match source {
        Source::Lines(mut r) => {
            let mut buf = Vec::new();
            while let Some(len) = read_line_capped(&mut *r, max_bytes, &mut buf)? {
                line_no += 1;
                if line_no <= skip {
                    if line_no == skip {
                        check_resume_id(&buf, len, max_bytes, last_id.as_ref(), id_field, skip)?;
                    }
                    first = line_no + 1;
                    continue;
                }
                let rec = if len > max_bytes {
                    Record::TooLong(len)
                } else {
                    Record::Line(std::mem::take(&mut buf))
                };
                bytes += len;
                records.push(rec);
                if (records.len() >= BATCH_RECORDS || bytes >= BATCH_BYTES)
                    && !flush(&mut records, &mut bytes, &mut first, line_no + 1)
                {
                    return Ok(());
                }
            }
            if line_no < skip {
                return Err(Error::Msg(format!(
                    "--resume: the output holds {skip} records but the input has only {line_no}"
                )));
            }
        }
        Source::Files { root, files, count } => {
            for path in files {
                line_no += 1;
                let id = path
                    .strip_prefix(&root)
                    .unwrap_or(&path)
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                if line_no <= skip {
                    if line_no == skip
                        && last_id
                            .as_ref()
                            .is_some_and(|l| l != &Value::String(id.clone()))
                    {
                        return Err(resume_mismatch(skip));
                    }
                    first = line_no + 1;
                    continue;
                }
                let len = path.metadata().map(|m| m.len() as usize).unwrap_or(0);
                let rec = if len > max_bytes {
                    Record::FileError {
                        id,
                        msg: format!("record of {len} bytes is over the limit of {max_bytes} bytes (--max-bytes)"),
                    }
                } else {
                    match std::fs::read(&path) {
                        Ok(bytes) => Record::File { id, bytes },
                        Err(e) => Record::FileError {
                            id,
                            msg: e.to_string(),
                        },
                    }
                };
                count.fetch_add(len as u64, Ordering::Relaxed);
                bytes += len;
                records.push(rec);
                if (records.len() >= BATCH_RECORDS || bytes >= BATCH_BYTES)
                    && !flush(&mut records, &mut bytes, &mut first, line_no + 1)
                {
                    return Ok(());
                }
            }
        }
    }
    flush(&mut records, &mut bytes, &mut first, line_no + 1);
    Ok(())
}

fn resume_mismatch(n: u64) -> Error {
    Error::Msg(format!(
        "--resume: output line {n} does not belong to input record {n}; is this the same input?"
    ))
}

/// On resume, the last record already written must carry the id of input
/// record `n`.
fn check_resume_id(
    line: &[u8],
    len: usize,
    max: usize,
    last: Option<&Value>,
    id_field: &str,
    n: u64,
) -> Result<()> {
    let Some(last) = last else { return Ok(()) };
    if len > max {
        return if last.is_null() {
            Ok(())
        } else {
            Err(resume_mismatch(n))
        };
    }
    let id = serde_json::from_slice::<Value>(line)
        .ok()
        .and_then(|v| v.get(id_field).cloned())
        .unwrap_or(Value::Null);
    // An error record has a null id when the input line had none readable.
    if &id == last || last.is_null() {
        Ok(())
    } else {
        Err(resume_mismatch(n))
    }
}

/// Cuts a torn last line off `path`, and returns the number of complete
/// lines and the id of the last one.
fn prepare_resume(path: &Path) -> Result<(u64, Option<Value>)> {
    let mut f = match OpenOptions::new().read(true).write(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((0, None)),
        Err(e) => return Err(format!("{}: {e}", path.display()).into()),
    };
    let mut n = 0u64;
    let mut good_end = 0u64;
    let mut last_line = Vec::new();
    {
        let mut r = BufReader::with_capacity(1 << 16, &mut f);
        let mut line = Vec::new();
        let mut pos = 0u64;
        loop {
            line.clear();
            let got = r.read_until(b'\n', &mut line)?;
            if got == 0 {
                break;
            }
            pos += got as u64;
            if line.last() != Some(&b'\n') {
                break; // torn: no newline
            }
            if serde_json::from_slice::<Value>(&line).is_err() {
                break; // torn or damaged: rewrite from here
            }
            n += 1;
            good_end = pos;
            std::mem::swap(&mut last_line, &mut line);
        }
    }
    f.set_len(good_end)?;
    f.seek(SeekFrom::End(0))?;
    let last_id = serde_json::from_slice::<Value>(&last_line)
        .ok()
        .and_then(|v| v.get("id").cloned());
    Ok((n, last_id))
}

/// A progress bar on stderr, or nothing.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    started: Instant,
}

impl Progress {
    fn new(on: bool, total: Option<u64>) -> Progress {
        let bar = on.then(|| {
            let bar = match total {
                Some(n) => indicatif::ProgressBar::new(n),
                None => indicatif::ProgressBar::new_spinner(),
            };
            let template = if total.is_some() {
                "{spinner} [{elapsed_precise}] {wide_bar} {percent:>3}% {msg} ETA {eta}"
            } else {
                "{spinner} [{elapsed_precise}] {msg}"
            };
            if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
        }
    }

    fn update(&self, records: u64, bytes: u64) {
        if let Some(bar) = &self.bar {
            let secs = self.started.elapsed().as_secs_f64().max(1e-9);
            bar.set_position(bytes);
            bar.set_message(format!(
                "{records} records, {:.0} rec/s, {:.1} MB/s",
                records as f64 / secs,
                bytes as f64 / 1e6 / secs
            ));
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
