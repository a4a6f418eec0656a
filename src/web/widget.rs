//! One widget in the page: its shadow root and controller, the resources
//! it owns, and how a controller step's effects are carried out.

use super::guard::{self, Guarded};
use super::owned::{Abort, Idle, Observer};
use super::{page, WebDom};
use crate::controller::{Controller, Effect, Memory, SLICE_NODES, STAGED_NODES};
use crate::controller::{ErrorDetail, HostEvent};
use crate::dom::patch::Screen;
use crate::embed::Attribute;
use crate::model::text::Lang;
use crate::view;
use crate::view::state::DEFAULT_PREFIX;
use gloo_events::EventListener;
use gloo_render::AnimationFrame;
use gloo_timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Event, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// About how long a step of a first view, or of building ahead, may take.
const SLICE_MS: f64 = 20.0;

/// What a load wants next.
#[derive(Clone, Copy)]
enum Next {
    /// A new task (the browser may paint and answer input first).
    Task,
    /// The task after the next paint.
    Paint,
}

/// A continuation waiting on the browser: the next frame, then the task
/// after it. Held only to be dropped: dropping it cancels whichever is
/// pending.
enum Pending {
    Frame { _frame: AnimationFrame },
    AfterFrame { _task: Timeout },
}

/// One `<task-force-tracker>`: its element and shadow root, its
/// controller, and every browser resource it holds, each in a `Cell` taken
/// whole so that tearing down never meets a borrow left behind by a trap.
pub struct Widget {
    pub host: HtmlElement,
    pub root: ShadowRoot,
    pub ctl: RefCell<Controller<WebDom>>,
    /// `element.data` as last set.
    pub data: RefCell<JsValue>,
    /// Gives the default data's text (the shim's, which downloads it once
    /// per page with the page's fetch, else XMLHttpRequest).
    pub default_data: js_sys::Function,
    /// The start has run: attributes and data are followed from then on.
    pub started: Cell<bool>,
    /// No more calls into this widget (torn down, or crashed).
    pub stopped: Cell<bool>,
    pub crashed: Cell<bool>,
    /// Bumped per load, so that a slow answer for an old source is dropped.
    pub generation: Cell<u32>,
    pub failures: Cell<u32>,
    pub due_while_hidden: Cell<bool>,
    pub listeners: Cell<Vec<EventListener>>,
    pub refresh: Cell<Option<Timeout>>,
    pub fetch: Cell<Option<Abort>>,
    /// The validator of the file shown, and its URL (see `fetch::fetch`).
    pub etag: Cell<Option<(String, String)>>,
    pending: Cell<Option<Pending>>,
    /// Panels to build ahead when the page is idle.
    idle: Cell<Option<Idle>>,
    /// Changes to the shadow DOM not made by the widget (a host script, an
    /// extension): the next update rebuilds the DOM instead of patching
    /// blind.
    observer: Cell<Option<Observer>>,
}

impl Widget {
    pub fn new(host: HtmlElement, data: JsValue, default_data: js_sys::Function) -> Result<Rc<Widget>, JsValue> {
        let document = host.owner_document().ok_or("the element has no document")?;
        let root = match host.shadow_root() {
            Some(root) => root,
            None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
        };
        page::adopt_styles(&root, &document)?;
        // The light DOM shows, through a slot, until the first render.
        root.replace_children_with_node_1(&document.create_element("slot")?.into());
        let id = host.id();
        let prefix = if id.is_empty() { DEFAULT_PREFIX } else { id.as_str() };
        let dom = WebDom::new(document, prefix);
        let mut ctl = Controller::new(dom, root.clone().into(), prefix, host.get_attribute(Attribute::Selected.name()));
        // No task of ours long enough to hold up a phone's page.
        ctl.set_slices(SLICE_NODES);
        let observer = Observer::watch(&root)?;
        Ok(Rc::new(Widget {
            host,
            root,
            ctl: RefCell::new(ctl),
            data: RefCell::new(data),
            default_data,
            started: Cell::new(false),
            stopped: Cell::new(false),
            crashed: Cell::new(false),
            generation: Cell::new(0),
            failures: Cell::new(0),
            due_while_hidden: Cell::new(false),
            listeners: Cell::new(Vec::new()),
            refresh: Cell::new(None),
            fetch: Cell::new(None),
            etag: Cell::new(None),
            pending: Cell::new(None),
            idle: Cell::new(None),
            observer: Cell::new(Some(observer)),
        }))
    }

