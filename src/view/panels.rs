//! Task forces' panels rendered once and shared by later renders: each
//! panel's content is kept with the state it was rendered for, so a render
//! that shows it unchanged hands the DOM layer the same shared subtrees
//! (skipped by the diff in one comparison), and the panel a reader would
//! switch to can be rendered, and built, ahead of the click.
//!
//! A panel's content, once built, is placed: the view puts it in its
//! hidden panel, where the page lays it out out of sight, and a switch to
//! it only changes attributes.

use crate::model::Programme;
use crate::tree::{Element, Node};
use crate::view::panel::task_force_panel;
use crate::view::state::State;
use std::rc::Rc;

/// The panels last rendered, one slot per task force.
#[derive(Debug, Default)]
pub struct Panels {
    slots: Vec<Option<Slot>>,
}

/// One task force's panel content and the state it was rendered for.
#[derive(Debug, Clone)]
struct Slot {
    key: State,
    content: Vec<Rc<Element>>,
    /// Built, and shown in its panel (hidden unless selected).
    placed: bool,
}

impl Panels {
    /// The content of task force `i`'s panel under `st` (which selects it),
    /// rendered only when what it shows has changed since the last time.
    /// The render showing it builds what is not built: it is placed.
    pub fn content(&mut self, p: &Programme, i: usize, st: &State) -> Vec<Rc<Element>> {
        let slot = self.render(p, i, st);
        slot.map_or_else(Vec::new, |slot| {
            slot.placed = true;
            slot.content.clone()
        })
    }

    /// The content of task force `i`'s panel as the reader would see it on
    /// switching to it from `st`.
    pub fn ahead(&mut self, p: &Programme, i: usize, st: &State) -> Vec<Rc<Element>> {
        self.render(p, i, &switched(st, i)).map_or_else(Vec::new, |slot| slot.content.clone())
    }

    /// Marks the content [`Panels::ahead`] gave for task force `i` as built:
    /// renders from now on place it in its hidden panel.
    pub fn place(&mut self, i: usize) {
        if let Some(Some(slot)) = self.slots.get_mut(i) {
            slot.placed = true;
        }
    }

    /// Whether task force `i`'s content, as last rendered, is placed.
    pub fn is_placed(&self, i: usize) -> bool {
        self.slots.get(i).is_some_and(|s| s.as_ref().is_some_and(|s| s.placed))
    }

    /// The content task force `i`'s hidden panel holds under `st`: what a
    /// switch to it would show, if that is placed (nothing is rendered).
    pub fn placed(&self, i: usize, st: &State, tf: &str) -> Option<Vec<Rc<Element>>> {
        let slot = self.slots.get(i)?.as_ref()?;
        (slot.placed && slot.key == key(switched(st, i), tf)).then(|| slot.content.clone())
    }

    /// The slot of task force `i`, its content rendered anew when `st`
    /// changed what it shows (and then not placed).
    fn render(&mut self, p: &Programme, i: usize, st: &State) -> Option<&mut Slot> {
        let tf = p.task_forces.get(i)?;
        let key = key(st.clone(), tf.id.as_str());
        if self.slots.len() != p.task_forces.len() {
            self.slots = vec![None; p.task_forces.len()];
        }
        let slot = &mut self.slots[i];
        if slot.as_ref().is_none_or(|s| s.key != key) {
            let content = task_force_panel(p, tf, &tf.tally(p.as_of), st).into_iter().map(|e| Rc::new(*e)).collect();
            *slot = Some(Slot { key, content, placed: false });
        }
        slot.as_mut()
    }
}

/// `st` as it would be after switching to task force `i`.
fn switched(st: &State, i: usize) -> State {
    let mut st = st.clone();
    st.switch_to(i);
    st
}

/// The panel content as nodes of a view tree.
pub(crate) fn shared(content: Vec<Rc<Element>>) -> impl Iterator<Item = Node> {
    content.into_iter().map(Node::Shared)
}

/// What the panel of task force `tf` depends on: the state, less what only
/// other parts of the widget read (the live region, the search's scope,
/// other task forces' open measures and copy fields).
fn key(mut key: State, tf: &str) -> State {
    let mine = |k: &str| k == tf || k.strip_prefix(tf).is_some_and(|rest| rest.starts_with('/'));
    key.announcement.clear();
    key.filter.all = false;
    key.open.retain(|k| mine(k));
    key.copy_field = key.copy_field.filter(|(k, _)| mine(k));
    key
}
