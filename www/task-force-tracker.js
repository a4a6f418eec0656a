// <task-force-tracker>: defines the custom element and hands each instance to
// the WebAssembly module, which does the rest (data, view, events).
//
// Embed:
//   <script type="module" src="/path/task-force-tracker.js"></script>
//   <task-force-tracker src="/data/programme.json" lang="zh-CN"></task-force-tracker>
// or, where a CMS strips unknown tags:
//   <div data-task-force-tracker data-src="/data/programme.json"></div>
//
// Host events (bubbling, composed): tft-load, tft-select, tft-error; see README.
import init, { Tracker } from './pkg/task_force_tracker.js';

const TAG = 'task-force-tracker';
const ATTRIBUTES = ['src', 'lang', 'theme', 'selected', 'refresh', 'timeout'];
let module; // one wasm module for every instance on the page
const boot = () => (module ??= init());

// Start the module and fetch data only when an element nears the viewport,
// unless it says loading="eager".
const nearViewport = typeof IntersectionObserver === 'function'
  ? new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        nearViewport.unobserve(entry.target);
        entry.target.start();
      }
    }
  }, { rootMargin: '800px 0px' })
  : null;

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
  static observedAttributes = ATTRIBUTES;
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
    if (this.getAttribute('loading') === 'eager' || !nearViewport) this.start();
    else nearViewport.observe(this);
  }

  /** Loads the module (once per page) and renders; called when near the viewport. */
  start() {
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
    nearViewport?.unobserve(this);
    // Frees the Rust side: its listeners and timers go with it, late fetches
    // are ignored.
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

/** Replaces `<div data-task-force-tracker data-src=…>` with the element. */
function upgrade(div) {
  const el = document.createElement(TAG);
  for (const { name, value } of div.attributes) {
    if (name === 'data-task-force-tracker') continue;
    const plain = name.startsWith('data-') ? name.slice(5) : null;
    el.setAttribute(ATTRIBUTES.includes(plain) || plain === 'loading' ? plain : name, value);
  }
  el.append(...div.childNodes);
  div.replaceWith(el);
}

function upgradeAll(root) {
  if (root.matches?.('div[data-task-force-tracker]')) upgrade(root);
  root.querySelectorAll?.('div[data-task-force-tracker]').forEach(upgrade);
}

if (!customElements.get(TAG)) {
  customElements.define(TAG, TaskForceTracker);
  upgradeAll(document);
  new MutationObserver((records) => {
    for (const r of records) r.addedNodes.forEach((n) => n.nodeType === 1 && upgradeAll(n));
  }).observe(document.documentElement, { childList: true, subtree: true });
}
