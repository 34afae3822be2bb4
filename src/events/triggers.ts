// Finding event triggers in a sentence: lexicon forms under their clitics, multi-word forms,
// companions («أطلق … النار»), excluding words, and overlaps between candidate triggers.
import type { EventLexicon, FormHit, FormPos, LexEntry, PloverType } from './lexicon.js';
import type { Variant, Word } from './words.js';

export interface TriggerMatch {
  entry: LexEntry;
  pos: FormPos;
  /** Word index of the trigger word. */
  head: number;
  /** The clitic analysis the head word was read with. */
  variant: Variant;
  /** Word indices used by the match besides the head (rest of a multi-word form, companion words). */
  used: number[];
  /** Number of companion words matched (0 when the entry needs none): more is more specific. */
  companionWords: number;
  /** The head is a bare past stem, which may also be read as a verbal noun («رفضت كازاخستان دعمَ روسيا»). */
  bareStem: boolean;
  /** The verb form is marked for a plural or dual subject («قتلوا», «تصافحا»). */
  plural: boolean;
}

/** Proclitics that make the word a noun (article, prepositions). */
function isNominalProclitic(pro: string): boolean {
  const p = pro.replace(/^[وف]/, '');
  return p.includes('ال') || p.startsWith('ب') || p.startsWith('ك');
}

/** Whether a clitic analysis fits the way a form reads (no article on a verb, no ســ on a noun…). */
export function readingFits(v: Variant, pos: FormPos, definiteOnly = false): boolean {
  const p = v.pro.replace(/^[وف]/, '');
  if (v.tanween && pos !== 'noun') return false;
  if (pos === 'noun') return !p.startsWith('س') && (!definiteOnly || isNominalProclitic(v.pro) || p.startsWith('ل'));
  if (isNominalProclitic(v.pro)) return false;
  if (p === 'س') return pos === 'present';
  if (p === 'ل') return pos === 'present';
  if (pos === 'participle') return v.enc === '';
  return true;
}

/** Whether word `w` is `target` (a folded lexicon word), with or without clitics and article. */
export function wordIs(w: Word, target: string): boolean {
  if (w.norm === target) return true;
  const bare = target.startsWith('ال') && target.length > 4 ? target.slice(2) : target;
  for (const v of w.variants) {
    if (v.enc) continue;
    if (v.stem === target || v.stem === bare) return true;
  }
  return false;
}

/** Whether the words from `at` spell `phrase` (each word compared with `wordIs`). */
export function phraseAt(words: Word[], at: number, phrase: readonly string[]): boolean {
  if (at + phrase.length > words.length) return false;
  for (let k = 0; k < phrase.length; k++) if (!wordIs(words[at + k], phrase[k])) return false;
  return true;
}

/** The first companion of `entry` after word `from` (within the entry's window): its word indices. */
function findCompanion(words: Word[], from: number, entry: LexEntry): number[] | null {
  const last = Math.min(words.length - 1, from + entry.window - 1);
  for (let at = from; at <= last; at++) {
    for (const c of entry.with) {
      if (c.proclitic !== null) {
        const w = words[at];
        if (
          w.kind === 'arabic' &&
          w.variants.some((v) => v.pro.replace(/^[وف]/, '').startsWith(c.proclitic as string) && v.stem.length > 1)
        )
          return [];
        if (w.norm === c.proclitic) return [];
        continue;
      }
      if (phraseAt(words, at, c.words)) return Array.from({ length: c.words.length }, (_, k) => at + k);
    }
  }
  return null;
}

/** Whether one of the entry's sentence cues occurs in the sentence. */
function hasCue(words: Word[], entry: LexEntry): boolean {
  for (let at = 0; at < words.length; at++) for (const c of entry.cue) if (phraseAt(words, at, c)) return true;
  return false;
}

function hasExcluded(words: Word[], head: number, entry: LexEntry): boolean {
  if (!entry.without.length) return false;
  const last = Math.min(words.length - 1, head + entry.window);
  for (let at = head + 1; at <= last; at++) for (const x of entry.without) if (phraseAt(words, at, x)) return true;
  return false;
}

