//! `Serialize` for `Dynamic`: data values as their serde counterparts (a BLOB as bytes, which
//! formats like JSON write as an array of numbers), a Decimal as the nearest float; a function
//! pointer as its name (followed by its curried values, as a sequence); timestamps and custom
//! types as the string of their type name; shared values read through their lock.
//!
//! Serializing recurses, and a script can nest values as deep as it likes: past `MAX_DEPTH`
//! levels of arrays and maps, serializing fails with an error instead.

use crate::value::dynamic::Union;
use crate::Dynamic;
use serde::ser::{Error, Serialize, SerializeMap, SerializeSeq, Serializer};

/// How many levels of arrays and maps serializing follows.
const MAX_DEPTH: usize = 256;

impl Serialize for Dynamic {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Nested(self, 0).serialize(s)
    }
}

/// A value and the number of arrays and maps around it.
struct Nested<'a>(&'a Dynamic, usize);

impl Serialize for Nested<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Self(value, depth) = *self;
        match &value.0 {
            Union::Unit(..) => s.serialize_unit(),
            Union::Bool(b, ..) => s.serialize_bool(*b),
            Union::Str(x, ..) => s.serialize_str(x),
            Union::Char(c, ..) => s.serialize_char(*c),
            Union::Int(n, ..) => s.serialize_i64(*n),
            Union::Float(x, ..) => s.serialize_f64(*x),
            // As published: the nearest float.
            #[cfg(feature = "decimal")]
            Union::Decimal(d, ..) => {
                use rust_decimal::prelude::ToPrimitive;
                s.serialize_f64(d.to_f64().unwrap_or(crate::FLOAT::NAN))
            }
            Union::Blob(blob, ..) => s.serialize_bytes(blob),
            Union::Array(..) | Union::Map(..) if depth >= MAX_DEPTH => Err(S::Error::custom(
                format!("value nested more than {MAX_DEPTH} levels deep"),
            )),
            Union::Array(array, ..) => {
                let mut seq = s.serialize_seq(Some(array.len()))?;
                for item in array.iter() {
                    seq.serialize_element(&Nested(item, depth + 1))?;
                }
                seq.end()
            }
            Union::Map(map, ..) => {
                let mut entries = s.serialize_map(Some(map.len()))?;
                for (key, item) in map.iter() {
                    entries.serialize_entry(key.as_str(), &Nested(item, depth + 1))?;
                }
                entries.end()
            }
            Union::Shared(cell, ..) => match crate::value::lock::read(cell) {
                Some(inner) => Nested(&inner, depth).serialize(s),
                None => Err(S::Error::custom("shared value is locked for writing")),
            },
            // The name alone, or the name followed by the curried values.
            Union::FnPtr(ptr, ..) if ptr.curry().is_empty() => s.serialize_str(ptr.fn_name()),
            Union::FnPtr(ptr, ..) => {
                let mut seq = s.serialize_seq(Some(ptr.curry().len() + 1))?;
                seq.serialize_element(ptr.fn_name())?;
                for item in ptr.curry() {
                    seq.serialize_element(&Nested(item, depth + 1))?;
                }
                seq.end()
            }
            Union::TimeStamp(..) => s.serialize_str(core::any::type_name::<crate::Instant>()),
            Union::Variant(..) => s.serialize_str(value.type_name()),
        }
    }
}
