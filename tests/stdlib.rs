//! The standard library (book: the function tables of strings, arrays, maps, numbers,
//! BLOBs, ranges, timestamps and function pointers). Notation of `common::check_all`.

mod common;
use common::{check_all, engine};
use rhai::Dynamic;

#[test]
fn string_functions() {
    check_all(
        &engine(),
        &[
            ("\"hello\".len", "5"),
            ("\"héllo\".len()", "5"),
            ("\"héllo\".bytes", "6"),
            ("\"\".is_empty", "true"),
            ("\"Hello\".to_upper()", "\"HELLO\""),
            ("\"Hello\".to_lower()", "\"hello\""),
            ("let s = \"ab\"; s.make_upper(); s", "\"AB\""),
            ("\"abcabc\".index_of(\"c\")", "2"),
            ("\"abcabc\".index_of(\"c\", 3)", "5"),
            ("\"abcabc\".index_of('x')", "-1"),
            ("\"abcdef\".sub_string(2, 3)", "\"cde\""),
            ("\"abcdef\".sub_string(-2)", "\"ef\""),
            ("\"abcdef\".sub_string(1..3)", "\"bc\""),
            ("\"abcdef\".sub_string(1..=3)", "\"bcd\""),
            ("\"a,b,c\".split(\",\")", "[\"a\", \"b\", \"c\"]"),
            ("\"a,b,c\".split(',', 2)", "[\"a\", \"b,c\"]"),
            ("\"a b  c\".split()", "[\"a\", \"b\", \"c\"]"),
            ("\"abcdef\".split(2)", "[\"ab\", \"cdef\"]"),
            ("\"a,b,c\".split_rev(\",\")", "[\"c\", \"b\", \"a\"]"),
            ("let s = \"  x  \"; s.trim(); s", "\"x\""),
            ("let s = \"abc\"; s.pad(6, '*'); s", "\"abc***\""),
            ("let s = \"abcdef\"; s.truncate(2); s", "\"ab\""),
            ("let s = \"abcdef\"; s.crop(1, 2); s", "\"bc\""),
            ("let s = \"aXbX\"; s.remove('X'); s", "\"ab\""),
            (
                "let s = \"foo bar\"; s.replace(\"bar\", \"baz\"); s",
                "\"foo baz\"",
            ),
            ("let s = \"abc\"; s.pop()", "'c'"),
            ("let s = \"abc\"; s.pop(2)", "\"bc\""),
            ("let s = \"abc\"; s.clear(); s", "\"\""),
            ("let s = \"a\"; s.append(\"bc\"); s", "\"abc\""),
            ("let s = \"a\"; s += 1; s", "\"a1\""),
            ("\"abc\".contains(\"bc\")", "true"),
            ("\"abc\".starts_with(\"ab\")", "true"),
            ("\"abc\".ends_with(\"x\")", "false"),
            ("\"abc\".get(1)", "'b'"),
            ("\"abc\".get(10)", "()"),
            ("let s = \"abc\"; s.set(0, 'X'); s", "\"Xbc\""),
            ("\"abc\".to_chars()", "['a', 'b', 'c']"),
            ("let n = 0; for c in \"abc\".chars() { n += 1; } n", "3"),
            (
                "let s = \"\"; for c in chars(\"héllo\") { s += c } s",
                "\"héllo\"",
            ),
            (
                "let s = \"\"; for c in \"héllo\".chars(1) { s += c } s",
                "\"éllo\"",
            ),
            (
                "let s = \"\"; for c in \"héllo\".chars(-2) { s += c } s",
                "\"lo\"",
            ),
            (
                "let s = \"\"; for c in \"héllo\".chars(-99) { s += c } s",
                "\"héllo\"",
            ),
            (
                "let s = \"\"; for c in \"héllo\".chars(1, 2) { s += c } s",
                "\"él\"",
            ),
            (
                "let s = \"\"; for c in \"héllo\".chars(1, 0) { s += c } s",
                "\"\"",
            ),
            (
                "let s = \"\"; for c in \"héllo\".chars(3, 99) { s += c } s",
                "\"lo\"",
            ),
            (
                "let s = \"\"; for c in \"héllo\".chars(9, 2) { s += c } s",
                "\"\"",
            ),
            (
                "let s = \"\"; for c in \"héllo\".chars(1..3) { s += c } s",
                "\"él\"",
            ),
            (
                "let s = \"\"; for c in \"héllo\".chars(1..=3) { s += c } s",
                "\"éll\"",
            ),
            (
                "let s = \"\"; for c in \"héllo\".chars(3..1) { s += c } s",
                "\"\"",
            ),
            (
                "let s = \"\"; for c in \"héllo\".chars(2..99) { s += c } s",
                "\"llo\"",
            ),
            ("\"hello\" - 'l'", "\"heo\""),
            ("'a'.to_int()", "97"),
            ("65.to_char()", "!ErrorFunctionNotFound"),
            ("min(\"a\", \"b\")", "\"a\""),
            ("to_string(42)", "\"42\""),
            ("42.to_string()", "\"42\""),
            ("\"x\".to_debug()", "\"\\\"x\\\"\""),
        ],
    );
}

#[test]
fn array_functions() {
    check_all(
        &engine(),
        &[
            ("let a = [1, 2]; a.insert(0, 9); a", "[9, 1, 2]"),
            ("let a = [1, 2, 3]; a.pop()", "3"),
            ("let a = [1, 2, 3]; a.shift()", "1"),
            ("let a = [1, 2, 3]; a.remove(1); a", "[1, 3]"),
            ("let a = [1, 2, 3, 4, 5]; a.extract(1, 2)", "[2, 3]"),
            ("let a = [1, 2, 3, 4, 5]; a.extract(2..4)", "[3, 4]"),
            ("let a = [1, 2, 3, 4, 5]; a.extract(-2)", "[4, 5]"),
            (
                "let a = [1, 2, 3, 4, 5]; let d = a.drain(1, 2); [a, d]",
                "[[1, 4, 5], [2, 3]]",
            ),
            (
                "let a = [1, 2, 3, 4, 5]; let r = a.retain(1..3); [a, r]",
                "[[2, 3], [1, 4, 5]]",
            ),
            ("let a = [1, 2, 3, 4]; a.drain(|x| x % 2 == 0)", "[2, 4]"),
            ("let a = [1, 2, 3, 4]; a.retain(|x| x > 2); a", "[3, 4]"),
            (
                "let a = [1, 2, 3]; a.splice(1, 1, [7, 8]); a",
                "[1, 7, 8, 3]",
            ),
            ("let a = [1, 2, 3]; a.truncate(1); a", "[1]"),
            ("let a = [1, 2, 3]; a.chop(1); a", "[3]"),
            ("let a = [1, 2, 3]; a.reverse(); a", "[3, 2, 1]"),
            (
                "let a = [1, 2, 3]; let b = a.split(1); [a, b]",
                "[[1], [2, 3]]",
            ),
            ("let a = [1]; a.pad(3, 0); a", "[1, 0, 0]"),
            ("[3, 1, 2].index_of(2)", "2"),
            ("[3, 1, 2].index_of(|x| x < 3)", "1"),
            ("[3, 1, 2].find(|x| x < 3)", "1"),
            ("[3, 1, 2].find_map(|x| if x < 3 { x * 10 })", "10"),
            ("[1, 1, 2, 2, 1].dedup()", "()"),
            ("let a = [1, 1, 2, 2, 1]; a.dedup(); a", "[1, 2, 1]"),
            ("[1, 2, 3].some(|x| x > 2)", "true"),
            ("[1, 2, 3].all(|x| x > 2)", "false"),
            ("[1, 2, 3].reduce_rev(|s, x| s + x, 0)", "6"),
            ("let a = [1, 2]; a.for_each(|| this *= 10); a", "[10, 20]"),
            ("let a = [\"b\", \"a\"]; a.sort(); a", "[\"a\", \"b\"]"),
            // Only elements of one type sort without a comparer.
            ("let a = [2.5, 1, 3]; a.sort(); a", "!ErrorFunctionNotFound"),
            ("let a = [2.5, 1.0, 3.0]; a.sort(); a", "[1.0, 2.5, 3.0]"),
            ("let a = [1, \"x\"]; a.sort();", "!ErrorFunctionNotFound"),
            ("[1, 2].get(5)", "()"),
            ("[] == []", "true"),
            ("[1, [2]] == [1, [2]]", "true"),
            ("let a = [1, 2, 3]; a.clear(); a.len", "0"),
        ],
    );
}

