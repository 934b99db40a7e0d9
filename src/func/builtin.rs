//! Built-in operators on primitive operand pairs: the fast path taken before any function
//! lookup (INT, FLOAT, bool, char, string, unit; mixed INT/FLOAT; `Decimal` and mixed
//! INT/`Decimal` under feature `decimal`), and in-place compound assignment on the same types.
//!
//! `None` means "not a built-in pair": the caller then looks for an overload.

use crate::ast::BinaryOp;
use crate::eval::expr::Prim;
use crate::func::native::RhaiResult;
use crate::value::dynamic::Union;
use crate::{Dynamic, EvalAltResult, ImmutableString, Position, FLOAT, INT};
use core::cmp::Ordering;
#[cfg(feature = "decimal")]
use rust_decimal::Decimal;

/// An arithmetic error with a message.
/// An arithmetic error (positions are filled in at the call site).
pub(crate) fn arith(msg: String) -> Box<EvalAltResult> {
    EvalAltResult::ErrorArithmetic(msg, Position::NONE).into()
}

/// The common INT operations without error paths: `None` on overflow or for other operators
/// (the caller then takes the general path, which reports errors).
#[inline(always)]
pub(crate) fn int_fast(op: BinaryOp, a: INT, b: INT) -> Option<Dynamic> {
    use BinaryOp::*;
    Some(match op {
        Add => Dynamic::from_int(a.checked_add(b)?),
        Sub => Dynamic::from_int(a.checked_sub(b)?),
        Mul => Dynamic::from_int(a.checked_mul(b)?),
        Eq => Dynamic::from_bool(a == b),
        Ne => Dynamic::from_bool(a != b),
        Lt => Dynamic::from_bool(a < b),
        Le => Dynamic::from_bool(a <= b),
        Gt => Dynamic::from_bool(a > b),
        Ge => Dynamic::from_bool(a >= b),
        _ => return None,
    })
}

/// `a op b` on primitive operands, for the common operators; `None` on overflow or for
/// anything else (the general path then runs, and reports errors).
#[inline(always)]
pub(crate) fn prim_op(op: BinaryOp, a: Prim, b: Prim) -> Option<Dynamic> {
    match (a, b) {
        (Prim::Int(x), Prim::Int(y)) => int_fast(op, x, y),
        (Prim::Float(x), Prim::Float(y)) => float_fast(op, x, y),
        (Prim::Int(x), Prim::Float(y)) => float_fast(op, x as FLOAT, y),
        (Prim::Float(x), Prim::Int(y)) => float_fast(op, x, y as FLOAT),
    }
}

#[inline(always)]
fn float_fast(op: BinaryOp, a: FLOAT, b: FLOAT) -> Option<Dynamic> {
    use BinaryOp::*;
    Some(match op {
        Add => Dynamic::from_float(a + b),
        Sub => Dynamic::from_float(a - b),
        Mul => Dynamic::from_float(a * b),
        Div => Dynamic::from_float(a / b),
        _ => Dynamic::from_bool(float_compare(op, a, b)?),
    })
}

/// Comparisons of primitive operands straight to `bool`.
#[inline(always)]
pub(crate) fn prim_compare(op: BinaryOp, a: Prim, b: Prim) -> Option<bool> {
    match (a, b) {
        (Prim::Int(x), Prim::Int(y)) => int_compare(Some(op), x, y),
        (Prim::Float(x), Prim::Float(y)) => float_compare(op, x, y),
        (Prim::Int(x), Prim::Float(y)) => float_compare(op, x as FLOAT, y),
        (Prim::Float(x), Prim::Int(y)) => float_compare(op, x, y as FLOAT),
    }
}

#[inline(always)]
fn float_compare(op: BinaryOp, a: FLOAT, b: FLOAT) -> Option<bool> {
    use BinaryOp::*;
    Some(match op {
        Eq => float_eq(a, b),
        Ne => float_ne(a, b),
        Lt => a < b && !float_eq(a, b),
        Le => a < b || float_eq(a, b),
        Gt => a > b && !float_eq(a, b),
        Ge => a > b || float_eq(a, b),
        _ => return None,
    })
}

