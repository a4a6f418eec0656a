//! The page around a widget, on web-sys and gloo: the shared stylesheet,
//! storage, host events, console output, downloads, the page's address
//! and language,
//! and yielding to the browser between the steps of a large load.

use crate::controller::HostEvent;
use js_sys::{Array, Promise, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CssStyleSheet, CustomEvent, CustomEventInit, HtmlElement, ShadowRoot};

const PREFIX: &str = "[task-force-tracker]";

thread_local! {
    /// One constructed stylesheet per document for every instance in it (a
    /// constructed sheet is not subject to `style-src`, unlike `<style>`).
    /// A sheet serves only the document it was made for: an element moved
    /// into an iframe gets one made by the iframe's own `CSSStyleSheet`.
    static SHEETS: RefCell<Vec<(web_sys::Document, CssStyleSheet)>> = const { RefCell::new(Vec::new()) };
}

/// Adopts the widget's stylesheet into `root`, made for `document`.
pub fn adopt_styles(root: &ShadowRoot, document: &web_sys::Document) -> Result<(), JsValue> {
    let sheet = SHEETS.with(|s| -> Result<CssStyleSheet, JsValue> {
        if let Some((_, sheet)) = s.borrow().iter().find(|(d, _)| d == document) {
            return Ok(sheet.clone());
        }
        let window = document.default_view().ok_or("the document has no window")?;
        let constructor = js_sys::Reflect::get(&window, &"CSSStyleSheet".into())?;
        let sheet: CssStyleSheet =
            js_sys::Reflect::construct(constructor.unchecked_ref::<js_sys::Function>(), &Array::new())?
                .unchecked_into();
        sheet.replace_sync(crate::STYLES)?;
        s.borrow_mut().push((document.clone(), sheet.clone()));
        Ok(sheet)
    })?;
    root.set_adopted_style_sheets(&Array::of1(&sheet));
    Ok(())
}

/// What the widget remembers between visits, in the reader's
/// `localStorage` (web-sys `Storage`): one string of twelve hex digits per
/// measure, about 120 KB for 10,000 measures, written and read in a few
/// milliseconds. Blocked or full storage (private modes, embedded browsers,
/// a page's policy) remembers nothing and says nothing.
#[derive(Debug)]
pub struct LocalMemory;

impl LocalMemory {
    /// The storage, where the page allows it (blocked storage throws, and
    /// web-sys reports that as an error).
    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }
}

impl crate::controller::Memory for LocalMemory {
    fn recall(&self, key: &str) -> Option<crate::controller::Seen> {
        let text = Self::storage()?.get_item(key).ok()??;
        // Twelve hex digits a fingerprint, one after another.
        let digits = text.as_bytes().chunks_exact(12);
        Some(digits.filter_map(|d| u64::from_str_radix(std::str::from_utf8(d).ok()?, 16).ok()).collect())
    }

    fn remember(&mut self, key: &str, seen: &crate::controller::Seen) {
        use std::fmt::Write;
        let Some(storage) = Self::storage() else { return };
        let mut text = String::with_capacity(seen.len() * 12);
        for print in seen {
            let _ = write!(text, "{print:012x}");
        }
        let _ = storage.set_item(key, &text); // full: remember nothing
    }
}

/// Dispatches a host event on the element: bubbling, composed (it leaves
/// the shadow root), its detail a plain object.
pub fn dispatch(host: &HtmlElement, event: &HostEvent) {
    let detail = match event {
        HostEvent::Load(d) => serde_wasm_bindgen::to_value(d),
        HostEvent::Select(d) => serde_wasm_bindgen::to_value(d),
        HostEvent::Error(d) => serde_wasm_bindgen::to_value(d),
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail.unwrap_or(JsValue::NULL));
    if let Ok(e) = CustomEvent::new_with_event_init_dict(event.event().name(), &init) {
        // A host listener that throws is reported by the browser, not here.
        let _ = host.dispatch_event(&e);
    }
}

/// `console.warn`, prefixed.
pub fn warn(message: &str) {
    gloo_console::warn!(PREFIX, message);
}

/// `console.error`, prefixed, with a detail.
pub fn error(message: &str, detail: &str) {
    gloo_console::error!(format!("{PREFIX} {message}"), detail);
}

/// A JS exception or trap as one line: `Name: message` for an `Error`,
/// else the thrown string or number.
pub fn describe(err: &JsValue) -> String {
    if let Some(e) = err.dyn_ref::<js_sys::Error>() {
        return format!("{}: {}", String::from(e.name()), String::from(e.message()));
    }
    if let Some(s) = err.as_string() {
        return s;
    }
    match err.as_f64() {
        Some(n) if n.fract() == 0.0 && n.abs() < 1e15 => (n as i64).to_string(),
        _ => "a value that is not an Error".to_string(),
    }
}

/// Offers `body` as a file named `name`.
pub fn download(body: &str, name: &str, mime: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&Array::of1(&JsValue::from_str(body)), &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)
}

/// The page's URL without its fragment: links are always the document's
/// own address, whatever `<base href>` says.
pub fn page_url() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Whether `url` (as written in `src`, resolved against the page) is on the
/// page's own origin.
pub fn same_origin(url: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    // Resolved as fetch resolves it: against the document's base URL.
    let base = window.document().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    match (web_sys::Url::new_with_base(url, &base), window.location().origin()) {
        (Ok(u), Ok(origin)) => u.origin() == origin,
        _ => false,
    }
}

/// The page's URL fragment, with its `#` (empty when none).
pub fn page_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Resolves in a new task, so the browser can paint and handle input in
/// between: `scheduler.yield()` where there is one, else a message to a
/// `MessageChannel` (no 4 ms clamp, unlike nested timers).
pub async fn next_task() {
    let global = js_sys::global();
    let scheduler = Reflect::get(&global, &"scheduler".into()).unwrap_or(JsValue::UNDEFINED);
    if let Ok(f) = Reflect::get(&scheduler, &"yield".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
        if let Ok(p) = f.call0(&scheduler) {
            let _ = JsFuture::from(Promise::from(p)).await;
            return;
        }
    }
    let promise = Promise::new(&mut |resolve, _| match web_sys::MessageChannel::new() {
        Ok(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel.port2().post_message(&JsValue::UNDEFINED);
        }
        Err(_) => drop(resolve.call0(&JsValue::UNDEFINED)),
    });
    let _ = JsFuture::from(promise).await;
}

/// Whether the element is on the screen or within a screen's height of
/// it (where a reader may use it soon).
pub fn near_screen(el: &web_sys::Element) -> bool {
    let height = web_sys::window().and_then(|w| w.inner_height().ok()?.as_f64()).unwrap_or(0.0);
    let r = el.get_bounding_client_rect();
    r.bottom() > -height && r.top() < 2.0 * height
}

/// Milliseconds on the page's clock (`performance.now()`).
pub fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// The page's `<html lang>`.
pub fn page_lang() -> Option<String> {
    web_sys::window()?.document()?.document_element()?.get_attribute("lang")
}
