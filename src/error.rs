//! `EvalAltResult`: every error (and the control-flow pseudo-errors) a script run can end with.
//!
//! Each user-facing variant carries the `Position` where it happened. The API hands errors out
//! as `Box<EvalAltResult>` so that `Result` stays small.

use crate::syntax::error::{ParseError, ParseErrorType};
use crate::{Dynamic, ImmutableString, Map, Position, INT};
use core::fmt;

/// An error (or a control-flow pseudo-error) raised during evaluation.
#[derive(Debug)]
#[non_exhaustive]
#[must_use]
pub enum EvalAltResult {
    /// A system error wrapping a Rust error.
    ErrorSystem(String, Box<dyn std::error::Error + Send + Sync>),
    /// A script failed to parse.
    ErrorParsing(ParseErrorType, Position),
    /// A variable already defined (when shadowing is disallowed).
    ErrorVariableExists(String, Position),
    /// A variable definition rejected by the `on_def_var` filter.
    ErrorForbiddenVariable(String, Position),
    /// Access to a variable that is not defined.
    ErrorVariableNotFound(String, Position),
    /// Access to a property that does not exist.
    ErrorPropertyNotFound(String, Position),
    /// An index that a custom indexer cannot resolve.
    ErrorIndexNotFound(Dynamic, Position),
    /// A call to a function that does not exist; carries the signature.
    ErrorFunctionNotFound(String, Position),
    /// A module that cannot be found.
    ErrorModuleNotFound(String, Position),
    /// An error inside a called function: function name, source, the error.
    ErrorInFunctionCall(String, String, Box<Self>, Position),
    /// An error while loading a module.
    ErrorInModule(String, Box<Self>, Position),
    /// `this` used outside a method call.
    ErrorUnboundThis(Position),
    /// A value of the wrong type: expected, actual.
    ErrorMismatchDataType(String, String, Position),
    /// The result of `eval` is not of the requested type: requested, actual.
    ErrorMismatchOutputType(String, String, Position),
    /// Indexing a value that cannot be indexed.
    ErrorIndexingType(String, Position),
    /// Array index out of bounds: length, index.
    ErrorArrayBounds(usize, INT, Position),
    /// String index out of bounds: length in characters, index.
    ErrorStringBounds(usize, INT, Position),
    /// Bit-field index out of bounds: number of bits, index.
    ErrorBitFieldBounds(usize, INT, Position),
    /// `for` over a value that cannot be iterated.
    ErrorFor(Position),
    /// A shared value locked by someone else.
    ErrorDataRace(String, Position),
    /// A non-pure method called on a constant.
    ErrorNonPureMethodCallOnConstant(String, Position),
    /// Assignment to a constant.
    ErrorAssignmentToConstant(String, Position),
    /// Bad property access or method call.
    ErrorDotExpr(String, Position),
    /// Arithmetic failure: overflow, division by zero, …
    ErrorArithmetic(String, Position),
    /// The operations limit was exceeded.
    ErrorTooManyOperations(Position),
    /// The variables limit was exceeded.
    ErrorTooManyVariables(Position),
    /// The modules limit was exceeded.
    ErrorTooManyModules(Position),
    /// The call depth limit was exceeded.
    ErrorStackOverflow(Position),
    /// A string, array or map grew past its size limit.
    ErrorDataTooLarge(String, Position),
    /// The script was terminated (by `on_progress`), with the token returned.
    ErrorTerminated(Dynamic, Position),
    /// A custom-syntax error: message, symbols, position.
    ErrorCustomSyntax(String, Vec<String>, Position),
    /// A value thrown by `throw`, or a runtime error raised by a Rust function.
    ErrorRuntime(Dynamic, Position),
    /// Pseudo-error: `break` (true) or `continue` (false) outside a loop.
    LoopBreak(bool, Dynamic, Position),
    /// Pseudo-error: `return`.
    Return(Dynamic, Position),
    /// Pseudo-error: `exit`.
    Exit(Dynamic, Position),
}

impl std::error::Error for EvalAltResult {}

