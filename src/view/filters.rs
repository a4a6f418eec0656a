//! The filters (search, status, scope) and, when searching every task
//! force, the results grouped by task force.

use crate::model::{Programme, Status};
use crate::tree::{el, El};
use crate::view::act::{self, Act};
use crate::view::measure::measure;
use crate::view::parts::{button, data, more_button};
use crate::view::state::State;
use crate::words::{elsewhere, showing, status_label, Strings};

pub(crate) fn filters(p: &Programme, st: &State, s: &Strings) -> El {
    let lang = st.lang;
    let f = &st.filter;
    let option = |value: &str, label: String, on: bool| {
        el("option").attr("value", value).attr_if(on, "selected", "").text(label)
    };
    let statuses = core::iter::once(option("", s.all_statuses.into(), f.status.is_none() && !f.overdue))
        .chain(Status::ALL.iter().map(|x| option(x.key(), status_label(*x, lang).into(), f.status == Some(*x))))
        .chain(core::iter::once(option("overdue", s.overdue_only.into(), f.overdue)));
    let field = |label: &str, control: El| {
        el("label")
            .class("field")
            .child(el("span").class("field-label").attr("part", "label").text(label))
            .child(control)
    };
    let mut bar = el("div")
        .class("filters")
        .attr("part", "filters")
        .attr("role", "search")
        .attr("aria-label", s.filters)
        .child(field(
            s.search,
            el("input")
                .attr("type", "search")
                .attr("part", "field")
                .attr(act::ATTR, Act::Query.name())
                .attr("placeholder", s.search_hint)
                .attr("value", f.query.as_str())
                .attr("autocomplete", "off"),
        ))
        .child(field(
            s.status,
            el("select").attr("part", "field").attr(act::ATTR, Act::Status.name()).children(statuses),
        ))
        .child(field(
            s.scope,
            el("select")
                .attr("part", "field")
                .attr(act::ATTR, Act::Scope.name())
                .child(option("one", s.scope_one.into(), !f.all))
                .child(option("all", s.scope_all.into(), f.all)),
        ));
    if f.active() {
        // Counted only while a filter is on: otherwise every render would
        // walk every measure in scope for a number nobody sees.
        let (shown, total) = st.counts(p);
        bar = bar
            .child(el("p").class("count").attr("part", "muted").text(showing(lang, shown, total)))
            .child(button("chip", Act::Clear).text(s.clear));
        if !f.all {
            // Matches the reader cannot see from here: say where they are.
            let others = st.counts_in(p, true).0 - shown;
            if others > 0 {
                bar = bar.child(
                    el("p")
                        .class("elsewhere")
                        .child(el("span").text(elsewhere(lang, others)))
                        .child(button("chip", Act::ScopeAll).text(s.search_all)),
                );
            }
        }
    }
    bar
}

pub(crate) fn results(p: &Programme, st: &State, s: &Strings) -> El {
    let mut budget = st.limit;
    let mut hidden = 0;
    let mut region = el("section").class("results").attr("part", "panel").attr("aria-label", s.results_all);
    let mut any = false;
    for tf in &p.task_forces {
        let matching = || tf.measures.iter().filter(|m| st.shows(tf, m, p.as_of));
        let count = matching().count();
        let take = count.min(budget);
        budget -= take;
        hidden += count - take;
        if take > 0 {
            any = true;
            let items = matching().take(take).map(|m| measure(m, tf, p, st, 4));
            region = region.child(
                el("section")
                    .class("group-results")
                    .child(el("h3").class("tf-name").child(data(&tf.name, st.lang)))
                    .child(el("ol").class("measures").children(items)),
            );
        }
    }
    if !any {
        region = region.child(el("p").class("empty").attr("part", "muted").text(s.no_results));
    }
    region.children(more_button(hidden, st.lang))
}
