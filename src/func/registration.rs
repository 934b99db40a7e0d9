//! `FuncRegistration`: a builder for registering one native function with all its options
//! (namespace, purity, volatility, parameter names, doc-comments).

use crate::api::register::{FN_GET, FN_IDX_GET, FN_IDX_SET, FN_SET};
use crate::config::SendSync;
use crate::func::register::RhaiNativeFunc;
use crate::module::{FnNamespace, FuncMetadata, Module};
use crate::value::string::SmartString;
use crate::{Engine, RhaiFunc};
use core::any::TypeId;

/// Registers one native function with its options.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FuncRegistration {
    name: SmartString,
    namespace: FnNamespace,
    is_pure: Option<bool>,
    is_volatile: bool,
    params: Vec<SmartString>,
    comments: Vec<SmartString>,
}

impl FuncRegistration {
    /// A function called `name` (in the internal namespace of a module).
    #[must_use]
    pub fn new(name: impl Into<SmartString>) -> Self {
        Self {
            name: name.into(),
            namespace: FnNamespace::Internal,
            is_pure: None,
            is_volatile: false,
            params: Vec::new(),
            comments: Vec::new(),
        }
    }
    /// A property getter (global namespace).
    #[must_use]
    pub fn new_getter(prop: impl AsRef<str>) -> Self {
        Self::new(format!("{FN_GET}{}", prop.as_ref())).in_global_namespace()
    }
    /// A property setter (global namespace).
    #[must_use]
    pub fn new_setter(prop: impl AsRef<str>) -> Self {
        Self::new(format!("{FN_SET}{}", prop.as_ref())).in_global_namespace()
    }
    /// An indexer getter (global namespace).
    #[must_use]
    pub fn new_index_getter() -> Self {
        Self::new(FN_IDX_GET).in_global_namespace()
    }
    /// An indexer setter (global namespace).
    #[must_use]
    pub fn new_index_setter() -> Self {
        Self::new(FN_IDX_SET).in_global_namespace()
    }
    /// Set the namespace.
    #[must_use]
    pub const fn with_namespace(mut self, namespace: FnNamespace) -> Self {
        self.namespace = namespace;
        self
    }
    /// Put the function in the global namespace.
    #[must_use]
    pub const fn in_global_namespace(self) -> Self {
        self.with_namespace(FnNamespace::Global)
    }
    /// Put the function in the module's internal namespace.
    #[must_use]
    pub const fn in_internal_namespace(self) -> Self {
        self.with_namespace(FnNamespace::Internal)
    }
    /// Does the function leave its first argument unchanged (so it may run on constants)?
    #[must_use]
    pub const fn with_purity(mut self, pure: bool) -> Self {
        self.is_pure = Some(pure);
        self
    }
    /// Must the function never be evaluated ahead of time?
    #[must_use]
    pub const fn with_volatility(mut self, volatile: bool) -> Self {
        self.is_volatile = volatile;
        self
    }
    /// Parameter names (and types) for signatures, e.g. `"x: i64"`.
    #[must_use]
    pub fn with_params_info<S: AsRef<str>>(mut self, params: impl IntoIterator<Item = S>) -> Self {
        self.params = params.into_iter().map(|p| p.as_ref().into()).collect();
        self
    }
    /// Doc-comments.
    #[must_use]
    pub fn with_comments<S: AsRef<str>>(mut self, comments: impl IntoIterator<Item = S>) -> Self {
        self.comments = comments.into_iter().map(|c| c.as_ref().into()).collect();
        self
    }

    /// Register into an engine (always in the global namespace).
    pub fn register_into_engine<A: 'static, const N: usize, const X: bool, R, const F: bool, FUNC>(
        self,
        engine: &mut Engine,
        func: FUNC,
    ) -> &FuncMetadata
    where
        R: 'static,
        FUNC: RhaiNativeFunc<A, N, X, R, F> + SendSync + 'static,
    {
        self.in_global_namespace()
            .set_into_module(engine.own_module(), func)
    }

    /// Register into a module.
    pub fn set_into_module<A: 'static, const N: usize, const X: bool, R, const F: bool, FUNC>(
        self,
        module: &mut Module,
        func: FUNC,
    ) -> &FuncMetadata
    where
        R: 'static,
        FUNC: RhaiNativeFunc<A, N, X, R, F> + SendSync + 'static,
    {
        let types = <FUNC as RhaiNativeFunc<A, N, X, R, F>>::param_types();
        let is_pure = self
            .is_pure
            .unwrap_or(!self.name.starts_with(FN_SET) && self.name.as_str() != FN_IDX_SET);
        let f = func.into_rhai_function(is_pure, self.is_volatile);
        self.set_into_module_raw(module, types, f)
    }

    /// Register a raw function with explicit parameter types into a module.
    pub fn set_into_module_raw(
        self,
        module: &mut Module,
        arg_types: impl AsRef<[TypeId]>,
        func: RhaiFunc,
    ) -> &FuncMetadata {
        let hash = module.set_fn_raw(&self.name, self.namespace, arg_types.as_ref(), func);
        let info = module.functions.get_mut(&hash);
        // Invariant: `set_fn_raw` has just inserted this hash.
        let info = info.unwrap_or_else(|| unreachable!());
        info.params_info = self.params.into_iter().collect();
        info.comments = self.comments.into_iter().collect();
        info
    }
}
