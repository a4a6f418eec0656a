//! The data format, defined once: the field tables below drive the decoder
//! (which fields exist, which are required, what type each has), the JSON
//! Schema ([`schema`]) and the format reference in the README
//! ([`reference`](fn@reference)), so the three cannot drift apart.

use crate::model::date::Date;
#[cfg(not(target_arch = "wasm32"))]
use crate::model::json::build;
use crate::model::json::{self, Kind, Value};
use crate::model::text::{Lang, Text};
use crate::model::*;

/// The type of a field.
#[derive(Debug, Clone, Copy)]
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
    /// A list of texts, at most this many.
    TextList(usize, usize),
    /// A list of objects, at most this many.
    List(&'static Table, usize),
}

/// One field of an object.
#[derive(Debug)]
pub struct Field {
    /// Name in the JSON file.
    pub name: &'static str,
    /// Its type.
    pub ty: Ty,
    /// Whether the file must have it.
    pub required: bool,
    /// What it means, and its default when absent (the tool's schema and
    /// reference only: not in the wasm).
    #[cfg(not(target_arch = "wasm32"))]
    pub doc: &'static str,
}

/// The fields of one kind of object.
#[derive(Debug)]
pub struct Table {
    /// Name used in the reference and the schema.
    pub name: &'static str,
    /// What the object is (not in the wasm).
    #[cfg(not(target_arch = "wasm32"))]
    pub doc: &'static str,
    /// Its fields, in reference order.
    pub fields: &'static [Field],
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

/// The root object of a data file.
pub static PROGRAMME: Table = Table {
    name: "Programme",
    #[cfg(not(target_arch = "wasm32"))]
    doc: "The root of a data file.",
    fields: &[
        f("$schema", Ty::Str, false, "Ignored; lets editors point at the JSON Schema."),
        f("title", Ty::Text(MAX_TITLE_CHARS), true, "The programme's name."),
        f(
            "asOf",
            Ty::Date,
            true,
            "The date the statuses describe; overdue and schedule progress are computed against it.",
        ),
        f("source", Ty::Object(&SOURCE), false, "Where the programme's structure comes from."),
        f("sample", Ty::Bool, false, "True when statuses and figures are illustrative, not reported. Default false."),
        f(
            "taskForces",
            Ty::List(&TASK_FORCE, MAX_TASK_FORCES),
            true,
            "The task forces, in display order (at least one).",
        ),
    ],
};

/// A cited source.
pub static SOURCE: Table = Table {
    name: "Source",
    #[cfg(not(target_arch = "wasm32"))]
    doc: "A cited article or document.",
    fields: &[
        f("title", Ty::Text(MAX_TITLE_CHARS), true, "Title of the article or document."),
        f("publisher", Ty::Text(MAX_TITLE_CHARS), false, "Who published it."),
        f("url", Ty::Link, false, "Where to read it."),
        f("date", Ty::Date, false, "When it was published."),
    ],
};

/// A task force.
pub static TASK_FORCE: Table = Table {
    name: "TaskForce",
    #[cfg(not(target_arch = "wasm32"))]
    doc: "One task force (专班).",
    fields: &[
        f("id", Ty::Id, true, "Stable id used in links; unique in the programme."),
        f("name", Ty::Text(MAX_TITLE_CHARS), true, "Display name."),
        f("focus", Ty::Text(MAX_TITLE_CHARS), false, "What it must concentrate on (突出…)."),
        f("leader", Ty::Text(MAX_TITLE_CHARS), false, "The leader (专班组长). Absent: shown as not stated."),
        f("members", Ty::TextList(MAX_LIST, MAX_TITLE_CHARS), false, "Member units (成员单位). Default none."),
        f("measures", Ty::List(&MEASURE, MAX_MEASURES_PER_TASK_FORCE), true, "Work measures, in display order."),
    ],
};

/// A work measure.
pub static MEASURE: Table = Table {
    name: "Measure",
    #[cfg(not(target_arch = "wasm32"))]
    doc: "One work measure (工作措施) with its deadline and history.",
    fields: &[
        f("id", Ty::Id, true, "Stable id; unique within its task force."),
        f("title", Ty::Text(MAX_TITLE_CHARS), true, "What is to be done."),
        f("status", Ty::Status, true, "Current status."),
        f("progress", Ty::Percent, false, "Reported progress. Default 100 when completed, else 0."),
        f("start", Ty::Date, false, "When work started (needed for schedule progress)."),
        f("due", Ty::Date, false, "Completion deadline (完成时限)."),
        f("milestones", Ty::List(&MILESTONE, MAX_LIST), false, "Checkpoints (节点). Default none."),
        f("reports", Ty::List(&REPORT, MAX_LIST), false, "Dated status reports, any order. Default none."),
        f("sample", Ty::Bool, false, "True when status and figures are illustrative. Default false."),
    ],
};

/// A milestone.
pub static MILESTONE: Table = Table {
    name: "Milestone",
    #[cfg(not(target_arch = "wasm32"))]
    doc: "A checkpoint on the way to a measure's deadline.",
    fields: &[
        f("title", Ty::Text(MAX_TITLE_CHARS), true, "What is reached."),
        f("due", Ty::Date, true, "When it is due."),
        f("done", Ty::Bool, false, "Whether it has been reached. Default false."),
    ],
};

/// A status report.
pub static REPORT: Table = Table {
    name: "Report",
    #[cfg(not(target_arch = "wasm32"))]
    doc: "A dated status report on a measure.",
    fields: &[
        f("date", Ty::Date, true, "Date of the report."),
        f("status", Ty::Status, false, "Status at that date."),
        f("progress", Ty::Percent, false, "Progress at that date."),
        f("note", Ty::Text(MAX_NOTE_CHARS), true, "What was reported."),
        f("url", Ty::Link, false, "Where it was reported."),
        f("sample", Ty::Bool, false, "True when the report is illustrative. Default false."),
    ],
};

/// Every table, root first.
pub static TABLES: [&Table; 6] = [&PROGRAMME, &SOURCE, &TASK_FORCE, &MEASURE, &MILESTONE, &REPORT];

/// What a value of a type must look like, for messages and the reference.
pub fn expected(ty: Ty) -> String {
    match ty {
        Ty::Text(max) => format!("a non-empty string, or an object of strings keyed by zh-Hans, zh-Hant or en (at most {max} characters each)"),
        Ty::Date => "a real date written YYYY-MM-DD (for example 2020-04-17)".into(),
        Ty::Id => "an id of 1-64 characters a-z, 0-9, '-' or '_', starting with a letter or digit".into(),
        Ty::Link => "an absolute http:// or https:// link".into(),
        Ty::Percent => "a whole number from 0 to 100".into(),
        Ty::Status => {
            let words: Vec<String> = Status::ALL
                .iter()
                .map(|s| format!("{} ({})", s.key(), crate::model::status_label(*s, crate::model::text::Lang::ZhHans)))
                .collect();
            format!("one of {}", words.join(", "))
        }
        Ty::Bool => "true or false".into(),
        Ty::Str => "a string".into(),
        Ty::Object(t) => format!("an object ({})", t.name),
        Ty::TextList(max, _) => format!("a list of at most {max} texts"),
        Ty::List(t, max) => format!("a list of at most {max} {} objects", t.name),
    }
}

/// The decoder's running state: everything found so far. Problems carry
/// byte offsets; [`Decoder::finish`] adds line and column.
#[derive(Debug, Default)]
pub struct Cx {
    /// Problems that make the file invalid.
    pub errors: Vec<Problem>,
    /// Suspicious but valid data.
    pub warnings: Vec<Problem>,
    as_of: Option<Date>,
    measures: usize,
}

impl Cx {
    fn error(&mut self, v: &Value, path: &Path, message: String) {
        self.errors.push(Problem { path: path.render(), message, line: 0, col: 0, at: v.at, context: String::new() });
    }
    fn warn(&mut self, v: &Value, path: &Path, message: String) {
        self.warnings.push(Problem { path: path.render(), message, line: 0, col: 0, at: v.at, context: String::new() });
    }
    fn wrong(&mut self, v: &Value, path: &Path, ty: Ty) {
        let message = format!("expected {}, found {}", expected(ty), v.kind.describe());
        self.error(v, path, message);
    }
}

/// A JSON path (`taskForces[2].measures[0].due`), written out only when a
/// problem is reported: most values have none, and building every path as a
/// string cost more than the rest of decoding.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    /// The top level.
    Root,
    /// A member of an object.
    Key(&'a Path<'a>, &'a str),
    /// An item of an array.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    fn key(&'a self, name: &'a str) -> Path<'a> {
        Path::Key(self, name)
    }
    fn index(&'a self, i: usize) -> Path<'a> {
        Path::Index(self, i)
    }
    /// The path as text; empty for the top level.
    pub fn render(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Key(parent, name) => {
                let mut s = parent.render();
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(name);
                s
            }
            Path::Index(parent, i) => {
                let mut s = parent.render();
                s.push('[');
                s.push_str(&i.to_string());
                s.push(']');
                s
            }
        }
    }
}

