//! `Engine`: the registered functions and modules, the language options, the limits and the
//! host callbacks. No evaluation code lives here (see `eval/`), and no public verbs (`api/`).

use crate::config::Shared;
use crate::module::Module;
use crate::value::string::Identifier;
use crate::{Dynamic, Position};
use std::collections::{BTreeMap, BTreeSet};

/// The `print` callback.
#[cfg(not(feature = "sync"))]
pub(crate) type OnPrintCallback = dyn Fn(&str);
/// The `debug` callback.
#[cfg(not(feature = "sync"))]
pub(crate) type OnDebugCallback = dyn Fn(&str, Option<&str>, Position);
/// The progress callback.
#[cfg(not(feature = "sync"))]
pub(crate) type OnProgressCallback = dyn Fn(u64) -> Option<Dynamic>;
/// The `print` callback.
#[cfg(feature = "sync")]
pub(crate) type OnPrintCallback = dyn Fn(&str) + Send + Sync;
/// The `debug` callback.
#[cfg(feature = "sync")]
pub(crate) type OnDebugCallback = dyn Fn(&str, Option<&str>, Position) + Send + Sync;
/// The progress callback.
#[cfg(feature = "sync")]
pub(crate) type OnProgressCallback = dyn Fn(u64) -> Option<Dynamic> + Send + Sync;

bitflags::bitflags! {
    /// Language options checked at compile time.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub(crate) struct LangOptions: u16 {
        /// `if` as an expression.
        const IF_EXPR = 1 << 0;
        /// `switch` as an expression.
        const SWITCH_EXPR = 1 << 1;
        /// Loops as expressions.
        const LOOP_EXPR = 1 << 2;
        /// Statement blocks as expressions.
        const STMT_EXPR = 1 << 3;
        /// Anonymous functions.
        const ANON_FN = 1 << 4;
        /// Looping at all.
        const LOOPING = 1 << 5;
        /// Variable shadowing.
        const SHADOWING = 1 << 6;
        /// Strict variables mode.
        const STRICT_VAR = 1 << 7;
        /// Reading a missing map property is an error.
        const FAIL_ON_INVALID_MAP_PROPERTY = 1 << 8;
        /// Built-in operators on built-in types ignore overloads.
        const FAST_OPS = 1 << 9;
    }
}

impl LangOptions {
    /// The defaults: everything allowed, strict mode off, fast operators on.
    pub(crate) const fn defaults() -> Self {
        Self::from_bits_truncate(
            Self::IF_EXPR.bits()
                | Self::SWITCH_EXPR.bits()
                | Self::LOOP_EXPR.bits()
                | Self::STMT_EXPR.bits()
                | Self::ANON_FN.bits()
                | Self::LOOPING.bits()
                | Self::SHADOWING.bits()
                | Self::FAST_OPS.bits(),
        )
    }
}

/// Safety limits. Zero means unlimited for operations, depths and sizes, but *none allowed* for
/// variables, functions, modules and call levels (as the book specifies); those default to
/// unlimited (`usize::MAX`), except call levels (64).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Limits {
    pub max_call_stack_depth: usize,
    pub max_expr_depth: usize,
    pub max_function_expr_depth: usize,
    pub max_operations: u64,
    pub max_variables: usize,
    pub max_functions: usize,
    pub max_modules: usize,
    pub max_string_len: usize,
    pub max_array_size: usize,
    pub max_map_size: usize,
}

impl Limits {
    pub(crate) const fn defaults() -> Self {
        Self {
            max_call_stack_depth: crate::config::DEFAULT_MAX_CALL_LEVELS,
            max_expr_depth: crate::config::DEFAULT_MAX_EXPR_DEPTH,
            max_function_expr_depth: crate::config::DEFAULT_MAX_FUNCTION_EXPR_DEPTH,
            max_operations: 0,
            max_variables: usize::MAX,
            max_functions: usize::MAX,
            max_modules: usize::MAX,
            max_string_len: 0,
            max_array_size: 0,
            max_map_size: 0,
        }
    }
}

