//! The scripting language, area by area (book: "Scripting Language"): each case is a script
//! and the `Debug` form of its value, `!Variant` for a runtime error, `!!Variant` for a parse
//! error (see `common::check_all`).

mod common;
use common::{check_all, engine};
use rhai::Dynamic;

#[test]
fn literals() {
    check_all(
        &engine(),
        &[
            ("42", "42"),
            ("1_000_000", "1000000"),
            ("0xff", "255"),
            ("0o17", "15"),
            ("0b1010_1010", "170"),
            ("3.5", "3.5"),
            ("1e3", "1000.0"),
            ("1.5e-3", "0.0015"),
            ("'x'", "'x'"),
            ("'\\n'", "'\\n'"),
            ("'\\u0041'", "'A'"),
            ("\"a\\tb\"", "\"a\\tb\""),
            ("\"say \\\"hi\\\"\"", "\"say \\\"hi\\\"\""),
            ("\"x\\x41\"", "\"xA\""),
            ("true", "true"),
            ("()", "()"),
            ("[1, 2, 3]", "[1, 2, 3]"),
            ("#{a: 1, \"b c\": 2}", "#{\"a\": 1, \"b c\": 2}"),
            ("`multi\nline`", "\"multi\\nline\""),
            ("`a``b`", "\"a`b\""),
            ("\"abc\\\n def\"", "\"abcdef\""),
            ("let x = \"abc\\\n         def\"; x", "\"abcdef\""),
            ("\"a\"\"b\"", "\"a\\\"b\""),
            ("1..5", "1..5"),
            ("1..=5", "1..=5"),
            ("99999999999999999999", "1e20"),
            ("\"unterminated", "!!BadInput"),
            ("'ab'", "!!BadInput"),
            ("#{a: 1, a: 2}", "!!DuplicatedProperty"),
        ],
    );
}

#[test]
fn comments_and_doc_comments() {
    check_all(
        &engine(),
        &[
            ("// line\n1", "1"),
            ("/* block /* nested */ still */ 2", "2"),
            ("/// doc\nfn f() { 3 } f()", "3"),
            ("/** doc */\nfn f() { 4 } f()", "4"),
            ("//! module doc\n5", "5"),
            // Without function metadata, doc-comments are ordinary comments.
            (
                "/// doc\nlet x = 1;",
                if cfg!(feature = "metadata") {
                    "!!WrongDocComment"
                } else {
                    "()"
                },
            ),
            // A shebang line is dropped from files only; in script text `#!` is reserved.
            ("#!/usr/bin/env rhai\n6", "!!Reserved"),
        ],
    );
}

#[test]
fn variables_and_constants() {
    check_all(
        &engine(),
        &[
            ("let x = 1; x", "1"),
            ("let x; x", "()"),
            ("let x = 1; let x = x + 1; x", "2"),
            ("let x = 1; { let x = 2; } x", "1"),
            ("let x = 1; { x = 2; } x", "2"),
            ("const X = 42; X", "42"),
            ("const X = 42; X = 1;", "!!AssignmentToConstant"),
            ("const X = 42; X += 1;", "!!AssignmentToConstant"),
            ("const A = [1]; A[0] = 2;", "!ErrorAssignmentToConstant"),
            ("y", "!ErrorVariableNotFound"),
            ("let _x = 1; _x", "1"),
            ("let _ = 1;", "!!VariableExpected"),
            ("let _1 = 1;", "!!BadInput"),
            ("let var = 1;", "!!Reserved"),
            ("let x = 1; is_def_var(\"x\")", "true"),
            ("is_def_var(\"nope\")", "false"),
            ("let a = 1; let b = a; b = 2; a", "1"),
        ],
    );
}

