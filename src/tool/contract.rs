//! The embed contract as JSON (`tft contract`): what the JS side repeats
//! or relies on, printed from the Rust declarations so that the end-to-end
//! tests can hold the shim, the tests' own selectors and the release's
//! TypeScript declarations against it.

use crate::controller::{ErrorDetail, LoadDetail, SelectDetail, Source, Summary};
use crate::embed::{Attribute, Event, TAG};
use crate::model::text::Lang;
use crate::view::act::Act;
use crate::view::state::DEFAULT_PREFIX;
use crate::words;
use serde_json::json;

/// The contract, pretty-printed.
pub fn contract() -> String {
    let p = crate::model::parse(crate::default_programme_json()).expect("the default is valid").programme;
    let version = crate::model::hash::content_hash(crate::default_programme_json());
    let load = LoadDetail {
        source: Source::Embedded.name().into(),
        as_of: p.as_of.to_string(),
        task_forces: p.task_forces.len(),
        measures: p.task_forces.iter().map(|t| t.measures.len()).sum(),
        version: version.clone(),
    };
    let tf = &p.task_forces[0];
    let select = SelectDetail { id: tf.id.as_str().into(), index: 0, name: tf.name.get(Lang::ZhHans).into() };
    let error = ErrorDetail { source: "/data/programme.json".into(), message: "the server answered HTTP 404".into() };
    let summary = Summary::of(&p, Lang::ZhHans, &version);
    let sources = [Source::Embedded, Source::Inline, Source::Property].map(|s| s.name().to_string());
    let cannot_run: serde_json::Map<String, serde_json::Value> =
        Lang::ALL.iter().map(|l| (l.tag().to_string(), json!(words::ui(*l).cannot_run))).collect();
    let value = json!({
        "tag": TAG,
        "attributes": Attribute::ALL.map(Attribute::name),
        "events": Event::ALL.map(Event::name),
        "acts": Act::ALL.map(Act::name),
        "sources": sources,
        "prefix": DEFAULT_PREFIX,
        "cannotRun": cannot_run,
        "examples": {
            "tft-load": load,
            "tft-select": select,
            "tft-error": error,
            "summary": summary,
        },
    });
    let mut out = serde_json::to_string_pretty(&value).expect("JSON values serialise");
    out.push('\n');
    out
}
