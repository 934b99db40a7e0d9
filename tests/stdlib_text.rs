//! Text forms of values, as settled against the published crate: the display text (`print`,
//! `to_string`, `+` on strings, interpolation), the debug text (`debug`, `to_debug`), and the
//! Rust `Display` / `Debug` of `Dynamic`, for every kind of value.

mod common;
use common::{check_all, engine};
use rhai::{Dynamic, Engine};
use std::sync::{Arc, Mutex};

/// The lines a script prints (`print:` / `debug:` prefixes) and its result's Debug form.
fn printed(script: &str) -> Vec<String> {
    let mut engine = Engine::new();
    let log = Arc::new(Mutex::new(Vec::<String>::new()));
    let (p, d) = (log.clone(), log.clone());
    engine.on_print(move |s| p.lock().unwrap().push(format!("print:{s}")));
    engine.on_debug(move |s, _, _| d.lock().unwrap().push(format!("debug:{s}")));
    engine.run(script).unwrap();
    let lines = log.lock().unwrap().clone();
    lines
}

#[test]
fn float_display_switches_to_exponents_at_single_precision_thresholds() {
    check_all(
        &engine(),
        &[
            ("`${1.0}`", "\"1.0\""),
            ("`${-0.0}`", "\"0.0\""),
            ("`${123.456}`", "\"123.456\""),
            ("`${1e12}`", "\"1000000000000.0\""),
            ("`${9.9999e12}`", "\"9999900000000.0\""),
            // 1e13 as f32 is 9999999827968: larger magnitudes take an exponent.
            ("`${9999999999998.0}`", "\"9.999999999998e12\""),
            ("`${1e13}`", "\"1e13\""),
            ("`${-1e14}`", "\"-1e14\""),
            ("`${1e-13}`", "\"0.0000000000001\""),
            ("`${1.1e-13}`", "\"0.00000000000011\""),
            ("`${9.99e-14}`", "\"9.99e-14\""),
            ("`${1e-7}`", "\"0.0000001\""),
            ("`${5e-324}`", "\"5e-324\""),
            ("`${1.0/0.0}`", "\"inf\""),
            ("`${-1.0/0.0}`", "\"-inf\""),
            ("`${0.0/0.0}`", "\"NaN\""),
            ("to_string(1e20)", "\"1e20\""),
        ],
    );
}

#[test]
fn float_debug_is_the_rust_debug_form() {
    check_all(
        &engine(),
        &[
            ("to_debug(1e13)", "\"10000000000000.0\""),
            ("to_debug(1e15)", "\"1000000000000000.0\""),
            ("to_debug(1e16)", "\"1e16\""),
            ("to_debug(0.0001)", "\"0.0001\""),
            ("to_debug(0.00001)", "\"1e-5\""),
            ("to_debug(-0.0)", "\"-0.0\""),
            ("[1e15, 1e-7, -0.0]", "[1000000000000000.0, 1e-7, -0.0]"),
        ],
    );
    assert_eq!(format!("{:?}", Dynamic::from(1e14)), "100000000000000.0");
    assert_eq!(format!("{}", Dynamic::from(1e14)), "1e14");
    assert_eq!(format!("{}", Dynamic::from(-0.0)), "0.0");
}

