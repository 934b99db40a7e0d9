//! Text forms of values: the Rust `Display`/`Debug` of `Dynamic` and `FnPtr`, the script's
//! text forms (`print`/`to_string`, `debug`/`to_debug`), float formatting and the script names
//! of standard Rust types.

use crate::value::dynamic::{Dynamic, Union};
use crate::{FnPtr, FLOAT};
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
    write_natural(f, value, 0.000_000_000_000_1, 10_000_000_000_000.0)
}

/// Write a float the way `print` and `to_string` show it: zero as `0.0` (also `-0.0`), very
/// large or small magnitudes with an exponent, others with a decimal point. (The debug form
/// is Rust's.)
pub(crate) fn write_float(f: &mut impl Write, value: FLOAT) -> fmt::Result {
    write_natural(f, value, MIN_NATURAL_FLOAT, MAX_NATURAL_FLOAT)
}

/// A float in natural notation between the magnitudes `lower` and `upper`, with an exponent
/// beyond them.
fn write_natural<F>(f: &mut impl Write, value: F, lower: F, upper: F) -> fmt::Result
where
    F: num_traits::Float + fmt::Display + fmt::LowerExp,
{
    let abs = value.abs();
    if value.is_nan() || value.is_infinite() {
        write!(f, "{value}")
    } else if abs.is_zero() {
        f.write_str("0.0")
    } else if abs < lower || abs > upper {
        write!(f, "{value:e}")
    } else if value.fract().is_zero() {
        write!(f, "{value}.0")
    } else {
        write!(f, "{value}")
    }
}

impl fmt::Display for Dynamic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_rust(f, self, false, 0)
    }
}

impl fmt::Debug for Dynamic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_rust(f, self, true, 0)
    }
}

/// How deep the script's text of nested arrays and maps goes; deeper ones show as `[...]`,
/// `#{...}`. The text is written recursively, and a script can nest values as deep as it likes.
const MAX_PRINT_DEPTH: usize = 256;

/// How deep the Rust `Debug` form follows nested arrays, maps and curried arguments; deeper
/// ones print as `[...]`, `#{...}`. Printing recurses (its formatter helpers take a fair
/// amount of stack a level), and a script can nest values as deep as it likes.
const MAX_RUST_PRINT_DEPTH: usize = 64;

/// A value nested `depth` levels deep, in its Rust debug form.
struct Nested<'a>(&'a Dynamic, usize);

impl fmt::Debug for Nested<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_rust(f, self.0, true, self.1)
    }
}

/// The Rust `Display`/`Debug` forms: containers through the formatter's list and map helpers
/// (so `{:#?}` pretty-prints), elements in their debug form, shared values marked
/// `(shared)`, custom types as their Rust type name.
fn write_rust(
    f: &mut fmt::Formatter<'_>,
    value: &Dynamic,
    debug: bool,
    depth: usize,
) -> fmt::Result {
    match &value.0 {
        Union::Unit(..) if debug => f.write_str("()"),
        Union::Unit(..) => Ok(()),
        Union::Str(s, ..) if debug => fmt::Debug::fmt(s.as_str(), f),
        Union::Str(s, ..) => f.write_str(s),
        Union::Char(c, ..) if debug => fmt::Debug::fmt(c, f),
        Union::Char(c, ..) => f.write_char(*c),
        Union::Float(x, ..) if debug => write!(f, "{x:?}"),
        Union::FnPtr(p, ..) if debug => write_fn_ptr(f, p, depth),
        Union::FnPtr(p, ..) => write!(f, "Fn({})", p.fn_name()),
        Union::Array(a, ..) if depth < MAX_RUST_PRINT_DEPTH => f
            .debug_list()
            .entries(a.iter().map(|v| Nested(v, depth + 1)))
            .finish(),
        Union::Map(m, ..) if depth < MAX_RUST_PRINT_DEPTH => {
            f.write_str("#")?;
            f.debug_map()
                .entries(m.iter().map(|(k, v)| (k.as_str(), Nested(v, depth + 1))))
                .finish()
        }
        Union::Variant(v, ..) => match number_or_range_text(v.as_any(), debug) {
            Some(text) => f.write_str(&text),
            None => f.write_str(v.type_name()),
        },
        Union::Shared(cell, ..) => match crate::value::lock::read(cell) {
            Some(v) => {
                write_rust(f, &v, debug, depth)?;
                f.write_str(" (shared)")
            }
            None => f.write_str("<shared>"),
        },
        _ => write_scalar(f, value),
    }
}

