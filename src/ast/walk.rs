//! A mutable walk over the variable references of one function frame.
//!
//! It visits every `VarRef` evaluated in the frame — including the captured variables listed
//! by closures created there — but not the bodies of nested functions, which have frames of
//! their own. The parser uses it to shift closure slots, to drop slot resolution where `eval`
//! may add variables, and `AST::combine` uses it for the statements it appends.

use super::expr::{ChainLink, Expr, VarRef};
use super::stmt::{Stmt, StmtBlock};

/// Visit every `VarRef` of the frame that `block` belongs to.
pub(crate) fn walk_block(block: &mut StmtBlock, f: &mut impl FnMut(&mut VarRef)) {
    for stmt in block.stmts.iter_mut() {
        walk_stmt(stmt, f);
    }
}

fn walk_stmt(stmt: &mut Stmt, f: &mut impl FnMut(&mut VarRef)) {
    match stmt {
        Stmt::Noop(_) => (),
        Stmt::If(x, _) => {
            walk_expr(&mut x.cond, f);
            walk_block(&mut x.then_block, f);
            walk_block(&mut x.else_block, f);
        }
        Stmt::Switch(x, _) => {
            walk_expr(&mut x.value, f);
            for case in x.cases.iter_mut() {
                if let Some(c) = &mut case.condition {
                    walk_expr(c, f);
                }
                walk_expr(&mut case.expr, f);
            }
            if let Some(d) = &mut x.default {
                walk_expr(d, f);
            }
        }
        Stmt::While(x, _) => {
            walk_expr(&mut x.0, f);
            walk_block(&mut x.1, f);
        }
        Stmt::Do(x, _, _) => {
            walk_block(&mut x.0, f);
            walk_expr(&mut x.1, f);
        }
        Stmt::For(x, _) => {
            walk_expr(&mut x.iter, f);
            walk_block(&mut x.body, f);
        }
        Stmt::Var(x, _) => walk_expr(&mut x.value, f),
        Stmt::Assignment(x, _) => {
            walk_expr(&mut x.lhs, f);
            walk_expr(&mut x.rhs, f);
        }
        Stmt::Expr(e) => walk_expr(e, f),
        Stmt::Block(b) => walk_block(b, f),
        Stmt::TryCatch(x, _) => {
            walk_block(&mut x.body, f);
            walk_block(&mut x.catch_block, f);
        }
        Stmt::Jump(_, e, _) => {
            if let Some(e) = e {
                walk_expr(e, f);
            }
        }
        Stmt::Import(x, _) => walk_expr(&mut x.0, f),
        Stmt::Export(export, _) => f(&mut export.0),
    }
}

fn walk_expr(expr: &mut Expr, f: &mut impl FnMut(&mut VarRef)) {
    match expr {
        Expr::DynamicConstant(..)
        | Expr::BoolConstant(..)
        | Expr::IntegerConstant(..)
        | Expr::FloatConstant(..)
        | Expr::CharConstant(..)
        | Expr::StringConstant(..)
        | Expr::Unit(..)
        | Expr::ThisPtr(..) => (),
        Expr::InterpolatedString(list, _) | Expr::Array(list, _) => {
            list.iter_mut().for_each(|e| walk_expr(e, f));
        }
        Expr::Map(list, _) => list.iter_mut().for_each(|(_, e)| walk_expr(e, f)),
        Expr::Variable(v, _) => f(v),
        Expr::Stmt(b) => walk_block(b, f),
        Expr::FnCall(call, _) => call.args.iter_mut().for_each(|e| walk_expr(e, f)),
        Expr::Chain(chain, _) => {
            walk_expr(&mut chain.root, f);
            for link in chain.links.iter_mut() {
                match link {
                    ChainLink::Property(..) => (),
                    ChainLink::Method(call, _, _) => {
                        call.args.iter_mut().for_each(|e| walk_expr(e, f));
                    }
                    ChainLink::Index(idx, _, _) => walk_expr(idx, f),
                }
            }
        }
        Expr::And(b, _) | Expr::Or(b, _) | Expr::Coalesce(b, _) => {
            walk_expr(&mut b.lhs, f);
            walk_expr(&mut b.rhs, f);
        }
        Expr::Not(e, _) => walk_expr(e, f),
        Expr::Closure(c, _) => c.captures.iter_mut().for_each(|(v, _)| f(v)),
    }
}
