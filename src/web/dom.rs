//! [`Dom`] on web-sys: the widget's shadow root and the page's history.

use crate::dom::{Dom, DomError};
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue, UnwrapThrowExt};
use web_sys::{Document, Element, HtmlElement, Node};

const SVG: &str = "http://www.w3.org/2000/svg";
/// The SVG elements the view draws with (none of them is an HTML tag).
const SVG_TAGS: [&str; 6] = ["svg", "g", "line", "path", "text", "title"];
/// The attribute of a top-level tree staged ([`Dom::stage`]).
const STAGED: &str = "data-stage";

/// The page's document, as one widget renders into it.
#[derive(Debug)]
pub struct WebDom {
    document: Document,
    /// This widget's key in `history.state` (its element's id, or `tft`).
    key: JsValue,
}

impl WebDom {
    /// Renders through `document`; history entries are kept under `key`.
    pub fn new(document: Document, key: &str) -> WebDom {
        WebDom { document, key: JsValue::from_str(key) }
    }
}

fn refused(e: JsValue) -> DomError {
    DomError(super::page::describe(&e))
}

impl Dom for WebDom {
    type Node = Node;

    fn element(&mut self, tag: &str) -> Node {
        // The timeline's drawing (view/timeline.rs) is SVG: its elements
        // live in the SVG namespace, or the browser draws nothing.
        let made = if SVG_TAGS.contains(&tag) {
            self.document.create_element_ns(Some(SVG), tag)
        } else {
            self.document.create_element(tag)
        };
        made.expect_throw("tags come from the view and are valid").into()
    }

    fn text(&mut self, text: &str) -> Node {
        self.document.create_text_node(text).into()
    }

    fn set_attribute(&mut self, el: &Node, name: &str, value: &str) {
        // Names come from the view and are valid: this cannot throw.
        let _ = el.unchecked_ref::<Element>().set_attribute(name, value);
    }

    fn remove_attribute(&mut self, el: &Node, name: &str) {
        let _ = el.unchecked_ref::<Element>().remove_attribute(name);
    }

    fn set_var(&mut self, el: &Node, name: &str, value: &str) {
        let _ = el.unchecked_ref::<HtmlElement>().style().set_property(name, value);
    }

    fn remove_var(&mut self, el: &Node, name: &str) {
        let _ = el.unchecked_ref::<HtmlElement>().style().remove_property(name);
    }

    fn set_text(&mut self, node: &Node, text: &str) {
        node.set_node_value(Some(text));
    }

    fn insert(&mut self, parent: &Node, node: &Node, before: Option<&Node>) -> Result<(), DomError> {
        parent.insert_before(node, before).map(drop).map_err(refused)
    }

    fn remove(&mut self, parent: &Node, node: &Node) -> Result<(), DomError> {
        parent.remove_child(node).map(drop).map_err(refused)
    }

    fn stage(&mut self, root: &Node, node: &Node) -> Result<(), DomError> {
        // `[data-stage]` (widget.css): hidden, out of the flow, inside the
        // host's layout and paint containment, so it shifts and shows nothing.
        let _ = node.unchecked_ref::<Element>().set_attribute(STAGED, "");
        root.insert_before(node, None).map(drop).map_err(refused)
    }

    fn lay_out(&mut self, root: &Node) {
        // Reading a box's size lays out what changed, here and now.
        if let Some(host) = host_of(root) {
            let _ = host.unchecked_ref::<HtmlElement>().offset_height();
        }
    }

    fn show(&mut self, root: &Node, nodes: &[Node]) -> Result<(), DomError> {
        // What the reader sees stays where it is on the screen: the host's
        // top when the element is on the screen (Firefox's scroll anchoring
        // would keep the text below in place instead, putting the tracker's
        // top far above the screen once it grows from its fallback), and
        // the page below it when the element is above the screen (`place`:
        // no engine's anchoring kept that text in place here, it moved down
        // by the tracker's height). Below the screen, nothing seen moves.
        let host = host_of(root);
        let before = host.as_ref().map(Element::get_bounding_client_rect);
        match nodes.first() {
            // Staged, they show where they are, laid out already; what the
            // root showed before them goes (the fallback's slot, a view
            // staged before this one).
            Some(first) if first.parent_node().as_ref() == Some(root) => {
                for node in nodes {
                    let _ = node.unchecked_ref::<Element>().remove_attribute(STAGED);
                }
                while let Some(old) = root.first_child().filter(|c| c != first) {
                    root.remove_child(&old).map_err(refused)?;
                }
            }
            _ => {
                let list: js_sys::Array = nodes.iter().collect();
                root.unchecked_ref::<web_sys::DocumentFragment>().replace_children_with_node(&list);
            }
        }
        let (Some(host), Some(before)) = (host, before) else { return Ok(()) };
        let height = web_sys::window().and_then(|w| w.inner_height().ok()?.as_f64()).unwrap_or(0.0);
        if let Some(place) = above_screen(&before) {
            self.keep_place(root, place);
        } else if before.top() < height {
            scroll_by(host.get_bounding_client_rect().top() - before.top());
        }
        Ok(())
    }

