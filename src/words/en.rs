//! English.

use super::{Strings, Words, MONTHS};
use crate::model::date::Date;
use crate::model::diff::Change;
use crate::model::format::Ty;
use crate::model::problem::{Context, Found, IdFault, IdHint, Kind, LoadError, Named, Scope, Syntax, ValueFault};
use crate::model::{status_label, Status, Tally};

/// The English table.
pub struct En;

fn status(s: Status) -> &'static str {
    status_label(s, crate::model::text::Lang::En)
}

/// Why a text is not JSON.
pub(super) fn syntax(s: Syntax) -> &'static str {
    match s {
        Syntax::EndExpectingValue => "unexpected end of file, expected a value",
        Syntax::EndInString => "unexpected end of file inside a string",
        Syntax::EndInArray => "unexpected end of file inside an array",
        Syntax::EndInObject => "unexpected end of file inside an object",
        Syntax::TooDeep => "nesting is deeper than 64 levels",
        Syntax::Html => "this looks like HTML, expected JSON",
        Syntax::UnexpectedCharacter => "unexpected character, expected a value",
        Syntax::UnexpectedWord => "unexpected word, expected true, false or null",
        Syntax::ExpectedMemberName => "expected a member name in double quotes",
        Syntax::ExpectedColon => "expected ':' after the member name",
        Syntax::ExpectedCommaOrBracket => "expected ',' or ']' after an array item",
        Syntax::ExpectedCommaOrBrace => "expected ',' or '}' after an object member",
        Syntax::TrailingText => "unexpected text after the end of the JSON value",
        Syntax::UnknownEscape => "unknown escape in a string",
        Syntax::IncompleteEscape => "incomplete \\u escape",
        Syntax::BadEscape => "bad \\u escape",
        Syntax::UnpairedSurrogate => "unpaired surrogate in a \\u escape",
        Syntax::ControlCharacter => "control character inside a string",
        Syntax::NotUtf8 => "the text is not valid UTF-8",
        Syntax::ExpectedDigits => "expected digits in a number",
        Syntax::ExpectedFraction => "expected digits after the decimal point",
        Syntax::ExpectedExponent => "expected digits in the exponent",
    }
}

fn id_fault(f: &IdFault) -> String {
    match f {
        IdFault::Char { position, length, ch, hint } => {
            let hint = match hint {
                Some(IdHint::Lowercase) => " (use lowercase)",
                Some(IdHint::Start) => " (an id starts with a letter or digit)",
                None => "",
            };
            format!("character {position} of {length} is \"{ch}\" (U+{:04X}){hint}", u32::from(*ch))
        }
        IdFault::Empty => "the id is empty".into(),
        IdFault::TooLong { length } => {
            format!("it is {length} characters long, {} more than the {} allowed", length - IdFault::MAX, IdFault::MAX)
        }
    }
}

fn named(n: &Named) -> String {
    let id = n.id.as_ref().map(|s| format!("\"{s}\""));
    id.into_iter().chain(n.name.clone()).collect::<Vec<_>>().join(" ")
}

impl Words for En {
    const UI: Strings = Strings {
        task_forces: "Task forces",
        as_of: "Data as of",
        source: "Source",
        sample_badge: "Sample data · 示例数据",
        sample_note:
            "The source does not give statuses or progress; statuses and figures here are samples, not official data.",
        overall: "Overall progress",
        measures_done: "completed",
        focus: "Focus",
        leader: "Leader",
        members: "Member units",
        not_published: "Not stated in the source",
        measures: "Measures",
        due: "Due",
        no_due: "No deadline set",
        overdue: "Overdue",
        progress: "Reported",
        schedule: "Schedule",
        latest_report: "Latest report",
        no_reports: "No reports yet",
        no_measures: "No measures yet",
        report_source: "Source",
        load_failed: "Could not load the progress data",
        what_to_do: "Check the data file, then reload the page.",
        sample_short: "Sample",
        showing_as_of: "Showing earlier data as of",
        update_failed: "Update failed:",
        version: "Data version",
        download: "Download data",
        language: "Language",
        filters: "Filter measures",
        search: "Search",
        search_hint: "Words in a measure or report",
        status: "Status",
        all_statuses: "All statuses",
        scope: "Scope",
        scope_one: "This task force",
        scope_all: "All task forces",
        clear: "Clear filters",
        no_results: "No measures match.",
        updated: "Updated since your last visit",
        only_updated: "Show only these",
        layout: "Show as",
        list: "List",
        timeline: "Timeline",
        start: "Start",
        as_table: "View the timeline as a table",
        timeline_legend: "The vertical line is the as-of date (where schedule progress stands); the thick line is reported progress; diamonds are milestones, filled when reached; a red deadline is overdue.",
        measure: "Measure",
        results_all: "Results in all task forces",
        milestones: "Milestones",
        history: "Status history",
        ms_done: "Done",
        ms_pending: "Due",
        ms_late: "Overdue",
        copy_link: "Copy link",
        link_copied: "Link copied",
        copy_failed: "Could not copy. The link is: ",
        data_updated: "Data updated, as of",
        version_help: " (downloaded files carry the same code in their names)",
        overdue_only: "Overdue measures",
        search_all: "Show them in all task forces",
        copy_here: "Copy this link",
        unavailable: "The progress data cannot be shown right now. Please try again later.",
        not_updated: "The data could not be updated just now; below is what was published earlier.",
        update_pending: "the latest update could not be loaded",
        crashed: "The tracker hit an internal error and has stopped. Reload the page to try again.",
        cannot_run: "The progress tracker cannot run in this browser.",
        none: "—",
        colon: ": ",
        list_sep: ", ",
        paren: (" (", ")"),
    };

