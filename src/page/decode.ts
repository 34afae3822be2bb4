// Bytes → string for file and stdin input: refuses binary data, finds the charset.
//
// Order: byte-order mark; then a charset declared in the first bytes (<meta charset>,
// <meta http-equiv="Content-Type">, <?xml encoding>); then UTF-8 if the bytes are valid UTF-8;
// else a guess between the two Arabic single-byte charsets (windows-1256, ISO-8859-6) and
// windows-1252, from which decoding looks like Arabic text.
import { InputError } from '../analysis/errors.js';

export interface Decoded {
  text: string;
  /** WHATWG name of the charset used («utf-8», «windows-1256»…). */
  charset: string;
  /** How the charset was chosen, when it was not plain UTF-8 or a declaration. */
  warnings?: string[];
}

/** The HTML standard's prescan looks at the first 1024 bytes; pages with long heads put the
 *  declaration later, so a little more is read. */
const PRESCAN_BYTES = 4096;
const BINARY_SAMPLE_BYTES = 8192;
/** Share of control bytes above which the input is binary, not text. */
const BINARY_CONTROL_SHARE = 0.1;

const MAGIC: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or DOCX/XLSX)'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'gzip-compressed data (decompress it first)'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Microsoft Office document'],
];

export function decodeBytes(buf: Uint8Array): Decoded {
  if (buf.length === 0) throw new InputError('empty input');
  for (const [sig, what] of MAGIC)
    if (sig.every((b, i) => buf[i] === b)) throw new InputError(`binary input (${what}): expected text or HTML`);

  // byte-order marks
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return decodeUtf8OrGuess(buf.subarray(3), 'utf-8 byte-order mark');
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), charset: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), charset: 'utf-16be' };

  const utf16 = utf16WithoutBom(buf);
  if (utf16)
    return {
      text: new TextDecoder(utf16).decode(buf),
      charset: utf16,
      warnings: [`no byte-order mark; read as ${utf16}`],
    };
  refuseBinary(buf);

  const declared = declaredCharset(buf);
  if (declared) {
    if (declared === 'utf-8') return decodeUtf8OrGuess(buf, 'declared utf-8');
    // A page declaring a single-byte charset but holding valid multi-byte UTF-8 was re-encoded
    // without fixing its <meta>; UTF-8 does not happen by accident.
    if (hasMultibyteUtf8(buf)) {
      const text = tryUtf8(buf);
      if (text !== null)
        return { text, charset: 'utf-8', warnings: [`declared ${declared} but the bytes are UTF-8; read as UTF-8`] };
    }
    return { text: new TextDecoder(declared).decode(buf), charset: declared };
  }
  return decodeUtf8OrGuess(buf, null);
}

function decodeUtf8OrGuess(buf: Uint8Array, why: string | null): Decoded {
  const text = tryUtf8(buf);
  if (text !== null) return { text, charset: 'utf-8' };
  const guess = guessSingleByte(buf);
  const warning = why
    ? `${why}, but the bytes are not valid UTF-8; read as ${guess}`
    : `no charset declared and not UTF-8; read as ${guess}`;
  return { text: new TextDecoder(guess).decode(buf), charset: guess, warnings: [warning] };
}

function tryUtf8(buf: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return null;
  }
}

function hasMultibyteUtf8(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 65536);
  for (let i = 0; i < n; i++) if (buf[i] >= 0xc2 && buf[i] <= 0xf4) return true;
  return false;
}

function refuseBinary(buf: Uint8Array): void {
  const sample = buf.subarray(0, BINARY_SAMPLE_BYTES);
  let nul = 0;
  let control = 0;
  for (const b of sample) {
    if (b === 0) nul++;
    else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  if (nul > 0) throw new InputError('binary input (NUL bytes found): expected text or HTML');
  if (control / sample.length > BINARY_CONTROL_SHARE)
    throw new InputError('binary input (control bytes found): expected text or HTML');
}

/** UTF-16 without a byte-order mark shows as ASCII with a NUL in every other byte. */
function utf16WithoutBom(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, BINARY_SAMPLE_BYTES) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul === 0) return 'utf-16be';
  return null;
}

/** The charset declared in the head of an HTML/XML document, as a WHATWG name, or null. */
export function declaredCharset(buf: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(buf.subarray(0, PRESCAN_BYTES));
  const m =
    /<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]{1,40})/i.exec(head) ??
    /<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]{1,40})/i.exec(head);
  if (!m) return null;
  try {
    const enc = new TextDecoder(m[1].toLowerCase()).encoding;
    // a page cannot declare itself UTF-16 in ASCII-compatible bytes (HTML standard): it is UTF-8
    return enc.startsWith('utf-16') ? 'utf-8' : enc;
  } catch {
    return null; // unknown label: fall back to detection
  }
}

/** Arabic letters ء…ي (U+0621–U+064A). */
const isArabicLetter = (c: number) => c >= 0x621 && c <= 0x64a;
const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** Which single-byte charset makes the bytes read most like Arabic text. windows-1256 and
 *  ISO-8859-6 agree on ء…ض (0xC1–0xD6) and differ after: ISO-8859-6 text read as windows-1256
 *  puts Latin letters (è é ê for و ى ي) inside Arabic words, and windows-1256 text read as
 *  ISO-8859-6 gives unassigned bytes and vowel marks where no letter precedes them. */
export function guessSingleByte(buf: Uint8Array): 'windows-1256' | 'iso-8859-6' | 'windows-1252' {
  const sample = buf.subarray(0, 65536);
  let best: 'windows-1256' | 'iso-8859-6' = 'windows-1256';
  let bestScore = -Infinity;
  let bestArabic = 0;
  for (const cs of ['windows-1256', 'iso-8859-6'] as const) {
    const s = new TextDecoder(cs).decode(sample);
    let arabic = 0;
    let bad = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const prev = i > 0 ? s.charCodeAt(i - 1) : 0x20;
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0x20;
      if (isArabicLetter(c)) {
        // an Arabic letter glued to a Latin one is an accented Western letter misread («Café»)
        if (isAsciiLetter(prev) || isAsciiLetter(next)) bad++;
        else arabic++;
      } else if (c === 0xfffd || (c >= 0x80 && c <= 0x9f)) bad++;
      else if (c >= 0x64b && c <= 0x652 && !(i > 0 && isArabicLetter(s.charCodeAt(i - 1)))) bad++;
      else if (
        c >= 0xc0 &&
        c <= 0xff &&
        ((i > 0 && isArabicLetter(s.charCodeAt(i - 1))) || isArabicLetter(s.charCodeAt(i + 1)))
      )
        bad++;
    }
    const score = arabic - 3 * bad;
    if (score > bestScore) {
      best = cs;
      bestScore = score;
      bestArabic = arabic;
    }
  }
  let high = 0;
  for (const b of sample) if (b >= 0x80) high++;
  // Few Arabic letters among the high bytes: a Western page (accents), not Arabic.
  return bestArabic > 0 && bestArabic >= high * 0.5 && bestScore > 0 ? best : 'windows-1252';
}
