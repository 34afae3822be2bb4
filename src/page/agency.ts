// Agencies in datelines and photo credits: «موسكو-أ ف ب», «القاهرة - رويترز», «(د ب أ)»,
// «دمشق، سوريا (CNN) --», «القاهرة في 28 نوفمبر /أ ش أ/»; caption credits «… - AFP», «(رويترز)»,
// «تصوير: فلان», «Getty Images». Spellings map to canonical names through data/page/agencies.json.
//
// Matching runs on the same-length fold of the line (fold.ts), so group offsets are offsets in the
// line as written and the dateline/caption spans stay exact.
import { foldSameLength, countWords } from './fold.js';
import { agencyKey, lexicon, type AgencyEntry } from './lexicon.js';
import { DATELINE_MAX_CHARS, LABEL_CREDIT_MAX_WORDS, CREDIT_TAIL_CHARS } from './settings.js';

/** The agency entry a spelling stands for («أ.ف.ب» → AFP), or null. */
export function findAgency(s: string): AgencyEntry | null {
  return lexicon().agencyByKey.get(agencyKey(s.replace(/^[\s("«/[]+|[\s)"»/\]]+$/g, ''))) ?? null;
}

export interface DatelineMatch {
  place: string | null;
  agency: string;
  /** The dateline as written (trimmed), e.g. «موسكو-أ ف ب». */
  raw: string;
  /** Offset in the line where the dateline starts (after leading spaces). */
  start: number;
  /** Offset just after the dateline (before the separator that follows it). */
  end: number;
  /** Offset where the text after the dateline and its separator starts (== line length for a
   *  dateline standing alone). */
  restStart: number;
}

interface DatelineRegexes {
  alone: RegExp;
  prefix: RegExp;
}
let regexes: DatelineRegexes | null = null;

// A place is one to four words, optionally «City، Country»; words start with a letter that is not a
// tatweel (Arabic pages use «ـ» as a dash: «لندن ـ رويترز»).
const WORD = `(?!ـ)\\p{L}[\\p{L}\\p{M}'’]*`;
const PLACE = `${WORD}(?:[ ،,]{1,3}${WORD}){0,3}`;
// MENA style: «القاهرة في 28 نوفمبر /أ ش أ/»
const PLACE_DATE = `(?:\\s+في\\s+\\d{1,2}\\s+\\p{L}+(?:\\s+\\d{4})?)?`;
const DASH = `[-–—ـ]`;

function datelineRegexes(): DatelineRegexes {
  if (regexes) return regexes;
  const A = lexicon().agencyAlternation;
  const head = `^\\s*(?:(?<place>${PLACE})${PLACE_DATE}\\s*(?:(?:${DASH}{1,3}|[،,:])\\s*)?)?`;
  // The agency stands in brackets or slashes, or follows the place after a dash. (Not in quotes:
  // «بي بي سي» ترد… and ذكرت شبكة "بي بي سي" name the broadcaster in a sentence.)
  // An agency name is a whole word: «روسيا ب» does not end in «أ ب».
  const bracketed = `[(\\[/]\\s*(?<a1>${A})\\s*[)\\]/]`;
  const bare = `(?<![\\p{L}\\p{M}])(?<a2>${A})(?![\\p{L}\\p{M}])`;
  // Gulf papers put the agency first: «واس-الرياض: …»
  const agencyFirst = `^\\s*(?<a3>${A})(?![\\p{L}\\p{M}])\\s*${DASH}{1,3}\\s*(?<place2>${PLACE})(?:\\s*\\([^()]{1,30}\\))?\\s*`;
  regexes = {
    alone: new RegExp(`${agencyFirst}:?\\s*$|${head}(?:${bracketed}|${bare})\\s*(?:${DASH}{1,3}|:)?\\s*$`, 'iu'),
    // Before a paragraph the dateline must be closed by a dash or colon («القاهرة - رويترز - قال…»,
    // «موسكو (أ ف ب) - …»), so that «الرياض - العربية السعودية…» and «قالت هيئة الإذاعة البريطانية
    // (بي بي سي) الاثنين…» are not read as datelines.
    prefix: new RegExp(
      `${agencyFirst}:\\s*(?=\\S)|${head}(?:${bracketed}|${bare})\\s*(?:${DASH}{1,3}|:)\\s*(?=\\S)`,
      'iu',
    ),
  };
  return regexes;
}

function toMatch(line: string, m: RegExpExecArray, restStart: number): DatelineMatch | null {
  const g = m.groups ?? {};
  const agencyText = g.a1 ?? g.a2 ?? g.a3;
  if (!agencyText) return null;
  const entry = findAgency(agencyText);
  if (!entry || entry.kind === 'photo') return null;
  // A broadcaster's name alone («العربية», «الجزيرة») is as likely a menu item or a language link.
  const placeGroup = g.place ?? g.place2;
  if (entry.kind === 'media' && !placeGroup && !g.a1) return null;
  const placeAt = placeGroup ? m.index + m[0].indexOf(placeGroup, g.a3 ? g.a3.length : 0) : -1;
  const placeText = placeGroup ? line.slice(placeAt, placeAt + placeGroup.length) : null;
  // «دمشق، سوريا» → «دمشق»: the city is the dateline's place.
  const place = placeText ? placeText.split(/[،,]/)[0].trim() || null : null;
  const start = m.index + (m[0].length - m[0].trimStart().length);
  // End of the dateline proper: strip the trailing separator and spaces.
  let end = restStart;
  while (end > start && /[\s\-–—ـ:]/.test(line[end - 1])) end--;
  return { place, agency: entry.canonical, raw: line.slice(start, end), start, end, restStart };
}

