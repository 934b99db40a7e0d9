//! JSON-like text of object maps (`to_json`, `format_map_as_json`), as published: maps, arrays
//! and BLOBs (as arrays of numbers) are written structurally, `()` as `null`, a function pointer
//! as its name (or an array of its name and curried values), and every other value — strings
//! and map keys included — in its Rust debug form (`"a\n"`, `'c'`, `1..3`, custom type names).

use crate::value::dynamic::Union;
use crate::{Dynamic, Map};
use core::fmt::Write;

/// The JSON-like text of an object map; see the module documentation.
#[must_use]
pub fn format_map_as_json(map: &Map) -> String {
    let mut out = String::new();
    write_map(&mut out, map, 0);
    out
}

/// How deep the text follows nested arrays and maps; deeper ones are written as `null`
/// (writing recurses, and a script can nest values as deep as it likes).
const MAX_JSON_DEPTH: usize = 256;

// Writing into a `String` cannot fail: the `fmt::Result`s below are discarded.

fn write_map(out: &mut String, map: &Map, depth: usize) {
    out.push('{');
    for (i, (k, v)) in map.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        _ = write!(out, "{:?}:", k.as_str());
        write_value(out, v, depth + 1);
    }
    out.push('}');
}

fn write_list<'a>(out: &mut String, items: impl Iterator<Item = &'a Dynamic>, depth: usize) {
    out.push('[');
    for (i, v) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_value(out, v, depth + 1);
    }
    out.push(']');
}

fn write_value(out: &mut String, value: &Dynamic, depth: usize) {
    if depth > MAX_JSON_DEPTH && matches!(value.0, Union::Array(..) | Union::Map(..)) {
        out.push_str("null");
        return;
    }
    match &value.0 {
        Union::Unit(..) => out.push_str("null"),
        Union::Array(a, ..) => write_list(out, a.iter(), depth),
        Union::Blob(b, ..) => {
            out.push('[');
            for (i, byte) in b.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                _ = write!(out, "{byte}");
            }
            out.push(']');
        }
        Union::Map(m, ..) => write_map(out, m, depth),
        Union::FnPtr(p, ..) if p.curry().is_empty() => _ = write!(out, "{:?}", p.fn_name()),
        Union::FnPtr(p, ..) => {
            let name = Dynamic::from(p.name.clone());
            write_list(out, core::iter::once(&name).chain(p.curry()), depth);
        }
        Union::Shared(..) => write_value(out, &value.flatten_clone(), depth),
        _ => _ = write!(out, "{value:?}"),
    }
}
