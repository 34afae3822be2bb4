// Shared by the API tests: an in-memory SQLite store with the sample article, and the app over it.
import fs from 'node:fs';
import { analyze } from '../../src/analyze.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { createApp, type AppOptions, type LogEntry } from '../../src/server/app.js';

export const SEED_FILE = new URL('../../examples/seed-article.txt', import.meta.url);
export const SEED_TEXT = fs.readFileSync(SEED_FILE, 'utf8');

export interface Fixture {
  store: Store;
  seedId: string;
  logs: LogEntry[];
  app: ReturnType<typeof createApp>;
}

export async function seededStore(): Promise<{ store: Store; seedId: string }> {
  const store = await openStore(':memory:');
  const analysis = analyze({ id: 'seed', text: SEED_TEXT });
  const { id } = await store.putArticle({ analysis, sourceId: 'examples/seed-article.txt', outlet: 'example' });
  return { store, seedId: id };
}

export async function fixture(opts: Partial<AppOptions> = {}): Promise<Fixture> {
  const { store, seedId } = await seededStore();
  const logs: LogEntry[] = [];
  const app = createApp({ store, webRoot: null, log: (e) => logs.push(e), apiKeys: ['test-key'], ...opts });
  return { store, seedId, logs, app };
}

export function postJson(
  app: Fixture['app'],
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
  );
}
