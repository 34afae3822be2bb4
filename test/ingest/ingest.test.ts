// The whole ingest into a real store (analysis on the main thread: the worker script exists only in
// dist/): idempotence, duplicates linked, stories clustered, rejects logged, the state rebuilt when
// lost. SQLite always; PostgreSQL too when RASD_TEST_PG is a postgres:// URL (.ci/postgres.sh).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, IngestState } from '../../src/ingest/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { freshPgSchema } from '../store/helpers.js';
import { STORY_A, STORY_A_COPY, STORY_A_OTHER, STORY_B, corpusRecord } from './articles.js';

const PG_URL = process.env.RASD_TEST_PG;
const BACKENDS: Array<{ name: string; open: (dir: string) => Promise<string> }> = [
  { name: 'SQLite', open: async (d) => join(d, 'corpus.db') },
  ...(PG_URL && /^postgres/.test(PG_URL)
    ? [{ name: 'PostgreSQL', open: () => freshPgSchema(PG_URL, 'rasd_test_ingest') }]
    : []),
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rasd-ingest-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const quiet = { progress: 'off' as const, workers: 0, log: () => {} };

function writeCorpus(path: string): void {
  const lines = [
    corpusRecord('a', STORY_A, 'outlet-1'),
    corpusRecord('a-copy', STORY_A_COPY, 'outlet-2'),
    corpusRecord('a-other', STORY_A_OTHER, 'outlet-3'),
    corpusRecord('b', STORY_B, 'outlet-1'),
    corpusRecord('a', STORY_A, 'outlet-1'), // the same record twice in the input
    { id: 'broken', corpus: 'test', text: '' },
  ].map((r) => JSON.stringify(r));
  writeFileSync(path, lines.join('\n') + '\nnot json\n');
}

async function idsBySource(
  store: Store,
): Promise<Map<string, { id: string; canonicalId: string; clusterId: string | null }>> {
  const out = new Map();
  for await (const a of store.scan())
    out.set(a.meta.sourceId, { id: a.meta.id, canonicalId: a.meta.canonicalId, clusterId: a.meta.clusterId });
  return out;
}

describe.each(BACKENDS)('ingest into $name', ({ name, open }) => {
  let db: string;
  let store: Store;
  let work: string;
  beforeAll(async () => {
    work = join(dir, name);
    mkdirSync(work);
    store = await openStore(await open(work));
    db = join(work, 'corpus.db'); // the state and rejects live beside it (for PostgreSQL too)
  });
  afterAll(async () => store.close());

  it('stores each article once, links the copy, clusters the story, logs every reject', async () => {
    const input = join(work, 'in');
    mkdirSync(input);
    writeCorpus(join(input, 'corpus.jsonl'));
    const s = await ingest([input], {
      ...quiet,
      store,
      state: `${db}.ingest.sqlite`,
      rejectsPath: join(work, 'rejects.jsonl'),
    });
    expect(s).toMatchObject({ read: 7, stored: 4, unchanged: 1, exactDuplicates: 0, nearDuplicates: 1, rejected: 2 });
    expect(s.rejectsByCode).toEqual({ empty: 1, 'json-invalid': 1 });
    expect(await store.count()).toBe(4);

    const by = await idsBySource(store);
    const a = by.get('a')!;
    expect(by.get('a-copy')!.canonicalId).toBe(a.id); // the copy is linked to the earlier original
    expect(a.canonicalId).toBe(a.id);
    expect(by.get('a-other')!.canonicalId).toBe(by.get('a-other')!.id); // same story, not a copy
    expect(a.clusterId).not.toBeNull();
    expect(by.get('a-other')!.clusterId).toBe(a.clusterId); // ... but the same story cluster
    expect(by.get('a-copy')!.clusterId).toBe(a.clusterId);
    expect(by.get('b')!.clusterId).toBeNull();

    const logged = readFileSync(join(work, 'rejects.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(logged.map((r) => r.code).sort()).toEqual(['empty', 'json-invalid']);
    expect(logged.find((r) => r.code === 'json-invalid').origin).toMatch(/corpus\.jsonl:7$/);
  });

  it('is idempotent: the same inputs again add nothing and analyse nothing', async () => {
    const s = await ingest([join(work, 'in')], { ...quiet, store, state: `${db}.ingest.sqlite` });
    expect(s).toMatchObject({ stored: 0, unchanged: 5, exactDuplicates: 0, nearDuplicates: 0 });
    expect(await store.count()).toBe(4);
  });

  it('rebuilds a lost state from the same inputs without doubling anything', async () => {
    const state = IngestState.open(join(work, 'fresh-state.sqlite'));
    try {
      const s = await ingest([join(work, 'in')], { ...quiet, store, state });
      expect(s).toMatchObject({ stored: 0, exactDuplicates: 4, unchanged: 1 });
      expect(state.index.stats()).toMatchObject({ articles: 4, duplicateGroups: 1 });
    } finally {
      state.close();
    }
    expect(await store.count()).toBe(4);
    const by = await idsBySource(store);
    expect(by.get('a-copy')!.canonicalId).toBe(by.get('a')!.id);
  });

  it('starts the state afresh when the store it described is gone', async () => {
    const other = await openStore(join(work, 'other.db')); // an empty database, the old state file
    try {
      const logs: string[] = [];
      const s = await ingest([join(work, 'in')], {
        ...quiet,
        log: (l) => logs.push(l),
        store: other,
        state: `${db}.ingest.sqlite`,
      });
      expect(logs.join('\n')).toMatch(/starting it afresh/);
      expect(s).toMatchObject({ stored: 4, nearDuplicates: 1 });
      expect(await other.count()).toBe(4);
    } finally {
      await other.close();
    }
  });

  it('stores an HTML file and a text file, and takes an exact copy under another name as a duplicate', async () => {
    const folder = join(work, 'files');
    mkdirSync(folder);
    const html = `<!doctype html><html lang="ar"><head><title>${STORY_B.title}</title></head><body><article><h1>${STORY_B.title}</h1>${STORY_B.body
      .split('\n\n')
      .map((p) => `<p>${p}</p>`)
      .join('')}</article></body></html>`;
    writeFileSync(join(folder, 'match.html'), html);
    writeFileSync(join(folder, 'copy.htm'), html.replace('<html lang="ar">', '<html lang="ar" dir="rtl">'));
    writeFileSync(
      join(folder, 'note.txt'),
      `${STORY_A_OTHER.title}\n\n${STORY_A_OTHER.body}\n\nتحديث: أضيفت فقرة جديدة إلى الخبر.`,
    );
    const s = await ingest([folder], { ...quiet, store, state: `${db}.ingest.sqlite` });
    expect(s.rejected).toBe(0);
    expect(s.stored + s.exactDuplicates).toBe(3);
    expect(s.exactDuplicates).toBeGreaterThanOrEqual(1); // copy.htm has the same clean text as match.html
  });
});
