//! Array functions without callbacks (those are in `array_fn.rs`). Positions count from the
//! end when negative.

use super::reg::{f, f_mut, prop};
use crate::func::native::FnCaller;
use crate::module::Module;
use crate::{Array, Dynamic, EvalAltResult, NativeCallContext, Position, INT};
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

/// An inclusive range as its start and exclusive end.
pub(crate) fn inclusive(r: &RangeInclusive<INT>) -> (INT, INT) {
    (*r.start(), r.end().saturating_add(1))
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

/// `==` of two values, built-in or overloaded.
pub(crate) fn equals(caller: &mut FnCaller, a: &Dynamic, b: &Dynamic, pos: Position) -> bool {
    if let Some(eq) = crate::func::builtin::values_equal(a, b) {
        return eq;
    }
    caller
        .call_by_name("==", [a.clone(), b.clone()], pos)
        .is_ok_and(|v| truthy(&v))
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
        crate::eval::index::normalize_index(i, a.len()).map_or(Dynamic::UNIT, |n| a[n].clone())
    });
    f_mut(m, "set", |a: &mut Array, i: INT, v: Dynamic| {
        if let Some(n) = crate::eval::index::normalize_index(i, a.len()) {
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
        |ctx: NativeCallContext, a: &mut Array, b: Array| !arrays_equal(&ctx, a, &b),
    );
}

fn arrays_equal(ctx: &NativeCallContext, a: &Array, b: &Array) -> bool {
    let mut caller = FnCaller::new(ctx);
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| equals(&mut caller, x, y, ctx.position()))
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

/// Keep `a[s..e]`, returning everything else.
pub(crate) fn retain_span<T>(a: &mut Vec<T>, (s, e): (usize, usize)) -> Vec<T> {
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
            let mut caller = FnCaller::new(&ctx);
            a.iter().any(|x| equals(&mut caller, x, &v, ctx.position()))
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

fn index_of(ctx: &NativeCallContext, a: &Array, v: &Dynamic, start: INT) -> INT {
    let mut caller = FnCaller::new(ctx);
    let from = position(start, a.len());
    a.iter()
        .enumerate()
        .skip(from)
        .find(|(_, x)| equals(&mut caller, x, v, ctx.position()))
        .map_or(-1, |(i, _)| i as INT)
}

fn init_sorting(m: &mut Module) {
    f_mut(m, "sort", |a: &mut Array| sort_natural(a));
    f_mut(m, "dedup", |ctx: NativeCallContext, a: &mut Array| {
        let mut caller = FnCaller::new(&ctx);
        a.dedup_by(|x, y| equals(&mut caller, x, y, ctx.position()));
    });
}

fn unsortable() -> Box<EvalAltResult> {
    "cannot sort an array of mixed or custom types without a comparer".into()
}

/// Sort `Decimal` numbers, possibly mixed with integers, by value.
#[cfg(feature = "decimal")]
fn sort_decimals(a: &mut Array) -> Res<()> {
    use rust_decimal::Decimal;
    let key = |v: &Dynamic| {
        v.as_decimal()
            .or_else(|_| v.as_int().map(Decimal::from))
            .ok()
    };
    if !a.iter().all(|v| key(v).is_some()) {
        return Err(unsortable());
    }
    a.sort_by_key(key);
    Ok(())
}

/// Sort integers, floats, strings, chars or bools in their natural order. Integers with equal
/// keys are indistinguishable, so they use the in-place (unstable) sort, which needs no buffer.
fn sort_natural(a: &mut Array) -> Res<()> {
    #[cfg(feature = "decimal")]
    if a.iter().any(Dynamic::is_decimal) {
        return sort_decimals(a);
    }
    if a.iter().all(Dynamic::is_int) {
        a.sort_unstable_by_key(|v| v.as_int().unwrap_or(0));
    } else if a.iter().all(|v| v.is_int() || v.is_float()) {
        let key = |v: &Dynamic| {
            v.as_float()
                .or_else(|_| v.as_int().map(|n| n as f64))
                .unwrap_or(0.0)
        };
        a.sort_by(|x, y| key(x).total_cmp(&key(y)));
    } else if a.iter().all(Dynamic::is_string) {
        a.sort_by(|x, y| {
            let x = x.read_lock::<crate::ImmutableString>();
            let y = y.read_lock::<crate::ImmutableString>();
            x.as_deref()
                .map(|s| s.as_str())
                .cmp(&y.as_deref().map(|s| s.as_str()))
        });
    } else if a.iter().all(Dynamic::is_char) {
        a.sort_by_key(|v| v.as_char().unwrap_or('\0'));
    } else if a.iter().all(Dynamic::is_bool) {
        a.sort_by_key(|v| v.as_bool().unwrap_or(false));
    } else {
        return Err(unsortable());
    }
    Ok(())
}
