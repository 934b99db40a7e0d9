//! The one-engine-per-call pattern in a loop: `cargo run --release --example percall -- N`.
use rhai::packages::{Package, StandardPackage};
use rhai::Engine;
use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let script = r#"
        let x = 40;
        let name = "call";
        let m = #{ a: x, b: [1, 2, 3] };
        if m.a + m.b.len() != 43 { throw "wrong answer"; }
        `${name}: ${x + 2}`
    "#;
    let ast = Engine::new().compile(script).expect("compiles");
    let package = StandardPackage::new();
    let t0 = Instant::now();
    for _ in 0..n {
        let mut engine = Engine::new_raw();
        engine.register_global_module(package.as_shared_module());
        engine.run_ast(&ast).expect("runs");
    }
    println!(
        "{:.3} us per call",
        t0.elapsed().as_secs_f64() * 1e6 / n as f64
    );
}
