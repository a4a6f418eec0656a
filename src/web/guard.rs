//! Failures stay in one widget. Every way into a widget's Rust code (an
//! export, a listener, a timer, a frame, each poll of a download or a
//! yield) goes through [`guard`] or [`spawn`], which call it through
//! `Reflect.apply` imported with `catch`: a JS exception, or a panic (a
//! trap under `panic = "abort"`), unwinds to that JS frame and comes back
//! as an `Err`, so the browser never sees it. The widget ([`Guarded`]) then
//! stops with a notice in its readers' language and a `tft-error`; the
//! page and the other widgets carry on on the same module.

use core::future::{poll_fn, Future};
use core::pin::Pin;
use core::task::Poll;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Reflect.apply(f, undefined, [])`, with whatever it throws (a trap
    /// included) returned as an `Err`.
    #[wasm_bindgen(js_namespace = Reflect, js_name = apply, catch)]
    fn apply(f: &mut dyn FnMut(), this: &JsValue, args: &js_sys::Array) -> Result<JsValue, JsValue>;
}

/// Runs `f` through a JS frame that catches.
pub fn catching(mut f: impl FnMut()) -> Result<(), JsValue> {
    apply(&mut f, &JsValue::UNDEFINED, &js_sys::Array::new()).map(drop)
}

/// Logs a panic with its message and where it happened, before the trap
/// stops the widget.
pub fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let message = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
            gloo_console::error!(format!("[task-force-tracker] panic: {message}{at}"));
        }));
    });
}

/// What a guard keeps: something that can have stopped, and that stops
/// with a notice when a call into it failed.
pub trait Guarded {
    /// No more calls get in (torn down, or crashed).
    fn stopped(&self) -> bool;
    /// A call into it failed (`err`: what was thrown, a trap included):
    /// stop it, say so, never touch its state again.
    fn crash(self: &Rc<Self>, err: &JsValue);
}

/// Runs `f` on `target` unless it has stopped; a failure inside stops
/// `target` alone.
pub fn guard<T: Guarded>(target: &Rc<T>, f: impl FnOnce(&Rc<T>)) {
    if target.stopped() {
        return;
    }
    let mut f = Some(f);
    let result = catching(|| {
        if let Some(f) = f.take() {
            f(target);
        }
    });
    if let Err(err) = result {
        target.crash(&err);
    }
}

/// Runs `future` for `target`, each poll inside its guard; it ends when
/// `target` is dropped or stops. A future whose poll failed is never
/// touched again, not even to drop it.
pub fn spawn<T: Guarded + 'static>(target: &Rc<T>, future: impl Future<Output = ()> + 'static) {
    let weak = Rc::downgrade(target);
    let mut future: Option<Pin<Box<dyn Future<Output = ()>>>> = Some(Box::pin(future));
    wasm_bindgen_futures::spawn_local(poll_fn(move |cx| {
        let (Some(w), Some(f)) = (weak.upgrade(), future.as_mut()) else { return Poll::Ready(()) };
        if w.stopped() {
            return Poll::Ready(());
        }
        let mut polled = Poll::Pending;
        if let Err(err) = catching(|| polled = f.as_mut().poll(cx)) {
            core::mem::forget(future.take());
            w.crash(&err);
            return Poll::Ready(());
        }
        polled
    }));
}
