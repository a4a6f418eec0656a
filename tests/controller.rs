//! The widget's behaviour, natively: a [`Controller`] driven by the inputs
//! the element forwards, its operation strings applied to a small DOM that
//! follows the same rules as `apply` in `www/task-force-tracker.js`. After
//! every step the simulated shadow root must equal the view tree the
//! controller says it shows, so a wrong diff fails here, not in a browser.

use task_force_tracker::controller::{Controller, EMBEDDED, STEP_BYTES};
use task_force_tracker::default_programme_json;
use task_force_tracker::patch::{is_op, op};
use task_force_tracker::view::Node;

#[derive(Debug, Clone, PartialEq)]
enum Dom {
    El { tag: String, attrs: Vec<(String, String)>, vars: Vec<(String, String)>, children: Vec<Dom> },
    Text(String),
}

impl Dom {
    /// What the page should show for `n`: operation characters in data
    /// arrive as U+FFFD.
    fn from_view(n: &Node) -> Dom {
        let clean = |s: &str| s.chars().map(|c| if is_op(c) { '\u{fffd}' } else { c }).collect::<String>();
        match n {
            Node::Text(t) => Dom::Text(clean(t)),
            Node::Element(e) => Dom::El {
                tag: e.tag.to_string(),
                attrs: e.attrs.iter().map(|(k, v)| (k.to_string(), clean(v))).collect(),
                vars: e.vars.iter().map(|(k, v)| (k.to_string(), clean(v))).collect(),
                children: e.children.iter().map(Dom::from_view).collect(),
            },
        }
    }
    fn children(&mut self) -> &mut Vec<Dom> {
        match self {
            Dom::El { children, .. } => children,
            Dom::Text(_) => panic!("a text node has no children"),
        }
    }
    fn text(&self) -> String {
        match self {
            Dom::Text(t) => t.clone(),
            Dom::El { children, .. } => children.iter().map(Dom::text).collect(),
        }
    }
}

fn set(list: &mut Vec<(String, String)>, k: &str, v: &str) {
    match list.iter_mut().find(|(n, _)| n == k) {
        Some(slot) => slot.1 = v.to_string(),
        None => list.push((k.to_string(), v.to_string())),
    }
}

/// One parsed operation: code, payload, arguments.
fn parse_ops(ops: &str) -> Vec<(char, String, Vec<String>)> {
    let mut out: Vec<(char, String, Vec<String>)> = Vec::new();
    let mut chars = ops.chars().peekable();
    while let Some(code) = chars.next() {
        assert!(is_op(code), "an operation starts with a code: {ops:?}");
        let mut payload = String::new();
        while let Some(c) = chars.peek().copied().filter(|c| !is_op(*c)) {
            payload.push(c);
            chars.next();
        }
        if code == op::VALUE {
            out.last_mut().expect("VALUE follows an operation").2.push(payload);
        } else {
            out.push((code, payload, Vec::new()));
        }
    }
    out
}

/// The shadow root (a root element with no tag) and the effects seen.
struct Page {
    root: Dom,
    effects: Vec<(char, String, Vec<String>)>,
}

impl Page {
    fn new() -> Page {
        let slot = Dom::El { tag: "slot".into(), attrs: vec![], vars: vec![], children: vec![] };
        Page {
            root: Dom::El { tag: String::new(), attrs: vec![], vars: vec![], children: vec![slot] },
            effects: vec![],
        }
    }

