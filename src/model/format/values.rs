//! Reading one value by its field's declaration: the decoder's running
//! state (problems found so far), where it is in the document, an object's
//! members checked against its table, and each type's reading with the
//! declared limits ([`Decode`]). `decode.rs` puts objects together from
//! these.

use super::tables::{Field, Table, Ty};
use crate::model::date::Date;
use crate::model::json::{Kind as Json, Value};
use crate::model::problem::{Found, Kind, Path, Problem, Seg};
use crate::model::text::{Lang, Text};
use crate::model::{Id, Link, Percent, Status};

/// The decoder's running state: everything found so far. Problems carry
/// byte offsets; [`Decoder::finish`] adds line and column.
#[derive(Debug, Default)]
pub(super) struct Cx {
    /// Problems that make the file invalid.
    pub(super) errors: Vec<Problem>,
    /// Suspicious but valid data.
    pub(super) warnings: Vec<Problem>,
    pub(super) as_of: Option<Date>,
    pub(super) measures: usize,
}

impl Cx {
    pub(super) fn error(&mut self, v: &Value, at: &At, kind: Kind) {
        self.errors.push(Problem::new(kind, at.path(), v.at));
    }
    pub(super) fn warn(&mut self, v: &Value, at: &At, kind: Kind) {
        self.warnings.push(Problem::new(kind, at.path(), v.at));
    }
    pub(super) fn wrong(&mut self, v: &Value, at: &At, expected: Ty) {
        self.error(v, at, Kind::WrongType { expected, found: found(v) });
    }
}

/// What a value is, for a problem's words.
pub(super) fn found(v: &Value) -> Found {
    match &v.kind {
        Json::Null => Found::Null,
        Json::Bool(b) => Found::Bool(*b),
        Json::Int(n) => Found::Number(n.to_string()),
        Json::Number(n) => Found::Number(n.clone()),
        Json::Str(s) => Found::string(s),
        Json::Array(items) => Found::Array(items.len()),
        Json::Object(_) => Found::Object,
    }
}

/// Where the decoder is, as a chain of borrowed steps: written out as a
/// [`Path`] only when a problem is reported (most values have none, and
/// building every path cost more than the rest of decoding).
#[derive(Debug, Clone, Copy)]
pub(super) enum At<'a> {
    Root,
    Field(&'a At<'a>, &'static Field),
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    pub(super) fn field(&'a self, f: &'static Field) -> At<'a> {
        At::Field(self, f)
    }
    pub(super) fn key(&'a self, k: &'a str) -> At<'a> {
        At::Key(self, k)
    }
    pub(super) fn index(&'a self, i: usize) -> At<'a> {
        At::Index(self, i)
    }
    pub(super) fn path(&self) -> Path {
        let (parent, seg) = match *self {
            At::Root => return Path::root(),
            At::Field(p, f) => (p, Seg::Field(f)),
            At::Key(p, k) => (p, Seg::Key(k.to_string())),
            At::Index(p, i) => (p, Seg::Index(i)),
        };
        parent.path().then(seg)
    }
}

/// An object's members, checked against its table.
pub(super) struct Fields<'v> {
    members: Vec<(&'static Field, &'v Value)>,
}

impl<'v> Fields<'v> {
    /// The value of `field`, unless absent or `null`.
    pub(super) fn get(&self, field: &Field) -> Option<&'v Value> {
        self.members.iter().find(|(f, _)| *f == field).map(|(_, v)| *v)
    }

    /// `field` decoded by its declared type, when present.
    pub(super) fn read<T: Decode>(&self, cx: &mut Cx, at: &At, field: &'static Field) -> Option<T> {
        T::decode(cx, self.get(field)?, &at.field(field), field.ty)
    }

    /// A `true`/`false` field; absent is false.
    pub(super) fn flag(&self, cx: &mut Cx, at: &At, field: &'static Field) -> bool {
        self.read(cx, at, field).unwrap_or(false)
    }

    /// A list field, each item decoded by `item`; absent is empty.
    pub(super) fn list<T>(
        &self,
        cx: &mut Cx,
        at: &At,
        field: &'static Field,
        mut item: impl FnMut(&mut Cx, &'v Value, &At) -> Option<T>,
    ) -> Vec<T> {
        let at = at.field(field);
        let Some(items) = self.get(field).and_then(|v| list_items(cx, v, &at, field.ty)) else { return Vec::new() };
        items.iter().enumerate().filter_map(|(i, x)| item(cx, x, &at.index(i))).collect()
    }
}

/// The members of object `v` that `table` declares; unknown members are
/// warned about, repeated ones refused, missing required ones named.
pub(super) fn fields<'v>(cx: &mut Cx, v: &'v Value, table: &'static Table, at: &At) -> Option<Fields<'v>> {
    let Json::Object(members) = &v.kind else {
        cx.wrong(v, at, Ty::Object(table));
        return None;
    };
    let mut out = Fields { members: Vec::new() };
    for (name, value) in members {
        let Some(field) = table.field(name) else {
            cx.warn(value, &at.key(name), Kind::UnknownField { name: name.clone(), table });
            continue;
        };
        if out.get(field).is_some() {
            cx.error(value, &at.field(field), Kind::DuplicateMember { name: name.clone() });
            continue;
        }
        if !matches!(value.kind, Json::Null) {
            out.members.push((field, value));
        }
    }
    for field in table.fields.iter().filter(|f| f.required) {
        if out.get(field).is_none() {
            cx.error(v, at, Kind::Missing { field });
        }
    }
    Some(out)
}

