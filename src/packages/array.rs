//! Array, BLOB and object-map functions.
//!
//! The registration list is grouped by container. Methods that change their object are
//! registered as non-pure, so calling them on a constant is an error.

use super::reg;
use crate::func::native::{FnCaller, NativeCallContext};
use crate::module::Module;
use crate::value::dynamic::Union;
use crate::{
    Array, Dynamic, EvalAltResult, FnPtr, ImmutableString, Map, Position, RhaiResult, INT,
};
use core::any::TypeId;

/// The array argument `i` (the object of a method).
fn array_mut<'a>(
    args: &'a mut [&mut Dynamic],
    i: usize,
) -> Result<&'a mut Array, Box<EvalAltResult>> {
    match &mut args[i].0 {
        Union::Array(a, ..) => Ok(crate::config::Shared::make_mut(a)),
        _ => Err("array expected".into()),
    }
}

fn array_ref<'a>(args: &'a [&mut Dynamic], i: usize) -> Result<&'a Array, Box<EvalAltResult>> {
    match &args[i].0 {
        Union::Array(a, ..) => Ok(a),
        _ => Err("array expected".into()),
    }
}

fn int_arg(args: &[&mut Dynamic], i: usize) -> INT {
    args.get(i).and_then(|a| a.as_int().ok()).unwrap_or(0)
}

fn fn_ptr_arg(args: &[&mut Dynamic], i: usize) -> Result<FnPtr, Box<EvalAltResult>> {
    match &args[i].0 {
        Union::FnPtr(f, ..) => Ok((**f).clone()),
        _ => Err("function pointer expected".into()),
    }
}

fn context<'a>(
    ctx: Option<NativeCallContext<'a>>,
) -> Result<NativeCallContext<'a>, Box<EvalAltResult>> {
    ctx.ok_or_else(|| "no call context".into())
}

/// Call a callback with one or more arguments; a callback declared with fewer parameters is
/// retried with just the element (as the book allows `|x|` and `|x, i|`).
fn call_with(caller: &mut FnCaller, f: &FnPtr, args: Vec<Dynamic>, pos: Position) -> RhaiResult {
    caller.call(f, args, pos)
}