/// Float equality within rounding error, as in the published crate: when the product of
/// the operands is zero (one is zero, or both are so small that it underflows) they are
/// equal within `EPSILON`; otherwise within `EPSILON` relative to the larger magnitude.
/// Infinities and NaN equal nothing, not even themselves (nor are they unequal).
#[inline]
pub(crate) fn float_eq(a: FLOAT, b: FLOAT) -> bool {
    (a - b).abs() <= float_tolerance(a, b)
}

/// Float inequality: beyond rounding error. Like equality, it is false for NaN.
#[inline]
fn float_ne(a: FLOAT, b: FLOAT) -> bool {
    (a - b).abs() > float_tolerance(a, b)
}

#[inline]
fn float_tolerance(a: FLOAT, b: FLOAT) -> FLOAT {
    if a * b == 0.0 {
        FLOAT::EPSILON
    } else {
        FLOAT::EPSILON * a.abs().max(b.abs())
    }
}

/// INT comparisons straight to `bool`.
#[inline(always)]
pub(crate) fn int_compare(op: Option<BinaryOp>, a: INT, b: INT) -> Option<bool> {
    use BinaryOp::*;
    Some(match op? {
        Eq => a == b,
        Ne => a != b,
        Lt => a < b,
        Le => a <= b,
        Gt => a > b,
        Ge => a >= b,
        _ => return None,
    })
}

/// INT op INT, checked.
pub(crate) fn int_op(op: BinaryOp, a: INT, b: INT) -> Option<RhaiResult> {
    use BinaryOp::*;
    let checked = |r: Option<INT>, what: &str, sym: &str| -> RhaiResult {
        r.map(Dynamic::from_int)
            .ok_or_else(|| arith(format!("{what} overflow: {a} {sym} {b}")))
    };
    Some(match op {
        Add => checked(a.checked_add(b), "Addition", "+"),
        Sub => checked(a.checked_sub(b), "Subtraction", "-"),
        Mul => checked(a.checked_mul(b), "Multiplication", "*"),
        Div if b == 0 => Err(arith(format!("Division by zero: {a} / {b}"))),
        Div => checked(a.checked_div(b), "Division", "/"),
        Rem => a
            .checked_rem(b)
            .map(Dynamic::from_int)
            .ok_or_else(|| modulo_error(a, b)),
        Pow => int_pow(a, b),
        Shl => shift(a, b, true),
        Shr => shift(a, b, false),
        BitAnd => Ok(Dynamic::from_int(a & b)),
        BitOr => Ok(Dynamic::from_int(a | b)),
        BitXor => Ok(Dynamic::from_int(a ^ b)),
        Eq => Ok(Dynamic::from_bool(a == b)),
        Ne => Ok(Dynamic::from_bool(a != b)),
        Lt => Ok(Dynamic::from_bool(a < b)),
        Le => Ok(Dynamic::from_bool(a <= b)),
        Gt => Ok(Dynamic::from_bool(a > b)),
        Ge => Ok(Dynamic::from_bool(a >= b)),
        Range => Ok(Dynamic::from(a..b)),
        RangeInclusive => Ok(Dynamic::from(a..=b)),
    })
}

/// The one error of `%`, for a zero divisor and for an overflowing quotient alike.
#[cold]
pub(crate) fn modulo_error(
    a: impl core::fmt::Display,
    b: impl core::fmt::Display,
) -> Box<EvalAltResult> {
    arith(format!("Modulo division by zero or overflow: {a} % {b}"))
}

fn int_pow(a: INT, b: INT) -> RhaiResult {
    if b < 0 {
        return Err(arith(format!(
            "Integer raised to a negative power: {a} ** {b}"
        )));
    }
    u32::try_from(b)
        .ok()
        .and_then(|e| a.checked_pow(e))
        .map(Dynamic::from_int)
        .ok_or_else(|| arith(format!("Exponential overflow: {a} ** {b}")))
}

/// Shifts never fail: a negative amount shifts the other way, and shifting by the width of
/// `INT` or more leaves only the sign (`0`, or `-1` for a negative right operand of `>>`).
fn shift(a: INT, b: INT, left: bool) -> RhaiResult {
    Ok(Dynamic::from_int(shift_int(a, b, left)))
}

