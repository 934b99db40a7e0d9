//! `switch` statements: literal cases hashed into a table, range cases, guards and a default.

use super::{PResult, Parser};
use crate::ast::stmt::{RangeCase, SwitchCase, SwitchStmt};
use crate::ast::{Expr, Stmt, StmtBlock};
use crate::syntax::error::ParseErrorType as PERR;
use crate::syntax::token::Token;
use crate::{Dynamic, Position, INT};

/// One parsed case pattern.
enum Pattern {
    Values(Vec<Dynamic>),
    Range(INT, INT, bool),
    Default,
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
            match pattern {
                Pattern::Default => default = Some(expr),
                Pattern::Range(start, end, inclusive) => {
                    cases.push(SwitchCase { condition, expr });
                    ranges.push(RangeCase {
                        start,
                        end,
                        inclusive,
                        case: index,
                    });
                }
                Pattern::Values(values) => {
                    cases.push(SwitchCase { condition, expr });
                    for v in values {
                        if (v.is_int() || v.is_float()) && !ranges.is_empty() {
                            return Err(PERR::WrongSwitchIntegerCase.into_err(tpos));
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

    /// `pattern := "_" | literal ("|" literal)* | int (".." | "..=") int`
    fn parse_case_pattern(&mut self) -> PResult<Pattern> {
        if self.eat(&Token::Underscore)? {
            return Ok(Pattern::Default);
        }
        let mut values = Vec::new();
        loop {
            let pos = self.peek_pos();
            let expr = self.parse_unary_literal()?;
            if values.is_empty()
                && matches!(
                    self.peek_token()?,
                    Token::ExclusiveRange | Token::InclusiveRange
                )
            {
                let (token, rpos) = self.next()?;
                let end = self.parse_unary_literal()?;
                return match (expr.as_int(), end.as_int()) {
                    (Ok(s), Ok(e)) => Ok(Pattern::Range(s, e, token == Token::InclusiveRange)),
                    _ => Err(PERR::ExprExpected("an integer range".into()).into_err(rpos)),
                };
            }
            let _ = pos;
            values.push(expr);
            if !self.eat(&Token::Pipe)? {
                break;
            }
        }
        Ok(Pattern::Values(values))
    }

    /// A constant case value: a literal, a negative number, `()`, or an array or map
    /// literal of constants.
    fn parse_unary_literal(&mut self) -> PResult<Dynamic> {
        let pos = self.peek_pos();
        if self.peek_token()? == &Token::EOF {
            return Err(PERR::UnexpectedEOF.into_err(pos));
        }
        let expr = self.parse_unary()?;
        let value = expr
            .get_literal_value()
            .ok_or_else(|| PERR::ExprExpected("a literal".into()).into_err(pos))?;
        // An operator after it makes the case an expression, not a literal.
        let (token, op_pos) = self.peek()?;
        if token.precedence().is_some()
            && !matches!(
                token,
                Token::Pipe | Token::ExclusiveRange | Token::InclusiveRange
            )
        {
            return Err(PERR::ExprExpected("a literal".into()).into_err(op_pos));
        }
        Ok(value)
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
