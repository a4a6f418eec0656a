// <task-force-tracker>: the custom element's shim (wasm-bindgen cannot
// subclass HTMLElement). It defines the element, loads the module near the
// viewport and forwards lifecycle, attributes and `data` to the Rust
// `Tracker` (src/web/), which does everything else. Embed:
//   <script type="module" src="/path/task-force-tracker.js"></script>
//   <task-force-tracker src="/data/programme.json" lang="zh-CN"></task-force-tracker>
// or, where a CMS strips unknown tags: <div data-task-force-tracker data-src="…"></div>

// The element's tag and the attributes it follows, as src/embed.rs declares
// them (observedAttributes is read when the element is defined, before any
// WebAssembly loads); `loading` is read here alone. tests/e2e/contract.test.mjs
// holds these, and the notice below, against `tft contract`.
const TAG = 'task-force-tracker';
// For the benchmark and hosts' own timing: where the tracker's own work starts.
performance.mark?.('task-force-tracker:module');
const ATTRIBUTES = ['src', 'lang', 'theme', 'selected', 'refresh', 'timeout', 'remember', 'preview'];
// The prefix of a tracker's links when it has no id (src/view/state.rs).
const PREFIX = 'tft';
// What readers are told when the module cannot run at all (src/words/, `cannot_run`).
const CANNOT_RUN = {
  'zh-Hans': '进展表无法在此浏览器中运行。',
  'zh-Hant': '進展表無法在此瀏覽器中執行。',
  en: 'The progress tracker cannot run in this browser.',
};
const WASM = new URL('./pkg/task_force_tracker_bg.wasm', import.meta.url);
// The default data, downloaded only by a tracker that shows it.
const DEFAULT_DATA = new URL('./pkg/dezhou.json', import.meta.url).href;
// A plain loop: a page's broken Array.prototype.includes must not turn
// data-src into an unknown attribute (and the built-in data into the view).
const observed = (name) => { for (let i = 0; i < ATTRIBUTES.length; i++) if (ATTRIBUTES[i] === name) return true; return false; };

/** A file next to the module by XMLHttpRequest (where the page's fetch fails). */
const viaXhr = (url, type) => new Promise((ok, fail) => {
  const xhr = new XMLHttpRequest();
  xhr.open('GET', url);
  xhr.responseType = type;
  xhr.onload = () => (xhr.status < 300 ? ok(xhr.response) : fail(new Error(`the server answered HTTP ${xhr.status}`)));
  xhr.onerror = () => fail(new Error('network error'));
  xhr.send();
});

// The default data's text, downloaded once per page and only when a tracker
// shows it: with the page's fetch, else XMLHttpRequest. Rust calls this.
let defaultData;
const getDefaultData = () => (defaultData ??= (async () => {
  try {
    const answer = await fetch(DEFAULT_DATA);
    if (answer.ok) return await answer.text();
  } catch { /* the page's fetch failed: XMLHttpRequest below */ }
  return viaXhr(DEFAULT_DATA, 'text');
})().catch((err) => { defaultData = null; throw err; }));

let module; // one module for every instance on the page: resolves to Tracker
// The bindings are imported only here, so that a page that breaks them (no
// TextDecoder) gets a reported failure, not an uncaught error at load.
// Where WebAssembly is off (iOS Lockdown Mode, some managed browsers), the
// reader's own choice: the page's fallback is the content, with no notice.
const NO_WASM = 'WebAssembly is not available in this browser';
const boot = () => (module ??= (async () => {
  if (typeof WebAssembly !== 'object') throw new Error(NO_WASM);
  // Every promise that resolves to an object would call it, and never settle.
  if ('then' in Object.prototype) throw new Error('the page defines Object.prototype.then, which stops any module from loading');
  // The wasm downloads (and compiles as it streams) while the bindings load.
  // A page's fetch that throws, or never answers, falls back to XMLHttpRequest below.
  let wasm = WASM;
  try {
    wasm = Promise.race([fetch(WASM), new Promise((_, late) => setTimeout(late, 4000, new Error('fetch gave no answer')))]);
    wasm.catch(() => {});
  } catch { wasm = WASM; }
  const { default: init, Tracker } = await import('./pkg/task_force_tracker.js');
  // A page that replaced window.fetch breaks the default loader: fetch the
  // bytes with XMLHttpRequest instead.
  await init({ module_or_path: wasm })
    .catch((err) => viaXhr(WASM, 'arraybuffer').then((bytes) => init({ module_or_path: bytes }), () => Promise.reject(err)));
  return Tracker;
})());

const nextTask = () => (typeof scheduler === 'object' && typeof scheduler?.yield === 'function'
  ? scheduler.yield()
  : new Promise((ok) => setTimeout(ok)));

// Start the module and the data only near the viewport, unless loading="eager"
// or the page's address links into this tracker (a shared link to a measure:
// it starts at once, wherever it is on the page, and brings the measure into
// view); a link followed later starts a tracker that is still waiting too.
const MARGIN = 800;
const waiting = new Set();
const linkedTo = (el) => {
  let hash = location.hash;
  try { hash = decodeURIComponent(hash); } catch { /* as it is */ }
  return hash.startsWith(`#${el.id || PREFIX}-`);
};
addEventListener('hashchange', () => { for (const el of waiting) if (linkedTo(el)) el.start(); });
const nearViewport = typeof IntersectionObserver === 'function'
  ? new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        entry.target.start();
      }
    }
  }, { rootMargin: `${MARGIN}px 0px` })
  : null;
