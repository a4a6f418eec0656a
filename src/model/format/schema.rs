//! The JSON Schema (draft 2020-12) of the data format, written from the
//! field declarations (`tables.rs`): `tft schema` and
//! `schema/programme.schema.json`. A test checks the file against it.

use super::tables::{Table, Ty, PROGRAMME, TABLES};
use crate::model::json::{build, Kind, Value};
use crate::model::text::Lang;
use crate::model::Status;

/// The JSON Schema (draft 2020-12) of the data format, from the tables.
pub fn schema() -> Value {
    let defs: Vec<(&str, Value)> = TABLES.iter().skip(1).map(|t| (t.name, object_schema(t))).collect();
    let mut root = object_schema(&PROGRAMME);
    if let Kind::Object(members) = &mut root.kind {
        members.insert(0, ("$schema".into(), build::s("https://json-schema.org/draft/2020-12/schema")));
        members.insert(1, ("$id".into(), build::s("https://task-force-tracker.invalid/programme.schema.json")));
        members.push(("$defs".into(), build::obj(defs)));
    }
    root
}

fn object_schema(t: &Table) -> Value {
    let props = t.fields.iter().map(|f| (f.name, type_schema(f.ty, f.doc))).collect();
    let required = t.fields.iter().filter(|f| f.required).map(|f| build::s(f.name)).collect();
    build::obj(vec![
        ("title", build::s(t.name)),
        ("description", build::s(t.doc)),
        ("type", build::s("object")),
        ("properties", build::obj(props)),
        ("required", build::arr(required)),
    ])
}

fn type_schema(ty: Ty, doc: &str) -> Value {
    let d = ("description", build::s(doc));
    let string_max = |max: usize| {
        build::obj(vec![
            ("type", build::s("string")),
            ("minLength", build::int(1)),
            ("maxLength", build::int(max as i64)),
        ])
    };
    match ty {
        Ty::Text(max) => build::obj(vec![
            d,
            (
                "anyOf",
                build::arr(vec![
                    string_max(max),
                    build::obj(vec![
                        ("type", build::s("object")),
                        ("properties", build::obj(Lang::ALL.iter().map(|l| (l.tag(), string_max(max))).collect())),
                        ("additionalProperties", build::bool(false)),
                        ("minProperties", build::int(1)),
                    ]),
                ]),
            ),
        ]),
        Ty::Date => build::obj(vec![
            d,
            ("type", build::s("string")),
            ("pattern", build::s("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
            ("format", build::s("date")),
        ]),
        Ty::Id => {
            build::obj(vec![d, ("type", build::s("string")), ("pattern", build::s("^[a-z0-9][a-z0-9_-]{0,63}$"))])
        }
        Ty::Link => build::obj(vec![
            d,
            ("type", build::s("string")),
            ("pattern", build::s("^[Hh][Tt][Tt][Pp][Ss]?://[^\\s\\\\]+$")),
            ("maxLength", build::int(2000)),
        ]),
        Ty::Percent => {
            build::obj(vec![d, ("type", build::s("integer")), ("minimum", build::int(0)), ("maximum", build::int(100))])
        }
        Ty::Status => {
            let words = Status::ALL.iter().flat_map(|s| {
                core::iter::once(s.key())
                    .chain(Lang::ALL.iter().map(|l| crate::model::status_label(*s, *l)).filter(|w| !w.is_ascii()))
            });
            let mut seen = Vec::new();
            for w in words {
                if !seen.contains(&w) {
                    seen.push(w);
                }
            }
            build::obj(vec![d, ("enum", build::arr(seen.into_iter().map(build::s).collect()))])
        }
        Ty::Bool => build::obj(vec![d, ("type", build::s("boolean"))]),
        Ty::Str => build::obj(vec![d, ("type", build::s("string"))]),
        Ty::Object(t) => build::obj(vec![d, ("$ref", build::s(format!("#/$defs/{}", t.name)))]),
        Ty::TextList(max, chars) => build::obj(vec![
            d,
            ("type", build::s("array")),
            ("maxItems", build::int(max as i64)),
            ("items", type_schema(Ty::Text(chars), "A member unit.")),
        ]),
        Ty::List(t, max) => build::obj(vec![
            d,
            ("type", build::s("array")),
            ("maxItems", build::int(max as i64)),
            ("items", build::obj(vec![("$ref", build::s(format!("#/$defs/{}", t.name)))])),
        ]),
    }
}
