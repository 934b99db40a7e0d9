//! String and character functions, and conversions of values to strings.

use super::reg;
use crate::func::native::FnCaller;
use crate::module::Module;
use crate::{Dynamic, ImmutableString, RhaiResult, INT};
use core::any::TypeId;

fn text(args: &[&mut Dynamic], i: usize) -> ImmutableString {
    args.get(i)
        .and_then(|a| Dynamic::clone(a).into_immutable_string().ok())
        .unwrap_or_default()
}

fn string_result(s: impl Into<ImmutableString>) -> RhaiResult {
    Ok(Dynamic::from(s.into()))
}

/// Register the basic string functions.
pub(crate) fn init_basic(module: &mut Module) {
    let s = TypeId::of::<ImmutableString>();
    for name in ["len", "get$len"] {
        reg::method(module, name, &[s], true, |_, args| {
            Ok(Dynamic::from_int(text(args, 0).char_len() as INT))
        });
    }
    reg::method(module, "contains", &[s, s], true, |_, args| {
        Ok(Dynamic::from_bool(
            text(args, 0).contains(text(args, 1).as_str()),
        ))
    });
    reg::method(
        module,
        "contains",
        &[s, TypeId::of::<char>()],
        true,
        |_, args| {
            let c = args[1].as_char().unwrap_or('\0');
            Ok(Dynamic::from_bool(text(args, 0).contains(c)))
        },
    );
}

/// Register the further string functions and conversions to strings.
pub(crate) fn init_more(module: &mut Module) {
    let s = TypeId::of::<ImmutableString>();
    let dynamic = TypeId::of::<Dynamic>();
    reg::method(module, "to_string", &[dynamic], true, |ctx, args| {
        let value = args[0].clone();
        if let (Some(ctx), true) = (ctx, value.is_variant()) {
            return FnCaller::new(&ctx)
                .call_by_name("to_string", [value.clone()], ctx.position())
                .or_else(|_| string_result(ctx.engine().map_type_name(value.type_name())));
        }
        string_result(value.to_string())
    });
    reg::method(module, "to_debug", &[dynamic], true, |_, args| {
        string_result(format!("{:?}", args[0]))
    });
    reg::method(module, "to_upper", &[s], true, |_, args| {
        string_result(text(args, 0).to_uppercase())
    });
    reg::method(module, "to_lower", &[s], true, |_, args| {
        string_result(text(args, 0).to_lowercase())
    });
    reg::method(module, "trim", &[s], false, |_, args| {
        let trimmed: ImmutableString = text(args, 0).trim().into();
        *args[0] = Dynamic::from(trimmed);
        Ok(Dynamic::UNIT)
    });
    reg::method(module, "starts_with", &[s, s], true, |_, args| {
        Ok(Dynamic::from_bool(
            text(args, 0).starts_with(text(args, 1).as_str()),
        ))
    });
    reg::method(module, "ends_with", &[s, s], true, |_, args| {
        Ok(Dynamic::from_bool(
            text(args, 0).ends_with(text(args, 1).as_str()),
        ))
    });
    reg::method(module, "replace", &[s, s, s], false, |_, args| {
        let (find, with) = (text(args, 1), text(args, 2));
        let replaced: ImmutableString = text(args, 0).replace(find.as_str(), &with).into();
        *args[0] = Dynamic::from(replaced);
        Ok(Dynamic::UNIT)
    });
    reg::method(module, "index_of", &[s, s], true, |_, args| {
        let (hay, needle) = (text(args, 0), text(args, 1));
        let pos = hay
            .find(needle.as_str())
            .map_or(-1, |b| hay[..b].chars().count() as INT);
        Ok(Dynamic::from_int(pos))
    });
    reg::method(
        module,
        "sub_string",
        &[s, TypeId::of::<INT>(), TypeId::of::<INT>()],
        true,
        |_, args| {
            let start = args[1].as_int().unwrap_or(0).max(0) as usize;
            let len = args[2].as_int().unwrap_or(0).max(0) as usize;
            string_result(
                text(args, 0)
                    .chars()
                    .skip(start)
                    .take(len)
                    .collect::<String>(),
            )
        },
    );
    reg::method(module, "split", &[s, s], true, |_, args| {
        let sep = text(args, 1);
        let parts = text(args, 0)
            .split(sep.as_str())
            .map(|p| Dynamic::from(ImmutableString::from(p)))
            .collect();
        Ok(Dynamic::from_array(parts))
    });
}
