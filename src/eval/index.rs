//! Indexing and properties on values: arrays, maps, strings, integers as bit-fields, BLOBs,
//! and custom types through registered indexers and property getters/setters.
//!
//! The mutable accessors hand the caller either a reference into the container (`Child::Ref`)
//! or a computed value (`Child::Temp`) together with how to write it back afterwards (a
//! character into a string, bits into an integer, a setter or indexer call on a custom type).

use super::expr::readable;
use super::{EResult, Flow, Interp};
use crate::ast::PropertyRef;
use crate::config::Shared;
use crate::value::dynamic::{AccessMode, Union};
use crate::{Dynamic, EvalAltResult, ImmutableString, Position, Scope, INT};

/// Number of bits in `INT`.
const INT_BITS: usize = INT::BITS as usize;

/// A position from an index that may count from the end (negative); `None` if out of bounds.
#[inline]
pub(crate) fn normalize_index(index: INT, len: usize) -> Option<usize> {
    if index >= 0 {
        let i = usize::try_from(index).ok()?;
        (i < len).then_some(i)
    } else {
        let back = usize::try_from(index.unsigned_abs()).ok()?;
        len.checked_sub(back)
    }
}

/// The character that `s[index] = c` replaces: none when out of bounds; inside, `Some(None)`
/// for nothing to replace. The published crate counts a negative index `-k` as position `k`
/// from the start (unlike reading, which counts from the end), writing nothing when `k` is the
/// length.
fn string_write_index(index: INT, len: usize) -> Option<Option<usize>> {
    if index >= 0 {
        return normalize_index(index, len).map(Some);
    }
    let k = usize::try_from(index.unsigned_abs()).ok()?;
    (k <= len).then(|| (k < len).then_some(k))
}

/// How to write a computed child back into its parent.
enum WriteBack {
    None,
    Char(usize),
    Bit(usize),
    Bits(usize, usize),
    Indexer(Dynamic),
    Setter(ImmutableString),
}

/// A child of a value: a place inside it, or a computed value.
enum Child<'t> {
    Ref(&'t mut Dynamic),
    Temp(Dynamic, WriteBack),
}

/// A range index `a..b` / `a..=b` as start and exclusive end.
fn as_range(index: &Dynamic) -> Option<(INT, INT)> {
    crate::packages::iter_basic::range_bounds(index)
}

/// Where an indexing is written: its `[` and its index expression (whose position is only
/// looked up for an error).
#[derive(Clone, Copy)]
pub(crate) struct IndexAt<'a> {
    pub bracket: Position,
    pub index: &'a crate::ast::Expr,
}

impl IndexAt<'_> {
    /// The position of the index expression.
    fn index_pos(self) -> Position {
        self.index.position()
    }
}