#[test]
fn arithmetic_and_overflow() {
    check_all(
        &engine(),
        &[
            ("1 + 2 * 3", "7"),
            ("(1 + 2) * 3", "9"),
            ("10 / 3", "3"),
            ("-7 / 2", "-3"),
            ("10 % 3", "1"),
            ("2 ** 10", "1024"),
            ("2 ** 3 ** 2", "512"),
            ("-2 ** 2", "4"),
            ("1 << 4", "16"),
            ("256 >> 4", "16"),
            ("6 & 3", "2"),
            ("6 | 3", "7"),
            ("6 ^ 3", "5"),
            ("1 + 2.5", "3.5"),
            ("5 / 2.0", "2.5"),
            ("2.0 ** 3", "8.0"),
            ("1.0 / 0.0", "inf"),
            ("9223372036854775807 + 1", "!ErrorArithmetic"),
            ("-9223372036854775807 - 2", "!ErrorArithmetic"),
            ("9223372036854775807 * 2", "!ErrorArithmetic"),
            ("1 / 0", "!ErrorArithmetic"),
            ("1 % 0", "!ErrorArithmetic"),
            ("2 ** -1", "!ErrorArithmetic"),
            ("let x = 5; x += 3; x -= 1; x *= 2; x /= 7; x", "2"),
            ("let x = 7; x %= 4; x **= 3; x <<= 1; x >>= 2; x", "13"),
            ("let x = 6; x &= 3; x |= 8; x ^= 1; x", "11"),
            ("let x = 1.5; x += 1; x", "2.5"),
            ("let x = -5; -x", "5"),
            ("+3", "3"),
        ],
    );
}

#[test]
fn arithmetic_error_messages() {
    let engine = engine();
    let message = |script: &str| engine.eval::<Dynamic>(script).unwrap_err().to_string();
    assert_eq!(
        message("let z = 0; 42 % z"),
        "Modulo division by zero or overflow: 42 % 0 (line 1, position 15)"
    );
    assert_eq!(
        message("let m = -9223372036854775807 - 1;\nm % -1"),
        "Modulo division by zero or overflow: -9223372036854775808 % -1 (line 2, position 3)"
    );
    assert_eq!(
        message("2 ** -1"),
        "Integer raised to a negative power: 2 ** -1 (line 1, position 3)"
    );
}

#[test]
fn comparison_and_logic() {
    check_all(
        &engine(),
        &[
            ("1 < 2", "true"),
            ("2 <= 1", "false"),
            ("1 == 1.0", "true"),
            ("1 < 1.5", "true"),
            ("\"a\" < \"b\"", "true"),
            ("'a' < 'b'", "true"),
            ("1 == \"1\"", "false"),
            ("1 != \"1\"", "true"),
            ("true && false", "false"),
            ("true || false", "true"),
            ("!true", "false"),
            ("false && (1 / 0 == 0)", "false"),
            ("true || (1 / 0 == 0)", "true"),
            ("true & false", "false"),
            ("true | false", "true"),
            ("true ^ true", "false"),
            ("() ?? 5", "5"),
            ("3 ?? 5", "3"),
            ("1 + 2 == 3 && 4 > 3", "true"),
            ("[1, 2] == [1, 2]", "true"),
            ("#{a: 1} == #{a: 1}", "true"),
            ("#{a: 1} != #{a: 2}", "true"),
            ("() == ()", "true"),
            ("if 1 { 2 }", "!!MismatchedType"),
            ("let c = 1; if c { 2 }", "!ErrorMismatchDataType"),
        ],
    );
}

#[test]
fn strings_and_characters() {
    check_all(
        &engine(),
        &[
            ("\"hello\" + \" \" + \"world\"", "\"hello world\""),
            ("\"n=\" + 42", "\"n=42\""),
            ("42 + \"!\"", "\"42!\""),
            ("\"x\" + 'y'", "\"xy\""),
            ("'a' + 'b'", "\"ab\""),
            ("\"v\" + 1.5", "\"v1.5\""),
            ("\"u\" + ()", "\"u\""),
            ("\"t\" + true", "\"ttrue\""),
            ("\"a\" + [1, 2]", "\"a[1, 2]\""),
            ("let s = \"abc\"; s[0]", "'a'"),
            ("let s = \"abc\"; s[-1]", "'c'"),
            ("let s = \"abc\"; s[3]", "!ErrorStringBounds"),
            ("let s = \"abc\"; s[1] = 'X'; s", "\"aXc\""),
            (
                "let s = \"hello, world\"; s[7..=11] = \"Earth\"; s",
                "\"hello, Earth\"",
            ),
            ("\"abcdef\"[1..3]", "\"bc\""),
            ("let s = \"ab\"; s += \"cd\"; s", "\"abcd\""),
            ("let s = \"ab\"; s += 'c'; s", "\"abc\""),
            ("\"abc\".len", "3"),
            ("\"abc\".len()", "3"),
            ("\"ab\" in \"cabd\"", "true"),
            ("'x' in \"abc\"", "false"),
            ("'x' !in \"abc\"", "true"),
            ("let x = 3; `x = ${x}, x2 = ${x * 2}`", "\"x = 3, x2 = 6\""),
            ("`${ let y = 2; y + 1 }`", "\"3\""),
            ("`outer ${ `inner ${1 + 1}` } end`", "\"outer inner 2 end\""),
            ("`map ${#{a: 1}.a}`", "\"map 1\""),
            ("let s = \"\"; for c in \"abc\" { s = c + s; } s", "\"cba\""),
        ],
    );
}

