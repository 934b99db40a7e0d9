//! Modules (book: "Modules"): `import`/`export`, namespaces, resolvers, errors in modules.

use rhai::module_resolvers::{FileModuleResolver, StaticModuleResolver};
use rhai::{Engine, EvalAltResult, Module, Scope, INT};
use std::path::PathBuf;

/// A fresh temporary folder for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rhai-modules-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn import_script_files() {
    let dir = temp_dir("files");
    std::fs::write(
        dir.join("util.rhai"),
        "export const ANSWER = 42;\nlet hidden = 1;\nfn double(x) { helper(x) * 2 }\nfn helper(x) { x }\nprivate fn secret() { 0 }\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(
        dir.join("sub/inner.rhai"),
        "import \"util\" as u;\nexport let v = u::ANSWER + 1;\n",
    )
    .unwrap();
    let mut engine = Engine::new();
    engine.set_module_resolver(FileModuleResolver::new_with_path(&dir));
    assert_eq!(
        engine
            .eval::<INT>("import \"util\" as u; u::double(u::ANSWER)")
            .unwrap(),
        84
    );
    let err = engine
        .eval::<INT>("import \"util\" as u; u::hidden")
        .unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorVariableNotFound(..)),
        "{err:?}"
    );
    let err = engine
        .eval::<INT>("import \"util\" as u; u::secret()")
        .unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorFunctionNotFound(..)),
        "{err:?}"
    );
    let err = engine
        .eval::<INT>("import \"missing\" as m; 1")
        .unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorModuleNotFound(ref p, _) if p == "missing"),
        "{err:?}"
    );
    // With a base path, every import (also inside modules) is relative to it.
    assert_eq!(
        engine
            .eval::<INT>("import \"sub/inner\" as i;\ni::v")
            .unwrap(),
        43
    );
}

#[test]
fn errors_inside_modules_name_the_module() {
    let dir = temp_dir("errors");
    std::fs::write(dir.join("bad.rhai"), "let x = 1;\nlet y = x / 0;\n").unwrap();
    std::fs::write(dir.join("a.rhai"), "import \"b\" as b;\n").unwrap();
    std::fs::write(dir.join("b.rhai"), "import \"a\" as a;\n").unwrap();
    let mut engine = Engine::new();
    engine.set_module_resolver(FileModuleResolver::new_with_path(&dir));
    let err = engine.run("import \"bad\" as bad;").unwrap_err();
    match *err {
        EvalAltResult::ErrorInModule(ref name, ref inner, _) => {
            assert_eq!(name, "bad");
            assert!(matches!(**inner, EvalAltResult::ErrorArithmetic(_, p) if p.line() == Some(2)));
        }
        ref other => panic!("{other:?}"),
    }
    let err = engine.run("import \"a\" as a;").unwrap_err();
    assert!(matches!(*err, EvalAltResult::ErrorInModule(..)), "{err:?}");
}

#[test]
fn static_modules_and_resolver() {
    let mut module = Module::new();
    module.set_var("LIMIT", 10 as INT);
    module.set_native_fn("triple", |x: INT| Ok(x * 3));
    let mut resolver = StaticModuleResolver::new();
    resolver.insert("tools", module.clone());
    let mut engine = Engine::new();
    engine.set_module_resolver(resolver);
    assert_eq!(
        engine
            .eval::<INT>("import \"tools\" as t; t::triple(t::LIMIT)")
            .unwrap(),
        30
    );
    let mut engine = Engine::new();
    engine.register_static_module("tools", module.into());
    assert_eq!(engine.eval::<INT>("tools::triple(2)").unwrap(), 6);
}

#[test]
fn modules_from_asts() {
    let engine = Engine::new();
    let ast = engine
        .compile("export let x = 5; fn inc(n) { n + 1 }")
        .unwrap();
    let module = Module::eval_ast_as_new(Scope::new(), &ast, &engine).unwrap();
    assert_eq!(module.get_var_value::<INT>("x"), Some(5));
    assert!(module.get_script_fn("inc", 1).is_some());
}

