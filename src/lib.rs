//! # task-force-tracker
//!
//! An embeddable progress tracker for a public programme's task forces,
//! compiled to WebAssembly and shown by the `<task-force-tracker>` custom
//! element (`www/task-force-tracker.js` defines it; Rust does the rest).
//!
//! Data flows one way: **JSON → [`model`] (validated, by the tables in
//! [`model::format`]) → [`view`] (pure, a tree of [`view::Node`]) →
//! [`dom`] (the tree diffed onto a [`dom::Dom`]) → the page**. A
//! [`controller::Controller`] per widget holds the reader's state, turns
//! input into new views and asks for [`controller::Effect`]s (events,
//! history, focus…); the `web` module (wasm only) implements [`dom::Dom`]
//! with web-sys and carries out the effects with web-sys and gloo.
//! Everything but that module is plain Rust, tested natively:
//!
//! ```
//! # #[cfg(not(target_arch = "wasm32"))] { // the default data is native-only
//! use task_force_tracker::{default_programme_json, model, view};
//! let programme = model::parse(default_programme_json()).unwrap().programme;
//! let html = view::view(&programme, &view::State::default()).to_html();
//! assert!(html.contains("产业振兴"));
//! # }
//! ```
#![deny(missing_docs)]

pub mod controller;
#[cfg(all(target_arch = "wasm32", feature = "desk"))]
pub mod desk;
pub mod dom;
pub mod embed;
pub mod model;
#[cfg(any(not(target_arch = "wasm32"), feature = "desk"))]
pub mod sheet;
#[cfg(not(target_arch = "wasm32"))]
pub mod tool;
pub mod tree;
pub mod view;
#[cfg(target_arch = "wasm32")]
pub mod web;
pub mod words;

/// The default dataset (the Dezhou programme), shown when an element has no
/// data source. Native only: the widget downloads it (`www/pkg/dezhou.json`,
/// written by `scripts/build.sh`) only where a tracker shows it.
#[cfg(not(target_arch = "wasm32"))]
pub fn default_programme_json() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/dezhou.min.json"))
}

/// The shadow root's stylesheet (`src/widget.css`, minified by `build.rs`).
pub const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));
