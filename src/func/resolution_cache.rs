//! `FnResolutionCache`: the published API's cache of resolved functions. Resolution here needs
//! no cache (every function is found by its full hash in one lookup); the type exists so that
//! host code naming it compiles.

use crate::func::hashing::StraightHasherBuilder;
use crate::{ImmutableString, RhaiFunc};
use std::collections::HashMap;

/// A resolved function and the source of the module it came from.
#[derive(Debug, Clone)]
pub struct FnResolutionCacheEntry {
    /// The function.
    pub func: RhaiFunc,
    /// The source of its module, if any.
    pub source: Option<ImmutableString>,
}

/// A filter of `u64` hashes (`N` words of bits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BloomFilterU64<const N: usize>([usize; N]);

impl<const N: usize> Default for BloomFilterU64<N> {
    fn default() -> Self {
        Self([0; N])
    }
}

impl<const N: usize> BloomFilterU64<N> {
    /// Forget every hash.
    pub fn clear(&mut self) -> &mut Self {
        self.0 = [0; N];
        self
    }
}

/// Functions resolved by hash (`None`: known not to exist), with a filter of the hashes seen.
#[derive(Debug, Clone, Default)]
pub struct FnResolutionCache {
    /// Resolved functions by hash.
    pub dict: HashMap<u64, Option<FnResolutionCacheEntry>, StraightHasherBuilder>,
    /// The hashes looked up.
    pub bloom_filter: BloomFilterU64<64>,
}

impl FnResolutionCache {
    /// Empty the cache.
    pub fn clear(&mut self) {
        self.dict.clear();
        self.bloom_filter.clear();
    }
}
