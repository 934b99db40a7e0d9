//! A Rust type used from scripts: constructor, property getter/setter and a method.

use rhai::{Engine, EvalAltResult};

#[derive(Debug, Clone)]
struct Counter {
    count: i64,
}

impl Counter {
    fn new() -> Self {
        Self { count: 0 }
    }
    fn increment(&mut self) {
        self.count += 1;
    }
    fn get_count(&mut self) -> i64 {
        self.count
    }
    fn set_count(&mut self, value: i64) {
        self.count = value;
    }
}

fn main() -> Result<(), Box<EvalAltResult>> {
    let mut engine = Engine::new();
    engine
        .register_type_with_name::<Counter>("Counter")
        .register_fn("new_counter", Counter::new)
        .register_fn("increment", Counter::increment)
        .register_get_set("count", Counter::get_count, Counter::set_count);
    let result = engine
        .eval::<Counter>("let c = new_counter(); c.count = 40; c.increment(); c.increment(); c")?;
    println!("count = {}", result.count);
    assert_eq!(result.count, 42);
    Ok(())
}