    /// Releases everything the widget holds: listeners, timers, the
    /// pending frame, the download, the observer. No call gets in after this.
    pub fn teardown(&self) {
        self.stopped.set(true);
        self.generation.set(self.generation.get().wrapping_add(1));
        drop(self.listeners.take());
        drop(self.refresh.take());
        drop(self.pending.take());
        drop(self.idle.take());
        drop(self.fetch.take());
        drop(self.observer.take());
    }

    pub fn start(self: &Rc<Self>) {
        self.started.set(true);
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            // For the benchmark, and for hosts' own timing.
            let _ = p.mark("task-force-tracker:start");
        }
        self.remember_setting();
        let preview = self.host.has_attribute(Attribute::Preview.name());
        let fallback = self.host.child_element_count() > 0;
        self.run(|c| {
            c.set_fallback(fallback);
            c.set_preview(preview)
        });
        let lang = self.attribute(Attribute::Lang);
        self.run(|c| c.set_lang(lang.as_deref(), page::page_lang().as_deref()));
        self.listen();
        self.load();
    }

    /// The value of one of the element's attributes.
    pub fn attribute(&self, name: Attribute) -> Option<String> {
        self.host.get_attribute(name.name())
    }

    pub fn attribute_changed(self: &Rc<Self>, name: Attribute) {
        let value = self.attribute(name);
        match name {
            Attribute::Src => self.load(),
            Attribute::Refresh => self.schedule(),
            Attribute::Lang => self.run(|c| c.set_lang(value.as_deref(), page::page_lang().as_deref())),
            Attribute::Selected => self.run(|c| c.set_selected(value)),
            Attribute::Theme => self.run(|c| c.set_theme(value.as_deref())),
            Attribute::Remember => self.remember_setting(),
            Attribute::Preview => self.run(|c| c.set_preview(value.is_some())),
            Attribute::Timeout => {}
        }
    }

    /// `remember="off"` stores nothing between visits; anything else (or
    /// no attribute) remembers, in the reader's browser only.
    fn remember_setting(&self) {
        let off = self.attribute(Attribute::Remember).is_some_and(|v| v.trim().eq_ignore_ascii_case("off"));
        let memory: Option<Box<dyn Memory>> = if off { None } else { Some(Box::new(page::LocalMemory)) };
        self.ctl.borrow_mut().set_memory(memory);
    }

    /// One controller step: a rebuild first if the DOM was changed from
    /// outside, then `f`, then its effects; a load goes on in later tasks.
    pub fn run(self: &Rc<Self>, f: impl FnOnce(&mut Controller<WebDom>) -> Vec<Effect>) {
        self.run_for(None, f);
    }

    pub fn run_for(self: &Rc<Self>, event: Option<&Event>, f: impl FnOnce(&mut Controller<WebDom>) -> Vec<Effect>) {
        let mut effects = Vec::new();
        let observer = self.observer.take();
        if observer.as_ref().is_some_and(Observer::tampered) {
            page::warn("the shadow DOM was changed from outside; rebuilt the widget.");
            effects.extend(self.ctl.borrow_mut().redraw());
        }
        effects.extend(f(&mut self.ctl.borrow_mut()));
        if let Some(observer) = observer {
            observer.ours();
            self.observer.set(Some(observer));
        }
        if let Some(next) = self.perform(effects, event) {
            self.go_on(next);
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
                Effect::Idle => {
                    let weak = Rc::downgrade(self);
                    let idle = Idle::new(move || {
                        if let Some(w) = weak.upgrade() {
                            // Trackers far down the page wait: what they would
                            // build is memory no reader is using yet.
                            let near = page::near_screen(&w.host);
                            w.guard(|w| w.run(|c| c.prepare(near)));
                        }
                    });
                    self.idle.set(Some(idle));
                }
            }
        }
        next
    }

    /// Sizes the next slices from how long this step took: about
    /// [`SLICE_MS`] each, so a fast computer builds in a few tasks and a
    /// slow phone's main thread is never held for long.
    fn pace(&self, took: f64) {
        if let Ok(mut c) = self.ctl.try_borrow_mut() {
            let nodes = c.slices() as f64 * SLICE_MS / took.max(1.0);
            c.set_slices(nodes.clamp(STAGED_NODES as f64 / 2.0, 16.0 * SLICE_NODES as f64) as usize);
        }
    }

    /// Continues a load in a later task, unless a newer load replaced it
    /// or the widget went away.
    fn go_on(self: &Rc<Self>, next: Next) {
        let generation = self.generation.get();
        let step = move |w: &Rc<Widget>| {
            if w.generation.get() == generation {
                let started = page::now();
                w.run(|c| c.step());
                w.pace(page::now() - started);
            }
        };
        match next {
            Next::Task => {
                let weak = Rc::downgrade(self);
                guard::spawn(self, async move {
                    page::next_task().await;
                    if let Some(w) = weak.upgrade() {
                        step(&w);
                    }
                });
            }
            Next::Paint => {
                let weak = Rc::downgrade(self);
                let frame = gloo_render::request_animation_frame(move |_| {
                    let Some(w) = weak.upgrade() else { return };
                    w.guard(|w| {
                        // The frame callback runs before paint; the task after it, after.
                        let weak = Rc::downgrade(w);
                        let after = Timeout::new(0, move || {
                            if let Some(w) = weak.upgrade() {
                                w.guard(|w| {
                                    w.pending.set(None);
                                    step(w);
                                });
                            }
                        });
                        w.pending.set(Some(Pending::AfterFrame { _task: after }));
                    });
                });
                self.pending.set(Some(Pending::Frame { _frame: frame }));
            }
        }
    }
}

