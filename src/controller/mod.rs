//! One widget's behaviour: data in, reader input in; the view rendered into
//! a [`Dom`] and the [`Effect`]s the page must carry out (events, console,
//! clipboard, downloads, more loading).
//!
//! The controller is generic over the DOM: the page runs it on the web-sys
//! implementation (`web::WebDom`), the native tests on
//! [`MockDom`](crate::dom::mock::MockDom), so the tests drive the very code
//! that edits the page. Nothing here calls into JS. By concern:
//! this file holds the widget's state, its settings and how it renders;
//! `load.rs` reads data in steps; `input.rs` answers the reader;
//! `visits.rs` remembers what a reader saw; `effect.rs` declares what the
//! page is asked to do.

mod effect;
mod input;
mod load;
mod visits;

pub use effect::{Effect, ErrorDetail, HostEvent, LoadDetail, SelectDetail, Summary, TaskForceSummary, Totals};
pub use input::Input;
pub use load::{Source, FIRST_PAINT, SLICE_NODES, STAGED_NODES, STEP_BYTES};
pub use visits::{Memory, Seen};

use crate::dom::patch::{Building, Screen};
use crate::dom::Dom;
use crate::model::text::Lang;
use crate::model::{LoadError, Programme, Status};
use crate::tree::{Element, Node};
use crate::view::act::Act;
use crate::view::state::{State, DEFAULT_PREFIX};
use crate::view::{self, Panels};
use std::rc::Rc;

/// The state of one widget, rendering into a `D`.
#[derive(Debug)]
pub struct Controller<D: Dom> {
    dom: D,
    root: D::Node,
    /// What the root shows; `None` while the light-DOM fallback shows.
    screen: Option<Screen<D::Node>>,
    /// The first view of data, being built (see [`Controller::set_slices`]).
    first: Option<FirstPaint<D::Node>>,
    /// Something was drawn: later renders patch it, or rebuild at once.
    drawn: bool,
    /// Nodes built per step of the first view and of panels built ahead;
    /// 0 builds all at once and nothing ahead.
    slices: usize,
    /// The task forces' panels as last rendered, and ahead.
    panels: Panels,
    /// The page was asked to call [`Controller::prepare`] when idle.
    preparing: bool,
    /// Panels are built ahead: from the first view, and again after each
    /// action of the reader's, but not after a refresh (the data of a tab
    /// left open is replaced with no work in the background).
    building_ahead: bool,
    state: State,
    /// Shared so that handlers can hold it while they mutate the state.
    programme: Option<Rc<Programme>>,
    /// The JSON text of the programme shown, for "download data".
    text: String,
    /// The last failure and its source: an error box when there is no good
    /// data, a notice above the data otherwise.
    failure: Option<(LoadError, Source)>,
    /// The element's `selected` attribute.
    selected: Option<String>,
    /// A load in progress.
    job: Option<load::Job>,
    /// What this widget remembers between visits (`None`: nothing).
    memory: Option<Box<dyn Memory>>,
    /// A comparison with the last visit left for a step of its own (the
    /// source the data came from): a large load's, or remembering a first
    /// visit, which has nothing to mark, after the first paint.
    visit_pending: Option<Source>,
    /// The copy button whose link is being copied (its `data-arg`).
    copying: Option<String>,
    /// The `preview` attribute: editors see each failure's detail in place.
    preview: bool,
    /// The element has children of its own (a pasted snapshot), shown when
    /// no data can be.
    fallback: bool,
}

/// Effects collected during one step.
type Out = Vec<Effect>;

/// The first view of data, built detached a slice per step and shown in
/// one change, with what waits for it.
#[derive(Debug)]
struct FirstPaint<N> {
    building: Building<N>,
    /// Every node is built: it shows in the next step, a task of its own
    /// (the browser's layout of the last slice comes between).
    built: bool,
    /// The page's slice size before the build, for what comes after it
    /// (reading, building panels ahead, detached).
    paced: usize,
    /// The measure to bring into view once shown (a deep link's).
    scroll_to: Option<String>,
    /// Effects for once it shows (`tft-load`, the steps after a paint).
    after: Vec<Effect>,
}

