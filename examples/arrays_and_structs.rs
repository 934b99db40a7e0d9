//! Arrays of custom types: building them in scripts and updating elements in place.

use rhai::{Array, Engine, EvalAltResult};

#[derive(Debug, Clone)]
struct Item {
    name: String,
    qty: i64,
}

fn main() -> Result<(), Box<EvalAltResult>> {
    let mut engine = Engine::new();
    engine
        .register_type_with_name::<Item>("Item")
        .register_fn("item", |name: &str, qty: i64| Item {
            name: name.into(),
            qty,
        })
        .register_get_set(
            "qty",
            |i: &mut Item| i.qty,
            |i: &mut Item, q: i64| i.qty = q,
        )
        .register_get("name", |i: &mut Item| i.name.clone());
    let items = engine.eval::<Array>(
        r#"
        let stock = [item("apple", 3), item("pear", 0), item("plum", 7)];
        for i in 0..stock.len() { stock[i].qty += 1; }
        stock.filter(|it| it.qty > 1)
        "#,
    )?;
    for it in &items {
        let it = it.clone().cast::<Item>();
        println!("{}: {}", it.name, it.qty);
    }
    assert_eq!(items.len(), 2);
    Ok(())
}
