//! Native tests of the pure view: what a reader and a screen reader get.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::json;
use task_force_tracker::model::problem::{Kind, Path, Problem, Syntax};
use task_force_tracker::model::text::Lang;
use task_force_tracker::model::LoadError;
use task_force_tracker::model::{self, Programme};
use task_force_tracker::tree::{Element, Node};
use task_force_tracker::view::{self, error_view, State};

fn default_programme() -> Programme {
    parse(task_force_tracker::default_programme_json())
}

fn parse(text: &str) -> Programme {
    model::parse(text).unwrap().programme
}

fn state(selected: usize, lang: Lang) -> State {
    State { selected, lang, ..State::default() }
}

fn all<'a>(n: &'a Node, pred: &dyn Fn(&Element) -> bool, out: &mut Vec<&'a Element>) {
    // Owned or shared (a panel's content), an element is searched the same.
    if let Some(e) = n.element() {
        if pred(e) {
            out.push(e);
        }
        e.children.iter().for_each(|c| all(c, pred, out));
    }
}

fn find_all<'a>(n: &'a Node, pred: &dyn Fn(&Element) -> bool) -> Vec<&'a Element> {
    let mut out = Vec::new();
    all(n, pred, &mut out);
    out
}

fn text(e: &Element) -> String {
    Node::Element(Box::new(e.clone())).text_content()
}

fn has_class(e: &Element, class: &str) -> bool {
    e.get_attr("class").is_some_and(|c| c.split(' ').any(|x| x == class))
}

#[test]
fn tabs_follow_the_aria_tabs_pattern() {
    let p = default_programme();
    let tree = view::view(&p, &state(2, Lang::ZhHans));
    let tablist = tree.find(&|e| e.get_attr("role") == Some("tablist")).unwrap();
    assert_eq!(tablist.get_attr("aria-label"), Some("专班"));
    let tabs = find_all(&tree, &|e| e.get_attr("role") == Some("tab"));
    assert_eq!(tabs.len(), 5);
    for (i, tab) in tabs.iter().enumerate() {
        let on = i == 2;
        assert_eq!(tab.tag, "button");
        assert_eq!(tab.get_attr("aria-selected"), Some(if on { "true" } else { "false" }));
        assert_eq!(tab.get_attr("tabindex"), Some(if on { "0" } else { "-1" }), "roving tabindex");
        let panel_id = tab.get_attr("aria-controls").unwrap();
        let panel = tree.find(&|e| e.get_attr("id") == Some(panel_id)).expect("controlled panel exists");
        assert_eq!(panel.get_attr("role"), Some("tabpanel"));
        assert_eq!(panel.get_attr("aria-labelledby"), tab.get_attr("id"));
        assert_eq!(panel.get_attr("hidden").is_none(), on, "only the selected panel shows");
    }
    assert!(text(tabs[2]).starts_with("文化振兴"));
    assert!(text(tabs[2]).contains("1/5 项已完成"), "{}", text(tabs[2]));
}

#[test]
fn selected_panel_shows_the_task_force_and_its_measures() {
    let p = default_programme();
    let tree = view::view(&p, &state(3, Lang::ZhHans));
    let panel = tree.find(&|e| e.get_attr("role") == Some("tabpanel") && e.get_attr("hidden").is_none()).unwrap();
    let t = text(panel);
    assert!(t.contains("生态振兴"));
    assert!(t.contains("突出人居环境整治"));
    assert!(t.contains("专班组长原文未公布"), "unknown leader is said, not invented: {t}");
    let panel_node = Node::Element(Box::new(panel.clone()));
    let measures = find_all(&panel_node, &|e| has_class(e, "measure"));
    assert_eq!(measures.len(), 6);
    let sewage = text(measures[1]);
    assert!(sewage.contains("持续推进农村生活污水治理"));
    assert!(sewage.contains("滞后序时"), "status as text: {sewage}");
    assert!(sewage.contains("完成时限 2020年12月31日"), "{sewage}");
    assert!(sewage.contains("已报进度 12% · 序时进度 29%"), "{sewage}");
    assert!(sewage.contains("最新汇报 2020年4月17日"), "{sewage}");
    assert!(has_class(measures[1], "st-behind"), "status colour class");
    let bar = Node::Element(Box::new(measures[1].clone()));
    let bar = bar.find(&|e| e.get_attr("role") == Some("progressbar")).unwrap();
    assert_eq!(bar.get_attr("aria-valuenow"), Some("12"));
    assert!(bar.get_attr("aria-label").unwrap().contains("持续推进农村生活污水治理"));
}

