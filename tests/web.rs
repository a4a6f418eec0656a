//! In-browser tests of the DOM layer: mount, click, keys, data sources.
//! Run with `cargo test --target wasm32-unknown-unknown` (headless Chromium).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use task_force_tracker::Tracker;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, KeyboardEvent, KeyboardEventInit, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

fn host(attrs: &[(&str, &str)]) -> HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    for (k, v) in attrs {
        el.set_attribute(k, v).unwrap();
    }
    el.set_inner_html("<p class=\"fallback\">fallback</p>");
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

/// A tracker on `el` with the shadow-root listeners the custom element would
/// add; dropping the returned guard removes them again.
struct Mounted {
    tracker: Rc<Tracker>,
    el: HtmlElement,
    forward: Option<Closure<dyn FnMut(web_sys::Event)>>,
}

impl Mounted {
    fn new(el: &HtmlElement) -> Mounted {
        let tracker = Rc::new(Tracker::new(el.clone()).unwrap());
        let t = tracker.clone();
        let forward = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            t.handle(&e);
        });
        for kind in ["click", "keydown", "input", "change"] {
            root(el).add_event_listener_with_callback(kind, forward.as_ref().unchecked_ref()).unwrap();
        }
        Mounted { tracker, el: el.clone(), forward: Some(forward) }
    }

    fn unlisten(&mut self) {
        if let Some(f) = self.forward.take() {
            for kind in ["click", "keydown", "input", "change"] {
                root(&self.el).remove_event_listener_with_callback(kind, f.as_ref().unchecked_ref()).unwrap();
            }
        }
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.unlisten();
    }
}

impl std::ops::Deref for Mounted {
    type Target = Tracker;
    fn deref(&self) -> &Tracker {
        &self.tracker
    }
}

fn root(el: &HtmlElement) -> ShadowRoot {
    el.shadow_root().expect("shadow root attached")
}

