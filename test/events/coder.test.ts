import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../src/analysis/types.js';
import { code, detect, type EntitySpec } from './helpers.js';

const E = {
  putin: { id: 'putin', type: 'PER', names: ['فلاديمير بوتين', 'بوتين'] },
  tokayev: { id: 'tokayev', type: 'PER', names: ['قاسم جومارت توكاييف', 'توكاييف', 'رئيس كازاخستان'] },
  xi: { id: 'xi', type: 'PER', names: ['شي جين بينغ', 'شي'] },
  macron: { id: 'macron', type: 'PER', names: ['ماكرون'] },
  guterres: { id: 'guterres', type: 'PER', names: ['غوتيريش'] },
  erdogan: { id: 'erdogan', type: 'PER', names: ['أردوغان'] },
  russia: { id: 'russia', type: 'LOC', subtype: 'GPE', names: ['روسيا'] },
  china: { id: 'china', type: 'LOC', subtype: 'GPE', names: ['الصين'] },
  kazakhstan: { id: 'kazakhstan', type: 'LOC', subtype: 'GPE', names: ['كازاخستان'] },
  iran: { id: 'iran', type: 'LOC', subtype: 'GPE', names: ['إيران'] },
  saudi: { id: 'saudi', type: 'LOC', subtype: 'GPE', names: ['السعودية'] },
  yemen: { id: 'yemen', type: 'LOC', subtype: 'GPE', names: ['اليمن'] },
  israel: { id: 'israel', type: 'LOC', subtype: 'GPE', names: ['إسرائيل'] },
  israeliAdj: { id: 'israel', type: 'LOC', subtype: 'GPE', names: ['الإسرائيلية', 'الإسرائيلي'] },
  gaza: { id: 'gaza', type: 'LOC', subtype: 'REGION', names: ['غزة'] },
  ukraine: { id: 'ukraine', type: 'LOC', subtype: 'GPE', names: ['أوكرانيا'] },
  seoul: { id: 'seoul', type: 'LOC', subtype: 'CITY', names: ['سيول'] },
  nk: { id: 'nk', type: 'LOC', subtype: 'GPE', names: ['كوريا الشمالية'] },
  beijing: { id: 'beijing', type: 'LOC', subtype: 'CITY', names: ['بكين'] },
  london: { id: 'london', type: 'LOC', subtype: 'CITY', names: ['لندن'] },
  moscow: { id: 'moscow', type: 'LOC', subtype: 'CITY', names: ['موسكو'] },
  astana: { id: 'astana', type: 'LOC', subtype: 'CITY', names: ['أستانا'] },
  luhansk: { id: 'luhansk', type: 'LOC', names: ['لوغانسك'] },
  donetsk: { id: 'donetsk', type: 'LOC', names: ['دونيتسك'] },
  kremlin: { id: 'kremlin', type: 'LOC', subtype: 'FAC', names: ['الكرملين'], standsFor: 'russia' },
  washington: { id: 'washington', type: 'LOC', subtype: 'CITY', names: ['واشنطن'], standsFor: 'usa' },
  tehran: { id: 'tehran', type: 'LOC', subtype: 'CITY', names: ['طهران'], standsFor: 'iran' },
  eu: { id: 'eu', type: 'ORG', names: ['الاتحاد الأوروبي'] },
  labour: { id: 'labour', type: 'ORG', names: ['حزب العمال'] },
  egyptGov: { id: 'egypt-gov', type: 'ORG', names: ['الحكومة المصرية'] },
  turkishPolice: { id: 'turkish-police', type: 'ORG', names: ['الشرطة التركية'] },
  altan: { id: 'altan', type: 'PER', names: ['أحمد ألتان'] },
} satisfies Record<string, EntitySpec>;

const only = (events: EventRecord[], type: string) => events.filter((e) => e.type === type);

