import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { proclitcVariants, segmentWord } from '../../src/text/clitics.js';
import { anyText } from './arbitraries.js';

const seg = (w: string) => {
  const s = segmentWord(w);
  return { pro: [...s.proclitics], stem: s.stem, enc: [...s.enclitics] };
};

describe('segmentWord', () => {
  const notCut = [
    'بوتين',
    'أستانا',
    'كازاخستان',
    'لبنان',
    'بريطانيا',
    'فلسطين',
    'ليبيا',
    'والي',
    'وزير',
    'واشنطن',
    'بين',
    'كان',
    'كما',
    'لكن',
    'فيما',
    'الذي',
    'التي',
    'الله',
    'التقى',
    'هناك',
    'ذلك',
    'وحدة',
    'سيارة',
    'موسكو',
  ];
  it.each(notCut)('does not cut «%s»', (w) => {
    expect(seg(w)).toEqual({ pro: [], stem: w, enc: [] });
  });

  const cut: [string, string[], string, string[]][] = [
    ['وكازاخستان', ['و'], 'كازاخستان', []],
    ['بالكرملين', ['ب', 'ال'], 'كرملين', []],
    ['لروسيا', ['ل'], 'روسيا', []],
    ['للأمم', ['ل', 'ال'], 'أمم', []],
    ['للبنان', ['ل'], 'لبنان', []],
    ['وبموسكو', ['و', 'ب'], 'موسكو', []],
    ['وقال', ['و'], 'قال', []],
    ['وأستانا', ['و'], 'أستانا', []],
    ['وإلى', ['و'], 'إلى', []],
    ['الكازاخستاني', ['ال'], 'كازاخستاني', []],
    ['والغاز', ['و', 'ال'], 'غاز', []],
    ['سيكون', ['س'], 'يكون', []],
    ['وسيكون', ['و', 'س'], 'يكون', []],
    ['وللأمم', ['و', 'ل', 'ال'], 'أمم', []],
    ['فللأمم', ['ف', 'ل', 'ال'], 'أمم', []],
    ['وبالكرملين', ['و', 'ب', 'ال'], 'كرملين', []],
    ['كالعادة', ['ك', 'ال'], 'عادة', []],
    ['علاقاتهما', [], 'علاقات', ['هما']],
    ['بعلاقاتهما', ['ب'], 'علاقات', ['هما']],
    ['اجتماعه', [], 'اجتماع', ['ه']],
    ['وجودها', [], 'وجود', ['ها']],
    ['إليه', [], 'إلي', ['ه']],
  ];
  it.each(cut)('cuts «%s»', (w, pro, stem, enc) => {
    expect(seg(w)).toEqual({ pro, stem, enc });
  });

  it('tells a final ه (pronoun) from ة (taa marbuta), which the folded lexicon merges', () => {
    expect(seg('كتابه')).toEqual({ pro: [], stem: 'كتاب', enc: ['ه'] });
    expect(seg('كتابة')).toEqual({ pro: [], stem: 'كتابة', enc: [] });
    expect(seg('بدوره')).toEqual({ pro: ['ب'], stem: 'دور', enc: ['ه'] });
    expect(seg('دورة')).toEqual({ pro: [], stem: 'دورة', enc: [] });
  });

  it('prefers a known word + pronoun to conjunction + article + unknown stem', () => {
    expect(seg('والدها')).toEqual({ pro: [], stem: 'والد', enc: ['ها'] });
    expect(seg('بعده')).toEqual({ pro: [], stem: 'بعد', enc: ['ه'] });
  });

  it('counts a noun seen with the article as known (ولايات through الولايات)', () => {
    for (const w of ['ولايات', 'ولاية', 'وطني']) expect(seg(w).pro).toEqual([]);
  });

  it('does not read a nisba ي or a final ك as a pronoun without evidence', () => {
    for (const w of ['سعودي', 'رئيسي', 'جبلي', 'بنك']) expect(seg(w).enc).toEqual([]);
  });

  it('an unknown و-word loses its و (the conjunction is by far the likelier reading)', () => {
    expect(seg('وتوكاييف')).toEqual({ pro: ['و'], stem: 'توكاييف', enc: [] });
  });

  it('restores ة in the stem key before a pronoun', () => {
    const s = segmentWord('وحدتهما');
    expect(s.enclitics).toEqual(['هما']);
    expect(s.stem).toBe('وحدت');
    expect(s.stemNorm).toBe('وحده');
  });

  it('gives offsets into the word as written, diacritics included', () => {
    const s = segmentWord('وَقَالَ');
    expect(s.proclitics).toEqual(['و']);
    expect(s.stemStart).toBe(2);
    expect(s.stem).toBe('قَالَ');
    const k = segmentWord('بِالكَرْمَلِين');
    expect(k.stem).toBe('كَرْمَلِين');
    expect(k.stemNorm).toBe('كرملين');
    const e = segmentWord('اجتماعِهِ');
    expect(e.stem).toBe('اجتماعِ');
    expect(e.stemEnd).toBe(7);
  });

  it('leaves words that are not purely Arabic alone', () => {
    for (const w of ['AFP', '2022', 'بـ', 'و', '', 'G20', 'وAFP']) {
      const s = segmentWord(w);
      expect(s.proclitics).toEqual([]);
      expect(s.stem).toBe(w);
    }
  });

  it('returns frozen, cached results', () => {
    const a = segmentWord('وبالكرملين');
    expect(segmentWord('وبالكرملين')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.proclitics)).toBe(true);
  });

  it('never throws; the stem is the slice it claims to be (property)', () => {
    fc.assert(
      fc.property(anyText, (w) => {
        const s = segmentWord(w);
        expect(s.stemStart).toBeGreaterThanOrEqual(0);
        expect(s.stemEnd).toBeGreaterThanOrEqual(s.stemStart);
        expect(s.stemEnd).toBeLessThanOrEqual(w.length);
        expect(w.slice(s.stemStart, s.stemEnd)).toBe(s.stem);
        expect(s.enclitics.length).toBeLessThanOrEqual(1);
        if (s.proclitics.length === 0) expect(s.stemStart).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('proclitcVariants', () => {
  const forms = (w: string) => proclitcVariants(w).map((v) => `${v.form}@${v.offset}`);

  it('offers the brief’s gazetteer forms', () => {
    expect(forms('وكازاخستان')).toContain('كازاخستان@1');
    expect(forms('بالكرملين')).toEqual(expect.arrayContaining(['بالكرملين@0', 'الكرملين@1', 'كرملين@3']));
    expect(forms('لروسيا')).toContain('روسيا@1');
    expect(forms('للأمم')).toEqual(expect.arrayContaining(['للأمم@0', 'الأمم@1', 'أمم@2']));
    expect(forms('وبموسكو')).toEqual(expect.arrayContaining(['بموسكو@1', 'موسكو@2']));
    expect(forms('الكرملين')).toEqual(['الكرملين@0', 'كرملين@2']);
  });

  it('marks the restored article and what the segmenter would choose', () => {
    const amam = proclitcVariants('للأمم');
    const restored = amam.find((v) => v.restoredArticle);
    expect(restored).toMatchObject({ form: 'الأمم', offset: 1, likely: true });
    const lebanon = proclitcVariants('لبنان');
    expect(lebanon.find((v) => v.offset === 0)?.likely).toBe(true);
    expect(lebanon.find((v) => v.form === 'بنان')?.likely).toBe(false);
    expect(proclitcVariants('وكازاخستان').find((v) => v.form === 'كازاخستان')?.likely).toBe(true);
  });

  it('keeps offsets into the word as written', () => {
    const v = proclitcVariants('وَبِمُوسكو').find((x) => x.form.startsWith('مُ'));
    expect(v).toMatchObject({ form: 'مُوسكو', offset: 4 });
  });

  it('offers only the word itself for short or non-Arabic words', () => {
    expect(forms('من')).toEqual(['من@0']);
    expect(forms('AFP')).toEqual(['AFP@0']);
  });

  it('never throws; offsets are valid and forms are slices (property)', () => {
    fc.assert(
      fc.property(anyText, (w) => {
        const vs = proclitcVariants(w);
        expect(vs[0]).toEqual({ form: w, offset: 0, likely: true });
        let last = 0;
        for (const v of vs) {
          expect(v.offset).toBeGreaterThanOrEqual(last);
          expect(v.offset).toBeLessThanOrEqual(w.length);
          expect(v.form).toBe(v.restoredArticle ? 'ا' + w.slice(v.offset) : w.slice(v.offset));
          last = v.offset;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
