//! Reading the staff's sheets (CSV text, workbook sheets) into one
//! programme: each sheet's header checked, its rows built into JSON values
//! (`rows.rs`), then the format's own checks, whose problems are put back in
//! their cells by their paths.

use super::rows::{Builder, Contribution, Row};
use super::{Column, Kind, Place, Problem, Settings, Sheet, Within};
use crate::model::format::csv::READERS_COLUMNS;
use crate::model::{self, ParseError};
use std::rc::Rc;

/// A CSV record and its 1-based row number as a spreadsheet shows it (a
/// line break inside a quoted cell does not start a new row).
pub type Record = (usize, Vec<String>);

/// RFC 4180 CSV, read with the `csv` crate: quoted fields may hold commas,
/// quotes (doubled) and line breaks; rows may have fewer cells than the
/// header. Returns each record with its row number.
pub fn parse_csv(text: &str) -> Result<Vec<Record>, Problem> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows: Vec<Record> = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| Problem {
            place: Place::Cell { within: Default::default(), row: i + 1, column: None },
            kind: Kind::NotCsv(e.to_string()),
        })?;
        rows.push((i + 1, record.iter().map(String::from).collect()));
    }
    // The reader takes an unclosed quote to run to the end of the file;
    // say so instead of reporting a row with one enormous cell. Quotes in
    // a well-formed file come in pairs (an escaped one is doubled).
    if text.matches('"').count() % 2 == 1 {
        let row =
            rows.iter().rev().find(|(_, cells)| cells.iter().any(|c| c.contains('\n'))).map_or(rows.len(), |r| r.0);
        return Err(Problem {
            place: Place::Cell { within: Default::default(), row, column: None },
            kind: Kind::UnclosedQuote,
        });
    }
    Ok(rows)
}

/// Reads a spreadsheet's text (CSV, already decoded) into a programme,
/// or every problem, by spreadsheet row and column.
pub fn read(text: &str, settings: &Settings) -> Result<Sheet, Vec<Problem>> {
    let rows = parse_csv(text).map_err(|p| vec![p])?;
    read_tables(vec![Table { within: Within::default(), rows }], settings).result
}

/// The rows of one sheet (a CSV file, or a workbook's sheet), the first
/// its header.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Which file and sheet (its headers are filled in from the rows).
    pub within: Within,
    /// The rows, with their numbers as the spreadsheet shows them.
    pub rows: Vec<Record>,
}

/// Several sheets read into one programme: the programme or every
/// problem, and what each sheet gave either way.
#[derive(Debug, Clone)]
pub struct Read {
    /// The programme, or every problem by file, sheet, row and column.
    pub result: Result<Sheet, Vec<Problem>>,
    /// What each sheet contributed, in order.
    pub contributions: Vec<Contribution>,
}

/// Reads sheets (CSV files, workbook sheets) into one programme. Each task
/// force comes from one sheet: its id in a second sheet, or a measure id
/// used twice in it, is refused with both places named.
pub fn read_tables(tables: Vec<Table>, settings: &Settings) -> Read {
    let mut problems = Vec::new();
    let mut b = Builder::default();
    let mut readable = Vec::new();
    for table in tables {
        let Some(((_, header), body)) = table.rows.split_first() else {
            let within = Rc::new(table.within);
            b.contributions.push(Contribution::empty(within.clone()));
            problems.push(Problem { place: Place::File, kind: Kind::EmptyFile });
            continue;
        };
        let columns: Vec<Option<Column>> = header.iter().map(|h| Column::from_header(h)).collect();
        let mut within = table.within.clone();
        within.headers = columns.iter().zip(header).filter_map(|(c, h)| c.map(|c| (c, h.trim().to_string()))).collect();
        let within = Rc::new(within);
        let header_row = |column| Place::Cell { within: within.clone(), row: table.rows[0].0, column };
        // The readers' table ("Download CSV" in the widget): one flat row per
        // measure with only its latest report, so it cannot become a programme
        // again. Say what to use instead of listing its columns as unknown.
        if READERS_COLUMNS.iter().zip(header).all(|(a, b)| a.eq_ignore_ascii_case(b.trim())) {
            problems.push(Problem { place: header_row(None), kind: Kind::ReadersTable });
            continue;
        }
        let before = problems.len();
        for (h, c) in header.iter().zip(&columns) {
            if c.is_none() && !h.trim().is_empty() {
                problems
                    .push(Problem { place: header_row(None), kind: Kind::UnknownColumn { header: h.trim().into() } });
            }
        }
        for r in Column::REQUIRED {
            if !columns.contains(&Some(r)) {
                problems.push(Problem { place: header_row(Some(r)), kind: Kind::MissingColumn });
            }
        }
        if problems.len() == before {
            readable.push((within, columns, body.to_vec()));
        }
    }
    if !problems.is_empty() {
        return Read { result: Err(problems), contributions: b.contributions };
    }
    for (within, columns, body) in readable {
        b.contributions.push(Contribution::empty(within.clone()));
        b.refused.clear();
        for (line, cells) in &body {
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            b.row(*line, &Row { within: &within, columns: &columns, cells }, &mut problems);
        }
    }
    // The format's checks run on what the rows built even when some rows
    // had problems, so that every problem is reported in one pass; one per
    // cell (the row's own words first), in sheet order.
    let value = b.programme(settings);
    let result = match model::parse(&model::json::write(&value, false)) {
        Ok(_) if problems.is_empty() => Ok(Sheet { value, notes: std::mem::take(&mut b.normalised) }),
        Ok(_) => Err(problems),
        Err(ParseError::Invalid(found)) => {
            for p in found.iter().map(|p| b.locate(p)) {
                if !problems.iter().any(|q| q.place == p.place) {
                    problems.push(p);
                }
            }
            Err(problems)
        }
        Err(ParseError::Syntax(p)) => {
            problems.push(Problem { place: Place::File, kind: Kind::Data(p.kind) });
            Err(problems)
        }
    };
    Read { result: result.map_err(sorted), contributions: b.contributions }
}

/// Problems in file order: settings and whole files first, then by sheet as
/// read, then by row.
fn sorted(mut problems: Vec<Problem>) -> Vec<Problem> {
    let mut sheets: Vec<Rc<Within>> = Vec::new();
    for p in &problems {
        if let Place::Cell { within, .. } = &p.place {
            if !sheets.iter().any(|w| Rc::ptr_eq(w, within)) {
                sheets.push(within.clone());
            }
        }
    }
    problems.sort_by_key(|p| match &p.place {
        Place::Cell { within, row, .. } => (1 + sheets.iter().position(|w| Rc::ptr_eq(w, within)).unwrap_or(0), *row),
        Place::File | Place::Whole(_) | Place::Setting(_) => (0, 0),
    });
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_counted_as_a_spreadsheet_shows_them() {
        let text = "a,b\r\n\"line one\nline two\",x\r\n\"say \"\"hi\"\", twice\",y\r\nlast,z\r\n";
        let rows = parse_csv(text).unwrap();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1], (2, vec!["line one\nline two".to_string(), "x".to_string()]));
        assert_eq!(rows[2].1[0], "say \"hi\", twice");
        assert_eq!(rows[3].0, 4, "row 4, though the file's line 5");
    }

    #[test]
    fn an_unclosed_quote_is_named() {
        let err = parse_csv("a,b\n\"open,x\nmore,y\n").unwrap_err();
        let place = Place::Cell { within: Default::default(), row: 2, column: None };
        assert_eq!(err, Problem { place, kind: Kind::UnclosedQuote });
    }
}
