// Reading inputs: folder walks, JSONL (corpus and contract records), gzip (a corrupt one included),
// malformed lines, HTML and text files, feeds, and the line splitter under arbitrary chunking.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { plan, readPlan, type ReadEvent, type SourceContext } from '../../src/ingest/sources/index.js';
import { splitLines } from '../../src/ingest/sources/lines.js';
import { fileKind } from '../../src/ingest/sources/files.js';
import { parseFeed, feedDate, looksLikeFeed } from '../../src/ingest/sources/feed.js';
import { decodeHttpBody } from '../../src/ingest/sources/http.js';
import { recordToEvent, seenTime } from '../../src/ingest/records.js';
import type { SourceItem, SourceReject } from '../../src/ingest/types.js';
import { STORY_A, STORY_B, corpusRecord } from './articles.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rasd-sources-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ctx(seen = new Set<string>()): SourceContext {
  return {
    isSeen: (h) => seen.has(h),
    conditional: () => null,
    progress: { total: 0, read: 0 },
    timeoutMs: 2000,
    feedContentMinChars: 200,
    log: () => {},
  };
}

async function readAll(inputs: string[], c = ctx()): Promise<ReadEvent[]> {
  const p = await plan(inputs);
  c.progress.total = p.totalBytes;
  const out: ReadEvent[] = [];
  for await (const ev of readPlan(p, c)) out.push(ev);
  return out;
}
const items = (evs: ReadEvent[]) => evs.filter((e): e is SourceItem => e.kind === 'item');
const rejects = (evs: ReadEvent[]) => evs.filter((e): e is SourceReject => e.kind === 'reject');

describe('file kinds', () => {
  it.each([
    ['a.jsonl', 'jsonl', false],
    ['a.ndjson.gz', 'jsonl', true],
    ['a.json', 'json', false],
    ['page.HTML', 'html', false],
    ['page.htm.gz', 'html', true],
    ['note.txt', 'text', false],
    ['feed.rss', 'feed', false],
    ['atom.xml.gz', 'feed', true],
    ['README', 'sniff', false],
  ])('%s is %s (gzip %s)', (name, kind, gzip) => {
    expect(fileKind(name)).toEqual({ kind, gzip });
  });
});

