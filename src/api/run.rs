//! `Engine::run*`: evaluate a script for its effects.

use crate::{Engine, EvalAltResult, Scope, AST};
use std::path::PathBuf;

impl Engine {
    /// Run a script.
    pub fn run(&self, script: &str) -> Result<(), Box<EvalAltResult>> {
        self.run_with_scope(&mut Scope::new(), script)
    }

    /// Run a script with a scope of variables.
    pub fn run_with_scope(
        &self,
        scope: &mut Scope,
        script: &str,
    ) -> Result<(), Box<EvalAltResult>> {
        let ast = self.compile_with_scope(scope, script)?;
        self.run_ast_with_scope(scope, &ast)
    }

    /// Run a compiled `AST`.
    pub fn run_ast(&self, ast: &AST) -> Result<(), Box<EvalAltResult>> {
        self.run_ast_with_scope(&mut Scope::new(), ast)
    }

    /// Run a compiled `AST` with a scope of variables.
    pub fn run_ast_with_scope(
        &self,
        scope: &mut Scope,
        ast: &AST,
    ) -> Result<(), Box<EvalAltResult>> {
        self.eval_ast_raw(scope, ast).map(|_| ())
    }

    /// Run a script file.
    pub fn run_file(&self, path: PathBuf) -> Result<(), Box<EvalAltResult>> {
        self.run_file_with_scope(&mut Scope::new(), path)
    }

    /// Run a script file with a scope of variables.
    pub fn run_file_with_scope(
        &self,
        scope: &mut Scope,
        path: PathBuf,
    ) -> Result<(), Box<EvalAltResult>> {
        // Unlike `compile_file`, the script gets no source (as in the published crate).
        let text = crate::api::compile::read_script_file(&path)?;
        self.run_with_scope(scope, &text)
    }
}

/// Run a script with a new engine.
pub fn run(script: &str) -> Result<(), Box<EvalAltResult>> {
    Engine::new().run(script)
}

/// Run a script file with a new engine.
pub fn run_file(path: impl AsRef<std::path::Path>) -> Result<(), Box<EvalAltResult>> {
    Engine::new().run_file(path.as_ref().to_path_buf())
}
