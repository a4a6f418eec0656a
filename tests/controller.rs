//! The widget's behaviour, natively: a [`Controller`] driven by the inputs
//! the page forwards, rendering into the in-memory [`MockDom`] through the
//! same `Dom` interface and diff that edit the page in a browser. After
//! every step the document must show exactly the view tree the controller
//! says it shows, so a wrong diff fails here, not in a browser.
#![cfg(not(target_arch = "wasm32"))]

use task_force_tracker::controller::{Controller, Effect, HostEvent, Input, Source, FIRST_PAINT, STEP_BYTES};
use task_force_tracker::default_programme_json;
use task_force_tracker::dom::mock::{normalized_html, MockDom};
use task_force_tracker::model::LoadError;
use task_force_tracker::tree::{Element, Node};
use task_force_tracker::view::act::Act;
use task_force_tracker::view::state::PAGE;

const EMBEDDED: Source = Source::Embedded;

/// A data file at `path`.
fn url(path: &str) -> Source {
    Source::Url(path.into())
}

/// A controller and its document; every call checks the document against
/// the view and keeps the effects of the last call.
struct Widget {
    c: Controller<MockDom>,
    effects: Vec<Effect>,
}

impl Widget {
    fn new(prefix: &str, selected: Option<&str>, lang: &str) -> Widget {
        let dom = MockDom::new();
        let root = dom.root();
        let mut w = Widget { c: Controller::new(dom, root, prefix, selected.map(String::from)), effects: Vec::new() };
        let fx = w.c.set_lang(Some(lang), None);
        w.run(fx);
        w
    }
    /// A widget with `preview`, as an editor sees it: failures in detail.
    fn editor(prefix: &str, lang: &str) -> Widget {
        let mut w = Widget::new(prefix, None, lang);
        let fx = w.c.set_preview(true);
        w.run(fx);
        w
    }
    /// Checks the document; true when the load wants another step.
    fn run(&mut self, effects: Vec<Effect>) -> bool {
        if let Some(nodes) = self.c.rendered() {
            assert_eq!(self.c.dom().html(), normalized_html(nodes), "the document equals the view after {effects:?}");
        }
        let more = effects.iter().any(|e| matches!(e, Effect::Continue | Effect::AfterPaint));
        self.effects = effects;
        more
    }
    fn load(&mut self, text: &str, source: Source) {
        let fx = self.c.load(text.to_string(), source, "");
        let mut more = self.run(fx);
        while more {
            let fx = self.c.step();
            more = self.run(fx);
        }
    }
    fn input(&mut self, input: Input<'_>) {
        let fx = self.c.input(input);
        self.run(fx);
    }
    fn click(&mut self, act: Act, arg: &str) {
        self.input(Input::Click { act, arg });
    }
    fn key(&mut self, arg: &str, key: &str) {
        self.input(Input::Key { act: Act::Tab, arg, key, modified: false });
    }
    fn value(&mut self, act: Act, value: &str) {
        self.input(Input::Value { act, value });
    }
    fn events(&self) -> Vec<HostEvent> {
        self.effects.iter().filter_map(|e| if let Effect::Event(e) = e { Some(e.clone()) } else { None }).collect()
    }
    fn warned(&self, what: &str) -> bool {
        self.effects.iter().any(|e| matches!(e, Effect::Warn(m) if m.contains(what)))
    }
    fn text(&self) -> String {
        self.c.rendered().map(|n| n.iter().map(|n| n.text_content()).collect()).unwrap_or_default()
    }
    fn selected(&self) -> usize {
        self.c.state().selected
    }
    fn control(&self, act: Act) -> Option<String> {
        let dom = self.c.dom();
        dom.find("data-act", act.name()).and_then(|n| dom.value(n)).map(String::from)
    }
}

#[test]
fn the_default_renders_replacing_the_fallback_and_announces_itself() {
    let mut w = Widget::new("tft", None, "zh-CN");
    w.load(default_programme_json(), EMBEDDED);
    assert!(w.text().contains("产业振兴") && w.text().contains("示例数据"));
    assert!(!w.c.dom().html().contains("<slot"), "fallback slot removed");
    let events = w.events();
    assert_eq!(events.len(), 1);
    let HostEvent::Load(d) = &events[0] else { panic!("{events:?}") };
    assert_eq!((d.task_forces, d.source.as_str()), (5, "embedded default data"));
}

