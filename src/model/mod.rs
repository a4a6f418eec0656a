//! The data model: what a programme file contains, how it is checked, and the
//! facts the widget derives from it instead of trusting the file.
//!
//! [`parse`] reads JSON text with [`crate::model::json`] and decodes it by the field
//! tables in [`crate::model::format`], collecting *every* problem (wrong types,
//! unreal dates, unknown statuses, non-http links, duplicate ids, counts and
//! lengths) with its JSON path and line:column, plus warnings for data that
//! is valid but suspicious. The widget and the command-line tool both call
//! it, so they can never disagree. This module has no browser code.

use crate::model::date::Date;
use crate::model::problem::{IdFault, IdHint};
use crate::model::text::{Lang, Text};

pub mod date;
pub mod diff;
pub mod format;
pub mod hash;
pub mod json;
mod load;
pub mod order;
pub mod problem;
pub mod summary;
pub mod text;

pub use load::{check, parse, Checked, Loader, Parsed};
pub use problem::{LoadError, Problem, LOCATED_PROBLEMS};

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
#[derive(Debug, Clone)]
pub struct Programme {
    /// The programme's name.
    pub title: Text,
    /// The date the statuses describe; overdue and schedule progress are
    /// computed against it, never against the reader's clock.
    pub as_of: Date,
    /// Where the programme's structure comes from.
    pub source: Option<Source>,
    /// True when statuses and figures are illustrative, not reported.
    pub sample: bool,
    /// The task forces, in display order.
    pub task_forces: Vec<TaskForce>,
}

/// A cited source.
#[derive(Debug, Clone)]
pub struct Source {
    /// Title of the article or document.
    pub title: Text,
    /// Who published it.
    pub publisher: Option<Text>,
    /// Where to read it (http or https only).
    pub url: Option<Link>,
    /// When it was published.
    pub date: Option<Date>,
}

/// One task force (专班).
#[derive(Debug, Clone)]
pub struct TaskForce {
    /// Stable id used in links, unique in the programme.
    pub id: Id,
    /// Display name.
    pub name: Text,
    /// What it must concentrate on (突出…).
    pub focus: Option<Text>,
    /// The task-force leader (专班组长), first responsible person.
    pub leader: Option<Text>,
    /// Member units (成员单位).
    pub members: Vec<Text>,
    /// Work measures (工作措施), in display order.
    pub measures: Vec<Measure>,
}

/// One work measure with its deadline and history.
#[derive(Debug, Clone)]
pub struct Measure {
    /// Stable id, unique within its task force.
    pub id: Id,
    /// What is to be done.
    pub title: Text,
    /// Current status.
    pub status: Status,
    /// Reported progress; defaults from the status (100 when completed, else 0).
    pub progress: Option<Percent>,
    /// When work started (needed for schedule progress).
    pub start: Option<Date>,
    /// Completion deadline (完成时限).
    pub due: Option<Date>,
    /// Intermediate checkpoints (节点).
    pub milestones: Vec<Milestone>,
    /// Dated status reports; stored newest first after parsing.
    pub reports: Vec<Report>,
    /// True when status and figures are illustrative.
    pub sample: bool,
}

/// A checkpoint on the way to a measure's deadline.
#[derive(Debug, Clone)]
pub struct Milestone {
    /// What is reached.
    pub title: Text,
    /// When it is due.
    pub due: Date,
    /// Whether it has been reached.
    pub done: bool,
}

/// A dated status report on a measure.
#[derive(Debug, Clone)]
pub struct Report {
    /// Date of the report.
    pub date: Date,
    /// Status at that date.
    pub status: Option<Status>,
    /// Progress at that date.
    pub progress: Option<Percent>,
    /// What was reported.
    pub note: Text,
    /// Where it was reported (http or https only).
    pub url: Option<Link>,
    /// True when the report is illustrative.
    pub sample: bool,
}

/// The fixed status vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Not started (未启动).
    NotStarted,
    /// On track (按序时推进).
    OnTrack,
    /// Behind schedule (滞后序时).
    Behind,
    /// Blocked (受阻).
    Blocked,
    /// Completed (已完成).
    Completed,
    /// No longer being pursued (不再推进).
    Dropped,
}

impl Status {
    /// Every status, in the order tallies list them.
    pub const ALL: [Status; 6] =
        [Status::Completed, Status::OnTrack, Status::Behind, Status::Blocked, Status::NotStarted, Status::Dropped];

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

