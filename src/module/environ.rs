//! Modules made by running a script (`Module::eval_ast_as_new`) and the environment their
//! script functions carry with them.
//!
//! A script function exported from a module keeps seeing the world of the script that
//! defined it, not the world of whoever calls it: the whole function library of that script
//! (private functions included), the modules it imported at its global level, and its global
//! constants (what `global::NAME` reads). The importer's imports and variables stay out.

use super::Module;
use crate::config::Shared;
use crate::value::dynamic::AccessMode;
use crate::{Dynamic, Engine, EvalAltResult, GlobalRuntimeState, ImmutableString, Scope, AST};

/// The environment a module's script functions run in.
#[derive(Debug, Clone, Default)]
pub struct EncapsulatedEnviron {
    /// Every function of the defining script, private ones too.
    pub(crate) lib: Shared<Module>,
    /// The modules the defining script imported at its global level: (alias, module).
    pub(crate) imports: Vec<(ImmutableString, Shared<Module>)>,
    /// The defining script's global constants, for `global::NAME`.
    pub(crate) constants: Vec<(ImmutableString, Dynamic)>,
    /// The defining script's source name (the module's id).
    pub(crate) source: Option<ImmutableString>,
}

impl EncapsulatedEnviron {
    /// A global constant of the defining script (the latest of that name).
    pub(crate) fn constant(&self, name: &str) -> Option<&Dynamic> {
        latest_constant(&self.constants, name)
    }
}

/// The latest constant of that name in a list of global constants.
pub(crate) fn latest_constant<'a>(
    constants: &'a [(ImmutableString, Dynamic)],
    name: &str,
) -> Option<&'a Dynamic> {
    constants
        .iter()
        .rev()
        .find(|(n, _)| n.as_str() == name)
        .map(|(_, v)| v)
}

impl Module {
    /// Build a module by running an `AST`: its exported variables (as constants), its public
    /// script functions (each carrying the script's encapsulated environment) and the modules
    /// it imported at its global level (as sub-modules).
    pub fn eval_ast_as_new(
        scope: Scope<'_>,
        ast: &AST,
        engine: &Engine,
    ) -> Result<Self, Box<EvalAltResult>> {
        let mut scope = scope;
        let mut global = GlobalRuntimeState::new(engine);
        Self::eval_ast_as_new_raw(engine, &mut scope, &mut global, ast)
    }

    /// `eval_ast_as_new` with the caller's scope and runtime state (operation count, tag);
    /// the runtime state's imports are as before when it returns.
    pub fn eval_ast_as_new_raw(
        engine: &Engine,
        scope: &mut Scope<'_>,
        global: &mut GlobalRuntimeState,
        ast: &AST,
    ) -> Result<Self, Box<EvalAltResult>> {
        let lib = core::slice::from_ref(ast.shared_lib());
        let mut interp = crate::eval::Interp::new(engine, lib);
        core::mem::swap(&mut interp.global, global);
        let outer_imports = interp.global.imports.len();
        let outer_source = core::mem::replace(&mut interp.global.source, ast.source_raw().cloned());
        let result = interp.run_body(scope, &ast.body);
        let imports: Vec<_> = interp.global.imports.drain(outer_imports..).collect();
        interp.global.source = outer_source;
        core::mem::swap(&mut interp.global, global);
        result?;
        let mut module = Self::new();
        for (i, aliases) in scope.aliases.iter().enumerate() {
            for alias in aliases {
                module
                    .variables
                    .insert(alias.as_str().into(), scope.values[i].flatten_clone());
            }
        }
        let env = Shared::new(EncapsulatedEnviron {
            lib: ast.shared_lib().clone(),
            imports: imports.clone(),
            constants: global_constants(scope),
            source: ast.source_raw().cloned(),
        });
        for f in ast.shared_lib().iter_script_fn() {
            if f.access.is_public() && !f.name.starts_with(crate::ast::ANONYMOUS_FN_PREFIX) {
                module.set_script_fn_in_environ(f.clone(), Some(env.clone()));
            }
        }
        for (alias, m) in imports.into_iter().filter(|(alias, _)| !alias.is_empty()) {
            module.modules.insert(alias.as_str().into(), m);
        }
        if let Some(source) = ast.source() {
            module.set_id(source);
        }
        module.build_index();
        Ok(module)
    }
}

/// The constants left in a scope after a script ran at its global level.
fn global_constants(scope: &Scope) -> Vec<(ImmutableString, Dynamic)> {
    scope
        .names
        .iter()
        .zip(&scope.values)
        .filter(|(_, v)| v.access_mode() == AccessMode::ReadOnly)
        .map(|(n, v)| (n.clone(), v.flatten_clone()))
        .collect()
}
