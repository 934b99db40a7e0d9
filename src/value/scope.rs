//! `Scope`: named variables and constants that persist between runs — and, while a script
//! runs, the evaluator's value stack itself.
//!
//! Layout: parallel vectors of values and names. A variable's index never changes while it
//! lives, which is what lets the parser resolve variables to frame-relative slots. Constants
//! are values whose access mode is `ReadOnly`. Lookups by name search from the end, so the
//! latest (shadowing) definition wins.

use crate::value::dynamic::AccessMode;
use crate::value::string::SmartString;
use crate::{Dynamic, ImmutableString, Variant};
use core::fmt;
use core::marker::PhantomData;

/// A stack of named variables and constants.
#[derive(Debug, Clone, Hash, Default)]
pub struct Scope<'a> {
    pub(crate) values: Vec<Dynamic>,
    pub(crate) names: Vec<ImmutableString>,
    /// Export aliases (only for variables exported from modules); indexed like `values`.
    pub(crate) aliases: Vec<Vec<ImmutableString>>,
    dummy: PhantomData<&'a ()>,
}

impl fmt::Display for Scope<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (name, constant, value)) in self.entries().enumerate() {
            let kind = if constant { "const " } else { "" };
            writeln!(f, "[{}] {kind}{name} = {value:?}", i + 1)?;
        }
        Ok(())
    }
}

