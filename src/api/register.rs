//! Registering Rust functions, custom types, property accessors, indexers and iterators.

use crate::config::SendSync;
use crate::func::register::{Mut, RhaiNativeFunc};
use crate::module::{FnAccess, FnNamespace, Module};
use crate::value::dynamic::Variant;
use crate::value::string::SmartString;
use crate::{Dynamic, Engine, EvalAltResult, NativeCallContext, RhaiFunc};
use core::any::{type_name, TypeId};

/// Name prefix of property getters.
pub(crate) const FN_GET: &str = "get$";
/// Name prefix of property setters.
pub(crate) const FN_SET: &str = "set$";
/// Name of indexer getters.
pub(crate) const FN_IDX_GET: &str = "index$get$";
/// Name of indexer setters.
pub(crate) const FN_IDX_SET: &str = "index$set$";

/// Register `func` into `module` under `name`. Functions registered by the host may be called
/// on constants (the book: Rhai cannot know whether they change their object), except setters
/// and indexer setters.
pub(crate) fn set_native_fn<
    A: 'static,
    const N: usize,
    const X: bool,
    R: 'static,
    const F: bool,
>(
    module: &mut Module,
    name: &str,
    namespace: FnNamespace,
    func: impl RhaiNativeFunc<A, N, X, R, F>,
) -> u64 {
    let is_pure = !name.starts_with(FN_SET) && name != FN_IDX_SET;
    set_native_fn_with_purity(module, name, namespace, is_pure, func)
}

/// Register `func`, stating whether it leaves its first argument unchanged.
pub(crate) fn set_native_fn_with_purity<
    A: 'static,
    const N: usize,
    const X: bool,
    R: 'static,
    const F: bool,
>(
    module: &mut Module,
    name: &str,
    namespace: FnNamespace,
    is_pure: bool,
    func: impl RhaiNativeFunc<A, N, X, R, F>,
) -> u64 {
    let types = <_ as RhaiNativeFunc<A, N, X, R, F>>::param_types_of(&func);
    let names = <_ as RhaiNativeFunc<A, N, X, R, F>>::param_names_of(&func);
    let f = func.into_rhai_function(is_pure, false);
    let hash = module.set_fn_raw(name, namespace, &types, f);
    if let Some(info) = module.functions.get_mut(&hash) {
        info.params_info = names.iter().map(|n| SmartString::from(*n)).collect();
        info.return_type = type_name::<R>().into();
    }
    hash
}

impl Engine {
    /// Register a Rust function or closure under `name`.
    pub fn register_fn<
        A: 'static,
        const N: usize,
        const X: bool,
        R: Variant + Clone,
        const F: bool,
    >(
        &mut self,
        name: impl AsRef<str> + Into<SmartString>,
        func: impl RhaiNativeFunc<A, N, X, R, F> + SendSync + 'static,
    ) -> &mut Self {
        set_native_fn(self.own_module(), name.as_ref(), FnNamespace::Global, func);
        self
    }

