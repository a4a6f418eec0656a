//! The browser side of one `<task-force-tracker>` element: choosing and
//! loading the data source, turning reader input into state changes, and
//! rendering the pure view into the element's shadow root.
//!
//! Events for the host page are dispatched only after every borrow of the
//! widget's state is released, so a host listener may call back into the
//! element (set an attribute, read `data`) without tripping a `RefCell`.

use crate::model::{self, Programme};
use crate::text::Lang;
use crate::view::{self, LoadError, Node as VNode, State};
use crate::{default_programme_json, dom};
use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    AbortSignal, CssStyleSheet, CustomEvent, CustomEventInit, Document, Element, Event,
    HtmlElement, KeyboardEvent, RequestInit, Response, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

/// A `src` fetch that has not answered in this time is abandoned.
const FETCH_TIMEOUT_MS: u32 = 10_000;
const CSS: &str = include_str!("widget.css");
const EMBEDDED: &str = "embedded default data";
const INLINE: &str = "inline <script type=\"application/json\">";
const PROPERTY: &str = "element.data";

thread_local! {
    // One constructed stylesheet shared by every instance. Constructed sheets
    // are not subject to `style-src`, unlike `<style>` elements.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

fn stylesheet() -> Result<CssStyleSheet, JsValue> {
    SHEET.with(|cell| {
        if let Some(sheet) = &*cell.borrow() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(CSS)?;
        *cell.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })
}

/// One tracker widget, created by its custom element when connected and freed
/// when disconnected; dropping it removes its listeners and ignores any fetch
/// still in flight.
#[wasm_bindgen]
pub struct Tracker {
    inner: Rc<RefCell<Inner>>,
    _listeners: [EventListener; 2],
}

struct Inner {
    host: HtmlElement,
    root: ShadowRoot,
    doc: Document,
    state: State,
    programme: Option<Rc<Programme>>,
    /// The last failure and the source it came from; shown as an error box
    /// when there is no good data, as a notice above the data otherwise.
    failure: Option<(LoadError, String)>,
    /// What the shadow root shows; `None` while the light-DOM fallback shows.
    rendered: Option<Vec<VNode>>,
    /// Bumped for every load, so a slow answer for an old source is dropped.
    generation: u32,
    /// Data came from `element.data`, which wins over `src` and inline JSON.
    from_property: bool,
}

#[wasm_bindgen]
impl Tracker {
    /// Attaches to `host`, showing its light-DOM content through a slot until
    /// the first render. Call [`Tracker::load`] or [`Tracker::set_data`] next.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement) -> Result<Tracker, JsValue> {
        let doc = host
            .owner_document()
            .expect_throw("a connected element has a document");
        let root = match host.shadow_root() {
            Some(root) => root,
            None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
        };
        let sheet: JsValue = stylesheet()?.into();
        root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        root.set_text_content(None);
        let slot = doc.create_element("slot")?;
        root.append_child(&slot)?;

        let state = State {
            lang: resolve_lang(&host, &doc),
            ..State::default()
        };
        let inner = Rc::new(RefCell::new(Inner {
            host,
            root: root.clone(),
            doc,
            state,
            programme: None,
            failure: None,
            rendered: None,
            generation: 0,
            from_property: false,
        }));
        let weak = Rc::downgrade(&inner);
        let click = EventListener::new(&root, "click", move |e| on_click(&weak, e));
        let weak = Rc::downgrade(&inner);
        let keydown = EventListener::new(&root, "keydown", move |e| on_keydown(&weak, e));
        Ok(Tracker {
            inner,
            _listeners: [click, keydown],
        })
    }

    /// Loads from the element's own sources: `src`, else an inline
    /// `<script type="application/json">` child, else the embedded default.
    pub fn load(&self) {
        let (src, inline) = {
            let i = self.inner.borrow();
            let src = i.host.get_attribute("src").filter(|s| !s.trim().is_empty());
            let inline = i
                .host
                .query_selector(":scope > script[type='application/json']")
                .ok()
                .flatten();
            (src, inline.map(|s| s.text_content().unwrap_or_default()))
        };
        match (src, inline) {
            (Some(url), _) => fetch(&self.inner, url),
            (None, Some(text)) => self.apply(parse_text(&text), INLINE.into()),
            (None, None) => self.apply(parse_text(default_programme_json()), EMBEDDED.into()),
        }
    }

    /// Shows data given as a JS object (the element's `data` property);
    /// `null` or `undefined` goes back to the element's own sources.
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&self, value: JsValue) {
        if value.is_null() || value.is_undefined() {
            self.inner.borrow_mut().from_property = false;
            return self.load();
        }
        self.inner.borrow_mut().from_property = true;
        self.apply(parse_value(value), PROPERTY.into());
    }

    /// Applies a changed attribute (`src`, `lang`, `selected`, `theme`).
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&self, name: &str, value: Option<String>) {
        match name {
            "src" if !self.inner.borrow().from_property => self.load(),
            "lang" => {
                let mut i = self.inner.borrow_mut();
                i.state.lang = resolve_lang(&i.host, &i.doc);
                i.render();
            }
            "selected" => {
                let mut i = self.inner.borrow_mut();
                if i.select_attribute() {
                    i.render();
                }
            }
            "theme" => {
                if let Some(v) = value.filter(|v| !matches!(v.as_str(), "light" | "dark" | "auto"))
                {
                    warn(&format!(
                        "theme=\"{v}\" is not supported; use light, dark or auto. Showing light."
                    ));
                }
            }
            _ => {}
        }
    }

    fn apply(&self, result: Result<Programme, LoadError>, source: String) {
        let event = {
            let mut i = self.inner.borrow_mut();
            i.generation += 1;
            i.apply(result, source)
        };
        emit(&self.inner, event);
    }
}

