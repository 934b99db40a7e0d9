//! Language-core functions beyond the evaluator's intrinsics, function-pointer methods and
//! timestamps.

use super::reg;
use crate::module::Module;
use crate::{Dynamic, FnPtr, ImmutableString, Instant};
use core::any::TypeId;

/// Register the core functions.
pub(crate) fn init(_module: &mut Module) {}

/// Register the function-pointer methods.
pub(crate) fn init_fn(module: &mut Module) {
    let f = TypeId::of::<FnPtr>();
    for name in ["name", "get$name"] {
        reg::method(module, name, &[f], true, |_, args| {
            let name = args[0]
                .read_lock::<FnPtr>()
                .map(|p| ImmutableString::from(p.fn_name()));
            Ok(Dynamic::from(name.unwrap_or_default()))
        });
    }
    for name in ["is_anonymous", "get$is_anonymous"] {
        reg::method(module, name, &[f], true, |_, args| {
            Ok(Dynamic::from_bool(
                args[0]
                    .read_lock::<FnPtr>()
                    .is_some_and(|p| p.is_anonymous()),
            ))
        });
    }
}

/// Register the timestamp functions.
pub(crate) fn init_time(module: &mut Module) {
    reg::pure(module, "timestamp", &[], |_, _| {
        Ok(Dynamic::from_timestamp(Instant::now()))
    });
    for name in ["elapsed", "get$elapsed"] {
        reg::method(module, name, &[TypeId::of::<Instant>()], true, |_, args| {
            let t = args[0]
                .read_lock::<Instant>()
                .map(|t| t.elapsed().as_secs_f64());
            Ok(Dynamic::from_float(t.unwrap_or(0.0)))
        });
    }
}
