//! One download of a data file: the request built by gloo-net
//! (revalidated with the server, with an abort signal), sent through the
//! page's own `fetch`, read with a size limit enforced while the body
//! streams in, and abandoned when its time is up.
//!
//! Hosts replace `fetch` (analytics wrappers, XMLHttpRequest polyfills,
//! blockers), so nothing here trusts it: a `fetch` that throws is a
//! network error; what it returns is read by its properties (a polyfill's
//! response is no `Response` instance, and may have no body stream); a
//! `fetch` that ignores its signal is left behind at the time limit.

use crate::model::LoadError;
use core::future::{poll_fn, Future};
use core::pin::pin;
use core::task::Poll;
use gloo_net::http::{Request, Response};
use gloo_timers::future::TimeoutFuture;
use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, ReadableStreamDefaultReader, RequestCache};

/// Larger data files are refused before they are read.
pub const MAX_BYTES: usize = 12 * 1024 * 1024;
/// Bytes of a chunk copied into the wasm at a time (about 5 ms on a phone).
const COPY_BYTES: usize = 256 * 1024;

#[wasm_bindgen]
extern "C" {
    /// The page's `fetch`, whatever it is now; what it throws is an `Err`.
    #[wasm_bindgen(js_name = fetch, catch)]
    fn page_fetch(request: &web_sys::Request) -> Result<JsValue, JsValue>;
}

/// How a fetch ended.
pub enum Fetched {
    /// The whole body, and the server's validator for it (`ETag`).
    Body(Vec<u8>, Option<String>),
    /// The server says the file has not changed since `etag`.
    NotModified,
    /// Why there is none.
    Failed(LoadError),
    /// Aborted on purpose (a newer load, a disconnect): say nothing.
    Cancelled,
}

enum Stop {
    Aborted,
    NotModified,
    Failed(LoadError),
}

/// Fetches `url` within `seconds`; `signal` (when the browser gives one)
/// cancels it. `etag`, for a file on the page's own origin, asks the server
/// for it only if it changed: a browser with no HTTP cache (some in-app
/// browsers, private modes) revalidates too. Across origins the header
/// would need a CORS preflight, so there the browser's cache does it.
pub async fn fetch(url: &str, seconds: u32, signal: Option<&AbortSignal>, etag: Option<&str>) -> Fetched {
    let limit = TimeoutFuture::new(seconds.saturating_mul(1000));
    match within(read(url, signal, etag), limit).await {
        None => Fetched::Failed(LoadError::Timeout(seconds)),
        Some(Ok(body)) => body,
        Some(Err(Stop::Aborted)) => Fetched::Cancelled,
        Some(Err(Stop::NotModified)) => Fetched::NotModified,
        Some(Err(Stop::Failed(e))) => Fetched::Failed(e),
    }
}

/// `work`'s output, or `None` when `limit` comes first (`work` is then
/// dropped: a fetch that ignores its signal is not waited for).
async fn within<T>(work: impl Future<Output = T>, limit: TimeoutFuture) -> Option<T> {
    let (mut work, mut limit) = (pin!(work), pin!(limit));
    poll_fn(|cx| match work.as_mut().poll(cx) {
        Poll::Ready(t) => Poll::Ready(Some(t)),
        Poll::Pending => limit.as_mut().poll(cx).map(|()| None),
    })
    .await
}

