//! What can be wrong with data, as data: a [`Kind`] with the values that
//! describe it, where it is (a structured JSON [`Path`], line and column)
//! and which task force and measure it is in ([`Context`]).
//!
//! Nothing here is a sentence. `crate::words` says every kind in en,
//! zh-Hans and zh-Hant, for `tft`, the data desk, the widget's `preview`
//! detail and the console; the spreadsheet maps a path's fields to its
//! columns and the desk to its form labels, without reading any text.

use crate::model::date::Date;
use crate::model::format::{Field, Table, Ty};
use core::fmt;

/// One problem found in a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong, with its values.
    pub kind: Kind,
    /// Where in the document (empty for the top level or the whole text).
    pub path: Path,
    /// 1-based line of the value in the file (0 when unknown).
    pub line: usize,
    /// 1-based column, in characters (0 when unknown).
    pub col: usize,
    /// Byte offset of the value in the file.
    pub at: usize,
    /// The task force and measure the path is in, by id and name, so that
    /// nobody has to count array positions; `None` at the top level.
    pub context: Option<Context>,
}

impl Problem {
    /// A problem at byte offset `at`, not yet located by line and column.
    pub fn new(kind: Kind, path: Path, at: usize) -> Problem {
        Problem { kind, path, line: 0, col: 0, at, context: None }
    }
}

/// Line and column are worked out for this many problems of each kind; past
/// that (a file with thousands of warnings) only the byte offset is kept, so
/// that checking stays linear in the size of the file.
pub const LOCATED_PROBLEMS: usize = 50;

/// The kinds of problem, each with the values its words need.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(strum::EnumDiscriminants))]
#[cfg_attr(not(target_arch = "wasm32"), strum_discriminants(derive(strum::EnumIter), allow(missing_docs)))]
pub enum Kind {
    /// The text is not JSON.
    Syntax(Syntax),
    /// A required field is absent.
    Missing {
        /// The field.
        field: &'static Field,
    },
    /// A value of another type, or out of its field's range.
    WrongType {
        /// What the field takes.
        expected: Ty,
        /// What the file has.
        found: Found,
    },
    /// A text longer than its field allows.
    TooLong {
        /// Its length, in characters.
        length: usize,
        /// The limit.
        max: usize,
    },
    /// A list with more entries than its field allows.
    TooMany {
        /// How many entries.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// More measures in all than a programme may have.
    TooManyMeasures {
        /// How many.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// The task-force list is empty.
    NoTaskForces,
    /// A text keyed by something other than a language tag.
    UnknownLanguage {
        /// The key.
        key: String,
    },
    /// Not an id, and why.
    BadId(IdFault),
    /// Not a status word.
    BadStatus {
        /// What the file has.
        found: Found,
        /// The status word closest to it, for "did you mean".
        nearest: Option<&'static str>,
    },
    /// An id already used in the same list.
    DuplicateId {
        /// The id.
        id: String,
        /// Which list.
        scope: Scope,
        /// Where it was first used.
        first: Path,
    },
    /// The same member twice in one object.
    DuplicateMember {
        /// The member's name.
        name: String,
    },
    /// Warning: a member the table does not know (ignored).
    UnknownField {
        /// Its name.
        name: String,
        /// The object's table, for the names it does know.
        table: &'static Table,
    },
    /// Warning: completed, with reported progress below 100.
    CompletedBelowFull {
        /// The progress reported.
        progress: u8,
    },
    /// Warning: a deadline before the start.
    DueBeforeStart {
        /// The deadline.
        due: Date,
        /// The start.
        start: Date,
    },
    /// Warning: a report dated after the as-of date.
    ReportAfterAsOf {
        /// The report's date.
        date: Date,
        /// The programme's as-of date.
        as_of: Date,
    },
    /// Warning: the same title twice in one task force.
    RepeatedTitle {
        /// The title, as written.
        title: String,
    },
}

/// Which list an id must be unique in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Among the programme's task forces.
    TaskForces,
    /// Within one task force's measures.
    Measures,
}

/// What the file has where something else was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string of at most [`Found::SHOWN`] characters.
    Str(String),
    /// A longer string: its length in characters.
    LongStr(usize),
    /// An array and its length.
    Array(usize),
    /// An object.
    Object,
}

impl Found {
    /// Longest string quoted whole in a message.
    pub const SHOWN: usize = 40;

    /// A string as found.
    pub fn string(s: &str) -> Found {
        let n = s.chars().count();
        if n > Found::SHOWN {
            Found::LongStr(n)
        } else {
            Found::Str(s.to_string())
        }
    }
}

/// Why a string is not an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdFault {
    /// A character an id cannot have (or cannot start with).
    Char {
        /// 1-based position, in characters.
        position: usize,
        /// The id's length, in characters.
        length: usize,
        /// The character (a look-alike is invisible in the text itself).
        ch: char,
        /// What would mend it, when that is clear.
        hint: Option<IdHint>,
    },
    /// The id is empty.
    Empty,
    /// Longer than [`IdFault::MAX`].
    TooLong {
        /// Its length, in characters.
        length: usize,
    },
}

impl IdFault {
    /// The longest id.
    pub const MAX: usize = 64;
}

/// How to mend an id's wrong character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdHint {
    /// It is an uppercase letter.
    Lowercase,
    /// `-` or `_` first: an id starts with a letter or digit.
    Start,
}

