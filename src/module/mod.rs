//! `Module`: a table of functions (native and script), variables, sub-modules, type iterators
//! and custom type names. Packages, the functions of an `AST` and imported scripts are all
//! modules; the engine holds them behind `Shared` pointers so that sharing one costs nothing.
//!
//! Functions are keyed by hash (see `func::hashing`): script functions by name and arity,
//! native functions by name, arity and parameter types.

use crate::ast::ScriptFuncDef;
use crate::config::Shared;
use crate::func::hashing::{calc_fn_hash, calc_types_hash, StraightHashMap};
use crate::func::native::{FnIterator, RhaiFunc};
use crate::value::string::{Identifier, SmartString};
use crate::{Dynamic, ImmutableString};
use core::any::TypeId;
pub(crate) mod environ;
mod meta;
mod native;
mod resolver;
pub mod resolvers;

pub use environ::EncapsulatedEnviron;
pub use resolver::ModuleResolver;

use core::fmt;
use std::collections::BTreeMap;

/// Where a module's function is visible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum FnNamespace {
    /// Only through the module's namespace (`ns::f`).
    Internal,
    /// Also in the global namespace.
    #[default]
    Global,
}

impl FnNamespace {
    /// Is it `Internal`?
    #[must_use]
    pub const fn is_module_namespace(self) -> bool {
        matches!(self, Self::Internal)
    }
    /// Is it `Global`?
    #[must_use]
    pub const fn is_global_namespace(self) -> bool {
        matches!(self, Self::Global)
    }
}

/// Whether a function is visible outside its module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum FnAccess {
    /// Private.
    Private,
    /// Public.
    #[default]
    Public,
}

impl FnAccess {
    /// Is it private?
    #[must_use]
    pub const fn is_private(self) -> bool {
        matches!(self, Self::Private)
    }
    /// Is it public?
    #[must_use]
    pub const fn is_public(self) -> bool {
        matches!(self, Self::Public)
    }
}

/// A function in a module, with what the engine needs to know about it. The metadata fields
/// (access, types, comments) are kept for signatures and metadata output.
#[derive(Clone, Debug)]
#[allow(dead_code)]
pub struct FuncMetadata {
    /// The function.
    pub func: RhaiFunc,
    /// The hash it is stored under.
    pub hash: u64,
    /// The name.
    pub name: Identifier,
    /// Visibility.
    pub namespace: FnNamespace,
    /// Access.
    pub access: FnAccess,
    /// Number of parameters.
    pub num_params: usize,
    /// Parameter types (empty for script functions).
    pub param_types: Box<[TypeId]>,
    /// Parameter names (and types), for signatures; may be empty.
    pub params_info: Box<[SmartString]>,
    /// Return type name, for signatures.
    pub return_type: SmartString,
    /// Doc-comments.
    pub comments: Box<[SmartString]>,
}

bitflags::bitflags! {
    /// What is known of a module as a whole.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(crate) struct ModuleFlags: u8 {
        /// A module of the standard library.
        const STANDARD_LIB = 1 << 0;
        /// Indexed: no function or sub-module was added since `build_index` (or creation).
        const INDEXED = 1 << 1;
        /// When indexed, it (or a sub-module) held a function visible in the global namespace.
        const INDEXED_GLOBAL_FUNCTIONS = 1 << 2;
    }
}

/// A new module is indexed: it is empty.
impl Default for ModuleFlags {
    fn default() -> Self {
        Self::INDEXED
    }
}

/// A module: functions, variables, sub-modules, iterators, custom type names.
#[derive(Clone, Default)]
pub struct Module {
    id: Option<ImmutableString>,
    doc: SmartString,
    pub(crate) functions: StraightHashMap<FuncMetadata>,
    /// Script hashes (name + arity) under which some function takes a `Dynamic` parameter.
    pub(crate) dynamic_functions: StraightHashMap<()>,
    pub(crate) variables: BTreeMap<Identifier, Dynamic>,
    pub(crate) modules: BTreeMap<Identifier, Shared<Module>>,
    pub(crate) type_iterators: std::collections::HashMap<TypeId, Shared<FnIterator>>,
    /// The types with an iterator here or in a sub-module when last indexed, plus those given
    /// one while indexed since (what `contains_qualified_iter` reports).
    indexed_iterators: Vec<TypeId>,
    pub(crate) custom_types: BTreeMap<Identifier, Identifier>,
    pub(crate) flags: ModuleFlags,
    /// Does it hold script methods restricted to a type of `this` (`fn Type.name()`)?
    pub(crate) has_typed_methods: bool,
    /// Modules resolved at compile time for the `import` paths of a self-contained `AST`.
    pub(crate) resolved_imports: BTreeMap<Identifier, Shared<Module>>,
}

