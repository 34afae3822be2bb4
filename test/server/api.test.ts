// The HTTP API in-process (app.request): validation, limits, auth, OpenAPI, the read routes.
import { beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { ROUTE_DOCS } from '../../src/server/openapi.js';
import { fixture, postJson, type Fixture } from './fixtures.js';

let f: Fixture;
beforeAll(async () => {
  f = await fixture();
});

async function errorOf(
  res: Response,
): Promise<{ code: string; message: string; details?: Array<{ path: string; message: string }> }> {
  return (
    (await res.json()) as {
      error: { code: string; message: string; details?: Array<{ path: string; message: string }> };
    }
  ).error;
}

describe('OpenAPI', () => {
  test('is served and documents every API route the app has, and only those', async () => {
    const res = await f.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    const served = [
      ...new Set(
        f.app.routes
          .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
          .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
      ),
    ].sort();
    expect(served).toEqual(documented);
    expect(ROUTE_DOCS.length).toBe(documented.length);
  });

  test('declares the API key for writes and the schemas of bodies and queries', async () => {
    const doc = (await (await f.app.request('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<string, { security?: unknown; requestBody?: unknown; parameters?: Array<{ name: string }> }>
      >;
    };
    expect(doc.paths['/api/articles'].post.security).toEqual([{ apiKey: [] }]);
    expect(doc.paths['/api/analyze'].post.requestBody).toBeTruthy();
    expect(doc.paths['/api/search'].get.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['q', 'entity', 'outlet', 'topic', 'from', 'to', 'limit', 'offset']),
    );
  });
});

describe('request validation', () => {
  const badQueries: Array<[string, string, string]> = [
    ['a limit below 1', '/api/search?q=x&limit=0', '/limit'],
    ['a limit that is not a number', '/api/search?q=x&limit=ten', '/limit'],
    ['a limit above the maximum', '/api/search?q=x&limit=100000', '/limit'],
    ['a date that is not a date', '/api/search?q=x&from=yesterday', '/from'],
    ['an unknown parameter', '/api/search?q=x&sort=date', '/sort'],
    ['an entity filter that is not an id', '/api/search?entity=Putin', '/entity/0'],
    ['a query longer than 500 characters', `/api/search?q=${'ب'.repeat(501)}`, '/q'],
    ['an unknown event type', '/api/events?type=HUG', '/type/0'],
    ['a negative offset', '/api/search?q=x&offset=-1', '/offset'],
    ['an export format that does not exist', '/api/export?format=xml', '/format'],
    ['a quotes limit of zero', '/api/quotes?speaker=x&limit=0', '/limit'],
  ];
  test.each(badQueries)('400 for %s', async (_name, url, path) => {
    const res = await f.app.request(url);
    expect(res.status).toBe(400);
    const err = await errorOf(res);
    expect(err.code).toBe('invalid_request');
    expect(err.details!.map((d) => d.path)).toContain(path);
    expect(err.message.length).toBeGreaterThan(10);
  });

  test('400 for a path id of the wrong form', async () => {
    const res = await f.app.request('/api/entities/Putin');
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details![0].path).toBe('/id');
    expect((await f.app.request('/api/pairs/iso:RU/iso:RU')).status).toBe(400);
  });

  const badBodies: Array<[string, unknown, string]> = [
    ['no document', {}, ''],
    ['two documents', { text: 'نص', html: '<p>نص</p>' }, ''],
    ['a text that is not a string', { text: 5 }, '/text'],
    ['an empty text', { text: '' }, '/text'],
    ['an unknown field', { text: 'نص', colour: 'red' }, '/colour'],
    ['a URL that is not http(s)', { url: 'file:///etc/passwd' }, '/url'],
    ['a published date of the wrong form', { text: 'نص', published: '28/11/2022' }, '/published'],
    ['an array body', [1, 2], ''],
  ];
  test.each(badBodies)('400 for a body with %s', async (_name, body, path) => {
    const res = await postJson(f.app, '/api/analyze', body);
    expect(res.status).toBe(400);
    const err = await errorOf(res);
    expect(err.code).toBe('invalid_request');
    expect(err.details!.map((d) => d.path)).toContain(path);
  });

  test('400 for a body that is not JSON, 415 for a body that is not declared as JSON', async () => {
    const bad = await f.app.request('/api/analyze', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text": ',
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).code).toBe('invalid_json');
    const plain = await f.app.request('/api/analyze', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'نص',
    });
    expect(plain.status).toBe(415);
  });

  test('404 with a JSON error for unknown articles, entities and routes', async () => {
    expect((await f.app.request('/api/articles/0000000000000000')).status).toBe(404);
    expect((await f.app.request('/api/entities/per:nobody-at-all')).status).toBe(404);
    const res = await f.app.request('/api/nothing');
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found');
  });
});

