//! Serialization (book: "Serialization and Deserialization of Dynamic with serde", "Parse from
//! JSON"): `to_dynamic`, `from_dynamic`, `Dynamic` and `Scope` as `Serialize`/`Deserialize`, and
//! `Engine::parse_json`.

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
    use rhai::serde::{from_dynamic, to_dynamic, DynamicDeserializer, DynamicSerializer};
    use rhai::{Array, Blob, EvalAltResult, ImmutableString, Scope, FLOAT};
    use serde::de::IntoDeserializer;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::collections::{BTreeMap, HashMap};

    /// The (expected, actual) of a type-mismatch error; any other error fails the test.
    fn mismatch(err: EvalAltResult) -> (String, String) {
        match err {
            EvalAltResult::ErrorMismatchDataType(expected, actual, pos) => {
                assert!(pos.is_none());
                (expected, actual)
            }
            other => panic!("not a type mismatch: {other:?}"),
        }
    }

    fn pair(expected: &str, actual: &str) -> (String, String) {
        (expected.into(), actual.into())
    }

    /// The (expected, actual) of an output-type mismatch; any other error fails the test.
    #[allow(clippy::boxed_local)]
    fn wrong_type(err: Box<EvalAltResult>) -> (String, String) {
        match *err {
            EvalAltResult::ErrorMismatchOutputType(expected, actual, pos) => {
                assert!(pos.is_none());
                (expected, actual)
            }
            other => panic!("not an output type mismatch: {other:?}"),
        }
    }

    /// The message serde (or a `Deserialize` implementation) reported; any other error fails
    /// the test.
    #[allow(clippy::boxed_local)]
    fn serde_message(err: Box<EvalAltResult>) -> String {
        match *err {
            EvalAltResult::ErrorParsing(
                rhai::ParseErrorType::BadInput(rhai::LexError::ImproperSymbol(symbol, msg)),
                pos,
            ) => {
                assert!(symbol.is_empty() && pos.is_none());
                msg
            }
            other => panic!("not a serde message: {other:?}"),
        }
    }

    fn debug<T: Serialize>(value: T) -> String {
        format!("{:?}", to_dynamic(value).unwrap())
    }

    /// Bytes serialized through `serialize_bytes` (serde's byte-array form).
    #[derive(Debug, PartialEq)]
    struct Bytes(Vec<u8>);

    impl Serialize for Bytes {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(&self.0)
        }
    }

    impl<'de> Deserialize<'de> for Bytes {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> serde::de::Visitor<'de> for V {
                type Value = Bytes;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("bytes")
                }
                fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Bytes, E> {
                    Ok(Bytes(v.to_vec()))
                }
                fn visit_seq<A: serde::de::SeqAccess<'de>>(
                    self,
                    mut seq: A,
                ) -> Result<Bytes, A::Error> {
                    let mut bytes = Vec::new();
                    while let Some(byte) = seq.next_element()? {
                        bytes.push(byte);
                    }
                    Ok(Bytes(bytes))
                }
            }
            d.deserialize_bytes(V)
        }
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Point {
        x: i64,
        y: f64,
        tags: Vec<String>,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    enum Shape {
        Empty,
        Circle(f64),
        Line(i64, char),
        Rect { w: u32, h: u32 },
    }

    #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
    enum Key {
        Empty,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Unit;

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Meters(u16);

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Pair(i8, String);

    #[test]
    fn to_dynamic_scalars() {
        for d in [
            to_dynamic(-5i8),
            to_dynamic(300i16),
            to_dynamic(-70_000i32),
            to_dynamic(i64::MIN),
            to_dynamic(200u8),
            to_dynamic(60_000u16),
            to_dynamic(u32::MAX),
            to_dynamic(i64::MAX as u64),
            to_dynamic(i64::MIN as i128),
            to_dynamic(i64::MAX as u128),
        ] {
            assert!(d.unwrap().is_int());
        }
        assert_eq!(to_dynamic(u32::MAX).unwrap().as_int(), Ok(4_294_967_295));
        assert_eq!(to_dynamic(i64::MIN as i128).unwrap().as_int(), Ok(i64::MIN));
        assert_eq!(to_dynamic(0.5f32).unwrap().as_float(), Ok(0.5));
        assert_eq!(
            to_dynamic(0.1f32).unwrap().as_float(),
            Ok(0.10000000149011612)
        );
        assert_eq!(to_dynamic(-2.25f64).unwrap().as_float(), Ok(-2.25));
        assert_eq!(to_dynamic(true).unwrap().as_bool(), Ok(true));
        assert_eq!(to_dynamic('ß').unwrap().as_char(), Ok('ß'));
        assert!(to_dynamic("x").unwrap().is_string());
        assert_eq!(
            to_dynamic(String::from("hi")).unwrap().into_string(),
            Ok("hi".into())
        );
        assert!(to_dynamic(()).unwrap().is_unit());
        assert!(to_dynamic(None::<i32>).unwrap().is_unit());
        assert_eq!(to_dynamic(Some(3u8)).unwrap().as_int(), Ok(3));
        assert!(to_dynamic(Unit).unwrap().is_unit());
        assert_eq!(to_dynamic(Meters(7)).unwrap().as_int(), Ok(7));
        assert_eq!(debug(ImmutableString::from("s")), r#""s""#);
    }

    #[test]
    fn to_dynamic_integers_above_int_become_floats_or_decimals() {
        let text = |d: Result<Dynamic, Box<EvalAltResult>>| {
            let d = d.unwrap();
            format!("{d:?} {}", d.type_name())
        };
        // A `u64` beyond INT is a Decimal when there are decimals, else a float.
        let (max, above) = if cfg!(feature = "decimal") {
            (
                "18446744073709551615 decimal",
                "9223372036854775808 decimal",
            )
        } else {
            ("1.8446744073709552e19 f64", "9.223372036854776e18 f64")
        };
        assert_eq!(text(to_dynamic(u64::MAX)), max);
        assert_eq!(text(to_dynamic(i64::MAX as u64 + 1)), above);
        let big: Dynamic = serde_json::from_str("18446744073709551615").unwrap();
        assert_eq!(text(Ok(big)), max);
        assert_eq!(text(to_dynamic(i128::MAX)), "1.7014118346046923e38 f64");
        assert_eq!(text(to_dynamic(u128::MAX)), "3.402823669209385e38 f64");
        // As published, an i128 below INT::MIN keeps its low bits.
        assert_eq!(text(to_dynamic(i128::MIN)), "0 i64");
        assert_eq!(text(to_dynamic(-5_i128)), "-5 i64");
        let negative: Dynamic = serde_json::from_str("-9223372036854775809").unwrap();
        assert_eq!(text(Ok(negative)), "-9.223372036854776e18 f64");
    }

    #[test]
    fn to_dynamic_bytes_are_a_blob_but_vec_u8_is_an_array() {
        let blob = to_dynamic(Bytes(vec![1, 0xff, 42])).unwrap();
        assert!(blob.is_blob());
        assert_eq!(blob.clone().into_blob(), Ok(vec![1, 0xff, 42]));
        assert_eq!(format!("{blob:?}"), "[01ff2a]");
        let array = to_dynamic(vec![1u8, 2]).unwrap();
        assert!(array.is_array());
        assert_eq!(format!("{array:?}"), "[1, 2]");
        assert!(to_dynamic(Bytes(vec![])).unwrap().is_blob());
    }

    #[test]
    fn to_dynamic_sequences_and_maps() {
        assert_eq!(debug(vec!["a", "b"]), r#"["a", "b"]"#);
        assert_eq!(debug((1u8, 'c', "s", 2.0f64)), r#"[1, 'c', "s", 2.0]"#);
        assert_eq!(debug(Pair(-1, "p".into())), r#"[-1, "p"]"#);
        assert_eq!(debug([[1, 2], [3, 4]]), "[[1, 2], [3, 4]]");
        assert_eq!(debug(Vec::<i32>::new()), "[]");
        let mut hash = HashMap::new();
        hash.insert("k".to_string(), vec![Some(1), None]);
        assert_eq!(debug(&hash), r#"#{"k": [1, ()]}"#);
        // Only strings make object-map keys (unit variants serialize as strings).
        let ints: BTreeMap<i32, bool> = [(-1, true), (10, false)].into_iter().collect();
        assert_eq!(
            mismatch(*to_dynamic(ints).unwrap_err()),
            pair("string", "i64")
        );
        let chars: BTreeMap<char, u8> = [('a', 1)].into_iter().collect();
        assert_eq!(
            mismatch(*to_dynamic(chars).unwrap_err()),
            pair("string", "char")
        );
        let bools: BTreeMap<bool, u8> = [(false, 0)].into_iter().collect();
        assert_eq!(
            mismatch(*to_dynamic(bools).unwrap_err()),
            pair("string", "bool")
        );
        let units: BTreeMap<Key, u8> = [(Key::Empty, 0)].into_iter().collect();
        assert_eq!(debug(units), r#"#{"Empty": 0}"#);
        let bad: BTreeMap<Vec<u8>, u8> = [(vec![1], 0)].into_iter().collect();
        assert_eq!(
            mismatch(*to_dynamic(bad).unwrap_err()),
            pair("string", "array")
        );
        let unit_keys: BTreeMap<(), u8> = [((), 0)].into_iter().collect();
        assert_eq!(
            mismatch(*to_dynamic(unit_keys).unwrap_err()),
            pair("string", "()")
        );
        let p = Point {
            x: 1,
            y: 2.5,
            tags: vec!["a".into()],
        };
        assert_eq!(debug(&p), r#"#{"tags": ["a"], "x": 1, "y": 2.5}"#);
    }

    #[test]
    fn to_dynamic_enums() {
        assert_eq!(debug(Shape::Empty), r#""Empty""#);
        assert_eq!(debug(Shape::Circle(1.0)), r#"#{"Circle": 1.0}"#);
        assert_eq!(debug(Shape::Line(3, 'z')), r#"#{"Line": [3, 'z']}"#);
        assert_eq!(
            debug(Shape::Rect { w: 2, h: 3 }),
            r#"#{"Rect": #{"h": 3, "w": 2}}"#
        );
        assert!(to_dynamic(Shape::Empty).unwrap().is_string());
    }

    #[test]
    fn book_example_struct_to_map_and_back() {
        #[derive(Debug, PartialEq, Serialize, Deserialize)]
        struct Pt {
            x: f64,
            y: f64,
        }
        #[derive(Debug, PartialEq, Serialize, Deserialize)]
        struct MyStruct {
            a: i64,
            b: Vec<String>,
            c: bool,
            d: Pt,
        }
        let x = MyStruct {
            a: 42,
            b: vec!["hello".into(), "world".into()],
            c: true,
            d: Pt {
                x: 123.456,
                y: 999.0,
            },
        };
        let map = to_dynamic(&x).unwrap();
        assert!(map.is::<Map>());
        assert_eq!(
            format!("{map:?}"),
            r#"#{"a": 42, "b": ["hello", "world"], "c": true, "d": #{"x": 123.456, "y": 999.0}}"#
        );
        let engine = Engine::new();
        let result: Dynamic = engine
            .eval(r#"#{ a: 42, b: ["hello", "world"], c: true, d: #{ x: 123.456, y: 999.0 } }"#)
            .unwrap();
        assert_eq!(from_dynamic::<MyStruct>(&result).unwrap(), x);
        // An integer is no `f64`.
        let integer: Dynamic = engine
            .eval(r#"#{ a: 42, b: [], c: true, d: #{ x: 123.456, y: 999 } }"#)
            .unwrap();
        assert_eq!(
            wrong_type(from_dynamic::<MyStruct>(&integer).unwrap_err()),
            pair("f64", "i64")
        );
        assert_eq!(from_dynamic::<MyStruct>(&map).unwrap(), x);
    }

    #[test]
    fn from_dynamic_scalars() {
        let engine = Engine::new();
        let d = |s: &str| engine.eval::<Dynamic>(s).unwrap();
        assert_eq!(from_dynamic::<i64>(&d("-7")).unwrap(), -7);
        assert_eq!(from_dynamic::<u8>(&d("255")).unwrap(), 255);
        assert_eq!(from_dynamic::<i128>(&d("-7")).unwrap(), -7);
        assert_eq!(from_dynamic::<f64>(&d("999.0")).unwrap(), 999.0);
        assert_eq!(from_dynamic::<f32>(&Dynamic::from(0.5f32)).unwrap(), 0.5);
        assert_eq!(from_dynamic::<i32>(&Dynamic::from(7i32)).unwrap(), 7);
        assert!(from_dynamic::<bool>(&d("true")).unwrap());
        assert_eq!(from_dynamic::<char>(&d("'x'")).unwrap(), 'x');
        assert_eq!(from_dynamic::<String>(&d(r#""abc""#)).unwrap(), "abc");
        assert_eq!(
            from_dynamic::<ImmutableString>(&d(r#""abc""#)).unwrap(),
            "abc"
        );
        let s = d(r#""borrowed""#);
        let borrowed: &str = from_dynamic(&s).unwrap();
        assert_eq!(borrowed, "borrowed");
        from_dynamic::<()>(&d("()")).unwrap();
        assert_eq!(from_dynamic::<Unit>(&d("()")).unwrap(), Unit);
        assert_eq!(from_dynamic::<Meters>(&d("12")).unwrap(), Meters(12));
        assert_eq!(from_dynamic::<Option<i64>>(&d("()")).unwrap(), None);
        assert_eq!(from_dynamic::<Option<i64>>(&d("5")).unwrap(), Some(5));
        assert_eq!(
            from_dynamic::<Option<Option<i64>>>(&d("5")).unwrap(),
            Some(Some(5))
        );
    }

    #[test]
    fn from_dynamic_takes_only_the_matching_kind() {
        let engine = Engine::new();
        let d = |s: &str| engine.eval::<Dynamic>(s).unwrap();
        let err = |r: Result<(), Box<EvalAltResult>>| wrong_type(r.unwrap_err());
        let point = std::any::type_name::<Point>();
        for (result, expected, actual) in [
            (from_dynamic::<i32>(&d(r#""1""#)).map(drop), "i32", "string"),
            (from_dynamic::<i64>(&d("1.5")).map(drop), "i64", "f64"),
            (from_dynamic::<f64>(&d("999")).map(drop), "f64", "i64"),
            (from_dynamic::<f32>(&d("0.5")).map(drop), "f32", "f64"),
            (
                from_dynamic::<i8>(&Dynamic::from(7i32)).map(drop),
                "i8",
                "i32",
            ),
            (
                from_dynamic::<char>(&d(r#""y""#)).map(drop),
                "char",
                "string",
            ),
            (
                from_dynamic::<String>(&d("'x'")).map(drop),
                "String",
                "char",
            ),
            (from_dynamic::<bool>(&d("()")).map(drop), "bool", "()"),
            (
                from_dynamic::<String>(&d("[1]")).map(drop),
                "String",
                "array",
            ),
            (
                from_dynamic::<ImmutableString>(&d("1")).map(drop),
                "String",
                "i64",
            ),
            (
                from_dynamic::<Vec<i64>>(&d("#{}")).map(drop),
                "alloc::vec::Vec<i64>",
                "map",
            ),
            (from_dynamic::<Vec<u8>>(&d("1")).map(drop), "Blob", "i64"),
            (from_dynamic::<Array>(&d("1")).map(drop), "Array", "i64"),
            (from_dynamic::<Point>(&d("1")).map(drop), "Map", "i64"),
            (
                from_dynamic::<Point>(&d(r#"[1, 2.0, ["t"]]"#)).map(drop),
                "Map",
                "array",
            ),
            (
                from_dynamic::<Point>(&d("#{x: 1, y: 2.0, tags: [1]}")).map(drop),
                "String",
                "i64",
            ),
            (
                from_dynamic::<(i64, i64)>(&d("1")).map(drop),
                "(i64, i64)",
                "i64",
            ),
            (from_dynamic::<&str>(&d("'c'")).map(drop), "&str", "char"),
        ] {
            assert_eq!(err(result), pair(expected, actual));
        }
        assert_eq!(
            err(from_dynamic::<Unit>(&d("1")).map(drop)),
            pair(std::any::type_name::<Unit>(), "i64")
        );
        assert!(point.ends_with("Point"));
        let message = |r: Result<(), Box<EvalAltResult>>| serde_message(r.unwrap_err());
        assert_eq!(
            message(from_dynamic::<u8>(&d("300")).map(drop)),
            "invalid value: integer `300`, expected u8"
        );
        assert_eq!(
            message(from_dynamic::<u64>(&d("-1")).map(drop)),
            "invalid value: integer `-1`, expected u64"
        );
        assert_eq!(
            message(from_dynamic::<Point>(&d("#{x: 1, tags: []}")).map(drop)),
            "missing field `y`"
        );
        assert_eq!(
            message(from_dynamic::<(i64, i64)>(&d("[1]")).map(drop)),
            "invalid length 1, expected a tuple of size 2"
        );
        // Extra elements are left unread.
        assert_eq!(from_dynamic::<(i64, i64)>(&d("[1, 2, 3]")).unwrap(), (1, 2));
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Strict {
            a: i64,
        }
        assert_eq!(
            message(from_dynamic::<Strict>(&d("#{a: 1, b: 2}")).map(drop)),
            "unknown field `b`, expected `a`"
        );
    }

    #[test]
    fn from_dynamic_collections() {
        let engine = Engine::new();
        let d = |s: &str| engine.eval::<Dynamic>(s).unwrap();
        assert_eq!(
            from_dynamic::<Vec<String>>(&d(r#"["a", "b"]"#)).unwrap(),
            vec!["a", "b"]
        );
        assert_eq!(
            from_dynamic::<(i64, char, Option<bool>)>(&d("[1, 'c', ()]")).unwrap(),
            (1, 'c', None)
        );
        assert_eq!(
            from_dynamic::<Pair>(&d(r#"[-1, "p"]"#)).unwrap(),
            Pair(-1, "p".into())
        );
        let hash: HashMap<String, i64> = from_dynamic(&d("#{a: 1, b: 2}")).unwrap();
        assert_eq!(hash.len(), 2);
        assert_eq!(hash["b"], 2);
        let keyed: BTreeMap<Key, u8> = from_dynamic(&d("#{Empty: 1}")).unwrap();
        assert_eq!(keyed[&Key::Empty], 1);
        // Keys are strings only.
        assert_eq!(
            serde_message(from_dynamic::<BTreeMap<i32, bool>>(&d(r#"#{"1": true}"#)).unwrap_err()),
            "invalid type: string \"1\", expected i32"
        );
        assert_eq!(
            wrong_type(from_dynamic::<HashMap<String, i64>>(&d("1")).unwrap_err()).0,
            std::any::type_name::<HashMap<String, i64>>()
        );
    }

    #[test]
    fn from_dynamic_blobs() {
        let engine = Engine::new();
        let blob = engine
            .eval::<Dynamic>("let b = blob(3, 7); b[0] = 1; b")
            .unwrap();
        assert!(blob.is_blob());
        assert_eq!(from_dynamic::<Bytes>(&blob).unwrap(), Bytes(vec![1, 7, 7]));
        // Bytes are not handed out borrowed, and a BLOB is not a sequence.
        assert_eq!(
            serde_message(from_dynamic::<&[u8]>(&blob).unwrap_err()),
            "invalid type: byte array, expected a borrowed byte array"
        );
        assert_eq!(
            wrong_type(from_dynamic::<Vec<u8>>(&blob).unwrap_err()),
            pair("Blob", "blob")
        );
        assert_eq!(
            wrong_type(from_dynamic::<Vec<i64>>(&blob).unwrap_err()),
            pair("alloc::vec::Vec<i64>", "blob")
        );
        assert_eq!(
            wrong_type(from_dynamic::<String>(&blob).unwrap_err()),
            pair("String", "blob")
        );
        assert_eq!(
            wrong_type(from_dynamic::<Point>(&blob).unwrap_err()),
            pair("Map", "blob")
        );
        let array = engine.eval::<Dynamic>("[1, 2]").unwrap();
        assert_eq!(from_dynamic::<Vec<u8>>(&array).unwrap(), vec![1, 2]);
        assert_eq!(
            wrong_type(from_dynamic::<Bytes>(&array).unwrap_err()).1,
            "array"
        );
    }

    #[test]
    fn from_dynamic_enums() {
        let engine = Engine::new();
        let d = |s: &str| engine.eval::<Dynamic>(s).unwrap();
        let shape = |s: &str| from_dynamic::<Shape>(&d(s));
        assert_eq!(shape(r#""Empty""#).unwrap(), Shape::Empty);
        assert_eq!(shape("#{Empty: ()}").unwrap(), Shape::Empty);
        assert_eq!(shape("#{Circle: 2.0}").unwrap(), Shape::Circle(2.0));
        assert_eq!(shape("#{Line: [1, 'q']}").unwrap(), Shape::Line(1, 'q'));
        assert_eq!(
            shape("#{Rect: #{w: 1, h: 2}}").unwrap(),
            Shape::Rect { w: 1, h: 2 }
        );
        let message = |s: &str| serde_message(shape(s).unwrap_err());
        assert_eq!(
            message(r#""Oval""#),
            "unknown variant `Oval`, expected one of `Empty`, `Circle`, `Line`, `Rect`"
        );
        assert_eq!(
            message(r#""Circle""#),
            "invalid type: unit variant, expected newtype variant"
        );
        let err = |s: &str| wrong_type(shape(s).unwrap_err());
        let name = std::any::type_name::<Shape>();
        assert_eq!(err("#{Empty: 1}"), pair("()", "i64"));
        assert_eq!(err("#{Circle: 1, Empty: ()}"), pair(name, "map"));
        assert_eq!(err("#{}"), pair(name, "map"));
        assert_eq!(err("0"), pair(name, "i64"));
        assert_eq!(err("#{Circle: 2}"), pair("f64", "i64"));
        assert_eq!(err("#{Rect: [3, 4]}"), pair("Map", "array"));
    }

    #[test]
    fn shared_values_are_read_through_for_scalars_only() {
        let shared = Dynamic::from(5 as INT).into_shared();
        assert_eq!(from_dynamic::<i64>(&shared).unwrap(), 5);
        assert_eq!(from_dynamic::<Option<i64>>(&shared).unwrap(), Some(5));
        assert_eq!(
            wrong_type(from_dynamic::<bool>(&shared).unwrap_err()),
            pair("bool", "i64")
        );
        let whole = from_dynamic::<Dynamic>(&shared).unwrap();
        assert!(whole.is_shared());
        let nested = Dynamic::from_array(vec![shared.clone()]);
        assert_eq!(from_dynamic::<Vec<i64>>(&nested).unwrap(), vec![5]);
        let shared_list = Dynamic::from_array(vec![Dynamic::ONE]).into_shared();
        assert_eq!(
            wrong_type(from_dynamic::<Vec<i64>>(&shared_list).unwrap_err()),
            pair("alloc::vec::Vec<i64>", "array")
        );
        assert_eq!(
            from_dynamic::<Vec<i64>>(&shared_list.flatten_clone()).unwrap(),
            vec![1]
        );
    }

    #[derive(Clone)]
    struct Opaque;

    #[test]
    fn from_dynamic_rejects_values_without_a_serde_form() {
        let engine = Engine::new();
        let custom = Dynamic::from(Opaque);
        let actual = custom.type_name().to_string();
        assert!(actual.ends_with("Opaque"));
        assert_eq!(
            wrong_type(from_dynamic::<String>(&custom).unwrap_err()),
            pair("String", &actual)
        );
        let fn_ptr = engine.eval::<Dynamic>("Fn(\"f\")").unwrap();
        assert_eq!(
            wrong_type(from_dynamic::<serde_json::Value>(&fn_ptr).unwrap_err()),
            pair("serde_json::value::Value", "Fn")
        );
        let stamp = engine.eval::<Dynamic>("timestamp()").unwrap();
        assert_eq!(
            wrong_type(from_dynamic::<Point>(&stamp).unwrap_err()),
            pair("Map", "timestamp")
        );
        // A `Dynamic` target takes any value whole.
        let list = Dynamic::from_array(vec![fn_ptr.clone(), custom, Dynamic::ONE.into_shared()]);
        let copied = from_dynamic::<Vec<Dynamic>>(&list).unwrap();
        assert!(copied[0].is_fnptr() && copied[1].is::<Opaque>() && copied[2].is_shared());
    }

    #[test]
    fn dynamic_serializes_directly() {
        let engine = Engine::new();
        let value = engine
            .eval::<Dynamic>(
                r#"let b = blob(2, 9); #{u: (), t: true, i: -3, f: 1.5, c: 'x', s: "s\"",
                   a: [1, [2]], b: b, m: #{n: ()}, p: Fn("f"), q: Fn("g").curry(1).curry([2])}"#,
            )
            .unwrap();
        assert_eq!(
            serde_json::to_string(&value).unwrap(),
            r#"{"a":[1,[2]],"b":[9,9],"c":"x","f":1.5,"i":-3,"m":{"n":null},"p":"f","q":["g",1,[2]],"s":"s\"","t":true,"u":null}"#
        );
        let mut custom = Map::new();
        custom.insert("o".into(), Dynamic::from(Opaque));
        custom.insert("r".into(), Dynamic::from(1..3 as INT));
        custom.insert("t".into(), Dynamic::from(rhai::Instant::now()));
        let mut ptr = rhai::FnPtr::new("g").unwrap();
        ptr.add_curry(Dynamic::from(1 as INT));
        custom.insert("p".into(), Dynamic::from(ptr));
        let json = serde_json::to_string(&Dynamic::from_map(custom)).unwrap();
        // Other values serialize as their Rust type name; a curried pointer as [name, values].
        assert_eq!(
            json,
            format!(
                r#"{{"o":"{}","p":["g",1],"r":"core::ops::range::Range<i64>","t":"std::time::Instant"}}"#,
                Dynamic::from(Opaque).type_name()
            )
        );
        let shared = Dynamic::from_array(vec![Dynamic::from('q').into_shared()]);
        assert_eq!(serde_json::to_string(&shared).unwrap(), r#"["q"]"#);
    }

    #[test]
    fn serializing_a_shared_value_locked_for_writing_fails() {
        let mut shared = Dynamic::from(1 as INT).into_shared();
        let other = shared.clone();
        let guard = shared.write_lock::<INT>().unwrap();
        let err = serde_json::to_string(&other).unwrap_err();
        assert_eq!(err.to_string(), "shared value is locked for writing");
        drop(guard);
        assert_eq!(serde_json::to_string(&other).unwrap(), "1");
    }

    #[test]
    fn dynamic_deserializes_directly() {
        let value: Dynamic = serde_json::from_str(
            r#"{"a": [1, -9223372036854775808, 9223372036854775807], "b": null, "c": 2.5, "d": "x", "e": {"f": false}}"#,
        )
        .unwrap();
        assert_eq!(
            format!("{value:?}"),
            r#"#{"a": [1, -9223372036854775808, 9223372036854775807], "b": (), "c": 2.5, "d": "x", "e": #{"f": false}}"#
        );
        // An integer beyond INT becomes a decimal (with `decimal`), else the nearest float.
        let wide = serde_json::from_str::<Dynamic>("[9223372036854775808]").unwrap();
        #[cfg(feature = "decimal")]
        assert_eq!(format!("{wide:?}"), "[9223372036854775808]");
        #[cfg(not(feature = "decimal"))]
        assert_eq!(format!("{wide:?}"), "[9.223372036854776e18]");
        let char_value = from_dynamic::<Dynamic>(&Dynamic::from('c')).unwrap();
        assert!(char_value.is_char());
        let blob = from_dynamic::<Dynamic>(&Dynamic::from_blob(vec![1, 2])).unwrap();
        assert_eq!(blob.into_blob(), Ok(vec![1, 2]));
        let newtype: Dynamic = from_dynamic::<Dynamic>(&to_dynamic(Meters(3)).unwrap()).unwrap();
        assert_eq!(newtype.as_int(), Ok(3));
    }

    #[test]
    fn public_serializer_and_deserializer_types() {
        let d = Point {
            x: 1,
            y: 0.5,
            tags: vec![],
        }
        .serialize(&mut DynamicSerializer::new(Dynamic::UNIT))
        .unwrap();
        assert_eq!(format!("{d:?}"), r#"#{"tags": [], "x": 1, "y": 0.5}"#);
        let p = Point::deserialize(DynamicDeserializer::new(&d)).unwrap();
        assert_eq!(p.x, 1);
        let de: DynamicDeserializer = (&d).into_deserializer();
        assert_eq!(Point::deserialize(de).unwrap(), p);
        let mut seq = DynamicSerializer::new(Dynamic::from_array(vec![Dynamic::ONE]));
        serde::ser::SerializeSeq::serialize_element(&mut seq, &'z').unwrap();
        let array = serde::ser::SerializeSeq::end(seq).unwrap();
        assert_eq!(format!("{array:?}"), "[1, 'z']");
        let mut not_a_map = DynamicSerializer::new(Dynamic::UNIT);
        assert_eq!(
            mismatch(
                *serde::ser::SerializeMap::serialize_entry(&mut not_a_map, "k", &1).unwrap_err()
            ),
            pair("map", "()")
        );
        assert_eq!(
            mismatch(*serde::ser::SerializeMap::serialize_value(&mut not_a_map, &1).unwrap_err()),
            pair("a map key", "a value without a key")
        );
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Everything {
        point: Point,
        shapes: Vec<Shape>,
        maybe: Option<Box<Everything>>,
        nothing: Option<u8>,
        raw: Vec<u8>,
        bytes: Bytes2,
        letters: (char, char),
        small: i128,
        large: u64,
        unit: (),
        map: BTreeMap<String, Vec<Option<f64>>>,
        text: String,
    }

    /// `Bytes` that also derives `Clone` (for the round trip).
    #[derive(Debug, Clone, PartialEq)]
    struct Bytes2(Vec<u8>);

    impl Serialize for Bytes2 {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            Bytes(self.0.clone()).serialize(s)
        }
    }

    impl<'de> Deserialize<'de> for Bytes2 {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            Bytes::deserialize(d).map(|b| Bytes2(b.0))
        }
    }

    fn everything(depth: usize) -> Everything {
        Everything {
            point: Point {
                x: -1,
                y: f64::MAX,
                tags: vec!["".into(), "ünï".into()],
            },
            shapes: vec![
                Shape::Empty,
                Shape::Circle(-0.0),
                Shape::Line(i64::MIN, '\0'),
                Shape::Rect { w: u32::MAX, h: 0 },
            ],
            maybe: (depth > 0).then(|| Box::new(everything(depth - 1))),
            nothing: None,
            raw: vec![0, 255],
            bytes: Bytes2(vec![3, 2, 1]),
            letters: ('\u{10FFFF}', '"'),
            small: i64::MIN as i128,
            large: i64::MAX as u64,
            unit: (),
            map: [("k".to_string(), vec![Some(0.25), None])]
                .into_iter()
                .collect(),
            text: "line\nbreak".into(),
        }
    }

    #[test]
    fn round_trips() {
        let value = everything(2);
        let d = to_dynamic(&value).unwrap();
        assert_eq!(from_dynamic::<Everything>(&d).unwrap(), value);
        let inner = d.as_map_ref().unwrap();
        assert!(inner["raw"].is_array());
        assert!(inner["bytes"].is_blob());
        assert!(inner["letters"].as_array_ref().unwrap()[0].is_char());
        assert_eq!(inner["small"].as_int(), Ok(i64::MIN));
        drop(inner);
        // Dynamic → Dynamic keeps every kind (chars, BLOBs) in both directions.
        let again = to_dynamic(&d).unwrap();
        assert_eq!(format!("{again:?}"), format!("{d:?}"));
        let copied: Dynamic = from_dynamic(&d).unwrap();
        assert_eq!(format!("{copied:?}"), format!("{d:?}"));
        // Through JSON, chars become strings and BLOBs arrays, which the strict reader refuses
        // (serde_json itself reads them back).
        let json = serde_json::to_string(&d).unwrap();
        let from_json: Dynamic = serde_json::from_str(&json).unwrap();
        assert_eq!(
            wrong_type(from_dynamic::<Everything>(&from_json).unwrap_err()),
            pair(std::any::type_name::<Bytes>(), "array")
        );
        assert_eq!(serde_json::from_str::<Everything>(&json).unwrap(), value);
        // Scripts can read and rebuild it.
        let engine = Engine::new();
        let mut scope = Scope::new();
        scope.push_dynamic("v", d);
        let rebuilt = engine
            .eval_with_scope::<Dynamic>(&mut scope, "v.maybe.maybe.point.x = -1; v")
            .unwrap();
        assert_eq!(from_dynamic::<Everything>(&rebuilt).unwrap(), value);
        for edge in [i64::MIN as i128, -1, 0, i64::MAX as i128] {
            let d = to_dynamic(edge).unwrap();
            assert_eq!(from_dynamic::<i128>(&d).unwrap(), edge);
        }
        assert_eq!(
            from_dynamic::<u64>(&to_dynamic(i64::MAX as u64).unwrap()).unwrap(),
            i64::MAX as u64
        );
    }

    #[test]
    fn internally_tagged_and_untagged_enums() {
        #[derive(Debug, PartialEq, Serialize, Deserialize)]
        #[serde(tag = "kind")]
        enum Tagged {
            A { n: i64 },
            B,
        }
        #[derive(Debug, PartialEq, Serialize, Deserialize)]
        #[serde(untagged)]
        enum Either {
            Num(i64),
            Text(String),
            List(Vec<Either>),
        }
        let a = to_dynamic(Tagged::A { n: 1 }).unwrap();
        assert_eq!(format!("{a:?}"), r#"#{"kind": "A", "n": 1}"#);
        assert_eq!(from_dynamic::<Tagged>(&a).unwrap(), Tagged::A { n: 1 });
        let b = to_dynamic(Tagged::B).unwrap();
        assert_eq!(from_dynamic::<Tagged>(&b).unwrap(), Tagged::B);
        let e = Either::List(vec![Either::Num(1), Either::Text("t".into())]);
        let d = to_dynamic(&e).unwrap();
        assert_eq!(format!("{d:?}"), r#"[1, "t"]"#);
        assert_eq!(from_dynamic::<Either>(&d).unwrap(), e);
        assert_eq!(
            serde_message(from_dynamic::<Either>(&Dynamic::from(1.5 as FLOAT)).unwrap_err()),
            "data did not match any variant of untagged enum Either"
        );
    }

    #[test]
    fn scope_serializes_as_entries() {
        let mut scope: Scope = Scope::new();
        scope.push("x", 1 as INT);
        scope.push_constant("k", 'c');
        scope.push("o", Opaque);
        scope.push("x", "again");
        let json = serde_json::to_string(&scope).unwrap();
        let opaque = Dynamic::from(Opaque).type_name();
        assert_eq!(
            json,
            format!(
                r#"[{{"name":"x","value":1}},{{"name":"k","value":"c","is_constant":true}},{{"name":"o","value":"{opaque}"}},{{"name":"x","value":"again"}}]"#
            )
        );
        let back: Scope = serde_json::from_str(&json).unwrap();
        assert_eq!(back.len(), 4);
        assert_eq!(back.is_constant("k"), Some(true));
        assert_eq!(back.get_value::<String>("x"), Some("again".into()));
        let read: Scope = serde_json::from_str(r#"[{"name":"n","value":[1]}]"#).unwrap();
        assert_eq!(read.is_constant("n"), Some(false));
        let mut read = read;
        let engine = Engine::new();
        assert_eq!(
            engine
                .eval_with_scope::<INT>(&mut read, "n[0] + 1")
                .unwrap(),
            2
        );
        let d = to_dynamic(&scope).unwrap();
        assert_eq!(
            format!("{:?}", d.as_array_ref().unwrap()[1]),
            r#"#{"is_constant": true, "name": "k", "value": 'c'}"#
        );
        let mut from_d: Scope = from_dynamic(&d).unwrap();
        assert_eq!(from_d.get_value::<char>("k"), Some('c'));
        assert!(engine.run_with_scope(&mut from_d, "k = 'd';").is_err());
        assert!(serde_json::from_str::<Scope>(r#"{"name":"n"}"#).is_err());
    }

    #[test]
    fn immutable_strings_and_metadata_serialize() {
        let s: ImmutableString = serde_json::from_str(r#""a\u00e9""#).unwrap();
        assert_eq!(s, "aé");
        assert_eq!(serde_json::to_string(&s).unwrap(), r#""aé""#);
        let engine = Engine::new();
        let ast = engine.compile("private fn f(a, b) { a }").unwrap();
        let meta = ast.iter_functions().next().unwrap();
        let json = serde_json::to_string(&meta).unwrap();
        assert_eq!(
            json,
            r#"{"name":"f","params":["a","b"],"access":"private"}"#
        );
        let back: rhai::ScriptFnMetadata = serde_json::from_str(&json).unwrap();
        assert_eq!(back, meta);
        let ast = engine.compile("fn int.m() {}").unwrap();
        let meta = ast.iter_functions().next().unwrap();
        let json = serde_json::to_string(&meta).unwrap();
        assert_eq!(json, r#"{"name":"m","access":"public","thisType":"i64"}"#);
        assert_eq!(
            serde_json::to_string(&rhai::FnNamespace::Global).unwrap(),
            r#""global""#
        );
        let access: rhai::FnAccess = serde_json::from_str(r#""private""#).unwrap();
        assert_eq!(access, rhai::FnAccess::Private);
    }

    /// A small deterministic generator of arbitrary values.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }

        fn value(&mut self, depth: usize) -> Dynamic {
            let pick = if depth == 0 {
                self.next(9)
            } else {
                self.next(12)
            };
            match pick {
                0 => Dynamic::UNIT,
                1 => Dynamic::from_bool(self.next(2) == 0),
                2 => Dynamic::from_int(self.next(600) as INT - 300),
                3 => Dynamic::from_int([INT::MIN, INT::MAX, -1][self.next(3) as usize]),
                4 => Dynamic::from_float(self.next(100) as FLOAT / 8.0),
                5 => Dynamic::from_char(['a', '\0', 'é'][self.next(3) as usize]),
                6 => Dynamic::from(
                    ["", "A", "Circle", "12", "-3", "true", "ab"][self.next(7) as usize],
                ),
                7 => Dynamic::from_blob((0..self.next(4) as u8).collect::<Blob>()),
                8 => Dynamic::from(Opaque),
                9 => {
                    let n = self.next(4);
                    Dynamic::from_array((0..n).map(|_| self.value(depth - 1)).collect::<Array>())
                }
                10 => {
                    let keys = ["x", "y", "tags", "Rect", "w", "h", "1", "Empty"];
                    let n = self.next(4);
                    let map = (0..n)
                        .map(|_| (keys[self.next(8) as usize].into(), self.value(depth - 1)))
                        .collect::<Map>();
                    Dynamic::from_map(map)
                }
                _ => self.value(depth - 1).into_shared(),
            }
        }
    }

    #[test]
    fn bad_input_never_panics() {
        let mut gen = Lcg(7);
        let mut accepted = 0;
        for _ in 0..3000 {
            let v = gen.value(3);
            let results = [
                from_dynamic::<Point>(&v).is_ok(),
                from_dynamic::<Shape>(&v).is_ok(),
                from_dynamic::<Vec<Shape>>(&v).is_ok(),
                from_dynamic::<Everything>(&v).is_ok(),
                from_dynamic::<HashMap<u8, Option<char>>>(&v).is_ok(),
                from_dynamic::<(i8, String)>(&v).is_ok(),
                from_dynamic::<Vec<u8>>(&v).is_ok(),
                from_dynamic::<[bool; 2]>(&v).is_ok(),
                from_dynamic::<Bytes>(&v).is_ok(),
                from_dynamic::<Dynamic>(&v).is_ok(),
                from_dynamic::<serde_json::Value>(&v).is_ok(),
                to_dynamic(&v).is_ok(),
                serde_json::to_string(&v).is_ok(),
            ];
            accepted += results.iter().filter(|ok| **ok).count();
        }
        assert!(accepted > 3000);
        for text in ["{\"a\": [}", "[\"\\ud800\"]"] {
            assert!(serde_json::from_str::<Dynamic>(text).is_err());
        }
        // serde_json reads integers beyond i64/u64 as floats.
        let wide: Dynamic = serde_json::from_str("-9223372036854775809").unwrap();
        assert!(wide.is_float());
    }

    #[test]
    fn deeply_nested_values_are_errors_not_crashes() {
        let engine = rhai::Engine::new();
        let deep = engine
            .eval::<rhai::Dynamic>("let a = []; for i in 0..20000 { a = [a]; } a")
            .unwrap();
        let err = serde_json::to_string(&deep).unwrap_err();
        assert!(err.to_string().contains("nested"), "{err}");
        let err = from_dynamic::<serde_json::Value>(&deep).unwrap_err();
        assert!(err.to_string().contains("nested"), "{err}");
        // Nesting within the limit goes through.
        let shallow = engine
            .eval::<rhai::Dynamic>("let a = []; for i in 0..100 { a = [a]; } a")
            .unwrap();
        let json = serde_json::to_string(&shallow).unwrap();
        assert_eq!(json.len(), 202);
        let back: serde_json::Value = from_dynamic(&shallow).unwrap();
        assert!(back.is_array());
    }
}

#[test]
fn parse_json_without_null_refuses_it_as_a_symbol() {
    let engine = rhai::Engine::new();
    let err = engine.parse_json("{\"a\": [null]}", false).unwrap_err();
    assert_eq!(
        format!("{err:?}"),
        "ErrorParsing(BadInput(ImproperSymbol(\"null\", \"\")), 1:8)"
    );
    let err = engine.parse_json("{a: 1}", true).unwrap_err();
    assert_eq!(format!("{err:?}"), "ErrorParsing(PropertyExpected, 1:2)");
    assert!(engine.parse_json("{\"nullx\": 1}", false).is_ok());
}
