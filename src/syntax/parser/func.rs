//! Function frames and variable resolution; `fn` definitions and closures.
//!
//! A frame is one function body (or the global level). Variables resolve to their index in
//! the frame. Inside a closure, a variable of an enclosing frame becomes a *capture*: an extra
//! parameter in front of the declared ones, curried with the shared variable when the closure
//! is created. While the body is parsed the capture count is unknown, so captures get
//! provisional slots `CAPTURE_BASE + i` and every other slot of the frame is shifted by the
//! number of captures afterwards.

use super::{PResult, Parser, VarEntry};
use crate::ast::{ClosureExpr, Expr, Ident, ScriptFuncDef, StmtBlock, VarRef, ANONYMOUS_FN_PREFIX};
use crate::config::Shared;
use crate::engine::LangOptions;
use crate::module::FnAccess;
use crate::syntax::error::ParseErrorType as PERR;
use crate::syntax::token::Token;
use crate::value::string::SmartString;
use crate::{ImmutableString, ParseError, Position};

/// A captured variable: its name, its reference in the enclosing frame, its first use.
type Capture = (ImmutableString, VarRef, Position);

/// Numbers anonymous functions uniquely across all scripts, so merged ASTs never clash.
static ANON_COUNTER: core::sync::atomic::AtomicUsize = core::sync::atomic::AtomicUsize::new(1);

/// Provisional slots of captured variables while a closure body is parsed.
const CAPTURE_BASE: u32 = 1 << 31;

/// What kind of body a frame is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FrameKind {
    /// The script's top level.
    Global,
    /// A `fn` definition: sees nothing outside.
    Function,
    /// An anonymous function: captures variables of enclosing frames.
    Closure,
}

/// One function body being parsed.
pub(super) struct Frame {
    kind: FrameKind,
    /// Index of the frame's first variable in `Parser::vars`.
    start: usize,
    /// Captured variables (closures only): name and the reference in the parent frame.
    captures: Vec<Capture>,
    /// Does the body call `eval` (so variables must be looked up by name)?
    pub(super) uses_eval: bool,
    /// Loop nesting, for `break`/`continue`.
    pub(super) loop_depth: usize,
}

impl Frame {
    pub(super) fn global() -> Self {
        Self {
            kind: FrameKind::Global,
            start: 0,
            captures: Vec::new(),
            uses_eval: false,
            loop_depth: 0,
        }
    }
}

