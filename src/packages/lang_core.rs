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

/// `parse_json(text)`: any JSON value as a Rhai value (objects become maps, `null` becomes
/// `()`, numbers without a decimal point `INT`). Malformed JSON is a runtime error carrying
/// the JSON parser's message (our choice: the book names no error).
#[cfg(feature = "metadata")]
pub(crate) fn init_json(m: &mut Module) {
    f(
        m,
        "parse_json",
        |text: &str| -> Result<Dynamic, Box<EvalAltResult>> {
            serde_json::from_str::<Dynamic>(text).map_err(|err| {
                EvalAltResult::ErrorRuntime(
                    format!("invalid JSON: {err}").into(),
                    crate::Position::NONE,
                )
                .into()
            })
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

/// A timestamp moved by a number of seconds (back when negative); an error when the result
/// is not a representable time.
fn shift_time(t: Instant, secs: FLOAT) -> Result<Instant, Box<EvalAltResult>> {
    let out_of_range = || -> Box<EvalAltResult> {
        EvalAltResult::ErrorArithmetic(
            format!("timestamp out of range after adding {secs} seconds"),
            crate::Position::NONE,
        )
        .into()
    };
    let delta = core::time::Duration::try_from_secs_f64(secs.abs()).map_err(|_| out_of_range())?;
    let moved = if secs >= 0.0 {
        t.checked_add(delta)
    } else {
        t.checked_sub(delta)
    };
    moved.ok_or_else(out_of_range)
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
    f(m, "+", |t: Instant, secs: FLOAT| shift_time(t, secs));
    f(m, "-", |t: Instant, secs: FLOAT| shift_time(t, -secs));
    f(m, "+", |t: Instant, secs: INT| shift_time(t, secs as FLOAT));
    f(m, "-", |t: Instant, secs: INT| {
        shift_time(t, -(secs as FLOAT))
    });
    f(m, "==", |a: Instant, b: Instant| a == b);
    f(m, "!=", |a: Instant, b: Instant| a != b);
    f(m, "<", |a: Instant, b: Instant| a < b);
    f(m, ">", |a: Instant, b: Instant| a > b);
}
