//! JSON text of object maps (`to_json`, `format_map_as_json`).

use crate::Map;

/// The JSON text of an object map, as the published crate writes it: strings (and keys) with
/// Rust escapes, floats and characters in their Rust debug form (`1e-7`, `'c'`), BLOBs as
/// arrays of bytes, function pointers as their name (with curried values: `["f", 1]`), `()`
/// as `null`, other values as their display text, unquoted.
/// With `metadata`, the text is `serde_json`'s instead (as in the published crate), unless the
/// map is nested too deeply for it.
#[must_use]
pub fn format_map_as_json(map: &Map) -> String {
    #[cfg(feature = "metadata")]
    if let Ok(text) = serde_json::to_string(&crate::Dynamic::from_map(map.clone())) {
        return text;
    }
    let mut out = String::new();
    text::write_map(&mut out, map, 0);
    out
}

/// The hand-written JSON text.
mod text {
    use crate::value::dynamic::Union;
    use crate::{Dynamic, Map};
    use core::fmt::Write;

    /// How deep the JSON text follows nested arrays and maps; deeper ones are written as `null`
    /// (writing recurses, and a script can nest values as deep as it likes).
    const MAX_JSON_DEPTH: usize = 256;

    pub(super) fn write_map(out: &mut String, map: &Map, depth: usize) {
        out.push('{');
        for (i, (k, v)) in map.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let _ = write_str(out, k);
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
        let _ = match &value.0 {
            Union::Unit(..) => write!(out, "null"),
            Union::Str(s, ..) => write_str(out, s),
            Union::Char(c, ..) => write!(out, "{c:?}"),
            Union::Float(f, ..) => write!(out, "{f:?}"),
            Union::Array(a, ..) => {
                write_list(out, a.iter(), depth);
                Ok(())
            }
            Union::Blob(b, ..) => {
                write_list(out, b.iter().map(|&x| Dynamic::from_int(x.into())), depth);
                Ok(())
            }
            Union::Map(m, ..) => {
                write_map(out, m, depth);
                Ok(())
            }
            Union::FnPtr(p, ..) if p.curry().is_empty() => write_str(out, p.fn_name()),
            Union::FnPtr(p, ..) => {
                let name = Dynamic::from(crate::ImmutableString::from(p.fn_name()));
                write_list(
                    out,
                    core::iter::once(name).chain(p.curry().iter().cloned()),
                    depth,
                );
                Ok(())
            }
            Union::Shared(..) => {
                write_value(out, &value.flatten_clone(), depth);
                Ok(())
            }
            _ => write!(out, "{value}"),
        };
    }

    fn write_list<T: core::borrow::Borrow<Dynamic>>(
        out: &mut String,
        items: impl Iterator<Item = T>,
        depth: usize,
    ) {
        out.push('[');
        for (i, v) in items.enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_value(out, v.borrow(), depth + 1);
        }
        out.push(']');
    }

    /// A string with Rust escapes (`\n`, `\"`, `\u{7f}`).
    fn write_str(out: &mut String, s: &str) -> core::fmt::Result {
        write!(out, "{s:?}")
    }
}