/// Register the array functions.
pub(crate) fn init(module: &mut Module) {
    let arr = TypeId::of::<Array>();
    let int = TypeId::of::<INT>();
    let dynamic = TypeId::of::<Dynamic>();
    let fnp = TypeId::of::<FnPtr>();

    reg::method(module, "push", &[arr, dynamic], false, |_, args| {
        let value = args[1].take();
        array_mut(args, 0)?.push(value);
        Ok(Dynamic::UNIT)
    });
    reg::method(module, "+=", &[arr, arr], false, |_, args| {
        let other = args[1].take().into_array().unwrap_or_default();
        array_mut(args, 0)?.extend(other);
        Ok(Dynamic::UNIT)
    });
    reg::method(module, "append", &[arr, arr], false, |_, args| {
        let other = args[1].take().into_array().unwrap_or_default();
        array_mut(args, 0)?.extend(other);
        Ok(Dynamic::UNIT)
    });
    reg::pure(module, "+", &[arr, arr], |_, args| {
        let mut a = args[0].take().into_array().unwrap_or_default();
        a.extend(args[1].take().into_array().unwrap_or_default());
        Ok(Dynamic::from_array(a))
    });
    for name in ["len", "get$len"] {
        reg::method(module, name, &[arr], true, |_, args| {
            Ok(Dynamic::from_int(array_ref(args, 0)?.len() as INT))
        });
    }
    for name in ["is_empty", "get$is_empty"] {
        reg::method(module, name, &[arr], true, |_, args| {
            Ok(Dynamic::from_bool(array_ref(args, 0)?.is_empty()))
        });
    }
    reg::method(module, "pop", &[arr], false, |_, args| {
        Ok(array_mut(args, 0)?.pop().unwrap_or_default())
    });
    reg::method(module, "shift", &[arr], false, |_, args| {
        let a = array_mut(args, 0)?;
        Ok(if a.is_empty() {
            Dynamic::UNIT
        } else {
            a.remove(0)
        })
    });
    reg::method(module, "clear", &[arr], false, |_, args| {
        array_mut(args, 0)?.clear();
        Ok(Dynamic::UNIT)
    });
    reg::method(module, "pad", &[arr, int, dynamic], false, |ctx, args| {
        let len = int_arg(args, 1);
        let value = args[2].take();
        let max = ctx.map_or(0, |c| c.engine().max_array_size());
        let len = usize::try_from(len).unwrap_or(0);
        if max > 0 && len > max {
            return Err(
                EvalAltResult::ErrorDataTooLarge("Size of array".into(), Position::NONE).into(),
            );
        }
        let a = array_mut(args, 0)?;
        if len > a.len() {
            a.resize(len, value);
        }
        Ok(Dynamic::UNIT)
    });
    reg::method(module, "insert", &[arr, int, dynamic], false, |_, args| {
        let index = int_arg(args, 1);
        let value = args[2].take();
        let a = array_mut(args, 0)?;
        let at = if index < 0 {
            a.len().saturating_sub(index.unsigned_abs() as usize)
        } else {
            (index as usize).min(a.len())
        };
        a.insert(at, value);
        Ok(Dynamic::UNIT)
    });
    reg::method(module, "remove", &[arr, int], false, |_, args| {
        let index = int_arg(args, 1);
        let a = array_mut(args, 0)?;
        match crate::eval::index::normalize_index(index, a.len()) {
            Some(i) => Ok(a.remove(i)),
            None => Ok(Dynamic::UNIT),
        }
    });
    reg::method(module, "contains", &[arr, dynamic], true, |ctx, args| {
        let value = args[1].take();
        let ctx = context(ctx)?;
        let mut caller = FnCaller::new(&ctx);
        for item in array_ref(args, 0)?.iter() {
            if values_equal(&mut caller, item, &value, ctx.position())? {
                return Ok(Dynamic::TRUE);
            }
        }
        Ok(Dynamic::FALSE)
    });
    reg::method(module, "index_of", &[arr, dynamic], true, |ctx, args| {
        let value = args[1].take();
        let ctx = context(ctx)?;
        let mut caller = FnCaller::new(&ctx);
        for (i, item) in array_ref(args, 0)?.iter().enumerate() {
            if values_equal(&mut caller, item, &value, ctx.position())? {
                return Ok(Dynamic::from_int(i as INT));
            }
        }
        Ok(Dynamic::from_int(-1))
    });
    reg::method(module, "map", &[arr, fnp], true, |ctx, args| {
        let f = fn_ptr_arg(args, 1)?;
        let ctx = context(ctx)?;
        let mut caller = FnCaller::new(&ctx);
        let items = array_ref(args, 0)?;
        let mut out = Array::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(call_elem(&mut caller, &f, item, i, ctx.position())?);
        }
        Ok(Dynamic::from_array(out))
    });
    reg::method(module, "filter", &[arr, fnp], true, |ctx, args| {
        let f = fn_ptr_arg(args, 1)?;
        let ctx = context(ctx)?;
        let mut caller = FnCaller::new(&ctx);
        let mut out = Array::new();
        for (i, item) in array_ref(args, 0)?.iter().enumerate() {
            if call_elem(&mut caller, &f, item, i, ctx.position())?
                .as_bool()
                .unwrap_or(false)
            {
                out.push(item.clone());
            }
        }
        Ok(Dynamic::from_array(out))
    });
    reg::method(module, "for_each", &[arr, fnp], false, |ctx, args| {
        let f = fn_ptr_arg(args, 1)?;
        let ctx = context(ctx)?;
        let mut caller = FnCaller::new(&ctx);
        let a = array_mut(args, 0)?;
        for (i, item) in a.iter_mut().enumerate() {
            caller
                .call_with_this(&f, item, [Dynamic::from_int(i as INT)], ctx.position())
                .or_else(|_| caller.call_with_this(&f, item, [], ctx.position()))?;
        }
        Ok(Dynamic::UNIT)
    });
    for (name, want) in [("some", true), ("all", false)] {
        reg::method(module, name, &[arr, fnp], true, move |ctx, args| {
            let f = fn_ptr_arg(args, 1)?;
            let ctx = context(ctx)?;
            let mut caller = FnCaller::new(&ctx);
            for (i, item) in array_ref(args, 0)?.iter().enumerate() {
                let r = call_elem(&mut caller, &f, item, i, ctx.position())?
                    .as_bool()
                    .unwrap_or(false);
                if r == want {
                    return Ok(Dynamic::from_bool(want));
                }
            }
            Ok(Dynamic::from_bool(!want))
        });
    }
    reg::method(module, "reduce", &[arr, fnp], true, |ctx, args| {
        let f = fn_ptr_arg(args, 1)?;
        reduce(context(ctx)?, array_ref(args, 0)?, &f, Dynamic::UNIT)
    });
    reg::method(module, "reduce", &[arr, fnp, dynamic], true, |ctx, args| {
        let f = fn_ptr_arg(args, 1)?;
        let initial = args[2].take();
        reduce(context(ctx)?, array_ref(args, 0)?, &f, initial)
    });
    reg::method(module, "sort", &[arr], false, |_, args| {
        let a = array_mut(args, 0)?;
        sort_natural(a)
    });
    reg::method(module, "sort", &[arr, fnp], false, |ctx, args| {
        let f = fn_ptr_arg(args, 1)?;
        let ctx = context(ctx)?;
        let mut caller = FnCaller::new(&ctx);
        let a = array_mut(args, 0)?;
        let mut error = None;
        a.sort_by(|x, y| {
            if error.is_some() {
                return core::cmp::Ordering::Equal;
            }
            match caller.call(&f, [x.clone(), y.clone()], ctx.position()) {
                Ok(v) => v.as_int().unwrap_or(0).cmp(&0),
                Err(e) => {
                    error = Some(e);
                    core::cmp::Ordering::Equal
                }
            }
        });
        error.map_or(Ok(Dynamic::UNIT), Err)
    });
    reg::method(module, "reverse", &[arr], false, |_, args| {
        array_mut(args, 0)?.reverse();
        Ok(Dynamic::UNIT)
    });
}

