//! Text forms of values: the Rust `Display`/`Debug` of `Dynamic` and `FnPtr`, the script's
//! text forms (`print`/`to_string`, `debug`/`to_debug`), float formatting and the script names
//! of standard Rust types.

use crate::value::dynamic::{Dynamic, Union};
use crate::{FnPtr, ImmutableString, FLOAT};
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
        write_rust(f, self, false, 0)
    }
}

impl fmt::Debug for Dynamic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_rust(f, self, true, 0)
    }
}

/// How deep printing follows nested arrays, maps and curried arguments; deeper ones print as
/// `[...]`, `#{...}`. Printing recurses, and a script can nest values as deep as it likes.
const MAX_PRINT_DEPTH: usize = 256;

/// The same limit for the Rust `Debug` form, whose formatter helpers take more stack a level.
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
        Union::Variant(v, ..) => match number_or_range_text(v.as_any()) {
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

/// `Fn("name", curried…)`; `Fn*` for an anonymous function or closure, `Fn#` for a Rust
/// closure.
pub(crate) fn write_fn_ptr(f: &mut fmt::Formatter<'_>, ptr: &FnPtr, depth: usize) -> fmt::Result {
    let kind = if ptr.native.is_some() {
        "Fn#"
    } else if ptr.fn_def.is_some() {
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
#[must_use]
pub(crate) fn number_or_range_text(any: &dyn core::any::Any) -> Option<String> {
    macro_rules! numbers {
        ($($t:ty),*) => {$(
            if let Some(n) = any.downcast_ref::<$t>() {
                return Some(n.to_string());
            }
        )*};
    }
    numbers!(i8, u8, i16, u16, i32, u32, u64, i128, u128, f32);
    if let Some(r) = any.downcast_ref::<core::ops::Range<crate::INT>>() {
        Some(format!("{}..{}", r.start, r.end))
    } else {
        any.downcast_ref::<core::ops::RangeInclusive<crate::INT>>()
            .map(|r| format!("{}..={}", r.start(), r.end()))
    }
}

/// The script's text forms of a value: `print`/`to_string` (`debug` false) and
/// `debug`/`to_debug` (`debug` true). Inside arrays and maps, values take their debug form.
/// Strings are quoted in the debug form, characters never; function pointers show their name
/// only; shared values show their content. `custom` gives the text of a custom type (its
/// registered `to_string`/`to_debug`, or its name).
pub(crate) fn script_text<E>(
    value: &Dynamic,
    debug: bool,
    custom: &mut dyn FnMut(&Dynamic, bool) -> Result<ImmutableString, E>,
) -> Result<String, E> {
    let mut out = String::new();
    write_script(&mut out, value, debug, 0, custom)?;
    Ok(out)
}

fn write_script<E>(
    out: &mut String,
    value: &Dynamic,
    debug: bool,
    depth: usize,
    custom: &mut dyn FnMut(&Dynamic, bool) -> Result<ImmutableString, E>,
) -> Result<(), E> {
    // Writing into a `String` cannot fail.
    match &value.0 {
        Union::Unit(..) if debug => out.push_str("()"),
        Union::Unit(..) => (),
        Union::Str(s, ..) if debug => _ = write!(out, "{:?}", s.as_str()),
        Union::Str(s, ..) => out.push_str(s),
        Union::Char(c, ..) => out.push(*c),
        Union::FnPtr(p, ..) => _ = write!(out, "Fn({})", p.fn_name()),
        Union::Array(a, ..) if depth < MAX_PRINT_DEPTH => {
            out.push('[');
            for (i, item) in a.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_script(out, item, true, depth + 1, custom)?;
            }
            out.push(']');
        }
        Union::Map(m, ..) if depth < MAX_PRINT_DEPTH => {
            out.push_str("#{");
            for (i, (key, item)) in m.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                _ = write!(out, "{:?}: ", key.as_str());
                write_script(out, item, true, depth + 1, custom)?;
            }
            out.push('}');
        }
        Union::Variant(..) => out.push_str(&custom(value, debug)?),
        Union::Shared(cell, ..) => match crate::value::lock::read(cell) {
            Some(v) => write_script(out, &v, debug, depth, custom)?,
            None => out.push_str("<shared>"),
        },
        _ => _ = write_scalar(out, value),
    }
    Ok(())
}