impl Inner {
    fn apply(
        &mut self,
        result: Result<Programme, LoadError>,
        source: String,
    ) -> Option<CustomEvent> {
        match result {
            Ok(p) => {
                // Keep the reader's task force across reloads when it still exists.
                let previous = self
                    .programme
                    .as_ref()
                    .and_then(|old| old.task_forces.get(self.state.selected));
                let kept = previous.and_then(|tf| p.position(tf.id.as_str()));
                let measures: usize = p.task_forces.iter().map(|t| t.measures.len()).sum();
                let detail = object(&[
                    ("source", source.as_str().into()),
                    ("asOf", p.as_of.to_string().into()),
                    ("taskForces", (p.task_forces.len() as u32).into()),
                    ("measures", (measures as u32).into()),
                ]);
                self.programme = Some(Rc::new(p));
                self.failure = None;
                match kept {
                    Some(k) => self.state.selected = k,
                    None => {
                        self.state.selected = 0;
                        self.select_attribute();
                    }
                }
                self.render();
                custom_event("tft-load", &detail)
            }
            Err(err) => {
                let message = err.describe(Lang::En);
                log_failure(&source, &err);
                let detail = object(&[
                    ("source", source.as_str().into()),
                    ("message", message.into()),
                ]);
                self.failure = Some((err, source));
                self.render();
                custom_event("tft-error", &detail)
            }
        }
    }

    /// Selects the task force named by the `selected` attribute, if any;
    /// returns whether it matched.
    fn select_attribute(&mut self) -> bool {
        let (Some(p), Some(id)) = (&self.programme, self.host.get_attribute("selected")) else {
            return false;
        };
        match p.position(id.trim()) {
            Some(i) => {
                self.state.selected = i;
                true
            }
            None => {
                let ids: Vec<&str> = p.task_forces.iter().map(|t| t.id.as_str()).collect();
                warn(&format!(
                    "selected=\"{id}\" names no task force; expected one of: {}",
                    ids.join(", ")
                ));
                false
            }
        }
    }

    /// Selects task force `index` in response to the reader.
    fn select(&mut self, index: usize) -> Option<CustomEvent> {
        let p = self.programme.clone()?;
        let tf = p.task_forces.get(index)?;
        if index == self.state.selected {
            return None;
        }
        self.state.selected = index;
        self.render();
        let detail = object(&[
            ("id", tf.id.as_str().into()),
            ("index", (index as u32).into()),
            ("name", tf.name.get(self.state.lang).into()),
        ]);
        custom_event("tft-select", &detail)
    }

    fn render(&mut self) {
        let lang = self.state.lang;
        let new = match (&self.programme, &self.failure) {
            (Some(p), failure) => {
                let notice = failure
                    .as_ref()
                    .map(|(e, src)| view::stale_notice(e, src, p.as_of, lang));
                notice
                    .into_iter()
                    .chain([view::view(p, &self.state)])
                    .collect()
            }
            (None, Some((e, src))) => vec![view::error_view(e, src, lang)],
            (None, None) => return,
        };
        let old = match self.rendered.take() {
            Some(old) => old,
            None => {
                self.root.set_text_content(None); // drop the fallback slot
                Vec::new()
            }
        };
        if let Err(e) = dom::patch_children(&self.doc, &self.root, &old, &new) {
            web_sys::console::error_2(&"[task-force-tracker] rendering failed:".into(), &e);
            // The DOM no longer matches either tree: rebuild from scratch next time.
            self.root.set_text_content(None);
            let _ = dom::patch_children(&self.doc, &self.root, &[], &new);
        }
        self.rendered = Some(new);
    }
}

