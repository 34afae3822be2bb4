import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { findQuotes, quoteStage } from '../../src/quotes/index.js';
import { docWith, quotesOf, type EntitySpec } from './helpers.js';

const TOKAYEV: EntitySpec = { id: 'tokayev', type: 'PER', names: ['قاسم جومارت توكاييف', 'توكاييف', 'رئيس كازاخستان'] };
const PUTIN: EntitySpec = { id: 'putin', type: 'PER', names: ['فلاديمير بوتين', 'بوتين'] };
const MACRON: EntitySpec = { id: 'macron', type: 'PER', names: ['إيمانويل ماكرون', 'ماكرون'] };
const LAVROV: EntitySpec = { id: 'lavrov', type: 'PER', names: ['سيرغي لافروف', 'لافروف'] };
const WHO: EntitySpec = { id: 'who', type: 'ORG', names: ['منظمة الصحة العالمية'] };
const MFA: EntitySpec = { id: 'mfa-ru', type: 'ORG', names: ['وزارة الخارجية الروسية'] };
const REUTERS: EntitySpec = { id: 'reuters', type: 'ORG', names: ['رويترز'] };
const KREMLIN: EntitySpec = { id: 'kremlin', type: 'LOC', subtype: 'FAC', names: ['الكرملين'], standsFor: 'ru-gov' };
const RU_GOV: EntitySpec = { id: 'ru-gov', type: 'ORG', names: ['الحكومة الروسية'] };
const RUSSIA: EntitySpec = { id: 'russia', type: 'LOC', subtype: 'GPE', names: ['روسيا'] };
const KAZ: EntitySpec = { id: 'kaz', type: 'LOC', subtype: 'GPE', names: ['كازاخستان'] };
const LUHANSK: EntitySpec = { id: 'luhansk', type: 'LOC', names: ['لوغانسك'] };
const DONETSK: EntitySpec = { id: 'donetsk', type: 'LOC', names: ['دونيتسك'] };
const UN: EntitySpec = { id: 'un', type: 'ORG', names: ['الأمم المتحدة'] };

