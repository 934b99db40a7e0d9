//! `AST` as a host uses it: source names, function listings (`ScriptFnMetadata`), literal
//! variables, splitting, merging and filtering, the operators, and ASTs made from modules.

use rhai::{Engine, FnAccess, FnNamespace, Module, Scope, AST, INT};
use std::rc::Rc;

fn engine() -> Engine {
    Engine::new()
}

fn names(ast: &AST) -> Vec<String> {
    let mut names: Vec<String> = ast.iter_functions().map(|f| f.to_string()).collect();
    names.sort();
    names
}

fn sample() -> (AST, AST) {
    let e = engine();
    let a = e
        .compile(
            "fn fa(x) { x } private fn pa() { 1 } fn T.m() {} let va = 1; const CA = 2; va + CA",
        )
        .unwrap();
    let b = e
        .compile("fn fb(x, y) { x * y } fn fa(x) { x + 100 } let vb = 10; vb")
        .unwrap();
    (a, b)
}

#[test]
fn sources_and_function_listings() {
    let (mut a, _) = sample();
    assert_eq!((a.source(), a.has_functions()), (None, true));
    a.set_source("a.rhai");
    assert_eq!(a.source(), Some("a.rhai"));
    a.clear_source();
    assert_eq!(a.source(), None);
    assert_eq!(names(&a), ["\"T\".m()", "fa(x)", "private pa()"]);
    let mut listed: Vec<String> = a
        .iter_functions()
        .map(|f| format!("{} {:?} {:?} {:?}", f.name, f.params, f.access, f.this_type))
        .collect();
    listed.sort();
    assert_eq!(
        listed,
        [
            "fa [\"x\"] Public None",
            "m [] Public Some(\"T\")",
            "pa [] Private None"
        ]
    );
    let literals = |c, v| -> Vec<String> {
        a.iter_literal_variables(c, v)
            .map(|(n, c, v)| format!("{n} {c} {v}"))
            .collect()
    };
    assert_eq!(literals(true, true), ["va false 1", "CA true 2"]);
    assert_eq!(literals(true, false), ["CA true 2"]);
    assert_eq!(literals(false, true), ["va false 1"]);
    let empty = AST::empty();
    assert!(!empty.has_functions() && empty.source().is_none());
}

#[cfg(feature = "metadata")]
#[test]
fn doc_comments_are_joined() {
    let e = engine();
    let ast = e
        .compile("/** x */\n/// a\n///  b  \r\n/// c\nfn f() {}")
        .unwrap();
    let f = ast.iter_functions().next().unwrap();
    assert_eq!(f.comments, ["/** x */\n/// a\n///  b  \n/// c"]);
    let ast = e.compile("//! module doc\n//! more\nlet x = 1;").unwrap();
    assert_eq!(ast.doc(), "//! module doc\n//! more");
}

#[test]
fn splitting_and_merging() {
    let e = engine();
    let (a, b) = sample();
    let functions = a.clone_functions_only();
    assert!(functions.has_functions());
    assert!(e.eval_ast::<rhai::Dynamic>(&functions).unwrap().is_unit());
    // As published, the filter is not consulted.
    let filtered = a.clone_functions_only_filtered(|_, _, _, _, _| false);
    assert_eq!(filtered.iter_functions().count(), 3);
    let statements = a.clone_statements_only();
    assert!(!statements.has_functions());
    assert_eq!(e.eval_ast::<INT>(&statements).unwrap(), 3);
    let merged = a.merge(&b);
    assert_eq!(e.eval_ast::<INT>(&merged).unwrap(), 10);
    assert_eq!(merged.iter_functions().count(), 4);
    assert_eq!(
        e.call_fn::<INT>(&mut Scope::new(), &merged, "fa", (1_i64,))
            .unwrap(),
        101
    );
    let mut combined = a.clone();
    combined.combine(b.clone());
    assert_eq!(names(&combined), names(&merged));
    let keep_own_fa = a.merge_filtered(&b, |_, _, _, name, _| name != "fa");
    assert_eq!(
        e.call_fn::<INT>(&mut Scope::new(), &keep_own_fa, "fa", (1_i64,))
            .unwrap(),
        1
    );
    let mut only_fb = a.clone();
    only_fb.combine_filtered(b.clone(), |_, _, _, name, _| name == "fb");
    assert_eq!(only_fb.iter_functions().count(), 4);
    let plus = &a + Rc::new(b.clone());
    assert_eq!(e.eval_ast::<INT>(&plus).unwrap(), 10);
    let mut added = a.clone();
    added += b.clone();
    assert_eq!(e.eval_ast::<INT>(&added).unwrap(), 10);
}

#[test]
fn filters_see_namespace_access_and_arity() {
    let (a, _) = sample();
    let seen = std::cell::RefCell::new(Vec::new());
    let mut kept = a.clone();
    kept.retain_functions(|ns, access, name, n| {
        seen.borrow_mut()
            .push(format!("{ns:?} {access:?} {name} {n}"));
        name != "fa"
    });
    seen.borrow_mut().sort();
    assert_eq!(
        *seen.borrow(),
        [
            "Global Public m 0",
            "Internal Private pa 0",
            "Internal Public fa 1"
        ]
    );
    assert_eq!(names(&kept), ["\"T\".m()", "private pa()"]);
    let other = engine().compile("fn T.n() {} private fn q() {}").unwrap();
    let seen = std::cell::RefCell::new(Vec::new());
    let _ = a.merge_filtered(&other, |ns, access, is_script, name, n| {
        seen.borrow_mut()
            .push(format!("{ns:?} {access:?} {is_script} {name} {n}"));
        access == FnAccess::Public && ns == FnNamespace::Global
    });
    seen.borrow_mut().sort();
    assert_eq!(
        *seen.borrow(),
        ["Global Public true n 0", "Internal Private true q 0"]
    );
}

#[test]
fn clearing() {
    let e = engine();
    let (a, _) = sample();
    let mut no_functions = a.clone();
    no_functions.clear_functions();
    assert!(!no_functions.has_functions());
    assert_eq!(e.eval_ast::<INT>(&no_functions).unwrap(), 3);
    let mut no_statements = a.clone();
    no_statements.clear_statements();
    assert!(e
        .eval_ast::<rhai::Dynamic>(&no_statements)
        .unwrap()
        .is_unit());
}

#[test]
fn asts_made_from_modules() {
    let e = engine();
    let mut m = Module::new();
    m.set_native_fn("nat", || Ok(1_i64));
    let native_only = AST::new_from_module(m.clone());
    assert!(native_only.has_functions());
    assert_eq!(native_only.iter_functions().count(), 0);
    let script = e.compile("fn s() { 2 }").unwrap();
    m.combine(Module::eval_ast_as_new(Scope::new(), &script, &e).unwrap());
    let both = AST::new_from_module(rhai::Shared::new(m));
    assert_eq!(both.iter_functions().count(), 1);
    assert_eq!(
        both.clone_functions_only_filtered(|_, _, _, _, _| false)
            .iter_functions()
            .count(),
        1
    );
    assert!(!AST::new_from_module(Module::new()).has_functions());
    let lib: &Module = both.as_ref();
    let shared: &rhai::Shared<Module> = both.as_ref();
    assert_eq!((lib.count().1, shared.count().1), (2, 2));
}
