//! Feature `serde`: `Dynamic` both as a serde data format (`to_dynamic` / `from_dynamic`, through
//! `DynamicSerializer` / `DynamicDeserializer`) and as a serializable value (`Serialize` /
//! `Deserialize` for `Dynamic` and `Scope`). No intermediate format is involved.
//!
//! Errors are `Box<EvalAltResult>`, which implements serde's error traits, as published:
//! - reading a value of the wrong kind is `ErrorMismatchOutputType(expected, actual)`: the Rust
//!   type wanted (`"i64"`, `"String"`, `"Blob"`, `"Map"` for a struct, `"my::Enum"`…) and the
//!   value's type name (`"string"`, `"i64"`, `"array"`, `"map"`, …);
//! - anything serde or a `Deserialize` implementation reports (a missing field, an unknown
//!   variant, an integer out of a target's range) is
//!   `ErrorParsing(BadInput(ImproperSymbol("", message)))`;
//! - a `Serialize` implementation's own error is `ErrorRuntime(message)`; a map key that is not
//!   a string is `ErrorMismatchDataType("string", actual)`.

mod de;
mod deserialize;
mod scope;
mod ser;
mod serialize;

pub use de::{from_dynamic, DynamicDeserializer};
pub use ser::{to_dynamic, DynamicSerializer};

use crate::{EvalAltResult, LexError, ParseErrorType, Position, FLOAT, INT};
use core::fmt::Display;

/// A type mismatch while building a `Dynamic`: what was expected, and what was found.
fn mismatch(expected: impl Display, actual: impl Display) -> Box<EvalAltResult> {
    EvalAltResult::ErrorMismatchDataType(expected.to_string(), actual.to_string(), Position::NONE)
        .into()
}

/// An integer as a `Dynamic`: `INT` when it is not above `INT::MAX`, else a float. (As
/// published, a value below `INT::MIN` is truncated to its low bits.)
#[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
fn int_or_float(value: i128) -> crate::Dynamic {
    if value > i128::from(INT::MAX) {
        crate::Dynamic::from_float(value as FLOAT)
    } else {
        crate::Dynamic::from_int(value as INT)
    }
}

/// A `u64` as a `Dynamic`: `INT` when it fits, else (as published) a `Decimal` with feature
/// `decimal`, a float without.
#[allow(clippy::cast_precision_loss)]
fn from_u64(value: u64) -> crate::Dynamic {
    match INT::try_from(value) {
        Ok(n) => crate::Dynamic::from_int(n),
        #[cfg(feature = "decimal")]
        Err(_) => crate::Dynamic::from_decimal(value.into()),
        #[cfg(not(feature = "decimal"))]
        Err(_) => crate::Dynamic::from_float(value as FLOAT),
    }
}

impl serde::ser::Error for Box<EvalAltResult> {
    fn custom<T: Display>(msg: T) -> Self {
        EvalAltResult::ErrorRuntime(msg.to_string().into(), Position::NONE).into()
    }
}

impl serde::de::Error for Box<EvalAltResult> {
    fn custom<T: Display>(msg: T) -> Self {
        let symbol = LexError::ImproperSymbol(String::new(), msg.to_string());
        EvalAltResult::ErrorParsing(ParseErrorType::BadInput(symbol), Position::NONE).into()
    }
}