/// An object's fields, checked against its table.
struct Fields<'v> {
    members: Vec<(&'static Field, &'v Value)>,
}

impl<'v> Fields<'v> {
    fn get(&self, name: &str) -> Option<&'v Value> {
        self.members.iter().find(|(f, _)| f.name == name).map(|(_, v)| *v)
    }
}

fn fields<'v>(cx: &mut Cx, v: &'v Value, table: &'static Table, path: &Path) -> Option<Fields<'v>> {
    let Kind::Object(members) = &v.kind else {
        cx.wrong(v, path, Ty::Object(table));
        return None;
    };
    let mut out = Fields { members: Vec::new() };
    for (name, value) in members {
        let Some(field) = table.fields.iter().find(|f| f.name == name) else {
            let names = table.fields.iter().map(|f| f.name).filter(|n| !n.starts_with('$'));
            cx.warn(
                value,
                &path.key(name),
                format!("unknown field `{name}` is ignored; expected one of: {}", names.collect::<Vec<_>>().join(", ")),
            );
            continue;
        };
        if out.get(name).is_some() {
            cx.error(value, &path.key(name), format!("`{name}` appears twice"));
            continue;
        }
        if !matches!(value.kind, Kind::Null) {
            out.members.push((field, value));
        }
    }
    for field in table.fields.iter().filter(|f| f.required) {
        if out.get(field.name).is_none() {
            cx.error(v, path, format!("missing field `{}`, expected {}", field.name, expected(field.ty)));
        }
    }
    Some(out)
}

