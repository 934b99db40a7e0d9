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
        "import \"../util\" as u;\nexport let v = u::ANSWER + 1;\n",
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
    let main = dir.join("main.rhai");
    std::fs::write(&main, "import \"sub/inner\" as i;\ni::v").unwrap();
    let engine = Engine::new();
    assert_eq!(engine.eval_file::<INT>(main).unwrap(), 43);
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
