// The gazetteer matcher: clitic-aware longest match over the document's tokens, with the
// ambiguity policies (never / context / block, minor places) applied.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newAnalysis, emptyArticle } from '../../src/analysis/create.js';
import type { Analysis, Mention } from '../../src/analysis/types.js';
import { loadKb } from '../../src/kb/index.js';
import { matchGazetteer } from '../../src/kb/match.js';
import { textStage } from '../../src/text/stage.js';

const kb = loadKb();

function analyse(text: string): Analysis {
  return textStage.run(newAnalysis(null, text, 'body', emptyArticle()), { referenceDate: null });
}

function match(text: string): Mention[] {
  return matchGazetteer(analyse(text), kb);
}

/** [surface, kbId] pairs of the non-person mentions. */
function found(text: string): [string, string | null][] {
  return match(text)
    .filter((m) => m.type !== 'PER')
    .map((m) => [m.text, m.kbId]);
}

describe('clitic-aware matching: the mention starts after the proclitic', () => {
  it.each([
    ['زار الوفد روسيا وكازاخستان', 'كازاخستان', 'iso:KZ'],
    ['علاقات موسكو لروسيا', 'روسيا', 'iso:RU'],
    ['التقى بوتين بالكرملين أمس', 'الكرملين', 'fac:kremlin'],
    ['سافر إلى بكين وموسكو', 'موسكو', 'gn:524901'],
    ['قدم طلبا إلى الهيئة ثم للأمم المتحدة', 'لأمم المتحدة', 'org:un'],
    ['وقال مصدر في ولوغانسك', 'لوغانسك', 'gn:702658'],
  ])('%s → %s', (text, surface, id) => {
    const m = match(text).find((x) => x.kbId === id);
    expect(m?.text).toBe(surface);
    expect(text.slice(m!.start, m!.end)).toBe(surface);
  });

  it('does not match a name inside a longer word', () => {
    expect(found('المصالح الروسية والكازاخستانية')).toEqual([]);
    expect(found('كازاخستانيون')).toEqual([]);
  });

  it('does not strip the article to reach a name written without it («اليورو» is not Yoro)', () => {
    expect(found('دول منطقة اليورو').map(([, id]) => id)).toEqual(['loc:eurozone']);
  });
});

describe('longest match over multi-word names', () => {
  it('takes the whole organisation name, not the words inside it', () => {
    expect(found('في قمة منظمة معاهدة الأمن الجماعي أمس')).toEqual([['منظمة معاهدة الأمن الجماعي', 'org:csto']]);
    expect(found('بيان مجلس الأمن الدولي')).toEqual([['مجلس الأمن الدولي', 'org:unsc']]);
  });

  it('finds the places and organisations named inside an event name as nested mentions', () => {
    expect(found('ندوات منتدى سانت بطرسبرغ الاقتصادي')).toEqual([
      ['منتدى سانت بطرسبرغ الاقتصادي', 'misc:spief'],
      ['سانت بطرسبرغ', 'gn:498817'],
    ]);
    expect(found('مبدأين في ميثاق الأمم المتحدة')).toEqual([
      ['ميثاق الأمم المتحدة', 'misc:un-charter'],
      ['الأمم المتحدة', 'org:un'],
    ]);
  });

  it('matches agency credits spelt with spaces or in Latin script', () => {
    expect(found('موسكو-أ ف ب')).toEqual([
      ['موسكو', 'gn:524901'],
      ['أ ف ب', 'org:afp'],
    ]);
    expect(found('صورة - AFP')).toEqual([['AFP', 'org:afp']]);
  });

  it('does not join words across sentences', () => {
    expect(found('تحدث باسم الأمم. المتحدة هي الجهة').map(([, id]) => id)).not.toContain('org:un');
  });
});

