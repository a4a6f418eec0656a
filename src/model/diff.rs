//! What changed between two publications of a programme: the comparison
//! behind `tft diff` (and, in time, the widget's "since your last visit").
//!
//! Task forces are matched by id, measures by task-force id and measure id,
//! reports by date and note, milestones by title and due date. A measure
//! whose id changed counts as one removed and one added: ids are the
//! stable names links use. Derived facts (overdue) are computed at each
//! file's own `asOf`.

use super::date::Date;
use super::text::Text;
use super::{Measure, Programme, Status, Tally, TaskForce};

/// Where a change happened: a task force, and a measure in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The task force's id.
    pub task_force: String,
    /// Its name (from the newer file when it is in both).
    pub task_force_name: Text,
    /// The measure's id and title, when the change is a measure's.
    pub measure: Option<(String, Text)>,
}

/// One change, in file order: task forces, then their measures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A task force only in the newer file.
    TaskForceAdded(Place),
    /// A task force only in the older file.
    TaskForceRemoved(Place),
    /// A measure only in the newer file, with its status.
    MeasureAdded(Place, Status),
    /// A measure only in the older file.
    MeasureRemoved(Place),
    /// A status changed.
    Status(Place, Status, Status),
    /// Reported progress changed (percent).
    Progress(Place, u8, u8),
    /// A report not in the older file.
    Report(Place, Date, Text),
    /// A milestone now marked done (it was not done, or not there).
    MilestoneReached(Place, Text, Date),
    /// The deadline changed (`None`: none given).
    DeadlineMoved(Place, Option<Date>, Option<Date>),
    /// Overdue at the newer `asOf`, not at the older one.
    NewlyOverdue(Place, Date),
}

impl Change {
    /// Where it happened.
    pub fn place(&self) -> &Place {
        match self {
            Change::TaskForceAdded(p)
            | Change::TaskForceRemoved(p)
            | Change::MeasureAdded(p, _)
            | Change::MeasureRemoved(p)
            | Change::Status(p, ..)
            | Change::Progress(p, ..)
            | Change::Report(p, ..)
            | Change::MilestoneReached(p, ..)
            | Change::DeadlineMoved(p, ..)
            | Change::NewlyOverdue(p, _) => p,
        }
    }

    /// A short key for the kind of change (`status`, `report`…), as the
    /// JSON output names it.
    pub fn kind(&self) -> &'static str {
        match self {
            Change::TaskForceAdded(_) => "task-force-added",
            Change::TaskForceRemoved(_) => "task-force-removed",
            Change::MeasureAdded(..) => "measure-added",
            Change::MeasureRemoved(_) => "measure-removed",
            Change::Status(..) => "status",
            Change::Progress(..) => "progress",
            Change::Report(..) => "report",
            Change::MilestoneReached(..) => "milestone-reached",
            Change::DeadlineMoved(..) => "deadline-moved",
            Change::NewlyOverdue(..) => "newly-overdue",
        }
    }
}

/// Two publications compared.
#[derive(Debug, Clone)]
pub struct Diff {
    /// The older file's `asOf`.
    pub old_as_of: Date,
    /// The newer file's `asOf`.
    pub new_as_of: Date,
    /// Every change, task force by task force, in the newer file's order
    /// (removed task forces last).
    pub changes: Vec<Change>,
    /// Tallies of the older file, at its `asOf`.
    pub before: Tally,
    /// Tallies of the newer file, at its `asOf`.
    pub after: Tally,
}