#[test]
fn every_interaction_patches_the_page_to_the_new_view() {
    let mut w = Widget::new("tft", None, "en");
    w.load(default_programme_json(), EMBEDDED);
    w.click(Act::Tab, "3");
    assert_eq!(w.selected(), 3);
    assert!(w.events().iter().any(|e| matches!(e, HostEvent::Select(d) if d.index == 3 && d.id == "ecology")));
    assert_eq!(w.c.dom().history.last(), Some(&(true, "tft-ecology".to_string())));
    w.key("3", "ArrowRight");
    assert_eq!(w.selected(), 4);
    assert!(w.effects.contains(&Effect::PreventDefault));
    let focused = w.c.dom().focused.expect("a tab is focused");
    assert_eq!(w.c.dom().attribute(focused, "data-arg"), Some("4"), "focus follows the selection");
    assert_eq!(w.c.dom().attribute(focused, "aria-selected"), Some("true"));
    w.key("4", "ArrowRight");
    assert_eq!(w.selected(), 0, "Right wraps");
    w.key("0", "End");
    assert_eq!(w.selected(), 4);
    w.input(Input::Key { act: Act::Tab, arg: "4", key: "ArrowRight", modified: true });
    assert_eq!(w.selected(), 4, "a key with a modifier held is the browser's, not the tabs'");
    assert!(!w.effects.contains(&Effect::PreventDefault), "and its default action is left alone");
    w.key("4", "PageDown");
    assert_eq!(w.selected(), 4, "a key the tabs do not use does nothing");
    w.click(Act::Tab, "0");
    let m = w.c.rendered().unwrap()[0].find(&|e| Act::Toggle.on(e)).unwrap().clone();
    w.click(Act::Toggle, m.get_attr("data-arg").unwrap());
    assert_eq!(w.c.state().open.len(), 1);
    w.value(Act::Query, "sewage");
    w.value(Act::Scope, "all");
    assert!(w.text().contains("sewage") || w.text().contains("Sewage"), "{}", w.text());
    assert_eq!(w.control(Act::Query).as_deref(), Some("sewage"));
    w.value(Act::Status, "blocked");
    w.click(Act::Clear, "");
    assert_eq!(w.control(Act::Query).as_deref(), Some(""), "the search box follows the state");
    assert_eq!(w.control(Act::Status).as_deref(), Some(""));
    w.click(Act::Lang, "zh-Hans");
    assert!(w.text().contains("产业振兴"));
    w.input(Input::Print(true));
    w.input(Input::Print(false));
    w.input(Input::PopState("tft-culture"));
    assert_eq!(w.selected(), 2);
    w.input(Input::PopState(""));
    assert_eq!(w.selected(), 0, "an empty saved fragment is the initial state");
}

#[test]
fn copy_and_download_are_requests_for_the_page() {
    let mut w = Widget::new("news", None, "en");
    w.load(default_programme_json(), EMBEDDED);
    w.click(Act::Copy, "ecology/toilets");
    assert_eq!(w.effects, vec![Effect::Copy("news-ecology/toilets".into())]);
    let fx = w.c.copied(true, "https://example.org/#news-ecology/toilets");
    w.run(fx);
    assert!(w.text().contains("Link copied"), "{}", w.text());
    w.click(Act::Download, "csv");
    let Effect::Download { format, name, mime } = &w.effects[0] else { panic!("{:?}", w.effects) };
    assert_eq!(*format, "csv");
    assert!(name.starts_with("news-") && name.ends_with(".csv") && mime.starts_with("text/csv"));
    assert!(w.c.export_body("csv").lines().count() > 20);
    assert_eq!(w.c.export_body("json"), default_programme_json());
}

#[test]
fn failures_name_the_source_and_keep_good_data() {
    let mut w = Widget::editor("tft", "en");
    let fx = w.c.fail(LoadError::Http(404), url("/no-such-file.json"));
    w.run(fx);
    assert!(w.text().contains("/no-such-file.json") && w.text().contains("HTTP 404"), "{}", w.text());
    assert!(matches!(&w.events()[0], HostEvent::Error(d) if d.source == "/no-such-file.json"));
    assert!(w.effects.iter().any(|e| matches!(e, Effect::Error(m, _) if m.contains("/no-such-file.json"))));
    w.load(default_programme_json(), url("/data.json"));
    let fx = w.c.fail(LoadError::Timeout(10), url("/data.json"));
    w.run(fx);
    assert!(w.text().contains("Industry") && w.text().contains("no answer within 10 seconds"), "{}", w.text());
    w.load("{\"title\": 1}", url("/data.json"));
    assert!(w.text().contains("Industry"), "invalid data keeps the last good data: {}", w.text());
    w.load(default_programme_json(), url("/data.json"));
    assert!(!w.text().contains("Update failed"), "good data clears the notice");
    let events = w.events();
    assert_eq!(events.len(), 1, "data back: {events:?}");
}

#[test]
fn bytes_must_be_utf8_and_may_start_with_a_byte_order_mark() {
    let mut w = Widget::editor("tft", "en");
    let fx = w.c.load_bytes(b"{\"title\": \"\xb2\xfa\xd2\xb5\"}".to_vec(), url("/gb18030.json"), "");
    w.run(fx);
    assert!(w.text().contains("/gb18030.json") && w.text().contains("not UTF-8"), "{}", w.text());
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend_from_slice(default_programme_json().as_bytes());
    let fx = w.c.load_bytes(bom, url("/bom.json"), "");
    w.run(fx);
    assert!(w.text().contains("Industry"));
}