#[test]
fn self_contained_asts_need_no_resolver() {
    let dir = temp_dir("contained");
    std::fs::write(dir.join("hello.rhai"), "fn hi() { 42 }\n").unwrap();
    let mut engine = Engine::new();
    engine.set_module_resolver(FileModuleResolver::new_with_path(&dir));
    let ast = engine
        .compile_into_self_contained(
            &Scope::new(),
            "import \"hello\" as h; fn f() { import \"hello\" as g; g::hi() } h::hi() + f()",
        )
        .unwrap();
    engine.set_module_resolver(rhai::module_resolvers::DummyModuleResolver::new());
    assert_eq!(engine.eval_ast::<INT>(&ast).unwrap(), 84);
    let mut engine = Engine::new();
    engine.set_max_modules(0);
    let err = engine.run("import \"x\" as x;").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorTooManyModules(..)),
        "{err:?}"
    );
}

/// Write `files` (name, text) into a fresh folder and give an engine resolving from it.
fn engine_over(name: &str, files: &[(&str, &str)]) -> (Engine, PathBuf) {
    let dir = temp_dir(name);
    for (file, text) in files {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let mut engine = Engine::new();
    engine.set_module_resolver(FileModuleResolver::new_with_path(&dir));
    (engine, dir)
}

const ENVIRON_MODULE: &str = "\
const FACTOR = 3;
let counter = 7;
import \"helper\" as h;
fn scale(x) { x * global::FACTOR }
fn via_private(x) { secret(x) + 1 }
private fn secret(x) { x * 10 }
fn use_import(x) { h::twice(x) }
fn sees_outer() { outer_var }
fn sees_outer_import() { o::twice(1) }
fn make_closure() { |x| secret(x) }
fn make_pointer() { Fn(\"secret\") }
fn fails(x) { x / 0 }
export counter;
";

#[test]
fn module_functions_run_in_their_own_environment() {
    let (engine, _dir) = engine_over(
        "environ",
        &[
            ("util.rhai", ENVIRON_MODULE),
            ("helper.rhai", "fn twice(x) { x * 2 }"),
        ],
    );
    let eval = |script: &str| engine.eval::<INT>(script);
    // Their own constants through `global::`, private functions and imports.
    assert_eq!(eval("import \"util\" as u; u::scale(2)").unwrap(), 6);
    assert_eq!(eval("import \"util\" as u; u::via_private(2)").unwrap(), 21);
    assert_eq!(eval("import \"util\" as u; u::use_import(5)").unwrap(), 10);
    // A constant of the importer named like the module's does not shadow it.
    assert_eq!(
        eval("const FACTOR = 100; import \"util\" as u; u::scale(2)").unwrap(),
        6
    );
    // Closures and pointers made inside keep the environment wherever they are called.
    assert_eq!(
        eval("import \"util\" as u; let f = u::make_closure(); f.call(4)").unwrap(),
        40
    );
    assert_eq!(
        eval("import \"util\" as u; let f = u::make_pointer(); call(f, 5)").unwrap(),
        50
    );
    // The importer's variables and imports stay out.
    let err = eval("let outer_var = 1; import \"util\" as u; u::sees_outer()").unwrap_err();
    match *err {
        EvalAltResult::ErrorInFunctionCall(ref f, ref src, ref inner, _) => {
            assert_eq!(f, "sees_outer");
            assert_eq!(src, "util");
            assert!(
                matches!(**inner, EvalAltResult::ErrorVariableNotFound(ref v, p) if v == "outer_var" && p.line() == Some(8)),
                "{inner:?}"
            );
        }
        ref other => panic!("{other:?}"),
    }
    let err =
        eval("import \"helper\" as o; import \"util\" as u; u::sees_outer_import()").unwrap_err();
    assert!(
        matches!(&*err, EvalAltResult::ErrorInFunctionCall(_, _, inner, _)
            if matches!(**inner, EvalAltResult::ErrorModuleNotFound(ref m, _) if m == "o")),
        "{err:?}"
    );
    // Errors inside name the module's file and the position in it.
    let err = eval("import \"util\" as u;\nu::fails(1)").unwrap_err();
    match *err {
        EvalAltResult::ErrorInFunctionCall(ref f, ref src, ref inner, pos) => {
            assert_eq!(f, "fails");
            assert_eq!(src, "util");
            assert_eq!(pos.line(), Some(2));
            assert!(
                matches!(**inner, EvalAltResult::ErrorArithmetic(_, p) if p.line() == Some(12)),
                "{inner:?}"
            );
        }
        ref other => panic!("{other:?}"),
    }
    // Exported variables are constants; unexported ones and `global::` misses are not found.
    let err = eval("import \"util\" as u; u::counter = 1; 0").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorAssignmentToConstant(ref v, _) if v == "counter"),
        "{err:?}"
    );
    let err = eval("import \"util\" as u; u::FACTOR").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorVariableNotFound(ref v, _) if v == "u::FACTOR"),
        "{err:?}"
    );
}

