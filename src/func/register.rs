//! Rust functions and closures as native functions: the `RhaiNativeFunc` trait and its
//! implementations for 0 to 20 parameters, by value or with a `&mut` first parameter (a
//! method), with an optional leading `NativeCallContext`, returning a value or a `Result`.
//!
//! Arguments arrive as `&mut [&mut Dynamic]`. By-value parameters take their argument out
//! (a pure function gets copies); a `&mut T` first parameter borrows the object in place,
//! through its lock when shared. A wrong argument type is an `ErrorMismatchDataType`, never a
//! panic.

use crate::config::{SendSync, Shared};
use crate::func::native::{FnAny, NativeCallContext, RhaiFunc, RhaiResult};
use crate::value::dynamic::Variant;
use crate::{Dynamic, EvalAltResult, ImmutableString, Position};
use core::any::{type_name, TypeId};
use core::marker::PhantomData;

/// Marks a `&mut T` first parameter in the argument-types tuple of `RhaiNativeFunc`.
pub struct Mut<T>(PhantomData<T>);

/// A Rust function or closure usable as a native function.
///
/// `A` is the tuple of parameter types (`Mut<T>` for a `&mut T` first parameter), `N` their
/// number, `X` whether a `NativeCallContext` comes first, `R` the return type and `F` whether
/// the function returns `Result<R, Box<EvalAltResult>>`.
pub trait RhaiNativeFunc<A: 'static, const N: usize, const X: bool, R: 'static, const F: bool> {
    /// Convert into a native function.
    fn into_rhai_function(self, is_pure: bool, is_volatile: bool) -> RhaiFunc;
    /// The parameter types.
    #[must_use]
    fn param_types() -> [TypeId; N];
    /// The number of parameters.
    #[must_use]
    fn num_params() -> usize {
        N
    }
    /// Does the function take a `NativeCallContext`?
    #[must_use]
    fn has_context() -> bool {
        X
    }
    /// The parameter type names.
    #[must_use]
    fn param_names() -> [&'static str; N];
    /// The return type.
    #[must_use]
    fn return_type() -> TypeId {
        TypeId::of::<R>()
    }
    /// The return type name.
    #[must_use]
    fn return_type_name() -> &'static str {
        type_name::<R>()
    }
    /// The parameter types (for a value of the function type).
    #[must_use]
    fn param_types_of(&self) -> [TypeId; N] {
        Self::param_types()
    }
    /// The parameter type names (for a value of the function type).
    #[must_use]
    fn param_names_of(&self) -> [&'static str; N] {
        Self::param_names()
    }
}

/// The type a parameter is registered under: strings of any Rust flavour are script strings.
#[must_use]
pub fn param_type_id<T: 'static>() -> TypeId {
    let id = TypeId::of::<T>();
    if id == TypeId::of::<&str>() || id == TypeId::of::<String>() {
        TypeId::of::<ImmutableString>()
    } else {
        id
    }
}

/// Move a value of one static type into another when they are the same type.
fn reify<A: 'static, B: 'static>(value: A) -> Option<B> {
    let mut slot = Some(value);
    (&mut slot as &mut dyn core::any::Any)
        .downcast_mut::<Option<B>>()
        .and_then(Option::take)
}

#[cold]
fn mismatch<T>(arg: &Dynamic) -> Box<EvalAltResult> {
    type_mismatch::<T>(arg.type_name())
}

/// Extend the lifetime of a string slice borrowed from an argument.
///
/// # Safety
/// The slice must be used only while the argument it borrows from is alive and unchanged:
/// it is passed to the registered function for the duration of one call, during which the
/// argument list is borrowed and not touched.
unsafe fn extend_str(s: &str) -> &'static str {
    // SAFETY: see the function's contract; the lifetime is only widened.
    unsafe { core::mem::transmute::<&str, &'static str>(s) }
}

/// Convert an argument into a by-value parameter of type `T`.
pub fn by_value<T: Variant + Clone>(arg: &mut Dynamic) -> Result<T, Box<EvalAltResult>> {
    let id = TypeId::of::<T>();
    if id == TypeId::of::<&str>() {
        if arg.is_shared() {
            *arg = arg.flatten_clone();
        }
        let s: &ImmutableString = arg.downcast_ref().ok_or_else(|| mismatch::<T>(arg))?;
        // SAFETY: the slice borrows `arg`, which outlives the call it is passed to.
        let s = unsafe { extend_str(s.as_str()) };
        return reify::<&'static str, T>(s).ok_or_else(|| mismatch::<T>(arg));
    }
    let value = core::mem::take(arg);
    let name = value.type_name();
    value
        .try_cast::<T>()
        .ok_or_else(|| type_mismatch::<T>(name))
}

