//! Statement evaluation: blocks, declarations, assignments, control flow, loops, `try`.

use super::expr::IntoFlow;
use super::{EResult, Flow, Interp};
use crate::ast::stmt::{ForStmt, Jump, RangeCase, SwitchStmt, TryCatchStmt};
use crate::ast::{Expr, Stmt, StmtBlock};
use crate::value::dynamic::{AccessMode, Union};
use crate::{Dynamic, EvalAltResult, Position, Scope, INT};

/// Drop a statement's value; primitives own nothing, so skip the out-of-line drop glue.
#[inline(always)]
fn discard(value: Dynamic) {
    match value.0 {
        Union::Unit(..) | Union::Bool(..) | Union::Int(..) | Union::Float(..) | Union::Char(..) => {
            core::mem::forget(value)
        }
        _ => drop(value),
    }
}

/// Does a `switch` value fall inside a range case? Only numbers (INT, FLOAT, `Decimal`) can.
fn in_range_case(value: &Dynamic, range: &RangeCase) -> bool {
    fn inside<T: PartialOrd>(v: T, start: T, end: T, inclusive: bool) -> bool {
        v >= start && if inclusive { v <= end } else { v < end }
    }
    let (start, end, inclusive) = (range.start, range.end, range.inclusive);
    match &value.0 {
        Union::Int(n, ..) => inside(*n, start, end, inclusive),
        Union::Float(f, ..) => inside(*f, start as crate::FLOAT, end as crate::FLOAT, inclusive),
        #[cfg(feature = "decimal")]
        Union::Decimal(d, ..) => inside(**d, start.into(), end.into(), inclusive),
        _ => false,
    }
}