#[test]
fn header_shows_as_of_source_sample_badge_and_tally() {
    let p = default_programme();
    let html = view::view(&p, &State::default()).to_html();
    assert!(html.contains("数据截至 <time datetime=\"2020-04-17\">2020年4月17日</time>"));
    assert!(html.contains("德州日报新媒体 《德州召开乡村振兴五大专班专题会议"));
    assert!(html.contains("示例数据 · <span lang=\"en\">Sample data</span>"), "the English half is marked");
    // Counted by hand from data/dezhou.json.
    assert!(html.contains("<strong>1/23</strong>"), "{html}");
    for legend in ["已完成 1", "按序时推进 14", "滞后序时 4", "受阻 1", "未启动 3"] {
        assert!(html.contains(legend), "{legend}");
    }
    assert!(!html.contains("不再推进 "), "no dropped measures, no legend entry");
}

#[test]
fn english_view_uses_english_text_and_strings() {
    let p = default_programme();
    let html = view::view(&p, &state(0, Lang::En)).to_html();
    assert!(html.contains("lang=\"en\""));
    assert!(html.contains("Data as of <time datetime=\"2020-04-17\">17 Apr 2020</time>"));
    assert!(html.contains(">Industry<"));
    assert!(html.contains("Deepen supply-side structural reform of agriculture"));
    assert!(html.contains("On track"));
    assert!(!html.contains("产业振兴"));
}

#[test]
fn overdue_is_flagged_as_text() {
    let p = default_programme();
    // Ecology's sewage measure has an undone milestone but is not itself past due;
    // move the as-of date past every deadline instead.
    let mut late = p.clone();
    late.as_of = task_force_tracker::model::date::Date::parse("2021-01-15").unwrap();
    let html = view::view(&late, &State::default()).to_html();
    assert!(html.contains("<span class=\"tag overdue\" part=\"tag\">已逾期</span>"));
    assert!(!view::view(&p, &State::default()).to_html().contains("tag overdue"));
}

#[test]
fn data_text_is_escaped_never_markup() {
    let v = json!({
        "title": "<script>alert(1)</script>",
        "asOf": "2020-01-01",
        "taskForces": [{"id": "x", "name": "<img src=x onerror=alert(1)>", "measures": [
            {"id": "m", "title": "\"quoted\" & <b>bold</b>", "status": "blocked",
             "reports": [{"date": "2020-01-01", "note": "'single' <i>", "url": "https://e.org/?a=1&b=\"2\""}]}
        ]}]
    });
    let p = parse(&v.to_string());
    let html = view::view(&p, &State::default()).to_html();
    assert!(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>") && !html.contains("<i>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;"));
    assert!(html.contains("href=\"https://e.org/?a=1&amp;b=&quot;2&quot;\""));
    assert!(html.contains("rel=\"noopener noreferrer\""));
}

#[test]
fn every_link_in_the_view_is_http() {
    let text = r#"{"title":"Links","asOf":"2021-06-30",
      "source":{"title":"Article","url":"https://example.org/article?a=1&b=2"},
      "taskForces":[{"id":"a","name":"A","measures":[{"id":"m","title":"t","status":"on-track",
        "reports":[{"date":"2021-06-01","note":"n","url":"http://example.org/r1"},
                   {"date":"2021-05-01","note":"n2","url":"https://example.org/r2"}]}]}]}"#;
    let p = model::parse(text).unwrap().programme;
    let mut st = state(0, Lang::En);
    st.open.push("a/m".into());
    let tree = view::view(&p, &st);
    let hrefs: Vec<String> = find_all(&tree, &|e| e.get_attr("href").is_some())
        .iter()
        .map(|a| a.get_attr("href").unwrap().to_string())
        .collect();
    assert!(hrefs.len() >= 3, "the source and both reports are links: {hrefs:?}");
    for h in &hrefs {
        assert!(h.starts_with("https://") || h.starts_with("http://"), "{h}");
    }
    // And a link that is not http(s) never gets that far.
    let bad = text.replace("http://example.org/r1", "httpx://example.org/r1");
    assert!(model::parse(&bad).is_err(), "httpx: is refused");
}

