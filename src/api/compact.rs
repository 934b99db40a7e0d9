//! `Engine::compact_script`: a script re-emitted with its tokens only — no comments (but
//! doc-comments with feature `metadata`), no white space except where two tokens would
//! otherwise run together.

use crate::syntax::lexer::Lexer;
use crate::syntax::token::Token;
use crate::{Engine, ParseError, Position};

impl Engine {
    /// The script without comments and without white space between tokens (one space is kept
    /// where two tokens would otherwise read as one). The script must compile.
    pub fn compact_script(&self, script: impl AsRef<str>) -> Result<String, ParseError> {
        let script = script.as_ref();
        self.compile(script)?;
        let line_starts = line_starts(script);
        let mut lexer = Lexer::new(script);
        let mut out = String::with_capacity(script.len());
        let mut prev = String::new();
        let mut prev_end = 0;
        loop {
            let (token, pos) = lexer.next_token();
            match token {
                Token::EOF | Token::LexError(..) => break,
                // With metadata, doc-comments are part of the script's meaning.
                #[cfg(not(feature = "metadata"))]
                Token::Comment(..) => continue,
                _ => (),
            }
            // The rest of an interpolated string is placed at the `}` before it, which is
            // already written: a token's text never starts before the previous one ended.
            let begin = byte_offset(script, &line_starts, pos).max(prev_end);
            let source = &script[begin..lexer.offset()];
            let text = match token {
                Token::IntegerConstant(..) | Token::FloatConstant(..) => number_text(source),
                _ => source.to_string(),
            };
            // `()` written together is one token (the unit value); apart, two.
            let unit_apart = prev == "(" && text == ")" && begin > prev_end;
            if unit_apart || needs_space(&prev, &text) {
                out.push(' ');
            }
            out.push_str(&text);
            prev = text;
            prev_end = lexer.offset();
        }
        Ok(out)
    }
}

/// The byte offset where each line starts.
fn line_starts(script: &str) -> Vec<usize> {
    core::iter::once(0)
        .chain(script.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The byte offset of a (1-based line, 1-based character column) position.
fn byte_offset(script: &str, line_starts: &[usize], pos: Position) -> usize {
    let (Some(line), Some(column)) = (pos.line(), pos.position()) else {
        return script.len();
    };
    let start = line_starts.get(line - 1).copied().unwrap_or(script.len());
    script[start..]
        .char_indices()
        .nth(column - 1)
        .map_or(script.len(), |(i, _)| start + i)
}

/// A number as written, without digit separators, and `1.` written `1.0`.
fn number_text(source: &str) -> String {
    let mut text = source.replace('_', "");
    if text.ends_with('.') {
        text.push('0');
    }
    text
}

/// Would `prev` and `next`, written together, read as other tokens? Two words (names,
/// keywords, numbers) would merge; so would two symbols forming a longer symbol (`+ +` is
/// not `++`).
fn needs_space(prev: &str, next: &str) -> bool {
    let (Some(last), Some(first)) = (prev.chars().last(), next.chars().next()) else {
        return false;
    };
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    if is_word(last) || is_word(first) {
        return is_word(last) && is_word(first);
    }
    if matches!(last, '"' | '\'' | '`') || matches!(first, '"' | '\'' | '`') {
        return false;
    }
    let joined = format!("{prev}{next}");
    (prev.len() + 1..=joined.len().min(3)).any(|len| {
        joined.is_char_boundary(len) && {
            let candidate = &joined[..len];
            matches!(candidate, "++" | "--")
                || Token::lookup_symbol_from_syntax(candidate).is_some()
                || Token::is_reserved_keyword(candidate)
        }
    })
}
