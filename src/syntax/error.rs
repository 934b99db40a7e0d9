//! Errors of the lexer (`LexError`) and parser (`ParseErrorType`, `ParseError`).

use crate::Position;
use core::fmt;

/// An error found while reading characters into tokens.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LexError {
    /// A character that cannot start any token.
    UnexpectedInput(String),
    /// A string literal without its closing quote.
    UnterminatedString,
    /// A string literal longer than the maximum string size.
    StringTooLong(usize),
    /// A bad escape sequence.
    MalformedEscapeSequence(String),
    /// A bad number literal.
    MalformedNumber(String),
    /// A bad character literal.
    MalformedChar(String),
    /// A bad identifier.
    MalformedIdentifier(String),
    /// A symbol used where it is not allowed: (symbol, message).
    ImproperSymbol(String, String),
    /// An error raised by a token-mapping callback.
    Runtime(String),
}

impl std::error::Error for LexError {}

impl fmt::Display for LexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnexpectedInput(s) => write!(f, "Unexpected '{s}'"),
            Self::UnterminatedString => f.write_str("Open string is not terminated"),
            Self::StringTooLong(max) => write!(f, "String is too long (max {max})"),
            Self::MalformedEscapeSequence(s) => write!(f, "Invalid escape sequence: '{s}'"),
            Self::MalformedNumber(s) => write!(f, "Invalid number: '{s}'"),
            Self::MalformedChar(s) => write!(f, "Invalid character: '{s}'"),
            Self::MalformedIdentifier(s) => write!(f, "Variable name is not proper: '{s}'"),
            Self::ImproperSymbol(s, d) if d.is_empty() => {
                write!(f, "Invalid symbol encountered: '{s}'")
            }
            Self::ImproperSymbol(_, d) => f.write_str(d),
            Self::Runtime(s) => f.write_str(s),
        }
    }
}

impl LexError {
    /// Turn into a `ParseError` at a position.
    #[must_use]
    pub fn into_err(self, pos: Position) -> ParseError {
        ParseError(Box::new(self.into()), pos)
    }
}

/// What went wrong while parsing.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseErrorType {
    /// The script ended in the middle of something.
    UnexpectedEOF,
    /// A lexing error.
    BadInput(LexError),
    /// An unknown operator.
    UnknownOperator(String),
    /// A missing token: (token, what it is for).
    MissingToken(String, String),
    /// A missing symbol.
    MissingSymbol(String),
    /// A malformed function call.
    MalformedCallExpr(String),
    /// A malformed index expression.
    MalformedIndexExpr(String),
    /// A malformed `in` expression.
    MalformedInExpr(String),
    /// A malformed capture.
    MalformedCapture(String),
    /// A property defined twice in a map literal.
    DuplicatedProperty(String),
    /// A `switch` case value used twice.
    DuplicatedSwitchCase,
    /// A variable defined twice where not allowed.
    DuplicatedVariable(String),
    /// An integer case after a range case.
    WrongSwitchIntegerCase,
    /// A default case that is not the last.
    WrongSwitchDefaultCase,
    /// A condition on the default case.
    WrongSwitchCaseCondition,
    /// A property name was expected.
    PropertyExpected,
    /// A variable name was expected.
    VariableExpected,
    /// A variable name forbidden by the engine.
    ForbiddenVariable(String),
    /// A reserved keyword or symbol.
    Reserved(String),
    /// A type mismatch: (expected, actual).
    MismatchedType(String, String),
    /// An expression was expected.
    ExprExpected(String),
    /// A doc-comment in the wrong place.
    WrongDocComment,
    /// A function defined where functions cannot be.
    WrongFnDefinition,
    /// A function defined twice: (name, number of parameters).
    FnDuplicatedDefinition(String, usize),
    /// A function without a name.
    FnMissingName,
    /// A function without its parameters list.
    FnMissingParams(String),
    /// A parameter named twice: (function, parameter).
    FnDuplicatedParam(String, String),
    /// A function without a body.
    FnMissingBody(String),
    /// `export` in the wrong place.
    WrongExport,
    /// Assignment to a constant.
    AssignmentToConstant(String),
    /// Assignment to something that cannot be assigned.
    AssignmentToInvalidLHS(String),
    /// A variable already defined (shadowing disabled).
    VariableExists(String),
    /// A variable not defined (strict variables mode).
    VariableUndefined(String),
    /// A module not defined (strict variables mode).
    ModuleUndefined(String),
    /// Expressions nested too deeply.
    ExprTooDeep,
    /// Too many functions defined.
    TooManyFunctions,
    /// A literal over a size limit: (what, limit).
    LiteralTooLarge(String, usize),
    /// `break`/`continue` outside a loop.
    LoopBreak,
}

impl ParseErrorType {
    /// Turn into a `ParseError` at a position.
    #[must_use]
    pub(crate) fn into_err(self, pos: Position) -> ParseError {
        ParseError(Box::new(self), pos)
    }
}

