//! The view tree: elements and text nodes that the pure view builds and
//! the DOM layer copies into a page, diffs against the tree shown, or
//! writes out as HTML ([`Node::to_html`]) for static snapshots.
//!
//! Text is only ever a [`Node::Text`] (escaped when written as HTML, a text
//! node in a document); nothing here parses markup. The tree knows nothing
//! of programmes, readers or browsers.

use std::rc::Rc;

/// A node of the view tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// An element (boxed: see [`El`]).
    Element(El),
    /// An element built once and shared by the trees of several renders (a
    /// task force's panel): the same `Rc` compares equal without looking
    /// inside (`Rc`'s `PartialEq` for an `Eq` type), so the diff skips it.
    Shared(Rc<Element>),
    /// A text node; its content is never parsed as markup.
    Text(String),
}

/// An element of the view tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// Tag name.
    pub tag: &'static str,
    /// Attributes, in order.
    pub attrs: Vec<(&'static str, String)>,
    /// CSS custom properties set through the CSSOM (allowed under a strict
    /// `style-src`, unlike a `style` attribute).
    pub vars: Vec<(&'static str, String)>,
    /// Child nodes.
    pub children: Vec<Node>,
}

/// An element being built. Boxed, so that every builder call passes and
/// returns one pointer: by value, the 44-byte element went through a stack
/// slot and a copy at each of the view's hundreds of calls (1.5 KB of
/// brotli'd wasm).
pub type El = Box<Element>;

/// Starts an element.
#[inline(never)]
pub fn el(tag: &'static str) -> El {
    Box::new(Element { tag, attrs: Vec::new(), vars: Vec::new(), children: Vec::new() })
}

impl Element {
    /// Adds an attribute.
    pub fn attr(self: El, name: &'static str, value: impl Into<String>) -> El {
        self.attr_string(name, value.into())
    }
    // The builder's work is out of line, once: inlined at each of the view's
    // hundreds of calls it cost kilobytes of wasm.
    #[inline(never)]
    fn attr_string(mut self: El, name: &'static str, value: String) -> El {
        self.attrs.push((name, value));
        self
    }
    /// Adds an attribute when `cond` holds.
    pub fn attr_if(self: El, cond: bool, name: &'static str, value: impl Into<String>) -> El {
        if cond {
            self.attr(name, value)
        } else {
            self
        }
    }
    /// Sets the `class` attribute.
    pub fn class(self: El, value: impl Into<String>) -> El {
        self.attr("class", value)
    }
    /// Sets a CSS custom property.
    pub fn var(self: El, name: &'static str, value: impl Into<String>) -> El {
        self.var_string(name, value.into())
    }
    #[inline(never)]
    fn var_string(mut self: El, name: &'static str, value: String) -> El {
        self.vars.push((name, value));
        self
    }
    /// Appends a child.
    pub fn child(self: El, node: impl Into<Node>) -> El {
        self.child_node(node.into())
    }
    #[inline(never)]
    fn child_node(mut self: El, node: Node) -> El {
        self.children.push(node);
        self
    }
    /// Appends a text child.
    pub fn text(self: El, s: impl Into<String>) -> El {
        self.child(Node::Text(s.into()))
    }
    /// Appends children.
    pub fn children(mut self: El, nodes: impl IntoIterator<Item = impl Into<Node>>) -> El {
        // A plain loop over the out-of-line push: `Vec::extend`'s machinery,
        // instantiated for each of the view's iterators, cost more.
        for node in nodes {
            self = self.child_node(node.into());
        }
        self
    }
    /// Value of an attribute.
    pub fn get_attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str())
    }
}

impl From<El> for Node {
    fn from(e: El) -> Node {
        Node::Element(e)
    }
}

const VOID: [&str; 4] = ["br", "hr", "img", "input"];

impl Node {
    /// The element this node is, owned or shared.
    pub fn element(&self) -> Option<&Element> {
        match self {
            Node::Element(e) => Some(e),
            Node::Shared(e) => Some(e),
            Node::Text(_) => None,
        }
    }

    /// Serialises to HTML, escaping all text and attribute values.
    pub fn to_html(&self) -> String {
        let mut s = String::new();
        self.write_html(&mut s);
        s
    }

    fn write_html(&self, out: &mut String) {
        match self {
            Node::Text(t) => escape(out, t),
            Node::Element(e) => e.write_html(out),
            Node::Shared(e) => e.write_html(out),
        }
    }

    /// All text in the subtree, concatenated (for tests and search).
    pub fn text_content(&self) -> String {
        match self {
            Node::Text(t) => t.clone(),
            Node::Element(e) => e.children.iter().map(Node::text_content).collect(),
            Node::Shared(e) => e.children.iter().map(Node::text_content).collect(),
        }
    }

    /// Depth-first search for the first element satisfying `pred`.
    pub fn find(&self, pred: &dyn Fn(&Element) -> bool) -> Option<&Element> {
        let e = self.element()?;
        if pred(e) {
            return Some(e);
        }
        e.children.iter().find_map(|c| c.find(pred))
    }
}

impl Element {
    fn write_html(&self, out: &mut String) {
        out.push('<');
        out.push_str(self.tag);
        for (k, v) in &self.attrs {
            out.push(' ');
            out.push_str(k);
            out.push_str("=\"");
            escape(out, v);
            out.push('"');
        }
        if !self.vars.is_empty() {
            out.push_str(" style=\"");
            for (k, v) in &self.vars {
                escape(out, k);
                out.push(':');
                escape(out, v);
                out.push(';');
            }
            out.push('"');
        }
        out.push('>');
        if VOID.contains(&self.tag) {
            return;
        }
        self.children.iter().for_each(|c| c.write_html(out));
        out.push_str("</");
        out.push_str(self.tag);
        out.push('>');
    }
}

/// Appends `s` with `&`, `<`, `>`, `"` and `'` escaped for HTML text and
/// attribute values.
pub fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}
