//! STUB
#![allow(missing_docs, dead_code)]
use crate::syntax::token::Token;
use crate::Position;
pub struct Lexer<'a> {
    s: &'a str,
}
impl<'a> Lexer<'a> {
    pub fn new(s: &'a str) -> Self {
        Self { s }
    }
    pub fn with_max_string_size(self, _m: usize) -> Self {
        self
    }
}
impl Iterator for Lexer<'_> {
    type Item = (Token, Position);
    fn next(&mut self) -> Option<Self::Item> {
        Some((Token::EOF, Position::NONE))
    }
}
