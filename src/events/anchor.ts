// When and where: the event's date from the time layer, and its place from the entity layer.
//
// Date, in order: the time expression of the sentence nearest the trigger (not one inside a quote,
// not a «منذ» anchor of something else, not a duration); else the explicit date of the previous
// event when it is in the same or the previous paragraph (a narrative keeps its time: «وفي يونيو
// الماضي، رفضت … / وانتقد …»); else the publication date for past and present tense news; else null.
import type { Analysis, Timex } from '../analysis/types.js';
import type { EventGrammar } from './lexicon.js';
import type { MentionGroup } from './mentions.js';
import type { SentenceView, Word } from './words.js';

/** An event dated more than this many days before publication is historical. */
export const HISTORICAL_DAYS = 365;

const DAY_MS = 86_400_000;

/** The first day of a TIMEX3 date value, or null when the value is not a calendar date. */
export function dateStart(value: string): Date | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  m = /^(\d{4})-W(\d{2})/.exec(value);
  if (m) {
    // ISO week: the week with the year's first Thursday is week 1
    const jan4 = new Date(Date.UTC(+m[1], 0, 4));
    const monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS;
    return new Date(monday + (+m[2] - 1) * 7 * DAY_MS);
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return new Date(Date.UTC(+m[1], +m[2] - 1, 1));
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return new Date(Date.UTC(+m[1], (+m[2] - 1) * 3, 1));
  m = /^(\d{4})(-(SP|SU|FA|WI|H[12]))?$/.exec(value);
  if (m) return new Date(Date.UTC(+m[1], 0, 1));
  m = /^(\d{3})X?$/.exec(value); // a decade: «الخمسينيات» → 195
  if (m) return new Date(Date.UTC(+m[1] * 10, 0, 1));
  m = /^(\d{2})XX$/.exec(value); // a century
  if (m) return new Date(Date.UTC(+m[1] * 100, 0, 1));
  return null;
}

/** The last day of a TIMEX3 date value (for «is it after publication?»). */
function dateEnd(value: string): Date | null {
  const start = dateStart(value);
  if (!start) return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return start;
  if (/^\d{4}-W\d{2}/.test(value)) return new Date(start.getTime() + 6 * DAY_MS);
  if (/^\d{4}-\d{2}$/.test(value)) return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
  if (/^\d{4}-Q[1-4]$/.test(value)) return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0));
  if (/^\d{3}X?$/.test(value)) return new Date(Date.UTC(start.getUTCFullYear() + 9, 11, 31));
  if (/^\d{2}XX$/.test(value)) return new Date(Date.UTC(start.getUTCFullYear() + 99, 11, 31));
  return new Date(Date.UTC(start.getUTCFullYear(), 11, 31));
}

/** The publication day (YYYY-MM-DD) of the article, or null. */
export function publicationDay(doc: Analysis): string | null {
  const p = doc.article.published;
  return p && /^\d{4}-\d{2}-\d{2}/.test(p) ? p.slice(0, 10) : null;
}

/** Whether an event dated `value` lies before the publication by more than HISTORICAL_DAYS. */
export function isHistorical(value: string, published: string | null): boolean {
  if (!published) return false;
  const end = dateEnd(value);
  const pub = dateStart(published);
  return end !== null && pub !== null && pub.getTime() - end.getTime() > HISTORICAL_DAYS * DAY_MS;
}

/** Whether an event dated `value` lies wholly after the publication day. */
export function isAfterPublication(value: string, published: string | null): boolean {
  if (!published) return false;
  const start = dateStart(value);
  const pub = dateStart(published);
  return start !== null && pub !== null && start.getTime() > pub.getTime();
}

/** A time expression within this many words of the sentence start dates every clause of it («وفي يونيو، …»). */
const SENTENCE_INITIAL_WORDS = 2;

/**
 * The offsets of the coordinated clause of word `head`: between «، و…» boundaries (a comma followed by
 * a word with و/ف) — «وتعترض إسرائيل على الاتفاق الذي وُقع عام 2015، وأشاد نتنياهو …» has two.
 */
function coordinatedClause(words: Word[], head: number, g: EventGrammar): { start: number; end: number } {
  const boundary = (k: number) =>
    k > 0 &&
    words[k - 1].kind === 'punct' &&
    g.softBreaks.has(words[k - 1].norm) &&
    words[k].kind === 'arabic' &&
    /^[وف]/.test(words[k].norm) &&
    words[k].norm.length > 2;
  let from = head;
  while (from > 0 && !boundary(from)) from--;
  let to = head + 1;
  while (to < words.length && !boundary(to)) to++;
  return { start: words[from]?.start ?? 0, end: words[to - 1]?.end ?? 0 };
}