    /// Applies `ops` as the element's JS does; returns whether CONTINUE or
    /// AFTER_PAINT was seen.
    fn apply(&mut self, ops: &str) -> bool {
        // Positions instead of node references: a path of child indexes to
        // the current parent, and the cursor's index in it.
        let mut path: Vec<usize> = Vec::new();
        let mut cur = 0usize;
        let mut built: Vec<Dom> = Vec::new();
        let mut more = false;
        self.effects.clear();
        fn at<'a>(root: &'a mut Dom, path: &[usize]) -> &'a mut Dom {
            path.iter().fold(root, |n, i| &mut n.children()[*i])
        }
        for (code, s, args) in parse_ops(ops) {
            let a = args.first().cloned().unwrap_or_default();
            let parent = at(&mut self.root, &path);
            let place = |node: Dom, built: &mut Vec<Dom>, parent: &mut Dom, cur: &mut usize| {
                if let Some(top) = built.last_mut() {
                    top.children().push(node);
                } else {
                    parent.children().insert(*cur, node);
                    *cur += 1;
                }
            };
            match code {
                op::OPEN => built.push(Dom::El { tag: s, attrs: vec![], vars: vec![], children: vec![] }),
                op::CLOSE => {
                    let e = built.pop().expect("CLOSE after OPEN");
                    place(e, &mut built, parent, &mut cur);
                }
                op::TEXT => place(Dom::Text(s), &mut built, parent, &mut cur),
                op::ATTR | op::VAR | op::DEL_ATTR | op::DEL_VAR => {
                    let el = built.last_mut().unwrap_or(parent);
                    let Dom::El { attrs, vars, .. } = el else { panic!("attributes on a text node") };
                    match code {
                        op::ATTR => set(attrs, &s, &a),
                        op::VAR => set(vars, &s, &a),
                        op::DEL_ATTR => attrs.retain(|(k, _)| *k != s),
                        _ => vars.retain(|(k, _)| *k != s),
                    }
                }
                op::SKIP => cur += s.parse::<usize>().unwrap(),
                op::ENTER => {
                    assert!(matches!(parent.children()[cur], Dom::El { .. }), "ENTER on an element");
                    path.push(cur);
                    cur = 0;
                }
                op::LEAVE => cur = path.pop().expect("LEAVE after ENTER") + 1,
                op::SET_TEXT => {
                    let Dom::Text(t) = &mut parent.children()[cur] else { panic!("SET_TEXT on an element") };
                    *t = s;
                    cur += 1;
                }
                op::REMOVE => {
                    parent.children().drain(cur..cur + s.parse::<usize>().unwrap());
                }
                op::CLEAR => {
                    self.root.children().clear();
                    cur = 0;
                }
                op::CONTINUE | op::AFTER_PAINT => more = true,
                _ => self.effects.push((code, s, args)),
            }
        }
        assert!(built.is_empty() && path.is_empty(), "operations balanced: {ops:?}");
        more
    }

    fn events(&self) -> Vec<(String, String)> {
        self.effects.iter().filter(|e| e.0 == op::EVENT).map(|e| (e.1.clone(), e.2[0].clone())).collect()
    }
}

/// A controller and its page; every call checks the page against the view.
struct Widget {
    c: Controller,
    page: Page,
}

impl Widget {
    fn new(prefix: &str, selected: Option<&str>, lang: &str) -> Widget {
        let mut w = Widget { c: Controller::new(prefix, selected.map(String::from)), page: Page::new() };
        let ops = w.c.set_lang(Some(lang), None);
        w.run(ops);
        w
    }
    fn run(&mut self, ops: String) -> bool {
        let more = self.page.apply(&ops);
        if let Some(nodes) = self.c.rendered() {
            let expected: Vec<Dom> = nodes.iter().map(Dom::from_view).collect();
            assert_eq!(self.page.root.children(), &expected, "the page equals the view after {ops:?}");
        }
        more
    }
    fn load(&mut self, text: &str, source: &str) {
        let ops = self.c.load(text.to_string(), source, "");
        let mut more = self.run(ops);
        while more {
            let ops = self.c.step();
            more = self.run(ops);
        }
    }
    fn event(&mut self, kind: &str, act: &str, arg: &str, value: &str) {
        let ops = self.c.event(kind, act, arg, value);
        self.run(ops);
    }
    fn text(&self) -> String {
        self.page.root.text()
    }
    fn selected(&self) -> usize {
        self.c.state().selected
    }
}