/// Call a per-element callback: `|x, i|` gets the index too; `|x|` just the element.
fn call_elem(
    caller: &mut FnCaller,
    f: &FnPtr,
    item: &Dynamic,
    index: usize,
    pos: Position,
) -> RhaiResult {
    let takes_index = f
        .fn_def
        .as_ref()
        .is_some_and(|d| d.params.len() >= f.curry.len() + 2);
    if takes_index {
        call_with(
            caller,
            f,
            vec![item.clone(), Dynamic::from_int(index as INT)],
            pos,
        )
    } else {
        call_with(caller, f, vec![item.clone()], pos)
    }
}

fn reduce(ctx: NativeCallContext, items: &Array, f: &FnPtr, initial: Dynamic) -> RhaiResult {
    let mut caller = FnCaller::new(&ctx);
    let mut acc = initial;
    for item in items {
        acc = caller.call(f, [acc, item.clone()], ctx.position())?;
    }
    Ok(acc)
}

/// Equality of two values through `==` (built-in or overloaded).
fn values_equal(
    caller: &mut FnCaller,
    a: &Dynamic,
    b: &Dynamic,
    pos: Position,
) -> Result<bool, Box<EvalAltResult>> {
    if let Some(eq) = crate::func::builtin::values_equal(a, b) {
        return Ok(eq);
    }
    Ok(caller
        .call_by_name("==", [a.clone(), b.clone()], pos)
        .ok()
        .and_then(|v| v.as_bool().ok())
        .unwrap_or(false))
}

/// Sort integers, floats, strings, chars or bools in their natural order.
fn sort_natural(a: &mut Array) -> RhaiResult {
    if a.iter().all(Dynamic::is_int) {
        a.sort_by_key(|v| v.as_int().unwrap_or(0));
    } else if a.iter().all(|v| v.is_int() || v.is_float()) {
        let key = |v: &Dynamic| {
            v.as_float()
                .or_else(|_| v.as_int().map(|n| n as f64))
                .unwrap_or(0.0)
        };
        a.sort_by(|x, y| key(x).total_cmp(&key(y)));
    } else if a.iter().all(Dynamic::is_string) {
        a.sort_by(|x, y| {
            let (x, y) = (
                x.clone().into_immutable_string(),
                y.clone().into_immutable_string(),
            );
            x.unwrap_or_default().cmp(&y.unwrap_or_default())
        });
    } else if a.iter().all(Dynamic::is_char) {
        a.sort_by_key(|v| v.as_char().unwrap_or('\0'));
    } else if a.iter().all(Dynamic::is_bool) {
        a.sort_by_key(|v| v.as_bool().unwrap_or(false));
    } else {
        return Err("cannot sort an array of mixed or custom types without a comparer".into());
    }
    Ok(Dynamic::UNIT)
}

/// Register the BLOB functions.
pub(crate) fn init_blob(module: &mut Module) {
    let blob = TypeId::of::<crate::Blob>();
    reg::pure(module, "blob", &[], |_, _| {
        Ok(Dynamic::from_blob(Vec::new()))
    });
    for name in ["len", "get$len"] {
        reg::method(module, name, &[blob], true, |_, args| {
            Ok(Dynamic::from_int(
                args[0].as_blob_ref().map_or(0, |b| b.len()) as INT,
            ))
        });
    }
}

/// Register the object-map functions.
pub(crate) fn init_map(module: &mut Module) {
    let map = TypeId::of::<Map>();
    let string = TypeId::of::<ImmutableString>();
    for name in ["len", "get$len"] {
        reg::method(module, name, &[map], true, |_, args| {
            Ok(Dynamic::from_int(
                args[0].as_map_ref().map_or(0, |m| m.len()) as INT,
            ))
        });
    }
    reg::method(module, "keys", &[map], true, |_, args| {
        let keys = args[0]
            .as_map_ref()
            .map(|m| {
                m.keys()
                    .map(|k| Dynamic::from(ImmutableString::from(k.as_str())))
                    .collect()
            })
            .unwrap_or_default();
        Ok(Dynamic::from_array(keys))
    });
    reg::method(module, "values", &[map], true, |_, args| {
        let values = args[0]
            .as_map_ref()
            .map(|m| m.values().cloned().collect())
            .unwrap_or_default();
        Ok(Dynamic::from_array(values))
    });
    reg::method(module, "contains", &[map, string], true, |_, args| {
        let key = args[1].clone().into_immutable_string().unwrap_or_default();
        Ok(Dynamic::from_bool(
            args[0]
                .as_map_ref()
                .is_ok_and(|m| m.contains_key(key.as_str())),
        ))
    });
    reg::method(module, "remove", &[map, string], false, |_, args| {
        let key = args[1].clone().into_immutable_string().unwrap_or_default();
        let removed = args[0]
            .as_map_mut()
            .ok()
            .and_then(|mut m| m.remove(key.as_str()));
        Ok(removed.unwrap_or_default())
    });
}
