//! `FnPtr`: a function pointer value — a function name, curried arguments and, for anonymous
//! functions and closures, the function definition itself (so calling it needs no lookup).

use crate::ast::ScriptFuncDef;
use crate::config::Shared;
use crate::func::native::FnAny;
use crate::{Dynamic, EvalAltResult, ImmutableString, Position};
use core::fmt;
use core::ops::{Index, IndexMut};

/// A function pointer: the name of a function plus curried arguments.
#[derive(Clone)]
pub struct FnPtr {
    pub(crate) name: ImmutableString,
    pub(crate) curry: Vec<Dynamic>,
    /// The definition, for anonymous functions (and pointers resolved at creation).
    pub(crate) fn_def: Option<Shared<ScriptFuncDef>>,
    /// A native function, for pointers made by `from_fn`.
    pub(crate) native: Option<Shared<FnAny>>,
    /// The encapsulated environment of the module function that made this pointer: calls
    /// through it run there, wherever the pointer travels.
    pub(crate) env: Option<Shared<crate::module::EncapsulatedEnviron>>,
    /// Made from a script function's bare name (`let f = foo;`): shown as `Fn*` like closures.
    pub(crate) from_bare_name: bool,
}

impl FnPtr {
    /// A pointer to the named function. Fails when the name is not a valid function name
    /// (`ErrorFunctionNotFound`), or is a keyword or symbol (`ErrorParsing`).
    pub fn new(name: impl Into<ImmutableString>) -> Result<Self, Box<EvalAltResult>> {
        let name = name.into();
        check_function_name(&name)?;
        Ok(Self::new_unchecked(name))
    }

    pub(crate) fn new_unchecked(name: ImmutableString) -> Self {
        Self {
            name,
            curry: Vec::new(),
            fn_def: None,
            native: None,
            env: None,
            from_bare_name: false,
        }
    }

    /// A pointer to a Rust closure.
    pub fn from_fn(
        name: impl Into<ImmutableString>,
        func: impl Fn(crate::NativeCallContext<'_>, &mut [&mut Dynamic]) -> crate::RhaiResult
            + crate::config::SendSync
            + 'static,
    ) -> Result<Self, Box<EvalAltResult>> {
        let mut ptr = Self::new(name)?;
        let native: Shared<FnAny> = Shared::new(
            move |ctx: Option<crate::NativeCallContext<'_>>, args: &mut [&mut Dynamic]| match ctx {
                Some(ctx) => func(ctx, args),
                None => Err("a native function pointer needs a call context".into()),
            },
        );
        ptr.native = Some(native);
        Ok(ptr)
    }

    /// A pointer to a boxed Rust closure.
    pub fn from_dyn_fn(
        name: impl Into<ImmutableString>,
        func: Box<BoxedNativeFn>,
    ) -> Result<Self, Box<EvalAltResult>> {
        Self::from_fn(name, func)
    }

    /// The function name.
    #[must_use]
    pub fn fn_name(&self) -> &str {
        &self.name
    }

    /// The curried arguments.
    #[must_use]
    pub fn curry(&self) -> &[Dynamic] {
        &self.curry
    }

    /// Iterate the curried arguments.
    pub fn iter_curry(&self) -> impl Iterator<Item = &Dynamic> {
        self.curry.iter()
    }

    /// Iterate the curried arguments mutably.
    pub fn iter_curry_mut(&mut self) -> impl Iterator<Item = &mut Dynamic> {
        self.curry.iter_mut()
    }

    /// Add a curried argument.
    pub fn add_curry(&mut self, value: Dynamic) -> &mut Self {
        self.curry.push(value);
        self
    }

    /// Replace the curried arguments.
    pub fn set_curry(&mut self, values: impl IntoIterator<Item = Dynamic>) -> &mut Self {
        self.curry = values.into_iter().collect();
        self
    }

