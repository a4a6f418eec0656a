//! The spreadsheet programme staff keep, as CSV: reading it into a
//! programme ([`read`]) and writing one out ([`export`]), with every problem
//! named by the sheet's row and column.
//!
//! Shared by `tft import-csv` / `tft export-csv` (native) and the data desk
//! (`www/desk/`, the `desk` feature in wasm), so that both use the same
//! checks and the same words. The text arrives decoded: the tool decodes
//! UTF-8 or GB18030 with encoding_rs, the desk with the browser's
//! `TextDecoder`.

use crate::model::json::{build, Value};
use crate::model::{self, ParseError, Problem};
use std::fmt;

pub mod zh;

/// A problem in the CSV: row (1 = the header) and column name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// 1-based row number as a spreadsheet shows it (0 for the whole file).
    pub row: usize,
    /// Column name, when one column is at fault.
    pub column: Option<String>,
    /// What is wrong and what was expected.
    pub message: String,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, &self.column) {
            (0, _) => write!(f, " {}", self.message),
            (r, Some(c)) => write!(f, "row {r}: column {c}: {}", self.message),
            (r, None) => write!(f, "row {r}: {}", self.message),
        }
    }
}

/// What importing the widget's readers' CSV is told.
pub const READERS_TABLE: &str = "this is the readers' table from the widget's \"Download CSV\" (one row per measure, latest report only), not the programme's spreadsheet; get the spreadsheet from the data desk (\"download the spreadsheet\") or with tft export-csv, edit it, and import that";

/// The columns, in template order. `type` is `measure` (or empty),
/// `milestone` (a checkpoint of the measure above: `title`, `due`, and
/// `status` 已完成 when reached) or `report`.
pub const COLUMNS: [&str; 22] = [
    "type",
    "task_force_id",
    "task_force",
    "task_force_en",
    "focus",
    "focus_en",
    "leader",
    "members",
    "measure_id",
    "title",
    "title_en",
    "status",
    "progress",
    "start",
    "due",
    "sample",
    "report_date",
    "report_status",
    "report_progress",
    "note",
    "note_en",
    "url",
];

const REQUIRED: [&str; 5] = ["task_force_id", "task_force", "measure_id", "title", "status"];

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
    pub column: &'static str,
    /// How many cells.
    pub count: usize,
    /// The first, as the sheet had it.
    pub first: String,
}

impl Normalised {
    /// One line, in Chinese (`zh`) or English.
    pub fn describe(&self, zh: bool) -> String {
        let Normalised { column, count, first } = self;
        match (zh, count) {
            (true, 1) => format!("{column} 列：日期 {first} 已写为 YYYY-MM-DD 格式"),
            (true, n) => format!("{column} 列：{n} 个日期（如 {first}）已写为 YYYY-MM-DD 格式"),
            (false, 1) => format!("column {column}: the date {first} was written as YYYY-MM-DD"),
            (false, n) => format!("column {column}: {n} dates such as {first} were written as YYYY-MM-DD"),
        }
    }
}

impl RowProblem {
    /// One line, framed in Chinese (`zh`) or English.
    pub fn describe(&self, zh: bool) -> String {
        let message = || zh::message(&self.message);
        match (zh, self.row, &self.column) {
            (true, 0, _) => format!(" {}", message()),
            (true, r, Some(c)) => format!("第 {r} 行，{c} 列：{}", message()),
            (true, r, None) => format!("第 {r} 行：{}", message()),
            (false, ..) => self.to_string(),
        }
    }
}

