//! The decoder: a parsed document checked against the field declarations
//! of `tables.rs` and turned into a [`Programme`], collecting every problem
//! as data ([`Problem`]) with its path. Each field is read through its own
//! declaration ([`Fields::read`]), so its type and limit are the declared
//! ones; nothing here repeats a field's name or limit.
//!
//! A large file is decoded a slice of measures at a time ([`Decoder::step`])
//! so that the browser can paint in between.

use super::tables::{measure, milestone, programme, report, source, task_force, Field, Ty};
use super::tables::{MEASURE, MILESTONE, PROGRAMME, REPORT, SOURCE, TASK_FORCE};
use super::values::{fields, sliced, At, Cx, Decode};
use crate::model::date::Date;
use crate::model::json::{self, Kind as Json, Value};
use crate::model::order;
use crate::model::problem::{Context, Kind, Named, Path, Problem, Scope, LOCATED_PROBLEMS};
use crate::model::text::Text;
use crate::model::{Id, Measure, Milestone, Programme, Report, Source, Status, TaskForce, MAX_MEASURES};

/// Decodes a parsed file in slices of whole task forces, so that a large
/// file does not hold the browser's main thread for long.
#[derive(Debug)]
pub struct Decoder {
    root: Value,
    cx: Cx,
    head: Option<Head>,
    task_forces: Vec<TaskForce>,
    next: usize,
    partial: Option<Partial>,
}

#[derive(Debug)]
struct Head {
    title: Option<Text>,
    as_of: Option<Date>,
    source: Option<Source>,
    sample: bool,
    /// Where `taskForces` is among the root's members.
    list: Option<usize>,
    /// Whether it is a list whose items are to be decoded.
    items: bool,
}

const ROOT: At<'static> = At::Root;
const TASK_FORCES: At<'static> = At::Field(&ROOT, &programme::TASK_FORCES);

impl Decoder {
    /// Starts decoding the document `root`.
    pub fn new(root: Value) -> Decoder {
        Decoder { root, cx: Cx::default(), head: None, task_forces: Vec::new(), next: 0, partial: None }
    }

    /// Decodes measures until about `budget` bytes of the file are covered
    /// (at least one); returns whether everything is decoded.
    pub fn step(&mut self, budget: usize) -> bool {
        let head = match &self.head {
            Some(head) => head,
            None => self.head.insert(head(&mut self.cx, &self.root)),
        };
        let (Some(list), true) = (head.list, head.items) else { return true };
        let Json::Object(members) = &mut self.root.kind else { return true };
        let Json::Array(items) = &mut members[list].1.kind else { return true };
        let mut from = None;
        while let Some(item) = items.get_mut(self.next) {
            let at = TASK_FORCES.index(self.next);
            let cx = &mut self.cx;
            let partial = self.partial.get_or_insert_with(|| task_force_head(cx, item, &at));
            if let (true, Some(Value { kind: Json::Array(ms), .. })) = (partial.items, measures_of(item, partial)) {
                let m_at = at.field(&task_force::MEASURES);
                while let Some(m) = ms.get(partial.next) {
                    match from {
                        Some(f) if m.at.saturating_sub(f) > budget => return false,
                        Some(_) => {}
                        None => from = Some(m.at),
                    }
                    if let Some(m) = measure(cx, m, &m_at.index(partial.next)) {
                        partial.measures.push(m);
                    }
                    partial.next += 1;
                }
            }
            let partial = self.partial.take().unwrap_or_default();
            if let Some(tf) = task_force_tail(cx, item, &at, partial) {
                self.task_forces.push(tf);
            }
            // Only the id is read again (for duplicates): free the rest now.
            if let Json::Object(fields) = &mut item.kind {
                fields.retain(|(k, _)| k == task_force::ID.name);
            }
            self.next += 1;
        }
        true
    }