describe('body size limit', () => {
  test('413 with a clear message when the body is larger than the limit (declared length)', async () => {
    const app = createApp({ store: f.store, webRoot: null, log: () => {}, maxBodyBytes: 1000 });
    const res = await postJson(app, '/api/analyze', { text: 'ك'.repeat(2000) });
    expect(res.status).toBe(413);
    const err = await errorOf(res);
    expect(err.code).toBe('payload_too_large');
    expect(err.message).toContain('1000 bytes');
  });

  test('413 for a streamed body without a declared length', async () => {
    const app = createApp({ store: f.store, webRoot: null, log: () => {}, maxBodyBytes: 1000 });
    const chunk = new TextEncoder().encode(JSON.stringify({ text: 'ك'.repeat(3000) }));
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(chunk);
        c.close();
      },
    });
    const res = await app.request('/api/analyze', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  test('a body under the limit is analysed', async () => {
    const res = await postJson(f.app, '/api/analyze', {
      body: 'قال الرئيس الروسي فلاديمير بوتين إن روسيا مستعدة للحوار.',
    });
    expect(res.status).toBe(200);
    const out = (await res.json()) as { stored: boolean; analysis: { entities: Array<{ id: string }> } };
    expect(out.stored).toBe(false);
    expect(out.analysis.entities.map((e) => e.id)).toContain('per:vladimir-putin');
  });
});

describe('API keys on writes', () => {
  const doc = {
    body: 'أعلنت وزارة الخارجية المصرية أن الوزير سيزور الرياض الأسبوع المقبل لبحث العلاقات الثنائية.',
    published: '2023-03-01',
    sourceId: 'test-auth',
    outlet: 'test',
  };

  test('401 without a key, 401 with a wrong key', async () => {
    const none = await postJson(f.app, '/api/articles', doc);
    expect(none.status).toBe(401);
    expect((await errorOf(none)).message).toContain('x-api-key');
    const wrong = await postJson(f.app, '/api/articles', doc, { 'x-api-key': 'nope' });
    expect(wrong.status).toBe(401);
  });

  test('403 when the server has no key at all (writes disabled)', async () => {
    const app = createApp({ store: f.store, webRoot: null, log: () => {} });
    const res = await postJson(app, '/api/articles', doc, { 'x-api-key': 'test-key' });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toContain('RASD_API_KEYS');
  });

  test('201 with the key, then 200 and the same id for the same content (idempotent); readable afterwards', async () => {
    const before = await f.store.count();
    const first = await postJson(f.app, '/api/articles', doc, { 'x-api-key': 'test-key' });
    expect(first.status).toBe(201);
    const { id, created } = (await first.json()) as { id: string; created: boolean };
    expect(created).toBe(true);
    const again = await postJson(f.app, '/api/articles', doc, { 'x-api-key': 'test-key' });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(id);
    expect(await f.store.count()).toBe(before + 1);
    const read = await f.app.request(`/api/articles/${id}`);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { article: { outlet: string } }).article.outlet).toBe('test');
  });

  test('validation runs only after the key check (no schema leak to anonymous writers)', async () => {
    const res = await postJson(f.app, '/api/articles', { nonsense: true });
    expect(res.status).toBe(401);
  });
});

