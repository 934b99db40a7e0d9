//! The shapes of Rust functions a host registers, up to the published limit of 20
//! parameters: by value, with a `&mut` first parameter, with a leading `NativeCallContext`,
//! returning a value or a `Result`; and the same limit for `FuncArgs` tuples and `Func`.

use rhai::{Dynamic, Engine, EvalAltResult, Func, NativeCallContext, Scope, INT};

#[derive(Clone)]
struct Obj {
    v: INT,
}

type Res<T> = Result<T, Box<EvalAltResult>>;

#[allow(clippy::too_many_arguments)]
fn add20(
    a: INT,
    b: INT,
    c: INT,
    d: INT,
    e: INT,
    f: INT,
    g: INT,
    h: INT,
    i: INT,
    j: INT,
    k: INT,
    l: INT,
    m: INT,
    n: INT,
    o: INT,
    p: INT,
    q: INT,
    r: INT,
    s: INT,
    t: INT,
) -> INT {
    a + b + c + d + e + f + g + h + i + j + k + l + m + n + o + p + q + r + s + t
}

fn engine_with_obj() -> Engine {
    let mut engine = Engine::new();
    engine
        .register_type_with_name::<Obj>("Obj")
        .register_fn("obj", |v: INT| Obj { v });
    engine
}

#[test]
fn twenty_parameters_by_value() {
    let mut engine = Engine::new();
    engine.register_fn("add20", add20);
    #[rustfmt::skip]
    engine.register_fn("add17", |a: INT, b: INT, c: INT, d: INT, e: INT, f: INT, g: INT, h: INT,
        i: INT, j: INT, k: INT, l: INT, m: INT, n: INT, o: INT, p: INT, q: INT| {
        a + b + c + d + e + f + g + h + i + j + k + l + m + n + o + p + q
    });
    let script = "add20(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20)";
    assert_eq!(engine.eval::<INT>(script).unwrap(), 210);
    let script = "add17(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17)";
    assert_eq!(engine.eval::<INT>(script).unwrap(), 153);
}

#[test]
fn twenty_parameters_as_a_method_with_and_without_context() {
    let mut engine = engine_with_obj();
    #[rustfmt::skip]
    engine.register_fn("m20", |o: &mut Obj, b: INT, c: INT, d: INT, e: INT, f: INT, g: INT,
        h: INT, i: INT, j: INT, k: INT, l: INT, m: INT, n: INT, p: INT, q: INT, r: INT, s: INT,
        t: INT, u: INT| {
        o.v + b + c + d + e + f + g + h + i + j + k + l + m + n + p + q + r + s + t + u
    });
    #[rustfmt::skip]
    engine.register_fn("c19", |ctx: NativeCallContext, b: INT, c: INT, d: INT, e: INT, f: INT,
        g: INT, h: INT, i: INT, j: INT, k: INT, l: INT, m: INT, n: INT, p: INT, q: INT, r: INT,
        s: INT, t: INT, u: INT| -> Res<INT> {
        Ok(ctx.fn_name().len() as INT + b + c + d + e + f + g + h + i + j + k + l + m + n + p
            + q + r + s + t + u)
    });
    #[rustfmt::skip]
    engine.register_fn("cm20", |ctx: NativeCallContext, o: &mut Obj, c: INT, d: INT, e: INT,
        f: INT, g: INT, h: INT, i: INT, j: INT, k: INT, l: INT, m: INT, n: INT, p: INT, q: INT,
        r: INT, s: INT, t: INT, u: INT, v: INT| -> Res<INT> {
        Ok(ctx.fn_name().len() as INT + o.v + c + d + e + f + g + h + i + j + k + l + m + n + p
            + q + r + s + t + u + v)
    });
    let script = "obj(100).m20(2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20)";
    assert_eq!(engine.eval::<INT>(script).unwrap(), 309);
    let script = "c19(2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20)";
    assert_eq!(engine.eval::<INT>(script).unwrap(), 212);
    let script = "let o = obj(1000); cm20(o, 3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21)";
    assert_eq!(engine.eval::<INT>(script).unwrap(), 1232);
}

