// Browser tests of the web interface: Debian's Chromium driven by playwright-core against a real
// server (in-memory SQLite store with the sample article and a hostile page). Screenshots go to
// artifacts/screenshots/ (gitignored) for a human to look at.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/node.js';
import { seededStore } from '../server/fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '../..');
const WEB_ROOT = path.join(ROOT, 'dist/web');
const SHOTS = path.join(ROOT, 'artifacts/screenshots');
const API_KEY = 'browser-test-key';

// Text a hostile page puts in its title and body: if any of it ran, window.__xss would be set.
const HOSTILE_TITLE = '<script>window.__xss = "title"</script> عنوان <img src=x onerror="window.__xss=\'img\'">';
const HOSTILE_TEXT = [
  HOSTILE_TITLE,
  'قال الرئيس الروسي فلاديمير بوتين إن <script>window.__xss = "body"</script> روسيا مستعدة للحوار مع كازاخستان <svg onload="window.__xss=\'svg\'">.',
  'وأضاف أن العلاقات بين البلدين «<b onmouseover="window.__xss=1">جيدة</b>» وفق ما نقلت <a href="javascript:window.__xss=2">الوكالة</a>.',
].join('\n\n');
const HOSTILE_HTML =
  '<html><head><title>&lt;script&gt;window.__xss="html-title"&lt;/script&gt; صفحة معادية</title></head><body><article>' +
  '<h1>&lt;script&gt;window.__xss="h1"&lt;/script&gt; صفحة معادية</h1>' +
  '<p>قال المتحدث باسم الكرملين ديمتري بيسكوف إن &lt;img src=x onerror=window.__xss="p"&gt; موسكو ترحب بالحوار مع أستانا في الأسبوع المقبل، مؤكداً أهمية العلاقات.</p>' +
  '<p>وأضاف أن المحادثات ستتناول ملفات الطاقة والنقل بين البلدين الجارين خلال الزيارة المرتقبة.</p>' +
  '<script>window.__xss="real-script"</script></article></body></html>';

const skip = !existsSync(CHROMIUM);
if (skip)
  console.warn(
    `test/web: skipped: ${CHROMIUM} not found (install it with .ci/chromium.sh or apt-get install chromium)`,
  );

