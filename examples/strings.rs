//! Functions taking strings in their different Rust forms, and string results.

use rhai::{Engine, EvalAltResult, ImmutableString, Scope};

fn trim_all(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn count_vowels(s: ImmutableString) -> i64 {
    s.chars().filter(|c| "aeiouAEIOU".contains(*c)).count() as i64
}

fn main() -> Result<(), Box<EvalAltResult>> {
    let mut engine = Engine::new();
    engine
        .register_fn("trim_all", trim_all)
        .register_fn("count_vowels", count_vowels)
        .register_fn("shout", |s: String| s.to_uppercase());
    let mut scope = Scope::new();
    scope.push("text", "  hello    embedded   world ");
    let cleaned: String = engine.eval_with_scope(&mut scope, "trim_all(text)")?;
    let vowels: i64 = engine.eval_with_scope(&mut scope, "count_vowels(text)")?;
    let loud: String = engine.eval_with_scope(&mut scope, "shout(trim_all(text)) + \"!\"")?;
    println!("{cleaned:?} has {vowels} vowels; {loud}");
    assert_eq!(cleaned, "hello embedded world");
    assert_eq!(vowels, 6);
    Ok(())
}
