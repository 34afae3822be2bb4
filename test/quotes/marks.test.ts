import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { pairMarks } from '../../src/quotes/marks.js';

const inner = (text: string) => pairMarks(text).map((p) => text.slice(p.innerStart, p.innerEnd));

describe('pairMarks', () => {
  const cases: Array<[string, string, string[]]> = [
    ['straight marks', 'قال: "نعم" ثم "لا".', ['نعم', 'لا']],
    ['guillemets', 'قال: «نعم» ثم «لا».', ['نعم', 'لا']],
    ['curly marks', 'قال: “نعم” ثم “لا”.', ['نعم', 'لا']],
    ['angle marks', 'قال: ‹نعم›.', ['نعم']],
    ['reversed guillemets', 'قال: »نعم« ثم.', ['نعم']],
    ['reversed curly marks', 'قال: ”نعم“ ثم.', ['نعم']],
    ['a mark glued to بـ', 'متعهداً بـ"بذل كل ما في وسعه" لضمان', ['بذل كل ما في وسعه']],
    ['nested: only the outer pair', 'قال: «قرأت "الحرب والسلام" مرتين».', ['قرأت "الحرب والسلام" مرتين']],
    ['spaces inside the marks are trimmed', 'قال: " نعم ".', ['نعم']],
    ['an unclosed mark yields nothing', 'قال: "نعم ولم يغلق', []],
    ['an unclosed outer mark keeps its closed inner pair', 'قال: «قرأت "كتاباً" ولم يغلق', ['كتاباً']],
    ['a stray closer is ignored', 'نعم» قال "لا".', ['لا']],
    ['an empty pair is dropped', 'قال: "" ثم "لا".', ['لا']],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(inner(text)).toEqual(expected);
  });

  it('pairs only inside the given range', () => {
    const text = 'أ "ب\n\nج" د';
    expect(pairMarks(text, 0, text.indexOf('\n'))).toEqual([]);
  });

  it('never crashes and returns ordered, disjoint, non-empty spans inside the range', () => {
    const alphabet = fc.constantFrom('"', '«', '»', '“', '”', '„', '‹', '›', ' ', 'ب', 'ق', ':', '.', '\n');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')),
        (text) => {
          const pairs = pairMarks(text);
          let last = -1;
          for (const p of pairs) {
            expect(p.open).toBeGreaterThan(last);
            expect(p.innerStart).toBeGreaterThan(p.open);
            expect(p.innerEnd).toBeGreaterThan(p.innerStart);
            expect(p.close).toBeGreaterThanOrEqual(p.innerEnd);
            last = p.close;
          }
        },
      ),
    );
  });
});
