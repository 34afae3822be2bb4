import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeTerms, analyzeText, stopWordSet, termOfToken } from '../../src/search/analyzer.js';
import { normalizeArabic } from '../../src/text/normalize.js';
import {
  entityTerm,
  kbEntityLookup,
  parseQuery,
  scoringTerms,
  toFts5,
  toFts5Exclusion,
  toTsquery,
  toTsqueryExclusion,
} from '../../src/search/query.js';
import { buildSnippet, MARK_CLOSE, MARK_OPEN } from '../../src/store/snippet.js';
import { readSearchDataLines } from '../../src/search/data.js';

const term = (w: string) => termOfToken(w, 'arabic');

describe('search analyzer', () => {
  it('keeps person names whole where a light stemmer (or Snowball) would cut them', () => {
    expect(term('بوتين')).toBe('بوتين');
    expect(term('وبوتين')).toBe('بوتين');
    expect(term('لبوتين')).toBe('بوتين');
    expect(term('سلمان')).toBe('سلمان');
  });

  it('conflates a country, its nisba and their clitic forms', () => {
    const r = term('روسيا');
    expect(r).not.toBeNull();
    for (const w of ['والروسية', 'الروسي', 'الروسية', 'لروسيا', 'وروسيا']) expect(term(w), w).toBe(r);
    expect(term('الكازاخستاني')).toBe(term('وكازاخستان'));
  });

  it('folds spelling variants and diacritics', () => {
    expect(term('الرئيسُ')).toBe(term('الرئيس'));
    expect(term('أمريكا')).toBe(term('امريكا'));
    expect(term('المتحدة')).toBe(term('المتحده'));
    expect(term('مصطفى')).toBe(term('مصطفي'));
  });

  it('drops stop words, also behind a proclitic or before a pronoun', () => {
    for (const w of ['في', 'وفي', 'الذي', 'فيها', 'وقد', 'إلى', 'الى']) expect(term(w), w).toBeNull();
    expect(termOfToken('the', 'latin')).toBeNull();
  });

  it('does not drop content words', () => {
    for (const w of ['قال', 'رئيس', 'النفط', 'حرب']) expect(term(w), w).not.toBeNull();
  });

  it('lower-cases Latin words, keeps numbers as one term', () => {
    expect(termOfToken('Putin', 'latin')).toBe('putin');
    expect(termOfToken("O'Brien", 'latin')).toBe('obrien');
    expect(termOfToken('1,000', 'number')).toBe('1000');
    expect(termOfToken('3.5', 'number')).toBe('3d5');
    expect(termOfToken('٢٠٢٢', 'number')).toBe('2022');
  });

  it('gives every term the span of its token in the text', () => {
    const text = 'وقال الرئيسُ الروسي فلاديمير بوتين: "نعم".';
    const terms = analyzeText(text);
    expect(terms.map((t) => t.term)).toEqual([
      'قال',
      term('الرئيس'),
      term('روسيا'),
      term('فلاديمير'),
      'بوتين',
      term('نعم'),
    ]);
    for (const t of terms) expect(termOfToken(text.slice(t.start, t.end), 'arabic')).toBe(t.term);
  });

  it('emits only letters and digits (one token for FTS5 unicode61 and for tsvector lexemes)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        for (const t of analyzeTerms(s)) expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on odd input', () => {
    for (const s of ['', ' ', '\u0000', '\ud800', 'ـــ', '٫٬', '😀 بوتين 😀', 'a'.repeat(10000)])
      expect(() => analyzeText(s)).not.toThrow();
  });
});

describe('stop word data', () => {
  it('has a source header and lists only words', () => {
    const lines = readSearchDataLines('stopwords.txt');
    expect(lines.length).toBeGreaterThan(50);
    for (const l of lines) expect(l).toMatch(/^[\p{L}]+$/u);
    expect(stopWordSet().has(normalizeArabic('إلى'))).toBe(true);
  });
});

const noKb = { lookupEntity: () => [] as string[] };

