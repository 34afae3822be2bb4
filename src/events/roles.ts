// Who did it to whom: the actor and recipient of a trigger, from the entity mentions around it.
//
// Verbs: the subject is the mention right before the verb (SVO: «بوتين يصافح …») or right after it
// (VSO: «رفضت كازاخستان …»), with only titles, nisbas and time words in between; a verb with و/ف
// and no subject of its own, or an adverbial participle (رافضاً), carries the clause's subject.
// Event nouns: the subject of a light verb before them («شنّ الجيش هجوماً»), the subject of a relative
// clause after them («التعبئة التي أعلنها بوتين»), their genitive («زيارة بوتين»), or, with a
// possessive or after «عبر/خلال», the subject of the clause («خلال اجتماعه»).
// Recipients are objects and prepositional phrases the entry allows (مع، بـ، على، ضد، إلى…).
import type { EventGrammar, EventLexicon, LexEntry, PloverType } from './lexicon.js';
import { isTitleWord, type MentionGroup } from './mentions.js';
import { isLightVerb, lightVerbReading, opensWithConjunction, phraseAt, type TriggerMatch } from './triggers.js';
import type { Word } from './words.js';

/** What the role finder needs to know about the sentence. */
export interface RoleContext {
  words: Word[];
  groups: MentionGroup[];
  lex: EventLexicon;
  /** Word indices inside a time expression (skippable between a verb and its subject). */
  timeWord: ReadonlySet<number>;
  /** Heads of the triggers of the sentence that are coded on their own (they end a clause). */
  otherHeads: ReadonlySet<number>;
  /** The subject of the previous verb (pro-drop of a coordinated verb: «… ودمّرت»), if any. */
  carried: MentionGroup | null;
  /** `carried` comes from a previous sentence (not from a verb of this one). */
  carriedFromBefore: boolean;
  /**
   * The subject of the sentence's main clause, or the one carried from the previous sentences: what an
   * adverbial participle («مطالباً») or a possessive event noun refers to when its clause names nobody.
   */
  mainCarried: MentionGroup | null;
  /** Words inside quotes: a subject is never taken from the speaker's words. */
  quoted: boolean[];
}

export interface Roles {
  actor: MentionGroup[];
  recipient: MentionGroup[];
  /** How the actor was found (for debugging and tests). */
  how: 'svo' | 'vso' | 'relative' | 'light-verb' | 'genitive' | 'clause-subject' | 'carried' | 'unnamed' | 'none';
  /** The light verb that carries an event noun («شارك في المحادثات»): negation and tense sit on it. */
  lightVerb?: number;
}

/** Between a verb and its VSO subject only these may stand: titles, time words, commas, quote marks. */
function skippable(ctx: RoleContext, k: number): boolean {
  const w = ctx.words[k];
  if (ctx.timeWord.has(k)) return true;
  if (w.kind === 'punct') return w.norm === ',' || w.norm === '"';
  if (w.kind !== 'arabic') return false;
  const g = ctx.lex.grammar;
  return isTitleWord(w, g) || g.timeWords.has(w.norm) || w.norm === 'قد';
}

function isBreak(w: Word, g: EventGrammar, soft: boolean): boolean {
  if (w.kind !== 'punct') return false;
  return g.clauseBreaks.has(w.norm) || (soft && g.softBreaks.has(w.norm));
}

/** Index of the last word of the clause that starts after `from` (before the next break or other trigger). */
export function clauseEnd(ctx: RoleContext, from: number, soft: boolean): number {
  const g = ctx.lex.grammar;
  for (let k = from + 1; k < ctx.words.length; k++) {
    if (isBreak(ctx.words[k], g, soft) || ctx.otherHeads.has(k)) return k - 1;
  }
  return ctx.words.length - 1;
}

function isCore(g: MentionGroup): boolean {
  return g.left.kind === 'core';
}

