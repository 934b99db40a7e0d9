//! Calling scripts from Rust (book: "Call Rhai Functions from Rust", "Create a Rust Closure
//! from a Rhai Function", "Function Pointers"): `Func`, `FnPtr::call*`, `NativeCallContext`.

use rhai::{Dynamic, Engine, EvalAltResult, FnPtr, Func, NativeCallContext, INT};

#[test]
fn closures_from_script_functions() {
    let engine = Engine::new();
    let add = Func::<(INT, INT), INT>::create_from_script(engine, "fn add(x, y) { x + y }", "add")
        .unwrap();
    assert_eq!(add(40, 2).unwrap(), 42);
    let engine = Engine::new();
    let ast = engine.compile("fn greet(name) { `hi ${name}` }").unwrap();
    let greet = Func::<(String,), String>::create_from_ast(engine, ast, "greet");
    assert_eq!(greet("bob".into()).unwrap(), "hi bob");
}

#[test]
fn function_pointers_from_rust() {
    let engine = Engine::new();
    let ast = engine
        .compile("fn inc(x) { x + 1 } fn bump() { this += 10; } Fn(\"inc\")")
        .unwrap();
    let ptr: FnPtr = engine.eval_ast(&ast).unwrap();
    assert_eq!(ptr.call::<INT>(&engine, &ast, (41 as INT,)).unwrap(), 42);
    let curried = {
        let mut p = FnPtr::new("inc").unwrap();
        p.add_curry(Dynamic::from(1 as INT));
        p
    };
    assert_eq!(curried.call::<INT>(&engine, &ast, ()).unwrap(), 2);
    let mut value = Dynamic::from(5 as INT);
    FnPtr::new("bump")
        .unwrap()
        .call_as_method::<()>(&engine, &ast, &mut value, ())
        .unwrap();
    assert_eq!(value.as_int(), Ok(15));
    assert!(FnPtr::new("not a name").is_err());
}

#[test]
fn native_functions_call_back_into_scripts() {
    let mut engine = Engine::new();
    engine.register_fn(
        "apply",
        |ctx: NativeCallContext, f: FnPtr, x: INT| -> Result<INT, Box<EvalAltResult>> {
            f.call_within_context(&ctx, (x,))
        },
    );
    engine.register_fn(
        "twice",
        |ctx: NativeCallContext, name: &str, x: INT| -> Result<INT, Box<EvalAltResult>> {
            let once: INT = ctx.call_fn(name, (x,))?;
            ctx.call_fn(name, (once,))
        },
    );
    assert_eq!(engine.eval::<INT>("apply(|x| x * 3, 7)").unwrap(), 21);
    assert_eq!(
        engine
            .eval::<INT>("fn sq(x) { x * x } twice(\"sq\", 3)")
            .unwrap(),
        81
    );
    assert_eq!(
        engine
            .eval::<INT>("let k = 5; apply(|x| x + k, 1)")
            .unwrap(),
        6
    );
}
