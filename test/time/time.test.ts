// The time layer: recognition and TIMEX3 values with the news reading, by named cases.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { tagTimes, timeStage } from '../../src/time/index.js';
import { newAnalysis } from '../../src/analysis/create.js';
import { emptyArticle } from '../../src/analysis/create.js';
import type { Timex } from '../../src/analysis/types.js';

const REF = '2022-11-28'; // a Monday, ISO week 2022-W48

/** The timex whose text contains `needle` (or the only one). */
function tag(text: string, ref: string | null = REF): Timex[] {
  return tagTimes(text, { referenceDate: ref });
}
function one(text: string, needle: string, ref: string | null = REF): Timex {
  const hits = tag(text, ref).filter((t) => t.text.includes(needle) || needle.includes(t.text));
  expect(
    hits.map((t) => t.text),
    `no timex for «${needle}» in «${text}»`,
  ).not.toHaveLength(0);
  return hits[0];
}

describe('relative expressions against the publication date', () => {
  const cases: Array<[string, string, string, string, string?]> = [
    // name, text, needle, value, ref
    ['اليوم is the publication date', 'قال الوزير اليوم إن', 'اليوم', '2022-11-28'],
    ['أمس', 'التقى الوزير أمس نظيره', 'أمس', '2022-11-27'],
    ['أول أمس', 'وصل أول أمس إلى', 'أول أمس', '2022-11-26'],
    ['غداً', 'يصل غداً إلى', 'غداً', '2022-11-29'],
    ['بعد غد', 'يصل بعد غد إلى', 'بعد غد', '2022-11-30'],
    [
      'bare weekday on that very weekday is the same day',
      'أظهر الرئيسان وحدتهما، الاثنين، عبر',
      'الاثنين',
      '2022-11-28',
    ],
    [
      'bare weekday on a Sunday is the previous Monday',
      'أظهر الرئيسان وحدتهما، الاثنين، عبر',
      'الاثنين',
      '2022-11-21',
      '2022-11-27',
    ],
    ['يوم الجمعة is the latest Friday', 'وقع الهجوم يوم الجمعة في', 'الجمعة', '2022-11-25'],
    ['الاثنين المقبل is strictly after', 'يلتقيان الاثنين المقبل في', 'الاثنين المقبل', '2022-12-05'],
    ['الأحد الماضي is strictly before', 'التقيا الأحد الماضي في', 'الأحد الماضي', '2022-11-27'],
    ['الأسبوع الماضي → ISO week', 'منذ تنصيبه الأسبوع الماضي لولاية', 'الأسبوع الماضي', '2022-W47'],
    ['الأسبوع الماضي at a year end', 'في الأسبوع الماضي، دعا', 'الأسبوع الماضي', '2022-W52', '2023-01-02'],
    ['الأسبوع الماضي into a 53-week year', 'في الأسبوع الماضي، دعا', 'الأسبوع الماضي', '2020-W53', '2021-01-04'],
    ['هذا الأسبوع across the year boundary', 'يجتمع المجلس هذا الأسبوع', 'هذا الأسبوع', '2025-W01', '2024-12-30'],
    ['الشهر الماضي', 'ارتفعت الأسعار الشهر الماضي', 'الشهر الماضي', '2022-10'],
    ['الشهر المقبل across a year', 'تبدأ الانتخابات الشهر المقبل', 'الشهر المقبل', '2023-01', '2022-12-10'],
    ['العام الماضي', 'نما الاقتصاد العام الماضي', 'العام الماضي', '2021'],
    ['السنة المقبلة', 'يتوقع النمو في السنة المقبلة', 'السنة المقبلة', '2023'],
    ['العام الجاري', 'خلال العام الجاري', 'العام الجاري', '2022'],
    ['هذا العام', 'في وقت سابق هذا العام', 'هذا العام', '2022'],
    ['يونيو الماضي', 'وفي يونيو الماضي، بدأت', 'يونيو الماضي', '2022-06'],
    ['ديسمبر الماضي at a year start', 'وفي ديسمبر الماضي، بدأت', 'ديسمبر الماضي', '2022-12', '2023-01-05'],
    ['a month named with الماضي in that same month is last year’s', 'في نوفمبر الماضي', 'نوفمبر الماضي', '2021-11'],
    ['a bare month is its latest occurrence', 'التقيا في يونيو في جنيف', 'يونيو', '2022-06'],
    ['a bare later month is last year’s', 'التقيا في يونيو في جنيف', 'يونيو', '2021-06', '2022-03-01'],
    ['نهاية سبتمبر', 'التي أعلنها في نهاية سبتمبر.', 'نهاية سبتمبر', '2022-09'],
    ['قبل 3 أيام', 'وصل قبل 3 أيام', 'قبل 3 أيام', '2022-11-25'],
    ['منذ أسبوعين', 'بدأ الإضراب منذ أسبوعين', 'منذ أسبوعين', '2022-11-14'],
    ['قبل عامين', 'انتخب قبل عامين', 'قبل عامين', '2020'],
    ['a day and month just ahead are upcoming', 'يقرر في 12 ديسمبر مصير الاتفاق', '12 ديسمبر', '2022-12-12'],
    ['a day and month far ahead are last year’s', 'وقع الانفجار في 25 ديسمبر', '25 ديسمبر', '2021-12-25', '2022-03-05'],
    ['future verb before a date reads forward', 'سيعقد المؤتمر في 5 مارس', '5 مارس', '2023-03-05'],
    ['الساعة العاشرة صباحاً', 'بدأ الاجتماع الساعة العاشرة صباحاً', 'الساعة العاشرة', '2022-11-28T10:00'],
    ['مساء الاثنين', 'وصل مساء الاثنين إلى', 'مساء الاثنين', '2022-11-28TEV'],
    ['صباح اليوم', 'أعلن صباح اليوم', 'صباح اليوم', '2022-11-28TMO'],
    ['weekday + clock', 'يبدأ الخميس الساعة 8 مساء', 'الخميس', '2022-11-24T20:00'],
    ['مطلع الأسبوع الجاري', 'فاز مطلع الأسبوع الجاري', 'مطلع الأسبوع الجاري', '2022-W48'],
    ['نهاية الأسبوع الماضي is last weekend', 'في نهاية الأسبوع الماضي', 'نهاية الأسبوع', '2022-W47-WE'],
    ['الربع الأول من العام الحالي', 'في الربع الأول من العام الحالي', 'الربع الأول', '2022-Q1'],
    ['القرن الماضي', 'في ثمانينيات القرن الماضي', 'ثمانينيات', '198'],
  ];
  for (const [name, text, needle, value, ref] of cases) {
    it(name, () => expect(one(text, needle, ref ?? REF).value).toBe(value));
  }
});

