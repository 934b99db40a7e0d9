//! `from_dynamic`: any `Deserialize` value read directly out of a `&Dynamic`.
//!
//! Each serde request takes only the matching kind of value, as published: `()` for unit (and
//! `None`), bool, `INT` for every integer type (serde checks the range) or a value of exactly
//! that number type, `FLOAT` for `f64` (an `f32` value for `f32`), char, strings (borrowed, so
//! `&str` fields work), BLOBs as bytes, arrays as sequences and tuples (extra elements are left
//! unread), object maps as maps and structs (keys as strings). Enums are read from a string
//! (unit variant) or a one-entry map of variant name to content. A `Dynamic` target takes the
//! value as it is, whatever it holds.
//!
//! Shared values are read through for the scalar kinds only. Anything else is an
//! `ErrorMismatchOutputType` naming the Rust type wanted.

use crate::value::dynamic::Union;
use crate::{Array, Blob, Dynamic, EvalAltResult, Identifier, Map};
use core::any::type_name;
use core::cell::RefCell;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    DeserializeSeed, Deserializer, EnumAccess, Error as _, IntoDeserializer, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};
use serde::Deserialize;

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

thread_local! {
    /// A whole value handed to `Dynamic`'s own `Deserialize` (see `deserialize_any`).
    static WHOLE_VALUE: RefCell<Option<Dynamic>> = const { RefCell::new(None) };
}

/// The value `deserialize_any` set aside for a `Dynamic` target, if any.
pub(super) fn take_whole_value() -> Option<Dynamic> {
    WHOLE_VALUE.with(|slot| slot.borrow_mut().take())
}

/// The name of a Rust type as errors show it: text, byte and value containers (and
/// `Decimal`) by their short names.
fn expected_name<T>() -> &'static str {
    let name = type_name::<T>();
    #[cfg(feature = "decimal")]
    if name == type_name::<rust_decimal::Decimal>() {
        return "Decimal";
    }
    if name == type_name::<String>() {
        "String"
    } else if name == type_name::<Blob>() {
        "Blob"
    } else if name == type_name::<Array>() {
        "Array"
    } else if name == type_name::<Map>() {
        "Map"
    } else {
        name
    }
}

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

    /// The error for a value that is not of the kind `expected` needs.
    #[cold]
    fn type_error_str(&self, expected: &str) -> Box<EvalAltResult> {
        EvalAltResult::ErrorMismatchOutputType(
            expected.into(),
            self.value.type_name().into(),
            crate::Position::NONE,
        )
        .into()
    }

    /// The error for a value the visitor cannot take.
    fn type_error<V: Visitor<'de>>(&self) -> Box<EvalAltResult> {
        self.type_error_str(expected_name::<V::Value>())
    }

    /// The value read through a shared value's lock (for the scalar kinds).
    fn scalar(&self) -> Dynamic {
        self.value.flatten_clone()
    }

    /// An integer request: `INT` (range-checked by serde), or a value of exactly type `N`.
    fn integer<N: Copy + 'static, V: Visitor<'de>>(
        self,
        visitor: V,
        visit: impl FnOnce(V, N) -> Result<V::Value>,
    ) -> Result<V::Value> {
        let value = self.scalar();
        if let Union::Int(n, ..) = value.0 {
            return visitor.visit_i64(n);
        }
        let exact = value.read_lock::<N>().map(|n| *n);
        match exact {
            Some(n) => visit(visitor, n),
            None => Err(self.type_error::<V>()),
        }
    }

    /// The elements of an array as a sequence (extra elements are left unread).
    fn sequence<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.check_depth()?;
        match &self.value.0 {
            Union::Array(array, ..) => visitor.visit_seq(Items(array.iter(), self.depth)),
            _ => Err(self.type_error::<V>()),
        }
    }

    /// The entries of an object map; `expected` names the target in the error otherwise.
    fn entries<V: Visitor<'de>>(self, visitor: V, expected: &str) -> Result<V::Value> {
        self.check_depth()?;
        match &self.value.0 {
            Union::Map(map, ..) => visitor.visit_map(Entries::new(map, self.depth)),
            _ => Err(self.type_error_str(expected)),
        }
    }
}

impl<'de> IntoDeserializer<'de, Box<EvalAltResult>> for &'de Dynamic {
    type Deserializer = DynamicDeserializer<'de>;

    fn into_deserializer(self) -> DynamicDeserializer<'de> {
        DynamicDeserializer::new(self)
    }
}

/// The scalar requests: the matching kind only, read through a shared value's lock.
macro_rules! scalar {
    ($($method:ident: $variant:ident => $visit:ident),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            match self.scalar().0 {
                Union::$variant(v, ..) => visitor.$visit(v),
                _ => Err(self.type_error::<V>()),
            }
        }
    )*};
}

