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
        "rhai::packages::iter_basic::StepRange<i64>"
        | "rhai::packages::iter_basic::StepRange<f64>"
        | "rhai::packages::iter_basic::CharsStream"
        | "rhai::packages::iter_basic::BitRange" => "range",
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

/// Beyond these magnitudes a float displays in exponent form. They are single-precision
/// constants widened to `f64` (so the upper one is 9999999827968, not 1e13): the published
/// crate's thresholds, observed through what it prints.
const MAX_NATURAL_FLOAT: FLOAT = 10_000_000_000_000.0_f32 as FLOAT;
const MIN_NATURAL_FLOAT: FLOAT = 0.000_000_000_000_1_f32 as FLOAT;

/// Write an `f32` the way `to_string` shows it: the rules of `write_float`, in single
/// precision.
pub(crate) fn write_f32(f: &mut impl Write, value: f32) -> fmt::Result {
    let abs = value.abs();
    if value.is_nan() || value.is_infinite() {
        write!(f, "{value}")
    } else if abs == 0.0 {
        f.write_str("0.0")
    } else if !(0.000_000_000_000_1_f32..=10_000_000_000_000.0_f32).contains(&abs) {
        write!(f, "{value:e}")
    } else if value.fract() == 0.0 {
        write!(f, "{value}.0")
    } else {
        write!(f, "{value}")
    }
}

/// Write a float the way `print` and `to_string` show it: zero as `0.0` (also `-0.0`), very
/// large or small magnitudes with an exponent, others with a decimal point.
pub(crate) fn write_float(f: &mut impl Write, value: FLOAT) -> fmt::Result {
    let abs = value.abs();
    if value.is_nan() || value.is_infinite() {
        write!(f, "{value}")
    } else if abs == 0.0 {
        f.write_str("0.0")
    } else if !(MIN_NATURAL_FLOAT..=MAX_NATURAL_FLOAT).contains(&abs) {
        write!(f, "{value:e}")
    } else if value.fract() == 0.0 {
        write!(f, "{value:.1}")
    } else {
        write!(f, "{value}")
    }
}

impl fmt::Display for Dynamic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_value(f, self, false, 0)
    }
}

impl fmt::Debug for Dynamic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_value(f, self, true, 0)
    }
}

/// How deep printing follows nested arrays, maps and curried arguments; deeper ones print as
/// `[...]`, `#{...}`. Printing recurses, and a script can nest values as deep as it likes.
const MAX_PRINT_DEPTH: usize = 256;

/// Write a value's display form, or its debug form (strings and chars quoted, `()` shown).
/// Inside arrays and maps, values always take their debug form.
fn write_value(
    f: &mut fmt::Formatter<'_>,
    value: &Dynamic,
    debug: bool,
    depth: usize,
) -> fmt::Result {
    match &value.0 {
        Union::Unit(..) if debug => f.write_str("()"),
        Union::Unit(..) => Ok(()),
        Union::Bool(b, ..) => write!(f, "{b}"),
        Union::Str(s, ..) if debug => write!(f, "{:?}", s.as_str()),
        Union::Str(s, ..) => f.write_str(s),
        Union::Char(c, ..) if debug => write!(f, "{c:?}"),
        Union::Char(c, ..) => write!(f, "{c}"),
        Union::Int(i, ..) => write!(f, "{i}"),
        Union::Float(x, ..) if debug => write!(f, "{x:?}"),
        Union::Float(x, ..) => write_float(f, *x),
        #[cfg(feature = "decimal")]
        Union::Decimal(d, ..) => write!(f, "{d}"),
        Union::Array(a, ..) => write_list(f, a, depth),
        Union::Blob(b, ..) => write_blob(f, b),
        Union::Map(m, ..) => write_map(f, m, depth),
        Union::FnPtr(p, ..) if debug => write_fn_ptr_debug(f, p, depth),
        Union::FnPtr(p, ..) => write!(f, "{p}"),
        Union::TimeStamp(..) => f.write_str("<timestamp>"),
        Union::Variant(v, ..) => write_variant(f, &***v, debug),
        Union::Shared(cell, ..) => match crate::value::lock::read(cell) {
            Some(v) => {
                write_value(f, &v, debug, depth)?;
                f.write_str(" (shared)")
            }
            None => f.write_str("<shared>"),
        },
    }
}

