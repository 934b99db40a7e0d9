//! The Engine API (book: "Using the Engine", "Engine Configuration Options"): evaluation
//! entry points, scopes, `call_fn`, `AST` handling, callbacks, options and limits.

mod common;
use common::{engine, outcome};
use rhai::{CallFnOptions, Dynamic, Engine, EvalAltResult, ParseErrorType, Position, Scope, INT};
use std::sync::{Arc, Mutex};

#[test]
fn eval_returns_typed_results() {
    let engine = engine();
    assert_eq!(engine.eval::<INT>("40 + 2").unwrap(), 42);
    assert_eq!(engine.eval::<String>("\"a\" + \"b\"").unwrap(), "ab");
    assert!(engine.eval::<bool>("1 < 2").unwrap());
    assert_eq!(engine.eval::<f64>("1.5 * 2").unwrap(), 3.0);
    assert_eq!(engine.eval::<char>("'x'").unwrap(), 'x');
    engine.eval::<()>("let x = 1;").unwrap();
    assert!(engine.eval::<Dynamic>("[1, 2]").unwrap().is_array());
    let err = engine.eval::<INT>("\"not a number\"").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorMismatchOutputType(ref e, ref a, _) if e == "i64" && a == "string"),
        "{err:?}"
    );
    engine.run("let x = 1 + 1;").unwrap();
    assert_eq!(rhai::eval::<INT>("1 + 1").unwrap(), 2);
}

#[test]
fn scope_persists_variables_between_runs() {
    let engine = engine();
    let mut scope = Scope::new();
    scope.push("x", 40 as INT);
    scope.push_constant("K", 2 as INT);
    assert_eq!(
        engine.eval_with_scope::<INT>(&mut scope, "x + K").unwrap(),
        42
    );
    engine
        .run_with_scope(&mut scope, "let y = x * 2; x = 1;")
        .unwrap();
    assert_eq!(scope.get_value::<INT>("y"), Some(80));
    assert_eq!(scope.get_value::<INT>("x"), Some(1));
    assert_eq!(
        engine.eval_with_scope::<INT>(&mut scope, "y + x").unwrap(),
        81
    );
    let err = engine.run_with_scope(&mut scope, "K = 5;").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorAssignmentToConstant(..)),
        "{err:?}"
    );
    engine.run_with_scope(&mut scope, "let y = 0;").unwrap();
    assert_eq!(scope.get_value::<INT>("y"), Some(0));
    assert_eq!(scope.len(), 4);
}

#[test]
fn compile_once_run_many_times() {
    let engine = engine();
    let ast = engine
        .compile("fn sq(x) { x * x } let n = 7; sq(n)")
        .unwrap();
    for _ in 0..3 {
        assert_eq!(engine.eval_ast::<INT>(&ast).unwrap(), 49);
    }
    let mut scope = Scope::new();
    engine.run_ast_with_scope(&mut scope, &ast).unwrap();
    assert_eq!(scope.get_value::<INT>("n"), Some(7));
    assert_eq!(
        engine.eval_ast_with_scope::<INT>(&mut scope, &ast).unwrap(),
        49
    );
}

#[test]
fn expressions_only() {
    let engine = engine();
    assert_eq!(engine.eval_expression::<INT>("1 + 2 * 3").unwrap(), 7);
    assert_eq!(
        engine
            .eval_expression::<INT>("if true { 1 } else { 2 }")
            .unwrap(),
        1
    );
    let mut scope = Scope::new();
    scope.push("x", 5 as INT);
    assert_eq!(
        engine
            .eval_expression_with_scope::<INT>(&mut scope, "x * 2")
            .unwrap(),
        10
    );
    for bad in ["let x = 1", "x = 1", "1; 2", "while true {}", "|x| x"] {
        assert!(engine.compile_expression(bad).is_err(), "{bad}");
    }
}

