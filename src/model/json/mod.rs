//! A small JSON reader that keeps source positions (`write.rs` writes JSON).
//!
//! The widget and the command-line tool parse data files with this one
//! reader, so both report the same problems at the same `line:column`. It
//! follows RFC 8259, skips a leading byte-order mark, limits nesting to
//! [`MAX_DEPTH`] (hostile files cannot exhaust the stack), and keeps numbers
//! as integers when they are integers and as source text otherwise (the data
//! format has no fractional numbers, so no float code is needed).

mod write;

pub use write::{build, write, write_string};

use crate::model::problem::Syntax;
use crate::model::text::number;

/// Deepest nesting accepted.
pub const MAX_DEPTH: usize = 64;

/// A JSON value and the byte offset where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// What the value is.
    pub kind: Kind,
    /// Byte offset of its first character in the source.
    pub at: usize,
}

/// The kinds of JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number that is a whole number in `i64` range.
    Int(i64),
    /// Any other number, as written.
    Number(String),
    /// A string.
    Str(String),
    /// An array.
    Array(Vec<Value>),
    /// An object's members in source order (duplicates kept).
    Object(Vec<(String, Value)>),
}

/// Why a text is not JSON, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset of the problem.
    pub at: usize,
    /// What is wrong.
    pub kind: Syntax,
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    Lines::new(text).at(at)
}

/// Line and column of many offsets with one pass over the text, when they
/// are asked for in increasing order (a smaller one starts again from the
/// top): a file's problems are located in one read, however many there
/// are and however long its lines.
pub struct Lines<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    col: usize,
}

impl<'a> Lines<'a> {
    /// Starts at the top of `text`.
    pub fn new(text: &'a str) -> Lines<'a> {
        Lines { text, pos: 0, line: 1, col: 0 }
    }

    /// 1-based line and column of byte offset `at`.
    pub fn at(&mut self, at: usize) -> (usize, usize) {
        if at < self.pos {
            *self = Lines::new(self.text);
        }
        let at = at.min(self.text.len());
        let read = self.text.get(self.pos..at).unwrap_or_default();
        match read.bytes().rposition(|b| b == b'\n') {
            Some(last) => {
                self.line += read.bytes().filter(|b| *b == b'\n').count();
                self.col = read.get(last + 1..).unwrap_or_default().chars().count();
            }
            None => self.col += read.chars().count(),
        }
        self.pos = at;
        (self.line, self.col + 1)
    }
}

/// Parses a whole document.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut p = Parser::new(text);
    loop {
        if let Some(v) = p.step(text, usize::MAX)? {
            return Ok(v);
        }
    }
}

/// A parse that can stop and resume, so that a large file is read in slices
/// between which the browser can paint and answer input. It keeps its own
/// stack, so nesting depth costs heap, not call stack.
#[derive(Debug)]
pub struct Parser {
    i: usize,
    want: Want,
    stack: Vec<Frame>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Want {
    /// A value (at the start, after `:`, or after `,` in an array).
    Value,
    /// A value or `]`, right after `[`.
    ValueOrEnd,
    /// A member name or `}`, right after `{`.
    KeyOrEnd,
    /// A member name, after `,` in an object.
    Key,
    /// `,` or the end of the container, after a value.
    After,
}

#[derive(Debug)]
enum Frame {
    Array(usize, Vec<Value>),
    Object(usize, Vec<(String, Value)>, String),
}

impl Parser {
    /// Starts reading `text` (the same text must be passed to every step).
    pub fn new(text: &str) -> Parser {
        let i = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Parser { i, want: Want::Value, stack: Vec::new() }
    }

    /// How far the parse has read, in bytes.
    pub fn position(&self) -> usize {
        self.i
    }

    /// Reads about `budget` more bytes; returns the value once the document
    /// is complete.
    pub fn step(&mut self, text: &str, budget: usize) -> Result<Option<Value>, SyntaxError> {
        let stop = self.i.saturating_add(budget);
        let mut c = Cursor { s: text.as_bytes(), i: self.i };
        let result = self.run(&mut c, stop);
        self.i = c.i;
        result
    }

