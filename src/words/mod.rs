//! Every word a reader, an editor or a member of programme staff can see,
//! in one table per language: `en.rs`, `zh_hans.rs`, `zh_hant.rs`.
//!
//! Each table implements [`Words`]: the interface's fixed strings
//! ([`Strings`]), and a sentence for every kind of problem (the model's
//! [`Kind`], the spreadsheet's, a failed load), every count and date form.
//! The trait makes a missing word a compile error, and each `match` over a
//! kind is exhaustive, so a new kind cannot ship without its words in all
//! three languages; `tests/words.rs` says every kind in every language and
//! fails on an English sentence in a Chinese one or a Simplified character
//! in a Traditional one. No code builds a sentence outside these tables,
//! and none reads one back. Text from data is never translated.
//!
//! The functions below pick the table for a [`Lang`].

mod en;
mod zh_hans;
mod zh_hant;

use crate::model::date::Date;
use crate::model::diff::Change;
use crate::model::format::Ty;
use crate::model::problem::{Context, Found, Kind, LoadError, Problem, ValueFault};
use crate::model::text::Lang;
use crate::model::Tally;

#[cfg(any(not(target_arch = "wasm32"), feature = "desk"))]
mod staff;
#[cfg(any(not(target_arch = "wasm32"), feature = "desk"))]
pub use staff::*;

/// Every fixed string the widget's interface shows, in one language.
#[allow(missing_docs)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct Strings {
    pub task_forces: &'static str,
    pub as_of: &'static str,
    pub source: &'static str,
    pub sample_badge: &'static str,
    pub sample_note: &'static str,
    pub overall: &'static str,
    pub measures_done: &'static str,
    pub focus: &'static str,
    pub leader: &'static str,
    pub members: &'static str,
    pub not_published: &'static str,
    pub measures: &'static str,
    pub due: &'static str,
    pub no_due: &'static str,
    pub overdue: &'static str,
    pub progress: &'static str,
    pub schedule: &'static str,
    pub latest_report: &'static str,
    pub no_reports: &'static str,
    pub no_measures: &'static str,
    pub report_source: &'static str,
    pub load_failed: &'static str,
    pub what_to_do: &'static str,
    pub sample_short: &'static str,
    pub showing_as_of: &'static str,
    pub update_failed: &'static str,
    pub version: &'static str,
    pub download: &'static str,
    pub language: &'static str,
    pub filters: &'static str,
    pub search: &'static str,
    pub search_hint: &'static str,
    pub status: &'static str,
    pub all_statuses: &'static str,
    pub scope: &'static str,
    pub scope_one: &'static str,
    pub scope_all: &'static str,
    pub clear: &'static str,
    pub no_results: &'static str,
    pub updated: &'static str,
    pub only_updated: &'static str,
    pub layout: &'static str,
    pub list: &'static str,
    pub timeline: &'static str,
    pub start: &'static str,
    pub as_table: &'static str,
    pub timeline_legend: &'static str,
    pub measure: &'static str,
    pub results_all: &'static str,
    pub milestones: &'static str,
    pub history: &'static str,
    pub ms_done: &'static str,
    pub ms_pending: &'static str,
    pub ms_late: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub data_updated: &'static str,
    pub version_help: &'static str,
    pub overdue_only: &'static str,
    pub search_all: &'static str,
    pub copy_here: &'static str,
    pub unavailable: &'static str,
    pub not_updated: &'static str,
    pub update_pending: &'static str,
    /// What a crashed widget says in place of itself.
    pub crashed: &'static str,
    /// What the element's shim says when the module cannot run at all.
    pub cannot_run: &'static str,
    /// What an empty cell of a table says ("—").
    pub none: &'static str,
    /// Between a label and what it labels ("：" or ": ").
    pub colon: &'static str,
    /// Between the items of a list in running text ("、" or ", ").
    pub list_sep: &'static str,
    /// Around a parenthesis ("（", "）" or " (", ")").
    pub paren: (&'static str, &'static str),
}

/// One language's words. The trait is the table's outline: every language
/// has every entry, checked by the compiler.
pub trait Words {
    /// The interface's fixed strings.
    const UI: Strings;

