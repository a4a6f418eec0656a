//! The browser side (wasm only): one [`Tracker`] per `<task-force-tracker>`
//! element, created by the element's small JS shim when it nears the
//! viewport. Everything the widget does in the page is here, in Rust, by
//! concern:
//!
//! - this file: what JS calls (the [`Tracker`] export);
//! - `widget.rs`: one widget's state and how a controller step's effects
//!   are carried out;
//! - `guard.rs`: every way into a widget's code, each through a JS frame
//!   that catches, so a failure stops one widget and never the page;
//! - `source.rs`: which data to show, fetching it, refresh and back-off;
//! - `fetch.rs`: one download, with its time and size limits;
//! - `events.rs`: listeners (the reader, the page), host events, the
//!   clipboard;
//! - `owned.rs`: the browser resources a widget holds, each released by
//!   its owner's `Drop`;
//! - `dom.rs` ([`WebDom`], the `Dom` trait on web-sys), `page.rs` (the
//!   stylesheet, storage, console, downloads, yielding), `data.rs`
//!   (`element.data` read by serde-wasm-bindgen).

mod data;
mod dom;
mod events;
mod fetch;
mod guard;
mod owned;
mod page;
mod source;
mod widget;

pub use dom::WebDom;

use crate::embed::Attribute;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;
use widget::Widget;

/// One tracker widget. Dropping it (the shim calls `free()` when its
/// element has left the page) removes its listeners, clears its timers,
/// cancels its after-paint frame and aborts its fetch.
#[wasm_bindgen]
pub struct Tracker {
    widget: Rc<Widget>,
}

#[wasm_bindgen]
impl Tracker {
    /// Starts a tracker in `host` (the element), with its `data` property
    /// as set so far (`undefined` when none); `default_data` gives the
    /// default data's text (a promise), downloaded only by trackers that
    /// show it.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, data: JsValue, default_data: js_sys::Function) -> Result<Tracker, JsValue> {
        guard::install_panic_hook();
        let widget = Widget::new(host, data, default_data)?;
        // The rest in a task of its own: a phone's main thread is never held
        // for the shadow root, the stylesheet and the start at once.
        let weak = Rc::downgrade(&widget);
        guard::spawn(&widget, async move {
            page::next_task().await;
            if let Some(w) = weak.upgrade() {
                w.start();
            }
        });
        Ok(Tracker { widget })
    }

    /// An attribute the shim observes changed (unknown names are ignored).
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&self, name: &str) {
        // Before the start, which reads every attribute, there is nothing to follow.
        if let (Some(name), true) = (Attribute::from_name(name), self.widget.started.get()) {
            self.widget.guard(move |w| w.attribute_changed(name));
        }
    }

    /// The element's `data` property was set: show it (`null` or
    /// `undefined` go back to `src`, the inline JSON or the default).
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&self, value: JsValue) {
        *self.widget.data.borrow_mut() = value;
        if self.widget.started.get() {
            self.widget.guard(|w| w.load());
        }
    }

    /// The live figures of the data shown (see `Summary`), or `null`
    /// before data is shown.
    #[wasm_bindgen(getter)]
    pub fn summary(&self) -> JsValue {
        let w = &self.widget;
        let summary = if w.stopped.get() { None } else { w.ctl.try_borrow().ok().and_then(|c| c.summary()) };
        summary.and_then(|s| serde_wasm_bindgen::to_value(&s).ok()).unwrap_or(JsValue::NULL)
    }
}

impl Drop for Tracker {
    fn drop(&mut self) {
        self.widget.teardown();
    }
}
