//! One widget's behaviour: data in, reader input in; the view rendered into
//! a [`Dom`] and the [`Effect`]s the page must carry out (events, console,
//! clipboard, downloads, more loading).
//!
//! The controller is generic over the DOM: the page runs it on the web-sys
//! implementation (`web::WebDom`), the native tests on
//! [`MockDom`](crate::dom::mock::MockDom), so the tests drive the very code
//! that edits the page. Nothing here calls into JS.

mod effect;

pub use effect::{Effect, ErrorDetail, HostEvent, LoadDetail, SelectDetail, Summary, TaskForceSummary, Totals};

use crate::dom::patch::Screen;
use crate::dom::Dom;
use crate::model::json;
use crate::model::text::{number, Lang};
use crate::model::{Checked, Loader, ParseError, Problem, Programme, Status, Tally};
use crate::view::export::to_csv;
use crate::view::i18n::{format_date, showing, strings};
use crate::view::state::{fragment, measure_id, measure_key, parse_fragment, State, PAGE, TIMELINE};
use crate::view::{self, LoadError, Node};
use std::rc::Rc;

/// Source name of the embedded default, in messages and events.
pub const EMBEDDED: &str = "embedded default data";
/// Source name of an inline `<script type="application/json">` child.
pub const INLINE: &str = "inline <script type=\"application/json\">";
/// Source name of the element's `data` property.
pub const PROPERTY: &str = "element.data";
/// Bytes of the file read per loading step: about 5 ms of parsing in the
/// browser once V8 has optimised the parser, 20 ms before (decoding gets
/// half as many bytes per step, see [`Loader::step`]).
pub const STEP_BYTES: usize = 1 << 19;
/// Measures in the first paint after a large load; the rest of the page
/// ([`PAGE`]) follows once it is painted, so no frame lays out 25 cards at
/// once.
pub const FIRST_PAINT: usize = 8;

/// Where a widget remembers, in the reader's own browser, what it last
/// showed, so that the next visit can mark what changed. Nothing stored
/// leaves the browser. The web layer keeps it in `localStorage` (through
/// gloo-storage); tests keep it in memory; `remember="off"` gives none.
pub trait Memory: std::fmt::Debug {
    /// What is stored under `key`, if anything can be read.
    fn recall(&self, key: &str) -> Option<Seen>;
    /// Stores `seen` under `key`; a full or blocked storage just forgets.
    fn remember(&mut self, key: &str, seen: &Seen);
}

/// Whether remembering a visit may wait ([`Controller`]'s `recall_visit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Later {
    /// Now, whatever is stored.
    Never,
    /// After the first paint, when nothing is stored (a first visit).
    IfNothingStored,
}

/// What a widget showed: the [`fingerprint`](crate::model::diff::fingerprint)
/// of each measure (a measure whose fingerprint is not in the set changed,
/// or is new). About 13 bytes a measure when stored.
pub type Seen = rustc_hash::FxHashSet<u64>;

