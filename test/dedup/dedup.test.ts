// Duplicate detection and story clustering on raw texts (no analysis): MinHash estimates, the
// canonical election, persistence of the index, and the line between a copy and the same story.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DedupIndex, minhash, estimateJaccard, storyFeaturesFromText, type DedupDoc } from '../../src/dedup/index.js';
import { bandKeys, estimateContainment, matchWords, shingle } from '../../src/dedup/minhash.js';
import { cosine } from '../../src/dedup/cluster.js';
import { parseDfPrior } from '../../src/dedup/prior.js';
import { LSH_BANDS } from '../../src/dedup/settings.js';
import { contentHash } from '../../src/store/prepare.js';
import { STORY_A, STORY_A_COPY, STORY_A_OTHER, STORY_B } from '../ingest/articles.js';

type Story = { title: string; body: string; published: string };
const doc = (id: string, a: Story, published = a.published): DedupDoc => ({
  articleId: id,
  contentHash: contentHash(`${a.title}\n\n${a.body}`),
  time: Date.parse(published),
  length: a.title.length + 2 + a.body.length,
  signature: minhash(a.body),
  features: storyFeaturesFromText(a.title, a.body),
});
const newIndex = () => new DedupIndex(new Database(':memory:'));

describe('MinHash', () => {
  it('gives 1 for the same text and is insensitive to diacritics, tatweel and spacing', () => {
    const a = minhash(STORY_A.body)!;
    const b = minhash(
      STORY_A.body
        .replace(/الرياض/g, 'الـريـاض')
        .replace(/ /g, '  ')
        .replace('بحث', 'بَحَثَ'),
    )!;
    expect(estimateJaccard(a.values, b.values)).toBe(1);
  });
  it('keeps a lightly edited copy near its true similarity and unrelated texts far below', () => {
    const a = minhash(STORY_A.body)!;
    // the copy's true Jaccard is 0.84 (98 of 116 shingles); the estimate's standard error is ±0.04
    expect(estimateJaccard(a.values, minhash(STORY_A_COPY.body)!.values)).toBeGreaterThan(0.72);
    expect(estimateJaccard(a.values, minhash(STORY_A_OTHER.body)!.values)).toBeLessThan(0.3);
    expect(estimateJaccard(a.values, minhash(STORY_B.body)!.values)).toBeLessThan(0.1);
  });
  it('is deterministic (stored signatures must compare with new ones)', () => {
    expect(Array.from(minhash(STORY_B.body)!.values)).toEqual(Array.from(minhash(STORY_B.body)!.values));
    expect(bandKeys(minhash(STORY_B.body)!.values)).toHaveLength(LSH_BANDS);
  });
  it('returns null for a text without words, and one shingle for a short one', () => {
    expect(minhash('... !!! ')).toBeNull();
    expect(shingle(matchWords('خبر عاجل')).shingles.length).toBe(1);
  });
  it('estimates containment from Jaccard and the set sizes', () => {
    // A ⊂ B, |A| = 50, |B| = 100: J = 0.5, containment 1
    expect(estimateContainment(0.5, 50, 100)).toBeCloseTo(1);
    expect(estimateContainment(0, 50, 100)).toBe(0);
  });
  it('property: the Jaccard estimate is symmetric, in [0, 1], and 1 on itself', () => {
    const word = fc.constantFrom(
      'قال',
      'الوزير',
      'إن',
      'الحكومة',
      'ستعمل',
      'على',
      'دعم',
      'الاقتصاد',
      'في',
      'العام',
      'المقبل',
      'موسكو',
    );
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 60 }),
        fc.array(word, { minLength: 1, maxLength: 60 }),
        (x, y) => {
          const a = minhash(x.join(' '))!;
          const b = minhash(y.join(' '))!;
          const j = estimateJaccard(a.values, b.values);
          expect(j).toBe(estimateJaccard(b.values, a.values));
          expect(j).toBeGreaterThanOrEqual(0);
          expect(j).toBeLessThanOrEqual(1);
          expect(estimateJaccard(a.values, a.values)).toBe(1);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('DedupIndex: duplicates', () => {
  it('links a lightly edited copy to the original, and the earlier article is canonical', () => {
    const ix = newIndex();
    expect(ix.add(doc('a', STORY_A)).links).toEqual([]);
    const out = ix.add(doc('a-copy', STORY_A_COPY));
    expect(out.canonicalId).toBe('a');
    expect(out.links).toHaveLength(1);
    expect(out.links[0]).toMatchObject({ duplicateId: 'a-copy', canonicalId: 'a' });
    expect(out.links[0].similarity).toBeGreaterThan(0.72);
  });

  it('makes a later-ingested but earlier-published copy the canonical and relinks the group', () => {
    const ix = newIndex();
    ix.add(doc('late', STORY_A, '2023-06-13'));
    ix.add(doc('later', STORY_A_COPY, '2023-06-14'));
    const out = ix.add(doc('first', STORY_A_COPY, '2023-06-10'));
    expect(out.canonicalId).toBe('first');
    const linked = new Map(out.links.map((l) => [l.duplicateId, l.canonicalId]));
    expect(linked.get('late')).toBe('first');
    expect(linked.get('later')).toBe('first');
  });

  it('breaks a date tie by length: the longer copy is canonical', () => {
    const ix = newIndex();
    ix.add(doc('short', STORY_A, '2023-06-11'));
    const out = ix.add(doc('long', STORY_A_COPY, '2023-06-11')); // the copy has an extra closing line
    expect(out.canonicalId).toBe('long');
    expect(out.links.map((l) => l.duplicateId)).toEqual(['short']);
  });

  it('matches exact copies by content hash, short texts included', () => {
    const ix = newIndex();
    const brief = { title: 'عاجل', body: 'انفجار في ميناء بيروت', published: '2020-08-04' };
    ix.add(doc('b1', brief));
    expect(ix.add(doc('b2', brief)).duplicateSimilarity).toBe(1);
  });

  it('links short bodies (15–24 words) under different titles only when identical; never boilerplate', () => {
    const caption =
      'اصطدمت سيارة بحاجز أمني خارج مقر البرلمان البريطاني في لندن صباح اليوم وقالت الشرطة إن السائق اعتقل في موقع الحادث';
    const ix = newIndex();
    ix.add(doc('v1', { title: 'شاهد.. اصطدام سيارة قرب البرلمان', body: caption, published: '2018-08-14' }));
    expect(
      ix.add(doc('v2', { title: 'شاهد.. القبض على السائق', body: caption, published: '2018-08-14' }))
        .duplicateSimilarity,
    ).toBe(1);
    const edited = caption.replace('صباح اليوم', 'مساء أمس');
    expect(ix.add(doc('v3', { title: 'حادث لندن', body: edited, published: '2018-08-14' })).links).toEqual([]);
    const disclaimer = 'جميع المقالات المنشورة تمثل رأي كتابها فقط';
    ix.add(doc('op1', { title: 'غازي القصيبي وبياض الحياة', body: disclaimer, published: '2013-01-12' }));
    expect(
      ix.add(doc('op2', { title: 'شعراء يعشقون أنديتهم', body: disclaimer, published: '2013-01-12' })).links,
    ).toEqual([]);
  });

  it('does not link two different articles on the same story, nor unrelated ones', () => {
    const ix = newIndex();
    ix.add(doc('a', STORY_A));
    expect(ix.add(doc('other', STORY_A_OTHER)).links).toEqual([]);
    expect(ix.add(doc('b', STORY_B)).links).toEqual([]);
    expect(ix.stats().duplicateGroups).toBe(0);
  });

  it('returns nothing new when an article is added twice', () => {
    const ix = newIndex();
    ix.add(doc('a', STORY_A));
    const again = ix.add(doc('a', STORY_A));
    expect(again.links).toEqual([]);
    expect(again.cluster).toBeNull();
    expect(ix.stats().articles).toBe(1);
  });

  it('persists: a reopened index finds copies of articles indexed before', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasd-dedup-'));
    try {
      const path = join(dir, 'state.sqlite');
      let db = new Database(path);
      let ix = new DedupIndex(db);
      ix.begin();
      ix.add(doc('a', STORY_A));
      ix.commit();
      db.close();
      db = new Database(path);
      ix = new DedupIndex(db);
      const out = ix.add(doc('a-copy', STORY_A_COPY));
      expect(out.canonicalId).toBe('a');
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('DedupIndex: story clusters', () => {
  it('clusters two different articles on the same event, not an unrelated one', () => {
    const ix = newIndex();
    expect(ix.add(doc('a', STORY_A)).cluster).toBeNull();
    const out = ix.add(doc('other', STORY_A_OTHER));
    expect(out.links).toEqual([]);
    expect(out.cluster).not.toBeNull();
    expect(out.cluster!.articleIds.sort()).toEqual(['a', 'other']);
    expect(ix.add(doc('b', STORY_B)).cluster).toBeNull();
  });

  it('puts a duplicate in the story of its original', () => {
    const ix = newIndex();
    ix.add(doc('a', STORY_A));
    const c1 = ix.add(doc('other', STORY_A_OTHER)).cluster!;
    const c2 = ix.add(doc('a-copy', STORY_A_COPY)).cluster!;
    expect(c2.clusterId).toBe(c1.clusterId);
    expect(c2.articleIds).toEqual(['a-copy']);
  });

  it('does not cluster the same story told outside the time window', () => {
    const ix = newIndex();
    ix.add(doc('a', STORY_A, '2023-06-11'));
    expect(ix.add(doc('other', STORY_A_OTHER, '2023-06-20')).cluster).toBeNull();
  });

  it('cosine of a vector with itself is 1 and of disjoint vectors 0', () => {
    const v: Array<[string, number]> = [
      ['a', 0.6],
      ['b', 0.8],
    ];
    expect(cosine(v, v)).toBeCloseTo(1);
    expect(cosine(v, [['c', 1]])).toBe(0);
  });

  it('reads the document-frequency prior table', () => {
    const p = parseDfPrior('# comment\n# docs 10\nقال\t7\nوزير\t3\nbad line\n');
    expect(p.docs).toBe(10);
    expect(p.df.get('قال')).toBe(7);
    expect(p.df.size).toBe(2);
    expect(() => parseDfPrior('قال\t7\n')).toThrow(/docs/);
  });
});
