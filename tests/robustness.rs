//! Robustness: malformed and hostile inputs through `compile` and `eval` must give `Ok` or
//! `Err`, never a panic or a native stack overflow — and the engine stays usable after.

use rhai::{Dynamic, Engine};

/// A small deterministic pseudo-random generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Sample scripts covering most of the syntax.
const SAMPLES: &[&str] = &[
    r#"fn fib(n) { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } } let x = fib(10); print(x);"#,
    r#"let a = [1, 2, #{x: 3, y: [4, 5]}]; a[2].y[1] += 10; a[-1].x = "s" + 1;"#,
    r#"let s = `a${1 + 2}b${ `c${"d"}` }`; switch s.len { 1..3 => 1, 4 | 5 if true => 2, _ => 3 }"#,
    r#"let f = |x, y| { let z = x * y; z ?? 0 }; let g = f.curry(2); g.call(3) ** 2 ** 2"#,
    r#"let m = #{ "k": 1, k2: || this.k }; m.k2(); for (v, i) in [1, 2] { continue; } loop { break 1; }"#,
    r#"try { throw #{ a: 1 } } catch (e) { e.a } do { let q = 1; } until true; while false {}"#,
    r#"const C = 0x1F_u; let b = 0b1010; let o = 0o17; let f = 1.5e-3; let c = '\u0041'; b[1..3]"#,
    r#"import "x" as y; export let z = 1; private fn p() { return; } eval("1 + 1"); Fn("p")"#,
];

fn check(engine: &Engine, script: &str) {
    let _ = engine.compile(script);
    let _ = engine.eval::<Dynamic>(script);
}

fn limited_engine() -> Engine {
    let mut engine = Engine::new();
    engine.on_print(|_| {}).on_debug(|_, _, _| {});
    engine.set_max_operations(20_000);
    engine
}

#[test]
fn every_prefix_of_every_sample_is_ok_or_err() {
    let engine = limited_engine();
    for sample in SAMPLES {
        for (i, _) in sample.char_indices() {
            check(&engine, &sample[..i]);
        }
    }
    assert_eq!(engine.eval::<i64>("40 + 2").unwrap(), 42);
}

#[test]
fn random_byte_flips_and_deletions_are_ok_or_err() {
    let engine = limited_engine();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let alphabet: Vec<char> = "(){}[]<>=!+-*/%&|^.,;:?#$`'\"\\_ az09\n\t"
        .chars()
        .collect();
    for _ in 0..3000 {
        let mut chars: Vec<char> = SAMPLES[rng.below(SAMPLES.len())].chars().collect();
        for _ in 0..1 + rng.below(4) {
            if chars.is_empty() {
                break;
            }
            let at = rng.below(chars.len());
            match rng.below(3) {
                0 => {
                    chars.remove(at);
                }
                1 => chars[at] = alphabet[rng.below(alphabet.len())],
                _ => chars.insert(at, alphabet[rng.below(alphabet.len())]),
            }
        }
        let script: String = chars.into_iter().collect();
        check(&engine, &script);
    }
    assert_eq!(engine.eval::<i64>("40 + 2").unwrap(), 42);
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let engine = limited_engine();
    for open in ["(", "[", "{", "-", "!", "#{a:", "if true {", "|| "] {
        let script = open.repeat(100_000);
        assert!(engine.compile(&script).is_err(), "{open}");
    }
    let script = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
    assert!(engine.compile(&script).is_err());
    let chain = format!("let a = 1; a{}", ".b".repeat(100_000));
    assert!(engine.compile(&chain).is_err());
}

#[test]
fn deeply_nested_values_are_built_printed_compared_and_dropped() {
    let engine = Engine::new();
    let nest = "let a = []; for i in 0..50000 { a = [a]; } \
                let m = #{}; for i in 0..50000 { m = #{x: m}; } \
                let f = || 1; for i in 0..50000 { let g = f; f = || g; }";
    let cases = [
        ("a.to_string().len() > 0", "true"),
        ("to_debug(a).contains(\"[...]\")", "true"),
        ("`${m}`.contains(\"#{...}\")", "true"),
        ("to_debug(f).len() > 0", "true"),
        ("a == a", "true"),
        ("let b = a; b == a", "true"),
        ("m == m", "true"),
        ("[a] == [[a]]", "false"),
        ("m.to_json().contains(\"null\")", "true"),
        ("a in [a]", "true"),
        ("()", "()"),
    ];
    for (tail, expected) in cases {
        let script = format!("{nest} {tail}");
        let value = engine.eval::<Dynamic>(&script).unwrap();
        assert_eq!(format!("{value:?}"), expected, "{tail}");
    }
    // The nested values themselves travel to the host and are dropped there.
    let deep = engine
        .eval::<Dynamic>("let a = []; for i in 0..50000 { a = [a]; } a")
        .unwrap();
    assert!(deep.is_array());
    drop(deep);
}

