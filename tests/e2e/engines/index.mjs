// The driver layer: the end-to-end tests are written against Playwright's
// page and locator API, and Playwright's own Firefox and WebKit builds
// cannot be had here. For those engines (Debian's firefox-esr and
// WebKitGTK), this module gives the tests the part of that API they use,
// over the clients that speak to them: puppeteer-core (WebDriver BiDi) for
// Firefox, selenium-webdriver (WebDriver, WebKitWebDriver + MiniBrowser
// under xvfb) for WebKit. Elements are found in the page by the same
// names the tests give (./query.mjs) and then clicked, typed into and read
// through each client's real input. Chromium keeps Playwright itself.
//
// What a client cannot do (printing media, forced colours, disabling
// scripts) throws `Unsupported`; tests skip those steps for that engine
// by name (see `supports`).
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { install } from './query.mjs';

export const ENGINE = process.env.ENGINE ?? 'chromium';

/** What each engine's client can do beyond the common part. */
const CAN = {
  chromium: new Set(['cdp', 'layout-shift', 'print-media', 'forced-colors', 'no-script', 'dark', 'clipboard-read', 'downloads', 'offline', 'full-page-shot']),
  firefox: new Set(['dark', 'full-page-shot']),
  webkit: new Set(['dark']),
};

/** Whether this run's engine can do `what` (for `{ skip }` on a test). */
export const supports = (what) => CAN[ENGINE].has(what);
/** A reason to skip a step this engine's client cannot do, or false. */
export const unless = (what) => !supports(what) && `${ENGINE}: the driver cannot ${what}`;

export class Unsupported extends Error {}

/** Scripts the test server puts first in every HTML page it serves (WebKit's
 * WebDriver has no way to run a script before the page's own). */
export const serverInitScripts = [];
/** While true, the test server drops every connection (a context "offline"). */
export const network = { offline: false };

const INSTALL = `(${install})();`;
const installer = new Function(INSTALL);
const RE = (v) => (v instanceof RegExp ? { source: v.source, flags: v.flags } : v);

/** Records, in the page, what the tests read from the console and the
 * downloads a click offers (blob URLs are revoked at once: the blob is kept
 * from `URL.createObjectURL`). */
