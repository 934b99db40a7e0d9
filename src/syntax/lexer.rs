//! The lexer: script text → `(Token, Position)`.
//!
//! Positions are 1-based (line, column in characters). Back-tick strings with `${…}` are
//! returned in pieces: `InterpolatedString(text)` before each `${`, the tokens of the embedded
//! block, a `RightBrace` for the `}` that closes it, and finally `StringConstant(rest)`. The
//! lexer tracks brace depth inside each `${…}` to know which `}` that is.
//!
//! Invariant: every call consumes at least one character or returns `EOF`, so the lexer always
//! terminates; malformed input yields `Token::LexError`, never a panic.

use crate::syntax::error::LexError;
use crate::syntax::token::Token;
use crate::value::string::SmartString;
use crate::{Position, FLOAT, INT};

/// Doc-comments are tokens (kept for function metadata) only with the `metadata` feature;
/// otherwise they are ordinary comments.
const DOC_COMMENTS: bool = cfg!(feature = "metadata");

/// Turns script text into tokens.
pub struct Lexer<'a> {
    text: &'a str,
    /// Byte offset of the next character.
    at: usize,
    /// Position of the last character read.
    pos: Position,
    max_string_size: usize,
    /// One entry per open `${`: the depth of braces opened inside it.
    interpolations: Vec<usize>,
    /// After the `}` closing an interpolation: resume the back-tick string.
    resume_string: bool,
    /// The last token ends an operand, so a `-` after it is a binary operator; otherwise a
    /// `-` directly before a digit starts a negative number literal (`-3.abs()` is `3`).
    after_operand: bool,
}

impl<'a> Lexer<'a> {
    /// A lexer over `script` (a `#!` in it is a reserved symbol; file readers drop a shebang
    /// line before lexing).
    #[must_use]
    pub fn new(script: &'a str) -> Self {
        Self {
            text: script,
            at: 0,
            pos: Position::new(1, 0),
            max_string_size: 0,
            interpolations: Vec::new(),
            resume_string: false,
            after_operand: false,
        }
    }

    /// Limit the length of string literals (0 = unlimited).
    #[must_use]
    pub fn with_max_string_size(mut self, max: usize) -> Self {
        self.max_string_size = max;
        self
    }

