// The entities stage: find every person, place and organisation, link each to the knowledge base,
// and group the mentions of each referent.
//
//   KB names (clitic-aware)  ─┐
//   tagger spans (ANERcorp)  ─┼─► resolve overlaps ─► link ─► titles («رئيس كازاخستان») ─► group
//   rules (dateline, credits) ┘
import type { Analysis, Mention } from '../analysis/types.js';
import type { Stage, StageOptions } from '../analysis/pipeline.js';
import { loadKb, type Kb, type KbEntry } from '../kb/index.js';
import { matchGazetteer } from '../kb/match.js';
import { loadTagger, tagSpans, gazetteerTags } from './tagger/index.js';
import { resolveOverlaps, type Candidate } from './resolve.js';
import { groupMentions, type EntityInfo } from './coref.js';
import { linkCandidates } from './link.js';
import { sourceMentions } from './sources.js';
import { titleMentions } from './titles.js';
import { transliterate } from './translit.js';

/** Tagger-only spans below this confidence are dropped: an unlinked, uncertain name is noise. */
export const MIN_TAGGER_CONFIDENCE = 0.5;

export function kbInfo(e: KbEntry): EntityInfo {
  return {
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
    (name) => kb.lookup(name)[0]?.type ?? null,
  );
  const tagCands: Candidate[] = tagSpans(doc, { tagger, gazetteerTags: gaz })
    .filter((s) => s.confidence >= MIN_TAGGER_CONFIDENCE)
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

  let cands = resolveOverlaps(kbCands, tagCands, ruleCands);
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
      return e ? kbInfo(e) : null;
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

