//! Rhai: an embedded scripting language for Rust.
#![allow(non_camel_case_types)]

pub mod config;
mod value;

pub use config::{FLOAT, INT};
pub use value::position::Position;