impl fmt::Display for EvalAltResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_message(f)?;
        write_position(f, self.position())
    }
}

/// Displays an error's text without its trailing position.
struct Message<'a>(&'a EvalAltResult);

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_message(f)
    }
}

/// ` (line L, position P)` after a message, unless the position is `NONE`.
fn write_position(f: &mut fmt::Formatter<'_>, pos: Position) -> fmt::Result {
    if pos.is_none() {
        Ok(())
    } else {
        write!(f, " ({pos})")
    }
}

impl EvalAltResult {
    /// The error text without the trailing position.
    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ErrorSystem(s, err) if s.is_empty() => write!(f, "{err}"),
            Self::ErrorSystem(s, err) => write!(f, "{s}: {err}"),
            Self::ErrorParsing(p, ..) => write!(f, "Syntax error: {p}"),
            Self::ErrorVariableExists(s, ..) => write!(f, "Variable already defined: {s}"),
            Self::ErrorForbiddenVariable(s, ..) => write!(f, "Forbidden variable name: {s}"),
            Self::ErrorVariableNotFound(s, ..) => write!(f, "Variable not found: {s}"),
            Self::ErrorPropertyNotFound(s, ..) => write!(f, "Property not found: {s}"),
            Self::ErrorIndexNotFound(s, ..) => write!(f, "Invalid index: {s}"),
            Self::ErrorFunctionNotFound(s, ..) => write!(f, "Function not found: {s}"),
            Self::ErrorModuleNotFound(s, ..) => write!(f, "Module not found: {s}"),
            Self::ErrorInFunctionCall(name, src, err, ..) => {
                if src.is_empty() {
                    write!(f, "{err}")?;
                } else {
                    err.fmt_message(f)?;
                    write!(f, " @ '{src}'")?;
                    write_position(f, err.position())?;
                }
                if name.starts_with(crate::ast::ANONYMOUS_FN_PREFIX) {
                    f.write_str("\nin closure call")?;
                } else {
                    write!(f, "\nin call to function '{name}'")?;
                }
                if !src.is_empty() {
                    write!(f, " (from '{src}')")?;
                }
                Ok(())
            }
            Self::ErrorInModule(s, err, ..) if s.is_empty() => write!(f, "{err}\nin module"),
            Self::ErrorInModule(s, err, ..) => write!(f, "{err}\nin module '{s}'"),
            Self::ErrorUnboundThis(..) => f.write_str("'this' not bound"),
            Self::ErrorMismatchDataType(expected, actual, ..) => {
                fmt_mismatch(f, "Data type incorrect", expected, actual)
            }
            Self::ErrorMismatchOutputType(expected, actual, ..) => {
                fmt_mismatch(f, "Output type incorrect", expected, actual)
            }
            Self::ErrorIndexingType(s, ..) => write!(f, "Indexer unavailable: {s}"),
            Self::ErrorArrayBounds(0, index, ..) => {
                write!(f, "Array index {index} out of bounds: array is empty")
            }
            Self::ErrorArrayBounds(len, index, ..) => write!(
                f,
                "Array index {index} out of bounds: only {len} element{} in array",
                if *len > 1 { "s" } else { "" }
            ),
            Self::ErrorStringBounds(0, index, ..) => {
                write!(f, "String index {index} out of bounds: string is empty")
            }
            Self::ErrorStringBounds(len, index, ..) => write!(
                f,
                "String index {index} out of bounds: only {len} character{} in string",
                if *len > 1 { "s" } else { "" }
            ),
            Self::ErrorBitFieldBounds(len, index, ..) => write!(
                f,
                "Bit-field index {index} out of bounds: only {len} bits in bit-field"
            ),
            Self::ErrorFor(..) => f.write_str("For loop expects iterable type"),
            Self::ErrorDataRace(s, ..) if s.is_empty() => f.write_str("Data race detected"),
            Self::ErrorDataRace(s, ..) => write!(f, "Data race detected on {s}"),
            Self::ErrorNonPureMethodCallOnConstant(s, ..) => {
                write!(f, "Non-pure method '{s}' cannot be called on constant")
            }
            Self::ErrorAssignmentToConstant(s, ..) => write!(f, "Cannot modify constant {s}"),
            Self::ErrorDotExpr(s, ..) if s.is_empty() => f.write_str("Malformed dot expression"),
            Self::ErrorDotExpr(s, ..) => f.write_str(s),
            Self::ErrorArithmetic(s, ..) if s.is_empty() => f.write_str("Arithmetic error"),
            Self::ErrorArithmetic(s, ..) => f.write_str(s),
            Self::ErrorTooManyOperations(..) => f.write_str("Too many operations"),
            Self::ErrorTooManyVariables(..) => f.write_str("Too many variables defined"),
            Self::ErrorTooManyModules(..) => f.write_str("Too many modules imported"),
            Self::ErrorStackOverflow(..) => f.write_str("Stack overflow"),
            Self::ErrorDataTooLarge(s, ..) => write!(f, "{s} too large"),
            Self::ErrorTerminated(..) => f.write_str("Script terminated"),
            Self::ErrorCustomSyntax(s, tokens, ..) => write!(f, "{s}: {}", tokens.join(" ")),
            Self::ErrorRuntime(d, ..) => {
                let text = d.to_string();
                if text.is_empty() {
                    f.write_str("Runtime error")
                } else {
                    write!(f, "Runtime error: {text}")
                }
            }
            Self::LoopBreak(true, ..) => f.write_str("'break' must be within a loop"),
            Self::LoopBreak(false, ..) => f.write_str("'continue' must be within a loop"),
            Self::Return(..) => f.write_str("NOT AN ERROR - function returns value"),
            Self::Exit(..) => f.write_str("NOT AN ERROR - exit value"),
        }
    }
}

