//! A custom type built with `CustomType`, with methods, properties and printing.

use rhai::{CustomType, Engine, EvalAltResult, TypeBuilder};

#[derive(Debug, Clone, PartialEq)]
struct Vector {
    x: f64,
    y: f64,
}

impl CustomType for Vector {
    fn build(mut builder: TypeBuilder<'_, Self>) {
        builder
            .with_name("Vector")
            .with_fn("vector", |x: f64, y: f64| Vector { x, y })
            .with_fn("length", |v: &mut Vector| v.x.hypot(v.y))
            .with_fn("scale", |v: &mut Vector, k: f64| {
                v.x *= k;
                v.y *= k;
            })
            .with_get_set("x", |v: &mut Vector| v.x, |v: &mut Vector, x: f64| v.x = x)
            .with_get("y", |v: &mut Vector| v.y)
            .on_print(|v: &mut Vector| format!("<{}, {}>", v.x, v.y));
    }
}

fn main() -> Result<(), Box<EvalAltResult>> {
    let mut engine = Engine::new();
    engine.build_type::<Vector>();
    let v = engine.eval::<Vector>("let v = vector(3.0, 4.0); print(`v = ${v}, |v| = ${v.length()}`); v.scale(2.0); v.x += 1.0; v")?;
    println!("{v:?}");
    assert_eq!(v, Vector { x: 7.0, y: 8.0 });
    Ok(())
}
