//! `Dynamic`: the value type of every script variable, argument and result.
//!
//! Invariants of the representation:
//! - A `Dynamic` is 16 bytes on 64-bit targets: a one-byte discriminant, the access mode, a
//!   32-bit tag and an 8-byte payload. `()`, bool, char, INT and FLOAT live unboxed; a
//!   `Decimal` (feature `decimal`, itself 16 bytes) is boxed.
//! - Strings, arrays, BLOBs and maps are reference-counted with copy-on-write, so cloning any
//!   value is at most a reference-count increment; writing to a shared collection copies it.
//! - `Union::Shared` is a value captured by a closure (or made shared by the host): every read
//!   and write goes through its lock. All other variants are owned plainly.
//! - Constants are ordinary values whose access mode is `ReadOnly`.

use crate::config::{Locked, SendSync, Shared, FLOAT, INT};
use crate::func::fn_ptr::FnPtr;
use crate::value::container::{ArrayData, MapData};
use crate::value::string::ImmutableString;
use crate::{Array, Blob, Map};
use core::any::{type_name, Any, TypeId};
use core::hash::{Hash, Hasher};
use core::ops::{Deref, DerefMut};
#[cfg(feature = "decimal")]
use rust_decimal::Decimal;

#[cfg(not(feature = "sync"))]
pub use std::time::Instant;
#[cfg(feature = "sync")]
pub use std::time::Instant;

/// The user-settable tag carried by every `Dynamic`.
pub type Tag = i32;

/// Whether a value may be modified: constants are `ReadOnly`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum AccessMode {
    /// Mutable.
    #[default]
    ReadWrite,
    /// Immutable (a constant).
    ReadOnly,
}

mod private {
    use crate::config::SendSync;
    use core::any::Any;

    /// Seals `Variant`: only the blanket implementation exists.
    pub trait Sealed {}
    impl<T: Any + Clone + SendSync> Sealed for T {}
}

/// Any type that can be stored in a `Dynamic`: `Any + Clone` (and `Send + Sync` under `sync`).
pub trait Variant: Any + private::Sealed + SendSync {
    /// As `&dyn Any`.
    fn as_any(&self) -> &dyn Any;
    /// As `&mut dyn Any`.
    fn as_any_mut(&mut self) -> &mut dyn Any;
    /// Into `Box<dyn Any>`.
    fn as_boxed_any(self: Box<Self>) -> Box<dyn Any>;
    /// The Rust name of the type.
    fn type_name(&self) -> &'static str;
    /// A boxed clone.
    fn clone_object(&self) -> Box<dyn Variant>;
}

impl<T: Any + Clone + SendSync> Variant for T {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
    fn as_boxed_any(self: Box<Self>) -> Box<dyn Any> {
        self
    }
    fn type_name(&self) -> &'static str {
        type_name::<T>()
    }
    fn clone_object(&self) -> Box<dyn Variant> {
        Box::new(self.clone())
    }
}

impl dyn Variant {
    /// Is the stored value of type `T`?
    #[inline(always)]
    pub fn is<T: Any>(&self) -> bool {
        self.as_any().type_id() == TypeId::of::<T>()
    }
}

/// The payload of a `Dynamic`.
pub(crate) enum Union {
    Unit((), Tag, AccessMode),
    Bool(bool, Tag, AccessMode),
    Str(ImmutableString, Tag, AccessMode),
    Char(char, Tag, AccessMode),
    Int(INT, Tag, AccessMode),
    Float(FLOAT, Tag, AccessMode),
    #[cfg(feature = "decimal")]
    Decimal(Box<Decimal>, Tag, AccessMode),
    Array(Shared<ArrayData>, Tag, AccessMode),
    Blob(Shared<Blob>, Tag, AccessMode),
    Map(Shared<MapData>, Tag, AccessMode),
    FnPtr(Box<FnPtr>, Tag, AccessMode),
    TimeStamp(Box<Instant>, Tag, AccessMode),
    Variant(Box<Box<dyn Variant>>, Tag, AccessMode),
    Shared(Shared<Locked<Dynamic>>, Tag, AccessMode),
}

/// A dynamically-typed value.
pub struct Dynamic(pub(crate) Union);

/// Evaluate `$body` with the tag and access mode of any `Union` variant bound to `$t`, `$a`
/// (every variant carries both, in the same order).
macro_rules! meta {
    ($u:expr, |$t:ident, $a:ident| $body:expr) => {
        match $u {
            #[cfg(feature = "decimal")]
            Union::Decimal(_, $t, $a) => $body,
            Union::Unit(_, $t, $a)
            | Union::Bool(_, $t, $a)
            | Union::Str(_, $t, $a)
            | Union::Char(_, $t, $a)
            | Union::Int(_, $t, $a)
            | Union::Float(_, $t, $a)
            | Union::Array(_, $t, $a)
            | Union::Blob(_, $t, $a)
            | Union::Map(_, $t, $a)
            | Union::FnPtr(_, $t, $a)
            | Union::TimeStamp(_, $t, $a)
            | Union::Variant(_, $t, $a)
            | Union::Shared(_, $t, $a) => $body,
        }
    };
}

