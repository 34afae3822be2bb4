// `rasd ingest PATH|URL…`: thin over src/ingest (the library does the work; this parses flags, opens
// the store, prints the summary).
import { availableParallelism } from 'node:os';
import { ingest, defaultStatePath, type IngestSummary } from '../ingest/index.js';
import type { ProgressMode } from '../ingest/progress.js';
import { openStore, resolveDbLocation } from '../store/index.js';

export const INGEST_USAGE = `usage: rasd ingest PATH|URL... [options]
  PATH      a file or folder: .jsonl/.ndjson (corpus or contract records), .json, .html, .txt,
            .rss/.atom/.xml feeds, any of them .gz; folders are walked
  URL       a page, or an RSS/Atom feed (conditional GET; items fetched when the feed has teasers only)
options:
  --db PATH|postgres://…  the store (default $RASD_DB, else ./rasd.db)
  --state FILE            ingest state and duplicate index (default: beside the SQLite file)
  --rejects FILE          JSON Lines log of refused items (default: beside the state)
  --workers N             analysis threads (default ${availableParallelism()}, the cores; 0 = main thread)
  --batch N               articles per write transaction (default 100)
  --limit N               stop after N new items
  --no-dedup              no duplicate detection or story clustering
  --no-cluster            duplicates only, no story clustering
  --progress bar|log|off  default: bar on a terminal, log lines otherwise
  --timeout SECONDS       per HTTP request (default 30)
  --json                  print the summary as JSON on stdout
`;

class UsageError extends Error {}

interface IngestFlags {
  inputs: string[];
  db?: string;
  state?: string;
  rejects?: string;
  workers?: number;
  batch?: number;
  limit?: number;
  dedup: boolean;
  cluster: boolean;
  progress?: ProgressMode;
  timeout?: number;
  json: boolean;
}

function parseIngestFlags(argv: string[]): IngestFlags {
  const f: IngestFlags = { inputs: [], dedup: true, cluster: true, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const int = (min: number): number => {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) throw new UsageError(`${a} needs a whole number ≥ ${min}, not "${v}"`);
      return n;
    };
    if (a === '--db') f.db = value();
    else if (a === '--state') f.state = value();
    else if (a === '--rejects') f.rejects = value();
    else if (a === '--workers') f.workers = int(0);
    else if (a === '--batch') f.batch = int(1);
    else if (a === '--limit') f.limit = int(0);
    else if (a === '--timeout') f.timeout = int(1);
    else if (a === '--no-dedup') f.dedup = false;
    else if (a === '--no-cluster') f.cluster = false;
    else if (a === '--json') f.json = true;
    else if (a === '--progress') {
      const v = value();
      if (v !== 'bar' && v !== 'log' && v !== 'off') throw new UsageError(`--progress is bar, log or off, not "${v}"`);
      f.progress = v;
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else f.inputs.push(a);
  }
  if (f.inputs.length === 0) throw new UsageError('ingest needs at least one PATH or URL');
  return f;
}

function printSummary(s: IngestSummary, db: string, state: string): void {
  const out = process.stderr;
  const n = (x: number) => x.toLocaleString('en');
  out.write(
    `ingest: ${n(s.stored)} new articles in ${db} (${s.seconds.toFixed(1)} s, ${s.analysedPerSecond.toFixed(1)} analysed/s on ${s.workers || 'the main'} thread${s.workers === 1 ? '' : 's'})\n` +
      `  read ${n(s.read)} items: ${n(s.unchanged)} unchanged since an earlier ingest, ${n(s.exactDuplicates)} exact copies of stored articles, ${n(s.rejected)} rejected\n` +
      `  duplicates: ${n(s.nearDuplicates)} new articles linked to an earlier copy; stories: ${n(s.clustered)} articles clustered\n`,
  );
  const codes = Object.entries(s.rejectsByCode);
  if (codes.length)
    out.write(
      `  rejects by reason: ${codes.map(([c, k]) => `${c} ${k}`).join(', ')}${s.rejectsPath ? ` (each in ${s.rejectsPath})` : ''}\n`,
    );
  out.write(`  state: ${state}\n`);
  if (s.stoppedBecause) out.write(`ingest: stopped early: ${s.stoppedBecause}\n`);
}

/** The `rasd ingest` command. Exit code 0 when every input was read (rejects included), 1 when the
 *  run stopped early, 2 for a usage error. */
export async function ingestCommand(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(INGEST_USAGE);
    return;
  }
  let f: IngestFlags;
  try {
    f = parseIngestFlags(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`rasd: ${e.message}\n${INGEST_USAGE}`);
      process.exitCode = 2;
      return;
    }
    throw e;
  }
  const db = resolveDbLocation(f.db);
  const statePath = f.state ?? defaultStatePath(db);
  const rejectsPath =
    f.rejects ??
    (statePath === ':memory:' ? null : `${statePath.replace(/\.ingest\.sqlite$|\.sqlite$/, '')}.rejects.jsonl`);
  const store = await openStore(db);
  const abort = new AbortController();
  const onSigint = () => {
    if (abort.signal.aborted) process.exit(130);
    process.stderr.write(
      '\nrasd: interrupted: writing what is analysed (Ctrl-C again to quit now; a later run resumes)\n',
    );
    abort.abort();
  };
  process.on('SIGINT', onSigint);
  let summary: IngestSummary;
  try {
    summary = await ingest(f.inputs, {
      store,
      state: statePath,
      workers: f.workers,
      batchSize: f.batch,
      limit: f.limit,
      dedup: f.dedup,
      cluster: f.cluster,
      rejectsPath,
      progress: f.progress,
      fetchTimeoutMs: f.timeout !== undefined ? f.timeout * 1000 : undefined,
      signal: abort.signal,
    });
  } finally {
    process.off('SIGINT', onSigint);
    await store.close();
  }
  printSummary(summary, db.replace(/\/\/[^@/]*@/, '//'), statePath);
  if (f.json) process.stdout.write(JSON.stringify(summary) + '\n');
  if (summary.stoppedBecause) process.exitCode = 1;
}
