//! A Rust struct handed to a script as an object map and read back (feature `serde`).

use rhai::serde::{from_dynamic, to_dynamic};
use rhai::{Engine, EvalAltResult, Scope};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
enum Role {
    Guest,
    Member { since: u16 },
}

#[derive(Debug, Serialize, Deserialize)]
struct Account {
    name: String,
    initial: char,
    roles: Vec<Role>,
    balance: Option<f64>,
}

fn main() -> Result<(), Box<EvalAltResult>> {
    let account = Account {
        name: "Ada".into(),
        initial: 'A',
        roles: vec![Role::Guest],
        balance: None,
    };

    let mut scope = Scope::new();
    scope.push_dynamic("account", to_dynamic(&account)?);

    let engine = Engine::new();
    let updated = engine.eval_with_scope(
        &mut scope,
        r#"
            account.roles.push(#{ Member: #{ since: 2024 } });
            account.balance = 10.5;
            account
        "#,
    )?;

    let account: Account = from_dynamic(&updated)?;
    println!("{account:?}");
    Ok(())
}