    #[inline]
    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    /// The next `n` characters, if there are that many.
    fn peek_str(&self, n: usize) -> Option<&'a str> {
        let rest = &self.text[self.at..];
        let end = rest.char_indices().nth(n).map_or(rest.len(), |(i, _)| i);
        (rest[..end].chars().count() == n).then(|| &rest[..end])
    }

    #[inline]
    fn peek_nth(&self, n: usize) -> Option<char> {
        self.text[self.at..].chars().nth(n)
    }

    /// Consume one character, keeping the position.
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        if c == '\n' {
            self.pos.new_line();
        } else {
            self.pos.advance();
        }
        Some(c)
    }

    /// The position the next character will have.
    fn next_pos(&self) -> Position {
        let mut p = self.pos;
        p.advance();
        p
    }

    fn error(err: LexError, pos: Position) -> (Token, Position) {
        (Token::LexError(Box::new(err)), pos)
    }

    /// Skip white space and ordinary comments; return a doc-comment if one comes first.
    fn skip_trivia(&mut self) -> Option<(Token, Position)> {
        loop {
            match (self.peek(), self.peek_nth(1)) {
                (Some(c), _) if c.is_whitespace() => {
                    self.bump();
                }
                (Some('/'), Some('/')) => {
                    let start = self.next_pos();
                    let line_start = self.at;
                    while let Some(c) = self.peek() {
                        if c == '\n' {
                            break;
                        }
                        self.bump();
                    }
                    let text = &self.text[line_start..self.at];
                    let is_doc = (text.starts_with("///") && !text.starts_with("////"))
                        || text.starts_with("//!");
                    if is_doc && DOC_COMMENTS {
                        let text = text.strip_suffix('\r').unwrap_or(text);
                        return Some((Token::Comment(text.into()), start));
                    }
                }
                (Some('/'), Some('*')) => {
                    let start = self.next_pos();
                    let begin = self.at;
                    self.bump();
                    self.bump();
                    let mut depth = 1usize;
                    while depth > 0 {
                        match (self.bump(), self.peek()) {
                            (None, _) => break,
                            (Some('/'), Some('*')) => {
                                self.bump();
                                depth += 1;
                            }
                            (Some('*'), Some('/')) => {
                                self.bump();
                                depth -= 1;
                            }
                            _ => (),
                        }
                    }
                    let text = &self.text[begin..self.at];
                    if DOC_COMMENTS
                        && text.starts_with("/**")
                        && !text.starts_with("/***")
                        && text.len() > 4
                    {
                        return Some((Token::Comment(text.into()), start));
                    }
                }
                _ => return None,
            }
        }
    }

    /// The byte offset just past the last token read.
    #[must_use]
    pub(crate) const fn offset(&self) -> usize {
        self.at
    }

    /// The next token.
    pub(crate) fn next_token(&mut self) -> (Token, Position) {
        if self.resume_string {
            self.resume_string = false;
            // The rest of the string is placed at the `}` that closed the interpolation.
            let start = self.pos;
            return self.scan_backtick(start);
        }
        if let Some(doc) = self.skip_trivia() {
            return doc;
        }
        let start = self.next_pos();
        let Some(c) = self.peek() else {
            return (Token::EOF, self.next_pos());
        };
        match c {
            '0'..='9' => self.scan_number(start),
            '-' if !self.after_operand && self.peek_nth(1).is_some_and(|c| c.is_ascii_digit()) => {
                self.scan_number(start)
            }
            'a'..='z' | 'A'..='Z' | '_' => self.scan_word(start),
            '"' => {
                self.bump();
                self.scan_string(start)
            }
            '\'' => {
                self.bump();
                self.scan_char(start)
            }
            '`' => {
                self.bump();
                if matches!(self.peek(), Some('\n')) {
                    self.bump();
                } else if self.peek() == Some('\r') && self.peek_nth(1) == Some('\n') {
                    self.bump();
                    self.bump();
                }
                self.scan_backtick(start)
            }
            _ => self.scan_symbol(start),
        }
    }

    /// Integers (decimal, `0x`, `0o`, `0b`, with `_`) and floats (`1.5`, `1e10`, `2.5e-3`),
    /// with a leading `-` when the caller saw one in operand position. The number ends at the
    /// first character that cannot continue it (`1abc` is `1` then `abc`); a decimal integer
    /// too large for `INT` is a float.
    fn scan_number(&mut self, start: Position) -> (Token, Position) {
        let begin = self.at;
        if self.peek() == Some('-') {
            self.bump();
        }
        let radix = match (self.peek(), self.peek_nth(1)) {
            (Some('0'), Some('x' | 'X')) => 16,
            (Some('0'), Some('o' | 'O')) => 8,
            (Some('0'), Some('b' | 'B')) => 2,
            _ => 10,
        };
        if radix != 10 {
            self.bump();
            self.bump();
            while self.peek().is_some_and(|c| c == '_' || c.is_digit(radix)) {
                self.bump();
            }
            // The digits are what follows the first two characters, so a negative literal
            // (`-0x10`) is malformed, as in the published crate.
            let digits = &self.text[begin + 2..self.at];
            let clean: String = digits.chars().filter(|&c| c != '_').collect();
            return match u64::from_str_radix(&clean, radix) {
                Ok(n) => (Token::IntegerConstant(n as INT), start),
                Err(_) => Self::error(LexError::MalformedNumber(digits.into()), start),
            };
        }
        self.eat_digits();
        let mut is_float = false;
        // `1.5` and `123.` are floats; `1..2` (a range) and `1.abs()` (a method) are not.
        let after_dot = self.peek_nth(1);
        if self.peek() == Some('.')
            && !after_dot.is_some_and(|c| c == '.' || c == '_' || c.is_alphabetic())
        {
            is_float = true;
            self.bump();
            self.eat_digits();
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            match self.peek_nth(1) {
                Some('+' | '-') => {
                    is_float = true;
                    self.bump();
                    self.bump();
                    if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                        let text = &self.text[begin..self.at];
                        return Self::error(LexError::MalformedNumber(text.into()), start);
                    }
                    self.eat_digits();
                }
                Some(c) if c.is_ascii_digit() => {
                    is_float = true;
                    self.bump();
                    self.eat_digits();
                }
                _ => (),
            }
        }
        let text = &self.text[begin..self.at];
        let clean = if text.contains('_') {
            std::borrow::Cow::Owned(text.replace('_', ""))
        } else {
            std::borrow::Cow::Borrowed(text)
        };
        if !is_float {
            if let Ok(n) = clean.parse::<INT>() {
                return (Token::IntegerConstant(n), start);
            }
        }
        match clean.parse::<FLOAT>() {
            Ok(f) => (Token::FloatConstant(f), start),
            Err(_) => Self::error(LexError::MalformedNumber(text.into()), start),
        }
    }

    fn eat_digits(&mut self) {
        while self.peek().is_some_and(|c| c.is_ascii_digit() || c == '_') {
            self.bump();
        }
    }

    /// Identifiers, keywords and reserved words.
    fn scan_word(&mut self, start: Position) -> (Token, Position) {
        let begin = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            self.bump();
        }
        let word = &self.text[begin..self.at];
        if let Some(token) = Token::lookup_symbol_from_syntax(word) {
            return (token, start);
        }
        if Token::is_reserved_keyword(word) {
            return (Token::Reserved(word.into()), start);
        }
        (Token::Identifier(word.into()), start)
    }

    /// An escape sequence after `\` in a literal closed by `quote` (only that quote can be
    /// escaped). A bad sequence is reported with the characters read so far, at the last one.
    fn scan_escape(&mut self, quote: char, start: Position) -> Result<char, (Token, Position)> {
        let c = match self.bump() {
            None | Some('\n') => return Err(Self::error(LexError::UnterminatedString, start)),
            Some(c) => c,
        };
        let hex_digits = match c {
            'n' => return Ok('\n'),
            't' => return Ok('\t'),
            'r' => return Ok('\r'),
            '\\' => return Ok('\\'),
            c if c == quote => return Ok(c),
            'x' => 2,
            'u' => 4,
            'U' => 8,
            other => {
                let seq = format!("\\{other}");
                return Err(Self::error(
                    LexError::MalformedEscapeSequence(seq),
                    self.pos,
                ));
            }
        };
        let mut seq = String::from('\\');
        seq.push(c);
        let mut code = 0u32;
        for _ in 0..hex_digits {
            let Some(d) = self.bump() else {
                return Err(Self::error(LexError::UnterminatedString, start));
            };
            seq.push(d);
            let Some(digit) = d.to_digit(16) else {
                return Err(Self::error(
                    LexError::MalformedEscapeSequence(seq),
                    self.pos,
                ));
            };
            code = code * 16 + digit;
        }
        char::from_u32(code)
            .ok_or_else(|| Self::error(LexError::MalformedEscapeSequence(seq), self.pos))
    }

    fn check_len(&self, s: &str, start: Position) -> Option<(Token, Position)> {
        (self.max_string_size > 0 && s.len() > self.max_string_size)
            .then(|| Self::error(LexError::StringTooLong(self.max_string_size), start))
    }

    /// A `"…"` string (the opening quote is consumed).
    fn scan_string(&mut self, start: Position) -> (Token, Position) {
        let mut s = SmartString::new_const();
        let indent = start.position().unwrap_or(1);
        loop {
            match self.bump() {
                None | Some('\n') => return Self::error(LexError::UnterminatedString, start),
                Some('"') if self.peek() == Some('"') => {
                    self.bump();
                    s.push('"');
                }
                Some('"') => break,
                Some('\\') if matches!(self.peek(), Some('\n' | '\r')) => {
                    if self.peek() == Some('\r') {
                        self.bump();
                    }
                    self.bump();
                    let mut col = 0;
                    while col < indent && matches!(self.peek(), Some(' ' | '\t')) {
                        self.bump();
                        col += 1;
                    }
                }
                Some('\\') => match self.scan_escape('"', start) {
                    Ok(c) => s.push(c),
                    Err(e) => return e,
                },
                Some(c) => s.push(c),
            }
        }
        self.check_len(&s, start)
            .unwrap_or((Token::StringConstant(s), start))
    }

    /// A `'c'` character literal (the opening quote is consumed).
    fn scan_char(&mut self, start: Position) -> (Token, Position) {
        let c = match self.bump() {
            None | Some('\n') => return Self::error(LexError::UnterminatedString, start),
            Some('\'') => return Self::error(LexError::MalformedChar(String::new()), start),
            Some('\\') => match self.scan_escape('\'', start) {
                Ok(c) => c,
                Err(e) => return e,
            },
            Some(c) => c,
        };
        if self.peek() == Some('\'') {
            self.bump();
            return (Token::CharConstant(c), start);
        }
        let mut text = String::from(c);
        while let Some(n) = self.peek() {
            if n == '\'' || n == '\n' {
                break;
            }
            self.bump();
            text.push(n);
        }
        if self.peek() == Some('\'') {
            self.bump();
            return Self::error(LexError::MalformedChar(text), start);
        }
        Self::error(LexError::UnterminatedString, start)
    }

    /// The rest of a back-tick string: up to the closing back-tick or the next `${`.
    fn scan_backtick(&mut self, start: Position) -> (Token, Position) {
        let mut s = SmartString::new_const();
        loop {
            match self.bump() {
                None => return Self::error(LexError::UnterminatedString, start),
                Some('`') if self.peek() == Some('`') => {
                    self.bump();
                    s.push('`');
                }
                Some('`') => break,
                Some('$') if self.peek() == Some('{') => {
                    self.bump();
                    self.interpolations.push(0);
                    return self
                        .check_len(&s, start)
                        .unwrap_or((Token::InterpolatedString(s), start));
                }
                Some('\r') if self.peek() == Some('\n') => (),
                Some(c) => s.push(c),
            }
        }
        self.check_len(&s, start)
            .unwrap_or((Token::StringConstant(s), start))
    }

    /// Operators and punctuation: the longest symbol that matches.
    fn scan_symbol(&mut self, start: Position) -> (Token, Position) {
        if self.text[self.at..].starts_with("!in")
            && !self
                .peek_nth(3)
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            for _ in 0..3 {
                self.bump();
            }
            return (Token::NotIn, start);
        }
        for len in [3usize, 2, 1] {
            let Some(candidate) = self.peek_str(len) else {
                continue;
            };
            if candidate.starts_with(|c: char| c.is_ascii_alphabetic()) {
                continue;
            }
            let found = Token::lookup_symbol_from_syntax(candidate)
                .map(|t| (t, false))
                .or_else(|| {
                    Token::is_reserved_keyword(candidate)
                        .then(|| (Token::Reserved(candidate.into()), true))
                });
            if let Some((token, reserved)) = found {
                for _ in 0..len {
                    self.bump();
                }
                if let Some(message) = improper_symbol(candidate) {
                    let err = LexError::ImproperSymbol(candidate.into(), message.into());
                    return Self::error(err, start);
                }
                return if reserved {
                    (token, start)
                } else {
                    (self.track_braces(token), start)
                };
            }
        }
        let c = self.bump().unwrap_or(' ');
        Self::error(LexError::UnexpectedInput(c.to_string()), start)
    }

    /// Track braces inside `${…}`; the `}` closing one resumes the back-tick string next.
    fn track_braces(&mut self, token: Token) -> Token {
        if let Some(depth) = self.interpolations.last_mut() {
            match token {
                Token::LeftBrace | Token::MapStart => *depth += 1,
                Token::RightBrace if *depth == 0 => {
                    self.interpolations.pop();
                    self.resume_string = true;
                }
                Token::RightBrace => *depth -= 1,
                _ => (),
            }
        }
        token
    }
}