#[test]
fn invalid_data_shows_path_and_problem() {
    let mut w = Widget::editor("tft", "en");
    let bad = r#"{"title":"x","asOf":"2020-01-01","taskForces":[{"id":"a","name":"A","measures":[{"id":"m","title":"t","status":"finished"}]}]}"#;
    w.load(bad, Source::Property);
    let text = w.text();
    assert!(text.contains("element.data") && text.contains("taskForces[0].measures[0].status"), "{text}");
    assert!(text.contains("found the string \"finished\""), "{text}");
    w.load("<!doctype html><p>oops", url("/data.json"));
    assert!(w.text().contains("received a web page (HTML)"), "{}", w.text());
}

#[test]
fn a_value_from_js_is_checked_like_a_file_without_line_numbers() {
    use task_force_tracker::model::json;
    let mut w = Widget::editor("tft", "en");
    let mut value = json::parse(default_programme_json()).unwrap();
    let fx = w.c.load_value(value.clone(), Source::Property, "");
    w.run(fx);
    assert!(w.text().contains("Industry"));
    // progress: Infinity (what `1e400` is in JS) is named, not shown as 0 %.
    let json::Kind::Object(root) = &mut value.kind else { unreachable!() };
    let tfs = &mut root.iter_mut().find(|(k, _)| k == "taskForces").unwrap().1;
    let json::Kind::Array(tfs) = &mut tfs.kind else { unreachable!() };
    let json::Kind::Object(tf) = &mut tfs[0].kind else { unreachable!() };
    let ms = &mut tf.iter_mut().find(|(k, _)| k == "measures").unwrap().1;
    let json::Kind::Array(ms) = &mut ms.kind else { unreachable!() };
    let json::Kind::Object(m) = &mut ms[0].kind else { unreachable!() };
    m.retain(|(k, _)| k != "progress");
    m.push(("progress".into(), json::Value { kind: json::Kind::Number("inf".into()), at: 0 }));
    let fx = w.c.load_value(value, Source::Property, "");
    w.run(fx);
    let text = w.text();
    assert!(text.contains("taskForces[0].measures[0].progress") && text.contains("inf"), "{text}");
    assert!(!text.contains("line "), "no line numbers for a JS object: {text}");
}

#[test]
fn attributes_apply_live_and_bad_values_are_named() {
    let mut w = Widget::new("tft", Some("culture"), "en");
    w.load(default_programme_json(), EMBEDDED);
    assert_eq!(w.selected(), 2);
    let fx = w.c.set_lang(Some("zh-TW"), Some("en"));
    w.run(fx);
    assert!(w.text().contains("資料截至"));
    let fx = w.c.set_selected(Some("talent".into()));
    w.run(fx);
    assert_eq!(w.selected(), 1);
    let fx = w.c.set_selected(Some("nope".into()));
    w.run(fx);
    assert!(w.warned("selected=\"nope\""));
    let fx = w.c.set_lang(Some("klingon"), Some("en"));
    w.run(fx);
    assert!(w.warned("lang=\"klingon\""));
    assert!(matches!(&w.c.set_theme(Some("purple"))[..], [Effect::Warn(m)] if m.contains("theme=\"purple\"")));
    assert!(w.c.set_theme(Some("dark")).is_empty());
}

#[test]
fn a_deep_link_on_first_load_opens_and_scrolls_to_the_measure() {
    let mut w = Widget::new("tft", None, "en");
    let m = {
        let p = task_force_tracker::model::parse(default_programme_json()).unwrap().programme;
        p.task_forces[3].measures[1].id.as_str().to_string()
    };
    let fx = w.c.load(default_programme_json().to_string(), EMBEDDED, &format!("#tft-ecology/{m}"));
    w.run(fx);
    assert_eq!(w.selected(), 3);
    assert_eq!(w.c.state().open, vec![format!("ecology/{m}")]);
    let dom = w.c.dom();
    let scrolled = *dom.scrolled.last().expect("scrolled");
    assert_eq!(dom.attribute(scrolled, "id"), Some(format!("tft-m-ecology-{m}").as_str()));
    assert_eq!(dom.history.last(), Some(&(false, format!("tft-ecology/{m}"))));
}