impl<D: Dom> Controller<D> {
    /// A widget rendering into `root` of `dom`, whose fragments and history
    /// key use `prefix` (the element's id, or [`DEFAULT_PREFIX`]), with the
    /// element's `selected` attribute.
    pub fn new(dom: D, root: D::Node, prefix: &str, selected: Option<String>) -> Controller<D> {
        let prefix = if prefix.is_empty() { DEFAULT_PREFIX } else { prefix };
        Controller {
            dom,
            root,
            screen: None,
            first: None,
            drawn: false,
            slices: 0,
            panels: Panels::default(),
            preparing: false,
            building_ahead: true,
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

    /// Builds the first view of data `nodes` nodes per step (each a task of
    /// its own in the page: [`Effect::Continue`]) and shows it in one
    /// change; after it is painted, builds the other task forces' panels
    /// ahead in idle time ([`Effect::Idle`]), so that a switch only inserts
    /// what is built. With 0 (the default) each render is whole at once.
    pub fn set_slices(&mut self, nodes: usize) {
        self.slices = nodes;
    }

    /// Nodes built per step (see [`Controller::set_slices`]).
    pub fn slices(&self) -> usize {
        self.slices
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
        Some(Summary::of(p, self.state.lang, self.state.version.as_deref().unwrap_or_default()))
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
        Some([Some(e.tag.to_string()), attr(view::act::ATTR), attr(view::act::ARG), attr("id")])
    }

    fn restore_focus(&mut self, identity: Option<[Option<String>; 4]>) {
        let Some([tag, act, arg, id]) = identity else { return };
        let same = |e: &Element| {
            Some(e.tag) == tag.as_deref()
                && e.get_attr(view::act::ATTR) == act.as_deref()
                && e.get_attr(view::act::ARG) == arg.as_deref()
                && e.get_attr("id") == id.as_deref()
        };
        if let Some(el) = self.find(&same) {
            self.dom.focus(&el);
        }
    }

    /// The handle of the first rendered element `pred` accepts.
    fn find(&self, pred: &dyn Fn(&Element) -> bool) -> Option<D::Node> {
        self.screen.as_ref()?.find(pred).cloned()
    }

    /// The form control (not a button) carrying `act`.
    fn control(&self, act: Act) -> Option<D::Node> {
        self.find(&|e| act.on(e) && e.tag != "button")
    }

    /// Brings the rendered element with this id (a measure's card) into view.
    fn scroll_to(&mut self, id: Option<String>) {
        let Some(id) = id else { return };
        if let Some(first) = &mut self.first {
            first.scroll_to = Some(id);
            return;
        }
        if let Some(el) = self.find(&|e| e.get_attr("id") == Some(&id)) {
            self.dom.scroll_into_view(&el);
        }
    }

    /// Shows the state ([`Controller::show`]), and makes the form controls
    /// show it too.
    fn render(&mut self, out: &mut Out) {
        if self.show(out) {
            self.sync_controls();
        }
    }

    /// Shows the state: the view (with a notice when the last load failed),
    /// the editors' detail, or the readers' notice over the fallback; the
    /// document is patched, or built anew when it refuses the patch. False
    /// when nothing shows yet (no data, or the first view being built).
    fn show(&mut self, out: &mut Out) -> bool {
        let lang = self.state.lang;
        let new: Vec<Node> = match (&self.programme, &self.failure) {
            (Some(p), failure) => {
                let notice = failure.as_ref().map(|(e, src)| match self.preview {
                    true => view::stale_notice(e, src.name(), p.as_of, lang),
                    false => view::stale_reader_notice(p.as_of, lang),
                });
                let mut nodes = Vec::from_iter(notice);
                nodes.push(view::view_with(p, &self.state, &mut self.panels));
                nodes
            }
            (None, Some((e, src))) if self.preview => vec![view::error_view(e, src.name(), lang)],
            (None, Some(_)) => view::unavailable_view(self.fallback, lang),
            (None, None) => return false,
        };
        if self.screen.is_none() && !self.drawn && self.slices > 0 && self.programme.is_some() {
            // The first view of data: built over the next steps, out of
            // sight (the browser lays out each slice in its own task); the
            // fallback shows until it is complete.
            let building = Building::staged(&self.root, new);
            // Nodes laid out as they are built cost more than bytes read
            // or nodes built detached: the page paces the build afresh, and
            // what comes after it as before.
            let paced = std::mem::replace(&mut self.slices, STAGED_NODES);
            match &mut self.first {
                Some(first) => {
                    first.building = building;
                    first.built = false;
                }
                None => {
                    self.first = Some(FirstPaint { building, built: false, paced, scroll_to: None, after: Vec::new() });
                    out.push(Effect::Continue);
                }
            }
            return false;
        }
        let mut rebuilt_focus = None;
        let new = match &mut self.screen {
            Some(screen) => {
                let place = self.dom.place(&self.root);
                let updated = screen.update(&mut self.dom, &self.root, new);
                if let Some(place) = place {
                    self.dom.keep_place(&self.root, place);
                }
                match updated {
                    Ok(()) => None,
                    Err(e) => {
                        out.push(Effect::Warn(format!("an update could not be applied ({e}); rebuilt the widget.")));
                        rebuilt_focus = self.focus_identity();
                        self.screen.take().map(|s| s.view)
                    }
                }
            }
            None => Some(new),
        };
        if let Some(new) = new {
            self.first = None;
            match Screen::build(&mut self.dom, &self.root, new) {
                Ok(screen) => self.screen = Some(screen),
                Err(e) => out.push(Effect::Error("the widget could not be drawn:".into(), e.0)),
            }
            self.drawn = true;
            self.restore_focus(rebuilt_focus);
        }
        self.build_ahead_when_idle(out);
        true
    }

    /// Form controls keep their own live value once touched; makes them
    /// show the state (after "clear filters", Back, or a language change).
    /// Not in the page's idle time: a value being composed (pinyin) is not
    /// the state's yet, and must stay.
    fn sync_controls(&mut self) {
        let f = &self.state.filter;
        let values = [
            (Act::Query, f.query.clone()),
            (Act::Status, (if f.overdue { "overdue" } else { f.status.map_or("", Status::key) }).to_string()),
            (Act::Scope, (if f.all { "all" } else { "one" }).to_string()),
        ];
        for (act, value) in values {
            if let Some(control) = self.control(act) {
                self.dom.set_value(&control, &value);
            }
        }
    }

    /// `effect` now, or once the first view shows when it is being built.
    fn once_shown(&mut self, effect: Effect, out: &mut Out) {
        match &mut self.first {
            Some(first) => first.after.push(effect),
            None => out.push(effect),
        }
    }

    /// Builds the next slice of the first view; shows it once complete,
    /// with what waited for it. `None` when no first view is being built.
    fn first_paint(&mut self) -> Option<Out> {
        let first = self.first.as_mut()?;
        let mut out = Out::new();
        let built = if first.built { Ok(true) } else { first.building.step(&mut self.dom, self.slices) };
        match built {
            Ok(false) => out.push(Effect::Continue),
            Ok(true) if !first.built => {
                first.built = true;
                out.push(Effect::Continue);
            }
            Ok(true) => {
                let first = self.first.take()?;
                self.drawn = true;
                self.slices = first.paced;
                match first.building.show(&mut self.dom, &self.root) {
                    Ok(screen) => self.screen = Some(screen),
                    Err(e) => out.push(Effect::Error("the widget could not be drawn:".into(), e.0)),
                }
                self.scroll_to(first.scroll_to);
                out.extend(first.after);
                self.build_ahead_when_idle(&mut out);
            }
            Err(e) => {
                // Nothing outside touches the stage's nodes; should it
                // happen, the whole view is drawn at once.
                if let Some(first) = self.first.take() {
                    self.slices = first.paced;
                }
                self.drawn = true;
                out.push(Effect::Warn(format!("the first view could not be built in steps ({e}); drew it whole.")));
                self.render(&mut out);
            }
        }
        Some(out)
    }

    /// Asks the page to call [`Controller::prepare`] when idle, unless it
    /// has been asked already (or nothing is built ahead).
    fn build_ahead_when_idle(&mut self, out: &mut Out) {
        if self.slices > 0 && self.building_ahead && !self.preparing && self.programme.is_some() && self.job.is_none() {
            self.preparing = true;
            out.push(Effect::Idle);
        }
    }

    /// Builds ahead, a slice per call in the page's idle time, the panels
    /// of the task forces a reader can switch to (next tabs first), each as
    /// a switch would show it, and places each in its hidden panel once
    /// built (the page lays it out there): the switch then only changes
    /// attributes. Unless `near` (the widget is far from the reader's
    /// screen): nothing is built, until the page asks again after the next
    /// render.
    pub fn prepare(&mut self, near: bool) -> Vec<Effect> {
        let mut out = Out::new();
        self.preparing = false;
        if !near || !self.building_ahead {
            return out;
        }
        let (Some(p), Some(screen)) = (self.programme.clone(), self.screen.as_mut()) else { return out };
        if self.job.is_some() || self.first.is_some() || self.state.print || self.slices == 0 {
            return out;
        }
        let n = p.task_forces.len();
        let selected = self.state.selected.min(n.saturating_sub(1));
        // The first panel not placed yet: its content rendered (once), then
        // a slice of its build; once built, placed.
        for i in (1..n).map(|k| (selected + k) % n) {
            let content = self.panels.ahead(&p, i, &self.state);
            if self.panels.is_placed(i) {
                continue;
            }
            // Ok(true) at once when it is built already.
            match screen.build_ahead(&mut self.dom, &content, self.slices) {
                Ok(built) => {
                    self.preparing = true;
                    out.push(Effect::Idle);
                    if built {
                        self.panels.place(i);
                        self.show(&mut out);
                    }
                }
                Err(e) => out.push(Effect::Warn(format!("a panel could not be built ahead ({e})."))),
            }
            break;
        }
        out
    }
}