/** The subject group right after word `v`, with nothing but skippable words between. */
function subjectAfter(ctx: RoleContext, v: number, limit = ctx.words.length): MentionGroup | null {
  for (const grp of ctx.groups) {
    if (grp.first <= v) continue;
    if (grp.first >= limit) return null;
    for (let k = v + 1; k < grp.first; k++) if (!skippable(ctx, k)) return null;
    return isCore(grp) && !ctx.quoted[grp.first] ? grp : null;
  }
  return null;
}

/** The subject group ending right before word `v` (a «قد» or negation may stand between). */
function subjectBefore(ctx: RoleContext, v: number): MentionGroup | null {
  const g = ctx.lex.grammar;
  let k = v - 1;
  while (k >= 0 && (ctx.words[k].norm === 'قد' || g.negators.has(ctx.words[k].norm))) k--;
  for (const grp of ctx.groups) if (grp.last === k && isCore(grp) && !ctx.quoted[grp.first]) return grp;
  return null;
}

/** Whether the verb at `v` reads as a passive with its victims after it («قُتل ثلاثة جنود»). */
function passiveAfter(ctx: RoleContext, v: number): boolean {
  const next = ctx.words[v + 1];
  if (!next) return false;
  if (next.kind === 'number') return true;
  const g = ctx.lex.grammar;
  return (
    g.victimNouns.has(next.norm) ||
    next.variants.some((x) => !x.enc && /^[وف]?$/.test(x.pro) && g.victimNouns.has(x.stem))
  );
}

/** Whether a number or a victim noun stands right before word k («50 جنديا باكستانيا»). */
function countedBefore(ctx: RoleContext, k: number): boolean {
  const g = ctx.lex.grammar;
  for (let j = k - 1; j >= Math.max(0, k - 2); j--) {
    const w = ctx.words[j];
    if (w.kind === 'number' || g.victimNouns.has(w.norm)) return true;
  }
  return false;
}

/** Whether a group is several parties (coordinated) or a people (NORP): what «هم» and a plural verb need. */
function isPlural(grp: MentionGroup): boolean {
  return grp.members.some((m) => m.left.kind === 'coord' || m.entity.subtype === 'NORP');
}

/** Whether a group can be what a pronoun suffix refers to: «هم» needs several parties or a people. */
function agreesWithPronoun(grp: MentionGroup, enc: string): boolean {
  return enc === 'هم' || enc === 'هن' || enc === 'هما' ? isPlural(grp) : true;
}

/**
 * Whether the verb at `v` has a subject that is not a named entity: a content word right before it
 * («عملية انتحارية … استهدفت», «متمرداً قتلوا»), or an unnamed doer right after it («احتشد
 * المتظاهرون»). Nobody is carried into such a clause.
 */
function unnamedSubject(ctx: RoleContext, t: TriggerMatch): boolean {
  const g = ctx.lex.grammar;
  const v = t.head;
  const prev = ctx.words[v - 1];
  const prevIsMention = ctx.groups.some((grp) => grp.last === v - 1);
  // «… الأمريكي ورحبت»: a verb with و starts a clause, the word before it ends the previous one
  const opensClause = opensWithConjunction(t.variant);
  if (
    prev &&
    prev.kind === 'arabic' &&
    !opensClause &&
    !ctx.timeWord.has(v - 1) &&
    !isParticle(prev, g) &&
    !prevIsMention
  )
    return true;
  // «قالت وسائل الإعلام إن المحكمة … أدانت»: after a bare «إن/أن» and a noun phrase, the clause
  // has a subject of its own («أنه رفض» with a pronoun, or «أن يرفض» right before the verb, do not)
  for (let j = v - 2; j >= Math.max(0, v - EMBEDDED_SUBJECT_WORDS); j--) {
    const w = ctx.words[j];
    if (w.kind === 'punct' && g.clauseBreaks.has(w.norm)) break;
    if (BARE_COMPLEMENTIZERS.has(w.norm)) {
      const between = ctx.words.slice(j + 1, v);
      if (
        between.some((x) => x.kind === 'arabic' && !isParticle(x, g)) &&
        !ctx.groups.some((grp) => grp.first > j && grp.last < v && isCore(grp))
      )
        return true;
      break;
    }
  }
  let k = v + 1;
  let agent = false;
  while (k < ctx.words.length && (skippable(ctx, k) || isAgentNoun(ctx.words[k], g))) {
    if (isAgentNoun(ctx.words[k], g) || isTitleWord(ctx.words[k], g)) agent = true;
    k++;
  }
  return agent && !ctx.groups.some((grp) => grp.first === k);
}