    /// The programme, or every problem; warnings either way. `text` is the
    /// source, for line and column.
    pub fn finish(mut self, text: Option<&str>) -> (Option<Programme>, Vec<Problem>, Vec<Problem>) {
        while !self.step(usize::MAX) {}
        let cx = &mut self.cx;
        let head = self.head.take().expect("step decodes the head first");
        let list = match (&self.root.kind, head.list) {
            (Json::Object(members), Some(i)) => Some(&members[i].1),
            _ => None,
        };
        if let Some(tv) = list {
            if matches!(&tv.kind, Json::Array(a) if a.is_empty()) {
                cx.error(tv, &TASK_FORCES, Kind::NoTaskForces);
            }
            if cx.measures > MAX_MEASURES {
                cx.error(tv, &TASK_FORCES, Kind::TooManyMeasures { count: cx.measures, max: MAX_MEASURES });
            }
            unique_ids(cx, tv, &TASK_FORCES, Scope::TaskForces);
        }
        let mut cx = self.cx;
        // One read of the text for all of them, in file order.
        if let Some(text) = text {
            let refused = !cx.errors.is_empty();
            let mut located: Vec<&mut Problem> = Vec::new();
            for list in [&mut cx.errors, &mut cx.warnings] {
                located.extend(list.iter_mut().take(LOCATED_PROBLEMS));
            }
            order::sort_by_key(&mut located, |p| p.at as u64);
            let mut lines = json::Lines::new(text);
            // The decoder has taken the document apart; a second read of it
            // names where each problem is. Only when the file is refused: a
            // valid file with warnings (a large one has many) is not read
            // twice, which would be a long task in the browser.
            let doc = if refused { json::parse(text).ok() } else { None };
            for p in located {
                (p.line, p.col) = lines.at(p.at);
                if let Some(doc) = &doc {
                    p.context = context(doc, &p.path);
                }
            }
        }
        let programme = match head {
            Head { title: Some(title), as_of: Some(as_of), source, sample, .. } if cx.errors.is_empty() => {
                Some(Programme { title, as_of, source, sample, task_forces: self.task_forces })
            }
            _ => None,
        };
        (programme, cx.errors, cx.warnings)
    }
}

/// Decodes the root object but for its task forces' contents.
fn head(cx: &mut Cx, v: &Value) -> Head {
    let Some(fs) = fields(cx, v, &PROGRAMME, &ROOT) else {
        return Head { title: None, as_of: None, source: None, sample: false, list: None, items: false };
    };
    let as_of = fs.read(cx, &ROOT, &programme::AS_OF);
    cx.as_of = as_of;
    let title = fs.read(cx, &ROOT, &programme::TITLE);
    let source = fs.get(&programme::SOURCE).and_then(|s| self::source(cx, s, &ROOT.field(&programme::SOURCE)));
    let sample = fs.flag(cx, &ROOT, &programme::SAMPLE);
    fs.read::<()>(cx, &ROOT, &programme::SCHEMA);
    let (list, items) = sliced(cx, v, &fs, &ROOT, &programme::TASK_FORCES);
    Head { title, as_of, source, sample, list, items }
}

fn source(cx: &mut Cx, v: &Value, at: &At) -> Option<Source> {
    let fs = fields(cx, v, &SOURCE, at)?;
    let title = fs.read(cx, at, &source::TITLE);
    let publisher = fs.read(cx, at, &source::PUBLISHER);
    let url = fs.read(cx, at, &source::URL);
    let date = fs.read(cx, at, &source::DATE);
    Some(Source { title: title?, publisher, url, date })
}

/// A task force's own fields: id, name, focus, leader, members.
type TaskForceHead = (Option<Id>, Option<Text>, Option<Text>, Option<Text>, Vec<Text>);

/// A task force being decoded: its own fields, then its measures a slice
/// at a time.
#[derive(Debug, Default)]
struct Partial {
    /// `None` when the task force is not an object.
    head: Option<TaskForceHead>,
    /// Where `measures` is among its members.
    list: Option<usize>,
    /// Whether that is a list whose items are to be decoded.
    items: bool,
    measures: Vec<Measure>,
    next: usize,
}

