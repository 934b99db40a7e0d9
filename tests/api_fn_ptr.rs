//! `FnPtr` as a host uses it: checked names, curried arguments, calls from Rust with an `AST`,
//! calls from inside native functions, pointers to Rust closures.

use rhai::{
    Dynamic, Engine, EvalAltResult, FnPtr, ImmutableString, NativeCallContext, Scope, AST, INT,
};

type Res<T> = Result<T, Box<EvalAltResult>>;

fn name_check(name: &str) -> String {
    match FnPtr::new(name) {
        Ok(_) => "ok".into(),
        Err(err) => format!("{err:?}"),
    }
}

#[test]
fn names_are_checked() {
    for name in ["foo", "_a", "a1", "_A1", "a__", "_a_", "exit", "Fn2"] {
        assert_eq!(name_check(name), "ok", "{name}");
    }
    for name in [
        "if", "fn", "this", "true", "go", "async", "Fn", "call", "curry", "print",
    ] {
        assert_eq!(
            name_check(name),
            format!("ErrorParsing(Reserved({name:?}), none)")
        );
    }
    for name in [
        "debug",
        "type_of",
        "eval",
        "is_def_var",
        "is_def_fn",
        "is_shared",
        "_",
        "-",
    ] {
        assert_eq!(
            name_check(name),
            format!("ErrorParsing(Reserved({name:?}), none)")
        );
    }
    for name in ["", "1bad", "a::b", "x$y", "é", "__", "_1", "a b", "a-b"] {
        assert_eq!(
            name_check(name),
            format!("ErrorFunctionNotFound({name:?}, none)")
        );
    }
    let checked = FnPtr::try_from(ImmutableString::from("abc")).unwrap();
    assert_eq!(checked.fn_name(), "abc");
    assert!(FnPtr::try_from(ImmutableString::from("1x")).is_err());
}

#[test]
fn curried_arguments() {
    let engine = Engine::new();
    let ast = engine.compile("fn foo(a, b) { a + b }").unwrap();
    let mut f = FnPtr::new("foo").unwrap();
    assert_eq!(
        (
            f.fn_name(),
            f.is_curried(),
            f.is_anonymous(),
            f.num_curried()
        ),
        ("foo", false, false, 0)
    );
    assert_eq!(f.call::<INT>(&engine, &ast, (1_i64, 2_i64)).unwrap(), 3);
    f.add_curry(Dynamic::from(10_i64));
    assert_eq!(f.call::<INT>(&engine, &ast, (5_i64,)).unwrap(), 15);
    assert_eq!((f.curry().len(), f[0].as_int()), (1, Ok(10)));
    f[0] = Dynamic::from(20_i64);
    for c in f.iter_curry_mut() {
        *c = Dynamic::from(c.as_int().unwrap() + 1);
    }
    assert_eq!(format!("{:?}", f.iter_curry().collect::<Vec<_>>()), "[21]");
    f.set_curry(vec![Dynamic::from(100_i64)]);
    f.extend(Some(Dynamic::ONE));
    assert_eq!(format!("{f:?}"), "Fn(\"foo\", 100, 1)");
    let as_value: Dynamic = f.clone().into();
    assert!(as_value.is_fnptr());
    assert_eq!(as_value.cast::<FnPtr>().to_string(), "Fn(foo)");
}

#[test]
fn calls_from_rust_look_functions_up_in_the_ast() {
    let engine = Engine::new();
    let script = "fn bar() { this + 1 } fn make() { |x| x * 2 } fn cl() { let k = 10; |x| x + k }";
    let ast = engine.compile(script).unwrap();
    let mut this = Dynamic::from(41_i64);
    let bar = FnPtr::new("bar").unwrap();
    assert_eq!(
        bar.call_as_method::<INT>(&engine, &ast, &mut this, ())
            .unwrap(),
        42
    );
    let made: FnPtr = engine.call_fn(&mut Scope::new(), &ast, "make", ()).unwrap();
    assert!(made.is_anonymous());
    assert_eq!(made.call::<INT>(&engine, &ast, (4_i64,)).unwrap(), 8);
    let closure: FnPtr = engine.call_fn(&mut Scope::new(), &ast, "cl", ()).unwrap();
    assert_eq!(closure.call::<INT>(&engine, &ast, (4_i64,)).unwrap(), 14);
    let elsewhere = closure
        .call::<INT>(&engine, &AST::empty(), (4_i64,))
        .unwrap_err();
    let name = closure.fn_name();
    assert_eq!(
        format!("{elsewhere}"),
        format!("Function not found: {name} (i64, i64)")
    );
}

#[test]
fn pointers_to_rust_closures() {
    let engine = Engine::new();
    let ast = AST::empty();
    let twice = FnPtr::from_fn(
        "twice",
        |_: NativeCallContext, args: &mut [&mut Dynamic]| {
            Ok(Dynamic::from(args[0].as_int().unwrap() * 2))
        },
    )
    .unwrap();
    assert!(!twice.is_anonymous());
    assert_eq!(twice.call::<INT>(&engine, &ast, (21_i64,)).unwrap(), 42);
    let thrice = FnPtr::from_dyn_fn(
        "thrice",
        Box::new(|_, args| Ok(Dynamic::from(args[0].as_int().unwrap() * 3))),
    )
    .unwrap();
    assert_eq!(thrice.call::<INT>(&engine, &ast, (7_i64,)).unwrap(), 21);
}

#[test]
fn calls_from_inside_native_functions() {
    let mut engine = Engine::new();
    engine
        .register_fn(
            "apply",
            |ctx: NativeCallContext, fp: FnPtr, x: INT| -> Res<INT> {
                fp.call_within_context(&ctx, (x,))
            },
        )
        .register_fn(
            "apply_m",
            |ctx: NativeCallContext, fp: FnPtr, mut obj: Dynamic| -> Res<Dynamic> {
                fp.call_as_method_within_context(&ctx, &mut obj, ())
            },
        )
        .register_fn(
            "apply_raw",
            |ctx: NativeCallContext, fp: FnPtr, x: INT| -> Res<Dynamic> {
                fp.call_raw(&ctx, None, [Dynamic::from(x)])
            },
        )
        .register_fn(
            "apply_dyn",
            |ctx: NativeCallContext, fp: FnPtr, x: INT| -> Res<Dynamic> {
                let mut this = Dynamic::from(x);
                #[allow(deprecated)]
                fp.call_dynamic(&ctx, Some(&mut this), vec![])
            },
        );
    let eval = |script: &str| engine.eval::<Dynamic>(script).unwrap().as_int().unwrap();
    assert_eq!(eval("fn sq(x) { x * x } apply(Fn(\"sq\"), 5)"), 25);
    assert_eq!(eval("apply(|x| x + 1, 5)"), 6);
    assert_eq!(eval("let k = 3; apply(|x| x + k, 5)"), 8);
    assert_eq!(eval("apply_m(|| this * 2, 5)"), 10);
    assert_eq!(eval("apply_raw(|x| x - 1, 5)"), 4);
    assert_eq!(eval("apply_dyn(|| this - 1, 5)"), 4);
}
