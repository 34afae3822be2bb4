// Bytes → string for file and stdin input: refuses binary, detects the charset.
// (First cut: UTF-8 only; windows-1256 / ISO-8859-6 detection belongs here.)
import { InputError } from '../analysis/errors.js';

export interface Decoded {
  text: string;
  charset: string;
}

export function decodeBytes(buf: Uint8Array): Decoded {
  if (buf.length === 0) throw new InputError('empty input');
  const sample = buf.subarray(0, 8192);
  let nul = 0;
  for (const b of sample) if (b === 0) nul++;
  if (nul > 0) throw new InputError('binary input (NUL bytes found): expected text or HTML');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), charset: 'utf-8' };
  } catch {
    throw new InputError('input is not valid UTF-8 and no other charset was recognised');
  }
}