describe('direct quotes', () => {
  it('after a cue, its subject, an occasion and a colon', () => {
    const qs = quotesOf('وقال توكاييف خلال اجتماعه مع بوتين في الكرملين: "روسيا كانت وستظل الشريك الرئيسي".', [
      TOKAYEV,
      PUTIN,
      KREMLIN,
    ]);
    expect(qs).toEqual([
      {
        text: 'روسيا كانت وستظل الشريك الرئيسي',
        kind: 'direct',
        speaker: 'tokayev',
        cue: 'قال',
        speaker_text: 'توكاييف',
      },
    ]);
  });

  it.each([
    ['guillemets', 'وقال ماكرون: «سنواصل دعم أوكرانيا».', 'سنواصل دعم أوكرانيا'],
    ['curly marks', 'وقال ماكرون: “سنواصل دعم أوكرانيا”.', 'سنواصل دعم أوكرانيا'],
    ['angle marks', 'وقال ماكرون: ‹سنواصل دعم أوكرانيا›.', 'سنواصل دعم أوكرانيا'],
    ['no colon, right after the subject', 'وقال ماكرون "سنواصل دعم أوكرانيا".', 'سنواصل دعم أوكرانيا'],
    ['padded straight marks', 'وقال ماكرون: " سنواصل دعم أوكرانيا ".', 'سنواصل دعم أوكرانيا'],
    ['two words right after the subject', 'وقال ماكرون "سنواصل الدعم".', 'سنواصل الدعم'],
  ])('%s', (_n, text, said) => {
    const qs = quotesOf(text, [MACRON]);
    expect(qs.map((q) => [q.text, q.kind, q.speaker])).toEqual([[said, 'direct', 'macron']]);
  });

  it('after an addressee pronoun («قالت له "…"»)', () => {
    expect(quotesOf('ثم قالت له "وحياتك أخذت قلبي"، ثم ابتسمت.').map((q) => q.kind)).toEqual(['direct']);
  });

  it('after أنه/إنه as a whole clause', () => {
    const qs = quotesOf('وقال ماكرون إنه "لا يمكن القبول بهذا الوضع أبداً".', [MACRON]);
    expect(qs.map((q) => [q.kind, q.speaker])).toEqual([['direct', 'macron']]);
  });

  it('before a trailing cue', () => {
    const qs = quotesOf('"الوضع خطير جداً"، قال لافروف للصحفيين.', [LAVROV]);
    expect(qs).toMatchObject([{ text: 'الوضع خطير جداً', kind: 'direct', speaker: 'lavrov', cue: 'قال' }]);
  });

  it('in a headline «X: "…"»', () => {
    const qs = quotesOf('بوتين: "لن نتراجع"', [PUTIN]);
    expect(qs).toMatchObject([{ text: 'لن نتراجع', kind: 'direct', speaker: 'putin', cue: null }]);
  });

  it('continued in a sentence made only of a quote', () => {
    const qs = quotesOf('وقال لافروف: "الحوار ممكن". "لكن ليس بأي ثمن".', [LAVROV]);
    expect(qs.map((q) => [q.text, q.kind, q.speaker])).toEqual([
      ['الحوار ممكن', 'direct', 'lavrov'],
      ['لكن ليس بأي ثمن', 'direct', 'lavrov'],
    ]);
  });

  it('spanning two sentences inside the marks', () => {
    const qs = quotesOf('وقال لافروف: "الوضع صعب. لكننا سننتصر في النهاية".', [LAVROV]);
    expect(qs.map((q) => q.text)).toEqual(['الوضع صعب. لكننا سننتصر في النهاية']);
  });

  it('with a nested quotation kept inside', () => {
    const qs = quotesOf('وقال لافروف: «قرأت كتاب "الحرب والسلام" مرتين».', [LAVROV]);
    expect(qs.map((q) => q.text)).toEqual(['قرأت كتاب "الحرب والسلام" مرتين']);
  });

  it('after a colon that continues a cue of the same sentence («وهما: "…"»)', () => {
    const qs = quotesOf(
      'وانتقد توكاييف وجود "مبدأين متناقضين في ميثاق الأمم المتحدة"، وهما: "وحدة أراضي الدول، وحق تقرير المصير".',
      [TOKAYEV, UN],
    );
    expect(qs.map((q) => [q.kind, q.speaker])).toEqual([
      ['partial', 'tokayev'],
      ['direct', 'tokayev'],
    ]);
  });

  it('with a quoted name in the subject position, which is not a quote', () => {
    const qs = quotesOf('كما ذكرت "سوني بيكتشرز" في بيان: "يكافح الاثنان في هوليوود".');
    expect(qs).toMatchObject([
      { text: 'يكافح الاثنان في هوليوود', kind: 'direct', speaker: null, speaker_text: 'سوني بيكتشرز' },
    ]);
  });
});

describe('partial quotes', () => {
  it.each([
    ['after بـ glued', 'وتعهد ماكرون بـ"بذل كل ما في وسعه" لضمان السلام.', 'بذل كل ما في وسعه'],
    ['after بـ and a space', 'وأشاد ماكرون بـ "الطابع الخاص" للعلاقات.', 'الطابع الخاص'],
    ['after إلى', 'ودعا ماكرون إلى "بحث جماعي عن صيغة للسلام" في أوكرانيا.', 'بحث جماعي عن صيغة للسلام'],
    ['after a noun', 'وانتقد ماكرون وجود "مبدأين متناقضين" في الميثاق.', 'مبدأين متناقضين'],
    ['after أن when the clause goes on', 'وقال ماكرون إن "الحرب الحالية" لن تنتهي قريباً.', 'الحرب الحالية'],
    ['after أن, too short for a clause', 'ووصف ماكرون الاتفاق بأنه "تاريخي".', 'تاريخي'],
  ])('%s', (_n, text, quote) => {
    const qs = quotesOf(text, [MACRON]);
    expect(qs.map((q) => [q.text, q.kind, q.speaker])).toEqual([[quote, 'partial', 'macron']]);
  });

  it('after participles carrying the main clause speaker', () => {
    const text =
      'وقال توكاييف: "روسيا شريك استراتيجي"، مشيراً إلى أن "الزيارة تحمل طابعاً رمزياً نوعاً ما"، لافتاً إلى أن لديه "مشاريع روسية كبيرة" في كازاخستان، متعهداً بـ"بذل كل ما في وسعه" لضمان وجودها "الدائم" في البلاد.';
    const qs = quotesOf(text, [TOKAYEV, KAZ]);
    expect(qs.map((q) => [q.text, q.kind, q.speaker, q.cue])).toEqual([
      ['روسيا شريك استراتيجي', 'direct', 'tokayev', 'قال'],
      ['الزيارة تحمل طابعاً رمزياً نوعاً ما', 'direct', 'tokayev', 'مشيراً'],
      ['مشاريع روسية كبيرة', 'partial', 'tokayev', 'لافتاً'],
      ['بذل كل ما في وسعه', 'partial', 'tokayev', 'متعهداً'],
      ['الدائم', 'partial', 'tokayev', 'متعهداً'],
    ]);
  });

  it('in a headline, when it echoes an attributed quote of the article', () => {
    const text =
      'علاقاتنا بـ"طابع خاص"\n\nمن جانبه، أشاد الرئيس الروسي فلاديمير بوتين بـ "الطابع الخاص" للعلاقات بين روسيا وكازاخستان.';
    const qs = quotesOf(text, [PUTIN, RUSSIA, KAZ]);
    expect(qs.map((q) => [q.text, q.kind, q.speaker])).toEqual([
      ['طابع خاص', 'partial', 'putin'],
      ['الطابع الخاص', 'partial', 'putin'],
    ]);
    expect(qs[1].speaker_text).toBe('الرئيس الروسي فلاديمير بوتين');
  });
});

