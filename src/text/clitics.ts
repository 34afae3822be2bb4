// Clitic segmentation of Arabic words, guarded by a lexicon so that names and ordinary words are not cut.
//
// An Arabic word is [conjunction] [preposition | future] [article] stem [pronoun]:
//   conjunction  و ف            preposition  ب ل ك        future  س (before ي ت ن أ)
//   article      ال (after ل written «لل»: للأمم = ل + ال + أمم)
//   pronoun      ه ها هما هم هن ك كما كم كن نا ي ني (not after the article)
// Every letter that could be a clitic could also be the first or last letter of a word (بوتين,
// كازاخستان, لبنان, وزير, وجه), so each cut must be justified. The layers are peeled from the outside
// in; for each, the analysis of the rest ("split") is weighed against the analysis of the word with the
// clitic kept ("kept", itself analysed further in, so وحدتهما weighs و + حدت+هما against وحدت+هما).
// A clitic is split off when, in this order:
//  1. the word is in data/text/clitic-keep.txt (exact spelling) → never;
//  2. the word is mostly tagged as a name in the corpora and the remainder is not → no (بوتين ≠ ب+وتين);
//     a pronoun is never split off a name either (names take no possessive: ماري + نا);
//  3. NewsFANE, which writes و ف and the pronouns as tokens of their own, has seen the word at least
//     EVIDENCE_MIN times: whichever of "seen whole" / "seen split" is larger (وزير whole, وقال split);
//  4. an article follows the proclitic (بالكرملين, وللأمم) → yes, that sequence is grammatical, unless
//     the article's stem is unknown and the kept word is known (والدها = والد+ها);
//  5. the remainder is unknown → no, except و before 3+ letters when the kept word is unknown too
//     (an unknown و-word is far more often «and + word» than a word: وتوكاييف, وأستانا);
//  6. the kept word is unknown and the remainder known → yes (وكازاخستان);
//  7. both known → yes when freq(remainder) × RATIO ≥ freq(kept). RATIO is small for ك (كان, كما are
//     words, not ك + أن, ما); the pronouns ي ني ك are split on NewsFANE evidence only (rule 3), since
//     nisba adjectives (سعودي) and words in ـك (ذلك، هناك) are far commoner in news than «my», «your».
// "Known" counts a word seen on its own or with the article (كرملين through الكرملين). Lexicon keys are
// folded (ة = ه), so for a word written with a final ه the counts are scaled by the share ANERcorp wrote
// with ه rather than ة: «كتابه» (his book) is not «كتابة» (writing). A word written with ة is never
// given a pronoun, and ت before a pronoun is looked up as ة (وحدتهما → وحدة).
// The lexicon (data/text/clitic-lexicon.tsv, clitic-splits.tsv) is built by
// scripts/build-clitic-lexicon.mjs from ANERcorp TRAIN and NewsFANE; see the file headers.
// Measured on WikiFANE (not used to build it): scripts/eval-clitics.mjs.
import { normalizeArabic, stripMarksWithOffsets } from './normalize.js';
import { readTextDataLines } from './data.js';
import { LetterTrie } from './letter-trie.js';
import { WordCache } from './word-cache.js';

/** The segmentation of one word. Offsets are UTF-16 indices into the word as given. */
export interface Segmentation {
  /** Proclitics in order, in canonical form: 'و', 'ف', 'ب', 'ل', 'ك', 'س', 'ال' (also for the «ل» of «لل»). */
  proclitics: readonly string[];
  /** The stem as written (with its diacritics), `word.slice(stemStart, stemEnd)`. */
  stem: string;
  /** Pronoun suffixes (at most one). */
  enclitics: readonly string[];
  stemStart: number;
  stemEnd: number;
  /** The stem in matching form, a final ت before a pronoun restored to ة (folded to ه): وحدتهما → وحده. */
  stemNorm: string;
  /** True when the stem (with the article if any) is in the lexicon. */
  known: boolean;
}

