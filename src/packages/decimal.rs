//! Feature `decimal`: the functions on `Decimal` values (signed-number functions, math,
//! rounding, conversions and parsing). Operators on `Decimal` are built in (`func/builtin.rs`).
//!
//! `rust_decimal` panics on overflow in its operators and plain math methods, so wherever a
//! result can fail to exist only the forms returning `Option` are called: every failure is an
//! arithmetic error.

use super::reg::{f, prop};
use crate::func::builtin::arith;
use crate::module::Module;
use crate::{EvalAltResult, FLOAT, INT};
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::{Decimal, MathematicalOps, RoundingStrategy};

type Res<T> = Result<T, Box<EvalAltResult>>;

/// Register the signed-number functions and `min`/`max` (also mixed with INT).
pub(crate) fn init_arithmetic(m: &mut Module) {
    f(m, "abs", |d: Decimal| d.abs());
    f(m, "sign", |d: Decimal| -> INT {
        if d.is_zero() {
            0
        } else if d.is_sign_negative() {
            -1
        } else {
            1
        }
    });
    prop(m, "is_zero", |d: &mut Decimal| d.is_zero());
    f(m, "min", |a: Decimal, b: Decimal| a.min(b));
    f(m, "max", |a: Decimal, b: Decimal| a.max(b));
    f(m, "min", |a: Decimal, b: INT| a.min(b.into()));
    f(m, "max", |a: Decimal, b: INT| a.max(b.into()));
    f(m, "min", |a: INT, b: Decimal| Decimal::from(a).min(b));
    f(m, "max", |a: INT, b: Decimal| Decimal::from(a).max(b));
}

/// Register math, rounding, conversion and parsing functions. Results of the math functions
/// drop trailing zeros (`sqrt(16)` is `4`, not `4.000…`): their scale carries no meaning.
pub(crate) fn init_math(m: &mut Module) {
    for (name, func) in [
        (
            "sin",
            Decimal::checked_sin as fn(&Decimal) -> Option<Decimal>,
        ),
        ("cos", Decimal::checked_cos),
        ("tan", tan),
        ("exp", exp),
        ("log", Decimal::checked_log10),
    ] {
        f(m, name, move |d: Decimal| -> Res<Decimal> {
            func(&d)
                .map(|r| r.normalize())
                .ok_or_else(|| arith(format!("Decimal out of range: {name}({d})")))
        });
    }
    for (name, func, what) in [
        (
            "sqrt",
            Decimal::sqrt as fn(&Decimal) -> Option<Decimal>,
            "the square root",
        ),
        ("ln", Decimal::checked_ln, "the natural log"),
    ] {
        f(m, name, move |d: Decimal| -> Res<Decimal> {
            func(&d)
                .map(|r| r.normalize())
                .ok_or_else(|| arith(format!("Error taking {what} of {d}")))
        });
    }
    // An integer power must not be negative.
    f(m, "**", |a: Decimal, b: INT| -> Res<Decimal> {
        u64::try_from(b)
            .ok()
            .and_then(|n| a.checked_powu(n))
            .ok_or_else(|| arith(format!("Exponential overflow: {a} ** {b}")))
    });
    f(m, "**", |a: Decimal, b: Decimal| -> Res<Decimal> {
        a.checked_powd(b)
            .ok_or_else(|| arith(format!("Exponential overflow: {a} ** {b}")))
    });
    for (name, func) in [
        ("floor", Decimal::floor as fn(&Decimal) -> Decimal),
        ("ceiling", Decimal::ceil),
        ("round", Decimal::round),
        ("int", Decimal::trunc),
        ("fraction", Decimal::fract),
    ] {
        prop(m, name, move |d: &mut Decimal| func(d));
    }
    for (name, strategy) in [
        ("round", RoundingStrategy::MidpointNearestEven),
        ("round_up", RoundingStrategy::AwayFromZero),
        ("round_down", RoundingStrategy::ToZero),
        ("round_half_up", RoundingStrategy::MidpointAwayFromZero),
        ("round_half_down", RoundingStrategy::MidpointTowardZero),
    ] {
        f(m, name, move |d: Decimal, digits: INT| -> Res<Decimal> {
            Ok(d.round_dp_with_strategy(decimal_places(digits)?, strategy))
        });
    }
    init_conversions(m);
}

fn init_conversions(m: &mut Module) {
    f(m, "to_decimal", |n: INT| Decimal::from(n));
    f(m, "to_decimal", |d: Decimal| d);
    f(m, "to_decimal", |x: FLOAT| -> Res<Decimal> {
        Decimal::from_f64(x)
            .ok_or_else(|| arith(format!("Cannot convert to Decimal: to_decimal({x})")))
    });
    f(m, "to_int", |d: Decimal| -> Res<INT> {
        d.to_i64()
            .ok_or_else(|| arith(format!("Integer overflow: to_int({d})")))
    });
    f(m, "to_float", |d: Decimal| d.as_f64());
    f(m, "parse_decimal", |s: &str| -> Res<Decimal> {
        s.parse::<Decimal>()
            .or_else(|_| Decimal::from_scientific(s))
            .map_err(|e| arith(format!("Error parsing decimal number '{s}': {e}")))
    });
}

/// `e` to a power. Past about -66 the true result is below half the smallest `Decimal`, so it
/// rounds to zero (`rust_decimal` reports no result there).
fn exp(d: &Decimal) -> Option<Decimal> {
    d.checked_exp()
        .or_else(|| d.is_sign_negative().then_some(Decimal::ZERO))
}

/// The tangent as sine over cosine: `rust_decimal`'s own tangent is correct to only about ten
/// places.
fn tan(d: &Decimal) -> Option<Decimal> {
    d.checked_sin()?.checked_div(d.checked_cos()?)
}

/// A number of decimal places to round to: negative counts are errors; counts beyond the
/// 28 places a `Decimal` can hold leave the value as it is.
fn decimal_places(digits: INT) -> Res<u32> {
    if digits < 0 {
        return Err(arith(format!(
            "Invalid number of digits for rounding: {digits}"
        )));
    }
    Ok(u32::try_from(digits).unwrap_or(u32::MAX))
}
