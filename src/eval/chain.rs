//! `.`/`[]` chains and assignment targets, evaluated in place.
//!
//! A chain is evaluated in two phases. First every index and method argument is evaluated, left
//! to right. Then the root value is *moved* out of its variable (a 16-byte move, no clone), the
//! links are applied to it with `&mut` access — so `a.b[c].d += 1` updates in place — and it is
//! moved back, whatever happened. While the root is out, its slot holds `()`; nothing can
//! observe that, since all expressions that could read it were evaluated in the first phase
//! and functions cannot see their caller's variables.

use super::expr::{data_race, readable, IntoFlow, Prim};
use super::index::IndexAt;
use super::{EResult, Flow, Interp};
use crate::ast::stmt::Assignment;
use crate::ast::{BinaryOp, ChainExpr, ChainLink, Expr};
use crate::value::dynamic::{AccessMode, Union};
use crate::{Dynamic, EvalAltResult, Position, Scope};
use smallvec::SmallVec;

/// A pending write at the end of a chain: `= value` or `op= value`.
pub(crate) struct Write {
    pub op: Option<BinaryOp>,
    pub value: Dynamic,
    pub pos: Position,
}

/// Pre-evaluated values of the links: one per index, one per method argument.
type LinkValues = SmallVec<[Dynamic; 4]>;