/** A proclitic-stripped form of a word, for gazetteer matching. */
export interface ProcliticVariant {
  /** The form as written from `offset` on; for «لل…» with the article restored, «ا» + the rest. */
  form: string;
  /** Where the remainder starts in the word (UTF-16 index). */
  offset: number;
  /** True when this is the whole word or the split the lexicon-guarded segmenter chose. */
  likely: boolean;
  /** Set when the form restores the article's alef elided after ل (للأمم → الأمم). */
  restoredArticle?: boolean;
}

/** Minimum NewsFANE observations (whole + split) before rule 3 decides on its own. */
export const EVIDENCE_MIN = 2;
/** Rule 7: split when freq(remainder) × ratio ≥ freq(kept). */
const PROCLITIC_RATIO: Record<string, number> = { و: 1, ف: 0.5, ب: 1, ل: 1, ك: 0.1, س: 1 };
const ENCLITIC_RATIO = 1;
/**
 * First-person singular and second-person singular pronouns are rare in news outside quotes, while
 * words ending in ي (nisba adjectives: سعودي، رئيسي) and ك (ذلك، هناك، بنك) are everywhere: these are
 * split only on NewsFANE evidence (rule 3), never by rules 5–7.
 */
const EVIDENCE_ONLY_ENCLITICS = new Set(['ي', 'ني', 'ك']);
const DEFAULT_RATIO = 1;
/** A name: tagged as (part of) an entity in at least this share of its occurrences. */
const NAME_SHARE = 0.5;
/** Minimum stem length in letters after any cut. */
const MIN_STEM = 2;
/** An unknown stem after the article must have at least this many letters (بالون is not ب+ال+ون). */
const MIN_UNKNOWN_ARTICLE_STEM = 3;
/** An unknown word loses its و only before at least this many letters. */
const MIN_OOV_WAW_REST = 3;

/** Longest first, so that هما is tried before ها and ه. */
const ENCLITICS = ['هما', 'كما', 'هم', 'هن', 'كم', 'كن', 'ها', 'نا', 'ني', 'ه', 'ك', 'ي'];
/** Indices into ENCLITICS by the code of their last letter, in ENCLITICS order. */
const ENCLITICS_BY_LAST_LETTER = new Map<number, number[]>();
ENCLITICS.forEach((e, i) => {
  const last = e.charCodeAt(e.length - 1);
  const list = ENCLITICS_BY_LAST_LETTER.get(last) ?? [];
  list.push(i);
  ENCLITICS_BY_LAST_LETTER.set(last, list);
});
const CONJUNCTIONS = new Set(['و', 'ف']);
const PREPOSITIONS = new Set(['ب', 'ل', 'ك']);
/** Imperfective prefixes a future س can precede (in the unfolded light form). */
const IMPERFECT_PREFIXES = new Set(['ي', 'ت', 'ن', 'أ']);

/** Node flags: the folded form of a word in clitic-keep.txt / article-exceptions.txt ends here. */
const FLAG_KEEP = 1;
const FLAG_ARTICLE_EXCEPTION = 2;

interface Lexicon {
  /** All lexicon forms (matching form), plus the folded keep / exception words. */
  trie: LetterTrie;
  /** Trie node → lexicon row, or -1. */
  nodeId: Int32Array;
  nodeFlags: Uint8Array;
  freq: Uint32Array;
  fane: Uint32Array;
  entity: Uint32Array;
  /** ANERcorp occurrences written with a final ة (the form's final ه stands for it). */
  ta: Uint32Array;
  /** NewsFANE «و word» / «ف word» counts, by the row of the word. */
  splitAfterWaw: Uint32Array;
  splitAfterFa: Uint32Array;
  /** NewsFANE «stem pronoun» counts, keyed by row × ENCLITICS.length + pronoun index. */
  encliticSplits: Map<number, number>;
  /** Exact light spellings (see the data files). */
  keep: Set<string>;
  articleExceptions: Set<string>;
  /** Node of «ال» (for the article restored after «لل»). */
  alNode: number;
}

let lexicon: Lexicon | null = null;

