//! `Expr`: expression nodes, fully resolved at parse time.
//!
//! Invariants the evaluator relies on:
//! - `VarRef::slot` is `Some(i)` only when the parser proved the variable lives at
//!   `frame_base + i` of the runtime stack at that point; otherwise it is looked up by name.
//! - `FnCallExpr::hash` is `calc_fn_hash(name, args.len())`, computed once here.
//! - A `.`/`[]` chain is flat: `Expr::Chain` holds the root and its links in order.

use super::stmt::StmtBlock;
use super::ScriptFuncDef;
use crate::config::Shared;
use crate::{Dynamic, ImmutableString, Position, FLOAT, INT};
use core::fmt;

/// A name with its position in the script.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Ident {
    /// The name.
    pub name: ImmutableString,
    /// Where it appears.
    pub pos: Position,
}

impl fmt::Debug for Ident {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} @ {:?}", self.name.as_str(), self.pos)
    }
}

/// A reference to a variable: its name and, when known at parse time, its frame slot.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct VarRef {
    /// The variable name.
    pub name: ImmutableString,
    /// Frame-relative slot, if resolved at parse time.
    pub slot: Option<u32>,
    /// Module path for `ns::x` (empty for a plain variable).
    pub namespace: Box<[Ident]>,
}

impl VarRef {
    /// The name as written, with its module path: `a::b::x`.
    #[must_use]
    pub fn qualified_name(&self) -> String {
        let mut text = String::new();
        for ns in self.namespace.iter() {
            text.push_str(&ns.name);
            text.push_str("::");
        }
        text.push_str(&self.name);
        text
    }
}

impl fmt::Debug for VarRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for ns in self.namespace.iter() {
            write!(f, "{}::", ns.name)?;
        }
        match self.slot {
            Some(slot) => write!(f, "{}#{slot}", self.name),
            None => write!(f, "{}", self.name),
        }
    }
}

/// A binary operator with a built-in fast path on primitive operands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Rem,
    /// `**`
    Pow,
    /// `<<`
    Shl,
    /// `>>`
    Shr,
    /// `&`
    BitAnd,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `..`
    Range,
    /// `..=`
    RangeInclusive,
}

impl BinaryOp {
    /// The operator's function name (what a user overload registers under).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Add => "+",
            Self::Sub => "-",
            Self::Mul => "*",
            Self::Div => "/",
            Self::Rem => "%",
            Self::Pow => "**",
            Self::Shl => "<<",
            Self::Shr => ">>",
            Self::BitAnd => "&",
            Self::BitOr => "|",
            Self::BitXor => "^",
            Self::Eq => "==",
            Self::Ne => "!=",
            Self::Lt => "<",
            Self::Le => "<=",
            Self::Gt => ">",
            Self::Ge => ">=",
            Self::Range => "..",
            Self::RangeInclusive => "..=",
        }
    }

    /// The compound-assignment function name (`+=` …), for operators that have one.
    #[must_use]
    pub const fn assign_name(self) -> &'static str {
        match self {
            Self::Add => "+=",
            Self::Sub => "-=",
            Self::Mul => "*=",
            Self::Div => "/=",
            Self::Rem => "%=",
            Self::Pow => "**=",
            Self::Shl => "<<=",
            Self::Shr => ">>=",
            Self::BitAnd => "&=",
            Self::BitOr => "|=",
            Self::BitXor => "^=",
            _ => "",
        }
    }
}

/// A function call: `name(args)`, an operator, or (in a chain link) a method call.
#[derive(Clone)]
pub struct FnCallExpr {
    /// Function name.
    pub name: ImmutableString,
    /// `calc_fn_hash(name, args.len())`, pre-computed.
    pub hash: u64,
    /// `calc_fn_hash(name, args.len() + 1)`: a native method taking the object first.
    pub hash_method: u64,
    /// Arguments (for a method call: not including the object).
    pub args: Box<[Expr]>,
    /// The operator, when this is a binary operator with a built-in fast path.
    pub op: Option<BinaryOp>,
    /// Is the name one of the evaluator's intrinsics (`eval`, `Fn`, `call`, `type_of`…)?
    pub is_intrinsic: bool,
    /// Can the arguments be evaluated straight onto the stack? True when no argument
    /// contains a statement block (which could declare variables of the caller's frame).
    pub simple_args: bool,
    /// Module path for `ns::f(…)` (empty otherwise).
    pub namespace: Box<[Ident]>,
    /// Position of the call.
    pub pos: Position,
}

impl fmt::Debug for FnCallExpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for ns in self.namespace.iter() {
            write!(f, "{}::", ns.name)?;
        }
        write!(f, "{}", self.name)?;
        f.debug_list().entries(self.args.iter()).finish()
    }
}

/// A property access (a chain link): name and pre-computed getter/setter hashes.
#[derive(Clone)]
pub struct PropertyRef {
    /// Property name.
    pub name: ImmutableString,
    /// Hash of the getter `get$name` with one parameter.
    pub hash_get: u64,
    /// Hash of the setter `set$name` with two parameters.
    pub hash_set: u64,
}

