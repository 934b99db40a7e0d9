//! `Engine::parse_json`: JSON text into an object map.
//!
//! Like the published crate, the text is read as a script expression in which `{` opens an
//! object map and `null` is `()` (when allowed): what the script parser accepts is accepted
//! (trailing commas, characters, even arithmetic), its errors are the errors, and the value
//! must come out as a map. The text is rewritten (`{` → `#{`, `null` → `()  `) and error
//! positions are mapped back to the original text.

use crate::{Dynamic, Engine, EvalAltResult, Map, ParseError, Position};

/// JSON text rewritten as a script expression, with the columns where a `#` was inserted.
struct JsonScript {
    text: String,
    /// (line, column in the rewritten text) of every inserted `#`.
    inserted: Vec<(usize, usize)>,
    /// Where a map key is a bare word (JSON keys must be strings), if anywhere.
    bare_key: Option<Position>,
    /// Where a `null` stands when it is not allowed, if anywhere.
    null_refused: Option<Position>,
}

impl JsonScript {
    fn new(json: &str, has_null: bool) -> Self {
        let mut text = String::with_capacity(json.len() + 16);
        let mut inserted = Vec::new();
        let (mut line, mut col) = (1, 0);
        let mut quote: Option<char> = None;
        let mut escaped = false;
        let mut nesting = Vec::new();
        let mut expect_key = false;
        let mut bare_key = None;
        let mut null_refused = None;
        let mut chars = json.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            col += 1;
            if quote.is_none() && !c.is_whitespace() {
                if expect_key && (c.is_alphabetic() || c == '_') && bare_key.is_none() {
                    let shifted = inserted.iter().filter(|&&(l, _)| l == line).count();
                    bare_key = Some(position_at(line, col - shifted));
                }
                expect_key = match c {
                    '{' | '[' => {
                        nesting.push(c);
                        c == '{'
                    }
                    '}' | ']' => {
                        nesting.pop();
                        false
                    }
                    ',' => nesting.last() == Some(&'{'),
                    _ => false,
                };
            }
            match quote {
                Some(q) => {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == q {
                        quote = None;
                    }
                }
                None if c == '"' || c == '\'' || c == '`' => quote = Some(c),
                None if c == '{' => {
                    inserted.push((line, col));
                    text.push('#');
                    col += 1;
                }
                None if json[i..].starts_with("null") && is_word_start(json, i) => {
                    let after = json[i + 4..].chars().next();
                    if !has_null && !after.is_some_and(is_word_char) && null_refused.is_none() {
                        let shifted = inserted.iter().filter(|&&(l, _)| l == line).count();
                        null_refused = Some(position_at(line, col - shifted));
                    } else if !after.is_some_and(is_word_char) {
                        text.push_str("()  ");
                        col += 3;
                        for _ in 0..3 {
                            chars.next();
                        }
                        continue;
                    }
                }
                None => (),
            }
            if c == '\n' {
                (line, col) = (line + 1, 0);
            }
            text.push(c);
        }
        Self {
            text,
            inserted,
            bare_key,
            null_refused,
        }
    }

    /// A position in the rewritten text as a position in the original.
    fn original(&self, pos: Position) -> Position {
        let (Some(line), Some(col)) = (pos.line(), pos.position()) else {
            return pos;
        };
        let shift = self
            .inserted
            .iter()
            .filter(|&&(l, c)| l == line && c < col)
            .count();
        position_at(line, col - shift)
    }
}

fn position_at(line: usize, col: usize) -> Position {
    let to_u16 = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    Position::new(to_u16(line), to_u16(col))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_word_start(text: &str, i: usize) -> bool {
    !text[..i].chars().next_back().is_some_and(is_word_char)
}

impl Engine {
    /// Parse a JSON object into an object map. With `has_null`, `null` becomes `()`;
    /// without it, `null` is an unknown variable.
    pub fn parse_json(
        &self,
        json: impl AsRef<str>,
        has_null: bool,
    ) -> Result<Map, Box<EvalAltResult>> {
        let script = JsonScript::new(json.as_ref(), has_null);
        if let Some(pos) = script.null_refused {
            let err = crate::LexError::ImproperSymbol("null".into(), String::new());
            return Err(EvalAltResult::ErrorParsing(err.into(), pos).into());
        }
        if let Some(pos) = script.bare_key {
            return Err(
                EvalAltResult::ErrorParsing(crate::ParseErrorType::PropertyExpected, pos).into(),
            );
        }
        let ast = self
            .compile_expression(&script.text)
            .map_err(|ParseError(err, pos)| {
                Box::new(EvalAltResult::ErrorParsing(*err, script.original(pos)))
            })?;
        let value = self.eval_ast::<Dynamic>(&ast).map_err(|mut err| {
            let pos = script.original(err.position());
            err.set_position(pos);
            err
        })?;
        let actual = value.type_name();
        value.try_cast::<Map>().ok_or_else(|| {
            let actual = self.map_type_name(actual).into();
            EvalAltResult::ErrorMismatchOutputType("map".into(), actual, Position::NONE).into()
        })
    }
}