#[test]
fn module_functions_prefer_their_own_then_the_importers() {
    let module = "\
private fn message() { \"module\" }
fn greet() { message() }
fn greet_main() { main_message() }
fn virtual_greet() { if is_def_fn(\"hook\", 0) { hook() } else { \"default\" } }
";
    let (engine, _dir) = engine_over("virtual", &[("m.rhai", module)]);
    let eval = |script: &str| engine.eval::<String>(script).unwrap();
    assert_eq!(
        eval("fn message() { \"main\" } import \"m\" as m; m::greet()"),
        "module"
    );
    assert_eq!(
        eval("fn main_message() { \"main here\" } import \"m\" as m; m::greet_main()"),
        "main here"
    );
    assert_eq!(
        eval("fn hook() { \"hooked\" } import \"m\" as m; m::virtual_greet()"),
        "hooked"
    );
    assert_eq!(eval("import \"m\" as m; m::virtual_greet()"), "default");
}

#[test]
fn typed_methods_of_imported_modules_are_global() {
    let module = "fn int.change_value(offset) { this += offset; }\nfn plain(x) { x }";
    let (engine, _dir) = engine_over("typed", &[("m.rhai", module)]);
    assert_eq!(
        engine
            .eval::<INT>("import \"m\"; let x = 42; x.change_value(1); x")
            .unwrap(),
        43
    );
    // Only typed methods become global: a plain function stays qualified-only.
    let err = engine
        .eval::<INT>("import \"m\" as m; plain(1)")
        .unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorFunctionNotFound(ref s, _) if s == "plain (i64)"),
        "{err:?}"
    );
    // Out of the block that imported it, the method is gone.
    let err = engine
        .eval::<INT>("let x = 1; { import \"m\"; } x.change_value(1); x")
        .unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorFunctionNotFound(..)),
        "{err:?}"
    );
}

/// A resolver that counts how often it is asked, handing out one small module.
struct CountingResolver(std::sync::atomic::AtomicUsize);

impl rhai::ModuleResolver for CountingResolver {
    fn resolve(
        &self,
        _engine: &Engine,
        _source: Option<&str>,
        path: &str,
        pos: rhai::Position,
    ) -> Result<rhai::Shared<Module>, Box<EvalAltResult>> {
        if path != "counted" {
            return Err(EvalAltResult::ErrorModuleNotFound(path.into(), pos).into());
        }
        let n = self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst) as INT;
        let mut module = Module::new();
        module.set_var("N", n + 1);
        Ok(module.into())
    }
}

