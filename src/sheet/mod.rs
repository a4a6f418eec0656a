//! The spreadsheet programme staff keep: CSV text or workbooks (`book.rs`,
//! calamine: cells read by their type), one or several merged into a
//! programme (`read.rs`), with every problem named by its file, sheet, row
//! and [`Column`]; dates as offices write them (`dates.rs`); written out
//! again as CSV (`export.rs`) or as a workbook with drop-downs and date
//! cells (`workbook.rs`, rust_xlsxwriter).
//!
//! Shared by `tft` (native) and the data desk (`www/desk/`, the `desk`
//! feature in wasm), so that both use the same checks; both say problems
//! through `crate::words`. CSV text arrives decoded: the tool decodes UTF-8
//! or GB18030 with encoding_rs, the desk with the browser's `TextDecoder`.
//! Problems are data here too: a [`Kind`] at a [`Place`].

pub mod book;
pub mod columns;
pub mod dates;
mod export;
pub mod gather;
mod read;
mod rows;
pub mod workbook;

pub use columns::Column;
pub use dates::{normalise_date, DateFault};
pub use export::export;
pub use gather::{gather, is_workbook, Content, Gathered};
pub use read::{parse_csv, read, read_tables, Read, Record, Table};
pub use rows::Contribution;

use std::rc::Rc;

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

/// Which file and sheet rows come from, and their columns' headers as
/// that sheet writes them (a problem names a column by what staff see).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Within {
    /// The file, when several are read together.
    pub file: Option<String>,
    /// The workbook's sheet.
    pub sheet: Option<String>,
    /// Each column's header as written.
    pub headers: Vec<(Column, String)>,
}

impl Within {
    /// The header of `column` as this sheet writes it.
    pub fn header(&self, column: Column) -> &str {
        self.headers.iter().find(|(c, _)| *c == column).map_or(column.header(), |(_, h)| h.as_str())
    }
}

/// A row of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    /// The file and sheet.
    pub within: Rc<Within>,
    /// The row, as the spreadsheet numbers it.
    pub row: usize,
}

/// Where a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The whole file.
    File,
    /// The whole of a file among several.
    Whole(Rc<Within>),
    /// A row (1 = the header, as the spreadsheet numbers it), and the
    /// column at fault when one is.
    Cell {
        /// The file and sheet.
        within: Rc<Within>,
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
        first: Spot,
    },
    /// A task force whose rows come from a second file or sheet: each
    /// comes from one place.
    DuplicateTaskForce {
        /// The id.
        id: String,
        /// Its first row.
        first: Spot,
    },
    /// A file that no workbook reader can open; the reader's words.
    NotWorkbook(String),
    /// A workbook with no sheet of the spreadsheet's columns.
    NoDataSheet,
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

/// The programme's own fields, which a data sheet does not carry (the
/// desk's form, `tft`'s options, a workbook's instructions sheet).
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
    /// …in English.
    SourceTitleEn,
    /// Its publisher.
    SourcePublisher,
    /// …in English.
    SourcePublisherEn,
    /// Its link.
    SourceUrl,
    /// Its date.
    SourceDate,
    /// Every figure is sample data.
    Sample,
}

impl Setting {
    /// Every setting, in the instructions sheet's order.
    pub const ALL: [Setting; 10] = [
        Setting::Title,
        Setting::TitleEn,
        Setting::AsOf,
        Setting::SourceTitle,
        Setting::SourceTitleEn,
        Setting::SourcePublisher,
        Setting::SourcePublisherEn,
        Setting::SourceUrl,
        Setting::SourceDate,
        Setting::Sample,
    ];