#[test]
fn map_functions() {
    check_all(
        &engine(),
        &[
            ("#{b: 1, a: 2}.keys()", "[\"a\", \"b\"]"),
            ("#{b: 1, a: 2}.values()", "[2, 1]"),
            ("#{a: 1}.contains(\"a\")", "true"),
            ("let m = #{a: 1, b: 2}; m.remove(\"a\"); m", "#{\"b\": 2}"),
            (
                "let m = #{a: 1}; m.mixin(#{b: 2}); m",
                "#{\"a\": 1, \"b\": 2}",
            ),
            ("let m = #{a: 1}; m += #{a: 5}; m.a", "5"),
            ("#{a: 1} + #{b: 2}", "#{\"a\": 1, \"b\": 2}"),
            (
                "let m = #{a: 1}; m.fill_with(#{a: 9, b: 2}); m",
                "#{\"a\": 1, \"b\": 2}",
            ),
            ("#{a: 1, b: 2}.filter(|k, v| v > 1)", "#{\"b\": 2}"),
            (
                "let m = #{a: 1, b: 2}; m.drain(|k, v| k == \"a\")",
                "#{\"a\": 1}",
            ),
            (
                "#{a: 1, b: [true, ()], c: \"x\"}.to_json()",
                "\"{\\\"a\\\":1,\\\"b\\\":[true,null],\\\"c\\\":\\\"x\\\"}\"",
            ),
            ("#{}.is_empty()", "true"),
            ("#{}.is_empty", "()"),
            ("#{a: 1}.get(\"a\")", "1"),
        ],
    );
}

#[test]
fn number_functions() {
    check_all(
        &engine(),
        &[
            ("abs(-5)", "5"),
            ("(-5).abs()", "5"),
            ("sign(-3)", "-1"),
            ("(-2.5).abs()", "2.5"),
            ("max(3, 7)", "7"),
            ("min(2.5, 1)", "1.0"),
            ("7.is_odd", "true"),
            ("8.is_even", "true"),
            ("0.is_zero", "true"),
            ("sqrt(16.0)", "4.0"),
            ("2.7.floor", "2.0"),
            ("2.2.ceiling()", "3.0"),
            ("2.5.round()", "3.0"),
            ("3.75.int", "3.0"),
            ("3.75.fraction", "0.75"),
            ("3.9.to_int()", "3"),
            ("3.to_float()", "3.0"),
            ("parse_int(\"42\")", "42"),
            ("parse_int(\"ff\", 16)", "255"),
            ("parse_int(\"xyz\")", "!ErrorArithmetic"),
            ("parse_float(\"1.5\")", "1.5"),
            ("255.to_hex()", "\"ff\""),
            ("8.to_octal()", "\"10\""),
            ("5.to_binary()", "\"101\""),
            ("PI() > 3.14", "true"),
            ("E() < 2.72", "true"),
            ("ln(E())", "1.0"),
            ("log(100.0)", "2.0"),
            ("(0.0 / 0.0).is_nan", "true"),
            ("get_bit(5, 0)", "true"),
            ("let x = 0; x.set_bit(2, true); x", "4"),
            ("get_bits(0b110100, 2, 3)", "5"),
        ],
    );
}

#[test]
fn ranges_blobs_timestamps_and_fn_ptrs() {
    check_all(
        &engine(),
        &[
            ("(1..5).start", "1"),
            ("(1..5).end", "5"),
            ("(1..=5).is_inclusive", "true"),
            ("3 in 1..5", "true"),
            ("5 in 1..5", "false"),
            ("5 in 1..=5", "true"),
            ("let b = blob(3, 7); b", "[070707]"),
            ("blob()", "[]"),
            (
                "let b = blob(12); for i in 0..12 { b[i] = i + 0xa0 } b",
                "[a0a1a2a3a4a5a6a7 a8a9aaab]",
            ),
            ("let b = blob(2, 0x41); `${b}`", "\"[4141]\""),
            (
                "blob(16, 1).to_string()",
                "\"[0101010101010101 0101010101010101]\"",
            ),
            ("let b = blob(); b.push(1); b.push(256 + 2); b.len", "2"),
            ("let b = blob(2); b[0] = 255; b[0]", "255"),
            ("let t = timestamp(); t.elapsed >= 0.0", "true"),
            ("let t = timestamp(); t.elapsed() < 60.0", "true"),
            ("let t = timestamp(); elapsed(t) < 60.0", "true"),
            ("let t = timestamp(); (t + 10.0) - t", "10.0"),
            ("let t = timestamp(); t - (t - 2.5)", "2.5"),
            ("let t = timestamp(); (t + 3) - t", "3.0"),
            ("let t = timestamp(); (t - 3) - t", "-3.0"),
            ("let t = timestamp(); let u = t; u += 1.5; u - t", "1.5"),
            ("let t = timestamp(); let u = t; u -= 1.5; u - t", "-1.5"),
            ("let t = timestamp(); t + 1.0 > t", "true"),
            ("let t = timestamp(); t + 1e300", "!ErrorArithmetic"),
            ("let t = timestamp(); t - 1e300", "!ErrorArithmetic"),
            ("let t = timestamp(); (t + (0.0 / 0.0)) - t", "0.0"),
            ("type_of(timestamp())", "\"timestamp\""),
            ("fn f() {} Fn(\"f\").name", "\"f\""),
            ("(|x| x).is_anonymous", "true"),
        ],
    );
}

#[test]
fn tags_exit_and_bit_fields() {
    check_all(
        &engine(),
        &[
            ("let x = 42; x.tag = 7; x.tag", "7"),
            ("let x = 42; x.set_tag(9); x.tag()", "9"),
            ("let x = 1; x.tag", "0"),
            ("let x = 42; x.tag[0] = true; x.tag", "1"),
            ("let x = 42; x.tag[3..5] = 2; [x, x.tag]", "[42, 16]"),
            ("let x = 42; x.tag = 1; x.tag += 5; x.tag", "6"),
            ("let x = 42; x.tag = 2147483648", "!ErrorArithmetic"),
            ("let a = [1, 2]; a.len += 1", "!ErrorDotExpr"),
            ("let s = \"abc\"; s.len.to_string()", "\"3\""),
            ("fn f() { exit(5); 1 } f(); 2", "5"),
            ("let x = 1; exit(); x", "()"),
            ("get_bits(0b1101_0000, 4..8)", "13"),
            ("let x = 0; x.set_bits(4, 4, 0b1011); x", "176"),
            (
                "let n = 0; for b in 5.bits(0, 4) { if b { n += 1; } } n",
                "2",
            ),
            ("let n = 0; for b in 0b101.bits { n += 1 } n", "64"),
        ],
    );
}

#[test]
fn function_metadata() {
    check_all(
        &engine(),
        &[
            ("get_fn_metadata_list()", "[]"),
            (
                "fn foo(x) { x } get_fn_metadata_list(\"foo\")",
                "[#{\"access\": \"public\", \"is_anonymous\": false, \"name\": \"foo\", \"params\": [\"x\"]}]",
            ),
            (
                "fn foo(x, y) { x } fn foo(x) { x } get_fn_metadata_list(\"foo\", 2)[0].params",
                "[\"x\", \"y\"]",
            ),
            ("fn foo(x) { x } get_fn_metadata_list(\"foo\", 5)", "[]"),
            ("fn foo(x) { x } get_fn_metadata_list(\"foo\", -1)", "[]"),
            ("fn foo(x) { x } get_fn_metadata_list(\"bar\")", "[]"),
            (
                "private fn foo(x) { x } get_fn_metadata_list(\"foo\")[0].access",
                "\"private\"",
            ),
            (
                "fn int.foo(x) { x } get_fn_metadata_list(\"foo\")[0].this_type",
                "\"i64\"",
            ),
            // Doc-comments are kept with feature `metadata` only, joined into one.
            (
                "/// Adds one.\n/// Really.\nfn inc(x) { x + 1 } get_fn_metadata_list(\"inc\")[0].comments",
                if cfg!(feature = "metadata") {
                    "[\"/// Adds one.\\n/// Really.\"]"
                } else {
                    "()"
                },
            ),
            (
                "let f = |x| x; let m = get_fn_metadata_list(); [m.len(), m[0].is_anonymous]",
                "[1, true]",
            ),
            ("fn a() {} fn b(x) {} get_fn_metadata_list().len()", "2"),
        ],
    );
    // Module functions carry their namespace; a raw engine lacks the function.
    let mut module = rhai::Module::new();
    let ast = engine().compile("fn m1() {} private fn m2() {}").unwrap();
    module.combine(rhai::Module::eval_ast_as_new(rhai::Scope::new(), &ast, &engine()).unwrap());
    let mut with_static = engine();
    with_static.register_static_module("tools", module.into());
    check_all(
        &with_static,
        &[("get_fn_metadata_list(\"m1\")[0].namespace", "\"tools\"")],
    );
    check_all(
        &rhai::Engine::new_raw(),
        &[("get_fn_metadata_list()", "!ErrorFunctionNotFound")],
    );
}

