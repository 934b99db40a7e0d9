//! STUB for compile checking (replaced by the lexer branch).
#![allow(missing_docs, dead_code)]
use crate::syntax::error::LexError;
use crate::{FLOAT, INT};
use std::borrow::Cow;
pub type SmartString = smartstring::SmartString<smartstring::LazyCompact>;
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    IntegerConstant(INT),
    FloatConstant(FLOAT),
    CharConstant(char),
    StringConstant(SmartString),
    InterpolatedString(SmartString),
    Identifier(SmartString),
    Reserved(SmartString),
    Comment(SmartString),
    LeftBrace,
    RightBrace,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    QuestionBracket,
    Plus,
    Minus,
    Multiply,
    Divide,
    Modulo,
    PowerOf,
    LeftShift,
    RightShift,
    SemiColon,
    Colon,
    DoubleColon,
    DoubleArrow,
    Underscore,
    Comma,
    Period,
    Elvis,
    DoubleQuestion,
    ExclusiveRange,
    InclusiveRange,
    MapStart,
    Equals,
    True,
    False,
    Let,
    Const,
    If,
    Else,
    Switch,
    Do,
    While,
    Until,
    Loop,
    For,
    In,
    NotIn,
    LessThan,
    GreaterThan,
    LessThanEqualsTo,
    GreaterThanEqualsTo,
    EqualsTo,
    NotEqualsTo,
    Bang,
    Pipe,
    Or,
    XOr,
    Ampersand,
    And,
    Fn,
    Continue,
    Break,
    Return,
    Throw,
    Try,
    Catch,
    PlusAssign,
    MinusAssign,
    MultiplyAssign,
    DivideAssign,
    LeftShiftAssign,
    RightShiftAssign,
    AndAssign,
    OrAssign,
    XOrAssign,
    ModuloAssign,
    PowerOfAssign,
    Private,
    Import,
    Export,
    As,
    Global,
    This,
    LexError(Box<LexError>),
    EOF,
}
impl Token {
    pub fn literal_syntax(&self) -> &'static str {
        ""
    }
    pub fn syntax(&self) -> Cow<'static, str> {
        "".into()
    }
    pub fn precedence(&self) -> Option<u8> {
        None
    }
    pub fn is_bind_right(&self) -> bool {
        false
    }
    pub fn is_assignment_op(&self) -> bool {
        false
    }
    pub fn base_operator(&self) -> Option<Token> {
        None
    }
    pub fn is_reserved_keyword(_s: &str) -> bool {
        false
    }
}
