//! Array functions that take a callback: `map`, `filter`, `for_each`, `reduce`, `zip`, `find`,
//! `sort` with a comparer…
//!
//! A callback is a function pointer, or for some functions a function's name
//! (`a.filter("is_odd")`); how it is called is in `callback.rs`. Per element it can take the
//! element as `this`, the element, or the element and its index; `reduce` passes the
//! accumulator first (the element as `this` when it takes one parameter); `for_each` always
//! binds the element to `this` (changes are kept) and passes the index to a one-parameter
//! callback. `sort` and `dedup` ignore errors of their callback.

use super::array::{position, truthy, Res};
use super::callback::{Callback, Form, ONE, THIS, THREE, TWO};
use super::reg::{f, f_mut};
use crate::module::Module;
use crate::{Array, Dynamic, FnPtr, ImmutableString, NativeCallContext, INT};

/// Per element: the element as `this`; the element; the element and its index.
const PER_ELEMENT: &[Form] = &[THIS, ONE, TWO];
/// `for_each`: the element as `this`, then also the index.
const FOR_EACH: &[Form] = &[
    THIS,
    Form {
        this: Some(0),
        args: &[1],
    },
];
/// `reduce`: the accumulator with the element as `this`; accumulator and element; and index.
const REDUCE: &[Form] = &[
    Form {
        this: Some(1),
        args: &[0],
    },
    TWO,
    THREE,
];
/// `zip`: both elements; and the index.
const ZIP: &[Form] = &[TWO, THREE];
/// Comparers and equality tests: two elements.
const PAIR: &[Form] = &[TWO];

/// Register under a function-pointer signature and also under a function-name signature.
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
    init_pointer_only(m);
}

