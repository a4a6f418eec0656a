//! A task force's measures on a time axis, drawn as SVG by the pure view
//! (so the static snapshot has it too): each measure's span from start to
//! deadline, its reported progress along that span, its milestones, and
//! the as-of line, where schedule progress stands. Status is written next
//! to every title, so colour is never the only cue, and the same facts are
//! in a table (`<details>`) for keyboard and screen-reader users.
//!
//! Coordinates are whole CSS pixels of a fixed-width drawing that scrolls
//! inside its own box on a phone; colours come from the stylesheet (light,
//! dark, forced colours, print).

use crate::model::date::Date;
use crate::model::{Measure, Programme, TaskForce};
use crate::tree::{el, El};
use crate::view::State;
use crate::words::{format_date, format_month, status_label, timeline_summary, ui};

/// Width of the drawing.
const WIDTH: i64 = 720;
/// Room at each side (a milestone diamond at the edge stays whole).
const PAD: i64 = 12;
/// Height of the date axis at the top.
const AXIS: i64 = 34;
/// Height of one measure: its label, then its bar.
const ROW: i64 = 46;
/// Where a row's label ends, below the row's top (its baseline is at 14).
const LABEL_BOTTOM: i64 = 19;
/// Longest label drawn, in characters (the table has the whole title).
const LABEL: usize = 34;

/// A fixed-width axis over the dates shown.
struct Axis {
    from: i32,
    to: i32,
}

impl Axis {
    fn over(dates: impl Iterator<Item = Date>) -> Axis {
        let (mut from, mut to) = (i32::MAX, i32::MIN);
        for d in dates {
            from = from.min(d.days());
            to = to.max(d.days());
        }
        if to - from < 30 {
            // One day, or a few: a month around them.
            let mid = from + (to - from) / 2;
            (from, to) = (mid - 15, mid + 15);
        }
        Axis { from, to }
    }

    fn x(&self, d: Date) -> i64 {
        let span = i64::from(self.to - self.from).max(1);
        PAD + i64::from(d.days() - self.from) * (WIDTH - 2 * PAD) / span
    }
}

/// Tick dates: the first of each month, quarter or year, by the span.
fn ticks(axis: &Axis) -> Vec<Date> {
    let span = axis.to - axis.from;
    let step = if span <= 200 {
        1
    } else if span <= 3 * 366 {
        3
    } else {
        12
    };
    let mut out = Vec::new();
    let Some(start) = Date::from_days(axis.from) else { return out };
    // The first tick on or after the start, on a step boundary.
    let (mut y, mut m) = (start.year(), start.month());
    if start.day() > 1 {
        m += 1;
    }
    while (m - 1) % step as u8 != 0 || m > 12 {
        if m > 12 {
            m = 1;
            y += 1;
        } else {
            m += 1;
        }
    }
    while let Some(d) = Date::new(y, m, 1) {
        if d.days() > axis.to {
            break;
        }
        out.push(d);
        m += step as u8;
        if m > 12 {
            m -= 12;
            y += 1;
        }
    }
    out
}

fn short(title: &str) -> String {
    if title.chars().count() <= LABEL {
        return title.to_string();
    }
    let mut s: String = title.chars().take(LABEL - 1).collect();
    s.push('…');
    s
}

