//! One scope across several runs: variables defined by one script are seen by the next.

use rhai::{Engine, EvalAltResult, Scope};

fn main() -> Result<(), Box<EvalAltResult>> {
    let engine = Engine::new();
    let mut scope = Scope::new();
    engine.run_with_scope(&mut scope, "let x = 4 + 5;")?;
    let total = engine.eval_with_scope::<i64>(&mut scope, "x = x * 2; x + 1")?;
    println!("x = {:?}, total = {total}", scope.get_value::<i64>("x"));
    assert_eq!(total, 19);
    Ok(())
}
