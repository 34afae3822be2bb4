// The small pieces of the page parser, one table each: folding, datelines, credits, dates,
// reading time, debris, bylines.
import { describe, it, expect } from 'vitest';
import { foldSameLength, foldForMatch, countWords } from '../../src/page/fold.js';
import { matchDatelineLine, matchDatelinePrefix, matchCredit } from '../../src/page/agency.js';
import { findDates, weekdaysIn, dateLineValue } from '../../src/page/dates.js';
import { statedReadingMinutes, estimateReadingMinutes } from '../../src/page/reading.js';
import { debrisReason, isListMarker, isTagList, bylineOf } from '../../src/page/debris.js';
import { scriptInfo, primaryLanguage } from '../../src/page/language.js';

describe('fold', () => {
  it('keeps the length while folding letters and digits', () => {
    const s = 'أحمد إلى مدرسةٍ ٢٠٢٢ ۱۴';
    const f = foldSameLength(s);
    expect(f.length).toBe(s.length);
    expect(f).toContain('احمد الي مدرسهٍ'); // marks stay: one code unit for one
    expect(f).toContain('2022');
    expect(f).toContain('14');
  });
  it('builds a matching form without marks, tatweel or extra spaces', () => {
    expect(foldForMatch('  اقرأ   أيضاً ')).toBe('اقرا ايضا');
    expect(foldForMatch('بـ"طابع')).toBe('ب"طابع');
  });
  it('counts Arabic, Latin and CJK words', () => {
    expect(countWords('قال الرئيس إن الاجتماع كان مثمراً.')).toBe(6);
    expect(countWords('Hello, world')).toBe(2);
    expect(countWords('報道によると')).toBe(6);
    expect(countWords('')).toBe(0);
  });
});

describe('datelines', () => {
  it.each([
    ['موسكو-أ ف ب', 'موسكو', 'AFP'],
    ['القاهرة - رويترز', 'القاهرة', 'Reuters'],
    ['(د ب أ)', null, 'dpa'],
    ['واشنطن - أ.ف.ب', 'واشنطن', 'AFP'],
    ['لندن ـ رويترز', 'لندن', 'Reuters'],
    ['الدوحة (قنا)', 'الدوحة', 'QNA'],
    ['القاهرة في 28 نوفمبر /أ ش أ/', 'القاهرة', 'MENA'],
    ['دبي - العربية.نت', 'دبي', 'Al Arabiya'],
    ['بيروت - الأناضول', 'بيروت', 'Anadolu'],
    ['واس-الرياض', 'الرياض', 'SPA'],
  ])('reads the dateline line «%s»', (line, place, agency) => {
    const m = matchDatelineLine(line);
    expect(m?.place ?? null).toBe(place);
    expect(m?.agency).toBe(agency);
    expect(m?.raw).toBe(line);
  });

  it.each([
    'العربية',
    'وقال الرئيس إن المفاوضات مستمرة',
    'موسكو',
    'الرئيس الروسي - بوتين',
    '«بي بي سي»',
    'توعدت روسيا ب',
  ])('does not take «%s» for a dateline', (line) => {
    expect(matchDatelineLine(line)).toBeNull();
  });

  it.each([
    ['القاهرة - رويترز - قال مسؤول مصري', 'القاهرة - رويترز', 'قال مسؤول مصري'],
    ['دمشق، سوريا (CNN) -- أكدت جهات سورية', 'دمشق، سوريا (CNN)', 'أكدت جهات سورية'],
    ['(د ب أ) - أعلنت الحكومة', '(د ب أ)', 'أعلنت الحكومة'],
    ['واشنطن (رويترز) - قالت وزارة الخارجية', 'واشنطن (رويترز)', 'قالت وزارة الخارجية'],
    ['واس-الرياض: وجه ولي العهد بإنشاء', 'واس-الرياض', 'وجه ولي العهد بإنشاء'],
    ['رويترز- بنغازي (ليبيا): قال مسعفون', 'رويترز- بنغازي (ليبيا)', 'قال مسعفون'],
  ])('splits the dateline off «%s»', (paragraph, raw, rest) => {
    const m = matchDatelinePrefix(paragraph);
    expect(m?.raw).toBe(raw);
    expect(paragraph.slice(m!.start, m!.end)).toBe(raw);
    expect(paragraph.slice(m!.restStart)).toBe(rest);
  });

  it.each([
    'الرياض - العربية السعودية تعلن موازنة جديدة',
    '«بي بي سي» ترد على الحكومة البريطانية',
    'ذكرت شبكة "بي بي سي" ووسائل إعلام أخرى أن',
    'رويترز قالت إن الاتفاق وشيك',
    'قالت هيئة الإذاعة البريطانية (بي.بي.سي) الاثنين إن الوزير استقال',
  ])('finds no dateline opening «%s»', (paragraph) => {
    expect(matchDatelinePrefix(paragraph)).toBeNull();
  });
});

