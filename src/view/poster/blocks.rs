//! The parts both posters share: the masthead, the figures with their bar
//! and legend, a section heading and the source line.

use super::draw::{rect, Board, Type, ACCENT, INK, LEFT, MUTED, RIGHT, WIDTH};
use super::lines::width;
use crate::model::text::Lang;
use crate::model::{status_label, Programme, Status, Tally};
use crate::view::parts::source_label;
use crate::words::{format_date, measures_total, overdue_count, ui};

const KICKER: Type = Type { size: 22.0, bold: true, fill: ACCENT };
const META: Type = Type { size: 22.0, bold: false, fill: MUTED };
const SMALL: Type = Type { size: 20.0, bold: false, fill: MUTED };
const LEGEND: Type = Type { size: 22.0, bold: false, fill: INK };

/// The band across the top, the kicker, the title (`size` px), the as-of
/// date and count of `measures`, and the sample-data note.
pub(super) fn masthead(b: &mut Board, p: &Programme, lang: Lang, kicker: &str, title: (&str, f32), measures: u32) {
    let s = ui(lang);
    b.add(rect(0.0, 0.0, WIDTH, 12.0, ACCENT));
    b.gap(44.0);
    b.para(kicker, LEFT, RIGHT - LEFT, KICKER);
    b.gap(4.0);
    b.para(title.0, LEFT, RIGHT - LEFT, Type { size: title.1, bold: true, fill: INK });
    b.gap(6.0);
    let meta = format!("{} {} · {}", s.as_of, format_date(p.as_of, lang), measures_total(lang, measures));
    b.para(&meta, LEFT, RIGHT - LEFT, META);
    if p.has_sample() {
        b.gap(14.0);
        let badge = Type { size: 20.0, bold: true, fill: "#7d4e00" };
        let w = width(s.sample_badge, badge.size) + 28.0;
        b.add(
            rect(LEFT, b.y, w, 38.0, "#fff8c5").attr("stroke", "#9a6700").attr("stroke-width", "1.5").attr("rx", "6"),
        );
        b.text(s.sample_badge, LEFT + 14.0, b.y + 4.0, badge, false);
        b.gap(38.0 + 10.0);
        b.para(s.sample_note, LEFT, RIGHT - LEFT, SMALL);
    }
}

/// The figures: how many completed of how many, how many overdue, the bar
/// of every status and its legend, each status written with its count.
pub(super) fn figures(b: &mut Board, t: &Tally, lang: Lang) {
    let s = ui(lang);
    b.gap(30.0);
    let big = Type { size: 56.0, bold: true, fill: INK };
    let top = b.y;
    let done = format!("{}/{}", t.done(), t.total());
    let w = b.text(&done, LEFT, top, big, false);
    // The smaller words on the big figure's baseline.
    let on_baseline = |size: f32| top + (big.size - size) * 1.12;
    b.text(s.measures_done, LEFT + w + 12.0, on_baseline(26.0), Type { size: 26.0, bold: false, fill: INK }, false);
    if t.overdue > 0 {
        let overdue = Type { size: 28.0, bold: true, fill: ACCENT };
        b.text(&overdue_count(lang, t.overdue as usize), RIGHT, on_baseline(overdue.size), overdue, true);
    }
    b.gap(big.lead());
    b.bar(t, 28.0);
    b.gap(16.0);
    legend(b, t, lang, LEGEND, None);
}

/// Each status present, its swatch and word and count, then how many are
/// overdue (when asked, and any are), in rows.
pub(super) fn legend(b: &mut Board, t: &Tally, lang: Lang, ty: Type, overdue: Option<u32>) {
    let box_size = (ty.size * 0.8).round();
    let mut items: Vec<super::draw::Item> = Status::ALL
        .into_iter()
        .filter(|st| t.count(*st) > 0)
        .map(|st| {
            let label = format!("{} {}", status_label(st, lang), t.count(st));
            let w = box_size + 8.0 + width(&label, ty.size);
            let draw: super::draw::Draw = Box::new(move |b: &mut Board, x, top| {
                b.swatch(st, x, top + (ty.lead() - box_size) / 2.0, box_size);
                b.text(&label, x + box_size + 8.0, top, ty, false);
            });
            (w, draw)
        })
        .collect();
    if let Some(n) = overdue.filter(|n| *n > 0) {
        let label = overdue_count(lang, n as usize);
        let bold = Type { bold: true, fill: ACCENT, ..ty };
        let w = width(&label, ty.size);
        let draw: super::draw::Draw = Box::new(move |b: &mut Board, x, top| {
            b.text(&label, x, top, bold, false);
        });
        items.push((w, draw));
    }
    b.flow(items, LEFT, ty.lead(), 24.0);
}

/// A section's heading over a hairline.
pub(super) fn heading(b: &mut Board, text: &str) {
    b.gap(40.0);
    b.para(text, LEFT, RIGHT - LEFT, Type { size: 28.0, bold: true, fill: INK });
    b.gap(4.0);
    b.rule();
    b.gap(20.0);
}

/// Where the data comes from, under a hairline at the foot.
pub(super) fn footer(b: &mut Board, p: &Programme, lang: Lang) {
    let s = ui(lang);
    if let Some((label, _)) = source_label(p, lang) {
        b.gap(8.0);
        b.para(&format!("{}{}{label}", s.source, s.colon), LEFT, RIGHT - LEFT, SMALL);
    }
}
