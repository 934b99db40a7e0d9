//! The parser: tokens → `AST`, with every variable resolved to a frame slot where possible.
//!
//! Statements are parsed here by recursive descent; expressions in `expr.rs` (precedence
//! climbing); function definitions, closures and variable resolution in `func.rs`.
//!
//! Invariant (shared with `eval/`): the parser's list of declared variables mirrors, push for
//! push, the runtime stack — `let`/`const` push one, `for` pushes its variable (and counter),
//! `catch (e)` pushes `e`, a function call pushes its parameters, and every block drops what it
//! pushed. That is what makes a parse-time slot equal a runtime stack offset.

mod expr;
mod func;
mod switch;

pub(crate) use switch::same_value;

use crate::ast::{
    stmt::{Assignment, ForStmt, IfStmt, Jump, TryCatchStmt, VarDecl},
    Expr, Ident, Stmt, StmtBlock, AST,
};
use crate::engine::LangOptions;
use crate::module::Module;
use crate::syntax::error::{LexError, ParseError, ParseErrorType as PERR};
use crate::syntax::lexer::Lexer;
use crate::syntax::token::Token;
use crate::value::string::SmartString;
use crate::{Engine, ImmutableString, Position};
use func::Frame;

/// Result of a parse step.
pub(crate) type PResult<T> = Result<T, ParseError>;

/// Hard limit on syntactic nesting, whatever the engine's settings: deeper input is a
/// `ExprTooDeep` error rather than a native stack overflow.
const HARD_MAX_DEPTH: usize = 200;

/// A token stream with one token of look-ahead.
struct TokenStream<'a> {
    lexer: Lexer<'a>,
    peeked: Option<(Token, Position)>,
}

impl<'a> TokenStream<'a> {
    fn peek(&mut self) -> &(Token, Position) {
        if self.peeked.is_none() {
            self.peeked = Some(self.lexer.next().unwrap_or((Token::EOF, Position::NONE)));
        }
        // Invariant: filled just above.
        self.peeked.as_ref().unwrap_or_else(|| unreachable!())
    }

    fn next(&mut self) -> (Token, Position) {
        match self.peeked.take() {
            Some(t) => t,
            None => self.lexer.next().unwrap_or((Token::EOF, Position::NONE)),
        }
    }
}

/// A declared variable, as the parser tracks it.
pub(super) struct VarEntry {
    name: ImmutableString,
    is_const: bool,
}

/// Parser state.
pub(crate) struct Parser<'e> {
    engine: &'e Engine,
    input: TokenStream<'e>,
    /// Functions defined so far.
    lib: Module,
    /// Declared variables of all open frames, innermost last.
    pub(super) vars: Vec<VarEntry>,
    /// Open function frames, outermost (the global level) first.
    frames: Vec<Frame>,
    /// Current nesting depth of statements, expressions and blocks (for the depth limits).
    depth: usize,
    /// Statement blocks open in the current function frame (0: at its top level).
    blocks: usize,
    /// Maximum depth at the global level and inside functions.
    max_depth: (usize, usize),
    /// Names of host `Scope` variables (for strict-variables mode).
    scope_names: Vec<ImmutableString>,
    /// Options in force.
    options: LangOptions,
    /// `//!` doc-comments of the script.
    module_doc: SmartString,
    /// Is a `fn` definition being parsed (its depth limit applies)?
    in_fn_def: bool,
    /// Aliases of the modules imported so far (for strict-variables mode).
    pub(super) imported: Vec<ImmutableString>,
    /// Native stack use at the start of parsing.
    stack: crate::config::StackProbe,
}

