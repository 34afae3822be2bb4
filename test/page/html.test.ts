// The HTML front door: Readability on linkedom finds the content, the Arabic clean-up follows,
// metadata comes from JSON-LD, OpenGraph, <meta> and <time>; the two real Arabic pages of
// ../shared/data/extraction/arabic-news-mini come out with their title and body, without debris.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseInput } from '../../src/page/index.js';
import { normalizeDate, stripSiteName } from '../../src/page/metadata.js';

const para = (n: number) =>
  `<p>الفقرة رقم ${n} من نص الخبر تتحدث عن تطورات الأوضاع السياسية والاقتصادية في المنطقة خلال الأسبوع الماضي، وما قاله المسؤولون في تصريحاتهم للصحفيين.</p>`;

function page(opts: { head?: string; body: string; htmlAttrs?: string }): string {
  return `<!DOCTYPE html><html ${opts.htmlAttrs ?? 'lang="ar" dir="rtl"'}><head><meta charset="utf-8"><title>عنوان الصفحة - موقع الأخبار</title>${opts.head ?? ''}</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/s">سياسة</a></li><li><a href="/e">اقتصاد</a></li></ul></nav>
${opts.body}
<footer><p>جميع الحقوق محفوظة © 2024 موقع الأخبار</p></footer></body></html>`;
}

