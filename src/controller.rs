//! One widget's behaviour without a browser: data in, reader input in, an
//! operation string out (see [`crate::patch`]) that the element's JS applies
//! to the shadow root, the page's history and the host's events.
//!
//! The wasm export (`widget.rs`) is a thin shell around [`Controller`], so
//! everything here is tested natively. Nothing in this module calls into
//! JS; the JS calls in, through its guard, and applies what comes back.

use crate::export::to_csv;
use crate::i18n::{format_date, showing, strings};
use crate::json;
use crate::model::{Checked, Loader, ParseError, Problem, Programme, Status};
use crate::patch::{op, Ops};
use crate::prelude::*;
use crate::state::{fragment, measure_id, measure_key, parse_fragment, State, PAGE};
use crate::text::{number, split_at_byte, trim, Lang};
use crate::view::{self, LoadError, Node};
use alloc::rc::Rc;

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

/// The state of one widget.
#[derive(Debug)]
pub struct Controller {
    state: State,
    /// Shared so that handlers can hold it while they mutate the state.
    programme: Option<Rc<Programme>>,
    /// The JSON text of the programme shown, for "download data".
    text: String,
    /// The last failure and its source: an error box when there is no good
    /// data, a notice above the data otherwise.
    failure: Option<(LoadError, String)>,
    /// What the shadow root shows; `None` while the light-DOM fallback shows.
    rendered: Option<Vec<Node>>,
    /// The element's `selected` attribute.
    selected: Option<String>,
    /// A load in progress.
    job: Option<Job>,
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

impl Controller {
    /// A widget whose fragments and history key use `prefix` (the element's
    /// id, or `tft`), with the element's `selected` attribute.
    pub fn new(prefix: &str, selected: Option<String>) -> Controller {
        let prefix = if prefix.is_empty() { "tft" } else { prefix };
        Controller {
            state: State { id_prefix: prefix.to_string(), ..State::default() },
            programme: None,
            text: String::new(),
            failure: None,
            rendered: None,
            selected,
            job: None,
        }
    }

    /// The reader's state (for tests).
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The view trees the shadow root shows after the operations so far
    /// are applied; `None` while the fallback shows (for tests).
    pub fn rendered(&self) -> Option<&[Node]> {
        self.rendered.as_deref()
    }

    /// Sets the language from the element's `lang` attribute, else the page's.
    pub fn set_lang(&mut self, attr: Option<&str>, page: Option<&str>) -> String {
        let mut ops = Ops::default();
        let lang = attr.and_then(|tag| {
            let lang = Lang::from_tag(tag);
            if lang.is_none() {
                warn(&mut ops, &cat!("lang=\"", tag, "\" is not supported; use zh-Hans, zh-Hant or en."));
            }
            lang
        });
        self.state.lang = lang.or_else(|| page.and_then(Lang::from_tag)).unwrap_or(Lang::ZhHans);
        self.render(&mut ops);
        ops.finish()
    }

    /// Applies a new `selected` attribute.
    pub fn set_selected(&mut self, value: Option<String>) -> String {
        let mut ops = Ops::default();
        self.selected = value;
        if self.select_attribute(&mut ops) {
            self.render(&mut ops);
        }
        ops.finish()
    }

    /// Checks a new `theme` attribute (the stylesheet applies it).
    pub fn set_theme(&self, value: Option<&str>) -> String {
        let mut ops = Ops::default();
        if let Some(v) = value.filter(|v| !matches!(*v, "light" | "dark" | "auto")) {
            warn(&mut ops, &cat!("theme=\"", v, "\" is not supported; use light, dark or auto. Showing light."));
        }
        ops.finish()
    }

    /// Starts showing JSON `text` from `source`; `hash` is the page's URL
    /// fragment. A file larger than [`STEP_BYTES`] is read over several
    /// [`Controller::step`]s, starting with the next one: this call has
    /// already paid for copying it in.
    pub fn load(&mut self, text: String, source: &str, hash: &str) -> String {
        #[cfg(feature = "panic-probe")]
        if text.contains("__panic_probe__") {
            panic!("panic probe in data");
        }
        let large = text.len() > STEP_BYTES;
        let loader = Loader::new(text);
        self.job = Some(Job { loader, source: source.to_string(), hash: hash.to_string(), large, done: None });
        if large {
            let mut ops = Ops::default();
            ops.effect(op::CONTINUE, "");
            return ops.finish();
        }
        self.step()
    }