/// The shift rule of `shift` for any primitive integer type.
pub(crate) fn shift_int<T: num_traits::PrimInt>(a: T, b: INT, left: bool) -> T {
    let bits = T::zero().count_zeros();
    let left = left != (b < 0);
    match u32::try_from(b.unsigned_abs()) {
        Ok(n) if n < bits && left => a << n as usize,
        Ok(n) if n < bits => a >> n as usize,
        _ if left => T::zero(),
        _ => a >> (bits - 1) as usize,
    }
}

/// FLOAT op FLOAT (no overflow errors: IEEE semantics).
pub(crate) fn float_op(op: BinaryOp, a: FLOAT, b: FLOAT) -> Option<RhaiResult> {
    use BinaryOp::*;
    let v = match op {
        Add => Dynamic::from_float(a + b),
        Sub => Dynamic::from_float(a - b),
        Mul => Dynamic::from_float(a * b),
        Div => Dynamic::from_float(a / b),
        Rem => Dynamic::from_float(a % b),
        Pow => Dynamic::from_float(a.powf(b)),
        _ => Dynamic::from_bool(float_compare(op, a, b)?),
    };
    Some(Ok(v))
}

/// Decimal op Decimal, checked: overflow and division by zero are arithmetic errors; `**`,
/// bit operators and ranges are not built in.
#[cfg(feature = "decimal")]
pub(crate) fn decimal_op(op: BinaryOp, a: Decimal, b: Decimal) -> Option<RhaiResult> {
    match decimal_arith(op, a, b) {
        Some(r) => Some(r.map(Dynamic::from_decimal)),
        None => compare(op, Some(a.cmp(&b))),
    }
}

/// The arithmetic operators of `decimal_op`, as a `Decimal`; `None` for any other operator.
#[cfg(feature = "decimal")]
fn decimal_arith(
    op: BinaryOp,
    a: Decimal,
    b: Decimal,
) -> Option<Result<Decimal, Box<EvalAltResult>>> {
    use BinaryOp::*;
    let (result, what, sym) = match op {
        Add => (a.checked_add(b), "Addition", "+"),
        Sub => (a.checked_sub(b), "Subtraction", "-"),
        Mul => (a.checked_mul(b), "Multiplication", "*"),
        Div if b.is_zero() => return Some(Err(arith(format!("Division by zero: {a} / {b}")))),
        Div => (a.checked_div(b), "Division", "/"),
        Rem => return Some(a.checked_rem(b).ok_or_else(|| modulo_error(a, b))),
        _ => return None,
    };
    Some(result.ok_or_else(|| arith(format!("{what} overflow: {a} {sym} {b}"))))
}

fn compare(op: BinaryOp, ord: Option<Ordering>) -> Option<RhaiResult> {
    use BinaryOp::*;
    let ord = ord?;
    let r = match op {
        Eq => ord == Ordering::Equal,
        Ne => ord != Ordering::Equal,
        Lt => ord == Ordering::Less,
        Le => ord != Ordering::Greater,
        Gt => ord == Ordering::Greater,
        Ge => ord != Ordering::Less,
        _ => return None,
    };
    Some(Ok(Dynamic::from_bool(r)))
}

fn concat(a: &str, b: &str) -> RhaiResult {
    let mut s = String::with_capacity(a.len() + b.len());
    s.push_str(a);
    s.push_str(b);
    Ok(Dynamic::from(ImmutableString::from(s)))
}