    fn run(&mut self, c: &mut Cursor, stop: usize) -> Result<Option<Value>, SyntaxError> {
        loop {
            c.ws();
            if c.i >= stop {
                return Ok(None);
            }
            let done = match self.want {
                Want::Value | Want::ValueOrEnd => {
                    let b = c.s.get(c.i).copied();
                    if self.want == Want::ValueOrEnd && b == Some(b']') {
                        c.i += 1;
                        self.close()
                    } else {
                        // A container here would be level `stack.len() + 1`.
                        if self.stack.len() >= MAX_DEPTH && matches!(b, Some(b'{' | b'[')) {
                            return Err(c.err(Syntax::TooDeep));
                        }
                        let at = c.i;
                        let kind = match b {
                            None => return Err(c.err(Syntax::EndExpectingValue)),
                            Some(b'{') => {
                                c.i += 1;
                                self.stack.push(Frame::Object(at, Vec::new(), String::new()));
                                self.want = Want::KeyOrEnd;
                                continue;
                            }
                            Some(b'[') => {
                                c.i += 1;
                                self.stack.push(Frame::Array(at, Vec::new()));
                                self.want = Want::ValueOrEnd;
                                continue;
                            }
                            Some(b'"') => Kind::Str(c.string()?),
                            Some(b't') => c.word("true", Kind::Bool(true))?,
                            Some(b'f') => c.word("false", Kind::Bool(false))?,
                            Some(b'n') => c.word("null", Kind::Null)?,
                            Some(b'-' | b'0'..=b'9') => c.number()?,
                            Some(b'<') => return Err(c.err(Syntax::Html)),
                            Some(_) => return Err(c.err(Syntax::UnexpectedCharacter)),
                        };
                        self.finish(Value { kind, at })
                    }
                }
                Want::KeyOrEnd | Want::Key => {
                    if self.want == Want::KeyOrEnd && c.s.get(c.i) == Some(&b'}') {
                        c.i += 1;
                        self.close()
                    } else {
                        if c.s.get(c.i) != Some(&b'"') {
                            return Err(c.err(Syntax::ExpectedMemberName));
                        }
                        let name = c.string()?;
                        c.ws();
                        if c.s.get(c.i) != Some(&b':') {
                            return Err(c.err(Syntax::ExpectedColon));
                        }
                        c.i += 1;
                        if let Some(Frame::Object(_, _, key)) = self.stack.last_mut() {
                            *key = name;
                        }
                        self.want = Want::Value;
                        None
                    }
                }
                Want::After => {
                    let b = c.s.get(c.i);
                    match (self.stack.last(), b) {
                        (None, _) => return Err(c.err(Syntax::TrailingText)),
                        (Some(Frame::Array(..)), Some(b',')) => {
                            c.i += 1;
                            self.want = Want::Value;
                            None
                        }
                        (Some(Frame::Array(..)), Some(b']')) | (Some(Frame::Object(..)), Some(b'}')) => {
                            c.i += 1;
                            self.close()
                        }
                        (Some(Frame::Array(..)), None) => {
                            return Err(c.err(Syntax::EndInArray));
                        }
                        (Some(Frame::Array(..)), _) => {
                            return Err(c.err(Syntax::ExpectedCommaOrBracket));
                        }
                        (Some(Frame::Object(..)), Some(b',')) => {
                            c.i += 1;
                            self.want = Want::Key;
                            None
                        }
                        (Some(Frame::Object(..)), None) => {
                            return Err(c.err(Syntax::EndInObject));
                        }
                        (Some(Frame::Object(..)), _) => {
                            return Err(c.err(Syntax::ExpectedCommaOrBrace));
                        }
                    }
                }
            };
            if let Some(v) = done {
                // The whole document: only white space may follow.
                c.ws();
                if c.i < c.s.len() {
                    return Err(c.err(Syntax::TrailingText));
                }
                return Ok(Some(v));
            }
        }
    }

    /// Closes the innermost container and places it as a value.
    fn close(&mut self) -> Option<Value> {
        let v = match self.stack.pop() {
            Some(Frame::Array(at, items)) => Value { kind: Kind::Array(items), at },
            Some(Frame::Object(at, members, _)) => Value { kind: Kind::Object(members), at },
            None => unreachable!("close is only called inside a container"),
        };
        self.finish(v)
    }

