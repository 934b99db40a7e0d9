//! Registering Rust functions (book: "Register a Rust Function", "Fallible Functions",
//! "NativeCallContext", "Dynamic Parameters", "Override a Built-in Function").

mod common;
use common::outcome;
use rhai::{Dynamic, Engine, EvalAltResult, ImmutableString, NativeCallContext, INT};

fn add(x: INT, y: INT) -> INT {
    x + y
}

#[test]
fn plain_functions_and_closures() {
    let mut engine = Engine::new();
    engine.register_fn("add", add);
    engine.register_fn("zero", || 0 as INT);
    engine.register_fn("sum3", |a: INT, b: INT, c: INT| a + b + c);
    engine.register_fn("greet", |name: &str| format!("hello, {name}"));
    engine.register_fn("shout", |s: String| s.to_uppercase());
    engine.register_fn("len2", |s: ImmutableString| s.len() as INT);
    engine.register_fn("half", |x: f64| x / 2.0);
    engine.register_fn(
        "many",
        |a: INT,
         b: INT,
         c: INT,
         d: INT,
         e: INT,
         f: INT,
         g: INT,
         h: INT,
         i: INT,
         j: INT,
         k: INT,
         l: INT,
         m: INT,
         n: INT,
         o: INT,
         p: INT| { a + b + c + d + e + f + g + h + i + j + k + l + m + n + o + p },
    );
    assert_eq!(engine.eval::<INT>("add(40, 2)").unwrap(), 42);
    assert_eq!(engine.eval::<INT>("zero()").unwrap(), 0);
    assert_eq!(engine.eval::<INT>("sum3(1, 2, 3)").unwrap(), 6);
    assert_eq!(
        engine.eval::<String>("greet(\"bob\")").unwrap(),
        "hello, bob"
    );
    assert_eq!(
        engine.eval::<String>("\"bob\".greet()").unwrap(),
        "hello, bob"
    );
    assert_eq!(engine.eval::<String>("shout(\"abc\")").unwrap(), "ABC");
    assert_eq!(engine.eval::<INT>("len2(\"abcd\")").unwrap(), 4);
    assert_eq!(engine.eval::<f64>("half(3.0)").unwrap(), 1.5);
    assert_eq!(
        engine
            .eval::<INT>("many(1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1)")
            .unwrap(),
        16
    );
    let err = engine.eval::<INT>("add(1, \"x\")").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorFunctionNotFound(ref s, _) if s == "add (i64, &str | ImmutableString | String)"),
        "{err:?}"
    );
}

#[test]
fn methods_mutate_their_first_argument() {
    let mut engine = Engine::new();
    engine.register_fn("bump", |x: &mut INT, by: INT| *x += by);
    assert_eq!(engine.eval::<INT>("let v = 1; v.bump(2); v").unwrap(), 3);
    assert_eq!(engine.eval::<INT>("let v = 1; bump(v, 5); v").unwrap(), 6);
    assert_eq!(engine.eval::<INT>("const V = 1; bump(V, 5); V").unwrap(), 1);
    assert_eq!(
        engine
            .eval::<INT>("let a = [1]; a[0].bump(9); a[0]")
            .unwrap(),
        10
    );
    assert_eq!(
        engine
            .eval::<INT>("let v = 1; let f = || v; v.bump(1); v")
            .unwrap(),
        2
    );
}

#[test]
fn fallible_and_context_functions() {
    let mut engine = Engine::new();
    engine.register_fn(
        "checked_div",
        |x: INT, y: INT| -> Result<INT, Box<EvalAltResult>> {
            if y == 0 {
                Err("division by zero!".into())
            } else {
                Ok(x / y)
            }
        },
    );
    engine.register_fn("who", |ctx: NativeCallContext| ctx.fn_name().to_string());
    engine.register_fn("at", |ctx: NativeCallContext, x: INT| {
        format!("{x}@{:?}", ctx.position())
    });
    assert_eq!(engine.eval::<INT>("checked_div(10, 2)").unwrap(), 5);
    let err = engine.eval::<INT>("checked_div(1, 0)").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorRuntime(ref v, pos) if v.to_string() == "division by zero!" && pos.line() == Some(1)),
        "{err:?}"
    );
    assert_eq!(engine.eval::<String>("who()").unwrap(), "who");
    assert_eq!(engine.eval::<String>("at(7)").unwrap(), "7@1:1");
}

#[test]
fn dynamic_parameters_and_overloads() {
    let mut engine = Engine::new();
    engine.register_fn("kind", |_: Dynamic| "any");
    engine.register_fn("kind", |_: INT| "int");
    engine.register_fn("kind", |_: INT, _: Dynamic| "int+any");
    assert_eq!(engine.eval::<String>("kind(1)").unwrap(), "int");
    assert_eq!(engine.eval::<String>("kind(\"s\")").unwrap(), "any");
    assert_eq!(engine.eval::<String>("kind(1, [])").unwrap(), "int+any");
    engine.register_fn("echo", |x: Dynamic| x);
    assert_eq!(outcome(&engine, "echo([1, 2])"), "[1, 2]");
}

#[test]
fn overriding_built_in_operators() {
    let mut engine = Engine::new();
    engine.register_fn("+", |x: INT, y: INT| x * y);
    assert_eq!(engine.eval::<INT>("2 + 3").unwrap(), 5);
    engine.set_fast_operators(false);
    assert_eq!(engine.eval::<INT>("2 + 3").unwrap(), 6);
    engine.register_fn("len", |_: &mut rhai::Array| 99 as INT);
    assert_eq!(engine.eval::<INT>("[1].len()").unwrap(), 99);
}

#[test]
fn dynamic_parameters_are_tried_right_to_left() {
    let mut engine = Engine::new();
    engine.register_fn("foo", |_: INT, _: &str, _: Dynamic| "right-most dynamic");
    engine.register_fn("foo", |_: Dynamic, _: &str, _: bool| "left-most dynamic");
    assert_eq!(
        engine.eval::<String>("foo(42, \"hello\", true)").unwrap(),
        "right-most dynamic"
    );
}

#[test]
fn internal_functions_of_static_modules_need_their_namespace() {
    let mut module = rhai::Module::new();
    module.set_native_fn("hidden", || Ok(1 as INT));
    let mut engine = Engine::new();
    engine.register_static_module("m", module.into());
    assert_eq!(engine.eval::<INT>("m::hidden()").unwrap(), 1);
    assert!(engine.eval::<INT>("hidden()").is_err());
}

#[test]
fn func_registration_into_modules_and_engines() {
    use rhai::{FnNamespace, FuncRegistration, Module};
    let mut module = Module::new();
    FuncRegistration::new("inc")
        .with_params_info(["x: i64", "i64"])
        .set_into_module(&mut module, |x: INT| x + 1);
    module.set_var("MYSTIC_NUMBER", 41 as INT);
    let mut engine = Engine::new();
    engine.register_global_module(module.into());
    assert_eq!(engine.eval::<INT>("inc(MYSTIC_NUMBER)").unwrap(), 42);

    let mut module = Module::new();
    FuncRegistration::new("dec")
        .with_namespace(FnNamespace::Global)
        .set_into_module(&mut module, |x: INT| x - 1);
    let mut engine = Engine::new();
    engine.register_static_module("m", module.into());
    assert_eq!(engine.eval::<INT>("m::dec(1) + dec(1)").unwrap(), 0);

    let mut engine = Engine::new();
    FuncRegistration::new("twice").register_into_engine(&mut engine, |x: INT| x * 2);
    assert_eq!(engine.eval::<INT>("twice(21)").unwrap(), 42);
}
