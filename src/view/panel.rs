//! One task force's panel: its name and link, focus, leader and member
//! units, then its measures as a list or on the timeline.

use crate::model::text::Lang;
use crate::model::{Measure, Programme, Tally, TaskForce};
use crate::tree::{el, El};
use crate::view::act::{self, Act};
use crate::view::measure::measure;
use crate::view::parts::{button, copy_button, copy_field, data, done_of, more_button};
use crate::view::state::{State, PAGE};
use crate::view::timeline;
use crate::words::ui;

/// What the panel of `tf` holds (the panel element itself is the tabs'):
/// its head, facts, measures, layout switch and "show more".
pub(crate) fn task_force_panel(p: &Programme, tf: &TaskForce, tally: &Tally, st: &State) -> Vec<El> {
    let lang = st.lang;
    let s = ui(lang);
    let fact = |label: &str, value: El| el("div").child(el("dt").attr("part", "muted").text(label)).child(value);
    let unknown = || el("dd").class("unknown").attr("part", "muted").text(s.not_published);
    let mut facts = el("dl").class("facts");
    if let Some(f) = &tf.focus {
        facts = facts.child(fact(s.focus, el("dd").child(data(f, lang))));
    }
    facts = facts.child(fact(s.leader, tf.leader.as_ref().map_or_else(unknown, |l| el("dd").child(data(l, lang)))));
    let members = if tf.members.is_empty() {
        unknown()
    } else {
        let sep = if lang == Lang::En { ", " } else { "、" };
        // Each member its own node: an override in one cannot reorder the next.
        let mut dd = el("dd");
        for (i, m) in tf.members.iter().enumerate() {
            if i > 0 {
                dd = dd.text(sep);
            }
            dd = dd.child(data(m, lang));
        }
        dd
    };
    facts = facts.child(fact(s.members, members));

    let matching = || tf.measures.iter().filter(|m| st.print || st.shows(tf, m, p.as_of));
    let count = matching().count();
    let shown = if st.print { count } else { count.min(st.limit) };
    let list = if tf.measures.is_empty() {
        el("p").class("empty").attr("part", "muted").text(s.no_measures)
    } else if shown == 0 {
        el("p").class("empty").attr("part", "muted").text(s.no_results)
    } else if st.timeline && !st.print {
        let rows: Vec<&Measure> = matching().take(shown).collect();
        timeline::timeline(p, tf, &rows, st)
    } else {
        el("ol").class("measures").children(matching().take(shown).map(|m| measure(m, tf, p, st, 5)))
    };
    // On paper and in the static snapshot, the timeline follows the list
    // (its first rows: a picture of thousands would not be read).
    let printed_timeline = (st.print && shown > 0).then(|| {
        let rows: Vec<&Measure> = matching().take(shown.min(4 * PAGE)).collect();
        timeline::timeline(p, tf, &rows, st)
    });
    let layout = (!st.print && !tf.measures.is_empty()).then(|| {
        let choice = |arg: &'static str, label: &str, on: bool| {
            button("chip", Act::Layout)
                .attr(act::ARG, arg)
                .attr("aria-pressed", if on { "true" } else { "false" })
                .text(label)
        };
        el("div")
            .class("group layout")
            .attr("role", "group")
            .attr("aria-label", s.layout)
            .child(el("span").class("group-label").attr("part", "muted").attr("aria-hidden", "true").text(s.layout))
            .child(choice("list", s.list, !st.timeline))
            .child(choice("timeline", s.timeline, st.timeline))
    });
    let head = el("div")
        .class("panel-head")
        .child(el("h3").class("tf-name").child(data(&tf.name, lang)))
        .child(copy_button(s, tf.name.get(lang), tf.id.as_str().to_string()))
        .children(copy_field(st, s, tf.id.as_str()));
    let count_head = el("h4")
        .class("measures-head")
        .text(format!("{} ", s.measures))
        .child(el("span").class("muted").attr("part", "muted").text(done_of(tally, s)));
    let mut content = vec![head, facts, count_head, list];
    content.extend(printed_timeline);
    // Below what it switches, so that the keyboard reaches the first
    // measure right after the task force's own controls.
    content.extend(layout);
    content.extend(more_button(count - shown, lang));
    content
}
