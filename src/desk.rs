//! The data desk's module (`www/desk/`, built with the `desk` feature by
//! `scripts/build.sh --desk`): the checks `tft` runs, compiled to wasm for
//! a page that needs no install. Programme staff choose a CSV (decoded by
//! the browser's `TextDecoder`, UTF-8 or GB18030) or a JSON file; the page
//! shows every problem in the same words as `tft` (from `crate::words`, in
//! the page's language: zh-Hans, zh-Hant or en), the widget as readers
//! will see it, and offers the JSON and the no-JS fallback to download.
//! The page's own labels come from the same tables ([`words`]). Nothing
//! here is in what readers of an article load.

use crate::model::text::Lang;
use crate::model::{self, ParseError};
use crate::sheet::{self, Counts, Settings};
use crate::words;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What a check found, as the page shows it.
#[derive(Debug, Serialize)]
pub struct Report {
    /// The programme JSON to publish, when the file is valid.
    pub json: Option<String>,
    /// The verdict, a sentence: no problems and what the file holds, or
    /// how many problems.
    pub status: String,
    /// Every problem: where (spreadsheet row and column, a form field, or
    /// line:column) and what.
    pub problems: Vec<Line>,
    /// What was normalised, once per column; warnings.
    pub notes: Vec<String>,
}

/// One problem.
#[derive(Debug, Serialize)]
pub struct Line {
    /// Where, in the file's own terms ("第 3 行，due 列", "数据截至日期",
    /// "line 4, column 7 asOf"); empty for the whole file.
    pub place: String,
    /// What is wrong and what was expected.
    pub message: String,
}

fn lang(tag: &str) -> Lang {
    Lang::from_tag(tag).unwrap_or(Lang::ZhHans)
}

fn report(report: &Report) -> JsValue {
    report.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

fn verdict(
    lang: Lang,
    json: Option<String>,
    counts: Option<Counts>,
    problems: Vec<Line>,
    notes: Vec<String>,
) -> JsValue {
    let summary = counts.map(|c| words::counts(lang, &c));
    let status = words::desk_verdict(lang, summary.as_deref(), problems.len());
    report(&Report { json, status, problems, notes })
}

/// The desk page's words in `lang` (a language tag), as a plain object.
#[wasm_bindgen]
pub fn words(lang: &str) -> JsValue {
    words::desk(self::lang(lang)).serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// Reads a spreadsheet (CSV text) with `settings` (`{ title, titleEn, asOf,
/// sourceTitle, sourceUrl, sourcePublisher, sample }`); words in `lang`.
#[wasm_bindgen(js_name = readSheet)]
pub fn read_sheet(text: &str, settings: JsValue, lang: &str) -> JsValue {
    let lang = self::lang(lang);
    let settings: Settings = serde_wasm_bindgen::from_value(settings).unwrap_or_default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match sheet::read(text, &settings) {
        Ok(read) => {
            let json = model::json::write(&read.value, true);
            let counts = model::parse(&json).ok().map(|p| Counts::of(&p.programme));
            let notes = read.notes.iter().map(|n| words::normalised(lang, n)).collect();
            verdict(lang, Some(json), counts, Vec::new(), notes)
        }
        Err(problems) => {
            let lines = problems
                .iter()
                .map(|p| Line { place: words::place(lang, &p.place), message: words::sheet_message(lang, &p.kind) })
                .collect();
            verdict(lang, None, None, lines, Vec::new())
        }
    }
}

/// Checks a programme JSON file, as `tft validate` does.
#[wasm_bindgen(js_name = checkJson)]
pub fn check_json(text: &str, lang: &str) -> JsValue {
    let lang = self::lang(lang);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (result, warnings) = model::check(text);
    let line = |p: &model::Problem| Line { place: words::json_place(lang, p), message: words::json_message(lang, p) };
    let notes = warnings
        .iter()
        .map(|w| format!("{}{}{}", words::json_place(lang, w), words::ui(lang).colon, words::json_message(lang, w)))
        .collect();
    match result {
        Ok(p) => verdict(lang, Some(text.to_string()), Some(Counts::of(&p)), Vec::new(), notes),
        Err(ParseError::Syntax(problem)) => verdict(lang, None, None, vec![line(&problem)], notes),
        Err(ParseError::Invalid(problems)) => verdict(lang, None, None, problems.iter().map(line).collect(), notes),
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
    let lang = self::lang(lang);
    model::parse(json).map(|p| crate::view::fallback::fallback_html(&p.programme, lang)).unwrap_or_default()
}
