// <task-force-tracker>: defines the custom element and hands each instance to
// the WebAssembly module, which parses the data, keeps the reader's state and
// renders. This file owns everything that calls *into* the module — DOM
// listeners, fetches, timers — so that every call goes through one guard: a
// failure (even a trap inside the module) becomes a message in that widget
// and a tft-error event, never an exception in the host page.
//
// The module takes strings and answers with one operation string per call
// (src/patch.rs documents the codes): DOM changes for the shadow root, then
// effects (events, history, focus…). `apply` below carries them out, so the
// module itself needs no DOM bindings and each update crosses the boundary
// once.
//
// Embed:
//   <script type="module" src="/path/task-force-tracker.js"></script>
//   <task-force-tracker src="/data/programme.json" lang="zh-CN"></task-force-tracker>
// or, where a CMS strips unknown tags:
//   <div data-task-force-tracker data-src="/data/programme.json"></div>
import init, { Tracker, styles } from './pkg/task_force_tracker.js';

const TAG = 'task-force-tracker';
const ATTRIBUTES = ['src', 'lang', 'theme', 'selected', 'refresh', 'timeout'];
const SHADOW_EVENTS = ['click', 'keydown', 'input', 'change', 'compositionend'];
const WINDOW_EVENTS = ['popstate', 'beforeprint', 'afterprint'];
/** Larger data files are refused before they are read. */
const MAX_BYTES = 12 * 1024 * 1024;
const DEFAULT_TIMEOUT = 10;
const MAX_REFRESH = 3600;
const STOPPED = {
  zh: '进展表出现内部错误，已停止运行。请刷新页面重试。',
  en: 'The tracker hit an internal error and has stopped. Reload the page to try again.',
};

let module; // one wasm module for every instance on the page
let sheet; // one constructed stylesheet for every instance (not subject to style-src)
const WASM = new URL('./pkg/task_force_tracker_bg.wasm', import.meta.url);
const boot = () => (module ??= init({ module_or_path: WASM }).catch((err) => new Promise((ok, fail) => {
  // A page that replaced window.fetch breaks the default loader: fetch the
  // bytes with XMLHttpRequest instead.
  const xhr = new XMLHttpRequest();
  xhr.open('GET', WASM);
  xhr.responseType = 'arraybuffer';
  xhr.onload = () => (xhr.status < 300 ? ok(init({ module_or_path: xhr.response })) : fail(err));
  xhr.onerror = () => fail(err);
  xhr.send();
})));

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

function warn(message) {
  console.warn('[task-force-tracker]', message);
}

/** Lets the browser paint and handle input between slices of a large load. */
const nextTask = () => (globalThis.scheduler?.yield
  ? globalThis.scheduler.yield()
  : new Promise((ok) => {
    const channel = new MessageChannel(); // no 4 ms clamp, unlike nested timers
    channel.port1.onmessage = () => ok();
    channel.port2.postMessage(0);
  }));

/** What #apply asks for next: another step in the next task, or after the next paint. */
const MORE = 1;
const AFTER_PAINT = 2;
const afterPaint = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));

/** Sets this widget's key in history.state, keeping every other key. */
function writeHistory(key, push, frag) {
  const old = history.state;
  const entry = Object.assign({}, old && typeof old === 'object' ? old : null, { [key]: frag });
  if (push) history.pushState(entry, '', `#${frag}`);
  else history.replaceState(entry, '');
}

/** A whole number of seconds from an attribute, within min..max, else null. */
function seconds(el, name, min, max) {
  const raw = el.getAttribute(name);
  if (raw == null) return null;
  const n = Number(raw.trim());
  if (Number.isInteger(n) && n >= min && n <= max) return n;
  warn(`${name}="${raw}" is not a whole number of seconds from ${min} to ${max}; ignored.`);
  return null;
}

