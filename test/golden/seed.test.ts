// Golden test on the founding sample article (examples/seed-article.txt, a scraped AFP story):
// the whole pipeline, every layer. When ../shared is present the official scorer runs too.
import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { analyze } from '../../src/analyze.js';
import { toContract } from '../../src/analysis/serialize.js';

const ROOT = resolve(__dirname, '../..');
const text = readFileSync(resolve(ROOT, 'examples/seed-article.txt'), 'utf8');
const a = analyze({ id: 'seed', text });
const ids = new Set(a.entities.map((e) => e.id));
const speakerOf = (q: string) => a.quotes.find((x) => x.text.includes(q))?.speaker;

describe('seed article: page', () => {
  it('has the clean article fields', () => {
    expect(a.article.title).toBe('روسيا وكازاخستان.. "شراكة استراتيجية" بعد خلاف بشأن أوكرانيا');
    expect(a.article.published?.slice(0, 10)).toBe('2022-11-28');
    expect(a.article.reading_minutes).toBe(4);
    expect(a.article.dateline).toMatchObject({ place: 'موسكو', agency: 'AFP' });
    expect(a.article.captions).toHaveLength(1);
    expect(a.article.captions[0].credit).toBe('AFP');
    expect(a.article.subheadings).toHaveLength(2);
    expect(a.article.paragraphs).toHaveLength(11);
    const all = [a.article.title, ...a.article.subheadings, ...a.article.paragraphs].join('\n');
    for (const debris of ['time reading icon', 'اقرأ أيضاً', 'تصنيفات']) expect(all).not.toContain(debris);
  });
  it('keeps every span exact', () => {
    const c = toContract(a) as { text: string; entities: { mentions: { start: number; end: number; text: string }[] }[] };
    for (const e of c.entities) for (const m of e.mentions) expect(c.text.slice(m.start, m.end)).toBe(m.text);
    for (const layer of [a.quotes, a.times, a.amounts]) for (const s of layer) expect(a.text.slice(s.start, s.end)).toBe(s.text);
    for (const e of a.events) expect(a.text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
  });
});

describe('seed article: entities', () => {
  it('links every person, place and organisation', () => {
    for (const id of ['per:vladimir-putin', 'per:kassym-jomart-tokayev', 'iso:RU', 'iso:KZ', 'iso:UA', 'org:afp', 'org:csto', 'org:un', 'fac:kremlin', 'loc:central-asia'])
      expect(ids).toContain(id);
  });
  it('groups «رئيس كازاخستان» with Tokayev', () => {
    const t = a.entities.find((e) => e.id === 'per:kassym-jomart-tokayev')!;
    expect(t.mentions.map((m) => m.text)).toEqual(expect.arrayContaining(['قاسم جومارت توكاييف', 'توكاييف', 'رئيس كازاخستان']));
  });
});

describe('seed article: quotes, times, amounts, events', () => {
  it('attributes the quotes', () => {
    expect(speakerOf('روسيا كانت وستظل الشريك الاستراتيجي الرئيسي')).toBe('per:kassym-jomart-tokayev');
    expect(speakerOf('الطابع الخاص')).toBe('per:vladimir-putin');
    expect(a.quotes.some((q) => q.text.includes('منتدى سانت بطرسبرغ'))).toBe(false);
  });
  it('resolves times against the publication date', () => {
    const v = (t: string) => a.times.find((x) => x.text === t)?.value;
    expect(v('الاثنين')).toBe('2022-11-28');
    expect(v('الأسبوع الماضي')).toBe('2022-W47');
    expect(v('يونيو الماضي')).toBe('2022-06');
    expect(v('الشهر ذاته')).toBe('2022-06');
    expect(a.times.find((x) => x.text === 'نهاية سبتمبر')).toMatchObject({ value: '2022-09', mod: 'END' });
  });
  it('reads the amounts', () => {
    expect(a.amounts.find((m) => m.text === 'من 500 إلى 600')).toMatchObject({ low: 500, high: 600, of: 'دولة' });
    expect(a.amounts.find((m) => m.text === 'عشرات الآلاف')).toMatchObject({ low: 10000, high: 99999 });
  });
  it('codes the main events', () => {
    const has = (type: string, actor: string, date: string) =>
      a.events.some((e) => e.type === type && (e.actor.includes(actor) || e.recipient.includes(actor)) && e.date?.startsWith(date));
    expect(has('CONSULT', 'per:kassym-jomart-tokayev', '2022-11-28')).toBe(true);
    expect(has('REJECT', 'per:kassym-jomart-tokayev', '2022-06')).toBe(true);
    expect(has('MOBILIZE', 'per:vladimir-putin', '2022-09')).toBe(true);
    for (const e of a.events) expect(e.cameo).toBeTruthy();
  });
});

const SCORER = resolve(ROOT, '../shared/eval/score.mjs');
const GOLD = resolve(ROOT, '../shared/fixtures/seed/gold.json');
describe.skipIf(!existsSync(SCORER) || !existsSync(resolve(ROOT, 'dist/cli/main.js')))('seed article: official scorer (skipped: ../shared/eval or dist/ absent)', () => {
  it('scores 100 on every layer with no offset errors', () => {
    const r = spawnSync(process.execPath, [SCORER, '--cmd', `node ${resolve(ROOT, 'dist/cli/main.js')} analyze --jsonl`, GOLD], { encoding: 'utf8' });
    const summary = r.stdout.trim().split('\n').pop()!;
    expect(summary).toBe('summary: body 100.0 entities 100.0 quotes 100.0/100.0 times 100.0/100.0 amounts 100.0 events 100.0 offset_errors 0');
  });
});
