//! Numbers: arithmetic and logic for the non-built-in types, math functions, conversions,
//! bit-fields.

use super::reg;
use crate::module::Module;
use crate::{Dynamic, EvalAltResult, Position, FLOAT, INT};
use core::any::TypeId;

fn float(args: &[&mut Dynamic], i: usize) -> FLOAT {
    let a = &args[i];
    a.as_float()
        .or_else(|_| a.as_int().map(|n| n as FLOAT))
        .unwrap_or(0.0)
}

/// Register arithmetic functions.
pub(crate) fn init_arithmetic(module: &mut Module) {
    let int = TypeId::of::<INT>();
    let flt = TypeId::of::<FLOAT>();
    reg::pure(module, "abs", &[int], |_, args| {
        let n = args[0].as_int().unwrap_or(0);
        n.checked_abs().map(Dynamic::from_int).ok_or_else(|| {
            EvalAltResult::ErrorArithmetic(format!("Negation overflow: -{n}"), Position::NONE)
                .into()
        })
    });
    reg::pure(module, "abs", &[flt], |_, args| {
        Ok(Dynamic::from_float(float(args, 0).abs()))
    });
    reg::pure(module, "sign", &[int], |_, args| {
        Ok(Dynamic::from_int(args[0].as_int().unwrap_or(0).signum()))
    });
}

/// Register bit-field functions.
pub(crate) fn init_bit_field(_module: &mut Module) {}

/// Register logic functions.
pub(crate) fn init_logic(_module: &mut Module) {}

/// Register math functions.
pub(crate) fn init_math(module: &mut Module) {
    let int = TypeId::of::<INT>();
    let flt = TypeId::of::<FLOAT>();
    for (name, f) in [
        ("sqrt", FLOAT::sqrt as fn(FLOAT) -> FLOAT),
        ("sin", FLOAT::sin),
        ("cos", FLOAT::cos),
        ("floor", FLOAT::floor),
        ("ceiling", FLOAT::ceil),
        ("round", FLOAT::round),
    ] {
        reg::pure(module, name, &[flt], move |_, args| {
            Ok(Dynamic::from_float(f(float(args, 0))))
        });
    }
    reg::pure(module, "to_float", &[int], |_, args| {
        Ok(Dynamic::from_float(float(args, 0)))
    });
    reg::pure(module, "to_float", &[flt], |_, args| {
        Ok(Dynamic::from_float(float(args, 0)))
    });
    reg::pure(module, "to_int", &[int], |_, args| {
        Ok(Dynamic::from_int(args[0].as_int().unwrap_or(0)))
    });
    reg::pure(module, "to_int", &[flt], |_, args| {
        Ok(Dynamic::from_int(float(args, 0) as INT))
    });
}