/// A value of type `actual` where a `T` was expected (script names for both).
#[cold]
fn type_mismatch<T>(actual: &str) -> Box<EvalAltResult> {
    EvalAltResult::ErrorMismatchDataType(
        crate::value::fmt::map_std_type_name(type_name::<T>()).into(),
        crate::value::fmt::map_std_type_name(actual).into(),
        Position::NONE,
    )
    .into()
}

fn wrong_count(expected: usize, actual: usize) -> Box<EvalAltResult> {
    format!("a native function expects {expected} argument(s), got {actual}").into()
}

fn no_context() -> Box<EvalAltResult> {
    "a native function needs a call context but none was given".into()
}

/// Fail unless exactly `n` arguments were given.
#[inline]
fn check_count(args: &[&mut Dynamic], n: usize) -> Result<(), Box<EvalAltResult>> {
    if args.len() == n {
        Ok(())
    } else {
        Err(wrong_count(n, args.len()))
    }
}

/// The object of a method call and the other arguments.
#[inline]
#[allow(clippy::type_complexity)]
fn split_object<'a, 'b>(
    args: &'a mut [&'b mut Dynamic],
) -> Result<(&'a mut &'b mut Dynamic, &'a mut [&'b mut Dynamic]), Box<EvalAltResult>> {
    args.split_first_mut().ok_or_else(|| wrong_count(1, 0))
}

/// Borrow the object of a method call as `T` (through its lock when shared).
#[inline]
fn object<'a, T: Variant + Clone>(
    arg: &'a mut Dynamic,
) -> Result<crate::DynamicWriteLock<'a, T>, Box<EvalAltResult>> {
    let name = arg.type_name();
    let locked = arg.is_locked();
    arg.write_lock::<T>().ok_or_else(|| {
        if locked {
            EvalAltResult::ErrorDataRace(String::new(), Position::NONE).into()
        } else {
            type_mismatch::<T>(name)
        }
    })
}