fn string<'v>(cx: &mut Cx, v: &'v Value, path: &Path, ty: Ty) -> Option<&'v str> {
    match &v.kind {
        Kind::Str(s) => Some(s),
        _ => {
            cx.wrong(v, path, ty);
            None
        }
    }
}

fn text(cx: &mut Cx, v: &Value, path: &Path, max: usize) -> Option<Text> {
    let ty = Ty::Text(max);
    let t = match &v.kind {
        Kind::Str(s) if !s.trim().is_empty() => Text::plain(s.as_str()),
        Kind::Object(members) => {
            let mut parts: [Option<String>; 3] = [None, None, None];
            let errors = cx.errors.len();
            for (key, item) in members {
                let Some(i) = Lang::ALL.iter().position(|l| l.tag() == key) else {
                    cx.error(
                        item,
                        &path.key(key),
                        format!("unknown language `{key}`, expected zh-Hans, zh-Hant or en"),
                    );
                    continue;
                };
                parts[i] = string(cx, item, &path.key(key), Ty::Str).map(str::to_string);
            }
            if cx.errors.len() > errors {
                return None;
            }
            Text::from_parts(parts).or_else(|| {
                cx.wrong(v, path, ty);
                None
            })?
        }
        _ => {
            cx.wrong(v, path, ty);
            return None;
        }
    };
    if let Some(len) = t.strings().map(|s| s.chars().count()).find(|n| *n > max) {
        cx.error(v, path, format!("text is {len} characters long, expected at most {max}"));
        return None;
    }
    Some(t)
}

fn date(cx: &mut Cx, v: &Value, path: &Path) -> Option<Date> {
    let d = string(cx, v, path, Ty::Date).and_then(Date::parse);
    if d.is_none() && matches!(v.kind, Kind::Str(_)) {
        cx.wrong(v, path, Ty::Date);
    }
    d
}