#[cfg(feature = "metadata")]
#[test]
fn parse_json_function() {
    check_all(
        &engine(),
        &[
            (
                "parse_json(`{\"a\": 1, \"b\": [1, 2.5, null, true, \"x\"], \"c\": {\"d\": -3}}`)",
                "#{\"a\": 1, \"b\": [1, 2.5, (), true, \"x\"], \"c\": #{\"d\": -3}}",
            ),
            ("parse_json(\"42\")", "42"),
            ("parse_json(\"null\")", "()"),
            ("type_of(parse_json(\"1.0\"))", "\"f64\""),
            ("parse_json(\"[1,\")", "!ErrorRuntime"),
            ("parse_json(\"{a: 1}\")", "!ErrorRuntime"),
        ],
    );
}

#[test]
fn array_callbacks() {
    check_all(
        &engine(),
        &[
            // No element parameter: the element is `this`.
            ("[42, 123, 99].filter(|| this > 50)", "[123, 99]"),
            ("[42, 123, 99].map(|| this + 1)", "[43, 124, 100]"),
            ("[42, 123, 99].some(|| this > 100)", "true"),
            ("[42, 123, 99].all(|| this > 50)", "false"),
            ("[42, 123, 99].find(|| this > 50)", "123"),
            ("[42, 123, 99].index_of(|| this > 50)", "1"),
            (
                "[42, 123, 99].find_map(|| if this > 50 { this * 2 })",
                "246",
            ),
            ("let a = [1, 2, 3]; a.drain(|| this > 1)", "[2, 3]"),
            ("let a = [1, 2, 3]; a.retain(|| this > 1); a", "[2, 3]"),
            // Element and index.
            ("[42, 123, 99].filter(|v, i| i == 1)", "[123]"),
            ("[42, 123, 99].map(|v, i| v + i)", "[42, 124, 101]"),
            ("[42, 123, 99].some(|v, i| v < i)", "false"),
            ("[42, 123, 99].all(|v, i| v > i)", "true"),
            // A function's name, or a pointer to it.
            ("[42, 123, 99].filter(\"is_odd\")", "[123, 99]"),
            ("[42, 123, 99].filter(Fn(\"is_odd\"))", "[123, 99]"),
            (
                "fn big(x) { x > 50 } [42, 123, 99].map(\"big\")",
                "[false, true, true]",
            ),
            ("[1, 2, 3].some(\"is_even\")", "true"),
            // `find` takes a function pointer only.
            ("[1, 2, 3].find(\"is_even\")", "!ErrorFunctionNotFound"),
            ("[1, 2, 3].find(Fn(\"is_even\"))", "2"),
            ("[1, 2].filter(\"no_such_fn\")", "!ErrorFunctionNotFound"),
            ("[1, 2].filter(\"not a name\")", "!ErrorFunctionNotFound"),
            // for_each: the element is always `this`; one parameter gets the index.
            (
                "let a = [42, 123, 99]; a.for_each(|| this *= 2); a",
                "[84, 246, 198]",
            ),
            (
                "let a = [10, 20, 30]; a.for_each(|i| this += i); a",
                "[10, 21, 32]",
            ),
            // reduce: accumulator first; without an element parameter, the element is `this`.
            ("[42, 123, 99].reduce(|sum| sum + this, 0)", "264"),
            ("[42, 123, 99].reduce(|sum, v| sum + v, 0)", "264"),
            (
                "[42, 123, 99].reduce(|sum, v| if sum.type_of() == \"()\" { v } else { sum + v })",
                "264",
            ),
            (
                "[42, 123, 99].reduce(|sum, v, i| if i == 0 { v } else { sum + v })",
                "264",
            ),
            ("[1, 2, 3].reduce(|s, v| s + v)", "!ErrorFunctionNotFound"),
            ("[\"a\", \"b\"].reduce_rev(|s| s + this, \"\")", "\"ba\""),
            (
                "[1, 2, 3].reduce_rev(|s, v, i| if i == 0 { v } else { s * 10 + v })",
                "321",
            ),
            ("[].reduce(|s, v| s + v, 7)", "7"),
            // zip: pairs up to the shorter array, optional index.
            ("[1, 2, 3].zip([10, 20], |a, b| a + b)", "[11, 22]"),
            ("[1, 2].zip([10, 20], |a, b, i| a * b + i)", "[10, 41]"),
            ("[1, 2].zip([], |a, b| a)", "[]"),
            // Errors inside a callback come out; the array is left whole.
            (
                "let a = [1, 2, 3]; try { a.retain(|x| x / (x - 2) > 0) } catch { } a",
                "[1, 2, 3]",
            ),
            // `sort` ignores errors of its comparer.
            ("let a = [3, 1, 2]; a.sort(\"no_such_fn\"); a", "[3, 1, 2]"),
            ("let a = [3, 1, 2]; a.sort(|x, y| x / 0); a", "[3, 1, 2]"),
            (
                "let a = [1, 1, 2, 2]; a.dedup(|x, y| x / 0); a",
                "[1, 1, 2, 2]",
            ),
            // A named callback is tried with `this`, then the element, then the index too.
            ("fn g() { this * 2 } [5, 6].map(\"g\")", "[10, 12]"),
            ("fn g() { 1 } fn g(x) { 2 } [5].map(\"g\")", "[1]"),
            ("fn g(x, i) { x + i } [5, 6].map(\"g\")", "[5, 7]"),
            (
                "fn g(a) { 1 } fn g(a, x) { 2 } [5, 6].reduce(\"g\", 0)",
                "1",
            ),
            ("fn g(a, x, i) { a + x + i } [5, 6].reduce(\"g\", 0)", "12"),
            (
                "fn g(i) { this += i } let a = [1, 2]; a.for_each(Fn(\"g\")); a",
                "[1, 3]",
            ),
            (
                "fn g(x, y, i) { x + y + i } [1, 2].zip([10, 20], Fn(\"g\"))",
                "[11, 23]",
            ),
            ("let a = [3, 1, 2]; a.sort(|x, y| y - x); a", "[3, 2, 1]"),
            ("let a = [1, 1, 2]; a.dedup(|a, b| a == b); a", "[1, 2]"),
            ("let a = [1, 1, 2]; a.dedup(); a", "[1, 2]"),
        ],
    );
}

#[test]
fn string_append_uses_display_text() {
    check_all(
        &engine(),
        &[
            ("let s = \"abc\"; s.append(12); s", "\"abc12\""),
            ("let s = \"abc\"; s.append(1.5); s", "\"abc1.5\""),
            ("let s = \"abc\"; s.append([1, 2]); s", "\"abc[1, 2]\""),
            ("let s = \"abc\"; s.append(()); s", "\"abc\""),
            (
                "let s = \"a\"; s.append('b'); s.append(\"c\"); s",
                "\"abc\"",
            ),
        ],
    );
}

#[test]
fn sizes_beyond_memory_fail_cleanly() {
    check_all(
        &engine(),
        &[
            (
                "let a = []; a.pad(9223372036854775807, 1)",
                "!ErrorDataTooLarge",
            ),
            (
                "let s = \"x\"; s.pad(9223372036854775807, \"a\")",
                "!ErrorDataTooLarge",
            ),
            ("let s = \"x\"; s.pad(4, \"ab\"); s", "\"xaba\""),
            ("let s = \"x\"; s.pad(3, 'é'); s", "\"xéé\""),
            ("let s = \"xyz\"; s.pad(2, \"a\"); s", "\"xyz\""),
            ("let s = \"x\"; s.pad(5, \"\"); s", "\"x\""),
        ],
    );
}

