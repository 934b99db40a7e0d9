//! `Engine::call_fn*`: call a script function of an `AST` from Rust.

use crate::eval::{Flow, Interp};
use crate::func::hashing::calc_fn_hash;
use crate::value::dynamic::Variant;
use crate::{Dynamic, Engine, EvalAltResult, Position, Scope, AST};

/// Arguments for calling a script function from Rust: tuples, arrays and vectors.
pub trait FuncArgs {
    /// Push the arguments, in order, into `args`.
    fn parse<ARGS: Extend<Dynamic>>(self, args: &mut ARGS);
}

impl<T: Variant + Clone> FuncArgs for Vec<T> {
    fn parse<ARGS: Extend<Dynamic>>(self, args: &mut ARGS) {
        args.extend(self.into_iter().map(Dynamic::from));
    }
}

impl<T: Variant + Clone, const N: usize> FuncArgs for [T; N] {
    fn parse<ARGS: Extend<Dynamic>>(self, args: &mut ARGS) {
        args.extend(self.into_iter().map(Dynamic::from));
    }
}

macro_rules! impl_func_args {
    ($($p:ident),*) => {
        impl<$($p: Variant + Clone),*> FuncArgs for ($($p,)*) {
            #[allow(non_snake_case, unused_variables)]
            fn parse<ARGS: Extend<Dynamic>>(self, args: &mut ARGS) {
                let ($($p,)*) = self;
                $(args.extend(Some(Dynamic::from($p)));)*
            }
        }
    };
}

impl_func_args!();
impl_func_args!(A);
impl_func_args!(A, B);
impl_func_args!(A, B, C);
impl_func_args!(A, B, C, D);
impl_func_args!(A, B, C, D, E);
impl_func_args!(A, B, C, D, E, F);
impl_func_args!(A, B, C, D, E, F, G);
impl_func_args!(A, B, C, D, E, F, G, H);
impl_func_args!(A, B, C, D, E, F, G, H, J);
impl_func_args!(A, B, C, D, E, F, G, H, J, K);
impl_func_args!(A, B, C, D, E, F, G, H, J, K, L);
impl_func_args!(A, B, C, D, E, F, G, H, J, K, L, M);
impl_func_args!(A, B, C, D, E, F, G, H, J, K, L, M, N);
impl_func_args!(A, B, C, D, E, F, G, H, J, K, L, M, N, P);
impl_func_args!(A, B, C, D, E, F, G, H, J, K, L, M, N, P, Q);
impl_func_args!(A, B, C, D, E, F, G, H, J, K, L, M, N, P, Q, R);
impl_func_args!(A, B, C, D, E, F, G, H, J, K, L, M, N, P, Q, R, S);
impl_func_args!(A, B, C, D, E, F, G, H, J, K, L, M, N, P, Q, R, S, T);
impl_func_args!(A, B, C, D, E, F, G, H, J, K, L, M, N, P, Q, R, S, T, U);
impl_func_args!(A, B, C, D, E, F, G, H, J, K, L, M, N, P, Q, R, S, T, U, V);

/// Options for `Engine::call_fn_with_options`.
#[derive(Debug, Hash)]
#[non_exhaustive]
pub struct CallFnOptions<'t> {
    /// Bind `this` to this value.
    pub this_ptr: Option<&'t mut Dynamic>,
    /// Custom state for this call.
    pub tag: Option<Dynamic>,
    /// Run the `AST`'s statements first? (default true)
    pub eval_ast: bool,
    /// Rewind the scope afterwards? (default true)
    pub rewind_scope: bool,
    /// Search functions in all namespaces?
    pub in_all_namespaces: bool,
}

impl Default for CallFnOptions<'_> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'a> CallFnOptions<'a> {
    /// The defaults.
    #[must_use]
    pub fn new() -> Self {
        Self {
            this_ptr: None,
            tag: None,
            eval_ast: true,
            rewind_scope: true,
            in_all_namespaces: false,
        }
    }
    /// Bind `this`.
    #[must_use]
    pub fn bind_this_ptr(mut self, value: &'a mut Dynamic) -> Self {
        self.this_ptr = Some(value);
        self
    }
    /// Set the tag.
    #[must_use]
    pub fn with_tag(mut self, value: impl Variant + Clone) -> Self {
        self.tag = Some(Dynamic::from(value));
        self
    }
    /// Run the `AST`'s statements first?
    #[must_use]
    pub const fn eval_ast(mut self, value: bool) -> Self {
        self.eval_ast = value;
        self
    }
    /// Rewind the scope afterwards?
    #[must_use]
    pub const fn rewind_scope(mut self, value: bool) -> Self {
        self.rewind_scope = value;
        self
    }
    /// Search functions in all namespaces?
    #[must_use]
    pub const fn in_all_namespaces(mut self, value: bool) -> Self {
        self.in_all_namespaces = value;
        self
    }
}