impl fmt::Debug for PropertyRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, ".{}", self.name)
    }
}

/// Two operands.
#[derive(Clone, Debug)]
pub struct BinaryExpr {
    /// Left operand.
    pub lhs: Expr,
    /// Right operand.
    pub rhs: Expr,
}

/// An anonymous function or closure: the function and the captured variables to curry.
#[derive(Clone, Debug)]
pub struct ClosureExpr {
    /// The function definition (also registered in the AST under its generated name).
    pub func: Shared<ScriptFuncDef>,
    /// Captured variables of the enclosing scope, curried in front of the parameters, each with
    /// the position of its first use in the body.
    pub captures: Box<[(VarRef, Position)]>,
}

/// One link of a `.`/`[]` chain.
#[derive(Clone, Debug)]
pub enum ChainLink {
    /// `.name` (or `?.name` when the flag is set).
    Property(Box<PropertyRef>, bool, Position),
    /// `.name(args)` (or `?.name(args)`).
    Method(Box<FnCallExpr>, bool, Position),
    /// `[index]` (or `?[index]`).
    Index(Box<Expr>, bool, Position),
}

impl ChainLink {
    /// Does this link short-circuit on `()` (`?.`, `?[`)?
    #[must_use]
    pub const fn is_elvis(&self) -> bool {
        match self {
            Self::Property(_, e, _) | Self::Method(_, e, _) | Self::Index(_, e, _) => *e,
        }
    }
    /// The position of the link.
    #[must_use]
    pub const fn position(&self) -> Position {
        match self {
            Self::Property(_, _, p) | Self::Method(_, _, p) | Self::Index(_, _, p) => *p,
        }
    }
}

/// A `.`/`[]` chain: `root.a[i].b(x)…`.
#[derive(Clone, Debug)]
pub struct ChainExpr {
    /// The object at the start of the chain.
    pub root: Expr,
    /// The links, left to right (at least one).
    pub links: Box<[ChainLink]>,
}

/// An expression node. Lists are boxed `Vec`s (thin pointers) to keep `Expr` at 16 bytes.
#[derive(Clone)]
#[allow(clippy::box_collection)]
pub enum Expr {
    /// A pre-built constant value (arrays, maps, ranges … folded at parse time).
    DynamicConstant(Box<Dynamic>, Position),
    /// `true` / `false`.
    BoolConstant(bool, Position),
    /// An integer literal.
    IntegerConstant(INT, Position),
    /// A float literal.
    FloatConstant(FLOAT, Position),
    /// A character literal.
    CharConstant(char, Position),
    /// A string literal.
    StringConstant(ImmutableString, Position),
    /// A string with `${…}` interpolation: the pieces to concatenate.
    InterpolatedString(Box<Vec<Expr>>, Position),
    /// `[a, b, …]`
    Array(Box<Vec<Expr>>, Position),
    /// `#{a: x, …}`: keys and value expressions, in source order.
    Map(Box<Vec<(Ident, Expr)>>, Position),
    /// `()`
    Unit(Position),
    /// A variable.
    Variable(Box<VarRef>, Position),
    /// `this`
    ThisPtr(Position),
    /// A statement block used as an expression: `{ … }`, `if`, `switch`, loops.
    Stmt(Box<StmtBlock>),
    /// A function call or operator.
    FnCall(Box<FnCallExpr>, Position),
    /// A property/index/method chain.
    Chain(Box<ChainExpr>, Position),
    /// `lhs && rhs`
    And(Box<BinaryExpr>, Position),
    /// `lhs || rhs`
    Or(Box<BinaryExpr>, Position),
    /// `lhs ?? rhs`
    Coalesce(Box<BinaryExpr>, Position),
    /// `!x` on a bool fast path (falls back to a call of `!`).
    Not(Box<Expr>, Position),
    /// An anonymous function or closure.
    Closure(Box<ClosureExpr>, Position),
}

impl Expr {
    /// The position of the expression.
    #[must_use]
    pub fn position(&self) -> Position {
        match self {
            Self::DynamicConstant(_, pos)
            | Self::BoolConstant(_, pos)
            | Self::IntegerConstant(_, pos)
            | Self::FloatConstant(_, pos)
            | Self::CharConstant(_, pos)
            | Self::StringConstant(_, pos)
            | Self::InterpolatedString(_, pos)
            | Self::Array(_, pos)
            | Self::Map(_, pos)
            | Self::Unit(pos)
            | Self::Variable(_, pos)
            | Self::ThisPtr(pos)
            | Self::FnCall(_, pos)
            | Self::Chain(_, pos)
            | Self::And(_, pos)
            | Self::Or(_, pos)
            | Self::Coalesce(_, pos)
            | Self::Not(_, pos)
            | Self::Closure(_, pos) => *pos,
            Self::Stmt(block) => block.pos,
        }
    }

