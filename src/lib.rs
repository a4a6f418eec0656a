//! # task-force-tracker
//!
//! An embeddable progress tracker for a public programme's task forces,
//! compiled to WebAssembly and shown by the `<task-force-tracker>` custom
//! element (see `www/task-force-tracker.js`).
//!
//! Data flows one way: **JSON → [`model::parse`] (validated model, by the
//! tables in [`format`]) →
//! [`view::view`] (pure, a tree of [`view::Node`]) → DOM** (the `dom` and
//! `widget` modules, compiled for `wasm32` only). Everything but the last step
//! is plain Rust and is tested natively:
//!
//! ```
//! use task_force_tracker::{default_programme_json, model, view};
//! let programme = model::parse(default_programme_json()).unwrap().programme;
//! let html = view::view(&programme, &view::State::default()).to_html();
//! assert!(html.contains("产业振兴"));
//! ```
#![deny(missing_docs)]

#[cfg(not(target_arch = "wasm32"))]
pub mod csv_import;
pub mod date;
pub mod export;
pub mod format;
pub mod i18n;
pub mod json;
pub mod model;
pub mod state;
pub mod text;
pub mod view;

#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod widget;
#[cfg(target_arch = "wasm32")]
pub use widget::Tracker;

/// The embedded default dataset (the Dezhou programme), shown when an element
/// has no data source.
pub fn default_programme_json() -> &'static str {
    include_str!("../data/dezhou.json")
}
