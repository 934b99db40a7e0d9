//! The `ModuleResolver` trait: how `import` finds modules.

use crate::config::{SendSync, Shared};
use crate::module::Module;
use crate::{Engine, EvalAltResult, GlobalRuntimeState, Position, Scope, AST};

/// Finds the module for an `import` path.
pub trait ModuleResolver: SendSync {
    /// Resolve `path` (imported from a script whose source is `source`) into a module.
    fn resolve(
        &self,
        engine: &Engine,
        source: Option<&str>,
        path: &str,
        pos: Position,
    ) -> Result<Shared<Module>, Box<EvalAltResult>>;

    /// Resolve `path` with access to the runtime state of the importing evaluation; what the
    /// engine calls for an `import`. By default, `resolve` with the state's source name.
    ///
    /// The scope given is a fresh one, not the importing script's: its variables live in
    /// slots of running frames, which a resolver must not be able to reshape.
    fn resolve_raw(
        &self,
        engine: &Engine,
        global: &mut GlobalRuntimeState,
        scope: &mut Scope<'_>,
        path: &str,
        pos: Position,
    ) -> Result<Shared<Module>, Box<EvalAltResult>> {
        let _ = scope;
        self.resolve(engine, global.source.as_deref(), path, pos)
    }

    /// The script behind `path`, compiled, for resolvers that load scripts; `None` (the
    /// default) when the resolver does not work from scripts.
    fn resolve_ast(
        &self,
        engine: &Engine,
        source: Option<&str>,
        path: &str,
        pos: Position,
    ) -> Option<Result<AST, Box<EvalAltResult>>> {
        let _ = (engine, source, path, pos);
        None
    }
}