impl Interp<'_> {
    /// `T [I]`: the target type has no indexer at all.
    #[cold]
    fn not_indexable(&self, target: &Dynamic, index: &Dynamic, pos: Position) -> Flow {
        let name = |v: &Dynamic| self.engine.map_type_name(v.type_name()).to_string();
        EvalAltResult::ErrorIndexingType(format!("{} [{}]", name(target), name(index)), pos).into()
    }

    /// `T [I] = V`: the target type has no indexer to assign through.
    #[cold]
    pub(super) fn not_index_settable(
        &self,
        target: &Dynamic,
        index: &Dynamic,
        value: &Dynamic,
        pos: Position,
    ) -> Flow {
        let name = |v: &Dynamic| self.engine.map_type_name(v.type_name()).to_string();
        let text = format!("{} [{}] = {}", name(target), name(index), name(value));
        EvalAltResult::ErrorIndexingType(text, pos).into()
    }

    /// An index of the wrong type for an indexable built-in value.
    #[cold]
    fn bad_index_type(&self, target: &Dynamic, index: &Dynamic, pos: Position) -> Flow {
        let expected = if target.is_map() { "string" } else { "i64" };
        EvalAltResult::ErrorMismatchDataType(expected.into(), index.type_name().into(), pos).into()
    }

    /// Give `f` mutable access to `target[index]`, writing computed children back.
    pub(super) fn with_indexed_mut(
        &mut self,
        scope: &mut Scope,
        target: &mut Dynamic,
        index: Dynamic,
        at: IndexAt<'_>,
        f: impl FnOnce(&mut Self, &mut Scope, &mut Dynamic) -> EResult,
    ) -> EResult {
        let constant = target.access_mode() == AccessMode::ReadOnly;
        match self.index_child(target, index, at)? {
            Child::Ref(child) if constant => with_read_only(child, |child| f(self, scope, child)),
            Child::Ref(child) => f(self, scope, child),
            Child::Temp(mut value, back) => {
                let result = f(self, scope, &mut value)?;
                self.write_back(target, value, back, at)?;
                Ok(result)
            }
        }
    }

    /// Read `target[index]`.
    pub(crate) fn index_get(
        &mut self,
        target: &Dynamic,
        index: &Dynamic,
        at: IndexAt<'_>,
    ) -> EResult {
        match (&target.0, &index.0) {
            (Union::Array(array, ..), Union::Int(i, ..)) => {
                match normalize_index(*i, array.len()) {
                    Some(n) => Ok(readable(&array[n])),
                    None => {
                        Err(EvalAltResult::ErrorArrayBounds(array.len(), *i, at.index_pos()).into())
                    }
                }
            }
            (Union::Map(map, ..), Union::Str(key, ..)) => match map.get(key.as_str()) {
                Some(v) => Ok(readable(v)),
                None => self.missing_property(key, at.index_pos()),
            },
            (Union::Str(s, ..), Union::Int(i, ..)) => {
                let len = s.char_len();
                match normalize_index(*i, len).and_then(|n| s.chars().nth(n)) {
                    Some(c) => Ok(Dynamic::from_char(c)),
                    None => Err(EvalAltResult::ErrorStringBounds(len, *i, at.index_pos()).into()),
                }
            }
            (Union::Blob(blob, ..), Union::Int(i, ..)) => match normalize_index(*i, blob.len()) {
                Some(n) => Ok(Dynamic::from_int(INT::from(blob[n]))),
                None => Err(EvalAltResult::ErrorArrayBounds(blob.len(), *i, at.index_pos()).into()),
            },
            (Union::Int(n, ..), Union::Int(i, ..)) => {
                let bit = bit_index(*i).ok_or_else(|| {
                    EvalAltResult::ErrorBitFieldBounds(INT_BITS, *i, at.index_pos())
                })?;
                Ok(Dynamic::from_bool(n & (1 << bit) != 0))
            }
            (Union::Shared(..), _) => {
                let inner = target.flatten_clone();
                self.index_get(&inner, index, at)
            }
            (Union::Str(..) | Union::Int(..), _) if as_range(index).is_some() => {
                self.index_get_range(target, index, at.index_pos())
            }
            (Union::Variant(..), _) => self.indexer_get(target.clone(), index.clone(), at.bracket),
            (
                Union::Array(..)
                | Union::Map(..)
                | Union::Str(..)
                | Union::Int(..)
                | Union::Blob(..),
                _,
            ) => Err(self.bad_index_type(target, index, at.index_pos())),
            _ => Err(self.not_indexable(target, index, at.bracket)),
        }
    }

    /// `target[a..b]` on strings (sub-string) and integers (bits).
    fn index_get_range(&mut self, target: &Dynamic, index: &Dynamic, pos: Position) -> EResult {
        let Some((start, end)) = as_range(index) else {
            return Err(self.bad_index_type(target, index, pos));
        };
        let clamp = |len: usize| -> (usize, usize) {
            let s = usize::try_from(start.max(0)).unwrap_or(usize::MAX).min(len);
            let e = usize::try_from(end.max(0)).unwrap_or(usize::MAX).min(len);
            (s, e.max(s))
        };
        Ok(match &target.0 {
            Union::Str(s, ..) => {
                let (a, b) = clamp(s.char_len());
                Dynamic::from(s.chars().skip(a).take(b - a).collect::<ImmutableString>())
            }
            Union::Int(n, ..) => {
                let (a, b) = clamp(INT_BITS);
                Dynamic::from_int(extract_bits(*n, a, b))
            }
            _ => return Err(self.bad_index_type(target, index, pos)),
        })
    }

    /// A mutable child of `target` at `index`.
    fn index_child<'t>(
        &mut self,
        target: &'t mut Dynamic,
        index: Dynamic,
        at: IndexAt<'_>,
    ) -> EResult<Child<'t>> {
        match (&target.0, &index.0) {
            (Union::Array(..), Union::Int(..)) | (Union::Map(..), Union::Str(..)) => {
                self.container_child(target, index, at)
            }
            (Union::Str(..) | Union::Blob(..), Union::Int(i, ..)) => {
                let i = *i;
                let value = self.index_get(target, &index, at)?;
                let n = normalize_index(i, value_len(target)).unwrap_or(0);
                Ok(Child::Temp(value, WriteBack::Char(n)))
            }
            (Union::Int(..), Union::Int(i, ..)) => {
                let bit = bit_index(*i).ok_or_else(|| {
                    EvalAltResult::ErrorBitFieldBounds(INT_BITS, *i, at.index_pos())
                })?;
                let value = self.index_get(target, &index, at)?;
                Ok(Child::Temp(value, WriteBack::Bit(bit)))
            }
            (Union::Int(..), _) if as_range(&index).is_some() => {
                let value = self.index_get(target, &index, at)?;
                let (a, b) = as_range(&index).unwrap_or((0, 0));
                let a = usize::try_from(a.max(0)).unwrap_or(0).min(INT_BITS);
                let b = usize::try_from(b.max(0)).unwrap_or(0).min(INT_BITS);
                Ok(Child::Temp(value, WriteBack::Bits(a, b.max(a))))
            }
            (Union::Variant(..), _) => {
                let value = self.indexer_get(target.clone(), index.clone(), at.bracket)?;
                Ok(Child::Temp(value, WriteBack::Indexer(index)))
            }
            _ => {
                let value = self.index_get(target, &index, at)?;
                Ok(Child::Temp(value, WriteBack::None))
            }
        }
    }

    /// A place inside an array or map (copy-on-write: the container is un-shared first).
    fn container_child<'t>(
        &mut self,
        target: &'t mut Dynamic,
        index: Dynamic,
        at: IndexAt<'_>,
    ) -> EResult<Child<'t>> {
        if let Union::Map(map, ..) = &target.0 {
            let key = index.clone().into_immutable_string().unwrap_or_default();
            if !map.contains_key(key.as_str()) {
                return Ok(Child::Temp(
                    self.missing_property(&key, at.index_pos())?,
                    WriteBack::None,
                ));
            }
        }
        match (&mut target.0, &index.0) {
            (Union::Array(array, ..), Union::Int(i, ..)) => {
                let len = array.len();
                match normalize_index(*i, len) {
                    Some(n) => Ok(Child::Ref(&mut Shared::make_mut(array)[n])),
                    None => Err(EvalAltResult::ErrorArrayBounds(len, *i, at.index_pos()).into()),
                }
            }
            (Union::Map(map, ..), Union::Str(key, ..)) => {
                match Shared::make_mut(map).get_mut(key.as_str()) {
                    Some(v) => Ok(Child::Ref(v)),
                    None => Ok(Child::Temp(Dynamic::UNIT, WriteBack::None)),
                }
            }
            _ => Ok(Child::Temp(Dynamic::UNIT, WriteBack::None)),
        }
    }

    fn write_back(
        &mut self,
        target: &mut Dynamic,
        value: Dynamic,
        back: WriteBack,
        at: IndexAt<'_>,
    ) -> EResult<()> {
        let pos = at.bracket;
        match back {
            WriteBack::None => Ok(()),
            WriteBack::Char(n) => {
                self.index_set(target, Dynamic::from_int(n as INT), value, at, pos)
            }
            WriteBack::Bit(bit) => {
                self.index_set(target, Dynamic::from_int(bit as INT), value, at, pos)
            }
            WriteBack::Bits(a, b) => {
                if let (Union::Int(n, ..), Ok(v)) = (&mut target.0, value.as_int()) {
                    *n = insert_bits(*n, a, b, v);
                }
                Ok(())
            }
            WriteBack::Indexer(index) => self.indexer_set(target, index, value, pos),
            WriteBack::Setter(name) => self.setter_call(target, &name, value, pos),
        }
    }

    /// `target[index] = value`; `op_pos` is where the assignment is written.
    pub(crate) fn index_set(
        &mut self,
        target: &mut Dynamic,
        index: Dynamic,
        value: Dynamic,
        at: IndexAt<'_>,
        op_pos: Position,
    ) -> EResult<()> {
        let constant = target.access_mode() == AccessMode::ReadOnly;
        let mut value = value.flatten();
        value.set_access_mode(AccessMode::ReadWrite);
        match (&mut target.0, &index.0) {
            (Union::Array(array, ..), Union::Int(i, ..)) => {
                let len = array.len();
                match normalize_index(*i, len) {
                    Some(_) if constant => Err(assign_to_constant(at.bracket)),
                    Some(n) => {
                        Shared::make_mut(array)[n] = value;
                        Ok(())
                    }
                    None => Err(EvalAltResult::ErrorArrayBounds(len, *i, at.index_pos()).into()),
                }
            }
            (Union::Map(..), Union::Str(..)) if constant => Err(assign_to_constant(at.bracket)),
            // Unlike a property assignment, this is not checked against the map size limit.
            (Union::Map(map, ..), Union::Str(key, ..)) => {
                Shared::make_mut(map).insert(key.as_str().into(), value);
                Ok(())
            }
            (Union::Str(s, ..), Union::Int(i, ..)) => {
                let len = s.char_len();
                let Some(target) = string_write_index(*i, len) else {
                    return Err(EvalAltResult::ErrorStringBounds(len, *i, at.index_pos()).into());
                };
                let c = value
                    .as_char()
                    .map_err(|t| self.type_mismatch("char", t, op_pos))?;
                let Some(n) = target else {
                    return Ok(());
                };
                *s = s
                    .chars()
                    .enumerate()
                    .map(|(k, x)| if k == n { c } else { x })
                    .collect();
                Ok(())
            }
            (Union::Str(s, ..), _) if as_range(&index).is_some() => {
                let (a, b) = as_range(&index).unwrap_or((0, 0));
                let len = s.char_len();
                let a = usize::try_from(a.max(0)).unwrap_or(0).min(len);
                let b = usize::try_from(b.max(0)).unwrap_or(0).min(len).max(a);
                // A character replaces the span as a one-character string.
                let insert = match value.as_char() {
                    Ok(c) => ImmutableString::from(c.to_string()),
                    Err(_) => value
                        .into_immutable_string()
                        .map_err(|t| self.type_mismatch("string", t, op_pos))?,
                };
                let mut text = String::with_capacity(s.len() + insert.len());
                text.extend(s.chars().take(a));
                text.push_str(&insert);
                text.extend(s.chars().skip(b));
                *s = text.into();
                Ok(())
            }
            (Union::Blob(blob, ..), Union::Int(i, ..)) => {
                let len = blob.len();
                let Some(n) = normalize_index(*i, len) else {
                    return Err(EvalAltResult::ErrorArrayBounds(len, *i, at.index_pos()).into());
                };
                let v = value
                    .as_int()
                    .map_err(|t| self.type_mismatch("INT", t, op_pos))?;
                Shared::make_mut(blob)[n] = (v & 0xff) as u8;
                Ok(())
            }
            (Union::Int(n, ..), Union::Int(i, ..)) => {
                let bit = bit_index(*i).ok_or_else(|| {
                    EvalAltResult::ErrorBitFieldBounds(INT_BITS, *i, at.index_pos())
                })?;
                let on = value
                    .as_bool()
                    .map_err(|t| self.type_mismatch("bool", t, op_pos))?;
                if on {
                    *n |= 1 << bit;
                } else {
                    *n &= !(1 << bit);
                }
                Ok(())
            }
            (Union::Int(n, ..), _) if as_range(&index).is_some() => {
                let (a, b) = as_range(&index).unwrap_or((0, 0));
                let a = usize::try_from(a.max(0)).unwrap_or(0).min(INT_BITS);
                let b = usize::try_from(b.max(0)).unwrap_or(0).min(INT_BITS).max(a);
                let v = value
                    .as_int()
                    .map_err(|t| self.type_mismatch("integer", t, op_pos))?;
                *n = insert_bits(*n, a, b, v);
                Ok(())
            }
            (Union::Variant(..), _) => self.indexer_set(target, index, value, at.bracket),
            (
                Union::Array(..)
                | Union::Map(..)
                | Union::Str(..)
                | Union::Blob(..)
                | Union::Int(..),
                _,
            ) => Err(self.bad_index_type(target, &index, at.index_pos())),
            _ => Err(self.not_index_settable(target, &index, &value, at.bracket)),
        }
    }

    /// Custom-type indexer get: `index$get$(target, index)`.
    fn indexer_get(&mut self, mut target: Dynamic, index: Dynamic, pos: Position) -> EResult {
        let mut index = index;
        match self.try_call_native_ref("index$get$", &mut target, &mut index, pos)? {
            Some(v) => Ok(v),
            None => Err(self.not_indexable(&target, &index, pos)),
        }
    }

    /// Custom-type indexer set: `index$set$(target, index, value)`.
    fn indexer_set(
        &mut self,
        target: &mut Dynamic,
        index: Dynamic,
        value: Dynamic,
        pos: Position,
    ) -> EResult<()> {
        let mut args = [index, value];
        match self.try_call_native_ref3("index$set$", target, &mut args, pos)? {
            Some(_) => Ok(()),
            None => Err(self.not_index_settable(target, &args[0], &args[1], pos)),
        }
    }

    /// Read `target.prop`.
    pub(crate) fn property_get(
        &mut self,
        target: &mut Dynamic,
        prop: &PropertyRef,
        pos: Position,
    ) -> EResult {
        if let Union::Map(map, ..) = &target.0 {
            return match map.get(prop.name.as_str()) {
                Some(v) => Ok(readable(v)),
                None => self.missing_property(&prop.name, pos),
            };
        }
        let getter = format!("get${}", prop.name);
        let mut unit = Dynamic::UNIT;
        if let Some(v) = self.try_call_native_getter(&getter, target, pos)? {
            return Ok(v);
        }
        let _ = &mut unit;
        if target.is_variant() {
            let mut key = Dynamic::from(prop.name.clone());
            if let Some(v) = self.try_call_native_ref("index$get$", target, &mut key, pos)? {
                return Ok(v);
            }
        }
        Err(self.unknown_property(target, &prop.name, pos))
    }

    fn unknown_property(&self, target: &Dynamic, name: &str, pos: Position) -> crate::eval::Flow {
        EvalAltResult::ErrorDotExpr(
            format!(
                "Unknown property '{name}' - a getter is not registered for type '{}'",
                self.engine.map_type_name(target.type_name())
            ),
            pos,
        )
        .into()
    }

    /// `target.prop = value`.
    /// `target.prop = value`; `op_pos` is where the assignment is written.
    pub(crate) fn property_set(
        &mut self,
        target: &mut Dynamic,
        prop: &PropertyRef,
        value: Dynamic,
        (pos, op_pos): (Position, Position),
    ) -> EResult<()> {
        if target.is_map() && target.access_mode() == AccessMode::ReadOnly {
            return Err(assign_to_constant(pos));
        }
        let mut value = value.flatten();
        value.set_access_mode(AccessMode::ReadWrite);
        if let Union::Map(map, ..) = &mut target.0 {
            let map = Shared::make_mut(map);
            map.insert(prop.name.as_str().into(), value);
            let len = map.len();
            return self.check_map_size(len, op_pos);
        }
        self.setter_call(target, &prop.name, value, pos)
    }

    fn setter_call(
        &mut self,
        target: &mut Dynamic,
        name: &str,
        value: Dynamic,
        pos: Position,
    ) -> EResult<()> {
        let setter = format!("set${name}");
        let mut value = value;
        if self
            .try_call_native_ref(&setter, target, &mut value, pos)?
            .is_some()
        {
            return Ok(());
        }
        if target.is_variant() {
            let mut args = [Dynamic::from(ImmutableString::from(name)), value];
            if self
                .try_call_native_ref3("index$set$", target, &mut args, pos)?
                .is_some()
            {
                return Ok(());
            }
            return Err(self.no_setter(target, name, &args[1], pos));
        }
        Err(self.no_setter(target, name, &value, pos))
    }

    #[cold]
    fn no_setter(&self, target: &Dynamic, name: &str, value: &Dynamic, pos: Position) -> Flow {
        EvalAltResult::ErrorDotExpr(
            format!(
                "No writable property '{name}' - a setter is not registered for type '{}' to handle '{}'",
                self.engine.map_type_name(target.type_name()),
                self.engine.map_type_name(value.type_name())
            ),
            pos,
        )
        .into()
    }

    /// Give `f` mutable access to `target.prop` (through getter and setter for custom types).
    pub(super) fn with_property_mut(
        &mut self,
        scope: &mut Scope,
        target: &mut Dynamic,
        (prop, writing): (&PropertyRef, bool),
        pos: Position,
        f: impl FnOnce(&mut Self, &mut Scope, &mut Dynamic) -> EResult,
    ) -> EResult {
        if let Union::Map(map, _, access) = &mut target.0 {
            let constant = *access == AccessMode::ReadOnly;
            if let Some(child) = Shared::make_mut(map).get_mut(prop.name.as_str()) {
                if constant {
                    return with_read_only(child, |child| f(self, scope, child));
                }
                return f(self, scope, child);
            }
            let mut missing = self.missing_property(&prop.name, pos)?;
            return f(self, scope, &mut missing);
        }
        let mut value = self.property_get(target, prop, pos)?;
        let result = f(self, scope, &mut value)?;
        if target.is_variant() {
            let index = crate::ast::Expr::Unit(pos);
            let at = IndexAt {
                bracket: pos,
                index: &index,
            };
            self.write_back(target, value, WriteBack::Setter(prop.name.clone()), at)?;
        } else if writing {
            // Few properties of built-in values can be set (`tag`); the others report that
            // they have no setter.
            if target.access_mode() == AccessMode::ReadOnly {
                return Err(EvalAltResult::ErrorAssignmentToConstant(String::new(), pos).into());
            }
            self.setter_call(target, &prop.name, value, pos)?;
        }
        Ok(result)
    }
}

