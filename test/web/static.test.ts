// Checks of the interface that need no browser: labels in both languages, no markup injection
// APIs in the source, the bundle's size budget.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import labels from '../../src/web/i18n.json';

const WEB_SRC = path.resolve(import.meta.dirname, '../../src/web');
const ASSETS = path.resolve(import.meta.dirname, '../../dist/web/assets');
/** Issue 6: the interface's JS+CSS, gzipped. */
const BUDGET_BYTES = 300 * 1024;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('interface labels', () => {
  test('Arabic and English have the same keys, none empty', () => {
    expect(Object.keys(labels.en).sort()).toEqual(Object.keys(labels.ar).sort());
    for (const lang of ['ar', 'en'] as const)
      for (const [k, v] of Object.entries(labels[lang])) expect(v.trim(), `${lang}.${k}`).not.toBe('');
  });

  test('placeholders match between the languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(labels.ar) as Array<keyof typeof labels.ar>)
      expect(vars(labels.en[k]), k).toEqual(vars(labels.ar[k]));
  });
});

describe('no HTML injection points in the browser code', () => {
  test.each(sources(WEB_SRC).map((f) => [path.relative(WEB_SRC, f), f]))(
    '%s builds DOM with text nodes only',
    (_name, file) => {
      const src = readFileSync(file, 'utf8');
      expect(src).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/);
    },
  );
});

describe.skipIf(!existsSync(path.join(ASSETS, 'app.js')))('bundle size (dist/web, built by npm run build)', () => {
  test(`JS+CSS gzipped stays within ${BUDGET_BYTES / 1024} KB`, () => {
    const gz = (f: string) => gzipSync(readFileSync(path.join(ASSETS, f)), { level: 9 }).length;
    expect(gz('app.js') + gz('app.css')).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
