import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { foldWord, bareForm } from '../../src/quotes/fold.js';
import { loadQuoteLexicon } from '../../src/quotes/lexicon.js';

const DATA = new URL('../../data/quotes/', import.meta.url);
const rows = (name: string) =>
  readFileSync(new URL(name, DATA), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'));

describe('data/quotes lexicons', () => {
  it('load, and hold the cues the rules depend on', () => {
    const lex = loadQuoteLexicon();
    for (const w of ['قال', 'وقال', 'قالت', 'مشيراً', 'لافتاً', 'متعهداً', 'أشاد', 'انتقد', 'دعا', 'قائلاً']) {
      const f = foldWord(w);
      expect(lex.cues.get(f) ?? lex.cues.get(f.slice(1)), w).toBeDefined();
    }
    expect(lex.cues.get(foldWord('مشيراً'))).toMatchObject({ pos: 'participle', indirect: true });
    expect(lex.cues.get(foldWord('قالت'))?.gender).toBe('f');
    expect(lex.cues.get(foldWord('أضاف'))?.continuation).toBe(true);
    expect(lex.cues.get(foldWord('أشاد'))?.indirect).toBe(false);
    expect(lex.labelNouns.has(bareForm(foldWord('منتدى')))).toBe(true);
  });

  it('leave out forms that collide with impersonal or common words', () => {
    const lex = loadQuoteLexicon();
    for (const w of ['يشار', 'يذكر', 'بين', 'ورد', 'مقراً', 'مرحباً', 'مذكرة'])
      expect(lex.cues.has(foldWord(w)), w).toBe(false);
  });

  // Cue forms must stay distinct once folded (a later row would silently replace an earlier one);
  // in the other lists two spellings of one word («أن», «إن») are harmless.
  it('every entry is one word of Arabic letters, listed once', () => {
    const check = (words: string[], file: string, folded = false) => {
      const seen = new Set<string>();
      for (const w of words) {
        expect(w, `${file}: «${w}»`).toMatch(/^[\u0621-\u064A\u064B-\u0652\u0670]+$/u);
        const key = folded ? foldWord(w) : w;
        expect(seen.has(key), `${file}: «${w}» twice`).toBe(false);
        seen.add(key);
      }
    };
    check(
      rows('cues.tsv').map((r) => r[0]),
      'cues.tsv',
      true,
    );
    for (const f of ['label-nouns.txt', 'name-heads.txt', 'speaker-nouns.txt'])
      check(
        rows(f).map((r) => r[0]),
        f,
      );
    const byClass = new Map<string, string[]>();
    for (const [w, cls] of rows('function-words.tsv')) byClass.set(cls, [...(byClass.get(cls) ?? []), w]);
    for (const [cls, ws] of byClass) check(ws, `function-words.tsv/${cls}`);
  });
});
