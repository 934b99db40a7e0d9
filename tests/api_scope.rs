//! `Scope` as a host uses it: an inferred `Scope::new()`, pushing and reading variables and
//! constants, the iterators (`iter` from the first entry, `iter_raw` from the latest), the
//! `Display`/`Debug` forms, export aliases, collecting and consuming.

use rhai::{Dynamic, Engine, ImmutableString, Scope, INT};

fn sample() -> Scope<'static> {
    let mut scope = Scope::new();
    scope.push("x", 42_i64);
    scope.push(String::from("s"), "text");
    scope.push_dynamic("d", Dynamic::from(1.5_f64));
    scope.push_constant("C", 'c');
    scope.push_constant_dynamic("CD", Dynamic::from(true));
    scope
}

#[test]
fn inferred_new_push_and_read() {
    let mut scope = Scope::new();
    scope.push("x", 42_i64);
    let engine = Engine::new();
    assert_eq!(
        engine.eval_with_scope::<INT>(&mut scope, "x + 1").unwrap(),
        43
    );
    let mut scope = sample();
    assert_eq!((scope.len(), scope.is_empty()), (5, false));
    assert_eq!(scope.get_value::<INT>("x"), Some(42));
    assert_eq!(scope.get_value::<String>("s").as_deref(), Some("text"));
    assert_eq!(scope.get_value::<ImmutableString>("s").unwrap(), "text");
    assert_eq!(scope.get_value::<INT>("s"), None);
    assert_eq!(scope.get_value_ref::<INT>("x"), Some(&42));
    *scope.get_value_mut::<INT>("x").unwrap() += 1;
    assert_eq!(scope.get("x").unwrap().as_int(), Ok(43));
    *scope.get_mut("d").unwrap() = Dynamic::from(2.5_f64);
    assert_eq!(scope.get("d").unwrap().as_float(), Ok(2.5));
    let constness = (
        scope.is_constant("C"),
        scope.is_constant("x"),
        scope.is_constant("no"),
    );
    assert_eq!(constness, (Some(true), Some(false), None));
    assert!(scope.contains("x") && !scope.contains("no"));
    scope.set_value("x", 100_i64);
    scope.set_or_push("y", 5_i64).set_or_push("x", 7_i64);
    assert_eq!(
        (scope.get_value::<INT>("x"), scope.get_value::<INT>("y")),
        (Some(7), Some(5))
    );
}

#[test]
fn iter_goes_forward_and_iter_raw_backward() {
    let scope = sample();
    let forward: Vec<String> = scope
        .iter()
        .map(|(n, c, v)| format!("{n} {c} {v:?}"))
        .collect();
    assert_eq!(
        forward,
        [
            "x false 42",
            "s false \"text\"",
            "d false 1.5",
            "C true 'c'",
            "CD true true"
        ]
    );
    let backward: Vec<String> = scope
        .iter_raw()
        .map(|(n, c, v)| format!("{n} {c} {v}"))
        .collect();
    assert_eq!(
        backward,
        [
            "CD true true",
            "C true c",
            "d false 1.5",
            "s false text",
            "x false 42"
        ]
    );
}

#[test]
fn display_lists_entries_and_debug_shows_the_fields() {
    let mut scope = sample();
    assert_eq!(
        scope.to_string(),
        "[1] x = 42\n[2] s = \"text\"\n[3] d = 1.5\n[4] const C = 'c'\n[5] const CD = true\n"
    );
    scope.set_alias("x", "xx");
    assert_eq!(
        format!("{scope:?}"),
        "Scope { values: [42, \"text\", 1.5, 'c', true], names: [\"x\", \"s\", \"d\", \"C\", \"CD\"], \
         aliases: [[\"xx\"]], dummy: PhantomData<&()> }"
    );
    let engine = Engine::new();
    let mut scope = Scope::new();
    scope.push("counter", 0_i64);
    engine
        .run_with_scope(
            &mut scope,
            "counter += 10; const K = 1; let f = || counter;",
        )
        .unwrap();
    let text = scope.to_string();
    assert!(text.starts_with("[1] counter = 10 (shared)\n[2] const K = 1\n[3] f = Fn*(\"anon$"));
    assert_eq!(scope.get_value::<INT>("counter"), Some(10));
    assert_eq!(scope.get("counter").map(Dynamic::is_shared), Some(true));
}

#[test]
fn removing_rewinding_and_visible_copies() {
    let mut scope = sample();
    scope.set_or_push("x", 7_i64).push("y", 5_i64);
    assert_eq!((scope.remove::<INT>("y"), scope.len()), (Some(5), 5));
    scope.pop();
    assert_eq!(scope.len(), 4);
    scope.rewind(2);
    assert_eq!(scope.len(), 2);
    scope.push("x", 1_i64);
    let visible = scope.clone_visible();
    assert_eq!(visible.len(), 2);
    assert_eq!(visible.get_value::<INT>("x"), Some(1));
    scope.clear();
    assert!(scope.is_empty());
    let with_room: Scope = Scope::with_capacity(10);
    let default: Scope = Default::default();
    assert_eq!((with_room.len(), default.len()), (0, 0));
}

#[test]
fn aliases_are_kept_per_entry() {
    let mut scope = Scope::new();
    scope.push("a", 1_i64).push_constant("b", 2_i64);
    scope.set_alias("a", "x");
    scope.set_alias("a", "y");
    scope.set_alias("a", "x");
    let entries: Vec<(String, Dynamic, Vec<ImmutableString>)> = scope.into_iter().collect();
    assert_eq!(
        format!("{entries:?}"),
        "[(\"a\", 1, [\"x\", \"y\"]), (\"b\", 2, [])]"
    );
    let engine = Engine::new();
    let mut scope = Scope::new();
    engine
        .run_with_scope(
            &mut scope,
            "let a = 1; const B = 2; export a as aa; export B as bb; export a as a2;",
        )
        .unwrap();
    assert_eq!(
        format!("{scope:?}"),
        "Scope { values: [1, 2], names: [\"a\", \"B\"], aliases: [[\"aa\", \"a2\"], [\"bb\"]], \
         dummy: PhantomData<&()> }"
    );
}

#[test]
fn collecting_and_extending() {
    let mut scope: Scope = vec![("a", Dynamic::from(1_i64)), ("b", Dynamic::from(2_i64))]
        .into_iter()
        .collect();
    scope.extend(vec![(String::from("c"), Dynamic::from(3_i64))]);
    scope.extend(vec![("d", true, Dynamic::from(4_i64))]);
    assert_eq!(
        scope.to_string(),
        "[1] a = 1\n[2] b = 2\n[3] c = 3\n[4] const d = 4\n"
    );
    let constants: Scope = vec![("e", false, Dynamic::from(5_i64))]
        .into_iter()
        .collect();
    assert_eq!(constants.to_string(), "[1] e = 5\n");
    fn size(s: &mut Scope<'_>) -> usize {
        s.len()
    }
    assert_eq!(size(&mut scope), 4);
}
