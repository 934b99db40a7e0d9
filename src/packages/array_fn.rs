//! Array functions that take a callback: `map`, `filter`, `for_each`, `reduce`, `zip`, `find`,
//! `sort` with a comparer…
//!
//! A callback is a function pointer or, for most functions, a function's name
//! (`a.filter("is_odd")`). What it receives depends on how many parameters it declares: none
//! binds the element to `this`, one gets the element, two get the element and its index
//! (`for_each` binds the element to `this` always, and passes the index to a one-parameter
//! callback; `reduce` passes the accumulator first). A function known only by name is tried
//! in each of those forms in turn (`FnCaller::call_callback`).

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

/// Register a callback form under the function-pointer signature only.
macro_rules! with_fn_ptr {
    ($reg:ident, $m:ident, $name:expr, |$ctx:ident, $a:ident, $p:ident $(, $x:ident : $t:ty)*| $body:expr) => {
        $reg($m, $name, |$ctx: NativeCallContext, $a: &mut Array, $p: FnPtr $(, $x: $t)*| {
            let $p = &$p;
            $body
        });
    };
}

/// Register the callback-taking array functions. `for_each`, `find`, `find_map` and `zip`
/// take function pointers only, the others function names too.
pub(crate) fn init(m: &mut Module) {
    with_callback!(f, m, "map", |ctx, a, p| map(&ctx, a, p));
    with_callback!(f, m, "filter", |ctx, a, p| filter(&ctx, a, p));
    with_fn_ptr!(f_mut, m, "for_each", |ctx, a, p| for_each(&ctx, a, p));
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
    with_fn_ptr!(f, m, "find", |ctx, a, p| find(&ctx, a, p, 0));
    with_fn_ptr!(f, m, "find", |ctx, a, p, start: INT| find(
        &ctx, a, p, start
    ));
    with_fn_ptr!(f, m, "find_map", |ctx, a, p| find_map(&ctx, a, p, 0));
    with_fn_ptr!(f, m, "find_map", |ctx, a, p, start: INT| find_map(
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
    caller.call_callback(p, (0, 3), pos, |c, form| match form {
        0 => c.invoke(p, [], Some(&mut item.clone()), pos),
        1 => c.invoke(p, [item.clone()], None, pos),
        _ => c.invoke(
            p,
            [item.clone(), Dynamic::from_int(index as INT)],
            None,
            pos,
        ),
    })
}

fn map(ctx: &NativeCallContext, a: &Array, p: &FnPtr) -> Res<Array> {
    let mut caller = FnCaller::for_callbacks(ctx);
    let mut out = Array::with_capacity(a.len());
    for (i, x) in a.iter().enumerate() {
        out.push(call_elem(&mut caller, p, x, i, ctx)?);
    }
    Ok(out)
}

fn filter(ctx: &NativeCallContext, a: &Array, p: &FnPtr) -> Res<Array> {
    let mut caller = FnCaller::for_callbacks(ctx);
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
    let mut caller = FnCaller::for_callbacks(ctx);
    let pos = ctx.position();
    for (i, x) in a.iter_mut().enumerate() {
        caller.call_callback(p, (0, 2), pos, |c, form| match form {
            0 => c.invoke(p, [], Some(x), pos),
            _ => c.invoke(p, [Dynamic::from_int(i as INT)], Some(x), pos),
        })?;
    }
    Ok(())
}

/// Does the callback give `want` for some element?
fn any_is(ctx: &NativeCallContext, a: &Array, p: &FnPtr, want: bool) -> Res<bool> {
    let mut caller = FnCaller::for_callbacks(ctx);
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
    let mut caller = FnCaller::for_callbacks(ctx);
    let pos = ctx.position();
    let mut acc = init;
    for (i, x) in items.enumerate() {
        acc = caller.call_callback(p, (1, 3), pos, |c, form| {
            let acc = acc.clone();
            match form {
                0 => c.invoke(p, [acc], Some(&mut x.clone()), pos),
                1 => c.invoke(p, [acc, x.clone()], None, pos),
                _ => c.invoke(p, [acc, x.clone(), Dynamic::from_int(i as INT)], None, pos),
            }
        })?;
    }
    Ok(acc)
}

/// Remove the elements whose predicate result equals `remove_when`, returning them. The
/// predicate sees every element before anything moves, so an error leaves the array whole.
fn partition(ctx: &NativeCallContext, a: &mut Array, p: &FnPtr, remove_when: bool) -> Res<Array> {
    let mut caller = FnCaller::for_callbacks(ctx);
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

/// Remove consecutive elements the callback calls equal to the one before. A call that fails
/// or gives no `true` keeps the element; only system errors (limits) stop the pass.
fn dedup(ctx: &NativeCallContext, a: &mut Array, p: &FnPtr) -> Res<()> {
    let mut caller = FnCaller::for_callbacks(ctx);
    let mut fatal = None;
    a.dedup_by(|x, y| {
        fatal.is_none()
            && match caller.call(p, [y.clone(), x.clone()], ctx.position()) {
                Ok(v) => truthy(&v),
                Err(e) => {
                    fatal = e.is_system_exception().then_some(e);
                    false
                }
            }
    });
    fatal.map_or(Ok(()), Err)
}

/// Sort with a comparer giving an INT: negative, zero or positive. A call that fails or gives
/// anything else counts as "equal"; only system errors (limits) stop the sort.
fn sort(ctx: &NativeCallContext, a: &mut Array, p: &FnPtr) -> Res<()> {
    let mut caller = FnCaller::for_callbacks(ctx);
    let mut fatal = None;
    a.sort_by(|x, y| {
        if fatal.is_some() {
            return Ordering::Equal;
        }
        match caller.call(p, [x.clone(), y.clone()], ctx.position()) {
            Ok(v) => v.as_int().unwrap_or(0).cmp(&0),
            Err(e) => {
                fatal = e.is_system_exception().then_some(e);
                Ordering::Equal
            }
        }
    });
    fatal.map_or(Ok(()), Err)
}

/// The position of the first element from `start` the predicate accepts, or -1.
/// Errors of the predicate are reported under `index_of`, also for `find`, as in the published
/// crate.
fn index_where(ctx: &NativeCallContext, a: &Array, p: &FnPtr, start: INT) -> Res<INT> {
    let mut caller = FnCaller::for_callbacks_as(ctx, "index_of");
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
    let mut caller = FnCaller::for_callbacks(ctx);
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
    let mut caller = FnCaller::for_callbacks(ctx);
    let pos = ctx.position();
    let mut out = Array::with_capacity(a.len().min(b.len()));
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        out.push(caller.call_callback(p, (2, 2), pos, |c, form| match form {
            0 => c.invoke(p, [x.clone(), y.clone()], None, pos),
            _ => c.invoke(
                p,
                [x.clone(), y.clone(), Dynamic::from_int(i as INT)],
                None,
                pos,
            ),
        })?);
    }
    Ok(out)
}