    /// What a problem's kind says (its message, without its place).
    fn message(kind: &Kind) -> String;
    /// What a field of type `ty` takes.
    fn expected(ty: Ty) -> String;
    /// What was found instead.
    fn found(found: &Found) -> String;
    /// Which task force and measure a problem is in.
    fn context(context: &Context) -> String;
    /// A problem with its JSON path and, when known, its line and column.
    fn located(path: &str, line: usize, col: usize, message: &str) -> String;
    /// Why data could not be shown (the `preview` detail, the console).
    fn load_error(error: &LoadError) -> String;
    /// Why a JS value is not JSON data.
    fn value_fault(fault: &ValueFault) -> String;

    /// "Showing 3 of 23 measures".
    fn showing(shown: usize, total: usize) -> String;
    /// The "show more" button under a long list.
    fn show_more(remaining: usize) -> String;
    /// "3 match" on a task force's tab while a filter is on.
    fn matching(n: usize) -> String;
    /// "8 overdue" beside a count of measures.
    fn overdue_count(n: usize) -> String;
    /// Matches outside the task force being searched.
    fn elsewhere(n: usize) -> String;
    /// "3 measures updated since your last visit".
    fn updated_count(n: usize) -> String;
    /// A date as readers write it: `2020年4月17日`, `17 Apr 2020`.
    fn date(d: Date) -> String;
    /// A month: `2020年4月`, `Apr 2020`.
    fn month(d: Date) -> String;
    /// A title quoted: `《…》`, `“…”`.
    fn quoted(s: &str) -> String;
    /// The timeline's text alternative.
    fn timeline_summary(name: &str, measures: usize, from: &str, to: &str, as_of: &str, overdue: usize) -> String;

    /// `tft diff`: the heading (newer and older as-of dates, already written).
    fn diff_heading(new: &str, old: &str) -> String;
    /// `tft diff`: the tallies before and after.
    fn diff_totals(before: &Tally, after: &Tally) -> String;
    /// `tft diff`: nothing changed.
    fn diff_nothing() -> &'static str;
    /// `tft diff`: one change of `what` (a measure's title or a task force's
    /// name, already written); dates and statuses are written by `lang`.
    fn diff_change(change: &Change, what: &str) -> String;
}

/// The data desk's page, in one language. `{}` marks where the page puts
/// a value (a file's name, a count, a summary).
#[allow(missing_docs)]
#[cfg(any(not(target_arch = "wasm32"), feature = "desk"))]
#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeskStrings {
    pub title: &'static str,
    pub other_title: &'static str,
    pub lead: &'static str,
    pub file: &'static str,
    pub choose: &'static str,
    pub settings: &'static str,
    pub f_title: &'static str,
    pub f_title_en: &'static str,
    pub f_as_of: &'static str,
    pub f_source: &'static str,
    pub f_publisher: &'static str,
    pub f_url: &'static str,
    pub f_sample: &'static str,
    pub again: &'static str,
    pub result: &'static str,
    pub waiting: &'static str,
    pub download: &'static str,
    pub download_help: &'static str,
    pub get_json: &'static str,
    pub get_html: &'static str,
    pub get_csv: &'static str,
    pub preview: &'static str,
    pub reading: &'static str,
    pub encoding: &'static str,
    pub unreadable: &'static str,
    pub get_book: &'static str,
    pub get_template: &'static str,
    pub contributed: &'static str,
    pub from_book: &'static str,
    pub template_name: &'static str,
    pub poster: &'static str,
    pub poster_help: &'static str,
    pub poster_which: &'static str,
    pub get_png: &'static str,
    pub get_svg: &'static str,
    pub caption: &'static str,
    pub copy_caption: &'static str,
    pub copied: &'static str,
    pub drawing: &'static str,
    pub draw_failed: &'static str,
    pub too_tall: &'static str,
}

/// A poster's own words (`tft render-svg`, the desk's long image), beside
/// the widget's labels and status words.
#[cfg(any(not(target_arch = "wasm32"), feature = "desk"))]
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct PosterText {
    /// Above an overview's title.
    pub kicker: &'static str,
    /// The heading above the overview's task forces.
    pub by_task_force: &'static str,
    /// What the overview is called where a task force's poster could be chosen.
    pub overview: &'static str,
}

/// The words of a workbook `tft export` and the desk write (declared by
/// the sheet layer, which writes them), beside the column and setting
/// labels and the status words.
#[cfg(any(not(target_arch = "wasm32"), feature = "desk"))]
pub use crate::sheet::workbook::BookText;

