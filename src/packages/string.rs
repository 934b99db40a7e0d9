//! String and character functions. Positions count characters (not bytes); negative
//! positions count from the end.

use super::reg::{f, f_mut, prop};
use crate::func::native::FnCaller;
use crate::module::Module;
use crate::value::dynamic::Union;
use crate::{
    Array, Blob, Dynamic, EvalAltResult, ImmutableString, NativeCallContext, Position, INT,
};

type Res<T> = Result<T, Box<EvalAltResult>>;

/// A character position, counting from the end when negative, clamped to `0..=len`.
fn position(index: INT, len: usize) -> usize {
    if index < 0 {
        len.saturating_sub(index.unsigned_abs().try_into().unwrap_or(usize::MAX))
    } else {
        usize::try_from(index).unwrap_or(usize::MAX).min(len)
    }
}

/// A character count, none if ≤ 0.
fn count(n: INT) -> usize {
    usize::try_from(n.max(0)).unwrap_or(usize::MAX)
}

/// The characters of `s` in the positions `start..end`, clamped to its length.
fn chars_in_span(s: &ImmutableString, start: INT, end: INT) -> ImmutableString {
    let (a, b) = super::array::range_span(start, end, s.char_len());
    chars_of(s, a, b - a)
}

fn chars_of(s: &str, start: usize, n: usize) -> ImmutableString {
    s.chars().skip(start).take(n).collect()
}

fn sub_string(s: &str, start: INT, len: INT) -> ImmutableString {
    let total = s.chars().count();
    let start = position(start, total);
    chars_of(s, start, count(len))
}

/// The position of `find` from `start` on, or -1 (always -1 from the end or beyond).
fn index_of_str(s: &str, find: &str, start: INT) -> INT {
    let total = s.chars().count();
    let start = position(start, total);
    if start >= total {
        return -1;
    }
    let byte_start = s.char_indices().nth(start).map_or(s.len(), |(b, _)| b);
    match s[byte_start..].find(find) {
        Some(b) => (start + s[byte_start..byte_start + b].chars().count()) as INT,
        None => -1,
    }
}

/// Two pieces split at a position; zero or below counts from the end (so 0 splits at the end).
fn split_at(s: &str, index: INT) -> Array {
    let total = s.chars().count();
    let at = if index > 0 {
        position(index, total)
    } else {
        total.saturating_sub(usize::try_from(index.unsigned_abs()).unwrap_or(usize::MAX))
    };
    vec![
        Dynamic::from(chars_of(s, 0, at)),
        Dynamic::from(chars_of(s, at, total)),
    ]
}

fn strings(parts: impl Iterator<Item = impl Into<ImmutableString>>) -> Array {
    parts.map(|p| Dynamic::from(p.into())).collect()
}

/// Pad to at least `len` characters with repeats of `pad`. The text is built in a buffer
/// reserved up front, so a length memory cannot hold fails instead of aborting.
fn pad_with(s: &mut ImmutableString, len: INT, pad: &str, max: usize) -> Res<()> {
    let target = count(len);
    let too_large = || -> Box<EvalAltResult> {
        EvalAltResult::ErrorDataTooLarge("Length of string".into(), Position::NONE).into()
    };
    if max > 0 && target > max {
        return Err(too_large());
    }
    let current = s.chars().count();
    if pad.is_empty() || target <= current {
        return Ok(());
    }
    let missing = target - current;
    let mut text = String::new();
    text.try_reserve(s.len().saturating_add(missing))
        .map_err(|_| too_large())?;
    text.push_str(s);
    text.extend(pad.chars().cycle().take(missing));
    *s = text.into();
    Ok(())
}

/// A case mapping that gives one character, else the character unchanged (`'ß'` stays).
fn single_char(mut mapped: impl Iterator<Item = char>, c: char) -> char {
    match (mapped.next(), mapped.next()) {
        (Some(m), None) => m,
        _ => c,
    }
}

/// Register the basic string functions.
pub(crate) fn init_basic(m: &mut Module) {
    prop(m, "len", |s: &mut ImmutableString| s.char_len() as INT);
    prop(m, "bytes", |s: &mut ImmutableString| s.len() as INT);
    prop(m, "is_empty", |s: &mut ImmutableString| s.is_empty());
    f(m, "contains", |s: &mut ImmutableString, find: &str| {
        s.contains(find)
    });
    f(m, "contains", |s: &mut ImmutableString, c: char| {
        s.contains(c)
    });
    f(m, "starts_with", |s: &mut ImmutableString, find: &str| {
        s.starts_with(find)
    });
    f(m, "ends_with", |s: &mut ImmutableString, find: &str| {
        s.ends_with(find)
    });
    f(m, "starts_with", |s: &mut ImmutableString, c: char| {
        s.starts_with(c)
    });
    f(m, "ends_with", |s: &mut ImmutableString, c: char| {
        s.ends_with(c)
    });
    f(m, "to_upper", |s: &mut ImmutableString| s.to_uppercase());
    f(m, "to_lower", |s: &mut ImmutableString| s.to_lowercase());
    f(m, "to_upper", |c: char| single_char(c.to_uppercase(), c));
    f(m, "to_lower", |c: char| single_char(c.to_lowercase(), c));
    f_mut(m, "make_upper", |s: &mut ImmutableString| {
        *s = s.to_uppercase().into()
    });
    f_mut(m, "make_lower", |s: &mut ImmutableString| {
        *s = s.to_lowercase().into()
    });
    f_mut(m, "make_upper", |c: &mut char| {
        *c = single_char(c.to_uppercase(), *c)
    });
    f_mut(m, "make_lower", |c: &mut char| {
        *c = single_char(c.to_lowercase(), *c)
    });
}

