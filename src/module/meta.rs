//! The parts of the `Module` API that describe functions rather than run them: parameter
//! names, doc-comments and namespaces set after registration, and the index queries of the
//! published API.
//!
//! Our modules need no separate index: every function is stored under its full hash, and
//! qualified lookups walk the sub-module path, so `build_index` only sets the flags the
//! published API reports.

use super::{FnAccess, FnNamespace, Module, ModuleFlags};
use crate::ast::ScriptFuncDef;
use crate::config::Shared;
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
            info.params_info = arg_names.into_iter().map(Into::into).collect();
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
            self.unindex();
        }
        self
    }

    /// Register a function with all the options of a `FuncRegistration`.
    pub fn set_fn_raw_with_options(
        &mut self,
        options: crate::FuncRegistration,
        arg_types: impl AsRef<[TypeId]>,
        func: RhaiFunc,
    ) -> &super::FuncMetadata {
        options.set_into_module_raw(self, arg_types, func)
    }

    /// Mark the module indexed, noting whether it (or a sub-module) holds a function visible in
    /// the global namespace. Lookups need no index here: every function is stored under its
    /// full hash, and qualified lookups walk the sub-module path.
    pub fn build_index(&mut self) -> &mut Self {
        let global = self.has_global_functions();
        self.flags.insert(ModuleFlags::INDEXED);
        self.flags
            .set(ModuleFlags::INDEXED_GLOBAL_FUNCTIONS, global);
        let mut iterators = Vec::new();
        self.collect_iterators(&mut iterators);
        self.indexed_iterators = iterators;
        self
    }

    fn collect_iterators(&self, into: &mut Vec<TypeId>) {
        into.extend(self.type_iterators.keys());
        self.modules
            .values()
            .for_each(|m| m.collect_iterators(into));
    }

    /// An iterator was set: an indexed module notes it at once.
    pub(super) fn note_indexed_iterator(&mut self, id: TypeId) {
        if self.is_indexed() && !self.indexed_iterators.contains(&id) {
            self.indexed_iterators.push(id);
        }
    }

    /// Is there a function in the global namespace here or in a sub-module?
    fn has_global_functions(&self) -> bool {
        self.functions
            .values()
            .any(|f| f.namespace.is_global_namespace())
            || self.modules.values().any(|m| m.has_global_functions())
    }

    /// Is the module indexed: nothing added to it since `build_index` (or since it was made)?
    #[must_use]
    pub const fn is_indexed(&self) -> bool {
        self.flags.contains(ModuleFlags::INDEXED)
    }

    /// Is the module indexed, with a function of this hash in the global namespace in it or in
    /// a sub-module? (Functions reachable only through a path are indexed under hashes that
    /// include the path, which hosts cannot compute.)
    #[must_use]
    pub fn contains_qualified_fn(&self, hash_fn: u64) -> bool {
        self.is_indexed() && self.has_global_fn_within(hash_fn)
    }

    fn has_global_fn_within(&self, hash_fn: u64) -> bool {
        self.functions
            .get(&hash_fn)
            .is_some_and(|f| f.namespace.is_global_namespace())
            || self
                .modules
                .values()
                .any(|m| m.has_global_fn_within(hash_fn))
    }

    /// Was there an iterator for this type here or in a sub-module when the module was last
    /// indexed (or was one set while it stayed indexed)?
    #[must_use]
    pub fn contains_qualified_iter(&self, id: TypeId) -> bool {
        self.indexed_iterators.contains(&id)
    }

    /// Did the module (or a sub-module) hold a function in the global namespace when it was
    /// last indexed?
    #[must_use]
    pub const fn contains_indexed_global_functions(&self) -> bool {
        self.flags.contains(ModuleFlags::INDEXED_GLOBAL_FUNCTIONS)
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

/// `module + other`: a copy with everything of `other` merged in (see `Module::merge`).
impl<M: AsRef<Module>> core::ops::Add<M> for Module {
    type Output = Self;

    fn add(mut self, rhs: M) -> Self {
        self.merge(rhs.as_ref());
        self
    }
}

/// `module += other`: everything of `other` moved in (see `Module::combine`).
impl<M: Into<Module>> core::ops::AddAssign<M> for Module {
    fn add_assign(&mut self, rhs: M) {
        self.combine(rhs.into());
    }
}

/// A module of script functions.
impl<T: IntoIterator<Item = Shared<ScriptFuncDef>>> From<T> for Module {
    fn from(functions: T) -> Self {
        let mut module = Self::new();
        module.extend(functions);
        module
    }
}

/// Add script functions.
impl<T: Into<Shared<ScriptFuncDef>>> Extend<T> for Module {
    fn extend<I: IntoIterator<Item = T>>(&mut self, functions: I) {
        for fn_def in functions {
            self.set_script_fn(fn_def);
        }
    }
}
