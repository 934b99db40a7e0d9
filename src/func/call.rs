//! Calling functions: resolution by hash (script functions of the running `AST` first, then
//! native functions by argument types, with a per-run cache), argument passing, script
//! function frames, method calls, operators and function pointers.

use crate::ast::{BinaryOp, Expr, FnCallExpr, ScriptFuncDef};
use crate::config::Shared;
use crate::eval::expr::{readable, IntoFlow};
use crate::eval::{EResult, Flow, Interp, ResolvedFn};
use crate::func::builtin;
use crate::func::fn_ptr::FnPtr;
use crate::func::hashing::{calc_fn_hash, calc_types_hash};
use crate::func::native::{NativeCallContext, RhaiFunc};
use crate::module::EncapsulatedEnviron;
use crate::value::dynamic::{AccessMode, Union};
use crate::{Dynamic, EvalAltResult, ImmutableString, Position, Scope};
use core::any::TypeId;
use smallvec::SmallVec;

/// Evaluated arguments of a call.
pub(crate) type ArgVec = SmallVec<[Dynamic; 8]>;

/// At most this many parameters are tried as `Dynamic` when matching natives.
const MAX_DYNAMIC_PARAMS: usize = 16;

impl<'a> Interp<'a> {
    /// Evaluate a call expression.
    pub(crate) fn eval_fn_call(
        &mut self,
        scope: &mut Scope,
        call: &FnCallExpr,
        pos: Position,
    ) -> EResult {
        if let (Some(op), [lhs, rhs]) = (call.op, &*call.args) {
            if self.fast_ops {
                if let (Some(a), Some(b)) = (self.peek_prim(scope, lhs), self.peek_prim(scope, rhs))
                {
                    if let Some(v) = builtin::prim_op(op, a, b) {
                        return Ok(v);
                    }
                }
            }
            let a = self.eval_expr(scope, lhs)?;
            let b = self.eval_expr(scope, rhs)?;
            if let (true, Union::Int(x, ..), Union::Int(y, ..)) = (self.fast_ops, &a.0, &b.0) {
                if let Some(v) = builtin::int_fast(op, *x, *y) {
                    return Ok(v);
                }
            }
            return self.binary_op(op, a, b, pos);
        }
        if !call.namespace.is_empty() {
            return self.eval_qualified_call(scope, call, pos);
        }
        if call.is_intrinsic {
            if let Some(value) = self.try_intrinsic(scope, call, pos)? {
                return Ok(value);
            }
        }
        if let Some(fn_def) = self.find_script_fn(call.hash) {
            if call.capture_scope {
                return self.call_in_caller_scope(scope, fn_def, call, pos);
            }
            if call.simple_args {
                let base = scope.len();
                for arg in call.args.iter() {
                    match self.eval_expr(scope, arg) {
                        Ok(v) => scope.push_raw(self.placeholder.clone(), v.flatten()),
                        Err(e) => {
                            scope.rewind(base);
                            return Err(e);
                        }
                    }
                }
                for (name, slot) in fn_def.params.iter().zip(&mut scope.names[base..]) {
                    *slot = name.clone();
                }
                return self.run_script_frame(scope, fn_def, base, None, pos);
            }
            let mut args = self.eval_args(scope, &call.args)?;
            return self.call_script_fn(scope, fn_def, &mut args, None, pos);
        }
        if let Some(Expr::Variable(var, vpos)) = call.args.first() {
            if var.namespace.is_empty() {
                return self.call_native_first_by_ref(scope, call, var, *vpos, pos);
            }
        }
        let mut args = self.eval_args(scope, &call.args)?;
        self.call_native_by_hash(&call.name, call.hash, &mut args, pos)
    }

    /// Evaluate arguments, left to right, sharing removed.
    pub(crate) fn eval_args(&mut self, scope: &mut Scope, exprs: &[Expr]) -> EResult<ArgVec> {
        let mut args = ArgVec::with_capacity(exprs.len());
        for e in exprs {
            args.push(self.eval_expr(scope, e)?.flatten());
        }
        Ok(args)
    }

    /// `lhs op rhs`: built-in fast path (first, in Fast Operators mode), overloads, fallbacks.
    pub(crate) fn binary_op(
        &mut self,
        op: BinaryOp,
        a: Dynamic,
        b: Dynamic,
        pos: Position,
    ) -> EResult {
        let fast = self.fast_ops;
        if fast {
            if let Some(r) = builtin::binary(op, &a, &b) {
                let v = r.at(pos)?;
                self.check_data_size(&v, pos)?;
                return Ok(v);
            }
        }
        let (a, b) = (a.flatten(), b.flatten());
        let hash = calc_fn_hash(None, op.name(), 2);
        let mut args: ArgVec = smallvec::smallvec![a, b];
        if let Some(v) = self.try_call_native_hashed(op.name(), hash, &mut args, pos)? {
            return Ok(v);
        }
        let [a, b] = [args[0].take(), args[1].take()];
        if !fast {
            if let Some(r) = builtin::binary(op, &a, &b) {
                return r.at(pos);
            }
        }
        self.binary_fallback(op, a, b, pos)
    }

