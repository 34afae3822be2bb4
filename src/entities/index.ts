// The entities stage: find every person, place and organisation, link each to the knowledge base,
// and group the mentions of each referent.
//
//   KB names (clitic-aware)  ─┐
//   tagger spans (ANERcorp)  ─┼─► resolve overlaps ─► link ─► titles («رئيس كازاخستان») ─► group
//   rules (dateline, credits) ┘
import type { Analysis, EntityType, Mention } from '../analysis/types.js';
import type { Stage, StageOptions } from '../analysis/pipeline.js';
import { loadKb, type Kb, type KbEntry } from '../kb/index.js';
import { matchGazetteer } from '../kb/match.js';
import { loadTagger, tagSpans, gazetteerTags } from './tagger/index.js';
import { resolveOverlaps, type Candidate } from './resolve.js';
import { groupMentions, type EntityInfo } from './coref.js';
import { linkCandidates, officeActive } from './link.js';
import { sourceMentions } from './sources.js';
import { titleMentions, trimLeadingTitle } from './titles.js';
import { transliterate } from './translit.js';
import { segmentWord } from '../text/clitics.js';

/**
 * Tagger-only spans below this confidence are dropped: an unlinked, uncertain name is noise.
 * MISC, the tagger's weakest class on ANERcorp (a grab-bag of nationalities, events and works),
 * needs more.
 */
export const MIN_TAGGER_CONFIDENCE: Record<string, number> = { PER: 0, LOC: 0, ORG: 0, MISC: 0 };

/**
 * The state (or organisation) a person acts for at `date`: the country or organisation of an
 * office they held then. A head of state or government, a minister, a secretary-general acts for
 * their state or body; other roles (party leaders, athletes) do not make them its agent.
 */
const AGENT_ROLES = new Set([
  'president', 'vice_president', 'prime_minister', 'king', 'queen', 'emir', 'sultan', 'crown_prince', 'chancellor',
  'supreme_leader', 'emperor', 'head_of_state', 'head_of_government', 'foreign_minister', 'defense_minister',
  'interior_minister', 'finance_minister', 'secretary_general', 'director_general', 'envoy',
]);
export function actsFor(e: KbEntry, date: string | null, kb: Kb): string | null {
  if (!date || !e.offices) return null;
  for (const o of e.offices) {
    if (!AGENT_ROLES.has(o.role) || !officeActive(o, date)) continue;
    if (o.country && kb.byIso2(o.country)) return kb.byIso2(o.country)!.id;
    if (o.org && kb.get(o.org)) return o.org;
  }
  return null;
}

export function kbInfo(e: KbEntry, date: string | null = null, kb: Kb | null = null): EntityInfo {
  return {
    actsFor: kb ? actsFor(e, date, kb) : null,
    type: e.type,
    subtype: e.subtype,
    ar: e.ar,
    en: e.en,
    enTransliterated: false,
    wikidata: e.wikidata ?? null,
    standsFor: e.standsFor ?? null,
  };
}

/** Strips glued proclitics (و ف ب ل ك) from the first word of an unlinked name for its display form. */
function displayName(surface: string): string {
  return surface.replace(/^[وف]?[بلك]?(?=ال)/, '').trim();
}

/**
 * The tagger was trained on ANERcorp, whose tokens keep their proclitics (وكازاخستان is one token,
 * tagged B-LOC); a mention starts at the name, so و ف ب ك ل glued before it are left out — but not
 * the article, nor the ل of «لل» whose alef is elided (للأمم).
 */
function trimProclitics(doc: Analysis) {
  return <T extends { start: number; end: number; tokenStart: number }>(s: T): T => {
    const tok = doc.tokens[s.tokenStart];
    if (tok.kind !== 'arabic' || tok.start !== s.start || /^[وف]?لل/.test(tok.text)) return s;
    const seg = segmentWord(tok.text);
    let cut = 0;
    for (const p of seg.proclitics) {
      if (p === 'ال' || p === 'س') break;
      cut++;
    }
    // Proclitics are single letters; diacritics between them are skipped by the segmenter's offsets.
    if (cut === 0) return s;
    const offset = seg.proclitics.includes('ال') ? tok.text.indexOf('ال', cut - 1) : seg.stemStart;
    return offset > 0 && s.start + offset < s.end ? { ...s, start: s.start + offset } : s;
  };
}

