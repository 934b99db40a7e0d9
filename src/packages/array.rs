//! Array functions without callbacks (those are in `array_fn.rs`). Positions count from the
//! end when negative.

use super::reg::{f, f_mut, prop};
use crate::func::native::FnCaller;
use crate::module::Module;
use crate::value::dynamic::{AccessMode, Union};
use crate::{Array, Dynamic, EvalAltResult, NativeCallContext, Position, INT};
use core::cmp::Ordering;
use core::ops::{Range, RangeInclusive};

pub(crate) type Res<T> = Result<T, Box<EvalAltResult>>;

/// A position counting from the end when negative, clamped to `0..=len`.
pub(crate) fn position(index: INT, len: usize) -> usize {
    if index < 0 {
        len.saturating_sub(usize::try_from(index.unsigned_abs()).unwrap_or(usize::MAX))
    } else {
        usize::try_from(index).unwrap_or(usize::MAX).min(len)
    }
}

/// The element that `get`/`set` reach: counting from the end when negative, where a
/// position before the start means the first element; none when `index` ≥ `len`.
pub(crate) fn element_at(index: INT, len: usize) -> Option<usize> {
    if index < 0 {
        (len > 0).then(|| position(index, len))
    } else {
        usize::try_from(index).ok().filter(|&n| n < len)
    }
}

/// A count, none if ≤ 0.
pub(crate) fn count(n: INT) -> usize {
    usize::try_from(n.max(0)).unwrap_or(usize::MAX)
}

/// Start and end of `start`/`len` arguments, clamped.
pub(crate) fn span(start: INT, len: INT, total: usize) -> (usize, usize) {
    let s = position(start, total);
    (s, s.saturating_add(count(len)).min(total))
}

/// Start and end of a range argument, clamped.
pub(crate) fn range_span(start: INT, end: INT, total: usize) -> (usize, usize) {
    let s = usize::try_from(start.max(0))
        .unwrap_or(usize::MAX)
        .min(total);
    let e = usize::try_from(end.max(0)).unwrap_or(usize::MAX).min(total);
    (s, e.max(s))
}

/// An inclusive range as its start and exclusive end. The start counts from 0 at least, and
/// an end before the start still takes the start's element (`3..=1` is `3..4`).
pub(crate) fn inclusive(r: &RangeInclusive<INT>) -> (INT, INT) {
    let start = (*r.start()).max(0);
    (start, (*r.end()).max(start).saturating_add(1))
}

/// Is a callback's result `true`?
pub(crate) fn truthy(v: &Dynamic) -> bool {
    v.as_bool().unwrap_or(false)
}

/// Refuse a size beyond the engine's array limit.
pub(crate) fn check_size(ctx: &NativeCallContext, len: usize) -> Res<()> {
    let max = ctx.engine().max_array_size();
    if max > 0 && len > max {
        Err(EvalAltResult::ErrorDataTooLarge("Size of array/BLOB".into(), Position::NONE).into())
    } else {
        Ok(())
    }
}

/// Make room for `more` elements, or fail with `ErrorDataTooLarge` when memory cannot hold
/// them (with no size limit set, a script may still ask for more than there is).
pub(crate) fn reserve<T>(v: &mut Vec<T>, more: usize) -> Res<()> {
    v.try_reserve(more).map_err(|_| {
        EvalAltResult::ErrorDataTooLarge("Size of array/BLOB".into(), Position::NONE).into()
    })
}

/// `==` of two values, built-in or overloaded: values of different types are unequal, and
/// values of a type without `==` are an error.
pub(crate) fn equals(caller: &mut FnCaller, a: &Dynamic, b: &Dynamic, pos: Position) -> Res<bool> {
    crate::func::builtin::values_equal_with(a, b, |x, y| {
        if x.type_id() != y.type_id() {
            return Ok(false);
        }
        Ok(truthy(&caller.call_by_name(
            "==",
            [x.clone(), y.clone()],
            pos,
        )?))
    })
}

