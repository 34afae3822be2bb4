// Reading time: as the page states it («دقائق القراءة - 4», «4 دقائق قراءة», «مدة القراءة: 3
// دقائق»), else estimated from the word count at a research-based reading speed (reading.json).
import { foldForMatch, countWords } from './fold.js';
import { lexicon } from './lexicon.js';
import { READING_LINE_MAX_CHARS, READING_LINE_MAX_EXTRA_WORDS } from './settings.js';

/** Every pattern in reading.json names minutes or reading: a cheap first test. */
const MENTIONS_READING = /دقي|دقا|قراء|min|read/i;

/** Minutes stated by a reading-time line, or null when `line` is not one. */
export function statedReadingMinutes(line: string): number | null {
  if (line.length > READING_LINE_MAX_CHARS) return null;
  const lx = lexicon();
  const f = foldForMatch(line);
  if (!MENTIONS_READING.test(f)) return null;
  for (const re of lx.readingPatterns) {
    const m = re.exec(f);
    if (!m) continue;
    const g = m.groups ?? {};
    const minutes = g.n !== undefined ? Number(g.n) : (lx.readingNumberWords.get(g.w ?? '') ?? null);
    if (minutes === null || !(minutes >= 1 && minutes <= 600)) continue;
    let rest = f.slice(0, m.index) + ' ' + f.slice(m.index + m[0].length);
    for (const label of lx.readingIconLabels) rest = rest.split(label).join(' ');
    if (countWords(rest) <= READING_LINE_MAX_EXTRA_WORDS) return minutes;
  }
  return null;
}

/** Estimated minutes to read `words` words: at least one, rounded up (a 2.1-minute read is
 *  announced as 3 minutes by every reading-time widget we know). */
export function estimateReadingMinutes(words: number, language: string): number {
  const wpm = lexicon().wordsPerMinute;
  const rate = language === 'ar' ? wpm.ar : wpm.default;
  return Math.max(1, Math.ceil(words / rate));
}
