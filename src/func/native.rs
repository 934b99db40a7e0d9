//! Native (Rust) functions as the engine stores them: `RhaiFunc`, the calling convention
//! (`&mut [&mut Dynamic]`), and `NativeCallContext`, the window a native function gets into the
//! running engine.

use crate::ast::ScriptFuncDef;
use crate::config::{SendSync, Shared};
use crate::eval::GlobalRuntimeState;
use crate::module::Module;
use crate::{Dynamic, Engine, EvalAltResult, ImmutableString, Position};
use core::fmt;

/// The result of calling a function.
pub type RhaiResult = Result<Dynamic, Box<EvalAltResult>>;

/// The arguments of a native call: the first may be the object of a method call.
pub type FnCallArgs<'a> = [&'a mut Dynamic];

/// A native function: `(context, arguments) -> result`.
#[cfg(not(feature = "sync"))]
pub type FnAny = dyn Fn(Option<NativeCallContext<'_>>, &mut FnCallArgs<'_>) -> RhaiResult;
/// A native function: `(context, arguments) -> result`.
#[cfg(feature = "sync")]
pub type FnAny =
    dyn Fn(Option<NativeCallContext<'_>>, &mut FnCallArgs<'_>) -> RhaiResult + Send + Sync;

/// An iterator factory for a type usable in `for`.
#[cfg(not(feature = "sync"))]
pub type FnIterator = dyn Fn(Dynamic) -> Box<dyn Iterator<Item = RhaiResult>>;
/// An iterator factory for a type usable in `for`.
#[cfg(feature = "sync")]
pub type FnIterator = dyn Fn(Dynamic) -> Box<dyn Iterator<Item = RhaiResult>> + Send + Sync;

/// A trait implemented by plugin functions.
pub trait PluginFunc: SendSync {
    /// Call the function.
    fn call(&self, context: Option<NativeCallContext<'_>>, args: &mut FnCallArgs<'_>)
        -> RhaiResult;
    /// Is it a method (first argument by `&mut`)?
    fn is_method_call(&self) -> bool;
    /// Does it take a `NativeCallContext`?
    fn has_context(&self) -> bool;
    /// Is it pure (does not change its first argument)?
    fn is_pure(&self) -> bool {
        true
    }
    /// Is it volatile (must not be evaluated at compile time)?
    fn is_volatile(&self) -> bool {
        false
    }
}

/// A function as stored in a `Module`.
#[derive(Clone)]
#[non_exhaustive]
pub enum RhaiFunc {
    /// A native function taking all arguments by value.
    Pure {
        /// The function.
        func: Shared<FnAny>,
        /// Does it need a `NativeCallContext`?
        has_context: bool,
        /// Does it leave its arguments unchanged?
        is_pure: bool,
        /// Must it not be evaluated at compile time?
        is_volatile: bool,
    },
    /// A native function taking its first argument by `&mut` (a method).
    Method {
        /// The function.
        func: Shared<FnAny>,
        /// Does it need a `NativeCallContext`?
        has_context: bool,
        /// Does it leave its first argument unchanged?
        is_pure: bool,
        /// Must it not be evaluated at compile time?
        is_volatile: bool,
    },
    /// An iterator factory.
    Iterator {
        /// The factory.
        func: Shared<FnIterator>,
    },
    /// A plugin function.
    Plugin {
        /// The function.
        func: Shared<dyn PluginFunc>,
    },
    /// A script-defined function.
    Script {
        /// The definition.
        fn_def: Shared<ScriptFuncDef>,
        /// The environment it runs in, for a function of a module made from a script.
        env: Option<Shared<crate::module::EncapsulatedEnviron>>,
    },
}

