//! Every error exactly as the published crate reports it: the variant and its fields (`Debug`),
//! the message (`Display`), the position, and the value a `catch` block receives.
//!
//! * `forms_*`, `parse_forms_*`, `lex_forms_*`: each variant of `EvalAltResult`,
//!   `ParseErrorType` and `LexError`, built by hand, with and without a position.
//! * `eval_*`: scripts that fail at run time, and what `catch` makes of the same failure.
//! * `parse_*`: scripts that fail to compile.
//! * `api_*`: failures set up through the engine's API (limits, options, output types).
//!
//! Anonymous functions are named `anon$` plus a number that differs between builds: such names
//! are compared as `anon$…`.

use rhai::{
    Dynamic, Engine, EvalAltResult, LexError, ParseError, ParseErrorType, Position, Scope, INT,
};
use EvalAltResult::*;

/// Names of anonymous functions, with their varying suffix replaced by `…`.
fn mask_anon(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("anon$") {
        out.push_str(&rest[..at + 5]);
        out.push('…');
        rest = rest[at + 5..].trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '…');
    }
    out.push_str(rest);
    out
}

fn engine() -> Engine {
    Engine::new()
}

/// `script` (as a file: with a final new-line) fails at run time with exactly this `Debug`
/// form and `Display` text.
fn assert_eval_error(script: &str, debug: &str, display: &str) {
    assert_engine_error(&engine(), &format!("{script}\n"), debug, display);
}

fn assert_engine_error(engine: &Engine, script: &str, debug: &str, display: &str) {
    let err = engine.eval::<Dynamic>(script).expect_err(script);
    assert_eq!(mask_anon(&format!("{err:?}")), mask_anon(debug), "{script}");
    assert_eq!(mask_anon(&err.to_string()), mask_anon(display), "{script}");
}

/// `script` (which leaves what it caught in its result) gives a value of this `Debug` form.
fn assert_caught(script: &str, debug: &str) {
    let value = engine().eval::<Dynamic>(script).expect(script);
    assert_eq!(
        mask_anon(&format!("{value:?}")),
        mask_anon(debug),
        "{script}"
    );
}

/// `script` (as a file: with a final new-line) fails to compile with exactly this `Debug`
/// form and `Display` text.
fn assert_parse_error(script: &str, debug: &str, display: &str) {
    assert_engine_parse_error(&engine(), &format!("{script}\n"), debug, display);
}

fn assert_engine_parse_error(engine: &Engine, script: &str, debug: &str, display: &str) {
    let err = engine.compile(script).expect_err(script);
    assert_eq!(format!("{err:?}"), debug, "{script}");
    assert_eq!(err.to_string(), display, "{script}");
}

/// An error inside a called function, for the wrapping variants.
fn inner() -> Box<EvalAltResult> {
    Box::new(ErrorVariableNotFound("v".into(), Position::new(2, 3)))
}

/// `Debug`, `Display` and the [catchable, system exception, pseudo-error] classification.
fn assert_forms(err: EvalAltResult, debug: &str, display: &str, kind: [bool; 3]) {
    assert_eq!(format!("{err:?}"), debug);
    assert_eq!(err.to_string(), display, "{debug}");
    let actual = [
        err.is_catchable(),
        err.is_system_exception(),
        err.is_pseudo_error(),
    ];
    assert_eq!(actual, kind, "{debug}");
}

/// `Debug` and `Display` of a parse error type, then of it as a `ParseError` at 1:2 (both
/// forms), then as an `EvalAltResult` without a position.
fn assert_parse_forms(err: ParseErrorType, debug: &str, forms: [&str; 4]) {
    assert_eq!(format!("{err:?}"), debug);
    let at = ParseError(Box::new(err.clone()), Position::new(1, 2));
    let as_eval: EvalAltResult = err.clone().into();
    let actual = [
        err.to_string(),
        at.to_string(),
        format!("{at:?}"),
        as_eval.to_string(),
    ];
    assert_eq!(actual, forms, "{debug}");
}

/// `Debug` and `Display` of a lexer error, then the text of it as a parse error at 1:2.
fn assert_lex_forms(err: LexError, debug: &str, forms: [&str; 2]) {
    assert_eq!(format!("{err:?}"), debug);
    let actual = [
        err.to_string(),
        err.clone().into_err(Position::new(1, 2)).to_string(),
    ];
    assert_eq!(actual, forms, "{debug}");
}

/// A native function raising `make()`, called inside `try`: the catch gets this value (`Ok`),
/// or the error is not catchable and ends the script (`Err`, its `Debug` form).
fn assert_native_error_caught(make: fn() -> EvalAltResult, expected: Result<&str, &str>) {
    let mut engine = Engine::new();
    engine.register_fn("raise", move || -> Result<Dynamic, Box<EvalAltResult>> {
        Err(make().into())
    });
    let script = "let r = \"no error\"; try { raise(); } catch (e) { r = e; } r";
    let actual = match engine.eval::<Dynamic>(script) {
        Ok(v) => Ok(format!("{v:?}")),
        Err(e) => Err(format!("{e:?}")),
    };
    let expected = expected.map(str::to_string).map_err(str::to_string);
    assert_eq!(actual, expected, "{:?}", make());
}

// ---- errors set up through the engine's API ----

#[test]
fn api_mismatch_output_type() {
    let err = engine().eval::<INT>("\"abc\"").unwrap_err();
    assert_eq!(
        format!("{err:?}"),
        r#"ErrorMismatchOutputType("i64", "string", none)"#
    );
    assert_eq!(
        err.to_string(),
        "Output type incorrect: string (expecting i64)"
    );
    let err = engine().eval::<String>("42").unwrap_err();
    assert_eq!(
        format!("{err:?}"),
        r#"ErrorMismatchOutputType("string", "i64", none)"#
    );
    let err = engine().eval::<()>("42").unwrap_err();
    assert_eq!(err.to_string(), "Output type incorrect: i64 (expecting ())");
}