#[test]
fn call_fn_calls_script_functions() {
    let engine = engine();
    let ast = engine
        .compile(
            "let base = 100; fn add(x, y) { x + y } fn with_base(x) { base + x } fn hello() { 42 }",
        )
        .unwrap();
    let mut scope = Scope::new();
    assert_eq!(
        engine
            .call_fn::<INT>(&mut scope, &ast, "add", (1 as INT, 2 as INT))
            .unwrap(),
        3
    );
    assert_eq!(
        engine
            .call_fn::<INT>(&mut scope, &ast, "hello", ())
            .unwrap(),
        42
    );
    assert_eq!(scope.len(), 0);
    // The statements' variables are rewound before the call: the function does not see them.
    let err = engine
        .call_fn::<INT>(&mut scope, &ast, "with_base", (1 as INT,))
        .unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorVariableNotFound(ref s, _) if s == "base"),
        "{err:?}"
    );
    let keep = rhai::CallFnOptions::new().rewind_scope(false);
    assert_eq!(
        engine
            .call_fn_with_options::<INT>(keep, &mut scope, &ast, "with_base", (1 as INT,))
            .unwrap(),
        101
    );
    scope.clear();
    let err = engine
        .call_fn::<INT>(&mut scope, &ast, "nope", ())
        .unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorFunctionNotFound(ref s, _) if s.starts_with("nope")),
        "{err:?}"
    );
    let err = engine
        .call_fn::<INT>(&mut scope, &ast, "add", (1 as INT,))
        .unwrap_err();
    assert!(matches!(*err, EvalAltResult::ErrorFunctionNotFound(..)));

    let options = CallFnOptions::new().eval_ast(false).rewind_scope(false);
    let err =
        engine.call_fn_with_options::<INT>(options, &mut scope, &ast, "with_base", (1 as INT,));
    assert!(err.is_err());
    let options = CallFnOptions::new().rewind_scope(false);
    engine
        .call_fn_with_options::<INT>(options, &mut scope, &ast, "hello", ())
        .unwrap();
    assert_eq!(scope.get_value::<INT>("base"), Some(100));
}

#[test]
fn call_fn_can_bind_this() {
    let engine = engine();
    let ast = engine.compile("fn bump(n) { this += n; this }").unwrap();
    let mut this = Dynamic::from(10 as INT);
    let options = CallFnOptions::new().bind_this_ptr(&mut this);
    let r = engine
        .call_fn_with_options::<INT>(options, &mut Scope::new(), &ast, "bump", (5 as INT,))
        .unwrap();
    assert_eq!(r, 15);
    assert_eq!(this.as_int().unwrap(), 15);
}

#[test]
fn ast_functions_merge_and_clear() {
    let engine = engine();
    let a = engine
        .compile("fn f() { 1 } fn g(x) { x } let v = 1;")
        .unwrap();
    let b = engine.compile("fn f() { 2 } v + 10").unwrap();
    let names: Vec<String> = a
        .iter_functions()
        .map(|f| format!("{}/{}", f.name, f.params.len()))
        .collect();
    assert_eq!(names.len(), 2);
    let merged = a.merge(&b);
    assert_eq!(engine.eval_ast::<INT>(&merged).unwrap(), 11);
    assert_eq!(
        engine
            .eval_ast::<INT>(
                &merged
                    .clone_functions_only()
                    .merge(&engine.compile("f()").unwrap())
            )
            .unwrap(),
        2
    );
    let mut c = a.clone();
    c.combine(engine.compile("f() + g(5) + v").unwrap());
    assert_eq!(engine.eval_ast::<INT>(&c).unwrap(), 7);
    c.clear_functions();
    assert!(!c.has_functions());
    c.clear_statements();
    assert_eq!(engine.eval_ast::<Dynamic>(&c).unwrap().type_name(), "()");
    let mut s = engine.compile("1").unwrap();
    s.set_source("my-script");
    assert_eq!(s.source(), Some("my-script"));
}

#[test]
fn print_and_debug_go_to_callbacks() {
    let mut engine = Engine::new();
    let log = Arc::new(Mutex::new(Vec::<String>::new()));
    let (p, d) = (log.clone(), log.clone());
    engine.on_print(move |s| p.lock().unwrap().push(format!("print:{s}")));
    engine
        .on_debug(move |s, src, pos| d.lock().unwrap().push(format!("debug:{s}:{src:?}:{pos:?}")));
    engine
        .run("print(\"hello\"); print(42); debug(\"x\"); print([1, \"a\"]); debug('c');")
        .unwrap();
    assert_eq!(
        *log.lock().unwrap(),
        vec![
            "print:hello",
            "print:42",
            "debug:\"x\":None:1:28",
            "print:[1, \"a\"]",
            "debug:c:None:1:57",
        ]
    );
}

