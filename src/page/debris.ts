// Debris: the lines of a page that are not article text (share bars, related links, tag lists,
// copyright footers, comment policies, menus, bylines). Patterns live in data/page/debris.json;
// this file holds the few structural rules that are not a single regular expression.
import { foldForMatch, countWords, WORD } from './fold.js';
import { lexicon } from './lexicon.js';
import { DEBRIS_MAX_CHARS, BYLINE_MAX_WORDS } from './settings.js';

export type DebrisReason = 'empty' | 'url' | 'pattern' | 'social' | 'menu' | 'hashtags';

/** Characters that end a sentence (or introduce what follows: a line ending with «:» is a lead-in). */
export const TERMINAL = /[.!?؟…:؛;،,。！？：；，]["'»”’)\]]*\s*$/u;

/** Why `line` is debris, or null when it may be article text. `folded` is foldForMatch(line). */
export function debrisReason(line: string, folded = foldForMatch(line)): DebrisReason | null {
  if (!/[\p{L}\p{N}]/u.test(line)) return 'empty';
  if (line.length > DEBRIS_MAX_CHARS) return null;
  if (/^(?:https?:\/\/|www\.)\S+$/iu.test(folded)) return 'url';
  if (lexicon().debrisLine.test(folded)) return 'pattern';
  if (isSocialLine(folded)) return 'social';
  if (isMenuLine(line)) return 'menu';
  if (isHashtagLine(folded)) return 'hashtags';
  return null;
}

/** A line that opens a run of related-article links or tags («اقرأ أيضاً:», «الأكثر قراءة»). */
export function isListMarker(folded: string): boolean {
  if (folded.length > DEBRIS_MAX_CHARS) return false;
  return lexicon().listMarkers.some((re) => re.test(folded));
}

/** A line made only of social-network names and share words («فيسبوك تويتر واتساب»). */
function isSocialLine(folded: string): boolean {
  const lx = lexicon();
  const words = folded.match(WORD);
  if (!words || words.length > 16) return false;
  let networks = 0;
  for (const w of words) {
    if (lx.socialNetworks.has(w)) networks++;
    else if (!lx.socialWords.has(w)) return false;
  }
  // «share» or «email» alone are caught by the line patterns; here one network name suffices
  return networks >= 1;
}

/** Navigation and breadcrumbs: three or more short items between «|», «»», «›», «>», «•» or « / ». */
function isMenuLine(line: string): boolean {
  // «» are quotation marks in Arabic: «حماس» و«فتح» is not three menu items.
  const sep = line.includes('«') ? /\s*[|›>•·]\s*|\s+\/\s+/u : /\s*[|»›>•·]\s*|\s+\/\s+/u;
  const items = line.split(sep).filter((x) => x.trim());
  if (items.length < 3) return false;
  return items.every((x) => countWords(x) <= 4 && !/[.!?؟]$/u.test(x.trim()));
}

/** A line of hashtags only («#روسيا #كازاخستان»). */
function isHashtagLine(folded: string): boolean {
  const parts = folded.split(/\s+/).filter(Boolean);
  return parts.length >= 1 && parts.every((p) => p.startsWith('#') || p === '،' || p === ',');
}

/** A tag list: four or more short items separated by commas, «،» or «|», with no sentence end. */
export function isTagList(line: string): boolean {
  if (line.length > DEBRIS_MAX_CHARS || /[.!?؟]["'»”)]*\s*$/u.test(line)) return false;
  const items = line.split(/\s*[،,|؛;]\s*/u).filter((x) => x.trim());
  return items.length >= 4 && items.every((x) => countWords(x) <= 3);
}

/** The name in a byline line («كتب: فلان», «بقلم فلان», «By Jane Doe»), or null. */
export function bylineOf(line: string): string | null {
  if (line.length > 120) return null;
  const lx = lexicon();
  const folded = foldForMatch(line);
  const tryPrefix = (prefix: string, needsColon: boolean): string | null => {
    if (!folded.startsWith(prefix)) return null;
    const after = folded.slice(prefix.length);
    const sep = /^\s*[:：\-–—|]\s*/u.exec(after);
    if (!sep && !/^\s/u.test(after)) return null; // «كتبه» is not «كتب» + «ه»
    if (needsColon && !sep) return null;
    // the name as written: the same number of words from the end of the original line
    const nameFolded = after.slice(sep ? sep[0].length : 0).trim();
    const n = countWords(nameFolded);
    if (n < 1 || n > BYLINE_MAX_WORDS || /\d/.test(nameFolded) || /[.!?؟:]$/u.test(nameFolded)) return null;
    return nameFromEnd(line, n);
  };
  for (const p of lx.bylinePrefixesNeedingColon) {
    const r = tryPrefix(p, true);
    if (r) return r;
  }
  for (const p of lx.bylinePrefixes) {
    const r = tryPrefix(p, false);
    if (r) return r;
  }
  return null;
}

/** The last `n` words of `line` with what lies between them, as written. */
function nameFromEnd(line: string, n: number): string {
  const words = [...line.matchAll(WORD)];
  const first = words[words.length - n];
  return first ? line.slice(first.index).trim() : line.trim();
}