    /// Places a complete value in its container; returns it when it is the
    /// whole document.
    fn finish(&mut self, v: Value) -> Option<Value> {
        self.want = Want::After;
        match self.stack.last_mut() {
            None => Some(v),
            Some(Frame::Array(_, items)) => {
                items.push(v);
                None
            }
            Some(Frame::Object(_, members, key)) => {
                members.push((core::mem::take(key), v));
                None
            }
        }
    }
}

struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn err(&self, kind: Syntax) -> SyntaxError {
        SyntaxError { at: self.i, kind }
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    fn word(&mut self, w: &str, kind: Kind) -> Result<Kind, SyntaxError> {
        if self.s[self.i..].starts_with(w.as_bytes()) {
            self.i += w.len();
            Ok(kind)
        } else {
            Err(self.err(Syntax::UnexpectedWord))
        }
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.i += 1;
        let mut out = String::new();
        let mut start = self.i;
        loop {
            match self.s.get(self.i) {
                None => return Err(self.err(Syntax::EndInString)),
                Some(b'"') => {
                    out.push_str(self.slice(start)?);
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(self.slice(start)?);
                    self.i += 1;
                    let c = match self.s.get(self.i) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => return Err(self.err(Syntax::UnknownEscape)),
                    };
                    out.push(c);
                    self.i += 1;
                    start = self.i;
                }
                Some(0..=0x1f) => return Err(self.err(Syntax::ControlCharacter)),
                Some(_) => self.i += 1,
            }
        }
    }

    fn slice(&self, start: usize) -> Result<&str, SyntaxError> {
        core::str::from_utf8(&self.s[start..self.i]).map_err(|_| SyntaxError { at: start, kind: Syntax::NotUtf8 })
    }