/// `{what}: {actual} (expecting {expected})`, leaving out whichever part is empty.
fn fmt_mismatch(
    f: &mut fmt::Formatter<'_>,
    what: &str,
    expected: &str,
    actual: &str,
) -> fmt::Result {
    if actual.is_empty() {
        write!(f, "{what}, expecting {expected}")
    } else if expected.is_empty() {
        write!(f, "{what}: {actual}")
    } else {
        write!(f, "{what}: {actual} (expecting {expected})")
    }
}

impl<T: AsRef<str>> From<T> for EvalAltResult {
    /// A runtime error carrying the text as its value.
    fn from(err: T) -> Self {
        Self::ErrorRuntime(
            Dynamic::from(ImmutableString::from(err.as_ref())),
            Position::NONE,
        )
    }
}

impl<T: AsRef<str>> From<T> for Box<EvalAltResult> {
    fn from(err: T) -> Self {
        Box::new(EvalAltResult::from(err))
    }
}

impl From<ParseError> for EvalAltResult {
    fn from(err: ParseError) -> Self {
        Self::ErrorParsing(*err.0, err.1)
    }
}

impl From<ParseError> for Box<EvalAltResult> {
    fn from(err: ParseError) -> Self {
        Box::new(err.into())
    }
}

impl From<ParseErrorType> for EvalAltResult {
    fn from(err: ParseErrorType) -> Self {
        Self::ErrorParsing(err, Position::NONE)
    }
}

impl From<ParseErrorType> for Box<EvalAltResult> {
    fn from(err: ParseErrorType) -> Self {
        Box::new(err.into())
    }
}

impl EvalAltResult {
    /// Is this a pseudo-error (`break`, `continue`, `return`, `exit`)?
    #[must_use]
    pub const fn is_pseudo_error(&self) -> bool {
        matches!(
            self,
            Self::LoopBreak(..) | Self::Return(..) | Self::Exit(..)
        )
    }

    /// Can `try … catch` catch this error? (A wrapper such as `ErrorInFunctionCall` always can:
    /// system exceptions travel unwrapped.)
    #[must_use]
    pub const fn is_catchable(&self) -> bool {
        !self.is_pseudo_error() && !self.is_system_exception()
    }

