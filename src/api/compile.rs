//! `Engine::compile*`: script text to `AST`.

use crate::ast::{Expr, Stmt};
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

impl Engine {
    /// Compile a script and resolve its static `import` paths now, with the current module
    /// resolver: the `AST` then runs without needing the resolver.
    pub fn compile_into_self_contained(
        &self,
        scope: &Scope,
        script: impl AsRef<str>,
    ) -> Result<AST, Box<EvalAltResult>> {
        let mut ast = self.compile_with_scope(scope, script)?;
        let mut paths = Vec::new();
        collect_imports(&ast.body.stmts, &mut paths);
        for f in ast.lib.iter_script_fn() {
            collect_imports(&f.body.stmts, &mut paths);
        }
        let Some(resolver) = &self.module_resolver else {
            return Ok(ast);
        };
        let mut resolved = Vec::new();
        for (path, pos) in paths {
            let module = resolver.resolve(self, ast.source(), &path, pos)?;
            resolved.push((path, module));
        }
        let lib = crate::config::Shared::make_mut(&mut ast.lib);
        for (path, module) in resolved {
            lib.resolved_imports.insert(path.as_str().into(), module);
        }
        Ok(ast)
    }
}

/// The literal paths of the `import` statements in `stmts`, nested blocks included.
fn collect_imports(stmts: &[Stmt], out: &mut Vec<(ImmutableString, crate::Position)>) {
    for stmt in stmts {
        match stmt {
            Stmt::Import(x, pos) => {
                if let Some(path) = constant_string(&x.0) {
                    out.push((path.into(), *pos));
                }
            }
            Stmt::If(x, _) => {
                collect_imports(&x.then_block.stmts, out);
                collect_imports(&x.else_block.stmts, out);
            }
            Stmt::While(x, _) => collect_imports(&x.1.stmts, out),
            Stmt::Do(x, _, _) => collect_imports(&x.0.stmts, out),
            Stmt::For(x, _) => collect_imports(&x.body.stmts, out),
            Stmt::Block(b) => collect_imports(&b.stmts, out),
            Stmt::TryCatch(x, _) => {
                collect_imports(&x.body.stmts, out);
                collect_imports(&x.catch_block.stmts, out);
            }
            Stmt::Expr(e) => {
                if let Expr::Stmt(b) = &**e {
                    collect_imports(&b.stmts, out);
                }
            }
            _ => (),
        }
    }
}

/// The value of a string expression made only of literals joined by `+` (`"he" + "llo"`),
/// which is what the book counts as a static import path.
fn constant_string(expr: &Expr) -> Option<String> {
    match expr {
        Expr::StringConstant(s, _) => Some(s.to_string()),
        Expr::FnCall(call, _)
            if call.op == Some(crate::ast::BinaryOp::Add) && call.namespace.is_empty() =>
        {
            let [lhs, rhs] = &*call.args else {
                return None;
            };
            Some(constant_string(lhs)? + constant_string(rhs)?.as_str())
        }
        _ => None,
    }
}

/// The names of a scope's variables.
fn scope_names(scope: &Scope) -> Vec<ImmutableString> {
    scope.names.clone()
}

/// Read a script file, without a shebang line (`#!…`, kept as an empty line so that lines
/// keep their numbers). In script text given directly, `#!` is a reserved symbol.
pub(crate) fn read_script_file(path: &std::path::Path) -> Result<String, Box<EvalAltResult>> {
    std::fs::read_to_string(path)
        .map(without_shebang)
        .map_err(|err| {
            Box::new(EvalAltResult::ErrorSystem(
                format!("Cannot open script file '{}'", path.display()),
                Box::new(err),
            ))
        })
}

/// A script file's text without its shebang line (the line break stays).
pub(crate) fn without_shebang(mut text: String) -> String {
    if text.starts_with("#!") {
        let end = text.find('\n').unwrap_or(text.len());
        text.replace_range(..end, "");
    }
    text
}
