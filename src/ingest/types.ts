// What sources yield and what the ingest reports.
import type { InputRecord } from '../analysis/input.js';

/** One article to analyse, as a source read it. */
export interface SourceItem {
  kind: 'item';
  /** Where it came from, for messages: «corpus.jsonl.gz:123», a file path, a URL. */
  origin: string;
  /** The caller's id: the record's id, the file path or the URL. */
  sourceId: string;
  /** What analyze() receives (its id is sourceId). */
  record: InputRecord;
  outlet: string | null;
  url: string | null;
  category: string | null;
  /** When the item was first seen (a crawl time, a feed's fetch time), ISO; used for story
   *  clustering when the record has no publication date. Not passed to the analysis. */
  seenAt: string | null;
  /** SHA-256 of the raw record: a record ingested before is skipped before analysis. */
  rawHash: string;
  /** Problems met while reading it, added to the analysis warnings (e.g. a date that was ignored). */
  notes?: string[];
}

/** Why an item was refused. Stable codes for scripts; `reason` says it for a person. */
export type RejectCode =
  | 'unreadable' // file or folder cannot be read
  | 'unsupported' // a file type rasd does not ingest (image, archive…)
  | 'gzip-corrupt'
  | 'json-invalid' // a JSONL line that is not JSON
  | 'record-invalid' // JSON that is not an article record
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'fetch-failed' // network error, DNS, refused connection
  | 'fetch-timeout'
  | 'http-status' // non-2xx answer
  | 'feed-invalid'
  | 'analysis-refused' // the analysis refused the input (InputError)
  | 'analysis-error' // the analysis crashed on it (a bug: please report)
  | 'analysis-timeout'
  | 'store-failed'; // the database refused the write (disk full, constraint…)

export interface SourceReject {
  kind: 'reject';
  origin: string;
  sourceId: string | null;
  code: RejectCode;
  reason: string;
}

export type SourceEvent = SourceItem | SourceReject;

/** Progress of reading the inputs, in bytes of input files (compressed bytes for .gz). */
export interface ByteProgress {
  /** Total bytes of all input files (0 when unknown, e.g. only URLs). */
  total: number;
  read: number;
}
