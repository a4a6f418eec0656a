//! The data model: what a programme file contains, how it is checked, and the
//! facts the widget derives from it instead of trusting the file.
//!
//! Parsing is serde plus [`validate`]: serde checks shapes and single values
//! (types, dates, status words, links); `validate` checks what serde cannot
//! (unique ids, counts and lengths). Both report a JSON path. This module has
//! no browser code and is shared by the widget and native tools.

use crate::date::Date;
use crate::text::{Lang, Text};
use serde::de::{self, Deserialize, Deserializer, Unexpected, Visitor};
use serde::Deserialize as DeriveDeserialize;
use std::collections::HashSet;
use std::fmt;

/// Most task forces a programme may have.
pub const MAX_TASK_FORCES: usize = 100;
/// Most measures one task force may have.
pub const MAX_MEASURES_PER_TASK_FORCE: usize = 5_000;
/// Most measures a programme may have in all.
pub const MAX_MEASURES: usize = 20_000;
/// Most status reports, milestones or member units on one item.
pub const MAX_LIST: usize = 200;
/// Longest title or name, in characters.
pub const MAX_TITLE_CHARS: usize = 300;
/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 4_000;

/// A whole programme: the root of a data file.
#[derive(Debug, Clone, DeriveDeserialize)]
#[serde(rename_all = "camelCase")]
pub struct Programme {
    /// Ignored; lets editors point at the JSON Schema.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// The programme's name.
    pub title: Text,
    /// The date the statuses describe; overdue and schedule progress are
    /// computed against it, never against the reader's clock.
    pub as_of: Date,
    /// Where the programme's structure comes from.
    #[serde(default)]
    pub source: Option<Source>,
    /// True when statuses and figures are illustrative, not reported.
    #[serde(default)]
    pub sample: bool,
    /// The task forces, in display order.
    pub task_forces: Vec<TaskForce>,
}

/// A cited source.
#[derive(Debug, Clone, DeriveDeserialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// Title of the article or document.
    pub title: Text,
    /// Who published it.
    #[serde(default)]
    pub publisher: Option<Text>,
    /// Where to read it (http or https only).
    #[serde(default)]
    pub url: Option<Link>,
    /// When it was published.
    #[serde(default)]
    pub date: Option<Date>,
}

/// One task force (专班).
#[derive(Debug, Clone, DeriveDeserialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskForce {
    /// Stable id used in links, unique in the programme.
    pub id: Id,
    /// Display name.
    pub name: Text,
    /// What it must concentrate on (突出…).
    #[serde(default)]
    pub focus: Option<Text>,
    /// The task-force leader (专班组长), first responsible person.
    #[serde(default)]
    pub leader: Option<Text>,
    /// Member units (成员单位).
    #[serde(default)]
    pub members: Vec<Text>,
    /// Work measures (工作措施), in display order.
    pub measures: Vec<Measure>,
}

/// One work measure with its deadline and history.
#[derive(Debug, Clone, DeriveDeserialize)]
#[serde(rename_all = "camelCase")]
pub struct Measure {
    /// Stable id, unique within its task force.
    pub id: Id,
    /// What is to be done.
    pub title: Text,
    /// Current status.
    pub status: Status,
    /// Reported progress; defaults from the status (100 when completed, else 0).
    #[serde(default)]
    pub progress: Option<Percent>,
    /// When work started (needed for schedule progress).
    #[serde(default)]
    pub start: Option<Date>,
    /// Completion deadline (完成时限).
    #[serde(default)]
    pub due: Option<Date>,
    /// Intermediate checkpoints (节点).
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// Dated status reports; stored newest first after parsing.
    #[serde(default)]
    pub reports: Vec<Report>,
    /// True when status and figures are illustrative.
    #[serde(default)]
    pub sample: bool,
}

