// A string-keyed cache tuned for looking up millions of short words.
//
// A JavaScript Map keyed by fresh token strings spends most of its time on cache misses walking its
// buckets and entries. This table keeps, for each slot, two 32-bit hashes of the key and its entry index
// side by side in one Int32Array, so a probe reads one cache line; the stored key string is compared only
// when both hashes match (that is, almost only on a true hit). Lookups are exact.

export class WordCache<V> {
  private slots: Int32Array;
  private mask: number;
  private keys: string[] = [];
  private values: V[] = [];
  private h1 = 0;
  private h2 = 0;

  /** `limit`: entries kept before the cache is emptied (it refills with what is in use). */
  constructor(private readonly limit: number) {
    let cap = 1024;
    while (cap < limit * 2) cap *= 2;
    this.slots = new Int32Array(cap * 3);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.keys.length;
  }

  /** Two independent hashes of `w` into h1 / h2 (FNV-1a and a multiply-xorshift, both finalised). */
  private hash(w: string): void {
    let a = 0x811c9dc5 ^ w.length;
    let b = 0x9747b28c;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
    a ^= a >>> 16;
    a = Math.imul(a, 0x85ebca6b);
    a ^= a >>> 13;
    this.h1 = a;
    this.h2 = b | 0;
  }

  get(w: string): V | undefined {
    this.hash(w);
    const slots = this.slots;
    const mask = this.mask;
    for (let s = this.h1 & mask; ; s = (s + 1) & mask) {
      const base = s * 3;
      const entry = slots[base + 2];
      if (entry === 0) return undefined;
      if (slots[base] === this.h1 && slots[base + 1] === this.h2 && this.keys[entry - 1] === w)
        return this.values[entry - 1];
    }
  }

  /** Adds `w` (which must not be in the cache yet). */
  set(w: string, v: V): void {
    if (this.keys.length >= this.limit) this.clear();
    this.hash(w);
    const slots = this.slots;
    const mask = this.mask;
    let s = this.h1 & mask;
    while (slots[s * 3 + 2] !== 0) s = (s + 1) & mask;
    this.keys.push(w);
    this.values.push(v);
    slots[s * 3] = this.h1;
    slots[s * 3 + 1] = this.h2;
    slots[s * 3 + 2] = this.keys.length;
  }

  clear(): void {
    this.slots.fill(0);
    this.keys = [];
    this.values = [];
  }
}