impl fmt::Display for ParseErrorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnexpectedEOF => f.write_str("Script is incomplete"),
            Self::BadInput(err) => write!(f, "{err}"),
            Self::UnknownOperator(s) => write!(f, "Unknown operator: '{s}'"),
            Self::MissingToken(token, s) => write!(f, "Expecting '{token}' {s}"),
            Self::MissingSymbol(s) if s.is_empty() => f.write_str("Expecting a symbol"),
            Self::MissingSymbol(s) => f.write_str(s),
            // The published crate shows its fixed text only when a detail is given.
            Self::MalformedCallExpr(s) if s.is_empty() => Ok(()),
            Self::MalformedCallExpr(_) => f.write_str("Invalid expression in function call arguments"),
            Self::MalformedIndexExpr(s) if s.is_empty() => f.write_str("Invalid index in indexing expression"),
            Self::MalformedIndexExpr(s) => f.write_str(s),
            Self::MalformedInExpr(s) if s.is_empty() => f.write_str("Invalid 'in' expression"),
            Self::MalformedInExpr(s) => f.write_str(s),
            Self::MalformedCapture(s) if s.is_empty() => f.write_str("Invalid capturing"),
            Self::MalformedCapture(s) => f.write_str(s),
            Self::DuplicatedProperty(s) => write!(f, "Duplicated property for object map literal: {s}"),
            Self::DuplicatedSwitchCase => f.write_str("Duplicated switch case"),
            Self::DuplicatedVariable(s) => write!(f, "Duplicated variable name: {s}"),
            Self::WrongSwitchIntegerCase => f.write_str("Numeric switch case cannot follow a range case"),
            Self::WrongSwitchDefaultCase => f.write_str("Default switch case must be the last"),
            Self::WrongSwitchCaseCondition => f.write_str("This switch case cannot have a condition"),
            Self::PropertyExpected => f.write_str("Expecting name of a property"),
            Self::VariableExpected => f.write_str("Expecting name of a variable"),
            Self::ForbiddenVariable(s) => write!(f, "Forbidden variable name: {s}"),
            Self::Reserved(s) if s.chars().all(|c| c.is_alphanumeric() || c == '_') => {
                write!(f, "'{s}' is a reserved keyword")
            }
            Self::Reserved(s) => write!(f, "'{s}' is a reserved symbol"),
            Self::MismatchedType(expected, actual) => write!(f, "Expecting {expected}, not {actual}"),
            Self::ExprExpected(s) => write!(f, "Expecting {s} expression"),
            Self::WrongDocComment => f.write_str("Doc-comment must be followed immediately by a function definition"),
            Self::WrongFnDefinition => f.write_str("Function definitions must be at global level and cannot be inside a block or another function"),
            Self::FnDuplicatedDefinition(s, 0) => write!(f, "Function {s} with no parameters already exists"),
            Self::FnDuplicatedDefinition(s, 1) => write!(f, "Function {s} with 1 parameter already exists"),
            Self::FnDuplicatedDefinition(s, n) => write!(f, "Function {s} with {n} parameters already exists"),
            Self::FnMissingName => f.write_str("Expecting function name in function declaration"),
            Self::FnMissingParams(s) => write!(f, "Expecting parameters for function {s}"),
            Self::FnDuplicatedParam(s, p) => write!(f, "Duplicated parameter {p} for function {s}"),
            Self::FnMissingBody(s) if s.is_empty() => f.write_str("Expecting body statement block for anonymous function"),
            Self::FnMissingBody(s) => write!(f, "Expecting body statement block for function {s}"),
            Self::WrongExport => f.write_str("Export statement can only appear at global level"),
            Self::AssignmentToConstant(s) if s.is_empty() => f.write_str("Cannot assign to a constant value"),
            Self::AssignmentToConstant(s) => write!(f, "Cannot assign to constant {s}"),
            Self::AssignmentToInvalidLHS(s) if s.is_empty() => f.write_str("Expression cannot be assigned to"),
            Self::AssignmentToInvalidLHS(s) => f.write_str(s),
            Self::VariableExists(s) => write!(f, "Variable already defined: {s}"),
            Self::VariableUndefined(s) => write!(f, "Undefined variable: {s}"),
            Self::ModuleUndefined(s) => write!(f, "Undefined module: {s}"),
            Self::ExprTooDeep => f.write_str("Expression exceeds maximum complexity"),
            Self::TooManyFunctions => f.write_str("Number of functions defined exceeds maximum limit"),
            Self::LiteralTooLarge(s, max) => write!(f, "{s} exceeds the maximum limit ({max})"),
            Self::LoopBreak => f.write_str("Break statement should only be used inside a loop"),
        }
    }
}

impl From<LexError> for ParseErrorType {
    /// A string over the size limit is reported as a too-large literal; the rest as bad input.
    fn from(err: LexError) -> Self {
        match err {
            LexError::StringTooLong(max) => Self::LiteralTooLarge("Length of string".into(), max),
            err => Self::BadInput(err),
        }
    }
}

/// A parse error: what and where.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ParseError(pub Box<ParseErrorType>, pub Position);

impl ParseError {
    /// What went wrong.
    #[must_use]
    pub const fn err_type(&self) -> &ParseErrorType {
        &self.0
    }
    /// Where.
    #[must_use]
    pub const fn position(&self) -> Position {
        self.1
    }
}

impl std::error::Error for ParseError {}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)?;
        if !self.1.is_none() {
            write!(f, " ({})", self.1)?;
        }
        Ok(())
    }
}

impl From<ParseErrorType> for ParseError {
    fn from(err: ParseErrorType) -> Self {
        Self(Box::new(err), Position::NONE)
    }
}

impl From<LexError> for ParseError {
    fn from(err: LexError) -> Self {
        Self(Box::new(err.into()), Position::NONE)
    }
}