#[test]
fn map_callbacks_ranges_and_bits() {
    check_all(
        &engine(),
        &[
            (
                "let m = #{a: 1, b: 2}; m.drain(|k, v| v > 1)",
                "#{\"b\": 2}",
            ),
            // A map predicate takes the key (with the value as `this`), or the key and value.
            (
                "let m = #{a: 1, b: 2}; [m.drain(|k| this > 1), m]",
                "[#{\"b\": 2}, #{\"a\": 1}]",
            ),
            (
                "let m = #{a: 1, b: 2}; m.retain(|| this > 1); m",
                "!ErrorFunctionNotFound",
            ),
            ("#{a: 1, b: 2}.filter(|k| k == \"a\")", "#{\"a\": 1}"),
            (
                "let m = #{a: 1, b: 0}; try { m.retain(|k, v| 1 / v > 0) } catch {} m",
                "#{\"a\": 1, \"b\": 0}",
            ),
            (
                "let v = []; for x in range(5.0, 0.0, -2.0) { v.push(x) } v",
                "[5.0, 3.0, 1.0]",
            ),
            (
                "let v = []; for x in range(0.0, 1.0, 0.25) { v.push(x) } v",
                "[0.0, 0.25, 0.5, 0.75]",
            ),
            (
                "let v = []; for x in range(0.0, 1.0, -0.5) { v.push(x) } v",
                "[]",
            ),
            ("range(0.0, 1.0, 0.0)", "!ErrorArithmetic"),
            (
                "let v = []; for x in range(0.0, 1.0 / 0.0, 1.0) { if x > 2.0 { break } v.push(x) } v",
                "[0.0, 1.0, 2.0]",
            ),
            ("let v = []; for x in range(0.0 / 0.0, 1.0, 1.0) { v.push(x) } v", "[]"),
            // A value whose successor overflows is not visited.
            (
                "let v = []; for x in range(0, 9223372036854775807, 4611686018427387904) { v.push(x) } v",
                "[0]",
            ),
            (
                "let v = []; for b in 6.bits(1..=2) { v.push(b) } v",
                "[true, true]",
            ),
            (
                "let v = []; for b in 6.bits(0..2) { v.push(b) } v",
                "[false, true]",
            ),
            ("let v = []; for b in 6.bits(3..1) { v.push(b) } v", "[]"),
            (
                "let v = []; for b in 5.bits(-64, 3) { v.push(b) } v",
                "[true, false, true]",
            ),
            (
                "let v = []; for b in 5.bits(62, 10) { v.push(b) } v",
                "[false, false]",
            ),
            ("let v = []; for b in 5.bits(1, -1) { v.push(b) } v", "[]"),
            ("5.bits(64)", "!ErrorBitFieldBounds"),
        ],
    );
}

/// One case per row of the book's string and array tables (and the operators that go with
/// them), with its edge cases: negative and out-of-range positions, empty values.
#[test]
fn string_and_array_tables() {
    check_all(
        &engine(),
        &[
            ("\"héllo\".len", "5"),
            ("\"héllo\".bytes", "6"),
            ("\"\".is_empty", "true"),
            ("\"abc\".to_blob()", "[616263]"),
            ("\"abc\".get(-1)", "'c'"),
            ("\"abc\".get(5)", "()"),
            ("let s = \"abc\"; s.set(1, 'X'); s", "\"aXc\""),
            ("let s = \"abc\"; s.set(9, 'X'); s", "\"abc\""),
            ("let s = \"abc\"; s.pad(5, '*'); s", "\"abc**\""),
            ("let s = \"abc\"; s.pad(6, \"xy\"); s", "\"abcxyx\""),
            ("let s = \"abc\"; s.append(12); s", "\"abc12\""),
            ("let s = \"banana\"; s.remove('a'); s", "\"bnn\""),
            ("let s = \"banana\"; s.remove(\"an\"); s", "\"ba\""),
            ("let s = \"abc\"; s.pop()", "'c'"),
            ("let s = \"\"; s.pop()", "()"),
            ("let s = \"abcdef\"; s.pop(2)", "\"ef\""),
            ("let s = \"abcdef\"; s.pop(0)", "\"\""),
            ("let s = \"abcdef\"; s.pop(99)", "\"abcdef\""),
            ("let s = \"abc\"; s.clear(); s", "\"\""),
            ("let s = \"abcdef\"; s.truncate(2); s", "\"ab\""),
            ("\"aBc\".to_upper()", "\"ABC\""),
            ("'a'.to_upper()", "'A'"),
            ("let s = \"aBc\"; s.make_lower(); s", "\"abc\""),
            ("let c = 'a'; c.make_upper(); c", "'A'"),
            ("let s = \"  ab  \"; s.trim(); s", "\"ab\""),
            ("\"abc\".contains('b')", "true"),
            ("\"abc\".contains(\"bc\")", "true"),
            ("\"abc\".starts_with(\"ab\")", "true"),
            ("\"abc\".ends_with(\"bc\")", "true"),
            ("min(\"a\", \"b\")", "\"a\""),
            ("max('a', 'b')", "'b'"),
            ("\"abcabc\".index_of('c')", "2"),
            ("\"abcabc\".index_of(\"bc\", 2)", "4"),
            ("\"abcabc\".index_of(\"bc\", -2)", "4"),
            ("\"abcabc\".index_of(\"zz\")", "-1"),
            ("\"abcabc\".index_of('a', 99)", "-1"),
            ("\"abcdef\".sub_string(2)", "\"cdef\""),
            ("\"abcdef\".sub_string(2, 2)", "\"cd\""),
            ("\"abcdef\".sub_string(2, -1)", "\"\""),
            ("\"abcdef\".sub_string(1..3)", "\"bc\""),
            ("\"abcdef\".sub_string(-2, 1)", "\"e\""),
            ("\"a b  c\".split()", "[\"a\", \"b\", \"c\"]"),
            ("\"abcdef\".split(2)", "[\"ab\", \"cdef\"]"),
            ("\"a,b,c\".split(',')", "[\"a\", \"b\", \"c\"]"),
            ("\"a,b,c\".split(\",\", 2)", "[\"a\", \"b,c\"]"),
            ("\"a,b,c\".split(\",\", 0)", "[\"a,b,c\"]"),
            ("\"a,b,c\".split_rev(\",\")", "[\"c\", \"b\", \"a\"]"),
            ("\"a,b,c\".split_rev(\",\", 2)", "[\"c\", \"a,b\"]"),
            ("let s = \"abcdef\"; s.crop(2); s", "\"cdef\""),
            ("let s = \"abcdef\"; s.crop(1, 2); s", "\"bc\""),
            ("let s = \"abcdef\"; s.crop(1..3); s", "\"bc\""),
            (
                "let s = \"aXbX\"; s.replace(\"X\", \"yy\"); s",
                "\"ayybyy\"",
            ),
            ("let s = \"aXbX\"; s.replace('X', 'z'); s", "\"azbz\""),
            ("\"a\" + 1", "\"a1\""),
            ("1 + \"a\"", "\"1a\""),
            ("let s = \"a\"; s += 2.5; s", "\"a2.5\""),
            ("\"hello\" - 'l'", "\"heo\""),
            ("\"hello\" - \"ll\"", "\"heo\""),
            ("'a' < \"b\"", "true"),
            ("\"b\" == 'b'", "true"),
            ("\"x\" + blob(1, 65)", "\"xA\""),
            ("let a = [1,2,3]; a.get(-1)", "3"),
            ("let a = [1,2,3]; a.get(9)", "()"),
            ("let a = [1,2,3]; a.set(0, 9); a", "[9, 2, 3]"),
            ("let a = [1]; a += 2; a", "[1, 2]"),
            ("let a = [1]; a += [2, 3]; a", "[1, 2, 3]"),
            ("[1] + [2]", "[1, 2]"),
            ("[1, 2] == [1, 2]", "true"),
            ("let a = [1, 2]; a.insert(-1, 9); a", "[1, 9, 2]"),
            ("let a = [1, 2]; a.insert(9, 9); a", "[1, 2, 9]"),
            ("let a = [1, 2]; a.shift()", "1"),
            ("let a = []; a.pop()", "()"),
            ("[1,2,3,4].extract(1)", "[2, 3, 4]"),
            ("[1,2,3,4].extract(1, 2)", "[2, 3]"),
            ("[1,2,3,4].extract(1..3)", "[2, 3]"),
            ("let a = [1,2,3]; a.remove(1)", "2"),
            ("let a = [1,2,3]; a.remove(9)", "()"),
            ("let a = [1,2,3]; a.chop(2); a", "[2, 3]"),
            ("let a = [1]; a.pad(3, 0); a", "[1, 0, 0]"),
            ("let a = [1,2,3]; a.split(1)", "[2, 3]"),
            ("let a = [1,2,3]; a.split(1); a", "[1]"),
            ("let a = [1,2,3]; a.for_each(|| this *= 2); a", "[2, 4, 6]"),
            ("let a = [1,2,3,4]; a.drain(|x| x > 2)", "[3, 4]"),
            ("let a = [1,2,3,4]; a.drain(1, 2)", "[2, 3]"),
            ("let a = [1,2,3,4]; a.drain(1..3); a", "[1, 4]"),
            ("let a = [1,2,3,4]; a.retain(|x| x > 2); a", "[3, 4]"),
            ("let a = [1,2,3,4]; a.retain(1, 2)", "[1, 4]"),
            ("let a = [1,2,3,4]; a.splice(1, 2, [9]); a", "[1, 9, 4]"),
            ("let a = [1,2,3,4]; a.splice(1..3, []); a", "[1, 4]"),
            ("[1,2,3].filter(|x| x != 2)", "[1, 3]"),
            ("[1,2,3].filter(|| this != 2)", "[1, 3]"),
            ("[1,2,3].filter(\"is_odd\")", "[1, 3]"),
            ("[1,2,3].contains(2)", "true"),
            ("[1,2,3].contains(\"x\")", "false"),
            ("[1,2,3].index_of(2)", "1"),
            ("[1,2,3].index_of(|x| x > 1)", "1"),
            ("[1,2,3].index_of(2, 2)", "-1"),
            ("[1,2,3].find(|x| x > 1)", "2"),
            ("[1,2,3].find(|x| x > 5)", "()"),
            ("[1,2,3].find_map(|x| if x > 1 { x * 10 })", "20"),
            ("let a = [1,1,2,2,1]; a.dedup(); a", "[1, 2, 1]"),
            ("let a = [1,2,4,5]; a.dedup(|a, b| b - a == 1); a", "[1, 4]"),
            ("[1,2,3].map(|x| x * 2)", "[2, 4, 6]"),
            ("[1,2,3].map(|x, i| x * i)", "[0, 2, 6]"),
            ("[1,2,3].reduce(|acc, x| acc + x, 0)", "6"),
            ("[1,2,3].reduce(|acc, x| acc + x)", "!ErrorFunctionNotFound"),
            ("[1,2,3].reduce(|acc| acc + this, 0)", "6"),
            ("[1,2,3].reduce_rev(|acc, x| acc + x, \"\")", "\"321\""),
            ("[1,2].zip([3,4], |a, b| a + b)", "[4, 6]"),
            ("[1,2,3].some(|x| x > 2)", "true"),
            ("[1,2,3].all(|x| x > 2)", "false"),
            ("let a = [3,1,2]; a.sort(); a", "[1, 2, 3]"),
            ("let a = [3,1,2]; a.sort(|a, b| b - a); a", "[3, 2, 1]"),
            ("let a = [\"b\", \"a\"]; a.sort(); a", "[\"a\", \"b\"]"),
            ("let a = [1, \"a\"]; a.sort(); a", "!ErrorFunctionNotFound"),
            ("let a = [3,1,2]; a.reverse(); a", "[2, 1, 3]"),
            ("let a = [3,1,2]; a.truncate(1); a", "[3]"),
            ("let s = \"ABC\"; s.make_lower(); s", "\"abc\""),
            ("\"héllo\".to_blob()", "[68c3a96c6c6f]"),
            ("\"\".to_blob()", "[]"),
            ("to_degrees(PI())", "180.0"),
            ("to_radians(180.0)", "3.141592653589793"),
            ("asin(1.0)", "1.5707963267948966"),
            ("acos(1.0)", "0.0"),
            ("atan(1.0)", "0.7853981633974483"),
            ("atan(1.0, 1.0)", "0.7853981633974483"),
            ("asinh(0.0)", "0.0"),
            ("acosh(1.0)", "0.0"),
            ("atanh(0.0)", "0.0"),
            ("cosh(0.0)", "1.0"),
            ("tanh(0.0)", "0.0"),
            ("hypot(3.0, 4.0)", "5.0"),
            ("is_finite(1.0 / 0.0)", "false"),
            ("is_infinite(1.0 / 0.0)", "true"),
            ("(0.0 / 0.0).is_finite", "false"),
            ("sleep(0.0); 1", "1"),
            ("sleep(-5); 2", "2"),
        ],
    );
}