#[test]
fn arrays_and_indexing() {
    check_all(
        &engine(),
        &[
            ("let a = [1, 2, 3]; a[0]", "1"),
            ("let a = [1, 2, 3]; a[-1]", "3"),
            ("let a = [1, 2, 3]; a[-3]", "1"),
            ("let a = [1, 2, 3]; a[3]", "!ErrorArrayBounds"),
            ("let a = [1, 2, 3]; a[-4]", "!ErrorArrayBounds"),
            ("let a = [1, 2, 3]; a[\"x\"]", "!ErrorMismatchDataType"),
            ("let a = [[1, 2], [3, 4]]; a[1][0]", "3"),
            (
                "let a = [[1, 2], [3, 4]]; a[1][0] = 9; a",
                "[[1, 2], [9, 4]]",
            ),
            ("let a = [1, 2]; a[0] += 10; a", "[11, 2]"),
            ("let a = [1]; a.push(2); a", "[1, 2]"),
            ("let a = [1]; push(a, 2); a", "[1, 2]"),
            ("let a = [1, 2] + [3]; a", "[1, 2, 3]"),
            ("let a = [1]; a += [2, 3]; a", "[1, 2, 3]"),
            ("2 in [1, 2, 3]", "true"),
            ("5 in [1, 2, 3]", "false"),
            ("let a = [1, 2, 3]; a.len()", "3"),
            ("let a = [1, 2, 3]; a.len", "3"),
            ("let a = [1, 2]; let b = a; b.push(3); a", "[1, 2]"),
            ("let a = []; a.is_empty()", "true"),
            // Arrays take integer indices only (strings and integers take ranges).
            ("[1, 2, 3, 4][1..3]", "!ErrorMismatchDataType"),
            ("42[0]", "false"),
            ("let x = 0; x[3] = true; x", "8"),
            ("let x = 0b1111; x[1..3]", "3"),
            ("true[0]", "!ErrorIndexingType"),
            ("let a = [1, 2, 3]; a?[1]", "2"),
            ("let a = (); a?[1]", "()"),
        ],
    );
}

#[test]
fn object_maps() {
    check_all(
        &engine(),
        &[
            ("let m = #{a: 1, b: 2}; m.a + m.b", "3"),
            ("let m = #{a: 1}; m[\"a\"]", "1"),
            ("let m = #{a: 1}; m.zzz", "()"),
            ("let m = #{a: 1}; m.b = 2; m", "#{\"a\": 1, \"b\": 2}"),
            ("let m = #{a: #{b: [1, 2]}}; m.a.b[1] = 5; m.a.b", "[1, 5]"),
            ("let m = #{a: 1}; m.a += 1; m.a", "2"),
            ("let m = #{}; m[\"k\"] = 3; m.k", "3"),
            ("\"a\" in #{a: 1}", "true"),
            ("let m = #{a: 1}; m?.a", "1"),
            ("let m = (); m?.a", "()"),
            ("let m = #{a: 1}; m.keys()", "[\"a\"]"),
            ("let m = #{a: 1, b: 2}; m.len()", "2"),
            ("let m = #{x: 1}; let n = m; n.x = 2; m.x", "1"),
            ("let m = #{\"with space\": 1}; m[\"with space\"]", "1"),
            ("let x = 5; x.foo", "!ErrorDotExpr"),
        ],
    );
}

