// Export formats over stored articles: CSV of events with GDELT-like columns, and one GKG-like
// line per article. Shared by `rasd export` and the HTTP API's /api/export.
import type { StoredArticle } from './types.js';
import { loadKb } from '../kb/index.js';
import { dayRange } from './prepare.js';

function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A TSV field: tabs and line breaks become spaces (GKG files are one record per line). */
function tsvField(v: unknown): string {
  return (v === null || v === undefined ? '' : String(v)).replace(/[\t\r\n]+/g, ' ');
}

function compactDate(day: string | null | undefined): string {
  return day ? day.slice(0, 10).replace(/-/g, '') : '';
}

/** Display name of an entity id: from the article's entities, else the KB, else the id. */
function entityName(art: StoredArticle, id: string): string {
  const e = art.analysis.entities.find((x) => x.id === id);
  if (e) return e.name.en ?? e.name.ar;
  const k = loadKb().get(id);
  return k ? k.en || k.ar : id;
}

export const EVENTS_CSV_COLUMNS = [
  'GLOBALEVENTID',
  'SQLDATE',
  'Actor1Code',
  'Actor1Name',
  'Actor2Code',
  'Actor2Name',
  'EventCode',
  'QuadClass',
  'GoldsteinScale',
  'PloverType',
  'PloverMode',
  'IsNegated',
  'Factuality',
  'ActionGeo_ID',
  'ActionGeo_FullName',
  'Actors',
  'Recipients',
  'ArticleId',
  'SOURCEURL',
] as const;

/** One CSV line per event, GDELT-like columns (first actor/recipient as Actor1/Actor2, all of them in Actors/Recipients). */
export function eventCsvLines(art: StoredArticle): string[] {
  const m = art.meta;
  return art.analysis.events.map((e, i) => {
    const range = dayRange(e.date);
    const row = [
      `${m.id}-${i}`,
      compactDate(range?.from ?? m.published),
      e.actor[0] ?? '',
      e.actor[0] ? entityName(art, e.actor[0]) : '',
      e.recipient[0] ?? '',
      e.recipient[0] ? entityName(art, e.recipient[0]) : '',
      e.cameo ?? '',
      e.quad_class ?? '',
      e.goldstein ?? '',
      e.type,
      e.mode ?? '',
      e.negated ? 1 : 0,
      e.factuality,
      e.location ?? '',
      e.location ? entityName(art, e.location) : '',
      e.actor.join(';'),
      e.recipient.join(';'),
      m.id,
      m.url ?? m.sourceId ?? '',
    ];
    return row.map(csvField).join(',');
  });
}

export const GKG_COLUMNS = [
  'GKGRECORDID',
  'DATE',
  'SourceCommonName',
  'DocumentIdentifier',
  'Themes',
  'Persons',
  'Organizations',
  'Locations',
  'Quotations',
] as const;

/**
 * One GKG-like TSV line per article. Entities are «name|id» separated by «;»; quotations are
 * «offset|length|speaker|quote» separated by «#» (GDELT's V2Quotations layout with the speaker in
 * the verb's place); the date is YYYYMMDDHHMMSS as published.
 */
export function gkgLine(art: StoredArticle): string {
  const m = art.meta;
  const ents = (type: string) =>
    art.analysis.entities
      .filter((e) => e.type === type)
      .map((e) => `${(e.name.en ?? e.name.ar).replace(/[;|#]/g, ' ')}|${e.id}`)
      .join(';');
  const quotes = art.analysis.quotes
    .map((q) => {
      const who = q.speaker ? entityName(art, q.speaker) : (q.speaker_text ?? '');
      return `${q.start}|${q.end - q.start}|${who.replace(/[|#]/g, ' ')}|${q.text.replace(/[|#]/g, ' ')}`;
    })
    .join('#');
  const date = (m.published ?? '')
    .replace(/[^0-9]/g, '')
    .slice(0, 14)
    .padEnd(14, '0');
  return [
    m.id,
    m.published ? date : '',
    m.outlet ?? '',
    m.url ?? m.sourceId ?? '',
    m.topics.join(';'),
    ents('PER'),
    ents('ORG'),
    ents('LOC'),
    quotes,
  ]
    .map(tsvField)
    .join('\t');
}

