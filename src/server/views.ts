// What the entity, actor-pair and related pages show, composed from Store queries.
// Kept apart from the HTTP layer so that it can be tested (and reused by a CLI) without a server.
import { loadKb, type Kb } from '../kb/index.js';
import { dayRange } from '../store/prepare.js';
import type { EventRow, SearchHit, Store, StoredArticleMeta } from '../store/types.js';
import type { EntityRef, EntityResponse, EventView, PairPoint, PairResponse, RelatedResponse } from './api-types.js';
import { kbAgentOf, kbNameOf, renderEvent } from './facts.js';

/** Articles read to draw an entity's mentions over time when the store has no timeline query. */
export const TIMELINE_SAMPLE = 1000;
/** Events listed on an entity page, per role (actor, recipient). */
export const ENTITY_EVENTS = 100;
/** Quotes listed on an entity page. */
export const ENTITY_QUOTES = 50;
/** Recent articles listed on an entity page. */
export const ENTITY_RECENT = 10;
/** A pair timeline spanning at most this many days is drawn per day, else per month. */
export const PAIR_DAILY_MAX_SPAN_DAYS = 92;
/** Articles with the same title examined when looking for an article's duplicates. */
const DUPLICATE_PROBE = 50;

/**
 * Optional store queries the views use when a backend offers them (faster, complete); without
 * them the views fall back to the base Store interface.
 */
export interface StoreExtras {
  /** Articles per month that mention the entity (duplicate groups once). */
  entityTimeline?(id: string, opts: { from?: string; to?: string }): Promise<Array<{ period: string; count: number }>>;
  /** The members of an article's duplicate group, the canonical first. */
  duplicatesOf?(id: string): Promise<StoredArticleMeta[]>;
}

export function entityRef(id: string, kb: Kb = loadKb(), fallbackName: string | null = null): EntityRef {
  const k = kb.get(id);
  if (k) return { id, type: k.type, subtype: k.subtype, name: { ar: k.ar, en: k.en }, wikidata: k.wikidata ?? null };
  const local = /^local:([A-Z]+):(.+)$/.exec(id);
  return {
    id,
    type: local ? local[1] : null,
    subtype: null,
    name: { ar: fallbackName ?? (local ? local[2] : null), en: null },
    wikidata: null,
  };
}

/** The day an event is placed on: the first day its date covers, else its article's publication day. */
export function eventDay(e: Pick<EventRow, 'date' | 'published'>): string | null {
  return dayRange(e.date)?.from ?? dayRange(e.published)?.from ?? null;
}

function eventView(e: EventRow, kb: Kb): EventView {
  const day = eventDay(e);
  return { ...e, day, en: renderEvent(e, kbNameOf(kb), kbAgentOf(kb, day), e.published?.slice(0, 10) ?? null) };
}

function eventKey(e: EventRow): string {
  return `${e.articleId}#${e.index}`;
}

export async function entityView(
  store: Store & StoreExtras,
  id: string,
  opts: { from?: string; to?: string } = {},
): Promise<EntityResponse | null> {
  const kb = loadKb();
  const k = kb.get(id);
  const [found, quotes, asActor, asRecipient] = await Promise.all([
    store.search({
      entity: [id],
      from: opts.from,
      to: opts.to,
      limit: store.entityTimeline ? ENTITY_RECENT : TIMELINE_SAMPLE,
      facets: true,
    }),
    store.quotes({ speaker: id, from: opts.from, to: opts.to, limit: ENTITY_QUOTES }),
    store.events({ actor: id, from: opts.from, to: opts.to, limit: ENTITY_EVENTS }),
    store.events({ recipient: id, from: opts.from, to: opts.to, limit: ENTITY_EVENTS }),
  ]);
  if (!k && found.total === 0 && quotes.length === 0 && asActor.length === 0 && asRecipient.length === 0) return null;

  let timeline: EntityResponse['timeline'];
  if (store.entityTimeline) {
    const points = await store.entityTimeline(id, opts);
    timeline = { bucket: 'month', points, basedOn: found.total, complete: true };
  } else {
    const months = new Map<string, number>();
    for (const h of found.hits) {
      const m = h.article.published?.slice(0, 7);
      if (m && /^\d{4}-\d{2}$/.test(m)) months.set(m, (months.get(m) ?? 0) + 1);
    }
    const points = [...months]
      .map(([period, count]) => ({ period, count }))
      .sort((a, b) => (a.period < b.period ? -1 : 1));
    timeline = { bucket: 'month', points, basedOn: found.hits.length, complete: found.hits.length >= found.total };
  }

  const seen = new Set<string>();
  const events: EventView[] = [];
  for (const e of [...asActor, ...asRecipient]) {
    if (seen.has(eventKey(e))) continue;
    seen.add(eventKey(e));
    events.push(eventView(e, kb));
  }
  events.sort(
    (a, b) =>
      cmpDesc(a.day, b.day) || (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.index - b.index),
  );

  const speakerName = quotes.find((q) => q.speaker === id)?.speakerText ?? null;
  return {
    entity: entityRef(id, kb, speakerName),
    kb: k
      ? {
          aliasesAr: k.aliases_ar ?? [],
          aliasesEn: k.aliases_en ?? [],
          country: k.country ?? k.iso2 ?? null,
          offices: (k.offices ?? []).map((o) => ({ ...o })),
          standsFor: k.standsFor ?? null,
        }
      : null,
    articles: found.total,
    timeline,
    cooccurring: found.facets.entity.filter((f) => f.value !== id),
    recent: found.hits.slice(0, ENTITY_RECENT),
    quotes,
    events,
  };
}

