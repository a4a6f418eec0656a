//! The browser side (wasm only): one [`Tracker`] per `<task-force-tracker>`
//! element, created by the element's small JS shim when it nears the
//! viewport. Everything the widget does in the page is here, in Rust:
//! the shadow root and its stylesheet, rendering through [`WebDom`]
//! (web-sys), listeners (gloo-events) owned by the tracker, fetch with a
//! time limit, a streaming size limit and cancellation (gloo-net), refresh
//! and back-off timers (gloo-timers), history, clipboard, downloads, host
//! events with typed details and `element.data` read from the JS object
//! (serde-wasm-bindgen), console output (gloo-console).
//!
//! **Failures stay in one widget.** Every way into a widget's Rust code
//! (an export, a listener, a timer, the end of a fetch) goes through
//! [`Widget::guard`], which calls it through `Function.prototype.call`
//! imported with `catch`: a panic (which traps under `panic = "abort"`)
//! unwinds to that JS frame and comes back as an `Err`, so the browser
//! never sees it. The widget then stops with a message and a `tft-error`;
//! the page and the other widgets carry on on the same module.

mod attribute;
mod data;
mod dom;
mod fetch;
mod page;

pub use attribute::Attribute;
pub use dom::WebDom;

use crate::controller::{Controller, Effect, ErrorDetail, HostEvent, Input};
use crate::view::LoadError;
use fetch::Fetched;
use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use js_sys::{Function, Reflect};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use web_sys::{
    AbortController, Element, Event, HtmlElement, KeyboardEvent, MutationObserver, MutationObserverInit, ShadowRoot,
    ShadowRootInit, ShadowRootMode, VisibilityState,
};

/// Source name of the embedded default, in messages and events.
pub const EMBEDDED: &str = "embedded default data";
/// Source name of an inline `<script type="application/json">` child.
pub const INLINE: &str = "inline <script type=\"application/json\">";
/// Source name of the element's `data` property.
pub const PROPERTY: &str = "element.data";

/// Seconds a fetch may take unless `timeout` says otherwise.
const DEFAULT_TIMEOUT: u32 = 10;
/// Longest refresh interval, also the cap of the back-off.
const MAX_REFRESH: u32 = 3600;

/// One tracker widget. Dropping it (the shim calls `free()` when its
/// element has left the page) removes its listeners, clears its timers
/// and aborts its fetch.
#[wasm_bindgen]
pub struct Tracker {
    widget: Rc<Widget>,
}

#[wasm_bindgen]
impl Tracker {
    /// Starts a tracker in `host` (the element), with its `data` property
    /// as set so far (`undefined` when none).
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, data: JsValue) -> Result<Tracker, JsValue> {
        install_panic_hook();
        let widget = Widget::new(host, data)?;
        widget.guard(|w| w.start());
        Ok(Tracker { widget })
    }

    /// An observed attribute changed.
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&self, name: Attribute) {
        self.widget.guard(move |w| w.attribute_changed(name));
    }

    /// The element's `data` property was set: show it (`null` or
    /// `undefined` go back to `src`, the inline JSON or the default).
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&self, value: JsValue) {
        *self.widget.data.borrow_mut() = value;
        self.widget.guard(|w| w.load());
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

/// Logs a panic with its message and where it happened, before the trap
/// stops the widget (see [`Widget::guard`]).
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let message = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
            gloo_console::error!(format!("[task-force-tracker] panic: {message}{at}"));
        }));
    });
}

/// What a load wants next.
#[derive(Clone, Copy)]
enum Next {
    Task,
    Paint,
}