function bareOf(w: Word): string {
  return w.norm.length > 2 ? w.norm.replace(/^[وف]/, '') : w.norm;
}

function isAgentNoun(w: Word, g: EventGrammar): boolean {
  return w.kind === 'arabic' && (g.agentNouns.has(w.norm) || g.agentNouns.has(bareOf(w)));
}

/** «إن», «أن» without a pronoun: the clause after them names its subject before its verb. */
const BARE_COMPLEMENTIZERS: ReadonlySet<string> = new Set(['ان', 'بان', 'وان']);
/** How far before the verb such a complementizer is looked for. */
const EMBEDDED_SUBJECT_WORDS = 8;

/** Conjunctions and subordinators that may stand right before a pro-drop verb. */
const SUBORDINATORS =
  /^[وف]?(ان|انه|انها|انهم|بانه|بانها|لانه|بعدما|عندما|حين|حينما|لما|كما|حيث|بينما|فيما|اذ|ثم|لكن|لكنه|لكنها|الا|اما|قد|لقد|كلما|منذ)$/;

/** Function words, adverbs and prepositions: what may stand right before a pro-drop verb. */
function isParticle(w: Word, g: EventGrammar): boolean {
  const forms = [w.norm, bareOf(w)];
  const sets = [
    g.prepositions,
    g.adverbs,
    g.timeWords,
    g.negators,
    g.complementizers,
    g.relativePronouns,
    g.futureParticles,
    g.pluperfect,
    g.denialVerbs,
  ];
  if (forms.some((f) => sets.some((set) => set.has(f)))) return true;
  return w.norm === 'و' || w.norm === 'ف' || SUBORDINATORS.test(w.norm);
}

/**
 * The subject of the sentence's main clause before `to` (for event nouns and participles, which have
 * none of their own): the first core group of the sentence, skipping those inside quotes and those a
 * pronoun suffix cannot refer to.
 */
function clauseSubject(ctx: RoleContext, to: number, enc = ''): MentionGroup | null {
  const from = coordinatedClauseStart(ctx, to);
  for (const grp of ctx.groups) {
    if (grp.first < from) continue;
    if (grp.last >= to) return null;
    if (ctx.quoted[grp.first] || !isCore(grp)) continue;
    return agreesWithPronoun(grp, enc) ? grp : null;
  }
  return null;
}

/**
 * Where the clause of word `to` starts: after the last «، و…» / «، ف…» (a comma and a coordinated
 * clause), or at the sentence start. «…، ولم تسجل أعمال عنف أثناء المظاهرات» has its own subject.
 */
function coordinatedClauseStart(ctx: RoleContext, to: number): number {
  const g = ctx.lex.grammar;
  for (let k = to - 1; k > 0; k--) {
    const w = ctx.words[k];
    const comma = ctx.words[k - 1];
    if (
      comma.kind === 'punct' &&
      g.softBreaks.has(comma.norm) &&
      w.kind === 'arabic' &&
      /^[وف]/.test(w.norm) &&
      w.norm.length > 2
    ) {
      if (!ctx.groups.some((grp) => grp.first === k)) return k;
    }
  }
  return 0;
}

/**
 * Whether a subject from a previous sentence may be carried to this verb. Not to violent and coercive
 * acts (a carried attacker is too costly a mistake), and not when a definite noun that names nobody
 * follows the verb: it may well be its subject («ورفضت المحكمة …»).
 */
