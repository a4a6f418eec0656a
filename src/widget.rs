//! The browser side of one `<task-force-tracker>` element: parsing the data
//! it is given, turning reader input into state changes, keeping the URL
//! fragment and history in step, and rendering the pure view into the
//! element's shadow root.
//!
//! Every entry into this module comes from the element's JS through a guard
//! (listeners, fetches and timers live there): a panic, which traps the
//! WebAssembly instance, then surfaces as an exception the guard catches and
//! turns into a message in that widget alone, never an error in the host page.
//! Rust schedules nothing of its own.
//!
//! Events for the host page are dispatched only after every borrow of the
//! widget's state is released, so a host listener may call back into the
//! element (set an attribute, read `data`) without tripping a `RefCell`.

use crate::export::{content_hash, to_csv};
use crate::i18n::{format_date, showing, strings};
use crate::model::{self, Programme, Status};
use crate::state::{fragment, measure_key, parse_fragment, Filter, State};
use crate::text::Lang;
use crate::view::{self, LoadError, Node as VNode};
use crate::{default_programme_json, dom};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Blob, BlobPropertyBag, CssStyleSheet, CustomEvent, CustomEventInit, Document, Element, Event, HtmlElement,
    HtmlInputElement, HtmlSelectElement, InputEvent, KeyboardEvent, PopStateEvent, ShadowRoot, ShadowRootInit,
    ShadowRootMode, Url,
};

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

/// Logs panics to the console before the instance traps, so the detail is
/// there when the element's guard reports the widget as stopped.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_2(&"[task-force-tracker] panic:".into(), &info.to_string().into());
        }));
    });
}

/// One tracker widget, created by its custom element when it starts and freed
/// when the element is disconnected.
#[wasm_bindgen]
pub struct Tracker {
    inner: RefCell<Inner>,
}

struct Inner {
    host: HtmlElement,
    root: ShadowRoot,
    doc: Document,
    state: State,
    /// Shared so that handlers can hold it while they mutate the state.
    programme: Option<Rc<Programme>>,
    /// The JSON text of the programme shown, for "download data".
    text: String,
    /// The last failure and the source it came from; shown as an error box
    /// when there is no good data, as a notice above the data otherwise.
    failure: Option<(LoadError, String)>,
    /// What the shadow root shows; `None` while the light-DOM fallback shows.
    rendered: Option<Vec<VNode>>,
}