function loadLexicon(): Lexicon {
  const rows = readTextDataLines('clitic-lexicon.tsv');
  const trie = new LetterTrie(rows.length * 4);
  const rowNode: number[] = [];
  const freq = new Uint32Array(rows.length);
  const fane = new Uint32Array(rows.length);
  const entity = new Uint32Array(rows.length);
  const ta = new Uint32Array(rows.length);
  const nodeToRow = new Map<number, number>();
  let n = 0;
  for (const row of rows) {
    const [form, f, fa, e, t] = row.split('\t');
    if (!form) continue;
    const node = trie.insert(form);
    if (nodeToRow.has(node)) continue;
    nodeToRow.set(node, n);
    rowNode.push(node);
    freq[n] = Number(f) || 0;
    fane[n] = Number(fa) || 0;
    entity[n] = Number(e) || 0;
    ta[n] = Number(t) || 0;
    n++;
  }
  const exact = (name: string) => new Set(readTextDataLines(name).map((l) => l.trim()));
  const keep = exact('clitic-keep.txt');
  const articleExceptions = exact('article-exceptions.txt');
  const flagged: [number, number][] = [];
  for (const w of keep) flagged.push([trie.insert(normalizeArabic(w)), FLAG_KEEP]);
  for (const w of articleExceptions) flagged.push([trie.insert(normalizeArabic(w)), FLAG_ARTICLE_EXCEPTION]);
  const alNode = trie.insert('ال');
  const nodeId = new Int32Array(trie.size).fill(-1);
  for (const [node, row] of nodeToRow) nodeId[node] = row;
  const nodeFlags = new Uint8Array(trie.size);
  for (const [node, flag] of flagged) nodeFlags[node] |= flag;

  const rowOf = (form: string) => {
    const node = trie.walk(form, 0, form.length);
    return node < 0 ? -1 : nodeId[node];
  };
  const splitAfterWaw = new Uint32Array(n);
  const splitAfterFa = new Uint32Array(n);
  const encliticSplits = new Map<number, number>();
  for (const line of readTextDataLines('clitic-splits.tsv')) {
    const [key, count] = line.split('\t');
    const k = Number(count) || 0;
    if (key.charAt(1) === '+') {
      // proclitic + word (words are at least two letters, so «X+…» is never stem + pronoun)
      const row = rowOf(key.slice(2));
      if (row < 0) continue;
      if (key[0] === 'و') splitAfterWaw[row] += k;
      else if (key[0] === 'ف') splitAfterFa[row] += k;
    } else {
      const plus = key.lastIndexOf('+');
      const e = ENCLITICS.indexOf(key.slice(plus + 1));
      const row = rowOf(key.slice(0, plus));
      if (plus <= 0 || e < 0 || row < 0) continue;
      const slot = row * ENCLITICS.length + e;
      encliticSplits.set(slot, (encliticSplits.get(slot) ?? 0) + k);
    }
  }
  return {
    trie,
    nodeId,
    nodeFlags,
    freq,
    fane,
    entity,
    ta,
    splitAfterWaw,
    splitAfterFa,
    encliticSplits,
    keep,
    articleExceptions,
    alNode,
  };
}

function lex(): Lexicon {
  if (!lexicon) lexicon = loadLexicon();
  return lexicon;
}

function rowAtNode(L: Lexicon, node: number): number {
  return node < 0 ? -1 : L.nodeId[node];
}

function freqAt(L: Lexicon, row: number): number {
  return row < 0 ? 0 : L.freq[row];
}

/**
 * Share of a form's occurrences that were written with a final ه (not ة). Keys are folded, so «كتابه»
 * (his book) and «كتابة» (writing) share a row; ANERcorp, which keeps ة, tells them apart. Forms seen
 * only in NewsFANE (folded at source) get 1: no information, count them whole.
 */
function haShare(L: Lexicon, row: number): number {
  if (row < 0) return 1;
  const aner = L.freq[row] - L.fane[row];
  return aner > 0 ? 1 - L.ta[row] / aner : 1;
}