/// `Fn("name", curried…)`; `Fn*` when linked to a script function (a closure, or a bare
/// function name), `Fn#` for a Rust closure.
pub(crate) fn write_fn_ptr(f: &mut fmt::Formatter<'_>, ptr: &FnPtr, depth: usize) -> fmt::Result {
    let kind = if ptr.native.is_some() {
        "Fn#"
    } else if ptr.is_linked() {
        "Fn*"
    } else {
        "Fn"
    };
    let mut tuple = f.debug_tuple(kind);
    tuple.field(&ptr.fn_name());
    if depth < MAX_RUST_PRINT_DEPTH {
        for value in ptr.curry() {
            tuple.field(&Nested(value, depth + 1));
        }
    }
    tuple.finish()
}

/// The forms every printer shares: numbers, booleans, BLOBs, timestamps and the cut-off
/// marks of too deep containers.
fn write_scalar(f: &mut impl Write, value: &Dynamic) -> fmt::Result {
    match &value.0 {
        Union::Bool(b, ..) => write!(f, "{b}"),
        Union::Int(i, ..) => write!(f, "{i}"),
        Union::Float(x, ..) => write_float(f, *x),
        #[cfg(feature = "decimal")]
        Union::Decimal(d, ..) => write!(f, "{d}"),
        Union::Blob(b, ..) => write_blob(f, b),
        Union::TimeStamp(..) => f.write_str("<timestamp>"),
        Union::Array(..) => f.write_str("[...]"),
        Union::Map(..) => f.write_str("#{...}"),
        _ => Ok(()),
    }
}

/// A BLOB as hex digits in brackets, a space after every eight bytes: `[0102030405060708 09]`.
fn write_blob(f: &mut impl Write, blob: &[u8]) -> fmt::Result {
    f.write_str("[")?;
    for (i, b) in blob.iter().enumerate() {
        if i > 0 && i % 8 == 0 {
            f.write_str(" ")?;
        }
        write!(f, "{b:02x}")?;
    }
    f.write_str("]")
}

/// The text of a number type besides `INT`/`FLOAT`, or of a range; `None` for other types.
/// An `f32` shows Rust's debug form in the debug text.
#[must_use]
pub(crate) fn number_or_range_text(any: &dyn core::any::Any, debug: bool) -> Option<String> {
    macro_rules! numbers {
        ($($t:ty),*) => {$(
            if let Some(n) = any.downcast_ref::<$t>() {
                return Some(n.to_string());
            }
        )*};
    }
    numbers!(i8, u8, i16, u16, i32, u32, u64, i128, u128);
    if let Some(x) = any.downcast_ref::<f32>() {
        return Some(if debug {
            format!("{x:?}")
        } else {
            x.to_string()
        });
    }
    // A range ending at the largest integer is written open: `3..`, `0..=`.
    let end = |n: crate::INT| {
        if n == crate::INT::MAX {
            String::new()
        } else {
            n.to_string()
        }
    };
    if let Some(r) = any.downcast_ref::<core::ops::Range<crate::INT>>() {
        Some(format!("{}..{}", r.start, end(r.end)))
    } else {
        any.downcast_ref::<core::ops::RangeInclusive<crate::INT>>()
            .map(|r| format!("{}..={}", r.start(), end(*r.end())))
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
