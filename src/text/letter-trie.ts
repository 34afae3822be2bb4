// A character trie with integer nodes, for fast lexicon lookups of every prefix of a word at once.
//
// The clitic segmenter asks, for one word, for the lexicon entries of many of its substrings (the word
// without its first letter, that without its last two letters…). Hashing a fresh string per question
// costs more than walking the word once through a trie and reading the node reached at each length.
// Edges live in one open-addressing hash table keyed by (node, UTF-16 code unit): integers only.

const EMPTY = -1;

export class LetterTrie {
  private edgeNode: Int32Array;
  private edgeChar: Int32Array;
  private edgeTarget: Int32Array;
  private mask: number;
  private edges = 0;
  /** Number of nodes; node 0 is the root. */
  size = 1;

  constructor(expectedNodes = 1024) {
    let cap = 1024;
    while (cap < expectedNodes * 2) cap *= 2;
    this.mask = cap - 1;
    this.edgeNode = new Int32Array(cap).fill(EMPTY);
    this.edgeChar = new Int32Array(cap);
    this.edgeTarget = new Int32Array(cap);
  }

  private slot(node: number, c: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & this.mask;
  }

  /** The child of `node` along code unit `c`, or -1. */
  child(node: number, c: number): number {
    const mask = this.mask;
    let s = this.slot(node, c);
    for (;;) {
      const n = this.edgeNode[s];
      if (n === EMPTY) return -1;
      if (n === node && this.edgeChar[s] === c) return this.edgeTarget[s];
      s = (s + 1) & mask;
    }
  }

  private grow(): void {
    const oldNode = this.edgeNode;
    const oldChar = this.edgeChar;
    const oldTarget = this.edgeTarget;
    const cap = oldNode.length * 2;
    this.mask = cap - 1;
    this.edgeNode = new Int32Array(cap).fill(EMPTY);
    this.edgeChar = new Int32Array(cap);
    this.edgeTarget = new Int32Array(cap);
    for (let i = 0; i < oldNode.length; i++) {
      if (oldNode[i] === EMPTY) continue;
      let s = this.slot(oldNode[i], oldChar[i]);
      while (this.edgeNode[s] !== EMPTY) s = (s + 1) & this.mask;
      this.edgeNode[s] = oldNode[i];
      this.edgeChar[s] = oldChar[i];
      this.edgeTarget[s] = oldTarget[i];
    }
  }

  /** Adds `s` and returns the node it ends on. */
  insert(s: string): number {
    let node = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const next = this.child(node, c);
      if (next >= 0) {
        node = next;
        continue;
      }
      if ((this.edges + 1) * 2 > this.edgeNode.length) this.grow();
      let slot = this.slot(node, c);
      while (this.edgeNode[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.edgeNode[slot] = node;
      this.edgeChar[slot] = c;
      this.edgeTarget[slot] = this.size;
      this.edges++;
      node = this.size++;
    }
    return node;
  }

  /** The node reached from `node` along s[from..to), or -1. */
  walk(s: string, from: number, to: number, node = 0): number {
    let n = node;
    for (let i = from; i < to && n >= 0; i++) n = this.child(n, s.charCodeAt(i));
    return n;
  }

  /**
   * The nodes reached from the root along s[from..k) for every k in [from, s.length]: out[k] (−1 once
   * the path leaves the trie). `out` must have length ≥ s.length + 1.
   */
  path(s: string, from: number, out: Int32Array): void {
    let n = 0;
    out[from] = 0;
    for (let k = from; k < s.length; k++) {
      n = n >= 0 ? this.child(n, s.charCodeAt(k)) : -1;
      out[k + 1] = n;
    }
  }
}
