//! Function hashes: computed once (at parse or registration time), so that a call looks up a
//! `u64` key instead of comparing names.
//!
//! A script function is keyed by `calc_fn_hash(name, arity)`. A native function adds the
//! types of its parameters: `calc_fn_hash(name, arity) ^ calc_types_hash(types)`.

use core::any::TypeId;
use core::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher};

/// The hasher for function hashes: fixed seeds (or the ones set through
/// `config::hashing::set_hashing_seed`), so hashes are stable within a process.
fn hasher() -> ahash::AHasher {
    let seed = crate::config::hashing::get_hashing_seed().unwrap_or([
        0x243f_6a88_85a3_08d3,
        0x1319_8a2e_0370_7344,
        0xa409_3822_299f_31d0,
        0x082e_fa98_ec4e_6c89,
    ]);
    ahash::RandomState::with_seeds(seed[0], seed[1], seed[2], seed[3]).build_hasher()
}

/// Hash of a function name and its number of parameters (and an optional module path).
#[must_use]
pub fn calc_fn_hash<'a>(
    namespace: impl IntoIterator<Item = &'a str>,
    name: &str,
    num_params: usize,
) -> u64 {
    let mut h = hasher();
    let mut count = 0usize;
    for ns in namespace {
        ns.hash(&mut h);
        count += 1;
    }
    count.hash(&mut h);
    name.hash(&mut h);
    num_params.hash(&mut h);
    h.finish()
}

/// Hash of a list of parameter types: a cheap multiplicative fold of each `TypeId`'s own hash
/// (computed per call, so it must be fast; registration uses the same function).
#[must_use]
#[inline]
pub fn calc_types_hash(types: impl IntoIterator<Item = TypeId>) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h: u64 = 0x2545_F491_4F6C_DD1D;
    for t in types {
        let mut th = StraightHasher::default();
        t.hash(&mut th);
        h = (h.rotate_left(5) ^ th.finish()).wrapping_mul(K);
    }
    h
}

/// A `Hasher` for keys that are already hashes: passes the `u64` through.
#[derive(Debug, Clone, Copy, Default)]
pub struct StraightHasher(u64);

impl Hasher for StraightHasher {
    #[inline(always)]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    #[inline(always)]
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
}

/// Builds `StraightHasher`s.
pub type StraightHasherBuilder = BuildHasherDefault<StraightHasher>;

/// A map keyed by pre-computed hashes.
pub type StraightHashMap<V> = std::collections::HashMap<u64, V, StraightHasherBuilder>;
