//! Applies a view tree to a [`Dom`]: the first render builds it detached
//! (in slices when asked, see [`Building`]) and shows it in one change;
//! every later one changes only what differs from the tree shown.
//!
//! Each rendered node keeps its handle ([`Mounted`]), so an update reaches
//! the nodes it changes directly, without walking the page. Children are
//! matched from both ends: an element with the same tag at the same place
//! from the start or from the end is updated in place (so focus, scroll and
//! form state stay put; a notice inserted above the tracker does not
//! rebuild it), an identical subtree is skipped, and what is left in the
//! middle is removed and built anew, detached, then inserted whole.
//!
//! Shared subtrees ([`Node::Shared`], a task force's panel) can be built
//! ahead, detached, while the page is idle ([`Screen::build_ahead`]); an
//! update that shows one inserts what was built, and one it removes is kept
//! for the next time, as long as the view still holds it.

use super::{Dom, DomError};
use crate::tree::{Element, Node};
use std::rc::Rc;

/// A rendered node's handle in the document, with its children's.
#[derive(Debug, Clone)]
pub struct Mounted<N> {
    /// The node in the document.
    pub node: N,
    /// Its children, in order.
    pub children: Vec<Mounted<N>>,
}

/// Shared subtrees built and not shown, by identity.
type Ready<N> = Vec<(Rc<Element>, Mounted<N>)>;

/// What a document's root shows: the view trees last applied and their
/// nodes' handles (one [`Mounted`] per top-level tree).
#[derive(Debug)]
pub struct Screen<N> {
    /// The view trees, as rendered.
    pub view: Vec<Node>,
    /// Their nodes in the document.
    pub mounted: Vec<Mounted<N>>,
    /// Shared subtrees built ahead (or shown before), detached.
    ready: Ready<N>,
    /// The shared subtree being built ahead.
    ahead: Option<(Rc<Element>, Building<N>)>,
}

/// View trees being built, a few nodes at a time, to be shown in one
/// change once complete ([`Building::show`]): detached, or staged in the
/// root ([`Dom::stage`]), where the browser lays out each slice as it is
/// built.
#[derive(Debug)]
pub struct Building<N> {
    nodes: Vec<Node>,
    /// The root the top-level trees are staged in, if they are.
    staged_in: Option<N>,
    /// The top-level trees built.
    done: Vec<Mounted<N>>,
    /// The elements open, outermost first, each with the children built so
    /// far: the next node to build is child `children.len()` of the last.
    open: Vec<Mounted<N>>,
}

impl<N: Clone> Building<N> {
    /// Starts building `nodes`, detached.
    pub fn new(nodes: Vec<Node>) -> Building<N> {
        Building { nodes, staged_in: None, done: Vec::new(), open: Vec::new() }
    }

    /// Starts building `nodes`, staged in `root`.
    pub fn staged(root: &N, nodes: Vec<Node>) -> Building<N> {
        Building { staged_in: Some(root.clone()), ..Building::new(nodes) }
    }

    /// Builds up to `budget` more nodes (and lays out what is staged);
    /// true when all are built.
    pub fn step<D: Dom<Node = N>>(&mut self, dom: &mut D, budget: usize) -> Result<bool, DomError> {
        let done = self.build(dom, &mut { budget })?;
        if let Some(root) = &self.staged_in {
            dom.lay_out(root);
        }
        Ok(done)
    }

    /// Builds nodes while `left` is above zero, counting them down. Each
    /// joins its parent as it is made (a top-level one is staged, when
    /// staging), so what is staged is laid out a slice at a time.
    fn build<D: Dom<Node = N>>(&mut self, dom: &mut D, left: &mut usize) -> Result<bool, DomError> {
        loop {
            let (list, next) = cursor(&self.nodes, &self.open, self.done.len());
            let Some(n) = list.get(next) else {
                match self.open.pop() {
                    Some(m) => self.close(m),
                    None => return Ok(true),
                }
                continue;
            };
            if *left == 0 {
                return Ok(false);
            }
            *left -= 1;
            let (node, open) = match n {
                Node::Text(t) => (dom.text(t), false),
                Node::Element(e) => (create(dom, e), true),
                Node::Shared(e) => (create(dom, e), true),
            };
            match (self.open.last(), &self.staged_in) {
                (Some(parent), _) => dom.insert(&parent.node, &node, None)?,
                (None, Some(root)) => dom.stage(root, &node)?,
                (None, None) => {}
            }
            let m = Mounted { node, children: Vec::new() };
            if open {
                self.open.push(m);
            } else {
                self.close(m);
            }
        }
    }

