// Reading ANT-style labelled corpora for training and evaluation, and the fixed held-out split.
//
// ANT v2.1 holds ~1,469 groups of identical articles, some filed under two categories (France24 puts
// its whole output in its main feed as well as in the section). Identical copies must never fall on
// both sides of the split, so articles are grouped by a hash of their normalised text and the split is
// decided per group: a group is held out when its hash ≡ 0 (mod 10), a fixed, deterministic 10%;
// ≡ 1 (mod 10) is the development part of the training side (epochs are chosen on it).
//
// Each group becomes one example with a set of accepted labels:
//  - a copy's category maps to one label (labels.json `categories`), or to two for a mixed feed
//    (`mixedFeeds`: Al Arabiya's «عرب وعالم», France24's main feed — world or Middle East);
//  - among its copies, the one whose best label has the lowest priority decides (a France24 match report
//    filed under sport and the main feed is sport; world feed + middleEast section is middle_east), and
//    copies tied there accept only the labels they share.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { normalizeArabic } from '../text/normalize.js';
import { topicLabels, type CorpusMapping } from './labels.js';

/** One record of ../shared/data/corpora/*.jsonl.gz (the fields used here). */
export interface CorpusRecord {
  id: string;
  corpus?: string | null;
  outlet?: string | null;
  category: string | null;
  title: string | null;
  text: string | null;
}

export type SplitName = 'train' | 'dev' | 'heldout';

/** One group of identical articles. */
export interface ArticleGroup {
  key: string;
  split: SplitName;
  title: string;
  text: string;
  /** The labels that count as right (one, or two for a mixed feed), in priority order. */
  accepted: string[];
  /** The corpus's own label as mapped, mixed feeds read literally (ANT's internationalNews → politics):
   *  the strict reading, and the row of the confusion matrix when the prediction is not accepted. */
  label: string;
  /** Every label its copies were filed under, read literally, sorted. */
  filed: string[];
  ids: string[];
  outlets: string[];
}

/** Reads a gzipped (or plain) JSONL corpus file. */
export function readCorpus(path: string): CorpusRecord[] {
  let buf = readFileSync(path);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  const out: CorpusRecord[] = [];
  for (const line of buf.toString('utf8').split('\n')) if (line.trim()) out.push(JSON.parse(line) as CorpusRecord);
  return out;
}

/** The group key of an article: sha1 of its normalised, space-collapsed text (title when no text). */
export function groupKey(title: string | null, text: string | null): string {
  const body = (text ?? '').trim() ? (text as string) : (title ?? '');
  const norm = normalizeArabic(body).replace(/\s+/g, ' ').trim();
  return createHash('sha1').update(norm, 'utf8').digest('hex');
}

/** The split of a group key: held out ≡ 0, dev ≡ 1, train otherwise (mod 10 of its first 32 bits). */
export function splitOf(key: string): SplitName {
  const r = parseInt(key.slice(0, 8), 16) % 10;
  return r === 0 ? 'heldout' : r === 1 ? 'dev' : 'train';
}

interface Copy {
  literal: string;
  accepted: string[];
}

/**
 * Groups identical articles, maps their categories with `mapping` (records whose category it does not
 * map are left out) and assigns each group its split and accepted labels. Output order follows first
 * appearance in `records`, so it is deterministic.
 */
export function groupArticles(records: readonly CorpusRecord[], mapping: CorpusMapping): ArticleGroup[] {
  const priority = new Map(topicLabels().map((l) => [l.id, l.priority]));
  const prio = (l: string): number => priority.get(l) ?? Number.MAX_SAFE_INTEGER;
  const byPriority = (a: string, b: string): number => prio(a) - prio(b);
  const mixed = new Map((mapping.mixedFeeds ?? []).map((f) => [`${f.outlet}\u0000${f.category}`, f.labels]));
  const groups = new Map<string, { g: ArticleGroup; copies: Copy[] }>();
  for (const r of records) {
    const literal = r.category ? mapping.categories[r.category] : undefined;
    if (!literal) continue;
    const accepted = [...(mixed.get(`${r.outlet ?? ''}\u0000${r.category}`) ?? [literal])].sort(byPriority);
    const key = groupKey(r.title, r.text);
    let entry = groups.get(key);
    if (!entry) {
      const g: ArticleGroup = {
        key,
        split: splitOf(key),
        title: r.title ?? '',
        text: r.text ?? '',
        accepted: [],
        label: literal,
        filed: [],
        ids: [],
        outlets: [],
      };
      entry = { g, copies: [] };
      groups.set(key, entry);
    }
    const { g, copies } = entry;
    copies.push({ literal, accepted });
    if (!g.filed.includes(literal)) g.filed.push(literal);
    g.ids.push(r.id);
    if (r.outlet && !g.outlets.includes(r.outlet)) g.outlets.push(r.outlet);
  }
  const out: ArticleGroup[] = [];
  for (const { g, copies } of groups.values()) {
    const best = Math.min(...copies.map((c) => prio(c.accepted[0])));
    const deciding = copies.filter((c) => prio(c.accepted[0]) === best);
    g.accepted = deciding.reduce((acc, c) => acc.filter((l) => c.accepted.includes(l)), deciding[0].accepted);
    g.filed.sort();
    g.label = [...g.filed].sort(byPriority)[0];
    out.push(g);
  }
  return out;
}
