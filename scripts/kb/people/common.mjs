// Helpers shared by the people build and validation scripts (plain JS: scripts run without a build).
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The role vocabulary (data/kb/people/roles.json). */
export const ROLES = new Set(
  Object.keys(JSON.parse(readFileSync(join(ROOT, 'data', 'kb', 'people', 'roles.json'), 'utf8')).roles),
);

/** Roles that make a person a royal by default. */
export const ROYAL_ROLES = new Set(['king', 'queen', 'emir', 'sultan', 'prince', 'grand_duke', 'crown_prince']);

/**
 * A local copy of the matching normalisation specified for src/text/normalize.ts (normalizeArabic):
 * the scripts run as plain Node, without compiling TypeScript. The test suite checks the data again
 * with the real function, so a drift between the two is caught there.
 */
export function normalizeArabicLite(s) {
  return s
    .normalize('NFKC')
    .replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/\s+/g, ' ')
    .trim();
}

/** «Kassym-Jomart Tokayev» → «per:kassym-jomart-tokayev». */
export function personId(en) {
  const slug = en
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `per:${slug}`;
}
