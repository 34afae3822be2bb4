import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  QUAD_CLASS,
  entryForms,
  eventLexicon,
  fold,
  PLOVER_TYPES,
  pastForms,
  presentForms,
  type RawLexEntry,
} from '../../src/events/lexicon.js';
import { cliticVariants } from '../../src/events/words.js';

const DATA = new URL('../../data/events/', import.meta.url);
const read = (name: string) => JSON.parse(readFileSync(new URL(name, DATA), 'utf8'));
const lexicon = read('lexicon.json') as { entries: RawLexEntry[]; modes: Record<string, string[]> };
const cameo = read('cameo.json').codes as Record<string, { goldstein: number; plover: string; plover_note?: string }>;


describe('data/events/lexicon.json', () => {
  it('loads, and covers all 16 PLOVER types', () => {
    const lex = eventLexicon();
    expect(new Set(lex.entries.map((e) => e.type))).toEqual(new Set(PLOVER_TYPES));
    expect(lex.forms.size).toBeGreaterThan(1000);
  });

  it('has unique ids and at least one form per entry', () => {
    const ids = lexicon.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of lexicon.entries) expect(entryForms(e).length, e.id).toBeGreaterThan(0);
  });

  it('scores every entry from cameo.json: Goldstein of its code, quad class of its type', () => {
    for (const e of lexicon.entries) {
      const code = cameo[e.cameo];
      expect(code, `${e.id}: CAMEO ${e.cameo}`).toBeDefined();
      expect(e.goldstein, e.id).toBe(code.goldstein);
      expect(e.quad, e.id).toBe(QUAD_CLASS[e.type as keyof typeof QUAD_CLASS]);
      expect(Math.abs(e.goldstein)).toBeLessThanOrEqual(10);
    }
  });

  it('follows the CAMEO→PLOVER crosswalk, or the deviation is documented', () => {
    for (const e of lexicon.entries) {
      const code = cameo[e.cameo];
      if (code.plover !== e.type)
        expect(code.plover_note, `${e.id}: ${e.type} vs crosswalk ${code.plover}`).toBeTruthy();
    }
  });

  it('uses only PLOVER modes of the entry type', () => {
    for (const e of lexicon.entries) if (e.mode) expect(lexicon.modes[e.type], e.id).toContain(e.mode);
  });

  it('writes forms that fold to one non-empty word each (multi-word nouns and companions excepted)', () => {
    for (const e of lexicon.entries) {
      for (const { form } of entryForms(e)) {
        expect(form, e.id).toBe(fold(form));
        expect(form.length, e.id).toBeGreaterThan(1);
      }
    }
  });

  it('leaves out forms that collide with very common words', () => {
    const lex = eventLexicon();
    for (const w of ['هنا', 'هناك', 'تدمر', 'طالب', 'فجرا', 'تقاطع', 'عدم', 'يضرب', 'الشهيد', 'الشهداء', 'مقاطعة']) {
      expect(
        lex.forms.has(fold(w)) && lex.forms.get(fold(w))!.some((h) => !h.entry.with.length && !h.entry.cue.length),
        w,
      ).toBe(false);
    }
  });
});

describe('inflection', () => {
  it('generates past and present forms of sound stems', () => {
    expect(pastForms('رفض')).toEqual(expect.arrayContaining(['رفض', 'رفضت', 'رفضوا', 'رفضا']));
    expect(presentForms('رفض')).toEqual(expect.arrayContaining(['يرفض', 'ترفض', 'يرفضون', 'يرفضان', 'نرفض']));
  });
  it('keeps weak stems from impossible suffixes', () => {
    expect(presentForms('لغي')).toEqual(expect.arrayContaining(['يلغي', 'يلغون']));
    expect(presentForms('لغي')).not.toContain('يلغيون');
  });
});

describe('clitic variants', () => {
  const stems = (w: string) => cliticVariants(fold(w)).map((v) => v.stem);
  it.each([
    ['وقتل', 'قتل'],
    ['للاحتجاج', 'احتجاج'],
    ['بالحجارة', 'حجاره'],
    ['اجتماعه', 'اجتماع'],
    ['زيارته', 'زياره'],
    ['احتجاجاً', 'احتجاج'],
    ['وسيزور', 'يزور'],
    ['أعلنها', 'اعلن'],
  ])('%s → %s', (word, stem) => {
    expect(stems(word)).toContain(fold(stem));
  });
  it('never reads the article together with a possessive', () => {
    expect(cliticVariants(fold('القتلة')).some((v) => v.pro.includes('ال') && v.enc)).toBe(false);
  });
});
