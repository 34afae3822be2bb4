// The scraped-text front door: the seed page analyses perfectly, and the general rules (title,
// reading time, captions with credits, dateline, subheadings, debris) hold on other pages.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseInput } from '../../src/page/index.js';
import type { Analysis } from '../../src/analysis/types.js';

const SEED = readFileSync(resolve(__dirname, '../../examples/seed-article.txt'), 'utf8');

/** Every block's span is valid and its text is the raw input at rawStart. */
function expectTraceable(a: Analysis, raw: string): void {
  const parts = a.blocks.map((b) => a.text.slice(b.start, b.end));
  expect(parts.join('\n\n')).toBe(a.text);
  for (const b of a.blocks) {
    const t = a.text.slice(b.start, b.end);
    expect(t.length).toBeGreaterThan(0);
    expect(t).toBe(t.trim());
    if (b.rawStart !== null) expect(raw.slice(b.rawStart, b.rawStart + t.length)).toBe(t);
  }
  for (const c of a.article.captions) expect(a.text.slice(c.start, c.end)).toBe(c.text);
}

describe('scraped text: the seed page', () => {
  const a = parseInput({ id: 'seed', text: SEED });

  it('finds the title, reading time, caption with credit and dateline', () => {
    expect(a.article.title).toBe('روسيا وكازاخستان.. "شراكة استراتيجية" بعد خلاف بشأن أوكرانيا');
    expect(a.article.reading_minutes).toBe(4);
    expect(a.article.readingSource).toBe('stated');
    expect(a.article.captions).toHaveLength(1);
    expect(a.article.captions[0].text).toBe(
      'الرئيس الروسي فلاديمير بوتين يصافح نظيره الكازاخستاني قاسم توكاييف في موسكو، 28 نوفمبر 2022.',
    );
    expect(a.article.captions[0].credit).toBe('AFP');
    expect(a.article.dateline).toEqual({ place: 'موسكو', agency: 'AFP', raw: 'موسكو-أ ف ب' });
  });

  it('infers the publication date from the caption date and the weekday of the lead', () => {
    expect(a.article.published).toBe('2022-11-28');
    expect(a.article.publishedSource).toBe('text');
  });

  it('separates subheadings from paragraphs and drops the debris', () => {
    expect(a.article.subheadings).toEqual(['علاقاتنا بـ"طابع خاص"', 'رفض الاعتراف بـ"لوغانسك ودونيتسك"']);
    expect(a.article.paragraphs).toHaveLength(11);
    expect(a.article.paragraphs[0].startsWith('أظهر الرئيس الروسي')).toBe(true);
    for (const junk of ['time reading icon', 'دقائق القراءة', 'اقرأ أيضاً', 'تصنيفات'])
      expect(a.text).not.toContain(junk);
  });

  it('lays the text out as title, caption with credit, dateline, then the body', () => {
    expect(a.blocks.map((b) => b.kind).slice(0, 4)).toEqual(['title', 'caption', 'dateline', 'paragraph']);
    const caption = a.blocks[1];
    expect(a.text.slice(caption.start, caption.end).endsWith('2022. - AFP')).toBe(true);
    expect(a.blocks.filter((b) => b.kind === 'subheading')).toHaveLength(2);
    expectTraceable(a, SEED);
  });
});

const page = (lines: string[]) => lines.join('\n');

