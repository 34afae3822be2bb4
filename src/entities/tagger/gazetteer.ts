// Turning a name dictionary into per-token gazetteer tags, the tagger's dictionary features.
//
// The tagger does not read the knowledge base itself: whoever calls it passes, for each word, the
// BIO tag of a dictionary match covering it (or null). This file is the one matcher that produces
// those tags, used both when training (with a dictionary that owes nothing to the test data) and at
// run time (with the KB), so the features mean the same thing in both places.
//
// The model also carries a dictionary of its own (the WikiFANE names it was trained with, see
// `NameDictionary`): where the caller's tags say nothing, its matches fill in, and its words give
// the name-part features (a known first name, a known surname).
import type { EntityType } from '../../analysis/types.js';
import { firstWordForms, normalizeWord } from './arabic.js';

/** Looks up a normalised name (words normalised by `normalizeWord`, joined by one space). */
export type GazetteerLookup = (normalisedName: string) => EntityType | null;

/** Longest name, in words, the matcher tries. */
export const MAX_NAME_WORDS = 6;

/**
 * How many words the longest name starting with this (normalised) first word has, or undefined when
 * none does: lets the matcher skip most positions with one lookup.
 */
export type LongestFrom = (firstWord: string) => number | undefined;

/**
 * Greedy longest-match tagging of normalised words: at each position the longest name (up to
 * `maxWords`) found under any form of its first word wins; its words get B-TYPE, I-TYPE….
 * The one matcher behind both the caller's dictionary (`gazetteerTags`) and the model's own
 * (`NameDictionary.tags`).
 */
export function longestMatchTags(
  norms: readonly string[],
  lookup: GazetteerLookup,
  longestFrom: LongestFrom = () => MAX_NAME_WORDS,
  maxWords = MAX_NAME_WORDS,
): (string | null)[] {
  const n = norms.length;
  const tags: (string | null)[] = new Array(n).fill(null);
  let i = 0;
  while (i < n) {
    let matched = 0;
    let type: EntityType | null = null;
    for (const first of firstWordForms(norms[i])) {
      const longest = longestFrom(first);
      if (longest === undefined) continue;
      for (let len = Math.min(longest, maxWords, n - i); len > matched; len--) {
        const t = lookup(len > 1 ? first + ' ' + norms.slice(i + 1, i + len).join(' ') : first);
        if (t) {
          matched = len;
          type = t;
          break;
        }
      }
    }
    if (matched && type) {
      tags[i] = `B-${type}`;
      for (let j = 1; j < matched; j++) tags[i + j] = `I-${type}`;
      i += matched;
    } else i++;
  }
  return tags;
}

/** `longestMatchTags` over raw words (normalised here as the tagger normalises them). */
export function gazetteerTags(
  words: readonly string[],
  lookup: GazetteerLookup,
  longestFrom?: LongestFrom,
  maxWords = MAX_NAME_WORDS,
): (string | null)[] {
  return longestMatchTags(words.map(normalizeWord), lookup, longestFrom, maxWords);
}

/** Bits of `NameDictionary.partsOf`: how a word occurs inside the dictionary's names. */
export const NAME_PART = {
  /** First word of a person's name of two or more words (a given name). */
  PER_FIRST: 1,
  /** Last word of a person's name of two or more words (a surname). */
  PER_LAST: 2,
  /** A one-word person's name. */
  PER_ONLY: 4,
  /** A word of a place name. */
  LOC: 8,
  /** A word of an organisation name. */
  ORG: 16,
} as const;

/**
 * A name list (normalised name → type) with a fast longest-match tagger and word-part lookups.
 * Same matching as `gazetteerTags`, but it only tries the lengths a name starting with that word
 * can have, so a word that starts no name costs a few Map lookups.
 */
export class NameDictionary {
  private readonly names: ReadonlyMap<string, EntityType>;
  /** First word of a name → the most words a name starting with it has. */
  private readonly firstWords = new Map<string, number>();
  private readonly parts = new Map<string, number>();

  constructor(names: ReadonlyMap<string, EntityType>) {
    this.names = names;
    for (const [name, type] of names) {
      const words = name.split(' ');
      this.firstWords.set(words[0], Math.max(this.firstWords.get(words[0]) ?? 0, words.length));
      const mark = (w: string, bit: number): void => {
        if (w.length >= 2) this.parts.set(w, (this.parts.get(w) ?? 0) | bit);
      };
      if (type === 'PER') {
        if (words.length === 1) mark(words[0], NAME_PART.PER_ONLY);
        else {
          mark(words[0], NAME_PART.PER_FIRST);
          mark(words[words.length - 1], NAME_PART.PER_LAST);
        }
      } else if (type === 'LOC' || type === 'ORG') {
        for (const w of words) mark(w, NAME_PART[type]);
      }
    }
  }

  /** Name-part bits of a normalised word, looked up as written and without its proclitics; 0 if none. */
  partsOf(norm: string): number {
    const direct = this.parts.get(norm);
    if (direct !== undefined) return direct;
    for (const form of firstWordForms(norm)) {
      const bits = this.parts.get(form);
      if (bits !== undefined) return bits;
    }
    return 0;
  }

  /** Longest-match BIO tags of normalised words (see `longestMatchTags`). */
  tags(norms: readonly string[]): (string | null)[] {
    return longestMatchTags(norms, (name) => this.names.get(name) ?? null, (first) => this.firstWords.get(first));
  }
}