/// A rejected promise or a thrown value, as a reason to stop.
fn stop(err: &JsValue) -> Stop {
    let name = Reflect::get(err, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    if name == "AbortError" {
        return Stop::Aborted;
    }
    let message = Reflect::get(err, &"message".into()).ok().and_then(|m| m.as_string());
    Stop::Failed(LoadError::Network(message.unwrap_or_else(|| super::page::describe(err))))
}

async fn read(url: &str, signal: Option<&AbortSignal>, etag: Option<&str>) -> Result<Fetched, Stop> {
    // no-cache: revalidate every time, so with an ETag an unchanged file costs a 304.
    let mut request = Request::get(url).cache(RequestCache::NoCache).abort_signal(signal);
    if let Some(etag) = etag {
        request = request.header("If-None-Match", etag);
    }
    let request = request.build();
    let request: web_sys::Request = request.map_err(|e| Stop::Failed(LoadError::Network(e.to_string())))?.into();
    let answer = page_fetch(&request).map_err(|e| stop(&e))?;
    // Whatever a page's fetch returned: a promise, or a value to wait on.
    let answer = JsFuture::from(Promise::resolve(&answer)).await.map_err(|e| stop(&e))?;
    if !answer.is_object() {
        return Err(Stop::Failed(LoadError::NoResponse));
    }
    // Read by its properties (web-sys calls are structural): a polyfill's
    // response answers as a Response does.
    let response = Response::from(answer.clone().unchecked_into::<web_sys::Response>());
    if response.status() == 304 {
        return Err(Stop::NotModified);
    }
    if !response.ok() {
        return Err(Stop::Failed(LoadError::Http(response.status())));
    }
    let too_large = || Stop::Failed(LoadError::TooLarge(MAX_BYTES as u32));
    let declared = header(&answer, "content-length").and_then(|n| n.trim().parse::<usize>().ok());
    let etag = header(&answer, "etag");
    if declared.is_some_and(|n| n > MAX_BYTES) {
        return Err(too_large());
    }
    let stream = Reflect::get(&answer, &"body".into()).ok().filter(|b| has_function(b, "getReader"));
    let Some(stream) = stream else {
        // No stream: the body whole, then the same limit.
        let bytes = response.binary().await.map_err(|e| match e {
            gloo_net::Error::JsError(e) if e.name == "AbortError" => Stop::Aborted,
            e => Stop::Failed(LoadError::Network(e.to_string())),
        })?;
        return if bytes.len() > MAX_BYTES { Err(too_large()) } else { Ok(Fetched::Body(bytes, etag)) };
    };
    let stream: web_sys::ReadableStream = stream.unchecked_into();
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes = Vec::with_capacity(declared.unwrap_or(0).min(MAX_BYTES));
    let now = super::page::now;
    if bytes.capacity() > COPY_BYTES {
        // Growing the wasm memory for a large file takes a while on a phone.
        super::page::next_task().await;
    }
    let mut since = now();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|e| stop(&e))?;
        if Reflect::get(&chunk, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
            if bytes.len() > COPY_BYTES {
                // Reading the text starts in a task of its own.
                super::page::next_task().await;
            }
            return Ok(Fetched::Body(bytes, etag));
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into()).unwrap_or(JsValue::UNDEFINED).unchecked_into();
        let at = bytes.len();
        let n = value.length() as usize;
        if at + n > MAX_BYTES {
            let _ = reader.cancel();
            return Err(too_large());
        }
        // Chunks already buffered arrive as microtasks, and a file already
        // downloaded comes as one: copied a piece at a time, letting the
        // page breathe every 10 ms.
        for from in (0..n).step_by(COPY_BYTES) {
            let to = (from + COPY_BYTES).min(n);
            bytes.resize(at + to, 0);
            value.subarray(from as u32, to as u32).copy_to(&mut bytes[at + from..]);
            if now() - since > 10.0 {
                super::page::next_task().await;
                since = now();
            }
        }
    }
}

/// Whether `v` has a method called `name`.
fn has_function(v: &JsValue, name: &str) -> bool {
    v.is_object() && Reflect::get(v, &name.into()).is_ok_and(|f| f.is_function())
}

/// A response header, read by its properties (a polyfill's headers may
/// have no `get`).
fn header(response: &JsValue, name: &str) -> Option<String> {
    let headers = Reflect::get(response, &"headers".into()).ok().filter(|h| has_function(h, "get"))?;
    let get: Function = Reflect::get(&headers, &"get".into()).ok()?.unchecked_into();
    get.call1(&headers, &name.into()).ok()?.as_string()
}
