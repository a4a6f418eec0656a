//! The `tft` command-line tool, run as a reader would run it.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tft(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tft")).args(args).output().expect("tft runs")
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tft-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn the_default_dataset_validates() {
    let o = tft(&["validate", root().join("data/dezhou.json").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("ok (5 task forces, 23 measures, 0 warnings)"));
}

#[test]
fn every_corpus_file_gets_its_own_clear_message() {
    let corpus = root().join("tests/corpus");
    let manifest = std::fs::read_to_string(corpus.join("EXPECTED.tsv")).unwrap();
    let mut checked = 0;
    for line in manifest.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (file, path, words) = (cols[0], cols[1], cols[2]);
        let o = tft(&["validate", corpus.join(file).to_str().unwrap()]);
        let out = text(&o);
        if words == "OK" {
            assert_eq!(o.status.code(), Some(0), "{file}: {out}");
            continue;
        }
        assert_eq!(o.status.code(), Some(1), "{file} must fail: {out}");
        assert!(out.contains(words), "{file}: expected {words:?} in {out}");
        if path != "-" {
            assert!(out.contains(&format!("error: {path}: ")), "{file}: expected path {path} in {out}");
        }
        // Every error line says FILE:LINE:COLUMN.
        let located = out.lines().filter(|l| l.contains(": error: ")).all(|l| {
            let rest = l.split_once(".json:").map(|x| x.1).unwrap_or("");
            let mut parts = rest.splitn(3, ':');
            parts.next().is_some_and(|n| n.parse::<usize>().is_ok())
                && parts.next().is_some_and(|n| n.parse::<usize>().is_ok())
        });
        assert!(located, "{file}: {out}");
        assert!(!out.contains("panicked"), "{file}: {out}");
        checked += 1;
    }
    assert!(checked >= 10);
}

#[test]
fn all_problems_are_reported_not_just_the_first() {
    let o = tft(&["validate", root().join("tests/corpus/two-problems.json").to_str().unwrap()]);
    let out = text(&o);
    assert!(out.contains("taskForces[0].measures[0].status: expected one of"), "{out}");
    assert!(out.contains("taskForces[0].measures[0].progress: expected a whole number"), "{out}");
    assert!(out.contains("2 errors"), "{out}");
}

#[test]
fn a_ten_megabyte_string_is_one_clear_error() {
    let mut v: serde_json::Value = serde_json::from_str(task_force_tracker::default_programme_json()).unwrap();
    v["taskForces"][0]["measures"][0]["title"] = "长".repeat(3_500_000).into();
    let file = tmp("huge.json");
    std::fs::write(&file, v.to_string()).unwrap();
    let o = tft(&["validate", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o).contains("taskForces[0].measures[0].title: text is 3500000 characters long, expected at most 300"),
        "{}",
        text(&o)
    );
}

