//! What a controller step asks of the page beyond its own DOM: events for
//! the host, console output, the clipboard, downloads, and when to go on
//! with a load. Event details and [`Summary`] are typed here once; the web
//! layer sends them to JS with serde-wasm-bindgen as plain objects, and the
//! release's `.d.ts` describes the same shapes.

use crate::embed::Event;
use crate::model::text::Lang;
use crate::model::{Programme, Status, Tally};
use serde::Serialize;

/// One thing for the page to do after a controller step, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Dispatch a bubbling, composed `CustomEvent` on the element.
    Event(HostEvent),
    /// Put the page's URL with this fragment (without `#`) on the
    /// clipboard, then report with `Controller::copied`.
    Copy(String),
    /// Offer the data shown as a file (body from `Controller::export_body`).
    Download {
        /// `json` or `csv`.
        format: &'static str,
        /// The file name.
        name: String,
        /// Its MIME type.
        mime: &'static str,
    },
    /// `console.warn`.
    Warn(String),
    /// `console.error`, a message and its detail.
    Error(String, String),
    /// Call `preventDefault()` on the event being handled.
    PreventDefault,
    /// A load is not finished: yield to the browser, then call `step`.
    Continue,
    /// Call `step` once this update has been painted.
    AfterPaint,
    /// Call `prepare` when the page is idle.
    Idle,
}

/// An event for the host page.
#[derive(Debug, Clone, PartialEq)]
pub enum HostEvent {
    /// `tft-load`: data is shown, or changed.
    Load(LoadDetail),
    /// `tft-select`: the reader selected a task force.
    Select(SelectDetail),
    /// `tft-error`: data could not be shown, or a refresh failed.
    Error(ErrorDetail),
}

impl HostEvent {
    /// Which of the element's events it is.
    pub fn event(&self) -> Event {
        match self {
            HostEvent::Load(_) => Event::Load,
            HostEvent::Select(_) => Event::Select,
            HostEvent::Error(_) => Event::Error,
        }
    }
}

/// `tft-load`'s detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoadDetail {
    /// Where the data came from: a URL, or the inline/property/default name.
    pub source: String,
    /// The data's as-of date, YYYY-MM-DD.
    pub as_of: String,
    /// How many task forces.
    pub task_forces: usize,
    /// How many measures in all.
    pub measures: usize,
    /// The content hash of the data.
    pub version: String,
}

/// `tft-select`'s detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SelectDetail {
    /// The task force's id.
    pub id: String,
    /// Its position, from 0.
    pub index: usize,
    /// Its name in the widget's language.
    pub name: String,
}

/// `tft-error`'s detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorDetail {
    /// What failed: a URL or source name, or `internal`.
    pub source: String,
    /// What went wrong, in English.
    pub message: String,
}

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
}
