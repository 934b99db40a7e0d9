//! `ImmutableString`: the script string type, shared and immutable.
//!
//! Cloning is a reference-count increment; mutation goes through copy-on-write (`make_mut`), so
//! a string is copied only when written while shared. The text lives in a `SmartString`, which
//! keeps short strings inline (one indirection, no heap block of their own).

use crate::config::Shared;
use core::borrow::Borrow;
use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::ops::{Add, AddAssign, Deref, Sub, SubAssign};
use core::str::FromStr;
use smartstring::{LazyCompact, SmartString as SmartStringImpl};

/// The string type used for names and short texts: inline up to 23 bytes.
pub type SmartString = SmartStringImpl<LazyCompact>;

/// An identifier (variable, property or function name).
pub type Identifier = SmartString;

/// The system immutable string type: shared, with copy-on-write mutation.
#[derive(Clone, Eq, Ord)]
pub struct ImmutableString(Shared<SmartString>);

impl ImmutableString {
    /// A new empty string.
    #[inline]
    #[must_use]
    pub fn new() -> Self {
        Self(Shared::new(SmartString::new_const()))
    }

    /// The text.
    #[inline(always)]
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// How many values share this string.
    #[inline]
    #[must_use]
    pub fn strong_count(&self) -> usize {
        Shared::strong_count(&self.0)
    }

    /// Take the text as a `String`, copying only when shared.
    #[must_use]
    pub fn into_owned(mut self) -> String {
        self.make_mut();
        match Shared::try_unwrap(self.0) {
            Ok(s) => s.into(),
            Err(shared) => shared.as_str().into(),
        }
    }

    /// Mutable access to the text, copying it first when shared.
    #[inline]
    pub fn make_mut(&mut self) -> &mut SmartString {
        Shared::make_mut(&mut self.0)
    }

    /// Mutable access to the text if it is not shared.
    #[inline]
    pub fn get_mut(&mut self) -> Option<&mut SmartString> {
        Shared::get_mut(&mut self.0)
    }

    /// Do both point to the same text?
    #[inline]
    #[must_use]
    pub fn ptr_eq(&self, other: &Self) -> bool {
        Shared::ptr_eq(&self.0, &other.0)
    }

    /// The number of characters (not bytes).
    #[inline]
    #[must_use]
    pub(crate) fn char_len(&self) -> usize {
        if self.is_ascii() {
            self.len()
        } else {
            self.chars().count()
        }
    }
}

impl Default for ImmutableString {
    #[inline]
    fn default() -> Self {
        Self::new()
    }
}

