//! Native tests of parsing, validation and derived facts.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use task_force_tracker::model::date::Date;
use task_force_tracker::model::text::Lang;
use task_force_tracker::model::{self, Problem, Programme, Status};
use task_force_tracker::words;

fn parse(v: Value) -> Result<Programme, Vec<Problem>> {
    match model::parse(&v.to_string()) {
        Ok(parsed) => Ok(parsed.programme),
        Err(model::ParseError::Invalid(problems)) => Err(problems),
        Err(other) => panic!("not JSON? {other:?}"),
    }
}

fn default_json() -> Value {
    serde_json::from_str(task_force_tracker::default_programme_json()).unwrap()
}

/// A small valid programme to break in one place per test.
fn minimal() -> Value {
    json!({
        "title": "Test programme",
        "asOf": "2020-06-30",
        "taskForces": [{
            "id": "eco",
            "name": {"zh-Hans": "生态振兴", "en": "Ecology"},
            "measures": [
                {"id": "toilets", "title": "改厕", "status": "on-track", "progress": 40,
                 "start": "2020-01-01", "due": "2020-12-31",
                 "reports": [
                    {"date": "2020-03-01", "note": "older"},
                    {"date": "2020-06-01", "note": "newer", "url": "https://example.org/r"}
                 ]},
                {"id": "sewage", "title": "污水", "status": "behind", "due": "2020-05-31"}
            ]
        }]
    })
}

/// What a problem says in English (the words tables' own test covers the others).
fn message(p: &Problem) -> String {
    words::message(Lang::En, &p.kind)
}

fn only_problem(v: Value) -> Problem {
    let problems = parse(v).expect_err("should be rejected");
    assert_eq!(problems.len(), 1, "{problems:?}");
    problems.into_iter().next().unwrap()
}

#[test]
fn default_dataset_has_the_articles_structure() {
    let p = parse(default_json()).expect("embedded default is valid");
    let names: Vec<&str> = p.task_forces.iter().map(|t| t.name.get(Lang::ZhHans)).collect();
    assert_eq!(names, ["产业振兴", "人才振兴", "文化振兴", "生态振兴", "组织振兴"]);
    let counts: Vec<usize> = p.task_forces.iter().map(|t| t.measures.len()).collect();
    assert_eq!(counts, [5, 2, 5, 6, 5], "measures named in the article");
    assert_eq!(p.as_of, Date::parse("2020-04-17").unwrap(), "the meeting date");
    assert!(p.sample && p.has_sample(), "figures the article does not give are marked sample");
    assert!(p.task_forces.iter().flat_map(|t| &t.measures).all(|m| m.sample), "every measure's status is sample");
    assert!(p.task_forces.iter().all(|t| t.leader.is_none()), "the article names no leaders: none invented");
    assert_eq!(p.task_forces[3].focus.as_ref().unwrap().get(Lang::ZhHans), "突出人居环境整治");
    assert!(p.task_forces.iter().all(|t| t.name.has(Lang::En)), "English names");
}

#[test]
fn reports_are_sorted_newest_first() {
    let p = parse(minimal()).unwrap();
    let m = &p.task_forces[0].measures[0];
    assert_eq!(m.latest_report().unwrap().note.get(Lang::En), "newer");
    assert_eq!(m.reports[1].note.get(Lang::En), "older");
}

#[test]
fn derived_overdue_schedule_and_tallies() {
    let p = parse(minimal()).unwrap();
    let tf = &p.task_forces[0];
    let (toilets, sewage) = (&tf.measures[0], &tf.measures[1]);
    assert!(!toilets.is_overdue(p.as_of));
    assert!(sewage.is_overdue(p.as_of), "due 2020-05-31, as of 2020-06-30, behind");
    // 181 of 365 days have passed: 50 %.
    assert_eq!(toilets.schedule(p.as_of), Some(50));
    assert_eq!(sewage.schedule(p.as_of), None, "no start date");
    assert_eq!(toilets.progress(), 40);
    assert_eq!(sewage.progress(), 0);
    let t = tf.tally(p.as_of);
    assert_eq!((t.total(), t.done(), t.overdue), (2, 0, 1));
    assert_eq!(t.count(Status::Behind), 1);
    assert_eq!(p.tally(), t);
}