describe('folders and files', () => {
  it('walks folders in name order, skips hidden entries, reads each kind', async () => {
    const root = join(dir, 'walk');
    mkdirSync(join(root, 'sub'), { recursive: true });
    mkdirSync(join(root, '.git'), { recursive: true });
    writeFileSync(join(root, '.git', 'x.txt'), 'hidden');
    writeFileSync(join(root, '.DS_Store'), 'hidden');
    writeFileSync(
      join(root, 'b.html'),
      `<!doctype html><html><head><title>${STORY_B.title}</title></head><body><article><h1>${STORY_B.title}</h1><p>${STORY_B.body.split('\n\n').join('</p><p>')}</p></article></body></html>`,
    );
    writeFileSync(join(root, 'a.txt'), `${STORY_A.title}\n\n${STORY_A.body}`);
    writeFileSync(join(root, 'sub', 'c.jsonl'), JSON.stringify(corpusRecord('c1', STORY_A)) + '\n');
    writeFileSync(
      join(root, 'sub', 'd.jsonl.gz'),
      gzipSync(JSON.stringify({ id: 'd1', body: STORY_B.body, title: STORY_B.title }) + '\n'),
    );
    writeFileSync(
      join(root, 'sub', 'e.png'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    const p = await plan([root]);
    expect(p.hidden).toBe(2);
    expect(p.entries.map((e) => ('file' in e ? e.file.path.slice(root.length + 1) : e.url))).toEqual([
      'a.txt',
      'b.html',
      'sub/c.jsonl',
      'sub/d.jsonl.gz',
      'sub/e.png',
    ]);
    const evs = await readAll([root]);
    const its = items(evs);
    expect(its.map((i) => Object.keys(i.record).filter((k) => ['text', 'html', 'body'].includes(k))[0])).toEqual([
      'text',
      'html',
      'body',
      'body',
    ]);
    expect(its[2]).toMatchObject({
      sourceId: 'c1',
      outlet: 'test-outlet',
      category: 'politics',
      url: 'https://example.org/c1',
    });
    expect(its[2].record).toMatchObject({ id: 'c1', title: STORY_A.title, published: STORY_A.published });
    expect(its[3].record).toMatchObject({ id: 'd1', title: STORY_B.title });
    const rj = rejects(evs);
    expect(rj).toHaveLength(1);
    expect(rj[0]).toMatchObject({ code: 'binary' });
    expect(rj[0].origin).toMatch(/e\.png$/);
  });

  it('reports a missing path and goes on', async () => {
    writeFileSync(join(dir, 'ok.txt'), STORY_B.body);
    const evs = await readAll([join(dir, 'nope.jsonl'), join(dir, 'ok.txt')]);
    expect(rejects(evs)[0]).toMatchObject({ code: 'unreadable', reason: 'no such file or folder' });
    expect(items(evs)).toHaveLength(1);
  });

  it('reports an empty file', async () => {
    writeFileSync(join(dir, 'empty.txt'), '   \n');
    expect(rejects(await readAll([join(dir, 'empty.txt')]))[0].code).toBe('empty');
  });

  it('reads a JSON array of records', async () => {
    writeFileSync(join(dir, 'arr.json'), JSON.stringify([corpusRecord('j1', STORY_A), { id: 'j2' }]));
    const evs = await readAll([join(dir, 'arr.json')]);
    expect(items(evs).map((i) => i.sourceId)).toEqual(['j1']);
    expect(rejects(evs)[0]).toMatchObject({ code: 'record-invalid', sourceId: 'j2' });
  });
});

describe('JSONL', () => {
  it('reports malformed lines with their number and reads the others', async () => {
    const lines = [
      JSON.stringify(corpusRecord('ok1', STORY_A)),
      '{"id": "broken", "text": ',
      '',
      '[1, 2, 3]',
      JSON.stringify({ id: 'no-content', title: 'x' }),
      JSON.stringify({ ...corpusRecord('empty', STORY_A), text: '  ' }),
      JSON.stringify({ id: 'two', body: 'a', html: '<p>b</p>' }),
      JSON.stringify({ id: 'num', body: 42 }),
      JSON.stringify({ id: 'bad-date', body: STORY_B.body, published: 'yesterday' }),
      JSON.stringify(corpusRecord('ok2', STORY_B)),
    ];
    writeFileSync(join(dir, 'mixed.jsonl'), lines.join('\r\n'));
    const evs = await readAll([join(dir, 'mixed.jsonl')]);
    expect(items(evs).map((i) => i.sourceId)).toEqual(['ok1', 'bad-date', 'ok2']);
    expect(items(evs)[1].record.published).toBeUndefined();
    expect(items(evs)[1].notes?.[0]).toMatch(/not an ISO date/);
    const rj = rejects(evs).map((r) => [r.origin.replace(/^.*mixed\.jsonl/, ''), r.code]);
    expect(rj).toEqual([
      [':2', 'json-invalid'],
      [':4', 'record-invalid'],
      [':5', 'record-invalid'],
      [':6', 'empty'],
      [':7', 'record-invalid'],
      [':8', 'record-invalid'],
    ]);
  });

  it('refuses a line that is not UTF-8', async () => {
    writeFileSync(
      join(dir, 'latin.jsonl'),
      Buffer.concat([Buffer.from('{"id":"x","body":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]),
    );
    expect(rejects(await readAll([join(dir, 'latin.jsonl')]))[0]).toMatchObject({
      code: 'json-invalid',
      reason: 'line 1 is not valid UTF-8',
    });
  });

  it('skips records seen before without parsing them', async () => {
    writeFileSync(
      join(dir, 'seen.jsonl'),
      JSON.stringify(corpusRecord('s1', STORY_A)) + '\n' + JSON.stringify(corpusRecord('s2', STORY_B)) + '\n',
    );
    const first = items(await readAll([join(dir, 'seen.jsonl')]));
    const evs = await readAll([join(dir, 'seen.jsonl')], ctx(new Set([first[0].rawHash])));
    expect(evs.map((e) => e.kind)).toEqual(['seen', 'item']);
  });

  it('maps the corpus crawl time (published_raw) to seenAt when there is no publication date', () => {
    const ev = recordToEvent(
      { ...corpusRecord('snn', STORY_A), published: null, published_raw: '2015-07-21 02:51:32' },
      { origin: 'o', rawHash: 'h', fallbackId: 'f' },
    );
    expect(ev).toMatchObject({ kind: 'item', seenAt: '2015-07-21T02:51:32.000Z' });
    expect((ev as SourceItem).record.published).toBeUndefined();
    expect(seenTime('not a date')).toBeNull();
  });
});

describe('gzip', () => {
  it('reports a corrupt gzip for that file, keeps the lines read before, and reads the next file', async () => {
    const good = gzipSync(
      Array.from({ length: 200 }, (_, i) => JSON.stringify(corpusRecord(`g${i}`, i % 2 ? STORY_A : STORY_B))).join(
        '\n',
      ) + '\n',
    );
    // corrupt the middle of the deflate stream
    const bad = Buffer.from(good);
    for (let i = Math.floor(bad.length / 2); i < Math.floor(bad.length / 2) + 64; i++) bad[i] ^= 0x5a;
    writeFileSync(join(dir, 'corrupt.jsonl.gz'), bad);
    writeFileSync(join(dir, 'truncated.jsonl.gz'), good.subarray(0, Math.floor(good.length * 0.7)));
    writeFileSync(join(dir, 'zz-after.jsonl.gz'), gzipSync(JSON.stringify(corpusRecord('after', STORY_B)) + '\n'));
    writeFileSync(join(dir, 'notgzip.txt.gz'), 'this is not gzip at all');
    const evs = await readAll([
      join(dir, 'corrupt.jsonl.gz'),
      join(dir, 'truncated.jsonl.gz'),
      join(dir, 'notgzip.txt.gz'),
      join(dir, 'zz-after.jsonl.gz'),
    ]);
    // damaged deflate data may first inflate to garbage lines (reported as json-invalid or
    // record-invalid) before zlib notices; every damaged file ends with one gzip-corrupt reject
    const rj = rejects(evs);
    expect(rj.filter((r) => r.code === 'gzip-corrupt').map((r) => r.origin.replace(/^.*\//, ''))).toEqual([
      'corrupt.jsonl.gz',
      'truncated.jsonl.gz',
      'notgzip.txt.gz',
    ]);
    expect(rj.every((r) => ['gzip-corrupt', 'json-invalid', 'record-invalid'].includes(r.code))).toBe(true);
    expect(rj.find((r) => r.origin.endsWith('truncated.jsonl.gz'))!.reason).toMatch(/after line \d+/);
    const ids = items(evs).map((i) => i.sourceId);
    expect(ids[ids.length - 1]).toBe('after');
    expect(ids.length).toBeGreaterThan(1); // lines before the damage were read
    expect(ids.length).toBeLessThan(401);
  });
});

describe('line splitter', () => {
  it('property: any chunking gives the same lines as splitting the whole', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 200 }),
        fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 30 }),
        async (s, cuts) => {
          const buf = Buffer.from(s, 'utf8');
          const chunks: Buffer[] = [];
          let at = 0;
          for (let i = 0; at < buf.length; i++) {
            const n = cuts[i % cuts.length];
            chunks.push(buf.subarray(at, at + n));
            at += n;
          }
          async function* gen() {
            yield* chunks;
          }
          const got: string[] = [];
          for await (const ev of splitLines(gen(), 1 << 20)) if ('line' in ev) got.push(ev.line.toString('utf8'));
          const want = s.split('\n').map((l) => l.replace(/\r$/, ''));
          if (want.length && want[want.length - 1] === '') want.pop();
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a line over the limit and goes on with the next', async () => {
    async function* gen() {
      yield Buffer.from('short\n' + 'x'.repeat(50));
      yield Buffer.from('y'.repeat(50) + '\nnext\n');
    }
    const out = [];
    for await (const ev of splitLines(gen(), 64))
      out.push('line' in ev ? ev.line.toString() : `too long ${ev.tooLong}`);
    expect(out).toEqual(['short', 'too long 100', 'next']);
  });
});

describe('feeds', () => {
  const rss = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>أخبار</title>
<item><title>خبر &amp; عنوان</title><link>/news/1</link><guid isPermaLink="false">n-1</guid><pubDate>Sun, 18 Feb 2018 21:35:43 +0400</pubDate>
<description><![CDATA[<p>مقدمة قصيرة</p>]]></description><content:encoded><![CDATA[<p>${STORY_A.body}</p>]]></content:encoded></item>
<item><title>بلا محتوى</title><link>http://127.0.0.1:9/2</link><pubDate>Mon, 19 Feb 2018 08:00:00 GMT</pubDate></item>
</channel></rss>`;

  it('parses RSS 2.0 items with content, dates and links', () => {
    const f = parseFeed(rss);
    expect(f.format).toBe('rss');
    expect(f.items).toHaveLength(2);
    expect(f.items[0]).toMatchObject({
      id: 'n-1',
      link: '/news/1',
      title: 'خبر & عنوان',
      published: '2018-02-18T21:35:43+04:00',
    });
    expect(f.items[0].contentHtml).toContain('فيصل بن فرحان');
    expect(f.items[1]).toMatchObject({
      id: 'http://127.0.0.1:9/2',
      published: '2018-02-19T08:00:00Z',
      contentHtml: null,
    });
  });

  it('parses Atom and RSS 1.0', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>عنوان</title><link rel="alternate" href="https://x.org/a"/><id>tag:x,1</id><updated>2020-01-02T03:04:05Z</updated><content type="html">&lt;p&gt;نص&lt;/p&gt;</content></entry></feed>`;
    expect(parseFeed(atom).items[0]).toMatchObject({
      id: 'tag:x,1',
      link: 'https://x.org/a',
      published: '2020-01-02T03:04:05Z',
      contentHtml: '<p>نص</p>',
    });
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="x"><title>T</title></channel><item rdf:about="https://x.org/b"><title>ب</title><link>https://x.org/b</link><dc:date>2020-02-02</dc:date></item></rdf:RDF>`;
    expect(parseFeed(rdf)).toMatchObject({
      format: 'rdf',
      items: [{ link: 'https://x.org/b', published: '2020-02-02' }],
    });
  });

  it('refuses a document that is not a feed, and tells feeds from pages', () => {
    expect(() => parseFeed('<html><body>x</body></html>')).toThrow(/not an RSS or Atom feed/);
    expect(looksLikeFeed(rss)).toBe(true);
    expect(looksLikeFeed('<!doctype html><html></html>')).toBe(false);
    expect(feedDate('garbage')).toBeNull();
  });

  it('ingests a local feed file from the items’ own content', async () => {
    writeFileSync(join(dir, 'local.rss'), rss);
    const evs = await readAll([join(dir, 'local.rss')]);
    const its = items(evs);
    expect(its).toHaveLength(1); // the second item has a link only, to a closed port: a fetch failure
    expect(its[0].record.html).toContain('فيصل بن فرحان');
    expect(its[0].record.published).toBe('2018-02-18T21:35:43+04:00');
    expect(rejects(evs)[0].code).toBe('fetch-failed');
  });
});