    /// Like [`Controller::load`], for the bytes of a fetched file.
    pub fn load_bytes(&mut self, bytes: Vec<u8>, source: &str, hash: &str) -> String {
        match String::from_utf8(bytes) {
            Ok(text) => self.load(text, source, hash),
            Err(_) => self.fail_with(LoadError::NotUtf8, source),
        }
    }

    /// Continues the load in progress.
    pub fn step(&mut self) -> String {
        let mut ops = Ops::default();
        let Some(job) = &mut self.job else {
            // After the first paint of a large load (only it sets this limit):
            // the rest of the page.
            if self.state.limit == FIRST_PAINT {
                self.state.limit = PAGE;
                self.render(&mut ops);
            }
            return ops.finish();
        };
        if job.done.is_none() {
            job.done = job.loader.step(STEP_BYTES);
            if job.done.is_none() || job.large {
                ops.effect(op::CONTINUE, "");
                return ops.finish();
            }
        }
        let Some(Job { mut loader, source, hash, large, done: Some(checked) }) = self.job.take() else {
            return ops.finish();
        };
        // Hashing the rest of a file that failed would be wasted work.
        let version = if checked.0.is_ok() { loader.version() } else { String::new() };
        let result = outcome(checked, loader.into_text(), &mut ops);
        if large && result.is_ok() && self.programme.is_none() && self.state.limit == PAGE {
            // What a reader sees first, first. Only on the first load: a
            // refresh must not take away cards someone may be reading, and
            // a deep link raises the limit and is shown whole.
            self.state.limit = FIRST_PAINT;
        }
        self.apply(result, version, &source, &hash, &mut ops);
        if self.state.limit == FIRST_PAINT {
            ops.effect(op::AFTER_PAINT, "");
        }
        ops.finish()
    }

    /// Reports that fetching `source` failed: `kind` is `http` (with the
    /// status code as `detail`), `timeout` (seconds), `too-large` (the limit
    /// in bytes), `not-utf8`, `not-json` (a value that cannot be written as
    /// JSON), or `network` (the browser's message).
    pub fn fail(&mut self, kind: &str, detail: &str, source: &str) -> String {
        let err = match kind {
            "http" => LoadError::Http(number(detail).unwrap_or(0)),
            "timeout" => LoadError::Timeout(number(detail).unwrap_or(0)),
            "too-large" => LoadError::TooLarge(number(detail).unwrap_or(0)),
            "not-utf8" => LoadError::NotUtf8,
            "not-json" => LoadError::NotJson { html: false, detail: detail.to_string() },
            _ => LoadError::Network(detail.to_string()),
        };
        self.fail_with(err, source)
    }

    fn fail_with(&mut self, err: LoadError, source: &str) -> String {
        self.job = None;
        let mut ops = Ops::default();
        self.apply(Err(err), String::new(), source, "", &mut ops);
        ops.finish()
    }

    /// Handles reader input the element forwards. `kind` is the DOM event
    /// type; `act` and `arg` come from the nearest `data-act` element;
    /// `value` is the control's value for `input`/`change`, the key for
    /// `keydown` (empty with a modifier held), and for `popstate` this
    /// widget's saved fragment, else the page's URL fragment.
    pub fn event(&mut self, kind: &str, act: &str, arg: &str, value: &str) -> String {
        #[cfg(feature = "panic-probe")]
        if kind == "click" && self.state.id_prefix.starts_with("panic-probe") {
            panic!("panic probe in a click handler");
        }
        let mut ops = Ops::default();
        match kind {
            "click" => self.on_click(act, arg, &mut ops),
            "keydown" => self.on_key(act, arg, value, &mut ops),
            "input" | "change" | "compositionend" => self.on_input(act, value, &mut ops),
            "popstate" => {
                self.apply_fragment(Some(value).filter(|f| !f.is_empty()), &mut ops);
                self.render(&mut ops);
            }
            "beforeprint" | "afterprint" => {
                self.state.print = kind == "beforeprint";
                self.render(&mut ops);
            }
            _ => {}
        }
        ops.finish()
    }