    /// The constant value of a literal, if this is one.
    #[must_use]
    pub fn get_literal_value(&self) -> Option<Dynamic> {
        Some(match self {
            Self::DynamicConstant(v, _) => (**v).clone(),
            Self::BoolConstant(b, _) => Dynamic::from_bool(*b),
            Self::IntegerConstant(n, _) => Dynamic::from_int(*n),
            Self::FloatConstant(n, _) => Dynamic::from_float(*n),
            Self::CharConstant(c, _) => Dynamic::from_char(*c),
            Self::StringConstant(s, _) => Dynamic::from(s.clone()),
            Self::Unit(_) => Dynamic::UNIT,
            _ => return None,
        })
    }

    /// Is this a literal constant?
    #[must_use]
    pub fn is_constant(&self) -> bool {
        matches!(
            self,
            Self::DynamicConstant(..)
                | Self::BoolConstant(..)
                | Self::IntegerConstant(..)
                | Self::FloatConstant(..)
                | Self::CharConstant(..)
                | Self::StringConstant(..)
                | Self::Unit(..)
        )
    }

    /// Does evaluating this expression never push variables into the current frame?
    #[must_use]
    pub fn is_stack_neutral(&self) -> bool {
        match self {
            Self::Stmt(..) | Self::InterpolatedString(..) => false,
            Self::Array(items, _) => items.iter().all(Self::is_stack_neutral),
            Self::Map(items, _) => items.iter().all(|(_, e)| e.is_stack_neutral()),
            Self::FnCall(call, _) => call.args.iter().all(Self::is_stack_neutral),
            Self::Chain(chain, _) => {
                chain.root.is_stack_neutral()
                    && chain.links.iter().all(|link| match link {
                        ChainLink::Property(..) => true,
                        ChainLink::Method(call, _, _) => {
                            call.args.iter().all(Self::is_stack_neutral)
                        }
                        ChainLink::Index(idx, _, _) => idx.is_stack_neutral(),
                    })
            }
            Self::And(b, _) | Self::Or(b, _) | Self::Coalesce(b, _) => {
                b.lhs.is_stack_neutral() && b.rhs.is_stack_neutral()
            }
            Self::Not(e, _) => e.is_stack_neutral(),
            _ => true,
        }
    }

    /// Build the literal expression for a constant value.
    #[must_use]
    pub fn from_dynamic(value: Dynamic, pos: Position) -> Self {
        use crate::value::dynamic::Union;
        match value.0 {
            Union::Unit(..) => Self::Unit(pos),
            Union::Bool(b, ..) => Self::BoolConstant(b, pos),
            Union::Int(n, ..) => Self::IntegerConstant(n, pos),
            Union::Float(n, ..) => Self::FloatConstant(n, pos),
            Union::Char(c, ..) => Self::CharConstant(c, pos),
            Union::Str(s, ..) => Self::StringConstant(s, pos),
            other => Self::DynamicConstant(Box::new(Dynamic(other)), pos),
        }
    }
}

impl fmt::Debug for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::DynamicConstant(v, _) => write!(f, "{v:?}"),
            Self::BoolConstant(v, _) => write!(f, "{v:?}"),
            Self::IntegerConstant(v, _) => write!(f, "{v:?}"),
            Self::FloatConstant(v, _) => write!(f, "{v:?}"),
            Self::CharConstant(v, _) => write!(f, "{v:?}"),
            Self::StringConstant(v, _) => write!(f, "{v:?}"),
            Self::InterpolatedString(v, _) => f.debug_tuple("Interpolated").field(v).finish(),
            Self::Array(v, _) => f.debug_list().entries(v.iter()).finish(),
            Self::Map(v, _) => f
                .debug_map()
                .entries(v.iter().map(|(k, v)| (k.name.as_str(), v)))
                .finish(),
            Self::Unit(_) => f.write_str("()"),
            Self::Variable(v, _) => write!(f, "{v:?}"),
            Self::ThisPtr(_) => f.write_str("this"),
            Self::Stmt(b) => write!(f, "{b:?}"),
            Self::FnCall(c, _) => write!(f, "{c:?}"),
            Self::Chain(c, _) => {
                write!(f, "{:?}", c.root)?;
                for link in c.links.iter() {
                    match link {
                        ChainLink::Property(p, _, _) => write!(f, "{p:?}")?,
                        ChainLink::Method(m, _, _) => write!(f, ".{m:?}")?,
                        ChainLink::Index(i, _, _) => write!(f, "[{i:?}]")?,
                    }
                }
                Ok(())
            }
            Self::And(b, _) => write!(f, "({:?} && {:?})", b.lhs, b.rhs),
            Self::Or(b, _) => write!(f, "({:?} || {:?})", b.lhs, b.rhs),
            Self::Coalesce(b, _) => write!(f, "({:?} ?? {:?})", b.lhs, b.rhs),
            Self::Not(e, _) => write!(f, "!{e:?}"),
            Self::Closure(c, _) => write!(f, "closure {}", c.func.name),
        }
    }
}
