// The founding sample: its 13 non-optional quotes with their speakers, and its two quoted
// labels, (1) with the gold entities marked by hand, to test this stage alone, and (2) through
// `analyze()`, once the entities stage is in the pipeline.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { analyze } from '../../src/analyze.js';
import { parseInput } from '../../src/page/index.js';
import type { Analysis, Entity, EntityType } from '../../src/analysis/types.js';
import { findQuotes } from '../../src/quotes/index.js';
import { docWith } from './helpers.js';

const SEED = '/work/shared/fixtures/seed';
const present = existsSync(`${SEED}/gold.json`) && existsSync(`${SEED}/article.txt`);

interface GoldQuote {
  speaker: string | null;
  kind: string;
  text: string;
  optional?: boolean;
}
interface Gold {
  entities: Array<{ key: string; type: EntityType; mentions: string[] }>;
  quotes: GoldQuote[];
  not_quotes: string[];
}

// The scorer's comparison form (GOLD.md): no diacritics, folded letters, no punctuation.
const norm = (s: string) =>
  s
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/["'“”«»:;!?،؛؟.,()\-–—]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function check(doc: Analysis, gold: Gold, keyOf: (entityId: string | null) => string | null): void {
  const quotes = findQuotes(doc);
  const used = new Set<number>();
  for (const g of gold.quotes) {
    const i = quotes.findIndex((q, k) => !used.has(k) && norm(q.text) === norm(g.text));
    if (g.optional) {
      if (i >= 0) used.add(i);
      continue;
    }
    expect(i, `missed: ${g.text}`).toBeGreaterThanOrEqual(0);
    used.add(i);
    expect(keyOf(quotes[i].speaker), `speaker of: ${g.text}`).toBe(g.speaker);
    expect(quotes[i].kind, `kind of: ${g.text}`).toBe(g.kind);
  }
  const extra = quotes.filter((_q, k) => !used.has(k)).map((q) => q.text);
  expect(extra, 'quotes not in the gold').toEqual([]);
  for (const label of gold.not_quotes)
    expect(
      quotes.some((q) => norm(q.text) === norm(label)),
      label,
    ).toBe(false);
}

describe.skipIf(!present)('seed article quotes (needs /work/shared/fixtures/seed)', () => {
  const gold: Gold = present
    ? JSON.parse(readFileSync(`${SEED}/gold.json`, 'utf8'))
    : { entities: [], quotes: [], not_quotes: [] };
  const raw = present ? readFileSync(`${SEED}/article.txt`, 'utf8') : '';

  it('with the gold entities marked by hand', () => {
    const text = parseInput({ id: 'seed', text: raw }).text;
    const specs = gold.entities.map((e) => ({ id: e.key, type: e.type, names: e.mentions }));
    check(docWith(text, specs), gold, (id) => id);
  });

  it('through analyze() with the real entities stage', (ctx) => {
    const doc = analyze({ id: 'seed', text: raw });
    if (doc.entities.length === 0) {
      ctx.skip('the entities stage is not in the pipeline yet (doc.entities is empty)');
      return;
    }
    // A predicted entity answers a gold one when one of its mentions is a gold surface.
    const keyById = new Map<string, string>();
    for (const e of doc.entities as Entity[]) {
      const g = gold.entities.find((ge) =>
        e.mentions.some((m) => ge.mentions.some((s) => norm(m.text).endsWith(norm(s)))),
      );
      if (g) keyById.set(e.id, g.key);
    }
    check(doc, gold, (id) => (id ? (keyById.get(id) ?? id) : null));
  });
});