/// Reads a spreadsheet's text (CSV, already decoded) into a programme,
/// or every problem, by spreadsheet row and column.
pub fn read(text: &str, opts: &Settings) -> Result<Sheet, Vec<RowProblem>> {
    let rows = parse_csv(text).map_err(|(row, message)| vec![RowProblem { row, column: None, message }])?;
    let rows: &[Record] = &rows;
    let Some((header, body)) = rows.split_first() else {
        return Err(vec![RowProblem { row: 0, column: None, message: "the file is empty".into() }]);
    };
    let header: Vec<String> = header.1.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    // The readers' table ("Download CSV" in the widget): one flat row per
    // measure with only its latest report, so it cannot become a programme
    // again. Say what to use instead of listing its columns as unknown.
    if crate::view::export::CSV_COLUMNS.iter().zip(&header).all(|(a, b)| *a == b.as_str()) {
        return Err(vec![RowProblem { row: 1, column: None, message: READERS_TABLE.into() }]);
    }
    let mut problems = Vec::new();
    for h in &header {
        if !h.is_empty() && !COLUMNS.contains(&h.as_str()) {
            problems.push(RowProblem {
                row: 1,
                column: Some(h.clone()),
                message: format!("unknown column; expected any of: {}", COLUMNS.join(", ")),
            });
        }
    }
    for r in REQUIRED {
        if !header.iter().any(|h| h == r) {
            problems.push(RowProblem { row: 1, column: Some(r.into()), message: "required column is missing".into() });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut b = Builder::default();
    for (line, cells) in body {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let row = Row { header: &header, cells };
        b.row(*line, &row, &mut problems);
    }
    // The decoder checks what the rows built even when some rows had
    // problems, so that every problem is reported in one pass; one per
    // cell (the row's own words first), in sheet order.
    let value = b.programme(opts);
    match model::parse(&crate::model::json::write(&value, false)) {
        Ok(_) if problems.is_empty() => return Ok(Sheet { value, notes: b.notes() }),
        Ok(_) => {}
        Err(ParseError::Invalid(found)) => {
            for p in found.iter().map(|p| b.locate(p)) {
                if !problems.iter().any(|q| q.row == p.row && q.column == p.column) {
                    problems.push(p);
                }
            }
        }
        Err(ParseError::Syntax { problem, .. }) => {
            problems.push(RowProblem { row: 0, column: None, message: problem.message })
        }
    }
    problems.sort_by_key(|p| p.row);
    Err(problems)
}

/// A CSV record and its 1-based row number as a spreadsheet shows it (a
/// line break inside a quoted cell does not start a new row).
pub type Record = (usize, Vec<String>);

/// RFC 4180 CSV, read with the `csv` crate: quoted fields may hold commas,
/// quotes (doubled) and line breaks; rows may have fewer cells than the
/// header. Returns each record with its row number.
pub fn parse_csv(text: &str) -> Result<Vec<Record>, (usize, String)> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows: Vec<Record> = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| (i + 1, format!("the file is not readable as CSV: {e}")))?;
        rows.push((i + 1, record.iter().map(String::from).collect()));
    }
    // The reader takes an unclosed quote to run to the end of the file;
    // say so instead of reporting a row with one enormous cell. Quotes in
    // a well-formed file come in pairs (an escaped one is doubled).
    if text.matches('"').count() % 2 == 1 {
        let at =
            rows.iter().rev().find(|(_, cells)| cells.iter().any(|c| c.contains('\n'))).map_or(rows.len(), |r| r.0);
        return Err((at, "a quoted cell is never closed (a \" is missing)".into()));
    }
    Ok(rows)
}

struct Row<'a> {
    header: &'a [String],
    cells: &'a [String],
}

impl Row<'_> {
    /// The trimmed cell under column `name` ("" when absent).
    fn get(&self, name: &str) -> &str {
        self.header.iter().position(|h| h == name).and_then(|i| self.cells.get(i)).map_or("", |s| s.trim())
    }
}

#[derive(Default)]
struct Builder {
    /// (task force id, its fields, its measures); in first-seen order.
    task_forces: Vec<TaskForceRows>,
    /// Per column: how many cells were normalised, and the first as written.
    normalised: Vec<Normalised>,
}

