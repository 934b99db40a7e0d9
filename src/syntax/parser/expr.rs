//! Expressions: the precedence-climbing loop, unary operators, postfix chains and primaries.

use super::{PResult, Parser};
use crate::ast::{
    BinaryExpr, BinaryOp, ChainExpr, ChainLink, Expr, FnCallExpr, Ident, PropertyRef, Stmt,
    StmtBlock,
};
use crate::engine::LangOptions;
use crate::func::hashing::calc_fn_hash;
use crate::syntax::error::{LexError, ParseErrorType as PERR};
use crate::syntax::token::Token;
use crate::{Dynamic, ImmutableString, Position};

/// The built-in binary operator of a token, if it has one.
pub(super) fn binary_op(token: &Token) -> Option<BinaryOp> {
    Some(match token {
        Token::Plus => BinaryOp::Add,
        Token::Minus => BinaryOp::Sub,
        Token::Multiply => BinaryOp::Mul,
        Token::Divide => BinaryOp::Div,
        Token::Modulo => BinaryOp::Rem,
        Token::PowerOf => BinaryOp::Pow,
        Token::LeftShift => BinaryOp::Shl,
        Token::RightShift => BinaryOp::Shr,
        Token::Ampersand => BinaryOp::BitAnd,
        Token::Pipe => BinaryOp::BitOr,
        Token::XOr => BinaryOp::BitXor,
        Token::EqualsTo => BinaryOp::Eq,
        Token::NotEqualsTo => BinaryOp::Ne,
        Token::LessThan => BinaryOp::Lt,
        Token::LessThanEqualsTo => BinaryOp::Le,
        Token::GreaterThan => BinaryOp::Gt,
        Token::GreaterThanEqualsTo => BinaryOp::Ge,
        Token::ExclusiveRange => BinaryOp::Range,
        Token::InclusiveRange => BinaryOp::RangeInclusive,
        _ => return None,
    })
}

/// A call expression with its hash computed.
pub(super) fn make_call(
    name: ImmutableString,
    args: Vec<Expr>,
    op: Option<BinaryOp>,
    namespace: Box<[Ident]>,
    pos: Position,
) -> FnCallExpr {
    let hash = calc_fn_hash(namespace.iter().map(|n| n.name.as_str()), &name, args.len());
    let hash_method = calc_fn_hash(None, &name, args.len() + 1);
    let is_intrinsic = namespace.is_empty() && crate::func::intrinsics::is_intrinsic(&name);
    let simple_args = args.iter().all(Expr::is_stack_neutral);
    FnCallExpr {
        name,
        hash,
        hash_method,
        is_intrinsic,
        simple_args,
        capture_scope: false,
        args: args.into_boxed_slice(),
        op,
        namespace,
        pos,
    }
}

