//! Reading the staff's spreadsheet (CSV text) into a programme: rows into
//! JSON values by the columns' declarations, then the format's own checks,
//! whose problems are put back in their cells by their paths.

use super::{normalise_date, Column, Kind, Normalised, Place, Problem, Setting, Settings, Sheet, Spot, Within};
use crate::model::format::csv::READERS_COLUMNS;
use crate::model::format::{measure, milestone, programme, report, source, task_force, Field};
use crate::model::json::{build, Value};
use crate::model::problem::Kind as DataKind;
use crate::model::{self, ParseError, Status};
use std::rc::Rc;

/// A CSV record and its 1-based row number as a spreadsheet shows it (a
/// line break inside a quoted cell does not start a new row).
pub type Record = (usize, Vec<String>);

/// RFC 4180 CSV, read with the `csv` crate: quoted fields may hold commas,
/// quotes (doubled) and line breaks; rows may have fewer cells than the
/// header. Returns each record with its row number.
pub fn parse_csv(text: &str) -> Result<Vec<Record>, Problem> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows: Vec<Record> = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| Problem {
            place: Place::Cell { within: Default::default(), row: i + 1, column: None },
            kind: Kind::NotCsv(e.to_string()),
        })?;
        rows.push((i + 1, record.iter().map(String::from).collect()));
    }
    // The reader takes an unclosed quote to run to the end of the file;
    // say so instead of reporting a row with one enormous cell. Quotes in
    // a well-formed file come in pairs (an escaped one is doubled).
    if text.matches('"').count() % 2 == 1 {
        let row =
            rows.iter().rev().find(|(_, cells)| cells.iter().any(|c| c.contains('\n'))).map_or(rows.len(), |r| r.0);
        return Err(Problem {
            place: Place::Cell { within: Default::default(), row, column: None },
            kind: Kind::UnclosedQuote,
        });
    }
    Ok(rows)
}

/// Reads a spreadsheet's text (CSV, already decoded) into a programme,
/// or every problem, by spreadsheet row and column.
pub fn read(text: &str, settings: &Settings) -> Result<Sheet, Vec<Problem>> {
    let rows = parse_csv(text).map_err(|p| vec![p])?;
    read_tables(vec![Table { within: Within::default(), rows }], settings).result
}

/// The rows of one sheet (a CSV file, or a workbook's sheet), the first
/// its header.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Which file and sheet (its headers are filled in from the rows).
    pub within: Within,
    /// The rows, with their numbers as the spreadsheet shows them.
    pub rows: Vec<Record>,
}

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

/// Several sheets read into one programme: the programme or every
/// problem, and what each sheet gave either way.
#[derive(Debug, Clone)]
pub struct Read {
    /// The programme, or every problem by file, sheet, row and column.
    pub result: Result<Sheet, Vec<Problem>>,
    /// What each sheet contributed, in order.
    pub contributions: Vec<Contribution>,
}