    /// Renders everything anew (the page's copy was changed from outside,
    /// or an update could not be applied): CLEAR, then the whole view.
    pub fn redraw(&mut self) -> String {
        let mut ops = Ops::default();
        if self.rendered.take().is_some() {
            self.render(&mut ops);
        }
        ops.finish()
    }

    /// Announces the outcome of a copy-link request for `url`.
    pub fn copied(&mut self, ok: bool, url: &str) -> String {
        let s = strings(self.state.lang);
        self.state.announcement = if ok { s.link_copied.to_string() } else { cat!(s.copy_failed, url) };
        let mut ops = Ops::default();
        self.render(&mut ops);
        ops.finish()
    }

    /// The body of a download offered by [`op::DOWNLOAD`].
    pub fn export_body(&self, format: &str) -> String {
        match (&self.programme, format) {
            (Some(p), "csv") => to_csv(p, self.state.lang),
            _ => self.text.clone(),
        }
    }

    fn on_click(&mut self, act: &str, arg: &str, ops: &mut Ops) {
        match act {
            "tab" => {
                if let Some(i) = number(arg) {
                    self.select(i, ops);
                }
            }
            "toggle" => self.toggle(arg, ops),
            "copy" => {
                let frag = match split_at_byte(arg, b'/') {
                    Some((tf, m)) => fragment(&self.state.id_prefix, tf, Some(m)),
                    None => fragment(&self.state.id_prefix, arg, None),
                };
                ops.effect(op::COPY, &frag);
            }
            "download" if self.programme.is_some() => {
                let (format, mime) = match arg {
                    "csv" => ("csv", "text/csv;charset=utf-8"),
                    _ => ("json", "application/json;charset=utf-8"),
                };
                let version = self.state.version.as_deref().unwrap_or("data");
                let name = cat!(self.state.id_prefix, "-", version, ".", format);
                ops.effect(op::DOWNLOAD, format).arg(&name).arg(mime);
            }
            "lang" => {
                if let Some(lang) = Lang::from_tag(arg) {
                    self.state.lang = lang;
                    self.render(ops);
                }
            }
            "more" => {
                self.state.limit += PAGE;
                self.render(ops);
            }
            "clear" => self.set_filter(ops, |st| {
                st.filter.status = None;
                st.filter.query.clear();
            }),
            _ => {}
        }
    }

    /// Tabs pattern keys: Left/Right move and wrap, Home/End jump; selection
    /// follows focus (automatic activation).
    fn on_key(&mut self, act: &str, arg: &str, key: &str, ops: &mut Ops) {
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
        ops.effect(op::PREVENT, "");
        self.select(next, ops);
        ops.effect(op::FOCUS, &cat!("[data-act=tab][data-arg=\"", next, "\"]"));
    }

    fn on_input(&mut self, act: &str, value: &str, ops: &mut Ops) {
        match act {
            "query" => self.set_filter(ops, |st| st.filter.query = value.to_string()),
            "status" => {
                self.set_filter(ops, |st| st.filter.status = Status::ALL.into_iter().find(|s| s.key() == value))
            }
            "scope" => self.set_filter(ops, |st| st.filter.all = value == "all"),
            _ => {}
        }
    }