/// Reader input, as the page forwards it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input<'a> {
    /// A click on (or inside) an element with `data-act`; `arg` is its
    /// `data-arg`.
    Click {
        /// The element's `data-act`.
        act: &'a str,
        /// Its `data-arg`, or empty.
        arg: &'a str,
    },
    /// A key pressed on such an element (no modifier held).
    Key {
        /// The element's `data-act`.
        act: &'a str,
        /// Its `data-arg`, or empty.
        arg: &'a str,
        /// `KeyboardEvent.key`.
        key: &'a str,
    },
    /// A form control's new value (`input`, `change`, or the end of an
    /// input method's composition).
    Value {
        /// The control's `data-act`.
        act: &'a str,
        /// Its value.
        value: &'a str,
    },
    /// Back or Forward: this widget's saved fragment, else the page's
    /// URL fragment (empty when none).
    PopState(&'a str),
    /// The page's URL fragment changed (a link in the article, or a
    /// script setting `location.hash`); with its `#`.
    HashChange(&'a str),
    /// The page is about to print (`true`) or has printed.
    Print(bool),
}

/// The state of one widget, rendering into a `D`.
#[derive(Debug)]
pub struct Controller<D: Dom> {
    dom: D,
    root: D::Node,
    /// What the root shows; `None` while the light-DOM fallback shows.
    screen: Option<Screen<D::Node>>,
    state: State,
    /// Shared so that handlers can hold it while they mutate the state.
    programme: Option<Rc<Programme>>,
    /// The JSON text of the programme shown, for "download data".
    text: String,
    /// The last failure and its source: an error box when there is no good
    /// data, a notice above the data otherwise.
    failure: Option<(LoadError, String)>,
    /// The element's `selected` attribute.
    selected: Option<String>,
    /// A load in progress.
    job: Option<Job>,
    /// What this widget remembers between visits (`None`: nothing).
    memory: Option<Box<dyn Memory>>,
    /// A comparison with the last visit left for a step of its own (the
    /// source the data came from): a large load's, or remembering a first
    /// visit, which has nothing to mark, after the first paint.
    visit_pending: Option<String>,
    /// The copy button whose link is being copied (its `data-arg`).
    copying: Option<String>,
    /// The `preview` attribute: editors see each failure's detail in place.
    preview: bool,
    /// The element has children of its own (a pasted snapshot), shown when
    /// no data can be.
    fallback: bool,
}

#[derive(Debug)]
struct Job {
    loader: Loader,
    source: String,
    /// The page's URL fragment when the load started.
    hash: String,
    /// Larger than one step: parse, decode and show in separate tasks.
    large: bool,
    /// The finished read, waiting for its own step to be shown.
    done: Option<Checked>,
}

/// Effects collected during one step.
type Out = Vec<Effect>;

impl<D: Dom> Controller<D> {
    /// A widget rendering into `root` of `dom`, whose fragments and history
    /// key use `prefix` (the element's id, or `tft`), with the element's
    /// `selected` attribute.
    pub fn new(dom: D, root: D::Node, prefix: &str, selected: Option<String>) -> Controller<D> {
        let prefix = if prefix.is_empty() { "tft" } else { prefix };
        Controller {
            dom,
            root,
            screen: None,
            state: State { id_prefix: prefix.to_string(), ..State::default() },
            programme: None,
            text: String::new(),
            failure: None,
            selected,
            job: None,
            memory: None,
            visit_pending: None,
            copying: None,
            preview: false,
            fallback: false,
        }
    }

    /// Whether failures show their detail in place (`preview`, for editors)
    /// or a short notice (readers).
    pub fn set_preview(&mut self, on: bool) -> Vec<Effect> {
        let mut out = Out::new();
        if self.preview != on {
            self.preview = on;
            self.render(&mut out);
        }
        out
    }

    /// Whether the element has a fallback of its own to show when no data can be.
    pub fn set_fallback(&mut self, has: bool) {
        self.fallback = has;
    }

    /// Where to remember what was shown between visits (`None` stores
    /// nothing and marks nothing).
    pub fn set_memory(&mut self, memory: Option<Box<dyn Memory>>) {
        self.memory = memory;
    }

    /// The document rendered into.
    pub fn dom(&self) -> &D {
        &self.dom
    }

    /// The document rendered into, to change it as an outside script would
    /// (for tests).
    pub fn dom_mut(&mut self) -> &mut D {
        &mut self.dom
    }

    /// The reader's state (for tests).
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The view trees the root shows; `None` while the fallback shows.
    pub fn rendered(&self) -> Option<&[Node]> {
        self.screen.as_ref().map(|s| s.view.as_slice())
    }

    /// The live figures of the data shown, in the widget's language.
    pub fn summary(&self) -> Option<Summary> {
        let p = self.programme.as_ref()?;
        let lang = self.state.lang;
        let totals = |t: &Tally| Totals {
            completed: t.count(Status::Completed),
            on_track: t.count(Status::OnTrack),
            behind: t.count(Status::Behind),
            blocked: t.count(Status::Blocked),
            not_started: t.count(Status::NotStarted),
            dropped: t.count(Status::Dropped),
        };
        let all = p.tally();
        Some(Summary {
            title: p.title.get(lang).to_string(),
            as_of: p.as_of.to_string(),
            version: self.state.version.clone().unwrap_or_default(),
            sample: p.has_sample(),
            measures: all.total(),
            by_status: totals(&all),
            overdue: all.overdue,
            task_forces: p
                .task_forces
                .iter()
                .map(|tf| {
                    let t = tf.tally(p.as_of);
                    TaskForceSummary {
                        id: tf.id.as_str().to_string(),
                        name: tf.name.get(lang).to_string(),
                        measures: t.total(),
                        by_status: totals(&t),
                        overdue: t.overdue,
                    }
                })
                .collect(),
        })
    }

    /// Sets the language from the element's `lang` attribute, else the page's.
    pub fn set_lang(&mut self, attr: Option<&str>, page: Option<&str>) -> Vec<Effect> {
        let mut out = Out::new();
        let lang = attr.and_then(|tag| {
            let lang = Lang::from_tag(tag);
            if lang.is_none() {
                out.push(Effect::Warn(format!("lang=\"{tag}\" is not supported; use zh-Hans, zh-Hant or en.")));
            }
            lang
        });
        let lang = lang.or_else(|| page.and_then(Lang::from_tag)).unwrap_or(Lang::ZhHans);
        if lang != self.state.lang {
            self.state.announcement.clear();
        }
        self.state.lang = lang;
        self.render(&mut out);
        out
    }

    /// Applies a new `selected` attribute.
    pub fn set_selected(&mut self, value: Option<String>) -> Vec<Effect> {
        let mut out = Out::new();
        self.selected = value;
        if self.select_attribute(&mut out) {
            self.render(&mut out);
        }
        out
    }

    /// Checks a new `theme` attribute (the stylesheet applies it).
    pub fn set_theme(&self, value: Option<&str>) -> Vec<Effect> {
        match value.filter(|v| !matches!(*v, "light" | "dark" | "auto")) {
            Some(v) => {
                vec![Effect::Warn(format!("theme=\"{v}\" is not supported; use light, dark or auto. Showing light."))]
            }
            None => Vec::new(),
        }
    }

    /// Starts showing JSON `text` from `source`; `hash` is the page's URL
    /// fragment. A file larger than [`STEP_BYTES`] is read over several
    /// [`Controller::step`]s, starting with the next one: this call has
    /// already paid for copying it in.
    pub fn load(&mut self, text: String, source: &str, hash: &str) -> Vec<Effect> {
        #[cfg(feature = "panic-probe")]
        if text.contains("__panic_probe__") {
            panic!("panic probe in data");
        }
        let large = text.len() > STEP_BYTES;
        self.start(Loader::new(text), large, source, hash)
    }

    /// Like [`Controller::load`], for the bytes of a fetched file.
    pub fn load_bytes(&mut self, bytes: Vec<u8>, source: &str, hash: &str) -> Vec<Effect> {
        match String::from_utf8(bytes) {
            Ok(text) => self.load(text, source, hash),
            Err(_) => self.fail(LoadError::NotUtf8, source),
        }
    }

    /// Starts showing a value read from a JS object (`element.data`):
    /// decoded by the same tables as a file, so its problems have the same
    /// paths and words (without line and column).
    pub fn load_value(&mut self, value: json::Value, source: &str, hash: &str) -> Vec<Effect> {
        let text = json::write(&value, false);
        #[cfg(feature = "panic-probe")]
        if text.contains("__panic_probe__") {
            panic!("panic probe in data");
        }
        let large = text.len() > STEP_BYTES;
        self.start(Loader::from_value(value, text), large, source, hash)
    }

    fn start(&mut self, loader: Loader, large: bool, source: &str, hash: &str) -> Vec<Effect> {
        self.job = Some(Job { loader, source: source.to_string(), hash: hash.to_string(), large, done: None });
        if large {
            return vec![Effect::Continue];
        }
        self.step()
    }

    /// Continues the load in progress.
    pub fn step(&mut self) -> Vec<Effect> {
        let mut out = Out::new();
        let Some(job) = &mut self.job else {
            // After the first paint of a large load (only it sets this limit):
            // the rest of the page.
            if self.state.limit == FIRST_PAINT {
                self.state.limit = PAGE;
                self.render(&mut out);
                if self.visit_pending.is_some() {
                    out.push(Effect::Continue);
                }
            } else if let (Some(source), Some(p)) = (self.visit_pending.take(), self.programme.clone()) {
                self.recall_visit(&p, &source, Later::Never);
                if !self.state.updated.is_empty() {
                    self.render(&mut out);
                }
            }
            return out;
        };
        if job.done.is_none() {
            job.done = job.loader.step(STEP_BYTES);
            if job.done.is_none() || job.large {
                out.push(Effect::Continue);
                return out;
            }
        }
        let Some(Job { mut loader, source, hash, large, done: Some(checked) }) = self.job.take() else {
            return out;
        };
        // Hashing the rest of a file that failed would be wasted work.
        let version = if checked.0.is_ok() { loader.version() } else { String::new() };
        let result = outcome(checked, loader.into_text(), &mut out);
        if large && result.is_ok() && self.programme.is_none() && self.state.limit == PAGE {
            // What a reader sees first, first. Only on the first load: a
            // refresh must not take away cards someone may be reading, and
            // a deep link raises the limit and is shown whole.
            self.state.limit = FIRST_PAINT;
        }
        self.apply(result, version, &source, &hash, large, &mut out);
        if self.state.limit == FIRST_PAINT || (self.visit_pending.is_some() && !large) {
            out.push(Effect::AfterPaint);
        } else if self.visit_pending.is_some() {
            out.push(Effect::Continue);
        }
        out
    }

    /// Reports that data from `source` could not be had (a failed fetch,
    /// a value that is not JSON…); good data shown stays, under a notice.
    pub fn fail(&mut self, err: LoadError, source: &str) -> Vec<Effect> {
        self.job = None;
        let mut out = Out::new();
        self.apply(Err(err), String::new(), source, "", false, &mut out);
        out
    }

    /// Handles reader input.
    pub fn input(&mut self, input: Input<'_>) -> Vec<Effect> {
        #[cfg(feature = "panic-probe")]
        if matches!(input, Input::Click { .. }) && self.state.id_prefix.starts_with("panic-probe-click") {
            panic!("panic probe in a click handler");
        }
        let mut out = Out::new();
        match input {
            Input::Click { act, arg } => self.on_click(act, arg, &mut out),
            Input::Key { act, arg, key } => self.on_key(act, arg, key, &mut out),
            Input::Value { act, value } => self.on_input(act, value, &mut out),
            Input::PopState(frag) => {
                self.apply_fragment(Some(frag).filter(|f| !f.is_empty()), &mut out);
                self.render(&mut out);
            }
            Input::HashChange(hash) => {
                // Only fragments of ours: another widget's, or the article's
                // own anchors, are none of this widget's business.
                if parse_fragment(&self.state.id_prefix, hash).is_some() {
                    let target = self.apply_fragment(Some(hash), &mut out);
                    self.render(&mut out);
                    self.scroll_to(target);
                }
            }
            Input::Print(before) => {
                self.state.print = before;
                self.render(&mut out);
            }
        }
        out
    }

    /// Renders everything anew (the document was changed from outside, or
    /// an update could not be applied): the root is emptied and rebuilt.
    pub fn redraw(&mut self) -> Vec<Effect> {
        let mut out = Out::new();
        let focus = self.focus_identity();
        if self.screen.take().is_some() {
            self.render(&mut out);
            self.restore_focus(focus);
        }
        out
    }

    /// What the focused element is (tag, action, argument, id), so that
    /// the same control can have focus again after a rebuild.
    fn focus_identity(&self) -> Option<[Option<String>; 4]> {
        let screen = self.screen.as_ref()?;
        let node = self.dom.focused(&self.root)?;
        let e = screen.element_of(&node)?;
        let attr = |name| e.get_attr(name).map(String::from);
        Some([Some(e.tag.to_string()), attr("data-act"), attr("data-arg"), attr("id")])
    }

    fn restore_focus(&mut self, identity: Option<[Option<String>; 4]>) {
        let Some([tag, act, arg, id]) = identity else { return };
        let same = |e: &view::Element| {
            Some(e.tag) == tag.as_deref()
                && e.get_attr("data-act") == act.as_deref()
                && e.get_attr("data-arg") == arg.as_deref()
                && e.get_attr("id") == id.as_deref()
        };
        if let Some(el) = self.find(&same) {
            self.dom.focus(&el);
        }
    }

    /// Announces the outcome of a copy-link request for `url`.
    pub fn copied(&mut self, ok: bool, url: &str) -> Vec<Effect> {
        let s = strings(self.state.lang);
        self.state.announcement = if ok { s.link_copied.to_string() } else { format!("{}{url}", s.copy_failed) };
        // Not copied: the link goes in a field beside the button, focused
        // and selected, for the reader to copy by hand.
        self.state.copy_field = match (ok, self.copying.take()) {
            (false, Some(key)) => Some((key, url.to_string())),
            _ => None,
        };
        let mut out = Out::new();
        self.render(&mut out);
        if self.state.copy_field.is_some() {
            if let Some(field) = self.find(&|e| e.get_attr("data-act") == Some("copy-field")) {
                self.dom.focus(&field);
                self.dom.select_text(&field);
            }
        }
        out
    }

    /// The body of a download offered by [`Effect::Download`].
    pub fn export_body(&self, format: &str) -> String {
        match (&self.programme, format) {
            (Some(p), "csv") => to_csv(p, self.state.lang),
            _ => self.text.clone(),
        }
    }

    fn on_click(&mut self, act: &str, arg: &str, out: &mut Out) {
        match act {
            "tab" => {
                if let Some(i) = number(arg) {
                    self.select(i, out);
                }
            }
            "toggle" => self.toggle(arg, out),
            "copy" => {
                let frag = match arg.split_once('/') {
                    Some((tf, m)) => fragment(&self.state.id_prefix, tf, Some(m)),
                    None => fragment(&self.state.id_prefix, arg, None),
                };
                self.copying = Some(arg.to_string());
                out.push(Effect::Copy(frag));
            }
            "download" if self.programme.is_some() => {
                let (format, mime) = match arg {
                    "csv" => ("csv", "text/csv;charset=utf-8"),
                    _ => ("json", "application/json;charset=utf-8"),
                };
                let version = self.state.version.as_deref().unwrap_or("data");
                let name = format!("{}-{version}.{format}", self.state.id_prefix);
                out.push(Effect::Download { format, name, mime });
            }
            "lang" => {
                if let Some(lang) = Lang::from_tag(arg) {
                    // The live region speaks the interface's language: no
                    // Chinese sentence left under lang="en".
                    self.state.announcement.clear();
                    self.state.lang = lang;
                    self.render(out);
                }
            }
            "more" => {
                // With the last page the button goes: focus moves to the
                // first measure it revealed, never to the page's body
                // (while more remain, it stays on the button).
                let first_new = self.state.limit;
                self.state.limit += PAGE;
                self.render(out);
                if self.find(&|e| e.get_attr("data-act") == Some("more")).is_some() {
                    return;
                }
                let seen = std::cell::Cell::new(0);
                let toggle = self.find(&|e| {
                    let hit = e.get_attr("data-act") == Some("toggle");
                    hit && seen.replace(seen.get() + 1) == first_new
                });
                if let Some(toggle) = toggle {
                    self.dom.focus(&toggle);
                }
            }
            "layout" => {
                let timeline = arg == "timeline";
                if timeline != self.state.timeline {
                    self.state.timeline = timeline;
                    if let Some(tf) = self.programme.as_ref().and_then(|p| p.task_forces.get(self.state.selected)) {
                        let frag = self.task_force_fragment(tf.id.as_str());
                        self.dom.history(true, &frag);
                    }
                    self.render(out);
                }
            }
            "clear" => {
                self.set_filter(out, |st| {
                    st.filter.status = None;
                    st.filter.query.clear();
                    st.filter.updated = false;
                    st.filter.overdue = false;
                });
                // The button is gone: the reader carries on from the search box.
                self.focus_control("query");
            }
            "scope-all" => {
                self.set_filter(out, |st| st.filter.all = true);
                self.focus_control("scope");
            }
            "updated" => self.set_filter(out, |st| {
                st.filter.updated = !st.filter.updated;
                st.filter.all = st.filter.updated || st.filter.all;
            }),
            _ => {}
        }
    }

    /// Tabs pattern keys: Left/Right move and wrap, Home/End jump; selection
    /// follows focus (automatic activation).
    fn on_key(&mut self, act: &str, arg: &str, key: &str, out: &mut Out) {
        let count = self.programme.as_ref().map_or(0, |p| p.task_forces.len());
        let Some(current) = number::<usize>(arg) else { return };
        if act != "tab" || count == 0 {
            return;
        }
        let next = match key {
            "ArrowRight" => (current + 1) % count,
            "ArrowLeft" => (current + count - 1) % count,
            "Home" => 0,
            "End" => count - 1,
            _ => return,
        };
        out.push(Effect::PreventDefault);
        self.select(next, out);
        let index = next.to_string();
        let tab = self.find(&|e| e.get_attr("data-act") == Some("tab") && e.get_attr("data-arg") == Some(&index));
        if let Some(tab) = tab {
            self.dom.focus(&tab);
        }
    }

    fn on_input(&mut self, act: &str, value: &str, out: &mut Out) {
        match act {
            "query" => self.set_filter(out, |st| st.filter.query = value.to_string()),
            "status" => self.set_filter(out, |st| {
                st.filter.status = Status::ALL.into_iter().find(|s| s.key() == value);
                st.filter.overdue = value == "overdue";
            }),
            "scope" => self.set_filter(out, |st| st.filter.all = value == "all"),
            _ => {}
        }
    }

    /// Moves focus to the filter control `act` (query, status, scope).
    fn focus_control(&mut self, act: &str) {
        if let Some(control) = self.find(&|e| e.get_attr("data-act") == Some(act) && e.tag != "button") {
            self.dom.focus(&control);
        }
    }

    /// The handle of the first rendered element `pred` accepts.
    fn find(&self, pred: &dyn Fn(&view::Element) -> bool) -> Option<D::Node> {
        self.screen.as_ref()?.find(pred).cloned()
    }

    #[allow(clippy::too_many_arguments)]
    fn apply(
        &mut self,
        result: Result<(Programme, String), LoadError>,
        version: String,
        source: &str,
        hash: &str,
        large: bool,
        out: &mut Out,
    ) {
        let (p, text) = match result {
            Ok(ok) => ok,
            Err(err) => {
                log_failure(out, source, &err);
                let detail = ErrorDetail { source: source.to_string(), message: err.describe(Lang::En) };
                self.failure = Some((err, source.to_string()));
                self.render(out);
                out.push(Effect::Event(HostEvent::Error(detail)));
                return;
            }
        };
        let first = self.programme.is_none();
        if !first && self.failure.is_none() && self.state.version.as_deref() == Some(version.as_str()) {
            return; // a refresh brought the same data: nothing to do
        }
        // Keep the reader's task force across reloads when it still exists.
        let previous = self.programme.as_ref().and_then(|old| old.task_forces.get(self.state.selected));
        let kept = previous.and_then(|tf| p.position(tf.id.as_str()));
        let detail = LoadDetail {
            source: source.to_string(),
            as_of: p.as_of.to_string(),
            task_forces: p.task_forces.len(),
            measures: p.task_forces.iter().map(|t| t.measures.len()).sum(),
            version: version.clone(),
        };
        if !first && self.state.version.as_deref() != Some(version.as_str()) {
            let s = strings(self.state.lang);
            self.state.announcement = format!("{} {}", s.data_updated, format_date(p.as_of, self.state.lang));
        }
        self.state.version = Some(version);
        if large && self.memory.is_some() {
            // Thousands of fingerprints: in a task of their own.
            self.visit_pending = Some(source.to_string());
        } else if !self.recall_visit(&p, source, Later::IfNothingStored) {
            // A first visit marks nothing: what it shows is remembered after
            // it is painted, not on the way to the reader's first sight.
            self.visit_pending = Some(source.to_string());
        }
        self.programme = Some(Rc::new(p));
        self.text = text;
        self.failure = None;
        let mut scroll_to = None;
        match kept {
            Some(k) => self.state.selected = k,
            None => {
                self.state.selected = 0;
                self.select_attribute(out);
                if first {
                    scroll_to = self.apply_fragment(Some(hash).filter(|h| !h.is_empty()), out);
                    // A deep link is recorded as this widget's history entry.
                    // An address with nothing of ours needs no record: going
                    // back to it finds no entry and reads the address, which
                    // selects the same (and history calls are not cheap).
                    if parse_fragment(&self.state.id_prefix, hash).is_some() {
                        self.dom.history(false, hash.strip_prefix('#').unwrap_or(hash));
                    }
                }
            }
        }
        self.render(out);
        self.scroll_to(scroll_to);
        out.push(Effect::Event(HostEvent::Load(detail)));
    }

    /// Marks the measures that changed since the reader's last visit (what
    /// this widget last showed from the same source and programme), then
    /// remembers what it shows now. A first visit marks nothing.
    ///
    /// With [`Later::IfNothingStored`], a first visit (nothing stored) does
    /// nothing and returns false: remembering is left for later.
    fn recall_visit(&mut self, p: &Programme, source: &str, later: Later) -> bool {
        let Some(memory) = &mut self.memory else { return true };
        let key = format!("task-force-tracker:seen:{source}:{}", p.title.get(Lang::ZhHans));
        let before = memory.recall(&key);
        if before.is_none() && later == Later::IfNothingStored {
            return false;
        }
        let mut now = Seen::default();
        now.reserve(before.as_ref().map_or(0, |b| b.len()));
        for tf in &p.task_forces {
            for m in &tf.measures {
                let print = crate::model::diff::fingerprint(tf.id.as_str(), m);
                if before.as_ref().is_some_and(|before| !before.contains(&print)) {
                    self.state.updated.insert(measure_key(tf.id.as_str(), m.id.as_str()));
                }
                now.insert(print);
            }
        }
        memory.remember(&key, &now);
        true
    }

    /// Brings the rendered element with this id (a measure's card) into view.
    fn scroll_to(&mut self, id: Option<String>) {
        let Some(id) = id else { return };
        if let Some(el) = self.find(&|e| e.get_attr("id") == Some(&id)) {
            self.dom.scroll_into_view(&el);
        }
    }

    /// Selects the task force named by the `selected` attribute, if any;
    /// returns whether it matched.
    fn select_attribute(&mut self, out: &mut Out) -> bool {
        let (Some(p), Some(id)) = (&self.programme, &self.selected) else {
            return false;
        };
        match p.position(id.trim()) {
            Some(i) => {
                self.state.selected = i;
                true
            }
            None => {
                let ids: Vec<&str> = p.task_forces.iter().map(|t| t.id.as_str()).collect();
                out.push(Effect::Warn(format!(
                    "selected=\"{id}\" names no task force; expected one of: {}",
                    ids.join(", ")
                )));
                false
            }
        }
    }

    /// Opens the state a fragment of ours names; returns the element id of
    /// the measure to scroll to. `None` restores the initial state.
    fn apply_fragment(&mut self, frag: Option<&str>, out: &mut Out) -> Option<String> {
        let p = self.programme.clone()?;
        self.state.open.clear();
        let Some((tf_id, m_id)) = frag.and_then(|f| parse_fragment(&self.state.id_prefix, f)) else {
            self.state.timeline = false;
            self.state.selected = 0;
            self.select_attribute(out);
            return None;
        };
        let index = p.position(tf_id)?;
        self.state.selected = index;
        self.state.filter.all = false;
        self.state.timeline = m_id == Some(TIMELINE);
        let measures = &p.task_forces[index].measures;
        let position = measures.iter().position(|x| Some(x.id.as_str()) == m_id)?;
        let m = &measures[position];
        self.state.open.push(measure_key(tf_id, m.id.as_str()));
        self.state.limit = self.state.limit.max(position + 1);
        Some(measure_id(&self.state.id_prefix, tf_id, m.id.as_str()))
    }

    /// The fragment of task force `tf` in the layout shown.
    fn task_force_fragment(&self, tf: &str) -> String {
        fragment(&self.state.id_prefix, tf, self.state.timeline.then_some(TIMELINE))
    }

    /// Selects task force `index` in response to the reader.
    fn select(&mut self, index: usize, out: &mut Out) {
        let Some(p) = self.programme.clone() else { return };
        let Some(tf) = p.task_forces.get(index) else { return };
        let leaving_results = self.state.filter.all && self.state.filter.active();
        if index == self.state.selected && !leaving_results {
            return;
        }
        self.state.copy_field = None;
        self.state.selected = index;
        self.state.filter.all = false;
        self.state.limit = PAGE;
        // History before the patch: pushState recalculates style, nearly
        // free on the clean DOM, 2-5 ms on a freshly patched one.
        let frag = self.task_force_fragment(tf.id.as_str());
        self.dom.history(true, &frag);
        self.render(out);
        let name = tf.name.get(self.state.lang).to_string();
        out.push(Effect::Event(HostEvent::Select(SelectDetail { id: tf.id.as_str().to_string(), index, name })));
    }

    fn toggle(&mut self, key: &str, out: &mut Out) {
        let Some((tf, m)) = key.split_once('/') else { return };
        let was = self.state.open.len();
        self.state.open.retain(|k| k != key);
        let opened = self.state.open.len() == was;
        if opened {
            self.state.open.push(key.to_string());
        }
        let frag = match opened {
            true => fragment(&self.state.id_prefix, tf, Some(m)),
            false => self.task_force_fragment(tf),
        };
        self.dom.history(true, &frag);
        self.render(out);
    }

    fn set_filter(&mut self, out: &mut Out, update: impl FnOnce(&mut State)) {
        let Some(p) = self.programme.clone() else { return };
        let before = self.state.filter.clone();
        update(&mut self.state);
        if self.state.filter == before {
            return;
        }
        self.state.limit = PAGE;
        let (shown, total) = self.state.counts(&p);
        let lang = self.state.lang;
        self.state.announcement = if !self.state.filter.active() {
            showing(lang, total, total)
        } else if shown == 0 {
            strings(lang).no_results.to_string()
        } else {
            showing(lang, shown, total)
        };
        self.render(out);
    }

    fn render(&mut self, out: &mut Out) {
        let lang = self.state.lang;
        let new: Vec<Node> = match (&self.programme, &self.failure) {
            (Some(p), failure) => {
                let notice = failure.as_ref().map(|(e, src)| match self.preview {
                    true => view::stale_notice(e, src, p.as_of, lang),
                    false => view::stale_reader_notice(p.as_of, lang),
                });
                let mut nodes = Vec::from_iter(notice);
                nodes.push(view::view(p, &self.state));
                nodes
            }
            (None, Some((e, src))) if self.preview => vec![view::error_view(e, src, lang)],
            (None, Some(_)) => view::unavailable_view(self.fallback, lang),
            (None, None) => return,
        };
        let mut rebuilt_focus = None;
        let new = match &mut self.screen {
            Some(screen) => match screen.update(&mut self.dom, &self.root, new) {
                Ok(()) => None,
                Err(e) => {
                    out.push(Effect::Warn(format!("an update could not be applied ({e}); rebuilt the widget.")));
                    rebuilt_focus = self.focus_identity();
                    self.screen.take().map(|s| s.view)
                }
            },
            None => Some(new),
        };
        if let Some(new) = new {
            match Screen::build(&mut self.dom, &self.root, new) {
                Ok(screen) => self.screen = Some(screen),
                Err(e) => out.push(Effect::Error("the widget could not be drawn:".into(), e.0)),
            }
            self.restore_focus(rebuilt_focus);
        }
        // Form controls keep their own live value once touched; make them
        // show the state (after "clear filters", Back, or a language change).
        let f = &self.state.filter;
        let values = [
            ("query", f.query.clone()),
            ("status", (if f.overdue { "overdue" } else { f.status.map_or("", Status::key) }).to_string()),
            ("scope", (if f.all { "all" } else { "one" }).to_string()),
        ];
        for (act, value) in values {
            if let Some(control) = self.find(&|e| e.get_attr("data-act") == Some(act) && e.tag != "button") {
                self.dom.set_value(&control, &value);
            }
        }
    }
}

/// A finished load as the widget uses it: parse errors become a message
/// with line and column; warnings go to the console, a sample of them.
fn outcome(checked: Checked, text: String, out: &mut Out) -> Result<(Programme, String), LoadError> {
    let (result, warnings) = checked;
    if !warnings.is_empty() {
        out.push(Effect::Warn(format!("the data has {} warning(s):\n{}", warnings.len(), problem_list(&warnings, 20))));
    }
    match result {
        Ok(p) => Ok((p, text)),
        Err(ParseError::Syntax { problem, html }) => Err(LoadError::NotJson {
            html,
            detail: format!("line {}, column {}: {}", problem.line, problem.col, problem.message),
        }),
        Err(ParseError::Invalid(problems)) => Err(LoadError::Invalid(problems)),
    }
}

/// The first `max` problems, a line each: a sample for the console, not
/// thousands of lines (`tft validate` lists them all).
fn problem_list(problems: &[Problem], max: usize) -> String {
    let mut lines: Vec<String> = problems.iter().take(max).map(Problem::text).collect();
    if problems.len() > max {
        lines.push(format!("… and {} more (run `tft validate` for all)", problems.len() - max));
    }
    lines.join("\n")
}

fn log_failure(out: &mut Out, source: &str, err: &LoadError) {
    let detail = match err {
        LoadError::Invalid(problems) => problem_list(problems, 50),
        other => other.describe(Lang::En),
    };
    out.push(Effect::Error(format!("could not show data from {source}:"), detail));
}
