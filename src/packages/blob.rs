//! BLOB (byte array) functions.
//!
//! Conventions, shared with the array functions:
//! - a byte argument keeps only its low 8 bits (`256 + 7` is stored, found or padded as 7);
//! - a position counts from the end when negative and is clamped to `0..=len`;
//! - a span is `(start, len)` (nothing when `len ≤ 0`) or a range `a..b` / `a..=b`, clamped
//!   to the BLOB and empty when reversed;
//! - a BLOB read as text is UTF-8, with invalid sequences replaced by `U+FFFD`;
//! - a fill (`blob(len)`, `pad`) beyond the engine's maximum array size is an error, and never
//!   allocates more than [`MAX_FILL`] bytes otherwise.

use super::array::{
    check_size, count, element_at, inclusive, position, range_span, retain_span, span,
};
use super::reg::{f, f_mut, prop};
use crate::api::register::set_native_fn_with_purity;
use crate::eval::index::normalize_index;
use crate::module::{FnNamespace, Module};
use crate::value::dynamic::Variant;
use crate::{
    Array, Blob, Dynamic, EvalAltResult, ImmutableString, NativeCallContext, Position, FLOAT, INT,
};
use core::ops::{Range, RangeInclusive};

type Res<T> = Result<T, Box<EvalAltResult>>;

/// A clamped part of a BLOB: start and end offsets.
type Span = (usize, usize);

/// The most bytes a single fill allocates.
const MAX_FILL: usize = 1 << 24;

/// The width in bytes of the numbers read and written: INT and FLOAT are both 64-bit.
const WORD: usize = 8;

/// The low 8 bits of a byte argument.
fn byte(v: INT) -> u8 {
    (v & 0xff) as u8
}

/// The bytes as UTF-8 text.
fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The length of a fill: refused beyond the engine's array limit, capped at [`MAX_FILL`].
fn fill_len(ctx: &NativeCallContext, n: INT) -> Res<usize> {
    let n = count(n);
    check_size(ctx, n)?;
    Ok(n.min(MAX_FILL))
}

/// Append bytes within the engine's array limit.
fn extend(ctx: &NativeCallContext, b: &mut Blob, bytes: &[u8]) -> Res<()> {
    check_size(ctx, b.len().saturating_add(bytes.len()))?;
    b.extend_from_slice(bytes);
    Ok(())
}

/// Register the BLOB functions.
pub(crate) fn init(m: &mut Module) {
    init_create(m);
    init_access(m);
    init_editing(m);
    init_spans(m);
    init_numbers(m);
    init_text(m);
}

fn init_create(m: &mut Module) {
    f(m, "blob", Blob::new);
    f(m, "blob", |ctx: NativeCallContext, n: INT| -> Res<Blob> {
        Ok(vec![0; fill_len(&ctx, n)?])
    });
    f(
        m,
        "blob",
        |ctx: NativeCallContext, n: INT, v: INT| -> Res<Blob> {
            Ok(vec![byte(v); fill_len(&ctx, n)?])
        },
    );
    f(m, "to_array", |b: &mut Blob| -> Array {
        b.iter().map(|&x| Dynamic::from_int(INT::from(x))).collect()
    });
    f(m, "as_string", |b: &mut Blob| {
        ImmutableString::from(text(b))
    });
}

fn init_access(m: &mut Module) {
    prop(m, "len", |b: &mut Blob| b.len() as INT);
    prop(m, "is_empty", |b: &mut Blob| b.is_empty());
    f(m, "get", |b: &mut Blob, i: INT| {
        element_at(i, b.len()).map_or(0, |n| INT::from(b[n]))
    });
    f_mut(m, "set", |b: &mut Blob, i: INT, v: INT| {
        if let Some(n) = element_at(i, b.len()) {
            b[n] = byte(v);
        }
    });
    f(m, "contains", |b: &mut Blob, v: INT| b.contains(&byte(v)));
    f(m, "+", |a: Blob, b: Blob| {
        let mut a = a;
        a.extend(b);
        a
    });
    f(m, "+", |a: Blob, s: &str| text(&a) + s);
    f(m, "+", |s: &str, b: Blob| format!("{s}{}", text(&b)));
}