describe('labels are not quotes', () => {
  it.each([
    [
      'a forum after ندوات',
      'ورفض رئيس كازاخستان الاعتراف بالإقليمين خلال مشاركته في إحدى ندوات "منتدى سانت بطرسبرغ الاقتصادي".',
      [TOKAYEV],
    ],
    ['names in a headline', 'رفض الاعتراف بـ"لوغانسك ودونيتسك"', [LUHANSK, DONETSK]],
    ['a headline phrase nobody said in the article', 'روسيا وكازاخستان.. "شراكة استراتيجية" بعد خلاف', [RUSSIA, KAZ]],
    ['an operation in a speech sentence', 'وقال ماكرون إن الجيش أطلق عملية "درع الشمال" أمس.', [MACRON]],
    ['a noun and its adjective before the name', 'وأعلن ماكرون أن العملية العسكرية "درع الشمال" انتهت.', [MACRON]],
    ['an addressee', 'وقال ماكرون لـ"الجزيرة" إن الحوار مستمر.', [MACRON]],
    ['a web site', 'وقال ماكرون لموقع "العربية.نت" إن الحوار مستمر.', [MACRON]],
    ['an entity name in a speech sentence', 'وقال ماكرون إن "الأمم المتحدة" عاجزة.', [MACRON, UN]],
    ['a short name before its nisba', 'وأكد ماكرون انسحاب شركة النفط "توتال" الفرنسية من المشروع.', [MACRON]],
    ['an organisation name', 'وفقاً لوكالة الأناضول، حصل التحالف الذي يقوده "حزب العدالة والتنمية" على الأغلبية.', []],
    ['an acronym', 'وقالت الإدارة إن حل "إف.سي.إيه" لا يكفي لحماية المستهلكين.', []],
    [
      'an alias right after a name',
      'وأعلنت منظمة الصحة العالمية "WHO-EM" عن خطة جديدة، وقالت إن الخطة تبدأ غداً.',
      [WHO],
    ],
    [
      'an alias in Arabic right after a name',
      'وأشاد ماكرون بدور منظمة الصحة العالمية "المنظمة الأممية" في الأزمة.',
      [MACRON, WHO],
    ],
  ])('%s', (_n, text, specs) => {
    expect(quotesOf(text, specs).filter((q) => q.kind !== 'indirect')).toEqual([]);
  });
});