impl RhaiFunc {
    /// Is it pure?
    #[must_use]
    pub fn is_pure(&self) -> bool {
        match self {
            Self::Pure { is_pure, .. } | Self::Method { is_pure, .. } => *is_pure,
            Self::Plugin { func } => func.is_pure(),
            Self::Iterator { .. } | Self::Script { .. } => true,
        }
    }
    /// Is it a method (first argument by `&mut`)?
    #[must_use]
    pub fn is_method(&self) -> bool {
        match self {
            Self::Method { .. } => true,
            Self::Plugin { func } => func.is_method_call(),
            _ => false,
        }
    }
    /// Is it an iterator factory?
    #[must_use]
    pub const fn is_iter(&self) -> bool {
        matches!(self, Self::Iterator { .. })
    }
    /// Is it a script function?
    #[must_use]
    pub const fn is_script(&self) -> bool {
        matches!(self, Self::Script { .. })
    }
    /// Is it a plugin function?
    #[must_use]
    pub const fn is_plugin_fn(&self) -> bool {
        matches!(self, Self::Plugin { .. })
    }
    /// Is it a native function?
    #[must_use]
    pub const fn is_native(&self) -> bool {
        !self.is_script()
    }
    /// Does it take a `NativeCallContext`?
    #[must_use]
    pub fn has_context(&self) -> bool {
        match self {
            Self::Pure { has_context, .. } | Self::Method { has_context, .. } => *has_context,
            Self::Plugin { func } => func.has_context(),
            _ => false,
        }
    }
    /// Is it volatile?
    #[must_use]
    pub fn is_volatile(&self) -> bool {
        match self {
            Self::Pure { is_volatile, .. } | Self::Method { is_volatile, .. } => *is_volatile,
            Self::Plugin { func } => func.is_volatile(),
            _ => false,
        }
    }
    /// The access mode: script functions may be private.
    #[must_use]
    pub fn access(&self) -> crate::FnAccess {
        match self {
            Self::Script { fn_def, .. } => fn_def.access,
            _ => crate::FnAccess::Public,
        }
    }
    /// The native function, if it is one.
    #[must_use]
    pub fn get_native_fn(&self) -> Option<&Shared<FnAny>> {
        match self {
            Self::Pure { func, .. } | Self::Method { func, .. } => Some(func),
            _ => None,
        }
    }
    /// The script definition, if it is one.
    #[must_use]
    pub const fn get_script_fn_def(&self) -> Option<&Shared<ScriptFuncDef>> {
        match self {
            Self::Script { fn_def, .. } => Some(fn_def),
            _ => None,
        }
    }
    /// The iterator factory, if it is one.
    #[must_use]
    pub fn get_iter_fn(&self) -> Option<&FnIterator> {
        match self {
            Self::Iterator { func } => Some(&**func),
            _ => None,
        }
    }
    /// The plugin function, if it is one.
    #[must_use]
    pub fn get_plugin_fn(&self) -> Option<&dyn PluginFunc> {
        match self {
            Self::Plugin { func } => Some(&**func),
            _ => None,
        }
    }
}

impl fmt::Debug for RhaiFunc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Pure { .. } => f.write_str("NativePureFunction"),
            Self::Method { .. } => f.write_str("NativeMethod"),
            Self::Iterator { .. } => f.write_str("NativeIterator"),
            Self::Plugin { .. } => f.write_str("PluginFunction"),
            Self::Script { fn_def, .. } => write!(f, "{fn_def:?}"),
        }
    }
}

/// Like `Debug`, but a script function shows its signature only.
impl fmt::Display for RhaiFunc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Script { fn_def, .. } => fmt::Display::fmt(fn_def, f),
            _ => fmt::Debug::fmt(self, f),
        }
    }
}

impl From<Shared<ScriptFuncDef>> for RhaiFunc {
    fn from(fn_def: Shared<ScriptFuncDef>) -> Self {
        Self::Script { fn_def, env: None }
    }
}

/// What a native function sees of the engine that calls it. (Deliberately not `Clone`: that
/// keeps it from being mistaken for a by-value parameter when registering functions.)
pub struct NativeCallContext<'a> {
    pub(crate) engine: &'a Engine,
    pub(crate) fn_name: &'a str,
    pub(crate) source: Option<&'a str>,
    pub(crate) global: Option<&'a GlobalRuntimeState>,
    pub(crate) lib: &'a [Shared<Module>],
    pub(crate) pos: Position,
}

impl fmt::Debug for NativeCallContext<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NativeCallContext")
            .field("fn_name", &self.fn_name)
            .field("source", &self.source)
            .field("pos", &self.pos)
            .finish()
    }
}

impl<'a> NativeCallContext<'a> {
    /// A context for calling functions of `lib` outside of any script run.
    #[must_use]
    pub fn new(engine: &'a Engine, fn_name: &'a str, lib: &'a [Shared<Module>]) -> Self {
        Self {
            engine,
            fn_name,
            source: None,
            global: None,
            lib,
            pos: Position::NONE,
        }
    }

