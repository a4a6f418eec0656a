//! The change between two view trees, written as a compact string of
//! operations that the element's JS applies to the shadow root
//! (`www/task-force-tracker.js`, `apply`), followed by the effects of the
//! same step (events for the host page, history entries, focus…).
//!
//! One string per update means one crossing of the wasm/JS boundary instead
//! of one call per node, attribute and text, and no `web-sys` bindings in the
//! wasm. The diff matches children from both ends: an element with the same
//! tag at the same place from the start or from the end is updated in place
//! (so focus, scroll and form state stay put; a notice inserted above the
//! tracker does not rebuild it), an identical subtree is skipped, and what
//! is left in the middle is removed and built anew.
//!
//! Format: an operation is one character below U+0020 (other than tab, line
//! feed and carriage return) followed by its payload, then zero or more
//! [`op::VALUE`] arguments. Payloads never contain operation characters:
//! writing a payload turns any that occur in data into U+FFFD.

use crate::prelude::*;
use crate::view::Node;

/// Operation codes.
pub mod op {
    /// Create an element (payload: tag) inside the element being built, or
    /// at the cursor when none is.
    pub const OPEN: char = '\u{1}';
    /// Set an attribute (payload: name; argument: value) on the current element.
    pub const ATTR: char = '\u{2}';
    /// An argument of the operation before it.
    pub const VALUE: char = '\u{3}';
    /// Set a CSS custom property (payload: name; argument: value).
    pub const VAR: char = '\u{4}';
    /// A text node (payload: text), built like [`OPEN`].
    pub const TEXT: char = '\u{5}';
    /// End of the element being built.
    pub const CLOSE: char = '\u{6}';
    /// Move the cursor past this many unchanged siblings.
    pub const SKIP: char = '\u{7}';
    /// Descend into the element at the cursor; it becomes the current element.
    pub const ENTER: char = '\u{8}';
    /// Climb back out, moving the cursor past the element left.
    pub const LEAVE: char = '\u{e}';
    /// Replace the text of the text node at the cursor, moving past it.
    pub const SET_TEXT: char = '\u{f}';
    /// Remove this many nodes at the cursor.
    pub const REMOVE: char = '\u{10}';
    /// Remove an attribute from the current element.
    pub const DEL_ATTR: char = '\u{11}';
    /// Remove a CSS custom property from the current element.
    pub const DEL_VAR: char = '\u{12}';
    /// Call `step` again once this update has been painted.
    pub const AFTER_PAINT: char = '\u{13}';
    /// Empty the shadow root (drops the light-DOM fallback slot).
    pub const CLEAR: char = '\u{14}';
    /// Dispatch a bubbling, composed `CustomEvent` on the host (payload:
    /// name; argument: detail as JSON).
    pub const EVENT: char = '\u{15}';
    /// Write this widget's key in `history.state` (payload: `push` or
    /// `replace`; argument: fragment without `#`).
    pub const HISTORY: char = '\u{16}';
    /// Focus the first element matching a selector in the shadow root.
    pub const FOCUS: char = '\u{17}';
    /// Scroll the element with this id into view.
    pub const SCROLL: char = '\u{18}';
    /// Put the page URL with this fragment on the clipboard, then call
    /// `copied`.
    pub const COPY: char = '\u{19}';
    /// Offer a download (payload: format; arguments: file name, MIME
    /// type); the body comes from `exportBody`.
    pub const DOWNLOAD: char = '\u{1a}';
    /// `console.warn` (payload: message).
    pub const WARN: char = '\u{1b}';
    /// `console.error` (payload: message; argument: detail).
    pub const ERROR: char = '\u{1c}';
    /// Call `preventDefault()` on the event being handled.
    pub const PREVENT: char = '\u{1d}';
    /// Set the live value of the form control with this `data-act`
    /// (argument: value).
    pub const CONTROL: char = '\u{1e}';
    /// Loading is not finished: yield to the browser, then call `step`.
    pub const CONTINUE: char = '\u{1f}';
}

