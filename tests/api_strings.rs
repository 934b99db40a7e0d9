//! `ImmutableString` as a host uses it: conversions, comparisons with every text type from
//! either side and through references, the `+`/`-` operators with every operand type,
//! collecting, parsing and sharing. Each line must compile as it would against the published
//! crate; the values are the published crate's.
// The point is to spell every operand shape, which these lints would have written otherwise.
#![allow(
    clippy::nonminimal_bool,
    clippy::op_ref,
    clippy::assign_op_pattern,
    clippy::useless_vec,
    clippy::cmp_owned
)]

use rhai::ImmutableString;
use std::collections::{BTreeMap, HashMap, HashSet};

fn text(s: &str) -> ImmutableString {
    s.into()
}

#[test]
fn conversions_from_every_text_type() {
    let base = text("hello");
    let mut owner = text("sm");
    let smart = owner.make_mut().clone();
    assert_eq!(ImmutableString::from(String::from("a")), "a");
    assert_eq!(ImmutableString::from(&String::from("b")), "b");
    assert_eq!(ImmutableString::from(Box::<str>::from("c")), "c");
    assert_eq!(ImmutableString::from(&smart), "sm");
    assert_eq!(ImmutableString::from(smart.clone()), "sm");
    let copy = ImmutableString::from(&base);
    assert!(copy.ptr_eq(&base));
    assert_eq!(base.strong_count(), 2);
    let owned: String = base.clone().into();
    assert_eq!(owned, "hello");
    assert_eq!(base.clone().into_owned(), "hello");
    let parsed: ImmutableString = "parsed".parse().unwrap();
    assert_eq!(parsed, "parsed");
    let empty: ImmutableString = Default::default();
    assert!(empty.is_empty());
    assert_eq!(
        format!("{:?} {:?}", base, ImmutableString::new()),
        "\"hello\" \"\""
    );
    assert_eq!(format!("{base:>8}|{base:<8}|"), "   hello|hello   |");
}

#[test]
fn text_access_and_copy_on_write() {
    let base = text("hello");
    let as_str: &str = base.as_ref();
    assert_eq!((as_str, base.as_str(), base.len()), ("hello", "hello", 5));
    assert_eq!(base.to_uppercase(), "HELLO");
    let mut changed = base.clone();
    changed.make_mut().push_str("!!");
    assert_eq!((changed.as_str(), base.as_str()), ("hello!!", "hello"));
    let mut alone = text("solo");
    assert_eq!(alone.get_mut().map(|s| s.len()), Some(4));
    let mut shared = base.clone();
    assert!(shared.get_mut().is_none());
    assert_eq!(Some(base.clone()).as_deref(), Some("hello"));
}

#[test]
fn equality_with_every_text_type_from_either_side() {
    let a = text("hello");
    let b = text("hello");
    let s = String::from("hello");
    let st: &str = "hello";
    let boxed: Box<str> = "hello".into();
    let cow: std::borrow::Cow<str> = "hello".into();
    assert!(a == b && a == &b && &a == &b && &&a == &&b && a == &&b);
    assert!(a == st && st == a && &a == st && st == &a && a == &st && &st == &a && &&st == &&a);
    assert!(a == *st && *st == a);
    assert!(a == s && s == a && &a == s && s == &a && &s == a && &a == &s && &s == &a);
    assert!(&&a == &s && &s == &&a && a == &s);
    assert!(a == boxed && a == cow);
    assert!(a != "other" && "other" != a && String::from("x") != a);
    assert!(a.eq(st) && a.eq(&s) && !a.eq("x"));
    assert!(vec![a.clone()] == vec![b.clone()] && vec![a.clone()] == vec!["hello"]);
    assert!([a.clone()] == ["hello"]);
    assert!(vec![a.clone(), text("hel")].contains(&text("hel")));
}

#[test]
fn ordering_with_every_text_type_from_either_side() {
    let a = text("hello");
    let s = String::from("world");
    let st: &str = "world";
    assert!(a < text("world") && a < &text("world") && &a < &text("world"));
    assert!(a < st && st > a && &a < st && st > &a && a < *st && *st > a);
    assert!(a < s && s > a && &a < s && s > &a && &s > a && &a < &s);
    assert_eq!(
        a.partial_cmp(&text("hel")),
        Some(core::cmp::Ordering::Greater)
    );
    assert_eq!(a.cmp(&text("hel")), core::cmp::Ordering::Greater);
    assert!(a >= &text("hello") && a <= *"zz");
}

#[test]
fn addition_with_every_operand_type() {
    let a = text("hello");
    let mut x = a.clone() + &a;
    x = x + "!";
    x = x + String::from("?");
    x = x + '.';
    x = x + a.clone();
    x += "a";
    x += &a;
    x += String::from("s");
    x += 'c';
    x += a.clone();
    assert_eq!(x, "hellohello!?.helloahelloschello");
    assert_eq!(&a + &a, "hellohello");
    assert_eq!(&a + "q", "helloq");
    assert_eq!(&a + a.clone(), "hellohello");
    assert_eq!(&a + String::from("s"), "hellos");
    assert_eq!(&a + '!', "hello!");
    let mut empty = ImmutableString::new();
    empty += a.clone();
    assert!(empty.ptr_eq(&a));
}

#[test]
fn subtraction_removes_every_occurrence() {
    let mut z = text("hellohello!?.") - "l";
    assert_eq!(z, "heoheo!?.");
    z = z - 'o';
    z = z - String::from("h");
    z = z - text("e");
    assert_eq!(z, "!?.");
    z -= "?";
    z -= 'x';
    z -= String::from("!");
    z -= &text(".");
    assert_eq!(z, "");
    let mut y = text("abab");
    y -= text("b");
    assert_eq!(y, "aa");
    let base = text("banana");
    assert_eq!(&base - &text("an"), "ba");
    assert_eq!(&base - "a", "bnn");
    assert_eq!(&base - String::from("na"), "ba");
    assert_eq!(&base - 'n', "baaa");
    assert_eq!(base, "banana");
}

#[test]
fn collecting_into_a_string() {
    let mut owner = text("p");
    let smart = owner.make_mut().clone();
    let chars: ImmutableString = vec!['a', 'b'].into_iter().collect();
    let char_refs: ImmutableString = ['a', 'b'].iter().collect();
    let strs: ImmutableString = vec!["ab", "cd"].into_iter().collect();
    let strings: ImmutableString = vec![String::from("x"), String::from("y")]
        .into_iter()
        .collect();
    let smarts: ImmutableString = vec![smart].into_iter().collect();
    assert_eq!(
        (chars, char_refs, strs),
        (text("ab"), text("ab"), text("abcd"))
    );
    assert_eq!((strings, smarts), (text("xy"), text("p")));
}

#[test]
fn keys_of_hashed_and_sorted_collections() {
    let a = text("hello");
    let mut hashed: HashMap<ImmutableString, i32> = HashMap::new();
    hashed.insert(a.clone(), 1);
    assert_eq!(hashed.get("hello"), Some(&1));
    let mut sorted: BTreeMap<ImmutableString, i32> = BTreeMap::new();
    sorted.insert(a.clone(), 2);
    assert_eq!(sorted.get("hello"), Some(&2));
    let set: HashSet<ImmutableString> = [a.clone(), text("hello")].into_iter().collect();
    assert_eq!(set.len(), 1);
}
