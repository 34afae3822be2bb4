#!/usr/bin/env node
// `npm run bench`: every benchmark (bench/<name>.mjs), one after another, each printing its figures.
// Benchmarks read ../shared/data and skip what is absent. `npm run bench -- text` runs only matching ones.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
if (!existsSync(join(root, 'dist/cli/main.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
const only = process.argv.slice(2);
for (const f of readdirSync(here).sort()) {
  if (!f.endsWith('.mjs') || f === 'run.mjs' || f.startsWith('_')) continue;
  if (only.length && !only.some((o) => f.includes(o))) continue;
  console.log(`\n=== bench/${f}`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--expose-gc', join(here, f)], { cwd: root, stdio: 'inherit' });
  console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s${r.status ? `, exit ${r.status}` : ''})`);
}
