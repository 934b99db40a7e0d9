//! Self-checking script corpus runner.
//!
//! Walks `tests/scripts/**/*.rhai` (recursively, in sorted order) and evaluates every script with a
//! fresh `rhai::Engine::new()`. Each script states its expectation in a header comment, using
//! exactly ONE of these forms:
//!
//! * `// expect: <text>` — evaluation succeeds and `format!("{:?}", value)` of the resulting
//!   `rhai::Dynamic` equals `<text>` exactly (e.g. `42`, `3.5`, `"abc"`, `'x'`, `[1, 2]`,
//!   `#{"a": 1}`, `()`, `1..5`, `Fn("foo")`).
//! * `// expect error: <Variant>` — evaluation fails with a `rhai::EvalAltResult` whose variant
//!   name (the `Debug` text up to the first `(`) is `<Variant>`, e.g. `ErrorArithmetic`.
//! * `// expect parse error: <Variant>` — `Engine::compile` fails with a `rhai::ParseErrorType`
//!   whose variant name (the `Debug` text of `*err.0` up to the first `(`) is `<Variant>`.
//!
//! Additionally, any number of `// expect print: <line>` lines may be given: the lines passed to
//! `print` during evaluation must then be exactly those lines, in order. (`// expect print:` with
//! nothing after it stands for an empty line.)
//!
//! `tests/scripts/known_failures.txt` lists scripts (paths relative to `tests/scripts`, one per
//! line, `#` starts a comment) that are EXPECTED to fail. A listed script that fails is fine; a
//! listed script that now passes is reported as an error, so that the list only ever shrinks.
//!
//! Set the environment variable `RHAI_SCRIPT_FILTER` to a substring to only run the scripts whose
//! relative path contains it.
//!
//! Each script runs on its own thread (with a generous stack and a time limit), so that a panic or
//! a hang in one script is reported as a failure of that script instead of aborting the whole run.
//! All failures are collected and reported together at the end.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Time limit for a single script.
const TIMEOUT: Duration = Duration::from_secs(60);
/// Stack size for the thread running a single script.
const STACK_SIZE: usize = 64 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
enum Expect {
    Value(String),
    Error(String),
    ParseError(String),
}

#[derive(Debug, Clone)]
struct Spec {
    expect: Expect,
    prints: Option<Vec<String>>,
}

fn scripts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("scripts")
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {}", dir.display(), e))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|x| x == "rhai") {
            out.push(path);
        }
    }
}

fn rest_of<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    line.strip_prefix(prefix)
        .map(|r| r.strip_prefix(' ').unwrap_or(r).trim_end())
}

fn parse_spec(src: &str) -> Result<Spec, String> {
    let mut expects = Vec::new();
    let mut prints: Option<Vec<String>> = None;

    for line in src.lines() {
        let line = line.trim();
        if let Some(r) = rest_of(line, "// expect parse error:") {
            expects.push(Expect::ParseError(r.trim().to_string()));
        } else if let Some(r) = rest_of(line, "// expect error:") {
            expects.push(Expect::Error(r.trim().to_string()));
        } else if let Some(r) = rest_of(line, "// expect print:") {
            prints.get_or_insert_with(Vec::new).push(r.to_string());
        } else if let Some(r) = rest_of(line, "// expect:") {
            expects.push(Expect::Value(r.trim().to_string()));
        }
    }

    match expects.len() {
        0 => Err("no `// expect...` header found".into()),
        1 => Ok(Spec {
            expect: expects.pop().unwrap(),
            prints,
        }),
        _ => Err("more than one `// expect...` header found".into()),
    }
}

