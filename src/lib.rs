//! # Rhai: an embedded scripting language for Rust
//!
//! A from-scratch implementation of the Rhai language and of its Rust API. Create an
//! [`Engine`], register Rust functions and types, then `eval`/`run` scripts or `compile` them
//! once into an [`AST`] and run that many times.
//!
//! ```
//! let engine = rhai::Engine::new();
//! let answer: i64 = engine.eval("let x = 40; x + 2").unwrap();
//! assert_eq!(answer, 42);
//! ```
//!
//! The pipeline, one folder per stage: `syntax/` (tokens, lexer, parser) → `ast/` →
//! `eval/` (tree-walking evaluator) over `value/` (`Dynamic`, `Scope`, strings), with
//! `func/` (calling anything), `packages/` (built-in functions), `module/` and `api/` (what
//! `Engine` offers the host) around it. See `src/README.md` for a map of every file.
#![deny(missing_docs)]
#![allow(non_camel_case_types)]

pub(crate) mod api;
mod ast;
pub mod config;
mod engine;
mod error;
mod eval;
mod func;
mod module;
pub mod packages;

/// Module resolvers for `import`.
pub mod module_resolvers {
    pub use crate::module::resolvers::{
        DummyModuleResolver, FileModuleResolver, ModuleResolversCollection, StaticModuleResolver,
    };
    pub use crate::module::ModuleResolver;
}
mod syntax;
mod value;

/// Serialization of values (feature `serde`).
#[cfg(feature = "serde")]
pub mod serde;

pub use api::call_fn::{CallFnOptions, FuncArgs};
pub use api::eval::{eval, eval_file};
pub use api::func::Func;
pub use api::run::{run, run_file};
pub use api::type_builder::{CustomType, TypeBuilder};
pub use ast::{ScriptFnMetadata, AST};
pub use config::{Locked, Shared, FLOAT, INT};
pub use engine::Engine;
pub use error::EvalAltResult;
pub use eval::GlobalRuntimeState;
pub use func::fn_ptr::FnPtr;
pub use func::native::{NativeCallContext, RhaiFunc, RhaiResult};
pub use func::register::{Mut, RhaiNativeFunc};
pub use func::registration::FuncRegistration;
pub use func::resolution_cache::{FnResolutionCache, FnResolutionCacheEntry};
pub use module::{FnAccess, FnNamespace, Module, ModuleResolver};
pub use syntax::error::{LexError, ParseError, ParseErrorType};
pub use value::dynamic::{Dynamic, DynamicReadLock, DynamicWriteLock, Instant, Variant};
pub use value::json::format_map_as_json;
pub use value::position::Position;
pub use value::scope::Scope;
pub use value::string::{Identifier, ImmutableString, SmartString};

/// An array of values.
pub type Array = Vec<Dynamic>;
/// A byte array.
pub type Blob = Vec<u8>;
/// An object map: property names to values, sorted by name.
pub type Map = std::collections::BTreeMap<SmartString, Dynamic>;

/// How much the optimizer does to a compiled script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum OptimizationLevel {
    /// No optimization.
    None,
    /// Constant folding and dead-code removal that cannot change behaviour.
    #[default]
    Simple,
    /// Also evaluate pure functions on constant arguments.
    Full,
}

/// The name of the equality operator function (`==`), which `in`, `contains`, `index_of` and
/// `dedup` use to compare custom types.
pub const OP_EQUALS: &str = "==";
/// The name of the function the `in` operator calls.
pub const OP_CONTAINS: &str = "contains";
/// The name of the function that gives a value's text for `print` and interpolation.
pub const FUNC_TO_STRING: &str = "to_string";
/// The name of the function that gives a value's text for `debug`.
pub const FUNC_TO_DEBUG: &str = "to_debug";