/// The hash of a script method restricted to a type of `this`.
#[must_use]
pub(crate) fn typed_method_hash(type_name: &str, name: &str, num_params: usize) -> u64 {
    calc_fn_hash(None, name, num_params) ^ calc_fn_hash(None, type_name, usize::MAX)
}

/// The published layout: custom type names, sub-module names, variables, a description of
/// each function (script functions by signature) and the flags.
impl fmt::Debug for Module {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut functions: Vec<String> = self
            .functions
            .values()
            .map(|f| f.func.to_string())
            .collect();
        functions.sort();
        let mut out = f.debug_struct("Module");
        out.field("id", &self.id)
            .field(
                "custom_types",
                &self.custom_types.keys().collect::<Vec<_>>(),
            )
            .field("modules", &self.modules.keys().collect::<Vec<_>>())
            .field("vars", &self.variables)
            .field("functions", &functions)
            .field("flags", &self.flags);
        #[cfg(feature = "metadata")]
        out.field("doc", &self.doc);
        out.finish()
    }
}

impl Module {
    /// A new empty module.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// A new empty module (the capacity is a hint only).
    #[must_use]
    pub fn with_capacity(_capacity: usize) -> Self {
        Self::default()
    }

    /// The module's id.
    #[must_use]
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }
    /// Set the module's id.
    pub fn set_id(&mut self, id: impl Into<ImmutableString>) -> &mut Self {
        self.id = Some(id.into());
        self
    }
    /// Clear the module's id.
    pub fn clear_id(&mut self) -> &mut Self {
        self.id = None;
        self
    }
    /// The module's doc-comment.
    #[must_use]
    pub fn doc(&self) -> &str {
        &self.doc
    }
    /// Set the module's doc-comment.
    pub fn set_doc(&mut self, doc: impl Into<SmartString>) -> &mut Self {
        self.doc = doc.into();
        self
    }
    /// Clear the module's doc-comment.
    pub fn clear_doc(&mut self) -> &mut Self {
        self.doc.clear();
        self
    }
    /// Remove everything (the module is no longer indexed).
    pub fn clear(&mut self) {
        *self = Self::default();
        self.unindex();
    }

    /// Something that the index covers changed: the module is no longer indexed.
    #[inline]
    pub(crate) fn unindex(&mut self) {
        self.flags
            .remove(ModuleFlags::INDEXED | ModuleFlags::INDEXED_GLOBAL_FUNCTIONS);
    }
    /// Is the module empty?
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.functions.is_empty()
            && self.variables.is_empty()
            && self.modules.is_empty()
            && self.type_iterators.is_empty()
    }
    /// Is this a standard library module?
    #[must_use]
    pub const fn is_standard_lib(&self) -> bool {
        self.flags.contains(ModuleFlags::STANDARD_LIB)
    }

    /// Is it a module the engine made for itself? Never for a module a host builds.
    #[must_use]
    pub const fn is_internal(&self) -> bool {
        false
    }
    pub(crate) fn set_standard_lib(&mut self, flag: bool) -> &mut Self {
        self.flags.set(ModuleFlags::STANDARD_LIB, flag);
        self
    }

    /// Does a variable of this name exist?
    #[must_use]
    pub fn contains_var(&self, name: &str) -> bool {
        self.variables.contains_key(name)
    }
    /// The value of a variable, cast to `T`.
    #[must_use]
    pub fn get_var_value<T: crate::Variant + Clone>(&self, name: &str) -> Option<T> {
        self.get_var(name).and_then(Dynamic::try_cast)
    }
    /// The value of a variable.
    #[must_use]
    pub fn get_var(&self, name: &str) -> Option<Dynamic> {
        self.variables.get(name).cloned()
    }
    /// Set a variable.
    pub fn set_var(
        &mut self,
        name: impl Into<Identifier>,
        value: impl crate::Variant + Clone,
    ) -> &mut Self {
        self.variables.insert(name.into(), Dynamic::from(value));
        self
    }
    /// Iterate the variables.
    pub fn iter_var(&self) -> impl Iterator<Item = (&str, &Dynamic)> {
        self.variables.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Does a sub-module of this name exist?
    #[must_use]
    pub fn contains_sub_module(&self, name: &str) -> bool {
        self.modules.contains_key(name)
    }
    /// A sub-module.
    #[must_use]
    pub fn get_sub_module(&self, name: &str) -> Option<&Self> {
        self.modules.get(name).map(|m| &**m)
    }
    /// Set a sub-module.
    pub fn set_sub_module(
        &mut self,
        name: impl Into<Identifier>,
        sub_module: impl Into<Shared<Module>>,
    ) -> &mut Self {
        self.modules.insert(name.into(), sub_module.into());
        self.unindex();
        self
    }
    /// Iterate the sub-modules.
    pub fn iter_sub_modules(&self) -> impl Iterator<Item = (&str, &Shared<Module>)> {
        self.modules.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Does a function with this hash exist?
    #[must_use]
    pub fn contains_fn(&self, hash_fn: u64) -> bool {
        self.functions.contains_key(&hash_fn)
    }

    /// Add a script function; returns its hash.
    pub fn set_script_fn(&mut self, fn_def: impl Into<Shared<ScriptFuncDef>>) -> u64 {
        self.set_script_fn_in_environ(fn_def.into(), None)
    }

    /// Add a script function that runs in an encapsulated environment; returns its hash.
    pub(crate) fn set_script_fn_in_environ(
        &mut self,
        fn_def: Shared<ScriptFuncDef>,
        env: Option<Shared<EncapsulatedEnviron>>,
    ) -> u64 {
        let num_params = fn_def.params.len();
        let hash = match &fn_def.this_type {
            Some(t) => {
                self.has_typed_methods = true;
                typed_method_hash(t, &fn_def.name, num_params)
            }
            None => calc_fn_hash(None, &fn_def.name, num_params),
        };
        // A method bound to a type of `this` is callable on such values anywhere.
        let namespace = if fn_def.this_type.is_some() {
            FnNamespace::Global
        } else {
            FnNamespace::Internal
        };
        let info = FuncMetadata {
            hash,
            name: fn_def.name.as_str().into(),
            namespace,
            access: fn_def.access,
            num_params,
            param_types: Box::new([]),
            params_info: fn_def.params.iter().map(|p| p.as_str().into()).collect(),
            return_type: SmartString::new_const(),
            comments: fn_def.comments.clone(),
            func: RhaiFunc::Script { fn_def, env },
        };
        self.functions.insert(hash, info);
        self.unindex();
        hash
    }

    /// A script function by name and number of parameters.
    #[must_use]
    pub fn get_script_fn(
        &self,
        name: impl AsRef<str>,
        num_params: usize,
    ) -> Option<&Shared<ScriptFuncDef>> {
        let hash = calc_fn_hash(None, name.as_ref(), num_params);
        self.functions
            .get(&hash)
            .and_then(|f| f.func.get_script_fn_def())
    }

    /// Iterate the script functions.
    pub(crate) fn iter_script_fn(&self) -> impl Iterator<Item = &Shared<ScriptFuncDef>> {
        self.functions
            .values()
            .filter_map(|f| f.func.get_script_fn_def())
    }

    /// Register a function under `name` with the given parameter types; returns its hash.
    pub(crate) fn set_fn_raw(
        &mut self,
        name: &str,
        namespace: FnNamespace,
        arg_types: &[TypeId],
        func: RhaiFunc,
    ) -> u64 {
        let num_params = arg_types.len();
        let hash_script = calc_fn_hash(None, name, num_params);
        let hash = hash_script ^ calc_types_hash(arg_types.iter().copied());
        if arg_types.contains(&TypeId::of::<Dynamic>()) {
            self.dynamic_functions.insert(hash_script, ());
        }
        let info = FuncMetadata {
            hash,
            name: name.into(),
            namespace,
            access: FnAccess::Public,
            num_params,
            param_types: arg_types.into(),
            params_info: Box::new([]),
            return_type: SmartString::new_const(),
            comments: Box::new([]),
            func,
        };
        self.functions.insert(hash, info);
        self.unindex();
        hash
    }

    /// Register a function with full options (see `FuncRegistration`).
    #[allow(clippy::too_many_arguments)]
    pub fn set_fn(
        &mut self,
        name: impl Into<Identifier>,
        namespace: FnNamespace,
        _access: FnAccess,
        arg_names: Option<&[&str]>,
        arg_types: impl AsRef<[TypeId]>,
        func: RhaiFunc,
    ) -> u64 {
        let name = name.into();
        let hash = self.set_fn_raw(&name, namespace, arg_types.as_ref(), func);
        if let (Some(names), Some(info)) = (arg_names, self.functions.get_mut(&hash)) {
            info.params_info = names.iter().map(|&n| n.into()).collect();
        }
        hash
    }

    /// A function by its full hash.
    #[inline]
    pub(crate) fn get_fn(&self, hash: u64) -> Option<&FuncMetadata> {
        self.functions.get(&hash)
    }

    /// May a function under this script hash take `Dynamic` parameters?
    #[inline]
    pub(crate) fn may_have_dynamic_fn(&self, hash_script: u64) -> bool {
        self.dynamic_functions.contains_key(&hash_script)
    }

    /// Set the iterator factory for a type.
    pub fn set_iter(
        &mut self,
        type_id: TypeId,
        func: impl Fn(Dynamic) -> Box<dyn Iterator<Item = Dynamic>> + crate::config::SendSync + 'static,
    ) -> &mut Self {
        let f: Shared<FnIterator> = Shared::new(
            move |x: Dynamic| -> Box<dyn Iterator<Item = crate::RhaiResult>> {
                Box::new(func(x).map(Ok))
            },
        );
        self.type_iterators.insert(type_id, f);
        self.note_indexed_iterator(type_id);
        self
    }

    /// Set a fallible iterator factory for a type.
    pub fn set_iter_result(
        &mut self,
        type_id: TypeId,
        func: impl Fn(Dynamic) -> Box<dyn Iterator<Item = crate::RhaiResult>>
            + crate::config::SendSync
            + 'static,
    ) -> &mut Self {
        self.type_iterators.insert(type_id, Shared::new(func));
        self.note_indexed_iterator(type_id);
        self
    }

    /// Is there an iterator factory for this type?
    #[must_use]
    pub fn contains_iter(&self, id: TypeId) -> bool {
        self.type_iterators.contains_key(&id)
    }

    pub(crate) fn get_iter(&self, id: TypeId) -> Option<&Shared<FnIterator>> {
        self.type_iterators.get(&id)
    }

    /// Give a custom type a display name.
    pub fn set_custom_type_raw(
        &mut self,
        type_name: impl Into<Identifier>,
        display_name: impl Into<Identifier>,
    ) -> &mut Self {
        self.custom_types
            .insert(type_name.into(), display_name.into());
        self
    }

    /// Give the custom type `T` a display name.
    pub fn set_custom_type<T: 'static>(&mut self, name: &str) -> &mut Self {
        self.set_custom_type_raw(core::any::type_name::<T>(), name)
    }

    /// Give the custom type `T` a display name and doc-comments (the comments only serve
    /// metadata output, which this crate does not produce).
    pub fn set_custom_type_with_comments<T: 'static>(
        &mut self,
        name: &str,
        _comments: &[&str],
    ) -> &mut Self {
        self.set_custom_type::<T>(name)
    }

    /// Give a custom type a display name and doc-comments (see
    /// `set_custom_type_with_comments`).
    pub fn set_custom_type_with_comments_raw<C: Into<Identifier>>(
        &mut self,
        type_name: impl Into<Identifier>,
        display_name: impl Into<Identifier>,
        _comments: impl IntoIterator<Item = C>,
    ) -> &mut Self {
        self.set_custom_type_raw(type_name, display_name)
    }

    /// The display name of a custom type, by its Rust type name.
    #[must_use]
    pub fn get_custom_type_display_by_name(&self, type_name: &str) -> Option<&str> {
        self.custom_types.get(type_name).map(|s| s.as_str())
    }

    /// The display name of a custom type, by its Rust type name.
    #[must_use]
    pub fn get_custom_type(&self, type_name: &str) -> Option<&str> {
        self.get_custom_type_display_by_name(type_name)
    }

    /// The display name of the custom type `T`.
    #[must_use]
    pub fn get_custom_type_display<T: 'static>(&self) -> Option<&str> {
        self.get_custom_type_display_by_name(core::any::type_name::<T>())
    }

    /// Counts: (variables, functions, type iterators).
    #[must_use]
    pub fn count(&self) -> (usize, usize, usize) {
        (
            self.variables.len(),
            self.functions.len(),
            self.type_iterators.len(),
        )
    }

    /// Move everything of `other` into this module (overwriting duplicates).
    pub fn combine(&mut self, other: Self) -> &mut Self {
        self.unindex();
        self.functions.extend(other.functions);
        self.dynamic_functions.extend(other.dynamic_functions);
        self.variables.extend(other.variables);
        self.modules.extend(other.modules);
        self.type_iterators.extend(other.type_iterators);
        self.custom_types.extend(other.custom_types);
        self
    }

    /// Copy everything of `other` into this module (overwriting duplicates).
    pub fn merge(&mut self, other: &Self) -> &mut Self {
        self.combine(other.clone())
    }

    /// Copy in what this module lacks from `other` (keeping existing entries).
    pub fn fill_with(&mut self, other: &Self) -> &mut Self {
        self.unindex();
        for (k, v) in &other.functions {
            self.functions.entry(*k).or_insert_with(|| v.clone());
        }
        for k in other.dynamic_functions.keys() {
            self.dynamic_functions.insert(*k, ());
        }
        for (k, v) in &other.variables {
            self.variables.entry(k.clone()).or_insert_with(|| v.clone());
        }
        for (k, v) in &other.modules {
            self.modules.entry(k.clone()).or_insert_with(|| v.clone());
        }
        for (k, v) in &other.type_iterators {
            self.type_iterators.entry(*k).or_insert_with(|| v.clone());
        }
        self
    }
}
