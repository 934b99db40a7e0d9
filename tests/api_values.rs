//! `Dynamic` as a host uses it: constants and constructors, `From` conversions, the type
//! predicates, casts and locks, and the Rust `Display`/`Debug` forms (pretty-printing,
//! `(shared)` marks, function pointers, custom types as their Rust type name).

use rhai::{Array, Dynamic, Engine, FnPtr, ImmutableString, Map, INT};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

#[derive(Clone)]
struct Pt;

fn forms(d: &Dynamic) -> String {
    format!("[{d}] [{d:?}] {}", d.type_name())
}

#[test]
fn constants_and_const_constructors() {
    const THREE: Dynamic = Dynamic::from_int(3);
    const CHAR: Dynamic = Dynamic::from_char('x');
    const HALF: Dynamic = Dynamic::from_float(0.5);
    const YES: Dynamic = Dynamic::from_bool(true);
    assert_eq!(format!("{THREE} {CHAR} {HALF} {YES}"), "3 x 0.5 true");
    let named = [
        Dynamic::UNIT,
        Dynamic::NEGATIVE_TWO,
        Dynamic::MILLION,
        Dynamic::FLOAT_TENTH,
    ];
    assert_eq!(format!("{named:?}"), "[(), -2, 1000000, 0.1]");
    assert_eq!(Dynamic::FLOAT_PI.as_float(), Ok(std::f64::consts::PI));
    assert_eq!(Dynamic::FLOAT_LN_10.as_float(), Ok(std::f64::consts::LN_10));
    let built = [
        Dynamic::from_array(vec![Dynamic::ONE]),
        Dynamic::from_blob(vec![1, 2]),
        Dynamic::from_map(Map::new()),
    ];
    assert_eq!(format!("{built:?}"), "[[1], [0102], #{}]");
}

#[test]
fn display_and_debug_of_every_kind() {
    assert_eq!(forms(&Dynamic::UNIT), "[] [()] ()");
    assert_eq!(
        forms(&Dynamic::from(1.25e20_f64)),
        "[1.25e20] [1.25e20] f64"
    );
    assert_eq!(forms(&Dynamic::from("a\"b")), "[a\"b] [\"a\\\"b\"] string");
    assert_eq!(forms(&Dynamic::from('\'')), "['] ['\\''] char");
    assert_eq!(
        forms(&Dynamic::from_blob(vec![1, 2, 255])),
        "[[0102ff]] [[0102ff]] blob"
    );
    assert_eq!(forms(&Dynamic::from(5_i32)), "[5] [5] i32");
    assert_eq!(
        forms(&Dynamic::from(1_i64..5)),
        "[1..5] [1..5] core::ops::range::Range<i64>"
    );
    let inclusive = "[1..=5] [1..=5] core::ops::range::RangeInclusive<i64>";
    assert_eq!(forms(&Dynamic::from(1_i64..=5)), inclusive);
    let name = std::any::type_name::<Pt>();
    assert_eq!(
        forms(&Dynamic::from(Pt)),
        format!("[{name}] [{name}] {name}")
    );
    let vec = Dynamic::from(vec![1_i64, 2]);
    assert_eq!(
        forms(&vec),
        "[alloc::vec::Vec<i64>] [alloc::vec::Vec<i64>] alloc::vec::Vec<i64>"
    );
    let stamp = Dynamic::from_timestamp(std::time::Instant::now());
    assert_eq!(forms(&stamp), "[<timestamp>] [<timestamp>] timestamp");
    let list = Dynamic::from(vec![Dynamic::ONE, Dynamic::from("x"), Dynamic::UNIT]);
    assert_eq!(forms(&list), "[[1, \"x\", ()]] [[1, \"x\", ()]] array");
    assert_eq!(format!("{list:#?}"), "[\n    1,\n    \"x\",\n    (),\n]");
    let mut map = Map::new();
    map.insert("a".into(), Dynamic::ONE);
    map.insert("b c".into(), Dynamic::from('s'));
    let map = Dynamic::from(map);
    assert_eq!(
        forms(&map),
        "[#{\"a\": 1, \"b c\": 's'}] [#{\"a\": 1, \"b c\": 's'}] map"
    );
    assert_eq!(
        format!("{map:#?}"),
        "#{\n    \"a\": 1,\n    \"b c\": 's',\n}"
    );
}

#[test]
fn shared_values_are_marked() {
    let shared = Dynamic::from(7_i64).into_shared();
    assert_eq!(forms(&shared), "[7 (shared)] [7 (shared)] i64");
    assert_eq!(
        forms(&Dynamic::from("s").into_shared()),
        "[s (shared)] [\"s\" (shared)] string"
    );
    let inside = Dynamic::from(vec![shared.clone()]);
    assert_eq!(
        format!("{inside} {inside:#?}"),
        "[7 (shared)] [\n    7 (shared),\n]"
    );
    assert_eq!(format!("{:?}", shared.flatten_clone()), "7");
}

#[test]
fn function_pointers_show_their_kind_and_curried_values() {
    let mut ptr = FnPtr::new("foo").unwrap();
    assert_eq!(
        forms(&Dynamic::from(ptr.clone())),
        "[Fn(foo)] [Fn(\"foo\")] Fn"
    );
    ptr.add_curry(Dynamic::ONE).add_curry(Dynamic::from("x"));
    assert_eq!(format!("{ptr} {ptr:?}"), "Fn(foo) Fn(\"foo\", 1, \"x\")");
    assert_eq!(
        format!("{ptr:#?}"),
        "Fn(\n    \"foo\",\n    1,\n    \"x\",\n)"
    );
    let native = FnPtr::from_fn("twice", |_, args| Ok(args[0].clone())).unwrap();
    assert_eq!(format!("{native} {native:?}"), "Fn(twice) Fn#(\"twice\")");
    let engine = Engine::new();
    let closure: Dynamic = engine.eval("let x = 1; |y| x + y").unwrap();
    let text = format!("{closure:?}");
    assert!(
        text.starts_with("Fn*(\"anon$") && text.ends_with("\", 1 (shared))"),
        "{text}"
    );
    let curried: Dynamic = engine.eval("Fn(\"abs\").curry(1).curry([2])").unwrap();
    assert_eq!(
        format!("{curried} {curried:?}"),
        "Fn(abs) Fn(\"abs\", 1, [2])"
    );
}

