//! Loading data: from text, bytes or a JS value, through the same
//! [`Loader`] steps as `tft`, a slice per step for a large file; the outcome
//! applied (good data kept on failure), its events and console lines.

use super::visits::Later;
use super::{Controller, Effect, ErrorDetail, HostEvent, LoadDetail, Out};
use crate::dom::Dom;
use crate::model::json;
use crate::model::text::Lang;
use crate::model::{Checked, LoadError, Loader, ParseError, Problem, Programme};
use crate::view::state::{parse_fragment, PAGE};
use crate::words::{self, format_date, ui};
use std::rc::Rc;

/// Where data comes from, named once for messages, events and the key
/// under which a reader's visit is remembered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The embedded default (the Dezhou programme).
    Embedded,
    /// An inline `<script type="application/json">` child.
    Inline,
    /// The element's `data` property.
    Property,
    /// A URL (`src`).
    Url(String),
}

impl Source {
    /// The source's name in messages and events: the URL, or what it is.
    pub fn name(&self) -> &str {
        match self {
            Source::Embedded => "embedded default data",
            Source::Inline => "inline <script type=\"application/json\">",
            Source::Property => "element.data",
            Source::Url(url) => url,
        }
    }
}

/// Bytes of the file read per loading step: about 5 ms of parsing in the
/// browser once V8 has optimised the parser, 20 ms before (decoding gets
/// half as many bytes per step, see [`Loader::step`]).
pub const STEP_BYTES: usize = 1 << 19;
/// Bytes of a file read per step in slices, per node a step may build:
/// about the same time for each on a phone.
const BYTES_PER_NODE: usize = 256;
/// Measures in the first paint after a large load; the rest of the page
/// ([`PAGE`]) follows once it is painted, so no frame lays out 25 cards at
/// once.
pub const FIRST_PAINT: usize = 8;

/// Nodes built in the first step of a first view: about 25 ms on a phone (a
/// 4×-slowed CPU) while V8 runs the code cold. The page sizes the later
/// steps, and those of building ahead, by how long each took.
pub const SLICE_NODES: usize = 120;
/// Nodes built and laid out in the first step of a staged first view
/// (see [`crate::dom::Dom::stage`]): its first slice loads the fonts.
pub const STAGED_NODES: usize = 6;

/// A load in progress.
#[derive(Debug)]
pub(super) struct Job {
    loader: Loader,
    source: Source,
    /// The page's URL fragment when the load started.
    hash: String,
    /// Larger than one step: parse, decode and show in separate tasks.
    large: bool,
    /// The finished read, waiting for its own step to be shown.
    done: Option<Checked>,
}

impl<D: Dom> Controller<D> {
    /// Starts showing JSON `text` from `source`; `hash` is the page's URL
    /// fragment. A file larger than [`STEP_BYTES`] is read over several
    /// [`Controller::step`]s, starting with the next one: this call has
    /// already paid for copying it in.
    pub fn load(&mut self, text: String, source: Source, hash: &str) -> Vec<Effect> {
        #[cfg(feature = "panic-probe")]
        if text.contains("__panic_probe__") {
            panic!("panic probe in data");
        }
        let large = text.len() > STEP_BYTES;
        self.start(Loader::new(text), large, source, hash)
    }

    /// Like [`Controller::load`], for the bytes of a fetched file.
    pub fn load_bytes(&mut self, bytes: Vec<u8>, source: Source, hash: &str) -> Vec<Effect> {
        match String::from_utf8(bytes) {
            Ok(text) => self.load(text, source, hash),
            Err(_) => self.fail(LoadError::NotUtf8, source),
        }
    }

    /// Starts showing a value read from a JS object (`element.data`):
    /// decoded by the same tables as a file, so its problems have the same
    /// paths and words (without line and column).
    pub fn load_value(&mut self, value: json::Value, source: Source, hash: &str) -> Vec<Effect> {
        let text = json::write(&value, false);
        #[cfg(feature = "panic-probe")]
        if text.contains("__panic_probe__") {
            panic!("panic probe in data");
        }
        let large = text.len() > STEP_BYTES;
        self.start(Loader::from_value(value, text), large, source, hash)
    }

    fn start(&mut self, loader: Loader, large: bool, source: Source, hash: &str) -> Vec<Effect> {
        self.job = Some(Job { loader, source, hash: hash.to_string(), large, done: None });
        if large || self.slices > 0 {
            // The caller's task has paid for getting the text; reading it
            // starts in the next.
            return vec![Effect::Continue];
        }
        self.step()
    }