describe('read routes over the sample article', () => {
  test('the article with its layout blocks and English facts', async () => {
    const res = await f.app.request(`/api/articles/${f.seedId}`);
    expect(res.status).toBe(200);
    const a = (await res.json()) as {
      article: { id: string };
      analysis: { text: string; entities: Array<{ mentions: Array<{ start: number; end: number; text: string }> }> };
      blocks: unknown[];
      facts: Array<{ en: string }>;
    };
    expect(a.article.id).toBe(f.seedId);
    for (const e of a.analysis.entities)
      for (const m of e.mentions) expect(a.analysis.text.slice(m.start, m.end)).toBe(m.text);
    expect(a.blocks.length).toBeGreaterThan(5);
    expect(a.facts.map((x) => x.en)).toContain(
      '2022-11-28 CONSULT: Vladimir Putin met Kassym-Jomart Tokayev in Moscow',
    );
  });

  test('the article by its source id too', async () => {
    const res = await f.app.request(`/api/articles/${encodeURIComponent('examples/seed-article.txt')}`);
    expect(res.status).toBe(200);
  });

  test('search: hits with «[[…]]» snippets and facets; an English name finds the Arabic article', async () => {
    const res = await f.app.request(`/api/search?q=${encodeURIComponent('بوتين')}`);
    const r = (await res.json()) as {
      total: number;
      hits: Array<{ snippet: string }>;
      facets: { entity: Array<{ value: string }> };
    };
    expect(r.total).toBe(1);
    expect(r.hits[0].snippet).toContain('[[بوتين]]');
    expect(r.facets.entity.map((x) => x.value)).toContain('iso:KZ');
    const en = (await (await f.app.request('/api/search?q=Putin')).json()) as { total: number };
    expect(en.total).toBe(1);
    const filtered = (await (
      await f.app.request('/api/search?entity=per:vladimir-putin&entity=iso:KZ&from=2022-11&to=2022')
    ).json()) as { total: number };
    expect(filtered.total).toBe(1);
    const outside = (await (await f.app.request('/api/search?entity=per:vladimir-putin&from=2023-01-01')).json()) as {
      total: number;
    };
    expect(outside.total).toBe(0);
  });

  test("entity: Putin's KB details, timeline, co-occurring entities, quotes and events", async () => {
    const res = await f.app.request('/api/entities/per:vladimir-putin');
    expect(res.status).toBe(200);
    const e = (await res.json()) as {
      entity: { name: { en: string } };
      kb: { offices: unknown[] };
      timeline: { points: Array<{ period: string; count: number }> };
      cooccurring: Array<{ value: string }>;
      events: Array<{ en: string }>;
    };
    expect(e.entity.name.en).toBe('Vladimir Putin');
    expect(e.kb.offices.length).toBeGreaterThan(0);
    expect(e.timeline.points).toEqual([{ period: '2022-11', count: 1 }]);
    expect(e.cooccurring.map((c) => c.value)).toEqual(expect.arrayContaining(['iso:KZ', 'iso:RU']));
    expect(e.cooccurring.map((c) => c.value)).not.toContain('per:vladimir-putin');
    expect(e.events.length).toBeGreaterThan(0);
  });

  test('pair: Russia ↔ Kazakhstan, both directions, a conflict period and a cooperation period', async () => {
    const res = await f.app.request('/api/pairs/iso:RU/iso:KZ');
    const p = (await res.json()) as {
      events: Array<{ direction: string; goldstein: number | null }>;
      series: Array<{ period: string; mean: number | null; events: number[] }>;
    };
    expect(new Set(p.events.map((e) => e.direction))).toEqual(new Set(['ab', 'ba']));
    expect(p.series.some((s) => (s.mean ?? 0) < 0)).toBe(true);
    expect(p.series.some((s) => (s.mean ?? 0) > 0)).toBe(true);
    expect(p.series.flatMap((s) => s.events).sort((a, b) => a - b)).toEqual(p.events.map((_e, i) => i));
    const periods = p.series.map((s) => s.period);
    expect([...periods].sort()).toEqual(periods);
  });

  test('quotes and events by name or id', async () => {
    const q = (await (await f.app.request(`/api/quotes?speaker=${encodeURIComponent('توكاييف')}`)).json()) as {
      quotes: unknown[];
    };
    expect(q.quotes.length).toBeGreaterThan(5);
    const ev = (await (await f.app.request('/api/events?actor=iso:KZ&recipient=iso:RU&type=REJECT')).json()) as {
      events: Array<{ type: string; en: string }>;
    };
    expect(ev.events.length).toBeGreaterThan(0);
    expect(ev.events.every((e) => e.type === 'REJECT' && e.en.includes('REJECT'))).toBe(true);
  });

  test('related articles and duplicates', async () => {
    const res = await f.app.request(`/api/articles/${f.seedId}/related?limit=3`);
    expect(res.status).toBe(200);
    const r = (await res.json()) as { related: unknown[]; duplicates: unknown[] };
    expect(Array.isArray(r.related)).toBe(true);
    expect(Array.isArray(r.duplicates)).toBe(true);
  });

  test('duplicates: the other members of the group, found through the shared title', async () => {
    const { analyze } = await import('../../src/analyze.js');
    const title = 'مصر والأردن تبحثان التعاون في مجال الطاقة';
    const body =
      'بحث وزيرا الخارجية المصري والأردني في عمّان سبل تعزيز التعاون في مجال الطاقة والربط الكهربائي بين البلدين.';
    const a = await f.store.putArticle({
      analysis: analyze({ body, title, published: '2023-02-01' }),
      sourceId: 'dup-a',
      outlet: 'one',
    });
    const b = await f.store.putArticle({
      analysis: analyze({ body: body + ' وأكدا أهمية المشروع.', title, published: '2023-02-01' }),
      sourceId: 'dup-b',
      outlet: 'two',
    });
    await f.store.linkDuplicate(b.id, a.id, 0.93);
    const fromA = (await (await f.app.request(`/api/articles/${a.id}/related`)).json()) as {
      duplicates: Array<{ id: string }>;
    };
    expect(fromA.duplicates.map((d) => d.id)).toEqual([b.id]);
    const fromB = (await (await f.app.request(`/api/articles/${b.id}/related`)).json()) as {
      duplicates: Array<{ id: string }>;
    };
    expect(fromB.duplicates.map((d) => d.id)).toEqual([a.id]);
  });

  test('export: the contract as JSONL, events as CSV with a header', async () => {
    const jsonl = await (await f.app.request('/api/export?format=jsonl')).text();
    const lines = jsonl
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; entities: unknown[]; store: { id: string } });
    expect(lines.some((l) => l.store.id === f.seedId && l.entities.length > 10)).toBe(true);
    const csv = await (await f.app.request('/api/export?format=events-csv')).text();
    expect(csv.split('\n')[0]).toMatch(/^GLOBALEVENTID,SQLDATE,/);
    expect(csv.split('\n').length).toBeGreaterThan(3);
  });
});

describe('logs', () => {
  test('one structured entry per request, with method, path, status and duration', async () => {
    const app = createApp({ store: f.store, webRoot: null, log: (e) => seen.push(e) });
    const seen: Array<Record<string, unknown>> = [];
    await app.request('/api/health');
    await app.request('/api/search?limit=0');
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({ level: 'info', msg: 'request', method: 'GET', path: '/api/health', status: 200 });
    expect(seen[1]).toMatchObject({ status: 400 });
    expect(typeof seen[0].ms).toBe('number');
    expect(typeof seen[0].requestId).toBe('string');
    expect(() => JSON.stringify(seen)).not.toThrow();
  });
});

describe('the web interface host', () => {
  test('without a built interface: 503 with what to run; API unaffected', async () => {
    const app = createApp({ store: f.store, webRoot: '/nonexistent', log: () => {} });
    const res = await app.request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
    expect((await app.request('/api/health')).status).toBe(200);
  });
});
