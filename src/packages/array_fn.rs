//! Array functions that take a callback: `map`, `filter`, `for_each`, `reduce`, `zip`, `find`,
//! `sort` with a comparer…
//!
//! A callback is a function pointer or a function's name (`a.filter("is_odd")`). What it
//! receives depends on how many parameters it declares: none binds the element to `this`,
//! one gets the element, two get the element and its index (`for_each` binds the element to
//! `this` always, and passes the index to a one-parameter callback; `reduce` passes the
//! accumulator first). A named function's parameters are not known before the call: it gets
//! the element only.

use super::array::{position, truthy, Res};
use super::reg::{f, f_mut};
use crate::func::native::FnCaller;
use crate::module::Module;
use crate::{Array, Dynamic, FnPtr, ImmutableString, NativeCallContext, INT};
use core::cmp::Ordering;

/// Register every callback form under both a function-pointer and a function-name signature.
macro_rules! with_callback {
    ($reg:ident, $m:ident, $name:expr, |$ctx:ident, $a:ident, $p:ident $(, $x:ident : $t:ty)*| $body:expr) => {
        $reg($m, $name, |$ctx: NativeCallContext, $a: &mut Array, $p: FnPtr $(, $x: $t)*| {
            let $p = &$p;
            $body
        });
        $reg(
            $m,
            $name,
            |$ctx: NativeCallContext, $a: &mut Array, name: ImmutableString $(, $x: $t)*| {
                let $p = &FnPtr::new(name)?;
                $body
            },
        );
    };
}

/// Register the callback-taking array functions.
pub(crate) fn init(m: &mut Module) {
    with_callback!(f, m, "map", |ctx, a, p| map(&ctx, a, p));
    with_callback!(f, m, "filter", |ctx, a, p| filter(&ctx, a, p));
    with_callback!(f_mut, m, "for_each", |ctx, a, p| for_each(&ctx, a, p));
    with_callback!(f, m, "some", |ctx, a, p| any_is(&ctx, a, p, true));
    with_callback!(f, m, "all", |ctx, a, p| any_is(&ctx, a, p, false)
        .map(|found| !found));
    with_callback!(f, m, "reduce", |ctx, a, p| reduce(
        &ctx,
        a.iter(),
        p,
        Dynamic::UNIT
    ));
    with_callback!(f, m, "reduce", |ctx, a, p, init: Dynamic| reduce(
        &ctx,
        a.iter(),
        p,
        init
    ));
    with_callback!(f, m, "reduce_rev", |ctx, a, p| {
        reduce(&ctx, a.iter().rev(), p, Dynamic::UNIT)
    });
    with_callback!(f, m, "reduce_rev", |ctx, a, p, init: Dynamic| {
        reduce(&ctx, a.iter().rev(), p, init)
    });
    with_callback!(f_mut, m, "drain", |ctx, a, p| partition(&ctx, a, p, true));
    with_callback!(f_mut, m, "retain", |ctx, a, p| partition(&ctx, a, p, false));
    with_callback!(f_mut, m, "dedup", |ctx, a, p| dedup(&ctx, a, p));
    with_callback!(f_mut, m, "sort", |ctx, a, p| sort(&ctx, a, p));
    with_callback!(f, m, "find", |ctx, a, p| find(&ctx, a, p, 0));
    with_callback!(f, m, "find", |ctx, a, p, start: INT| find(
        &ctx, a, p, start
    ));
    with_callback!(f, m, "find_map", |ctx, a, p| find_map(&ctx, a, p, 0));
    with_callback!(f, m, "find_map", |ctx, a, p, start: INT| find_map(
        &ctx, a, p, start
    ));
    // A string is an element to look for in `index_of`, never a function name.
    f(
        m,
        "index_of",
        |ctx: NativeCallContext, a: &mut Array, p: FnPtr| index_where(&ctx, a, &p, 0),
    );
    f(
        m,
        "index_of",
        |ctx: NativeCallContext, a: &mut Array, p: FnPtr, start: INT| {
            index_where(&ctx, a, &p, start)
        },
    );
    f(
        m,
        "zip",
        |ctx: NativeCallContext, a: &mut Array, b: Array, p: FnPtr| zip(&ctx, a, &b, &p),
    );
    f(
        m,
        "zip",
        |ctx: NativeCallContext, a: &mut Array, b: Array, name: ImmutableString| {
            zip(&ctx, a, &b, &FnPtr::new(name)?)
        },
    );
}

