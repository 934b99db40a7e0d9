//! The public `Engine` methods, one file per verb.

pub mod call_fn;
pub mod compact;
pub mod compile;
pub mod eval;
pub mod events;
pub mod func;
pub mod json;
pub mod limits;
pub mod misc;
pub mod options;
pub mod register;
pub mod run;
pub mod type_builder;
