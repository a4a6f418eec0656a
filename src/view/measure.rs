//! A measure's card: title (a disclosure button), status and overdue tags,
//! progress against schedule, deadline, latest report; opened, its
//! milestones, every report and its link.

use crate::model::order;
use crate::model::text::Lang;
use crate::model::{Measure, Programme, TaskForce};
use crate::tree::{el, El};
use crate::view::act::{self, Act};
use crate::view::parts::{button, copy_button, copy_field, data, link, status_tag, time, Ids};
use crate::view::state::{measure_id, measure_key, State};
use crate::words::{ui, Strings};

/// A measure's card; its title is a heading of `level` (5 under a task
/// force's "measures" heading, 4 in the all-task-forces results).
pub(crate) fn measure(m: &Measure, tf: &TaskForce, p: &Programme, st: &State, level: u8) -> El {
    let lang = st.lang;
    let s = ui(lang);
    let key = measure_key(tf.id.as_str(), m.id.as_str());
    let open = st.print || st.open.contains(&key);
    let details_id = Ids(&st.id_prefix).details(tf, m);
    let overdue = m.is_overdue(p.as_of);
    let progress = m.progress();
    let schedule = m.schedule(p.as_of);

    let mut tags = el("p").class("tags").child(status_tag(m.status, lang));
    if overdue {
        tags = tags.text(" ").child(el("span").class("tag overdue").attr("part", "tag").text(s.overdue));
    }
    if m.sample {
        tags = tags.text(" ").child(el("span").class("tag sample").attr("part", "tag").text(s.sample_short));
    }
    if !st.print && st.updated.contains(&key) {
        tags = tags.text(" ").child(el("span").class("tag updated").attr("part", "badge updated").text(s.updated));
    }

    let mut figures = format!("{} {progress}%", s.progress);
    let mut meter = el("span")
        .class("meter")
        .attr("role", "progressbar")
        .attr("aria-label", format!("{}：{}", s.progress, m.title.get(lang)))
        .attr("aria-valuemin", "0")
        .attr("aria-valuemax", "100")
        .attr("aria-valuenow", progress.to_string())
        .child(el("span").class(format!("fill st-{}", m.status.key())).var("--v", format!("{progress}%")));
    if let Some(sch) = schedule {
        figures.push_str(&format!(" · {} {sch}%", s.schedule));
        meter = meter.child(el("span").class("mark").var("--v", format!("{sch}%")));
    }
    meter = meter.attr("aria-valuetext", figures.as_str());

    let due = match m.due {
        Some(d) => el("p")
            .class(if overdue { "due late" } else { "due" })
            .attr("part", if overdue { "overdue" } else { "muted" })
            .text(format!("{} ", s.due))
            .child(time(d, lang)),
        None => el("p").class("due").attr("part", "muted").text(s.no_due),
    };

    let report = match m.latest_report() {
        Some(r) => {
            let mut block = el("p")
                .class("report")
                .child(el("span").class("report-label").attr("part", "muted").text(format!("{} ", s.latest_report)))
                .child(time(r.date, lang))
                .text(ui(lang).colon)
                .child(el("span").class("report-note").child(data(&r.note, lang)));
            if let Some(url) = &r.url {
                block = block.text(" ").child(link(url.as_str(), s.report_source));
            }
            block
        }
        None => el("p").class("report muted").attr("part", "muted").text(s.no_reports),
    };

    let (title_tag, sub_tag) = if level == 4 { ("h4", "h5") } else { ("h5", "h6") };
    let title = el(title_tag).class("m-title");
    let title = if st.print {
        title.child(data(&m.title, lang))
    } else {
        title.child(
            button("disclosure", Act::Toggle)
                .attr("aria-expanded", if open { "true" } else { "false" })
                .attr("aria-controls", details_id.as_str())
                .attr(act::ARG, key.as_str())
                .child(el("span").class("chevron").attr("aria-hidden", "true"))
                .child(data(&m.title, lang)),
        )
    };
    let mut details = el("div").class("details").attr_if(!st.print, "id", details_id);
    if open {
        details = measure_details(details, m, p, s, lang, sub_tag);
        if !st.print {
            let field = copy_field(st, s, &key);
            details = details.child(copy_button(s, m.title.get(lang), key)).children(field);
        }
    } else {
        details = details.attr("hidden", "");
    }

    el("li")
        .class(format!("measure st-{}", m.status.key()))
        .attr("id", measure_id(&st.id_prefix, tf.id.as_str(), m.id.as_str()))
        .child(title)
        .child(tags)
        .child(
            el("div")
                .class("progress")
                .child(meter)
                .child(el("span").class("figures").attr("part", "muted").text(figures)),
        )
        .child(due)
        .child(report)
        .child(details)
}

/// Milestones as a short timeline, then every report, newest first.
fn measure_details(mut details: El, m: &Measure, p: &Programme, s: &Strings, lang: Lang, heading: &'static str) -> El {
    if !m.milestones.is_empty() {
        let mut ms: Vec<_> = m.milestones.iter().collect();
        order::sort_by_key(&mut ms, |x| x.due.key());
        let items = ms.into_iter().map(|x| {
            let (class, label) = if x.done {
                ("ms done", s.ms_done)
            } else if x.due < p.as_of {
                ("ms late", s.ms_late)
            } else {
                ("ms pending", s.ms_pending)
            };
            el("li")
                .class(class)
                .child(el("span").class("ms-state").attr("part", "label").text(label))
                .text(" ")
                .child(time(x.due, lang))
                .text(ui(lang).colon)
                .child(data(&x.title, lang))
        });
        details = details
            .child(el(heading).class("details-head").attr("part", "muted").text(s.milestones))
            .child(el("ol").class("milestones").children(items));
    }
    if m.reports.len() < 2 {
        // None, or the one already shown as the latest report.
        return details;
    }
    details = details.child(el(heading).class("details-head").attr("part", "muted").text(s.history));
    let items = m.reports.iter().map(|r| {
        let mut li = el("li").child(time(r.date, lang));
        if let Some(st) = r.status {
            li = li.text(" ").child(status_tag(st, lang));
        }
        if let Some(pr) = r.progress {
            li = li.text(format!(" {}%", pr.get()));
        }
        if r.sample {
            li = li.text(" ").child(el("span").class("tag sample").attr("part", "tag").text(s.sample_short));
        }
        li = li.child(el("span").class("note").child(data(&r.note, lang)));
        if let Some(url) = &r.url {
            li = li.text(" ").child(link(url.as_str(), s.report_source));
        }
        li
    });
    details.child(el("ol").class("history").children(items))
}