// Already near it when connected: start at once, not after the first paint.
// Checked for every element connected in one task together, in a microtask:
// one layout, however many elements (and CMS divs replaced) there are.
const connected = [];
const startNearOnes = () => {
  for (const el of connected.splice(0)) {
    const r = el.getBoundingClientRect();
    if (el.isConnected && (r.width || r.height) > 0 && r.top < innerHeight + MARGIN && r.bottom > -MARGIN) {
      el.start();
    }
  }
};

/**
 * Reports a failure outside any tracker (the module did not load): in the
 * console, as `tft-error`, and to readers in one line above the element's
 * own fallback (Rust, which renders everything else, cannot run), unless
 * WebAssembly is simply off and the fallback is there to read.
 */
const report = (el, what, err) => {
  console.error(`[task-force-tracker] ${what} failed:`, err);
  el.dispatchEvent(new CustomEvent('tft-error', { bubbles: true, composed: true, detail: { source: what, message: String(err) } }));
  if (el.shadowRoot || (err?.message === NO_WASM && el.childElementCount > 0)) return;
  const tag = (el.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase();
  const lang = tag.startsWith('en') ? 'en' : /^zh.*-(hant|tw|hk|mo)/.test(tag) ? 'zh-Hant' : 'zh-Hans';
  const note = document.createElement('p');
  note.setAttribute('part', 'notice');
  note.setAttribute('lang', lang);
  note.textContent = CANNOT_RUN[lang];
  el.attachShadow({ mode: 'open' }).append(note, document.createElement('slot'));
};

class TaskForceTracker extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  #tracker = null;
  #data;

  constructor() {
    super();
    // `el.data = …` set before the element was defined hides the accessor: move it behind.
    if (Object.prototype.hasOwnProperty.call(this, 'data')) {
      this.#data = this.data;
      delete this.data;
    }
  }

  connectedCallback() {
    if (this.#tracker) return; // moved within the page: it carries on
    if (this.getAttribute('loading') === 'eager' || !nearViewport || linkedTo(this)) return this.start();
    waiting.add(this);
    nearViewport.observe(this);
    if (connected.push(this) === 1) queueMicrotask(startNearOnes);
  }

  disconnectedCallback() {
    waiting.delete(this);
    nearViewport?.unobserve(this);
    // Moved within the page in one task (a CMS reordering blocks): it is
    // connected again by the time this runs, and keeps its state.
    queueMicrotask(() => {
      if (this.isConnected || !this.#tracker) return;
      const tracker = this.#tracker;
      this.#tracker = null;
      try { tracker.free(); } catch { /* a stopped tracker may not free cleanly */ }
    });
  }

  attributeChangedCallback(name, old, value) {
    if (old !== value) this.#tracker?.attributeChanged(name);
  }

  /** The programme shown, as a plain object; setting it overrides src, null returns to it. */
  get data() { return this.#data; }
  set data(value) {
    this.#data = value;
    this.#tracker?.setData(value);
  }

  /** Live figures of the data shown (see the .d.ts), or null before data shows. */
  get summary() { return this.#tracker?.summary ?? null; }

  /** Moved into another document (an iframe): start again there, with its own stylesheet. */
  adoptedCallback() {
    const tracker = this.#tracker;
    this.#tracker = null;
    try { tracker?.free(); } catch { /* a stopped tracker may not free cleanly */ }
  }

  /** Whether this tracker will show the default data: no `data`, no
   * `src` and no inline JSON child (the order src/web/source.rs
   * `Widget::load` follows; this is only a head start on the download). */
  #showsDefault() {
    return this.#data == null && !(this.getAttribute('src') ?? this.getAttribute('data-src') ?? '').trim()
      && !this.querySelector(':scope > script[type="application/json"]');
  }

  /** Loads the module (once per page) and starts the tracker; called near the viewport. */
  start() {
    waiting.delete(this);
    nearViewport?.unobserve(this);
    // A tracker that will show the default data downloads it while the
    // module loads, not after: Rust asks for the same promise once it runs.
    if (this.#showsDefault()) getDefaultData().catch(() => { /* Rust asks again and reports it */ });
    // A task of its own after the module's: a phone's main thread is never
    // held for both at once.
    boot().then((Tracker) => nextTask().then(() => Tracker)).then((Tracker) => {
      if (!this.isConnected || this.#tracker) return;
      try { this.#tracker = new Tracker(this, this.#data, getDefaultData); } catch (err) { report(this, 'starting', err); }
    }, (err) => report(this, 'loading the WebAssembly module', err));
  }
}

/** Replaces `<div data-task-force-tracker data-src=…>` with the element. */
function upgrade(div) {
  const el = document.createElement(TAG);
  for (const { name, value } of div.attributes) {
    if (name === 'data-task-force-tracker') continue;
    const plain = name.startsWith('data-') ? name.slice(5) : null;
    el.setAttribute(observed(plain) || plain === 'loading' ? plain : name, value);
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
