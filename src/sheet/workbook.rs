//! A programme as a workbook (.xlsx, rust_xlsxwriter) made to be filled in
//! by an office: an instructions sheet with the programme's own fields, one
//! sheet per task force, a frozen header row whose Chinese labels show the
//! field names (`完成时限（due）`), date cells as `yyyy-mm-dd`, a drop-down
//! of the six status words and whole numbers 0–100 for progress, so Excel
//! and WPS refuse most mistakes as they are typed. With no programme it is
//! the blank template. [`super::book`] reads it back to the same programme.

use super::export::{rows, Cell};
use super::{Column, Setting, Settings};
use crate::model::{Programme, Status};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, ExcelDateTime, Format, Workbook, Worksheet, XlsxError,
};

/// A workbook's own words in one language (each language's table in
/// `crate::words` gives them).
#[derive(Debug, Clone, Copy)]
pub struct BookText {
    /// The instructions sheet's name.
    pub instructions: &'static str,
    /// Its lines of help, above the settings.
    pub help: &'static [&'static str],
    /// The head of the settings' two columns.
    pub settings_head: [&'static str; 2],
    /// The blank template's one data sheet.
    pub blank_sheet: &'static str,
    /// What a `sample` cell says for yes.
    pub yes: &'static str,
    /// What Excel says to a status outside the drop-down: title and message.
    pub status_error: [&'static str; 2],
    /// …to a progress outside 0–100.
    pub progress_error: [&'static str; 2],
    /// …to a date that is not one.
    pub date_error: [&'static str; 2],
}

/// Every word a workbook is written with, in one language (from
/// `crate::words`: the sheet layer has none of its own).
#[derive(Debug, Clone, Copy)]
pub struct BookWords {
    /// The workbook's own words.
    pub text: BookText,
    /// A column's label (shown before its header in brackets).
    pub column: fn(Column) -> &'static str,
    /// A setting's label.
    pub setting: fn(Setting) -> &'static str,
    /// A status's word (the drop-down's entries).
    pub status: fn(Status) -> &'static str,
}

/// Rows the drop-downs and checks cover below the header.
const CHECKED_ROWS: u32 = 2000;
/// Excel's longest sheet name.
const SHEET_NAME_CHARS: usize = 31;

/// The workbook of `p`, or the blank template when `None`.
pub fn write(p: Option<&Programme>, words: &BookWords) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let settings = p.map(Settings::of).unwrap_or_default();
    instructions(book.add_worksheet(), &settings, words)?;
    let mut names: Vec<String> = vec![words.text.instructions.to_string()];
    match p {
        Some(p) if !p.task_forces.is_empty() => {
            for tf in &p.task_forces {
                let name = sheet_name(tf.name.get(crate::model::text::Lang::ZhHans), tf.id.as_str(), &names);
                names.push(name.clone());
                data_sheet(book.add_worksheet(), &name, &rows(tf), words)?;
            }
        }
        _ => data_sheet(book.add_worksheet(), words.text.blank_sheet, &[], words)?,
    }
    book.save_to_buffer()
}

/// A name Excel accepts, unique in the book: the task force's name without
/// `[]:*?/\`, at most 31 characters, else its id.
fn sheet_name(name: &str, id: &str, taken: &[String]) -> String {
    let clean = |s: &str| -> String {
        s.chars().filter(|c| !"[]:*?/\\'".contains(*c)).take(SHEET_NAME_CHARS).collect::<String>().trim().to_string()
    };
    let free = |n: &String| !n.is_empty() && !taken.iter().any(|t| t.eq_ignore_ascii_case(n));
    [clean(name), clean(id)]
        .into_iter()
        .find(free)
        .unwrap_or_else(|| (2..).map(|i| clean(&format!("{id} {i}"))).find(free).unwrap_or_default())
}

fn instructions(sheet: &mut Worksheet, settings: &Settings, words: &BookWords) -> Result<(), XlsxError> {
    sheet.set_name(words.text.instructions)?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    sheet.set_column_width(0, 34)?;
    sheet.set_column_width(1, 70)?;
    let mut row = 0;
    for line in words.text.help {
        sheet.write_string_with_format(row, 0, *line, &wrap)?;
        row += 1;
    }
    row += 1;
    sheet.write_string_with_format(row, 0, words.text.settings_head[0], &bold)?;
    sheet.write_string_with_format(row, 1, words.text.settings_head[1], &bold)?;
    for s in Setting::ALL {
        row += 1;
        sheet.write_string(row, 0, format!("{}（{}）", (words.setting)(s), s.key()))?;
        let value = match (s, s.get(settings)) {
            (Setting::Sample, Some(_)) => Some(words.text.yes.to_string()),
            (_, v) => v,
        };
        if let Some(v) = value {
            sheet.write_string(row, 1, v)?;
        }
    }
    Ok(())
}

/// How wide each column is, in characters.
fn width(c: Column) -> f64 {
    match c {
        Column::Title | Column::TitleEn | Column::Note | Column::NoteEn => 40.0,
        Column::Focus | Column::FocusEn | Column::Members | Column::Url => 28.0,
        Column::TaskForce | Column::TaskForceEn | Column::Leader => 18.0,
        Column::Start | Column::Due | Column::ReportDate => 14.0,
        _ => 14.0,
    }
}

fn data_sheet(
    sheet: &mut Worksheet,
    name: &str,
    rows: &[super::export::Row],
    words: &BookWords,
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    let head = Format::new().set_bold().set_text_wrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (col, c) in Column::ALL.into_iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, format!("{}（{}）", (words.column)(c), c.header()), &head)?;
        sheet.set_column_width(col, width(c))?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (column, cell) in row {
            let col = Column::ALL.iter().position(|c| c == column).unwrap_or_default() as u16;
            match cell {
                Cell::Text(s) => sheet.write_string(r, col, s)?,
                Cell::Number(n) => sheet.write_number(r, col, f64::from(*n))?,
                Cell::Date(d) => {
                    let day = ExcelDateTime::from_ymd(d.year(), d.month(), d.day())?;
                    sheet.write_datetime_with_format(r, col, &day, &date)?
                }
                Cell::Status(s) => sheet.write_string(r, col, (words.status)(*s))?,
                Cell::Yes => sheet.write_string(r, col, words.text.yes)?,
            };
        }
    }
    checks(sheet, words)
}

