//! `from_dynamic`: any `Deserialize` value read directly out of a `&Dynamic`.
//!
//! Values are handed to serde as they are: `()` as unit (and `None`), bool, `INT` as i64,
//! `FLOAT` as f64, char, strings borrowed (so `&str` fields work), BLOBs as bytes or as a
//! sequence of `u8`, arrays as sequences and object maps as maps (or structs). Enums are read
//! from a string (unit variant) or a one-entry map of variant name to content.
//! Object-map keys also deserialize as integers, chars or bools when the target asks for them.
//!
//! Function pointers, timestamps and custom types have no serde form and are type mismatches.
//! So are shared values: `flatten` them first.

use super::mismatch;
use crate::value::dynamic::Union;
use crate::{Dynamic, EvalAltResult, Identifier};
use serde::de::value::{BorrowedStrDeserializer, SeqDeserializer};
use serde::de::{
    DeserializeSeed, Deserializer, EnumAccess, Error as _, Expected, IntoDeserializer, MapAccess,
    SeqAccess, Unexpected, VariantAccess, Visitor,
};
use serde::{forward_to_deserialize_any, Deserialize};

type Result<T> = core::result::Result<T, Box<EvalAltResult>>;

/// Convert a `Dynamic` into any `Deserialize` type; see the module documentation.
pub fn from_dynamic<'de, T: Deserialize<'de>>(value: &'de Dynamic) -> Result<T> {
    T::deserialize(DynamicDeserializer::new(value))
}

/// Deserializes out of a borrowed `Dynamic`.
#[derive(Debug, Clone, Copy)]
pub struct DynamicDeserializer<'de> {
    value: &'de Dynamic,
    /// How many arrays, maps and variants enclose `value`.
    depth: usize,
}

/// How deep deserializing follows nested values before giving up with an error: reading
/// recurses, and a script can nest values as deep as it likes.
const MAX_DEPTH: usize = 256;

impl<'de> DynamicDeserializer<'de> {
    /// A deserializer reading `value`.
    #[must_use]
    pub const fn new(value: &'de Dynamic) -> Self {
        Self { value, depth: 0 }
    }

    /// A deserializer for a value nested one level inside this one's.
    const fn nested(value: &'de Dynamic, depth: usize) -> Self {
        Self {
            value,
            depth: depth + 1,
        }
    }

    /// Refuse values nested deeper than `MAX_DEPTH`.
    fn check_depth(&self) -> Result<()> {
        if self.depth > MAX_DEPTH {
            return Err(Box::<EvalAltResult>::custom(format!(
                "value nested more than {MAX_DEPTH} levels deep"
            )));
        }
        Ok(())
    }

    /// The error for a value the visitor cannot take at all.
    fn type_error<V: Visitor<'de>>(&self, visitor: &V) -> Box<EvalAltResult> {
        let actual = match self.value.0 {
            Union::Shared(..) => "shared value",
            _ => self.value.type_name(),
        };
        Box::<EvalAltResult>::invalid_type(Unexpected::Other(actual), visitor)
    }
}

impl<'de> IntoDeserializer<'de, Box<EvalAltResult>> for &'de Dynamic {
    type Deserializer = DynamicDeserializer<'de>;

    fn into_deserializer(self) -> DynamicDeserializer<'de> {
        DynamicDeserializer::new(self)
    }
}