/// One language's words for the staff tools.
#[cfg(any(not(target_arch = "wasm32"), feature = "desk"))]
pub trait StaffWords {
    /// The desk's page.
    const DESK: DeskStrings;
    /// A workbook's own words.
    const BOOK: BookText;
    /// A poster's own words.
    const POSTER: PosterText;
    /// A poster's count of measures: `共 23 项措施`.
    fn measures_total(n: u32) -> String;
    /// The caption of an overview poster, from the programme's figures (the
    /// as-of date written; the task force furthest along, if any).
    fn caption(
        s: &crate::model::summary::Summary,
        as_of: &str,
        furthest: Option<&crate::model::summary::TaskForceSummary>,
    ) -> String;
    /// The caption of one task force's poster.
    fn caption_task_force(
        s: &crate::model::summary::Summary,
        as_of: &str,
        tf: &crate::model::summary::TaskForceSummary,
    ) -> String;
    /// `tft render-svg --task-force`: no task force has that id (`known`: the ids, listed).
    fn no_task_force(id: &str, known: &str) -> String;
    /// What a spreadsheet problem's kind says.
    fn sheet(kind: &crate::sheet::Kind) -> String;
    /// Where a spreadsheet problem is ("row 3: column due"), in its file
    /// and sheet when it has them.
    fn place(place: &crate::sheet::Place) -> String;
    /// A row of a file and sheet, for a problem that names a second place.
    fn spot(spot: &crate::sheet::Spot) -> String;
    /// A column's label in a workbook's header (`完成时限`, before `（due）`).
    fn column(column: crate::sheet::Column) -> &'static str;
    /// What one file and sheet gave a programme.
    fn contribution(c: &crate::sheet::Contribution) -> String;
    /// A programme setting, as the desk's form labels it.
    fn setting(setting: crate::sheet::Setting) -> &'static str;
    /// Dates of one column written as YYYY-MM-DD.
    fn normalised(note: &crate::sheet::Normalised) -> String;
    /// What a programme holds.
    fn counts(c: &crate::sheet::Counts) -> String;
    /// The desk's verdict: no problems, and what the file holds.
    fn desk_ok(summary: &str) -> String;
    /// The desk's verdict: how many problems.
    fn desk_bad(problems: usize) -> String;
    /// A JSON problem's place in the desk: line, column and path.
    fn json_place(line: usize, col: usize, path: &str) -> String;
    /// `tft validate`: one problem's line (error or warning), after `FILE:LINE:COLUMN: `.
    fn validate_line(error: bool, path: &str, message: &str) -> String;
    /// `tft validate`: a valid file.
    fn valid(task_forces: usize, measures: usize, warnings: usize) -> String;
    /// `tft validate`: a refused file.
    fn refused(errors: usize, warnings: usize) -> String;
    /// `tft validate`: not JSON at all.
    fn not_json() -> &'static str;
    /// `tft validate`: an HTML page.
    fn html_page() -> &'static str;
    /// `tft import-csv`: what was imported and where it went.
    fn imported(counts: &str, to: Option<&str>) -> String;
    /// `tft import-csv`: problems, and nothing written.
    fn nothing_written(problems: usize) -> String;
    /// `tft export`, `tft template`: the workbook written.
    fn wrote(to: &str) -> String;
    /// `--as-of` is not written as a date (`example`: the date it may mean).
    fn as_of_flag(given: &str, example: Option<&str>) -> String;
    /// A file that is not a valid programme, for the commands that need one.
    fn not_a_programme(file: &str) -> String;
    /// A file that is not UTF-8 JSON.
    fn not_utf8() -> &'static str;
}

/// The table of `lang`, as a function call: `words!(lang, message(k))`.
macro_rules! dispatch {
    ($lang:expr, $f:ident ( $($arg:expr),* )) => {
        match $lang {
            Lang::ZhHans => <$crate::words::zh_hans::ZhHans as $crate::words::Words>::$f($($arg),*),
            Lang::ZhHant => <$crate::words::zh_hant::ZhHant as $crate::words::Words>::$f($($arg),*),
            Lang::En => <$crate::words::en::En as $crate::words::Words>::$f($($arg),*),
        }
    };
}

/// The interface strings for `lang`.
pub fn ui(lang: Lang) -> &'static Strings {
    const HANS: Strings = zh_hans::ZhHans::UI;
    const HANT: Strings = zh_hant::ZhHant::UI;
    const EN: Strings = en::En::UI;
    match lang {
        Lang::ZhHans => &HANS,
        Lang::ZhHant => &HANT,
        Lang::En => &EN,
    }
}

