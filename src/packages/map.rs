//! Object-map functions.

use super::callback::{Callback, Form, TWO};
use super::reg::{f, f_mut, prop};
use crate::func::native::FnCaller;
use crate::module::Module;
use crate::{Array, Dynamic, EvalAltResult, FnPtr, ImmutableString, Map, NativeCallContext, INT};

type Res<T> = Result<T, Box<EvalAltResult>>;

fn maps_equal(ctx: &NativeCallContext, a: &Map, b: &Map) -> Res<bool> {
    let mut caller = FnCaller::new(ctx);
    if a.len() != b.len() {
        return Ok(false);
    }
    for (k, v) in a.iter() {
        let Some(w) = b.get(k) else {
            return Ok(false);
        };
        if !super::array::equals(&mut caller, v, w, ctx.position())? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// A map predicate takes the key (the value as `this`), or the key and the value.
const KEY_VALUE: &[Form] = &[KEY_WITH_THIS, TWO];

/// The key, with the value bound to `this`.
const KEY_WITH_THIS: Form = Form {
    this: Some(1),
    args: &[0],
};

/// Call a predicate with the key (and value).
fn call_kv(cb: &mut Callback, k: &str, v: &Dynamic) -> Res<bool> {
    let r = cb.call(None, |i, _| {
        if i == 0 {
            Dynamic::from(ImmutableString::from(k))
        } else {
            v.clone()
        }
    })?;
    Ok(r.as_bool().unwrap_or(false))
}

/// `parse_json(text)`: an object map read the way `Engine::parse_json` reads it.
#[cfg(not(feature = "metadata"))]
fn init_parse_json(m: &mut Module) {
    f(m, "parse_json", |ctx: NativeCallContext, text: &str| {
        ctx.engine().parse_json(text, true)
    });
}

/// `parse_json(text)` with `metadata`: any JSON value (objects become maps, `null` becomes
/// `()`); malformed JSON is a runtime error carrying the JSON reader's message.
#[cfg(feature = "metadata")]
fn init_parse_json(m: &mut Module) {
    f(m, "parse_json", |text: &str| -> Res<Dynamic> {
        serde_json::from_str::<Dynamic>(text).map_err(|err| {
            EvalAltResult::ErrorRuntime(err.to_string().into(), crate::Position::NONE).into()
        })
    });
}

/// Register the object-map functions.
pub(crate) fn init(m: &mut Module) {
    init_parse_json(m);
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
        maps_equal(&ctx, x, &y).map(|e| !e)
    });
    f(
        m,
        "filter",
        |ctx: NativeCallContext, x: &mut Map, p: FnPtr| -> Res<Map> {
            let mut cb = Callback::new(&ctx, &p, KEY_VALUE);
            let mut out = Map::new();
            for (k, v) in x.iter() {
                if call_kv(&mut cb, k, v)? {
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
                let mut cb = Callback::new(&ctx, &p, KEY_VALUE);
                let mut remove = Vec::with_capacity(x.len());
                for (k, v) in x.iter() {
                    remove.push(call_kv(&mut cb, k, v)? == remove_when);
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
    // With `metadata` (which brings serde_json), as published: the map's serde form (the
    // hand-written text when the map is nested too deeply for it).
    #[cfg(feature = "metadata")]
    f(m, "to_json", |x: &mut Map| {
        serde_json::to_string(&*x).unwrap_or_else(|_| crate::value::json::format_map_as_json(x))
    });
    #[cfg(not(feature = "metadata"))]
    f(m, "to_json", |x: &mut Map| {
        crate::value::json::format_map_as_json(x)
    });
}