impl Iterator for Lexer<'_> {
    type Item = (Token, Position);

    fn next(&mut self) -> Option<Self::Item> {
        let (token, pos) = self.next_token();
        self.after_operand = ends_operand(&token);
        Some((token, pos))
    }
}

/// Can `token` end an operand? After one, `-` is binary; after anything else (an operator,
/// an opening bracket, a keyword such as `return`) a `-` before a digit is a negative number.
/// `switch`, `break` and `=>` count as operand ends, as in the published crate.
fn ends_operand(token: &Token) -> bool {
    matches!(
        token,
        Token::IntegerConstant(..)
            | Token::FloatConstant(..)
            | Token::CharConstant(..)
            | Token::StringConstant(..)
            | Token::Identifier(..)
            | Token::RightParen
            | Token::RightBracket
            | Token::RightBrace
            | Token::True
            | Token::False
            | Token::This
            | Token::Switch
            | Token::Break
            | Token::DoubleArrow
    )
}

/// Symbols of other languages that are errors here, with a hint.
fn improper_symbol(symbol: &str) -> Option<&'static str> {
    Some(match symbol {
        ":=" => "':=' is not a valid assignment operator. This is not Go or Pascal! Should it be simply '='?",
        ":;" => "':;' is not a valid symbol. Should it be '::'?",
        "===" => "'===' is not a valid operator. This is not JavaScript! Should it be '=='?",
        "!==" => "'!==' is not a valid operator. This is not JavaScript! Should it be '!='?",
        "->" => "'->' is not a valid symbol. This is not C or C++!",
        "<-" => "'<-' is not a valid symbol. This is not Go! Should it be '<='?",
        "::<" => "'::<>' is not a valid symbol. This is not Rust! Should it be '::'?",
        "(*" | "*)" => "'(* .. *)' is not a valid comment format. This is not Pascal! Should it be '/* .. */'?",
        _ => return None,
    })
}