#[wasm_bindgen]
impl Tracker {
    /// Attaches to `host`, showing its light-DOM content through a slot until
    /// the first render. Give it data next ([`Tracker::load_own`],
    /// [`Tracker::set_data`] or [`Tracker::deliver`]).
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement) -> Result<Tracker, JsValue> {
        install_panic_hook();
        let doc = host.owner_document().expect_throw("a connected element has a document");
        let root = match host.shadow_root() {
            Some(root) => root,
            None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
        };
        let sheet: JsValue = stylesheet()?.into();
        root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        root.set_text_content(None);
        let slot = doc.create_element("slot")?;
        root.append_child(&slot)?;

        let id = host.id();
        let prefix = if id.is_empty() { "tft".to_string() } else { id };
        let state = State { lang: resolve_lang(&host, &doc), id_prefix: prefix, ..State::default() };
        let inner =
            Inner { host, root, doc, state, programme: None, text: String::new(), failure: None, rendered: None };
        Ok(Tracker { inner: RefCell::new(inner) })
    }

    /// Shows the element's own data: an inline `<script type="application/json">`
    /// child, else the embedded default.
    #[wasm_bindgen(js_name = loadOwn)]
    pub fn load_own(&self) {
        let inline = {
            let i = self.inner.borrow();
            i.host.query_selector(":scope > script[type='application/json']").ok().flatten()
        };
        match inline {
            Some(script) => self.deliver(&script.text_content().unwrap_or_default(), INLINE),
            None => self.deliver(default_programme_json(), EMBEDDED),
        }
    }

    /// Shows data given as a JS object (the element's `data` property).
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&self, value: JsValue) {
        // A JSON copy: later changes to the host's object do not leak in, and
        // every source goes through the same parser and content hash.
        match js_sys::JSON::stringify(&value).ok().and_then(|s| s.as_string()) {
            Some(text) => self.deliver(&text, PROPERTY),
            None => self.show(
                Err(LoadError::NotJson { html: false, detail: "the value cannot be written as JSON".into() }),
                PROPERTY,
            ),
        }
    }

    /// Shows JSON text that came from `source` (a URL, for fetched data).
    pub fn deliver(&self, text: &str, source: &str) {
        #[cfg(feature = "panic-probe")]
        if text.contains("__panic_probe__") {
            panic!("panic probe in data from {source}");
        }
        self.show(parse_text(text), source);
    }

    /// Reports that fetching `source` failed: `kind` is `http` (with the
    /// status code as `detail`), `timeout` (seconds), `too-large` (the limit
    /// in bytes), `not-utf8`, or `network` (the browser's message).
    pub fn fail(&self, kind: &str, detail: &str, source: &str) {
        let err = match kind {
            "http" => LoadError::Http(detail.parse().unwrap_or(0)),
            "timeout" => LoadError::Timeout(detail.parse().unwrap_or(0)),
            "too-large" => LoadError::TooLarge(detail.parse().unwrap_or(0)),
            "not-utf8" => LoadError::NotUtf8,
            _ => LoadError::Network(detail.to_string()),
        };
        self.show(Err(err), source);
    }

    /// Applies a changed attribute (`lang`, `selected`, `theme`; the element
    /// handles `src`, `refresh` and `timeout`).
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&self, name: &str, value: Option<String>) {
        let mut i = self.inner.borrow_mut();
        match name {
            "lang" => {
                i.state.lang = resolve_lang(&i.host, &i.doc);
                i.render();
            }
            "selected" if i.select_attribute() => i.render(),
            "theme" => {
                if let Some(v) = value.filter(|v| !matches!(v.as_str(), "light" | "dark" | "auto")) {
                    warn(&format!("theme=\"{v}\" is not supported; use light, dark or auto. Showing light."));
                }
            }
            _ => {}
        }
    }

    /// Handles a DOM event the element forwards: `click`, `keydown`, `input`,
    /// `change`, `compositionend` from the shadow root; `popstate`,
    /// `beforeprint`, `afterprint` from the window. Returns a request for the
    /// element, if any: `{ copy: url }` to put a link on the clipboard.
    pub fn handle(&self, e: &Event) -> JsValue {
        #[cfg(feature = "panic-probe")]
        if e.type_() == "click" && self.inner.borrow().host.has_attribute("data-panic-probe") {
            let _held = self.inner.borrow_mut(); // trap while state is borrowed, the worst case
            panic!("panic probe in a click handler");
        }
        let mut out = JsValue::UNDEFINED;
        let event = match e.type_().as_str() {
            "click" => self.on_click(e, &mut out),
            "keydown" => self.on_keydown(e),
            "input" | "change" | "compositionend" => {
                self.on_input(e);
                None
            }
            "popstate" => {
                self.on_popstate(e);
                None
            }
            "beforeprint" | "afterprint" => {
                let mut i = self.inner.borrow_mut();
                i.state.print = e.type_() == "beforeprint";
                i.render();
                None
            }
            _ => None,
        };
        self.emit(event);
        out
    }

    /// Announces the outcome of a copy-link request.
    pub fn copied(&self, ok: bool, url: &str) {
        let mut i = self.inner.borrow_mut();
        let s = strings(i.state.lang);
        i.state.announcement = if ok { s.link_copied.to_string() } else { format!("{}{url}", s.copy_failed) };
        i.render();
    }
}

