//! Engines on several threads, each running the same script text on its own data.

use rhai::Engine;

fn main() {
    let script = "fn work(n) { let s = 0; for i in 0..n { s += i; } s } work(count)";
    let handles: Vec<_> = (1..=4)
        .map(|k| {
            std::thread::spawn(move || {
                let engine = Engine::new();
                let mut scope = rhai::Scope::new();
                scope.push("count", 1000_i64 * k);
                engine.eval_with_scope::<i64>(&mut scope, script).unwrap()
            })
        })
        .collect();
    for (k, h) in handles.into_iter().enumerate() {
        let n = 1000 * (k as i64 + 1);
        let sum = h.join().unwrap();
        println!("thread {k}: sum of 0..{n} = {sum}");
        assert_eq!(sum, n * (n - 1) / 2);
    }
}
