import { describe, expect, it } from 'vitest';
import { groupArticles, groupKey, splitOf, type CorpusRecord } from '../../src/topics/corpus.js';
import { corpusMapping, topicLabels } from '../../src/topics/labels.js';
import { classificationReport, scoreGroups } from '../../src/topics/metrics.js';

const rec = (id: string, outlet: string, category: string, text: string, title = 'عنوان'): CorpusRecord => ({
  id,
  outlet,
  category,
  title,
  text,
});

describe('the label set (data/topics/labels.json)', () => {
  const labels = topicLabels();
  const ids = labels.map((l) => l.id);

  it('has distinct slugs, distinct priorities and Arabic and English names', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(labels.map((l) => l.priority)).size).toBe(labels.length);
    for (const l of labels) {
      expect(l.id).toMatch(/^[a-z_]+$/);
      expect(l.ar).toMatch(/[\u0621-\u064a]/);
      expect(l.en.length).toBeGreaterThan(0);
    }
  });

  it('maps every corpus category and mixed feed onto labels of the set', () => {
    for (const corpus of ['ant-v2.1', 'ant-v1.1']) {
      const m = corpusMapping(corpus);
      for (const l of Object.values(m.categories)) expect(ids).toContain(l);
      for (const f of m.mixedFeeds ?? []) for (const l of f.labels) expect(ids).toContain(l);
    }
    expect(() => corpusMapping('no-such-corpus')).toThrow(/no mapping/);
  });
});

describe('grouping and the held-out split', () => {
  const mapping = corpusMapping('ant-v2.1');

  it('groups copies that differ only in diacritics and spacing', () => {
    expect(groupKey('أ', 'قالَ الرئيسُ  اليوم\n')).toBe(groupKey('ب', 'قال الرئيس اليوم'));
    expect(groupKey('العنوان', '')).toBe(groupKey('العنوان', null));
    expect(groupKey(null, 'نص')).not.toBe(groupKey(null, 'نص آخر'));
  });

  it('splits by key deterministically, about a tenth held out and a tenth dev', () => {
    const counts = { train: 0, dev: 0, heldout: 0 };
    for (let i = 0; i < 5000; i++) counts[splitOf(groupKey(null, `مقال رقم ${i}`))]++;
    expect(counts.heldout / 5000).toBeGreaterThan(0.08);
    expect(counts.heldout / 5000).toBeLessThan(0.12);
    expect(counts.dev / 5000).toBeGreaterThan(0.08);
    expect(splitOf('0000000a')).toBe('heldout');
    expect(splitOf('0000000b')).toBe('dev');
    expect(splitOf('0000000c')).toBe('train');
  });

  it('keeps identical copies together, on one side of the split', () => {
    const groups = groupArticles(
      [
        rec('1', 'skynews', 'sport', 'فاز الفريق'),
        rec('2', 'BBC', 'sport', 'فازَ الفريق'),
        rec('3', 'CNN', 'economy', 'ارتفع النفط'),
      ],
      mapping,
    );
    expect(groups).toHaveLength(2);
    expect(groups[0].ids).toEqual(['1', '2']);
    expect(groups[0].outlets).toEqual(['skynews', 'BBC']);
  });

  it('gives a dual-filed article its more specific label', () => {
    const [sport] = groupArticles(
      [rec('1', 'france24', 'internationalNews', 'نص'), rec('2', 'france24', 'sport', 'نص')],
      mapping,
    );
    expect(sport.accepted).toEqual(['sport']);
    expect(sport.label).toBe('sport');
    expect(sport.filed).toEqual(['politics', 'sport']);
    const [me] = groupArticles(
      [rec('1', 'france24', 'internationalNews', 'نص'), rec('2', 'france24', 'middleEast', 'نص')],
      mapping,
    );
    expect(me.accepted).toEqual(['middle_east']);
  });

  it('accepts world or Middle East for a mixed feed, and reads other feeds literally', () => {
    const [mixed, plain] = groupArticles(
      [rec('1', 'alarabia', 'internationalNews', 'نص'), rec('2', 'BBC', 'internationalNews', 'نص آخر')],
      mapping,
    );
    expect(mixed.accepted).toEqual(['middle_east', 'politics']);
    expect(mixed.label).toBe('politics');
    expect(plain.accepted).toEqual(['politics']);
  });

  it('leaves out records whose category the mapping does not use', () => {
    expect(groupArticles([rec('1', 'Jawhara FM', 'localNews', 'نص')], corpusMapping('ant-v1.1'))).toEqual([]);
  });
});

describe('classification figures', () => {
  it('computes accuracy, per-label P/R/F1 and the confusion matrix', () => {
    const r = classificationReport(['a', 'b'], ['a', 'a', 'b', 'b'], ['a', 'b', 'b', '(none)']);
    expect(r.accuracy).toBe(0.5);
    expect(r.matrix).toEqual([
      [1, 1, 0],
      [0, 1, 1],
    ]);
    expect(r.perLabel[0]).toMatchObject({ precision: 1, recall: 0.5, support: 2 });
    expect(r.perLabel[1]).toMatchObject({ precision: 0.5, recall: 0.5 });
  });

  it('counts a prediction among the accepted labels as right, and keeps the strict figure apart', () => {
    const groups = [
      { accepted: ['middle_east', 'politics'], label: 'politics' },
      { accepted: ['sport'], label: 'sport' },
    ];
    const s = scoreGroups(['politics', 'middle_east', 'sport'], groups, ['middle_east', null]);
    expect(s.report.accuracy).toBe(0.5);
    expect(s.strictAccuracy).toBe(0);
  });
});
