//! Unit tests of the value core: layout sizes, casts, sharing, formatting.

use crate::{Array, Dynamic, ImmutableString, Map, Position, Scope, INT};

#[test]
fn hot_layouts_have_their_chosen_sizes() {
    assert_eq!(core::mem::size_of::<Dynamic>(), 16);
    assert_eq!(core::mem::size_of::<Option<Dynamic>>(), 16);
    assert_eq!(core::mem::size_of::<Position>(), 4);
    assert_eq!(core::mem::size_of::<ImmutableString>(), 8);
    assert_eq!(
        core::mem::size_of::<Result<Dynamic, Box<crate::EvalAltResult>>>(),
        16
    );
    assert_eq!(core::mem::size_of::<crate::ast::Expr>(), 16);
    assert_eq!(core::mem::size_of::<crate::ast::Stmt>(), 16);
}

#[test]
fn standard_types_take_their_native_form() {
    assert!(Dynamic::from(42 as INT).is_int());
    assert!(Dynamic::from(1.5f64).is_float());
    assert!(Dynamic::from("x").is_string());
    assert!(Dynamic::from(String::from("x")).is_string());
    assert!(Dynamic::from(Array::new()).is_array());
    assert!(Dynamic::from(Map::new()).is_map());
    assert_eq!(Dynamic::from(42 as INT).type_name(), "i64");
    assert_eq!(Dynamic::from('c').type_name(), "char");
    assert_eq!(Dynamic::UNIT.type_name(), "()");
}

#[test]
fn casts_succeed_on_the_right_type_only() {
    assert_eq!(Dynamic::from(7 as INT).try_cast::<INT>(), Some(7));
    assert_eq!(Dynamic::from(7 as INT).try_cast::<bool>(), None);
    assert_eq!(
        Dynamic::from("hi").try_cast::<String>().as_deref(),
        Some("hi")
    );
    assert_eq!(Dynamic::from(true).as_bool(), Ok(true));
    assert_eq!(Dynamic::from(true).as_int(), Err("bool"));
}

#[test]
fn custom_types_round_trip() {
    #[derive(Clone, Debug, PartialEq)]
    struct Point(i32, i32);
    let d = Dynamic::from(Point(1, 2));
    assert!(d.is_variant());
    assert!(d.is::<Point>());
    assert_eq!(d.clone().try_cast::<Point>(), Some(Point(1, 2)));
    assert_eq!(d.try_cast::<INT>(), None);
}

#[test]
fn shared_values_read_and_write_through_the_lock() {
    let mut d = Dynamic::from(1 as INT).into_shared();
    assert!(d.is_shared());
    assert!(d.is_int());
    *d.write_lock::<INT>().unwrap() = 5;
    assert_eq!(*d.read_lock::<INT>().unwrap(), 5);
    assert_eq!(d.flatten().as_int(), Ok(5));
}

#[test]
fn arrays_are_copy_on_write() {
    let a = Dynamic::from_array(vec![Dynamic::ONE, Dynamic::TWO]);
    let mut b = a.clone();
    b.as_array_mut().unwrap().push(Dynamic::THREE);
    assert_eq!(a.as_array_ref().unwrap().len(), 2);
    assert_eq!(b.as_array_ref().unwrap().len(), 3);
}

#[test]
fn tags_and_read_only_flags_stick() {
    let mut d = Dynamic::from(1 as INT);
    d.set_tag(42);
    assert_eq!(d.tag(), 42);
    assert!(!d.is_read_only());
    assert!(d.into_read_only().is_read_only());
}