/// The functions that take a function pointer only (not a name).
fn init_pointer_only(m: &mut Module) {
    f_mut(
        m,
        "for_each",
        |ctx: NativeCallContext, a: &mut Array, p: FnPtr| for_each(&ctx, a, &p),
    );
    f_mut(
        m,
        "sort_by",
        |ctx: NativeCallContext, a: &mut Array, p: FnPtr| sort(&ctx, a, &p),
    );
    f(
        m,
        "find",
        |ctx: NativeCallContext, a: &mut Array, p: FnPtr| find(&ctx, a, &p, 0),
    );
    f(
        m,
        "find",
        |ctx: NativeCallContext, a: &mut Array, p: FnPtr, start: INT| find(&ctx, a, &p, start),
    );
    f(
        m,
        "find_map",
        |ctx: NativeCallContext, a: &mut Array, p: FnPtr| find_map(&ctx, a, &p, 0),
    );
    f(
        m,
        "find_map",
        |ctx: NativeCallContext, a: &mut Array, p: FnPtr, start: INT| find_map(&ctx, a, &p, start),
    );
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

/// How many parameters a callback declares besides its curried ones (`None` for a named
/// function, whose definition is looked up only when it is called).
pub(crate) fn declared_params(p: &FnPtr) -> Option<usize> {
    p.fn_def
        .as_ref()
        .map(|d| d.params.len().saturating_sub(p.curry.len()))
}

/// Call a per-element callback with the element (also as `this`) and its index.
fn call_elem(cb: &mut Callback, item: &Dynamic, index: usize) -> Res<Dynamic> {
    cb.call(None, |i, _| element_or_index(i, item, index))
}

/// Value 0 is the element, value 1 its index.
fn element_or_index(i: usize, item: &Dynamic, index: usize) -> Dynamic {
    if i == 0 {
        item.clone()
    } else {
        Dynamic::from_int(index as INT)
    }
}

fn map(ctx: &NativeCallContext, a: &Array, p: &FnPtr) -> Res<Array> {
    let mut cb = Callback::new(ctx, p, PER_ELEMENT);
    let mut out = Array::with_capacity(a.len());
    for (i, x) in a.iter().enumerate() {
        out.push(call_elem(&mut cb, x, i)?);
    }
    Ok(out)
}

fn filter(ctx: &NativeCallContext, a: &Array, p: &FnPtr) -> Res<Array> {
    let mut cb = Callback::new(ctx, p, PER_ELEMENT);
    let mut out = Array::new();
    for (i, x) in a.iter().enumerate() {
        if truthy(&call_elem(&mut cb, x, i)?) {
            out.push(x.clone());
        }
    }
    Ok(out)
}

/// Each element bound to `this` (changes are kept); a declared parameter gets the index.
fn for_each(ctx: &NativeCallContext, a: &mut Array, p: &FnPtr) -> Res<()> {
    let mut cb = Callback::new(ctx, p, FOR_EACH);
    for (i, x) in a.iter_mut().enumerate() {
        cb.call(Some(x), |_, _| Dynamic::from_int(i as INT))?;
    }
    Ok(())
}

/// Does the callback give `want` for some element?
fn any_is(ctx: &NativeCallContext, a: &Array, p: &FnPtr, want: bool) -> Res<bool> {
    let mut cb = Callback::new(ctx, p, PER_ELEMENT);
    for (i, x) in a.iter().enumerate() {
        if truthy(&call_elem(&mut cb, x, i)?) == want {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Fold with `(accumulator, element, index)`.
fn reduce<'a>(
    ctx: &NativeCallContext,
    items: impl Iterator<Item = &'a Dynamic>,
    p: &FnPtr,
    init: Dynamic,
) -> Res<Dynamic> {
    let mut cb = Callback::new(ctx, p, REDUCE);
    let mut acc = init;
    for (i, x) in items.enumerate() {
        let mut acc_slot = acc;
        acc = cb.call(None, |k, take| match k {
            0 if take => core::mem::take(&mut acc_slot),
            0 => acc_slot.clone(),
            1 => x.clone(),
            _ => Dynamic::from_int(i as INT),
        })?;
    }
    Ok(acc)
}

/// Remove the elements whose predicate result equals `remove_when`, returning them. The
/// predicate sees every element before anything moves, so an error leaves the array whole.
fn partition(ctx: &NativeCallContext, a: &mut Array, p: &FnPtr, remove_when: bool) -> Res<Array> {
    let mut cb = Callback::new(ctx, p, PER_ELEMENT);
    let mut remove = Vec::with_capacity(a.len());
    for (i, x) in a.iter().enumerate() {
        remove.push(truthy(&call_elem(&mut cb, x, i)?) == remove_when);
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

/// Remove consecutive elements the callback calls equal to the one before (an error counts
/// as not equal).
fn dedup(ctx: &NativeCallContext, a: &mut Array, p: &FnPtr) -> Res<()> {
    let mut cb = Callback::new(ctx, p, PAIR);
    a.dedup_by(|x, y| {
        cb.call_raw(None, |k, _| if k == 0 { y.clone() } else { x.clone() })
            .is_ok_and(|v| truthy(&v))
    });
    Ok(())
}

/// Sort with a comparer: a negative integer or `true` puts the first element first; any other
/// result, or an error, does not.
fn sort(ctx: &NativeCallContext, a: &mut Array, p: &FnPtr) -> Res<()> {
    let mut cb = Callback::new(ctx, p, PAIR);
    // A script's comparer need not be consistent: a sort that tolerates that.
    super::sort::sort_by_less(a, |x, y| {
        let values = |k, _| if k == 0 { x.clone() } else { y.clone() };
        match cb.call_raw(None, values) {
            Ok(v) => v.as_int().map_or_else(|_| truthy(&v), |n| n < 0),
            Err(_) => false,
        }
    });
    Ok(())
}

/// The position of the first element from `start` the predicate accepts, or -1 (errors are
/// reported in `index_of`, also when `find` calls it).
fn index_where(ctx: &NativeCallContext, a: &Array, p: &FnPtr, start: INT) -> Res<INT> {
    let mut cb = Callback::new(ctx, p, PER_ELEMENT).reported_in("index_of");
    for (i, x) in a.iter().enumerate().skip(position(start, a.len())) {
        if truthy(&call_elem(&mut cb, x, i)?) {
            return Ok(i as INT);
        }
    }
    Ok(-1)
}

/// The first element the predicate accepts (found through `index_of`, which errors name).
fn find(ctx: &NativeCallContext, a: &Array, p: &FnPtr, start: INT) -> Res<Dynamic> {
    let i = index_where(ctx, a, p, start)?;
    Ok(usize::try_from(i).map_or(Dynamic::UNIT, |i| a[i].clone()))
}

/// The first result that is not `()`.
fn find_map(ctx: &NativeCallContext, a: &Array, p: &FnPtr, start: INT) -> Res<Dynamic> {
    let mut cb = Callback::new(ctx, p, PER_ELEMENT);
    for (i, x) in a.iter().enumerate().skip(position(start, a.len())) {
        let v = call_elem(&mut cb, x, i)?;
        if !v.is_unit() {
            return Ok(v);
        }
    }
    Ok(Dynamic::UNIT)
}

/// Pairs of elements (up to the shorter array) through `(a, b [, index])`.
fn zip(ctx: &NativeCallContext, a: &Array, b: &Array, p: &FnPtr) -> Res<Array> {
    let mut cb = Callback::new(ctx, p, ZIP);
    let mut out = Array::with_capacity(a.len().min(b.len()));
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        out.push(cb.call(None, |k, _| match k {
            0 => x.clone(),
            1 => y.clone(),
            _ => Dynamic::from_int(i as INT),
        })?);
    }
    Ok(out)
}