    /// The engine.
    #[must_use]
    pub const fn engine(&self) -> &'a Engine {
        self.engine
    }
    /// The name of the function called.
    #[must_use]
    pub const fn fn_name(&self) -> &str {
        self.fn_name
    }
    /// The source of the function (see `fn_source`).
    #[must_use]
    pub const fn source(&self) -> Option<&str> {
        self.source
    }
    /// The source of the function: the id of its module (none for a function registered
    /// with the engine).
    #[must_use]
    pub const fn fn_source(&self) -> Option<&str> {
        self.source
    }
    /// The source of the call site: the running script's.
    #[must_use]
    pub fn call_source(&self) -> Option<&str> {
        self.global.and_then(|g| g.source.as_deref())
    }
    /// The position of the call.
    #[must_use]
    pub const fn position(&self) -> Position {
        self.pos
    }
    /// The position of the call.
    #[must_use]
    pub const fn call_position(&self) -> Position {
        self.pos
    }
    /// The current call depth.
    #[must_use]
    pub fn call_level(&self) -> usize {
        // The native call is itself one level deeper than its caller.
        self.global.map_or(0, |g| g.level + 1)
    }
    /// The custom state of this run (`Engine::set_default_tag`, `CallFnOptions::with_tag`).
    #[must_use]
    pub fn tag(&self) -> Option<&Dynamic> {
        self.global.map(|g| &g.tag)
    }
    /// The function libraries in scope (the running script's functions).
    pub fn iter_namespaces(&self) -> impl Iterator<Item = &Module> {
        self.lib.iter().map(|m| &**m)
    }
    /// The modules imported with an alias where the call happens, latest first.
    pub fn iter_imports(&self) -> impl Iterator<Item = (&str, &Module)> {
        self.global
            .into_iter()
            .flat_map(|g| g.imports.iter().rev())
            .filter(|(alias, _)| !alias.is_empty())
            .map(|(alias, module)| (alias.as_str(), &**module))
    }
}

/// A context from its parts: engine, function name, source, runtime state and position (no
/// script functions in scope).
impl<'a>
    From<(
        &'a Engine,
        &'a str,
        Option<&'a str>,
        &'a GlobalRuntimeState,
        Position,
    )> for NativeCallContext<'a>
{
    fn from(
        (engine, fn_name, source, global, pos): (
            &'a Engine,
            &'a str,
            Option<&'a str>,
            &'a GlobalRuntimeState,
            Position,
        ),
    ) -> Self {
        Self {
            engine,
            fn_name,
            source,
            global: Some(global),
            lib: &[],
            pos,
        }
    }
}

/// Calls function pointers from inside a native function, reusing one evaluation state and
/// one stack for all the calls it makes (`map`, `filter`, `sort` with a comparer…).
pub(crate) struct FnCaller<'a> {
    interp: crate::eval::Interp<'a>,
    scope: crate::Scope<'static>,
}

impl<'a> FnCaller<'a> {
    /// A caller for the script (libraries, call depth) of `ctx`.
    pub(crate) fn new(ctx: &NativeCallContext<'a>) -> Self {
        let mut interp = crate::eval::Interp::new(ctx.engine, ctx.lib);
        if let Some(global) = ctx.global {
            interp.global.level = global.level;
            interp.global.source = global.source.clone();
            interp.global.tag = global.tag.clone();
            interp.global.imports = global.imports.clone();
            interp.global.num_operations = global.num_operations;
            interp.global.stack = global.stack;
        }
        Self {
            interp,
            scope: crate::Scope::new(),
        }
    }

    /// Call `ptr` with `args` (after its curried arguments).
    pub(crate) fn call(
        &mut self,
        ptr: &crate::FnPtr,
        args: impl IntoIterator<Item = Dynamic>,
        pos: Position,
    ) -> RhaiResult {
        let args: crate::func::call::ArgVec = args.into_iter().collect();
        self.interp
            .call_fn_ptr(&mut self.scope, ptr, args, None, pos)
            .map_err(crate::eval::Flow::into_error)
    }

    /// The text of a value as `print` shows it (custom types through their `to_string`).
    pub(crate) fn display(
        &mut self,
        value: Dynamic,
        pos: Position,
    ) -> Result<ImmutableString, Box<EvalAltResult>> {
        self.interp
            .display_string(value, pos)
            .map_err(crate::eval::Flow::into_error)
    }

    /// The text of a value as `debug` shows it (custom types through their `to_debug`).
    pub(crate) fn debug(
        &mut self,
        value: Dynamic,
        pos: Position,
    ) -> Result<ImmutableString, Box<EvalAltResult>> {
        self.interp
            .debug_string(value, pos)
            .map_err(crate::eval::Flow::into_error)
    }

    /// Call `ptr` as a method on `this`.
    pub(crate) fn call_with_this(
        &mut self,
        ptr: &crate::FnPtr,
        this: &mut Dynamic,
        args: impl IntoIterator<Item = Dynamic>,
        pos: Position,
    ) -> RhaiResult {
        let args: crate::func::call::ArgVec = args.into_iter().collect();
        self.interp
            .call_fn_ptr(&mut self.scope, ptr, args, Some(this), pos)
            .map_err(crate::eval::Flow::into_error)
    }

