//! The one list the JS shim must repeat: the custom element's observed
//! attributes (`observedAttributes` is read when the element is defined,
//! before the WebAssembly module loads, so it cannot come from Rust at run
//! time). The names must be exactly those of `web::Attribute`.

use std::fs;
use std::path::Path;

fn quoted(text: &str) -> Vec<String> {
    text.split('\'').skip(1).step_by(2).map(String::from).collect()
}

#[test]
fn the_shim_observes_exactly_the_attributes_rust_declares() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shim = fs::read_to_string(root.join("www/task-force-tracker.js")).unwrap();
    let line = shim.lines().find(|l| l.starts_with("const ATTRIBUTES = [")).expect("the shim's attribute list");
    let in_js = quoted(line);

    let rust = fs::read_to_string(root.join("src/web/attribute.rs")).unwrap();
    let in_rust: Vec<String> = rust
        .lines()
        .filter_map(|l| l.trim().split_once(" = \""))
        .map(|(_, v)| v.trim_end_matches("\",").to_string())
        .collect();
    assert_eq!(in_js, in_rust);
    assert_eq!(in_rust.len(), 8);
}