impl<'a> Scope<'a> {
    /// A new empty scope.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            values: Vec::new(),
            names: Vec::new(),
            aliases: Vec::new(),
            dummy: PhantomData,
        }
    }

    /// A new empty scope with room for `capacity` variables.
    #[must_use]
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            values: Vec::with_capacity(capacity),
            names: Vec::with_capacity(capacity),
            aliases: Vec::new(),
            dummy: PhantomData,
        }
    }

    /// Remove everything.
    pub fn clear(&mut self) -> &mut Self {
        self.values.clear();
        self.names.clear();
        self.aliases.clear();
        self
    }

    /// The number of entries.
    #[inline(always)]
    #[must_use]
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Is it empty?
    #[inline(always)]
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Add a variable.
    pub fn push(&mut self, name: impl Into<SmartString>, value: impl Variant + Clone) -> &mut Self {
        self.push_entry(
            name.into().into(),
            Dynamic::from(value),
            AccessMode::ReadWrite,
        )
    }

    /// Add a variable holding a `Dynamic`.
    pub fn push_dynamic(&mut self, name: impl Into<SmartString>, value: Dynamic) -> &mut Self {
        let mode = value.access_mode();
        self.push_entry(name.into().into(), value, mode)
    }

    /// Add a constant.
    pub fn push_constant(
        &mut self,
        name: impl Into<SmartString>,
        value: impl Variant + Clone,
    ) -> &mut Self {
        self.push_entry(
            name.into().into(),
            Dynamic::from(value),
            AccessMode::ReadOnly,
        )
    }

    /// Add a constant holding a `Dynamic`.
    pub fn push_constant_dynamic(
        &mut self,
        name: impl Into<SmartString>,
        value: Dynamic,
    ) -> &mut Self {
        self.push_entry(name.into().into(), value, AccessMode::ReadOnly)
    }

    #[inline]
    pub(crate) fn push_entry(
        &mut self,
        name: ImmutableString,
        mut value: Dynamic,
        mode: AccessMode,
    ) -> &mut Self {
        value.set_access_mode(mode);
        self.names.push(name);
        self.values.push(value);
        self
    }

    /// Push a value under a name (the evaluator's fast path: no access-mode change).
    #[inline(always)]
    pub(crate) fn push_raw(&mut self, name: ImmutableString, value: Dynamic) {
        self.names.push(name);
        self.values.push(value);
    }

    /// Remove the last entry.
    pub fn pop(&mut self) -> &mut Self {
        self.names.pop();
        self.values.pop();
        self.aliases.truncate(self.values.len());
        self
    }

    /// Truncate to `size` entries.
    #[inline]
    pub fn rewind(&mut self, size: usize) -> &mut Self {
        self.values.truncate(size);
        self.names.truncate(size);
        if !self.aliases.is_empty() {
            self.aliases.truncate(size);
        }
        self
    }

    /// Does a variable of this name exist?
    #[must_use]
    pub fn contains(&self, name: &str) -> bool {
        self.names.iter().any(|n| n.as_str() == name)
    }

    /// The index of the latest entry with this name.
    #[inline]
    #[must_use]
    pub(crate) fn search(&self, name: &str) -> Option<usize> {
        self.names.iter().rposition(|n| n.as_str() == name)
    }

    /// The index of the latest entry with this name at or above `base`.
    #[inline]
    #[must_use]
    pub(crate) fn search_from(&self, base: usize, name: &str) -> Option<usize> {
        self.names
            .get(base..)?
            .iter()
            .rposition(|n| n.as_str() == name)
            .map(|i| i + base)
    }

    /// The value of the latest variable of this name, cast to `T`.
    #[must_use]
    pub fn get_value<T: Variant + Clone>(&self, name: &str) -> Option<T> {
        self.search(name)
            .and_then(|i| self.values[i].flatten_clone().try_cast())
    }

    /// A reference to the value of the latest variable of this name, if it is a `T` (and not
    /// shared).
    #[must_use]
    pub fn get_value_ref<T: Variant + Clone>(&self, name: &str) -> Option<&T> {
        self.search(name)
            .and_then(|i| self.values[i].downcast_ref())
    }

    /// A mutable reference to the value of the latest variable of this name, if it is a `T`
    /// (and not shared, not constant).
    #[must_use]
    pub fn get_value_mut<T: Variant + Clone>(&mut self, name: &str) -> Option<&mut T> {
        let i = self.search(name)?;
        if self.values[i].is_read_only() {
            return None;
        }
        self.values[i].downcast_mut()
    }

    /// Is the latest entry of this name a constant? `None` if there is none.
    #[must_use]
    pub fn is_constant(&self, name: &str) -> Option<bool> {
        self.search(name)
            .map(|i| self.values[i].access_mode() == AccessMode::ReadOnly)
    }

    /// Set the latest variable of this name, or push a new one if there is none (or it is a
    /// constant).
    pub fn set_or_push(
        &mut self,
        name: impl AsRef<str> + Into<SmartString>,
        value: impl Variant + Clone,
    ) -> &mut Self {
        match self.search(name.as_ref()) {
            Some(i) if self.values[i].access_mode() == AccessMode::ReadWrite => {
                self.set_at(i, Dynamic::from(value));
                self
            }
            _ => self.push(name, value),
        }
    }

    /// Set the latest variable of this name, pushing a new one if there is none.
    ///
    /// # Panics
    /// When the variable is a constant (as the published API documents).
    pub fn set_value(
        &mut self,
        name: impl AsRef<str> + Into<SmartString>,
        value: impl Variant + Clone,
    ) -> &mut Self {
        match self.search(name.as_ref()) {
            None => self.push(name, value),
            Some(i) if self.values[i].access_mode() == AccessMode::ReadOnly => {
                panic!("variable {} is constant", name.as_ref())
            }
            Some(i) => {
                self.set_at(i, Dynamic::from(value));
                self
            }
        }
    }

    /// Write into slot `i`, through the lock if the variable is shared.
    fn set_at(&mut self, i: usize, value: Dynamic) {
        let slot = &mut self.values[i];
        if let crate::value::dynamic::Union::Shared(cell, ..) = &slot.0 {
            if let Some(mut guard) = crate::value::lock::write(cell) {
                *guard = value;
                return;
            }
        }
        *slot = value;
    }

    /// A reference to the latest entry of this name.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&Dynamic> {
        self.search(name).map(|i| &self.values[i])
    }

    /// A mutable reference to the latest entry of this name; `None` for a constant.
    #[must_use]
    pub fn get_mut(&mut self, name: &str) -> Option<&mut Dynamic> {
        let i = self.search(name)?;
        if self.values[i].access_mode() == AccessMode::ReadOnly {
            None
        } else {
            Some(&mut self.values[i])
        }
    }

    /// Remove the latest entry of this name and return its value.
    pub fn remove<T: Variant + Clone>(&mut self, name: &str) -> Option<T> {
        let i = self.search(name)?;
        self.names.remove(i);
        if i < self.aliases.len() {
            self.aliases.remove(i);
        }
        self.values.remove(i).try_cast()
    }

    /// Export the latest entry of this name under an alias.
    pub fn set_alias(
        &mut self,
        name: impl AsRef<str> + Into<SmartString>,
        alias: impl Into<ImmutableString>,
    ) {
        if let Some(i) = self.search(name.as_ref()) {
            self.add_alias_at(i, alias.into());
        }
    }

    /// Export the entry at `index` under `alias` too.
    pub(crate) fn add_alias_at(&mut self, index: usize, alias: ImmutableString) {
        if self.aliases.len() <= index {
            self.aliases.resize(index + 1, Vec::new());
        }
        if !self.aliases[index].contains(&alias) {
            self.aliases[index].push(alias);
        }
    }

    /// A copy keeping only the latest entry of each name.
    #[must_use]
    pub fn clone_visible(&self) -> Self {
        let mut scope = Self::new();
        for i in (0..self.len()).rev() {
            if !scope.contains(&self.names[i]) {
                scope.push_raw(self.names[i].clone(), self.values[i].clone());
            }
        }
        scope.names.reverse();
        scope.values.reverse();
        scope
    }

    /// Iterate `(name, is_constant, value)` from the first entry, values flattened.
    pub fn iter(&self) -> impl Iterator<Item = (&str, bool, Dynamic)> {
        self.entries().map(|(n, c, v)| (n, c, v.flatten_clone()))
    }

    /// Iterate `(name, is_constant, &value)` from the latest entry back to the first.
    pub fn iter_raw(&self) -> impl Iterator<Item = (&str, bool, &Dynamic)> {
        self.entries().rev()
    }

    /// `(name, is_constant, &value)` from the first entry.
    pub(crate) fn entries(&self) -> impl DoubleEndedIterator<Item = (&str, bool, &Dynamic)> {
        self.names
            .iter()
            .zip(self.values.iter())
            .map(|(n, v)| (n.as_str(), v.access_mode() == AccessMode::ReadOnly, v))
    }
}

