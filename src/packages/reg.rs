//! Registration helpers for the packages: every built-in is a plain typed Rust function,
//! registered in one visible list per package.

use crate::api::register::set_native_fn_with_purity;
use crate::config::SendSync;
use crate::func::register::RhaiNativeFunc;
use crate::module::{FnNamespace, Module};

/// Register a function that does not change its arguments.
pub(crate) fn f<A: 'static, const N: usize, const X: bool, R: 'static, const F: bool>(
    module: &mut Module,
    name: &str,
    func: impl RhaiNativeFunc<A, N, X, R, F> + SendSync + 'static,
) {
    set_native_fn_with_purity(module, name, FnNamespace::Global, true, func);
}

/// Register a method that changes its object (refused on constants).
pub(crate) fn f_mut<A: 'static, const N: usize, const X: bool, R: 'static, const F: bool>(
    module: &mut Module,
    name: &str,
    func: impl RhaiNativeFunc<A, N, X, R, F> + SendSync + 'static,
) {
    set_native_fn_with_purity(module, name, FnNamespace::Global, false, func);
}

/// Register a function usable both as a method and as a property (`x.len()` and `x.len`).
pub(crate) fn prop<A: 'static, const N: usize, const X: bool, R: 'static, const F: bool, FUNC>(
    module: &mut Module,
    name: &str,
    func: FUNC,
) where
    FUNC: RhaiNativeFunc<A, N, X, R, F> + SendSync + Clone + 'static,
{
    set_native_fn_with_purity(module, name, FnNamespace::Global, true, func.clone());
    let getter = format!("get${name}");
    set_native_fn_with_purity(module, &getter, FnNamespace::Global, true, func);
}