struct Widget {
    host: HtmlElement,
    root: ShadowRoot,
    ctl: RefCell<Controller<WebDom>>,
    /// `element.data` as last set.
    data: RefCell<JsValue>,
    /// No more calls into this widget (torn down, or crashed).
    stopped: Cell<bool>,
    crashed: Cell<bool>,
    /// Bumped per load, so that a slow answer for an old source is dropped.
    generation: Cell<u32>,
    failures: Cell<u32>,
    due_while_hidden: Cell<bool>,
    // Resources, each in a `Cell` taken whole, so that tearing down never
    // meets a borrow left behind by a trap.
    listeners: Cell<Vec<EventListener>>,
    refresh: Cell<Option<Timeout>>,
    fetch: Cell<Option<AbortController>>,
    /// Changes to the shadow DOM not made by the widget (a host script, an
    /// extension): the next update rebuilds the DOM instead of patching
    /// blind.
    observer: MutationObserver,
    _on_mutation: Closure<dyn FnMut()>,
    tampered: Rc<Cell<bool>>,
}

impl Widget {
    fn new(host: HtmlElement, data: JsValue) -> Result<Rc<Widget>, JsValue> {
        let document = host.owner_document().ok_or("the element has no document")?;
        let root = match host.shadow_root() {
            Some(root) => root,
            None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
        };
        page::adopt_styles(&root, &document)?;
        // The light DOM shows, through a slot, until the first render.
        root.replace_children_with_node_1(&document.create_element("slot")?.into());
        let id = host.id();
        let prefix = if id.is_empty() { "tft" } else { id.as_str() };
        let dom = WebDom::new(document, prefix);
        let ctl = Controller::new(dom, root.clone().into(), prefix, host.get_attribute("selected"));
        let tampered = Rc::new(Cell::new(false));
        let on_mutation = {
            let tampered = tampered.clone();
            Closure::<dyn FnMut()>::new(move || tampered.set(true))
        };
        let observer = MutationObserver::new(on_mutation.as_ref().unchecked_ref())?;
        let options = MutationObserverInit::new();
        options.set_subtree(true);
        options.set_child_list(true);
        // Only nodes added or removed: extensions that restyle (dark modes
        // set attributes) or translate text in place leave every handle
        // valid, so they are tolerated, not answered with a rebuild.
        options.set_character_data(true);
        observer.observe_with_options(&root, &options)?;
        Ok(Rc::new(Widget {
            host,
            root,
            ctl: RefCell::new(ctl),
            data: RefCell::new(data),
            stopped: Cell::new(false),
            crashed: Cell::new(false),
            generation: Cell::new(0),
            failures: Cell::new(0),
            due_while_hidden: Cell::new(false),
            listeners: Cell::new(Vec::new()),
            refresh: Cell::new(None),
            fetch: Cell::new(None),
            observer,
            _on_mutation: on_mutation,
            tampered,
        }))
    }

    /// Runs `f` on this widget unless it has stopped. A panic inside stops
    /// this widget alone (see the module's docs).
    fn guard(self: &Rc<Self>, f: impl FnOnce(&Rc<Widget>) + 'static) {
        if self.stopped.get() {
            return;
        }
        let w = self.clone();
        if let Err(err) = catching(Box::new(move || f(&w))) {
            self.crash(&err);
        }
    }

    /// A trap left this widget's Rust state unknown: stop it, say so, keep
    /// the page.
    fn crash(self: &Rc<Self>, err: &JsValue) {
        if self.crashed.replace(true) {
            return;
        }
        // The controller may be borrowed mid-change: it is never touched,
        // nor dropped, again (a leak of one widget's memory, on purpose).
        std::mem::forget(self.clone());
        self.teardown();
        let lang = self.host.get_attribute("lang").or_else(|| {
            self.host.owner_document().and_then(|d| d.document_element()).and_then(|e| e.get_attribute("lang"))
        });
        let en = lang.is_some_and(|l| l.to_ascii_lowercase().starts_with("en"));
        let text = if en {
            "The tracker hit an internal error and has stopped. Reload the page to try again."
        } else {
            "进展表出现内部错误，已停止运行。请刷新页面重试。"
        };
        if let Some(document) = self.host.owner_document() {
            if let (Ok(b), Ok(p)) = (document.create_element("div"), document.create_element("p")) {
                b.set_class_name("tft tft-error");
                let _ = b.set_attribute("role", "alert");
                let _ = b.set_attribute("part", "root error");
                p.set_text_content(Some(text));
                let _ = b.append_child(&p);
                self.root.replace_children_with_node_1(&b.into());
            }
        }
        let message = page::describe(err);
        page::error("internal error; this widget has stopped:", &message);
        page::dispatch(&self.host, &HostEvent::Error(ErrorDetail { source: "internal".into(), message }));
    }

