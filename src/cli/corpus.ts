// The corpus commands of the rasd CLI: search, quotes, events, related, export.
// Thin over the store (src/store): parse flags, open the database, print. The database is
// --db URL|PATH, else $RASD_DB, else ./rasd.db (a PostgreSQL URL selects PostgreSQL).
import { createWriteStream, existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { openStore, isPostgresUrl, resolveDbLocation } from '../store/index.js';
import type { Store, SearchHit } from '../store/types.js';
import { toContract } from '../analysis/serialize.js';
import { dayRange } from '../store/prepare.js';
import { EVENTS_CSV_COLUMNS, GKG_COLUMNS, eventCsvLines, gkgLine } from '../store/export.js';

export const CORPUS_USAGE = `  rasd search "QUERY" [--entity ID]… [--outlet X]… [--topic T]… [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                      [--limit N] [--offset N] [--all-duplicates] [--json] [--db URL|PATH]
      QUERY: words (all must match), "a phrase", a OR b, -excluded; English names (Putin) also
      match the entity through the knowledge base
  rasd quotes --speaker ID|NAME [--from D] [--to D] [--limit N] [--json] [--db URL|PATH]
  rasd events [--actor ID|NAME] [--recipient ID|NAME] [--type T[,T…]] [--from D] [--to D] [--limit N] [--json] [--db …]
  rasd related ARTICLE_ID [--limit N] [--json] [--db URL|PATH]
  rasd export --format jsonl|events-csv|gkg [--from D] [--to D] [--canonical] [--out FILE] [--db URL|PATH]
`;

class UsageError extends Error {}

interface FlagSpec {
  /** Flags that take a value; repeated flags accumulate. */
  values: readonly string[];
  /** Flags without a value. */
  switches: readonly string[];
}

interface ParsedFlags {
  positional: string[];
  values: Map<string, string[]>;
  switches: Set<string>;
}

function parseFlags(argv: readonly string[], spec: FlagSpec): ParsedFlags {
  const out: ParsedFlags = { positional: [], values: new Map(), switches: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (spec.switches.includes(name) && eq < 0) {
        out.switches.add(name);
        continue;
      }
      if (!spec.values.includes(name)) throw new UsageError(`unknown option --${name}`);
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`--${name} needs a value`);
      out.values.set(name, [...(out.values.get(name) ?? []), v]);
    } else out.positional.push(a);
  }
  return out;
}

function one(f: ParsedFlags, name: string): string | undefined {
  const v = f.values.get(name);
  return v ? v[v.length - 1] : undefined;
}

function many(f: ParsedFlags, name: string): string[] | undefined {
  const v = f.values
    .get(name)
    ?.flatMap((s) => s.split(',').map((x) => x.trim()))
    .filter(Boolean);
  return v && v.length ? v : undefined;
}

function intFlag(f: ParsedFlags, name: string, dflt: number): number {
  const v = one(f, name);
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number, not "${v}"`);
  return n;
}

function dateFlag(f: ParsedFlags, name: string): string | undefined {
  const v = one(f, name);
  if (v === undefined) return undefined;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?/.test(v)) throw new UsageError(`--${name} must be a date (YYYY-MM-DD), not "${v}"`);
  // A month or a year means its first day (--from) or its last day (--to).
  const r = dayRange(v);
  return r ? (name === 'to' ? r.to : r.from) : v;
}

async function withStore<T>(f: ParsedFlags, fn: (s: Store) => Promise<T>): Promise<T> {
  const where = resolveDbLocation(one(f, 'db'));
  if (!isPostgresUrl(where) && where !== ':memory:' && !existsSync(where))
    throw new UsageError(`no database at ${where} (give --db URL|PATH or set RASD_DB; \`rasd ingest\` creates one)`);
  const store = await openStore(where);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Runs a command body, turning usage errors into a message and exit code 2, others into 1. */
async function runCommand(body: () => Promise<void>, argv?: readonly string[]): Promise<void> {
  if (argv && (argv.includes('--help') || argv.includes('-h'))) {
    process.stdout.write(`usage:\n${CORPUS_USAGE}`);
    return;
  }
  try {
    await body();
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`rasd: ${e.message}\nusage:\n${CORPUS_USAGE}`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`rasd: ${(e as Error)?.message ?? String(e)}\n`);
      process.exitCode = 1;
    }
  }
}

