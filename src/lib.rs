//! # task-force-tracker
//!
//! An embeddable progress tracker for a public programme's task forces,
//! compiled to WebAssembly and shown by the `<task-force-tracker>` custom
//! element (see `www/task-force-tracker.js`).
//!
//! Data flows one way: **JSON → [`model::parse`] (validated model, by the
//! tables in [`format`](mod@format)) →
//! [`view::view`] (pure, a tree of [`view::Node`]) → [`patch`] (the change
//! as an operation string) → DOM** (applied by the element's JS). A
//! [`controller::Controller`] per widget holds the reader's state and turns
//! input into new views; the `widget` module (wasm only) exports it to JS.
//! Everything but applying the operations is plain Rust, tested natively:
//!
//! ```
//! use task_force_tracker::{default_programme_json, model, view};
//! let programme = model::parse(default_programme_json()).unwrap().programme;
//! let html = view::view(&programme, &view::State::default()).to_html();
//! assert!(html.contains("产业振兴"));
//! ```
#![deny(missing_docs)]
// The library needs only `core` and `alloc`. `std` comes in everywhere but
// the release wasm (feature `small-panic`), whose own panic handler keeps
// std's panic machinery and its formatting out of every reader's download.
#![no_std]
#[macro_use]
extern crate alloc;
#[cfg(not(all(target_arch = "wasm32", feature = "small-panic")))]
extern crate std;

/// Text from pieces (`&str`, `String`, numbers, dates: see
/// [`text::Piece`]): `cat!("a ", n, " b")`. Used instead of `format!` in
/// everything the wasm runs, so `core::fmt` stays out of it (about 5 KB).
macro_rules! cat {
    ($($piece:expr),* $(,)?) => {{
        let mut out = $crate::prelude::String::new();
        $( $crate::text::Piece::put(&$piece, &mut out); )*
        out
    }};
}

/// The `alloc` names the standard prelude would give every module.
mod prelude {
    pub use alloc::borrow::ToOwned;
    pub use alloc::boxed::Box;
    pub use alloc::string::{String, ToString};
    pub use alloc::vec::Vec;
}

pub mod controller;
#[cfg(not(target_arch = "wasm32"))]
pub mod csv_import;
pub mod date;
pub mod export;
pub mod format;
pub mod heap;
pub mod i18n;
pub mod json;
pub mod model;
pub mod patch;
pub mod state;
pub mod text;
pub mod view;

#[cfg(target_arch = "wasm32")]
mod widget;

// Power-of-two size classes: a few hundred bytes of wasm (see heap.rs and
// ARCHITECTURE.md, "Trade-offs").
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: heap::Wasm = heap::Wasm::new();
#[cfg(target_arch = "wasm32")]
pub use widget::{styles, Tracker};

/// The embedded default dataset (the Dezhou programme), shown when an element
/// has no data source.
#[cfg(not(tft_no_default_data))]
pub fn default_programme_json() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/dezhou.min.json"))
}

/// A one-measure stand-in for the default dataset, in a build used only to
/// measure the widget's size without its data (`scripts/bench.sh`).
#[cfg(tft_no_default_data)]
pub fn default_programme_json() -> &'static str {
    r#"{"title":"x","asOf":"2020-01-01","taskForces":[{"id":"a","name":"A","measures":[{"id":"m","title":"t","status":"on-track"}]}]}"#
}

/// The shadow root's stylesheet (`src/widget.css`, minified by `build.rs`).
pub const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));
