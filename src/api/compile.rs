//! `Engine::compile*`: script text to `AST`.

use crate::syntax::parser;
use crate::{Engine, EvalAltResult, ImmutableString, ParseError, Scope, AST};
use std::path::PathBuf;

impl Engine {
    /// Compile a script into an `AST`.
    pub fn compile(&self, script: impl AsRef<str>) -> Result<AST, ParseError> {
        parser::parse(self, script.as_ref(), Vec::new())
    }

    /// Compile a script, knowing the variables of `scope` (for strict-variables mode).
    pub fn compile_with_scope(
        &self,
        scope: &Scope,
        script: impl AsRef<str>,
    ) -> Result<AST, ParseError> {
        parser::parse(self, script.as_ref(), scope_names(scope))
    }

    /// Compile several script pieces as one.
    pub fn compile_scripts_with_scope<S: AsRef<str>>(
        &self,
        scope: &Scope,
        scripts: impl AsRef<[S]>,
    ) -> Result<AST, ParseError> {
        let joined: String = scripts.as_ref().iter().map(|s| s.as_ref()).collect();
        self.compile_with_scope(scope, joined)
    }

    /// Compile a single expression.
    pub fn compile_expression(&self, script: impl AsRef<str>) -> Result<AST, ParseError> {
        parser::parse_expression(self, script.as_ref(), Vec::new())
    }

    /// Compile a single expression, knowing the variables of `scope`.
    pub fn compile_expression_with_scope(
        &self,
        scope: &Scope,
        script: impl AsRef<str>,
    ) -> Result<AST, ParseError> {
        parser::parse_expression(self, script.as_ref(), scope_names(scope))
    }

    /// Compile a script file (a first line starting with `#!` is skipped).
    pub fn compile_file(&self, path: PathBuf) -> Result<AST, Box<EvalAltResult>> {
        self.compile_file_with_scope(&Scope::new(), path)
    }

    /// Compile a script file, knowing the variables of `scope`.
    pub fn compile_file_with_scope(
        &self,
        scope: &Scope,
        path: PathBuf,
    ) -> Result<AST, Box<EvalAltResult>> {
        let text = read_script_file(&path)?;
        let mut ast = self.compile_with_scope(scope, text)?;
        ast.set_source(path.to_string_lossy().as_ref());
        Ok(ast)
    }
}

/// The names of a scope's variables.
fn scope_names(scope: &Scope) -> Vec<ImmutableString> {
    scope.names.clone()
}

/// Read a script file; its text is returned as is (the lexer skips a shebang line).
pub(crate) fn read_script_file(path: &std::path::Path) -> Result<String, Box<EvalAltResult>> {
    std::fs::read_to_string(path).map_err(|err| {
        Box::new(EvalAltResult::ErrorSystem(
            format!("Cannot open script file '{}'", path.display()),
            Box::new(err),
        ))
    })
}