#[test]
fn if_and_switch() {
    check_all(
        &engine(),
        &[
            ("if true { 1 } else { 2 }", "1"),
            ("if false { 1 } else if true { 2 } else { 3 }", "2"),
            ("if false { 1 }", "()"),
            ("let x = if 1 > 2 { \"a\" } else { \"b\" }; x", "\"b\""),
            ("if true 1", "!!MissingToken"),
            (
                "switch 2 { 1 => \"one\", 2 => \"two\", _ => \"many\" }",
                "\"two\"",
            ),
            ("switch 9 { 1 => \"one\", _ => \"many\" }", "\"many\""),
            ("switch 9 { 1 => \"one\" }", "()"),
            (
                "switch 3 { 1 | 2 => \"low\", 3 | 4 => \"mid\", _ => \"high\" }",
                "\"mid\"",
            ),
            (
                "switch 5 { 0..5 => \"a\", 5..=9 => \"b\", _ => \"c\" }",
                "\"b\"",
            ),
            (
                "let x = 4; switch x { 4 if x > 10 => 1, 4 => 2, _ => 3 }",
                "2",
            ),
            (
                "switch \"hi\" { \"hi\" => { let y = 1; y + 1 } _ => 0 }",
                "2",
            ),
            ("switch 'c' { 'a' => 1, 'c' => 3, _ => 0 }", "3"),
            ("switch 1.5 { 1.5 => 1, _ => 0 }", "1"),
            ("switch () { () => 1, _ => 0 }", "1"),
            ("switch [1, 2] { [1, 2] => 1, _ => 0 }", "1"),
            ("let x = 1; switch 1 { x => 1 }", "!!ExprExpected"),
            ("switch 1 { _ => 0, 1 => 1 }", "!!WrongSwitchDefaultCase"),
            ("switch 1 { 1 => 0, 1 => 1 }", "0"),
            ("switch 1 { _ if true => 0 }", "!!WrongSwitchCaseCondition"),
            ("switch 1 { 1..3 => 0, 5 => 1 }", "!!WrongSwitchIntegerCase"),
        ],
    );
}

#[test]
fn loops() {
    check_all(
        &engine(),
        &[
            ("let x = 0; while x < 5 { x += 1; } x", "5"),
            ("let x = 0; loop { x += 1; if x == 3 { break; } } x", "3"),
            ("let x = 0; do { x += 1; } while x < 3; x", "3"),
            ("let x = 0; do { x += 1; } until x >= 3; x", "3"),
            ("let s = 0; for i in 0..5 { s += i; } s", "10"),
            ("let s = 0; for i in 0..=5 { s += i; } s", "15"),
            ("let s = 0; for i in range(0, 10, 3) { s += i; } s", "18"),
            ("let s = 0; for i in range(10, 0, -3) { s += i; } s", "22"),
            (
                "let s = []; for (x, i) in [\"a\", \"b\"] { s.push(`${i}${x}`); } s",
                "[\"0a\", \"1b\"]",
            ),
            (
                "let s = 0; for x in [1, 2, 3] { if x == 2 { continue; } s += x; } s",
                "4",
            ),
            (
                "let n = 0; for i in 0..10 { if i > 3 { break; } n += 1; } n",
                "4",
            ),
            ("let r = loop { break 42; }; r", "42"),
            (
                "let r = for x in [1, 2] { if x == 2 { break x * 10; } }; r",
                "20",
            ),
            ("let r = while true { break \"w\"; }; r", "\"w\""),
            ("for x in 42 { }", "!!MismatchedType"),
            ("let n = 42; for x in n { n += 1; }", "!ErrorFor"),
            ("break;", "!!LoopBreak"),
            ("fn f() { break; }", "!!LoopBreak"),
            (
                "let v = []; for i in 0..3 { let sq = i * i; v.push(sq); } v",
                "[0, 1, 4]",
            ),
            ("let x = 0; while x < 3 { let y = x; x = y + 1; } x", "3"),
            ("range(0, 10, 0)", "!ErrorArithmetic"),
        ],
    );
}