/// Reads sheets (CSV files, workbook sheets) into one programme. Each task
/// force comes from one sheet: its id in a second sheet, or a measure id
/// used twice in it, is refused with both places named.
pub fn read_tables(tables: Vec<Table>, settings: &Settings) -> Read {
    let mut problems = Vec::new();
    let mut b = Builder::default();
    let mut readable = Vec::new();
    for table in tables {
        let Some(((_, header), body)) = table.rows.split_first() else {
            let within = Rc::new(table.within);
            b.contributions.push(Contribution::empty(within.clone()));
            problems.push(Problem { place: Place::File, kind: Kind::EmptyFile });
            continue;
        };
        let columns: Vec<Option<Column>> = header.iter().map(|h| Column::from_header(h)).collect();
        let mut within = table.within.clone();
        within.headers = columns.iter().zip(header).filter_map(|(c, h)| c.map(|c| (c, h.trim().to_string()))).collect();
        let within = Rc::new(within);
        let header_row = |column| Place::Cell { within: within.clone(), row: table.rows[0].0, column };
        // The readers' table ("Download CSV" in the widget): one flat row per
        // measure with only its latest report, so it cannot become a programme
        // again. Say what to use instead of listing its columns as unknown.
        if READERS_COLUMNS.iter().zip(header).all(|(a, b)| a.eq_ignore_ascii_case(b.trim())) {
            problems.push(Problem { place: header_row(None), kind: Kind::ReadersTable });
            continue;
        }
        let before = problems.len();
        for (h, c) in header.iter().zip(&columns) {
            if c.is_none() && !h.trim().is_empty() {
                problems
                    .push(Problem { place: header_row(None), kind: Kind::UnknownColumn { header: h.trim().into() } });
            }
        }
        for r in Column::REQUIRED {
            if !columns.contains(&Some(r)) {
                problems.push(Problem { place: header_row(Some(r)), kind: Kind::MissingColumn });
            }
        }
        if problems.len() == before {
            readable.push((within, columns, body.to_vec()));
        }
    }
    if !problems.is_empty() {
        return Read { result: Err(problems), contributions: b.contributions };
    }
    for (within, columns, body) in readable {
        b.contributions.push(Contribution::empty(within.clone()));
        b.refused.clear();
        for (line, cells) in &body {
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            b.row(*line, &Row { within: &within, columns: &columns, cells }, &mut problems);
        }
    }
    // The format's checks run on what the rows built even when some rows
    // had problems, so that every problem is reported in one pass; one per
    // cell (the row's own words first), in sheet order.
    let value = b.programme(settings);
    let result = match model::parse(&model::json::write(&value, false)) {
        Ok(_) if problems.is_empty() => Ok(Sheet { value, notes: std::mem::take(&mut b.normalised) }),
        Ok(_) => Err(problems),
        Err(ParseError::Invalid(found)) => {
            for p in found.iter().map(|p| b.locate(p)) {
                if !problems.iter().any(|q| q.place == p.place) {
                    problems.push(p);
                }
            }
            Err(problems)
        }
        Err(ParseError::Syntax(p)) => {
            problems.push(Problem { place: Place::File, kind: Kind::Data(p.kind) });
            Err(problems)
        }
    };
    Read { result: result.map_err(sorted), contributions: b.contributions }
}

/// Problems in file order: settings and whole files first, then by sheet as
/// read, then by row.
fn sorted(mut problems: Vec<Problem>) -> Vec<Problem> {
    let mut sheets: Vec<Rc<Within>> = Vec::new();
    for p in &problems {
        if let Place::Cell { within, .. } = &p.place {
            if !sheets.iter().any(|w| Rc::ptr_eq(w, within)) {
                sheets.push(within.clone());
            }
        }
    }
    problems.sort_by_key(|p| match &p.place {
        Place::Cell { within, row, .. } => (1 + sheets.iter().position(|w| Rc::ptr_eq(w, within)).unwrap_or(0), *row),
        Place::File | Place::Whole(_) | Place::Setting(_) => (0, 0),
    });
    problems
}

impl Contribution {
    fn empty(within: Rc<Within>) -> Contribution {
        Contribution { within, task_forces: 0, measures: 0, milestones: 0, reports: 0 }
    }
}

struct Row<'a> {
    within: &'a Rc<Within>,
    columns: &'a [Option<Column>],
    cells: &'a [String],
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
struct Builder {
    /// Task forces, in first-seen order.
    task_forces: Vec<TaskForceRows>,
    /// Per column: how many cells were normalised, and the first as written.
    normalised: Vec<Normalised>,
    /// What each sheet gave, the last the one being read.
    contributions: Vec<Contribution>,
    /// Task forces already refused in the sheet being read (said once).
    refused: Vec<String>,
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

    fn row(&mut self, line: usize, row: &Row, problems: &mut Vec<Problem>) {
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

    fn programme(&self, o: &Settings) -> Value {
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
    fn locate(&self, p: &model::Problem) -> Problem {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_counted_as_a_spreadsheet_shows_them() {
        let text = "a,b\r\n\"line one\nline two\",x\r\n\"say \"\"hi\"\", twice\",y\r\nlast,z\r\n";
        let rows = parse_csv(text).unwrap();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1], (2, vec!["line one\nline two".to_string(), "x".to_string()]));
        assert_eq!(rows[2].1[0], "say \"hi\", twice");
        assert_eq!(rows[3].0, 4, "row 4, though the file's line 5");
    }

    #[test]
    fn an_unclosed_quote_is_named() {
        let err = parse_csv("a,b\n\"open,x\nmore,y\n").unwrap_err();
        let place = Place::Cell { within: Default::default(), row: 2, column: None };
        assert_eq!(err, Problem { place, kind: Kind::UnclosedQuote });
    }
}
