import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyArticle, newAnalysis } from '../../src/analysis/create.js';
import type { Analysis } from '../../src/analysis/types.js';
import { eventStage } from '../../src/events/index.js';
import { makeDoc } from './helpers.js';

const run = (doc: Analysis) => eventStage.run(doc, { referenceDate: doc.article.published });

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as Record<string, unknown>)) deepFreeze(v);
  }
  return o;
}

const spansOk = (doc: Analysis) =>
  doc.events.every(
    (e) =>
      doc.text.slice(e.evidence.start, e.evidence.end) === e.evidence.text &&
      doc.text.slice(e.trigger.start, e.trigger.end) === e.trigger.text,
  );

describe('bad input never crashes the stage', () => {
  it.each([
    ['empty', ''],
    ['white space', ' \n\n \t '],
    ['Latin only', 'The army shelled the city on Monday.'],
    ['digits and symbols', '2022 — 15% $ € ### ...'],
    ['lone marks and tatweel', 'ـــ ً ٌ ٍ « » " "'],
    ['unpaired quotes', 'قال: "رفض بوتين'],
    ['emoji and astral characters', '🔥 قصفت 𝒜 إسرائيل 🚀'],
  ])('%s', (_name, text) => {
    const doc = run(makeDoc(text));
    expect(Array.isArray(doc.events)).toBe(true);
    expect(spansOk(doc)).toBe(true);
  });

  it('a long document', () => {
    const text = Array.from({ length: 1500 }, (_, i) => `رفض بوتين الاقتراح رقم ${i} وهدد بقصف المدينة.`).join('\n\n');
    const doc = run(makeDoc(text, { entities: [{ id: 'putin', type: 'PER', names: ['بوتين'] }] }));
    expect(doc.events.length).toBeGreaterThan(0);
  });

  it('arbitrary Arabic-looking text (property)', () => {
    const alphabet = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ ،.:"«»\n0123456789'].concat([
      'قصف',
      'رفض',
      'لم',
      'بوتين',
      'في',
      'سـ',
      'عدم',
      'الذي',
      'كان',
      'قد',
    ]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 120 }), (parts) => {
        const text = parts.join('');
        const doc = run(makeDoc(text, { entities: [{ id: 'putin', type: 'PER', names: ['بوتين'] }] }));
        return spansOk(doc);
      }),
      { numRuns: 150 },
    );
  });
});

describe('stage contract', () => {
  it('is pure: a frozen input is not touched and the output is a new object', () => {
    const doc = deepFreeze(
      makeDoc('رفض بوتين الاقتراح.', { entities: [{ id: 'putin', type: 'PER', names: ['بوتين'] }] }),
    );
    const out = run(doc);
    expect(out).not.toBe(doc);
    expect(doc.events).toHaveLength(0);
    expect(out.events).toHaveLength(1);
  });

  it('works before the text stage has run (no tokens, no sentences)', () => {
    const text = 'رفض بوتين الاقتراح. ثم أشاد بوتين بالحوار.';
    const base = newAnalysis('t', text, 'body', { ...emptyArticle(), published: '2022-11-28' });
    const start = text.indexOf('بوتين');
    const second = text.indexOf('بوتين', start + 1);
    const mention = (s: number) => ({
      start: s,
      end: s + 5,
      text: 'بوتين',
      sentence: 0,
      type: 'PER' as const,
      subtype: null,
      source: 'kb' as const,
      kbId: null,
      entityId: 'putin',
    });
    const doc: Analysis = {
      ...base,
      entities: [
        {
          id: 'putin',
          type: 'PER',
          subtype: null,
          name: { ar: 'بوتين', en: null },
          wikidata: null,
          mentions: [mention(start), mention(second)],
        },
      ],
    };
    expect(run(doc).events.map((e) => [e.type, e.actor])).toEqual([
      ['REJECT', ['putin']],
      ['SUPPORT', ['putin']],
    ]);
  });
});
