//! Ranges and iteration: `range(from, to [, step])`, integer ranges as `for` sources and as
//! indices, and the range functions (`start`, `end`, `contains`…).

use super::array::{count, position, range_span};
use super::reg::{f, prop};
use crate::module::Module;
use crate::value::dynamic::Union;
use crate::{Dynamic, EvalAltResult, ImmutableString, Position, FLOAT, INT};
use core::ops::{Range, RangeInclusive};

/// An integer range value (`a..b` or `a..=b`) as an iterator of its integers, for `for`
/// loops. An inclusive range ending at `INT::MAX` is left to the general iterator (its end
/// has no exclusive form).
pub(crate) fn as_int_range(value: &Dynamic) -> Option<core::iter::StepBy<Range<INT>>> {
    let Union::Variant(v, ..) = &value.0 else {
        return None;
    };
    let any = (***v).as_any();
    if let Some(r) = any.downcast_ref::<Range<INT>>() {
        return Some(r.clone().step_by(1));
    }
    let r = any.downcast_ref::<RangeInclusive<INT>>()?;
    let end = r.end().checked_add(1)?;
    Some((*r.start()..end).step_by(1))
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

/// A number that a stepped range can count with.
pub trait StepNumber: Copy + PartialOrd + Default + crate::Variant + Clone {
    /// `self + step`, none when it overflows.
    fn add_step(self, step: Self) -> Option<Self>;
}

impl StepNumber for INT {
    fn add_step(self, step: Self) -> Option<Self> {
        self.checked_add(step)
    }
}

impl StepNumber for FLOAT {
    fn add_step(self, step: Self) -> Option<Self> {
        Some(self + step)
    }
}

/// A stepped range (`range(from, to, step)`), end excluded, iterable in `for`. The step
/// after the last value must be computable: a value whose successor overflows ends the
/// range without being given.
#[derive(Clone, Debug)]
pub struct StepRange<T: StepNumber> {
    next: T,
    end: T,
    step: T,
}

impl<T: StepNumber> Iterator for StepRange<T> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        // Written as "still inside" so that a NaN bound ends a float range at once.
        let inside = if self.step > T::default() {
            self.next < self.end
        } else {
            self.next > self.end
        };
        if !inside {
            return None;
        }
        let current = self.next;
        self.next = self.next.add_step(self.step)?;
        Some(current)
    }
}

/// `range(from, to, step)`: a zero step is an error, reported as raised inside `range`.
fn step_range<T: StepNumber>(
    start: T,
    end: T,
    step: T,
) -> Result<StepRange<T>, Box<EvalAltResult>> {
    if step == T::default() {
        let inner =
            EvalAltResult::ErrorArithmetic("step value cannot be zero".into(), Position::NONE);
        return Err(EvalAltResult::ErrorInFunctionCall(
            "range".into(),
            String::new(),
            inner.into(),
            Position::NONE,
        )
        .into());
    }
    Ok(StepRange {
        next: start,
        end,
        step,
    })
}

/// Register the iterator functions.
pub(crate) fn init(m: &mut Module) {
    f(m, "range", |a: INT, b: INT| a..b);
    f(m, "range", |a: INT, b: INT, step: INT| {
        step_range(a, b, step)
    });
    f(m, "range", |a: FLOAT, b: FLOAT, step: FLOAT| {
        step_range(a, b, step)
    });
    f(m, "range", |r: Range<INT>, step: INT| {
        step_range(r.start, r.end, step)
    });
    m.set_iterator::<StepRange<INT>>();
    m.set_iterator::<StepRange<FLOAT>>();
    m.set_iterable::<Range<INT>>();
    m.set_iterable::<RangeInclusive<INT>>();
    f(m, "contains", |r: &mut Range<INT>, n: INT| r.contains(&n));
    f(m, "contains", |r: &mut RangeInclusive<INT>, n: INT| {
        r.contains(&n)
    });
    prop(m, "start", |r: &mut Range<INT>| r.start);
    prop(m, "end", |r: &mut Range<INT>| r.end);
    prop(m, "start", |r: &mut RangeInclusive<INT>| *r.start());
    prop(m, "end", |r: &mut RangeInclusive<INT>| *r.end());
    prop(m, "is_inclusive", |_: &mut Range<INT>| false);
    prop(m, "is_inclusive", |_: &mut RangeInclusive<INT>| true);
    prop(m, "is_exclusive", |_: &mut Range<INT>| true);
    prop(m, "is_exclusive", |_: &mut RangeInclusive<INT>| false);
    prop(m, "is_empty", |r: &mut Range<INT>| r.is_empty());
    prop(m, "is_empty", |r: &mut RangeInclusive<INT>| r.is_empty());
    prop(m, "chars", |s: &mut ImmutableString| {
        chars_in(s, 0, INT::MAX)
    });
    f(m, "chars", |s: &mut ImmutableString, start: INT| {
        chars_in(s, start, INT::MAX)
    });
    f(
        m,
        "chars",
        |s: &mut ImmutableString, start: INT, len: INT| chars_in(s, start, len),
    );
    f(m, "chars", |s: &mut ImmutableString, r: Range<INT>| {
        chars_in_range(s, r.start, r.end)
    });
    f(
        m,
        "chars",
        |s: &mut ImmutableString, r: RangeInclusive<INT>| {
            chars_in_range(s, *r.start(), r.end().saturating_add(1))
        },
    );
    m.set_iterator::<CharsStream>();
}

/// The characters of `s` from position `start` (negative: from the end), at most `len`.
fn chars_in(s: &str, start: INT, len: INT) -> CharsStream {
    let start = position(start, s.chars().count());
    CharsStream(
        s.chars()
            .skip(start)
            .take(count(len))
            .collect::<Vec<_>>()
            .into_iter(),
    )
}

/// The characters of `s` in the positions `start..end` (clamped; no counting from the end).
fn chars_in_range(s: &str, start: INT, end: INT) -> CharsStream {
    let (a, b) = range_span(start, end, s.chars().count());
    CharsStream(
        s.chars()
            .skip(a)
            .take(b - a)
            .collect::<Vec<_>>()
            .into_iter(),
    )
}

/// An iterator over the characters of a string.
#[derive(Clone, Debug)]
pub struct CharsStream(std::vec::IntoIter<char>);

impl Iterator for CharsStream {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        self.0.next()
    }
}

/// An iterator over bits `next..end` of an integer, lowest first, as booleans.
#[derive(Clone, Debug)]
pub struct BitRange {
    value: INT,
    next: usize,
    end: usize,
}

impl BitRange {
    /// The bits `start..end` of `value` (`end` clamped to the width).
    pub(crate) fn new(value: INT, start: usize, end: usize) -> Self {
        Self {
            value,
            next: start,
            end: end.min(INT::BITS as usize),
        }
    }
}

impl Iterator for BitRange {
    type Item = bool;
    fn next(&mut self) -> Option<bool> {
        if self.next >= self.end {
            return None;
        }
        let bit = self.value & (1 << self.next) != 0;
        self.next += 1;
        Some(bit)
    }
}
