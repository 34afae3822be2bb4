// The text layer's data files: stated source and licence, keys in the form they are looked up in.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { normalizeArabic, stripMarks } from '../../src/text/normalize.js';

const dir = new URL('../../data/text/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const rows = (name: string) =>
  read(name)
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));

describe('data/text', () => {
  const files = [
    'clitic-lexicon.tsv',
    'clitic-splits.tsv',
    'clitic-keep.txt',
    'article-exceptions.txt',
    'abbreviations-latin.txt',
  ];
  it.each(files)('%s states its source and licence', (name) => {
    const header = read(name)
      .split('\n')
      .filter((l) => l.startsWith('#'))
      .join('\n');
    expect(header).toMatch(/Source/i);
    expect(header).toMatch(/Licen[cs]e/i);
  });

  it.each(files)('%s is under 2 MB', (name) => {
    expect(readFileSync(new URL(name, dir)).length).toBeLessThan(2 * 1024 * 1024);
  });

  it('lexicon forms are already in matching form, with numeric columns', () => {
    const bad: string[] = [];
    for (const row of rows('clitic-lexicon.tsv')) {
      const [form, freq, fane, entity] = row.split('\t');
      if (normalizeArabic(form) !== form || ![freq, fane, entity].every((x) => /^\d+$/.test(x))) bad.push(row);
    }
    expect(bad).toEqual([]);
  });

  it('observed splits are «clitic+word» or «word+pronoun» in matching form', () => {
    const bad = rows('clitic-splits.tsv').filter((row) => {
      const [key, n] = row.split('\t');
      return normalizeArabic(key) !== key || !/^\d+$/.test(n) || !/^[^+]+\+[^+]+$/.test(key);
    });
    expect(bad).toEqual([]);
  });

  it('exact-spelling lists hold light forms (no diacritics, no tatweel)', () => {
    for (const name of ['clitic-keep.txt', 'article-exceptions.txt']) {
      for (const w of rows(name)) expect(stripMarks(w.trim())).toBe(w.trim());
    }
  });

  it('the lexicon states that NewsFANE was restricted to ANERcorp TRAIN sentences (it also holds TEST)', () => {
    expect(read('clitic-lexicon.tsv')).toMatch(/only its sentences that are in\n#\s+ANERcorp TRAIN/);
  });

  it('the build script named in the lexicon header exists', () => {
    expect(read('clitic-lexicon.tsv')).toContain('scripts/build-clitic-lexicon.mjs');
    expect(existsSync(new URL('../../scripts/build-clitic-lexicon.mjs', import.meta.url))).toBe(true);
  });
});
