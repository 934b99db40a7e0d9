//! Text forms of values as scripts see them: `print`, `to_string`, interpolation and string
//! concatenation use the display text; `debug` and `to_debug` the debug text. Inside arrays
//! and maps every element takes its debug text (so characters show bare, strings quoted).
//! Custom types go through their registered `to_string` / `to_debug` functions.

use super::{EResult, Interp};
use crate::value::dynamic::Union;
use crate::value::fmt::write_container_text;
use crate::{Dynamic, ImmutableString, Position};

impl Interp<'_> {
    /// The display text of a value (`print`, `to_string`, interpolation, `+` on strings).
    pub(crate) fn display_string(
        &mut self,
        value: Dynamic,
        pos: Position,
    ) -> EResult<ImmutableString> {
        let value = value.flatten();
        match &value.0 {
            Union::Str(s, ..) => Ok(s.clone()),
            Union::Variant(..) => self.custom_text(&value, false, pos),
            Union::Array(..) | Union::Map(..) => self.container_text(&value, pos),
            _ => Ok(value.to_string().into()),
        }
    }

    /// The debug text of a value (`debug`, `to_debug`).
    pub(crate) fn debug_string(
        &mut self,
        value: Dynamic,
        pos: Position,
    ) -> EResult<ImmutableString> {
        let value = value.flatten();
        match &value.0 {
            Union::Variant(..) => self.custom_text(&value, true, pos),
            Union::Array(..) | Union::Map(..) => self.container_text(&value, pos),
            Union::Char(c, ..) => Ok(c.to_string().into()),
            Union::FnPtr(p, ..) => Ok(p.to_string().into()),
            _ => Ok(format!("{value:?}").into()),
        }
    }

    /// The text of a custom type: its `to_debug` for the debug text, its `to_string` for the
    /// display text (never the other one), else (ranges aside, which show as ranges) its
    /// type's script name.
    fn custom_text(
        &mut self,
        value: &Dynamic,
        debug: bool,
        pos: Position,
    ) -> EResult<ImmutableString> {
        let name = if debug {
            crate::FUNC_TO_DEBUG
        } else {
            crate::FUNC_TO_STRING
        };
        if let Some(v) = self.try_call_exact_native(name, &mut [value.clone()], pos)? {
            return Ok(v.into_immutable_string().unwrap_or_default());
        }
        if crate::packages::iter_basic::range_bounds(value).is_some() {
            return Ok(value.to_string().into());
        }
        Ok(self.engine.map_type_name(value.type_name()).into())
    }

    /// `[a, b]` / `#{"k": v}` with every element in its debug text.
    pub(crate) fn container_text(
        &mut self,
        value: &Dynamic,
        pos: Position,
    ) -> EResult<ImmutableString> {
        let mut text = String::new();
        write_container_text(&mut text, value, 0, &mut |v| self.custom_text(v, true, pos))?;
        Ok(text.into())
    }
}
