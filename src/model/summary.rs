//! A programme's figures: measures by status and overdue, over all and per
//! task force. The element's `summary` sends them to the host page, and the
//! poster's caption is written from the same numbers.

use crate::model::text::Lang;
use crate::model::{Programme, Status, Tally};
use serde::Serialize;

/// The live figures of the data shown (the element's `summary`), so a host
/// page can write "14 of 60 measures completed" from the same numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// The programme's title in the widget's language.
    pub title: String,
    /// The as-of date, YYYY-MM-DD.
    pub as_of: String,
    /// The content hash of the data.
    pub version: String,
    /// Whether the data is marked as sample (illustrative) data.
    pub sample: bool,
    /// Measures in all.
    pub measures: u32,
    /// Measures by status key (`completed`, `on-track`, …), every key present.
    pub by_status: Totals,
    /// Measures past their due date and not completed or dropped.
    pub overdue: u32,
    /// The same per task force, in display order.
    pub task_forces: Vec<TaskForceSummary>,
}

/// One task force's figures in a [`Summary`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskForceSummary {
    /// The task force's id.
    pub id: String,
    /// Its name in the widget's language.
    pub name: String,
    /// Its measures.
    pub measures: u32,
    /// Its measures by status key.
    pub by_status: Totals,
    /// Its overdue measures.
    pub overdue: u32,
}

/// Measures per status, one field per status key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// 已完成
    pub completed: u32,
    /// 按序时推进
    #[serde(rename = "on-track")]
    pub on_track: u32,
    /// 滞后序时
    pub behind: u32,
    /// 受阻
    pub blocked: u32,
    /// 未启动
    #[serde(rename = "not-started")]
    pub not_started: u32,
    /// 不再推进
    pub dropped: u32,
}

impl Totals {
    /// Measures per status in `t`.
    pub fn of(t: &Tally) -> Totals {
        Totals {
            completed: t.count(Status::Completed),
            on_track: t.count(Status::OnTrack),
            behind: t.count(Status::Behind),
            blocked: t.count(Status::Blocked),
            not_started: t.count(Status::NotStarted),
            dropped: t.count(Status::Dropped),
        }
    }

    /// Measures with `status`.
    pub fn get(&self, status: Status) -> u32 {
        match status {
            Status::Completed => self.completed,
            Status::OnTrack => self.on_track,
            Status::Behind => self.behind,
            Status::Blocked => self.blocked,
            Status::NotStarted => self.not_started,
            Status::Dropped => self.dropped,
        }
    }

    /// Each status with measures, and how many, in the order tallies list them.
    pub fn present(&self) -> impl Iterator<Item = (Status, u32)> + '_ {
        Status::ALL.into_iter().map(|s| (s, self.get(s))).filter(|(_, n)| *n > 0)
    }
}

impl Summary {
    /// The figures of `p` (content hash `version`), names in `lang`.
    pub fn of(p: &Programme, lang: Lang, version: &str) -> Summary {
        let all = p.tally();
        Summary {
            title: p.title.get(lang).to_string(),
            as_of: p.as_of.to_string(),
            version: version.to_string(),
            sample: p.has_sample(),
            measures: all.total(),
            by_status: Totals::of(&all),
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
                        by_status: Totals::of(&t),
                        overdue: t.overdue,
                    }
                })
                .collect(),
        }
    }
    /// The task force furthest along: the largest share of its measures
    /// completed (at least one), the first of equals; none for a programme
    /// of one task force.
    pub fn furthest(&self) -> Option<&TaskForceSummary> {
        if self.task_forces.len() < 2 {
            return None;
        }
        let share = |t: &TaskForceSummary| (u64::from(t.by_status.completed), u64::from(t.measures));
        self.task_forces.iter().filter(|t| t.by_status.completed > 0).fold(None, |best, t| match best {
            // a/b ≥ c/d without division.
            Some(b) if share(b).0 * share(t).1 >= share(t).0 * share(b).1 => Some(b),
            _ => Some(t),
        })
    }

    /// The figures of the task force `id`.
    pub fn task_force(&self, id: &str) -> Option<&TaskForceSummary> {
        self.task_forces.iter().find(|t| t.id == id)
    }
}
