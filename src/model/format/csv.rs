//! CSV as spreadsheets read it (RFC 4180, CRLF line ends, formulas
//! defused), and the columns of the readers' table: the widget writes that
//! table (`view::export`) and the spreadsheet reader recognises it, to say
//! it cannot become a programme again.

/// The readers' table's header row (one row per measure, latest report).
pub const READERS_COLUMNS: [&str; 14] = [
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

/// `-5`, `+3.5`: a signed decimal, which a spreadsheet reads as a number.
fn is_number(s: &str) -> bool {
    let signs = s.bytes().take_while(|b| matches!(b, b'+' | b'-')).count();
    let digits = s.as_bytes().get(signs..).unwrap_or_default();
    !digits.is_empty()
        && digits.iter().all(|b| b.is_ascii_digit() || *b == b'.')
        && digits.iter().filter(|b| **b == b'.').count() <= 1
        && digits.iter().any(u8::is_ascii_digit)
}

/// Appends one row: cells quoted where a spreadsheet could misread them.
pub fn push_row(out: &mut String, cells: &[&str]) {
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
