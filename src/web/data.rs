//! `element.data`: a JS object read into the JSON reader's own value type
//! by serde-wasm-bindgen with one generic visitor, so the same field tables
//! then decode it as they decode a file (same checks, same paths and
//! words). Nothing goes through `JSON.stringify`: a number JSON cannot
//! hold (`1e400` is `Infinity`) is reported as such, not turned into
//! `null`, and a cycle, a BigInt or a Symbol gets its own message with
//! its path.

use crate::model::json::{Kind, Value, MAX_DEPTH};
use crate::model::problem::ValueFault;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::RefCell;
use std::fmt;
use wasm_bindgen::JsValue;

/// Reads `value` as JSON data; the fault names the path and what is wrong.
/// Reading can run the page's code (getters, proxies), which may throw:
/// that comes back as a fault too, through a JS frame that catches, with
/// nothing of the widget's borrowed meanwhile.
pub fn read(value: JsValue) -> Result<Value, ValueFault> {
    let fault = RefCell::new(None);
    let mut result = None;
    let caught = super::guard::catching(|| {
        let de = serde_wasm_bindgen::Deserializer::from(value.clone());
        let seed = Seed { path: String::new(), depth: 0, fault: &fault };
        result = Some(seed.deserialize(de));
    });
    if let Err(err) = caught {
        return Err(ValueFault::Threw(super::page::describe(&err)));
    }
    match result {
        Some(Ok(v)) => Ok(v),
        _ => Err(fault.into_inner().unwrap_or(ValueFault::NotJson { path: String::new() })),
    }
}

/// Where the reader is, and the first fault it met (kept as data: the
/// deserializer's own errors are only its way of stopping).
struct Seed<'f> {
    path: String,
    depth: usize,
    fault: &'f RefCell<Option<ValueFault>>,
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Value, D::Error> {
        let (path, fault) = (self.path.clone(), self.fault);
        de.deserialize_any(self).inspect_err(|_| {
            // The innermost value that failed says what and where.
            fault.borrow_mut().get_or_insert(ValueFault::NotJson { path });
        })
    }
}

fn value(kind: Kind) -> Value {
    Value { kind, at: 0 }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value (null, true/false, a number, a string, an array or a plain object)")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(value(Kind::Null))
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(value(Kind::Bool(b)))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(value(Kind::Int(n)))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(value(i64::try_from(n).map_or_else(|_| Kind::Number(n.to_string()), Kind::Int)))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        // Whole numbers beyond 2^53 stay numbers; fractions and the values
        // JSON has no words for (Infinity, NaN) are kept as written, so the
        // decoder names them.
        let text = match n {
            n if n.is_nan() => "NaN".to_string(),
            n if n.is_infinite() => (if n > 0.0 { "Infinity" } else { "-Infinity" }).to_string(),
            n => format!("{n}"),
        };
        Ok(value(Kind::Number(text)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(value(Kind::Str(s.to_string())))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(value(Kind::Str(s)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.deeper()?;
        let mut items = Vec::new();
        loop {
            let seed =
                Seed { path: format!("{}[{}]", self.path, items.len()), depth: self.depth + 1, fault: self.fault };
            match seq.next_element_seed(seed)? {
                Some(v) => items.push(v),
                None => return Ok(value(Kind::Array(items))),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.deeper()?;
        let mut members = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = if self.path.is_empty() { key.clone() } else { format!("{}.{key}", self.path) };
            let v = map.next_value_seed(Seed { path, depth: self.depth + 1, fault: self.fault })?;
            members.push((key, v));
        }
        Ok(value(Kind::Object(members)))
    }
}

impl Seed<'_> {
    /// Refuses nesting deeper than the file reader accepts (a cyclic
    /// object would otherwise recurse until the stack ran out).
    fn deeper<E: de::Error>(&self) -> Result<(), E> {
        if self.depth >= MAX_DEPTH {
            let fault = ValueFault::TooDeep { path: self.path.clone(), max: MAX_DEPTH };
            self.fault.borrow_mut().get_or_insert(fault);
            return Err(E::custom("too deep"));
        }
        Ok(())
    }
}
