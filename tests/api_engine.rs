//! `Engine` methods as a host calls them: language options and limits (defaults and
//! setters), callbacks, the default tag, disabled symbols, type names, `compact_script`,
//! properties, indexers and iterators of custom types, and the `call_fn` family with its
//! options.

use rhai::{
    CallFnOptions, Dynamic, Engine, EvalAltResult, FnResolutionCache, ImmutableString,
    NativeCallContext, Scope, INT,
};
use std::sync::{Arc, Mutex};

type Res<T> = Result<T, Box<EvalAltResult>>;

#[derive(Clone)]
struct P {
    x: INT,
    items: Vec<INT>,
}

impl IntoIterator for P {
    type Item = INT;
    type IntoIter = std::vec::IntoIter<INT>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

#[derive(Clone)]
struct Checked(Vec<INT>);

impl IntoIterator for Checked {
    type Item = Res<INT>;
    type IntoIter = Box<dyn Iterator<Item = Res<INT>>>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(
            self.0
                .into_iter()
                .map(|x| if x < 0 { Err("bad".into()) } else { Ok(x) }),
        )
    }
}

#[test]
fn options_and_limits() {
    let mut e = Engine::new();
    let options = |e: &Engine| {
        [
            e.allow_if_expression(),
            e.allow_switch_expression(),
            e.allow_loop_expressions(),
            e.allow_statement_expression(),
            e.allow_anonymous_fn(),
            e.allow_looping(),
            e.allow_shadowing(),
            e.strict_variables(),
            e.fail_on_invalid_map_property(),
            e.fast_operators(),
        ]
    };
    assert_eq!(
        options(&e),
        [true, true, true, true, true, true, true, false, false, true]
    );
    e.set_allow_if_expression(false)
        .set_allow_switch_expression(false)
        .set_allow_loop_expressions(false)
        .set_allow_statement_expression(false)
        .set_allow_anonymous_fn(false)
        .set_allow_looping(false)
        .set_allow_shadowing(false)
        .set_strict_variables(true)
        .set_fail_on_invalid_map_property(true)
        .set_fast_operators(false);
    assert_eq!(
        options(&e),
        [false, false, false, false, false, false, false, true, true, false]
    );
    let error = |s: &str| e.eval::<Dynamic>(s).unwrap_err().to_string();
    assert_eq!(
        error("let x = 1; let x = 2;"),
        "Syntax error: Variable already defined: x (line 1, position 16)"
    );
    assert_eq!(
        error("y"),
        "Syntax error: Undefined variable: y (line 1, position 1)"
    );
    assert_eq!(
        error("let m = #{}; m.z"),
        "Property not found: z (line 1, position 16)"
    );
    let limits = |e: &Engine| {
        [
            e.max_call_levels() as u64,
            e.max_operations(),
            e.max_variables() as u64,
            e.max_functions() as u64,
            e.max_modules() as u64,
            e.max_expr_depth() as u64,
            e.max_function_expr_depth() as u64,
            e.max_string_size() as u64,
            e.max_array_size() as u64,
            e.max_map_size() as u64,
            e.max_strings_interned() as u64,
        ]
    };
    let unlimited = usize::MAX as u64;
    assert_eq!(
        limits(&e),
        [64, 0, unlimited, unlimited, unlimited, 64, 32, 0, 0, 0, 256]
    );
    e.set_max_call_levels(10)
        .set_max_operations(1000)
        .set_max_variables(5)
        .set_max_functions(3)
        .set_max_modules(2)
        .set_max_expr_depths(20, 10)
        .set_max_string_size(100)
        .set_max_array_size(10)
        .set_max_map_size(10)
        .set_max_strings_interned(7);
    assert_eq!(limits(&e), [10, 1000, 5, 3, 2, 20, 10, 100, 10, 10, 7]);
    assert!(e
        .ensure_data_size_within_limits(&Dynamic::from("abc"))
        .is_ok());
}