    /// Is this a system exception (one that always ends the script)?
    #[must_use]
    pub const fn is_system_exception(&self) -> bool {
        matches!(
            self,
            Self::ErrorSystem(..)
                | Self::ErrorParsing(..)
                | Self::ErrorCustomSyntax(..)
                | Self::ErrorTooManyOperations(..)
                | Self::ErrorTooManyVariables(..)
                | Self::ErrorTooManyModules(..)
                | Self::ErrorStackOverflow(..)
                | Self::ErrorDataTooLarge(..)
                | Self::ErrorTerminated(..)
        )
    }

    /// The innermost error, through `ErrorInFunctionCall` and `ErrorInModule` wrappers.
    pub fn unwrap_inner(&self) -> &Self {
        match self {
            Self::ErrorInFunctionCall(_, _, err, ..) | Self::ErrorInModule(_, err, ..) => {
                err.unwrap_inner()
            }
            _ => self,
        }
    }

    /// The value a `catch` block receives: the thrown value (through any wrappers), or an
    /// object map describing the error: `error` (the variant name), `message` (the text without
    /// the position), `line` and `position` when known, and the fields of the variant.
    #[cold]
    pub(crate) fn into_catch_value(self) -> Dynamic {
        if let Self::ErrorRuntime(value, _) = self.unwrap_inner() {
            return value.clone();
        }
        let mut map = Map::new();
        let mut put = |key: &str, value: Dynamic| {
            map.insert(key.into(), value);
        };
        let text = |s: &str| Dynamic::from(ImmutableString::from(s));
        let debug = format!("{self:?}");
        put("error", text(debug.split('(').next().unwrap_or_default()));
        put("message", text(&Message(&self).to_string()));
        let pos = self.position();
        if let (Some(line), Some(column)) = (pos.line(), pos.position()) {
            put("line", Dynamic::from_int(line as INT));
            put("position", Dynamic::from_int(column as INT));
        }
        match self {
            Self::ErrorVariableExists(s, ..)
            | Self::ErrorForbiddenVariable(s, ..)
            | Self::ErrorVariableNotFound(s, ..)
            | Self::ErrorPropertyNotFound(s, ..)
            | Self::ErrorDataRace(s, ..)
            | Self::ErrorAssignmentToConstant(s, ..) => put("variable", text(&s)),
            Self::ErrorIndexNotFound(index, ..) => put("index", index),
            Self::ErrorFunctionNotFound(s, ..) | Self::ErrorNonPureMethodCallOnConstant(s, ..) => {
                put("function", text(&s))
            }
            Self::ErrorModuleNotFound(s, ..) | Self::ErrorInModule(s, ..) => {
                put("module", text(&s))
            }
            Self::ErrorInFunctionCall(name, source, ..) => {
                put("function", text(&name));
                put("source", text(&source));
            }
            Self::ErrorMismatchDataType(requested, actual, ..)
            | Self::ErrorMismatchOutputType(requested, actual, ..) => {
                put("requested", text(&requested));
                put("actual", text(&actual));
            }
            Self::ErrorIndexingType(s, ..) => put("type", text(&s)),
            Self::ErrorArrayBounds(length, index, ..)
            | Self::ErrorStringBounds(length, index, ..)
            | Self::ErrorBitFieldBounds(length, index, ..) => {
                put("length", Dynamic::from_int(length as INT));
                put("index", Dynamic::from_int(index));
            }
            Self::ErrorDotExpr(s, ..) => put("property", text(&s)),
            _ => (),
        }
        Dynamic::from_map(map)
    }

