//! `switch` statements: literal cases hashed into a table, range cases, guards and a default.

use super::{PResult, Parser};
use crate::ast::stmt::{RangeCase, SwitchCase, SwitchStmt};
use crate::ast::{BinaryOp, Expr, Stmt, StmtBlock};
use crate::syntax::error::ParseErrorType as PERR;
use crate::syntax::token::Token;
use crate::{Dynamic, Position, INT};

/// One parsed case pattern: `_`, or alternatives separated by `|`.
enum Pattern {
    Items(Vec<(CaseItem, Position)>),
    Default,
}

/// One alternative of a case: a constant, or an integer range.
enum CaseItem {
    Value(Dynamic),
    Range(INT, INT, bool),
}

impl Parser<'_> {
    /// `switch := "switch" expr "{" (pattern ["if" expr] "=>" (expr | block) [","])* "}"`
    pub(super) fn parse_switch(&mut self) -> PResult<Stmt> {
        let (_, pos) = self.next()?;
        let value = self.parse_expr()?;
        self.expect(&Token::LeftBrace, "to start a switch block")?;
        let mut cases: Vec<SwitchCase> = Vec::new();
        let mut table: Vec<(Dynamic, Vec<usize>)> = Vec::new();
        let mut ranges: Vec<RangeCase> = Vec::new();
        let mut default = None;
        let mut default_pos = Position::NONE;
        loop {
            let (token, tpos) = self.peek()?;
            match token {
                Token::RightBrace => {
                    self.next()?;
                    break;
                }
                Token::EOF => {
                    return Err(
                        PERR::MissingToken("}".into(), "to end this switch block".into())
                            .into_err(tpos),
                    )
                }
                // Reported at the misplaced default case.
                _ if default.is_some() => {
                    return Err(PERR::WrongSwitchDefaultCase.into_err(default_pos))
                }
                _ => (),
            }
            let pattern = self.parse_case_pattern()?;
            if matches!(pattern, Pattern::Default) {
                default_pos = tpos;
            }
            let condition = if let (Token::If, if_pos) = self.peek()? {
                if matches!(pattern, Pattern::Default) {
                    return Err(PERR::WrongSwitchCaseCondition.into_err(if_pos));
                }
                self.next()?;
                Some(self.parse_condition()?)
            } else {
                None
            };
            self.expect(&Token::DoubleArrow, "in this switch case")?;
            let expr = self.parse_case_body()?;
            let index = cases.len();
            let items = match pattern {
                Pattern::Default => {
                    default = Some(expr);
                    Vec::new()
                }
                Pattern::Items(items) => {
                    cases.push(SwitchCase { condition, expr });
                    items
                }
            };
            for (item, ipos) in items {
                match item {
                    CaseItem::Range(start, end, inclusive) => ranges.push(RangeCase {
                        start,
                        end,
                        inclusive,
                        case: index,
                    }),
                    CaseItem::Value(v) => {
                        if is_numeric(&v) && !ranges.is_empty() {
                            return Err(PERR::WrongSwitchIntegerCase.into_err(ipos));
                        }
                        // A repeated value is allowed: the first matching case wins.
                        match table.iter_mut().find(|(k, _)| same_value(k, &v)) {
                            Some((_, list)) => list.push(index),
                            None => table.push((v, vec![index])),
                        }
                    }
                }
            }
            match self.peek_token()? {
                Token::Comma => {
                    self.next()?;
                }
                Token::RightBrace => (),
                _ if matches!(cases.last().map(|c| &c.expr), Some(Expr::Stmt(_)))
                    || matches!(default, Some(Expr::Stmt(_))) => {}
                _ => {
                    let p = self.peek_pos();
                    return Err(PERR::MissingToken(
                        ",".into(),
                        "to separate the items in this switch block".into(),
                    )
                    .into_err(p));
                }
            }
        }
        Ok(Stmt::Switch(
            Box::new(SwitchStmt {
                value,
                cases: cases.into_boxed_slice(),
                table: table
                    .into_iter()
                    .map(|(k, v)| (k, v.into_boxed_slice()))
                    .collect(),
                ranges: ranges.into_boxed_slice(),
                default,
            }),
            pos,
        ))
    }

    /// `pattern := "_" | item ("|" item)*` where `item := literal | int (".." | "..=") int`.
    /// An item is parsed as an expression (up to `|`) that must turn out constant.
    fn parse_case_pattern(&mut self) -> PResult<Pattern> {
        if self.eat(&Token::Underscore)? {
            return Ok(Pattern::Default);
        }
        let mut items = Vec::new();
        loop {
            if self.peek_token()? == &Token::EOF {
                return Err(PERR::UnexpectedEOF.into_err(self.peek_pos()));
            }
            let expr = self.parse_binary(PIPE_PRECEDENCE + 1)?;
            let pos = expr.position();
            let item = case_range(&expr)
                .or_else(|| expr.get_literal_value().map(CaseItem::Value))
                .ok_or_else(|| PERR::ExprExpected("a literal".into()).into_err(pos))?;
            items.push((item, pos));
            if !self.eat(&Token::Pipe)? {
                return Ok(Pattern::Items(items));
            }
        }
    }

    /// The value of a case: a block or an expression.
    fn parse_case_body(&mut self) -> PResult<Expr> {
        if self.peek_token()? == &Token::LeftBrace {
            Ok(Expr::Stmt(Box::new(self.parse_block()?)))
        } else {
            let pos: Position = self.peek_pos();
            match self.peek_token()? {
                Token::Break | Token::Continue | Token::Return | Token::Throw => {
                    let stmt = self.parse_stmt()?;
                    Ok(Expr::Stmt(Box::new(StmtBlock {
                        stmts: vec![stmt].into_boxed_slice(),
                        declares: false,
                        pos,
                    })))
                }
                _ => self.parse_expr(),
            }
        }
    }
}