    /// Removes listeners, clears timers, aborts the fetch; no call gets in
    /// after this.
    fn teardown(&self) {
        self.stopped.set(true);
        self.generation.set(self.generation.get().wrapping_add(1));
        drop(self.listeners.take());
        drop(self.refresh.take());
        self.cancel_fetch();
        self.observer.disconnect();
    }

    fn start(self: &Rc<Self>) {
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            // For the benchmark, and for hosts' own timing.
            let _ = p.mark("task-force-tracker:start");
        }
        self.remember_setting();
        let (preview, fallback) = (self.host.has_attribute("preview"), self.host.child_element_count() > 0);
        self.run(|c| {
            c.set_fallback(fallback);
            c.set_preview(preview)
        });
        let lang = self.host.get_attribute("lang");
        self.run(|c| c.set_lang(lang.as_deref(), page_lang().as_deref()));
        self.listen();
        self.load();
    }

    fn attribute_changed(self: &Rc<Self>, name: Attribute) {
        let value = |n: &str| self.host.get_attribute(n);
        match name {
            Attribute::Src => self.load(),
            Attribute::Refresh => self.schedule(),
            Attribute::Lang => self.run(|c| c.set_lang(value("lang").as_deref(), page_lang().as_deref())),
            Attribute::Selected => self.run(|c| c.set_selected(value("selected"))),
            Attribute::Theme => self.run(|c| c.set_theme(value("theme").as_deref())),
            Attribute::Remember => self.remember_setting(),
            Attribute::Preview => self.run(|c| c.set_preview(value("preview").is_some())),
            _ => {}
        }
    }

    /// `remember="off"` stores nothing between visits; anything else (or
    /// no attribute) remembers, in the reader's browser only.
    fn remember_setting(&self) {
        let off = self.host.get_attribute("remember").is_some_and(|v| v.trim().eq_ignore_ascii_case("off"));
        let memory: Option<Box<dyn crate::controller::Memory>> =
            if off { None } else { Some(Box::new(page::LocalMemory)) };
        self.ctl.borrow_mut().set_memory(memory);
    }

    /// One controller step: a rebuild first if the DOM was changed from
    /// outside, then `f`, then its effects; a load goes on in later tasks.
    fn run(self: &Rc<Self>, f: impl FnOnce(&mut Controller<WebDom>) -> Vec<Effect>) {
        self.run_for(None, f);
    }

    fn run_for(self: &Rc<Self>, event: Option<&Event>, f: impl FnOnce(&mut Controller<WebDom>) -> Vec<Effect>) {
        let mut effects = Vec::new();
        if self.tampered.replace(false) | (self.observer.take_records().length() > 0) {
            page::warn("the shadow DOM was changed from outside; rebuilt the widget.");
            effects.extend(self.ctl.borrow_mut().redraw());
        }
        effects.extend(f(&mut self.ctl.borrow_mut()));
        self.observer.take_records(); // our own changes
        let generation = self.generation.get();
        if let Some(next) = self.perform(effects, event) {
            self.go_on(generation, next);
        }
    }

    /// Carries out effects in order; returns what a load wants next.
    fn perform(self: &Rc<Self>, effects: Vec<Effect>, event: Option<&Event>) -> Option<Next> {
        let mut next = None;
        for effect in effects {
            match effect {
                Effect::Event(e) => page::dispatch(&self.host, &e),
                Effect::Copy(fragment) => self.copy(fragment),
                Effect::Download { format, name, mime } => {
                    let body = self.ctl.borrow().export_body(format);
                    if let Err(e) = page::download(&body, &name, mime) {
                        page::error("the download failed:", &page::describe(&e));
                    }
                }
                Effect::Warn(m) => page::warn(&m),
                Effect::Error(m, detail) => page::error(&m, &detail),
                Effect::PreventDefault => event.iter().for_each(|e| e.prevent_default()),
                Effect::Continue => next = Some(Next::Task),
                Effect::AfterPaint => next = Some(Next::Paint),
            }
        }
        next
    }

    /// Continues a load in a later task, unless a newer load replaced it.
    fn go_on(self: &Rc<Self>, generation: u32, next: Next) {
        let weak = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            match next {
                Next::Task => page::next_task().await,
                Next::Paint => page::after_paint().await,
            }
            let Some(w) = weak.upgrade() else { return };
            if w.generation.get() == generation {
                w.guard(|w| w.run(|c| c.step()));
            }
        });
    }

    /// Shows the data the element asks for: `data`, else `src`, else an
    /// inline JSON child, else the embedded default.
    fn load(self: &Rc<Self>) {
        drop(self.refresh.take());
        self.cancel_fetch();
        self.generation.set(self.generation.get().wrapping_add(1));
        self.failures.set(0);
        let hash = page::page_hash();
        if self.has_data() {
            let data = self.data.borrow().clone();
            let generation = self.generation.get();
            let read = read_data(data);
            if self.generation.get() != generation {
                return; // reading ran page code that set `data` again: the last write wins
            }
            match read {
                Ok(value) => self.run(|c| c.load_value(value, PROPERTY, &hash)),
                Err(detail) => self.run(|c| c.fail(LoadError::NotJson { html: false, detail }, PROPERTY)),
            }
        } else if let Some(src) = self.src() {
            self.fetch(src);
        } else {
            let inline = self.host.query_selector(":scope > script[type=\"application/json\"]").ok().flatten();
            match inline {
                Some(script) => {
                    let text = script.text_content().unwrap_or_default();
                    self.run(|c| c.load(text, INLINE, &hash));
                }
                None => self.run(|c| c.load(crate::default_programme_json().to_string(), EMBEDDED, &hash)),
            }
        }
    }

    /// Aborts the download in flight, if any.
    fn cancel_fetch(&self) {
        if let Some(fetch) = self.fetch.take() {
            fetch.abort();
        }
    }

    /// Whether `element.data` holds a value (it then wins over `src`).
    fn has_data(&self) -> bool {
        let data = self.data.borrow();
        !data.is_undefined() && !data.is_null()
    }

    fn src(&self) -> Option<String> {
        // `data-src` too: where a page broke the shim's upgrade of a CMS
        // `div`, the element must not show other data than asked for.
        let src = self.host.get_attribute("src").or_else(|| self.host.get_attribute("data-src"))?;
        let src = src.trim();
        (!src.is_empty()).then(|| src.to_string())
    }

    fn fetch(self: &Rc<Self>, url: String) {
        drop(self.refresh.take());
        let Ok(abort) = AbortController::new() else { return };
        if let Some(old) = self.fetch.replace(Some(abort.clone())) {
            old.abort();
        }
        let generation = self.generation.get();
        let seconds = self.seconds("timeout", 1, 120).unwrap_or(DEFAULT_TIMEOUT);
        let weak: Weak<Widget> = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let fetched = fetch::fetch(&url, seconds, &abort).await;
            let Some(w) = weak.upgrade() else { return };
            if w.generation.get() != generation || matches!(fetched, Fetched::Cancelled) {
                return; // replaced or removed meanwhile
            }
            w.fetch.take();
            w.guard(move |w| {
                #[cfg(feature = "panic-probe")]
                if url.contains("__panic_probe__") {
                    panic!("panic probe in a fetch callback");
                }
                let hash = page::page_hash();
                match fetched {
                    Fetched::Body(bytes) => {
                        w.failures.set(0);
                        w.run(|c| c.load_bytes(bytes, &url, &hash));
                    }
                    Fetched::Failed(err) => {
                        w.failures.set(w.failures.get() + 1);
                        w.run(|c| c.fail(err, &url));
                    }
                    Fetched::Cancelled => {}
                }
                w.schedule();
            });
        });
    }

    /// Plans the next re-fetch: every `refresh` seconds, doubling per
    /// failure up to 32×, never beyond an hour.
    fn schedule(self: &Rc<Self>) {
        drop(self.refresh.take());
        let Some(every) = self.seconds("refresh", 1, MAX_REFRESH) else { return };
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

    fn refresh_now(self: &Rc<Self>) {
        #[cfg(feature = "panic-probe")]
        if self.host.id().starts_with("panic-probe-refresh") {
            panic!("panic probe in a refresh timer");
        }
        let hidden = self.host.owner_document().is_some_and(|d| d.visibility_state() == VisibilityState::Hidden);
        if hidden {
            self.due_while_hidden.set(true); // wait until the reader comes back
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
    fn seconds(&self, name: &str, min: u32, max: u32) -> Option<u32> {
        let raw = self.host.get_attribute(name)?;
        match raw.trim().parse::<u32>() {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            _ => {
                page::warn(&format!("{name}=\"{raw}\" is not a whole number of seconds from {min} to {max}; ignored."));
                None
            }
        }
    }

    fn copy(self: &Rc<Self>, fragment: String) {
        let url = format!("{}#{fragment}", page::page_url());
        let clipboard = web_sys::window()
            .map(|w| w.navigator())
            .and_then(|n| Reflect::get(&n, &"clipboard".into()).ok())
            .filter(|c| c.is_object())
            .map(|c| c.unchecked_into::<web_sys::Clipboard>());
        let Some(clipboard) = clipboard else {
            self.run(|c| c.copied(false, &url));
            return;
        };
        let weak = Rc::downgrade(self);
        let written = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&url));
        wasm_bindgen_futures::spawn_local(async move {
            let ok = written.await.is_ok();
            if let Some(w) = weak.upgrade() {
                w.guard(move |w| w.run(|c| c.copied(ok, &url)));
            }
        });
    }

    /// Listens to the reader (in the shadow root) and to the page (Back
    /// and Forward, links to a fragment, printing, the tab coming back into
    /// view). The listeners live as long as the tracker.
    fn listen(self: &Rc<Self>) {
        let mut listeners = Vec::new();
        for kind in ["click", "keydown", "input", "change", "compositionend"] {
            let weak = Rc::downgrade(self);
            listeners.push(EventListener::new_with_options(
                &self.root,
                kind,
                EventListenerOptions::enable_prevent_default(),
                move |e| {
                    if let Some(w) = weak.upgrade() {
                        let e = e.clone();
                        w.guard(move |w| w.on_reader(&e));
                    }
                },
            ));
        }
        let Some(window) = web_sys::window() else { return };
        for kind in ["popstate", "hashchange", "beforeprint", "afterprint"] {
            let weak = Rc::downgrade(self);
            listeners.push(EventListener::new(&window, kind, move |e| {
                if let Some(w) = weak.upgrade() {
                    let e = e.clone();
                    w.guard(move |w| w.on_page(&e));
                }
            }));
        }
        if let Some(document) = window.document() {
            let weak = Rc::downgrade(self);
            listeners.push(EventListener::new(&document, "visibilitychange", move |_| {
                if let Some(w) = weak.upgrade() {
                    w.guard(|w| {
                        let visible =
                            w.host.owner_document().is_some_and(|d| d.visibility_state() == VisibilityState::Visible);
                        if w.due_while_hidden.get() && visible {
                            w.refresh_now();
                        }
                    });
                }
            }));
        }
        self.listeners.set(listeners);
    }

    fn on_reader(self: &Rc<Self>, e: &Event) {
        // Checked by node type, not `instanceof`: in an iframe the nodes and
        // events come from that window's constructors.
        let Some(target) = e.target().map(|t| t.unchecked_into::<web_sys::Node>()) else { return };
        if target.node_type() != web_sys::Node::ELEMENT_NODE {
            return;
        }
        let target = target.unchecked_into::<Element>();
        let Some(el) = target.closest("[data-act]").ok().flatten() else { return };
        let act = el.get_attribute("data-act").unwrap_or_default();
        let arg = el.get_attribute("data-arg").unwrap_or_default();
        let kind = e.type_();
        match kind.as_str() {
            "click" => self.run_for(Some(e), |c| c.input(Input::Click { act: &act, arg: &arg })),
            "keydown" => {
                let k = e.unchecked_ref::<KeyboardEvent>(); // a keydown event is one
                if k.alt_key() || k.ctrl_key() || k.meta_key() {
                    return;
                }
                let key = k.key();
                self.run_for(Some(e), |c| c.input(Input::Key { act: &act, arg: &arg, key: &key }));
            }
            _ => {
                // Wait for an input method (pinyin, zhuyin…) to commit.
                if Reflect::get(e, &"isComposing".into()).ok().and_then(|v| v.as_bool()) == Some(true) {
                    return;
                }
                let value = Reflect::get(&el, &"value".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
                self.run_for(Some(e), |c| c.input(Input::Value { act: &act, value: &value }));
            }
        }
    }

    fn on_page(self: &Rc<Self>, e: &Event) {
        match e.type_().as_str() {
            "popstate" => {
                let key = self.ctl.borrow().state().id_prefix.clone();
                let state = Reflect::get(e, &"state".into()).unwrap_or(JsValue::UNDEFINED);
                let saved = if state.is_object() { Reflect::get(&state, &key.into()).ok() } else { None };
                let fragment = saved.and_then(|s| s.as_string()).unwrap_or_else(page::page_hash);
                self.run_for(Some(e), |c| c.input(Input::PopState(&fragment)));
            }
            "hashchange" => {
                let hash = page::page_hash();
                self.run_for(Some(e), |c| c.input(Input::HashChange(&hash)));
            }
            kind => {
                let before = kind == "beforeprint";
                self.run_for(Some(e), |c| c.input(Input::Print(before)));
            }
        }
    }
}

/// Runs `f` through a JS frame that catches (`Function.prototype.call`
/// imported with `catch`): a trap or a JS exception inside comes back as
/// an `Err`. Boxed, so there is one closure shim for every caller.
fn catching(f: Box<dyn FnOnce()>) -> Result<JsValue, JsValue> {
    let call = Closure::once_into_js(f);
    call.unchecked_ref::<Function>().call0(&JsValue::UNDEFINED)
}

/// The page's `<html lang>`.
fn page_lang() -> Option<String> {
    web_sys::window()?.document()?.document_element()?.get_attribute("lang")
}

/// Reads `element.data` into a JSON value. Reading can run the page's
/// code (getters, proxies), which may throw: that comes back as an error
/// here, through a JS frame that catches, with nothing of the widget's
/// borrowed meanwhile.
fn read_data(value: JsValue) -> Result<crate::model::json::Value, String> {
    let result = Rc::new(RefCell::new(None));
    let slot = result.clone();
    if let Err(err) = catching(Box::new(move || *slot.borrow_mut() = Some(data::read(value)))) {
        return Err(format!("the value cannot be written as JSON (reading it threw {})", page::describe(&err)));
    }
    let value = result.borrow_mut().take();
    value
        .unwrap_or_else(|| Err("it could not be read".into()))
        .map_err(|e| format!("the value cannot be written as JSON ({e})"))
}
