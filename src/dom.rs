//! Copies a view tree into the DOM, touching only what differs from the tree
//! rendered before.
//!
//! Children are matched by position: an element with the same tag at the same
//! place is updated in place (so focus and scroll stay put), anything else is
//! replaced. Text is only ever set as text: there is no `innerHTML` here.

use crate::view::Node as VNode;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlElement, Node};

/// Builds DOM for `n`.
pub fn create(doc: &Document, n: &VNode) -> Result<Node, JsValue> {
    match n {
        VNode::Text(t) => Ok(doc.create_text_node(t).into()),
        VNode::Element(e) => {
            let el = doc.create_element(e.tag)?;
            for (k, v) in &e.attrs {
                el.set_attribute(k, v)?;
            }
            if !e.vars.is_empty() {
                let style = el.unchecked_ref::<HtmlElement>().style();
                for (k, v) in &e.vars {
                    style.set_property(k, v)?;
                }
            }
            for c in &e.children {
                el.append_child(&create(doc, c)?)?;
            }
            Ok(el.into())
        }
    }
}

/// Makes `parent`'s children, which were rendered from `old`, match `new`.
pub fn patch_children(doc: &Document, parent: &Node, old: &[VNode], new: &[VNode]) -> Result<(), JsValue> {
    let mut cur = parent.first_child();
    for (i, n) in new.iter().enumerate() {
        match (cur, old.get(i)) {
            (Some(dom), Some(o)) => {
                cur = dom.next_sibling();
                patch(doc, parent, &dom, o, n)?;
            }
            (dom, _) => {
                parent.insert_before(&create(doc, n)?, dom.as_ref())?;
                cur = dom;
            }
        }
    }
    while let Some(dom) = cur {
        cur = dom.next_sibling();
        parent.remove_child(&dom)?;
    }
    Ok(())
}

fn patch(doc: &Document, parent: &Node, dom: &Node, old: &VNode, new: &VNode) -> Result<(), JsValue> {
    match (old, new) {
        (VNode::Text(a), VNode::Text(b)) => {
            if a != b {
                dom.set_node_value(Some(b));
            }
        }
        (VNode::Element(a), VNode::Element(b)) if a.tag == b.tag => {
            let el = dom.unchecked_ref::<HtmlElement>();
            for (k, v) in &b.attrs {
                if a.get_attr(k) != Some(v.as_str()) {
                    el.set_attribute(k, v)?;
                }
            }
            for (k, _) in &a.attrs {
                if b.get_attr(k).is_none() {
                    el.remove_attribute(k)?;
                }
            }
            if a.vars != b.vars {
                let style = el.style();
                for (k, _) in &a.vars {
                    style.remove_property(k)?;
                }
                for (k, v) in &b.vars {
                    style.set_property(k, v)?;
                }
            }
            patch_children(doc, dom, &a.children, &b.children)?;
        }
        _ => {
            parent.replace_child(&create(doc, new)?, dom)?;
        }
    }
    Ok(())
}