/// `Fn("name", curried…)`; `Fn*` when the pointer is linked to a script function (closures,
/// and a script function's bare name).
fn write_fn_ptr_debug(f: &mut fmt::Formatter<'_>, ptr: &crate::FnPtr, depth: usize) -> fmt::Result {
    let star = if ptr.is_linked() { "*" } else { "" };
    write!(f, "Fn{star}({:?}", ptr.fn_name())?;
    for arg in &ptr.curry {
        f.write_str(", ")?;
        if depth >= MAX_PRINT_DEPTH {
            f.write_str("...")?;
        } else {
            write_value(f, arg, true, depth + 1)?;
        }
    }
    f.write_str(")")
}

/// `[a, b, c]`, elements in their debug form.
fn write_list(f: &mut fmt::Formatter<'_>, items: &[Dynamic], depth: usize) -> fmt::Result {
    if depth >= MAX_PRINT_DEPTH {
        return f.write_str("[...]");
    }
    f.write_str("[")?;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write_value(f, item, true, depth + 1)?;
    }
    f.write_str("]")
}

/// `#{"a": 1, "b": 2}`, values in their debug form.
fn write_map(f: &mut fmt::Formatter<'_>, map: &crate::Map, depth: usize) -> fmt::Result {
    if depth >= MAX_PRINT_DEPTH {
        return f.write_str("#{...}");
    }
    f.write_str("#{")?;
    for (i, (key, item)) in map.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{:?}: ", key.as_str())?;
        write_value(f, item, true, depth + 1)?;
    }
    f.write_str("}")
}

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

/// Custom types print as their Rust type name; ranges print as ranges, other number types as
/// numbers.
fn write_variant(
    f: &mut fmt::Formatter<'_>,
    v: &dyn crate::value::dynamic::Variant,
    debug: bool,
) -> fmt::Result {
    let any = v.as_any();
    macro_rules! numbers {
        ($($t:ty),*) => {$(
            if let Some(n) = any.downcast_ref::<$t>() {
                return write!(f, "{n}");
            }
        )*};
    }
    numbers!(i8, u8, i16, u16, i32, u32, u64, i128, u128);
    if let Some(x) = any.downcast_ref::<f32>() {
        return if debug {
            write!(f, "{x:?}")
        } else {
            write!(f, "{x}")
        };
    }
    if let Some(r) = any.downcast_ref::<core::ops::Range<crate::INT>>() {
        write!(f, "{}..{}", r.start, r.end)
    } else if let Some(r) = any.downcast_ref::<core::ops::RangeInclusive<crate::INT>>() {
        write!(f, "{}..={}", r.start(), r.end())
    } else {
        f.write_str(v.type_name())
    }
}

/// Write the script text of an array or map (`print`, `to_string`, `to_debug` on one): every
/// element in its debug text as scripts see it (strings quoted, characters bare, function
/// pointers as `Fn(name)`), custom types through `custom`. Deeper than the print depth,
/// nesting shows as `[...]` / `#{...}`.
pub(crate) fn write_container_text<E>(
    out: &mut String,
    value: &Dynamic,
    depth: usize,
    custom: &mut dyn FnMut(&Dynamic) -> Result<crate::ImmutableString, E>,
) -> Result<(), E> {
    match &value.0 {
        Union::Array(items, ..) if depth >= MAX_PRINT_DEPTH && !items.is_empty() => {
            out.push_str("[...]");
        }
        Union::Map(map, ..) if depth >= MAX_PRINT_DEPTH && !map.is_empty() => {
            out.push_str("#{...}");
        }
        Union::Array(items, ..) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_container_text(out, item, depth + 1, custom)?;
            }
            out.push(']');
        }
        Union::Map(map, ..) => {
            out.push_str("#{");
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                let _ = write!(out, "{:?}: ", key.as_str());
                write_container_text(out, item, depth + 1, custom)?;
            }
            out.push('}');
        }
        Union::Shared(..) => write_container_text(out, &value.flatten_clone(), depth, custom)?,
        Union::Variant(..) => out.push_str(&custom(value)?),
        Union::Char(c, ..) => out.push(*c),
        Union::FnPtr(p, ..) => {
            let _ = write!(out, "{p}");
        }
        _ => {
            let _ = write!(out, "{value:?}");
        }
    }
    Ok(())
}