describe('caption credits', () => {
  it.each([
    ['الرئيس يصافح نظيره في موسكو، 28 نوفمبر 2022. - AFP', 'AFP', 'الرئيس يصافح نظيره في موسكو، 28 نوفمبر 2022.'],
    ['متظاهرون في بغداد (رويترز)', 'Reuters', 'متظاهرون في بغداد'],
    ['جانب من الاجتماع. تصوير: محمد علي', 'محمد علي', 'جانب من الاجتماع.'],
    ['مشهد من المدينة Getty Images', 'Getty Images', 'مشهد من المدينة'],
    ['أطفال في غزة. AFP/Getty Images', 'AFP', 'أطفال في غزة.'],
    ['لقطة من الحفل - أ ف ب', 'AFP', 'لقطة من الحفل'],
  ])('splits «%s»', (line, credit, caption) => {
    const m = matchCredit(line);
    expect(m?.credit).toBe(credit);
    expect(line.slice(0, m!.captionEnd)).toBe(caption);
  });

  it.each(['وتم ذلك أثناء تصوير فيلم وثائقي جديد.', 'قال الرئيس إن الاجتماع كان مثمراً.'])(
    'finds no credit in «%s»',
    (line) => {
      expect(matchCredit(line)).toBeNull();
    },
  );
});

describe('dates', () => {
  it.each([
    ['التقى الرئيسان في موسكو، 28 نوفمبر 2022.', '2022-11-28'],
    ['الأربعاء، 28 آب/اغسطس 2013', '2013-08-28'],
    ['5 تشرين الثاني (نوفمبر) 2021', '2021-11-05'],
    ['12 جانفي 2020', '2020-01-12'],
    ['٣ أيار ٢٠١٩', '2019-05-03'],
    ['28/11/2022', '2022-11-28'],
    ['2022-11-28T10:00:00Z', '2022-11-28'],
    ['November 28, 2022', '2022-11-28'],
  ])('reads «%s»', (s, iso) => {
    expect(findDates(s)[0]?.iso).toBe(iso);
  });

  it('refuses impossible dates', () => {
    expect(findDates('31 أبريل 2022')).toEqual([]);
    expect(findDates('28 نوفمبر 1066')).toEqual([]);
  });

  it('knows the weekday of a date and the weekdays a text names', () => {
    expect(findDates('28 نوفمبر 2022')[0].weekday).toBe(1); // a Monday
    expect([...weekdaysIn('وحدتهما، الاثنين، عبر')]).toEqual([1]);
    expect([...weekdaysIn('اليوم (الإثنين)')]).toEqual([1]);
    expect(weekdaysIn('الاثنينية الثقافية').size).toBe(0);
  });

  it.each([
    ['الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)', '2013-08-28'],
    ['نشر في 28 نوفمبر 2022', '2022-11-28'],
    ['الاثنين 4 جمادى الأولى 1444 هـ - 28 نوفمبر 2022 م', '2022-11-28'],
    ['Published November 28, 2022 at 10:30 am', '2022-11-28'],
  ])('takes «%s» for a date line', (line, iso) => {
    expect(dateLineValue(line)?.iso).toBe(iso);
  });

  it('does not take a sentence with a date for a date line', () => {
    expect(dateLineValue('التقى الرئيسان في موسكو يوم 28 نوفمبر 2022')).toBeNull();
  });
});

describe('reading time', () => {
  it.each([
    ['time reading iconدقائق القراءة - 4', 4],
    ['4 دقائق قراءة', 4],
    ['مدة القراءة: 3 دقائق', 3],
    ['قراءة 5 دقائق', 5],
    ['ثلاث دقائق للقراءة', 3],
    ['دقيقتان للقراءة', 2],
    ['5 min read', 5],
  ])('reads «%s»', (line, minutes) => {
    expect(statedReadingMinutes(line)).toBe(minutes);
  });

  it('ignores minutes inside a sentence', () => {
    expect(statedReadingMinutes('الرئيس قال إن 4 دقائق قراءة كانت كافية لفهم النص كله')).toBeNull();
  });

  it('estimates at 180 words per minute for Arabic, rounding up, one minute at least', () => {
    expect(estimateReadingMinutes(353, 'ar')).toBe(2);
    expect(estimateReadingMinutes(540, 'ar')).toBe(3);
    expect(estimateReadingMinutes(1, 'ar')).toBe(1);
    expect(estimateReadingMinutes(476, 'en')).toBe(2);
  });
});

