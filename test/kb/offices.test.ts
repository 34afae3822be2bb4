import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { normalizeArabic } from '../../src/text/normalize.js';
import { tokenize } from '../../src/text/tokenize.js';
import type { KbEntry } from '../../src/kb/schema.js';
import {
  buildTitleLexicon,
  dayRange,
  holderAt,
  matchTitle,
  officeHolders,
  termsOf,
  titleLexicon,
  type TitleEntry,
} from '../../src/kb/offices.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PEOPLE_DIR = `${ROOT}data/kb/people/`;

/** The people entries, read straight from the region files (the KB loader is tested elsewhere). */
function loadPeople(): KbEntry[] {
  const out: KbEntry[] = [];
  for (const f of fs.readdirSync(PEOPLE_DIR).sort()) {
    if (!f.endsWith('.json')) continue;
    const v = JSON.parse(fs.readFileSync(PEOPLE_DIR + f, 'utf8'));
    if (Array.isArray(v) && v.length && typeof v[0].id === 'string' && v[0].type === 'PER') out.push(...v);
  }
  return out;
}

const people = loadPeople();
const index = officeHolders(people);
const norms = (text: string) => tokenize(text).map((t) => normalizeArabic(t.text));
const idOf = (e: KbEntry | null) => e?.id ?? null;

describe('holderAt: who held an office on a date', () => {
  const cases: Array<[string, string, { country?: string; org?: string }, string, string | null]> = [
    ['Russian president at the seed date', 'president', { country: 'RU' }, '2022-11-28', 'per:vladimir-putin'],
    ['Kazakh president at the seed date', 'president', { country: 'KZ' }, '2022-11-28', 'per:kassym-jomart-tokayev'],
    ['British PM during Truss', 'prime_minister', { country: 'GB' }, '2022-10-01', 'per:liz-truss'],
    ['British PM after Truss', 'prime_minister', { country: 'GB' }, '2022-11-01', 'per:rishi-sunak'],
    ['British PM in 2019 before Johnson', 'prime_minister', { country: 'GB' }, '2019-06-01', 'per:theresa-may'],
    [
      'US president the day before the 2021 inauguration',
      'president',
      { country: 'US' },
      '2021-01-19',
      'per:donald-trump',
    ],
    ['US president the day after the 2021 inauguration', 'president', { country: 'US' }, '2021-01-21', 'per:joe-biden'],
    [
      'US president on inauguration day goes to the incoming one',
      'president',
      { country: 'US' },
      '2021-01-20',
      'per:joe-biden',
    ],
    ['Kazakh president for the year 2018', 'president', { country: 'KZ' }, '2018', 'per:nursultan-nazarbayev'],
    ['Kazakh president for the year 2022', 'president', { country: 'KZ' }, '2022', 'per:kassym-jomart-tokayev'],
    [
      'month precision: Britain, October 2022 (Truss 24 days, Sunak 7)',
      'prime_minister',
      { country: 'GB' },
      '2022-10',
      'per:liz-truss',
    ],
    [
      'organisation office: UN Secretary-General',
      'secretary_general',
      { org: 'org:un' },
      '2016-06-15',
      'per:ban-ki-moon',
    ],
    [
      'envoy office scoped by org and country',
      'envoy',
      { org: 'org:un', country: 'SY' },
      '2016-01-01',
      'per:staffan-de-mistura',
    ],
    [
      'fallback role: «president» of Sudan is the council chairman',
      'president',
      { country: 'SD' },
      '2022-01-01',
      'per:abdel-fattah-al-burhan',
    ],
    [
      'fallback role: «king» of Britain in 2020 is the queen',
      'king',
      { country: 'GB' },
      '2020-01-01',
      'per:elizabeth-ii',
    ],
    ['declared vacancy: Lebanon had no president in 2015', 'president', { country: 'LB' }, '2015-06-01', null],
    ['nobody before the data start', 'president', { country: 'US' }, '1950-01-01', null],
    ['unknown office', 'president', { country: 'ZZ' }, '2020-01-01', null],
    ['malformed date', 'president', { country: 'US' }, 'yesterday', null],
  ];
  it.each(cases)('%s', (_name, role, scope, date, expected) => {
    expect(idOf(holderAt(index, role, scope, date))).toBe(expected);
  });

  it('prefers the interim holder whose term contains the day and started last', () => {
    const a: KbEntry = {
      id: 'per:a',
      type: 'PER',
      subtype: null,
      en: 'A',
      ar: 'أ',
      offices: [{ role: 'president', country: 'XX', start: '2010-01-01', end: null }],
    };
    const b: KbEntry = {
      id: 'per:b',
      type: 'PER',
      subtype: null,
      en: 'B',
      ar: 'ب',
      offices: [{ role: 'president', country: 'XX', start: '2015-03', end: '2015-06' }],
    };
    const idx = officeHolders([a, b]);
    expect(idOf(holderAt(idx, 'president', { country: 'XX' }, '2015-04-10'))).toBe('per:b');
    expect(idOf(holderAt(idx, 'president', { country: 'XX' }, '2015-06-01'))).toBe('per:a');
    expect(idOf(holderAt(idx, 'president', { country: 'XX' }, '2014'))).toBe('per:a');
  });

  it('never throws and returns a real holder or null, whatever the date string', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom('president', 'prime_minister', 'foreign_minister', 'nope'),
        (date, role) => {
          const r = holderAt(index, role, { country: 'US' }, date);
          expect(r === null || typeof r.id === 'string').toBe(true);
        },
      ),
    );
  });

  it('returns for any day 2010–2024 the one US president whose term contains it', () => {
    const terms = termsOf(index, 'president', { country: 'US' });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2024, 11, 31) }), (t) => {
        const day = new Date(t).toISOString().slice(0, 10);
        const holder = holderAt(index, 'president', { country: 'US' }, day);
        const d = dayRange(day)![0];
        const containing = terms.filter((x) => x.from <= d && d < x.until).map((x) => x.person.id);
        expect(containing).toEqual([holder!.id]);
      }),
    );
  });
});

