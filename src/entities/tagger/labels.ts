// The BIO label set and its constraints.
//
// Nine labels: O and B-/I- for each of the four coarse types. Corpora with other type names
// (ANERcorp's PERS, AQMAR's MIS0…, FANE's fine types) are reduced by `coarseType` before training
// or scoring, the same reduction /work/shared/eval/score-conll.mjs applies.
import type { EntityType } from '../../analysis/types.js';

export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'LOC', 'ORG', 'MISC'];

export const LABELS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];
export const NUM_LABELS = LABELS.length;
export const O = 0;

const LABEL_INDEX = new Map(LABELS.map((l, i) => [l, i]));

/** Index of a BIO label in `LABELS`; unknown labels count as O. */
export function labelIndex(label: string): number {
  return LABEL_INDEX.get(label) ?? O;
}

/** True for I- labels. */
export function isInside(label: number): boolean {
  return label !== O && label % 2 === 0;
}

/** Entity type of a B-/I- label index, null for O. */
export function labelType(label: number): EntityType | null {
  return label === O ? null : ENTITY_TYPES[(label - 1) >> 1];
}

/**
 * allowedAfter[prev * NUM_LABELS + cur] — whether `cur` may follow `prev` in a BIO sequence:
 * I-X only after B-X or I-X. Row `NUM_LABELS` is the sentence start (no I- there either).
 */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((NUM_LABELS + 1) * NUM_LABELS);
  for (let prev = 0; prev <= NUM_LABELS; prev++) {
    for (let cur = 0; cur < NUM_LABELS; cur++) {
      let ok = true;
      if (isInside(cur)) ok = prev < NUM_LABELS && prev !== O && labelType(prev) === labelType(cur);
      a[prev * NUM_LABELS + cur] = ok ? 1 : 0;
    }
  }
  return a;
})();

// FANE's fine types, grouped as score-conll.mjs groups them.
const FINE_TYPES: Record<string, EntityType> = {};
for (const k of 'Politician Athlete Group Artist Other_PER Religious_PER Scientist Police Businessperson Lawyer Engineer'.split(
  ' ',
))
  FINE_TYPES[k] = 'PER';
for (const k of 'Non-Governmental Sports Media Government Commercial Educational Medical-Science Entertainment Religious_ORG'.split(
  ' ',
))
  FINE_TYPES[k] = 'ORG';
for (const k of 'Nation Population-Center State-or-Province GPE-Cluster Continent County-or-District Water-Body Land-Region-Natural Celestial Building-Grounds Airport Path Subarea-Facility Plant'.split(
  ' ',
))
  FINE_TYPES[k] = 'LOC';

/** Reduces a corpus entity type to PER/LOC/ORG/MISC (PERS→PER, MIS*→MISC, FANE fine types). */
export function coarseType(type: string): EntityType {
  if (type === 'PER' || type === 'PERS') return 'PER';
  if (type === 'LOC' || type === 'ORG' || type === 'MISC') return type;
  if (type.startsWith('MIS')) return 'MISC';
  return FINE_TYPES[type] ?? 'MISC';
}

/** Reduces a corpus BIO tag (B-PERS, I-Politician, OO …) to one of `LABELS`. */
export function coarseLabel(tag: string): string {
  const m = /^([BI])-+(.+)$/.exec(tag);
  if (!m) return 'O';
  return `${m[1]}-${coarseType(m[2])}`;
}

/** A labelled span over token indices [start, end). */
export interface LabelSpan {
  start: number;
  end: number;
  type: EntityType;
}

/**
 * Spans of a BIO sequence, CoNLL style: a span starts at B-X, or at an I-X that does not continue
 * a span of type X, and runs while I-X follows.
 */
export function spansOfLabels(labels: readonly string[]): LabelSpan[] {
  const out: LabelSpan[] = [];
  let start = -1;
  let type: EntityType | null = null;
  for (let i = 0; i < labels.length; i++) {
    const m = /^([BI])-(.+)$/.exec(labels[i]);
    const t = m ? coarseType(m[2]) : null;
    if (!m || m[1] === 'B' || t !== type) {
      if (type) out.push({ start, end: i, type });
      start = m ? i : -1;
      type = t;
    }
  }
  if (type) out.push({ start, end: labels.length, type });
  return out;
}