fn checked<T>(cx: &mut Cx, v: &Value, path: &Path, ty: Ty, make: fn(&str) -> Option<T>) -> Option<T> {
    let s = string(cx, v, path, ty)?;
    let out = make(s);
    if out.is_none() {
        cx.wrong(v, path, ty);
    }
    out
}

/// A status key or word; a near miss gets "did you mean" (`按时推进` →
/// `按序时推进`).
fn status(cx: &mut Cx, v: &Value, path: &Path) -> Option<Status> {
    let s = string(cx, v, path, Ty::Status)?;
    if let Some(st) = Status::from_word(s.trim()) {
        return Some(st);
    }
    let mut message = format!("expected {}, found {}", expected(Ty::Status), v.kind.describe());
    if let Some(near) = Status::nearest(s.trim()) {
        message.push_str(&format!("; did you mean {near}?"));
    }
    cx.error(v, path, message);
    None
}

/// Which task force and measure `path` is inside, by id and name, read
/// from the document as written (it may be invalid elsewhere).
fn context(root: &Value, path: &str) -> String {
    fn member<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
        match &v.kind {
            Kind::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    fn item(v: Option<&Value>, i: Option<usize>) -> Option<&Value> {
        match &v?.kind {
            Kind::Array(items) => items.get(i?),
            _ => None,
        }
    }
    fn string(v: Option<&Value>) -> Option<&str> {
        match &v?.kind {
            Kind::Str(s) => Some(s),
            Kind::Object(m) => m.iter().find_map(|(_, v)| string(Some(v))),
            _ => None,
        }
    }
    /// `"id" name`, the name cut to 30 characters.
    fn label(v: &Value, key: &str) -> String {
        let id = string(member(v, "id")).map(|s| format!("\"{s}\""));
        let name = string(member(v, key)).map(|t| t.chars().take(30).collect::<String>());
        id.into_iter().chain(name).collect::<Vec<_>>().join(" ")
    }
    let index = |key: &str| -> Option<usize> {
        let at = path.find(&format!("{key}["))? + key.len() + 1;
        path[at..].split(']').next()?.parse().ok()
    };
    let Some(tf) = item(member(root, "taskForces"), index("taskForces")) else { return String::new() };
    let mut out = format!("task force {}", label(tf, "name"));
    if let Some(m) = item(member(tf, "measures"), index("measures")) {
        out.push_str(&format!(", measure {}", label(m, "title")));
    }
    out
}

/// An id; a wrong one is named by its offending character and code point.
fn id(cx: &mut Cx, v: &Value, path: &Path) -> Option<Id> {
    let s = string(cx, v, path, Ty::Id)?;
    match Id::problem(s) {
        None => Id::parse(s),
        Some(why) => {
            cx.error(v, path, format!("expected {}: {why}", expected(Ty::Id)));
            None
        }
    }
}

fn percent(cx: &mut Cx, v: &Value, path: &Path) -> Option<Percent> {
    let p = match v.kind {
        Kind::Int(n) => u8::try_from(n).ok().and_then(Percent::new),
        _ => None,
    };
    if p.is_none() {
        cx.wrong(v, path, Ty::Percent);
    }
    p
}

fn boolean(cx: &mut Cx, v: Option<&Value>, path: &Path) -> bool {
    let Some(v) = v else { return false };
    match v.kind {
        Kind::Bool(b) => b,
        _ => {
            cx.wrong(v, path, Ty::Bool);
            false
        }
    }
}

fn list<'v, T>(
    cx: &mut Cx,
    v: Option<&'v Value>,
    path: &Path,
    ty: Ty,
    max: usize,
    mut item: impl FnMut(&mut Cx, &'v Value, &Path) -> Option<T>,
) -> Vec<T> {
    let Some(items) = v.and_then(|v| list_items(cx, v, path, ty, max)) else { return Vec::new() };
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        if let Some(t) = item(cx, x, &path.index(i)) {
            out.push(t);
        }
    }
    out
}

/// The items of list `v`, when it is an array of at most `max` (else the
/// problem is reported).
fn list_items<'v>(cx: &mut Cx, v: &'v Value, path: &Path, ty: Ty, max: usize) -> Option<&'v [Value]> {
    let Kind::Array(items) = &v.kind else {
        cx.wrong(v, path, ty);
        return None;
    };
    if items.len() > max {
        cx.error(v, path, format!("{} entries, expected at most {max}", items.len()));
        return None;
    }
    Some(items)
}