    /// Has it curried arguments?
    #[must_use]
    pub fn is_curried(&self) -> bool {
        !self.curry.is_empty()
    }

    /// The number of curried arguments.
    #[must_use]
    pub fn num_curried(&self) -> usize {
        self.curry.len()
    }

    /// Is it linked to a script function (a closure, or a script function's bare name)?
    pub(crate) fn is_linked(&self) -> bool {
        self.fn_def.is_some() || self.from_bare_name
    }

    /// Does it point to an anonymous function (or closure)?
    #[must_use]
    pub fn is_anonymous(&self) -> bool {
        self.name.starts_with(crate::ast::ANONYMOUS_FN_PREFIX)
    }
}

/// The closure type `FnPtr::from_dyn_fn` takes.
#[cfg(not(feature = "sync"))]
pub type BoxedNativeFn =
    dyn Fn(crate::NativeCallContext<'_>, &mut [&mut Dynamic]) -> crate::RhaiResult;
/// The closure type `FnPtr::from_dyn_fn` takes.
#[cfg(feature = "sync")]
pub type BoxedNativeFn =
    dyn Fn(crate::NativeCallContext<'_>, &mut [&mut Dynamic]) -> crate::RhaiResult + Send + Sync;

impl TryFrom<ImmutableString> for FnPtr {
    type Error = Box<EvalAltResult>;

    fn try_from(name: ImmutableString) -> Result<Self, Self::Error> {
        Self::new(name)
    }
}

/// The functions that the language handles itself: reserved as function pointer names.
const KEYWORD_FUNCTIONS: &[&str] = &[
    "print",
    "debug",
    "type_of",
    "eval",
    "Fn",
    "call",
    "curry",
    "is_def_var",
    "is_def_fn",
    "is_shared",
];

/// Is `name` usable as a function name in `Fn(name)`? A keyword or symbol is reserved
/// (`ErrorParsing`); anything else but an ASCII identifier is not found.
pub(crate) fn check_function_name(name: &str) -> Result<(), Box<EvalAltResult>> {
    use crate::syntax::token::Token;
    let is_symbol = Token::lookup_symbol_from_syntax(name).is_some() && name != "global";
    if is_symbol
        || Token::is_reserved_keyword(name) && name != "global"
        || KEYWORD_FUNCTIONS.contains(&name)
    {
        let err = crate::ParseErrorType::Reserved(name.into());
        return Err(EvalAltResult::ErrorParsing(err, Position::NONE).into());
    }
    // Letters, digits and underscores, with a letter after any leading underscores.
    let valid = name
        .trim_start_matches('_')
        .starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if valid {
        Ok(())
    } else {
        Err(EvalAltResult::ErrorFunctionNotFound(name.into(), Position::NONE).into())
    }
}

/// Curried values can nest without limit (closures capturing closures): they drop through
/// `value::container::drop_values`, which never recurses without bound.
impl Drop for FnPtr {
    fn drop(&mut self) {
        if !self.curry.is_empty() {
            crate::value::container::drop_values(&mut self.curry);
        }
    }
}

impl fmt::Display for FnPtr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fn({})", self.name)
    }
}

/// `Fn("name", curried…)`, `Fn*(…)` when linked to a script function, `Fn#(…)` for a Rust
/// closure.
impl fmt::Debug for FnPtr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::value::fmt::write_fn_ptr(f, self, 0)
    }
}

impl Extend<Dynamic> for FnPtr {
    fn extend<T: IntoIterator<Item = Dynamic>>(&mut self, iter: T) {
        self.curry.extend(iter);
    }
}

impl Index<usize> for FnPtr {
    type Output = Dynamic;
    fn index(&self, index: usize) -> &Dynamic {
        &self.curry[index]
    }
}

impl IndexMut<usize> for FnPtr {
    fn index_mut(&mut self, index: usize) -> &mut Dynamic {
        &mut self.curry[index]
    }
}

