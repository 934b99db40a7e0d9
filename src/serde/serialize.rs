//! `Serialize` for `Dynamic`: data values as their serde counterparts (a BLOB as bytes, which
//! formats like JSON write as an array of numbers); function pointers, timestamps and custom
//! types as the string of their type name; shared values read through their lock.

use crate::value::dynamic::Union;
use crate::Dynamic;
use serde::ser::{Error, Serialize, SerializeMap, SerializeSeq, Serializer};

impl Serialize for Dynamic {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Union::Unit(..) => s.serialize_unit(),
            Union::Bool(b, ..) => s.serialize_bool(*b),
            Union::Str(x, ..) => s.serialize_str(x),
            Union::Char(c, ..) => s.serialize_char(*c),
            Union::Int(n, ..) => s.serialize_i64(*n),
            Union::Float(x, ..) => s.serialize_f64(*x),
            Union::Blob(blob, ..) => s.serialize_bytes(blob),
            Union::Array(array, ..) => {
                let mut seq = s.serialize_seq(Some(array.len()))?;
                for item in array.iter() {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Union::Map(map, ..) => {
                let mut entries = s.serialize_map(Some(map.len()))?;
                for (key, value) in map.iter() {
                    entries.serialize_entry(key.as_str(), value)?;
                }
                entries.end()
            }
            Union::Shared(cell, ..) => match crate::value::lock::read(cell) {
                Some(value) => value.serialize(s),
                None => Err(S::Error::custom("shared value is locked for writing")),
            },
            Union::FnPtr(..) | Union::TimeStamp(..) | Union::Variant(..) => {
                s.serialize_str(self.type_name())
            }
        }
    }
}