/// A list decoded a slice at a time (task forces, measures): where member
/// `list` sits in object `v`, so that later steps find it again, and
/// whether its items are to be decoded.
fn sliced(
    cx: &mut Cx,
    v: &Value,
    list: Option<&Value>,
    path: &Path,
    table: &'static Table,
    max: usize,
) -> (Option<usize>, bool) {
    let (Some(list), Kind::Object(members)) = (list, &v.kind) else { return (None, false) };
    let at = members.iter().position(|(_, m)| core::ptr::eq(m, list));
    (at, list_items(cx, list, path, Ty::List(table, max), max).is_some())
}

/// Optional field helper: decodes `name` when present.
macro_rules! opt {
    ($cx:expr, $fields:expr, $path:expr, $name:literal, $decode:expr) => {
        $fields.get($name).and_then(|v| $decode($cx, v, &$path.key($name)))
    };
}

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

const ROOT: Path<'static> = Path::Root;
const TASK_FORCES: Path<'static> = Path::Key(&ROOT, "taskForces");

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
        let Kind::Object(members) = &mut self.root.kind else { return true };
        let Kind::Array(items) = &mut members[list].1.kind else { return true };
        let mut from = None;
        while let Some(item) = items.get_mut(self.next) {
            let path = TASK_FORCES.index(self.next);
            let cx = &mut self.cx;
            let partial = self.partial.get_or_insert_with(|| task_force_head(cx, item, &path));
            if let (true, Some(Value { kind: Kind::Array(ms), .. })) = (partial.items, measures_of(item, partial)) {
                let m_path = path.key("measures");
                while let Some(m) = ms.get(partial.next) {
                    match from {
                        Some(f) if m.at.saturating_sub(f) > budget => return false,
                        Some(_) => {}
                        None => from = Some(m.at),
                    }
                    if let Some(m) = measure(cx, m, &m_path.index(partial.next)) {
                        partial.measures.push(m);
                    }
                    partial.next += 1;
                }
            }
            let partial = self.partial.take().unwrap_or_default();
            if let Some(tf) = task_force_tail(cx, item, &path, partial) {
                self.task_forces.push(tf);
            }
            // Only the id is read again (for duplicates): free the rest now.
            if let Kind::Object(fields) = &mut item.kind {
                fields.retain(|(k, _)| k == "id");
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
            (Kind::Object(members), Some(i)) => Some(&members[i].1),
            _ => None,
        };
        if let Some(tv) = list {
            if matches!(&tv.kind, Kind::Array(a) if a.is_empty()) {
                cx.error(tv, &TASK_FORCES, "empty list, expected at least one task force".into());
            }
            if cx.measures > MAX_MEASURES {
                let n = cx.measures;
                cx.error(tv, &TASK_FORCES, format!("{n} measures in all, expected at most {}", MAX_MEASURES));
            }
            unique_ids(cx, tv, &TASK_FORCES, "among task forces");
        }
        let mut cx = self.cx;
        // One read of the text for all of them, in file order.
        if let Some(text) = text {
            let refused = !cx.errors.is_empty();
            let mut located: Vec<&mut Problem> = Vec::new();
            for list in [&mut cx.errors, &mut cx.warnings] {
                located.extend(list.iter_mut().take(LOCATED_PROBLEMS));
            }
            located.sort_by_key(|p| p.at);
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
    let as_of = opt!(cx, fs, ROOT, "asOf", date);
    cx.as_of = as_of;
    let title = opt!(cx, fs, ROOT, "title", |cx, v, p: &Path| text(cx, v, p, MAX_TITLE_CHARS));
    let source = opt!(cx, fs, ROOT, "source", source);
    let sample = boolean(cx, fs.get("sample"), &ROOT.key("sample"));
    if let Some(s) = fs.get("$schema") {
        string(cx, s, &ROOT.key("$schema"), Ty::Str);
    }
    let (list, items) = sliced(cx, v, fs.get("taskForces"), &TASK_FORCES, &TASK_FORCE, MAX_TASK_FORCES);
    Head { title, as_of, source, sample, list, items }
}

fn source(cx: &mut Cx, v: &Value, path: &Path) -> Option<Source> {
    let fs = fields(cx, v, &SOURCE, path)?;
    let title = opt!(cx, fs, path, "title", |cx, v, p: &Path| text(cx, v, p, MAX_TITLE_CHARS));
    let publisher = opt!(cx, fs, path, "publisher", |cx, v, p: &Path| text(cx, v, p, MAX_TITLE_CHARS));
    let url = opt!(cx, fs, path, "url", |cx, v, p: &Path| checked(cx, v, p, Ty::Link, Link::parse));
    let date = opt!(cx, fs, path, "date", date);
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

fn task_force_head(cx: &mut Cx, v: &Value, path: &Path) -> Partial {
    let Some(fs) = fields(cx, v, &TASK_FORCE, path) else { return Partial::default() };
    let id = opt!(cx, fs, path, "id", id);
    let name = opt!(cx, fs, path, "name", |cx, v, p: &Path| text(cx, v, p, MAX_TITLE_CHARS));
    let focus = opt!(cx, fs, path, "focus", |cx, v, p: &Path| text(cx, v, p, MAX_TITLE_CHARS));
    let leader = opt!(cx, fs, path, "leader", |cx, v, p: &Path| text(cx, v, p, MAX_TITLE_CHARS));
    let members = list(
        cx,
        fs.get("members"),
        &path.key("members"),
        Ty::TextList(MAX_LIST, MAX_TITLE_CHARS),
        MAX_LIST,
        |cx, v, p| text(cx, v, p, MAX_TITLE_CHARS),
    );
    let (list, items) = sliced(cx, v, fs.get("measures"), &path.key("measures"), &MEASURE, MAX_MEASURES_PER_TASK_FORCE);
    Partial { head: Some((id, name, focus, leader, members)), list, items, ..Partial::default() }
}

/// The task force's `measures` value, once its head is decoded.
fn measures_of<'v>(v: &'v Value, partial: &Partial) -> Option<&'v Value> {
    match (&v.kind, partial.list) {
        (Kind::Object(all), Some(i)) => Some(&all[i].1),
        _ => None,
    }
}

