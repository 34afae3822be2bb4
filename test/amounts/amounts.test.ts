// The amount layer: numbers, ranges, percentages, currencies and the counted noun.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { tagAmounts, amountStage } from '../../src/amounts/index.js';
import { tagTimes, timeStage } from '../../src/time/index.js';
import { newAnalysis, emptyArticle } from '../../src/analysis/create.js';
import type { Amount } from '../../src/analysis/types.js';

const REF = '2022-11-28';
/** Amounts as the pipeline finds them: the time layer first. */
function amounts(text: string): Amount[] {
  return tagAmounts(text, { times: tagTimes(text, { referenceDate: REF }) });
}
const brief = (a: Amount) => [a.text, a.low, a.high, a.unit, a.of];

describe('amounts', () => {
  const cases: Array<[string, string, Array<[string, number, number, string | null, string | null]>]> = [
    [
      'vague tens of thousands with a partitive noun',
      'استقبلت عشرات الآلاف من الروس، الذين',
      [['عشرات الآلاف', 10000, 99999, null, 'الروس']],
    ],
    [
      'a range, then a bare number taking its noun',
      'فستكون هناك من 500 إلى 600 دولة بدلاً من 193 فقط حالياً',
      [
        ['من 500 إلى 600', 500, 600, null, 'دولة'],
        ['193', 193, 193, null, 'دولة'],
      ],
    ],
    ['millions of dollars', 'بلغت الخسائر 3.5 مليون دولار', [['3.5 مليون دولار', 3500000, 3500000, 'USD', null]]],
    [
      'percent in words with a partitive',
      'ارتفع بنسبة 20 في المئة من السكان',
      [['20 في المئة', 20, 20, '%', 'السكان']],
    ],
    ['percent sign', 'تراجع 20% فقط', [['20%', 20, 20, '%', null]]],
    ['بالمئة', 'نما بنسبة 3.2 بالمئة', [['3.2 بالمئة', 3.2, 3.2, '%', null]]],
    ['a range with بين and a shared percent', 'بين 10 و20 بالمئة', [['بين 10 و20 بالمئة', 10, 20, '%', null]]],
    ['a range sharing its scale', 'من 3 إلى 5 ملايين نسمة', [['من 3 إلى 5 ملايين', 3000000, 5000000, null, 'نسمة']]],
    ['a hyphen range', 'ما بين 500-600 شخص', [['500-600', 500, 600, null, 'شخص']]],
    ['thousands in words', 'ثلاثة آلاف وخمسمائة جندي', [['ثلاثة آلاف وخمسمائة', 3500, 3500, null, 'جندي']]],
    ['thousands of protesters (construct)', 'خرج آلاف المتظاهرين', [['آلاف', 1000, 9999, null, 'المتظاهرين']]],
    ['a few thousand', 'نزح بضعة آلاف', [['بضعة آلاف', 3000, 9999, null, null]]],
    ['half a million', 'نصف مليون لاجئ', [['نصف مليون', 500000, 500000, null, 'لاجئ']]],
    ['dual thousands', 'دفع ألفين وخمسمائة جنيه مصري', [['ألفين وخمسمائة جنيه مصري', 2500, 2500, 'EGP', null]]],
    ['Arabic-Indic digits with separators', 'بلغ ١٬٥٠٠ ريال', [['١٬٥٠٠ ريال', 1500, 1500, 'SAR', null]]],
    ['a qualified riyal', 'بلغ 1,500,000 ريال قطري', [['1,500,000 ريال قطري', 1500000, 1500000, 'QAR', null]]],
    ['dirham in a Moroccan story', 'دفع 500 درهم في الرباط', [['500 درهم', 500, 500, 'MAD', null]]],
    ['dirham in an Emirati story', 'دفع 500 درهم في دبي', [['500 درهم', 500, 500, 'AED', null]]],
    ['dirham with no context', 'دفع 500 درهم', [['500 درهم', 500, 500, 'AED', null]]],
    ['euro after a glued preposition', 'بيع بـ500 ألف يورو', [['500 ألف يورو', 500000, 500000, 'EUR', null]]],
    [
      'two counts in one sentence',
      'قتل 20 شخصا وأصيب 30 آخرون',
      [
        ['20', 20, 20, null, 'شخصا'],
        ['30', 30, 30, null, 'شخصا'],
      ],
    ],
    ['a dollar sign', 'بسعر 80$ للبرميل', [['80$', 80, 80, 'USD', null]]],
    [
      'no floating-point residue',
      'ليبلغ 1.029 تريليون دولار',
      [['1.029 تريليون دولار', 1029000000000, 1029000000000, 'USD', null]],
    ],
    [
      'digit groups joined by و',
      'حصل على 26 مليون و330 ألف و823 صوتا',
      [['26 مليون و330 ألف و823', 26330823, 26330823, null, 'صوتا']],
    ],
    ['a fraction of a definite noun', 'يرى نصف الأمريكيين', [['نصف', 0.5, 0.5, null, 'الأمريكيين']]],
  ];
  for (const [name, text, want] of cases) it(name, () => expect(amounts(text).map(brief)).toEqual(want));
});

