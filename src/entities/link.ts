// Linking: every candidate mention to the KB entry it names, where one fits.
//
// KB matches arrive linked; the work here is (1) choosing among homonyms — a person who held an
// office at the article's date beats one who did not, then the KB's own rank (countries, curated
// entries, large cities first) — and (2) linking tagger spans, whose exact surface (or the surface
// without glued proclitics) may be a KB name the gazetteer did not fire on, or a fuller form of a
// known person («قاسم جومارت توكاييف» when the KB lists «قاسم توكاييف»): same first and last name.
import type { Analysis } from '../analysis/types.js';
import type { Kb, KbEntry, KbOffice } from '../kb/index.js';
import type { Candidate } from './resolve.js';
import { nameWords } from './coref.js';

/** True when an office term covers `date` (ISO date; terms are YYYY, YYYY-MM or full dates). */
export function officeActive(o: KbOffice, date: string): boolean {
  return o.start.slice(0, date.length) <= date && (o.end === null || date <= o.end + '\uffff');
}

/** True when a person held any office on `date`. */
export function inOffice(e: KbEntry, date: string | null): boolean {
  return !!date && !!e.offices?.some((o) => officeActive(o, date));
}

function pick(entries: KbEntry[], type: Candidate['type'], date: string | null): KbEntry | undefined {
  const typed = entries.filter((e) => e.type === type);
  const pool = typed.length ? typed : entries;
  if (type === 'PER' && pool.length > 1) {
    const active = pool.filter((e) => inOffice(e, date));
    if (active.length) return active[0];
  }
  return pool[0];
}

/** Names of a person as word lists (normalised, ال dropped), for first+last name comparison. */
function personNames(e: KbEntry): string[][] {
  return [e.ar, ...(e.aliases_ar ?? [])].map(nameWords).filter((w) => w.length > 0);
}

export function linkCandidates(doc: Analysis, cands: Candidate[], kb: Kb, date: string | null): Candidate[] {
  const linkedPeople = new Map<string, KbEntry>();
  const out = cands.map((c) => {
    const surface = doc.text.slice(c.start, c.end);
    if (c.kbId) {
      // Re-check homonyms: the matcher gives the best-ranked entry, the date may say otherwise.
      const all = kb.lookup(surface);
      const best = all.length > 1 ? pick(all, c.type, date) : undefined;
      const chosen = best && best.type === c.type ? best : kb.get(c.kbId);
      if (chosen?.type === 'PER') linkedPeople.set(chosen.id, chosen);
      return chosen && chosen.id !== c.kbId ? { ...c, kbId: chosen.id, subtype: chosen.subtype } : c;
    }
    // A tagger span: its surface, or its surface without a glued proclitic, may be a KB name.
    const forms = [surface, surface.replace(/^[وف]?[بلك]?(?=ال)/, ''), surface.replace(/^[وف](?=\S{3})/, '')];
    for (const f of forms) {
      const entries = kb.lookup(f);
      const e = entries.length ? pick(entries, c.type, date) : undefined;
      if (e && (e.type === c.type || (c.type === 'MISC' && e.type !== 'PER'))) {
        if (e.type === 'PER') linkedPeople.set(e.id, e);
        return { ...c, kbId: e.id, type: e.type, subtype: e.subtype, source: c.source };
      }
    }
    return c;
  });
  // A fuller form of a person already linked in this article: same first and last name.
  return out.map((c) => {
    if (c.kbId || c.type !== 'PER') return c;
    const w = nameWords(doc.text.slice(c.start, c.end));
    if (w.length < 2) return c;
    for (const p of linkedPeople.values())
      if (personNames(p).some((n) => n.length >= 2 && n[0] === w[0] && n[n.length - 1] === w[w.length - 1]))
        return { ...c, kbId: p.id, subtype: p.subtype };
    return c;
  });
}
