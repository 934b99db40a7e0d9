//! Feature `serde`: `Dynamic` both as a serde data format (`to_dynamic` / `from_dynamic`, through
//! `DynamicSerializer` / `DynamicDeserializer`) and as a serializable value (`Serialize` /
//! `Deserialize` for `Dynamic` and `Scope`). No intermediate format is involved.
//!
//! Errors are `Box<EvalAltResult>`, which implements serde's error traits:
//! - a value of the wrong kind is `ErrorMismatchDataType(expected, actual)`, the expectation in
//!   serde's words (`"struct Point"`, `"a string"`, `"u8"`) and the actual value by its script
//!   type name (`"string"`, `"i64"`, `"array"`, `"map"`, `"blob"`, …);
//! - a value of the right kind but unfit (an integer out of a target's range, a two-character
//!   string for a `char`) is `ErrorMismatchDataType(expected, description of the value)`;
//! - anything else serde or a `Serialize`/`Deserialize` implementation reports (a missing field,
//!   an unknown variant, a wrong tuple length) is `ErrorMismatchDataType("", message)`;
//! - an integer that does not fit in `INT` while building a `Dynamic` is `ErrorArithmetic`.

mod de;
mod deserialize;
mod scope;
mod ser;
mod serialize;

pub use de::{from_dynamic, DynamicDeserializer};
pub use ser::{to_dynamic, DynamicSerializer};

use crate::{EvalAltResult, Position, INT};
use core::fmt::Display;
use serde::de::{Expected, Unexpected};

/// An error with nothing more specific to say than serde's message.
fn message_error(msg: impl Display) -> Box<EvalAltResult> {
    EvalAltResult::ErrorMismatchDataType(String::new(), msg.to_string(), Position::NONE).into()
}

/// A type mismatch: what was expected, and what was found.
fn mismatch(expected: impl Display, actual: impl Display) -> Box<EvalAltResult> {
    EvalAltResult::ErrorMismatchDataType(expected.to_string(), actual.to_string(), Position::NONE)
        .into()
}

/// The message for an integer outside the range of `INT`.
fn overflow_message(value: impl Display) -> String {
    format!(
        "Integer overflow: {value} is out of range for {}",
        core::any::type_name::<INT>()
    )
}

/// An integer outside the range of `INT`.
fn overflow(value: impl Display) -> Box<EvalAltResult> {
    EvalAltResult::ErrorArithmetic(overflow_message(value), Position::NONE).into()
}

/// The script type name of the kind of value serde saw.
fn unexpected_type_name(unexpected: &Unexpected) -> String {
    match unexpected {
        Unexpected::Bool(..) => "bool".into(),
        Unexpected::Unsigned(..) | Unexpected::Signed(..) => core::any::type_name::<INT>().into(),
        Unexpected::Float(..) => core::any::type_name::<crate::FLOAT>().into(),
        Unexpected::Char(..) => "char".into(),
        Unexpected::Str(..) => "string".into(),
        Unexpected::Bytes(..) => "blob".into(),
        Unexpected::Unit => "()".into(),
        Unexpected::Seq => "array".into(),
        Unexpected::Map => "map".into(),
        Unexpected::Other(what) => (*what).into(),
        other => other.to_string(),
    }
}

impl serde::ser::Error for Box<EvalAltResult> {
    fn custom<T: Display>(msg: T) -> Self {
        message_error(msg)
    }
}

impl serde::de::Error for Box<EvalAltResult> {
    fn custom<T: Display>(msg: T) -> Self {
        message_error(msg)
    }
    fn invalid_type(unexpected: Unexpected, expected: &dyn Expected) -> Self {
        mismatch(expected, unexpected_type_name(&unexpected))
    }
    fn invalid_value(unexpected: Unexpected, expected: &dyn Expected) -> Self {
        mismatch(expected, unexpected)
    }
}
