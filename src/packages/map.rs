//! Object-map functions.

use super::reg::{f, f_mut, prop};
use crate::func::native::FnCaller;
use crate::module::Module;
use crate::{Array, Dynamic, EvalAltResult, FnPtr, ImmutableString, Map, NativeCallContext, INT};

type Res<T> = Result<T, Box<EvalAltResult>>;

fn maps_equal(ctx: &NativeCallContext, a: &Map, b: &Map) -> bool {
    let mut caller = FnCaller::new(ctx);
    a.len() == b.len()
        && a.iter().all(|(k, v)| {
            b.get(k)
                .is_some_and(|w| super::array::equals(&mut caller, v, w, ctx.position()))
        })
}

/// Call a predicate with `(key, value)`; when it declares no value parameter, the value is
/// `this` instead.
fn call_kv(
    caller: &mut FnCaller,
    ctx: &NativeCallContext,
    p: &FnPtr,
    k: &str,
    v: &Dynamic,
) -> Res<bool> {
    let key = Dynamic::from(ImmutableString::from(k));
    let pos = ctx.position();
    let r = match super::array_fn::declared_params(p) {
        Some(0) => caller.call_with_this(p, &mut v.clone(), [], pos)?,
        Some(1) => caller.call_with_this(p, &mut v.clone(), [key], pos)?,
        _ => caller.call(p, [key, v.clone()], pos)?,
    };
    Ok(r.as_bool().unwrap_or(false))
}

/// Register the object-map functions.
pub(crate) fn init(m: &mut Module) {
    prop(m, "len", |x: &mut Map| x.len() as INT);
    prop(m, "is_empty", |x: &mut Map| x.is_empty());
    f(m, "get", |x: &mut Map, k: &str| {
        x.get(k).cloned().unwrap_or_default()
    });
    f_mut(m, "set", |x: &mut Map, k: &str, v: Dynamic| {
        x.insert(k.into(), v);
    });
    f_mut(m, "clear", |x: &mut Map| x.clear());
    f_mut(m, "remove", |x: &mut Map, k: &str| {
        x.remove(k).unwrap_or_default()
    });
    f(m, "contains", |x: &mut Map, k: &str| x.contains_key(k));
    f(m, "keys", |x: &mut Map| -> Array {
        x.keys()
            .map(|k| Dynamic::from(ImmutableString::from(k.as_str())))
            .collect()
    });
    f(m, "values", |x: &mut Map| -> Array {
        x.values().cloned().collect()
    });
    for name in ["mixin", "+="] {
        f_mut(m, name, |x: &mut Map, y: Map| x.extend(y));
    }
    f(m, "+", |x: Map, y: Map| {
        let mut x = x;
        x.extend(y);
        x
    });
    f_mut(m, "fill_with", |x: &mut Map, y: Map| {
        for (k, v) in y {
            x.entry(k).or_insert(v);
        }
    });
    f(m, "==", |ctx: NativeCallContext, x: &mut Map, y: Map| {
        maps_equal(&ctx, x, &y)
    });
    f(m, "!=", |ctx: NativeCallContext, x: &mut Map, y: Map| {
        !maps_equal(&ctx, x, &y)
    });
    f(
        m,
        "filter",
        |ctx: NativeCallContext, x: &mut Map, p: FnPtr| -> Res<Map> {
            let mut caller = FnCaller::new(&ctx);
            let mut out = Map::new();
            for (k, v) in x.iter() {
                if call_kv(&mut caller, &ctx, &p, k, v)? {
                    out.insert(k.clone(), v.clone());
                }
            }
            Ok(out)
        },
    );
    for (name, remove_when) in [("drain", true), ("retain", false)] {
        f_mut(
            m,
            name,
            move |ctx: NativeCallContext, x: &mut Map, p: FnPtr| -> Res<Map> {
                // Every predicate runs before anything moves: an error leaves the map whole.
                let mut caller = FnCaller::new(&ctx);
                let mut remove = Vec::with_capacity(x.len());
                for (k, v) in x.iter() {
                    remove.push(call_kv(&mut caller, &ctx, &p, k, v)? == remove_when);
                }
                let mut removed = Map::new();
                for ((k, v), out) in core::mem::take(x).into_iter().zip(remove) {
                    if out {
                        removed.insert(k, v);
                    } else {
                        x.insert(k, v);
                    }
                }
                Ok(removed)
            },
        );
    }
    // With `metadata` (which brings serde_json), as published: the map's serde form.
    #[cfg(feature = "metadata")]
    f(m, "to_json", |x: &mut Map| -> Res<String> {
        serde_json::to_string(&*x).map_err(|e| e.to_string().into())
    });
    #[cfg(not(feature = "metadata"))]
    f(m, "to_json", |x: &mut Map| {
        crate::value::json::format_map_as_json(x)
    });
}
