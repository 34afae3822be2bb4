// Nisba (relational adjective / demonym) forms of country names: روسيا → روسي روسية الروسي
// الروس … Regular forms come from the base by rule; the base comes from the name by rule
// unless curated/nisba.tsv gives it (أمريكي for الولايات المتحدة) or suppresses it (مالي is
// also "financial").

const AL = 'ال';

/** The masculine singular nisba of a one-word Arabic place name, or null when no rule applies. */
export function nisbaBase(name) {
  let w = name.trim();
  if (/\s/.test(w)) return null; // multi-word names need a curated base
  if (w.startsWith(AL) && w.length > 4) w = w.slice(2);
  if (w.length < 3) return null;
  if (w.endsWith('ية')) return w.slice(0, -1); // السعودية → سعودي
  if (w.endsWith('يا')) return w.slice(0, -1); // روسيا → روسي
  if (w.endsWith('ا') || w.endsWith('ى')) return w.slice(0, -1) + 'ي'; // كندا → كندي
  if (w.endsWith('ة')) return w.slice(0, -1) + 'ي'; // سنغافورة → سنغافوري
  if (w.endsWith('ي')) return w; // تشيلي
  if (w.endsWith('و')) return null; // الكونغو → كونغولي: irregular, curated
  return w + 'ي'; // مصر → مصري، كازاخستان → كازاخستاني
}

// Suffixes of the regular inflection of a nisba ending in ي: m.sg, f.sg, m.pl nom/obl, f.pl,
// f.dual nom/obl (الدولتين الروسيتين is rare; the m.dual equals the m.pl oblique in writing).
const SUFFIXES = ['', 'ة', 'ون', 'ين', 'ات', 'تان', 'تين'];

/** All written forms of a nisba base, with and without the article. Multi-word bases inflect each ي-final word. */
export function inflectNisba(base) {
  const words = base.split(/\s+/);
  const out = new Set();
  for (const suffix of SUFFIXES) {
    const inflected = words.map((w) => (w.endsWith('ي') ? w + suffix : w));
    out.add(inflected.join(' '));
    out.add(inflected.map((w) => AL + w).join(' '));
  }
  return [...out];
}