async function write(out: Writable, s: string): Promise<void> {
  if (!out.write(s)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

const useColor = (): boolean => !!process.stdout.isTTY && !process.env.NO_COLOR;

/** «[[match]]» markers → bold yellow on a terminal, kept as they are otherwise. */
function renderSnippet(s: string): string {
  return useColor() ? s.replace(/\[\[/g, '\x1b[1;33m').replace(/\]\]/g, '\x1b[0m') : s;
}

function dim(s: string): string {
  return useColor() ? `\x1b[2m${s}\x1b[0m` : s;
}

function renderHit(h: SearchHit, rank: number): string {
  const a = h.article;
  const head = `${rank}. ${a.title ?? '(no title)'}`;
  const meta = [a.outlet, a.published?.slice(0, 10), a.id, h.score ? `score ${h.score.toFixed(3)}` : null]
    .filter(Boolean)
    .join(' · ');
  return `${head}\n   ${dim(meta)}\n   ${renderSnippet(h.snippet)}\n`;
}

// ------------------------------------------------------------------ search

export async function searchCommand(argv: string[]): Promise<void> {
  await runCommand(async () => {
    const f = parseFlags(argv, {
      values: ['entity', 'outlet', 'topic', 'from', 'to', 'limit', 'offset', 'db'],
      switches: ['json', 'all-duplicates'],
    });
    const q = f.positional.join(' ').trim();
    if (!q && !f.values.size) throw new UsageError('search needs a query or a filter');
    await withStore(f, async (store) => {
      const res = await store.search({
        q,
        entity: many(f, 'entity'),
        outlet: many(f, 'outlet'),
        topic: many(f, 'topic'),
        from: dateFlag(f, 'from'),
        to: dateFlag(f, 'to'),
        limit: intFlag(f, 'limit', 10),
        offset: intFlag(f, 'offset', 0),
        collapseDuplicates: !f.switches.has('all-duplicates'),
      });
      if (f.switches.has('json')) {
        process.stdout.write(JSON.stringify(res) + '\n');
        return;
      }
      let out = `${res.total} result${res.total === 1 ? '' : 's'}\n`;
      for (const n of res.notes) out += dim(`(${n})`) + '\n';
      out += '\n';
      res.hits.forEach((h, i) => (out += renderHit(h, i + 1 + intFlag(f, 'offset', 0)) + '\n'));
      const facet = (name: string, list: Array<{ value: string; count: number; label?: string }>) =>
        list.length
          ? `${name}: ${list
              .slice(0, 8)
              .map((x) => `${x.label ?? x.value} (${x.count})`)
              .join(', ')}\n`
          : '';
      out +=
        facet('outlets', res.facets.outlet) + facet('topics', res.facets.topic) + facet('entities', res.facets.entity);
      process.stdout.write(out);
    });
  }, argv);
}

// ------------------------------------------------------------------ quotes

export async function quotesCommand(argv: string[]): Promise<void> {
  await runCommand(async () => {
    const f = parseFlags(argv, { values: ['speaker', 'from', 'to', 'limit', 'db'], switches: ['json'] });
    const speaker = one(f, 'speaker') ?? (f.positional.join(' ') || undefined);
    if (!speaker) throw new UsageError('quotes needs --speaker ID|NAME');
    await withStore(f, async (store) => {
      const rows = await store.quotes({
        speaker,
        from: dateFlag(f, 'from'),
        to: dateFlag(f, 'to'),
        limit: intFlag(f, 'limit', 50),
      });
      if (f.switches.has('json')) {
        process.stdout.write(rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));
        return;
      }
      let out = `${rows.length} quote${rows.length === 1 ? '' : 's'}\n\n`;
      for (const r of rows)
        out += `«${r.text}»\n   ${dim([r.speakerText ?? r.speaker, r.kind, r.published?.slice(0, 10), r.articleId].filter(Boolean).join(' · '))}\n`;
      process.stdout.write(out);
    });
  }, argv);
}

// ------------------------------------------------------------------ events

export async function eventsCommand(argv: string[]): Promise<void> {
  await runCommand(async () => {
    const f = parseFlags(argv, {
      values: ['actor', 'recipient', 'type', 'from', 'to', 'limit', 'db'],
      switches: ['json'],
    });
    await withStore(f, async (store) => {
      const rows = await store.events({
        actor: one(f, 'actor'),
        recipient: one(f, 'recipient'),
        type: many(f, 'type'),
        from: dateFlag(f, 'from'),
        to: dateFlag(f, 'to'),
        limit: intFlag(f, 'limit', 100),
      });
      if (f.switches.has('json')) {
        process.stdout.write(rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));
        return;
      }
      let out = `${rows.length} event${rows.length === 1 ? '' : 's'}\n\n`;
      for (const r of rows) {
        const who = `${r.actor.join('+') || '?'} → ${r.recipient.join('+') || '—'}`;
        out += `${r.date ?? r.published?.slice(0, 10) ?? '?'}  ${r.negated ? 'NOT ' : ''}${r.type}${r.mode ? '/' + r.mode : ''}  ${who}`;
        out += `  ${dim([r.cameo ? 'CAMEO ' + r.cameo : null, r.factuality, r.articleId].filter(Boolean).join(' · '))}\n   ${r.evidence}\n`;
      }
      process.stdout.write(out);
    });
  }, argv);
}

