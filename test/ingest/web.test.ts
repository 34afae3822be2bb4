// URLs and feeds against a local HTTP server: a page, an RSS feed with ETag (304 on the second run),
// a feed that lies about its charset, an item fetched from its link, a 404 item (the feed is then
// fetched again next time), and a server that never answers (timeout).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, IngestState } from '../../src/ingest/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { analyze } from '../../src/analyze.js';
import { STORY_A, STORY_A_OTHER, STORY_B } from './articles.js';

let server: Server;
let base: string;
let dir: string;
const hits = new Map<string, number[]>(); // path → statuses answered

const paragraphs = (body: string) =>
  body
    .split('\n\n')
    .map((p) => `<p>${p}</p>`)
    .join('');
/** windows-1256 bytes of a string (every character must exist in that charset). */
function cp1256(s: string): Buffer {
  const dec = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(Uint8Array.of(b)), b);
  return Buffer.from(
    [...s].map((ch) => {
      const b = table.get(ch);
      if (b === undefined) throw new Error(`not in windows-1256: ${ch}`);
      return b;
    }),
  );
}

function feed(items: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>أخبار</title>${items}</channel></rss>`;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rasd-web-'));
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    const answer = (
      status: number,
      type: string | null,
      body: string | Buffer = '',
      headers: Record<string, string> = {},
    ) => {
      hits.set(path, [...(hits.get(path) ?? []), status]);
      res.writeHead(status, { ...(type ? { 'content-type': type } : {}), ...headers });
      res.end(body);
    };
    if (path === '/feed.xml') {
      // conditional GET; and the server claims windows-1256 while the bytes are UTF-8
      if (req.headers['if-none-match'] === '"v1"') return answer(304, null);
      const xml = feed(
        `<item><title>${STORY_A.title}</title><link>/a.html</link><guid>a</guid><pubDate>Sun, 11 Jun 2023 10:00:00 +0300</pubDate><content:encoded><![CDATA[${paragraphs(STORY_A.body)}]]></content:encoded></item>` +
          `<item><title>${STORY_B.title}</title><link>/b.html</link><guid>b</guid><pubDate>Sat, 28 Oct 2023 21:00:00 +0300</pubDate><description>الهلال يفوز</description></item>`,
      );
      return answer(200, 'application/rss+xml; charset=windows-1256', Buffer.from(xml, 'utf8'), { etag: '"v1"' });
    }
    if (path === '/b.html') {
      // windows-1256 bytes served as ISO-8859-1, no <meta charset>
      const html = `<html><head><title>${STORY_B.title}</title></head><body><article><h1>${STORY_B.title}</h1>${paragraphs(STORY_B.body)}</article></body></html>`;
      return answer(200, 'text/html; charset=iso-8859-1', cp1256(html));
    }
    if (path === '/partial.xml') {
      const xml = feed(`<item><title>مفقود</title><link>/missing.html</link><guid>m</guid></item>`);
      return answer(200, 'application/rss+xml', xml, { etag: '"p1"' });
    }
    if (path === '/other.html')
      return answer(
        200,
        'text/html; charset=utf-8',
        `<!doctype html><html><head><title>${STORY_A_OTHER.title}</title></head><body><article><h1>${STORY_A_OTHER.title}</h1>${paragraphs(STORY_A_OTHER.body)}</article></body></html>`,
      );
    if (path === '/slow') return; // never answers
    answer(404, 'text/plain', 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('ingest from URLs and feeds', () => {
  let store: Store;
  let state: IngestState;
  beforeAll(async () => {
    // load the knowledge base and the tagger now: analysis runs on this thread here (no worker
    // script under vitest) and would hold up the test server and the fetch timers the first time
    analyze({ body: STORY_B.body });
    store = await openStore(join(dir, 'web.db'));
    state = IngestState.open(join(dir, 'web.db.ingest.sqlite'));
  });
  afterAll(async () => {
    state.close();
    await store.close();
  });
  const opts = () => ({
    store,
    state,
    workers: 0,
    progress: 'off' as const,
    log: () => {},
    fetchTimeoutMs: 4000,
    rejectsPath: join(dir, 'rejects.jsonl'),
    feedContentMinChars: 300,
  });

  it('reads a feed (full items from the feed, teasers from their page), a page, and reports failures', async () => {
    const s = await ingest(
      [`${base}/feed.xml`, `${base}/other.html`, `${base}/partial.xml`, `${base}/slow`, `${base}/gone.html`],
      opts(),
    );
    expect(s.stored).toBe(3);
    expect(s.rejectsByCode).toEqual({ 'http-status': 2, 'fetch-timeout': 1 });
    expect(hits.get('/a.html')).toBeUndefined(); // the feed carried the full text of item a
    expect(hits.get('/b.html')).toEqual([200]);
    const articles = [];
    for await (const a of store.scan()) articles.push(a);
    const b = articles.find((a) => a.meta.url === `${base}/b.html`)!;
    expect(b.analysis.text).toContain('الهلال'); // windows-1256 page served as Latin-1, read right
    expect(b.meta.published).toMatch(/^2023-10-28/); // the item's date
    const a = articles.find((x) => x.meta.url === `${base}/a.html`)!;
    expect(a.analysis.text).toContain('فيصل بن فرحان'); // UTF-8 feed served as windows-1256, read right
    expect(a.meta.published).toMatch(/^2023-06-11/);
  });

  it('asks again with the ETag and gets 304; a feed with a failed item is fetched in full again', async () => {
    const s = await ingest([`${base}/feed.xml`, `${base}/partial.xml`], opts());
    expect(hits.get('/feed.xml')).toEqual([200, 304]);
    expect(hits.get('/partial.xml')).toEqual([200, 200]);
    expect(s.stored).toBe(0);
    expect(s.rejectsByCode).toEqual({ 'http-status': 1 });
    expect(state.conditional(`${base}/feed.xml`)).toEqual({ etag: '"v1"', lastModified: null });
    expect(state.conditional(`${base}/partial.xml`)).toBeNull();
  });
});