#[test]
fn huge_literals_are_errors_or_values() {
    let engine = limited_engine();
    check(&engine, &"9".repeat(10_000));
    check(&engine, &format!("0x{}", "F".repeat(1000)));
    check(&engine, &format!("1.{}e99999", "9".repeat(1000)));
    check(&engine, &format!("\"{}\"", "x".repeat(1_000_000)));
    check(&engine, "9223372036854775807 + 1");
    check(&engine, "-9223372036854775807 - 2");
    check(&engine, "let x = 1; x << 64");
    check(&engine, "2 ** 64");
    check(&engine, "[1][9223372036854775807]");
    check(&engine, "\"abc\"[-9223372036854775807]");
    check(&engine, "let x = 5; x[64] = true");
}

#[test]
fn runaway_recursion_is_a_stack_overflow_error() {
    let mut engine = limited_engine();
    engine.set_max_operations(0);
    let err = engine
        .eval::<Dynamic>("fn f(x) { f(x + 1) } f(0)")
        .unwrap_err();
    assert!(
        matches!(*err, rhai::EvalAltResult::ErrorStackOverflow(..)),
        "{err:?}"
    );
    engine.set_max_call_levels(100_000);
    let err = engine
        .eval::<Dynamic>("fn f(x) { f(x + 1) } f(0)")
        .unwrap_err();
    assert!(matches!(*err, rhai::EvalAltResult::ErrorStackOverflow(..)));
}

#[test]
fn recursion_through_native_callbacks_is_bounded() {
    let mut engine = limited_engine();
    engine.set_max_operations(0).set_max_call_levels(100_000);
    let err = engine
        .eval::<Dynamic>("fn f(x) { [x].map(|y| f(y + 1)) } f(0)")
        .unwrap_err();
    assert!(
        matches!(
            err.unwrap_inner(),
            rhai::EvalAltResult::ErrorStackOverflow(..)
        ),
        "{err:?}"
    );
}

#[test]
fn runaway_eval_recursion_is_a_stack_overflow_error() {
    let mut engine = limited_engine();
    engine.set_max_operations(0);
    for script in [
        r#"let s = "eval(s)"; eval(s)"#,
        r#"let s = "let q = [1]; q[0] + eval(s)"; eval(s)"#,
        r#"fn f(s) { eval(s) } let s = "f(s)"; f(s)"#,
    ] {
        let err = engine.eval::<Dynamic>(script).unwrap_err();
        assert!(
            matches!(
                err.unwrap_inner(),
                rhai::EvalAltResult::ErrorStackOverflow(..)
            ),
            "{script}: {err:?}"
        );
    }
    assert_eq!(
        engine.eval::<i64>(r#"eval("eval(\"40\") + 2")"#).unwrap(),
        42
    );
}

/// Every `.rhai` file of the script corpus, read from `tests/scripts`.
fn corpus() -> Vec<String> {
    let mut dirs = vec![std::path::PathBuf::from("tests/scripts")];
    let mut files = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "rhai") {
                files.push(std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn mutated_corpus_scripts_are_ok_or_err() {
    let mut engine = limited_engine();
    engine
        .set_max_string_size(10_000)
        .set_max_array_size(10_000)
        .set_max_map_size(10_000);
    let files = corpus();
    assert!(files.len() > 100);
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let alphabet: Vec<char> = "(){}[]<>=!+-*/%&|^.,;:?#$`'\"\\_ az09\n".chars().collect();
    for _ in 0..5000 {
        let mut chars: Vec<char> = files[rng.below(files.len())].chars().collect();
        for _ in 0..1 + rng.below(4) {
            if chars.is_empty() {
                break;
            }
            let at = rng.below(chars.len());
            match rng.below(4) {
                0 => {
                    chars.remove(at);
                }
                1 => chars[at] = alphabet[rng.below(alphabet.len())],
                2 => {
                    let end = (at + 1 + rng.below(20)).min(chars.len());
                    let copied: Vec<char> = chars[at..end].to_vec();
                    let to = rng.below(chars.len());
                    chars.splice(to..to, copied);
                }
                _ => chars.insert(at, alphabet[rng.below(alphabet.len())]),
            }
        }
        let script: String = chars.into_iter().collect();
        check(&engine, &script);
    }
    assert_eq!(engine.eval::<i64>("40 + 2").unwrap(), 42);
}

#[test]
fn inconsistent_comparers_sort_without_panicking() {
    let mut engine = limited_engine();
    engine.set_max_operations(0);
    for comparer in [
        "|x, y| -1",
        "|x, y| if (x + y) % 3 == 0 { -1 } else { 1 }",
        "|x, y| x % 7 < y % 3",
        "|x, y| throw 1",
    ] {
        let script = format!(
            "let a = []; for i in 0..2000 {{ a.push((i * 7919) % 1009); }} a.sort({comparer}); a.len()"
        );
        assert_eq!(
            engine.eval::<rhai::INT>(&script).unwrap(),
            2000,
            "{comparer}"
        );
    }
    let nans = "let a = []; for i in 0..500 { a.push(if i % 3 == 0 { 0.0 / 0.0 } else { i * 1.0 }); } a.sort(); a.sort_desc(); a.len()";
    assert_eq!(engine.eval::<rhai::INT>(nans).unwrap(), 500);
}
