//! Listening: to the reader in the shadow root (clicks, keys, typing, each
//! on a control carrying its action), to the page (Back and Forward, links
//! to a fragment, printing, the tab coming back into view); and the
//! clipboard a reader's "copy link" asks for.

use super::page;
use super::widget::Widget;
use crate::controller::Input;
use crate::view::act::{self, Act};
use gloo_events::{EventListener, EventListenerOptions};
use js_sys::Reflect;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, KeyboardEvent, VisibilityState};

impl Widget {
    /// Listens to the reader (in the shadow root) and to the page. The
    /// listeners live as long as the widget.
    pub fn listen(self: &Rc<Self>) {
        let mut listeners = Vec::new();
        for kind in ["click", "keydown", "input", "change", "compositionend"] {
            let weak = Rc::downgrade(self);
            let options = EventListenerOptions::enable_prevent_default();
            listeners.push(EventListener::new_with_options(&self.root, kind, options, move |e| {
                if let Some(w) = weak.upgrade() {
                    w.guard(|w| w.on_reader(e));
                }
            }));
        }
        let Some(window) = web_sys::window() else { return };
        for kind in ["popstate", "hashchange", "beforeprint", "afterprint"] {
            let weak = Rc::downgrade(self);
            listeners.push(EventListener::new(&window, kind, move |e| {
                if let Some(w) = weak.upgrade() {
                    w.guard(|w| w.on_page(e));
                }
            }));
        }
        if let Some(document) = window.document() {
            let weak = Rc::downgrade(self);
            listeners.push(EventListener::new(&document, "visibilitychange", move |_| {
                if let Some(w) = weak.upgrade() {
                    w.guard(|w| {
                        let visible =
                            w.host.owner_document().is_some_and(|d| d.visibility_state() == VisibilityState::Visible);
                        if w.due_while_hidden.get() && visible {
                            w.refresh_now();
                        }
                    });
                }
            }));
        }
        self.listeners.set(listeners);
    }

    fn on_reader(self: &Rc<Self>, e: &Event) {
        // Checked by node type, not `instanceof`: in an iframe the nodes and
        // events come from that window's constructors.
        let Some(target) = e.target().map(|t| t.unchecked_into::<web_sys::Node>()) else { return };
        if target.node_type() != web_sys::Node::ELEMENT_NODE {
            return;
        }
        let target = target.unchecked_into::<Element>();
        let Some(el) = target.closest(&format!("[{}]", act::ATTR)).ok().flatten() else { return };
        let Some(act) = el.get_attribute(act::ATTR).as_deref().and_then(Act::from_name) else { return };
        let arg = el.get_attribute(act::ARG).unwrap_or_default();
        match e.type_().as_str() {
            "click" => self.run_for(Some(e), |c| c.input(Input::Click { act, arg: &arg })),
            "keydown" => {
                let k = e.unchecked_ref::<KeyboardEvent>(); // a keydown event is one
                let modified = k.alt_key() || k.ctrl_key() || k.meta_key();
                let key = k.key();
                self.run_for(Some(e), |c| c.input(Input::Key { act, arg: &arg, key: &key, modified }));
            }
            _ => {
                // Wait for an input method (pinyin, zhuyin…) to commit.
                if Reflect::get(e, &"isComposing".into()).ok().and_then(|v| v.as_bool()) == Some(true) {
                    return;
                }
                let value = Reflect::get(&el, &"value".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
                self.run_for(Some(e), |c| c.input(Input::Value { act, value: &value }));
            }
        }
    }

    fn on_page(self: &Rc<Self>, e: &Event) {
        match e.type_().as_str() {
            "popstate" => {
                let key = self.ctl.borrow().state().id_prefix.clone();
                let state = Reflect::get(e, &"state".into()).unwrap_or(JsValue::UNDEFINED);
                let saved = if state.is_object() { Reflect::get(&state, &key.into()).ok() } else { None };
                let fragment = saved.and_then(|s| s.as_string()).unwrap_or_else(page::page_hash);
                self.run_for(Some(e), |c| c.input(Input::PopState(&fragment)));
            }
            "hashchange" => {
                let hash = page::page_hash();
                self.run_for(Some(e), |c| c.input(Input::HashChange(&hash)));
            }
            kind => {
                let before = kind == "beforeprint";
                self.run_for(Some(e), |c| c.input(Input::Print(before)));
            }
        }
    }

    /// Puts the page's URL with `fragment` on the clipboard; the reader is
    /// told whether it worked, and given the link to copy when it did not
    /// (or where there is no clipboard).
    pub fn copy(self: &Rc<Self>, fragment: String) {
        let url = format!("{}#{fragment}", page::page_url());
        // Plain-http pages have no `navigator.clipboard`, older WebViews one
        // without `writeText`, and a call may throw: all are "not copied".
        let written = web_sys::window()
            .and_then(|w| Reflect::get(&w.navigator(), &"clipboard".into()).ok())
            .filter(JsValue::is_object)
            .and_then(|clipboard| {
                let write = Reflect::get(&clipboard, &"writeText".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
                write.call1(&clipboard, &JsValue::from_str(&url)).ok()
            });
        let Some(written) = written else {
            self.run(|c| c.copied(false, &url));
            return;
        };
        let written = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&written));
        let weak = Rc::downgrade(self);
        super::guard::spawn(self, async move {
            let ok = written.await.is_ok();
            if let Some(w) = weak.upgrade() {
                w.run(|c| c.copied(ok, &url));
            }
        });
    }
}
