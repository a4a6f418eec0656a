//! What a controller step asks of the page beyond its own DOM: events for
//! the host, console output, the clipboard, downloads, and when to go on
//! with a load. Event details are typed here once ([`Summary`] in the
//! model); the web layer sends them to JS with serde-wasm-bindgen as plain
//! objects, and the release's `.d.ts` describes the same shapes.

use crate::embed::Event;
pub use crate::model::summary::{Summary, TaskForceSummary, Totals};
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