describe('debris', () => {
  it.each([
    'time reading icon',
    'اقرأ أيضاً:',
    'اقرأ أيضا: بوتين يستقبل توكاييف',
    'تصنيفات',
    'الوسوم: روسيا، كازاخستان',
    'شارك',
    'مشاركة الخبر',
    'تابعونا على تويتر',
    'فيسبوك تويتر واتساب',
    'Facebook Twitter WhatsApp',
    'جميع الحقوق محفوظة © 2022',
    '© صحيفة الشرق',
    'إعلان',
    'الأكثر قراءة',
    'الرئيسية | أخبار | سياسة',
    'الآراء الواردة أدناه لا تعبر عن رأي موقع CNN بالعربية، بل تعكس وجهات نظر أصحابها فقط.',
    'ترحب شبكة CNN بالنقاش الحيوي والمفيد، وكي لا نضطر إلى مراجعة التعليقات قبل نشرها.',
    'منذ 3 ساعات',
    '#روسيا #كازاخستان',
    'https://example.com/a/b',
    '* * *',
  ])('drops «%s»', (line) => {
    expect(debrisReason(line)).not.toBeNull();
  });

  it.each([
    'شارك الرئيس في القمة التي عقدت في الرياض.',
    'أرسل الجيش تعزيزات إلى الحدود.',
    'قال الرئيس إن «حماس» و«فتح» و«الجهاد» مدعوة إلى الحوار.',
    'علاقاتنا بـ"طابع خاص"',
    'وفي الشهر ذاته، رفض رئيس كازاخستان الاعتراف بإقليمي لوغانسك ودونيتسك.',
    'Share prices fell sharply on Monday after the announcement.',
  ])('keeps «%s»', (line) => {
    expect(debrisReason(line)).toBeNull();
  });

  it('knows the lines that open a list of links', () => {
    expect(isListMarker(foldForMatch('اقرأ أيضاً:'))).toBe(true);
    expect(isListMarker(foldForMatch('مواضيع ذات صلة'))).toBe(true);
    expect(isListMarker(foldForMatch('اقرأ أيضا: بوتين يستقبل توكاييف'))).toBe(false);
  });

  it('knows tag lists', () => {
    expect(isTagList('روسيا، كازاخستان، بوتين، توكاييف، أوكرانيا')).toBe(true);
    expect(isTagList('بوتين، توكاييف، والحرب')).toBe(false);
    expect(isTagList('زار روسيا، والصين، والهند، والبرازيل في جولة واحدة.')).toBe(false);
  });

  it.each([
    ['كتب: محمد علي', 'محمد علي'],
    ['حوار: آسيا العتروس', 'آسيا العتروس'],
    ['بقلم سمير عطا الله', 'سمير عطا الله'],
    ['By Jane Doe', 'Jane Doe'],
  ])('reads the byline «%s»', (line, name) => {
    expect(bylineOf(line)).toBe(name);
  });

  it.each([
    'كتب الرئيس في تغريدة على تويتر أن الاجتماع كان مثمراً',
    'كتبت الصحيفة أمس: الأزمة تتفاقم',
    'By the end of the year, prices rose.',
  ])('does not take «%s» for a byline', (line) => {
    expect(bylineOf(line)).toBeNull();
  });
});

describe('language', () => {
  it('tells Arabic from Persian and Latin-script text', () => {
    expect(scriptInfo('قال الرئيس إن الاجتماع كان مثمراً').language).toBe('ar');
    expect(scriptInfo('رئیس جمهور گفت که این نشست بسیار مفید بود و کشور پیشرفت کرد').language).toBe('fa');
    expect(scriptInfo('The president said the meeting was useful').language).toBeNull();
    expect(scriptInfo('12345 !!!').letters).toBe(0);
  });
  it('reads declared language tags', () => {
    expect(primaryLanguage('ar-EG')).toBe('ar');
    expect(primaryLanguage('en_US')).toBe('en');
    expect(primaryLanguage('')).toBeNull();
    expect(primaryLanguage('x')).toBeNull();
  });
});
