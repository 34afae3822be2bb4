// The publication date, when the page has to tell it through its text: a date line («نشر في …»,
// «الأربعاء، 28 آب/اغسطس 2013»), or a caption date confirmed by the weekday the lead names
// («… الاثنين …» and a caption dated 28 نوفمبر 2022, a Monday).
import { findDates, weekdaysIn, type FoundDate } from './dates.js';
import type { Draft } from './draft.js';
import { LEAD_PARAGRAPHS } from './settings.js';

/** Captions of archive photos carry old dates. */
const ARCHIVE = /أرشيف|ارشيف|file photo|archive/iu;

export interface InferredDate {
  iso: string;
  /** Why this date: shown as a warning when the evidence is weak. */
  evidence: 'date-line' | 'weekday' | 'caption';
}

export function inferPublished(draft: Draft): InferredDate | null {
  if (draft.dateLineDates.length) return { iso: draft.dateLineDates[0].iso, evidence: 'date-line' };

  const paragraphs = draft.body.filter((p) => p.kind === 'paragraph').slice(0, LEAD_PARAGRAPHS);
  const lead = [draft.title?.text ?? '', ...paragraphs.map((p) => p.text)].join('\n');
  const weekdays = weekdaysIn(lead);
  const captionDates: FoundDate[] = [];
  for (const c of draft.captions) {
    const text = c.text.slice(0, c.captionEnd ?? c.text.length);
    if (!ARCHIVE.test(text)) captionDates.push(...findDates(text));
  }
  const leadDates = findDates(paragraphs.map((p) => p.text).join('\n'));

  // strong: a date whose weekday is the one the lead names
  const confirmed = [...captionDates, ...leadDates].filter((d) => weekdays.has(d.weekday));
  if (confirmed.length) return { iso: latest(confirmed).iso, evidence: 'weekday' };
  // weaker: a caption date (photos are captioned on the day), unless the lead names another weekday
  if (captionDates.length && weekdays.size === 0) return { iso: latest(captionDates).iso, evidence: 'caption' };
  return null;
}

function latest(dates: FoundDate[]): FoundDate {
  return dates.reduce((a, b) => (b.iso > a.iso ? b : a));
}