impl<'e> Parser<'e> {
    pub(crate) fn new(
        engine: &'e Engine,
        script: &'e str,
        scope_names: Vec<ImmutableString>,
    ) -> Self {
        let limit = |n: usize| {
            if n == 0 {
                HARD_MAX_DEPTH
            } else {
                n.min(HARD_MAX_DEPTH)
            }
        };
        Self {
            engine,
            input: TokenStream {
                lexer: Lexer::new(script).with_max_string_size(engine.limits.max_string_len),
                peeked: None,
            },
            lib: Module::new(),
            vars: Vec::new(),
            frames: vec![Frame::global()],
            depth: 0,
            blocks: 0,
            max_depth: (
                limit(engine.limits.max_expr_depth),
                limit(engine.limits.max_function_expr_depth),
            ),
            scope_names,
            options: engine.options,
            module_doc: SmartString::new_const(),
            in_fn_def: false,
            imported: Vec::new(),
            stack: crate::config::StackProbe::here(),
        }
    }

    // ---- token helpers ----

    /// Peek at the next token, turning lexer errors into parse errors.
    fn peek(&mut self) -> PResult<(&Token, Position)> {
        let (token, pos) = self.input.peek();
        let pos = *pos;
        if let Token::LexError(err) = token {
            return Err((**err).clone().into_err(pos));
        }
        let (token, _) = self.input.peek();
        Ok((token, pos))
    }

    fn peek_token(&mut self) -> PResult<&Token> {
        self.peek().map(|(t, _)| t)
    }

    fn peek_pos(&mut self) -> Position {
        self.input.peek().1
    }

    fn next(&mut self) -> PResult<(Token, Position)> {
        match self.input.next() {
            (Token::LexError(err), pos) => Err((*err).into_err(pos)),
            (Token::Reserved(s), pos) if self.engine.custom_operators.contains_key(s.as_str()) => {
                Ok((Token::Reserved(s), pos))
            }
            t => Ok(t),
        }
    }

