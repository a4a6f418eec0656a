//! The wasm export: one [`Tracker`] per `<task-force-tracker>` element, a
//! thin shell around [`Controller`]. Every method takes strings and returns
//! an operation string (see [`crate::patch`]) for the element's JS to apply;
//! the module imports nothing from the page but `console.error`, used once
//! to log a panic before the instance traps.
//!
//! Every call comes from the element's JS through a guard: a panic traps
//! the instance and surfaces there as an exception, which the guard turns
//! into a message in that widget alone, never an error in the host page.

use crate::controller::{Controller, EMBEDDED, INLINE, PROPERTY};
use crate::prelude::*;
use core::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console)]
    fn error(message: &str);
}

/// Logs a panic to the console before the instance traps, so the detail is
/// there when the element's guard reports the widget as stopped: the
/// message when it is a constant (no formatting machinery in the wasm for
/// a path that never runs), and where it happened.
#[cfg(feature = "small-panic")]
#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    use core::sync::atomic::{AtomicBool, Ordering};
    // A panic while reporting one (say, memory ran out) just traps.
    static REPORTING: AtomicBool = AtomicBool::new(false);
    if REPORTING.swap(true, Ordering::Relaxed) {
        core::arch::wasm32::unreachable()
    }
    let mut text = String::from("[task-force-tracker] panic: ");
    text.push_str(info.message().as_str().unwrap_or("(message not kept)"));
    if let Some(at) = info.location() {
        text.push_str(" at ");
        text.push_str(at.file());
        text.push(':');
        crate::text::Piece::put(&at.line(), &mut text);
    }
    error(&text);
    REPORTING.store(false, Ordering::Relaxed); // the other widgets go on: a later panic is reported too
    core::arch::wasm32::unreachable()
}

/// The same, through std's hook, where std is linked (the tests).
#[cfg(not(feature = "small-panic"))]
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| error(&format!("[task-force-tracker] panic: {info}"))));
    });
}

/// The shadow root's stylesheet; the element builds one constructed sheet
/// from it for every instance on the page.
#[wasm_bindgen]
pub fn styles() -> String {
    crate::STYLES.to_string()
}

/// One tracker widget, created by its custom element when it starts and freed
/// when the element is disconnected.
#[wasm_bindgen]
pub struct Tracker {
    c: RefCell<Controller>,
}

#[wasm_bindgen]
impl Tracker {
    /// A tracker keyed `prefix` (the element's id, or `tft` when empty) in
    /// URL fragments and `history.state`; `selected` is the attribute.
    #[wasm_bindgen(constructor)]
    pub fn new(prefix: &str, selected: Option<String>) -> Tracker {
        #[cfg(not(feature = "small-panic"))]
        install_panic_hook();
        Tracker { c: RefCell::new(Controller::new(prefix, selected)) }
    }

    /// Every call that takes strings and answers with operations, by name
    /// (one export instead of ten: each export costs a shim in the wasm and
    /// glue in the JS). Missing arguments are `undefined`.
    pub fn call(
        &self,
        name: &str,
        a: Option<String>,
        b: Option<String>,
        c: Option<String>,
        d: Option<String>,
    ) -> String {
        fn s(x: &Option<String>) -> &str {
            x.as_deref().unwrap_or_default()
        }
        let mut ctl = self.c.borrow_mut();
        match name {
            "setLang" => ctl.set_lang(a.as_deref(), b.as_deref()),
            "setSelected" => ctl.set_selected(a),
            "setTheme" => ctl.set_theme(a.as_deref()),
            "loadOwn" => match a {
                Some(text) => ctl.load(text, INLINE, s(&b)),
                None => ctl.load(crate::default_programme_json().to_string(), EMBEDDED, s(&b)),
            },
            "setData" => ctl.load(a.unwrap_or_default(), PROPERTY, s(&b)),
            "step" => ctl.step(),
            "redraw" => ctl.redraw(),
            "fail" => ctl.fail(s(&a), s(&b), s(&c)),
            "event" => ctl.event(s(&a), s(&b), s(&c), s(&d)),
            "copied" => ctl.copied(a.as_deref() == Some("true"), s(&b)),
            _ => String::new(),
        }
    }

    /// Shows a file fetched from `source`, as bytes (UTF-8 is checked
    /// here: one copy into the module instead of a decode and re-encode).
    pub fn deliver(&self, bytes: Vec<u8>, source: &str, hash: &str) -> String {
        self.c.borrow_mut().load_bytes(bytes, source, hash)
    }

    /// The body of a download.
    #[wasm_bindgen(js_name = exportBody)]
    pub fn export_body(&self, format: &str) -> String {
        self.c.borrow().export_body(format)
    }
}