    /// A finished node takes its place among its parent's (or the top
    /// level's) built children.
    fn close(&mut self, m: Mounted<N>) {
        match self.open.last_mut() {
            Some(parent) => parent.children.push(m),
            None => self.done.push(m),
        }
    }

    /// Finishes the build and shows it in `root`, in place of whatever
    /// else the root showed, in one change.
    pub fn show<D: Dom<Node = N>>(mut self, dom: &mut D, root: &N) -> Result<Screen<N>, DomError> {
        self.build(dom, &mut { usize::MAX })?;
        let nodes: Vec<N> = self.done.iter().map(|m| m.node.clone()).collect();
        dom.show(root, &nodes)?;
        Ok(Screen { view: self.nodes, mounted: self.done, ready: Vec::new(), ahead: None })
    }
}

/// The children list of the innermost open element (the top level when
/// none is) and the index of the next node to build in it.
fn cursor<'a, N>(nodes: &'a [Node], open: &[Mounted<N>], done: usize) -> (&'a [Node], usize) {
    let (mut list, mut next) = (nodes, done);
    for m in open {
        list = list[next].element().map_or(&[], |e| e.children.as_slice());
        next = m.children.len();
    }
    (list, next)
}

/// A new, detached element with the attributes and properties of `e`.
fn create<D: Dom>(dom: &mut D, e: &Element) -> D::Node {
    let el = dom.element(e.tag);
    for (k, v) in &e.attrs {
        dom.set_attribute(&el, k, v);
    }
    for (k, v) in &e.vars {
        dom.set_var(&el, k, v);
    }
    el
}

impl<N: Clone> Screen<N> {
    /// Renders `new` into `root`, in place of whatever it showed (the
    /// light-DOM fallback's slot).
    pub fn build<D: Dom<Node = N>>(dom: &mut D, root: &N, new: Vec<Node>) -> Result<Screen<N>, DomError> {
        Building::new(new).show(dom, root)
    }

    /// Changes what `root` shows into `new`. On failure (the document was
    /// not what was rendered) the screen holds `new` but the document is
    /// in between: build it anew.
    pub fn update<D: Dom<Node = N>>(&mut self, dom: &mut D, root: &N, new: Vec<Node>) -> Result<(), DomError> {
        let result = children(dom, root, &self.view, &mut self.mounted, &new, &mut self.ready);
        self.view = new;
        // What no view holds any more will not be shown again.
        self.ready.retain(|(e, _)| Rc::strong_count(e) > 1);
        result
    }

