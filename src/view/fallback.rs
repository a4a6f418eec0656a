//! The no-JavaScript fallback: what `tft render-html` writes for pasting
//! inside `<task-force-tracker>`. Readers without JavaScript see it, and
//! everyone does for the first seconds on a slow network.
//!
//! It lives in the host page's light DOM, under the site's CSS and CSP, so
//! it is built for that, not copied from the widget: every class starts with
//! `tft-` (site rules for `.title` or `.tag` cannot reach it), nothing needs
//! a `style` attribute (bars are `<progress>`), there are no controls that
//! need script, and each measure is a collapsed `<details>` so that the page
//! stays a readable length. `www/task-force-tracker-fallback.css`, shipped
//! in the release folder, styles it.

use crate::model::order;
use crate::model::text::Lang;
use crate::model::{Measure, Programme, Status, Tally, TaskForce};
use crate::tree::{el, El, Node};
use crate::view::parts::{data, done_of, link, source_label, time, two_languages};
use crate::words::{overdue_count, status_label, ui, Strings};

/// The fallback for `p`, in `lang`.
pub fn fallback(p: &Programme, lang: Lang) -> Node {
    let s = ui(lang);
    let tallies: Vec<Tally> = p.task_forces.iter().map(|tf| tf.tally(p.as_of)).collect();
    let mut meta = el("p").class("tft-meta").text(format!("{} ", s.as_of)).child(time(p.as_of, lang));
    if let Some((label, url)) = source_label(p, lang) {
        let cite = match url {
            Some(url) => link(url, label),
            None => el("cite").text(label),
        };
        meta = meta.text(format!(" · {} ", s.source)).child(cite);
    }
    let mut head =
        el("header").class("tft-head").child(el("h2").class("tft-title").child(data(&p.title, lang))).child(meta);
    if p.has_sample() {
        head = head.child(
            el("p")
                .class("tft-sample-note")
                .child(el("strong").class("tft-badge").children(two_languages(s.sample_badge, lang)))
                .text(format!(" {}", s.sample_note)),
        );
    }
    let total: Tally = tallies.iter().copied().sum();
    el("div")
        .class("tft-fallback")
        .attr("lang", lang.tag())
        .child(head)
        .child(summary(el("p").class("tft-overall").text(format!("{} ", s.overall)), &total, lang, s))
        .child(bar(&total, s.overall, s))
        .children(p.task_forces.iter().zip(&tallies).map(|(tf, t)| task_force(p, tf, t, lang, s)))
        .into()
}

/// "4/20 completed · 12 overdue" after `head`.
fn summary(head: El, t: &Tally, lang: Lang, s: &Strings) -> El {
    let mut line = head.child(el("strong").text(done_of(t, s)));
    if t.overdue > 0 {
        line = line.text(" · ").child(el("span").class("tft-late").text(overdue_count(lang, t.overdue as usize)));
    }
    line
}

/// Completed measures of all, as a native progress bar (no style attribute).
fn bar(t: &Tally, label: &str, s: &Strings) -> El {
    el("progress")
        .class("tft-bar")
        .attr("max", t.total().max(1).to_string())
        .attr("value", t.done().to_string())
        .attr("aria-label", label)
        .text(done_of(t, s))
}

fn task_force(p: &Programme, tf: &TaskForce, t: &Tally, lang: Lang, s: &Strings) -> El {
    // Data text through the view's `data`, as in the widget: isolated when
    // it holds right-to-left text, marked when in another language.
    let sep = if lang == Lang::En { ", " } else { "、" };
    let mut members = Vec::new();
    for (i, m) in tf.members.iter().enumerate() {
        if i > 0 {
            members.push(Node::Text(sep.into()));
        }
        members.push(data(m, lang));
    }
    let members = (!members.is_empty()).then_some(members);
    let facts = [
        (s.focus, tf.focus.as_ref().map(|f| vec![data(f, lang)])),
        (s.leader, tf.leader.as_ref().map(|l| vec![data(l, lang)])),
        (s.members, members),
    ]
    .into_iter()
    .filter_map(|(label, value)| Some(el("div").child(el("dt").text(label)).child(el("dd").children(value?))));
    let list = if tf.measures.is_empty() {
        el("p").class("tft-empty").text(s.no_measures)
    } else {
        el("ol").class("tft-measures").children(tf.measures.iter().map(|m| measure(p, m, lang, s)))
    };
    el("section")
        .class("tft-tf")
        .child(el("h3").class("tft-tf-name").child(data(&tf.name, lang)))
        .child(summary(el("p").class("tft-count"), t, lang, s))
        .child(el("dl").class("tft-facts").children(facts))
        .child(list)
}

