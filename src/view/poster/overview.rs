//! The overview poster: the programme's figures, then one row per task
//! force with its bar, counts and overdue.

use super::blocks::{figures, footer, heading, legend, masthead};
use super::draw::{Board, Type, INK, LEFT, MUTED, RIGHT};
use super::lines::width;
use crate::model::text::Lang;
use crate::model::{Programme, TaskForce};
use crate::words::{poster, ui};

pub(super) fn draw(p: &Programme, lang: Lang) -> Board {
    let tally = p.tally();
    let mut b = Board::new(0.0);
    masthead(&mut b, p, lang, poster(lang).kicker, (p.title.get(lang), 40.0), tally.total());
    figures(&mut b, &tally, lang);
    heading(&mut b, poster(lang).by_task_force);
    for tf in &p.task_forces {
        row(&mut b, p, tf, lang);
    }
    footer(&mut b, p, lang);
    b
}

/// A task force: its name and completed count, its bar, its statuses.
fn row(b: &mut Board, p: &Programme, tf: &TaskForce, lang: Lang) {
    let t = tf.tally(p.as_of);
    let name = Type { size: 28.0, bold: true, fill: INK };
    let count = Type { size: 22.0, bold: false, fill: MUTED };
    let done = format!("{}/{} {}", t.done(), t.total(), ui(lang).measures_done);
    let top = b.y;
    b.text(&done, RIGHT, top + (name.size - count.size) * 1.12, count, true);
    b.para(tf.name.get(lang), LEFT, RIGHT - LEFT - width(&done, count.size) - 24.0, name);
    b.gap(4.0);
    b.bar(&t, 18.0);
    b.gap(10.0);
    legend(b, &t, lang, Type { size: 20.0, bold: false, fill: MUTED }, Some(t.overdue));
    b.gap(14.0);
    b.rule();
    b.gap(22.0);
}