// ------------------------------------------------------------------ related

export async function relatedCommand(argv: string[]): Promise<void> {
  await runCommand(async () => {
    const f = parseFlags(argv, { values: ['limit', 'db'], switches: ['json'] });
    const id = f.positional[0];
    if (!id) throw new UsageError('related needs an ARTICLE_ID (store id or source id)');
    await withStore(f, async (store) => {
      const art = await store.getArticle(id);
      if (!art) throw new Error(`no article ${id}`);
      const hits = await store.related(art.meta.id, { limit: intFlag(f, 'limit', 5) });
      if (f.switches.has('json')) {
        process.stdout.write(JSON.stringify({ article: art.meta, related: hits }) + '\n');
        return;
      }
      let out = `اقرأ أيضاً — related to ${art.meta.title ?? art.meta.id}\n\n`;
      hits.forEach((h, i) => (out += renderHit(h, i + 1) + '\n'));
      process.stdout.write(out);
    });
  }, argv);
}

// ------------------------------------------------------------------ export

/** RFC 4180 field. */
export async function exportCommand(argv: string[]): Promise<void> {
  await runCommand(async () => {
    const f = parseFlags(argv, { values: ['format', 'from', 'to', 'out', 'db'], switches: ['canonical'] });
    const format = one(f, 'format') ?? 'jsonl';
    if (!['jsonl', 'events-csv', 'gkg'].includes(format))
      throw new UsageError(`unknown export format "${format}" (jsonl|events-csv|gkg)`);
    const outPath = one(f, 'out');
    const out: Writable = outPath ? createWriteStream(outPath) : process.stdout;
    await withStore(f, async (store) => {
      if (format === 'events-csv') await write(out, EVENTS_CSV_COLUMNS.join(',') + '\n');
      if (format === 'gkg') await write(out, GKG_COLUMNS.join('\t') + '\n');
      for await (const art of store.scan({
        from: dateFlag(f, 'from'),
        to: dateFlag(f, 'to'),
        canonicalOnly: f.switches.has('canonical'),
      })) {
        if (format === 'jsonl') {
          const m = art.meta;
          const rec = {
            ...toContract(art.analysis),
            id: m.sourceId ?? m.id,
            store: {
              id: m.id,
              outlet: m.outlet,
              url: m.url,
              topics: m.topics,
              canonical_id: m.canonicalId,
              cluster_id: m.clusterId,
            },
          };
          await write(out, JSON.stringify(rec) + '\n');
        } else if (format === 'events-csv') {
          const lines = eventCsvLines(art);
          if (lines.length) await write(out, lines.join('\n') + '\n');
        } else await write(out, gkgLine(art) + '\n');
      }
    });
    if (outPath)
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }, argv);
}