    /// Builds `shared` (subtrees a later render may show) detached, up to
    /// `budget` nodes in this call; true when every one is built.
    pub fn build_ahead<D: Dom<Node = N>>(
        &mut self,
        dom: &mut D,
        shared: &[Rc<Element>],
        budget: usize,
    ) -> Result<bool, DomError> {
        let is_ready = |ready: &Ready<N>, e: &Rc<Element>| ready.iter().any(|(r, _)| Rc::ptr_eq(r, e));
        // What no view holds any more will not be shown again.
        self.ready.retain(|(e, _)| Rc::strong_count(e) > 1);
        // Only what is still wanted.
        if let Some((e, _)) = &self.ahead {
            if !shared.iter().any(|s| Rc::ptr_eq(s, e)) {
                self.ahead = None;
            }
        }
        let mut left = budget;
        loop {
            if self.ahead.is_none() {
                let Some(next) = shared.iter().find(|e| !is_ready(&self.ready, e)) else { return Ok(true) };
                self.ahead = Some((next.clone(), Building::new(vec![Node::Shared(next.clone())])));
            }
            if left == 0 {
                return Ok(false);
            }
            let Some((e, mut building)) = self.ahead.take() else { continue };
            if building.build(dom, &mut left)? {
                if let Some(m) = building.done.pop() {
                    self.ready.push((e, m));
                }
            } else {
                self.ahead = Some((e, building));
                return Ok(false);
            }
        }
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

/// Builds a detached subtree; a shared one built ahead is taken as it is.
fn build<D: Dom>(dom: &mut D, n: &Node, ready: &mut Ready<D::Node>) -> Result<Mounted<D::Node>, DomError> {
    if let Node::Shared(e) = n {
        if let Some(at) = ready.iter().position(|(r, _)| Rc::ptr_eq(r, e)) {
            return Ok(ready.swap_remove(at).1);
        }
    }
    let e: &Element = match n {
        Node::Text(t) => return Ok(Mounted { node: dom.text(t), children: Vec::new() }),
        Node::Element(e) => e,
        Node::Shared(e) => e,
    };
    let el = create(dom, e);
    let mut children = Vec::with_capacity(e.children.len());
    for c in &e.children {
        let m = build(dom, c, ready)?;
        dom.insert(&el, &m.node, None)?;
        children.push(m);
    }
    Ok(Mounted { node: el, children })
}

/// Whether `old`'s node can become `new` in place.
fn same_kind(old: &Node, new: &Node) -> bool {
    match (old.element(), new.element()) {
        (None, None) => true,
        (Some(a), Some(b)) => a.tag == b.tag,
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
    ready: &mut Ready<D::Node>,
) -> Result<(), DomError> {
    let head = old.iter().zip(new).take_while(|(o, n)| same_kind(o, n)).count();
    let room = old.len().min(new.len()) - head;
    let tail = old.iter().rev().zip(new.iter().rev()).take(room).take_while(|(o, n)| same_kind(o, n)).count();
    for i in 0..head {
        if old[i] != new[i] {
            node(dom, &old[i], &mut mounted[i], &new[i], ready)?;
        }
    }
    let gone = head..old.len() - tail;
    for (o, m) in old[gone.clone()].iter().zip(mounted.drain(gone)) {
        dom.remove(parent, &m.node)?;
        if let Node::Shared(e) = o {
            // Kept, detached, for when it shows again.
            ready.push((e.clone(), m));
        }
    }
    let fresh = &new[head..new.len() - tail];
    if !fresh.is_empty() {
        let before = mounted.get(head).map(|m| m.node.clone());
        let mut built = Vec::with_capacity(fresh.len());
        for n in fresh {
            let m = build(dom, n, ready)?;
            dom.insert(parent, &m.node, before.as_ref())?;
            built.push(m);
        }
        mounted.splice(head..head, built);
    }
    for k in 1..=tail {
        let (o, n) = (&old[old.len() - k], &new[new.len() - k]);
        if o != n {
            let at = mounted.len() - k;
            node(dom, o, &mut mounted[at], n, ready)?;
        }
    }
    Ok(())
}

/// The node rendered from `old` (of the same kind and tag) becomes `new`.
fn node<D: Dom>(
    dom: &mut D,
    old: &Node,
    m: &mut Mounted<D::Node>,
    new: &Node,
    ready: &mut Ready<D::Node>,
) -> Result<(), DomError> {
    let (a, b) = match (old, new) {
        (Node::Text(_), Node::Text(b)) => {
            dom.set_text(&m.node, b);
            return Ok(());
        }
        _ => match (old.element(), new.element()) {
            (Some(a), Some(b)) => (a, b),
            _ => return Err(DomError("a node changed kind in place".into())),
        },
    };
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
    children(dom, &m.node, &a.children, &mut m.children, &b.children, ready)
}

fn find<'a, N>(view: &[Node], mounted: &'a [Mounted<N>], pred: &dyn Fn(&Element) -> bool) -> Option<&'a N> {
    for (v, m) in view.iter().zip(mounted) {
        if let Some(e) = v.element() {
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
        if let Some(e) = v.element() {
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