    fn place(&self, root: &Node) -> Option<f64> {
        // Read before the change, when the layout is clean: it costs a
        // reader's click nothing.
        above_screen(&host_of(root)?.get_bounding_client_rect())
    }

    fn keep_place(&mut self, root: &Node, place: f64) {
        if let Some(host) = host_of(root) {
            scroll_by(host.get_bounding_client_rect().bottom() - place);
        }
    }

    fn set_value(&mut self, control: &Node, value: &str) {
        // <input> and <select> alike: the live `value` property.
        let key = JsValue::from_str("value");
        if Reflect::get(control, &key).ok().and_then(|v| v.as_string()).as_deref() != Some(value) {
            let _ = Reflect::set(control, &key, &JsValue::from_str(value));
        }
    }

    fn focus(&mut self, el: &Node) {
        let _ = el.unchecked_ref::<HtmlElement>().focus();
    }

    fn focused(&self, root: &Node) -> Option<Node> {
        root.unchecked_ref::<web_sys::ShadowRoot>().active_element().map(Node::from)
    }

    fn select_text(&mut self, control: &Node) {
        // By tag, not `instanceof` (an iframe's elements are its window's).
        if control.node_name() == "INPUT" {
            control.unchecked_ref::<web_sys::HtmlInputElement>().select();
        }
    }

    fn scroll_into_view(&mut self, el: &Node) {
        // Clear of the site's sticky header. The browser applies the page's
        // `scroll-padding-top` itself; the `scroll-margin-top` a site sets on
        // this element is copied to the card, which its CSS cannot reach.
        let el = el.unchecked_ref::<HtmlElement>();
        let root = el.get_root_node();
        let host = (root.node_type() == Node::DOCUMENT_FRAGMENT_NODE)
            .then(|| root.unchecked_into::<web_sys::ShadowRoot>().host());
        let style = host.and_then(|h| web_sys::window()?.get_computed_style(&h).ok().flatten());
        if let Some(margin) = style.and_then(|s| s.get_property_value("scroll-margin-top").ok()) {
            let _ = el.style().set_property("scroll-margin-top", &margin);
        }
        el.scroll_into_view();
    }

    fn history(&mut self, push: bool, fragment: &str) {
        let Some(window) = web_sys::window() else { return };
        let Ok(history) = window.history() else { return };
        // Every other key of the page's (and other widgets') state is kept.
        let entry = Object::new();
        if let Ok(old) = history.state() {
            if old.is_object() {
                Object::assign(&entry, old.unchecked_ref());
            }
        }
        let _ = Reflect::set(&entry, &self.key, &JsValue::from_str(fragment));
        if push {
            // The document's own address (a <base href> must not move it).
            let href = window.location().href().unwrap_or_default();
            let url = format!("{}#{fragment}", href.split('#').next().unwrap_or_default());
            let _ = history.push_state_with_url(&entry, "", Some(&url));
        } else {
            let _ = history.replace_state(&entry, "");
        }
    }
}

/// The element whose shadow root `root` is.
fn host_of(root: &Node) -> Option<Element> {
    root.dyn_ref::<web_sys::ShadowRoot>().map(web_sys::ShadowRoot::host)
}

/// Where the page below an element whose box is `rect` is, when the
/// element is wholly above the screen ([`Dom::place`]).
fn above_screen(rect: &web_sys::DomRect) -> Option<f64> {
    Some(rect.bottom()).filter(|bottom| *bottom <= 0.0)
}

/// Scrolls the page by `moved` pixels down, when that is a pixel or more.
fn scroll_by(moved: f64) {
    if let Some(window) = web_sys::window().filter(|_| moved.abs() >= 1.0) {
        window.scroll_by_with_x_and_y(0.0, moved);
    }
}