#[test]
fn imports_are_statements_scoped_to_their_block() {
    let mut engine = Engine::new();
    engine.set_module_resolver(CountingResolver(0.into()));
    // Any expression may name the path; an import in a loop runs each time round.
    assert_eq!(
        engine
            .eval::<INT>(
                "let total = 0; for i in 0..3 { let p = \"coun\"; import p + \"ted\" as c; total += c::N; } total"
            )
            .unwrap(),
        1 + 2 + 3
    );
    let err = engine
        .eval::<INT>("{ import \"counted\" as c; } c::N")
        .unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorModuleNotFound(ref m, _) if m == "c"),
        "{err:?}"
    );
    // Global-level imports are visible inside functions; imports inside functions stay there.
    assert_eq!(
        engine
            .eval::<INT>("import \"counted\" as c; fn f() { c::N } f()")
            .unwrap(),
        5
    );
    let err = engine
        .eval::<INT>("fn f() { import \"counted\" as c; c::N } f(); c::N")
        .unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorModuleNotFound(ref m, _) if m == "c"),
        "{err:?}"
    );
    let err = engine.run("import \"nowhere\" as x;").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorModuleNotFound(ref m, p) if m == "nowhere" && p.position() == Some(8)),
        "{err:?}"
    );
    let err = engine.run("import 42 as x;").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorMismatchDataType(..)),
        "{err:?}"
    );
}

#[test]
fn export_forms() {
    let engine = Engine::new();
    let ast = engine
        .compile(
            "let x = 1; const y = 2; let z = 3;\n\
             export x; export x as hello; export y as world; export z;\n\
             export const c = 4; export let l = 5;",
        )
        .unwrap();
    let module = Module::eval_ast_as_new(Scope::new(), &ast, &engine).unwrap();
    for (name, value) in [
        ("x", 1),
        ("hello", 1),
        ("world", 2),
        ("z", 3),
        ("c", 4),
        ("l", 5),
    ] {
        assert_eq!(module.get_var_value::<INT>(name), Some(value), "{name}");
    }
    assert!(!module.contains_var("y"));
    for bad in ["{ export let w = 2; }", "fn f() { let a = 1; export a; }"] {
        let err = engine.compile(bad).unwrap_err();
        assert_eq!(*err.err_type(), rhai::ParseErrorType::WrongExport, "{bad}");
    }
    // One variable per `export`.
    let err = engine
        .compile("let a = 1; let b = 2; export a, b;")
        .unwrap_err();
    assert_eq!(
        (err.err_type().to_string(), err.position()),
        (
            "Expecting ';' to terminate this statement".to_string(),
            rhai::Position::new(1, 31)
        )
    );
    let err = engine.run("export nowhere;").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorVariableNotFound(ref v, _) if v == "nowhere"),
        "{err:?}"
    );
}

#[test]
fn modules_from_asts_keep_functions_imports_and_aliases() {
    let mut resolver = StaticModuleResolver::new();
    let mut extra = Module::new();
    extra.set_var("E", 10 as INT);
    resolver.insert("extra", extra);
    let mut engine = Engine::new();
    engine.set_module_resolver(resolver);
    let ast = engine
        .compile(
            "fn calc(x) { x + add_len(x, \"abc\") }\n\
             private fn add_len(x, y) { x + y.len }\n\
             import \"extra\" as extra;\n\
             const x = 123; let foo = 41; let hello;\n\
             foo = calc(foo); hello = `hello, ${foo}`;\n\
             export x as abc; export foo; export hello;",
        )
        .unwrap();
    let module = Module::eval_ast_as_new(Scope::new(), &ast, &engine).unwrap();
    assert_eq!(module.get_var_value::<INT>("abc"), Some(123));
    assert_eq!(module.get_var_value::<INT>("foo"), Some(41 + 41 + 3));
    assert_eq!(
        module.get_var_value::<String>("hello").as_deref(),
        Some("hello, 85")
    );
    assert!(module.contains_sub_module("extra"));
    assert!(module.get_script_fn("calc", 1).is_some());
    assert!(module.get_script_fn("add_len", 2).is_none());
    engine.register_static_module("made", module.into());
    assert_eq!(engine.eval::<INT>("made::calc(1)").unwrap(), 5);
    assert_eq!(engine.eval::<INT>("made::extra::E").unwrap(), 10);
}