function carriesAcross(ctx: RoleContext, t: TriggerMatch): boolean {
  if (!ctx.carriedFromBefore) return true;
  if (t.entry.quad === 4) return false;
  let k = t.head + 1;
  while (k < ctx.words.length && ctx.timeWord.has(k)) k++;
  const next = ctx.words[k];
  if (!next || next.kind !== 'arabic' || !next.norm.startsWith('ال')) return true;
  return ctx.groups.some((grp) => grp.first === k);
}

interface SubjectFound {
  group: MentionGroup;
  how: Roles['how'];
}

/**
 * A verb marked for a plural or dual subject («قتلوا», «يهاجمون», «التقيا») has its subject in it:
 * in VSO order Arabic verbs stay singular, so what follows such a verb is its object.
 */
export function agreesWithPlural(t: TriggerMatch): boolean {
  return t.plural;
}

/** Whether `grp` is followed by a ب-phrase with no other name between (the object of اتهم/هدد). */
function objectBeforeBa(ctx: RoleContext, grp: MentionGroup): boolean {
  const next = ctx.words[grp.last + 1];
  if (!next || next.kind !== 'arabic') return false;
  if (ctx.groups.some((other) => other.first === grp.last + 1)) return false;
  return next.norm === 'ب' || next.variants.some((v) => /^[وف]?ب/.test(v.pro) && v.stem.length > 2);
}

function verbSubject(ctx: RoleContext, t: TriggerMatch): SubjectFound | null {
  const v = t.head;
  const words = ctx.words;
  const g = ctx.lex.grammar;
  const conj = opensWithConjunction(t.variant);
  if (!conj) {
    const before = subjectBefore(ctx, v);
    if (before) return { group: before, how: 'svo' };
  }
  let after = agreesWithPlural(t) ? null : subjectAfter(ctx, v);
  // «واتهم إيران بالضلوع …»: one name, then the ب-phrase of the accusation: the name is the object
  // (only for a continuing verb «وـ» with someone to carry: «هددت كوريا الشمالية بقصف سيول» has its subject)
  if (after && t.entry.objectFirst && conj && ctx.carried && objectBeforeBa(ctx, after)) after = null;
  if (after) return { group: after, how: 'vso' };
  // subject relative clause: «الدول التي رفضت …» — the antecedent stands before the pronoun
  const prev = words[v - 1];
  if (prev && g.relativePronouns.has(prev.norm) && !t.entry.passiveCues) {
    const ante = subjectBefore(ctx, v - 1);
    if (ante) return { group: ante, how: 'relative' };
  }
  return null;
}

/** The actor of an event noun from a relative clause after it: «التعبئة التي أعلنها بوتين». */
function relativeActor(ctx: RoleContext, head: number): MentionGroup | null {
  const g = ctx.lex.grammar;
  const last = Math.min(ctx.words.length - 2, head + 4);
  for (let r = head + 1; r <= last; r++) {
    const w = ctx.words[r];
    if (g.relativePronouns.has(w.norm)) return subjectAfter(ctx, r + 1, r + 8);
    if (w.kind !== 'arabic' || !(isTitleWord(w, g) || /^ال/.test(w.norm))) return null;
  }
  return null;
}

/** The light verb before an event noun in its clause («شنّ الجيش هجوماً»), if any. */
function lightVerbBefore(ctx: RoleContext, head: number, type: PloverType): number | null {
  const g = ctx.lex.grammar;
  const stop = Math.max(0, head - 7);
  for (let j = head - 1; j >= stop; j--) {
    const w = ctx.words[j];
    if (isBreak(w, g, true)) return null;
    // «أعلنت الأمم المتحدة أنه تم الاتفاق على هدنة»: the noun is in a clause of its own
    if (g.complementizers.has(bareOf(w)) || g.complementizers.has(w.norm)) return null;
    if (isLightVerb(w, ctx.lex, type)) return j;
  }
  return null;
}