/// How many parameters a callback declares besides its curried ones (`None` for a named
/// function, whose definition is looked up only when it is called).
pub(crate) fn declared_params(p: &FnPtr) -> Option<usize> {
    p.fn_def
        .as_ref()
        .map(|d| d.params.len().saturating_sub(p.curry.len()))
}

/// Call a per-element callback: the element as `this`, as its argument, or with its index.
fn call_elem(
    caller: &mut FnCaller,
    p: &FnPtr,
    item: &Dynamic,
    index: usize,
    ctx: &NativeCallContext,
) -> Res<Dynamic> {
    let pos = ctx.position();
    match declared_params(p) {
        Some(0) => caller.call_with_this(p, &mut item.clone(), [], pos),
        Some(n) if n >= 2 => caller.call(p, [item.clone(), Dynamic::from_int(index as INT)], pos),
        _ => caller.call(p, [item.clone()], pos),
    }
}

fn map(ctx: &NativeCallContext, a: &Array, p: &FnPtr) -> Res<Array> {
    let mut caller = FnCaller::for_callbacks(ctx, "map");
    let mut out = Array::with_capacity(a.len());
    for (i, x) in a.iter().enumerate() {
        out.push(call_elem(&mut caller, p, x, i, ctx)?);
    }
    Ok(out)
}

fn filter(ctx: &NativeCallContext, a: &Array, p: &FnPtr) -> Res<Array> {
    let mut caller = FnCaller::for_callbacks(ctx, "filter");
    let mut out = Array::new();
    for (i, x) in a.iter().enumerate() {
        if truthy(&call_elem(&mut caller, p, x, i, ctx)?) {
            out.push(x.clone());
        }
    }
    Ok(out)
}

/// Each element bound to `this` (changes are kept); a declared parameter gets the index.
fn for_each(ctx: &NativeCallContext, a: &mut Array, p: &FnPtr) -> Res<()> {
    let mut caller = FnCaller::for_callbacks(ctx, "for_each");
    let with_index = declared_params(p).is_some_and(|n| n >= 1);
    for (i, x) in a.iter_mut().enumerate() {
        let index = with_index.then(|| Dynamic::from_int(i as INT));
        caller.call_with_this(p, x, index, ctx.position())?;
    }
    Ok(())
}

