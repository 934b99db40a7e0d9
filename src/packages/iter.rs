//! Ranges and iteration: `range(from, to [, step])`, integer ranges as `for` sources and as
//! indices, and the range functions (`start`, `end`, `contains`…).

use super::reg;
use crate::module::Module;
use crate::value::dynamic::Union;
use crate::{Dynamic, EvalAltResult, Position, INT};
use core::any::TypeId;
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

/// A stepped integer range, iterable in `for`.
#[derive(Clone, Debug)]
pub struct StepRange {
    next: INT,
    end: INT,
    step: INT,
}

impl Iterator for StepRange {
    type Item = INT;
    fn next(&mut self) -> Option<INT> {
        let done = if self.step > 0 {
            self.next >= self.end
        } else {
            self.next <= self.end
        };
        if done {
            return None;
        }
        let current = self.next;
        match self.next.checked_add(self.step) {
            Some(n) => self.next = n,
            None => self.next = self.end,
        }
        Some(current)
    }
}

fn int(args: &[&mut Dynamic], i: usize) -> INT {
    args.get(i).and_then(|a| a.as_int().ok()).unwrap_or(0)
}

/// Register the iterator functions.
pub(crate) fn init(module: &mut Module) {
    let t = TypeId::of::<INT>();
    reg::pure(module, "range", &[t, t], |_, args| {
        Ok(Dynamic::from(int(args, 0)..int(args, 1)))
    });
    reg::pure(module, "range", &[t, t, t], |_, args| {
        let step = int(args, 2);
        if step == 0 {
            return Err(EvalAltResult::ErrorArithmetic(
                "step value cannot be zero".into(),
                Position::NONE,
            )
            .into());
        }
        Ok(Dynamic::from(StepRange {
            next: int(args, 0),
            end: int(args, 1),
            step,
        }))
    });
    module.set_iter(TypeId::of::<StepRange>(), |v| {
        let r = v.try_cast::<StepRange>();
        Box::new(r.into_iter().flatten().map(Dynamic::from_int))
    });
    module.set_iter(TypeId::of::<Range<INT>>(), |v| {
        let r = v.try_cast::<Range<INT>>().unwrap_or(0..0);
        Box::new(r.map(Dynamic::from_int))
    });
    module.set_iter(TypeId::of::<RangeInclusive<INT>>(), |v| {
        let r = v
            .try_cast::<RangeInclusive<INT>>()
            .unwrap_or(RangeInclusive::new(1, 0));
        Box::new(r.map(Dynamic::from_int))
    });
    for id in [
        TypeId::of::<Range<INT>>(),
        TypeId::of::<RangeInclusive<INT>>(),
    ] {
        reg::method(module, "contains", &[id, t], true, |_, args| {
            let n = int(args, 1);
            Ok(Dynamic::from_bool(
                range_bounds(args[0]).is_some_and(|(s, e)| n >= s && n < e),
            ))
        });
        reg::method(module, "start", &[id], true, |_, args| {
            Ok(Dynamic::from_int(range_bounds(args[0]).map_or(0, |r| r.0)))
        });
        reg::method(module, "get$start", &[id], true, |_, args| {
            Ok(Dynamic::from_int(range_bounds(args[0]).map_or(0, |r| r.0)))
        });
    }
}