fn on_click(weak: &Weak<RefCell<Inner>>, e: &Event) {
    let Some(inner) = weak.upgrade() else { return };
    let Some(index) = tab_index(e) else { return };
    let event = inner.borrow_mut().select(index);
    emit(&inner, event);
}

/// Tabs pattern keys: Left/Right move and wrap, Home/End jump; selection
/// follows focus (automatic activation).
fn on_keydown(weak: &Weak<RefCell<Inner>>, e: &Event) {
    let Some(inner) = weak.upgrade() else { return };
    let (Some(ke), Some(current)) = (e.dyn_ref::<KeyboardEvent>(), tab_index(e)) else {
        return;
    };
    if ke.alt_key() || ke.ctrl_key() || ke.meta_key() {
        return;
    }
    let count = inner
        .borrow()
        .programme
        .as_ref()
        .map_or(0, |p| p.task_forces.len());
    if count == 0 {
        return;
    }
    let next = match ke.key().as_str() {
        "ArrowRight" => (current + 1) % count,
        "ArrowLeft" => (current + count - 1) % count,
        "Home" => 0,
        "End" => count - 1,
        _ => return,
    };
    e.prevent_default();
    let event = inner.borrow_mut().select(next);
    if let Ok(Some(tab)) = inner
        .borrow()
        .root
        .query_selector(&format!("[data-tab=\"{next}\"]"))
    {
        let _ = tab.unchecked_ref::<HtmlElement>().focus();
    }
    emit(&inner, event);
}

fn tab_index(e: &Event) -> Option<usize> {
    let target = e.target()?.dyn_into::<Element>().ok()?;
    target
        .closest("[data-tab]")
        .ok()??
        .get_attribute("data-tab")?
        .parse()
        .ok()
}

fn fetch(inner: &Rc<RefCell<Inner>>, url: String) {
    let generation = {
        let mut i = inner.borrow_mut();
        i.generation += 1;
        i.generation
    };
    let weak = Rc::downgrade(inner);
    spawn_local(async move {
        let result = fetch_programme(&url).await;
        let Some(inner) = weak.upgrade() else { return };
        let event = {
            let mut i = inner.borrow_mut();
            if i.generation != generation {
                return; // a newer source replaced this one while it loaded
            }
            i.apply(result, url)
        };
        emit(&inner, event);
    });
}

async fn fetch_programme(url: &str) -> Result<Programme, LoadError> {
    let init = RequestInit::new();
    init.set_signal(Some(&AbortSignal::timeout_with_u32(FETCH_TIMEOUT_MS)));
    let window = web_sys::window().expect_throw("widgets run in a window");
    let failed = |e: JsValue| {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|v| v.as_string());
        if matches!(name.as_deref(), Some("TimeoutError" | "AbortError")) {
            LoadError::Timeout(FETCH_TIMEOUT_MS / 1000)
        } else {
            LoadError::Network(js_message(&e))
        }
    };
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(failed)?
        .unchecked_into();
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let body = JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?;
    parse_text(&body.as_string().unwrap_or_default())
}

fn parse_text(text: &str) -> Result<Programme, LoadError> {
    let value = js_sys::JSON::parse(text).map_err(|e| LoadError::NotJson {
        html: text.trim_start().starts_with('<'),
        detail: js_message(&e),
    })?;
    parse_value(value)
}

fn parse_value(value: JsValue) -> Result<Programme, LoadError> {
    model::parse(serde_wasm_bindgen::Deserializer::from(value)).map_err(LoadError::Invalid)
}

fn resolve_lang(host: &Element, doc: &Document) -> Lang {
    if let Some(tag) = host.get_attribute("lang") {
        match Lang::from_tag(&tag) {
            Some(lang) => return lang,
            None => warn(&format!(
                "lang=\"{tag}\" is not supported; use zh-Hans, zh-Hant or en."
            )),
        }
    }
    doc.document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|t| Lang::from_tag(&t))
        .unwrap_or(Lang::ZhHans)
}

fn emit(inner: &Rc<RefCell<Inner>>, event: Option<CustomEvent>) {
    if let Some(event) = event {
        let host = inner.borrow().host.clone();
        let _ = host.dispatch_event(&event);
    }
}

fn custom_event(name: &str, detail: &JsValue) -> Option<CustomEvent> {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    CustomEvent::new_with_event_init_dict(name, &init).ok()
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

fn js_message(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

fn warn(message: &str) {
    web_sys::console::warn_2(&"[task-force-tracker]".into(), &message.into());
}

fn log_failure(source: &str, err: &LoadError) {
    let detail = match err {
        LoadError::Invalid(problems) => problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
        other => other.describe(Lang::En),
    };
    web_sys::console::error_2(
        &format!("[task-force-tracker] could not show data from {source}:").into(),
        &detail.into(),
    );
}
