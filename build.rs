//! Minifies what the wasm embeds: the stylesheet (comments and white space)
//! and the default dataset (white space between tokens), so readers do not
//! download the comments and indentation kept in the sources.

use std::{env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for (src, name, minify) in [
        ("src/widget.css", "widget.min.css", css as fn(&str) -> String),
        ("data/dezhou.json", "dezhou.min.json", json as fn(&str) -> String),
    ] {
        println!("cargo:rerun-if-changed={src}");
        let text = fs::read_to_string(src).unwrap_or_else(|e| panic!("{src}: {e}"));
        fs::write(Path::new(&out).join(name), minify(&text)).expect("write to OUT_DIR");
    }
}

/// Drops comments, collapses white space, and removes it around `{ } ; ,`
/// (never around `:` or inside selectors, where it can mean descendant).
fn css(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut space = false;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, r)| r);
            continue;
        }
        rest = &rest[c.len_utf8()..];
        if c == '"' || c == '\'' {
            // A string, kept whole.
            let end = rest.find(c).map_or(rest.len(), |i| i + 1);
            flush(&mut out, &mut space);
            out.push(c);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else if c.is_whitespace() {
            space = true;
        } else if "{};,".contains(c) {
            if c == '}' && out.ends_with(';') {
                out.pop();
            }
            out.push(c);
            space = false;
        } else {
            flush(&mut out, &mut space);
            out.push(c);
        }
    }
    out
}

fn flush(out: &mut String, space: &mut bool) {
    if *space && !out.is_empty() && !out.ends_with(['{', '}', ';', ',']) {
        out.push(' ');
    }
    *space = false;
}

/// Removes white space outside strings.
fn json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !c.is_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}