#[test]
fn api_variable_exists() {
    let mut engine = engine();
    engine.set_allow_shadowing(false);
    assert_engine_parse_error(
        &engine,
        "let x = 1; let x = 2;",
        r#"ParseError(VariableExists("x"), 1:16)"#,
        "Variable already defined: x (line 1, position 16)",
    );
    // A variable of the scope is only seen at run time.
    let mut scope = Scope::new();
    scope.push("y", 1 as INT);
    let err = engine
        .eval_with_scope::<Dynamic>(&mut scope, "let y = 2;")
        .unwrap_err();
    assert_eq!(format!("{err:?}"), r#"ErrorVariableExists("y", 1:1)"#);
    assert_eq!(
        err.to_string(),
        "Variable already defined: y (line 1, position 1)"
    );
    assert_engine_error(
        &engine,
        "let x = 1; eval(\"let x = 2;\")",
        r#"ErrorInFunctionCall("eval", "", ErrorVariableExists("x", 1:1), 1:17)"#,
        "Variable already defined: x (line 1, position 1)\nin call to function 'eval' (line 1, position 17)",
    );
}

#[test]
fn api_strict_variables() {
    let mut engine = engine();
    engine.set_strict_variables(true);
    assert_engine_parse_error(
        &engine,
        "x + 1",
        r#"ParseError(VariableUndefined("x"), 1:1)"#,
        "Undefined variable: x (line 1, position 1)",
    );
    assert_engine_parse_error(
        &engine,
        "m::x + 1",
        r#"ParseError(ModuleUndefined("m"), 1:1)"#,
        "Undefined module: m (line 1, position 1)",
    );
    assert_engine_parse_error(
        &engine,
        "fn f() { y }",
        r#"ParseError(VariableUndefined("y"), 1:10)"#,
        "Undefined variable: y (line 1, position 10)",
    );
}

#[test]
fn api_property_not_found() {
    let mut engine = engine();
    engine.set_fail_on_invalid_map_property(true);
    assert_engine_error(
        &engine,
        "let m = #{a: 1};\nm.b",
        r#"ErrorPropertyNotFound("b", 2:3)"#,
        "Property not found: b (line 2, position 3)",
    );
    assert_engine_error(
        &engine,
        "let m = #{a: 1};\nm[\"b\"]",
        r#"ErrorPropertyNotFound("b", 2:3)"#,
        "Property not found: b (line 2, position 3)",
    );
    let value = engine
        .eval::<Dynamic>("let m = #{a: 1}; let r = (); try { m.b } catch (e) { r = e; } r")
        .unwrap();
    assert_eq!(
        format!("{value:?}"),
        r#"#{"error": "ErrorPropertyNotFound", "line": 1, "message": "Property not found: b", "position": 38, "variable": "b"}"#
    );
}

#[test]
fn api_too_many_functions() {
    let mut engine = engine();
    engine.set_max_functions(1);
    assert_engine_parse_error(
        &engine,
        "fn a() {} fn b() {}",
        "ParseError(TooManyFunctions, 1:11)",
        "Number of functions defined exceeds maximum limit (line 1, position 11)",
    );
}

#[test]
fn api_literal_too_large() {
    let mut engine = engine();
    engine.set_max_string_size(5);
    engine.set_max_array_size(2);
    engine.set_max_map_size(2);
    assert_engine_parse_error(
        &engine,
        "\"abcdefgh\"",
        r#"ParseError(LiteralTooLarge("Length of string", 5), 1:1)"#,
        "Length of string exceeds the maximum limit (5) (line 1, position 1)",
    );
    assert_engine_parse_error(
        &engine,
        "`ab${1}cdefgh`",
        r#"ParseError(LiteralTooLarge("Length of string", 5), 1:7)"#,
        "Length of string exceeds the maximum limit (5) (line 1, position 7)",
    );
    // An array literal must stay below the limit: the check runs before the closing `]`.
    assert_engine_parse_error(
        &engine,
        "let a = [1,2]; a",
        r#"ParseError(LiteralTooLarge("Size of array literal", 2), 1:13)"#,
        "Size of array literal exceeds the maximum limit (2) (line 1, position 13)",
    );
    assert_engine_parse_error(
        &engine,
        "#{a:1,b:2,c:3}",
        r#"ParseError(LiteralTooLarge("Number of properties in object map literal", 2), 1:13)"#,
        "Number of properties in object map literal exceeds the maximum limit (2) (line 1, position 13)",
    );
    let err = LexError::StringTooLong(10).into_err(Position::new(1, 2));
    assert_eq!(
        format!("{err:?}"),
        r#"ParseError(LiteralTooLarge("Length of string", 10), 1:2)"#
    );
}

#[test]
fn api_data_too_large() {
    let mut engine = engine();
    engine.set_max_string_size(5);
    engine.set_max_array_size(3);
    engine.set_max_map_size(2);
    for (script, debug) in [
        (
            "let s = \"abc\"; s + \"defg\"",
            r#"ErrorDataTooLarge("Length of string", 1:18)"#,
        ),
        (
            "let s = \"abc\"; `${s}${s}`",
            r#"ErrorDataTooLarge("Length of string", 1:23)"#,
        ),
        (
            "fn f() { let s = \"abc\"; s + s } f()",
            r#"ErrorDataTooLarge("Length of string", 1:33)"#,
        ),
        (
            "let a = [1]; a.push(2); a.push(3); a.push(4); a",
            r#"ErrorDataTooLarge("Size of array/BLOB", 1:38)"#,
        ),
        (
            "let b = blob(); b.push(1); b.push(1); b.push(1); b.push(1); b",
            r#"ErrorDataTooLarge("Size of array/BLOB", 1:52)"#,
        ),
        (
            "let m = #{a:1}; m.b = 2; m.c = 3; m",
            r#"ErrorDataTooLarge("Size of object map", 1:30)"#,
        ),
    ] {
        let err = engine.eval::<Dynamic>(script).unwrap_err();
        assert_eq!(format!("{err:?}"), debug, "{script}");
    }
    let err = engine
        .eval::<Dynamic>("let s = \"abc\"; s + \"defg\"")
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Length of string too large (line 1, position 18)"
    );
    // Writing through an index is not checked against the map size.
    let value = engine
        .eval::<Dynamic>("let m = #{a:1}; m[\"b\"] = 2; m[\"c\"] = 3; m")
        .unwrap();
    assert_eq!(format!("{value:?}"), r#"#{"a": 1, "b": 2, "c": 3}"#);
}

#[test]
fn api_too_many_variables_and_modules() {
    let mut engine = engine();
    engine.set_max_variables(2);
    assert_engine_error(
        &engine,
        "let a = 1; let b = 2; let c = 3;",
        "ErrorTooManyVariables(1:23)",
        "Too many variables defined (line 1, position 23)",
    );
    // A system error inside a function is reported at the (outermost) call.
    assert_engine_error(
        &engine,
        "fn f() { let a = 1; let b = 2; let c = 3; } f()",
        "ErrorTooManyVariables(1:45)",
        "Too many variables defined (line 1, position 45)",
    );
    let mut engine = Engine::new();
    engine.set_max_modules(0);
    assert_engine_error(
        &engine,
        "import \"x\" as y;",
        "ErrorTooManyModules(1:1)",
        "Too many modules imported (line 1, position 1)",
    );
}

#[test]
fn api_stack_overflow() {
    let mut engine = engine();
    engine.set_max_call_levels(3);
    assert_engine_error(
        &engine,
        "fn f(n) { f(n + 1) } f(0)",
        "ErrorStackOverflow(1:22)",
        "Stack overflow (line 1, position 22)",
    );
    assert_engine_error(
        &engine,
        "fn f(n) { g(n) } fn g(n) { f(n) }\n\n  f(0)",
        "ErrorStackOverflow(3:3)",
        "Stack overflow (line 3, position 3)",
    );
    // Not catchable.
    assert_engine_error(
        &engine,
        "fn f(n) { f(n + 1) } try { f(0) } catch(e) { 1 }",
        "ErrorStackOverflow(1:28)",
        "Stack overflow (line 1, position 28)",
    );
}

#[test]
fn api_too_many_operations_and_terminated() {
    let mut engine = engine();
    engine.set_max_operations(10);
    let err = engine
        .eval::<Dynamic>("let x = 0; while true { x += 1; }")
        .unwrap_err();
    assert!(
        matches!(*err, ErrorTooManyOperations(p) if p.line() == Some(1)),
        "{err:?}"
    );
    assert!(
        err.to_string().starts_with("Too many operations (line 1, "),
        "{err}"
    );
    let mut engine = Engine::new();
    engine.on_progress(|n| (n > 5).then(|| Dynamic::from(99 as INT)));
    let err = engine
        .eval::<Dynamic>("let x = 0; loop { x += 1; }")
        .unwrap_err();
    assert!(
        matches!(*err, ErrorTerminated(ref v, _) if v.as_int() == Ok(99)),
        "{err:?}"
    );
    assert!(
        err.to_string().starts_with("Script terminated (line 1, "),
        "{err}"
    );
}

#[test]
fn api_native_function_errors() {
    let mut engine = engine();
    engine.register_fn("fail", || -> Result<INT, Box<EvalAltResult>> {
        Err("custom failure".into())
    });
    engine.register_fn("fail_at", || -> Result<INT, Box<EvalAltResult>> {
        Err(ErrorArithmetic("bad math".into(), Position::new(7, 7)).into())
    });
    // Without a position, the call's is given; an error's own position is kept.
    assert_engine_error(
        &engine,
        "fail()",
        r#"ErrorRuntime("custom failure", 1:1)"#,
        "Runtime error: custom failure (line 1, position 1)",
    );
    assert_engine_error(
        &engine,
        "fail_at()",
        r#"ErrorArithmetic("bad math", 7:7)"#,
        "bad math (line 7, position 7)",
    );
}

#[test]
fn api_call_fn_errors() {
    let engine = engine();
    let ast = engine.compile("fn f(x) { x + 1 } fn g() { h() }").unwrap();
    let mut scope = Scope::new();
    let err = engine
        .call_fn::<Dynamic>(&mut scope, &ast, "nope", (1 as INT,))
        .unwrap_err();
    assert_eq!(format!("{err:?}"), r#"ErrorFunctionNotFound("nope", none)"#);
    let err = engine
        .call_fn::<Dynamic>(&mut scope, &ast, "f", (1 as INT, 2 as INT))
        .unwrap_err();
    assert_eq!(format!("{err:?}"), r#"ErrorFunctionNotFound("f", none)"#);
    let err = engine
        .call_fn::<Dynamic>(&mut scope, &ast, "g", ())
        .unwrap_err();
    assert_eq!(format!("{err:?}"), r#"ErrorFunctionNotFound("h ()", 1:28)"#);
    let err = engine
        .call_fn::<String>(&mut scope, &ast, "f", (1 as INT,))
        .unwrap_err();
    assert_eq!(
        format!("{err:?}"),
        r#"ErrorMismatchOutputType("string", "i64", none)"#
    );
}

#[test]
fn api_data_race_on_a_captured_this() {
    // The closure's captured `x` is also the `this` of the call: argument #1 is locked.
    assert_eval_error(
        "let x = 20; let f = |a| this += x + a; x.call(f, 2);",
        r#"ErrorDataRace("argument #1 of function 'anon$…'", none)"#,
        "Data race detected on argument #1 of function 'anon$…'",
    );
    assert_caught(
        "let x = 1; let f = || x; let r = (); try { x.call(|| { x }) } catch (e) { r = e; } r",
        r#"#{"error": "ErrorDataRace", "message": "Data race detected on argument #1 of function 'anon$…'", "variable": "argument #1 of function 'anon$…'"}"#,
    );
}

// ---- scripts failing at run time ----

#[test]
fn eval_variable_not_found() {
    assert_eval_error(
        r##"let y = 1;
y + x"##,
        r##"ErrorVariableNotFound("x", 2:5)"##,
        r##"Variable not found: x (line 2, position 5)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    let y = 1;
    y + x
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorVariableNotFound", "line": 4, "message": "Variable not found: x", "position": 9, "variable": "x"}"##,
    );
}

#[test]
fn eval_function_not_found() {
    assert_eval_error(
        r##"let s = "a";
foo(1, s, 'c', [], #{}, ())"##,
        r##"ErrorFunctionNotFound("foo (i64, &str | ImmutableString | String, char, array, map, ())", 2:1)"##,
        r##"Function not found: foo (i64, &str | ImmutableString | String, char, array, map, ()) (line 2, position 1)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    let s = "a";
    foo(1, s, 'c', [], #{}, ())
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorFunctionNotFound", "function": "foo (i64, &str | ImmutableString | String, char, array, map, ())", "line": 4, "message": "Function not found: foo (i64, &str | ImmutableString | String, char, array, map, ())", "position": 5}"##,
    );
}

#[test]
fn eval_method_not_found() {
    assert_eval_error(
        r##"let n = 1;
n.bar(2.5)"##,
        r##"ErrorFunctionNotFound("bar (i64, f64)", 2:3)"##,
        r##"Function not found: bar (i64, f64) (line 2, position 3)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    let n = 1;
    n.bar(2.5)
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorFunctionNotFound", "function": "bar (i64, f64)", "line": 4, "message": "Function not found: bar (i64, f64)", "position": 7}"##,
    );
}

#[test]
fn eval_module_not_found() {
    assert_eval_error(
        r##"import "no_such_module" as m;
print(m::x);"##,
        r##"ErrorModuleNotFound("no_such_module", 1:8)"##,
        r##"Module not found: no_such_module (line 1, position 8)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    import "no_such_module" as m;
    print(m::x);
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorModuleNotFound", "line": 3, "message": "Module not found: no_such_module", "module": "no_such_module", "position": 12}"##,
    );
}

#[test]
fn eval_in_function_call() {
    assert_eval_error(
        r##"fn f(x) { x.bar() }
f(1)"##,
        r##"ErrorInFunctionCall("f", "", ErrorFunctionNotFound("bar (i64)", 1:13), 2:1)"##,
        r##"Function not found: bar (i64) (line 1, position 13)
in call to function 'f' (line 2, position 1)"##,
    );
    assert_caught(
        r##"fn f(x) { x.bar() }
let r = ();
try {
    f(1)
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorInFunctionCall", "function": "f", "line": 4, "message": "Function not found: bar (i64) (line 1, position 13)\nin call to function 'f'", "position": 5, "source": ""}"##,
    );
}

#[test]
fn eval_in_closure_call() {
    assert_eval_error(
        r##"let f = |x| x.bar();
f.call(1)"##,
        r##"ErrorInFunctionCall("anon$4a0cfe117d34bbbf", "", ErrorFunctionNotFound("bar (i64)", 1:15), 2:3)"##,
        r##"Function not found: bar (i64) (line 1, position 15)
in closure call (line 2, position 3)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    let f = |x| x.bar();
    f.call(1)
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorInFunctionCall", "function": "anon$ad69dd5847e625b6", "line": 4, "message": "Function not found: bar (i64) (line 3, position 19)\nin closure call", "position": 7, "source": ""}"##,
    );
}

#[test]
fn eval_in_native_callback() {
    assert_eval_error(
        r##"[1, 2].map(|x| x.bar())"##,
        r##"ErrorInFunctionCall("map", "", ErrorInFunctionCall("anon$f89fc965d470b65f", "", ErrorFunctionNotFound("bar (i64)", 1:18), 1:8), 1:8)"##,
        r##"Function not found: bar (i64) (line 1, position 18)
in closure call (line 1, position 8)
in call to function 'map' (line 1, position 8)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    [1, 2].map(|x| x.bar())
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorInFunctionCall", "function": "map", "line": 3, "message": "Function not found: bar (i64) (line 3, position 22)\nin closure call (line 3, position 12)\nin call to function 'map'", "position": 12, "source": ""}"##,
    );
}

#[test]
fn eval_unbound_this() {
    assert_eval_error(
        r##"fn f() { this }
f()"##,
        r##"ErrorInFunctionCall("f", "", ErrorUnboundThis(1:10), 2:1)"##,
        r##"'this' not bound (line 1, position 10)
in call to function 'f' (line 2, position 1)"##,
    );
    assert_caught(
        r##"fn f() { this }
let r = ();
try {
    f()
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorInFunctionCall", "function": "f", "line": 4, "message": "'this' not bound (line 1, position 10)\nin call to function 'f'", "position": 5, "source": ""}"##,
    );
}

#[test]
fn eval_mismatch_data_type() {
    assert_eval_error(
        r##"let c = 1;
if c { print(2) }"##,
        r##"ErrorMismatchDataType("bool", "i64", 2:4)"##,
        r##"Data type incorrect: i64 (expecting bool) (line 2, position 4)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    let c = 1;
    if c { print(2) }
} catch (e) {
    r = e;
}
r"##,
        r##"#{"actual": "i64", "error": "ErrorMismatchDataType", "line": 4, "message": "Data type incorrect: i64 (expecting bool)", "position": 8, "requested": "bool"}"##,
    );
}

#[test]
fn eval_indexing_type() {
    assert_eval_error(
        r##"let b = true;
b[0]"##,
        r##"ErrorIndexingType("bool [i64]", 2:2)"##,
        r##"Indexer unavailable: bool [i64] (line 2, position 2)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    let b = true;
    b[0]
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorIndexingType", "line": 4, "message": "Indexer unavailable: bool [i64]", "position": 6, "type": "bool [i64]"}"##,
    );
}

#[test]
fn eval_indexing_type_assign() {
    assert_eval_error(
        r##"let b = true;
b[0] = 1;"##,
        r##"ErrorIndexingType("bool [i64] = i64", 2:2)"##,
        r##"Indexer unavailable: bool [i64] = i64 (line 2, position 2)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    let b = true;
    b[0] = 1;
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorIndexingType", "line": 4, "message": "Indexer unavailable: bool [i64] = i64", "position": 6, "type": "bool [i64] = i64"}"##,
    );
}

#[test]
fn eval_index_type_mismatch() {
    assert_eval_error(
        r##"let a = [1, 2, 3];
a["x"]"##,
        r##"ErrorMismatchDataType("i64", "string", 2:3)"##,
        r##"Data type incorrect: string (expecting i64) (line 2, position 3)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    let a = [1, 2, 3];
    a["x"]
} catch (e) {
    r = e;
}
r"##,
        r##"#{"actual": "string", "error": "ErrorMismatchDataType", "line": 4, "message": "Data type incorrect: string (expecting i64)", "position": 7, "requested": "i64"}"##,
    );
}

#[test]
fn eval_array_bounds() {
    assert_eval_error(
        r##"let a = [1, 2, 3];
a[1 + 4]"##,
        r##"ErrorArrayBounds(3, 5, 2:5)"##,
        r##"Array index 5 out of bounds: only 3 elements in array (line 2, position 5)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    let a = [1, 2, 3];
    a[1 + 4]
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorArrayBounds", "index": 5, "length": 3, "line": 4, "message": "Array index 5 out of bounds: only 3 elements in array", "position": 9}"##,
    );
}

#[test]
fn eval_array_bounds_assign() {
    assert_eval_error(
        r##"let a = [];
a[0] = 1;"##,
        r##"ErrorArrayBounds(0, 0, 2:3)"##,
        r##"Array index 0 out of bounds: array is empty (line 2, position 3)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    let a = [];
    a[0] = 1;
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorArrayBounds", "index": 0, "length": 0, "line": 4, "message": "Array index 0 out of bounds: array is empty", "position": 7}"##,
    );
}

#[test]
fn eval_string_bounds() {
    assert_eval_error(
        r##"let s = "abc";
s[-4]"##,
        r##"ErrorStringBounds(3, -4, 2:3)"##,
        r##"String index -4 out of bounds: only 3 characters in string (line 2, position 3)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    let s = "abc";
    s[-4]
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorStringBounds", "index": -4, "length": 3, "line": 4, "message": "String index -4 out of bounds: only 3 characters in string", "position": 7}"##,
    );
}

#[test]
fn eval_bit_field_bounds() {
    assert_eval_error(
        r##"let n = 42;
n[64]"##,
        r##"ErrorBitFieldBounds(64, 64, 2:3)"##,
        r##"Bit-field index 64 out of bounds: only 64 bits in bit-field (line 2, position 3)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    let n = 42;
    n[64]
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorBitFieldBounds", "index": 64, "length": 64, "line": 4, "message": "Bit-field index 64 out of bounds: only 64 bits in bit-field", "position": 7}"##,
    );
}

#[test]
fn eval_for_not_iterable() {
    assert_eval_error(
        r##"let t = true;
for x in t { print(x); }"##,
        r##"ErrorFor(2:10)"##,
        r##"For loop expects iterable type (line 2, position 10)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    let t = true;
    for x in t { print(x); }
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorFor", "line": 4, "message": "For loop expects iterable type", "position": 14}"##,
    );
}

#[test]
fn eval_data_race_on_variable() {
    assert_eval_error(
        r##"let x = 1;
let g = || x;
x.call(|| g.call())"##,
        r##"ErrorInFunctionCall("anon$77f3b1de0a295fd8", "", ErrorInFunctionCall("anon$872dfe4f90d3fadc", "", ErrorDataRace("", none), 3:13), 3:3)"##,
        r##"Data race detected
in closure call (line 3, position 13)
in closure call (line 3, position 3)"##,
    );
}

#[test]
fn eval_non_pure_method_on_constant() {
    assert_eval_error(
        r##"const A = [1];
A.push(2);"##,
        r##"ErrorNonPureMethodCallOnConstant("push", 2:3)"##,
        r##"Non-pure method 'push' cannot be called on constant (line 2, position 3)"##,
    );
    assert_caught(
        r##"const A = [1];
let r = ();
try {
    A.push(2);
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorNonPureMethodCallOnConstant", "function": "push", "line": 4, "message": "Non-pure method 'push' cannot be called on constant", "position": 7}"##,
    );
}

#[test]
fn eval_non_pure_method_inside_constant() {
    assert_eval_error(
        r##"const A = [[1]];
A[0].push(2);"##,
        r##"ErrorNonPureMethodCallOnConstant("push", 2:6)"##,
        r##"Non-pure method 'push' cannot be called on constant (line 2, position 6)"##,
    );
    assert_caught(
        r##"const A = [[1]];
let r = ();
try {
    A[0].push(2);
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorNonPureMethodCallOnConstant", "function": "push", "line": 4, "message": "Non-pure method 'push' cannot be called on constant", "position": 10}"##,
    );
}

#[test]
fn eval_assignment_to_constant() {
    assert_eval_error(
        r##"const A = [1, 2];
A[0] = 3;"##,
        r##"ErrorAssignmentToConstant("A", 2:1)"##,
        r##"Cannot modify constant A (line 2, position 1)"##,
    );
    assert_caught(
        r##"const A = [1, 2];
let r = ();
try {
    A[0] = 3;
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorAssignmentToConstant", "line": 4, "message": "Cannot modify constant A", "position": 5, "variable": "A"}"##,
    );
}

#[test]
fn eval_assignment_to_module_constant() {
    assert_eval_error(
        r##"const X = 1;
fn f() { global::X = 2; }
f()"##,
        r##"ErrorInFunctionCall("f", "", ErrorAssignmentToConstant("X", 2:18), 3:1)"##,
        r##"Cannot modify constant X (line 2, position 18)
in call to function 'f' (line 3, position 1)"##,
    );
    assert_caught(
        r##"const X = 1;
fn f() { global::X = 2; }
let r = ();
try {
    f()
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorInFunctionCall", "function": "f", "line": 5, "message": "Cannot modify constant X (line 2, position 18)\nin call to function 'f'", "position": 5, "source": ""}"##,
    );
}

#[test]
fn eval_dot_expr_getter() {
    assert_eval_error(
        r##"let n = 1;
n.foo"##,
        r##"ErrorDotExpr("Unknown property 'foo' - a getter is not registered for type 'i64'", 2:3)"##,
        r##"Unknown property 'foo' - a getter is not registered for type 'i64' (line 2, position 3)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    let n = 1;
    n.foo
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorDotExpr", "line": 4, "message": "Unknown property 'foo' - a getter is not registered for type 'i64'", "position": 7, "property": "Unknown property 'foo' - a getter is not registered for type 'i64'"}"##,
    );
}

#[test]
fn eval_dot_expr_setter() {
    assert_eval_error(
        r##"let n = 1;
n.foo = "x";"##,
        r##"ErrorDotExpr("No writable property 'foo' - a setter is not registered for type 'i64' to handle 'string'", 2:3)"##,
        r##"No writable property 'foo' - a setter is not registered for type 'i64' to handle 'string' (line 2, position 3)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    let n = 1;
    n.foo = "x";
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorDotExpr", "line": 4, "message": "No writable property 'foo' - a setter is not registered for type 'i64' to handle 'string'", "position": 7, "property": "No writable property 'foo' - a setter is not registered for type 'i64' to handle 'string'"}"##,
    );
}

#[test]
fn eval_arithmetic_division() {
    assert_eval_error(
        r##"let z = 0;
1 / z"##,
        r##"ErrorArithmetic("Division by zero: 1 / 0", 2:3)"##,
        r##"Division by zero: 1 / 0 (line 2, position 3)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    let z = 0;
    1 / z
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorArithmetic", "line": 4, "message": "Division by zero: 1 / 0", "position": 7}"##,
    );
}

#[test]
fn eval_arithmetic_modulo() {
    assert_eval_error(
        r##"let z = 0;
5 % z"##,
        r##"ErrorArithmetic("Modulo division by zero or overflow: 5 % 0", 2:3)"##,
        r##"Modulo division by zero or overflow: 5 % 0 (line 2, position 3)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    let z = 0;
    5 % z
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorArithmetic", "line": 4, "message": "Modulo division by zero or overflow: 5 % 0", "position": 7}"##,
    );
}

#[test]
fn eval_arithmetic_overflow() {
    assert_eval_error(
        r##"let m = 9223372036854775807;
m + 1"##,
        r##"ErrorArithmetic("Addition overflow: 9223372036854775807 + 1", 2:3)"##,
        r##"Addition overflow: 9223372036854775807 + 1 (line 2, position 3)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    let m = 9223372036854775807;
    m + 1
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorArithmetic", "line": 4, "message": "Addition overflow: 9223372036854775807 + 1", "position": 7}"##,
    );
}

#[test]
fn eval_runtime_throw() {
    assert_eval_error(
        r##"throw "boom";"##,
        r##"ErrorRuntime("boom", 1:1)"##,
        r##"Runtime error: boom (line 1, position 1)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    throw "boom";
} catch (e) {
    r = e;
}
r"##,
        r##""boom""##,
    );
}

#[test]
fn eval_runtime_throw_unit() {
    assert_eval_error(
        r##"throw;"##,
        r##"ErrorRuntime((), 1:1)"##,
        r##"Runtime error (line 1, position 1)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    throw;
} catch (e) {
    r = e;
}
r"##,
        r##"()"##,
    );
}

#[test]
fn eval_runtime_throw_in_function() {
    assert_eval_error(
        r##"fn f() { throw #{code: 7}; }
f()"##,
        r##"ErrorInFunctionCall("f", "", ErrorRuntime(#{"code": 7}, 1:10), 2:1)"##,
        r##"Runtime error: #{"code": 7} (line 1, position 10)
in call to function 'f' (line 2, position 1)"##,
    );
    assert_caught(
        r##"fn f() { throw #{code: 7}; }
let r = ();
try {
    f()
} catch (e) {
    r = e;
}
r"##,
        r##"#{"code": 7}"##,
    );
}

#[test]
fn eval_closure_capture_missing() {
    assert_eval_error(
        r##"let f = |x| x + missing;"##,
        r##"ErrorVariableNotFound("missing", 1:17)"##,
        r##"Variable not found: missing (line 1, position 17)"##,
    );
    assert_caught(
        r##"let r = ();
try {
    let f = |x| x + missing;
} catch (e) {
    r = e;
}
r"##,
        r##"#{"error": "ErrorVariableNotFound", "line": 3, "message": "Variable not found: missing", "position": 21, "variable": "missing"}"##,
    );
}

#[test]
fn eval_stack_overflow() {
    assert_eval_error(
        r##"fn f(n) { f(n + 1) }

  f(0)"##,
        r##"ErrorStackOverflow(3:3)"##,
        r##"Stack overflow (line 3, position 3)"##,
    );
}

// ---- scripts failing to compile ----

#[test]
fn parse_unexpected_eof() {
    assert_parse_error(
        r##"let x = (1 +"##,
        r##"ParseError(UnexpectedEOF, 2:1)"##,
        r##"Script is incomplete (line 2, position 1)"##,
    );
}

#[test]
fn parse_bad_input_unterminated_string() {
    assert_parse_error(
        r##"let s = "abc"##,
        r##"ParseError(BadInput(UnterminatedString), 1:9)"##,
        r##"Open string is not terminated (line 1, position 9)"##,
    );
}

#[test]
fn parse_bad_input_unexpected_underscore() {
    assert_parse_error(
        r##"_"##,
        r##"ParseError(BadInput(UnexpectedInput("_")), 1:1)"##,
        r##"Unexpected '_' (line 1, position 1)"##,
    );
}

#[test]
fn parse_bad_input_escape_in_string() {
    assert_parse_error(
        r##""it\'s""##,
        r##"ParseError(BadInput(MalformedEscapeSequence("\\'")), 1:5)"##,
        r##"Invalid escape sequence: '\'' (line 1, position 5)"##,
    );
}

#[test]
fn parse_bad_input_escape_hex() {
    assert_parse_error(
        r##""\x4g""##,
        r##"ParseError(BadInput(MalformedEscapeSequence("\\x4g")), 1:5)"##,
        r##"Invalid escape sequence: '\x4g' (line 1, position 5)"##,
    );
}

#[test]
fn parse_bad_input_escape_in_char() {
    assert_parse_error(
        r##"'\q'"##,
        r##"ParseError(BadInput(MalformedEscapeSequence("\\q")), 1:3)"##,
        r##"Invalid escape sequence: '\q' (line 1, position 3)"##,
    );
}

#[test]
fn parse_bad_input_malformed_number() {
    assert_parse_error(
        r##"let n = 0x;"##,
        r##"ParseError(BadInput(MalformedNumber("")), 1:9)"##,
        r##"Invalid number: '' (line 1, position 9)"##,
    );
}

#[test]
fn parse_bad_input_malformed_number_exponent() {
    assert_parse_error(
        r##"1.5e+"##,
        r##"ParseError(BadInput(MalformedNumber("1.5e+")), 1:1)"##,
        r##"Invalid number: '1.5e+' (line 1, position 1)"##,
    );
}

#[test]
fn parse_bad_input_malformed_char() {
    assert_parse_error(
        r##"let c = '';"##,
        r##"ParseError(BadInput(MalformedChar("")), 1:9)"##,
        r##"Invalid character: '' (line 1, position 9)"##,
    );
}

#[test]
fn parse_bad_input_improper_symbol() {
    assert_parse_error(
        r##"let x = 1;
x := 2;"##,
        r##"ParseError(BadInput(ImproperSymbol(":=", "':=' is not a valid assignment operator. This is not Go or Pascal! Should it be simply '='?")), 2:3)"##,
        r##"':=' is not a valid assignment operator. This is not Go or Pascal! Should it be simply '='? (line 2, position 3)"##,
    );
}

#[test]
fn parse_bad_input_this_outside_function() {
    assert_parse_error(
        r##"this.a"##,
        r##"ParseError(BadInput(ImproperSymbol("this", "'this' can only be used in functions")), 1:1)"##,
        r##"'this' can only be used in functions (line 1, position 1)"##,
    );
}

#[test]
fn parse_bad_input_typo_of_equals() {
    assert_parse_error(
        r##"let x = 1;
if x = 2 { }"##,
        r##"ParseError(BadInput(ImproperSymbol("=", "Possibly a typo of '=='?")), 2:6)"##,
        r##"Possibly a typo of '=='? (line 2, position 6)"##,
    );
}

#[test]
fn parse_unknown_operator() {
    assert_parse_error(
        r##"let x = 1;
x ~ 2"##,
        r##"ParseError(UnknownOperator("~"), 2:3)"##,
        r##"Unknown operator: '~' (line 2, position 3)"##,
    );
}

#[test]
fn parse_unknown_operator_reserved() {
    assert_parse_error(
        r##"let x = 1;
x ... 2"##,
        r##"ParseError(UnknownOperator("..."), 2:3)"##,
        r##"Unknown operator: '...' (line 2, position 3)"##,
    );
}

#[test]
fn parse_missing_token_semicolon() {
    assert_parse_error(
        r##"let x = 1 let y = 2;"##,
        r##"ParseError(MissingToken(";", "to terminate this statement"), 1:11)"##,
        r##"Expecting ';' to terminate this statement (line 1, position 11)"##,
    );
}

#[test]
fn parse_missing_token_array_separator() {
    assert_parse_error(
        r##"[1 2]"##,
        r##"ParseError(MissingToken(",", "to separate the items of this array literal"), 1:4)"##,
        r##"Expecting ',' to separate the items of this array literal (line 1, position 4)"##,
    );
}

#[test]
fn parse_missing_token_map_colon() {
    assert_parse_error(
        r##"#{a 1}"##,
        r##"ParseError(MissingToken(":", "to follow the property 'a' in this object map literal"), 1:5)"##,
        r##"Expecting ':' to follow the property 'a' in this object map literal (line 1, position 5)"##,
    );
}

#[test]
fn parse_missing_token_param_separator() {
    assert_parse_error(
        r##"fn f(a b) {}"##,
        r##"ParseError(MissingToken(",", "to separate the parameters of function 'f'"), 1:8)"##,
        r##"Expecting ',' to separate the parameters of function 'f' (line 1, position 8)"##,
    );
}

#[test]
fn parse_missing_token_block() {
    assert_parse_error(
        r##"while true 1"##,
        r##"ParseError(MissingToken("{", "to start a statement block"), 1:12)"##,
        r##"Expecting '{' to start a statement block (line 1, position 12)"##,
    );
}

#[test]
fn parse_missing_token_capture_call() {
    assert_parse_error(
        r##"let f = || x!;"##,
        r##"ParseError(MissingToken("(", "to start arguments list of function call"), 1:14)"##,
        r##"Expecting '(' to start arguments list of function call (line 1, position 14)"##,
    );
}

#[test]
fn parse_malformed_index_literal() {
    assert_parse_error(
        r##"[1, 2]["a"]"##,
        r##"ParseError(MalformedIndexExpr("Array, string or bit-field expects numeric index, not a string"), 1:8)"##,
        r##"Array, string or bit-field expects numeric index, not a string (line 1, position 8)"##,
    );
}

#[test]
fn parse_malformed_index_map_literal() {
    assert_parse_error(
        r##"#{a: 1}[0]"##,
        r##"ParseError(MalformedIndexExpr("Object map expects string index, not a number"), 1:9)"##,
        r##"Object map expects string index, not a number (line 1, position 9)"##,
    );
}

#[test]
fn parse_duplicated_property() {
    assert_parse_error(
        r##"#{a: 1, b: 2, a: 3}"##,
        r##"ParseError(DuplicatedProperty("a"), 1:15)"##,
        r##"Duplicated property for object map literal: a (line 1, position 15)"##,
    );
}

#[test]
fn parse_duplicated_variable() {
    assert_parse_error(
        r##"for (x, x) in [] {}"##,
        r##"ParseError(DuplicatedVariable("x"), 1:9)"##,
        r##"Duplicated variable name: x (line 1, position 9)"##,
    );
}

#[test]
fn parse_wrong_switch_integer_case() {
    assert_parse_error(
        r##"switch 1 {
    1..3 => 1,
    2 => 2
}"##,
        r##"ParseError(WrongSwitchIntegerCase, 3:5)"##,
        r##"Numeric switch case cannot follow a range case (line 3, position 5)"##,
    );
}

#[test]
fn parse_wrong_switch_default_case() {
    assert_parse_error(
        r##"switch 1 {
    _ => 1,
    2 => 2
}"##,
        r##"ParseError(WrongSwitchDefaultCase, 2:5)"##,
        r##"Default switch case must be the last (line 2, position 5)"##,
    );
}

#[test]
fn parse_wrong_switch_case_condition() {
    assert_parse_error(
        r##"switch 1 {
    _ if true => 1
}"##,
        r##"ParseError(WrongSwitchCaseCondition, 2:7)"##,
        r##"This switch case cannot have a condition (line 2, position 7)"##,
    );
}

#[test]
fn parse_property_expected() {
    assert_parse_error(
        r##"let x = 1;
x.1"##,
        r##"ParseError(PropertyExpected, 2:3)"##,
        r##"Expecting name of a property (line 2, position 3)"##,
    );
}

#[test]
fn parse_variable_expected() {
    assert_parse_error(
        r##"let = 1;"##,
        r##"ParseError(VariableExpected, 1:5)"##,
        r##"Expecting name of a variable (line 1, position 5)"##,
    );
}

#[test]
fn parse_reserved_word() {
    assert_parse_error(
        r##"let var = 1;"##,
        r##"ParseError(Reserved("var"), 1:5)"##,
        r##"'var' is a reserved keyword (line 1, position 5)"##,
    );
}

#[test]
fn parse_reserved_symbol() {
    assert_parse_error(
        r##"let x = 1;
++x"##,
        r##"ParseError(Reserved("++"), 2:1)"##,
        r##"'++' is a reserved symbol (line 2, position 1)"##,
    );
}

#[test]
fn parse_reserved_keyword_function() {
    assert_parse_error(
        r##"let print = 1;"##,
        r##"ParseError(Reserved("print"), 1:5)"##,
        r##"'print' is a reserved keyword (line 1, position 5)"##,
    );
}

#[test]
fn parse_mismatched_type_condition() {
    assert_parse_error(
        r##"if 42 { }"##,
        r##"ParseError(MismatchedType("a boolean expression", "a number"), 1:4)"##,
        r##"Expecting a boolean expression, not a number (line 1, position 4)"##,
    );
}

#[test]
fn parse_mismatched_type_and() {
    assert_parse_error(
        r##"let x = true;
x && "s""##,
        r##"ParseError(MismatchedType("a boolean expression", "a string"), 2:6)"##,
        r##"Expecting a boolean expression, not a string (line 2, position 6)"##,
    );
}

#[test]
fn parse_mismatched_type_for() {
    assert_parse_error(
        r##"for x in true { }"##,
        r##"ParseError(MismatchedType("an iterable value", "a boolean"), 1:10)"##,
        r##"Expecting an iterable value, not a boolean (line 1, position 10)"##,
    );
}

#[test]
fn parse_expr_expected() {
    assert_parse_error(
        r##"if { }"##,
        r##"ParseError(ExprExpected("a boolean"), 1:4)"##,
        r##"Expecting a boolean expression (line 1, position 4)"##,
    );
}

#[test]
fn parse_wrong_fn_definition() {
    assert_parse_error(
        r##"{ fn f() {} }"##,
        r##"ParseError(WrongFnDefinition, 1:3)"##,
        r##"Function definitions must be at global level and cannot be inside a block or another function (line 1, position 3)"##,
    );
}

#[test]
fn parse_fn_duplicated_definition() {
    assert_parse_error(
        r##"fn f(x) {}
fn f(y) {}"##,
        r##"ParseError(FnDuplicatedDefinition("f", 1), 2:1)"##,
        r##"Function f with 1 parameter already exists (line 2, position 1)"##,
    );
}

#[test]
fn parse_fn_missing_name() {
    assert_parse_error(
        r##"fn () {}"##,
        r##"ParseError(FnMissingName, 1:4)"##,
        r##"Expecting function name in function declaration (line 1, position 4)"##,
    );
}

#[test]
fn parse_fn_missing_params() {
    assert_parse_error(
        r##"fn f {}"##,
        r##"ParseError(FnMissingParams("f"), 1:6)"##,
        r##"Expecting parameters for function f (line 1, position 6)"##,
    );
}

#[test]
fn parse_fn_duplicated_param() {
    assert_parse_error(
        r##"fn f(x, x) {}"##,
        r##"ParseError(FnDuplicatedParam("f", "x"), 1:9)"##,
        r##"Duplicated parameter x for function f (line 1, position 9)"##,
    );
}

#[test]
fn parse_fn_missing_body() {
    assert_parse_error(
        r##"fn f()"##,
        r##"ParseError(FnMissingBody("f"), 2:1)"##,
        r##"Expecting body statement block for function f (line 2, position 1)"##,
    );
}

#[test]
fn parse_wrong_export() {
    assert_parse_error(
        r##"{ export let x = 1; }"##,
        r##"ParseError(WrongExport, 1:3)"##,
        r##"Export statement can only appear at global level (line 1, position 3)"##,
    );
}

#[test]
fn parse_assignment_to_constant() {
    assert_parse_error(
        r##"const X = 1;
X += 2;"##,
        r##"ParseError(AssignmentToConstant("X"), 2:1)"##,
        r##"Cannot assign to constant X (line 2, position 1)"##,
    );
}

#[test]
fn parse_assignment_to_literal() {
    assert_parse_error(
        r##""a" = 1;"##,
        r##"ParseError(AssignmentToConstant(""), 1:1)"##,
        r##"Cannot assign to a constant value (line 1, position 1)"##,
    );
}

#[test]
fn parse_assignment_to_invalid_lhs() {
    assert_parse_error(
        r##"let x = 1;
let y = 2;
(x + y) = 1;"##,
        r##"ParseError(AssignmentToInvalidLHS(""), 3:4)"##,
        r##"Expression cannot be assigned to (line 3, position 4)"##,
    );
}

#[test]
fn parse_assignment_to_method_call() {
    assert_parse_error(
        r##"let x = [1];
x.len() = 1;"##,
        r##"ParseError(AssignmentToInvalidLHS(""), 2:3)"##,
        r##"Expression cannot be assigned to (line 2, position 3)"##,
    );
}

#[test]
fn parse_loop_break() {
    assert_parse_error(
        r##"break;"##,
        r##"ParseError(LoopBreak, 1:1)"##,
        r##"Break statement should only be used inside a loop (line 1, position 1)"##,
    );
}

// ---- every variant, built by hand ----

#[test]
fn forms_system() {
    assert_forms(
        ErrorSystem("sys".into(), "boom".into()),
        r##"ErrorSystem("sys", "boom")"##,
        r##"sys: boom"##,
        [false, true, false],
    );
    assert_forms(
        ErrorSystem("".into(), "boom".into()),
        r##"ErrorSystem("", "boom")"##,
        r##"boom"##,
        [false, true, false],
    );
}

#[test]
fn forms_parsing() {
    assert_forms(
        ErrorParsing(ParseErrorType::UnexpectedEOF, Position::NONE),
        r##"ErrorParsing(UnexpectedEOF, none)"##,
        r##"Syntax error: Script is incomplete"##,
        [false, true, false],
    );
    assert_forms(
        ErrorParsing(ParseErrorType::UnexpectedEOF, Position::new(3, 4)),
        r##"ErrorParsing(UnexpectedEOF, 3:4)"##,
        r##"Syntax error: Script is incomplete (line 3, position 4)"##,
        [false, true, false],
    );
}

#[test]
fn forms_variable_exists() {
    assert_forms(
        ErrorVariableExists("x".into(), Position::NONE),
        r##"ErrorVariableExists("x", none)"##,
        r##"Variable already defined: x"##,
        [true, false, false],
    );
    assert_forms(
        ErrorVariableExists("x".into(), Position::new(3, 4)),
        r##"ErrorVariableExists("x", 3:4)"##,
        r##"Variable already defined: x (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_forbidden_variable() {
    assert_forms(
        ErrorForbiddenVariable("x".into(), Position::NONE),
        r##"ErrorForbiddenVariable("x", none)"##,
        r##"Forbidden variable name: x"##,
        [true, false, false],
    );
    assert_forms(
        ErrorForbiddenVariable("x".into(), Position::new(3, 4)),
        r##"ErrorForbiddenVariable("x", 3:4)"##,
        r##"Forbidden variable name: x (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_variable_not_found() {
    assert_forms(
        ErrorVariableNotFound("x".into(), Position::NONE),
        r##"ErrorVariableNotFound("x", none)"##,
        r##"Variable not found: x"##,
        [true, false, false],
    );
    assert_forms(
        ErrorVariableNotFound("x".into(), Position::new(3, 4)),
        r##"ErrorVariableNotFound("x", 3:4)"##,
        r##"Variable not found: x (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_property_not_found() {
    assert_forms(
        ErrorPropertyNotFound("p".into(), Position::NONE),
        r##"ErrorPropertyNotFound("p", none)"##,
        r##"Property not found: p"##,
        [true, false, false],
    );
    assert_forms(
        ErrorPropertyNotFound("p".into(), Position::new(3, 4)),
        r##"ErrorPropertyNotFound("p", 3:4)"##,
        r##"Property not found: p (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_index_not_found() {
    assert_forms(
        ErrorIndexNotFound(Dynamic::from(42_i64), Position::NONE),
        r##"ErrorIndexNotFound(42, none)"##,
        r##"Invalid index: 42"##,
        [true, false, false],
    );
    assert_forms(
        ErrorIndexNotFound(Dynamic::from("k"), Position::NONE),
        r##"ErrorIndexNotFound("k", none)"##,
        r##"Invalid index: k"##,
        [true, false, false],
    );
    assert_forms(
        ErrorIndexNotFound(Dynamic::from(42_i64), Position::new(3, 4)),
        r##"ErrorIndexNotFound(42, 3:4)"##,
        r##"Invalid index: 42 (line 3, position 4)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorIndexNotFound(Dynamic::from("k"), Position::new(3, 4)),
        r##"ErrorIndexNotFound("k", 3:4)"##,
        r##"Invalid index: k (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_function_not_found() {
    assert_forms(
        ErrorFunctionNotFound("foo (i64)".into(), Position::NONE),
        r##"ErrorFunctionNotFound("foo (i64)", none)"##,
        r##"Function not found: foo (i64)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorFunctionNotFound("foo (i64)".into(), Position::new(3, 4)),
        r##"ErrorFunctionNotFound("foo (i64)", 3:4)"##,
        r##"Function not found: foo (i64) (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_module_not_found() {
    assert_forms(
        ErrorModuleNotFound("m".into(), Position::NONE),
        r##"ErrorModuleNotFound("m", none)"##,
        r##"Module not found: m"##,
        [true, false, false],
    );
    assert_forms(
        ErrorModuleNotFound("m".into(), Position::new(3, 4)),
        r##"ErrorModuleNotFound("m", 3:4)"##,
        r##"Module not found: m (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_in_function_call() {
    assert_forms(
        ErrorInFunctionCall("f".into(), "".into(), inner(), Position::NONE),
        r##"ErrorInFunctionCall("f", "", ErrorVariableNotFound("v", 2:3), none)"##,
        r##"Variable not found: v (line 2, position 3)
in call to function 'f'"##,
        [true, false, false],
    );
    assert_forms(
        ErrorInFunctionCall("f".into(), "src".into(), inner(), Position::NONE),
        r##"ErrorInFunctionCall("f", "src", ErrorVariableNotFound("v", 2:3), none)"##,
        r##"Variable not found: v @ 'src' (line 2, position 3)
in call to function 'f' (from 'src')"##,
        [true, false, false],
    );
    assert_forms(
        ErrorInFunctionCall("f".into(), "".into(), inner(), Position::new(3, 4)),
        r##"ErrorInFunctionCall("f", "", ErrorVariableNotFound("v", 2:3), 3:4)"##,
        r##"Variable not found: v (line 2, position 3)
in call to function 'f' (line 3, position 4)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorInFunctionCall("f".into(), "src".into(), inner(), Position::new(3, 4)),
        r##"ErrorInFunctionCall("f", "src", ErrorVariableNotFound("v", 2:3), 3:4)"##,
        r##"Variable not found: v @ 'src' (line 2, position 3)
in call to function 'f' (from 'src') (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_in_module() {
    assert_forms(
        ErrorInModule("".into(), inner(), Position::NONE),
        r##"ErrorInModule("", ErrorVariableNotFound("v", 2:3), none)"##,
        r##"Variable not found: v (line 2, position 3)
in module"##,
        [true, false, false],
    );
    assert_forms(
        ErrorInModule("modname".into(), inner(), Position::NONE),
        r##"ErrorInModule("modname", ErrorVariableNotFound("v", 2:3), none)"##,
        r##"Variable not found: v (line 2, position 3)
in module 'modname'"##,
        [true, false, false],
    );
    assert_forms(
        ErrorInModule("".into(), inner(), Position::new(3, 4)),
        r##"ErrorInModule("", ErrorVariableNotFound("v", 2:3), 3:4)"##,
        r##"Variable not found: v (line 2, position 3)
in module (line 3, position 4)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorInModule("modname".into(), inner(), Position::new(3, 4)),
        r##"ErrorInModule("modname", ErrorVariableNotFound("v", 2:3), 3:4)"##,
        r##"Variable not found: v (line 2, position 3)
in module 'modname' (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_unbound_this() {
    assert_forms(
        ErrorUnboundThis(Position::NONE),
        r##"ErrorUnboundThis(none)"##,
        r##"'this' not bound"##,
        [true, false, false],
    );
    assert_forms(
        ErrorUnboundThis(Position::new(3, 4)),
        r##"ErrorUnboundThis(3:4)"##,
        r##"'this' not bound (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_mismatch_data_type() {
    assert_forms(
        ErrorMismatchDataType("bool".into(), "i64".into(), Position::NONE),
        r##"ErrorMismatchDataType("bool", "i64", none)"##,
        r##"Data type incorrect: i64 (expecting bool)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorMismatchDataType("".into(), "i64".into(), Position::NONE),
        r##"ErrorMismatchDataType("", "i64", none)"##,
        r##"Data type incorrect: i64"##,
        [true, false, false],
    );
    assert_forms(
        ErrorMismatchDataType("bool".into(), "".into(), Position::NONE),
        r##"ErrorMismatchDataType("bool", "", none)"##,
        r##"Data type incorrect, expecting bool"##,
        [true, false, false],
    );
    assert_forms(
        ErrorMismatchDataType("bool".into(), "i64".into(), Position::new(3, 4)),
        r##"ErrorMismatchDataType("bool", "i64", 3:4)"##,
        r##"Data type incorrect: i64 (expecting bool) (line 3, position 4)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorMismatchDataType("".into(), "i64".into(), Position::new(3, 4)),
        r##"ErrorMismatchDataType("", "i64", 3:4)"##,
        r##"Data type incorrect: i64 (line 3, position 4)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorMismatchDataType("bool".into(), "".into(), Position::new(3, 4)),
        r##"ErrorMismatchDataType("bool", "", 3:4)"##,
        r##"Data type incorrect, expecting bool (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_mismatch_output_type() {
    assert_forms(
        ErrorMismatchOutputType("bool".into(), "i64".into(), Position::NONE),
        r##"ErrorMismatchOutputType("bool", "i64", none)"##,
        r##"Output type incorrect: i64 (expecting bool)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorMismatchOutputType("".into(), "i64".into(), Position::NONE),
        r##"ErrorMismatchOutputType("", "i64", none)"##,
        r##"Output type incorrect: i64"##,
        [true, false, false],
    );
    assert_forms(
        ErrorMismatchOutputType("bool".into(), "i64".into(), Position::new(3, 4)),
        r##"ErrorMismatchOutputType("bool", "i64", 3:4)"##,
        r##"Output type incorrect: i64 (expecting bool) (line 3, position 4)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorMismatchOutputType("".into(), "i64".into(), Position::new(3, 4)),
        r##"ErrorMismatchOutputType("", "i64", 3:4)"##,
        r##"Output type incorrect: i64 (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_indexing_type() {
    assert_forms(
        ErrorIndexingType("bool [i64]".into(), Position::NONE),
        r##"ErrorIndexingType("bool [i64]", none)"##,
        r##"Indexer unavailable: bool [i64]"##,
        [true, false, false],
    );
    assert_forms(
        ErrorIndexingType("bool [i64]".into(), Position::new(3, 4)),
        r##"ErrorIndexingType("bool [i64]", 3:4)"##,
        r##"Indexer unavailable: bool [i64] (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_array_bounds() {
    assert_forms(
        ErrorArrayBounds(0, 5, Position::NONE),
        r##"ErrorArrayBounds(0, 5, none)"##,
        r##"Array index 5 out of bounds: array is empty"##,
        [true, false, false],
    );
    assert_forms(
        ErrorArrayBounds(1, 5, Position::NONE),
        r##"ErrorArrayBounds(1, 5, none)"##,
        r##"Array index 5 out of bounds: only 1 element in array"##,
        [true, false, false],
    );
    assert_forms(
        ErrorArrayBounds(3, -5, Position::NONE),
        r##"ErrorArrayBounds(3, -5, none)"##,
        r##"Array index -5 out of bounds: only 3 elements in array"##,
        [true, false, false],
    );
    assert_forms(
        ErrorArrayBounds(0, 5, Position::new(3, 4)),
        r##"ErrorArrayBounds(0, 5, 3:4)"##,
        r##"Array index 5 out of bounds: array is empty (line 3, position 4)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorArrayBounds(1, 5, Position::new(3, 4)),
        r##"ErrorArrayBounds(1, 5, 3:4)"##,
        r##"Array index 5 out of bounds: only 1 element in array (line 3, position 4)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorArrayBounds(3, -5, Position::new(3, 4)),
        r##"ErrorArrayBounds(3, -5, 3:4)"##,
        r##"Array index -5 out of bounds: only 3 elements in array (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_string_bounds() {
    assert_forms(
        ErrorStringBounds(0, 5, Position::NONE),
        r##"ErrorStringBounds(0, 5, none)"##,
        r##"String index 5 out of bounds: string is empty"##,
        [true, false, false],
    );
    assert_forms(
        ErrorStringBounds(1, 5, Position::NONE),
        r##"ErrorStringBounds(1, 5, none)"##,
        r##"String index 5 out of bounds: only 1 character in string"##,
        [true, false, false],
    );
    assert_forms(
        ErrorStringBounds(3, 5, Position::NONE),
        r##"ErrorStringBounds(3, 5, none)"##,
        r##"String index 5 out of bounds: only 3 characters in string"##,
        [true, false, false],
    );
    assert_forms(
        ErrorStringBounds(0, 5, Position::new(3, 4)),
        r##"ErrorStringBounds(0, 5, 3:4)"##,
        r##"String index 5 out of bounds: string is empty (line 3, position 4)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorStringBounds(1, 5, Position::new(3, 4)),
        r##"ErrorStringBounds(1, 5, 3:4)"##,
        r##"String index 5 out of bounds: only 1 character in string (line 3, position 4)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorStringBounds(3, 5, Position::new(3, 4)),
        r##"ErrorStringBounds(3, 5, 3:4)"##,
        r##"String index 5 out of bounds: only 3 characters in string (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_bit_field_bounds() {
    assert_forms(
        ErrorBitFieldBounds(64, 70, Position::NONE),
        r##"ErrorBitFieldBounds(64, 70, none)"##,
        r##"Bit-field index 70 out of bounds: only 64 bits in bit-field"##,
        [true, false, false],
    );
    assert_forms(
        ErrorBitFieldBounds(1, 70, Position::NONE),
        r##"ErrorBitFieldBounds(1, 70, none)"##,
        r##"Bit-field index 70 out of bounds: only 1 bits in bit-field"##,
        [true, false, false],
    );
    assert_forms(
        ErrorBitFieldBounds(0, 70, Position::NONE),
        r##"ErrorBitFieldBounds(0, 70, none)"##,
        r##"Bit-field index 70 out of bounds: only 0 bits in bit-field"##,
        [true, false, false],
    );
    assert_forms(
        ErrorBitFieldBounds(64, 70, Position::new(3, 4)),
        r##"ErrorBitFieldBounds(64, 70, 3:4)"##,
        r##"Bit-field index 70 out of bounds: only 64 bits in bit-field (line 3, position 4)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorBitFieldBounds(1, 70, Position::new(3, 4)),
        r##"ErrorBitFieldBounds(1, 70, 3:4)"##,
        r##"Bit-field index 70 out of bounds: only 1 bits in bit-field (line 3, position 4)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorBitFieldBounds(0, 70, Position::new(3, 4)),
        r##"ErrorBitFieldBounds(0, 70, 3:4)"##,
        r##"Bit-field index 70 out of bounds: only 0 bits in bit-field (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_for() {
    assert_forms(
        ErrorFor(Position::NONE),
        r##"ErrorFor(none)"##,
        r##"For loop expects iterable type"##,
        [true, false, false],
    );
    assert_forms(
        ErrorFor(Position::new(3, 4)),
        r##"ErrorFor(3:4)"##,
        r##"For loop expects iterable type (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_data_race() {
    assert_forms(
        ErrorDataRace("x".into(), Position::NONE),
        r##"ErrorDataRace("x", none)"##,
        r##"Data race detected on x"##,
        [true, false, false],
    );
    assert_forms(
        ErrorDataRace("".into(), Position::NONE),
        r##"ErrorDataRace("", none)"##,
        r##"Data race detected"##,
        [true, false, false],
    );
    assert_forms(
        ErrorDataRace("x".into(), Position::new(3, 4)),
        r##"ErrorDataRace("x", 3:4)"##,
        r##"Data race detected on x (line 3, position 4)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorDataRace("".into(), Position::new(3, 4)),
        r##"ErrorDataRace("", 3:4)"##,
        r##"Data race detected (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_non_pure_method_call_on_constant() {
    assert_forms(
        ErrorNonPureMethodCallOnConstant("push".into(), Position::NONE),
        r##"ErrorNonPureMethodCallOnConstant("push", none)"##,
        r##"Non-pure method 'push' cannot be called on constant"##,
        [true, false, false],
    );
    assert_forms(
        ErrorNonPureMethodCallOnConstant("push".into(), Position::new(3, 4)),
        r##"ErrorNonPureMethodCallOnConstant("push", 3:4)"##,
        r##"Non-pure method 'push' cannot be called on constant (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_assignment_to_constant() {
    assert_forms(
        ErrorAssignmentToConstant("C".into(), Position::NONE),
        r##"ErrorAssignmentToConstant("C", none)"##,
        r##"Cannot modify constant C"##,
        [true, false, false],
    );
    assert_forms(
        ErrorAssignmentToConstant("C".into(), Position::new(3, 4)),
        r##"ErrorAssignmentToConstant("C", 3:4)"##,
        r##"Cannot modify constant C (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_dot_expr() {
    assert_forms(
        ErrorDotExpr("".into(), Position::NONE),
        r##"ErrorDotExpr("", none)"##,
        r##"Malformed dot expression"##,
        [true, false, false],
    );
    assert_forms(
        ErrorDotExpr("bad dot".into(), Position::NONE),
        r##"ErrorDotExpr("bad dot", none)"##,
        r##"bad dot"##,
        [true, false, false],
    );
    assert_forms(
        ErrorDotExpr("".into(), Position::new(3, 4)),
        r##"ErrorDotExpr("", 3:4)"##,
        r##"Malformed dot expression (line 3, position 4)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorDotExpr("bad dot".into(), Position::new(3, 4)),
        r##"ErrorDotExpr("bad dot", 3:4)"##,
        r##"bad dot (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_arithmetic() {
    assert_forms(
        ErrorArithmetic("".into(), Position::NONE),
        r##"ErrorArithmetic("", none)"##,
        r##"Arithmetic error"##,
        [true, false, false],
    );
    assert_forms(
        ErrorArithmetic("Overflow".into(), Position::NONE),
        r##"ErrorArithmetic("Overflow", none)"##,
        r##"Overflow"##,
        [true, false, false],
    );
    assert_forms(
        ErrorArithmetic("".into(), Position::new(3, 4)),
        r##"ErrorArithmetic("", 3:4)"##,
        r##"Arithmetic error (line 3, position 4)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorArithmetic("Overflow".into(), Position::new(3, 4)),
        r##"ErrorArithmetic("Overflow", 3:4)"##,
        r##"Overflow (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_too_many_operations() {
    assert_forms(
        ErrorTooManyOperations(Position::NONE),
        r##"ErrorTooManyOperations(none)"##,
        r##"Too many operations"##,
        [false, true, false],
    );
    assert_forms(
        ErrorTooManyOperations(Position::new(3, 4)),
        r##"ErrorTooManyOperations(3:4)"##,
        r##"Too many operations (line 3, position 4)"##,
        [false, true, false],
    );
}

#[test]
fn forms_too_many_variables() {
    assert_forms(
        ErrorTooManyVariables(Position::NONE),
        r##"ErrorTooManyVariables(none)"##,
        r##"Too many variables defined"##,
        [false, true, false],
    );
    assert_forms(
        ErrorTooManyVariables(Position::new(3, 4)),
        r##"ErrorTooManyVariables(3:4)"##,
        r##"Too many variables defined (line 3, position 4)"##,
        [false, true, false],
    );
}

#[test]
fn forms_too_many_modules() {
    assert_forms(
        ErrorTooManyModules(Position::NONE),
        r##"ErrorTooManyModules(none)"##,
        r##"Too many modules imported"##,
        [false, true, false],
    );
    assert_forms(
        ErrorTooManyModules(Position::new(3, 4)),
        r##"ErrorTooManyModules(3:4)"##,
        r##"Too many modules imported (line 3, position 4)"##,
        [false, true, false],
    );
}

#[test]
fn forms_stack_overflow() {
    assert_forms(
        ErrorStackOverflow(Position::NONE),
        r##"ErrorStackOverflow(none)"##,
        r##"Stack overflow"##,
        [false, true, false],
    );
    assert_forms(
        ErrorStackOverflow(Position::new(3, 4)),
        r##"ErrorStackOverflow(3:4)"##,
        r##"Stack overflow (line 3, position 4)"##,
        [false, true, false],
    );
}

#[test]
fn forms_data_too_large() {
    assert_forms(
        ErrorDataTooLarge("Size of array".into(), Position::NONE),
        r##"ErrorDataTooLarge("Size of array", none)"##,
        r##"Size of array too large"##,
        [false, true, false],
    );
    assert_forms(
        ErrorDataTooLarge("Size of array".into(), Position::new(3, 4)),
        r##"ErrorDataTooLarge("Size of array", 3:4)"##,
        r##"Size of array too large (line 3, position 4)"##,
        [false, true, false],
    );
}

#[test]
fn forms_terminated() {
    assert_forms(
        ErrorTerminated(Dynamic::from(7_i64), Position::NONE),
        r##"ErrorTerminated(7, none)"##,
        r##"Script terminated"##,
        [false, true, false],
    );
    assert_forms(
        ErrorTerminated(Dynamic::from(7_i64), Position::new(3, 4)),
        r##"ErrorTerminated(7, 3:4)"##,
        r##"Script terminated (line 3, position 4)"##,
        [false, true, false],
    );
}

#[test]
fn forms_custom_syntax() {
    assert_forms(
        ErrorCustomSyntax(
            "bad syntax".into(),
            vec!["a".into(), "b".into()],
            Position::NONE,
        ),
        r##"ErrorCustomSyntax("bad syntax", ["a", "b"], none)"##,
        r##"bad syntax: a b"##,
        [false, true, false],
    );
    assert_forms(
        ErrorCustomSyntax("bad syntax".into(), vec![], Position::NONE),
        r##"ErrorCustomSyntax("bad syntax", [], none)"##,
        r##"bad syntax: "##,
        [false, true, false],
    );
    assert_forms(
        ErrorCustomSyntax(
            "bad syntax".into(),
            vec!["a".into(), "b".into()],
            Position::new(3, 4),
        ),
        r##"ErrorCustomSyntax("bad syntax", ["a", "b"], 3:4)"##,
        r##"bad syntax: a b (line 3, position 4)"##,
        [false, true, false],
    );
    assert_forms(
        ErrorCustomSyntax("bad syntax".into(), vec![], Position::new(3, 4)),
        r##"ErrorCustomSyntax("bad syntax", [], 3:4)"##,
        r##"bad syntax:  (line 3, position 4)"##,
        [false, true, false],
    );
}

#[test]
fn forms_runtime() {
    assert_forms(
        ErrorRuntime(Dynamic::UNIT, Position::NONE),
        r##"ErrorRuntime((), none)"##,
        r##"Runtime error"##,
        [true, false, false],
    );
    assert_forms(
        ErrorRuntime(Dynamic::from(42_i64), Position::NONE),
        r##"ErrorRuntime(42, none)"##,
        r##"Runtime error: 42"##,
        [true, false, false],
    );
    assert_forms(
        ErrorRuntime(Dynamic::from("hello"), Position::NONE),
        r##"ErrorRuntime("hello", none)"##,
        r##"Runtime error: hello"##,
        [true, false, false],
    );
    assert_forms(
        ErrorRuntime(Dynamic::from(""), Position::NONE),
        r##"ErrorRuntime("", none)"##,
        r##"Runtime error"##,
        [true, false, false],
    );
    assert_forms(
        ErrorRuntime(Dynamic::UNIT, Position::new(3, 4)),
        r##"ErrorRuntime((), 3:4)"##,
        r##"Runtime error (line 3, position 4)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorRuntime(Dynamic::from(42_i64), Position::new(3, 4)),
        r##"ErrorRuntime(42, 3:4)"##,
        r##"Runtime error: 42 (line 3, position 4)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorRuntime(Dynamic::from("hello"), Position::new(3, 4)),
        r##"ErrorRuntime("hello", 3:4)"##,
        r##"Runtime error: hello (line 3, position 4)"##,
        [true, false, false],
    );
    assert_forms(
        ErrorRuntime(Dynamic::from(""), Position::new(3, 4)),
        r##"ErrorRuntime("", 3:4)"##,
        r##"Runtime error (line 3, position 4)"##,
        [true, false, false],
    );
}

#[test]
fn forms_loop_break() {
    assert_forms(
        LoopBreak(true, Dynamic::UNIT, Position::NONE),
        r##"LoopBreak(true, (), none)"##,
        r##"'break' must be within a loop"##,
        [false, false, true],
    );
    assert_forms(
        LoopBreak(false, Dynamic::UNIT, Position::NONE),
        r##"LoopBreak(false, (), none)"##,
        r##"'continue' must be within a loop"##,
        [false, false, true],
    );
    assert_forms(
        LoopBreak(true, Dynamic::UNIT, Position::new(3, 4)),
        r##"LoopBreak(true, (), 3:4)"##,
        r##"'break' must be within a loop (line 3, position 4)"##,
        [false, false, true],
    );
    assert_forms(
        LoopBreak(false, Dynamic::UNIT, Position::new(3, 4)),
        r##"LoopBreak(false, (), 3:4)"##,
        r##"'continue' must be within a loop (line 3, position 4)"##,
        [false, false, true],
    );
}

#[test]
fn forms_return() {
    assert_forms(
        Return(Dynamic::from(1_i64), Position::NONE),
        r##"Return(1, none)"##,
        r##"NOT AN ERROR - function returns value"##,
        [false, false, true],
    );
    assert_forms(
        Return(Dynamic::from(1_i64), Position::new(3, 4)),
        r##"Return(1, 3:4)"##,
        r##"NOT AN ERROR - function returns value (line 3, position 4)"##,
        [false, false, true],
    );
}

#[test]
fn forms_exit() {
    assert_forms(
        Exit(Dynamic::from(1_i64), Position::NONE),
        r##"Exit(1, none)"##,
        r##"NOT AN ERROR - exit value"##,
        [false, false, true],
    );
    assert_forms(
        Exit(Dynamic::UNIT, Position::NONE),
        r##"Exit((), none)"##,
        r##"NOT AN ERROR - exit value"##,
        [false, false, true],
    );
    assert_forms(
        Exit(Dynamic::from(1_i64), Position::new(3, 4)),
        r##"Exit(1, 3:4)"##,
        r##"NOT AN ERROR - exit value (line 3, position 4)"##,
        [false, false, true],
    );
    assert_forms(
        Exit(Dynamic::UNIT, Position::new(3, 4)),
        r##"Exit((), 3:4)"##,
        r##"NOT AN ERROR - exit value (line 3, position 4)"##,
        [false, false, true],
    );
}

#[test]
fn parse_forms_unexpected_e_o_f() {
    assert_parse_forms(
        ParseErrorType::UnexpectedEOF,
        r##"UnexpectedEOF"##,
        [
            r##"Script is incomplete"##,
            r##"Script is incomplete (line 1, position 2)"##,
            r##"ParseError(UnexpectedEOF, 1:2)"##,
            r##"Syntax error: Script is incomplete"##,
        ],
    );
}

#[test]
fn parse_forms_bad_input() {
    assert_parse_forms(
        ParseErrorType::BadInput(LexError::UnterminatedString),
        r##"BadInput(UnterminatedString)"##,
        [
            r##"Open string is not terminated"##,
            r##"Open string is not terminated (line 1, position 2)"##,
            r##"ParseError(BadInput(UnterminatedString), 1:2)"##,
            r##"Syntax error: Open string is not terminated"##,
        ],
    );
}

#[test]
fn parse_forms_unknown_operator() {
    assert_parse_forms(
        ParseErrorType::UnknownOperator("s".into()),
        r##"UnknownOperator("s")"##,
        [
            r##"Unknown operator: 's'"##,
            r##"Unknown operator: 's' (line 1, position 2)"##,
            r##"ParseError(UnknownOperator("s"), 1:2)"##,
            r##"Syntax error: Unknown operator: 's'"##,
        ],
    );
}

#[test]
fn parse_forms_missing_token() {
    assert_parse_forms(
        ParseErrorType::MissingToken("s".into(), "d".into()),
        r##"MissingToken("s", "d")"##,
        [
            r##"Expecting 's' d"##,
            r##"Expecting 's' d (line 1, position 2)"##,
            r##"ParseError(MissingToken("s", "d"), 1:2)"##,
            r##"Syntax error: Expecting 's' d"##,
        ],
    );
    assert_parse_forms(
        ParseErrorType::MissingToken("s".into(), "".into()),
        r##"MissingToken("s", "")"##,
        [
            r##"Expecting 's' "##,
            r##"Expecting 's'  (line 1, position 2)"##,
            r##"ParseError(MissingToken("s", ""), 1:2)"##,
            r##"Syntax error: Expecting 's' "##,
        ],
    );
}

#[test]
fn parse_forms_missing_symbol() {
    assert_parse_forms(
        ParseErrorType::MissingSymbol("s".into()),
        r##"MissingSymbol("s")"##,
        [
            r##"s"##,
            r##"s (line 1, position 2)"##,
            r##"ParseError(MissingSymbol("s"), 1:2)"##,
            r##"Syntax error: s"##,
        ],
    );
    assert_parse_forms(
        ParseErrorType::MissingSymbol("".into()),
        r##"MissingSymbol("")"##,
        [
            r##"Expecting a symbol"##,
            r##"Expecting a symbol (line 1, position 2)"##,
            r##"ParseError(MissingSymbol(""), 1:2)"##,
            r##"Syntax error: Expecting a symbol"##,
        ],
    );
}

#[test]
fn parse_forms_malformed_call_expr() {
    assert_parse_forms(
        ParseErrorType::MalformedCallExpr("s".into()),
        r##"MalformedCallExpr("s")"##,
        [
            r##"Invalid expression in function call arguments"##,
            r##"Invalid expression in function call arguments (line 1, position 2)"##,
            r##"ParseError(MalformedCallExpr("s"), 1:2)"##,
            r##"Syntax error: Invalid expression in function call arguments"##,
        ],
    );
    assert_parse_forms(
        ParseErrorType::MalformedCallExpr("".into()),
        r##"MalformedCallExpr("")"##,
        [
            r##""##,
            r##" (line 1, position 2)"##,
            r##"ParseError(MalformedCallExpr(""), 1:2)"##,
            r##"Syntax error: "##,
        ],
    );
}

#[test]
fn parse_forms_malformed_index_expr() {
    assert_parse_forms(
        ParseErrorType::MalformedIndexExpr("s".into()),
        r##"MalformedIndexExpr("s")"##,
        [
            r##"s"##,
            r##"s (line 1, position 2)"##,
            r##"ParseError(MalformedIndexExpr("s"), 1:2)"##,
            r##"Syntax error: s"##,
        ],
    );
    assert_parse_forms(
        ParseErrorType::MalformedIndexExpr("".into()),
        r##"MalformedIndexExpr("")"##,
        [
            r##"Invalid index in indexing expression"##,
            r##"Invalid index in indexing expression (line 1, position 2)"##,
            r##"ParseError(MalformedIndexExpr(""), 1:2)"##,
            r##"Syntax error: Invalid index in indexing expression"##,
        ],
    );
}

#[test]
fn parse_forms_malformed_in_expr() {
    assert_parse_forms(
        ParseErrorType::MalformedInExpr("s".into()),
        r##"MalformedInExpr("s")"##,
        [
            r##"s"##,
            r##"s (line 1, position 2)"##,
            r##"ParseError(MalformedInExpr("s"), 1:2)"##,
            r##"Syntax error: s"##,
        ],
    );
    assert_parse_forms(
        ParseErrorType::MalformedInExpr("".into()),
        r##"MalformedInExpr("")"##,
        [
            r##"Invalid 'in' expression"##,
            r##"Invalid 'in' expression (line 1, position 2)"##,
            r##"ParseError(MalformedInExpr(""), 1:2)"##,
            r##"Syntax error: Invalid 'in' expression"##,
        ],
    );
}

#[test]
fn parse_forms_malformed_capture() {
    assert_parse_forms(
        ParseErrorType::MalformedCapture("s".into()),
        r##"MalformedCapture("s")"##,
        [
            r##"s"##,
            r##"s (line 1, position 2)"##,
            r##"ParseError(MalformedCapture("s"), 1:2)"##,
            r##"Syntax error: s"##,
        ],
    );
    assert_parse_forms(
        ParseErrorType::MalformedCapture("".into()),
        r##"MalformedCapture("")"##,
        [
            r##"Invalid capturing"##,
            r##"Invalid capturing (line 1, position 2)"##,
            r##"ParseError(MalformedCapture(""), 1:2)"##,
            r##"Syntax error: Invalid capturing"##,
        ],
    );
}

#[test]
fn parse_forms_duplicated_property() {
    assert_parse_forms(
        ParseErrorType::DuplicatedProperty("s".into()),
        r##"DuplicatedProperty("s")"##,
        [
            r##"Duplicated property for object map literal: s"##,
            r##"Duplicated property for object map literal: s (line 1, position 2)"##,
            r##"ParseError(DuplicatedProperty("s"), 1:2)"##,
            r##"Syntax error: Duplicated property for object map literal: s"##,
        ],
    );
}

#[test]
fn parse_forms_duplicated_switch_case() {
    assert_parse_forms(
        ParseErrorType::DuplicatedSwitchCase,
        r##"DuplicatedSwitchCase"##,
        [
            r##"Duplicated switch case"##,
            r##"Duplicated switch case (line 1, position 2)"##,
            r##"ParseError(DuplicatedSwitchCase, 1:2)"##,
            r##"Syntax error: Duplicated switch case"##,
        ],
    );
}

#[test]
fn parse_forms_duplicated_variable() {
    assert_parse_forms(
        ParseErrorType::DuplicatedVariable("s".into()),
        r##"DuplicatedVariable("s")"##,
        [
            r##"Duplicated variable name: s"##,
            r##"Duplicated variable name: s (line 1, position 2)"##,
            r##"ParseError(DuplicatedVariable("s"), 1:2)"##,
            r##"Syntax error: Duplicated variable name: s"##,
        ],
    );
}

#[test]
fn parse_forms_wrong_switch_integer_case() {
    assert_parse_forms(
        ParseErrorType::WrongSwitchIntegerCase,
        r##"WrongSwitchIntegerCase"##,
        [
            r##"Numeric switch case cannot follow a range case"##,
            r##"Numeric switch case cannot follow a range case (line 1, position 2)"##,
            r##"ParseError(WrongSwitchIntegerCase, 1:2)"##,
            r##"Syntax error: Numeric switch case cannot follow a range case"##,
        ],
    );
}

#[test]
fn parse_forms_wrong_switch_default_case() {
    assert_parse_forms(
        ParseErrorType::WrongSwitchDefaultCase,
        r##"WrongSwitchDefaultCase"##,
        [
            r##"Default switch case must be the last"##,
            r##"Default switch case must be the last (line 1, position 2)"##,
            r##"ParseError(WrongSwitchDefaultCase, 1:2)"##,
            r##"Syntax error: Default switch case must be the last"##,
        ],
    );
}

#[test]
fn parse_forms_wrong_switch_case_condition() {
    assert_parse_forms(
        ParseErrorType::WrongSwitchCaseCondition,
        r##"WrongSwitchCaseCondition"##,
        [
            r##"This switch case cannot have a condition"##,
            r##"This switch case cannot have a condition (line 1, position 2)"##,
            r##"ParseError(WrongSwitchCaseCondition, 1:2)"##,
            r##"Syntax error: This switch case cannot have a condition"##,
        ],
    );
}

#[test]
fn parse_forms_property_expected() {
    assert_parse_forms(
        ParseErrorType::PropertyExpected,
        r##"PropertyExpected"##,
        [
            r##"Expecting name of a property"##,
            r##"Expecting name of a property (line 1, position 2)"##,
            r##"ParseError(PropertyExpected, 1:2)"##,
            r##"Syntax error: Expecting name of a property"##,
        ],
    );
}

#[test]
fn parse_forms_variable_expected() {
    assert_parse_forms(
        ParseErrorType::VariableExpected,
        r##"VariableExpected"##,
        [
            r##"Expecting name of a variable"##,
            r##"Expecting name of a variable (line 1, position 2)"##,
            r##"ParseError(VariableExpected, 1:2)"##,
            r##"Syntax error: Expecting name of a variable"##,
        ],
    );
}

#[test]
fn parse_forms_forbidden_variable() {
    assert_parse_forms(
        ParseErrorType::ForbiddenVariable("s".into()),
        r##"ForbiddenVariable("s")"##,
        [
            r##"Forbidden variable name: s"##,
            r##"Forbidden variable name: s (line 1, position 2)"##,
            r##"ParseError(ForbiddenVariable("s"), 1:2)"##,
            r##"Syntax error: Forbidden variable name: s"##,
        ],
    );
}

#[test]
fn parse_forms_reserved() {
    assert_parse_forms(
        ParseErrorType::Reserved("s".into()),
        r##"Reserved("s")"##,
        [
            r##"'s' is a reserved keyword"##,
            r##"'s' is a reserved keyword (line 1, position 2)"##,
            r##"ParseError(Reserved("s"), 1:2)"##,
            r##"Syntax error: 's' is a reserved keyword"##,
        ],
    );
}

#[test]
fn parse_forms_mismatched_type() {
    assert_parse_forms(
        ParseErrorType::MismatchedType("a".into(), "b".into()),
        r##"MismatchedType("a", "b")"##,
        [
            r##"Expecting a, not b"##,
            r##"Expecting a, not b (line 1, position 2)"##,
            r##"ParseError(MismatchedType("a", "b"), 1:2)"##,
            r##"Syntax error: Expecting a, not b"##,
        ],
    );
    assert_parse_forms(
        ParseErrorType::MismatchedType("".into(), "b".into()),
        r##"MismatchedType("", "b")"##,
        [
            r##"Expecting , not b"##,
            r##"Expecting , not b (line 1, position 2)"##,
            r##"ParseError(MismatchedType("", "b"), 1:2)"##,
            r##"Syntax error: Expecting , not b"##,
        ],
    );
}

#[test]
fn parse_forms_expr_expected() {
    assert_parse_forms(
        ParseErrorType::ExprExpected("s".into()),
        r##"ExprExpected("s")"##,
        [
            r##"Expecting s expression"##,
            r##"Expecting s expression (line 1, position 2)"##,
            r##"ParseError(ExprExpected("s"), 1:2)"##,
            r##"Syntax error: Expecting s expression"##,
        ],
    );
    assert_parse_forms(
        ParseErrorType::ExprExpected("".into()),
        r##"ExprExpected("")"##,
        [
            r##"Expecting  expression"##,
            r##"Expecting  expression (line 1, position 2)"##,
            r##"ParseError(ExprExpected(""), 1:2)"##,
            r##"Syntax error: Expecting  expression"##,
        ],
    );
}

#[test]
fn parse_forms_wrong_doc_comment() {
    assert_parse_forms(
        ParseErrorType::WrongDocComment,
        r##"WrongDocComment"##,
        [
            r##"Doc-comment must be followed immediately by a function definition"##,
            r##"Doc-comment must be followed immediately by a function definition (line 1, position 2)"##,
            r##"ParseError(WrongDocComment, 1:2)"##,
            r##"Syntax error: Doc-comment must be followed immediately by a function definition"##,
        ],
    );
}

#[test]
fn parse_forms_wrong_fn_definition() {
    assert_parse_forms(
        ParseErrorType::WrongFnDefinition,
        r##"WrongFnDefinition"##,
        [
            r##"Function definitions must be at global level and cannot be inside a block or another function"##,
            r##"Function definitions must be at global level and cannot be inside a block or another function (line 1, position 2)"##,
            r##"ParseError(WrongFnDefinition, 1:2)"##,
            r##"Syntax error: Function definitions must be at global level and cannot be inside a block or another function"##,
        ],
    );
}

#[test]
fn parse_forms_fn_duplicated_definition() {
    assert_parse_forms(
        ParseErrorType::FnDuplicatedDefinition("s".into(), 0),
        r##"FnDuplicatedDefinition("s", 0)"##,
        [
            r##"Function s with no parameters already exists"##,
            r##"Function s with no parameters already exists (line 1, position 2)"##,
            r##"ParseError(FnDuplicatedDefinition("s", 0), 1:2)"##,
            r##"Syntax error: Function s with no parameters already exists"##,
        ],
    );
    assert_parse_forms(
        ParseErrorType::FnDuplicatedDefinition("s".into(), 1),
        r##"FnDuplicatedDefinition("s", 1)"##,
        [
            r##"Function s with 1 parameter already exists"##,
            r##"Function s with 1 parameter already exists (line 1, position 2)"##,
            r##"ParseError(FnDuplicatedDefinition("s", 1), 1:2)"##,
            r##"Syntax error: Function s with 1 parameter already exists"##,
        ],
    );
    assert_parse_forms(
        ParseErrorType::FnDuplicatedDefinition("s".into(), 2),
        r##"FnDuplicatedDefinition("s", 2)"##,
        [
            r##"Function s with 2 parameters already exists"##,
            r##"Function s with 2 parameters already exists (line 1, position 2)"##,
            r##"ParseError(FnDuplicatedDefinition("s", 2), 1:2)"##,
            r##"Syntax error: Function s with 2 parameters already exists"##,
        ],
    );
}

#[test]
fn parse_forms_fn_missing_name() {
    assert_parse_forms(
        ParseErrorType::FnMissingName,
        r##"FnMissingName"##,
        [
            r##"Expecting function name in function declaration"##,
            r##"Expecting function name in function declaration (line 1, position 2)"##,
            r##"ParseError(FnMissingName, 1:2)"##,
            r##"Syntax error: Expecting function name in function declaration"##,
        ],
    );
}

#[test]
fn parse_forms_fn_missing_params() {
    assert_parse_forms(
        ParseErrorType::FnMissingParams("s".into()),
        r##"FnMissingParams("s")"##,
        [
            r##"Expecting parameters for function s"##,
            r##"Expecting parameters for function s (line 1, position 2)"##,
            r##"ParseError(FnMissingParams("s"), 1:2)"##,
            r##"Syntax error: Expecting parameters for function s"##,
        ],
    );
}

#[test]
fn parse_forms_fn_duplicated_param() {
    assert_parse_forms(
        ParseErrorType::FnDuplicatedParam("s".into(), "p".into()),
        r##"FnDuplicatedParam("s", "p")"##,
        [
            r##"Duplicated parameter p for function s"##,
            r##"Duplicated parameter p for function s (line 1, position 2)"##,
            r##"ParseError(FnDuplicatedParam("s", "p"), 1:2)"##,
            r##"Syntax error: Duplicated parameter p for function s"##,
        ],
    );
}

#[test]
fn parse_forms_fn_missing_body() {
    assert_parse_forms(
        ParseErrorType::FnMissingBody("s".into()),
        r##"FnMissingBody("s")"##,
        [
            r##"Expecting body statement block for function s"##,
            r##"Expecting body statement block for function s (line 1, position 2)"##,
            r##"ParseError(FnMissingBody("s"), 1:2)"##,
            r##"Syntax error: Expecting body statement block for function s"##,
        ],
    );
    assert_parse_forms(
        ParseErrorType::FnMissingBody("".into()),
        r##"FnMissingBody("")"##,
        [
            r##"Expecting body statement block for anonymous function"##,
            r##"Expecting body statement block for anonymous function (line 1, position 2)"##,
            r##"ParseError(FnMissingBody(""), 1:2)"##,
            r##"Syntax error: Expecting body statement block for anonymous function"##,
        ],
    );
}

#[test]
fn parse_forms_wrong_export() {
    assert_parse_forms(
        ParseErrorType::WrongExport,
        r##"WrongExport"##,
        [
            r##"Export statement can only appear at global level"##,
            r##"Export statement can only appear at global level (line 1, position 2)"##,
            r##"ParseError(WrongExport, 1:2)"##,
            r##"Syntax error: Export statement can only appear at global level"##,
        ],
    );
}

#[test]
fn parse_forms_assignment_to_constant() {
    assert_parse_forms(
        ParseErrorType::AssignmentToConstant("s".into()),
        r##"AssignmentToConstant("s")"##,
        [
            r##"Cannot assign to constant s"##,
            r##"Cannot assign to constant s (line 1, position 2)"##,
            r##"ParseError(AssignmentToConstant("s"), 1:2)"##,
            r##"Syntax error: Cannot assign to constant s"##,
        ],
    );
    assert_parse_forms(
        ParseErrorType::AssignmentToConstant("".into()),
        r##"AssignmentToConstant("")"##,
        [
            r##"Cannot assign to a constant value"##,
            r##"Cannot assign to a constant value (line 1, position 2)"##,
            r##"ParseError(AssignmentToConstant(""), 1:2)"##,
            r##"Syntax error: Cannot assign to a constant value"##,
        ],
    );
}

#[test]
fn parse_forms_assignment_to_invalid_l_h_s() {
    assert_parse_forms(
        ParseErrorType::AssignmentToInvalidLHS("s".into()),
        r##"AssignmentToInvalidLHS("s")"##,
        [
            r##"s"##,
            r##"s (line 1, position 2)"##,
            r##"ParseError(AssignmentToInvalidLHS("s"), 1:2)"##,
            r##"Syntax error: s"##,
        ],
    );
    assert_parse_forms(
        ParseErrorType::AssignmentToInvalidLHS("".into()),
        r##"AssignmentToInvalidLHS("")"##,
        [
            r##"Expression cannot be assigned to"##,
            r##"Expression cannot be assigned to (line 1, position 2)"##,
            r##"ParseError(AssignmentToInvalidLHS(""), 1:2)"##,
            r##"Syntax error: Expression cannot be assigned to"##,
        ],
    );
}

#[test]
fn parse_forms_variable_exists() {
    assert_parse_forms(
        ParseErrorType::VariableExists("s".into()),
        r##"VariableExists("s")"##,
        [
            r##"Variable already defined: s"##,
            r##"Variable already defined: s (line 1, position 2)"##,
            r##"ParseError(VariableExists("s"), 1:2)"##,
            r##"Syntax error: Variable already defined: s"##,
        ],
    );
}

#[test]
fn parse_forms_variable_undefined() {
    assert_parse_forms(
        ParseErrorType::VariableUndefined("s".into()),
        r##"VariableUndefined("s")"##,
        [
            r##"Undefined variable: s"##,
            r##"Undefined variable: s (line 1, position 2)"##,
            r##"ParseError(VariableUndefined("s"), 1:2)"##,
            r##"Syntax error: Undefined variable: s"##,
        ],
    );
}

#[test]
fn parse_forms_module_undefined() {
    assert_parse_forms(
        ParseErrorType::ModuleUndefined("s".into()),
        r##"ModuleUndefined("s")"##,
        [
            r##"Undefined module: s"##,
            r##"Undefined module: s (line 1, position 2)"##,
            r##"ParseError(ModuleUndefined("s"), 1:2)"##,
            r##"Syntax error: Undefined module: s"##,
        ],
    );
}

#[test]
fn parse_forms_expr_too_deep() {
    assert_parse_forms(
        ParseErrorType::ExprTooDeep,
        r##"ExprTooDeep"##,
        [
            r##"Expression exceeds maximum complexity"##,
            r##"Expression exceeds maximum complexity (line 1, position 2)"##,
            r##"ParseError(ExprTooDeep, 1:2)"##,
            r##"Syntax error: Expression exceeds maximum complexity"##,
        ],
    );
}

#[test]
fn parse_forms_too_many_functions() {
    assert_parse_forms(
        ParseErrorType::TooManyFunctions,
        r##"TooManyFunctions"##,
        [
            r##"Number of functions defined exceeds maximum limit"##,
            r##"Number of functions defined exceeds maximum limit (line 1, position 2)"##,
            r##"ParseError(TooManyFunctions, 1:2)"##,
            r##"Syntax error: Number of functions defined exceeds maximum limit"##,
        ],
    );
}

#[test]
fn parse_forms_literal_too_large() {
    assert_parse_forms(
        ParseErrorType::LiteralTooLarge("Length of string".into(), 10),
        r##"LiteralTooLarge("Length of string", 10)"##,
        [
            r##"Length of string exceeds the maximum limit (10)"##,
            r##"Length of string exceeds the maximum limit (10) (line 1, position 2)"##,
            r##"ParseError(LiteralTooLarge("Length of string", 10), 1:2)"##,
            r##"Syntax error: Length of string exceeds the maximum limit (10)"##,
        ],
    );
}

#[test]
fn parse_forms_loop_break() {
    assert_parse_forms(
        ParseErrorType::LoopBreak,
        r##"LoopBreak"##,
        [
            r##"Break statement should only be used inside a loop"##,
            r##"Break statement should only be used inside a loop (line 1, position 2)"##,
            r##"ParseError(LoopBreak, 1:2)"##,
            r##"Syntax error: Break statement should only be used inside a loop"##,
        ],
    );
}

#[test]
fn lex_forms_unexpected_input() {
    assert_lex_forms(
        LexError::UnexpectedInput("x".into()),
        r##"UnexpectedInput("x")"##,
        [
            r##"Unexpected 'x'"##,
            r##"Unexpected 'x' (line 1, position 2)"##,
        ],
    );
}

#[test]
fn lex_forms_unterminated_string() {
    assert_lex_forms(
        LexError::UnterminatedString,
        r##"UnterminatedString"##,
        [
            r##"Open string is not terminated"##,
            r##"Open string is not terminated (line 1, position 2)"##,
        ],
    );
}

#[test]
fn lex_forms_string_too_long() {
    assert_lex_forms(
        LexError::StringTooLong(10),
        r##"StringTooLong(10)"##,
        [
            r##"String is too long (max 10)"##,
            r##"Length of string exceeds the maximum limit (10) (line 1, position 2)"##,
        ],
    );
}

#[test]
fn lex_forms_malformed_escape_sequence() {
    assert_lex_forms(
        LexError::MalformedEscapeSequence("\\q".into()),
        r##"MalformedEscapeSequence("\\q")"##,
        [
            r##"Invalid escape sequence: '\q'"##,
            r##"Invalid escape sequence: '\q' (line 1, position 2)"##,
        ],
    );
}

#[test]
fn lex_forms_malformed_number() {
    assert_lex_forms(
        LexError::MalformedNumber("1x".into()),
        r##"MalformedNumber("1x")"##,
        [
            r##"Invalid number: '1x'"##,
            r##"Invalid number: '1x' (line 1, position 2)"##,
        ],
    );
}

#[test]
fn lex_forms_malformed_char() {
    assert_lex_forms(
        LexError::MalformedChar("ab".into()),
        r##"MalformedChar("ab")"##,
        [
            r##"Invalid character: 'ab'"##,
            r##"Invalid character: 'ab' (line 1, position 2)"##,
        ],
    );
}

#[test]
fn lex_forms_malformed_identifier() {
    assert_lex_forms(
        LexError::MalformedIdentifier("1a".into()),
        r##"MalformedIdentifier("1a")"##,
        [
            r##"Variable name is not proper: '1a'"##,
            r##"Variable name is not proper: '1a' (line 1, position 2)"##,
        ],
    );
}

#[test]
fn lex_forms_improper_symbol() {
    assert_lex_forms(
        LexError::ImproperSymbol("s".into(), "".into()),
        r##"ImproperSymbol("s", "")"##,
        [
            r##"Invalid symbol encountered: 's'"##,
            r##"Invalid symbol encountered: 's' (line 1, position 2)"##,
        ],
    );
    assert_lex_forms(
        LexError::ImproperSymbol("s".into(), "msg".into()),
        r##"ImproperSymbol("s", "msg")"##,
        [r##"msg"##, r##"msg (line 1, position 2)"##],
    );
}

#[test]
fn lex_forms_runtime() {
    assert_lex_forms(
        LexError::Runtime("rt".into()),
        r##"Runtime("rt")"##,
        [r##"rt"##, r##"rt (line 1, position 2)"##],
    );
}

// ---- what catch receives for errors raised by native functions ----

#[test]
fn catch_values_of_errors_raised_by_native_functions() {
    assert_native_error_caught(
        || ErrorSystem("sys".into(), "boom".into()),
        Err(r##"ErrorSystem("sys", "boom")"##),
    );
    assert_native_error_caught(
        || ErrorParsing(ParseErrorType::UnexpectedEOF, Position::NONE),
        Err(r##"ErrorParsing(UnexpectedEOF, 1:27)"##),
    );
    assert_native_error_caught(
        || ErrorVariableExists("x".into(), Position::NONE),
        Ok(
            r##"#{"error": "ErrorVariableExists", "line": 1, "message": "Variable already defined: x", "position": 27, "variable": "x"}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorForbiddenVariable("x".into(), Position::NONE),
        Ok(
            r##"#{"error": "ErrorForbiddenVariable", "line": 1, "message": "Forbidden variable name: x", "position": 27, "variable": "x"}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorVariableNotFound("x".into(), Position::NONE),
        Ok(
            r##"#{"error": "ErrorVariableNotFound", "line": 1, "message": "Variable not found: x", "position": 27, "variable": "x"}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorPropertyNotFound("pp".into(), Position::NONE),
        Ok(
            r##"#{"error": "ErrorPropertyNotFound", "line": 1, "message": "Property not found: pp", "position": 27, "variable": "pp"}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorIndexNotFound(Dynamic::from(42_i64), Position::NONE),
        Ok(
            r##"#{"error": "ErrorIndexNotFound", "index": 42, "line": 1, "message": "Invalid index: 42", "position": 27}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorFunctionNotFound("foo (i64)".into(), Position::NONE),
        Ok(
            r##"#{"error": "ErrorFunctionNotFound", "function": "foo (i64)", "line": 1, "message": "Function not found: foo (i64)", "position": 27}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorModuleNotFound("m".into(), Position::NONE),
        Ok(
            r##"#{"error": "ErrorModuleNotFound", "line": 1, "message": "Module not found: m", "module": "m", "position": 27}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorInFunctionCall("f".into(), "src".into(), inner(), Position::NONE),
        Ok(
            r##"#{"error": "ErrorInFunctionCall", "function": "f", "line": 1, "message": "Variable not found: v @ 'src' (line 2, position 3)\nin call to function 'f' (from 'src')", "position": 27, "source": "src"}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorInModule("mm".into(), inner(), Position::NONE),
        Ok(
            r##"#{"error": "ErrorInModule", "line": 1, "message": "Variable not found: v (line 2, position 3)\nin module 'mm'", "module": "mm", "position": 27}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorUnboundThis(Position::NONE),
        Ok(
            r##"#{"error": "ErrorUnboundThis", "line": 1, "message": "'this' not bound", "position": 27}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorMismatchDataType("bool".into(), "i64".into(), Position::NONE),
        Ok(
            r##"#{"actual": "i64", "error": "ErrorMismatchDataType", "line": 1, "message": "Data type incorrect: i64 (expecting bool)", "position": 27, "requested": "bool"}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorMismatchOutputType("bool".into(), "i64".into(), Position::NONE),
        Ok(
            r##"#{"actual": "i64", "error": "ErrorMismatchOutputType", "line": 1, "message": "Output type incorrect: i64 (expecting bool)", "position": 27, "requested": "bool"}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorIndexingType("bool [i64]".into(), Position::NONE),
        Ok(
            r##"#{"error": "ErrorIndexingType", "line": 1, "message": "Indexer unavailable: bool [i64]", "position": 27, "type": "bool [i64]"}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorArrayBounds(3, 5, Position::NONE),
        Ok(
            r##"#{"error": "ErrorArrayBounds", "index": 5, "length": 3, "line": 1, "message": "Array index 5 out of bounds: only 3 elements in array", "position": 27}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorStringBounds(3, -5, Position::NONE),
        Ok(
            r##"#{"error": "ErrorStringBounds", "index": -5, "length": 3, "line": 1, "message": "String index -5 out of bounds: only 3 characters in string", "position": 27}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorBitFieldBounds(64, 70, Position::NONE),
        Ok(
            r##"#{"error": "ErrorBitFieldBounds", "index": 70, "length": 64, "line": 1, "message": "Bit-field index 70 out of bounds: only 64 bits in bit-field", "position": 27}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorFor(Position::NONE),
        Ok(
            r##"#{"error": "ErrorFor", "line": 1, "message": "For loop expects iterable type", "position": 27}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorDataRace("x".into(), Position::NONE),
        Ok(
            r##"#{"error": "ErrorDataRace", "line": 1, "message": "Data race detected on x", "position": 27, "variable": "x"}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorNonPureMethodCallOnConstant("push".into(), Position::NONE),
        Ok(
            r##"#{"error": "ErrorNonPureMethodCallOnConstant", "function": "push", "line": 1, "message": "Non-pure method 'push' cannot be called on constant", "position": 27}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorAssignmentToConstant("C".into(), Position::NONE),
        Ok(
            r##"#{"error": "ErrorAssignmentToConstant", "line": 1, "message": "Cannot modify constant C", "position": 27, "variable": "C"}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorDotExpr("bad dot".into(), Position::NONE),
        Ok(
            r##"#{"error": "ErrorDotExpr", "line": 1, "message": "bad dot", "position": 27, "property": "bad dot"}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorArithmetic("Overflow".into(), Position::NONE),
        Ok(r##"#{"error": "ErrorArithmetic", "line": 1, "message": "Overflow", "position": 27}"##),
    );
    assert_native_error_caught(
        || ErrorTooManyOperations(Position::NONE),
        Err(r##"ErrorTooManyOperations(1:27)"##),
    );
    assert_native_error_caught(
        || ErrorDataTooLarge("Size of array".into(), Position::NONE),
        Err(r##"ErrorDataTooLarge("Size of array", 1:27)"##),
    );
    assert_native_error_caught(
        || ErrorTerminated(Dynamic::from(7_i64), Position::NONE),
        Err(r##"ErrorTerminated(7, 1:27)"##),
    );
    assert_native_error_caught(
        || {
            ErrorCustomSyntax(
                "bad syntax".into(),
                vec!["a".into(), "b".into()],
                Position::NONE,
            )
        },
        Err(r##"ErrorCustomSyntax("bad syntax", ["a", "b"], 1:27)"##),
    );
    assert_native_error_caught(
        || ErrorRuntime(Dynamic::from(42_i64), Position::NONE),
        Ok(r##"42"##),
    );
    assert_native_error_caught(
        || ErrorRuntime(Dynamic::UNIT, Position::NONE),
        Ok(r##"()"##),
    );
    assert_native_error_caught(
        || Return(Dynamic::from(5_i64), Position::NONE),
        Ok(r##"5"##),
    );
    assert_native_error_caught(|| Exit(Dynamic::from(5_i64), Position::NONE), Ok(r##"5"##));
    assert_native_error_caught(
        || {
            ErrorInFunctionCall(
                "f".into(),
                "".into(),
                Box::new(ErrorRuntime(Dynamic::from(9_i64), Position::new(2, 3))),
                Position::NONE,
            )
        },
        Ok(r##"9"##),
    );
    assert_native_error_caught(
        || {
            ErrorInModule(
                "".into(),
                Box::new(ErrorArrayBounds(1, 2, Position::new(2, 3))),
                Position::NONE,
            )
        },
        Ok(
            r##"#{"error": "ErrorInModule", "line": 1, "message": "Array index 2 out of bounds: only 1 element in array (line 2, position 3)\nin module", "module": "", "position": 27}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorMismatchDataType("".into(), "i64".into(), Position::NONE),
        Ok(
            r##"#{"actual": "i64", "error": "ErrorMismatchDataType", "line": 1, "message": "Data type incorrect: i64", "position": 27, "requested": ""}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorIndexNotFound(Dynamic::from("key"), Position::NONE),
        Ok(
            r##"#{"error": "ErrorIndexNotFound", "index": "key", "line": 1, "message": "Invalid index: key", "position": 27}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorStackOverflow(Position::NONE),
        Err(r##"ErrorStackOverflow(1:27)"##),
    );
    assert_native_error_caught(
        || ErrorTooManyVariables(Position::NONE),
        Err(r##"ErrorTooManyVariables(1:27)"##),
    );
    assert_native_error_caught(
        || ErrorTooManyModules(Position::NONE),
        Err(r##"ErrorTooManyModules(1:27)"##),
    );
    assert_native_error_caught(
        || {
            ErrorInFunctionCall(
                "f".into(),
                "".into(),
                Box::new(ErrorStackOverflow(Position::new(2, 3))),
                Position::NONE,
            )
        },
        Ok(
            r##"#{"error": "ErrorInFunctionCall", "function": "f", "line": 1, "message": "Stack overflow (line 2, position 3)\nin call to function 'f'", "position": 27, "source": ""}"##,
        ),
    );
    assert_native_error_caught(
        || ErrorVariableNotFound("x".into(), Position::new(9, 9)),
        Ok(
            r##"#{"error": "ErrorVariableNotFound", "line": 9, "message": "Variable not found: x", "position": 9, "variable": "x"}"##,
        ),
    );
}

// ---- the expression depth limits ----

#[test]
fn parse_expr_too_deep_positions() {
    // (limit, construct nested n times, the first n that is too deep, where it is reported)
    let cases: [(usize, &str, usize, u16); 26] = [
        (6, "parens", 2, 11),
        (6, "parens_expr", 3, 3),
        (6, "arrays", 2, 10),
        (6, "blocks", 3, 7),
        (6, "ifs", 2, 21),
        (6, "calls", 2, 13),
        (6, "adds", 4, 19),
        (6, "fnparens", 2, 11),
        (6, "maps", 2, 14),
        (6, "index", 2, 14),
        (6, "dots", 4, 16),
        (6, "closures", 2, 12),
        (6, "whiles", 2, 21),
        (9, "parens", 4, 12),
        (9, "parens_expr", 4, 5),
        (9, "arrays", 3, 11),
        (9, "blocks", 4, 9),
        (9, "ifs", 3, 31),
        (9, "calls", 4, 15),
        (9, "adds", 7, 31),
        (9, "fnparens", 3, 13),
        (9, "maps", 3, 19),
        (9, "index", 5, 23),
        (9, "dots", 7, 22),
        (9, "closures", 3, 15),
        (9, "whiles", 3, 31),
    ];
    for (limit, construct, too_deep, column) in cases {
        let mut engine = Engine::new();
        engine.set_max_expr_depths(limit, limit);
        let nest = |n: usize| match construct {
            "adds" => format!("let x = 1{};", " + 1".repeat(n)),
            "arrays" => format!("let x = {}1{};", "[".repeat(n), "]".repeat(n)),
            "blocks" => format!("{}1{}", "{ ".repeat(n), " }".repeat(n)),
            "calls" => format!("let x = {}1{};", "f(".repeat(n), ")".repeat(n)),
            "closures" => format!("let x = {}1;", "|| ".repeat(n)),
            "dots" => format!("let x = a{};", ".b".repeat(n)),
            "fnparens" => format!("fn f() {{ {}1{} }}", "(".repeat(n), ")".repeat(n)),
            "ifs" => format!("{}1{}", "if true { ".repeat(n), " }".repeat(n)),
            "index" => format!("let x = a{};", "[1]".repeat(n)),
            "maps" => format!("let x = {}1{};", "#{a: ".repeat(n), "}".repeat(n)),
            "parens" => format!("let x = {}1{};", "(".repeat(n), ")".repeat(n)),
            "parens_expr" => format!("{}1{}", "(".repeat(n), ")".repeat(n)),
            "whiles" => format!("{}1{}", "while x { ".repeat(n), " }".repeat(n)),
            _ => unreachable!(),
        };
        assert!(
            engine.compile(nest(too_deep - 1)).is_ok(),
            "{construct} {limit}"
        );
        let err = engine.compile(nest(too_deep)).unwrap_err();
        assert_eq!(
            (err.err_type(), err.position()),
            (&ParseErrorType::ExprTooDeep, Position::new(1, column)),
            "{construct} {limit}"
        );
    }
}

#[test]
fn parse_empty_closure_body() {
    // A `;` right after the parameters is the closure's (empty) body, not the end of the `let`.
    assert_parse_error(
        "let f = |x| ;\nf.call(1)",
        r#"ParseError(MissingToken(";", "to terminate this statement"), 2:1)"#,
        "Expecting ';' to terminate this statement (line 2, position 1)",
    );
    let value = engine().eval::<Dynamic>("let f = || ;; f.call()").unwrap();
    assert!(value.is_unit());
}

#[test]
fn parse_return_before_a_token_that_cannot_start_an_expression() {
    // `return`, `throw` and `break` take no value then, and the statement must end there.
    assert_parse_error(
        "throw ,",
        r#"ParseError(MissingToken(";", "to terminate this statement"), 1:7)"#,
        "Expecting ';' to terminate this statement (line 1, position 7)",
    );
    assert_parse_error(
        "return )",
        r#"ParseError(MissingToken(";", "to terminate this statement"), 1:8)"#,
        "Expecting ';' to terminate this statement (line 1, position 8)",
    );
}
