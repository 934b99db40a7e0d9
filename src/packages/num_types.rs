//! The integer types besides `INT` (`i8` … `u128`) and `f32`, which reach scripts only from
//! Rust: their operators, comparisons, `min`/`max`, sign functions, conversions and
//! formatting. Each type works only with itself (the book: distinct number types never mix),
//! shifts and powers take an `INT`, and overflow is an arithmetic error as for `INT` (shifts
//! follow the `INT` rule: they never fail).

use super::reg::{f, prop};
use crate::func::builtin::{arith, modulo_error, shift_int};
use crate::module::Module;
use crate::{EvalAltResult, ImmutableString, FLOAT, INT};

type Res<T> = Result<T, Box<EvalAltResult>>;

/// Checked binary arithmetic, bit operators, shifts and powers for one integer type.
macro_rules! int_arithmetic {
    ($m:ident, $($t:ty),*) => {$(
        f($m, "+", |a: $t, b: $t| -> Res<$t> {
            a.checked_add(b).ok_or_else(|| arith(format!("Addition overflow: {a} + {b}")))
        });
        f($m, "-", |a: $t, b: $t| -> Res<$t> {
            a.checked_sub(b).ok_or_else(|| arith(format!("Subtraction overflow: {a} - {b}")))
        });
        f($m, "*", |a: $t, b: $t| -> Res<$t> {
            a.checked_mul(b).ok_or_else(|| arith(format!("Multiplication overflow: {a} * {b}")))
        });
        f($m, "/", |a: $t, b: $t| -> Res<$t> {
            if b == 0 {
                return Err(arith(format!("Division by zero: {a} / {b}")));
            }
            a.checked_div(b).ok_or_else(|| arith(format!("Division overflow: {a} / {b}")))
        });
        f($m, "%", |a: $t, b: $t| -> Res<$t> {
            a.checked_rem(b).ok_or_else(|| modulo_error(a, b))
        });
        f($m, "**", |a: $t, b: INT| -> Res<$t> {
            if b < 0 {
                return Err(arith(format!("Integer raised to a negative power: {a} ** {b}")));
            }
            u32::try_from(b)
                .ok()
                .and_then(|e| a.checked_pow(e))
                .ok_or_else(|| arith(format!("Exponential overflow: {a} ** {b}")))
        });
        f($m, "<<", |a: $t, b: INT| shift_int(a, b, true));
        f($m, ">>", |a: $t, b: INT| shift_int(a, b, false));
        f($m, "&", |a: $t, b: $t| a & b);
        f($m, "|", |a: $t, b: $t| a | b);
        f($m, "^", |a: $t, b: $t| a ^ b);
        prop($m, "is_zero", |a: &mut $t| *a == 0);
        prop($m, "is_odd", |a: &mut $t| *a % 2 != 0);
        prop($m, "is_even", |a: &mut $t| *a % 2 == 0);
        f($m, "to_float", |a: $t| a as FLOAT);
        f($m, "to_int", |a: $t| -> Res<INT> {
            INT::try_from(a).map_err(|_| arith(format!("Integer overflow: to_int({a})")))
        });
    )*};
}

/// Negation, `abs` and `sign` for one signed integer type.
macro_rules! signed_functions {
    ($m:ident, $($t:ty),*) => {$(
        f($m, "-", |a: $t| -> Res<$t> {
            a.checked_neg().ok_or_else(|| arith(format!("Negation overflow: -{a}")))
        });
        f($m, "+", |a: $t| a);
        f($m, "abs", |a: $t| -> Res<$t> {
            a.checked_abs().ok_or_else(|| arith(format!("Negation overflow: -{a}")))
        });
        f($m, "sign", |a: $t| a.signum() as INT);
    )*};
}

/// Comparisons, `min` and `max` for one number type.
macro_rules! comparisons {
    ($m:ident, $($t:ty),*) => {$(
        f($m, "==", |a: $t, b: $t| a == b);
        f($m, "!=", |a: $t, b: $t| a != b);
        f($m, "<", |a: $t, b: $t| a < b);
        f($m, "<=", |a: $t, b: $t| a <= b);
        f($m, ">", |a: $t, b: $t| a > b);
        f($m, ">=", |a: $t, b: $t| a >= b);
        f($m, "min", |a: $t, b: $t| if b < a { b } else { a });
        f($m, "max", |a: $t, b: $t| if b > a { b } else { a });
    )*};
}

/// Text forms: `to_string`, `to_debug`, `to_hex`, `to_octal`, `to_binary`.
macro_rules! int_formatting {
    ($m:ident, $($t:ty),*) => {$(
        f($m, "to_string", |a: $t| ImmutableString::from(a.to_string()));
        f($m, "to_debug", |a: $t| ImmutableString::from(a.to_string()));
        f($m, "to_hex", |a: $t| ImmutableString::from(format!("{a:x}")));
        f($m, "to_octal", |a: $t| ImmutableString::from(format!("{a:o}")));
        f($m, "to_binary", |a: $t| ImmutableString::from(format!("{a:b}")));
    )*};
}