/// The drop-down and checks Excel and WPS apply as staff type.
fn checks(sheet: &mut Worksheet, words: &BookWords) -> Result<(), XlsxError> {
    let col = |c: Column| Column::ALL.iter().position(|k| *k == c).unwrap_or_default() as u16;
    let stop = |v: DataValidation, [title, message]: [&str; 2]| -> Result<DataValidation, XlsxError> {
        v.set_error_style(DataValidationErrorStyle::Stop).set_error_title(title)?.set_error_message(message)
    };
    let statuses: Vec<&str> = Status::ALL.iter().map(|s| (words.status)(*s)).collect();
    let status = stop(DataValidation::new().allow_list_strings(&statuses)?, words.text.status_error)?;
    let progress =
        stop(DataValidation::new().allow_whole_number(DataValidationRule::Between(0, 100)), words.text.progress_error)?;
    let (first, last) = (ExcelDateTime::from_ymd(1900, 1, 1)?, ExcelDateTime::from_ymd(2200, 12, 31)?);
    let date = stop(DataValidation::new().allow_date(DataValidationRule::Between(first, last)), words.text.date_error)?;
    for (column, check) in [
        (Column::Status, &status),
        (Column::ReportStatus, &status),
        (Column::Progress, &progress),
        (Column::ReportProgress, &progress),
        (Column::Start, &date),
        (Column::Due, &date),
        (Column::ReportDate, &date),
    ] {
        sheet.add_data_validation(1, col(column), CHECKED_ROWS, col(column), check)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::sheet_name;

    #[test]
    fn sheet_names_are_ones_excel_accepts() {
        let taken = vec!["填写说明".to_string()];
        assert_eq!(sheet_name("产业振兴", "industry", &taken), "产业振兴");
        assert_eq!(sheet_name("a/b:c?", "x", &taken), "abc");
        assert_eq!(sheet_name(&"长".repeat(40), "x", &taken).chars().count(), 31);
        assert_eq!(sheet_name("填写说明", "notes", &taken), "notes");
        assert_eq!(sheet_name("[]", "填写说明", &taken), "填写说明 2");
    }
}