/// One case per row of the map, number, range, bit-field and function-pointer tables.
#[test]
fn map_number_range_and_bit_tables() {
    check_all(
        &engine(),
        &[
            ("let m = #{a: 1}; m.get(\"a\")", "1"),
            ("let m = #{a: 1}; m.get(\"b\")", "()"),
            (
                "let m = #{a: 1}; m.set(\"b\", 2); m",
                "#{\"a\": 1, \"b\": 2}",
            ),
            ("#{a: 1}.len()", "1"),
            ("#{}.is_empty()", "true"),
            ("let m = #{a: 1}; m.clear(); m", "#{}"),
            ("let m = #{a: 1, b: 2}; m.remove(\"a\")", "1"),
            ("let m = #{a: 1, b: 2}; m.remove(\"z\")", "()"),
            (
                "let m = #{a: 1}; m.mixin(#{a: 2, b: 3}); m",
                "#{\"a\": 2, \"b\": 3}",
            ),
            ("let m = #{a: 1}; m += #{b: 3}; m", "#{\"a\": 1, \"b\": 3}"),
            ("#{a: 1} + #{b: 2}", "#{\"a\": 1, \"b\": 2}"),
            (
                "let m = #{a: 1}; m.fill_with(#{a: 2, b: 3}); m",
                "#{\"a\": 1, \"b\": 3}",
            ),
            ("#{a: 1} == #{a: 1}", "true"),
            ("#{a: 1} != #{a: 2}", "true"),
            ("#{a: 1}.contains(\"a\")", "true"),
            ("\"a\" in #{a: 1}", "true"),
            ("#{a: 1, b: 2}.keys()", "[\"a\", \"b\"]"),
            ("#{a: 1, b: 2}.values()", "[1, 2]"),
            (
                "let m = #{a: 1, b: 2}; m.drain(|k, v| v > 1)",
                "#{\"b\": 2}",
            ),
            (
                "let m = #{a: 1, b: 2}; m.drain(|k| k == \"b\")",
                "#{\"b\": 2}",
            ),
            (
                "let m = #{a: 1, b: 2}; m.retain(|k, v| v > 1); m",
                "#{\"b\": 2}",
            ),
            ("#{a: 1, b: 2}.filter(|k, v| v > 1)", "#{\"b\": 2}"),
            (
                "#{a: 1, b: ()}.to_json()",
                "\"{\\\"a\\\":1,\\\"b\\\":null}\"",
            ),
            ("#{a: 1}.len", "()"),
            ("let m = #{a: 1}; m.len", "()"),
            ("is_odd(3)", "true"),
            ("is_even(3)", "false"),
            ("3.is_odd", "true"),
            ("min(1, 2.5)", "1.0"),
            ("max(1, 2.5)", "2.5"),
            ("abs(-3)", "3"),
            ("sign(-3)", "-1"),
            ("sign(0.0)", "0"),
            ("is_zero(0)", "true"),
            ("0.0.is_zero", "true"),
            ("sin(0.0)", "0.0"),
            ("sinh(0.0)", "0.0"),
            ("hypot(3.0, 4.0)", "5.0"),
            ("atan(1.0, 1.0)", "0.7853981633974483"),
            ("sqrt(4.0)", "2.0"),
            ("exp(0.0)", "1.0"),
            ("ln(1.0)", "0.0"),
            ("log(100.0)", "2.0"),
            ("log(8.0, 2.0)", "3.0"),
            ("floor(1.5)", "1.0"),
            ("1.5.ceiling", "2.0"),
            ("round(2.5)", "3.0"),
            ("int(2.7)", "2.0"),
            ("fraction(2.5)", "0.5"),
            ("to_int(2.7)", "2"),
            ("to_int('a')", "97"),
            ("to_float(2)", "2.0"),
            ("'a'.to_int()", "97"),
            ("to_degrees(PI())", "180.0"),
            ("to_radians(180.0)", "3.141592653589793"),
            ("is_nan(0.0/0.0)", "true"),
            ("is_finite(1.0)", "true"),
            ("1.0.is_infinite", "false"),
            ("parse_int(\"ff\", 16)", "255"),
            ("parse_int(\"42\")", "42"),
            ("parse_int(\"zz\")", "!ErrorArithmetic"),
            ("parse_int(\"1\", 99)", "!ErrorArithmetic"),
            ("parse_float(\"1.5\")", "1.5"),
            ("to_binary(5)", "\"101\""),
            ("to_octal(8)", "\"10\""),
            ("0x1234abcd.to_hex()", "\"1234abcd\""),
            ("to_hex(-1)", "\"ffffffffffffffff\""),
            ("E()", "2.718281828459045"),
            ("(2..7).start", "2"),
            ("(2..7).contains(3)", "true"),
            ("(2..2).is_empty", "true"),
            ("(2..=7).is_exclusive", "false"),
            ("let s = 0; for i in range(0, 10, 3) { s += i } s", "18"),
            (
                "let s = []; for i in range(50..0, -15) { s.push(i) } s",
                "[50, 35, 20, 5]",
            ),
            (
                "let s = []; for i in range(5.0, 0.0, -2.0) { s.push(i) } s",
                "[5.0, 3.0, 1.0]",
            ),
            ("range(1, 5, 0)", "!ErrorArithmetic"),
            ("let s = []; for i in range(0, 5, -1) { s.push(i) } s", "[]"),
            (
                "let s = []; for i in range(1, 4) { s.push(i) } s",
                "[1, 2, 3]",
            ),
            ("10.get_bit(1)", "true"),
            ("10.get_bit(-64)", "false"),
            ("let x = 0; x.set_bit(3, true); x", "8"),
            ("0b110100.get_bits(2, 3)", "5"),
            ("0b110100.get_bits(2..5)", "5"),
            ("let x = 0; x.set_bits(2..4, 3); x", "12"),
            ("let n = 0; for b in 5.bits() { if b { n += 1 } } n", "2"),
            ("let n = 0; for b in 12.bits(2) { if b { n += 1 } } n", "2"),
            (
                "let n = 0; for b in 12.bits(0..3) { if b { n += 1 } } n",
                "1",
            ),
            (
                "let v = []; for (b, i) in 5.bits(0, 3) { v.push(i) } v",
                "[0, 1, 2]",
            ),
            ("Fn(\"abc\").name", "\"abc\""),
            ("let f = Fn(\"abc\"); f.is_anonymous", "false"),
            (
                "fn add(a, b) { a + b } let f = Fn(\"add\"); f.curry(1).call(2)",
                "3",
            ),
            ("fn add(a, b) { a + b } call(Fn(\"add\"), 1, 2)", "3"),
            ("fn add(a, b) { a + b } curry(Fn(\"add\"), 1).call(5)", "6"),
            ("42.to_string()", "\"42\""),
            ("().to_string()", "\"\""),
            ("'a'.to_debug()", "\"a\""),
        ],
    );
}