describe('HTML pages', () => {
  it('takes title, date, author and site from JSON-LD', () => {
    const head = `<script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'موقع الأخبار' },
        {
          '@type': 'NewsArticle',
          headline: 'البرلمان يقر الموازنة العامة الجديدة',
          datePublished: '2024-03-14T09:30:00+03:00',
          author: [{ '@type': 'Person', name: 'سارة أحمد' }],
          publisher: { '@type': 'Organization', name: 'موقع الأخبار' },
        },
      ],
    })}</script>`;
    const a = parseInput({
      html: page({
        head,
        body: `<article><h1>البرلمان يقر الموازنة العامة الجديدة</h1>${para(1)}${para(2)}${para(3)}</article>`,
      }),
    });
    expect(a.input).toBe('html');
    expect(a.article.title).toBe('البرلمان يقر الموازنة العامة الجديدة');
    expect(a.article.published).toBe('2024-03-14T09:30:00+03:00');
    expect(a.article.publishedSource).toBe('metadata');
    expect(a.article.byline).toBe('سارة أحمد');
    expect(a.article.siteName).toBe('موقع الأخبار');
    expect(a.article.language).toBe('ar');
    expect(a.article.paragraphs).toHaveLength(3);
    expect(a.article.subheadings).toEqual([]); // the <h1> repeats the title
    expect(a.blocks.every((b) => b.rawStart === null)).toBe(true);
  });

  it('falls back to OpenGraph and <meta> dates, and to <time datetime>', () => {
    const og = `<meta property="og:title" content="ارتفاع أسعار الذهب"><meta property="og:site_name" content="موقع الأخبار"><meta property="article:published_time" content="2023-05-02T08:00:00Z">`;
    expect(
      parseInput({ html: page({ head: og, body: `<article>${para(1)}${para(2)}</article>` }) }).article,
    ).toMatchObject({
      title: 'ارتفاع أسعار الذهب',
      published: '2023-05-02T08:00:00Z',
      publishedSource: 'metadata',
    });
    const parsely = `<meta name="parsely-pub-date" content="2021-01-09">`;
    expect(
      parseInput({ html: page({ head: parsely, body: `<article>${para(1)}${para(2)}</article>` }) }).article.published,
    ).toBe('2021-01-09');
    const time = `<article><time datetime="2020-06-30T12:00:00Z" pubdate>30 يونيو</time>${para(1)}${para(2)}</article>`;
    expect(parseInput({ html: page({ body: time }) }).article.published).toBe('2020-06-30T12:00:00Z');
  });

  it('turns headings into subheadings and figcaptions into captions with credit', () => {
    const body = `<article>${para(1)}<figure><img src="a.jpg"><figcaption>متظاهرون في ساحة التحرير - أ ف ب</figcaption></figure>${para(2)}<h2>ردود الفعل الدولية</h2>${para(3)}<p><strong>موقف الجامعة العربية</strong></p>${para(4)}</article>`;
    const a = parseInput({ html: page({ body }) });
    expect(a.article.subheadings).toEqual(['ردود الفعل الدولية', 'موقف الجامعة العربية']);
    expect(a.article.captions.map((c) => [c.text, c.credit])).toEqual([['متظاهرون في ساحة التحرير', 'AFP']]);
    expect(a.article.paragraphs).toHaveLength(4);
    expect(a.blocks.map((b) => b.kind)).toEqual([
      'title',
      'caption',
      'paragraph',
      'paragraph',
      'subheading',
      'paragraph',
      'subheading',
      'paragraph',
    ]);
    for (const c of a.article.captions) expect(a.text.slice(c.start, c.end)).toBe(c.text);
  });

  it('drops debris inside the content and reads a date line as the date', () => {
    const body = `<article><p>الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)</p>${para(1)}<p>اقرأ أيضا: <a href="/x">خبر آخر عن الموضوع</a></p>${para(2)}${para(3)}<p>الآراء الواردة أدناه لا تعبر عن رأي الموقع، بل تعكس وجهات نظر أصحابها فقط.</p></article>`;
    const a = parseInput({ html: page({ body }) });
    expect(a.article.published).toBe('2013-08-28');
    expect(a.article.publishedSource).toBe('text');
    expect(a.text).not.toMatch(/اقرأ أيضا|الآراء الواردة|آخر تحديث|محفوظة|الرئيسية/);
    expect(a.article.paragraphs).toHaveLength(3);
  });

  it('splits the dateline off the first paragraph', () => {
    const body = `<article><p>بيروت - أ ف ب - ${para(1).slice(3)}${para(2)}</article>`;
    const a = parseInput({ html: page({ body }) });
    expect(a.article.dateline).toMatchObject({ place: 'بيروت', agency: 'AFP' });
    expect(a.article.paragraphs[0].startsWith('الفقرة رقم 1')).toBe(true);
  });

  it('respects the declared language of a non-Arabic page and warns', () => {
    const en =
      '<p>The central bank raised its main interest rate by half a point on Thursday, citing persistent inflation in services.</p>';
    const a = parseInput({
      html: page({ htmlAttrs: 'lang="en-GB"', body: `<article>${en}${en.replace('Thursday', 'Friday')}</article>` }),
    });
    expect(a.article.language).toBe('en');
    expect(a.warnings.join(' ')).toMatch(/no Arabic text/);
  });

  it('takes an untagged right-to-left page with mixed scripts for Arabic', () => {
    const mixed =
      '<p>أعلنت شركة Apple عن iPhone 15 Pro Max و iPad Pro و MacBook Air في مؤتمر WWDC السنوي بحضور Tim Cook.</p>';
    const a = parseInput({
      html: page({ htmlAttrs: 'dir="rtl"', body: `<article>${mixed}${mixed.replace('السنوي', 'الأخير')}</article>` }),
    });
    expect(a.article.language).toBe('ar');
  });

  it('trusts the script over a wrong declared language', () => {
    const a = parseInput({ html: page({ htmlAttrs: 'lang="en"', body: `<article>${para(1)}${para(2)}</article>` }) });
    expect(a.article.language).toBe('ar');
  });

  it('copes with fragments, malformed markup and pages without a body', () => {
    expect(parseInput({ html: `<p>${'نص عربي قصير في فقرة واحدة. '.repeat(5)}</p>` }).article.paragraphs).toHaveLength(
      1,
    );
    const broken = parseInput({
      html: `<html><body><div><p>${'جملة عربية طويلة بما يكفي للقراءة. '.repeat(8)}<p>فقرة ثانية لم تغلق <b>عناصرها`,
    });
    expect(broken.article.paragraphs.length).toBeGreaterThan(0);
    const titled = parseInput({ html: '<html><head><title>عنوان فقط</title></head></html>' });
    expect(titled.article.title).toBe('عنوان فقط');
    expect(titled.warnings.join(' ')).toMatch(/no article paragraphs/);
    expect(() => parseInput({ html: '<html><head></head><body></body></html>' })).toThrow(/no readable text/);
    expect(() => parseInput({ html: '<<<>>><</>' })).toThrow(/no readable text/);
  });
});

