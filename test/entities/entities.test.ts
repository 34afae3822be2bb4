// The entities stage as a whole: KB + tagger + titles + coreference, through analyze().
import { describe, it, expect } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { transliterate } from '../../src/entities/translit.js';
import { InputError } from '../../src/analysis/errors.js';

const entityOf = (a: ReturnType<typeof analyze>, surface: string) =>
  a.entities.find((e) => e.mentions.some((m) => m.text === surface));

describe('entities: clitic-aware KB matching', () => {
  it('finds names behind glued proclitics and starts the mention after them', () => {
    const a = analyze({ body: 'وصل الوفد إلى موسكو، وكازاخستان ترحب بالاتفاق مع لروسيا وبالكرملين.', published: '2022-11-28' });
    const kz = a.entities.find((e) => e.id === 'iso:KZ');
    expect(kz).toBeDefined();
    expect(kz!.mentions.map((m) => m.text)).toContain('كازاخستان');
    const kremlin = a.entities.find((e) => e.id === 'fac:kremlin');
    expect(kremlin?.mentions[0].text).toBe('الكرملين');
    expect(kremlin?.standsFor).toBe('iso:RU');
    for (const m of a.mentions) expect(a.text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('entities: titles resolved to the office holder at the article date', () => {
  const text = 'وقال رئيس الوزراء البريطاني إن الحكومة ستدرس الخطة.';
  it.each([
    ['2019-06-01', 'per:theresa-may'],
    ['2022-10-01', 'per:liz-truss'],
    ['2022-11-20', 'per:rishi-sunak'],
  ])('on %s the British prime minister is %s', (date, id) => {
    const a = analyze({ body: text, published: date });
    const e = entityOf(a, 'رئيس الوزراء البريطاني');
    expect(e?.id).toBe(id);
    expect(e?.type).toBe('PER');
  });
  it('«رئيس كازاخستان» is Nazarbayev in 2018 and Tokayev in 2022', () => {
    const body = 'واستقبل رئيس كازاخستان الوفد في أستانا.';
    expect(entityOf(analyze({ body, published: '2018-05-01' }), 'رئيس كازاخستان')?.id).toBe('per:nursultan-nazarbayev');
    expect(entityOf(analyze({ body, published: '2022-11-28' }), 'رئيس كازاخستان')?.id).toBe('per:kassym-jomart-tokayev');
  });
  it('a title without a date stays a title', () => {
    const a = analyze({ body: 'وقال رئيس الوزراء البريطاني إن الحكومة ستدرس الخطة.' });
    expect(entityOf(a, 'رئيس الوزراء البريطاني')).toBeUndefined();
  });
});

describe('entities: coreference inside the article', () => {
  it('groups full name, surname and title under one person, and acts for the state', () => {
    const a = analyze({
      body: 'التقى الرئيس الروسي فلاديمير بوتين نظيره الكازاخستاني قاسم جومارت توكاييف في موسكو.\n\nوقال توكاييف إن العلاقات قوية. وأكد بوتين ذلك.',
      published: '2022-11-28',
    });
    const putin = a.entities.find((e) => e.id === 'per:vladimir-putin');
    const tokayev = a.entities.find((e) => e.id === 'per:kassym-jomart-tokayev');
    expect(putin?.mentions.map((m) => m.text)).toEqual(['فلاديمير بوتين', 'بوتين']);
    expect(tokayev?.mentions.map((m) => m.text)).toEqual(['قاسم جومارت توكاييف', 'توكاييف']);
    expect(putin?.actsFor).toBe('iso:RU');
    expect(tokayev?.actsFor).toBe('iso:KZ');
    // one entity per referent
    expect(a.entities.filter((e) => e.name.en === 'Vladimir Putin')).toHaveLength(1);
  });
  it('joins a surname to an unknown full name introduced earlier', () => {
    const a = analyze({
      body: 'وقال المحامي سامر خليل عبد الجواد إن موكله بريء.\n\nوأضاف عبد الجواد أن المحكمة ستنظر في القضية الأسبوع المقبل.',
      published: '2021-03-01',
    });
    const people = a.entities.filter((e) => e.type === 'PER');
    expect(people).toHaveLength(1);
    expect(people[0].mentions.map((m) => m.text)).toEqual(['سامر خليل عبد الجواد', 'عبد الجواد']);
    expect(people[0].enTransliterated).toBe(true);
    expect(people[0].id.startsWith('local:')).toBe(true);
  });
});

describe('entities: a name that is in no list', () => {
  it('gets a marked transliteration rather than null', () => {
    expect(transliterate('توكاييف')).toMatch(/^Tu?ka/);
    expect(transliterate('محمد بن سلمان')).toBe('Muhammad bin Salman');
    const a = analyze({ body: 'وقال المحامي سامر خليل عبد الجواد إن موكله بريء.', published: '2021-03-01' });
    const unknown = a.entities.filter((x) => x.id.startsWith('local:'));
    expect(unknown.length).toBeGreaterThan(0);
    for (const e of unknown) {
      expect(e.name.en).toMatch(/^[A-Z]/);
      expect(e.enTransliterated).toBe(true);
    }
  });
});

describe('entities: degenerate input', () => {
  it.each(['hello world', '١٢٣٤٥', '؟؟؟ ... !!!', 'ـــــ', 'ب ل ك و ف', 'ال ال ال'])('never throws on %j', (body) => {
    const a = analyze({ body });
    expect(Array.isArray(a.entities)).toBe(true);
  });
  it('refuses an empty body with a clear InputError', () => {
    expect(() => analyze({ body: '   ' })).toThrow(InputError);
  });
});
