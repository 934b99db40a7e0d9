//! The parts of the `Module` API that describe functions rather than run them: parameter
//! names, doc-comments and namespaces set after registration, and the index queries of the
//! published API.
//!
//! Our modules need no separate index: every function is stored under its full hash, and
//! qualified lookups walk the sub-module path, so `build_index` has nothing to build.

use super::{FnAccess, FnNamespace, Module};
use crate::func::native::RhaiFunc;
use crate::value::string::{Identifier, SmartString};
use core::any::TypeId;

impl Module {
    /// Register a function with parameter names and doc-comments; returns its hash.
    #[allow(clippy::too_many_arguments)]
    pub fn set_fn_with_comments<C: AsRef<str>>(
        &mut self,
        name: impl Into<Identifier>,
        namespace: FnNamespace,
        access: FnAccess,
        arg_names: Option<&[&str]>,
        arg_types: impl AsRef<[TypeId]>,
        comments: impl IntoIterator<Item = C>,
        func: RhaiFunc,
    ) -> u64 {
        let hash = self.set_fn(name, namespace, access, arg_names, arg_types, func);
        if let Some(info) = self.functions.get_mut(&hash) {
            info.comments = comments.into_iter().map(|c| c.as_ref().into()).collect();
        }
        hash
    }

    /// Set the parameter names (and types) of a function, as `"name: Type"` strings, the
    /// return type last. Unknown hashes are ignored.
    pub fn update_fn_metadata<S: Into<SmartString>>(
        &mut self,
        hash_fn: u64,
        arg_names: impl IntoIterator<Item = S>,
    ) -> &mut Self {
        if let Some(info) = self.functions.get_mut(&hash_fn) {
            info.param_names = arg_names.into_iter().map(Into::into).collect();
        }
        self
    }

    /// Set the parameter names and the doc-comments of a function.
    pub fn update_fn_metadata_with_comments<A: Into<SmartString>, C: Into<SmartString>>(
        &mut self,
        hash_fn: u64,
        arg_names: impl IntoIterator<Item = A>,
        comments: impl IntoIterator<Item = C>,
    ) -> &mut Self {
        self.update_fn_metadata(hash_fn, arg_names);
        if let Some(info) = self.functions.get_mut(&hash_fn) {
            info.comments = comments.into_iter().map(Into::into).collect();
        }
        self
    }

    /// Move a function to another namespace.
    pub fn update_fn_namespace(&mut self, hash_fn: u64, namespace: FnNamespace) -> &mut Self {
        if let Some(info) = self.functions.get_mut(&hash_fn) {
            info.namespace = namespace;
        }
        self
    }

    /// Register a function with all the options of a `FuncRegistration`.
    pub fn set_fn_raw_with_options(
        &mut self,
        options: crate::FuncRegistration,
        arg_types: impl AsRef<[TypeId]>,
        func: RhaiFunc,
    ) -> &crate::func::registration::FuncMetadata {
        options.set_into_module_raw(self, arg_types, func)
    }

    /// Nothing to do: lookups are always by hash (kept for the published API).
    pub fn build_index(&mut self) -> &mut Self {
        self
    }

    /// Always true: see `build_index`.
    #[must_use]
    pub const fn is_indexed(&self) -> bool {
        true
    }

    /// Is this function hash in the module or any of its sub-modules?
    #[must_use]
    pub fn contains_qualified_fn(&self, hash_fn: u64) -> bool {
        self.functions.contains_key(&hash_fn)
            || self
                .modules
                .values()
                .any(|m| m.contains_qualified_fn(hash_fn))
    }

    /// Is there an iterator for this type in the module or any of its sub-modules?
    #[must_use]
    pub fn contains_qualified_iter(&self, id: TypeId) -> bool {
        self.type_iterators.contains_key(&id)
            || self.modules.values().any(|m| m.contains_qualified_iter(id))
    }

    /// Does the module (or a sub-module) hold a function in the global namespace?
    #[must_use]
    pub fn contains_indexed_global_functions(&self) -> bool {
        self.functions
            .values()
            .any(|f| f.namespace.is_global_namespace())
            || self
                .modules
                .values()
                .any(|m| m.contains_indexed_global_functions())
    }

    /// Move everything of `other` into this module, its sub-modules' functions, variables and
    /// iterators flattened in as well (overwriting duplicates).
    pub fn combine_flatten(&mut self, mut other: Self) -> &mut Self {
        for (_, sub) in core::mem::take(&mut other.modules) {
            let sub = crate::Shared::try_unwrap(sub).unwrap_or_else(|shared| (*shared).clone());
            self.combine_flatten(sub);
        }
        self.combine(other)
    }
}