/// Checks across a task force's measures, then the task force itself.
fn task_force_tail(cx: &mut Cx, v: &Value, path: &Path, mut partial: Partial) -> Option<TaskForce> {
    cx.measures += partial.measures.len();
    if let Some(mv) = measures_of(v, &partial) {
        let m_path = path.key("measures");
        unique_ids(cx, mv, &m_path, "within a task force");
        let mut titles = rustc_hash::FxHashSet::<String>::default();
        for (j, item) in array_items(mv).iter().enumerate() {
            let Some(title) = member(item, "title") else {
                continue;
            };
            let shown = match &title.kind {
                Kind::Str(s) => s.clone(),
                Kind::Object(m) => m
                    .iter()
                    .find_map(|(_, v)| match &v.kind {
                        Kind::Str(s) => Some(s.clone()),
                        _ => None,
                    })
                    .unwrap_or_default(),
                _ => continue,
            };
            if !titles.insert(title_key(title)) {
                let message = format!("the title \"{shown}\" appears more than once in this task force");
                cx.warn(item, &m_path.index(j).key("title"), message);
            }
        }
    }
    for m in &mut partial.measures {
        // Newest first; same-day reports keep file order.
        m.reports.sort_by_key(|r| core::cmp::Reverse(r.date));
    }
    let (id, name, focus, leader, members) = partial.head?;
    Some(TaskForce { id: id?, name: name?, focus, leader, members, measures: partial.measures })
}

/// A title as a set key: two titles get the same key when they have the
/// same strings under the same language keys (in the same order).
fn title_key(title: &Value) -> String {
    let mut key = String::new();
    match &title.kind {
        Kind::Str(s) => {
            key.push('s');
            key.push_str(s);
        }
        Kind::Object(members) => {
            key.push('o');
            for (lang, v) in members {
                if let Kind::Str(s) = &v.kind {
                    key.push_str(&format!("{lang}\0{s}\0"));
                }
            }
        }
        _ => {}
    }
    key
}

fn array_items(v: &Value) -> &[Value] {
    match &v.kind {
        Kind::Array(items) => items,
        _ => &[],
    }
}

