//! `Token`: the lexical units of the language, keywords and symbols, and the one table of
//! binary-operator precedence (`../shared/spec/operator-precedence.md`).

use crate::syntax::error::LexError;
use crate::value::string::SmartString;
use crate::{FLOAT, INT};
use std::borrow::Cow;

/// A token of the script.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::upper_case_acronyms)]
pub enum Token {
    /// An integer literal.
    IntegerConstant(INT),
    /// A floating-point literal.
    FloatConstant(FLOAT),
    /// A character literal.
    CharConstant(char),
    /// A `"…"` string, or the last piece of a back-tick string.
    StringConstant(SmartString),
    /// A piece of a back-tick string followed by `${`.
    InterpolatedString(SmartString),
    /// An identifier.
    Identifier(SmartString),
    /// A reserved keyword or symbol.
    Reserved(SmartString),
    /// A doc-comment (`///`, `/** */`, `//!`), markers included.
    Comment(SmartString),
    /// `{`
    LeftBrace,
    /// `}`
    RightBrace,
    /// `(`
    LeftParen,
    /// `)`
    RightParen,
    /// `[`
    LeftBracket,
    /// `]`
    RightBracket,
    /// `?[`
    QuestionBracket,
    /// `+`
    Plus,
    /// `-`
    Minus,
    /// `*`
    Multiply,
    /// `/`
    Divide,
    /// `%`
    Modulo,
    /// `**`
    PowerOf,
    /// `<<`
    LeftShift,
    /// `>>`
    RightShift,
    /// `;`
    SemiColon,
    /// `:`
    Colon,
    /// `::`
    DoubleColon,
    /// `=>`
    DoubleArrow,
    /// `_`
    Underscore,
    /// `,`
    Comma,
    /// `.`
    Period,
    /// `?.`
    Elvis,
    /// `??`
    DoubleQuestion,
    /// `..`
    ExclusiveRange,
    /// `..=`
    InclusiveRange,
    /// `#{`
    MapStart,
    /// `=`
    Equals,
    /// `true`
    True,
    /// `false`
    False,
    /// `let`
    Let,
    /// `const`
    Const,
    /// `if`
    If,
    /// `else`
    Else,
    /// `switch`
    Switch,
    /// `do`
    Do,
    /// `while`
    While,
    /// `until`
    Until,
    /// `loop`
    Loop,
    /// `for`
    For,
    /// `in`
    In,
    /// `!in`
    NotIn,
    /// `<`
    LessThan,
    /// `>`
    GreaterThan,
    /// `<=`
    LessThanEqualsTo,
    /// `>=`
    GreaterThanEqualsTo,
    /// `==`
    EqualsTo,
    /// `!=`
    NotEqualsTo,
    /// `!`
    Bang,
    /// `|`
    Pipe,
    /// `||`
    Or,
    /// `^`
    XOr,
    /// `&`
    Ampersand,
    /// `&&`
    And,
    /// `fn`
    Fn,
    /// `continue`
    Continue,
    /// `break`
    Break,
    /// `return`
    Return,
    /// `throw`
    Throw,
    /// `try`
    Try,
    /// `catch`
    Catch,
    /// `+=`
    PlusAssign,
    /// `-=`
    MinusAssign,
    /// `*=`
    MultiplyAssign,
    /// `/=`
    DivideAssign,
    /// `<<=`
    LeftShiftAssign,
    /// `>>=`
    RightShiftAssign,
    /// `&=`
    AndAssign,
    /// `|=`
    OrAssign,
    /// `^=`
    XOrAssign,
    /// `%=`
    ModuloAssign,
    /// `**=`
    PowerOfAssign,
    /// `private`
    Private,
    /// `import`
    Import,
    /// `export`
    Export,
    /// `as`
    As,
    /// `global`
    Global,
    /// `this`
    This,
    /// A lexing error.
    LexError(Box<LexError>),
    /// End of input.
    EOF,
}

/// Words and symbols reserved for future use: not usable as names.
fn is_reserved_word(s: &str) -> bool {
    matches!(
        s,
        "var"
            | "static"
            | "shared"
            | "goto"
            | "match"
            | "case"
            | "public"
            | "protected"
            | "new"
            | "use"
            | "with"
            | "module"
            | "package"
            | "super"
            | "spawn"
            | "thread"
            | "go"
            | "sync"
            | "async"
            | "await"
            | "yield"
            | "default"
            | "void"
            | "null"
            | "nil"
            | "is"
            | ":="
            | ":;"
            | "==="
            | "!=="
            | "->"
            | "<-"
            | "<|"
            | "|>"
            | "::<"
            | "@"
            | "#"
            | "#!"
            | "$"
            | "(*"
            | "*)"
            | "~"
            | "..."
            | "++"
            | "--"
            | "?"
            | "!."
    )
}

