//! Reading a workbook (.xlsx, .xlsm, .xls, .xlsb, .ods) with calamine:
//! each sheet whose header row names the spreadsheet's columns becomes a
//! [`Table`]; a sheet of `label（key）` rows (the instructions sheet the
//! export writes) gives the programme's [`Settings`]. Cells are read by
//! their type: a date cell is a date, a number a number; only text cells
//! go through the date reading offices' CSV files need.

use super::{Column, Kind, Place, Problem, Setting, Settings, Table, Within};
use calamine::{open_workbook_auto_from_rs, Data, Reader};
use std::io::Cursor;

/// A workbook's sheets of data, the settings it writes, and the sheets that
/// hold neither.
#[derive(Debug, Clone, Default)]
pub struct Book {
    /// Its data sheets, in the workbook's order.
    pub tables: Vec<Table>,
    /// The programme's own fields from its instructions sheet (empty when
    /// it has none).
    pub settings: Settings,
    /// Sheets with neither data nor settings (an office's notes).
    pub other: Vec<String>,
}

/// Rows looked at for a sheet's header row (a title may stand above it).
const HEADER_WITHIN: usize = 10;

/// Opens the workbook `bytes`, named `file` in problems.
pub fn open(bytes: &[u8], file: &str) -> Result<Book, Problem> {
    let mut workbook =
        open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| whole(Kind::NotWorkbook(e.to_string())))?;
    let mut book = Book::default();
    for name in workbook.sheet_names() {
        let Ok(range) = workbook.worksheet_range(&name) else {
            book.other.push(name);
            continue;
        };
        let (top, _) = range.start().unwrap_or_default();
        let rows: Vec<(usize, Vec<String>)> =
            range.rows().enumerate().map(|(i, r)| (top as usize + i + 1, r.iter().map(text).collect())).collect();
        // A header row names at least two of the columns.
        let header = rows
            .iter()
            .take(HEADER_WITHIN)
            .position(|(_, cells)| cells.iter().filter(|c| Column::from_header(c).is_some()).count() >= 2);
        let settings: Vec<(Setting, &str)> = rows
            .iter()
            .filter_map(|(_, cells)| {
                Some((Setting::from_label(cells.first()?)?, cells.get(1).map_or("", |v| v.as_str())))
            })
            .collect();
        if let Some(at) = header {
            let within = Within { file: Some(file.into()), sheet: Some(name), headers: Vec::new() };
            book.tables.push(Table { within, rows: rows[at..].to_vec() });
        } else if !settings.is_empty() {
            for (setting, value) in settings {
                setting.set(&mut book.settings, value);
            }
        } else {
            book.other.push(name);
        }
    }
    if book.tables.is_empty() {
        return Err(whole(Kind::NoDataSheet));
    }
    Ok(book)
}

fn whole(kind: Kind) -> Problem {
    Problem { place: Place::File, kind }
}

/// A cell as the rows' text: a date cell as YYYY-MM-DD, a whole number
/// without a decimal point, text as it is.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => (*f as i64).to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Data::DateTime(d) => d.as_f64().to_string(),
        // ODS writes dates as ISO 8601 text, with a time when there is one.
        Data::DateTimeIso(s) => s.split('T').next().unwrap_or_default().to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}