describe('charset of HTTP answers', () => {
  const arabic = 'قال الوزير إن المحادثات مستمرة';
  const utf8 = Buffer.from(`<html><body><p>${arabic}</p></body></html>`, 'utf8');
  const cp1256 = (() => {
    // windows-1256 bytes of the same page, built from the decoder's table
    const table = new Map<string, number>();
    const dec = new TextDecoder('windows-1256');
    for (let b = 0; b < 256; b++) table.set(dec.decode(Uint8Array.of(b)), b);
    return Buffer.from([...`<html><body><p>${arabic}</p></body></html>`].map((ch) => table.get(ch)!));
  })();

  it('reads UTF-8 bytes served as windows-1256 or ISO-8859-1 as UTF-8, with a warning', () => {
    for (const ct of ['text/html; charset=windows-1256', 'application/rss+xml; charset=ISO-8859-1']) {
      const d = decodeHttpBody(utf8, ct);
      expect(d.text).toContain(arabic);
      expect(d.warnings?.[0]).toMatch(/bytes are UTF-8/);
    }
  });
  it('reads windows-1256 bytes served as UTF-8 or Latin-1 by guessing the Arabic charset', () => {
    for (const ct of ['text/html; charset=utf-8', 'text/html; charset=iso-8859-1']) {
      const d = decodeHttpBody(cp1256, ct);
      expect(d.text).toContain(arabic);
      expect(d.charset).toBe('windows-1256');
      expect(d.warnings?.length).toBeGreaterThan(0);
    }
  });
  it('trusts a header that agrees with the bytes', () => {
    expect(decodeHttpBody(cp1256, 'text/html; charset=windows-1256')).toMatchObject({ charset: 'windows-1256' });
    expect(decodeHttpBody(utf8, 'text/html; charset=utf-8')).toEqual({ text: utf8.toString('utf8'), charset: 'utf-8' });
  });
});