describe('matchTitle: title phrases in normalised tokens', () => {
  const cases: Array<[string, string, Partial<ReturnType<typeof matchTitle> & object> | null]> = [
    ['definite title + nisba', 'الرئيس الروسي فلاديمير بوتين', { role: 'president', length: 1, countryHint: 'nisba' }],
    ['construct title + genitive', 'رئيس كازاخستان', { role: 'president', length: 1, countryHint: 'genitive' }],
    [
      'longest match: prime minister, not president',
      'رئيس الوزراء البريطاني',
      { role: 'prime_minister', length: 2, countryHint: 'nisba' },
    ],
    ['construct prime minister', 'رئيس وزراء بريطانيا', { role: 'prime_minister', length: 2, countryHint: 'genitive' }],
    [
      'feminine form',
      'وزيرة الخارجية الألمانية',
      { role: 'foreign_minister', length: 2, gender: 'f', countryHint: 'nisba' },
    ],
    [
      'foreign minister, construct',
      'وزير خارجية روسيا',
      { role: 'foreign_minister', length: 2, countryHint: 'genitive' },
    ],
    ['monarch by «العاهل»', 'العاهل الأردني', { role: 'king', length: 1, countryHint: 'nisba' }],
    ['emir of a country', 'أمير قطر', { role: 'emir', length: 1, countryHint: 'genitive' }],
    ['crown prince', 'ولي العهد السعودي', { role: 'crown_prince', length: 2, countryHint: 'nisba' }],
    [
      'organisation fixed by the phrase',
      'الأمين العام للأمم المتحدة أنطونيو غوتيريش',
      { role: 'secretary_general', length: 4, org: 'org:un' },
    ],
    ['country fixed by the phrase', 'مرشد الثورة علي خامنئي', { role: 'supreme_leader', length: 2, country: 'IR' }],
    ['conjunction on the first token', 'والرئيس الروسي', { role: 'president', length: 1, prefix: 1 }],
    ['preposition with the article folded (لل)', 'للرئيس الأمريكي', { role: 'president', length: 1, prefix: 1 }],
    ['hamza and diacritics do not matter', 'الرَّئِيس', { role: 'president', length: 1 }],
    ['vice president is longer than president', 'نائب الرئيس الأمريكي', { role: 'vice_president', length: 2 }],
    [
      'chancellor needs its complement',
      'المستشار الألماني',
      { role: 'chancellor', needsComplement: true, countryHint: 'nisba' },
    ],
    ['not a title', 'قال مسؤول روسي', null],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    const m = matchTitle(norms(text), 0);
    if (expected === null) expect(m).toBeNull();
    else expect(m).toMatchObject(expected);
  });

  it('finds a title in the middle of a sentence and reports its length in tokens', () => {
    const toks = norms('وقال وزير الخارجية الأمريكي أنتوني بلينكن');
    expect(matchTitle(toks, 0)).toBeNull();
    expect(matchTitle(toks, 1)).toMatchObject({ role: 'foreign_minister', length: 2 });
  });

  it('never throws on arbitrary token arrays and positions', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.integer({ min: -3, max: 20 }), (toks, i) => {
        const m = matchTitle(toks, i);
        if (m) expect(m.length).toBeGreaterThan(0);
      }),
    );
  });

  it('builds from its own entries (a lexicon is data, not code)', () => {
    const lex = buildTitleLexicon([{ m: 'عمدة', f: 'عمدة', role: 'mayor', follow: 'genitive' } as TitleEntry]);
    expect(matchTitle(norms('عمدة لندن'), 0, lex)).toMatchObject({ role: 'mayor', countryHint: 'genitive' });
  });
});