impl Parser<'_> {
    /// `expr := unary (binary_op unary)*` by precedence.
    pub(super) fn parse_expr(&mut self) -> PResult<Expr> {
        let pos = self.peek_pos();
        self.enter(pos)?;
        let result = self.parse_binary(0);
        self.leave();
        result
    }

    /// The precedence of the next token as a binary operator, if it is one.
    fn binary_precedence(&mut self) -> PResult<Option<u8>> {
        let token = self.peek_token()?;
        if let Some(p) = token.precedence() {
            return Ok(Some(p));
        }
        let (name, reserved) = match token {
            Token::Identifier(s) => (s.clone(), false),
            Token::Reserved(s) => (s.clone(), true),
            _ => return Ok(None),
        };
        match self.engine.custom_operators.get(name.as_str()) {
            Some(prec) => Ok(Some(*prec)),
            None if reserved && !name.starts_with(char::is_alphabetic) => {
                let pos = self.peek_pos();
                Err(PERR::UnknownOperator(name.to_string()).into_err(pos))
            }
            None => Ok(None),
        }
    }

    pub(super) fn parse_binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let start = self.peek_pos();
        let mut lhs = self.parse_unary()?;
        // Each operator of a chain nests one level deeper (reported at the operator before).
        let mut levels = 0;
        let mut previous = start;
        while let Some(prec) = self.binary_precedence()? {
            if prec < min_prec || prec == 0 {
                break;
            }
            let (token, pos) = self.next()?;
            self.check_disabled(&token, pos)?;
            let next_min = if token.is_bind_right() {
                prec
            } else {
                prec + 1
            };
            self.enter(previous)?;
            levels += 1;
            previous = pos;
            let rhs = if is_range(&token) && self.at_expression_end()? {
                // `x..`: open at the end.
                Expr::IntegerConstant(crate::INT::MAX, pos)
            } else {
                self.parse_binary(next_min)?
            };
            if matches!(token, Token::And | Token::Or) {
                ensure_boolean(&lhs)?;
                ensure_boolean(&rhs)?;
            }
            lhs = combine_binary(token, lhs, rhs, pos);
        }
        for _ in 0..levels {
            self.leave();
        }
        Ok(lhs)
    }

    /// Does the next token end an expression (so that `x..` has no end)?
    fn at_expression_end(&mut self) -> PResult<bool> {
        Ok(matches!(
            self.peek_token()?,
            Token::SemiColon
                | Token::Comma
                | Token::RightParen
                | Token::RightBracket
                | Token::RightBrace
        ))
    }

    /// `..end`, `..=end` or `..`: a range from 0.
    fn parse_open_start_range(&mut self) -> PResult<Expr> {
        let (token, pos) = self.next()?;
        let end = if self.at_expression_end()? {
            Expr::IntegerConstant(crate::INT::MAX, pos)
        } else {
            let prec = token.precedence().unwrap_or(0);
            self.enter(pos)?;
            let end = self.parse_binary(prec + 1);
            self.leave();
            end?
        };
        Ok(combine_binary(
            token,
            Expr::IntegerConstant(0, pos),
            end,
            pos,
        ))
    }

    /// `unary := ("-" | "+" | "!") unary | (".." | "..=") [expr] | postfix`
    pub(super) fn parse_unary(&mut self) -> PResult<Expr> {
        let (token, pos) = self.peek()?;
        match token {
            Token::ExclusiveRange | Token::InclusiveRange => self.parse_open_start_range(),
            Token::Minus | Token::Plus | Token::Bang => {
                let token = token.clone();
                self.next()?;
                self.enter(pos)?;
                let operand = self.parse_unary();
                self.leave();
                let operand = operand?;
                Ok(match token {
                    Token::Minus => negate(operand, pos),
                    Token::Plus => match operand {
                        e @ (Expr::IntegerConstant(..) | Expr::FloatConstant(..)) => e,
                        e => Expr::FnCall(
                            Box::new(make_call("+".into(), vec![e], None, Box::new([]), pos)),
                            pos,
                        ),
                    },
                    // `!` is not folded: `!true` is not a literal (it cannot be a switch case).
                    _ => Expr::Not(Box::new(operand), pos),
                })
            }
            _ => self.parse_postfix(),
        }
    }

    /// `postfix := primary ( "." prop | "." method "(" args ")" | "[" expr "]" | "?." … | "?[" … )*`
    fn parse_postfix(&mut self) -> PResult<Expr> {
        let root = self.parse_primary()?;
        let mut links = Vec::new();
        loop {
            let (token, pos) = self.peek()?;
            let token = token.clone();
            // Each link nests one level deeper.
            if matches!(
                token,
                Token::Period | Token::Elvis | Token::LeftBracket | Token::QuestionBracket
            ) {
                self.enter(pos)?;
            }
            match token {
                Token::Period | Token::Elvis => {
                    let elvis = token == Token::Elvis;
                    self.next()?;
                    links.push(self.parse_dot_link(elvis)?);
                }
                Token::LeftBracket | Token::QuestionBracket => {
                    let elvis = token == Token::QuestionBracket;
                    self.next()?;
                    self.enter(pos)?;
                    let index = self.parse_expr();
                    self.leave();
                    let index = index?;
                    if links.is_empty() {
                        check_literal_index(&root, &index)?;
                    }
                    self.expect(
                        &Token::RightBracket,
                        "for a matching [ in this index expression",
                    )?;
                    links.push(ChainLink::Index(Box::new(index), elvis, pos));
                }
                _ => break,
            }
            if links.len() > 256 {
                return Err(PERR::ExprTooDeep.into_err(pos));
            }
        }
        for _ in 0..links.len() {
            self.leave();
        }
        if links.is_empty() {
            return Ok(root);
        }
        let pos = root.position();
        Ok(Expr::Chain(
            Box::new(ChainExpr {
                root,
                links: links.into_boxed_slice(),
            }),
            pos,
        ))
    }

    /// After `.`: a property or a method call.
    fn parse_dot_link(&mut self, elvis: bool) -> PResult<ChainLink> {
        let (token, pos) = self.next()?;
        let name: ImmutableString = match token {
            Token::Identifier(s) if super::check_identifier(&s, pos).is_ok() => s.as_str().into(),
            Token::Reserved(s) => return Err(PERR::Reserved(s.to_string()).into_err(pos)),
            Token::This => return Err(PERR::Reserved("this".into()).into_err(pos)),
            _ => return Err(PERR::PropertyExpected.into_err(pos)),
        };
        match self.peek_token()? {
            Token::DoubleColon => return Err(PERR::PropertyExpected.into_err(pos)),
            Token::Bang => {
                let text = "method-call style does not support running within the caller's scope";
                return Err(PERR::MalformedCapture(text.into()).into_err(pos));
            }
            _ => (),
        }
        if self.peek_token()? == &Token::LeftParen {
            self.next()?;
            let args = self.parse_call_args(&name)?;
            let call = make_call(name, args, None, Box::new([]), pos);
            return Ok(ChainLink::Method(Box::new(call), elvis, pos));
        }
        let hash_get = calc_fn_hash(None, &format!("get${name}"), 1);
        let hash_set = calc_fn_hash(None, &format!("set${name}"), 2);
        Ok(ChainLink::Property(
            Box::new(PropertyRef {
                name,
                hash_get,
                hash_set,
            }),
            elvis,
            pos,
        ))
    }

    /// `args := [expr ("," expr)*] ")"` (the `(` is consumed).
    fn parse_call_args(&mut self, fn_name: &str) -> PResult<Vec<Expr>> {
        let mut args = Vec::new();
        if self.eat(&Token::RightParen)? {
            return Ok(args);
        }
        loop {
            args.push(self.parse_expr()?);
            match self.next()? {
                (Token::Comma, _) => {
                    if self.eat(&Token::RightParen)? {
                        break;
                    }
                }
                (Token::RightParen, _) => break,
                (Token::EOF, p) => {
                    return Err(PERR::MissingToken(
                        ")".into(),
                        format!("to close the arguments list of this function call '{fn_name}'"),
                    )
                    .into_err(p))
                }
                (_, p) => {
                    return Err(PERR::MissingToken(
                        ",".into(),
                        format!("to separate the arguments to function call '{fn_name}'"),
                    )
                    .into_err(p))
                }
            }
        }
        Ok(args)
    }

    /// `primary := literal | "(" expr ")" | array | map | ident [call] | "this" | closure |
    ///             if | switch | loop | block | interpolated string`
    fn parse_primary(&mut self) -> PResult<Expr> {
        let (token, pos) = self.peek()?;
        let token = token.clone();
        self.check_disabled(&token, pos)?;
        match token {
            Token::IntegerConstant(_)
            | Token::FloatConstant(_)
            | Token::CharConstant(_)
            | Token::StringConstant(_)
            | Token::True
            | Token::False => {
                let (token, pos) = self.next()?;
                Ok(literal(token, pos))
            }
            Token::InterpolatedString(_) => self.parse_interpolated(),
            Token::LeftParen => {
                self.next()?;
                if self.eat(&Token::RightParen)? {
                    return Ok(Expr::Unit(pos));
                }
                self.enter(pos)?;
                let expr = self.parse_expr()?;
                self.leave();
                self.expect(&Token::RightParen, "for a matching ( in this expression")?;
                Ok(expr)
            }
            Token::LeftBracket => self.nested(2, pos, Self::parse_array),
            Token::MapStart => self.nested(2, pos, Self::parse_map),
            Token::Identifier(_) | Token::Global => self.parse_identifier_expr(),
            Token::This => {
                self.next()?;
                if self.frames.len() == 1 {
                    let message = "'this' can only be used in functions";
                    return Err(
                        LexError::ImproperSymbol("this".into(), message.into()).into_err(pos)
                    );
                }
                Ok(Expr::ThisPtr(pos))
            }
            Token::Pipe | Token::Or => {
                self.next()?;
                self.enter(pos)?;
                let closure = self.parse_closure(token == Token::Or, pos)?;
                self.leave();
                Ok(closure)
            }
            Token::If => {
                self.need_option(LangOptions::IF_EXPR, "if", pos)?;
                self.stmt_as_expr(pos, |p| p.parse_if())
            }
            Token::Switch => {
                self.need_option(LangOptions::SWITCH_EXPR, "switch", pos)?;
                self.stmt_as_expr(pos, |p| p.parse_switch())
            }
            Token::While | Token::Loop => {
                self.need_option(LangOptions::LOOP_EXPR, token.literal_syntax(), pos)?;
                self.stmt_as_expr(pos, |p| p.parse_while())
            }
            Token::Do => {
                self.need_option(LangOptions::LOOP_EXPR, "do", pos)?;
                self.stmt_as_expr(pos, |p| p.parse_do())
            }
            Token::For => {
                self.need_option(LangOptions::LOOP_EXPR, "for", pos)?;
                self.stmt_as_expr(pos, |p| p.parse_for())
            }
            Token::LeftBrace => {
                self.need_option(LangOptions::STMT_EXPR, "{", pos)?;
                Ok(Expr::Stmt(Box::new(self.parse_block()?)))
            }
            Token::Break | Token::Continue | Token::Return | Token::Throw => {
                self.stmt_as_expr(pos, |p| p.parse_stmt())
            }
            Token::EOF => Err(PERR::UnexpectedEOF.into_err(pos)),
            Token::Reserved(s) => Err(PERR::Reserved(s.to_string()).into_err(pos)),
            Token::Underscore => Err(LexError::UnexpectedInput("_".into()).into_err(pos)),
            t => Err(PERR::BadInput(LexError::UnexpectedInput(t.syntax().into())).into_err(pos)),
        }
    }

    fn need_option(&self, option: LangOptions, what: &str, pos: Position) -> PResult<()> {
        if self.options.contains(option) {
            Ok(())
        } else {
            Err(
                PERR::ExprExpected(format!("'{what}' is not allowed in an expression"))
                    .into_err(pos),
            )
        }
    }

    /// A statement used as an expression: wrapped in a block of its own.
    fn stmt_as_expr(
        &mut self,
        pos: Position,
        parse: impl FnOnce(&mut Self) -> PResult<Stmt>,
    ) -> PResult<Expr> {
        let stmt = parse(self)?;
        Ok(Expr::Stmt(Box::new(StmtBlock {
            stmts: vec![stmt].into_boxed_slice(),
            declares: false,
            pos,
        })))
    }

    /// `array := "[" [expr ("," expr)* [","]] "]"`
    fn parse_array(&mut self) -> PResult<Expr> {
        let (_, pos) = self.next()?;
        let mut items = Vec::new();
        let max = self.engine.limits.max_array_size;
        loop {
            // The size limit is checked before each item or the closing `]` (so a literal
            // holds fewer items than the limit).
            if max > 0 && items.len() >= max {
                let p = self.peek_pos();
                return Err(PERR::LiteralTooLarge("Size of array literal".into(), max).into_err(p));
            }
            match self.peek()? {
                (Token::RightBracket, _) => {
                    self.next()?;
                    break;
                }
                (Token::EOF, p) => {
                    return Err(
                        PERR::MissingToken("]".into(), "to end this array literal".into())
                            .into_err(p),
                    )
                }
                _ => (),
            }
            items.push(self.parse_expr()?);
            match self.peek()? {
                (Token::Comma, _) => {
                    self.next()?;
                }
                (Token::RightBracket, _) => (),
                (Token::EOF, p) => {
                    return Err(
                        PERR::MissingToken("]".into(), "to end this array literal".into())
                            .into_err(p),
                    )
                }
                (_, p) => {
                    return Err(PERR::MissingToken(
                        ",".into(),
                        "to separate the items of this array literal".into(),
                    )
                    .into_err(p))
                }
            }
        }
        if items.iter().all(Expr::is_constant) {
            let array: crate::Array = items.iter().filter_map(Expr::get_literal_value).collect();
            return Ok(Expr::DynamicConstant(
                Box::new(Dynamic::from_array(array)),
                pos,
            ));
        }
        Ok(Expr::Array(Box::new(items), pos))
    }

    /// `map := "#{" [key ":" expr ("," key ":" expr)* [","]] "}"`
    fn parse_map(&mut self) -> PResult<Expr> {
        let (_, pos) = self.next()?;
        let mut entries: Vec<(Ident, Expr)> = Vec::new();
        loop {
            let (token, kpos) = self.next()?;
            let key: ImmutableString = match token {
                Token::RightBrace => break,
                Token::Identifier(s) | Token::StringConstant(s) => s.as_str().into(),
                Token::InterpolatedString(_) => return Err(PERR::PropertyExpected.into_err(kpos)),
                _ => {
                    return Err(PERR::MissingToken(
                        "}".into(),
                        "to end this object map literal".into(),
                    )
                    .into_err(kpos))
                }
            };
            if entries.iter().any(|(k, _)| k.name == key) {
                return Err(PERR::DuplicatedProperty(key.to_string()).into_err(kpos));
            }
            self.expect(
                &Token::Colon,
                &format!("to follow the property '{key}' in this object map literal"),
            )?;
            let max = self.engine.limits.max_map_size;
            if max > 0 && entries.len() >= max {
                let p = self.peek_pos();
                return Err(PERR::LiteralTooLarge(
                    "Number of properties in object map literal".into(),
                    max,
                )
                .into_err(p));
            }
            let value = self.parse_expr()?;
            entries.push((
                Ident {
                    name: key,
                    pos: kpos,
                },
                value,
            ));
            match self.next()? {
                (Token::Comma, _) => (),
                (Token::RightBrace, _) => break,
                (_, p) => {
                    return Err(PERR::MissingToken(
                        "}".into(),
                        "to end this object map literal".into(),
                    )
                    .into_err(p))
                }
            }
        }
        if entries.iter().all(|(_, e)| e.is_constant()) {
            let map: crate::Map = entries
                .iter()
                .filter_map(|(k, e)| e.get_literal_value().map(|v| (k.name.as_str().into(), v)))
                .collect();
            return Ok(Expr::DynamicConstant(Box::new(Dynamic::from_map(map)), pos));
        }
        Ok(Expr::Map(Box::new(entries), pos))
    }

    /// A back-tick string with `${…}` pieces.
    fn parse_interpolated(&mut self) -> PResult<Expr> {
        let pos = self.peek_pos();
        let mut parts = Vec::new();
        loop {
            match self.next()? {
                (Token::InterpolatedString(s), spos) => {
                    if !s.is_empty() {
                        parts.push(Expr::StringConstant(s.as_str().into(), spos));
                    }
                    let bpos = self.peek_pos();
                    self.enter(bpos)?;
                    self.blocks += 1;
                    let mark = self.vars.len();
                    let block = self.parse_block_body(bpos);
                    self.vars.truncate(mark);
                    self.blocks -= 1;
                    self.leave();
                    parts.push(Expr::Stmt(Box::new(block?)));
                }
                (Token::StringConstant(s), spos) => {
                    if !s.is_empty() {
                        parts.push(Expr::StringConstant(s.as_str().into(), spos));
                    }
                    break;
                }
                (_, p) => {
                    return Err(
                        PERR::MissingToken("`".into(), "to end this string literal".into())
                            .into_err(p),
                    )
                }
            }
        }
        Ok(Expr::InterpolatedString(Box::new(parts), pos))
    }

    /// An identifier: a variable, a call `f(…)`, or a path `a::b::c` / `a::f(…)`.
    fn parse_identifier_expr(&mut self) -> PResult<Expr> {
        let (token, pos) = self.next()?;
        let first: ImmutableString = match token {
            Token::Identifier(s) => s.as_str().into(),
            _ => "global".into(),
        };
        let mut namespace = Vec::new();
        let mut name = first;
        let mut name_pos = pos;
        while self.peek_token()? == &Token::DoubleColon {
            self.next()?;
            namespace.push(Ident {
                name: name.clone(),
                pos: name_pos,
            });
            match self.next()? {
                (Token::Identifier(s), p) => {
                    name = s.as_str().into();
                    name_pos = p;
                }
                (_, p) => return Err(PERR::VariableExpected.into_err(p)),
            }
        }
        if name.as_str() == "global"
            && namespace.is_empty()
            && token_is_global_kw(&name)
            && self.peek_token()? != &Token::LeftParen
        {
            return Err(PERR::MissingToken("::".into(), "after 'global'".into()).into_err(pos));
        }
        if let Some(root) = namespace.first() {
            let known = root.name.as_str() == "global"
                || self.imported.contains(&root.name)
                || self
                    .engine
                    .global_sub_modules
                    .contains_key(root.name.as_str());
            if !known && self.options.contains(LangOptions::STRICT_VAR) {
                return Err(PERR::ModuleUndefined(root.name.to_string()).into_err(root.pos));
            }
        }
        if self.peek_token()? == &Token::LeftParen {
            self.next()?;
            self.enter(name_pos)?;
            let args = self.parse_call_args(&name)?;
            self.leave();
            if namespace.is_empty() && name.as_str() == "eval" && args.len() == 1 {
                self.note_eval();
            }
            let call = make_call(name, args, None, namespace.into_boxed_slice(), name_pos);
            return Ok(Expr::FnCall(Box::new(call), name_pos));
        }
        if self.peek_token()? == &Token::Bang {
            // `f!(…)`: a call in the caller's scope.
            self.next()?;
            let (token, p) = self.next()?;
            if token != Token::LeftParen {
                return Err(PERR::MissingToken(
                    "(".into(),
                    "to start arguments list of function call".into(),
                )
                .into_err(p));
            }
            let args = self.parse_call_args(&name)?;
            let mut call = make_call(name, args, None, namespace.into_boxed_slice(), name_pos);
            call.capture_scope = true;
            return Ok(Expr::FnCall(Box::new(call), name_pos));
        }
        check_identifier_use(&name, name_pos)?;
        if namespace.is_empty() {
            let var = self.resolve_var(name, name_pos)?;
            return Ok(Expr::Variable(Box::new(var), name_pos));
        }
        Ok(Expr::Variable(
            Box::new(crate::ast::VarRef {
                name,
                slot: None,
                namespace: namespace.into_boxed_slice(),
            }),
            pos,
        ))
    }
}