describe('one short sentence per PLOVER type', () => {
  const cases: Array<
    [string, string, EntitySpec[], { actor: string[]; recipient?: string[]; mode?: string | null; absent?: string[] }]
  > = [
    ['AGREE', 'وافقت روسيا على وقف إطلاق النار.', [E.russia], { actor: ['russia'], absent: ['RETREAT'] }],
    [
      'CONSULT',
      'التقى بوتين بالرئيس الصيني شي جين بينغ في بكين.',
      [E.putin, E.xi, E.beijing],
      { actor: ['putin'], recipient: ['xi'] },
    ],
    [
      'SUPPORT',
      'أشاد ماكرون بالاتفاق بين إيران والسعودية.',
      [E.macron, E.iran, E.saudi],
      { actor: ['macron'], recipient: ['iran', 'saudi'] },
    ],
    ['CONCEDE', 'تراجعت الحكومة المصرية عن قرار رفع الأسعار.', [E.egyptGov], { actor: ['egypt-gov'] }],
    [
      'COOPERATE',
      'أجرت روسيا والصين مناورات مشتركة في بحر اليابان.',
      [E.russia, E.china],
      { actor: ['russia', 'china'], absent: ['MOBILIZE'] },
    ],
    [
      'AID',
      'قدمت السعودية مساعدات إنسانية إلى اليمن.',
      [E.saudi, E.yemen],
      { actor: ['saudi'], recipient: ['yemen'], mode: 'humanitarian' },
    ],
    ['RETREAT', 'أفرجت إسرائيل عن عشرين أسيرا فلسطينيا.', [E.israel], { actor: ['israel'], mode: 'release' }],
    [
      'REQUEST',
      'دعا غوتيريش إلى وقف إطلاق النار في غزة.',
      [E.guterres, E.gaza],
      { actor: ['guterres'], absent: ['RETREAT'] },
    ],
    [
      'ACCUSE',
      'اتهمت واشنطن طهران بدعم الإرهاب.',
      [E.washington, E.tehran],
      { actor: ['washington', 'usa'], recipient: ['tehran', 'iran'], absent: ['SUPPORT'] },
    ],
    [
      'REJECT',
      'رفضت كازاخستان دعم روسيا في الحرب.',
      [E.kazakhstan, E.russia],
      { actor: ['kazakhstan'], recipient: ['russia'], absent: ['SUPPORT'] },
    ],
    [
      'THREATEN',
      'هددت كوريا الشمالية بقصف سيول.',
      [E.nk, E.seoul],
      { actor: ['nk'], recipient: ['seoul'], mode: 'violence', absent: ['ASSAULT'] },
    ],
    [
      'PROTEST',
      'تظاهر أنصار حزب العمال في لندن ضد الحكومة.',
      [E.labour, E.london],
      { actor: ['labour'], mode: 'demo' },
    ],
    [
      'SANCTION',
      'فرض الاتحاد الأوروبي عقوبات جديدة على روسيا.',
      [E.eu, E.russia],
      { actor: ['eu'], recipient: ['russia'] },
    ],
    ['MOBILIZE', 'أعلن بوتين التعبئة الجزئية.', [E.putin], { actor: ['putin'], mode: 'troops' }],
    [
      'COERCE',
      'اعتقلت الشرطة التركية الصحفي أحمد ألتان.',
      [E.turkishPolice, E.altan],
      { actor: ['turkish-police'], recipient: ['altan'], mode: 'arrest' },
    ],
    ['ASSAULT', 'قصفت الطائرات الإسرائيلية مواقع في غزة.', [E.israeliAdj, E.gaza], { actor: ['israel'] }],
  ];
  it.each(cases)('%s: %s', (type, text, entities, want) => {
    const events = code(text, { entities });
    const found = only(events, type);
    expect(found, JSON.stringify(events)).toHaveLength(1);
    const e = found[0];
    expect(e.actor).toEqual(want.actor);
    if (want.recipient) expect(e.recipient).toEqual(want.recipient);
    if (want.mode !== undefined) expect(e.mode).toBe(want.mode);
    expect(e.negated).toBe(false);
    expect(e.factuality).toBe('asserted');
    for (const t of want.absent ?? []) expect(only(events, t), `no ${t} event`).toHaveLength(0);
  });
});

describe('CAMEO crosswalk on every event', () => {
  it('gives a CAMEO code, its Goldstein score and the quad class of the type', () => {
    const events = [
      ...code('أشاد ماكرون بالاتفاق بين إيران والسعودية.', { entities: [E.macron, E.iran, E.saudi] }),
      ...code('قصفت الطائرات الإسرائيلية مواقع في غزة.', { entities: [E.israeliAdj, E.gaza] }),
      ...code('اتهمت واشنطن طهران بدعم الإرهاب.', { entities: [E.washington, E.tehran] }),
    ];
    expect(events.map((e) => [e.type, e.cameo, e.goldstein, e.quad_class])).toEqual([
      ['SUPPORT', '051', 3.4, 1],
      ['ASSAULT', '194', -10, 4],
      ['ACCUSE', '112', -2, 3],
    ]);
  });
});