/// Move a value of one static type into another when they are the same type.
#[inline(always)]
fn reify<A: Any, B: Any>(value: A) -> Option<B> {
    let mut slot = Some(value);
    (&mut slot as &mut dyn Any)
        .downcast_mut::<Option<B>>()
        .and_then(Option::take)
}

impl Dynamic {
    /// The unit value `()`.
    pub const UNIT: Self = Self(Union::Unit((), 0, AccessMode::ReadWrite));
    /// `true`.
    pub const TRUE: Self = Self::from_bool(true);
    /// `false`.
    pub const FALSE: Self = Self::from_bool(false);
    /// The integer 0.
    pub const ZERO: Self = Self::from_int(0);
    /// The integer 1.
    pub const ONE: Self = Self::from_int(1);
    /// The integer 2.
    pub const TWO: Self = Self::from_int(2);
    /// The integer 3.
    pub const THREE: Self = Self::from_int(3);
    /// The integer 10.
    pub const TEN: Self = Self::from_int(10);
    /// The integer 100.
    pub const HUNDRED: Self = Self::from_int(100);
    /// The integer 1,000.
    pub const THOUSAND: Self = Self::from_int(1000);
    /// The integer 1,000,000.
    pub const MILLION: Self = Self::from_int(1_000_000);
    /// The integer -1.
    pub const NEGATIVE_ONE: Self = Self::from_int(-1);
    /// The integer -2.
    pub const NEGATIVE_TWO: Self = Self::from_int(-2);
    /// 0.0
    pub const FLOAT_ZERO: Self = Self::from_float(0.0);
    /// 1.0
    pub const FLOAT_ONE: Self = Self::from_float(1.0);
    /// 2.0
    pub const FLOAT_TWO: Self = Self::from_float(2.0);
    /// 10.0
    pub const FLOAT_TEN: Self = Self::from_float(10.0);
    /// 100.0
    pub const FLOAT_HUNDRED: Self = Self::from_float(100.0);
    /// 1000.0
    pub const FLOAT_THOUSAND: Self = Self::from_float(1000.0);
    /// 1000000.0
    pub const FLOAT_MILLION: Self = Self::from_float(1_000_000.0);
    /// -1.0
    pub const FLOAT_NEGATIVE_ONE: Self = Self::from_float(-1.0);
    /// -2.0
    pub const FLOAT_NEGATIVE_TWO: Self = Self::from_float(-2.0);
    /// 0.5
    pub const FLOAT_HALF: Self = Self::from_float(0.5);
    /// 0.25
    pub const FLOAT_QUARTER: Self = Self::from_float(0.25);
    /// 0.2
    pub const FLOAT_FIFTH: Self = Self::from_float(0.2);
    /// 0.1
    pub const FLOAT_TENTH: Self = Self::from_float(0.1);
    /// 0.01
    pub const FLOAT_HUNDREDTH: Self = Self::from_float(0.01);
    /// 0.001
    pub const FLOAT_THOUSANDTH: Self = Self::from_float(0.001);
    /// 0.000001
    pub const FLOAT_MILLIONTH: Self = Self::from_float(0.000_001);
    /// π
    pub const FLOAT_PI: Self = Self::from_float(core::f64::consts::PI);
    /// π/2
    pub const FLOAT_HALF_PI: Self = Self::from_float(core::f64::consts::FRAC_PI_2);
    /// π/4
    pub const FLOAT_QUARTER_PI: Self = Self::from_float(core::f64::consts::FRAC_PI_4);
    /// 2π
    pub const FLOAT_TWO_PI: Self = Self::from_float(core::f64::consts::TAU);
    /// 1/π
    pub const FLOAT_INVERSE_PI: Self = Self::from_float(core::f64::consts::FRAC_1_PI);
    /// e
    pub const FLOAT_E: Self = Self::from_float(core::f64::consts::E);
    /// log10(e)
    pub const FLOAT_LOG_E: Self = Self::from_float(core::f64::consts::LOG10_E);
    /// ln(10)
    pub const FLOAT_LN_10: Self = Self::from_float(core::f64::consts::LN_10);

