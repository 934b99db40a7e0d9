//! The `AST`: a compiled script — its top-level statements and a module of its functions.
//!
//! An `AST` is immutable once built and cheap to clone (the function module is shared).

pub mod expr;
pub mod stmt;
pub(crate) mod walk;

pub use expr::{
    BinaryExpr, BinaryOp, ChainExpr, ChainLink, ClosureExpr, Expr, FnCallExpr, Ident, PropertyRef,
    VarRef,
};
pub use stmt::{Stmt, StmtBlock};

use crate::config::Shared;
use crate::module::{FnAccess, FnNamespace, Module};
use crate::value::string::SmartString;
use crate::{Dynamic, ImmutableString};
use core::fmt;
use core::ops::{Add, AddAssign};

/// Name prefix of anonymous functions and closures.
pub const ANONYMOUS_FN_PREFIX: &str = "anon$";

/// A script-defined function.
#[derive(Clone)]
pub struct ScriptFuncDef {
    /// Function name.
    pub name: ImmutableString,
    /// Access.
    pub access: FnAccess,
    /// Parameter names (captured variables of a closure come first).
    pub params: Box<[ImmutableString]>,
    /// The body.
    pub body: StmtBlock,
    /// `fn Type.name()`: the type `this` must have.
    pub this_type: Option<ImmutableString>,
    /// Doc-comments.
    pub comments: Box<[SmartString]>,
}

/// The signature: `private "Type".name(a, b)`.
impl fmt::Display for ScriptFuncDef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.access.is_private() {
            f.write_str("private ")?;
        }
        if let Some(this_type) = &self.this_type {
            write!(f, "{:?}.", this_type.as_str())?;
        }
        write!(f, "{}(", self.name)?;
        for (i, p) in self.params.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(p)?;
        }
        f.write_str(")")
    }
}

impl fmt::Debug for ScriptFuncDef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "fn {}(", self.name)?;
        for (i, p) in self.params.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(p)?;
        }
        write!(f, ") {:?}", self.body)
    }
}

/// Metadata of a script function, for `AST::iter_functions`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct ScriptFnMetadata<'a> {
    /// Name.
    pub name: &'a str,
    /// Parameter names.
    #[cfg_attr(
        feature = "serde",
        serde(borrow, default, skip_serializing_if = "Vec::is_empty")
    )]
    pub params: Vec<&'a str>,
    /// Access.
    pub access: FnAccess,
    /// Type of `this`, if restricted.
    #[cfg_attr(
        feature = "serde",
        serde(borrow, default, skip_serializing_if = "Option::is_none")
    )]
    pub this_type: Option<&'a str>,
    /// Doc-comments.
    #[cfg_attr(
        feature = "serde",
        serde(borrow, default, skip_serializing_if = "Vec::is_empty")
    )]
    pub comments: Vec<&'a str>,
}

impl fmt::Display for ScriptFnMetadata<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.access.is_private() {
            f.write_str("private ")?;
        }
        if let Some(this_type) = self.this_type {
            write!(f, "{this_type:?}.")?;
        }
        write!(f, "{}({})", self.name, self.params.join(", "))
    }
}

impl<'a> From<&'a ScriptFuncDef> for ScriptFnMetadata<'a> {
    fn from(def: &'a ScriptFuncDef) -> Self {
        Self {
            name: &def.name,
            params: def.params.iter().map(|p| p.as_str()).collect(),
            access: def.access,
            this_type: def.this_type.as_deref(),
            comments: def.comments.iter().map(|c| c.as_str()).collect(),
        }
    }
}

/// A compiled script.
#[derive(Clone, Default)]
pub struct AST {
    source: Option<ImmutableString>,
    doc: SmartString,
    pub(crate) body: StmtBlock,
    pub(crate) lib: Shared<Module>,
}

impl fmt::Debug for AST {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut fns: Vec<_> = self.lib.iter_script_fn().collect();
        fns.sort_by(|a, b| (&a.name, a.params.len()).cmp(&(&b.name, b.params.len())));
        f.debug_struct("AST")
            .field("source", &self.source)
            .field("body", &self.body.stmts)
            .field("functions", &fns)
            .finish()
    }
}