#[test]
fn a_large_file_loads_in_steps_and_control_characters_stay_text() {
    let measures: Vec<String> = (0..3000)
        .map(|i| format!(r#"{{"id":"m{i}","title":"Measure {i} \u0001\u0007 with a long enough title to take space","status":"on-track","reports":[{{"date":"2021-01-0{}","note":"note {i}"}}]}}"#, 1 + i % 9))
        .collect();
    let tfs: Vec<String> =
        (0..5).map(|t| format!(r#"{{"id":"t{t}","name":"T{t}","measures":[{}]}}"#, measures.join(","))).collect();
    let text = format!(r#"{{"title":"Big","asOf":"2021-06-30","taskForces":[{}]}}"#, tfs.join(","));
    assert!(text.len() > 2 * STEP_BYTES, "large enough to need several steps");
    let mut w = Widget::new("tft", None, "en");
    let mut steps = 1;
    let mut more = {
        let fx = w.c.load(text.clone(), url("/big.json"), "");
        w.run(fx)
    };
    let mut events = Vec::new();
    while more {
        steps += 1;
        let fx = w.c.step();
        more = w.run(fx);
        events.extend(w.events());
    }
    assert!(steps > 4, "{steps} steps");
    let version = task_force_tracker::model::hash::content_hash(&text);
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(matches!(&events[0], HostEvent::Load(d) if d.version == version), "hashed along the parse");
    assert!(w.text().contains("Measure 0 \u{1}\u{7} with"), "control characters in data are text like any other");
    assert_eq!(w.c.state().limit, PAGE, "the rest of the page after the first paint");
    // A click between steps of a new load acts on the data shown.
    let fx = w.c.load_bytes(text.into_bytes(), url("/big.json"), "");
    assert_eq!(fx, vec![Effect::Continue], "a large file starts in the next task");
    w.click(Act::Tab, "2");
    assert_eq!(w.selected(), 2);
}

#[test]
fn a_large_load_paints_what_is_visible_first_then_the_rest_of_the_page() {
    let measures: Vec<String> = (0..4000)
        .map(|i| format!(r#"{{"id":"m{i}","title":"Measure number {i} {}","status":"behind"}}"#, "x".repeat(250)))
        .collect();
    let text = format!(
        r#"{{"title":"Big","asOf":"2021-06-30","taskForces":[{{"id":"t","name":"T","measures":[{}]}}]}}"#,
        measures.join(",")
    );
    assert!(text.len() > STEP_BYTES);
    let cards = |w: &Widget| w.c.dom().html().matches("class=\"measure ").count();
    let finish = |w: &mut Widget, fx: Vec<Effect>| {
        let mut fx = fx;
        while fx.last() == Some(&Effect::Continue) {
            w.run(fx);
            fx = w.c.step();
        }
        fx
    };
    let mut w = Widget::new("tft", None, "en");
    let fx = w.c.load(text.clone(), url("/big.json"), "");
    let fx = finish(&mut w, fx);
    assert!(fx.contains(&Effect::AfterPaint), "the first render asks for the rest after it is painted");
    w.run(fx);
    assert_eq!(cards(&w), FIRST_PAINT);
    let writes = w.c.dom().writes;
    let fx = w.c.step();
    assert!(!fx.contains(&Effect::AfterPaint));
    w.run(fx);
    assert_eq!(cards(&w), PAGE, "the rest of the first page, patched in");
    assert!(w.c.dom().writes - writes < 2_000, "patched, not rebuilt");
    assert!(w.c.step().is_empty(), "then nothing more");

    // A refresh never takes cards away from someone reading them.
    let fx = w.c.load(text.replace("\"Big\"", "\"Bigger\""), url("/big.json"), "");
    let fx = finish(&mut w, fx);
    assert!(!fx.contains(&Effect::AfterPaint));
    w.run(fx);
    assert!(w.text().contains("Bigger"));
    assert_eq!(cards(&w), PAGE);

    // A deep link shows its page whole at once.
    let mut w = Widget::new("tft", None, "en");
    let fx = w.c.load(text, url("/big.json"), "#tft-t/m40");
    let fx = finish(&mut w, fx);
    assert!(!fx.contains(&Effect::AfterPaint));
    w.run(fx);
    assert_eq!(cards(&w), 41);
}

#[test]
fn a_redraw_rebuilds_the_whole_view_and_nothing_before_data() {
    let mut w = Widget::new("tft", None, "en");
    assert!(w.c.redraw().is_empty(), "nothing rendered yet: the fallback stays");
    w.load(default_programme_json(), EMBEDDED);
    let dom = w.c.dom_mut();
    let first = dom.find("role", "tablist").expect("tabs");
    dom.detach(first); // what a tampered page might look like
    let fx = w.c.redraw();
    w.run(fx); // and the document equals the view again
    assert!(w.c.dom().find("role", "tablist").is_some());
    assert!(w.text().contains("Industry"));
}

#[test]
fn an_update_the_document_refuses_is_reported_and_a_build_mends_it() {
    use task_force_tracker::dom::patch::Screen;
    use task_force_tracker::tree::{el, Node};
    let list = |items: &[&str]| -> Vec<Node> {
        vec![el("ul").children(items.iter().map(|i| el("li").attr("id", *i).text(*i))).into()]
    };
    let mut dom = MockDom::new();
    let root = dom.root();
    let mut screen = Screen::build(&mut dom, &root, list(&["a", "b", "c"])).unwrap();
    assert_eq!(dom.html(), normalized_html(&list(&["a", "b", "c"])));
    // Something outside removed "c"; the update that removes it is refused.
    let c = dom.find("id", "c").unwrap();
    dom.detach(c);
    assert!(screen.update(&mut dom, &root, list(&["a", "b"])).is_err());
    let screen = Screen::build(&mut dom, &root, screen.view).unwrap();
    assert_eq!(dom.html(), normalized_html(&screen.view), "built whole again");
}

#[test]
fn the_summary_counts_what_the_view_shows() {
    let mut w = Widget::new("tft", None, "en");
    assert!(w.c.summary().is_none(), "no data, no summary");
    let data = r#"{"title":{"zh-Hans":"试","en":"Test"},"asOf":"2021-06-30","taskForces":[
      {"id":"a","name":"Alpha","measures":[
        {"id":"m1","title":"one","status":"completed"},
        {"id":"m2","title":"two","status":"behind","due":"2021-01-01"},
        {"id":"m3","title":"three","status":"on-track","due":"2022-01-01"}]},
      {"id":"b","name":"Beta","measures":[{"id":"m4","title":"four","status":"blocked","due":"2021-06-29"}]}]}"#;
    w.load(data, url("/d.json"));
    let s = w.c.summary().expect("summary");
    assert_eq!((s.title.as_str(), s.as_of.as_str(), s.measures, s.overdue), ("Test", "2021-06-30", 4, 2));
    assert_eq!((s.by_status.completed, s.by_status.behind, s.by_status.on_track, s.by_status.blocked), (1, 1, 1, 1));
    assert_eq!(s.task_forces.len(), 2);
    assert_eq!((s.task_forces[0].id.as_str(), s.task_forces[0].measures, s.task_forces[0].overdue), ("a", 3, 1));
    assert_eq!((s.task_forces[1].name.as_str(), s.task_forces[1].overdue), ("Beta", 1));
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["byStatus"]["on-track"], 1);
    assert_eq!(json["taskForces"][1]["byStatus"]["blocked"], 1);
    assert_eq!(json["asOf"], "2021-06-30");
}

/// A memory that lives as long as the test: what `localStorage` would hold.
#[derive(Debug, Clone, Default)]
struct Remembered(
    std::rc::Rc<std::cell::RefCell<std::collections::HashMap<String, task_force_tracker::controller::Seen>>>,
);

impl task_force_tracker::controller::Memory for Remembered {
    fn recall(&self, key: &str) -> Option<task_force_tracker::controller::Seen> {
        self.0.borrow().get(key).cloned()
    }
    fn remember(&mut self, key: &str, seen: &task_force_tracker::controller::Seen) {
        self.0.borrow_mut().insert(key.to_string(), seen.clone());
    }
}

#[test]
fn since_the_last_visit_exactly_the_changed_measures_are_marked() {
    let old = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/diff/old.json")).unwrap();
    let new = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/diff/new.json")).unwrap();
    let memory = Remembered::default();
    let visit = |text: &str| {
        let mut w = Widget::new("tft", None, "en");
        w.c.set_memory(Some(Box::new(memory.clone())));
        w.load(text, url("/data/programme.json"));
        w
    };
    let first = visit(&old);
    assert!(first.c.state().updated.is_empty(), "a first visit marks nothing");
    assert!(!first.c.dom().html().contains("Updated since your last visit"));

    let second = visit(&new);
    let mut marked: Vec<&str> = second.c.state().updated.iter().map(String::as_str).collect();
    marked.sort();
    // toilets: progress, milestone, report; roads: status; lighting and four-virtues: new.
    assert_eq!(marked, ["culture/four-virtues", "ecology/lighting", "ecology/roads", "ecology/toilets"]);
    assert!(second.text().contains("4 measures updated since your last visit"), "{}", second.text());
    assert_eq!(
        second.c.dom().html().matches("Updated since your last visit").count(),
        3,
        "three of them in this task force"
    );

    // Only those, across task forces, with one press.
    let mut second = second;
    second.click(Act::Updated, "");
    assert_eq!(second.c.state().counts(&task_force_tracker::model::parse(&new).unwrap().programme), (4, 5));
    assert!(second.text().contains("Showing 4 of 5"), "{}", second.text());

    let third = visit(&new);
    assert!(third.c.state().updated.is_empty(), "nothing new since the second visit");

    // No memory (remember="off"): nothing marked, nothing stored.
    let mut off = Widget::new("tft", None, "en");
    off.c.set_memory(None);
    off.load(&old, url("/other.json"));
    assert!(!memory.0.borrow().keys().any(|k| k.contains("/other.json")));
}

#[test]
fn a_first_visit_is_remembered_after_its_first_paint_and_a_return_is_marked_in_it() {
    let old = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/diff/old.json")).unwrap();
    let new = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/diff/new.json")).unwrap();
    let memory = Remembered::default();
    let mut first = Widget::new("tft", None, "en");
    first.c.set_memory(Some(Box::new(memory.clone())));
    let fx = first.c.load(old.clone(), url("/data/programme.json"), "");
    assert!(first.text().contains("Rural revitalisation task forces"), "shown by the first render: {}", first.text());
    assert!(fx.contains(&Effect::AfterPaint), "{fx:?}");
    assert!(memory.0.borrow().is_empty(), "nothing stored before the first paint");
    first.run(fx);
    assert!(first.c.step().is_empty(), "remembering changes nothing shown");
    assert_eq!(memory.0.borrow().len(), 1, "stored after it");

    // A returning reader's marks are in the very first render.
    let mut second = Widget::new("tft", None, "en");
    second.c.set_memory(Some(Box::new(memory.clone())));
    let fx = second.c.load(new, url("/data/programme.json"), "");
    assert!(!fx.contains(&Effect::AfterPaint) && !fx.contains(&Effect::Continue), "{fx:?}");
    second.run(fx);
    assert!(second.text().contains("4 measures updated since your last visit"), "{}", second.text());
}

#[test]
fn the_timeline_is_a_layout_in_the_fragment_and_survives_a_tab_switch() {
    let mut w = Widget::new("tft", None, "en");
    w.load(default_programme_json(), EMBEDDED);
    w.click(Act::Layout, "timeline");
    assert!(w.c.state().timeline);
    assert_eq!(w.c.dom().history.last(), Some(&(true, "tft-industry/~timeline".to_string())));
    assert!(w.c.dom().html().contains("<svg"), "drawn");
    w.click(Act::Tab, "3");
    assert_eq!(w.c.dom().history.last(), Some(&(true, "tft-ecology/~timeline".to_string())), "the layout stays");
    w.input(Input::PopState("tft-culture"));
    assert!(!w.c.state().timeline, "Back to a list fragment shows the list");
    w.input(Input::PopState("tft-talent/~timeline"));
    assert!(w.c.state().timeline);
    assert_eq!(w.selected(), 1);
    w.click(Act::Layout, "list");
    assert!(!w.c.dom().html().contains("<svg"));
}

#[test]
fn a_link_in_the_article_opens_the_measure_and_brings_it_into_view() {
    let mut w = Widget::new("tft", None, "en");
    w.load(default_programme_json(), EMBEDDED);
    let m = {
        let p = task_force_tracker::model::parse(default_programme_json()).unwrap().programme;
        p.task_forces[3].measures[2].id.as_str().to_string()
    };
    let scrolled = w.c.dom().scrolled.len();
    w.input(Input::HashChange("#news-ecology/toilets"));
    assert_eq!((w.selected(), w.c.dom().scrolled.len()), (0, scrolled), "another widget's fragment changes nothing");
    w.input(Input::HashChange(&format!("#tft-ecology/{m}")));
    assert_eq!(w.selected(), 3);
    assert_eq!(w.c.state().open, vec![format!("ecology/{m}")]);
    let dom = w.c.dom();
    let target = *dom.scrolled.last().expect("scrolled");
    assert_eq!(dom.attribute(target, "id"), Some(format!("tft-m-ecology-{m}").as_str()));
}

#[test]
fn readers_get_a_short_notice_editors_the_detail() {
    let mut w = Widget::new("tft", None, "zh-Hans");
    let fx = w.c.fail(LoadError::Http(404), url("/no-such-file.json"));
    w.run(fx);
    assert_eq!(w.text(), "进展数据暂时无法显示，请稍后再试。", "no developer detail for readers");
    assert!(
        matches!(&w.events()[0], HostEvent::Error(d) if d.message.contains("HTTP 404")),
        "the detail goes to the host"
    );
    assert!(w
        .effects
        .iter()
        .any(|e| matches!(e, Effect::Error(m, d) if m.contains("/no-such-file.json") && d.contains("404"))));
    let fx = w.c.set_preview(true);
    w.run(fx);
    assert!(w.text().contains("/no-such-file.json") && w.text().contains("HTTP 404"), "{}", w.text());
    let fx = w.c.set_preview(false);
    w.run(fx);
    // Good data, then a failed refresh: the data stays under a short notice.
    w.load(default_programme_json(), url("/data.json"));
    let fx = w.c.fail(LoadError::Timeout(10), url("/data.json"));
    w.run(fx);
    assert!(w.text().starts_with("显示的是此前加载的数据，截至 2020年4月17日（更新暂时未成功）"), "{}", w.text());
    assert!(!w.text().contains("/data.json"));
}

#[test]
fn a_link_that_cannot_be_copied_is_offered_in_a_selected_field() {
    let mut w = Widget::new("news", None, "en");
    w.load(default_programme_json(), EMBEDDED);
    w.click(Act::Copy, "industry");
    let url = "http://example.org/a.html#news-industry";
    let fx = w.c.copied(false, url);
    w.run(fx);
    let dom = w.c.dom();
    let field = dom.find("data-act", Act::CopyField.name()).expect("a field with the link");
    assert_eq!(dom.focused, Some(field), "focused");
    assert_eq!(dom.selected, Some(field), "its text selected");
    assert!(dom.html().contains(&format!("value=\"{url}\"")), "{}", dom.html());
    w.click(Act::Tab, "1");
    assert!(w.c.dom().find("data-act", Act::CopyField.name()).is_none(), "gone with the next task force");
}

#[test]
fn clearing_filters_keeps_focus_in_the_filters() {
    let mut w = Widget::new("tft", None, "zh-Hans");
    w.load(default_programme_json(), EMBEDDED);
    w.value(Act::Query, "厕所");
    w.click(Act::Clear, "");
    let query = w.c.dom().find("data-act", Act::Query.name());
    assert!(query.is_some() && w.c.dom().focused == query, "focus goes to the search box, not the page");
    w.value(Act::Query, "no such words at all");
    w.value(Act::Query, "公路");
    w.click(Act::ScopeAll, "");
    assert!(w.c.state().filter.all);
    assert_eq!(w.c.dom().focused, w.c.dom().find("data-act", Act::Scope.name()));
}

/// A widget as the page runs it: the first view built `slices` nodes per
/// step, panels built ahead when idle.
fn sliced(slices: usize) -> Widget {
    let mut w = Widget::new("tft", None, "en");
    w.c.set_slices(slices);
    w
}

/// Runs every `Idle` request until none is left; how many calls it took.
fn idle(w: &mut Widget) -> usize {
    let mut calls = 0;
    while w.effects.contains(&Effect::Idle) {
        calls += 1;
        let fx = w.c.prepare(true);
        w.run(fx);
        assert!(calls < 200, "building ahead ends: {:?}", w.effects);
    }
    calls
}

#[test]
fn the_first_view_is_built_in_slices_then_shown_whole_as_at_once() {
    let mut whole = Widget::new("tft", None, "en");
    whole.load(default_programme_json(), EMBEDDED);

    let mut w = sliced(40);
    let fx = w.c.load(default_programme_json().to_string(), EMBEDDED, "");
    assert_eq!(fx, vec![Effect::Continue], "reading starts in a task of its own");
    let mut steps = 0;
    let mut fx = fx;
    while fx.contains(&Effect::Continue) {
        assert!(w.c.rendered().is_none(), "nothing shows until the view is complete (step {steps})");
        assert!(!w.c.dom().html().contains("tft"), "the fallback stays meanwhile");
        assert!(!fx.iter().any(|e| matches!(e, Effect::Event(_))), "no tft-load before it shows: {fx:?}");
        fx = w.c.step();
        steps += 1;
    }
    assert!(steps > 8, "{steps} steps of 40 nodes");
    w.run(fx);
    assert_eq!(w.c.dom().html(), whole.c.dom().html(), "the same document as built at once");
    let events = w.events();
    assert!(matches!(&events[..], [HostEvent::Load(_)]), "tft-load once shown: {events:?}");
    assert!(w.effects.contains(&Effect::Idle), "then the other panels, when idle");
}

#[test]
fn the_first_view_is_laid_out_out_of_sight_a_slice_per_step_and_shown_in_a_step_of_its_own() {
    let mut whole = Widget::new("tft", None, "en");
    whole.load(default_programme_json(), EMBEDDED);
    let shown = whole.c.dom().html();

    let mut w = sliced(40);
    let mut fx = w.c.load(default_programme_json().to_string(), EMBEDDED, "");
    // What was staged after each step, and whether that step laid it out.
    let mut steps: Vec<(String, bool)> = Vec::new();
    while fx.contains(&Effect::Continue) {
        let laid_out = w.c.dom().laid_out;
        fx = w.c.step();
        steps.push((w.c.dom().staged_html(), w.c.dom().laid_out > laid_out));
        if fx.contains(&Effect::Continue) {
            assert!(!w.c.dom().html().contains("tft"), "out of sight until shown: {}", w.c.dom().html());
        }
    }
    let building: Vec<&(String, bool)> = steps.iter().filter(|(staged, _)| !staged.is_empty()).collect();
    assert!(building.len() > 8, "staged over {} steps", building.len());
    assert!(building.iter().all(|(_, laid_out)| *laid_out), "each slice laid out in its step");
    assert!(building.windows(2).all(|p| p[0].0.len() <= p[1].0.len()), "the stage only grows");
    let (last, _) = building.last().expect("staged");
    assert_eq!(last, &shown, "complete in the stage, the step before it shows");
    assert_eq!(steps.last(), Some(&(String::new(), false)), "shown in a step that builds and lays out nothing");
    w.run(fx);
    assert_eq!(w.c.dom().html(), shown);
}

#[test]
fn data_given_while_the_first_view_is_built_is_shown() {
    // The desk's previews: the built-in programme starts, then a file's
    // data is set while that first view is still being built.
    let mut w = sliced(40);
    let fx = w.c.load(default_programme_json().to_string(), EMBEDDED, "");
    assert_eq!(fx, vec![Effect::Continue]);
    while w.c.dom().staged_html().is_empty() {
        let fx = w.c.step();
        assert!(fx.contains(&Effect::Continue), "{fx:?}");
    }
    assert!(w.c.rendered().is_none(), "the first view is being built");
    // The page stops the old steps (a new generation) and follows the new load's.
    let changed = default_programme_json().replace("progress of the five task forces", "the new file");
    assert_ne!(changed, default_programme_json());
    w.load(&changed, Source::Property);
    assert!(w.c.rendered().is_some(), "the new data's first view shows: {:?}", w.effects);
    assert!(w.text().contains("the new file"), "{}", w.text());
    assert_eq!(w.c.dom().staged_html(), "", "nothing is left staged");
}

#[test]
fn a_deep_link_scrolls_once_the_sliced_view_shows() {
    let mut w = sliced(40);
    let fx = w.c.load(default_programme_json().to_string(), EMBEDDED, "#tft-ecology/toilets");
    let mut fx = fx;
    while fx.contains(&Effect::Continue) {
        assert!(w.c.dom().scrolled.is_empty(), "nothing to scroll to before it shows");
        fx = w.c.step();
    }
    w.run(fx);
    let dom = w.c.dom();
    let scrolled = *dom.scrolled.last().expect("scrolled once shown");
    assert_eq!(dom.attribute(scrolled, "id"), Some("tft-m-ecology-toilets"));
}

#[test]
fn a_switch_to_a_panel_built_ahead_only_changes_attributes() {
    let mut w = sliced(60);
    w.load(default_programme_json(), EMBEDDED);
    assert!(!w.text().contains("Upgrade rural toilets"), "hidden panels start empty");
    let calls = idle(&mut w);
    assert!(calls >= 4, "each of the other four panels built ahead, a slice per call ({calls})");
    assert!(w.text().contains("Upgrade rural toilets"), "and placed in its hidden panel once built");
    let (writes, moves) = (w.c.dom().writes, w.c.dom().moves);
    w.click(Act::Tab, "3");
    assert_eq!(w.selected(), 3);
    assert_eq!(w.c.dom().moves - moves, 0, "no node built, inserted or removed on the click");
    let switch = w.c.dom().writes - writes;
    // Tabs' attributes, the panels' hidden, the live region's text.
    assert!(switch < 20, "{switch} DOM writes for a switch to a panel built ahead");

    // Without building ahead, the same switch builds the panel, and the
    // reader sees the same.
    let mut cold = sliced(60);
    cold.load(default_programme_json(), EMBEDDED);
    let writes = cold.c.dom().writes;
    cold.click(Act::Tab, "3");
    assert!(cold.c.dom().writes - writes > 4 * switch, "{} writes", cold.c.dom().writes - writes);
    assert_eq!(shown(&cold), shown(&w));

    // Back to the first: its panel stayed in place when it was hidden.
    let moves = w.c.dom().moves;
    w.click(Act::Tab, "0");
    assert_eq!(w.c.dom().moves - moves, 0);
}

/// The document as the reader sees it: hidden panels' content left out.
fn shown(w: &Widget) -> String {
    fn visible(n: &Node) -> Node {
        match n.element() {
            Some(e) if e.get_attr("hidden").is_some() => {
                Node::Element(Box::new(Element { children: Vec::new(), ..e.clone() }))
            }
            Some(e) => {
                Node::Element(Box::new(Element { children: e.children.iter().map(visible).collect(), ..e.clone() }))
            }
            None => n.clone(),
        }
    }
    let nodes: Vec<Node> = w.c.rendered().expect("shown").iter().map(visible).collect();
    normalized_html(&nodes)
}

#[test]
fn panels_built_ahead_follow_the_filter_and_language() {
    let mut w = sliced(60);
    w.load(default_programme_json(), EMBEDDED);
    idle(&mut w);
    w.value(Act::Status, "completed");
    assert!(w.effects.contains(&Effect::Idle), "a new filter: the panels ahead are built again");
    idle(&mut w);
    w.click(Act::Tab, "2");
    let mut plain = Widget::new("tft", None, "en");
    plain.load(default_programme_json(), EMBEDDED);
    plain.value(Act::Status, "completed");
    plain.click(Act::Tab, "2");
    assert_eq!(shown(&w), shown(&plain), "the filtered panel, as built on the click");

    w.click(Act::Lang, "zh-Hant");
    idle(&mut w);
    w.click(Act::Tab, "4");
    plain.click(Act::Lang, "zh-Hant");
    plain.click(Act::Tab, "4");
    assert_eq!(shown(&w), shown(&plain), "in the new language");
}

#[test]
fn a_refresh_builds_nothing_ahead_until_the_reader_acts() {
    let mut w = sliced(60);
    w.load(default_programme_json(), EMBEDDED);
    idle(&mut w);
    let changed = default_programme_json().replace("五大专班工作进展", "五大专班工作进展（更新）");
    assert_ne!(changed, default_programme_json());
    w.load(&changed, EMBEDDED);
    assert!(!w.effects.contains(&Effect::Idle), "a refresh asks for no work in the background: {:?}", w.effects);
    assert!(w.c.prepare(true).is_empty(), "nor does a call left over from before it");
    w.click(Act::Tab, "1");
    assert!(w.effects.contains(&Effect::Idle), "the reader's next action does");
    let calls = idle(&mut w);
    assert!(calls >= 3, "{calls} calls to build three panels");
}

#[test]
fn every_update_of_a_shown_view_keeps_the_readers_place() {
    // The page keeps the text below a widget above the screen in place
    // (`Dom::place`, `Dom::keep_place`); every change an update makes is between the two.
    let mut w = Widget::new("tft", None, "en");
    w.load(default_programme_json(), EMBEDDED);
    let (writes, kept) = (w.c.dom().writes, w.c.dom().kept);
    let changed = default_programme_json().replace("progress of the five task forces", "progress, updated");
    assert_ne!(changed, default_programme_json());
    w.load(&changed, EMBEDDED);
    w.click(Act::Tab, "2");
    let dom = w.c.dom();
    assert!(dom.writes > writes, "the refresh and the switch changed the document");
    assert_eq!(dom.kept - kept, dom.writes - writes, "all of it between place and keep_place");
}