#[test]
fn the_default_renders_replacing_the_fallback_and_announces_itself() {
    let mut w = Widget::new("tft", None, "zh-CN");
    w.load(default_programme_json(), EMBEDDED);
    assert!(w.text().contains("产业振兴") && w.text().contains("示例数据"));
    assert!(!format!("{:?}", w.page.root).contains("\"slot\""), "fallback slot removed");
    let events = w.page.events();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].0, "tft-load");
    assert!(events[0].1.contains("\"taskForces\":5") && events[0].1.contains("\"source\":\"embedded default data\""));
}

#[test]
fn every_interaction_patches_the_page_to_the_new_view() {
    let mut w = Widget::new("tft", None, "en");
    w.load(default_programme_json(), EMBEDDED);
    w.event("click", "tab", "3", "");
    assert_eq!(w.selected(), 3);
    assert!(w.page.events().iter().any(|(n, d)| n == "tft-select" && d.contains("\"index\":3")));
    assert!(w.page.effects.iter().any(|e| e.0 == op::HISTORY && e.1 == "push" && e.2[0] == "tft-ecology"));
    w.event("keydown", "tab", "3", "ArrowRight");
    assert_eq!(w.selected(), 4);
    assert!(w.page.effects.iter().any(|e| e.0 == op::PREVENT));
    assert!(w.page.effects.iter().any(|e| e.0 == op::FOCUS && e.1.contains("\"4\"")));
    w.event("keydown", "tab", "4", "ArrowRight");
    assert_eq!(w.selected(), 0, "Right wraps");
    w.event("keydown", "tab", "0", "End");
    assert_eq!(w.selected(), 4);
    w.event("keydown", "tab", "4", "");
    assert_eq!(w.selected(), 4, "a key with a modifier held does nothing");
    w.event("click", "tab", "0", "");
    let m = w.c.rendered().unwrap()[0].find(&|e| e.get_attr("data-act") == Some("toggle")).unwrap().clone();
    w.event("click", "toggle", m.get_attr("data-arg").unwrap(), "");
    assert_eq!(w.c.state().open.len(), 1);
    w.event("input", "query", "", "sewage");
    w.event("change", "scope", "", "all");
    assert!(w.text().contains("sewage") || w.text().contains("Sewage"), "{}", w.text());
    w.event("change", "status", "", "blocked");
    w.event("click", "clear", "", "");
    assert!(w.page.effects.iter().any(|e| e.0 == op::CONTROL && e.1 == "query" && e.2[0].is_empty()));
    w.event("click", "lang", "zh-Hans", "");
    assert!(w.text().contains("产业振兴"));
    w.event("beforeprint", "", "", "");
    w.event("afterprint", "", "", "");
    w.event("popstate", "", "", "tft-culture");
    assert_eq!(w.selected(), 2);
    w.event("popstate", "", "", "");
    assert_eq!(w.selected(), 0, "an empty saved fragment is the initial state");
}

#[test]
fn copy_and_download_are_requests_for_the_page() {
    let mut w = Widget::new("news", None, "en");
    w.load(default_programme_json(), EMBEDDED);
    w.event("click", "copy", "ecology/toilets", "");
    assert_eq!(w.page.effects[0].0, op::COPY);
    assert_eq!(w.page.effects[0].1, "news-ecology/toilets");
    let ops = w.c.copied(true, "https://example.org/#news-ecology/toilets");
    w.run(ops);
    assert!(w.text().contains("Link copied"), "{}", w.text());
    w.event("click", "download", "csv", "");
    let d = &w.page.effects[0];
    assert_eq!((d.0, d.1.as_str()), (op::DOWNLOAD, "csv"));
    assert!(d.2[0].starts_with("news-") && d.2[0].ends_with(".csv") && d.2[1].starts_with("text/csv"));
    assert!(w.c.export_body("csv").lines().count() > 20);
    assert_eq!(w.c.export_body("json"), default_programme_json());
}