    fn apply(
        &mut self,
        result: Result<(Programme, String), LoadError>,
        version: String,
        source: &str,
        hash: &str,
        ops: &mut Ops,
    ) {
        let (p, text) = match result {
            Ok(ok) => ok,
            Err(err) => {
                log_failure(ops, source, &err);
                let detail = Detail::new().str("source", source).str("message", &err.describe(Lang::En));
                self.failure = Some((err, source.to_string()));
                self.render(ops);
                event(ops, "tft-error", &detail);
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
        let measures: usize = p.task_forces.iter().map(|t| t.measures.len()).sum();
        let detail = Detail::new()
            .str("source", source)
            .str("asOf", &cat!(p.as_of))
            .int("taskForces", p.task_forces.len())
            .int("measures", measures)
            .str("version", &version);
        if !first && self.state.version.as_deref() != Some(version.as_str()) {
            let s = strings(self.state.lang);
            self.state.announcement = cat!(s.data_updated, " ", format_date(p.as_of, self.state.lang));
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
                self.select_attribute(ops);
                if first {
                    scroll_to = self.apply_fragment(Some(hash).filter(|h| !h.is_empty()), ops);
                    let ours = parse_fragment(&self.state.id_prefix, hash).is_some();
                    let frag = if ours { hash.strip_prefix('#').unwrap_or(hash) } else { "" };
                    ops.history(false, frag);
                }
            }
        }
        self.render(ops);
        if let Some(id) = scroll_to {
            ops.effect(op::SCROLL, &id);
        }
        event(ops, "tft-load", &detail);
    }

    /// Selects the task force named by the `selected` attribute, if any;
    /// returns whether it matched.
    fn select_attribute(&mut self, ops: &mut Ops) -> bool {
        let (Some(p), Some(id)) = (&self.programme, &self.selected) else {
            return false;
        };
        match p.position(trim(id)) {
            Some(i) => {
                self.state.selected = i;
                true
            }
            None => {
                let ids = p.task_forces.iter().map(|t| t.id.as_str());
                warn(
                    ops,
                    &cat!("selected=\"", id, "\" names no task force; expected one of: ", crate::text::join(ids, ", ")),
                );
                false
            }
        }
    }

    /// Opens the state a fragment of ours names; returns the element id of
    /// the measure to scroll to. `None` restores the initial state.
    fn apply_fragment(&mut self, frag: Option<&str>, ops: &mut Ops) -> Option<String> {
        let p = self.programme.clone()?;
        self.state.open.clear();
        let Some((tf_id, m_id)) = frag.and_then(|f| parse_fragment(&self.state.id_prefix, f)) else {
            self.state.selected = 0;
            self.select_attribute(ops);
            return None;
        };
        let index = p.position(tf_id)?;
        self.state.selected = index;
        self.state.filter.all = false;
        let measures = &p.task_forces[index].measures;
        let position = measures.iter().position(|x| Some(x.id.as_str()) == m_id)?;
        let m = &measures[position];
        self.state.open.push(measure_key(tf_id, m.id.as_str()));
        self.state.limit = self.state.limit.max(position + 1);
        Some(measure_id(&self.state.id_prefix, tf_id, m.id.as_str()))
    }

    /// Selects task force `index` in response to the reader.
    fn select(&mut self, index: usize, ops: &mut Ops) {
        let Some(p) = self.programme.clone() else { return };
        let Some(tf) = p.task_forces.get(index) else { return };
        let leaving_results = self.state.filter.all && self.state.filter.active();
        if index == self.state.selected && !leaving_results {
            return;
        }
        self.state.selected = index;
        self.state.filter.all = false;
        self.state.limit = PAGE;
        let frag = fragment(&self.state.id_prefix, tf.id.as_str(), None);
        ops.history(true, &frag);
        self.render(ops);
        let detail =
            Detail::new().str("id", tf.id.as_str()).int("index", index).str("name", tf.name.get(self.state.lang));
        event(ops, "tft-select", &detail);
    }

    fn toggle(&mut self, key: &str, ops: &mut Ops) {
        let Some((tf, m)) = split_at_byte(key, b'/') else { return };
        let was = self.state.open.len();
        self.state.open.retain(|k| k != key);
        let opened = self.state.open.len() == was;
        if opened {
            self.state.open.push(key.to_string());
        }
        let frag = fragment(&self.state.id_prefix, tf, opened.then_some(m));
        ops.history(true, &frag);
        self.render(ops);
    }

    fn set_filter(&mut self, ops: &mut Ops, update: impl FnOnce(&mut State)) {
        let Some(p) = self.programme.clone() else { return };
        let before = self.state.filter.clone();
        update(&mut self.state);
        if self.state.filter == before {
            return;
        }
        self.state.limit = PAGE;
        let (shown, total) = self.state.filter.counts(&p, self.state.selected);
        let lang = self.state.lang;
        self.state.announcement = if !self.state.filter.active() {
            showing(lang, total, total)
        } else if shown == 0 {
            strings(lang).no_results.to_string()
        } else {
            showing(lang, shown, total)
        };
        self.render(ops);
    }

    fn render(&mut self, ops: &mut Ops) {
        let lang = self.state.lang;
        let new: Vec<Node> = match (&self.programme, &self.failure) {
            (Some(p), failure) => {
                let notice = failure.as_ref().map(|(e, src)| view::stale_notice(e, src, p.as_of, lang));
                let mut nodes = Vec::from_iter(notice);
                nodes.push(view::view(p, &self.state));
                nodes
            }
            (None, Some((e, src))) => vec![view::error_view(e, src, lang)],
            (None, None) => return,
        };
        ops.patch(self.rendered.as_deref(), &new);
        self.rendered = Some(new);
        // Form controls keep their own live value once touched; make them
        // show the state (after "clear filters", Back, or a language change).
        let f = &self.state.filter;
        ops.effect(op::CONTROL, "query").arg(&f.query);
        ops.effect(op::CONTROL, "status").arg(f.status.map_or("", Status::key));
        ops.effect(op::CONTROL, "scope").arg(if f.all { "all" } else { "one" });
    }
}

/// A finished load as the widget uses it: parse errors become a message
/// with line and column; warnings go to the console, a sample of them.
fn outcome(checked: Checked, text: String, ops: &mut Ops) -> Result<(Programme, String), LoadError> {
    let (result, warnings) = checked;
    if !warnings.is_empty() {
        warn(ops, &cat!("the data has ", warnings.len(), " warning(s):\n", problem_list(&warnings, 20)));
    }
    match result {
        Ok(p) => Ok((p, text)),
        Err(ParseError::Syntax { problem, html }) => Err(LoadError::NotJson {
            html,
            detail: cat!("line ", problem.line, ", column ", problem.col, ": ", problem.message),
        }),
        Err(ParseError::Invalid(problems)) => Err(LoadError::Invalid(problems)),
    }
}

/// The first `max` problems, a line each: a sample for the console, not
/// thousands of lines (`tft validate` lists them all).
fn problem_list(problems: &[Problem], max: usize) -> String {
    let mut out = String::new();
    for (i, p) in problems.iter().take(max).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&p.text());
    }
    if problems.len() > max {
        out.push_str(&cat!("\n… and ", problems.len() - max, " more (run `tft validate` for all)"));
    }
    out
}

