//! The evaluator: walks the resolved `AST` over one value stack (the `Scope`).
//!
//! `Interp` bundles everything a step needs — the engine, the function libraries of the
//! running script, the runtime state, the bound `this` and the current frame base — so each
//! evaluation function takes `(&mut self, scope, node)`.
//!
//! Control flow (`return`, `break`, `continue`) travels as `Flow` on the error side of
//! `Result`, unboxed: a function return allocates nothing.

mod chain;
pub(crate) mod expr;
pub(crate) mod index;
mod stmt;
mod text;

use crate::config::Shared;
use crate::func::hashing::StraightHashMap;
use crate::module::Module;
use crate::{Dynamic, Engine, EvalAltResult, ImmutableString, Position, Scope};

/// Why evaluation left the normal path.
pub(crate) enum Flow {
    /// An error.
    Error(Box<EvalAltResult>),
    /// `return value`.
    Return(Dynamic, Position),
    /// `break value`.
    Break(Dynamic, Position),
    /// `continue`.
    Continue(Position),
}

impl From<Box<EvalAltResult>> for Flow {
    #[inline]
    fn from(err: Box<EvalAltResult>) -> Self {
        Self::Error(err)
    }
}

impl From<EvalAltResult> for Flow {
    #[inline]
    fn from(err: EvalAltResult) -> Self {
        Self::Error(Box::new(err))
    }
}

impl Flow {
    /// The error this flow means when it escapes to the host.
    pub(crate) fn into_error(self) -> Box<EvalAltResult> {
        match self {
            Self::Error(err) => err,
            Self::Return(v, pos) => EvalAltResult::Return(v, pos).into(),
            Self::Break(v, pos) => EvalAltResult::LoopBreak(true, v, pos).into(),
            Self::Continue(pos) => EvalAltResult::LoopBreak(false, Dynamic::UNIT, pos).into(),
        }
    }
}

/// Result of an evaluation step.
pub(crate) type EResult<T = Dynamic> = Result<T, Flow>;

/// A resolved function, as cached per call signature.
#[derive(Clone)]
pub(crate) struct ResolvedFn {
    pub func: crate::func::native::RhaiFunc,
}

/// Runtime state of one evaluation (one `eval`/`run`/`call_fn`).
pub struct GlobalRuntimeState {
    /// The source name of the running script.
    pub(crate) source: Option<ImmutableString>,
    /// Operations counted so far.
    pub(crate) num_operations: u64,
    /// Current depth of script function calls.
    pub(crate) level: usize,
    /// Custom state for native functions.
    pub(crate) tag: Dynamic,
    /// Resolution cache: call hash (with argument types) → function.
    pub(crate) fn_cache: StraightHashMap<Option<ResolvedFn>>,
    /// Imported modules: (alias, module), latest last.
    pub(crate) imports: Vec<(ImmutableString, Shared<Module>)>,
    /// Constants declared at the script's global level, latest last: the automatic `global`
    /// module.
    pub(crate) constants: Vec<(ImmutableString, Dynamic)>,
    /// Native stack use where the outermost evaluation started.
    pub(crate) stack: crate::config::StackProbe,
}

impl GlobalRuntimeState {
    /// A fresh runtime state for an evaluation on `engine` (its default tag, nothing imported).
    #[must_use]
    pub fn new(engine: &Engine) -> Self {
        Self {
            source: None,
            num_operations: 0,
            level: 0,
            tag: engine.def_tag.clone(),
            fn_cache: StraightHashMap::default(),
            imports: Vec::new(),
            constants: Vec::new(),
            stack: crate::config::StackProbe::here(),
        }
    }
}

impl core::fmt::Debug for GlobalRuntimeState {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("GlobalRuntimeState")
            .field("source", &self.source)
            .field("num_operations", &self.num_operations)
            .field("level", &self.level)
            .finish()
    }
}

/// The interpreter for one evaluation.
pub(crate) struct Interp<'a> {
    pub engine: &'a Engine,
    /// Function libraries of the running script (searched first, last one first).
    pub lib: &'a [Shared<Module>],
    pub global: GlobalRuntimeState,
    /// The object bound to `this` in a method call.
    pub this: Option<Dynamic>,
    /// Stack index where the current function's frame starts.
    pub frame_base: usize,
    /// Lowest stack index a lookup by name may see: 0 at the top level (host variables are
    /// visible), the frame base inside a script function.
    pub search_base: usize,
    /// Is operation counting needed (a limit or a progress callback is set)?
    pub track_ops: bool,
    /// Do functions called at the top level see the host scope (`call_fn`)?
    pub expose_scope: bool,
    /// Fast Operators mode: built-in operators on built-in types ignore overloads.
    pub fast_ops: bool,
    /// The value caught by the innermost running `catch` block (what `throw;` re-throws).
    pub caught: Option<Dynamic>,
    /// Stack length when the script started: below lie the host's variables, whose constants
    /// `global::NAME` also reads (a choice of ours: they are global-level constants too).
    pub host_top: usize,
    /// The encapsulated environment of the running module function, if one runs.
    pub env: Option<Shared<crate::module::EncapsulatedEnviron>>,
    /// The name given to arguments while they are evaluated onto the stack, before they take
    /// their parameter names (kept here so that pushing one allocates nothing).
    pub placeholder: ImmutableString,
}

impl<'a> Interp<'a> {
    pub(crate) fn new(engine: &'a Engine, lib: &'a [Shared<Module>]) -> Self {
        Self {
            engine,
            lib,
            global: GlobalRuntimeState::new(engine),
            this: None,
            frame_base: 0,
            search_base: 0,
            track_ops: engine.limits.max_operations > 0 || engine.progress.is_some(),
            expose_scope: false,
            host_top: 0,
            env: None,
            caught: None,
            fast_ops: engine
                .options
                .contains(crate::engine::LangOptions::FAST_OPS),
            placeholder: ImmutableString::new(),
        }
    }

    /// Count one operation; fail past the limit or when the progress callback says stop.
    #[inline(always)]
    pub(crate) fn count_op(&mut self, pos: Position) -> EResult<()> {
        if self.track_ops {
            self.count_op_slow(pos)
        } else {
            Ok(())
        }
    }

    #[cold]
    fn count_op_slow(&mut self, pos: Position) -> EResult<()> {
        self.global.num_operations += 1;
        let max = self.engine.limits.max_operations;
        if max > 0 && self.global.num_operations > max {
            return Err(EvalAltResult::ErrorTooManyOperations(pos).into());
        }
        if let Some(progress) = &self.engine.progress {
            if let Some(token) = progress(self.global.num_operations) {
                return Err(EvalAltResult::ErrorTerminated(token, pos).into());
            }
        }
        Ok(())
    }

    /// Run top-level statements in `scope` (the frame starts at the scope's current end).
    pub(crate) fn run_body(
        &mut self,
        scope: &mut Scope,
        body: &crate::ast::StmtBlock,
    ) -> Result<Dynamic, Box<EvalAltResult>> {
        self.frame_base = scope.len();
        self.host_top = scope.len();
        if scope.is_empty() {
            scope.values.reserve(8);
            scope.names.reserve(8);
        }
        match self.eval_stmts(scope, &body.stmts) {
            Ok(v) => Ok(v),
            Err(Flow::Return(v, _)) => Ok(v),
            Err(Flow::Error(err)) => match *err.unwrap_inner() {
                EvalAltResult::Exit(ref v, _) | EvalAltResult::Return(ref v, _) => Ok(v.clone()),
                _ => Err(err),
            },
            Err(flow) => Err(flow.into_error()),
        }
    }
}
