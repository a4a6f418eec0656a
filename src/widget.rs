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
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console)]
    fn error(message: &str);
}

/// Logs panics to the console before the instance traps, so the detail is
/// there when the element's guard reports the widget as stopped.
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
        install_panic_hook();
        Tracker { c: RefCell::new(Controller::new(prefix, selected)) }
    }

    /// Sets the language from the element's and the page's `lang`.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&self, attr: Option<String>, page: Option<String>) -> String {
        self.c.borrow_mut().set_lang(attr.as_deref(), page.as_deref())
    }

    /// Applies a changed `selected` attribute.
    #[wasm_bindgen(js_name = setSelected)]
    pub fn set_selected(&self, value: Option<String>) -> String {
        self.c.borrow_mut().set_selected(value)
    }

    /// Checks a changed `theme` attribute.
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&self, value: Option<String>) -> String {
        self.c.borrow().set_theme(value.as_deref())
    }

    /// Shows the element's inline JSON (`inline`), else the embedded default.
    #[wasm_bindgen(js_name = loadOwn)]
    pub fn load_own(&self, inline: Option<String>, hash: &str) -> String {
        let mut c = self.c.borrow_mut();
        match inline {
            Some(text) => c.load(text, INLINE, hash),
            None => c.load(crate::default_programme_json().to_string(), EMBEDDED, hash),
        }
    }

    /// Shows the element's `data` property, as JSON text.
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&self, text: String, hash: &str) -> String {
        self.c.borrow_mut().load(text, PROPERTY, hash)
    }

    /// Shows a file fetched from `source`, as bytes (UTF-8 is checked
    /// here: one copy into the module instead of a decode and re-encode).
    pub fn deliver(&self, bytes: Vec<u8>, source: &str, hash: &str) -> String {
        self.c.borrow_mut().load_bytes(bytes, source, hash)
    }

    /// Continues a load that answered with `CONTINUE`.
    pub fn step(&self) -> String {
        self.c.borrow_mut().step()
    }

    /// Reports a failed load (see [`Controller::fail`]).
    pub fn fail(&self, kind: &str, detail: &str, source: &str) -> String {
        self.c.borrow_mut().fail(kind, detail, source)
    }

    /// Handles reader input (see [`Controller::event`]).
    pub fn event(&self, kind: &str, act: &str, arg: &str, value: &str) -> String {
        self.c.borrow_mut().event(kind, act, arg, value)
    }

    /// Renders the whole view anew (see [`Controller::redraw`]).
    pub fn redraw(&self) -> String {
        self.c.borrow_mut().redraw()
    }

    /// Announces the outcome of a copy-link request.
    pub fn copied(&self, ok: bool, url: &str) -> String {
        self.c.borrow_mut().copied(ok, url)
    }

    /// The body of a download.
    #[wasm_bindgen(js_name = exportBody)]
    pub fn export_body(&self, format: &str) -> String {
        self.c.borrow().export_body(format)
    }
}
