//! In-browser tests of the wasm export: the `Tracker` the element drives,
//! with strings crossing the real wasm-bindgen boundary in headless
//! Chromium. What the operations do to a page is tested natively
//! (tests/controller.rs) and end to end (tests/e2e/).
//! Run with `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use task_force_tracker::patch::op;
use task_force_tracker::{styles, Tracker};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn events(ops: &str) -> Vec<&str> {
    ops.split(op::EVENT).skip(1).map(|e| e.split(op::VALUE).next().unwrap_or_default()).collect()
}

#[wasm_bindgen_test]
fn the_default_renders_in_one_call_with_its_load_event() {
    let t = Tracker::new("tft", None);
    assert!(t.call("setLang", Some("zh-CN".into()), None, None, None).is_empty(), "nothing to render before data");
    let ops = t.call("loadOwn", None, Some(String::new()), None, None);
    assert!(ops.starts_with(op::HISTORY), "history is written before the DOM is patched");
    assert!(ops.find(op::CLEAR) < ops.find(op::OPEN), "the first render replaces the fallback");
    assert!(ops.contains("产业振兴") && ops.contains("示例数据"), "Chinese text crosses intact");
    assert_eq!(events(&ops), ["tft-load"]);
    assert!(!ops.contains(op::CONTINUE));
    assert!(styles().contains(":host"));
}

#[wasm_bindgen_test]
fn input_comes_back_as_a_patch_and_an_event() {
    let t = Tracker::new("news", None);
    t.call("setLang", Some("en".into()), None, None, None);
    t.call("loadOwn", None, Some(String::new()), None, None);
    let ops = t.call("event", Some("click".into()), Some("tab".into()), Some("3".into()), Some("".into()));
    assert!(!ops.contains(op::CLEAR) && ops.contains(op::ENTER), "an update patches in place");
    assert_eq!(events(&ops), ["tft-select"]);
    assert!(ops.contains("news-ecology"));
    let ops = t.call("event", Some("keydown".into()), Some("tab".into()), Some("3".into()), Some("Home".into()));
    assert!(ops.contains(op::PREVENT) && ops.contains(op::FOCUS));
    assert!(t
        .call("event", Some("click".into()), Some("nothing-here".into()), Some("".into()), Some("".into()))
        .is_empty());
    assert!(t.export_body("csv").contains("Industry"));
}

#[wasm_bindgen_test]
fn bad_data_and_failures_become_messages_not_traps() {
    let t = Tracker::new("tft", None);
    t.call("setLang", Some("en".into()), None, None, None);
    let ops = t.call("setData", Some("{\"title\": [}".into()), Some(String::new()), None, None);
    assert!(ops.contains("not valid JSON") && ops.contains("line 1, column 12"), "{ops}");
    assert_eq!(events(&ops), ["tft-error"]);
    let ops =
        t.deliver("\u{feff}{\"title\":\"\\u0001x\",\"asOf\":\"2020-02-30\",\"taskForces\":[]}".into(), "/d.json", "");
    assert!(ops.contains("asOf") && ops.contains("/d.json"), "{ops}");
    assert!(ops.contains("line 1, column"), "a byte-order mark does not shift columns: {ops}");
    let ops = t.call("fail", Some("too-large".into()), Some("12582912".into()), Some("/d.json".into()), None);
    assert!(ops.contains("larger than the 12 MB limit"));
    t.call("loadOwn", None, Some(String::new()), None, None);
    let ops = t.call("fail", Some("http".into()), Some("500".into()), Some("/d.json".into()), None);
    assert!(ops.contains("HTTP 500") && ops.contains("Update failed"), "{ops}");
    assert!(!ops.contains(op::CLEAR) && !ops.contains("Industry"), "a notice is patched in above the data kept");
}

#[wasm_bindgen_test]
fn a_large_file_takes_several_steps() {
    let measure =
        |i: usize| format!(r#"{{"id":"m{i}","title":"第 {i} 项措施，推进农村人居环境整治","status":"on-track"}}"#);
    let list: Vec<String> = (0..4000).map(measure).collect();
    let tfs: Vec<String> =
        (0..5).map(|t| format!(r#"{{"id":"t{t}","name":"T{t}","measures":[{}]}}"#, list.join(","))).collect();
    let text = format!(r#"{{"title":"Big","asOf":"2021-06-30","taskForces":[{}]}}"#, tfs.join(","));
    let t = Tracker::new("tft", None);
    let mut ops = t.deliver(text.into_bytes(), "/big.json", "");
    let mut steps = 1;
    while ops.ends_with(op::CONTINUE) {
        ops = t.call("step", None, None, None, None);
        steps += 1;
    }
    assert!(steps >= 5, "{steps} steps");
    assert_eq!(events(&ops), ["tft-load"]);
    assert!(ops.contains("\"measures\":20000"));
}