/// `global` as a bare identifier is only valid as a path root.
fn token_is_global_kw(name: &str) -> bool {
    name == "global"
}

fn check_identifier_use(name: &str, pos: Position) -> PResult<()> {
    super::check_identifier(name, pos)
}

/// A literal token as an expression.
fn literal(token: Token, pos: Position) -> Expr {
    match token {
        Token::IntegerConstant(n) => Expr::IntegerConstant(n, pos),
        Token::FloatConstant(n) => Expr::FloatConstant(n, pos),
        Token::CharConstant(c) => Expr::CharConstant(c, pos),
        Token::StringConstant(s) => Expr::StringConstant(s.as_str().into(), pos),
        Token::True => Expr::BoolConstant(true, pos),
        Token::False => Expr::BoolConstant(false, pos),
        _ => Expr::Unit(pos),
    }
}

/// Is the token a range operator (`..`, `..=`)?
fn is_range(token: &Token) -> bool {
    matches!(token, Token::ExclusiveRange | Token::InclusiveRange)
}

/// `-x`: folded for numeric literals.
fn negate(operand: Expr, pos: Position) -> Expr {
    match operand {
        Expr::IntegerConstant(n, _) if n != crate::INT::MIN => Expr::IntegerConstant(-n, pos),
        Expr::FloatConstant(n, _) => Expr::FloatConstant(-n, pos),
        e => Expr::FnCall(
            Box::new(make_call("-".into(), vec![e], None, Box::new([]), pos)),
            pos,
        ),
    }
}