#[test]
fn module_api() {
    let mut module = Module::new();
    assert!(module.is_empty());
    module.set_id("tools");
    assert_eq!(module.id(), Some("tools"));
    module.set_var("LIMIT", 10 as INT);
    assert!(module.contains_var("LIMIT"));
    assert_eq!(module.get_var_value::<INT>("LIMIT"), Some(10));
    let hash = module.set_native_fn("triple", |x: INT| Ok(x * 3));
    assert!(module.contains_fn(hash));
    let mut sub = Module::new();
    sub.set_native_fn("deep", || Ok(7 as INT));
    module.set_sub_module("inner", sub);
    assert!(module.contains_sub_module("inner"));
    assert!(module.get_sub_module("inner").is_some());
    assert!(!module.is_empty());
    assert_eq!(module.count(), (1, 1, 0));
    let mut engine = Engine::new();
    engine.register_static_module("a::b", module.into());
    assert_eq!(
        engine
            .eval::<INT>("a::b::triple(a::b::LIMIT) + a::b::inner::deep()")
            .unwrap(),
        37
    );
    let err = engine.eval::<INT>("triple(1)").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorFunctionNotFound(..)),
        "{err:?}"
    );
    let err = engine.eval::<INT>("a::b::triple(\"x\")").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorFunctionNotFound(ref s, _) if s == "a::b::triple (&str | ImmutableString | String)"),
        "{err:?}"
    );
}

#[test]
fn global_modules_need_no_namespace_and_ignore_sub_modules() {
    let mut module = Module::new();
    module.set_var("MYSTIC", 41 as INT);
    rhai::FuncRegistration::new("inc")
        .with_namespace(rhai::FnNamespace::Global)
        .set_into_module(&mut module, |x: INT| x + 1);
    let mut sub = Module::new();
    sub.set_var("HIDDEN", 1 as INT);
    module.set_sub_module("sub", sub);
    let shared: rhai::Shared<Module> = module.into();
    let mut engine = Engine::new();
    engine.register_global_module(shared.clone());
    assert_eq!(engine.eval::<INT>("inc(MYSTIC)").unwrap(), 42);
    let err = engine.eval::<INT>("sub::HIDDEN").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorModuleNotFound(..)),
        "{err:?}"
    );
    // A global-namespace function of a static module is also callable unqualified.
    let mut engine = Engine::new();
    engine.register_static_module("m", shared);
    assert_eq!(engine.eval::<INT>("inc(1) + m::inc(1)").unwrap(), 4);
}

#[test]
fn file_resolver_options() {
    let dir = temp_dir("options");
    std::fs::write(
        dir.join("a.rhai"),
        "#!/usr/bin/env rhai-run\nexport const V = 1;",
    )
    .unwrap();
    std::fs::write(dir.join("b.script"), "export const V = 2;").unwrap();
    std::fs::create_dir_all(dir.join("lib")).unwrap();
    std::fs::write(
        dir.join("lib/c.rhai"),
        "import \"lib/d\" as d; export const V = d::V;",
    )
    .unwrap();
    std::fs::write(dir.join("lib/d.rhai"), "export const V = 4;").unwrap();

    let resolver = FileModuleResolver::new_with_path(&dir);
    assert_eq!(resolver.base_path(), Some(dir.as_path()));
    assert_eq!(resolver.extension(), "rhai");
    assert!(resolver.is_cache_enabled());
    let mut engine = Engine::new();
    engine.set_module_resolver(resolver);
    // A shebang line is skipped; with a base path, every path is relative to it.
    assert_eq!(engine.eval::<INT>("import \"a\" as a; a::V").unwrap(), 1);
    assert_eq!(
        engine.eval::<INT>("import \"lib/c\" as c; c::V").unwrap(),
        4
    );

    let mut resolver = FileModuleResolver::new_with_path(&dir);
    resolver.set_extension("script");
    engine.set_module_resolver(resolver);
    assert_eq!(engine.eval::<INT>("import \"b\" as b; b::V").unwrap(), 2);

    // Without a base path, a path is relative to the importing script's source: a compiled
    // file has its path as source; `eval_file` gives the script none (so the current
    // directory counts).
    let main = dir.join("lib/main.rhai");
    std::fs::write(&main, "import \"d\" as d; d::V").unwrap();
    let engine = Engine::new();
    let ast = engine.compile_file(main.clone()).unwrap();
    assert_eq!(engine.eval_ast::<INT>(&ast).unwrap(), 4);
    let err = engine.eval_file::<INT>(main).unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorModuleNotFound(ref p, _) if p == "d"),
        "{err:?}"
    );

    // The cache keeps a module until it is cleared.
    let resolver = FileModuleResolver::new_with_path(&dir);
    let engine = Engine::new();
    let path = resolver.get_file_path("a", None);
    assert!(!resolver.is_cached(&path));
    rhai::ModuleResolver::resolve(&resolver, &engine, None, "a", rhai::Position::NONE).unwrap();
    assert!(resolver.is_cached(&path));
    std::fs::write(dir.join("a.rhai"), "export const V = 9;").unwrap();
    let again =
        rhai::ModuleResolver::resolve(&resolver, &engine, None, "a", rhai::Position::NONE).unwrap();
    assert_eq!(again.get_var_value::<INT>("V"), Some(1));
    let mut resolver = resolver;
    assert!(resolver.clear_cache_for_path(&path).is_some());
    assert!(!resolver.is_cached(&path));
    let fresh =
        rhai::ModuleResolver::resolve(&resolver, &engine, None, "a", rhai::Position::NONE).unwrap();
    assert_eq!(fresh.get_var_value::<INT>("V"), Some(9));
    resolver.clear_cache();
    assert!(!resolver.is_cached(&path));
    resolver.enable_cache(false);
    rhai::ModuleResolver::resolve(&resolver, &engine, None, "a", rhai::Position::NONE).unwrap();
    assert!(!resolver.is_cached(&path));
}