/// The integer requests.
macro_rules! integer {
    ($($method:ident: $t:ty => $visit:ident),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            self.integer::<$t, V>(visitor, V::$visit)
        }
    )*};
}

impl<'de> Deserializer<'de> for DynamicDeserializer<'de> {
    type Error = Box<EvalAltResult>;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.check_depth()?;
        // `Dynamic`'s own `Deserialize` takes the value whole, whatever it holds; the visitor
        // collects it from `WHOLE_VALUE` when asked for a unit.
        if type_name::<V::Value>() == type_name::<Dynamic>() {
            WHOLE_VALUE.with(|slot| *slot.borrow_mut() = Some(self.value.clone()));
            let result = visitor.visit_unit();
            WHOLE_VALUE.with(|slot| slot.borrow_mut().take());
            return result;
        }
        match &self.value.0 {
            Union::Unit(..) => visitor.visit_unit(),
            Union::Bool(b, ..) => visitor.visit_bool(*b),
            Union::Str(s, ..) => visitor.visit_borrowed_str(s.as_str()),
            Union::Char(c, ..) => visitor.visit_char(*c),
            Union::Int(n, ..) => visitor.visit_i64(*n),
            Union::Float(x, ..) => visitor.visit_f64(*x),
            Union::Array(array, ..) => visitor.visit_seq(Items(array.iter(), self.depth)),
            Union::Blob(blob, ..) => visitor.visit_bytes(blob),
            Union::Map(map, ..) => visitor.visit_map(Entries::new(map, self.depth)),
            _ => Err(self.type_error::<V>()),
        }
    }

    scalar! {
        deserialize_bool: Bool => visit_bool,
        deserialize_f64: Float => visit_f64,
        deserialize_char: Char => visit_char,
    }

    integer! {
        deserialize_i8: i8 => visit_i8,
        deserialize_i16: i16 => visit_i16,
        deserialize_i32: i32 => visit_i32,
        deserialize_i64: i64 => visit_i64,
        deserialize_i128: i128 => visit_i128,
        deserialize_u8: u8 => visit_u8,
        deserialize_u16: u16 => visit_u16,
        deserialize_u32: u32 => visit_u32,
        deserialize_u64: u64 => visit_u64,
        deserialize_u128: u128 => visit_u128,
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.scalar().read_lock::<f32>() {
            Some(x) => visitor.visit_f32(*x),
            None => Err(self.type_error::<V>()),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match &self.value.0 {
            Union::Str(s, ..) => visitor.visit_borrowed_str(s.as_str()),
            _ => match self.scalar().0 {
                Union::Str(s, ..) => visitor.visit_str(&s),
                _ => Err(self.type_error::<V>()),
            },
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match &self.value.0 {
            Union::Blob(blob, ..) => visitor.visit_bytes(blob),
            _ => Err(self.type_error::<V>()),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.value.0 {
            Union::Unit(..) => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.scalar().0 {
            Union::Unit(..) => visitor.visit_unit(),
            _ => Err(self.type_error::<V>()),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.sequence(visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.sequence(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.sequence(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.entries(visitor, expected_name::<V::Value>())
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.entries(visitor, "Map")
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.check_depth()?;
        match &self.value.0 {
            Union::Str(s, ..) => {
                visitor.visit_enum(BorrowedStrDeserializer::<Self::Error>::new(s.as_str()))
            }
            Union::Map(map, ..) => match (map.len(), map.iter().next()) {
                (1, Some((name, content))) => visitor.visit_enum(Variant {
                    name,
                    content,
                    depth: self.depth,
                }),
                _ => Err(self.type_error::<V>()),
            },
            _ => Err(self.type_error::<V>()),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_any(visitor)
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

/// The entries of an object map, as a serde map with string keys.
struct Entries<'de> {
    iter: std::collections::btree_map::Iter<'de, Identifier, Dynamic>,
    value: Option<&'de Dynamic>,
    depth: usize,
}

impl<'de> Entries<'de> {
    fn new(map: &'de Map, depth: usize) -> Self {
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
        seed.deserialize(BorrowedStrDeserializer::<Box<EvalAltResult>>::new(
            key.as_str(),
        ))
        .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let value = self
            .value
            .take()
            .ok_or_else(|| Box::<EvalAltResult>::custom("a map value without its key"))?;
        seed.deserialize(DynamicDeserializer::nested(value, self.depth))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
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
        let name = seed.deserialize(BorrowedStrDeserializer::<Box<EvalAltResult>>::new(
            self.name.as_str(),
        ))?;
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
            _ => Err(self.0.type_error_str("()")),
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
