//! The Rust side of native functions and values (book: "NativeCallContext", "Use the
//! Low-Level API to Register a Rust Function", "Make a Custom Type Iterable", "Custom Type
//! Indexers", "Interop Dynamic Data with Rust"): the parts the other files touch only in
//! passing.

use rhai::{Array, Dynamic, Engine, EvalAltResult, FnPtr, Module, NativeCallContext, INT};
use std::any::TypeId;
use std::sync::{Arc, Mutex};

#[test]
fn native_call_context_describes_the_call() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let mut engine = Engine::new();
    engine.set_default_tag(7 as INT);
    engine.register_fn("probe", move |ctx: NativeCallContext, x: INT| {
        let imports: Vec<String> = ctx.iter_imports().map(|(n, _)| n.to_string()).collect();
        log.lock().unwrap().push(format!(
            "{} {:?} {:?} {} {:?} {}",
            ctx.fn_name(),
            ctx.source(),
            ctx.position(),
            ctx.call_level(),
            ctx.tag().and_then(|t| t.as_int().ok()),
            imports.join(",")
        ));
        x
    });
    let mut resolver = rhai::module_resolvers::StaticModuleResolver::new();
    resolver.insert("m", Module::new());
    engine.set_module_resolver(resolver);
    let mut ast = engine
        .compile(
            "import \"m\" as first;\nfn f() { probe(2) }\nimport \"m\" as second; probe(1) + f()",
        )
        .unwrap();
    ast.set_source("main");
    assert_eq!(engine.eval_ast::<INT>(&ast).unwrap(), 3);
    let seen = seen.lock().unwrap();
    assert_eq!(seen[0], "probe None 3:23 1 Some(7) second,first");
    assert_eq!(seen[1], "probe None 2:10 2 Some(7) second,first");
}

#[test]
fn native_functions_call_back_into_the_script() {
    let mut engine = Engine::new();
    engine.register_fn(
        "twice",
        |ctx: NativeCallContext, name: &str| -> Result<INT, Box<EvalAltResult>> {
            let once: INT = ctx.call_fn(name, (5 as INT,))?;
            let raw = ctx.call_fn_raw(name, false, false, &mut [&mut Dynamic::from_int(once)])?;
            Ok(raw.as_int().unwrap_or(0))
        },
    );
    engine.register_fn(
        "native_abs",
        |ctx: NativeCallContext, x: INT| -> Result<INT, Box<EvalAltResult>> {
            ctx.call_native_fn("abs", (x,))
        },
    );
    assert_eq!(
        engine
            .eval::<INT>("fn inc(x) { x + 1 } twice(\"inc\")")
            .unwrap(),
        7
    );
    // A script function of the same name cannot stand in for the native one.
    assert_eq!(
        engine
            .eval::<INT>("fn abs(x) { 999 } native_abs(-4)")
            .unwrap(),
        4
    );
    let err = engine.eval::<INT>("twice(\"missing\")").unwrap_err();
    assert!(
        matches!(err.unwrap_inner(), EvalAltResult::ErrorFunctionNotFound(..)),
        "{err:?}"
    );
}

#[test]
fn raw_functions_get_checked_arguments() {
    let mut engine = Engine::new();
    engine.register_raw_fn(
        "add_to",
        [TypeId::of::<INT>(), TypeId::of::<INT>()],
        |_ctx, args| {
            let add = args[1].as_int().unwrap_or(0);
            let first = args[0].as_int().unwrap_or(0);
            *args[0] = Dynamic::from_int(first + add);
            Ok(first + add)
        },
    );
    assert_eq!(
        engine.eval::<INT>("let x = 40; x.add_to(2); x").unwrap(),
        42
    );
    let err = engine.eval::<INT>("add_to(1, \"two\")").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorFunctionNotFound(ref s, _) if s == "add_to (i64, &str | ImmutableString | String)"),
        "{err:?}"
    );
}

#[test]
fn function_pointers_from_rust() {
    let mut engine = Engine::new();
    engine.register_fn(
        "apply_raw",
        |ctx: NativeCallContext,
         f: FnPtr,
         mut this: Dynamic|
         -> Result<Dynamic, Box<EvalAltResult>> {
            f.call_raw(&ctx, Some(&mut this), [Dynamic::from_int(10)])?;
            Ok(this)
        },
    );
    assert_eq!(
        engine.eval::<INT>("apply_raw(|x| this += x, 5)").unwrap(),
        15
    );
    let native = FnPtr::from_fn("triple", |_ctx, args| {
        Ok(Dynamic::from_int(args[0].as_int().unwrap_or(0) * 3))
    })
    .unwrap();
    let mut scope = rhai::Scope::new();
    scope.push("f", native);
    assert_eq!(
        engine
            .eval_with_scope::<INT>(&mut scope, "f.call(14)")
            .unwrap(),
        42
    );
    assert!(FnPtr::from_fn("not a name", |_, _| Ok(Dynamic::UNIT)).is_err());
}