/// `a op b` for built-in operand pairs.
#[inline]
pub(crate) fn binary(op: BinaryOp, a: &Dynamic, b: &Dynamic) -> Option<RhaiResult> {
    use BinaryOp::*;
    match (&a.0, &b.0) {
        (Union::Int(x, ..), Union::Int(y, ..)) => int_op(op, *x, *y),
        (Union::Float(x, ..), Union::Float(y, ..)) => float_op(op, *x, *y),
        (Union::Int(x, ..), Union::Float(y, ..)) => float_op(op, *x as FLOAT, *y),
        (Union::Float(x, ..), Union::Int(y, ..)) => float_op(op, *x, *y as FLOAT),
        #[cfg(feature = "decimal")]
        (Union::Decimal(x, ..), Union::Decimal(y, ..)) => decimal_op(op, **x, **y),
        #[cfg(feature = "decimal")]
        (Union::Decimal(x, ..), Union::Int(y, ..)) => decimal_op(op, **x, Decimal::from(*y)),
        #[cfg(feature = "decimal")]
        (Union::Int(x, ..), Union::Decimal(y, ..)) => decimal_op(op, Decimal::from(*x), **y),
        (Union::Bool(x, ..), Union::Bool(y, ..)) => match op {
            BitAnd => Some(Ok(Dynamic::from_bool(*x & *y))),
            BitOr => Some(Ok(Dynamic::from_bool(*x | *y))),
            BitXor => Some(Ok(Dynamic::from_bool(*x ^ *y))),
            _ => compare(op, Some(x.cmp(y))),
        },
        (Union::Char(x, ..), Union::Char(y, ..)) => match op {
            Add => {
                let mut s = String::new();
                s.push(*x);
                s.push(*y);
                Some(Ok(Dynamic::from(ImmutableString::from(s))))
            }
            _ => compare(op, Some(x.cmp(y))),
        },
        (Union::Str(x, ..), Union::Str(y, ..)) => match op {
            Add => Some(concat(x, y)),
            Sub => Some(Ok(Dynamic::from(x.clone() - y.clone()))),
            _ => compare(op, Some(x.as_str().cmp(y.as_str()))),
        },
        (Union::Str(x, ..), Union::Char(y, ..)) => match op {
            Add => Some(concat(x, y.encode_utf8(&mut [0; 4]))),
            Sub => Some(Ok(Dynamic::from(x.clone() - *y))),
            _ => compare(op, Some(x.as_str().cmp(y.encode_utf8(&mut [0; 4])))),
        },
        (Union::Char(x, ..), Union::Str(y, ..)) => match op {
            Add => Some(concat(x.encode_utf8(&mut [0; 4]), y)),
            _ => compare(op, Some((*x.encode_utf8(&mut [0; 4])).cmp(y.as_str()))),
        },
        (Union::Unit(..), Union::Unit(..)) => match op {
            Eq => Some(Ok(Dynamic::TRUE)),
            Ne => Some(Ok(Dynamic::FALSE)),
            _ => None,
        },
        _ => None,
    }
}

/// `target op= b` in place, for built-in pairs.
#[inline]
pub(crate) fn op_assign(
    op: BinaryOp,
    target: &mut Dynamic,
    b: &Dynamic,
) -> Option<Result<(), Box<EvalAltResult>>> {
    match (&mut target.0, &b.0) {
        (Union::Int(x, ..), Union::Int(y, ..)) => {
            let (x0, y0) = (*x, *y);
            let fast = match op {
                BinaryOp::Add => x0.checked_add(y0),
                BinaryOp::Sub => x0.checked_sub(y0),
                BinaryOp::Mul => x0.checked_mul(y0),
                _ => None,
            };
            if let Some(v) = fast {
                *x = v;
                return Some(Ok(()));
            }
            Some(int_op(op, x0, y0)?.map(|v| *target = v))
        }
        (Union::Float(x, ..), Union::Float(y, ..)) => {
            let y = *y;
            match op {
                BinaryOp::Add => *x += y,
                BinaryOp::Sub => *x -= y,
                BinaryOp::Mul => *x *= y,
                BinaryOp::Div => *x /= y,
                _ => {
                    let r = float_op(op, *x, y)?;
                    return Some(r.map(|v| *target = v));
                }
            }
            Some(Ok(()))
        }
        (Union::Float(x, ..), Union::Int(y, ..)) => {
            let r = float_op(op, *x, *y as FLOAT)?;
            Some(r.map(|v| *target = v))
        }
        (Union::Int(x, ..), Union::Float(y, ..)) => {
            let r = float_op(op, *x as FLOAT, *y)?;
            Some(r.map(|v| *target = v))
        }
        #[cfg(feature = "decimal")]
        (Union::Decimal(x, ..), Union::Decimal(y, ..)) => decimal_assign(op, x, **y),
        #[cfg(feature = "decimal")]
        (Union::Decimal(x, ..), Union::Int(y, ..)) => decimal_assign(op, x, Decimal::from(*y)),
        (Union::Str(s, ..), Union::Str(y, ..)) if op == BinaryOp::Add => {
            *s += y;
            Some(Ok(()))
        }
        (Union::Str(s, ..), Union::Char(c, ..)) if op == BinaryOp::Add => {
            *s += *c;
            Some(Ok(()))
        }
        _ => {
            let r = binary(op, target, b)?;
            Some(r.map(|v| *target = v))
        }
    }
}