fn tag(status: Status, lang: Lang) -> El {
    el("span").class(format!("tft-tag tft-st-{}", status.key())).text(status_label(status, lang))
}

fn measure(p: &Programme, m: &Measure, lang: Lang, s: &Strings) -> El {
    let overdue = m.is_overdue(p.as_of);
    let mut summary = el("summary")
        .child(el("span").class("tft-m-title").child(data(&m.title, lang)))
        .text(" ")
        .child(tag(m.status, lang));
    if overdue {
        summary = summary.text(" ").child(el("span").class("tft-tag tft-overdue").text(s.overdue));
    }
    if m.sample {
        summary = summary.text(" ").child(el("span").class("tft-tag tft-sample").text(s.sample_short));
    }
    let progress = m.progress();
    let mut figures = format!("{} {progress}%", s.progress);
    if let Some(sch) = m.schedule(p.as_of) {
        figures.push_str(&format!(" · {} {sch}%", s.schedule));
    }
    summary = summary.text(" ").child(el("span").class("tft-figures").text(figures));

    let due = match m.due {
        Some(d) => el("p")
            .class(if overdue { "tft-due tft-late" } else { "tft-due" })
            .text(format!("{} ", s.due))
            .child(time(d, lang)),
        None => el("p").class("tft-due").text(s.no_due),
    };
    let mut body = el("details")
        .child(summary)
        .child(
            el("progress")
                .class(format!("tft-meter tft-st-{}", m.status.key()))
                .attr("max", "100")
                .attr("value", progress.to_string())
                .attr("aria-label", format!("{}：{}", s.progress, m.title.get(lang)))
                .text(format!("{progress}%")),
        )
        .child(due);
    if !m.milestones.is_empty() {
        let mut ms: Vec<_> = m.milestones.iter().collect();
        order::sort_by_key(&mut ms, |x| x.due.key());
        let items = ms.into_iter().map(|x| {
            let state = if x.done {
                s.ms_done
            } else if x.due < p.as_of {
                s.ms_late
            } else {
                s.ms_pending
            };
            el("li").text(format!("{state} ")).child(time(x.due, lang)).text(s.colon).child(data(&x.title, lang))
        });
        body =
            body.child(el("p").class("tft-sub").text(s.milestones)).child(el("ol").class("tft-list").children(items));
    }
    if m.reports.is_empty() {
        return el("li").class("tft-measure").child(body.child(el("p").class("tft-muted").text(s.no_reports)));
    }
    // Newest first; the latest is the one a reader wants.
    let items = m.reports.iter().map(|r| {
        let mut li = el("li").child(time(r.date, lang));
        if let Some(st) = r.status {
            li = li.text(" ").child(tag(st, lang));
        }
        if let Some(pr) = r.progress {
            li = li.text(format!(" {}%", pr.get()));
        }
        li = li.text(s.colon).child(el("span").class("tft-note").child(data(&r.note, lang)));
        if let Some(url) = &r.url {
            li = li.text(" ").child(link(url.as_str(), s.report_source));
        }
        li
    });
    let heading = if m.reports.len() == 1 { s.latest_report } else { s.history };
    body = body.child(el("p").class("tft-sub").text(heading)).child(el("ol").class("tft-list").children(items));
    el("li").class("tft-measure").child(body)
}

/// The fallback as HTML, for pasting inside the element.
pub fn fallback_html(p: &Programme, lang: Lang) -> String {
    let mut html = fallback(p, lang).to_html();
    html.push('\n');
    html
}
