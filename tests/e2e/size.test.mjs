// The size gate: the widget a reader downloads may only grow on purpose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';

test('the release (optimised wasm + minified JS) stays within the budget in size-budget.json', async () => {
  const { brotliBytes: budget } = JSON.parse(await readFile(join(ROOT, 'size-budget.json'), 'utf8'));
  let total = 0;
  const parts = [];
  // What a site copies and every reader downloads: dist/ from scripts/release.sh.
  const dist = 'dist/task-force-tracker';
  const files = (await readdir(join(ROOT, dist))).filter((f) => /^task-force-tracker.*\.(js|wasm)$/.test(f)).map((f) => `${dist}/${f}`);
  assert.equal(files.length, 3, files.join(' ')); // entry, module (element + bindings), wasm
  for (const f of files) {
    const n = brotliCompressSync(await readFile(join(ROOT, f)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    parts.push(`${f} ${n}`);
    total += n;
  }
  assert.ok(total <= budget, `${total} bytes brotli > budget ${budget}: ${parts.join(', ')}`);
  console.log(`# size: ${total} of ${budget} bytes brotli (${parts.join(', ')})`);
});
