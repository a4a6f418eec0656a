//! "Since your last visit": what a widget showed is remembered in the
//! reader's own browser as one fingerprint per measure, and the measures
//! whose fingerprint is new are marked on the next visit.

use super::{Controller, Source};
use crate::dom::Dom;
use crate::model::text::Lang;
use crate::model::Programme;
use crate::view::state::measure_key;

/// Where a widget remembers, in the reader's own browser, what it last
/// showed, so that the next visit can mark what changed. Nothing stored
/// leaves the browser. The web layer keeps it in `localStorage`; tests keep
/// it in memory; `remember="off"` gives none.
pub trait Memory: std::fmt::Debug {
    /// What is stored under `key`, if anything can be read.
    fn recall(&self, key: &str) -> Option<Seen>;
    /// Stores `seen` under `key`; a full or blocked storage just forgets.
    fn remember(&mut self, key: &str, seen: &Seen);
}

/// What a widget showed: the [`fingerprint`](crate::model::diff::fingerprint)
/// of each measure (a measure whose fingerprint is not in the set changed,
/// or is new). About 13 bytes a measure when stored.
pub type Seen = rustc_hash::FxHashSet<u64>;

/// Whether remembering a visit may wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Later {
    /// Now, whatever is stored.
    Never,
    /// After the first paint, when nothing is stored (a first visit).
    IfNothingStored,
}

/// The key a visit is remembered under: one per source and programme.
pub fn key(source: &Source, p: &Programme) -> String {
    format!("task-force-tracker:seen:{}:{}", source.name(), p.title.get(Lang::ZhHans))
}

impl<D: Dom> Controller<D> {
    /// Marks the measures that changed since the reader's last visit (what
    /// this widget last showed from the same source and programme), then
    /// remembers what it shows now. A first visit marks nothing.
    ///
    /// With [`Later::IfNothingStored`], a first visit (nothing stored) does
    /// nothing and returns false: remembering is left for later.
    pub(super) fn recall_visit(&mut self, p: &Programme, source: &Source, later: Later) -> bool {
        let Some(memory) = &mut self.memory else { return true };
        let key = key(source, p);
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
}
