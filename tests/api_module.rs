//! `Module` as a host builds it: variables, native functions, accessors and indexers, custom
//! type names, sub-modules, iterators, `FuncRegistration`, merging operators, the index flags
//! and the `Debug` layout; packages made with `def_package!`.

use rhai::packages::{ArithmeticPackage, Package, StandardPackage};
use rhai::{def_package, Engine, FnNamespace, FuncRegistration, Module, Scope, Shared, INT};
use std::any::TypeId;

#[derive(Clone)]
struct Counter {
    n: INT,
}

impl IntoIterator for Counter {
    type Item = INT;
    type IntoIter = std::ops::Range<INT>;
    fn into_iter(self) -> Self::IntoIter {
        0..self.n
    }
}

fn engine_with(module: Shared<Module>) -> Engine {
    let mut engine = Engine::new();
    engine
        .register_type_with_name::<Counter>("Counter")
        .register_fn("counter", |n: INT| Counter { n })
        .register_static_module("my", module);
    engine
}

#[test]
fn variables_functions_accessors_and_indexers() {
    let mut m = Module::new();
    assert_eq!(
        (m.id(), m.is_empty(), m.is_indexed(), m.is_internal()),
        (None, true, true, false)
    );
    m.set_id("my_mod")
        .set_var("ANSWER", 42_i64)
        .set_var("NAME", "x");
    assert_eq!(m.id(), Some("my_mod"));
    assert!(m.contains_var("ANSWER") && m.get_var("nope").is_none());
    assert_eq!(m.get_var_value::<INT>("ANSWER"), Some(42));
    let double = m.set_native_fn("double", |x: INT| Ok(x * 2));
    m.set_native_fn("add", |a: INT, b: INT| Ok(a + b));
    m.update_fn_namespace(double, FnNamespace::Global);
    let getter = m.set_getter_fn("value", |c: &mut Counter| Ok(c.n));
    m.set_setter_fn("value", |c: &mut Counter, v: INT| {
        c.n = v;
        Ok(())
    });
    m.set_getter_setter_fn(
        "n",
        |c: &mut Counter| Ok(c.n),
        |c: &mut Counter, v: INT| {
            c.n = v;
            Ok(())
        },
    );
    m.set_indexer_get_set_fn(
        |c: &mut Counter, s: &str| Ok(s.len() as INT + c.n),
        |c: &mut Counter, s: &str, v: INT| {
            c.n = s.len() as INT * v;
            Ok(())
        },
    );
    m.set_indexer_get_fn(|c: &mut Counter, i: INT| Ok(c.n + i));
    m.set_indexer_set_fn(|c: &mut Counter, i: INT, v: INT| {
        c.n = i * v;
        Ok(())
    });
    assert!(m.contains_fn(double) && m.contains_fn(getter) && !m.contains_fn(12345));
    m.set_iterable::<Counter>();
    let mut sub = Module::new();
    sub.set_native_fn("hello", || Ok("hi"));
    m.set_sub_module("sub", sub);
    assert_eq!(m.count(), (2, 10, 1));
    let engine = engine_with(m.into());
    let eval = |s: &str| engine.eval::<INT>(s).map_err(|e| e.to_string());
    assert_eq!(eval("my::double(21) + my::add(1, 2) + my::ANSWER"), Ok(87));
    assert_eq!(engine.eval::<String>("my::sub::hello()").unwrap(), "hi");
    assert_eq!(
        eval("let c = counter(3); c.value = 5; c.value + c.n"),
        Ok(10)
    );
    assert_eq!(eval("let c = counter(3); c[2] = 4; c[1]"), Ok(9));
    assert_eq!(
        eval("let c = counter(3); c[\"ab\"] = 4; c[\"abc\"]"),
        Ok(11)
    );
    assert_eq!(eval("let s = 0; for i in counter(4) { s += i } s"), Ok(6));
    // Only the global-namespace function is visible unqualified.
    assert_eq!(eval("double(4)"), Ok(8));
    let err = "Function not found: add (i64, i64) (line 1, position 1)";
    assert_eq!(eval("add(1, 2)"), Err(err.into()));
}