/** Reads a response body as bytes, refusing it once it passes `limit` bytes. */
async function readLimited(response, limit) {
  const declared = Number(response.headers.get('content-length'));
  if (declared > limit) throw Object.assign(new Error('too large'), { kind: 'too-large' });
  if (!response.body) return new Uint8Array(await response.arrayBuffer()); // no streams: the length check above must do
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  let since = performance.now();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (performance.now() - since > 10) { // chunks already buffered arrive as microtasks: let the page breathe
      await nextTask();
      since = performance.now();
    }
    size += value.length;
    if (size > limit) {
      reader.cancel().catch(() => {});
      throw Object.assign(new Error('too large'), { kind: 'too-large' });
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { bytes.set(c, at); at += c.length; }
  return bytes; // UTF-8 is checked by the module
}

class TaskForceTracker extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  #tracker = null;
  #prefix = 'tft';
  #data;
  #listeners = null; // AbortController for every listener of a running tracker
  #generation = 0; // bumped per load, so a slow answer for an old source is dropped
  #timer = 0;
  #failures = 0;
  #dueWhileHidden = false;
  #stopped = false;
  #watch = null; // MutationObserver: changes to the shadow DOM not made by #apply
  #tampered = false;

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
      if (!this.isConnected || this.#tracker || this.#stopped) return;
      this.#call('start', () => {
        performance.mark('task-force-tracker:start'); // for the benchmark, and for hosts' own timing
        if (!sheet) {
          sheet = new CSSStyleSheet();
          sheet.replaceSync(styles());
        }
        const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
        root.adoptedStyleSheets = [sheet];
        root.replaceChildren(document.createElement('slot')); // the light DOM shows until the first render
        this.#prefix = this.id || 'tft';
        this.#tracker = new Tracker(this.#prefix, this.getAttribute('selected'));
        // Updates are positional patches of what the widget rendered: if
        // anything else edits the shadow DOM (a host script, an extension),
        // the next update rebuilds it whole instead of patching blind.
        this.#watch = new MutationObserver(() => { this.#tampered = true; });
        this.#watch.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      if (!this.#tracker) return;
      this.#run('lang', (t) => t.call('setLang', this.getAttribute('lang'), document.documentElement.getAttribute('lang')));
      this.#listen();
      this.#load();
    }, (err) => this.#report('loading the WebAssembly module', err));
  }

  disconnectedCallback() {
    nearViewport?.unobserve(this);
    this.#stop();
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this.#tracker) return;
    if (name === 'src') this.#load();
    else if (name === 'refresh') this.#schedule();
    else if (name === 'lang') this.#run(name, (t) => t.call('setLang', value, document.documentElement.getAttribute('lang')));
    else if (name === 'selected') this.#run(name, (t) => t.call('setSelected', value));
    else if (name === 'theme') this.#run(name, (t) => t.call('setTheme', value));
  }

  /** The programme shown, as a plain object; setting it overrides src, null returns to it. */
  get data() {
    return this.#data;
  }

  set data(value) {
    this.#data = value;
    if (this.#tracker) this.#load();
  }

  /** Calls into the module; contains any failure to this widget. */
  #call(what, fn) {
    if (this.#stopped) return undefined;
    try {
      return fn(this.#tracker);
    } catch (err) {
      if (err instanceof WebAssembly.RuntimeError) this.#crash(err);
      else this.#report(what, err);
      return undefined;
    }
  }

  /** Calls into the module and applies what it answers; MORE or AFTER_PAINT when a load wants another step. */
  #run(what, fn, event) {
    if (this.#watch?.takeRecords().length) this.#tampered = true;
    if (this.#tampered) this.#redraw('the shadow DOM was changed from outside');
    const ops = this.#call(what, fn);
    if (!ops) return 0;
    try {
      return this.#apply(ops, event);
    } catch (err) {
      this.#redraw(`an update could not be applied (${err})`);
      return 0;
    } finally {
      this.#watch?.takeRecords(); // our own changes
    }
  }

  /** Renders the whole view anew, so the DOM is again exactly what the module rendered. */
  #redraw(why) {
    this.#tampered = false;
    warn(`${why}; rebuilt the widget.`);
    const ops = this.#call('redraw', (t) => t.call('redraw'));
    try {
      if (ops) this.#apply(ops);
    } catch (err) {
      this.#report('redraw', err); // a fresh build failed too: say so, never throw into the page
    }
    this.#watch?.takeRecords();
  }

  /** Carries out an operation string: DOM changes first, then effects. */
  #apply(ops, event) {
    const root = this.shadowRoot;
    const n = ops.length;
    let i = 0;
    let parent = root;
    let cur = root.firstChild;
    let el = root;
    let more = 0;
    const up = [];
    const built = [];
    const read = () => {
      let j = i;
      for (; j < n; j++) {
        const c = ops.charCodeAt(j);
        if (c < 32 && c !== 9 && c !== 10 && c !== 13) break;
      }
      const s = ops.slice(i, j);
      i = j;
      return s;
    };
    const place = (node) => {
      if (built.length) built[built.length - 1].appendChild(node);
      else parent.insertBefore(node, cur);
    };
    while (i < n) {
      const code = ops.charCodeAt(i++);
      const s = read();
      let a = '';
      let b = '';
      if (ops.charCodeAt(i) === 3) {
        i++;
        a = read();
        if (ops.charCodeAt(i) === 3) {
          i++;
          b = read();
        }
      }
      switch (code) {
        case 1: { // OPEN: built detached, placed whole at its CLOSE
          const e = document.createElement(s);
          if (built.length) built[built.length - 1].appendChild(e);
          built.push(e);
          el = e;
          break;
        }
        case 2: el.setAttribute(s, a); break; // ATTR
        case 4: el.style.setProperty(s, a); break; // VAR
        case 5: place(document.createTextNode(s)); break; // TEXT
        case 6: { // CLOSE
          const e = built.pop();
          if (!built.length) place(e);
          el = built.length ? built[built.length - 1] : parent;
          break;
        }
        case 7: for (let k = Number(s); k > 0; k--) cur = cur.nextSibling; break; // SKIP
        case 8: up.push(parent, cur); parent = el = cur; cur = parent.firstChild; break; // ENTER
        case 14: { // LEAVE
          const left = parent;
          up.pop();
          parent = el = up.pop();
          cur = left.nextSibling;
          break;
        }
        case 15: cur.nodeValue = s; cur = cur.nextSibling; break; // SET_TEXT
        case 16: for (let k = Number(s); k > 0; k--) { const next = cur.nextSibling; cur.remove(); cur = next; } break; // REMOVE
        case 17: el.removeAttribute(s); break; // DEL_ATTR
        case 18: el.style.removeProperty(s); break; // DEL_VAR
        case 20: root.replaceChildren(); cur = null; break; // CLEAR
        case 21: this.dispatchEvent(new CustomEvent(s, { bubbles: true, composed: true, detail: JSON.parse(a) })); break;
        case 22: writeHistory(this.#prefix, s === 'push', a); break; // HISTORY
        case 23: root.querySelector(s)?.focus(); break; // FOCUS
        case 24: root.getElementById(s)?.scrollIntoView(); break; // SCROLL
        case 25: this.#copy(`${location.href.split('#')[0]}#${s}`); break; // COPY
        case 26: this.#download(s, a, b); break; // DOWNLOAD
        case 27: warn(s); break; // WARN
        case 28: console.error(`[task-force-tracker] ${s}`, a); break; // ERROR
        case 29: event?.preventDefault(); break; // PREVENT
        case 30: { // CONTROL
          const c = root.querySelector(`[data-act="${s}"]`);
          if (c && c.value !== a) c.value = a;
          break;
        }
        case 31: more = MORE; break; // CONTINUE
        case 19: more = AFTER_PAINT; break; // AFTER_PAINT
        default: break;
      }
    }
    return more;
  }

  #report(what, err) {
    console.error(`[task-force-tracker] ${what} failed:`, err);
    this.dispatchEvent(new CustomEvent('tft-error', {
      bubbles: true, composed: true, detail: { source: what, message: String(err) },
    }));
  }

  /** A trap left this instance's Rust state unknown: stop it, say so, keep the page. */
  #crash(err) {
    this.#report('internal', err);
    this.#stop();
    this.#stopped = true;
    const root = this.shadowRoot;
    if (!root) return;
    const lang = (this.getAttribute('lang') || document.documentElement.lang || 'zh').toLowerCase();
    const box = document.createElement('div');
    box.className = 'tft tft-error';
    box.setAttribute('role', 'alert');
    box.setAttribute('part', 'root error');
    const p = document.createElement('p');
    p.textContent = lang.startsWith('en') ? STOPPED.en : STOPPED.zh;
    box.append(p);
    root.replaceChildren(box);
  }

  #stop() {
    clearTimeout(this.#timer);
    this.#watch?.disconnect();
    this.#watch = null;
    this.#listeners?.abort();
    this.#listeners = null;
    this.#generation++;
    if (this.#tracker) {
      const t = this.#tracker;
      this.#tracker = null;
      try { t.free(); } catch { /* a trapped instance may not free cleanly */ }
    }
  }

  #listen() {
    this.#listeners = new AbortController();
    const opts = { signal: this.#listeners.signal };
    const fromShadow = (e) => {
      const target = e.target.closest?.('[data-act]');
      if (!target) return;
      let value = '';
      if (e.type === 'keydown') value = e.altKey || e.ctrlKey || e.metaKey ? '' : e.key;
      else if (e.type !== 'click') {
        if (e.isComposing) return; // wait for an input method (pinyin, zhuyin…) to commit
        value = target.value ?? '';
      }
      const act = target.getAttribute('data-act');
      const arg = target.getAttribute('data-arg') ?? '';
      this.#run(e.type, (t) => t.call('event', e.type, act, arg, value), e);
    };
    const fromWindow = (e) => {
      let value = '';
      if (e.type === 'popstate') {
        const saved = e.state && typeof e.state === 'object' ? e.state[this.#prefix] : undefined;
        value = typeof saved === 'string' ? saved : location.hash;
      }
      this.#run(e.type, (t) => t.call('event', e.type, '', '', value), e);
    };
    for (const type of SHADOW_EVENTS) this.shadowRoot.addEventListener(type, fromShadow, opts);
    for (const type of WINDOW_EVENTS) window.addEventListener(type, fromWindow, opts);
    document.addEventListener('visibilitychange', () => {
      if (this.#dueWhileHidden && document.visibilityState === 'visible') this.#refresh();
    }, opts);
  }

  #copy(url) {
    const done = (ok) => this.#run('copy link', (t) => t.call('copied', String(ok), url));
    try {
      navigator.clipboard.writeText(url).then(() => done(true), () => done(false));
    } catch {
      done(false);
    }
  }

  #download(format, name, mime) {
    const body = this.#call('download', (t) => t.exportBody(format));
    if (body == null) return;
    const url = URL.createObjectURL(new Blob([body], { type: mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    URL.revokeObjectURL(url);
  }

  /** Runs a load to its end, one slice per task so the page stays responsive. */
  async #feed(first) {
    const generation = this.#generation;
    let more = this.#run('data', first);
    while (more) {
      await (more === AFTER_PAINT ? afterPaint() : nextTask());
      if (generation !== this.#generation || !this.#tracker) return;
      more = this.#run('data', (t) => t.call('step'));
    }
  }

  #load() {
    clearTimeout(this.#timer);
    this.#generation++;
    this.#failures = 0;
    const src = this.getAttribute('src')?.trim();
    if (this.#data != null) {
      let text;
      try { text = JSON.stringify(this.#data); } catch { /* cycles, BigInt… */ }
      if (typeof text === 'string') this.#feed((t) => t.call('setData', text, location.hash));
      else this.#run('data', (t) => t.call('fail', 'not-json', 'the value cannot be written as JSON', 'element.data'));
    } else if (src) this.#fetch(src);
    else {
      const inline = this.querySelector(':scope > script[type="application/json"]');
      this.#feed((t) => t.call('loadOwn', inline ? inline.textContent : undefined, location.hash));
    }
  }

  async #fetch(url) {
    clearTimeout(this.#timer);
    const generation = ++this.#generation;
    const timeout = seconds(this, 'timeout', 1, 120) ?? DEFAULT_TIMEOUT;
    let outcome;
    try {
      // no-cache: revalidate every time, so with an ETag an unchanged file costs a 304.
      const response = await fetch(url, { cache: 'no-cache', signal: AbortSignal.timeout(timeout * 1000) });
      if (!response.ok) outcome = ['http', String(response.status)];
      else outcome = ['ok', await readLimited(response, MAX_BYTES)];
    } catch (err) {
      if (err.kind === 'too-large') outcome = ['too-large', String(MAX_BYTES)];
      else if (err.name === 'TimeoutError' || err.name === 'AbortError') outcome = ['timeout', String(timeout)];
      else outcome = ['network', err.message || String(err)];
    }
    if (generation !== this.#generation || !this.#tracker) return; // replaced or removed meanwhile
    const [kind, value] = outcome;
    this.#failures = kind === 'ok' ? 0 : this.#failures + 1;
    if (kind === 'ok' && value.length > 1 << 20) await nextTask(); // copying a large file in is a task of its own
    if (generation !== this.#generation || !this.#tracker) return;
    if (kind === 'ok') await this.#feed((t) => t.deliver(value, url, location.hash));
    else this.#run('data', (t) => t.call('fail', kind, value, url));
    if (generation === this.#generation) this.#schedule();
  }

  /** Plans the next re-fetch: every `refresh` seconds, doubling per failure up to 32×. */
  #schedule() {
    clearTimeout(this.#timer);
    const every = seconds(this, 'refresh', 1, MAX_REFRESH);
    if (!every || !this.#tracker || this.#data != null || !this.getAttribute('src')?.trim()) return;
    const delay = Math.min(every * 2 ** Math.min(this.#failures, 5), MAX_REFRESH);
    this.#timer = setTimeout(() => this.#refresh(), delay * 1000);
  }

  #refresh() {
    if (document.visibilityState === 'hidden') {
      this.#dueWhileHidden = true; // wait until the reader comes back
      return;
    }
    this.#dueWhileHidden = false;
    const src = this.getAttribute('src')?.trim();
    if (src && this.#data == null) this.#fetch(src);
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