    /// The position of the error.
    #[must_use]
    pub const fn position(&self) -> Position {
        match self {
            Self::ErrorSystem(..) => Position::NONE,
            Self::ErrorParsing(_, pos)
            | Self::ErrorVariableExists(_, pos)
            | Self::ErrorForbiddenVariable(_, pos)
            | Self::ErrorVariableNotFound(_, pos)
            | Self::ErrorPropertyNotFound(_, pos)
            | Self::ErrorIndexNotFound(_, pos)
            | Self::ErrorFunctionNotFound(_, pos)
            | Self::ErrorModuleNotFound(_, pos)
            | Self::ErrorInFunctionCall(_, _, _, pos)
            | Self::ErrorInModule(_, _, pos)
            | Self::ErrorUnboundThis(pos)
            | Self::ErrorMismatchDataType(_, _, pos)
            | Self::ErrorMismatchOutputType(_, _, pos)
            | Self::ErrorIndexingType(_, pos)
            | Self::ErrorArrayBounds(_, _, pos)
            | Self::ErrorStringBounds(_, _, pos)
            | Self::ErrorBitFieldBounds(_, _, pos)
            | Self::ErrorFor(pos)
            | Self::ErrorDataRace(_, pos)
            | Self::ErrorNonPureMethodCallOnConstant(_, pos)
            | Self::ErrorAssignmentToConstant(_, pos)
            | Self::ErrorDotExpr(_, pos)
            | Self::ErrorArithmetic(_, pos)
            | Self::ErrorTooManyOperations(pos)
            | Self::ErrorTooManyVariables(pos)
            | Self::ErrorTooManyModules(pos)
            | Self::ErrorStackOverflow(pos)
            | Self::ErrorDataTooLarge(_, pos)
            | Self::ErrorTerminated(_, pos)
            | Self::ErrorCustomSyntax(_, _, pos)
            | Self::ErrorRuntime(_, pos)
            | Self::LoopBreak(_, _, pos)
            | Self::Return(_, pos)
            | Self::Exit(_, pos) => *pos,
        }
    }

    /// Clear the position.
    pub fn clear_position(&mut self) -> &mut Self {
        self.set_position(Position::NONE)
    }

    /// Take the position out, leaving `NONE`.
    pub fn take_position(&mut self) -> Position {
        let pos = self.position();
        self.set_position(Position::NONE);
        pos
    }

    /// Set the position.
    pub fn set_position(&mut self, new_position: Position) -> &mut Self {
        match self {
            Self::ErrorSystem(..) => (),
            Self::ErrorParsing(_, pos)
            | Self::ErrorVariableExists(_, pos)
            | Self::ErrorForbiddenVariable(_, pos)
            | Self::ErrorVariableNotFound(_, pos)
            | Self::ErrorPropertyNotFound(_, pos)
            | Self::ErrorIndexNotFound(_, pos)
            | Self::ErrorFunctionNotFound(_, pos)
            | Self::ErrorModuleNotFound(_, pos)
            | Self::ErrorInFunctionCall(_, _, _, pos)
            | Self::ErrorInModule(_, _, pos)
            | Self::ErrorUnboundThis(pos)
            | Self::ErrorMismatchDataType(_, _, pos)
            | Self::ErrorMismatchOutputType(_, _, pos)
            | Self::ErrorIndexingType(_, pos)
            | Self::ErrorArrayBounds(_, _, pos)
            | Self::ErrorStringBounds(_, _, pos)
            | Self::ErrorBitFieldBounds(_, _, pos)
            | Self::ErrorFor(pos)
            | Self::ErrorDataRace(_, pos)
            | Self::ErrorNonPureMethodCallOnConstant(_, pos)
            | Self::ErrorAssignmentToConstant(_, pos)
            | Self::ErrorDotExpr(_, pos)
            | Self::ErrorArithmetic(_, pos)
            | Self::ErrorTooManyOperations(pos)
            | Self::ErrorTooManyVariables(pos)
            | Self::ErrorTooManyModules(pos)
            | Self::ErrorStackOverflow(pos)
            | Self::ErrorDataTooLarge(_, pos)
            | Self::ErrorTerminated(_, pos)
            | Self::ErrorCustomSyntax(_, _, pos)
            | Self::ErrorRuntime(_, pos)
            | Self::LoopBreak(_, _, pos)
            | Self::Return(_, pos)
            | Self::Exit(_, pos) => *pos = new_position,
        }
        self
    }

    /// Set the position only if none is set yet.
    pub(crate) fn fill_position(mut self: Box<Self>, pos: Position) -> Box<Self> {
        if self.position().is_none() {
            self.set_position(pos);
        }
        self
    }
}
