// The lexicons are data: every entry must survive folding as a plain Arabic phrase, so that no
// entry silently never matches (presentation forms, stray marks, Latin look-alikes).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { foldArabic } from '../../src/text/numbers.js';

const FILES = [
  'data/time/lexicon.json',
  'data/amounts/number-words.json',
  'data/amounts/currencies.json',
  'data/amounts/lexicon.json',
];

/** Every string of a JSON value, with its path (skipping the about/source/licence header). */
function strings(v: unknown, path: string, out: Array<[string, string]>): void {
  if (typeof v === 'string') out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => strings(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if (['about', 'source', 'licence'].includes(k)) continue;
      out.push([`${path}.${k} (key)`, k]);
      strings(x, `${path}.${k}`, out);
    }
}

describe('lexicon entries fold to plain words', () => {
  for (const file of FILES) {
    it(file, () => {
      const json = JSON.parse(readFileSync(file, 'utf8'));
      for (const key of ['source', 'licence']) expect(json[key], `${file} needs a ${key}`).toBeTruthy();
      const all: Array<[string, string]> = [];
      strings(json, file, all);
      for (const [path, s] of all) {
        const f = foldArabic(s);
        expect(f.trim(), path).not.toBe('');
        // Arabic letters, ASCII letters and digits, spaces, and a few signs ($ € £ ¥ % ٪).
        expect(/^[\u0621-\u064A\u0671-\u06D3 A-Za-z0-9_$€£¥%٪-]+$/.test(f), `${path}: «${s}»`).toBe(true);
      }
    });
  }
});