describe('data/kb/titles.json', () => {
  const roles = new Set(Object.keys(JSON.parse(fs.readFileSync(`${PEOPLE_DIR}roles.json`, 'utf8')).roles));
  const doc = JSON.parse(fs.readFileSync(`${ROOT}data/kb/titles.json`, 'utf8')) as {
    titles: TitleEntry[];
    source: string;
    license: string;
  };
  it('states its source and licence', () => {
    expect(doc.source).toBeTruthy();
    expect(doc.license).toBeTruthy();
  });
  it.each(doc.titles.map((t) => [t.m, t] as const))('«%s» uses a known role and a well-formed scope', (_m, t) => {
    expect(roles.has(t.role) || t.role === 'mayor').toBe(true);
    expect(['nisba', 'genitive', 'none']).toContain(t.follow);
    if (t.org) expect(t.org).toMatch(/^org:[a-z0-9-]+$/);
    if (t.country) expect(t.country).toMatch(/^[A-Z]{2}$/);
    expect(normalizeArabic(t.m).trim().length).toBeGreaterThan(0);
  });
  it('every phrase is reachable: matchTitle finds each form as written', () => {
    const lex = titleLexicon();
    for (const t of doc.titles) {
      for (const form of [t.m, t.f].filter((x): x is string => !!x)) {
        const toks = norms(form);
        const m = matchTitle(toks, 0, lex);
        expect(m, form).not.toBeNull();
        expect(m!.length, form).toBe(toks.length);
      }
    }
  });
});

describe('data/kb/people', () => {
  it('is at least 1,500 people', () => {
    expect(people.length).toBeGreaterThanOrEqual(1500);
  });

  it('links every spelling of the seed names to one person', () => {
    const byForm = new Map<string, Set<string>>();
    for (const p of people) {
      for (const form of [p.ar, ...(p.aliases_ar ?? [])]) {
        const k = normalizeArabic(form);
        if (!byForm.has(k)) byForm.set(k, new Set());
        byForm.get(k)!.add(p.id);
      }
    }
    const one = (form: string) => [...(byForm.get(normalizeArabic(form)) ?? [])];
    for (const f of ['قاسم جومارت توكاييف', 'قاسم توكاييف', 'توكاييف', 'توكايف'])
      expect(one(f), f).toEqual(['per:kassym-jomart-tokayev']);
    for (const f of ['فلاديمير بوتين', 'بوتين']) expect(one(f), f).toEqual(['per:vladimir-putin']);
    for (const f of ['ترامب', 'ترمب', 'دونالد ترامب']) expect(one(f), f).toEqual(['per:donald-trump']);
    for (const f of ['بن سلمان', 'محمد بن سلمان']) expect(one(f), f).toEqual(['per:mohammed-bin-salman']);
  });

  it('shares an Arabic form between people only where ambiguous.json says so (real normaliser)', () => {
    const declared = new Set(
      (JSON.parse(fs.readFileSync(`${PEOPLE_DIR}ambiguous.json`, 'utf8')) as Array<{ form: string }>).map((a) =>
        normalizeArabic(a.form),
      ),
    );
    const owners = new Map<string, Set<string>>();
    for (const p of people) {
      for (const form of new Set([p.ar, ...(p.aliases_ar ?? [])].map((f) => normalizeArabic(f)))) {
        if (!owners.has(form)) owners.set(form, new Set());
        owners.get(form)!.add(p.id);
      }
    }
    const undeclared = [...owners].filter(([form, ids]) => ids.size > 1 && !declared.has(form)).map(([form]) => form);
    expect(undeclared).toEqual([]);
  });

  it('is what the sources build, and passes the validator', () => {
    // Both scripts exit non-zero on a problem; execFileSync throws then, with their output.
    execFileSync(process.execPath, [`${ROOT}scripts/kb/people/build.mjs`, '--check'], { encoding: 'utf8' });
    const report = execFileSync(process.execPath, [`${ROOT}scripts/kb/people/validate.mjs`, '--quiet'], {
      encoding: 'utf8',
    });
    expect(report).not.toContain('ERRORS');
  });
});