    /// A bool value.
    #[inline(always)]
    #[must_use]
    pub const fn from_bool(value: bool) -> Self {
        Self(Union::Bool(value, 0, AccessMode::ReadWrite))
    }
    /// An integer value.
    #[inline(always)]
    #[must_use]
    pub const fn from_int(value: INT) -> Self {
        Self(Union::Int(value, 0, AccessMode::ReadWrite))
    }
    /// A character value.
    #[inline(always)]
    #[must_use]
    pub const fn from_char(value: char) -> Self {
        Self(Union::Char(value, 0, AccessMode::ReadWrite))
    }
    /// A floating-point value.
    #[inline(always)]
    #[must_use]
    pub const fn from_float(value: FLOAT) -> Self {
        Self(Union::Float(value, 0, AccessMode::ReadWrite))
    }
    /// A `Decimal` value.
    #[cfg(feature = "decimal")]
    #[inline]
    #[must_use]
    pub fn from_decimal(value: Decimal) -> Self {
        Self(Union::Decimal(Box::new(value), 0, AccessMode::ReadWrite))
    }
    /// An array value.
    #[inline]
    #[must_use]
    pub fn from_array(array: Array) -> Self {
        Self(Union::Array(
            Shared::new(ArrayData(array)),
            0,
            AccessMode::ReadWrite,
        ))
    }
    /// A BLOB value.
    #[inline]
    #[must_use]
    pub fn from_blob(blob: Blob) -> Self {
        Self(Union::Blob(Shared::new(blob), 0, AccessMode::ReadWrite))
    }
    /// An object-map value.
    #[inline]
    #[must_use]
    pub fn from_map(map: Map) -> Self {
        Self(Union::Map(
            Shared::new(MapData(map)),
            0,
            AccessMode::ReadWrite,
        ))
    }
    /// A timestamp value.
    #[inline]
    #[must_use]
    pub fn from_timestamp(value: Instant) -> Self {
        Self(Union::TimeStamp(Box::new(value), 0, AccessMode::ReadWrite))
    }
    /// A string value.
    #[inline(always)]
    pub(crate) fn from_str(value: ImmutableString) -> Self {
        Self(Union::Str(value, 0, AccessMode::ReadWrite))
    }
    /// A function-pointer value.
    #[inline]
    pub(crate) fn from_fn_ptr(value: FnPtr) -> Self {
        Self(Union::FnPtr(Box::new(value), 0, AccessMode::ReadWrite))
    }

    /// Wrap any value. Standard types (INT, FLOAT, bool, char, strings, arrays, maps, BLOBs,
    /// function pointers, timestamps, `()` and `Dynamic` itself) take their native form; any
    /// other type is stored as a custom type.
    #[must_use]
    pub fn from<T: Variant + Clone>(value: T) -> Self {
        let id = TypeId::of::<T>();
        macro_rules! try_as {
            ($t:ty, $make:expr) => {
                if id == TypeId::of::<$t>() {
                    if let Some(v) = reify::<T, $t>(value) {
                        #[allow(clippy::redundant_closure_call)]
                        return ($make)(v);
                    }
                    return Self::UNIT;
                }
            };
        }
        try_as!(INT, Self::from_int);
        try_as!(FLOAT, Self::from_float);
        #[cfg(feature = "decimal")]
        try_as!(Decimal, Self::from_decimal);
        try_as!(bool, Self::from_bool);
        try_as!(char, Self::from_char);
        try_as!(ImmutableString, Self::from_str);
        try_as!(String, |s: String| Self::from_str(s.into()));
        try_as!(&'static str, |s: &str| Self::from_str(s.into()));
        try_as!(crate::value::string::SmartString, |s| Self::from_str(
            ImmutableString::from(s)
        ));
        try_as!((), |_| Self::UNIT);
        try_as!(Dynamic, |d| d);
        try_as!(Array, Self::from_array);
        try_as!(Blob, Self::from_blob);
        try_as!(Map, Self::from_map);
        try_as!(FnPtr, Self::from_fn_ptr);
        try_as!(Instant, Self::from_timestamp);
        Self(Union::Variant(
            Box::new(Box::new(value)),
            0,
            AccessMode::ReadWrite,
        ))
    }

    /// The tag of the value.
    #[must_use]
    pub const fn tag(&self) -> Tag {
        meta!(&self.0, |t, _a| *t)
    }

    /// Set the tag of the value.
    pub fn set_tag(&mut self, value: Tag) -> &mut Self {
        meta!(&mut self.0, |t, _a| *t = value);
        self
    }

    pub(crate) const fn access_mode(&self) -> AccessMode {
        meta!(&self.0, |_t, a| *a)
    }

    pub(crate) fn set_access_mode(&mut self, mode: AccessMode) -> &mut Self {
        meta!(&mut self.0, |_t, a| *a = mode);
        self
    }

    /// Make the value read-only (a constant).
    #[must_use]
    pub fn into_read_only(mut self) -> Self {
        self.set_access_mode(AccessMode::ReadOnly);
        self
    }

    /// Is the value read-only (a constant)?
    #[must_use]
    pub fn is_read_only(&self) -> bool {
        match &self.0 {
            Union::Shared(cell, _, AccessMode::ReadWrite) => {
                crate::value::lock::read(cell).is_some_and(|v| v.is_read_only())
            }
            _ => self.access_mode() == AccessMode::ReadOnly,
        }
    }

    /// Is the value a custom type (not one of the standard types)?
    #[must_use]
    pub const fn is_variant(&self) -> bool {
        matches!(self.0, Union::Variant(..))
    }

    /// Is the value shared (captured by a closure or made shared by `into_shared`)?
    #[must_use]
    pub const fn is_shared(&self) -> bool {
        matches!(self.0, Union::Shared(..))
    }

    /// Is the value of type `T`? (For a shared value, the type of the value inside.)
    #[must_use]
    pub fn is<T: Any + Clone>(&self) -> bool {
        if TypeId::of::<T>() == TypeId::of::<Dynamic>() {
            return true;
        }
        if TypeId::of::<T>() == TypeId::of::<String>() {
            return self.is_string();
        }
        self.type_id() == TypeId::of::<T>()
    }

    /// The `TypeId` of the value (of the value inside, for a shared value).
    #[must_use]
    pub fn type_id(&self) -> TypeId {
        match &self.0 {
            Union::Unit(..) => TypeId::of::<()>(),
            Union::Bool(..) => TypeId::of::<bool>(),
            Union::Str(..) => TypeId::of::<ImmutableString>(),
            Union::Char(..) => TypeId::of::<char>(),
            Union::Int(..) => TypeId::of::<INT>(),
            Union::Float(..) => TypeId::of::<FLOAT>(),
            #[cfg(feature = "decimal")]
            Union::Decimal(..) => TypeId::of::<Decimal>(),
            Union::Array(..) => TypeId::of::<Array>(),
            Union::Blob(..) => TypeId::of::<Blob>(),
            Union::Map(..) => TypeId::of::<Map>(),
            Union::FnPtr(..) => TypeId::of::<FnPtr>(),
            Union::TimeStamp(..) => TypeId::of::<Instant>(),
            Union::Variant(v, ..) => (***v).as_any().type_id(),
            Union::Shared(cell, ..) => crate::value::lock::read(cell)
                .map_or(TypeId::of::<Dynamic>(), |v| Dynamic::type_id(&v)),
        }
    }

    /// The name of the value's type: the script name of the built-in kinds, the Rust type name
    /// of other types (ranges too); `type_of` maps these to script names.
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match &self.0 {
            Union::Unit(..) => "()",
            Union::Bool(..) => "bool",
            Union::Str(..) => "string",
            Union::Char(..) => "char",
            Union::Int(..) => type_name::<INT>(),
            Union::Float(..) => type_name::<FLOAT>(),
            #[cfg(feature = "decimal")]
            Union::Decimal(..) => "decimal",
            Union::Array(..) => "array",
            Union::Blob(..) => "blob",
            Union::Map(..) => "map",
            Union::FnPtr(..) => "Fn",
            Union::TimeStamp(..) => "timestamp",
            Union::Variant(v, ..) => (***v).type_name(),
            Union::Shared(cell, ..) => {
                crate::value::lock::read(cell).map_or("<locked>", |v| v.type_name())
            }
        }
    }