#[test]
fn warnings_flag_suspicious_data_without_failing() {
    let mut v: serde_json::Value = serde_json::from_str(task_force_tracker::default_programme_json()).unwrap();
    let m = &mut v["taskForces"][0]["measures"][0];
    m["status"] = "completed".into();
    m["progress"] = 80.into();
    m["due"] = "2019-06-01".into();
    m["reports"][0]["date"] = "2021-01-01".into();
    m["leadr"] = "typo".into();
    v["taskForces"][0]["measures"][1]["title"] = v["taskForces"][0]["measures"][0]["title"].clone();
    let file = tmp("warn.json");
    std::fs::write(&file, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let o = tft(&["validate", file.to_str().unwrap()]);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    for w in [
        "warning: taskForces[0].measures[0].progress: completed, but progress is 80%",
        "warning: taskForces[0].measures[0].due: due 2019-06-01 is before the start 2020-01-01",
        "warning: taskForces[0].measures[0].reports[0].date: report dated 2021-01-01, after the as-of date 2020-04-17",
        "warning: taskForces[0].measures[0].leadr: unknown field `leadr` is ignored",
        "warning: taskForces[0].measures[1].title: the title",
    ] {
        assert!(out.contains(w), "missing {w:?} in {out}");
    }
}

fn import(csv: &[u8], extra: &[&str]) -> (Output, PathBuf) {
    let file = tmp(&format!("in-{}.csv", csv.len()));
    std::fs::write(&file, csv).unwrap();
    let out = tmp(&format!("out-{}.json", csv.len()));
    let _ = std::fs::remove_file(&out);
    let mut args = vec![
        "import-csv",
        file.to_str().unwrap(),
        "--title",
        "测试",
        "--as-of",
        "2020-04-17",
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    (tft(&args), out)
}

#[test]
fn the_template_imports_to_valid_json_in_utf8_with_bom_and_gb18030() {
    let template = std::fs::read_to_string(root().join("data/template.csv")).unwrap();
    let mut with_bom = b"\xef\xbb\xbf".to_vec();
    with_bom.extend_from_slice(template.as_bytes());
    let (gbk, _, _) = encoding_rs::GB18030.encode(&template);
    for bytes in [template.as_bytes().to_vec(), with_bom, gbk.into_owned()] {
        let (o, out) = import(&bytes, &[]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
        let json = std::fs::read_to_string(&out).unwrap();
        let p = task_force_tracker::model::parse(&json).unwrap().programme;
        let m = &p.task_forces[0].measures[0];
        assert_eq!(m.title.get(task_force_tracker::model::text::Lang::ZhHans), "抓好农村改厕规范升级和后续管护");
        assert_eq!(m.status.key(), "on-track");
        assert_eq!(m.reports.len(), 1);
        assert_eq!(p.task_forces[0].members.len(), 2);
    }
}

#[test]
fn bad_rows_are_reported_by_row_and_column_and_nothing_is_written() {
    let csv = "task_force_id,task_force,measure_id,title,status,progress,due\n\
               eco,生态振兴,toilets,改厕,on-track,30,2020-12-31\n\
               eco,,sewage,污水,done,30,2020-12-31\n\
               eco,,waste,垃圾,behind,abc,2020-13-45\n";
    let (o, out) = import(csv.as_bytes(), &[]);
    let msg = text(&o);
    assert_eq!(o.status.code(), Some(1), "{msg}");
    assert!(msg.contains("row 3: column status: expected one of"), "{msg}");
    assert!(
        msg.contains("row 4: column progress: expected a whole number from 0 to 100, found the string \"abc\""),
        "{msg}"
    );
    assert!(msg.contains("row 4: column due: expected a real date"), "{msg}");
    assert!(msg.contains("nothing was written"), "{msg}");
    assert!(!Path::new(&out).exists(), "no output for a bad file");

    let (o, _) = import(b"task_force_id,measure_id,title\n", &[]);
    assert!(text(&o).contains("row 1: column task_force: required column is missing"), "{}", text(&o));
    let (o, _) = import(b"task_force_id,task_force,measure_id,title,status,colour\n", &[]);
    assert!(text(&o).contains("row 1: column colour: unknown column"), "{}", text(&o));
}

#[test]
fn render_html_contains_every_measure_and_escapes_text() {
    let out = tmp("snapshot.html");
    let o =
        tft(&["render-html", root().join("data/dezhou.json").to_str().unwrap(), "--page", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let html = std::fs::read_to_string(&out).unwrap();
    let p = task_force_tracker::model::parse(task_force_tracker::default_programme_json()).unwrap().programme;
    for m in p.task_forces.iter().flat_map(|t| &t.measures) {
        assert!(html.contains(m.title.get(task_force_tracker::model::text::Lang::ZhHans)), "missing {:?}", m.title);
    }
    assert!(html.starts_with("<!doctype html>") && html.contains("<style>"));
    assert!(!html.contains("role=\"tab\""), "a static page has no dead controls");
}

#[test]
fn schema_in_the_repository_matches_the_code() {
    let o = tft(&["schema"]);
    let kept = std::fs::read_to_string(root().join("schema/programme.schema.json")).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        kept,
        "run: cargo run --bin tft -- schema -o schema/programme.schema.json"
    );
}

#[test]
fn readme_format_reference_matches_the_code() {
    let o = tft(&["reference"]);
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(
        readme.contains(String::from_utf8_lossy(&o.stdout).trim()),
        "update the README's data format reference from `cargo run --bin tft -- reference`"
    );
}

#[test]
fn usage_errors_exit_2_and_help_works() {
    assert_eq!(tft(&[]).status.code(), Some(2));
    assert_eq!(tft(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(tft(&["validate"]).status.code(), Some(2));
    assert_eq!(tft(&["import-csv", "x.csv"]).status.code(), Some(2));
    for cmd in ["validate", "import-csv", "render-html", "schema"] {
        let o = tft(&[cmd, "--help"]);
        assert_eq!(o.status.code(), Some(0));
        assert!(text(&o).contains(&format!("tft {cmd}")), "{cmd}");
    }
    assert_eq!(tft(&["validate", "/no/such/file.json"]).status.code(), Some(3));
}

#[test]
fn an_unknown_flag_or_a_missing_value_is_refused_not_ignored() {
    let data = root().join("data/dezhou.json");
    let o = tft(&["render-html", data.to_str().unwrap(), "--colour", "red"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("--colour"), "names the flag: {}", text(&o));
    let o = tft(&["import-csv", "x.csv", "--title", "T", "--as-of"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let o = tft(&["help", "import-csv"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o).contains("GB18030"), "{}", text(&o));
}

/// `tft import-csv` on a fixture in tests/office/, messages in `lang`.
fn office(name: &str, lang: &str, as_of: &str) -> (Output, PathBuf) {
    let out = tmp(&format!("office-{name}.json"));
    let _ = std::fs::remove_file(&out);
    let file = root().join("tests/office").join(format!("{name}.csv"));
    let args = [
        "import-csv",
        file.to_str().unwrap(),
        "--title",
        "测试",
        "--as-of",
        as_of,
        "-o",
        out.to_str().unwrap(),
        "--lang",
        lang,
    ];
    (tft(&args), out)
}

#[test]
fn dates_as_spreadsheets_write_them_are_normalised_and_said_once_per_column() {
    let (o, out) = office("dates", "en", "2024-06-30");
    let msg = text(&o);
    assert_eq!(o.status.code(), Some(0), "{msg}");
    let p = task_force_tracker::model::parse(&std::fs::read_to_string(&out).unwrap()).unwrap().programme;
    let eco = &p.task_forces[0];
    let due: Vec<String> = eco.measures.iter().map(|m| m.due.unwrap().to_string()).collect();
    // 2024年6月30日, Excel's serial 45473, 2024/12/31.
    assert_eq!(due, ["2024-06-30", "2024-06-30", "2024-12-31"]);
    assert!(eco.measures.iter().all(|m| m.start.unwrap().to_string() == "2024-01-01"));
    assert_eq!(eco.measures[0].reports[0].date.to_string(), "2024-05-31");
    assert_eq!(eco.measures[0].progress(), 100, "full-width digits are digits");
    assert_eq!(eco.members.len(), 2, "members separated by a full-width comma");
    assert!(msg.contains("column due: 3 dates such as 2024年6月30日 were written as YYYY-MM-DD"), "{msg}");
    assert!(msg.contains("column report_date: the date 2024/5/31 was written as YYYY-MM-DD"), "{msg}");
    assert!(
        msg.contains("imported 1 task force, 3 measures (0 completed, 0 overdue), 1 report, 0 milestones"),
        "{msg}"
    );

    let (o, _) = office("dates", "zh", "2024-06-30");
    let msg = text(&o);
    assert!(msg.contains("due 列：3 个日期（如 2024年6月30日）已写为 YYYY-MM-DD 格式"), "{msg}");
    assert!(msg.contains("已导入：1 个专班，3 项措施"), "{msg}");
}

#[test]
fn an_ambiguous_date_names_both_readings() {
    let (o, out) = office("ambiguous", "en", "2024-06-30");
    let msg = text(&o);
    assert_eq!(o.status.code(), Some(1), "{msg}");
    assert!(
        msg.contains("row 2: column due: \"6/7/2024\" could be 2024-06-07 (month first) or 2024-07-06 (day first)"),
        "{msg}"
    );
    assert!(msg.contains("1 problem; nothing was written"), "one problem, not \"1 problems\": {msg}");
    assert!(!out.exists());
}

#[test]
fn messages_name_the_sheets_columns_and_refuse_english_only_names() {
    let (o, _) = office("messages", "en", "2024-06-30");
    let msg = text(&o);
    assert!(msg.contains("row 3: column title: empty, but title_en is filled in"), "{msg}");
    assert!(msg.contains("row 4: column report_date: empty; a report needs its date"), "{msg}");
    assert!(msg.contains("row 5: column task_force: empty, but task_force_en is filled in"), "{msg}");
    assert!(!msg.contains("missing field"), "{msg}");
}

#[test]
fn a_duplicated_measure_id_is_named_at_its_row() {
    let (o, _) = office("duplicate", "en", "2024-06-30");
    let msg = text(&o);
    assert!(msg.contains("row 3: column measure_id: \"toilets\" is already the id of the measure on row 2"), "{msg}");
    assert!(!msg.contains("no measure row above"), "{msg}");
}

#[test]
fn status_words_are_listed_and_near_misses_get_a_suggestion() {
    let (o, _) = office("status", "en", "2024-06-30");
    let msg = text(&o);
    assert!(msg.contains("row 2: column status: expected one of completed (已完成), on-track (按序时推进)"), "{msg}");
    assert!(msg.contains("found the string \"按时推进\"; did you mean 按序时推进?"), "{msg}");
    assert!(msg.contains("did you mean on-track?"), "{msg}");
    // In Chinese, all of it.
    let (o, _) = office("status", "zh", "2024-06-30");
    let msg = text(&o);
    assert!(msg.contains("第 2 行，status 列：应为以下之一：已完成（completed）、按序时推进（on-track）"), "{msg}");
    assert!(msg.contains("实际是文字“按时推进”；是否应为“按序时推进”？"), "{msg}");
    assert!(msg.contains("发现 2 处问题，未写出任何文件"), "{msg}");
    let o = tft(&["validate", root().join("tests/corpus/invalid-date.json").to_str().unwrap(), "--lang", "zh"]);
    let msg = text(&o);
    assert!(msg.contains("错误：taskForces[2].measures[1].due：应为真实存在的日期，写成 YYYY-MM-DD（如 2020-04-17），实际是文字“2020-02-30”（位于专班 “culture” 文化振兴"), "{msg}");
    assert!(msg.contains("invalid-date.json：1 处错误，0 条警告"), "{msg}");
}

#[test]
fn a_bad_as_of_is_the_command_lines_fault() {
    let (o, _) = office("dates", "en", "2024/06/30");
    assert_eq!(o.status.code(), Some(2), "a wrong command line, not a bad file");
    assert!(text(&o).contains("--as-of must be YYYY-MM-DD, for example --as-of 2024-06-30"), "{}", text(&o));
}

#[test]
fn milestones_come_from_the_sheet() {
    let (o, out) = office("milestones", "en", "2024-06-30");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let p = task_force_tracker::model::parse(&std::fs::read_to_string(&out).unwrap()).unwrap().programme;
    let ms = &p.task_forces[0].measures[0].milestones;
    assert_eq!(ms.len(), 2);
    assert_eq!((ms[0].due.to_string(), ms[0].done), ("2024-03-31".to_string(), true));
    assert_eq!((ms[1].due.to_string(), ms[1].done), ("2024-09-30".to_string(), false));
    assert_eq!(ms[1].title.get(task_force_tracker::model::text::Lang::En), "Upgrades done");
    assert!(text(&o).contains("1 milestone") || text(&o).contains("2 milestones"), "{}", text(&o));
}

#[test]
fn the_staff_spreadsheet_round_trips() {
    use task_force_tracker::sheet::export;
    use task_force_tracker::tool::csv_import::{import, Encoding, ImportOptions};
    let p = task_force_tracker::model::parse(task_force_tracker::default_programme_json()).unwrap().programme;
    let csv = export(&p);
    let opts = ImportOptions {
        title: "德州".into(),
        title_en: None,
        as_of: p.as_of.to_string(),
        source_title: None,
        source_url: None,
        source_publisher: None,
        sample: false,
        encoding: Encoding::Auto,
    };
    let back = task_force_tracker::model::parse(&import(csv.as_bytes(), &opts).unwrap()).unwrap().programme;
    assert_eq!(format!("{:?}", back.task_forces), format!("{:?}", p.task_forces), "import(export(p)) == p");
    let measures = || p.task_forces.iter().flat_map(|t| &t.measures);
    assert!(measures().any(|m| !m.milestones.is_empty()) && measures().any(|m| m.reports.len() > 1), "a fair test");
    // Through the command line too, as staff would: export, import.
    let out = tmp("round.csv");
    let o = tft(&["export-csv", root().join("data/dezhou.json").to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), csv);
}

#[test]
fn the_readers_table_is_recognised_and_the_spreadsheet_named_instead() {
    // What the widget's "Download CSV" gives a reader (tests/e2e/reader.test.mjs fixes its shape).
    let p = task_force_tracker::model::parse(task_force_tracker::default_programme_json()).unwrap().programme;
    let readers = task_force_tracker::view::export::to_csv(&p, task_force_tracker::model::text::Lang::ZhHans);
    let file = tmp("readers.csv");
    std::fs::write(&file, readers).unwrap();
    let o = tft(&["import-csv", file.to_str().unwrap(), "--title", "t", "--as-of", "2020-04-17", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("row 1: this is the readers' table from the widget's \"Download CSV\""), "{}", text(&o));
    assert!(text(&o).contains("tft export-csv"), "{}", text(&o));
}

#[test]
fn render_svg_writes_the_poster_and_prints_its_caption() {
    use task_force_tracker::model::text::Lang;
    use task_force_tracker::view::poster::{caption, svg, Sheet};
    let data = root().join("data/dezhou.json");
    let data = data.to_str().unwrap();
    let p = task_force_tracker::model::parse(task_force_tracker::default_programme_json()).unwrap().programme;
    let out = tmp("poster.svg");
    let o =
        tft(&["render-svg", data, "--task-force", "ecology", "--lang", "en", "-o", out.to_str().unwrap(), "--caption"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let ecology = Sheet::task_force(&p, "ecology").unwrap();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), svg(&p, Lang::En, ecology));
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim_end(), caption(&p, Lang::En, ecology));
    // By default: the overview, in Simplified Chinese, on standard output.
    let o = tft(&["render-svg", data]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout), svg(&p, Lang::ZhHans, Sheet::Overview));
    let o = tft(&["render-svg", data, "--caption", "--lang", "zh-Hant"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim_end(), caption(&p, Lang::ZhHant, Sheet::Overview));
    // A task force the data does not have: the ids it does have.
    let o = tft(&["render-svg", data, "--task-force", "ecolgy", "--lang", "zh"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o)
            .contains("没有编号为“ecolgy”的专班；数据中的专班编号：industry、talent、culture、ecology、organisation"),
        "{}",
        text(&o)
    );
    assert_eq!(tft(&["render-svg", data, "--lang", "fr"]).status.code(), Some(2));
    let bad = tmp("bad.json");
    std::fs::write(&bad, "{\"title\": 1}").unwrap();
    assert_eq!(tft(&["render-svg", bad.to_str().unwrap()]).status.code(), Some(1));
}