#[test]
fn failures_name_the_source_and_keep_good_data() {
    let mut w = Widget::new("tft", None, "en");
    let ops = w.c.fail("http", "404", "/no-such-file.json");
    w.run(ops);
    assert!(w.text().contains("/no-such-file.json") && w.text().contains("HTTP 404"), "{}", w.text());
    assert_eq!(w.page.events()[0].0, "tft-error");
    assert!(w.page.effects.iter().any(|e| e.0 == op::ERROR && e.1.contains("/no-such-file.json")));
    w.load(default_programme_json(), "/data.json");
    let ops = w.c.fail("timeout", "10", "/data.json");
    w.run(ops);
    assert!(w.text().contains("Industry") && w.text().contains("no answer within 10 seconds"), "{}", w.text());
    w.load("{\"title\": 1}", "/data.json");
    assert!(w.text().contains("Industry"), "invalid data keeps the last good data: {}", w.text());
    w.load(default_programme_json(), "/data.json");
    assert!(!w.text().contains("Update failed"), "good data clears the notice");
    let events = w.page.events();
    assert_eq!(events.len(), 1, "data back: {events:?}");
}

#[test]
fn bytes_must_be_utf8_and_may_start_with_a_byte_order_mark() {
    let mut w = Widget::new("tft", None, "en");
    let ops = w.c.load_bytes(b"{\"title\": \"\xb2\xfa\xd2\xb5\"}".to_vec(), "/gb18030.json", "");
    w.run(ops);
    assert!(w.text().contains("/gb18030.json") && w.text().contains("not UTF-8"), "{}", w.text());
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend_from_slice(default_programme_json().as_bytes());
    let ops = w.c.load_bytes(bom, "/bom.json", "");
    w.run(ops);
    assert!(w.text().contains("Industry"));
}

#[test]
fn invalid_data_shows_path_and_problem() {
    let mut w = Widget::new("tft", None, "en");
    let bad = r#"{"title":"x","asOf":"2020-01-01","taskForces":[{"id":"a","name":"A","measures":[{"id":"m","title":"t","status":"finished"}]}]}"#;
    w.load(bad, "element.data");
    let text = w.text();
    assert!(text.contains("element.data") && text.contains("taskForces[0].measures[0].status"), "{text}");
    assert!(text.contains("found the string \"finished\""), "{text}");
    w.load("<!doctype html><p>oops", "/data.json");
    assert!(w.text().contains("received a web page (HTML)"), "{}", w.text());
}

#[test]
fn attributes_apply_live_and_bad_values_are_named() {
    let mut w = Widget::new("tft", Some("culture"), "en");
    w.load(default_programme_json(), EMBEDDED);
    assert_eq!(w.selected(), 2);
    let ops = w.c.set_lang(Some("zh-TW"), Some("en"));
    w.run(ops);
    assert!(w.text().contains("資料截至"));
    let ops = w.c.set_selected(Some("talent".into()));
    w.run(ops);
    assert_eq!(w.selected(), 1);
    let ops = w.c.set_selected(Some("nope".into()));
    w.run(ops);
    assert!(w.page.effects.iter().any(|e| e.0 == op::WARN && e.1.contains("selected=\"nope\"")));
    let ops = w.c.set_lang(Some("klingon"), Some("en"));
    w.run(ops);
    assert!(w.page.effects.iter().any(|e| e.0 == op::WARN && e.1.contains("lang=\"klingon\"")));
    assert!(w.c.set_theme(Some("purple")).contains("theme=\"purple\""));
    assert!(w.c.set_theme(Some("dark")).is_empty());
}

#[test]
fn a_deep_link_on_first_load_opens_and_scrolls_to_the_measure() {
    let mut w = Widget::new("tft", None, "en");
    let m = {
        let p = task_force_tracker::model::parse(default_programme_json()).unwrap().programme;
        p.task_forces[3].measures[1].id.as_str().to_string()
    };
    let ops = w.c.load(default_programme_json().to_string(), EMBEDDED, &format!("#tft-ecology/{m}"));
    w.run(ops);
    assert_eq!(w.selected(), 3);
    assert_eq!(w.c.state().open, vec![format!("ecology/{m}")]);
    assert!(w.page.effects.iter().any(|e| e.0 == op::SCROLL && e.1 == format!("tft-m-ecology-{m}")));
    assert!(w.page.effects.iter().any(|e| e.0 == op::HISTORY && e.1 == "replace"));
}