    /// After `\u`: reads four hex digits (and a low surrogate after a high
    /// one), leaving `i` on the last digit.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let hex = |p: &mut Self| -> Result<u32, SyntaxError> {
            let digits = p.s.get(p.i + 1..p.i + 5).ok_or_else(|| p.err(Syntax::IncompleteEscape))?;
            let mut n = 0;
            for d in digits {
                n = n * 16 + (*d as char).to_digit(16).ok_or_else(|| p.err(Syntax::BadEscape))?;
            }
            p.i += 4;
            Ok(n)
        };
        let first = hex(self)?;
        let code = if (0xd800..0xdc00).contains(&first) {
            if self.s.get(self.i + 1..self.i + 3) != Some(b"\\u") {
                return Err(self.err(Syntax::UnpairedSurrogate));
            }
            self.i += 2;
            let second = hex(self)?;
            if !(0xdc00..0xe000).contains(&second) {
                return Err(self.err(Syntax::UnpairedSurrogate));
            }
            0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.err(Syntax::UnpairedSurrogate))
    }

    fn number(&mut self) -> Result<Kind, SyntaxError> {
        let start = self.i;
        let digits = |p: &mut Self| {
            let from = p.i;
            while p.s.get(p.i).is_some_and(u8::is_ascii_digit) {
                p.i += 1;
            }
            p.i > from
        };
        if self.s.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        if self.s.get(self.i) == Some(&b'0') {
            self.i += 1;
        } else if !digits(self) {
            return Err(self.err(Syntax::ExpectedDigits));
        }
        let mut whole = true;
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            whole = false;
            if !digits(self) {
                return Err(self.err(Syntax::ExpectedFraction));
            }
        }
        if let Some(b'e' | b'E') = self.s.get(self.i) {
            self.i += 1;
            whole = false;
            if let Some(b'+' | b'-') = self.s.get(self.i) {
                self.i += 1;
            }
            if !digits(self) {
                return Err(self.err(Syntax::ExpectedExponent));
            }
        }
        let text = core::str::from_utf8(&self.s[start..self.i]).unwrap_or("0");
        let int = match text.strip_prefix('-') {
            Some(digits) => number::<u64>(digits).and_then(|n| 0i64.checked_sub_unsigned(n)),
            None => number(text),
        };
        Ok(match int {
            Some(n) if whole => Kind::Int(n),
            _ => Kind::Number(text.into()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_written_as_escapes() {
        let v = build::s("a\u{0}\u{7}\u{f}\u{10}\u{1f} b\n");
        let text = write(&v, false);
        assert_eq!(text, r#""a\u0000\u0007\u000f\u0010\u001f b\n""#);
        assert_eq!(parse(&text).map(|v| v.kind), Ok(Kind::Str("a\u{0}\u{7}\u{f}\u{10}\u{1f} b\n".into())));
    }

    #[test]
    fn parses_and_writes_back() {
        let text = "\u{feff}{\"a\": [1, -2, 3.5, 1e3, true, null, \"x\\u00e9\\ud83d\\ude00\\n\"], \"b\": {}}";
        let v = parse(text).unwrap();
        let Kind::Object(m) = &v.kind else { panic!() };
        let Kind::Array(items) = &m[0].1.kind else { panic!() };
        assert_eq!(items[0].kind, Kind::Int(1));
        assert_eq!(items[2].kind, Kind::Number("3.5".into()));
        assert_eq!(items[6].kind, Kind::Str("xé😀\n".into()));
        assert_eq!(write(&v, false), "{\"a\":[1,-2,3.5,1e3,true,null,\"xé😀\\n\"],\"b\":{}}");
        assert_eq!(write(&parse(&write(&v, true)).unwrap(), false), write(&v, false));
    }

    #[test]
    fn errors_have_positions() {
        let cases = [
            ("{\"a\": 1,}", 8, Syntax::ExpectedMemberName),
            ("[1 2]", 3, Syntax::ExpectedCommaOrBracket),
            ("{\"a\" 1}", 5, Syntax::ExpectedColon),
            ("\"abc", 4, Syntax::EndInString),
            ("<!doctype html>", 0, Syntax::Html),
            ("[01]", 2, Syntax::ExpectedCommaOrBracket),
            ("\"\\ud800x\"", 6, Syntax::UnpairedSurrogate),
            ("\"a\u{1}\"", 2, Syntax::ControlCharacter),
            ("{} x", 3, Syntax::TrailingText),
            ("", 0, Syntax::EndExpectingValue),
        ];
        for (text, at, kind) in cases {
            assert_eq!(parse(text), Err(SyntaxError { at, kind }), "{text}");
        }
        assert_eq!(line_col("{\n  \"a\": x", 9), (2, 8));
    }

    #[test]
    fn lines_in_one_pass_agree_with_each_offset_alone() {
        let text = "ab\n产业 x\n\n  \"y\"";
        let offsets = [0, 1, 3, 9, 10, 11, 14, 16, 99];
        let mut lines = Lines::new(text);
        for at in offsets.iter().chain(&[3, 2, 16]) {
            let alone = {
                let before = text.get(..*at).unwrap_or(text);
                let start = before.rfind('\n').map_or(0, |i| i + 1);
                (before.matches('\n').count() + 1, before[start..].chars().count() + 1)
            };
            assert_eq!(lines.at(*at), alone, "{at}");
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // the default data is a native-only include
    fn a_parse_in_slices_equals_a_parse_in_one_go() {
        let texts = [crate::default_programme_json(), "[1, [2, {\"a\": [3, \"x\"]}], {}, []]", "{\"a\": 1,}", "[1 2]"];
        for text in texts {
            for budget in [1, 2, 7, 100] {
                let mut p = Parser::new(text);
                let sliced = loop {
                    match p.step(text, budget) {
                        Ok(Some(v)) => break Ok(v),
                        Ok(None) => {}
                        Err(e) => break Err(e),
                    }
                };
                assert_eq!(sliced, parse(text), "budget {budget}");
            }
        }
    }

    #[test]
    fn exactly_64_levels_are_accepted_and_65_refused() {
        let nest = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(&nest(MAX_DEPTH)).is_ok());
        assert_eq!(parse(&nest(MAX_DEPTH + 1)).unwrap_err().kind, Syntax::TooDeep);
        let objects = |n: usize| format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n));
        assert!(parse(&objects(MAX_DEPTH)).is_ok());
        assert!(parse(&objects(MAX_DEPTH + 1)).is_err());
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(parse(&deep).unwrap_err().kind, Syntax::TooDeep);
        let ok = format!("{}{}", "[".repeat(60), "]".repeat(60));
        assert!(parse(&ok).is_ok());
    }
}