/// The integer types besides INT and `f32` come only from Rust: an engine with converters.
fn engine_with_number_types() -> rhai::Engine {
    use rhai::{FLOAT, INT};
    let mut engine = engine();
    engine
        .register_fn("u8v", |x: INT| x as u8)
        .register_fn("i8v", |x: INT| x as i8)
        .register_fn("i16v", |x: INT| x as i16)
        .register_fn("u32v", |x: INT| x as u32)
        .register_fn("i32v", |x: INT| x as i32)
        .register_fn("u64v", |x: INT| x as u64)
        .register_fn("i128v", |x: INT| x as i128)
        .register_fn("u128v", |x: INT| x as u128)
        .register_fn("f32v", |x: FLOAT| x as f32);
    engine
}

#[test]
fn other_number_types() {
    check_all(
        &engine_with_number_types(),
        &[
            ("u8v(200) + u8v(50)", "250"),
            ("u8v(200) + u8v(100)", "!ErrorArithmetic"),
            ("u8v(3) - u8v(4)", "!ErrorArithmetic"),
            ("i8v(-128) / i8v(-1)", "!ErrorArithmetic"),
            ("u8v(7) / u8v(0)", "!ErrorArithmetic"),
            ("u8v(7) % u8v(0)", "!ErrorArithmetic"),
            ("u8v(7) % u8v(4)", "3"),
            ("u32v(7) * u32v(6)", "42"),
            ("u8v(2) ** 3", "8"),
            ("u8v(2) ** 8", "!ErrorArithmetic"),
            ("u8v(2) ** -1", "!ErrorArithmetic"),
            ("u8v(1) << 7", "128"),
            ("u8v(1) << 8", "0"),
            ("u8v(200) >> 9", "1"),
            ("i32v(5) << -1", "2"),
            ("i32v(-5) >> 40", "-1"),
            ("i16v(-5) >> 1", "-3"),
            ("u8v(6) & u8v(3)", "2"),
            ("u8v(6) | u8v(3)", "7"),
            ("u8v(6) ^ u8v(3)", "5"),
            ("-i16v(5)", "-5"),
            ("-i8v(-128)", "!ErrorArithmetic"),
            ("i16v(-5).abs()", "5"),
            ("i8v(-128).abs()", "!ErrorArithmetic"),
            ("i32v(-5).sign()", "-1"),
            ("u8v(3).is_odd", "true"),
            ("u64v(4).is_even", "true"),
            ("u8v(0).is_zero", "true"),
            // Comparisons, min/max; distinct types never mix.
            ("u8v(3) == u8v(3)", "true"),
            ("u8v(3) != u8v(3)", "false"),
            ("i128v(-3) < i128v(4)", "true"),
            ("u128v(3) >= u128v(4)", "false"),
            ("max(u8v(3), u8v(9))", "9"),
            ("min(i16v(-3), i16v(9))", "-3"),
            ("u8v(1) + 1", "!ErrorFunctionNotFound"),
            ("u8v(1) + i8v(1)", "!ErrorFunctionNotFound"),
            ("u8v(1) == 1", "false"),
            ("let x = u8v(3); x += u8v(4); x", "7"),
            ("u8v(3) in [u8v(3)]", "true"),
            // Conversions and text forms.
            ("to_int(u8v(200))", "200"),
            ("to_int(u64v(-1))", "!ErrorArithmetic"),
            ("to_float(i16v(3))", "3.0"),
            ("u8v(255).to_hex()", "\"ff\""),
            ("u64v(5).to_binary()", "\"101\""),
            ("i32v(8).to_octal()", "\"10\""),
            ("`${u8v(7)}`", "\"7\""),
            ("to_string(i16v(-7))", "\"-7\""),
            ("type_of(u8v(1))", "\"u8\""),
            // f32 follows IEEE rules.
            ("f32v(1.5) + f32v(2.0)", "3.5"),
            ("f32v(1.0) / f32v(0.0) == f32v(1.0) / f32v(0.0)", "true"),
            ("f32v(-2.5).abs()", "2.5"),
            ("f32v(-2.5).sign()", "-1"),
            ("to_float(f32v(1.5))", "1.5"),
            ("to_int(f32v(2.7))", "2"),
            ("type_of(f32v(1.0))", "\"f32\""),
        ],
    );
}

#[test]
fn string_rules_settled_against_the_published_crate() {
    check_all(
        &engine(),
        &[
            // A negative index writes position -index from the start; at the length, nothing.
            ("let s = \"hello\"; s[-1] = 'X'; s", "\"hXllo\""),
            ("let s = \"abcdef\"; s[-3] = 'X'; s", "\"abcXef\""),
            ("let s = \"abcdef\"; s[-6] = 'X'; s", "\"abcdef\""),
            ("let s = \"abcdef\"; s[-7] = 'X'; s", "!ErrorStringBounds"),
            ("let s = \"abcdef\"; s[-1]", "'f'"),
            ("let s = \"abc\"; s.set(-1, 'z'); s", "\"abz\""),
            // Case mappings of a character that give several characters leave it alone.
            ("'ß'.to_upper()", "'ß'"),
            ("'İ'.to_lower()", "'İ'"),
            ("'ǅ'.to_upper()", "'Ǆ'"),
            ("let c = 'ß'; c.make_upper(); c", "'ß'"),
            ("\"ß\".to_upper()", "\"SS\""),
            ("\"hello\".starts_with('h')", "true"),
            ("\"hello\".ends_with('x')", "false"),
            ("\"hello\".index_of(\"\", 4)", "4"),
            ("\"hello\".index_of(\"\", 5)", "-1"),
            ("\"\".index_of(\"\")", "-1"),
            ("\"hello\".index_of(\"\", -6)", "0"),
            // Inclusive ranges: the start is at least 0, an end before it takes one character.
            ("\"hello\".sub_string(3..=1)", "\"l\""),
            ("\"hello\".sub_string(-2..=-4)", "\"h\""),
            ("\"hello\".sub_string(5..=2)", "\"\""),
            ("let s = \"hello\"; s.crop(0..=-1); s", "\"h\""),
            ("\"\".split()", "[\"\"]"),
            ("\"  \".split()", "[]"),
            ("\"hello\".split(0)", "[\"hello\", \"\"]"),
            ("\"hello\".split(-5)", "[\"\", \"hello\"]"),
            ("\"hello\".split(-6)", "[\"\", \"hello\"]"),
            ("\"hello\".split(5)", "[\"hello\", \"\"]"),
            ("\"\".split(1)", "[\"\", \"\"]"),
        ],
    );
}

