//! The browser side of one `<task-force-tracker>` element: choosing and
//! loading the data source, turning reader input into state changes, keeping
//! the URL fragment and history in step, and rendering the pure view into the
//! element's shadow root.
//!
//! Events for the host page are dispatched only after every borrow of the
//! widget's state is released, so a host listener may call back into the
//! element (set an attribute, read `data`) without tripping a `RefCell`.

use crate::export::{content_hash, to_csv};
use crate::i18n::{showing, strings};
use crate::model::{self, Programme, Status};
use crate::state::{fragment, measure_key, parse_fragment, State};
use crate::text::Lang;
use crate::view::{self, LoadError, Node as VNode};
use crate::{default_programme_json, dom};
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    AbortSignal, Blob, BlobPropertyBag, CssStyleSheet, CustomEvent, CustomEventInit, Document,
    Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement, InputEvent, KeyboardEvent,
    PopStateEvent, RequestCache, RequestInit, Response, ShadowRoot, ShadowRootInit, ShadowRootMode,
    Url, VisibilityState,
};

/// A `src` fetch that has not answered in this time is abandoned, unless the
/// `timeout` attribute says otherwise (seconds).
const DEFAULT_TIMEOUT_SECS: u32 = 10;
/// Failed refreshes back off: the interval doubles per failure up to 32×,
/// and never exceeds an hour.
const MAX_BACKOFF_SHIFT: u32 = 5;
const MAX_REFRESH_SECS: u32 = 3_600;
const CSS: &str = include_str!("widget.css");
const EMBEDDED: &str = "embedded default data";
const INLINE: &str = "inline <script type=\"application/json\">";
const PROPERTY: &str = "element.data";

#[wasm_bindgen]
extern "C" {
    // navigator.clipboard is still behind web-sys's unstable flag.
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn write_clipboard(text: &str) -> Result<js_sys::Promise, JsValue>;
}

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
    _listeners: Vec<EventListener>,
}

struct Inner {
    host: HtmlElement,
    root: ShadowRoot,
    doc: Document,
    state: State,
    programme: Option<Rc<Programme>>,
    /// The JSON text of the programme shown, for "download data".
    text: Rc<str>,
    /// The last failure and the source it came from; shown as an error box
    /// when there is no good data, as a notice above the data otherwise.
    failure: Option<(LoadError, String)>,
    /// What the shadow root shows; `None` while the light-DOM fallback shows.
    rendered: Option<Vec<VNode>>,
    /// Bumped for every load, so a slow answer for an old source is dropped.
    generation: u32,
    /// Data came from `element.data`, which wins over `src` and inline JSON.
    from_property: bool,
    /// Seconds between re-fetches of `src` (the `refresh` attribute).
    refresh_secs: Option<u32>,
    /// Seconds a fetch may take (the `timeout` attribute).
    timeout_secs: u32,
    /// Consecutive failed fetches, for back-off.
    failures: u32,
    /// The pending re-fetch; dropping it cancels it.
    timer: Option<Timeout>,
    /// A re-fetch fell due while the page was hidden.
    due_while_hidden: bool,
}

type Shared = Rc<RefCell<Inner>>;

