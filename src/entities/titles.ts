// Titles: «الرئيس الروسي», «رئيس كازاخستان», «وزير الخارجية الأمريكي», «نظيره الكازاخستاني».
//
// A title names an office; with its country (a nisba adjective after it, or a country or
// organisation in the genitive) and the article's date it names the person who held the office
// then. Two uses:
//  - before a name («الرئيس الروسي فلاديمير بوتين») it is evidence for linking that name;
//  - alone («رفض رئيس كازاخستان …») it is itself a mention of the office holder (coreference).
// «نظيره» (his counterpart) takes the role of the last title seen: the counterpart of a president
// is a president.
import type { Analysis } from '../analysis/types.js';
import type { Kb, KbEntry } from '../kb/index.js';
import { matchTitle, holderAt, officeIndex } from '../kb/offices.js';
import { proclitcVariants } from '../text/clitics.js';
import { normalizeArabic } from '../text/normalize.js';
import type { Candidate } from './resolve.js';

const COUNTERPART = /^(?:و|ف)?(?:ل|ب)?نظير(?:ه|ها|هم|ته|تها|يه|يها)?$/;

/** UTF-16 offset in `surface` after its first `letters` letters (diacritics and tatweel skipped). */
function surfaceOffset(surface: string, letters: number): number {
  let seen = 0;
  let k = 0;
  while (k < surface.length && seen < letters) {
    if (!/[\u064B-\u065F\u0670\u0640]/.test(surface[k])) seen++;
    k++;
  }
  return k;
}

interface Office {
  role: string;
  country?: string;
  org?: string;
}

/**
 * ANERcorp-style names leave titles out, but the tagger sometimes pulls them in («نظيره الكازاخستاني
 * قاسم توكاييف», «الرئيس بوتين»). A person span that starts with a title phrase or «نظيره», and
 * nisba adjectives after it, starts at the name instead.
 */
export function trimLeadingTitle<T extends { start: number; end: number; tokenStart: number; tokenEnd: number; type: string }>(
  doc: Analysis,
  kb: Kb,
  span: T,
): T {
  if (span.type !== 'PER') return span;
  const tokens = doc.tokens;
  let i = span.tokenStart;
  const end = span.tokenEnd;
  if (COUNTERPART.test(tokens[i].norm)) i++;
  else {
    const m = matchTitle(tokens.slice(i, end).map((t) => t.norm), 0);
    if (!m) return span;
    i += m.length;
  }
  while (i < end && tokens[i].kind === 'arabic' && kb.adjective(tokens[i].text)) i++;
  if (i >= end || i === span.tokenStart) return span;
  return { ...span, start: tokens[i].start, tokenStart: i };
}

export function titleMentions(
  doc: Analysis,
  cands: Candidate[],
  kb: Kb,
  date: string | null,
): { candidates: Candidate[]; titleMentions: Set<Candidate> } {
  const created = new Set<Candidate>();
  if (!date) return { candidates: cands, titleMentions: created };
  const index = officeIndex(kb);
  const tokens = doc.tokens;
  const startsAt = new Map<number, Candidate>();
  for (const c of cands) startsAt.set(c.start, c);
  const out = [...cands];
  let lastRole: string | null = null;

  // Proclitic-stripped readings of the first token of a title («لرئيس» → «رئيس»).
  const firstForms = (i: number) =>
    tokens[i].kind === 'arabic'
      ? proclitcVariants(tokens[i].text).map((v) => ({ norm: normalizeArabic(v.form), offset: v.offset }))
      : [{ norm: tokens[i].norm, offset: 0 }];

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'arabic') continue;
    let office: Office | null = null;
    let offset = 0;
    let j = i + 1;
    if (COUNTERPART.test(t.norm)) {
      if (!lastRole) continue;
      office = { role: lastRole };
      offset = t.text.search(/نظير/);
    } else {
      for (const f of firstForms(i)) {
        const norms = [f.norm, ...tokens.slice(i + 1, i + 6).map((x) => x.norm)];
        const m = matchTitle(norms, 0);
        if (m) {
          office = { role: m.role, ...(m.org ? { org: m.org } : {}), ...(m.country ? { country: m.country } : {}) };
          offset = f.offset + surfaceOffset(tokens[i].text.slice(f.offset), m.prefix);
          j = i + m.length;
          break;
        }
      }
    }
    if (!office) continue;
    // The country: a nisba adjective, or a country / organisation in the genitive.
    if (!office.org && !office.country && j < tokens.length && tokens[j].sentence === t.sentence) {
      const adj = kb.adjective(tokens[j].text);
      const gen = startsAt.get(tokens[j].start) ?? cands.find((c) => c.start > tokens[j].start && c.start < tokens[j].end);
      if (adj?.iso2) {
        office.country = adj.iso2;
        j++;
      } else if (gen?.kbId && gen.start >= tokens[j].start && gen.start < tokens[j].end) {
        const e = kb.get(gen.kbId);
        const country = e?.iso2 ?? (e?.id.startsWith('iso:') ? e.id.slice(4) : undefined);
        if (country && e?.subtype === 'GPE') office.country = country;
        else if (e?.type === 'ORG') office.org = e.id;
        if (office.country || office.org) while (j < tokens.length && tokens[j].end <= gen.end) j++;
      }
    }
    if (!office.country && !office.org) continue;
    lastRole = office.role;
    const holder: KbEntry | null = holderAt(index, office.role, { country: office.country, org: office.org }, date);
    // A name right after the title: the title is evidence for it.
    const next = j < tokens.length ? startsAt.get(tokens[j].start) : undefined;
    if (next && next.type === 'PER') {
      if (holder && next.kbId !== holder.id && (!next.kbId || !kb.get(next.kbId)?.offices?.length)) {
        const surname = normalizeArabic(doc.text.slice(next.start, next.end)).split(' ').pop()!;
        const names = [holder.ar, ...(holder.aliases_ar ?? [])].map((n) => normalizeArabic(n));
        if (names.some((n) => n.split(' ').includes(surname))) next.kbId = holder.id;
      }
      i = j - 1;
      continue;
    }
    if (!holder) continue;
    // The title alone is a mention of the office holder.
    const start = tokens[i].start + offset;
    const end = tokens[j - 1].end;
    const c: Candidate = {
      start,
      end,
      sentence: t.sentence,
      type: 'PER',
      subtype: holder.subtype,
      source: 'rule',
      kbId: holder.id,
    };
    created.add(c);
    out.push(c);
    i = j - 1;
  }
  out.sort((a, b) => a.start - b.start);
  return { candidates: out, titleMentions: created };
}