/// Why a text is not JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(strum::EnumIter))]
pub enum Syntax {
    /// Nothing, or nothing more, where a value must be.
    EndExpectingValue,
    /// The text ends inside a string.
    EndInString,
    /// The text ends inside an array.
    EndInArray,
    /// The text ends inside an object.
    EndInObject,
    /// Deeper than `json::MAX_DEPTH`.
    TooDeep,
    /// It starts like an HTML page.
    Html,
    /// A character that starts no value.
    UnexpectedCharacter,
    /// A word that is not `true`, `false` or `null`.
    UnexpectedWord,
    /// A member name not in double quotes.
    ExpectedMemberName,
    /// No `:` after a member name.
    ExpectedColon,
    /// Neither `,` nor `]` after an array item.
    ExpectedCommaOrBracket,
    /// Neither `,` nor `}` after an object member.
    ExpectedCommaOrBrace,
    /// Text after the end of the document.
    TrailingText,
    /// A backslash escape that does not exist.
    UnknownEscape,
    /// A `\u` escape with fewer than four hex digits.
    IncompleteEscape,
    /// A `\u` escape with a character that is not a hex digit.
    BadEscape,
    /// Half of a surrogate pair.
    UnpairedSurrogate,
    /// A control character inside a string.
    ControlCharacter,
    /// Bytes that are not UTF-8.
    NotUtf8,
    /// A sign or nothing where a number's digits must be.
    ExpectedDigits,
    /// Nothing after a decimal point.
    ExpectedFraction,
    /// Nothing after an exponent's `e`.
    ExpectedExponent,
}

/// A structured JSON path: `taskForces[2].measures[0].due`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Path(pub Vec<Seg>);

/// One step of a [`Path`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// A field the format declares.
    Field(&'static Field),
    /// Any other member: an unknown field, or a text's language key.
    Key(String),
    /// An item of a list.
    Index(usize),
}

impl Path {
    /// The top level.
    pub fn root() -> Path {
        Path(Vec::new())
    }

    /// Whether this is the top level.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// This path and then `seg`.
    pub fn then(mut self, seg: Seg) -> Path {
        self.0.push(seg);
        self
    }

    /// The last field the path names, and the index of each list it went
    /// through (`taskForces[2].measures[0].due` → `due`, `[2, 0]`).
    pub fn last_field(&self) -> Option<&'static Field> {
        self.0.iter().rev().find_map(|s| match s {
            Seg::Field(f) => Some(*f),
            _ => None,
        })
    }

    /// The index that follows the field named `list` (`taskForces`,
    /// `measures`…), if the path goes through that list.
    pub fn index_in(&self, list: &Field) -> Option<usize> {
        let at = self.0.iter().position(|s| matches!(s, Seg::Field(f) if core::ptr::eq(*f, list)))?;
        match self.0.get(at + 1) {
            Some(Seg::Index(i)) => Some(*i),
            _ => None,
        }
    }

    /// The language key at the end of the path (a text's translation), if any.
    pub fn language(&self) -> Option<&str> {
        match self.0.last() {
            Some(Seg::Key(k)) => Some(k),
            _ => None,
        }
    }
}

impl fmt::Display for Path {
    /// `taskForces[2].measures[0].due`; empty for the top level.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Index(n) => write!(f, "[{n}]")?,
                Seg::Field(field) => write!(f, "{}{}", if i > 0 { "." } else { "" }, field.name)?,
                Seg::Key(k) => write!(f, "{}{k}", if i > 0 { "." } else { "" })?,
            }
        }
        Ok(())
    }
}

/// Which task force and measure a problem is in, as the file has them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// The task force.
    pub task_force: Named,
    /// The measure, when the problem is inside one.
    pub measure: Option<Named>,
}

/// An object's id and name (or title) as written, either possibly absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Named {
    /// Its id.
    pub id: Option<String>,
    /// Its name or title, cut to [`Named::SHOWN`] characters.
    pub name: Option<String>,
}

impl Named {
    /// Longest name shown.
    pub const SHOWN: usize = 30;
}

/// Why data could not be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(strum::EnumDiscriminants))]
#[cfg_attr(not(target_arch = "wasm32"), strum_discriminants(derive(strum::EnumIter), allow(missing_docs)))]
pub enum LoadError {
    /// The server answered with a non-success HTTP status.
    Http(u16),
    /// No answer within the time limit (seconds).
    Timeout(u32),
    /// The request failed before any answer (offline, CORS, DNS…) or broke
    /// off; the browser's own words.
    Network(String),
    /// The page's `fetch` gave something that is not a response.
    NoResponse,
    /// The body was larger than the limit (bytes) and was not read.
    TooLarge(u32),
    /// The body is not UTF-8 text.
    NotUtf8,
    /// The text is not JSON: where and why.
    NotJson(Box<Problem>),
    /// A JS value (`element.data`) that cannot be written as JSON.
    NotJsonValue(ValueFault),
    /// The JSON did not pass validation: every problem.
    Invalid(Vec<Problem>),
}

/// Why a JS value cannot be read as JSON data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueFault {
    /// Nested deeper than the file reader accepts (a cyclic object is).
    TooDeep {
        /// Where the limit was reached.
        path: String,
        /// The limit.
        max: usize,
    },
    /// Something that is not a JSON value (a BigInt, a Symbol, a function…).
    NotJson {
        /// Where.
        path: String,
    },
    /// Reading it ran the page's code, which threw this.
    Threw(String),
}
