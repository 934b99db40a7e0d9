//! The value core: `Dynamic`, strings, positions and the `Scope`.
pub mod position;
