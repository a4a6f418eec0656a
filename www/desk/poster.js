// The desk's long image (section 5): the poster Rust draws as SVG
// (src/view/poster/, through the desk's module), shown and offered as PNG
// at 2x, drawn here on a canvas, and as SVG, with its caption to copy.
import { posterSheets, posterOf } from './pkg/task_force_tracker.js';

const $ = (id) => document.getElementById(id);
let shown = null; // { json, lang, words, stem } of the programme shown
let poster = null; // { svg, png, name, caption } of the long image shown
let drawn = 0; // which drawing is the latest (an older one finishing late is dropped)

/** The posters of a valid programme (its JSON text), in the page's language. */
export function showPosters(programme) {
  shown = programme;
  choices();
}

/** The section's controls, given the page's ways to offer a file. */
export function posterControls({ download, downloadUrl }) {
  $('poster-which').addEventListener('change', () => shown && drawPoster());
  $('get-png').addEventListener('click', () => poster?.png && downloadUrl(poster.png, `${poster.name}.png`));
  $('get-svg').addEventListener('click', () => poster && download(poster.svg, `${poster.name}.svg`, 'image/svg+xml'));
  $('copy-caption').addEventListener('click', copyCaption);
}

/** The posters offered (the overview, each task force), then the one chosen drawn. */
function choices() {
  const which = $('poster-which');
  const chosen = which.selectedIndex;
  which.replaceChildren(...posterSheets(shown.json, shown.lang).map((label, i) => {
    const option = document.createElement('option');
    option.value = String(i);
    option.textContent = label;
    return option;
  }));
  which.selectedIndex = chosen > 0 && chosen < which.options.length ? chosen : 0;
  drawPoster();
}

/**
 * The poster's SVG drawn at 2x on a canvas (1,500 px wide) as PNG, once the
 * fonts are in: the page's own, and the poster's font stack asked for, so
 * that no glyph is drawn in a fallback font that is still loading. Both
 * images are data: URLs, which the desk's CSP allows for images (blob: it
 * does not).
 */
/** The tallest canvas every browser draws (Chromium and Firefox refuse
 * more than 32,767 pixels a side). */
const MAX_CANVAS = 32_000;

/** A poster too tall for a canvas at 2x. */
class TooTall extends Error {
  constructor(pixels) { super(`${pixels} px`); this.pixels = pixels; }
}

async function rasterise({ svg, caption, fonts }) {
  await document.fonts.ready;
  await Promise.all(['400', '700'].map((weight) => document.fonts.load(`${weight} 20px ${fonts}`, caption).catch(() => [])));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  if (2 * image.naturalHeight > MAX_CANVAS) throw new TooTall(2 * image.naturalHeight);
  const canvas = document.createElement('canvas');
  canvas.width = 2 * image.naturalWidth;
  canvas.height = 2 * image.naturalHeight;
  canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
  const png = await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob'))), 'image/png'));
  return { png, preview: canvas.toDataURL('image/png') };
}

/** A file name from a poster's name (without what file systems refuse). */
const fileName = (label) => `${shown.stem}-${label}`.replace(/[\\/:*?"<>|\s]+/g, '_');

async function drawPoster() {
  const n = Number($('poster-which').value);
  const which = $('poster-which').selectedOptions[0]?.textContent ?? '';
  const drawing = posterOf(shown.json, shown.lang, n);
  const { svg, caption } = drawing;
  const mine = ++drawn;
  $('caption').value = caption;
  $('get-png').disabled = true;
  $('get-svg').disabled = false;
  if (poster?.png) URL.revokeObjectURL(poster.png);
  poster = { svg, png: null, name: fileName(which), caption };
  $('poster-status').textContent = shown.words.drawing;
  try {
    const { png, preview } = await rasterise(drawing);
    if (mine !== drawn) return;
    poster.png = URL.createObjectURL(png);
    const img = $('poster-img');
    img.src = preview;
    img.alt = caption;
    img.hidden = false;
    $('get-png').disabled = false;
    $('poster-status').textContent = '';
  } catch (err) {
    if (mine !== drawn) return;
    $('poster-img').hidden = true;
    if (err instanceof TooTall) {
      $('poster-status').textContent = shown.words.tooTall.replace('{}', err.pixels.toLocaleString(shown.lang));
    } else {
      console.error('[desk] drawing the long image failed:', err);
      $('poster-status').textContent = shown.words.drawFailed;
    }
  }
}

async function copyCaption() {
  const box = $('caption');
  try {
    await navigator.clipboard.writeText(box.value);
    $('poster-status').textContent = shown.words.copied;
  } catch {
    // No clipboard here (an insecure page, a refusal): the text selected, to copy by hand.
    box.focus();
    box.select();
  }
}
