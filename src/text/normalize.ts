// Arabic normalisation for matching, with an offset map back to the original text.
//
// Two profiles share one engine:
//  - MATCH (`normalizeArabic`, `normalizeWithOffsets`): the form every lexicon, gazetteer and index key
//    is stored in. NFKC (presentation forms, ligatures, full-width, NBSP); diacritics (harakat, shadda,
//    sukun, tanwin, superscript alef U+0670, Quranic marks), tatweel and invisible bidi / zero-width
//    characters removed; أ إ آ ٱ → ا, ى ی ئ → ي, ة ۀ ہ → ه, ؤ → و, ک → ك; Arabic-Indic and Persian
//    digits → ASCII; ، ؛ ؟ ٪ ٫ ٬ → , ; ? % . , ; « » “ ” → " and ‘ ’ → '; dashes → -; Latin letters lose
//    their accents (é → e) so that precomposed and decomposed spellings match.
//  - LIGHT (`stripMarks`, `stripMarksWithOffsets`): only NFKC and the removals (marks, tatweel,
//    invisibles). Letters stay as written, so ة is still told from ه and إ from ا: what the clitic
//    segmenter needs.
//
// The engine is a lookup table over UTF-16 code units, filled lazily: the first time a code unit is
// met its mapping is computed (with String.prototype.normalize), after that it is one typed-array read.
// Every output character is a fixed point of its own profile, so both functions are idempotent.

/** Output is the input code unit. */
const KEEP = -1;
/** Output is nothing. */
const DROP = -2;
/** Output is a string of several code units (see `expansions`). */
const EXPAND = -3;
/** Not computed yet. */
const UNSET = -4;
/** A high surrogate: the mapping depends on the following code unit. */
const SURROGATE = -5;

/** The result of `normalizeWithOffsets`. */
export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /**
   * For every index i of `text` (and for `text.length`), the index in the original string of the
   * character that produced text[i]; `toOriginal[text.length]` is the original length.
   * Non-decreasing. Length is `text.length + 1`.
   */
  toOriginal: Int32Array;
}

interface Profile {
  table: Int32Array;
  /** Single-code-unit replacements applied after NFKC. */
  fold: Map<number, number>;
  /** Whether to decompose (NFD) and drop the resulting marks: folds hamza seats and Latin accents. */
  decompose: boolean;
  expansions: Map<number, string>;
  astral: Map<number, string | null>;
}

/** Characters removed by both profiles. */
function isDropped(c: number): boolean {
  return (
    // Arabic marks: Quranic signs, harakat/tanwin/shadda/sukun/madda/hamza above-below, superscript alef.
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    (c >= 0x06d6 && c <= 0x06dc) ||
    (c >= 0x06df && c <= 0x06e4) ||
    (c >= 0x06e7 && c <= 0x06e8) ||
    (c >= 0x06ea && c <= 0x06ed) ||
    (c >= 0x08d3 && c <= 0x08e1) ||
    (c >= 0x08e3 && c <= 0x08ff) ||
    c === 0x0640 || // tatweel
    // zero-width and bidi controls, BOM, Arabic letter mark, soft hyphen, CGJ, variation selectors
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff ||
    c === 0x061c ||
    c === 0x00ad ||
    c === 0x180e ||
    c === 0x034f ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    // generic combining diacritics (Latin accents once decomposed)
    (c >= 0x0300 && c <= 0x036f) ||
    (c >= 0x1ab0 && c <= 0x1aff) ||
    (c >= 0x1dc0 && c <= 0x1dff) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0xfe20 && c <= 0xfe2f)
  );
}

function matchFolds(): Map<number, number> {
  const m = new Map<number, number>();
  const set = (from: string, to: string) => {
    for (const ch of from) m.set(ch.charCodeAt(0), to.charCodeAt(0));
  };
  set('أإآٱٲٳٵ', 'ا');
  set('ىیئۍېۑ', 'ي');
  set('ةۀہۂۃە', 'ه');
  set('ؤٶ', 'و');
  set('کڪ', 'ك');
  for (let d = 0; d < 10; d++) {
    m.set(0x0660 + d, 0x30 + d); // Arabic-Indic
    m.set(0x06f0 + d, 0x30 + d); // Persian (Extended Arabic-Indic)
  }
  set('،٬', ',');
  set('؛', ';');
  set('؟', '?');
  set('٪', '%');
  set('٫۔', '.');
  set('٭', '*');
  set('«»“”„‟', '"');
  set('‘’‚‛‹›', "'");
  set('‐‑‒–—―−', '-');
  return m;
}

function makeProfile(fold: Map<number, number>, decompose: boolean): Profile {
  const table = new Int32Array(0x10000).fill(UNSET);
  for (let c = 0; c < 0x80; c++) table[c] = KEEP;
  for (let c = 0xd800; c <= 0xdbff; c++) table[c] = SURROGATE;
  for (let c = 0xdc00; c <= 0xdfff; c++) table[c] = KEEP; // lone low surrogate: leave as is
  return { table, fold, decompose, expansions: new Map(), astral: new Map() };
}

