//! Ranges and iteration: `range(from, to [, step])`, integer ranges as `for` sources and as
//! indices, and the range functions (`start`, `end`, `contains`…).

use super::array::{count, position, range_span};
use super::reg::{f, prop};
use crate::module::Module;
use crate::value::dynamic::Union;
use crate::{Dynamic, EvalAltResult, ImmutableString, Position, FLOAT, INT};
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
        // A value whose successor overflows ends the range unvisited, as in the published crate.
        let current = self.next;
        let Some(following) = self.next.checked_add(self.step) else {
            self.next = self.end;
            return None;
        };
        self.next = following;
        Some(current)
    }
}

/// A stepped floating-point range (`range(5.0, 0.0, -2.0)`), end excluded.
#[derive(Clone, Debug)]
pub struct FloatStepRange {
    next: FLOAT,
    end: FLOAT,
    step: FLOAT,
}

impl Iterator for FloatStepRange {
    type Item = FLOAT;
    fn next(&mut self) -> Option<FLOAT> {
        // Written as "still inside" so that a NaN bound ends the range at once.
        let inside = if self.step > 0.0 {
            self.next < self.end
        } else {
            self.next > self.end
        };
        if !inside {
            return None;
        }
        let current = self.next;
        self.next += self.step;
        Some(current)
    }
}

/// The error of a `range` with a zero step: raised inside `range`, as the published crate
/// reports it.
fn zero_step() -> Box<EvalAltResult> {
    let inner = EvalAltResult::ErrorArithmetic("step value cannot be zero".into(), Position::NONE);
    EvalAltResult::ErrorInFunctionCall("range".into(), String::new(), inner.into(), Position::NONE)
        .into()
}

fn step_range(start: INT, end: INT, step: INT) -> Result<StepRange, Box<EvalAltResult>> {
    if step == 0 {
        return Err(zero_step());
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
    f(
        m,
        "range",
        |a: FLOAT, b: FLOAT, step: FLOAT| -> Result<FloatStepRange, Box<EvalAltResult>> {
            if step == 0.0 {
                return Err(zero_step());
            }
            Ok(FloatStepRange {
                next: a,
                end: b,
                step,
            })
        },
    );
    m.set_iterator::<FloatStepRange>();
    f(
        m,
        "range",
        |r: Range<INT>, step: INT| -> Result<StepRange, Box<EvalAltResult>> {
            step_range(r.start, r.end, step)
        },
    );
    f(
        m,
        "range",
        |r: RangeInclusive<INT>, step: INT| -> Result<StepRange, Box<EvalAltResult>> {
            let end = if step < 0 {
                r.end().saturating_sub(1)
            } else {
                r.end().saturating_add(1)
            };
            step_range(*r.start(), end, step)
        },
    );
    m.set_iterator::<StepRange>();
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
    f(m, "chars", |s: &mut ImmutableString| {
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
    m.set_iterator::<CharIter>();
}

/// The characters of `s` from position `start` (negative: from the end), at most `len`.
fn chars_in(s: &str, start: INT, len: INT) -> CharIter {
    let start = position(start, s.chars().count());
    CharIter(
        s.chars()
            .skip(start)
            .take(count(len))
            .collect::<Vec<_>>()
            .into_iter(),
    )
}

/// The characters of `s` in the positions `start..end` (clamped; no counting from the end).
fn chars_in_range(s: &str, start: INT, end: INT) -> CharIter {
    let (a, b) = range_span(start, end, s.chars().count());
    CharIter(
        s.chars()
            .skip(a)
            .take(b - a)
            .collect::<Vec<_>>()
            .into_iter(),
    )
}

/// An iterator over the characters of a string.
#[derive(Clone, Debug)]
pub struct CharIter(std::vec::IntoIter<char>);

impl Iterator for CharIter {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        self.0.next()
    }
}