    fn message(kind: &Kind) -> String {
        match kind {
            Kind::Syntax(s) => syntax(*s).into(),
            Kind::Missing { field } => format!("missing field `{}`, expected {}", field.name, Self::expected(field.ty)),
            Kind::WrongType { expected, found } => {
                format!("expected {}, found {}", Self::expected(*expected), Self::found(found))
            }
            Kind::TooLong { length, max } => format!("text is {length} characters long, expected at most {max}"),
            Kind::TooMany { count, max } => format!("{count} entries, expected at most {max}"),
            Kind::TooManyMeasures { count, max } => format!("{count} measures in all, expected at most {max}"),
            Kind::NoTaskForces => "empty list, expected at least one task force".into(),
            Kind::UnknownLanguage { key } => format!("unknown language `{key}`, expected zh-Hans, zh-Hant or en"),
            Kind::BadId(fault) => format!("expected {}: {}", Self::expected(Ty::Id), id_fault(fault)),
            Kind::BadStatus { found, nearest } => {
                let mut out = format!("expected {}, found {}", Self::expected(Ty::Status), Self::found(found));
                if let Some(near) = nearest {
                    out.push_str(&format!("; did you mean {near}?"));
                }
                out
            }
            Kind::DuplicateId { id, scope, first } => {
                let scope = match scope {
                    Scope::TaskForces => "among task forces",
                    Scope::Measures => "within a task force",
                };
                format!("duplicate id \"{id}\", expected ids unique {scope} (first used at {first})")
            }
            Kind::DuplicateMember { name } => format!("`{name}` appears twice"),
            Kind::UnknownField { name, table } => {
                let names: Vec<&str> = table.fields.iter().map(|f| f.name).filter(|n| !n.starts_with('$')).collect();
                format!("unknown field `{name}` is ignored; expected one of: {}", names.join(", "))
            }
            Kind::CompletedBelowFull { progress } => format!("completed, but progress is {progress}%"),
            Kind::DueBeforeStart { due, start } => format!("due {due} is before the start {start}"),
            Kind::ReportAfterAsOf { date, as_of } => format!("report dated {date}, after the as-of date {as_of}"),
            Kind::RepeatedTitle { title } => format!("the title \"{title}\" appears more than once in this task force"),
        }
    }

    fn expected(ty: Ty) -> String {
        match ty {
            Ty::Text(max) => format!("a non-empty string, or an object of strings keyed by zh-Hans, zh-Hant or en (at most {max} characters each)"),
            Ty::Date => "a real date written YYYY-MM-DD (for example 2020-04-17)".into(),
            Ty::Id => "an id of 1-64 characters a-z, 0-9, '-' or '_', starting with a letter or digit".into(),
            Ty::Link => "an absolute http:// or https:// link".into(),
            Ty::Percent => "a whole number from 0 to 100".into(),
            Ty::Status => {
                let words: Vec<String> = Status::ALL
                    .iter()
                    .map(|s| format!("{} ({})", s.key(), status_label(*s, crate::model::text::Lang::ZhHans)))
                    .collect();
                format!("one of {}", words.join(", "))
            }
            Ty::Bool => "true or false".into(),
            Ty::Str => "a string".into(),
            Ty::Object(t) => format!("an object ({})", t.name),
            Ty::TextList(max, _) => format!("a list of at most {max} texts"),
            Ty::List(t, max) => format!("a list of at most {max} {} objects", t.name),
        }
    }