const MATCH = makeProfile(matchFolds(), true);
const LIGHT = makeProfile(new Map(), false);

/** Maps a string that came out of NFKC/NFD one code unit at a time (recursing through the table). */
function mapUnits(p: Profile, s: string, depth: number): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      // astral characters inside an expansion are kept as they are
      out += s[i] + s[i + 1];
      i++;
      continue;
    }
    out += mapOne(p, c, depth + 1);
  }
  return out;
}

/** The output string for one BMP code unit. */
function mapOne(p: Profile, c: number, depth: number): string {
  const m = lookup(p, c, depth);
  if (m === KEEP) return String.fromCharCode(c);
  if (m === DROP) return '';
  if (m >= 0) return String.fromCharCode(m);
  if (m === EXPAND) return p.expansions.get(c) ?? '';
  return String.fromCharCode(c);
}

function computeUnit(p: Profile, c: number, depth: number): number {
  const folded = p.fold.get(c);
  if (folded !== undefined) return folded;
  if (isDropped(c)) return DROP;
  const ch = String.fromCharCode(c);
  let nf = ch.normalize('NFKC');
  if (p.decompose) {
    const d = nf.normalize('NFD');
    if (d !== nf) {
      for (let i = 0; i < d.length; i++) {
        if (isDropped(d.charCodeAt(i))) {
          nf = d;
          break;
        }
      }
    }
  }
  if (nf === ch) return KEEP;
  // Depth guard: decompositions are shallow, this only protects against pathological data.
  const out = depth > 4 ? nf : mapUnits(p, nf, depth);
  if (out === ch) return KEEP;
  if (out.length === 0) return DROP;
  if (out.length === 1) return out.charCodeAt(0);
  p.expansions.set(c, out);
  return EXPAND;
}

function lookup(p: Profile, c: number, depth = 0): number {
  let m = p.table[c];
  if (m === UNSET) {
    m = computeUnit(p, c, depth);
    p.table[c] = m;
  }
  return m;
}

/** Mapping of a valid surrogate pair: null = keep both units. */
function mapAstral(p: Profile, cp: number): string | null {
  let r = p.astral.get(cp);
  if (r === undefined) {
    const ch = String.fromCodePoint(cp);
    const nf = ch.normalize('NFKC');
    r = nf === ch ? null : mapUnits(p, nf, 1);
    if (r === ch) r = null;
    p.astral.set(cp, r);
  }
  return r;
}

/** Growable output buffers, reused between calls (the engine is synchronous). */
let outBuf = new Uint16Array(1024);
let mapBuf = new Int32Array(1024);

function ensure(capacity: number, withMap: boolean): void {
  if (capacity <= outBuf.length) return;
  let size = outBuf.length;
  while (size < capacity) size *= 2;
  const nb = new Uint16Array(size);
  nb.set(outBuf);
  outBuf = nb;
  if (withMap) {
    const nm = new Int32Array(size);
    nm.set(mapBuf);
    mapBuf = nm;
  } else if (mapBuf.length < size) {
    mapBuf = new Int32Array(size);
  }
}

const utf16 = new TextDecoder('utf-16le');
const DECODE_CHUNK = 8192;

/** Below this length String.fromCharCode beats TextDecoder's call overhead. */
const SHORT_DECODE = 64;

function decode(len: number, hasLoneSurrogate: boolean): string {
  if (len <= SHORT_DECODE) return String.fromCharCode.apply(null, outBuf.subarray(0, len) as unknown as number[]);
  // TextDecoder is the fast path but would replace lone surrogates with U+FFFD: use fromCharCode then.
  if (!hasLoneSurrogate) return utf16.decode(outBuf.subarray(0, len));
  let s = '';
  for (let k = 0; k < len; k += DECODE_CHUNK) {
    s += String.fromCharCode.apply(null, outBuf.subarray(k, Math.min(len, k + DECODE_CHUNK)) as unknown as number[]);
  }
  return s;
}

/** Index of the first code unit `p` changes, or -1. */
function firstChange(p: Profile, s: string): number {
  const table = p.table;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let m = table[c];
    if (m === UNSET) m = lookup(p, c);
    if (m === KEEP) continue;
    if (m === SURROGATE) {
      const lo = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        if (mapAstral(p, cp) !== null) return i;
        i++;
      }
      continue;
    }
    return i;
  }
  return -1;
}