/** Candidate matches of one word, most specific first. */
function candidatesAt(words: Word[], i: number, lex: EventLexicon): TriggerMatch[] {
  const w = words[i];
  if (w.kind !== 'arabic') return [];
  const out: TriggerMatch[] = [];
  for (const v of w.variants) {
    const hits: FormHit[] | undefined = lex.forms.get(v.stem);
    if (!hits) continue;
    for (const hit of hits) {
      if (!readingFits(v, hit.pos, hit.entry.definiteOnly)) continue;
      if (hit.entry.cue.length && !hasCue(words, hit.entry)) continue;
      // a bare past verb never follows a preposition directly: «في فجر» is dawn, not a bombing
      if (hit.pos === 'past' && !v.pro && i > 0 && lex.grammar.prepositions.has(words[i - 1].norm)) continue;
      const rest: number[] = [];
      if (hit.rest.length) {
        if (!phraseAt(words, i + 1, hit.rest)) continue;
        for (let k = 0; k < hit.rest.length; k++) rest.push(i + 1 + k);
      }
      const after = i + 1 + rest.length;
      let companion: number[] = [];
      if (hit.entry.with.length) {
        const found = findCompanion(words, after, hit.entry);
        if (!found) continue;
        companion = found;
      }
      if (hasExcluded(words, i, hit.entry)) continue;
      out.push({
        entry: hit.entry,
        pos: hit.pos,
        head: i,
        variant: v,
        used: [...rest, ...companion],
        companionWords: companion.length + (hit.entry.with.length ? 1 : 0),
        bareStem: hit.stem && !v.enc && (v.pro === '' || /^[وف]$/.test(v.pro)),
        plural: hit.plural,
      });
    }
    // the least stripped reading that found something is the word's reading
    if (out.length) break;
  }
  return out.sort(bySpecificity);
}

function bySpecificity(a: TriggerMatch, b: TriggerMatch): number {
  return b.companionWords - a.companionWords || b.used.length - a.used.length;
}

/**
 * The triggers of a sentence, in word order. Where candidates overlap, the more specific one wins
 * (a companion phrase beats a bare head): in «وقف إطلاق النار» the ceasefire uses «إطلاق النار», so
 * «إطلاق» cannot also open fire.
 */
export function findTriggers(words: Word[], lex: EventLexicon): TriggerMatch[] {
  const best: TriggerMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    const c = candidatesAt(words, i, lex);
    if (!c.length) continue;
    // after «تم», «جرى» a form that is both verb and verbal noun («خطفه») is the noun: a passive
    const prev = words[i - 1];
    const auxiliary = prev !== undefined && lex.grammar.passiveAuxiliaries.has(prev.norm.replace(/^[وف](?=..)/, ''));
    best.push((auxiliary && c.find((m) => m.pos === 'noun')) || c[0]);
  }
  const taken = new Set<number>();
  const kept: TriggerMatch[] = [];
  for (const m of [...best].sort(bySpecificity)) {
    if (taken.has(m.head) || m.used.some((u) => taken.has(u))) continue;
    kept.push(m);
    taken.add(m.head);
    for (const u of m.used) taken.add(u);
  }
  return kept.sort((a, b) => a.head - b.head);
}

/** The reading of word `w` as a light verb (شن، نفذ، نظم، قام…) that carries an event noun of `type`. */
export function lightVerbReading(w: Word, lex: EventLexicon, type: PloverType): Variant | null {
  if (w.kind !== 'arabic') return null;
  for (const v of w.variants) {
    if (isNominalProclitic(v.pro)) continue;
    const types = lex.lightVerbs.get(v.stem);
    if (types !== undefined && (types.size === 0 || types.has(type))) return v;
  }
  return null;
}

/** Whether word `w` is a light verb that carries an event noun of `type`. */
export function isLightVerb(w: Word, lex: EventLexicon, type: PloverType): boolean {
  return lightVerbReading(w, lex, type) !== null;
}

/** Whether a reading starts with the conjunction و or ف («ورفض»; not «فتحت», which is a stem). */
export function opensWithConjunction(v: Variant): boolean {
  return /^[وف]/.test(v.pro);
}