describe('not amounts', () => {
  const cases: Array<[string, string]> = [
    ['numbers of a date', 'في موسكو، 28 نوفمبر 2022.'],
    ['a duration', 'مهلة 48 ساعة'],
    ['durations in words', 'لعقود أو لمئات السنين'],
    ['ordinals', 'المبدأ الثاني لولاية ثانية وهي الأولى'],
    ['a score', 'فاز 2-1 على ضيفه'],
    ['an article number', 'المادة 51 من الميثاق'],
    ['a year the time layer left', 'كأس العالم 2022'],
    ['model names', 'طائرات إف-16 ولقاح كوفيد-19 و F-35'],
    ['one as an adjective', 'دولة واحدة'],
    ['semi-final', 'بلغ نصف نهائي البطولة'],
    ['the G20', 'قمة مجموعة العشرين'],
    ['a label after الـ', 'الذكرى الـ70'],
    ['the end of an ordinal', 'في المركز الحادي عشر والذكرى الثانية عشرة'],
    ['a match minute', 'سجل في الدقيقة 27'],
    ['digits glued to a name', 'قال لفرانس24 إن'],
    ['quantities, not hundreds', 'كميات كبيرة'],
    ['a year in words', 'الأولى منذ عام ألفين وعشرة'],
  ];
  for (const [name, text] of cases) it(name, () => expect(amounts(text).map(brief)).toEqual([]));
});

describe('the stage', () => {
  const doc = (text: string) => newAnalysis('t', text, 'body', { ...emptyArticle(), published: REF });
  it('runs after the time stage and skips its numbers', () => {
    const d = timeStage.run(doc('في 28 نوفمبر 2022 قتل 20 شخصا'), { referenceDate: REF });
    const out = amountStage.run(d, { referenceDate: REF });
    expect(out.amounts.map(brief)).toEqual([['20', 20, 20, null, 'شخصا']]);
    expect(d.amounts).toEqual([]);
  });
  it('survives empty, non-Arabic and odd input', () => {
    for (const t of [
      '',
      '%',
      '$',
      '1-',
      '-1',
      'من',
      'من 5 إلى',
      'بين 3 و',
      '9'.repeat(400),
      '\u0000',
      'ألف '.repeat(3000),
    ])
      expect(() => amountStage.run(doc(t), { referenceDate: REF })).not.toThrow();
  });
  it('every span slices to its text, on random word soups', () => {
    const W = [
      'من',
      'إلى',
      'بين',
      'و',
      '500',
      '600',
      '-',
      '%',
      'في',
      'المئة',
      'ألف',
      'آلاف',
      'عشرات',
      'الآلاف',
      'دولار',
      'دولة',
      '3.5',
      'مليون',
      '١٬٥٠٠',
      'فقط',
      '،',
      '.',
      'نصف',
      'ثلاثة',
      'وعشرون',
      '2022',
      'نوفمبر',
      '\n',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...W), { maxLength: 30 }), fc.constantFrom(' ', ''), (ws, sep) => {
        const text = ws.join(sep);
        for (const a of amounts(text)) {
          expect(text.slice(a.start, a.end)).toBe(a.text);
          expect(a.low).toBeLessThanOrEqual(a.high);
        }
      }),
      { numRuns: 300 },
    );
  });
});