    /// Register a fallible Rust function (alias of `register_fn` for functions returning
    /// `Result<T, Box<EvalAltResult>>`).
    pub fn register_result_fn<A: 'static, const N: usize, const X: bool, R: Variant + Clone>(
        &mut self,
        name: impl AsRef<str> + Into<SmartString>,
        func: impl RhaiNativeFunc<A, N, X, R, true> + SendSync + 'static,
    ) -> &mut Self {
        self.register_fn(name, func)
    }

    /// Register a function working on raw arguments, with explicit parameter types.
    pub fn register_raw_fn<T: Variant + Clone>(
        &mut self,
        name: impl AsRef<str> + Into<SmartString>,
        arg_types: impl AsRef<[TypeId]>,
        func: impl Fn(NativeCallContext<'_>, &mut [&mut Dynamic]) -> Result<T, Box<EvalAltResult>>
            + SendSync
            + 'static,
    ) -> &mut Self {
        let f: crate::config::Shared<crate::func::native::FnAny> = crate::config::Shared::new(
            move |ctx: Option<NativeCallContext<'_>>, args: &mut [&mut Dynamic]| {
                let ctx = ctx.ok_or("a raw function needs a call context")?;
                func(ctx, args).map(Dynamic::from)
            },
        );
        let func = RhaiFunc::Method {
            func: f,
            has_context: true,
            is_pure: false,
            is_volatile: false,
        };
        self.own_module().set_fn(
            name.as_ref(),
            FnNamespace::Global,
            FnAccess::Public,
            None,
            arg_types,
            func,
        );
        self
    }

    /// Register a custom type (its Rust name is used in messages and `type_of`).
    pub fn register_type<T: Variant + Clone>(&mut self) -> &mut Self {
        self.register_type_with_name::<T>(type_name::<T>())
    }

    /// Register a custom type with a friendly name for `type_of` and messages.
    pub fn register_type_with_name<T: Variant + Clone>(&mut self, name: &str) -> &mut Self {
        self.custom_type_names
            .insert(type_name::<T>().into(), name.into());
        self
    }

    /// Register a friendly name for a type, by its Rust type path.
    pub fn register_type_with_name_raw(
        &mut self,
        type_path: impl Into<SmartString>,
        name: impl Into<SmartString>,
    ) -> &mut Self {
        self.custom_type_names.insert(type_path.into(), name.into());
        self
    }

    /// Register a type as iterable in `for` loops (through its `IntoIterator`).
    pub fn register_iterator<T>(&mut self) -> &mut Self
    where
        T: Variant + Clone + IntoIterator,
        <T as IntoIterator>::Item: Variant + Clone,
    {
        self.own_module().set_iterable::<T>();
        self
    }

    /// Register a type as iterable in `for` loops, its items being results.
    pub fn register_iterator_result<T, R>(&mut self) -> &mut Self
    where
        T: Variant + Clone + IntoIterator<Item = Result<R, Box<EvalAltResult>>>,
        R: Variant + Clone,
    {
        self.own_module().set_iterable_result::<T, R>();
        self
    }

    /// Register a property getter: `obj.name`.
    pub fn register_get<T: Variant + Clone, const X: bool, R: Variant + Clone, const F: bool>(
        &mut self,
        name: impl AsRef<str>,
        get_fn: impl RhaiNativeFunc<(Mut<T>,), 1, X, R, F> + SendSync + 'static,
    ) -> &mut Self {
        let name = format!("{FN_GET}{}", name.as_ref());
        set_native_fn(self.own_module(), &name, FnNamespace::Global, get_fn);
        self
    }

    /// Register a property setter: `obj.name = value`.
    pub fn register_set<T: Variant + Clone, const X: bool, R: Variant + Clone, const F: bool>(
        &mut self,
        name: impl AsRef<str>,
        set_fn: impl RhaiNativeFunc<(Mut<T>, R), 2, X, (), F> + SendSync + 'static,
    ) -> &mut Self {
        let name = format!("{FN_SET}{}", name.as_ref());
        set_native_fn(self.own_module(), &name, FnNamespace::Global, set_fn);
        self
    }

    /// Register a property getter and setter.
    pub fn register_get_set<
        T: Variant + Clone,
        const X1: bool,
        const X2: bool,
        R: Variant + Clone,
        const F1: bool,
        const F2: bool,
    >(
        &mut self,
        name: impl AsRef<str>,
        get_fn: impl RhaiNativeFunc<(Mut<T>,), 1, X1, R, F1> + SendSync + 'static,
        set_fn: impl RhaiNativeFunc<(Mut<T>, R), 2, X2, (), F2> + SendSync + 'static,
    ) -> &mut Self {
        self.register_get(name.as_ref(), get_fn)
            .register_set(name, set_fn)
    }

    /// Register an indexer getter: `obj[index]`.
    pub fn register_indexer_get<
        T: Variant + Clone,
        IDX: Variant + Clone,
        const X: bool,
        R: Variant + Clone,
        const F: bool,
    >(
        &mut self,
        get_fn: impl RhaiNativeFunc<(Mut<T>, IDX), 2, X, R, F> + SendSync + 'static,
    ) -> &mut Self {
        set_native_fn(self.own_module(), FN_IDX_GET, FnNamespace::Global, get_fn);
        self
    }

    /// Register an indexer setter: `obj[index] = value`.
    pub fn register_indexer_set<
        T: Variant + Clone,
        IDX: Variant + Clone,
        const X: bool,
        R: Variant + Clone,
        const F: bool,
    >(
        &mut self,
        set_fn: impl RhaiNativeFunc<(Mut<T>, IDX, R), 3, X, (), F> + SendSync + 'static,
    ) -> &mut Self {
        set_native_fn(self.own_module(), FN_IDX_SET, FnNamespace::Global, set_fn);
        self
    }

    /// Register an indexer getter and setter.
    pub fn register_indexer_get_set<
        T: Variant + Clone,
        IDX: Variant + Clone,
        const X1: bool,
        const X2: bool,
        R: Variant + Clone,
        const F1: bool,
        const F2: bool,
    >(
        &mut self,
        get_fn: impl RhaiNativeFunc<(Mut<T>, IDX), 2, X1, R, F1> + SendSync + 'static,
        set_fn: impl RhaiNativeFunc<(Mut<T>, IDX, R), 3, X2, (), F2> + SendSync + 'static,
    ) -> &mut Self {
        self.register_indexer_get(get_fn)
            .register_indexer_set(set_fn)
    }

    /// Register a fallible property getter.
    pub fn register_get_result<T: Variant + Clone, const X: bool, R: Variant + Clone>(
        &mut self,
        name: impl AsRef<str>,
        get_fn: impl RhaiNativeFunc<(Mut<T>,), 1, X, R, true> + SendSync + 'static,
    ) -> &mut Self {
        self.register_get(name, get_fn)
    }

    /// Register a fallible property setter.
    pub fn register_set_result<T: Variant + Clone, V: Variant + Clone, const X: bool>(
        &mut self,
        name: impl AsRef<str>,
        set_fn: impl RhaiNativeFunc<(Mut<T>, V), 2, X, (), true> + SendSync + 'static,
    ) -> &mut Self {
        self.register_set(name, set_fn)
    }

    /// Register a fallible indexer getter.
    pub fn register_indexer_get_result<
        T: Variant + Clone,
        IDX: Variant + Clone,
        R: Variant + Clone,
        const X: bool,
    >(
        &mut self,
        get_fn: impl RhaiNativeFunc<(Mut<T>, IDX), 2, X, R, true> + SendSync + 'static,
    ) -> &mut Self {
        self.register_indexer_get(get_fn)
    }

    /// Register a fallible indexer setter.
    pub fn register_indexer_set_result<
        T: Variant + Clone,
        IDX: Variant + Clone,
        R: Variant + Clone,
        const X: bool,
    >(
        &mut self,
        set_fn: impl RhaiNativeFunc<(Mut<T>, IDX, R), 3, X, (), true> + SendSync + 'static,
    ) -> &mut Self {
        self.register_indexer_set(set_fn)
    }
}
