//! Benchmarks over the engine: parsing, expressions, loops, script calls, native calls,
//! arrays, maps, strings and custom-type methods. Scripts are compiled once, outside the
//! timed loop. Run with `cargo bench`.

use criterion::{criterion_group, criterion_main, Criterion};
use rhai::{Engine, Scope, AST, INT};
use std::hint::black_box;

#[derive(Clone)]
struct Counter {
    value: INT,
}

fn engine() -> Engine {
    let mut engine = Engine::new();
    engine.on_print(|_| {});
    engine
        .register_type_with_name::<Counter>("Counter")
        .register_fn("counter", || Counter { value: 0 })
        .register_fn("bump", |c: &mut Counter, by: INT| c.value += by)
        .register_get("value", |c: &mut Counter| c.value)
        .register_fn("add", |a: INT, b: INT| a + b);
    engine
}

fn run(c: &mut Criterion, engine: &Engine, name: &str, script: &str) {
    let ast: AST = engine.compile(script).expect("benchmark script compiles");
    c.bench_function(name, |b| {
        b.iter(|| {
            engine
                .run_ast_with_scope(&mut Scope::new(), black_box(&ast))
                .unwrap()
        })
    });
}

fn benches(c: &mut Criterion) {
    let engine = engine();
    let source = "fn f(x) { if x < 2 { x } else { f(x - 1) + f(x - 2) } } let a = [1, 2, #{b: 3}]; a[2].b += 1;";
    c.bench_function("parse", |b| {
        b.iter(|| engine.compile(black_box(source)).unwrap())
    });
    run(
        c,
        &engine,
        "expression",
        "let x = 0; for i in 0..1000 { x = (x + i * 3 - 1) % 1000 + i / 7; }",
    );
    run(
        c,
        &engine,
        "loop",
        "let x = 10_000; while x > 0 { x -= 1; }",
    );
    run(
        c,
        &engine,
        "script_calls",
        "fn fib(n) { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } } fib(15)",
    );
    run(
        c,
        &engine,
        "native_calls",
        "let s = 0; for i in 0..1000 { s = add(s, i); }",
    );
    run(
        c,
        &engine,
        "custom_type_methods",
        "let c = counter(); for i in 0..1000 { c.bump(i); } c.value",
    );
    run(
        c,
        &engine,
        "arrays",
        "let a = []; for i in 0..1000 { a.push(i); } a.sort(|x, y| y - x); a.map(|x| x * 2).len()",
    );
    run(
        c,
        &engine,
        "maps",
        "let m = #{}; for i in 0..300 { m[`k${i % 50}`] = i; } m.keys().len()",
    );
    run(
        c,
        &engine,
        "strings",
        "let s = \"\"; for i in 0..300 { s += i.to_string(); } s.len() + s.index_of(\"99\")",
    );
}

criterion_group!(engine_benches, benches);
criterion_main!(engine_benches);