describe('scraped text: general rules', () => {
  it('splits a dateline off the first paragraph and keeps the rest as the paragraph', () => {
    const raw = page([
      'الحكومة المصرية تعلن خطة جديدة للطاقة',
      '',
      'القاهرة - رويترز - أعلنت الحكومة المصرية اليوم (الثلاثاء) خطة جديدة لتوسيع إنتاج الطاقة المتجددة.',
      '',
      'وقال وزير الكهرباء إن الخطة تشمل إنشاء محطات جديدة للطاقة الشمسية في الصعيد.',
    ]);
    const a = parseInput({ text: raw });
    expect(a.article.dateline).toMatchObject({ place: 'القاهرة', agency: 'Reuters' });
    expect(a.article.paragraphs[0]).toBe(
      'أعلنت الحكومة المصرية اليوم (الثلاثاء) خطة جديدة لتوسيع إنتاج الطاقة المتجددة.',
    );
    expect(a.blocks.map((b) => b.kind)).toEqual(['title', 'dateline', 'paragraph', 'paragraph']);
    expectTraceable(a, raw);
  });

  it('finds the dateline after a standfirst, alone or opening the lead', () => {
    const standfirst = 'الحكومة تقول إن الخطة ستوفر آلاف الوظائف خلال السنوات المقبلة.';
    const lead = 'أعلنت الحكومة المصرية اليوم خطة جديدة لتوسيع إنتاج الطاقة المتجددة في البلاد.';
    const alone = parseInput({ text: page(['عنوان الخبر عن الطاقة', standfirst, 'القاهرة - رويترز', '', lead]) });
    expect(alone.article.dateline).toMatchObject({ place: 'القاهرة', agency: 'Reuters' });
    expect(alone.article.paragraphs).toEqual([standfirst, lead]);
    const opening = parseInput({ text: page(['عنوان الخبر عن الطاقة', standfirst, '', `القاهرة (رويترز) - ${lead}`]) });
    expect(opening.article.dateline).toMatchObject({ place: 'القاهرة', agency: 'Reuters' });
    expect(opening.article.paragraphs).toEqual([standfirst, lead]);
  });

  it('reads Windows line endings like Unix ones', () => {
    const crlf = parseInput({ text: SEED.replace(/\n/g, '\r\n') });
    const lf = parseInput({ text: SEED });
    expect(crlf.text).toBe(lf.text);
    expectTraceable(crlf, SEED.replace(/\n/g, '\r\n'));
  });

  it('reads a bracketed agency alone as a dateline without place', () => {
    const a = parseInput({
      text: page([
        'عنوان الخبر عن الاقتصاد الألماني',
        '(د ب أ)',
        'تراجع الإنتاج الصناعي في ألمانيا خلال الشهر الماضي بنسبة كبيرة.',
      ]),
    });
    expect(a.article.dateline).toMatchObject({ place: null, agency: 'dpa' });
  });

  it('drops menus, share bars, related links and footers around the article', () => {
    const raw = page([
      'الرئيسية | أخبار | سياسة',
      'سياسة',
      'وزير الخارجية يزور بغداد لبحث العلاقات الثنائية',
      'مدة القراءة: 3 دقائق',
      'شارك',
      'فيسبوك تويتر واتساب',
      '',
      'وصل وزير الخارجية إلى بغداد صباح اليوم في زيارة رسمية تستغرق يومين يلتقي خلالها كبار المسؤولين.',
      '',
      'وأكد الوزير أن البلدين يعملان على توسيع التعاون الاقتصادي والتجاري بينهما.',
      '',
      'اقرأ أيضاً:',
      'الرئيس العراقي يستقبل وفداً أوروبياً',
      'ارتفاع أسعار النفط في الأسواق العالمية',
      '',
      'الوسوم: العراق، الخارجية',
      'جميع الحقوق محفوظة © 2024',
    ]);
    const a = parseInput({ text: raw });
    expect(a.article.title).toBe('وزير الخارجية يزور بغداد لبحث العلاقات الثنائية');
    expect(a.article.reading_minutes).toBe(3);
    expect(a.article.paragraphs).toHaveLength(2);
    expect(a.article.subheadings).toEqual([]);
    for (const junk of [
      'الرئيسية',
      'فيسبوك',
      'شارك',
      'اقرأ',
      'الرئيس العراقي يستقبل',
      'أسعار النفط',
      'الوسوم',
      'محفوظة',
    ])
      expect(a.text).not.toContain(junk);
    expectTraceable(a, raw);
  });

  it('keeps each distinct caption once, with its credit, in the caption layer', () => {
    const raw = page([
      'انتخابات برلمانية في العراق وسط إقبال ضعيف',
      'ناخبون أمام مركز اقتراع في بغداد (رويترز)',
      'ناخبون أمام مركز اقتراع في بغداد (رويترز)',
      'موظفة تفرز الأصوات في البصرة. تصوير: علي حسين',
      '',
      'أدلى العراقيون بأصواتهم في انتخابات برلمانية مبكرة شهدت إقبالاً ضعيفاً في معظم المحافظات.',
    ]);
    const a = parseInput({ text: raw });
    expect(a.article.captions.map((c) => [c.text, c.credit])).toEqual([
      ['ناخبون أمام مركز اقتراع في بغداد', 'Reuters'],
      ['موظفة تفرز الأصوات في البصرة.', 'علي حسين'],
    ]);
    expectTraceable(a, raw);
  });

  it('takes a short line between paragraphs for a subheading, not a trailing label', () => {
    const raw = page([
      'عنوان طويل بما يكفي للخبر',
      '',
      'الفقرة الأولى من الخبر تتحدث عن تطورات الأوضاع في المنطقة خلال الأسبوع الماضي.',
      '',
      'ردود الفعل الدولية',
      '',
      'الفقرة الثانية تتناول ردود الفعل الدولية على هذه التطورات وما قالته العواصم الكبرى.',
      '',
      'مواضيع',
    ]);
    const a = parseInput({ text: raw });
    expect(a.article.subheadings).toEqual(['ردود الفعل الدولية']);
    expect(a.text).not.toContain('مواضيع');
  });

  it('reads a date line as the publication date and removes it', () => {
    const raw = page([
      'البنك المركزي يرفع أسعار الفائدة',
      'نشر في: الخميس 14 مارس 2024 - 10:30',
      '',
      'رفع البنك المركزي أسعار الفائدة الرئيسية بمقدار نصف نقطة مئوية في اجتماعه الأخير.',
    ]);
    const a = parseInput({ text: raw });
    expect(a.article.published).toBe('2024-03-14');
    expect(a.article.publishedSource).toBe('text');
    expect(a.text).not.toContain('نشر في');
  });

  it('prefers the caller\u2019s date and says so', () => {
    const a = parseInput({ text: SEED, published: '2022-11-29' });
    expect(a.article.published).toBe('2022-11-29');
    expect(a.article.publishedSource).toBe('caller');
  });

  it('does not trust a caption date the lead contradicts', () => {
    const raw = page([
      'عنوان الخبر عن الزيارة الرسمية',
      'الرئيس يصل إلى المطار، 28 نوفمبر 2022. - AFP',
      '',
      'وصل الرئيس، الجمعة، إلى العاصمة في زيارة رسمية تستمر ثلاثة أيام يبحث خلالها ملفات عدة.',
    ]);
    const a = parseInput({ text: raw });
    expect(a.article.published).toBeNull(); // 28 November 2022 was a Monday
  });

  it('estimates the reading time when the page does not state it', () => {
    const para = (w: string) => `${w} `.repeat(200).trim() + '.';
    const a = parseInput({ text: page(['عنوان الخبر هنا', '', para('كلمة'), '', para('جملة')]) });
    expect(a.article.reading_minutes).toBe(3); // 400 words at 180 wpm, rounded up
    expect(a.article.readingSource).toBe('estimated');
  });

  it('joins the lines of a hard-wrapped paragraph into one block, verbatim', () => {
    const raw = page([
      'عنوان الخبر عن الاقتصاد',
      '',
      'تراجعت أسعار النفط في الأسواق العالمية خلال تعاملات اليوم',
      'وسط مخاوف من تباطؤ الطلب في الصين وارتفاع المخزونات الأمريكية',
      'بحسب بيانات رسمية صدرت مساء أمس عن إدارة معلومات الطاقة.',
    ]);
    const a = parseInput({ text: raw });
    expect(a.article.paragraphs).toHaveLength(1);
    expect(a.article.paragraphs[0].split('\n')).toHaveLength(3);
    expectTraceable(a, raw);
  });
});