#[test]
fn completed_and_dropped_are_never_overdue() {
    let mut v = minimal();
    v["taskForces"][0]["measures"][1]["status"] = json!("completed");
    let p = parse(v.clone()).unwrap();
    assert!(!p.task_forces[0].measures[1].is_overdue(p.as_of));
    assert_eq!(p.task_forces[0].measures[1].progress(), 100, "completed defaults to 100 %");
    v["taskForces"][0]["measures"][1]["status"] = json!("dropped");
    let p = parse(v).unwrap();
    assert!(!p.task_forces[0].measures[1].is_overdue(p.as_of));
}

#[test]
fn chinese_status_words_are_accepted() {
    let mut v = minimal();
    v["taskForces"][0]["measures"][1]["status"] = json!("滞后序时");
    assert_eq!(parse(v).unwrap().task_forces[0].measures[1].status, Status::Behind);
}

#[test]
fn errors_name_the_json_path_and_what_was_expected() {
    // (how to break the minimal programme, expected path, expected words)
    type Case = (fn(&mut Value), &'static str, &'static str);
    let cases: Vec<Case> = vec![
        (
            |v| v["taskForces"][0]["measures"][1]["due"] = json!("2020-13-01"),
            "taskForces[0].measures[1].due",
            "YYYY-MM-DD",
        ),
        (
            |v| v["taskForces"][0]["measures"][0]["status"] = json!("done"),
            "taskForces[0].measures[0].status",
            "on-track",
        ),
        (
            |v| v["taskForces"][0]["measures"][0]["progress"] = json!(150),
            "taskForces[0].measures[0].progress",
            "0 to 100",
        ),
        (
            |v| v["taskForces"][0]["measures"][0]["progress"] = json!(12.5),
            "taskForces[0].measures[0].progress",
            "whole number",
        ),
        (
            |v| v["taskForces"][0]["measures"][0]["reports"][1]["url"] = json!("javascript:alert(1)"),
            "taskForces[0].measures[0].reports[1].url",
            "http",
        ),
        (|v| v["taskForces"][0]["id"] = json!("Has Spaces"), "taskForces[0].id", "a-z"),
        (|v| v["title"] = json!(""), "title", "non-empty"),
        (|v| v["title"] = json!(42), "title", "string, or an object"),
        (|v| v["title"] = json!({"fr": "x"}), "title.fr", "zh-Hans"),
        (|v| v["asOf"] = json!(20200630), "asOf", "YYYY-MM-DD"),
        (|v| v["taskForces"] = json!({}), "taskForces", "expected a list"),
        (|v| v.as_object_mut().unwrap().remove("asOf").map(drop).unwrap(), "", "missing field `asOf`"),
        (
            |v| v["taskForces"][0]["measures"][0].as_object_mut().unwrap().remove("status").map(drop).unwrap(),
            "taskForces[0].measures[0]",
            "missing field `status`",
        ),
    ];
    for (break_it, path, expected) in cases {
        let mut v = minimal();
        break_it(&mut v);
        let p = only_problem(v);
        assert_eq!(p.path.to_string(), path, "{p:?}");
        assert!(message(&p).contains(expected), "{p:?} should mention {expected:?}");
    }
}

#[test]
fn validation_reports_every_problem_with_its_path() {
    let mut v = minimal();
    v["taskForces"][0]["measures"][1]["id"] = json!("toilets");
    v["taskForces"][0]["measures"][0]["title"] = json!("长".repeat(301));
    let dup_tf = v["taskForces"][0].clone();
    v["taskForces"].as_array_mut().unwrap().push(dup_tf);
    let problems = parse(v).unwrap_err();
    let paths: Vec<String> = problems.iter().map(|p| p.path.to_string()).collect();
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    assert!(paths.contains(&"taskForces[0].measures[1].id"), "{problems:?}");
    assert!(paths.contains(&"taskForces[0].measures[0].title"), "{problems:?}");
    assert!(paths.contains(&"taskForces[1].id"), "{problems:?}");
    assert!(problems.iter().any(|p| message(p).contains("duplicate id \"eco\"")));
    assert!(problems.iter().any(|p| message(p).contains("301 characters long, expected at most 300")));
}

#[test]
fn limits_on_counts() {
    let mut v = minimal();
    v["taskForces"] = json!([]);
    assert!(message(&only_problem(v)).contains("at least one task force"));

    let mut v = minimal();
    let m = v["taskForces"][0]["measures"][1].clone();
    let many: Vec<Value> = (0..=model::MAX_LIST).map(|_| json!({"date": "2020-01-01", "note": "n"})).collect();
    let mut m2 = m;
    m2["reports"] = json!(many);
    v["taskForces"][0]["measures"][1] = m2;
    let p = only_problem(v);
    assert_eq!(p.path.to_string(), "taskForces[0].measures[1].reports");
    assert!(message(&p).contains("expected at most 200"), "{p:?}");
}

