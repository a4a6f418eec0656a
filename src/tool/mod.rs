//! The command-line tool's own code (native only; no reader downloads it).
//! `src/bin/tft.rs` is its front end (arguments on clap); spreadsheets are
//! read with the `csv` crate and JSON is written with serde_json.

pub mod csv_import;

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
