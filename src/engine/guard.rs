//! The last line of defence of a batch: one input that makes the code panic becomes a skipped
//! entry instead of killing the run.
//!
//! [`isolate`] runs a closure behind `catch_unwind`. While it runs, the process-wide panic hook
//! stays quiet on that thread (no backtrace spray in the middle of a progress bar); panics
//! anywhere else still print as usual. Every panic caught here is a bug to fix at its root: the
//! message asks the user to report it.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

static HOOK: Once = Once::new();

fn install_hook() {
    HOOK.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(Cell::get) {
                default(info);
            }
        }));
    });
}

/// The reason given for an input whose processing panicked.
pub const INTERNAL_ERROR: &str = "internal error while reading this file; please report it";

/// Run `f`; a panic inside it becomes `Err(INTERNAL_ERROR + the panic message)`.
pub fn isolate<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    let was = GUARDED.with(|g| g.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(was));
    result.map_err(|payload| {
        let detail = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        if detail.is_empty() {
            INTERNAL_ERROR.to_owned()
        } else {
            format!("{INTERNAL_ERROR} ({detail})")
        }
    })
}

/// Test-only fault injection (debug builds only): a posting or résumé whose file name is the
/// value of `SKILLFIT_TEST_PANIC_ON` panics while it is read, so tests can prove that the guard
/// holds. Release builds compile this to nothing.
pub fn inject_test_panic(path: &std::path::Path) {
    #[cfg(debug_assertions)]
    if let Some(name) = std::env::var_os("SKILLFIT_TEST_PANIC_ON") {
        if path.file_name() == Some(name.as_os_str()) {
            panic!("injected test panic");
        }
    }
    #[cfg(not(debug_assertions))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_and_the_thread_goes_on() {
        let r: Result<(), String> = isolate(|| panic!("boom"));
        let e = r.unwrap_err();
        assert!(e.starts_with(INTERNAL_ERROR), "{e}");
        assert!(e.contains("boom"), "{e}");
        assert_eq!(isolate(|| 7), Ok(7));
    }
}
