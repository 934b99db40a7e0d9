//! `get_fn_metadata_list`: the script functions in reach of the running script, described as
//! object maps.
//!
//! Sources, in order: the running module function's encapsulated environment (if any), the
//! running script, global modules (latest first), imported modules (latest first), then
//! static modules (in name order, as the engine keeps them by name).

use super::reg::f;
use crate::ast::ScriptFuncDef;
use crate::config::Shared;
use crate::module::Module;
use crate::{Array, Dynamic, ImmutableString, Map, NativeCallContext, INT};

/// Register `get_fn_metadata_list` with its three signatures.
pub(crate) fn init(m: &mut Module) {
    f(m, "get_fn_metadata_list", |ctx: NativeCallContext| {
        metadata_list(&ctx, |_| true)
    });
    f(
        m,
        "get_fn_metadata_list",
        |ctx: NativeCallContext, name: ImmutableString| metadata_list(&ctx, |f| f.name == name),
    );
    f(
        m,
        "get_fn_metadata_list",
        |ctx: NativeCallContext, name: ImmutableString, params: INT| {
            metadata_list(&ctx, |f| {
                f.name == name && INT::try_from(f.params.len()) == Ok(params)
            })
        },
    );
}

/// The metadata of every reachable script function passing `keep`.
fn metadata_list(ctx: &NativeCallContext, keep: impl Fn(&ScriptFuncDef) -> bool) -> Array {
    let engine = ctx.engine();
    let own = ctx.lib.iter().rev().map(|lib| (None, lib));
    let global = engine.global_modules.iter().rev().map(|m| (None, m));
    let imported = ctx
        .global
        .into_iter()
        .flat_map(|g| g.imports.iter().rev())
        .filter(|(alias, _)| !alias.is_empty())
        .map(|(alias, m)| (Some(alias.as_str()), m));
    let statics = engine
        .global_sub_modules
        .iter()
        .map(|(name, m)| (Some(name.as_str()), m));
    own.chain(global)
        .chain(imported)
        .chain(statics)
        .flat_map(|(namespace, module)| describe_module(namespace, module, &keep))
        .collect()
}

/// The metadata maps of one module's script functions passing `keep`.
fn describe_module<'m>(
    namespace: Option<&'m str>,
    module: &'m Shared<Module>,
    keep: &'m impl Fn(&ScriptFuncDef) -> bool,
) -> impl Iterator<Item = Dynamic> + 'm {
    module
        .iter_script_fn()
        .filter(move |f| keep(f))
        .map(move |f| Dynamic::from_map(describe(namespace, f)))
}

/// One function's metadata map.
fn describe(namespace: Option<&str>, f: &ScriptFuncDef) -> Map {
    let mut map = Map::new();
    let text = |s: &str| Dynamic::from(ImmutableString::from(s));
    if let Some(ns) = namespace {
        map.insert("namespace".into(), text(ns));
    }
    let access = if f.access.is_private() {
        "private"
    } else {
        "public"
    };
    map.insert("access".into(), text(access));
    map.insert("name".into(), Dynamic::from(f.name.clone()));
    let params: Array = f.params.iter().map(|p| Dynamic::from(p.clone())).collect();
    map.insert("params".into(), Dynamic::from_array(params));
    // The type name as the engine knows it (`fn int.f()` gives "i64").
    if let Some(t) = &f.this_type {
        map.insert("this_type".into(), Dynamic::from(t.clone()));
    }
    let anonymous = f.name.starts_with(crate::ast::ANONYMOUS_FN_PREFIX);
    map.insert("is_anonymous".into(), Dynamic::from_bool(anonymous));
    #[cfg(feature = "metadata")]
    if !f.comments.is_empty() {
        let comments: Array = f.comments.iter().map(|c| text(c)).collect();
        map.insert("comments".into(), Dynamic::from_array(comments));
    }
    map
}
