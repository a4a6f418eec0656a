// <task-force-tracker>: defines the custom element and hands each instance to
// the WebAssembly module, which does the rest (data, view, events).
//
// Embed:
//   <script type="module" src="/path/task-force-tracker.js"></script>
//   <task-force-tracker src="/data/programme.json" lang="zh-CN"></task-force-tracker>
//
// Host events (bubbling, composed): tft-load, tft-select, tft-error; see README.
import init, { Tracker } from './pkg/task_force_tracker.js';

const TAG = 'task-force-tracker';
let module; // one wasm module for every instance on the page
const boot = () => (module ??= init());

// Nothing the widget does may throw into the host page: failures are logged
// and reported as a tft-error event instead.
function guard(el, what, fn) {
  try {
    return fn();
  } catch (err) {
    console.error(`[task-force-tracker] ${what} failed:`, err);
    el.dispatchEvent(new CustomEvent('tft-error', {
      bubbles: true, composed: true, detail: { source: what, message: String(err) },
    }));
  }
}

class TaskForceTracker extends HTMLElement {
  static observedAttributes = ['src', 'lang', 'theme', 'selected'];
  #tracker = null;
  #data;

  constructor() {
    super();
    // `el.data = …` set before the element was defined is an own property
    // that hides the accessor: move it behind the accessor.
    if (Object.prototype.hasOwnProperty.call(this, 'data')) {
      const value = this.data;
      delete this.data;
      this.#data = value;
    }
  }

  connectedCallback() {
    boot().then(() => {
      if (!this.isConnected || this.#tracker) return;
      guard(this, 'start', () => {
        this.#tracker = new Tracker(this);
        if (this.#data != null) this.#tracker.setData(this.#data);
        else this.#tracker.load();
      });
    }, (err) => guard(this, 'loading the WebAssembly module', () => { throw err; }));
  }

  disconnectedCallback() {
    // Frees the Rust side: its listeners go with it, late fetches are ignored.
    this.#tracker?.free();
    this.#tracker = null;
  }

  attributeChangedCallback(name, old, value) {
    if (old !== value && this.#tracker) {
      guard(this, `attribute ${name}`, () => this.#tracker.attributeChanged(name, value));
    }
  }

  /** The programme shown, as a plain object; setting it overrides src. */
  get data() {
    return this.#data;
  }

  set data(value) {
    this.#data = value;
    if (this.#tracker) guard(this, 'data', () => this.#tracker.setData(value));
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, TaskForceTracker);
