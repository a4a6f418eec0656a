//! Reading a programme: JSON text → [`json`] values → the field tables'
//! [`Decoder`] → a [`Programme`] and its problems, in slices
//! ([`Loader`]) or at once ([`parse`], [`check`]).

use super::format::Decoder;
use super::hash::Hasher;
use super::json;
use super::problem::{Kind, Path};
use super::{ParseError, Problem, Programme};

/// A valid programme and the warnings its file raised.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The programme, reports sorted newest first.
    pub programme: Programme,
    /// Suspicious but valid data (completed below 100 %, unknown fields…).
    pub warnings: Vec<Problem>,
}

/// Reads a programme from JSON text.
pub fn parse(text: &str) -> Result<Parsed, ParseError> {
    let (result, warnings) = check(text);
    result.map(|programme| Parsed { programme, warnings })
}

/// Like [`parse`], but returns the warnings even when the file has errors
/// (for the command-line tool, which reports both).
pub fn check(text: &str) -> (Result<Programme, ParseError>, Vec<Problem>) {
    let mut loader = Loader::new(text.to_string());
    loop {
        if let Some(done) = loader.step(usize::MAX) {
            return done;
        }
    }
}

/// Reads a programme in slices: JSON first, then whole task forces, each
/// step covering about `budget` bytes of the file. The widget yields to the
/// browser between steps; [`check`] runs them back to back. Both run the
/// same code, so a file is accepted or refused the same way in each.
#[derive(Debug)]
pub struct Loader {
    text: String,
    stage: Stage,
    /// The content hash of the bytes parsed so far, and how many.
    hash: Hasher,
    hashed: usize,
    /// Whether the values came from `text` (so problems have a line and
    /// column), or from a JS object (`element.data`; `text` is then the
    /// value written out, for the content hash and downloads).
    located: bool,
}

#[derive(Debug)]
enum Stage {
    Parse(json::Parser),
    Decode(Box<Decoder>),
    Done,
}

/// What a finished [`Loader`] found: the programme or why not, and warnings.
pub type Checked = (Result<Programme, ParseError>, Vec<Problem>);

impl Loader {
    /// Starts reading `text`.
    pub fn new(text: String) -> Loader {
        let parser = json::Parser::new(&text);
        Loader { text, stage: Stage::Parse(parser), hash: Default::default(), hashed: 0, located: true }
    }

    /// Starts decoding a value that is already parsed (a JS object); `text`
    /// is the same value written as JSON. Problems have paths but no line
    /// and column.
    pub fn from_value(value: json::Value, text: String) -> Loader {
        let stage = Stage::Decode(Box::new(Decoder::new(value)));
        Loader { text, stage, hash: Default::default(), hashed: 0, located: false }
    }

    /// The content hash of the text ([`crate::model::hash::content_hash`]),
    /// computed along the parse; complete once the parse is.
    pub fn version(&mut self) -> String {
        self.hash_to(self.text.len());
        self.hash.finish()
    }

    fn hash_to(&mut self, to: usize) {
        self.hash.update(&self.text.as_bytes()[self.hashed..to]);
        self.hashed = to;
    }

    /// Gives the text back (once finished, for "download data").
    pub fn into_text(self) -> String {
        self.text
    }

    /// Does about `budget` bytes' worth of work; returns the outcome once
    /// the whole file is read. Decoding costs about one and a half times
    /// as much per byte as parsing, so it is given half the budget.
    pub fn step(&mut self, budget: usize) -> Option<Checked> {
        let (step, mut budget) = (budget, budget);
        if let Stage::Parse(parser) = &mut self.stage {
            let from = parser.position();
            let result = parser.step(&self.text, budget);
            let to = parser.position();
            self.hash_to(to);
            match result {
                Ok(None) => return None,
                Ok(Some(value)) => {
                    // A small file is parsed and decoded in the same step.
                    budget = budget.saturating_sub(to - from);
                    self.stage = Stage::Decode(Box::new(Decoder::new(value)));
                    if budget < step / 2 {
                        return None;
                    }
                }
                Err(e) => {
                    self.stage = Stage::Done;
                    let (line, col) = json::line_col(&self.text, e.at);
                    let problem = Problem { line, col, ..Problem::new(Kind::Syntax(e.kind), Path::root(), e.at) };
                    return Some((Err(ParseError::Syntax(Box::new(problem))), Vec::new()));
                }
            }
        }
        let Stage::Decode(decoder) = &mut self.stage else { return None };
        if !decoder.step(budget / 2) {
            return None;
        }
        let Stage::Decode(decoder) = core::mem::replace(&mut self.stage, Stage::Done) else { return None };
        let (programme, errors, warnings) = decoder.finish(self.located.then_some(self.text.as_str()));
        Some((programme.ok_or(ParseError::Invalid(errors)), warnings))
    }
}