describe('negation', () => {
  it('«لم يرفض» is a negated rejection', () => {
    const [e] = code('لم يرفض بوتين الاقتراح الصيني.', { entities: [E.putin] });
    expect(e).toMatchObject({ type: 'REJECT', actor: ['putin'], negated: true });
  });
  it('«لا» before a present verb and «عدم» before a verbal noun negate', () => {
    expect(code('لا ترفض روسيا الحوار.', { entities: [E.russia] })[0]).toMatchObject({ type: 'REJECT', negated: true });
    const [e] = code('أعلن بوتين عدم التعبئة.', { entities: [E.putin] });
    expect(e).toMatchObject({ type: 'MOBILIZE', negated: true });
  });
  it('«لن» negates and makes the event future', () => {
    const [e] = code('لن تشارك روسيا في المحادثات مع أوكرانيا ولن تلتقي أوكرانيا.', {
      entities: [E.russia, E.ukraine],
    });
    expect(e).toMatchObject({ type: 'CONSULT', negated: true, factuality: 'future' });
  });
  it('a denial governs the clause after it', () => {
    const [e] = code('نفت إسرائيل أن تكون قد قصفت غزة.', { entities: [E.israel, E.gaza] });
    expect(e).toMatchObject({ type: 'ASSAULT', negated: true });
  });
  it('an affirmative sentence is not negated', () => {
    expect(code('رفض بوتين الاقتراح.', { entities: [E.putin] })[0].negated).toBe(false);
  });
});

describe('actor and recipient', () => {
  it('SVO: the subject before the verb, the object after it', () => {
    const [e] = code('بوتين يصافح شي جين بينغ في بكين.', { entities: [E.putin, E.xi, E.beijing] });
    expect(e).toMatchObject({ type: 'CONSULT', actor: ['putin'], recipient: ['xi'], location: 'beijing' });
  });
  it('VSO: the subject right after the verb, past titles and nisbas', () => {
    const [e] = code('صافح الرئيس الصيني شي جين بينغ نظيره الروسي فلاديمير بوتين.', { entities: [E.putin, E.xi] });
    expect(e).toMatchObject({ actor: ['xi'], recipient: ['putin'] });
  });
  it('a coordinated subject acts together', () => {
    const [e] = code('أظهر بوتين ونظيره الكازاخستاني قاسم جومارت توكاييف وحدتهما عبر الإشادة بعلاقاتهما.', {
      entities: [E.putin, E.tokayev],
    });
    expect(e).toMatchObject({ type: 'SUPPORT', actor: ['putin', 'tokayev'] });
  });
  it('a possessive event noun takes the clause subject, «مع» gives the recipient', () => {
    const [e] = code('وقال توكاييف خلال اجتماعه مع بوتين في الكرملين إن العلاقات جيدة.', {
      entities: [E.tokayev, E.putin, E.kremlin],
    });
    expect(e).toMatchObject({ type: 'CONSULT', actor: ['tokayev'], recipient: ['putin'], location: 'kremlin' });
  });
  it('a relative clause gives the actor of an event noun', () => {
    const [e] = code('فر آلاف الروس من التعبئة الجزئية التي أعلنها بوتين.', { entities: [E.putin] });
    expect(e).toMatchObject({ type: 'MOBILIZE', actor: ['putin'] });
  });
  it('a pro-drop verb carries the previous subject', () => {
    const events = code('وقال بوتين إن العلاقات قوية. وأضاف أن بلاده ترحب بالحوار، مطالبا بوقف التصعيد.', {
      entities: [E.putin],
    });
    expect(only(events, 'REQUEST')[0]).toMatchObject({ actor: ['putin'] });
  });
  it('a second verb in the sentence shares its subject', () => {
    const events = code('رفضت روسيا الاقتراح الأمريكي ورحبت بالمبادرة الصينية.', { entities: [E.russia] });
    expect(events.map((e) => [e.type, e.actor])).toEqual([
      ['REJECT', ['russia']],
      ['SUPPORT', ['russia']],
    ]);
  });
  it('«رفض الاعتراف بـ X»: a rejection whose recipient is what recognition was refused to', () => {
    const events = code('رفض رئيس كازاخستان الاعتراف بإقليمي لوغانسك ودونيتسك كجمهوريتين مستقلتين.', {
      entities: [E.tokayev, E.luhansk, E.donetsk],
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'REJECT', actor: ['tokayev'], recipient: ['luhansk', 'donetsk'] });
  });
  it('a host verb codes the guest as the actor (PLOVER visit)', () => {
    const [e] = code('استقبل بوتين في موسكو الرئيس الصيني شي جين بينغ.', { entities: [E.putin, E.xi, E.moscow] });
    expect(e).toMatchObject({ type: 'CONSULT', mode: 'visit', actor: ['xi'], recipient: ['putin'] });
  });
  it('receiving people who fled is aid (asylum), not a visit', () => {
    const [e] = code('استقبلت أستانا عشرات الآلاف من الروس الفارين من البلاد.', { entities: [E.astana] });
    expect(e).toMatchObject({ type: 'AID', mode: 'asylum', actor: ['astana'] });
  });
  it('a metonym adds the state it stands for, an office holder the state he acts for', () => {
    expect(code('وأدان الكرملين الهجوم.', { entities: [E.kremlin] })[0].actor).toEqual(['kremlin', 'russia']);
    const [e] = code('رفض بوتين الاقتراح.', { entities: [{ ...E.putin, actsFor: 'russia' }] });
    expect(e.actor).toEqual(['putin', 'russia']);
  });
  it('a passive with its victims after the verb has no actor', () => {
    const text = 'قتل ثلاثة جنود إسرائيليين في غزة.';
    expect(code(text, { entities: [E.israeliAdj, E.gaza] })).toHaveLength(0);
    const [e] = detect(text, { entities: [E.israeliAdj, E.gaza] });
    expect(e).toMatchObject({ type: 'ASSAULT', actor: [] });
  });
  it('drops an event whose actor is unknown', () => {
    expect(code('وقعت اشتباكات عنيفة قرب الحدود.')).toHaveLength(0);
    expect(detect('وقعت اشتباكات عنيفة قرب الحدود.').map((e) => e.type)).toEqual(['ASSAULT']);
  });
});