    /// Turn the value into a shared value (no-op if already shared).
    #[must_use]
    pub fn into_shared(self) -> Self {
        if self.is_shared() {
            return self;
        }
        let mode = self.access_mode();
        Self(Union::Shared(Shared::new(Locked::new(self)), 0, mode))
    }

    /// Take the value out, leaving `()` behind.
    #[inline(always)]
    pub fn take(&mut self) -> Self {
        core::mem::take(self)
    }

    /// Is the value shared and currently locked for writing?
    #[must_use]
    pub fn is_locked(&self) -> bool {
        match &self.0 {
            Union::Shared(cell, ..) => crate::value::lock::is_locked(cell),
            _ => false,
        }
    }

    /// A clone of the value with any sharing removed.
    #[must_use]
    pub fn flatten_clone(&self) -> Self {
        match &self.0 {
            Union::Shared(cell, ..) => {
                crate::value::lock::read(cell).map_or(Self::UNIT, |v| v.clone())
            }
            _ => self.clone(),
        }
    }

    /// The value with any sharing removed (moved out when this was the only reference).
    #[must_use]
    pub fn flatten(self) -> Self {
        match self.0 {
            Union::Shared(cell, ..) => match Shared::try_unwrap(cell) {
                Ok(lock) => crate::value::lock::into_inner(lock),
                Err(cell) => crate::value::lock::read(&cell).map_or(Self::UNIT, |v| v.clone()),
            },
            _ => self,
        }
    }

    /// Cast into `T`, or `None` if the value is of another type. Shared values are read
    /// through. `Dynamic` always succeeds; `String` accepts script strings.
    #[must_use]
    pub fn try_cast<T: Any>(self) -> Option<T> {
        self.try_cast_result().ok()
    }

    /// Cast into `T`, or give the value back unchanged if it is of another type.
    pub fn try_cast_result<T: Any>(self) -> Result<T, Self> {
        if TypeId::of::<T>() == TypeId::of::<Dynamic>() {
            return reify::<Dynamic, T>(self).ok_or(Self::UNIT);
        }
        let value = if self.is_shared() {
            self.flatten()
        } else {
            self
        };
        if TypeId::of::<T>() == TypeId::of::<String>() {
            return match value.0 {
                Union::Str(s, ..) => reify::<String, T>(s.into_owned()).ok_or(Self::UNIT),
                _ => Err(value),
            };
        }
        macro_rules! give {
            ($v:expr) => {
                match reify::<_, T>($v) {
                    Some(x) => Ok(x),
                    None => Err(value),
                }
            };
        }
        match &value.0 {
            Union::Unit(..) => give!(()),
            Union::Bool(b, ..) => give!(*b),
            Union::Char(c, ..) => give!(*c),
            Union::Int(i, ..) => give!(*i),
            Union::Float(f, ..) => give!(*f),
            #[cfg(feature = "decimal")]
            Union::Decimal(d, ..) => give!(**d),
            Union::Str(s, ..) if TypeId::of::<T>() == TypeId::of::<ImmutableString>() => {
                give!(s.clone())
            }
            Union::Array(a, ..) if TypeId::of::<T>() == TypeId::of::<Array>() => {
                give!(a.0.clone())
            }
            Union::Blob(b, ..) if TypeId::of::<T>() == TypeId::of::<Blob>() => {
                give!((**b).clone())
            }
            Union::Map(m, ..) if TypeId::of::<T>() == TypeId::of::<Map>() => give!(m.0.clone()),
            Union::FnPtr(f, ..) if TypeId::of::<T>() == TypeId::of::<FnPtr>() => {
                give!((**f).clone())
            }
            Union::TimeStamp(t, ..) => give!(**t),
            Union::Variant(v, ..) if (***v).as_any().type_id() == TypeId::of::<T>() => {
                match value.0 {
                    Union::Variant(v, ..) => match (*v).as_boxed_any().downcast::<T>() {
                        Ok(b) => Ok(*b),
                        Err(_) => Err(Self::UNIT),
                    },
                    _ => Err(value),
                }
            }
            _ => Err(value),
        }
    }