#[test]
fn links_must_be_http_or_https() {
    use task_force_tracker::model::Link;
    for ok in ["https://example.org/a?b=c#d", "http://例子.中国/", "HTTPS://EXAMPLE.ORG"] {
        assert!(Link::valid(ok), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        "data:text/html,x",
        "//example.org",
        "https://",
        "https:// x",
        "ftp://x",
        "https://a b",
        "vbscript:x",
        "/relative",
    ] {
        assert!(!Link::valid(bad), "{bad}");
    }
}

#[test]
fn repeated_titles_within_a_task_force_are_warned_about() {
    let warnings = |titles: [Value; 3]| -> Vec<String> {
        let mut v = minimal();
        let mut measures = Vec::new();
        for (i, title) in titles.into_iter().enumerate() {
            measures.push(json!({"id": format!("m{i}"), "title": title, "status": "on-track"}));
        }
        v["taskForces"][0]["measures"] = json!(measures);
        let parsed = model::parse(&v.to_string()).expect("valid");
        parsed.warnings.iter().map(|w| format!("{}: {}", w.path, message(w))).collect()
    };
    let same_text = warnings([json!("改厕"), json!("污水"), json!("改厕")]);
    assert_eq!(
        same_text,
        ["taskForces[0].measures[2].title: the title \"改厕\" appears more than once in this task force"]
    );
    let same_translations = warnings([
        json!({"zh-Hans": "改厕", "en": "Toilets"}),
        json!("x"),
        json!({"zh-Hans": "改厕", "en": "Toilets"}),
    ]);
    assert_eq!(same_translations.len(), 1, "{same_translations:?}");
    let other_translation = warnings([
        json!({"zh-Hans": "改厕", "en": "Toilets"}),
        json!({"zh-Hans": "改厕", "en": "Latrines"}),
        json!("改厕"),
    ]);
    assert!(other_translation.is_empty(), "{other_translation:?}");
}

/// JSON values equal, numbers by value (`-0` is the integer 0 to the
/// reader, the float -0.0 to serde_json).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((k, x), (l, y))| k == l && same(x, y))
        }
        _ => a == b,
    }
}