describe('agreement and voice', () => {
  const olmert: EntitySpec = { id: 'olmert', type: 'PER', names: ['إيهود أولمرت'] };
  const pakistani: EntitySpec = { id: 'pakistan', type: 'MISC', subtype: 'NORP', names: ['باكستانيا', 'باكستانيين'] };
  it('a verb marked plural has its subject in it: the name after it is the object', () => {
    const [e] = detect('وأغلق المتظاهرون الشارع وراحوا يهاجمون رئيس الوزراء إيهود أولمرت.', { entities: [olmert] });
    expect(e.type).toBe('PROTEST');
    expect(e.actor).not.toContain('olmert');
  });
  it('a counted subject before a passive-prone verb is the victim', () => {
    const [e] = detect('وكان 42 جنديا باكستانيا قد قتلوا في هجوم انتحاري.', { entities: [pakistani] });
    expect(e).toMatchObject({ type: 'ASSAULT', actor: [], recipient: ['pakistan'] });
  });
  it('a passive form names the victim, never the actor', () => {
    const [e] = detect('زعيمة المعارضة بي نظير بوتو التي اغتيلت في هجوم.', {
      entities: [{ id: 'bhutto', type: 'PER', names: ['بي نظير بوتو'] }],
    });
    expect(e).toMatchObject({ type: 'ASSAULT', actor: [], recipient: ['bhutto'] });
  });
  it('«أعلن الجيش مقتل …» does not make the announcer the killer', () => {
    const events = code('أعلن الجيش الأمريكي مقتل أحد جنوده في انفجار قنبلة.', {
      entities: [{ id: 'us-army', type: 'ORG', names: ['الجيش الأمريكي'] }],
    });
    expect(events).toHaveLength(0);
  });
  it('a coordinated light verb shares the clause subject, and ends what the verb before it absorbs', () => {
    const events = code('رفض بوتين الاقتراح وأعلن التعبئة العامة.', { entities: [E.putin] });
    expect(events.map((e) => [e.type, e.actor])).toEqual([
      ['REJECT', ['putin']],
      ['MOBILIZE', ['putin']],
    ]);
  });
});

