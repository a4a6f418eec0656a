//! Fetching a data file on gloo-net: revalidated with the server, with a
//! time limit, a size limit enforced while the body streams in, and
//! cancellation (a new `src` or a disconnect aborts the download).

use crate::view::LoadError;
use gloo_net::http::Request;
use gloo_timers::callback::Timeout;
use js_sys::{Reflect, Uint8Array};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, RequestCache};

/// Larger data files are refused before they are read.
pub const MAX_BYTES: usize = 12 * 1024 * 1024;

/// How a fetch ended.
pub enum Fetched {
    /// The whole body.
    Body(Vec<u8>),
    /// Why there is none.
    Failed(LoadError),
    /// Aborted on purpose (a newer load, a disconnect): say nothing.
    Cancelled,
}

enum Stop {
    Aborted,
    Failed(LoadError),
}

/// Fetches `url` within `seconds`; `abort` cancels it.
pub async fn fetch(url: &str, seconds: u32, abort: &AbortController) -> Fetched {
    let timed_out = Rc::new(Cell::new(false));
    let _limit = {
        let (abort, timed_out) = (abort.clone(), timed_out.clone());
        Timeout::new(seconds.saturating_mul(1000), move || {
            timed_out.set(true);
            abort.abort();
        })
    };
    match read(url, abort).await {
        Ok(body) => Fetched::Body(body),
        Err(Stop::Aborted) if timed_out.get() => Fetched::Failed(LoadError::Timeout(seconds)),
        Err(Stop::Aborted) => Fetched::Cancelled,
        Err(Stop::Failed(e)) => Fetched::Failed(e),
    }
}

fn js_stop(err: &JsValue) -> Stop {
    let name = Reflect::get(err, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    if name == "AbortError" {
        return Stop::Aborted;
    }
    let message = Reflect::get(err, &"message".into()).ok().and_then(|m| m.as_string());
    Stop::Failed(LoadError::Network(message.unwrap_or_else(|| super::page::describe(err))))
}

fn net_stop(err: gloo_net::Error) -> Stop {
    match err {
        gloo_net::Error::JsError(e) if e.name == "AbortError" => Stop::Aborted,
        gloo_net::Error::JsError(e) => Stop::Failed(LoadError::Network(e.message)),
        other => Stop::Failed(LoadError::Network(other.to_string())),
    }
}

async fn read(url: &str, abort: &AbortController) -> Result<Vec<u8>, Stop> {
    let signal = abort.signal();
    // no-cache: revalidate every time, so with an ETag an unchanged file costs a 304.
    let response =
        Request::get(url).cache(RequestCache::NoCache).abort_signal(Some(&signal)).send().await.map_err(net_stop)?;
    if !response.ok() {
        return Err(Stop::Failed(LoadError::Http(response.status())));
    }
    let too_large = || Stop::Failed(LoadError::TooLarge(MAX_BYTES as u32));
    let declared = response.headers().get("content-length").and_then(|n| n.trim().parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_BYTES) {
        return Err(too_large());
    }
    let Some(body) = response.body() else {
        // No streams: the declared length above must do.
        let bytes = response.binary().await.map_err(net_stop)?;
        return if bytes.len() > MAX_BYTES { Err(too_large()) } else { Ok(bytes) };
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::with_capacity(declared.unwrap_or(0));
    let now = || web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
    let mut since = now();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|e| js_stop(&e))?;
        if Reflect::get(&chunk, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
            return Ok(bytes);
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into()).unwrap_or(JsValue::UNDEFINED).unchecked_into();
        let at = bytes.len();
        let n = value.length() as usize;
        if at + n > MAX_BYTES {
            let _ = reader.cancel();
            return Err(too_large());
        }
        bytes.resize(at + n, 0);
        value.copy_to(&mut bytes[at..]);
        // Chunks already buffered arrive as microtasks: let the page breathe.
        if now() - since > 10.0 {
            super::page::next_task().await;
            since = now();
        }
    }
}