    /// Its key, as a workbook's instructions sheet writes it after its
    /// label: `计划名称（programme_title）` (no column's header).
    pub fn key(self) -> &'static str {
        match self {
            Setting::Title => "programme_title",
            Setting::TitleEn => "programme_title_en",
            Setting::AsOf => "as_of",
            Setting::SourceTitle => "source_title",
            Setting::SourceTitleEn => "source_title_en",
            Setting::SourcePublisher => "source_publisher",
            Setting::SourcePublisherEn => "source_publisher_en",
            Setting::SourceUrl => "source_url",
            Setting::SourceDate => "source_date",
            Setting::Sample => "programme_sample",
        }
    }

    /// The setting a label names by its key (`计划名称（title）`, `title`).
    pub fn from_label(label: &str) -> Option<Setting> {
        let key = columns::key_of(label);
        Setting::ALL.into_iter().find(|s| s.key() == key)
    }

    /// This setting's value in `settings` (`None`: not given).
    pub fn get(self, s: &Settings) -> Option<String> {
        let text = |t: &str| (!t.is_empty()).then(|| t.to_string());
        match self {
            Setting::Title => text(&s.title),
            Setting::AsOf => text(&s.as_of),
            Setting::TitleEn => s.title_en.clone(),
            Setting::SourceTitle => s.source_title.clone(),
            Setting::SourceTitleEn => s.source_title_en.clone(),
            Setting::SourcePublisher => s.source_publisher.clone(),
            Setting::SourcePublisherEn => s.source_publisher_en.clone(),
            Setting::SourceUrl => s.source_url.clone(),
            Setting::SourceDate => s.source_date.clone(),
            Setting::Sample => s.sample.then(|| "yes".to_string()),
        }
    }

    /// Sets this setting in `settings` from a cell (empty: left as it is).
    pub fn set(self, s: &mut Settings, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let v = Some(value.to_string());
        match self {
            Setting::Title => s.title = value.into(),
            Setting::AsOf => s.as_of = value.into(),
            Setting::TitleEn => s.title_en = v,
            Setting::SourceTitle => s.source_title = v,
            Setting::SourceTitleEn => s.source_title_en = v,
            Setting::SourcePublisher => s.source_publisher = v,
            Setting::SourcePublisherEn => s.source_publisher_en = v,
            Setting::SourceUrl => s.source_url = v,
            Setting::SourceDate => s.source_date = v,
            Setting::Sample => s.sample = rows::yes(value),
        }
    }

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
            (&source::TITLE, if en { Setting::SourceTitleEn } else { Setting::SourceTitle }),
            (&source::PUBLISHER, if en { Setting::SourcePublisherEn } else { Setting::SourcePublisher }),
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

/// What a programme needs that its data sheets do not carry.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
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
    /// …in English.
    pub source_title_en: Option<String>,
    /// Cited source URL.
    pub source_url: Option<String>,
    /// Cited source publisher.
    pub source_publisher: Option<String>,
    /// …in English.
    pub source_publisher_en: Option<String>,
    /// Cited source date (YYYY-MM-DD).
    pub source_date: Option<String>,
    /// Every status and figure is sample data.
    pub sample: bool,
}

impl Settings {
    /// These settings, each one `over` gives replacing this one's.
    pub fn overridden_by(mut self, over: &Settings) -> Settings {
        for s in Setting::ALL {
            if let Some(v) = s.get(over) {
                s.set(&mut self, &v);
            }
        }
        self.sample |= over.sample;
        self
    }

    /// The settings a programme has (what its workbook's instructions sheet
    /// writes).
    pub fn of(p: &Programme) -> Settings {
        let en = |t: &crate::model::text::Text| t.has(Lang::En).then(|| t.get(Lang::En).to_string());
        let zh = |t: &crate::model::text::Text| t.get(Lang::ZhHans).to_string();
        let src = p.source.as_ref();
        Settings {
            title: zh(&p.title),
            title_en: en(&p.title),
            as_of: p.as_of.to_string(),
            source_title: src.map(|s| zh(&s.title)),
            source_title_en: src.and_then(|s| en(&s.title)),
            source_url: src.and_then(|s| s.url.as_ref().map(|u| u.as_str().to_string())),
            source_publisher: src.and_then(|s| s.publisher.as_ref().map(zh)),
            source_publisher_en: src.and_then(|s| s.publisher.as_ref().and_then(en)),
            source_date: src.and_then(|s| s.date.map(|d| d.to_string())),
            sample: p.sample,
        }
    }
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