#[test]
fn functions() {
    check_all(
        &engine(),
        &[
            ("fn add(a, b) { a + b } add(1, 2)", "3"),
            ("fn f() { 1 } fn f(x) { x } f() + f(5)", "6"),
            (
                "fn fact(n) { if n <= 1 { 1 } else { n * fact(n - 1) } } fact(10)",
                "3628800",
            ),
            ("fn f(x) { return x * 2; 99 } f(4)", "8"),
            ("fn f() { return; } f()", "()"),
            ("let x = 1; fn f() { x } f()", "!ErrorVariableNotFound"),
            ("fn f(x) { x = 5; x } let y = 1; f(y); y", "1"),
            ("fn f(a) { a.push(9); a } let v = [1]; f(v); v", "[1]"),
            ("fn inc() { this += 1; } let x = 1; x.inc(); x", "2"),
            ("fn get() { this } get()", "!ErrorUnboundThis"),
            ("fn f(x) { x } f(1, 2)", "!ErrorFunctionNotFound"),
            ("fn f(x, x) { x }", "!!FnDuplicatedParam"),
            ("fn f() {} fn f() {}", "!!FnDuplicatedDefinition"),
            ("fn f() { fn g() {} }", "!!WrongFnDefinition"),
            ("{ fn g() {} }", "!!WrongFnDefinition"),
            ("fn f(x) { x * 2 } 21.f()", "!ErrorFunctionNotFound"),
            ("fn f() { this * 2 } 21.f()", "42"),
            ("fn f(x, y) { x + y } 1.f(2)", "!ErrorFunctionNotFound"),
            ("fn f(y) { this + y } 1.f(2)", "3"),
            ("private fn p() { 1 } p()", "1"),
            ("is_def_fn(\"nope\", 0)", "false"),
            ("fn f(a, b) {} is_def_fn(\"f\", 2)", "true"),
            ("fn f() { let x = 1; let y = 2; x + y } f() + f()", "6"),
            (
                "fn f(n) { if n == 0 { 0 } else { let k = n; k + f(n - 1) } } f(10)",
                "55",
            ),
            (
                "fn MyType.hello() { 1 } 1.hello()",
                "!ErrorFunctionNotFound",
            ),
        ],
    );
}

#[test]
fn function_pointers_and_closures() {
    check_all(
        &engine(),
        &[
            ("fn f(x) { x + 1 } let p = Fn(\"f\"); p.call(1)", "2"),
            ("fn f(x) { x + 1 } let p = Fn(\"f\"); call(p, 1)", "2"),
            (
                "fn f(a, b) { a * b } let p = Fn(\"f\").curry(3); p.call(4)",
                "12",
            ),
            (
                "fn f(a, b) { a * b } let p = curry(Fn(\"f\"), 3); p.call(5)",
                "15",
            ),
            ("let p = Fn(\"x y\");", "!ErrorFunctionNotFound"),
            ("let p = Fn(\"nope\"); p.call()", "!ErrorFunctionNotFound"),
            ("let f = |x| x * 2; f.call(21)", "42"),
            ("let f = |x| x * 2; f.is_anonymous", "true"),
            ("fn g() {} Fn(\"g\").is_anonymous", "false"),
            ("let f = || 7; f.call()", "7"),
            ("let f = |a, b| { let c = a + b; c * 2 }; f.call(1, 2)", "6"),
            ("let x = 10; let f = |y| x + y; f.call(5)", "15"),
            ("let x = 10; let f = |y| x + y; x = 20; f.call(5)", "25"),
            ("let x = 1; let f = || x += 1; f.call(); f.call(); x", "3"),
            ("let x = 1; let f = || x; is_shared(x)", "true"),
            ("let x = 1; is_shared(x)", "false"),
            (
                "let x = 1; let f = || { let y = || x * 2; y.call() }; f.call()",
                "2",
            ),
            ("let x = 1; let f = |a| a + x; [1, 2].map(f)", "[2, 3]"),
            ("let m = #{v: 1, get: || this.v}; m.get()", "1"),
            ("let m = #{v: 1, inc: |n| this.v += n}; m.inc(5); m.v", "6"),
            (
                "fn make() { let c = 0; || { c += 1; c } } let k = make(); k.call(); k.call()",
                "2",
            ),
            ("let f = |x| x; f.call(1, 2)", "!ErrorFunctionNotFound"),
            ("let x = 1; let f = || this; f.call()", "!ErrorUnboundThis"),
            (
                "fn f() { this.v * 2 } let m = #{v: 21}; let p = Fn(\"f\"); m.call(p)",
                "42",
            ),
            (
                "let counter = #{n: 0}; let add = |k| counter.n += k; add.call(3); counter.n",
                "3",
            ),
            ("let a = [3, 1, 2]; a.sort(|x, y| y - x); a", "[3, 2, 1]"),
            ("[1, 2, 3].filter(|x| x != 2)", "[1, 3]"),
            ("[1, 2, 3].reduce(|s, x| s + x, 0)", "6"),
            ("[1, 2, 3].map(|x, i| x * i)", "[0, 2, 6]"),
        ],
    );
}