    fn found(found: &Found) -> String {
        match found {
            Found::Null => "null".into(),
            Found::Bool(b) => b.to_string(),
            Found::Number(n) => format!("the number {n}"),
            Found::Str(s) => format!("the string \"{s}\""),
            Found::LongStr(n) => format!("a string of {n} characters"),
            Found::Array(n) => format!("an array of {n}"),
            Found::Object => "an object".into(),
        }
    }

    fn context(c: &Context) -> String {
        let mut out = format!("in task force {}", named(&c.task_force));
        if let Some(m) = &c.measure {
            out.push_str(&format!(", measure {}", named(m)));
        }
        out
    }

    fn located(path: &str, line: usize, col: usize, message: &str) -> String {
        let path = if path.is_empty() { "(top level)" } else { path };
        if line > 0 {
            format!("{path} (line {line}, column {col}): {message}")
        } else {
            format!("{path}: {message}")
        }
    }

    fn load_error(e: &LoadError) -> String {
        match e {
            LoadError::Http(code) => format!("the server answered HTTP {code}"),
            LoadError::NoResponse => "the page's fetch gave no response (a script on the page replaced it)".into(),
            LoadError::Timeout(secs) => format!("no answer within {secs} seconds"),
            LoadError::TooLarge(limit) => {
                format!("the file is larger than the {} MB limit and was not read", limit >> 20)
            }
            LoadError::NotUtf8 => "the file is not UTF-8 text; save it as UTF-8 (JSON files must be UTF-8)".into(),
            LoadError::Network(d) => format!("network error ({d})"),
            LoadError::NotJson(p) if p.kind == Kind::Syntax(Syntax::Html) => {
                "received a web page (HTML), expected a JSON data file".into()
            }
            LoadError::NotJson(p) => {
                format!("not valid JSON: line {}, column {}: {}", p.line, p.col, Self::message(&p.kind))
            }
            LoadError::NotJsonValue(fault) => {
                format!("the value cannot be written as JSON ({})", Self::value_fault(fault))
            }
            LoadError::Invalid(problems) => {
                let mut out = "invalid data: ".to_string();
                if let Some(first) = problems.first() {
                    out.push_str(&super::problem(crate::model::text::Lang::En, first));
                }
                if problems.len() > 1 {
                    out.push_str(&format!(" (and {} more)", problems.len() - 1));
                }
                out
            }
        }
    }

    fn value_fault(fault: &ValueFault) -> String {
        let at = |path: &str| if path.is_empty() { "(top level)".to_string() } else { path.to_string() };
        match fault {
            ValueFault::TooDeep { path, max } => {
                format!(
                    "{}: nested more than {max} levels deep (is the object cyclic?), expected at most {max}",
                    at(path)
                )
            }
            ValueFault::NotJson { path } => format!(
                "{}: expected a JSON value (null, true/false, a number, a string, an array or a plain object)",
                at(path)
            ),
            ValueFault::Threw(what) => format!("reading it threw {what}"),
        }
    }

    fn showing(shown: usize, total: usize) -> String {
        format!("Showing {shown} of {total} measures")
    }

    fn show_more(remaining: usize) -> String {
        format!("Show more ({remaining} more)")
    }

    fn matching(n: usize) -> String {
        if n == 1 {
            "1 match".into()
        } else {
            format!("{n} matches")
        }
    }

    fn overdue_count(n: usize) -> String {
        format!("{n} overdue")
    }

    fn elsewhere(n: usize) -> String {
        if n == 1 {
            "1 more in other task forces".into()
        } else {
            format!("{n} more in other task forces")
        }
    }

    fn updated_count(n: usize) -> String {
        if n == 1 {
            "1 measure updated since your last visit".into()
        } else {
            format!("{n} measures updated since your last visit")
        }
    }

    fn date(d: Date) -> String {
        format!("{} {} {}", d.day(), MONTHS[usize::from(d.month() - 1)], d.year())
    }

    fn month(d: Date) -> String {
        format!("{} {}", MONTHS[usize::from(d.month() - 1)], d.year())
    }