#[test]
fn display_and_debug_forms() {
    assert_eq!(Dynamic::UNIT.to_string(), "");
    assert_eq!(format!("{:?}", Dynamic::UNIT), "()");
    assert_eq!(Dynamic::from_float(1.0).to_string(), "1.0");
    assert_eq!(Dynamic::from_float(0.5).to_string(), "0.5");
    assert_eq!(format!("{:?}", Dynamic::from("a\"b")), r#""a\"b""#);
    assert_eq!(format!("{:?}", Dynamic::from('x')), "'x'");
    let arr = Dynamic::from_array(vec![Dynamic::ONE, Dynamic::from("s")]);
    assert_eq!(arr.to_string(), r#"[1, "s"]"#);
    let mut map = Map::new();
    map.insert("b".into(), Dynamic::TWO);
    map.insert("a".into(), Dynamic::ONE);
    assert_eq!(Dynamic::from_map(map).to_string(), r#"#{"a": 1, "b": 2}"#);
    assert_eq!(Dynamic::from(1..3 as INT).to_string(), "1..3");
}

#[test]
fn scope_shadowing_and_constants() {
    let mut scope: Scope = Scope::new();
    scope
        .push("x", 1 as INT)
        .push("x", 2 as INT)
        .push_constant("c", true);
    assert_eq!(scope.len(), 3);
    assert_eq!(scope.get_value::<INT>("x"), Some(2));
    assert_eq!(scope.is_constant("c"), Some(true));
    assert!(scope.get_mut("c").is_none());
    scope.set_value("x", 9 as INT);
    assert_eq!(scope.get_value::<INT>("x"), Some(9));
    scope.rewind(1);
    assert_eq!(scope.get_value::<INT>("x"), Some(1));
    assert_eq!(scope.remove::<INT>("x"), Some(1));
    assert!(scope.is_empty());
}

fn hash_of(value: &Dynamic) -> u64 {
    use core::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// An array nested `depth` levels deep, built from the inside out.
fn nested_array(depth: usize) -> Dynamic {
    let mut value = Dynamic::from_array(Array::new());
    for _ in 0..depth {
        value = Dynamic::from_array(vec![value]);
    }
    value
}

#[test]
fn deep_nesting_hashes_prints_compares_and_drops_without_recursion() {
    // Run on a small stack: a recursive walk over 100,000 levels would overflow it.
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let deep = nested_array(100_000);
            let same = nested_array(100_000);
            assert_eq!(hash_of(&deep), hash_of(&same));
            assert_ne!(hash_of(&deep), hash_of(&nested_array(99_999)));
            assert!(format!("{deep:?}").contains("[[[...]]]"));
            assert_eq!(crate::func::builtin::values_equal(&deep, &same), Some(true));
            let shared = deep.clone().into_shared();
            assert_eq!(hash_of(&shared), hash_of(&deep));
            let mut scanned = deep.clone();
            let mut visits = 0;
            scanned.deep_scan(|_| visits += 1);
            assert_eq!(visits, 100_001);
            assert_eq!(hash_of(&scanned), hash_of(&deep));
            drop((deep, same, shared));
        })
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn array_and_map_storage_stays_invisible_to_casts() {
    let array = Dynamic::from_array(vec![Dynamic::ONE]);
    assert_eq!(array.clone().cast::<Array>().len(), 1);
    assert_eq!(array.read_lock::<Array>().map(|a| a.len()), Some(1));
    let mut map = Map::new();
    map.insert("k".into(), Dynamic::TWO);
    let map = Dynamic::from_map(map);
    assert!(map.clone().try_cast::<Map>().is_some());
    assert_eq!(map.as_map_ref().map(|m| m.len()), Ok(1));
}

#[test]
fn deep_scan_visits_in_order_and_keeps_changes() {
    let mut map = Map::new();
    map.insert("a".into(), Dynamic::from_int(2));
    map.insert("b".into(), Dynamic::from_array(vec![Dynamic::from_int(3)]));
    let mut value = Dynamic::from_array(vec![Dynamic::ONE, Dynamic::from_map(map)]);
    let mut seen = Vec::new();
    value.deep_scan(|v| {
        seen.push(v.type_name());
        if let Ok(n) = v.as_int() {
            *v = Dynamic::from_int(n * 10);
        }
    });
    assert_eq!(seen, ["array", "i64", "map", "i64", "array", "i64"]);
    assert_eq!(format!("{value:?}"), r#"[10, #{"a": 20, "b": [30]}]"#);
}
