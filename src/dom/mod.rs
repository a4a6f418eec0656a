//! The DOM layer: the one interface through which a rendered view reaches
//! a page ([`Dom`]), the diff that applies a new view tree through it
//! ([`patch`]), and an in-memory implementation for native tests
//! ([`mock::MockDom`]). The browser's implementation is `web::WebDom`
//! (wasm only), on web-sys; the controller drives either through this
//! trait, so native tests run the very code that edits the page.
//!
//! This layer knows view trees and nothing about programmes or readers.

pub mod mock;
pub mod patch;

use std::fmt;

/// A document a widget renders into: the nodes of its shadow root, and the
/// page's address (this widget's history entry).
///
/// Element and attribute names come from the view (static, valid);
/// changes that depend on the tree's shape (insert, remove) can fail when
/// something outside the widget edited it, and say so.
pub trait Dom {
    /// A handle to one node (element, text, or the root).
    type Node: Clone + PartialEq;

    /// A new, detached element.
    fn element(&mut self, tag: &str) -> Self::Node;
    /// A new, detached text node (`text` is never parsed as markup).
    fn text(&mut self, text: &str) -> Self::Node;
    /// Sets an attribute of an element.
    fn set_attribute(&mut self, el: &Self::Node, name: &str, value: &str);
    /// Removes an attribute of an element.
    fn remove_attribute(&mut self, el: &Self::Node, name: &str);
    /// Sets a CSS custom property on an element through the CSSOM (allowed
    /// under a strict `style-src`, unlike a `style` attribute).
    fn set_var(&mut self, el: &Self::Node, name: &str, value: &str);
    /// Removes a CSS custom property of an element.
    fn remove_var(&mut self, el: &Self::Node, name: &str);
    /// Replaces the text of a text node.
    fn set_text(&mut self, node: &Self::Node, text: &str);
    /// Inserts `node` into `parent` before `before`, or last when `None`.
    fn insert(&mut self, parent: &Self::Node, node: &Self::Node, before: Option<&Self::Node>) -> Result<(), DomError>;
    /// Removes `node` from `parent`.
    fn remove(&mut self, parent: &Self::Node, node: &Self::Node) -> Result<(), DomError>;
    /// Puts `node` (a new top-level tree, being built) last in `root`,
    /// out of the flow and out of sight: the browser lays out what is
    /// built of it a slice at a time (loads its fonts, shapes its text), so
    /// showing it costs little.
    fn stage(&mut self, root: &Self::Node, node: &Self::Node) -> Result<(), DomError>;
    /// Lays out what changed in `root` now, in this step (which is timed
    /// with it), rather than in one long rendering task later.
    fn lay_out(&mut self, root: &Self::Node);
    /// Shows `nodes` (built: detached, or staged in `root`) in `root`, in
    /// place of whatever else it showed, in one change; the part of the
    /// widget the reader is looking at stays where it is on the screen.
    fn show(&mut self, root: &Self::Node, nodes: &[Self::Node]) -> Result<(), DomError>;
    /// Where the page below `root`'s element is, when the element is
    /// wholly above the screen (the reader reads on below it): an update
    /// made after it ends with [`Dom::keep_place`]. Chromium's and
    /// Firefox's scroll anchoring keep that text in place themselves;
    /// WebKit moved it by what the widget grew.
    fn place(&self, root: &Self::Node) -> Option<f64>;
    /// Scrolls the page below `root`'s element back to `place`.
    fn keep_place(&mut self, root: &Self::Node, place: f64);
    /// Sets the live value of a form control when it differs (the reader's
    /// typing sets it too; the `value` attribute is only the initial one).
    fn set_value(&mut self, control: &Self::Node, value: &str);
    /// Moves keyboard focus to an element.
    fn focus(&mut self, el: &Self::Node);
    /// The element that has focus inside `root`, if any.
    fn focused(&self, root: &Self::Node) -> Option<Self::Node>;
    /// Selects all the text of a text field (that has focus), ready to copy.
    fn select_text(&mut self, control: &Self::Node);
    /// Scrolls the page so that an element is in view.
    fn scroll_into_view(&mut self, el: &Self::Node);
    /// Points the page's address at `fragment` (without `#`) and records it
    /// as this widget's history entry: a new entry when `push`, else the
    /// current one amended.
    fn history(&mut self, push: bool, fragment: &str);
}

/// A change the document refused (its tree is not the one rendered).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomError(pub String);

impl fmt::Display for DomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
