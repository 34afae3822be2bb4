// What sources need from the ingest run, and the events they yield besides items and rejects.
import type { ByteProgress, SourceEvent } from '../types.js';

export interface ConditionalState {
  etag: string | null;
  lastModified: string | null;
}

export interface SourceContext {
  /** True when a raw record with this hash was ingested before: it is skipped unparsed. */
  isSeen(rawHash: string): boolean;
  /** ETag / Last-Modified remembered for a URL (feeds and pages). */
  conditional(url: string): ConditionalState | null;
  progress: ByteProgress;
  /** Per request, body included. */
  timeoutMs: number;
  /** A feed item whose own content has at least this many characters of text is ingested from the
   *  feed; shorter items (teasers) are fetched from their link. */
  feedContentMinChars: number;
  /** A line for the log (stderr). */
  log(message: string): void;
}

/** A record skipped before parsing because its raw hash was ingested before. */
export interface SeenEvent {
  kind: 'seen';
  origin: string;
  rawHash: string;
}

/** A URL whose items have all been yielded: remember its conditional-GET validators once they are
 *  stored. `complete` is false when some item failed for a reason that may pass (network), so that
 *  the next run fetches the feed again instead of getting 304. */
export interface CheckpointEvent {
  kind: 'checkpoint';
  url: string;
  etag: string | null;
  lastModified: string | null;
  complete: boolean;
}

export type ReadEvent = SourceEvent | SeenEvent | CheckpointEvent;
