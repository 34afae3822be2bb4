// The text stage: tokens (with their matching form and sentence index) and sentences over `doc.text`.
import type { Analysis, Sentence, Token } from '../analysis/types.js';
import type { Stage } from '../analysis/pipeline.js';
import { normalizeArabic } from './normalize.js';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokenize.js';

/**
 * Builds the token and sentence layers. Every token belongs to exactly one sentence (the one that
 * contains its start); sentences carry the [tokenStart, tokenEnd) range of their tokens.
 */
export function buildTextLayers(text: string): { tokens: Token[]; sentences: Sentence[] } {
  const raw = tokenize(text);
  const spans = splitSentences(text);
  const tokens: Token[] = new Array(raw.length);
  const sentences: Sentence[] = spans.map((s, index) => ({
    start: s.start,
    end: s.end,
    index,
    tokenStart: 0,
    tokenEnd: 0,
  }));
  let si = 0;
  for (let ti = 0; ti < raw.length; ti++) {
    const t = raw[ti];
    // Sentences cover every visible character, so a token starts inside the current sentence or a later
    // one; a token before the first sentence (only possible if the splitter and tokenizer disagree on
    // what is visible) goes to the nearest sentence.
    while (si + 1 < sentences.length && t.start >= sentences[si].end) si++;
    tokens[ti] = {
      text: t.text,
      start: t.start,
      end: t.end,
      kind: t.kind,
      norm: normalizeArabic(t.text),
      sentence: sentences.length > 0 ? si : -1,
    };
  }
  // Token ranges per sentence: tokens are in order and sentence indices never decrease.
  let ti = 0;
  for (const s of sentences) {
    s.tokenStart = ti;
    while (ti < tokens.length && tokens[ti].sentence === s.index) ti++;
    s.tokenEnd = ti;
  }
  return { tokens, sentences };
}

/** Fills `tokens` and `sentences`; the first stage of the pipeline. */
export const textStage: Stage = {
  name: 'text',
  run(doc: Analysis): Analysis {
    const { tokens, sentences } = buildTextLayers(doc.text ?? '');
    return { ...doc, tokens, sentences };
  },
};
