// The KB loader: lookups by any spelling, nisba adjectives, ISO codes, metonyms.
import { describe, expect, it } from 'vitest';
import { loadKb, nameKey } from '../../src/kb/index.js';

const kb = loadKb();
const first = (name: string) => kb.lookup(name)[0]?.id;

describe('kb.lookup: variants of one name find one entry', () => {
  it.each([
    ['الولايات المتحدة', 'iso:US'],
    ['الولايات المتحدة الأمريكية', 'iso:US'],
    ['أمريكا', 'iso:US'],
    ['أميركا', 'iso:US'],
    ['امريكا', 'iso:US'], // hamza-less spelling, folded by normalisation
    ['بريطانيا', 'iso:GB'],
    ['المملكة المتحدة', 'iso:GB'],
    ['السعودية', 'iso:SA'],
    ['المملكة العربية السعودية', 'iso:SA'],
    ['الإمارات', 'iso:AE'],
    ['كوريا الشمالية', 'iso:KP'],
    ['روسيا الاتحادية', 'iso:RU'],
    ['قازاقستان', 'iso:KZ'],
    ['فلسطين', 'iso:PS'],
    ['ناتو', 'org:nato'],
    ['الناتو', 'org:nato'],
    ['حلف شمال الأطلسي', 'org:nato'],
    ['NATO', 'org:nato'],
    ['أ ف ب', 'org:afp'],
    ['فرانس برس', 'org:afp'],
    ['AFP', 'org:afp'],
    ['منظمة معاهدة الأمن الجماعي', 'org:csto'],
    ['داعش', 'org:isis'],
    ['تنظيم الدولة', 'org:isis'],
    ['أنصار الله', 'org:houthis'],
    ['قسد', 'org:sdf'],
    ['أورينبورج', 'gn:515003'],
    ['أورنبورغ', 'gn:515003'],
    ['لوغانسك', 'gn:702658'],
    ['لوهانسك', 'gn:702658'],
    ['خاركيف', 'gn:706483'],
    ['خاركوف', 'gn:706483'],
    ['أستانا', 'gn:1526273'],
    ['نور سلطان', 'gn:1526273'],
    ['آسيا الوسطى', 'loc:central-asia'],
    ['الكرملين', 'fac:kremlin'],
    ['منتدى سانت بطرسبرغ الاقتصادي', 'misc:spief'],
  ])('%s → %s', (name, id) => {
    expect(first(name)).toBe(id);
  });

  it('normalises the query: diacritics and tatweel do not matter', () => {
    expect(first('رُوسْيَا')).toBe('iso:RU');
    expect(first('روســيا')).toBe('iso:RU');
  });

  it('orders homonyms: country, then city, then subdivision of the same name', () => {
    const ids = kb.lookup('تونس').map((e) => e.id);
    expect(ids[0]).toBe('iso:TN');
    expect(ids.indexOf('gn:2464470')).toBeLessThan(ids.indexOf('iso2:TN-11'));
    expect(kb.lookup('الجزائر')[0].id).toBe('iso:DZ');
    expect(kb.lookup('طرطوس')[0].subtype).toBe('CITY');
  });

  it('returns [] for an unknown name and for the empty string', () => {
    expect(kb.lookup('كلمةغيرموجودة')).toEqual([]);
    expect(kb.lookup('')).toEqual([]);
  });
});

describe('kb.adjective: nisba forms lead to their country', () => {
  it.each([
    ['الروسي', 'iso:RU'],
    ['الروسية', 'iso:RU'],
    ['روسيون', 'iso:RU'],
    ['الروس', 'iso:RU'],
    ['الأمريكي', 'iso:US'],
    ['الأميركيون', 'iso:US'],
    ['الأمريكيين', 'iso:US'],
    ['الكازاخستاني', 'iso:KZ'],
    ['سعوديات', 'iso:SA'],
    ['الأتراك', 'iso:TR'],
    ['الكوري الشمالي', 'iso:KP'],
    ['النمساوية', 'iso:AT'],
    ['الأوكراني', 'iso:UA'],
  ])('%s → %s', (form, id) => {
    expect(kb.adjective(form)?.id).toBe(id);
  });

  it('does not read «مالي»/«المالية» (financial) as Malian', () => {
    expect(kb.adjective('المالية')).toBeUndefined();
    expect(kb.adjective('مالي')).toBeUndefined();
  });
});

describe('kb.get, kb.byIso2 and metonyms', () => {
  it('finds countries by ISO 3166-1 alpha-2, any case', () => {
    expect(kb.byIso2('ru')?.en).toBe('Russia');
    expect(kb.byIso2('KZ')?.iso3).toBe('KAZ');
    expect(kb.byIso2('ZZ')).toBeUndefined();
  });

  it('gets entries by id with their canonical names', () => {
    expect(kb.get('org:csto')?.en).toBe('Collective Security Treaty Organization');
    expect(kb.get('org:un')?.ar).toBe('الأمم المتحدة');
    expect(kb.get('nope')).toBeUndefined();
  });

  it('links seats of power and capitals to the government they stand for', () => {
    expect(kb.get('fac:kremlin')?.standsFor).toBe('iso:RU');
    expect(kb.get('fac:white-house')?.standsFor).toBe('iso:US');
    expect(kb.lookup('موسكو')[0].standsFor).toBe('iso:RU');
    expect(kb.lookup('قصر بعبدا')[0].standsFor).toBe('iso:LB');
  });

  it('keys names by normalised tokens', () => {
    expect(nameKey('الأُمم  المتّحدة')).toBe('الامم المتحده');
    expect(nameKey('أ.ف.ب')).toBe('ا . ف . ب');
  });
});

describe('people files are loaded with the places and organisations', () => {
  const people = kb.entries.filter((e) => e.type === 'PER');
  it.skipIf(people.length === 0)('every organisation a person holds office in is in the KB', () => {
    const missing = people.flatMap((p) =>
      (p.offices ?? []).filter((o) => o.org && !kb.get(o.org)).map((o) => `${p.id} → ${o.org}`),
    );
    expect(missing).toEqual([]);
  });
});