    /// Operators with no built-in and no overload: string concatenation with any value,
    /// structural equality, and cross-type comparisons (false).
    fn binary_fallback(&mut self, op: BinaryOp, a: Dynamic, b: Dynamic, pos: Position) -> EResult {
        match op {
            BinaryOp::Add if a.is_string() || b.is_string() => {
                let left = self.display_string(a, pos)?;
                let right = self.display_string(b, pos)?;
                let joined = left + right.as_str();
                self.check_string_size(joined.len(), pos)?;
                Ok(Dynamic::from(joined))
            }
            BinaryOp::Eq | BinaryOp::Ne => {
                let both_ranges = || {
                    let bounds = crate::packages::iter_basic::range_bounds;
                    bounds(&a).is_some() && bounds(&b).is_some()
                };
                let equal = match builtin::values_equal(&a, &b) {
                    Some(e) => e,
                    // An exclusive and an inclusive range do not compare (as published).
                    None if a.type_id() != b.type_id() && !both_ranges() => false,
                    None => return Err(self.fn_not_found(op.name(), &[&a, &b], pos)),
                };
                Ok(Dynamic::from_bool(equal == (op == BinaryOp::Eq)))
            }
            BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge
                if a.type_id() != b.type_id() =>
            {
                Ok(Dynamic::FALSE)
            }
            _ => Err(self.fn_not_found(op.name(), &[&a, &b], pos)),
        }
    }

    /// Call an operator function (unary `-`, `!`, …) by name.
    pub(crate) fn call_operator(
        &mut self,
        name: &str,
        args: Vec<Dynamic>,
        pos: Position,
    ) -> EResult {
        let mut args: ArgVec = args.into_iter().map(Dynamic::flatten).collect();
        if let [Dynamic(Union::Int(n, ..))] = &*args {
            match name {
                "-" => {
                    return n.checked_neg().map(Dynamic::from_int).ok_or_else(|| {
                        EvalAltResult::ErrorArithmetic("integer overflow".into(), pos).into()
                    })
                }
                "+" => return Ok(Dynamic::from_int(*n)),
                _ => (),
            }
        }
        if let [Dynamic(Union::Float(n, ..))] = &*args {
            match name {
                "-" => return Ok(Dynamic::from_float(-n)),
                "+" => return Ok(Dynamic::from_float(*n)),
                _ => (),
            }
        }
        #[cfg(feature = "decimal")]
        if let [Dynamic(Union::Decimal(d, ..))] = &*args {
            match name {
                "-" => return Ok(Dynamic::from_decimal(-**d)),
                "+" => return Ok(Dynamic::from_decimal(**d)),
                _ => (),
            }
        }
        let hash = calc_fn_hash(None, name, args.len());
        self.call_native_by_hash(name, hash, &mut args, pos)
    }