/** The value an event takes from a time expression (PRESENT_REF is the publication day). */
function eventValue(t: Timex, published: string | null): string | null {
  if (t.value === 'PRESENT_REF') return published;
  if (/^(PAST|FUTURE)_REF$/.test(t.value) || t.value.startsWith('P')) return null;
  return t.value.includes('T') ? t.value.slice(0, t.value.indexOf('T')) : t.value;
}

/** Whether the word before a time expression makes it the start of something else («منذ تنصيبه …»). */
function sinceAnchored(words: Word[], t: Timex, g: EventGrammar): boolean {
  // «منذ» may stand a few words before the time: «منذ تنصيبه الأسبوع الماضي»
  const before = words.filter((w) => w.end <= t.start).slice(-3);
  return before.some((w) => g.since.has(w.norm) || g.since.has(w.norm.replace(/^[وف]/, '')));
}

/**
 * The date of a trigger from the time expressions of its sentence (`times`): the nearest usable one,
 * or null. `quoted` masks words inside quotes (their times belong to the speaker's words).
 */
export function sentenceDate(
  times: readonly Timex[],
  published: string | null,
  s: SentenceView,
  headWord: Word,
  quoted: boolean[],
  g: EventGrammar,
): string | null {
  const clause = coordinatedClause(s.words, headWord.i, g);
  let best: { value: string; distance: number } | null = null;
  for (const t of times) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    // a time dates its own coordinated clause, or — at the head of the sentence — all of them
    const inClause = t.start >= clause.start && t.end <= clause.end;
    const sentenceInitial =
      s.words.filter((w) => w.end <= t.start && w.kind === 'arabic').length <= SENTENCE_INITIAL_WORDS;
    if (!inClause && !sentenceInitial) continue;
    const inQuote = s.words.some((w) => quoted[w.i] && w.start <= t.start && w.end >= t.start);
    if (inQuote || sinceAnchored(s.words, t, g)) continue;
    const value = eventValue(t, published);
    if (!value) continue;
    const distance = t.end <= headWord.start ? headWord.start - t.end : Math.max(0, t.start - headWord.end);
    if (!best || distance < best.distance) best = { value, distance };
  }
  return best ? best.value : null;
}

/**
 * The place of an event: a LOC after «في» (or glued بـ) close to the trigger — after it up to a comma,
 * a relative clause or a topic preposition («الحرب في أوكرانيا» after «بشأن» is a topic, not the
 * place), else before it back to a comma. Returns the entity id.
 */
export function clauseLocation(
  words: Word[],
  groups: MentionGroup[],
  head: number,
  g: EventGrammar,
  quoted: boolean[],
): string | null {
  const isPlace = (grp: MentionGroup) =>
    grp.left.kind === 'pp' &&
    (grp.left.prep === 'في' || grp.left.prep === 'ب') &&
    grp.members[0].type === 'LOC' &&
    !quoted[grp.first];
  const stops = (w: Word) =>
    (w.kind === 'punct' && (g.clauseBreaks.has(w.norm) || g.softBreaks.has(w.norm))) ||
    g.relativePronouns.has(w.norm) ||
    TOPIC_PREPOSITIONS.has(w.norm.replace(/^[وف](?=..)/, ''));
  let to = head;
  while (to + 1 < words.length && !stops(words[to + 1])) to++;
  const after = groups.find((grp) => grp.first > head && grp.first <= to && isPlace(grp));
  if (after) return after.members[0].entity.id;
  let from = head;
  while (
    from - 1 >= 0 &&
    !(
      words[from - 1].kind === 'punct' &&
      (g.clauseBreaks.has(words[from - 1].norm) || g.softBreaks.has(words[from - 1].norm))
    )
  )
    from--;
  const before = groups.filter((grp) => grp.last < head && grp.first >= from && isPlace(grp)).pop();
  return before ? before.members[0].entity.id : null;
}

/** Prepositions that introduce what something is about, not where it happens. */
const TOPIC_PREPOSITIONS: ReadonlySet<string> = new Set([
  'بشان',
  'حول',
  'حيال',
  'ازاء',
  'تجاه',
  'عن',
  'ضد',
  'بسبب',
  'جراء',
]);
