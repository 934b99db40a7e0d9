//! Serialization (feature `serde`): `Dynamic` implements `Serialize` and `Deserialize`, and
//! `to_dynamic` / `from_dynamic` convert between Rust values and `Dynamic`.
//!
//! Choice: the conversions go through `serde_json::Value` (an allowed dependency) rather than a
//! dedicated serializer. Consequences: characters become one-character strings, BLOBs become
//! arrays of integers, and unit structs / `None` become `()`.

use crate::value::dynamic::Union;
use crate::{Array, Dynamic, EvalAltResult, ImmutableString, Map, Position, INT};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// Convert any serializable Rust value into a `Dynamic`.
pub fn to_dynamic<T: Serialize>(value: T) -> Result<Dynamic, Box<EvalAltResult>> {
    let json = serde_json::to_value(value).map_err(serde_error)?;
    Ok(from_json(json))
}

/// Convert a `Dynamic` into any deserializable Rust value.
pub fn from_dynamic<'de, T: Deserialize<'de>>(
    value: &'de Dynamic,
) -> Result<T, Box<EvalAltResult>> {
    let json = serde_json::to_value(value).map_err(serde_error)?;
    T::deserialize(json).map_err(serde_error)
}

fn serde_error(err: serde_json::Error) -> Box<EvalAltResult> {
    EvalAltResult::ErrorMismatchDataType(String::new(), err.to_string(), Position::NONE).into()
}

/// A JSON value as a `Dynamic`.
fn from_json(value: serde_json::Value) -> Dynamic {
    use serde_json::Value;
    match value {
        Value::Null => Dynamic::UNIT,
        Value::Bool(b) => Dynamic::from_bool(b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Dynamic::from_int(i),
            None => Dynamic::from_float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Dynamic::from(s),
        Value::Array(items) => Dynamic::from_array(items.into_iter().map(from_json).collect()),
        Value::Object(entries) => Dynamic::from_map(
            entries
                .into_iter()
                .map(|(k, v)| (k.into(), from_json(v)))
                .collect(),
        ),
    }
}

impl Serialize for Dynamic {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Union::Unit(..) => s.serialize_unit(),
            Union::Bool(b, ..) => s.serialize_bool(*b),
            Union::Str(x, ..) => s.serialize_str(x),
            Union::Char(c, ..) => s.serialize_char(*c),
            Union::Int(n, ..) => s.serialize_i64(*n),
            Union::Float(f, ..) => s.serialize_f64(*f),
            Union::Array(a, ..) => {
                let mut seq = s.serialize_seq(Some(a.len()))?;
                for item in a.iter() {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Union::Blob(b, ..) => {
                let mut seq = s.serialize_seq(Some(b.len()))?;
                for byte in b.iter() {
                    seq.serialize_element(byte)?;
                }
                seq.end()
            }
            Union::Map(m, ..) => {
                let mut map = s.serialize_map(Some(m.len()))?;
                for (k, v) in m.iter() {
                    map.serialize_entry(k.as_str(), v)?;
                }
                map.end()
            }
            Union::Shared(..) => self.flatten_clone().serialize(s),
            _ => s.serialize_str(&self.to_string()),
        }
    }
}

struct DynamicVisitor;

impl<'de> Visitor<'de> for DynamicVisitor {
    type Value = Dynamic;

    fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
        f.write_str("any value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Dynamic, E> {
        Ok(Dynamic::UNIT)
    }
    fn visit_none<E: de::Error>(self) -> Result<Dynamic, E> {
        Ok(Dynamic::UNIT)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Dynamic, D::Error> {
        Dynamic::deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Dynamic, E> {
        Ok(Dynamic::from_bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Dynamic, E> {
        Ok(Dynamic::from_int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Dynamic, E> {
        Ok(INT::try_from(v).map_or(Dynamic::from_float(v as f64), Dynamic::from_int))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Dynamic, E> {
        Ok(Dynamic::from_float(v))
    }
    fn visit_char<E: de::Error>(self, v: char) -> Result<Dynamic, E> {
        Ok(Dynamic::from_char(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Dynamic, E> {
        Ok(Dynamic::from(ImmutableString::from(v)))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Dynamic, E> {
        Ok(Dynamic::from(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Dynamic, A::Error> {
        let mut array = Array::new();
        while let Some(item) = seq.next_element::<Dynamic>()? {
            array.push(item);
        }
        Ok(Dynamic::from_array(array))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Dynamic, A::Error> {
        let mut map = Map::new();
        while let Some((k, v)) = access.next_entry::<String, Dynamic>()? {
            map.insert(k.into(), v);
        }
        Ok(Dynamic::from_map(map))
    }
}

impl<'de> Deserialize<'de> for Dynamic {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DynamicVisitor)
    }
}