#[test]
fn closures_of_every_return_kind() {
    let mut engine = engine_with_obj();
    engine
        .register_fn("unit", || ())
        .register_fn("dyn_name", |d: Dynamic| d.type_name().to_string())
        .register_fn("count", |a: rhai::Array, m: rhai::Map| {
            (a.len() + m.len()) as INT
        })
        .register_fn("upper", |c: char| c.to_ascii_uppercase())
        .register_fn("small", |x: i32| x + 1)
        .register_fn("checked", |x: INT| -> Res<INT> {
            if x > 0 {
                Ok(x)
            } else {
                Err("negative".into())
            }
        })
        .register_fn("bump", |o: &mut Obj| o.v += 1)
        .register_fn("bump_by", |o: &mut Obj, x: INT| {
            o.v += x;
            o.v
        })
        .register_fn("one_array", || vec![Dynamic::from(1 as INT)]);
    #[allow(deprecated)]
    engine.register_result_fn("doubled", |x: INT| -> Res<INT> { Ok(x * 2) });
    assert_eq!(engine.eval::<()>("unit()").unwrap(), ());
    assert_eq!(engine.eval::<String>("dyn_name(1.0)").unwrap(), "f64");
    assert_eq!(engine.eval::<INT>("count([1, 2], #{a: 1})").unwrap(), 3);
    assert_eq!(engine.eval::<char>("upper('a')").unwrap(), 'A');
    assert_eq!(
        engine.eval::<Dynamic>("small(1)").unwrap_err().to_string(),
        "Function not found: small (i64) (line 1, position 1)"
    );
    assert_eq!(engine.eval::<INT>("checked(5)").unwrap(), 5);
    assert_eq!(
        engine.eval::<INT>("checked(-5)").unwrap_err().to_string(),
        "Runtime error: negative (line 1, position 1)"
    );
    assert_eq!(
        engine
            .eval::<INT>("let o = obj(1); o.bump(); o.bump_by(10)")
            .unwrap(),
        12
    );
    assert_eq!(
        format!("{:?}", engine.eval::<Dynamic>("one_array()").unwrap()),
        "[1]"
    );
    assert_eq!(engine.eval::<INT>("doubled(4)").unwrap(), 8);
}

#[test]
fn call_fn_arguments_up_to_twenty() {
    let engine = Engine::new();
    let ast = engine
        .compile(
            "fn f20(a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t) { a+b+c+d+e+f+g+h+i+j+k+l+m+n+o+p+q+r+s+t }
             fn f1(a) { a }",
        )
        .unwrap();
    let mut scope = Scope::new();
    #[rustfmt::skip]
    let args = (1_i64, 2_i64, 3_i64, 4_i64, 5_i64, 6_i64, 7_i64, 8_i64, 9_i64, 10_i64, 11_i64,
        12_i64, 13_i64, 14_i64, 15_i64, 16_i64, 17_i64, 18_i64, 19_i64, 20_i64);
    let r: INT = engine.call_fn(&mut scope, &ast, "f20", args).unwrap();
    assert_eq!(r, 210);
    let r: INT = engine.call_fn(&mut scope, &ast, "f1", [5_i64]).unwrap();
    assert_eq!(r, 5);
    let r: INT = engine
        .call_fn(&mut scope, &ast, "f1", vec![Dynamic::from(6_i64)])
        .unwrap();
    assert_eq!(r, 6);
    let r: String = engine.call_fn(&mut scope, &ast, "f1", ("str",)).unwrap();
    assert_eq!(r, "str");
    let r: String = engine
        .call_fn(&mut scope, &ast, "f1", (String::from("s"),))
        .unwrap();
    assert_eq!(r, "s");
}

#[test]
fn func_closures_up_to_twenty_parameters() {
    type I = INT;
    let ast = Engine::new()
        .compile("fn f20(a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t) { a+b+c+d+e+f+g+h+i+j+k+l+m+n+o+p+q+r+s+t }")
        .unwrap();
    let f20 =
        Func::<(I, I, I, I, I, I, I, I, I, I, I, I, I, I, I, I, I, I, I, I), I>::create_from_ast(
            Engine::new(),
            ast,
            "f20",
        );
    assert_eq!(
        f20(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20).unwrap(),
        210
    );
    let triple =
        Func::<(I,), I>::create_from_script(Engine::new(), "fn h(x) { x * 3 }", "h").unwrap();
    assert_eq!(triple(5).unwrap(), 15);
    let constant =
        Func::<(), String>::create_from_script(Engine::new(), "fn h() { \"k\" }", "h").unwrap();
    assert_eq!(constant().unwrap(), "k");
}

#[test]
#[allow(clippy::needless_borrows_for_generic_args, clippy::useless_format)]
fn names_of_every_text_type() {
    let mut engine = Engine::new();
    let owned = String::from("f2");
    engine
        .register_fn("f1", || 1 as INT)
        .register_fn(owned.clone(), || 2 as INT)
        .register_fn(&owned.replace('2', "3"), || 3 as INT)
        .register_fn(format!("f{}", 4), || 4 as INT)
        .register_get(String::from("p"), |x: &mut INT| *x);
    engine.register_static_module(String::from("m"), rhai::Module::new().into());
    let mut scope = Scope::new();
    scope
        .push(String::from("a"), 1 as INT)
        .push(&String::from("b"), 2 as INT)
        .push(format!("c"), 3 as INT)
        .set_value(String::from("a"), 5 as INT)
        .set_or_push(String::from("d"), 4 as INT);
    let mut m = rhai::Module::new();
    m.set_var(String::from("v"), 1 as INT)
        .set_id(rhai::ImmutableString::from("id"));
    m.set_native_fn(String::from("g"), || Ok(1 as INT));
    let script = "f1() + f2() + f3() + f4() + a + b + c + d + 7.p";
    assert_eq!(
        engine.eval_with_scope::<INT>(&mut scope, script).unwrap(),
        31
    );
}