#[test]
fn raw_engine_has_operators_but_no_library() {
    let engine = Engine::new_raw();
    assert_eq!(engine.eval::<INT>("1 + 2").unwrap(), 3);
    assert_eq!(engine.eval::<String>("type_of(1)").unwrap(), "i64");
    let err = engine.eval::<INT>("[1].len()").unwrap_err();
    assert!(matches!(*err, EvalAltResult::ErrorFunctionNotFound(..)));
}

#[test]
fn language_options_restrict_parsing() {
    let mut engine = engine();
    engine.set_allow_if_expression(false);
    assert!(engine.compile("let x = if true { 1 } else { 2 };").is_err());
    assert!(engine.compile("if true { 1 } else { 2 }").is_ok());
    let mut engine = Engine::new();
    engine.set_allow_looping(false);
    assert!(engine.compile("while true {}").is_err());
    assert!(engine.compile("for x in [] {}").is_err());
    let mut engine = Engine::new();
    engine.set_allow_anonymous_fn(false);
    assert!(engine.compile("let f = |x| x;").is_err());
    let mut engine = Engine::new();
    engine.set_allow_shadowing(false);
    let err = engine.compile("let x = 1; let x = 2;").unwrap_err();
    assert!(matches!(*err.0, ParseErrorType::VariableExists(..)));
    let mut engine = Engine::new();
    engine.set_allow_statement_expression(false);
    assert!(engine.compile("let x = { 1 };").is_err());
    let mut engine = Engine::new();
    engine.set_allow_switch_expression(false);
    assert!(engine.compile("let x = switch 1 { _ => 1 };").is_err());
    let mut engine = Engine::new();
    engine.set_allow_loop_expressions(false);
    assert!(engine.compile("let x = loop { break 1; };").is_err());
}

#[test]
fn strict_variables_mode() {
    let mut engine = engine();
    engine.set_strict_variables(true);
    let err = engine.compile("x + 1").unwrap_err();
    assert!(matches!(*err.0, ParseErrorType::VariableUndefined(ref s) if s == "x"));
    assert!(engine.compile("let x = 1; x + 1").is_ok());
    let mut scope = Scope::new();
    scope.push("x", 1 as INT);
    assert!(engine.compile_with_scope(&scope, "x + 1").is_ok());
    assert_eq!(
        engine.eval_with_scope::<INT>(&mut scope, "x + 1").unwrap(),
        2
    );
}

#[test]
fn fail_on_invalid_map_property() {
    let mut engine = engine();
    assert_eq!(outcome(&engine, "#{a: 1}.b"), "()");
    engine.set_fail_on_invalid_map_property(true);
    assert_eq!(outcome(&engine, "#{a: 1}.b"), "!ErrorPropertyNotFound");
}

#[test]
fn limits() {
    let mut engine = engine();
    engine.set_max_operations(1000);
    assert_eq!(
        outcome(&engine, "let x = 0; loop { x += 1; }"),
        "!ErrorTooManyOperations"
    );
    assert_eq!(
        outcome(&engine, "let x = 0; for i in 0..10 { x += i; } x"),
        "45"
    );
    let mut engine = Engine::new();
    engine.set_max_call_levels(10);
    assert_eq!(
        outcome(
            &engine,
            "fn f(n) { if n == 0 { 0 } else { f(n - 1) } } f(5)"
        ),
        "0"
    );
    assert_eq!(
        outcome(
            &engine,
            "fn f(n) { if n == 0 { 0 } else { f(n - 1) } } f(50)"
        ),
        "!ErrorStackOverflow"
    );
    let mut engine = Engine::new();
    engine.set_max_string_size(10);
    assert_eq!(
        outcome(&engine, "let s = \"12345\"; s + s + s"),
        "!ErrorDataTooLarge"
    );
    assert_eq!(outcome(&engine, "\"12345678901\""), "!!LiteralTooLarge");
    let mut engine = Engine::new();
    engine.set_max_array_size(3);
    assert_eq!(
        outcome(&engine, "let a = [1, 2]; a.push(3); a.push(4); a"),
        "!ErrorDataTooLarge"
    );
    // A literal must stay below the limit: the check runs before the closing `]` too.
    assert_eq!(outcome(&engine, "[1, 2]"), "[1, 2]");
    assert_eq!(outcome(&engine, "[1, 2, 3]"), "!!LiteralTooLarge");
    let mut engine = Engine::new();
    engine.set_max_map_size(1);
    assert_eq!(
        outcome(&engine, "let m = #{a: 1}; m.b = 2;"),
        "!ErrorDataTooLarge"
    );
    let mut engine = Engine::new();
    engine.set_max_expr_depths(5, 5);
    assert_eq!(outcome(&engine, "((((((((1))))))))"), "!!ExprTooDeep");
    let mut engine = Engine::new();
    engine.set_max_functions(1);
    assert_eq!(
        outcome(&engine, "fn a() {} fn b() {}"),
        "!!TooManyFunctions"
    );
    let mut engine = Engine::new();
    engine.set_max_variables(2);
    assert_eq!(
        outcome(&engine, "let a = 1; let b = 2; let c = 3;"),
        "!ErrorTooManyVariables"
    );
}

