//! Time a script file: `cargo run --release --example timing -- FILE [REPS]`.
use rhai::Engine;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: timing FILE [REPS]");
        return;
    };
    let reps: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(3);
    let source = std::fs::read_to_string(path).expect("readable script");
    let mut engine = Engine::new();
    engine.on_print(|_| {});
    let ast = match engine.compile(&source) {
        Ok(ast) => ast,
        Err(e) => return eprintln!("compile error: {e}"),
    };
    let mut best = f64::MAX;
    for _ in 0..reps {
        let t = Instant::now();
        if let Err(e) = engine.run_ast(&ast) {
            return eprintln!("run error: {e}");
        }
        best = best.min(t.elapsed().as_secs_f64() * 1e3);
    }
    println!("{path}: {best:.2} ms");
}
