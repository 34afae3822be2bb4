// One suite, both stores: SQLite always, PostgreSQL when RASD_TEST_PG is a postgres:// URL
// (`export RASD_TEST_PG="$(.ci/postgres.sh)"`). Every store must agree with the brute-force
// reference search (helpers.ts) and, at the end, the two stores must agree with each other exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import type { ArticleInput, SearchResult, Store } from '../../src/store/types.js';
import { toContract } from '../../src/analysis/serialize.js';
import { emptyArticle, newAnalysis } from '../../src/analysis/create.js';
import { buildTextLayers } from '../../src/text/stage.js';
import { contentHash, articleIdFromHash, dayOf, dayRange } from '../../src/store/prepare.js';
import { analyzeText } from '../../src/search/analyzer.js';
import { kbEntityLookup } from '../../src/search/query.js';
import {
  antInputs,
  ANT_PATH,
  ANT_SAMPLE,
  fixtureInputs,
  freshPgSchema,
  ReferenceIndex,
  removeTempDbs,
  seedInput,
  tempDbPath,
} from './helpers.js';

const PG_URL = process.env.RASD_TEST_PG;
if (!PG_URL)
  console.warn(
    'store conformance: RASD_TEST_PG is not set, the PostgreSQL backend is skipped (set it to a postgres:// URL, see .ci/postgres.sh)',
  );
const antAvailable = ANT_SAMPLE > 0 && (await import('node:fs')).existsSync(ANT_PATH);
if (!antAvailable) console.warn(`store conformance: ${ANT_PATH} is absent, only the fixtures and the seed are stored`);

const idOf = (inp: ArticleInput) => articleIdFromHash(contentHash(inp.analysis.text));

/** Queries every backend must answer like the reference: words, nisba forms, phrases, OR, exclusion, English names. */
const QUERIES = [
  'روسيا',
  'والروسية',
  'بوتين',
  'Putin',
  'Vladimir Putin',
  '"الأمم المتحدة"',
  '«وقف إطلاق النار»',
  'ترامب OR بوتين',
  'السعودية -اليمن',
  'كرة القدم',
  'أسعار النفط',
  'النفط OR الخبز الأسعار',
  'Saudi Arabia',
  'oil prices',
  'الرئيسُ الروسيُّ',
  'سوريا أردوغان',
  '2018',
];

/** Inputs that must not break a store's query parser (FTS5 and tsquery syntax included). */
const HOSTILE = [
  '"',
  '-',
  'OR',
  "'",
  '\\',
  '((',
  'NEAR(a b)',
  '*',
  '^x',
  'terms:x',
  'a & b | !c',
  '<->',
  '""',
  '-"',
  'OR OR',
  '«',
  'في',
];

let inputs: ArticleInput[] = [];
/** The inputs the store keeps: the first of each set of identical texts. */
let unique: ArticleInput[] = [];
let reference: ReferenceIndex;
const recorded = new Map<string, Map<string, unknown>>();

afterAll(() => removeTempDbs());

beforeAll(() => {
  inputs = [...fixtureInputs(), seedInput(), ...(antInputs() ?? [])];
  reference = new ReferenceIndex(inputs);
  const seen = new Set<string>();
  unique = inputs.filter((i) => (seen.has(idOf(i)) ? false : (seen.add(idOf(i)), true)));
});

const byName = (name: string) => inputs.find((i) => i.sourceId === name)!;

/** A result without the fields that legitimately differ between two stores (ingestion time). */
function comparable(r: SearchResult): unknown {
  return { ...r, hits: r.hits.map((h) => ({ ...h, article: { ...h.article, ingestedAt: undefined } })) };
}

const backends: Array<{
  name: 'sqlite' | 'postgres';
  skip: boolean;
  open: () => Promise<{ store: Store; reopen: () => Promise<Store> }>;
}> = [
  {
    name: 'sqlite',
    skip: false,
    open: async () => {
      const path = tempDbPath();
      return { store: await openSqliteStore(path), reopen: () => openSqliteStore(path) };
    },
  },
  {
    name: 'postgres',
    skip: !PG_URL,
    open: async () => {
      const url = await freshPgSchema(PG_URL!, 'rasd_conformance');
      return { store: await openPostgresStore(url), reopen: () => openPostgresStore(url) };
    },
  },
];