    /// Consume the next token if it is `token`.
    fn eat(&mut self, token: &Token) -> PResult<bool> {
        if self.peek_token()? == token {
            self.next()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// Consume `token` or fail with `MissingToken`.
    fn expect(&mut self, token: &Token, context: &str) -> PResult<Position> {
        let (t, pos) = self.next()?;
        if &t == token {
            Ok(pos)
        } else {
            Err(PERR::MissingToken(token.syntax().into(), context.into()).into_err(pos))
        }
    }

    /// Enter one level of nesting, failing past the depth limit.
    fn enter(&mut self, pos: Position) -> PResult<()> {
        self.depth += 1;
        let max = if self.in_fn_def {
            self.max_depth.1
        } else {
            self.max_depth.0
        };
        if self.depth > max || self.stack.exhausted() {
            Err(PERR::ExprTooDeep.into_err(pos))
        } else {
            Ok(())
        }
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Parse with `f` nested `levels` deeper (entered at `pos`).
    fn nested<T>(
        &mut self,
        levels: usize,
        pos: Position,
        f: impl FnOnce(&mut Self) -> PResult<T>,
    ) -> PResult<T> {
        for _ in 0..levels {
            self.enter(pos)?;
        }
        let result = f(self)?;
        for _ in 0..levels {
            self.leave();
        }
        Ok(result)
    }

    /// Is the symbol disabled in this engine?
    fn check_disabled(&self, token: &Token, pos: Position) -> PResult<()> {
        if self.engine.disabled_symbols.is_empty() {
            return Ok(());
        }
        let text = token.literal_syntax();
        if !text.is_empty() && self.engine.is_symbol_disabled(text) {
            Err(PERR::Reserved(text.into()).into_err(pos))
        } else {
            Ok(())
        }
    }

    // ---- entry points ----

    /// Parse a whole script.
    pub(crate) fn parse_script(mut self) -> PResult<AST> {
        let mut stmts = Vec::new();
        let mut declares = false;
        self.read_module_doc()?;
        loop {
            let (token, pos) = self.peek()?;
            match token {
                Token::EOF => break,
                Token::SemiColon => {
                    self.next()?;
                    continue;
                }
                Token::Fn | Token::Private => {
                    self.parse_fn_def(Vec::new())?;
                    continue;
                }
                Token::Comment(_) => {
                    let comments = self.read_doc_comments()?;
                    match self.peek_token()? {
                        Token::Fn | Token::Private => self.parse_fn_def(comments)?,
                        _ => return Err(PERR::WrongDocComment.into_err(pos)),
                    }
                    continue;
                }
                _ => (),
            }
            let stmt = self.parse_stmt()?;
            declares |= matches!(stmt, Stmt::Var(..) | Stmt::Import(..));
            let needs_semicolon = !stmt_ends_with_block(&stmt);
            stmts.push(stmt);
            self.end_of_statement(needs_semicolon)?;
        }
        let mut body = StmtBlock {
            stmts: stmts.into_boxed_slice(),
            declares,
            pos: Position::START,
        };
        let frame = self.frames.pop().unwrap_or_else(Frame::global);
        if frame.uses_eval {
            crate::ast::walk::walk_block(&mut body, &mut |v| v.slot = None);
        }
        let mut ast = AST::new(body, self.lib);
        ast.set_doc(self.module_doc);
        Ok(ast)
    }

    /// Parse a single expression (for `eval_expression` / `compile_expression`).
    pub(crate) fn parse_expression_only(mut self) -> PResult<AST> {
        self.options
            .remove(LangOptions::ANON_FN | LangOptions::LOOP_EXPR);
        self.options
            .insert(LangOptions::IF_EXPR | LangOptions::SWITCH_EXPR);
        self.options.remove(LangOptions::STMT_EXPR);
        let expr = self.parse_expr()?;
        let (token, pos) = self.peek()?;
        if *token != Token::EOF {
            return Err(PERR::UnexpectedEOF.into_err(pos).or_bad_input(token));
        }
        let mut body = StmtBlock {
            stmts: vec![Stmt::Expr(Box::new(expr))].into_boxed_slice(),
            declares: false,
            pos: Position::START,
        };
        if self.frames.first().is_some_and(|f| f.uses_eval) {
            crate::ast::walk::walk_block(&mut body, &mut |v| v.slot = None);
        }
        Ok(AST::new(body, self.lib))
    }

    /// `//!` comments at the top of the script.
    fn read_module_doc(&mut self) -> PResult<()> {
        while let Token::Comment(text) = self.peek_token()? {
            if !text.starts_with("//!") {
                break;
            }
            let (token, _) = self.next()?;
            if let Token::Comment(text) = token {
                if !self.module_doc.is_empty() {
                    self.module_doc.push('\n');
                }
                self.module_doc.push_str(&text);
            }
        }
        Ok(())
    }

    /// Consecutive doc-comments (`///`, `/** */`), joined by line breaks into one.
    fn read_doc_comments(&mut self) -> PResult<Vec<SmartString>> {
        let mut joined: Option<SmartString> = None;
        while let Token::Comment(_) = self.peek_token()? {
            if let (Token::Comment(text), pos) = self.next()? {
                if text.starts_with("//!") {
                    return Err(PERR::WrongDocComment.into_err(pos));
                }
                match &mut joined {
                    Some(all) => {
                        all.push('\n');
                        all.push_str(&text);
                    }
                    None => joined = Some(text),
                }
            }
        }
        Ok(joined.into_iter().collect())
    }

    /// After a statement: `;`, or the end of the block/script, or nothing after a block.
    fn end_of_statement(&mut self, needs_semicolon: bool) -> PResult<()> {
        let (token, pos) = self.peek()?;
        match token {
            Token::SemiColon => {
                self.next()?;
                Ok(())
            }
            Token::EOF | Token::RightBrace => Ok(()),
            _ if !needs_semicolon => Ok(()),
            Token::Comment(_) => Ok(()),
            _ => Err(
                PERR::MissingToken(";".into(), "to terminate this statement".into()).into_err(pos),
            ),
        }
    }

    // ---- statements ----

    /// `block := "{" stmt* "}"`
    fn parse_block(&mut self) -> PResult<StmtBlock> {
        let pos = self.peek_pos();
        match self.next()? {
            (Token::LeftBrace, _) => (),
            (Token::EOF, pos) => {
                return Err(
                    PERR::MissingToken("{".into(), "to start a statement block".into())
                        .into_err(pos),
                )
            }
            (_, pos) => {
                return Err(
                    PERR::MissingToken("{".into(), "to start a statement block".into())
                        .into_err(pos),
                )
            }
        }
        self.enter(pos)?;
        self.blocks += 1;
        let mark = self.vars.len();
        let result = self.parse_block_body(pos);
        self.vars.truncate(mark);
        self.blocks -= 1;
        self.leave();
        result
    }

    pub(super) fn parse_block_body(&mut self, pos: Position) -> PResult<StmtBlock> {
        let mut stmts = Vec::new();
        let mut declares = false;
        loop {
            let (token, tpos) = self.peek()?;
            match token {
                Token::RightBrace => {
                    self.next()?;
                    break;
                }
                Token::EOF => {
                    return Err(
                        PERR::MissingToken("}".into(), "to terminate this block".into())
                            .into_err(tpos),
                    )
                }
                Token::SemiColon => {
                    self.next()?;
                    continue;
                }
                Token::Fn | Token::Private => {
                    return Err(PERR::WrongFnDefinition.into_err(tpos));
                }
                Token::Comment(_) => {
                    self.read_doc_comments()?;
                    if matches!(self.peek_token()?, Token::Fn | Token::Private) {
                        return Err(PERR::WrongFnDefinition.into_err(tpos));
                    }
                    return Err(PERR::WrongDocComment.into_err(tpos));
                }
                _ => (),
            }
            let stmt = self.parse_stmt()?;
            declares |= matches!(stmt, Stmt::Var(..) | Stmt::Import(..));
            let needs_semicolon = !stmt_ends_with_block(&stmt);
            stmts.push(stmt);
            self.end_of_statement(needs_semicolon)?;
        }
        Ok(StmtBlock {
            stmts: stmts.into_boxed_slice(),
            declares,
            pos,
        })
    }

    /// `stmt := let | const | if | switch | while | loop | do | for | break | continue |
    ///           return | throw | try | import | export | block | expr [assign-op expr]`
    fn parse_stmt(&mut self) -> PResult<Stmt> {
        let (token, pos) = self.peek()?;
        let token = token.clone();
        self.check_disabled(&token, pos)?;
        self.enter(pos)?;
        let stmt = self.parse_stmt_kind(token)?;
        self.leave();
        Ok(stmt)
    }

    fn parse_stmt_kind(&mut self, token: Token) -> PResult<Stmt> {
        match token {
            Token::Let | Token::Const => {
                let pos = self.peek_pos();
                self.nested(1, pos, |p| p.parse_let(false))
            }
            Token::If => self.parse_if(),
            Token::Switch => self.parse_switch(),
            Token::While | Token::Loop => {
                let pos = self.peek_pos();
                self.nested(1, pos, Self::parse_while)
            }
            Token::Do => {
                let pos = self.peek_pos();
                self.nested(1, pos, Self::parse_do)
            }
            Token::For => {
                let pos = self.peek_pos();
                self.nested(1, pos, Self::parse_for)
            }
            Token::Break | Token::Continue => self.parse_break(),
            Token::Return | Token::Throw => self.parse_return(),
            Token::Try => self.parse_try(),
            Token::Import => self.parse_import(),
            Token::Export => self.parse_export(),
            Token::LeftBrace => {
                if !self.options.contains(LangOptions::STMT_EXPR) {
                    // Blocks are still allowed as statements.
                }
                Ok(Stmt::Block(Box::new(self.parse_block()?)))
            }
            _ => self.parse_expr_stmt(),
        }
    }

    /// `let_stmt := ("let" | "const") ident ["=" expr]`
    fn parse_let(&mut self, is_export: bool) -> PResult<Stmt> {
        let (token, pos) = self.next()?;
        let is_const = token == Token::Const;
        let (name, name_pos) = self.parse_var_name()?;
        let value = if self.eat(&Token::Equals)? {
            self.parse_expr()?
        } else {
            Expr::Unit(name_pos)
        };
        if !self.options.contains(LangOptions::SHADOWING) && self.is_declared_in_frame(&name) {
            return Err(PERR::VariableExists(name.to_string()).into_err(name_pos));
        }
        self.declare(name.clone(), is_const);
        Ok(Stmt::Var(
            Box::new(VarDecl {
                name: Ident {
                    name,
                    pos: name_pos,
                },
                value,
                is_const,
                is_export,
                is_global: self.frames.len() == 1 && self.blocks == 0,
            }),
            pos,
        ))
    }

    /// An identifier usable as a variable name.
    fn parse_var_name(&mut self) -> PResult<(ImmutableString, Position)> {
        match self.next()? {
            (Token::Identifier(s), pos) if is_keyword_function(&s) => {
                Err(PERR::Reserved(s.to_string()).into_err(pos))
            }
            (Token::Identifier(s), pos) => {
                check_identifier(&s, pos)?;
                Ok((s.as_str().into(), pos))
            }
            (Token::Global, pos) => Ok(("global".into(), pos)),
            (Token::Reserved(s), pos) => Err(PERR::Reserved(s.to_string()).into_err(pos)),
            (Token::This, pos) => Err(PERR::Reserved("this".into()).into_err(pos)),
            (_, pos) => Err(PERR::VariableExpected.into_err(pos)),
        }
    }

    /// `if_stmt := "if" expr block ["else" (if_stmt | block)]`
    fn parse_if(&mut self) -> PResult<Stmt> {
        let (_, pos) = self.next()?;
        self.enter(pos)?;
        let cond = self.parse_condition()?;
        if !matches!(self.peek_token()?, Token::LeftBrace) {
            let p = self.peek_pos();
            self.leave();
            return Err(
                PERR::MissingToken("{".into(), "to start a statement block".into()).into_err(p),
            );
        }
        let then_block = self.parse_block()?;
        let else_block = if self.eat(&Token::Else)? {
            if matches!(self.peek_token()?, Token::If) {
                let p = self.peek_pos();
                let nested = self.parse_if()?;
                StmtBlock {
                    stmts: vec![nested].into_boxed_slice(),
                    declares: false,
                    pos: p,
                }
            } else {
                self.parse_block()?
            }
        } else {
            StmtBlock::default()
        };
        self.leave();
        Ok(Stmt::If(
            Box::new(IfStmt {
                cond,
                then_block,
                else_block,
            }),
            pos,
        ))
    }

    /// A condition (`if`, `while`, `do`, switch case guards): no non-boolean literal, and no
    /// `=` after it (a typo of `==`).
    pub(super) fn parse_condition(&mut self) -> PResult<Expr> {
        if let (Token::LeftBrace, pos) = self.peek()? {
            return Err(PERR::ExprExpected("a boolean".into()).into_err(pos));
        }
        let cond = self.parse_expr()?;
        expr::ensure_boolean(&cond)?;
        if let (Token::Equals, pos) = self.peek()? {
            return Err(typo_of_equals(pos));
        }
        Ok(cond)
    }

    fn check_looping(&self, pos: Position) -> PResult<()> {
        if self.options.contains(LangOptions::LOOPING) {
            Ok(())
        } else {
            Err(PERR::Reserved("loop".into()).into_err(pos))
        }
    }

    /// `while_stmt := "while" expr block | "loop" block`
    fn parse_while(&mut self) -> PResult<Stmt> {
        let (token, pos) = self.next()?;
        self.check_looping(pos)?;
        let cond = if token == Token::Loop {
            Expr::BoolConstant(true, pos)
        } else {
            self.parse_condition()?
        };
        let body = self.parse_loop_body()?;
        Ok(Stmt::While(Box::new((cond, body)), pos))
    }

    fn parse_loop_body(&mut self) -> PResult<StmtBlock> {
        self.frame_mut().loop_depth += 1;
        let body = self.parse_block();
        self.frame_mut().loop_depth -= 1;
        body
    }

    /// `do_stmt := "do" block ("while" | "until") expr`
    fn parse_do(&mut self) -> PResult<Stmt> {
        let (_, pos) = self.next()?;
        self.check_looping(pos)?;
        let body = self.parse_loop_body()?;
        let until = match self.next()? {
            (Token::While, _) => false,
            (Token::Until, _) => true,
            (_, p) => {
                return Err(
                    PERR::MissingToken("while".into(), "for the do statement".into()).into_err(p),
                )
            }
        };
        let cond = self.parse_condition()?;
        Ok(Stmt::Do(Box::new((body, cond)), until, pos))
    }

    /// `for_stmt := "for" (ident | "(" ident "," ident ")") "in" expr block`
    fn parse_for(&mut self) -> PResult<Stmt> {
        let (_, pos) = self.next()?;
        self.check_looping(pos)?;
        let (var, counter) = if self.eat(&Token::LeftParen)? {
            let (name, npos) = self.parse_var_name()?;
            self.expect(&Token::Comma, "after the iteration variable name")?;
            let (cname, cpos) = self.parse_var_name()?;
            self.expect(&Token::RightParen, "to close the iteration variables")?;
            if cname == name {
                return Err(PERR::DuplicatedVariable(cname.to_string()).into_err(cpos));
            }
            (
                Ident { name, pos: npos },
                Some(Ident {
                    name: cname,
                    pos: cpos,
                }),
            )
        } else {
            let (name, npos) = self.parse_var_name()?;
            (Ident { name, pos: npos }, None)
        };
        match self.next()? {
            (Token::In, _) => (),
            (_, p) => {
                return Err(
                    PERR::MissingToken("in".into(), "after the iteration variable".into())
                        .into_err(p),
                )
            }
        }
        let iter = self.parse_expr()?;
        expr::ensure_iterable(&iter)?;
        let mark = self.vars.len();
        self.declare(var.name.clone(), false);
        if let Some(c) = &counter {
            self.declare(c.name.clone(), false);
        }
        let body = self.parse_loop_body();
        self.vars.truncate(mark);
        Ok(Stmt::For(
            Box::new(ForStmt {
                var,
                counter,
                iter,
                body: body?,
            }),
            pos,
        ))
    }

    /// `break_stmt := "break" [expr] | "continue"`
    fn parse_break(&mut self) -> PResult<Stmt> {
        let (token, pos) = self.next()?;
        if self.frame().loop_depth == 0 {
            return Err(PERR::LoopBreak.into_err(pos));
        }
        if token == Token::Continue {
            return Ok(Stmt::Jump(Jump::Continue, None, pos));
        }
        let value = if can_start_expr(self.peek_token()?) {
            Some(Box::new(self.parse_expr()?))
        } else {
            None
        };
        Ok(Stmt::Jump(Jump::Break, value, pos))
    }

    /// `return_stmt := ("return" | "throw") [expr]`
    fn parse_return(&mut self) -> PResult<Stmt> {
        let (token, pos) = self.next()?;
        let jump = if token == Token::Throw {
            Jump::Throw
        } else {
            Jump::Return
        };
        // A token that cannot start an expression ends the statement (and must be a `;`).
        let value = if can_start_expr(self.peek_token()?) {
            Some(Box::new(self.parse_expr()?))
        } else {
            None
        };
        Ok(Stmt::Jump(jump, value, pos))
    }

    /// `try_stmt := "try" block "catch" ["(" ident ")"] block`
    fn parse_try(&mut self) -> PResult<Stmt> {
        let (_, pos) = self.next()?;
        let body = self.parse_block()?;
        match self.next()? {
            (Token::Catch, _) => (),
            (_, p) => {
                return Err(
                    PERR::MissingToken("catch".into(), "for the 'try' statement".into())
                        .into_err(p),
                )
            }
        }
        let catch_var = if self.eat(&Token::LeftParen)? {
            let (name, npos) = self.parse_var_name()?;
            self.expect(&Token::RightParen, "to enclose the catch variable")?;
            Some(Ident { name, pos: npos })
        } else {
            None
        };
        let mark = self.vars.len();
        if let Some(v) = &catch_var {
            self.declare(v.name.clone(), false);
        }
        let catch_block = self.parse_block();
        self.vars.truncate(mark);
        Ok(Stmt::TryCatch(
            Box::new(TryCatchStmt {
                body,
                catch_var,
                catch_block: catch_block?,
            }),
            pos,
        ))
    }

    /// `import_stmt := "import" expr ["as" ident]`
    fn parse_import(&mut self) -> PResult<Stmt> {
        let (_, pos) = self.next()?;
        let path = self.parse_expr()?;
        let alias = if self.eat(&Token::As)? {
            // `as global` replaces the automatic `global` module.
            let (name, npos) = if matches!(self.peek_token()?, Token::Global) {
                let (_, npos) = self.next()?;
                (ImmutableString::from("global"), npos)
            } else {
                self.parse_var_name()?
            };
            self.imported.push(name.clone());
            Some(Ident { name, pos: npos })
        } else {
            None
        };
        Ok(Stmt::Import(Box::new((path, alias)), pos))
    }

    /// `export_stmt := "export" ("let" … | "const" … | ident ["as" ident])`
    fn parse_export(&mut self) -> PResult<Stmt> {
        let (_, pos) = self.next()?;
        if self.frames.len() > 1 || self.blocks > 0 {
            return Err(PERR::WrongExport.into_err(pos));
        }
        if matches!(self.peek_token()?, Token::Let | Token::Const) {
            return self.parse_let(true);
        }
        // One variable per `export` (as in the published crate; no comma list).
        let (name, npos) = self.parse_var_name()?;
        let alias = if self.eat(&Token::As)? {
            let (alias, apos) = self.parse_var_name()?;
            Ident {
                name: alias,
                pos: apos,
            }
        } else {
            Ident {
                name: name.clone(),
                pos: npos,
            }
        };
        let var = self.resolve_var(name, npos)?;
        Ok(Stmt::Export(Box::new((var, alias)), pos))
    }

    /// `expr_stmt := expr [("=" | op "=") expr]`
    fn parse_expr_stmt(&mut self) -> PResult<Stmt> {
        let lhs = self.parse_expr()?;
        let (token, pos) = self.peek()?;
        let token = token.clone();
        self.check_disabled(&token, pos)?;
        let op = match &token {
            Token::Equals => None,
            t if t.is_assignment_op() => {
                match t.base_operator().and_then(|b| expr::binary_op(&b)) {
                    Some(op) => Some(op),
                    None => return Err(PERR::UnknownOperator(t.syntax().into()).into_err(pos)),
                }
            }
            _ => return Ok(Stmt::Expr(Box::new(lhs))),
        };
        if op.is_none() && matches!(lhs, Expr::And(..) | Expr::Or(..) | Expr::Coalesce(..)) {
            return Err(typo_of_equals(pos));
        }
        self.next()?;
        self.check_assignment_target(&lhs)?;
        let rhs = self.parse_expr()?;
        Ok(Stmt::Assignment(Box::new(Assignment { op, lhs, rhs }), pos))
    }

    /// Only variables, `this`, and property/index chains on them can be assigned to. A
    /// constant variable is refused here; a constant at the root of a chain when it is written.
    fn check_assignment_target(&self, lhs: &Expr) -> PResult<()> {
        match lhs {
            Expr::Variable(v, vpos) => {
                if v.namespace.is_empty() && self.is_constant(v) {
                    Err(PERR::AssignmentToConstant(v.name.to_string()).into_err(*vpos))
                } else {
                    Ok(())
                }
            }
            Expr::ThisPtr(_) => Ok(()),
            Expr::Chain(chain, _) => {
                let method = chain.links.iter().find_map(|link| match link {
                    crate::ast::ChainLink::Method(_, _, pos) => Some(*pos),
                    _ => None,
                });
                if let Some(pos) = method {
                    return Err(PERR::AssignmentToInvalidLHS(String::new()).into_err(pos));
                }
                match &chain.root {
                    Expr::Variable(..) | Expr::ThisPtr(..) => Ok(()),
                    root => {
                        Err(PERR::AssignmentToInvalidLHS(String::new()).into_err(root.position()))
                    }
                }
            }
            e if e.is_constant() => {
                Err(PERR::AssignmentToConstant(String::new()).into_err(e.position()))
            }
            e => Err(PERR::AssignmentToInvalidLHS(String::new()).into_err(e.position())),
        }
    }
}

/// Can an expression begin with this token?
fn can_start_expr(token: &Token) -> bool {
    matches!(
        token,
        Token::IntegerConstant(_)
            | Token::FloatConstant(_)
            | Token::CharConstant(_)
            | Token::StringConstant(_)
            | Token::InterpolatedString(_)
            | Token::Identifier(_)
            | Token::Reserved(_)
            | Token::LeftBrace
            | Token::LeftParen
            | Token::LeftBracket
            | Token::MapStart
            | Token::Pipe
            | Token::Or
            | Token::Plus
            | Token::Minus
            | Token::Bang
            | Token::True
            | Token::False
            | Token::This
            | Token::Global
            | Token::If
            | Token::Switch
            | Token::While
            | Token::Loop
            | Token::Do
            | Token::For
            | Token::Underscore
    )
}

/// `=` where `==` was probably meant.
#[cold]
fn typo_of_equals(pos: Position) -> ParseError {
    LexError::ImproperSymbol("=".into(), "Possibly a typo of '=='?".into()).into_err(pos)
}

/// Statements ending with a block need no `;` after them.
fn stmt_ends_with_block(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::If(..)
        | Stmt::Switch(..)
        | Stmt::While(..)
        | Stmt::For(..)
        | Stmt::Block(..)
        | Stmt::TryCatch(..) => true,
        Stmt::Expr(e) => matches!(**e, Expr::Stmt(..)),
        _ => false,
    }
}

/// Functions with a syntax of their own, whose names cannot name variables or script functions.
pub(super) fn is_keyword_function(name: &str) -> bool {
    matches!(
        name,
        "print"
            | "debug"
            | "type_of"
            | "eval"
            | "call"
            | "curry"
            | "is_def_var"
            | "is_def_fn"
            | "is_shared"
            | "Fn"
    )
}

/// Reject identifiers the book calls illegal: `_` alone, or `_` followed only by digits.
fn check_identifier(name: &str, pos: Position) -> PResult<()> {
    let rest = name.trim_start_matches('_');
    if rest.is_empty() || (name.starts_with('_') && rest.chars().all(|c| c.is_ascii_digit())) {
        Err(LexError::MalformedIdentifier(name.into()).into_err(pos))
    } else {
        Ok(())
    }
}

trait OrBadInput {
    fn or_bad_input(self, token: &Token) -> Self;
}

impl OrBadInput for ParseError {
    /// Replace a generic error with an "unexpected token" one naming the token.
    fn or_bad_input(self, token: &Token) -> Self {
        let pos = self.1;
        PERR::BadInput(LexError::UnexpectedInput(token.syntax().into())).into_err(pos)
    }
}

/// Parse a script with the engine's options.
pub(crate) fn parse(
    engine: &Engine,
    script: &str,
    scope_names: Vec<ImmutableString>,
) -> PResult<AST> {
    Parser::new(engine, script, scope_names).parse_script()
}

/// Parse a script run by `eval` from inside a running script. The parser's stack budget is
/// measured from `stack`, the start of the outermost evaluation, so that nested `eval`s share
/// one budget instead of each starting a fresh one.
pub(crate) fn parse_nested(
    engine: &Engine,
    script: &str,
    stack: crate::config::StackProbe,
) -> PResult<AST> {
    let mut parser = Parser::new(engine, script, Vec::new());
    parser.stack = stack;
    parser.parse_script()
}

/// Parse a single expression.
pub(crate) fn parse_expression(
    engine: &Engine,
    script: &str,
    scope_names: Vec<ImmutableString>,
) -> PResult<AST> {
    Parser::new(engine, script, scope_names).parse_expression_only()
}