describe('absolute expressions', () => {
  const cases: Array<[string, string, string]> = [
    ['day month year', 'في موسكو، 28 نوفمبر 2022.', '2022-11-28'],
    ['Levantine two-word month', 'في 3 كانون الثاني 2023', '2023-01-03'],
    ['Levantine كانون الأول', 'منذ كانون الأول 2021', '2021-12'],
    ['Maghreb جانفي', 'في جانفي 2020', '2020-01'],
    ['Maghreb جويلية', 'يوم 14 جويلية 2019', '2019-07-14'],
    ['Maghreb أوت with a year', 'في أوت 2019', '2019-08'],
    ['Maghreb فيفري', 'منذ 5 فيفري 2021', '2021-02-05'],
    ['dual naming with a slash', 'في يونيو/حزيران 2021', '2021-06'],
    ['dual naming in brackets', 'في حزيران (يونيو) 2021', '2021-06'],
    ['numeric d/m/y', 'بتاريخ 28/11/2022 أعلن', '2022-11-28'],
    ['ISO date', 'صدر في 2022-11-28', '2022-11-28'],
    ['Arabic-Indic digits', 'في ٢٨ نوفمبر ٢٠٢٢', '2022-11-28'],
    ['عام 2020', 'في عام 2020 انتشر', '2020'],
    ['bare year after في', 'تأسس الحزب في 2019 بعد', '2019'],
    ['a year in words', 'الأولى منذ عام ألفين وعشرة', '2010'],
    ['ordinal day', 'في الرابع من أبريل 2018', '2018-04-04'],
    ['Hijri year', 'ولد عام ١٤٤٤ هـ', '2022-07-30/2023-07-18'],
    ['Hijri day month year', 'في 15 رمضان 1444', '2023-04-06'],
    ['Hijri month in a Gregorian year', 'خلال رمضان 2019', '2019-05-06/2019-06-03'],
    ['day range in a month', 'من 5 إلى 10 يونيو 2022', '2022-06-05/2022-06-10'],
    ['year range', 'بين عامي 2010 و2015', '2010/2015'],
    ['season range', 'في موسم 2018-2019', '2018/2019'],
    ['holiday with a year', 'عيد الميلاد 2020', '2020-12-25'],
    ['nth weekday of a month', 'ثالث ثلاثاء في أيلول 2014', '2014-09-16'],
    ['last day of a month', 'آخر يوم بشهر عشرة سنة 2015', '2015-10-31'],
  ];
  for (const [name, text, value] of cases) {
    it(name, () => {
      const t = tag(text);
      expect(t.map((x) => x.value)).toContain(value);
      expect(t.find((x) => x.value === value)?.anchor).toBe('absolute');
    });
  }
});