impl<'de> Deserializer<'de> for DynamicDeserializer<'de> {
    type Error = Box<EvalAltResult>;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.check_depth()?;
        match &self.value.0 {
            Union::Unit(..) => visitor.visit_unit(),
            Union::Bool(b, ..) => visitor.visit_bool(*b),
            Union::Str(s, ..) => visitor.visit_borrowed_str(s.as_str()),
            Union::Char(c, ..) => visitor.visit_char(*c),
            Union::Int(n, ..) => visitor.visit_i64(*n),
            Union::Float(x, ..) => visitor.visit_f64(*x),
            #[cfg(feature = "decimal")]
            Union::Decimal(d, ..) => visitor.visit_string(d.to_string()),
            Union::Array(array, ..) => visit_array(array, visitor, self.depth),
            Union::Blob(blob, ..) => visitor.visit_borrowed_bytes(blob),
            Union::Map(map, ..) => visitor.visit_map(Entries::new(map, self.depth)),
            _ => Err(self.type_error(&visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.value.0 {
            Union::Unit(..) => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match &self.value.0 {
            Union::Blob(blob, ..) => {
                let mut bytes = SeqDeserializer::new(blob.iter().copied());
                let value = visitor.visit_seq(&mut bytes)?;
                bytes.end().map(|()| value)
            }
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.check_depth()?;
        match &self.value.0 {
            Union::Str(s, ..) => visitor.visit_enum(BorrowedStrDeserializer::new(s.as_str())),
            Union::Map(map, ..) => match (map.len(), map.iter().next()) {
                (1, Some((name, content))) => visitor.visit_enum(Variant {
                    name,
                    content,
                    depth: self.depth,
                }),
                _ => Err(self.type_error(&visitor)),
            },
            _ => Err(self.type_error(&visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct map struct identifier
    }
}

fn visit_array<'de, V: Visitor<'de>>(
    array: &'de [Dynamic],
    visitor: V,
    depth: usize,
) -> Result<V::Value> {
    let mut items = Items(array.iter(), depth);
    let value = visitor.visit_seq(&mut items)?;
    match items.0.len() {
        0 => Ok(value),
        left => Err(Box::<EvalAltResult>::invalid_length(
            array.len(),
            &format!("an array of {} elements", array.len() - left).as_str(),
        )),
    }
}

/// The elements of an array (at a depth), as a serde sequence.
struct Items<'de>(core::slice::Iter<'de, Dynamic>, usize);

impl<'de> SeqAccess<'de> for Items<'de> {
    type Error = Box<EvalAltResult>;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        self.0
            .next()
            .map(|item| seed.deserialize(DynamicDeserializer::nested(item, self.1)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

/// The entries of an object map, as a serde map.
struct Entries<'de> {
    iter: std::collections::btree_map::Iter<'de, Identifier, Dynamic>,
    value: Option<&'de Dynamic>,
    depth: usize,
}

impl<'de> Entries<'de> {
    fn new(map: &'de crate::Map, depth: usize) -> Self {
        Self {
            iter: map.iter(),
            value: None,
            depth,
        }
    }
}

impl<'de> MapAccess<'de> for Entries<'de> {
    type Error = Box<EvalAltResult>;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        let Some((key, value)) = self.iter.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        seed.deserialize(KeyDeserializer(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let value = self
            .value
            .take()
            .ok_or_else(|| mismatch("a map value", "nothing"))?;
        seed.deserialize(DynamicDeserializer::nested(value, self.depth))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// An object-map key: a string that also reads as a number, char or bool on request.
struct KeyDeserializer<'de>(&'de str);

impl KeyDeserializer<'_> {
    fn parse<T: core::str::FromStr, V: Expected>(&self, visitor: &V) -> Result<T> {
        self.0
            .parse()
            .map_err(|_| Box::<EvalAltResult>::invalid_value(Unexpected::Str(self.0), visitor))
    }
}

macro_rules! parse_key {
    ($($method:ident => $visit:ident: $ty:ty),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let value: $ty = self.parse(&visitor)?;
            visitor.$visit(value)
        }
    )*};
}

impl<'de> Deserializer<'de> for KeyDeserializer<'de> {
    type Error = Box<EvalAltResult>;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.0)
    }

    parse_key! {
        deserialize_bool => visit_bool: bool,
        deserialize_i8 => visit_i64: i64,
        deserialize_i16 => visit_i64: i64,
        deserialize_i32 => visit_i64: i64,
        deserialize_i64 => visit_i64: i64,
        deserialize_i128 => visit_i128: i128,
        deserialize_u8 => visit_u64: u64,
        deserialize_u16 => visit_u64: u64,
        deserialize_u32 => visit_u64: u64,
        deserialize_u64 => visit_u64: u64,
        deserialize_u128 => visit_u128: u128,
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(BorrowedStrDeserializer::new(self.0))
    }

    forward_to_deserialize_any! {
        f32 f64 char str string bytes byte_buf unit unit_struct seq tuple tuple_struct map
        struct identifier ignored_any
    }
}

/// A variant given as a one-entry map: its name and its content.
struct Variant<'de> {
    name: &'de Identifier,
    content: &'de Dynamic,
    depth: usize,
}

impl<'de> EnumAccess<'de> for Variant<'de> {
    type Error = Box<EvalAltResult>;
    type Variant = Content<'de>;

    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Content<'de>)> {
        let name = seed.deserialize(KeyDeserializer(self.name))?;
        Ok((
            name,
            Content(DynamicDeserializer::nested(self.content, self.depth)),
        ))
    }
}

/// The content of a variant given as a one-entry map.
struct Content<'de>(DynamicDeserializer<'de>);

impl<'de> VariantAccess<'de> for Content<'de> {
    type Error = Box<EvalAltResult>;

    fn unit_variant(self) -> Result<()> {
        match self.0.value.0 {
            Union::Unit(..) => Ok(()),
            _ => Err(mismatch("unit variant", self.0.value.type_name())),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        seed.deserialize(self.0)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value> {
        self.0.deserialize_tuple(len, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.0.deserialize_struct("", fields, visitor)
    }
}
