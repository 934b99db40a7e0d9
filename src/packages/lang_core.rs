//! Language-core functions beyond the evaluator's intrinsics, function-pointer methods and
//! timestamps.

use super::reg::{f, prop};
use crate::module::Module;
use crate::{Dynamic, EvalAltResult, FnPtr, ImmutableString, Instant, FLOAT, INT};

/// Register the core functions.
pub(crate) fn init(m: &mut Module) {
    f(m, "sleep", |seconds: FLOAT| {
        if seconds > 0.0 && seconds.is_finite() {
            std::thread::sleep(std::time::Duration::from_secs_f64(seconds.min(86_400.0)));
        }
    });
    f(m, "sleep", |seconds: INT| {
        if seconds > 0 {
            std::thread::sleep(std::time::Duration::from_secs(seconds.min(86_400) as u64));
        }
    });
    f(
        m,
        "take",
        |v: &mut Dynamic| -> Result<Dynamic, Box<EvalAltResult>> {
            if v.is_read_only() {
                return Err(EvalAltResult::ErrorNonPureMethodCallOnConstant(
                    "take".into(),
                    crate::Position::NONE,
                )
                .into());
            }
            Ok(v.take())
        },
    );
}

/// Register the tag accessors of every value.
pub(crate) fn init_tags(m: &mut Module) {
    prop(m, "tag", |v: &mut Dynamic| INT::from(v.tag()));
    for name in ["set_tag", "set$tag"] {
        super::reg::f_mut(
            m,
            name,
            |v: &mut Dynamic, tag: INT| -> Result<(), Box<EvalAltResult>> {
                let tag = i32::try_from(tag).map_err(|_| -> Box<EvalAltResult> {
                    EvalAltResult::ErrorArithmetic(
                        format!("tag out of range: {tag}"),
                        crate::Position::NONE,
                    )
                    .into()
                })?;
                v.set_tag(tag);
                Ok(())
            },
        );
    }
}

/// Register the function-pointer methods.
pub(crate) fn init_fn(m: &mut Module) {
    prop(m, "name", |p: &mut FnPtr| {
        ImmutableString::from(p.fn_name())
    });
    prop(m, "is_anonymous", |p: &mut FnPtr| p.is_anonymous());
}

fn time_error(message: String) -> Box<EvalAltResult> {
    EvalAltResult::ErrorArithmetic(message, crate::Position::NONE).into()
}

/// A timestamp moved forward (`forward`) or back by whole seconds; an error names the
/// operation and the seconds as given.
fn shift_by_int(t: Instant, secs: INT, forward: bool) -> Result<Instant, Box<EvalAltResult>> {
    let delta = core::time::Duration::from_secs(secs.unsigned_abs());
    let moved = if forward == (secs >= 0) {
        t.checked_add(delta)
    } else {
        t.checked_sub(delta)
    };
    let verb = if forward { "adding" } else { "subtracting" };
    moved.ok_or_else(|| time_error(format!("Timestamp overflow when {verb} {secs} second(s)")))
}

/// A timestamp moved forward (`forward`) or back by seconds, in whole milliseconds; a
/// negative amount moves the other way, NaN not at all.
fn shift_by_float(t: Instant, secs: FLOAT, forward: bool) -> Result<Instant, Box<EvalAltResult>> {
    if secs < 0.0 {
        return shift_by_float(t, -secs, !forward);
    }
    let verb = if forward { "add" } else { "subtract" };
    let error = || time_error(format!("Integer overflow for timestamp {verb}: {secs}"));
    if secs > INT::MAX as FLOAT {
        return Err(error());
    }
    let delta = core::time::Duration::from_millis((secs * 1000.0) as u64);
    let moved = if forward {
        t.checked_add(delta)
    } else {
        t.checked_sub(delta)
    };
    moved.ok_or_else(error)
}

/// Register the timestamp functions.
pub(crate) fn init_time(m: &mut Module) {
    f(m, "timestamp", Instant::now);
    prop(m, "elapsed", |t: &mut Instant| t.elapsed().as_secs_f64());
    f(m, "-", |a: Instant, b: Instant| -> FLOAT {
        if a >= b {
            (a - b).as_secs_f64()
        } else {
            -(b - a).as_secs_f64()
        }
    });
    f(m, "+", |t: Instant, secs: FLOAT| {
        shift_by_float(t, secs, true)
    });
    f(m, "-", |t: Instant, secs: FLOAT| {
        shift_by_float(t, secs, false)
    });
    f(m, "+", |t: Instant, secs: INT| shift_by_int(t, secs, true));
    f(m, "-", |t: Instant, secs: INT| shift_by_int(t, secs, false));
    f(m, "==", |a: Instant, b: Instant| a == b);
    f(m, "!=", |a: Instant, b: Instant| a != b);
    f(m, "<", |a: Instant, b: Instant| a < b);
    f(m, "<=", |a: Instant, b: Instant| a <= b);
    f(m, ">", |a: Instant, b: Instant| a > b);
    f(m, ">=", |a: Instant, b: Instant| a >= b);
}
