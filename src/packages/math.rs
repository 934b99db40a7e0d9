//! Numbers: integer and floating-point functions, parsing and formatting, constants, and
//! bit-field functions.

use super::iter_basic::BitRange;
use super::reg::{f, prop};
use crate::func::builtin::arith;
use crate::module::Module;
use crate::{EvalAltResult, ImmutableString, Position, FLOAT, INT};

type Res<T> = Result<T, Box<EvalAltResult>>;

/// The integer part of a float; an error when it is beyond the `INT` range (NaN gives 0).
pub(crate) fn float_to_int(x: FLOAT) -> Res<INT> {
    let t = x.trunc();
    if t > INT::MAX as FLOAT || t < INT::MIN as FLOAT {
        Err(arith(format!("Integer overflow: to_int({x})")))
    } else {
        Ok(t as INT)
    }
}

/// -1, 0 or 1 by the sign of a float; an error for NaN.
pub(crate) fn float_sign(x: FLOAT) -> Res<INT> {
    if x.is_nan() {
        Err(arith("Sign of NaN is undefined".into()))
    } else if x > 0.0 {
        Ok(1)
    } else if x < 0.0 {
        Ok(-1)
    } else {
        Ok(0)
    }
}

/// The smaller of two floats: the first unless the second is smaller (NaN never compares).
fn float_min(a: FLOAT, b: FLOAT) -> FLOAT {
    if a <= b {
        a
    } else {
        b
    }
}

/// The larger of two floats: the first unless the second is larger (NaN never compares).
fn float_max(a: FLOAT, b: FLOAT) -> FLOAT {
    if a >= b {
        a
    } else {
        b
    }
}

/// Register arithmetic functions (integer and signed numbers).
pub(crate) fn init_arithmetic(m: &mut Module) {
    f(m, "abs", |n: INT| -> Res<INT> {
        n.checked_abs()
            .ok_or_else(|| arith(format!("Negation overflow: -{n}")))
    });
    f(m, "abs", |x: FLOAT| x.abs());
    f(m, "sign", |n: INT| n.signum());
    f(m, "sign", float_sign);
    prop(m, "is_odd", |n: &mut INT| *n % 2 != 0);
    prop(m, "is_even", |n: &mut INT| *n % 2 == 0);
    prop(m, "is_zero", |n: &mut INT| *n == 0);
    prop(m, "is_zero", |x: &mut FLOAT| *x == 0.0);
    f(m, "min", |a: INT, b: INT| a.min(b));
    f(m, "max", |a: INT, b: INT| a.max(b));
    f(m, "min", float_min);
    f(m, "max", float_max);
    f(m, "min", |a: INT, b: FLOAT| float_min(a as FLOAT, b));
    f(m, "max", |a: INT, b: FLOAT| float_max(a as FLOAT, b));
    f(m, "min", |a: FLOAT, b: INT| float_min(a, b as FLOAT));
    f(m, "max", |a: FLOAT, b: INT| float_max(a, b as FLOAT));
}

/// Register bit-field functions.
pub(crate) fn init_bit_field(m: &mut Module) {
    f(m, "get_bit", |n: INT, bit: INT| -> Res<bool> {
        let b = bit_index(bit)?;
        Ok(n & (1 << b) != 0)
    });
    super::reg::f_mut(m, "set_bit", |n: &mut INT, bit: INT, on: bool| -> Res<()> {
        let b = bit_index(bit)?;
        if on {
            *n |= 1 << b;
        } else {
            *n &= !(1 << b);
        }
        Ok(())
    });
    f(m, "get_bits", |n: INT, start: INT, len: INT| -> Res<INT> {
        let s = bit_index(start)?;
        let len = usize::try_from(len.max(0)).unwrap_or(0).min(64 - s);
        if len == 0 {
            return Ok(0);
        }
        let mask = if len >= 64 {
            u64::MAX
        } else {
            (1u64 << len) - 1
        };
        Ok((((n as u64) >> s) & mask) as INT)
    });
}

