//! The command-line tool's own code (native only; no reader downloads it).
//! `src/bin/tft.rs` is its front end (arguments on clap); spreadsheets are
//! read with the `csv` crate and JSON is written with serde_json.

pub mod contract;
pub mod csv_import;
pub mod import;
pub mod reference;

use crate::model::json::{Kind, Value};

/// A value of the JSON reader as serde_json's, keeping member order.
pub fn to_serde(v: &Value) -> serde_json::Value {
    match &v.kind {
        Kind::Null => serde_json::Value::Null,
        Kind::Bool(b) => serde_json::Value::Bool(*b),
        Kind::Int(n) => serde_json::Value::from(*n),
        // Written as read: a number the reader kept as text is valid JSON.
        Kind::Number(n) => serde_json::from_str(n).unwrap_or(serde_json::Value::Null),
        Kind::Str(s) => serde_json::Value::String(s.clone()),
        Kind::Array(items) => serde_json::Value::Array(items.iter().map(to_serde).collect()),
        Kind::Object(members) => {
            serde_json::Value::Object(members.iter().map(|(k, v)| (k.clone(), to_serde(v))).collect())
        }
    }
}

/// JSON text for a file: indented by two spaces, UTF-8 as is, a final
/// line break.
pub fn pretty(v: &Value) -> String {
    let mut text = serde_json::to_string_pretty(&to_serde(v)).expect("JSON values always serialise");
    text.push('\n');
    text
}

/// A [`Diff`](crate::model::diff::Diff) as JSON: the dates, the tallies
/// before and after, and every change with its kind, place and values.
pub fn diff_json(d: &crate::model::diff::Diff, lang: crate::model::text::Lang) -> serde_json::Value {
    use crate::model::diff::Change;
    use crate::model::Tally;
    use serde_json::json;
    let tally = |t: &Tally| json!({ "measures": t.total(), "completed": t.done(), "overdue": t.overdue });
    let date = |d: &Option<crate::model::date::Date>| d.map(|d| d.to_string());
    let changes: Vec<serde_json::Value> = d
        .changes
        .iter()
        .map(|c| {
            let p = c.place();
            let mut v = json!({
                "kind": c.kind(),
                "taskForce": p.task_force,
                "taskForceName": p.task_force_name.get(lang),
            });
            if let Some((id, title)) = &p.measure {
                v["measure"] = json!(id);
                v["title"] = json!(title.get(lang));
            }
            let (from, to, extra) = match c {
                Change::MeasureAdded(_, s) => (None, Some(json!(s.key())), None),
                Change::Status(_, a, b) => (Some(json!(a.key())), Some(json!(b.key())), None),
                Change::Progress(_, a, b) => (Some(json!(a)), Some(json!(b)), None),
                Change::DeadlineMoved(_, a, b) => (Some(json!(date(a))), Some(json!(date(b))), None),
                Change::Report(_, day, note) => {
                    (None, None, Some(json!({ "date": day.to_string(), "note": note.get(lang) })))
                }
                Change::MilestoneReached(_, m, due) => {
                    (None, None, Some(json!({ "milestone": m.get(lang), "due": due.to_string() })))
                }
                Change::NewlyOverdue(_, due) => (None, None, Some(json!({ "due": due.to_string() }))),
                Change::TaskForceAdded(_) | Change::TaskForceRemoved(_) | Change::MeasureRemoved(_) => {
                    (None, None, None)
                }
            };
            if let Some(f) = from {
                v["from"] = f;
            }
            if let Some(t) = to {
                v["to"] = t;
            }
            if let Some(serde_json::Value::Object(m)) = extra {
                for (k, x) in m {
                    v[k] = x;
                }
            }
            v
        })
        .collect();
    json!({
        "from": d.old_as_of.to_string(),
        "to": d.new_as_of.to_string(),
        "before": tally(&d.before),
        "after": tally(&d.after),
        "changes": changes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json;

    #[test]
    fn written_json_reads_back_the_same_in_the_same_order() {
        let text = r#"{"b": [1, -2, 3.5e2, true, null], "a": {"z": "引号\"\n", "y": {}}}"#;
        let v = json::parse(text).unwrap();
        let out = pretty(&v);
        assert!(out.find("\"b\"").unwrap() < out.find("\"a\"").unwrap(), "member order kept: {out}");
        let back = json::parse(&out).unwrap();
        assert_eq!(to_serde(&back), to_serde(&v));
        assert!(out.ends_with("}\n") && out.contains("\n  \"a\": {"), "{out}");
    }
}
