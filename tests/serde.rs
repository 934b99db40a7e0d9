//! Serialization (book: "Serialization", "Parse from JSON"): `to_dynamic`, `from_dynamic`,
//! `Dynamic` as `Serialize`/`Deserialize`, and `Engine::parse_json`.

use rhai::{Dynamic, Engine, Map, INT};

#[test]
fn parse_json_into_maps() {
    let engine = Engine::new();
    let map: Map = engine
        .parse_json(
            r#"{"a": 1, "b": [true, 2.5, "x\n"], "c": {"d": null}}"#,
            true,
        )
        .unwrap();
    assert_eq!(
        format!("{:?}", Dynamic::from_map(map.clone())),
        r#"#{"a": 1, "b": [true, 2.5, "x\n"], "c": #{"d": ()}}"#
    );
    assert!(engine.parse_json(r#"{"d": null}"#, false).is_err());
    assert!(engine.parse_json(r#"{"a": }"#, true).is_err());
    assert!(engine.parse_json("[".repeat(100_000), true).is_err());
    let mut scope = rhai::Scope::new();
    scope.push("m", map);
    assert_eq!(
        engine
            .eval_with_scope::<INT>(&mut scope, "m.a + m.b.len()")
            .unwrap(),
        4
    );
    assert_eq!(
        engine
            .eval::<String>("#{a: 1, b: \"x\"}.to_json()")
            .unwrap(),
        r#"{"a":1,"b":"x"}"#
    );
}

#[cfg(feature = "serde")]
mod with_serde {
    use super::*;
    use rhai::serde::{from_dynamic, to_dynamic};
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Point {
        x: i64,
        y: f64,
        tags: Vec<String>,
    }

    #[test]
    fn round_trips() {
        let p = Point {
            x: 1,
            y: 2.5,
            tags: vec!["a".into()],
        };
        let d = to_dynamic(&p).unwrap();
        assert_eq!(format!("{d:?}"), r#"#{"tags": ["a"], "x": 1, "y": 2.5}"#);
        let back: Point = from_dynamic(&d).unwrap();
        assert_eq!(back, p);
        let engine = Engine::new();
        let value = engine.eval::<Dynamic>("#{x: 7, y: 0.5, tags: []}").unwrap();
        let q: Point = from_dynamic(&value).unwrap();
        assert_eq!(q.x, 7);
        let json = serde_json::to_string(&value).unwrap();
        let again: Dynamic = serde_json::from_str(&json).unwrap();
        assert_eq!(format!("{again:?}"), format!("{value:?}"));
        assert!(from_dynamic::<Point>(&Dynamic::from(1 as INT)).is_err());
    }
}
