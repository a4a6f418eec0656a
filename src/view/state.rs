//! What the reader has chosen (task force, open measures, filter, language)
//! and how that state is written into, and read back from, a URL fragment.
//!
//! Pure data: the widget owns a `State`, the view reads it.

use crate::model::date::Date;
use crate::model::text::Lang;
use crate::model::{Measure, Programme, Status, TaskForce};
use std::collections::HashSet;

/// The prefix of ids and fragments when the element has no `id`.
pub const DEFAULT_PREFIX: &str = "tft";

/// Measures listed at first, and added per "show more": long lists stay
/// fast to render and to switch on a phone.
pub const PAGE: usize = 25;

/// The reader's view of one widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// Interface and text language.
    pub lang: Lang,
    /// Index of the selected task force (the view clamps it).
    pub selected: usize,
    /// Prefix for element ids and URL fragments: the element's id, else `tft`.
    pub id_prefix: String,
    /// Expanded measures, as `taskforce/measure` keys (few: a list is enough).
    pub open: Vec<String>,
    /// Which measures are listed.
    pub filter: Filter,
    /// How many of them are rendered (see [`PAGE`]).
    pub limit: usize,
    /// Render for print: every task force and measure, expanded.
    pub print: bool,
    /// Show the measures on a timeline instead of as a list.
    pub timeline: bool,
    /// The sentence the live region announces.
    pub announcement: String,
    /// Short content hash of the data shown.
    pub version: Option<String>,
    /// Measures (`taskforce/measure` keys) whose status, progress,
    /// milestones or reports changed since the reader's last visit, or that
    /// are new since then; empty on a first visit.
    pub updated: HashSet<String>,
    /// A link that could not be copied, shown to copy by hand: the key of
    /// the copy button it belongs to (`taskforce` or `taskforce/measure`)
    /// and the URL.
    pub copy_field: Option<(String, String)>,
}

impl Default for State {
    fn default() -> State {
        State {
            lang: Lang::ZhHans,
            selected: 0,
            id_prefix: DEFAULT_PREFIX.into(),
            open: Vec::new(),
            filter: Filter::default(),
            limit: PAGE,
            print: false,
            timeline: false,
            announcement: String::new(),
            version: None,
            updated: HashSet::new(),
            copy_field: None,
        }
    }
}

/// A status filter and a text search, over one task force or all of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only measures with this status.
    pub status: Option<Status>,
    /// Only measures whose title or reports contain this text (any case).
    pub query: String,
    /// Search every task force instead of the selected one.
    pub all: bool,
    /// Only measures updated since the reader's last visit.
    pub updated: bool,
    /// Only measures past their deadline and not completed or dropped.
    pub overdue: bool,
}

impl Filter {
    /// Whether the filter hides anything.
    pub fn active(&self) -> bool {
        self.status.is_some() || !self.query.trim().is_empty() || self.updated || self.overdue
    }

    /// Whether `m` passes. Text matching is substring matching on every
    /// language's title and report notes, so Chinese needs no word splitting;
    /// ASCII letters match in any case (Chinese has none; full Unicode case
    /// folding would cost its tables in every download).
    pub fn matches(&self, m: &Measure, as_of: Date) -> bool {
        if self.status.is_some_and(|s| s != m.status) || (self.overdue && !m.is_overdue(as_of)) {
            return false;
        }
        let q = self.query.trim();
        if q.is_empty() {
            return true;
        }
        let hit = |s: &str| contains_ignoring_ascii_case(s, q);
        m.title.strings().any(hit) || m.reports.iter().any(|r| r.note.strings().any(hit))
    }
}

impl State {
    /// Whether measure `m` of task force `tf` is listed under the filter
    /// (`as_of`: the programme's date, for "overdue").
    pub fn shows(&self, tf: &TaskForce, m: &Measure, as_of: Date) -> bool {
        self.filter.matches(m, as_of)
            && (!self.filter.updated || self.updated.contains(&measure_key(tf.id.as_str(), m.id.as_str())))
    }

    /// Selects task force `index` as a reader's switch does: its first
    /// page of measures, the search back to this task force, no link left
    /// to copy by hand.
    pub fn switch_to(&mut self, index: usize) {
        self.copy_field = None;
        self.selected = index;
        self.filter.all = false;
        self.limit = PAGE;
    }

