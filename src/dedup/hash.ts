// The raw-record hash: a source record seen before (the same JSONL line, the same file bytes, the
// same feed item) is skipped before analysis. (The content hash of the clean text, which makes the
// store idempotent, is the store's: src/store/prepare.ts `contentHash`.)
import { createHash } from 'node:crypto';

/** SHA-256 (hex) of raw source bytes or text, parts separated so ("ab","c") ≠ ("a","bc"). */
export function rawHash(...parts: Array<string | Uint8Array>): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(p);
    h.update('\u0000');
  }
  return h.digest('hex');
}