#[wasm_bindgen]
impl Tracker {
    /// Attaches to `host`, showing its light-DOM content through a slot until
    /// the first render. Call [`Tracker::load`] or [`Tracker::set_data`] next.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement) -> Result<Tracker, JsValue> {
        let doc = host
            .owner_document()
            .expect_throw("a connected element has a document");
        let window = web_sys::window().expect_throw("widgets run in a window");
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
        let state = State {
            lang: resolve_lang(&host, &doc),
            id_prefix: prefix,
            ..State::default()
        };
        let inner = Rc::new(RefCell::new(Inner {
            host,
            root: root.clone(),
            doc,
            state,
            programme: None,
            text: Rc::from(""),
            failure: None,
            rendered: None,
            generation: 0,
            from_property: false,
            refresh_secs: None,
            timeout_secs: DEFAULT_TIMEOUT_SECS,
            failures: 0,
            timer: None,
            due_while_hidden: false,
        }));
        {
            let mut i = inner.borrow_mut();
            i.refresh_secs = seconds_attribute(&i.host, "refresh", 1, MAX_REFRESH_SECS);
            i.timeout_secs =
                seconds_attribute(&i.host, "timeout", 1, 120).unwrap_or(DEFAULT_TIMEOUT_SECS);
        }
        let on = |target: &web_sys::EventTarget, kind: &'static str, f: fn(&Shared, &Event)| {
            let weak: Weak<RefCell<Inner>> = Rc::downgrade(&inner);
            EventListener::new(target, kind, move |e| {
                if let Some(inner) = weak.upgrade() {
                    f(&inner, e);
                }
            })
        };
        let listeners = vec![
            on(&root, "click", on_click),
            on(&root, "keydown", on_keydown),
            on(&root, "input", on_input),
            on(&root, "change", on_input),
            on(&root, "compositionend", on_input),
            on(&window, "popstate", on_popstate),
            on(&window, "beforeprint", |i, _| set_print(i, true)),
            on(&window, "afterprint", |i, _| set_print(i, false)),
            on(&inner.borrow().doc, "visibilitychange", on_visibility),
        ];
        Ok(Tracker {
            inner,
            _listeners: listeners,
        })
    }

    /// Loads from the element's own sources: `src`, else an inline
    /// `<script type="application/json">` child, else the embedded default.
    pub fn load(&self) {
        let (src, inline) = {
            let mut i = self.inner.borrow_mut();
            i.failures = 0;
            let src = i.src();
            let inline = i
                .host
                .query_selector(":scope > script[type='application/json']")
                .ok()
                .flatten();
            (src, inline.map(|s| s.text_content().unwrap_or_default()))
        };
        match (src, inline) {
            (Some(url), _) => fetch(&self.inner, url),
            (None, Some(text)) => apply(&self.inner, parse_text(text.into()), INLINE.into()),
            (None, None) => apply(
                &self.inner,
                parse_text(default_programme_json().into()),
                EMBEDDED.into(),
            ),
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
        {
            let mut i = self.inner.borrow_mut();
            i.from_property = true;
            i.timer = None; // `src` is no longer what is shown: stop polling it
        }
        // A JSON copy: later changes to the host's object do not leak in, and
        // every source goes through the same parser and content hash.
        let result = match js_sys::JSON::stringify(&value)
            .ok()
            .and_then(|s| s.as_string())
        {
            Some(text) => parse_text(text.into()),
            None => Err(LoadError::NotJson {
                html: false,
                detail: "the value cannot be written as JSON".into(),
            }),
        };
        apply(&self.inner, result, PROPERTY.into());
    }

    /// Applies a changed attribute (`src`, `lang`, `selected`, `theme`,
    /// `refresh`, `timeout`).
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
            "refresh" => {
                let secs =
                    seconds_attribute(&self.inner.borrow().host, "refresh", 1, MAX_REFRESH_SECS);
                self.inner.borrow_mut().refresh_secs = secs;
                schedule(&self.inner);
            }
            "timeout" => {
                let mut i = self.inner.borrow_mut();
                i.timeout_secs =
                    seconds_attribute(&i.host, "timeout", 1, 120).unwrap_or(DEFAULT_TIMEOUT_SECS);
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
}

/// Shows a load result (bumping the generation so older fetches are dropped).
fn apply(inner: &Shared, result: Result<(Programme, Rc<str>), LoadError>, source: String) {
    let event = {
        let mut i = inner.borrow_mut();
        i.generation += 1;
        i.apply(result, source)
    };
    emit(inner, event);
}

impl Inner {
    fn src(&self) -> Option<String> {
        self.host
            .get_attribute("src")
            .filter(|s| !s.trim().is_empty())
    }

    fn apply(
        &mut self,
        result: Result<(Programme, Rc<str>), LoadError>,
        source: String,
    ) -> Option<CustomEvent> {
        let (p, text) = match result {
            Ok(ok) => ok,
            Err(err) => {
                let message = err.describe(Lang::En);
                log_failure(&source, &err);
                let detail = object(&[
                    ("source", source.as_str().into()),
                    ("message", message.into()),
                ]);
                self.failure = Some((err, source));
                self.render();
                return custom_event("tft-error", &detail);
            }
        };
        let first = self.programme.is_none();
        let version = content_hash(&text);
        if !first
            && self.failure.is_none()
            && self.state.version.as_deref() == Some(version.as_str())
        {
            return None; // a refresh brought the same data: nothing to do
        }
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
            ("version", version.as_str().into()),
        ]);
        if !first && self.state.version.as_deref() != Some(version.as_str()) {
            let s = strings(self.state.lang);
            self.state.announcement = format!(
                "{} {}",
                s.data_updated,
                crate::i18n::format_date(p.as_of, self.state.lang)
            );
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
                    let ours = hash
                        .as_deref()
                        .filter(|h| parse_fragment(&self.state.id_prefix, h).is_some());
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
                warn(&format!(
                    "selected=\"{id}\" names no task force; expected one of: {}",
                    ids.join(", ")
                ));
                false
            }
        }
    }

    /// Opens the state a fragment of ours names; returns the element id of
    /// the measure to scroll to. `None` restores the initial state.
    fn apply_fragment(&mut self, frag: Option<&str>) -> Option<String> {
        let p = self.programme.clone()?;
        self.state.open.clear();
        let Some((tf_id, m_id)) = frag.and_then(|f| parse_fragment(&self.state.id_prefix, f))
        else {
            self.state.selected = 0;
            self.select_attribute();
            return None;
        };
        let index = p.position(tf_id)?;
        self.state.selected = index;
        self.state.filter.all = false;
        let m = m_id.and_then(|m| {
            p.task_forces[index]
                .measures
                .iter()
                .find(|x| x.id.as_str() == m)
        })?;
        self.state.open.insert(measure_key(tf_id, m.id.as_str()));
        Some(format!(
            "{}-m-{tf_id}-{}",
            self.state.id_prefix,
            m.id.as_str()
        ))
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
        let opened = if self.state.open.remove(key) {
            false
        } else {
            self.state.open.insert(key.to_string());
            true
        };
        let frag = fragment(&self.state.id_prefix, tf, opened.then_some(m));
        self.push_history(&frag);
        self.render();
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

    fn set_filter(&mut self, update: impl FnOnce(&mut crate::state::Filter)) {
        let Some(p) = self.programme.clone() else {
            return;
        };
        let before = self.state.filter.clone();
        update(&mut self.state.filter);
        if self.state.filter == before {
            return;
        }
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
        for (act, value) in [
            ("status", f.status.map_or("", Status::key)),
            ("scope", if f.all { "all" } else { "one" }),
        ] {
            if let Ok(Some(s)) = self.root.query_selector(&format!("[data-act={act}]")) {
                s.unchecked_ref::<HtmlSelectElement>().set_value(value);
            }
        }
    }

    fn download(&self, format: &str) {
        let Some(p) = &self.programme else { return };
        let (body, mime) = match format {
            "csv" => (to_csv(p, self.state.lang), "text/csv;charset=utf-8"),
            _ => (self.text.to_string(), "application/json;charset=utf-8"),
        };
        let name = format!(
            "{}-{}.{format}",
            self.state.id_prefix,
            self.state.version.as_deref().unwrap_or("data")
        );
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

fn set_print(inner: &Shared, print: bool) {
    let mut i = inner.borrow_mut();
    if i.state.print != print {
        i.state.print = print;
        i.render();
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

fn on_click(inner: &Shared, e: &Event) {
    let Some((_, act, arg)) = action(e) else {
        return;
    };
    let event = match act.as_str() {
        "tab" => arg.parse().ok().and_then(|i| inner.borrow_mut().select(i)),
        "toggle" => {
            inner.borrow_mut().toggle(&arg);
            None
        }
        "copy" => {
            copy_link(inner, &arg);
            None
        }
        "download" => {
            inner.borrow().download(&arg);
            None
        }
        "lang" => {
            let mut i = inner.borrow_mut();
            if let Some(lang) = Lang::from_tag(&arg) {
                i.state.lang = lang;
                i.render();
            }
            None
        }
        "clear" => {
            inner.borrow_mut().set_filter(|f| {
                f.status = None;
                f.query.clear();
            });
            None
        }
        _ => None,
    };
    emit(inner, event);
}

fn on_input(inner: &Shared, e: &Event) {
    // Wait for an input method (pinyin, zhuyin…) to commit its text.
    if e.dyn_ref::<InputEvent>()
        .is_some_and(InputEvent::is_composing)
    {
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
    inner.borrow_mut().set_filter(|f| match act.as_str() {
        "query" => f.query = value,
        "status" => f.status = Status::ALL.into_iter().find(|s| s.key() == value),
        _ => f.all = value == "all",
    });
}

/// Tabs pattern keys: Left/Right move and wrap, Home/End jump; selection
/// follows focus (automatic activation).
fn on_keydown(inner: &Shared, e: &Event) {
    let Some(ke) = e.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    let Some((_, act, arg)) = action(e) else {
        return;
    };
    let Ok(current) = arg.parse::<usize>() else {
        return;
    };
    if act != "tab" || ke.alt_key() || ke.ctrl_key() || ke.meta_key() {
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
        .query_selector(&format!("[data-act=tab][data-arg=\"{next}\"]"))
    {
        let _ = tab.unchecked_ref::<HtmlElement>().focus();
    }
    emit(inner, event);
}

fn on_popstate(inner: &Shared, e: &Event) {
    let mut i = inner.borrow_mut();
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

fn current_hash() -> Option<String> {
    web_sys::window()?
        .location()
        .hash()
        .ok()
        .filter(|h| !h.is_empty())
}

fn copy_link(inner: &Shared, key: &str) {
    let (tf, m) = match key.split_once('/') {
        Some((tf, m)) => (tf, Some(m)),
        None => (key, None),
    };
    let frag = fragment(&inner.borrow().state.id_prefix, tf, m);
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return;
    };
    let href = location.href().unwrap_or_default();
    let url = format!("{}#{frag}", href.split('#').next().unwrap_or_default());
    let weak = Rc::downgrade(inner);
    spawn_local(async move {
        let ok = match write_clipboard(&url) {
            Ok(promise) => JsFuture::from(promise).await.is_ok(),
            Err(_) => false,
        };
        let Some(inner) = weak.upgrade() else { return };
        let mut i = inner.borrow_mut();
        let s = strings(i.state.lang);
        i.state.announcement = if ok {
            s.link_copied.to_string()
        } else {
            format!("{}{url}", s.copy_failed)
        };
        i.render();
    });
}

fn fetch(inner: &Shared, url: String) {
    let (generation, timeout) = {
        let mut i = inner.borrow_mut();
        i.generation += 1;
        i.timer = None;
        (i.generation, i.timeout_secs)
    };
    let weak = Rc::downgrade(inner);
    spawn_local(async move {
        let result = fetch_programme(&url, timeout).await;
        let Some(inner) = weak.upgrade() else { return };
        let event = {
            let mut i = inner.borrow_mut();
            if i.generation != generation {
                return; // a newer source replaced this one while it loaded
            }
            i.failures = if result.is_ok() { 0 } else { i.failures + 1 };
            i.apply(result, url)
        };
        schedule(&inner);
        emit(&inner, event);
    });
}

/// Plans the next re-fetch of `src` when `refresh` is set: every `refresh`
/// seconds, doubling after each failure (see `MAX_BACKOFF_SHIFT`).
fn schedule(inner: &Shared) {
    let mut i = inner.borrow_mut();
    i.timer = None;
    let Some(secs) = i.refresh_secs else { return };
    if i.from_property || i.src().is_none() {
        return;
    }
    let delay = secs
        .saturating_mul(1 << i.failures.min(MAX_BACKOFF_SHIFT))
        .min(MAX_REFRESH_SECS);
    let weak = Rc::downgrade(inner);
    i.timer = Some(Timeout::new(delay * 1000, move || {
        // Not from inside the timer's own callback: refreshing replaces (drops) the timer.
        spawn_local(async move {
            if let Some(inner) = weak.upgrade() {
                refresh_now(&inner);
            }
        });
    }));
}

/// Re-fetches `src`, or, while the page is hidden, waits until it is seen.
fn refresh_now(inner: &Shared) {
    let url = {
        let mut i = inner.borrow_mut();
        if i.doc.visibility_state() == VisibilityState::Hidden {
            i.due_while_hidden = true;
            i.timer = None;
            return;
        }
        i.due_while_hidden = false;
        i.src()
    };
    if let Some(url) = url {
        fetch(inner, url);
    }
}

fn on_visibility(inner: &Shared, _: &Event) {
    let due = {
        let i = inner.borrow();
        i.due_while_hidden && i.doc.visibility_state() == VisibilityState::Visible
    };
    if due {
        refresh_now(inner);
    }
}

/// A whole number of seconds from an attribute, within `min..=max`; warns
/// about anything else.
fn seconds_attribute(host: &Element, name: &str, min: u32, max: u32) -> Option<u32> {
    let raw = host.get_attribute(name)?;
    match raw.trim().parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        _ => {
            warn(&format!(
                "{name}=\"{raw}\" is not a whole number of seconds from {min} to {max}; ignored."
            ));
            None
        }
    }
}

async fn fetch_programme(url: &str, timeout_secs: u32) -> Result<(Programme, Rc<str>), LoadError> {
    let init = RequestInit::new();
    init.set_signal(Some(&AbortSignal::timeout_with_u32(timeout_secs * 1000)));
    // Revalidate with the server every time: with an ETag, an unchanged file
    // costs a 304 (the browser sends If-None-Match and hands back its copy).
    init.set_cache(RequestCache::NoCache);
    let window = web_sys::window().expect_throw("widgets run in a window");
    let failed = |e: JsValue| {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|v| v.as_string());
        if matches!(name.as_deref(), Some("TimeoutError" | "AbortError")) {
            LoadError::Timeout(timeout_secs)
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
    parse_text(body.as_string().unwrap_or_default().into())
}

fn parse_text(text: Rc<str>) -> Result<(Programme, Rc<str>), LoadError> {
    let value = js_sys::JSON::parse(&text).map_err(|e| LoadError::NotJson {
        html: text.trim_start().starts_with('<'),
        detail: js_message(&e),
    })?;
    let p =
        model::parse(serde_wasm_bindgen::Deserializer::from(value)).map_err(LoadError::Invalid)?;
    Ok((p, text))
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

fn emit(inner: &Shared, event: Option<CustomEvent>) {
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