#[test]
fn callbacks_and_tags() {
    let log = Arc::new(Mutex::new(Vec::new()));
    let (l1, l2, l3) = (log.clone(), log.clone(), log.clone());
    let mut e = Engine::new();
    e.on_print(move |s| l1.lock().unwrap().push(format!("print {s}")));
    e.on_debug(move |s, src, pos| {
        l2.lock()
            .unwrap()
            .push(format!("debug {s} {src:?} {pos:?}"))
    });
    e.on_progress(move |ops| {
        (ops > 1000).then(|| {
            l3.lock().unwrap().push(format!("progress {ops}"));
            Dynamic::from("stop")
        })
    });
    let mut ast = e.compile("print(1); debug(\"x\"); loop {}").unwrap();
    ast.set_source("src1");
    assert_eq!(
        format!("{:?}", e.run_ast(&ast).unwrap_err()),
        "ErrorTerminated(\"stop\", 1:28)"
    );
    assert_eq!(
        *log.lock().unwrap(),
        [
            "print 1",
            "debug \"x\" Some(\"src1\") 1:11",
            "progress 1001"
        ]
    );
    let mut e = Engine::new();
    assert!(e.default_tag().is_unit());
    e.set_default_tag(42_i64);
    *e.default_tag_mut() = Dynamic::from(43_i64);
    e.register_fn("tag", |ctx: NativeCallContext| {
        ctx.tag().cloned().unwrap_or_default()
    });
    assert_eq!(e.eval::<INT>("tag()").unwrap(), 43);
}

#[test]
fn symbols_type_names_and_compacting() {
    let mut e = Engine::new();
    e.disable_symbol("if");
    assert!(e.is_symbol_disabled("if") && !e.is_symbol_disabled("while"));
    let err = e.compile("if true {}").unwrap_err().to_string();
    assert_eq!(err, "'if' is a reserved keyword (line 1, position 1)");
    e.register_type_with_name::<P>("Point")
        .register_type_with_name_raw("my::Raw", "Raw");
    let names = [
        std::any::type_name::<P>(),
        "i64",
        "alloc::string::String",
        "unknown::T",
        "my::Raw",
    ];
    assert_eq!(
        names.map(|n| e.map_type_name(n)),
        ["Point", "i64", "string", "unknown::T", "Raw"]
    );
    let compact = |s: &str| e.compact_script(s).map_err(|e| e.to_string());
    let cases = [
        ("let  x = 1 ;  // c\n /* b */ x  +  2", "let x=1;x+2"),
        (
            "fn f(a,b){a+b}  print( f( 1 , 2 ) );",
            "fn f(a,b){a+b}print(f(1,2));",
        ),
        (
            "let s = \"a  b\"; let t = `in ${ 1 + 2 } ter`;",
            "let s=\"a  b\";let t=`in ${1+2} ter`;",
        ),
        (
            "import \"m\" as m; for (x, i) in y { continue; }",
            "import\"m\"as m;for(x,i)in y{continue;}",
        ),
        (
            "let z = a - -b; let w = a + +b; let v = a < -b; ! !a",
            "let z=a- -b;let w=a+ +b;let v=a< -b;!!a",
        ),
        (
            "1_000.5 + 0b1_0 + 1. + 1e3 + 1 . abs()",
            "1000.5+0b10+1.0+1e3+1.abs()",
        ),
        ("fn f ( ) { } f() ; | | 1", "fn f( ){}f();| |1"),
        (
            "/// doc\nfn g() {} let x = #{a: 1, \"b c\": [ ]};",
            if cfg!(feature = "metadata") {
                "/// doc fn g(){}let x=#{a:1,\"b c\":[]};"
            } else {
                "fn g(){}let x=#{a:1,\"b c\":[]};"
            },
        ),
        ("   ", ""),
    ];
    for (script, compacted) in cases {
        assert_eq!(compact(script), Ok(compacted.to_string()), "{script}");
    }
    assert_eq!(
        compact("let x = 1 +"),
        Err("Script is incomplete (line 1, position 12)".into())
    );
}