    /// Cast into `T`. Prefer `try_cast`; this follows the published API, which panics on a
    /// type mismatch.
    ///
    /// # Panics
    /// When the value is not of type `T`.
    #[must_use]
    pub fn cast<T: Any + Clone>(self) -> T {
        let name = self.type_name();
        self.try_cast::<T>().unwrap_or_else(|| {
            panic!(
                "cannot cast {} to {}",
                name,
                crate::value::fmt::map_std_type_name(type_name::<T>())
            )
        })
    }

    /// Clone and cast into `T`.
    ///
    /// # Panics
    /// When the value is not of type `T`.
    #[must_use]
    pub fn clone_cast<T: Any + Clone>(&self) -> T {
        self.flatten_clone().cast::<T>()
    }

    /// Borrow the value as `T`, through the lock if shared.
    #[must_use]
    pub fn read_lock<T: Any + Clone>(&self) -> Option<DynamicReadLock<'_, T>> {
        match &self.0 {
            Union::Shared(cell, ..) => {
                let guard = crate::value::lock::read(cell)?;
                if guard.downcast_ref::<T>().is_some() {
                    Some(DynamicReadLock(ReadInner::Guard(
                        guard,
                        core::marker::PhantomData,
                    )))
                } else {
                    None
                }
            }
            _ => self
                .downcast_ref::<T>()
                .map(|r| DynamicReadLock(ReadInner::Direct(r))),
        }
    }

    /// Borrow the value mutably as `T`, through the lock if shared.
    #[must_use]
    pub fn write_lock<T: Any + Clone>(&mut self) -> Option<DynamicWriteLock<'_, T>> {
        if !self.is_shared() {
            return self
                .downcast_mut::<T>()
                .map(|r| DynamicWriteLock(WriteInner::Direct(r)));
        }
        let Union::Shared(cell, ..) = &self.0 else {
            return None;
        };
        let mut guard = crate::value::lock::write(cell)?;
        if guard.downcast_mut::<T>().is_some() {
            Some(DynamicWriteLock(WriteInner::Guard(
                guard,
                core::marker::PhantomData,
            )))
        } else {
            None
        }
    }

    /// A reference to the value as `T` (not through sharing).
    pub(crate) fn downcast_ref<T: Any>(&self) -> Option<&T> {
        let any: &dyn Any = match &self.0 {
            Union::Unit(u, ..) => u,
            Union::Bool(b, ..) => b,
            Union::Str(s, ..) => s,
            Union::Char(c, ..) => c,
            Union::Int(i, ..) => i,
            Union::Float(f, ..) => f,
            #[cfg(feature = "decimal")]
            Union::Decimal(d, ..) => &**d,
            Union::Array(a, ..) => &a.0,
            Union::Blob(b, ..) => &**b,
            Union::Map(m, ..) => &m.0,
            Union::FnPtr(f, ..) => &**f,
            Union::TimeStamp(t, ..) => &**t,
            Union::Variant(v, ..) => (***v).as_any(),
            Union::Shared(..) => return None,
        };
        if TypeId::of::<T>() == TypeId::of::<Dynamic>() {
            return (self as &dyn Any).downcast_ref::<T>();
        }
        any.downcast_ref::<T>()
    }

    /// A mutable reference to the value as `T` (not through sharing); collections are
    /// un-shared first (copy-on-write).
    pub(crate) fn downcast_mut<T: Any>(&mut self) -> Option<&mut T> {
        if TypeId::of::<T>() == TypeId::of::<Dynamic>() {
            return (self as &mut dyn Any).downcast_mut::<T>();
        }
        let any: &mut dyn Any = match &mut self.0 {
            Union::Unit(u, ..) => u,
            Union::Bool(b, ..) => b,
            Union::Str(s, ..) => s,
            Union::Char(c, ..) => c,
            Union::Int(i, ..) => i,
            Union::Float(f, ..) => f,
            #[cfg(feature = "decimal")]
            Union::Decimal(d, ..) => &mut **d,
            Union::Array(a, ..) if TypeId::of::<T>() == TypeId::of::<Array>() => {
                &mut Shared::make_mut(a).0 as &mut dyn Any
            }
            Union::Blob(b, ..) if TypeId::of::<T>() == TypeId::of::<Blob>() => {
                Shared::make_mut(b) as &mut dyn Any
            }
            Union::Map(m, ..) if TypeId::of::<T>() == TypeId::of::<Map>() => {
                &mut Shared::make_mut(m).0 as &mut dyn Any
            }
            Union::FnPtr(f, ..) => &mut **f,
            Union::TimeStamp(t, ..) => &mut **t,
            Union::Variant(v, ..) => (***v).as_any_mut(),
            _ => return None,
        };
        any.downcast_mut::<T>()
    }

    /// Is the value `()`?
    #[must_use]
    pub fn is_unit(&self) -> bool {
        self.is::<()>()
    }
    /// Is the value an integer?
    #[must_use]
    pub fn is_int(&self) -> bool {
        self.is::<INT>()
    }
    /// Is the value a floating-point number?
    #[must_use]
    pub fn is_float(&self) -> bool {
        self.is::<FLOAT>()
    }
    /// Is the value a `Decimal`?
    #[cfg(feature = "decimal")]
    #[must_use]
    pub fn is_decimal(&self) -> bool {
        self.is::<Decimal>()
    }
    /// Is the value a bool?
    #[must_use]
    pub fn is_bool(&self) -> bool {
        self.is::<bool>()
    }
    /// Is the value a character?
    #[must_use]
    pub fn is_char(&self) -> bool {
        self.is::<char>()
    }
    /// Is the value a string?
    #[must_use]
    pub fn is_string(&self) -> bool {
        self.type_id() == TypeId::of::<ImmutableString>()
    }
    /// Is the value an array?
    #[must_use]
    pub fn is_array(&self) -> bool {
        self.is::<Array>()
    }
    /// Is the value a BLOB?
    #[must_use]
    pub fn is_blob(&self) -> bool {
        self.is::<Blob>()
    }
    /// Is the value an object map?
    #[must_use]
    pub fn is_map(&self) -> bool {
        self.is::<Map>()
    }
    /// Is the value a function pointer?
    #[must_use]
    pub fn is_fnptr(&self) -> bool {
        self.is::<FnPtr>()
    }
    /// Is the value a timestamp?
    #[must_use]
    pub fn is_timestamp(&self) -> bool {
        self.is::<Instant>()
    }

    /// The value as `()`, or the actual type name.
    pub fn as_unit(&self) -> Result<(), &'static str> {
        self.read_lock::<()>()
            .map(|_| ())
            .ok_or_else(|| self.type_name())
    }
    /// The value as an integer, or the actual type name.
    pub fn as_int(&self) -> Result<INT, &'static str> {
        match self.0 {
            Union::Int(n, ..) => Ok(n),
            _ => self
                .read_lock::<INT>()
                .map(|v| *v)
                .ok_or_else(|| self.type_name()),
        }
    }
    /// The value as a float, or the actual type name.
    pub fn as_float(&self) -> Result<FLOAT, &'static str> {
        match self.0 {
            Union::Float(n, ..) => Ok(n),
            _ => self
                .read_lock::<FLOAT>()
                .map(|v| *v)
                .ok_or_else(|| self.type_name()),
        }
    }
    /// The value as a `Decimal`, or the actual type name.
    #[cfg(feature = "decimal")]
    pub fn as_decimal(&self) -> Result<Decimal, &'static str> {
        match &self.0 {
            Union::Decimal(d, ..) => Ok(**d),
            _ => self
                .read_lock::<Decimal>()
                .map(|v| *v)
                .ok_or_else(|| self.type_name()),
        }
    }
    /// The value as a bool, or the actual type name.
    pub fn as_bool(&self) -> Result<bool, &'static str> {
        match self.0 {
            Union::Bool(b, ..) => Ok(b),
            _ => self
                .read_lock::<bool>()
                .map(|v| *v)
                .ok_or_else(|| self.type_name()),
        }
    }
    /// The value as a char, or the actual type name.
    pub fn as_char(&self) -> Result<char, &'static str> {
        match self.0 {
            Union::Char(c, ..) => Ok(c),
            _ => self
                .read_lock::<char>()
                .map(|v| *v)
                .ok_or_else(|| self.type_name()),
        }
    }
    /// Borrow the string inside, or the actual type name.
    pub fn as_immutable_string_ref(
        &self,
    ) -> Result<impl Deref<Target = ImmutableString> + '_, &'static str> {
        self.read_lock::<ImmutableString>()
            .ok_or_else(|| self.type_name())
    }
    /// Borrow the string inside mutably, or the actual type name.
    pub fn as_immutable_string_mut(
        &mut self,
    ) -> Result<impl DerefMut<Target = ImmutableString> + '_, &'static str> {
        let name = self.type_name();
        self.write_lock::<ImmutableString>().ok_or(name)
    }
    /// Borrow the array inside, or the actual type name.
    pub fn as_array_ref(&self) -> Result<impl Deref<Target = Array> + '_, &'static str> {
        self.read_lock::<Array>().ok_or_else(|| self.type_name())
    }
    /// Borrow the array inside mutably, or the actual type name.
    pub fn as_array_mut(&mut self) -> Result<impl DerefMut<Target = Array> + '_, &'static str> {
        let name = self.type_name();
        self.write_lock::<Array>().ok_or(name)
    }
    /// Borrow the BLOB inside, or the actual type name.
    pub fn as_blob_ref(&self) -> Result<impl Deref<Target = Blob> + '_, &'static str> {
        self.read_lock::<Blob>().ok_or_else(|| self.type_name())
    }
    /// Borrow the BLOB inside mutably, or the actual type name.
    pub fn as_blob_mut(&mut self) -> Result<impl DerefMut<Target = Blob> + '_, &'static str> {
        let name = self.type_name();
        self.write_lock::<Blob>().ok_or(name)
    }
    /// Borrow the map inside, or the actual type name.
    pub fn as_map_ref(&self) -> Result<impl Deref<Target = Map> + '_, &'static str> {
        self.read_lock::<Map>().ok_or_else(|| self.type_name())
    }
    /// Borrow the map inside mutably, or the actual type name.
    pub fn as_map_mut(&mut self) -> Result<impl DerefMut<Target = Map> + '_, &'static str> {
        let name = self.type_name();
        self.write_lock::<Map>().ok_or(name)
    }

    /// Into a `String`, or the actual type name.
    pub fn into_string(self) -> Result<String, &'static str> {
        self.into_immutable_string()
            .map(ImmutableString::into_owned)
    }
    /// Alias of `into_string`.
    pub fn as_string(self) -> Result<String, &'static str> {
        self.into_string()
    }
    /// Into an `ImmutableString`, or the actual type name.
    pub fn into_immutable_string(self) -> Result<ImmutableString, &'static str> {
        let name = self.type_name();
        self.try_cast::<ImmutableString>().ok_or(name)
    }
    /// Alias of `into_immutable_string`.
    pub fn as_immutable_string(self) -> Result<ImmutableString, &'static str> {
        self.into_immutable_string()
    }
    /// Into an `Array`, or the actual type name.
    pub fn into_array(self) -> Result<Array, &'static str> {
        let name = self.type_name();
        self.try_cast::<Array>().ok_or(name)
    }
    /// Into a `Vec<T>`, or the type name of the first element that is not a `T`.
    pub fn into_typed_array<T: Variant + Clone>(self) -> Result<Vec<T>, &'static str> {
        if TypeId::of::<T>() == TypeId::of::<u8>() && self.is_blob() {
            let blob = self.into_blob()?;
            return blob
                .into_iter()
                .map(|b| reify::<u8, T>(b).ok_or("u8"))
                .collect();
        }
        let array = self.into_array()?;
        array
            .into_iter()
            .map(|v| {
                let name = v.type_name();
                v.try_cast::<T>().ok_or(name)
            })
            .collect()
    }
    /// Into a `Blob`, or the actual type name.
    pub fn into_blob(self) -> Result<Blob, &'static str> {
        let name = self.type_name();
        self.try_cast::<Blob>().ok_or(name)
    }

    /// Visit this value and every value nested in it (array elements, map values, curried
    /// arguments), depth first, letting `filter` change each. Nesting has no depth limit: the
    /// walk keeps its path in a list, not on the native stack.
    pub fn deep_scan(&mut self, mut filter: impl FnMut(&mut Self)) {
        /// A value being visited, with its nested values taken out until they are done.
        struct Frame {
            value: Dynamic,
            children: Vec<Dynamic>,
            next: usize,
        }
        let mut root = core::mem::take(self);
        filter(&mut root);
        let children = take_children(&mut root);
        let mut path = vec![Frame {
            value: root,
            children,
            next: 0,
        }];
        while let Some(top) = path.last_mut() {
            if let Some(slot) = top.children.get_mut(top.next) {
                let mut child = core::mem::take(slot);
                filter(&mut child);
                let children = take_children(&mut child);
                path.push(Frame {
                    value: child,
                    children,
                    next: 0,
                });
                continue;
            }
            let Some(mut done) = path.pop() else { break };
            put_children(&mut done.value, done.children);
            match path.last_mut() {
                Some(parent) => {
                    parent.children[parent.next] = done.value;
                    parent.next += 1;
                }
                None => *self = done.value,
            }
        }
    }
}