#[test]
fn characters_show_bare_in_debug_text_and_inside_containers() {
    check_all(
        &engine(),
        &[
            ("to_debug('c')", "\"c\""),
            ("to_debug('\\'')", "\"'\""),
            ("to_debug(\"a\\\"b\")", "\"\\\"a\\\\\\\"b\\\"\""),
            (
                "to_string([1, 'c', \"s\", 1.0, ()])",
                "\"[1, c, \\\"s\\\", 1.0, ()]\"",
            ),
            ("to_debug([1e15, 'c'])", "\"[1000000000000000.0, c]\""),
            (
                "\"\" + [[1, 'c'], #{a: 'c'}]",
                "\"[[1, c], #{\\\"a\\\": c}]\"",
            ),
            ("to_string(#{\"\\n\": 'c'})", "\"#{\\\"\\\\n\\\": c}\""),
            ("let s = \"x\"; s += ['c', 1..2]; s", "\"x[c, 1..2]\""),
            // A literal array or map interpolates through its Rust display (folded at compile
            // time); a computed one through `to_string`.
            ("`${[1, 'c']}`", "\"[1, 'c']\""),
            ("`${#{a: 'c'}}`", "\"#{\\\"a\\\": 'c'}\""),
            ("`${[range(1, 3, 1), 'c']}`", "\"[range, c]\""),
            ("let c = 'c'; `${[c]}`", "\"[c]\""),
            ("`${blob(2, 65)}`", "\"[4141]\""),
            ("['c', \"s\"]", "['c', \"s\"]"),
        ],
    );
    assert_eq!(
        printed("print('c'); debug('c'); print(\"s\"); debug(\"s\"); debug(()); print(())"),
        [
            "print:c",
            "debug:c",
            "print:s",
            "debug:\"s\"",
            "debug:()",
            "print:"
        ]
    );
    assert_eq!(
        printed("print([1, 'c', 1e15]); debug(['c', \"s\"])"),
        ["print:[1, c, 1000000000000000.0]", "debug:[c, \"s\"]"]
    );
}

#[test]
fn function_pointers_debug_with_quotes_and_curried_values() {
    check_all(
        &engine(),
        &[
            ("Fn(\"foo\")", "Fn(\"foo\")"),
            ("Fn(\"foo\").curry(1).curry(\"a\")", "Fn(\"foo\", 1, \"a\")"),
            ("fn foo(x) { x } let f = foo; f", "Fn*(\"foo\")"),
            ("fn foo(x) { x } foo.curry(1)", "Fn*(\"foo\", 1)"),
            ("let f = |x| x; f.curry(5).name.len() > 5", "true"),
            // The display text never shows curried values, nor does the debug text.
            ("to_string(Fn(\"foo\").curry(1))", "\"Fn(foo)\""),
            ("to_debug(Fn(\"foo\").curry(1))", "\"Fn(foo)\""),
            ("to_string([Fn(\"foo\").curry(1)])", "\"[Fn(foo)]\""),
            ("`${Fn(\"f\").curry(1)}`", "\"Fn(f)\""),
            ("\"x\" + Fn(\"f\").curry(1)", "\"xFn(f)\""),
        ],
    );
    let engine = engine();
    let closure = engine
        .eval::<Dynamic>("let x = 1; let y = 'c'; |z| x + y + z")
        .unwrap();
    let text = format!("{closure:?}");
    assert!(text.starts_with("Fn*(\"anon$"), "{text}");
    assert!(text.ends_with("\", 1 (shared), 'c' (shared))"), "{text}");
    assert!(format!("{closure}").starts_with("Fn(anon$"));
}

#[test]
fn ranges_and_iterators_have_rust_type_names_and_script_names() {
    let engine = engine();
    let type_name = |script: &str| engine.eval::<Dynamic>(script).unwrap().type_name();
    assert_eq!(type_name("1..5"), "core::ops::range::Range<i64>");
    assert_eq!(type_name("1..=5"), "core::ops::range::RangeInclusive<i64>");
    assert_eq!(
        type_name("range(1, 5, 2)"),
        "rhai::packages::iter_basic::StepRange<i64>"
    );
    assert_eq!(
        type_name("range(1.0, 5.0, 2.0)"),
        "rhai::packages::iter_basic::StepRange<f64>"
    );
    assert_eq!(
        type_name("\"ab\".chars"),
        "rhai::packages::iter_basic::CharsStream"
    );
    assert_eq!(
        type_name("5.bits()"),
        "rhai::packages::iter_basic::BitRange"
    );
    check_all(
        &engine,
        &[
            ("[type_of(1..2), type_of(1..=2)]", "[\"range\", \"range=\"]"),
            (
                "[type_of(range(1, 5, 2)), type_of(range(1.0, 2.0, 0.5)), type_of(\"a\".chars()), type_of(1.bits())]",
                "[\"range\", \"range\", \"range\", \"range\"]",
            ),
            ("[to_string(1..5), to_debug(1..=5), `${1..5}`]", "[\"1..5\", \"1..=5\", \"1..5\"]"),
            ("[to_string(range(1, 5, 2)), to_debug(\"a\".chars())]", "[\"range\", \"range\"]"),
            ("\"a\" + \"b\".chars()", "\"arange\""),
            ("range(1, 5, 2)", "rhai::packages::iter_basic::StepRange<i64>"),
            ("[1..2, 1..=3]", "[1..2, 1..=3]"),
            ("let r = []; for b in 0b1011.bits { r.push(b) } r.len", "64"),
            ("let r = []; for b in 0b1011.bits(1..=3) { r.push(b) } r", "[true, false, true]"),
            ("\"hello\".chars.len", "!ErrorDotExpr"),
        ],
    );
}

