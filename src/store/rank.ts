// BM25 (Robertson/Spärck Jones, with Lucene's non-negative idf), computed in TypeScript from
// integers both databases hold identically, so both backends rank the same:
//   score(d) = Σ_t idf(t) · tf(t,d)·(k1+1) / (tf(t,d) + k1·(1 − b + b·dl(d)/avgdl))
//   idf(t)   = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5))
// t runs over the distinct terms of the query's positive alternatives (a phrase counts its words);
// N is the number of indexed articles, avgdl their mean length in terms (duplicates included).

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

export interface CorpusStats {
  docs: number;
  totalLength: number;
}

export function idf(df: number, docs: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

/**
 * The BM25 score of one document.
 * @param tfs term frequencies in the document, aligned with `idfs`
 */
export function bm25(tfs: readonly number[], idfs: readonly number[], dl: number, stats: CorpusStats): number {
  const avgdl = stats.docs > 0 ? stats.totalLength / stats.docs : 1;
  const norm = BM25_K1 * (1 - BM25_B + (BM25_B * dl) / (avgdl || 1));
  let s = 0;
  for (let i = 0; i < tfs.length; i++) {
    const tf = tfs[i];
    if (tf > 0) s += (idfs[i] * tf * (BM25_K1 + 1)) / (tf + norm);
  }
  return s;
}
