//! The smallest embedding: evaluate an expression.

use rhai::{Engine, EvalAltResult};

fn main() -> Result<(), Box<EvalAltResult>> {
    let engine = Engine::new();
    let answer = engine.eval::<i64>("40 + 2")?;
    println!("The answer is {answer}");
    assert_eq!(answer, 42);
    Ok(())
}
