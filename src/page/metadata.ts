// Page metadata from HTML: JSON-LD (NewsArticle headline/datePublished/author/publisher), OpenGraph
// (og:title, article:published_time), <meta> date tags (date, pubdate, parsely-pub-date…),
// <time datetime>, bylines, declared language and direction. Read before Readability runs (it
// changes the document).
import type { DomDocument, DomElement, DomNode } from './dom.js';
import { findDates, makeDate } from './dates.js';
import { statedReadingMinutes } from './reading.js';
import { primaryLanguage } from './language.js';
import { foldForMatch } from './fold.js';
import { JSONLD_MAX_CHARS } from './settings.js';

export interface PageMetadata {
  title: string | null;
  /** ISO date or datetime as the page gives it. */
  published: string | null;
  byline: string | null;
  siteName: string | null;
  /** Declared language, primary subtag («ar»). */
  language: string | null;
  /** Declared direction («rtl» | «ltr»). */
  dir: 'rtl' | 'ltr' | null;
  readingMinutes: number | null;
  url: string | null;
}

/** <meta> names that carry the publication date, most specific first. */
const DATE_META = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'datepublished',
  'parsely-pub-date',
  'sailthru.date',
  'pubdate',
  'publishdate',
  'publish_date',
  'publish-date',
  'publication_date',
  'article.published',
  'article_date_original',
  'original-publish-date',
  'dc.date.issued',
  'dcterms.issued',
  'dcterms.created',
  'dc.date',
  'dcterms.date',
  'date',
  'release_date',
  'displaydate',
];
const AUTHOR_META = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl'];
const TITLE_META = ['og:title', 'twitter:title', 'parsely-title', 'sailthru.title', 'headline'];

const ARTICLE_TYPE =
  /(?:^|:)(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|LiveBlogPosting|Report|OpinionNewsArticle|BackgroundNewsArticle)$/;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function readMetadata(doc: DomDocument): PageMetadata {
  const found = collect(doc);
  const { meta } = found;
  const ld = articleJsonLd(found.jsonLd);
  const get = (keys: string[]) => {
    for (const k of keys) {
      const v = meta.get(k);
      if (v) return v;
    }
    return null;
  };

  const siteName =
    str(ld?.publisher && typeof ld.publisher === 'object' && !Array.isArray(ld.publisher) ? ld.publisher.name : null) ??
    get(['og:site_name', 'application-name']);

  let published: string | null = null;
  for (const candidate of [str(ld?.datePublished), get(DATE_META), found.timeDate, str(ld?.dateCreated)]) {
    published = normalizeDate(candidate);
    if (published) break;
  }

  let byline = authorsOf(ld?.author ?? null);
  if (!byline) {
    const a = get(AUTHOR_META);
    byline = a && !/^https?:/i.test(a) ? a : null;
  }

  const html = doc.documentElement;
  const language =
    primaryLanguage(html?.getAttribute('lang')) ??
    primaryLanguage(get(['content-language', 'og:locale', 'language'])) ??
    primaryLanguage(str(ld?.inLanguage));
  const dir = (html?.getAttribute('dir') ?? doc.body?.getAttribute('dir') ?? null)?.toLowerCase() ?? null;

  let readingMinutes: number | null = null;
  for (const i of ['1', '2']) {
    const label = meta.get(`twitter:label${i}`);
    const data = meta.get(`twitter:data${i}`);
    if (label && data) readingMinutes ??= statedReadingMinutes(`${label} ${data}`);
  }
  readingMinutes ??= isoDurationMinutes(str(ld?.timeRequired));

  const title = stripSiteName(str(ld?.headline) ?? get(TITLE_META) ?? null, siteName);
  return {
    title,
    published,
    byline,
    siteName,
    language,
    dir: dir === 'rtl' || dir === 'ltr' ? dir : null,
    readingMinutes,
    url: found.canonical ?? get(['og:url']),
  };
}

interface Collected {
  /** <meta> name/property/itemprop (lower-cased) → content; the first of each name. */
  meta: Map<string, string>;
  /** Text of the JSON-LD scripts. */
  jsonLd: string[];
  canonical: string | null;
  /** <time datetime> marked as the publication time, else the first inside <article>. */
  timeDate: string | null;
}