    /// Continues the load in progress.
    pub fn step(&mut self) -> Vec<Effect> {
        if self.job.is_none() {
            if let Some(out) = self.first_paint() {
                return out;
            }
        }
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
            // In slices, about as many bytes per step as nodes are built.
            let bytes = if self.slices > 0 { self.slices * BYTES_PER_NODE } else { STEP_BYTES };
            job.done = job.loader.step(bytes);
            if job.done.is_none() || job.large || self.slices > 0 {
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
        self.apply(result, version, source, &hash, large, &mut out);
        if self.state.limit == FIRST_PAINT || (self.visit_pending.is_some() && !large) {
            self.once_shown(Effect::AfterPaint, &mut out);
        } else if self.visit_pending.is_some() {
            self.once_shown(Effect::Continue, &mut out);
        }
        if self.first.is_some() && !out.contains(&Effect::Continue) {
            // This load replaced data whose first view was being built (the
            // page stopped that view's steps when the load began): its own
            // first view goes on in the steps of this one.
            out.push(Effect::Continue);
        }
        out
    }

    /// Reports that data from `source` could not be had (a failed fetch,
    /// a value that is not JSON…); good data shown stays, under a notice.
    pub fn fail(&mut self, err: LoadError, source: Source) -> Vec<Effect> {
        self.job = None;
        let mut out = Out::new();
        self.apply(Err(err), String::new(), source, "", false, &mut out);
        out
    }

    fn apply(
        &mut self,
        result: Result<(Programme, String), LoadError>,
        version: String,
        source: Source,
        hash: &str,
        large: bool,
        out: &mut Out,
    ) {
        let (p, text) = match result {
            Ok(ok) => ok,
            Err(err) => {
                log_failure(out, &source, &err);
                let detail =
                    ErrorDetail { source: source.name().to_string(), message: words::load_error(Lang::En, &err) };
                self.failure = Some((err, source));
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
            source: source.name().to_string(),
            as_of: p.as_of.to_string(),
            task_forces: p.task_forces.len(),
            measures: p.task_forces.iter().map(|t| t.measures.len()).sum(),
            version: version.clone(),
        };
        if !first && self.state.version.as_deref() != Some(version.as_str()) {
            let lang = self.state.lang;
            self.state.announcement = format!("{} {}", ui(lang).data_updated, format_date(p.as_of, lang));
        }
        self.state.version = Some(version);
        if large && self.memory.is_some() {
            // Thousands of fingerprints: in a task of their own.
            self.visit_pending = Some(source);
        } else if !self.recall_visit(&p, &source, Later::IfNothingStored) {
            // A first visit marks nothing: what it shows is remembered after
            // it is painted, not on the way to the reader's first sight.
            self.visit_pending = Some(source);
        }
        self.programme = Some(Rc::new(p));
        // The panels of the data replaced, and what was built of them, go now.
        self.panels = Default::default();
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
        // New data for a reader already looking (a refresh) builds no panels
        // ahead: the reader's next action does. Refreshes of a tab left open
        // then cost no work and memory in the background.
        if !first {
            self.building_ahead = false;
        }
        self.render(out);
        self.scroll_to(scroll_to);
        self.once_shown(Effect::Event(HostEvent::Load(detail)), out);
    }
}

/// A finished load as the widget uses it; warnings go to the console, a
/// sample of them.
fn outcome(checked: Checked, text: String, out: &mut Out) -> Result<(Programme, String), LoadError> {
    let (result, warnings) = checked;
    if !warnings.is_empty() {
        out.push(Effect::Warn(format!("the data has {} warning(s):\n{}", warnings.len(), problem_list(&warnings, 20))));
    }
    match result {
        Ok(p) => Ok((p, text)),
        Err(ParseError::Syntax(problem)) => Err(LoadError::NotJson(problem)),
        Err(ParseError::Invalid(problems)) => Err(LoadError::Invalid(problems)),
    }
}

/// The first `max` problems, a line each, in English: a sample for the
/// console, not thousands of lines (`tft validate` lists them all).
fn problem_list(problems: &[Problem], max: usize) -> String {
    let mut lines: Vec<String> = problems.iter().take(max).map(|p| words::problem(Lang::En, p)).collect();
    if problems.len() > max {
        lines.push(format!("… and {} more (run `tft validate` for all)", problems.len() - max));
    }
    lines.join("\n")
}

fn log_failure(out: &mut Out, source: &Source, err: &LoadError) {
    let detail = match err {
        LoadError::Invalid(problems) => problem_list(problems, 50),
        other => words::load_error(Lang::En, other),
    };
    out.push(Effect::Error(format!("could not show data from {}:", source.name()), detail));
}