describe('query parser', () => {
  it('ANDs words, groups OR, keeps phrases and exclusions', () => {
    const p = parseQuery('روسيا OR أوكرانيا "الأمم المتحدة" -حرب', noKb);
    expect(p.clauses).toHaveLength(2);
    expect(p.clauses[0].alternatives.map((a) => a.kind === 'phrase' && a.terms)).toEqual([
      [term('روسيا')],
      [term('أوكرانيا')],
    ]);
    expect(p.clauses[1].alternatives[0]).toMatchObject({ kind: 'phrase', terms: [term('الأمم'), term('المتحدة')] });
    expect(p.exclude).toHaveLength(1);
    expect(toFts5(p)).toBe(`("${term('روسيا')}" OR "${term('أوكرانيا')}") AND "${term('الأمم')} ${term('المتحدة')}"`);
    expect(toFts5Exclusion(p)).toBe(`"${term('حرب')}"`);
    expect(toTsquery(p)).toBe(
      `('${term('روسيا')}' | '${term('أوكرانيا')}') & ('${term('الأمم')}' <-> '${term('المتحدة')}')`,
    );
    expect(toTsqueryExclusion(p)).toBe(`'${term('حرب')}'`);
  });

  it('accepts Arabic quotation marks for phrases', () => {
    const p = parseQuery('«الأمم المتحدة»', noKb);
    expect(p.clauses[0].alternatives[0]).toMatchObject({ kind: 'phrase', terms: [term('الأمم'), term('المتحدة')] });
  });

  it('drops stop words and reports them', () => {
    const p = parseQuery('في موسكو', noKb);
    expect(p.clauses).toHaveLength(1);
    expect(p.dropped).toEqual(['في']);
    expect(parseQuery('في من', noKb).clauses).toHaveLength(0);
  });

  it('resolves English names through the KB lookup, longest run first', () => {
    const known: Record<string, string[]> = {
      'vladimir putin': ['per:vladimir-putin'],
      putin: ['per:vladimir-putin'],
      'saudi arabia': ['iso:SA'],
    };
    const lookupEntity = (n: string) => known[n.toLowerCase()] ?? [];
    const p = parseQuery('Vladimir Putin oil', { lookupEntity });
    expect(p.clauses).toHaveLength(2);
    expect(p.clauses[0].alternatives).toEqual([
      { kind: 'phrase', terms: ['vladimir', 'putin'], raw: 'Vladimir Putin' },
      { kind: 'entity', id: 'per:vladimir-putin', raw: 'Vladimir Putin' },
    ]);
    expect(scoringTerms(p)).toContain(entityTerm('per:vladimir-putin'));
    const q = parseQuery('"Saudi Arabia" OR Putin', { lookupEntity });
    expect(q.clauses).toHaveLength(1);
    expect(
      q.clauses[0].alternatives.filter((a) => a.kind === 'entity').map((a) => a.kind === 'entity' && a.id),
    ).toEqual(['iso:SA', 'per:vladimir-putin']);
  });

  it('looks English names up in the KB, a lone surname among people', () => {
    expect(kbEntityLookup('Vladimir Putin')).toEqual(['per:vladimir-putin']);
    expect(kbEntityLookup('Saudi Arabia')).toEqual(['iso:SA']);
    expect(kbEntityLookup('Macron')).toContain('per:emmanuel-macron');
    expect(kbEntityLookup('the')).toEqual([]);
    expect(kbEntityLookup('Xyzzyq')).toEqual([]);
  });

  it('entity terms are letters and digits and cannot collide with word terms', () => {
    const t = entityTerm('per:vladimir-putin');
    expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
    expect(normalizeArabic(t)).not.toBe(t); // «ة» is folded away from every analysed word
  });

  it('never throws and always compiles to balanced expressions (property)', () => {
    const pieces = fc.constantFrom(
      'روسيا',
      'OR',
      '-',
      '"',
      '«',
      '»',
      ' ',
      'في',
      'Putin',
      '(',
      ')',
      "'",
      '\\',
      'بوتين',
      '-حرب',
      '|',
      'AND',
      'NOT',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 5 })), { maxLength: 12 }), (parts) => {
        const p = parseQuery(parts.join(''), noKb);
        for (const s of [toFts5(p), toFts5Exclusion(p), toTsquery(p), toTsqueryExclusion(p)]) {
          if (s === null) continue;
          let depth = 0;
          for (const c of s.replace(/"[^"]*"/g, '').replace(/'(?:[^']|'')*'/g, '')) {
            if (c === '(') depth++;
            if (c === ')') depth--;
            expect(depth).toBeGreaterThanOrEqual(0);
          }
          expect(depth).toBe(0);
          expect((s.match(/"/g) ?? []).length % 2).toBe(0);
        }
        expect(p.clauses.every((c) => c.alternatives.length > 0)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('snippets', () => {
  const text =
    'عنوان الخبر\n\n' +
    'كلام تمهيدي طويل لا علاقة له بالموضوع. '.repeat(8) +
    'وقال الرئيس الروسي فلاديمير بوتين إن روسيا مستعدة للحوار. ' +
    'خاتمة. '.repeat(20);

  it('picks the window with the matches and marks them', () => {
    const s = buildSnippet(text, new Set([term('روسيا')!, 'بوتين']));
    expect(s.snippet).toContain(`${MARK_OPEN}بوتين${MARK_CLOSE}`);
    expect(s.snippet).toContain(`${MARK_OPEN}الروسي${MARK_CLOSE}`);
    expect(s.snippet.startsWith('…')).toBe(true);
    expect(s.span.end - s.span.start).toBeLessThanOrEqual(260);
    for (const h of s.highlights) {
      expect(h.start).toBeGreaterThanOrEqual(s.span.start);
      expect(h.end).toBeLessThanOrEqual(s.span.end);
    }
  });

  it('falls back to the beginning when nothing matches, and takes extra spans', () => {
    expect(buildSnippet(text, new Set(['غائب'])).span.start).toBe(0);
    const at = text.indexOf('فلاديمير');
    const s = buildSnippet(text, new Set(), [{ start: at, end: at + 'فلاديمير بوتين'.length }]);
    expect(s.snippet).toContain(`${MARK_OPEN}فلاديمير بوتين${MARK_CLOSE}`);
  });

  it('handles empty text', () => {
    expect(buildSnippet('', new Set(['x'])).snippet).toBe('');
  });
});
