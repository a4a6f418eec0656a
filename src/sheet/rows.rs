//! A sheet's rows built into the programme's JSON values by the columns'
//! declarations: task forces, their measures, and the milestone and report
//! rows under each; dates as offices write them; what each sheet gave; and a
//! problem of the format's checks found again in its cell.

use super::{normalise_date, Column, Kind, Normalised, Place, Problem, Setting, Settings, Spot, Within};
use crate::model::format::{measure, milestone, programme, report, source, task_force, Field};
use crate::model::json::{build, Value};
use crate::model::problem::Kind as DataKind;
use crate::model::{self, Status};
use std::rc::Rc;

/// What one file and sheet gave a programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contribution {
    /// The file and sheet.
    pub within: Rc<Within>,
    /// Task forces it brought.
    pub task_forces: usize,
    /// Measures.
    pub measures: usize,
    /// Milestones.
    pub milestones: usize,
    /// Reports.
    pub reports: usize,
}

impl Contribution {
    pub(super) fn empty(within: Rc<Within>) -> Contribution {
        Contribution { within, task_forces: 0, measures: 0, milestones: 0, reports: 0 }
    }
}

pub(super) struct Row<'a> {
    pub within: &'a Rc<Within>,
    pub columns: &'a [Option<Column>],
    pub cells: &'a [String],
}

impl Row<'_> {
    /// The trimmed cell under `column` ("" when absent).
    fn get(&self, column: Column) -> &str {
        self.columns.iter().position(|c| *c == Some(column)).and_then(|i| self.cells.get(i)).map_or("", |s| s.trim())
    }
}