/// Register the rest of the bit-field functions: ranges and bit iteration.
pub(crate) fn init_bits(m: &mut Module) {
    f(
        m,
        "get_bits",
        |n: INT, r: core::ops::Range<INT>| -> Res<INT> { bits_of(n, r.start, r.end) },
    );
    f(
        m,
        "get_bits",
        |n: INT, r: core::ops::RangeInclusive<INT>| -> Res<INT> {
            let (start, end) = inclusive_bits(&r)?;
            bits_of(n, start, end)
        },
    );
    super::reg::f_mut(
        m,
        "set_bits",
        |n: &mut INT, start: INT, len: INT, v: INT| -> Res<()> {
            let s = bit_index(start)?;
            let e = s
                .saturating_add(usize::try_from(len.max(0)).unwrap_or(0))
                .min(64);
            *n = put_bits(*n, s, e, v);
            Ok(())
        },
    );
    super::reg::f_mut(
        m,
        "set_bits",
        |n: &mut INT, r: core::ops::Range<INT>, v: INT| -> Res<()> {
            *n = put_bits_in(*n, r.start, r.end, v)?;
            Ok(())
        },
    );
    super::reg::f_mut(
        m,
        "set_bits",
        |n: &mut INT, r: core::ops::RangeInclusive<INT>, v: INT| -> Res<()> {
            let (start, end) = inclusive_bits(&r)?;
            *n = put_bits_in(*n, start, end, v)?;
            Ok(())
        },
    );
    prop(m, "bits", |n: &mut INT| {
        BitRange::new(*n, 0, INT::BITS as usize)
    });
    f(m, "bits", |n: INT, start: INT| bits_in(n, start, INT::MAX));
    f(m, "bits", |n: INT, r: core::ops::Range<INT>| {
        bits_in(n, r.start, r.end)
    });
    f(m, "bits", |n: INT, r: core::ops::RangeInclusive<INT>| {
        bits_in(n, *r.start(), r.end().saturating_add(1))
    });
    f(m, "bits", |n: INT, start: INT, len: INT| -> Res<BitRange> {
        let s = bit_index(start)? as INT;
        bits_in(n, s, s.saturating_add(len.max(0)))
    });
    m.set_iterator::<BitRange>();
}

/// The bits `start..end` of `n`, lowest first (the end is clamped to the width).
fn bits_in(n: INT, start: INT, end: INT) -> Res<BitRange> {
    let s = bit_index(start)?;
    let e = usize::try_from(end.max(0)).unwrap_or(0);
    Ok(BitRange::new(n, s, e.max(s)))
}

fn bits_of(n: INT, start: INT, end: INT) -> Res<INT> {
    let s = bit_index(start)?;
    let e = usize::try_from(end.max(0)).unwrap_or(0).min(64);
    if e <= s {
        return Ok(0);
    }
    let width = e - s;
    let mask = if width >= 64 {
        u64::MAX
    } else {
        (1u64 << width) - 1
    };
    Ok((((n as u64) >> s) & mask) as INT)
}

/// An inclusive bit range for `get_bits`/`set_bits` as start and exclusive end: the end must
/// be a bit of the width; a start below 0 means 0.
fn inclusive_bits(r: &core::ops::RangeInclusive<INT>) -> Res<(INT, INT)> {
    let end = *r.end();
    if end >= INT::from(INT::BITS as u8) {
        return Err(
            EvalAltResult::ErrorBitFieldBounds(INT::BITS as usize, end, Position::NONE).into(),
        );
    }
    Ok(((*r.start()).max(0), end + 1))
}

/// `n` with its bits `start..end` (the end clamped to the width) set from `v`.
fn put_bits_in(n: INT, start: INT, end: INT, v: INT) -> Res<INT> {
    let s = bit_index(start)?;
    let e = usize::try_from(end.max(0)).unwrap_or(0).min(64);
    Ok(put_bits(n, s, e, v))
}

fn put_bits(n: INT, s: usize, e: usize, v: INT) -> INT {
    if e <= s {
        return n;
    }
    let width = e - s;
    let mask = if width >= 64 {
        u64::MAX
    } else {
        (1u64 << width) - 1
    };
    (((n as u64) & !(mask << s)) | (((v as u64) & mask) << s)) as INT
}

