//! One task force's poster: its focus and leader, its figures, then every
//! measure with its status word, progress, deadline and overdue mark.

use super::blocks::{figures, footer, heading, masthead};
use super::draw::{rect, Board, Item, Type, ACCENT, HAIRLINE, INK, LEFT, MUTED, RIGHT};
use super::lines::width;
use crate::model::text::Lang;
use crate::model::{status_label, Measure, Programme, Status, TaskForce};
use crate::words::{format_date, ui};

const STATUS: Type = Type { size: 20.0, bold: true, fill: INK };
const TITLE: Type = Type { size: 24.0, bold: true, fill: INK };
const FACT: Type = Type { size: 20.0, bold: false, fill: MUTED };
const CHIP_H: f32 = 36.0;
const SWATCH: f32 = 14.0;

pub(super) fn draw(p: &Programme, tf: &TaskForce, lang: Lang) -> Board {
    let s = ui(lang);
    let t = tf.tally(p.as_of);
    let mut b = Board::new(0.0);
    masthead(&mut b, p, lang, p.title.get(lang), (tf.name.get(lang), 44.0), t.total());
    let about = Type { size: 22.0, bold: false, fill: INK };
    for (label, text) in [(s.focus, &tf.focus), (s.leader, &tf.leader)] {
        if let Some(text) = text {
            b.gap(8.0);
            b.para(&format!("{label}{}{}", s.colon, text.get(lang)), LEFT, RIGHT - LEFT, about);
        }
    }
    figures(&mut b, &t, lang);
    heading(&mut b, s.measures);
    // One chip width for every status word, so the titles line up.
    let chip = Status::ALL.iter().map(|st| width(status_label(*st, lang), STATUS.size)).fold(0.0, f32::max)
        + SWATCH
        + 8.0
        + 24.0;
    for m in &tf.measures {
        measure(&mut b, p, m, lang, chip);
    }
    footer(&mut b, p, lang);
    b
}

/// A measure: its status chip and overdue mark, its title, then its
/// progress and deadline.
fn measure(b: &mut Board, p: &Programme, m: &Measure, lang: Lang, chip: f32) {
    let s = ui(lang);
    let top = b.y;
    b.add(rect(LEFT, top, chip, CHIP_H, "#f6f8fa").attr("stroke", HAIRLINE).attr("stroke-width", "1").attr("rx", "6"));
    b.swatch(m.status, LEFT + 12.0, top + (CHIP_H - SWATCH) / 2.0, SWATCH);
    b.text(
        status_label(m.status, lang),
        LEFT + 12.0 + SWATCH + 8.0,
        top + (CHIP_H - STATUS.lead()) / 2.0,
        STATUS,
        false,
    );

    let x = LEFT + chip + 16.0;
    b.gap((CHIP_H - TITLE.lead()) / 2.0);
    b.para(m.title.get(lang), x, RIGHT - x, TITLE);
    b.gap(4.0);
    let progress = m.progress();
    let mut facts: Vec<Item> = Vec::new();
    let label = format!("{} {progress}%", s.progress);
    let w = width(&label, FACT.size);
    facts.push((
        w + 10.0 + 80.0,
        Box::new(move |b: &mut Board, x, top| {
            b.text(&label, x, top, FACT, false);
            let (bx, by) = (x + w + 10.0, top + (FACT.lead() - 10.0) / 2.0);
            b.add(rect(bx, by, 80.0, 10.0, "#eaeef2").attr("stroke", MUTED).attr("stroke-width", "1"));
            b.add(rect(bx, by, 80.0 * f32::from(progress) / 100.0, 10.0, INK));
        }),
    ));
    let due = match m.due {
        Some(d) => format!("{} {}", s.due, format_date(d, lang)),
        None => s.no_due.to_string(),
    };
    let w = width(&due, FACT.size);
    facts.push((
        w,
        Box::new(move |b: &mut Board, x, top| {
            b.text(&due, x, top, FACT, false);
        }),
    ));
    b.flow(facts, x, FACT.lead(), 24.0);
    let mut left = top + CHIP_H;
    if m.is_overdue(p.as_of) {
        // Under the status, where the eye looks for how a measure stands.
        let tag = Type { size: 18.0, bold: true, fill: "#ffffff" };
        let w = width(s.overdue, tag.size) + 16.0;
        let h = tag.lead() + 2.0;
        b.add(rect(LEFT, left + 8.0, w, h, ACCENT).attr("rx", "4"));
        b.text(s.overdue, LEFT + 8.0, left + 9.0, tag, false);
        left += 8.0 + h;
    }
    b.y = b.y.max(left);
    b.gap(16.0);
    b.rule();
    b.gap(18.0);
}
