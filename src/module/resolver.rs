//! The `ModuleResolver` trait: how `import` finds modules.

use crate::config::{SendSync, Shared};
use crate::module::Module;
use crate::{Engine, EvalAltResult, Position};

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
}
