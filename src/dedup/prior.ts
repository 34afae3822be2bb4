// Document frequencies of light stems in a news corpus, so that TF-IDF weights are sensible from the
// very first article of an empty database (with a dozen articles of its own, every word would look
// rare). The table is data/dedup/df-prior.tsv.gz, built by scripts/dedup/build-df-prior.mjs; see
// data/dedup/README.md for its source and licence.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface DfPrior {
  /** Documents the table was counted over. */
  docs: number;
  /** Light stem → documents containing it. */
  df: Map<string, number>;
}

const PRIOR_URL = new URL('../../data/dedup/df-prior.tsv.gz', import.meta.url);
let cached: DfPrior | null = null;

/** Parses the table: `# docs N` header, then `stem<TAB>df` lines; other `#` lines are comments. */
export function parseDfPrior(text: string): DfPrior {
  const df = new Map<string, number>();
  let docs = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    if (line.startsWith('#')) {
      const m = /^#\s*docs\s+(\d+)/.exec(line);
      if (m) docs = Number(m[1]);
      continue;
    }
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const n = Number(line.slice(tab + 1));
    if (Number.isFinite(n) && n > 0) df.set(line.slice(0, tab), n);
  }
  if (docs <= 0 && df.size > 0) throw new Error('df prior: missing "# docs N" header');
  return { docs, df };
}

/** The packaged prior, loaded once per process. */
export function loadDfPrior(): DfPrior {
  if (cached) return cached;
  let buf: Buffer;
  try {
    buf = readFileSync(PRIOR_URL);
  } catch (err) {
    throw new Error(`rasd dedup: cannot read ${PRIOR_URL.pathname} (${(err as Error).message})`);
  }
  cached = parseDfPrior(gunzipSync(buf).toString('utf8'));
  return cached;
}
