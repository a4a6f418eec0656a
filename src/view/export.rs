//! What a reader can take away: the data as CSV.

use crate::model::text::Lang;
use crate::model::Programme;
use crate::view::i18n::status_label;

/// The CSV header row.
pub const CSV_COLUMNS: [&str; 14] = [
    "task_force_id",
    "task_force",
    "measure_id",
    "measure",
    "status",
    "status_label",
    "progress",
    "schedule",
    "start",
    "due",
    "overdue",
    "latest_report_date",
    "latest_report",
    "sample",
];

/// One row per measure, text in `lang`, RFC 4180 quoting, CRLF line ends and
/// a UTF-8 byte-order mark so spreadsheet programs read Chinese correctly.
pub fn to_csv(p: &Programme, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, &CSV_COLUMNS);
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

/// `-5`, `+3.5`: a signed decimal, which a spreadsheet reads as a number.
fn is_number(s: &str) -> bool {
    let signs = s.bytes().take_while(|b| matches!(b, b'+' | b'-')).count();
    let digits = s.as_bytes().get(signs..).unwrap_or_default();
    !digits.is_empty()
        && digits.iter().all(|b| b.is_ascii_digit() || *b == b'.')
        && digits.iter().filter(|b| **b == b'.').count() <= 1
        && digits.iter().any(u8::is_ascii_digit)
}

pub(crate) fn push_row(out: &mut String, cells: &[&str]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // Quote everything that could be misread; neutralise spreadsheet
        // formulas (=, +, -, @ at the start) with a leading apostrophe.
        let formula = matches!(cell.bytes().next(), Some(b'=' | b'+' | b'-' | b'@')) && !is_number(cell);
        if formula || cell.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
            out.push('"');
            if formula {
                out.push('\'');
            }
            for c in cell.chars() {
                if c == '"' {
                    out.push('"');
                }
                out.push(c);
            }
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_defuses() {
        let mut s = String::new();
        push_row(&mut s, &["a,b", "say \"hi\"", "=HYPERLINK()", "-5", "plain"]);
        assert_eq!(s, "\"a,b\",\"say \"\"hi\"\"\",\"'=HYPERLINK()\",-5,plain\r\n");
    }
}
