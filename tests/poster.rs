//! The poster (`tft render-svg`, the desk's long image): one well-formed
//! SVG 750 px wide in every language; the overview names every task force
//! with its tally, a task force's poster every measure with its status
//! word, progress, deadline and overdue mark; the caption says the
//! `summary`'s figures.
#![cfg(not(target_arch = "wasm32"))]

use task_force_tracker::controller::Summary;
use task_force_tracker::default_programme_json;
use task_force_tracker::model::text::Lang;
use task_force_tracker::model::{self, status_label, Programme, Status};
use task_force_tracker::view::poster::{caption, svg, Sheet};
use task_force_tracker::words::{format_date, ui};

fn parse(json: &str) -> Programme {
    model::parse(json).expect("valid").programme
}

fn seven() -> Programme {
    parse(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/workbooks/seven.json")).unwrap())
}

/// Three task forces of 40 measures: long titles in Chinese and English,
/// every status, some overdue, some with no deadline.
fn long_titles() -> Programme {
    let statuses = ["completed", "on-track", "behind", "blocked", "not-started", "dropped"];
    let tfs: Vec<String> = (0..3)
        .map(|t| {
            let ms: Vec<String> = (0..40)
                .map(|m| {
                    let due = if m % 5 == 4 { String::new() } else { format!(r#","due":"2024-0{}-15""#, 1 + m % 9) };
                    format!(
                        r#"{{"id":"m{m}","title":{{"zh-Hans":"{}第{m}项：推进农村人居环境整治提升五年行动，（重点）完成改厕与污水治理","en":"Measure {m}: carry out the five-year action to improve rural living environments, including toilets and sewage treatment{}"}},"status":"{}","progress":{}{due}}}"#,
                        "全面".repeat(m % 4),
                        " and more".repeat(m % 3),
                        statuses[(m + t) % 6],
                        (m * 13) % 101
                    )
                })
                .collect();
            format!(
                r#"{{"id":"tf{t}","name":{{"zh-Hans":"第{t}专班：农业农村现代化与乡村建设行动推进专班","en":"Task force {t}: modernising agriculture and rural construction"}},"focus":"突出产业链条建设，推动一二三产业融合发展，培育新型农业经营主体","leader":"市委常委、副市长","measures":[{}]}}"#,
                ms.join(",")
            )
        })
        .collect();
    parse(&format!(
        r#"{{"title":{{"zh-Hans":"德州市全面推进乡村振兴五大专班重点工作任务进展情况一览","en":"Dezhou: progress of the key tasks of the five rural revitalisation task forces"}},"asOf":"2024-06-30","source":{{"title":"市政府工作报告","publisher":"市政府办公室","date":"2024-01-15"}},"sample":true,"taskForces":[{}]}}"#,
        tfs.join(",")
    ))
}

/// Every poster of `p`: the overview and each task force's.
fn sheets(p: &Programme) -> Vec<Sheet> {
    std::iter::once(Sheet::Overview).chain((0..p.task_forces.len()).map(Sheet::TaskForce)).collect()
}

/// The poster's text, one string per `<text>`, after reading it as XML.
fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed XML: {e}"));
    doc.descendants().filter(|n| n.has_tag_name("text")).map(|n| n.text().unwrap_or_default().to_string()).collect()
}

fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_poster_is_one_well_formed_svg_750_wide_with_its_caption_as_its_title() {
    for p in [parse(default_programme_json()), seven(), long_titles()] {
        for lang in Lang::ALL {
            for sheet in sheets(&p) {
                let text = svg(&p, lang, sheet);
                let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{lang:?} {sheet:?}: {e}"));
                let root = doc.root_element();
                assert!(root.has_tag_name(("http://www.w3.org/2000/svg", "svg")), "an SVG document");
                assert_eq!(root.attribute("width"), Some("750"));
                let height: f32 = root.attribute("height").unwrap().parse().unwrap();
                assert_eq!(root.attribute("viewBox"), Some(format!("0 0 750 {height}").as_str()));
                // Nothing drawn below the bottom of the page.
                for n in root.descendants().filter(|n| n.has_tag_name("text")) {
                    let y: f32 = n.attribute("y").unwrap().parse().unwrap();
                    assert!(y < height - 20.0, "{lang:?} {sheet:?}: text at {y} on a page {height} tall");
                }
                let title = root.children().find(|n| n.has_tag_name("title")).expect("a title");
                assert_eq!(title.text(), Some(caption(&p, lang, sheet).as_str()), "the caption is the image's name");
            }
        }
    }
}

#[test]
fn the_overview_names_every_task_force_with_its_tally_in_words() {
    for p in [parse(default_programme_json()), seven()] {
        for lang in Lang::ALL {
            let s = ui(lang);
            let texts = texts(&svg(&p, lang, Sheet::Overview));
            let all = squeezed(&texts.concat());
            let has = |t: &str| texts.iter().any(|x| x == t);
            let tally = p.tally();
            assert!(has(&format!("{}/{}", tally.done(), tally.total())), "{lang:?}: the programme's count");
            assert!(all.contains(&squeezed(p.title.get(lang))), "{lang:?}: the title");
            for tf in &p.task_forces {
                let t = tf.tally(p.as_of);
                assert!(all.contains(&squeezed(tf.name.get(lang))), "{lang:?}: {}", tf.name.get(lang));
                assert!(
                    has(&format!("{}/{} {}", t.done(), t.total(), s.measures_done)),
                    "{lang:?}: {} done",
                    tf.id.as_str()
                );
            }
            // Each status written with its count, over all and per task force:
            // a legend line per status present, never a colour alone.
            for st in Status::ALL {
                let rows = p.task_forces.iter().filter(|tf| tf.tally(p.as_of).count(st) > 0).count();
                let lines = texts.iter().filter(|x| x.starts_with(&format!("{} ", status_label(st, lang)))).count();
                assert_eq!(lines, rows + usize::from(tally.count(st) > 0), "{lang:?} {st:?}");
            }
        }
    }
}

#[test]
fn a_task_force_poster_has_every_measure_with_its_status_word_progress_deadline_and_overdue_mark() {
    for p in [parse(default_programme_json()), seven(), long_titles()] {
        for lang in Lang::ALL {
            let s = ui(lang);
            for (i, tf) in p.task_forces.iter().enumerate() {
                let texts = texts(&svg(&p, lang, Sheet::TaskForce(i)));
                let all = squeezed(&texts.concat());
                let count = |t: &str| texts.iter().filter(|x| *x == t).count();
                assert!(all.contains(&squeezed(tf.name.get(lang))));
                if let Some(focus) = &tf.focus {
                    assert!(all.contains(&squeezed(focus.get(lang))), "the focus");
                }
                for m in &tf.measures {
                    assert!(all.contains(&squeezed(m.title.get(lang))), "{lang:?}: {}", m.title.get(lang));
                }
                for st in Status::ALL {
                    let n = tf.measures.iter().filter(|m| m.status == st).count();
                    assert_eq!(count(status_label(st, lang)), n, "{lang:?} {}: {st:?} chips", tf.id.as_str());
                }
                let overdue = tf.measures.iter().filter(|m| m.is_overdue(p.as_of)).count();
                assert_eq!(count(s.overdue), overdue, "{lang:?} {}: overdue marks", tf.id.as_str());
                for m in &tf.measures {
                    assert!(count(&format!("{} {}%", s.progress, m.progress())) > 0);
                    let due = m.due.map_or(s.no_due.to_string(), |d| format!("{} {}", s.due, format_date(d, lang)));
                    assert!(count(&due) > 0, "{due}");
                }
            }
        }
    }
}

#[test]
fn the_caption_says_the_summarys_figures() {
    let p = seven();
    let s = Summary::of(&p, Lang::ZhHans, "");
    let best = s.furthest().expect("a task force with measures completed");
    assert_eq!(
        caption(&p, Lang::ZhHans, Sheet::Overview),
        format!(
            "截至2024年6月30日，{}项措施中已完成{}项，{}项逾期；进展最快的是{}，{}项中已完成{}项。",
            s.measures, s.by_status.completed, s.overdue, best.name, best.measures, best.by_status.completed
        )
    );
    let en = Summary::of(&p, Lang::En, "");
    assert_eq!(
        caption(&p, Lang::En, Sheet::Overview),
        format!(
            "As of 30 Jun 2024, {} of {} measures had been completed and {} were overdue; furthest along is {}, with {} of {} completed.",
            en.by_status.completed,
            en.measures,
            en.overdue,
            en.furthest().unwrap().name,
            en.furthest().unwrap().by_status.completed,
            en.furthest().unwrap().measures
        )
    );
    // One task force: each status present with its count, and its overdue.
    let tf = &s.task_forces[1];
    let list: Vec<String> = Status::ALL
        .iter()
        .filter(|st| tf.by_status.get(**st) > 0)
        .map(|st| format!("{}{}項", status_label(*st, Lang::ZhHant), tf.by_status.get(*st)))
        .collect();
    let hant = Summary::of(&p, Lang::ZhHant, "");
    assert_eq!(
        caption(&p, Lang::ZhHant, Sheet::TaskForce(1)),
        format!(
            "截至2024年6月30日，{}的{}項措施中，{}；{}項逾期。",
            hant.task_forces[1].name,
            tf.measures,
            list.join("、"),
            tf.overdue
        )
    );
    // The default data is sample data, and no measure is overdue.
    let d = parse(default_programme_json());
    let c = caption(&d, Lang::ZhHans, Sheet::Overview);
    assert!(c.contains("23项措施中已完成1项，没有逾期") && c.ends_with("（状态与数字为示例，并非官方数据。）"), "{c}");
}

#[test]
fn the_task_force_furthest_along_has_the_largest_share_completed_and_is_the_first_of_equals() {
    // Completed of measures: a 1/4, b 2/4, c 1/2 (as far as b), d 0/1.
    let tf = |id: &str, done: usize, all: usize| {
        let ms: Vec<String> = (0..all)
            .map(|m| {
                let status = if m < done { "completed" } else { "on-track" };
                format!(r#"{{"id":"m{m}","title":"措施","status":"{status}"}}"#)
            })
            .collect();
        format!(r#"{{"id":"{id}","name":"{id}","measures":[{}]}}"#, ms.join(","))
    };
    let programme =
        |tfs: &[String]| parse(&format!(r#"{{"title":"计划","asOf":"2024-06-30","taskForces":[{}]}}"#, tfs.join(",")));
    let p = programme(&[tf("a", 1, 4), tf("b", 2, 4), tf("c", 1, 2), tf("d", 0, 1)]);
    assert_eq!(Summary::of(&p, Lang::ZhHans, "").furthest().map(|t| t.id.as_str()), Some("b"));
    assert!(caption(&p, Lang::ZhHans, Sheet::Overview).contains("进展最快的是b，4项中已完成2项"));
    // Nothing completed anywhere, or one task force alone: no "furthest".
    let none = programme(&[tf("a", 0, 2), tf("b", 0, 3)]);
    assert_eq!(Summary::of(&none, Lang::ZhHans, "").furthest(), None);
    assert_eq!(caption(&none, Lang::ZhHans, Sheet::Overview), "截至2024年6月30日，5项措施中已完成0项，没有逾期。");
    let one = programme(&[tf("a", 2, 3)]);
    assert_eq!(Summary::of(&one, Lang::ZhHans, "").furthest(), None);
}
