//! `to_dynamic`: any `Serialize` value built directly into a `Dynamic`.
//!
//! | serde data model | `Dynamic` |
//! |---|---|
//! | bool | bool |
//! | any integer | `INT`; above its range a float, or a `Decimal` for a `u64` with feature `decimal` (below it, as published, the low bits) |
//! | f32, f64 | `FLOAT` (f32 widened exactly) |
//! | char | char |
//! | string | string |
//! | bytes | BLOB |
//! | unit, unit struct, `None` | `()` |
//! | `Some(x)`, newtype struct | `x` itself |
//! | sequence, tuple, tuple struct | array |
//! | map, struct | object map |
//! | unit variant | the variant name as a string |
//! | newtype, tuple, struct variant | a one-entry map: variant name → value, array or map |
//!
//! Map keys must be strings; any other key is a type mismatch.

use super::{int_or_float, mismatch};
use crate::value::dynamic::Union;
use crate::{Array, Dynamic, EvalAltResult, Identifier, Map, Shared};
use serde::ser::{
    Serialize, SerializeMap, SerializeSeq, SerializeStruct, SerializeStructVariant, SerializeTuple,
    SerializeTupleStruct, SerializeTupleVariant, Serializer,
};

type Result<T> = core::result::Result<T, Box<EvalAltResult>>;

/// Convert any `Serialize` value into a `Dynamic`; see the module documentation for the mapping.
pub fn to_dynamic<T: Serialize>(value: T) -> Result<Dynamic> {
    value.serialize(&mut DynamicSerializer::new(Dynamic::UNIT))
}

/// Serializes into a `Dynamic`.
///
/// As a `Serializer` (`&mut DynamicSerializer`) it produces the value for whatever it is
/// handed. As the compound
/// serializers (`SerializeSeq`, `SerializeMap`, …) it holds the array or object map being
/// filled; that value is what `new` receives.
#[derive(Debug, Clone)]
pub struct DynamicSerializer {
    /// The key of a map entry whose value has not arrived yet.
    key: Option<Identifier>,
    /// The value under construction.
    value: Dynamic,
}

impl DynamicSerializer {
    /// A serializer working on `value`.
    #[must_use]
    pub const fn new(value: Dynamic) -> Self {
        Self { key: None, value }
    }

    fn push(&mut self, item: Dynamic) -> Result<()> {
        match &mut self.value.0 {
            Union::Array(array, ..) => Shared::make_mut(array).push(item),
            _ => return Err(mismatch("array", self.value.type_name())),
        }
        Ok(())
    }

    fn insert(&mut self, key: Identifier, item: Dynamic) -> Result<()> {
        match &mut self.value.0 {
            Union::Map(map, ..) => Shared::make_mut(map).insert(key, item),
            _ => return Err(mismatch("map", self.value.type_name())),
        };
        Ok(())
    }
}

/// Serialize a nested value.
fn nested<T: Serialize + ?Sized>(value: &T) -> Result<Dynamic> {
    value.serialize(&mut DynamicSerializer::new(Dynamic::UNIT))
}

/// A serialized map key: only strings make object-map keys.
fn map_key(key: Dynamic) -> Result<Identifier> {
    match &key.0 {
        Union::Str(s, ..) => Ok(s.as_str().into()),
        _ => Err(mismatch("string", key.type_name())),
    }
}

/// A one-entry map: `variant` → `value`.
fn variant_map(variant: &'static str, value: Dynamic) -> Dynamic {
    let mut map = Map::new();
    map.insert(variant.into(), value);
    Dynamic::from_map(map)
}

impl Serializer for &mut DynamicSerializer {
    type Ok = Dynamic;
    type Error = Box<EvalAltResult>;
    type SerializeSeq = DynamicSerializer;
    type SerializeTuple = DynamicSerializer;
    type SerializeTupleStruct = DynamicSerializer;
    type SerializeTupleVariant = TupleVariantSerializer;
    type SerializeMap = DynamicSerializer;
    type SerializeStruct = DynamicSerializer;
    type SerializeStructVariant = StructVariantSerializer;