/// A checkpoint on the way to a measure's deadline.
#[derive(Debug, Clone, DeriveDeserialize)]
#[serde(rename_all = "camelCase")]
pub struct Milestone {
    /// What is reached.
    pub title: Text,
    /// When it is due.
    pub due: Date,
    /// Whether it has been reached.
    #[serde(default)]
    pub done: bool,
}

/// A dated status report on a measure.
#[derive(Debug, Clone, DeriveDeserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Date of the report.
    pub date: Date,
    /// Status at that date.
    #[serde(default)]
    pub status: Option<Status>,
    /// Progress at that date.
    #[serde(default)]
    pub progress: Option<Percent>,
    /// What was reported.
    pub note: Text,
    /// Where it was reported (http or https only).
    #[serde(default)]
    pub url: Option<Link>,
    /// True when the report is illustrative.
    #[serde(default)]
    pub sample: bool,
}

/// The fixed status vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, DeriveDeserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Not started (未启动).
    #[serde(alias = "未启动")]
    NotStarted,
    /// On track (按序时推进).
    #[serde(alias = "按序时推进")]
    OnTrack,
    /// Behind schedule (滞后序时).
    #[serde(alias = "滞后序时")]
    Behind,
    /// Blocked (受阻).
    #[serde(alias = "受阻")]
    Blocked,
    /// Completed (已完成).
    #[serde(alias = "已完成")]
    Completed,
    /// No longer being pursued (不再推进).
    #[serde(alias = "不再推进")]
    Dropped,
}

impl Status {
    /// Every status, in the order tallies list them.
    pub const ALL: [Status; 6] = [
        Status::Completed,
        Status::OnTrack,
        Status::Behind,
        Status::Blocked,
        Status::NotStarted,
        Status::Dropped,
    ];

    /// The word used in data files and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Status::NotStarted => "not-started",
            Status::OnTrack => "on-track",
            Status::Behind => "behind",
            Status::Blocked => "blocked",
            Status::Completed => "completed",
            Status::Dropped => "dropped",
        }
    }

    fn slot(self) -> usize {
        Status::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// An id usable in a URL fragment: 1–64 of `a-z 0-9 - _`, starting with a
/// letter or digit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Id(String);

impl Id {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    fn valid(s: &str) -> bool {
        let b = s.as_bytes();
        !b.is_empty()
            && b.len() <= 64
            && b[0].is_ascii_alphanumeric()
            && b.iter()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-' || *c == b'_')
    }
}

/// An absolute http or https URL. No other scheme ever reaches the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link(String);

impl Link {
    /// The URL as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Whether `s` is an http(s) URL with a host and no spaces or control characters.
    pub fn valid(s: &str) -> bool {
        let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
        let rest = if lower.starts_with("https://") {
            &s[8..]
        } else if lower.starts_with("http://") {
            &s[7..]
        } else {
            return false;
        };
        s.len() <= 2_000
            && rest
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '[')
            && !s
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    }
}

/// A whole-number percentage, 0–100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Percent(u8);

impl Percent {
    /// Builds a percentage if `n` is at most 100.
    pub fn new(n: u8) -> Option<Percent> {
        (n <= 100).then_some(Percent(n))
    }
    /// The value, 0–100.
    pub fn get(self) -> u8 {
        self.0
    }
}

