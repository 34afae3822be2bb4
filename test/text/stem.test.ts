import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lightStem, stripSuffixes } from '../../src/text/stem.js';
import { anyText } from './arbitraries.js';

describe('lightStem', () => {
  const families: [string, string[]][] = [
    ['Kazakhstan and its nisba', ['كازاخستان', 'الكازاخستاني', 'الكازاخستانية', 'وكازاخستان', 'الكازاخستانيين']],
    ['Russia and its nisba', ['روسيا', 'لروسيا', 'الروسية', 'الروسي', 'روسي', 'الروس']],
    ['Saudi', ['السعودية', 'السعوديين', 'السعودي', 'سعوديون']],
    ['Ukraine', ['أوكرانيا', 'الأوكراني', 'الأوكرانية']],
    ['Syria', ['سوريا', 'السوري', 'السوريين']],
    ['relations with a pronoun', ['علاقات', 'علاقاتهما', 'العلاقات', 'بعلاقاتهما']],
    ['clitics around a verb', ['قال', 'وقال', 'فقال']],
  ];
  it.each(families)('%s share a stem', (_name, words) => {
    const stems = new Set(words.map(lightStem));
    expect([...stems]).toHaveLength(1);
  });

  it('does not strip what the segmenter keeps', () => {
    expect(lightStem('وزير')).toBe('وزير');
    expect(lightStem('بين')).toBe('بين');
  });

  it('keeps at least three letters', () => {
    expect(lightStem('بيان')).toBe('بيان');
    expect(lightStem('بيانات')).toBe('بيان');
    expect(stripSuffixes('انه')).toBe('انه');
  });

  it('hamza-seated alef is not an article', () => {
    expect(lightStem('ألمانيا')).toBe(lightStem('الألماني'));
  });

  it('lower-cases words without Arabic letters', () => {
    expect(lightStem('AFP')).toBe('afp');
    expect(lightStem('٢٠٢٢')).toBe('2022');
  });

  it('never throws (property)', () => {
    fc.assert(
      fc.property(anyText, (w) => {
        const s = lightStem(w);
        expect(typeof s).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });
});
