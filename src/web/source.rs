//! Which data a widget shows (`element.data`, else `src`, else an inline
//! JSON child, else the default, a file next to the module that only
//! trackers showing it download), fetching it, and re-fetching `src` every
//! `refresh` seconds with a back-off after failures.

use super::fetch::{self, Fetched};
use super::owned::Abort;
use super::widget::Widget;
use super::{data, guard, page};
use crate::controller::Source;
use crate::embed::Attribute;
use crate::model::LoadError;
use gloo_timers::callback::Timeout;
use js_sys::Promise;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::VisibilityState;

/// Seconds a fetch may take unless `timeout` says otherwise.
const DEFAULT_TIMEOUT: u32 = 10;
/// Longest refresh interval, also the cap of the back-off.
const MAX_REFRESH: u32 = 3600;

impl Widget {
    /// Shows the data the element asks for: `data`, else `src`, else an
    /// inline JSON child, else the default data. The shim follows the same
    /// order (`#showsDefault`) to start the default's download early.
    pub fn load(self: &Rc<Self>) {
        drop(self.refresh.take());
        drop(self.fetch.take());
        self.generation.set(self.generation.get().wrapping_add(1));
        self.failures.set(0);
        let hash = page::page_hash();
        if self.has_data() {
            let value = self.data.borrow().clone();
            let generation = self.generation.get();
            let read = data::read(value);
            if self.generation.get() != generation {
                return; // reading ran page code that set `data` again: the last write wins
            }
            match read {
                Ok(value) => self.run(|c| c.load_value(value, Source::Property, &hash)),
                Err(fault) => self.run(|c| c.fail(LoadError::NotJsonValue(fault), Source::Property)),
            }
        } else if let Some(src) = self.src() {
            self.fetch(src);
        } else {
            let inline = self.host.query_selector(":scope > script[type=\"application/json\"]").ok().flatten();
            match inline {
                Some(script) => {
                    let text = script.text_content().unwrap_or_default();
                    self.run(|c| c.load(text, Source::Inline, &hash));
                }
                None => self.load_default(),
            }
        }
    }

    /// Whether `element.data` holds a value (it then wins over `src`).
    pub fn has_data(&self) -> bool {
        let data = self.data.borrow();
        !data.is_undefined() && !data.is_null()
    }

    fn src(&self) -> Option<String> {
        // `data-src` too: where a page broke the shim's upgrade of a CMS
        // `div`, the element must not show other data than asked for.
        let src = self.attribute(Attribute::Src).or_else(|| self.host.get_attribute("data-src"))?;
        let src = src.trim();
        (!src.is_empty()).then(|| src.to_string())
    }

    /// Shows the default data, once the shim has it.
    fn load_default(self: &Rc<Self>) {
        let generation = self.generation.get();
        let text = self.default_data.call0(&JsValue::UNDEFINED);
        let weak = Rc::downgrade(self);
        guard::spawn(self, async move {
            let text = match text {
                Ok(promise) => JsFuture::from(Promise::from(promise)).await,
                Err(e) => Err(e),
            };
            let Some(w) = weak.upgrade() else { return };
            if w.generation.get() != generation {
                return; // replaced meanwhile
            }
            let hash = page::page_hash();
            match text.map(|t| t.as_string()) {
                Ok(Some(text)) => w.run(|c| c.load(text, Source::Embedded, &hash)),
                Ok(None) => w.run(|c| c.fail(LoadError::NoResponse, Source::Embedded)),
                Err(e) => w.run(|c| c.fail(LoadError::Network(page::describe(&e)), Source::Embedded)),
            }
        });
    }

    fn fetch(self: &Rc<Self>, url: String) {
        drop(self.refresh.take());
        let abort = Abort::new();
        let signal = abort.signal();
        self.fetch.set(Some(abort)); // the one before, if any, is aborted
        let generation = self.generation.get();
        let seconds = self.seconds(Attribute::Timeout, 1, 120).unwrap_or(DEFAULT_TIMEOUT);
        // Revalidate what is shown, when it came from this URL on our origin.
        let shown = self.etag.take();
        let etag = shown.as_ref().filter(|(from, _)| *from == url && page::same_origin(&url)).map(|(_, e)| e.clone());
        self.etag.set(shown);
        let weak = Rc::downgrade(self);
        guard::spawn(self, async move {
            let fetched = fetch::fetch(&url, seconds, signal.as_ref(), etag.as_deref()).await;
            let Some(w) = weak.upgrade() else { return };
            if w.generation.get() != generation || matches!(fetched, Fetched::Cancelled) {
                return; // replaced or removed meanwhile
            }
            // A finished download has nothing to abort; one that failed is
            // aborted as its owner goes (a fetch past its time limit may still
            // hold a connection).
            match (w.fetch.take(), &fetched) {
                (Some(abort), Fetched::Body(..) | Fetched::NotModified) => abort.done(),
                (abort, _) => drop(abort),
            }
            #[cfg(feature = "panic-probe")]
            if url.contains("__panic_probe__") {
                panic!("panic probe in a fetch callback");
            }
            let hash = page::page_hash();
            match fetched {
                Fetched::Body(bytes, etag) => {
                    w.failures.set(0);
                    w.etag.set(etag.map(|e| (url.clone(), e)));
                    w.run(|c| c.load_bytes(bytes, Source::Url(url), &hash));
                }
                Fetched::NotModified => w.failures.set(0),
                Fetched::Failed(err) => {
                    w.failures.set(w.failures.get() + 1);
                    w.run(|c| c.fail(err, Source::Url(url)));
                }
                Fetched::Cancelled => {}
            }
            w.schedule();
        });
    }

    /// Plans the next re-fetch: every `refresh` seconds, doubling per
    /// failure up to 32×, never beyond an hour.
    pub fn schedule(self: &Rc<Self>) {
        drop(self.refresh.take());
        let Some(every) = self.seconds(Attribute::Refresh, 1, MAX_REFRESH) else { return };
        if self.has_data() || self.src().is_none() {
            return;
        }
        let delay = (every << self.failures.get().min(5)).min(MAX_REFRESH);
        let weak = Rc::downgrade(self);
        let timer = Timeout::new(delay * 1000, move || {
            if let Some(w) = weak.upgrade() {
                w.guard(|w| w.refresh_now());
            }
        });
        self.refresh.set(Some(timer));
    }

    /// A re-fetch that fell due, unless the page is hidden (then it waits
    /// until the reader comes back).
    pub fn refresh_now(self: &Rc<Self>) {
        #[cfg(feature = "panic-probe")]
        if self.host.id().starts_with("panic-probe-refresh") {
            panic!("panic probe in a refresh timer");
        }
        let hidden = self.host.owner_document().is_some_and(|d| d.visibility_state() == VisibilityState::Hidden);
        if hidden {
            self.due_while_hidden.set(true);
            return;
        }
        self.due_while_hidden.set(false);
        if let (Some(src), false) = (self.src(), self.has_data()) {
            self.generation.set(self.generation.get().wrapping_add(1));
            self.fetch(src);
        }
    }

    /// A whole number of seconds from an attribute, within `min..=max`;
    /// anything else is ignored with a warning.
    fn seconds(&self, name: Attribute, min: u32, max: u32) -> Option<u32> {
        let raw = self.attribute(name)?;
        match raw.trim().parse::<u32>() {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            _ => {
                let name = name.name();
                page::warn(&format!("{name}=\"{raw}\" is not a whole number of seconds from {min} to {max}; ignored."));
                None
            }
        }
    }
}
