//! Browser resources a widget holds, each owned by one value whose `Drop`
//! releases it: a fetch's `AbortController` (dropped: the download is
//! aborted), the `MutationObserver` on the shadow root (dropped:
//! disconnected, its callback freed) and an idle callback (dropped:
//! cancelled). Listeners (gloo-events), timers
//! (gloo-timers) and the after-paint frame (gloo-render) are owned the same
//! way by their own crates' types.

use gloo_timers::callback::Timeout;
use js_sys::Reflect;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{AbortController, AbortSignal, IdleRequestOptions, MutationObserver, MutationObserverInit, Node};

/// A download in flight: dropping it aborts the download.
#[derive(Debug)]
pub struct Abort(Option<AbortController>);

impl Abort {
    /// A new controller; without one (a page's polyfill may have none) the
    /// fetch cannot be cancelled and is abandoned by its time limit.
    pub fn new() -> Abort {
        Abort(AbortController::new().ok())
    }

    /// The signal to give the fetch, if there is a controller.
    pub fn signal(&self) -> Option<AbortSignal> {
        self.0.as_ref().map(AbortController::signal)
    }

    /// The download finished: nothing left to abort.
    pub fn done(mut self) {
        self.0 = None;
    }
}

impl Drop for Abort {
    fn drop(&mut self) {
        if let Some(controller) = self.0.take() {
            controller.abort();
        }
    }
}

/// Watches a shadow root for nodes added or removed by anyone but the
/// widget; [`Observer::tampered`] says whether that happened since the
/// last look. Dropping it disconnects the observer.
pub struct Observer {
    observer: MutationObserver,
    tampered: Rc<Cell<bool>>,
    _callback: Closure<dyn FnMut()>,
}

impl Observer {
    /// Starts watching `root`'s subtree.
    pub fn watch(root: &Node) -> Result<Observer, JsValue> {
        let tampered = Rc::new(Cell::new(false));
        let callback = {
            let tampered = tampered.clone();
            Closure::<dyn FnMut()>::new(move || tampered.set(true))
        };
        let observer = MutationObserver::new(callback.as_ref().unchecked_ref())?;
        let options = MutationObserverInit::new();
        options.set_subtree(true);
        options.set_child_list(true);
        // Only nodes added or removed (and text replaced): extensions that
        // restyle (dark modes set attributes) leave every handle valid, so
        // they are tolerated, not answered with a rebuild.
        options.set_character_data(true);
        observer.observe_with_options(root, &options)?;
        Ok(Observer { observer, tampered, _callback: callback })
    }

    /// Whether the tree was changed from outside since the last call.
    pub fn tampered(&self) -> bool {
        self.tampered.replace(false) | (self.observer.take_records().length() > 0)
    }

    /// Forgets the changes made so far (the widget's own).
    pub fn ours(&self) {
        self.observer.take_records();
    }
}

impl Drop for Observer {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Work for when the page is idle: `requestIdleCallback` (run within 250 ms
/// even on a page that is never idle), or a short timer where there is none
/// (Safari). Dropping it cancels the work.
pub enum Idle {
    Callback {
        id: u32,
        _closure: Closure<dyn FnMut()>,
    },
    Timer {
        _timer: Timeout,
    },
    /// The browser refused the callback: the work is not done.
    Refused,
}

impl Idle {
    pub fn new(f: impl FnOnce() + 'static) -> Idle {
        let Some(window) = web_sys::window() else { return Idle::Refused };
        if !Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false) {
            return Idle::Timer { _timer: Timeout::new(30, f) };
        }
        let closure = Closure::once(f);
        let options = IdleRequestOptions::new();
        options.set_timeout(250);
        match window.request_idle_callback_with_options(closure.as_ref().unchecked_ref(), &options) {
            Ok(id) => Idle::Callback { id, _closure: closure },
            Err(_) => Idle::Refused,
        }
    }
}

impl Drop for Idle {
    fn drop(&mut self) {
        if let (Idle::Callback { id, .. }, Some(window)) = (&*self, web_sys::window()) {
            window.cancel_idle_callback(*id);
        }
    }
}