describe('indirect speech', () => {
  it('after a cue and إن, to the sentence end', () => {
    const qs = quotesOf('وقال الرئيس الفرنسي إيمانويل ماكرون إن فرنسا ستواصل دعم أوكرانيا.', [MACRON]);
    expect(qs).toEqual([
      {
        text: 'فرنسا ستواصل دعم أوكرانيا',
        kind: 'indirect',
        speaker: 'macron',
        cue: 'قال',
        speaker_text: 'الرئيس الفرنسي إيمانويل ماكرون',
      },
    ]);
  });

  it('split at a following participle cue', () => {
    const qs = quotesOf('وأكد ماكرون أن الحوار هو الحل الوحيد، مشيراً إلى أن باريس مستعدة للوساطة.', [MACRON]);
    expect(qs.map((q) => [q.text, q.cue, q.speaker])).toEqual([
      ['الحوار هو الحل الوحيد', 'أكد', 'macron'],
      ['باريس مستعدة للوساطة', 'مشيراً', 'macron'],
    ]);
  });

  it('a cue inside a reported clause adds no second, overlapping quote', () => {
    const qs = quotesOf('وقالت الحكومة إن انهيار الجسر يوضح أن البلاد بحاجة إلى إنفاق المزيد.');
    expect(qs.map((q) => q.text)).toEqual(['انهيار الجسر يوضح أن البلاد بحاجة إلى إنفاق المزيد']);
  });

  it('not for «توقع» meaning "to sign"', () => {
    expect(quotesOf('وقال الوزير إن بلاده لن توقع أي اتفاق إن كان لا يخدم مصالحها.').map((q) => q.cue)).toEqual([
      'قال',
    ]);
  });

  it('split at «، بينما قال X»', () => {
    const qs = quotesOf('وقالت منظمة الصحة العالمية إن الوباء انحسر، بينما قال ماكرون إن الخطر قائم.', [WHO, MACRON]);
    expect(qs.map((q) => [q.text, q.speaker])).toEqual([
      ['الوباء انحسر', 'who'],
      ['الخطر قائم', 'macron'],
    ]);
  });

  it('not when the clause holds quotation marks', () => {
    const qs = quotesOf('وأشار ماكرون إلى أن لديه "مشاريع كبيرة" في المنطقة.', [MACRON]);
    expect(qs.map((q) => q.kind)).toEqual(['partial']);
  });

  it('not after impersonal or non-speech أن', () => {
    expect(quotesOf('يشار إلى أن أستانا استقبلت عشرات الآلاف من الروس.')).toEqual([]);
    expect(quotesOf('ويذكر أن الاجتماع تأجل إلى الأسبوع المقبل.')).toEqual([]);
    expect(quotesOf('وكان من المقرر أن يصل الوزير أمس.')).toEqual([]);
    expect(quotesOf('وفي رأي الخبراء أن الأزمة ستطول.')).toEqual([]);
  });

  it('«نقلت وكالة … عن X قوله إن …» names X', () => {
    const qs = quotesOf('ونقلت وكالة رويترز عن لافروف قوله إن موسكو لن تتراجع عن موقفها.', [REUTERS, LAVROV]);
    expect(qs).toMatchObject([{ text: 'موسكو لن تتراجع عن موقفها', kind: 'indirect', speaker: 'lavrov' }]);
  });

  it('«نقلاً عن X» inside the reach of a cue names X', () => {
    const qs = quotesOf('وذكر التلفزيون الرسمي نقلاً عن لافروف أن المحادثات ستستأنف قريباً.', [LAVROV]);
    expect(qs).toMatchObject([{ text: 'المحادثات ستستأنف قريباً', speaker: 'lavrov' }]);
  });

  it('framed by a source phrase at the start or the end', () => {
    expect(quotesOf('وبحسب منظمة الصحة العالمية، فإن عدد الإصابات تراجع بشكل كبير.', [WHO])).toMatchObject([
      { text: 'عدد الإصابات تراجع بشكل كبير', kind: 'indirect', speaker: 'who', cue: 'بحسب' },
    ]);
    expect(quotesOf('وتراجع عدد الإصابات بشكل كبير، وفقاً لمنظمة الصحة العالمية.', [WHO])).toMatchObject([
      { text: 'وتراجع عدد الإصابات بشكل كبير', kind: 'indirect', speaker: 'who' },
    ]);
    expect(quotesOf('وتراجع عدد الإصابات بشكل كبير، وفقا لـ منظمة الصحة العالمية.', [WHO])).toMatchObject([
      { speaker: 'who', cue: 'وفقا لـ' },
    ]);
    expect(quotesOf('وتراجع عدد الإصابات بشكل كبير، حسبما قال ماكرون.', [MACRON])).toMatchObject([
      { text: 'وتراجع عدد الإصابات بشكل كبير', kind: 'indirect', speaker: 'macron' },
    ]);
  });

  it('«على حد قوله» takes the antecedent of its pronoun', () => {
    expect(quotesOf('وتحدث ماكرون عن الأزمة طويلاً. فالحرب لن تنتهي قريباً، على حد قوله.', [MACRON])).toMatchObject([
      { text: 'فالحرب لن تنتهي قريباً', kind: 'indirect', speaker: 'macron', cue: 'على حد قوله' },
    ]);
  });

  it('not from a verb in a relative clause about something else, nor from «حسبما يقول»', () => {
    expect(quotesOf('مشيراً إلى الإحصاءات التي أشارت إليها كلينتون، أم أن الأمر كان عكس ذلك.')).toEqual([]);
    expect(quotesOf('فكان صبحي حسبما يقول يرتعد؛ لأنه يعلم أن في الصالة ناقداً متخصصاً.')).toEqual([]);
  });

  it('a relative clause about the speaker still reports', () => {
    expect(
      quotesOf('صرح بذلك المتحدث الرسمي الذي أوضح بأن التحقيقات جارية لمعرفة الأسباب.').map((q) => q.text),
    ).toEqual(['التحقيقات جارية لمعرفة الأسباب']);
  });

  it('not for «بحسب» + a non-speaker', () => {
    expect(quotesOf('وتم توزيع المساعدات، بحسب الخطة الموضوعة.')).toEqual([]);
  });
});