/** The subject of the light verb at `j` carrying the event noun at `head`: «أعلن بوتين التعبئة». */
function lightVerbActor(ctx: RoleContext, j: number, head: number, type: PloverType): MentionGroup | null {
  const reading = lightVerbReading(ctx.words[j], ctx.lex, type);
  const conj = reading !== null && opensWithConjunction(reading);
  if (!conj) {
    const before = subjectBefore(ctx, j);
    if (before) return before;
  }
  // «رفض بوتين الاقتراح وأعلن التعبئة»: a coordinated light verb without a subject shares the clause's
  return subjectAfter(ctx, j, head) ?? (conj ? clauseSubject(ctx, j) : null);
}

/** Whether the event noun at `head` is introduced by a «means» word: «عبر الإشادة», «خلال اجتماعه». */
function afterMeansWord(ctx: RoleContext, head: number): boolean {
  const g = ctx.lex.grammar;
  for (const phrase of g.meansWords) {
    const at = head - phrase.length;
    if (at >= 0 && phraseAt(ctx.words, at, phrase)) return true;
  }
  return false;
}

/** The group right after an event noun, if it is its genitive or a qualifying nisba («القصف الإسرائيلي»). */
function genitiveAfter(ctx: RoleContext, head: number): MentionGroup | null {
  for (const grp of ctx.groups) {
    if (grp.first <= head) continue;
    if (grp.first !== head + 1) return null;
    const left = grp.left;
    if ((left.kind === 'genitive' && left.governor === head) || grp.members.every((m) => m.adjective)) return grp;
    return null;
  }
  return null;
}

/**
 * Recipients between `from` and `to` (inclusive): direct objects, and phrases with a preposition the
 * entry allows. `complements` are heads of absorbed event nouns (رفض «الاعتراف» بـ…): what follows
 * them is what the rejection is about, whatever its preposition (except في: a place or a topic).
 */
export function recipientsBetween(
  ctx: RoleContext,
  from: number,
  to: number,
  entry: LexEntry,
  complements: ReadonlySet<number>,
): MentionGroup[] {
  const out: MentionGroup[] = [];
  let complementOpen = false;
  for (let k = from; k <= to; k++) if (complements.has(k)) complementOpen = true;
  for (const grp of ctx.groups) {
    if (grp.first < from || grp.first > to) continue;
    const left = grp.left;
    const afterComplement = [...complements].some((c) => c < grp.first);
    if (left.kind === 'core') out.push(grp);
    else if (left.kind === 'pp' && entry.recipientPreps.has(left.prep)) out.push(grp);
    else if (left.kind === 'genitive' && complements.has(left.governor)) out.push(grp);
    else if (complementOpen && afterComplement && left.kind === 'pp' && left.prep !== 'في' && left.prep !== 'من')
      out.push(grp);
  }
  return out;
}

/** The roles of a verb or participle trigger. */
function verbRoles(ctx: RoleContext, t: TriggerMatch, complements: ReadonlySet<number>): Roles {
  const entry = t.entry;
  const end = clauseEnd(ctx, t.head, true);
  let subject: SubjectFound | null = null;
  if (t.pos === 'participle') {
    const s = clauseSubject(ctx, t.head);
    if (s) subject = { group: s, how: 'clause-subject' };
    else if (ctx.mainCarried) subject = { group: ctx.mainCarried, how: 'carried' };
  } else {
    const passive = entry.passiveCues && passiveAfter(ctx, t.head);
    if (passive) {
      // «قُتل ثلاثة جنود إسرائيليين»: no named agent; the victims may be named after the verb
      return { actor: [], recipient: recipientsBetween(ctx, t.head + 1, end, entry, complements), how: 'none' };
    }
    subject = verbSubject(ctx, t);
    if (subject && entry.passiveCues && subject.how === 'svo' && countedBefore(ctx, subject.group.first)) {
      // «50 جنديا باكستانيا قتلوا»: the counted subject of a passive is the victim
      return { actor: [], recipient: [subject.group], how: 'none' };
    }
  }
  if (entry.subjectIsVictim) {
    return { actor: [], recipient: subject ? [subject.group] : [], how: 'none' };
  }
  // pro-drop: the carried subject, unless the verb has an unnamed subject or a plural verb meets one party
  if (!subject && unnamedSubject(ctx, t)) {
    return { actor: [], recipient: recipientsBetween(ctx, t.head + 1, end, entry, complements), how: 'unnamed' };
  }
  // a verb with an object pronoun («ليخطفه») mostly points back at the sentence's first name: not its subject
  const objectPronounBack = t.variant.enc !== '' && ctx.carried === ctx.mainCarried;
  if (
    !subject &&
    ctx.carried &&
    !objectPronounBack &&
    (!agreesWithPlural(t) || isPlural(ctx.carried)) &&
    carriesAcross(ctx, t)
  ) {
    subject = { group: ctx.carried, how: 'carried' };
  }
  const from =
    subject && subject.how !== 'carried' && subject.group.first > t.head ? subject.group.last + 1 : t.head + 1;
  const recipient = recipientsBetween(ctx, from, end, entry, complements).filter((r) => r !== subject?.group);
  return { actor: subject ? [subject.group] : [], recipient, how: subject ? subject.how : 'none' };
}

