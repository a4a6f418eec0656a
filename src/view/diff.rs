//! A [`Diff`] laid out for an editor: readable text or Markdown to paste
//! into a story, in any of the three languages. Every sentence comes from
//! `crate::words`; this only arranges them.

use crate::model::diff::{Diff, Place};
use crate::model::text::Lang;
use crate::words::diff as words;

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
    let md = layout == Layout::Markdown;
    let mut out = String::new();
    let heading = words::heading(lang, d.new_as_of, d.old_as_of);
    out.push_str(&if md { format!("## {heading}\n\n") } else { format!("{heading}\n\n") });
    out.push_str(&words::totals(lang, &d.before, &d.after));
    out.push_str("\n\n");
    if d.is_empty() {
        out.push_str(words::nothing(lang));
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
        out.push_str(&words::change(lang, c, &title(place, lang, md)));
        out.push('\n');
    }
    out
}

/// What changed: the measure's title (bold in Markdown), or the task force.
fn title(place: &Place, lang: Lang, md: bool) -> String {
    match &place.measure {
        Some((_, t)) if md => format!("**{}**", t.get(lang)),
        Some((_, t)) => t.get(lang).to_string(),
        None => place.task_force_name.get(lang).to_string(),
    }
}