impl Token {
    /// The text of a keyword or symbol token ("" for other tokens).
    #[must_use]
    pub fn literal_syntax(&self) -> &'static str {
        match self {
            Self::LeftBrace => "{",
            Self::RightBrace => "}",
            Self::LeftParen => "(",
            Self::RightParen => ")",
            Self::LeftBracket => "[",
            Self::RightBracket => "]",
            Self::QuestionBracket => "?[",
            Self::Plus => "+",
            Self::Minus => "-",
            Self::Multiply => "*",
            Self::Divide => "/",
            Self::Modulo => "%",
            Self::PowerOf => "**",
            Self::LeftShift => "<<",
            Self::RightShift => ">>",
            Self::SemiColon => ";",
            Self::Colon => ":",
            Self::DoubleColon => "::",
            Self::DoubleArrow => "=>",
            Self::Underscore => "_",
            Self::Comma => ",",
            Self::Period => ".",
            Self::Elvis => "?.",
            Self::DoubleQuestion => "??",
            Self::ExclusiveRange => "..",
            Self::InclusiveRange => "..=",
            Self::MapStart => "#{",
            Self::Equals => "=",
            Self::True => "true",
            Self::False => "false",
            Self::Let => "let",
            Self::Const => "const",
            Self::If => "if",
            Self::Else => "else",
            Self::Switch => "switch",
            Self::Do => "do",
            Self::While => "while",
            Self::Until => "until",
            Self::Loop => "loop",
            Self::For => "for",
            Self::In => "in",
            Self::NotIn => "!in",
            Self::LessThan => "<",
            Self::GreaterThan => ">",
            Self::LessThanEqualsTo => "<=",
            Self::GreaterThanEqualsTo => ">=",
            Self::EqualsTo => "==",
            Self::NotEqualsTo => "!=",
            Self::Bang => "!",
            Self::Pipe => "|",
            Self::Or => "||",
            Self::XOr => "^",
            Self::Ampersand => "&",
            Self::And => "&&",
            Self::Fn => "fn",
            Self::Continue => "continue",
            Self::Break => "break",
            Self::Return => "return",
            Self::Throw => "throw",
            Self::Try => "try",
            Self::Catch => "catch",
            Self::PlusAssign => "+=",
            Self::MinusAssign => "-=",
            Self::MultiplyAssign => "*=",
            Self::DivideAssign => "/=",
            Self::LeftShiftAssign => "<<=",
            Self::RightShiftAssign => ">>=",
            Self::AndAssign => "&=",
            Self::OrAssign => "|=",
            Self::XOrAssign => "^=",
            Self::ModuloAssign => "%=",
            Self::PowerOfAssign => "**=",
            Self::Private => "private",
            Self::Import => "import",
            Self::Export => "export",
            Self::As => "as",
            Self::Global => "global",
            Self::This => "this",
            _ => "",
        }
    }

    /// The text of any token, for messages.
    #[must_use]
    pub fn syntax(&self) -> Cow<'static, str> {
        match self {
            Self::IntegerConstant(n) => n.to_string().into(),
            Self::FloatConstant(n) => n.to_string().into(),
            Self::CharConstant(c) => format!("'{c}'").into(),
            Self::StringConstant(s) => format!("{s:?}").into(),
            Self::InterpolatedString(s) => format!("`{s}${{").into(),
            Self::Identifier(s) | Self::Reserved(s) | Self::Comment(s) => s.to_string().into(),
            Self::LexError(err) => err.to_string().into(),
            Self::EOF => "{EOF}".into(),
            t => t.literal_syntax().into(),
        }
    }

    /// The keyword or symbol token spelled `syntax`.
    #[must_use]
    pub fn lookup_symbol_from_syntax(syntax: &str) -> Option<Self> {
        Some(match syntax {
            "{" => Self::LeftBrace,
            "}" => Self::RightBrace,
            "(" => Self::LeftParen,
            ")" => Self::RightParen,
            "[" => Self::LeftBracket,
            "]" => Self::RightBracket,
            "?[" => Self::QuestionBracket,
            "+" => Self::Plus,
            "-" => Self::Minus,
            "*" => Self::Multiply,
            "/" => Self::Divide,
            "%" => Self::Modulo,
            "**" => Self::PowerOf,
            "<<" => Self::LeftShift,
            ">>" => Self::RightShift,
            ";" => Self::SemiColon,
            ":" => Self::Colon,
            "::" => Self::DoubleColon,
            "=>" => Self::DoubleArrow,
            "_" => Self::Underscore,
            "," => Self::Comma,
            "." => Self::Period,
            "?." => Self::Elvis,
            "??" => Self::DoubleQuestion,
            ".." => Self::ExclusiveRange,
            "..=" => Self::InclusiveRange,
            "#{" => Self::MapStart,
            "=" => Self::Equals,
            "true" => Self::True,
            "false" => Self::False,
            "let" => Self::Let,
            "const" => Self::Const,
            "if" => Self::If,
            "else" => Self::Else,
            "switch" => Self::Switch,
            "do" => Self::Do,
            "while" => Self::While,
            "until" => Self::Until,
            "loop" => Self::Loop,
            "for" => Self::For,
            "in" => Self::In,
            "!in" => Self::NotIn,
            "<" => Self::LessThan,
            ">" => Self::GreaterThan,
            "<=" => Self::LessThanEqualsTo,
            ">=" => Self::GreaterThanEqualsTo,
            "==" => Self::EqualsTo,
            "!=" => Self::NotEqualsTo,
            "!" => Self::Bang,
            "|" => Self::Pipe,
            "||" => Self::Or,
            "^" => Self::XOr,
            "&" => Self::Ampersand,
            "&&" => Self::And,
            "fn" => Self::Fn,
            "continue" => Self::Continue,
            "break" => Self::Break,
            "return" => Self::Return,
            "throw" => Self::Throw,
            "try" => Self::Try,
            "catch" => Self::Catch,
            "+=" => Self::PlusAssign,
            "-=" => Self::MinusAssign,
            "*=" => Self::MultiplyAssign,
            "/=" => Self::DivideAssign,
            "<<=" => Self::LeftShiftAssign,
            ">>=" => Self::RightShiftAssign,
            "&=" => Self::AndAssign,
            "|=" => Self::OrAssign,
            "^=" => Self::XOrAssign,
            "%=" => Self::ModuloAssign,
            "**=" => Self::PowerOfAssign,
            "private" => Self::Private,
            "import" => Self::Import,
            "export" => Self::Export,
            "as" => Self::As,
            "global" => Self::Global,
            "this" => Self::This,
            _ => return None,
        })
    }

    /// Is `s` a reserved word or symbol (reserved for future use, or a keyword)?
    #[must_use]
    pub fn is_reserved_keyword(s: &str) -> bool {
        is_reserved_word(s)
            || Self::lookup_symbol_from_syntax(s).is_some_and(|t| {
                s.starts_with(|c: char| c.is_ascii_alphabetic()) && t != Self::Underscore
            })
    }

    /// Binding power as a binary operator; higher binds tighter.
    #[must_use]
    pub fn precedence(&self) -> Option<u8> {
        Some(match self {
            Self::Or | Self::XOr | Self::Pipe => 30,
            Self::And | Self::Ampersand => 60,
            Self::EqualsTo | Self::NotEqualsTo => 90,
            Self::In | Self::NotIn => 110,
            Self::LessThan
            | Self::LessThanEqualsTo
            | Self::GreaterThan
            | Self::GreaterThanEqualsTo => 130,
            Self::DoubleQuestion => 135,
            Self::ExclusiveRange | Self::InclusiveRange => 140,
            Self::Plus | Self::Minus => 150,
            Self::Multiply | Self::Divide | Self::Modulo => 180,
            Self::PowerOf => 190,
            Self::LeftShift | Self::RightShift => 210,
            _ => return None,
        })
    }

    /// Does the operator bind to the right (`**`)?
    #[must_use]
    pub fn is_bind_right(&self) -> bool {
        matches!(self, Self::PowerOf)
    }

    /// Is this a compound assignment operator (`+=` …)?
    #[must_use]
    pub fn is_assignment_op(&self) -> bool {
        self.base_operator().is_some()
    }

    /// The operator of a compound assignment: `+=` → `+`.
    #[must_use]
    pub fn base_operator(&self) -> Option<Self> {
        Some(match self {
            Self::PlusAssign => Self::Plus,
            Self::MinusAssign => Self::Minus,
            Self::MultiplyAssign => Self::Multiply,
            Self::DivideAssign => Self::Divide,
            Self::LeftShiftAssign => Self::LeftShift,
            Self::RightShiftAssign => Self::RightShift,
            Self::AndAssign => Self::Ampersand,
            Self::OrAssign => Self::Pipe,
            Self::XOrAssign => Self::XOr,
            Self::ModuloAssign => Self::Modulo,
            Self::PowerOfAssign => Self::PowerOf,
            _ => return None,
        })
    }
}
