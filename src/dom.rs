//! Copies a view tree into the DOM, touching only what differs from the tree
//! rendered before.
//!
//! Children are matched by position: an element with the same tag at the same
//! place is updated in place (so focus and scroll stay put), anything else is
//! replaced. Text is only ever set as text: there is no `innerHTML` here.
//!
//! New subtrees are built in one call: the tree is written as a compact list
//! of operations and `build` (below, in JS) creates the nodes with
//! `createElement`, `setAttribute`, `style.setProperty` and
//! `createTextNode`. One crossing of the wasm/JS boundary per subtree instead
//! of one per node and attribute made the first render about twice as fast.

use crate::view::Node as VNode;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlElement, Node};

// Operation codes; a payload runs until the next character below 8.
const OPEN: char = '\u{1}';
const ATTR: char = '\u{2}';
const VALUE: char = '\u{3}';
const VAR: char = '\u{4}';
const VAR_VALUE: char = '\u{5}';
const TEXT: char = '\u{6}';
const CLOSE: char = '\u{7}';

#[wasm_bindgen(inline_js = r#"
export function tft_build(doc, ops) {
  const root = doc.createDocumentFragment();
  const stack = [root];
  let el = root, name = '', i = 0;
  const n = ops.length;
  while (i < n) {
    const op = ops.charCodeAt(i++);
    let j = i;
    while (j < n && ops.charCodeAt(j) > 7) j++;
    const s = ops.slice(i, j);
    i = j;
    switch (op) {
      case 1: el = doc.createElement(s); stack[stack.length - 1].appendChild(el); stack.push(el); break;
      case 2: case 4: name = s; break;
      case 3: el.setAttribute(name, s); break;
      case 5: el.style.setProperty(name, s); break;
      case 6: stack[stack.length - 1].appendChild(doc.createTextNode(s)); break;
      case 7: stack.pop(); el = stack[stack.length - 1]; break;
    }
  }
  return root.firstChild;
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn tft_build(doc: &Document, ops: &str) -> Result<Node, JsValue>;
}

/// Builds DOM for `n`.
pub fn create(doc: &Document, n: &VNode) -> Result<Node, JsValue> {
    let mut ops = String::new();
    encode(&mut ops, n);
    tft_build(doc, &ops)
}

/// Writes `n` as build operations. Characters below 8 cannot appear in a
/// payload; in data text they are invisible anyway and become U+FFFD.
fn encode(out: &mut String, n: &VNode) {
    let payload = |out: &mut String, s: &str| {
        if s.bytes().any(|b| b < 8) {
            out.extend(s.chars().map(|c| if (c as u32) < 8 { '\u{fffd}' } else { c }));
        } else {
            out.push_str(s);
        }
    };
    match n {
        VNode::Text(t) => {
            out.push(TEXT);
            payload(out, t);
        }
        VNode::Element(e) => {
            out.push(OPEN);
            out.push_str(e.tag);
            for (k, v) in &e.attrs {
                out.push(ATTR);
                out.push_str(k);
                out.push(VALUE);
                payload(out, v);
            }
            for (k, v) in &e.vars {
                out.push(VAR);
                out.push_str(k);
                out.push(VAR_VALUE);
                payload(out, v);
            }
            e.children.iter().for_each(|c| encode(out, c));
            out.push(CLOSE);
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