/** Share written with ة (the complement of haShare; 1 when there is no information). */
function taShare(L: Lexicon, row: number): number {
  if (row < 0) return 1;
  const aner = L.freq[row] - L.fane[row];
  return aner > 0 ? L.ta[row] / aner : 1;
}

/** Mostly tagged as (part of) a named entity. */
function isNameAt(L: Lexicon, row: number): boolean {
  return row >= 0 && L.entity[row] > 0 && L.entity[row] >= NAME_SHARE * L.freq[row];
}

/** The analysis of word[start..] during the search. Indices are into the light form. */
interface Analysis {
  pro: string[];
  stemStart: number;
  stemEnd: number;
  enc: string[];
  /** The stem (with its article) is in the lexicon, or the article makes it grammatical. */
  known: boolean;
  article: boolean;
  /** Frequency of the stem key (article included). */
  stemFreq: number;
  /** Lexicon row of the stem key, or -1. */
  stemRow: number;
  /** Start of the stem key in the folded word (the article's start when there is one). */
  keyStart: number;
  /** Set when the stem key is the stem with ت restored to ة (before a pronoun). */
  restored: boolean;
}

const PATH_POOL_WIDTH = 64;
const PATH_POOL = Array.from({ length: 6 }, () => new Int32Array(PATH_POOL_WIDTH));

/** Working state for one word: the light (unfolded) and folded letter strings, equal length. */
class WordAnalyzer {
  /** Trie paths from each start position (see LetterTrie.path), computed on demand. */
  private readonly paths: (Int32Array | undefined)[];
  private readonly layer3Memo: (Analysis | undefined)[];

  constructor(
    private readonly L: Lexicon,
    private readonly light: string,
    private readonly fold: string,
  ) {
    this.paths = new Array<Int32Array | undefined>(light.length + 1);
    this.layer3Memo = new Array<Analysis | undefined>(light.length + 1);
    this.endsWithHa = light.charCodeAt(light.length - 1) === 0x0647;
  }

  /** The word as written ends in ه (not ة): its folded counts are scaled by haShare. */
  private readonly endsWithHa: boolean;

  /** How often fold[start..n) was seen as a word, its spelling (ه or ة) taken into account. */
  private tailFreq(start: number): number {
    const row = this.row(start, this.fold.length);
    const f = freqAt(this.L, row);
    return this.endsWithHa ? f * haShare(this.L, row) : f;
  }

  /** NewsFANE whole-word count of fold[start..n), scaled like tailFreq. */
  private tailFane(start: number): number {
    const row = this.row(start, this.fold.length);
    if (row < 0) return 0;
    return this.endsWithHa ? this.L.fane[row] * haShare(this.L, row) : this.L.fane[row];
  }

  /** Lexicon row of «ال» + fold[start..end), or -1. */
  private articleRow(start: number, end: number): number {
    return rowAtNode(this.L, this.L.trie.walk(this.fold, start, end, this.L.alNode));
  }

  /**
   * Evidence that the tail fold[start..n) is a word: its own count plus that of «ال» + it (nouns are
   * mostly seen with the article: كرملين through الكرملين, ولايات through الولايات).
   */
  private attestedTail(start: number): number {
    const row = this.articleRow(start, this.fold.length);
    const withArticle = freqAt(this.L, row) * (this.endsWithHa ? haShare(this.L, row) : 1);
    return this.tailFreq(start) + withArticle;
  }

  analyze(): Analysis {
    return this.layer0(0);
  }

  private path(start: number): Int32Array {
    let p = this.paths[start];
    if (!p) {
      // The analysis is synchronous and short: reuse module buffers for ordinary word lengths.
      p =
        start < PATH_POOL.length && this.fold.length < PATH_POOL_WIDTH
          ? PATH_POOL[start]
          : new Int32Array(this.fold.length + 1);
      this.L.trie.path(this.fold, start, p);
      this.paths[start] = p;
    }
    return p;
  }

