//! What a reader can take away: the data as CSV.

use crate::model::format::csv::{push_row, READERS_COLUMNS};
use crate::model::status_label;
use crate::model::text::Lang;
use crate::model::Programme;

/// One row per measure, text in `lang`, RFC 4180 quoting, CRLF line ends and
/// a UTF-8 byte-order mark so spreadsheet programs read Chinese correctly.
pub fn to_csv(p: &Programme, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, &READERS_COLUMNS);
    let date = |d: Option<crate::model::date::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    for tf in &p.task_forces {
        for m in &tf.measures {
            let report = m.latest_report();
            let schedule = m.schedule(p.as_of).map(|s| s.to_string()).unwrap_or_default();
            push_row(
                &mut out,
                &[
                    tf.id.as_str(),
                    tf.name.get(lang),
                    m.id.as_str(),
                    m.title.get(lang),
                    m.status.key(),
                    status_label(m.status, lang),
                    &m.progress().to_string(),
                    &schedule,
                    &date(m.start),
                    &date(m.due),
                    if m.is_overdue(p.as_of) { "true" } else { "false" },
                    &date(report.map(|r| r.date)),
                    report.map_or("", |r| r.note.get(lang)),
                    if p.sample || m.sample { "true" } else { "false" },
                ],
            );
        }
    }
    out
}
