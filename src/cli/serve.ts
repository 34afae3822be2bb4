// `rasd serve`: the HTTP API and the web interface on the corpus store, on localhost by default,
// with the sample article (examples/seed-article.txt) analysed and stored on first start.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '../analyze.js';
import { openStore, resolveDbLocation } from '../store/index.js';
import type { Store } from '../store/types.js';
import { startServer } from '../server/node.js';
import { defaultLog } from '../server/app.js';

export const SERVE_USAGE = `  rasd serve [--port 8787] [--host 127.0.0.1] [--db PATH|URL] [--api-key KEY]… [--allow-private-urls]
             [--max-body BYTES] [--no-sample]
      API + web interface (http://127.0.0.1:8787). Writes (POST /api/articles) need a key: --api-key
      or RASD_API_KEYS (comma-separated). The database is --db, else $RASD_DB, else ./rasd.db.
`;

/** The sample article shipped with the repository, stored on first start. */
export const SAMPLE_ARTICLE = fileURLToPath(new URL('../../examples/seed-article.txt', import.meta.url));
export const SAMPLE_SOURCE_ID = 'examples/seed-article.txt';

class UsageError extends Error {}

interface ServeFlags {
  port: number;
  host: string;
  db?: string;
  apiKeys: string[];
  allowPrivateUrls: boolean;
  maxBody?: number;
  sample: boolean;
}

function parseServeFlags(argv: string[]): ServeFlags {
  const f: ServeFlags = { port: 8787, host: '127.0.0.1', apiKeys: [], allowPrivateUrls: false, sample: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      const v = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
      return v;
    };
    const int = (max: number): number => {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > max)
        throw new UsageError(`${name} must be a whole number from 0 to ${max}, not "${v}"`);
      return n;
    };
    if (name === '--port') f.port = int(65535);
    else if (name === '--host') f.host = value();
    else if (name === '--db') f.db = value();
    else if (name === '--api-key') f.apiKeys.push(value());
    else if (name === '--max-body') f.maxBody = int(1 << 30);
    else if (name === '--allow-private-urls') f.allowPrivateUrls = true;
    else if (name === '--no-sample') f.sample = false;
    else throw new UsageError(`unknown option ${a}`);
  }
  return f;
}

/**
 * Stores the sample article unless it is there already (by source id, so the analysis does not
 * even run on later starts; putArticle is idempotent by content anyway). Returns its store id.
 */
export async function ensureSampleArticle(store: Store, file: string = SAMPLE_ARTICLE): Promise<string | null> {
  const existing = await store.hasSourceId(SAMPLE_SOURCE_ID);
  if (existing) return existing;
  if (!fs.existsSync(file)) return null;
  const analysis = analyze({ id: SAMPLE_SOURCE_ID, text: fs.readFileSync(file, 'utf8') });
  return (await store.putArticle({ analysis, sourceId: SAMPLE_SOURCE_ID })).id;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export async function serveCommand(argv: string[]): Promise<void> {
  let f: ServeFlags;
  try {
    f = parseServeFlags(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`rasd: ${e.message}\nusage:\n${SERVE_USAGE}`);
    process.exitCode = 2;
    return;
  }
  const apiKeys = [...f.apiKeys, ...(process.env.RASD_API_KEYS ?? '').split(',').map((k) => k.trim())].filter(Boolean);
  const where = resolveDbLocation(f.db);
  const store = await openStore(where);
  try {
    const sampleId = f.sample ? await ensureSampleArticle(store) : null;
    const running = await startServer({
      store,
      port: f.port,
      host: f.host,
      apiKeys,
      allowPrivateUrls: f.allowPrivateUrls,
      maxBodyBytes: f.maxBody,
      handleSignals: true,
    });
    defaultLog({
      time: new Date().toISOString(),
      level: 'info',
      msg: 'listening',
      url: running.url,
      db: where.replace(/\/\/[^@/]*@/, '//***@'),
      articles: await store.count(),
      sample: sampleId ? `${running.url}/article/${sampleId}` : null,
      writes: apiKeys.length ? 'enabled (x-api-key)' : 'disabled (no API key)',
    });
    if (!isLoopback(f.host))
      process.stderr.write(
        `rasd: warning: listening on ${f.host}, not only on this machine; anyone who can reach it can read the corpus\n`,
      );
  } catch (e) {
    await store.close();
    const err = e as NodeJS.ErrnoException;
    if (err?.code === 'EADDRINUSE') {
      process.stderr.write(`rasd: port ${f.port} is in use; pick another with --port\n`);
      process.exitCode = 1;
      return;
    }
    throw e;
  }
}