impl Deref for ImmutableString {
    type Target = str;
    #[inline(always)]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for ImmutableString {
    #[inline(always)]
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<SmartString> for ImmutableString {
    #[inline(always)]
    fn as_ref(&self) -> &SmartString {
        &self.0
    }
}

impl Borrow<str> for ImmutableString {
    #[inline(always)]
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl Hash for ImmutableString {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Display for ImmutableString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for ImmutableString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl From<&str> for ImmutableString {
    #[inline]
    fn from(s: &str) -> Self {
        Self(Shared::new(s.into()))
    }
}
impl From<Box<str>> for ImmutableString {
    #[inline]
    fn from(s: Box<str>) -> Self {
        Self::from(&*s)
    }
}
impl From<&String> for ImmutableString {
    #[inline]
    fn from(s: &String) -> Self {
        Self::from(s.as_str())
    }
}
impl From<String> for ImmutableString {
    #[inline]
    fn from(s: String) -> Self {
        Self(Shared::new(s.into()))
    }
}
impl From<&SmartString> for ImmutableString {
    #[inline]
    fn from(s: &SmartString) -> Self {
        Self(Shared::new(s.clone()))
    }
}
impl From<SmartString> for ImmutableString {
    #[inline]
    fn from(s: SmartString) -> Self {
        Self(Shared::new(s))
    }
}
impl From<&ImmutableString> for ImmutableString {
    #[inline]
    fn from(s: &ImmutableString) -> Self {
        s.clone()
    }
}
impl From<ImmutableString> for String {
    #[inline]
    fn from(s: ImmutableString) -> Self {
        s.into_owned()
    }
}
impl From<ImmutableString> for SmartString {
    #[inline]
    fn from(s: ImmutableString) -> Self {
        match Shared::try_unwrap(s.0) {
            Ok(s) => s,
            Err(shared) => (*shared).clone(),
        }
    }
}

impl FromStr for ImmutableString {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Ok(s.into())
    }
}

impl FromIterator<char> for ImmutableString {
    fn from_iter<T: IntoIterator<Item = char>>(iter: T) -> Self {
        Self(Shared::new(iter.into_iter().collect::<SmartString>()))
    }
}
impl<'a> FromIterator<&'a char> for ImmutableString {
    fn from_iter<T: IntoIterator<Item = &'a char>>(iter: T) -> Self {
        iter.into_iter().copied().collect()
    }
}
impl<'a> FromIterator<&'a str> for ImmutableString {
    fn from_iter<T: IntoIterator<Item = &'a str>>(iter: T) -> Self {
        let mut s = SmartString::new_const();
        iter.into_iter().for_each(|x| s.push_str(x));
        Self(Shared::new(s))
    }
}
impl FromIterator<String> for ImmutableString {
    fn from_iter<T: IntoIterator<Item = String>>(iter: T) -> Self {
        let mut s = SmartString::new_const();
        iter.into_iter().for_each(|x| s.push_str(&x));
        Self(Shared::new(s))
    }
}
impl FromIterator<SmartString> for ImmutableString {
    fn from_iter<T: IntoIterator<Item = SmartString>>(iter: T) -> Self {
        let mut s = SmartString::new_const();
        iter.into_iter().for_each(|x| s.push_str(&x));
        Self(Shared::new(s))
    }
}

impl Add for ImmutableString {
    type Output = Self;
    fn add(mut self, rhs: Self) -> Self {
        if rhs.is_empty() {
            self
        } else if self.is_empty() {
            rhs
        } else {
            self.make_mut().push_str(&rhs);
            self
        }
    }
}
impl Add for &ImmutableString {
    type Output = ImmutableString;
    fn add(self, rhs: Self) -> ImmutableString {
        self.clone() + rhs
    }
}
impl Add<&ImmutableString> for ImmutableString {
    type Output = Self;
    fn add(self, rhs: &ImmutableString) -> Self {
        self + rhs.as_str()
    }
}
impl Add<&str> for ImmutableString {
    type Output = Self;
    fn add(mut self, rhs: &str) -> Self {
        if !rhs.is_empty() {
            self.make_mut().push_str(rhs);
        }
        self
    }
}
impl Add<&str> for &ImmutableString {
    type Output = ImmutableString;
    fn add(self, rhs: &str) -> ImmutableString {
        self.clone() + rhs
    }
}
impl Add<String> for ImmutableString {
    type Output = Self;
    fn add(self, rhs: String) -> Self {
        self + rhs.as_str()
    }
}
impl Add<char> for ImmutableString {
    type Output = Self;
    fn add(mut self, rhs: char) -> Self {
        self.make_mut().push(rhs);
        self
    }
}
/// `&string + value`: a new string (the same as cloning first).
macro_rules! add_to_ref {
    ($($rhs:ty),*) => {$(
        impl Add<$rhs> for &ImmutableString {
            type Output = ImmutableString;
            fn add(self, rhs: $rhs) -> ImmutableString {
                self.clone() + rhs
            }
        }
    )*};
}

add_to_ref!(ImmutableString, String, char);

impl AddAssign for ImmutableString {
    fn add_assign(&mut self, rhs: Self) {
        if self.is_empty() {
            *self = rhs;
        } else if !rhs.is_empty() {
            self.make_mut().push_str(&rhs);
        }
    }
}
impl AddAssign<&ImmutableString> for ImmutableString {
    fn add_assign(&mut self, rhs: &ImmutableString) {
        *self += rhs.as_str();
    }
}
impl AddAssign<&str> for ImmutableString {
    fn add_assign(&mut self, rhs: &str) {
        if !rhs.is_empty() {
            self.make_mut().push_str(rhs);
        }
    }
}
impl AddAssign<String> for ImmutableString {
    fn add_assign(&mut self, rhs: String) {
        *self += rhs.as_str();
    }
}
impl AddAssign<char> for ImmutableString {
    fn add_assign(&mut self, rhs: char) {
        self.make_mut().push(rhs);
    }
}

