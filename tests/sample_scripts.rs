//! Every sample script in `scripts/` runs to completion (each checks its own answers and
//! throws on a wrong one).

use rhai::Engine;
use std::path::PathBuf;

#[test]
fn all_sample_scripts_run() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("scripts folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rhai"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 25,
        "expected the sample scripts, found {}",
        files.len()
    );
    let mut engine = Engine::new();
    engine.on_print(|_| {}).on_debug(|_, _, _| {});
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| {
            // Compiled from the file, so that imports are relative to its folder (as in
            // `rhai-run`); `run_file` would give the script no source.
            engine
                .compile_file(f.clone())
                .and_then(|ast| engine.run_ast(&ast))
                .err()
                .map(|e| format!("{}: {e}", f.display()))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