/// Variant name of a `Debug`-formatted enum value: the text up to the first `(`, `{` or space.
fn variant_name(debug: &str) -> String {
    debug
        .split(|c: char| c == '(' || c == '{' || c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_string()
}

/// Run one script; `Ok(())` if it meets its expectation, otherwise a description of the problem.
fn run_script(src: String, spec: Spec) -> Result<(), String> {
    // Arc<Mutex<..>> (rather than Rc<RefCell<..>>) so that this also builds with the `sync` feature.
    let printed: Arc<Mutex<Vec<String>>> = Arc::new(Mutex::new(Vec::new()));
    let debugged: Arc<Mutex<Vec<String>>> = Arc::new(Mutex::new(Vec::new()));

    let mut engine = rhai::Engine::new();
    {
        let printed = printed.clone();
        engine.on_print(move |s| printed.lock().unwrap().push(s.to_string()));
    }
    {
        let debugged = debugged.clone();
        engine.on_debug(move |s, _src, _pos| debugged.lock().unwrap().push(s.to_string()));
    }

    let mut problems = Vec::new();

    match &spec.expect {
        Expect::ParseError(variant) => match engine.compile(&src) {
            Ok(_) => problems.push(format!(
                "expected parse error {variant}, but the script compiled"
            )),
            Err(e) => {
                let actual = format!("{:?}", e.0);
                if variant_name(&actual) != *variant {
                    problems.push(format!(
                        "expected parse error {variant}, got parse error {actual}"
                    ));
                }
            }
        },
        Expect::Value(expected) => match engine.eval::<rhai::Dynamic>(&src) {
            Ok(value) => {
                let actual = format!("{:?}", value);
                if actual != *expected {
                    problems.push(format!("expected value {expected}, got {actual}"));
                }
            }
            Err(err) => problems.push(format!("expected value {expected}, got error {:?}", err)),
        },
        Expect::Error(variant) => match engine.eval::<rhai::Dynamic>(&src) {
            Ok(value) => problems.push(format!("expected error {variant}, got value {:?}", value)),
            Err(err) => {
                let actual = format!("{:?}", *err);
                if variant_name(&actual) != *variant {
                    problems.push(format!("expected error {variant}, got error {actual}"));
                }
            }
        },
    }

    if let Some(expected_prints) = &spec.prints {
        let actual_prints = printed.lock().unwrap();
        if *actual_prints != *expected_prints {
            problems.push(format!(
                "expected printed lines {:?}, got {:?}",
                expected_prints, *actual_prints
            ));
        }
    }

    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

/// Run one script on its own thread, catching panics and hangs.
fn run_isolated(src: String, spec: Spec) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    let handle = std::thread::Builder::new()
        .stack_size(STACK_SIZE)
        .spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
                run_script(src, spec)
            }));
            let _ = tx.send(result);
        })
        .expect("cannot spawn thread");

    match rx.recv_timeout(TIMEOUT) {
        Ok(Ok(result)) => {
            let _ = handle.join();
            result
        }
        Ok(Err(panic)) => {
            let _ = handle.join();
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "<non-string panic>".to_string());
            Err(format!("PANIC: {msg}"))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            // The thread cannot be killed; leave it running and report the hang.
            Err(format!("TIMEOUT after {:?}", TIMEOUT))
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let _ = handle.join();
            Err("script thread died without a result".to_string())
        }
    }
}

fn read_known_failures(dir: &Path) -> BTreeSet<String> {
    let path = dir.join("known_failures.txt");
    let Ok(text) = fs::read_to_string(&path) else {
        return BTreeSet::new();
    };
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.replace('\\', "/"))
        .collect()
}

#[test]
fn scripts() {
    let dir = scripts_dir();
    let mut files = Vec::new();
    collect(&dir, &mut files);

    let filter = std::env::var("RHAI_SCRIPT_FILTER")
        .ok()
        .filter(|f| !f.is_empty());
    let known = read_known_failures(&dir);

    let mut failures = Vec::new();
    let mut unexpected_passes = Vec::new();
    let mut known_failed = 0usize;
    let mut passed = 0usize;
    let mut run = 0usize;
    let mut seen = BTreeSet::new();

    for path in &files {
        let rel = path
            .strip_prefix(&dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        seen.insert(rel.clone());

        if let Some(f) = &filter {
            if !rel.contains(f.as_str()) {
                continue;
            }
        }
        run += 1;

        let src = match fs::read_to_string(path) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("{rel}: cannot read file: {e}"));
                continue;
            }
        };

        let result = match parse_spec(&src) {
            Ok(spec) => run_isolated(src, spec),
            Err(e) => Err(format!("bad header: {e}")),
        };

        let is_known = known.contains(&rel);
        match (result, is_known) {
            (Ok(()), false) => passed += 1,
            (Ok(()), true) => unexpected_passes.push(rel),
            (Err(_), true) => known_failed += 1,
            (Err(e), false) => failures.push(format!("{rel}: {e}")),
        }
    }

    let stale: Vec<&String> = known.iter().filter(|k| !seen.contains(*k)).collect();

    eprintln!(
        "script corpus: {run} run, {passed} passed, {known_failed} known failures, {} failed, {} known failures now passing",
        failures.len(),
        unexpected_passes.len()
    );

    let mut report = String::new();
    if !failures.is_empty() {
        report.push_str(&format!("\n{} script(s) FAILED:\n", failures.len()));
        for f in &failures {
            report.push_str(&format!("  {f}\n"));
        }
    }
    if !unexpected_passes.is_empty() {
        report.push_str(&format!(
            "\n{} script(s) listed in known_failures.txt now PASS (remove them from the list):\n",
            unexpected_passes.len()
        ));
        for f in &unexpected_passes {
            report.push_str(&format!("  {f}\n"));
        }
    }
    if filter.is_none() && !stale.is_empty() {
        report.push_str("\nknown_failures.txt lists scripts that do not exist:\n");
        for f in &stale {
            report.push_str(&format!("  {f}\n"));
        }
    }

    if !report.is_empty() {
        panic!("{report}");
    }
}