#[test]
fn conversions_and_type_predicates() {
    let flags = |d: &Dynamic| {
        let all = [
            d.is_unit(),
            d.is_int(),
            d.is_float(),
            d.is_bool(),
            d.is_char(),
            d.is_string(),
            d.is_array(),
            d.is_blob(),
            d.is_map(),
            d.is_fnptr(),
            d.is_shared(),
            d.is_variant(),
        ];
        all.iter()
            .map(|&b| if b { '1' } else { '0' })
            .collect::<String>()
    };
    let cases: Vec<(Dynamic, &str, &str)> = vec![
        (().into(), "()", "100000000000"),
        (7_i64.into(), "7", "010000000000"),
        (1.5_f64.into(), "1.5", "001000000000"),
        (true.into(), "true", "000100000000"),
        ('c'.into(), "'c'", "000010000000"),
        (String::from("S").into(), "\"S\"", "000001000000"),
        (ImmutableString::from("I").into(), "\"I\"", "000001000000"),
        ((&[1_i64, 2][..]).into(), "[1, 2]", "000000100000"),
        (vec!["a", "b"].into(), "[\"a\", \"b\"]", "000000100000"),
        (FnPtr::new("g").unwrap().into(), "Fn(\"g\")", "000000000100"),
        (
            HashMap::<String, INT>::from([("k".into(), 1)]).into(),
            "#{\"k\": 1}",
            "000000001000",
        ),
        (
            BTreeMap::<String, bool>::from([("k".into(), true)]).into(),
            "#{\"k\": true}",
            "000000001000",
        ),
        (
            HashSet::<String>::from(["a".into()]).into(),
            "#{\"a\": ()}",
            "000000001000",
        ),
        (
            BTreeSet::<String>::from(["a".into()]).into(),
            "#{\"a\": ()}",
            "000000001000",
        ),
        ((1_i64..3).into(), "1..3", "000000000001"),
        (
            rhai::Shared::new(rhai::Locked::new(Dynamic::from(5_i64))).into(),
            "5 (shared)",
            "010000000010",
        ),
    ];
    for (value, debug, expected) in cases {
        assert_eq!(
            (format!("{value:?}"), flags(&value)),
            (debug.to_string(), expected.to_string())
        );
    }
    let collected: Dynamic = vec![1_i64, 2, 3].into_iter().collect();
    assert_eq!(format!("{collected:?}"), "[1, 2, 3]");
    let parsed: Dynamic = "42".parse().unwrap();
    assert_eq!(
        (format!("{parsed:?}"), parsed.type_name()),
        ("\"42\"".to_string(), "string")
    );
}

#[test]
fn casts_and_accessors_report_the_actual_type() {
    let d = Dynamic::from(42_i64);
    assert_eq!(d.clone().try_cast::<String>(), None);
    assert_eq!(
        d.clone()
            .try_cast_result::<String>()
            .unwrap_err()
            .type_name(),
        "i64"
    );
    assert_eq!((d.clone().cast::<INT>(), d.clone_cast::<INT>()), (42, 42));
    assert!(d.is::<INT>() && !d.is::<i32>());
    assert_eq!(
        (d.as_float(), d.as_bool(), d.as_char()),
        (Err("i64"), Err("i64"), Err("i64"))
    );
    assert_eq!(d.clone().into_string(), Err("i64"));
    let s = Dynamic::from("str");
    assert!(s.is::<ImmutableString>() && s.is::<String>() && !s.is::<&str>());
    assert_eq!(s.clone().try_cast::<String>().as_deref(), Some("str"));
    assert_eq!(s.as_immutable_string_ref().map(|r| r.len()), Ok(3));
    let mut array = Dynamic::from(vec![Dynamic::ONE, Dynamic::TWO]);
    array.as_array_mut().unwrap().push(Dynamic::THREE);
    assert_eq!(array.clone().into_typed_array::<INT>(), Ok(vec![1, 2, 3]));
    assert_eq!(array.clone().into_typed_array::<String>(), Err("i64"));
    let blob = Dynamic::from_blob(vec![1, 2]);
    assert_eq!(blob.clone().into_typed_array::<u8>(), Ok(vec![1, 2]));
    assert_eq!(blob.into_array().unwrap_err(), "blob");
    let mut shared = Dynamic::from(vec![Dynamic::ONE]).into_shared();
    shared.write_lock::<Array>().unwrap().push(Dynamic::TWO);
    assert_eq!(shared.read_lock::<Array>().map(|a| a.len()), Some(2));
    assert!(shared.read_lock::<INT>().is_none());
    assert_eq!(
        format!("{:?}", shared.clone().try_cast::<Array>()),
        "Some([1, 2])"
    );
    let mut nested = Dynamic::from(vec![Dynamic::ONE, Dynamic::from(vec![Dynamic::TWO])]);
    nested.deep_scan(|v| {
        if let Ok(i) = v.as_int() {
            *v = Dynamic::from(i * 10);
        }
    });
    assert_eq!(format!("{nested:?}"), "[10, [20]]");
}
