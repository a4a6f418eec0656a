//! Writing a programme as the staff's spreadsheet (CSV): what `tft
//! export-csv` and the desk's "download the spreadsheet" give, which
//! [`super::read`] reads back to the same programme.

use super::Column;
use crate::model::format::csv::push_row;

/// A programme as the spreadsheet staff keep (the columns of [`COLUMNS`]):
/// one row per measure, then its milestones and reports on rows of their
/// own. [`super::read`] reads it back to the same programme, given the settings
/// the sheet does not carry (title, as-of date, source).
pub fn export(p: &crate::model::Programme) -> String {
    use crate::model::text::{Lang, Text};
    let zh = |t: &Text| {
        if t.has(Lang::ZhHans) || !t.has(Lang::En) {
            t.get(Lang::ZhHans).to_string()
        } else {
            String::new()
        }
    };
    let en = |t: &Text| if t.has(Lang::En) { t.get(Lang::En).to_string() } else { String::new() };
    let opt = |t: &Option<Text>, f: &dyn Fn(&Text) -> String| t.as_ref().map(f).unwrap_or_default();
    let date = |d: Option<crate::model::date::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let flag = |b: bool| if b { "yes" } else { "" }.to_string();
    let mut out = String::from("\u{feff}");
    push_row(&mut out, &Column::ALL.map(Column::header));
    let mut row = |cells: &[(Column, String)]| {
        let line = Column::ALL.map(|c| cells.iter().find(|(k, _)| *k == c).map_or("", |(_, v)| v.as_str()));
        push_row(&mut out, &line);
    };
    for tf in &p.task_forces {
        for (i, m) in tf.measures.iter().enumerate() {
            let ids =
                [(Column::TaskForceId, tf.id.as_str().to_string()), (Column::MeasureId, m.id.as_str().to_string())];
            let mut cells = vec![(Column::Type, "measure".to_string())];
            cells.extend(ids.clone());
            if i == 0 {
                cells.extend([
                    (Column::TaskForce, zh(&tf.name)),
                    (Column::TaskForceEn, en(&tf.name)),
                    (Column::Focus, opt(&tf.focus, &zh)),
                    (Column::FocusEn, opt(&tf.focus, &en)),
                    (Column::Leader, opt(&tf.leader, &zh)),
                    (Column::Members, tf.members.iter().map(&zh).collect::<Vec<_>>().join("、")),
                ]);
            }
            cells.extend([
                (Column::Title, zh(&m.title)),
                (Column::TitleEn, en(&m.title)),
                (Column::Status, m.status.key().to_string()),
                (Column::Progress, m.progress.map(|p| p.get().to_string()).unwrap_or_default()),
                (Column::Start, date(m.start)),
                (Column::Due, date(m.due)),
                (Column::Sample, flag(m.sample)),
            ]);
            row(&cells);
            for ms in &m.milestones {
                let mut cells = vec![(Column::Type, "milestone".to_string())];
                cells.extend(ids.clone());
                cells.extend([
                    (Column::Title, zh(&ms.title)),
                    (Column::TitleEn, en(&ms.title)),
                    (Column::Due, ms.due.to_string()),
                    (Column::Status, if ms.done { "completed".into() } else { String::new() }),
                ]);
                row(&cells);
            }
            for r in &m.reports {
                let mut cells = vec![(Column::Type, "report".to_string())];
                cells.extend(ids.clone());
                cells.extend([
                    (Column::ReportDate, r.date.to_string()),
                    (Column::ReportStatus, r.status.map(|s| s.key().to_string()).unwrap_or_default()),
                    (Column::ReportProgress, r.progress.map(|p| p.get().to_string()).unwrap_or_default()),
                    (Column::Note, zh(&r.note)),
                    (Column::NoteEn, en(&r.note)),
                    (Column::Url, r.url.as_ref().map(|u| u.as_str().to_string()).unwrap_or_default()),
                    (Column::Sample, flag(r.sample)),
                ]);
                row(&cells);
            }
        }
    }
    out
}