fn member<'v>(v: &'v Value, name: &str) -> Option<&'v Value> {
    match &v.kind {
        Kind::Object(m) => m.iter().find(|(k, _)| k == name).map(|(_, v)| v),
        _ => None,
    }
}

/// Reports repeated `id`s among the objects of a list, read from the file
/// itself so that an item with other problems is still counted.
fn unique_ids(cx: &mut Cx, list: &Value, path: &Path, scope: &str) {
    let mut seen = rustc_hash::FxHashSet::<&str>::default();
    for (i, item) in array_items(list).iter().enumerate() {
        if let Some(id @ Value { kind: Kind::Str(s), .. }) = member(item, "id") {
            if !seen.insert(s.as_str()) {
                let message = format!("duplicate id \"{s}\", expected ids unique {scope}");
                cx.error(id, &path.index(i).key("id"), message);
            }
        }
    }
}

fn measure(cx: &mut Cx, v: &Value, path: &Path) -> Option<Measure> {
    let fs = fields(cx, v, &MEASURE, path)?;
    let id = opt!(cx, fs, path, "id", id);
    let title = opt!(cx, fs, path, "title", |cx, v, p: &Path| text(cx, v, p, MAX_TITLE_CHARS));
    let status = opt!(cx, fs, path, "status", status);
    let progress = opt!(cx, fs, path, "progress", percent);
    let start = opt!(cx, fs, path, "start", date);
    let due = opt!(cx, fs, path, "due", date);
    let milestones =
        list(cx, fs.get("milestones"), &path.key("milestones"), Ty::List(&MILESTONE, MAX_LIST), MAX_LIST, milestone);
    let reports = list(cx, fs.get("reports"), &path.key("reports"), Ty::List(&REPORT, MAX_LIST), MAX_LIST, report);
    let sample = boolean(cx, fs.get("sample"), &path.key("sample"));
    let m = Measure { id: id?, title: title?, status: status?, progress, start, due, milestones, reports, sample };
    if m.status == Status::Completed && m.progress.is_some_and(|p| p.get() < 100) {
        cx.warn(v, &path.key("progress"), format!("completed, but progress is {}%", m.progress().min(100)));
    }
    if let (Some(s), Some(d)) = (m.start, m.due) {
        if d < s {
            cx.warn(v, &path.key("due"), format!("due {d} is before the start {s}"));
        }
    }
    Some(m)
}

fn milestone(cx: &mut Cx, v: &Value, path: &Path) -> Option<Milestone> {
    let fs = fields(cx, v, &MILESTONE, path)?;
    let title = opt!(cx, fs, path, "title", |cx, v, p: &Path| text(cx, v, p, MAX_TITLE_CHARS));
    let due = opt!(cx, fs, path, "due", date);
    let done = boolean(cx, fs.get("done"), &path.key("done"));
    Some(Milestone { title: title?, due: due?, done })
}

fn report(cx: &mut Cx, v: &Value, path: &Path) -> Option<Report> {
    let fs = fields(cx, v, &REPORT, path)?;
    let date = opt!(cx, fs, path, "date", date);
    let status = opt!(cx, fs, path, "status", status);
    let progress = opt!(cx, fs, path, "progress", percent);
    let note = opt!(cx, fs, path, "note", |cx, v, p: &Path| text(cx, v, p, MAX_NOTE_CHARS));
    let url = opt!(cx, fs, path, "url", |cx, v, p: &Path| checked(cx, v, p, Ty::Link, Link::parse));
    let sample = boolean(cx, fs.get("sample"), &path.key("sample"));
    if let (Some(d), Some(as_of)) = (date, cx.as_of) {
        if d > as_of {
            cx.warn(v, &path.key("date"), format!("report dated {d}, after the as-of date {as_of}"));
        }
    }
    Some(Report { date: date?, status, progress, note: note?, url, sample })
}

/// The JSON Schema (draft 2020-12) of the data format, from the tables.
#[cfg(not(target_arch = "wasm32"))]
pub fn schema() -> Value {
    let defs: Vec<(&str, Value)> = TABLES.iter().skip(1).map(|t| (t.name, object_schema(t))).collect();
    let mut root = object_schema(&PROGRAMME);
    if let Kind::Object(members) = &mut root.kind {
        members.insert(0, ("$schema".into(), build::s("https://json-schema.org/draft/2020-12/schema")));
        members.insert(1, ("$id".into(), build::s("https://task-force-tracker.invalid/programme.schema.json")));
        members.push(("$defs".into(), build::obj(defs)));
    }
    root
}