fn task_force_head(cx: &mut Cx, v: &Value, at: &At) -> Partial {
    let Some(fs) = fields(cx, v, &TASK_FORCE, at) else { return Partial::default() };
    let id = fs.read(cx, at, &task_force::ID);
    let name = fs.read(cx, at, &task_force::NAME);
    let focus = fs.read(cx, at, &task_force::FOCUS);
    let leader = fs.read(cx, at, &task_force::LEADER);
    let members = fs.list(cx, at, &task_force::MEMBERS, |cx, v, at| {
        let Ty::TextList(_, chars) = task_force::MEMBERS.ty else { unreachable!("members are a text list") };
        Text::decode(cx, v, at, Ty::Text(chars))
    });
    let (list, items) = sliced(cx, v, &fs, at, &task_force::MEASURES);
    Partial { head: Some((id, name, focus, leader, members)), list, items, ..Partial::default() }
}

/// The task force's `measures` value, once its head is decoded.
fn measures_of<'v>(v: &'v Value, partial: &Partial) -> Option<&'v Value> {
    match (&v.kind, partial.list) {
        (Json::Object(all), Some(i)) => Some(&all[i].1),
        _ => None,
    }
}

/// Checks across a task force's measures, then the task force itself.
fn task_force_tail(cx: &mut Cx, v: &Value, at: &At, mut partial: Partial) -> Option<TaskForce> {
    cx.measures += partial.measures.len();
    if let Some(mv) = measures_of(v, &partial) {
        let m_at = at.field(&task_force::MEASURES);
        unique_ids(cx, mv, &m_at, Scope::Measures);
        let mut titles = rustc_hash::FxHashSet::<String>::default();
        for (j, item) in array_items(mv).iter().enumerate() {
            let Some(title) = member(item, &measure::TITLE) else { continue };
            let shown = match &title.kind {
                Json::Str(s) => s.clone(),
                Json::Object(m) => m
                    .iter()
                    .find_map(|(_, v)| match &v.kind {
                        Json::Str(s) => Some(s.clone()),
                        _ => None,
                    })
                    .unwrap_or_default(),
                _ => continue,
            };
            if !titles.insert(title_key(title)) {
                let item_at = m_at.index(j);
                cx.warn(item, &item_at.field(&measure::TITLE), Kind::RepeatedTitle { title: shown });
            }
        }
    }
    for m in &mut partial.measures {
        // Newest first; same-day reports keep file order.
        order::sort_by_key(&mut m.reports, |r| u64::MAX - r.date.key());
    }
    let (id, name, focus, leader, members) = partial.head?;
    Some(TaskForce { id: id?, name: name?, focus, leader, members, measures: partial.measures })
}

/// A title as a set key: two titles get the same key when they have the
/// same strings under the same language keys (in the same order).
fn title_key(title: &Value) -> String {
    let mut key = String::new();
    match &title.kind {
        Json::Str(s) => {
            key.push('s');
            key.push_str(s);
        }
        Json::Object(members) => {
            key.push('o');
            for (lang, v) in members {
                if let Json::Str(s) = &v.kind {
                    key.push_str(lang);
                    key.push('\0');
                    key.push_str(s);
                    key.push('\0');
                }
            }
        }
        _ => {}
    }
    key
}

fn array_items(v: &Value) -> &[Value] {
    match &v.kind {
        Json::Array(items) => items,
        _ => &[],
    }
}

/// Member `field` of object `v`, as written (the file may be invalid).
fn member<'v>(v: &'v Value, field: &Field) -> Option<&'v Value> {
    match &v.kind {
        Json::Object(m) => m.iter().find(|(k, _)| k == field.name).map(|(_, v)| v),
        _ => None,
    }
}

/// Reports repeated `id`s among the objects of a list, read from the file
/// itself so that an item with other problems is still counted, each with
/// where the id was first used.
fn unique_ids(cx: &mut Cx, list: &Value, at: &At, scope: Scope) {
    let id_field = match scope {
        Scope::TaskForces => &task_force::ID,
        Scope::Measures => &measure::ID,
    };
    let mut seen = rustc_hash::FxHashMap::<&str, usize>::default();
    for (i, item) in array_items(list).iter().enumerate() {
        if let Some(id @ Value { kind: Json::Str(s), .. }) = member(item, id_field) {
            if let Some(first) = seen.get(s.as_str()) {
                let first = at.index(*first);
                let first = first.field(id_field).path();
                let item_at = at.index(i);
                cx.error(id, &item_at.field(id_field), Kind::DuplicateId { id: s.clone(), scope, first });
            } else {
                seen.insert(s, i);
            }
        }
    }
}

