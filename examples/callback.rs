//! A script hands the host a closure, which the host calls later.

use rhai::{Engine, EvalAltResult, FnPtr};

fn main() -> Result<(), Box<EvalAltResult>> {
    let engine = Engine::new();
    let ast = engine.compile("let offset = 100; |x| x + offset")?;
    let callback: FnPtr = engine.eval_ast(&ast)?;
    for x in [1_i64, 2, 3] {
        let y: i64 = callback.call(&engine, &ast, (x,))?;
        println!("callback({x}) = {y}");
        assert_eq!(y, x + 100);
    }
    Ok(())
}
