//! Module resolvers: how `import "path"` finds a module — from files, from a static table,
//! from a list of resolvers, or never.

use crate::config::{Locked, Shared};
use crate::module::{Module, ModuleResolver};
use crate::value::string::SmartString;
use crate::{Engine, EvalAltResult, Position, Scope};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A resolver that never finds anything (the default of a raw engine).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct DummyModuleResolver;

impl DummyModuleResolver {
    /// A new dummy resolver.
    #[must_use]
    pub const fn new() -> Self {
        Self
    }
}

impl ModuleResolver for DummyModuleResolver {
    fn resolve(
        &self,
        _: &Engine,
        _: Option<&str>,
        path: &str,
        pos: Position,
    ) -> Result<Shared<Module>, Box<EvalAltResult>> {
        Err(EvalAltResult::ErrorModuleNotFound(path.into(), pos).into())
    }
}

/// A resolver over a fixed table of modules, by path.
#[derive(Debug, Clone, Default)]
pub struct StaticModuleResolver(BTreeMap<SmartString, Shared<Module>>);

impl StaticModuleResolver {
    /// A new empty resolver.
    #[must_use]
    pub const fn new() -> Self {
        Self(BTreeMap::new())
    }
    /// Add a module under a path.
    pub fn insert(&mut self, path: impl Into<SmartString>, module: Module) {
        self.0.insert(path.into(), Shared::new(module));
    }
    /// Remove a module.
    pub fn remove(&mut self, path: &str) -> Option<Shared<Module>> {
        self.0.remove(path)
    }
    /// Is there a module under this path?
    #[must_use]
    pub fn contains_path(&self, path: &str) -> bool {
        self.0.contains_key(path)
    }
    /// Iterate `(path, module)`.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Shared<Module>)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }
    /// Iterate `(path, module)` mutably.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&str, &mut Shared<Module>)> {
        self.0.iter_mut().map(|(k, v)| (k.as_str(), v))
    }
    /// The paths.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(SmartString::as_str)
    }
    /// The modules.
    pub fn values(&self) -> impl Iterator<Item = &Shared<Module>> {
        self.0.values()
    }
    /// Remove every module.
    pub fn clear(&mut self) -> &mut Self {
        self.0.clear();
        self
    }
    /// Is it empty?
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The number of modules.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// Add all modules of another resolver.
    pub fn merge(&mut self, other: Self) -> &mut Self {
        self.0.extend(other.0);
        self
    }
}

impl core::ops::AddAssign for StaticModuleResolver {
    fn add_assign(&mut self, rhs: Self) {
        self.merge(rhs);
    }
}

impl IntoIterator for StaticModuleResolver {
    type Item = (SmartString, Shared<Module>);
    type IntoIter = std::collections::btree_map::IntoIter<SmartString, Shared<Module>>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl ModuleResolver for StaticModuleResolver {
    fn resolve(
        &self,
        _: &Engine,
        _: Option<&str>,
        path: &str,
        pos: Position,
    ) -> Result<Shared<Module>, Box<EvalAltResult>> {
        self.0
            .get(path)
            .cloned()
            .ok_or_else(|| EvalAltResult::ErrorModuleNotFound(path.into(), pos).into())
    }
}

/// Tries a list of resolvers in order.
#[derive(Default)]
pub struct ModuleResolversCollection(Vec<Box<dyn ModuleResolver>>);

impl ModuleResolversCollection {
    /// A new empty collection.
    #[must_use]
    pub const fn new() -> Self {
        Self(Vec::new())
    }
    /// Add a resolver at the end.
    pub fn push(&mut self, resolver: impl ModuleResolver + 'static) -> &mut Self {
        self.0.push(Box::new(resolver));
        self
    }
    /// Insert a resolver at a position.
    pub fn insert(&mut self, index: usize, resolver: impl ModuleResolver + 'static) -> &mut Self {
        self.0.insert(index.min(self.0.len()), Box::new(resolver));
        self
    }
    /// Remove the last resolver.
    pub fn pop(&mut self) -> Option<Box<dyn ModuleResolver>> {
        self.0.pop()
    }
    /// Remove the resolver at a position. Out of range, nothing is removed and a
    /// `DummyModuleResolver` comes back (a panic is never the answer to bad input here).
    pub fn remove(&mut self, index: usize) -> Box<dyn ModuleResolver> {
        if index < self.0.len() {
            self.0.remove(index)
        } else {
            Box::new(DummyModuleResolver)
        }
    }
    /// Iterate the resolvers.
    pub fn iter(&self) -> impl Iterator<Item = &dyn ModuleResolver> {
        self.0.iter().map(|r| &**r)
    }
    /// Remove every resolver.
    pub fn clear(&mut self) -> &mut Self {
        self.0.clear();
        self
    }
    /// Is it empty?
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The number of resolvers.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// Add the resolvers of another collection.
    pub fn append(&mut self, other: Self) -> &mut Self {
        self.0.extend(other.0);
        self
    }
}

impl<M: ModuleResolver + 'static> core::ops::AddAssign<M> for ModuleResolversCollection {
    fn add_assign(&mut self, rhs: M) {
        self.push(rhs);
    }
}