/// A JSON object being built: members named by their fields.
type Members = Vec<(&'static str, Value)>;

#[derive(Default)]
pub(super) struct Builder {
    /// Task forces, in first-seen order.
    task_forces: Vec<TaskForceRows>,
    /// Per column: how many cells were normalised, and the first as written.
    pub normalised: Vec<Normalised>,
    /// What each sheet gave, the last the one being read.
    pub contributions: Vec<Contribution>,
    /// Task forces already refused in the sheet being read (said once).
    pub refused: Vec<String>,
}

struct TaskForceRows {
    id: String,
    within: Rc<Within>,
    row: usize,
    fields: Members,
    measures: Vec<MeasureRows>,
}

struct MeasureRows {
    id: String,
    row: usize,
    fields: Members,
    milestones: Vec<(usize, Members)>,
    reports: Vec<(usize, Members)>,
}

/// Whether a cell says yes (`sample`).
pub(super) fn yes(cell: &str) -> bool {
    !matches!(cell.to_ascii_lowercase().as_str(), "" | "no" | "false" | "否" | "0")
}

fn text_value(zh: &str, en: &str) -> Option<Value> {
    match (zh.is_empty(), en.is_empty()) {
        (true, true) => None,
        (false, true) => Some(build::s(zh)),
        _ => {
            let mut m = Vec::new();
            if !zh.is_empty() {
                m.push(("zh-Hans", build::s(zh)));
            }
            m.push(("en", build::s(en)));
            Some(build::obj(m))
        }
    }
}

/// A status word as its key (`按序时推进` → `on-track`); unknown words are
/// kept, so the format's checks report them.
fn status_value(s: &str) -> Value {
    build::s(Status::from_word(s).map_or(s, |st| st.key()))
}

/// A whole number stays a number; anything else stays text, so the checks
/// say what was wrong with it. Full-width digits (`１００`) are digits.
fn number_value(s: &str) -> Value {
    let s = super::dates::ascii_digits(s);
    let n = s.trim_end_matches('%').trim();
    n.parse::<i64>().map_or_else(|_| build::s(&s), build::int)
}

fn cell(within: &Rc<Within>, row: usize, column: Column, kind: Kind) -> Problem {
    Problem { place: Place::Cell { within: within.clone(), row, column: Some(column) }, kind }
}

impl Builder {
    /// The date in `column` as YYYY-MM-DD, noting a normalised one; `None`
    /// (with a problem) when it is not a date.
    fn date(
        &mut self,
        at: (&Rc<Within>, usize),
        column: Column,
        text: &str,
        problems: &mut Vec<Problem>,
    ) -> Option<Value> {
        let (within, line) = at;
        match normalise_date(text) {
            Ok((date, changed)) => {
                if changed {
                    match self.normalised.iter_mut().find(|n| n.column == column) {
                        Some(n) => n.count += 1,
                        None => self.normalised.push(Normalised { column, count: 1, first: text.trim().into() }),
                    }
                }
                Some(build::s(date.to_string()))
            }
            Err(fault) => {
                problems.push(cell(within, line, column, Kind::BadDate(fault)));
                None
            }
        }
    }

    /// A `type=milestone` row: title, due, and status 已完成 (or completed)
    /// when it has been reached.
    fn milestone(&mut self, tf: usize, measure: usize, line: usize, row: &Row, problems: &mut Vec<Problem>) {
        let mut fields = Vec::new();
        if let Some(t) = text_value(row.get(Column::Title), row.get(Column::TitleEn)) {
            fields.push((milestone::TITLE.name, t));
        }
        if row.get(Column::Due).is_empty() {
            problems.push(cell(row.within, line, Column::Due, Kind::MilestoneNeedsDue));
        } else if let Some(d) = self.date((row.within, line), Column::Due, row.get(Column::Due), problems) {
            fields.push((milestone::DUE.name, d));
        }
        match row.get(Column::Status) {
            "" => {}
            s if Status::from_word(s) == Some(Status::Completed) => {
                fields.push((milestone::DONE.name, build::bool(true)))
            }
            s => problems.push(cell(row.within, line, Column::Status, Kind::MilestoneStatus { found: s.into() })),
        }
        self.task_forces[tf].measures[measure].milestones.push((line, fields));
        self.tally(|c| c.milestones += 1);
    }

    /// A `type=report` row.
    fn report(&mut self, tf: usize, measure: usize, line: usize, row: &Row, problems: &mut Vec<Problem>) {
        let get = |c| row.get(c);
        let mut fields = Vec::new();
        let date = get(Column::ReportDate);
        if date.is_empty() {
            problems.push(cell(row.within, line, Column::ReportDate, Kind::ReportNeedsDate));
        } else if let Some(d) = self.date((row.within, line), Column::ReportDate, date, problems) {
            fields.push((report::DATE.name, d));
        }
        if !get(Column::ReportStatus).is_empty() {
            fields.push((report::STATUS.name, status_value(get(Column::ReportStatus))));
        }
        if !get(Column::ReportProgress).is_empty() {
            fields.push((report::PROGRESS.name, number_value(get(Column::ReportProgress))));
        }
        if let Some(n) = text_value(get(Column::Note), get(Column::NoteEn)) {
            fields.push((report::NOTE.name, n));
        }
        if !get(Column::Url).is_empty() {
            fields.push((report::URL.name, build::s(get(Column::Url))));
        }
        if yes(get(Column::Sample)) {
            fields.push((report::SAMPLE.name, build::bool(true)));
        }
        self.task_forces[tf].measures[measure].reports.push((line, fields));
        self.tally(|c| c.reports += 1);
    }

    /// A task force's own fields, from its first row.
    fn task_force(&mut self, id: &str, line: usize, row: &Row) -> usize {
        let get = |c| row.get(c);
        let mut fields = vec![(task_force::ID.name, build::s(id))];
        if let Some(n) = text_value(get(Column::TaskForce), get(Column::TaskForceEn)) {
            fields.push((task_force::NAME.name, n));
        }
        if let Some(f) = text_value(get(Column::Focus), get(Column::FocusEn)) {
            fields.push((task_force::FOCUS.name, f));
        }
        if !get(Column::Leader).is_empty() {
            fields.push((task_force::LEADER.name, build::s(get(Column::Leader))));
        }
        let members: Vec<Value> = get(Column::Members)
            .split(['、', ';', '；', '，', ','])
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(build::s)
            .collect();
        if !members.is_empty() {
            fields.push((task_force::MEMBERS.name, build::arr(members)));
        }
        let within = row.within.clone();
        self.task_forces.push(TaskForceRows { id: id.into(), within, row: line, fields, measures: Vec::new() });
        self.tally(|c| c.task_forces += 1);
        self.task_forces.len() - 1
    }

    /// Counts something the sheet being read gave.
    fn tally(&mut self, count: impl FnOnce(&mut Contribution)) {
        if let Some(c) = self.contributions.last_mut() {
            count(c);
        }
    }

    pub fn row(&mut self, line: usize, row: &Row, problems: &mut Vec<Problem>) {
        let get = |c| row.get(c);
        let (tf_id, m_id) = (get(Column::TaskForceId), get(Column::MeasureId));
        let kind = get(Column::Type).to_ascii_lowercase();
        let (is_report, is_milestone) = match kind.as_str() {
            "" | "measure" => (false, false),
            "report" => (true, false),
            "milestone" => (false, true),
            other => {
                problems.push(cell(row.within, line, Column::Type, Kind::BadRowType { found: other.into() }));
                return;
            }
        };
        for (column, v) in [(Column::TaskForceId, tf_id), (Column::MeasureId, m_id)] {
            if v.is_empty() {
                problems.push(cell(row.within, line, column, Kind::EmptyId));
            }
        }
        if tf_id.is_empty() || m_id.is_empty() {
            return;
        }
        // A milestone, like a report, belongs to the measure row above it.
        let belongs = is_report || is_milestone;
        let tf = match self.task_forces.iter().position(|t| t.id == tf_id) {
            // A task force comes from one sheet of one file: said once per sheet.
            Some(i) if !Rc::ptr_eq(&self.task_forces[i].within, row.within) => {
                if !self.refused.iter().any(|r| r == tf_id) {
                    self.refused.push(tf_id.into());
                    let first = Spot { within: self.task_forces[i].within.clone(), row: self.task_forces[i].row };
                    let kind = Kind::DuplicateTaskForce { id: tf_id.into(), first };
                    problems.push(cell(row.within, line, Column::TaskForceId, kind));
                }
                return;
            }
            Some(i) => i,
            None if belongs => {
                problems.push(cell(row.within, line, Column::TaskForceId, Kind::NoTaskForceAbove { id: tf_id.into() }));
                return;
            }
            None => self.task_force(tf_id, line, row),
        };
        if belongs {
            let Some(m) = self.task_forces[tf].measures.iter().position(|m| m.id == m_id) else {
                problems.push(cell(row.within, line, Column::MeasureId, Kind::NoMeasureAbove { id: m_id.into() }));
                return;
            };
            if is_milestone {
                self.milestone(tf, m, line, row, problems);
            } else {
                self.report(tf, m, line, row, problems);
            }
            return;
        }
        if let Some(first) = self.task_forces[tf].measures.iter().find(|m| m.id == m_id) {
            let first = Spot { within: row.within.clone(), row: first.row };
            let kind = Kind::DuplicateMeasure { id: m_id.into(), task_force: tf_id.into(), first };
            problems.push(cell(row.within, line, Column::MeasureId, kind));
            return;
        }
        for (zh, en) in [(Column::Title, Column::TitleEn), (Column::TaskForce, Column::TaskForceEn)] {
            if get(zh).is_empty() && !get(en).is_empty() {
                problems.push(cell(row.within, line, zh, Kind::ChineseRequired { filled: en }));
            }
        }
        let mut fields = vec![(measure::ID.name, build::s(m_id))];
        if let Some(t) = text_value(get(Column::Title), get(Column::TitleEn)) {
            fields.push((measure::TITLE.name, t));
        }
        if !get(Column::Status).is_empty() {
            fields.push((measure::STATUS.name, status_value(get(Column::Status))));
        }
        if !get(Column::Progress).is_empty() {
            fields.push((measure::PROGRESS.name, number_value(get(Column::Progress))));
        }
        for (column, field) in [(Column::Start, &measure::START), (Column::Due, &measure::DUE)] {
            if !get(column).is_empty() {
                if let Some(d) = self.date((row.within, line), column, get(column), problems) {
                    fields.push((field.name, d));
                }
            }
        }
        if yes(get(Column::Sample)) {
            fields.push((measure::SAMPLE.name, build::bool(true)));
        }
        if !get(Column::Note).is_empty() || !get(Column::ReportDate).is_empty() {
            problems.push(cell(row.within, line, Column::Type, Kind::ReportOnMeasureRow));
        }
        let rows = MeasureRows { id: m_id.into(), row: line, fields, milestones: Vec::new(), reports: Vec::new() };
        self.task_forces[tf].measures.push(rows);
        self.tally(|c| c.measures += 1);
    }

    pub fn programme(&self, o: &Settings) -> Value {
        let title = text_value(&o.title, o.title_en.as_deref().unwrap_or("")).unwrap_or_else(|| build::s(""));
        let mut root = vec![(programme::TITLE.name, title), (programme::AS_OF.name, build::s(o.as_of.as_str()))];
        let text = |zh: &Option<String>, en: &Option<String>| {
            text_value(zh.as_deref().unwrap_or(""), en.as_deref().unwrap_or(""))
        };
        if let Some(t) = text(&o.source_title, &o.source_title_en) {
            let mut src = vec![(source::TITLE.name, t)];
            if let Some(p) = text(&o.source_publisher, &o.source_publisher_en) {
                src.push((source::PUBLISHER.name, p));
            }
            if let Some(u) = &o.source_url {
                src.push((source::URL.name, build::s(u.as_str())));
            }
            if let Some(d) = &o.source_date {
                src.push((source::DATE.name, build::s(d.as_str())));
            }
            root.push((programme::SOURCE.name, build::obj(src)));
        }
        if o.sample {
            root.push((programme::SAMPLE.name, build::bool(true)));
        }
        let object = |members: &Members| build::obj(members.clone());
        let tfs = self.task_forces.iter().map(|tf| {
            let measures = tf.measures.iter().map(|m| {
                let mut fields = m.fields.clone();
                for (field, rows) in [(&measure::MILESTONES, &m.milestones), (&measure::REPORTS, &m.reports)] {
                    if !rows.is_empty() {
                        fields.push((field.name, build::arr(rows.iter().map(|(_, r)| object(r)).collect())));
                    }
                }
                build::obj(fields)
            });
            let mut fields = tf.fields.clone();
            fields.push((task_force::MEASURES.name, build::arr(measures.collect())));
            build::obj(fields)
        });
        root.push((programme::TASK_FORCES.name, build::arr(tfs.collect())));
        build::obj(root)
    }

    /// Puts a problem the format's checks found back where it came from:
    /// the row of its task force, measure, milestone or report, and the
    /// column of its field; a programme field is a setting.
    pub fn locate(&self, p: &model::Problem) -> Problem {
        let missing: Option<&Field> = match &p.kind {
            DataKind::Missing { field } => Some(field),
            _ => None,
        };
        let kind = Kind::Data(p.kind.clone());
        let tf = p.path.index_in(&programme::TASK_FORCES).and_then(|i| self.task_forces.get(i));
        let Some(tf) = tf else {
            let place = Setting::at(&p.path, missing).map_or(Place::File, Place::Setting);
            return Problem { place, kind };
        };
        let m = p.path.index_in(&task_force::MEASURES).and_then(|j| tf.measures.get(j));
        let row = match m {
            None => tf.row,
            Some(m) => {
                let sub = |list: &Field, rows: &[(usize, Members)]| {
                    p.path.index_in(list).map(|k| rows.get(k).map_or(m.row, |r| r.0))
                };
                sub(&measure::MILESTONES, &m.milestones).or_else(|| sub(&measure::REPORTS, &m.reports)).unwrap_or(m.row)
            }
        };
        Problem { place: Place::Cell { within: tf.within.clone(), row, column: Column::at(&p.path, missing) }, kind }
    }
}