impl FnPtr {
    /// Call the function this points to, from the host, with the functions of `ast`.
    pub fn call<T: crate::Variant + Clone>(
        &self,
        engine: &crate::Engine,
        ast: &crate::AST,
        args: impl crate::FuncArgs,
    ) -> Result<T, Box<EvalAltResult>> {
        let mut values: Vec<Dynamic> = Vec::new();
        args.parse(&mut values);
        let result = self.call_with_ast(engine, ast, None, values)?;
        engine.cast_result(result)
    }

    /// Call the function this points to in method style, binding `this`.
    pub fn call_as_method<T: crate::Variant + Clone>(
        &self,
        engine: &crate::Engine,
        ast: &crate::AST,
        this_ptr: &mut Dynamic,
        args: impl crate::FuncArgs,
    ) -> Result<T, Box<EvalAltResult>> {
        let mut values: Vec<Dynamic> = Vec::new();
        args.parse(&mut values);
        let result = self.call_with_ast(engine, ast, Some(this_ptr), values)?;
        engine.cast_result(result)
    }

    fn call_with_ast(
        &self,
        engine: &crate::Engine,
        ast: &crate::AST,
        this: Option<&mut Dynamic>,
        args: Vec<Dynamic>,
    ) -> crate::RhaiResult {
        let lib = core::slice::from_ref(ast.shared_lib());
        let mut interp = crate::eval::Interp::new(engine, lib);
        let mut scope = crate::Scope::new();
        // A script function, even an anonymous one, is looked up in `ast`.
        let mut ptr = self.clone();
        ptr.fn_def = None;
        interp
            .call_fn_ptr(
                &mut scope,
                &ptr,
                args.into_iter().collect(),
                this,
                Position::NONE,
            )
            .map_err(crate::eval::Flow::into_error)
    }

    /// Call the function this points to from inside a native function.
    pub fn call_within_context<T: crate::Variant + Clone>(
        &self,
        context: &crate::NativeCallContext<'_>,
        args: impl crate::FuncArgs,
    ) -> Result<T, Box<EvalAltResult>> {
        let mut values: Vec<Dynamic> = Vec::new();
        args.parse(&mut values);
        let result =
            crate::func::native::FnCaller::new(context).call(self, values, context.position())?;
        context.engine().cast_result(result)
    }

    /// Call the function this points to in method style from inside a native function.
    pub fn call_as_method_within_context<T: crate::Variant + Clone>(
        &self,
        context: &crate::NativeCallContext<'_>,
        this_ptr: &mut Dynamic,
        args: impl crate::FuncArgs,
    ) -> Result<T, Box<EvalAltResult>> {
        let mut values: Vec<Dynamic> = Vec::new();
        args.parse(&mut values);
        let mut caller = crate::func::native::FnCaller::new(context);
        let result = caller.call_with_this(self, this_ptr, values, context.position())?;
        context.engine().cast_result(result)
    }

    /// Call with raw arguments, optionally binding `this`, from inside a native function.
    pub fn call_raw(
        &self,
        context: &crate::NativeCallContext<'_>,
        this_ptr: Option<&mut Dynamic>,
        mut arg_values: impl AsMut<[Dynamic]>,
    ) -> crate::RhaiResult {
        let values: Vec<Dynamic> = arg_values.as_mut().iter_mut().map(Dynamic::take).collect();
        let mut caller = crate::func::native::FnCaller::new(context);
        match this_ptr {
            Some(this) => caller.call_with_this(self, this, values, context.position()),
            None => caller.call(self, values, context.position()),
        }
    }

    /// Alias of `call_raw`.
    pub fn call_dynamic(
        &self,
        context: &crate::NativeCallContext<'_>,
        this_ptr: Option<&mut Dynamic>,
        arg_values: impl AsMut<[Dynamic]>,
    ) -> crate::RhaiResult {
        self.call_raw(context, this_ptr, arg_values)
    }
}
