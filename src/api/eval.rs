//! `Engine::eval*`: evaluate a script and return its value as a Rust type.

use crate::eval::Interp;
use crate::value::dynamic::Variant;
use crate::{Dynamic, Engine, EvalAltResult, Position, Scope, AST};
use core::any::type_name;
use std::path::PathBuf;

impl Engine {
    /// Evaluate a script.
    pub fn eval<T: Variant + Clone>(&self, script: &str) -> Result<T, Box<EvalAltResult>> {
        self.eval_with_scope(&mut Scope::new(), script)
    }

    /// Evaluate a script with a scope of variables.
    pub fn eval_with_scope<T: Variant + Clone>(
        &self,
        scope: &mut Scope,
        script: &str,
    ) -> Result<T, Box<EvalAltResult>> {
        let ast = self.compile_with_scope(scope, script)?;
        self.eval_ast_with_scope(scope, &ast)
    }

    /// Evaluate a single expression.
    pub fn eval_expression<T: Variant + Clone>(
        &self,
        script: &str,
    ) -> Result<T, Box<EvalAltResult>> {
        self.eval_expression_with_scope(&mut Scope::new(), script)
    }

    /// Evaluate a single expression with a scope of variables.
    pub fn eval_expression_with_scope<T: Variant + Clone>(
        &self,
        scope: &mut Scope,
        script: &str,
    ) -> Result<T, Box<EvalAltResult>> {
        let ast = self.compile_expression_with_scope(scope, script)?;
        self.eval_ast_with_scope(scope, &ast)
    }

    /// Evaluate a compiled `AST`.
    pub fn eval_ast<T: Variant + Clone>(&self, ast: &AST) -> Result<T, Box<EvalAltResult>> {
        self.eval_ast_with_scope(&mut Scope::new(), ast)
    }

    /// Evaluate a compiled `AST` with a scope of variables.
    pub fn eval_ast_with_scope<T: Variant + Clone>(
        &self,
        scope: &mut Scope,
        ast: &AST,
    ) -> Result<T, Box<EvalAltResult>> {
        let value = self.eval_ast_raw(scope, ast)?;
        self.cast_result(value)
    }

    /// Evaluate a script file.
    pub fn eval_file<T: Variant + Clone>(&self, path: PathBuf) -> Result<T, Box<EvalAltResult>> {
        self.eval_file_with_scope(&mut Scope::new(), path)
    }

    /// Evaluate a script file with a scope of variables.
    pub fn eval_file_with_scope<T: Variant + Clone>(
        &self,
        scope: &mut Scope,
        path: PathBuf,
    ) -> Result<T, Box<EvalAltResult>> {
        // Unlike `compile_file`, the script gets no source (as in the published crate).
        let text = crate::api::compile::read_script_file(&path)?;
        self.eval_with_scope(scope, &text)
    }

    /// Run an `AST` in a scope and return its raw value.
    pub(crate) fn eval_ast_raw(
        &self,
        scope: &mut Scope,
        ast: &AST,
    ) -> Result<Dynamic, Box<EvalAltResult>> {
        let lib = core::slice::from_ref(&ast.lib);
        let mut interp = Interp::new(self, lib);
        interp.global.source = ast.source_raw().cloned();
        interp.run_body(scope, &ast.body)
    }

    /// Cast a result to the requested type, or fail with `ErrorMismatchOutputType`.
    pub(crate) fn cast_result<T: Variant + Clone>(
        &self,
        value: Dynamic,
    ) -> Result<T, Box<EvalAltResult>> {
        let actual = self.map_type_name(value.type_name()).to_string();
        value.try_cast::<T>().ok_or_else(|| {
            // As published, a `&str` result is named as such.
            let expected = if core::any::TypeId::of::<T>() == core::any::TypeId::of::<&str>() {
                "&str".to_string()
            } else {
                self.map_type_name(type_name::<T>()).to_string()
            };
            Box::new(EvalAltResult::ErrorMismatchOutputType(
                expected,
                actual,
                Position::NONE,
            ))
        })
    }
}

/// Evaluate a script with a new engine.
pub fn eval<T: Variant + Clone>(script: &str) -> Result<T, Box<EvalAltResult>> {
    Engine::new().eval(script)
}

/// Evaluate a script file with a new engine.
pub fn eval_file<T: Variant + Clone>(
    path: impl AsRef<std::path::Path>,
) -> Result<T, Box<EvalAltResult>> {
    Engine::new().eval_file(path.as_ref().to_path_buf())
}
