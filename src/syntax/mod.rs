//! Source text to syntax tree: tokens, the lexer, the parser and their errors.

pub mod error;
pub(crate) mod lexer;
pub(crate) mod parser;
pub mod token;
