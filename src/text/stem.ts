// Light stemmer for search: the Larkey light10 family (Larkey, Ballesteros & Connell 2007), adjusted
// so that a country, its nisba adjective and their inflections share a stem.
//
// Rules:
//  1. Proclitics (و ف ب ل ك س and the article, with all their combinations) come off as the lexicon-guarded
//     clitic segmenter decides (clitics.ts), instead of light10's blind list: وزير keeps its و, بوتين its
//     ب, while وبالكرملين loses و+ب+ال. The segmenter also removes a pronoun suffix it is sure of.
//  2. The rest is put in matching form (normalizeArabic: ة → ه, ى → ي, hamza seats folded).
//  3. Suffixes are removed, one per pass, at most MAX_PASSES passes, the first that matches in SUFFIXES
//     order (longest first), and only when at least MIN_STEM letters remain (light10 allows 2; 3 keeps
//     four-letter words such as بيان from being gutted when passes repeat):
//       pronouns   هما كما هم هن كم كن ها نا ه
//       plural/dual/nisba  يين يون يات ات ان ون ين يه (= ية) يا ي
//     Repeated passes are what make the nisba family meet: الكازاخستاني → كازاخستاني → كازاخستان →
//     كازاخست, and كازاخستان → كازاخست; الروسية → روسيه → روس, روسيا → روس; السعوديين → سعوديين → سعود,
//     السعودية → سعود. «يا» is light10's addition for the many country names in ـيا (روسيا، سوريا، ليبيا).
//  4. Words with no Arabic letter are returned in matching form, lower-cased.
// Stems are index keys, not words: كازاخست and روس are fine as long as the family agrees.
import { segmentWord } from './clitics.js';
import { normalizeArabic } from './normalize.js';

/** Minimum letters left after removing a suffix. */
export const MIN_STEM = 3;
/** Suffix passes (three covers noun + nisba + plural: الكازاخستانيين → كازاخست). */
export const MAX_PASSES = 3;

/** Suffixes in matching form, longest first within each family. */
const SUFFIXES = [
  'هما',
  'كما',
  'يين',
  'يون',
  'يات',
  'هم',
  'هن',
  'كم',
  'كن',
  'ات',
  'ان',
  'ون',
  'ين',
  'يه',
  'يا',
  'ها',
  'نا',
  'ه',
  'ي',
];

function hasArabicLetter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3)) return true;
  }
  return false;
}

/** Removes suffixes from a word already in matching form (rule 3). */
export function stripSuffixes(norm: string): string {
  let k = norm;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (const suf of SUFFIXES) {
      if (k.length - suf.length >= MIN_STEM && k.endsWith(suf)) {
        k = k.slice(0, k.length - suf.length);
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  return k;
}

/**
 * The search stem of a word.
 * @example lightStem('الكازاخستاني') === lightStem('كازاخستان') // 'كازاخست'
 * @example lightStem('الروسية') === lightStem('روسيا') // 'روس'
 */
export function lightStem(word: string): string {
  const norm = normalizeArabic(word);
  if (!hasArabicLetter(norm)) return norm.toLowerCase();
  const seg = segmentWord(word);
  const core = seg.proclitics.length > 0 || seg.enclitics.length > 0 ? seg.stemNorm : norm;
  return stripSuffixes(core);
}
