//! Expression evaluation: literals, variables, `this`, collections, interpolation, logic
//! operators, closures; calls are in `func/call.rs`, chains in `chain.rs`.

use super::{EResult, Flow, Interp};
use crate::ast::{ClosureExpr, Expr, VarRef};
use crate::func::fn_ptr::FnPtr;
use crate::value::dynamic::{AccessMode, Union};
use crate::{Array, Dynamic, EvalAltResult, Map, Position, Scope, FLOAT, INT};
use core::fmt::Write;

/// A primitive operand, read without building (and later dropping) a `Dynamic`.
#[derive(Clone, Copy)]
pub(crate) enum Prim {
    Int(INT),
    Float(FLOAT),
}

impl Interp<'_> {
    /// Read a literal or a slot-resolved variable holding an INT or FLOAT, if `expr` is one.
    /// Such operands have no side effects, so peeking at them first is always safe.
    #[inline(always)]
    pub(crate) fn peek_prim(&self, scope: &Scope, expr: &Expr) -> Option<Prim> {
        match expr {
            Expr::IntegerConstant(n, _) => Some(Prim::Int(*n)),
            Expr::FloatConstant(f, _) => Some(Prim::Float(*f)),
            Expr::Variable(v, _) => match scope.values.get(self.frame_base + v.slot? as usize)?.0 {
                Union::Int(n, ..) => Some(Prim::Int(n)),
                Union::Float(f, ..) => Some(Prim::Float(f)),
                _ => None,
            },
            _ => None,
        }
    }

    /// Evaluate an expression to a value.
    pub(crate) fn eval_expr(&mut self, scope: &mut Scope, expr: &Expr) -> EResult {
        match expr {
            Expr::IntegerConstant(n, _) => Ok(Dynamic::from_int(*n)),
            Expr::Variable(v, pos) => self.read_var(scope, v, *pos),
            Expr::FnCall(call, pos) => self.eval_fn_call(scope, call, *pos),
            Expr::BoolConstant(b, _) => Ok(Dynamic::from_bool(*b)),
            Expr::FloatConstant(n, _) => Ok(Dynamic::from_float(*n)),
            Expr::CharConstant(c, _) => Ok(Dynamic::from_char(*c)),
            Expr::StringConstant(s, _) => Ok(Dynamic::from_str(s.clone())),
            Expr::DynamicConstant(v, _) => Ok((**v).clone()),
            Expr::Unit(_) => Ok(Dynamic::UNIT),
            Expr::Chain(chain, pos) => self.eval_chain(scope, chain, None, *pos),
            Expr::ThisPtr(pos) => match &self.this {
                Some(this) => Ok(readable(this)),
                None => Err(EvalAltResult::ErrorUnboundThis(*pos).into()),
            },
            Expr::Stmt(block) => self.eval_block(scope, block),
            Expr::And(x, _) => Ok(Dynamic::from_bool(
                self.eval_condition(scope, &x.lhs)? && self.eval_condition(scope, &x.rhs)?,
            )),
            Expr::Or(x, _) => Ok(Dynamic::from_bool(
                self.eval_condition(scope, &x.lhs)? || self.eval_condition(scope, &x.rhs)?,
            )),
            Expr::Coalesce(x, _) => {
                let lhs = self.eval_expr(scope, &x.lhs)?;
                if lhs.is_unit() {
                    self.eval_expr(scope, &x.rhs)
                } else {
                    Ok(lhs)
                }
            }
            Expr::Not(operand, pos) => {
                let value = self.eval_expr(scope, operand)?;
                match value.0 {
                    Union::Bool(b, ..) => Ok(Dynamic::from_bool(!b)),
                    _ => self.call_operator("!", vec![value], *pos),
                }
            }
            Expr::InterpolatedString(parts, _) => self.eval_interpolated(scope, parts),
            Expr::Array(items, pos) => self.eval_array(scope, items, *pos),
            Expr::Map(entries, pos) => self.eval_map(scope, entries, *pos),
            Expr::Closure(closure, _) => self.make_closure(scope, closure),
        }
    }

    #[inline(never)]
    fn eval_array(&mut self, scope: &mut Scope, items: &[Expr], pos: Position) -> EResult {
        let mut array = Array::with_capacity(items.len());
        for item in items {
            array.push(self.eval_expr(scope, item)?.flatten());
        }
        self.check_array_size(array.len(), pos)?;
        Ok(Dynamic::from_array(array))
    }

    #[inline(never)]
    fn eval_map(
        &mut self,
        scope: &mut Scope,
        entries: &[(crate::ast::Ident, Expr)],
        pos: Position,
    ) -> EResult {
        let mut map = Map::new();
        for (key, value) in entries {
            let value = self.eval_expr(scope, value)?.flatten();
            map.insert(key.name.as_str().into(), value);
        }
        self.check_map_size(map.len(), pos)?;
        Ok(Dynamic::from_map(map))
    }

    /// The stack index of a variable.
    #[inline(always)]
    pub(crate) fn var_index(&self, scope: &Scope, var: &VarRef, pos: Position) -> EResult<usize> {
        if let Some(slot) = var.slot {
            let index = self.frame_base + slot as usize;
            if index < scope.len() {
                return Ok(index);
            }
        }
        self.var_index_by_name(scope, var, pos)
    }

    #[inline(never)]
    fn var_index_by_name(&self, scope: &Scope, var: &VarRef, pos: Position) -> EResult<usize> {
        if var.slot.is_none() {
            if let Some(index) = scope.search_from(self.search_base, &var.name) {
                return Ok(index);
            }
        }
        Err(EvalAltResult::ErrorVariableNotFound(var.name.to_string(), pos).into())
    }

    /// Read a variable's value (a copy with sharing removed and the constant flag cleared).
    #[inline]
    fn read_var(&mut self, scope: &mut Scope, var: &VarRef, pos: Position) -> EResult {
        if !var.namespace.is_empty() {
            return self.read_module_var(var, pos);
        }
        match self.var_index(scope, var, pos) {
            Ok(index) => {
                let value = &scope.values[index];
                if value.is_locked() {
                    return Err(data_race());
                }
                Ok(readable(value))
            }
            Err(err) => {
                if var.slot.is_none() && var.name.as_str() == "this" {
                    return Err(EvalAltResult::ErrorUnboundThis(pos).into());
                }
                if var.slot.is_none() {
                    let global = self.engine.global_modules.iter().rev();
                    if let Some(v) = global
                        .filter_map(|m| m.variables.get(var.name.as_str()))
                        .next()
                    {
                        return Ok(readable(v));
                    }
                }
                if var.slot.is_none() && self.is_script_fn_name(&var.name) {
                    let mut ptr = FnPtr::new_unchecked(var.name.clone());
                    ptr.from_bare_name = true;
                    return Ok(Dynamic::from_fn_ptr(ptr));
                }
                Err(err)
            }
        }
    }

    /// Is `name` the name of a script function of the running script (any arity)?
    fn is_script_fn_name(&self, name: &str) -> bool {
        self.lib
            .iter()
            .any(|lib| lib.iter_script_fn().any(|f| f.name.as_str() == name))
    }

    /// `ns::var`: a variable of an imported or static module, or `global::CONSTANT`.
    pub(crate) fn read_module_var(&mut self, var: &VarRef, pos: Position) -> EResult {
        if let [ns] = &*var.namespace {
            let imported = self
                .global
                .imports
                .iter()
                .any(|(n, _)| n.as_str() == "global");
            if ns.name.as_str() == "global" && !imported {
                if let Some(env) = &self.env {
                    return env.constant(&var.name).map(readable).ok_or_else(|| {
                        EvalAltResult::ErrorVariableNotFound(var.qualified_name(), pos).into()
                    });
                }
                // The script's global constants, seen from inside its functions, and at the
                // global level only by a script that has functions (as in the published crate).
                let has_functions = || self.lib.iter().any(|m| m.iter_script_fn().next().is_some());
                let declared = (self.global.level > 0 || has_functions())
                    .then(|| {
                        crate::module::environ::latest_constant(&self.global.constants, &var.name)
                    })
                    .flatten();
                return match declared {
                    Some(v) => Ok(readable(v)),
                    None => {
                        Err(EvalAltResult::ErrorVariableNotFound(var.qualified_name(), pos).into())
                    }
                };
            }
        }
        let module = self.find_module(&var.namespace, pos)?;
        module
            .get_var(&var.name)
            .ok_or_else(|| EvalAltResult::ErrorVariableNotFound(var.qualified_name(), pos).into())
    }

    fn eval_interpolated(&mut self, scope: &mut Scope, parts: &[Expr]) -> EResult {
        let mut text = String::with_capacity(64);
        for part in parts {
            match part {
                Expr::StringConstant(s, _) => text.push_str(s),
                _ => {
                    if let Some(v) = literal_container(part) {
                        let _ = write!(text, "{v}");
                    } else {
                        let value = self.eval_expr(scope, part)?;
                        let piece = self.display_string(value, part.position())?;
                        text.push_str(&piece);
                    }
                }
            }
            self.check_string_size(text.len(), part.position())?;
        }
        Ok(Dynamic::from_str(text.into()))
    }

    /// Create a function pointer for a closure, currying the captured variables (which become
    /// shared, so that the closure and its creator see each other's changes).
    fn make_closure(&mut self, scope: &mut Scope, closure: &ClosureExpr) -> EResult {
        let mut curry = Vec::with_capacity(closure.captures.len());
        for (var, var_pos) in closure.captures.iter() {
            let value = match self.var_index(scope, var, *var_pos) {
                Ok(index) => {
                    let slot = &mut scope.values[index];
                    if slot.access_mode() == AccessMode::ReadOnly && !slot.is_shared() {
                        slot.clone()
                    } else {
                        if !slot.is_shared() {
                            *slot = slot.take().into_shared();
                        }
                        slot.clone()
                    }
                }
                Err(err) => return Err(err),
            };
            curry.push(value);
        }
        let mut ptr = FnPtr::new_unchecked(closure.func.name.clone());
        ptr.curry = curry;
        ptr.fn_def = Some(closure.func.clone());
        ptr.env = self.env.clone();
        Ok(Dynamic::from_fn_ptr(ptr))
    }

    pub(crate) fn check_string_size(&self, len: usize, pos: Position) -> EResult<()> {
        let max = self.engine.limits.max_string_len;
        if max > 0 && len > max {
            Err(EvalAltResult::ErrorDataTooLarge("Length of string".into(), pos).into())
        } else {
            Ok(())
        }
    }

    pub(crate) fn check_array_size(&self, len: usize, pos: Position) -> EResult<()> {
        let max = self.engine.limits.max_array_size;
        if max > 0 && len > max {
            Err(EvalAltResult::ErrorDataTooLarge("Size of array/BLOB".into(), pos).into())
        } else {
            Ok(())
        }
    }

    pub(crate) fn check_map_size(&self, len: usize, pos: Position) -> EResult<()> {
        let max = self.engine.limits.max_map_size;
        if max > 0 && len > max {
            Err(EvalAltResult::ErrorDataTooLarge("Size of object map".into(), pos).into())
        } else {
            Ok(())
        }
    }

    /// Check a value produced by an operation against the size limits.
    #[inline(always)]
    pub(crate) fn check_data_size(&self, value: &Dynamic, pos: Position) -> EResult<()> {
        let limits = &self.engine.limits;
        if limits.max_string_len == 0 && limits.max_array_size == 0 && limits.max_map_size == 0 {
            return Ok(());
        }
        self.check_data_size_slow(value, pos)
    }

    #[inline(never)]
    fn check_data_size_slow(&self, value: &Dynamic, pos: Position) -> EResult<()> {
        match &value.0 {
            Union::Str(s, ..) => self.check_string_size(s.len(), pos),
            Union::Array(a, ..) => self.check_array_size(a.len(), pos),
            Union::Blob(b, ..) => self.check_array_size(b.len(), pos),
            Union::Map(m, ..) => self.check_map_size(m.len(), pos),
            _ => Ok(()),
        }
    }
}