/// An event's detail: a flat JSON object of strings and counts, written
/// as it is built (the general writer and its value tree are the tool's).
struct Detail(String);

impl Detail {
    fn new() -> Detail {
        Detail(String::from("{"))
    }
    fn key(mut self, key: &str) -> Detail {
        if self.0.len() > 1 {
            self.0.push(',');
        }
        json::write_string(&mut self.0, key);
        self.0.push(':');
        self
    }
    fn str(self, key: &str, value: &str) -> Detail {
        let mut d = self.key(key);
        json::write_string(&mut d.0, value);
        d
    }
    fn int(self, key: &str, value: usize) -> Detail {
        let mut d = self.key(key);
        crate::text::Piece::put(&value, &mut d.0);
        d
    }
}

fn event(ops: &mut Ops, name: &str, detail: &Detail) {
    ops.effect(op::EVENT, name).arg(&cat!(detail.0, "}"));
}

fn warn(ops: &mut Ops, message: &str) {
    ops.effect(op::WARN, message);
}

fn log_failure(ops: &mut Ops, source: &str, err: &LoadError) {
    let detail = match err {
        LoadError::Invalid(problems) => problem_list(problems, 50),
        other => other.describe(Lang::En),
    };
    ops.effect(op::ERROR, &cat!("could not show data from ", source, ":")).arg(&detail);
}