/// The timeline of `rows` (the measures of `tf` listed now).
pub fn timeline(p: &Programme, tf: &TaskForce, rows: &[&Measure], st: &State) -> El {
    let lang = st.lang;
    let s = ui(lang);
    let dates = rows
        .iter()
        .flat_map(|m| m.start.into_iter().chain(m.due).chain(m.milestones.iter().map(|ms| ms.due)))
        .chain([p.as_of]);
    let axis = Axis::over(dates);
    let height = AXIS + ROW * rows.len() as i64 + 8;
    let n = |v: i64| v.to_string();

    let mut svg = el("svg")
        .class("tl")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .attr("viewBox", format!("0 0 {WIDTH} {height}"))
        .attr("width", n(WIDTH))
        .attr("height", n(height))
        .attr("role", "img")
        .attr("aria-label", summary(p, tf, rows, &axis, st));
    let mut grid = el("g").class("tl-axis").attr("aria-hidden", "true");
    for d in ticks(&axis) {
        let x = axis.x(d);
        grid = grid
            .child(
                el("line")
                    .class("tl-tick")
                    .attr("x1", n(x))
                    .attr("x2", n(x))
                    .attr("y1", n(AXIS - 8))
                    .attr("y2", n(height)),
            )
            .child(
                el("text")
                    .class("tl-tick-label")
                    .attr("x", n(x + 3))
                    .attr("y", n(AXIS - 14))
                    .text(format_month(d, lang)),
            );
    }
    svg = svg.child(grid);

    for (i, m) in rows.iter().enumerate() {
        let top = AXIS + ROW * i as i64;
        let y = top + 30;
        let overdue = m.is_overdue(p.as_of);
        let mut label = format!("{} · {}", short(m.title.get(lang)), status_label(m.status, lang));
        if overdue {
            label.push_str(" · ");
            label.push_str(s.overdue);
        }
        let mut row = el("g")
            .class(format!("tl-row st-{}", m.status.key()))
            .child(el("title").text(m.title.get(lang)))
            .child(el("text").class("tl-label").attr("x", n(PAD)).attr("y", n(top + 14)).text(label));
        match (m.start, m.due) {
            (Some(start), Some(due)) if due >= start => {
                let (x1, x2) = (axis.x(start), axis.x(due));
                let done = x1 + (x2 - x1) * i64::from(m.progress()) / 100;
                row = row.child(line("tl-track", x1, x2, y)).child(line(
                    &format!("tl-fill st-{}", m.status.key()),
                    x1,
                    done.max(x1 + 1),
                    y,
                ));
            }
            _ => {
                // No span to draw progress along: the deadline alone.
                if let Some(due) = m.due {
                    row = row.child(line("tl-track", axis.x(due) - 3, axis.x(due) + 3, y));
                }
            }
        }
        for ms in &m.milestones {
            let x = axis.x(ms.due);
            let class = if ms.done { "tl-ms done" } else { "tl-ms" };
            row = row.child(el("path").class(class).attr("d", format!("M{x} {} l5 5 -5 5 -5 -5z", y - 5)));
        }
        if let Some(due) = m.due {
            let x = axis.x(due);
            row = row.child(
                el("line")
                    .class(if overdue { "tl-due overdue" } else { "tl-due" })
                    .attr("x1", n(x))
                    .attr("x2", n(x))
                    .attr("y1", n(y - 8))
                    .attr("y2", n(y + 8)),
            );
        }
        svg = svg.child(row);
    }
    let x = axis.x(p.as_of);
    svg = svg.child(
        el("g")
            .class("tl-asof")
            .attr("aria-hidden", "true")
            .child(el("path").attr("d", as_of_line(x, rows.len())))
            .child(el("text").attr("x", n(x + 3)).attr("y", n(AXIS - 2)).text(format_date(p.as_of, lang))),
    );

    el("figure")
        .class("timeline")
        .attr("part", "timeline")
        .child(
            el("div")
                .class("tl-scroll")
                .attr("tabindex", "0")
                .attr("role", "region")
                .attr("aria-label", format!("{} · {}", s.timeline, tf.name.get(lang)))
                .child(svg),
        )
        .child(el("figcaption").class("tl-legend").attr("part", "muted").text(s.timeline_legend))
        .child(table(p, rows, st))
}

/// The as-of line at `x`, down the whole drawing but broken around each
/// row's label, which it would otherwise cross.
fn as_of_line(x: i64, rows: usize) -> String {
    let mut d = format!("M{x} {}V{AXIS}", AXIS - 6);
    for i in 0..rows as i64 {
        let top = AXIS + ROW * i;
        // From below the label (its text sits on top + 14) to the next row.
        d.push_str(&format!("M{x} {}V{}", top + LABEL_BOTTOM, top + ROW));
    }
    d
}

fn line(class: &str, x1: i64, x2: i64, y: i64) -> El {
    el("line")
        .class(class.to_string())
        .attr("x1", x1.to_string())
        .attr("x2", x2.to_string())
        .attr("y1", y.to_string())
        .attr("y2", y.to_string())
}

/// The text alternative: what the picture shows, in one sentence.
fn summary(p: &Programme, tf: &TaskForce, rows: &[&Measure], axis: &Axis, st: &State) -> String {
    let lang = st.lang;
    let overdue = rows.iter().filter(|m| m.is_overdue(p.as_of)).count();
    let from = Date::from_days(axis.from).map(|d| format_date(d, lang)).unwrap_or_default();
    let to = Date::from_days(axis.to).map(|d| format_date(d, lang)).unwrap_or_default();
    let as_of = format_date(p.as_of, lang);
    timeline_summary(lang, tf.name.get(lang), rows.len(), &from, &to, &as_of, overdue)
}

/// The same facts as a table, for keyboard and screen-reader users.
fn table(p: &Programme, rows: &[&Measure], st: &State) -> El {
    let lang = st.lang;
    let s = ui(lang);
    let date = |d: Option<Date>| d.map(|d| format_date(d, lang)).unwrap_or_else(|| s.no_due.to_string());
    let head = [s.measure, s.status, s.start, s.due, s.progress, s.schedule, s.milestones];
    let mut body = el("tbody");
    for m in rows {
        let mut status = status_label(m.status, lang).to_string();
        if m.is_overdue(p.as_of) {
            status = format!("{status} · {}", s.overdue);
        }
        let milestones: Vec<String> = m
            .milestones
            .iter()
            .map(|ms| {
                format!("{} {}{}", ms.title.get(lang), format_date(ms.due, lang), if ms.done { " ✓" } else { "" })
            })
            .collect();
        let cells = [
            date(m.start),
            date(m.due),
            format!("{}%", m.progress()),
            m.schedule(p.as_of).map(|v| format!("{v}%")).unwrap_or_else(|| "—".into()),
            milestones.join("；"),
        ];
        body = body.child(
            el("tr")
                .child(el("th").attr("scope", "row").text(m.title.get(lang)))
                .child(el("td").text(status))
                .children(cells.into_iter().map(|c| el("td").text(c))),
        );
    }
    el("details").class("tl-data").child(el("summary").text(s.as_table)).child(
        el("div").class("tl-table-wrap").child(
            el("table")
                .class("tl-table")
                .child(
                    el("thead").child(el("tr").children(head.iter().map(|h| el("th").attr("scope", "col").text(*h)))),
                )
                .child(body),
        ),
    )
}
