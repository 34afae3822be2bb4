// The server on a real socket: requests in flight finish on shutdown, new ones are refused,
// the store is closed; `rasd serve`'s sample article is stored once.
import { describe, expect, test } from 'vitest';
import { startServer } from '../../src/server/node.js';
import { ensureSampleArticle, SAMPLE_SOURCE_ID } from '../../src/cli/serve.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { seededStore } from './fixtures.js';

describe('graceful shutdown', () => {
  test('a request in flight completes; afterwards the port is closed and the store too', async () => {
    const { store } = await seededStore();
    let closed = false;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    // A store whose search waits until the test lets it go: the request is "in flight".
    const slow: Store = Object.assign(Object.create(store) as Store, {
      kind: store.kind,
      search: async (q: Parameters<Store['search']>[0]) => {
        await gate;
        return store.search(q);
      },
      close: async () => {
        closed = true;
        await store.close();
      },
    });
    const logs: Array<Record<string, unknown>> = [];
    const server = await startServer({ store: slow, port: 0, webRoot: null, log: (e) => logs.push(e) });
    const inFlight = fetch(`${server.url}/api/search?q=${encodeURIComponent('بوتين')}`);
    await new Promise((r) => setTimeout(r, 100));
    const stopping = server.stop();
    release();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBe(1);
    await stopping;
    expect(closed).toBe(true);
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
    expect(logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['request', 'shutting down', 'stopped']));
  });
});

describe('rasd serve sample article', () => {
  test('is stored on first start and not again', async () => {
    const store = await openStore(':memory:');
    const id = await ensureSampleArticle(store);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(await ensureSampleArticle(store)).toBe(id);
    expect(await store.count()).toBe(1);
    expect(await store.hasSourceId(SAMPLE_SOURCE_ID)).toBe(id);
    await store.close();
  });
});

describe('rasd serve flags', () => {
  test('a bad flag value prints usage and sets exit code 2, without starting anything', async () => {
    const { serveCommand } = await import('../../src/cli/serve.js');
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => (written.push(String(s)), true)) as typeof process.stderr.write;
    try {
      await serveCommand(['--port', 'eighty']);
      await serveCommand(['--colour']);
    } finally {
      process.stderr.write = write;
    }
    expect(process.exitCode).toBe(2);
    process.exitCode = 0;
    expect(written.join('')).toMatch(/--port must be a whole number/);
    expect(written.join('')).toMatch(/unknown option --colour/);
    expect(written.join('')).toContain('rasd serve');
  });
});
