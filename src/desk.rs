//! The data desk's module (`www/desk/`, built with the `desk` feature by
//! `scripts/build.sh --desk`): the checks `tft` runs, compiled to wasm for
//! a page that needs no install. Programme staff choose a CSV (decoded by
//! the browser's `TextDecoder`, UTF-8 or GB18030) or a JSON file; the page
//! shows every problem in the same words as `tft`, the widget as readers
//! will see it, and offers the JSON and the no-JS fallback to download.
//! Nothing here is in what readers of an article load.

use crate::model::{self, ParseError};
use crate::sheet::{self, Settings};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What a check found, as the page shows it.
#[derive(Debug, Serialize)]
pub struct Report {
    /// The programme JSON to publish, when the file is valid.
    pub json: Option<String>,
    /// Every problem: where (spreadsheet row and column, or line:column) and what.
    pub problems: Vec<Line>,
    /// What was normalised, once per column; warnings.
    pub notes: Vec<String>,
    /// What the programme holds, when valid.
    pub summary: Option<String>,
}

/// One problem.
#[derive(Debug, Serialize)]
pub struct Line {
    /// Where, in the file's own terms ("第 3 行，due 列" / "row 3: column due", or "line 4, column 7").
    pub place: String,
    /// What is wrong and what was expected.
    pub message: String,
}

fn report(report: &Report) -> JsValue {
    report.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// Reads a spreadsheet (CSV text) with `settings` (`{ title, titleEn, asOf,
/// sourceTitle, sourceUrl, sourcePublisher, sample }`); words in Chinese
/// unless `lang` is `en`.
#[wasm_bindgen(js_name = readSheet)]
pub fn read_sheet(text: &str, settings: JsValue, lang: &str) -> JsValue {
    let zh = lang != "en";
    let settings: Settings = serde_wasm_bindgen::from_value(settings).unwrap_or_default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match sheet::read(text, &settings) {
        Ok(read) => {
            let json = model::json::write(&read.value, true);
            let summary = model::parse(&json).ok().map(|p| sheet::summary(&p.programme, zh));
            report(&Report {
                json: Some(json),
                problems: Vec::new(),
                notes: read.notes.iter().map(|n| n.describe(zh)).collect(),
                summary,
            })
        }
        Err(problems) => report(&Report {
            json: None,
            problems: problems
                .iter()
                .map(|p| {
                    let place = match (zh, p.row, &p.column) {
                        (_, 0, _) => String::new(),
                        (true, r, Some(c)) => format!("第 {r} 行，{c} 列"),
                        (true, r, None) => format!("第 {r} 行"),
                        (false, r, Some(c)) => format!("row {r}, column {c}"),
                        (false, r, None) => format!("row {r}"),
                    };
                    let message = if zh { sheet::zh::message(&p.message) } else { p.message.clone() };
                    Line { place, message }
                })
                .collect(),
            notes: Vec::new(),
            summary: None,
        }),
    }
}

/// Checks a programme JSON file, as `tft validate` does.
#[wasm_bindgen(js_name = checkJson)]
pub fn check_json(text: &str, lang: &str) -> JsValue {
    let zh = lang != "en";
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (result, warnings) = model::check(text);
    let place = |p: &model::Problem| match (zh, p.line) {
        (_, 0) => p.path.clone(),
        (true, l) => format!("第 {l} 行第 {} 列 {}", p.col, p.path),
        (false, l) => format!("line {l}, column {} {}", p.col, p.path),
    };
    let words = |p: &model::Problem| {
        let context = if p.context.is_empty() { String::new() } else { format!(" (in {})", p.context) };
        let message = format!("{}{context}", p.message);
        if zh {
            sheet::zh::message(&message)
        } else {
            message
        }
    };
    let line = |p: &model::Problem| Line { place: place(p), message: words(p) };
    let notes = warnings.iter().map(|w| format!("{}: {}", place(w), words(w))).collect();
    match result {
        Ok(p) => report(&Report {
            json: Some(text.to_string()),
            problems: Vec::new(),
            notes,
            summary: Some(sheet::summary(&p, zh)),
        }),
        Err(ParseError::Syntax { problem, .. }) => {
            report(&Report { json: None, problems: vec![line(&problem)], notes, summary: None })
        }
        Err(ParseError::Invalid(problems)) => {
            report(&Report { json: None, problems: problems.iter().map(line).collect(), notes, summary: None })
        }
    }
}

/// A valid programme JSON as the staff's spreadsheet (`tft export-csv`), to
/// edit and check again: the round trip the readers' CSV is not.
#[wasm_bindgen(js_name = exportSheet)]
pub fn export_sheet(json: &str) -> String {
    model::parse(json).map(|p| sheet::export(&p.programme)).unwrap_or_default()
}

/// The no-JS fallback for a valid programme JSON (`tft render-html`).
#[wasm_bindgen(js_name = fallbackHtml)]
pub fn fallback_html(json: &str, lang: &str) -> String {
    let lang = model::text::Lang::from_tag(lang).unwrap_or(model::text::Lang::ZhHans);
    model::parse(json).map(|p| crate::view::fallback::fallback_html(&p.programme, lang)).unwrap_or_default()
}
