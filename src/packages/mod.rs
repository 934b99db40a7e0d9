//! Built-in function packages. Each package is a `Module` built once and shared.

pub(crate) mod iter;

use crate::config::Shared;
use crate::module::Module;

/// The standard library as one shared module.
pub(crate) fn standard_package_module() -> Shared<Module> {
    let mut module = Module::new();
    module.set_standard_lib(true);
    Shared::new(module)
}