describe.skipIf(skip)('web interface in Chromium', () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let userDir: string;
  let seedId: string;
  const hostileIds: string[] = [];

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const go = (p: string) => page.goto(server.url + p, { waitUntil: 'domcontentloaded' });

  beforeAll(async () => {
    if (!existsSync(path.join(WEB_ROOT, 'index.html')))
      execFileSync(process.execPath, [path.join(ROOT, 'src/web/build.mjs')], { stdio: 'inherit' });
    mkdirSync(SHOTS, { recursive: true });
    const s = await seededStore();
    seedId = s.seedId;
    server = await startServer({ store: s.store, port: 0, apiKeys: [API_KEY], webRoot: WEB_ROOT, log: () => {} });
    for (const body of [
      { text: HOSTILE_TEXT, sourceId: 'hostile-text' },
      { html: HOSTILE_HTML, sourceId: 'hostile-html', url: undefined },
    ]) {
      const res = await fetch(`${server.url}/api/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(201);
      hostileIds.push(((await res.json()) as { id: string }).id);
    }
    // A stored article whose URL is a javascript: link (ingest takes URLs from corpora as given).
    const { analyze } = await import('../../src/analyze.js');
    const jsUrl = await s.store.putArticle({
      analysis: analyze({
        id: 'js-url',
        body: 'أعلنت وزارة الخارجية المصرية أن الوزير سيزور عمّان الأسبوع المقبل لبحث العلاقات الثنائية.',
        title: 'خبر برابط خبيث',
      }),
      url: 'javascript:window.__xss="url"',
      sourceId: 'js-url',
    });
    hostileIds.push(jsUrl.id);
    userDir = mkdtempSync(path.join(tmpdir(), 'rasd-chromium-'));
    context = await chromium.launchPersistentContext(userDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => {
      throw e;
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    if (userDir) rmSync(userDir, { recursive: true, force: true });
  });

  test('search finds the sample article, with highlighted snippet and facets', async () => {
    await go('/search?q=' + encodeURIComponent('بوتين'));
    const hit = page.locator('.hit').first();
    await hit.waitFor();
    expect(await hit.locator('h2 a').textContent()).toContain('روسيا وكازاخستان');
    expect(await hit.locator('.snippet mark').first().textContent()).toBe('بوتين');
    expect(await page.locator('.facets .facet').count()).toBeGreaterThan(0);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await shot('search');
  });

  test('the sample article shows its entities, quotes, times and events highlighted', async () => {
    await go('/search?q=' + encodeURIComponent('بوتين'));
    await page.locator('.hit h2 a').first().click();
    await page.locator('#doc-title').waitFor();
    expect(page.url()).toContain(`/article/${seedId}`);
    const putin = page.locator('.doc a.ent[data-entity="per:vladimir-putin"]');
    expect(await putin.count()).toBeGreaterThanOrEqual(5);
    expect(await putin.first().textContent()).toMatch(/بوتين/);
    expect(await page.locator('.doc [data-entity="iso:KZ"]').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('.doc .quote').count()).toBeGreaterThanOrEqual(10);
    expect(await page.locator('.doc .tx').count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('.doc .trg').count()).toBeGreaterThanOrEqual(5);
    const facts = (await page.locator('.facts .fact-text').allTextContents()).join('\n');
    expect(facts).toMatch(/2022-11-28 CONSULT: .*(Putin|Tokayev).* met .*(Putin|Tokayev).* in Moscow/);
    // Turning a layer off removes its highlight (class on the article).
    await page.getByRole('checkbox', { name: 'الكيانات' }).uncheck();
    expect(await page.locator('.doc.hide-ent').count()).toBe(1);
    await page.getByRole('checkbox', { name: 'الكيانات' }).check();
    await page.locator('.related h2').first().waitFor();
    await shot('article');
  });

  test("Putin's page: mentions chart, co-occurring entities, quotes and events", async () => {
    await go(`/article/${seedId}`);
    await page.locator('.doc a.ent[data-entity="per:vladimir-putin"]').first().click();
    await page.locator('h1', { hasText: 'فلاديمير بوتين' }).waitFor();
    expect(decodeURIComponent(page.url())).toContain('/entity/per:vladimir-putin');
    await page.locator('.chart canvas').first().waitFor();
    const cooc = await page.locator('#cooc-title + ul li').allTextContents();
    expect(cooc.join(' ')).toContain('كازاخستان');
    expect(await page.locator('.events .event').count()).toBeGreaterThan(0);
    await shot('entity-putin');
  });

  test('the Russia ↔ Kazakhstan timeline shows cooperation and conflict with the events behind them', async () => {
    await go('/pair/iso%3ARU/iso%3AKZ');
    await page.locator('.chart canvas').first().waitFor();
    const events = page.locator('.events .event');
    expect(await events.count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.events .event-conflict').count()).toBeGreaterThan(0);
    expect(await page.locator('.events .event:not(.event-conflict)').count()).toBeGreaterThan(0);
    expect((await events.allTextContents()).join('\n')).toMatch(/REJECT: Kazakhstan/);
    // Choosing a period lists only its events.
    await page.locator('details summary').first().click();
    await page.locator('table button').first().click();
    const june = await page.locator('.events .event').allTextContents();
    expect(june.length).toBeGreaterThan(0);
    expect(june.every((t) => t.includes('2022-06'))).toBe(true);
    await shot('pair-ru-kz');
  });

  test('analyse: pasted text is analysed at once, not stored', async () => {
    await go('/analyze');
    await page
      .getByLabel('نص المقال')
      .fill('قال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار مع أنقرة، الأسبوع المقبل.');
    await page.getByRole('button', { name: 'حلِّل' }).click();
    await page.locator('.analysis-result .doc .ent').first().waitFor();
    expect(
      await page
        .locator('.analysis-result .doc [data-entity="gn:524901"], .analysis-result .doc [data-entity="iso:RU"]')
        .count(),
    ).toBeGreaterThan(0);
    expect(await page.locator('.analysis-result .status').textContent()).toContain('لم يُحفظ');
    await shot('analyze');
  });

  test('a hostile page with script tags in its title and body is shown as text, and nothing runs', async () => {
    for (const [i, id] of hostileIds.entries()) {
      await go(`/article/${id}`);
      await page.locator('#doc-title').waitFor();
      await page
        .locator('.doc a')
        .first()
        .hover()
        .catch(() => {});
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
      expect(await page.locator('.doc script, .doc img, .doc svg, .doc b').count()).toBe(0);
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
      if (i === 2) continue; // the javascript: URL article: its link was neutralised
      const title = await page.locator('#doc-title').textContent();
      expect(title).toContain('<script>');
      expect(await page.locator('.doc').textContent()).toMatch(/<script>|<img/);
      await shot(`hostile-${i}`);
    }
    // The search snippets of the same pages are text too.
    await go('/search?q=' + encodeURIComponent('script'));
    await page.locator('.results .total').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.locator('.results script, .results img').count()).toBe(0);
  });

  test('English interface labels; the article stays right-to-left Arabic', async () => {
    await go(`/article/${seedId}`);
    await page.locator('#doc-title').waitFor();
    await page.locator('.lang-switch').click();
    await page.locator('.site-header nav a', { hasText: 'Search' }).waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await page.getAttribute('.doc', 'dir')).toBe('rtl');
    expect(await page.locator('#panel-facts').textContent()).toBe('Facts');
    await shot('article-en');
    await page.locator('.lang-switch').click();
    await page.locator('.site-header nav a', { hasText: 'البحث' }).waitFor();
  });

  test('phone width (375 px): no horizontal scrolling, panel below the article', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    try {
      for (const p of [
        `/article/${seedId}`,
        '/pair/iso%3ARU/iso%3AKZ',
        '/search?q=' + encodeURIComponent('كازاخستان'),
      ]) {
        await go(p);
        await page.locator('main h1, main .hit, #doc-title').first().waitFor();
        await page.waitForTimeout(200);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `horizontal overflow on ${p}`).toBeLessThanOrEqual(1);
      }
      await go(`/article/${seedId}`);
      await page.locator('#doc-title').waitFor();
      await shot('article-phone');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  test('keyboard: the skip link leads to the main content', async () => {
    await go('/analyze');
    await page.locator('h1').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('header.site-header nav').count()).toBe(1);
  });
});
