//! Smoke tests: the engine evaluates basic scripts end to end.
use rhai::{Dynamic, Engine, INT};

#[test]
fn smoke() {
    let engine = Engine::new_raw();
    let cases: &[(&str, &str)] = &[
        ("1 + 2", "3"),
        ("let x = 40; x + 2", "42"),
        ("let s = \"a\"; s + 1", "\"a1\""),
        ("fn f(x) { x * 2 } f(21)", "42"),
        (
            "fn fib(n) { if n < 2 { n } else { fib(n-1) + fib(n-2) } } fib(10)",
            "55",
        ),
        ("let a = [1, 2, 3]; a[1] = 5; a", "[1, 5, 3]"),
        ("let m = #{a: 1}; m.b = 2; m", "#{\"a\": 1, \"b\": 2}"),
        ("let x = 0; while x < 10 { x += 1; } x", "10"),
        ("let t = 0; for i in 0..5 { t += i } t", "10"),
        ("let x = 10; let f = |y| x + y; f.call(5)", "15"),
        ("let x = 1; let f = || x += 1; f.call(); f.call(); x", "3"),
        ("`a${1 + 2}b${\"c\"}`", "\"a3bc\""),
        ("switch 3 { 1 => 10, 2 | 3 => 20, _ => 30 }", "20"),
        (
            "let r = 0; try { throw 42; } catch (e) { r = e + 1; } r",
            "43",
        ),
        ("let a = [1, [2, 3]]; a[1][0] = 9; a", "[1, [9, 3]]"),
        ("fn inc() { this += 1 } let x = 5; x.inc(); x", "6"),
        ("let x = 5; { let x = 6; } x", "5"),
        ("let r = loop { break 7; }; r", "7"),
        ("if true { 1 } else { 2 }", "1"),
        ("let x = 3; x ** 2", "9"),
        (
            "let f = Fn(\"abs2\"); fn abs2(x) { if x < 0 { -x } else { x } } f.call(-4)",
            "4",
        ),
        ("let n = 0b1010; n[1]", "true"),
        ("eval(\"let q = 5;\"); q", "5"),
    ];
    let mut failures = Vec::new();
    for (script, expected) in cases {
        match engine.eval::<Dynamic>(script) {
            Ok(v) if format!("{v:?}") == *expected => (),
            Ok(v) => failures.push(format!("{script}: got {v:?}, expected {expected}")),
            Err(e) => failures.push(format!("{script}: error {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let _: INT = engine.eval("1").unwrap();
}