impl Parser<'_> {
    pub(super) fn frame(&self) -> &Frame {
        // Invariant: the global frame is pushed at creation and popped only at the very end.
        self.frames.last().unwrap_or_else(|| unreachable!())
    }

    pub(super) fn frame_mut(&mut self) -> &mut Frame {
        // Invariant: as for `frame`.
        self.frames.last_mut().unwrap_or_else(|| unreachable!())
    }

    /// Declare a variable in the current frame.
    pub(super) fn declare(&mut self, name: ImmutableString, is_const: bool) {
        self.vars.push(VarEntry { name, is_const });
    }

    pub(super) fn is_declared_in_frame(&self, name: &str) -> bool {
        self.vars[self.frame().start..]
            .iter()
            .any(|v| v.name.as_str() == name)
    }

    /// Is the resolved variable a constant (as far as the parser knows)?
    pub(super) fn is_constant(&self, var: &VarRef) -> bool {
        let Some(slot) = var.slot else {
            return false;
        };
        if slot >= CAPTURE_BASE {
            return false;
        }
        self.vars
            .get(self.frame().start + slot as usize)
            .is_some_and(|v| v.is_const && v.name == var.name)
    }

    /// Mark the current frame as calling `eval`.
    pub(super) fn note_eval(&mut self) {
        self.frame_mut().uses_eval = true;
    }

    /// Resolve a variable name in the current frame (capturing it into closures as needed).
    pub(super) fn resolve_var(&mut self, name: ImmutableString, pos: Position) -> PResult<VarRef> {
        let top = self.frames.len() - 1;
        let slot = self.resolve_in(top, &name, pos);
        if slot.is_none()
            && self.options.contains(LangOptions::STRICT_VAR)
            && !self.scope_names.contains(&name)
        {
            return Err(PERR::VariableUndefined(name.to_string()).into_err(pos));
        }
        Ok(VarRef {
            name,
            slot,
            namespace: Box::new([]),
        })
    }

    /// The slot of `name` (used at `pos`) in frame `fi`, capturing through closure frames.
    fn resolve_in(&mut self, fi: usize, name: &ImmutableString, pos: Position) -> Option<u32> {
        let start = self.frames[fi].start;
        let end = self.frames.get(fi + 1).map_or(self.vars.len(), |f| f.start);
        if let Some(i) = self.vars[start..end].iter().rposition(|v| v.name == *name) {
            return u32::try_from(i).ok();
        }
        if self.frames[fi].kind != FrameKind::Closure {
            return None;
        }
        if let Some(i) = self.frames[fi]
            .captures
            .iter()
            .position(|(n, ..)| n == name)
        {
            return Some(CAPTURE_BASE + i as u32);
        }
        let parent_slot = self.resolve_in(fi - 1, name, pos);
        let captures = &mut self.frames[fi].captures;
        captures.push((
            name.clone(),
            VarRef {
                name: name.clone(),
                slot: parent_slot,
                namespace: Box::new([]),
            },
            pos,
        ));
        Some(CAPTURE_BASE + (captures.len() - 1) as u32)
    }

    /// `fn_def := ["private"] "fn" name "(" [param ("," param)*] ")" block`
    pub(super) fn parse_fn_def(&mut self, comments: Vec<SmartString>) -> PResult<()> {
        let access = if self.eat(&Token::Private)? {
            FnAccess::Private
        } else {
            FnAccess::Public
        };
        let (token, pos) = self.next()?;
        if token != Token::Fn {
            return Err(
                PERR::MissingToken("fn".into(), "following 'private'".into()).into_err(pos),
            );
        }
        let (name, this_type) = self.parse_fn_name()?;
        let params = self.parse_params(&name)?;
        let body = match self.parse_fn_body(FrameKind::Function, &params) {
            Ok((body, _)) => body,
            Err(ParseError(err, p)) if matches!(*err, PERR::FnMissingBody(..)) => {
                return Err(PERR::FnMissingBody(name.to_string()).into_err(p))
            }
            Err(err) => return Err(err),
        };
        let hash = match &this_type {
            Some(t) => crate::module::typed_method_hash(t, &name, params.len()),
            None => crate::func::hashing::calc_fn_hash(None, &name, params.len()),
        };
        if self.lib.contains_fn(hash) {
            return Err(PERR::FnDuplicatedDefinition(name.to_string(), params.len()).into_err(pos));
        }
        let max = self.engine.limits.max_functions;
        if self.lib.iter_script_fn().count() >= max {
            return Err(PERR::TooManyFunctions.into_err(pos));
        }
        self.lib.set_script_fn(ScriptFuncDef {
            name,
            access,
            params: params.into_iter().map(|p| p.name).collect(),
            body,
            this_type,
            comments: comments.into_boxed_slice(),
        });
        Ok(())
    }

    /// `fn_name := ident | (ident | string) "." ident`
    fn parse_fn_name(&mut self) -> PResult<(ImmutableString, Option<ImmutableString>)> {
        let (token, pos) = self.next()?;
        let first: ImmutableString = match token {
            Token::Identifier(s) if super::is_keyword_function(&s) => {
                return Err(PERR::Reserved(s.to_string()).into_err(pos))
            }
            Token::Identifier(s) => s.as_str().into(),
            Token::Global => "global".into(),
            Token::StringConstant(s) => {
                if self.peek_token()? != &Token::Period {
                    let p = self.peek_pos();
                    return Err(PERR::MissingToken(
                        ".".into(),
                        "after the type name for 'this'".into(),
                    )
                    .into_err(p));
                }
                s.as_str().into()
            }
            Token::Reserved(s) => return Err(PERR::Reserved(s.to_string()).into_err(pos)),
            _ => return Err(PERR::FnMissingName.into_err(pos)),
        };
        if self.eat(&Token::Period)? {
            let this_type: ImmutableString = match first.as_str() {
                "int" => "i64".into(),
                "float" => "f64".into(),
                _ => first,
            };
            match self.next()? {
                (Token::Identifier(s), _) => Ok((s.as_str().into(), Some(this_type))),
                (_, p) => Err(PERR::FnMissingName.into_err(p)),
            }
        } else {
            Ok((first, None))
        }
    }

    /// `params := "(" [ident ("," ident)*] ")"`
    fn parse_params(&mut self, fn_name: &str) -> PResult<Vec<Ident>> {
        let pos = self.peek_pos();
        if !self.eat(&Token::LeftParen)? {
            return Err(PERR::FnMissingParams(fn_name.into()).into_err(pos));
        }
        let mut params: Vec<Ident> = Vec::new();
        if self.eat(&Token::RightParen)? {
            return Ok(params);
        }
        loop {
            let (name, npos) = match self.peek()? {
                (Token::RightParen, _) if !params.is_empty() => {
                    self.next()?;
                    break;
                }
                (Token::Identifier(_) | Token::Reserved(_) | Token::This | Token::Global, _) => {
                    self.parse_var_name()?
                }
                (_, p) => {
                    return Err(PERR::MissingToken(
                        ")".into(),
                        format!("to close the parameters list of function '{fn_name}'"),
                    )
                    .into_err(p))
                }
            };
            if params.iter().any(|p| p.name == name) {
                return Err(
                    PERR::FnDuplicatedParam(fn_name.into(), name.to_string()).into_err(npos)
                );
            }
            params.push(Ident { name, pos: npos });
            match self.next()? {
                (Token::Comma, _) => (),
                (Token::RightParen, _) => break,
                (_, p) => {
                    return Err(PERR::MissingToken(
                        ",".into(),
                        format!("to separate the parameters of function '{fn_name}'"),
                    )
                    .into_err(p))
                }
            }
        }
        Ok(params)
    }

    /// Parse a function body in a new frame whose first variables are `params`. Returns the
    /// body and the captured variables (closures only), with all slots final.
    fn parse_fn_body(
        &mut self,
        kind: FrameKind,
        params: &[Ident],
    ) -> PResult<(StmtBlock, Vec<Capture>)> {
        let saved = (self.depth, self.in_fn_def, self.blocks);
        self.blocks = 0;
        if kind == FrameKind::Function {
            // A function's body starts one level down, as the statement it is defined by.
            self.depth = 1;
            self.in_fn_def = true;
        }
        self.frames.push(Frame {
            kind,
            start: self.vars.len(),
            captures: Vec::new(),
            uses_eval: false,
            loop_depth: 0,
        });
        for p in params {
            self.declare(p.name.clone(), false);
        }
        let result = if kind == FrameKind::Closure {
            self.parse_closure_body()
        } else {
            match self.peek_token()? {
                Token::LeftBrace => self.parse_block(),
                _ => {
                    let p = self.peek_pos();
                    Err(PERR::FnMissingBody(String::new()).into_err(p))
                }
            }
        };
        // Invariant: pushed above.
        let frame = self.frames.pop().unwrap_or_else(|| unreachable!());
        self.vars.truncate(frame.start);
        (self.depth, self.in_fn_def, self.blocks) = saved;
        let mut body = result?;
        let shift = frame.captures.len() as u32;
        let uses_eval = frame.uses_eval;
        crate::ast::walk::walk_block(&mut body, &mut |v| {
            v.slot = match v.slot {
                _ if uses_eval => None,
                Some(s) if s >= CAPTURE_BASE => Some(s - CAPTURE_BASE),
                Some(s) => Some(s + shift),
                None => None,
            };
        });
        Ok((body, frame.captures))
    }

    /// A closure body: a block, or a single expression.
    fn parse_closure_body(&mut self) -> PResult<StmtBlock> {
        if matches!(self.peek_token()?, Token::LeftBrace) {
            self.parse_block()
        } else if matches!(self.peek_token()?, Token::SemiColon | Token::EOF) {
            // An empty statement (its `;` included) as the body: the closure returns `()`.
            let pos = self.peek_pos();
            self.eat(&Token::SemiColon)?;
            Ok(StmtBlock {
                declares: false,
                stmts: Box::new([]),
                pos,
            })
        } else {
            let pos = self.peek_pos();
            let stmt = self.parse_stmt()?;
            Ok(StmtBlock {
                declares: matches!(stmt, crate::ast::Stmt::Var(..)),
                stmts: vec![stmt].into_boxed_slice(),
                pos,
            })
        }
    }

    /// `closure := "|" [ident ("," ident)*] "|" (expr | block)` — the opening token (`|` or
    /// `||`) has been consumed.
    pub(super) fn parse_closure(&mut self, no_params: bool, pos: Position) -> PResult<Expr> {
        if !self.options.contains(LangOptions::ANON_FN) {
            return Err(
                PERR::BadInput(crate::syntax::error::LexError::UnexpectedInput("|".into()))
                    .into_err(pos),
            );
        }
        let mut params: Vec<Ident> = Vec::new();
        if !no_params && !self.eat(&Token::Pipe)? {
            loop {
                let (name, npos) = self.parse_var_name()?;
                if params.iter().any(|p| p.name == name) {
                    return Err(
                        PERR::FnDuplicatedParam(String::new(), name.to_string()).into_err(npos)
                    );
                }
                params.push(Ident { name, pos: npos });
                match self.next()? {
                    (Token::Comma, _) => (),
                    (Token::Pipe, _) => break,
                    (_, p) => {
                        return Err(PERR::MissingToken(
                            ",".into(),
                            "to separate the parameters of anonymous function".into(),
                        )
                        .into_err(p))
                    }
                }
            }
        }
        let (body, captures) = self.parse_fn_body(FrameKind::Closure, &params)?;
        let name: ImmutableString = format!(
            "{ANONYMOUS_FN_PREFIX}{}",
            ANON_COUNTER.fetch_add(1, core::sync::atomic::Ordering::Relaxed)
        )
        .into();
        let all_params = captures
            .iter()
            .map(|(n, ..)| n.clone())
            .chain(params.into_iter().map(|p| p.name))
            .collect();
        let func = Shared::new(ScriptFuncDef {
            name,
            access: FnAccess::Private,
            params: all_params,
            body,
            this_type: None,
            comments: Box::new([]),
        });
        self.lib.set_script_fn(func.clone());
        Ok(Expr::Closure(
            Box::new(ClosureExpr {
                func,
                captures: captures.into_iter().map(|(_, v, p)| (v, p)).collect(),
            }),
            pos,
        ))
    }
}