/** The roles of an event noun. */
function nounRoles(ctx: RoleContext, t: TriggerMatch, complements: ReadonlySet<number>): Roles {
  const entry = t.entry;
  const end = clauseEnd(ctx, t.head, true);
  const genitive = genitiveAfter(ctx, t.head);
  const genitiveIsAgent =
    genitive !== null && (genitive.members.every((m) => m.adjective) || entry.genitive === 'actor');
  const prev = ctx.words[t.head - 1];
  if (prev && ctx.lex.grammar.passiveAuxiliaries.has(bareOf(prev))) {
    // «تم خطفهما»: a passive; the possessive or the genitive is the patient
    const patient = t.variant.enc ? clauseSubject(ctx, t.head, t.variant.enc) : genitive;
    return { actor: [], recipient: patient ? [patient] : [], how: 'none' };
  }
  if (t.variant.enc && entry.genitive === 'recipient') {
    // «نجا X من محاولة لاغتياله»: the possessive of a violent noun is its victim
    const victim = clauseSubject(ctx, t.head, t.variant.enc);
    return { actor: [], recipient: victim ? [victim] : [], how: 'none' };
  }
  let actor: MentionGroup | null = null;
  let how: Roles['how'] = 'none';
  const light = lightVerbBefore(ctx, t.head, entry.type);
  const rel = relativeActor(ctx, t.head);
  if (rel) {
    actor = rel;
    how = 'relative';
  } else if (genitiveIsAgent) {
    actor = genitive;
    how = 'genitive';
  } else {
    const lightActor = light !== null ? lightVerbActor(ctx, light, t.head, entry.type) : null;
    if (lightActor) {
      actor = lightActor;
      how = 'light-verb';
    } else if (t.variant.enc || afterMeansWord(ctx, t.head)) {
      // a possessive refers back, maybe past this sentence; «خلال الاحتجاجات» names no one outside it
      const main = ctx.mainCarried;
      const carried = t.variant.enc && main && agreesWithPronoun(main, t.variant.enc) ? main : null;
      actor = clauseSubject(ctx, t.head, t.variant.enc) ?? carried;
      how = actor ? (actor === carried ? 'carried' : 'clause-subject') : 'none';
    }
  }
  const recipient = recipientsBetween(ctx, t.head + 1, end, entry, complements).filter((r) => r !== actor && r !== rel);
  if (genitive && !genitiveIsAgent && !recipient.includes(genitive)) recipient.unshift(genitive);
  return { actor: actor ? [actor] : [], recipient, how, lightVerb: light ?? undefined };
}

/** The actor and recipient groups of a trigger (before metonym and host/mutual adjustments). */
export function rolesOf(ctx: RoleContext, t: TriggerMatch, complements: ReadonlySet<number>): Roles {
  return t.pos === 'noun' ? nounRoles(ctx, t, complements) : verbRoles(ctx, t, complements);
}
