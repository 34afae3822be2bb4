// The coder's view of a document: sentences of words, each word with its folded form and its
// plausible clitic analyses (proclitics و ف ب ل ك س ال, object/possessive enclitics).
//
// Built from the text layer (doc.tokens, doc.sentences). When the text stage has not run (empty
// layers), the words come from the shared tokenizer and sentences are cut at sentence-final
// punctuation and line breaks, so that the stage still works on its own.
import type { Analysis, BlockKind, TokenKind } from '../analysis/types.js';
import { stripMarks } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';
import { fold } from './lexicon.js';

/** One clitic analysis of a folded word. */
export interface Variant {
  /** The remaining stem (ta marbuta restored before an enclitic: زيارته → زياره). */
  stem: string;
  /** Proclitics, as written (folded): "", "و", "وال", "بال", "لل", "س" … */
  pro: string;
  /** Enclitic pronoun: "", "ه", "ها", "هم" … */
  enc: string;
  /** The stem lost a final alif that may be an accusative tanween (احتجاجاً → احتجاج): nouns only. */
  tanween: boolean;
}

export interface Word {
  /** Index in the sentence's word list. */
  i: number;
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** Folded form (text/normalize MATCH profile). */
  norm: string;
  /** Clitic analyses, the unstripped word first. Empty for punctuation and numbers. */
  variants: Variant[];
}

export interface SentenceView {
  index: number;
  start: number;
  end: number;
  words: Word[];
  /** Index of the block (paragraph, title, caption…) the sentence starts in. */
  block: number;
  blockKind: BlockKind;
}

// Longest first, so that «وبال» is tried before «وب» and «و».
const PROCLITICS = [
  'وبال',
  'فبال',
  'وكال',
  'ولل',
  'فلل',
  'وال',
  'فال',
  'بال',
  'كال',
  'لل',
  'ال',
  'وب',
  'فب',
  'ول',
  'فل',
  'وك',
  'وس',
  'فس',
  'و',
  'ف',
  'ب',
  'ل',
  'ك',
  'س',
  '',
];
const ENCLITICS = ['هما', 'هم', 'هن', 'ها', 'كم', 'نا', 'ه', 'ك', ''];
/** A stem shorter than this is not a word worth looking up. */
const MIN_STEM = 2;

/**
 * Every clitic analysis of a folded Arabic word, least stripped first. `taMarbuta`: the word as
 * written ends in ة, which folding turned into ه: then that ه is no pronoun («وزارة» is not و+زار+ه).
 */
export function cliticVariants(norm: string, taMarbuta = false): Variant[] {
  const out: Variant[] = [];
  const seen = new Set<string>();
  const push = (v: Variant) => {
    const key = `${v.stem}|${v.pro}|${v.enc}|${v.tanween}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  };
  for (const pro of PROCLITICS) {
    if (!norm.startsWith(pro) || norm.length - pro.length < MIN_STEM) continue;
    const rest = norm.slice(pro.length);
    for (const enc of ENCLITICS) {
      if (!rest.endsWith(enc) || rest.length - enc.length < MIN_STEM) continue;
      // the article and a possessive never go together: «القتلة» is not «ال + قتل + ه»
      if (enc && pro.includes('ال')) continue;
      if (enc === 'ه' && taMarbuta) continue;
      const stem = rest.slice(0, rest.length - enc.length);
      push({ stem, pro, enc, tanween: false });
      if (enc) {
        if (stem.endsWith('ت')) push({ stem: stem.slice(0, -1) + 'ه', pro, enc, tanween: false });
        if (stem.endsWith('و')) push({ stem: stem + 'ا', pro, enc, tanween: false });
      } else if (stem.endsWith('ا') && stem.length > 3) {
        push({ stem: stem.slice(0, -1), pro, enc, tanween: true });
      }
    }
  }
  // least stripping first: a word that is itself in the lexicon wins over a clitic reading
  return out.sort((a, b) => a.pro.length + a.enc.length - (b.pro.length + b.enc.length));
}

function makeWord(i: number, t: { text: string; start: number; end: number; kind: TokenKind; norm?: string }): Word {
  const norm = t.norm ?? fold(t.text);
  return {
    i,
    text: t.text,
    start: t.start,
    end: t.end,
    kind: t.kind,
    norm,
    variants: t.kind === 'arabic' ? cliticVariants(norm, stripMarks(t.text).endsWith('ة')) : [],
  };
}

interface BlockSpan {
  start: number;
  end: number;
  kind: BlockKind;
}

/** Blocks of the document; when the page layer gave none, paragraphs split at blank lines. */
function blocksOf(doc: Analysis): BlockSpan[] {
  if (doc.blocks.length) return doc.blocks.map((b) => ({ start: b.start, end: b.end, kind: b.kind }));
  const out: BlockSpan[] = [];
  const re = /\n\s*\n/g;
  let last = 0;
  for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
    out.push({ start: last, end: m.index, kind: 'paragraph' });
    last = m.index + m[0].length;
  }
  out.push({ start: last, end: doc.text.length, kind: 'paragraph' });
  return out;
}

function blockAt(blocks: BlockSpan[], offset: number): number {
  for (let b = blocks.length - 1; b >= 0; b--) if (blocks[b].start <= offset) return b;
  return 0;
}

/** Sentence-final marks for the fallback splitter. */
const FINAL = new Set(['.', '!', '?', '؟', '…', '...']);

/** Sentences from the raw tokenizer when the text stage has not run. */
function fallbackSentences(text: string): Array<{ start: number; end: number; tokens: ReturnType<typeof tokenize> }> {
  const tokens = tokenize(text);
  const out: Array<{ start: number; end: number; tokens: ReturnType<typeof tokenize> }> = [];
  let cur: ReturnType<typeof tokenize> = [];
  const flush = () => {
    if (cur.length) out.push({ start: cur[0].start, end: cur[cur.length - 1].end, tokens: cur });
    cur = [];
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (cur.length && text.slice(cur[cur.length - 1].end, t.start).includes('\n')) flush();
    cur.push(t);
    if (t.kind === 'punct' && FINAL.has(t.text)) flush();
  }
  flush();
  return out;
}

/** The document as sentences of analysed words. */
export function sentenceViews(doc: Analysis): SentenceView[] {
  const blocks = blocksOf(doc);
  const views: SentenceView[] = [];
  if (doc.tokens.length && doc.sentences.length) {
    for (const s of doc.sentences) {
      const words: Word[] = [];
      for (let k = s.tokenStart; k < s.tokenEnd && k < doc.tokens.length; k++)
        words.push(makeWord(words.length, doc.tokens[k]));
      const block = blockAt(blocks, s.start);
      views.push({
        index: s.index,
        start: s.start,
        end: s.end,
        words,
        block,
        blockKind: blocks[block]?.kind ?? 'paragraph',
      });
    }
    return views;
  }
  fallbackSentences(doc.text).forEach((s, index) => {
    const words = s.tokens.map((t, i) => makeWord(i, t));
    const block = blockAt(blocks, s.start);
    views.push({ index, start: s.start, end: s.end, words, block, blockKind: blocks[block]?.kind ?? 'paragraph' });
  });
  return views;
}