/// Implements `RhaiNativeFunc` for functions taking all parameters by value.
macro_rules! impl_by_value {
    ($n:literal; $($p:ident $v:ident $i:literal),*) => {
        impl_by_value!(@one $n, false, false; [] ; Fn($($p),*) -> RET;
            |__f, _ctx, args| Ok(Dynamic::from(__f($(by_value::<$p>(&mut *args[$i])?),*))); $($p),*);
        impl_by_value!(@one $n, true, false; [ctx] ; Fn(NativeCallContext<'_>, $($p),*) -> RET;
            |__f, ctx, args| Ok(Dynamic::from(__f(ctx.ok_or_else(no_context)?, $(by_value::<$p>(&mut *args[$i])?),*))); $($p),*);
        impl_by_value!(@one $n, false, true; [] ; Fn($($p),*) -> Result<RET, Box<EvalAltResult>>;
            |__f, _ctx, args| __f($(by_value::<$p>(&mut *args[$i])?),*).map(Dynamic::from); $($p),*);
        impl_by_value!(@one $n, true, true; [ctx] ; Fn(NativeCallContext<'_>, $($p),*) -> Result<RET, Box<EvalAltResult>>;
            |__f, ctx, args| __f(ctx.ok_or_else(no_context)?, $(by_value::<$p>(&mut *args[$i])?),*).map(Dynamic::from); $($p),*);
    };
    (@one $n:literal, $x:literal, $fal:literal; [$($c:ident)?]; $bound:path; |$f:ident, $ctx:ident, $args:ident| $call:expr; $($p:ident),*) => {
        impl<FN, $($p: Variant + Clone,)* RET: Variant + Clone> RhaiNativeFunc<($($p,)*), $n, $x, RET, $fal> for FN
        where
            FN: $bound + SendSync + 'static,
        {
            fn into_rhai_function(self, is_pure: bool, is_volatile: bool) -> RhaiFunc {
                let $f = self;
                let func: Shared<FnAny> = Shared::new(
                    move |$ctx: Option<NativeCallContext<'_>>, $args: &mut [&mut Dynamic]| -> RhaiResult {
                        check_count($args, $n)?;
                        $call
                    },
                );
                RhaiFunc::Pure { func, has_context: $x, is_pure, is_volatile }
            }
            fn param_types() -> [TypeId; $n] {
                [$(param_type_id::<$p>()),*]
            }
            fn param_names() -> [&'static str; $n] {
                [$(type_name::<$p>()),*]
            }
        }
    };
}

/// Implements `RhaiNativeFunc` for methods: a `&mut T` first parameter, the rest by value.
macro_rules! impl_method {
    ($n:literal; $t:ident; $($p:ident $i:literal),*) => {
        impl_method!(@one $n, false, false; Fn(&mut $t, $($p),*) -> RET;
            |__f, _ctx, obj, rest| Ok(Dynamic::from(__f(obj, $(by_value::<$p>(&mut *rest[$i])?),*))); $t; $($p),*);
        impl_method!(@one $n, true, false; Fn(NativeCallContext<'_>, &mut $t, $($p),*) -> RET;
            |__f, ctx, obj, rest| Ok(Dynamic::from(__f(ctx.ok_or_else(no_context)?, obj, $(by_value::<$p>(&mut *rest[$i])?),*))); $t; $($p),*);
        impl_method!(@one $n, false, true; Fn(&mut $t, $($p),*) -> Result<RET, Box<EvalAltResult>>;
            |__f, _ctx, obj, rest| __f(obj, $(by_value::<$p>(&mut *rest[$i])?),*).map(Dynamic::from); $t; $($p),*);
        impl_method!(@one $n, true, true; Fn(NativeCallContext<'_>, &mut $t, $($p),*) -> Result<RET, Box<EvalAltResult>>;
            |__f, ctx, obj, rest| __f(ctx.ok_or_else(no_context)?, obj, $(by_value::<$p>(&mut *rest[$i])?),*).map(Dynamic::from); $t; $($p),*);
    };
    (@one $n:literal, $x:literal, $fal:literal; $bound:path; |$f:ident, $ctx:ident, $obj:ident, $rest:ident| $call:expr; $t:ident; $($p:ident),*) => {
        impl<FN, $t: Variant + Clone, $($p: Variant + Clone,)* RET: Variant + Clone> RhaiNativeFunc<(Mut<$t>, $($p,)*), $n, $x, RET, $fal> for FN
        where
            FN: $bound + SendSync + 'static,
        {
            fn into_rhai_function(self, is_pure: bool, is_volatile: bool) -> RhaiFunc {
                let $f = self;
                let func: Shared<FnAny> = Shared::new(
                    move |$ctx: Option<NativeCallContext<'_>>, args: &mut [&mut Dynamic]| -> RhaiResult {
                        check_count(args, $n)?;
                        #[allow(unused_variables)]
                        let (first, $rest) = split_object(args)?;
                        // The object is borrowed (through its lock when shared) for the call;
                        // the other arguments are separate slots, converted in the call.
                        let mut guard = object::<$t>(first)?;
                        let $obj: &mut $t = &mut guard;
                        $call
                    },
                );
                RhaiFunc::Method { func, has_context: $x, is_pure, is_volatile }
            }
            fn param_types() -> [TypeId; $n] {
                [TypeId::of::<$t>(), $(param_type_id::<$p>()),*]
            }
            fn param_names() -> [&'static str; $n] {
                [type_name::<&mut $t>(), $(type_name::<$p>()),*]
            }
        }
    };
}

impl_by_value!(0;);
impl_by_value!(1; A a 0);
impl_by_value!(2; A a 0, B b 1);
impl_by_value!(3; A a 0, B b 1, C c 2);
impl_by_value!(4; A a 0, B b 1, C c 2, D d 3);
impl_by_value!(5; A a 0, B b 1, C c 2, D d 3, E e 4);
impl_by_value!(6; A a 0, B b 1, C c 2, D d 3, E e 4, G g 5);
impl_by_value!(7; A a 0, B b 1, C c 2, D d 3, E e 4, G g 5, H h 6);
impl_by_value!(8; A a 0, B b 1, C c 2, D d 3, E e 4, G g 5, H h 6, J j 7);
impl_by_value!(9; A a 0, B b 1, C c 2, D d 3, E e 4, G g 5, H h 6, J j 7, K k 8);
impl_by_value!(10; A a 0, B b 1, C c 2, D d 3, E e 4, G g 5, H h 6, J j 7, K k 8, L l 9);
impl_by_value!(11; A a 0, B b 1, C c 2, D d 3, E e 4, G g 5, H h 6, J j 7, K k 8, L l 9, M m 10);
impl_by_value!(12; A a 0, B b 1, C c 2, D d 3, E e 4, G g 5, H h 6, J j 7, K k 8, L l 9, M m 10, N n 11);
impl_by_value!(13; A a 0, B b 1, C c 2, D d 3, E e 4, G g 5, H h 6, J j 7, K k 8, L l 9, M m 10, N n 11, P p 12);
impl_by_value!(14; A a 0, B b 1, C c 2, D d 3, E e 4, G g 5, H h 6, J j 7, K k 8, L l 9, M m 10, N n 11, P p 12, Q q 13);
impl_by_value!(15; A a 0, B b 1, C c 2, D d 3, E e 4, G g 5, H h 6, J j 7, K k 8, L l 9, M m 10, N n 11, P p 12, Q q 13, S s 14);
impl_by_value!(16; A a 0, B b 1, C c 2, D d 3, E e 4, G g 5, H h 6, J j 7, K k 8, L l 9, M m 10, N n 11, P p 12, Q q 13, S s 14, U u 15);
impl_by_value!(17; A a 0, B b 1, C c 2, D d 3, E e 4, G g 5, H h 6, J j 7, K k 8, L l 9, M m 10, N n 11, P p 12, Q q 13, S s 14, U u 15, V v 16);
impl_by_value!(18; A a 0, B b 1, C c 2, D d 3, E e 4, G g 5, H h 6, J j 7, K k 8, L l 9, M m 10, N n 11, P p 12, Q q 13, S s 14, U u 15, V v 16, W w 17);
impl_by_value!(19; A a 0, B b 1, C c 2, D d 3, E e 4, G g 5, H h 6, J j 7, K k 8, L l 9, M m 10, N n 11, P p 12, Q q 13, S s 14, U u 15, V v 16, W w 17, Y y 18);
impl_by_value!(20; A a 0, B b 1, C c 2, D d 3, E e 4, G g 5, H h 6, J j 7, K k 8, L l 9, M m 10, N n 11, P p 12, Q q 13, S s 14, U u 15, V v 16, W w 17, Y y 18, Z z 19);

impl_method!(1; T;);
impl_method!(2; T; A 0);
impl_method!(3; T; A 0, B 1);
impl_method!(4; T; A 0, B 1, C 2);
impl_method!(5; T; A 0, B 1, C 2, D 3);
impl_method!(6; T; A 0, B 1, C 2, D 3, E 4);
impl_method!(7; T; A 0, B 1, C 2, D 3, E 4, G 5);
impl_method!(8; T; A 0, B 1, C 2, D 3, E 4, G 5, H 6);
impl_method!(9; T; A 0, B 1, C 2, D 3, E 4, G 5, H 6, J 7);
impl_method!(10; T; A 0, B 1, C 2, D 3, E 4, G 5, H 6, J 7, K 8);
impl_method!(11; T; A 0, B 1, C 2, D 3, E 4, G 5, H 6, J 7, K 8, L 9);
impl_method!(12; T; A 0, B 1, C 2, D 3, E 4, G 5, H 6, J 7, K 8, L 9, M 10);
impl_method!(13; T; A 0, B 1, C 2, D 3, E 4, G 5, H 6, J 7, K 8, L 9, M 10, N 11);
impl_method!(14; T; A 0, B 1, C 2, D 3, E 4, G 5, H 6, J 7, K 8, L 9, M 10, N 11, P 12);
impl_method!(15; T; A 0, B 1, C 2, D 3, E 4, G 5, H 6, J 7, K 8, L 9, M 10, N 11, P 12, Q 13);
impl_method!(16; T; A 0, B 1, C 2, D 3, E 4, G 5, H 6, J 7, K 8, L 9, M 10, N 11, P 12, Q 13, S 14);
impl_method!(17; T; A 0, B 1, C 2, D 3, E 4, G 5, H 6, J 7, K 8, L 9, M 10, N 11, P 12, Q 13, S 14, U 15);
impl_method!(18; T; A 0, B 1, C 2, D 3, E 4, G 5, H 6, J 7, K 8, L 9, M 10, N 11, P 12, Q 13, S 14, U 15, V 16);
impl_method!(19; T; A 0, B 1, C 2, D 3, E 4, G 5, H 6, J 7, K 8, L 9, M 10, N 11, P 12, Q 13, S 14, U 15, V 16, W 17);
impl_method!(20; T; A 0, B 1, C 2, D 3, E 4, G 5, H 6, J 7, K 8, L 9, M 10, N 11, P 12, Q 13, S 14, U 15, V 16, W 17, Y 18);