    /// Reads a status word: the key, or its Chinese label.
    pub fn from_word(word: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| word == s.key() || Lang::ALL.iter().any(|l| word == status_label(*s, *l)))
    }

    /// The status word or key closest to `word` (at most two characters
    /// added, removed or changed), for "did you mean".
    pub fn nearest(word: &str) -> Option<&'static str> {
        let words = Status::ALL
            .iter()
            .flat_map(|s| core::iter::once(s.key()).chain(Lang::ALL.iter().map(move |l| status_label(*s, *l))));
        words.map(|w| (edits(word, w), w)).filter(|(d, _)| *d <= 2).min_by_key(|(d, _)| *d).map(|(_, w)| w)
    }

    fn slot(self) -> usize {
        Status::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// The edit distance between two strings, in characters (Levenshtein).
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// An id usable in a URL fragment: 1–64 of `a-z 0-9 - _`, starting with a
/// letter or digit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Id(String);

impl Id {
    /// An id, if `s` is a valid one.
    pub fn parse(s: &str) -> Option<Id> {
        Id::valid(s).then(|| Id(s.to_string()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    fn valid(s: &str) -> bool {
        Id::fault(s).is_none()
    }

    /// Why `s` is not an id, naming the offending character by position and
    /// code point: a look-alike (a Cyrillic "о" in "ecоlogy") is invisible
    /// in the text itself.
    pub fn fault(s: &str) -> Option<IdFault> {
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_';
        let length = s.chars().count();
        if let Some((i, ch)) =
            s.chars().enumerate().find(|&(i, c)| !allowed(c) || (i == 0 && !c.is_ascii_alphanumeric()))
        {
            let hint = if ch.is_ascii_uppercase() {
                Some(IdHint::Lowercase)
            } else if i == 0 && allowed(ch) {
                Some(IdHint::Start)
            } else {
                None
            };
            return Some(IdFault::Char { position: i + 1, length, ch, hint });
        }
        match length {
            0 => Some(IdFault::Empty),
            n if n <= IdFault::MAX => None,
            length => Some(IdFault::TooLong { length }),
        }
    }
}

/// An absolute http or https URL. No other scheme ever reaches the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link(String);

impl Link {
    /// A link, if `s` is an http(s) URL.
    pub fn parse(s: &str) -> Option<Link> {
        Link::valid(s).then(|| Link(s.to_string()))
    }

    /// The URL as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Whether `s` is an http(s) URL with a host and no spaces or control
    /// characters. The host starts with an ASCII letter or digit, `[` (IPv6)
    /// or any non-ASCII character (an internationalised name): no Unicode
    /// letter tables in the wasm for this one check (−1.8 KB brotli).
    pub fn valid(s: &str) -> bool {
        let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
        let scheme = if lower.starts_with("https://") {
            8
        } else if lower.starts_with("http://") {
            7
        } else {
            return false;
        };
        let rest = s.get(scheme..).unwrap_or_default();
        s.len() <= 2_000
            && rest.chars().next().is_some_and(|c| c.is_ascii_alphanumeric() || c == '[' || !c.is_ascii())
            && !s.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\' || hidden(c))
    }
}

/// Characters that change how a URL reads without showing themselves: bidi
/// controls (`https://\u{202E}moc.elpmaxe/` displays as another host),
/// zero-width characters, and U+FFFD, the mark of text that was broken on
/// the way. None belongs in a link.
fn hidden(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{FFFD}')
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

/// Why a text could not be read as a programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// Not JSON at all: a problem of kind [`Kind::Syntax`](problem::Kind::Syntax), with its
    /// line and column.
    Syntax(Box<Problem>),
    /// JSON, but not a valid programme: every problem found.
    Invalid(Vec<Problem>),
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

impl core::iter::Sum for Tally {
    /// Adds tallies up (the programme's from its task forces').
    fn sum<I: Iterator<Item = Tally>>(iter: I) -> Tally {
        iter.fold(Tally::default(), |mut a, t| {
            a.counts.iter_mut().zip(t.counts).for_each(|(x, y)| *x += y);
            a.overdue += t.overdue;
            a
        })
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
        !matches!(self.status, Status::Completed | Status::Dropped) && self.due.is_some_and(|d| d < as_of)
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
        self.task_forces.iter().map(|tf| tf.tally(self.as_of)).sum()
    }

    /// Whether any status or figure shown is sample data.
    pub fn has_sample(&self) -> bool {
        self.sample
            || self
                .task_forces
                .iter()
                .any(|t| t.measures.iter().any(|m| m.sample || m.reports.iter().any(|r| r.sample)))
    }

    /// The languages the programme's title is translated into; the widget
    /// offers a language switch when there is more than one.
    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        Lang::ALL.into_iter().filter(|l| self.title.has(*l))
    }

    /// Index of the task force with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.task_forces.iter().position(|t| t.id.as_str() == id)
    }
}

/// The status word shown to readers.
pub fn status_label(status: Status, lang: Lang) -> &'static str {
    let [hans, hant, en] = match status {
        Status::NotStarted => ["未启动", "未啟動", "Not started"],
        Status::OnTrack => ["按序时推进", "按序時推進", "On track"],
        Status::Behind => ["滞后序时", "滯後序時", "Behind schedule"],
        Status::Blocked => ["受阻", "受阻", "Blocked"],
        Status::Completed => ["已完成", "已完成", "Completed"],
        Status::Dropped => ["不再推进", "不再推進", "Not being pursued"],
    };
    match lang {
        Lang::ZhHans => hans,
        Lang::ZhHant => hant,
        Lang::En => en,
    }
}
