//! Language options: what the parser accepts, and how operators and maps behave.

use crate::engine::LangOptions;
use crate::{Dynamic, Engine, OptimizationLevel};

macro_rules! option_accessors {
    ($($get:ident, $set:ident, $flag:ident, $doc:literal;)*) => {
        impl Engine {
            $(
                #[doc = concat!("Is ", $doc, " allowed/enabled?")]
                #[must_use]
                pub const fn $get(&self) -> bool {
                    self.options.contains(LangOptions::$flag)
                }
                #[doc = concat!("Allow/enable ", $doc, ".")]
                pub fn $set(&mut self, enable: bool) -> &mut Self {
                    self.options.set(LangOptions::$flag, enable);
                    self
                }
            )*
        }
    };
}

option_accessors! {
    allow_if_expression, set_allow_if_expression, IF_EXPR, "`if` as an expression";
    allow_switch_expression, set_allow_switch_expression, SWITCH_EXPR, "`switch` as an expression";
    allow_loop_expressions, set_allow_loop_expressions, LOOP_EXPR, "loops as expressions";
    allow_statement_expression, set_allow_statement_expression, STMT_EXPR, "statement blocks as expressions";
    allow_anonymous_fn, set_allow_anonymous_fn, ANON_FN, "anonymous functions";
    allow_looping, set_allow_looping, LOOPING, "looping";
    allow_shadowing, set_allow_shadowing, SHADOWING, "variable shadowing";
    strict_variables, set_strict_variables, STRICT_VAR, "strict variables mode";
    fail_on_invalid_map_property, set_fail_on_invalid_map_property, FAIL_ON_INVALID_MAP_PROPERTY, "an error on reading a missing map property";
    fast_operators, set_fast_operators, FAST_OPS, "Fast Operators mode (built-in operators ignore overloads)";
}

impl Engine {
    /// Set the optimization level.
    pub fn set_optimization_level(&mut self, optimization_level: OptimizationLevel) -> &mut Self {
        self.optimization_level = optimization_level;
        self
    }

    /// The optimization level.
    #[must_use]
    pub const fn optimization_level(&self) -> OptimizationLevel {
        self.optimization_level
    }

    /// The default tag (custom state) of each run.
    #[must_use]
    pub const fn default_tag(&self) -> &Dynamic {
        &self.def_tag
    }

    /// The default tag, mutably.
    pub fn default_tag_mut(&mut self) -> &mut Dynamic {
        &mut self.def_tag
    }

    /// Set the default tag of each run.
    pub fn set_default_tag(&mut self, value: impl Into<Dynamic>) -> &mut Self {
        self.def_tag = value.into();
        self
    }

    /// Disable a keyword or operator.
    pub fn disable_symbol(
        &mut self,
        symbol: impl Into<crate::value::string::SmartString>,
    ) -> &mut Self {
        self.disabled_symbols.insert(symbol.into());
        self
    }

    /// Set the maximum number of strings interned.
    pub fn set_max_strings_interned(&mut self, max: usize) -> &mut Self {
        self.max_strings_interned = max;
        self
    }

    /// The maximum number of strings interned.
    #[must_use]
    pub fn max_strings_interned(&self) -> usize {
        self.max_strings_interned
    }

    /// Set the module resolver used by `import`.
    pub fn set_module_resolver(
        &mut self,
        resolver: impl crate::module::ModuleResolver + 'static,
    ) -> &mut Self {
        self.module_resolver = Some(Box::new(resolver));
        self
    }

    /// Register a module whose functions become globally visible.
    pub fn register_global_module(
        &mut self,
        module: crate::config::Shared<crate::module::Module>,
    ) -> &mut Self {
        self.global_modules.push(module);
        self
    }

    /// Register a module under a namespace: `name::f(…)`. A path `a::b` registers it as the
    /// sub-module `b` of the static module `a` (created empty when missing).
    pub fn register_static_module(
        &mut self,
        name: impl AsRef<str>,
        module: crate::config::Shared<crate::module::Module>,
    ) -> &mut Self {
        insert_module_at(&mut self.global_sub_modules, name.as_ref(), module);
        self
    }
}

/// Put `module` at the `::`-separated `path` inside a tree of modules.
fn insert_module_at(
    modules: &mut std::collections::BTreeMap<crate::Identifier, crate::Shared<crate::Module>>,
    path: &str,
    module: crate::Shared<crate::Module>,
) {
    match path.split_once("::") {
        None => {
            modules.insert(path.trim().into(), module);
        }
        Some((first, rest)) => {
            let parent = modules
                .entry(first.trim().into())
                .or_insert_with(|| crate::Module::new().into());
            insert_module_at(&mut crate::Shared::make_mut(parent).modules, rest, module);
        }
    }
}

impl Engine {
    /// Make `keyword` a binary operator of the given precedence (not zero): `a keyword b`
    /// calls the function named `keyword` with `a` and `b`. The keyword must be an identifier
    /// or a reserved symbol, not a built-in keyword or operator (unless it is disabled).
    pub fn register_custom_operator(
        &mut self,
        keyword: impl AsRef<str>,
        precedence: u8,
    ) -> Result<&mut Self, String> {
        let keyword = keyword.as_ref();
        if precedence == 0 {
            return Err(format!(
                "custom operator '{keyword}' cannot have zero precedence"
            ));
        }
        let is_identifier = keyword
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && keyword
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_');
        let builtin = crate::syntax::token::Token::lookup_symbol_from_syntax(keyword).is_some();
        if builtin && !self.is_symbol_disabled(keyword) {
            return Err(format!("'{keyword}' is a built-in keyword or operator"));
        }
        let reserved = crate::syntax::token::Token::is_reserved_keyword(keyword);
        if !is_identifier && !reserved && !builtin {
            return Err(format!("'{keyword}' is not a valid custom operator"));
        }
        self.custom_operators.insert(keyword.into(), precedence);
        Ok(self)
    }
}