fn tabs(el: &HtmlElement) -> Vec<HtmlElement> {
    let list = root(el).query_selector_all("[role=tab]").unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

fn selected_name(el: &HtmlElement) -> String {
    root(el).query_selector("[role=tab][aria-selected=true] .tab-name").unwrap().unwrap().text_content().unwrap()
}

fn visible_panel_text(el: &HtmlElement) -> String {
    root(el).query_selector("[role=tabpanel]:not([hidden])").unwrap().unwrap().text_content().unwrap()
}

fn key(target: &HtmlElement, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

fn active_tab_name(el: &HtmlElement) -> Option<String> {
    let active = root(el).active_element()?;
    Some(active.query_selector(".tab-name").ok()??.text_content().unwrap_or_default())
}

#[wasm_bindgen_test]
fn renders_the_embedded_default_and_replaces_the_fallback() {
    let el = host(&[("lang", "zh-CN")]);
    let t = Mounted::new(&el);
    t.load_own();
    let r = root(&el);
    assert!(r.query_selector("slot").unwrap().is_none(), "fallback slot removed once rendered");
    assert_eq!(tabs(&el).len(), 5);
    assert_eq!(selected_name(&el), "产业振兴");
    assert!(visible_panel_text(&el).contains("深入推进农业供给侧结构性改革"));
    assert!(r.text_content().unwrap().contains("示例数据"));
    drop(t);
    el.remove();
}

#[wasm_bindgen_test]
fn clicking_a_tab_selects_it_until_the_listeners_go() {
    let el = host(&[]);
    let t = Mounted::new(&el);
    t.load_own();
    tabs(&el)[3].click();
    assert_eq!(selected_name(&el), "生态振兴");
    assert!(visible_panel_text(&el).contains("农村改厕规范升级和后续管护"));
    let tab = &tabs(&el)[3];
    assert_eq!(tab.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(tabs(&el)[0].get_attribute("tabindex").as_deref(), Some("-1"));

    drop(t);
    tabs(&el)[1].click();
    assert_eq!(selected_name(&el), "生态振兴", "without listeners nothing changes");
    el.remove();
}

#[wasm_bindgen_test]
fn arrow_home_end_move_selection_and_focus_with_wrap() {
    let el = host(&[]);
    let t = Mounted::new(&el);
    t.load_own();
    tabs(&el)[0].focus().unwrap();
    key(&tabs(&el)[0], "ArrowLeft");
    assert_eq!(selected_name(&el), "组织振兴", "Left wraps to the last tab");
    assert_eq!(active_tab_name(&el).as_deref(), Some("组织振兴"), "focus follows");
    key(&tabs(&el)[4], "ArrowRight");
    assert_eq!(selected_name(&el), "产业振兴", "Right wraps to the first tab");
    key(&tabs(&el)[0], "End");
    assert_eq!(selected_name(&el), "组织振兴");
    key(&tabs(&el)[4], "Home");
    assert_eq!(selected_name(&el), "产业振兴");
    key(&tabs(&el)[0], "a");
    assert_eq!(selected_name(&el), "产业振兴", "other keys do nothing");
    drop(t);
    el.remove();
}

#[wasm_bindgen_test]
fn selected_and_lang_attributes_apply_live() {
    let el = host(&[("selected", "culture"), ("lang", "en")]);
    let t = Mounted::new(&el);
    t.load_own();
    assert_eq!(selected_name(&el), "Culture");
    el.set_attribute("lang", "zh-TW").unwrap();
    t.attribute_changed("lang", Some("zh-TW".into()));
    assert_eq!(selected_name(&el), "文化振兴");
    assert!(root(&el).text_content().unwrap().contains("資料截至"));
    el.set_attribute("selected", "talent").unwrap();
    t.attribute_changed("selected", Some("talent".into()));
    assert_eq!(selected_name(&el), "人才振兴");
    drop(t);
    el.remove();
}

#[wasm_bindgen_test]
fn invalid_data_shows_the_path_and_keeps_nothing_broken() {
    let el = host(&[("lang", "en")]);
    let t = Mounted::new(&el);
    let bad = js_sys::JSON::parse(
        r#"{"title":"x","asOf":"2020-01-01","taskForces":[{"id":"a","name":"A","measures":[{"id":"m","title":"t","status":"finished"}]}]}"#,
    )
    .unwrap();
    t.set_data(bad);
    let text = root(&el).text_content().unwrap();
    assert!(text.contains("Could not load the progress data"), "{text}");
    assert!(text.contains("element.data"), "{text}");
    assert!(text.contains("taskForces[0].measures[0].status"), "{text}");
    assert!(text.contains("found the string \"finished\""), "{text}");

    // Good data afterwards replaces the error.
    let good = js_sys::JSON::parse(
        r#"{"title":"Ok","asOf":"2020-01-01","taskForces":[{"id":"a","name":"A","measures":[{"id":"m","title":"Fix roads","status":"completed"}]}]}"#,
    )
    .unwrap();
    t.set_data(good);
    assert!(visible_panel_text(&el).contains("Fix roads"));
    // And a later bad value keeps the good data, with a notice.
    t.set_data(JsValue::from_str("not an object"));
    let text = root(&el).text_content().unwrap();
    assert!(text.contains("Fix roads"), "last good data kept: {text}");
    assert!(text.contains("Update failed"), "{text}");
    drop(t);
    el.remove();
}

#[wasm_bindgen_test]
fn fetch_failures_name_the_source_and_keep_good_data() {
    let el = host(&[("lang", "en")]);
    let t = Mounted::new(&el);
    t.fail("http", "404", "/no-such-file.json");
    let text = root(&el).text_content().unwrap();
    assert!(text.contains("/no-such-file.json") && text.contains("HTTP 404"), "{text}");
    t.deliver(task_force_tracker::default_programme_json(), "/data.json");
    t.fail("timeout", "10", "/data.json");
    let text = root(&el).text_content().unwrap();
    assert!(text.contains("Industry"), "last good data kept: {text}");
    assert!(text.contains("no answer within 10 seconds"), "{text}");
    t.fail("too-large", "12582912", "/data.json");
    assert!(root(&el).text_content().unwrap().contains("larger than the 12 MB limit"));
    drop(t);
    el.remove();
}
