//! A [`Diff`] in words: readable text or Markdown an editor can paste into
//! a story, in Chinese or English. The words for statuses and dates are the
//! widget's own.

use crate::model::date::Date;
use crate::model::diff::{Change, Diff, Place};
use crate::model::text::{Lang, Text};
use crate::model::Tally;
use crate::view::i18n::{format_date, status_label};

/// How the words are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Plain lines, for a terminal.
    Text,
    /// Markdown: a heading per task force, a bullet per change.
    Markdown,
}

/// The whole comparison in `lang`.
pub fn describe(d: &Diff, lang: Lang, layout: Layout) -> String {
    let zh = lang != Lang::En;
    let date = |x: Date| format_date(x, lang);
    let md = layout == Layout::Markdown;
    let mut out = String::new();
    let heading = if zh {
        format!("进展更新（数据截至{}，上次{}）", date(d.new_as_of), date(d.old_as_of))
    } else {
        format!("What changed (data as of {}; previously {})", date(d.new_as_of), date(d.old_as_of))
    };
    out.push_str(&if md { format!("## {heading}\n\n") } else { format!("{heading}\n\n") });
    out.push_str(&totals(&d.before, &d.after, lang));
    out.push_str("\n\n");
    if d.is_empty() {
        out.push_str(if zh { "没有变化。\n" } else { "Nothing changed.\n" });
        return out;
    }
    let mut current: Option<&str> = None;
    for c in &d.changes {
        let place = c.place();
        if current != Some(place.task_force.as_str()) {
            if current.is_some() {
                out.push('\n');
            }
            let name = place.task_force_name.get(lang);
            out.push_str(&if md { format!("### {name}\n\n") } else { format!("{name}\n") });
            current = Some(place.task_force.as_str());
        }
        out.push_str("- ");
        out.push_str(&line(c, lang, md));
        out.push('\n');
    }
    out
}

/// "Measures: 23 → 23; completed: 1 → 3; overdue: 0 → 2."
fn totals(before: &Tally, after: &Tally, lang: Lang) -> String {
    let (b, a) = (before, after);
    let (m, c, o) = (b.total(), b.done(), b.overdue);
    let (m2, c2, o2) = (a.total(), a.done(), a.overdue);
    if lang == Lang::En {
        format!("Measures: {m} → {m2}; completed: {c} → {c2}; overdue: {o} → {o2}.")
    } else {
        format!("措施 {m} → {m2} 项；已完成 {c} → {c2} 项；已逾期 {o} → {o2} 项。")
    }
}

fn title(place: &Place, lang: Lang, md: bool) -> String {
    match &place.measure {
        Some((_, t)) if md => format!("**{}**", t.get(lang)),
        Some((_, t)) => t.get(lang).to_string(),
        None => place.task_force_name.get(lang).to_string(),
    }
}

/// A text in curly quotes (the same marks in Chinese and English).
fn quote(t: &Text, lang: Lang) -> String {
    format!("\u{201c}{}\u{201d}", t.get(lang))
}

fn line(c: &Change, lang: Lang, md: bool) -> String {
    let zh = lang != Lang::En;
    let t = title(c.place(), lang, md);
    let date = |x: Date| format_date(x, lang);
    let due = |x: &Option<Date>| match x {
        Some(d) => date(*d),
        None if zh => "未定".to_string(),
        None => "none".to_string(),
    };
    match c {
        Change::TaskForceAdded(_) if zh => format!("新增专班：{t}"),
        Change::TaskForceAdded(_) => format!("New task force: {t}"),
        Change::TaskForceRemoved(_) if zh => format!("专班已移除：{t}"),
        Change::TaskForceRemoved(_) => format!("Task force removed: {t}"),
        Change::MeasureAdded(_, s) if zh => format!("新增措施：{t}（{}）", status_label(*s, lang)),
        Change::MeasureAdded(_, s) => format!("New measure: {t} ({})", status_label(*s, lang)),
        Change::MeasureRemoved(_) if zh => format!("措施已移除：{t}"),
        Change::MeasureRemoved(_) => format!("Measure removed: {t}"),
        Change::Status(_, a, b) if zh => format!("{t}：状态 {} → {}", status_label(*a, lang), status_label(*b, lang)),
        Change::Status(_, a, b) => format!("{t}: status {} → {}", status_label(*a, lang), status_label(*b, lang)),
        Change::Progress(_, a, b) if zh => format!("{t}：已报进度 {a}% → {b}%"),
        Change::Progress(_, a, b) => format!("{t}: reported progress {a}% → {b}%"),
        Change::Report(_, d, note) if zh => format!("{t}：新汇报（{}）{}", date(*d), quote(note, lang)),
        Change::Report(_, d, note) => format!("{t}: new report ({}) {}", date(*d), quote(note, lang)),
        Change::MilestoneReached(_, m, d) if zh => format!("{t}：节点达成 {}（计划 {}）", quote(m, lang), date(*d)),
        Change::MilestoneReached(_, m, d) => format!("{t}: milestone reached {} (due {})", quote(m, lang), date(*d)),
        Change::DeadlineMoved(_, a, b) if zh => format!("{t}：完成时限 {} → {}", due(a), due(b)),
        Change::DeadlineMoved(_, a, b) => format!("{t}: deadline {} → {}", due(a), due(b)),
        Change::NewlyOverdue(_, d) if zh => format!("{t}：已逾期（完成时限 {}）", date(*d)),
        Change::NewlyOverdue(_, d) => format!("{t}: now overdue (due {})", date(*d)),
    }
}