describe('attribution', () => {
  it('continuation verbs and pronouns take the last speaker across sentences and paragraphs', () => {
    const text =
      'وقال توكاييف: "روسيا شريك استراتيجي".\n\nوأضاف أن "هناك علاقات عميقة بين البلدين".\n\nوفي الشهر ذاته، رفض رئيس كازاخستان الاعتراف بالإقليمين.\n\nوقال إنه "لن يعترف بأي انفصال".';
    expect(quotesOf(text, [TOKAYEV]).map((q) => [q.cue, q.speaker])).toEqual([
      ['قال', 'tokayev'],
      ['أضاف', 'tokayev'],
      ['قال', 'tokayev'],
    ]);
  });

  it('«من جانبه، أشاد X» takes the named subject; «وأكد أنه» the latest one', () => {
    const text =
      'وقال توكاييف: "نحن شركاء".\n\nمن جانبه، أشاد بوتين بـ"الطابع الخاص" للعلاقات. وأكد أنه "لا بديل عن التعاون بين البلدين".';
    expect(quotesOf(text, [TOKAYEV, PUTIN]).map((q) => q.speaker)).toEqual(['tokayev', 'putin', 'putin']);
  });

  it('a subject before the verb (SVO)', () => {
    const qs = quotesOf('وزارة الخارجية الروسية قالت في بيان إن المفاوضات متوقفة.', [MFA]);
    expect(qs).toMatchObject([{ speaker: 'mfa-ru', text: 'المفاوضات متوقفة' }]);
  });

  it('a feminine verb prefers an organisation over a person', () => {
    const text = 'والتقى ماكرون وفد منظمة الصحة العالمية في باريس.\n\nوقالت إن "اللقاح سيكون متاحاً للجميع".';
    expect(quotesOf(text, [MACRON, WHO]).map((q) => q.speaker)).toEqual(['who']);
  });

  it('a masculine verb prefers a person over a feminine organisation', () => {
    const text = 'وأطلقت منظمة الصحة العالمية خطة جديدة بحضور ماكرون.\n\nوقال إن "الخطة طموحة جداً وتستحق الدعم".';
    expect(quotesOf(text, [MACRON, WHO]).map((q) => q.speaker)).toEqual(['macron']);
  });

  it('a metonym speaks for the entity it stands for', () => {
    const qs = quotesOf('وقال الكرملين إن المحادثات كانت بناءة.', [KREMLIN, RU_GOV]);
    expect(qs).toMatchObject([{ speaker: 'ru-gov', speaker_text: 'الكرملين' }]);
  });

  it('an unnamed speaker stays unnamed, without a guess from context', () => {
    const text = 'وقال ماكرون: "سنواصل العمل".\n\nوقال مسؤول في الوزارة إن الاجتماع تأجل إلى الغد.';
    expect(quotesOf(text, [MACRON]).map((q) => [q.speaker, q.speaker_text])).toEqual([
      ['macron', 'ماكرون'],
      [null, 'مسؤول'],
    ]);
  });

  it('a subject after an addressee with a quoted name («وقال لـ"الاقتصادية" X إن»)', () => {
    const qs = quotesOf('وقال لـ"الاقتصادية" إيمانويل ماكرون الرئيس الفرنسي إن النمو سيتحسن.', [MACRON]);
    expect(qs.map((q) => [q.text, q.speaker])).toEqual([['النمو سيتحسن', 'macron']]);
  });

  it('an unnamed plural subject in -ون; a definite object is not a subject', () => {
    expect(quotesOf('وقال منظمون إن عشرة آلاف شخص سجلوا أسماءهم.').map((q) => [q.speaker, q.speaker_text])).toEqual([
      [null, 'منظمون'],
    ]);
    const text = 'وتحدث ترامب في البيت الأبيض.\n\nوبعد أن اعتبر القدس عاصمة لإسرائيل، قال إنها أصبحت خارج المفاوضات.';
    expect(quotesOf(text, [{ id: 'trump', type: 'PER', names: ['ترامب'] }]).map((q) => q.speaker)).toEqual(['trump']);
  });

  it('one of a group is not the group («أحد مستخدمي فيسبوك»)', () => {
    const qs = quotesOf('وقال أحد مستخدمي فيسبوك إن الخدمة متوقفة منذ الصباح.', [
      { id: 'fb', type: 'ORG', names: ['فيسبوك'] },
    ]);
    expect(qs.map((q) => [q.speaker, q.speaker_text])).toEqual([[null, 'أحد مستخدمي فيسبوك']]);
  });

  it('a plural verb never takes a single antecedent', () => {
    const text = 'وقال ماكرون: "سنواصل العمل".\n\nوقالوا إن الاجتماع تأجل إلى الغد.';
    expect(quotesOf(text, [MACRON]).map((q) => q.speaker)).toEqual(['macron', null]);
  });

  it('«وتابع قائلاً:» is one cue, not a cue and its subject', () => {
    const text = 'وقال ماكرون: "سنواصل العمل". وتابع قائلاً: "لن نتوقف أبداً".';
    expect(quotesOf(text, [MACRON]).map((q) => [q.speaker, q.cue])).toEqual([
      ['macron', 'قال'],
      ['macron', 'تابع'],
    ]);
  });
});

