// No SSRF: the analyse-by-URL route refuses private, loopback, link-local and other non-public
// addresses, also behind hostnames and redirects, unless the server allows them explicitly.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createApp } from '../../src/server/app.js';
import { addressRefusal, isPublicAddress, parseIPv6 } from '../../src/server/ip.js';
import { fetchPage, UrlRefusedError } from '../../src/server/fetch-url.js';
import { fixture, postJson, type Fixture } from './fixtures.js';

const PAGE =
  '<html><head><meta charset="utf-8"><title>زيارة رسمية</title></head><body><article><h1>زيارة رسمية</h1>' +
  '<p>استقبل الرئيس الروسي فلاديمير بوتين نظيره الكازاخستاني قاسم جومارت توكاييف في موسكو يوم الاثنين لبحث العلاقات بين البلدين.</p>' +
  '<p>وقال توكاييف إن بلاده تريد تعزيز التعاون الاقتصادي مع روسيا في مجالات الطاقة والنقل.</p></article></body></html>';

let f: Fixture;
let local: http.Server;
let port: number;

beforeAll(async () => {
  f = await fixture();
  local = http.createServer((req, res) => {
    if (req.url === '/redirect-private') {
      res.writeHead(302, { location: `http://127.0.0.2:${port}/page` });
      return res.end();
    }
    if (req.url === '/redirect-metadata') {
      res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' });
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  await new Promise<void>((r) => local.listen(0, '127.0.0.1', () => r()));
  port = (local.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((r) => local.close(() => r())));

async function analyzeUrl(
  app: Fixture['app'],
  url: string,
): Promise<{ status: number; code: string; message: string }> {
  const res = await postJson(app, '/api/analyze', { url });
  const body = (await res.json()) as { error?: { code: string; message: string } };
  return { status: res.status, code: body.error?.code ?? 'ok', message: body.error?.message ?? '' };
}

describe('POST /api/analyze {url} refuses non-public addresses', () => {
  const refused: Array<[string, () => string]> = [
    ['loopback 127.0.0.1 (the server itself)', () => `http://127.0.0.1:${port}/`],
    ['loopback in another spelling (0x7f000001)', () => `http://0x7f000001:${port}/`],
    ['private 10.x', () => 'http://10.0.0.1/'],
    ['private 192.168.x', () => 'http://192.168.1.1/admin'],
    ['private 172.16.x', () => 'http://172.16.5.4/'],
    ['link-local 169.254.x (cloud metadata)', () => 'http://169.254.169.254/latest/meta-data/'],
    ['IPv6 loopback ::1', () => `http://[::1]:${port}/`],
    ['IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${port}/`],
    ['IPv6 unique-local fd00::', () => 'http://[fd00::1]/'],
    ['the unspecified address 0.0.0.0', () => `http://0.0.0.0:${port}/`],
    ['a hostname resolving to loopback (localhost)', () => `http://localhost:${port}/`],
  ];
  test.each(refused)('%s', async (_name, url) => {
    const r = await analyzeUrl(f.app, url());
    expect(r.status).toBe(400);
    expect(r.code).toBe('url_refused');
    expect(r.message).toMatch(/--allow-private-urls/);
  });

  test('a redirect from an allowed address to a private one is refused at the hop', async () => {
    // Policy for this test only: 127.0.0.1 counts as public, everything else as usual.
    const refuse = (a: string) => (a === '127.0.0.1' ? null : addressRefusal(a));
    const app = createApp({ store: f.store, webRoot: null, log: () => {}, fetch: { refuse } });
    expect((await analyzeUrl(app, `http://127.0.0.1:${port}/page`)).status).toBe(200);
    const r = await analyzeUrl(app, `http://127.0.0.1:${port}/redirect-private`);
    expect(r.code).toBe('url_refused');
    expect(r.message).toContain('127.0.0.2');
    expect((await analyzeUrl(app, `http://127.0.0.1:${port}/redirect-metadata`)).code).toBe('url_refused');
  });

  test('a hostname with one private address among public ones is refused', async () => {
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.1.2.3', family: 4 },
    ];
    await expect(fetchPage('http://mixed.example/', { resolve })).rejects.toBeInstanceOf(UrlRefusedError);
    const resolve6 = async () => [{ address: 'fe80::1', family: 6 }];
    await expect(fetchPage('http://v6.example/', { resolve: resolve6 })).rejects.toThrow(/link-local/);
  });

  test('with --allow-private-urls the same local page is fetched and analysed', async () => {
    const app = createApp({ store: f.store, webRoot: null, log: () => {}, allowPrivateUrls: true });
    const res = await postJson(app, '/api/analyze', { url: `http://127.0.0.1:${port}/page` });
    expect(res.status).toBe(200);
    const out = (await res.json()) as {
      fetched: { url: string };
      analysis: { article: { title: string }; entities: Array<{ id: string }> };
    };
    expect(out.fetched.url).toBe(`http://127.0.0.1:${port}/page`);
    expect(out.analysis.article.title).toBe('زيارة رسمية');
    expect(out.analysis.entities.map((e) => e.id)).toContain('per:vladimir-putin');
  });

  test('502 with a clear message when an allowed fetch fails', async () => {
    const app = createApp({ store: f.store, webRoot: null, log: () => {}, allowPrivateUrls: true });
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const r = await analyzeUrl(app, `http://127.0.0.1:${deadPort}/`);
    expect(r.status).toBe(502);
    expect(r.code).toBe('fetch_failed');
  });
});

describe('address classification', () => {
  const cases: Array<[string, boolean]> = [
    ['8.8.8.8', true],
    ['93.184.216.34', true],
    ['1.1.1.1', true],
    ['127.0.0.1', false],
    ['127.255.255.254', false],
    ['10.20.30.40', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['172.32.0.1', true],
    ['192.168.0.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['198.18.0.1', false],
    ['192.0.2.10', false],
    ['2a00:1450:4001:81b::200e', true],
    ['2606:4700:4700::1111', true],
    ['::1', false],
    ['::', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['::ffff:8.8.8.8', true],
    ['64:ff9b::10.0.0.1', false],
    ['64:ff9b::8.8.8.8', true],
    ['2002:7f00:1::1', false],
    ['2002:0808:0808::1', true],
    ['fc00::1', false],
    ['fd12:3456::1', false],
    ['fe80::1%eth0', false],
    ['ff02::1', false],
    ['2001:db8::1', false],
    ['2001:0:4136:e378::1', false],
    ['[::1]', false],
    ['not-an-ip', false],
    ['', false],
  ];
  test.each(cases)('%s → public %s', (ip, pub) => {
    expect(isPublicAddress(ip)).toBe(pub);
  });

  test('IPv6 parsing: eight groups for every valid form', () => {
    expect(parseIPv6('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
    expect(parseIPv6('2001:db8::1')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('1::')).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIPv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseIPv6('1:2:3')).toBeNull();
  });

  test('every IPv4 address in a private range is refused, also IPv4-mapped (property)', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(octet, octet, octet, (b, c, d) => {
        for (const ip of [
          `10.${b}.${c}.${d}`,
          `127.${b}.${c}.${d}`,
          `192.168.${c}.${d}`,
          `169.254.${c}.${d}`,
          `172.${16 + (b % 16)}.${c}.${d}`,
        ]) {
          expect(isPublicAddress(ip)).toBe(false);
          expect(isPublicAddress(`::ffff:${ip}`)).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(typeof isPublicAddress(s)).toBe('boolean');
      }),
    );
  });
});