/// Register the further string functions and conversions to strings.
pub(crate) fn init_more(m: &mut Module) {
    init_conversions(m);
    init_search(m);
    init_editing(m);
    init_splitting(m);
}

fn init_conversions(m: &mut Module) {
    f(
        m,
        "to_string",
        |ctx: NativeCallContext, x: Dynamic| -> Res<ImmutableString> {
            let x = x.flatten();
            match x.0 {
                Union::Str(s, ..) => Ok(s),
                Union::Array(..) | Union::Map(..) => container_text(&ctx, &x),
                Union::Variant(..) => FnCaller::new(&ctx).display(x, ctx.position()),
                _ => Ok(x.to_string().into()),
            }
        },
    );
    f(
        m,
        "to_debug",
        |ctx: NativeCallContext, x: Dynamic| -> Res<ImmutableString> {
            let x = x.flatten();
            match x.0 {
                Union::Array(..) | Union::Map(..) => container_text(&ctx, &x),
                Union::Variant(..) => FnCaller::new(&ctx).debug(x, ctx.position()),
                Union::Char(c, ..) => Ok(c.to_string().into()),
                Union::FnPtr(..) => Ok(x.to_string().into()),
                _ => Ok(format!("{x:?}").into()),
            }
        },
    );
    f(m, "to_chars", |s: &mut ImmutableString| -> Array {
        s.chars().map(Dynamic::from_char).collect()
    });
    f(m, "to_blob", |s: &mut ImmutableString| -> Blob {
        s.as_bytes().to_vec()
    });
    f(m, "to_int", |c: char| c as INT);
    f(
        m,
        "min",
        |a: ImmutableString, b: ImmutableString| if a <= b { a } else { b },
    );
    f(
        m,
        "max",
        |a: ImmutableString, b: ImmutableString| if a >= b { a } else { b },
    );
    f(m, "min", |a: char, b: char| a.min(b));
    f(m, "max", |a: char, b: char| a.max(b));
}

/// The text of an array or map; a caller for custom types' functions is made only if one is
/// met.
fn container_text(ctx: &NativeCallContext, x: &Dynamic) -> Res<ImmutableString> {
    let mut caller = None;
    let mut text = String::new();
    crate::value::fmt::write_container_text(&mut text, x, 0, &mut |v| {
        caller
            .get_or_insert_with(|| FnCaller::new(ctx))
            .debug(v.clone(), ctx.position())
    })?;
    Ok(text.into())
}

fn init_search(m: &mut Module) {
    f(m, "index_of", |s: &mut ImmutableString, find: &str| {
        index_of_str(s, find, 0)
    });
    f(
        m,
        "index_of",
        |s: &mut ImmutableString, find: &str, start: INT| index_of_str(s, find, start),
    );
    f(m, "index_of", |s: &mut ImmutableString, c: char| {
        index_of_str(s, c.encode_utf8(&mut [0; 4]), 0)
    });
    f(
        m,
        "index_of",
        |s: &mut ImmutableString, c: char, start: INT| {
            index_of_str(s, c.encode_utf8(&mut [0; 4]), start)
        },
    );
    f(m, "get", |s: &mut ImmutableString, index: INT| -> Dynamic {
        let total = s.char_len();
        crate::eval::index::normalize_index(index, total)
            .and_then(|i| s.chars().nth(i))
            .map_or(Dynamic::UNIT, Dynamic::from_char)
    });
    f(
        m,
        "sub_string",
        |s: &mut ImmutableString, start: INT, len: INT| sub_string(s, start, len),
    );
    f(m, "sub_string", |s: &mut ImmutableString, start: INT| {
        sub_string(s, start, INT::MAX)
    });
    f(
        m,
        "sub_string",
        |s: &mut ImmutableString, r: core::ops::Range<INT>| chars_in_span(s, r.start, r.end),
    );
    f(
        m,
        "sub_string",
        |s: &mut ImmutableString, r: core::ops::RangeInclusive<INT>| {
            let (start, end) = super::array::inclusive(&r);
            chars_in_span(s, start, end)
        },
    );
}

