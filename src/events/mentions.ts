// Entity mentions as the coder sees them: placed on the sentence's words, grouped when coordinated
// («بوتين ونظيره الكازاخستاني توكاييف»), and classed by what stands on their left (a preposition,
// a governing event noun, or nothing: a core argument, subject or object).
import type { Analysis, Entity, EntityType, Mention } from '../analysis/types.js';
import type { EventGrammar } from './lexicon.js';
import type { TriggerMatch } from './triggers.js';
import type { SentenceView, Word } from './words.js';

/** What is on a mention's left. */
export type LeftContext =
  { kind: 'core' } | { kind: 'pp'; prep: string } | { kind: 'coord' } | { kind: 'genitive'; governor: number };

export interface MentionView {
  mention: Mention;
  entity: Entity;
  type: EntityType;
  /** First and last word (inclusive) the mention overlaps. */
  first: number;
  last: number;
  left: LeftContext;
  /** A nisba or demonym used as an adjective («الروسي», «فلسطينيون»): it describes, not governs. */
  adjective: boolean;
}

/** Coordinated mentions acting as one participant; `left` is the first member's. */
export interface MentionGroup {
  members: MentionView[];
  first: number;
  last: number;
  left: LeftContext;
}

/** Mentions that are not part of sentence syntax (a dateline, a photo credit). */
const NON_SYNTACTIC: ReadonlySet<string> = new Set(['dateline', 'credit']);

/** «الروسي», «الكازاخستانية», «فلسطينيون»: a relational adjective (nisba) or demonym. */
const NISBA = /^(ال)?\S{2,}(ي|يه|يون|يين|يات)$/;

export function isTitleWord(w: Word, g: EventGrammar): boolean {
  if (w.kind !== 'arabic') return false;
  if (g.titles.has(w.norm)) return true;
  for (const v of w.variants) {
    if (v.pro && !/^[وف]$/.test(v.pro)) continue;
    if (g.titles.has(v.stem)) return true;
  }
  // a definite nisba («الروسي») qualifies the title before it
  return w.norm.startsWith('ال') && w.norm.length >= 5 && NISBA.test(w.norm);
}

/** «بالرئيس», «للوزير»: a title glued to a preposition puts the name after it in that phrase. */
function titlePreposition(w: Word, g: EventGrammar): string | null {
  if (w.kind !== 'arabic') return null;
  for (const v of w.variants) {
    const p = v.pro.replace(/^[وف]/, '');
    if (!p || v.enc || (!g.titles.has(v.stem) && !g.titles.has('ال' + v.stem))) continue;
    if (p.startsWith('ب')) return 'ب';
    if (p.startsWith('ل')) return 'ل';
    if (p.startsWith('ك')) return 'ك';
  }
  return null;
}

// Proclitic clusters an entity layer may leave inside a mention («وكازاخستان», «لرئيس كازاخستان»).
const MENTION_CLITICS = [
  'ولل',
  'فلل',
  'وبال',
  'فبال',
  'وب',
  'فب',
  'ول',
  'فل',
  'وك',
  'لل',
  'بال',
  'كال',
  'و',
  'ف',
  'ب',
  'ل',
  'ك',
];

/**
 * The proclitics at the start of a mention's own text, when the entity is known without them: the
 * rest is its name or another of its mentions («لل» restores the article: «للأمم» → «الأمم»).
 */
function cliticsInMention(m: Mention, entity: Entity, foldFn: (s: string) => string): string {
  const text = foldFn(m.text);
  // no name starts with «لل»: it is always ل + the article («للأمم المتحدة»)
  if (/^[وف]?لل/.test(text)) return text.startsWith('لل') ? 'لل' : text.slice(0, 3);
  const known = new Set([foldFn(entity.name.ar), ...entity.mentions.map((x) => foldFn(x.text))]);
  for (const p of MENTION_CLITICS) {
    if (!text.startsWith(p) || text.length - p.length < 2) continue;
    const rest = p.endsWith('لل') ? 'ال' + text.slice(p.length) : text.slice(p.length);
    const restBare = rest.startsWith('ال') ? rest.slice(2) : rest;
    for (const k of known) {
      if (k.startsWith(p) && k !== text) continue;
      if (k === rest || k === restBare || k === 'ال' + rest) return p;
    }
  }
  return '';
}

/** Particles that are not nouns: a mention after them is not anybody's genitive. */
const PARTICLES: ReadonlySet<string> = new Set([
  'ان',
  'قد',
  'كما',
  'لكن',
  'او',
  'ثم',
  'اما',
  'بل',
  'هو',
  'هي',
  'هم',
  'حيث',
  'بينما',
  'فيما',
  'اذ',
  'لان',
  'كي',
  'حتي',
]);

function isFunctionWord(w: Word, g: EventGrammar): boolean {
  const bare = w.norm.length > 2 ? w.norm.replace(/^[وف]/, '') : w.norm;
  return [w.norm, bare].some(
    (x) => PARTICLES.has(x) || g.complementizers.has(x) || g.relativePronouns.has(x) || g.negators.has(x),
  );
}

/** Whether word `w` is a preposition, alone or as a glued proclitic of a standalone token («بـ»). */
export function prepositionOf(w: Word, g: EventGrammar): string | null {
  if (w.kind !== 'arabic') return null;
  const bare = w.norm.replace(/^[وف](?=..)/, '');
  if (g.prepositions.has(w.norm)) return w.norm;
  if (g.prepositions.has(bare)) return bare;
  if (g.gluedPrepositions.has(w.norm)) return w.norm;
  return null;
}

/** The proclitic letters of the word a mention starts in, before the mention starts («بإقليمي» → no, «لروسيا» → ل). */
function gluedPrefix(m: Mention, w: Word, foldFn: (s: string) => string): string {
  if (m.start <= w.start) return '';
  return foldFn(w.text.slice(0, m.start - w.start));
}

