// 32-bit hashing of feature strings without building the strings.
//
// A feature is (template, value…). Instead of concatenating "w-1=الرئيس" and looking the string up,
// each value is hashed once per token (FNV-1a over UTF-16 code units) and combined with the template
// id by integer mixing, so the hot loop allocates nothing. At ~10^6 features a 32-bit key space
// gives a handful of collisions, which cost nothing measurable.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const GOLDEN = 0x9e3779b1;

/** Murmur3's finaliser: a bijection on 32 bits that spreads every input bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of s[start, end). */
export function hashRange(s: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return fmix32(h);
}

export function hashString(s: string): number {
  return hashRange(s, 0, s.length);
}

/** Key of the feature (template, value). Never 0: 0 marks an empty slot in the weight table. */
export function featureKey(template: number, value: number): number {
  const h = fmix32((Math.imul(template + 1, GOLDEN) ^ value) >>> 0);
  return h === 0 ? 1 : h;
}

/** Key of the feature (template, value1, value2), for conjunctions such as word bigrams. */
export function featureKey2(template: number, value1: number, value2: number): number {
  const h = fmix32((Math.imul(featureKey(template, value1), GOLDEN) ^ value2) >>> 0);
  return h === 0 ? 1 : h;
}
