//! The BLOB functions (book: "BLOB's"; CHECKLIST 3.4 and 4.8). Scalar results use the
//! notation of `common::check_all`; BLOB results are compared as bytes, so these tests do not
//! depend on how a BLOB prints.

mod common;
use common::{check_all, engine};
use rhai::{Array, Blob, Dynamic, Engine};

/// The bytes of a script's result: one BLOB, or an array of BLOBs.
fn bytes_of(engine: &Engine, script: &str) -> Result<Vec<Blob>, String> {
    let value = engine
        .eval::<Dynamic>(script)
        .map_err(|e| format!("error {e}"))?;
    let parts = if value.is_array() {
        value.cast::<Array>()
    } else {
        vec![value]
    };
    parts
        .into_iter()
        .map(|v| v.try_cast::<Blob>().ok_or_else(|| "not a blob".to_string()))
        .collect()
}

/// Evaluate each `(script, expected)` pair, where the script gives one BLOB or an array of
/// BLOBs. All mismatches are reported together.
fn check_bytes(engine: &Engine, cases: &[(&str, &[&[u8]])]) {
    let mut failures = Vec::new();
    for (script, expected) in cases {
        let actual = bytes_of(engine, script);
        let want: Vec<Blob> = expected.iter().map(|b| b.to_vec()).collect();
        if actual.as_ref() != Ok(&want) {
            failures.push(format!(
                "  {script}\n    expected {want:?}\n    actual   {actual:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

/// An engine refusing arrays and BLOBs longer than 4.
fn small_engine() -> Engine {
    let mut engine = engine();
    engine.set_max_array_size(4);
    engine
}

#[test]
fn constructors() {
    check_bytes(
        &engine(),
        &[
            ("blob()", &[&[]]),
            ("blob(3)", &[&[0, 0, 0]]),
            ("blob(0)", &[&[]]),
            ("blob(-5)", &[&[]]),
            ("blob(3, 42)", &[&[42, 42, 42]]),
            ("blob(2, 0x1ff)", &[&[0xff, 0xff]]),
            ("blob(2, -1)", &[&[0xff, 0xff]]),
            ("blob(2, 256 + 7)", &[&[7, 7]]),
            ("blob(-1, 9)", &[&[]]),
        ],
    );
    check_all(
        &engine(),
        &[
            ("type_of(blob())", "\"blob\""),
            ("blob(-9223372036854775807 - 1).len", "0"),
            // Without a size limit, a fill is capped at 16 MiB.
            ("blob(9223372036854775807).len", "16777216"),
            ("blob(9223372036854775807, 1).len", "16777216"),
        ],
    );
    check_all(
        &small_engine(),
        &[
            ("blob(4).len", "4"),
            ("blob(5)", "!ErrorDataTooLarge"),
            ("blob(5, 1)", "!ErrorDataTooLarge"),
            ("blob(9223372036854775807)", "!ErrorDataTooLarge"),
        ],
    );
}

#[test]
fn to_array_and_as_string() {
    check_all(
        &engine(),
        &[
            ("blob().to_array()", "[]"),
            ("blob(2, 0x141).to_array()", "[65, 65]"),
            (
                "let b = blob(); b += \"hé\"; b.to_array()",
                "[104, 195, 169]",
            ),
            ("blob().as_string()", "\"\""),
            ("let b = blob(); b += \"hé!\"; b.as_string()", "\"hé!\""),
            // Invalid UTF-8 reads as the replacement character.
            (
                "let b = blob(1, 0xff); b += \"a\"; b.as_string()",
                "\"\u{fffd}a\"",
            ),
            (
                "let b = blob(); b += \"é\"; b.pop(); b.as_string()",
                "\"\u{fffd}\"",
            ),
        ],
    );
}

#[test]
fn get_set_and_indexing() {
    let b = "let b = blob(); b += 10; b += 20; b += 30;";
    let cases: Vec<(String, &str)> = vec![
        (format!("{b} b.get(0)"), "10"),
        (format!("{b} b.get(2)"), "30"),
        (format!("{b} b.get(-1)"), "30"),
        (format!("{b} b.get(-3)"), "10"),
        (format!("{b} b.get(3)"), "0"),
        // Before the start counts as the first byte (as with arrays).
        (format!("{b} b.get(-4)"), "10"),
        (format!("{b} b.get(-9223372036854775807 - 1)"), "10"),
        (format!("{b} b.get(9223372036854775807)"), "0"),
        ("blob().get(0)".into(), "0"),
        (format!("{b} b.set(1, 99); b.to_array()"), "[10, 99, 30]"),
        (
            format!("{b} b.set(-1, 0x1ff); b.to_array()"),
            "[10, 20, 255]",
        ),
        (format!("{b} b.set(-3, -2); b.to_array()"), "[254, 20, 30]"),
        (format!("{b} b.set(3, 1); b.to_array()"), "[10, 20, 30]"),
        (format!("{b} b.set(-4, 1); b.to_array()"), "[1, 20, 30]"),
        ("let b = blob(); b.set(0, 1); b.len".into(), "0"),
        (format!("{b} b[1]"), "20"),
        (format!("{b} b[-1]"), "30"),
        (format!("{b} b[-3]"), "10"),
        (format!("{b} b[3]"), "!ErrorArrayBounds"),
        (format!("{b} b[-4]"), "!ErrorArrayBounds"),
        ("blob()[0]".into(), "!ErrorArrayBounds"),
        (format!("{b} b[0] = 256 + 7; b[0]"), "7"),
        (format!("{b} b[-1] = -1; b[2]"), "255"),
        (format!("{b} b[3] = 1"), "!ErrorArrayBounds"),
        (format!("{b} let n = 0; for x in b {{ n += x; }} n"), "60"),
    ];
    let cases: Vec<(&str, &str)> = cases.iter().map(|(s, e)| (s.as_str(), *e)).collect();
    check_all(&engine(), &cases);
}

#[test]
fn push_append_and_add_assign() {
    check_bytes(
        &engine(),
        &[
            ("let b = blob(); b.push(1); b.push(0x102); b", &[&[1, 2]]),
            ("let b = blob(); b.append(-1); b", &[&[255]]),
            ("let b = blob(); b += 300; b", &[&[44]]),
            ("let b = blob(1); b.append(blob(2, 9)); b", &[&[0, 9, 9]]),
            ("let b = blob(1); b += blob(2, 9); b", &[&[0, 9, 9]]),
            ("let b = blob(1); b += blob(); b", &[&[0]]),
            ("let b = blob(); b.append(\"Aé\"); b", &[&[65, 0xc3, 0xa9]]),
            ("let b = blob(); b += \"Aé\"; b", &[&[65, 0xc3, 0xa9]]),
            ("let b = blob(); b += \"\"; b", &[&[]]),
            ("let b = blob(); b.append('€'); b", &[&[0xe2, 0x82, 0xac]]),
            ("let b = blob(); b += 'z'; b", &[&[0x7a]]),
        ],
    );
    check_all(
        &engine(),
        &[
            ("let b = blob(); b += \"x\"; type_of(b)", "\"blob\""),
            (
                "const B = blob(); B.push(1)",
                "!ErrorNonPureMethodCallOnConstant",
            ),
        ],
    );
    check_all(
        &small_engine(),
        &[
            ("let b = blob(4); b.push(1)", "!ErrorDataTooLarge"),
            ("let b = blob(4); b += 1", "!ErrorDataTooLarge"),
            ("let b = blob(3); b.append(blob(2))", "!ErrorDataTooLarge"),
            ("let b = blob(3); b += \"ab\"", "!ErrorDataTooLarge"),
            ("let b = blob(3); b += 'é'", "!ErrorDataTooLarge"),
            ("let b = blob(3); b += 'a'; b.len", "4"),
        ],
    );
}

#[test]
fn concatenation() {
    check_bytes(
        &engine(),
        &[
            ("blob(1, 1) + blob(2, 2)", &[&[1, 2, 2]]),
            ("blob() + blob()", &[&[]]),
            // The operands are unchanged.
            (
                "let a = blob(1, 1); let b = blob(1, 2); let c = a + b; [a, b, c]",
                &[&[1], &[2], &[1, 2]],
            ),
        ],
    );
    check_all(
        &engine(),
        &[
            ("let b = blob(); b += \"hé\"; b + \"!\"", "\"hé!\""),
            ("let b = blob(); b += \"hé\"; \"<\" + b", "\"<hé\""),
            ("blob() + \"\"", "\"\""),
            ("let s = \"a\"; s += blob(2, 0x62); s", "\"abb\""),
            ("type_of(blob() + \"\")", "\"string\""),
            ("let b = blob(1, 0xff); \"x\" + b", "\"x\u{fffd}\""),
        ],
    );
    check_all(
        &small_engine(),
        &[("blob(3) + blob(2)", "!ErrorDataTooLarge")],
    );
}

#[test]
fn equality() {
    check_all(
        &engine(),
        &[
            ("blob() == blob()", "true"),
            ("blob(2, 1) == blob(2, 1)", "true"),
            ("blob(2, 1) == blob(2, 0x101)", "true"),
            ("blob(2, 1) == blob(3, 1)", "false"),
            ("blob(2, 1) == blob(2, 2)", "false"),
            ("blob(2, 1) != blob(2, 2)", "true"),
            ("blob(2, 1) != blob(2, 1)", "false"),
            ("blob(1, 1) == [1]", "false"),
            ("blob(1, 1) != [1]", "true"),
        ],
    );
}

#[test]
fn insert_pop_shift_remove() {
    let abc = "let b = blob(); b += \"abc\";";
    let cases: Vec<(String, &[&[u8]])> = vec![
        (
            format!("{abc} b.insert(0, 0x1ff); b"),
            &[&[255, 97, 98, 99]],
        ),
        (format!("{abc} b.insert(1, 0); b"), &[&[97, 0, 98, 99]]),
        (format!("{abc} b.insert(-1, 0); b"), &[&[97, 98, 0, 99]]),
        (format!("{abc} b.insert(-3, 0); b"), &[&[0, 97, 98, 99]]),
        (format!("{abc} b.insert(-100, 0); b"), &[&[0, 97, 98, 99]]),
        (format!("{abc} b.insert(3, 0); b"), &[&[97, 98, 99, 0]]),
        (format!("{abc} b.insert(100, 0); b"), &[&[97, 98, 99, 0]]),
        (
            format!("{abc} b.insert(-9223372036854775807 - 1, 0); b"),
            &[&[0, 97, 98, 99]],
        ),
        ("let b = blob(); b.insert(5, 1); b".into(), &[&[1]]),
        (format!("{abc} b.pop(); b"), &[&[97, 98]]),
        (format!("{abc} b.shift(); b"), &[&[98, 99]]),
        (format!("{abc} b.remove(1); b"), &[&[97, 99]]),
        (format!("{abc} b.remove(-1); b"), &[&[97, 98]]),
        (format!("{abc} b.remove(3); b"), &[&[97, 98, 99]]),
        (format!("{abc} b.remove(-4); b"), &[&[97, 98, 99]]),
    ];
    let cases: Vec<(&str, &[&[u8]])> = cases.iter().map(|(s, e)| (s.as_str(), *e)).collect();
    check_bytes(&engine(), &cases);
    let cases: Vec<(String, &str)> = vec![
        (format!("{abc} b.pop()"), "99"),
        ("blob().pop()".into(), "0"),
        (format!("{abc} b.shift()"), "97"),
        ("blob().shift()".into(), "0"),
        (format!("{abc} b.remove(1)"), "98"),
        (format!("{abc} b.remove(-3)"), "97"),
        (format!("{abc} b.remove(3)"), "0"),
        (format!("{abc} b.remove(-4)"), "0"),
        (format!("{abc} b.remove(9223372036854775807)"), "0"),
        ("blob().remove(0)".into(), "0"),
    ];
    let cases: Vec<(&str, &str)> = cases.iter().map(|(s, e)| (s.as_str(), *e)).collect();
    check_all(&engine(), &cases);
    check_all(
        &small_engine(),
        &[("let b = blob(4); b.insert(0, 1)", "!ErrorDataTooLarge")],
    );
}

/// `let b` holding the bytes 0, 1, 2, 3, 4.
const FIVE: &str = "let b = blob(); for i in 0..5 { b.push(i); }";

/// Check `(script, expected)` pairs run after [`FIVE`].
fn check_five(cases: &[(&str, &[&[u8]])]) {
    let scripts: Vec<String> = cases.iter().map(|(s, _)| format!("{FIVE} {s}")).collect();
    let cases: Vec<(&str, &[&[u8]])> = scripts
        .iter()
        .zip(cases)
        .map(|(s, (_, e))| (s.as_str(), *e))
        .collect();
    check_bytes(&engine(), &cases);
}

#[test]
fn extract() {
    check_five(&[
        ("b.extract(2)", &[&[2, 3, 4]]),
        ("b.extract(0)", &[&[0, 1, 2, 3, 4]]),
        ("b.extract(-2)", &[&[3, 4]]),
        ("b.extract(-10)", &[&[0, 1, 2, 3, 4]]),
        ("b.extract(5)", &[&[]]),
        ("b.extract(100)", &[&[]]),
        ("b.extract(1, 2)", &[&[1, 2]]),
        ("b.extract(-2, 1)", &[&[3]]),
        ("b.extract(-10, 2)", &[&[0, 1]]),
        ("b.extract(3, 100)", &[&[3, 4]]),
        ("b.extract(5, 1)", &[&[]]),
        ("b.extract(1, 0)", &[&[]]),
        ("b.extract(1, -3)", &[&[]]),
        ("b.extract(1..3)", &[&[1, 2]]),
        ("b.extract(1..=3)", &[&[1, 2, 3]]),
        ("b.extract(3..1)", &[&[]]),
        ("b.extract(3..=1)", &[&[3]]),
        ("b.extract(2..2)", &[&[]]),
        ("b.extract(2..=2)", &[&[2]]),
        ("b.extract(-3..2)", &[&[0, 1]]),
        ("b.extract(3..100)", &[&[3, 4]]),
        ("b.extract(3..=100)", &[&[3, 4]]),
        ("b.extract(7..9)", &[&[]]),
        // The BLOB itself is unchanged.
        ("let x = b.extract(1, 2); b", &[&[0, 1, 2, 3, 4]]),
        ("const C = blob(3, 1); C.extract(1..3)", &[&[1, 1]]),
    ]);
}

#[test]
fn reverse_len_is_empty_clear() {
    check_five(&[
        ("b.reverse(); b", &[&[4, 3, 2, 1, 0]]),
        ("b.clear(); b", &[&[]]),
    ]);
    check_all(
        &engine(),
        &[
            ("let b = blob(); b.reverse(); b.len", "0"),
            ("blob(3).len", "3"),
            ("blob(3).len()", "3"),
            ("len(blob(2))", "2"),
            ("blob().len", "0"),
            ("blob().is_empty", "true"),
            ("blob().is_empty()", "true"),
            ("blob(1).is_empty", "false"),
            ("blob(1).is_empty()", "false"),
            ("let b = blob(2); b.clear(); b.is_empty", "true"),
        ],
    );
}

#[test]
fn pad_truncate_chop() {
    check_five(&[
        ("b.pad(7, 9); b", &[&[0, 1, 2, 3, 4, 9, 9]]),
        ("b.pad(6, 0x1ff); b", &[&[0, 1, 2, 3, 4, 255]]),
        ("b.pad(5, 9); b", &[&[0, 1, 2, 3, 4]]),
        ("b.pad(2, 9); b", &[&[0, 1, 2, 3, 4]]),
        ("b.pad(-1, 9); b", &[&[0, 1, 2, 3, 4]]),
        ("b.truncate(2); b", &[&[0, 1]]),
        ("b.truncate(5); b", &[&[0, 1, 2, 3, 4]]),
        ("b.truncate(100); b", &[&[0, 1, 2, 3, 4]]),
        ("b.truncate(0); b", &[&[]]),
        ("b.truncate(-1); b", &[&[]]),
        ("b.chop(2); b", &[&[3, 4]]),
        ("b.chop(5); b", &[&[0, 1, 2, 3, 4]]),
        ("b.chop(100); b", &[&[0, 1, 2, 3, 4]]),
        ("b.chop(0); b", &[&[]]),
        ("b.chop(-1); b", &[&[]]),
    ]);
    check_bytes(&engine(), &[("let b = blob(); b.pad(2, 1); b", &[&[1, 1]])]);
    check_all(
        &engine(),
        &[(
            "let b = blob(); b.pad(9223372036854775807, 1); b.len",
            "16777216",
        )],
    );
    check_all(
        &small_engine(),
        &[
            ("let b = blob(); b.pad(4, 1); b.len", "4"),
            ("let b = blob(); b.pad(5, 1)", "!ErrorDataTooLarge"),
            (
                "let b = blob(); b.pad(9223372036854775807, 1)",
                "!ErrorDataTooLarge",
            ),
        ],
    );
}

#[test]
fn contains_and_in() {
    let cases: Vec<(String, &str)> = vec![
        (format!("{FIVE} b.contains(3)"), "true"),
        (format!("{FIVE} b.contains(5)"), "false"),
        (format!("{FIVE} 4 in b"), "true"),
        (format!("{FIVE} 9 in b"), "false"),
        (format!("{FIVE} 9 !in b"), "true"),
        // Only the low 8 bits of the value are compared.
        (format!("{FIVE} b.contains(0x103)"), "true"),
        (format!("{FIVE} -256 in b"), "true"),
        ("blob().contains(0)".into(), "false"),
        ("0 in blob()".into(), "false"),
    ];
    let cases: Vec<(&str, &str)> = cases.iter().map(|(s, e)| (s.as_str(), *e)).collect();
    check_all(&engine(), &cases);
}

#[test]
fn split() {
    // The BLOB keeps the head; the tail is returned (like the array `split`).
    check_five(&[
        ("let t = b.split(2); [b, t]", &[&[0, 1], &[2, 3, 4]]),
        ("let t = b.split(-1); [b, t]", &[&[0, 1, 2, 3], &[4]]),
        ("let t = b.split(0); [b, t]", &[&[], &[0, 1, 2, 3, 4]]),
        ("let t = b.split(-10); [b, t]", &[&[], &[0, 1, 2, 3, 4]]),
        ("let t = b.split(5); [b, t]", &[&[0, 1, 2, 3, 4], &[]]),
        ("let t = b.split(100); [b, t]", &[&[0, 1, 2, 3, 4], &[]]),
    ]);
    check_bytes(
        &engine(),
        &[("let b = blob(); [b.split(1), b]", &[&[], &[]])],
    );
}

#[test]
fn drain() {
    check_five(&[
        ("let d = b.drain(1, 2); [b, d]", &[&[0, 3, 4], &[1, 2]]),
        ("let d = b.drain(-2, 1); [b, d]", &[&[0, 1, 2, 4], &[3]]),
        ("let d = b.drain(-10, 2); [b, d]", &[&[2, 3, 4], &[0, 1]]),
        ("let d = b.drain(3, 100); [b, d]", &[&[0, 1, 2], &[3, 4]]),
        ("let d = b.drain(5, 1); [b, d]", &[&[0, 1, 2, 3, 4], &[]]),
        ("let d = b.drain(1, 0); [b, d]", &[&[0, 1, 2, 3, 4], &[]]),
        ("let d = b.drain(1, -1); [b, d]", &[&[0, 1, 2, 3, 4], &[]]),
        ("let d = b.drain(1..3); [b, d]", &[&[0, 3, 4], &[1, 2]]),
        ("let d = b.drain(1..=3); [b, d]", &[&[0, 4], &[1, 2, 3]]),
        ("let d = b.drain(3..1); [b, d]", &[&[0, 1, 2, 3, 4], &[]]),
        ("let d = b.drain(-5..2); [b, d]", &[&[2, 3, 4], &[0, 1]]),
        ("let d = b.drain(3..=100); [b, d]", &[&[0, 1, 2], &[3, 4]]),
        ("let d = b.drain(5..9); [b, d]", &[&[0, 1, 2, 3, 4], &[]]),
    ]);
}

#[test]
fn retain() {
    check_five(&[
        ("let d = b.retain(1, 2); [b, d]", &[&[1, 2], &[0, 3, 4]]),
        ("let d = b.retain(-2, 1); [b, d]", &[&[3], &[0, 1, 2, 4]]),
        ("let d = b.retain(-10, 2); [b, d]", &[&[0, 1], &[2, 3, 4]]),
        ("let d = b.retain(3, 100); [b, d]", &[&[3, 4], &[0, 1, 2]]),
        ("let d = b.retain(5, 1); [b, d]", &[&[], &[0, 1, 2, 3, 4]]),
        ("let d = b.retain(1, 0); [b, d]", &[&[0, 1, 2, 3, 4], &[]]),
        ("let d = b.retain(1, -1); [b, d]", &[&[0, 1, 2, 3, 4], &[]]),
        ("let d = b.retain(1..3); [b, d]", &[&[1, 2], &[0, 3, 4]]),
        ("let d = b.retain(1..=3); [b, d]", &[&[1, 2, 3], &[0, 4]]),
        ("let d = b.retain(3..1); [b, d]", &[&[0, 1, 2, 3, 4], &[]]),
        ("let d = b.retain(-5..2); [b, d]", &[&[0, 1], &[2, 3, 4]]),
        (
            "let d = b.retain(0..=100); [b, d]",
            &[&[0, 1, 2, 3, 4], &[]],
        ),
    ]);
}

#[test]
fn splice() {
    check_five(&[
        ("b.splice(1, 2, blob(3, 9)); b", &[&[0, 9, 9, 9, 3, 4]]),
        ("b.splice(1, 3, blob(1, 9)); b", &[&[0, 9, 4]]),
        ("b.splice(1, 2, blob()); b", &[&[0, 3, 4]]),
        ("b.splice(-1, 1, blob(1, 9)); b", &[&[0, 1, 2, 3, 9]]),
        ("b.splice(-10, 1, blob(1, 9)); b", &[&[9, 1, 2, 3, 4]]),
        // An empty span appends (arrays insert at its start instead).
        ("b.splice(1, 0, blob(1, 9)); b", &[&[0, 1, 2, 3, 4, 9]]),
        ("b.splice(1, -5, blob(1, 9)); b", &[&[0, 1, 2, 3, 4, 9]]),
        ("b.splice(3, 100, blob(1, 9)); b", &[&[0, 1, 2, 9]]),
        ("b.splice(5, 1, blob(1, 9)); b", &[&[0, 1, 2, 3, 4, 9]]),
        ("b.splice(100, 1, blob(1, 9)); b", &[&[0, 1, 2, 3, 4, 9]]),
        ("b.splice(1..3, blob(1, 9)); b", &[&[0, 9, 3, 4]]),
        ("b.splice(1..=3, blob(1, 9)); b", &[&[0, 9, 4]]),
        ("b.splice(3..1, blob(1, 9)); b", &[&[0, 1, 2, 3, 4, 9]]),
        ("b.splice(-2..1, blob(1, 9)); b", &[&[9, 1, 2, 3, 4]]),
        ("b.splice(4..100, blob(1, 9)); b", &[&[0, 1, 2, 3, 9]]),
        ("b.splice(7..9, blob(1, 9)); b", &[&[0, 1, 2, 3, 4, 9]]),
    ]);
}

/// `let b` holding the bytes 01 02 … 0a.
const TEN: &str = "let b = blob(); for i in 1..=10 { b.push(i); }";

/// Check scalar `(script, expected)` pairs run after [`TEN`].
fn check_ten(cases: &[(&str, &str)]) {
    let scripts: Vec<String> = cases.iter().map(|(s, _)| format!("{TEN} {s}")).collect();
    let cases: Vec<(&str, &str)> = scripts
        .iter()
        .zip(cases)
        .map(|(s, (_, e))| (s.as_str(), *e))
        .collect();
    check_all(&engine(), &cases);
}

#[test]
fn parse_int() {
    check_ten(&[
        ("b.parse_le_int(0, 8) == 0x0807060504030201", "true"),
        ("b.parse_be_int(0, 8) == 0x0102030405060708", "true"),
        ("b.parse_le_int(0..8) == 0x0807060504030201", "true"),
        ("b.parse_be_int(0..=7) == 0x0102030405060708", "true"),
        // Extra bytes are ignored.
        ("b.parse_le_int(0, 10) == 0x0807060504030201", "true"),
        ("b.parse_be_int(1..10) == 0x0203040506070809", "true"),
        // Short reads fill the first bytes of the 8-byte image, the rest being zeros.
        ("b.parse_le_int(0, 2)", "513"),
        ("b.parse_le_int(8..100)", "2569"),
        ("b.parse_be_int(0, 2) == 0x0102 << 48", "true"),
        ("b.parse_be_int(-1, 1) == 0x0a << 56", "true"),
        ("b.parse_le_int(-2, 8)", "2569"),
        ("b.parse_le_int(-100, 1)", "1"),
        ("b.parse_le_int(1..=1)", "2"),
        // Empty spans read zero.
        ("b.parse_le_int(0, 0)", "0"),
        ("b.parse_le_int(0, -1)", "0"),
        ("b.parse_be_int(10, 4)", "0"),
        ("b.parse_le_int(3..1)", "0"),
        ("b.parse_be_int(3..=1)", "288230376151711744"),
        ("b.parse_le_int(20..30)", "0"),
        ("blob().parse_le_int(0, 8)", "0"),
        ("blob().parse_be_int(0..8)", "0"),
        ("const C = blob(2, 1); C.parse_le_int(0..=1)", "257"),
        // All bits count: a set top bit gives a negative number.
        ("blob(8, 0xff).parse_le_int(0, 8)", "-1"),
        (
            "let n = blob(1, 0x80); n.pad(8, 0); n.parse_be_int(0, 8)",
            "-9223372036854775808",
        ),
    ]);
}

#[test]
fn parse_float() {
    check_all(
        &engine(),
        &[
            (
                "let b = blob(8); b.write_le(0, 8, 1.5); b.parse_le_float(0, 8)",
                "1.5",
            ),
            (
                "let b = blob(8); b.write_be(0, 8, -2.25); b.parse_be_float(0..8)",
                "-2.25",
            ),
            (
                "let b = blob(9); b.write_le(1..=8, 0.1); b.parse_le_float(1..9)",
                "0.1",
            ),
            (
                "let b = blob(8); b.write_le(0, 8, 1.5); b.parse_be_float(0, 8) == 1.5",
                "false",
            ),
            // 1.0 is 3f f0 00 00 00 00 00 00 in big-endian order: two bytes suffice.
            (
                "let b = blob(2, 0); b[0] = 0x3f; b[1] = 0xf0; b.parse_be_float(0, 2)",
                "1.0",
            ),
            (
                "let b = blob(2, 0); b[0] = 0x3f; b[1] = 0xf0; b.parse_be_float(0..=9)",
                "1.0",
            ),
            (
                "let b = blob(10); b.write_le(2, 8, 3.0); b.parse_le_float(2, 20)",
                "3.0",
            ),
            ("blob(8).parse_le_float(0, 8)", "0.0"),
            ("const C = blob(8); C.parse_be_float(0..8)", "0.0"),
            ("blob().parse_le_float(0, 8)", "0.0"),
            ("blob(8, 1).parse_be_float(0, 0)", "0.0"),
            ("blob(8, 1).parse_be_float(5..2)", "0.0"),
        ],
    );
}

#[test]
fn write_int() {
    check_bytes(
        &engine(),
        &[
            (
                "let b = blob(8); b.write_le(0, 8, 0x0102030405060708); b",
                &[&[8, 7, 6, 5, 4, 3, 2, 1]],
            ),
            (
                "let b = blob(8); b.write_be(0, 8, 0x0102030405060708); b",
                &[&[1, 2, 3, 4, 5, 6, 7, 8]],
            ),
            (
                "let b = blob(10, 0xee); b.write_le(1, 100, -1); b",
                &[&[0xee, 255, 255, 255, 255, 255, 255, 255, 255, 0xee]],
            ),
            // A short span takes the first bytes of the 8-byte image.
            (
                "let b = blob(4, 0xee); b.write_le(1, 2, 0x1234); b",
                &[&[0xee, 0x34, 0x12, 0xee]],
            ),
            (
                "let b = blob(4, 0xee); b.write_be(1, 2, 0x1234); b",
                &[&[0xee, 0, 0, 0xee]],
            ),
            (
                "let b = blob(4, 0xee); b.write_be(0, 2, 0x1234 << 48); b",
                &[&[0x12, 0x34, 0xee, 0xee]],
            ),
            (
                "let b = blob(4); b.write_le(-1, 8, 0x0a0b); b",
                &[&[0, 0, 0, 0x0b]],
            ),
            (
                "let b = blob(4); b.write_le(-100, 1, 7); b",
                &[&[7, 0, 0, 0]],
            ),
            (
                "let b = blob(4); b.write_le(1..3, 0x0a0b); b",
                &[&[0, 0x0b, 0x0a, 0]],
            ),
            (
                "let b = blob(4); b.write_le(1..=3, 0x0a0b); b",
                &[&[0, 0x0b, 0x0a, 0]],
            ),
            // A range starting below 0 starts at the beginning.
            (
                "let b = blob(4); b.write_be(-2..100, 0x0a0b << 48); b",
                &[&[0x0a, 0x0b, 0, 0]],
            ),
            // Empty spans write nothing.
            ("let b = blob(2); b.write_le(0, 0, -1); b", &[&[0, 0]]),
            ("let b = blob(2); b.write_le(0, -1, -1); b", &[&[0, 0]]),
            ("let b = blob(2); b.write_be(2, 8, -1); b", &[&[0, 0]]),
            ("let b = blob(2); b.write_le(2..1, -1); b", &[&[0, 0]]),
            ("let b = blob(2); b.write_be(1..=0, -1); b", &[&[0, 255]]),
            ("let b = blob(); b.write_le(0, 8, -1); b", &[&[]]),
        ],
    );
    check_ten(&[(
        "let x = blob(8); x.write_be(0, 8, 0x0102030405060708); x == b.extract(0, 8)",
        "true",
    )]);
    check_all(
        &engine(),
        &[(
            "const C = blob(8); C.write_le(0, 8, 1)",
            "!ErrorNonPureMethodCallOnConstant",
        )],
    );
}

#[test]
fn write_float() {
    check_bytes(
        &engine(),
        &[
            (
                "let b = blob(8); b.write_be(0, 8, 1.0); b",
                &[&[0x3f, 0xf0, 0, 0, 0, 0, 0, 0]],
            ),
            (
                "let b = blob(8); b.write_le(0..8, 1.0); b",
                &[&[0, 0, 0, 0, 0, 0, 0xf0, 0x3f]],
            ),
            (
                "let b = blob(10, 1); b.write_be(1..=100, -0.0); b",
                &[&[1, 0x80, 0, 0, 0, 0, 0, 0, 0, 1]],
            ),
            (
                "let b = blob(3, 1); b.write_be(0, 2, 1.0); b",
                &[&[0x3f, 0xf0, 1]],
            ),
            (
                "let b = blob(3, 1); b.write_le(-1, 2, 1.0); b",
                &[&[1, 1, 0]],
            ),
            (
                "let b = blob(3, 1); b.write_le(0, 0, 1.0); b",
                &[&[1, 1, 1]],
            ),
            (
                "let b = blob(3, 1); b.write_be(3..0, 1.0); b",
                &[&[1, 1, 1]],
            ),
        ],
    );
}

#[test]
fn write_utf8() {
    check_bytes(
        &engine(),
        &[
            (
                "let b = blob(4); b.write_utf8(0, 4, \"ab\"); b",
                &[&[97, 98, 0, 0]],
            ),
            (
                "let b = blob(4, 1); b.write_utf8(1, 2, \"xyz\"); b",
                &[&[1, 120, 121, 1]],
            ),
            (
                "let b = blob(4); b.write_utf8(1..3, \"é\"); b",
                &[&[0, 0xc3, 0xa9, 0]],
            ),
            (
                "let b = blob(4); b.write_utf8(1..=3, \"aé\"); b",
                &[&[0, 97, 0xc3, 0xa9]],
            ),
            // A span may end inside a character.
            (
                "let b = blob(2); b.write_utf8(0, 2, \"a€\"); b",
                &[&[97, 0xe2]],
            ),
            (
                "let b = blob(4); b.write_utf8(-2, 100, \"xyz\"); b",
                &[&[0, 0, 120, 121]],
            ),
            (
                "let b = blob(4); b.write_utf8(-10, 1, \"xyz\"); b",
                &[&[120, 0, 0, 0]],
            ),
            (
                "let b = blob(4); b.write_utf8(2..100, \"xyz\"); b",
                &[&[0, 0, 120, 121]],
            ),
            ("let b = blob(2); b.write_utf8(0, 0, \"x\"); b", &[&[0, 0]]),
            ("let b = blob(2); b.write_utf8(0, -1, \"x\"); b", &[&[0, 0]]),
            ("let b = blob(2); b.write_utf8(2, 1, \"x\"); b", &[&[0, 0]]),
            ("let b = blob(2); b.write_utf8(1..0, \"x\"); b", &[&[0, 0]]),
            ("let b = blob(2); b.write_utf8(0..2, \"\"); b", &[&[0, 0]]),
            ("let b = blob(); b.write_utf8(0, 5, \"x\"); b", &[&[]]),
        ],
    );
}

#[test]
fn write_ascii() {
    check_bytes(
        &engine(),
        &[
            (
                "let b = blob(4); b.write_ascii(0, 4, \"ab\"); b",
                &[&[97, 98, 0, 0]],
            ),
            (
                "let b = blob(4); b.write_ascii(1..3, \"xyz\"); b",
                &[&[0, 120, 121, 0]],
            ),
            (
                "let b = blob(4); b.write_ascii(1..=3, \"xyz\"); b",
                &[&[0, 120, 121, 122]],
            ),
            // Characters outside 1..=127 are skipped.
            (
                "let b = blob(4); b.write_ascii(0, 4, \"aé€b\"); b",
                &[&[97, 98, 0, 0]],
            ),
            (
                "let b = blob(4, 1); b.write_ascii(0, 4, \"a\\x00b\"); b",
                &[&[97, 98, 1, 1]],
            ),
            (
                "let b = blob(3); b.write_ascii(0, 3, \"\\x7f\"); b",
                &[&[127, 0, 0]],
            ),
            (
                "let b = blob(3); b.write_ascii(0, 2, \"éxyz\"); b",
                &[&[120, 121, 0]],
            ),
            (
                "let b = blob(4); b.write_ascii(-1, 5, \"xyz\"); b",
                &[&[0, 0, 0, 120]],
            ),
            (
                "let b = blob(4); b.write_ascii(-9, 1, \"xyz\"); b",
                &[&[120, 0, 0, 0]],
            ),
            ("let b = blob(2); b.write_ascii(0, 0, \"x\"); b", &[&[0, 0]]),
            ("let b = blob(2); b.write_ascii(5, 1, \"x\"); b", &[&[0, 0]]),
            (
                "let b = blob(2); b.write_ascii(2..=1, \"x\"); b",
                &[&[0, 0]],
            ),
            ("let b = blob(); b.write_ascii(0..5, \"x\"); b", &[&[]]),
        ],
    );
    // The book's example: a 16-byte command buffer.
    check_bytes(
        &engine(),
        &[(
            "let buf = blob(16, 0); let text = \"foo & bar\"; buf[0] = 0x42; \
             buf[1] = text.len(); buf.write_ascii(2..14, text); buf.write_le(14, 2, 0xabcd); buf",
            &[&[
                0x42, 9, 0x66, 0x6f, 0x6f, 0x20, 0x26, 0x20, 0x62, 0x61, 0x72, 0, 0, 0, 0xcd, 0xab,
            ]],
        )],
    );
}

/// Extreme positions and lengths never panic nor allocate much: every call completes.
#[test]
fn extreme_arguments() {
    let extremes = [
        "-9223372036854775807 - 1",
        "-1",
        "0",
        "3",
        "9223372036854775807",
    ];
    let calls = [
        "b.get(X)",
        "b.set(X, 1)",
        "b.insert(X, 1)",
        "b.remove(X)",
        "b.extract(X)",
        "b.extract(X, Y)",
        "b.extract(X..Y)",
        "b.extract(X..=Y)",
        "b.drain(X, Y)",
        "b.drain(X..Y)",
        "b.drain(X..=Y)",
        "b.retain(X, Y)",
        "b.retain(X..=Y)",
        "b.splice(X, Y, blob(2))",
        "b.splice(X..Y, blob(2))",
        "b.splice(X..=Y, blob(2))",
        "b.split(X)",
        "b.truncate(X)",
        "b.chop(X)",
        "b.parse_le_int(X, Y)",
        "b.parse_be_int(X..=Y)",
        "b.parse_le_float(X..Y)",
        "b.parse_be_float(X, Y)",
        "b.write_le(X, Y, -1)",
        "b.write_be(X..=Y, 1.5)",
        "b.write_utf8(X, Y, \"abc\")",
        "b.write_ascii(X..Y, \"abc\")",
    ];
    let engine = engine();
    for call in calls {
        for x in extremes {
            for y in extremes {
                let script = format!(
                    "let b = blob(5, 7); {}; b.len <= 7",
                    call.replace('X', &format!("({x})"))
                        .replace('Y', &format!("({y})"))
                );
                let result = engine.eval::<bool>(&script);
                assert_eq!(result.ok(), Some(true), "{script}");
            }
        }
    }
}

#[test]
fn size_limit_messages() {
    let engine = small_engine();
    let message = |script: &str| engine.eval::<Dynamic>(script).unwrap_err().to_string();
    assert_eq!(
        message("blob(5)"),
        "Size of array/BLOB too large (line 1, position 1)"
    );
    assert!(message("let b = blob(4); b.pad(5, 1); b").starts_with("Size of BLOB too large"));
    assert!(message("let a = [1, 2, 3]; a.push(4); a.push(5); a")
        .starts_with("Size of array/BLOB too large"));
}