// The tagger's dictionary features come from the KB: names are found by the shared longest-match
// matcher, which asks the KB how long the longest name starting with a word is (most words start
// none) and then looks candidates up. Lookups repeat across documents, so they are memoised.
const GAZ_CACHE_MAX = 200_000;
let gazCache = new Map<string, EntityType | null>();
function gazetteerLookup(kb: Kb) {
  return (name: string): EntityType | null => {
    let v = gazCache.get(name);
    if (v === undefined) {
      v = kb.lookup(name)[0]?.type ?? null;
      if (gazCache.size >= GAZ_CACHE_MAX) gazCache = new Map();
      gazCache.set(name, v);
    }
    return v;
  };
}
const longestKbName = (kb: Kb) => (first: string) => kb.startingWith(first)[0]?.length;

function findEntities(doc: Analysis, date: string | null): { mentions: Mention[]; entities: Analysis['entities'] } {
  if (!doc.tokens.length) return { mentions: [], entities: [] };
  const kb: Kb = loadKb();
  const tagger = loadTagger();

  const kbMentions = matchGazetteer(doc, kb);
  const kbCands: Candidate[] = kbMentions.map((m) => ({
    start: m.start,
    end: m.end,
    sentence: m.sentence,
    type: m.type,
    subtype: m.subtype,
    source: 'kb',
    kbId: m.kbId,
  }));
  // The tagger sees the KB's reading of each token as features.
  const gaz = gazetteerTags(
    doc.tokens.map((t) => t.text),
    gazetteerLookup(kb),
    longestKbName(kb),
  );
  const tagCands: Candidate[] = tagSpans(doc, { tagger, gazetteerTags: gaz })
    .map(trimProclitics(doc))
    .map((s) => trimLeadingTitle(doc, kb, s))
    .filter((s) => s.confidence >= MIN_TAGGER_CONFIDENCE[s.type])
    // A lone nisba adjective («الكازاخستاني», «روسي») describes, it does not name.
    .filter((s) => s.tokenEnd - s.tokenStart > 1 || !kb.adjective(doc.tokens[s.tokenStart].text.replace(/^[وف]?[بلك]?(?=ال)/, '')))
    .map((s) => ({
      start: s.start,
      end: s.end,
      sentence: s.sentence,
      type: s.type,
      subtype: null,
      source: 'tagger',
      kbId: null,
      confidence: s.confidence,
      tokenStart: s.tokenStart,
      tokenEnd: s.tokenEnd,
    }));
  const ruleCands = sourceMentions(doc, kb);
  // The matcher also returns the names inside a MISC name («ميثاق الأمم المتحدة» → the UN).
  for (const c of kbCands)
    c.nested = kbCands.some((h) => h !== c && h.type === 'MISC' && h.start <= c.start && c.end <= h.end && h.end - h.start > c.end - c.start);

  const mayShorten = (k: Candidate, t: Candidate) =>
    doc.text
      .slice(t.end, k.end)
      .split(/\s+/)
      .filter(Boolean)
      .every((w) => !!kb.adjective(w));
  let cands = resolveOverlaps(kbCands, tagCands, ruleCands, mayShorten);
  cands = linkCandidates(doc, cands, kb, date);
  const titles = titleMentions(doc, cands, kb, date);
  cands = titles.candidates;

  const mentions: Mention[] = cands.map((c) => ({
    start: c.start,
    end: c.end,
    text: doc.text.slice(c.start, c.end),
    sentence: c.sentence,
    type: c.type,
    subtype: c.subtype,
    source: c.source === 'rule' && titles.titleMentions.has(c) ? 'coref' : c.source,
    kbId: c.kbId,
    entityId: null,
    ...(c.confidence !== undefined ? { confidence: c.confidence } : {}),
  }));

  return groupMentions(
    mentions,
    (id) => {
      const e = kb.get(id);
      return e ? kbInfo(e, date, kb) : null;
    },
    (m) => {
      const ar = displayName(m.text);
      return {
        type: m.type,
        subtype: m.subtype,
        ar,
        en: transliterate(ar) || null,
        enTransliterated: true,
        wikidata: null,
        standsFor: null,
      };
    },
  );
}

export const entitiesStage: Stage = {
  name: 'entities',
  run(doc: Analysis, opts: StageOptions): Analysis {
    const date = opts.referenceDate ?? doc.article.published;
    const { mentions, entities } = findEntities(doc, date ? date.slice(0, 10) : null);
    return { ...doc, mentions, entities };
  },
};