#[test]
fn custom_type_names() {
    let mut m = Module::new();
    m.set_custom_type::<Counter>("Counter");
    m.set_custom_type_raw("other::Type", "Other");
    #[cfg(feature = "metadata")]
    {
        m.set_custom_type_with_comments::<Counter>("Counter", &["/// A counter"]);
        m.set_custom_type_with_comments_raw("other::Type", "Other", ["/// c1"]);
    }
    assert_eq!(m.get_custom_type_display::<Counter>(), Some("Counter"));
    assert_eq!(
        m.get_custom_type_display_by_name("other::Type"),
        Some("Other")
    );
    assert_eq!(m.get_custom_type_display_by_name("none"), None);
    #[allow(deprecated)]
    let by_name = m.get_custom_type(std::any::type_name::<Counter>());
    assert_eq!(by_name, Some("Counter"));
}

#[test]
fn func_registration_options() {
    let mut m = Module::new();
    let registration = FuncRegistration::new("triple")
        .with_namespace(FnNamespace::Global)
        .with_purity(true)
        .with_volatility(false);
    #[cfg(feature = "metadata")]
    let registration = registration
        .with_params_info(["x: INT", "INT"])
        .with_comments(["/// triples"]);
    let meta = registration.set_into_module(&mut m, |x: INT| x * 3);
    assert_eq!(
        (meta.name.as_str(), meta.num_params, meta.namespace),
        ("triple", 1, FnNamespace::Global)
    );
    let hash = meta.hash;
    assert!(m.contains_fn(hash));
    FuncRegistration::new_getter("prop").set_into_module(&mut m, |c: &mut Counter| c.n);
    FuncRegistration::new_setter("prop").set_into_module(&mut m, |c: &mut Counter, v: INT| c.n = v);
    FuncRegistration::new_index_getter().set_into_module(
        &mut m,
        |c: &mut Counter, i: bool| {
            if i {
                c.n
            } else {
                0
            }
        },
    );
    FuncRegistration::new_index_setter()
        .set_into_module(&mut m, |c: &mut Counter, _: bool, v: INT| c.n = v);
    FuncRegistration::new("internal")
        .in_internal_namespace()
        .set_into_module(&mut m, || 1_i64);
    FuncRegistration::new("visible")
        .in_global_namespace()
        .set_into_module(&mut m, || 2_i64);
    let mut engine = engine_with(m.into());
    FuncRegistration::new("quad").register_into_engine(&mut engine, |x: INT| x * 4);
    let eval = |s: &str| engine.eval::<INT>(s).map_err(|e| e.to_string());
    assert_eq!(
        eval("my::triple(2) + triple(1) + quad(1) + visible() + my::internal()"),
        Ok(16)
    );
    let err = "Function not found: internal () (line 1, position 1)";
    assert_eq!(eval("internal()"), Err(err.into()));
    assert_eq!(
        eval("let c = counter(1); let t = true; c.prop = 7; c[t] = c.prop + 1; c[t] + c.prop"),
        Ok(16)
    );
    let registration = FuncRegistration::new("x");
    assert!(registration.clone() == registration);
}

fn sample(x: INT, sub: &str) -> Module {
    let mut m = Module::new();
    m.set_var("x", x);
    m.set_native_fn("f", move || Ok(x));
    let mut s = Module::new();
    s.set_var(format!("in_{sub}"), x);
    m.set_sub_module(sub, s);
    m
}

fn summary(m: &Module) -> String {
    let vars: Vec<String> = m.iter_var().map(|(k, v)| format!("{k}={v}")).collect();
    let subs: Vec<&str> = m.iter_sub_modules().map(|(k, _)| k).collect();
    format!("{:?} {vars:?} {subs:?}", m.count())
}

#[test]
fn merging_and_operators() {
    let (a, b) = (sample(1, "s"), sample(2, "t"));
    let taken_over = "(1, 1, 0) [\"x=2\"] [\"s\", \"t\"]";
    assert_eq!(summary(&(a.clone() + Shared::new(b.clone()))), taken_over);
    let mut c = a.clone();
    c += b.clone();
    assert_eq!(summary(&c), taken_over);
    let mut d = a.clone();
    d.merge(&b);
    assert_eq!(summary(&d), taken_over);
    let mut d = a.clone();
    d.combine_flatten(b.clone());
    assert_eq!(summary(&d), "(2, 1, 0) [\"in_t=2\", \"x=2\"] [\"s\"]");
    let mut d = a.clone();
    d.fill_with(&b);
    assert_eq!(summary(&d), "(1, 1, 0) [\"x=1\"] [\"s\", \"t\"]");
    let engine = Engine::new();
    let ast = engine
        .compile("fn f(x) { x } fn g() { 2 } let q = 1;")
        .unwrap();
    assert_eq!(
        summary(&(a.clone() + ast.clone())),
        "(1, 3, 0) [\"x=1\"] [\"s\"]"
    );
    let m = Module::eval_ast_as_new(Scope::new(), &ast, &engine).unwrap();
    let f = m.get_script_fn("f", 1).unwrap().clone();
    let mut n = Module::new();
    n.extend(vec![f.clone()]);
    n += vec![m.get_script_fn("g", 0).unwrap().clone()];
    assert_eq!(n.count(), (0, 2, 0));
    let from: Module = vec![f].into();
    assert_eq!(from.count(), (0, 1, 0));
}

