//! The hot paths allocate nothing: a script-function call, a loop iteration and arithmetic on
//! INT/FLOAT, measured with a counting global allocator (this test binary's only test, so no
//! other thread allocates meanwhile).

use rhai::{Engine, Scope};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations made by running `script` with `n` set to `iterations`.
fn allocations(engine: &Engine, script: &str, iterations: i64) -> usize {
    let ast = engine.compile(script).unwrap();
    let mut scope = Scope::new();
    scope.push("n", iterations);
    scope.push("acc", 0_i64);
    scope.push("f", 0.5_f64);
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    engine.run_ast_with_scope(&mut scope, &ast).unwrap();
    ALLOCATIONS.load(Ordering::Relaxed) - before
}

#[test]
fn hot_paths_do_not_allocate() {
    let engine = Engine::new_raw();
    let cases = [
        ("loop iteration", "let i = 0; while i < n { i += 1; }"),
        (
            "int arithmetic",
            "let i = 0; while i < n { acc = acc + i * 3 - (i % 7); i += 1; }",
        ),
        (
            "float arithmetic",
            "let i = 0; while i < n { f = f * 1.0001 + 0.5 / (f + 1.0); i += 1; }",
        ),
        (
            "script call",
            "fn g(x, y) { x + y } let i = 0; while i < n { acc = g(acc, i); i += 1; }",
        ),
        ("for over range", "for i in 0..n { acc += i; }"),
    ];
    for (what, script) in cases {
        // The cost of setting up a run is fixed; the iterations themselves must add nothing.
        // The test harness may allocate on its own threads now and then: take the quietest of
        // a few runs.
        let few = (0..3)
            .map(|_| allocations(&engine, script, 10))
            .min()
            .unwrap_or(0);
        let many = (0..3)
            .map(|_| allocations(&engine, script, 10_000))
            .min()
            .unwrap_or(0);
        assert_eq!(
            few, many,
            "{what}: {few} allocations for 10 iterations, {many} for 10,000"
        );
    }
}
