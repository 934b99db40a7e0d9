//! The value core: `Dynamic`, strings, positions and the `Scope`.

pub(crate) mod container;
pub mod convert;
pub mod dynamic;
pub mod fmt;
pub mod json;
pub(crate) mod lock;
pub mod position;
pub mod scope;
pub mod string;

#[cfg(test)]
mod tests;
