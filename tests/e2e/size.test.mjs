// The size gate: the widget a reader downloads may only grow on purpose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';

test('optimised wasm + JS stay within the budget in size-budget.json', async () => {
  const { brotliBytes: budget } = JSON.parse(await readFile(join(ROOT, 'size-budget.json'), 'utf8'));
  let total = 0;
  const parts = [];
  for (const f of ['www/pkg/task_force_tracker_bg.wasm', 'www/pkg/task_force_tracker.js', 'www/task-force-tracker.js']) {
    const n = brotliCompressSync(await readFile(join(ROOT, f)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    parts.push(`${f} ${n}`);
    total += n;
  }
  assert.ok(total <= budget, `${total} bytes brotli > budget ${budget}: ${parts.join(', ')}`);
  console.log(`# size: ${total} of ${budget} bytes brotli (${parts.join(', ')})`);
});
