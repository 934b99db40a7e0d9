//! Text forms of values: `Display` (what `print` and `to_string` give), `Debug` (what `debug`
//! and `to_debug` give), float formatting and the script names of standard Rust types.

use crate::value::dynamic::{Dynamic, Union};
use crate::FLOAT;
use core::fmt::{self, Write};

/// The script name of a standard Rust type name; other names pass through unchanged.
#[must_use]
pub fn map_std_type_name(name: &str) -> &str {
    match name {
        "alloc::string::String" | "&str" | "rhai::ImmutableString" => "string",
        "rhai::value::string::ImmutableString" => "string",
        "core::ops::range::Range<i64>" => "range",
        "core::ops::range::RangeInclusive<i64>" => "range=",
        "alloc::vec::Vec<rhai::value::dynamic::Dynamic>" => "array",
        "alloc::vec::Vec<u8>" => "blob",
        "rhai::value::dynamic::Dynamic" => "Dynamic",
        "rhai::func::fn_ptr::FnPtr" => "Fn",
        "std::time::Instant" => "timestamp",
        "rust_decimal::decimal::Decimal" => "decimal",
        "()" => "()",
        _ if name.starts_with("alloc::collections::btree::map::BTreeMap<") => "map",
        _ => name,
    }
}

/// Write a float the way scripts print it: always with a decimal point or an exponent.
pub(crate) fn write_float(f: &mut impl Write, value: FLOAT) -> fmt::Result {
    let abs = value.abs();
    if value.is_nan() || value.is_infinite() {
        write!(f, "{value}")
    } else if abs != 0.0 && !(1e-5..1e15).contains(&abs) {
        write!(f, "{value:e}")
    } else if value.fract() == 0.0 {
        write!(f, "{value:.1}")
    } else {
        write!(f, "{value}")
    }
}

impl fmt::Display for Dynamic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Union::Unit(..) => Ok(()),
            Union::Bool(b, ..) => write!(f, "{b}"),
            Union::Str(s, ..) => f.write_str(s),
            Union::Char(c, ..) => write!(f, "{c}"),
            Union::Int(i, ..) => write!(f, "{i}"),
            Union::Float(x, ..) => write_float(f, *x),
            #[cfg(feature = "decimal")]
            Union::Decimal(d, ..) => write!(f, "{d}"),
            Union::Array(..) | Union::Map(..) | Union::Blob(..) => fmt::Debug::fmt(self, f),
            Union::FnPtr(p, ..) => write!(f, "{p}"),
            Union::TimeStamp(..) => f.write_str("<timestamp>"),
            Union::Variant(v, ..) => write_variant(f, &***v, false),
            Union::Shared(cell, ..) => match crate::value::lock::read(cell) {
                Some(v) => fmt::Display::fmt(&*v, f),
                None => f.write_str("<shared>"),
            },
        }
    }
}

impl fmt::Debug for Dynamic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Union::Unit(..) => f.write_str("()"),
            Union::Bool(b, ..) => write!(f, "{b}"),
            Union::Str(s, ..) => write!(f, "{:?}", s.as_str()),
            Union::Char(c, ..) => write!(f, "{c:?}"),
            Union::Int(i, ..) => write!(f, "{i}"),
            Union::Float(x, ..) => write_float(f, *x),
            #[cfg(feature = "decimal")]
            Union::Decimal(d, ..) => write!(f, "{d}"),
            Union::Array(a, ..) => f.debug_list().entries(a.iter()).finish(),
            Union::Blob(b, ..) => write_blob(f, b),
            Union::Map(m, ..) => {
                f.write_str("#")?;
                f.debug_map()
                    .entries(m.iter().map(|(k, v)| (k.as_str(), v)))
                    .finish()
            }
            Union::FnPtr(p, ..) => write!(f, "{p:?}"),
            Union::TimeStamp(..) => f.write_str("<timestamp>"),
            Union::Variant(v, ..) => write_variant(f, &***v, true),
            Union::Shared(cell, ..) => match crate::value::lock::read(cell) {
                Some(v) => fmt::Debug::fmt(&*v, f),
                None => f.write_str("<shared>"),
            },
        }
    }
}

/// A BLOB prints as hex bytes: `[01 ff 2a]`.
/// A BLOB as hex digits in brackets, a space after every eight bytes: `[0102030405060708 09]`.
fn write_blob(f: &mut fmt::Formatter<'_>, blob: &[u8]) -> fmt::Result {
    f.write_str("[")?;
    for (i, b) in blob.iter().enumerate() {
        if i > 0 && i % 8 == 0 {
            f.write_str(" ")?;
        }
        write!(f, "{b:02x}")?;
    }
    f.write_str("]")
}

/// Custom types print as their type name; ranges print as ranges.
fn write_variant(
    f: &mut fmt::Formatter<'_>,
    v: &dyn crate::value::dynamic::Variant,
    _debug: bool,
) -> fmt::Result {
    let any = v.as_any();
    if let Some(r) = any.downcast_ref::<core::ops::Range<crate::INT>>() {
        write!(f, "{}..{}", r.start, r.end)
    } else if let Some(r) = any.downcast_ref::<core::ops::RangeInclusive<crate::INT>>() {
        write!(f, "{}..={}", r.start(), r.end())
    } else {
        f.write_str(map_std_type_name(v.type_name()))
    }
}