fn flags(m: &Module) -> String {
    let text = format!("{m:?}");
    let at = text.find("flags:").unwrap();
    let end = at + text[at..].find(')').unwrap() + 1;
    format!(
        "{} {} {}",
        m.is_indexed(),
        m.contains_indexed_global_functions(),
        &text[at..end]
    )
}

#[test]
fn index_flags() {
    let mut m = Module::new();
    m.set_var("v", 1_i64)
        .set_id("x")
        .set_custom_type::<Counter>("C")
        .set_iterable::<Counter>();
    assert_eq!(flags(&m), "true false flags: ModuleFlags(INDEXED)");
    m.set_native_fn("f", || Ok(1_i64));
    assert_eq!(flags(&m), "false false flags: ModuleFlags(0x0)");
    m.build_index();
    assert_eq!(flags(&m), "true false flags: ModuleFlags(INDEXED)");
    let mut sub = Module::new();
    FuncRegistration::new("g")
        .in_global_namespace()
        .set_into_module(&mut sub, || 1_i64);
    m.set_sub_module("s", sub);
    assert_eq!(flags(&m), "false false flags: ModuleFlags(0x0)");
    m.build_index();
    assert_eq!(
        flags(&m),
        "true true flags: ModuleFlags(INDEXED | INDEXED_GLOBAL_FUNCTIONS)"
    );
    for change in [Module::clear, |m: &mut Module| _ = m.merge(&Module::new())] {
        let mut changed = m.clone();
        change(&mut changed);
        assert!(!changed.is_indexed());
    }
    let engine = Engine::new();
    let ast = engine.compile("fn T.meth() {} fn f(x) {}").unwrap();
    let from_ast = Module::eval_ast_as_new(Scope::new(), &ast, &engine).unwrap();
    assert_eq!(
        flags(&from_ast),
        "true true flags: ModuleFlags(INDEXED | INDEXED_GLOBAL_FUNCTIONS)"
    );
    let plain = engine.compile("fn f(x) {}").unwrap();
    let from_plain = Module::eval_ast_as_new(Scope::new(), &plain, &engine).unwrap();
    assert_eq!(flags(&from_plain), "true false flags: ModuleFlags(INDEXED)");
}

#[test]
fn qualified_queries_need_an_index() {
    let id = TypeId::of::<Counter>();
    let mut m = Module::new();
    m.set_iterable::<Counter>();
    assert!(m.contains_iter(id) && m.contains_qualified_iter(id));
    let internal = m.set_native_fn("f", || Ok(1_i64));
    let global = FuncRegistration::new("g")
        .in_global_namespace()
        .set_into_module(&mut m, || 1_i64)
        .hash;
    assert!(m.contains_qualified_iter(id) && !m.contains_qualified_fn(global));
    let mut late = Module::new();
    late.set_native_fn("f", || Ok(1_i64));
    late.set_iterable::<Counter>();
    assert!(!late.contains_qualified_iter(id));
    m.build_index();
    assert!(m.contains_qualified_iter(id) && m.contains_qualified_fn(global));
    assert!(!m.contains_qualified_fn(internal));
    let mut outer = Module::new();
    outer.set_sub_module("s", m);
    assert!(!outer.contains_iter(id) && !outer.contains_qualified_iter(id));
    outer.build_index();
    assert!(outer.contains_qualified_iter(id) && !outer.contains_fn(global));
}

#[test]
fn debug_layout() {
    let mut m = Module::new();
    m.set_var("zz", 1_i64).set_var("aa", 2_i64);
    m.set_sub_module("zsub", Module::new())
        .set_sub_module("asub", Module::new());
    m.set_custom_type_raw("z::Z", "Z")
        .set_custom_type_raw("a::A", "A");
    let doc = if cfg!(feature = "metadata") {
        ", doc: \"\""
    } else {
        ""
    };
    let expected = format!(
        "Module {{ id: None, custom_types: [\"a::A\", \"z::Z\"], modules: [\"asub\", \"zsub\"], \
         vars: {{\"aa\": 2, \"zz\": 1}}, functions: [], flags: ModuleFlags(0x0){doc} }}"
    );
    assert_eq!(format!("{m:?}"), expected);
}

