//! A compact way for the packages to register raw native functions: name, parameter types,
//! whether the first argument is a `&mut` object (method) and whether the function is pure.

use crate::config::Shared;
use crate::func::native::{FnAny, FnCallArgs, NativeCallContext, RhaiFunc, RhaiResult};
use crate::module::{FnNamespace, Module};
use core::any::TypeId;

/// Register a function taking all arguments by value.
pub(crate) fn pure(
    module: &mut Module,
    name: &str,
    types: &[TypeId],
    func: impl Fn(Option<NativeCallContext>, &mut FnCallArgs) -> RhaiResult
        + crate::config::SendSync
        + 'static,
) {
    let func: Shared<FnAny> = Shared::new(func);
    let f = RhaiFunc::Pure {
        func,
        has_context: true,
        is_pure: true,
        is_volatile: false,
    };
    module.set_fn_raw(name, FnNamespace::Global, types, f);
}

/// Register a method: the first argument is passed by `&mut`; `is_pure` says it is not
/// changed (so the method may be called on constants).
pub(crate) fn method(
    module: &mut Module,
    name: &str,
    types: &[TypeId],
    is_pure: bool,
    func: impl Fn(Option<NativeCallContext>, &mut FnCallArgs) -> RhaiResult
        + crate::config::SendSync
        + 'static,
) {
    let func: Shared<FnAny> = Shared::new(func);
    let f = RhaiFunc::Method {
        func,
        has_context: true,
        is_pure,
        is_volatile: false,
    };
    module.set_fn_raw(name, FnNamespace::Global, types, f);
}