#[test]
fn properties_indexers_and_iterators() {
    let mut e = Engine::new();
    e.register_type::<P>()
        .register_fn("p", |x: INT| P {
            x,
            items: vec![1, 2, 3],
        })
        .register_get("x", |p: &mut P| p.x)
        .register_set("x", |p: &mut P, v: INT| p.x = v)
        .register_get_set("y", |p: &mut P| p.x * 10, |p: &mut P, v: INT| p.x = v / 10)
        .register_indexer_get(|p: &mut P, i: INT| p.items[i as usize])
        .register_indexer_set(|p: &mut P, i: INT, v: INT| p.items[i as usize] = v)
        .register_indexer_get_set(
            |p: &mut P, s: &str| s.len() as INT + p.x,
            |p: &mut P, s: &str, v: INT| p.x = v - s.len() as INT,
        )
        .register_iterator::<P>()
        .register_iterator_result::<Checked, INT>()
        .register_fn("checked", || Checked(vec![1, 2, -1]));
    #[allow(deprecated)]
    e.register_get_result("gr", |p: &mut P| -> Res<INT> { Ok(p.x + 100) })
        .register_set_result("gr", |p: &mut P, v: INT| -> Res<()> {
            p.x = v;
            Ok(())
        })
        .register_indexer_get_result(|p: &mut P, b: bool| -> Res<INT> {
            if b {
                Ok(p.x)
            } else {
                Err("no".into())
            }
        })
        .register_indexer_set_result(|p: &mut P, _: bool, v: INT| -> Res<()> {
            p.x = v;
            Ok(())
        });
    e.register_raw_fn(
        "raw",
        [
            std::any::TypeId::of::<INT>(),
            std::any::TypeId::of::<ImmutableString>(),
        ],
        |ctx, args| {
            let n = args[0].as_int().unwrap();
            let s = args[1].clone().into_immutable_string().unwrap();
            Ok(format!("{}:{n}:{s}", ctx.fn_name()))
        },
    );
    let eval = |s: &str| {
        e.eval::<Dynamic>(s)
            .map(|v| v.to_string())
            .map_err(|e| e.to_string())
    };
    assert_eq!(
        eval("let a = p(1); a.x = 5; a.y = 70; a.x + a.y"),
        Ok("77".into())
    );
    assert_eq!(
        eval("let a = p(1); a[1] = 20; a[1] + a[\"abc\"]"),
        Ok("24".into())
    );
    assert_eq!(eval("let a = p(1); a[\"ab\"] = 10; a.x"), Ok("8".into()));
    assert_eq!(
        eval("let a = p(1); let s = 0; for i in a { s += i } s"),
        Ok("6".into())
    );
    assert_eq!(
        eval("let a = p(1); a.gr = 3; let t = true; a[t] = a.gr; a[t]"),
        Ok("103".into())
    );
    assert_eq!(
        eval("let a = p(1); let t = false; a[t]"),
        Err("Runtime error: no (line 1, position 31)".into())
    );
    assert_eq!(
        eval("let s = 0; for i in checked() { if i > 1 { break } s += i } s"),
        Ok("1".into())
    );
    assert_eq!(eval("raw(1, \"a\")"), Ok("raw:1:a".into()));
    let p_name = std::any::type_name::<P>();
    assert_eq!(e.eval::<Dynamic>("p(1)").unwrap().type_name(), p_name);
    assert_eq!(e.eval::<String>("type_of(p(1))").unwrap(), p_name);
}

#[test]
fn call_fn_options() {
    let e = Engine::new();
    let ast = e
        .compile(
            "let g = 5; fn getg() { g } fn geth() { h } fn seth() { h = 2; h } fn me() { this }",
        )
        .unwrap();
    // With the AST's statements run and the scope rewound, the function does not see them.
    for (eval_ast, rewind, getg, len) in [
        (
            true,
            true,
            Err("Variable not found: g (line 1, position 24)".to_string()),
            1,
        ),
        (true, false, Ok(5), 2),
        (
            false,
            true,
            Err("Variable not found: g (line 1, position 24)".into()),
            1,
        ),
        (
            false,
            false,
            Err("Variable not found: g (line 1, position 24)".into()),
            1,
        ),
    ] {
        let mut scope = Scope::new();
        scope.push("h", 1_i64);
        let options = || {
            let mut o = CallFnOptions::new();
            o.eval_ast = eval_ast;
            o.rewind_scope = rewind;
            o
        };
        let got = e.call_fn_with_options::<INT>(options(), &mut scope, &ast, "getg", ());
        assert_eq!((got.map_err(|e| e.to_string()), scope.len()), (getg, len));
        assert_eq!(
            e.call_fn_with_options::<INT>(options(), &mut scope, &ast, "seth", ())
                .unwrap(),
            2
        );
        assert_eq!(scope.get_value::<INT>("h"), Some(2));
    }
    let mut scope = Scope::new();
    let not_found = |r: Res<INT>| r.unwrap_err().to_string();
    assert_eq!(
        not_found(e.call_fn(&mut scope, &ast, "nope", (1_i64, "x"))),
        "Function not found: nope"
    );
    assert_eq!(
        not_found(e.call_fn(&mut scope, &ast, "abs", (-1_i64,))),
        "Function not found: abs"
    );
    let all = CallFnOptions::new().in_all_namespaces(true);
    assert_eq!(
        e.call_fn_with_options::<INT>(all, &mut scope, &ast, "abs", (-1_i64,))
            .unwrap(),
        1
    );
    let mut this = Dynamic::from(7_i64);
    let bound = CallFnOptions::new()
        .bind_this_ptr(&mut this)
        .with_tag(1_i64)
        .eval_ast(false)
        .rewind_scope(true);
    assert_eq!(
        e.call_fn_with_options::<INT>(bound, &mut scope, &ast, "me", ())
            .unwrap(),
        7
    );
    let raw = e.call_fn_raw(
        &mut scope,
        &ast,
        true,
        false,
        "getg",
        None,
        [] as [Dynamic; 0],
    );
    assert_eq!((raw.unwrap().as_int(), scope.len()), (Ok(5), 1));
    let mut this = Dynamic::from(9_i64);
    assert_eq!(
        e.call_fn_raw(&mut scope, &ast, false, true, "me", Some(&mut this), vec![])
            .unwrap()
            .as_int(),
        Ok(9)
    );
    #[allow(deprecated)]
    let dynamic = e.call_fn_dynamic(&mut scope, &ast, false, "me", Some(&mut this), &mut []);
    assert_eq!(dynamic.unwrap().as_int(), Ok(9));
    assert_eq!(
        format!("{:?}", CallFnOptions::new()),
        "CallFnOptions { this_ptr: None, tag: None, eval_ast: true, rewind_scope: true, in_all_namespaces: false }"
    );
}

