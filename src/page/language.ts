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
const PERSIAN = /[\u067e\u0686\u0698\u06af\u06a9\u06cc]/g;
/** Letters that only Urdu writes among these: ٹ ڈ ڑ ں ے. */
const URDU = /[\u0679\u0688\u0691\u06ba\u06d2]/g;
/** Letters Arabic writes and Persian does not: ي ك ة ى. */
const ARABIC_ONLY = /[\u064a\u0643\u0629\u0649]/g;

export function scriptInfo(text: string): ScriptInfo {
  const s = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const letters = (s.match(/\p{L}/gu) ?? []).length;
  if (letters === 0) return { language: null, arabicShare: 0, letters: 0 };
  const arabic = (s.match(/(?=\p{L})\p{Script=Arabic}/gu) ?? []).length;
  const share = arabic / letters;
  if (share < ARABIC_SCRIPT_MIN_SHARE) return { language: null, arabicShare: share, letters };
  const persian = (s.match(PERSIAN) ?? []).length;
  const urdu = (s.match(URDU) ?? []).length;
  const arabicOnly = (s.match(ARABIC_ONLY) ?? []).length;
  if (persian > arabicOnly) return { language: urdu * 50 > arabic ? 'ur' : 'fa', arabicShare: share, letters };
  return { language: 'ar', arabicShare: share, letters };
}

/** The primary subtag of a declared language («ar-EG» → «ar», «en_US» → «en»), or null. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const m = /^\s*([a-z]{2,3})(?:[-_]|\s*$)/i.exec(tag);
  return m ? m[1].toLowerCase() : null;
}
