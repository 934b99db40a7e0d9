//! The storage of arrays and maps inside `Dynamic`, and how nested values are destroyed.
//!
//! Values nest (arrays in arrays, maps in maps, closures capturing closures) as deep as a
//! script likes, and the compiler's recursive drop would overflow the stack on deep nesting.
//! So every container of values (`ArrayData`, `MapData`, `FnPtr`) drops its values itself:
//! recursively while fewer than `MAX_DROP_DEPTH` containers are dropping inside each other on
//! this thread, and past that through a work list, which turns the rest into a loop. Flat
//! values are untouched: only freeing a container pays for the check.

use crate::config::Shared;
use crate::value::dynamic::Union;
use crate::{Array, Dynamic, Map};
use core::cell::Cell;
use core::ops::{Deref, DerefMut};

/// The storage behind an array value.
#[derive(Clone, Default)]
pub(crate) struct ArrayData(pub(crate) Array);

/// The storage behind an object-map value.
#[derive(Clone, Default)]
pub(crate) struct MapData(pub(crate) Map);

impl Deref for ArrayData {
    type Target = Array;
    #[inline(always)]
    fn deref(&self) -> &Array {
        &self.0
    }
}

impl DerefMut for ArrayData {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut Array {
        &mut self.0
    }
}

impl Deref for MapData {
    type Target = Map;
    #[inline(always)]
    fn deref(&self) -> &Map {
        &self.0
    }
}

impl DerefMut for MapData {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut Map {
        &mut self.0
    }
}

impl Drop for ArrayData {
    fn drop(&mut self) {
        if !self.0.is_empty() {
            drop_values(&mut self.0);
        }
    }
}

impl Drop for MapData {
    fn drop(&mut self) {
        if !self.0.is_empty() {
            drop_values(&mut self.0);
        }
    }
}

/// A container whose values can be moved out for destruction.
pub(crate) trait Values: Default {
    /// Move every value that may hold more values into `out`.
    fn take_nesting(&mut self, out: &mut Vec<Dynamic>);
}

impl Values for Array {
    fn take_nesting(&mut self, out: &mut Vec<Dynamic>) {
        take_from(self.iter_mut(), out);
    }
}

impl Values for Map {
    fn take_nesting(&mut self, out: &mut Vec<Dynamic>) {
        take_from(self.values_mut(), out);
    }
}

/// How many containers may be dropping inside each other before the work list takes over.
const MAX_DROP_DEPTH: usize = 64;

std::thread_local! {
    /// How many containers are dropping inside each other on this thread right now.
    static DROP_DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// Destroy a container's values (leaving it empty) without unbounded recursion.
pub(crate) fn drop_values(values: &mut impl Values) {
    let depth = DROP_DEPTH.with(Cell::get);
    if depth < MAX_DROP_DEPTH {
        DROP_DEPTH.with(|d| d.set(depth + 1));
        drop(core::mem::take(values));
        DROP_DEPTH.with(|d| d.set(depth));
        return;
    }
    // Each value taken off the list first hands over its own nesting values, so dropping it
    // recurses no further.
    let mut pending = Vec::new();
    values.take_nesting(&mut pending);
    while let Some(mut value) = pending.pop() {
        take_nested(&mut value, &mut pending);
    }
}

/// Can this value hold values that could hold more?
#[inline]
fn may_nest(value: &Dynamic) -> bool {
    matches!(
        value.0,
        Union::Array(..) | Union::Map(..) | Union::FnPtr(..) | Union::Shared(..)
    )
}

fn take_from<'a>(values: impl Iterator<Item = &'a mut Dynamic>, out: &mut Vec<Dynamic>) {
    out.extend(values.filter(|v| may_nest(v)).map(core::mem::take));
}

/// Move the nesting values held by `value` (when nothing else holds it) into `out`.
fn take_nested(value: &mut Dynamic, out: &mut Vec<Dynamic>) {
    match &mut value.0 {
        Union::Array(a, ..) => {
            if let Some(a) = Shared::get_mut(a) {
                a.0.take_nesting(out);
            }
        }
        Union::Map(m, ..) => {
            if let Some(m) = Shared::get_mut(m) {
                m.0.take_nesting(out);
            }
        }
        Union::FnPtr(p, ..) => p.curry.take_nesting(out),
        Union::Shared(cell, ..) => {
            if let Some(cell) = Shared::get_mut(cell) {
                let inner = crate::value::lock::get_mut(cell);
                if may_nest(inner) {
                    out.push(core::mem::take(inner));
                }
            }
        }
        _ => (),
    }
}
