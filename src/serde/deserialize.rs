//! `Deserialize` for `Dynamic`: whatever a self-describing format holds, as the closest value.
//!
//! Unit and `None` become `()`; integers `INT` (above its range: a float, as in `to_dynamic`);
//! floats `FLOAT`; bytes a BLOB; sequences arrays; maps object maps (string keys only). Read
//! out of a `Dynamic` (`from_dynamic`), the value is taken whole, whatever it holds.

use crate::{Array, Blob, Dynamic, Identifier, Map, FLOAT};
use core::fmt;
use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Visitor};

impl<'de> Deserialize<'de> for Dynamic {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DynamicVisitor)
    }
}

struct DynamicVisitor;

impl<'de> Visitor<'de> for DynamicVisitor {
    type Value = Dynamic;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_unit<E: Error>(self) -> Result<Dynamic, E> {
        Ok(super::de::take_whole_value().unwrap_or(Dynamic::UNIT))
    }
    fn visit_none<E: Error>(self) -> Result<Dynamic, E> {
        Ok(Dynamic::UNIT)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Dynamic, D::Error> {
        Dynamic::deserialize(d)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Dynamic, D::Error> {
        Dynamic::deserialize(d)
    }
    fn visit_bool<E: Error>(self, v: bool) -> Result<Dynamic, E> {
        Ok(Dynamic::from_bool(v))
    }
    fn visit_i64<E: Error>(self, v: i64) -> Result<Dynamic, E> {
        Ok(Dynamic::from_int(v))
    }
    fn visit_i128<E: Error>(self, v: i128) -> Result<Dynamic, E> {
        Ok(super::int_or_float(v))
    }
    fn visit_u64<E: Error>(self, v: u64) -> Result<Dynamic, E> {
        Ok(super::from_u64(v))
    }
    #[allow(clippy::cast_precision_loss)]
    fn visit_u128<E: Error>(self, v: u128) -> Result<Dynamic, E> {
        Ok(i128::try_from(v).map_or(Dynamic::from_float(v as FLOAT), super::int_or_float))
    }
    fn visit_f64<E: Error>(self, v: f64) -> Result<Dynamic, E> {
        Ok(Dynamic::from_float(v))
    }
    fn visit_char<E: Error>(self, v: char) -> Result<Dynamic, E> {
        Ok(Dynamic::from_char(v))
    }
    fn visit_str<E: Error>(self, v: &str) -> Result<Dynamic, E> {
        Ok(Dynamic::from_str(v.into()))
    }
    fn visit_string<E: Error>(self, v: String) -> Result<Dynamic, E> {
        Ok(Dynamic::from_str(v.into()))
    }
    fn visit_bytes<E: Error>(self, v: &[u8]) -> Result<Dynamic, E> {
        Ok(Dynamic::from_blob(v.to_vec()))
    }
    fn visit_byte_buf<E: Error>(self, v: Blob) -> Result<Dynamic, E> {
        Ok(Dynamic::from_blob(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Dynamic, A::Error> {
        let mut array = Array::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element::<Dynamic>()? {
            array.push(item);
        }
        Ok(Dynamic::from_array(array))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Dynamic, A::Error> {
        let mut map = Map::new();
        while let Some((key, value)) = entries.next_entry::<Identifier, Dynamic>()? {
            map.insert(key, value);
        }
        Ok(Dynamic::from_map(map))
    }
}
