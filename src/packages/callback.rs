//! Calling a callback (a function pointer or a function's name) from a package function, the
//! way the published crate does.
//!
//! Each package function offers a few call forms, simplest first (`map`: the element as
//! `this`; the element; the element and its index). A closure's declared parameter count
//! picks the form with that many arguments (none fits: the last form is called, and fails as
//! not found). A named function's parameters are unknown: the forms are tried in turn while
//! the call is not found, and the one that answers is used for the following calls. Errors
//! come out as raised inside the package function (`ErrorInFunctionCall`).

use crate::func::native::FnCaller;
use crate::{Dynamic, EvalAltResult, FnPtr, NativeCallContext, RhaiResult};

/// One way to call a callback: which of the call's values is bound to `this` (if any), and
/// which are passed as arguments (their indices).
#[derive(Clone, Copy)]
pub(crate) struct Form {
    pub this: Option<usize>,
    pub args: &'static [usize],
}

/// The first value as `this`, no arguments.
pub(crate) const THIS: Form = Form {
    this: Some(0),
    args: &[],
};
/// The first value.
pub(crate) const ONE: Form = Form {
    this: None,
    args: &[0],
};
/// The first two values.
pub(crate) const TWO: Form = Form {
    this: None,
    args: &[0, 1],
};
/// The first three values.
pub(crate) const THREE: Form = Form {
    this: None,
    args: &[0, 1, 2],
};

/// A callback being called repeatedly by one package function.
pub(crate) struct Callback<'a> {
    /// The package function that errors are reported in.
    name: &'a str,
    ptr: &'a FnPtr,
    forms: &'static [Form],
    caller: FnCaller<'a>,
    ctx: &'a NativeCallContext<'a>,
    /// The form in use: chosen by a closure's parameter count, or found by trying.
    chosen: Option<usize>,
}

impl<'a> Callback<'a> {
    /// A callback offering `forms` (simplest first).
    pub(crate) fn new(
        ctx: &'a NativeCallContext<'a>,
        ptr: &'a FnPtr,
        forms: &'static [Form],
    ) -> Self {
        let chosen = crate::packages::array_fn::declared_params(ptr).map(|n| {
            let last = forms.len().saturating_sub(1);
            forms.iter().position(|f| f.args.len() == n).unwrap_or(last)
        });
        Self {
            name: ctx.fn_name(),
            ptr,
            forms,
            caller: FnCaller::new(ctx),
            ctx,
            chosen,
        }
    }

    /// Report errors as raised inside the package function `name` instead.
    pub(crate) fn reported_in(mut self, name: &'a str) -> Self {
        self.name = name;
        self
    }

    /// Call with the values that `value(index, take)` gives: moved out when `take`, else a
    /// copy (to try the next form with). The forms binding `this` bind `this` when given
    /// (changes are kept), else their value. Errors are wrapped as raised inside the package
    /// function.
    pub(crate) fn call(
        &mut self,
        this: Option<&mut Dynamic>,
        value: impl FnMut(usize, bool) -> Dynamic,
    ) -> RhaiResult {
        self.call_raw(this, value)
            .map_err(|err| in_package_fn(self.ctx, self.name, err))
    }

    /// Call like `call`, errors as they are.
    pub(crate) fn call_raw(
        &mut self,
        mut this: Option<&mut Dynamic>,
        mut value: impl FnMut(usize, bool) -> Dynamic,
    ) -> RhaiResult {
        if let Some(i) = self.chosen {
            return self.call_form(self.forms[i], this, |i| value(i, true));
        }
        let last = self.forms.len().saturating_sub(1);
        for i in 0..last {
            let result = self.call_form(self.forms[i], this.as_deref_mut(), |i| value(i, false));
            if !self.is_not_found(&result) {
                self.chosen = Some(i);
                return result;
            }
        }
        self.chosen = Some(last);
        self.call_form(self.forms[last], this, |i| value(i, true))
    }

    fn call_form(
        &mut self,
        form: Form,
        this: Option<&mut Dynamic>,
        mut value: impl FnMut(usize) -> Dynamic,
    ) -> RhaiResult {
        let pos = self.ctx.position();
        let args = form.args.iter().map(|&i| value(i));
        let Some(t) = form.this else {
            return self.caller.call(self.ptr, args, pos);
        };
        let args: crate::func::call::ArgVec = args.collect();
        match this {
            Some(this) => self.caller.call_with_this(self.ptr, this, args, pos),
            None => self
                .caller
                .call_with_this(self.ptr, &mut value(t), args, pos),
        }
    }

    /// Is this the callback itself not being found (rather than an error inside it)?
    fn is_not_found(&self, result: &RhaiResult) -> bool {
        match result {
            Err(err) => match &**err {
                EvalAltResult::ErrorFunctionNotFound(sig, _) => sig
                    .strip_prefix(self.ptr.fn_name())
                    .is_some_and(|rest| rest.starts_with(" (")),
                _ => false,
            },
            Ok(_) => false,
        }
    }
}

/// `err` as raised inside the package function `name` (at the call's position).
#[cold]
pub(crate) fn in_package_fn(
    ctx: &NativeCallContext,
    name: &str,
    err: Box<EvalAltResult>,
) -> Box<EvalAltResult> {
    let source = ctx.call_source().unwrap_or_default().to_string();
    EvalAltResult::ErrorInFunctionCall(name.into(), source, err, ctx.position()).into()
}