/// Without metadata, script functions are listed by signature.
#[cfg(not(feature = "metadata"))]
#[test]
fn debug_lists_script_function_signatures() {
    let engine = Engine::new();
    let ast = engine
        .compile("fn f(x, y) { x } private fn p() {} fn T.meth() {}")
        .unwrap();
    let lib: &Module = ast.as_ref();
    let text = format!("{lib:?}");
    for signature in ["\"f(x, y)\"", "\"private p()\"", "\"\\\"T\\\".meth()\""] {
        assert!(text.contains(signature), "{text}");
    }
}

def_package! {
    /// A package on top of a built-in one.
    pub MyPackage(module) : ArithmeticPackage {
        module.set_native_fn("answer", || Ok(42 as INT));
    }
    /// A package of its own.
    pub Own(module) {
        module.set_native_fn("two", || Ok(2 as INT));
    } |> |engine| {
        engine.register_fn("three", || 3 as INT);
    }
}

#[test]
fn packages() {
    let standard = StandardPackage::new().as_shared_module();
    assert_eq!(
        flags(&standard),
        "true true flags: ModuleFlags(STANDARD_LIB | INDEXED | INDEXED_GLOBAL_FUNCTIONS)"
    );
    let mine = MyPackage::new();
    assert!(mine.as_shared_module().is_standard_lib());
    let own = Own::default().as_shared_module();
    assert!(!own.is_standard_lib() && own.is_indexed());
    let mut module = Module::new();
    MyPackage::init(&mut module);
    assert_eq!(
        flags(&module),
        "false false flags: ModuleFlags(STANDARD_LIB)"
    );
    let mut engine = Engine::new_raw();
    mine.register_into_engine(&mut engine);
    Own::new_lazy().register_into_engine_as(&mut engine, "own");
    assert_eq!(
        engine
            .eval::<INT>("answer() + own::two() + three()")
            .unwrap(),
        47
    );
}

#[derive(Clone)]
struct Upto(INT);

impl IntoIterator for Upto {
    type Item = Result<INT, Box<rhai::EvalAltResult>>;
    type IntoIter = Box<dyn Iterator<Item = Self::Item>>;
    fn into_iter(self) -> Self::IntoIter {
        let n = self.0;
        Box::new((0..3).map(move |i| if i < n { Ok(i) } else { Err("stop".into()) }))
    }
}

#[derive(Clone)]
struct Countdown(Vec<INT>);

impl Iterator for Countdown {
    type Item = INT;
    fn next(&mut self) -> Option<INT> {
        self.0.pop()
    }
}

#[derive(Clone)]
struct Steps(INT);

#[test]
fn iterators_of_every_shape() {
    let mut m = Module::new();
    m.set_iterable::<Counter>()
        .set_iterable_result::<Upto, INT>()
        .set_iterator::<Countdown>();
    m.set_iter(TypeId::of::<Steps>(), |d| {
        Box::new((0..d.cast::<Steps>().0).map(rhai::Dynamic::from))
    });
    assert_eq!(m.count(), (0, 0, 4));
    let mut engine = Engine::new();
    engine
        .register_global_module(m.into())
        .register_fn("counter", |n: INT| Counter { n })
        .register_fn("upto", |n: INT| Upto(n))
        .register_fn("countdown", || Countdown(vec![1, 2, 3]))
        .register_fn("steps", |n: INT| Steps(n));
    let run = |s: &str| {
        let script = format!("let s = []; for x in {s} {{ s.push(x) }} s");
        engine
            .eval::<rhai::Dynamic>(&script)
            .map(|v| v.to_string())
            .map_err(|e| e.to_string())
    };
    assert_eq!(run("counter(3)"), Ok("[0, 1, 2]".into()));
    assert_eq!(run("upto(5)"), Ok("[0, 1, 2]".into()));
    // An iterator's error takes the position of what is iterated.
    assert_eq!(
        run("upto(2)"),
        Err("Runtime error: stop (line 1, position 22)".into())
    );
    assert_eq!(run("countdown()"), Ok("[3, 2, 1]".into()));
    assert_eq!(run("steps(2)"), Ok("[0, 1]".into()));
}