fn init_editing(m: &mut Module) {
    f_mut(m, "set", |s: &mut ImmutableString, index: INT, c: char| {
        let total = s.char_len();
        if let Some(n) = crate::eval::index::normalize_index(index, total) {
            *s = s
                .chars()
                .enumerate()
                .map(|(i, x)| if i == n { c } else { x })
                .collect();
        }
    });
    f_mut(
        m,
        "pad",
        |ctx: NativeCallContext, s: &mut ImmutableString, len: INT, c: char| {
            pad_with(
                s,
                len,
                c.encode_utf8(&mut [0; 4]),
                ctx.engine().max_string_size(),
            )
        },
    );
    f_mut(
        m,
        "pad",
        |ctx: NativeCallContext, s: &mut ImmutableString, len: INT, p: &str| {
            pad_with(s, len, p, ctx.engine().max_string_size())
        },
    );
    f_mut(m, "append", |s: &mut ImmutableString, x: &str| *s += x);
    f_mut(m, "append", |s: &mut ImmutableString, c: char| *s += c);
    f_mut(
        m,
        "append",
        |ctx: NativeCallContext,
         s: &mut ImmutableString,
         item: Dynamic|
         -> Result<(), Box<EvalAltResult>> {
            let text = FnCaller::new(&ctx).display(item, ctx.position())?;
            *s += text.as_str();
            Ok(())
        },
    );
    f_mut(m, "remove", |s: &mut ImmutableString, x: &str| *s -= x);
    f_mut(m, "remove", |s: &mut ImmutableString, c: char| *s -= c);
    f_mut(m, "pop", |s: &mut ImmutableString| -> Dynamic {
        let mut chars: Vec<char> = s.chars().collect();
        let last = chars.pop();
        *s = chars.into_iter().collect();
        last.map_or(Dynamic::UNIT, Dynamic::from_char)
    });
    f_mut(
        m,
        "pop",
        |s: &mut ImmutableString, n: INT| -> ImmutableString {
            let total = s.char_len();
            let keep = total.saturating_sub(count(n));
            let popped = chars_of(s, keep, total);
            *s = chars_of(s, 0, keep);
            popped
        },
    );
    f_mut(m, "clear", |s: &mut ImmutableString| {
        *s = ImmutableString::new()
    });
    f_mut(m, "truncate", |s: &mut ImmutableString, len: INT| {
        *s = chars_of(s, 0, count(len))
    });
    f_mut(m, "trim", |s: &mut ImmutableString| *s = s.trim().into());
    f_mut(
        m,
        "crop",
        |s: &mut ImmutableString, start: INT, len: INT| *s = sub_string(s, start, len),
    );
    f_mut(m, "crop", |s: &mut ImmutableString, start: INT| {
        *s = sub_string(s, start, INT::MAX)
    });
    f_mut(
        m,
        "crop",
        |s: &mut ImmutableString, r: core::ops::Range<INT>| {
            *s = chars_in_span(s, r.start, r.end);
        },
    );
    f_mut(
        m,
        "crop",
        |s: &mut ImmutableString, r: core::ops::RangeInclusive<INT>| {
            let (start, end) = super::array::inclusive(&r);
            *s = chars_in_span(s, start, end);
        },
    );
    f_mut(
        m,
        "replace",
        |s: &mut ImmutableString, find: &str, with: &str| {
            *s = s.replace(find, with).into();
        },
    );
    f_mut(
        m,
        "replace",
        |s: &mut ImmutableString, find: &str, with: char| {
            *s = s.replace(find, with.encode_utf8(&mut [0; 4])).into();
        },
    );
    f_mut(
        m,
        "replace",
        |s: &mut ImmutableString, find: char, with: &str| {
            *s = s.replace(find, with).into();
        },
    );
    f_mut(
        m,
        "replace",
        |s: &mut ImmutableString, find: char, with: char| {
            *s = s.replace(find, with.encode_utf8(&mut [0; 4])).into();
        },
    );
}

fn init_splitting(m: &mut Module) {
    f(m, "split", |s: &mut ImmutableString| {
        if s.is_empty() {
            return vec![Dynamic::from(s.clone())];
        }
        strings(s.split_whitespace())
    });
    f(m, "split", |s: &mut ImmutableString, index: INT| {
        split_at(s, index)
    });
    f(m, "split", |s: &mut ImmutableString, sep: &str| {
        strings(s.split(sep))
    });
    f(m, "split", |s: &mut ImmutableString, sep: char| {
        strings(s.split(sep))
    });
    f(m, "split", |s: &mut ImmutableString, sep: &str, n: INT| {
        strings(s.splitn(count(n).max(1), sep))
    });
    f(m, "split", |s: &mut ImmutableString, sep: char, n: INT| {
        strings(s.splitn(count(n).max(1), sep))
    });
    f(m, "split_rev", |s: &mut ImmutableString, sep: &str| {
        strings(s.rsplit(sep))
    });
    f(m, "split_rev", |s: &mut ImmutableString, sep: char| {
        strings(s.rsplit(sep))
    });
    f(
        m,
        "split_rev",
        |s: &mut ImmutableString, sep: &str, n: INT| strings(s.rsplitn(count(n).max(1), sep)),
    );
    f(
        m,
        "split_rev",
        |s: &mut ImmutableString, sep: char, n: INT| strings(s.rsplitn(count(n).max(1), sep)),
    );
}