#[test]
fn progress_callback_can_terminate() {
    let mut engine = engine();
    engine.on_progress(|ops| {
        if ops > 100 {
            Some(Dynamic::from("stop"))
        } else {
            None
        }
    });
    let err = engine.run("loop {}").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorTerminated(ref t, _) if t.clone().into_string().unwrap() == "stop")
    );
}

#[test]
fn errors_carry_positions_and_messages() {
    let engine = engine();
    let err = engine
        .eval::<INT>("let x = 1;\nlet y = x +\n  z;")
        .unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorVariableNotFound(ref n, p) if n == "z" && p == Position::new(3, 3)),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "Variable not found: z (line 3, position 3)"
    );
    let err = engine.compile("let x = ;").unwrap_err();
    assert_eq!(err.position(), Position::new(1, 9));
    let err = engine.eval::<INT>("1 +\n 2 / 0").unwrap_err();
    assert_eq!(err.position(), Position::new(2, 4));
    let err = engine.eval::<Dynamic>("throw \"boom\"").unwrap_err();
    assert_eq!(err.to_string(), "Runtime error: boom (line 1, position 1)");
    // Errors in text run by `eval` come wrapped as a call of `eval`, placed at its argument;
    // the inner error keeps its place in that text.
    let err = engine
        .eval::<Dynamic>(
            "let x = 1;
let y = eval(\"let a = 1;\\nlet b = a / 0;\");",
        )
        .unwrap_err();
    match *err {
        EvalAltResult::ErrorInFunctionCall(ref name, _, ref inner, pos) => {
            assert_eq!(name, "eval");
            assert_eq!(pos, Position::new(2, 14));
            assert!(
                matches!(**inner, EvalAltResult::ErrorArithmetic(_, p) if p == Position::new(2, 11)),
                "{inner:?}"
            );
        }
        ref other => panic!("{other:?}"),
    }
    let err = engine.eval::<Dynamic>("eval(\"1 +\")").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorInFunctionCall(ref n, _, ref inner, p)
            if n == "eval" && p == Position::new(1, 6) && matches!(**inner, EvalAltResult::ErrorParsing(..))),
        "{err:?}"
    );
    // Still caught by `try`: the catch gets the inner error.
    assert_eq!(
        engine
            .eval::<INT>("let r = 0; try { eval(\"throw 5\") } catch (e) { r = e; } r")
            .unwrap(),
        5
    );
}

#[test]
fn custom_operators() {
    let mut engine = Engine::new();
    engine
        .register_custom_operator("#", 160)
        .unwrap()
        .register_fn("#", |x: INT, y: INT| (x * y) - (x + y));
    assert_eq!(
        engine
            .eval_expression::<INT>("1 + 2 * 3 # 4 - 5 / 6")
            .unwrap(),
        15
    );
    engine
        .register_custom_operator("foo", 160)
        .unwrap()
        .register_fn("foo", |x: INT, y: INT| x * 10 + y);
    assert_eq!(engine.eval::<INT>("1 foo 2").unwrap(), 12);
    assert!(engine.register_custom_operator("+", 10).is_err());
    assert!(engine.register_custom_operator("bar", 0).is_err());
}