/// The JSON reader accepts exactly what serde_json accepts and reads the
/// same values, over generated and mutated texts (deterministic). Left out
/// where the two differ on purpose: a byte-order mark (the reader skips it),
/// nesting past 64 (the reader's limit), exponents beyond f64 (the reader
/// keeps the number as written).
#[test]
fn the_json_reader_agrees_with_serde_json() {
    use task_force_tracker::model::json;
    use task_force_tracker::tool::to_serde;
    const TOKENS: [&str; 28] = [
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        "\"a\"",
        "\"é\\n\"",
        "\"\\u00e9\\\"\"",
        "1",
        "-2.5e3",
        "0",
        "-0",
        "true",
        "false",
        "null",
        " ",
        "\n",
        "\"",
        "01",
        "1.",
        ".5",
        "tru",
        "\"\t\"",
        "\"\\x\"",
        "18446744073709551616",
        "1E+2",
        "\"b\"",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let valid = [
        r#"{"a": [1, 2, {"b": null}], "c": "d"}"#,
        r#"[true, false, -0.5e-3, "x\u0041", {}]"#,
        task_force_tracker::default_programme_json(),
    ];
    let mut texts: Vec<String> = Vec::new();
    for _ in 0..4000 {
        let len = 1 + next(10);
        texts.push((0..len).map(|_| TOKENS[next(TOKENS.len())]).collect());
    }
    for _ in 0..1500 {
        let base: Vec<char> = valid[next(2)].chars().collect();
        let mut chars = base.clone();
        let at = next(chars.len());
        match next(3) {
            0 => {
                chars.remove(at);
            }
            1 => chars.insert(at, ['{', '"', ',', ']', '1', ' ', '\\'][next(7)]),
            _ => chars[at] = ['}', ':', 'e', '-', 'n', '"'][next(6)],
        }
        texts.push(chars.into_iter().collect());
    }
    texts.extend(valid.iter().map(|s| s.to_string()));
    let mut accepted = 0;
    for text in &texts {
        let ours = json::parse(text);
        let theirs = serde_json::from_str::<serde_json::Value>(text);
        if theirs.as_ref().is_err_and(|e| e.to_string().contains("number out of range")) {
            continue; // beyond f64: the reader keeps the number as written
        }
        assert_eq!(ours.is_ok(), theirs.is_ok(), "{text:?}: ours {ours:?}, serde_json {theirs:?}");
        if let (Ok(a), Ok(b)) = (ours, theirs) {
            assert!(same(&to_serde(&a), &b), "{text:?}: {a:?} vs {b:?}");
            accepted += 1;
        }
    }
    assert!(accepted > 100, "enough valid texts to compare values: {accepted}");
}

#[test]
fn a_wrong_id_is_named_by_its_character_and_code_point() {
    let mut v = minimal();
    v["taskForces"][0]["id"] = json!("ecоlogy"); // a Cyrillic о (U+043E)
    let p = only_problem(v);
    assert_eq!(p.path.to_string(), "taskForces[0].id");
    assert!(message(&p).ends_with("character 3 of 7 is \"о\" (U+043E)"), "{}", message(&p));

    let mut v = minimal();
    v["taskForces"][0]["measures"][0]["id"] = json!("Toilets");
    assert!(message(&only_problem(v)).ends_with("character 1 of 7 is \"T\" (U+0054) (use lowercase)"));

    let mut v = minimal();
    v["taskForces"][0]["measures"][0]["id"] = json!("a".repeat(65));
    assert!(message(&only_problem(v)).ends_with("it is 65 characters long, 1 more than the 64 allowed"));
    let mut v = minimal();
    v["taskForces"][0]["measures"][0]["id"] = json!("a".repeat(64));
    assert!(parse(v).is_ok(), "64 characters are allowed");
    let mut v = minimal();
    v["taskForces"][0]["measures"][0]["id"] = json!(format!("{}é", "a".repeat(63)));
    assert!(message(&only_problem(v)).ends_with("character 64 of 64 is \"é\" (U+00E9)"), "not a count of bytes");
}

#[test]
fn links_with_hidden_characters_are_refused() {
    for bad in [
        "https://\u{202E}moc.elpmaxe/",
        "https://\u{FFFD}example.org/",
        "https://exa\u{200B}mple.org/",
        "https://example.org/\u{2066}x",
    ] {
        let mut v = minimal();
        v["taskForces"][0]["measures"][0]["reports"][1]["url"] = json!(bad);
        let p = only_problem(v);
        assert_eq!(p.path.to_string(), "taskForces[0].measures[0].reports[1].url", "{bad:?}");
    }
    let mut v = minimal();
    v["taskForces"][0]["measures"][0]["reports"][1]["url"] = json!("https://例子.中国/报告");
    assert!(parse(v).is_ok(), "an internationalised name is fine");
}

#[test]
fn problems_say_which_task_force_and_measure_by_id_and_name() {
    let mut v = minimal();
    v["taskForces"][0]["measures"][1]["due"] = json!("2020/5/31");
    let text = v.to_string();
    let Err(model::ParseError::Invalid(problems)) = model::parse(&text) else { panic!("should be rejected") };
    let context = problems[0].context.as_ref().expect("inside a task force");
    assert_eq!(context.task_force.id.as_deref(), Some("eco"));
    assert_eq!(context.task_force.name.as_deref(), Some("生态振兴"));
    assert_eq!(context.measure.as_ref().and_then(|m| m.id.as_deref()), Some("sewage"));
    let text = words::problem(Lang::En, &problems[0]);
    assert!(text.ends_with("(in task force \"eco\" 生态振兴, measure \"sewage\" 污水)"), "{text}");
    let text = words::problem(Lang::ZhHant, &problems[0]);
    assert!(text.ends_with("（位於專班 「eco」 生态振兴，措施 「sewage」 污水）"), "{text}");
}

#[test]
fn a_near_miss_status_gets_a_suggestion_and_the_words_are_listed() {
    let mut v = minimal();
    v["taskForces"][0]["measures"][0]["status"] = json!("按时推进");
    let p = only_problem(v);
    assert!(
        message(&p).contains("on-track (按序时推进)") && message(&p).ends_with("did you mean 按序时推进?"),
        "{}",
        message(&p)
    );
    let mut v = minimal();
    v["taskForces"][0]["measures"][0]["status"] = json!("finished");
    assert!(!message(&only_problem(v)).contains("did you mean"), "no suggestion for a word far from every status");
}
