//! Applies a view tree to a [`Dom`]: the first render builds it, every
//! later one changes only what differs from the tree shown.
//!
//! Each rendered node keeps its handle ([`Mounted`]), so an update reaches
//! the nodes it changes directly, without walking the page. Children are
//! matched from both ends: an element with the same tag at the same place
//! from the start or from the end is updated in place (so focus, scroll and
//! form state stay put; a notice inserted above the tracker does not
//! rebuild it), an identical subtree is skipped, and what is left in the
//! middle is removed and built anew, detached, then inserted whole.

use super::{Dom, DomError};
use crate::tree::{Element, Node};

/// A rendered node's handle in the document, with its children's.
#[derive(Debug, Clone)]
pub struct Mounted<N> {
    /// The node in the document.
    pub node: N,
    /// Its children, in order.
    pub children: Vec<Mounted<N>>,
}

/// What a document's root shows: the view trees last applied and their
/// nodes' handles (one [`Mounted`] per top-level tree).
#[derive(Debug)]
pub struct Screen<N> {
    /// The view trees, as rendered.
    pub view: Vec<Node>,
    /// Their nodes in the document.
    pub mounted: Vec<Mounted<N>>,
}

impl<N: Clone> Screen<N> {
    /// Renders `new` into an empty `root` (its light-DOM slot is cleared).
    pub fn build<D: Dom<Node = N>>(dom: &mut D, root: &N, new: Vec<Node>) -> Result<Screen<N>, DomError> {
        dom.clear(root);
        let mut mounted = Vec::with_capacity(new.len());
        for n in &new {
            let m = build(dom, n)?;
            dom.insert(root, &m.node, None)?;
            mounted.push(m);
        }
        Ok(Screen { view: new, mounted })
    }

    /// Changes what `root` shows into `new`. On failure (the document was
    /// not what was rendered) the screen holds `new` but the document is
    /// in between: build it anew.
    pub fn update<D: Dom<Node = N>>(&mut self, dom: &mut D, root: &N, new: Vec<Node>) -> Result<(), DomError> {
        let result = children(dom, root, &self.view, &mut self.mounted, &new);
        self.view = new;
        result
    }

    /// The view element rendered as `node`, if it is one of this screen's.
    pub fn element_of(&self, node: &N) -> Option<&Element>
    where
        N: PartialEq,
    {
        element_of(&self.view, &self.mounted, node)
    }

    /// The handle of the first element (in document order) that `pred`
    /// accepts.
    pub fn find(&self, pred: &dyn Fn(&Element) -> bool) -> Option<&N> {
        find(&self.view, &self.mounted, pred)
    }
}

/// Builds a detached subtree.
pub fn build<D: Dom>(dom: &mut D, n: &Node) -> Result<Mounted<D::Node>, DomError> {
    Ok(match n {
        Node::Text(t) => Mounted { node: dom.text(t), children: Vec::new() },
        Node::Element(e) => {
            let el = dom.element(e.tag);
            for (k, v) in &e.attrs {
                dom.set_attribute(&el, k, v);
            }
            for (k, v) in &e.vars {
                dom.set_var(&el, k, v);
            }
            let mut children = Vec::with_capacity(e.children.len());
            for c in &e.children {
                let m = build(dom, c)?;
                dom.insert(&el, &m.node, None)?;
                children.push(m);
            }
            Mounted { node: el, children }
        }
    })
}

/// Whether `old`'s node can become `new` in place.
fn same_kind(old: &Node, new: &Node) -> bool {
    match (old, new) {
        (Node::Text(_), Node::Text(_)) => true,
        (Node::Element(a), Node::Element(b)) => a.tag == b.tag,
        _ => false,
    }
}

/// The children of `parent`, rendered from `old` with handles `mounted`,
/// become `new`.
fn children<D: Dom>(
    dom: &mut D,
    parent: &D::Node,
    old: &[Node],
    mounted: &mut Vec<Mounted<D::Node>>,
    new: &[Node],
) -> Result<(), DomError> {
    let head = old.iter().zip(new).take_while(|(o, n)| same_kind(o, n)).count();
    let room = old.len().min(new.len()) - head;
    let tail = old.iter().rev().zip(new.iter().rev()).take(room).take_while(|(o, n)| same_kind(o, n)).count();
    for i in 0..head {
        if old[i] != new[i] {
            node(dom, &old[i], &mut mounted[i], &new[i])?;
        }
    }
    for gone in mounted.drain(head..old.len() - tail) {
        dom.remove(parent, &gone.node)?;
    }
    let fresh = &new[head..new.len() - tail];
    if !fresh.is_empty() {
        let before = mounted.get(head).map(|m| m.node.clone());
        let mut built = Vec::with_capacity(fresh.len());
        for n in fresh {
            let m = build(dom, n)?;
            dom.insert(parent, &m.node, before.as_ref())?;
            built.push(m);
        }
        mounted.splice(head..head, built);
    }
    for k in 1..=tail {
        let (o, n) = (&old[old.len() - k], &new[new.len() - k]);
        if o != n {
            let at = mounted.len() - k;
            node(dom, o, &mut mounted[at], n)?;
        }
    }
    Ok(())
}

/// The node rendered from `old` (of the same kind and tag) becomes `new`.
fn node<D: Dom>(dom: &mut D, old: &Node, m: &mut Mounted<D::Node>, new: &Node) -> Result<(), DomError> {
    match (old, new) {
        (Node::Text(_), Node::Text(b)) => dom.set_text(&m.node, b),
        (Node::Element(a), Node::Element(b)) => {
            for (k, v) in &b.attrs {
                if a.get_attr(k) != Some(v.as_str()) {
                    dom.set_attribute(&m.node, k, v);
                }
            }
            for (k, _) in &a.attrs {
                if b.get_attr(k).is_none() {
                    dom.remove_attribute(&m.node, k);
                }
            }
            if a.vars != b.vars {
                for (k, _) in &a.vars {
                    dom.remove_var(&m.node, k);
                }
                for (k, v) in &b.vars {
                    dom.set_var(&m.node, k, v);
                }
            }
            children(dom, &m.node, &a.children, &mut m.children, &b.children)?;
        }
        _ => return Err(DomError("a node changed kind in place".into())),
    }
    Ok(())
}

fn find<'a, N>(view: &[Node], mounted: &'a [Mounted<N>], pred: &dyn Fn(&Element) -> bool) -> Option<&'a N> {
    for (v, m) in view.iter().zip(mounted) {
        if let Node::Element(e) = v {
            if pred(e) {
                return Some(&m.node);
            }
            if let Some(found) = find(&e.children, &m.children, pred) {
                return Some(found);
            }
        }
    }
    None
}

fn element_of<'a, N: PartialEq>(view: &'a [Node], mounted: &[Mounted<N>], node: &N) -> Option<&'a Element> {
    for (v, m) in view.iter().zip(mounted) {
        if let Node::Element(e) = v {
            if m.node == *node {
                return Some(e);
            }
            if let Some(found) = element_of(&e.children, &m.children, node) {
                return Some(found);
            }
        }
    }
    None
}
