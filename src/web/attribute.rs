//! The observed attributes, declared once: the JS shim passes their names
//! as strings and wasm-bindgen converts them to [`Attribute`].
// wasm-bindgen adds an undocumented variant (for strings outside the list)
// and conversion functions to a string enum.
#![allow(missing_docs)]

use wasm_bindgen::prelude::*;

/// The element's attributes that the tracker follows.
#[wasm_bindgen]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attribute {
    /// URL of the programme JSON.
    Src = "src",
    /// Interface language.
    Lang = "lang",
    /// light, dark or auto.
    Theme = "theme",
    /// The task force shown first.
    Selected = "selected",
    /// Seconds between re-fetches of `src`.
    Refresh = "refresh",
    /// Seconds a fetch may take.
    Timeout = "timeout",
    /// `off`: remember nothing between visits.
    Remember = "remember",
    /// Present: failures show their detail in place (for editors previewing).
    Preview = "preview",
}
