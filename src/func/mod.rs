//! Calling anything: hashes, native function types, built-in operators, the call path,
//! intrinsics and function pointers.

pub(crate) mod builtin;
pub(crate) mod call;
pub mod fn_ptr;
pub mod hashing;
pub(crate) mod intrinsics;
pub mod native;
pub mod register;
pub mod registration;
pub mod resolution_cache;