/// A value decoded by its field's declared type (and its limits).
pub(super) trait Decode: Sized {
    fn decode(cx: &mut Cx, v: &Value, at: &At, ty: Ty) -> Option<Self>;
}

fn string<'v>(cx: &mut Cx, v: &'v Value, at: &At, ty: Ty) -> Option<&'v str> {
    match &v.kind {
        Json::Str(s) => Some(s),
        _ => {
            cx.wrong(v, at, ty);
            None
        }
    }
}

impl Decode for Text {
    fn decode(cx: &mut Cx, v: &Value, at: &At, ty: Ty) -> Option<Text> {
        let Ty::Text(max) = ty else { unreachable!("a text field is declared Ty::Text") };
        let t = match &v.kind {
            Json::Str(s) if !s.trim().is_empty() => Text::plain(s.as_str()),
            Json::Object(members) => {
                let mut parts: [Option<String>; 3] = [None, None, None];
                let errors = cx.errors.len();
                for (key, item) in members {
                    let Some(i) = Lang::ALL.iter().position(|l| l.tag() == key) else {
                        cx.error(item, &at.key(key), Kind::UnknownLanguage { key: key.clone() });
                        continue;
                    };
                    parts[i] = string(cx, item, &at.key(key), Ty::Str).map(str::to_string);
                }
                if cx.errors.len() > errors {
                    return None;
                }
                Text::from_parts(parts).or_else(|| {
                    cx.wrong(v, at, ty);
                    None
                })?
            }
            _ => {
                cx.wrong(v, at, ty);
                return None;
            }
        };
        if let Some(length) = t.strings().map(|s| s.chars().count()).find(|n| *n > max) {
            cx.error(v, at, Kind::TooLong { length, max });
            return None;
        }
        Some(t)
    }
}

impl Decode for Date {
    fn decode(cx: &mut Cx, v: &Value, at: &At, ty: Ty) -> Option<Date> {
        let d = string(cx, v, at, ty).and_then(Date::parse);
        if d.is_none() && matches!(v.kind, Json::Str(_)) {
            cx.wrong(v, at, ty);
        }
        d
    }
}

impl Decode for Link {
    fn decode(cx: &mut Cx, v: &Value, at: &At, ty: Ty) -> Option<Link> {
        let link = Link::parse(string(cx, v, at, ty)?);
        if link.is_none() {
            cx.wrong(v, at, ty);
        }
        link
    }
}

/// An id; a wrong one is named by its offending character and code point.
impl Decode for Id {
    fn decode(cx: &mut Cx, v: &Value, at: &At, ty: Ty) -> Option<Id> {
        let s = string(cx, v, at, ty)?;
        match Id::fault(s) {
            None => Id::parse(s),
            Some(fault) => {
                cx.error(v, at, Kind::BadId(fault));
                None
            }
        }
    }
}

impl Decode for Percent {
    fn decode(cx: &mut Cx, v: &Value, at: &At, ty: Ty) -> Option<Percent> {
        let p = match v.kind {
            Json::Int(n) => u8::try_from(n).ok().and_then(Percent::new),
            _ => None,
        };
        if p.is_none() {
            cx.wrong(v, at, ty);
        }
        p
    }
}

/// A status key or word; a near miss gets "did you mean" (`按时推进` →
/// `按序时推进`).
impl Decode for Status {
    fn decode(cx: &mut Cx, v: &Value, at: &At, ty: Ty) -> Option<Status> {
        let s = string(cx, v, at, ty)?;
        let status = Status::from_word(s.trim());
        if status.is_none() {
            cx.error(v, at, Kind::BadStatus { found: found(v), nearest: Status::nearest(s.trim()) });
        }
        status
    }
}

impl Decode for bool {
    fn decode(cx: &mut Cx, v: &Value, at: &At, ty: Ty) -> Option<bool> {
        match v.kind {
            Json::Bool(b) => Some(b),
            _ => {
                cx.wrong(v, at, ty);
                None
            }
        }
    }
}

/// Any string (`$schema`): checked, then ignored.
impl Decode for () {
    fn decode(cx: &mut Cx, v: &Value, at: &At, ty: Ty) -> Option<()> {
        string(cx, v, at, ty).map(drop)
    }
}

/// The items of list `v`, when it is an array within its declared limit
/// (else the problem is reported).
pub(super) fn list_items<'v>(cx: &mut Cx, v: &'v Value, at: &At, ty: Ty) -> Option<&'v [Value]> {
    let max = match ty {
        Ty::List(_, max) | Ty::TextList(max, _) => max,
        _ => unreachable!("a list field is declared Ty::List or Ty::TextList"),
    };
    let Json::Array(items) = &v.kind else {
        cx.wrong(v, at, ty);
        return None;
    };
    if items.len() > max {
        cx.error(v, at, Kind::TooMany { count: items.len(), max });
        return None;
    }
    Some(items)
}

/// A list decoded a slice at a time (task forces, measures): where it sits
/// among the members of object `v`, so that later steps find it again, and
/// whether its items are to be decoded.
pub(super) fn sliced(cx: &mut Cx, v: &Value, fs: &Fields, at: &At, field: &'static Field) -> (Option<usize>, bool) {
    let (Some(list), Json::Object(members)) = (fs.get(field), &v.kind) else { return (None, false) };
    let place = members.iter().position(|(_, m)| core::ptr::eq(m, list));
    (place, list_items(cx, list, &at.field(field), field.ty).is_some())
}