/** A dateline standing alone on its line, or null. */
export function matchDatelineLine(line: string): DatelineMatch | null {
  if (line.length > DATELINE_MAX_CHARS) return null;
  const m = datelineRegexes().alone.exec(foldSameLength(line));
  return m ? toMatch(line, m, line.length) : null;
}

/** A dateline opening a paragraph («القاهرة - رويترز - قال…»), or null. */
export function matchDatelinePrefix(paragraph: string): DatelineMatch | null {
  const head = paragraph.slice(0, DATELINE_MAX_CHARS);
  const m = datelineRegexes().prefix.exec(foldSameLength(head));
  if (!m) return null;
  return toMatch(paragraph, m, m.index + m[0].length);
}

// ---------------------------------------------------------------- caption credits

export interface CreditMatch {
  /** Offset in the line where the caption text ends (credit and its separator excluded). */
  captionEnd: number;
  /** Canonical agency name, or the credited name as written («تصوير: فلان» → «فلان»). */
  credit: string;
  /** How the credit was written: after a dash, in brackets, after a photo label, or bare. */
  form: 'dash' | 'bracket' | 'label' | 'bare' | 'photo';
}

interface CreditRegexes {
  dash: RegExp;
  bracket: RegExp;
  label: RegExp;
  bare: RegExp;
  photo: RegExp;
}
let creditRegexes: CreditRegexes | null = null;

function creditPatterns(): CreditRegexes {
  if (creditRegexes) return creditRegexes;
  const A = lexicon().agencyAlternation;
  // «AFP/Getty Images», «رويترز/أرشيفية»: the first name is the credit.
  const TAIL = `(?:\\s*/\\s*[\\p{L} ]{1,30})?`;
  const NAME = `[^:：()\\[\\]\\n]{2,60}?`;
  creditRegexes = {
    dash: new RegExp(`\\s[-–—ـ|]\\s*(?<credit>${A})${TAIL}\\s*$`, 'iu'),
    bracket: new RegExp(`[(\\[/]\\s*(?<credit>${A})${TAIL}\\s*[)\\]/]\\s*$`, 'iu'),
    // «تصوير فلان» after a dash or bracket; «تصوير: فلان», «الصورة: …», «© فلان» anywhere at the end
    label: new RegExp(
      `(?:(?:^|[-–—ـ|(]\\s*)(?:تصوير|عدسه|عدسة)\\s*[:：]?|(?:^|[-–—ـ|(.،,]\\s*|\\s)(?:(?:تصوير|عدسه|عدسة|الصوره|الصورة|صوره|صورة|مصدر الصوره|مصدر الصورة|photo|photograph|image|credit|picture)\\s*[:：]|©))\\s*(?<credit>${NAME})\\s*\\)?\\s*$`,
      'iu',
    ),
    bare: new RegExp(`[.!?؟»"]\\s+(?<credit>${A})${TAIL}\\s*$`, 'iu'),
    // picture agencies need no separator: «مشهد من المدينة Getty Images»
    photo: new RegExp(`\\s(?<credit>${lexicon().photoAlternation})\\s*$`, 'iu'),
  };
  return creditRegexes;
}

/** The credit at the end of a caption line, or null. */
export function matchCredit(line: string): CreditMatch | null {
  const tailStart = Math.max(0, line.length - CREDIT_TAIL_CHARS);
  const tail = foldSameLength(line.slice(tailStart));
  const p = creditPatterns();
  for (const form of ['dash', 'bracket', 'label', 'bare', 'photo'] as const) {
    const m = p[form].exec(tail);
    if (!m) continue;
    const creditText = (m.groups?.credit ?? '').trim();
    const at = m.index + m[0].indexOf(m.groups?.credit ?? '');
    const written = line.slice(tailStart + at, tailStart + at + creditText.length).trim();
    // a credit is a name: not a sentence's end («أثناء تصوير فيلم وثائقي.»)
    if (!written || (form === 'label' && (/[.!?؟]$/u.test(written) || countWords(written) > LABEL_CREDIT_MAX_WORDS)))
      continue;
    const entry = findAgency(written);
    const credit = entry ? entry.canonical : written;
    // caption text ends before the separator that introduces the credit
    let captionEnd = tailStart + m.index;
    // keep the caption's own final punctuation when the pattern began on it («… الاجتماع. تصوير: …»)
    if (/[.!?؟…]/u.test(line[captionEnd] ?? '')) captionEnd += 1;
    while (captionEnd > 0 && /\s/.test(line[captionEnd - 1])) captionEnd--;
    return { captionEnd, credit, form };
  }
  return null;
}