  /** Trie node of fold[start..end), or -1. */
  private node(start: number, end: number): number {
    return this.path(start)[end];
  }

  /** Lexicon row of fold[start..end), or -1. */
  private row(start: number, end: number): number {
    return rowAtNode(this.L, this.node(start, end));
  }

  /** Whether light[start..] is in the exact list behind `flag` (checked through the folded trie first). */
  private listed(start: number, flag: number): boolean {
    const node = this.node(start, this.fold.length);
    if (node < 0 || (this.L.nodeFlags[node] & flag) === 0) return false;
    const word = this.light.slice(start);
    return flag === FLAG_KEEP ? this.L.keep.has(word) : this.L.articleExceptions.has(word);
  }

  /** Conjunction و / ف. */
  private layer0(start: number): Analysis {
    const c = this.light[start];
    if (CONJUNCTIONS.has(c) && this.light.length - start - 1 >= MIN_STEM) {
      const rest = this.layer1(start + 1);
      const kept = this.layer1(start);
      if (this.acceptProclitic(c, start, rest, kept)) return prepend(c, rest);
      return kept;
    }
    return this.layer1(start);
  }

  /** Preposition ب ل ك, or future س. */
  private layer1(start: number): Analysis {
    const light = this.light;
    const c = light[start];
    const restLen = light.length - start - 1;
    if (PREPOSITIONS.has(c) && restLen >= MIN_STEM) {
      if (c === 'ل' && light[start + 1] === 'ل') {
        const elided = this.elidedArticle(start);
        if (elided) return elided;
      }
      const rest = this.layer2(start + 1);
      const kept = this.layer3(start);
      if (this.acceptProclitic(c, start, rest, kept)) return prepend(c, rest);
      return kept;
    }
    if (c === 'س' && restLen >= MIN_STEM + 1 && IMPERFECT_PREFIXES.has(light[start + 1])) {
      const rest = this.layer3(start + 1);
      const kept = this.layer3(start);
      if (this.acceptProclitic(c, start, rest, kept)) return prepend(c, rest);
      return kept;
    }
    return this.layer2(start);
  }

  /** «لل» + stem read as ل + ال + stem (للأمم), unless ل + a ل-word reads better (للبنان = ل + لبنان). */
  private elidedArticle(start: number): Analysis | null {
    const L = this.L;
    const stemStart = start + 2;
    const n = this.light.length;
    const stemLen = n - stemStart;
    if (stemLen < MIN_STEM || this.listed(start, FLAG_KEEP)) return null;
    const articleRow = rowAtNode(L, L.trie.walk(this.fold, stemStart, n, L.alNode));
    const lWordRow = this.row(start + 1, n);
    const fa = freqAt(L, articleRow);
    const fl = freqAt(L, lWordRow);
    const accept = fa > 0 ? fa >= fl || !isNameAt(L, lWordRow) : stemLen >= MIN_UNKNOWN_ARTICLE_STEM && fl === 0;
    if (!accept) return null;
    return {
      pro: ['ل', 'ال'],
      stemStart,
      stemEnd: n,
      enc: [],
      known: true,
      article: true,
      stemFreq: fa,
      stemRow: articleRow,
      keyStart: stemStart,
      restored: false,
    };
  }

  /** Definite article ال. */
  private layer2(start: number): Analysis {
    const light = this.light;
    const n = light.length;
    if (light.charCodeAt(start) === 0x0627 && light.charCodeAt(start + 1) === 0x0644) {
      const stemLen = n - start - 2;
      if (stemLen >= MIN_STEM && !this.listed(start, FLAG_ARTICLE_EXCEPTION) && !this.listed(start, FLAG_KEEP)) {
        const row = this.row(start, n);
        const f = freqAt(this.L, row);
        if (stemLen >= MIN_UNKNOWN_ARTICLE_STEM || f > 0) {
          return {
            pro: ['ال'],
            stemStart: start + 2,
            stemEnd: n,
            enc: [],
            known: true,
            article: true,
            stemFreq: f,
            stemRow: row,
            keyStart: start,
            restored: false,
          };
        }
      }
    }
    return this.layer3(start);
  }