fn init_editing(m: &mut Module) {
    for name in ["push", "append", "+="] {
        f_mut(m, name, |ctx: NativeCallContext, b: &mut Blob, v: INT| {
            extend(&ctx, b, &[byte(v)])
        });
    }
    for name in ["append", "+="] {
        f_mut(m, name, |ctx: NativeCallContext, b: &mut Blob, x: Blob| {
            extend(&ctx, b, &x)
        });
        f_mut(m, name, |ctx: NativeCallContext, b: &mut Blob, s: &str| {
            extend(&ctx, b, s.as_bytes())
        });
        f_mut(m, name, |ctx: NativeCallContext, b: &mut Blob, c: char| {
            extend(&ctx, b, c.encode_utf8(&mut [0; 4]).as_bytes())
        });
    }
    f_mut(
        m,
        "insert",
        |ctx: NativeCallContext, b: &mut Blob, i: INT, v: INT| -> Res<()> {
            check_size(&ctx, b.len() + 1)?;
            let at = position(i, b.len());
            b.insert(at, byte(v));
            Ok(())
        },
    );
    f_mut(
        m,
        "pad",
        |ctx: NativeCallContext, b: &mut Blob, len: INT, v: INT| -> Res<()> {
            let max = ctx.engine().max_array_size();
            if max > 0 && count(len) > max {
                let err = EvalAltResult::ErrorDataTooLarge("Size of BLOB".into(), Position::NONE);
                return Err(err.into());
            }
            let len = fill_len(&ctx, len)?;
            if len > b.len() {
                b.resize(len, byte(v));
            }
            Ok(())
        },
    );
    f_mut(m, "pop", |b: &mut Blob| b.pop().map_or(0, INT::from));
    f_mut(m, "shift", |b: &mut Blob| {
        if b.is_empty() {
            0
        } else {
            INT::from(b.remove(0))
        }
    });
    f_mut(m, "remove", |b: &mut Blob, i: INT| {
        normalize_index(i, b.len()).map_or(0, |n| INT::from(b.remove(n)))
    });
    f_mut(m, "clear", |b: &mut Blob| b.clear());
    f_mut(m, "reverse", |b: &mut Blob| b.reverse());
    f_mut(m, "truncate", |b: &mut Blob, len: INT| {
        b.truncate(count(len))
    });
    f_mut(m, "chop", |b: &mut Blob, len: INT| {
        let cut = b.len().saturating_sub(count(len));
        b.drain(..cut);
    });
    // Like the array `split`: the BLOB keeps the head and the tail is returned.
    f_mut(m, "split", |b: &mut Blob, i: INT| -> Blob {
        let at = position(i, b.len());
        b.split_off(at)
    });
}

/// Register `name` in the three span forms `(start, len)`, `(a..b)` and `(a..=b)`.
fn spans<R: Variant + Clone>(m: &mut Module, name: &str, pure: bool, op: fn(&mut Blob, Span) -> R) {
    let ns = FnNamespace::Global;
    set_native_fn_with_purity(m, name, ns, pure, move |b: &mut Blob, s: INT, n: INT| {
        let sp = span(s, n, b.len());
        op(b, sp)
    });
    set_native_fn_with_purity(m, name, ns, pure, move |b: &mut Blob, r: Range<INT>| {
        let sp = range_span(r.start, r.end, b.len());
        op(b, sp)
    });
    set_native_fn_with_purity(
        m,
        name,
        ns,
        pure,
        move |b: &mut Blob, r: RangeInclusive<INT>| {
            let (s, e) = inclusive(&r);
            let sp = range_span(s, e, b.len());
            op(b, sp)
        },
    );
}