impl Extend<Box<dyn ModuleResolver>> for ModuleResolversCollection {
    fn extend<T: IntoIterator<Item = Box<dyn ModuleResolver>>>(&mut self, iter: T) {
        self.0.extend(iter);
    }
}

impl IntoIterator for ModuleResolversCollection {
    type Item = Box<dyn ModuleResolver>;
    type IntoIter = std::vec::IntoIter<Box<dyn ModuleResolver>>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl ModuleResolver for ModuleResolversCollection {
    fn resolve(
        &self,
        engine: &Engine,
        source: Option<&str>,
        path: &str,
        pos: Position,
    ) -> Result<Shared<Module>, Box<EvalAltResult>> {
        for resolver in &self.0 {
            match resolver.resolve(engine, source, path, pos) {
                Err(err) if matches!(*err, EvalAltResult::ErrorModuleNotFound(..)) => continue,
                result => return result,
            }
        }
        Err(EvalAltResult::ErrorModuleNotFound(path.into(), pos).into())
    }
}

/// Loads modules from script files: `import "lib/utils"` reads `lib/utils.rhai` (relative to
/// the base path, or else to the importing script's folder), runs it, and caches the module.
pub struct FileModuleResolver {
    base_path: Option<PathBuf>,
    extension: SmartString,
    cache_enabled: bool,
    scope: Scope<'static>,
    cache: Locked<BTreeMap<PathBuf, Shared<Module>>>,
    /// Files being loaded right now, to detect cyclic imports.
    loading: Locked<Vec<PathBuf>>,
}

impl core::fmt::Debug for FileModuleResolver {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("FileModuleResolver")
            .field("base_path", &self.base_path)
            .field("extension", &self.extension)
            .field("cache_enabled", &self.cache_enabled)
            .finish()
    }
}

impl Default for FileModuleResolver {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(not(feature = "sync"))]
fn lock<T>(cell: &Locked<T>) -> std::cell::RefMut<'_, T> {
    cell.borrow_mut()
}