impl AST {
    pub(crate) fn new(body: StmtBlock, lib: Module) -> Self {
        Self {
            source: None,
            doc: SmartString::new_const(),
            body,
            lib: Shared::new(lib),
        }
    }

    /// An empty AST.
    #[must_use]
    pub fn empty() -> Self {
        Self::default()
    }

    /// An AST holding only the functions of a module.
    #[must_use]
    pub fn new_from_module(module: impl Into<Shared<Module>>) -> Self {
        Self {
            lib: module.into(),
            ..Self::default()
        }
    }

    /// The source name.
    #[must_use]
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }
    pub(crate) fn source_raw(&self) -> Option<&ImmutableString> {
        self.source.as_ref()
    }
    /// Set the source name.
    pub fn set_source(&mut self, source: impl Into<ImmutableString>) -> &mut Self {
        let source = source.into();
        self.source = if source.is_empty() {
            None
        } else {
            Some(source)
        };
        self
    }
    /// Clear the source name.
    pub fn clear_source(&mut self) -> &mut Self {
        self.source = None;
        self
    }
    /// The module doc-comment (`//!` lines).
    #[must_use]
    pub fn doc(&self) -> &str {
        &self.doc
    }
    pub(crate) fn set_doc(&mut self, doc: SmartString) {
        self.doc = doc;
    }
    /// Clear the module doc-comment.
    pub fn clear_doc(&mut self) -> &mut Self {
        self.doc.clear();
        self
    }

    /// The top-level statements.
    #[must_use]
    pub fn statements(&self) -> &[Stmt] {
        &self.body.stmts
    }

    /// The function module.
    #[must_use]
    pub fn shared_lib(&self) -> &Shared<Module> {
        &self.lib
    }

    /// Does it hold functions (script-defined, or native ones of `new_from_module`)?
    #[must_use]
    pub fn has_functions(&self) -> bool {
        !self.lib.functions.is_empty()
    }

    /// A copy with only the functions.
    #[must_use]
    pub fn clone_functions_only(&self) -> Self {
        let mut lib = self.empty_lib();
        lib.functions = self.lib.functions.clone();
        lib.dynamic_functions = self.lib.dynamic_functions.clone();
        Self {
            source: self.source.clone(),
            doc: self.doc.clone(),
            body: StmtBlock::default(),
            lib: Shared::new(lib),
        }
    }

    /// A copy with only the functions. As in the published crate, the filter is not consulted:
    /// every function is kept.
    #[must_use]
    pub fn clone_functions_only_filtered(
        &self,
        _filter: impl Fn(FnNamespace, FnAccess, bool, &str, usize) -> bool,
    ) -> Self {
        self.clone_functions_only()
    }

    /// A copy with only the statements.
    #[must_use]
    pub fn clone_statements_only(&self) -> Self {
        Self {
            source: self.source.clone(),
            doc: self.doc.clone(),
            body: self.body.clone(),
            lib: Shared::new(self.empty_lib()),
        }
    }

    /// A function library without functions that keeps the modules embedded for `import`s
    /// (see `Engine::compile_into_self_contained`), so that parts of this AST stay runnable.
    fn empty_lib(&self) -> Module {
        let mut lib = Module::new();
        lib.resolved_imports = self.lib.resolved_imports.clone();
        lib
    }

    /// A new AST: this one's statements then `other`'s, and both sets of functions (`other`'s
    /// win on a clash).
    #[must_use]
    pub fn merge(&self, other: &Self) -> Self {
        self.merge_filtered(other, |_, _, _, _, _| true)
    }

    /// `merge`, keeping only `other`'s functions that pass the filter.
    #[must_use]
    pub fn merge_filtered(
        &self,
        other: &Self,
        filter: impl Fn(FnNamespace, FnAccess, bool, &str, usize) -> bool,
    ) -> Self {
        let mut result = self.clone();
        result.combine_filtered(other.clone(), filter);
        result
    }

    /// Append `other`'s statements and functions to this AST (`other`'s functions win).
    pub fn combine(&mut self, other: Self) -> &mut Self {
        self.combine_filtered(other, |_, _, _, _, _| true)
    }

    /// `combine`, keeping only `other`'s functions that pass the filter.
    pub fn combine_filtered(
        &mut self,
        other: Self,
        filter: impl Fn(FnNamespace, FnAccess, bool, &str, usize) -> bool,
    ) -> &mut Self {
        let mut other_body = other.body.clone();
        if self.body.declares {
            // The appended statements were resolved against an empty frame; after this
            // AST's own variables their slots would be off, so they look variables up by name.
            walk::walk_block(&mut other_body, &mut |v| v.slot = None);
        }
        let mut stmts: Vec<Stmt> = core::mem::take(&mut self.body.stmts).into_vec();
        stmts.extend(other_body.stmts.iter().cloned());
        self.body.declares |= other.body.declares;
        self.body.stmts = stmts.into_boxed_slice();
        let lib = Shared::make_mut(&mut self.lib);
        for info in other.lib.functions.values() {
            if let Some(f) = info.func.get_script_fn_def() {
                if filter(info.namespace, f.access, true, &f.name, f.params.len()) {
                    lib.set_script_fn(f.clone());
                }
            }
        }
        for (path, module) in &other.lib.resolved_imports {
            lib.resolved_imports.insert(path.clone(), module.clone());
        }
        if self.source.is_none() {
            self.source = other.source;
        }
        self
    }

    /// Keep only the functions passing the filter `(namespace, access, name, arity)`.
    pub fn retain_functions(
        &mut self,
        filter: impl Fn(FnNamespace, FnAccess, &str, usize) -> bool,
    ) -> &mut Self {
        let lib = Shared::make_mut(&mut self.lib);
        lib.unindex();
        lib.functions.retain(|_, f| match &f.func {
            crate::func::native::RhaiFunc::Script { fn_def, .. } => filter(
                f.namespace,
                fn_def.access,
                &fn_def.name,
                fn_def.params.len(),
            ),
            _ => true,
        });
        self
    }

    /// Iterate the script functions.
    pub fn iter_functions(&self) -> impl Iterator<Item = ScriptFnMetadata<'_>> {
        self.lib
            .iter_script_fn()
            .map(|f| ScriptFnMetadata::from(&**f))
    }

    /// Remove all functions.
    pub fn clear_functions(&mut self) -> &mut Self {
        self.lib = Shared::new(Module::new());
        self
    }

    /// Remove all statements.
    pub fn clear_statements(&mut self) -> &mut Self {
        self.body = StmtBlock::default();
        self
    }

    /// The top-level `let`/`const` whose values are literals: `(name, is_constant, value)`.
    pub fn iter_literal_variables(
        &self,
        include_constants: bool,
        include_variables: bool,
    ) -> impl Iterator<Item = (&str, bool, Dynamic)> {
        self.body.stmts.iter().filter_map(move |stmt| match stmt {
            Stmt::Var(decl, _) if decl.is_const && !include_constants => None,
            Stmt::Var(decl, _) if !decl.is_const && !include_variables => None,
            Stmt::Var(decl, _) => decl
                .value
                .get_literal_value()
                .map(|v| (decl.name.name.as_str(), decl.is_const, v)),
            _ => None,
        })
    }
}

impl<A: AsRef<AST>> Add<A> for &AST {
    type Output = AST;
    fn add(self, rhs: A) -> AST {
        self.merge(rhs.as_ref())
    }
}

impl<A: Into<AST>> AddAssign<A> for AST {
    fn add_assign(&mut self, rhs: A) {
        self.combine(rhs.into());
    }
}

impl AsRef<AST> for AST {
    fn as_ref(&self) -> &AST {
        self
    }
}

impl AsRef<Module> for AST {
    fn as_ref(&self) -> &Module {
        &self.lib
    }
}

impl AsRef<Shared<Module>> for AST {
    fn as_ref(&self) -> &Shared<Module> {
        &self.lib
    }
}

impl AsRef<[Stmt]> for AST {
    fn as_ref(&self) -> &[Stmt] {
        &self.body.stmts
    }
}