#[test]
fn resolution_cache_and_constants() {
    let mut cache = FnResolutionCache::default();
    cache.clear();
    assert!(cache.dict.is_empty());
    assert_eq!(
        [
            rhai::OP_EQUALS,
            rhai::OP_CONTAINS,
            rhai::FUNC_TO_STRING,
            rhai::FUNC_TO_DEBUG
        ],
        ["==", "contains", "to_string", "to_debug"]
    );
    assert_eq!(rhai::config::hashing::get_ahash_seed(), &None);
    let raw = Engine::new_raw();
    assert_eq!(raw.eval::<INT>("1 + 2").unwrap(), 3);
    let resolved = raw
        .module_resolver()
        .resolve(&raw, None, "nope", rhai::Position::NONE);
    assert_eq!(
        resolved.map(|_| ()).unwrap_err().to_string(),
        "Module not found: nope"
    );
}

#[test]
fn results_cast_to_the_requested_type() {
    let e = Engine::new();
    let v: INT = e.eval("40 + 2").unwrap();
    let text: String = e.eval("\"s\"").unwrap();
    let chars: ImmutableString = e.eval("\"t\"").unwrap();
    let list: rhai::Array = e.eval("[1, 2]").unwrap();
    let unit: () = e.eval("()").unwrap();
    assert_eq!(
        (v, text.as_str(), chars.as_str(), list.len(), unit),
        (42, "s", "t", 2, ())
    );
    let mismatch = |err: Box<EvalAltResult>| match *err {
        EvalAltResult::ErrorMismatchOutputType(expected, actual, _) => (expected, actual),
        other => panic!("{other:?}"),
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        mismatch(e.eval::<i32>("1").unwrap_err()),
        pair("i32", "i64")
    );
    assert_eq!(
        mismatch(e.eval::<String>("1").unwrap_err()),
        pair("string", "i64")
    );
    assert_eq!(
        mismatch(e.eval::<&str>("\"x\"").unwrap_err()),
        pair("&str", "string")
    );
    assert_eq!(
        mismatch(e.eval::<bool>("1..=2").unwrap_err()),
        pair("bool", "range=")
    );
}

