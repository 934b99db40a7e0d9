//! Conversions into `Dynamic`: `From` implementations for the standard types and
//! collections, `FromIterator`, `Extend` and `FromStr`.

use crate::func::fn_ptr::FnPtr;
use crate::value::dynamic::Variant;
use crate::value::string::{ImmutableString, SmartString};
use crate::{Dynamic, Instant, FLOAT, INT};
use core::ops::{Range, RangeInclusive};
use core::str::FromStr;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

impl From<()> for Dynamic {
    fn from(_: ()) -> Self {
        Self::UNIT
    }
}
impl From<bool> for Dynamic {
    fn from(v: bool) -> Self {
        Self::from_bool(v)
    }
}
impl From<INT> for Dynamic {
    fn from(v: INT) -> Self {
        Self::from_int(v)
    }
}
impl From<FLOAT> for Dynamic {
    fn from(v: FLOAT) -> Self {
        Self::from_float(v)
    }
}
#[cfg(feature = "decimal")]
impl From<rust_decimal::Decimal> for Dynamic {
    fn from(v: rust_decimal::Decimal) -> Self {
        Self::from_decimal(v)
    }
}
impl From<char> for Dynamic {
    fn from(v: char) -> Self {
        Self::from_char(v)
    }
}
impl<S: Into<ImmutableString>> From<S> for Dynamic {
    /// Any string-like value becomes a script string.
    fn from(v: S) -> Self {
        Self::from_str(v.into())
    }
}
impl From<FnPtr> for Dynamic {
    fn from(v: FnPtr) -> Self {
        Self::from_fn_ptr(v)
    }
}
impl From<Instant> for Dynamic {
    fn from(v: Instant) -> Self {
        Self::from_timestamp(v)
    }
}
impl From<Range<INT>> for Dynamic {
    fn from(v: Range<INT>) -> Self {
        Self::from(v)
    }
}
impl From<RangeInclusive<INT>> for Dynamic {
    fn from(v: RangeInclusive<INT>) -> Self {
        Self::from(v)
    }
}
impl<T: Variant + Clone> From<Vec<T>> for Dynamic {
    fn from(v: Vec<T>) -> Self {
        Self::from_array(v.into_iter().map(Dynamic::from).collect())
    }
}
impl<T: Variant + Clone> From<&[T]> for Dynamic {
    fn from(v: &[T]) -> Self {
        Self::from_array(v.iter().cloned().map(Dynamic::from).collect())
    }
}
impl<K: Into<SmartString>, T: Variant + Clone> From<BTreeMap<K, T>> for Dynamic {
    fn from(v: BTreeMap<K, T>) -> Self {
        Self::from_map(
            v.into_iter()
                .map(|(k, v)| (k.into(), Dynamic::from(v)))
                .collect(),
        )
    }
}
impl<K: Into<SmartString>, T: Variant + Clone, S> From<HashMap<K, T, S>> for Dynamic {
    fn from(v: HashMap<K, T, S>) -> Self {
        Self::from_map(
            v.into_iter()
                .map(|(k, v)| (k.into(), Dynamic::from(v)))
                .collect(),
        )
    }
}
impl<K: Into<SmartString>> From<BTreeSet<K>> for Dynamic {
    /// A set becomes a map whose values are `()`.
    fn from(v: BTreeSet<K>) -> Self {
        Self::from_map(v.into_iter().map(|k| (k.into(), Dynamic::UNIT)).collect())
    }
}
impl<K: Into<SmartString>, S> From<HashSet<K, S>> for Dynamic {
    /// A set becomes a map whose values are `()`.
    fn from(v: HashSet<K, S>) -> Self {
        Self::from_map(v.into_iter().map(|k| (k.into(), Dynamic::UNIT)).collect())
    }
}
impl From<crate::config::Shared<crate::config::Locked<Dynamic>>> for Dynamic {
    /// An already shared value.
    fn from(v: crate::config::Shared<crate::config::Locked<Dynamic>>) -> Self {
        Self(crate::value::dynamic::Union::Shared(
            v,
            0,
            crate::value::dynamic::AccessMode::ReadWrite,
        ))
    }
}

impl<T: Variant + Clone> FromIterator<T> for Dynamic {
    /// Collect into an array.
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Self::from_array(iter.into_iter().map(Dynamic::from).collect())
    }
}

impl Extend<Dynamic> for Dynamic {
    /// Append to an array value (other values are left unchanged).
    fn extend<I: IntoIterator<Item = Dynamic>>(&mut self, iter: I) {
        if let Ok(mut array) = self.as_array_mut() {
            array.extend(iter);
        }
    }
}

impl FromStr for Dynamic {
    type Err = ();
    /// A string value.
    fn from_str(s: &str) -> Result<Self, ()> {
        Ok(Self::from(ImmutableString::from(s)))
    }
}
