//! The data format: each field declared once (`tables.rs`), and what is
//! made from the declarations: the decoder (`values.rs` reads one value by
//! its declaration, `decode.rs` puts objects together) and the JSON
//! Schema (`schema.rs`, native only). The README's reference is written
//! from the same declarations by the tool (`crate::tool::reference`).

pub mod csv;
mod decode;
#[cfg(not(target_arch = "wasm32"))]
mod schema;
mod tables;
mod values;

pub use decode::Decoder;
#[cfg(not(target_arch = "wasm32"))]
pub use schema::schema;
pub use tables::*;