impl<K: Into<SmartString>> Extend<(K, Dynamic)> for Scope<'_> {
    fn extend<T: IntoIterator<Item = (K, Dynamic)>>(&mut self, iter: T) {
        for (name, value) in iter {
            self.push_dynamic(name, value);
        }
    }
}

impl<K: Into<SmartString>> Extend<(K, bool, Dynamic)> for Scope<'_> {
    fn extend<T: IntoIterator<Item = (K, bool, Dynamic)>>(&mut self, iter: T) {
        for (name, is_constant, value) in iter {
            if is_constant {
                self.push_constant_dynamic(name, value);
            } else {
                self.push_dynamic(name, value);
            }
        }
    }
}

impl<K: Into<SmartString>> FromIterator<(K, Dynamic)> for Scope<'_> {
    fn from_iter<T: IntoIterator<Item = (K, Dynamic)>>(iter: T) -> Self {
        let mut scope = Self::new();
        scope.extend(iter);
        scope
    }
}

impl<K: Into<SmartString>> FromIterator<(K, bool, Dynamic)> for Scope<'_> {
    fn from_iter<T: IntoIterator<Item = (K, bool, Dynamic)>>(iter: T) -> Self {
        let mut scope = Self::new();
        scope.extend(iter);
        scope
    }
}

impl<'a> IntoIterator for Scope<'a> {
    type Item = (String, Dynamic, Vec<ImmutableString>);
    type IntoIter = Box<dyn Iterator<Item = Self::Item> + 'a>;

    /// Each entry as `(name, value, export aliases)`.
    fn into_iter(self) -> Self::IntoIter {
        let entries = self.names.into_iter().zip(self.values);
        let aliases = self
            .aliases
            .into_iter()
            .chain(core::iter::repeat_with(Vec::new));
        Box::new(
            entries
                .zip(aliases)
                .map(|((name, value), aliases)| (name.into_owned(), value, aliases)),
        )
    }
}
