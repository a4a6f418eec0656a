//! The data format, declared once: every field of every object with its
//! name, type, limit and meaning. These declarations drive the decoder
//! (`decode.rs`: which fields exist, which are required, each one's type
//! and limit), the JSON Schema and the README's reference (`schema.rs`),
//! the spreadsheet's columns (`crate::sheet::columns`) and the words that
//! say what a field takes (`crate::words`).

use crate::model::{MAX_LIST, MAX_MEASURES_PER_TASK_FORCE, MAX_NOTE_CHARS, MAX_TASK_FORCES, MAX_TITLE_CHARS};

/// The type of a field, with its limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    /// A string or a per-language object; the limit is in characters.
    Text(usize),
    /// `YYYY-MM-DD`.
    Date,
    /// 1–64 of `a-z 0-9 - _`.
    Id,
    /// An http(s) URL.
    Link,
    /// A whole number 0–100.
    Percent,
    /// A status word.
    Status,
    /// `true` or `false`.
    Bool,
    /// Any string (ignored by the widget).
    Str,
    /// An object described by another table.
    Object(&'static Table),
    /// A list of at most this many texts of at most this many characters.
    TextList(usize, usize),
    /// A list of at most this many objects.
    List(&'static Table, usize),
}

/// One field of an object.
#[derive(Debug)]
pub struct Field {
    /// Name in the JSON file.
    pub name: &'static str,
    /// Its type and limits.
    pub ty: Ty,
    /// Whether the file must have it.
    pub required: bool,
    /// What it means, and its default when absent (the tool's schema and
    /// reference only: not in the wasm).
    #[cfg(not(target_arch = "wasm32"))]
    pub doc: &'static str,
}

/// Fields are compared by identity: each is declared once.
impl PartialEq for Field {
    fn eq(&self, other: &Field) -> bool {
        core::ptr::eq(self, other)
    }
}
impl Eq for Field {}

/// The fields of one kind of object.
#[derive(Debug)]
pub struct Table {
    /// Name used in the reference and the schema.
    pub name: &'static str,
    /// What the object is (not in the wasm).
    #[cfg(not(target_arch = "wasm32"))]
    pub doc: &'static str,
    /// Its fields, in reference order.
    pub fields: &'static [&'static Field],
}

/// Tables are compared by identity: each is declared once.
impl PartialEq for Table {
    fn eq(&self, other: &Table) -> bool {
        core::ptr::eq(self, other)
    }
}
impl Eq for Table {}

impl Table {
    /// The field called `name`.
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().copied().find(|f| f.name == name)
    }
}

const fn f(name: &'static str, ty: Ty, required: bool, doc: &'static str) -> Field {
    #[cfg(target_arch = "wasm32")]
    let _ = doc;
    Field {
        name,
        ty,
        required,
        #[cfg(not(target_arch = "wasm32"))]
        doc,
    }
}

const fn table(name: &'static str, doc: &'static str, fields: &'static [&'static Field]) -> Table {
    #[cfg(target_arch = "wasm32")]
    let _ = doc;
    Table {
        name,
        #[cfg(not(target_arch = "wasm32"))]
        doc,
        fields,
    }
}

/// The root object of a data file.
pub mod programme {
    use super::*;
    /// `$schema`.
    pub static SCHEMA: Field = f("$schema", Ty::Str, false, "Ignored; lets editors point at the JSON Schema.");
    /// `title`.
    pub static TITLE: Field = f("title", Ty::Text(MAX_TITLE_CHARS), true, "The programme's name.");
    /// `asOf`.
    pub static AS_OF: Field = f(
        "asOf",
        Ty::Date,
        true,
        "The date the statuses describe; overdue and schedule progress are computed against it.",
    );
    /// `source`.
    pub static SOURCE: Field =
        f("source", Ty::Object(&super::SOURCE), false, "Where the programme's structure comes from.");
    /// `sample`.
    pub static SAMPLE: Field =
        f("sample", Ty::Bool, false, "True when statuses and figures are illustrative, not reported. Default false.");
    /// `taskForces`.
    pub static TASK_FORCES: Field = f(
        "taskForces",
        Ty::List(&super::TASK_FORCE, MAX_TASK_FORCES),
        true,
        "The task forces, in display order (at least one).",
    );
}

/// A cited source.
pub mod source {
    use super::*;
    /// `title`.
    pub static TITLE: Field = f("title", Ty::Text(MAX_TITLE_CHARS), true, "Title of the article or document.");
    /// `publisher`.
    pub static PUBLISHER: Field = f("publisher", Ty::Text(MAX_TITLE_CHARS), false, "Who published it.");
    /// `url`.
    pub static URL: Field = f("url", Ty::Link, false, "Where to read it.");
    /// `date`.
    pub static DATE: Field = f("date", Ty::Date, false, "When it was published.");
}