/// The binding power of `|`, which separates the alternatives of a case.
const PIPE_PRECEDENCE: u8 = 30;

/// `a..b` or `a..=b` of two integer literals.
fn case_range(expr: &Expr) -> Option<CaseItem> {
    let Expr::FnCall(call, _) = expr else {
        return None;
    };
    let inclusive = match call.op? {
        BinaryOp::Range => false,
        BinaryOp::RangeInclusive => true,
        _ => return None,
    };
    match &*call.args {
        [Expr::IntegerConstant(start, _), Expr::IntegerConstant(end, _)] => {
            Some(CaseItem::Range(*start, *end, inclusive))
        }
        _ => None,
    }
}

/// Numbers cannot be cases after a range case (the range would be tested first).
fn is_numeric(value: &Dynamic) -> bool {
    value.is_int() || value.is_float() || value.type_name() == "decimal"
}

/// Do two case values match (same type and value)?
pub(crate) fn same_value(a: &Dynamic, b: &Dynamic) -> bool {
    use crate::value::dynamic::Union;
    match (&a.0, &b.0) {
        (Union::Int(x, ..), Union::Int(y, ..)) => x == y,
        (Union::Float(x, ..), Union::Float(y, ..)) => x == y,
        #[cfg(feature = "decimal")]
        (Union::Decimal(x, ..), Union::Decimal(y, ..)) => x == y,
        (Union::Bool(x, ..), Union::Bool(y, ..)) => x == y,
        (Union::Char(x, ..), Union::Char(y, ..)) => x == y,
        (Union::Str(x, ..), Union::Str(y, ..)) => x == y,
        (Union::Unit(..), Union::Unit(..)) => true,
        (Union::Array(..), Union::Array(..)) | (Union::Map(..), Union::Map(..)) => {
            crate::func::builtin::values_equal(a, b) == Some(true)
        }
        _ => false,
    }
}