impl Interp<'_> {
    /// Evaluate a chain; with `write`, assign at its end.
    pub(crate) fn eval_chain(
        &mut self,
        scope: &mut Scope,
        chain: &ChainExpr,
        write: Option<Write>,
        pos: Position,
    ) -> EResult {
        if write.is_none() {
            if let Some(v) = self.try_fast_index(scope, chain)? {
                return Ok(v);
            }
        }
        if let ([ChainLink::Method(call, false, mpos)], Expr::Variable(var, vpos)) =
            (&*chain.links, &chain.root)
        {
            if var.namespace.is_empty() && write.is_none() {
                if call.name.as_str() == "is_shared" && call.args.is_empty() {
                    let index = self.var_index(scope, var, *vpos)?;
                    return Ok(Dynamic::from_bool(scope.values[index].is_shared()));
                }
                if self.var_index(scope, var, *vpos).is_ok() {
                    return self.call_method_on_variable(scope, var, *vpos, call, *mpos);
                }
            }
        }
        let mut values = LinkValues::new();
        for link in chain.links.iter() {
            match link {
                ChainLink::Index(idx, _, _) => values.push(self.eval_expr(scope, idx)?.flatten()),
                ChainLink::Method(call, _, _) => {
                    for arg in call.args.iter() {
                        values.push(self.eval_expr(scope, arg)?.flatten());
                    }
                }
                ChainLink::Property(..) => (),
            }
        }
        match &chain.root {
            Expr::Variable(var, vpos) if var.namespace.is_empty() => {
                let index = match self.var_index(scope, var, *vpos) {
                    Ok(index) => index,
                    Err(err) => {
                        let Ok(mut value) = self.eval_expr(scope, &chain.root) else {
                            return Err(err);
                        };
                        return self.apply_links(
                            scope,
                            &mut value,
                            &chain.links,
                            &mut values,
                            write,
                        );
                    }
                };
                if scope.values[index].access_mode() == AccessMode::ReadOnly {
                    let constant = (index, &**var, *vpos);
                    return self.apply_on_constant(
                        scope,
                        constant,
                        &chain.links,
                        &mut values,
                        write,
                    );
                }
                let mut root = scope.values[index].take();
                let result = self.apply_root(scope, &mut root, &chain.links, &mut values, write);
                scope.values[index] = root;
                result.map_err(|flow| with_var_name(flow, &var.name))
            }
            Expr::ThisPtr(tpos) => {
                let Some(mut root) = self.this.take() else {
                    return Err(EvalAltResult::ErrorUnboundThis(*tpos).into());
                };
                let result = self.apply_root(scope, &mut root, &chain.links, &mut values, write);
                self.this = Some(root);
                result
            }
            Expr::Variable(var, vpos) => {
                // A module variable: a constant.
                let mut value = self.read_module_var(var, *vpos)?;
                if write.is_some() {
                    let name = var.name.to_string();
                    return Err(EvalAltResult::ErrorAssignmentToConstant(name, *vpos).into());
                }
                value.set_access_mode(AccessMode::ReadOnly);
                self.apply_links(scope, &mut value, &chain.links, &mut values, None)
            }
            root => {
                if write.is_some() {
                    return Err(EvalAltResult::ErrorAssignmentToConstant(String::new(), pos).into());
                }
                let mut value = self.eval_expr(scope, root)?;
                self.apply_links(scope, &mut value, &chain.links, &mut values, None)
            }
        }
    }

    /// A chain on a constant. A constant container stays in place: writing into it, or calling
    /// a non-pure method on it or on anything inside it, is an error at the constant. Any other
    /// constant value acts as a temporary copy, as if its literal were written there.
    #[cold]
    fn apply_on_constant(
        &mut self,
        scope: &mut Scope,
        (index, var, pos): (usize, &crate::ast::VarRef, Position),
        links: &[ChainLink],
        values: &mut LinkValues,
        write: Option<Write>,
    ) -> EResult {
        let mut root = scope.values[index].take();
        let is_container = matches!(
            root.0,
            Union::Array(..) | Union::Map(..) | Union::Blob(..) | Union::Variant(..)
        );
        let result = if is_container {
            self.apply_root(scope, &mut root, links, values, write)
        } else {
            let mut copy = root.clone();
            copy.set_access_mode(AccessMode::ReadWrite);
            self.apply_root(scope, &mut copy, links, values, write)
        };
        scope.values[index] = root;
        result.map_err(|flow| match flow {
            Flow::Error(err) if is_unnamed_constant_write(&err) => {
                EvalAltResult::ErrorAssignmentToConstant(var.name.to_string(), pos).into()
            }
            flow => with_var_name(flow, &var.name),
        })
    }

    /// `x.method(args)` on a variable: the commonest chain, without the machinery for longer
    /// ones (the variable is moved out for the call and back, as in `apply_root`).
    fn call_method_on_variable(
        &mut self,
        scope: &mut Scope,
        var: &crate::ast::VarRef,
        vpos: Position,
        call: &crate::ast::FnCallExpr,
        pos: Position,
    ) -> EResult {
        let mut args = LinkValues::new();
        for arg in call.args.iter() {
            args.push(self.eval_expr(scope, arg)?.flatten());
        }
        let index = self.var_index(scope, var, vpos)?;
        let mut root = scope.values[index].take();
        let result = if let Union::Shared(cell, ..) = &root.0 {
            let cell = cell.clone();
            let guard = crate::value::lock::write(&cell);
            match guard {
                Some(mut guard) => self.call_method(scope, &mut guard, call, &mut args, pos),
                None => Err(data_race()),
            }
        } else {
            self.call_method(scope, &mut root, call, &mut args, pos)
        };
        scope.values[index] = root;
        result.map_err(|flow| with_var_name(flow, &var.name))
    }

    /// `a[i]` or `m.p` on a local variable, read only: no moves, one clone of the result.
    #[inline]
    fn try_fast_index(&mut self, scope: &mut Scope, chain: &ChainExpr) -> EResult<Option<Dynamic>> {
        let ([link], Expr::Variable(var, vpos)) = (&*chain.links, &chain.root) else {
            return Ok(None);
        };
        if !var.namespace.is_empty() {
            return Ok(None);
        }
        match link {
            ChainLink::Index(idx, false, _) => {
                let index = self.eval_expr(scope, idx)?;
                let slot = self.var_index(scope, var, *vpos)?;
                match (&scope.values[slot].0, &index.0) {
                    (Union::Array(array, ..), Union::Int(i, ..)) => {
                        let len = array.len();
                        match crate::eval::index::normalize_index(*i, len) {
                            Some(n) => Ok(Some(readable(&array[n]))),
                            None => {
                                Err(EvalAltResult::ErrorArrayBounds(len, *i, idx.position()).into())
                            }
                        }
                    }
                    _ if scope.values[slot].is_locked() => Err(data_race()),
                    _ => {
                        let target = scope.values[slot].flatten_clone();
                        let mut values = LinkValues::new();
                        values.push(index.flatten());
                        let mut target = target;
                        self.apply_links(scope, &mut target, &chain.links, &mut values, None)
                            .map(Some)
                    }
                }
            }
            ChainLink::Property(prop, false, ppos) => {
                let slot = self.var_index(scope, var, *vpos)?;
                if let Union::Map(map, ..) = &scope.values[slot].0 {
                    return match map.get(prop.name.as_str()) {
                        Some(v) => Ok(Some(readable(v))),
                        None => self.missing_property(&prop.name, *ppos).map(Some),
                    };
                }
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    /// The value of a missing map property: `()`, or an error when so configured.
    pub(crate) fn missing_property(&self, name: &str, pos: Position) -> EResult {
        if self
            .engine
            .options
            .contains(crate::engine::LangOptions::FAIL_ON_INVALID_MAP_PROPERTY)
        {
            Err(EvalAltResult::ErrorPropertyNotFound(name.into(), pos).into())
        } else {
            Ok(Dynamic::UNIT)
        }
    }

    /// Apply links to a root value taken out of a variable (locking it if shared).
    fn apply_root(
        &mut self,
        scope: &mut Scope,
        root: &mut Dynamic,
        links: &[ChainLink],
        values: &mut LinkValues,
        write: Option<Write>,
    ) -> EResult {
        if let Union::Shared(cell, ..) = &root.0 {
            let cell = cell.clone();
            let Some(mut guard) = crate::value::lock::write(&cell) else {
                return Err(data_race());
            };
            return self.apply_links(scope, &mut guard, links, values, write);
        }
        self.apply_links(scope, root, links, values, write)
    }

    /// Apply `links` to `target`, consuming their pre-evaluated `values` from the front.
    fn apply_links(
        &mut self,
        scope: &mut Scope,
        target: &mut Dynamic,
        links: &[ChainLink],
        values: &mut [Dynamic],
        write: Option<Write>,
    ) -> EResult {
        let Some((link, rest)) = links.split_first() else {
            return match write {
                Some(w) => self.write_target(target, w).map(|_| Dynamic::UNIT),
                None => Ok(readable(target)),
            };
        };
        if link.is_elvis() && target.is_unit() {
            return Ok(Dynamic::UNIT);
        }
        if let Union::Shared(cell, ..) = &target.0 {
            let cell = cell.clone();
            let Some(mut guard) = crate::value::lock::write(&cell) else {
                return Err(data_race());
            };
            return self.apply_links(scope, &mut guard, links, values, write);
        }
        match link {
            ChainLink::Index(idx, _, pos) => {
                let (index, values) = split_first_value(values);
                let at = IndexAt {
                    bracket: *pos,
                    index: idx,
                };
                match write {
                    Some(write) if rest.is_empty() && write.op.is_none() => {
                        self.index_set(target, index, write.value, at, write.pos)?;
                        Ok(Dynamic::UNIT)
                    }
                    Some(write) if rest.is_empty() => {
                        self.index_op_assign(scope, target, index, write, at)
                    }
                    None if rest.is_empty() => self.index_get(target, &index, at),
                    write => {
                        self.with_indexed_mut(scope, target, index, at, |this, scope, child| {
                            this.apply_links(scope, child, rest, values, write)
                        })
                    }
                }
            }
            ChainLink::Property(prop, _, pos) => {
                if rest.is_empty() {
                    if let Some(write) = write {
                        if write.op.is_none() {
                            self.property_set(target, prop, write.value, (*pos, write.pos))?;
                            return Ok(Dynamic::UNIT);
                        }
                        return self.with_property_mut(
                            scope,
                            target,
                            (prop, true),
                            *pos,
                            |this, _, child| this.write_target(child, write).map(|_| Dynamic::UNIT),
                        );
                    }
                    return self.property_get(target, prop, *pos);
                }
                let writing = write.is_some();
                self.with_property_mut(
                    scope,
                    target,
                    (prop, writing),
                    *pos,
                    |this, scope, child| this.apply_links(scope, child, rest, values, write),
                )
            }
            ChainLink::Method(call, _, pos) => {
                let n = call.args.len().min(values.len());
                let (args, values) = values.split_at_mut(n);
                let mut result = self.call_method(scope, target, call, args, *pos)?;
                if rest.is_empty() {
                    if write.is_some() {
                        return Err(
                            EvalAltResult::ErrorAssignmentToConstant(String::new(), *pos).into(),
                        );
                    }
                    return Ok(result);
                }
                self.apply_links(scope, &mut result, rest, values, write)
            }
        }
    }

    /// `target[index] op= value`.
    fn index_op_assign(
        &mut self,
        scope: &mut Scope,
        target: &mut Dynamic,
        index: Dynamic,
        write: Write,
        at: IndexAt<'_>,
    ) -> EResult {
        if !target.is_indexable() {
            return Err(self.not_index_settable(target, &index, &write.value, at.bracket));
        }
        if target.is_variant() {
            return self.custom_index_op_assign(scope, target, index, write, at);
        }
        self.with_indexed_mut(scope, target, index, at, |this, _, child| {
            this.write_target(child, write).map(|_| Dynamic::UNIT)
        })
    }

    /// `target[index] op= value` on a custom type: without an indexer, the error names the
    /// assignment (`T [I] = V`).
    #[cold]
    fn custom_index_op_assign(
        &mut self,
        scope: &mut Scope,
        target: &mut Dynamic,
        index: Dynamic,
        write: Write,
        at: IndexAt<'_>,
    ) -> EResult {
        let (index_copy, value_copy) = (index.clone(), write.value.clone());
        let result = self.with_indexed_mut(scope, target, index, at, |this, _, child| {
            this.write_target(child, write).map(|_| Dynamic::UNIT)
        });
        match result {
            Err(Flow::Error(err)) if matches!(*err, EvalAltResult::ErrorIndexingType(..)) => {
                Err(self.not_index_settable(target, &index_copy, &value_copy, at.bracket))
            }
            result => result,
        }
    }

    /// `target = value` or `target op= value`, in place.
    pub(crate) fn write_target(&mut self, target: &mut Dynamic, write: Write) -> EResult<()> {
        if let Union::Shared(cell, ..) = &target.0 {
            let cell = cell.clone();
            let Some(mut guard) = crate::value::lock::write(&cell) else {
                return Err(data_race());
            };
            return self.write_target(&mut guard, write);
        }
        if target.access_mode() == AccessMode::ReadOnly {
            return Err(EvalAltResult::ErrorAssignmentToConstant(String::new(), write.pos).into());
        }
        match write.op {
            None => {
                let mut value = write.value.flatten();
                value.set_access_mode(AccessMode::ReadWrite);
                *target = value;
            }
            Some(op) => self.op_assign(target, op, write.value, write.pos)?,
        }
        self.check_data_size(target, write.pos)
    }

    /// `target op= rhs`: the built-in fast path, then an `op=` overload, then `op`.
    pub(crate) fn op_assign(
        &mut self,
        target: &mut Dynamic,
        op: BinaryOp,
        rhs: Dynamic,
        pos: Position,
    ) -> EResult<()> {
        let fast = self.fast_ops;
        if fast {
            if let Some(result) = crate::func::builtin::op_assign(op, target, &rhs) {
                return result.at(pos);
            }
        }
        let mut rhs = rhs;
        if let Some(result) = self.try_call_native_ref(op.assign_name(), target, &mut rhs, pos)? {
            let _ = result;
            return Ok(());
        }
        if !fast {
            if let Some(result) = crate::func::builtin::op_assign(op, target, &rhs) {
                return result.at(pos);
            }
        }
        let lhs = target.take();
        match self.binary_op(op, lhs, rhs, pos) {
            Ok(v) => {
                *target = v;
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// Evaluate an assignment statement.
    pub(crate) fn eval_assignment(
        &mut self,
        scope: &mut Scope,
        x: &Assignment,
        pos: Position,
    ) -> EResult<()> {
        if let (Some(op), Expr::Variable(var, _), true) = (x.op, &x.lhs, self.fast_ops) {
            if let (Some(slot), Some(Prim::Int(y))) = (var.slot, self.peek_prim(scope, &x.rhs)) {
                if let Some(Union::Int(n, _, AccessMode::ReadWrite)) = scope
                    .values
                    .get_mut(self.frame_base + slot as usize)
                    .map(|v| &mut v.0)
                {
                    let fast = match op {
                        BinaryOp::Add => n.checked_add(y),
                        BinaryOp::Sub => n.checked_sub(y),
                        BinaryOp::Mul => n.checked_mul(y),
                        _ => None,
                    };
                    if let Some(v) = fast {
                        *n = v;
                        return Ok(());
                    }
                }
            }
        }
        let value = self.eval_expr(scope, &x.rhs)?;
        let write = Write {
            op: x.op,
            value,
            pos,
        };
        match &x.lhs {
            Expr::Variable(var, vpos) if var.namespace.is_empty() => {
                let index = self.var_index(scope, var, *vpos)?;
                let slot = &mut scope.values[index];
                if slot.access_mode() == AccessMode::ReadOnly {
                    return Err(EvalAltResult::ErrorAssignmentToConstant(
                        var.name.to_string(),
                        *vpos,
                    )
                    .into());
                }
                if let (None, Union::Shared(..)) = (write.op, &slot.0) {
                    return self.write_target(slot, write);
                }
                if let (Some(op), true, Union::Int(x, ..), Union::Int(y, ..)) =
                    (write.op, self.fast_ops, &mut slot.0, &write.value.0)
                {
                    let fast = match op {
                        BinaryOp::Add => x.checked_add(*y),
                        BinaryOp::Sub => x.checked_sub(*y),
                        BinaryOp::Mul => x.checked_mul(*y),
                        _ => None,
                    };
                    if let Some(v) = fast {
                        *x = v;
                        return Ok(());
                    }
                }
                if write.op.is_none() {
                    let mut value = write.value.flatten();
                    value.set_access_mode(AccessMode::ReadWrite);
                    self.check_data_size(&value, pos)?;
                    *slot = value;
                    return Ok(());
                }
                let mut target = slot.take();
                let result = self.write_target(&mut target, write);
                scope.values[index] = target;
                result.map_err(|flow| with_var_name(flow, &var.name))
            }
            Expr::ThisPtr(tpos) => {
                let Some(mut this) = self.this.take() else {
                    return Err(EvalAltResult::ErrorUnboundThis(*tpos).into());
                };
                let result = self.write_target(&mut this, write);
                self.this = Some(this);
                result
            }
            Expr::Chain(chain, cpos) => match self.try_fast_index_write(scope, chain, write)? {
                None => Ok(()),
                Some(write) => self
                    .eval_chain(scope, chain, Some(write), *cpos)
                    .map(|_| ()),
            },
            Expr::Variable(var, vpos) => {
                // A module variable is constant: it must exist, then it cannot be assigned.
                self.read_module_var(var, *vpos)?;
                Err(EvalAltResult::ErrorAssignmentToConstant(
                    var.name.to_string(),
                    qualified_name_position(var, *vpos),
                )
                .into())
            }
            other => Err(
                EvalAltResult::ErrorAssignmentToConstant(String::new(), other.position()).into(),
            ),
        }
    }
}

impl Interp<'_> {
    /// `a[i][j]… = value` on nested arrays in a slot variable, with side-effect-free integer
    /// indices: navigate in place. Gives the write back when the fast path does not apply
    /// (nothing has been evaluated yet then, so the general path starts afresh).
    fn try_fast_index_write(
        &mut self,
        scope: &mut Scope,
        chain: &ChainExpr,
        write: Write,
    ) -> EResult<Option<Write>> {
        let Expr::Variable(var, _) = &chain.root else {
            return Ok(Some(write));
        };
        let (Some(slot), true) = (var.slot, chain.links.len() <= 4) else {
            return Ok(Some(write));
        };
        let mut indices = [0 as crate::INT; 4];
        for (i, link) in chain.links.iter().enumerate() {
            match link {
                ChainLink::Index(idx, false, _) => match self.peek_prim(scope, idx) {
                    Some(Prim::Int(n)) => indices[i] = n,
                    _ => return Ok(Some(write)),
                },
                _ => return Ok(Some(write)),
            }
        }
        let Some(mut target) = scope.values.get_mut(self.frame_base + slot as usize) else {
            return Ok(Some(write));
        };
        if target.access_mode() == AccessMode::ReadOnly {
            return Ok(Some(write));
        }
        for &index in &indices[..chain.links.len()] {
            let Union::Array(array, ..) = &mut target.0 else {
                return Ok(Some(write));
            };
            let Some(n) = crate::eval::index::normalize_index(index, array.len()) else {
                return Ok(Some(write));
            };
            target = &mut crate::config::Shared::make_mut(array)[n];
        }
        self.write_target(target, write)?;
        Ok(None)
    }
}

/// Where the name of `ns::name` is written (just after the last `::`).
fn qualified_name_position(var: &crate::ast::VarRef, pos: Position) -> Position {
    let Some(last) = var.namespace.last() else {
        return pos;
    };
    let mut name_pos = last.pos;
    for _ in 0..last.name.chars().count() + 2 {
        name_pos.advance();
    }
    name_pos
}

/// A write into a constant, not yet named (raised inside the constant's value).
fn is_unnamed_constant_write(err: &EvalAltResult) -> bool {
    matches!(err, EvalAltResult::ErrorAssignmentToConstant(s, _) if s.is_empty())
}

/// Take the first pre-evaluated value.
fn split_first_value(values: &mut [Dynamic]) -> (Dynamic, &mut [Dynamic]) {
    if values.is_empty() {
        return (Dynamic::UNIT, values);
    }
    let (first, rest) = values.split_at_mut(1);
    (first[0].take(), rest)
}

/// Put the variable's name into errors about it that lack one.
fn with_var_name(flow: Flow, name: &str) -> Flow {
    match flow {
        Flow::Error(mut err) => {
            match &mut *err {
                EvalAltResult::ErrorAssignmentToConstant(s, _)
                | EvalAltResult::ErrorNonPureMethodCallOnConstant(s, _)
                    if s.is_empty() =>
                {
                    *s = name.into();
                }
                _ => (),
            }
            Flow::Error(err)
        }
        other => other,
    }
}
