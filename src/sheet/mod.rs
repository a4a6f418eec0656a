//! The spreadsheet programme staff keep: read into a programme
//! (`read.rs`), with every problem named by its row and [`Column`], dates
//! as offices write them (`dates.rs`), and written out again (`export.rs`).
//!
//! Shared by `tft` (native) and the data desk (`www/desk/`, the `desk`
//! feature in wasm), so that both use the same checks; both say problems
//! through `crate::words`. The text arrives decoded: the tool decodes UTF-8
//! or GB18030 with encoding_rs, the desk with the browser's `TextDecoder`.
//! Problems are data here too: a [`Kind`] at a [`Place`].

pub mod columns;
pub mod dates;
mod export;
mod read;

pub use columns::Column;
pub use dates::{normalise_date, DateFault};
pub use export::export;
pub use read::{parse_csv, read, Record};

use crate::model::format::{programme, source, Field};
use crate::model::problem::{Kind as DataKind, Path};
use crate::model::text::Lang;
use crate::model::{json::Value, Programme, Status};

/// A problem in a spreadsheet: what, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where.
    pub place: Place,
    /// What is wrong, with its values.
    pub kind: Kind,
}

/// Where a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The whole file.
    File,
    /// A row (1 = the header, as the spreadsheet numbers it), and the
    /// column at fault when one is.
    Cell {
        /// The row.
        row: usize,
        /// The column.
        column: Option<Column>,
    },
    /// A programme setting the sheet does not carry (the desk's form,
    /// `tft import-csv`'s options).
    Setting(Setting),
}

/// What can be wrong in a spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(strum::EnumDiscriminants))]
#[cfg_attr(not(target_arch = "wasm32"), strum_discriminants(derive(strum::EnumIter), allow(missing_docs)))]
pub enum Kind {
    /// What the format's checks found in this cell.
    Data(DataKind),
    /// The file has no rows.
    EmptyFile,
    /// The widget's readers' table, which cannot become a programme again.
    ReadersTable,
    /// The CSV reader's own words for what it could not read.
    NotCsv(String),
    /// A quoted cell never closed.
    UnclosedQuote,
    /// Neither UTF-8 nor GB18030.
    BadEncoding,
    /// A header no column has.
    UnknownColumn {
        /// The header as written.
        header: String,
    },
    /// A required column is not in the header row.
    MissingColumn,
    /// A `type` that is not measure, milestone or report.
    BadRowType {
        /// As written.
        found: String,
    },
    /// No id where one is needed.
    EmptyId,
    /// A milestone or report row for a task force with no measure row above.
    NoTaskForceAbove {
        /// The task force's id.
        id: String,
    },
    /// A milestone or report row for a measure with no measure row above.
    NoMeasureAbove {
        /// The measure's id.
        id: String,
    },
    /// A measure id used twice in a task force.
    DuplicateMeasure {
        /// The id.
        id: String,
        /// The task force.
        task_force: String,
        /// The row of the first measure with it.
        first_row: usize,
    },
    /// English filled in where the Chinese, which is required, is empty.
    ChineseRequired {
        /// The English column that is filled.
        filled: Column,
    },
    /// A milestone row's status other than 已完成 or nothing.
    MilestoneStatus {
        /// As written.
        found: String,
    },
    /// Report columns on a measure row.
    ReportOnMeasureRow,
    /// A milestone row without its date.
    MilestoneNeedsDue,
    /// A report row without its date.
    ReportNeedsDate,
    /// A date cell that is not a date.
    BadDate(DateFault),
}

/// The programme's own fields, which a sheet does not carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// The title (Chinese).
    Title,
    /// The title in English.
    TitleEn,
    /// The as-of date.
    AsOf,
    /// The cited source's title.
    SourceTitle,
    /// Its publisher.
    SourcePublisher,
    /// Its link.
    SourceUrl,
    /// Its date.
    SourceDate,
    /// Every figure is sample data.
    Sample,
}

impl Setting {
    /// The setting a problem at `path` (with `missing`, for an absent
    /// required field) concerns, if it is one of the programme's own fields.
    pub fn at(path: &Path, missing: Option<&Field>) -> Option<Setting> {
        let field = missing.or_else(|| path.last_field())?;
        let en = path.language() == Some(Lang::En.tag()) && missing.is_none();
        let pairs: [(&Field, Setting); 8] = [
            (&programme::TITLE, if en { Setting::TitleEn } else { Setting::Title }),
            (&programme::AS_OF, Setting::AsOf),
            (&programme::SAMPLE, Setting::Sample),
            (&programme::SOURCE, Setting::SourceTitle),
            (&source::TITLE, Setting::SourceTitle),
            (&source::PUBLISHER, Setting::SourcePublisher),
            (&source::URL, Setting::SourceUrl),
            (&source::DATE, Setting::SourceDate),
        ];
        pairs.into_iter().find(|(f, _)| *f == field).map(|(_, s)| s)
    }
}

/// A sheet read into a valid programme.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The programme, as JSON values in the format's member order.
    pub value: Value,
    /// What was written differently from the sheet, once per column.
    pub notes: Vec<Normalised>,
}

/// What a programme needs that its sheet does not carry.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// Programme title (zh-Hans).
    pub title: String,
    /// Programme title in English.
    pub title_en: Option<String>,
    /// The date the statuses describe (YYYY-MM-DD).
    pub as_of: String,
    /// Cited source title.
    pub source_title: Option<String>,
    /// Cited source URL.
    pub source_url: Option<String>,
    /// Cited source publisher.
    pub source_publisher: Option<String>,
    /// Every status and figure is sample data.
    pub sample: bool,
}

/// Dates in one column written as YYYY-MM-DD from another form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalised {
    /// The column.
    pub column: Column,
    /// How many cells.
    pub count: usize,
    /// The first, as the sheet had it.
    pub first: String,
}

/// What a programme holds, counted for a summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Task forces.
    pub task_forces: usize,
    /// Measures.
    pub measures: usize,
    /// Completed measures.
    pub completed: usize,
    /// Overdue measures.
    pub overdue: usize,
    /// Reports.
    pub reports: usize,
    /// Milestones.
    pub milestones: usize,
}

impl Counts {
    /// The counts of `p`.
    pub fn of(p: &Programme) -> Counts {
        let measures: Vec<_> = p.task_forces.iter().flat_map(|t| &t.measures).collect();
        Counts {
            task_forces: p.task_forces.len(),
            measures: measures.len(),
            completed: measures.iter().filter(|m| m.status == Status::Completed).count(),
            overdue: measures.iter().filter(|m| m.is_overdue(p.as_of)).count(),
            reports: measures.iter().map(|m| m.reports.len()).sum(),
            milestones: measures.iter().map(|m| m.milestones.len()).sum(),
        }
    }
}
