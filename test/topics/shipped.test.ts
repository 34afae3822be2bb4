import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/page/index.js';
import {
  MODEL_FILE,
  classifyTopics,
  loadTopicModel,
  scoreTopics,
  topicLabels,
  topicStage,
} from '../../src/topics/index.js';

// Written for these tests (not from any corpus): a league match report and an oil-market report.
const SPORT = {
  title: 'الأهلي يتغلب على الزمالك بهدفين في قمة الدوري',
  body:
    'حقق النادي الأهلي فوزاً ثميناً على غريمه التقليدي الزمالك بنتيجة هدفين مقابل هدف في المباراة التي أقيمت ' +
    'مساء الجمعة على ستاد القاهرة ضمن منافسات الأسبوع العشرين من الدوري الممتاز. وسجل المهاجم هدف الفوز في ' +
    'الدقيقة الأخيرة، ليرفع الفريق رصيده إلى 45 نقطة في صدارة جدول الترتيب، فيما قال المدرب إن لاعبيه قدموا ' +
    'مباراة كبيرة أمام جماهيرهم.',
};
const ECONOMY = {
  title: 'ارتفاع أسعار النفط مع تراجع المخزونات الأمريكية',
  body:
    'ارتفعت أسعار النفط الخام في التعاملات الآسيوية اليوم الثلاثاء، إذ صعدت العقود الآجلة لخام برنت 1.2 بالمئة ' +
    'إلى 78 دولاراً للبرميل، بعدما أظهرت بيانات تراجع مخزونات الخام في الولايات المتحدة. ويترقب المستثمرون قرار ' +
    'مجلس الاحتياطي الاتحادي بشأن أسعار الفائدة، فيما سجلت أسواق الأسهم الخليجية مكاسب محدودة وارتفع مؤشر ' +
    'البورصة بنسبة 0.5 بالمئة.',
};

describe('the shipped topic model (data/topics/model.bin.gz)', () => {
  const model = loadTopicModel();

  it('is a small file whose labels are the label set', () => {
    expect(readFileSync(MODEL_FILE).length).toBeLessThan(2 * 1024 * 1024);
    expect(model.header.labels).toEqual(topicLabels().map((l) => l.id));
    expect(model.header.provenance.source).toMatch(/ANT/);
  });

  it('is loaded once and kept', () => {
    expect(loadTopicModel()).toBe(model);
  });

  it('files a football match report under sport', () => {
    expect(classifyTopics(model, SPORT)).toEqual(['sport']);
  });

  it('files an oil-market report under economy first', () => {
    expect(classifyTopics(model, ECONOMY)[0]).toBe('economy');
  });

  it('gives probabilities that sum to one, best first', () => {
    const s = scoreTopics(model, ECONOMY);
    expect(s).toHaveLength(model.header.labels.length);
    expect(s.reduce((a, x) => a + x.probability, 0)).toBeCloseTo(1, 6);
    for (let i = 1; i < s.length; i++) expect(s[i].probability).toBeLessThanOrEqual(s[i - 1].probability);
  });

  it.each([
    ['empty', { title: '', body: '' }],
    ['nothing', {}],
    [
      'English',
      { title: 'Oil prices rise', body: 'Oil prices rose on Tuesday as US crude stockpiles fell, traders said.' },
    ],
    ['digits and punctuation', { body: '2018 - 45 % !!! ... ١٢٣' }],
    ['emoji and lone surrogates', { body: '😀👍🏽 \ud83d \ude00' }],
    ['too few Arabic words', { body: 'الأهلي يفوز' }],
  ])('returns [] without crashing for %s', (_name, input) => {
    expect(classifyTopics(model, input)).toEqual([]);
  });
});

describe('topicStage', () => {
  it('sets article.topics and leaves the input document as it was', () => {
    const doc = parseInput({ body: SPORT.body, title: SPORT.title });
    const before = JSON.stringify(doc);
    const out = topicStage.run(doc, { referenceDate: null });
    expect(out.article.topics).toEqual(['sport']);
    expect(JSON.stringify(doc)).toBe(before);
    expect(out.text).toBe(doc.text);
  });

  it('gives [] for a page with no Arabic text', () => {
    const doc = parseInput({ body: 'Nothing in Arabic here, only an English sentence or two.' });
    expect(topicStage.run(doc, { referenceDate: null }).article.topics).toEqual([]);
  });

  const SEED = '/work/shared/fixtures/seed';
  describe.skipIf(!existsSync(`${SEED}/gold.json`))(
    'the seed article (skipped: /work/shared/fixtures/seed absent)',
    () => {
      it('gets the gold topics', () => {
        const gold = JSON.parse(readFileSync(`${SEED}/gold.json`, 'utf8')) as { article: { topics: string[] } };
        const doc = parseInput({ text: readFileSync(`${SEED}/article.txt`, 'utf8') });
        expect(topicStage.run(doc, { referenceDate: null }).article.topics).toEqual(gold.article.topics);
      });
    },
  );
});