describe('ambiguous names', () => {
  it.each([
    ['لديه أمل كبير في السلام', []],
    ['كان الرئيس في العاصمة', []],
    ['تعزيز الأمن في المنطقة', []],
    ['زار المدينة القديمة', []],
    ['تكلف سيارة حديثة الكثير', []],
    ['يعد مسقط رأسه', []],
    ['بسبب القوة القاهرة', []],
    ['بلغ سعر الصرف 1.1 يورو', []],
  ])('«%s» yields no place or organisation', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('matches the same names where their kind is stated or the full name is used', () => {
    expect(found('قال مسؤول في حركة أمل')).toEqual([['حركة أمل', 'org:amal']]);
    expect(found('افتتاح مهرجان كان السينمائي')).toEqual([['مهرجان كان السينمائي', 'misc:cannes-festival']]);
    expect(found('زار المدينة المنورة')).toEqual([['المدينة المنورة', 'gn:109223']]);
    expect(found('وصل إلى مسقط أمس')).toEqual([]);
    expect(found('وصل إلى العاصمة العمانية مسقط')).toEqual([]);
    expect(found('القاهرة ترحب')).toEqual([['القاهرة', 'gn:360630']]);
  });

  it('matches a minor place only after a place cue or before its country', () => {
    const haditha = kb.lookup('حديثة').find((e) => e.country === 'IQ');
    expect(haditha?.minor).toBe(true);
    expect(found('سقطت قذيفة على مدينة حديثة')).toEqual([['حديثة', haditha!.id]]);
    expect(found('سقطت قذيفة على حديثة العراقية')).toEqual([['حديثة', haditha!.id]]);
    expect(found('سقطت قذيفة على أسلحة حديثة')).toEqual([]);
  });

  it('reads «فتح» as Fatah only after a cue', () => {
    expect(found('فتح المعبر')).toEqual([]);
    expect(found('قيادي في حركة فتح')).toEqual([['حركة فتح', 'org:fatah']]);
    expect(found('بين حماس وحركتي فتح')).toContainEqual(['فتح', 'org:fatah']);
  });
});

describe('mentions are well-formed', () => {
  it('carries kbId, type, subtype, sentence and source kb', () => {
    const [m] = match('جملة أولى.\nوصل الوفد إلى أورينبورج.');
    expect(m).toMatchObject({
      text: 'أورينبورج',
      kbId: 'gn:515003',
      type: 'LOC',
      subtype: 'CITY',
      source: 'kb',
      sentence: 1,
      entityId: null,
    });
    expect(m.confidence).toBeGreaterThan(0);
  });

  it('never crashes and keeps spans exact on arbitrary input', () => {
    const alphabet = fc.constantFrom(...'روسيا وكازاخستان الأمم المتحدة بالكرملين أ ف ب.،"\n\u0640\u064e😀x'.split(''));
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')),
        (text) => {
          for (const m of matchGazetteer(analyse(text), kb)) {
            expect(text.slice(m.start, m.end)).toBe(m.text);
            expect(m.start).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 200 },
    );
    expect(match('')).toEqual([]);
    expect(match('Hello world, no Arabic here.')).toEqual([]);
  });

  it('runs the text layer itself when the document has no tokens', () => {
    const doc = newAnalysis(null, 'زار الوفد روسيا', 'body', emptyArticle());
    expect(matchGazetteer(doc, kb).map((m) => m.kbId)).toEqual(['iso:RU']);
  });
});

const SEED = new URL('../../../shared/fixtures/seed/', import.meta.url);
const seedPresent = existsSync(new URL('gold.json', SEED));

describe.skipIf(!seedPresent)('seed article (needs ../shared/fixtures/seed)', () => {
  it('finds every gold place and organisation surface, linked to the right English name', () => {
    const gold = JSON.parse(readFileSync(new URL('gold.json', SEED), 'utf8'));
    const text = readFileSync(new URL('article.txt', SEED), 'utf8');
    const mentions = match(text);
    const problems: string[] = [];
    for (const ent of gold.entities.filter((e: { type: string }) => e.type !== 'PER')) {
      const names = [ent.en, ...(ent.en_aliases ?? [])];
      for (const surface of ent.mentions) {
        // The mention may carry a glued proclitic («لأمم المتحدة» is not in this article, but could be).
        const hit =
          mentions.find((m) => m.text === surface) ??
          mentions.find((m) => m.text.endsWith(surface) && m.text.length <= surface.length + 2);
        if (!hit) problems.push(`${ent.key}: «${surface}» not found`);
        else {
          const e = kb.get(hit.kbId!)!;
          if (!names.includes(e.en) && !(e.aliases_en ?? []).some((a) => names.includes(a)))
            problems.push(`${ent.key}: linked to ${e.id} (${e.en})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
