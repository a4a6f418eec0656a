//! The poster's drawing board: content set from the top of a 750 px page
//! down, as SVG elements of the view tree (text only ever as text). Each
//! status has a fill told apart in greyscale print by its pattern or shade
//! as well as its colour, and its word is always written beside it.

use super::lines::{width, wrap};
use crate::model::{Status, Tally};
use crate::tree::{el, El, Node};

/// The page's width: a phone article's image width.
pub(super) const WIDTH: f32 = 750.0;
/// The left edge of the content.
pub(super) const LEFT: f32 = 40.0;
/// The right edge of the content.
pub(super) const RIGHT: f32 = WIDTH - LEFT;

/// Body text.
pub(super) const INK: &str = "#1f2328";
/// Secondary text.
pub(super) const MUTED: &str = "#57606a";
/// The masthead's band and kicker, and what is overdue.
pub(super) const ACCENT: &str = "#a40e26";
/// Hairlines.
pub(super) const HAIRLINE: &str = "#d0d7de";

/// A size, weight and colour of text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Type {
    pub size: f32,
    pub bold: bool,
    pub fill: &'static str,
}

impl Type {
    /// The height of one line.
    pub fn lead(self) -> f32 {
        (self.size * 1.5).round()
    }
}

/// A coordinate, to a tenth of a pixel.
fn n(v: f32) -> String {
    format!("{}", (v * 10.0).round() / 10.0)
}

/// The page being drawn: what is on it, and how far down it goes.
pub(super) struct Board {
    /// The top of what comes next.
    pub y: f32,
    nodes: Vec<Node>,
}

impl Board {
    pub fn new(top: f32) -> Board {
        Board { y: top, nodes: Vec::new() }
    }

    pub fn gap(&mut self, dy: f32) {
        self.y += dy;
    }

    fn push(&mut self, e: El) {
        self.nodes.push(e.into());
    }

    /// One line of text whose line box starts at `top`, its start at `x`
    /// (its end, with `end`); the cursor stays. Returns its width.
    pub fn text(&mut self, s: &str, x: f32, top: f32, t: Type, end: bool) -> f32 {
        // The baseline of a line box 1.5 em tall, for CJK and Latin fonts alike.
        let baseline = top + t.size * 1.12;
        self.push(
            el("text")
                .attr("x", n(x))
                .attr("y", n(baseline))
                .attr("font-size", n(t.size))
                .attr_if(t.bold, "font-weight", "700")
                .attr("fill", t.fill)
                .attr_if(end, "text-anchor", "end")
                .text(s),
        );
        width(s, t.size)
    }

    /// `s` set in lines `max` px wide from `x`, from the cursor down.
    pub fn para(&mut self, s: &str, x: f32, max: f32, t: Type) {
        for line in wrap(s, t.size, max) {
            self.text(&line, x, self.y, t, false);
            self.y += t.lead();
        }
    }

    pub fn add(&mut self, e: El) {
        self.push(e);
    }

    /// A hairline across the content at the cursor.
    pub fn rule(&mut self) {
        let r = rect(LEFT, self.y, RIGHT - LEFT, 1.0, HAIRLINE);
        self.push(r);
    }

    /// A stacked bar of `t`'s statuses, `h` tall, at the cursor; moves below it.
    pub fn bar(&mut self, t: &Tally, h: f32) {
        let total = t.total().max(1) as f32;
        let span = RIGHT - LEFT;
        let mut before = 0;
        for st in Status::ALL {
            let count = t.count(st);
            if count == 0 {
                continue;
            }
            let x0 = LEFT + (span * before as f32 / total).round();
            before += count;
            let x1 = LEFT + (span * before as f32 / total).round();
            let seg = rect(x0, self.y, x1 - x0, h, fill(st)).attr("stroke", "#ffffff").attr("stroke-width", "1");
            self.push(seg);
        }
        let frame = rect(LEFT, self.y, span, h, "none").attr("stroke", MUTED).attr("stroke-width", "1");
        self.push(frame);
        self.y += h;
    }

    /// A status's swatch, `size` square, its top at `top`.
    pub fn swatch(&mut self, st: Status, x: f32, top: f32, size: f32) {
        let s = rect(x, top, size, size, fill(st)).attr("stroke", MUTED).attr("stroke-width", "1");
        self.push(s);
    }

    /// Items laid out left to right from `x0` at the cursor, `gap` apart,
    /// on as many lines of `lead` as they need; moves below them.
    pub fn flow(&mut self, items: Vec<Item>, x0: f32, lead: f32, gap: f32) {
        let mut x = x0;
        for (w, draw) in items {
            if x > x0 && x + w > RIGHT {
                x = x0;
                self.y += lead;
            }
            let top = self.y;
            draw(self, x, top);
            x += w + gap;
        }
        self.y += lead;
    }

    pub fn into_nodes(self) -> Vec<Node> {
        self.nodes
    }
}

/// Something drawn at a left edge and a top, given its width.
pub(super) type Draw = Box<dyn FnOnce(&mut Board, f32, f32)>;
/// An item of a [`Board::flow`]: its width, and how to draw it.
pub(super) type Item = (f32, Draw);

/// A rectangle.
pub(super) fn rect(x: f32, y: f32, w: f32, h: f32, fill: &str) -> El {
    el("rect").attr("x", n(x)).attr("y", n(y)).attr("width", n(w)).attr("height", n(h)).attr("fill", fill)
}

/// How a status is filled: shades apart in greyscale, and patterns where
/// two colours would print as one grey.
pub(super) fn fill(st: Status) -> &'static str {
    match st {
        Status::Completed => "#1a7f37",
        Status::OnTrack => "#54aeff",
        Status::Behind => "url(#p-behind)",
        Status::Blocked => "url(#p-blocked)",
        Status::NotStarted => "#eaeef2",
        Status::Dropped => "url(#p-dropped)",
    }
}

/// The patterns [`fill`] names.
pub(super) fn patterns() -> El {
    let tile = |id: &'static str| {
        el("pattern").attr("id", id).attr("width", "8").attr("height", "8").attr("patternUnits", "userSpaceOnUse")
    };
    let square = |fill: &'static str| el("rect").attr("width", "8").attr("height", "8").attr("fill", fill);
    el("defs")
        // Behind: orange stripes.
        .child(
            tile("p-behind")
                .attr("patternTransform", "rotate(45)")
                .child(square("#ffd8b5"))
                .child(el("rect").attr("width", "4").attr("height", "8").attr("fill", "#b35900")),
        )
        // Blocked: red, cross-hatched in white.
        .child(
            tile("p-blocked")
                .child(square("#cf222e"))
                .child(el("path").attr("d", "M0 0L8 8M8 0L0 8").attr("stroke", "#ffffff").attr("stroke-width", "1.5")),
        )
        // No longer pursued: grey, dotted.
        .child(
            tile("p-dropped")
                .child(square("#d0d7de"))
                .child(el("circle").attr("cx", "4").attr("cy", "4").attr("r", "1.6").attr("fill", "#424a53")),
        )
}