/// Register a changing `name` in the three span forms, each followed by one more argument.
fn spans_with<X: Variant + Clone, R: Variant + Clone>(
    m: &mut Module,
    name: &str,
    op: fn(&mut Blob, Span, X) -> R,
) {
    f_mut(m, name, move |b: &mut Blob, s: INT, n: INT, x: X| {
        let sp = span(s, n, b.len());
        op(b, sp, x)
    });
    f_mut(m, name, move |b: &mut Blob, r: Range<INT>, x: X| {
        let sp = range_span(r.start, r.end, b.len());
        op(b, sp, x)
    });
    f_mut(
        m,
        name,
        move |b: &mut Blob, r: RangeInclusive<INT>, x: X| {
            let (s, e) = inclusive(&r);
            let sp = range_span(s, e, b.len());
            op(b, sp, x)
        },
    );
}

fn init_spans(m: &mut Module) {
    f(m, "extract", |b: &mut Blob, s: INT| -> Blob {
        b[position(s, b.len())..].to_vec()
    });
    spans(m, "extract", true, |b, (s, e)| -> Blob { b[s..e].to_vec() });
    spans(m, "drain", false, |b, (s, e)| -> Blob {
        b.drain(s..e).collect()
    });
    spans(m, "retain", false, retain_bytes);
    // An empty span appends instead (unlike arrays, which insert at its start).
    spans_with(m, "splice", |b, (s, e), with: Blob| {
        if s < e {
            b.splice(s..e, with);
        } else {
            b.extend(with);
        }
    });
}

/// Keep the bytes of a span, returning the others; a span starting at the end (or beyond)
/// keeps nothing, unlike arrays.
fn retain_bytes(b: &mut Blob, (s, e): Span) -> Blob {
    if s >= b.len() {
        return core::mem::take(b);
    }
    retain_span(b, (s, e))
}

/// The first (at most [`WORD`]) bytes of a span, zero-padded to [`WORD`] bytes.
fn read_word(b: &[u8], (s, e): Span) -> [u8; WORD] {
    let mut word = [0; WORD];
    let n = (e - s).min(WORD);
    word[..n].copy_from_slice(&b[s..s + n]);
    word
}

/// Overwrite a span with bytes, as many as fit; the rest of the span is left alone.
fn write_bytes(b: &mut [u8], (s, e): Span, bytes: impl IntoIterator<Item = u8>) {
    for (slot, x) in b[s..e].iter_mut().zip(bytes) {
        *slot = x;
    }
}

/// Numbers are read from, and written to, the first bytes of their 8-byte image in the given
/// byte order: a short span holds the low bytes of a little-endian number but the high bytes of
/// a big-endian one (so `write_be(0, 2, 0x1234)` writes two zeros, and reading two bytes
/// `12 34` big-endian gives `0x1234 << 48`).
fn init_numbers(m: &mut Module) {
    spans(m, "parse_le_int", true, |b, sp| {
        INT::from_le_bytes(read_word(b, sp))
    });
    spans(m, "parse_be_int", true, |b, sp| {
        INT::from_be_bytes(read_word(b, sp))
    });
    spans(m, "parse_le_float", true, |b, sp| {
        FLOAT::from_le_bytes(read_word(b, sp))
    });
    spans(m, "parse_be_float", true, |b, sp| {
        FLOAT::from_be_bytes(read_word(b, sp))
    });
    spans_with(m, "write_le", |b, sp, v: INT| {
        write_bytes(b, sp, v.to_le_bytes())
    });
    spans_with(m, "write_be", |b, sp, v: INT| {
        write_bytes(b, sp, v.to_be_bytes())
    });
    spans_with(m, "write_le", |b, sp, v: FLOAT| {
        write_bytes(b, sp, v.to_le_bytes())
    });
    spans_with(m, "write_be", |b, sp, v: FLOAT| {
        write_bytes(b, sp, v.to_be_bytes())
    });
}

/// Strings are written from the start of the span, cut where the span ends (possibly inside a
/// multi-byte UTF-8 character); bytes of the span after the string are left alone.
fn init_text(m: &mut Module) {
    spans_with(m, "write_utf8", |b, sp, s: ImmutableString| {
        write_bytes(b, sp, s.bytes())
    });
    // The book: characters outside 1..=127 are skipped.
    spans_with(m, "write_ascii", |b, sp, s: ImmutableString| {
        let ascii = s.chars().filter(|c| ('\u{1}'..='\u{7f}').contains(c));
        write_bytes(b, sp, ascii.map(|c| c as u8))
    });
}