struct TaskForceRows {
    id: String,
    row: usize,
    fields: Vec<(&'static str, Value)>,
    measures: Vec<MeasureRows>,
}

struct MeasureRows {
    id: String,
    row: usize,
    fields: Vec<(&'static str, Value)>,
    milestones: Vec<(usize, Vec<(&'static str, Value)>)>,
    reports: Vec<(usize, Vec<(&'static str, Value)>)>,
}

/// Whether a cell says yes (`sample`).
fn yes(cell: &str) -> bool {
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
/// kept, so the decoder reports them.
fn status_value(s: &str) -> Value {
    build::s(crate::model::Status::from_word(s).map_or(s, |st| st.key()))
}

/// A whole number stays a number; anything else stays text, so the decoder
/// says what was wrong with it. Full-width digits (`１００`) are digits.
fn number_value(s: &str) -> Value {
    let s = ascii_digits(s);
    let n = s.trim_end_matches('%').trim();
    n.parse::<i64>().map_or_else(|_| build::s(&s), build::int)
}

/// `s` with full-width digits, `％`, `／`, `－` and `．` as their ASCII forms.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' | '％' | '／' | '－' | '．' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// A date cell as `YYYY-MM-DD`. Accepts what spreadsheets write in a
/// Chinese locale: `2024/6/30`, `2024-6-30`, `2024.6.30`, `2024年6月30日`,
/// and Excel's serial numbers (`45473`, days since 1899-12-30). Refuses a
/// day and month either way round (`6/7/2024`), naming both readings.
/// `Ok((date, true))` when it was written another way.
pub fn normalise_date(cell: &str) -> Result<(String, bool), String> {
    use crate::model::date::Date;
    let s = ascii_digits(cell.trim());
    if Date::parse(&s).is_some() {
        return Ok((s, false));
    }
    let num = |p: &str| p.trim().parse::<u32>().ok();
    let bad = || format!("expected a real date written YYYY-MM-DD (for example 2024-06-30), found \"{cell}\"");

    // Excel's serial 25569 is 1970-01-01 (serials count from 1899-12-30).
    if let Some(serial) = num(&s).filter(|n| (61..=150_000).contains(n)) {
        let d = i32::try_from(serial).ok().and_then(|n| Date::from_days(n - 25_569));
        return d.map(|d| (d.to_string(), true)).ok_or_else(bad);
    }
    let parts: Vec<&str> = s.split(['/', '-', '.', '年', '月', '日']).filter(|p| !p.is_empty()).collect();
    let date = |y: u32, m: u32, d: u32| -> Option<String> {
        Date::new(u16::try_from(y).ok()?, u8::try_from(m).ok()?, u8::try_from(d).ok()?).map(|d| d.to_string())
    };
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => {
            let (y, m, d) = (num(y).ok_or_else(bad)?, num(m).ok_or_else(bad)?, num(d).ok_or_else(bad)?);
            date(y, m, d).map(|d| (d, true)).ok_or_else(bad)
        }
        [a, b, y] if y.len() == 4 => {
            let (a, b, y) = (num(a).ok_or_else(bad)?, num(b).ok_or_else(bad)?, num(y).ok_or_else(bad)?);
            match (date(y, a, b), date(y, b, a)) {
                (Some(md), Some(dm)) if md != dm => {
                    Err(format!("\"{cell}\" could be {md} (month first) or {dm} (day first); write it as YYYY-MM-DD"))
                }
                (Some(one), _) | (None, Some(one)) => Ok((one, true)),
                (None, None) => Err(bad()),
            }
        }
        _ => Err(bad()),
    }
}

impl Builder {
    /// The date in column `col` as YYYY-MM-DD, noting a normalised one;
    /// `None` (with a problem) when it is not a date.
    fn date(&mut self, col: &'static str, cell: &str, line: usize, problems: &mut Vec<RowProblem>) -> Option<Value> {
        match normalise_date(cell) {
            Ok((date, changed)) => {
                if changed {
                    match self.normalised.iter_mut().find(|n| n.column == col) {
                        Some(n) => n.count += 1,
                        None => self.normalised.push(Normalised { column: col, count: 1, first: cell.trim().into() }),
                    }
                }
                Some(build::s(&date))
            }
            Err(message) => {
                problems.push(RowProblem { row: line, column: Some(col.into()), message });
                None
            }
        }
    }

    /// Once per column: what was written as YYYY-MM-DD.
    fn notes(&self) -> Vec<Normalised> {
        self.normalised.clone()
    }

    /// A `type=milestone` row: `title`/`title_en`, `due`, and `status`
    /// 已完成 (or completed) when it has been reached.
    fn milestone(&mut self, tf: usize, measure: usize, line: usize, row: &Row, problems: &mut Vec<RowProblem>) {
        let mut fields = Vec::new();
        if let Some(t) = text_value(row.get("title"), row.get("title_en")) {
            fields.push(("title", t));
        }
        if row.get("due").is_empty() {
            problems.push(RowProblem {
                row: line,
                column: Some("due".into()),
                message: "empty; a milestone needs its due date".into(),
            });
        } else if let Some(d) = self.date("due", row.get("due"), line, problems) {
            fields.push(("due", d));
        }
        match row.get("status") {
            "" => {}
            s if crate::model::Status::from_word(s) == Some(crate::model::Status::Completed) => {
                fields.push(("done", build::bool(true)))
            }
            s => problems.push(RowProblem {
                row: line,
                column: Some("status".into()),
                message: format!("on a milestone row, expected 已完成 (completed) or nothing, found \"{s}\""),
            }),
        }
        self.task_forces[tf].measures[measure].milestones.push((line, fields));
    }

    fn row(&mut self, line: usize, row: &Row, problems: &mut Vec<RowProblem>) {
        let get = |name: &str| row.get(name);
        let tf_id = get("task_force_id");
        let m_id = get("measure_id");
        let kind = get("type").to_ascii_lowercase();
        let (is_report, is_milestone) = match kind.as_str() {
            "" | "measure" => (false, false),
            "report" => (true, false),
            "milestone" => (false, true),
            other => {
                problems.push(RowProblem {
                    row: line,
                    column: Some("type".into()),
                    message: format!("expected measure, milestone or report, found \"{other}\""),
                });
                return;
            }
        };
        // A milestone, like a report, belongs to the measure row above it.
        let is_report = is_report || is_milestone;
        for (col, v) in [("task_force_id", tf_id), ("measure_id", m_id)] {
            if v.is_empty() {
                problems.push(RowProblem {
                    row: line,
                    column: Some(col.into()),
                    message: "empty, expected an id".into(),
                });
            }
        }
        if tf_id.is_empty() || m_id.is_empty() {
            return;
        }
        let tf_index = match self.task_forces.iter().position(|t| t.id == tf_id) {
            Some(i) => i,
            None => {
                if is_report {
                    problems.push(RowProblem {
                        row: line,
                        column: Some("task_force_id".into()),
                        message: format!("a report for task force \"{tf_id}\", which has no measure rows above"),
                    });
                    return;
                }
                let mut fields = vec![("id", build::s(tf_id))];
                if let Some(n) = text_value(get("task_force"), get("task_force_en")) {
                    fields.push(("name", n));
                }
                if let Some(f) = text_value(get("focus"), get("focus_en")) {
                    fields.push(("focus", f));
                }
                if !get("leader").is_empty() {
                    fields.push(("leader", build::s(get("leader"))));
                }
                let members: Vec<Value> = get("members")
                    .split(['、', ';', '；', '，', ','])
                    .map(str::trim)
                    .filter(|m| !m.is_empty())
                    .map(build::s)
                    .collect();
                if !members.is_empty() {
                    fields.push(("members", build::arr(members)));
                }
                self.task_forces.push(TaskForceRows { id: tf_id.into(), row: line, fields, measures: Vec::new() });
                self.task_forces.len() - 1
            }
        };
        if is_report {
            let Some(mi) = self.task_forces[tf_index].measures.iter().position(|m| m.id == m_id) else {
                problems.push(RowProblem {
                    row: line,
                    column: Some("measure_id".into()),
                    message: format!("a report for measure \"{m_id}\", which has no measure row above"),
                });
                return;
            };
            if is_milestone {
                self.milestone(tf_index, mi, line, row, problems);
                return;
            }
            let mut fields = Vec::new();
            let date = get("report_date");
            if date.is_empty() {
                problems.push(RowProblem {
                    row: line,
                    column: Some("report_date".into()),
                    message: "empty; a report needs its date".into(),
                });
            } else if let Some(d) = self.date("report_date", date, line, problems) {
                fields.push(("date", d));
            }
            let m = &mut self.task_forces[tf_index].measures[mi];
            if !get("report_status").is_empty() {
                fields.push(("status", status_value(get("report_status"))));
            }
            if !get("report_progress").is_empty() {
                fields.push(("progress", number_value(get("report_progress"))));
            }
            if let Some(n) = text_value(get("note"), get("note_en")) {
                fields.push(("note", n));
            }
            if !get("url").is_empty() {
                fields.push(("url", build::s(get("url"))));
            }
            if yes(get("sample")) {
                fields.push(("sample", build::bool(true)));
            }
            m.reports.push((line, fields));
            return;
        }
        if let Some(first) = self.task_forces[tf_index].measures.iter().find(|m| m.id == m_id) {
            problems.push(RowProblem {
                row: line,
                column: Some("measure_id".into()),
                message: format!(
                    "\"{m_id}\" is already the id of the measure on row {} of task force \"{tf_id}\"; each measure needs its own",
                    first.row
                ),
            });
            return;
        }
        for (zh, en) in [("title", "title_en"), ("task_force", "task_force_en")] {
            if get(zh).is_empty() && !get(en).is_empty() {
                problems.push(RowProblem {
                    row: line,
                    column: Some(zh.into()),
                    message: format!("empty, but {en} is filled in; the Chinese text is required (readers of the Chinese view would see English)"),
                });
            }
        }
        let mut fields = vec![("id", build::s(m_id))];
        if let Some(t) = text_value(get("title"), get("title_en")) {
            fields.push(("title", t));
        }
        if !get("status").is_empty() {
            fields.push(("status", status_value(get("status"))));
        }
        if !get("progress").is_empty() {
            fields.push(("progress", number_value(get("progress"))));
        }
        for col in ["start", "due"] {
            if !get(col).is_empty() {
                if let Some(d) = self.date(col, get(col), line, problems) {
                    fields.push((col, d));
                }
            }
        }
        if yes(get("sample")) {
            fields.push(("sample", build::bool(true)));
        }
        if !get("note").is_empty() || !get("report_date").is_empty() {
            problems.push(RowProblem {
                row: line,
                column: Some("type".into()),
                message: "report columns on a measure row; put reports on their own rows with type=report".into(),
            });
        }
        self.task_forces[tf_index].measures.push(MeasureRows {
            id: m_id.into(),
            row: line,
            fields,
            milestones: Vec::new(),
            reports: Vec::new(),
        });
    }

    fn programme(&self, o: &Settings) -> Value {
        let mut root =
            vec![("title", text_value(&o.title, o.title_en.as_deref().unwrap_or("")).unwrap_or_else(|| build::s("")))];
        root.push(("asOf", build::s(o.as_of.as_str())));
        if let Some(t) = &o.source_title {
            let mut src = vec![("title", build::s(t.as_str()))];
            if let Some(p) = &o.source_publisher {
                src.push(("publisher", build::s(p.as_str())));
            }
            if let Some(u) = &o.source_url {
                src.push(("url", build::s(u.as_str())));
            }
            root.push(("source", build::obj(src)));
        }
        if o.sample {
            root.push(("sample", build::bool(true)));
        }
        let tfs = self
            .task_forces
            .iter()
            .map(|tf| {
                let measures = tf
                    .measures
                    .iter()
                    .map(|m| {
                        let mut fields = m.fields.clone();
                        if !m.milestones.is_empty() {
                            fields.push((
                                "milestones",
                                build::arr(m.milestones.iter().map(|(_, r)| build::obj(r.clone())).collect()),
                            ));
                        }
                        if !m.reports.is_empty() {
                            fields.push((
                                "reports",
                                build::arr(m.reports.iter().map(|(_, r)| build::obj(r.clone())).collect()),
                            ));
                        }
                        build::obj(fields)
                    })
                    .collect();
                let mut fields = tf.fields.clone();
                fields.push(("measures", build::arr(measures)));
                build::obj(fields)
            })
            .collect();
        root.push(("taskForces", build::arr(tfs)));
        build::obj(root)
    }

    /// Maps a JSON-path problem back to the CSV row and column it came from.
    fn locate(&self, p: &Problem) -> RowProblem {
        let idx = |key: &str| -> Option<usize> {
            let at = p.path.find(&format!("{key}["))? + key.len() + 1;
            p.path[at..].split(']').next()?.parse().ok()
        };
        // A missing field is reported at its object's path: the field is
        // the column ("missing field `title`" is the title column, empty).
        let missing = p.message.strip_prefix("missing field `").and_then(|m| m.split('`').next());
        let leaf = missing.unwrap_or_else(|| p.path.rsplit('.').next().unwrap_or(""));
        let leaf = if leaf == "en" || leaf == "zh-Hans" {
            let mut parts = p.path.rsplit('.');
            let lang = parts.next().unwrap_or("");
            let field = parts.next().unwrap_or("");
            if lang == "en" {
                format!("{field}_en")
            } else {
                field.to_string()
            }
        } else {
            leaf.split('[').next().unwrap_or("").to_string()
        };
        let (tf, m, r, ms) = (idx("taskForces"), idx("measures"), idx("reports"), idx("milestones"));
        let tf_rows = tf.and_then(|i| self.task_forces.get(i));
        let m_rows = tf_rows.zip(m).and_then(|(t, j)| t.measures.get(j));
        let (row, column) = match (tf_rows, m_rows, r.or(ms)) {
            (_, Some(mr), Some(k)) if ms.is_some() => {
                let col = if leaf == "done" { "status".to_string() } else { leaf.clone() };
                (mr.milestones.get(k).map_or(mr.row, |x| x.0), Some(col))
            }
            (_, Some(mr), Some(k)) => {
                let col = match leaf.as_str() {
                    "date" => "report_date".to_string(),
                    "status" => "report_status".into(),
                    "progress" => "report_progress".into(),
                    other => other.to_string(),
                };
                (mr.reports.get(k).map_or(mr.row, |x| x.0), Some(col))
            }
            (_, Some(mr), None) => {
                let col = match leaf.as_str() {
                    "id" => "measure_id".to_string(),
                    l if l.starts_with("measures") => "measure_id".into(),
                    other => other.to_string(),
                };
                (mr.row, Some(col))
            }
            (Some(tr), None, _) => {
                let col = match leaf.as_str() {
                    "id" => "task_force_id".to_string(),
                    "name" => "task_force".into(),
                    "name_en" => "task_force_en".into(),
                    l if l.starts_with("taskForces") || l == "measures" => "task_force_id".into(),
                    other => other.to_string(),
                };
                (tr.row, Some(col))
            }
            _ => (0, None),
        };
        let column = column.filter(|c| COLUMNS.contains(&c.as_str()));
        let message = if row == 0 {
            format!("{}: {}", if p.path.is_empty() { "programme" } else { &p.path }, p.message)
        } else if let Some(rest) = missing.and_then(|_| p.message.split_once(", ")) {
            format!("empty, expected {}", rest.1.trim_start_matches("expected "))
        } else {
            p.message.clone()
        };
        RowProblem { row, column, message }
    }
}

/// A programme as the spreadsheet staff keep (the columns of [`COLUMNS`]):
/// one row per measure, then its milestones and reports on rows of their
/// own. [`import`] reads it back to the same programme, given the settings
/// the sheet does not carry (title, as-of date, source).
pub fn export(p: &crate::model::Programme) -> String {
    use crate::model::text::{Lang, Text};
    let zh = |t: &Text| {
        if t.has(Lang::ZhHans) || !t.has(Lang::En) {
            t.get(Lang::ZhHans).to_string()
        } else {
            String::new()
        }
    };
    let en = |t: &Text| if t.has(Lang::En) { t.get(Lang::En).to_string() } else { String::new() };
    let opt = |t: &Option<Text>, f: &dyn Fn(&Text) -> String| t.as_ref().map(f).unwrap_or_default();
    let date = |d: Option<crate::model::date::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let flag = |b: bool| if b { "yes" } else { "" }.to_string();
    let mut out = String::from("\u{feff}");
    crate::view::export::push_row(&mut out, &COLUMNS);
    let mut row = |cells: &[(&str, String)]| {
        let line: Vec<String> = COLUMNS
            .iter()
            .map(|c| cells.iter().find(|(k, _)| k == c).map(|(_, v)| v.clone()).unwrap_or_default())
            .collect();
        let refs: Vec<&str> = line.iter().map(String::as_str).collect();
        crate::view::export::push_row(&mut out, &refs);
    };
    for tf in &p.task_forces {
        for (i, m) in tf.measures.iter().enumerate() {
            let ids = [("task_force_id", tf.id.as_str().to_string()), ("measure_id", m.id.as_str().to_string())];
            let mut cells = vec![("type", "measure".to_string())];
            cells.extend(ids.clone());
            if i == 0 {
                cells.extend([
                    ("task_force", zh(&tf.name)),
                    ("task_force_en", en(&tf.name)),
                    ("focus", opt(&tf.focus, &zh)),
                    ("focus_en", opt(&tf.focus, &en)),
                    ("leader", opt(&tf.leader, &zh)),
                    ("members", tf.members.iter().map(&zh).collect::<Vec<_>>().join("、")),
                ]);
            }
            cells.extend([
                ("title", zh(&m.title)),
                ("title_en", en(&m.title)),
                ("status", m.status.key().to_string()),
                ("progress", m.progress.map(|p| p.get().to_string()).unwrap_or_default()),
                ("start", date(m.start)),
                ("due", date(m.due)),
                ("sample", flag(m.sample)),
            ]);
            row(&cells);
            for ms in &m.milestones {
                let mut cells = vec![("type", "milestone".to_string())];
                cells.extend(ids.clone());
                cells.extend([
                    ("title", zh(&ms.title)),
                    ("title_en", en(&ms.title)),
                    ("due", ms.due.to_string()),
                    ("status", if ms.done { "completed".into() } else { String::new() }),
                ]);
                row(&cells);
            }
            for r in &m.reports {
                let mut cells = vec![("type", "report".to_string())];
                cells.extend(ids.clone());
                cells.extend([
                    ("report_date", r.date.to_string()),
                    ("report_status", r.status.map(|s| s.key().to_string()).unwrap_or_default()),
                    ("report_progress", r.progress.map(|p| p.get().to_string()).unwrap_or_default()),
                    ("note", zh(&r.note)),
                    ("note_en", en(&r.note)),
                    ("url", r.url.as_ref().map(|u| u.as_str().to_string()).unwrap_or_default()),
                    ("sample", flag(r.sample)),
                ]);
                row(&cells);
            }
        }
    }
    out
}

/// What a programme holds, in words (Chinese with `zh`): task forces,
/// measures (completed, overdue), reports, milestones.
pub fn summary(p: &model::Programme, zh: bool) -> String {
    let measures: Vec<_> = p.task_forces.iter().flat_map(|t| &t.measures).collect();
    let reports: usize = measures.iter().map(|m| m.reports.len()).sum();
    let milestones: usize = measures.iter().map(|m| m.milestones.len()).sum();
    let completed = measures.iter().filter(|m| m.status == model::Status::Completed).count();
    let overdue = measures.iter().filter(|m| m.is_overdue(p.as_of)).count();
    let (tfs, ms) = (p.task_forces.len(), measures.len());
    if zh {
        return format!(
            "{tfs} 个专班，{ms} 项措施（{completed} 项已完成，{overdue} 项逾期），{reports} 条汇报，{milestones} 个节点"
        );
    }
    let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    format!(
        "{}, {} ({completed} completed, {overdue} overdue), {}, {}",
        n(tfs, "task force", "task forces"),
        n(ms, "measure", "measures"),
        n(reports, "report", "reports"),
        n(milestones, "milestone", "milestones"),
    )
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
        assert_eq!(err.0, 2);
        assert!(err.1.contains("never closed"), "{}", err.1);
    }
}
