// Reading the text layer's data files (data/text/), resolved from this module so that the same path
// works from src/ (tests) and from dist/ (the built package): both sit two levels below the root.
import { readFileSync } from 'node:fs';

/** The contents of `data/text/<name>` as UTF-8. Throws with the path when the file is missing. */
export function readTextData(name: string): string {
  const url = new URL(`../../data/text/${name}`, import.meta.url);
  try {
    return readFileSync(url, 'utf8');
  } catch (err) {
    throw new Error(`rasd text layer: cannot read data file ${url.pathname} (${(err as Error).message})`);
  }
}

/** Lines of a data file without comments (`#` at line start) and blank lines, trimmed. */
export function readTextDataLines(name: string): string[] {
  return readTextData(name)
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
}
