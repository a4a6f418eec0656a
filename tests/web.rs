//! In-browser tests of the web layer in headless Chromium: the diff applied
//! through the web-sys `WebDom` gives the same document as the view, and a
//! `Tracker` on a real element renders its shadow root, adopts its
//! stylesheet and sends typed events. Run with
//! `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use task_force_tracker::dom::patch::Screen;
use task_force_tracker::dom::Dom;
use task_force_tracker::tree::{el, Node};
use task_force_tracker::web::{Tracker, WebDom};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
fn the_diff_through_web_sys_gives_the_document_the_view_describes() {
    let doc = document();
    let host = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let mut dom = WebDom::new(doc.clone(), "t");
    let root: web_sys::Node = host.clone().into();
    let view = |items: &[&str], title: &str| -> Vec<Node> {
        vec![el("section")
            .attr("data-x", title)
            .var("--v", "40%")
            .child(el("h2").text(title))
            .child(el("ul").children(items.iter().map(|i| el("li").text(*i))))
            .into()]
    };
    let mut screen = Screen::build(&mut dom, &root, view(&["a", "b"], "One")).unwrap();
    assert_eq!(
        host.inner_html(),
        r#"<section data-x="One" style="--v: 40%;"><h2>One</h2><ul><li>a</li><li>b</li></ul></section>"#
    );
    let h2 = host.query_selector("h2").unwrap().unwrap();
    screen.update(&mut dom, &root, view(&["z", "a", "b", "c"], "<Two>")).unwrap();
    assert_eq!(
        host.inner_html(),
        r#"<section data-x="&lt;Two&gt;" style="--v: 40%;"><h2>&lt;Two&gt;</h2><ul><li>z</li><li>a</li><li>b</li><li>c</li></ul></section>"#
    );
    assert!(host.query_selector("h2").unwrap().unwrap().is_same_node(Some(&h2)), "updated in place, not rebuilt");
    // Data text is text: nothing was parsed as markup.
    assert!(host.query_selector("Two").unwrap().is_none());
    host.remove();
}

#[wasm_bindgen_test]
fn set_value_changes_what_a_form_control_shows_and_not_its_attribute() {
    let doc = document();
    let host = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let mut dom = WebDom::new(doc.clone(), "t");
    let root: web_sys::Node = host.clone().into();
    let form = vec![el("form")
        .child(el("input").attr("value", "typed"))
        .child(
            el("select")
                .child(el("option").attr("value", "").text("all"))
                .child(el("option").attr("value", "blocked").text("blocked")),
        )
        .into()];
    let screen = Screen::build(&mut dom, &root, form).unwrap();
    let input = &screen.mounted[0].children[0].node;
    let select = &screen.mounted[0].children[1].node;
    let live = |n: &web_sys::Node| js_sys::Reflect::get(n, &"value".into()).unwrap().as_string().unwrap();
    dom.set_value(input, "sewage");
    dom.set_value(select, "blocked");
    assert_eq!(live(input), "sewage", "the reader sees the state's text");
    assert_eq!(live(select), "blocked");
    let input_el: &web_sys::Element = input.unchecked_ref();
    assert_eq!(input_el.get_attribute("value").as_deref(), Some("typed"), "the attribute is only the initial value");
    dom.set_value(select, "");
    assert_eq!(live(select), "", "back to all statuses");
    host.remove();
}

#[wasm_bindgen_test]
async fn a_tracker_renders_the_default_into_its_shadow_root_and_says_so() {
    let doc = document();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    host.set_id("webtest");
    host.set_attribute("lang", "en").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let loads = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let seen = loads.clone();
    let _listener = gloo_events::EventListener::new(&host, "tft-load", move |e| {
        let detail = e.unchecked_ref::<web_sys::CustomEvent>().detail();
        seen.borrow_mut().push(detail);
    });
    // The shim's `getDefaultData`: a promise of the default data's text.
    let default_data = js_sys::Function::new_no_args(&format!(
        "return Promise.resolve({})",
        js_sys::JSON::stringify(&include_str!("../data/dezhou.json").into()).unwrap()
    ));
    let tracker = Tracker::new(host.clone(), JsValue::UNDEFINED, default_data).unwrap();
    // The start runs in tasks of its own: wait for its `tft-load`.
    for _ in 0..200 {
        if !loads.borrow().is_empty() {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    let root = host.shadow_root().expect("a shadow root");
    assert_eq!(root.adopted_style_sheets().length(), 1, "the stylesheet is adopted");
    let tabs = root.query_selector_all("[role=tab]").unwrap();
    assert_eq!(tabs.length(), 5);
    let loads = loads.borrow();
    assert_eq!(loads.len(), 1);
    let count = js_sys::Reflect::get(&loads[0], &"taskForces".into()).unwrap();
    assert_eq!(count.as_f64(), Some(5.0), "the detail is a plain object");
    let summary = tracker.summary();
    let measures = js_sys::Reflect::get(&summary, &"measures".into()).unwrap();
    assert_eq!(measures.as_f64(), Some(23.0));
    drop(tracker);
    host.remove();
}