/// What a literal is, in the words of the type errors found at parse time (`None` for
/// anything but a literal).
pub(super) fn literal_kind(expr: &Expr) -> Option<&'static str> {
    Some(match expr {
        Expr::IntegerConstant(..) => "a number",
        Expr::FloatConstant(..) => "a floating-point number",
        Expr::StringConstant(..) | Expr::InterpolatedString(..) => "a string",
        Expr::CharConstant(..) => "a character",
        Expr::BoolConstant(..) => "a boolean",
        Expr::Unit(..) => "()",
        Expr::Array(..) => "an array",
        Expr::Map(..) => "an object map",
        Expr::DynamicConstant(v, _) if v.is_array() => "an array",
        Expr::DynamicConstant(v, _) if v.is_map() => "an object map",
        _ => return None,
    })
}

/// A literal (or closure) where a boolean is needed is refused.
pub(super) fn ensure_boolean(expr: &Expr) -> PResult<()> {
    let kind = match expr {
        Expr::BoolConstant(..) => return Ok(()),
        Expr::Closure(..) => Some("Fn"),
        e => literal_kind(e),
    };
    match kind {
        Some(kind) => Err(mismatched("a boolean expression", kind, expr.position())),
        None => Ok(()),
    }
}

/// A literal that cannot be iterated is refused as the source of a `for` loop.
pub(super) fn ensure_iterable(expr: &Expr) -> PResult<()> {
    match literal_kind(expr) {
        Some("an array" | "a string") | None => Ok(()),
        Some(kind) => Err(mismatched("an iterable value", kind, expr.position())),
    }
}

