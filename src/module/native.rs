//! Registering Rust functions, accessors and iterators into a `Module`.

use crate::api::register::{set_native_fn, FN_GET, FN_IDX_GET, FN_IDX_SET, FN_SET};
use crate::config::SendSync;
use crate::func::register::{Mut, RhaiNativeFunc};
use crate::module::{FnNamespace, Module};
use crate::value::dynamic::Variant;
use crate::value::string::SmartString;
use crate::{Dynamic, EvalAltResult};
use core::any::TypeId;

impl Module {
    /// Add a Rust function; returns its hash.
    pub fn set_native_fn<A: 'static, const N: usize, const X: bool, R, FUNC>(
        &mut self,
        name: impl Into<SmartString>,
        func: FUNC,
    ) -> u64
    where
        R: Variant + Clone,
        FUNC: RhaiNativeFunc<A, N, X, R, true> + SendSync + 'static,
    {
        set_native_fn(self, &name.into(), FnNamespace::Internal, func)
    }

    /// Add a property getter; returns its hash.
    pub fn set_getter_fn<A, const X: bool, R, FUNC>(
        &mut self,
        name: impl AsRef<str>,
        func: FUNC,
    ) -> u64
    where
        A: Variant + Clone,
        R: Variant + Clone,
        FUNC: RhaiNativeFunc<(Mut<A>,), 1, X, R, true> + SendSync + 'static,
    {
        let name = format!("{FN_GET}{}", name.as_ref());
        set_native_fn(self, &name, FnNamespace::Global, func)
    }

    /// Add a property setter; returns its hash.
    pub fn set_setter_fn<A, const X: bool, R, FUNC>(
        &mut self,
        name: impl AsRef<str>,
        func: FUNC,
    ) -> u64
    where
        A: Variant + Clone,
        R: Variant + Clone,
        FUNC: RhaiNativeFunc<(Mut<A>, R), 2, X, (), true> + SendSync + 'static,
    {
        let name = format!("{FN_SET}{}", name.as_ref());
        set_native_fn(self, &name, FnNamespace::Global, func)
    }

    /// Add a property getter and setter; returns their hashes.
    pub fn set_getter_setter_fn<
        A: Variant + Clone,
        const X1: bool,
        const X2: bool,
        R: Variant + Clone,
    >(
        &mut self,
        name: impl AsRef<str>,
        getter: impl RhaiNativeFunc<(Mut<A>,), 1, X1, R, true> + SendSync + 'static,
        setter: impl RhaiNativeFunc<(Mut<A>, R), 2, X2, (), true> + SendSync + 'static,
    ) -> (u64, u64) {
        (
            self.set_getter_fn(name.as_ref(), getter),
            self.set_setter_fn(name.as_ref(), setter),
        )
    }

    /// Add an indexer getter; returns its hash.
    pub fn set_indexer_get_fn<A, B, const X: bool, R, FUNC>(&mut self, func: FUNC) -> u64
    where
        A: Variant + Clone,
        B: Variant + Clone,
        R: Variant + Clone,
        FUNC: RhaiNativeFunc<(Mut<A>, B), 2, X, R, true> + SendSync + 'static,
    {
        set_native_fn(self, FN_IDX_GET, FnNamespace::Global, func)
    }

    /// Add an indexer setter; returns its hash.
    pub fn set_indexer_set_fn<A, B, const X: bool, R, FUNC>(&mut self, func: FUNC) -> u64
    where
        A: Variant + Clone,
        B: Variant + Clone,
        R: Variant + Clone,
        FUNC: RhaiNativeFunc<(Mut<A>, B, R), 3, X, (), true> + SendSync + 'static,
    {
        set_native_fn(self, FN_IDX_SET, FnNamespace::Global, func)
    }

    /// Add an indexer getter and setter; returns their hashes.
    pub fn set_indexer_get_set_fn<
        A: Variant + Clone,
        B: Variant + Clone,
        const X1: bool,
        const X2: bool,
        R: Variant + Clone,
    >(
        &mut self,
        get_fn: impl RhaiNativeFunc<(Mut<A>, B), 2, X1, R, true> + SendSync + 'static,
        set_fn: impl RhaiNativeFunc<(Mut<A>, B, R), 3, X2, (), true> + SendSync + 'static,
    ) -> (u64, u64) {
        (
            self.set_indexer_get_fn(get_fn),
            self.set_indexer_set_fn(set_fn),
        )
    }

    /// Make a type iterable in `for` loops through its `IntoIterator`.
    pub fn set_iterable<T>(&mut self) -> &mut Self
    where
        T: Variant + Clone + IntoIterator,
        <T as IntoIterator>::Item: Variant + Clone,
    {
        self.set_iter(TypeId::of::<T>(), |value: Dynamic| {
            let items: Box<dyn Iterator<Item = Dynamic>> = match value.try_cast::<T>() {
                Some(v) => Box::new(v.into_iter().map(Dynamic::from)),
                None => Box::new(core::iter::empty()),
            };
            items
        })
    }

    /// Make a type iterable in `for` loops, its items being results.
    pub fn set_iterable_result<T, X>(&mut self) -> &mut Self
    where
        T: Variant + Clone + IntoIterator<Item = Result<X, Box<EvalAltResult>>>,
        X: Variant + Clone,
    {
        self.set_iter_result(TypeId::of::<T>(), |value: Dynamic| {
            let items: Box<dyn Iterator<Item = crate::RhaiResult>> = match value.try_cast::<T>() {
                Some(v) => Box::new(v.into_iter().map(|r| r.map(Dynamic::from))),
                None => Box::new(core::iter::empty()),
            };
            items
        })
    }

    /// Make an iterator type usable in `for` loops.
    pub fn set_iterator<T>(&mut self) -> &mut Self
    where
        T: Variant + Clone + Iterator,
        <T as Iterator>::Item: Variant + Clone,
    {
        self.set_iterable::<T>()
    }

    /// Make an iterator of results usable in `for` loops.
    pub fn set_iterator_result<T, X>(&mut self) -> &mut Self
    where
        T: Variant + Clone + Iterator<Item = Result<X, Box<EvalAltResult>>>,
        X: Variant + Clone,
    {
        self.set_iterable_result::<T, X>()
    }
}