#[test]
fn timestamps_print_and_compare() {
    check_all(
        &engine(),
        &[
            ("to_string(timestamp())", "\"<timestamp>\""),
            ("[timestamp()]", "[<timestamp>]"),
            ("type_of(timestamp().elapsed)", "\"f64\""),
            ("timestamp().elapsed >= 0.0", "true"),
            (
                "let t = timestamp(); let u = t + 1; [t < u, t <= u, t > u, t >= u, t == u, t != u]",
                "[true, true, false, false, false, true]",
            ),
            ("let t = timestamp(); (t + 1.5) - t", "1.5"),
            // Fractions of a second count in whole milliseconds.
            ("let t = timestamp(); (t + 1.9999) - t", "1.999"),
            ("let t = timestamp(); (t - 1.9999) - t", "-1.999"),
            ("let t = timestamp(); (t + 0.0005) == t", "true"),
            ("let t = timestamp(); (t + (0.0/0.0)) - t", "0.0"),
            ("let t = timestamp(); (t + 1e17) - t", "1.844674407370955e16"),
            ("let t = timestamp(); t + 9223372036854775807", "!ErrorArithmetic"),
            ("let t = timestamp(); t + 1e300", "!ErrorArithmetic"),
            ("let t = timestamp(); 1 + t", "!ErrorFunctionNotFound"),
        ],
    );
    let engine = engine();
    let message = |script: &str| engine.eval::<Dynamic>(script).unwrap_err().to_string();
    assert!(message("let t = timestamp(); t + 9223372036854775807")
        .starts_with("Timestamp overflow when adding 9223372036854775807 second(s)"));
    assert!(message("let t = timestamp(); t - (-9223372036854775807)")
        .starts_with("Timestamp overflow when subtracting -9223372036854775807 second(s)"));
    assert!(message("let t = timestamp(); t + (1.0/0.0)")
        .starts_with("Integer overflow for timestamp add: inf"));
    assert!(message("let t = timestamp(); t + (-1e19)")
        .starts_with("Integer overflow for timestamp subtract: 10000000000000000000"));
}

#[derive(Clone)]
struct Point(rhai::INT);

#[derive(Clone)]
struct Quiet;

#[test]
fn custom_types_show_their_to_string_or_to_debug_else_their_name() {
    let mut engine = Engine::new();
    engine.register_type_with_name::<Point>("Point");
    engine.register_fn("p", |x: rhai::INT| Point(x));
    engine.register_fn("to_string", |p: &mut Point| format!("P({})", p.0));
    engine.register_type_with_name::<Quiet>("Quiet");
    engine.register_fn("q", || Quiet);
    engine.register_fn("to_debug", |_: &mut Quiet| "Q-debug".to_string());
    check_all(
        &engine,
        &[
            ("to_string(p(1))", "\"P(1)\""),
            // The debug text does not fall back to `to_string`.
            ("to_debug(p(1))", "\"Point\""),
            ("to_string([p(1)])", "\"[Point]\""),
            ("`${p(1)}`", "\"P(1)\""),
            ("to_string(q())", "\"Quiet\""),
            ("to_debug(q())", "\"Q-debug\""),
            (
                "to_string(#{a: p(1), b: q()})",
                "\"#{\\\"a\\\": Point, \\\"b\\\": Q-debug}\"",
            ),
        ],
    );
}
