//! The smaller API items as a host uses them: `NativeCallContext` (sources, call levels,
//! calling back), `TypeBuilder`, module resolvers, error values and `Position`, the JSON text
//! of maps, the hashing seeds.

use rhai::module_resolvers::{
    DummyModuleResolver, FileModuleResolver, ModuleResolversCollection, StaticModuleResolver,
};
use rhai::{
    CustomType, Dynamic, Engine, EvalAltResult, LexError, Map, Module, ModuleResolver,
    NativeCallContext, ParseError, ParseErrorType, Position, Shared, TypeBuilder, INT,
};

type Res<T> = Result<T, Box<EvalAltResult>>;

#[test]
fn native_call_context_sources_and_levels() {
    let mut engine = Engine::new();
    engine.register_fn("info", |ctx: NativeCallContext| {
        format!(
            "{} {:?} {:?} {:?} {} {}",
            ctx.fn_name(),
            ctx.source(),
            ctx.fn_source(),
            ctx.call_source(),
            ctx.call_position(),
            ctx.call_level()
        )
    });
    let mut m = Module::new();
    m.set_id("mymod");
    m.set_native_fn("modinfo", |ctx: NativeCallContext| -> Res<String> {
        Ok(format!("{:?} {:?}", ctx.fn_source(), ctx.call_source()))
    });
    let mut resolver = StaticModuleResolver::new();
    resolver.insert("m", m);
    engine.set_module_resolver(resolver);
    let mut ast = engine
        .compile("fn wrap() { info() } import \"m\" as mm;\n[info(), wrap(), mm::modinfo()]")
        .unwrap();
    ast.set_source("main.rhai");
    let seen: Vec<String> = engine
        .eval_ast::<rhai::Array>(&ast)
        .unwrap()
        .into_iter()
        .map(|v| v.into_string().unwrap())
        .collect();
    assert_eq!(
        seen,
        [
            "info None None Some(\"main.rhai\") line 2, position 2 1",
            "info None None Some(\"main.rhai\") line 1, position 13 2",
            "Some(\"mymod\") Some(\"main.rhai\")",
        ]
    );
}

#[test]
fn native_call_context_calls_back() {
    let mut engine = Engine::new();
    engine
        .register_fn(
            "callf",
            |ctx: NativeCallContext, name: &str, x: INT| -> Res<INT> { ctx.call_fn(name, (x,)) },
        )
        .register_fn(
            "calln",
            |ctx: NativeCallContext, name: &str, x: INT| -> Res<INT> {
                ctx.call_native_fn(name, (x,))
            },
        )
        .register_fn(
            "callm",
            |ctx: NativeCallContext, name: &str, mut obj: Dynamic| -> Res<Dynamic> {
                ctx.call_method(name, &mut obj, ())
            },
        )
        .register_fn(
            "callnm",
            |ctx: NativeCallContext, name: &str, mut obj: Dynamic| -> Res<Dynamic> {
                ctx.call_native_method(name, &mut obj, ())
            },
        )
        .register_fn(
            "callraw",
            |ctx: NativeCallContext, name: &str, x: INT| -> Res<Dynamic> {
                ctx.call_fn_raw(name, false, false, &mut [&mut Dynamic::from(x)])
            },
        )
        .register_fn(
            "callnraw",
            |ctx: NativeCallContext, name: &str, x: INT| -> Res<Dynamic> {
                ctx.call_native_fn_raw(name, false, &mut [&mut Dynamic::from(x)])
            },
        );
    let eval = |s: &str| {
        engine
            .eval::<Dynamic>(s)
            .map(|v| v.to_string())
            .map_err(|e| e.to_string())
    };
    assert_eq!(eval("fn sq(x) { x * x } callf(\"sq\", 5)"), Ok("25".into()));
    assert_eq!(
        eval("fn abs(x) { 99 } [calln(\"abs\", -5), callf(\"abs\", -5)]"),
        Ok("[5, 99]".into())
    );
    assert_eq!(
        eval("fn double() { this * 2 } callm(\"double\", 21)"),
        Ok("42".into())
    );
    assert_eq!(eval("callnm(\"len\", [1, 2, 3])"), Ok("3".into()));
    assert_eq!(
        eval("fn sq(x) { x * x } callraw(\"sq\", 6)"),
        Ok("36".into())
    );
    assert_eq!(eval("callnraw(\"abs\", -6)"), Ok("6".into()));
    let missing = "Function not found: nope (i64) (line 1, position 1)";
    assert_eq!(eval("callf(\"nope\", 1)"), Err(missing.into()));
}

#[derive(Clone)]
struct Vec3 {
    x: INT,
    items: Vec<INT>,
}