/// Move the values nested directly in `value` out (in visiting order), leaving it to be
/// refilled by `put_children`.
fn take_children(value: &mut Dynamic) -> Vec<Dynamic> {
    match &mut value.0 {
        Union::Array(a, ..) => core::mem::take(&mut Shared::make_mut(a).0),
        Union::Map(m, ..) => Shared::make_mut(m)
            .values_mut()
            .map(core::mem::take)
            .collect(),
        Union::FnPtr(f, ..) => core::mem::take(&mut f.curry),
        _ => Vec::new(),
    }
}

/// Put back the values `take_children` moved out, in the same order.
fn put_children(value: &mut Dynamic, children: Vec<Dynamic>) {
    match &mut value.0 {
        Union::Array(a, ..) => Shared::make_mut(a).0 = children,
        Union::Map(m, ..) => {
            for (slot, child) in Shared::make_mut(m).values_mut().zip(children) {
                *slot = child;
            }
        }
        Union::FnPtr(f, ..) => f.curry = children,
        _ => (),
    }
}

impl Default for Dynamic {
    #[inline(always)]
    fn default() -> Self {
        Self::UNIT
    }
}

impl Clone for Dynamic {
    fn clone(&self) -> Self {
        Self(match &self.0 {
            Union::Unit((), t, a) => Union::Unit((), *t, *a),
            Union::Bool(b, t, a) => Union::Bool(*b, *t, *a),
            Union::Str(s, t, a) => Union::Str(s.clone(), *t, *a),
            Union::Char(c, t, a) => Union::Char(*c, *t, *a),
            Union::Int(i, t, a) => Union::Int(*i, *t, *a),
            Union::Float(f, t, a) => Union::Float(*f, *t, *a),
            #[cfg(feature = "decimal")]
            Union::Decimal(d, t, a) => Union::Decimal(d.clone(), *t, *a),
            Union::Array(v, t, a) => Union::Array(v.clone(), *t, *a),
            Union::Blob(v, t, a) => Union::Blob(v.clone(), *t, *a),
            Union::Map(v, t, a) => Union::Map(v.clone(), *t, *a),
            Union::FnPtr(v, t, a) => Union::FnPtr(v.clone(), *t, *a),
            Union::TimeStamp(v, t, a) => Union::TimeStamp(v.clone(), *t, *a),
            Union::Variant(v, t, a) => Union::Variant(Box::new((***v).clone_object()), *t, *a),
            Union::Shared(v, t, a) => Union::Shared(v.clone(), *t, *a),
        })
    }
}

