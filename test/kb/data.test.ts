// The built KB files: well-formed entries, resolvable references, in step with the curated sources.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KB_FILES } from '../../src/kb/index.js';
import type { KbEntry } from '../../src/kb/schema.js';

const DIR = new URL('../../data/kb/', import.meta.url);
const files = KB_FILES.map((f) => ({
  file: f,
  entries: JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as KbEntry[],
}));
const all = files.flatMap((f) => f.entries);
const ids = new Set(all.map((e) => e.id));

describe('built KB files', () => {
  it('have unique ids across files', () => {
    expect(ids.size).toBe(all.length);
  });

  it('give every entry a type, Arabic and English names, and known references', () => {
    const problems: string[] = [];
    for (const e of all) {
      if (!['LOC', 'ORG', 'MISC', 'PER'].includes(e.type)) problems.push(`${e.id}: type`);
      if (!/[\u0621-\u064a]/.test(e.ar)) problems.push(`${e.id}: ar`);
      if (!e.en.trim()) problems.push(`${e.id}: en`);
      if (e.standsFor && !ids.has(e.standsFor)) problems.push(`${e.id}: standsFor ${e.standsFor}`);
      if (e.country && !ids.has(`iso:${e.country}`)) problems.push(`${e.id}: country ${e.country}`);
      // Wikidata ids are given only where a source in the repository states them: none does yet.
      if (e.wikidata) problems.push(`${e.id}: wikidata without a source`);
    }
    expect(problems).toEqual([]);
  });

  it('cover every country, the news places and at least 500 organisations', () => {
    const count = (pred: (e: KbEntry) => boolean) => all.filter(pred).length;
    expect(count((e) => e.id.startsWith('iso:'))).toBeGreaterThanOrEqual(240);
    expect(count((e) => e.subtype === 'CITY')).toBeGreaterThan(6000);
    expect(count((e) => e.id.startsWith('iso2:'))).toBeGreaterThan(4000);
    expect(count((e) => e.type === 'ORG')).toBeGreaterThanOrEqual(500);
  });

  it('are each under 2 MB', () => {
    for (const f of [...KB_FILES, 'ambiguous.json'])
      expect(statSync(new URL(f, DIR)).size).toBeLessThan(2 * 1024 * 1024);
  });

  it('contain every entry the curated files define or refine (rebuild after editing them)', () => {
    const curated = new URL('curated/', DIR);
    const missing: string[] = [];
    for (const f of readdirSync(curated).filter(
      (n) => n.endsWith('.tsv') && !['countries.tsv', 'nisba.tsv', 'ambiguous.tsv', 'cues.tsv'].includes(n),
    )) {
      for (const line of readFileSync(new URL(f, curated), 'utf8').split('\n')) {
        const id = line.split('\t')[0].trim();
        if (!id || id.startsWith('#') || id.endsWith('*')) continue;
        if (!ids.has(id)) missing.push(`${f}: ${id}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
