use rhai::*;
#[derive(Debug, Clone)]
struct Plain;
fn main() {
    let mut engine = Engine::new();
    engine
        .register_type_with_name::<Plain>("Plain")
        .register_fn("plain", || Plain);
    println!("  {:?}", engine.eval::<Dynamic>("plain().to_debug()"));
}
