// The data desk: programme staff check a spreadsheet (CSV) or a data file
// (JSON) with the same checks and words as `tft`, from the same Rust crate
// compiled to wasm (src/desk.rs, built into ./pkg by `build.sh --desk`), see
// the widget as readers will, and download what to publish. Nothing leaves
// the page. Text is only ever set as text.
import init, { readSheet, checkJson, fallbackHtml, exportSheet, words as deskWords } from './pkg/task_force_tracker.js';

// The page's own words come from the same tables as every problem it
// shows (src/words/, through the module's `words`); only the line said when
// the module itself cannot load is here.
const CANNOT_LOAD = { 'zh-Hans': '工作台无法在此浏览器中运行：', 'zh-Hant': '工作台無法在此瀏覽器中執行：', en: 'The desk cannot run in this browser: ' };
/** A word with a value in its `{}`. */
const fill = (template, value) => template.replace('{}', value);

const $ = (id) => document.getElementById(id);
let lang = 'zh-Hans';
let words = null; // the page's words in `lang`, from the module
let file = null; // { name, text, encoding }
let published = null; // the JSON text of the last valid check

function setLanguage(next) {
  lang = next;
  words = deskWords(lang);
  document.documentElement.lang = lang;
  document.title = `${words.title} · ${words.otherTitle}`;
  for (const el of document.querySelectorAll('[data-t]')) {
    const w = words[el.dataset.t];
    if (typeof w === 'string' && (el.id !== 'status' || !file)) el.textContent = w;
  }
  for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  // The Chinese preview in the Chinese the page is in.
  if (lang.startsWith('zh')) $('preview-zh').setAttribute('lang', lang);
  if (file) check();
}

/** The file's text: UTF-8 if it is valid UTF-8, else GB18030 (what WPS saves). */
function decode(bytes) {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}

async function choose(chosen) {
  if (!chosen) return;
  $('status').className = '';
  $('status').textContent = fill(words.reading, chosen.name);
  try {
    file = { name: chosen.name, ...decode(new Uint8Array(await chosen.arrayBuffer())) };
  } catch (err) {
    console.error('[desk] reading the file failed:', err);
    $('status').textContent = words.unreadable;
    return;
  }
  $('name').textContent = file.name + fill(words.encoding, file.encoding);
  check();
}

const isJson = () => /\.json$/i.test(file.name) || /^\s*[{[]/.test(file.text);

function settings() {
  const value = (id) => $(id).value.trim() || undefined;
  return {
    title: value('title') ?? '', titleEn: value('titleEn'), asOf: value('asOf') ?? '',
    sourceTitle: value('sourceTitle'), sourceUrl: value('sourceUrl'), sourcePublisher: value('sourcePublisher'),
    sample: $('sample').checked,
  };
}

function check() {
  const report = isJson() ? checkJson(file.text, lang) : readSheet(file.text, settings(), lang);
  const status = $('status');
  const problems = $('problems');
  const notes = $('notes');
  problems.replaceChildren();
  notes.replaceChildren();
  for (const p of report.problems) {
    const li = document.createElement('li');
    if (p.place) {
      const place = document.createElement('span');
      place.className = 'place';
      place.textContent = p.place;
      li.append(place);
    }
    li.append(p.message);
    problems.append(li);
  }
  for (const n of report.notes) {
    const li = document.createElement('li');
    li.textContent = n;
    notes.append(li);
  }
  published = report.json ?? null;
  status.className = published ? 'good' : 'bad';
  status.textContent = report.status;
  $('get-json').disabled = !published;
  $('get-html').disabled = !published;
  $('get-csv').disabled = !published;
  // Readers' view of this file only: never the built-in programme.
  if (published) {
    const data = JSON.parse(published);
    $('preview-zh').data = data;
    $('preview-en').data = data;
  }
  $('previews').hidden = !published;
}

function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stem = () => file.name.replace(/\.[^.]*$/, '');

async function main() {
  try {
    await init({ module_or_path: new URL('./pkg/task_force_tracker_bg.wasm', import.meta.url) });
  } catch (err) {
    console.error('[desk] loading the checks failed:', err);
    $('status').textContent = (CANNOT_LOAD[lang] ?? CANNOT_LOAD.en) + err;
    return;
  }
  setLanguage(lang);
  $('file').addEventListener('change', (e) => choose(e.target.files[0]));
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); choose(e.dataTransfer.files[0]); });
  $('again').addEventListener('click', () => file && check());
  for (const b of document.querySelectorAll('[data-lang]')) b.addEventListener('click', () => setLanguage(b.dataset.lang));
  $('get-json').addEventListener('click', () => published && download(published, `${stem()}.json`, 'application/json'));
  $('get-csv').addEventListener('click', () => published && download(exportSheet(published), `${stem()}-sheet.csv`, 'text/csv'));
  $('get-html').addEventListener('click', () => published && download(fallbackHtml(published, lang), `${stem()}-fallback.html`, 'text/html'));
}

main();