/// A bit number, counting from the most significant bit when negative.
fn bit_index(bit: INT) -> Res<usize> {
    crate::eval::index::normalize_index(bit, INT::BITS as usize).ok_or_else(|| {
        EvalAltResult::ErrorBitFieldBounds(INT::BITS as usize, bit, Position::NONE).into()
    })
}

/// Register floating-point functions, conversions, parsing and formatting.
pub(crate) fn init_math(m: &mut Module) {
    for (name, func) in [
        ("sqrt", FLOAT::sqrt as fn(FLOAT) -> FLOAT),
        ("exp", FLOAT::exp),
        ("ln", FLOAT::ln),
        ("log", FLOAT::log10),
        ("sin", FLOAT::sin),
        ("cos", FLOAT::cos),
        ("tan", FLOAT::tan),
        ("asin", FLOAT::asin),
        ("acos", FLOAT::acos),
        ("atan", FLOAT::atan),
        ("sinh", FLOAT::sinh),
        ("cosh", FLOAT::cosh),
        ("tanh", FLOAT::tanh),
        ("asinh", FLOAT::asinh),
        ("acosh", FLOAT::acosh),
        ("atanh", FLOAT::atanh),
        ("to_degrees", FLOAT::to_degrees),
        ("to_radians", FLOAT::to_radians),
    ] {
        f(m, name, func);
    }
    f(m, "log", |x: FLOAT, base: FLOAT| x.log(base));
    f(m, "atan", |y: FLOAT, x: FLOAT| y.atan2(x));
    f(m, "hypot", |x: FLOAT, y: FLOAT| x.hypot(y));
    for (name, func) in [
        ("floor", FLOAT::floor as fn(FLOAT) -> FLOAT),
        ("ceiling", FLOAT::ceil),
        ("round", FLOAT::round),
        ("int", FLOAT::trunc),
        ("fraction", FLOAT::fract),
    ] {
        prop(m, name, move |x: &mut FLOAT| func(*x));
    }
    prop(m, "is_nan", |x: &mut FLOAT| x.is_nan());
    prop(m, "is_finite", |x: &mut FLOAT| x.is_finite());
    prop(m, "is_infinite", |x: &mut FLOAT| x.is_infinite());
    f(m, "PI", || core::f64::consts::PI);
    f(m, "E", || core::f64::consts::E);
    f(m, "to_float", |n: INT| n as FLOAT);
    f(m, "to_float", |x: FLOAT| x);
    f(m, "to_int", |n: INT| n);
    f(m, "to_int", float_to_int);
    f(m, "to_int", |b: bool| INT::from(b));
    f(m, "to_int", |c: char| c as INT);
    f(m, "parse_int", |s: &str| -> Res<INT> { parse_int(s, 10) });
    f(m, "parse_int", |s: &str, radix: INT| -> Res<INT> {
        let valid = u32::try_from(radix).ok().filter(|r| (2..=36).contains(r));
        let valid = valid.ok_or_else(|| arith(format!("Invalid radix: '{radix}'")))?;
        parse_int(s, valid)
    });
    f(m, "parse_float", |s: &str| -> Res<FLOAT> {
        s.trim().parse::<FLOAT>().map_err(|e| {
            EvalAltResult::ErrorArithmetic(
                format!("Error parsing floating-point number '{s}': {e}"),
                Position::NONE,
            )
            .into()
        })
    });
    f(m, "to_hex", |n: INT| {
        ImmutableString::from(format!("{n:x}"))
    });
    f(m, "to_octal", |n: INT| {
        ImmutableString::from(format!("{n:o}"))
    });
    f(m, "to_binary", |n: INT| {
        ImmutableString::from(format!("{n:b}"))
    });
}

fn parse_int(s: &str, radix: u32) -> Res<INT> {
    INT::from_str_radix(s.trim(), radix).map_err(|e| {
        EvalAltResult::ErrorArithmetic(
            format!("Error parsing integer number '{s}': {e}"),
            Position::NONE,
        )
        .into()
    })
}