impl Tracker {
    fn show(&self, result: Result<(Programme, String), LoadError>, source: &str) {
        let event = self.inner.borrow_mut().apply(result, source);
        self.emit(event);
    }

    fn emit(&self, event: Option<CustomEvent>) {
        if let Some(event) = event {
            let host = self.inner.borrow().host.clone();
            let _ = host.dispatch_event(&event);
        }
    }

    fn on_click(&self, e: &Event, out: &mut JsValue) -> Option<CustomEvent> {
        let (_, act, arg) = action(e)?;
        let mut i = self.inner.borrow_mut();
        match act.as_str() {
            "tab" => return i.select(arg.parse().ok()?),
            "toggle" => i.toggle(&arg),
            "copy" => *out = object(&[("copy", i.link(&arg).into())]),
            "download" => i.download(&arg),
            "lang" => {
                i.state.lang = Lang::from_tag(&arg)?;
                i.render();
            }
            "more" => {
                i.state.limit += crate::state::PAGE;
                i.render();
            }
            "clear" => i.set_filter(|f| {
                f.status = None;
                f.query.clear();
            }),
            _ => {}
        }
        None
    }

    /// Tabs pattern keys: Left/Right move and wrap, Home/End jump; selection
    /// follows focus (automatic activation).
    fn on_keydown(&self, e: &Event) -> Option<CustomEvent> {
        let ke = e.dyn_ref::<KeyboardEvent>()?;
        let (_, act, arg) = action(e)?;
        let current: usize = arg.parse().ok()?;
        if act != "tab" || ke.alt_key() || ke.ctrl_key() || ke.meta_key() {
            return None;
        }
        let mut i = self.inner.borrow_mut();
        let count = i.programme.as_ref().map_or(0, |p| p.task_forces.len());
        if count == 0 {
            return None;
        }
        let next = match ke.key().as_str() {
            "ArrowRight" => (current + 1) % count,
            "ArrowLeft" => (current + count - 1) % count,
            "Home" => 0,
            "End" => count - 1,
            _ => return None,
        };
        e.prevent_default();
        let event = i.select(next);
        if let Ok(Some(tab)) = i.root.query_selector(&format!("[data-act=tab][data-arg=\"{next}\"]")) {
            let _ = tab.unchecked_ref::<HtmlElement>().focus();
        }
        event
    }

    fn on_input(&self, e: &Event) {
        // Wait for an input method (pinyin, zhuyin…) to commit its text.
        if e.dyn_ref::<InputEvent>().is_some_and(InputEvent::is_composing) {
            return;
        }
        let Some((el, act, _)) = action(e) else {
            return;
        };
        let value = match act.as_str() {
            "query" => el.unchecked_ref::<HtmlInputElement>().value(),
            "status" | "scope" => el.unchecked_ref::<HtmlSelectElement>().value(),
            _ => return,
        };
        self.inner.borrow_mut().set_filter(|f| match act.as_str() {
            "query" => f.query = value,
            "status" => f.status = Status::ALL.into_iter().find(|s| s.key() == value),
            _ => f.all = value == "all",
        });
    }

    fn on_popstate(&self, e: &Event) {
        let mut i = self.inner.borrow_mut();
        let saved = e
            .dyn_ref::<PopStateEvent>()
            .map(PopStateEvent::state)
            .filter(|s| s.is_object())
            .and_then(|s| js_sys::Reflect::get(&s, &i.state.id_prefix.as_str().into()).ok())
            .and_then(|v| v.as_string());
        let frag = saved.or_else(current_hash);
        i.apply_fragment(frag.as_deref().filter(|f| !f.is_empty()));
        i.render();
    }
}