/// Register the array functions.
pub(crate) fn init(m: &mut Module) {
    init_access(m);
    init_editing(m);
    init_slicing(m);
    init_search(m);
    super::array_fn::init(m);
    init_sorting(m);
}

fn init_access(m: &mut Module) {
    prop(m, "len", |a: &mut Array| a.len() as INT);
    prop(m, "is_empty", |a: &mut Array| a.is_empty());
    f(m, "get", |a: &mut Array, i: INT| {
        element_at(i, a.len()).map_or(Dynamic::UNIT, |n| a[n].clone())
    });
    f_mut(m, "set", |a: &mut Array, i: INT, v: Dynamic| {
        if let Some(n) = element_at(i, a.len()) {
            a[n] = v;
        }
    });
    f(m, "+", |a: Array, b: Array| {
        let mut a = a;
        a.extend(b);
        a
    });
    f(
        m,
        "==",
        |ctx: NativeCallContext, a: &mut Array, b: Array| arrays_equal(&ctx, a, &b),
    );
    f(
        m,
        "!=",
        |ctx: NativeCallContext, a: &mut Array, b: Array| arrays_equal(&ctx, a, &b).map(|e| !e),
    );
}

fn arrays_equal(ctx: &NativeCallContext, a: &Array, b: &Array) -> Res<bool> {
    let mut caller = FnCaller::new(ctx);
    if a.len() != b.len() {
        return Ok(false);
    }
    for (x, y) in a.iter().zip(b) {
        if !equals(&mut caller, x, y, ctx.position())? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn init_editing(m: &mut Module) {
    f_mut(
        m,
        "push",
        |ctx: NativeCallContext, a: &mut Array, v: Dynamic| -> Res<()> {
            check_size(&ctx, a.len() + 1)?;
            a.push(v);
            Ok(())
        },
    );
    for name in ["append", "+="] {
        f_mut(
            m,
            name,
            |ctx: NativeCallContext, a: &mut Array, b: Array| -> Res<()> {
                check_size(&ctx, a.len() + b.len())?;
                a.extend(b);
                Ok(())
            },
        );
    }
    f_mut(
        m,
        "+=",
        |ctx: NativeCallContext, a: &mut Array, v: Dynamic| -> Res<()> {
            check_size(&ctx, a.len() + 1)?;
            a.push(v);
            Ok(())
        },
    );
    f_mut(m, "insert", |a: &mut Array, i: INT, v: Dynamic| {
        let at = position(i, a.len());
        a.insert(at, v);
    });
    f_mut(m, "pop", |a: &mut Array| a.pop().unwrap_or_default());
    f_mut(m, "shift", |a: &mut Array| {
        if a.is_empty() {
            Dynamic::UNIT
        } else {
            a.remove(0)
        }
    });
    f_mut(m, "remove", |a: &mut Array, i: INT| {
        crate::eval::index::normalize_index(i, a.len()).map_or(Dynamic::UNIT, |n| a.remove(n))
    });
    f_mut(m, "clear", |a: &mut Array| a.clear());
    f_mut(m, "reverse", |a: &mut Array| a.reverse());
    f_mut(m, "truncate", |a: &mut Array, len: INT| {
        a.truncate(count(len))
    });
    f_mut(m, "chop", |a: &mut Array, len: INT| {
        let keep = count(len);
        if a.len() > keep {
            a.drain(..a.len() - keep);
        }
    });
    f_mut(
        m,
        "pad",
        |ctx: NativeCallContext, a: &mut Array, len: INT, v: Dynamic| -> Res<()> {
            let len = count(len);
            check_size(&ctx, len)?;
            if len > a.len() {
                reserve(a, len - a.len())?;
                a.resize(len, v);
            }
            Ok(())
        },
    );
    f_mut(m, "split", |a: &mut Array, i: INT| -> Array {
        let at = position(i, a.len());
        a.split_off(at)
    });
    f_mut(
        m,
        "splice",
        |a: &mut Array, start: INT, len: INT, with: Array| {
            let (s, e) = span(start, len, a.len());
            a.splice(s..e, with);
        },
    );
    f_mut(m, "splice", |a: &mut Array, r: Range<INT>, with: Array| {
        let (s, e) = range_span(r.start, r.end, a.len());
        a.splice(s..e, with);
    });
    f_mut(
        m,
        "splice",
        |a: &mut Array, r: RangeInclusive<INT>, with: Array| {
            let (rs, re) = inclusive(&r);
            let (s, e) = range_span(rs, re, a.len());
            a.splice(s..e, with);
        },
    );
}

fn init_slicing(m: &mut Module) {
    f(
        m,
        "extract",
        |a: &mut Array, start: INT, len: INT| -> Array {
            let (s, e) = span(start, len, a.len());
            a[s..e].to_vec()
        },
    );
    f(m, "extract", |a: &mut Array, start: INT| -> Array {
        a[position(start, a.len())..].to_vec()
    });
    f(m, "extract", |a: &mut Array, r: Range<INT>| -> Array {
        let (s, e) = range_span(r.start, r.end, a.len());
        a[s..e].to_vec()
    });
    f(
        m,
        "extract",
        |a: &mut Array, r: RangeInclusive<INT>| -> Array {
            let (rs, re) = inclusive(&r);
            let (s, e) = range_span(rs, re, a.len());
            a[s..e].to_vec()
        },
    );
    f_mut(m, "drain", |a: &mut Array, start: INT, len: INT| -> Array {
        let (s, e) = span(start, len, a.len());
        a.drain(s..e).collect()
    });
    f_mut(m, "drain", |a: &mut Array, r: Range<INT>| -> Array {
        let (s, e) = range_span(r.start, r.end, a.len());
        a.drain(s..e).collect()
    });
    f_mut(
        m,
        "drain",
        |a: &mut Array, r: RangeInclusive<INT>| -> Array {
            let (rs, re) = inclusive(&r);
            let (s, e) = range_span(rs, re, a.len());
            a.drain(s..e).collect()
        },
    );
    f_mut(
        m,
        "retain",
        |a: &mut Array, start: INT, len: INT| -> Array {
            retain_span(a, span(start, len, a.len()))
        },
    );
    f_mut(m, "retain", |a: &mut Array, r: Range<INT>| -> Array {
        let s = range_span(r.start, r.end, a.len());
        retain_span(a, s)
    });
    f_mut(
        m,
        "retain",
        |a: &mut Array, r: RangeInclusive<INT>| -> Array {
            let (rs, re) = inclusive(&r);
            let s = range_span(rs, re, a.len());
            retain_span(a, s)
        },
    );
}

/// Keep `a[s..e]`, returning everything else; an empty span keeps everything.
pub(crate) fn retain_span<T>(a: &mut Vec<T>, (s, e): (usize, usize)) -> Vec<T> {
    if s >= e {
        return Vec::new();
    }
    let tail = a.split_off(e);
    let kept = a.split_off(s);
    let mut removed = core::mem::replace(a, kept);
    removed.extend(tail);
    removed
}

fn init_search(m: &mut Module) {
    f(
        m,
        "contains",
        |ctx: NativeCallContext, a: &mut Array, v: Dynamic| {
            index_of(&ctx, a, &v, 0).map(|i| i >= 0)
        },
    );
    f(
        m,
        "index_of",
        |ctx: NativeCallContext, a: &mut Array, v: Dynamic| index_of(&ctx, a, &v, 0),
    );
    f(
        m,
        "index_of",
        |ctx: NativeCallContext, a: &mut Array, v: Dynamic, start: INT| {
            index_of(&ctx, a, &v, start)
        },
    );
}

fn index_of(ctx: &NativeCallContext, a: &Array, v: &Dynamic, start: INT) -> Res<INT> {
    let mut caller = FnCaller::new(ctx);
    for (i, x) in a.iter().enumerate().skip(position(start, a.len())) {
        if equals(&mut caller, x, v, ctx.position())? {
            return Ok(i as INT);
        }
    }
    Ok(-1)
}

fn init_sorting(m: &mut Module) {
    f_mut(m, "sort", |a: &mut Array| sort_natural(a, false));
    f_mut(m, "sort_desc", |a: &mut Array| sort_natural(a, true));
    // Values that cannot be compared count as different.
    f_mut(m, "dedup", |ctx: NativeCallContext, a: &mut Array| {
        let mut caller = FnCaller::new(&ctx);
        a.dedup_by(|x, y| equals(&mut caller, x, y, ctx.position()).unwrap_or(false));
    });
}

/// The error of sorting without a comparer (the published crate raises it as a function not
/// found).
fn unsortable(what: &str) -> Box<EvalAltResult> {
    let message = format!("elements of {what} cannot be sorted");
    EvalAltResult::ErrorFunctionNotFound(message, Position::NONE).into()
}

/// An integer that nothing tells apart from another of the same value (no tag, not shared).
fn is_plain_int(value: &Dynamic) -> bool {
    matches!(value.0, Union::Int(_, 0, AccessMode::ReadWrite))
}

/// Sort elements of one type in their natural order (or its reverse): integers, floats,
/// strings, characters, booleans, `()` and decimals; a float NaN compares with nothing.
/// Equal integers, strings, characters or booleans cannot be told apart, so those sorts need
/// not be stable; equal floats (`0.0`, `-0.0`) and decimals (`1.0`, `1.00`) can.
fn sort_natural(a: &mut Array, descending: bool) -> Res<()> {
    if a.len() <= 1 {
        return Ok(());
    }
    let kind = a[0].type_id();
    if a.iter().any(|v| v.type_id() != kind) {
        return Err(unsortable("different types"));
    }
    let order = |o: Ordering| if descending { o.reverse() } else { o };
    let first = &a[0];
    if a.iter().all(is_plain_int) {
        // Sorted as plain integers, then written back: the commonest sort, and the fastest.
        let mut ints: Vec<INT> = a.iter().map(|v| v.as_int().unwrap_or(0)).collect();
        ints.sort_unstable();
        if descending {
            ints.reverse();
        }
        for (slot, n) in a.iter_mut().zip(ints) {
            *slot = Dynamic::from_int(n);
        }
    } else if first.is_int() {
        // Shared or tagged integers: equal ones can be told apart, so the sort is stable.
        a.sort_by(|x, y| order(x.as_int().unwrap_or(0).cmp(&y.as_int().unwrap_or(0))));
    } else if first.is_float() {
        // NaN compares with nothing: not a total order, so not the standard library's sort.
        let key = |v: &Dynamic| v.as_float().unwrap_or(0.0);
        super::sort::sort_by_less(a, |x, y| {
            order(key(x).partial_cmp(&key(y)).unwrap_or(Ordering::Equal)) == Ordering::Less
        });
    } else if first.is_string() {
        a.sort_unstable_by(|x, y| {
            let x = x.read_lock::<crate::ImmutableString>();
            let y = y.read_lock::<crate::ImmutableString>();
            order(
                x.as_deref()
                    .map(|s| s.as_str())
                    .cmp(&y.as_deref().map(|s| s.as_str())),
            )
        });
    } else if first.is_char() {
        a.sort_unstable_by(|x, y| {
            order(
                x.as_char()
                    .unwrap_or('\0')
                    .cmp(&y.as_char().unwrap_or('\0')),
            )
        });
    } else if first.is_bool() {
        a.sort_unstable_by(|x, y| {
            order(
                x.as_bool()
                    .unwrap_or(false)
                    .cmp(&y.as_bool().unwrap_or(false)),
            )
        });
    } else if first.is_unit() {
        return Ok(());
    } else {
        #[cfg(feature = "decimal")]
        if first.is_decimal() {
            let key = |v: &Dynamic| v.as_decimal().unwrap_or_default();
            a.sort_by(|x, y| order(key(x).cmp(&key(y))));
            return Ok(());
        }
        return Err(unsortable(first.type_name()));
    }
    Ok(())
}
