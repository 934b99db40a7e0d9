//! `Serialize` / `Deserialize` for `Scope`: a sequence of entries, oldest first, each a struct
//! `{ name, value, is_constant }` (`is_constant` is written only when true, and defaults to
//! false when reading). Values follow `Dynamic`'s own serde forms, so custom types come out as their type
//! names. Module-export aliases are not part of the form.

use crate::value::dynamic::AccessMode;
use crate::{Dynamic, Identifier, Scope};
use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};

#[derive(serde::Serialize)]
struct EntryRef<'a> {
    name: &'a str,
    value: &'a Dynamic,
    #[serde(skip_serializing_if = "is_false")]
    is_constant: bool,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(flag: &bool) -> bool {
    !*flag
}

#[derive(serde::Deserialize)]
struct Entry {
    name: Identifier,
    value: Dynamic,
    #[serde(default)]
    is_constant: bool,
}

impl Serialize for Scope<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.entries().map(|(name, is_constant, value)| EntryRef {
            name,
            value,
            is_constant,
        }))
    }
}

impl<'de> Deserialize<'de> for Scope<'_> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let entries = Vec::<Entry>::deserialize(d)?;
        let mut scope = Self::with_capacity(entries.len());
        for Entry {
            name,
            value,
            is_constant,
        } in entries
        {
            let mode = if is_constant {
                AccessMode::ReadOnly
            } else {
                AccessMode::ReadWrite
            };
            scope.push_entry(name.into(), value, mode);
        }
        Ok(scope)
    }
}
