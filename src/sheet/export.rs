//! A programme as the staff's spreadsheet: its rows, cell by cell (shared
//! by the CSV here and the workbook of `workbook.rs`), and the CSV that
//! `tft export-csv` and the desk's "download the spreadsheet" give, which
//! [`super::read`] reads back to the same programme.

use super::Column;
use crate::model::date::Date;
use crate::model::format::csv::push_row;
use crate::model::text::{Lang, Text};
use crate::model::{Programme, Status, TaskForce};

/// A cell of the spreadsheet, typed: the CSV writes it as text, a workbook
/// as a number, a date or a word from its drop-down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Cell {
    Text(String),
    Number(u8),
    Date(Date),
    Status(Status),
    Yes,
}

/// One row: its cells by column (absent: empty).
pub(super) type Row = Vec<(Column, Cell)>;

/// A task force's rows: one per measure (the first with the task force's
/// own fields), then its milestones and reports on rows of their own.
pub(super) fn rows(tf: &TaskForce) -> Vec<Row> {
    let zh = |t: &Text| {
        if t.has(Lang::ZhHans) || !t.has(Lang::En) {
            t.get(Lang::ZhHans).to_string()
        } else {
            String::new()
        }
    };
    let en = |t: &Text| if t.has(Lang::En) { t.get(Lang::En).to_string() } else { String::new() };
    let text = |s: String| (!s.is_empty()).then_some(Cell::Text(s));
    let mut out = Vec::new();
    for (i, m) in tf.measures.iter().enumerate() {
        let ids = [
            (Column::TaskForceId, Cell::Text(tf.id.as_str().into())),
            (Column::MeasureId, Cell::Text(m.id.as_str().into())),
        ];
        let mut row: Row = vec![(Column::Type, Cell::Text("measure".into()))];
        row.extend(ids.clone());
        let put = |row: &mut Row, column, cell: Option<Cell>| row.extend(cell.map(|c| (column, c)));
        if i == 0 {
            put(&mut row, Column::TaskForce, text(zh(&tf.name)));
            put(&mut row, Column::TaskForceEn, text(en(&tf.name)));
            put(&mut row, Column::Focus, tf.focus.as_ref().and_then(|t| text(zh(t))));
            put(&mut row, Column::FocusEn, tf.focus.as_ref().and_then(|t| text(en(t))));
            put(&mut row, Column::Leader, tf.leader.as_ref().and_then(|t| text(zh(t))));
            put(&mut row, Column::Members, text(tf.members.iter().map(zh).collect::<Vec<_>>().join("、")));
        }
        put(&mut row, Column::Title, text(zh(&m.title)));
        put(&mut row, Column::TitleEn, text(en(&m.title)));
        put(&mut row, Column::Status, Some(Cell::Status(m.status)));
        put(&mut row, Column::Progress, m.progress.map(|p| Cell::Number(p.get())));
        put(&mut row, Column::Start, m.start.map(Cell::Date));
        put(&mut row, Column::Due, m.due.map(Cell::Date));
        put(&mut row, Column::Sample, m.sample.then_some(Cell::Yes));
        out.push(row);
        for ms in &m.milestones {
            let mut row: Row = vec![(Column::Type, Cell::Text("milestone".into()))];
            row.extend(ids.clone());
            put(&mut row, Column::Title, text(zh(&ms.title)));
            put(&mut row, Column::TitleEn, text(en(&ms.title)));
            put(&mut row, Column::Due, Some(Cell::Date(ms.due)));
            put(&mut row, Column::Status, ms.done.then_some(Cell::Status(Status::Completed)));
            out.push(row);
        }
        for r in &m.reports {
            let mut row: Row = vec![(Column::Type, Cell::Text("report".into()))];
            row.extend(ids.clone());
            put(&mut row, Column::ReportDate, Some(Cell::Date(r.date)));
            put(&mut row, Column::ReportStatus, r.status.map(Cell::Status));
            put(&mut row, Column::ReportProgress, r.progress.map(|p| Cell::Number(p.get())));
            put(&mut row, Column::Note, text(zh(&r.note)));
            put(&mut row, Column::NoteEn, text(en(&r.note)));
            put(&mut row, Column::Url, r.url.as_ref().and_then(|u| text(u.as_str().into())));
            put(&mut row, Column::Sample, r.sample.then_some(Cell::Yes));
            out.push(row);
        }
    }
    out
}

/// A programme as the spreadsheet staff keep (the columns of
/// [`Column::ALL`]), as CSV. [`super::read`] reads it back to the same
/// programme, given the settings the sheet does not carry (title, as-of
/// date, source).
pub fn export(p: &Programme) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, &Column::ALL.map(Column::header));
    for tf in &p.task_forces {
        for row in rows(tf) {
            let line = Column::ALL.map(|c| match row.iter().find(|(k, _)| *k == c).map(|(_, v)| v) {
                None => String::new(),
                Some(Cell::Text(s)) => s.clone(),
                Some(Cell::Number(n)) => n.to_string(),
                Some(Cell::Date(d)) => d.to_string(),
                Some(Cell::Status(s)) => s.key().to_string(),
                Some(Cell::Yes) => "yes".into(),
            });
            push_row(&mut out, &line.each_ref().map(String::as_str));
        }
    }
    out
}
