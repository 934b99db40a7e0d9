//! Feature `sync`: the engine, compiled scripts, values and modules are `Send + Sync`, so they
//! can be shared between threads.
#![cfg(feature = "sync")]

use rhai::module_resolvers::{FileModuleResolver, ModuleResolversCollection, StaticModuleResolver};
use rhai::{
    CallFnOptions, Dynamic, Engine, EvalAltResult, FnPtr, FnResolutionCache, FuncRegistration,
    ImmutableString, Locked, Module, NativeCallContext, ParseError, Position, Scope, Shared, AST,
    INT,
};
use std::sync::Arc;

fn send_sync<T: Send + Sync>() {}

#[test]
fn api_types_are_send_and_sync() {
    send_sync::<Engine>();
    send_sync::<AST>();
    send_sync::<Scope>();
    send_sync::<Dynamic>();
    send_sync::<Module>();
    send_sync::<Shared<Module>>();
    send_sync::<FnPtr>();
    send_sync::<ImmutableString>();
    send_sync::<EvalAltResult>();
    send_sync::<ParseError>();
    send_sync::<Position>();
    send_sync::<FuncRegistration>();
    send_sync::<CallFnOptions>();
    send_sync::<StaticModuleResolver>();
    send_sync::<FileModuleResolver>();
    send_sync::<ModuleResolversCollection>();
    send_sync::<FnResolutionCache>();
}

#[test]
fn values_cross_threads() {
    let engine = Arc::new(Engine::new());
    let ast = Arc::new(engine.compile("40 + 2").unwrap());
    let (e, a) = (engine.clone(), ast.clone());
    assert_eq!(
        std::thread::spawn(move || e.eval_ast::<INT>(&a).unwrap())
            .join()
            .unwrap(),
        42
    );
    let shared = Dynamic::from(1 as INT).into_shared();
    let mut other = shared.clone();
    std::thread::spawn(move || *other.write_lock::<INT>().unwrap() += 1)
        .join()
        .unwrap();
    assert_eq!(shared.as_int(), Ok(2));
    type Boxed = dyn Fn(NativeCallContext, &mut [&mut Dynamic]) -> Result<Dynamic, Box<EvalAltResult>>
        + Send
        + Sync;
    let boxed: Box<Boxed> = Box::new(|_, args| Ok(args[0].clone()));
    let ptr = FnPtr::from_dyn_fn("same", boxed).unwrap();
    let value = Dynamic::from(ptr);
    assert_eq!(
        std::thread::spawn(move || value.to_string())
            .join()
            .unwrap(),
        "Fn(same)"
    );
    let locked: Locked<INT> = Locked::new(1);
    assert_eq!(*locked.read().unwrap(), 1);
}
