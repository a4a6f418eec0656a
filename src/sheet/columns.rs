//! The spreadsheet's columns, declared once: each one's header and the
//! format fields it fills (in which language), so that a problem the
//! format's checks find at a JSON path is put back in its cell by the
//! path's fields, never by reading its words.

use crate::model::format::{measure, milestone, report, task_force, Field};
use crate::model::problem::{Path, Seg};
use crate::model::text::Lang;

/// A column of the staff's spreadsheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// `measure` (or empty), `milestone` or `report`.
    Type,
    /// The task force's id.
    TaskForceId,
    /// Its name in Chinese.
    TaskForce,
    /// Its name in English.
    TaskForceEn,
    /// Its focus in Chinese.
    Focus,
    /// Its focus in English.
    FocusEn,
    /// Its leader.
    Leader,
    /// Its member units, separated by 、 or ;.
    Members,
    /// The measure's id.
    MeasureId,
    /// The measure's (or milestone's) title in Chinese.
    Title,
    /// …in English.
    TitleEn,
    /// The measure's status (on a milestone row: 已完成 when reached).
    Status,
    /// Reported progress.
    Progress,
    /// When work started.
    Start,
    /// The deadline (a milestone's date).
    Due,
    /// Sample data: yes or no.
    Sample,
    /// A report's date.
    ReportDate,
    /// A report's status.
    ReportStatus,
    /// A report's progress.
    ReportProgress,
    /// A report's note in Chinese.
    Note,
    /// …in English.
    NoteEn,
    /// A report's link.
    Url,
}

use Column::*;

impl Column {
    /// Every column, in the template's order.
    pub const ALL: [Column; 22] = [
        Type,
        TaskForceId,
        TaskForce,
        TaskForceEn,
        Focus,
        FocusEn,
        Leader,
        Members,
        MeasureId,
        Title,
        TitleEn,
        Status,
        Progress,
        Start,
        Due,
        Sample,
        ReportDate,
        ReportStatus,
        ReportProgress,
        Note,
        NoteEn,
        Url,
    ];

    /// Columns a sheet must have.
    pub const REQUIRED: [Column; 5] = [TaskForceId, TaskForce, MeasureId, Title, Status];

    /// The header, as the template and exports write it.
    pub fn header(self) -> &'static str {
        match self {
            Type => "type",
            TaskForceId => "task_force_id",
            TaskForce => "task_force",
            TaskForceEn => "task_force_en",
            Focus => "focus",
            FocusEn => "focus_en",
            Leader => "leader",
            Members => "members",
            MeasureId => "measure_id",
            Title => "title",
            TitleEn => "title_en",
            Status => "status",
            Progress => "progress",
            Start => "start",
            Due => "due",
            Sample => "sample",
            ReportDate => "report_date",
            ReportStatus => "report_status",
            ReportProgress => "report_progress",
            Note => "note",
            NoteEn => "note_en",
            Url => "url",
        }
    }

    /// The column with this header (any case, surrounding space ignored),
    /// or with this label and header in brackets, as workbooks write them:
    /// `完成时限（due）`.
    pub fn from_header(header: &str) -> Option<Column> {
        let h = key_of(header).to_ascii_lowercase();
        Column::ALL.into_iter().find(|c| c.header() == h)
    }

    /// The column that holds `field` in `lang` (`None`: Chinese or not a text).
    pub fn of(field: &Field, lang: Option<Lang>) -> Option<Column> {
        let lang = lang.filter(|l| *l == Lang::En);
        FILLS.iter().find(|(_, f, l)| *f == field && *l == lang).map(|(c, _, _)| *c)
    }

    /// The column a problem at `path` is in: the last field the path names
    /// (or `missing`, for a required field that is absent), in the language
    /// of its last key.
    pub fn at(path: &Path, missing: Option<&Field>) -> Option<Column> {
        let field = missing.or_else(|| path.last_field())?;
        let lang = match path.0.last() {
            Some(Seg::Key(k)) if missing.is_none() => Lang::ALL.into_iter().find(|l| l.tag() == k),
            _ => None,
        };
        Column::of(field, lang)
    }
}

/// The format fields each column fills, and the language of the text it
/// holds (`None`: not a text, or the Chinese one). A list's field (a task
/// force's `measures`, a measure's `reports`) is its owner's id column.
static FILLS: [(Column, &Field, Option<Lang>); 29] = [
    (TaskForceId, &task_force::ID, None),
    (TaskForceId, &task_force::MEASURES, None),
    (TaskForce, &task_force::NAME, None),
    (TaskForceEn, &task_force::NAME, Some(Lang::En)),
    (Focus, &task_force::FOCUS, None),
    (FocusEn, &task_force::FOCUS, Some(Lang::En)),
    (Leader, &task_force::LEADER, None),
    (Members, &task_force::MEMBERS, None),
    (MeasureId, &measure::ID, None),
    (MeasureId, &measure::MILESTONES, None),
    (MeasureId, &measure::REPORTS, None),
    (Title, &measure::TITLE, None),
    (Title, &milestone::TITLE, None),
    (TitleEn, &measure::TITLE, Some(Lang::En)),
    (TitleEn, &milestone::TITLE, Some(Lang::En)),
    (Status, &measure::STATUS, None),
    (Status, &milestone::DONE, None),
    (Progress, &measure::PROGRESS, None),
    (Start, &measure::START, None),
    (Due, &measure::DUE, None),
    (Due, &milestone::DUE, None),
    (Sample, &measure::SAMPLE, None),
    (Sample, &report::SAMPLE, None),
    (ReportDate, &report::DATE, None),
    (ReportStatus, &report::STATUS, None),
    (ReportProgress, &report::PROGRESS, None),
    (Note, &report::NOTE, None),
    (NoteEn, &report::NOTE, Some(Lang::En)),
    (Url, &report::URL, None),
];

/// What a label names: the key in its last brackets (`完成时限（due）`,
/// `Due (due)`), else the label itself, trimmed.
pub fn key_of(label: &str) -> &str {
    let label = label.trim();
    let inner = label
        .strip_suffix(['）', ')'])
        .and_then(|rest| rest.rfind(['（', '(']).map(|at| &rest[at..]))
        .map(|bracketed| bracketed.trim_start_matches(['（', '(']).trim());
    inner.filter(|k| !k.is_empty()).unwrap_or(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_may_carry_its_label() {
        for h in ["due", " Due ", "完成时限（due）", "完成时限 (due)", "Deadline（DUE）"] {
            assert_eq!(Column::from_header(h), Some(Due), "{h}");
        }
        assert_eq!(Column::from_header("完成时限"), None);
        assert_eq!(key_of("计划名称（中文）（title）"), "title");
        assert_eq!(key_of("（）"), "（）");
    }
}