/** One pass over the elements that carry metadata (each querySelectorAll walks the whole page). */
function collect(doc: DomDocument): Collected {
  const out: Collected = { meta: new Map(), jsonLd: [], canonical: null, timeDate: null };
  let timeMarked: string | null = null;
  let timeInArticle: string | null = null;
  for (const el of doc.querySelectorAll('meta,script,link,time')) {
    switch (el.localName) {
      case 'meta': {
        const key = (
          el.getAttribute('property') ??
          el.getAttribute('name') ??
          el.getAttribute('itemprop') ??
          el.getAttribute('http-equiv') ??
          ''
        )
          .trim()
          .toLowerCase();
        const content = (el.getAttribute('content') ?? el.getAttribute('datetime'))?.trim();
        if (key && content && !out.meta.has(key)) out.meta.set(key, content);
        break;
      }
      case 'script':
        if ((el.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json')
          out.jsonLd.push(el.textContent ?? '');
        break;
      case 'link':
        if (out.canonical === null && (el.getAttribute('rel') ?? '').toLowerCase() === 'canonical')
          out.canonical = el.getAttribute('href');
        break;
      case 'time': {
        const dt = el.getAttribute('datetime');
        if (!dt) break;
        if (timeMarked === null && (el.hasAttribute('pubdate') || el.getAttribute('itemprop') === 'datePublished'))
          timeMarked = dt;
        else if (timeInArticle === null && insideArticle(el)) timeInArticle = dt;
        break;
      }
    }
  }
  out.timeDate = timeMarked ?? timeInArticle;
  return out;
}

function insideArticle(el: DomNode): boolean {
  for (let p = el.parentNode; p; p = p.parentNode) if ((p as DomElement).localName === 'article') return true;
  return false;
}

/** The first JSON-LD object typed as an article (looking into arrays and @graph). */
function articleJsonLd(scripts: string[]): Record<string, Json> | null {
  for (const raw of scripts) {
    if (!raw.trim() || raw.length > JSONLD_MAX_CHARS) continue;
    let data: Json;
    try {
      data = JSON.parse(raw) as Json;
    } catch {
      continue; // broken JSON-LD is common; the other sources still count
    }
    const found = findArticle(data, 0);
    if (found) return found;
  }
  return null;
}

/** JSON-LD nests: arrays, @graph, mainEntity. A few levels deep is enough. */
const JSONLD_MAX_DEPTH = 4;

function findArticle(node: Json, depth: number): Record<string, Json> | null {
  if (depth > JSONLD_MAX_DEPTH || node === null || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    for (const x of node) {
      const f = findArticle(x, depth + 1);
      if (f) return f;
    }
    return null;
  }
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) return node;
  for (const k of ['@graph', 'mainEntity', 'mainEntityOfPage']) {
    const f = k in node ? findArticle(node[k], depth + 1) : null;
    if (f) return f;
  }
  return null;
}

function str(v: Json | undefined): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (Array.isArray(v)) for (const x of v) if (typeof x === 'string' && x.trim()) return x.trim();
  return null;
}

function authorsOf(a: Json): string | null {
  const names: string[] = [];
  const add = (x: Json) => {
    if (typeof x === 'string' && x.trim() && !/^https?:/i.test(x)) names.push(x.trim());
    else if (x && typeof x === 'object' && !Array.isArray(x) && typeof x.name === 'string' && x.name.trim())
      names.push(x.name.trim());
  };
  if (Array.isArray(a)) a.forEach(add);
  else add(a);
  return names.length ? [...new Set(names)].join(', ') : null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** An ISO date or datetime as written when it is one (a valid calendar date); other formats
 *  (RFC 2822, «28 نوفمبر 2022») become YYYY-MM-DD; null when nothing is recognised. */
export function normalizeDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.trim();
  const m = ISO_DATE.exec(t);
  if (m) return makeDate(+m[1], +m[2], +m[3]) ? (m[4] ? t.replace(' ', 'T') : t) : null;
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T?\d{2}:?\d{2})?/.exec(t); // 20221128, 20221128T1030
  if (compact) return makeDate(+compact[1], +compact[2], +compact[3])?.iso ?? null;
  const arabic = findDates(t)[0];
  if (arabic) return arabic.iso;
  const ms = Date.parse(t);
  if (!Number.isNaN(ms)) {
    const d = new Date(ms);
    return makeDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())?.iso ?? null;
  }
  return null;
}

function isoDurationMinutes(s: string | null): number | null {
  const m = s ? /^PT(?:(\d+)H)?(?:(\d+)M)?/i.exec(s) : null;
  if (!m || (!m[1] && !m[2])) return null;
  const minutes = Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  return minutes >= 1 && minutes <= 600 ? minutes : null;
}

/** «Headline - Site» / «Headline | Site» → «Headline» when Site is the page's site name. */
export function stripSiteName(title: string | null, siteName: string | null): string | null {
  if (!title) return null;
  const t = title.replace(/\s+/g, ' ').trim();
  if (!siteName) return t || null;
  const site = foldForMatch(siteName);
  const m = /^(.{8,}?)\s+[-–—|:•·]\s+([^-–—|:•·]{1,60})$/u.exec(t);
  if (m && foldForMatch(m[2]) === site) return m[1].trim();
  return t || null;
}