    /// A script function of the running script, by hash.
    #[inline]
    pub(crate) fn find_script_fn(&self, hash: u64) -> Option<&'a ScriptFuncDef> {
        let libs: &'a [Shared<crate::module::Module>] = self.lib;
        for lib in libs.iter().rev() {
            if let Some(info) = lib.get_fn(hash) {
                if let RhaiFunc::Script { fn_def, .. } = &info.func {
                    return Some(fn_def);
                }
            }
        }
        None
    }

    /// Call a script function: push the arguments as its frame, run the body, pop the frame.
    /// With `this`, the object is moved in for the call and moved back after.
    pub(crate) fn call_script_fn(
        &mut self,
        scope: &mut Scope,
        fn_def: &ScriptFuncDef,
        args: &mut [Dynamic],
        this: Option<&mut Dynamic>,
        pos: Position,
    ) -> EResult {
        let base = scope.len();
        for (name, arg) in fn_def.params.iter().zip(args.iter_mut()) {
            scope.push_raw(name.clone(), arg.take());
        }
        self.run_script_frame(scope, fn_def, base, this, pos)
    }

    /// `f!(…)`: run a script function with the caller's variables in reach: names the
    /// function does not define are looked up in the caller's scope too.
    #[cold]
    fn call_in_caller_scope(
        &mut self,
        scope: &mut Scope,
        fn_def: &ScriptFuncDef,
        call: &FnCallExpr,
        pos: Position,
    ) -> EResult {
        let args = self.eval_args(scope, &call.args)?;
        let base = scope.len();
        for (name, arg) in fn_def.params.iter().zip(args) {
            scope.push_raw(name.clone(), arg);
        }
        let search_base = self.search_base;
        self.run_frame_searching(scope, fn_def, base, (None, search_base), pos)
    }

    /// Run a script function whose arguments are already on the stack from `base`.
    #[inline]
    pub(crate) fn run_script_frame(
        &mut self,
        scope: &mut Scope,
        fn_def: &ScriptFuncDef,
        base: usize,
        this: Option<&mut Dynamic>,
        pos: Position,
    ) -> EResult {
        let search_base = if self.expose_scope && self.global.level == 0 {
            0
        } else {
            base
        };
        self.run_frame_searching(scope, fn_def, base, (this, search_base), pos)
    }

    /// Run a script function whose arguments are on the stack from `base`; names it does not
    /// define are looked up from `search_base`.
    fn run_frame_searching(
        &mut self,
        scope: &mut Scope,
        fn_def: &ScriptFuncDef,
        base: usize,
        (mut this, search_base): (Option<&mut Dynamic>, usize),
        pos: Position,
    ) -> EResult {
        let max = self.engine.limits.max_call_stack_depth;
        let limit = max.min(HARD_MAX_CALL_LEVELS);
        if self.global.level >= limit || self.global.stack.exhausted() {
            scope.rewind(base);
            return Err(EvalAltResult::ErrorStackOverflow(pos).into());
        }
        if let Err(e) = self.count_op(pos) {
            scope.rewind(base);
            return Err(e);
        }
        let saved = (self.frame_base, self.search_base);
        let imports = self.global.imports.len();
        let saved_this = core::mem::replace(&mut self.this, this.as_mut().map(|t| t.take()));
        self.frame_base = base;
        self.search_base = search_base;
        self.global.level += 1;
        let result = self.eval_stmts(scope, &fn_def.body.stmts);
        self.global.level -= 1;
        let this_back = core::mem::replace(&mut self.this, saved_this);
        if let Some(t) = this {
            *t = this_back.unwrap_or_default();
        }
        (self.frame_base, self.search_base) = saved;
        self.global.imports.truncate(imports);
        scope.rewind(base);
        match result {
            Ok(v) | Err(Flow::Return(v, _)) => Ok(v),
            Err(Flow::Error(err)) => Err(self.wrap_fn_error(&fn_def.name, err, pos)),
            Err(Flow::Break(_, p)) | Err(Flow::Continue(p)) => {
                Err(EvalAltResult::LoopBreak(true, Dynamic::UNIT, p).into())
            }
        }
    }

    /// Errors inside a function are reported as `ErrorInFunctionCall`; system exceptions pass
    /// through unwrapped, re-positioned at the call (so they end at the outermost call).
    pub(crate) fn wrap_fn_error(
        &self,
        name: &str,
        mut err: Box<EvalAltResult>,
        pos: Position,
    ) -> Flow {
        if err.is_system_exception() {
            err.set_position(pos);
            return Flow::Error(err);
        }
        self.in_fn_call(name, err, pos).into()
    }

    /// `err` as raised inside a call of `name` at `pos`, in the running source.
    pub(crate) fn in_fn_call(
        &self,
        name: &str,
        err: Box<EvalAltResult>,
        pos: Position,
    ) -> Box<EvalAltResult> {
        let source = self
            .global
            .source
            .as_ref()
            .map_or_else(String::new, ToString::to_string);
        EvalAltResult::ErrorInFunctionCall(name.into(), source, err, pos).into()
    }

    /// Find a native function for a script hash and argument types (cached per run).
    pub(crate) fn resolve_native(
        &mut self,
        hash_script: u64,
        types: &[TypeId],
    ) -> Option<RhaiFunc> {
        let key = hash_script ^ calc_types_hash(types.iter().copied());
        if let Some(found) = self.search_native(key) {
            return Some(found);
        }
        if let Some(entry) = self.global.fn_cache.get(&key) {
            return entry.as_ref().map(|r| r.func.clone());
        }
        let found = self.search_native_dynamic(hash_script, types);
        self.global.fn_cache.insert(
            key,
            found.as_ref().map(|func| ResolvedFn { func: func.clone() }),
        );
        found
    }

    /// Look a full hash up in the engine's global modules (its own first, then the latest
    /// registered), the imported modules and the static modules.
    fn search_native(&self, key: u64) -> Option<RhaiFunc> {
        let modules = &self.engine.global_modules;
        let own = modules.first().filter(|_| self.engine.has_own_module);
        let rest = if own.is_some() {
            &modules[1..]
        } else {
            &modules[..]
        };
        let global = own
            .into_iter()
            .chain(rest.iter().rev())
            .find_map(|m| m.get_fn(key));
        // Functions of imported and static modules are visible unqualified only when they
        // are in the global namespace.
        global
            .or_else(|| {
                self.global
                    .imports
                    .iter()
                    .rev()
                    .map(|(_, m)| m)
                    .chain(self.engine.global_sub_modules.values())
                    .filter_map(|m| m.get_fn(key))
                    .find(|info| info.namespace.is_global_namespace())
            })
            .map(|info| info.func.clone())
    }

    /// Try parameters as `Dynamic`, fewest replaced first.
    fn search_native_dynamic(&self, hash_script: u64, types: &[TypeId]) -> Option<RhaiFunc> {
        let n = types.len();
        if n == 0 || n > MAX_DYNAMIC_PARAMS {
            return None;
        }
        let any = self
            .engine
            .global_modules
            .iter()
            .chain(self.global.imports.iter().map(|(_, m)| m))
            .chain(self.engine.global_sub_modules.values())
            .any(|m| m.may_have_dynamic_fn(hash_script));
        if !any {
            return None;
        }
        // The book's order: count in binary, the right-most parameter changing first —
        // bit 0 of the mask is the last parameter.
        let mut trial: SmallVec<[TypeId; 8]> = SmallVec::from_slice(types);
        for mask in 1..(1u32 << n) {
            for (i, t) in trial.iter_mut().enumerate() {
                *t = if mask & (1 << (n - 1 - i)) != 0 {
                    TypeId::of::<Dynamic>()
                } else {
                    types[i]
                };
            }
            let key = hash_script ^ calc_types_hash(trial.iter().copied());
            if let Some(f) = self.search_native(key) {
                return Some(f);
            }
        }
        None
    }

    /// Invoke a native function (one registered with the engine: it has no source).
    #[inline]
    pub(crate) fn call_native(
        &self,
        func: &RhaiFunc,
        name: &str,
        args: &mut [&mut Dynamic],
        pos: Position,
    ) -> EResult {
        self.call_native_from(None, func, name, args, pos)
    }

    /// Invoke a native function of the module with the given source (its id).
    pub(crate) fn call_native_from(
        &self,
        fn_source: Option<&str>,
        func: &RhaiFunc,
        name: &str,
        args: &mut [&mut Dynamic],
        pos: Position,
    ) -> EResult {
        let ctx = NativeCallContext {
            engine: self.engine,
            fn_name: name,
            source: fn_source,
            global: Some(&self.global),
            lib: self.lib,
            pos,
        };
        let result = match func {
            RhaiFunc::Pure {
                func, has_context, ..
            }
            | RhaiFunc::Method {
                func, has_context, ..
            } => func(has_context.then_some(ctx), args),
            RhaiFunc::Plugin { func } => func.call(Some(ctx), args),
            RhaiFunc::Iterator { .. } | RhaiFunc::Script { .. } => {
                Err(EvalAltResult::ErrorFunctionNotFound(name.into(), pos).into())
            }
        };
        let value = result.at(pos)?;
        self.check_data_size(&value, pos)?;
        Ok(value)
    }

    /// Call a native function by script hash with evaluated arguments; not found is an error.
    pub(crate) fn call_native_by_hash(
        &mut self,
        name: &str,
        hash: u64,
        args: &mut ArgVec,
        pos: Position,
    ) -> EResult {
        match self.try_call_native_hashed(name, hash, args, pos)? {
            Some(v) => Ok(v),
            None => {
                let refs: Vec<&Dynamic> = args.iter().collect();
                Err(self.fn_not_found(name, &refs, pos))
            }
        }
    }

    /// Call a native function by script hash if one matches the argument types.
    pub(crate) fn try_call_native_hashed(
        &mut self,
        name: &str,
        hash: u64,
        args: &mut [Dynamic],
        pos: Position,
    ) -> EResult<Option<Dynamic>> {
        let types: SmallVec<[TypeId; 8]> = args.iter().map(Dynamic::type_id).collect();
        let Some(func) = self.resolve_native(hash, &types) else {
            return Ok(None);
        };
        let mut refs: SmallVec<[&mut Dynamic; 8]> = args.iter_mut().collect();
        self.call_native(&func, name, &mut refs, pos).map(Some)
    }

    /// Call a native function registered for exactly these argument types (no `Dynamic`
    /// parameters): how custom types find their own `to_string`/`to_debug`.
    pub(crate) fn try_call_exact_native(
        &mut self,
        name: &str,
        args: &mut [Dynamic],
        pos: Position,
    ) -> EResult<Option<Dynamic>> {
        let hash = calc_fn_hash(None, name, args.len());
        let key = hash ^ calc_types_hash(args.iter().map(Dynamic::type_id));
        let Some(func) = self.search_native(key) else {
            return Ok(None);
        };
        let mut refs: SmallVec<[&mut Dynamic; 8]> = args.iter_mut().collect();
        self.call_native(&func, name, &mut refs, pos).map(Some)
    }

    /// Call `name(&mut target, arg)` if a native matches (getters, setters, indexers, `op=`).
    pub(crate) fn try_call_native_ref(
        &mut self,
        name: &str,
        target: &mut Dynamic,
        arg: &mut Dynamic,
        pos: Position,
    ) -> EResult<Option<Dynamic>> {
        let hash = calc_fn_hash(None, name, 2);
        let types = [target.type_id(), arg.type_id()];
        let Some(func) = self.resolve_native(hash, &types) else {
            return Ok(None);
        };
        self.call_on_target(&func, name, target, core::slice::from_mut(arg), pos)
            .map(Some)
    }

    /// Call `name(&mut target, a, b)` if a native matches (indexer setters).
    pub(crate) fn try_call_native_ref3(
        &mut self,
        name: &str,
        target: &mut Dynamic,
        args: &mut [Dynamic; 2],
        pos: Position,
    ) -> EResult<Option<Dynamic>> {
        let hash = calc_fn_hash(None, name, 3);
        let types = [target.type_id(), args[0].type_id(), args[1].type_id()];
        let Some(func) = self.resolve_native(hash, &types) else {
            return Ok(None);
        };
        self.call_on_target(&func, name, target, args, pos)
            .map(Some)
    }

    /// Call `name(&mut target)` if a native matches (property getters).
    pub(crate) fn try_call_native_getter(
        &mut self,
        name: &str,
        target: &mut Dynamic,
        pos: Position,
    ) -> EResult<Option<Dynamic>> {
        let hash = calc_fn_hash(None, name, 1);
        let types = [target.type_id()];
        let Some(func) = self.resolve_native(hash, &types) else {
            return Ok(None);
        };
        self.call_on_target(&func, name, target, &mut [], pos)
            .map(Some)
    }

    /// Call a native with `target` as its first argument: by reference for methods (refused on
    /// constants unless pure), by a copy otherwise.
    fn call_on_target(
        &mut self,
        func: &RhaiFunc,
        name: &str,
        target: &mut Dynamic,
        rest: &mut [Dynamic],
        pos: Position,
    ) -> EResult {
        let mut copy;
        let first: &mut Dynamic = if func.is_method() {
            if target.access_mode() == AccessMode::ReadOnly && !func.is_pure() {
                return Err(
                    EvalAltResult::ErrorNonPureMethodCallOnConstant(name.into(), pos).into(),
                );
            }
            target
        } else {
            copy = readable(target);
            &mut copy
        };
        let mut refs: SmallVec<[&mut Dynamic; 8]> = SmallVec::new();
        refs.push(first);
        for arg in rest.iter_mut() {
            refs.push(arg);
        }
        let result = self.call_native(func, name, &mut refs, pos)?;
        self.check_data_size(refs[0], pos)?;
        Ok(result)
    }

    /// `f(x, …)` where `x` is a variable: a native method gets `x` by reference (so
    /// `push(a, 1)` updates `a`), except constants, which get a copy.
    fn call_native_first_by_ref(
        &mut self,
        scope: &mut Scope,
        call: &FnCallExpr,
        var: &crate::ast::VarRef,
        vpos: Position,
        pos: Position,
    ) -> EResult {
        let mut rest = self.eval_args(scope, &call.args[1..])?;
        let index = match self.var_index(scope, var, vpos) {
            Ok(index) => index,
            Err(err) => {
                // Not a stack variable: a global module variable or a function name.
                let first = self.eval_expr(scope, &call.args[0]).map_err(|_| err)?;
                let mut args: ArgVec = SmallVec::new();
                args.push(first);
                args.extend(rest);
                return self.call_native_by_hash(&call.name, call.hash, &mut args, pos);
            }
        };
        if scope.values[index].is_locked() {
            return Err(crate::eval::expr::data_race());
        }
        let mut types: SmallVec<[TypeId; 8]> = SmallVec::new();
        types.push(scope.values[index].type_id());
        for arg in rest.iter() {
            types.push(arg.type_id());
        }
        let Some(func) = self.resolve_native(call.hash, &types) else {
            let mut args: ArgVec = SmallVec::new();
            args.push(readable(&scope.values[index]));
            args.extend(rest);
            let refs: Vec<&Dynamic> = args.iter().collect();
            return Err(self.fn_not_found(&call.name, &refs, pos));
        };
        let slot = &mut scope.values[index];
        if func.is_method() && slot.access_mode() == AccessMode::ReadWrite {
            if let Union::Shared(cell, ..) = &slot.0 {
                let cell = cell.clone();
                let Some(mut guard) = crate::value::lock::write(&cell) else {
                    return Err(crate::eval::expr::data_race());
                };
                return self.call_on_target(&func, &call.name, &mut guard, &mut rest, pos);
            }
            return self.call_on_target(&func, &call.name, slot, &mut rest, pos);
        }
        let mut copy = readable(slot);
        self.call_on_target(&func, &call.name, &mut copy, &mut rest, pos)
    }

    /// `target.name(args)`.
    pub(crate) fn call_method(
        &mut self,
        scope: &mut Scope,
        target: &mut Dynamic,
        call: &FnCallExpr,
        args: &mut [Dynamic],
        pos: Position,
    ) -> EResult {
        if call.is_intrinsic {
            if let Some(v) = self.try_method_intrinsic(scope, target, call, args, pos)? {
                return Ok(v);
            }
        }
        if let Union::Map(map, ..) = &target.0 {
            if let Some(Dynamic(Union::FnPtr(ptr, ..))) = map.get(call.name.as_str()) {
                let ptr = (**ptr).clone();
                let args: ArgVec = args.iter_mut().map(Dynamic::take).collect();
                return self.call_fn_ptr(scope, &ptr, args, Some(target), pos);
            }
        }
        if let Some(fn_def) = self.find_typed_method(target, &call.name, args.len()) {
            return self.call_script_fn(scope, fn_def, args, Some(target), pos);
        }
        if let Some(fn_def) = self.find_script_fn(call.hash) {
            return self.call_script_fn(scope, fn_def, args, Some(target), pos);
        }
        if let Some((fn_def, env)) = self.find_imported_typed_method(target, call, args.len()) {
            let mut run = |interp: &mut Interp| {
                interp.call_script_fn(scope, &fn_def, args, Some(target), pos)
            };
            return match env {
                Some(env) => self.with_environ(&env, run),
                None => run(self),
            };
        }
        let mut types: SmallVec<[TypeId; 8]> = SmallVec::new();
        types.push(target.type_id());
        for arg in args.iter() {
            types.push(arg.type_id());
        }
        if let Some(func) = self.resolve_native(call.hash_method, &types) {
            return self.call_on_target(&func, &call.name, target, args, pos);
        }
        let mut all: Vec<&Dynamic> = vec![&*target];
        all.extend(args.iter());
        Err(self.fn_not_found(&call.name, &all, pos))
    }

    /// A typed method (`fn Type.name()`) of the running script for this target.
    #[inline(always)]
    fn find_typed_method(
        &self,
        target: &Dynamic,
        name: &str,
        num_args: usize,
    ) -> Option<&'a ScriptFuncDef> {
        if self.lib.iter().any(|l| l.has_typed_methods) {
            self.find_typed_method_by_type(target, name, num_args)
        } else {
            None
        }
    }

    #[cold]
    fn find_typed_method_by_type(
        &self,
        target: &Dynamic,
        name: &str,
        num_args: usize,
    ) -> Option<&'a ScriptFuncDef> {
        let type_name = self.engine.map_type_name(target.type_name());
        self.find_script_fn(crate::module::typed_method_hash(type_name, name, num_args))
    }

    /// A typed method (`fn Type.name()`) of an imported module for this target: such methods
    /// are global once their module is imported.
    fn find_imported_typed_method(
        &self,
        target: &Dynamic,
        call: &FnCallExpr,
        num_args: usize,
    ) -> Option<(Shared<ScriptFuncDef>, Option<Shared<EncapsulatedEnviron>>)> {
        let mut modules = self.global.imports.iter().rev().map(|(_, m)| m);
        if !modules.clone().any(|m| m.has_typed_methods) {
            return None;
        }
        let type_name = self.engine.map_type_name(target.type_name());
        let hash = crate::module::typed_method_hash(type_name, &call.name, num_args);
        modules.find_map(|m| match &m.get_fn(hash)?.func {
            RhaiFunc::Script { fn_def, env } if fn_def.access.is_public() => {
                Some((fn_def.clone(), env.clone()))
            }
            _ => None,
        })
    }

    /// Call a function pointer with arguments (curried ones first), optionally binding `this`.
    pub(crate) fn call_fn_ptr(
        &mut self,
        scope: &mut Scope,
        ptr: &FnPtr,
        args: ArgVec,
        this: Option<&mut Dynamic>,
        pos: Position,
    ) -> EResult {
        if self.global.stack.exhausted() {
            return Err(EvalAltResult::ErrorStackOverflow(pos).into());
        }
        if let Some(env) = &ptr.env {
            let here = self.env.as_ref().is_some_and(|e| Shared::ptr_eq(e, env));
            if !here {
                let env = env.clone();
                return self.with_environ(&env, |interp| {
                    interp.call_fn_ptr(scope, ptr, args, this, pos)
                });
            }
        }
        let arity = ptr.curry.len() + args.len();
        let script = match &ptr.fn_def {
            Some(def) if def.params.len() == arity => Some(&**def),
            _ if ptr.native.is_some() => None,
            _ => self
                .find_script_fn(calc_fn_hash(None, ptr.fn_name(), arity))
                .or_else(|| self.find_typed_method(this.as_deref()?, ptr.fn_name(), arity)),
        };
        if let Some(fn_def) = script {
            if this.is_some() {
                check_args_unlocked(ptr)?;
            }
            let base = scope.len();
            let values = ptr.curry.iter().cloned().chain(args);
            for (name, value) in fn_def.params.iter().zip(values) {
                scope.push_raw(name.clone(), value);
            }
            return self.run_script_frame(scope, fn_def, base, this, pos);
        }
        let mut all: ArgVec = ptr.curry.iter().cloned().collect();
        all.extend(args);
        if let Some(native) = &ptr.native {
            let ctx = NativeCallContext {
                engine: self.engine,
                fn_name: ptr.fn_name(),
                source: None,
                global: Some(&self.global),
                lib: self.lib,
                pos,
            };
            let mut refs: SmallVec<[&mut Dynamic; 8]> = all.iter_mut().collect();
            return native(Some(ctx), &mut refs).at(pos);
        }
        let hash = calc_fn_hash(None, ptr.fn_name(), all.len());
        if let Some(this) = this {
            let mut with_this: ArgVec = SmallVec::new();
            with_this.push(this.take());
            with_this.extend(all);
            let hash = calc_fn_hash(None, ptr.fn_name(), with_this.len());
            let result = self.call_native_by_hash(ptr.fn_name(), hash, &mut with_this, pos);
            *this = with_this[0].take();
            return result;
        }
        self.call_native_by_hash(ptr.fn_name(), hash, &mut all, pos)
    }

    /// `ErrorFunctionNotFound` with the signature: `name (type, type)`.
    #[cold]
    pub(crate) fn fn_not_found(&self, name: &str, args: &[&Dynamic], pos: Position) -> Flow {
        let types: Vec<&str> = args
            .iter()
            .map(|a| {
                if a.is_string() {
                    // Any of the Rust string types would do for a string argument.
                    "&str | ImmutableString | String"
                } else {
                    self.engine.map_type_name(a.type_name())
                }
            })
            .collect();
        EvalAltResult::ErrorFunctionNotFound(format!("{name} ({})", types.join(", ")), pos).into()
    }

    /// `ns::f(…)`: a function of an imported or static module.
    fn eval_qualified_call(
        &mut self,
        scope: &mut Scope,
        call: &FnCallExpr,
        pos: Position,
    ) -> EResult {
        let module = self.find_module(&call.namespace, pos)?;
        let mut args = self.eval_args(scope, &call.args)?;
        let hash_script = calc_fn_hash(None, &call.name, args.len());
        if let Some(info) = module.get_fn(hash_script) {
            if let RhaiFunc::Script { fn_def, env } = &info.func {
                if fn_def.access.is_private() {
                    return Err(self.qualified_not_found(call, &args, pos));
                }
                let fn_def = fn_def.clone();
                let run = |interp: &mut Interp| {
                    interp.call_script_fn(scope, &fn_def, &mut args, None, pos)
                };
                return match env {
                    Some(env) => self.with_environ(env, run),
                    None => {
                        let libs = [module.clone()];
                        self.with_libs(&libs, run)
                    }
                };
            }
        }
        let types: SmallVec<[TypeId; 8]> = args.iter().map(Dynamic::type_id).collect();
        let key = hash_script ^ calc_types_hash(types.iter().copied());
        let found = module.get_fn(key).map(|i| i.func.clone()).or_else(|| {
            let n = types.len().min(MAX_DYNAMIC_PARAMS);
            (1..(1u32 << n)).find_map(|mask| {
                let trial = types.iter().enumerate().map(|(i, t)| {
                    if mask & (1 << i) != 0 {
                        TypeId::of::<Dynamic>()
                    } else {
                        *t
                    }
                });
                module
                    .get_fn(hash_script ^ calc_types_hash(trial))
                    .map(|i| i.func.clone())
            })
        });
        match found {
            Some(func) => {
                let mut refs: SmallVec<[&mut Dynamic; 8]> = args.iter_mut().collect();
                self.call_native_from(module.id(), &func, &call.name, &mut refs, pos)
            }
            None => Err(self.qualified_not_found(call, &args, pos)),
        }
    }

    /// Run `f` inside a module function's encapsulated environment: its script's functions,
    /// imports, constants and source name in force instead of the caller's.
    pub(crate) fn with_environ<T>(
        &mut self,
        env: &Shared<crate::module::EncapsulatedEnviron>,
        f: impl FnOnce(&mut Interp) -> T,
    ) -> T {
        let imports = core::mem::replace(&mut self.global.imports, env.imports.clone());
        // Resolutions cached for the caller's imports do not hold for the module's.
        let cache = core::mem::take(&mut self.global.fn_cache);
        let source = core::mem::replace(&mut self.global.source, env.source.clone());
        // The module's own functions come first; the calling script's are the fallback (what
        // lets a module call a "virtual" function its importer defines).
        let callers = match self.env {
            Some(_) => &self.lib[..self.lib.len().saturating_sub(1)],
            None => self.lib,
        };
        let libs: SmallVec<[Shared<crate::module::Module>; 4]> = callers
            .iter()
            .cloned()
            .chain(core::iter::once(env.lib.clone()))
            .collect();
        let outer_env = self.env.replace(env.clone());
        let result = self.with_libs(&libs, f);
        self.env = outer_env;
        self.global.source = source;
        self.global.fn_cache = cache;
        self.global.imports = imports;
        result
    }

    /// Run `f` with other function libraries in force (a module's own functions while one of
    /// them runs), keeping the rest of the runtime state.
    pub(crate) fn with_libs<T>(
        &mut self,
        libs: &[Shared<crate::module::Module>],
        f: impl FnOnce(&mut Interp) -> T,
    ) -> T {
        let fresh = crate::eval::GlobalRuntimeState::new(self.engine);
        let global = core::mem::replace(&mut self.global, fresh);
        let mut sub = Interp {
            engine: self.engine,
            lib: libs,
            global,
            this: self.this.take(),
            frame_base: self.frame_base,
            search_base: self.search_base,
            track_ops: self.track_ops,
            expose_scope: self.expose_scope,
            host_top: self.host_top,
            env: self.env.take(),
            caught: self.caught.take(),
            fast_ops: self.fast_ops,
            placeholder: self.placeholder.clone(),
        };
        let result = f(&mut sub);
        self.global = sub.global;
        self.this = sub.this;
        self.caught = sub.caught;
        self.env = sub.env;
        result
    }

    fn qualified_not_found(&self, call: &FnCallExpr, args: &[Dynamic], pos: Position) -> Flow {
        let path: Vec<&str> = call.namespace.iter().map(|n| n.name.as_str()).collect();
        let name = format!("{}::{}", path.join("::"), call.name);
        let refs: Vec<&Dynamic> = args.iter().collect();
        self.fn_not_found(&name, &refs, pos)
    }

    /// The module a path names: an import alias (latest first) or a static module, then
    /// sub-modules along the path.
    pub(crate) fn find_module(
        &self,
        path: &[crate::ast::Ident],
        pos: Position,
    ) -> EResult<Shared<crate::module::Module>> {
        let Some((first, rest)) = path.split_first() else {
            return Err(EvalAltResult::ErrorModuleNotFound(String::new(), pos).into());
        };
        let root = self
            .global
            .imports
            .iter()
            .rev()
            .find(|(name, _)| *name == first.name)
            .map(|(_, m)| m.clone())
            .or_else(|| {
                self.engine
                    .global_sub_modules
                    .get(first.name.as_str())
                    .cloned()
            });
        let Some(mut module) = root else {
            return Err(module_not_found(path));
        };
        for ident in rest {
            let Some(sub) = module.modules.get(ident.name.as_str()).cloned() else {
                return Err(module_not_found(path));
            };
            module = sub;
        }
        Ok(module)
    }

    /// An iterator over a value, for `for` loops: strings, BLOBs, ranges and registered types.
    pub(crate) fn make_iterator(
        &mut self,
        value: Dynamic,
    ) -> Option<Box<dyn Iterator<Item = crate::RhaiResult>>> {
        match &value.0 {
            Union::Str(s, ..) => {
                let chars: Vec<char> = s.chars().collect();
                Some(Box::new(
                    chars.into_iter().map(|c| Ok(Dynamic::from_char(c))),
                ))
            }
            Union::Blob(b, ..) => {
                let bytes: Vec<u8> = (**b).clone();
                Some(Box::new(
                    bytes
                        .into_iter()
                        .map(|x| Ok(Dynamic::from_int(crate::INT::from(x)))),
                ))
            }
            Union::Map(..) => None,
            _ => {
                let id = value.type_id();
                let factory = self
                    .engine
                    .global_modules
                    .iter()
                    .chain(self.global.imports.iter().map(|(_, m)| m))
                    .chain(self.engine.global_sub_modules.values())
                    .find_map(|m| m.get_iter(id))
                    .cloned()?;
                Some(factory(value))
            }
        }
    }

    /// `import "path" as name;`
    pub(crate) fn eval_import(
        &mut self,
        scope: &mut Scope,
        path: &Expr,
        alias: Option<&crate::ast::Ident>,
        pos: Position,
    ) -> EResult {
        let path_value = self.eval_expr(scope, path)?;
        let path_pos = path.position();
        if !path_value.is_string() {
            return Err(self.type_mismatch("string", path_value.type_name(), path_pos));
        }
        let path_str = path_value.into_immutable_string().unwrap_or_default();
        let max = self.engine.limits.max_modules;
        if self.global.imports.len() >= max {
            return Err(EvalAltResult::ErrorTooManyModules(pos).into());
        }
        let preset = self
            .lib
            .iter()
            .rev()
            .find_map(|lib| lib.resolved_imports.get(path_str.as_str()).cloned());
        let module = match (preset, &self.engine.module_resolver) {
            (Some(module), _) => module,
            (None, Some(resolver)) => resolver.resolve_raw(
                self.engine,
                &mut self.global,
                &mut Scope::new(),
                &path_str,
                path_pos,
            )?,
            (None, None) => {
                return Err(
                    EvalAltResult::ErrorModuleNotFound(path_str.to_string(), path_pos).into(),
                )
            }
        };
        // Without an alias the module is still in force for its global functions and typed
        // methods; the empty alias matches no namespace path.
        let alias = alias.map_or_else(ImmutableString::new, |a| a.name.clone());
        self.global.imports.push((alias, module));
        self.global.fn_cache.clear();
        Ok(Dynamic::UNIT)
    }
}

/// A module path that leads nowhere: named in full, at its start.
#[cold]
fn module_not_found(path: &[crate::ast::Ident]) -> Flow {
    let names: Vec<&str> = path.iter().map(|i| i.name.as_str()).collect();
    let pos = path.first().map_or(Position::NONE, |i| i.pos);
    EvalAltResult::ErrorModuleNotFound(names.join("::"), pos).into()
}

/// A captured variable that is also the bound `this` of the call is locked by it: a data race.
fn check_args_unlocked(ptr: &FnPtr) -> EResult<()> {
    match ptr.curry.iter().position(Dynamic::is_locked) {
        None => Ok(()),
        Some(i) => Err(EvalAltResult::ErrorDataRace(
            format!("argument #{} of function '{}'", i + 1, ptr.fn_name()),
            Position::NONE,
        )
        .into()),
    }
}

/// Absolute cap on script call depth, whatever the limit is set to (the native stack budget,
/// `config::STACK_BUDGET`, usually stops runaway recursion first).
const HARD_MAX_CALL_LEVELS: usize = 100_000;