/// A copy of a stored value for reading: sharing removed, constant flag cleared.
#[inline(always)]
pub(crate) fn readable(value: &Dynamic) -> Dynamic {
    match value.0 {
        Union::Shared(..) => {
            let mut v = value.flatten_clone();
            v.set_access_mode(AccessMode::ReadWrite);
            v
        }
        _ => {
            let mut v = value.clone();
            if v.access_mode() == AccessMode::ReadOnly {
                v.set_access_mode(AccessMode::ReadWrite);
            }
            v
        }
    }
}

/// Helpers for `Flow` results of native calls.
pub(crate) trait IntoFlow<T> {
    /// Map an API error into a `Flow`, filling in the position.
    fn at(self, pos: Position) -> Result<T, Flow>;
}

impl<T> IntoFlow<T> for Result<T, Box<EvalAltResult>> {
    #[inline]
    fn at(self, pos: Position) -> Result<T, Flow> {
        self.map_err(|e| Flow::Error(e.fill_position(pos)))
    }
}

/// A shared value is locked by the very operation that needs it (published form: no name, no
/// position).
#[cold]
pub(crate) fn data_race() -> Flow {
    EvalAltResult::ErrorDataRace(String::new(), Position::NONE).into()
}

/// The literal array or map that an interpolated `${…}` consists of. The published crate folds
/// these at compile time through their Rust `Display` (characters quoted), not `to_string`.
fn literal_container(part: &Expr) -> Option<&Dynamic> {
    let Expr::Stmt(block) = part else {
        return None;
    };
    match &*block.stmts {
        [crate::ast::Stmt::Expr(e)] => match &**e {
            Expr::DynamicConstant(v, _) if v.is_array() || v.is_map() => Some(v),
            _ => None,
        },
        _ => None,
    }
}
