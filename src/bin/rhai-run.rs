//! `rhai-run`: run the script files given on the command line, in order.
//!
//! On an error it prints `file:line:column`, the message, and the offending source line with
//! a caret under the column, then exits with status 1.

use rhai::{Engine, EvalAltResult, Position};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let files: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if files.is_empty() {
        eprintln!("usage: rhai-run SCRIPT.rhai [MORE.rhai ...]");
        return ExitCode::from(2);
    }
    let engine = Engine::new();
    for file in &files {
        if let Err(err) = run_file(&engine, file) {
            report(file, &err);
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// Compile and run one file (a `#!` first line is skipped; the file's path is the source, so
/// that imports are relative to it).
fn run_file(engine: &Engine, file: &Path) -> Result<(), Box<EvalAltResult>> {
    let ast = engine.compile_file(file.to_path_buf())?;
    engine.run_ast(&ast)
}

/// Print `file:line:column: message`, the source line and a caret — at the innermost error —
/// then the chain of function calls that led to it.
fn report(file: &Path, err: &EvalAltResult) {
    let inner = err.unwrap_inner();
    let mut message = inner.to_string();
    if let Some(cut) = message.rfind(" (line ") {
        message.truncate(cut);
    }
    let (pos, elsewhere) = place_in_file(err);
    if let Some(inner_pos) = elsewhere {
        message = format!("{message} (at {inner_pos:?} of the text it ran)");
    }
    match pos.line() {
        Some(line) => {
            let col = column(pos);
            eprintln!("{}:{}:{}: {}", file.display(), line, col, message);
            if let Some(text) = std::fs::read_to_string(file)
                .ok()
                .and_then(|t| t.lines().nth(line - 1).map(str::to_string))
            {
                eprintln!("{text}");
                eprintln!("{}^", " ".repeat(col.saturating_sub(1)));
            }
        }
        None => eprintln!("{}: {}", file.display(), message),
    }
    let mut current = err;
    while let EvalAltResult::ErrorInFunctionCall(name, _, next, at)
    | EvalAltResult::ErrorInModule(name, next, at) = current
    {
        eprintln!("  in '{name}', called at {}:{:?}", file.display(), at);
        current = next;
    }
}

/// Where in the script file to point for an error: the innermost error's own position, unless
/// it happened in text run by `eval` or in an imported module's file, whose positions are not
/// this file's — then the `eval` call or the `import`, with the inner position returned too.
fn place_in_file(err: &EvalAltResult) -> (Position, Option<Position>) {
    let mut current = err;
    loop {
        match current {
            EvalAltResult::ErrorInFunctionCall(name, _, next, at) if name == "eval" => {
                return (*at, Some(next.unwrap_inner().position()));
            }
            EvalAltResult::ErrorInModule(_, next, at) => {
                return (*at, Some(next.unwrap_inner().position()));
            }
            EvalAltResult::ErrorInFunctionCall(_, _, next, _) => current = next,
            other => return (other.position(), None),
        }
    }
}

/// The 1-based column of a position (1 when at the start of a line).
fn column(pos: Position) -> usize {
    pos.position().unwrap_or(1)
}