#[cold]
fn mismatched(expected: &str, actual: &str, pos: Position) -> crate::ParseError {
    PERR::MismatchedType(expected.into(), actual.into()).into_err(pos)
}

/// A literal index of the wrong type on a literal array, string, integer or object map.
fn check_literal_index(target: &Expr, index: &Expr) -> PResult<()> {
    let (Some(target_kind), Some(kind)) = (literal_kind(target), literal_kind(index)) else {
        return Ok(());
    };
    if matches!(kind, "an array" | "an object map") {
        return Ok(());
    }
    // Here a float is named briefly.
    let kind = if kind == "a floating-point number" {
        "a float"
    } else {
        kind
    };
    let message = match (target_kind, kind) {
        ("an object map", "a string") => return Ok(()),
        ("an object map", _) => format!("Object map expects string index, not {kind}"),
        ("an array" | "a string" | "a number", "a number") => return Ok(()),
        ("an array" | "a string" | "a number", "a string") => {
            format!("Array, string or bit-field expects numeric index, not {kind}")
        }
        ("an array" | "a string" | "a number", _) => {
            format!("Array, string or bit-field expects integer index, not {kind}")
        }
        _ => return Ok(()),
    };
    Err(PERR::MalformedIndexExpr(message).into_err(index.position()))
}

