import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_QUOTE_CHARS, splitSentences } from '../../src/text/sentences.js';
import { anyText } from './arbitraries.js';

const split = (s: string) => splitSentences(s).map((sp) => s.slice(sp.start, sp.end));

describe('splitSentences', () => {
  const cases: [string, string, string[]][] = [
    [
      'ends on . ? ! and ؟',
      'قال الرئيس. وأضاف أن الزيارة مهمة؟ نعم! انتهى',
      ['قال الرئيس.', 'وأضاف أن الزيارة مهمة؟', 'نعم!', 'انتهى'],
    ],
    ['not on the Arabic comma or semicolon', 'قال الرئيس، وأضاف؛ ثم غادر.', ['قال الرئيس، وأضاف؛ ثم غادر.']],
    ['a run of terminals is one end', 'حقاً؟! لا أصدق.', ['حقاً؟!', 'لا أصدق.']],
    [
      'every line break ends a sentence',
      'العنوان\nالفقرة الأولى\n\nالفقرة الثانية',
      ['العنوان', 'الفقرة الأولى', 'الفقرة الثانية'],
    ],
    [
      '«..» in a headline is a pause',
      'روسيا وكازاخستان.. "شراكة استراتيجية" بعد خلاف',
      ['روسيا وكازاخستان.. "شراكة استراتيجية" بعد خلاف'],
    ],
    ['an ellipsis is a pause', 'قال إن... الأمر صعب… جداً.', ['قال إن... الأمر صعب… جداً.']],
    ['decimals', 'بلغ النمو 3.5 في المئة و٣٫٥ هناك.', ['بلغ النمو 3.5 في المئة و٣٫٥ هناك.']],
    [
      'a stop glued to the next word ends',
      'في نهاية سبتمبر.وفي يونيو الماضي',
      ['في نهاية سبتمبر.', 'وفي يونيو الماضي'],
    ],
    ['single-letter initials: «د.»', 'قال د. أحمد زويل إن العلم مهم.', ['قال د. أحمد زويل إن العلم مهم.']],
    ['single-letter initials: «م.» and «ج.»', 'التقى م. خالد مع ج. بوش أمس.', ['التقى م. خالد مع ج. بوش أمس.']],
    ['dotted acronym «أ.ف.ب.»', 'ذكرت أ.ف.ب. أن الرئيس وصل.', ['ذكرت أ.ف.ب. أن الرئيس وصل.']],
    [
      'spaced acronym «أ ف ب.» ends',
      'نقلت ذلك وكالة أ ف ب. وقال مصدر آخر.',
      ['نقلت ذلك وكالة أ ف ب.', 'وقال مصدر آخر.'],
    ],
    ['a letter after a year ends (era)', 'ولد عام 1950 م. وتوفي لاحقاً.', ['ولد عام 1950 م.', 'وتوفي لاحقاً.']],
    [
      'Latin initials and abbreviations',
      'U.S. officials met Mr. Smith and J. Doe today. Then they left.',
      ['U.S. officials met Mr. Smith and J. Doe today.', 'Then they left.'],
    ],
    ['domain names and versions', 'زوروا example.com أو النسخة v1.2 الآن.', ['زوروا example.com أو النسخة v1.2 الآن.']],
    [
      'a stop inside a quotation does not end',
      'وقال: "سنفعل ذلك. ولن نتراجع". وأضاف أنه راضٍ.',
      ['وقال: "سنفعل ذلك. ولن نتراجع".', 'وأضاف أنه راضٍ.'],
    ],
    ['guillemets too', 'قال: «لن نتراجع. أبداً» ثم غادر.', ['قال: «لن نتراجع. أبداً» ثم غادر.']],
    [
      'a terminal closing the quotation ends with it',
      'قال: «انتهى الأمر.» ثم غادر القاعة.',
      ['قال: «انتهى الأمر.»', 'ثم غادر القاعة.'],
    ],
    [
      '…unless the clause goes on after the quote',
      'قال: «انتهى الأمر.»، مشيراً إلى الاتفاق.',
      ['قال: «انتهى الأمر.»، مشيراً إلى الاتفاق.'],
    ],
    [
      'an unbalanced quote does not swallow the paragraph',
      'قال "نعم. ثم ذهب. وعاد.',
      ['قال "نعم.', 'ثم ذهب.', 'وعاد.'],
    ],
    ['closing brackets stay with their sentence', 'وصل الرئيس (أمس.) وغادر.', ['وصل الرئيس (أمس.)', 'وغادر.']],
    ['Urdu full stop and full-width marks', 'نعم۔ لا！ ربما？', ['نعم۔', 'لا！', 'ربما？']],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(split(input)).toEqual(expected);
  });

  it('lets a quotation longer than MAX_QUOTE_CHARS be split', () => {
    const long = 'هذه جملة طويلة. '.repeat(Math.ceil(MAX_QUOTE_CHARS / 16) + 2);
    const s = `قال: "${long.trim()}" ثم صمت.`;
    expect(split(s).length).toBeGreaterThan(3);
  });

  it('never crosses the blank line between blocks', () => {
    const s = 'قال: "الجملة الأولى\n\nوالثانية". انتهى';
    for (const sp of splitSentences(s)) expect(s.slice(sp.start, sp.end)).not.toContain('\n');
  });

  it('splits the seed article body', () => {
    const p =
      'وقال توكاييف خلال اجتماعه مع بوتين في الكرملين: "بالنسبة إلى كازاخستان، روسيا كانت وستظل الشريك الاستراتيجي الرئيسي"، مشيراً إلى أن "الزيارة تحمل طابعاً رمزياً نوعاً ما، ولكن لها دلالة سياسية أيضاً". وقال إنه "في حال تنفيذ المبدأ الثاني بشكل كامل، فستكون هناك من 500 إلى 600 دولة".';
    expect(split(p).length).toBe(2);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n\n \u200f ')).toEqual([]);
  });

  it('spans are trimmed, ordered, non-empty, within one line, and cover every visible character (property)', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const spans = splitSentences(s);
        let last = 0;
        const covered = new Uint8Array(s.length);
        for (const sp of spans) {
          expect(sp.start).toBeGreaterThanOrEqual(last);
          expect(sp.end).toBeGreaterThan(sp.start);
          expect(sp.end).toBeLessThanOrEqual(s.length);
          const text = s.slice(sp.start, sp.end);
          expect(/[\n\r\u2028\u2029]/.test(text)).toBe(false);
          expect(/^\s/u.test(text)).toBe(false);
          expect(/\s$/u.test(text)).toBe(false);
          covered.fill(1, sp.start, sp.end);
          last = sp.end;
        }
        for (let i = 0; i < s.length; i++) {
          if (!covered[i])
            expect(
              /[\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c\u00ad\u180e\u034f\ufe00-\ufe0f]/u.test(
                s[i],
              ),
            ).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
