//! `Stmt`: statement nodes, and `StmtBlock`, a braced list of statements.
//!
//! Invariant: `StmtBlock::declares` is true when a statement directly inside the block pushes
//! a variable; only then does the evaluator save and rewind the stack around the block.

use super::expr::{BinaryOp, Expr, Ident, VarRef};
use crate::{Dynamic, Position};
use core::fmt;

/// A list of statements, with whether it declares variables of its own.
#[derive(Clone, Default)]
pub struct StmtBlock {
    /// The statements.
    pub stmts: Box<[Stmt]>,
    /// Does the block push variables or imports (so its end must rewind the stack and the
    /// imports)?
    pub declares: bool,
    /// Position of the opening brace (or of the first statement).
    pub pos: Position,
}

impl fmt::Debug for StmtBlock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Block")?;
        f.debug_list().entries(self.stmts.iter()).finish()
    }
}

/// `let`/`const` declaration.
#[derive(Clone, Debug)]
pub struct VarDecl {
    /// Variable name and position.
    pub name: Ident,
    /// Initial value.
    pub value: Expr,
    /// Is it a constant?
    pub is_const: bool,
    /// Is it exported (`export let`/`export const`)?
    pub is_export: bool,
    /// Is it declared at the global level of a script (outside functions and blocks)? A
    /// constant declared there joins the automatic `global` module.
    pub is_global: bool,
}

/// `lhs op= rhs` or `lhs = rhs`.
#[derive(Clone, Debug)]
pub struct Assignment {
    /// `None` for plain `=`.
    pub op: Option<BinaryOp>,
    /// The target: a variable, `this`, or an index/property chain.
    pub lhs: Expr,
    /// The value.
    pub rhs: Expr,
}

/// `if cond { … } else { … }`.
#[derive(Clone, Debug)]
pub struct IfStmt {
    /// The condition.
    pub cond: Expr,
    /// Taken when true.
    pub then_block: StmtBlock,
    /// Taken when false (empty when there is no `else`).
    pub else_block: StmtBlock,
}

/// One arm of a `switch`.
#[derive(Clone, Debug)]
pub struct SwitchCase {
    /// Optional `if` guard.
    pub condition: Option<Expr>,
    /// The arm's value.
    pub expr: Expr,
}

/// A range arm of a `switch`: `a..b => …`.
#[derive(Clone, Debug)]
pub struct RangeCase {
    /// Start.
    pub start: crate::INT,
    /// End.
    pub end: crate::INT,
    /// Is the end included?
    pub inclusive: bool,
    /// Index into `SwitchStmt::cases`.
    pub case: usize,
}

/// `switch value { … }`.
#[derive(Clone, Debug)]
pub struct SwitchStmt {
    /// The value switched on.
    pub value: Expr,
    /// The arms, in source order.
    pub cases: Box<[SwitchCase]>,
    /// Literal case values, hashed, mapping to the arms that match them (in source order).
    pub table: Box<[(Dynamic, Box<[usize]>)]>,
    /// Range arms, in source order.
    pub ranges: Box<[RangeCase]>,
    /// The default arm, if any.
    pub default: Option<Expr>,
}

/// `for x in iter { … }` or `for (x, i) in iter { … }`.
#[derive(Clone, Debug)]
pub struct ForStmt {
    /// Loop variable.
    pub var: Ident,
    /// Optional counter variable.
    pub counter: Option<Ident>,
    /// The iterated value.
    pub iter: Expr,
    /// The body (its variables start after the loop variables).
    pub body: StmtBlock,
}

/// `try { … } catch (e) { … }`.
#[derive(Clone, Debug)]
pub struct TryCatchStmt {
    /// The guarded block.
    pub body: StmtBlock,
    /// The variable receiving the error, if named.
    pub catch_var: Option<Ident>,
    /// The handler.
    pub catch_block: StmtBlock,
}

/// The flags of a loop-control or return statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jump {
    /// `break`
    Break,
    /// `continue`
    Continue,
    /// `return`
    Return,
    /// `throw`
    Throw,
}

/// A statement node (16 bytes: payloads are boxed).
#[derive(Clone)]
#[allow(clippy::box_collection)]
pub enum Stmt {
    /// Nothing.
    Noop(Position),
    /// `if`
    If(Box<IfStmt>, Position),
    /// `switch`
    Switch(Box<SwitchStmt>, Position),
    /// `while cond { … }` (and `loop`, with a `true` condition).
    While(Box<(Expr, StmtBlock)>, Position),
    /// `do { … } while cond` (`false`) or `do { … } until cond` (`true`).
    Do(Box<(StmtBlock, Expr)>, bool, Position),
    /// `for`
    For(Box<ForStmt>, Position),
    /// `let` / `const`
    Var(Box<VarDecl>, Position),
    /// Assignment.
    Assignment(Box<Assignment>, Position),
    /// An expression statement.
    Expr(Box<Expr>),
    /// A nested block.
    Block(Box<StmtBlock>),
    /// `try … catch`
    TryCatch(Box<TryCatchStmt>, Position),
    /// `break` / `continue` (with an optional value), `return` / `throw` (with an optional value).
    Jump(Jump, Option<Box<Expr>>, Position),
    /// `import expr as name`
    Import(Box<(Expr, Option<Ident>)>, Position),
    /// `export x [as y]`
    Export(Box<(VarRef, Ident)>, Position),
}

impl Stmt {
    /// The position of the statement.
    #[must_use]
    pub fn position(&self) -> Position {
        match self {
            Self::Noop(pos)
            | Self::If(_, pos)
            | Self::Switch(_, pos)
            | Self::While(_, pos)
            | Self::Do(_, _, pos)
            | Self::For(_, pos)
            | Self::Var(_, pos)
            | Self::Assignment(_, pos)
            | Self::TryCatch(_, pos)
            | Self::Jump(_, _, pos)
            | Self::Import(_, pos)
            | Self::Export(_, pos) => *pos,
            Self::Expr(e) => e.position(),
            Self::Block(b) => b.pos,
        }
    }
}

impl fmt::Debug for Stmt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Noop(_) => f.write_str("Noop"),
            Self::If(x, _) => f
                .debug_tuple("If")
                .field(&x.cond)
                .field(&x.then_block)
                .field(&x.else_block)
                .finish(),
            Self::Switch(x, _) => f.debug_tuple("Switch").field(x).finish(),
            Self::While(x, _) => f.debug_tuple("While").field(&x.0).field(&x.1).finish(),
            Self::Do(x, until, _) => f
                .debug_tuple(if *until { "DoUntil" } else { "DoWhile" })
                .field(&x.0)
                .field(&x.1)
                .finish(),
            Self::For(x, _) => f.debug_tuple("For").field(x).finish(),
            Self::Var(x, _) => f.debug_tuple("Var").field(x).finish(),
            Self::Assignment(x, _) => f.debug_tuple("Assign").field(x).finish(),
            Self::Expr(x) => write!(f, "{x:?}"),
            Self::Block(x) => write!(f, "{x:?}"),
            Self::TryCatch(x, _) => f.debug_tuple("TryCatch").field(x).finish(),
            Self::Jump(j, x, _) => f.debug_tuple("Jump").field(j).field(x).finish(),
            Self::Import(x, _) => f.debug_tuple("Import").field(x).finish(),
            Self::Export(x, _) => f.debug_tuple("Export").field(x).finish(),
        }
    }
}
