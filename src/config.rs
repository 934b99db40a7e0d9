//! Every feature-chosen alias and constant: the number types, the shared-ownership and locking
//! types (`Rc`/`RefCell`, or `Arc`/`RwLock` under `sync`), and the default limits.

/// The system integer type: `i64`.
pub type INT = i64;
/// The unsigned counterpart of `INT`.
pub type UNSIGNED_INT = u64;
/// The system floating-point type: `f64`.
pub type FLOAT = f64;

/// Shared, immutable ownership: `Rc` (or `Arc` under `sync`).
#[cfg(not(feature = "sync"))]
pub type Shared<T> = std::rc::Rc<T>;
/// Shared, immutable ownership: `Rc` (or `Arc` under `sync`).
#[cfg(feature = "sync")]
pub type Shared<T> = std::sync::Arc<T>;

/// Interior mutability for shared values: `RefCell` (or `RwLock` under `sync`).
#[cfg(not(feature = "sync"))]
pub type Locked<T> = std::cell::RefCell<T>;
/// Interior mutability for shared values: `RefCell` (or `RwLock` under `sync`).
#[cfg(feature = "sync")]
pub type Locked<T> = std::sync::RwLock<T>;

/// A trait bound that is `Send + Sync` under `sync` and empty otherwise.
#[cfg(not(feature = "sync"))]
pub trait SendSync {}
#[cfg(not(feature = "sync"))]
impl<T: ?Sized> SendSync for T {}
/// A trait bound that is `Send + Sync` under `sync` and empty otherwise.
#[cfg(feature = "sync")]
pub trait SendSync: Send + Sync {}
#[cfg(feature = "sync")]
impl<T: ?Sized + Send + Sync> SendSync for T {}

/// Default maximum nesting depth of expressions at global level.
pub const DEFAULT_MAX_EXPR_DEPTH: usize = 64;
/// Default maximum nesting depth of expressions inside functions.
pub const DEFAULT_MAX_FUNCTION_EXPR_DEPTH: usize = 32;
/// Default maximum depth of nested function calls.
pub const DEFAULT_MAX_CALL_LEVELS: usize = 64;
/// Default maximum number of strings kept by the interner of `Engine::new`.
pub const DEFAULT_MAX_STRINGS_INTERNED: usize = 256;

/// Native stack the parser and the evaluator may use below their entry point before they
/// report `ExprTooDeep` / `ErrorStackOverflow` instead of overflowing the native stack. Threads
/// spawned by Rust get 2 MiB by default; this leaves room for the host's own frames.
pub const STACK_BUDGET: usize = 1024 * 1024;

/// Measures how much native stack is in use since a starting point.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StackProbe(usize);

impl StackProbe {
    /// Start measuring from the current frame.
    #[inline(never)]
    pub(crate) fn here() -> Self {
        let marker = 0u8;
        Self(core::ptr::addr_of!(marker) as usize)
    }

    /// Has more than `STACK_BUDGET` bytes of stack been used since `self`?
    #[inline(always)]
    pub(crate) fn exhausted(self) -> bool {
        self.nearly_exhausted(0)
    }

    /// Is less than `reserve` bytes of the budget left?
    #[inline(always)]
    pub(crate) fn nearly_exhausted(self, reserve: usize) -> bool {
        let marker = 0u8;
        let now = core::ptr::addr_of!(marker) as usize;
        self.0.abs_diff(now) > STACK_BUDGET.saturating_sub(reserve)
    }
}

/// Hashing configuration.
pub mod hashing {
    use once_cell::race::OnceBox;

    static SEED: OnceBox<Option<[u64; 4]>> = OnceBox::new();

    /// Set the seed used for hashing function signatures (static hashing). Can be called only
    /// once, before anything else hashes; a second call returns the seed in force as `Err`.
    pub fn set_hashing_seed(new_seed: Option<[u64; 4]>) -> Result<(), Option<[u64; 4]>> {
        SEED.set(Box::new(new_seed))
            .map_err(|_| *get_hashing_seed())
    }

    /// The hashing seed in force (`None`: the default, fixed seed).
    pub fn get_hashing_seed() -> &'static Option<[u64; 4]> {
        SEED.get_or_init(|| Box::new(None))
    }

    /// Alias of [`set_hashing_seed`].
    pub fn set_ahash_seed(new_seed: Option<[u64; 4]>) -> Result<(), Option<[u64; 4]>> {
        set_hashing_seed(new_seed)
    }

    /// Alias of [`get_hashing_seed`].
    pub fn get_ahash_seed() -> &'static Option<[u64; 4]> {
        get_hashing_seed()
    }
}