/// Build the node for `lhs op rhs`.
fn combine_binary(token: Token, lhs: Expr, rhs: Expr, pos: Position) -> Expr {
    match token {
        Token::And => Expr::And(Box::new(BinaryExpr { lhs, rhs }), pos),
        Token::Or => Expr::Or(Box::new(BinaryExpr { lhs, rhs }), pos),
        Token::DoubleQuestion => Expr::Coalesce(Box::new(BinaryExpr { lhs, rhs }), pos),
        Token::In => Expr::FnCall(
            Box::new(make_call(
                crate::OP_CONTAINS.into(),
                vec![rhs, lhs],
                None,
                Box::new([]),
                pos,
            )),
            pos,
        ),
        Token::NotIn => Expr::Not(
            Box::new(Expr::FnCall(
                Box::new(make_call(
                    crate::OP_CONTAINS.into(),
                    vec![rhs, lhs],
                    None,
                    Box::new([]),
                    pos,
                )),
                pos,
            )),
            pos,
        ),
        t => {
            let op = binary_op(&t);
            let name: ImmutableString = match &t {
                Token::Identifier(s) | Token::Reserved(s) => s.as_str().into(),
                t => t.literal_syntax().into(),
            };
            Expr::FnCall(
                Box::new(make_call(name, vec![lhs, rhs], op, Box::new([]), pos)),
                pos,
            )
        }
    }
}
