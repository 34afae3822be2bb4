// Arabic → Latin transliteration for names that are in no knowledge-base entry.
//
// Unvocalised Arabic does not say its short vowels, so no transliteration of an unknown name can be
// exact; this one aims at what an English newsroom would plausibly write (ال → al-, long vowels
// from ا و ي, "a" between two written consonants), and the output is always marked as a
// transliteration (`Entity.enTransliterated`), never passed off as a KB name.

const CONSONANT: Record<string, string> = {
  ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh',
  ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: "'", غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n',
  ه: 'h', ة: 'a', ء: "'", ئ: "'", ؤ: "'", پ: 'p', چ: 'ch', ڤ: 'v', گ: 'g', ژ: 'zh', ک: 'k', ی: 'y',
};
const LONG_VOWEL: Record<string, string> = { ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ى: 'a' };
const DIACRITICS = /[\u064B-\u065F\u0670\u0640]/g;
// Name particles whose customary English spelling the letter rules would not give.
const PARTICLES: Record<string, string> = {
  بن: 'bin', ابن: 'Ibn', بنت: 'bint', أبو: 'Abu', ابو: 'Abu', أبي: 'Abi', أم: 'Umm', عبد: 'Abd', الله: 'Allah',
  آل: 'Al', ولد: 'Ould', الدين: 'al-Din', محمد: 'Muhammad', أحمد: 'Ahmad', عبدالله: 'Abdullah',
};

function word(w: string): string {
  if (PARTICLES[w]) return PARTICLES[w];
  let prefix = '';
  if (w.length > 3 && w.startsWith('ال')) {
    prefix = 'al-';
    w = w.slice(2);
  }
  const chars = [...w];
  let out = '';
  let run = 0; // consonants written in a row since the last vowel
  chars.forEach((c, i) => {
    const next = chars[i + 1];
    const nextIsVowelLetter = next !== undefined && (next in LONG_VOWEL || next === 'و' || next === 'ي');
    if (c === 'و' || c === 'ي') {
      // A glide at the start of a word or before a long vowel; a long vowel after a consonant
      // (and و after a word-initial alef: أورينبورج → Urinburj).
      const afterInitialAlef = i === 1 && chars[0] in LONG_VOWEL;
      const glide = !afterInitialAlef && (i === 0 || run === 0 || nextIsVowelLetter);
      if (afterInitialAlef) out = out.slice(0, -1);
      out += glide ? (c === 'و' ? 'w' : 'y') : c === 'و' ? 'u' : 'i';
      run = glide ? run + 1 : 0;
      return;
    }
    if (c in LONG_VOWEL) {
      out += LONG_VOWEL[c];
      run = 0;
      return;
    }
    const latin = CONSONANT[c];
    if (latin === undefined) {
      out += /[A-Za-z0-9-]/.test(c) ? c : '';
      run = 0;
      return;
    }
    // Unwritten short vowels: break a word-initial cluster and any run of three consonants.
    if (c !== 'ة' && ((run === 1 && i === 1) || run >= 2)) {
      out += 'a';
      run = 0;
    }
    out += latin;
    run = c === 'ة' ? 0 : run + 1;
  });
  const s = prefix + out.replace(/^'+/, '');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A readable Latin rendering of an Arabic name (one or more words). */
export function transliterate(name: string): string {
  return name
    .replace(DIACRITICS, '')
    .split(/\s+/)
    .filter(Boolean)
    .map(word)
    .filter(Boolean)
    .join(' ');
}
