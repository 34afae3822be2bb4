// Turning a name dictionary into per-token gazetteer tags, the tagger's dictionary features.
//
// The tagger does not read the knowledge base itself: whoever calls it passes, for each word, the
// BIO tag of a dictionary match covering it (or null). This file is the one matcher that produces
// those tags, used both when training (with a dictionary that owes nothing to the test data) and at
// run time (with the KB), so the features mean the same thing in both places.
import type { EntityType } from '../../analysis/types.js';
import { firstWordForms, normalizeWord } from './arabic.js';

/** Looks up a normalised name (words normalised by `normalizeWord`, joined by one space). */
export type GazetteerLookup = (normalisedName: string) => EntityType | null;

/** Longest name, in words, the matcher tries. */
export const MAX_NAME_WORDS = 6;

/**
 * Greedy longest-match tagging of `words` against a dictionary: at each position the longest name
 * (up to `maxWords`) found under any form of its first word wins; its words get B-TYPE, I-TYPE….
 */
export function gazetteerTags(
  words: readonly string[],
  lookup: GazetteerLookup,
  maxWords = MAX_NAME_WORDS,
): (string | null)[] {
  const n = words.length;
  const norms = words.map(normalizeWord);
  const tags: (string | null)[] = new Array(n).fill(null);
  let i = 0;
  while (i < n) {
    let matched = 0;
    let type: EntityType | null = null;
    const firsts = firstWordForms(norms[i]);
    for (let len = Math.min(maxWords, n - i); len >= 1 && !matched; len--) {
      const rest = len > 1 ? ' ' + norms.slice(i + 1, i + len).join(' ') : '';
      for (const first of firsts) {
        const t = lookup(first + rest);
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
