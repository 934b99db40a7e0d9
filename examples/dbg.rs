use rhai::*;
fn main() {
    let engine = Engine::new();
    let ast = engine
        .compile("let base = 100; fn with_base(x) { base + x }")
        .unwrap();
    let mut scope = Scope::new();
    let options = CallFnOptions::new().eval_ast(false).rewind_scope(false);
    let r = engine.call_fn_with_options::<INT>(options, &mut scope, &ast, "with_base", (1 as INT,));
    println!("{r:?} {scope:?}");
}
