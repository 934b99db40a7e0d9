//! `Deserialize` for `Dynamic`: whatever a self-describing format holds, as the closest value.
//!
//! Unit and `None` become `()`; integers `INT` (out of range: an error, as in `to_dynamic`);
//! floats `FLOAT`; bytes a BLOB; sequences arrays; maps object maps (string keys only).

use crate::{Array, Blob, Dynamic, Identifier, Map, INT};
use core::fmt;
use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Visitor};

impl<'de> Deserialize<'de> for Dynamic {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DynamicVisitor)
    }
}

struct DynamicVisitor;

/// An integer as `INT`, or the error naming it when it does not fit.
fn int<E: Error, N: TryInto<INT> + fmt::Display + Copy>(value: N) -> Result<Dynamic, E> {
    value
        .try_into()
        .map(Dynamic::from_int)
        .map_err(|_| E::custom(super::overflow_message(value)))
}

/// An integer as `INT` when it fits; else as a decimal (with `decimal`) or the nearest float.
fn wide_int(v: i128) -> Dynamic {
    if let Ok(n) = INT::try_from(v) {
        return Dynamic::from_int(n);
    }
    #[cfg(feature = "decimal")]
    if let Some(d) = <rust_decimal::Decimal as rust_decimal::prelude::FromPrimitive>::from_i128(v) {
        return Dynamic::from_decimal(d);
    }
    Dynamic::from_float(v as crate::FLOAT)
}

impl<'de> Visitor<'de> for DynamicVisitor {
    type Value = Dynamic;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_unit<E: Error>(self) -> Result<Dynamic, E> {
        Ok(Dynamic::UNIT)
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
        int(v)
    }
    fn visit_i128<E: Error>(self, v: i128) -> Result<Dynamic, E> {
        Ok(wide_int(v))
    }
    fn visit_u64<E: Error>(self, v: u64) -> Result<Dynamic, E> {
        Ok(wide_int(v.into()))
    }
    fn visit_u128<E: Error>(self, v: u128) -> Result<Dynamic, E> {
        Ok(i128::try_from(v).map_or(Dynamic::from_float(v as crate::FLOAT), wide_int))
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