function cmpDesc(a: string | null, b: string | null): number {
  return (b ?? '') < (a ?? '') ? -1 : (b ?? '') > (a ?? '') ? 1 : 0;
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86_400_000;
}

/**
 * The relationship of two entities over time: events where one acts on the other (both
 * directions), grouped per day or month with the mean Goldstein score of each group.
 */
export async function pairView(
  store: Store,
  a: string,
  b: string,
  opts: { from?: string; to?: string; limit?: number } = {},
): Promise<PairResponse> {
  const kb = loadKb();
  const q = { from: opts.from, to: opts.to, limit: opts.limit ?? 500 };
  const [ab, ba] = await Promise.all([
    store.events({ ...q, actor: a, recipient: b }),
    store.events({ ...q, actor: b, recipient: a }),
  ]);
  const seen = new Set<string>();
  const events: PairResponse['events'] = [];
  for (const [rows, direction] of [
    [ab, 'ab'],
    [ba, 'ba'],
  ] as const)
    for (const e of rows) {
      if (seen.has(eventKey(e))) continue;
      seen.add(eventKey(e));
      events.push({ ...eventView(e, kb), direction });
    }
  events.sort(
    (x, y) =>
      -cmpDesc(x.day, y.day) || (x.articleId < y.articleId ? -1 : x.articleId > y.articleId ? 1 : x.index - y.index),
  );

  const days = events.map((e) => e.day).filter((d): d is string => d !== null);
  const bucket: PairResponse['bucket'] =
    days.length && daysBetween(days[0], days[days.length - 1]) <= PAIR_DAILY_MAX_SPAN_DAYS ? 'day' : 'month';
  const groups = new Map<string, PairPoint>();
  events.forEach((e, i) => {
    if (!e.day) return;
    const period = bucket === 'day' ? e.day : e.day.slice(0, 7);
    let p = groups.get(period);
    if (!p) groups.set(period, (p = { period, count: 0, mean: null, min: null, max: null, events: [] }));
    p.count++;
    p.events.push(i);
  });
  for (const p of groups.values()) {
    const scores = p.events.map((i) => events[i].goldstein).filter((g): g is number => g !== null);
    if (scores.length) {
      p.mean = Math.round((scores.reduce((s, x) => s + x, 0) / scores.length) * 100) / 100;
      p.min = Math.min(...scores);
      p.max = Math.max(...scores);
    }
  }
  return {
    a: entityRef(a, kb),
    b: entityRef(b, kb),
    bucket,
    events,
    series: [...groups.values()].sort((x, y) => (x.period < y.period ? -1 : 1)),
  };
}

/** «Read also» and the article's duplicate group. */
export async function relatedView(
  store: Store & StoreExtras,
  meta: StoredArticleMeta,
  limit: number,
): Promise<RelatedResponse> {
  // Both queries at once: the title probe (when the store has no group query) costs a search.
  const [related, group] = await Promise.all([
    store.related(meta.id, { limit }),
    store.duplicatesOf ? store.duplicatesOf(meta.id) : duplicatesByTitle(store, meta),
  ]);
  const duplicates = group.filter((m) => m.id !== meta.id);
  return { related, duplicates };
}

/**
 * Without a group query in the store: articles sharing the title (a search, duplicates not
 * collapsed) that the store put in the same group. Exact (no false members), but it misses
 * members whose title was edited.
 */
async function duplicatesByTitle(store: Store, meta: StoredArticleMeta): Promise<StoredArticleMeta[]> {
  if (!meta.title) return [];
  const phrase = `"${meta.title.replace(/["\n]/g, ' ').slice(0, 300)}"`;
  let hits: SearchHit[];
  try {
    hits = (await store.search({ q: phrase, collapseDuplicates: false, limit: DUPLICATE_PROBE, facets: false })).hits;
  } catch {
    return [];
  }
  const group = hits.map((h) => h.article).filter((m) => m.canonicalId === meta.canonicalId && m.id !== meta.id);
  return group.sort((x, y) => (x.id === meta.canonicalId ? -1 : y.id === meta.canonicalId ? 1 : x.id < y.id ? -1 : 1));
}