/// A task force.
pub mod task_force {
    use super::*;
    /// `id`.
    pub static ID: Field = f("id", Ty::Id, true, "Stable id used in links; unique in the programme.");
    /// `name`.
    pub static NAME: Field = f("name", Ty::Text(MAX_TITLE_CHARS), true, "Display name.");
    /// `focus`.
    pub static FOCUS: Field = f("focus", Ty::Text(MAX_TITLE_CHARS), false, "What it must concentrate on (突出…).");
    /// `leader`.
    pub static LEADER: Field =
        f("leader", Ty::Text(MAX_TITLE_CHARS), false, "The leader (专班组长). Absent: shown as not stated.");
    /// `members`.
    pub static MEMBERS: Field =
        f("members", Ty::TextList(MAX_LIST, MAX_TITLE_CHARS), false, "Member units (成员单位). Default none.");
    /// `measures`.
    pub static MEASURES: Field =
        f("measures", Ty::List(&super::MEASURE, MAX_MEASURES_PER_TASK_FORCE), true, "Work measures, in display order.");
}

/// A work measure.
pub mod measure {
    use super::*;
    /// `id`.
    pub static ID: Field = f("id", Ty::Id, true, "Stable id; unique within its task force.");
    /// `title`.
    pub static TITLE: Field = f("title", Ty::Text(MAX_TITLE_CHARS), true, "What is to be done.");
    /// `status`.
    pub static STATUS: Field = f("status", Ty::Status, true, "Current status.");
    /// `progress`.
    pub static PROGRESS: Field =
        f("progress", Ty::Percent, false, "Reported progress. Default 100 when completed, else 0.");
    /// `start`.
    pub static START: Field = f("start", Ty::Date, false, "When work started (needed for schedule progress).");
    /// `due`.
    pub static DUE: Field = f("due", Ty::Date, false, "Completion deadline (完成时限).");
    /// `milestones`.
    pub static MILESTONES: Field =
        f("milestones", Ty::List(&super::MILESTONE, MAX_LIST), false, "Checkpoints (节点). Default none.");
    /// `reports`.
    pub static REPORTS: Field =
        f("reports", Ty::List(&super::REPORT, MAX_LIST), false, "Dated status reports, any order. Default none.");
    /// `sample`.
    pub static SAMPLE: Field =
        f("sample", Ty::Bool, false, "True when status and figures are illustrative. Default false.");
}

/// A milestone.
pub mod milestone {
    use super::*;
    /// `title`.
    pub static TITLE: Field = f("title", Ty::Text(MAX_TITLE_CHARS), true, "What is reached.");
    /// `due`.
    pub static DUE: Field = f("due", Ty::Date, true, "When it is due.");
    /// `done`.
    pub static DONE: Field = f("done", Ty::Bool, false, "Whether it has been reached. Default false.");
}

/// A status report.
pub mod report {
    use super::*;
    /// `date`.
    pub static DATE: Field = f("date", Ty::Date, true, "Date of the report.");
    /// `status`.
    pub static STATUS: Field = f("status", Ty::Status, false, "Status at that date.");
    /// `progress`.
    pub static PROGRESS: Field = f("progress", Ty::Percent, false, "Progress at that date.");
    /// `note`.
    pub static NOTE: Field = f("note", Ty::Text(MAX_NOTE_CHARS), true, "What was reported.");
    /// `url`.
    pub static URL: Field = f("url", Ty::Link, false, "Where it was reported.");
    /// `sample`.
    pub static SAMPLE: Field = f("sample", Ty::Bool, false, "True when the report is illustrative. Default false.");
}

/// The root object of a data file.
pub static PROGRAMME: Table = table(
    "Programme",
    "The root of a data file.",
    &[
        &programme::SCHEMA,
        &programme::TITLE,
        &programme::AS_OF,
        &programme::SOURCE,
        &programme::SAMPLE,
        &programme::TASK_FORCES,
    ],
);

/// A cited source.
pub static SOURCE: Table =
    table("Source", "A cited article or document.", &[&source::TITLE, &source::PUBLISHER, &source::URL, &source::DATE]);

/// A task force.
pub static TASK_FORCE: Table = table(
    "TaskForce",
    "One task force (专班).",
    &[
        &task_force::ID,
        &task_force::NAME,
        &task_force::FOCUS,
        &task_force::LEADER,
        &task_force::MEMBERS,
        &task_force::MEASURES,
    ],
);

/// A work measure.
pub static MEASURE: Table = table(
    "Measure",
    "One work measure (工作措施) with its deadline and history.",
    &[
        &measure::ID,
        &measure::TITLE,
        &measure::STATUS,
        &measure::PROGRESS,
        &measure::START,
        &measure::DUE,
        &measure::MILESTONES,
        &measure::REPORTS,
        &measure::SAMPLE,
    ],
);

/// A milestone.
pub static MILESTONE: Table = table(
    "Milestone",
    "A checkpoint on the way to a measure's deadline.",
    &[&milestone::TITLE, &milestone::DUE, &milestone::DONE],
);

/// A status report.
pub static REPORT: Table = table(
    "Report",
    "A dated status report on a measure.",
    &[&report::DATE, &report::STATUS, &report::PROGRESS, &report::NOTE, &report::URL, &report::SAMPLE],
);

/// Every table, root first.
pub static TABLES: [&Table; 6] = [&PROGRAMME, &SOURCE, &TASK_FORCE, &MEASURE, &MILESTONE, &REPORT];
