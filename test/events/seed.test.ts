// The founding sample through the page parser and the text stage, with its entities and times marked
// by hand: the event layer alone must code the gold events (entity and time stages are tested apart).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/page/index.js';
import { eventStage } from '../../src/events/index.js';
import { annotate, type EntitySpec } from './helpers.js';

const SEED = new URL('../../examples/seed-article.txt', import.meta.url);

const entities: EntitySpec[] = [
  { id: 'putin', type: 'PER', names: ['فلاديمير بوتين', 'بوتين'] },
  { id: 'tokayev', type: 'PER', names: ['قاسم جومارت توكاييف', 'قاسم توكاييف', 'توكاييف', 'رئيس كازاخستان'] },
  { id: 'russia', type: 'LOC', subtype: 'GPE', names: ['روسيا'] },
  { id: 'kazakhstan', type: 'LOC', subtype: 'GPE', names: ['كازاخستان'] },
  { id: 'ukraine', type: 'LOC', subtype: 'GPE', names: ['أوكرانيا'] },
  { id: 'moscow', type: 'LOC', subtype: 'CITY', names: ['موسكو'], standsFor: 'russia' },
  { id: 'astana', type: 'LOC', subtype: 'CITY', names: ['أستانا'], standsFor: 'kazakhstan' },
  { id: 'luhansk', type: 'LOC', names: ['لوغانسك'] },
  { id: 'donetsk', type: 'LOC', names: ['دونيتسك'] },
  { id: 'kremlin', type: 'LOC', subtype: 'FAC', names: ['الكرملين'], standsFor: 'russia' },
  { id: 'csto', type: 'ORG', names: ['منظمة معاهدة الأمن الجماعي'] },
  { id: 'un', type: 'ORG', names: ['الأمم المتحدة'] },
];
const times: Array<[string, string]> = [
  ['28 نوفمبر 2022', '2022-11-28'],
  ['الاثنين', '2022-11-28'],
  ['الأسبوع الماضي', '2022-W47'],
  ['نهاية سبتمبر', '2022-09'],
  ['يونيو الماضي', '2022-06'],
  ['الشهر ذاته', '2022-06'],
];

describe.skipIf(!existsSync(SEED))('seed article (examples/seed-article.txt)', () => {
  const doc = annotate(parseInput({ text: existsSync(SEED) ? readFileSync(SEED, 'utf8') : '' }), { entities, times });
  const events = eventStage.run(doc, { referenceDate: doc.article.published }).events;
  const summary = events.map((e) => `${e.type} ${e.actor.join('+')}>${e.recipient.join('+')} ${e.date}`);

  it.each([
    ['CONSULT putin>tokayev 2022-11-28', 'the handshake (caption) and the Kremlin meeting, once'],
    ['SUPPORT putin+tokayev> 2022-11-28', 'showed unity by praising their relations'],
    ['SUPPORT putin>russia+kazakhstan 2022-11-28', 'praised the special character of relations'],
    ['REQUEST tokayev> 2022-W47', 'called for a collective search for peace'],
    ['MOBILIZE putin> 2022-09', 'the partial mobilisation Putin announced'],
    ['REJECT kazakhstan>russia 2022-06', 'refused to support Russia'],
    ['REJECT tokayev>luhansk+donetsk 2022-06', 'refused to recognise Luhansk and Donetsk'],
  ])('%s (%s)', (want) => {
    expect(summary).toContain(want);
  });

  it('codes nothing from the quotes, the headline or the subheadings, and nothing twice', () => {
    expect(events.every((e) => e.factuality === 'asserted' && !e.negated)).toBe(true);
    expect(new Set(summary).size).toBe(summary.length);
    expect(events.length).toBeLessThanOrEqual(11);
  });
});
