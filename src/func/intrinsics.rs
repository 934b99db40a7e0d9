//! Functions the evaluator implements itself because they need the running state: `eval`,
//! `Fn`, `call`, `curry`, `is_def_var`, `is_def_fn`, `is_shared`, `type_of`, `print`, `debug`.
//! They work in every engine, raw ones included.

use crate::ast::FnCallExpr;
use crate::eval::{EResult, Flow, Interp};
use crate::func::call::ArgVec;
use crate::func::fn_ptr::{check_function_name, FnPtr};
use crate::func::hashing::calc_fn_hash;
use crate::value::dynamic::Union;
use crate::value::fmt::map_std_type_name;
use crate::{Dynamic, EvalAltResult, ImmutableString, Position, Scope};

/// Names the evaluator handles itself (for some arities).
pub(crate) fn is_intrinsic(name: &str) -> bool {
    matches!(
        name,
        "type_of"
            | "print"
            | "debug"
            | "-"
            | "+"
            | "is_shared"
            | "Fn"
            | "eval"
            | "is_def_var"
            | "is_def_fn"
            | "call"
            | "curry"
            | "exit"
    )
}

impl Interp<'_> {
    /// Evaluate a call to an intrinsic; `None` if the call is not one.
    pub(crate) fn try_intrinsic(
        &mut self,
        scope: &mut Scope,
        call: &FnCallExpr,
        pos: Position,
    ) -> EResult<Option<Dynamic>> {
        let n = call.args.len();
        let value = match (call.name.as_str(), n) {
            ("type_of", 1) => {
                let v = self.eval_expr(scope, &call.args[0])?;
                Dynamic::from(ImmutableString::from(
                    self.engine.map_type_name(v.type_name()),
                ))
            }
            ("print", 1) => {
                let v = self.eval_expr(scope, &call.args[0])?;
                let text = self.display_string(v, pos)?;
                if let Some(f) = &self.engine.print {
                    f(&text);
                }
                Dynamic::UNIT
            }
            ("debug", 1) => {
                let v = self.eval_expr(scope, &call.args[0])?;
                let text = self.debug_string(v, pos)?;
                if let Some(f) = &self.engine.debug {
                    f(&text, self.global.source.as_deref(), pos);
                }
                Dynamic::UNIT
            }
            ("exit", 0 | 1) => {
                let value = match call.args.first() {
                    Some(e) => self.eval_expr(scope, e)?.flatten(),
                    None => Dynamic::UNIT,
                };
                return Err(EvalAltResult::Exit(value, pos).into());
            }
            ("-" | "+", 1) => {
                let v = self.eval_expr(scope, &call.args[0])?;
                self.call_operator(&call.name, vec![v], pos)?
            }
            ("is_shared", 1) => match &call.args[0] {
                crate::ast::Expr::Variable(var, vpos) if var.namespace.is_empty() => {
                    let index = self.var_index(scope, var, *vpos)?;
                    Dynamic::from_bool(scope.values[index].is_shared())
                }
                e => {
                    let v = self.eval_expr(scope, e)?;
                    Dynamic::from_bool(v.is_shared())
                }
            },
            ("Fn", 1) => {
                let v = self.eval_expr(scope, &call.args[0])?;
                // A bad name is reported at the argument.
                self.make_fn_ptr(v, call.args[0].position())?
            }
            ("eval", 1) => {
                // Errors of `eval` are located at its argument.
                let pos = call.args[0].position();
                let v = self.eval_expr(scope, &call.args[0])?;
                let script = v
                    .into_immutable_string()
                    .map_err(|t| self.type_mismatch("string", t, pos))?;
                // Errors of the script are reported at the argument.
                self.eval_script_in_scope(scope, &script, call.args[0].position())?
            }
            ("is_def_var", 1) => {
                let v = self.eval_expr(scope, &call.args[0])?;
                let at = call.args[0].position();
                let name = v
                    .into_immutable_string()
                    .map_err(|t| self.type_mismatch("string", t, at))?;
                Dynamic::from_bool(scope.search_from(self.search_base, &name).is_some())
            }
            ("is_def_fn", 2) => {
                let name = self.eval_expr(scope, &call.args[0])?;
                let arity = self.eval_expr(scope, &call.args[1])?;
                let name = name
                    .into_immutable_string()
                    .map_err(|t| self.type_mismatch("string", t, pos))?;
                let arity = arity
                    .as_int()
                    .map_err(|t| self.type_mismatch("i64", t, pos))?;
                let found = usize::try_from(arity)
                    .is_ok_and(|n| self.find_script_fn(calc_fn_hash(None, &name, n)).is_some());
                Dynamic::from_bool(found)
            }
            ("is_def_fn", 3) => {
                let this_type = self.eval_expr(scope, &call.args[0])?;
                let name = self.eval_expr(scope, &call.args[1])?;
                let arity = self.eval_expr(scope, &call.args[2])?;
                let (Ok(t), Ok(name), Ok(arity)) = (
                    this_type.into_immutable_string(),
                    name.into_immutable_string(),
                    arity.as_int(),
                ) else {
                    return Err(self.type_mismatch("string", "?", pos));
                };
                // The type as the method was stored: `int` and `float` as `i64` and `f64`.
                let found = usize::try_from(arity).is_ok_and(|n| {
                    let hash = crate::module::typed_method_hash(&t, &name, n);
                    self.find_script_fn(hash).is_some()
                });
                Dynamic::from_bool(found)
            }
            ("call", _) if n >= 1 => {
                let mut args = self.eval_args(scope, &call.args)?;
                let target = args.remove(0);
                let Dynamic(Union::FnPtr(ptr, ..)) = target else {
                    let at = call.args[0].position();
                    return Err(self.type_mismatch(
                        "Fn",
                        map_std_type_name(target.type_name()),
                        at,
                    ));
                };
                self.call_fn_ptr(scope, &ptr, args, None, pos)?
            }
            ("curry", _) if n >= 1 => {
                let mut args = self.eval_args(scope, &call.args)?;
                let target = args.remove(0);
                let Dynamic(Union::FnPtr(mut ptr, ..)) = target else {
                    return Err(self.type_mismatch(
                        "Fn",
                        map_std_type_name(target.type_name()),
                        pos,
                    ));
                };
                ptr.curry.extend(args);
                Dynamic::from_fn_ptr(*ptr)
            }
            _ => return Ok(None),
        };
        Ok(Some(value))
    }

    /// Intrinsic methods: `f.call(…)`, `f.curry(…)`, `obj.call(f, …)` (binding `this`),
    /// `x.type_of()`, `x.is_shared()`.
    pub(crate) fn try_method_intrinsic(
        &mut self,
        scope: &mut Scope,
        target: &mut Dynamic,
        call: &FnCallExpr,
        args: &mut [Dynamic],
        pos: Position,
    ) -> EResult<Option<Dynamic>> {
        let value = match (call.name.as_str(), &target.0) {
            ("call", Union::FnPtr(ptr, ..)) => {
                let args: ArgVec = args.iter_mut().map(Dynamic::take).collect();
                self.call_fn_ptr(scope, ptr, args, None, pos)?
            }
            ("call", _) if matches!(args.first(), Some(Dynamic(Union::FnPtr(..)))) => {
                let Dynamic(Union::FnPtr(ptr, ..)) = args[0].take() else {
                    return Ok(None);
                };
                let args: ArgVec = args[1..].iter_mut().map(Dynamic::take).collect();
                self.call_fn_ptr(scope, &ptr, args, Some(target), pos)?
            }
            ("curry", Union::FnPtr(ptr, ..)) => {
                let mut ptr = (**ptr).clone();
                ptr.curry.extend(args.iter_mut().map(Dynamic::take));
                Dynamic::from_fn_ptr(ptr)
            }
            ("type_of", _) if args.is_empty() => Dynamic::from(ImmutableString::from(
                self.engine.map_type_name(target.type_name()),
            )),
            ("is_shared", _) if args.is_empty() => Dynamic::from_bool(target.is_shared()),
            _ => return Ok(None),
        };
        Ok(Some(value))
    }

    /// `Fn(name)`: a function pointer, checked for a valid name.
    fn make_fn_ptr(&self, name: Dynamic, pos: Position) -> EResult {
        let name = name
            .into_immutable_string()
            .map_err(|t| self.type_mismatch("string", t, pos))?;
        check_function_name(&name).map_err(|mut err| {
            err.set_position(pos);
            err
        })?;
        let mut ptr = FnPtr::new_unchecked(name);
        ptr.env = self.env.clone();
        Ok(Dynamic::from_fn_ptr(ptr))
    }

    /// `eval(script)`: compile and run in the caller's scope; variables it defines stay.
    fn eval_script_in_scope(&mut self, scope: &mut Scope, script: &str, pos: Position) -> EResult {
        // `eval` can recurse (a script that evals itself) without any script function call,
        // so it checks the native stack budget itself, keeping a quarter of it for the parser
        // so that runaway `eval` recursion reports a stack overflow at the call, not a parse error.
        if self
            .global
            .stack
            .nearly_exhausted(crate::config::STACK_BUDGET / 4)
        {
            return Err(EvalAltResult::ErrorStackOverflow(pos).into());
        }
        let stack = self.global.stack;
        let ast = crate::syntax::parser::parse_nested(self.engine, script, stack).map_err(|e| {
            // Still a system exception (not catchable), but located at the call.
            let inner = EvalAltResult::ErrorParsing(*e.0, e.1.or_else(pos));
            Flow::Error(self.in_fn_call("eval", inner.into(), pos))
        })?;
        let mut libs: Vec<crate::config::Shared<crate::module::Module>> = self.lib.to_vec();
        libs.push(ast.lib.clone());
        let global = core::mem::replace(
            &mut self.global,
            crate::eval::GlobalRuntimeState::new(self.engine),
        );
        let mut sub = Interp {
            engine: self.engine,
            lib: &libs,
            global,
            this: self.this.take(),
            frame_base: scope.len(),
            search_base: self.search_base,
            track_ops: self.track_ops,
            expose_scope: self.expose_scope,
            fast_ops: self.fast_ops,
            host_top: self.host_top,
            env: self.env.take(),
            caught: self.caught.take(),
            placeholder: self.placeholder.clone(),
        };
        let result = sub.eval_stmts(scope, &ast.body.stmts);
        self.global = sub.global;
        self.this = sub.this;
        self.caught = sub.caught;
        self.env = sub.env;
        match result {
            Ok(v) | Err(Flow::Return(v, _)) => Ok(v),
            // Positions inside the text are not positions in the script: the error (even a
            // system exception) travels wrapped as a call of `eval`, at its argument.
            Err(Flow::Error(err)) => Err(self.in_fn_call("eval", err, pos).into()),
            Err(flow) => Err(flow),
        }
    }
}