impl IntoIterator for Vec3 {
    type Item = INT;
    type IntoIter = std::vec::IntoIter<INT>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl CustomType for Vec3 {
    fn build(mut builder: TypeBuilder<Self>) {
        builder
            .with_name("Vec3")
            .with_fn("vec3", |x: INT| Vec3 {
                x,
                items: vec![x, x + 1],
            })
            .with_get_set("x", |v: &mut Vec3| v.x, |v: &mut Vec3, x: INT| v.x = x)
            .with_indexer_get_set(
                |v: &mut Vec3, i: INT| v.items[i as usize],
                |v: &mut Vec3, i: INT, val: INT| v.items[i as usize] = val,
            )
            .on_print(|v| format!("Vec3({})", v.x))
            .on_debug(|v| format!("Vec3 {{ x: {} }}", v.x))
            .is_iterable();
    }
}

#[test]
fn type_builder() {
    let mut engine = Engine::new();
    engine.build_type::<Vec3>();
    let eval = |s: &str| engine.eval::<Dynamic>(s).unwrap().to_string();
    assert_eq!(
        eval("let v = vec3(1); v.x = 10; v[0] = 7; v.x + v[0] + v[1]"),
        "19"
    );
    assert_eq!(eval("let s = 0; for i in vec3(1) { s += i } s"), "3");
    assert_eq!(
        eval("let v = vec3(2); `${v} ${v.to_debug()} ${type_of(v)} ${[v]}`"),
        "Vec3(2) Vec3 { x: 2 } Vec3 [Vec3 { x: 2 }]"
    );
}

struct Mine;

impl ModuleResolver for Mine {
    fn resolve(
        &self,
        _: &Engine,
        source: Option<&str>,
        path: &str,
        pos: Position,
    ) -> Res<Shared<Module>> {
        if path == "mine" {
            let mut m = Module::new();
            m.set_var("MINE", 1_i64);
            Ok(m.into())
        } else {
            Err(EvalAltResult::ErrorModuleNotFound(format!("{path} from {source:?}"), pos).into())
        }
    }
}

#[test]
fn module_resolvers() {
    let dir = std::env::temp_dir().join(format!("rhai-api-misc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("lib.rhai"),
        "export const X = 10; fn double(x) { x * 2 }",
    )
    .unwrap();
    let mut file = FileModuleResolver::new_with_path(&dir);
    assert_eq!(
        (file.base_path(), file.extension(), file.is_cache_enabled()),
        (Some(dir.as_path()), "rhai", true)
    );
    assert_eq!(file.get_file_path("lib", None), dir.join("lib.rhai"));
    assert_eq!(
        file.get_file_path("lib", Some(std::path::Path::new("/x/y/z.rhai"))),
        dir.join("lib.rhai")
    );
    let engine = Engine::new();
    let module = file.resolve(&engine, None, "lib", Position::NONE).unwrap();
    assert_eq!(module.count(), (1, 1, 0));
    assert!(file.is_cached(dir.join("lib.rhai")));
    assert!(file.clear_cache_for_path(dir.join("lib.rhai")).is_some());
    file.set_extension("script").enable_cache(false);
    assert_eq!(
        (file.extension(), file.is_cache_enabled()),
        ("script", false)
    );
    let mut statics = StaticModuleResolver::new();
    let mut m = Module::new();
    m.set_var("S", 3_i64);
    statics.insert("stat", m);
    statics.insert("other", Module::new());
    assert_eq!(statics.paths().collect::<Vec<_>>(), ["other", "stat"]);
    assert_eq!(statics.remove("other").map(|m| m.count()), Some((0, 0, 0)));
    let mut all = ModuleResolversCollection::new();
    all.push(DummyModuleResolver::new());
    all.push(statics);
    all.insert(0, Mine);
    all += FileModuleResolver::new_with_path(&dir);
    assert_eq!(all.len(), 4);
    let mut engine = Engine::new();
    engine.set_module_resolver(all);
    let script = "import \"mine\" as a; import \"stat\" as b; import \"lib\" as c; a::MINE + b::S + c::double(c::X)";
    assert_eq!(engine.eval::<INT>(script).unwrap(), 24);
    let err = engine.eval::<INT>("import \"zzz\" as z; 1").unwrap_err();
    assert!(
        matches!(*err, EvalAltResult::ErrorModuleNotFound(ref p, _) if p == "zzz"),
        "{err:?}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn error_values_and_positions() {
    let runtime: Box<EvalAltResult> = "msg".into();
    assert_eq!(format!("{runtime:?}"), "ErrorRuntime(\"msg\", none)");
    let parse = ParseError(Box::new(ParseErrorType::UnexpectedEOF), Position::new(1, 2));
    let wrapped: EvalAltResult = parse.clone().into();
    assert_eq!(format!("{wrapped:?}"), "ErrorParsing(UnexpectedEOF, 1:2)");
    assert_eq!(
        (parse.err_type(), parse.position()),
        (&ParseErrorType::UnexpectedEOF, Position::new(1, 2))
    );
    let lexed = LexError::MalformedNumber("1x".into()).into_err(Position::START);
    assert_eq!(
        format!("{lexed:?}"),
        "ParseError(BadInput(MalformedNumber(\"1x\")), 1)"
    );
    let mut err = EvalAltResult::ErrorInFunctionCall(
        "f".into(),
        "src".into(),
        Box::new(EvalAltResult::ErrorRuntime(
            Dynamic::ONE,
            Position::new(9, 9),
        )),
        Position::new(1, 5),
    );
    assert!(err.is_catchable() && !err.is_pseudo_error() && !err.is_system_exception());
    assert_eq!(err.unwrap_inner().position(), Position::new(9, 9));
    assert_eq!(err.take_position(), Position::new(1, 5));
    assert_eq!(
        err.set_position(Position::new(5, 6)).position(),
        Position::new(5, 6)
    );
    assert!(err.clear_position().position().is_none());
    let flow = EvalAltResult::Return(Dynamic::ONE, Position::NONE);
    assert!(flow.is_pseudo_error() && !flow.is_catchable());
    let boxed: Box<dyn std::error::Error> =
        Box::new(EvalAltResult::ErrorTooManyOperations(Position::NONE));
    assert!(boxed.source().is_none());
    let p = Position::new(3, 4);
    assert_eq!(
        (p.line(), p.position(), p.is_beginning_of_line()),
        (Some(3), Some(4), false)
    );
    assert_eq!(
        (Position::NONE.or_else(p), Position::new_const(0, 1)),
        (p, None)
    );
    assert_eq!(Position::default(), Position::START);
    assert_eq!(Position::default().to_string(), "line 1, position 0");
    assert!(Position::new(1, 0).is_beginning_of_line() && Position::new(1, 0).position().is_none());
    let mut q = p + Position::new(1, 1);
    q += Position::new(2, 0);
    assert_eq!((format!("{q:?}"), p < q), ("4:4".to_string(), true));
}

#[derive(Clone)]
struct Opaque;

#[test]
fn json_text_of_maps() {
    let mut m = Map::new();
    m.insert("k\"q".into(), Dynamic::from(Opaque));
    m.insert(
        "chars".into(),
        Dynamic::from(vec![Dynamic::from('\n'), Dynamic::from("é\u{1}")]),
    );
    m.insert("blob".into(), Dynamic::from_blob(vec![1, 2]));
    let mut curried = rhai::FnPtr::new("g").unwrap();
    curried.add_curry(Dynamic::ONE);
    m.insert(
        "fns".into(),
        Dynamic::from(vec![
            Dynamic::from(rhai::FnPtr::new("f").unwrap()),
            Dynamic::from(curried),
        ]),
    );
    m.insert(
        "misc".into(),
        Dynamic::from(vec![
            Dynamic::UNIT,
            Dynamic::from(1_i64..3),
            Dynamic::from(5_i32),
            Dynamic::from(1e30),
        ]),
    );
    m.insert("shared".into(), Dynamic::from("s").into_shared());
    let opaque = std::any::type_name::<Opaque>();
    assert_eq!(
        rhai::format_map_as_json(&m),
        format!(
            r#"{{"blob":[1,2],"chars":['\n',"é\u{{1}}"],"fns":["f",["g",1]],"k\"q":{opaque},"misc":[null,1..3,5,1e30],"shared":"s"}}"#
        )
    );
    // A script's `to_json` writes the same text; with `metadata`, the map's serde form.
    let engine = Engine::new();
    let script = "#{c: 'c', b: blob(2, 1), f: Fn(\"f\"), r: 1..2, s: \"x\\u0001\"}.to_json()";
    let text: String = engine.eval(script).unwrap();
    let expected = if cfg!(feature = "metadata") {
        r#"{"b":[1,1],"c":"c","f":"f","r":"core::ops::range::Range<i64>","s":"x\u0001"}"#
    } else {
        r#"{"b":[1,1],"c":'c',"f":"f","r":1..2,"s":"x\u{1}"}"#
    };
    assert_eq!(text, expected);
}

#[test]
fn hashing_seeds() {
    assert_eq!(rhai::config::hashing::get_hashing_seed(), &None);
    assert_eq!(rhai::config::hashing::get_ahash_seed(), &None);
}
