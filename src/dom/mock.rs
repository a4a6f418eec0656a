//! An in-memory document implementing [`Dom`], for native tests: the
//! controller drives it exactly as it drives the browser's DOM, and the
//! tests read back what a page would show ([`MockDom::html`]), where focus
//! went, what was scrolled to and the history entries written. It behaves
//! as the DOM does where the diff relies on it: inserting a node that has a
//! parent moves it, and inserting before or removing a node that is not a
//! child of the given parent fails.

use super::{Dom, DomError};
use crate::tree::{escape, Node};

/// Names and values (attributes, CSS properties) in the order first set.
type Pairs = Vec<(String, String)>;

#[derive(Debug, Clone)]
enum Kind {
    Root,
    Element { tag: String, attrs: Vec<(String, String)>, vars: Vec<(String, String)>, value: Option<String> },
    Text(String),
}

#[derive(Debug, Clone)]
struct Slot {
    kind: Kind,
    parent: Option<usize>,
    children: Vec<usize>,
}

/// An in-memory document; node handles are indices. Node 0 is the root
/// (a shadow root).
#[derive(Debug, Clone)]
pub struct MockDom {
    nodes: Vec<Slot>,
    /// Every history entry written: (push, fragment).
    pub history: Vec<(bool, String)>,
    /// The element focused last.
    pub focused: Option<usize>,
    /// The text field whose text was selected last.
    pub selected: Option<usize>,
    /// Elements scrolled into view, in order.
    pub scrolled: Vec<usize>,
    /// How many node-creating or node-changing calls were made.
    pub writes: usize,
    /// How many of them created, inserted or removed a node (the others
    /// changed attributes or text).
    pub moves: usize,
    /// Top-level trees staged ([`Dom::stage`]): out of sight, so neither
    /// [`MockDom::html`] nor [`MockDom::find`] sees them.
    staged: Vec<usize>,
    /// How many times the root was laid out on request ([`Dom::lay_out`]).
    pub laid_out: usize,
    /// How many of the writes were made between [`Dom::place`] and
    /// [`Dom::keep_place`] (the mock's place is the count of writes).
    pub kept: usize,
}

impl Default for MockDom {
    fn default() -> MockDom {
        MockDom::new()
    }
}

impl MockDom {
    /// An empty document with its root.
    pub fn new() -> MockDom {
        let root = Slot { kind: Kind::Root, parent: None, children: Vec::new() };
        MockDom {
            nodes: vec![root],
            history: Vec::new(),
            focused: None,
            selected: None,
            scrolled: Vec::new(),
            writes: 0,
            moves: 0,
            staged: Vec::new(),
            laid_out: 0,
            kept: 0,
        }
    }

    /// The root's handle.
    pub fn root(&self) -> usize {
        0
    }

    /// What the root shows, as HTML with each element's attributes sorted
    /// by name (the DOM keeps the order they were first set in, which a
    /// patch may change); compare with [`normalized_html`].
    pub fn html(&self) -> String {
        let mut out = String::new();
        for &c in self.nodes[0].children.iter().filter(|c| !self.staged.contains(c)) {
            self.write(c, &mut out);
        }
        out
    }

    /// What is staged in the root, out of sight, as [`MockDom::html`]
    /// writes it.
    pub fn staged_html(&self) -> String {
        let mut out = String::new();
        for &c in self.nodes[0].children.iter().filter(|c| self.staged.contains(c)) {
            self.write(c, &mut out);
        }
        out
    }

    /// An element's attribute.
    pub fn attribute(&self, node: usize, name: &str) -> Option<&str> {
        match &self.nodes[node].kind {
            Kind::Element { attrs, .. } => attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    /// A form control's live value, when one was set.
    pub fn value(&self, node: usize) -> Option<&str> {
        match &self.nodes[node].kind {
            Kind::Element { value, .. } => value.as_deref(),
            _ => None,
        }
    }

    /// The first attached element (document order) whose attribute `name`
    /// is `value`.
    pub fn find(&self, name: &str, value: &str) -> Option<usize> {
        let mut stack = vec![0];
        while let Some(n) = stack.pop() {
            if self.attribute(n, name) == Some(value) {
                return Some(n);
            }
            if self.staged.contains(&n) {
                continue;
            }
            stack.extend(self.nodes[n].children.iter().rev());
        }
        None
    }

    /// Removes a node from its parent, as a script or a browser extension
    /// might behind the widget's back.
    pub fn detach(&mut self, node: usize) {
        if let Some(p) = self.nodes[node].parent.take() {
            self.nodes[p].children.retain(|&c| c != node);
        }
    }

    fn write(&self, n: usize, out: &mut String) {
        match &self.nodes[n].kind {
            Kind::Root => {}
            Kind::Text(t) => escape(out, t),
            Kind::Element { tag, attrs, vars, .. } => {
                let mut sorted: Vec<_> = attrs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                open_tag(out, tag, &mut sorted, vars.iter().map(|(k, v)| (k.as_str(), v.as_str())));
                for &c in &self.nodes[n].children {
                    self.write(c, out);
                }
                out.push_str("</");
                out.push_str(tag);
                out.push('>');
            }
        }
    }

    fn element_mut(&mut self, n: usize) -> Option<(&mut Pairs, &mut Pairs)> {
        match &mut self.nodes[n].kind {
            Kind::Element { attrs, vars, .. } => Some((attrs, vars)),
            _ => None,
        }
    }
}

/// View trees as [`MockDom::html`] writes a document showing them.
pub fn normalized_html(nodes: &[Node]) -> String {
    fn write(n: &Node, out: &mut String) {
        let Some(e) = n.element() else {
            if let Node::Text(t) = n {
                escape(out, t);
            }
            return;
        };
        let mut sorted: Vec<_> = e.attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        open_tag(out, e.tag, &mut sorted, e.vars.iter().map(|(k, v)| (*k, v.as_str())));
        e.children.iter().for_each(|c| write(c, out));
        out.push_str("</");
        out.push_str(e.tag);
        out.push('>');
    }
    let mut out = String::new();
    nodes.iter().for_each(|n| write(n, &mut out));
    out
}

fn open_tag<'a>(
    out: &mut String,
    tag: &str,
    attrs: &mut [(&str, &str)],
    vars: impl Iterator<Item = (&'a str, &'a str)>,
) {
    attrs.sort_by(|a, b| a.0.cmp(b.0));
    out.push('<');
    out.push_str(tag);
    for (k, v) in attrs.iter() {
        out.push(' ');
        out.push_str(k);
        out.push_str("=\"");
        escape(out, v);
        out.push('"');
    }
    let mut vars: Vec<_> = vars.collect();
    vars.sort();
    for (k, v) in vars {
        out.push_str(" [");
        out.push_str(k);
        out.push(':');
        escape(out, v);
        out.push(']');
    }
    out.push('>');
}

fn set(list: &mut Vec<(String, String)>, name: &str, value: &str) {
    match list.iter_mut().find(|(k, _)| k == name) {
        Some((_, v)) => *v = value.to_string(),
        None => list.push((name.to_string(), value.to_string())),
    }
}

impl Dom for MockDom {
    type Node = usize;