describe('unnamed subjects carry nobody in', () => {
  const saak: EntitySpec = { id: 'saakashvili', type: 'PER', names: ['ميخائيل ساكاشفيلي'] };
  it('a noun phrase before the verb is its subject, and a coordinated verb shares it', () => {
    const text = 'وأكد ميخائيل ساكاشفيلي أن دبابات روسية فتحت النار على السكان ودمرت المنازل.';
    expect(code(text, { entities: [saak] })).toHaveLength(0);
  });
  it('an unnamed doer after the verb («احتشد المتظاهرون») is not the previous sentence subject', () => {
    const text = 'وقال بوتين إن الوضع هادئ. واحتشد المتظاهرون أمام البرلمان.';
    expect(code(text, { entities: [E.putin] })).toHaveLength(0);
  });
  it('«تم» with a verbal noun is a passive: the possessive is the victim', () => {
    const [e] = detect('وقال المصدر إن بيل غراهام تم خطفه في بغداد.', {
      entities: [{ id: 'graham', type: 'PER', names: ['بيل غراهام'] }],
    });
    expect(e).toMatchObject({ type: 'ASSAULT', actor: [], recipient: ['graham'] });
  });
  it('the possessive of a violent noun is its victim («محاولة لاغتياله»)', () => {
    const [e] = detect('نجا محمد ديري من محاولة لاغتياله.', {
      entities: [{ id: 'diri', type: 'PER', names: ['محمد ديري'] }],
    });
    expect(e).toMatchObject({ type: 'ASSAULT', actor: [], recipient: ['diri'] });
  });
  it('a word written with ta marbuta has no pronoun suffix («وزارة» is not «و+زار+ه»)', () => {
    expect(
      detect('أعلنت وزارة الدفاع الأمريكية الخبر.', {
        entities: [{ id: 'dod', type: 'ORG', names: ['وزارة الدفاع الأمريكية'] }],
      }),
    ).toHaveLength(0);
  });
});

describe('quotes', () => {
  it('does not code a quoted event as asserted: it is reported', () => {
    const events = code('وقال المتحدث: "قصفت إسرائيل المستشفى".', { entities: [E.israel] });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'ASSAULT', actor: ['israel'], factuality: 'reported' });
  });
  it('never carries a subject into a quote', () => {
    expect(code('وقال بوتين: "نرفض ذلك تماما".', { entities: [E.putin] })).toHaveLength(0);
  });
  it('an indirect quote is reported speech', () => {
    const text = 'وقال المتحدث إن إسرائيل قصفت المستشفى.';
    const [e] = code(text, { entities: [E.israel], quotes: [{ text: 'إسرائيل قصفت المستشفى', kind: 'indirect' }] });
    expect(e.factuality).toBe('reported');
  });
  it('a trigger outside a partial quote is asserted', () => {
    const [e] = code('أشاد بوتين بـ "الطابع الخاص" للعلاقات بين روسيا وكازاخستان.', {
      entities: [E.putin, E.russia, E.kazakhstan],
    });
    expect(e).toMatchObject({ type: 'SUPPORT', factuality: 'asserted', recipient: ['russia', 'kazakhstan'] });
  });
});

