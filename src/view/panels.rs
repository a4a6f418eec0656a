//! Task forces' panels rendered once and shared by later renders: each
//! panel's content is kept with the state it was rendered for, so a render
//! that shows it unchanged hands the DOM layer the same shared subtrees
//! (skipped by the diff in one comparison), and the panel a reader would
//! switch to can be rendered, and built, ahead of the click.

use crate::model::Programme;
use crate::tree::{Element, Node};
use crate::view::panel::task_force_panel;
use crate::view::state::State;
use std::rc::Rc;

/// The panels last rendered, one slot per task force.
#[derive(Debug, Default)]
pub struct Panels {
    slots: Vec<Option<(State, Vec<Rc<Element>>)>>,
}

impl Panels {
    /// The content of task force `i`'s panel under `st` (which selects it),
    /// rendered only when what it shows has changed since the last time.
    pub fn content(&mut self, p: &Programme, i: usize, st: &State) -> Vec<Rc<Element>> {
        self.render(p, i, st).0
    }

    /// The content of task force `i`'s panel as the reader would see it on
    /// switching to it from `st`.
    pub fn ahead(&mut self, p: &Programme, i: usize, st: &State) -> Vec<Rc<Element>> {
        let mut st = st.clone();
        st.switch_to(i);
        self.render(p, i, &st).0
    }

    fn render(&mut self, p: &Programme, i: usize, st: &State) -> (Vec<Rc<Element>>, bool) {
        let Some(tf) = p.task_forces.get(i) else { return (Vec::new(), false) };
        let key = key(st, tf.id.as_str());
        if self.slots.len() != p.task_forces.len() {
            self.slots = vec![None; p.task_forces.len()];
        }
        match &self.slots[i] {
            Some((k, content)) if *k == key => (content.clone(), false),
            _ => {
                let content: Vec<Rc<Element>> =
                    task_force_panel(p, tf, &tf.tally(p.as_of), st).into_iter().map(|e| Rc::new(*e)).collect();
                self.slots[i] = Some((key, content.clone()));
                (content, true)
            }
        }
    }
}

/// The panel content as nodes of a view tree.
pub(crate) fn shared(content: Vec<Rc<Element>>) -> impl Iterator<Item = Node> {
    content.into_iter().map(Node::Shared)
}

/// What the panel of task force `tf` depends on: the state, less what only
/// other parts of the widget read (the live region, the search's scope,
/// other task forces' open measures and copy fields).
fn key(st: &State, tf: &str) -> State {
    let mine = |k: &str| k == tf || k.strip_prefix(tf).is_some_and(|rest| rest.starts_with('/'));
    let mut key = st.clone();
    key.announcement.clear();
    key.filter.all = false;
    key.open.retain(|k| mine(k));
    key.copy_field = key.copy_field.filter(|(k, _)| mine(k));
    key
}
