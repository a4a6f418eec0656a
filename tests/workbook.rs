//! The programme office's workbooks: what `tft export` and `tft template`
//! write, what Excel saves (fixtures made with openpyxl by
//! tests/data/workbooks/make.py), read back and merged, by the library and
//! by the command line.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Output};
use task_force_tracker::model::text::Lang;
use task_force_tracker::model::{self, Programme};
use task_force_tracker::sheet::{self, gather, Content, Kind, Place};
use task_force_tracker::words;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/data/workbooks").join(name)
}

fn tft(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tft")).args(args).output().expect("tft runs")
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tft-book-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn parse(json: &str) -> Programme {
    model::parse(json).unwrap().programme
}

/// Reads workbooks (name, bytes) as `tft import` and the desk do.
fn import(files: Vec<(&str, Vec<u8>)>) -> Result<Programme, Vec<sheet::Problem>> {
    let files = files.into_iter().map(|(n, b)| (n.to_string(), Content::Workbook(b))).collect();
    let g = gather(files, true);
    assert!(g.problems.is_empty(), "{:?}", g.problems);
    let sheet = sheet::read_tables(g.tables, &g.settings).result?;
    Ok(parse(&model::json::write(&sheet.value, false)))
}

fn same(a: &Programme, b: &Programme) {
    assert_eq!(format!("{a:?}"), format!("{b:?}"));
}

/// A large programme: 5 task forces × `n` measures with reports and
/// milestones, English beside the Chinese.
fn large(n: usize) -> String {
    let statuses = ["not-started", "on-track", "behind", "blocked", "completed", "dropped"];
    let tfs: Vec<String> = (0..5)
        .map(|t| {
            let ms: Vec<String> = (0..n)
                .map(|m| {
                    let s = statuses[(m + t) % 6];
                    let p = if s == "completed" { 100 } else { (m * 7) % 100 };
                    format!(
                        r#"{{"id":"m{m}","title":{{"zh-Hans":"第 {m} 项措施","en":"Measure {m}"}},"status":"{s}","progress":{p},"start":"2021-01-01","due":"2021-12-31","milestones":[{{"title":"节点","due":"2021-03-31","done":{done}}}],"reports":[{{"date":"2021-02-15","status":"{s}","progress":{p},"note":{{"zh-Hans":"汇报 {m}","en":"Report {m}"}},"url":"https://example.org/{m}"}},{{"date":"2021-01-15","note":"更早的汇报"}}]}}"#,
                        done = m % 2 == 0
                    )
                })
                .collect();
            format!(
                r#"{{"id":"tf{t}","name":{{"zh-Hans":"专班 {t}","en":"Task force {t}"}},"focus":"重点","leader":"组长","members":["甲","乙"],"measures":[{}]}}"#,
                ms.join(",")
            )
        })
        .collect();
    format!(
        r#"{{"title":{{"zh-Hans":"大计划","en":"Large"}},"asOf":"2021-06-30","source":{{"title":{{"zh-Hans":"来源","en":"Source"}},"publisher":"单位","url":"https://example.org","date":"2021-01-01"}},"taskForces":[{}]}}"#,
        tfs.join(",")
    )
}

#[test]
fn import_of_export_is_the_programme_for_the_default_data_and_a_large_one() {
    for (name, json) in [("default", task_force_tracker::default_programme_json().to_string()), ("large", large(300))] {
        let p = parse(&json);
        for lang in Lang::ALL {
            let bytes = sheet::workbook::write(Some(&p), &words::book(lang)).unwrap();
            let back = import(vec![("p.xlsx", bytes)]).unwrap_or_else(|e| panic!("{name} {lang:?}: {e:?}"));
            same(&back, &p);
        }
    }
}

#[test]
fn a_workbook_excel_saved_imports_as_the_same_data_in_csv_and_from_tft_export() {
    let p = parse(task_force_tracker::default_programme_json());
    let from_excel = import(vec![("dezhou.xlsx", std::fs::read(fixture("dezhou.xlsx")).unwrap())]).unwrap();
    same(&from_excel, &p);
    // Date cells are dates: none of them needed reading as text (a serial
    // number or a locale's date would have been noted as rewritten).
    let g =
        gather(vec![("dezhou.xlsx".into(), Content::Workbook(std::fs::read(fixture("dezhou.xlsx")).unwrap()))], true);
    let read = sheet::read_tables(g.tables, &g.settings).result.unwrap();
    assert_eq!(read.notes, vec![], "no date was guessed");
    // The same data in CSV, with the programme's fields as the CSV needs them.
    let csv = sheet::export(&p);
    let settings = sheet::Settings::of(&p);
    let from_csv = sheet::read(csv.trim_start_matches('\u{feff}'), &settings).unwrap();
    same(&parse(&model::json::write(&from_csv.value, false)), &from_excel);

    // And through the command line: export, import, the same JSON as the fixture's.
    let out = tmp("export.xlsx");
    let o = tft(&["export", root().join("data/dezhou.json").to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let a = tft(&["import", out.to_str().unwrap(), "--lang", "en"]);
    let b = tft(&["import", fixture("dezhou.xlsx").to_str().unwrap(), "--lang", "en"]);
    assert_eq!(a.status.code(), Some(0), "{}", text(&a));
    assert_eq!(String::from_utf8_lossy(&a.stdout), String::from_utf8_lossy(&b.stdout));
    same(&parse(&String::from_utf8_lossy(&a.stdout)), &p);
    let said = text(&b);
    assert!(
        said.contains("dezhou.xlsx, sheet \"产业振兴\": 1 task force, 5 measures, 2 milestones, 6 reports"),
        "{said}"
    );
}

#[test]
fn seven_workbooks_of_one_task_force_merge_into_the_programme_of_one_workbook() {
    let seven = parse(&std::fs::read_to_string(fixture("seven.json")).unwrap());
    let all = import(vec![("seven-all.xlsx", std::fs::read(fixture("seven-all.xlsx")).unwrap())]).unwrap();
    same(&all, &seven);
    let parts: Vec<(String, Vec<u8>)> = (1..=7)
        .map(|i| (format!("seven-{i}.xlsx"), std::fs::read(fixture(&format!("seven-{i}.xlsx"))).unwrap()))
        .collect();
    let parts = import(parts.iter().map(|(n, b)| (n.as_str(), b.clone())).collect()).unwrap();
    same(&parts, &seven);
    // The command line: the programme's fields from the first file's instructions sheet.
    let files: Vec<String> =
        (1..=7).map(|i| fixture(&format!("seven-{i}.xlsx")).to_string_lossy().into_owned()).collect();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let o = tft(&args);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    same(&parse(&String::from_utf8_lossy(&o.stdout)), &seven);
    // An option given replaces the workbook's.
    args.extend(["--title", "另一个名称"]);
    let o = tft(&args);
    assert_eq!(parse(&String::from_utf8_lossy(&o.stdout)).title.get(Lang::ZhHans), "另一个名称");
}

#[test]
fn a_status_typed_outside_the_drop_down_is_named_by_file_sheet_row_and_column() {
    let err = import(vec![("bad-status.xlsx", std::fs::read(fixture("bad-status.xlsx")).unwrap())]).unwrap_err();
    assert_eq!(err.len(), 1, "{err:?}");
    let Place::Cell { within, row, column } = &err[0].place else { panic!("{err:?}") };
    assert_eq!((within.file.as_deref(), within.sheet.as_deref(), *row), (Some("bad-status.xlsx"), Some("产业振兴"), 2));
    assert_eq!(*column, Some(sheet::Column::Status));
    let zh = words::sheet_problem(Lang::ZhHans, &err[0]);
    assert!(
        zh.starts_with("文件「bad-status.xlsx」工作表「产业振兴」第 2 行，状态（status）列：应为以下之一：已完成"),
        "{zh}"
    );
    assert!(zh.contains("实际是文字“进行中”"), "{zh}");
    let o = tft(&["import", fixture("bad-status.xlsx").to_str().unwrap(), "--lang", "zh-Hant"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("檔案「bad-status.xlsx」工作表「产业振兴」第 2 行，状态（status）列："), "{}", text(&o));
}

#[test]
fn a_task_force_from_two_files_or_a_measure_id_used_twice_is_refused_with_both_places() {
    let a = std::fs::read(fixture("dup-a.xlsx")).unwrap();
    let b = std::fs::read(fixture("dup-b.xlsx")).unwrap();
    let err = import(vec![("dup-a.xlsx", a), ("dup-b.xlsx", b)]).unwrap_err();
    let Kind::DuplicateTaskForce { id, first } = &err[0].kind else { panic!("{err:?}") };
    assert_eq!(id, "talent");
    assert_eq!(
        (first.within.file.as_deref(), first.within.sheet.as_deref(), first.row),
        (Some("dup-a.xlsx"), Some("人才振兴"), 2)
    );
    let en = words::sheet_problem(Lang::En, &err[0]);
    assert_eq!(
        en,
        "dup-b.xlsx, sheet \"人才振兴\", row 2: column 专班编号（task_force_id）: task force \"talent\" already comes from dup-a.xlsx, sheet \"人才振兴\", row 2; each task force comes from one sheet of one file"
    );

    // Two measures with one id in one sheet: both rows.
    let p = parse(task_force_tracker::default_programme_json());
    let mut p2 = p.clone();
    let id = p2.task_forces[0].measures[0].id.clone();
    p2.task_forces[0].measures[2].id = id;
    let bytes = sheet::workbook::write(Some(&p2), &words::book(Lang::ZhHans)).unwrap();
    let err = import(vec![("p.xlsx", bytes)]).unwrap_err();
    let zh = words::sheet_problem(Lang::ZhHans, &err[0]);
    assert!(zh.contains("已是专班“industry”文件「p.xlsx」工作表「产业振兴」第 2 行措施的编号"), "{zh}");
}

/// The XML of one part of an .xlsx.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut out).unwrap();
    out
}

#[test]
fn the_template_has_the_instructions_frozen_chinese_headers_a_status_drop_down_and_checks() {
    let out = tmp("template.xlsx");
    let o = tft(&["template", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let bytes = std::fs::read(&out).unwrap();
    let book = sheet::book::open(&bytes, "template.xlsx").unwrap();
    assert_eq!(book.tables.len(), 1);
    let header = &book.tables[0].rows[0].1;
    assert_eq!(header[14], "完成时限（due）");
    assert!(book.tables[0].rows.len() == 1, "no rows in the template");
    let names = part(&bytes, "xl/workbook.xml");
    assert!(names.contains("name=\"填写说明\"") && names.contains("name=\"专班\""), "{names}");
    let sheet = part(&bytes, "xl/worksheets/sheet2.xml");
    assert!(sheet.contains("state=\"frozen\""), "the header row is frozen");
    for word in ["已完成", "按序时推进", "滞后序时", "受阻", "未启动", "不再推进"] {
        assert!(sheet.contains(word), "the status drop-down lists {word}");
    }
    assert!(
        sheet.contains("type=\"whole\"") && sheet.contains("<formula1>0</formula1><formula2>100</formula2>"),
        "progress 0–100"
    );
    assert!(sheet.contains("type=\"date\""), "date cells");
    // The same workbook as an export with no rows: an export's sheets are made alike.
    let p = parse(task_force_tracker::default_programme_json());
    let export = sheet::workbook::write(Some(&p), &words::book(Lang::ZhHans)).unwrap();
    let data = part(&export, "xl/worksheets/sheet2.xml");
    assert!(data.contains("state=\"frozen\"") && data.contains("按序时推进"));
    let styles = part(&export, "xl/styles.xml");
    assert!(
        styles.contains("formatCode=\"yyyy\\-mm\\-dd\"") || styles.contains("formatCode=\"yyyy-mm-dd\""),
        "{styles}"
    );
}

#[test]
fn not_a_workbook_and_a_workbook_with_no_data_sheet_are_said_as_such() {
    let g = gather(vec![("notes.xlsx".into(), Content::Workbook(b"not a zip".to_vec()))], true);
    assert!(
        matches!(&g.problems[0], sheet::Problem { place: Place::Whole(w), kind: Kind::NotWorkbook(_) } if w.file.as_deref() == Some("notes.xlsx"))
    );
    let blank = sheet::workbook::write(None, &words::book(Lang::ZhHans)).unwrap();
    let g = gather(vec![("blank.xlsx".into(), Content::Workbook(blank))], true);
    assert!(g.problems.is_empty());
    // Only settings and a notes sheet: no data.
    let err = sheet::book::open(&std::fs::read(fixture("dezhou.xlsx")).unwrap(), "x").map(|b| b.other);
    assert_eq!(err.unwrap(), vec!["备注".to_string()], "an office's notes sheet is set aside");
}
