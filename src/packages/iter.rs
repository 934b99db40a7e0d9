//! Ranges and iteration helpers: integer ranges as `for` sources and range indices.

use crate::value::dynamic::Union;
use crate::{Dynamic, INT};
use core::ops::{Range, RangeInclusive};

/// An integer range value (`a..b` or `a..=b`) as an iterator of its integers.
pub(crate) fn as_int_range(value: &Dynamic) -> Option<core::iter::StepBy<Range<INT>>> {
    let (start, end) = range_bounds(value)?;
    Some((start..end).step_by(1))
}

/// The start and exclusive end of a range value.
pub(crate) fn range_bounds(value: &Dynamic) -> Option<(INT, INT)> {
    let Union::Variant(v, ..) = &value.0 else {
        return None;
    };
    let any = (***v).as_any();
    if let Some(r) = any.downcast_ref::<Range<INT>>() {
        return Some((r.start, r.end));
    }
    if let Some(r) = any.downcast_ref::<RangeInclusive<INT>>() {
        return Some((*r.start(), r.end().saturating_add(1)));
    }
    None
}
