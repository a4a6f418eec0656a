//! The pure view: programme + state → a tree of [`Node`]s.
//!
//! The view decides everything a reader sees and every attribute assistive
//! technology reads; the DOM layer only copies the tree into the page. The
//! same tree serialises to HTML ([`Node::to_html`]) for static snapshots.
//! Data text only ever becomes [`Node::Text`]; nothing here builds markup
//! from strings, and only validated http(s) links become `href`s.

use crate::model::{Programme, Tally};
use crate::tree::{el, El, Node};
use crate::view::act::Act;
use crate::view::filters::{filters, results};
use crate::view::header::{header, overall};
use crate::view::panel::task_force_panel;
use crate::view::panels::shared;
use crate::view::parts::{button, data, done_of, status_bar, Ids};
use crate::words::{matching, overdue_count, ui, Strings};

pub mod act;
pub mod diff;
pub mod export;
pub mod fallback;
mod filters;
mod header;
mod measure;
mod notices;
mod panel;
mod panels;
pub(crate) mod parts;
#[cfg(any(not(target_arch = "wasm32"), feature = "desk"))]
pub mod poster;
mod snapshot;
pub mod state;
pub mod timeline;

pub use notices::{crashed_view, error_view, stale_notice, stale_reader_notice, unavailable_view};
pub use panels::Panels;
pub use snapshot::snapshot;
pub use state::State;

/// The whole widget for a valid programme.
pub fn view(p: &Programme, st: &State) -> Node {
    view_with(p, st, &mut Panels::default())
}

/// The whole widget, its panel's content from (and kept in) `panels`.
pub fn view_with(p: &Programme, st: &State, panels: &mut Panels) -> Node {
    let lang = st.lang;
    let s = ui(lang);
    let selected = st.selected.min(p.task_forces.len().saturating_sub(1));
    let ids = Ids(&st.id_prefix);
    let filtering = st.filter.active();
    let show_results = filtering && st.filter.all && !st.print;
    // Counted once per render: the tabs, the panel and the overall summary share them.
    let tallies: Vec<Tally> = p.task_forces.iter().map(|tf| tf.tally(p.as_of)).collect();

    let tabs = p.task_forces.iter().enumerate().map(|(i, tf)| {
        let tally = &tallies[i];
        let on = i == selected;
        // While filtering, the matches alone: short enough for one line.
        let count = if filtering {
            matching(lang, tf.measures.iter().filter(|m| st.shows(tf, m, p.as_of)).count())
        } else {
            done_of(tally, s)
        };
        let overdue = (tally.overdue > 0 && !filtering).then(|| {
            el("span").class("tab-overdue").attr("part", "overdue").text(overdue_count(lang, tally.overdue as usize))
        });
        button("tab", Act::Tab)
            .attr("part", if on { "tab tab-selected" } else { "tab" })
            .attr("role", "tab")
            .attr("id", ids.tab(tf))
            .attr("aria-selected", if on { "true" } else { "false" })
            .attr("aria-controls", ids.panel(tf))
            .attr("tabindex", if on { "0" } else { "-1" })
            .attr(act::ARG, i.to_string())
            .child(el("span").class("tab-name").child(data(&tf.name, lang)))
            .child(
                el("span")
                    .class("tab-line")
                    .child(el("span").class("tab-count").attr("part", "muted").text(count))
                    .children(overdue),
            )
            .child(status_bar(tally))
    });

    let panels = p.task_forces.iter().enumerate().map(|(i, tf)| {
        if st.print {
            // Static: every task force in turn, no tabs to label it.
            let section = el("section").class("panel").attr("part", "panel").attr("aria-label", tf.name.get(lang));
            return section.children(task_force_panel(p, tf, &tallies[i], st));
        }
        let panel = el("div")
            .class("panel")
            .attr("part", "panel")
            .attr("role", "tabpanel")
            .attr("id", ids.panel(tf))
            .attr("aria-labelledby", ids.tab(tf))
            .attr("tabindex", "0");
        if i == selected && !show_results {
            panel.children(shared(panels.content(p, i, st)))
        } else {
            // Hidden, holding what a switch to it shows once that is built
            // (see `Panels`): empty until then.
            panel.attr("hidden", "").children(shared(panels.placed(i, st, tf.id.as_str()).unwrap_or_default()))
        }
    });

    let root = el("div")
        .class(if st.print { "tft print" } else { "tft" })
        .attr("part", "root")
        .attr("lang", lang.tag())
        .child(header(p, st, s))
        .child(overall(tallies.iter().copied().sum(), lang, s));
    if st.print {
        // For paper and the static snapshot: no controls, everything open.
        return root.children(panels).into();
    }
    let mut root = root
        .child(filters(p, st, s))
        .child(
            el("div")
                .class("tabs")
                .attr("part", "tabs")
                .attr("role", "tablist")
                .attr("aria-label", s.task_forces)
                .children(tabs),
        )
        .children(panels);
    if show_results {
        root = root.child(results(p, st, s));
    }
    root = root.children(about(st, s));
    // Present from the first render, so that later changes are announced.
    root.child(el("p").class("sr-only").attr("role", "status").text(st.announcement.as_str())).into()
}

/// Which data this is, in words: the code also names downloaded files, so a
/// reader (or an editor answering one) can tell versions apart.
fn about(st: &State, s: &Strings) -> Option<El> {
    let v = st.version.as_ref()?;
    Some(
        el("p")
            .class("about")
            .attr("part", "muted")
            .child(el("span").class("version").text(format!("{} ", s.version)).child(el("code").text(v.as_str())))
            .text(s.version_help),
    )
}
