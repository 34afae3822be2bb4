#!/usr/bin/env node
// PROTEST / ASSAULT detection on the UniversalPetrarch Arabic gold sentences
// (../shared/data/events/universalpetrarch-arabic/arabic_event_gold.jsonl, MIT; text for internal
// testing only).
//
//   npx tsc -p tsconfig.json && node eval/events.mjs [--verbose] [--heldout]
//
// Splits: DEV = records on odd line numbers (1st, 3rd, … 1-based), the only ones rules were tuned on;
// HELD-OUT = even line numbers, scored only with --heldout (report only, never tuned on).
//
// Each sentence is analysed alone as a body (`analyze({ body, published })`, the whole pipeline), then
// the event stage is run again with `requireActor: false`: many gold sentences have no named actor
// («مسلحون», «المتظاهرون»), and this measures trigger detection and typing, not actor attribution.
// A sentence counts as detected for type T when a non-negated event of type T is coded in it.
// Every sentence is labelled PROTEST or ASSAULT, so precision for one type is measured against the
// sentences of the other (a riot with deaths coded ASSAULT counts as a false alarm: pessimistic).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const goldPath = resolve(root, '../shared/data/events/universalpetrarch-arabic/arabic_event_gold.jsonl');
const verbose = process.argv.includes('--verbose');
const heldout = process.argv.includes('--heldout');
if (!existsSync(goldPath)) {
  console.log(`skipped: Arabic event gold not found at ${goldPath}`);
  process.exit(0);
}
for (const p of ['dist/analyze.js', 'dist/events/index.js']) {
  if (!existsSync(resolve(root, p))) {
    console.log('skipped: build first (npx tsc -p tsconfig.json)');
    process.exit(0);
  }
}
const { analyze } = await import(resolve(root, 'dist/analyze.js'));
const { createEventStage } = await import(resolve(root, 'dist/events/index.js'));
const detector = createEventStage({ requireActor: false });

const TYPES = ['PROTEST', 'ASSAULT'];
const lines = readFileSync(goldPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim());
// line numbers are 1-based: index 0 is line 1 (odd, dev)
const split = lines.filter((_, i) => (heldout ? i % 2 === 1 : i % 2 === 0)).map((l) => JSON.parse(l));

const isoDate = (d) => (/^\d{8}$/.test(d ?? '') ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : undefined);

const tally = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
let withActor = 0;
let actorAgrees = 0;
/** Folded words of a text without a glued و/ف/ب/ل/ال, for comparing actor words with gold source words. */
const words = (text) =>
  text
    .normalize('NFKC')
    .replace(/[\u064B-\u0652\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .split(/[^\p{L}]+/u)
    .map((w) => w.replace(/^(وال|بال|لل|فال|ال|و|ف|ب|ل)(?=.{3})/, ''))
    .filter((w) => w.length >= 3);
const errors = [];
const t0 = Date.now();
for (const rec of split) {
  const doc = analyze({ body: rec.text, published: isoDate(rec.date) });
  const events = detector.run(doc, { referenceDate: doc.article.published }).events;
  // what the pipeline itself keeps: events of the gold type with a named actor, and whether that actor
  // is the annotated source (one of its mention words among the gold source words)
  const kept = doc.events.filter((e) => e.type === rec.category && !e.negated);
  if (kept.length) {
    withActor++;
    const gold = new Set(words(rec.events.map((e) => e.source_text ?? '').join(' ')));
    const mentionWords = (id) => (doc.entities.find((x) => x.id === id)?.mentions ?? []).flatMap((m) => words(m.text));
    const agrees = kept.some((e) => e.actor.some((id) => mentionWords(id).some((w) => gold.has(w))));
    if (agrees) actorAgrees++;
    else errors.push(`ACTOR? ${rec.category} ${kept.map((e) => e.actor.join('+')).join(' | ')} vs gold «${rec.events[0]?.source_text ?? '—'}» ${rec.text.slice(0, 100)}`);
  }
  for (const type of TYPES) {
    const found = events.filter((e) => e.type === type && !e.negated);
    const gold = rec.category === type;
    const t = tally[type];
    if (found.length && gold) t.tp++;
    else if (found.length) {
      t.fp++;
      errors.push(`FP ${type} [${found.map((e) => e.trigger.text).join(', ')}] ${rec.text.slice(0, 140)}`);
    } else if (gold) {
      t.fn++;
      errors.push(`FN ${type} (gold trigger: ${rec.events[0]?.event_text ?? '—'}) ${rec.text.slice(0, 140)}`);
    }
  }
}
const f = (x) => x.toFixed(3);
console.log(
  `events: ${heldout ? 'HELD-OUT (even lines)' : 'DEV (odd lines)'} — ${split.length} sentences, ${((Date.now() - t0) / 1000).toFixed(1)} s`,
);
let all = { tp: 0, fp: 0, fn: 0 };
for (const type of TYPES) {
  const { tp, fp, fn } = tally[type];
  all = { tp: all.tp + tp, fp: all.fp + fp, fn: all.fn + fn };
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  console.log(
    `  ${type.padEnd(8)} P ${f(p)}  R ${f(r)}  F1 ${f(p + r ? (2 * p * r) / (p + r) : 0)}  (tp ${tp} fp ${fp} fn ${fn})`,
  );
}
const p = all.tp / (all.tp + all.fp || 1);
const r = all.tp / (all.tp + all.fn || 1);
console.log(`  micro    P ${f(p)}  R ${f(r)}  F1 ${f(p + r ? (2 * p * r) / (p + r) : 0)}`);
console.log(
  `  pipeline output (named actor required): gold-type event in ${withActor}/${split.length} sentences, actor = annotated source in ${actorAgrees}/${withActor}`,
);
if (verbose) for (const e of errors) console.log('  ' + e);
