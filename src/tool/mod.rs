//! The command-line tool's own code (native only; no reader downloads it).
//! `src/bin/tft.rs` is its front end.

pub mod csv_import;