impl Dynamic {
    /// Can `[]` be applied to this value (a built-in container, an integer's bits, a custom type
    /// that may have an indexer, or a shared value)?
    pub(crate) fn is_indexable(&self) -> bool {
        matches!(
            self.0,
            Union::Array(..)
                | Union::Map(..)
                | Union::Str(..)
                | Union::Blob(..)
                | Union::Int(..)
                | Union::Variant(..)
                | Union::Shared(..)
        )
    }
}

/// Writing into a constant (the caller names the constant).
#[cold]
fn assign_to_constant(pos: Position) -> Flow {
    EvalAltResult::ErrorAssignmentToConstant(String::new(), pos).into()
}

/// Run `f` on a child of a constant, as a constant itself.
#[cold]
fn with_read_only<R>(child: &mut Dynamic, f: impl FnOnce(&mut Dynamic) -> R) -> R {
    let mode = child.access_mode();
    child.set_access_mode(AccessMode::ReadOnly);
    let result = f(child);
    child.set_access_mode(mode);
    result
}

/// The length of a string (in characters) or BLOB.
fn value_len(value: &Dynamic) -> usize {
    match &value.0 {
        Union::Str(s, ..) => s.char_len(),
        Union::Blob(b, ..) => b.len(),
        _ => 0,
    }
}

/// A bit number from an index that may count from the most significant bit.
fn bit_index(index: INT) -> Option<usize> {
    normalize_index(index, INT_BITS)
}

/// Bits `a..b` of `n`, shifted down.
fn extract_bits(n: INT, a: usize, b: usize) -> INT {
    if a >= b {
        return 0;
    }
    let width = b - a;
    let shifted = (n as u64) >> a;
    let mask = if width >= 64 {
        u64::MAX
    } else {
        (1u64 << width) - 1
    };
    (shifted & mask) as INT
}

/// Replace bits `a..b` of `n` with the low bits of `v`.
fn insert_bits(n: INT, a: usize, b: usize, v: INT) -> INT {
    if a >= b {
        return n;
    }
    let width = b - a;
    let mask = if width >= 64 {
        u64::MAX
    } else {
        (1u64 << width) - 1
    };
    let cleared = (n as u64) & !(mask << a);
    (cleared | (((v as u64) & mask) << a)) as INT
}
