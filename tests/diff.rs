//! `tft diff` and the comparison behind it, on a fixture pair that holds
//! every kind of change (tests/diff/old.json → new.json).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use task_force_tracker::model::diff::{diff, Change};
use task_force_tracker::model::{self, Status};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diff").join(name)
}

fn read(name: &str) -> model::Programme {
    model::parse(&std::fs::read_to_string(fixture(name)).unwrap()).unwrap().programme
}

fn tft(args: &[&str], lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tft")).args(args).env("LC_ALL", "").env("LANG", lang).output().unwrap()
}

#[test]
fn every_kind_of_change_is_found_once_and_in_order() {
    let d = diff(&read("old.json"), &read("new.json"));
    let kinds: Vec<(&str, &str, Option<&str>)> = d
        .changes
        .iter()
        .map(|c| (c.kind(), c.place().task_force.as_str(), c.place().measure.as_ref().map(|m| m.0.as_str())))
        .collect();
    assert_eq!(
        kinds,
        [
            ("progress", "ecology", Some("toilets")),
            ("milestone-reached", "ecology", Some("toilets")),
            ("report", "ecology", Some("toilets")),
            ("newly-overdue", "ecology", Some("sewage")),
            ("status", "ecology", Some("roads")),
            ("deadline-moved", "ecology", Some("roads")),
            ("measure-added", "ecology", Some("lighting")),
            ("measure-removed", "ecology", Some("waste")),
            ("task-force-added", "culture", None),
            ("measure-added", "culture", Some("four-virtues")),
            ("task-force-removed", "talent", None),
        ]
    );
    assert!(d.changes.contains(&Change::Progress(d.changes[0].place().clone(), 30, 45)));
    assert!(matches!(&d.changes[4], Change::Status(_, Status::NotStarted, Status::Blocked)));
    assert!(matches!(&d.changes[2], Change::Report(_, date, _) if date.to_string() == "2020-06-28"));
    assert_eq!((d.before.overdue, d.after.overdue), (0, 1));
    assert_eq!((d.before.total(), d.after.total()), (5, 5));
}

#[test]
fn the_same_file_twice_is_no_change() {
    let p = read("new.json");
    assert!(diff(&p, &p).is_empty());
    let o = tft(&["diff", fixture("new.json").to_str().unwrap(), fixture("new.json").to_str().unwrap()], "en_GB.UTF-8");
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Nothing changed."));
}

#[test]
fn markdown_in_chinese_from_the_locale_for_a_story() {
    let (old, new) = (fixture("old.json"), fixture("new.json"));
    let o = tft(&["diff", old.to_str().unwrap(), new.to_str().unwrap(), "--format", "markdown"], "zh_CN.UTF-8");
    assert_eq!(o.status.code(), Some(1), "something changed");
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(md.starts_with("## 进展更新（数据截至2020年6月30日，上次2020年5月31日）\n"), "{md}");
    for line in [
        "措施 5 → 5 项；已完成 0 → 0 项；已逾期 0 → 1 项。",
        "### 生态振兴",
        "- **通户道路硬化**：状态 未启动 → 受阻",
        "- **农村改厕规范升级**：新汇报（2020年6月28日）“整改过半”",
        "- **农村生活污水治理**：已逾期（完成时限 2020年6月15日）",
        "- **通户道路硬化**：完成时限 2020年11月30日 → 2021年3月31日",
        "- **农村改厕规范升级**：节点达成 “完成首批改造”（计划 2020年6月15日）",
        "- 专班已移除：人才振兴",
    ] {
        assert!(md.contains(line), "{line}\n---\n{md}");
    }
}

#[test]
fn json_names_each_change_and_the_tallies() {
    let (old, new) = (fixture("old.json"), fixture("new.json"));
    let o = tft(&["diff", old.to_str().unwrap(), new.to_str().unwrap(), "--format", "json", "--lang", "en"], "zh_CN");
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!((v["from"].as_str(), v["to"].as_str()), (Some("2020-05-31"), Some("2020-06-30")));
    assert_eq!(v["after"]["overdue"], 1);
    let status = v["changes"].as_array().unwrap().iter().find(|c| c["kind"] == "status").unwrap();
    assert_eq!(status["measure"], "roads");
    assert_eq!((status["from"].as_str(), status["to"].as_str()), (Some("not-started"), Some("blocked")));
    assert_eq!(status["title"], "Pave village roads", "--lang en wins over the locale");
    let moved = v["changes"].as_array().unwrap().iter().find(|c| c["kind"] == "deadline-moved").unwrap();
    assert_eq!((moved["from"].as_str(), moved["to"].as_str()), (Some("2020-11-30"), Some("2021-03-31")));
}

#[test]
fn unreadable_or_invalid_files_exit_3_and_a_bad_flag_2() {
    let new = fixture("new.json");
    let o = tft(&["diff", "/no/such.json", new.to_str().unwrap()], "en");
    assert_eq!(o.status.code(), Some(3));
    let bad = std::env::temp_dir().join("tft-diff-invalid.json");
    std::fs::write(&bad, r#"{"title": 1}"#).unwrap();
    let o = tft(&["diff", bad.to_str().unwrap(), new.to_str().unwrap()], "en");
    assert_eq!(o.status.code(), Some(3));
    let o = tft(&["diff", new.to_str().unwrap(), new.to_str().unwrap(), "--format", "pdf"], "en");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_fingerprint_changes_exactly_where_the_diff_sees_a_change_a_reader_can_see() {
    use task_force_tracker::model::diff::fingerprint;
    let (old, new) = (read("old.json"), read("new.json"));
    let d = diff(&old, &new);
    let mut compared = Vec::new();
    for tf in &new.task_forces {
        let Some(before) = old.task_forces.iter().find(|o| o.id == tf.id) else { continue };
        for m in &tf.measures {
            let Some(o) = before.measures.iter().find(|o| o.id == m.id) else { continue };
            let seen = d.changes.iter().any(|c| {
                c.place().task_force == tf.id.as_str()
                    && c.place().measure.as_ref().is_some_and(|(id, _)| id == m.id.as_str())
                    && matches!(
                        c,
                        Change::Status(..) | Change::Progress(..) | Change::MilestoneReached(..) | Change::Report(..)
                    )
            });
            let (a, b) = (fingerprint(tf.id.as_str(), o), fingerprint(tf.id.as_str(), m));
            assert_eq!(a != b, seen, "{}/{}", tf.id.as_str(), m.id.as_str());
            compared.push(format!("{}/{}", tf.id.as_str(), m.id.as_str()));
        }
    }
    // Every measure in both files was compared: the three ecology measures
    // kept from one publication to the next.
    assert_eq!(compared, ["ecology/toilets", "ecology/sewage", "ecology/roads"]);
    // toilets (progress, milestone, report) and roads (status) changed; sewage did not.
    let f = |p: &model::Programme, id: &str| {
        fingerprint("ecology", p.task_forces[0].measures.iter().find(|m| m.id.as_str() == id).unwrap())
    };
    assert_ne!(f(&old, "toilets"), f(&new, "toilets"));
    assert_ne!(f(&old, "roads"), f(&new, "roads"));
    assert_eq!(f(&old, "sewage"), f(&new, "sewage"), "becoming overdue is not a change the data reported");
}
