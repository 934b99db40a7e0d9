//! A long script that the host pauses and resumes: `on_progress` checks a command channel.

use rhai::{Dynamic, Engine};
use std::sync::mpsc;
use std::time::Duration;

fn main() {
    let (commands, inbox) = mpsc::channel::<&'static str>();
    let (reports, outbox) = mpsc::channel::<String>();
    let worker = std::thread::spawn(move || {
        let mut engine = Engine::new();
        let report = reports.clone();
        // A Mutex makes the receiver shareable, as callbacks must be under the `sync` feature.
        let inbox = std::sync::Mutex::new(inbox);
        engine.on_progress(move |ops| {
            let Ok(inbox) = inbox.lock() else {
                return Some(Dynamic::from("poisoned"));
            };
            match inbox.try_recv() {
                Ok("pause") => {
                    let _ = report.send(format!("paused after {ops} operations"));
                    // Block until told to resume (or to stop).
                    while let Ok(cmd) = inbox.recv() {
                        match cmd {
                            "resume" => return None,
                            "stop" => return Some(Dynamic::from("stopped")),
                            _ => (),
                        }
                    }
                    Some(Dynamic::from("channel closed"))
                }
                Ok("stop") => Some(Dynamic::from("stopped")),
                _ => None,
            }
        });
        let result = engine.run("let n = 0; loop { n += 1; }");
        let _ = reports.send(format!("script ended: {}", result.unwrap_err()));
    });
    std::thread::sleep(Duration::from_millis(20));
    commands.send("pause").unwrap();
    println!("{}", outbox.recv().unwrap());
    commands.send("resume").unwrap();
    std::thread::sleep(Duration::from_millis(20));
    commands.send("stop").unwrap();
    println!("{}", outbox.recv().unwrap());
    worker.join().unwrap();
}