#[test]
fn error_view_says_which_file_which_path_and_what_was_expected() {
    let mut v: serde_json::Value = serde_json::from_str(task_force_tracker::default_programme_json()).unwrap();
    v["taskForces"][1]["measures"][0]["due"] = json!("2020-02-30");
    let Err(model::ParseError::Invalid(problems)) = model::parse(&v.to_string()) else { panic!() };
    let err = LoadError::Invalid(problems);
    let t = error_view(&err, "/data/programme.json", Lang::ZhHans).text_content();
    assert!(t.contains("进展数据加载失败"), "{t}");
    assert!(t.contains("/data/programme.json"), "{t}");
    assert!(t.contains("taskForces[1].measures[0].due"), "{t}");
    assert!(t.contains("“2020-02-30”"), "{t}");
    assert!(t.contains("YYYY-MM-DD"), "{t}");
    assert!(t.contains("数据有误") && !t.contains("expected"), "in Chinese throughout: {t}");
    let t = error_view(&err, "/data/programme.json", Lang::ZhHant).text_content();
    assert!(t.contains("資料有誤") && t.contains("進展資料載入失敗"), "Traditional throughout: {t}");

    let t = error_view(&LoadError::Http(404), "/x.json", Lang::En).text_content();
    assert!(t.contains("Could not load the progress data") && t.contains("/x.json") && t.contains("HTTP 404"), "{t}");
    let page = Problem::new(Kind::Syntax(Syntax::Html), Path::root(), 0);
    let html = task_force_tracker::words::load_error(Lang::En, &LoadError::NotJson(Box::new(page)));
    assert!(html.contains("HTML"), "{html}");
}

#[test]
fn empty_task_force_says_so() {
    let v = json!({"title": "t", "asOf": "2020-01-01", "taskForces": [{"id": "a", "name": "A", "measures": []}]});
    let p = parse(&v.to_string());
    let t = view::view(&p, &State::default()).text_content();
    assert!(t.contains("暂无工作措施"), "{t}");
    assert!(t.contains("0/0 项已完成"), "{t}");
}

#[test]
fn the_timeline_draws_every_listed_measure_and_tables_the_same_facts() {
    let p = default_programme();
    let mut st = state(3, Lang::ZhHans);
    st.timeline = true;
    let tree = view::view(&p, &st);
    let rows = find_all(&tree, &|e| e.tag == "g" && e.get_attr("class").is_some_and(|c| c.starts_with("tl-row")));
    let table_rows = find_all(&tree, &|e| {
        e.tag == "tr"
            && e.children
                .first()
                .is_some_and(|c| c.element().is_some_and(|th| th.tag == "th" && th.get_attr("scope") == Some("row")))
    });
    let ecology = &p.task_forces[3];
    assert_eq!(rows.len(), ecology.measures.len());
    assert_eq!(table_rows.len(), ecology.measures.len());
    for (row, m) in rows.iter().zip(&ecology.measures) {
        let label = Node::Element(Box::new((*row).clone())).text_content();
        assert!(label.contains(task_force_tracker::model::status_label(m.status, Lang::ZhHans)), "{label}");
    }
    let svg = find_all(&tree, &|e| e.tag == "svg")[0];
    let alt = svg.get_attr("aria-label").unwrap();
    assert!(alt.contains(&format!("{} 项措施", ecology.measures.len())) && alt.contains("截至2020年4月17日"), "{alt}");
    // The static snapshot (print) has a timeline after each list.
    let html = view::snapshot(&p, &State { print: true, ..State::default() }, true);
    assert_eq!(html.matches("<svg").count(), p.task_forces.len(), "one per task force");

    // The as-of line runs down the drawing but never through a row's label
    // (a label's text sits on its `y`, about 12 px tall).
    let as_of = find_all(&tree, &|e| e.get_attr("class") == Some("tl-asof"))[0];
    let path = within(as_of, &|e| e.tag == "path")[0];
    let d = path.get_attr("d").unwrap();
    let segments: Vec<(i64, i64)> = d
        .split('M')
        .filter(|s| !s.is_empty())
        .map(|s| {
            let (start, end) = s.split_once('V').unwrap();
            (start.split(' ').nth(1).unwrap().parse().unwrap(), end.parse().unwrap())
        })
        .collect();
    let labels = find_all(&tree, &|e| e.tag == "text" && e.get_attr("class") == Some("tl-label"));
    assert_eq!(labels.len(), ecology.measures.len());
    for label in labels {
        let y: i64 = label.get_attr("y").unwrap().parse().unwrap();
        let (top, bottom) = (y - 12, y + 4);
        for (a, b) in &segments {
            assert!(*b <= top || *a >= bottom, "segment {a}–{b} crosses the label at {top}–{bottom}: {d}");
        }
    }
    let drawn: i64 = segments.iter().map(|(a, b)| b - a).sum();
    let height: i64 = svg.get_attr("height").unwrap().parse().unwrap();
    assert!(drawn > height / 2, "the line still runs down the drawing ({drawn} of {height})");
}

/// Elements under `e` (itself included) that `pred` accepts.
fn within<'a>(e: &'a Element, pred: &dyn Fn(&Element) -> bool) -> Vec<&'a Element> {
    let mut out = Vec::new();
    if pred(e) {
        out.push(e);
    }
    e.children.iter().for_each(|c| all(c, pred, &mut out));
    out
}

