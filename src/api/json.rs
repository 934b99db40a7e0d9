//! `Engine::parse_json`: JSON text into an object map, without the `serde` feature.

use crate::{Dynamic, Engine, EvalAltResult, ImmutableString, Map, Position};

/// A small recursive-descent JSON reader over characters, depth-limited.
struct Reader<'a> {
    chars: core::iter::Peekable<core::str::CharIndices<'a>>,
    text: &'a str,
    has_null: bool,
    depth: usize,
}

type Res<T> = Result<T, Box<EvalAltResult>>;

/// Deepest nesting accepted.
const MAX_DEPTH: usize = 256;

impl Reader<'_> {
    fn error(&mut self, what: &str) -> Box<EvalAltResult> {
        let at = self.chars.peek().map_or(self.text.len(), |(i, _)| *i);
        EvalAltResult::ErrorParsing(
            crate::ParseErrorType::BadInput(crate::LexError::MalformedNumber(format!(
                "invalid JSON at byte {at}: {what}"
            ))),
            Position::NONE,
        )
        .into()
    }

    fn skip_ws(&mut self) {
        while self.chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
            self.chars.next();
        }
    }

    fn expect(&mut self, ch: char) -> Res<()> {
        self.skip_ws();
        match self.chars.next() {
            Some((_, c)) if c == ch => Ok(()),
            _ => Err(self.error(&format!("expected '{ch}'"))),
        }
    }

    fn value(&mut self) -> Res<Dynamic> {
        self.skip_ws();
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        let result = match self.chars.peek().map(|(_, c)| *c) {
            Some('{') => self.object().map(Dynamic::from_map),
            Some('[') => self.array(),
            Some('"') => self.string().map(Dynamic::from),
            Some('t') => self.word("true", Dynamic::TRUE),
            Some('f') => self.word("false", Dynamic::FALSE),
            Some('n') if self.has_null => self.word("null", Dynamic::UNIT),
            Some(c) if c == '-' || c.is_ascii_digit() => self.number(),
            _ => Err(self.error("expected a value")),
        };
        self.depth -= 1;
        result
    }

    fn word(&mut self, word: &str, value: Dynamic) -> Res<Dynamic> {
        for expected in word.chars() {
            match self.chars.next() {
                Some((_, c)) if c == expected => (),
                _ => return Err(self.error(&format!("expected '{word}'"))),
            }
        }
        Ok(value)
    }

    fn number(&mut self) -> Res<Dynamic> {
        let start = self.chars.peek().map_or(0, |(i, _)| *i);
        let mut end = start;
        while let Some((i, c)) = self.chars.peek().copied() {
            if c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E') {
                end = i + c.len_utf8();
                self.chars.next();
            } else {
                break;
            }
        }
        let text = &self.text[start..end];
        if let Ok(n) = text.parse::<crate::INT>() {
            return Ok(Dynamic::from_int(n));
        }
        text.parse::<crate::FLOAT>()
            .map(Dynamic::from_float)
            .map_err(|_| self.error("bad number"))
    }

    fn string(&mut self) -> Res<ImmutableString> {
        self.expect('"')?;
        let mut s = String::new();
        loop {
            match self.chars.next() {
                Some((_, '"')) => return Ok(s.into()),
                Some((_, '\\')) => {
                    let c = match self.chars.next() {
                        Some((_, 'n')) => '\n',
                        Some((_, 't')) => '\t',
                        Some((_, 'r')) => '\r',
                        Some((_, 'b')) => '\u{8}',
                        Some((_, 'f')) => '\u{c}',
                        Some((_, 'u')) => self.unicode()?,
                        Some((_, c)) => c,
                        None => return Err(self.error("unterminated string")),
                    };
                    s.push(c);
                }
                Some((_, c)) => s.push(c),
                None => return Err(self.error("unterminated string")),
            }
        }
    }

    fn unicode(&mut self) -> Res<char> {
        let mut code = 0u32;
        for _ in 0..4 {
            match self.chars.next().and_then(|(_, c)| c.to_digit(16)) {
                Some(d) => code = code * 16 + d,
                None => return Err(self.error("bad \\u escape")),
            }
        }
        Ok(char::from_u32(code).unwrap_or('\u{fffd}'))
    }

    fn array(&mut self) -> Res<Dynamic> {
        self.expect('[')?;
        let mut items = crate::Array::new();
        self.skip_ws();
        if self.chars.peek().is_some_and(|(_, c)| *c == ']') {
            self.chars.next();
            return Ok(Dynamic::from_array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_ws();
            match self.chars.next() {
                Some((_, ',')) => (),
                Some((_, ']')) => return Ok(Dynamic::from_array(items)),
                _ => return Err(self.error("expected ',' or ']'")),
            }
        }
    }

    fn object(&mut self) -> Res<Map> {
        self.expect('{')?;
        let mut map = Map::new();
        self.skip_ws();
        if self.chars.peek().is_some_and(|(_, c)| *c == '}') {
            self.chars.next();
            return Ok(map);
        }
        loop {
            self.skip_ws();
            let key = self.string()?;
            self.expect(':')?;
            let value = self.value()?;
            map.insert(key.as_str().into(), value);
            self.skip_ws();
            match self.chars.next() {
                Some((_, ',')) => (),
                Some((_, '}')) => return Ok(map),
                _ => return Err(self.error("expected ',' or '}'")),
            }
        }
    }
}

impl Engine {
    /// Parse a JSON object into an object map. With `has_null`, `null` becomes `()`;
    /// without it, `null` is an error.
    pub fn parse_json(
        &self,
        json: impl AsRef<str>,
        has_null: bool,
    ) -> Result<Map, Box<EvalAltResult>> {
        let text = json.as_ref();
        let mut reader = Reader {
            chars: text.char_indices().peekable(),
            text,
            has_null,
            depth: 0,
        };
        let map = reader.object()?;
        reader.skip_ws();
        if reader.chars.peek().is_some() {
            return Err(reader.error("trailing text"));
        }
        Ok(map)
    }
}