    /// Call a native function by name on arguments that it may change (methods).
    pub(crate) fn call_native_in_place(
        &mut self,
        name: &str,
        args: &mut [Dynamic],
        pos: Position,
    ) -> RhaiResult {
        let hash = crate::func::hashing::calc_fn_hash(None, name, args.len());
        match self.interp.try_call_native_hashed(name, hash, args, pos) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => {
                let refs: Vec<&Dynamic> = args.iter().collect();
                Err(self.interp.fn_not_found(name, &refs, pos).into_error())
            }
            Err(flow) => Err(flow.into_error()),
        }
    }

    /// Call a native function by name.
    pub(crate) fn call_native_by_name(
        &mut self,
        name: &str,
        args: Vec<Dynamic>,
        pos: Position,
    ) -> RhaiResult {
        let mut args: crate::func::call::ArgVec = args.into_iter().collect();
        let hash = crate::func::hashing::calc_fn_hash(None, name, args.len());
        self.interp
            .call_native_by_hash(name, hash, &mut args, pos)
            .map_err(crate::eval::Flow::into_error)
    }

    /// Call a function by name (script functions of the running script, then natives).
    pub(crate) fn call_by_name(
        &mut self,
        name: &str,
        args: impl IntoIterator<Item = Dynamic>,
        pos: Position,
    ) -> RhaiResult {
        let ptr = crate::FnPtr::new_unchecked(name.into());
        self.call(&ptr, args, pos)
    }
}

impl NativeCallContext<'_> {
    /// Call a function (script functions of the running script first, then natives).
    pub fn call_fn<T: crate::Variant + Clone>(
        &self,
        fn_name: impl AsRef<str>,
        args: impl crate::FuncArgs,
    ) -> Result<T, Box<crate::EvalAltResult>> {
        let mut values: Vec<Dynamic> = Vec::new();
        args.parse(&mut values);
        let result = FnCaller::new(self).call_by_name(fn_name.as_ref(), values, self.pos)?;
        self.engine.cast_result(result)
    }

    /// Call a function in method style, binding `this`.
    pub fn call_method<T: crate::Variant + Clone>(
        &self,
        fn_name: impl AsRef<str>,
        this_ptr: &mut Dynamic,
        args: impl crate::FuncArgs,
    ) -> Result<T, Box<crate::EvalAltResult>> {
        let mut values: Vec<Dynamic> = Vec::new();
        args.parse(&mut values);
        let ptr = crate::FnPtr::new_unchecked(fn_name.as_ref().into());
        let result = FnCaller::new(self).call_with_this(&ptr, this_ptr, values, self.pos)?;
        self.engine.cast_result(result)
    }

    /// Call a native function only.
    pub fn call_native_fn<T: crate::Variant + Clone>(
        &self,
        fn_name: impl AsRef<str>,
        args: impl crate::FuncArgs,
    ) -> Result<T, Box<crate::EvalAltResult>> {
        let mut values: Vec<Dynamic> = Vec::new();
        args.parse(&mut values);
        let result = FnCaller::new(self).call_native_by_name(fn_name.as_ref(), values, self.pos)?;
        self.engine.cast_result(result)
    }

    /// Call a native function only, in method style.
    pub fn call_native_method<T: crate::Variant + Clone>(
        &self,
        fn_name: impl AsRef<str>,
        object: &mut Dynamic,
        args: impl crate::FuncArgs,
    ) -> Result<T, Box<crate::EvalAltResult>> {
        let mut values: Vec<Dynamic> = vec![object.take()];
        args.parse(&mut values);
        let result =
            FnCaller::new(self).call_native_in_place(fn_name.as_ref(), &mut values, self.pos);
        *object = values[0].take();
        self.engine.cast_result(result?)
    }

    /// Call a function with raw arguments (`is_method_call`: the first is `this`).
    pub fn call_fn_raw(
        &self,
        fn_name: impl AsRef<str>,
        _is_ref_mut: bool,
        is_method_call: bool,
        args: &mut [&mut Dynamic],
    ) -> RhaiResult {
        let mut caller = FnCaller::new(self);
        let ptr = crate::FnPtr::new_unchecked(fn_name.as_ref().into());
        match args.split_first_mut() {
            Some((this, rest)) if is_method_call => {
                let rest: Vec<Dynamic> = rest.iter_mut().map(|a| a.clone()).collect();
                caller.call_with_this(&ptr, this, rest, self.pos)
            }
            _ => caller.call(
                &ptr,
                args.iter().map(|a| (**a).clone()).collect::<Vec<_>>(),
                self.pos,
            ),
        }
    }

    /// Call a function with raw arguments.
    pub fn call_fn_dynamic_raw(
        &self,
        fn_name: impl AsRef<str>,
        is_method_call: bool,
        args: &mut [&mut Dynamic],
    ) -> RhaiResult {
        self.call_fn_raw(fn_name, false, is_method_call, args)
    }

    /// Call a native function with raw arguments.
    pub fn call_native_fn_raw(
        &self,
        fn_name: impl AsRef<str>,
        _is_ref_mut: bool,
        args: &mut [&mut Dynamic],
    ) -> RhaiResult {
        let values: Vec<Dynamic> = args.iter().map(|a| (**a).clone()).collect();
        FnCaller::new(self).call_native_by_name(fn_name.as_ref(), values, self.pos)
    }
}