describe('robustness', () => {
  it('unbalanced marks never produce a span across paragraphs', () => {
    const text = 'وقال ماكرون: "سنواصل العمل\n\nفي الفقرة التالية" انتهى.';
    for (const q of quotesOf(text, [MACRON])) expect(q.text).not.toContain('\n');
  });

  it('never a lone conjunction between badly paired marks', () => {
    const qs = quotesOf('فيقول ماكرون: "إنه يعمل على قتل المؤلف، مثل "الإبداع" و"الخيال" ويساعد على ذلك".', [MACRON]);
    expect(qs.map((q) => q.text)).not.toContain('و');
  });

  it('empty, non-Arabic and odd input', () => {
    for (const t of ['', ' ', '\n\n', 'Hello "world".', '"""""', '«««»»»', 'قال', 'قال إن', '\u0000\uFFFF"\uD800']) {
      expect(() => findQuotes(docWith(t))).not.toThrow();
    }
  });

  it('every span is exact and inside one paragraph (property)', () => {
    const pieces = fc.constantFrom(
      'وقال ماكرون',
      ' إن ',
      ': ',
      '"',
      '«',
      '»',
      'الوضع صعب',
      '، مشيراً إلى أن ',
      '.',
      '\n\n',
      ' بـ',
      'عملية ',
      ' ',
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 25 }).map((a) => a.join('')),
        (text) => {
          const doc = docWith(text, [MACRON]);
          for (const q of findQuotes(doc)) {
            expect(text.slice(q.start, q.end)).toBe(q.text);
            expect(q.text).not.toContain('\n');
            expect(q.text.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });

  it('the stage is pure and sets the sentence index', () => {
    const doc = docWith('مقدمة قصيرة. وقال ماكرون: "سنواصل العمل".', [MACRON]);
    const withSentences = {
      ...doc,
      sentences: [
        { index: 0, start: 0, end: 12, tokenStart: 0, tokenEnd: 0 },
        { index: 1, start: 13, end: doc.text.length, tokenStart: 0, tokenEnd: 0 },
      ],
    };
    const out = quoteStage.run(withSentences, { referenceDate: null });
    expect(withSentences.quotes).toEqual([]);
    expect(out.quotes).toMatchObject([{ text: 'سنواصل العمل', sentence: 1 }]);
  });
});