impl Inner {
    fn apply(&mut self, result: Result<(Programme, String), LoadError>, source: &str) -> Option<CustomEvent> {
        let source = source.to_string();
        let (p, text) = match result {
            Ok(ok) => ok,
            Err(err) => {
                let message = err.describe(Lang::En);
                log_failure(&source, &err);
                let detail = object(&[("source", source.as_str().into()), ("message", message.into())]);
                self.failure = Some((err, source));
                self.render();
                return custom_event("tft-error", &detail);
            }
        };
        let first = self.programme.is_none();
        let version = content_hash(&text);
        if !first && self.failure.is_none() && self.state.version.as_deref() == Some(version.as_str()) {
            return None; // a refresh brought the same data: nothing to do
        }
        // Keep the reader's task force across reloads when it still exists.
        let previous = self.programme.as_ref().and_then(|old| old.task_forces.get(self.state.selected));
        let kept = previous.and_then(|tf| p.position(tf.id.as_str()));
        let measures: usize = p.task_forces.iter().map(|t| t.measures.len()).sum();
        let detail = object(&[
            ("source", source.as_str().into()),
            ("asOf", p.as_of.to_string().into()),
            ("taskForces", (p.task_forces.len() as u32).into()),
            ("measures", (measures as u32).into()),
            ("version", version.as_str().into()),
        ]);
        if !first && self.state.version.as_deref() != Some(version.as_str()) {
            let s = strings(self.state.lang);
            self.state.announcement = format!("{} {}", s.data_updated, format_date(p.as_of, self.state.lang));
        }
        self.state.version = Some(version);
        self.programme = Some(Rc::new(p));
        self.text = text;
        self.failure = None;
        let mut scroll_to = None;
        match kept {
            Some(k) => self.state.selected = k,
            None => {
                self.state.selected = 0;
                self.select_attribute();
                if first {
                    let hash = current_hash();
                    scroll_to = self.apply_fragment(hash.as_deref());
                    let ours = hash.as_deref().filter(|h| parse_fragment(&self.state.id_prefix, h).is_some());
                    self.write_history(ours.map_or("", |h| h.trim_start_matches('#')), false);
                }
            }
        }
        self.render();
        if let Some(id) = scroll_to {
            if let Ok(Some(el)) = self.root.query_selector(&format!("#{id}")) {
                el.scroll_into_view();
            }
        }
        custom_event("tft-load", &detail)
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
                warn(&format!("selected=\"{id}\" names no task force; expected one of: {}", ids.join(", ")));
                false
            }
        }
    }

    /// Opens the state a fragment of ours names; returns the element id of
    /// the measure to scroll to. `None` restores the initial state.
    fn apply_fragment(&mut self, frag: Option<&str>) -> Option<String> {
        let p = self.programme.clone()?;
        self.state.open.clear();
        let Some((tf_id, m_id)) = frag.and_then(|f| parse_fragment(&self.state.id_prefix, f)) else {
            self.state.selected = 0;
            self.select_attribute();
            return None;
        };
        let index = p.position(tf_id)?;
        self.state.selected = index;
        self.state.filter.all = false;
        let m = m_id.and_then(|m| p.task_forces[index].measures.iter().find(|x| x.id.as_str() == m))?;
        self.state.open.push(measure_key(tf_id, m.id.as_str()));
        let position = p.task_forces[index].measures.iter().position(|x| x.id == m.id).unwrap_or(0);
        self.state.limit = self.state.limit.max(position + 1);
        Some(format!("{}-m-{tf_id}-{}", self.state.id_prefix, m.id.as_str()))
    }

    /// Selects task force `index` in response to the reader.
    fn select(&mut self, index: usize) -> Option<CustomEvent> {
        let p = self.programme.clone()?;
        let tf = p.task_forces.get(index)?;
        let leaving_results = self.state.filter.all && self.state.filter.active();
        if index == self.state.selected && !leaving_results {
            return None;
        }
        self.state.selected = index;
        self.state.filter.all = false;
        self.state.limit = crate::state::PAGE;
        self.push_history(&fragment(&self.state.id_prefix, tf.id.as_str(), None));
        self.render();
        let detail = object(&[
            ("id", tf.id.as_str().into()),
            ("index", (index as u32).into()),
            ("name", tf.name.get(self.state.lang).into()),
        ]);
        custom_event("tft-select", &detail)
    }

    fn toggle(&mut self, key: &str) {
        let Some((tf, m)) = key.split_once('/') else {
            return;
        };
        let was = self.state.open.len();
        self.state.open.retain(|k| k != key);
        let opened = self.state.open.len() == was;
        if opened {
            self.state.open.push(key.to_string());
        }
        let frag = fragment(&self.state.id_prefix, tf, opened.then_some(m));
        self.push_history(&frag);
        self.render();
    }

    /// The absolute URL of a task force (`tf`) or measure (`tf/m`) key.
    fn link(&self, key: &str) -> String {
        let (tf, m) = match key.split_once('/') {
            Some((tf, m)) => (tf, Some(m)),
            None => (key, None),
        };
        let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
        let base = href.split('#').next().unwrap_or_default();
        format!("{base}#{}", fragment(&self.state.id_prefix, tf, m))
    }

    /// Records the reader's state in a new history entry without scrolling.
    fn push_history(&self, frag: &str) {
        self.write_history(frag, true);
    }

    /// Each widget keeps its own key in `history.state` (its fragment, or ""
    /// for its initial state), merged with the other widgets' keys, so Back
    /// and Forward restore every widget on the page, not just the last one
    /// touched. `push` adds an entry and sets the URL fragment; otherwise the
    /// current entry is amended and the URL left alone.
    fn write_history(&self, frag: &str, push: bool) {
        let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
            return;
        };
        let entry = js_sys::Object::new();
        if let Ok(old) = history.state() {
            if old.is_object() {
                let _ = js_sys::Object::assign(&entry, old.unchecked_ref());
            }
        }
        let _ = js_sys::Reflect::set(&entry, &self.state.id_prefix.as_str().into(), &frag.into());
        let _ = if push {
            history.push_state_with_url(&entry, "", Some(&format!("#{frag}")))
        } else {
            history.replace_state(&entry, "")
        };
    }

    fn set_filter(&mut self, update: impl FnOnce(&mut Filter)) {
        let Some(p) = self.programme.clone() else {
            return;
        };
        let before = self.state.filter.clone();
        update(&mut self.state.filter);
        if self.state.filter == before {
            return;
        }
        self.state.limit = crate::state::PAGE;
        let (shown, total) = self.state.filter.counts(&p, self.state.selected);
        let s = strings(self.state.lang);
        self.state.announcement = if !self.state.filter.active() {
            showing(self.state.lang, total, total)
        } else if shown == 0 {
            s.no_results.to_string()
        } else {
            showing(self.state.lang, shown, total)
        };
        self.render();
    }

    fn render(&mut self) {
        let lang = self.state.lang;
        let new = match (&self.programme, &self.failure) {
            (Some(p), failure) => {
                let notice = failure.as_ref().map(|(e, src)| view::stale_notice(e, src, p.as_of, lang));
                notice.into_iter().chain([view::view(p, &self.state)]).collect()
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
        self.sync_controls();
    }

    /// Form controls keep their own live value once touched; make them show
    /// the state (after "clear filters", Back, or a language change).
    fn sync_controls(&self) {
        let f = &self.state.filter;
        if let Ok(Some(q)) = self.root.query_selector("[data-act=query]") {
            let q: HtmlInputElement = q.unchecked_into();
            if q.value() != f.query {
                q.set_value(&f.query);
            }
        }
        for (act, value) in [("status", f.status.map_or("", Status::key)), ("scope", if f.all { "all" } else { "one" })]
        {
            if let Ok(Some(s)) = self.root.query_selector(&format!("[data-act={act}]")) {
                s.unchecked_ref::<HtmlSelectElement>().set_value(value);
            }
        }
    }

    fn download(&self, format: &str) {
        let Some(p) = &self.programme else { return };
        let (body, mime) = match format {
            "csv" => (to_csv(p, self.state.lang), "text/csv;charset=utf-8"),
            _ => (self.text.clone(), "application/json;charset=utf-8"),
        };
        let name = format!("{}-{}.{format}", self.state.id_prefix, self.state.version.as_deref().unwrap_or("data"));
        let result = (|| -> Result<(), JsValue> {
            let parts = js_sys::Array::of1(&body.into());
            let opts = BlobPropertyBag::new();
            opts.set_type(mime);
            let blob = Blob::new_with_str_sequence_and_options(&parts, &opts)?;
            let url = Url::create_object_url_with_blob(&blob)?;
            let a: HtmlElement = self.doc.create_element("a")?.unchecked_into();
            a.set_attribute("href", &url)?;
            a.set_attribute("download", &name)?;
            a.click();
            Url::revoke_object_url(&url)
        })();
        if let Err(e) = result {
            web_sys::console::error_2(&"[task-force-tracker] download failed:".into(), &e);
        }
    }
}

/// The element carrying `data-act`, with its action and argument.
fn action(e: &Event) -> Option<(Element, String, String)> {
    let target = e.target()?.dyn_into::<Element>().ok()?;
    let el = target.closest("[data-act]").ok()??;
    let act = el.get_attribute("data-act")?;
    let arg = el.get_attribute("data-arg").unwrap_or_default();
    Some((el, act, arg))
}

fn current_hash() -> Option<String> {
    web_sys::window()?.location().hash().ok().filter(|h| !h.is_empty())
}

fn parse_text(text: &str) -> Result<(Programme, String), LoadError> {
    match model::parse(text) {
        Ok(parsed) => {
            if !parsed.warnings.is_empty() {
                // A sample, not thousands of lines: `tft validate` lists them all.
                let lines: Vec<String> = parsed.warnings.iter().take(20).map(ToString::to_string).collect();
                let more = parsed.warnings.len() - lines.len();
                let tail = if more > 0 {
                    format!("\n… and {more} more (run `tft validate` for all)")
                } else {
                    String::new()
                };
                warn(&format!("the data has {} warning(s):\n{}{tail}", parsed.warnings.len(), lines.join("\n")));
            }
            Ok((parsed.programme, text.to_string()))
        }
        Err(model::ParseError::Syntax { problem, html }) => Err(LoadError::NotJson {
            html,
            detail: format!("line {}, column {}: {}", problem.line, problem.col, problem.message),
        }),
        Err(model::ParseError::Invalid(problems)) => Err(LoadError::Invalid(problems)),
    }
}

fn resolve_lang(host: &Element, doc: &Document) -> Lang {
    if let Some(tag) = host.get_attribute("lang") {
        match Lang::from_tag(&tag) {
            Some(lang) => return lang,
            None => warn(&format!("lang=\"{tag}\" is not supported; use zh-Hans, zh-Hant or en.")),
        }
    }
    doc.document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|t| Lang::from_tag(&t))
        .unwrap_or(Lang::ZhHans)
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

fn warn(message: &str) {
    web_sys::console::warn_2(&"[task-force-tracker]".into(), &message.into());
}

fn log_failure(source: &str, err: &LoadError) {
    let detail = match err {
        LoadError::Invalid(problems) => {
            let mut lines: Vec<String> = problems.iter().take(50).map(ToString::to_string).collect();
            if problems.len() > 50 {
                let more = problems.len() - 50;
                lines.push(format!("… and {more} more (run `tft validate` for all)"));
            }
            lines.join("\n")
        }
        other => other.describe(Lang::En),
    };
    web_sys::console::error_2(
        &format!("[task-force-tracker] could not show data from {source}:").into(),
        &detail.into(),
    );
}