    fn quoted(s: &str) -> String {
        format!("\u{201c}{s}\u{201d}")
    }

    fn timeline_summary(name: &str, measures: usize, from: &str, to: &str, as_of: &str, overdue: usize) -> String {
        format!(
            "Timeline of {name}: {measures} measures from {from} to {to}; as of {as_of}, {overdue} overdue. The same facts are in the table below."
        )
    }

    fn diff_heading(new: &str, old: &str) -> String {
        format!("What changed (data as of {new}; previously {old})")
    }

    fn diff_totals(b: &Tally, a: &Tally) -> String {
        format!(
            "Measures: {} → {}; completed: {} → {}; overdue: {} → {}.",
            b.total(),
            a.total(),
            b.done(),
            a.done(),
            b.overdue,
            a.overdue
        )
    }

    fn diff_nothing() -> &'static str {
        "Nothing changed.\n"
    }

    fn diff_change(c: &Change, t: &str) -> String {
        let due = |x: &Option<Date>| x.map_or_else(|| "none".to_string(), Self::date);
        match c {
            Change::TaskForceAdded(_) => format!("New task force: {t}"),
            Change::TaskForceRemoved(_) => format!("Task force removed: {t}"),
            Change::MeasureAdded(_, s) => format!("New measure: {t} ({})", status(*s)),
            Change::MeasureRemoved(_) => format!("Measure removed: {t}"),
            Change::Status(_, a, b) => format!("{t}: status {} → {}", status(*a), status(*b)),
            Change::Progress(_, a, b) => format!("{t}: reported progress {a}% → {b}%"),
            Change::Report(_, d, note) => {
                format!("{t}: new report ({}) {}", Self::date(*d), Self::quoted(note.get(crate::model::text::Lang::En)))
            }
            Change::MilestoneReached(_, m, d) => format!(
                "{t}: milestone reached {} (due {})",
                Self::quoted(m.get(crate::model::text::Lang::En)),
                Self::date(*d)
            ),
            Change::DeadlineMoved(_, a, b) => format!("{t}: deadline {} → {}", due(a), due(b)),
            Change::NewlyOverdue(_, d) => format!("{t}: now overdue (due {})", Self::date(*d)),
        }
    }
}

#[cfg(any(not(target_arch = "wasm32"), feature = "desk"))]
mod staff {
    use super::En;
    use crate::model::status_label;
    use crate::model::summary::{Summary, TaskForceSummary};
    use crate::model::text::Lang;
    use crate::sheet::{Column, Contribution, Counts, DateFault, Kind, Normalised, Place, Setting, Spot, Within};
    use crate::words::{BookText, DeskStrings, PosterText, StaffWords, Words};

    /// "a.xlsx, sheet 产业振兴, " before a row.
    fn within_prefix(w: &Within) -> String {
        let mut out = String::new();
        if let Some(f) = &w.file {
            out.push_str(&format!("{f}, "));
        }
        if let Some(s) = &w.sheet {
            out.push_str(&format!("sheet \"{s}\", "));
        }
        out
    }

    /// "1 task force", "2 task forces".
    fn n(k: usize, one: &str, many: &str) -> String {
        format!("{k} {}", if k == 1 { one } else { many })
    }

    fn overdue(n: u32) -> String {
        match n {
            0 => "none overdue".to_string(),
            n => format!("{n} overdue"),
        }
    }

