//! Built-in function packages and the `Package` API.
//!
//! A package is a `Module` of functions built once and shared (`Shared<Module>`): registering
//! it into an engine pushes one pointer, so a fresh raw engine with a shared package copies no
//! function table. Each package's functions live in a file of their own, as one visible list
//! of registrations; `def_package!` declares the package types.

pub(crate) mod array;
pub(crate) mod array_fn;
pub(crate) mod blob;
pub(crate) mod callback;
#[cfg(feature = "decimal")]
pub(crate) mod decimal;
pub(crate) mod iter_basic;
pub(crate) mod lang_core;
pub(crate) mod map;
pub(crate) mod math;
pub(crate) mod metadata;
pub(crate) mod num_types;
pub(crate) mod reg;
pub(crate) mod sort;
pub(crate) mod string;

use crate::config::Shared;
use crate::module::Module;
use crate::Engine;

/// A package of functions.
pub trait Package {
    /// Register the package's functions into `module`.
    fn init(module: &mut Module);

    /// Set up an engine the package is registered into (custom types, operators…).
    fn init_engine(_engine: &mut Engine) {}

    /// The package's functions as a shared module.
    #[must_use]
    fn as_shared_module(&self) -> Shared<Module>;

    /// Register the package into an engine's global namespace.
    fn register_into_engine(&self, engine: &mut Engine) -> &Self {
        engine.register_global_module(self.as_shared_module());
        Self::init_engine(engine);
        self
    }

    /// Register the package into an engine under a namespace (`name::f(…)`).
    fn register_into_engine_as(&self, engine: &mut Engine, name: &str) -> &Self {
        engine.register_static_module(name, self.as_shared_module());
        Self::init_engine(engine);
        self
    }
}

/// Declare package types: `def_package! { /// doc
/// pub Name(module) : Base1, Base2 { init code } |> |engine| { engine code } }`.
#[macro_export]
macro_rules! def_package {
    ($($(#[$attr:meta])* $vis:vis $name:ident($module:ident) $(: $($base:ty),+ )? $block:block $(|> |$engine:ident| $engine_block:block)?)+) => {
        $(
            $(#[$attr])*
            $vis struct $name($crate::Shared<$crate::Module>);

            impl $crate::packages::Package for $name {
                fn init($module: &mut $crate::Module) {
                    $($(<$base as $crate::packages::Package>::init($module);)+)?
                    $block
                }
                fn init_engine(_engine: &mut $crate::Engine) {
                    $($(<$base as $crate::packages::Package>::init_engine(_engine);)+)?
                    $(
                        let $engine = _engine;
                        $engine_block
                    )?
                }
                fn as_shared_module(&self) -> $crate::Shared<$crate::Module> {
                    self.0.clone()
                }
            }

            impl Default for $name {
                fn default() -> Self {
                    Self::new()
                }
            }

            impl $name {
                /// Build the package.
                #[must_use]
                pub fn new() -> Self {
                    let mut module = $crate::Module::new();
                    <Self as $crate::packages::Package>::init(&mut module);
                    module.build_index();
                    Self(module.into())
                }
                /// Build the package (functions are registered eagerly here too).
                #[must_use]
                pub fn new_lazy() -> Self {
                    Self::new()
                }
            }
        )+
    };
}

def_package! {
    /// The core functions of the language (`print`, `type_of`… work in every engine; this
    /// package adds the rest of the core, such as `sleep` and `to_string`).
    pub LanguageCorePackage(module) {
        module.set_standard_lib(true);
        lang_core::init(module);
        metadata::init(module);
        lang_core::init_tags(module);
    }
    /// Arithmetic on the numeric types that are not built in, and numeric functions.
    pub ArithmeticPackage(module) {
        module.set_standard_lib(true);
        math::init_arithmetic(module);
        num_types::init_arithmetic(module);
        #[cfg(feature = "decimal")]
        decimal::init_arithmetic(module);
    }
    /// Bit-field functions.
    pub BitFieldPackage(module) {
        module.set_standard_lib(true);
        math::init_bit_field(module);
        math::init_bits(module);
    }
    /// Ranges and iterators.
    pub BasicIteratorPackage(module) {
        module.set_standard_lib(true);
        iter_basic::init(module);
    }
    /// Logic and comparison operators for the types that are not built in.
    pub LogicPackage(module) {
        module.set_standard_lib(true);
        num_types::init_logic(module);
    }
    /// Basic string functions.
    pub BasicStringPackage(module) {
        module.set_standard_lib(true);
        string::init_basic(module);
        num_types::init_formatting(module);
    }
    /// Timestamps.
    pub BasicTimePackage(module) {
        module.set_standard_lib(true);
        lang_core::init_time(module);
    }
    /// More string functions, including conversions of values to strings.
    pub MoreStringPackage(module) {
        module.set_standard_lib(true);
        string::init_more(module);
    }
    /// Math functions (`sin`, `sqrt`…).
    pub BasicMathPackage(module) {
        module.set_standard_lib(true);
        math::init_math(module);
        #[cfg(feature = "decimal")]
        decimal::init_math(module);
    }
    /// Array functions.
    pub BasicArrayPackage(module) {
        module.set_standard_lib(true);
        array::init(module);
    }
    /// BLOB functions.
    pub BasicBlobPackage(module) {
        module.set_standard_lib(true);
        blob::init(module);
    }
    /// Object map functions.
    pub BasicMapPackage(module) {
        module.set_standard_lib(true);
        map::init(module);
    }
    /// Function pointer methods.
    pub BasicFnPackage(module) {
        module.set_standard_lib(true);
        lang_core::init_fn(module);
    }
    /// The essentials.
    pub CorePackage(module) : LanguageCorePackage, ArithmeticPackage, BasicStringPackage,
        BasicIteratorPackage, BasicFnPackage {
    }
    /// The standard library: what `Engine::new` registers.
    pub StandardPackage(module) : CorePackage, BitFieldPackage, LogicPackage, BasicMathPackage,
        BasicArrayPackage, BasicBlobPackage, BasicMapPackage, BasicTimePackage, MoreStringPackage {
    }
}

/// The standard library module, built once per thread and shared by every `Engine::new`.
pub(crate) fn standard_package_module() -> Shared<Module> {
    #[cfg(not(feature = "sync"))]
    {
        thread_local! {
            static STANDARD: Shared<Module> = StandardPackage::new().as_shared_module();
        }
        STANDARD.with(Clone::clone)
    }
    #[cfg(feature = "sync")]
    {
        static STANDARD: once_cell::race::OnceBox<Shared<Module>> = once_cell::race::OnceBox::new();
        STANDARD
            .get_or_init(|| Box::new(StandardPackage::new().as_shared_module()))
            .clone()
    }
}
