//! Feature `decimal`: `Decimal` values in `Dynamic`, the built-in operators on them (alone and
//! mixed with INT), and the functions of the book's tables (book: "Numbers", "Numeric
//! Operators", "Numeric Functions", "Value Conversions"; CHECKLIST 3.1, 3.2, 3.5, 4.0, 4.3).
//!
//! Script results are written `type: debug form` (`decimal: 3.5`), so a `Decimal` is never
//! mistaken for the FLOAT of the same text; `!Variant` is an evaluation error of that
//! `EvalAltResult` variant.

#![cfg(feature = "decimal")]

mod common;
use common::{engine, inner, variant};
use rhai::{Dynamic, Engine, EvalAltResult, Scope, INT};
use rust_decimal::Decimal;

/// The largest `Decimal`, as script text.
const MAX: &str = r#"parse_decimal("79228162514264337593543950335")"#;

/// What a script gives: `type: debug form`, or `!Variant` for an error.
fn typed_outcome(engine: &Engine, script: &str) -> String {
    match engine.eval::<Dynamic>(script) {
        Ok(v) => format!("{}: {v:?}", v.type_name()),
        Err(e) => format!("!{}", variant(&format!("{:?}", inner(&e)))),
    }
}

/// Evaluate each `(script, expected)` pair in the notation of `typed_outcome`; the script
/// may use `d(text)` for `parse_decimal(text)`. All mismatches are reported together.
fn check_with(engine: &Engine, cases: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (script, expected) in cases {
        let full = format!("fn d(s) {{ parse_decimal(s) }}\n{script}");
        let actual = typed_outcome(engine, &full);
        if actual != *expected {
            failures.push(format!(
                "  {script}\n    expected {expected}\n    actual   {actual}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

fn check(cases: &[(&str, &str)]) {
    check_with(&engine(), cases);
}

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

#[test]
fn dynamic_holds_decimals_in_sixteen_bytes() {
    assert_eq!(core::mem::size_of::<Dynamic>(), 16);
    let v = Dynamic::from_decimal(dec("1.50"));
    assert!(v.is_decimal());
    assert!(!v.is_float() && !v.is_int() && !v.is_variant());
    assert_eq!(v.type_name(), "decimal");
    assert_eq!(v.as_decimal(), Ok(dec("1.50")));
    assert_eq!(v.as_float(), Err("decimal"));
    assert_eq!(Dynamic::from(42 as INT).as_decimal(), Err("i64"));
    assert_eq!(v.to_string(), "1.50");
    assert_eq!(format!("{v:?}"), "1.50");
    assert_eq!(v.clone().try_cast::<Decimal>(), Some(dec("1.50")));
    assert_eq!(v.clone().cast::<Decimal>(), dec("1.50"));
    assert_eq!(v.clone().try_cast::<rhai::FLOAT>(), None);
    assert!(Dynamic::from(dec("2")).is_decimal());
    assert!(Dynamic::from::<Decimal>(dec("2")).is_decimal());
    assert!(Dynamic::from::<Decimal>(dec("2")).is::<Decimal>());
}

#[test]
fn shared_and_tagged_decimals() {
    let mut v = Dynamic::from_decimal(dec("-7.25")).into_shared();
    assert!(v.is_decimal());
    assert_eq!(v.as_decimal(), Ok(dec("-7.25")));
    *v.write_lock::<Decimal>().unwrap() = dec("0.5");
    assert_eq!(v.flatten_clone().as_decimal(), Ok(dec("0.5")));
    let mut t = Dynamic::from_decimal(dec("3"));
    t.set_tag(42);
    assert_eq!(t.clone().tag(), 42);
    assert_eq!(t.into_read_only().as_decimal(), Ok(dec("3")));
}

#[test]
fn equal_decimals_hash_alike() {
    use std::hash::{BuildHasher, RandomState};
    let state = RandomState::new();
    let a = state.hash_one(Dynamic::from_decimal(dec("1.5")));
    let b = state.hash_one(Dynamic::from_decimal(dec("1.500")));
    assert_eq!(a, b);
}

#[test]
fn host_interop() {
    let mut engine = engine();
    engine.register_fn("half", |x: Decimal| x / Decimal::TWO);
    let mut scope = Scope::new();
    scope.push("price", dec("19.90"));
    let r: Decimal = engine
        .eval_with_scope(&mut scope, "half(price) + 1")
        .unwrap();
    assert_eq!(r, dec("10.95"));
    let r: Decimal = engine
        .eval(r#"parse_decimal("0.1") + parse_decimal("0.2")"#)
        .unwrap();
    assert_eq!(r, dec("0.3"));
    let err = engine.eval::<Dynamic>("half(1)").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorFunctionNotFound(ref s, _) if s == "half (i64)"),
        "{err:?}"
    );
    let err = engine
        .eval::<Dynamic>(r#"half(parse_decimal("1"), 2)"#)
        .unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorFunctionNotFound(ref s, _) if s == "half (decimal, i64)"),
        "{err:?}"
    );
}

#[test]
fn type_of_and_text_forms() {
    check(&[
        (r#"type_of(d("2"))"#, r#"string: "decimal""#),
        (r#"d("2").type_of()"#, r#"string: "decimal""#),
        (r#"d("123.4567")"#, "decimal: 123.4567"),
        (r#"d("1.50").to_string()"#, r#"string: "1.50""#),
        (r#"d("-0.001").to_debug()"#, r#"string: "-0.001""#),
        (r#"`x=${d("2.50")}`"#, r#"string: "x=2.50""#),
        (r#""p" + d("2.5")"#, r#"string: "p2.5""#),
        (r#"d("2.5") + "p""#, r#"string: "2.5p""#),
        (r#"[d("1.5"), 2].to_debug()"#, r#"string: "[1.5, 2]""#),
        (r#"#{a: d("1.5")}.to_json()"#, r#"string: "{\"a\":1.5}""#),
        (r#"let s = ""; s += d("7.0"); s"#, r#"string: "7.0""#),
    ]);
}

#[test]
fn arithmetic_between_decimals() {
    check(&[
        (r#"d("0.1") + d("0.2")"#, "decimal: 0.3"),
        (r#"d("1.50") + d("2.5")"#, "decimal: 4.00"),
        (r#"d("1") - d("2.25")"#, "decimal: -1.25"),
        (r#"d("1.5") * d("1.5")"#, "decimal: 2.25"),
        (r#"d("1") / d("4")"#, "decimal: 0.25"),
        (
            r#"d("1") / d("3")"#,
            "decimal: 0.3333333333333333333333333333",
        ),
        (r#"d("7.5") % d("2")"#, "decimal: 1.5"),
        (r#"d("-7.5") % d("2")"#, "decimal: -1.5"),
        (r#"-d("2.5")"#, "decimal: -2.5"),
        (r#"+d("2.5")"#, "decimal: 2.5"),
        (r#"-(-d("2.5"))"#, "decimal: 2.5"),
        (r#"-d("0")"#, "decimal: -0"),
        (r#"-d("0") == 0"#, "bool: true"),
    ]);
}

#[test]
fn arithmetic_mixed_with_int() {
    check(&[
        (r#"d("2") + 1"#, "decimal: 3"),
        (r#"21 * d("2")"#, "decimal: 42"),
        (r#"1 - d("0.5")"#, "decimal: 0.5"),
        (r#"d("0.5") - 1"#, "decimal: -0.5"),
        (r#"1234.to_decimal() / 10"#, "decimal: 123.40"),
        (r#"1 / d("8")"#, "decimal: 0.125"),
        (r#"10 % d("3")"#, "decimal: 1"),
        (r#"d("10.5") % 3"#, "decimal: 1.5"),
    ]);
}

#[test]
fn compound_assignment() {
    check(&[
        (r#"let x = d("1.5"); x += d("1"); x"#, "decimal: 2.5"),
        (r#"let x = d("1.5"); x += 2; x"#, "decimal: 3.5"),
        (r#"let x = d("1.5"); x -= 2; x"#, "decimal: -0.5"),
        (r#"let x = d("1.5"); x *= 4; x"#, "decimal: 6.0"),
        (r#"let x = d("1.5"); x /= 3; x"#, "decimal: 0.5"),
        (r#"let x = d("7.5"); x %= 2; x"#, "decimal: 1.5"),
        (r#"let x = 5; x += d("0.5"); x"#, "decimal: 5.5"),
        (r#"let x = 5; x *= d("0.5"); x"#, "decimal: 2.5"),
        (r#"let a = [d("1")]; a[0] += 1; a[0]"#, "decimal: 2"),
        (
            r#"let m = #{v: d("1")}; m.v *= d("2.5"); m.v"#,
            "decimal: 2.5",
        ),
        (
            r#"let x = d("1"); let f = || x += 1; f.call(); x"#,
            "decimal: 2",
        ),
        (r#"let x = d("1"); x /= 0"#, "!ErrorArithmetic"),
        (r#"let x = d("1.5"); x **= 2; x"#, "decimal: 2.25"),
    ]);
}

#[test]
fn comparisons() {
    check(&[
        (r#"d("1.5") == d("1.50")"#, "bool: true"),
        (r#"d("1.5") != d("1.50")"#, "bool: false"),
        (r#"d("1.5") < d("1.6")"#, "bool: true"),
        (r#"d("1.5") <= d("1.5")"#, "bool: true"),
        (r#"d("-1.5") > d("1")"#, "bool: false"),
        (r#"d("2") >= d("2.0")"#, "bool: true"),
        (r#"let x = 21 * d("2"); x == 42"#, "bool: true"),
        (r#"let x = 21 * d("2"); 10 < x"#, "bool: true"),
        (r#"42 == d("42.00")"#, "bool: true"),
        (r#"d("41.9") != 42"#, "bool: true"),
        (r#"d("41.9") >= 42"#, "bool: false"),
        (r#"42 <= d("41.9")"#, "bool: false"),
        (r#"42 > d("41.9")"#, "bool: true"),
        (r#"[d("1"), d("2.0")] == [1, d("2")]"#, "bool: true"),
        (r#"[d("1"), d("2")].contains(2)"#, "bool: true"),
        (r#"[1, 2, d("3")].index_of(d("3.0"))"#, "i64: 2"),
    ]);
}

#[test]
fn float_does_not_mix_with_decimal() {
    check(&[
        (r#"d("1") + 1.0"#, "!ErrorFunctionNotFound"),
        (r#"1.0 * d("1")"#, "!ErrorFunctionNotFound"),
        (r#"d("1") == 1.0"#, "bool: false"),
        (r#"d("1") != 1.0"#, "bool: true"),
        (r#"d("1") < 2.0"#, "bool: false"),
    ]);
}

#[test]
fn powers() {
    check(&[
        (r#"d("2") ** 2"#, "decimal: 4"),
        (r#"d("2") ** 0"#, "decimal: 1"),
        // A negative integer power is an error, as is an overflowing one.
        (r#"d("10") ** -2"#, "!ErrorArithmetic"),
        (r#"d("10") ** 100"#, "!ErrorArithmetic"),
        (
            r#"d("2") ** d("0.5")"#,
            "decimal: 1.4142135623730950488016887244",
        ),
    ]);
}

#[test]
fn operators_not_on_decimal() {
    check(&[
        (r#"d("2") << 1"#, "!ErrorFunctionNotFound"),
        (r#"d("2") >> 1"#, "!ErrorFunctionNotFound"),
        (r#"d("2") & 1"#, "!ErrorFunctionNotFound"),
        (r#"d("2") | d("1")"#, "!ErrorFunctionNotFound"),
        (r#"d("2") ^ 1"#, "!ErrorFunctionNotFound"),
        (r#"d("2")..5"#, "!ErrorFunctionNotFound"),
        (r#"!d("2")"#, "!ErrorFunctionNotFound"),
    ]);
}

#[test]
fn overflow_and_division_by_zero_are_arithmetic_errors() {
    let max = |s: &str| s.replace("MAX", MAX);
    let cases = [
        ("MAX", "decimal: 79228162514264337593543950335"),
        ("MAX + 1", "!ErrorArithmetic"),
        ("1 + MAX", "!ErrorArithmetic"),
        ("-MAX - 1", "!ErrorArithmetic"),
        ("-MAX - MAX", "!ErrorArithmetic"),
        ("MAX * 2", "!ErrorArithmetic"),
        ("MAX * d(\"1.5\")", "!ErrorArithmetic"),
        ("MAX / d(\"0.1\")", "!ErrorArithmetic"),
        ("let x = MAX; x += 1; x", "!ErrorArithmetic"),
        ("let x = MAX; x *= MAX; x", "!ErrorArithmetic"),
        ("MAX - 1", "decimal: 79228162514264337593543950334"),
        ("MAX / 2", "decimal: 39614081257132168796771975168"),
        ("MAX % 2", "decimal: 1"),
        ("d(\"1\") / 0", "!ErrorArithmetic"),
        ("d(\"1\") / d(\"0.00\")", "!ErrorArithmetic"),
        ("1 / d(\"0\")", "!ErrorArithmetic"),
        ("d(\"1\") % 0", "!ErrorArithmetic"),
        ("d(\"1\") % d(\"0\")", "!ErrorArithmetic"),
        ("let x = d(\"1\"); x %= 0; x", "!ErrorArithmetic"),
        ("let x = 1; x /= d(\"0\"); x", "!ErrorArithmetic"),
        ("d(\"0.0000000000000000000000000001\") / 10", "decimal: 0"),
    ];
    let cases: Vec<(String, &str)> = cases.iter().map(|(s, e)| (max(s), *e)).collect();
    let cases: Vec<(&str, &str)> = cases.iter().map(|(s, e)| (s.as_str(), *e)).collect();
    check(&cases);
}

#[test]
fn error_messages_name_the_operation() {
    let engine = engine();
    let message = |script: &str| match *engine.eval::<Dynamic>(script).unwrap_err() {
        EvalAltResult::ErrorArithmetic(m, _) => m,
        e => panic!("{e:?}"),
    };
    assert_eq!(
        message(r#"parse_decimal("1.5") / 0"#),
        "Division by zero: 1.5 / 0"
    );
    assert_eq!(
        message(r#"parse_decimal("1.5") % 0"#),
        "Modulo division by zero or overflow: 1.5 % 0"
    );
    assert_eq!(
        message(&format!("{MAX} + 1")),
        "Addition overflow: 79228162514264337593543950335 + 1"
    );
}

#[test]
fn operators_without_fast_path_and_on_a_raw_engine() {
    let mut slow = engine();
    slow.set_fast_operators(false);
    let cases = [
        (r#"d("2") + 1"#, "decimal: 3"),
        (r#"let x = d("2"); x *= d("1.5"); x"#, "decimal: 3.0"),
        (r#"d("2") < 3"#, "bool: true"),
        (r#"d("2") / 0"#, "!ErrorArithmetic"),
    ];
    check_with(&slow, &cases);
    let raw = Engine::new_raw();
    let script = "let x = parse_decimal(\"1\"); x";
    assert_eq!(typed_outcome(&raw, script), "!ErrorFunctionNotFound");
    let mut raw = Engine::new_raw();
    raw.register_fn("d", |n: INT| Decimal::from(n));
    assert_eq!(typed_outcome(&raw, "d(7) / 4 + 1"), "decimal: 2.75");
    assert_eq!(typed_outcome(&raw, "-d(7) < 0"), "bool: true");
}

#[test]
fn overloads_take_precedence_over_built_ins_when_fast_operators_are_off() {
    let mut engine = engine();
    engine.set_fast_operators(false);
    engine.register_fn("+", |_: Decimal, _: INT| -> INT { 0 });
    assert_eq!(
        typed_outcome(&engine, r#"parse_decimal("1") + 1"#),
        "i64: 0"
    );
}

#[test]
fn conversions() {
    check(&[
        ("42.to_decimal()", "decimal: 42"),
        ("to_decimal(-7)", "decimal: -7"),
        ("0.1.to_decimal()", "decimal: 0.1"),
        ("(-2.5).to_decimal()", "decimal: -2.5"),
        ("1e20.to_decimal()", "decimal: 100000000000000000000"),
        (r#"d("1.5").to_decimal()"#, "decimal: 1.5"),
        ("(0.0 / 0.0).to_decimal()", "!ErrorArithmetic"),
        ("(1.0 / 0.0).to_decimal()", "!ErrorArithmetic"),
        ("1e30.to_decimal()", "!ErrorArithmetic"),
        (r#"d("41.99").to_int()"#, "i64: 41"),
        (r#"d("-41.99").to_int()"#, "i64: -41"),
        (
            r#"d("9223372036854775807").to_int()"#,
            "i64: 9223372036854775807",
        ),
        (
            r#"d("-9223372036854775808").to_int()"#,
            "i64: -9223372036854775808",
        ),
        (r#"d("9223372036854775808").to_int()"#, "!ErrorArithmetic"),
        (&format!("{MAX}.to_int()"), "!ErrorArithmetic"),
        (r#"d("2.5").to_float()"#, "f64: 2.5"),
        (r#"d("-0.125").to_float()"#, "f64: -0.125"),
        (
            r#"let y = 42 * 100.0; let z = y.to_int() + 42; z.to_decimal() + 42"#,
            "decimal: 4284",
        ),
    ]);
}

#[test]
fn parse_decimal() {
    check(&[
        (r#"parse_decimal("123.4")"#, "decimal: 123.4"),
        // The text is not trimmed.
        (r#"parse_decimal("  -0.50 ")"#, "!ErrorArithmetic"),
        (r#"parse_decimal("-0.50")"#, "decimal: -0.50"),
        (r#"parse_decimal("42")"#, "decimal: 42"),
        (r#"parse_decimal("1_000.5")"#, "decimal: 1000.5"),
        (r#"parse_decimal("1.5e3")"#, "decimal: 1500"),
        (r#"parse_decimal("25e-3")"#, "decimal: 0.025"),
        (
            r#"parse_decimal("79228162514264337593543950336")"#,
            "!ErrorArithmetic",
        ),
        (
            r#"parse_decimal("0.123456789012345678901234567891")"#,
            "decimal: 0.1234567890123456789012345679",
        ),
        (
            r#"parse_decimal("2.5e-28")"#,
            "decimal: 0.0000000000000000000000000003",
        ),
        (r#"parse_decimal("1e-30")"#, "!ErrorArithmetic"),
        (r#"parse_decimal("abc")"#, "!ErrorArithmetic"),
        (r#"parse_decimal("")"#, "!ErrorArithmetic"),
        (r#"parse_decimal("1.2.3")"#, "!ErrorArithmetic"),
        (r#"parse_decimal(42)"#, "!ErrorFunctionNotFound"),
    ]);
}

#[test]
fn signed_number_functions() {
    check(&[
        (r#"abs(d("-2.50"))"#, "decimal: 2.50"),
        (r#"d("2.5").abs()"#, "decimal: 2.5"),
        (
            &format!("abs(-{MAX})"),
            "decimal: 79228162514264337593543950335",
        ),
        (r#"sign(d("-0.001"))"#, "i64: -1"),
        (r#"sign(d("0.001"))"#, "i64: 1"),
        (r#"sign(d("0.00"))"#, "i64: 0"),
        (r#"sign(-d("0"))"#, "i64: 0"),
        (r#"d("0.000").is_zero"#, "bool: true"),
        (r#"d("0.001").is_zero()"#, "bool: false"),
        (r#"is_zero(d("0"))"#, "bool: true"),
    ]);
}

#[test]
fn min_and_max_interoperate_with_int() {
    check(&[
        (r#"min(d("1.5"), d("1.25"))"#, "decimal: 1.25"),
        (r#"max(d("1.5"), d("1.25"))"#, "decimal: 1.5"),
        (r#"min(d("1.5"), 2)"#, "decimal: 1.5"),
        (r#"max(d("1.5"), 2)"#, "decimal: 2"),
        (r#"min(1, d("1.5"))"#, "decimal: 1"),
        (r#"max(1, d("1.5"))"#, "decimal: 1.5"),
        (r#"d("1.5").max(3)"#, "decimal: 3"),
        (r#"min(d("1"), 1.0)"#, "!ErrorFunctionNotFound"),
    ]);
}

#[test]
fn math_functions() {
    check(&[
        (r#"sqrt(d("16"))"#, "decimal: 4"),
        (
            r#"d("2").sqrt()"#,
            "decimal: 1.4142135623730950488016887242",
        ),
        (r#"sqrt(d("0"))"#, "decimal: 0"),
        (r#"sqrt(d("-1"))"#, "!ErrorArithmetic"),
        (r#"exp(d("0"))"#, "decimal: 1"),
        (r#"exp(d("1"))"#, "decimal: 2.7182818284590452353602874714"),
        (r#"exp(d("100"))"#, "!ErrorArithmetic"),
        (
            r#"exp(d("-65"))"#,
            "decimal: 0.0000000000000000000000000001",
        ),
        (r#"exp(d("-70"))"#, "decimal: 0"),
        (r#"ln(d("1"))"#, "decimal: 0"),
        (r#"ln(d("10"))"#, "decimal: 2.302585092994045684017991454"),
        (r#"ln(d("0"))"#, "!ErrorArithmetic"),
        (r#"ln(d("-1"))"#, "!ErrorArithmetic"),
        (r#"log(d("1000"))"#, "decimal: 3"),
        (r#"d("0.01").log()"#, "decimal: -2"),
        (r#"log(d("0"))"#, "!ErrorArithmetic"),
        (r#"log(d("-10"))"#, "!ErrorArithmetic"),
        (r#"log(d("8"), d("2"))"#, "!ErrorFunctionNotFound"),
        (r#"sin(d("0"))"#, "decimal: 0"),
        (r#"cos(d("0"))"#, "decimal: 1"),
        (r#"tan(d("0"))"#, "decimal: 0"),
        (r#"sin(d("1"))"#, "decimal: 0.8414709848078965066525023217"),
        (r#"cos(d("1"))"#, "decimal: 0.5403023058681397174009366075"),
        (r#"tan(d("1"))"#, "decimal: 1.5574077246549022305069748074"),
        (r#"sinh(d("1"))"#, "!ErrorFunctionNotFound"),
        (r#"d("1").is_nan"#, "!ErrorDotExpr"),
    ]);
}

#[test]
fn rounding_to_integers() {
    check(&[
        (r#"d("2.5").round()"#, "decimal: 2"),
        (r#"d("3.5").round"#, "decimal: 4"),
        (r#"round(d("-2.5"))"#, "decimal: -2"),
        (r#"d("2.51").round"#, "decimal: 3"),
        (r#"d("1.7").floor"#, "decimal: 1"),
        (r#"floor(d("-1.2"))"#, "decimal: -2"),
        (r#"d("1.2").ceiling()"#, "decimal: 2"),
        (r#"d("-1.7").ceiling"#, "decimal: -1"),
        (r#"d("-1.75").int"#, "decimal: -1"),
        (r#"int(d("1.75"))"#, "decimal: 1"),
        (r#"d("-1.75").fraction"#, "decimal: -0.75"),
        (r#"fraction(d("3"))"#, "decimal: 0"),
        (
            &format!("{MAX}.floor"),
            "decimal: 79228162514264337593543950335",
        ),
        (
            r#"d("7922816251426433759354395033.5").ceiling"#,
            "decimal: 7922816251426433759354395034",
        ),
    ]);
}

#[test]
fn rounding_to_decimal_places() {
    check(&[
        (r#"d("1.2345").round(3)"#, "decimal: 1.234"),
        (r#"d("1.2355").round(3)"#, "decimal: 1.236"),
        (r#"d("-1.2345").round(3)"#, "decimal: -1.234"),
        (r#"d("1.231").round_up(2)"#, "decimal: 1.24"),
        (r#"d("-1.231").round_up(2)"#, "decimal: -1.24"),
        (r#"d("1.239").round_down(2)"#, "decimal: 1.23"),
        (r#"d("-1.239").round_down(2)"#, "decimal: -1.23"),
        (r#"d("1.235").round_half_up(2)"#, "decimal: 1.24"),
        (r#"d("-1.235").round_half_up(2)"#, "decimal: -1.24"),
        (r#"d("1.225").round_half_up(2)"#, "decimal: 1.23"),
        (r#"d("1.235").round_half_down(2)"#, "decimal: 1.23"),
        (r#"d("-1.235").round_half_down(2)"#, "decimal: -1.23"),
        (r#"d("1.2351").round_half_down(2)"#, "decimal: 1.24"),
        (r#"d("2.5").round(0)"#, "decimal: 2"),
        (r#"d("1.25").round(5)"#, "decimal: 1.25"),
        (r#"d("1.25").round_up(1000)"#, "decimal: 1.25"),
        (
            r#"d("1.25").round_down(9223372036854775807)"#,
            "decimal: 1.25",
        ),
        (r#"d("1.25").round(-1)"#, "!ErrorArithmetic"),
        (r#"d("1.25").round_up(-1)"#, "!ErrorArithmetic"),
        (
            r#"d("1.25").round_down(-9223372036854775807 - 1)"#,
            "!ErrorArithmetic",
        ),
        (r#"d("1.25").round_half_up(-1)"#, "!ErrorArithmetic"),
        (r#"d("1.25").round_half_down(-1)"#, "!ErrorArithmetic"),
        (r#"d("1.25").round(1.0)"#, "!ErrorFunctionNotFound"),
        (r#"d("9.995").round_up(2)"#, "decimal: 10.00"),
    ]);
}

#[test]
fn sorting() {
    check(&[
        (
            r#"let a = [d("2.5"), d("-1"), d("2.25"), d("0")]; a.sort(); a"#,
            "array: [-1, 0, 2.25, 2.5]",
        ),
        // Without a comparer only elements of one type sort.
        (
            r#"let a = [3, d("2.5"), 1]; a.sort(); a"#,
            "!ErrorFunctionNotFound",
        ),
        (
            r#"let a = [d("1.0"), d("1")]; a.sort(); a"#,
            "array: [1.0, 1]",
        ),
        (
            r#"let a = [d("1"), 1.5]; a.sort(); a"#,
            "!ErrorFunctionNotFound",
        ),
        (
            r#"let a = [d("1"), "x"]; a.sort(); a"#,
            "!ErrorFunctionNotFound",
        ),
        (
            r#"let a = [d("1"), d("2")]; a.sort_desc(); a"#,
            "array: [2, 1]",
        ),
        (
            r#"let a = [d("2"), d("1")]; a.sort(|x, y| if x < y { 1 } else { -1 }); a"#,
            "array: [2, 1]",
        ),
    ]);
}

#[test]
fn switch_on_decimals() {
    check(&[
        (
            r#"switch d("42.5") { 0..42 => 1, 42..=43 => 2, _ => 3 }"#,
            "i64: 2",
        ),
        (r#"switch d("42") { 0..42 => 1, _ => 3 }"#, "i64: 3"),
        (
            r#"switch d("42") { 42 => 1, 0..50 => 2, _ => 3 }"#,
            "i64: 2",
        ),
        (r#"switch d("-1") { 0..50 => 2, _ => 3 }"#, "i64: 3"),
        (r#"switch 42 { 0..50 => 2, _ => 3 }"#, "i64: 2"),
        (r#"switch "x" { 0..50 => 2, _ => 3 }"#, "i64: 3"),
    ]);
}

#[cfg(feature = "serde")]
#[test]
fn decimals_serialize_as_floats_and_read_as_nothing_else() {
    let d = rhai::Dynamic::from_decimal(rust_decimal::Decimal::new(150, 2));
    assert_eq!(serde_json::to_string(&d).unwrap(), "1.5");
    let err = |e: Box<rhai::EvalAltResult>| e.to_string();
    assert_eq!(
        err(rhai::serde::from_dynamic::<String>(&d).unwrap_err()),
        rhai::EvalAltResult::ErrorMismatchOutputType(
            "String".into(),
            "decimal".into(),
            rhai::Position::NONE
        )
        .to_string()
    );
}