impl Widget {
    /// Runs `f` on this widget unless it has stopped; a failure inside
    /// stops this widget alone (see `guard.rs`).
    pub fn guard(self: &Rc<Self>, f: impl FnOnce(&Rc<Widget>)) {
        guard::guard(self, f);
    }
}

impl Guarded for Widget {
    fn stopped(&self) -> bool {
        self.stopped.get()
    }

    /// A trap left this widget's Rust state unknown: stop it, say so in
    /// place of it, tell the host; keep the page.
    fn crash(self: &Rc<Self>, err: &JsValue) {
        if self.crashed.replace(true) {
            return;
        }
        // The controller may be borrowed mid-change: it is never touched,
        // nor dropped, again (a leak of one widget's memory, on purpose).
        std::mem::forget(self.clone());
        self.teardown();
        let tag = self.host.get_attribute("lang").or_else(page::page_lang);
        let lang = tag.as_deref().and_then(Lang::from_tag).unwrap_or(Lang::ZhHans);
        if let Some(document) = self.host.owner_document() {
            let mut dom = WebDom::new(document, "");
            let root = self.root.clone().into();
            // Drawn, not kept: nothing will update it.
            let _ = Screen::build(&mut dom, &root, vec![view::crashed_view(lang)]);
        }
        let message = page::describe(err);
        page::error("internal error; this widget has stopped:", &message);
        page::dispatch(&self.host, &HostEvent::Error(ErrorDetail { source: "internal".into(), message }));
    }
}
