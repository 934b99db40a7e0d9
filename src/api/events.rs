//! Host callbacks: `on_print`, `on_debug`, `on_progress`.

use crate::config::SendSync;
use crate::{Dynamic, Engine, Position};

impl Engine {
    /// Where `print` output goes.
    pub fn on_print(&mut self, callback: impl Fn(&str) + SendSync + 'static) -> &mut Self {
        self.print = Some(Box::new(callback));
        self
    }

    /// Where `debug` output goes: `(text, source, position)`.
    pub fn on_debug(
        &mut self,
        callback: impl Fn(&str, Option<&str>, Position) + SendSync + 'static,
    ) -> &mut Self {
        self.debug = Some(Box::new(callback));
        self
    }

    /// Called with the number of operations so far; returning `Some(token)` terminates the
    /// script with `ErrorTerminated(token)`.
    pub fn on_progress(
        &mut self,
        callback: impl Fn(u64) -> Option<Dynamic> + SendSync + 'static,
    ) -> &mut Self {
        self.progress = Some(Box::new(callback));
        self
    }
}