#[test]
fn array_rules_settled_against_the_published_crate() {
    check_all(
        &engine(),
        &[
            // `get`/`set` before the start reach the first element.
            ("[1, 2, 3].get(-4)", "1"),
            ("[1, 2, 3].get(-100)", "1"),
            ("[].get(-1)", "()"),
            ("let a = [1, 2, 3]; a.set(-5, 9); a", "[9, 2, 3]"),
            // `retain` of an empty span (or one past the end) keeps everything.
            (
                "let a = [1, 2, 3, 4]; let b = a.retain(10, 2); [a, b]",
                "[[1, 2, 3, 4], []]",
            ),
            (
                "let a = [1, 2, 3, 4]; let b = a.retain(1, 0); [a, b]",
                "[[1, 2, 3, 4], []]",
            ),
            ("[1, 2, 3, 4, 5].extract(3..=1)", "[4]"),
            ("let a = [1, 2, 3, 4, 5]; a.retain(3..=1)", "[1, 2, 3, 5]"),
            // Sorting without a comparer: one type only.
            ("let a = [3, 1, 2]; a.sort_desc(); a", "[3, 2, 1]"),
            (
                "let a = [\"b\", \"a\", \"B\"]; a.sort_desc(); a",
                "[\"b\", \"a\", \"B\"]",
            ),
            ("let a = [(), ()]; a.sort(); a", "[(), ()]"),
            ("let a = [[2], [1]]; a.sort(); a", "!ErrorFunctionNotFound"),
            ("let a = [[1]]; a.sort(); a", "[[1]]"),
            (
                "let a = [1.5, 0.0/0.0, 0.5]; a.sort(); a",
                "[1.5, NaN, 0.5]",
            ),
            ("let a = [true, 1]; a.sort(); a", "!ErrorFunctionNotFound"),
            // A comparer: a negative number or `true` puts the first first; errors are ignored.
            ("let a = [3, 1, 2]; a.sort(|x, y| x < y); a", "[1, 2, 3]"),
            (
                "let a = [3, 1, 2, 5, 4]; a.sort(|x, y| x > y); a",
                "[5, 4, 3, 2, 1]",
            ),
            ("let a = [3, 1, 2]; a.sort(|x, y| x.foo()); a", "[3, 1, 2]"),
            ("let a = [3, 1, 2]; a.sort(|x, y| 1.5); a", "[3, 1, 2]"),
            ("let a = [3, 1, 2]; a.sort_by(|x, y| y - x); a", "[3, 2, 1]"),
            ("[3, 1, 2].sort_by(|x, y| y - x)", "()"),
            ("let a = [1, 1, 2]; a.dedup(|x| x.foo()); a", "[1, 1, 2]"),
        ],
    );
}

#[test]
fn callback_forms_settled_against_the_published_crate() {
    check_all(
        &engine(),
        &[
            // A named function is tried with the element as `this`, then the element, then the
            // element and its index.
            ("fn f() { this > 1 } [1, 2, 3].filter(\"f\")", "[2, 3]"),
            ("fn f(x, i) { i > 0 } [1, 2, 3].filter(\"f\")", "[2, 3]"),
            (
                "fn f(x) { x } fn f(x, y) { x + y } [1, 5].map(\"f\")",
                "[1, 5]",
            ),
            ("fn f(x, y) { x + y } [1, 5].map(f)", "[1, 6]"),
            (
                "fn f(a, x, i) { a + x * i } [1, 2, 3].reduce(\"f\", 0)",
                "8",
            ),
            ("[1, 2, 3].filter(|x, i, z| true)", "!ErrorFunctionNotFound"),
            (
                "let a = [1, 2, 3]; a.for_each(|i| this += i); a",
                "[1, 3, 5]",
            ),
            (
                "let a = [1, 2, 3]; a.for_each(|x, i| this += i); a",
                "!ErrorFunctionNotFound",
            ),
            ("[1, 2].zip([3, 4], |a| a)", "!ErrorFunctionNotFound"),
            // Some functions take a function pointer only, not a name.
            ("[1, 2].zip([3, 4], \"f\")", "!ErrorFunctionNotFound"),
            (
                "fn f(x) { x } let a = [1]; a.for_each(\"f\")",
                "!ErrorFunctionNotFound",
            ),
            ("#{a: 1}.filter(\"f\")", "!ErrorFunctionNotFound"),
            // Names are checked: keywords and symbols are reserved.
            ("[1].map(\"+\")", "!ErrorParsing"),
            ("Fn(\"print\")", "!ErrorParsing"),
            ("Fn(\"_\")", "!ErrorParsing"),
            ("Fn(\"global\")", "Fn(\"global\")"),
            ("Fn(\"a b\")", "!ErrorFunctionNotFound"),
            ("Fn(\"é\")", "!ErrorFunctionNotFound"),
            ("Fn(\"__\")", "!ErrorFunctionNotFound"),
        ],
    );
    // Errors inside callbacks come out as raised in the package function (and in the closure).
    let engine = engine();
    let err = engine.eval::<Dynamic>("[1, 2].map(|x| x.len)").unwrap_err();
    let text = format!("{err:?}");
    assert!(
        text.starts_with("ErrorInFunctionCall(\"map\", \"\", ErrorInFunctionCall(\"anon$"),
        "{text}"
    );
    assert!(err.to_string().contains("\nin closure call (line 1, position 8)\nin call to function 'map' (line 1, position 8)"), "{err}");
    let err = engine.eval::<Dynamic>("[1].find(|x| x.foo())").unwrap_err();
    assert!(format!("{err:?}").starts_with("ErrorInFunctionCall(\"index_of\""));
    let err = engine.eval::<Dynamic>("[1].map(\"nope\")").unwrap_err();
    assert_eq!(
        format!("{err:?}"),
        "ErrorInFunctionCall(\"map\", \"\", ErrorFunctionNotFound(\"nope (i64, i64)\", 1:5), 1:5)"
    );
    let err = engine.eval::<Dynamic>("range(1, 5, 0)").unwrap_err();
    assert_eq!(
        format!("{err:?}"),
        "ErrorInFunctionCall(\"range\", \"\", ErrorArithmetic(\"step value cannot be zero\", none), 1:1)"
    );
}

#[test]
fn function_pointer_names_and_typed_methods() {
    check_all(
        &engine(),
        &[
            ("fn float.x() { 1 } [is_def_fn(\"f64\", \"x\", 0), is_def_fn(\"float\", \"x\", 0)]", "[true, false]"),
            ("fn string.x() { 1 } [is_def_fn(\"string\", \"x\", 0), is_def_fn(\"ImmutableString\", \"x\", 0)]", "[true, false]"),
            ("fn int.x(a) { 1 } [is_def_fn(\"i64\", \"x\", 1), is_def_fn(\"i64\", \"x\", 2)]", "[true, false]"),
            ("fn foo() {} is_def_fn(\"foo\", -1)", "false"),
        ],
    );
    // A bad name in `Fn(…)` is reported at the argument.
    let engine = engine();
    let err = engine.eval::<Dynamic>("Fn( \"a b\")").unwrap_err();
    assert_eq!(format!("{err:?}"), "ErrorFunctionNotFound(\"a b\", 1:5)");
    let err = engine.eval::<Dynamic>("Fn(\"+\")").unwrap_err();
    assert_eq!(format!("{err:?}"), "ErrorParsing(Reserved(\"+\"), 1:4)");
    let err = engine.eval::<Dynamic>("call(1)").unwrap_err();
    assert_eq!(
        format!("{err:?}"),
        "ErrorMismatchDataType(\"Fn\", \"i64\", 1:6)"
    );
    let err = engine.eval::<Dynamic>("is_def_var(1)").unwrap_err();
    assert_eq!(
        format!("{err:?}"),
        "ErrorMismatchDataType(\"string\", \"i64\", 1:12)"
    );
    let err = engine.eval::<Dynamic>("Fn(42)").unwrap_err();
    assert_eq!(
        format!("{err:?}"),
        "ErrorMismatchDataType(\"string\", \"i64\", 1:4)"
    );
}

