// A small scanner over the clean text for the time and amount layers.
//
// Both layers match lexicons word by word, need the exact glue between tokens («28/11/2022»,
// «500-600», «20%») and must strip glued proclitics («وفي»، «لعقود»، «بالأسبوع»، «للعام»). The
// text layer's tokens are built for other needs, so these layers scan the text themselves; every
// token keeps its UTF-16 offsets into `Analysis.text`.
import { foldArabic, parseDigits } from '../text/numbers.js';

export type ScanKind = 'word' | 'num' | 'latin' | 'punct';

/** A folded form of a word with a proclitic removed, and where that form begins in the text. */
export interface WordForm {
  form: string;
  start: number;
}

export interface ScanToken {
  /** The token as written. */
  text: string;
  start: number;
  end: number;
  kind: ScanKind;
  /** The folded matching form (see foldArabic). */
  norm: string;
  /** The folded word and each plausible proclitic-stripped form (و ف, then ب ل ك, and لل → ال). */
  forms: WordForm[];
  /** Whitespace separates this token from the previous one (true for the first token). */
  spaced: boolean;
  /** A line break separates this token from the previous one. */
  lineBefore: boolean;
  /** The value of a digits token. */
  value: number | null;
}

const WORD_START = '\\u0621-\\u063A\\u0641-\\u064A\\u0671-\\u06D3\\u06FA-\\u06FF\\uFB50-\\uFDFF\\uFE70-\\uFEFC';
const WORD_CONT = `${WORD_START}\\u0610-\\u061A\\u0640-\\u065F\\u0670\\u06D6-\\u06ED`;
const DIGIT = '0-9\\u0660-\\u0669\\u06F0-\\u06F9';
const TOKEN = new RegExp(
  `([${WORD_START}][${WORD_CONT}]*)|([${DIGIT}]+(?:[.,\\u066B\\u066C][${DIGIT}]+)*)|([A-Za-z\\u00C0-\\u024F]+)|(\\S)`,
  'gu',
);

/** Folded form of each character seen (the alphabet is small; folding one char is costly). */
const charFold = new Map<string, string>();
function foldChar(ch: string): string {
  let f = charFold.get(ch);
  if (f === undefined) {
    f = foldArabic(ch);
    charFold.set(ch, f);
  }
  return f;
}

/** Folds a token char by char, remembering for each folded char the original offset it came from. */
function foldWithOffsets(s: string, base: number): { norm: string; offsets: number[] } {
  let norm = '';
  const offsets: number[] = [];
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) offsets.push(base + i);
    norm += f;
    i += ch.length;
  }
  return { norm, offsets };
}

const CONJ = new Set(['و', 'ف']);
const PREP = new Set(['ب', 'ل', 'ك']);
/** Shortest stem left after stripping proclitics (so «لن» or «بل» are not read as ل+ن). */
const MIN_STEM = 2;

function wordForms(norm: string, offsets: number[], tokenStart: number): WordForm[] {
  const out: WordForm[] = [{ form: norm, start: tokenStart }];
  const seen = new Set([norm]);
  const add = (form: string, start: number) => {
    if (form.length >= MIN_STEM && !seen.has(form)) {
      seen.add(form);
      out.push({ form, start });
    }
  };
  const bases: Array<{ s: string; i: number }> = [{ s: norm, i: 0 }];
  if (CONJ.has(norm[0]) && norm.length - 1 >= MIN_STEM) {
    bases.push({ s: norm.slice(1), i: 1 });
    add(norm.slice(1), offsets[1]);
  }
  for (const b of bases) {
    if (b.s.startsWith('لل') && b.s.length > 3) {
      // «للعام» is ل + العام with the alef dropped; the span keeps the whole word.
      add('ال' + b.s.slice(2), offsets[b.i]);
    } else if (PREP.has(b.s[0]) && b.s.length - 1 >= MIN_STEM) {
      add(b.s.slice(1), offsets[b.i + 1]);
    }
  }
  return out;
}

/** Scans `text` into tokens with folded forms. Never throws; non-Arabic text gives latin/punct tokens. */
export function scan(text: string): ScanToken[] {
  const out: ScanToken[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index as number;
    const raw = m[0];
    const end = start + raw.length;
    const kind: ScanKind = m[1] ? 'word' : m[2] ? 'num' : m[3] ? 'latin' : 'punct';
    const gap = text.slice(prevEnd, start);
    let norm: string;
    let forms: WordForm[];
    if (kind === 'word') {
      const f = foldWithOffsets(raw, start);
      norm = f.norm;
      forms = norm.length ? wordForms(norm, f.offsets, start) : [];
    } else {
      norm = kind === 'latin' ? raw.toLowerCase() : foldArabic(raw);
      forms = [{ form: norm, start }];
    }
    out.push({
      text: raw,
      start,
      end,
      kind,
      norm,
      forms,
      spaced: out.length === 0 || gap.length > 0,
      lineBefore: /[\n\r\u2028\u2029]/.test(gap),
      value: kind === 'num' ? parseDigits(raw) : null,
    });
    prevEnd = end;
  }
  return out;
}

/** Punctuation that ends a sentence or clause for the purpose of looking around a match. */
export const SENTENCE_END = new Set(['.', '!', '?', '؟', '؛', ';', '…', '۔']);