impl Hash for Dynamic {
    /// Hashes the value's content. Types without a natural hash (floats hash their bits,
    /// function pointers their name, custom types and timestamps only their type) never panic.
    /// Nested values go through a work list, not recursion: nesting has no depth limit.
    fn hash<H: Hasher>(&self, state: &mut H) {
        let mut pending = Vec::new();
        hash_one(self, state, &mut pending);
        while let Some(value) = pending.pop() {
            hash_one(&value, state, &mut pending);
        }
    }
}

/// Hash one value; the values nested in it go to `pending` (in reverse, so they come off in
/// order).
fn hash_one<H: Hasher>(value: &Dynamic, state: &mut H, pending: &mut Vec<Dynamic>) {
    // A shared value hashes as the value inside, which it also equals.
    if let Union::Shared(cell, ..) = &value.0 {
        if let Some(v) = crate::value::lock::read(cell) {
            pending.push(v.clone());
        }
        return;
    }
    core::mem::discriminant(&value.0).hash(state);
    match &value.0 {
        Union::Unit(..) | Union::TimeStamp(..) => (),
        Union::Bool(b, ..) => b.hash(state),
        Union::Str(s, ..) => s.hash(state),
        Union::Char(c, ..) => c.hash(state),
        Union::Int(i, ..) => i.hash(state),
        Union::Float(f, ..) => f.to_bits().hash(state),
        #[cfg(feature = "decimal")]
        Union::Decimal(d, ..) => d.hash(state),
        Union::Array(a, ..) => {
            a.len().hash(state);
            pending.extend(a.iter().rev().cloned());
        }
        Union::Blob(b, ..) => b.hash(state),
        Union::Map(m, ..) => {
            m.len().hash(state);
            m.keys().for_each(|k| k.hash(state));
            pending.extend(m.values().rev().cloned());
        }
        Union::FnPtr(f, ..) => f.fn_name().hash(state),
        Union::Variant(v, ..) => (***v).as_any().type_id().hash(state),
        Union::Shared(..) => (),
    }
}

