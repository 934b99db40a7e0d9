//! Custom types (book: "Working with Any Rust Type"): registration, methods, properties,
//! indexers, iteration, printing, `CustomType` with `TypeBuilder`.

use rhai::{CustomType, Engine, EvalAltResult, TypeBuilder, INT};

#[derive(Debug, Clone, PartialEq)]
struct Point {
    x: INT,
    y: INT,
}

impl Point {
    fn new(x: INT, y: INT) -> Self {
        Self { x, y }
    }
    fn shift(&mut self, dx: INT) {
        self.x += dx;
    }
}

fn point_engine() -> Engine {
    let mut engine = Engine::new();
    engine
        .register_type_with_name::<Point>("Point")
        .register_fn("point", Point::new)
        .register_fn("shift", Point::shift)
        .register_get_set("x", |p: &mut Point| p.x, |p: &mut Point, v: INT| p.x = v)
        .register_get("y", |p: &mut Point| p.y)
        .register_indexer_get(|p: &mut Point, i: INT| if i == 0 { p.x } else { p.y })
        .register_indexer_set(
            |p: &mut Point, i: INT, v: INT| if i == 0 { p.x = v } else { p.y = v },
        )
        .register_fn("to_string", |p: &mut Point| format!("({}, {})", p.x, p.y));
    engine
}

#[test]
fn methods_properties_and_indexers() {
    let engine = point_engine();
    assert_eq!(
        engine.eval::<Point>("point(1, 2)").unwrap(),
        Point::new(1, 2)
    );
    assert_eq!(
        engine
            .eval::<INT>("let p = point(1, 2); p.shift(10); p.x")
            .unwrap(),
        11
    );
    assert_eq!(
        engine
            .eval::<INT>("let p = point(1, 2); p.x = 7; p.x + p.y")
            .unwrap(),
        9
    );
    assert_eq!(
        engine
            .eval::<INT>("let p = point(1, 2); p.x += 5; p.x")
            .unwrap(),
        6
    );
    assert_eq!(
        engine
            .eval::<INT>("let p = point(3, 4); p[0] * p[1]")
            .unwrap(),
        12
    );
    assert_eq!(
        engine
            .eval::<INT>("let p = point(3, 4); p[1] = 9; p.y")
            .unwrap(),
        9
    );
    assert_eq!(
        engine
            .eval::<INT>("let a = [point(1, 1)]; a[0].x = 5; a[0].shift(1); a[0].x")
            .unwrap(),
        6
    );
    assert_eq!(
        engine
            .eval::<INT>("let m = #{p: point(1, 1)}; m.p.x += 2; m.p.x")
            .unwrap(),
        3
    );
    assert_eq!(
        engine.eval::<String>("type_of(point(0, 0))").unwrap(),
        "Point"
    );
    assert_eq!(
        engine
            .eval::<String>("let p = point(1, 2); `p = ${p}`")
            .unwrap(),
        "p = (1, 2)"
    );
    assert_eq!(
        engine.eval::<String>("point(1, 2).to_string()").unwrap(),
        "(1, 2)"
    );
    let err = engine.eval::<INT>("point(1, 2).z").unwrap_err();
    assert!(matches!(*err, EvalAltResult::ErrorDotExpr(..)), "{err:?}");
    let err = engine
        .eval::<INT>("let p = point(1, 2); p.y = 5;")
        .unwrap_err();
    assert!(matches!(*err, EvalAltResult::ErrorDotExpr(..)), "{err:?}");
    let err = engine.eval::<INT>("point(1, 2).shift(\"x\")").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorFunctionNotFound(ref s, _) if s == "shift (Point, &str | ImmutableString | String)"),
        "{err:?}"
    );
}

#[derive(Debug, Clone)]
struct Bag {
    items: Vec<INT>,
}

impl IntoIterator for Bag {
    type Item = INT;
    type IntoIter = std::vec::IntoIter<INT>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl CustomType for Bag {
    fn build(mut builder: TypeBuilder<'_, Self>) {
        builder
            .with_name("Bag")
            .with_fn("bag", || Bag { items: Vec::new() })
            .with_fn("add", |b: &mut Bag, x: INT| b.items.push(x))
            .with_get("size", |b: &mut Bag| b.items.len() as INT)
            .on_print(|b: &mut Bag| format!("Bag{:?}", b.items))
            .is_iterable();
    }
}

#[test]
fn custom_type_trait_and_iteration() {
    let mut engine = Engine::new();
    engine.build_type::<Bag>();
    let script = "let b = bag(); b.add(1); b.add(2); b.add(3); let s = 0; for x in b { s += x; } s * 10 + b.size";
    assert_eq!(engine.eval::<INT>(script).unwrap(), 63);
    assert_eq!(
        engine
            .eval::<String>("let b = bag(); b.add(4); `${b}`")
            .unwrap(),
        "Bag[4]"
    );
    assert_eq!(engine.eval::<String>("type_of(bag())").unwrap(), "Bag");
}

#[derive(Debug, Clone)]
struct Plain;

#[test]
fn printing_a_type_without_to_string_uses_its_name() {
    let mut engine = Engine::new();
    engine
        .register_type_with_name::<Plain>("Plain")
        .register_fn("plain", || Plain);
    assert_eq!(
        engine.eval::<String>("to_string(plain())").unwrap(),
        "Plain"
    );
    assert_eq!(engine.eval::<String>("`${plain()}`").unwrap(), "Plain");
    assert_eq!(
        engine.eval::<String>("plain().to_debug()").unwrap(),
        "Plain"
    );
    engine.run("print(plain()); debug(plain());").unwrap();
}