describe('modifiers', () => {
  const cases: Array<[string, string, string, string]> = [
    ['مطلع العام → START of this year', 'منذ مطلع العام', '2022', 'START'],
    ['منتصف مارس 2020 → MID', 'في منتصف مارس 2020', '2020-03', 'MID'],
    ['أواخر 2019 → END', 'في أواخر 2019', '2019', 'END'],
    ['أوائل الشهر الماضي → START', 'في أوائل الشهر الماضي', '2022-10', 'START'],
    ['نحو الساعة 3 → APPROX', 'نحو الساعة 3 فجراً', '2022-11-28T03:00', 'APPROX'],
    ['نهاية سبتمبر → END', 'في نهاية سبتمبر', '2022-09', 'END'],
  ];
  for (const [name, text, value, mod] of cases) {
    it(name, () => {
      const t = tag(text);
      expect(t).toHaveLength(1);
      expect([t[0].value, t[0].mod]).toEqual([value, mod]);
    });
  }
});

describe('anaphora resolve to the latest expression of the right granularity', () => {
  it('الشهر ذاته after a month', () => {
    const t = tag('وفي يونيو الماضي، بدأ الخلاف. وفي الشهر ذاته، رفض الرئيس الاعتراف');
    expect(t.map((x) => [x.text, x.value, x.anchor])).toEqual([
      ['يونيو الماضي', '2022-06', 'published'],
      ['الشهر ذاته', '2022-06', 'previous'],
    ]);
  });
  it('حينها takes the value before it', () =>
    expect(one('في يونيو الماضي، ما فتح الباب أمام التساؤلات حينها بشأن', 'حينها').value).toBe('2022-06'));
  it('اليوم نفسه takes a day', () =>
    expect(one('وصل في 3 مارس 2021، وفي اليوم نفسه التقى', 'اليوم نفسه').value).toBe('2021-03-03'));
  it('العام ذاته truncates a day to its year', () =>
    expect(one('في 3 مارس 2014 بدأ، وفي العام ذاته انتهى', 'العام ذاته').value).toBe('2014'));
  it('آنذاك skips expressions of the present', () =>
    expect(one('في عام 2003 كان هناك. وقال الآن، بعد هجوم هذه الليلة، إن الرئيس آنذاك قال', 'آنذاك').value).toBe(
      '2003',
    ));
  it('an anaphor with nothing before it is not tagged', () => expect(tag('وفي الشهر ذاته رفض')).toEqual([]));
});

describe('durations, sets and references', () => {
  const cases: Array<[string, string, string, Timex['type']]> = [
    ['لعقود → P10Y', 'بالانفصال لعقود أو', 'P10Y', 'DURATION'],
    ['لمئات السنين → P100Y', 'أو لمئات السنين مع', 'P100Y', 'DURATION'],
    ['ثلاث سنوات → P3Y', 'سجن ثلاث سنوات', 'P3Y', 'DURATION'],
    ['48 ساعة → PT48H', 'مهلة 48 ساعة', 'PT48H', 'DURATION'],
    ['ساعة ونصف', 'استمر ساعة ونصف', 'PT1.5H', 'DURATION'],
    ['خلال الأيام الماضية → PXD', 'خلال الأيام الماضية', 'PXD', 'DURATION'],
    ['الأسابيع الثلاثة القادمة → P3W', 'خلال الأسابيع الثلاثة القادمة', 'P3W', 'DURATION'],
    ['كل يوم', 'يتناول الدواء كل يوم', 'P1D', 'SET'],
    ['أسبوعياً', 'يجتمعون أسبوعياً', 'P1W', 'SET'],
    ['سنوياً', 'تنتج مليون طن سنوياً', 'P1Y', 'SET'],
    ['كل 4 سنوات', 'تجرى كل 4 سنوات', 'P4Y', 'SET'],
    ['حالياً → PRESENT_REF', 'بدلاً من 193 فقط حالياً، ما', 'PRESENT_REF', 'DATE'],
    ['الآن → PRESENT_REF', 'مستمر حتى الآن.', 'PRESENT_REF', 'DATE'],
    ['مؤخراً → PAST_REF', 'أجري مؤخراً', 'PAST_REF', 'DATE'],
  ];
  for (const [name, text, value, type] of cases) {
    it(name, () => {
      const t = tag(text);
      expect(t).toHaveLength(1);
      expect([t[0].value, t[0].type]).toEqual([value, type]);
    });
  }
});

