//! STUB
#![allow(missing_docs, dead_code)]
use crate::Position;
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LexError {
    UnexpectedInput(String),
    UnterminatedString,
    StringTooLong(usize),
    MalformedEscapeSequence(String),
    MalformedNumber(String),
    MalformedChar(String),
    MalformedIdentifier(String),
    ImproperSymbol(String, String),
    Runtime(String),
}
impl LexError {
    pub fn into_err(self, pos: Position) -> ParseError {
        ParseError(Box::new(ParseErrorType::BadInput(self)), pos)
    }
}
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ParseErrorType {
    UnexpectedEOF,
    BadInput(LexError),
    UnknownOperator(String),
    MissingToken(String, String),
    MissingSymbol(String),
    MalformedCallExpr(String),
    MalformedIndexExpr(String),
    MalformedInExpr(String),
    MalformedCapture(String),
    DuplicatedProperty(String),
    DuplicatedSwitchCase,
    DuplicatedVariable(String),
    WrongSwitchIntegerCase,
    WrongSwitchDefaultCase,
    WrongSwitchCaseCondition,
    PropertyExpected,
    VariableExpected,
    ForbiddenVariable(String),
    Reserved(String),
    MismatchedType(String, String),
    ExprExpected(String),
    WrongDocComment,
    WrongFnDefinition,
    FnDuplicatedDefinition(String, usize),
    FnMissingName,
    FnMissingParams(String),
    FnDuplicatedParam(String, String),
    FnMissingBody(String),
    WrongExport,
    AssignmentToConstant(String),
    AssignmentToInvalidLHS(String),
    VariableExists(String),
    VariableUndefined(String),
    ModuleUndefined(String),
    ExprTooDeep,
    TooManyFunctions,
    LiteralTooLarge(String, usize),
    LoopBreak,
}
impl ParseErrorType {
    pub fn into_err(self, pos: Position) -> ParseError {
        ParseError(Box::new(self), pos)
    }
}
impl std::fmt::Display for ParseErrorType {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParseError(pub Box<ParseErrorType>, pub Position);
