//! Every limit the format declares, taken from the declarations themselves:
//! at the limit a file is accepted, one past it refused with that field's
//! problem and words. Changing a field's declared limit moves what the
//! decoder accepts, which these tests see without being told.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use task_force_tracker::model::format::{Field, Table, Ty, MEASURE, MILESTONE, PROGRAMME, REPORT, SOURCE, TASK_FORCE};
use task_force_tracker::model::problem::{Kind, Problem};
use task_force_tracker::model::text::Lang;
use task_force_tracker::model::{self, ParseError};
use task_force_tracker::words;

/// A small valid object of each table.
fn minimal(table: &Table, i: usize) -> Value {
    match table.name {
        "Programme" => {
            json!({"title": "t", "asOf": "2020-06-30", "source": minimal(&SOURCE, 0), "taskForces": [minimal(&TASK_FORCE, 0)]})
        }
        "Source" => json!({"title": "s"}),
        "TaskForce" => {
            json!({"id": format!("tf{i}"), "name": "n", "members": ["m"], "measures": [minimal(&MEASURE, 0)]})
        }
        "Measure" => json!({"id": format!("m{i}"), "title": "t", "status": "on-track",
            "milestones": [minimal(&MILESTONE, 0)], "reports": [minimal(&REPORT, 0)]}),
        "Milestone" => json!({"title": "ms", "due": "2020-05-01"}),
        "Report" => json!({"date": "2020-05-01", "note": "n"}),
        other => panic!("no minimal {other}"),
    }
}

/// Where each table's first object sits in the minimal programme.
fn place<'a>(root: &'a mut Value, table: &Table) -> &'a mut Value {
    match table.name {
        "Programme" => root,
        "Source" => &mut root["source"],
        "TaskForce" => &mut root["taskForces"][0],
        "Measure" => &mut root["taskForces"][0]["measures"][0],
        "Milestone" => &mut root["taskForces"][0]["measures"][0]["milestones"][0],
        "Report" => &mut root["taskForces"][0]["measures"][0]["reports"][0],
        other => panic!("no place for {other}"),
    }
}

fn check(v: &Value) -> Result<(), Vec<Problem>> {
    match model::parse(&v.to_string()) {
        Ok(_) => Ok(()),
        Err(ParseError::Invalid(p)) => Err(p),
        Err(ParseError::Syntax(p)) => panic!("not JSON: {p:?}"),
    }
}

/// The programme with `field` of `table` set to `value`.
fn with(table: &Table, field: &Field, value: Value) -> Value {
    let mut root = minimal(&PROGRAMME, 0);
    place(&mut root, table)[field.name] = value;
    root
}

/// One past `max` is refused with this kind, at this field, saying `max`.
fn refused(table: &Table, field: &Field, value: Value, kind: impl Fn(&Kind) -> bool, max: usize) {
    let problems = check(&with(table, field, value)).expect_err(field.name);
    let p = problems
        .iter()
        .find(|p| kind(&p.kind))
        .unwrap_or_else(|| panic!("{}.{}: {problems:?}", table.name, field.name));
    assert_eq!(p.path.last_field().map(|f| f.name), Some(field.name), "{}.{}: {p:?}", table.name, field.name);
    for lang in Lang::ALL {
        let said = words::message(lang, &p.kind);
        assert!(said.contains(&max.to_string()), "{}.{} in {lang:?}: {said}", table.name, field.name);
    }
}

#[test]
fn every_limit_is_the_declared_one() {
    let mut limits = 0;
    for table in task_force_tracker::model::format::TABLES {
        for field in table.fields {
            match field.ty {
                Ty::Text(max) => {
                    assert!(
                        check(&with(table, field, json!("长".repeat(max)))).is_ok(),
                        "{}.{} at {max}",
                        table.name,
                        field.name
                    );
                    let too_long =
                        |k: &Kind| matches!(k, Kind::TooLong { length, max: m } if *length == max + 1 && *m == max);
                    refused(table, field, json!("长".repeat(max + 1)), too_long, max);
                    // Each language of a translated text is held to it.
                    let en = json!({"zh-Hans": "长", "en": "x".repeat(max + 1)});
                    refused(table, field, en, too_long, max);
                    limits += 1;
                }
                Ty::TextList(max, chars) => {
                    let list = |n: usize, len: usize| json!(vec!["长".repeat(len); n]);
                    assert!(
                        check(&with(table, field, list(max, chars))).is_ok(),
                        "{}.{} at {max}",
                        table.name,
                        field.name
                    );
                    let too_many =
                        |k: &Kind| matches!(k, Kind::TooMany { count, max: m } if *count == max + 1 && *m == max);
                    refused(table, field, list(max + 1, 1), too_many, max);
                    let too_long = |k: &Kind| matches!(k, Kind::TooLong { max: m, .. } if *m == chars);
                    let problems = check(&with(table, field, list(1, chars + 1))).expect_err("a member too long");
                    assert!(problems.iter().any(|p| too_long(&p.kind)), "{problems:?}");
                    limits += 2;
                }
                Ty::List(item, max) => {
                    let list = |n: usize| json!((0..n).map(|i| minimal(item, i)).collect::<Vec<_>>());
                    assert!(check(&with(table, field, list(max))).is_ok(), "{}.{} at {max}", table.name, field.name);
                    let too_many =
                        |k: &Kind| matches!(k, Kind::TooMany { count, max: m } if *count == max + 1 && *m == max);
                    refused(table, field, list(max + 1), too_many, max);
                    limits += 1;
                }
                Ty::Percent => {
                    assert!(check(&with(table, field, json!(100))).is_ok());
                    assert!(check(&with(table, field, json!(0))).is_ok());
                    let wrong = |k: &Kind| matches!(k, Kind::WrongType { expected: Ty::Percent, .. });
                    refused(table, field, json!(101), wrong, 100);
                    limits += 1;
                }
                Ty::Id => {
                    assert!(check(&with(table, field, json!("a".repeat(64)))).is_ok());
                    let long = |k: &Kind| matches!(k, Kind::BadId(_));
                    refused(table, field, json!("a".repeat(65)), long, 64);
                    limits += 1;
                }
                Ty::Date | Ty::Link | Ty::Status | Ty::Bool | Ty::Str | Ty::Object(_) => {}
            }
        }
    }
    assert_eq!(limits, 19, "every limit of the six tables was tried");
}

#[test]
fn the_programme_wide_measure_limit_holds() {
    use task_force_tracker::model::{MAX_MEASURES, MAX_MEASURES_PER_TASK_FORCE};
    let per = MAX_MEASURES_PER_TASK_FORCE;
    let tfs = |total: usize| -> Value {
        let mut out = Vec::new();
        let mut left = total;
        for t in 0.. {
            if left == 0 {
                break;
            }
            let n = left.min(per);
            left -= n;
            let measures: Vec<Value> =
                (0..n).map(|i| json!({"id": format!("m{i}"), "title": "t", "status": "on-track"})).collect();
            out.push(json!({"id": format!("t{t}"), "name": "n", "measures": measures}));
        }
        json!({"title": "t", "asOf": "2020-06-30", "taskForces": out})
    };
    assert!(check(&tfs(MAX_MEASURES)).is_ok());
    let problems = check(&tfs(MAX_MEASURES + 1)).expect_err("one past");
    assert!(problems.iter().any(
        |p| matches!(p.kind, Kind::TooManyMeasures { count, max } if count == MAX_MEASURES + 1 && max == MAX_MEASURES)
    ));
}
