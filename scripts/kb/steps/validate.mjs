// Checks the assembled KB before it is written: required fields, id shapes, references.
const ID_SHAPES = /^(iso:[A-Z]{2}|iso2:[A-Z]{2}-[A-Z0-9]+|gn:\d+|(loc|water|fac|org|misc|norp|evt):[a-z0-9-]+)$/;
const TYPES = new Set(['LOC', 'ORG', 'MISC', 'PER']);

export function validate(entries) {
  const ids = new Set(entries.map((e) => e.id));
  const problems = [];
  for (const e of entries) {
    if (!ID_SHAPES.test(e.id)) problems.push(`${e.id}: id shape`);
    if (!TYPES.has(e.type)) problems.push(`${e.id}: type ${e.type}`);
    if (!e.en || !e.ar) problems.push(`${e.id}: missing en/ar`);
    if (!/[\u0621-\u064a]/.test(e.ar)) problems.push(`${e.id}: ar "${e.ar}" is not Arabic`);
    if (e.standsFor && !ids.has(e.standsFor)) problems.push(`${e.id}: standsFor ${e.standsFor} unknown`);
    if (e.country && !ids.has(`iso:${e.country}`)) problems.push(`${e.id}: country ${e.country} unknown`);
    if (e.wikidata !== undefined) problems.push(`${e.id}: wikidata given without a source`);
  }
  if (problems.length) throw new Error(`KB validation failed:\n  ${problems.join('\n  ')}`);
}
