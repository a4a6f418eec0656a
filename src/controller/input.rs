//! The reader's input: clicks, keys and typing on the widget's controls
//! (each carrying its [`Act`]), Back and Forward, links to a fragment,
//! printing; and the copy and download requests they lead to.

use super::{Controller, Effect, HostEvent, Out, SelectDetail};
use crate::dom::Dom;
use crate::model::text::{number, Lang};
use crate::model::Status;
use crate::view::act::{self, Act};
use crate::view::export::to_csv;
use crate::view::state::{fragment, measure_id, measure_key, parse_fragment, State, PAGE, TIMELINE};
use crate::words::{showing, ui};

/// Reader input, as the page forwards it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input<'a> {
    /// A click on (or inside) a control carrying `act`; `arg` is its
    /// `data-arg`, or empty.
    Click {
        /// The control's action.
        act: Act,
        /// What it acts on.
        arg: &'a str,
    },
    /// A key pressed on such a control.
    Key {
        /// The control's action.
        act: Act,
        /// What it acts on.
        arg: &'a str,
        /// `KeyboardEvent.key`.
        key: &'a str,
        /// Ctrl, Alt or Meta was held: the key is not the widget's.
        modified: bool,
    },
    /// A form control's new value (`input`, `change`, or the end of an
    /// input method's composition).
    Value {
        /// The control's action.
        act: Act,
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

impl<D: Dom> Controller<D> {
    /// Handles reader input.
    pub fn input(&mut self, input: Input<'_>) -> Vec<Effect> {
        #[cfg(feature = "panic-probe")]
        if matches!(input, Input::Click { .. }) && self.state.id_prefix.starts_with("panic-probe-click") {
            panic!("panic probe in a click handler");
        }
        let mut out = Out::new();
        self.building_ahead = true;
        match input {
            Input::Click { act, arg } => self.on_click(act, arg, &mut out),
            // With a modifier held the key is the browser's (or a screen
            // reader's), not the tabs'.
            Input::Key { modified: true, .. } => {}
            Input::Key { act, arg, key, modified: false } => self.on_key(act, arg, key, &mut out),
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
    /// Announces the outcome of a copy-link request for `url`.
    pub fn copied(&mut self, ok: bool, url: &str) -> Vec<Effect> {
        let s = ui(self.state.lang);
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
            if let Some(field) = self.find(&|e| Act::CopyField.on(e)) {
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
    fn on_click(&mut self, act: Act, arg: &str, out: &mut Out) {
        match act {
            Act::Tab => {
                if let Some(i) = number(arg) {
                    self.select(i, out);
                }
            }
            Act::Toggle => self.toggle(arg, out),
            Act::Copy => {
                let frag = match arg.split_once('/') {
                    Some((tf, m)) => fragment(&self.state.id_prefix, tf, Some(m)),
                    None => fragment(&self.state.id_prefix, arg, None),
                };
                self.copying = Some(arg.to_string());
                out.push(Effect::Copy(frag));
            }
            Act::Download if self.programme.is_some() => {
                let (format, mime) = match arg {
                    "csv" => ("csv", "text/csv;charset=utf-8"),
                    _ => ("json", "application/json;charset=utf-8"),
                };
                let version = self.state.version.as_deref().unwrap_or("data");
                let name = format!("{}-{version}.{format}", self.state.id_prefix);
                out.push(Effect::Download { format, name, mime });
            }
            Act::Lang => {
                if let Some(lang) = Lang::from_tag(arg) {
                    // The live region speaks the interface's language: no
                    // Chinese sentence left under lang="en".
                    self.state.announcement.clear();
                    self.state.lang = lang;
                    self.render(out);
                }
            }
            Act::More => {
                // With the last page the button goes: focus moves to the
                // first measure it revealed, never to the page's body
                // (while more remain, it stays on the button).
                let first_new = self.state.limit;
                self.state.limit += PAGE;
                self.render(out);
                if self.find(&|e| Act::More.on(e)).is_some() {
                    return;
                }
                let seen = std::cell::Cell::new(0);
                let toggle = self.find(&|e| {
                    let hit = Act::Toggle.on(e);
                    hit && seen.replace(seen.get() + 1) == first_new
                });
                if let Some(toggle) = toggle {
                    self.dom.focus(&toggle);
                }
            }
            Act::Layout => {
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
            Act::Clear => {
                self.set_filter(out, |st| {
                    st.filter.status = None;
                    st.filter.query.clear();
                    st.filter.updated = false;
                    st.filter.overdue = false;
                });
                // The button is gone: the reader carries on from the search box.
                self.focus_control(Act::Query);
            }
            Act::ScopeAll => {
                self.set_filter(out, |st| st.filter.all = true);
                self.focus_control(Act::Scope);
            }
            Act::Updated => self.set_filter(out, |st| {
                st.filter.updated = !st.filter.updated;
                st.filter.all = st.filter.updated || st.filter.all;
            }),
            _ => {}
        }
    }
    /// Tabs pattern keys: Left/Right move and wrap, Home/End jump; selection
    /// follows focus (automatic activation).
    fn on_key(&mut self, act: Act, arg: &str, key: &str, out: &mut Out) {
        let count = self.programme.as_ref().map_or(0, |p| p.task_forces.len());
        let Some(current) = number::<usize>(arg) else { return };
        if act != Act::Tab || count == 0 {
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
        let tab = self.find(&|e| Act::Tab.on(e) && e.get_attr(act::ARG) == Some(&index));
        if let Some(tab) = tab {
            self.dom.focus(&tab);
        }
    }
    fn on_input(&mut self, act: Act, value: &str, out: &mut Out) {
        match act {
            Act::Query => self.set_filter(out, |st| st.filter.query = value.to_string()),
            Act::Status => self.set_filter(out, |st| {
                st.filter.status = Status::ALL.into_iter().find(|s| s.key() == value);
                st.filter.overdue = value == "overdue";
            }),
            Act::Scope => self.set_filter(out, |st| st.filter.all = value == "all"),
            _ => {}
        }
    }
    /// Moves focus to the filter control `act` (query, status, scope).
    fn focus_control(&mut self, act: Act) {
        if let Some(control) = self.control(act) {
            self.dom.focus(&control);
        }
    }
    /// Selects the task force named by the `selected` attribute, if any;
    /// returns whether it matched.
    pub(super) fn select_attribute(&mut self, out: &mut Out) -> bool {
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
    pub(super) fn apply_fragment(&mut self, frag: Option<&str>, out: &mut Out) -> Option<String> {
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
        self.state.switch_to(index);
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
            ui(lang).no_results.to_string()
        } else {
            showing(lang, shown, total)
        };
        self.render(out);
    }
}
