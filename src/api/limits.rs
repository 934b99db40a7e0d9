//! Safety limits: operations, call depth, expression depth, data sizes.

use crate::Engine;

impl Engine {
    /// Set the maximum depth of nested function calls (default 64; 0 = no calls).
    pub fn set_max_call_levels(&mut self, levels: usize) -> &mut Self {
        self.limits.max_call_stack_depth = levels;
        self
    }
    /// The maximum depth of nested function calls.
    #[must_use]
    pub const fn max_call_levels(&self) -> usize {
        self.limits.max_call_stack_depth
    }
    /// Set the maximum number of operations (0 = unlimited).
    pub fn set_max_operations(&mut self, operations: u64) -> &mut Self {
        self.limits.max_operations = operations;
        self
    }
    /// The maximum number of operations.
    #[must_use]
    pub const fn max_operations(&self) -> u64 {
        self.limits.max_operations
    }
    /// Set the maximum number of variables a scope may hold (0 = none; default unlimited).
    pub fn set_max_variables(&mut self, variables: usize) -> &mut Self {
        self.limits.max_variables = variables;
        self
    }
    /// The maximum number of variables.
    #[must_use]
    pub const fn max_variables(&self) -> usize {
        self.limits.max_variables
    }
    /// Set the maximum number of functions a script may define (0 = none; default unlimited).
    pub fn set_max_functions(&mut self, functions: usize) -> &mut Self {
        self.limits.max_functions = functions;
        self
    }
    /// The maximum number of functions.
    #[must_use]
    pub const fn max_functions(&self) -> usize {
        self.limits.max_functions
    }
    /// Set the maximum number of modules a script may import (0 = none; default unlimited).
    pub fn set_max_modules(&mut self, modules: usize) -> &mut Self {
        self.limits.max_modules = modules;
        self
    }
    /// The maximum number of modules.
    #[must_use]
    pub const fn max_modules(&self) -> usize {
        self.limits.max_modules
    }
    /// Set the maximum expression nesting depths (global, inside functions; 0 = unlimited).
    pub fn set_max_expr_depths(
        &mut self,
        max_expr_depth: usize,
        max_function_expr_depth: usize,
    ) -> &mut Self {
        self.limits.max_expr_depth = max_expr_depth;
        self.limits.max_function_expr_depth = max_function_expr_depth;
        self
    }
    /// The maximum expression depth at global level.
    #[must_use]
    pub const fn max_expr_depth(&self) -> usize {
        self.limits.max_expr_depth
    }
    /// The maximum expression depth inside functions.
    #[must_use]
    pub const fn max_function_expr_depth(&self) -> usize {
        self.limits.max_function_expr_depth
    }
    /// Set the maximum length of strings (0 = unlimited).
    pub fn set_max_string_size(&mut self, max_len: usize) -> &mut Self {
        self.limits.max_string_len = max_len;
        self
    }
    /// The maximum length of strings.
    #[must_use]
    pub const fn max_string_size(&self) -> usize {
        self.limits.max_string_len
    }
    /// Set the maximum size of arrays (0 = unlimited).
    pub fn set_max_array_size(&mut self, max_size: usize) -> &mut Self {
        self.limits.max_array_size = max_size;
        self
    }
    /// The maximum size of arrays.
    #[must_use]
    pub const fn max_array_size(&self) -> usize {
        self.limits.max_array_size
    }
    /// Set the maximum size of object maps (0 = unlimited).
    pub fn set_max_map_size(&mut self, max_size: usize) -> &mut Self {
        self.limits.max_map_size = max_size;
        self
    }
    /// The maximum size of object maps.
    #[must_use]
    pub const fn max_map_size(&self) -> usize {
        self.limits.max_map_size
    }
}