describe('not times', () => {
  const cases: Array<[string, string]> = [
    ['a range of countries', 'فستكون هناك من 500 إلى 600 دولة بدلاً من 193'],
    ['a bare count', 'هناك 193 فقط'],
    ['the former secretary-general', 'قال الأمين العام السابق للحلف'],
    ['Alain Juppé', 'قال ألان جوبيه إن'],
    ['Alan Tudge', 'وذكر، آلان تدغ، وزير البنية'],
    ['مارس as a verb', 'مارس الضغط على الحكومة'],
    ['رجب as a name', 'التقى رجب طيب أردوغان'],
    ['وقتها as a noun', 'انتهى وقتها الأصلي بالتعادل'],
    ['ordinals', 'لولاية رئاسية ثانية وفي حال تنفيذ المبدأ الثاني'],
    ['a score', 'فاز 2-1 على ضيفه'],
    ['Friday prayer is not a date', 'بعد صلاة الجمعة'],
    ['International day names', 'اليوم العالمي للمرأة'],
    ['a lone unit', 'في الساعة الأخيرة من المفاوضات'],
  ];
  for (const [name, text] of cases) it(name, () => expect(tag(text).map((t) => t.text)).toEqual([]));
  it('a third person is not a third day', () =>
    expect(tag('وانضمت إليهن ثالثة في آذار').map((t) => t.value)).toEqual(['2022-03']));
  it('a score before a weekday is not a day count', () =>
    expect(tag('وإيابا 2-1 يوم الثلاثاء').map((t) => t.type)).toEqual(['DATE']));
});

describe('without a reference date', () => {
  const cases: Array<[string, string]> = [
    ['الاثنين', 'XXXX-WXX-1'],
    ['في 28 نوفمبر', 'XXXX-11-28'],
    ['الأسبوع الماضي', 'PAST_REF'],
    ['العام المقبل', 'FUTURE_REF'],
    ['في 28 نوفمبر 2022', '2022-11-28'],
  ];
  for (const [text, value] of cases)
    it(`${text} → ${value}`, () => expect(tag(text, null).map((t) => t.value)).toEqual([value]));
});

describe('the seed paragraphs', () => {
  it('finds every time of the founding sample with its value', () => {
    const text = [
      'الرئيس الروسي فلاديمير بوتين يصافح نظيره الكازاخستاني قاسم توكاييف في موسكو، 28 نوفمبر 2022.',
      'أظهر الرئيس الروسي فلاديمير بوتين ونظيره الكازاخستاني قاسم جومارت توكاييف وحدتهما، الاثنين، عبر الإشادة بعلاقاتهما التاريخية.',
      'وهذه الزيارة هي الأولى لرئيس كازاخستان إلى الخارج منذ تنصيبه الأسبوع الماضي لولاية رئاسية ثانية في كازاخستان.',
      'في الأسبوع الماضي، دعا توكاييف. وأكد أنه "لا يجب السماح للشعبين الروسي والأوكراني الشقيقين، بالانفصال لعقود أو لمئات السنين مع أحقاد".',
      'يشار إلى أن أستانا استقبلت عشرات الآلاف من الروس، الذين فروا من التعبئة الجزئية التي أعلنها بوتين في نهاية سبتمبر.',
      'وفي يونيو الماضي، بدأت بوادر خلاف نادر، ما فتح الباب أمام التساؤلات حينها بشأن مستقبل العلاقات.',
      'وفي الشهر ذاته، رفض رئيس كازاخستان الاعتراف بإقليمي لوغانسك ودونيتسك.',
      'وقال إنه "في حال تنفيذ المبدأ الثاني بشكل كامل، فستكون هناك من 500 إلى 600 دولة بدلاً من 193 فقط حالياً، ما سيؤدي إلى الفوضى".',
    ].join('\n\n');
    expect(tag(text).map((t) => [t.text, t.value, t.mod])).toEqual([
      ['28 نوفمبر 2022', '2022-11-28', null],
      ['الاثنين', '2022-11-28', null],
      ['الأسبوع الماضي', '2022-W47', null],
      ['الأسبوع الماضي', '2022-W47', null],
      ['عقود', 'P10Y', null],
      ['مئات السنين', 'P100Y', null],
      ['نهاية سبتمبر', '2022-09', 'END'],
      ['يونيو الماضي', '2022-06', null],
      ['حينها', '2022-06', null],
      ['الشهر ذاته', '2022-06', null],
      ['حالياً', 'PRESENT_REF', null],
    ]);
  });
});