/// The scripting engine.
pub struct Engine {
    /// Modules whose functions are visible everywhere; later ones win. The first, when
    /// present, is the engine's own module for `register_fn` and friends.
    pub(crate) global_modules: Vec<Shared<Module>>,
    /// Does `global_modules[0]` belong to the engine (created by a `register_*` call)?
    pub(crate) has_own_module: bool,
    /// Modules registered with `register_static_module`, by namespace.
    pub(crate) global_sub_modules: BTreeMap<Identifier, Shared<Module>>,
    /// The module resolver for `import`.
    pub(crate) module_resolver: Option<Box<dyn crate::module::ModuleResolver>>,
    /// Display names of custom types, by Rust type name.
    pub(crate) custom_type_names: BTreeMap<Identifier, Identifier>,
    /// Disabled keywords and operators.
    pub(crate) disabled_symbols: BTreeSet<Identifier>,
    /// Custom operators with their precedence.
    pub(crate) custom_operators: BTreeMap<Identifier, u8>,
    pub(crate) print: Option<Box<OnPrintCallback>>,
    pub(crate) debug: Option<Box<OnDebugCallback>>,
    pub(crate) progress: Option<Box<OnProgressCallback>>,
    pub(crate) options: LangOptions,
    pub(crate) limits: Limits,
    pub(crate) optimization_level: crate::OptimizationLevel,
    pub(crate) def_tag: Dynamic,
    pub(crate) max_strings_interned: usize,
}

impl core::fmt::Debug for Engine {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Engine")
            .field("global_modules", &self.global_modules.len())
            .field("global_sub_modules", &self.global_sub_modules.keys())
            .field("options", &self.options)
            .field("limits", &self.limits)
            .finish()
    }
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

impl Engine {
    /// A raw engine: built-in operators only, no packages, no module resolver, no output for
    /// `print`/`debug`.
    pub const RAW: Self = Self::new_raw();

    /// A raw engine: built-in operators only, no packages, no module resolver, no output for
    /// `print`/`debug`.
    #[must_use]
    pub const fn new_raw() -> Self {
        Self {
            global_modules: Vec::new(),
            has_own_module: false,
            global_sub_modules: BTreeMap::new(),
            module_resolver: None,
            custom_type_names: BTreeMap::new(),
            disabled_symbols: BTreeSet::new(),
            custom_operators: BTreeMap::new(),
            print: None,
            debug: None,
            progress: None,
            options: LangOptions::defaults(),
            limits: Limits::defaults(),
            optimization_level: crate::OptimizationLevel::Simple,
            def_tag: Dynamic::UNIT,
            max_strings_interned: 0,
        }
    }

    /// A new engine with the standard library, the file module resolver, and `print`/`debug`
    /// writing to standard output.
    #[must_use]
    pub fn new() -> Self {
        let mut engine = Self::new_raw();
        engine.max_strings_interned = crate::config::DEFAULT_MAX_STRINGS_INTERNED;
        engine.module_resolver =
            Some(Box::new(crate::module::resolvers::FileModuleResolver::new()));
        engine.on_print(|s| println!("{s}"));
        engine.on_debug(|s, source, pos| match (source, pos.is_none()) {
            (Some(source), true) => println!("{source} | {s}"),
            (Some(source), false) => println!("{source} @ {pos:?} | {s}"),
            (None, true) => println!("{s}"),
            (None, false) => println!("{pos:?} | {s}"),
        });
        engine.register_global_module(crate::packages::standard_package_module());
        engine
    }

    /// The engine's own module, created on first use, for registering functions.
    pub(crate) fn own_module(&mut self) -> &mut Module {
        if !self.has_own_module {
            self.global_modules.insert(0, Shared::new(Module::new()));
            self.has_own_module = true;
        }
        Shared::make_mut(&mut self.global_modules[0])
    }

    /// The script name of a type: a registered display name, or the standard script name.
    #[must_use]
    pub fn map_type_name<'a>(&'a self, name: &'a str) -> &'a str {
        if let Some(display) = self.custom_type_names.get(name) {
            return display;
        }
        for m in &self.global_modules {
            if let Some(display) = m.get_custom_type_display_by_name(name) {
                return display;
            }
        }
        crate::value::fmt::map_std_type_name(name)
    }

    /// Is a symbol (keyword or operator) disabled?
    #[must_use]
    pub fn is_symbol_disabled(&self, symbol: &str) -> bool {
        self.disabled_symbols.contains(symbol)
    }
}