  /** Stem and pronoun suffix. */
  private layer3(start: number): Analysis {
    const memo = this.layer3Memo[start];
    if (memo) return memo;
    const light = this.light;
    const n = light.length;
    const wholeRow = this.row(start, n);
    let result: Analysis | null = null;
    const candidates = n - start > MIN_STEM ? ENCLITICS_BY_LAST_LETTER.get(light.charCodeAt(n - 1)) : undefined;
    if (candidates && !this.listed(start, FLAG_KEEP)) {
      for (const e of candidates) {
        const enc = ENCLITICS[e];
        const stemEnd = n - enc.length;
        if (stemEnd - start < MIN_STEM || !light.endsWith(enc)) continue;
        result = this.acceptEnclitic(e, start, stemEnd, wholeRow);
        if (result) break;
      }
    }
    if (!result) {
      const wholeFreq = this.attestedTail(start);
      result = {
        pro: [],
        stemStart: start,
        stemEnd: n,
        enc: [],
        known: wholeFreq > 0,
        article: false,
        stemFreq: wholeFreq,
        stemRow: wholeRow,
        keyStart: start,
        restored: false,
      };
    }
    this.layer3Memo[start] = result;
    return result;
  }

  private acceptEnclitic(e: number, start: number, stemEnd: number, wholeRow: number): Analysis | null {
    const L = this.L;
    const stemRow = this.row(start, stemEnd);
    // ة is written ت before a pronoun (وحدة → وحدتهما): look the stem up both ways.
    let restoredRow = -1;
    if (this.fold.charCodeAt(stemEnd - 1) === 0x062a) {
      const before = this.node(start, stemEnd - 1);
      if (before >= 0) restoredRow = rowAtNode(L, L.trie.child(before, 0x0647));
    }
    const fStem = freqAt(L, stemRow) + freqAt(L, this.articleRow(start, stemEnd));
    const fRestored = freqAt(L, restoredRow) * taShare(L, restoredRow);
    // An unknown stem was never seen split in NewsFANE either (its split tokens are in the lexicon).
    if (fStem === 0 && fRestored === 0) return null;
    if (isNameAt(L, wholeRow) && !isNameAt(L, stemRow) && !isNameAt(L, restoredRow)) return null;
    // Names do not take possessive pronouns: ماري + نا is مارينا.
    if ((isNameAt(L, stemRow) || isNameAt(L, restoredRow)) && !isNameAt(L, wholeRow)) return null;
    const useRestored = fRestored > fStem;
    const stemFreq = useRestored ? fRestored : fStem;
    const seenWhole = this.tailFane(start);
    const width = ENCLITICS.length;
    const seenSplit =
      (stemRow >= 0 ? (L.encliticSplits.get(stemRow * width + e) ?? 0) : 0) +
      (restoredRow >= 0 ? (L.encliticSplits.get(restoredRow * width + e) ?? 0) : 0);
    const enc = ENCLITICS[e];
    let accept: boolean;
    if (seenWhole + seenSplit >= EVIDENCE_MIN) accept = seenSplit > seenWhole;
    else if (EVIDENCE_ONLY_ENCLITICS.has(enc)) accept = false;
    else {
      const wholeFreq = this.attestedTail(start);
      accept = wholeFreq === 0 || stemFreq * ENCLITIC_RATIO >= wholeFreq;
    }
    if (!accept) return null;
    return {
      pro: [],
      stemStart: start,
      stemEnd,
      enc: [ENCLITICS[e]],
      known: true,
      article: false,
      stemFreq,
      stemRow: useRestored ? restoredRow : stemRow,
      keyStart: start,
      restored: useRestored,
    };
  }