#[test]
fn eval_run_compile_and_files() {
    let e = Engine::new();
    let mut scope = Scope::new();
    scope.push("x", 42_i64).push_constant("C", true);
    let r: INT = e.eval_with_scope(&mut scope, "x += 1; x").unwrap();
    assert_eq!((r, scope.get_value::<INT>("x")), (43, Some(43)));
    assert_eq!(e.eval_expression::<f64>("1.5 * 2.0").unwrap(), 3.0);
    assert_eq!(
        e.eval_expression_with_scope::<INT>(&mut scope, "x * 2")
            .unwrap(),
        86
    );
    assert!(e.eval_expression::<INT>("let a = 1; a").is_err());
    let ast = e.compile("fn f(a) { a + 1 } let z = 5; f(z)").unwrap();
    assert_eq!(e.eval_ast::<INT>(&ast).unwrap(), 6);
    assert_eq!(e.eval_ast_with_scope::<INT>(&mut scope, &ast).unwrap(), 6);
    assert_eq!(scope.len(), 3);
    assert_eq!(e.eval_binary_op::<INT>("+", 1_i64, 2_i64).unwrap(), 3);
    assert!(e.eval_binary_op::<bool>("==", "a", "a").unwrap());
    assert_eq!(e.eval_binary_op::<String>("+", "a", 'b').unwrap(), "ab");
    assert_eq!(e.eval_fn_call::<INT>("abs", None, (-5_i64,)).unwrap(), 5);
    let mut this = Dynamic::from(vec![Dynamic::ONE, Dynamic::TWO]);
    assert_eq!(
        e.eval_fn_call::<INT>("len", Some(&mut this), ()).unwrap(),
        2
    );
    e.run_with_scope(&mut scope, "x = 100;").unwrap();
    assert_eq!(scope.get_value::<INT>("x"), Some(100));
    e.run_ast_with_scope(&mut scope, &ast).unwrap();
    let with_scope = e.compile_with_scope(&scope, "x + 1").unwrap();
    assert_eq!(
        e.eval_ast_with_scope::<INT>(&mut scope, &with_scope)
            .unwrap(),
        101
    );
    assert!(!e
        .compile_into_self_contained(&scope, "x")
        .unwrap()
        .has_functions());
    let parts = e
        .compile_scripts_with_scope(&scope, ["let q = 1;", "q + 1"])
        .unwrap();
    assert_eq!(e.eval_ast::<INT>(&parts).unwrap(), 2);
    let owned = [String::from("1"), String::from("+ 2")];
    assert_eq!(
        e.eval_ast::<INT>(&e.compile_scripts_with_scope(&scope, &owned).unwrap())
            .unwrap(),
        3
    );
    let expr = e.compile_expression_with_scope(&scope, "x").unwrap();
    assert_eq!(
        e.eval_ast_with_scope::<INT>(&mut scope, &expr).unwrap(),
        100
    );
    let json = e
        .parse_json(r#"{"a": 1, "b": [true, null], "c": {"d": "x"}}"#, true)
        .unwrap();
    assert_eq!(
        format!("{json:?}"),
        r#"{"a": 1, "b": [true, ()], "c": #{"d": "x"}}"#
    );
    let dir = std::env::temp_dir().join(format!("rhai-api-engine-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("main.rhai");
    std::fs::write(&file, "let v = 40; v + 2").unwrap();
    let from_file = e.compile_file(file.clone()).unwrap();
    assert_eq!(from_file.source(), file.to_str());
    assert_eq!(
        e.eval_ast::<INT>(&e.compile_file_with_scope(&scope, file.clone()).unwrap())
            .unwrap(),
        42
    );
    assert_eq!(e.eval_file::<INT>(file.clone()).unwrap(), 42);
    assert_eq!(
        e.eval_file_with_scope::<INT>(&mut scope, file.clone())
            .unwrap(),
        42
    );
    e.run_file(file.clone()).unwrap();
    e.run_file_with_scope(&mut scope, file.clone()).unwrap();
    assert_eq!(rhai::eval_file::<INT>(&file).unwrap(), 42);
    rhai::run_file(&file).unwrap();
    let missing = e.eval_file::<INT>(dir.join("nope.rhai")).unwrap_err();
    let expected = format!(
        "Cannot open script file '{}': No such file or directory (os error 2)",
        dir.join("nope.rhai").display()
    );
    assert_eq!(missing.to_string(), expected);
    assert_eq!(rhai::eval::<INT>("1 + 2").unwrap(), 3);
    rhai::run("let x = 1;").unwrap();
    #[allow(deprecated)]
    {
        e.consume("1").unwrap();
        e.consume_with_scope(&mut scope, "1").unwrap();
        e.consume_ast(&ast).unwrap();
        e.consume_ast_with_scope(&mut scope, &ast).unwrap();
        e.consume_file(file.clone()).unwrap();
        e.consume_file_with_scope(&mut scope, file).unwrap();
    }
    assert_eq!(e.get_interned_string("abc"), "abc");
    assert!(e.const_empty_string().is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}
