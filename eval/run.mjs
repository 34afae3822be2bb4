#!/usr/bin/env node
// `npm run eval`: every evaluation, one after another, printing its figures.
// The shared scorers live in ../shared/eval and read ../shared/data; what is absent is skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared');
const CMD = `node ${join(root, 'dist/cli/main.js')} analyze --jsonl`;
const only = process.argv.slice(2);

function section(name, fn) {
  if (only.length && !only.some((o) => name.includes(o))) return;
  console.log(`\n=== ${name}`);
  fn();
}
function run(args, opts = {}) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', ...opts });
  console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s${r.status ? `, exit ${r.status}` : ''})`);
}
const need = (p, what) => {
  if (existsSync(p)) return true;
  console.log(`skipped: ${what} not found at ${p}`);
  return false;
};

if (!existsSync(join(root, 'dist/cli/main.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}

section('seed article (score.mjs on fixtures/seed/gold.json)', () => {
  if (need(join(shared, 'eval/score.mjs'), 'the shared scorer'))
    run([join(shared, 'eval/score.mjs'), '--cmd', CMD, join(shared, 'fixtures/seed/gold.json'), '--verbose']);
});
section('NER: ANERcorp test split (score-conll.mjs, whole pipeline)', () => {
  const f = join(shared, 'data/ner/anercorp/test.txt');
  if (need(f, 'ANERcorp test')) run([join(shared, 'eval/score-conll.mjs'), '--cmd', CMD, f]);
});
section('HTML extraction vs Readability (score-extraction.mjs)', () => {
  if (need(join(shared, 'data/extraction/scrapinghub'), 'the extraction benchmark'))
    run([join(shared, 'eval/score-extraction.mjs'), '--cmd', CMD, '--vs-readability']);
});
// Layer-specific evaluations written beside this file (eval/<name>.mjs).
for (const f of readdirSync(join(root, 'eval')).sort()) {
  if (!f.endsWith('.mjs') || f === 'run.mjs') continue;
  section(`eval/${f}`, () => run([join(root, 'eval', f)]));
}