macro_rules! string_newtype {
    ($ty:ident, $check:path, $expected:literal) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                let s = String::deserialize(d)?;
                if $check(&s) {
                    Ok($ty(s))
                } else {
                    Err(de::Error::invalid_value(Unexpected::Str(&s), &$expected))
                }
            }
        }
    };
}
string_newtype!(
    Id,
    Id::valid,
    "an id of 1-64 characters a-z, 0-9, '-' or '_'"
);
string_newtype!(Link, Link::valid, "an absolute http:// or https:// link");

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Percent, D::Error> {
        struct V;
        const WANT: &str = "a whole number from 0 to 100";
        impl Visitor<'_> for V {
            type Value = Percent;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(WANT)
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Percent, E> {
                u8::try_from(n)
                    .ok()
                    .and_then(Percent::new)
                    .ok_or_else(|| E::invalid_value(Unexpected::Unsigned(n), &self))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Percent, E> {
                u64::try_from(n)
                    .map_err(|_| E::invalid_value(Unexpected::Signed(n), &self))
                    .and_then(|n| self.visit_u64(n))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Percent, E> {
                if n.fract() == 0.0 && (0.0..=100.0).contains(&n) {
                    Ok(Percent(n as u8))
                } else {
                    Err(E::invalid_value(Unexpected::Float(n), &self))
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// One problem found in a data file: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path, such as `taskForces[2].measures[0].due` (empty for the root).
    pub path: String,
    /// What was found and what was expected.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Deserializes and validates a programme from any serde data source,
/// returning every problem `validate` finds, or the first shape error.
pub fn parse<'de, D: Deserializer<'de>>(d: D) -> Result<Programme, Vec<Problem>> {
    let mut p: Programme = serde_path_to_error::deserialize(d).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        vec![Problem {
            path,
            message: e.into_inner().to_string(),
        }]
    })?;
    let problems = validate(&p);
    if !problems.is_empty() {
        return Err(problems);
    }
    for tf in &mut p.task_forces {
        for m in &mut tf.measures {
            // Newest first; the sort is stable, so same-day reports keep file order.
            m.reports.sort_by_key(|r| std::cmp::Reverse(r.date));
        }
    }
    Ok(p)
}

/// Checks what serde cannot: unique ids, counts and text lengths.
/// Returns every problem found (empty when the programme is valid).
pub fn validate(p: &Programme) -> Vec<Problem> {
    let mut c = Checker(Vec::new());
    c.text("title", &p.title, MAX_TITLE_CHARS);
    if p.task_forces.is_empty() {
        c.problem(
            "taskForces",
            "empty list, expected at least one task force".into(),
        );
    }
    c.count("taskForces", p.task_forces.len(), MAX_TASK_FORCES);
    let total: usize = p.task_forces.iter().map(|t| t.measures.len()).sum();
    if total > MAX_MEASURES {
        c.problem(
            "taskForces",
            format!("{total} measures in all, expected at most {MAX_MEASURES}"),
        );
    }

    let mut tf_ids = HashSet::new();
    for (i, tf) in p.task_forces.iter().enumerate() {
        let at = |field: &str| format!("taskForces[{i}].{field}");
        if !tf_ids.insert(tf.id.as_str()) {
            c.problem(
                &at("id"),
                format!(
                    "duplicate id \"{}\", expected ids unique among task forces",
                    tf.id.0
                ),
            );
        }
        c.text(&at("name"), &tf.name, MAX_TITLE_CHARS);
        if let Some(f) = &tf.focus {
            c.text(&at("focus"), f, MAX_TITLE_CHARS);
        }
        c.count(&at("members"), tf.members.len(), MAX_LIST);
        c.count(
            &at("measures"),
            tf.measures.len(),
            MAX_MEASURES_PER_TASK_FORCE,
        );
        let mut m_ids = HashSet::new();
        for (j, m) in tf.measures.iter().enumerate() {
            let at = |field: &str| format!("taskForces[{i}].measures[{j}].{field}");
            if !m_ids.insert(m.id.as_str()) {
                c.problem(
                    &at("id"),
                    format!(
                        "duplicate id \"{}\", expected ids unique within a task force",
                        m.id.0
                    ),
                );
            }
            c.text(&at("title"), &m.title, MAX_TITLE_CHARS);
            c.count(&at("milestones"), m.milestones.len(), MAX_LIST);
            c.count(&at("reports"), m.reports.len(), MAX_LIST);
            for (k, r) in m.reports.iter().enumerate() {
                c.text(&at(&format!("reports[{k}].note")), &r.note, MAX_NOTE_CHARS);
            }
            for (k, ms) in m.milestones.iter().enumerate() {
                c.text(
                    &at(&format!("milestones[{k}].title")),
                    &ms.title,
                    MAX_TITLE_CHARS,
                );
            }
        }
    }
    c.0
}

struct Checker(Vec<Problem>);

impl Checker {
    fn problem(&mut self, path: &str, message: String) {
        self.0.push(Problem {
            path: path.to_owned(),
            message,
        });
    }
    fn count(&mut self, path: &str, len: usize, max: usize) {
        if len > max {
            self.problem(path, format!("{len} entries, expected at most {max}"));
        }
    }
    fn text(&mut self, path: &str, t: &Text, max: usize) {
        if let Some(len) = t.strings().map(|s| s.chars().count()).find(|n| *n > max) {
            self.problem(
                path,
                format!("text is {len} characters long, expected at most {max}"),
            );
        }
    }
}

/// How many measures are in each status, plus how many are overdue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    counts: [u32; 6],
    /// Measures past their due date and not completed or dropped.
    pub overdue: u32,
}

impl Tally {
    /// Number of measures with `status`.
    pub fn count(&self, status: Status) -> u32 {
        self.counts[status.slot()]
    }
    /// All measures.
    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }
    /// Completed measures.
    pub fn done(&self) -> u32 {
        self.count(Status::Completed)
    }
    fn add(&mut self, m: &Measure, as_of: Date) {
        self.counts[m.status.slot()] += 1;
        self.overdue += u32::from(m.is_overdue(as_of));
    }
}

impl Measure {
    /// Reported progress, or the default for its status.
    pub fn progress(&self) -> u8 {
        match (self.progress, self.status) {
            (Some(p), _) => p.get(),
            (None, Status::Completed) => 100,
            (None, _) => 0,
        }
    }

    /// Due date passed on the as-of date and the measure is neither completed
    /// nor dropped.
    pub fn is_overdue(&self, as_of: Date) -> bool {
        !matches!(self.status, Status::Completed | Status::Dropped)
            && self.due.is_some_and(|d| d < as_of)
    }

    /// Schedule progress (序时进度): the share of the time from start to due
    /// that has passed on the as-of date, 0–100. `None` without both dates.
    pub fn schedule(&self, as_of: Date) -> Option<u8> {
        let (start, due) = (self.start?, self.due?);
        let span = due.days() - start.days();
        if span <= 0 {
            return Some(if as_of >= due { 100 } else { 0 });
        }
        let passed = (as_of.days() - start.days()).clamp(0, span);
        Some(((i64::from(passed) * 100 + i64::from(span) / 2) / i64::from(span)) as u8)
    }

    /// The most recent status report.
    pub fn latest_report(&self) -> Option<&Report> {
        self.reports.first()
    }
}

impl TaskForce {
    /// Status counts for this task force on `as_of`.
    pub fn tally(&self, as_of: Date) -> Tally {
        let mut t = Tally::default();
        self.measures.iter().for_each(|m| t.add(m, as_of));
        t
    }
}

impl Programme {
    /// Status counts over every task force.
    pub fn tally(&self) -> Tally {
        let mut t = Tally::default();
        self.task_forces
            .iter()
            .flat_map(|tf| &tf.measures)
            .for_each(|m| t.add(m, self.as_of));
        t
    }

    /// Whether any status or figure shown is sample data.
    pub fn has_sample(&self) -> bool {
        self.sample
            || self
                .task_forces
                .iter()
                .flat_map(|t| &t.measures)
                .any(|m| m.sample || m.reports.iter().any(|r| r.sample))
    }

    /// The languages the programme's title is translated into; the widget
    /// offers a language switch when there is more than one.
    pub fn languages(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|l| self.title.has(*l))
            .collect()
    }

    /// Index of the task force with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.task_forces.iter().position(|t| t.id.as_str() == id)
    }
}