#[test]
fn a_large_file_loads_in_steps_and_text_with_op_codes_stays_text() {
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
        let ops = w.c.load(text.clone(), "/big.json", "");
        w.run(ops)
    };
    let mut events = Vec::new();
    while more {
        steps += 1;
        let ops = w.c.step();
        more = w.run(ops);
        events.extend(w.page.events());
    }
    assert!(steps > 4, "{steps} steps");
    let version = task_force_tracker::export::content_hash(&text);
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(events[0].1.contains(&format!("\"version\":\"{version}\"")), "hashed along the parse");
    assert!(w.text().contains("Measure 0 \u{fffd}\u{fffd} with"), "op characters in data become U+FFFD");
    assert_eq!(w.c.state().limit, task_force_tracker::state::PAGE, "the rest of the page after the first paint");
    assert_eq!(events[0].0, "tft-load");
    // A click between steps of a new load acts on the data shown.
    let ops = w.c.load_bytes(text.into_bytes(), "/big.json", "");
    assert_eq!(ops, op::CONTINUE.to_string(), "a large file starts in the next task");
    w.event("click", "tab", "2", "");
    assert_eq!(w.selected(), 2);
}

#[test]
fn a_large_load_paints_what_is_visible_first_then_the_rest_of_the_page() {
    use task_force_tracker::controller::FIRST_PAINT;
    use task_force_tracker::state::PAGE;
    let measures: Vec<String> = (0..4000)
        .map(|i| format!(r#"{{"id":"m{i}","title":"Measure number {i} {}","status":"behind"}}"#, "x".repeat(250)))
        .collect();
    let text = format!(
        r#"{{"title":"Big","asOf":"2021-06-30","taskForces":[{{"id":"t","name":"T","measures":[{}]}}]}}"#,
        measures.join(",")
    );
    assert!(text.len() > STEP_BYTES);
    let cards = |w: &Widget| w.c.rendered().map_or(0, |n| n[0].to_html().matches("class=\"measure ").count());
    let mut w = Widget::new("tft", None, "en");
    let mut ops = w.c.load(text.clone(), "/big.json", "");
    while ops.ends_with(op::CONTINUE) {
        w.run(ops);
        ops = w.c.step();
    }
    assert!(ops.contains(op::AFTER_PAINT), "the first render asks for the rest after it is painted");
    w.run(ops);
    assert_eq!(cards(&w), FIRST_PAINT);
    let ops = w.c.step();
    assert!(!ops.contains(op::CLEAR) && !ops.contains(op::AFTER_PAINT));
    w.run(ops);
    assert_eq!(cards(&w), PAGE, "the rest of the first page, patched in");
    assert!(w.c.step().is_empty(), "then nothing more");

    // A refresh never takes cards away from someone reading them.
    let mut ops = w.c.load(text.replace("\"Big\"", "\"Bigger\""), "/big.json", "");
    while ops.ends_with(op::CONTINUE) {
        w.run(ops);
        ops = w.c.step();
    }
    assert!(!ops.contains(op::AFTER_PAINT) && ops.contains("Bigger"));
    w.run(ops);
    assert_eq!(cards(&w), PAGE);

    // A deep link shows its page whole at once.
    let mut w = Widget::new("tft", None, "en");
    let mut ops = w.c.load(text, "/big.json", "#tft-t/m40");
    while ops.ends_with(op::CONTINUE) {
        w.run(ops);
        ops = w.c.step();
    }
    assert!(!ops.contains(op::AFTER_PAINT));
    w.run(ops);
    assert_eq!(cards(&w), 41);
}

#[test]
fn a_redraw_rebuilds_the_whole_view_and_nothing_before_data() {
    let mut w = Widget::new("tft", None, "en");
    assert!(w.c.redraw().is_empty(), "nothing rendered yet: the fallback stays");
    w.load(default_programme_json(), EMBEDDED);
    w.page.root.children().clear(); // what a tampered page might look like
    let ops = w.c.redraw();
    assert!(ops.starts_with(op::CLEAR));
    w.run(ops); // and the page equals the view again
    assert!(w.text().contains("Industry"));
}