/// `x op= y` on a `Decimal`, in its existing box.
#[cfg(feature = "decimal")]
fn decimal_assign(
    op: BinaryOp,
    x: &mut Decimal,
    y: Decimal,
) -> Option<Result<(), Box<EvalAltResult>>> {
    Some(decimal_arith(op, *x, y)?.map(|v| *x = v))
}

/// Equality of standard values, element by element through arrays and maps; `None` when a
/// custom type (or another type without built-in equality) is involved.
pub(crate) fn values_equal(a: &Dynamic, b: &Dynamic) -> Option<bool> {
    values_equal_with(a, b, |_, _| Err(())).ok()
}

/// Equality element by element, in order, through arrays and maps; a pair of elements
/// without built-in equality goes to `leaf`. Nested containers go on a work list rather than
/// recursing: scripts can nest values as deep as they like.
pub(crate) fn values_equal_with<E>(
    a: &Dynamic,
    b: &Dynamic,
    mut leaf: impl FnMut(&Dynamic, &Dynamic) -> Result<bool, E>,
) -> Result<bool, E> {
    let mut pending: Vec<(Dynamic, Dynamic)> = Vec::new();
    let mut same = match compare_one(a, b, &mut pending) {
        Some(same) => same,
        None => leaf(a, b)?,
    };
    while same {
        let Some((x, y)) = pending.pop() else {
            break;
        };
        same = match compare_one(&x, &y, &mut pending) {
            Some(same) => same,
            None => leaf(&x, &y)?,
        };
    }
    Ok(same)
}

/// Compare two values one level deep; pairs of elements still to compare go to `pending`.
fn compare_one(a: &Dynamic, b: &Dynamic, pending: &mut Vec<(Dynamic, Dynamic)>) -> Option<bool> {
    match (&a.0, &b.0) {
        (Union::Array(x, ..), Union::Array(y, ..)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            // Reversed onto the stack, so that elements are compared first to last.
            pending.extend(x.iter().cloned().zip(y.iter().cloned()).rev());
            Some(true)
        }
        (Union::Map(x, ..), Union::Map(y, ..)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            let start = pending.len();
            for (k, v) in x.iter() {
                match y.get(k) {
                    Some(w) => pending.push((v.clone(), w.clone())),
                    None => return Some(false),
                }
            }
            pending[start..].reverse();
            Some(true)
        }
        (Union::Blob(x, ..), Union::Blob(y, ..)) => Some(x == y),
        (Union::Shared(..), _) | (_, Union::Shared(..)) => {
            pending.push((a.flatten_clone(), b.flatten_clone()));
            Some(true)
        }
        (Union::Variant(..), Union::Variant(..)) => {
            let (x, y) = (a.type_name(), b.type_name());
            match (
                crate::packages::iter_basic::range_bounds(a),
                crate::packages::iter_basic::range_bounds(b),
            ) {
                (Some(r1), Some(r2)) if x == y => Some(r1 == r2),
                _ => None,
            }
        }
        // Function pointers have no `==`.
        (Union::Variant(..), _)
        | (_, Union::Variant(..))
        | (Union::FnPtr(..), Union::FnPtr(..)) => None,
        _ => match binary(BinaryOp::Eq, a, b) {
            Some(Ok(v)) => v.as_bool().ok(),
            _ => Some(false),
        },
    }
}