#[test]
fn resolver_collections_try_each_in_turn() {
    let mut first = StaticModuleResolver::new();
    let mut one = Module::new();
    one.set_var("V", 1 as INT);
    first.insert("one", one);
    let mut collection = rhai::module_resolvers::ModuleResolversCollection::new();
    collection.push(first);
    collection.push(CountingResolver(0.into()));
    assert_eq!(collection.len(), 2);
    let mut engine = Engine::new();
    engine.set_module_resolver(collection);
    assert_eq!(
        engine
            .eval::<INT>("import \"one\" as a; import \"counted\" as b; a::V + b::N")
            .unwrap(),
        2
    );
    let err = engine.run("import \"neither\" as n;").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorModuleNotFound(ref m, _) if m == "neither"),
        "{err:?}"
    );
    let mut engine = Engine::new();
    engine.set_module_resolver(rhai::module_resolvers::DummyModuleResolver::new());
    let err = engine.run("import \"one\" as a;").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorModuleNotFound(ref m, _) if m == "one"),
        "{err:?}"
    );
}

#[test]
fn module_functions_report_the_module_as_debug_source() {
    let (mut engine, _dir) = engine_over("debug", &[("m.rhai", "fn f() { debug(\"in m\"); }")]);
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = seen.clone();
    engine.on_debug(move |text, source, _| {
        log.lock()
            .unwrap()
            .push(format!("{text}@{}", source.unwrap_or("-")));
    });
    engine
        .run("import \"m\" as m; m::f(); debug(\"main\");")
        .unwrap();
    let seen = seen.lock().unwrap();
    assert_eq!(seen[0], "\"in m\"@m", "{seen:?}");
    assert_eq!(seen[1], "\"main\"@-");
}

#[test]
fn strict_mode_requires_imports_before_namespaces() {
    let mut engine = Engine::new();
    engine.set_strict_variables(true);
    engine.set_module_resolver(CountingResolver(0.into()));
    let err = engine.compile("m::x").unwrap_err();
    assert_eq!(
        *err.err_type(),
        rhai::ParseErrorType::ModuleUndefined("m".into())
    );
    let err = engine
        .compile("fn f() { c::N } import \"counted\" as c;")
        .unwrap_err();
    assert_eq!(
        *err.err_type(),
        rhai::ParseErrorType::ModuleUndefined("c".into())
    );
    assert_eq!(
        engine
            .eval::<INT>("import \"counted\" as c; fn f() { c::N } f()")
            .unwrap(),
        1
    );
}

