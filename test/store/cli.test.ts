// The corpus CLI commands, run in-process against a small SQLite store.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { EVENTS_CSV_COLUMNS, GKG_COLUMNS } from '../../src/store/export.js';
import {
  eventsCommand,
  exportCommand,
  quotesCommand,
  relatedCommand,
  searchCommand,
} from '../../src/cli/corpus.js';
import type { ArticleInput, SearchResult } from '../../src/store/types.js';
import { contentHash, articleIdFromHash } from '../../src/store/prepare.js';
import { fixtureInputs, removeTempDbs, seedInput, tempDbPath } from './helpers.js';

let db: string;
let inputs: ArticleInput[];

beforeAll(async () => {
  inputs = [...fixtureInputs(), seedInput()];
  db = tempDbPath();
  const store = await openSqliteStore(db);
  await store.putArticles(inputs);
  await store.close();
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

afterAll(() => {
  process.exitCode = undefined;
  removeTempDbs();
});

/** Runs a command and returns what it printed. */
async function run(
  cmd: (argv: string[]) => Promise<void>,
  argv: string[],
): Promise<{ out: string; err: string; code: number | undefined }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  await cmd(argv);
  const code = typeof process.exitCode === 'number' ? process.exitCode : undefined;
  vi.restoreAllMocks();
  process.exitCode = undefined;
  return { out, err, code };
}

/** Minimal RFC 4180 line splitter (fields may be quoted). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const seedId = () => articleIdFromHash(contentHash(inputs.find((i) => i.sourceId === 'seed')!.analysis.text));

describe('rasd search', () => {
  it('prints JSON results with snippets and facets', async () => {
    const r = await run(searchCommand, ['روسيا', '--db', db, '--json', '--limit', '3']);
    expect(r.code).toBeUndefined();
    const res = JSON.parse(r.out) as SearchResult;
    expect(res.hits.length).toBeGreaterThan(0);
    expect(res.hits.length).toBeLessThanOrEqual(3);
    expect(res.hits[0].snippet).toContain('[[');
    expect(res.facets.outlet.length).toBeGreaterThan(0);
  });

  it('prints a readable list, with filters', async () => {
    const r = await run(searchCommand, ['Putin', '--db', db, '--from', '2022-01-01', '--outlet', 'afp']);
    expect(r.out).toMatch(/^1 result\n/);
    expect(r.out).toContain('[[');
    expect(r.out).toContain(seedId());
  });

  it('takes a month for --from/--to and an entity filter', async () => {
    const r = await run(searchCommand, [
      '--entity',
      'per:vladimir-putin',
      '--from',
      '2018-03',
      '--to',
      '2018-03',
      '--db',
      db,
      '--json',
    ]);
    const res = JSON.parse(r.out) as SearchResult;
    expect(res.total).toBeGreaterThan(0);
    for (const h of res.hits) expect(h.article.published?.slice(0, 7)).toBe('2018-03');
  });

  it('reports usage errors with exit code 2 and missing databases with a hint', async () => {
    expect((await run(searchCommand, ['x', '--bogus', '--db', db])).code).toBe(2);
    expect((await run(searchCommand, ['x', '--limit', 'many', '--db', db])).code).toBe(2);
    const missing = await run(searchCommand, ['x', '--db', join(dirname(db), 'none.db')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no database');
  });
});

describe('rasd quotes / events / related', () => {
  it('lists quotes by speaker name', async () => {
    const r = await run(quotesCommand, ['--speaker', 'توكاييف', '--db', db, '--json']);
    const rows = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.length).toBeGreaterThan(0);
    for (const q of rows) expect(q.speaker).toBe('per:kassym-jomart-tokayev');
    expect((await run(quotesCommand, ['--db', db])).code).toBe(2);
  });

  it('lists events by actor and type', async () => {
    const r = await run(eventsCommand, ['--actor', 'Putin', '--type', 'CONSULT', '--db', db]);
    expect(r.out).toMatch(/^\d+ events?\n/);
    expect(r.out).toContain('CONSULT');
  });

  it('lists related articles by store id or source id', async () => {
    const a = await run(relatedCommand, ['fx-putin-erdogan', '--db', db, '--json']);
    const b = await run(relatedCommand, [
      articleIdFromHash(contentHash(inputs[0].analysis.text)),
      '--db',
      db,
      '--json',
    ]);
    expect(JSON.parse(a.out)).toEqual(JSON.parse(b.out));
    expect((await run(relatedCommand, ['no-such-article', '--db', db])).code).toBe(1);
  });
});

describe('rasd export', () => {
  it('writes the contract as JSONL', async () => {
    const r = await run(exportCommand, ['--format', 'jsonl', '--db', db]);
    const recs = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(recs.length).toBe(inputs.length - 1); // the exact duplicate is stored once
    const seed = recs.find((x) => x.id === 'seed');
    expect(seed.store.id).toBe(seedId());
    for (const k of ['text', 'article', 'entities', 'quotes', 'times', 'amounts', 'events'])
      expect(seed).toHaveProperty(k);
    expect(seed.text).toBe(inputs.find((i) => i.sourceId === 'seed')!.analysis.text);
  });

  it('writes GDELT-like event CSV with a stable column set', async () => {
    const r = await run(exportCommand, ['--format', 'events-csv', '--db', db]);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe(EVENTS_CSV_COLUMNS.join(','));
    const seedEvents = inputs.find((i) => i.sourceId === 'seed')!.analysis.events;
    const rows = lines.slice(1).map(csvFields);
    for (const row of rows) expect(row).toHaveLength(EVENTS_CSV_COLUMNS.length);
    const fromSeed = rows.filter((row) => row[EVENTS_CSV_COLUMNS.indexOf('ArticleId')] === seedId());
    expect(fromSeed).toHaveLength(seedEvents.length);
    const consult = fromSeed.find((row) => row[EVENTS_CSV_COLUMNS.indexOf('PloverType')] === 'CONSULT')!;
    expect(consult[EVENTS_CSV_COLUMNS.indexOf('Actor1Code')]).toBe('per:vladimir-putin');
    expect(consult[EVENTS_CSV_COLUMNS.indexOf('SQLDATE')]).toMatch(/^\d{8}$/);
  });

  it('writes one GKG-like line per article, to a file, within a date range', async () => {
    const out = join(dirname(db), 'gkg.tsv');
    const r = await run(exportCommand, ['--format', 'gkg', '--from', '2022-01-01', '--out', out, '--db', db]);
    expect(r.code).toBeUndefined();
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0].split('\t')).toEqual([...GKG_COLUMNS]);
    expect(lines).toHaveLength(2); // header + the seed (2022); the fixtures are from 2018
    const f = lines[1].split('\t');
    expect(f).toHaveLength(GKG_COLUMNS.length);
    expect(f[GKG_COLUMNS.indexOf('Persons')]).toContain('per:vladimir-putin');
    expect(f[GKG_COLUMNS.indexOf('Quotations')]).toContain('Tokayev');
    expect((await run(exportCommand, ['--format', 'xml', '--db', db])).code).toBe(2);
  });
});
