// Which language a text is in, from its script: Arabic, or Persian/Urdu (Arabic script with their
// own letters), else whatever the page declares. rasd's later stages are built for Arabic.
import { ARABIC_SCRIPT_MIN_SHARE } from './settings.js';

/** Only the first characters are looked at: the script of a page does not change halfway. */
const SAMPLE_CHARS = 20_000;

export interface ScriptInfo {
  /** BCP 47 primary tag guessed from the script, or null when the script says nothing. */
  language: string | null;
  /** Share of letters that are Arabic-script (0–1); 0 when there are no letters. */
  arabicShare: number;
  letters: number;
}

/** Letters that only Persian (and Urdu) write: پ چ ژ گ ک ی. */
const PERSIAN = new Set([0x67e, 0x686, 0x698, 0x6af, 0x6a9, 0x6cc]);
/** Letters that only Urdu writes among these: ٹ ڈ ڑ ں ے. */
const URDU = new Set([0x679, 0x688, 0x691, 0x6ba, 0x6d2]);
/** Letters Arabic writes and Persian does not: ي ك ة ى. */
const ARABIC_ONLY = new Set([0x64a, 0x643, 0x629, 0x649]);

export function scriptInfo(text: string): ScriptInfo {
  const s = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  // counted in a loop: matching every letter into an array costs more than the rest of the page parser
  let letters = 0;
  let arabic = 0;
  let persian = 0;
  let urdu = 0;
  let arabicOnly = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
      continue;
    }
    if (!isArabicLetter(c)) {
      if (LETTER.test(s[i])) letters++;
      continue;
    }
    letters++;
    arabic++;
    if (PERSIAN.has(c)) persian++;
    if (URDU.has(c)) urdu++;
    if (ARABIC_ONLY.has(c)) arabicOnly++;
  }
  if (letters === 0) return { language: null, arabicShare: 0, letters: 0 };
  const share = arabic / letters;
  if (share < ARABIC_SCRIPT_MIN_SHARE) return { language: null, arabicShare: share, letters };
  if (persian > arabicOnly) return { language: urdu * 50 > arabic ? 'ur' : 'fa', arabicShare: share, letters };
  return { language: 'ar', arabicShare: share, letters };
}

const LETTER = /\p{L}/u;
/** Arabic-script letters (marks, digits, punctuation and tatweel excluded), by code point range:
 *  faster than a Unicode property test on every character of an Arabic text. */
function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x620 && c <= 0x63f) ||
    (c >= 0x641 && c <= 0x64a) ||
    (c >= 0x66e && c <= 0x6d3) ||
    c === 0x6d5 ||
    (c >= 0x6fa && c <= 0x6fc) ||
    c === 0x6ff ||
    (c >= 0x750 && c <= 0x77f) ||
    (c >= 0x8a0 && c <= 0x8c9) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfefc)
  );
}

/** The primary subtag of a declared language («ar-EG» → «ar», «en_US» → «en»), or null. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const m = /^\s*([a-z]{2,3})(?:[-_]|\s*$)/i.exec(tag);
  return m ? m[1].toLowerCase() : null;
}
