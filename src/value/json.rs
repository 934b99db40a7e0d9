//! JSON text of object maps (`to_json`, `format_map_as_json`).

use crate::value::dynamic::Union;
use crate::{Dynamic, Map};
use core::fmt::Write;

/// The JSON text of an object map. Values without a JSON form (function pointers, custom
/// types, timestamps) are written as their display text in a string; `()` is `null`.
#[must_use]
pub fn format_map_as_json(map: &Map) -> String {
    let mut out = String::new();
    write_map(&mut out, map, 0);
    out
}

/// How deep the JSON text follows nested arrays and maps; deeper ones are written as `null`
/// (writing recurses, and a script can nest values as deep as it likes).
const MAX_JSON_DEPTH: usize = 256;

fn write_map(out: &mut String, map: &Map, depth: usize) {
    out.push('{');
    for (i, (k, v)) in map.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_str(out, k);
        out.push(':');
        write_value(out, v, depth + 1);
    }
    out.push('}');
}

fn write_value(out: &mut String, value: &Dynamic, depth: usize) {
    if depth > MAX_JSON_DEPTH && matches!(value.0, Union::Array(..) | Union::Map(..)) {
        out.push_str("null");
        return;
    }
    match &value.0 {
        Union::Unit(..) => out.push_str("null"),
        Union::Bool(b, ..) => out.push_str(if *b { "true" } else { "false" }),
        Union::Int(n, ..) => {
            let _ = write!(out, "{n}");
        }
        Union::Float(f, ..) if f.is_finite() => {
            let _ = write!(out, "{value}");
        }
        #[cfg(feature = "decimal")]
        Union::Decimal(d, ..) => {
            let _ = write!(out, "{d}");
        }
        Union::Str(s, ..) => write_str(out, s),
        Union::Char(c, ..) => write_str(out, c.encode_utf8(&mut [0; 4])),
        Union::Array(a, ..) => {
            out.push('[');
            for (i, v) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, v, depth + 1);
            }
            out.push(']');
        }
        Union::Map(m, ..) => write_map(out, m, depth),
        Union::Shared(..) => write_value(out, &value.flatten_clone(), depth),
        _ => write_str(out, &value.to_string()),
    }
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
