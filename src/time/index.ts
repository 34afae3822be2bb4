// The time layer: an Arabic temporal tagger filling `doc.times` with TIMEX3 values resolved against
// the publication date (news reading: «الاثنين» is the latest Monday on or before it).
//
//   scan (scan.ts) → recognise (grammar.ts) → resolve (resolve.ts, calendar.ts)
//
// Lexicons are in data/time/lexicon.json.
import type { Analysis, Span, Timex } from '../analysis/types.js';
import type { Stage, StageOptions } from '../analysis/pipeline.js';
import { parseIsoDay } from './calendar.js';
import { Grammar, futureContext } from './grammar.js';
import { resolve } from './resolve.js';
import { scan } from './scan.js';
import type { Sem } from './semantics.js';

export { scan } from './scan.js';
export { hijriFromGregorian, gregorianFromHijri, isoWeek } from './calendar.js';

export interface TagTimesOptions {
  /** ISO date (or datetime) the relative expressions are resolved against; null resolves only absolute ones. */
  referenceDate: string | null;
  /** Sentence spans of the text, to give each Timex its sentence index. */
  sentences?: readonly Span[];
  /** Spans that are names, not times (organisation mentions such as «روسيا اليوم»). */
  names?: readonly Span[];
}

/** Index of the sentence holding offset `pos` (the last sentence starting at or before it; 0 when none). */
export function sentenceIndexAt(sentences: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let ans = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start <= pos) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** «اليوم», «هذا الشهر», «الليلة»: expressions that name the present rather than a past or future time. */
function namesPresent(sem: Sem): boolean {
  if (sem.k === 'relDay' || sem.k === 'relUnit') return sem.offset === 0;
  if (sem.k === 'dayPart' || (sem.k === 'clock' && sem.date))
    return namesPresent(sem.k === 'dayPart' ? sem.date : (sem.date as Sem));
  return false;
}

/** Values earlier expressions leave for anaphora: calendar values only (no durations, sets, PRESENT_REF). */
const CALENDAR_VALUE = /^\d{4}(?:-|$|\/)/;

/**
 * Finds and resolves the time expressions of `text`.
 *
 *   tagTimes('وفي يونيو الماضي، … وفي الشهر ذاته', { referenceDate: '2022-11-28' })
 *   → [{ text: 'يونيو الماضي', value: '2022-06', … }, { text: 'الشهر ذاته', value: '2022-06', anchor: 'previous', … }]
 */
export function tagTimes(text: string, opts: TagTimesOptions): Timex[] {
  const toks = scan(text);
  const ref = parseIsoDay(opts.referenceDate);
  const names = opts.names ?? [];
  const sentences = opts.sentences ?? [];
  const out: Timex[] = [];
  const history: string[] = [];
  const present = new Set<string>();
  for (const c of new Grammar(toks).run()) {
    if (names.some((n) => n.start <= c.start && c.end <= n.end)) continue;
    const r = resolve(c.sem, { ref, future: futureContext(toks, c.i, c.j), history, present });
    if (!r) continue;
    out.push({
      text: text.slice(c.start, c.end),
      start: c.start,
      end: c.end,
      type: r.type,
      value: r.value,
      mod: c.mod,
      sentence: sentenceIndexAt(sentences, c.start),
      ...(r.anchor ? { anchor: r.anchor } : {}),
    });
    if ((r.type === 'DATE' || r.type === 'TIME') && CALENDAR_VALUE.test(r.value)) {
      history.push(r.value);
      if (namesPresent(c.sem)) present.add(r.value);
    }
  }
  return out;
}

/** Pipeline stage: fills `doc.times`. Never throws; a failure leaves the layer empty with a warning. */
export const timeStage: Stage = {
  name: 'time',
  run(doc: Analysis, opts: StageOptions): Analysis {
    try {
      const names = doc.mentions.filter((m) => m.type === 'ORG');
      const times = tagTimes(doc.text, { referenceDate: opts.referenceDate, sentences: doc.sentences, names });
      return { ...doc, times };
    } catch (err) {
      return { ...doc, times: [], warnings: [...doc.warnings, `time: tagging failed (${(err as Error).message})`] };
    }
  },
};