  /**
   * Whether to split clitic `c` at `start`, given the analysis of what follows it (`rest`) and of the
   * word with `c` kept as part of the stem (`kept`). Implements rules 1–7 of the file header.
   */
  private acceptProclitic(c: string, start: number, rest: Analysis, kept: Analysis): boolean {
    const L = this.L;
    if (this.listed(start, FLAG_KEEP)) return false;
    const n = this.light.length;
    const wholeRow = this.row(start, n);
    const remainderRow = this.row(start + 1, n);
    if (
      isNameAt(L, wholeRow) &&
      !isNameAt(L, remainderRow) &&
      !rest.article &&
      !(rest.known && isNameAt(L, rest.stemRow))
    ) {
      return false;
    }
    if (CONJUNCTIONS.has(c)) {
      const seenWhole = this.tailFane(start);
      const seenSplit = remainderRow < 0 ? 0 : c === 'و' ? L.splitAfterWaw[remainderRow] : L.splitAfterFa[remainderRow];
      if (seenWhole + seenSplit >= EVIDENCE_MIN) return seenSplit > seenWhole;
    }
    const keptFreq = kept.known ? kept.stemFreq : 0;
    // An article after the clitic is grammatical; it loses only when its stem is unknown and the
    // word with the clitic kept is a known word (والدها is والد+ها, not و+ال+دها).
    if (rest.article && (rest.stemFreq > 0 || keptFreq === 0)) return true;
    if (!rest.known) return keptFreq === 0 && c === 'و' && n - start - 1 >= MIN_OOV_WAW_REST;
    if (keptFreq === 0) return true;
    const restFreq = Math.max(this.tailFreq(start + 1), rest.stemFreq);
    return restFreq * (PROCLITIC_RATIO[c] ?? DEFAULT_RATIO) >= keptFreq;
  }
}

function prepend(c: string, a: Analysis): Analysis {
  return { ...a, pro: [c, ...a.pro] };
}

/** Arabic base letters (after stripMarks): the only words the segmenter cuts. */
function isArabicLetters(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || c === 0x06d5))
      return false;
  }
  return s.length > 0;
}

/** Cache of segmentations by word as written, emptied past CACHE_LIMIT words (262,144: a 6 MB table;
 * the 47 M-character ANT corpus has 221k distinct Arabic word forms). */
const CACHE_LIMIT = 1 << 18;
const cache = new WordCache<Segmentation>(CACHE_LIMIT);

const NONE: readonly string[] = Object.freeze([]);

function unsegmented(word: string, known: boolean): Segmentation {
  return Object.freeze({
    proclitics: NONE,
    stem: word,
    enclitics: NONE,
    stemStart: 0,
    stemEnd: word.length,
    stemNorm: normalizeArabic(word),
    known,
  });
}

function computeSegmentation(word: string): Segmentation {
  // Most words carry no diacritics: then the light form is the word and offsets are the identity.
  let light = word;
  let toOriginal: Int32Array | null = null;
  if (!isArabicLetters(word)) {
    const stripped = stripMarksWithOffsets(word);
    light = stripped.text;
    toOriginal = stripped.toOriginal;
    if (!isArabicLetters(light)) return unsegmented(word, false);
  }
  const fold = normalizeArabic(light);
  const L = lex();
  if (fold.length !== light.length)
    return unsegmented(word, freqAt(L, rowAtNode(L, L.trie.walk(fold, 0, fold.length))) > 0);
  const a = new WordAnalyzer(L, light, fold).analyze();
  if (a.pro.length === 0 && a.enc.length === 0) return unsegmented(word, a.known);
  const stemStart = toOriginal ? toOriginal[a.stemStart] : a.stemStart;
  // The stem ends where the first enclitic letter starts (diacritics of the stem's last letter stay in).
  const stemEnd = a.stemEnd >= light.length ? word.length : toOriginal ? toOriginal[a.stemEnd] : a.stemEnd;
  let stemNorm = fold.slice(a.stemStart, a.stemEnd);
  if (a.restored) stemNorm = stemNorm.slice(0, -1) + 'ه';
  return Object.freeze({
    proclitics: Object.freeze(a.pro),
    stem: word.slice(stemStart, stemEnd),
    enclitics: Object.freeze(a.enc),
    stemStart,
    stemEnd,
    stemNorm,
    known: a.known,
  });
}