enum ReadInner<'a, T: Any> {
    Direct(&'a T),
    Guard(
        crate::value::lock::ReadGuard<'a>,
        core::marker::PhantomData<T>,
    ),
}

/// A read borrow of the value inside a `Dynamic`, through its lock when shared.
pub struct DynamicReadLock<'a, T: Any>(ReadInner<'a, T>);

impl<T: Any> Deref for DynamicReadLock<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        match &self.0 {
            ReadInner::Direct(r) => r,
            // Invariant: the guard was created only after checking that the type is `T`, and
            // the value behind a held read guard cannot change.
            ReadInner::Guard(g, _) => g.downcast_ref::<T>().unwrap_or_else(|| unreachable!()),
        }
    }
}

enum WriteInner<'a, T: Any> {
    Direct(&'a mut T),
    Guard(
        crate::value::lock::WriteGuard<'a>,
        core::marker::PhantomData<T>,
    ),
}

/// A write borrow of the value inside a `Dynamic`, through its lock when shared.
pub struct DynamicWriteLock<'a, T: Any>(WriteInner<'a, T>);

impl<T: Any> Deref for DynamicWriteLock<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        match &self.0 {
            WriteInner::Direct(r) => r,
            // Invariant: the type was checked when the guard was created; only this guard can
            // change the value while it is held.
            WriteInner::Guard(g, _) => g.downcast_ref::<T>().unwrap_or_else(|| unreachable!()),
        }
    }
}

impl<T: Any> DerefMut for DynamicWriteLock<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        match &mut self.0 {
            WriteInner::Direct(r) => r,
            // Invariant: as for `deref`.
            WriteInner::Guard(g, _) => g.downcast_mut::<T>().unwrap_or_else(|| unreachable!()),
        }
    }
}
