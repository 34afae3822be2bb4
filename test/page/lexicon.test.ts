// The data files of the page parser: they load, their patterns are safe, and the agency and
// calendar tables say what the brief says.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lexicon, agencyKey } from '../../src/page/lexicon.js';
import { findAgency } from '../../src/page/agency.js';
import { foldForMatch } from '../../src/page/fold.js';

const DATA = resolve(__dirname, '../../data/page');
const json = (f: string) => JSON.parse(readFileSync(resolve(DATA, f), 'utf8'));

/** True when some group quantified without bound ((…)+, (…)*, (…){n,}) itself contains an unbounded
 *  quantifier: the shape behind catastrophic backtracking. */
function hasNestedQuantifier(src: string): boolean {
  const stack: number[] = [];
  const unboundedInside: boolean[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // skip a character class
      for (i++; i < src.length && src[i] !== ']'; i++) if (src[i] === '\\') i++;
      continue;
    }
    if (c === '(') {
      stack.push(i);
      unboundedInside.push(false);
    } else if (c === ')') {
      stack.pop();
      const inner = unboundedInside.pop() ?? false;
      const after = src.slice(i + 1);
      const quantified = /^(?:[+*]|\{\d+,\})/.test(after);
      if (quantified && inner) return true;
      if (inner || quantified) if (unboundedInside.length) unboundedInside[unboundedInside.length - 1] = true;
    } else if ((c === '+' || c === '*' || (c === '{' && /^\{\d+,\}/.test(src.slice(i)))) && unboundedInside.length) {
      unboundedInside[unboundedInside.length - 1] = true;
    }
  }
  return false;
}

describe('data/page lexicons', () => {
  it('load and compile', () => {
    const lx = lexicon();
    expect(json('debris.json').line.length).toBeGreaterThan(20);
    expect(lx.debrisLine.test('تصنيفات')).toBe(true);
    expect(lx.listMarkers.length).toBeGreaterThan(3);
    expect(lx.readingPatterns.length).toBeGreaterThan(3);
    expect(lx.monthByName.size).toBeGreaterThan(40);
    expect(lx.weekdayByName.size).toBeGreaterThanOrEqual(7);
  });

  it('have no pattern with nested unbounded quantifiers', () => {
    const debris = json('debris.json');
    const reading = json('reading.json');
    for (const p of [...debris.line, ...debris.listMarkers, ...reading.patterns])
      expect(hasNestedQuantifier(p), p).toBe(false);
  });

  it('the nested-quantifier check itself catches the classic shapes', () => {
    expect(hasNestedQuantifier('^(a+)+$')).toBe(true);
    expect(hasNestedQuantifier('(\\s*x)*')).toBe(true);
    expect(hasNestedQuantifier('^(a|b)+$')).toBe(false);
    expect(hasNestedQuantifier('[(a+)]+')).toBe(false);
  });

  it('state a source and a licence in every file', () => {
    for (const f of ['agencies.json', 'debris.json', 'calendar.json', 'reading.json']) {
      const d = json(f);
      expect(typeof d._source, f).toBe('string');
      expect(typeof d._licence, f).toBe('string');
    }
  });

  it.each([
    ['أ ف ب', 'AFP'],
    ['أ.ف.ب', 'AFP'],
    ['ا ف ب', 'AFP'],
    ['فرانس برس', 'AFP'],
    ['رويترز', 'Reuters'],
    ['أ ب', 'AP'],
    ['أسوشيتد برس', 'AP'],
    ['د ب أ', 'dpa'],
    ['واس', 'SPA'],
    ['وام', 'WAM'],
    ['قنا', 'QNA'],
    ['كونا', 'KUNA'],
    ['سانا', 'SANA'],
    ['الأناضول', 'Anadolu'],
    ['شينخوا', 'Xinhua'],
    ['بترا', 'Petra'],
    ['واع', 'INA'],
    ['وفا', 'WAFA'],
    ['أ ش أ', 'MENA'],
    ['إرنا', 'IRNA'],
    ['تاس', 'TASS'],
    ['سبوتنيك', 'Sputnik'],
    ['يونهاب', 'Yonhap'],
    ['AFP', 'AFP'],
    ['Getty Images', 'Getty Images'],
  ])('maps the agency spelling «%s» to %s', (spelling, canonical) => {
    expect(findAgency(spelling)?.canonical).toBe(canonical);
  });

  it('gives every agency spelling one canonical name', () => {
    const seen = new Map<string, string>();
    for (const a of json('agencies.json').agencies as Array<{ canonical: string; aliases: string[] }>)
      for (const alias of a.aliases) {
        const k = agencyKey(alias);
        if (seen.has(k)) expect(seen.get(k), alias).toBe(a.canonical);
        seen.set(k, a.canonical);
      }
  });

  it('maps every month name to one month, every weekday name to one day', () => {
    const cal = json('calendar.json');
    expect(cal.months).toHaveLength(12);
    expect(cal.weekdays).toHaveLength(7);
    const lx = lexicon();
    cal.months.forEach((names: string[], i: number) => {
      for (const n of names) expect(lx.monthByName.get(foldForMatch(n)), n).toBe(i + 1);
    });
  });

  it('reads Arabic at the speed the README cites', () => {
    const wpm = json('reading.json').wordsPerMinute;
    expect(wpm.ar).toBe(180);
    expect(readFileSync(resolve(DATA, 'README.md'), 'utf8')).toContain('180');
  });
});