    fn sample(sample: bool) -> &'static str {
        if sample {
            " Statuses and figures are samples, not official data."
        } else {
            ""
        }
    }

    impl StaffWords for En {
        const DESK: DeskStrings = DeskStrings {
            title: "Progress data desk",
            other_title: "进展数据工作台",
            lead: "Choose or drop the workbooks the task forces keep (Excel or WPS .xlsx, .xls or .ods; one per task force or one for all; or CSV, UTF-8 or GB18030) or a data file (JSON). Checking and preview happen in this page; nothing is uploaded anywhere.",
            file: "1. Choose files",
            choose: "Choose one or more files, or drop them here",
            settings: "2. What the data sheets do not carry (filled in from a workbook's instructions sheet when it has them)",
            f_title: "Programme title (Chinese) *",
            f_title_en: "Programme title (English)",
            f_as_of: "Data as of * (for example 2024-06-30)",
            f_source: "Source title",
            f_publisher: "Source publisher",
            f_url: "Source link (http or https)",
            f_sample: "Every status and figure is sample data",
            again: "Check again with these settings",
            result: "3. What the check found",
            waiting: "No file chosen yet.",
            download: "4. Download",
            download_help: "The data file goes to whoever publishes the site; the no-JavaScript fallback is pasted inside the article's <task-force-tracker> element.",
            get_json: "Download the data file (JSON)",
            get_html: "Download the no-JavaScript fallback (HTML)",
            get_csv: "Download the spreadsheet (CSV, to edit and import again)",
            preview: "6. What readers will see",
            reading: "Checking {}…",
            encoding: " (file encoding: {})",
            unreadable: "This file cannot be read.",
            get_book: "Download the Excel workbook (.xlsx, to edit and import again)",
            get_template: "Download the blank template (.xlsx)",
            contributed: "What each file gave:",
            from_book: "Filled in from the workbook: {}",
            template_name: "tracker-template",
            poster: "5. Long image (WeChat articles, print)",
            poster_help: "Where scripts cannot run (WeChat official-account articles, the printed page), use an image: a PNG 1,500 pixels wide, or an SVG that scales to any size. The caption goes under the image and serves as its alt text.",
            poster_which: "Image of",
            get_png: "Download the long image (PNG)",
            get_svg: "Download the vector image (SVG, for print)",
            caption: "Caption (also the image's alt text)",
            copy_caption: "Copy the caption",
            copied: "Copied",
            drawing: "Drawing the image…",
            draw_failed: "The image could not be drawn in this browser. The vector image (SVG) can still be downloaded.",
            too_tall: "This image is too long for a PNG ({} pixels at 2x; browsers draw at most 32,000). Download the vector image (SVG), or one task force at a time.",
        };

        const BOOK: BookText = BookText {
            instructions: "Instructions",
            help: &[
                "How to fill in this workbook",
                "One sheet per task force (or one sheet for all): one row per measure, then its milestones (type milestone) and reports (type report) on rows of their own below it.",
                "Keep the header row: each column's name is in brackets, for example Due (due). Columns may be left out, not renamed.",
                "Status: choose from the drop-down. Progress: a whole number from 0 to 100. Dates: date cells (yyyy-mm-dd).",
                "Fill in the programme's own fields below; the data desk and tft import read them from here.",
            ],
            settings_head: ["Field", "Value"],
            blank_sheet: "Task force",
            yes: "yes",
            status_error: ["Not a status", "Choose one of the six statuses from the drop-down."],
            progress_error: ["Not a progress", "Enter a whole number from 0 to 100 (a percentage, without %)."],
            date_error: ["Not a date", "Enter a real date, for example 2024-06-30."],
        };

        fn sheet(kind: &Kind) -> String {
            match kind {
                Kind::Data(crate::model::problem::Kind::Missing { field }) => {
                    format!("empty, expected {}", Self::expected(field.ty))
                }
                Kind::Data(k) => Self::message(k),
                Kind::EmptyFile => "the file is empty".into(),
                Kind::ReadersTable => "this is the readers' table from the widget's \"Download CSV\" (one row per measure, latest report only), not the programme's spreadsheet; get the spreadsheet from the data desk (\"download the spreadsheet\") or with tft export-csv, edit it, and import that".into(),
                Kind::NotCsv(why) => format!("the file is not readable as CSV: {why}"),
                Kind::UnclosedQuote => "a quoted cell is never closed (a \" is missing)".into(),
                Kind::BadEncoding => {
                    "the file is neither valid UTF-8 nor GB18030; save it as \"CSV UTF-8\" and try again".into()
                }
                Kind::UnknownColumn { header } => {
                    let known: Vec<&str> = Column::ALL.iter().map(|c| c.header()).collect();
                    format!("column {header}: unknown column; expected any of: {}", known.join(", "))
                }
                Kind::MissingColumn => "required column is missing".into(),
                Kind::BadRowType { found } => format!("expected measure, milestone or report, found \"{found}\""),
                Kind::EmptyId => "empty, expected an id".into(),
                Kind::NoTaskForceAbove { id } => {
                    format!("a report for task force \"{id}\", which has no measure rows above")
                }
                Kind::NoMeasureAbove { id } => format!("a report for measure \"{id}\", which has no measure row above"),
                Kind::DuplicateMeasure { id, task_force, first } => format!(
                    "\"{id}\" is already the id of the measure on {} of task force \"{task_force}\"; each measure needs its own",
                    Self::spot(first)
                ),
                Kind::DuplicateTaskForce { id, first } => format!(
                    "task force \"{id}\" already comes from {}; each task force comes from one sheet of one file",
                    Self::spot(first)
                ),
                Kind::NotWorkbook(why) => {
                    format!("the file is not a workbook Excel, WPS or LibreOffice saves (.xlsx, .xls, .ods): {why}")
                }
                Kind::NoDataSheet => "no sheet of the workbook has the spreadsheet's header row (task_force_id, measure_id, title, status…); start from the blank template (`tft template`, or the data desk)".into(),
                Kind::ChineseRequired { filled } => format!(
                    "empty, but {} is filled in; the Chinese text is required (readers of the Chinese view would see English)",
                    filled.header()
                ),
                Kind::MilestoneStatus { found } => {
                    format!("on a milestone row, expected 已完成 (completed) or nothing, found \"{found}\"")
                }
                Kind::ReportOnMeasureRow => {
                    "report columns on a measure row; put reports on their own rows with type=report".into()
                }
                Kind::MilestoneNeedsDue => "empty; a milestone needs its due date".into(),
                Kind::ReportNeedsDate => "empty; a report needs its date".into(),
                Kind::BadDate(DateFault::Unreadable { cell }) => {
                    format!("expected a real date written YYYY-MM-DD (for example 2024-06-30), found \"{cell}\"")
                }
                Kind::BadDate(DateFault::Ambiguous { cell, month_first, day_first }) => format!(
                    "\"{cell}\" could be {month_first} (month first) or {day_first} (day first); write it as YYYY-MM-DD"
                ),
            }
        }

        fn place(place: &Place) -> String {
            match place {
                Place::File => String::new(),
                Place::Cell { within, row, column: Some(c) } => {
                    format!("{}row {row}: column {}", within_prefix(within), within.header(*c))
                }
                Place::Cell { within, row, column: None } => format!("{}row {row}", within_prefix(within)),
                Place::Whole(within) if within.file.is_some() => {
                    within_prefix(within).trim_end_matches(", ").to_string()
                }
                Place::Whole(_) => "the file".into(),
                Place::Setting(s) => Self::setting(*s).into(),
            }
        }

        fn spot(spot: &Spot) -> String {
            format!("{}row {}", within_prefix(&spot.within), spot.row)
        }

        fn column(c: Column) -> &'static str {
            match c {
                Column::Type => "Row type",
                Column::TaskForceId => "Task force id",
                Column::TaskForce => "Task force",
                Column::TaskForceEn => "Task force in English",
                Column::Focus => "Focus",
                Column::FocusEn => "Focus in English",
                Column::Leader => "Leader",
                Column::Members => "Member units",
                Column::MeasureId => "Measure id",
                Column::Title => "Measure",
                Column::TitleEn => "Measure in English",
                Column::Status => "Status",
                Column::Progress => "Progress",
                Column::Start => "Start",
                Column::Due => "Due",
                Column::Sample => "Sample data",
                Column::ReportDate => "Report date",
                Column::ReportStatus => "Status reported",
                Column::ReportProgress => "Progress reported",
                Column::Note => "Report",
                Column::NoteEn => "Report in English",
                Column::Url => "Report link",
            }
        }

        fn contribution(c: &Contribution) -> String {
            let within = within_prefix(&c.within);
            let within = within.trim_end_matches(", ");
            format!(
                "{}: {}, {}, {}, {}",
                if within.is_empty() { "the file" } else { within },
                n(c.task_forces, "task force", "task forces"),
                n(c.measures, "measure", "measures"),
                n(c.milestones, "milestone", "milestones"),
                n(c.reports, "report", "reports"),
            )
        }

        fn setting(s: Setting) -> &'static str {
            match s {
                Setting::Title => "programme title (Chinese)",
                Setting::TitleEn => "programme title (English)",
                Setting::AsOf => "data as of",
                Setting::SourceTitle => "source title",
                Setting::SourceTitleEn => "source title (English)",
                Setting::SourcePublisher => "source publisher",
                Setting::SourcePublisherEn => "source publisher (English)",
                Setting::SourceUrl => "source link",
                Setting::SourceDate => "source date",
                Setting::Sample => "sample data",
            }
        }

        fn normalised(note: &Normalised) -> String {
            let Normalised { column, count, first } = note;
            match count {
                1 => format!("column {}: the date {first} was written as YYYY-MM-DD", column.header()),
                n => format!("column {}: {n} dates such as {first} were written as YYYY-MM-DD", column.header()),
            }
        }

        fn counts(c: &Counts) -> String {
            format!(
                "{}, {} ({} completed, {} overdue), {}, {}",
                n(c.task_forces, "task force", "task forces"),
                n(c.measures, "measure", "measures"),
                c.completed,
                c.overdue,
                n(c.reports, "report", "reports"),
                n(c.milestones, "milestone", "milestones"),
            )
        }

        fn desk_ok(summary: &str) -> String {
            format!("No problems: {summary}.")
        }

        fn desk_bad(problems: usize) -> String {
            format!("{}; correct the spreadsheet and choose the file again:", n(problems, "problem", "problems"))
        }

        fn json_place(line: usize, col: usize, path: &str) -> String {
            if line == 0 {
                path.into()
            } else {
                format!("line {line}, column {col} {path}")
            }
        }

        fn validate_line(error: bool, path: &str, message: &str) -> String {
            let kind = if error { "error" } else { "warning" };
            if path.is_empty() {
                format!("{kind}: {message}")
            } else {
                format!("{kind}: {path}: {message}")
            }
        }

        fn valid(task_forces: usize, measures: usize, warnings: usize) -> String {
            format!(
                "ok ({}, {}, {})",
                n(task_forces, "task force", "task forces"),
                n(measures, "measure", "measures"),
                n(warnings, "warning", "warnings")
            )
        }

        fn refused(errors: usize, warnings: usize) -> String {
            format!("{}, {}", n(errors, "error", "errors"), n(warnings, "warning", "warnings"))
        }

        fn not_json() -> &'static str {
            "not JSON"
        }

        fn html_page() -> &'static str {
            "this is an HTML page, not a JSON data file"
        }

        fn imported(counts: &str, to: Option<&str>) -> String {
            format!("imported {counts}; written to {}", to.unwrap_or("standard output"))
        }

        fn nothing_written(problems: usize) -> String {
            format!("{}; nothing was written", n(problems, "problem", "problems"))
        }

        const POSTER: PosterText =
            PosterText { kicker: "Progress at a glance", by_task_force: "By task force", overview: "Overview" };

        fn measures_total(n: u32) -> String {
            format!("{n} {}", if n == 1 { "measure" } else { "measures" })
        }

        fn caption(s: &Summary, as_of: &str, furthest: Option<&TaskForceSummary>) -> String {
            let overdue = match s.overdue {
                0 => "none was overdue".to_string(),
                1 => "1 was overdue".to_string(),
                n => format!("{n} were overdue"),
            };
            let mut out = format!(
                "As of {as_of}, {} of {} had been completed and {overdue}",
                s.by_status.completed,
                Self::measures_total(s.measures),
            );
            match furthest {
                Some(t) => out.push_str(&format!(
                    "; furthest along is {}, with {} of {} completed.",
                    t.name, t.by_status.completed, t.measures
                )),
                None => out.push('.'),
            }
            out.push_str(sample(s.sample));
            out
        }

        fn caption_task_force(s: &Summary, as_of: &str, tf: &TaskForceSummary) -> String {
            let list: Vec<String> = tf
                .by_status
                .present()
                .map(|(st, n)| format!("{n} {}", status_label(st, Lang::En).to_lowercase()))
                .collect();
            let mut out = format!(
                "As of {as_of}, of the {} of {}: {}; {}.",
                Self::measures_total(tf.measures),
                tf.name,
                list.join(", "),
                overdue(tf.overdue)
            );
            out.push_str(sample(s.sample));
            out
        }

        fn no_task_force(id: &str, known: &str) -> String {
            format!("no task force has the id \"{id}\"; the ids in the data: {known}")
        }

        fn wrote(to: &str) -> String {
            format!("wrote {to}")
        }

        fn as_of_flag(given: &str, example: Option<&str>) -> String {
            match example {
                Some(iso) => format!("--as-of must be YYYY-MM-DD, for example --as-of {iso}"),
                None => format!("--as-of must be a date written YYYY-MM-DD, not `{given}`"),
            }
        }

        fn not_a_programme(file: &str) -> String {
            format!("not a valid programme; run `tft validate {file}` for the details")
        }

        fn not_utf8() -> &'static str {
            "the file is not UTF-8 text; save it as UTF-8 (JSON files must be UTF-8)"
        }
    }
}
