// The input record of the batch contract (../shared/eval/CONTRACT.md) and of the library API.

export interface InputRecord {
  id?: string | null;
  /** Raw page text as scraped: the page parser runs. */
  text?: string;
  /** A page's HTML: the HTML extractor runs. */
  html?: string;
  /** Plain body text, already clean: no page parsing, no title guessing. */
  body?: string;
  /** Optional title when the caller knows it (with `body`). */
  title?: string;
  /** Optional ISO date or datetime of publication. */
  published?: string;
  /** Optional URL of the page (with `html`). */
  url?: string;
}

/** Largest input accepted, in UTF-16 code units (≈ characters). Larger inputs are refused. */
export const MAX_INPUT_CHARS = 5_000_000;
/** Largest raw file accepted by the CLI, in bytes (HTML pages can be heavy with scripts). */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