    /// `(matching, total)` measures in the filter's scope.
    pub fn counts(&self, p: &Programme) -> (usize, usize) {
        self.counts_in(p, self.filter.all)
    }

    /// `(matching, total)` measures in every task force (`all`), or in the
    /// selected one.
    pub fn counts_in(&self, p: &Programme, all: bool) -> (usize, usize) {
        let scope =
            if all { &p.task_forces[..] } else { p.task_forces.get(self.selected..=self.selected).unwrap_or_default() };
        let (mut shown, mut total) = (0, 0);
        for tf in scope {
            for m in &tf.measures {
                shown += usize::from(self.shows(tf, m, p.as_of));
            }
            total += tf.measures.len();
        }
        (shown, total)
    }
}

/// Whether `needle` occurs in `haystack`, ASCII letters in any case. Byte
/// matching is exact for UTF-8 (no character's bytes occur inside another's),
/// allocates nothing per keystroke, and brings in no string-search machinery.
pub fn contains_ignoring_ascii_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// The key of a measure in [`State::open`] and in fragments.
pub fn measure_key(task_force: &str, measure: &str) -> String {
    format!("{task_force}/{measure}")
}

/// The element id of a measure's card, which a fragment naming the measure
/// scrolls to.
pub fn measure_id(prefix: &str, task_force: &str, measure: &str) -> String {
    format!("{prefix}-m-{task_force}-{measure}")
}

/// The measure part of a fragment that asks for the timeline (ids never
/// hold `~`): `{prefix}-{task force}/~timeline`.
pub const TIMELINE: &str = "~timeline";

/// The URL fragment (without `#`) for a task force, or one of its measures:
/// `{prefix}-{task force}` or `{prefix}-{task force}/{measure}`.
pub fn fragment(prefix: &str, task_force: &str, measure: Option<&str>) -> String {
    match measure {
        Some(m) => format!("{prefix}-{task_force}/{m}"),
        None => format!("{prefix}-{task_force}"),
    }
}

/// Reads a fragment written by [`fragment`] for this prefix; `None` when it
/// belongs to something else on the page.
pub fn parse_fragment<'a>(prefix: &str, hash: &'a str) -> Option<(&'a str, Option<&'a str>)> {
    let rest = hash.strip_prefix('#').unwrap_or(hash).strip_prefix(prefix)?.strip_prefix('-')?;
    let (tf, m) = match rest.split_once('/') {
        Some((tf, m)) => (tf, Some(m).filter(|m| !m.is_empty())),
        None => (rest, None),
    };
    let slash = |s: &str| s.bytes().any(|b| b == b'/');
    (!tf.is_empty() && !slash(tf) && m.is_none_or(|m| !slash(m))).then_some((tf, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substring_search_folds_ascii_case_only() {
        assert!(contains_ignoring_ascii_case("Four Virtues villages", "FOUR VIRTUES"));
        assert!(contains_ignoring_ascii_case("持续推进农村生活污水治理", "污水"));
        assert!(!contains_ignoring_ascii_case("持续推进农村生活污水治理", "污染"));
        assert!(!contains_ignoring_ascii_case("ab", "abc"));
        assert!(contains_ignoring_ascii_case("", ""));
        assert!(!contains_ignoring_ascii_case("Ä", "ä"), "no Unicode folding");
    }

    #[test]
    fn fragments_round_trip_and_ignore_other_prefixes() {
        assert_eq!(fragment("tft", "ecology", None), "tft-ecology");
        assert_eq!(fragment("tft", "ecology", Some("toilets")), "tft-ecology/toilets");
        assert_eq!(parse_fragment("tft", "#tft-ecology/toilets"), Some(("ecology", Some("toilets"))));
        assert_eq!(parse_fragment("tft", "tft-ecology"), Some(("ecology", None)));
        assert_eq!(parse_fragment("tft", "#tft-ecology/"), Some(("ecology", None)));
        assert_eq!(parse_fragment("a", "#b-ecology"), None);
        assert_eq!(parse_fragment("tft", "#tft"), None);
        assert_eq!(parse_fragment("tft", "#tft-"), None);
        assert_eq!(parse_fragment("tft", "#tft-a/b/c"), None);
        assert_eq!(parse_fragment("my-tracker", "#my-tracker-talent"), Some(("talent", None)));
    }
}