fn newsroom() -> Programme {
    parse(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/newsroom/programme.json")).unwrap())
}

#[test]
fn overdue_is_counted_per_task_force_and_filters_the_list() {
    let p = newsroom();
    let tree = view::view(&p, &State::default());
    let tabs = find_all(&tree, &|e| e.get_attr("role") == Some("tab"));
    // Hand-counted from the fixture: per task force, the on-track (due 31 Mar),
    // behind (31 May) and blocked (29 Feb) measures are past 30 Jun 2024.
    for tab in &tabs {
        assert!(text(tab).contains("3 项逾期"), "{}", text(tab));
    }
    let overall = find_all(&tree, &|e| has_class(e, "overdue-count"));
    assert_eq!(text(overall[0]), "12 项逾期");

    let mut st = State::default();
    st.filter.overdue = true;
    st.filter.all = true;
    let tree = view::view(&p, &st);
    let cards = find_all(&tree, &|e| e.tag == "li" && has_class(e, "measure"));
    assert_eq!(cards.len(), 12);
    assert!(cards.iter().all(|c| text(c).contains("已逾期")));
    let select = find_all(&tree, &|e| e.get_attr("data-act") == Some("status"))[0];
    let chosen = within(select, &|e| e.get_attr("selected").is_some());
    assert_eq!(chosen[0].get_attr("value"), Some("overdue"));
}

#[test]
fn a_search_with_no_match_here_says_where_the_matches_are() {
    let p = newsroom();
    let mut st = State::default();
    st.filter.query = "公路".into();
    let tree = view::view(&p, &st);
    let note = find_all(&tree, &|e| has_class(e, "elsewhere"));
    assert_eq!(note.len(), 1);
    assert!(text(note[0]).contains("其他专班另有 5 项"), "{}", text(note[0]));
    assert_eq!(within(note[0], &|e| e.get_attr("data-act") == Some("scope-all")).len(), 1);
    st.filter.all = true;
    assert!(
        find_all(&view::view(&p, &st), &|e| has_class(e, "elsewhere")).is_empty(),
        "nothing elsewhere when searching all"
    );
}

#[test]
fn the_version_is_explained_below_not_in_the_header_and_notes_keep_their_lines() {
    let p = newsroom();
    let mut st = State { version: Some("0123456789ab".into()), ..State::default() };
    st.open.push("dust/m2".into());
    let tree = view::view(&p, &st);
    let header = find_all(&tree, &|e| e.tag == "header")[0];
    assert!(!text(header).contains("0123456789ab"));
    let about = find_all(&tree, &|e| has_class(e, "about"))[0];
    assert!(text(about).starts_with("数据版本 0123456789ab（下载文件"), "{}", text(about));
    let card = find_all(&tree, &|e| e.get_attr("id") == Some("tft-m-dust-m2"))[0];
    let note = within(card, &|e| has_class(e, "report-note"))[0];
    assert!(text(note).contains("推进会。\n第二行"), "the line break is in the text node: {:?}", text(note));
    assert_eq!(text(card).matches("第一行").count(), 1, "one report, shown once");
    assert!(within(card, &|e| has_class(e, "history")).is_empty());
}

#[test]
fn the_fallback_is_prefixed_collapsed_and_needs_no_style_or_script() {
    let p = newsroom();
    let html = view::fallback::fallback_html(&p, Lang::ZhHans);
    assert!(!html.contains(" style="), "no style attribute");
    assert!(!html.contains("<button") && !html.contains("<input") && !html.contains("<script"));
    assert_eq!(html.matches("<details>").count(), 20, "one collapsed <details> per measure");
    for class in html.split("class=\"").skip(1).map(|r| &r[..r.find('"').unwrap()]) {
        assert!(class.split(' ').all(|c| c.starts_with("tft-")), "{class}");
    }
    assert!(html.contains("2024年6月30日</time> · 来源 "), "as-of and source apart");
    assert!(html.contains("<progress class=\"tft-bar\" max=\"20\" value=\"4\""), "4 of 20 completed (hand-counted)");
    let en = view::fallback::fallback_html(&p, Lang::En);
    assert!(en.contains("lang=\"en\"") && en.contains("12 overdue"));
}

#[test]
fn readers_get_a_short_notice_and_the_page_fallback_editors_the_detail() {
    let nodes = view::unavailable_view(true, Lang::ZhHans);
    let all_text: String = nodes.iter().map(Node::text_content).collect();
    assert_eq!(all_text, "数据暂时无法更新，以下为此前发布的内容。");
    assert!(matches!(&nodes[1], Node::Element(e) if e.tag == "slot"), "the element's own children show below");
    let none: String = view::unavailable_view(false, Lang::En).iter().map(Node::text_content).collect();
    assert_eq!(none, "The progress data cannot be shown right now. Please try again later.");
}