#[test]
fn disabled_symbols() {
    let mut engine = Engine::new();
    engine.disable_symbol("while").disable_symbol("+=");
    assert!(engine.compile("while true {}").is_err());
    assert!(engine.compile("let x = 1; x += 1;").is_err());
    assert!(engine.compile("let x = 1; x = x + 1;").is_ok());
}

#[test]
fn dynamic_conversions() {
    let d: Dynamic = (42 as INT).into();
    assert_eq!(d.as_int(), Ok(42));
    let d: Dynamic = "hi".into();
    assert!(d.is_string());
    let d: Dynamic = vec![1 as INT, 2, 3].into();
    assert_eq!(format!("{d:?}"), "[1, 2, 3]");
    let mut m = std::collections::HashMap::new();
    m.insert("a", 1 as INT);
    let d: Dynamic = m.into();
    assert_eq!(format!("{d:?}"), "#{\"a\": 1}");
    let d: Dynamic = (1..3 as INT).into();
    assert_eq!(d.type_name(), "core::ops::range::Range<i64>");
    let d: Dynamic = [true, false].iter().copied().collect();
    assert_eq!(format!("{d:?}"), "[true, false]");
    assert_eq!(d.into_typed_array::<bool>(), Ok(vec![true, false]));
}

#[test]
fn combined_asts_keep_their_variables_apart() {
    let engine = Engine::new();
    let mut a = engine.compile("let v = 1;").unwrap();
    a += engine.compile("let w = 10; w + v").unwrap();
    assert_eq!(engine.eval_ast::<INT>(&a).unwrap(), 11);
}

#[cfg(feature = "sync")]
#[test]
fn engine_ast_and_values_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Engine>();
    assert_send_sync::<rhai::AST>();
    assert_send_sync::<Dynamic>();
    assert_send_sync::<Scope>();
}

#[test]
fn strict_mode_rejects_undefined_modules() {
    let mut engine = Engine::new();
    engine.set_strict_variables(true);
    let err = engine.compile("nope::f()").unwrap_err();
    assert!(
        matches!(*err.0, ParseErrorType::ModuleUndefined(ref m) if m == "nope"),
        "{err:?}"
    );
    assert!(engine.compile("import \"x\" as m; m::f()").is_ok());
}

#[test]
fn direct_operator_and_function_calls() {
    let mut engine = Engine::new();
    assert_eq!(
        engine
            .eval_binary_op::<INT>("+", 40 as INT, 2 as INT)
            .unwrap(),
        42
    );
    assert!(engine.eval_binary_op::<bool>("<", 1 as INT, 2.5).unwrap());
    engine.register_fn("twice", |x: INT| x * 2);
    assert_eq!(
        engine
            .eval_fn_call::<INT>("twice", None, (21 as INT,))
            .unwrap(),
        42
    );
    let mut v = Dynamic::from(rhai::Array::new());
    engine
        .eval_fn_call::<()>("push", Some(&mut v), (1 as INT,))
        .unwrap();
    assert_eq!(v.as_array_ref().unwrap().len(), 1);
    let sigs = engine.gen_fn_signatures(false);
    assert!(sigs.iter().any(|s| s.starts_with("twice(")), "{sigs:?}");
    engine.set_max_array_size(2);
    let big: Dynamic = vec![1 as INT, 2, 3].into();
    assert!(engine.ensure_data_size_within_limits(&big).is_err());
    engine.consume("let x = 1;").unwrap();
}

#[test]
fn operator_and_function_name_constants() {
    assert_eq!(
        [
            rhai::OP_EQUALS,
            rhai::OP_CONTAINS,
            rhai::FUNC_TO_STRING,
            rhai::FUNC_TO_DEBUG
        ],
        ["==", "contains", "to_string", "to_debug"]
    );
    // `in` calls the function the constant names.
    let mut engine = rhai::Engine::new();
    engine.register_fn(rhai::OP_CONTAINS, |_: &mut rhai::INT, _: rhai::INT| true);
    assert!(engine.eval::<bool>("1 in 5").unwrap());
}
