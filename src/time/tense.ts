// Tense of the clause around a time expression: whether it speaks of the future (سوف، من المقرر،
// سيعقد…), which turns the news reading of a year-less date or a bare weekday forward.
import { timeLexicon } from './lexicon.js';
import { SENTENCE_END, type ScanToken } from './scan.js';

const RELATIVE_PRONOUNS = new Set([
  'الذي',
  'التي',
  'الذين',
  'اللذان',
  'اللتان',
  'اللواتي',
  'اللاتي',
  'حيث',
  'عندما',
  'بعدما',
  'حين',
]);

/** Whether the clause around tokens [i, j) speaks of the future (سوف، من المقرر، سيعقد…). */
export function futureContext(toks: readonly ScanToken[], i: number, j: number): boolean {
  const lex = timeLexicon();
  // The verb governing a date mostly comes before it; a few words after catch «…, سيعقد».
  const CLAUSE_BACK = 10;
  const CLAUSE_FORWARD = 3;
  let from = i;
  // A relative clause («… الذي اعتقل في مارس») has its own verb: stop there.
  while (
    from > 0 &&
    i - from < CLAUSE_BACK &&
    !toks[from].lineBefore &&
    !SENTENCE_END.has(toks[from - 1].text) &&
    !RELATIVE_PRONOUNS.has(toks[from - 1].norm)
  )
    from--;
  let to = j;
  while (to < toks.length && to - j < CLAUSE_FORWARD && !toks[to].lineBefore && !SENTENCE_END.has(toks[to].text)) to++;
  for (let k = from; k < to; k++) {
    if (k >= i && k < j) continue;
    if (lex.futureCues.match(toks, k)) return true;
    const w = toks[k];
    if (w.kind !== 'word') continue;
    // A future verb: «سيعقد», «ستجرى», «سنعمل», «وسيلتقي».
    for (const f of w.forms) if (looksLikeFutureVerb(f.form) && !lex.futurePrefixNotVerbs.has(f.form)) return true;
  }
  return false;
}

/**
 * س + imperfect prefix (ي ت ن) + a stem: «سيعقد», «ستجري», «سنواصل». Nouns that look alike mostly have
 * a long vowel third (سياسة، سيارات) or a noun ending (ة، ات، ين، ا); the rest are listed in the lexicon.
 */
function looksLikeFutureVerb(w: string): boolean {
  return /^س[يتن][^ا]/.test(w) && w.length >= 5 && w.length <= 8 && !/(ه|ات|ين|يه|ا)$/.test(w);
}