#[test]
fn json_text_and_parse_json_as_the_published_crate() {
    // Without `metadata`, to_json writes its own text (see `to_json_through_serde_json`).
    #[cfg(not(feature = "metadata"))]
    check_all(
        &engine(),
        &[
            (
                "#{b: 1, a: 2, c: (), d: \"x\\n\", e: 'c', f: [1, 2.5], g: #{h: true}}.to_json()",
                "\"{\\\"a\\\":2,\\\"b\\\":1,\\\"c\\\":null,\\\"d\\\":\\\"x\\\\n\\\",\\\"e\\\":'c',\\\"f\\\":[1,2.5],\\\"g\\\":{\\\"h\\\":true}}\"",
            ),
            ("#{a: blob(2, 255)}.to_json()", "\"{\\\"a\\\":[255,255]}\""),
            ("#{a: Fn(\"x\")}.to_json()", "\"{\\\"a\\\":\\\"x\\\"}\""),
            ("#{a: Fn(\"x\").curry(1)}.to_json()", "\"{\\\"a\\\":[\\\"x\\\",1]}\""),
            ("#{a: 1..=2, b: 1e15, c: 1.0/0.0}.to_json()", "\"{\\\"a\\\":1..=2,\\\"b\\\":1000000000000000.0,\\\"c\\\":inf}\""),
            ("#{a: \"\\x01\"}.to_json()", "\"{\\\"a\\\":\\\"\\\\u{1}\\\"}\""),
        ],
    );
    // parse_json reads a script expression where `{` opens a map and `null` is `()` (with
    // `metadata`, it reads any JSON value instead: see `parse_json_function`).
    #[cfg(not(feature = "metadata"))]
    check_all(
        &engine(),
        &[
            (
                "parse_json(\"{\\\"a\\\": 1, \\\"b\\\": [1, 2.5, null, true]}\")",
                "#{\"a\": 1, \"b\": [1, 2.5, (), true]}",
            ),
            ("parse_json(\"{\\\"a\\\": [1, 2,],}\")", "#{\"a\": [1, 2]}"),
            (
                "parse_json(\"{\\\"a\\\": 1 + 2, \\\"b\\\": 'x'}\")",
                "#{\"a\": 3, \"b\": 'x'}",
            ),
            ("parse_json(\"{\\\"a\\\": 1e400}\")", "#{\"a\": inf}"),
            ("parse_json(\"[1, 2]\")", "!ErrorMismatchOutputType"),
            ("parse_json(\"null\")", "!ErrorMismatchOutputType"),
            ("parse_json(\"{\\\"a\\\": nul}\")", "!ErrorVariableNotFound"),
            ("parse_json(\"{} x\")", "!ErrorParsing"),
            ("parse_json(\"\")", "!ErrorParsing"),
        ],
    );
    let engine = engine();
    let err = engine.parse_json("{\"a\": nul}", true).unwrap_err();
    assert_eq!(format!("{err:?}"), "ErrorVariableNotFound(\"nul\", 1:7)");
    let err = engine.parse_json("[1]", true).unwrap_err();
    assert_eq!(
        format!("{err:?}"),
        "ErrorMismatchOutputType(\"map\", \"array\", none)"
    );
    let err = engine.parse_json("{\"a\": 1 \"b\": 2}", true).unwrap_err();
    assert!(format!("{err:?}").ends_with(", 1:9)"), "{err:?}");
}

#[test]
fn inclusive_bit_ranges_check_their_end() {
    check_all(
        &engine(),
        &[
            ("let x = 0; x.set_bits(1..=4, 31); x", "30"),
            ("let x = 0; x.set_bits(-70..=1, -1); x", "3"),
            (
                "let x = 0; x.set_bits(60..=64, -1); x",
                "!ErrorBitFieldBounds",
            ),
            ("(-1).get_bits(60..=63)", "15"),
            ("(-1).get_bits(64..=70)", "!ErrorBitFieldBounds"),
            ("(-1).get_bits(4..=1)", "0"),
            ("(-1).get_bits(60..71)", "15"),
        ],
    );
    let err = engine()
        .eval::<Dynamic>("(-1).get_bits(64..=70)")
        .unwrap_err();
    assert_eq!(format!("{err:?}"), "ErrorBitFieldBounds(64, 70, 1:6)");
}

#[test]
fn f32_mixes_with_int_and_prints_as_a_float() {
    check_all(
        &engine_with_number_types(),
        &[
            ("f32v(1.5) + 2", "3.5"),
            ("2 * f32v(1.5)", "3.0"),
            ("f32v(1.5) ** 2", "2.25"),
            ("f32v(1.5) < 2", "true"),
            ("let x = f32v(1.5); x += 1; x", "2.5"),
            ("min(f32v(1.5), 2)", "1.5"),
            ("type_of(f32v(1.5) % 2)", "\"f32\""),
            ("f32v(1.5) + 1.0", "!ErrorFunctionNotFound"),
            ("to_string(f32v(3.0))", "\"3.0\""),
            ("to_string(f32v(1e13))", "\"10000000000000.0\""),
            ("to_string(f32v(1e20))", "\"1e20\""),
            ("to_string(f32v(-0.0))", "\"0.0\""),
            ("`${f32v(0.5)}`", "\"0.5\""),
            ("to_debug(f32v(3.0))", "\"3.0\""),
            ("[f32v(3.0)]", "[3.0]"),
            ("i32v(-2147483647 - 1).abs()", "!ErrorArithmetic"),
        ],
    );
    let engine = engine_with_number_types();
    let three = engine.eval::<rhai::Dynamic>("f32v(3.0)").unwrap();
    assert_eq!(
        (format!("{three:?}"), format!("{three}")),
        ("3.0".into(), "3".into())
    );
    let err = engine
        .eval::<rhai::Dynamic>("i32v(-2147483647 - 1).abs()")
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Negation overflow: --2147483648"),
        "{err}"
    );
}

#[test]
fn index_types_settled_against_the_published_crate() {
    check_all(
        &engine(),
        &[
            ("let a = [1, 2, 3]; a[0..2]", "!ErrorMismatchDataType"),
            ("let b = blob(3); b[0..2]", "!ErrorMismatchDataType"),
            ("let m = #{a: 1}; m[1]", "!ErrorMismatchDataType"),
            ("let s = \"hello\"; s[1..3] = 'X'; s", "\"hXlo\""),
            ("let t = true; t[0]", "!ErrorIndexingType"),
        ],
    );
    let engine = engine();
    let text = |script: &str| format!("{:?}", engine.eval::<Dynamic>(script).unwrap_err());
    assert!(text("let a = [1]; a[0..1]")
        .starts_with("ErrorMismatchDataType(\"i64\", \"core::ops::range::Range<i64>\""));
    assert!(text("let a = [1]; a[\"x\"]").starts_with("ErrorMismatchDataType(\"i64\", \"string\""));
    assert!(text("let m = #{}; m['a']").starts_with("ErrorMismatchDataType(\"string\", \"char\""));
    assert!(text("let u = (); u[0]").starts_with("ErrorIndexingType(\"() [i64]\""));
}

/// With `metadata`, to_json is `serde_json`'s text of the map.
#[cfg(feature = "metadata")]
#[test]
fn to_json_through_serde_json() {
    check_all(
        &engine(),
        &[
            (
                "#{a: 'c', b: \"\\x01\"}.to_json()",
                "\"{\\\"a\\\":\\\"c\\\",\\\"b\\\":\\\"\\\\u0001\\\"}\"",
            ),
            (
                "#{a: 1.0/0.0, b: 1e20}.to_json()",
                "\"{\\\"a\\\":null,\\\"b\\\":1e+20}\"",
            ),
            (
                "#{a: 1..2}.to_json()",
                "\"{\\\"a\\\":\\\"core::ops::range::Range<i64>\\\"}\"",
            ),
        ],
    );
}
