//! Writing JSON text from [`Value`]s (compact, or indented), and
//! shorthands for building values to write.

use super::{Kind, Value};

/// Builds JSON text: compact, or indented by two spaces per level.
pub fn write(v: &Value, pretty: bool) -> String {
    let mut out = String::new();
    write_value(&mut out, v, pretty, 0);
    if pretty {
        out.push('\n');
    }
    out
}

fn write_value(out: &mut String, v: &Value, pretty: bool, level: usize) {
    let newline = |out: &mut String, level: usize| {
        if pretty {
            out.push('\n');
            out.extend(core::iter::repeat_n(' ', level * 2));
        }
    };
    match &v.kind {
        Kind::Null => out.push_str("null"),
        Kind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Kind::Int(n) => out.push_str(&n.to_string()),
        Kind::Number(n) => out.push_str(n),
        Kind::Str(s) => write_string(out, s),
        Kind::Array(items) if items.is_empty() => out.push_str("[]"),
        Kind::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, level + 1);
                write_value(out, item, pretty, level + 1);
            }
            newline(out, level);
            out.push(']');
        }
        Kind::Object(members) if members.is_empty() => out.push_str("{}"),
        Kind::Object(members) => {
            out.push('{');
            for (i, (k, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, level + 1);
                write_string(out, k);
                out.push_str(if pretty { ": " } else { ":" });
                write_value(out, item, pretty, level + 1);
            }
            newline(out, level);
            out.push('}');
        }
    }
}

/// Appends `s` as a JSON string literal.
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str(if (c as u32) < 0x10 { "\\u000" } else { "\\u001" });
                out.push(char::from_digit(c as u32 & 0xf, 16).unwrap_or('0'));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Shorthands for building values to write (positions are zero).
pub mod build {
    use super::super::{Kind, Value};

    /// A string value.
    pub fn s(text: impl Into<String>) -> Value {
        Value { kind: Kind::Str(text.into()), at: 0 }
    }
    /// An integer value.
    pub fn int(n: i64) -> Value {
        Value { kind: Kind::Int(n), at: 0 }
    }
    /// A boolean value.
    pub fn bool(b: bool) -> Value {
        Value { kind: Kind::Bool(b), at: 0 }
    }
    /// An array value.
    pub fn arr(items: Vec<Value>) -> Value {
        Value { kind: Kind::Array(items), at: 0 }
    }
    /// An object value from `(name, value)` pairs.
    pub fn obj(members: Vec<(&str, Value)>) -> Value {
        Value { kind: Kind::Object(members.into_iter().map(|(k, v)| (k.to_string(), v)).collect()), at: 0 }
    }
}