/// Register the operators and sign functions (part of `ArithmeticPackage`).
pub(crate) fn init_arithmetic(m: &mut Module) {
    int_arithmetic!(m, i8, u8, i16, u16, i32, u32, u64, i128, u128);
    signed_functions!(m, i8, i16, i32, i128);
    init_f32(m);
}

/// Register the comparisons, `min` and `max` (part of `LogicPackage`).
pub(crate) fn init_logic(m: &mut Module) {
    comparisons!(m, i8, u8, i16, u16, i32, u32, u64, i128, u128, f32);
}

/// Register the text forms (part of `BasicStringPackage`).
pub(crate) fn init_formatting(m: &mut Module) {
    int_formatting!(m, i8, u8, i16, u16, i32, u32, u64, i128, u128);
    f(m, "to_string", |a: f32| {
        let mut text = String::new();
        let _ = crate::value::fmt::write_f32(&mut text, a);
        ImmutableString::from(text)
    });
    f(m, "to_debug", |a: f32| {
        ImmutableString::from(format!("{a:?}"))
    });
}

/// `f32` arithmetic (IEEE: no overflow errors) and sign functions.
fn init_f32(m: &mut Module) {
    f(m, "+", |a: f32, b: f32| a + b);
    f(m, "-", |a: f32, b: f32| a - b);
    f(m, "*", |a: f32, b: f32| a * b);
    f(m, "/", |a: f32, b: f32| a / b);
    f(m, "%", |a: f32, b: f32| a % b);
    f(m, "**", |a: f32, b: f32| a.powf(b));
    f(m, "-", |a: f32| -a);
    f(m, "+", |a: f32| a);
    f(m, "abs", |a: f32| a.abs());
    f(m, "sign", |a: f32| super::math::float_sign(FLOAT::from(a)));
    prop(m, "is_zero", |a: &mut f32| *a == 0.0);
    f(m, "to_float", |a: f32| FLOAT::from(a));
    init_f32_with_int(m);
    f(m, "to_int", |a: f32| -> Res<INT> {
        let t = a.trunc();
        if t.is_finite()
            && FLOAT::from(t) >= INT::MIN as FLOAT
            && FLOAT::from(t) <= INT::MAX as FLOAT
        {
            Ok(t as INT)
        } else {
            Err(arith(format!("Integer overflow: to_int({a})")))
        }
    });
}

/// `f32` mixed with `INT` (either side): arithmetic gives `f32`; comparisons, `min`, `max`.
fn init_f32_with_int(m: &mut Module) {
    f(m, "+", |a: f32, b: INT| a + b as f32);
    f(m, "-", |a: f32, b: INT| a - b as f32);
    f(m, "*", |a: f32, b: INT| a * b as f32);
    f(m, "/", |a: f32, b: INT| a / b as f32);
    f(m, "%", |a: f32, b: INT| a % b as f32);
    f(m, "**", |a: f32, b: INT| a.powf(b as f32));
    f(m, "+", |a: INT, b: f32| a as f32 + b);
    f(m, "-", |a: INT, b: f32| a as f32 - b);
    f(m, "*", |a: INT, b: f32| a as f32 * b);
    f(m, "/", |a: INT, b: f32| a as f32 / b);
    f(m, "%", |a: INT, b: f32| a as f32 % b);
    f(m, "**", |a: INT, b: f32| (a as f32).powf(b));
    f(m, "==", |a: f32, b: INT| a == b as f32);
    f(m, "!=", |a: f32, b: INT| a != b as f32);
    f(m, "<", |a: f32, b: INT| a < b as f32);
    f(m, "<=", |a: f32, b: INT| a <= b as f32);
    f(m, ">", |a: f32, b: INT| a > b as f32);
    f(m, ">=", |a: f32, b: INT| a >= b as f32);
    f(m, "==", |a: INT, b: f32| a as f32 == b);
    f(m, "!=", |a: INT, b: f32| a as f32 != b);
    f(m, "<", |a: INT, b: f32| (a as f32) < b);
    f(m, "<=", |a: INT, b: f32| a as f32 <= b);
    f(m, ">", |a: INT, b: f32| a as f32 > b);
    f(m, ">=", |a: INT, b: f32| a as f32 >= b);
    f(
        m,
        "min",
        |a: f32, b: INT| if (b as f32) < a { b as f32 } else { a },
    );
    f(
        m,
        "max",
        |a: f32, b: INT| if (b as f32) > a { b as f32 } else { a },
    );
    f(
        m,
        "min",
        |a: INT, b: f32| if b < a as f32 { b } else { a as f32 },
    );
    f(
        m,
        "max",
        |a: INT, b: f32| if b > a as f32 { b } else { a as f32 },
    );
}
