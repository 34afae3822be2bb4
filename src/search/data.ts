// Reading the search layer's data files (data/search/), resolved from this module so that the same
// path works from src/ (tests) and from dist/ (the built package): both sit two levels below the root.
import { readFileSync } from 'node:fs';

/** Lines of `data/search/<name>` without comments (`#` at line start) and blank lines, trimmed. */
export function readSearchDataLines(name: string): string[] {
  const url = new URL(`../../data/search/${name}`, import.meta.url);
  let text: string;
  try {
    text = readFileSync(url, 'utf8');
  } catch (err) {
    throw new Error(`rasd search: cannot read data file ${url.pathname} (${(err as Error).message})`);
  }
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}
