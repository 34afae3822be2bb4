// Choosing one reading where candidate mentions overlap.
//
// Candidates come from three sources of different strengths:
//  - KB matches: exact names (clitic-aware) of known entities, linked, typed by the KB;
//  - tagger spans: the statistical model's reading, unlinked, possibly longer (قاسم جومارت توكاييف
//    where the KB knows only توكاييف) or shorter than a KB name;
//  - rule mentions: dateline agency, caption credits, organisation patterns.
// The rules: a tagger span that contains KB matches and only adds name words around them takes the
// KB link of the match it contains (same type); otherwise, among overlapping candidates, the longer
// one wins, and on equal length KB > rule > tagger.
import type { EntityType } from '../analysis/types.js';

export interface Candidate {
  start: number;
  end: number;
  sentence: number;
  type: EntityType;
  subtype: string | null;
  source: 'kb' | 'tagger' | 'rule' | 'dateline' | 'credit';
  kbId: string | null;
  /** Other KB entries the same surface could name (ambiguous surnames), for linking by context. */
  alternatives?: string[];
  confidence?: number;
  /** A name inside another name (the UN in «ميثاق الأمم المتحدة»): kept beside its host. */
  nested?: boolean;
  /** Token range, when known. */
  tokenStart?: number;
  tokenEnd?: number;
}

const RANK: Record<Candidate['source'], number> = { kb: 3, dateline: 3, credit: 3, rule: 2, tagger: 1 };

const overlaps = (a: Candidate, b: Candidate) => a.start < b.end && b.start < a.end;
const contains = (a: Candidate, b: Candidate) => a.start <= b.start && b.end <= a.end;

/**
 * Merges tagger spans with the KB matches they contain, then keeps a non-overlapping set.
 * Returns candidates sorted by start.
 */
export function resolveOverlaps(
  kbAll: Candidate[],
  tagger: Candidate[],
  rules: Candidate[],
  /** May the KB name `k` take the shorter tagger boundaries `t`? (see below) */
  mayShorten: (k: Candidate, t: Candidate) => boolean = () => false,
): Candidate[] {
  const nested = kbAll.filter((k) => k.nested);
  const kb = kbAll.filter((k) => !k.nested);
  const merged: Candidate[] = [];
  for (const t of tagger) {
    const inside = kb.filter((k) => contains(t, k) && (k.end - k.start < t.end - t.start));
    const crossing = kb.some((k) => overlaps(t, k) && !contains(t, k) && !contains(k, t));
    if (crossing) continue; // the tagger cut through a known name: trust the KB
    // A PER span that adds given names to a known person (قاسم جومارت + توكاييف) is that person.
    const person = inside.filter((k) => k.type === 'PER');
    if (t.type === 'PER' && person.length === 1 && inside.every((k) => k.type === 'PER')) {
      merged.push({ ...t, kbId: person[0].kbId, alternatives: person[0].alternatives, subtype: person[0].subtype, source: 'kb' });
      continue;
    }
    merged.push(t);
  }
  // A KB name that the tagger read shorter, with the same type («قطاع غزة» / «غزة», «الجيش
  // اللبناني» / …): the mention takes the tagger's boundaries (the ANERcorp convention, which leaves
  // head nouns and adjectives out) and keeps the KB link — when what is left out is leading words or
  // trailing nisba adjectives, not part of the name proper (آسيا الوسطى stays whole).
  for (let i = 0; i < kb.length; i++) {
    const k = kb[i];
    const inner = tagger.filter((t) => t.type === k.type && contains(k, t) && t.end - t.start < k.end - k.start && mayShorten(k, t));
    if (inner.length === 1) kb[i] = { ...k, start: inner[0].start, end: inner[0].end };
  }
  const all = [...kb, ...rules, ...merged];
  // Longest first, then by source rank, then earliest: a greedy non-overlapping selection.
  all.sort(
    (a, b) => b.end - b.start - (a.end - a.start) || RANK[b.source] - RANK[a.source] || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of all) {
    if (kept.some((k) => overlaps(k, c))) continue;
    kept.push(c);
  }
  // A longer tagger span that swallowed several KB names of other types (e.g. «روسيا وكازاخستان»
  // read as one ORG) loses to those names.
  const out: Candidate[] = [];
  for (const c of kept) {
    if (c.source === 'tagger' && !c.kbId) {
      const inner = kb.filter((k) => contains(c, k));
      if (inner.length >= 2 || (inner.length === 1 && inner[0].type !== c.type && inner[0].end - inner[0].start >= (c.end - c.start) * 0.6)) {
        out.push(...inner);
        continue;
      }
    }
    out.push(c);
  }
  // Nested names survive when their host did.
  for (const n of nested) if (out.some((h) => h.source === 'kb' && h.type === 'MISC' && contains(h, n))) out.push(n);
  return out.sort((a, b) => a.start - b.start);
}