describe('metadata helpers', () => {
  it.each([
    ['2022-11-28', '2022-11-28'],
    ['2022-11-28T10:00:00Z', '2022-11-28T10:00:00Z'],
    ['2022-11-28 10:00', '2022-11-28T10:00'],
    ['Mon, 28 Nov 2022 10:00:00 GMT', '2022-11-28'],
    ['20221128', '2022-11-28'],
    ['28 نوفمبر 2022', '2022-11-28'],
    ['2022-02-30', null],
    ['soon', null],
  ])('normalises the date «%s»', (s, iso) => {
    expect(normalizeDate(s)).toBe(iso);
  });
  it('strips the site name from a title', () => {
    expect(stripSiteName('البرلمان يقر الموازنة - موقع الأخبار', 'موقع الأخبار')).toBe('البرلمان يقر الموازنة');
    expect(stripSiteName('البرلمان يقر الموازنة - نهائياً', 'موقع الأخبار')).toBe('البرلمان يقر الموازنة - نهائياً');
  });
});

const MINI = resolve(__dirname, '../../../shared/data/extraction/arabic-news-mini');
const words = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.skipIf(!existsSync(MINI))(
  'arabic-news-mini (skipped: ../shared/data/extraction/arabic-news-mini is absent)',
  () => {
    it('CNN Arabic: title, dateline, the seven paragraphs, no comment policy or date stamp', () => {
      const dir = resolve(MINI, 'newspaper4k-cnnarabic');
      const html = readFileSync(resolve(dir, 'arabic_article.html'), 'utf8');
      const meta = JSON.parse(readFileSync(resolve(dir, 'arabic_article.metadata.json'), 'utf8'));
      const expected = readFileSync(resolve(dir, 'arabic_article.txt'), 'utf8')
        .split(/\n\s*\n/)
        .map(words);
      const a = parseInput({ html, url: meta.url });
      expect(a.article.title).toBe(meta.title);
      expect(a.article.language).toBe('ar');
      expect(a.article.dateline).toMatchObject({ place: 'دمشق', agency: 'CNN' });
      // the expected body keeps the dateline in its first paragraph; rasd gives it its own block
      const ours = a.article.paragraphs.map(words);
      expect(ours).toHaveLength(expected.length);
      expect(`${a.article.dateline?.raw} -- ${ours[0]}`).toBe(expected[0]);
      expect(ours.slice(1)).toEqual(expected.slice(1));
      expect(a.text).not.toMatch(/ترحب شبكة|الآراء الواردة|إرشادات الاستخدام|آخر تحديث|GMT/);
      expect(a.article.published).toBe('2013-08-28');
    });

    it('Assabah: title, the interview body, no comment form, weather or side news', () => {
      const dir = resolve(MINI, 'trafilatura-assabah');
      const html = readFileSync(resolve(dir, 'assabah.com.tn.article.html'), 'utf8');
      const entry = Object.values(JSON.parse(readFileSync(resolve(dir, 'evaldata-entry.json'), 'utf8')))[0] as {
        title: string;
        with: string[];
        without: string[];
      };
      const a = parseInput({ html });
      expect(words(a.article.title ?? '')).toBe(words(entry.title));
      const body = a.article.paragraphs.join('\n');
      for (const s of entry.with) expect(body).toContain(s);
      for (const s of entry.without) expect(a.text).not.toContain(s);
      expect(a.article.byline).toBe('آسيا العتروس');
      expect(a.text).not.toContain('حوار:');
      expect(a.article.paragraphs.length).toBeGreaterThan(10);
    });
  },
);
