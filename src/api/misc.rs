//! Smaller `Engine` methods: older names of the run methods, string helpers, size checks,
//! direct calls of operators and functions, signatures.

use crate::value::dynamic::Variant;
use crate::{Dynamic, Engine, EvalAltResult, FuncArgs, ImmutableString, Position, Scope, AST};
use std::path::PathBuf;

impl Engine {
    /// Older name of `run`.
    pub fn consume(&self, script: &str) -> Result<(), Box<EvalAltResult>> {
        self.run(script)
    }
    /// Older name of `run_with_scope`.
    pub fn consume_with_scope(
        &self,
        scope: &mut Scope,
        script: &str,
    ) -> Result<(), Box<EvalAltResult>> {
        self.run_with_scope(scope, script)
    }
    /// Older name of `run_ast`.
    pub fn consume_ast(&self, ast: &AST) -> Result<(), Box<EvalAltResult>> {
        self.run_ast(ast)
    }
    /// Older name of `run_ast_with_scope`.
    pub fn consume_ast_with_scope(
        &self,
        scope: &mut Scope,
        ast: &AST,
    ) -> Result<(), Box<EvalAltResult>> {
        self.run_ast_with_scope(scope, ast)
    }
    /// Older name of `run_file`.
    pub fn consume_file(&self, path: PathBuf) -> Result<(), Box<EvalAltResult>> {
        self.run_file(path)
    }
    /// Older name of `run_file_with_scope`.
    pub fn consume_file_with_scope(
        &self,
        scope: &mut Scope,
        path: PathBuf,
    ) -> Result<(), Box<EvalAltResult>> {
        self.run_file_with_scope(scope, path)
    }

    /// Call a script function with `Dynamic` arguments (older form of `call_fn_raw`).
    pub fn call_fn_dynamic(
        &self,
        scope: &mut Scope,
        ast: &AST,
        eval_ast: bool,
        name: impl AsRef<str>,
        this_ptr: Option<&mut Dynamic>,
        arg_values: impl AsMut<[Dynamic]>,
    ) -> Result<Dynamic, Box<EvalAltResult>> {
        self.call_fn_raw(scope, ast, eval_ast, true, name, this_ptr, arg_values)
    }

    /// A string as an `ImmutableString` (strings are shared already; no interning table is
    /// kept).
    pub fn get_interned_string(
        &self,
        string: impl AsRef<str> + Into<ImmutableString>,
    ) -> ImmutableString {
        string.into()
    }

    /// An empty string.
    #[must_use]
    pub fn const_empty_string(&self) -> ImmutableString {
        ImmutableString::new()
    }

    /// Check a value against the string, array and map size limits (recursively).
    pub fn ensure_data_size_within_limits(
        &self,
        value: &Dynamic,
    ) -> Result<(), Box<EvalAltResult>> {
        let limits = &self.limits;
        let too_large = |what: &str| -> Box<EvalAltResult> {
            EvalAltResult::ErrorDataTooLarge(what.into(), Position::NONE).into()
        };
        if let Ok(s) = value.as_immutable_string_ref() {
            if limits.max_string_len > 0 && s.len() > limits.max_string_len {
                return Err(too_large("Length of string"));
            }
        }
        if let Ok(a) = value.as_array_ref() {
            if limits.max_array_size > 0 && a.len() > limits.max_array_size {
                return Err(too_large("Size of array/BLOB"));
            }
            for item in a.iter() {
                self.ensure_data_size_within_limits(item)?;
            }
        }
        if let Ok(m) = value.as_map_ref() {
            if limits.max_map_size > 0 && m.len() > limits.max_map_size {
                return Err(too_large("Size of object map"));
            }
            for item in m.values() {
                self.ensure_data_size_within_limits(item)?;
            }
        }
        Ok(())
    }

    /// The module resolver in force.
    #[must_use]
    pub fn module_resolver(&self) -> &dyn crate::ModuleResolver {
        match &self.module_resolver {
            Some(r) => &**r,
            None => &crate::module_resolvers::DummyModuleResolver,
        }
    }

    /// Apply a binary operator to two values, as a script would.
    pub fn eval_binary_op<T: Variant + Clone>(
        &self,
        op: impl AsRef<str>,
        lhs: impl Into<Dynamic>,
        rhs: impl Into<Dynamic>,
    ) -> Result<T, Box<EvalAltResult>> {
        let mut scope = Scope::new();
        scope.push_dynamic("lhs", lhs.into());
        scope.push_dynamic("rhs", rhs.into());
        let script = format!("lhs {} rhs", op.as_ref());
        self.eval_expression_with_scope(&mut scope, &script)
    }

    /// Call a function (native or from the global modules) with arguments, optionally as a
    /// method on `this_ptr`.
    pub fn eval_fn_call<T: Variant + Clone>(
        &self,
        fn_name: impl AsRef<str>,
        this_ptr: Option<&mut Dynamic>,
        args: impl FuncArgs,
    ) -> Result<T, Box<EvalAltResult>> {
        let mut values: Vec<Dynamic> = Vec::new();
        args.parse(&mut values);
        let lib: [crate::Shared<crate::Module>; 0] = [];
        let ctx = crate::NativeCallContext::new(self, fn_name.as_ref(), &lib);
        let ptr = crate::FnPtr::new_unchecked(fn_name.as_ref().into());
        let result = ptr.call_raw(&ctx, this_ptr, values)?;
        self.cast_result(result)
    }

    /// The signatures of the registered functions (`name(type, type) -> type`); with
    /// `include_standard_packages`, also those of the standard library.
    #[must_use]
    pub fn gen_fn_signatures(&self, include_standard_packages: bool) -> Vec<String> {
        let mut out = Vec::new();
        for (i, module) in self.global_modules.iter().enumerate() {
            let own = i == 0 && self.has_own_module;
            if !own && module.is_standard_lib() && !include_standard_packages {
                continue;
            }
            for info in module.functions.values() {
                if info.name.contains('$') {
                    continue;
                }
                let params: Vec<&str> = info
                    .param_types
                    .iter()
                    .zip(
                        info.params_info
                            .iter()
                            .map(|n| n.as_str())
                            .chain(core::iter::repeat("?")),
                    )
                    .map(|(_, n)| n)
                    .collect();
                out.push(format!(
                    "{}({}) -> {}",
                    info.name,
                    params.join(", "),
                    info.return_type
                ));
            }
        }
        out.sort();
        out
    }
}
