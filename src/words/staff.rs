//! The staff tools' words (`tft` and the data desk), for a language: the
//! spreadsheet's problems and notes, the desk's page, `tft`'s lines. Each
//! language's table implements [`StaffWords`] beside its [`super::Words`];
//! only the tool and the desk's own module have them, never the widget.

use super::{en, ui, zh_hans, zh_hant, DeskStrings, PosterText, StaffWords};
use crate::model::date::Date;
use crate::model::problem::Problem as DataProblem;
use crate::model::summary::{Summary, TaskForceSummary};
use crate::model::text::Lang;
use crate::sheet::workbook::BookWords;
use crate::sheet::{Column, Contribution, Counts, Kind, Normalised, Place, Problem, Setting};

macro_rules! staff {
    ($lang:expr, $f:ident ( $($arg:expr),* )) => {
        match $lang {
            Lang::ZhHans => <zh_hans::ZhHans as StaffWords>::$f($($arg),*),
            Lang::ZhHant => <zh_hant::ZhHant as StaffWords>::$f($($arg),*),
            Lang::En => <en::En as StaffWords>::$f($($arg),*),
        }
    };
}

/// A spreadsheet problem in full: where, then what.
pub fn sheet_problem(lang: Lang, p: &Problem) -> String {
    let place = staff!(lang, place(&p.place));
    let message = staff!(lang, sheet(&p.kind));
    if place.is_empty() {
        message
    } else {
        format!("{place}{}{message}", ui(lang).colon)
    }
}

/// Where a spreadsheet problem is.
pub fn place(lang: Lang, place: &Place) -> String {
    staff!(lang, place(place))
}

/// What a spreadsheet problem's kind says.
pub fn sheet_message(lang: Lang, kind: &Kind) -> String {
    staff!(lang, sheet(kind))
}

/// What one file and sheet gave a programme.
pub fn contribution(lang: Lang, c: &Contribution) -> String {
    staff!(lang, contribution(c))
}

/// A column's label in a workbook's header.
pub fn column(lang: Lang, c: Column) -> &'static str {
    staff!(lang, column(c))
}

/// The words a workbook is written with, in `lang`.
pub fn book(lang: Lang) -> BookWords {
    macro_rules! book {
        ($t:ty, $l:expr) => {{
            BookWords {
                text: <$t as StaffWords>::BOOK,
                column: <$t as StaffWords>::column,
                setting: <$t as StaffWords>::setting,
                status: |s| crate::model::status_label(s, $l),
            }
        }};
    }
    match lang {
        Lang::ZhHans => book!(zh_hans::ZhHans, Lang::ZhHans),
        Lang::ZhHant => book!(zh_hant::ZhHant, Lang::ZhHant),
        Lang::En => book!(en::En, Lang::En),
    }
}

/// A programme setting's label.
pub fn setting(lang: Lang, s: Setting) -> &'static str {
    staff!(lang, setting(s))
}

/// A note on dates written as YYYY-MM-DD.
pub fn normalised(lang: Lang, note: &Normalised) -> String {
    staff!(lang, normalised(note))
}

/// What a programme holds.
pub fn counts(lang: Lang, c: &Counts) -> String {
    staff!(lang, counts(c))
}

/// The desk's page in `lang`.
pub fn desk(lang: Lang) -> &'static DeskStrings {
    const HANS: DeskStrings = <zh_hans::ZhHans as StaffWords>::DESK;
    const HANT: DeskStrings = <zh_hant::ZhHant as StaffWords>::DESK;
    const EN: DeskStrings = <en::En as StaffWords>::DESK;
    match lang {
        Lang::ZhHans => &HANS,
        Lang::ZhHant => &HANT,
        Lang::En => &EN,
    }
}

/// A poster's own words in `lang`.
pub fn poster(lang: Lang) -> PosterText {
    match lang {
        Lang::ZhHans => <zh_hans::ZhHans as StaffWords>::POSTER,
        Lang::ZhHant => <zh_hant::ZhHant as StaffWords>::POSTER,
        Lang::En => <en::En as StaffWords>::POSTER,
    }
}

/// A poster's count of measures.
pub fn measures_total(lang: Lang, n: u32) -> String {
    staff!(lang, measures_total(n))
}

/// A poster's caption, ready to paste under the image and to use as its
/// alt text: the programme's figures, or one task force's.
pub fn caption(lang: Lang, s: &Summary, task_force: Option<&TaskForceSummary>) -> String {
    let as_of = Date::parse(&s.as_of).map_or_else(|| s.as_of.clone(), |d| super::format_date(d, lang));
    match task_force {
        Some(tf) => staff!(lang, caption_task_force(s, &as_of, tf)),
        None => staff!(lang, caption(s, &as_of, s.furthest())),
    }
}

/// The desk's verdict on a file.
pub fn desk_verdict(lang: Lang, summary: Option<&str>, problems: usize) -> String {
    match summary {
        Some(s) => staff!(lang, desk_ok(s)),
        None => staff!(lang, desk_bad(problems)),
    }
}

/// A JSON problem's place in the desk.
pub fn json_place(lang: Lang, p: &DataProblem) -> String {
    staff!(lang, json_place(p.line, p.col, &p.path.to_string()))
}

/// A JSON problem's message in the desk and `tft`, with its context.
pub fn json_message(lang: Lang, p: &DataProblem) -> String {
    super::in_context(lang, super::message(lang, &p.kind), p)
}

/// `tft`'s words.
pub mod tft {
    use super::*;

    /// One problem's line, after `FILE:LINE:COLUMN: `.
    pub fn line(lang: Lang, error: bool, p: &DataProblem) -> String {
        staff!(lang, validate_line(error, &p.path.to_string(), &json_message(lang, p)))
    }
    /// A valid file.
    pub fn valid(lang: Lang, task_forces: usize, measures: usize, warnings: usize) -> String {
        staff!(lang, valid(task_forces, measures, warnings))
    }
    /// A refused file.
    pub fn refused(lang: Lang, errors: usize, warnings: usize) -> String {
        staff!(lang, refused(errors, warnings))
    }
    /// Not JSON at all.
    pub fn not_json(lang: Lang) -> &'static str {
        staff!(lang, not_json())
    }
    /// An HTML page.
    pub fn html_page(lang: Lang) -> &'static str {
        staff!(lang, html_page())
    }
    /// What was imported and where it went.
    pub fn imported(lang: Lang, c: &Counts, to: Option<&str>) -> String {
        staff!(lang, imported(&counts(lang, c), to))
    }
    /// Problems, and nothing written.
    pub fn nothing_written(lang: Lang, problems: usize) -> String {
        staff!(lang, nothing_written(problems))
    }
    /// No task force has the id `id`.
    pub fn no_task_force(lang: Lang, id: &str, known: &[&str]) -> String {
        staff!(lang, no_task_force(id, &known.join(ui(lang).list_sep)))
    }
    /// A workbook written.
    pub fn wrote(lang: Lang, to: &str) -> String {
        staff!(lang, wrote(to))
    }
    /// `--as-of` is not a date.
    pub fn as_of_flag(lang: Lang, given: &str, example: Option<&str>) -> String {
        staff!(lang, as_of_flag(given, example))
    }
    /// Not a valid programme.
    pub fn not_a_programme(lang: Lang, file: &str) -> String {
        staff!(lang, not_a_programme(file))
    }
    /// Not UTF-8.
    pub fn not_utf8(lang: Lang) -> &'static str {
        staff!(lang, not_utf8())
    }
}