impl Engine {
    /// Call a script function defined in `ast`.
    pub fn call_fn<T: Variant + Clone>(
        &self,
        scope: &mut Scope,
        ast: &AST,
        fn_name: impl AsRef<str>,
        args: impl FuncArgs,
    ) -> Result<T, Box<EvalAltResult>> {
        self.call_fn_with_options(CallFnOptions::new(), scope, ast, fn_name, args)
    }

    /// Call a script function defined in `ast`, with options.
    pub fn call_fn_with_options<T: Variant + Clone>(
        &self,
        options: CallFnOptions,
        scope: &mut Scope,
        ast: &AST,
        fn_name: impl AsRef<str>,
        args: impl FuncArgs,
    ) -> Result<T, Box<EvalAltResult>> {
        let mut values: Vec<Dynamic> = Vec::new();
        args.parse(&mut values);
        let result = self.call_fn_inner(options, scope, ast, fn_name.as_ref(), &mut values)?;
        self.cast_result(result)
    }

    /// Call a script function with `Dynamic` arguments.
    #[allow(clippy::too_many_arguments)]
    pub fn call_fn_raw(
        &self,
        scope: &mut Scope,
        ast: &AST,
        eval_ast: bool,
        rewind_scope: bool,
        name: impl AsRef<str>,
        this_ptr: Option<&mut Dynamic>,
        mut arg_values: impl AsMut<[Dynamic]>,
    ) -> Result<Dynamic, Box<EvalAltResult>> {
        let options = CallFnOptions {
            this_ptr,
            tag: None,
            eval_ast,
            rewind_scope,
            in_all_namespaces: false,
        };
        self.call_fn_inner(options, scope, ast, name.as_ref(), arg_values.as_mut())
    }

    /// Run the `AST`'s statements (if asked, rewinding the scope after them when asked, so
    /// that the function does not see their variables), then call the function: a script
    /// function of `ast`, or with `in_all_namespaces` any function.
    fn run_and_call(
        interp: &mut Interp,
        options: CallFnOptions,
        scope: &mut Scope,
        ast: &AST,
        name: &str,
        args: &mut [Dynamic],
    ) -> Result<Dynamic, Flow> {
        let mark = scope.len();
        interp.host_top = mark;
        if options.eval_ast && !ast.body.stmts.is_empty() {
            interp.run_body(scope, &ast.body)?;
            if options.rewind_scope {
                scope.rewind(mark);
            }
        }
        let hash = calc_fn_hash(None, name, args.len());
        interp.expose_scope = true;
        match interp.find_script_fn(hash) {
            Some(fn_def) => {
                interp.call_script_fn(scope, fn_def, args, options.this_ptr, Position::NONE)
            }
            None if options.in_all_namespaces => {
                let ptr = crate::FnPtr::new_unchecked(name.into());
                let args = args.iter_mut().map(core::mem::take).collect();
                interp.call_fn_ptr(scope, &ptr, args, options.this_ptr, Position::NONE)
            }
            None => Err(EvalAltResult::ErrorFunctionNotFound(name.into(), Position::NONE).into()),
        }
    }

    fn call_fn_inner(
        &self,
        mut options: CallFnOptions,
        scope: &mut Scope,
        ast: &AST,
        name: &str,
        args: &mut [Dynamic],
    ) -> Result<Dynamic, Box<EvalAltResult>> {
        let lib = core::slice::from_ref(&ast.lib);
        let mut interp = Interp::new(self, lib);
        interp.global.source = ast.source_raw().cloned();
        if let Some(tag) = options.tag.take() {
            interp.global.tag = tag;
        }
        let mark = scope.len();
        let rewind = options.rewind_scope;
        let result = Self::run_and_call(&mut interp, options, scope, ast, name, args);
        if rewind {
            scope.rewind(mark);
        }
        match result {
            Ok(v) => Ok(v),
            Err(Flow::Error(err)) => Err(match *err {
                EvalAltResult::ErrorInFunctionCall(ref n, _, _, _) if n == name => match *err {
                    EvalAltResult::ErrorInFunctionCall(_, _, inner, _) => inner,
                    _ => err,
                },
                _ => err,
            }),
            Err(flow) => Err(flow.into_error()),
        }
    }
}