describe('the stage', () => {
  const doc = (text: string) => newAnalysis('t', text, 'body', { ...emptyArticle(), published: REF });
  it('returns a new Analysis and leaves the input alone', () => {
    const d = doc('التقى الوزير أمس نظيره');
    const out = timeStage.run(d, { referenceDate: REF });
    expect(out).not.toBe(d);
    expect(d.times).toEqual([]);
    expect(out.times.map((t) => t.value)).toEqual(['2022-11-27']);
  });
  it('gives each time the index of its sentence', () => {
    const d = {
      ...doc('جملة أولى أمس. جملة ثانية اليوم.'),
      sentences: [
        { start: 0, end: 14, index: 0, tokenStart: 0, tokenEnd: 0 },
        { start: 15, end: 32, index: 1, tokenStart: 0, tokenEnd: 0 },
      ],
    };
    expect(timeStage.run(d, { referenceDate: REF }).times.map((t) => t.sentence)).toEqual([0, 1]);
  });
  it('skips times inside organisation names', () => {
    const text = 'قالت قناة روسيا اليوم إن';
    const d = {
      ...doc(text),
      mentions: [
        {
          text: 'روسيا اليوم',
          start: 10,
          end: 21,
          sentence: 0,
          type: 'ORG' as const,
          subtype: null,
          source: 'kb' as const,
          kbId: null,
          entityId: null,
        },
      ],
    };
    expect(timeStage.run(d, { referenceDate: REF }).times).toEqual([]);
  });
  it('survives empty, non-Arabic and odd input', () => {
    for (const t of ['', ' ', 'hello world 2022', '\u0000\uFFFF', 'ـــ', '١٢٣٤٥٦٧٨٩٠'.repeat(100), 'في'.repeat(5000)])
      expect(() => timeStage.run(doc(t), { referenceDate: REF })).not.toThrow();
  });
  it('ignores a malformed reference date (resolves absolute expressions only)', () => {
    expect(tagTimes('في 28 نوفمبر 2022 و الاثنين', { referenceDate: 'soon' }).map((t) => t.value)).toEqual([
      '2022-11-28',
      'XXXX-WXX-1',
    ]);
  });
});

describe('offsets', () => {
  const WORDS = [
    'في',
    'من',
    'إلى',
    'الاثنين',
    'الماضي',
    'الأسبوع',
    'نوفمبر',
    'يونيو/حزيران',
    '28',
    '2022',
    '٢٠٢٢',
    '/',
    '-',
    '،',
    '.',
    'عام',
    'الساعة',
    'العاشرة',
    'صباحاً',
    'قبل',
    '3',
    'أيام',
    'لعقود',
    'حينها',
    'الشهر',
    'ذاته',
    'نهاية',
    'رمضان',
    '1444',
    'هـ',
    'بين',
    'و',
    'كل',
    'يوم',
    '\n',
    'مساء',
  ];
  it('every span slices to its text, on random word soups', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }), fc.constantFrom(' ', '', '  '), (ws, sep) => {
        const text = ws.join(sep);
        for (const t of tagTimes(text, { referenceDate: REF })) {
          expect(text.slice(t.start, t.end)).toBe(t.text);
          expect(typeof t.value).toBe('string');
          expect(t.value.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => void tagTimes(s, { referenceDate: REF })),
      { numRuns: 300 },
    );
  });
});
