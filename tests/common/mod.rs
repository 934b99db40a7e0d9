//! Shared helpers for the integration tests: evaluate scripts and compare with the `Debug`
//! form of the result, or with the variant of the error.

#![allow(dead_code)]

use rhai::{Dynamic, Engine, EvalAltResult};

/// A quiet standard engine.
pub fn engine() -> Engine {
    let mut engine = Engine::new();
    engine.on_print(|_| {}).on_debug(|_, _, _| {});
    engine
}

/// The variant name of a `Debug` form (`ErrorArithmetic("…", 1:5)` → `ErrorArithmetic`).
pub fn variant(debug: &str) -> &str {
    debug.split(['(', ' ', '{']).next().unwrap_or(debug)
}

/// Evaluate each `(script, expected)` pair; `expected` is the `Debug` form of the value, or
/// `!Variant` for an evaluation error of that `EvalAltResult` variant, or `!!Variant` for a
/// parse error of that `ParseErrorType` variant. All mismatches are reported together.
pub fn check_all(engine: &Engine, cases: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (script, expected) in cases {
        let actual = outcome(engine, script);
        if actual != *expected {
            failures.push(format!(
                "  {script}\n    expected {expected}\n    actual   {actual}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

/// What a script gives, in the notation of `check_all`.
pub fn outcome(engine: &Engine, script: &str) -> String {
    if let Err(e) = engine.compile(script) {
        return format!("!!{}", variant(&format!("{:?}", e.0)));
    }
    match engine.eval::<Dynamic>(script) {
        Ok(v) => format!("{v:?}"),
        Err(e) => format!("!{}", variant(&format!("{:?}", inner(&e)))),
    }
}

/// The error inside function-call wrappers.
pub fn inner(err: &EvalAltResult) -> &EvalAltResult {
    err.unwrap_inner()
}