/** Empties the segmentation caches (for benchmarks and tests that change data). */
export function clearSegmentationCache(): void {
  cache.clear();
}

/**
 * Splits an Arabic word into proclitics, stem and pronoun suffix, guarded by the lexicon.
 * Words that are not purely Arabic letters (with diacritics/tatweel) come back unsegmented.
 * The result is frozen and cached. Never throws.
 * @example segmentWord('وبموسكو') // { proclitics: ['و','ب'], stem: 'موسكو', enclitics: [], stemStart: 2, stemEnd: 7, … }
 * @example segmentWord('بوتين').proclitics // []
 */
export function segmentWord(word: string): Segmentation {
  let s = cache.get(word);
  if (s === undefined) {
    s = computeSegmentation(word);
    cache.set(word, s);
  }
  return s;
}

/**
 * The word and every proclitic-stripped form the grammar allows ([و|ف] [ب|ل|ك] [ال]), for gazetteer
 * lookups: the gazetteer decides which form is a name. Ordered by offset; the whole word first.
 * Remainders shorter than two letters are not offered. `likely` marks the whole word and the forms
 * the lexicon-guarded `segmentWord` would produce.
 * @example proclitcVariants('بالكرملين') // بالكرملين@0, الكرملين@1, كرملين@3
 * @example proclitcVariants('للأمم')     // للأمم@0, لأمم@1, الأمم@1 (restoredArticle), أمم@2
 */
export function proclitcVariants(word: string): ProcliticVariant[] {
  const out: ProcliticVariant[] = [{ form: word, offset: 0, likely: true }];
  const { text: light, toOriginal } = stripMarksWithOffsets(word);
  if (!isArabicLetters(light) || light.length < 3) return out;
  const seg = segmentWord(word);
  // Offsets the segmenter itself would cut at: after the conjunction/preposition, after the article.
  const likelyOffsets = new Set<number>([0, seg.stemStart]);
  let lp = 0;
  for (const p of seg.proclitics) {
    if (p === 'ال') break;
    lp += 1;
  }
  // With «لل» the article is written as a single ل: the likely form there is the restored one.
  const elidedArticle = seg.proclitics.includes('ال') && !light.startsWith('ال', lp);
  if (!elidedArticle) likelyOffsets.add(toOriginal[lp]);
  const seen = new Set<string>([`0:${word}`]);
  const add = (lightOffset: number, restoredArticle: boolean) => {
    const offset = toOriginal[lightOffset];
    const form = restoredArticle ? 'ا' + word.slice(offset) : word.slice(offset);
    const key = `${offset}:${form}`;
    if (seen.has(key)) return;
    seen.add(key);
    const v: ProcliticVariant = { form, offset, likely: likelyOffsets.has(offset) };
    if (restoredArticle) {
      v.restoredArticle = true;
      v.likely = seg.proclitics.includes('ال') && seg.stemStart === toOriginal[lightOffset + 1];
    }
    out.push(v);
  };
  const n = light.length;
  for (let conj = 0; conj <= 1; conj++) {
    if (conj === 1 && !CONJUNCTIONS.has(light[0])) continue;
    for (let prep = 0; prep <= 1; prep++) {
      const p = conj + prep;
      if (prep === 1 && !PREPOSITIONS.has(light[conj])) continue;
      if (p > 0 && n - p >= MIN_STEM) add(p, false);
      if (prep === 1 && light[p - 1] === 'ل' && light[p] === 'ل' && n - p - 1 >= MIN_STEM) {
        add(p, true); // للأمم → الأمم
        add(p + 1, false); // للأمم → أمم
      }
      if (light.startsWith('ال', p) && n - p - 2 >= MIN_STEM && !lex().articleExceptions.has(light.slice(p)))
        add(p + 2, false);
    }
  }
  out.sort((a, b) => a.offset - b.offset);
  return out;
}