/// Whether `c` is an operation character (never part of a payload).
pub fn is_op(c: char) -> bool {
    (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')
}

/// An operation string being written: history first, then DOM operations,
/// then effects, so the JS has patched the DOM before any host listener
/// runs. History goes before the patch because `pushState` recalculates
/// style: on the old, clean DOM that is nearly free, on a fresh patch it
/// cost 2-5 ms of every task-force switch.
#[derive(Debug, Default)]
pub struct Ops {
    history: String,
    dom: String,
    effects: String,
}

impl Ops {
    /// Appends an effect with its payload.
    pub fn effect(&mut self, code: char, payload: &str) -> &mut Ops {
        self.effects.push(code);
        push_text(&mut self.effects, payload);
        self
    }
    /// Appends an argument to the last effect.
    pub fn arg(&mut self, value: &str) -> &mut Ops {
        self.effects.push(op::VALUE);
        push_text(&mut self.effects, value);
        self
    }
    /// Writes this widget's history entry (see [`op::HISTORY`]); `push`
    /// adds an entry, otherwise the current one is amended.
    pub fn history(&mut self, push: bool, fragment: &str) {
        self.history.push(op::HISTORY);
        self.history.push_str(if push { "push" } else { "replace" });
        self.history.push(op::VALUE);
        push_text(&mut self.history, fragment);
    }
    /// Writes the DOM operations that turn children rendered from `old`
    /// into `new`; `None` when the shadow root still shows the fallback.
    pub fn patch(&mut self, old: Option<&[Node]>, new: &[Node]) {
        match old {
            Some(old) => children(&mut self.dom, old, new),
            None => {
                self.dom.push(op::CLEAR);
                children(&mut self.dom, &[], new);
            }
        }
    }
    /// The whole string: history, DOM operations, then effects.
    pub fn finish(mut self) -> String {
        self.history.push_str(&self.dom);
        self.history.push_str(&self.effects);
        self.history
    }
}

fn push_text(out: &mut String, s: &str) {
    if s.chars().any(is_op) {
        out.extend(s.chars().map(|c| if is_op(c) { '\u{fffd}' } else { c }));
    } else {
        out.push_str(s);
    }
}

fn code(out: &mut String, c: char, payload: &str) {
    out.push(c);
    push_text(out, payload);
}

/// An operation whose payload is a count (no text to check for operation
/// characters, nothing to allocate).
fn count(out: &mut String, c: char, n: usize) {
    out.push(c);
    crate::text::Piece::put(&n, out);
}

/// Writes a new subtree.
fn build(out: &mut String, n: &Node) {
    match n {
        Node::Text(t) => code(out, op::TEXT, t),
        Node::Element(e) => {
            code(out, op::OPEN, e.tag);
            for (k, v) in &e.attrs {
                code(out, op::ATTR, k);
                code(out, op::VALUE, v);
            }
            for (k, v) in &e.vars {
                code(out, op::VAR, k);
                code(out, op::VALUE, v);
            }
            e.children.iter().for_each(|c| build(out, c));
            out.push(op::CLOSE);
        }
    }
}

/// Children of the current element (the cursor on its first child).
fn children(out: &mut String, old: &[Node], new: &[Node]) {
    let same = |(o, n): &(&Node, &Node)| match (o, n) {
        (Node::Text(_), Node::Text(_)) => true,
        (Node::Element(a), Node::Element(b)) => a.tag == b.tag,
        _ => false,
    };
    let head = old.iter().zip(new).take_while(same).count();
    let room = old.len().min(new.len()) - head;
    let tail = old.iter().rev().zip(new.iter().rev()).take(room).take_while(same).count();
    let mut skip = 0;
    let pair = |out: &mut String, skip: &mut usize, o: &Node, n: &Node| {
        if o == n {
            *skip += 1;
        } else {
            flush(out, skip);
            node(out, o, n);
        }
    };
    for (o, n) in old[..head].iter().zip(&new[..head]) {
        pair(out, &mut skip, o, n);
    }
    let gone = old.len() - head - tail;
    if gone > 0 {
        flush(out, &mut skip);
        count(out, op::REMOVE, gone);
    }
    for n in &new[head..new.len() - tail] {
        flush(out, &mut skip);
        build(out, n);
    }
    for (o, n) in old[old.len() - tail..].iter().zip(&new[new.len() - tail..]) {
        pair(out, &mut skip, o, n);
    }
    // Unchanged nodes at the end need no SKIP: LEAVE moves past them all.
}

fn flush(out: &mut String, skip: &mut usize) {
    if *skip > 0 {
        count(out, op::SKIP, *skip);
        *skip = 0;
    }
}

/// The node at the cursor, rendered from `old`, becomes `new` (of the same
/// kind and tag); the cursor ends past it.
fn node(out: &mut String, old: &Node, new: &Node) {
    match (old, new) {
        (Node::Text(_), Node::Text(b)) => code(out, op::SET_TEXT, b),
        (Node::Element(a), Node::Element(b)) if a.tag == b.tag => {
            out.push(op::ENTER);
            for (k, v) in &b.attrs {
                if a.get_attr(k) != Some(v.as_str()) {
                    code(out, op::ATTR, k);
                    code(out, op::VALUE, v);
                }
            }
            for (k, _) in &a.attrs {
                if b.get_attr(k).is_none() {
                    code(out, op::DEL_ATTR, k);
                }
            }
            if a.vars != b.vars {
                for (k, _) in &a.vars {
                    code(out, op::DEL_VAR, k);
                }
                for (k, v) in &b.vars {
                    code(out, op::VAR, k);
                    code(out, op::VALUE, v);
                }
            }
            children(out, &a.children, &b.children);
            out.push(op::LEAVE);
        }
        // `children` pairs only nodes of the same kind and tag.
        _ => unreachable!("node() is given nodes of one kind and tag"),
    }
}