impl Diff {
    /// Whether anything changed (tallies follow from the changes).
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// Compares an older and a newer publication of a programme.
pub fn diff(old: &Programme, new: &Programme) -> Diff {
    let mut changes = Vec::new();
    for tf in &new.task_forces {
        let place = |m: Option<&Measure>| Place {
            task_force: tf.id.as_str().to_string(),
            task_force_name: tf.name.clone(),
            measure: m.map(|m| (m.id.as_str().to_string(), m.title.clone())),
        };
        let Some(before) = old.task_forces.iter().find(|o| o.id == tf.id) else {
            changes.push(Change::TaskForceAdded(place(None)));
            for m in &tf.measures {
                changes.push(Change::MeasureAdded(place(Some(m)), m.status));
            }
            continue;
        };
        for m in &tf.measures {
            match before.measures.iter().find(|o| o.id == m.id) {
                None => changes.push(Change::MeasureAdded(place(Some(m)), m.status)),
                Some(o) => measure(&mut changes, place(Some(m)), o, m, old.as_of, new.as_of),
            }
        }
        for o in before.measures.iter().filter(|o| !tf.measures.iter().any(|m| m.id == o.id)) {
            changes.push(Change::MeasureRemoved(removed(tf, Some(o))));
        }
    }
    for o in old.task_forces.iter().filter(|o| !new.task_forces.iter().any(|t| t.id == o.id)) {
        changes.push(Change::TaskForceRemoved(removed(o, None)));
    }
    Diff { old_as_of: old.as_of, new_as_of: new.as_of, changes, before: old.tally(), after: new.tally() }
}

fn removed(tf: &TaskForce, m: Option<&Measure>) -> Place {
    Place {
        task_force: tf.id.as_str().to_string(),
        task_force_name: tf.name.clone(),
        measure: m.map(|m| (m.id.as_str().to_string(), m.title.clone())),
    }
}

fn measure(changes: &mut Vec<Change>, place: Place, o: &Measure, m: &Measure, old_as_of: Date, new_as_of: Date) {
    if o.status != m.status {
        changes.push(Change::Status(place.clone(), o.status, m.status));
    }
    if o.progress() != m.progress() {
        changes.push(Change::Progress(place.clone(), o.progress(), m.progress()));
    }
    if o.due != m.due {
        changes.push(Change::DeadlineMoved(place.clone(), o.due, m.due));
    }
    for ms in &m.milestones {
        let was_done = o.milestones.iter().any(|x| x.title == ms.title && x.due == ms.due && x.done);
        if ms.done && !was_done {
            changes.push(Change::MilestoneReached(place.clone(), ms.title.clone(), ms.due));
        }
    }
    // Oldest first, as they happened.
    for r in m.reports.iter().rev() {
        if !o.reports.iter().any(|x| x.date == r.date && x.note == r.note) {
            changes.push(Change::Report(place.clone(), r.date, r.note.clone()));
        }
    }
    if m.is_overdue(new_as_of) && !o.is_overdue(old_as_of) {
        if let Some(due) = m.due {
            changes.push(Change::NewlyOverdue(place, due));
        }
    }
}

/// What a reader can see change on measure `m` of task force `task_force`,
/// as a 48-bit hash of its ids, status, reported progress, the milestones
/// reached and the reports. The widget remembers the set of them to mark
/// what changed since the reader's last visit; for the same measure two
/// fingerprints differ exactly when [`diff`] reports a status, progress,
/// milestone or report change for it (tested in `tests/diff.rs`).
pub fn fingerprint(task_force: &str, m: &Measure) -> u64 {
    let mut h = super::hash::Hasher::default();
    let mut put = |s: &[u8]| {
        h.update(s);
        h.update(&[0]);
    };
    put(task_force.as_bytes());
    put(m.id.as_str().as_bytes());
    put(m.status.key().as_bytes());
    put(&[m.progress()]);
    for ms in m.milestones.iter().filter(|ms| ms.done) {
        ms.title.strings().for_each(|s| put(s.as_bytes()));
        put(&ms.due.days().to_le_bytes());
    }
    put(b"reports");
    for r in &m.reports {
        put(&r.date.days().to_le_bytes());
        r.note.strings().for_each(|s| put(s.as_bytes()));
    }
    h.value() >> 16
}