fn measure(cx: &mut Cx, v: &Value, at: &At) -> Option<Measure> {
    let fs = fields(cx, v, &MEASURE, at)?;
    let id = fs.read(cx, at, &measure::ID);
    let title = fs.read(cx, at, &measure::TITLE);
    let status = fs.read(cx, at, &measure::STATUS);
    let progress = fs.read(cx, at, &measure::PROGRESS);
    let start = fs.read(cx, at, &measure::START);
    let due = fs.read(cx, at, &measure::DUE);
    let milestones = fs.list(cx, at, &measure::MILESTONES, milestone);
    let reports = fs.list(cx, at, &measure::REPORTS, report);
    let sample = fs.flag(cx, at, &measure::SAMPLE);
    let m = Measure { id: id?, title: title?, status: status?, progress, start, due, milestones, reports, sample };
    if m.status == Status::Completed && m.progress.is_some_and(|p| p.get() < 100) {
        cx.warn(v, &at.field(&measure::PROGRESS), Kind::CompletedBelowFull { progress: m.progress() });
    }
    if let (Some(start), Some(due)) = (m.start, m.due) {
        if due < start {
            cx.warn(v, &at.field(&measure::DUE), Kind::DueBeforeStart { due, start });
        }
    }
    Some(m)
}

fn milestone(cx: &mut Cx, v: &Value, at: &At) -> Option<Milestone> {
    let fs = fields(cx, v, &MILESTONE, at)?;
    let title = fs.read(cx, at, &milestone::TITLE);
    let due = fs.read(cx, at, &milestone::DUE);
    let done = fs.flag(cx, at, &milestone::DONE);
    Some(Milestone { title: title?, due: due?, done })
}

fn report(cx: &mut Cx, v: &Value, at: &At) -> Option<Report> {
    let fs = fields(cx, v, &REPORT, at)?;
    let date: Option<Date> = fs.read(cx, at, &report::DATE);
    let status = fs.read(cx, at, &report::STATUS);
    let progress = fs.read(cx, at, &report::PROGRESS);
    let note = fs.read(cx, at, &report::NOTE);
    let url = fs.read(cx, at, &report::URL);
    let sample = fs.flag(cx, at, &report::SAMPLE);
    if let (Some(date), Some(as_of)) = (date, cx.as_of) {
        if date > as_of {
            cx.warn(v, &at.field(&report::DATE), Kind::ReportAfterAsOf { date, as_of });
        }
    }
    Some(Report { date: date?, status, progress, note: note?, url, sample })
}

/// Which task force and measure `path` is inside, by id and name, read
/// from the document as written (it may be invalid elsewhere).
fn context(root: &Value, path: &Path) -> Option<Context> {
    fn item(v: Option<&Value>, i: Option<usize>) -> Option<&Value> {
        match &v?.kind {
            Json::Array(items) => items.get(i?),
            _ => None,
        }
    }
    fn string(v: Option<&Value>) -> Option<&str> {
        match &v?.kind {
            Json::Str(s) => Some(s),
            Json::Object(m) => m.iter().find_map(|(_, v)| string(Some(v))),
            _ => None,
        }
    }
    fn named(v: &Value, id: &Field, name: &Field) -> Named {
        Named {
            id: string(member(v, id)).map(String::from),
            name: string(member(v, name)).map(|t| t.chars().take(Named::SHOWN).collect()),
        }
    }
    let tf = item(member(root, &programme::TASK_FORCES), path.index_in(&programme::TASK_FORCES))?;
    let m = item(member(tf, &task_force::MEASURES), path.index_in(&task_force::MEASURES));
    Some(Context {
        task_force: named(tf, &task_force::ID, &task_force::NAME),
        measure: m.map(|m| named(m, &measure::ID, &measure::TITLE)),
    })
}