    fn element(&mut self, tag: &str) -> usize {
        self.moves += 1;
        self.writes += 1;
        let kind = Kind::Element { tag: tag.to_string(), attrs: Vec::new(), vars: Vec::new(), value: None };
        self.nodes.push(Slot { kind, parent: None, children: Vec::new() });
        self.nodes.len() - 1
    }

    fn text(&mut self, text: &str) -> usize {
        self.moves += 1;
        self.writes += 1;
        self.nodes.push(Slot { kind: Kind::Text(text.to_string()), parent: None, children: Vec::new() });
        self.nodes.len() - 1
    }

    fn set_attribute(&mut self, el: &usize, name: &str, value: &str) {
        self.writes += 1;
        if let Some((attrs, _)) = self.element_mut(*el) {
            set(attrs, name, value);
        }
    }

    fn remove_attribute(&mut self, el: &usize, name: &str) {
        self.writes += 1;
        if let Some((attrs, _)) = self.element_mut(*el) {
            attrs.retain(|(k, _)| k != name);
        }
    }

    fn set_var(&mut self, el: &usize, name: &str, value: &str) {
        self.writes += 1;
        if let Some((_, vars)) = self.element_mut(*el) {
            set(vars, name, value);
        }
    }

    fn remove_var(&mut self, el: &usize, name: &str) {
        self.writes += 1;
        if let Some((_, vars)) = self.element_mut(*el) {
            vars.retain(|(k, _)| k != name);
        }
    }

    fn set_text(&mut self, node: &usize, text: &str) {
        self.writes += 1;
        if let Kind::Text(t) = &mut self.nodes[*node].kind {
            *t = text.to_string();
        }
    }

    fn insert(&mut self, parent: &usize, node: &usize, before: Option<&usize>) -> Result<(), DomError> {
        self.moves += 1;
        self.writes += 1;
        let at = match before {
            Some(b) if self.nodes[*b].parent != Some(*parent) => {
                return Err(DomError("NotFoundError: the node before which to insert is not a child".into()))
            }
            Some(b) => Some(*b),
            None => None,
        };
        self.detach(*node);
        let children = &mut self.nodes[*parent].children;
        let index = at.and_then(|b| children.iter().position(|&c| c == b)).unwrap_or(children.len());
        children.insert(index, *node);
        self.nodes[*node].parent = Some(*parent);
        Ok(())
    }

    fn remove(&mut self, parent: &usize, node: &usize) -> Result<(), DomError> {
        self.moves += 1;
        self.writes += 1;
        if self.nodes[*node].parent != Some(*parent) {
            return Err(DomError("NotFoundError: the node to remove is not a child".into()));
        }
        self.detach(*node);
        Ok(())
    }

    fn stage(&mut self, root: &usize, node: &usize) -> Result<(), DomError> {
        self.insert(root, node, None)?;
        self.staged.push(*node);
        Ok(())
    }

    fn lay_out(&mut self, _root: &usize) {
        self.laid_out += 1;
    }

    fn show(&mut self, root: &usize, nodes: &[usize]) -> Result<(), DomError> {
        self.writes += 1;
        for c in std::mem::take(&mut self.nodes[*root].children) {
            self.nodes[c].parent = None;
        }
        self.staged.clear();
        for n in nodes {
            self.insert(root, n, None)?;
        }
        Ok(())
    }

    fn place(&self, _root: &usize) -> Option<f64> {
        Some(self.writes as f64)
    }

    fn keep_place(&mut self, _root: &usize, place: f64) {
        self.kept += self.writes - place as usize;
    }

    fn set_value(&mut self, control: &usize, value: &str) {
        if let Kind::Element { value: v, .. } = &mut self.nodes[*control].kind {
            if v.as_deref() != Some(value) {
                *v = Some(value.to_string());
            }
        }
    }

    fn focus(&mut self, el: &usize) {
        self.focused = Some(*el);
    }

    fn focused(&self, _root: &usize) -> Option<usize> {
        self.focused
    }

    fn select_text(&mut self, control: &usize) {
        self.selected = Some(*control);
    }

    fn scroll_into_view(&mut self, el: &usize) {
        self.scrolled.push(*el);
    }

    fn history(&mut self, push: bool, fragment: &str) {
        self.history.push((push, fragment.to_string()));
    }
}