/** How many nouns of a genitive chain («شرطة محافظة نينوى») are walked back to find its preposition. */
const GENITIVE_CHAIN = 2;

function leftOf(
  words: Word[],
  first: number,
  prefix: string,
  g: EventGrammar,
  nounHeads: ReadonlySet<number>,
  verbHeads: ReadonlySet<number>,
): LeftContext {
  if (prefix) {
    const p = prefix.replace(/^[وف]/, '');
    if (p.startsWith('ب')) return { kind: 'pp', prep: 'ب' };
    if (p.startsWith('ل')) return { kind: 'pp', prep: 'ل' };
    if (p.startsWith('ك')) return { kind: 'pp', prep: 'ك' };
    if (/^[وف]/.test(prefix)) return { kind: 'coord' };
  }
  let j = first - 1;
  let sawTitle = false;
  let titleCoord = false;
  while (j >= 0) {
    const w = words[j];
    if (w.kind === 'punct' && w.norm === '"') {
      j--;
      continue;
    }
    const viaTitle = titlePreposition(w, g);
    if (viaTitle) return { kind: 'pp', prep: viaTitle };
    if (isTitleWord(w, g)) {
      sawTitle = true;
      titleCoord = /^[وف]/.test(w.norm) && !g.titles.has(w.norm);
      j--;
      continue;
    }
    break;
  }
  if (titleCoord) return { kind: 'coord' };
  if (j < 0) return { kind: 'core' };
  const w = words[j];
  const prep = prepositionOf(w, g);
  if (prep) return { kind: 'pp', prep };
  if (w.kind === 'arabic' && (w.norm === 'و' || w.norm === 'ف')) return { kind: 'coord' };
  if (!sawTitle && nounHeads.has(j)) return { kind: 'genitive', governor: j };
  // the genitive of a noun chain inside a prepositional phrase is in that phrase: «في قمة منظمة …»,
  // «في شرطة محافظة نينوى»; a verb ends the chain («في حين رفضت حكومة …»)
  if (!sawTitle) {
    for (let k = j; k >= Math.max(1, j - GENITIVE_CHAIN + 1); k--) {
      const chain = words[k];
      if (chain.kind !== 'arabic' || isFunctionWord(chain, g) || verbHeads.has(k)) break;
      const outer = prepositionOf(words[k - 1], g);
      if (outer) return { kind: 'pp', prep: outer };
    }
  }
  return { kind: 'core' };
}

/**
 * The sentence's mentions, placed on its words and classed by their left context (a mention right
 * after an indefinite event noun is its genitive).
 */
export function mentionViews(
  doc: Analysis,
  s: SentenceView,
  g: EventGrammar,
  triggers: TriggerMatch[],
  foldFn: (text: string) => string,
): MentionView[] {
  const words = s.words;
  if (!words.length) return [];
  const nounHeads = nounHeadsOf(triggers);
  const verbHeads = new Set(triggers.filter((t) => t.pos === 'past' || t.pos === 'present').map((t) => t.head));
  const out: MentionView[] = [];
  for (const entity of doc.entities) {
    for (const m of entity.mentions) {
      if (m.start < s.start || m.end > s.end || NON_SYNTACTIC.has(m.source)) continue;
      let first = -1;
      let last = -1;
      for (const w of words) {
        if (w.end <= m.start || w.start >= m.end) continue;
        if (first < 0) first = w.i;
        last = w.i;
      }
      if (first < 0) continue;
      const prefix = gluedPrefix(m, words[first], foldFn) || cliticsInMention(m, entity, foldFn);
      out.push({
        mention: m,
        entity,
        type: entity.type,
        first,
        last,
        left: leftOf(words, first, prefix, g, nounHeads, verbHeads),
        adjective: entity.subtype === 'NORP' || NISBA.test(foldFn(m.text)),
      });
    }
  }
  // nested mentions: keep the longest
  out.sort((a, b) => a.mention.start - b.mention.start || b.mention.end - a.mention.end);
  const kept: MentionView[] = [];
  for (const v of out) {
    const prev = kept[kept.length - 1];
    if (prev && v.mention.start >= prev.mention.start && v.mention.end <= prev.mention.end) continue;
    kept.push(v);
  }
  return kept;
}

/** Mentions are coordinated when only «و» and title words stand between them. */
const MAX_COORD_GAP = 4;

/**
 * Groups coordinated mentions, and a nisba mention with the name it qualifies («الرئيس الروسي فلاديمير
 * بوتين»: Russia and Putin act together).
 */
export function groupMentions(views: MentionView[]): MentionGroup[] {
  const groups: MentionGroup[] = [];
  for (const v of views) {
    const prev = groups[groups.length - 1];
    const qualifies =
      prev !== undefined &&
      prev.members[prev.members.length - 1].adjective &&
      v.first - prev.last === 1 &&
      v.type === 'PER';
    if (prev && ((v.left.kind === 'coord' && v.first - prev.last <= MAX_COORD_GAP) || qualifies)) {
      prev.members.push(v);
      prev.last = v.last;
      continue;
    }
    groups.push({ members: [v], first: v.first, last: v.last, left: v.left });
  }
  return groups;
}

/**
 * Word indices of the indefinite event nouns among the triggers: their right neighbour is their
 * genitive («زيارة بوتين»). A noun with the article governs no genitive («المتظاهرون جون …»).
 */
function nounHeadsOf(triggers: TriggerMatch[]): Set<number> {
  return new Set(
    triggers
      .filter((t) => t.pos === 'noun' && !t.variant.pro.includes('ال') && !t.variant.stem.startsWith('ال'))
      .map((t) => t.head),
  );
}