#[test]
fn errors_and_try_catch() {
    check_all(
        &engine(),
        &[
            ("throw 42;", "!ErrorRuntime"),
            ("throw;", "!ErrorRuntime"),
            ("try { throw 42; } catch (e) { e }", "()"),
            ("let r = (); try { throw 42; } catch (e) { r = e; } r", "42"),
            ("let r = (); try { throw \"oops\"; } catch { r = 1; } r", "1"),
            ("let r = (); try { 1 / 0 } catch (e) { r = e.error; } r", "\"ErrorArithmetic\""),
            ("let r = (); try { [1][5] } catch (e) { r = type_of(e); } r", "\"map\""),
            (
                "let r = (); try { let x = undefined_var; } catch (e) { r = e.error; } r",
                "\"ErrorVariableNotFound\"",
            ),
            (
                "fn f() { throw #{code: 7}; } let r = (); try { f() } catch (e) { r = e.code; } r",
                "7",
            ),
            (
                "let r = (); try { try { throw 1; } catch (e) { throw e + 1; } } catch (e) { r = e; } r",
                "2",
            ),
            (
                "let x = 0; try { x = 1; throw 0; } catch { x += 10; } x",
                "11",
            ),
            (
                "fn f(n) { if n == 0 { throw \"bottom\" } f(n - 1) } let r = (); try { f(5) } catch (e) { r = e; } r",
                "\"bottom\"",
            ),
            (
                "fn f() { f() } try { f() } catch { 1 }",
                "!ErrorStackOverflow",
            ),
            ("fn f() { 1 / 0 } f()", "!ErrorArithmetic"),
        ],
    );
}

#[test]
fn eval_print_debug_type_of() {
    check_all(
        &engine(),
        &[
            ("eval(\"1 + 2\")", "3"),
            ("let x = 5; eval(\"x * 2\")", "10"),
            ("eval(\"let y = 7;\"); y", "7"),
            ("let x = 1; eval(\"x = 9;\"); x", "9"),
            ("eval(\"1 +\")", "!ErrorParsing"),
            ("fn f() { eval(\"let z = 3;\"); z } f()", "3"),
            ("type_of(1)", "\"i64\""),
            ("type_of(1.0)", "\"f64\""),
            ("type_of(\"s\")", "\"string\""),
            ("type_of('c')", "\"char\""),
            ("type_of(true)", "\"bool\""),
            ("type_of(())", "\"()\""),
            ("type_of([])", "\"array\""),
            ("type_of(#{})", "\"map\""),
            ("type_of(Fn(\"f\"))", "\"Fn\""),
            ("type_of(|| 1)", "\"Fn\""),
            ("type_of(1..2)", "\"range\""),
            ("type_of(1..=2)", "\"range=\""),
            ("type_of(timestamp())", "\"timestamp\""),
            ("42.type_of()", "\"i64\""),
            ("print(\"hi\")", "()"),
            ("debug(1)", "()"),
        ],
    );
}

#[test]
fn global_constants_from_functions() {
    check_all(
        &engine(),
        &[
            ("const C = 42; fn f(x) { x * global::C } f(2)", "84"),
            (
                "let v = 1; fn f() { global::v } f()",
                "!ErrorVariableNotFound",
            ),
            ("fn f() { global::NOPE } f()", "!ErrorVariableNotFound"),
            // Only functions see them: at the top level `global::` finds nothing.
            ("const C = 1; global::C", "!ErrorVariableNotFound"),
            // Block-level constants are not global, even while their block runs.
            (
                "fn f() { global::INNER } { const INNER = 0; f() }",
                "!ErrorVariableNotFound",
            ),
            (
                "fn f() { global::C } if true { const C = 1; } const C = 2; f()",
                "2",
            ),
            ("const C = 1; const C = 2; fn f() { global::C } f()", "2"),
            // Constants declared after the call are not there yet.
            (
                "fn f() { global::LATE } let x = f(); const LATE = 1; x",
                "!ErrorVariableNotFound",
            ),
        ],
    );
    // A module imported as `global` replaces the automatic one.
    let mut module = rhai::Module::new();
    module.set_var("V", 7 as rhai::INT);
    let mut resolver = rhai::module_resolvers::StaticModuleResolver::new();
    resolver.insert("m", module);
    let mut with_module = engine();
    with_module.set_module_resolver(resolver);
    check_all(
        &with_module,
        &[
            (
                "import \"m\" as global; const C = 42; fn f() { global::C } f()",
                "!ErrorVariableNotFound",
            ),
            ("import \"m\" as global; fn f() { global::V } f()", "7"),
        ],
    );
    // The host's constants and variables are not script constants: `global::` misses them.
    let engine = engine();
    let mut scope = rhai::Scope::new();
    scope.push_constant("HOST", 5 as rhai::INT);
    scope.push("host_var", 6 as rhai::INT);
    assert!(engine
        .eval_with_scope::<rhai::INT>(&mut scope, "fn f() { global::HOST } f()")
        .is_err());
    assert!(engine
        .eval_with_scope::<rhai::INT>(&mut scope, "fn f() { global::host_var } f()")
        .is_err());
}