    fn serialize_bool(self, v: bool) -> Result<Dynamic> {
        Ok(Dynamic::from_bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Dynamic> {
        Ok(Dynamic::from_int(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<Dynamic> {
        Ok(Dynamic::from_int(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<Dynamic> {
        Ok(Dynamic::from_int(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<Dynamic> {
        Ok(Dynamic::from_int(v))
    }
    fn serialize_i128(self, v: i128) -> Result<Dynamic> {
        Ok(int_or_float(v))
    }
    fn serialize_u8(self, v: u8) -> Result<Dynamic> {
        Ok(Dynamic::from_int(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<Dynamic> {
        Ok(Dynamic::from_int(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<Dynamic> {
        Ok(Dynamic::from_int(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<Dynamic> {
        Ok(super::from_u64(v))
    }
    #[allow(clippy::cast_precision_loss)]
    fn serialize_u128(self, v: u128) -> Result<Dynamic> {
        Ok(i128::try_from(v).map_or(Dynamic::from_float(v as crate::FLOAT), int_or_float))
    }
    fn serialize_f32(self, v: f32) -> Result<Dynamic> {
        Ok(Dynamic::from_float(v.into()))
    }
    fn serialize_f64(self, v: f64) -> Result<Dynamic> {
        Ok(Dynamic::from_float(v))
    }
    fn serialize_char(self, v: char) -> Result<Dynamic> {
        Ok(Dynamic::from_char(v))
    }
    fn serialize_str(self, v: &str) -> Result<Dynamic> {
        Ok(Dynamic::from_str(v.into()))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Dynamic> {
        Ok(Dynamic::from_blob(v.to_vec()))
    }
    fn serialize_none(self) -> Result<Dynamic> {
        Ok(Dynamic::UNIT)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Dynamic> {
        nested(value)
    }
    fn serialize_unit(self) -> Result<Dynamic> {
        Ok(Dynamic::UNIT)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Dynamic> {
        Ok(Dynamic::UNIT)
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Dynamic> {
        Ok(Dynamic::from_str(variant.into()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Dynamic> {
        nested(value)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Dynamic> {
        Ok(variant_map(variant, nested(value)?))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<DynamicSerializer> {
        let array = Array::with_capacity(len.unwrap_or(0));
        Ok(DynamicSerializer::new(Dynamic::from_array(array)))
    }
    fn serialize_tuple(self, len: usize) -> Result<DynamicSerializer> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<DynamicSerializer> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<TupleVariantSerializer> {
        Ok(TupleVariantSerializer {
            variant,
            array: Array::with_capacity(len),
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<DynamicSerializer> {
        Ok(DynamicSerializer::new(Dynamic::from_map(Map::new())))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<DynamicSerializer> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<StructVariantSerializer> {
        Ok(StructVariantSerializer {
            variant,
            map: Map::new(),
        })
    }
}

impl SerializeSeq for DynamicSerializer {
    type Ok = Dynamic;
    type Error = Box<EvalAltResult>;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let item = nested(value)?;
        self.push(item)
    }
    fn end(self) -> Result<Dynamic> {
        Ok(self.value)
    }
}

impl SerializeTuple for DynamicSerializer {
    type Ok = Dynamic;
    type Error = Box<EvalAltResult>;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Dynamic> {
        Ok(self.value)
    }
}

impl SerializeTupleStruct for DynamicSerializer {
    type Ok = Dynamic;
    type Error = Box<EvalAltResult>;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Dynamic> {
        Ok(self.value)
    }
}

impl SerializeMap for DynamicSerializer {
    type Ok = Dynamic;
    type Error = Box<EvalAltResult>;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.key = Some(map_key(nested(key)?)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let key = self
            .key
            .take()
            .ok_or_else(|| mismatch("a map key", "a value without a key"))?;
        let item = nested(value)?;
        self.insert(key, item)
    }
    fn serialize_entry<K: Serialize + ?Sized, V: Serialize + ?Sized>(
        &mut self,
        key: &K,
        value: &V,
    ) -> Result<()> {
        let key = map_key(nested(key)?)?;
        let item = nested(value)?;
        self.insert(key, item)
    }
    fn end(self) -> Result<Dynamic> {
        Ok(self.value)
    }
}

impl SerializeStruct for DynamicSerializer {
    type Ok = Dynamic;
    type Error = Box<EvalAltResult>;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        let item = nested(value)?;
        self.insert(key.into(), item)
    }
    fn end(self) -> Result<Dynamic> {
        Ok(self.value)
    }
}

/// Builds a tuple variant: a one-entry map of the variant name to an array.
#[derive(Debug)]
pub struct TupleVariantSerializer {
    variant: &'static str,
    array: Array,
}

impl SerializeTupleVariant for TupleVariantSerializer {
    type Ok = Dynamic;
    type Error = Box<EvalAltResult>;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.array.push(nested(value)?);
        Ok(())
    }
    fn end(self) -> Result<Dynamic> {
        Ok(variant_map(self.variant, Dynamic::from_array(self.array)))
    }
}

/// Builds a struct variant: a one-entry map of the variant name to an object map.
#[derive(Debug)]
pub struct StructVariantSerializer {
    variant: &'static str,
    map: Map,
}

impl SerializeStructVariant for StructVariantSerializer {
    type Ok = Dynamic;
    type Error = Box<EvalAltResult>;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.map.insert(key.into(), nested(value)?);
        Ok(())
    }
    fn end(self) -> Result<Dynamic> {
        Ok(variant_map(self.variant, Dynamic::from_map(self.map)))
    }
}