describe('factuality and dates', () => {
  it('future: «سـ» and a date after publication', () => {
    const [e] = code('سيزور بوتين الصين الأسبوع المقبل.', {
      entities: [E.putin, E.china],
      times: [['الأسبوع المقبل', '2022-W49']],
    });
    expect(e).toMatchObject({
      type: 'CONSULT',
      factuality: 'future',
      date: '2022-W49',
      actor: ['putin'],
      recipient: ['china'],
    });
  });
  it('future: «من المقرر أن», without a date', () => {
    const [e] = code('ومن المقرر أن يلتقي بوتين شي جين بينغ.', { entities: [E.putin, E.xi] });
    expect(e).toMatchObject({ factuality: 'future', date: null });
  });
  it('hypothetical: «في حال»', () => {
    const [e] = code('وفي حال هاجمت روسيا أوكرانيا فإن العقوبات ستكون قاسية.', { entities: [E.russia, E.ukraine] });
    expect(e).toMatchObject({ type: 'ASSAULT', factuality: 'hypothetical' });
  });
  it('historical: a date long before publication', () => {
    const [e] = code('وفي عام 2001، قصفت إسرائيل غزة.', {
      entities: [E.israel, E.gaza],
      times: [['عام 2001', '2001']],
    });
    expect(e).toMatchObject({ factuality: 'historical', date: '2001' });
  });
  it('the sentence date wins; else the publication date', () => {
    expect(
      code('رفض بوتين الاقتراح يوم الأحد.', { entities: [E.putin], times: [['يوم الأحد', '2022-11-27']] })[0].date,
    ).toBe('2022-11-27');
    expect(code('رفض بوتين الاقتراح.', { entities: [E.putin] })[0].date).toBe('2022-11-28');
    expect(code('رفض بوتين الاقتراح.', { entities: [E.putin], published: null })[0].date).toBeNull();
  });
  it('a time after «منذ» dates something else', () => {
    const [e] = code('رفض بوتين الاقتراح منذ تنصيبه الأسبوع الماضي.', {
      entities: [E.putin],
      times: [['الأسبوع الماضي', '2022-W47']],
    });
    expect(e.date).toBe('2022-11-28');
  });
  it('a narrative keeps its date into the next paragraph', () => {
    const text = 'وفي يونيو الماضي، رفضت كازاخستان دعم روسيا.\n\nوانتقد توكاييف ميثاق الأمم المتحدة.';
    const events = code(text, { entities: [E.kazakhstan, E.russia, E.tokayev], times: [['يونيو الماضي', '2022-06']] });
    expect(events.map((e) => [e.type, e.date])).toEqual([
      ['REJECT', '2022-06'],
      ['ACCUSE', '2022-06'],
    ]);
  });
  it('the pluperfect background has no date of its own', () => {
    const [e] = code('وكانت روسيا قد رفضت المبادرة.', { entities: [E.russia] });
    expect(e.date).toBeNull();
  });
});

describe('place', () => {
  it('a place after «في» in the clause, not a topic («الحرب في أوكرانيا» after بشأن)', () => {
    expect(code('تظاهر أنصار حزب العمال في لندن.', { entities: [E.labour, E.london] })[0].location).toBe('london');
    const [e] = code('رفض بوتين الحديث بشأن الحرب في أوكرانيا.', { entities: [E.putin, E.ukraine] });
    expect(e.location).toBeNull();
  });
  it('the dateline place for the lead paragraph', () => {
    const [e] = code('رفض بوتين الاقتراح.', { entities: [E.putin, E.moscow], datelinePlace: 'موسكو' });
    expect(e.location).toBeNull(); // موسكو is not mentioned in the text, so there is no entity for it
    const [f] = code('موسكو\n\nرفض بوتين الاقتراح.', { entities: [E.putin, E.moscow], datelinePlace: 'موسكو' });
    expect(f.location).toBe('moscow');
  });
});

describe('document level', () => {
  it('headlines and subheadings are not coded (the body tells the event with its date)', () => {
    const text = 'بوتين يرفض الاقتراح\n\nرفض بوتين الاقتراح الصيني يوم الأحد.';
    const events = code(text, {
      entities: [E.putin],
      kinds: ['title', 'paragraph'],
      times: [['يوم الأحد', '2022-11-27']],
    });
    expect(events.map((e) => [e.type, e.date])).toEqual([['REJECT', '2022-11-27']]);
  });
  it('the same meeting told in a caption and in the body is one event', () => {
    const text = 'بوتين يصافح توكاييف في موسكو.\n\nوقال توكاييف خلال اجتماعه مع بوتين إن العلاقات جيدة.';
    const events = code(text, { entities: [E.putin, E.tokayev, E.moscow] });
    expect(only(events, 'CONSULT')).toHaveLength(1);
  });
  it('evidence and trigger spans point into the text', () => {
    const text = 'مقدمة.\n\nرفض بوتين الاقتراح، وهدد بقصف أوكرانيا.';
    const doc = code(text, { entities: [E.putin, E.ukraine] });
    expect(doc.length).toBeGreaterThan(0);
    for (const e of doc) {
      expect(text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
      expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      expect(e.evidence.text.includes(e.trigger.text)).toBe(true);
    }
  });
});
