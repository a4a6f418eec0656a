// What the driver layer runs in the page to find elements the way the tests
// name them (Playwright's locators): CSS that pierces open shadow roots,
// roles with accessible names, labels, text, filters and positions. It is
// installed once per document (`globalThis.__tftQuery`) and answers with
// the elements themselves, which each engine's client then clicks or types
// into with its own real input events.
//
// Kept to what the end-to-end tests use: the implicit roles of the elements
// the widget and the desk draw, names from aria-labelledby, aria-label,
// labels, alt and text content, and Playwright's matching (a string is a
// case-insensitive substring unless `exact`; a RegExp is tested).

/* eslint-disable no-restricted-globals */
export function install() {
  if (globalThis.__tftQuery) return;
  const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

  /** Every element under `root`, open shadow roots included, in document order. */
  function all(root) {
    const out = [];
    const walk = (node) => {
      for (const child of node.children ?? []) {
        out.push(child);
        if (child.shadowRoot) walk(child.shadowRoot);
        walk(child);
      }
    };
    if (root.shadowRoot) walk(root.shadowRoot);
    walk(root);
    return out;
  }

  /** The composed parent: the parent element, or the host of a shadow root. */
  const up = (el) => el.parentElement ?? (el.parentNode && el.parentNode.host) ?? null;

  /** A selector split at top-level commas, then at descendant/child combinators. */
  function parse(selector) {
    const lists = [];
    let depth = 0, quote = null, cur = '';
    for (const c of selector) {
      if (quote) { if (c === quote) quote = null; cur += c; continue; }
      if (c === '"' || c === "'") { quote = c; cur += c; continue; }
      if (c === '(' || c === '[') depth++;
      if (c === ')' || c === ']') depth--;
      if (c === ',' && depth === 0) { lists.push(cur); cur = ''; continue; }
      cur += c;
    }
    lists.push(cur);
    return lists.map((s) => {
      const parts = [];
      let d = 0, q = null, part = '', child = false;
      const flush = () => { if (part.trim()) { parts.push({ sel: part.trim(), child }); child = false; } part = ''; };
      for (const c of s.trim()) {
        if (q) { if (c === q) q = null; part += c; continue; }
        if (c === '"' || c === "'") { q = c; part += c; continue; }
        if (c === '(' || c === '[') d++;
        if (c === ')' || c === ']') d--;
        if (d === 0 && c === '>') { flush(); child = true; continue; }
        if (d === 0 && /\s/.test(c)) { flush(); continue; }
        part += c;
      }
      flush();
      return parts;
    });
  }

  /** Whether `el` matches `parts` (compounds, last one `el`'s), ancestors across shadow roots. */
  function matches(el, parts) {
    if (!el.matches(parts[parts.length - 1].sel)) return false;
    let i = parts.length - 2;
    let node = el;
    let child = parts[parts.length - 1].child;
    while (i >= 0) {
      node = up(node);
      if (!node) return false;
      if (node.matches(parts[i].sel)) { child = parts[i].child; i--; } else if (child) return false;
    }
    return true;
  }

  function css(roots, selector) {
    const lists = parse(selector);
    const out = [];
    for (const root of roots) {
      for (const el of all(root)) {
        if (!out.includes(el) && lists.some((parts) => matches(el, parts) && within(el, root))) out.push(el);
      }
    }
    return out;
  }
  // `el` lies under `root` (a scope element matches nothing at the scope itself).
  const within = (el, root) => el !== root;

  function visible(el) {
    for (let n = el; n; n = up(n)) {
      if (n.hidden) return false;
      if (n.getAttribute && n.getAttribute('aria-hidden') === 'true') return false;
    }
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 || r.height > 0 || el.getClientRects().length > 0;
  }

  function role(el) {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit.split(/\s+/)[0];
    const tag = el.localName;
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    if (tag === 'button' || (tag === 'input' && ['button', 'submit', 'reset'].includes(type))) return 'button';
    if (tag === 'a' && el.hasAttribute('href')) return 'link';
    if (tag === 'input' && type === 'search') return 'searchbox';
    if (tag === 'input' && type === 'checkbox') return 'checkbox';
    if (tag === 'input' && type === 'radio') return 'radio';
    if (tag === 'input' && type === 'file') return 'button';
    if ((tag === 'input' && ['', 'text', 'email', 'url', 'tel'].includes(type)) || tag === 'textarea') return 'textbox';
    if (tag === 'select') return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
    if (tag === 'option') return 'option';
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'ul' || tag === 'ol') return 'list';
    if (tag === 'li') return 'listitem';
    if (tag === 'progress') return 'progressbar';
    if (tag === 'table') return 'table';
    if (tag === 'tr') return 'row';
    if (tag === 'td') return 'cell';
    if (tag === 'th') return el.getAttribute('scope') === 'row' ? 'rowheader' : 'columnheader';
    if (tag === 'img') return el.getAttribute('alt') === '' ? 'presentation' : 'img';
    if (tag === 'nav') return 'navigation';
    if (tag === 'main') return 'main';
    if (tag === 'dialog') return 'dialog';
    if (tag === 'section' && (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'))) return 'region';
    if (tag === 'figure') return 'figure';
    if (tag === 'details') return 'group';
    return null;
  }

  /** Text of `el` for a name: its visible text, hidden parts left out. */
  function text(el) {
    let out = '';
    for (const n of el.childNodes) {
      if (n.nodeType === 3) out += n.data;
      else if (n.nodeType === 1) {
        if (n.getAttribute('aria-hidden') === 'true' || n.hidden) continue;
        const s = getComputedStyle(n);
        if (s.display === 'none' || s.visibility === 'hidden') continue;
        if (n.localName === 'slot') continue;
        out += ' ' + (n.getAttribute('aria-label') ?? text(n)) + ' ';
      }
    }
    return out;
  }

  const byId = (el, id) => (el.getRootNode().getElementById ? el.getRootNode().getElementById(id) : document.getElementById(id));
  const FROM_CONTENT = new Set(['button', 'link', 'tab', 'heading', 'cell', 'columnheader', 'rowheader', 'option', 'checkbox',
    'radio', 'listitem', 'menuitem', 'row', 'switch', 'treeitem', 'tooltip', 'status', 'alert']);

  function name(el) {
    const ids = el.getAttribute('aria-labelledby');
    if (ids) return norm(ids.split(/\s+/).map((id) => { const t = byId(el, id); return t ? text(t) : ''; }).join(' '));
    const label = el.getAttribute('aria-label');
    if (label) return norm(label);
    if (el.labels && el.labels.length) return norm([...el.labels].map(text).join(' '));
    if (el.localName === 'img') return norm(el.getAttribute('alt'));
    if (FROM_CONTENT.has(role(el))) {
      const t = norm(text(el));
      if (t) return t;
    }
    return norm(el.getAttribute('title'));
  }

  function match(value, want, exact) {
    if (want && want.source !== undefined && want.flags !== undefined) return new RegExp(want.source, want.flags).test(value);
    if (exact) return value === norm(want);
    return value.toLowerCase().includes(norm(want).toLowerCase());
  }

  function apply(elements, step) {
    const roots = elements;
    if (step.css) return css(roots, step.css);
    if (step.role) {
      return roots.flatMap((r) => all(r)).filter((el, i, list) => list.indexOf(el) === i
        && role(el) === step.role
        && (step.includeHidden || visible(el))
        && (step.name === undefined || match(name(el), step.name, step.exact))
        && (step.selected === undefined || (el.getAttribute('aria-selected') === 'true') === step.selected)
        && (step.pressed === undefined || (el.getAttribute('aria-pressed') === 'true') === step.pressed)
        && (step.expanded === undefined || (el.getAttribute('aria-expanded') === 'true') === step.expanded)
        && (step.checked === undefined || (el.checked ?? el.getAttribute('aria-checked') === 'true') === step.checked)
        && (step.level === undefined || Number(el.localName.slice(1)) === step.level));
    }
    if (step.label !== undefined) {
      return roots.flatMap((r) => all(r)).filter((el, i, list) => list.indexOf(el) === i
        && (el.labels?.length || el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'))
        && match(name(el), step.label, step.exact));
    }
    if (step.text !== undefined) {
      const hits = roots.flatMap((r) => all(r)).filter((el, i, list) => list.indexOf(el) === i
        && !['script', 'style', 'template'].includes(el.localName) && match(norm(el.textContent), step.text, step.exact));
      // The innermost: not an element holding another that matches.
      return hits.filter((el) => !hits.some((o) => o !== el && el.contains(o)));
    }
    if (step.hasText !== undefined) return roots.filter((el) => match(norm(el.textContent), step.hasText, false));
    if (step.nth !== undefined) {
      const i = step.nth < 0 ? roots.length + step.nth : step.nth;
      return roots[i] ? [roots[i]] : [];
    }
    throw new Error(`unknown step ${JSON.stringify(step)}`);
  }

  globalThis.__tftQuery = (steps) => steps.reduce(apply, [document]);
  globalThis.__tftVisible = visible;
  globalThis.__tftName = name;
}