function capture() {
  if (window.__tftCapture) return;
  window.__tftCapture = { console: [], thrown: [], downloads: [] };
  const c = window.__tftCapture;
  const error = console.error.bind(console);
  console.error = (...args) => { c.console.push(args.map((a) => (a instanceof Error ? `${a}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')); error(...args); };
  const warn = console.warn.bind(console);
  console.warn = (...args) => { c.console.push({ warning: args.map(String).join(' ') }); warn(...args); };
  addEventListener('error', (e) => c.thrown.push(String(e.error ?? e.message)));
  addEventListener('unhandledrejection', (e) => c.thrown.push(String(e.reason)));
  // What the page wrote to the clipboard, for a context granted
  // 'clipboard-read' where the engine will not let a script read it back.
  const clipboard = navigator.clipboard;
  if (clipboard) {
    const write = clipboard.writeText.bind(clipboard);
    const read = clipboard.readText.bind(clipboard);
    clipboard.writeText = (t) => write(t).then(() => { c.copied = t; });
    clipboard.readText = () => (window.__tftMayRead ? Promise.resolve(c.copied) : read());
  }
  const blobs = new Map();
  const make = URL.createObjectURL;
  URL.createObjectURL = (b) => { const u = make.call(URL, b); blobs.set(u, b); return u; };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    const blob = blobs.get(this.href);
    if (this.hasAttribute('download') && blob) {
      const name = this.getAttribute('download');
      blob.arrayBuffer().then((b) => {
        let bytes = '';
        for (const x of new Uint8Array(b)) bytes += String.fromCharCode(x);
        c.downloads.push({ name, base64: btoa(bytes) });
      });
      return;
    }
    return click.call(this);
  };
}
const CAPTURE = `(${capture})();`;

// ---- clients ----------------------------------------------------------------

/** Firefox through puppeteer-core over WebDriver BiDi. */
class FirefoxClient {
  /** A Firefox whose pages see a light or a dark system (`scheme`). */
  static async launch(scheme) {
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.launch({
      browser: 'firefox', executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr', headless: true,
      args: ['--no-remote'],
      extraPrefsFirefox: {
        'dom.events.asyncClipboard.readText': true,
        'dom.events.testing.asyncClipboard': true,
        // 0: pages see a dark system, 1: a light one.
        'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1,
      },
    });
    return new FirefoxClient(browser);
  }
  constructor(browser) { this.browser = browser; }
  async context() {
    const ctx = await this.browser.createBrowserContext();
    return {
      page: async () => {
        const page = await ctx.newPage();
        return new FirefoxPage(page);
      },
      close: () => ctx.close(),
    };
  }
  close() { return this.browser.close(); }
}

class FirefoxPage {
  constructor(page) { this.page = page; this.logs = []; }
  async init(source) { await this.page.evaluateOnNewDocument(new Function(source)); }
  async viewport(width, height) { await this.page.setViewport({ width, height }); }
  async goto(url) { await this.page.goto(url, { waitUntil: 'load' }); }
  async run(fn, arg) { return this.page.evaluate(fn, arg); }
  async element(steps) {
    const handle = await this.page.evaluateHandle((s) => globalThis.__tftQuery(s)[0] ?? null, steps);
    return handle;
  }
  async click(handle) { await handle.click(); }
  async press(key) {
    const parts = key.split('+');
    const main = parts.pop();
    for (const m of parts) await this.page.keyboard.down(m);
    await this.page.keyboard.press(main === ' ' ? 'Space' : main);
    for (const m of parts.reverse()) await this.page.keyboard.up(m);
  }
  async type(text) { await this.page.keyboard.type(text); }
  async files(handle, paths) { await handle.uploadFile(...paths); }
  async screenshot(path, fullPage) { await this.page.screenshot({ path, fullPage }); }
  async elementShot(handle, path) { await handle.screenshot({ path }); }
  onRequest(fn) { this.page.on('request', (r) => fn({ url: () => r.url() })); }
  async wheel(deltaX, deltaY) { await this.page.mouse.wheel({ deltaX, deltaY }); }
  async media(options) {
    // WebDriver BiDi, as Firefox ESR speaks it, has no media emulation.
    throw new Unsupported(`emulate ${JSON.stringify(options)}`);
  }
  async close() { await this.page.close(); }
}

/** WebKitGTK (MiniBrowser) through selenium-webdriver and WebKitWebDriver. */
class WebKitClient {
  /** A WebKitWebDriver whose MiniBrowsers see a light or a dark system (`scheme`). */
  static async launch(scheme) {
    const port = 4400 + Math.floor(Math.random() * 2000);
    // MiniBrowser's toolbar keeps its window at least 447 px wide; a GTK
    // stylesheet lets it go down to a phone's 375. GTK's dark preference is
    // what WebKitGTK answers prefers-color-scheme with.
    const config = mkdtempSync(join(tmpdir(), 'tft-gtk-'));
    mkdirSync(join(config, 'gtk-3.0'));
    writeFileSync(join(config, 'gtk-3.0', 'gtk.css'), '* { min-width: 0; min-height: 0; padding: 0; margin: 0; font-size: 1px; }\n');
    writeFileSync(join(config, 'gtk-3.0', 'settings.ini'), `[Settings]\ngtk-application-prefer-dark-theme=${scheme === 'dark' ? 1 : 0}\n`);
    const driver = spawn('WebKitWebDriver', [`--port=${port}`, '--replace-on-new-session'], { stdio: 'ignore', env: { ...process.env, XDG_CONFIG_HOME: config } });
    await new Promise((ok) => setTimeout(ok, 400));
    return new WebKitClient(driver, port);
  }
  constructor(proc, port) { this.proc = proc; this.port = port; }
  async context() {
    const { Builder } = await import('selenium-webdriver');
    const caps = {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    };
    const driver = await answered('new session', new Builder().usingServer(`http://127.0.0.1:${this.port}`).withCapabilities(caps).build());
    // A WebKitWebDriver that stops answering (seen once in CI: a run hung
    // until CI's own limit) fails the command that waited, by name, instead.
    const executor = driver.getExecutor();
    const execute = executor.execute.bind(executor);
    executor.execute = (command) => answered(command.getName(), execute(command));
    await driver.manage().setTimeouts({ script: 30_000 });
    return {
      page: async () => new WebKitPage(driver),
      close: () => driver.quit().catch(() => {}),
    };
  }
  close() { this.proc.kill(); }
}

/** `promise`, or an error naming `what` once WebKitWebDriver has not
 * answered in 90 s: longer than any page load or script the tests wait for
 * (scripts time out at 30 s). */
function answered(what, promise) {
  let timer;
  const late = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`WebKitWebDriver did not answer "${what}" in 90 s`)), 90_000);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const KEYS = {
  ArrowRight: '\uE014', ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowDown: '\uE015', Home: '\uE011', End: '\uE010',
  Enter: '\uE007', Escape: '\uE00C', Tab: '\uE004', Backspace: '\uE003', PageDown: '\uE00F', PageUp: '\uE00E',
  Space: ' ', ' ': ' ', Shift: '\uE008', Control: '\uE009', Alt: '\uE00A', Meta: '\uE03D',
};

class WebKitPage {
  constructor(driver) { this.driver = driver; }
  async init(source) { serverInitScripts.push(source); }
  async viewport(width, height) {
    const win = this.driver.manage().window();
    await win.setRect({ width, height });
    // The rectangle is the window's; correct it by what the page gets.
    for (let i = 0; i < 3; i++) {
      const [w, h] = await this.driver.executeScript('return [innerWidth, innerHeight]');
      if (w === width && h === height) return;
      const rect = await win.getRect();
      await win.setRect({ width: Math.round(rect.width + width - w), height: Math.round(rect.height + height - h) });
    }
  }
  async goto(url) { await this.driver.get(url); }
  async run(fn, arg) {
    const source = fn.toString();
    const result = await this.driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.resolve().then(() => (${source})(arguments[0])).then((v) => done({ v: v === undefined ? null : v }), (e) => done({ e: String(e && e.stack || e) }));`,
      arg,
    );
    if (result && 'e' in result) throw new Error(result.e);
    return result?.v;
  }
  async element(steps) {
    const el = await this.driver.executeScript('return globalThis.__tftQuery(arguments[0])[0] || null', steps);
    return el;
  }
  async click(el) {
    await this.driver.executeScript('arguments[0].scrollIntoView({ block: "center", inline: "center" })', el);
    await this.driver.actions({ async: true }).move({ origin: el }).click().perform();
  }
  async press(key) {
    const parts = key.split('+').map((k) => KEYS[k] ?? k);
    const actions = this.driver.actions({ async: true });
    for (const k of parts) actions.keyDown(k);
    for (const k of parts.reverse()) actions.keyUp(k);
    await actions.perform();
  }
  async type(text) {
    const actions = this.driver.actions({ async: true });
    for (const ch of text) actions.keyDown(ch).keyUp(ch);
    await actions.perform();
  }
  async files(el, paths) {
    // Playwright's setInputFiles replaces the files; WebDriver appends to a
    // `multiple` input: empty it first.
    await el.clear().catch(() => {});
    await el.sendKeys(paths.join('\n'));
  }
  async screenshot(path) {
    const png = await this.driver.takeScreenshot();
    writeFileSync(path, Buffer.from(png, 'base64'));
  }
  onRequest(fn, page) { page.requests.listeners.push(fn); }
  async wheel(deltaX, deltaY) {
    await this.driver.actions({ async: true }).scroll(10, 10, deltaX, deltaY).perform();
  }
  async elementShot(el, path) {
    // WebKit paints element screenshots with a black band: the window, with
    // the element at its top, instead.
    await this.driver.executeScript('arguments[0].scrollIntoView()', el);
    await this.screenshot(path);
  }
  async media() { throw new Unsupported('media emulation'); }
  async close() {}
}

// ---- the Playwright-shaped part the tests use ---------------------------------

/** Launches `engine` and gives it Playwright's browser shape. */
export async function launchEngine(engine = ENGINE) {
  const Client = engine === 'firefox' ? FirefoxClient : WebKitClient;
  // One browser per colour scheme, started when first asked for.
  const clients = {};
  const client = (scheme) => (clients[scheme] ??= Client.launch(scheme));
  await client('light');
  return {
    engine,
    async newContext(options = {}) {
      if (options.javaScriptEnabled === false) throw new Unsupported('disable scripts');
      const ctx = await (await client(options.colorScheme === 'dark' ? 'dark' : 'light')).context();
      return new Context(ctx, options);
    },
    close: async () => { for (const c of Object.values(clients)) (await c).close(); },
  };
}

class Context {
  constructor(ctx, options) {
    this.ctx = ctx;
    this.options = options;
    this.scripts = [];
    this.pages = [];
    this.timeout = 30_000;
  }
  setDefaultTimeout(ms) { this.timeout = ms; }
  async addInitScript(script, arg) {
    const given = arg === undefined ? '' : JSON.stringify(arg);
    const source = typeof script === 'function' ? `(${script})(${given});` : script.content ?? String(script);
    this.scripts.push(source);
    for (const p of this.pages) await p.client.init(source);
  }
  async grantPermissions(names) {
    // Where reading the clipboard needs a paste gesture (WebKit), answer
    // with what the page wrote: the same text the system clipboard got.
    if (ENGINE === 'webkit' && names.includes('clipboard-read')) {
      this.scripts.push('window.__tftMayRead = true;');
      for (const p of this.pages) await p.client.run(() => { window.__tftMayRead = true; });
    }
  }
  async setOffline(offline) { network.offline = offline; }
  async newPage() {
    const client = await this.ctx.page();
    const page = new Page(client, this);
    this.pages.push(page);
    serverInitScripts.length = 0;
    await client.init(CAPTURE);
    for (const s of this.scripts) await client.init(s);
    const { width = 1280, height = 720 } = this.options.viewport ?? {};
    await page.setViewportSize({ width, height });
    return page;
  }
  async close() {
    network.offline = false;
    serverInitScripts.length = 0;
    for (const p of this.pages) await p.client.close().catch(() => {});
    await this.ctx.close().catch(() => {});
  }
}

class Page {
  constructor(client, context) {
    this.client = client;
    this._context = context;
    this.listeners = { console: [], pageerror: [] };
    this.seen = { console: 0, thrown: 0 };
    this.requests = { listeners: [], seen: 0 };
    this.mouse = { wheel: async (x, y) => { await this.client.wheel(x, y); await this.drain(); } };
    this.keyboard = {
      press: async (key) => { await this.client.press(key); await this.drain(); },
      type: async (text) => { await this.client.type(text); await this.drain(); },
    };
  }
  context() { return this._context; }
  on(event, fn) {
    if (event === 'request') return this.client.onRequest(fn, this);
    this.listeners[event]?.push(fn);
  }
  viewportSize() { return this._viewport; }
  async addInitScript(script, arg) { await this._context.addInitScript(script, arg); }

  /** Hands what the page logged since the last look to the test's listeners. */
  async drain() {
    let c;
    try {
      c = await this.client.run(() => {
        const x = window.__tftCapture;
        const requests = performance.getEntriesByType('resource').map((e) => e.name);
        return { href: location.href, requests, ...(x ? { console: x.console, thrown: x.thrown } : {}) };
      });
    } catch { return; }
    this._url = c.href;
    // Where the client cannot watch the network (WebKit), the page's own
    // resource timing says what it fetched.
    for (const url of c.requests.slice(this.requests.seen)) this.requests.listeners.forEach((f) => f({ url: () => url }));
    this.requests.seen = c.requests.length;
    if (!c.console) return;
    for (const m of c.console.slice(this.seen.console)) {
      const msg = typeof m === 'string' ? { type: () => 'error', text: () => m } : { type: () => 'warning', text: () => m.warning };
      this.listeners.console.forEach((f) => f(msg));
    }
    for (const t of c.thrown.slice(this.seen.thrown)) this.listeners.pageerror.forEach((f) => f(new Error(t)));
    this.seen = { console: c.console.length, thrown: c.thrown.length };
  }

  url() { return this._url; }
  async goto(url) {
    this.seen = { console: 0, thrown: 0 };
    this.requests.seen = 0;
    await this.client.goto(url);
    await this.install();
    await this.drain();
  }
  async addScriptTag({ path }) {
    const { readFileSync } = await import('node:fs');
    await this.client.run(new Function(readFileSync(path, 'utf8')));
  }
  async install() { await this.client.run(installer); }
  async evaluate(fn, arg) {
    const v = await this.client.run(fn, arg);
    await this.drain();
    return v;
  }
  async waitForFunction(fn, arg, { timeout } = {}) {
    const end = Date.now() + (timeout ?? this._context.timeout);
    // An element or other object is truthy but cannot cross: say `true`.
    const probe = new Function('a', `return Promise.resolve((${fn})(a)).then((v) => (v && typeof v === 'object' && !Array.isArray(v) && !(v.constructor === Object) ? true : v));`);
    for (;;) {
      const v = await this.client.run(probe, arg).catch(() => undefined);
      // Playwright gives a handle to the value: the same shape here.
      if (v) { await this.drain(); return { jsonValue: async () => v }; }
      if (Date.now() > end) throw new Error(`waitForFunction timed out: ${fn}`);
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }
  async waitForTimeout(ms) { await new Promise((ok) => setTimeout(ok, ms)); await this.drain(); }
  async goBack() { await this.history('back'); }
  async goForward() { await this.history('forward'); }
  async history(way) {
    await this.client.run((w) => new Promise((ok) => {
      const done = () => setTimeout(ok, 50);
      addEventListener('popstate', done, { once: true });
      setTimeout(ok, 1000);
      history[w]();
    }), way);
    await this.drain();
  }
  async setViewportSize({ width, height }) {
    await this.client.viewport(width, height);
    this._viewport = { width, height };
  }
  async emulateMedia(options) { await this.client.media(options); }
  async screenshot({ path, fullPage } = {}) { await this.client.screenshot(path, fullPage); }
  async waitForEvent(event, { timeout } = {}) {
    if (event !== 'download') throw new Unsupported(`wait for ${event}`);
    const before = await this.client.run(() => window.__tftCapture.downloads.length);
    const end = Date.now() + (timeout ?? this._context.timeout);
    for (;;) {
      const d = await this.client.run((n) => window.__tftCapture.downloads[n] ?? null, before);
      if (d) return new Download(d);
      if (Date.now() > end) throw new Error('no download');
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }
  locator(css) { return new Locator(this, [{ css }]); }
  getByRole(role, options) { return new Locator(this, []).getByRole(role, options); }
  getByLabel(text, options) { return new Locator(this, []).getByLabel(text, options); }
  getByText(text, options) { return new Locator(this, []).getByText(text, options); }
  async close() { await this.client.close(); }
}

class Download {
  constructor({ name, base64 }) { this.name = name; this.bytes = Buffer.from(base64, 'base64'); }
  suggestedFilename() { return this.name; }
  async path() {
    const dir = mkdtempSync(join(tmpdir(), 'tft-download-'));
    const file = join(dir, this.name);
    writeFileSync(file, this.bytes);
    return file;
  }
}

class Locator {
  constructor(page, steps) { this.page = page; this.steps = steps; }
  with(step) { return new Locator(this.page, [...this.steps, step]); }
  locator(css) { return this.with({ css }); }
  getByRole(role, { name, exact, selected, pressed, expanded, checked, level, includeHidden } = {}) {
    return this.with({ role, name: RE(name), exact, selected, pressed, expanded, checked, level, includeHidden });
  }
  getByLabel(label, { exact } = {}) { return this.with({ label: RE(label), exact }); }
  getByText(text, { exact } = {}) { return this.with({ text: RE(text), exact }); }
  filter({ hasText }) { return this.with({ hasText: RE(hasText) }); }
  first() { return this.with({ nth: 0 }); }
  last() { return this.with({ nth: -1 }); }
  nth(i) { return this.with({ nth: i }); }

  /** Runs `fn(elements, arg)` in the page on what the locator finds now. */
  async run(fn, arg) {
    const body = `${INSTALL} const els = globalThis.__tftQuery(a.steps); return (${fn})(els, a.arg);`;
    return this.page.client.run(new Function('a', body), { steps: this.steps, arg });
  }
  /** Waits until the locator finds exactly one element (visible, unless not asked). */
  async one({ visible = true, timeout } = {}) {
    const end = Date.now() + (timeout ?? this.page._context.timeout);
    for (;;) {
      const n = await this.run((els, v) => {
        if (els.length > 1) return -els.length;
        return els.length === 1 && (!v || globalThis.__tftVisible(els[0])) ? 1 : 0;
      }, visible);
      if (n < 0) throw new Error(`strict mode: ${JSON.stringify(this.steps)} found ${-n} elements`);
      if (n === 1) return;
      if (Date.now() > end) throw new Error(`not found in time: ${JSON.stringify(this.steps)}`);
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }
  async handle() {
    await this.one();
    await this.page.install();
    return this.page.client.element(this.steps);
  }
  async value(fn, arg, options) {
    await this.one(options);
    const v = await this.run(fn, arg);
    await this.page.drain();
    return v;
  }

  async count() { return this.run((els) => els.length); }
  // Without the line breaks WebKit leaves at the start and end (the
  // innerText algorithm removes them; Chromium and Firefox do).
  async innerText() { return this.value((els) => els[0].innerText.replace(/^\n+|\n+$/g, ''), undefined, { visible: false }); }
  async textContent() { return this.value((els) => els[0].textContent, undefined, { visible: false }); }
  async allInnerTexts() { return this.run((els) => els.map((e) => e.innerText.replace(/^\n+|\n+$/g, ''))); }
  async allTextContents() { return this.run((els) => els.map((e) => e.textContent)); }
  async evaluateAll(fn, arg) { return this.run(`(els, a) => (${fn})(els, a)`, arg); }
  async screenshot({ path }) {
    const h = await this.handle();
    await this.page.client.elementShot(h, path);
  }
  async getAttribute(name) { return this.value((els, n) => els[0].getAttribute(n), name, { visible: false }); }
  async inputValue() { return this.value((els) => els[0].value, undefined, { visible: false }); }
  async isVisible() { return this.run((els) => els.length === 1 && globalThis.__tftVisible(els[0])); }
  async isEnabled() { return this.value((els) => !els[0].disabled, undefined, { visible: false }); }
  async isDisabled() { return this.value((els) => !!els[0].disabled, undefined, { visible: false }); }
  async boundingBox() {
    return this.value((els) => { const r = els[0].getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; });
  }
  async evaluate(fn, arg) {
    return this.value(`(els, a) => (${fn})(els[0], a)`, arg, { visible: false });
  }
  async waitFor({ state = 'visible', timeout } = {}) {
    const end = Date.now() + (timeout ?? this.page._context.timeout);
    for (;;) {
      const ok = await this.run((els, s) => {
        const v = els.length > 0 && globalThis.__tftVisible(els[0]);
        return s === 'attached' ? els.length > 0 : s === 'detached' ? els.length === 0 : s === 'hidden' ? !v : v;
      }, state);
      if (ok) { await this.page.drain(); return; }
      if (Date.now() > end) throw new Error(`waitFor ${state} timed out: ${JSON.stringify(this.steps)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  async scrollIntoViewIfNeeded() { await this.value((els) => els[0].scrollIntoView({ block: 'center' }), undefined, { visible: false }); }
  async focus() { await this.value((els) => els[0].focus()); }
  async click() {
    const h = await this.handle();
    await this.page.client.click(h);
    await this.page.drain();
  }
  async fill(text) {
    await this.value((els, t) => {
      const el = els[0];
      el.focus();
      el.value = t;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: t }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, text);
  }
  async selectOption(value) {
    await this.value((els, v) => {
      const el = els[0];
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  }
  async press(key) {
    await this.focus();
    await this.page.keyboard.press(key);
  }
  async type(text) {
    await this.focus();
    await this.page.keyboard.type(text);
  }
  async dispatchEvent(type) { await this.value((els, t) => els[0].dispatchEvent(new Event(t, { bubbles: true })), type, { visible: false }); }
  async setInputFiles(paths) {
    await this.one({ visible: false });
    await this.page.install();
    const h = await this.page.client.element(this.steps);
    await this.page.client.files(h, Array.isArray(paths) ? paths : [paths]);
    await this.page.drain();
  }
}