/// Does the callback give `want` for some element?
fn any_is(ctx: &NativeCallContext, a: &Array, p: &FnPtr, want: bool) -> Res<bool> {
    let mut caller = FnCaller::for_callbacks(ctx, ctx.fn_name());
    for (i, x) in a.iter().enumerate() {
        if truthy(&call_elem(&mut caller, p, x, i, ctx)?) == want {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Fold with `(accumulator [, element [, index]])`; without an element parameter the element
/// is `this`.
fn reduce<'a>(
    ctx: &NativeCallContext,
    items: impl Iterator<Item = &'a Dynamic>,
    p: &FnPtr,
    init: Dynamic,
) -> Res<Dynamic> {
    let mut caller = FnCaller::for_callbacks(ctx, ctx.fn_name());
    let pos = ctx.position();
    let params = declared_params(p);
    let mut acc = init;
    for (i, x) in items.enumerate() {
        acc = match params {
            Some(1) => caller.call_with_this(p, &mut x.clone(), [acc], pos)?,
            Some(n) if n >= 3 => {
                caller.call(p, [acc, x.clone(), Dynamic::from_int(i as INT)], pos)?
            }
            _ => caller.call(p, [acc, x.clone()], pos)?,
        };
    }
    Ok(acc)
}

/// Remove the elements whose predicate result equals `remove_when`, returning them. The
/// predicate sees every element before anything moves, so an error leaves the array whole.
fn partition(ctx: &NativeCallContext, a: &mut Array, p: &FnPtr, remove_when: bool) -> Res<Array> {
    let mut caller = FnCaller::for_callbacks(ctx, ctx.fn_name());
    let mut remove = Vec::with_capacity(a.len());
    for (i, x) in a.iter().enumerate() {
        remove.push(truthy(&call_elem(&mut caller, p, x, i, ctx)?) == remove_when);
    }
    let mut kept = Array::new();
    let mut removed = Array::new();
    for (x, out) in core::mem::take(a).into_iter().zip(remove) {
        if out {
            removed.push(x);
        } else {
            kept.push(x);
        }
    }
    *a = kept;
    Ok(removed)
}

/// Remove consecutive elements the callback calls equal to the one before.
fn dedup(ctx: &NativeCallContext, a: &mut Array, p: &FnPtr) -> Res<()> {
    let mut caller = FnCaller::new(ctx);
    let mut error = None;
    a.dedup_by(|x, y| {
        if error.is_some() {
            return false;
        }
        match caller.call(p, [y.clone(), x.clone()], ctx.position()) {
            Ok(v) => truthy(&v),
            Err(e) => {
                error = Some(e);
                false
            }
        }
    });
    error.map_or(Ok(()), Err)
}

/// Sort with a comparer giving an INT: negative, zero or positive.
fn sort(ctx: &NativeCallContext, a: &mut Array, p: &FnPtr) -> Res<()> {
    let mut caller = FnCaller::new(ctx);
    let mut error = None;
    a.sort_by(|x, y| {
        if error.is_some() {
            return Ordering::Equal;
        }
        match caller.call(p, [x.clone(), y.clone()], ctx.position()) {
            Ok(v) => v.as_int().unwrap_or(0).cmp(&0),
            Err(e) => {
                error = Some(e);
                Ordering::Equal
            }
        }
    });
    error.map_or(Ok(()), Err)
}

/// The position of the first element from `start` the predicate accepts, or -1 (`find` too
/// reports its callback's errors as inside `index_of`).
fn index_where(ctx: &NativeCallContext, a: &Array, p: &FnPtr, start: INT) -> Res<INT> {
    let mut caller = FnCaller::for_callbacks(ctx, "index_of");
    for (i, x) in a.iter().enumerate().skip(position(start, a.len())) {
        if truthy(&call_elem(&mut caller, p, x, i, ctx)?) {
            return Ok(i as INT);
        }
    }
    Ok(-1)
}

fn find(ctx: &NativeCallContext, a: &Array, p: &FnPtr, start: INT) -> Res<Dynamic> {
    let i = index_where(ctx, a, p, start)?;
    Ok(usize::try_from(i).map_or(Dynamic::UNIT, |i| a[i].clone()))
}

/// The first result that is not `()`.
fn find_map(ctx: &NativeCallContext, a: &Array, p: &FnPtr, start: INT) -> Res<Dynamic> {
    let mut caller = FnCaller::for_callbacks(ctx, "find_map");
    for (i, x) in a.iter().enumerate().skip(position(start, a.len())) {
        let v = call_elem(&mut caller, p, x, i, ctx)?;
        if !v.is_unit() {
            return Ok(v);
        }
    }
    Ok(Dynamic::UNIT)
}

/// Pairs of elements (up to the shorter array) through `(a, b [, index])`.
fn zip(ctx: &NativeCallContext, a: &Array, b: &Array, p: &FnPtr) -> Res<Array> {
    let mut caller = FnCaller::for_callbacks(ctx, "zip");
    let with_index = declared_params(p).is_some_and(|n| n >= 3);
    let mut out = Array::with_capacity(a.len().min(b.len()));
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        let v = if with_index {
            caller.call(
                p,
                [x.clone(), y.clone(), Dynamic::from_int(i as INT)],
                ctx.position(),
            )?
        } else {
            caller.call(p, [x.clone(), y.clone()], ctx.position())?
        };
        out.push(v);
    }
    Ok(out)
}