/// Remove every occurrence of `rhs` from the text.
fn remove_all(s: &str, rhs: &str) -> ImmutableString {
    if rhs.is_empty() {
        s.into()
    } else {
        s.replace(rhs, "").into()
    }
}

impl Sub for ImmutableString {
    type Output = Self;
    fn sub(self, rhs: Self) -> Self {
        remove_all(&self, &rhs)
    }
}
impl Sub<&str> for ImmutableString {
    type Output = Self;
    fn sub(self, rhs: &str) -> Self {
        remove_all(&self, rhs)
    }
}
impl Sub<String> for ImmutableString {
    type Output = Self;
    fn sub(self, rhs: String) -> Self {
        remove_all(&self, &rhs)
    }
}
impl Sub<char> for ImmutableString {
    type Output = Self;
    fn sub(self, rhs: char) -> Self {
        self.chars().filter(|&c| c != rhs).collect()
    }
}
/// `&string - value`: a new string without the occurrences of `value`.
macro_rules! sub_from_ref {
    ($($rhs:ty),*) => {$(
        impl Sub<$rhs> for &ImmutableString {
            type Output = ImmutableString;
            fn sub(self, rhs: $rhs) -> ImmutableString {
                self.clone() - rhs
            }
        }
    )*};
}

sub_from_ref!(&str, String, char);

impl Sub<&ImmutableString> for &ImmutableString {
    type Output = ImmutableString;
    fn sub(self, rhs: &ImmutableString) -> ImmutableString {
        remove_all(self, rhs)
    }
}

impl SubAssign for ImmutableString {
    fn sub_assign(&mut self, rhs: Self) {
        *self = remove_all(self, &rhs);
    }
}
impl SubAssign<&ImmutableString> for ImmutableString {
    fn sub_assign(&mut self, rhs: &ImmutableString) {
        *self = remove_all(self, rhs);
    }
}
impl SubAssign<&str> for ImmutableString {
    fn sub_assign(&mut self, rhs: &str) {
        *self = remove_all(self, rhs);
    }
}
impl SubAssign<String> for ImmutableString {
    fn sub_assign(&mut self, rhs: String) {
        *self = remove_all(self, &rhs);
    }
}
impl SubAssign<char> for ImmutableString {
    fn sub_assign(&mut self, rhs: char) {
        *self = self.clone() - rhs;
    }
}

impl<S: AsRef<str>> PartialEq<S> for ImmutableString {
    #[inline]
    fn eq(&self, other: &S) -> bool {
        self.as_str() == other.as_ref()
    }
}
impl<S: AsRef<str>> PartialOrd<S> for ImmutableString {
    #[inline]
    fn partial_cmp(&self, other: &S) -> Option<Ordering> {
        self.as_str().partial_cmp(other.as_ref())
    }
}

/// `PartialEq` and `PartialOrd` between two text types, compared as `&str`.
macro_rules! compare_as_str {
    ($($lhs:ty => $rhs:ty),+ $(,)?) => {$(
        impl PartialEq<$rhs> for $lhs {
            #[inline]
            fn eq(&self, other: &$rhs) -> bool {
                AsRef::<str>::as_ref(self) == AsRef::<str>::as_ref(other)
            }
        }
        impl PartialOrd<$rhs> for $lhs {
            #[inline]
            fn partial_cmp(&self, other: &$rhs) -> Option<Ordering> {
                AsRef::<str>::as_ref(self).partial_cmp(AsRef::<str>::as_ref(other))
            }
        }
    )+};
}

compare_as_str! {
    ImmutableString => str,
    &ImmutableString => str,
    &ImmutableString => String,
    str => ImmutableString,
    &str => ImmutableString,
    String => ImmutableString,
    String => &ImmutableString,
    &String => ImmutableString,
}

#[cfg(feature = "serde")]
impl serde::Serialize for ImmutableString {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for ImmutableString {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Into::into)
    }
}