/// What a problem's kind says in `lang`.
pub fn message(lang: Lang, kind: &Kind) -> String {
    dispatch!(lang, message(kind))
}

/// What a field of type `ty` takes, in `lang`.
pub fn expected(lang: Lang, ty: Ty) -> String {
    dispatch!(lang, expected(ty))
}

/// A problem in full: path, line and column, what is wrong, and which task
/// force and measure it is in.
pub fn problem(lang: Lang, p: &Problem) -> String {
    in_context(lang, dispatch!(lang, located(&p.path.to_string(), p.line, p.col, &message(lang, &p.kind))), p)
}

/// `text`, then the task force and measure `p` is in (when known), in
/// brackets.
fn in_context(lang: Lang, mut text: String, p: &Problem) -> String {
    if let Some(c) = &p.context {
        let (open, close) = ui(lang).paren;
        text.push_str(open);
        text.push_str(&dispatch!(lang, context(c)));
        text.push_str(close);
    }
    text
}

/// Why data could not be shown, in `lang`.
pub fn load_error(lang: Lang, e: &LoadError) -> String {
    dispatch!(lang, load_error(e))
}

/// "Showing 3 of 23 measures".
pub fn showing(lang: Lang, shown: usize, total: usize) -> String {
    dispatch!(lang, showing(shown, total))
}

/// The "show more" button under a long list.
pub fn show_more(lang: Lang, remaining: usize) -> String {
    dispatch!(lang, show_more(remaining))
}

/// "3 match" on a task force's tab while a filter is on.
pub fn matching(lang: Lang, n: usize) -> String {
    dispatch!(lang, matching(n))
}

/// "8 overdue" beside a count of measures.
pub fn overdue_count(lang: Lang, n: usize) -> String {
    dispatch!(lang, overdue_count(n))
}

/// Matches outside the task force being searched.
pub fn elsewhere(lang: Lang, n: usize) -> String {
    dispatch!(lang, elsewhere(n))
}

/// "3 measures updated since your last visit".
pub fn updated_count(lang: Lang, n: usize) -> String {
    dispatch!(lang, updated_count(n))
}

/// A date as readers of `lang` write it: `2020年4月17日` or `17 Apr 2020`.
pub fn format_date(d: Date, lang: Lang) -> String {
    dispatch!(lang, date(d))
}

/// A date's month as readers of `lang` write it: `2020年4月` or `Apr 2020`.
pub fn format_month(d: Date, lang: Lang) -> String {
    dispatch!(lang, month(d))
}

/// A title quoted as readers of `lang` quote one.
pub fn quoted(s: &str, lang: Lang) -> String {
    dispatch!(lang, quoted(s))
}

/// The timeline's text alternative, in `lang`.
pub fn timeline_summary(
    lang: Lang,
    name: &str,
    measures: usize,
    from: &str,
    to: &str,
    as_of: &str,
    overdue: usize,
) -> String {
    dispatch!(lang, timeline_summary(name, measures, from, to, as_of, overdue))
}

/// `tft diff`'s words in `lang`.
pub mod diff {
    use super::*;

    /// The heading: what the data is as of, and what it was.
    pub fn heading(lang: Lang, new: Date, old: Date) -> String {
        dispatch!(lang, diff_heading(&format_date(new, lang), &format_date(old, lang)))
    }
    /// The tallies before and after.
    pub fn totals(lang: Lang, before: &Tally, after: &Tally) -> String {
        dispatch!(lang, diff_totals(before, after))
    }
    /// Nothing changed.
    pub fn nothing(lang: Lang) -> &'static str {
        dispatch!(lang, diff_nothing())
    }
    /// One change to `what`.
    pub fn change(lang: Lang, change: &Change, what: &str) -> String {
        dispatch!(lang, diff_change(change, what))
    }
}

/// The name of a language in that language, for the language switch.
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhHans => "简体中文",
        Lang::ZhHant => "繁體中文",
        Lang::En => "English",
    }
}

pub use crate::model::status_label;

/// A name before a Chinese word, spaced only after Latin text: `due 列`,
/// `完成时限（due）列`.
#[cfg(any(not(target_arch = "wasm32"), feature = "desk"))]
fn cjk_before(name: &str) -> String {
    match name.chars().last() {
        Some(c) if c.is_ascii() => format!("{name} "),
        _ => name.to_string(),
    }
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
