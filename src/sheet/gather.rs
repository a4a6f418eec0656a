//! Several files at once (`tft import a.xlsx b.csv…`, the desk's drop):
//! each CSV file is one table, each workbook gives its data sheets and the
//! settings of its instructions sheet. What cannot be read at all is a
//! problem of its whole file; the rest is read together.

use super::{book, parse_csv, Kind, Place, Problem, Settings, Table, Within};
use std::rc::Rc;

/// A file's content: CSV text (decoded by the caller: encoding_rs in the
/// tool, `TextDecoder` in the desk) or a workbook's bytes.
#[derive(Debug, Clone)]
pub enum Content {
    /// CSV text.
    Csv(String),
    /// .xlsx, .xls, .ods… bytes.
    Workbook(Vec<u8>),
}

/// Whether a file is a workbook (else it is read as CSV): by its name, or
/// by its first bytes (a zip: .xlsx, .ods; an OLE file: .xls), for a file
/// saved without its extension.
pub fn is_workbook(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    [".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"].iter().any(|e| lower.ends_with(e))
        || bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0])
}

/// Files made ready to read together.
#[derive(Debug, Clone, Default)]
pub struct Gathered {
    /// Every data table, in file and sheet order.
    pub tables: Vec<Table>,
    /// The programme's settings from the workbooks' instructions sheets (the
    /// first file that gives one wins).
    pub settings: Settings,
    /// Files that could not be read at all.
    pub problems: Vec<Problem>,
    /// Sheets that hold neither data nor settings: (file, sheet).
    pub other: Vec<(String, String)>,
}

/// Gathers `files` (name, content); `named`: put each file's name in its
/// problems (several files, or one from a command line).
pub fn gather(files: Vec<(String, Content)>, named: bool) -> Gathered {
    let mut g = Gathered::default();
    for (name, content) in files {
        let file = named.then(|| name.clone());
        let whole =
            |kind| Problem { place: Place::Whole(Rc::new(Within { file: file.clone(), ..Within::default() })), kind };
        match content {
            Content::Csv(text) => {
                let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
                match parse_csv(text) {
                    Ok(rows) => {
                        g.tables.push(Table { within: Within { file: file.clone(), ..Within::default() }, rows })
                    }
                    Err(mut p) => {
                        if let Place::Cell { within, .. } = &mut p.place {
                            *within = Rc::new(Within { file: file.clone(), ..Within::default() });
                        }
                        g.problems.push(p);
                    }
                }
            }
            Content::Workbook(bytes) => match book::open(&bytes, &name) {
                Ok(mut b) => {
                    for t in &mut b.tables {
                        t.within.file = file.clone();
                    }
                    g.tables.extend(b.tables);
                    if g.settings == Settings::default() {
                        g.settings = b.settings;
                    }
                    g.other.extend(b.other.into_iter().map(|s| (name.clone(), s)));
                }
                Err(p) => g.problems.push(whole(p.kind)),
            },
        }
    }
    if g.tables.is_empty() && g.problems.is_empty() {
        g.problems.push(Problem { place: Place::File, kind: Kind::EmptyFile });
    }
    g
}
