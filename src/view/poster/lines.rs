//! Text set into lines by hand. SVG text does not wrap, so the poster
//! estimates each character's advance in the sans-serif fonts it names and
//! breaks lines where Chinese and English allow: between Han characters
//! (never before closing or after opening punctuation) and at spaces.

/// The advance of `c` in ems: one for a Han character or full-width
/// punctuation, proportional for Latin text (erring wide, so that a line
/// set here never runs past its measure in the fonts that draw it).
pub(super) fn advance(c: char) -> f32 {
    match c {
        ' ' => 0.3,
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' | '(' | ')' | '[' | ']' => 0.32,
        'f' | 't' | 'r' | '-' => 0.42,
        'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.92,
        'A'..='Z' => 0.7,
        c if c.is_ascii() => 0.58,
        // Accented Latin, Greek, Cyrillic: as a wide lowercase letter.
        c if (c as u32) < 0x1100 => 0.62,
        _ => 1.0,
    }
}

/// The width of `s` at `size` px.
pub(super) fn width(s: &str, size: f32) -> f32 {
    s.chars().map(advance).sum::<f32>() * size
}

/// Never starts a line.
fn closes(c: char) -> bool {
    "，。、；：！？）」』》〉】”’…,.;:!?)]}%".contains(c)
}

/// Never ends a line.
fn opens(c: char) -> bool {
    "（「『《〈【“‘([{".contains(c)
}

fn wide(c: char) -> bool {
    advance(c) >= 1.0
}

/// `s` in the pieces a line may break between: a Han character, a Latin
/// word or a space, with punctuation kept on the right side.
fn pieces(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut glue = false; // the last piece ends with an opening bracket
    for c in s.chars() {
        let space = c.is_whitespace();
        let c = if space { ' ' } else { c };
        let join = match out.last().and_then(|p| p.chars().last()) {
            None => false,
            Some(_) if glue => !space,
            Some(' ') => false,
            Some(_) if closes(c) => true,
            Some(last) => !space && !wide(c) && !wide(last),
        };
        match out.last_mut() {
            Some(piece) if join => piece.push(c),
            _ => out.push(c.to_string()),
        }
        glue = opens(c);
    }
    out
}

/// `s` broken into lines at most `max` px wide at `size` px; a word wider
/// than a line is broken between its letters. No line is empty.
pub(super) fn wrap(s: &str, size: f32, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let end = |line: &mut String, lines: &mut Vec<String>| {
        let done = line.trim_end();
        if !done.is_empty() {
            lines.push(done.to_string());
        }
        line.clear();
    };
    for piece in pieces(s) {
        if piece == " " {
            if !line.is_empty() {
                line.push(' ');
            }
            continue;
        }
        let w = width(&piece, size);
        if width(&line, size) + w > max && !line.is_empty() {
            end(&mut line, &mut lines);
        }
        if w <= max {
            line.push_str(&piece);
            continue;
        }
        for c in piece.chars() {
            if width(&line, size) + advance(c) * size > max && !line.is_empty() {
                end(&mut line, &mut lines);
            }
            line.push(c);
        }
    }
    end(&mut line, &mut lines);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_breaks_between_characters_and_keeps_punctuation_with_its_word() {
        let lines = wrap("突出产业链条建设，推动一二三产业融合发展。", 20.0, 220.0);
        assert_eq!(lines, ["突出产业链条建设，推动", "一二三产业融合发展。"]);
        assert!(lines.iter().all(|l| width(l, 20.0) <= 220.0));
        // A closing mark that would start a line goes with the character before it.
        assert_eq!(wrap("一二三四五六七八九，十", 20.0, 180.0), ["一二三四五六七八", "九，十"]);
        assert_eq!(wrap("一二三四五六七八《九》", 20.0, 180.0), ["一二三四五六七八", "《九》"]);
    }

    #[test]
    fn english_breaks_at_spaces_and_long_words_between_letters() {
        let lines = wrap("Rural revitalisation in Dezhou: five task forces", 20.0, 240.0);
        assert!(lines.len() > 1 && lines.iter().all(|l| width(l, 20.0) <= 240.0), "{lines:?}");
        assert_eq!(lines.join(" "), "Rural revitalisation in Dezhou: five task forces");
        let long = wrap(&"x".repeat(100), 20.0, 200.0);
        assert!(long.len() > 1 && long.iter().all(|l| width(l, 20.0) <= 200.0));
        assert_eq!(long.concat(), "x".repeat(100));
        assert_eq!(wrap("  ", 20.0, 100.0), Vec::<String>::new());
    }
}