impl Interp<'_> {
    /// Evaluate a block in its own scope level.
    #[inline]
    pub(crate) fn eval_block(&mut self, scope: &mut Scope, block: &StmtBlock) -> EResult {
        if block.declares {
            self.eval_scoped_block(scope, block)
        } else {
            self.eval_stmts(scope, &block.stmts)
        }
    }

    /// A block that declares variables or imports: both go when it ends.
    #[inline(never)]
    fn eval_scoped_block(&mut self, scope: &mut Scope, block: &StmtBlock) -> EResult {
        let mark = scope.len();
        let imports = self.global.imports.len();
        let result = self.eval_stmts(scope, &block.stmts);
        scope.rewind(mark);
        if self.global.imports.len() > imports {
            self.global.imports.truncate(imports);
            self.global.fn_cache.clear();
        }
        result
    }

    /// Evaluate statements in order; the value is the last statement's.
    #[inline]
    pub(crate) fn eval_stmts(&mut self, scope: &mut Scope, stmts: &[Stmt]) -> EResult {
        let Some((last, init)) = stmts.split_last() else {
            return Ok(Dynamic::UNIT);
        };
        for stmt in init {
            discard(self.eval_stmt(scope, stmt)?);
        }
        self.eval_stmt(scope, last)
    }

    /// Evaluate one statement.
    pub(crate) fn eval_stmt(&mut self, scope: &mut Scope, stmt: &Stmt) -> EResult {
        if self.track_ops {
            self.count_op(stmt.position())?;
        }
        match stmt {
            Stmt::Expr(expr) => self.eval_expr(scope, expr),
            Stmt::Assignment(x, pos) => {
                self.eval_assignment(scope, x, *pos)?;
                Ok(Dynamic::UNIT)
            }
            Stmt::Var(decl, pos) => {
                let mut value = self.eval_expr(scope, &decl.value)?.flatten();
                let mode = if decl.is_const {
                    AccessMode::ReadOnly
                } else {
                    AccessMode::ReadWrite
                };
                value.set_access_mode(mode);
                let max = self.engine.limits.max_variables;
                if scope.len() - self.frame_base >= max {
                    return Err(EvalAltResult::ErrorTooManyVariables(*pos).into());
                }
                if !self
                    .engine
                    .options
                    .contains(crate::engine::LangOptions::SHADOWING)
                    && scope
                        .search_from(self.search_base, &decl.name.name)
                        .is_some()
                {
                    let name = decl.name.name.to_string();
                    return Err(EvalAltResult::ErrorVariableExists(name, *pos).into());
                }
                if decl.is_const && decl.is_global && self.global.level == 0 {
                    let name = decl.name.name.clone();
                    self.global.constants.push((name, value.clone()));
                }
                scope.push_raw(decl.name.name.clone(), value);
                if decl.is_export {
                    scope.set_alias(decl.name.name.as_str(), decl.name.name.clone());
                }
                Ok(Dynamic::UNIT)
            }
            Stmt::If(x, _) => {
                if self.eval_condition(scope, &x.cond)? {
                    self.eval_block(scope, &x.then_block)
                } else if x.else_block.stmts.is_empty() {
                    Ok(Dynamic::UNIT)
                } else {
                    self.eval_block(scope, &x.else_block)
                }
            }
            Stmt::While(x, _) => self.eval_while(scope, &x.0, &x.1),
            Stmt::Do(x, until, _) => self.eval_do(scope, &x.0, &x.1, *until),
            Stmt::For(x, pos) => self.eval_for(scope, x, *pos),
            Stmt::Block(block) => self.eval_block(scope, block),
            Stmt::Switch(x, pos) => self.eval_switch(scope, x, *pos),
            Stmt::TryCatch(x, _) => self.eval_try(scope, x),
            Stmt::Jump(jump, value, pos) => self.eval_jump(scope, *jump, value.as_deref(), *pos),
            Stmt::Noop(_) => Ok(Dynamic::UNIT),
            Stmt::Import(x, pos) => self.eval_import(scope, &x.0, x.1.as_ref(), *pos),
            Stmt::Export(export, _) => {
                let (var, alias) = &**export;
                let index = self.var_index(scope, var, alias.pos)?;
                scope.add_alias_at(index, alias.name.clone());
                Ok(Dynamic::UNIT)
            }
        }
    }

    /// Evaluate a condition, which must be a bool.
    #[inline]
    pub(crate) fn eval_condition(&mut self, scope: &mut Scope, cond: &Expr) -> EResult<bool> {
        match cond {
            Expr::BoolConstant(b, _) => Ok(*b),
            Expr::FnCall(call, _) if call.op.is_some() && call.args.len() == 2 => {
                if let (Some(op), true, Some(a), Some(b)) = (
                    call.op,
                    self.fast_ops,
                    self.peek_prim(scope, &call.args[0]),
                    self.peek_prim(scope, &call.args[1]),
                ) {
                    if let Some(r) = crate::func::builtin::prim_compare(op, a, b) {
                        return Ok(r);
                    }
                }
                let a = self.eval_expr(scope, &call.args[0])?;
                let b = self.eval_expr(scope, &call.args[1])?;
                if let (true, Union::Int(x, ..), Union::Int(y, ..)) = (self.fast_ops, &a.0, &b.0) {
                    if let Some(r) = crate::func::builtin::int_compare(call.op, *x, *y) {
                        return Ok(r);
                    }
                }
                let value =
                    self.binary_op(call.op.unwrap_or(crate::ast::BinaryOp::Eq), a, b, call.pos)?;
                match value.0 {
                    Union::Bool(b, ..) => Ok(b),
                    _ => value
                        .as_bool()
                        .map_err(|actual| self.type_mismatch("bool", actual, cond.position())),
                }
            }
            _ => {
                let value = self.eval_expr(scope, cond)?;
                match value.0 {
                    Union::Bool(b, ..) => Ok(b),
                    _ => value
                        .as_bool()
                        .map_err(|actual| self.type_mismatch("bool", actual, cond.position())),
                }
            }
        }
    }

    /// A data type mismatch error naming the script type names.
    pub(crate) fn type_mismatch(&self, expected: &str, actual: &str, pos: Position) -> Flow {
        EvalAltResult::ErrorMismatchDataType(
            self.engine.map_type_name(expected).into(),
            self.engine.map_type_name(actual).into(),
            pos,
        )
        .into()
    }

    fn eval_jump(
        &mut self,
        scope: &mut Scope,
        jump: Jump,
        value: Option<&Expr>,
        pos: Position,
    ) -> EResult {
        let value = match value {
            Some(e) => self.eval_expr(scope, e)?.flatten(),
            None if jump == Jump::Throw => self.caught.clone().unwrap_or_default(),
            None => Dynamic::UNIT,
        };
        Err(match jump {
            Jump::Break => Flow::Break(value, pos),
            Jump::Continue => Flow::Continue(pos),
            Jump::Return => Flow::Return(value, pos),
            Jump::Throw => EvalAltResult::ErrorRuntime(value, pos).into(),
        })
    }

    /// Run a loop body once: `Ok(None)` to go on, `Ok(Some(v))` on `break v`.
    #[inline]
    fn loop_body(&mut self, scope: &mut Scope, body: &StmtBlock) -> EResult<Option<Dynamic>> {
        match self.eval_block(scope, body) {
            Ok(_) | Err(Flow::Continue(_)) => Ok(None),
            Err(Flow::Break(v, _)) => Ok(Some(v)),
            Err(flow) => Err(flow),
        }
    }

    fn eval_while(&mut self, scope: &mut Scope, cond: &Expr, body: &StmtBlock) -> EResult {
        loop {
            if !self.eval_condition(scope, cond)? {
                return Ok(Dynamic::UNIT);
            }
            if let Some(v) = self.loop_body(scope, body)? {
                return Ok(v);
            }
            self.count_op(body.pos)?;
        }
    }

    fn eval_do(
        &mut self,
        scope: &mut Scope,
        body: &StmtBlock,
        cond: &Expr,
        until: bool,
    ) -> EResult {
        loop {
            if let Some(v) = self.loop_body(scope, body)? {
                return Ok(v);
            }
            if self.eval_condition(scope, cond)? == until {
                return Ok(Dynamic::UNIT);
            }
            self.count_op(body.pos)?;
        }
    }

    fn eval_for(&mut self, scope: &mut Scope, x: &ForStmt, pos: Position) -> EResult {
        let iterable = self.eval_expr(scope, &x.iter)?.flatten();
        let mark = scope.len();
        scope.push_raw(x.var.name.clone(), Dynamic::UNIT);
        if let Some(c) = &x.counter {
            scope.push_raw(c.name.clone(), Dynamic::UNIT);
        }
        let result = self.run_for(scope, x, iterable, mark, pos);
        scope.rewind(mark);
        result
    }

    /// Drive the loop: ranges and arrays natively, anything else through an iterator.
    fn run_for(
        &mut self,
        scope: &mut Scope,
        x: &ForStmt,
        iterable: Dynamic,
        mark: usize,
        pos: Position,
    ) -> EResult {
        if let Some(range) = crate::packages::iter_basic::as_int_range(&iterable) {
            for (i, n) in range.enumerate() {
                if let Some(v) = self.for_step(scope, x, mark, i, Dynamic::from_int(n))? {
                    return Ok(v);
                }
            }
            return Ok(Dynamic::UNIT);
        }
        if let Union::Array(array, ..) = &iterable.0 {
            for (i, item) in array.iter().enumerate() {
                if let Some(v) = self.for_step(scope, x, mark, i, item.clone())? {
                    return Ok(v);
                }
            }
            return Ok(Dynamic::UNIT);
        }
        let Some(iter) = self.make_iterator(iterable) else {
            return Err(EvalAltResult::ErrorFor(x.iter.position().or_else(pos)).into());
        };
        let at = x.iter.position().or_else(pos);
        for (i, item) in iter.enumerate() {
            if let Some(v) = self.for_step(scope, x, mark, i, item.at(at)?)? {
                return Ok(v);
            }
        }
        Ok(Dynamic::UNIT)
    }

    /// One iteration: set the loop variables and run the body.
    #[inline]
    fn for_step(
        &mut self,
        scope: &mut Scope,
        x: &ForStmt,
        mark: usize,
        index: usize,
        item: Dynamic,
    ) -> EResult<Option<Dynamic>> {
        self.count_op(x.body.pos)?;
        let slot = &mut scope.values[mark];
        if let Union::Shared(cell, ..) = &slot.0 {
            if let Some(mut guard) = crate::value::lock::write(cell) {
                *guard = item;
            }
        } else {
            *slot = item;
        }
        if x.counter.is_some() {
            scope.values[mark + 1] = Dynamic::from_int(INT::try_from(index).unwrap_or(INT::MAX));
        }
        self.loop_body(scope, &x.body)
    }

    fn eval_switch(&mut self, scope: &mut Scope, x: &SwitchStmt, _pos: Position) -> EResult {
        let value = self.eval_expr(scope, &x.value)?.flatten();
        for (key, cases) in x.table.iter() {
            if !crate::syntax::parser::same_value(key, &value) {
                continue;
            }
            for &i in cases.iter() {
                let case = &x.cases[i];
                if let Some(cond) = &case.condition {
                    if !self.eval_condition(scope, cond)? {
                        continue;
                    }
                }
                return self.eval_expr(scope, &case.expr);
            }
        }
        for range in x.ranges.iter() {
            if !in_range_case(&value, range) {
                continue;
            }
            let case = &x.cases[range.case];
            if let Some(cond) = &case.condition {
                if !self.eval_condition(scope, cond)? {
                    continue;
                }
            }
            return self.eval_expr(scope, &case.expr);
        }
        match &x.default {
            Some(expr) => self.eval_expr(scope, expr),
            None => Ok(Dynamic::UNIT),
        }
    }

    /// `try { … } catch (e) { … }`: a statement, whose value is always `()`.
    fn eval_try(&mut self, scope: &mut Scope, x: &TryCatchStmt) -> EResult {
        let mark = scope.len();
        let saved_level = self.global.level;
        let saved_frame = (self.frame_base, self.search_base);
        // The statement's value is `()` whichever block runs.
        let err = match self.eval_block(scope, &x.body) {
            Ok(_) => return Ok(Dynamic::UNIT),
            Err(Flow::Error(err)) if err.is_catchable() => err,
            Err(flow) => return Err(flow),
        };
        scope.rewind(mark);
        self.global.level = saved_level;
        (self.frame_base, self.search_base) = saved_frame;
        let value = err.into_catch_value();
        let outer = self.caught.replace(value.clone());
        let result = match &x.catch_var {
            Some(var) => {
                scope.push_raw(var.name.clone(), value);
                let result = self.eval_block(scope, &x.catch_block);
                scope.rewind(mark);
                result
            }
            None => self.eval_block(scope, &x.catch_block),
        };
        self.caught = outer;
        result.map(|_| Dynamic::UNIT)
    }
}