#[cfg(not(target_arch = "wasm32"))]
fn object_schema(t: &Table) -> Value {
    let props = t.fields.iter().map(|f| (f.name, type_schema(f.ty, f.doc))).collect();
    let required = t.fields.iter().filter(|f| f.required).map(|f| build::s(f.name)).collect();
    build::obj(vec![
        ("title", build::s(t.name)),
        ("description", build::s(t.doc)),
        ("type", build::s("object")),
        ("properties", build::obj(props)),
        ("required", build::arr(required)),
    ])
}

#[cfg(not(target_arch = "wasm32"))]
fn type_schema(ty: Ty, doc: &str) -> Value {
    let d = ("description", build::s(doc));
    let string_max = |max: usize| {
        build::obj(vec![
            ("type", build::s("string")),
            ("minLength", build::int(1)),
            ("maxLength", build::int(max as i64)),
        ])
    };
    match ty {
        Ty::Text(max) => build::obj(vec![
            d,
            (
                "anyOf",
                build::arr(vec![
                    string_max(max),
                    build::obj(vec![
                        ("type", build::s("object")),
                        ("properties", build::obj(Lang::ALL.iter().map(|l| (l.tag(), string_max(max))).collect())),
                        ("additionalProperties", build::bool(false)),
                        ("minProperties", build::int(1)),
                    ]),
                ]),
            ),
        ]),
        Ty::Date => build::obj(vec![
            d,
            ("type", build::s("string")),
            ("pattern", build::s("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
            ("format", build::s("date")),
        ]),
        Ty::Id => {
            build::obj(vec![d, ("type", build::s("string")), ("pattern", build::s("^[a-z0-9][a-z0-9_-]{0,63}$"))])
        }
        Ty::Link => build::obj(vec![
            d,
            ("type", build::s("string")),
            ("pattern", build::s("^[Hh][Tt][Tt][Pp][Ss]?://[^\\s\\\\]+$")),
            ("maxLength", build::int(2000)),
        ]),
        Ty::Percent => {
            build::obj(vec![d, ("type", build::s("integer")), ("minimum", build::int(0)), ("maximum", build::int(100))])
        }
        Ty::Status => {
            let words = Status::ALL.iter().flat_map(|s| {
                core::iter::once(s.key())
                    .chain(Lang::ALL.iter().map(|l| super::status_label(*s, *l)).filter(|w| !w.is_ascii()))
            });
            let mut seen = Vec::new();
            for w in words {
                if !seen.contains(&w) {
                    seen.push(w);
                }
            }
            build::obj(vec![d, ("enum", build::arr(seen.into_iter().map(build::s).collect()))])
        }
        Ty::Bool => build::obj(vec![d, ("type", build::s("boolean"))]),
        Ty::Str => build::obj(vec![d, ("type", build::s("string"))]),
        Ty::Object(t) => build::obj(vec![d, ("$ref", build::s(format!("#/$defs/{}", t.name)))]),
        Ty::TextList(max, chars) => build::obj(vec![
            d,
            ("type", build::s("array")),
            ("maxItems", build::int(max as i64)),
            ("items", type_schema(Ty::Text(chars), "A member unit.")),
        ]),
        Ty::List(t, max) => build::obj(vec![
            d,
            ("type", build::s("array")),
            ("maxItems", build::int(max as i64)),
            ("items", build::obj(vec![("$ref", build::s(format!("#/$defs/{}", t.name)))])),
        ]),
    }
}

/// The format reference (Markdown tables), as kept in the README.
#[cfg(not(target_arch = "wasm32"))]
pub fn reference() -> String {
    let mut out = String::new();
    for t in TABLES {
        out.push_str(&format!(
            "**{}**: {}\n\n| field | type | required | meaning |\n|---|---|---|---|\n",
            t.name, t.doc
        ));
        for fl in t.fields {
            out.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                fl.name,
                expected(fl.ty),
                if fl.required { "yes" } else { "no" },
                fl.doc
            ));
        }
        out.push('\n');
    }
    out
}