for (const backend of backends) {
  describe.skipIf(backend.skip)(`store conformance: ${backend.name}`, () => {
    let store: Store;
    let reopen: () => Promise<Store>;
    const record = (key: string, value: unknown) => {
      const m = recorded.get(backend.name) ?? new Map<string, unknown>();
      m.set(key, value);
      recorded.set(backend.name, m);
    };

    beforeAll(async () => {
      reference.canonical.clear(); // duplicate links made by the previous backend's run
      ({ store, reopen } = await backend.open());
    });
    afterAll(async () => {
      await store?.close();
    });

    it('stores every article once: identical texts share one id', async () => {
      const res = await store.putArticles(inputs);
      expect(res).toHaveLength(inputs.length);
      expect(res.filter((r) => r.created)).toHaveLength(reference.docs.length);
      expect(res.map((r) => r.id)).toEqual(inputs.map(idOf));
      const exact = inputs.findIndex((i) => i.sourceId === 'fx-putin-erdogan-exact');
      expect(res[exact]).toEqual({ id: idOf(byName('fx-putin-erdogan')), created: false });
      expect(await store.count()).toBe(reference.docs.length);
    });

    it('putArticle is idempotent: same id, nothing added, ranking unchanged', async () => {
      const before = await store.search({ q: 'روسيا', limit: 50, facets: false });
      const seed = byName('seed');
      expect(await store.putArticle(seed)).toEqual({ id: idOf(seed), created: false });
      expect(await store.putArticles([seed, seed])).toEqual([
        { id: idOf(seed), created: false },
        { id: idOf(seed), created: false },
      ]);
      expect(await store.count()).toBe(reference.docs.length);
      expect(await store.search({ q: 'روسيا', limit: 50, facets: false })).toEqual(before);
    });

    it('finds articles by content hash and source id, and gives the analysis back whole', async () => {
      const seed = byName('seed');
      const id = idOf(seed);
      expect(await store.hasContentHash(contentHash(seed.analysis.text))).toBe(id);
      expect(await store.hasContentHash('0'.repeat(64))).toBeNull();
      expect(await store.hasSourceId('seed')).toBe(id);
      expect(await store.hasSourceId('no-such-record')).toBeNull();
      const got = await store.getArticle(id);
      expect(got).not.toBeNull();
      expect(toContract(got!.analysis)).toEqual(toContract(seed.analysis));
      expect(got!.analysis.tokens).toEqual(seed.analysis.tokens);
      expect(got!.analysis.sentences).toEqual(seed.analysis.sentences);
      expect(got!.meta).toMatchObject({
        id,
        sourceId: 'seed',
        outlet: 'afp',
        canonicalId: id,
        clusterId: null,
        published: seed.analysis.article.published,
      });
      expect((await store.getArticle('seed'))?.meta.id).toBe(id);
      expect(await store.getArticle('nope')).toBeNull();
    });

    it('searches like the reference: same articles, same order, same BM25 scores', async () => {
      for (const q of QUERIES) {
        const got = await store.search({ q, limit: 1000, facets: false });
        const want = reference.search({ q }, kbEntityLookup);
        expect(
          got.hits.map((h) => h.article.id),
          q,
        ).toEqual(want.map((w) => w.id));
        expect(got.total, q).toBe(want.length);
        got.hits.forEach((h, i) => expect(h.score, q).toBeCloseTo(want[i].score, 9));
        record(`search ${q}`, comparable(await store.search({ q, limit: 20 })));
      }
    });

    it('matches a nisba or clitic form to the country and keeps «بوتين» a name', async () => {
      const a = await store.search({ q: 'والروسية', limit: 1000, facets: false });
      const b = await store.search({ q: 'روسيا', limit: 1000, facets: false });
      expect(a.hits.map((h) => h.article.id)).toEqual(b.hits.map((h) => h.article.id));
      expect(a.hits.map((h) => h.article.id)).toContain(idOf(byName('fx-football')));
      const putin = await store.search({ q: 'بوتين', limit: 1000, facets: false });
      for (const h of putin.hits) expect(h.snippet).toMatch(/\[\[[^\]]*بوتين[^\]]*\]\]/);
    });

    it('finds Arabic articles for an English name through the KB', async () => {
      const got = await store.search({ q: 'Putin', limit: 1000, facets: false });
      const ids = got.hits.map((h) => h.article.id);
      const withPutin = reference.docs.filter((d) => d.entities.has('per:vladimir-putin')).map((d) => d.id);
      expect(withPutin.length).toBeGreaterThan(0);
      for (const id of withPutin) expect(ids).toContain(id);
      expect(ids).toContain(idOf(byName('seed')));
      expect(got.notes.join(' ')).toContain('per:vladimir-putin');
      const seedHit = got.hits.find((h) => h.article.id === idOf(byName('seed')))!;
      expect(seedHit.snippet).toContain('[[');
    });

    it('filters by outlet, topic, date range and entity', async () => {
      const cases = [
        { outlet: ['wakala'] },
        { outlet: ['wakala', 'riyada'], q: 'موسكو' },
        { topic: ['sport'] },
        { topic: ['economy', 'technology'] },
        { from: '2018-04-01', to: '2018-06-30' },
        { from: '2018-03-10', to: '2018-03-10', q: 'بوتين' },
        { entity: ['per:vladimir-putin'] },
        { entity: ['per:vladimir-putin', 'iso:KZ'] },
        { entity: ['iso:RU'], q: 'كأس العالم' },
        { q: 'روسيا', to: '2018-03-31' },
      ];
      for (const c of cases) {
        const got = await store.search({ ...c, limit: 1000, facets: false });
        const want = reference.search(c, kbEntityLookup);
        expect(
          got.hits.map((h) => h.article.id),
          JSON.stringify(c),
        ).toEqual(want.map((w) => w.id));
        record(`filter ${JSON.stringify(c)}`, comparable(await store.search({ ...c, limit: 10 })));
      }
    });

    it('pages and counts facets over the whole result set', async () => {
      const all = await store.search({ q: 'روسيا', limit: 1000 });
      const page2 = await store.search({ q: 'روسيا', limit: 3, offset: 3, facets: false });
      expect(page2.hits.map((h) => h.article.id)).toEqual(all.hits.slice(3, 6).map((h) => h.article.id));
      expect(page2.total).toBe(all.total);
      const outletSum = all.facets.outlet.reduce((s, f) => s + f.count, 0);
      expect(outletSum).toBe(all.hits.filter((h) => h.article.outlet).length);
      const counts = all.facets.entity.map((f) => f.count);
      expect(counts).toEqual([...counts].sort((x, y) => y - x));
      for (const f of all.facets.topic)
        expect(f.count).toBe(all.hits.filter((h) => h.article.topics.includes(f.value)).length);
    });

    it('highlights matches that map back to the query terms', async () => {
      const res = await store.search({ q: 'روسيا النفط', limit: 5, facets: false });
      for (const h of res.hits) {
        const art = (await store.getArticle(h.article.id))!;
        expect(h.highlights.length).toBeGreaterThan(0);
        for (const span of h.highlights) {
          const terms = analyzeText(art.analysis.text.slice(span.start, span.end)).map((t) => t.term);
          expect(
            terms.some((t) => ['روس', 'نفط'].includes(t)),
            art.analysis.text.slice(span.start, span.end),
          ).toBe(true);
        }
      }
    });

    it('survives hostile query syntax', async () => {
      for (const q of HOSTILE) {
        const r = await store.search({ q, limit: 5 });
        expect(r.total, q).toBeGreaterThanOrEqual(0);
      }
    });

    it('lists quotes by speaker id or name', async () => {
      const speaker = 'per:kassym-jomart-tokayev';
      const want = byName('seed')
        .analysis.quotes.filter((q) => q.speaker === speaker)
        .map((q) => q.text)
        .sort();
      expect(want.length).toBeGreaterThan(0); // the seed's gold has Tokayev's quotes
      const expectAll = unique
        .flatMap((i) => i.analysis.quotes.filter((q) => q.speaker === speaker).map((q) => q.text))
        .sort();
      for (const who of [speaker, 'Tokayev', 'توكاييف']) {
        const rows = await store.quotes({ speaker: who, limit: 1000 });
        expect(rows.map((r) => r.text).sort(), who).toEqual(expectAll);
        record(`quotes ${who}`, rows);
      }
      expect(await store.quotes({ speaker: speaker, from: '2023-01-01' })).toEqual([]);
      expect(await store.quotes({ speaker: 'no such speaker' })).toEqual([]);
    });

    it('lists events by actor, recipient, type and date', async () => {
      const all = unique.flatMap((i) =>
        i.analysis.events.map((e, index) => ({
          articleId: idOf(i),
          index,
          e,
          day:
            dayRange(e.date) ??
            (dayOf(i.analysis.article.published)
              ? { from: dayOf(i.analysis.article.published)!, to: dayOf(i.analysis.article.published)! }
              : null),
        })),
      );
      const key = (r: { articleId: string; index: number }) => `${r.articleId}#${r.index}`;
      const cases: Array<{ q: Parameters<Store['events']>[0]; want: (x: (typeof all)[number]) => boolean }> = [
        { q: { actor: 'per:vladimir-putin' }, want: (x) => x.e.actor.includes('per:vladimir-putin') },
        {
          q: { actor: 'Putin', recipient: 'per:kassym-jomart-tokayev' },
          want: (x) => x.e.actor.includes('per:vladimir-putin') && x.e.recipient.includes('per:kassym-jomart-tokayev'),
        },
        { q: { type: ['CONSULT'] }, want: (x) => x.e.type === 'CONSULT' },
        { q: { type: ['reject', 'ACCUSE'] }, want: (x) => x.e.type === 'REJECT' || x.e.type === 'ACCUSE' },
        {
          q: { from: '2022-11-01', to: '2022-11-30' },
          want: (x) => !!x.day && x.day.to >= '2022-11-01' && x.day.from <= '2022-11-30',
        },
        {
          q: { recipient: 'iso:RU', to: '2022-12-31' },
          want: (x) => x.e.recipient.includes('iso:RU') && !!x.day && x.day.from <= '2022-12-31',
        },
      ];
      expect(all.some((x) => x.e.type === 'CONSULT' && x.e.actor.includes('per:vladimir-putin'))).toBe(true); // seed gold
      for (const c of cases) {
        const rows = await store.events({ ...c.q, limit: 10000 });
        expect(rows.map(key).sort(), JSON.stringify(c.q)).toEqual(all.filter(c.want).map(key).sort());
        record(`events ${JSON.stringify(c.q)}`, rows);
      }
    });

    it('links duplicates: search collapses a group, related leaves it out, chains stay flat', async () => {
      const orig = idOf(byName('fx-putin-erdogan'));
      const copy = idOf(byName('fx-putin-erdogan-copy'));
      const before = await store.search({ q: 'أردوغان', limit: 100, facets: false });
      expect(before.hits.map((h) => h.article.id)).toEqual(expect.arrayContaining([orig, copy]));
      await store.linkDuplicate(copy, orig, 0.93);
      reference.canonical.set(copy, orig);
      const after = await store.search({ q: 'أردوغان', limit: 100, facets: false });
      const ids = after.hits.map((h) => h.article.id);
      expect(ids.filter((id) => id === orig || id === copy)).toHaveLength(1);
      expect(ids).toEqual(reference.search({ q: 'أردوغان' }, kbEntityLookup).map((r) => r.id));
      expect(after.total).toBe(before.total - 1);
      const uncollapsed = await store.search({ q: 'أردوغان', limit: 100, facets: false, collapseDuplicates: false });
      expect(uncollapsed.hits.map((h) => h.article.id)).toEqual(expect.arrayContaining([orig, copy]));
      expect((await store.getArticle(copy))!.meta.canonicalId).toBe(orig);
      // linking a third article to the duplicate points it at the group's canonical article
      const third = idOf(byName('fx-diacritics'));
      await store.linkDuplicate(third, copy, 0.5);
      expect((await store.getArticle(third))!.meta.canonicalId).toBe(orig);
      reference.canonical.set(third, orig);
      const related = await store.related(orig, { limit: 10 });
      for (const h of related) expect([orig, copy, third]).not.toContain(h.article.id);
      await expect(store.linkDuplicate('nope', orig, 1)).rejects.toThrow(/no article/);
      record(
        'related orig',
        related.map((h) => [h.article.id, h.score]),
      );
    });

    it('finds related articles for the seed, best first, without itself', async () => {
      const seed = idOf(byName('seed'));
      const rel = await store.related(seed, { limit: 5 });
      expect(rel.length).toBeGreaterThan(0);
      expect(rel.length).toBeLessThanOrEqual(5);
      expect(rel.map((h) => h.article.id)).not.toContain(seed);
      const scores = rel.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(await store.related('nope')).toEqual([]);
      record(
        'related seed',
        rel.map((h) => [h.article.id, h.score]),
      );
    });

    it('sets story clusters', async () => {
      const a = idOf(byName('fx-oil-opec'));
      const b = idOf(byName('fx-khartoum-protest'));
      await store.setCluster([a, b], 'story-prices');
      expect((await store.getArticle(a))!.meta.clusterId).toBe('story-prices');
      expect((await store.getArticle(b))!.meta.clusterId).toBe('story-prices');
    });

    it('scans every article, or a day range', async () => {
      let n = 0;
      for await (const art of store.scan({ batchSize: 7 })) {
        expect(art.analysis.text).toBeTypeOf('string');
        n++;
      }
      expect(n).toBe(reference.docs.length);
      const inRange: string[] = [];
      for await (const art of store.scan({ from: '2018-03-01', to: '2018-06-30' })) inRange.push(art.meta.id);
      expect(inRange.sort()).toEqual(
        reference.docs
          .filter((d) => d.day && d.day >= '2018-03-01' && d.day <= '2018-06-30')
          .map((d) => d.id)
          .sort(),
      );
    });

    it('takes odd text: NUL, a lone surrogate, a 5,000-letter token', async () => {
      const text = 'خبر غريب\u0000 عن الطاقة \ud800 ' + 'x'.repeat(5000) + ' نهاية';
      const analysis = {
        ...newAnalysis('odd', text, 'body', { ...emptyArticle(), published: '2019-01-01' }),
        ...buildTextLayers(text),
      };
      const r = await store.putArticle({ sourceId: 'odd', analysis });
      expect(r.created).toBe(true);
      const got = (await store.getArticle(r.id))!;
      expect(got.analysis.text).toHaveLength(text.length);
      expect(got.analysis.text.indexOf('\ufffd')).toBe(text.indexOf('\u0000'));
      const hit = await store.search({ q: 'الطاقة', from: '2019-01-01' });
      expect(hit.hits.map((h) => h.article.id)).toEqual([r.id]);
      record('odd search', comparable(hit));
    });

    it('migrates once: reopening keeps the data and applies nothing twice', async () => {
      const again = await reopen();
      try {
        await again.migrate();
        expect(await again.count()).toBe(reference.docs.length + 1); // + the odd article
      } finally {
        await again.close();
      }
    });
  });
}

describe.skipIf(!PG_URL)('SQLite and PostgreSQL agree', () => {
  it('returns identical results for identical data', () => {
    const s = recorded.get('sqlite');
    const p = recorded.get('postgres');
    expect(s && p).toBeTruthy();
    expect([...p!.keys()]).toEqual([...s!.keys()]);
    for (const [k, v] of s!) expect(p!.get(k), k).toEqual(v);
  });
});
