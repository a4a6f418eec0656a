//! The data desk's module (`www/desk/`, built with the `desk` feature by
//! `scripts/build.sh --desk`): the checks `tft` runs, compiled to wasm for
//! a page that needs no install. Programme staff choose workbooks (.xlsx,
//! .xls, .ods, read by calamine), CSV files (decoded by the browser's
//! `TextDecoder`, UTF-8 or GB18030), several at once to merge, or a JSON
//! file; the page
//! shows every problem in the same words as `tft` (from `crate::words`, in
//! the page's language: zh-Hans, zh-Hant or en), the widget as readers
//! will see it, and offers the JSON, the no-JS fallback and the long image
//! (the poster, drawn as PNG by the page) to download.
//! The page's own labels come from the same tables ([`words`]). Nothing
//! here is in what readers of an article load.

use crate::model::text::Lang;
use crate::model::{self, ParseError};
use crate::sheet::{self, Content, Counts, Settings};
use crate::view::poster::{self, Sheet};
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
    /// What each file and sheet gave (read from spreadsheets).
    pub contributions: Vec<String>,
    /// The programme's fields the workbooks' instructions sheets give, to
    /// fill in the form.
    pub settings: Option<Settings>,
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
    report(&Report { json, status, problems, notes, contributions: Vec::new(), settings: None })
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
    let files = js_sys::Array::of1(&file_object("sheet.csv", &JsValue::from_str(text)));
    read_files(files, settings, lang)
}

/// `{ name, text }` (CSV) or `{ name, bytes }` (a workbook).
fn file_object(name: &str, content: &JsValue) -> JsValue {
    let o = js_sys::Object::new();
    let key = if content.is_string() { "text" } else { "bytes" };
    let _ = js_sys::Reflect::set(&o, &"name".into(), &name.into());
    let _ = js_sys::Reflect::set(&o, &key.into(), content);
    o.into()
}

/// Whether a file is a workbook (to pass as bytes) rather than text, by its
/// name or its first bytes (`head`: four are enough), as `tft import` decides.
#[wasm_bindgen(js_name = isWorkbook)]
pub fn is_workbook(name: &str, head: &[u8]) -> bool {
    sheet::is_workbook(name, head)
}

/// Reads files, one or several merged as `tft import` does: each `{ name,
/// text }` (CSV, decoded) or `{ name, bytes }` (a workbook, Uint8Array);
/// the form's `settings` replace the workbooks' own; words in `lang`.
#[wasm_bindgen(js_name = readFiles)]
pub fn read_files(files: js_sys::Array, settings: JsValue, lang: &str) -> JsValue {
    let lang = self::lang(lang);
    let form: Settings = serde_wasm_bindgen::from_value(settings).unwrap_or_default();
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let contents: Vec<(String, Content)> = files
        .iter()
        .map(|f| {
            let name = get(&f, "name").as_string().unwrap_or_default();
            let content = match get(&f, "text").as_string() {
                Some(text) => Content::Csv(text),
                None => Content::Workbook(js_sys::Uint8Array::new(&get(&f, "bytes")).to_vec()),
            };
            (name, content)
        })
        .collect();
    // Each file's name in its problems when there are several.
    let gathered = sheet::gather(contents, files.length() > 1);
    let from_books = (gathered.settings != Settings::default()).then(|| gathered.settings.clone());
    let settings = gathered.settings.overridden_by(&form);
    let read = sheet::read_tables(gathered.tables, &settings);
    let contributions = read.contributions.iter().map(|c| words::contribution(lang, c)).collect();
    let line =
        |p: &sheet::Problem| Line { place: words::place(lang, &p.place), message: words::sheet_message(lang, &p.kind) };
    let mut problems: Vec<Line> = gathered.problems.iter().map(line).collect();
    let (json, counts, notes) = match read.result {
        Ok(read) if problems.is_empty() => {
            let json = model::json::write(&read.value, true);
            let counts = model::parse(&json).ok().map(|p| Counts::of(&p.programme));
            (Some(json), counts, read.notes.iter().map(|n| words::normalised(lang, n)).collect())
        }
        Ok(_) => (None, None, Vec::new()),
        Err(found) => {
            problems.extend(found.iter().map(line));
            (None, None, Vec::new())
        }
    };
    let summary = counts.map(|c| words::counts(lang, &c));
    let status = words::desk_verdict(lang, summary.as_deref(), problems.len());
    report(&Report { json, status, problems, notes, contributions, settings: from_books })
}

/// A valid programme JSON as the workbook to fill in (`tft export`), in
/// `lang`; empty when it is not valid.
#[wasm_bindgen(js_name = exportBook)]
pub fn export_book(json: &str, lang: &str) -> Vec<u8> {
    model::parse(json)
        .ok()
        .and_then(|p| sheet::workbook::write(Some(&p.programme), &words::book(self::lang(lang))).ok())
        .unwrap_or_default()
}

/// The blank workbook (`tft template`), in `lang`.
#[wasm_bindgen(js_name = templateBook)]
pub fn template_book(lang: &str) -> Vec<u8> {
    sheet::workbook::write(None, &words::book(self::lang(lang))).unwrap_or_default()
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

/// The poster `n` of a programme: 0 the overview, then each task force.
fn sheet(n: u32) -> Sheet {
    match n {
        0 => Sheet::Overview,
        n => Sheet::TaskForce(n as usize - 1),
    }
}

/// The posters a valid programme JSON offers, by number (see [`posterOf`]):
/// the overview's name, then each task force's, in `lang`; empty when the
/// JSON is not valid.
#[wasm_bindgen(js_name = posterSheets)]
pub fn poster_sheets(json: &str, lang: &str) -> Vec<String> {
    let lang = self::lang(lang);
    model::parse(json)
        .map(|p| {
            let tfs = p.programme.task_forces.iter().map(|tf| tf.name.get(lang).to_string());
            std::iter::once(words::poster(lang).overview.to_string()).chain(tfs).collect()
        })
        .unwrap_or_default()
}

/// A poster as the page draws it: its SVG, its caption (the image's alt
/// text) and the fonts it asks for (to load before drawing).
#[derive(Debug, Serialize)]
pub struct Poster {
    /// The standalone SVG (`tft render-svg`).
    pub svg: String,
    /// Its caption (`tft render-svg --caption`).
    pub caption: String,
    /// Its font stack.
    pub fonts: &'static str,
}

/// Poster `n` (0 the overview, `i + 1` the task force `i`) of a valid
/// programme JSON, in `lang`, read once for all three; `null` when the JSON
/// is not valid.
#[wasm_bindgen(js_name = posterOf)]
pub fn poster_of(json: &str, lang: &str, n: u32) -> JsValue {
    let lang = self::lang(lang);
    let Ok(p) = model::parse(json) else { return JsValue::NULL };
    let (p, sheet) = (&p.programme, sheet(n));
    let poster = Poster {
        svg: poster::svg(p, lang, sheet),
        caption: poster::caption(p, lang, sheet),
        fonts: poster::fonts(lang),
    };
    poster.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}