#[test]
fn module_namespaces_and_flattening() {
    let mut module = Module::new();
    let hash = module.set_native_fn("halve", |x: INT| Ok(x / 2));
    let mut sub = Module::new();
    let sub_hash = sub.set_native_fn("negate", |x: INT| Ok(-x));
    sub.set_var("S", 5 as INT);
    module.set_sub_module("sub", sub);
    assert!(module.contains_fn(hash));
    assert!(!module.contains_fn(sub_hash));
    // A sub-module's function is indexed under a hash that includes its path.
    assert!(!module.contains_qualified_fn(sub_hash));
    assert!(!module.contains_indexed_global_functions());
    module.update_fn_namespace(hash, rhai::FnNamespace::Global);
    // Known only once indexed.
    assert!(!module.contains_indexed_global_functions() && !module.is_indexed());
    module.build_index();
    assert!(module.is_indexed() && module.contains_indexed_global_functions());
    assert!(module.contains_qualified_fn(hash));

    let mut engine = Engine::new();
    engine.register_static_module("m", module.clone().into());
    assert_eq!(
        engine.eval::<INT>("halve(8) + m::sub::negate(1)").unwrap(),
        3
    );

    let mut flat = Module::new();
    flat.combine_flatten(module);
    assert!(flat.contains_fn(sub_hash));
    assert_eq!(flat.get_var_value::<INT>("S"), Some(5));
    assert!(!flat.contains_sub_module("sub"));
}

#[test]
fn modules_from_asts_with_the_callers_state() {
    let engine = Engine::new();
    let ast = engine
        .compile("export const TWICE = BASE * 2; fn get() { global::TWICE }")
        .unwrap();
    let mut scope = Scope::new();
    scope.push_constant("BASE", 21 as INT);
    let mut global = rhai::GlobalRuntimeState::new(&engine);
    let module = Module::eval_ast_as_new_raw(&engine, &mut scope, &mut global, &ast).unwrap();
    assert_eq!(module.get_var_value::<INT>("TWICE"), Some(42));
    let mut engine = Engine::new();
    engine.register_static_module("m", module.into());
    assert_eq!(engine.eval::<INT>("m::get()").unwrap(), 42);
}

/// A resolver in the style of the book's custom resolver: builds a module per path.
struct SquaresResolver;

impl rhai::ModuleResolver for SquaresResolver {
    fn resolve(
        &self,
        _engine: &Engine,
        _source: Option<&str>,
        path: &str,
        pos: rhai::Position,
    ) -> Result<rhai::Shared<Module>, Box<EvalAltResult>> {
        let n: INT = path
            .parse()
            .map_err(|_| EvalAltResult::ErrorModuleNotFound(path.into(), pos))?;
        let mut module = Module::new();
        module.set_var("SQUARE", n * n);
        module.build_index();
        Ok(module.into())
    }
}

#[test]
fn resolver_collections_and_tables_compose() {
    let mut table = StaticModuleResolver::new();
    let mut a = Module::new();
    a.set_var("V", 1 as INT);
    table.insert("a", a);
    let mut more = StaticModuleResolver::new();
    let mut b = Module::new();
    b.set_var("V", 2 as INT);
    more.insert("b", b);
    table += more;
    assert_eq!(table.len(), 2);
    let paths: Vec<String> = table
        .clone()
        .into_iter()
        .map(|(p, _)| p.to_string())
        .collect();
    assert_eq!(paths, ["a", "b"]);

    let mut collection = rhai::module_resolvers::ModuleResolversCollection::new();
    collection += SquaresResolver;
    collection.extend([Box::new(table) as Box<dyn rhai::ModuleResolver>]);
    collection.insert(0, rhai::module_resolvers::DummyModuleResolver::new());
    assert_eq!(collection.len(), 3);
    let dummy = collection.remove(0);
    let engine = Engine::new();
    assert!(dummy
        .resolve(&engine, None, "a", rhai::Position::NONE)
        .is_err());
    // Out of range: nothing removed, no panic.
    let _ = collection.remove(99);
    assert_eq!(collection.len(), 2);
    let mut engine = Engine::new();
    engine.set_module_resolver(collection);
    assert_eq!(
        engine
            .eval::<INT>("import \"7\" as s; import \"b\" as b; s::SQUARE + b::V")
            .unwrap(),
        51
    );
}

