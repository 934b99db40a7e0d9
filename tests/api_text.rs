//! The text scripts make of custom types: `print`, interpolation and `to_string` use a
//! registered `to_string`, `debug` and `to_debug` a registered `to_debug`, each falling back
//! to the type's display name (never to the other function); inside arrays and maps every
//! element takes its debug form.

use rhai::{Engine, INT};
use std::sync::{Arc, Mutex};

#[derive(Clone)]
struct A {
    x: INT,
}
#[derive(Clone)]
struct B;
#[derive(Clone)]
struct C;

fn engine(log: &Arc<Mutex<Vec<String>>>) -> Engine {
    let mut engine = Engine::new();
    engine
        .register_type_with_name::<A>("A")
        .register_fn("a", |x: INT| A { x })
        .register_fn("to_string", |a: &mut A| format!("A<{}>", a.x))
        .register_type_with_name::<B>("B")
        .register_fn("b", || B)
        .register_fn("to_debug", |_: &mut B| "B-debug".to_string())
        .register_type::<C>()
        .register_fn("c", || C);
    let (p, d) = (log.clone(), log.clone());
    engine.on_print(move |s| p.lock().unwrap().push(format!("print: {s}")));
    engine.on_debug(move |s, _, _| d.lock().unwrap().push(format!("debug: {s}")));
    engine
}

fn text_of(script: &str) -> String {
    let log = Arc::new(Mutex::new(Vec::new()));
    let engine = engine(&log);
    engine.eval::<String>(script).unwrap()
}

fn output_of(script: &str) -> Vec<String> {
    let log = Arc::new(Mutex::new(Vec::new()));
    engine(&log).run(script).unwrap();
    let lines = log.lock().unwrap().clone();
    lines
}

#[test]
fn print_and_debug_use_their_own_function_or_the_name() {
    let c = std::any::type_name::<C>();
    assert_eq!(
        output_of("print(a(1)); print(b()); print(c()); debug(a(1)); debug(b()); debug(c());"),
        [
            "print: A<1>".to_string(),
            "print: B".into(),
            format!("print: {c}"),
            "debug: A".into(),
            "debug: B-debug".into(),
            format!("debug: {c}"),
        ]
    );
    assert_eq!(text_of("a(1).to_debug()"), "A");
    assert_eq!(text_of("b().to_string()"), "B");
    assert_eq!(text_of("`${a(1)} ${b()}` + a(2) + b()"), "A<1> BA<2>B");
}

#[test]
fn elements_of_arrays_and_maps_take_their_debug_form() {
    let c = std::any::type_name::<C>();
    let list = format!("[A, B-debug, {c}]");
    assert_eq!(
        output_of("print([a(1), b(), c()]); debug([a(1), b(), c()]);"),
        [format!("print: {list}"), format!("debug: {list}")]
    );
    assert_eq!(text_of("[a(1), b(), c()].to_string()"), list);
    assert_eq!(text_of("`${[a(1), b(), c()]}`"), list);
    assert_eq!(
        text_of("#{x: a(1), y: b()}.to_debug()"),
        "#{\"x\": A, \"y\": B-debug}"
    );
    assert_eq!(text_of("\"\" + [a(1)]"), "[A]");
    assert_eq!(text_of("#{x: [b()]} + \"\""), "#{\"x\": [B-debug]}");
}
