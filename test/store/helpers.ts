// Test inputs for the store suites, and a brute-force reference search to check the stores against.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { analyze } from '../../src/analyze.js';
import { InputError } from '../../src/analysis/errors.js';
import { emptyArticle, newAnalysis } from '../../src/analysis/create.js';
import type { ArticleInput } from '../../src/store/types.js';
import { contentHash, articleIdFromHash, dayOf, prepareArticle } from '../../src/store/prepare.js';
import { parseQuery, alternativeTerms, type Alternative } from '../../src/search/query.js';

const HERE = new URL('.', import.meta.url).pathname;
export const ANT_PATH = join(HERE, '../../../shared/data/corpora/ant-v2.1.jsonl.gz');
export const SEED_PATH = join(HERE, '../../examples/seed-article.txt');
/** How many ANT v2.1 records the suite analyses (the first N of the file). */
export const ANT_SAMPLE = Number(process.env.RASD_TEST_CORPUS_N ?? 150);

interface FixtureRecord {
  id: string;
  outlet: string;
  published: string;
  topics: string[];
  title: string;
  body: string;
}

export function fixtureInputs(): ArticleInput[] {
  const recs = JSON.parse(readFileSync(join(HERE, 'fixtures/articles.json'), 'utf8')) as FixtureRecord[];
  return recs.map((r) => ({
    sourceId: r.id,
    outlet: r.outlet,
    topics: r.topics,
    // analyze() refuses an empty body; the store must still take an empty analysis (a page that
    // lost its text upstream), so that one is built by hand.
    analysis: r.body.trim()
      ? analyze({ id: r.id, body: r.body, title: r.title || undefined, published: r.published })
      : newAnalysis(r.id, '', 'body', { ...emptyArticle(), published: r.published }),
  }));
}

export function seedInput(): ArticleInput {
  return {
    sourceId: 'seed',
    outlet: 'afp',
    topics: ['politics'],
    analysis: analyze({ id: 'seed', text: readFileSync(SEED_PATH, 'utf8'), published: '2022-11-28' }),
  };
}

/** The first `n` ANT v2.1 records, analysed; null when the shared data is absent. */
export function antInputs(n = ANT_SAMPLE): ArticleInput[] | null {
  if (!existsSync(ANT_PATH) || n <= 0) return null;
  const lines = gunzipSync(readFileSync(ANT_PATH)).toString('utf8').split('\n');
  const out: ArticleInput[] = [];
  for (const line of lines) {
    if (out.length >= n) break;
    if (!line.trim()) continue;
    const r = JSON.parse(line) as {
      id: string;
      outlet: string;
      category: string;
      url: string;
      title: string;
      published: string | null;
      text: string;
    };
    let analysis;
    try {
      analysis = analyze({
        id: r.id,
        body: r.text ?? '',
        title: r.title ?? undefined,
        published: r.published ?? undefined,
      });
    } catch (e) {
      if (e instanceof InputError) continue; // empty bodies: the corpus has a few
      throw e;
    }
    out.push({ sourceId: r.id, url: r.url, outlet: r.outlet, topics: [r.category], analysis });
  }
  return out;
}

const tempDirs: string[] = [];

/** A database path in a fresh temporary folder (removed by `removeTempDbs`). */
export function tempDbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rasd-store-'));
  tempDirs.push(dir);
  return join(dir, 'test.db');
}

export function removeTempDbs(): void {
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A fresh, empty schema on the test PostgreSQL server; returns a URL whose search_path is that schema. */
export async function freshPgSchema(url: string, schema: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await c.end();
  }
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

// ------------------------------------------------------------------ reference search

interface RefDoc {
  id: string;
  terms: string[];
  outlet: string | null;
  topics: string[];
  day: string | null;
  published: string | null;
  entities: Set<string>;
}

export interface RefQuery {
  q?: string;
  outlet?: string[];
  topic?: string[];
  entity?: string[];
  from?: string;
  to?: string;
}

/**
 * The search semantics written the slow, obvious way: every document scanned, phrases matched on
 * the term arrays, BM25 from counts taken here. Independent of SQL, FTS5 and tsvector.
 */
export class ReferenceIndex {
  readonly docs: RefDoc[] = [];
  /** duplicate id → canonical id */
  readonly canonical = new Map<string, string>();

  constructor(inputs: ArticleInput[]) {
    const seen = new Set<string>();
    for (const inp of inputs) {
      const id = articleIdFromHash(contentHash(inp.analysis.text));
      if (seen.has(id)) continue; // the store keeps the first of identical texts
      seen.add(id);
      const p = prepareArticle(inp);
      this.docs.push({
        id,
        terms: p.terms,
        outlet: p.meta.outlet,
        topics: p.meta.topics,
        day: dayOf(p.meta.published),
        published: p.meta.published,
        entities: new Set(inp.analysis.entities.map((e) => e.id)),
      });
    }
  }

  private static has(terms: string[], alt: Alternative): boolean {
    const seq = alternativeTerms(alt);
    outer: for (let i = 0; i + seq.length <= terms.length; i++) {
      for (let j = 0; j < seq.length; j++) if (terms[i + j] !== seq[j]) continue outer;
      return true;
    }
    return false;
  }

  search(q: RefQuery, lookupEntity?: (n: string) => string[]): Array<{ id: string; score: number }> {
    const parsed = q.q ? parseQuery(q.q, lookupEntity ? { lookupEntity } : {}) : null;
    const ranked = !!parsed && parsed.clauses.length > 0;
    const N = this.docs.length;
    const avgdl = this.docs.reduce((s, d) => s + d.terms.length, 0) / N;
    const qterms = ranked
      ? [...new Set(parsed.clauses.flatMap((c) => c.alternatives.flatMap(alternativeTerms)))].sort()
      : [];
    const df = new Map(qterms.map((t) => [t, this.docs.filter((d) => d.terms.includes(t)).length]));
    const out: Array<{ id: string; score: number; published: string | null }> = [];
    for (const d of this.docs) {
      if (parsed && !parsed.clauses.every((c) => c.alternatives.some((a) => ReferenceIndex.has(d.terms, a)))) continue;
      if (parsed && parsed.exclude.some((a) => ReferenceIndex.has(d.terms, a))) continue;
      if (q.outlet && !q.outlet.includes(d.outlet ?? '')) continue;
      if (q.topic && !q.topic.some((t) => d.topics.includes(t))) continue;
      if (q.entity && !q.entity.every((e) => d.entities.has(e))) continue;
      if (q.from && !(d.day !== null && d.day >= q.from)) continue;
      if (q.to && !(d.day !== null && d.day <= q.to)) continue;
      let score = 0;
      for (const t of qterms) {
        const tf = d.terms.filter((x) => x === t).length;
        if (!tf) continue;
        const n = df.get(t)!;
        const idf = Math.log(1 + (N - n + 0.5) / (n + 0.5));
        score += (idf * tf * 2.2) / (tf + 1.2 * (1 - 0.75 + (0.75 * d.terms.length) / avgdl));
      }
      out.push({ id: d.id, score, published: d.published });
    }
    out.sort(
      ranked
        ? (a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)
        : (a, b) =>
            (b.published ?? '') < (a.published ?? '')
              ? -1
              : (b.published ?? '') > (a.published ?? '')
                ? 1
                : a.id < b.id
                  ? -1
                  : 1,
    );
    // collapse duplicate groups: the best of each group stays
    const groups = new Set<string>();
    return out.filter((r) => {
      const g = this.canonical.get(r.id) ?? r.id;
      if (groups.has(g)) return false;
      groups.add(g);
      return true;
    });
  }
}