#[test]
fn file_resolver_hands_out_asts() {
    let dir = temp_dir("asts");
    std::fs::write(dir.join("lib.rhai"), "fn f() { 1 }").unwrap();
    std::fs::write(dir.join("bad.rhai"), "fn f( { 1 }").unwrap();
    let resolver = FileModuleResolver::new_with_path(&dir);
    let engine = Engine::new();
    let pos = rhai::Position::NONE;
    let ast = rhai::ModuleResolver::resolve_ast(&resolver, &engine, None, "lib", pos)
        .unwrap()
        .unwrap();
    // The import path is the source (of the AST and of the module's functions).
    assert_eq!(ast.source(), Some("lib"));
    assert_eq!(ast.iter_functions().count(), 1);
    let err = rhai::ModuleResolver::resolve_ast(&resolver, &engine, None, "bad", pos)
        .unwrap()
        .unwrap_err();
    assert!(matches!(*err, EvalAltResult::ErrorInModule(..)), "{err:?}");
    let err = rhai::ModuleResolver::resolve_ast(&resolver, &engine, None, "none", pos)
        .unwrap()
        .unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorModuleNotFound(..)),
        "{err:?}"
    );
    assert!(rhai::ModuleResolver::resolve_ast(&SquaresResolver, &engine, None, "2", pos).is_none());
}

#[test]
fn ast_operations_keep_embedded_modules() {
    let dir = temp_dir("ast-ops");
    std::fs::write(dir.join("helper.rhai"), "fn twice(x) { x * 2 }").unwrap();
    let mut engine = Engine::new();
    engine.set_module_resolver(FileModuleResolver::new_with_path(&dir));
    let contained = engine
        .compile_into_self_contained(
            &Scope::new(),
            "import \"helper\" as h; fn f(x) { import \"hel\" + \"per\" as g; g::twice(x) } h::twice(2)",
        )
        .unwrap();
    let plain = engine.compile("fn g() { 1 }").unwrap();
    engine.set_module_resolver(rhai::module_resolvers::DummyModuleResolver::new());
    assert_eq!(engine.eval_ast::<INT>(&plain.merge(&contained)).unwrap(), 4);
    let mut combined = plain.clone();
    combined += contained.clone();
    assert_eq!(engine.eval_ast::<INT>(&combined).unwrap(), 4);
    let functions = contained.clone_functions_only();
    let caller = functions.merge(&engine.compile("f(5)").unwrap());
    assert_eq!(engine.eval_ast::<INT>(&caller).unwrap(), 10);
    let statements = contained.clone_statements_only();
    assert_eq!(engine.eval_ast::<INT>(&statements).unwrap(), 4);
    // An AST compiled without embedding still needs a resolver.
    let err = engine
        .eval_ast::<INT>(&engine.compile("import \"helper\" as h; 1").unwrap())
        .unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorModuleNotFound(..)),
        "{err:?}"
    );
}

#[test]
fn file_resolver_scope_is_seen_by_module_scripts() {
    let dir = temp_dir("scope");
    std::fs::write(dir.join("m.rhai"), "export const V = OFFSET + 1;").unwrap();
    let mut resolver = FileModuleResolver::new_with_path(&dir);
    let mut scope = Scope::new();
    scope.push_constant("OFFSET", 41 as INT);
    resolver.set_scope(scope);
    assert_eq!(resolver.scope().len(), 1);
    resolver.scope_mut().push_constant("UNUSED", 0 as INT);
    let mut engine = Engine::new();
    engine.set_module_resolver(resolver);
    assert_eq!(engine.eval::<INT>("import \"m\" as m; m::V").unwrap(), 42);
    // The scope's variables are not exported.
    let err = engine
        .eval::<INT>("import \"m\" as m; m::OFFSET")
        .unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorVariableNotFound(..)),
        "{err:?}"
    );
}