function run(p: Profile, s: string, withMap: boolean): { text: string; length: number } {
  const n = s.length;
  ensure(n + 16, withMap);
  const table = p.table;
  let out = outBuf;
  let map = mapBuf;
  let o = 0;
  let loneSurrogate = false;
  for (let i = 0; i < n; i++) {
    if (o + 32 > out.length) {
      ensure(o + 64 + (n - i), withMap);
      out = outBuf;
      map = mapBuf;
    }
    const c = s.charCodeAt(i);
    let m = table[c];
    if (m === UNSET) m = lookup(p, c);
    if (m === KEEP) {
      if (c >= 0xdc00 && c <= 0xdfff) loneSurrogate = true;
      out[o] = c;
      if (withMap) map[o] = i;
      o++;
    } else if (m >= 0) {
      out[o] = m;
      if (withMap) map[o] = i;
      o++;
    } else if (m === DROP) {
      // nothing
    } else if (m === EXPAND) {
      const e = p.expansions.get(c) as string;
      ensure(o + e.length + 64 + (n - i), withMap);
      out = outBuf;
      map = mapBuf;
      for (let k = 0; k < e.length; k++) {
        out[o] = e.charCodeAt(k);
        if (withMap) map[o] = i;
        o++;
      }
    } else {
      // SURROGATE: a high surrogate; a valid pair is mapped as one code point.
      const lo = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (lo < 0xdc00 || lo > 0xdfff) {
        loneSurrogate = true;
        out[o] = c;
        if (withMap) map[o] = i;
        o++;
        continue;
      }
      const r = mapAstral(p, ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
      if (r === null) {
        // kept as is: each unit maps to itself, as in the unchanged fast path
        out[o] = c;
        out[o + 1] = lo;
        if (withMap) {
          map[o] = i;
          map[o + 1] = i + 1;
        }
        o += 2;
        i++;
        continue;
      }
      const e = r;
      ensure(o + e.length + 64 + (n - i), withMap);
      out = outBuf;
      map = mapBuf;
      for (let k = 0; k < e.length; k++) {
        out[o] = e.charCodeAt(k);
        if (withMap) map[o] = i;
        o++;
      }
      i++;
    }
  }
  if (withMap) map[o] = n;
  return { text: decode(o, loneSurrogate), length: o };
}

function withOffsets(p: Profile, s: string): NormalizedText {
  if (firstChange(p, s) < 0) {
    // Nothing to change (the common case for words): identity map.
    const toOriginal = new Int32Array(s.length + 1);
    for (let i = 0; i <= s.length; i++) toOriginal[i] = i;
    return { text: s, toOriginal };
  }
  const r = run(p, s, true);
  return { text: r.text, toOriginal: mapBuf.slice(0, r.length + 1) };
}

function plain(p: Profile, s: string): string {
  if (firstChange(p, s) < 0) return s;
  return run(p, s, false).text;
}

/**
 * The matching form of `s` (see the header of this file). Length may change.
 * @example normalizeArabic('أَكَّدَ الرئيسُ ١٢') === 'اكد الرييس 12'  // ئ folds to ي
 */
export function normalizeArabic(s: string): string {
  return plain(MATCH, s);
}

/** `normalizeArabic(s)` plus the map from every normalised index back to `s`. */
export function normalizeWithOffsets(s: string): NormalizedText {
  return withOffsets(MATCH, s);
}

/** `s` without diacritics, tatweel and invisible characters, after NFKC; letters stay as written. */
export function stripMarks(s: string): string {
  return plain(LIGHT, s);
}

/** `stripMarks(s)` with the offset map back to `s`. */
export function stripMarksWithOffsets(s: string): NormalizedText {
  return withOffsets(LIGHT, s);
}

/** True when the code unit is removed by normalisation (a diacritic, tatweel or invisible mark). */
export function isRemovedMark(c: number): boolean {
  return isDropped(c);
}

/**
 * Maps a span [start, end) of a normalised text back to the original string.
 *
 * The original span starts at the character that produced `text[start]` and ends just before the
 * character that produced the next normalised character, so diacritics and tatweel written after
 * the last letter stay inside the span; invisible characters (bidi marks, zero-width) and white
 * space dropped at the end are trimmed off. An empty span maps to an empty span.
 * @example const n = normalizeWithOffsets('قالَ: «نعم»'); originalSpan('قالَ: «نعم»', n.toOriginal, 0, 3) // {start:0,end:4}
 */
export function originalSpan(
  original: string,
  toOriginal: Int32Array,
  start: number,
  end: number,
): { start: number; end: number } {
  const last = toOriginal.length - 1;
  const s = Math.max(0, Math.min(start, last));
  const e = Math.max(s, Math.min(end, last));
  const os = toOriginal[s];
  if (e === s) return { start: os, end: os };
  // The original index of the last normalised character, then the first normalised index that comes
  // from a later original character (expansions map several normalised chars to one original char).
  const lastOrig = toOriginal[e - 1];
  let k = e;
  while (k < last && toOriginal[k] === lastOrig) k++;
  let oe = k >= last ? original.length : toOriginal[k];
  if (oe <= lastOrig) oe = lastOrig + 1;
  // Do not swallow trailing invisible marks or spaces dropped by normalisation, but keep harakat.
  while (oe > lastOrig + 1) {
    const c = original.charCodeAt(oe - 1);
    const isMarkOfWord = (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640 || (c >= 0x0610 && c <= 0x061a);
    if (isMarkOfWord) break;
    oe--;
  }
  // Never split a surrogate pair.
  if (oe < original.length && oe > 0) {
    const c = original.charCodeAt(oe - 1);
    if (c >= 0xd800 && c <= 0xdbff) oe++;
  }
  return { start: os, end: oe };
}