#[test]
fn more_literal_forms() {
    check_all(
        &engine(),
        &[
            ("123.", "123.0"),
            ("-42.", "-42.0"),
            ("let x = 3.; x * 2", "6.0"),
            ("1..3", "1..3"),
            ("(-5).abs()", "5"),
            // A BLOB interpolates as its hex display (unlike `+`, which reads it as UTF-8).
            (
                "let b = blob(); b.push(104); b.push(105); `${b}!`",
                "\"[6869]!\"",
            ),
            (
                "let b = blob(); b.push(104); b.push(105); \"\" + b + \"!\"",
                "\"hi!\"",
            ),
        ],
    );
}

/// The `Debug` form of a script's error, with closure names (`anon$…`) masked.
fn error_debug(engine: &rhai::Engine, script: &str) -> String {
    let text = format!("{:?}", engine.eval::<Dynamic>(script).unwrap_err());
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("anon$") {
        out.push_str(&rest[..at + 5]);
        rest = rest[at + 5..].trim_start_matches(|c: char| c.is_ascii_alphanumeric());
        out.push('…');
    }
    out + rest
}

#[test]
fn errors_inside_closures_and_callbacks_are_wrapped() {
    let engine = engine();
    let cases = [
        (
            "let f = |x| x / 0; f.call(1)",
            r#"ErrorInFunctionCall("anon$…", "", ErrorArithmetic("Division by zero: 1 / 0", 1:15), 1:22)"#,
        ),
        (
            "[1].map(|x| x / 0)",
            r#"ErrorInFunctionCall("map", "", ErrorInFunctionCall("anon$…", "", ErrorArithmetic("Division by zero: 1 / 0", 1:15), 1:5), 1:5)"#,
        ),
        (
            "[1].find(|x| x / 0)",
            r#"ErrorInFunctionCall("index_of", "", ErrorInFunctionCall("anon$…", "", ErrorArithmetic("Division by zero: 1 / 0", 1:16), 1:5), 1:5)"#,
        ),
        (
            "[5].map(\"nonexist\")",
            r#"ErrorInFunctionCall("map", "", ErrorFunctionNotFound("nonexist (i64, i64)", 1:5), 1:5)"#,
        ),
        (
            "range(0, 10, 0)",
            r#"ErrorInFunctionCall("range", "", ErrorArithmetic("step value cannot be zero", none), 1:1)"#,
        ),
        (
            "let s = \"1/0\"; eval(s)",
            r#"ErrorInFunctionCall("eval", "", ErrorArithmetic("Division by zero: 1 / 0", 1:2), 1:21)"#,
        ),
    ];
    for (script, expected) in cases {
        assert_eq!(error_debug(&engine, script), expected, "{script}");
    }
}

#[test]
fn errors_in_a_named_source_show_it() {
    let engine = engine();
    let mut ast = engine.compile("[1].map(|x| x / 0)").unwrap();
    ast.set_source("src1");
    let err = engine.eval_ast::<Dynamic>(&ast).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Division by zero: 1 / 0 @ 'src1' (line 1, position 15)\n\
         in closure call (from 'src1') @ 'src1' (line 1, position 5)\n\
         in call to function 'map' (from 'src1') (line 1, position 5)"
    );
}