/// A collection type iterable in `for`, with an indexer.
#[derive(Clone)]
struct Bag(Vec<INT>);

impl IntoIterator for Bag {
    type Item = INT;
    type IntoIter = std::vec::IntoIter<INT>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// A collection whose iteration can fail.
#[derive(Clone)]
struct Flaky(Vec<INT>);

impl IntoIterator for Flaky {
    type Item = Result<INT, Box<EvalAltResult>>;
    type IntoIter = std::vec::IntoIter<Self::Item>;
    fn into_iter(self) -> Self::IntoIter {
        self.0
            .into_iter()
            .map(|n| {
                if n < 0 {
                    Err("negative item".into())
                } else {
                    Ok(n)
                }
            })
            .collect::<Vec<_>>()
            .into_iter()
    }
}

#[test]
fn iterators_and_indexers_of_custom_types() {
    let mut engine = Engine::new();
    engine
        .register_type_with_name::<Bag>("Bag")
        .register_fn("bag", || Bag(vec![1, 2, 3]))
        .register_iterator::<Bag>()
        .register_indexer_get_set(
            |b: &mut Bag, i: INT| -> Result<INT, Box<EvalAltResult>> {
                usize::try_from(i)
                    .ok()
                    .and_then(|i| b.0.get(i).copied())
                    .ok_or_else(|| {
                        EvalAltResult::ErrorIndexNotFound(i.into(), rhai::Position::NONE).into()
                    })
            },
            |b: &mut Bag, i: INT, v: INT| {
                if let Some(slot) = usize::try_from(i).ok().and_then(|i| b.0.get_mut(i)) {
                    *slot = v;
                }
            },
        )
        .register_type_with_name::<Flaky>("Flaky")
        .register_fn("flaky", |v: Array| {
            Flaky(v.into_iter().filter_map(|d| d.as_int().ok()).collect())
        })
        .register_iterator_result::<Flaky, INT>();
    assert_eq!(
        engine
            .eval::<INT>("let s = 0; for x in bag() { s += x } s")
            .unwrap(),
        6
    );
    assert_eq!(
        engine
            .eval::<INT>("let b = bag(); b[1] = 20; b[1] + b[2]")
            .unwrap(),
        23
    );
    let err = engine.eval::<INT>("bag()[9]").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorIndexNotFound(..)),
        "{err:?}"
    );
    assert_eq!(
        engine
            .eval::<INT>("let s = 0; for x in flaky([1, 2]) { s += x } s")
            .unwrap(),
        3
    );
    let err = engine
        .eval::<INT>("let s = 0; for x in flaky([1, -2]) { s += x } s")
        .unwrap_err();
    assert!(matches!(*err, EvalAltResult::ErrorRuntime(..)), "{err:?}");
}

#[test]
fn dynamic_scans_and_casts() {
    let engine = Engine::new();
    let mut value = engine.eval::<Dynamic>("[1, [2, #{a: 3}], || 4]").unwrap();
    let mut ints = Vec::new();
    value.deep_scan(|v| {
        if let Ok(n) = v.as_int() {
            ints.push(n);
            *v = Dynamic::from_int(n * 10);
        }
    });
    assert_eq!(ints, [1, 2, 3]);
    assert_eq!(format!("{value:?}").matches("0").count(), 3);
    let copy: Array = value.clone_cast();
    assert_eq!(copy.len(), 3);
    assert_eq!(copy[0].as_int(), Ok(10));
}

#[test]
fn contexts_from_parts() {
    let engine = Engine::new();
    let global = rhai::GlobalRuntimeState::new(&engine);
    let ctx = NativeCallContext::from((
        &engine,
        "f",
        Some("src"),
        &global,
        rhai::Position::new(1, 2),
    ));
    assert_eq!(ctx.fn_name(), "f");
    assert_eq!(ctx.source(), Some("src"));
    assert_eq!(ctx.position(), rhai::Position::new(1, 2));
    assert_eq!(ctx.iter_imports().count(), 0);
    assert_eq!(ctx.call_fn::<INT>("abs", (-3 as INT,)).unwrap(), 3);
}