#[cfg(feature = "sync")]
fn lock<T>(cell: &Locked<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    cell.write()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl FileModuleResolver {
    /// A resolver relative to the importing script (or the current folder), extension `rhai`.
    #[must_use]
    pub fn new() -> Self {
        Self::new_with_extension("rhai")
    }
    /// A resolver relative to `path`.
    #[must_use]
    pub fn new_with_path(path: impl Into<PathBuf>) -> Self {
        Self::new_with_path_and_extension(path, "rhai")
    }
    /// A resolver with another file extension.
    #[must_use]
    pub fn new_with_extension(extension: impl Into<SmartString>) -> Self {
        Self {
            base_path: None,
            extension: extension.into(),
            cache_enabled: true,
            scope: Scope::new(),
            cache: Locked::new(BTreeMap::new()),
            loading: Locked::new(Vec::new()),
        }
    }
    /// A resolver relative to `path`, with another file extension.
    #[must_use]
    pub fn new_with_path_and_extension(
        path: impl Into<PathBuf>,
        extension: impl Into<SmartString>,
    ) -> Self {
        let mut r = Self::new_with_extension(extension);
        r.base_path = Some(path.into());
        r
    }
    /// The base path.
    #[must_use]
    pub fn base_path(&self) -> Option<&Path> {
        self.base_path.as_deref()
    }
    /// Set the base path.
    pub fn set_base_path(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.base_path = Some(path.into());
        self
    }
    /// The file extension.
    #[must_use]
    pub fn extension(&self) -> &str {
        &self.extension
    }
    /// Set the file extension.
    pub fn set_extension(&mut self, extension: impl Into<SmartString>) -> &mut Self {
        self.extension = extension.into();
        self
    }
    /// The scope every module script starts with.
    #[must_use]
    pub const fn scope(&self) -> &Scope<'static> {
        &self.scope
    }
    /// Set the scope every module script starts with.
    pub fn set_scope(&mut self, scope: Scope<'static>) {
        self.scope = scope;
    }
    /// The scope every module script starts with, mutably.
    pub fn scope_mut(&mut self) -> &mut Scope<'static> {
        &mut self.scope
    }
    /// Enable or disable the cache.
    pub fn enable_cache(&mut self, enable: bool) -> &mut Self {
        self.cache_enabled = enable;
        self
    }
    /// Is the cache enabled?
    #[must_use]
    pub const fn is_cache_enabled(&self) -> bool {
        self.cache_enabled
    }
    /// Is the module of this file cached?
    #[must_use]
    pub fn is_cached(&self, path: impl AsRef<Path>) -> bool {
        lock(&self.cache).contains_key(path.as_ref())
    }
    /// Empty the cache.
    pub fn clear_cache(&mut self) -> &mut Self {
        lock(&self.cache).clear();
        self
    }
    /// Remove one file's module from the cache.
    pub fn clear_cache_for_path(&mut self, path: impl AsRef<Path>) -> Option<Shared<Module>> {
        lock(&self.cache).remove(path.as_ref())
    }
    /// The file an import path refers to, given the importing script's path.
    #[must_use]
    pub fn get_file_path(&self, path: &str, source_path: Option<&Path>) -> PathBuf {
        let mut file = match (&self.base_path, source_path.and_then(Path::parent)) {
            (Some(base), _) => base.join(path),
            (None, Some(dir)) if Path::new(path).is_relative() => dir.join(path),
            _ => PathBuf::from(path),
        };
        if !self.extension.is_empty() {
            let mut name = file
                .file_name()
                .map(|n| n.to_os_string())
                .unwrap_or_default();
            name.push(".");
            name.push(self.extension.as_str());
            file.set_file_name(name);
        }
        file
    }

    /// Read and compile a module file, with the import path as the `AST`'s source (as in the
    /// published crate: imports inside it resolve relative to that path).
    fn compile_file(
        engine: &Engine,
        file: &Path,
        path: &str,
        pos: Position,
    ) -> Result<crate::AST, Box<EvalAltResult>> {
        let text = std::fs::read_to_string(file)
            .map(crate::api::compile::without_shebang)
            .map_err(|_| EvalAltResult::ErrorModuleNotFound(path.into(), pos))?;
        let mut ast = engine
            .compile(&text)
            .map_err(|e| EvalAltResult::ErrorInModule(path.into(), e.into(), pos))?;
        ast.set_source(path);
        Ok(ast)
    }

    fn load(
        &self,
        engine: &Engine,
        file: &Path,
        path: &str,
        pos: Position,
    ) -> Result<Shared<Module>, Box<EvalAltResult>> {
        let ast = Self::compile_file(engine, file, path, pos)?;
        let module = Module::eval_ast_as_new(self.scope.clone(), &ast, engine)
            .map_err(|err| EvalAltResult::ErrorInModule(path.into(), err, pos))?;
        Ok(Shared::new(module))
    }
}

impl ModuleResolver for FileModuleResolver {
    fn resolve(
        &self,
        engine: &Engine,
        source: Option<&str>,
        path: &str,
        pos: Position,
    ) -> Result<Shared<Module>, Box<EvalAltResult>> {
        let file = self.get_file_path(path, source.map(Path::new));
        if self.cache_enabled {
            if let Some(m) = lock(&self.cache).get(&file) {
                return Ok(m.clone());
            }
        }
        if lock(&self.loading).contains(&file) {
            let err = EvalAltResult::ErrorRuntime(
                format!("cyclic import of module '{path}'").into(),
                pos,
            );
            return Err(EvalAltResult::ErrorInModule(path.into(), err.into(), pos).into());
        }
        lock(&self.loading).push(file.clone());
        let result = self.load(engine, &file, path, pos);
        lock(&self.loading).retain(|f| f != &file);
        let module = result?;
        if self.cache_enabled {
            lock(&self.cache).insert(file, module.clone());
        }
        Ok(module)
    }

    fn resolve_ast(
        &self,
        engine: &Engine,
        source: Option<&str>,
        path: &str,
        pos: Position,
    ) -> Option<Result<crate::AST, Box<EvalAltResult>>> {
        let file = self.get_file_path(path, source.map(Path::new));
        Some(Self::compile_file(engine, &file, path, pos))
    }
}
